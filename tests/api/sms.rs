//! The SMS webhooks, as Twilio's messaging side calls them: a parent's message
//! (`POST /twilio/sms`) answered with TwiML, and the delivery of our reply
//! (`POST /twilio/sms/status?reply_to=<inbound sid>`), asserting what the parent
//! reads back and what is stored.
//!
//! Texts are compared with the knowledge base (`ivr-scripts/faq.toml`) as loaded
//! and rendered now, or on fragments that do not change (RAPPEL, 3114), so that
//! the tests follow the knowledge base as it is reviewed. Every answer received is
//! checked against Twilio's messaging TwiML classes
//! (`tests/fixtures/twilio/twiml-messaging-allowlist.json`).

use std::path::Path;
use std::sync::OnceLock;

use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use numerovert::db::messages::SmsMessage;
use numerovert::sms::bot;
use numerovert::sms::kb::{self, KnowledgeBase};
use serde_json::Value;

use crate::helpers::*;

/// The helpline's SMS number in the demo settings.
const SMS_LINE: &str = "+33199005678";
const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

/// A fresh `SM…` (or `MM…`) sid: the prefix and 32 hexadecimal characters.
pub(crate) fn sid(prefix: &str) -> String {
    format!("{prefix}{}", uuid::Uuid::new_v4().simple())
}

/// The knowledge base as the service loads it.
fn kb() -> KnowledgeBase {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ivr-scripts");
    KnowledgeBase::load_dir(&dir, 3).unwrap_or_else(|e| panic!("{}", e.join("\n")))
}

/// A text of the knowledge base as the parent reads it at `at`.
fn rendered(text: &str, at: DateTime<Utc>) -> String {
    kb::render(text, &vars_at(at))
}

/// The placeholders' values at `at`, as the service fills them.
fn vars_at(at: DateTime<Utc>) -> kb::Vars {
    numerovert::contacts::messages::vars(&settings("sqlite://unused.db", &[]), at)
}

/// The answer of a topic, as sent at `at`.
fn topic_answer(kb: &KnowledgeBase, id: &str, at: DateTime<Utc>) -> String {
    let topic = kb
        .topic(id)
        .unwrap_or_else(|| panic!("no topic {id} in the knowledge base"));
    rendered(&topic.answer, at)
}

/// The parameters of an inbound message as Twilio posts them.
pub(crate) fn inbound(message_sid: &str, from: &str, body: &str) -> Vec<(String, String)> {
    vec![
        ("ToCountry".into(), "FR".into()),
        ("SmsMessageSid".into(), message_sid.into()),
        ("NumMedia".into(), "0".into()),
        ("SmsSid".into(), message_sid.into()),
        ("SmsStatus".into(), "received".into()),
        ("Body".into(), body.into()),
        ("FromCountry".into(), "FR".into()),
        ("To".into(), SMS_LINE.into()),
        ("NumSegments".into(), "1".into()),
        ("MessageSid".into(), message_sid.into()),
        ("AccountSid".into(), ACCOUNT.into()),
        ("From".into(), from.into()),
        ("ApiVersion".into(), "2010-04-01".into()),
    ]
}

/// The webhook's answer.
#[derive(Debug)]
struct Answer {
    raw: String,
    doc: El,
}

impl Answer {
    /// The text the parent receives; None for silence (`<Response/>`).
    fn text(&self) -> Option<&str> {
        match self.doc.children.as_slice() {
            [] => None,
            [message] => {
                assert_eq!(message.name, "Message", "{}", self.raw);
                Some(message.text.as_str())
            }
            _ => panic!("one reply at most: {}", self.raw),
        }
    }

    /// The text, which there must be.
    fn reply(&self) -> &str {
        self.text()
            .unwrap_or_else(|| panic!("a reply was expected: {}", self.raw))
    }

    fn is_silent(&self) -> bool {
        self.text().is_none()
    }

    /// Where Twilio reports the delivery of the reply.
    fn action(&self) -> String {
        self.reply();
        let message = &self.doc.children[0];
        assert_eq!(message.attr("method"), Some("POST"), "{}", self.raw);
        message
            .attr("action")
            .unwrap_or_else(|| panic!("no action on <Message>: {}", self.raw))
            .to_owned()
    }
}

/// Posts an inbound message's webhook, signed; every answer is checked
/// against the messaging allowlist.
async fn post_sms(app: &TestApp, params: &[(String, String)]) -> Answer {
    let (status, raw) = app.post_signed(&format!("{BASE}/twilio/sms"), params, &[]).await;
    assert_eq!(status, StatusCode::OK, "{raw}");
    check_allowlist(&raw);
    let doc = parse_twiml(&raw);
    Answer { raw, doc }
}

/// A parent texts `body` from `from`; returns the message's sid and the answer.
async fn text(app: &TestApp, from: &str, body: &str) -> (String, Answer) {
    let message_sid = sid("SM");
    let answer = post_sms(app, &inbound(&message_sid, from, body)).await;
    (message_sid, answer)
}

/// Twilio reports the delivery of a reply at `action` (the `<Message action>`).
async fn delivery(
    app: &TestApp,
    action: &str,
    message_sid: &str,
    to: &str,
    status: &str,
    error_code: Option<&str>,
) -> StatusCode {
    let mut params: Vec<(String, String)> = vec![
        ("ToCountry".into(), "FR".into()),
        ("SmsSid".into(), message_sid.into()),
        ("SmsStatus".into(), status.into()),
        ("MessageStatus".into(), status.into()),
        ("To".into(), to.into()),
        ("MessageSid".into(), message_sid.into()),
        ("AccountSid".into(), ACCOUNT.into()),
        ("From".into(), SMS_LINE.into()),
        ("ApiVersion".into(), "2010-04-01".into()),
    ];
    if let Some(code) = error_code {
        params.push(("ErrorCode".into(), code.into()));
    }
    let (code, raw) = app.post_signed(action, &params, &[]).await;
    if code == StatusCode::OK {
        check_allowlist(&raw);
        assert!(
            parse_twiml(&raw).children.is_empty(),
            "a status gets an empty answer: {raw}"
        );
    }
    code
}

/// The contact the number's last message belongs to.
async fn current_contact(app: &TestApp, phone: &str) -> i64 {
    app.store
        .sms_conversation(phone, SMS_LINE)
        .await
        .unwrap()
        .expect("the conversation is stored")
        .contact_id
        .expect("the conversation has a contact")
}

fn inbound_messages(messages: &[SmsMessage]) -> Vec<&SmsMessage> {
    messages.iter().filter(|m| m.direction == "inbound").collect()
}

fn outbound_messages(messages: &[SmsMessage]) -> Vec<&SmsMessage> {
    messages.iter().filter(|m| m.direction == "outbound").collect()
}

/// The bot's reading stored with an inbound message.
fn analysis(message: &SmsMessage) -> Value {
    let json = message
        .analysis
        .as_deref()
        .unwrap_or_else(|| panic!("no analysis on {message:?}"));
    serde_json::from_str(json).unwrap()
}

async fn timeline_kinds_of(app: &TestApp, contact_id: i64) -> Vec<String> {
    app.store
        .timeline(contact_id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

// --- The allowlist ---------------------------------------------------------

fn allowlist() -> &'static Value {
    static ALLOWLIST: OnceLock<Value> = OnceLock::new();
    ALLOWLIST.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/twilio/twiml-messaging-allowlist.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).unwrap()
    })
}

/// A messaging answer: the declaration first, one `<Response>` root, and below
/// it only elements and attributes Twilio's classes know where they stand,
/// text only where the class takes text.
fn check_allowlist(raw: &str) {
    let problems = allowlist_problems(raw);
    assert!(problems.is_empty(), "{}\nin {raw}", problems.join("\n"));
}

/// What Twilio's messaging classes would not know in `raw`.
fn allowlist_problems(raw: &str) -> Vec<String> {
    let list = allowlist();
    let mut problems = Vec::new();
    if !raw.starts_with(DECLARATION) {
        problems.push("no XML declaration first".to_owned());
    }
    let doc = parse_twiml(raw);
    if Some(doc.name.as_str()) != list["root_element"].as_str() {
        problems.push(format!("<{}> is not the root element", doc.name));
    }
    if !doc.attrs.is_empty() {
        problems.push("<Response> takes no attribute".to_owned());
    }
    if !doc.text.trim().is_empty() {
        problems.push("<Response> takes no text".to_owned());
    }
    let root = list["root_class"].as_str().expect("a root class");
    check_children(&list["tree"], root, &doc, &mut problems);
    problems
}

fn check_children(tree: &Value, class: &str, el: &El, problems: &mut Vec<String>) {
    for child in &el.children {
        let spec = &tree[class]["children"][child.name.as_str()];
        if !spec.is_object() {
            problems.push(format!("<{}> is not allowed in <{}>", child.name, el.name));
            continue;
        }
        let known: Vec<&str> = spec["attributes"]
            .as_array()
            .expect("attributes")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for (name, _) in &child.attrs {
            if !known.contains(&name.as_str()) {
                problems.push(format!("<{}> has an unknown attribute {name}", child.name));
            }
        }
        for required in spec["required_attributes"].as_array().into_iter().flatten() {
            let required = required.as_str().expect("an attribute name");
            if child.attr(required).is_none() {
                problems.push(format!("<{}> lacks {required}", child.name));
            }
        }
        let has_text = !child.text.trim().is_empty();
        match spec["text"].as_object() {
            Some(text) if text.get("required").and_then(Value::as_bool) == Some(true) && !has_text => {
                problems.push(format!("<{}> needs text", child.name));
            }
            None if has_text => problems.push(format!("<{}> takes no text", child.name)),
            _ => {}
        }
        let next = spec["class"].as_str().expect("a class");
        check_children(tree, next, child, problems);
    }
}

#[test]
fn the_allowlist_checker_refuses_what_twilio_does_not_know() {
    let ok = format!(
        r#"{DECLARATION}<Response><Message action="https://h.example/s?reply_to=SM1&amp;x=1" method="POST">Bonjour</Message></Response>"#
    );
    assert_eq!(allowlist_problems(&ok), Vec::<String>::new());
    assert!(allowlist_problems(&format!("{DECLARATION}<Response/>")).is_empty());
    for (bad, problem) in [
        (
            format!("{DECLARATION}<Response><Say>Bonjour</Say></Response>"),
            "<Say> is not allowed in <Response>",
        ),
        (
            format!(r#"{DECLARATION}<Response><Message voice="Polly.Lea">Bonjour</Message></Response>"#),
            "<Message> has an unknown attribute voice",
        ),
        (
            format!("{DECLARATION}<Response><Message><Play>https://h.example/a.mp3</Play></Message></Response>"),
            "<Play> is not allowed in <Message>",
        ),
        (
            format!("{DECLARATION}<Response><Message><Media/></Message></Response>"),
            "<Media> needs text",
        ),
        ("<Response/>".to_owned(), "no XML declaration first"),
    ] {
        assert_eq!(allowlist_problems(&bad), vec![problem.to_owned()], "{bad}");
    }
}

// --- The tests -------------------------------------------------------------

#[tokio::test]
async fn a_question_is_stored_and_answered_from_its_topic() {
    let kb = kb();
    for backend in backends() {
        let at = open_hours();
        let app = TestApp::spawn_with_team(&backend, at).await;
        let (message_sid, answer) = text(&app, PARENT, "J'allaite et j'ai des crevasses, c'est normal ?").await;

        assert_eq!(
            answer.reply(),
            topic_answer(&kb, "allaitement", at),
            "{backend:?}: {}",
            answer.raw
        );
        assert_eq!(
            answer.action(),
            format!("{BASE}/twilio/sms/status?reply_to={message_sid}"),
            "{backend:?}"
        );

        let contact_id = current_contact(&app, PARENT).await;
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        assert_eq!(messages.len(), 2, "{backend:?}: {messages:?}");
        let (question, reply) = (&messages[0], &messages[1]);
        assert_eq!(question.direction, "inbound");
        assert_eq!(question.provider_sid.as_deref(), Some(message_sid.as_str()));
        assert_eq!(question.body, "J'allaite et j'ai des crevasses, c'est normal ?");
        assert_eq!(question.author, "parent");
        assert_eq!(question.status, "received");
        assert_eq!(question.num_media, 0);
        let reading = analysis(question);
        assert_eq!(reading["topic"], "allaitement", "{backend:?}: {reading}");
        assert_eq!(reading["kind"], "faq", "{backend:?}: {reading}");

        assert_eq!(reply.direction, "outbound");
        assert_eq!(reply.body, answer.reply());
        assert_eq!(reply.author, "bot");
        assert_eq!(reply.status, "queued");
        assert_eq!(reply.provider_sid, None, "learnt from the first status callback");
        let count = numerovert::sms::encoding::count(&reply.body);
        assert_eq!(reply.segments, Some(count.segments as i64), "{backend:?}");
        assert_eq!(reply.encoding.as_deref(), Some(count.encoding.as_str()), "{backend:?}");
        assert_eq!(question.conversation_id, reply.conversation_id);

        let contact = app.store.contact(contact_id).await.unwrap().unwrap();
        assert_eq!(contact.channel, "sms", "{backend:?}");
        assert_eq!(contact.outcome.as_deref(), Some("informed"), "{backend:?}");
        assert_eq!(contact.need.as_deref(), Some("allaitement"), "{backend:?}");
        assert_eq!(contact.caller_number.as_deref(), Some(PARENT));
        assert_eq!(contact.line_number.as_deref(), Some(SMS_LINE));
        assert_eq!(contact.started_at, at);

        let kinds = timeline_kinds_of(&app, contact_id).await;
        for kind in ["sms-in", "sms-read", "sms-out"] {
            assert!(kinds.iter().any(|k| k == kind), "{backend:?}: no {kind} in {kinds:?}");
        }
        assert!(
            app.store.follow_up_for_contact(contact_id).await.unwrap().is_none(),
            "{backend:?}: an answered question needs no call back"
        );
    }
}

#[tokio::test]
async fn a_retried_message_gets_the_same_answer_word_for_word_and_is_stored_once() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        let params = inbound(&sid("SM"), PARENT, "mon bébé ne dort pas la nuit, que faire ?");
        let first = post_sms(&app, &params).await;
        let again = post_sms(&app, &params).await;
        assert!(first.text().is_some(), "{backend:?}: {}", first.raw);
        assert_eq!(first.raw, again.raw, "{backend:?}: a retry gets the stored answer");

        let contact_id = current_contact(&app, PARENT).await;
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        assert_eq!(inbound_messages(&messages).len(), 1, "{backend:?}: {messages:?}");
        assert_eq!(outbound_messages(&messages).len(), 1, "{backend:?}: {messages:?}");
        let sms_in = timeline_kinds_of(&app, contact_id)
            .await
            .into_iter()
            .filter(|k| k == "sms-in" || k == "sms-out")
            .count();
        assert_eq!(sms_in, 2, "{backend:?}: one sms-in, one sms-out");
    }
}

#[tokio::test]
async fn a_retry_racing_the_first_request_gets_the_same_answer_and_is_stored_once() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        // Several rounds: on PostgreSQL the second request once failed on the
        // unique MessageSid and got the apology instead of the answer.
        for round in 0..5 {
            let params = inbound(&sid("SM"), PARENT, "mon bébé ne dort pas la nuit, que faire ?");
            let (a, b) = tokio::join!(post_sms(&app, &params), post_sms(&app, &params));
            assert_eq!(a.raw, b.raw, "{backend:?} round {round}");
            assert!(
                a.action().contains("reply_to=SM"),
                "{backend:?}: not the apology: {}",
                a.raw
            );
        }
        let contact_id = current_contact(&app, PARENT).await;
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        assert_eq!(inbound_messages(&messages).len(), 5, "{backend:?}: {messages:?}");
        assert_eq!(outbound_messages(&messages).len(), 5, "{backend:?}: {messages:?}");
    }
}

#[tokio::test]
async fn a_distress_message_gets_the_safety_answer_an_urgent_follow_up_and_alerts_the_psychologist_on_duty() {
    let words = "je veux mourir, je n'en peux plus";
    let detection = numerovert::sms::safety::detect(words).expect("the safety detector catches a clear message");
    assert_eq!(detection.category.id(), "idees-suicidaires");
    let kb = kb();
    for backend in backends() {
        let at = open_hours();
        let app = TestApp::spawn_with_team(&backend, at).await;
        let (_, answer) = text(&app, PARENT, words).await;
        let reply = answer.reply();
        assert!(reply.contains("3114"), "{backend:?}: {reply}");
        let safety = &kb.safety[&detection.category];
        assert_eq!(reply, rendered(safety, at), "{backend:?}");

        let contact_id = current_contact(&app, PARENT).await;
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        let reading = analysis(inbound_messages(&messages)[0]);
        assert_eq!(reading["kind"], "safety", "{backend:?}: {reading}");
        assert_eq!(reading["safety"], "idees-suicidaires", "{backend:?}: {reading}");

        let follow_up = app
            .store
            .follow_up_for_contact(contact_id)
            .await
            .unwrap()
            .expect("an urgent follow-up");
        assert_eq!(follow_up.reason, "safety", "{backend:?}");
        assert!(follow_up.urgent, "{backend:?}");
        assert_eq!(follow_up.due_at, at, "{backend:?}: due now");
        let open = app.store.open_follow_ups(10).await.unwrap();
        assert_eq!(open.first().map(|f| f.contact_id), Some(contact_id), "{backend:?}");

        let contact = app.store.contact(contact_id).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("safety"), "{backend:?}");
        assert_eq!(contact.need.as_deref(), Some("idees-suicidaires"), "{backend:?}");

        let alerts: Vec<_> = app
            .store
            .list_outbox(100)
            .await
            .unwrap()
            .into_iter()
            .filter(|o| o.purpose == "staff-alert")
            .collect();
        assert_eq!(
            alerts.len(),
            1,
            "{backend:?}: one alert per psychologist on duty: {alerts:?}"
        );
        let alert = &alerts[0];
        assert_eq!(alert.to_number, "+33639980004", "{backend:?}: the psychologist");
        assert!(!alert.to_parent);
        assert_eq!(alert.contact_id, Some(contact_id));
        assert_eq!(alert.state, "pending");
        assert!(
            alert.body.contains(&format!("/contacts/{contact_id}")),
            "{backend:?}: {}",
            alert.body
        );
        for word in ["mourir", "peux plus"] {
            assert!(
                !alert.body.contains(word),
                "{backend:?}: the alert never carries the parent's words: {}",
                alert.body
            );
        }
        assert!(!alert.body.contains(PARENT), "{backend:?}: nor the parent's number");

        let timeline = app.store.timeline(contact_id).await.unwrap();
        let event = timeline
            .iter()
            .find(|e| e.kind == "safety-alert")
            .unwrap_or_else(|| panic!("{backend:?}: no safety-alert on {timeline:?}"));
        let detail: Value = serde_json::from_str(&event.detail).unwrap();
        assert_eq!(detail["role"], "psychologue", "{backend:?}: {detail}");
        assert_eq!(detail["category"], "idees-suicidaires", "{backend:?}: {detail}");

        // Distress comes first, even from a number that opted out.
        let other = "+33639980125";
        let (_, answer) = text(&app, other, "STOP").await;
        assert!(answer.text().is_some(), "{backend:?}");
        let (_, answer) = text(&app, other, words).await;
        assert_eq!(
            answer.reply(),
            rendered(safety, at),
            "{backend:?}: answered while opted out"
        );
        let other_contact = current_contact(&app, other).await;
        let alerted = app
            .store
            .list_outbox(100)
            .await
            .unwrap()
            .into_iter()
            .any(|o| o.purpose == "staff-alert" && o.contact_id == Some(other_contact));
        assert!(
            alerted,
            "{backend:?}: the psychologist is alerted for the opted-out parent too"
        );
    }
}

#[tokio::test]
async fn stop_is_confirmed_once_silences_the_bot_but_not_a_callback_request_and_start_lifts_it() {
    let kb = kb();
    for backend in backends() {
        let at = open_hours();
        let app = TestApp::spawn_with_team(&backend, at).await;

        let (_, answer) = text(&app, PARENT, "ARRET").await;
        assert_eq!(answer.reply(), rendered(&kb.messages.stop, at), "{backend:?}");
        assert!(answer.reply().contains("START"), "{backend:?}: {}", answer.reply());
        let conversation = app.store.sms_conversation(PARENT, SMS_LINE).await.unwrap().unwrap();
        assert_eq!(conversation.opted_out_at, Some(at), "{backend:?}");

        let (_, answer) = text(&app, PARENT, "STOP").await;
        assert!(answer.is_silent(), "{backend:?}: confirmed once: {}", answer.raw);

        let question = "Mon bébé a de la fièvre, que faire ?";
        let (question_sid, answer) = text(&app, PARENT, question).await;
        assert!(
            answer.is_silent(),
            "{backend:?}: no reply while opted out: {}",
            answer.raw
        );
        let contact_id = current_contact(&app, PARENT).await;
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        let stored = messages
            .iter()
            .find(|m| m.provider_sid.as_deref() == Some(question_sid.as_str()))
            .unwrap_or_else(|| panic!("{backend:?}: the question is kept: {messages:?}"));
        assert_eq!(stored.body, question);
        assert_eq!(analysis(stored)["kind"], "opted-out", "{backend:?}");
        assert_eq!(
            outbound_messages(&messages).len(),
            1,
            "{backend:?}: only the confirmation went out: {messages:?}"
        );
        assert!(app.store.follow_up_for_contact(contact_id).await.unwrap().is_none());

        let (_, answer) = text(&app, PARENT, "RAPPEL").await;
        assert!(answer.is_silent(), "{backend:?}: still no text: {}", answer.raw);
        let follow_up = app
            .store
            .follow_up_for_contact(contact_id)
            .await
            .unwrap()
            .expect("a callback is honoured while opted out");
        assert_eq!(follow_up.reason, "callback-requested", "{backend:?}");
        assert!(!follow_up.urgent);

        let (_, answer) = text(&app, PARENT, "START").await;
        assert_eq!(answer.reply(), rendered(&kb.messages.start, at), "{backend:?}");
        let conversation = app.store.sms_conversation(PARENT, SMS_LINE).await.unwrap().unwrap();
        assert_eq!(conversation.opted_out_at, None, "{backend:?}");

        let (_, answer) = text(&app, PARENT, "J'allaite et j'ai des crevasses, c'est normal ?").await;
        assert_eq!(
            answer.reply(),
            topic_answer(&kb, "allaitement", at),
            "{backend:?}: answered again"
        );
    }
}

#[tokio::test]
async fn rappel_humain_and_conseiller_ask_for_a_call_back_and_the_reply_says_when() {
    let kb = kb();
    // A Sunday: the line is closed.
    let sunday = paris(2026, 11, 29, 10, 0);
    for backend in backends() {
        for (at, when) in [(open_hours(), "dans les 4 heures"), (sunday, "réouverture")] {
            let app = TestApp::spawn_with_team(&backend, at).await;
            for (i, keyword) in ["RAPPEL", "humain", "Conseiller svp"].into_iter().enumerate() {
                let parent = format!("+3363998012{}", i + 4);
                let (_, answer) = text(&app, &parent, keyword).await;
                let reply = answer.reply();
                assert_eq!(reply, rendered(&kb.messages.callback, at), "{backend:?} {keyword}");
                assert!(reply.contains(when), "{backend:?} {keyword} at {at}: {reply}");

                let contact_id = current_contact(&app, &parent).await;
                let follow_up = app
                    .store
                    .follow_up_for_contact(contact_id)
                    .await
                    .unwrap()
                    .unwrap_or_else(|| panic!("{backend:?}: no follow-up after {keyword}"));
                assert_eq!(follow_up.reason, "callback-requested", "{backend:?} {keyword}");
                assert!(!follow_up.urgent, "{backend:?} {keyword}");
                assert_eq!(follow_up.state, "new");
                assert_eq!(follow_up.due_at, at + Duration::minutes(240), "{backend:?} {keyword}");
                let contact = app.store.contact(contact_id).await.unwrap().unwrap();
                assert_eq!(contact.outcome.as_deref(), Some("callback_requested"), "{backend:?}");
                let messages = app.store.contact_messages(contact_id).await.unwrap();
                assert_eq!(analysis(inbound_messages(&messages)[0])["kind"], "callback");
            }
        }
    }
}

#[tokio::test]
async fn a_number_picks_a_topic_from_the_list_the_bot_offered() {
    let kb = kb();
    let (word, offered) = [
        "biberon ou sein",
        "sein ou biberon",
        "caf crèche",
        "congé garde",
        "allaitement et sommeil",
        "lait",
        "congé",
    ]
    .into_iter()
    .find_map(|w| {
        let r = bot::read(&kb, w);
        (r.kind == "alternatives" && r.alternatives.len() >= 2).then_some((w, r.alternatives))
    })
    .expect("a two-topic message for which the bot offers a list");
    for backend in backends() {
        let at = open_hours();
        let app = TestApp::spawn_with_team(&backend, at).await;

        let (_, answer) = text(&app, PARENT, word).await;
        let list = answer.reply();
        for (i, id) in offered.iter().enumerate() {
            let title = rendered(&kb.topic(id).unwrap().title, at);
            assert!(
                list.contains(&format!("\n{}. {title}", i + 1)),
                "{backend:?}: {title} is not offered as {} in {list}",
                i + 1
            );
        }

        let (_, answer) = text(&app, PARENT, "2").await;
        assert_eq!(
            answer.reply(),
            topic_answer(&kb, &offered[1], at),
            "{backend:?}: 2 is {}",
            offered[1]
        );
        let contact_id = current_contact(&app, PARENT).await;
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        let reading = analysis(inbound_messages(&messages)[1]);
        assert_eq!(reading["kind"], "choice", "{backend:?}: {reading}");
        assert_eq!(reading["topic"], offered[1].as_str(), "{backend:?}: {reading}");
        let contact = app.store.contact(contact_id).await.unwrap().unwrap();
        assert_eq!(contact.need.as_deref(), Some(offered[1].as_str()));
        assert_eq!(contact.outcome.as_deref(), Some("informed"));

        // The list was answered: a second "2" means nothing any more.
        let (_, answer) = text(&app, PARENT, "2").await;
        assert_eq!(answer.reply(), rendered(&kb.messages.not_understood, at), "{backend:?}");
        // Nor does a "2" from someone who was offered nothing.
        let (_, answer) = text(&app, "+33639980124", "2").await;
        assert_eq!(answer.reply(), rendered(&kb.messages.not_understood, at), "{backend:?}");
        assert!(answer.reply().contains("RAPPEL"));
    }
}

#[tokio::test]
async fn an_answer_with_a_close_runner_up_offers_it_and_1_gives_it() {
    let kb = kb();
    let (word, best, also) = [
        "sein ou biberon",
        "caf crèche",
        "allaitement et sommeil",
        "allaitement biberon",
    ]
    .into_iter()
    .find_map(|w| {
        let r = bot::read(&kb, w);
        Some((w, r.topic?, r.also?))
    })
    .expect("a message whose runner-up comes close");
    for backend in backends() {
        let at = open_hours();
        let app = TestApp::spawn_with_team(&backend, at).await;
        let (_, answer) = text(&app, PARENT, word).await;
        let line = kb.also_line(kb.topic(&also).unwrap(), &vars_at(at));
        assert_eq!(
            answer.reply(),
            format!("{}\n{line}", topic_answer(&kb, &best, at)),
            "{backend:?}"
        );
        let (_, answer) = text(&app, PARENT, "1").await;
        assert_eq!(answer.reply(), topic_answer(&kb, &also, at), "{backend:?}: 1 is {also}");
        let contact_id = current_contact(&app, PARENT).await;
        let contact = app.store.contact(contact_id).await.unwrap().unwrap();
        assert_eq!(
            contact.need.as_deref(),
            Some(also.as_str()),
            "{backend:?}: the need is the topic chosen"
        );
    }
}

#[tokio::test]
async fn a_picture_without_text_and_an_empty_message_get_their_own_answer() {
    let kb = kb();
    for backend in backends() {
        let at = open_hours();
        let app = TestApp::spawn_with_team(&backend, at).await;
        let mms = sid("MM");
        let media = format!(
            "https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}/Messages/{mms}/Media/{}",
            sid("ME")
        );
        let params = with_params(
            inbound(&mms, PARENT, ""),
            &[
                ("NumMedia", "1"),
                ("MediaUrl0", &media),
                ("MediaContentType0", "image/jpeg"),
            ],
        );
        let answer = post_sms(&app, &params).await;
        assert_eq!(answer.reply(), rendered(&kb.messages.media, at), "{backend:?}");
        let contact_id = current_contact(&app, PARENT).await;
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        let picture = inbound_messages(&messages)[0];
        assert_eq!(picture.num_media, 1, "{backend:?}");
        assert_eq!(picture.body, "");
        assert_eq!(analysis(picture)["kind"], "media", "{backend:?}");

        let (_, answer) = text(&app, PARENT, "").await;
        assert_eq!(answer.reply(), rendered(&kb.messages.empty, at), "{backend:?}");
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        let empty = inbound_messages(&messages)[1];
        assert_eq!(empty.num_media, 0);
        assert_eq!(analysis(empty)["kind"], "empty", "{backend:?}");
    }
}

#[tokio::test]
async fn a_flood_gets_one_notice_then_silence_and_every_message_is_kept() {
    let kb = kb();
    for backend in backends() {
        let clock = ManualClock::new(open_hours());
        let app = TestApp::spawn_on_clock(&backend, &clock).await;
        // Twelve messages in five and a half minutes.
        let mut answers = Vec::new();
        for i in 1..=12 {
            if i > 1 {
                clock.advance(Duration::seconds(30));
            }
            let (_, answer) = text(&app, PARENT, &format!("mon bébé ne dort pas la nuit ({i})")).await;
            answers.push(answer);
        }
        let flood = rendered(&kb.messages.flood, clock.now());
        for (i, answer) in answers.iter().take(10).enumerate() {
            assert!(
                answer.text().is_some_and(|t| t != flood),
                "{backend:?}: message {} is answered: {}",
                i + 1,
                answer.raw
            );
        }
        assert_eq!(answers[10].reply(), flood, "{backend:?}: the 11th gets the notice");
        assert!(
            answers[11].is_silent(),
            "{backend:?}: the 12th gets nothing: {}",
            answers[11].raw
        );

        let contact_id = current_contact(&app, PARENT).await;
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        assert_eq!(inbound_messages(&messages).len(), 12, "{backend:?}: all kept");
        assert_eq!(outbound_messages(&messages).len(), 11, "{backend:?}");
        assert_eq!(analysis(inbound_messages(&messages)[11])["kind"], "flood");

        // Ten minutes of calm: the bot answers again.
        clock.advance(Duration::minutes(11));
        let (_, answer) = text(&app, PARENT, "mon bébé ne dort pas la nuit, que faire ?").await;
        assert!(
            answer.text().is_some_and(|t| t != flood),
            "{backend:?}: answered again after the window: {}",
            answer.raw
        );
    }
}

#[tokio::test]
async fn delivery_statuses_reach_the_reply_never_go_back_and_21610_opts_the_number_out() {
    for backend in backends() {
        let at = open_hours();
        let app = TestApp::spawn_with_team(&backend, at).await;
        let (_, answer) = text(&app, PARENT, "J'allaite et j'ai des crevasses, c'est normal ?").await;
        let action = answer.action();
        let reply_sid = sid("SM");
        for status in ["sent", "delivered", "sent"] {
            assert_eq!(
                delivery(&app, &action, &reply_sid, PARENT, status, None).await,
                StatusCode::OK,
                "{backend:?}: {status}"
            );
        }
        let contact_id = current_contact(&app, PARENT).await;
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        let reply = outbound_messages(&messages)[0];
        assert_eq!(reply.provider_sid.as_deref(), Some(reply_sid.as_str()), "{backend:?}");
        assert_eq!(
            reply.status, "delivered",
            "{backend:?}: a late sent does not undo delivered"
        );
        assert_eq!(reply.error_code, None);
        let statuses = app
            .store
            .timeline(contact_id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.kind == "sms-status")
            .count();
        assert_eq!(statuses, 2, "{backend:?}: each status once on the timeline");

        // A status of a message nobody knows is acknowledged and ignored.
        let unknown = format!("{BASE}/twilio/sms/status?reply_to={}", sid("SM"));
        assert_eq!(
            delivery(&app, &unknown, &sid("SM"), PARENT, "delivered", None).await,
            StatusCode::OK
        );

        // The parent replied STOP to the carrier: Twilio refuses with 21610.
        let (_, answer) = text(&app, PARENT, "mon bébé ne dort pas la nuit, que faire ?").await;
        let action = answer.action();
        let failed_sid = sid("SM");
        assert_eq!(
            delivery(&app, &action, &failed_sid, PARENT, "failed", Some("21610")).await,
            StatusCode::OK,
            "{backend:?}"
        );
        let messages = app.store.contact_messages(contact_id).await.unwrap();
        let failed = outbound_messages(&messages)[1];
        assert_eq!(failed.provider_sid.as_deref(), Some(failed_sid.as_str()), "{backend:?}");
        assert_eq!(failed.status, "failed", "{backend:?}");
        assert_eq!(failed.error_code, Some(21610), "{backend:?}");
        let conversation = app.store.sms_conversation(PARENT, SMS_LINE).await.unwrap().unwrap();
        assert_eq!(
            conversation.opted_out_at,
            Some(at),
            "{backend:?}: 21610 opts the number out"
        );
        let (_, answer) = text(&app, PARENT, "et pour les siestes ?").await;
        assert!(answer.is_silent(), "{backend:?}: {}", answer.raw);
    }
}

#[tokio::test]
async fn unsigned_or_badly_signed_sms_webhooks_are_refused_with_403_and_nothing_is_stored() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        let url = format!("{BASE}/twilio/sms");
        let params = inbound(&sid("SM"), PARENT, "J'allaite et j'ai des crevasses, c'est normal ?");
        let (status, _) = app.post(&url, &params, &[]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{backend:?}: no signature");
        let (status, _) = app
            .post(&url, &params, &[("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")])
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{backend:?}: wrong signature");
        let other = inbound(&sid("SM"), PARENT, "autre chose");
        let sig = numerovert::telephony::signature::compute(
            TOKEN,
            &url,
            &other,
            numerovert::telephony::signature::Algorithm::HmacSha1,
        );
        let (status, _) = app.post(&url, &params, &[("X-Twilio-Signature", &sig)]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{backend:?}: tampered parameters");
        let status_url = format!("{BASE}/twilio/sms/status?reply_to={}", sid("SM"));
        let (status, _) = app.post(&status_url, &params, &[]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{backend:?}: the status callback too");

        assert!(
            app.store.sms_conversation(PARENT, SMS_LINE).await.unwrap().is_none(),
            "{backend:?}: nothing stored for a refused request"
        );
        assert!(app.store.recent_contacts(10).await.unwrap().is_empty(), "{backend:?}");
    }
}

#[tokio::test]
async fn a_message_after_a_day_of_silence_opens_a_new_contact_in_the_same_conversation() {
    for backend in backends() {
        let clock = ManualClock::new(open_hours());
        let app = TestApp::spawn_on_clock(&backend, &clock).await;

        let (_, answer) = text(&app, PARENT, "J'allaite et j'ai des crevasses, c'est normal ?").await;
        assert!(answer.text().is_some());
        let first = current_contact(&app, PARENT).await;

        clock.advance(Duration::hours(23));
        let (_, answer) = text(&app, PARENT, "mon bébé ne dort pas la nuit, que faire ?").await;
        assert!(answer.text().is_some());
        assert_eq!(
            current_contact(&app, PARENT).await,
            first,
            "{backend:?}: 23 h is the same contact"
        );

        clock.advance(Duration::hours(25));
        let (_, answer) = text(&app, PARENT, "quels sont les vaccins obligatoires ?").await;
        assert!(answer.text().is_some());
        let second = current_contact(&app, PARENT).await;
        assert_ne!(second, first, "{backend:?}: 25 h of silence opens a new contact");

        let earlier = app.store.contact_messages(first).await.unwrap();
        let later = app.store.contact_messages(second).await.unwrap();
        assert_eq!(inbound_messages(&earlier).len(), 2, "{backend:?}: {earlier:?}");
        assert_eq!(inbound_messages(&later).len(), 1, "{backend:?}: {later:?}");
        assert_eq!(
            outbound_messages(&later).len(),
            1,
            "{backend:?}: the reply goes with its question"
        );
        let conversation = app.store.sms_conversation(PARENT, SMS_LINE).await.unwrap().unwrap();
        assert!(
            earlier
                .iter()
                .chain(&later)
                .all(|m| m.conversation_id == conversation.conversation_id),
            "{backend:?}: one conversation"
        );
        let contact = app.store.contact(second).await.unwrap().unwrap();
        assert_eq!(contact.channel, "sms");
        assert_eq!(contact.started_at, clock.now(), "{backend:?}");
        assert_eq!(conversation.last_message_at, clock.now(), "{backend:?}");
    }
}

#[tokio::test]
async fn a_message_that_cannot_be_stored_still_gets_the_voice_and_emergency_numbers() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        let (_, answer) = text(&app, PARENT, "J'allaite et j'ai des crevasses, c'est normal ?").await;
        let action = answer.action();
        rename_table(&backend, &app.database_url, "sms_message").await;

        let (_, answer) = text(&app, PARENT, "mon bébé ne dort pas la nuit, que faire ?").await;
        let apology = answer.reply();
        for needed in ["01 99 00 12 34", "15", "112", "114"] {
            assert!(
                apology.contains(needed),
                "{backend:?}: the apology lacks {needed}: {apology}"
            );
        }
        assert_eq!(
            answer.doc.children[0].attr("action"),
            None,
            "{backend:?}: nothing stored, nothing to report on"
        );
        assert_eq!(
            delivery(&app, &action, &sid("SM"), PARENT, "delivered", None).await,
            StatusCode::SERVICE_UNAVAILABLE,
            "{backend:?}: a status that could not be stored is asked again"
        );
    }
}
