//! Click-to-call through the API: a missed call leaves a follow-up; the API
//! asks the (fake) provider to ring a professional; the test then plays
//! Twilio's side of that call (signed webhooks) and reads the outcome on the
//! follow-up.

use axum::http::StatusCode;
use numerovert::db::{self, NewCall, NewFollowUp, StepCommit};
use serde_json::{json, Value};

use crate::fake_twilio::{FakeTwilio, RecordedRequest, CREATE_CALL};
use crate::helpers::*;

/// The account of the helpers' fake provider.
const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
const MIDWIFE_KEY: &str = "1";
const MIDWIFE_PHONE: &str = "+33639980021";

/// An app whose provider account is the fake's; the webhooks' signing token is the helpers' `TOKEN`.
async fn spawn_with_provider(backend: &Backend) -> (TestApp, FakeTwilio) {
    let fake = FakeTwilio::start_with(ACCOUNT, TOKEN).await;
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(backend, dir.path()).await;
    let base = fake.base_url();
    let settings = settings(&url, &[("TWILIO_ACCOUNT_SID", ACCOUNT), ("TWILIO_API_BASE", &base)]);
    let store = db::connect(&settings.database_url).await.unwrap();
    (TestApp::with_store(settings, store, open_hours(), dir), fake)
}

/// A parent asks for a midwife while nobody is on duty and hangs up: a follow-up.
/// Then a midwife joins the directory. Returns (follow-up id, staff id).
async fn missed_call_and_a_midwife(app: &TestApp) -> (i64, i64) {
    let mut call = Call::dial_in(app, PARENT).await;
    call.press(MIDWIFE_KEY).await;
    assert!(!call.raw.contains("<Dial"), "nobody is on duty yet: {}", call.raw);
    call.status("completed", Some(40)).await;
    let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
    let f = app
        .store
        .follow_up_for_contact(contact.contact_id)
        .await
        .unwrap()
        .expect("a missed call with a number is a follow-up");
    let staff = app
        .on_call("sage-femme", &[("Awa Diallo", MIDWIFE_PHONE)], "00:00-24:00")
        .await;
    (f.follow_up_id, staff[0])
}

/// The one Calls.json the fake received since the last look.
fn only_call_request(fake: &FakeTwilio) -> RecordedRequest {
    let requests = fake.requests();
    assert_eq!(requests.len(), 1, "{requests:#?}");
    fake.clear_requests();
    let r = requests.into_iter().next().unwrap();
    assert_eq!(r.operation, Some(CREATE_CALL), "{r:?}");
    assert!(r.authorized && r.status == 201, "{r:?}");
    r
}

/// The professional's call, as Twilio drives it.
struct StaffCall<'a> {
    app: &'a TestApp,
    sid: String,
    to: String,
    /// Where Twilio fetches the instructions once the phone picks up.
    url: String,
    status_callback: String,
    doc: El,
    raw: String,
}

impl<'a> StaffCall<'a> {
    /// From the Calls.json the service sent: the professional's phone rings.
    fn ringing(app: &'a TestApp, request: &RecordedRequest) -> StaffCall<'a> {
        StaffCall {
            app,
            sid: request.sid.clone().expect("the fake created a call"),
            to: request.param("To").unwrap().to_owned(),
            url: request.param("Url").unwrap().to_owned(),
            status_callback: request.param("StatusCallback").unwrap().to_owned(),
            doc: El::default(),
            raw: String::new(),
        }
    }

    /// The phone picks up and Twilio fetches the call's `Url`.
    async fn picks_up(&mut self) {
        let url = self.url.clone();
        self.post(&url, &[]).await;
    }

    fn params(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let p: Vec<(String, String)> = [
            ("AccountSid", ACCOUNT),
            ("ApiVersion", "2010-04-01"),
            ("CallSid", self.sid.as_str()),
            ("CallStatus", "in-progress"),
            ("Called", self.to.as_str()),
            ("Caller", LINE),
            ("Direction", "outbound-api"),
            ("From", LINE),
            ("To", self.to.as_str()),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        with_params(p, extra)
    }

    async fn post(&mut self, url: &str, extra: &[(&str, &str)]) {
        let params = self.params(extra);
        let (status, body) = self.app.post_signed(url, &params, &[]).await;
        assert_eq!(status, StatusCode::OK, "{url}: {body}");
        assert!(url.starts_with(BASE), "{url} is on the public URL");
        self.doc = parse_twiml(&body);
        self.raw = body;
    }

    fn heard(&self) -> String {
        self.doc.said()
    }

    fn find(&self, name: &str) -> El {
        self.doc
            .all()
            .into_iter()
            .find(|e| e.name == name)
            .cloned()
            .unwrap_or_else(|| panic!("no <{name}> in {}", self.raw))
    }

    fn ends_with_hangup(&self) -> bool {
        self.doc.children.last().is_some_and(|v| v.name == "Hangup")
    }

    /// Presses `digits` at the prompt ("" = nothing: Twilio still posts the action).
    async fn presses(&mut self, digits: &str) {
        let action = self.find("Gather").attr("action").unwrap().to_owned();
        self.post(&action, &[("Digits", digits), ("FinishedOnKey", "")]).await;
    }

    /// The parent's leg ends with `status`; Twilio posts the `<Dial>` action.
    async fn dial_ends(&mut self, status: &str) {
        let action = self.find("Dial").attr("action").unwrap().to_owned();
        let mut extra = vec![
            ("DialCallStatus", status),
            ("DialCallSid", "CAparent0000000000000000000000001"),
        ];
        if status == "completed" {
            extra.push(("DialCallDuration", "240"));
        }
        self.post(&action, &extra).await;
    }

    /// A status callback of the professional's call.
    async fn status(&self, status: &str) -> StatusCode {
        let params = self.params(&[("CallStatus", status), ("CallbackSource", "call-progress-events")]);
        self.app.post_signed(&self.status_callback, &params, &[]).await.0
    }
}

async fn follow_up_json(app: &TestApp, token: &str, id: i64) -> Value {
    let r = app
        .api("GET", &format!("/api/v1/follow-ups/{id}"), Some(token), None)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
}

async fn start(app: &TestApp, token: &str, follow_up: i64, staff: i64) -> ApiResponse {
    app.api(
        "POST",
        &format!("/api/v1/follow-ups/{follow_up}/call"),
        Some(token),
        Some(json!({ "staff_id": staff })),
    )
    .await
}

/// Asks for a callback that the provider accepts: the professional's phone rings.
async fn call_back<'a>(app: &'a TestApp, fake: &FakeTwilio, token: &str, follow_up: i64, staff: i64) -> StaffCall<'a> {
    let r = start(app, token, follow_up, staff).await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text);
    StaffCall::ringing(app, &only_call_request(fake))
}

/// The timeline of the follow-up's contact.
async fn timeline(app: &TestApp, follow_up: i64) -> Vec<db::TimelineEntry> {
    let contact_id = app.store.follow_up(follow_up).await.unwrap().unwrap().contact_id;
    app.store.timeline(contact_id).await.unwrap()
}

/// The kinds of the click-to-call events, in order.
fn callback_kinds(timeline: &[db::TimelineEntry]) -> Vec<&str> {
    timeline
        .iter()
        .map(|e| e.kind.as_str())
        .filter(|k| k.starts_with("callback-"))
        .collect()
}

#[tokio::test]
async fn the_professional_presses_1_and_the_parent_is_reached() {
    for backend in backends() {
        let (app, fake) = spawn_with_provider(&backend).await;
        let (f, awa) = missed_call_and_a_midwife(&app).await;
        let token = app.api_token("back-office").await;

        // The list shows the parent's number masked, never in full.
        let r = app.api("GET", "/api/v1/follow-ups", Some(&token), None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let list = r.json();
        assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
        assert_eq!(list[0]["id"], f);
        assert_eq!(list[0]["parent_number"], "06 •• •• •• 23", "{list}");
        assert_eq!(
            (&list[0]["reason"], &list[0]["need"], &list[0]["state"]),
            (&json!("missed"), &json!("grossesse"), &json!("new"))
        );
        assert_eq!((&list[0]["overdue"], &list[0]["attempts"]), (&json!(false), &json!(0)));
        assert!(
            !r.text.contains("639980123") && !r.text.contains("39 98 01"),
            "{}",
            r.text
        );

        let r = start(&app, &token, f, awa).await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "{backend:?}: {}", r.text);
        assert!(!r.text.contains("639980123"), "{}", r.text);
        let started = r.json();
        assert_eq!(started["state"], "calling-staff");
        assert_eq!(started["follow_up_id"], f);
        let callback = started["callback_id"].as_i64().unwrap();

        // Exactly one call placed: to the professional, from the line, back to our public URL.
        let placed = only_call_request(&fake);
        assert_eq!(placed.param("To"), Some(MIDWIFE_PHONE));
        assert_eq!(placed.param("From"), Some(LINE));
        assert_eq!(
            placed.param("Url"),
            Some(format!("{BASE}/twilio/voice/callback/screen?callback={callback}").as_str())
        );
        assert_eq!(
            placed.param("StatusCallback"),
            Some(format!("{BASE}/twilio/voice/callback/status?callback={callback}").as_str())
        );
        assert_eq!(
            placed.param_all("StatusCallbackEvent"),
            ["initiated", "ringing", "answered", "completed"]
        );
        assert_eq!(placed.param("Timeout"), Some("30"));
        assert_eq!(started["staff_call_sid"].as_str(), placed.sid.as_deref());
        let detail = follow_up_json(&app, &token, f).await;
        assert_eq!(detail["state"], "in-progress", "{detail}");
        assert_eq!(detail["callbacks"][0]["state"], "calling-staff", "{detail}");
        assert_eq!(detail["parent_number"], "06 •• •• •• 23", "{detail}");
        assert!(!detail.to_string().contains("639980123"), "{detail}");

        // A second callback of the same parent while this one rings: refused.
        let r = start(&app, &token, f, awa).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
        assert!(fake.requests().is_empty(), "nothing placed for a refused request");

        // Awa picks up: she hears what it is about, never the number.
        let mut leg = StaffCall::ringing(&app, &placed);
        leg.picks_up().await;
        assert_eq!(leg.status("answered").await, StatusCode::OK);
        let whisper = leg.heard();
        assert!(
            whisper.contains("rappel d'un parent, au sujet de la grossesse"),
            "{whisper}"
        );
        assert!(whisper.contains("Appuyez sur 1 pour appeler la famille"), "{whisper}");
        assert!(!leg.raw.contains("639980123"), "{}", leg.raw);
        assert!(leg.ends_with_hangup(), "silence never dials the parent: {}", leg.raw);

        let answer = leg.find("Gather").attr("action").unwrap().to_owned();
        leg.presses("1").await;
        assert!(leg.heard().contains("Nous appelons la famille"), "{}", leg.raw);
        // Twilio retries the key's request: the parent is dialled the same way, accepted once.
        let first = leg.raw.clone();
        leg.post(&answer, &[("Digits", "1"), ("FinishedOnKey", "")]).await;
        assert_eq!(leg.raw, first);
        let dial = leg.find("Dial");
        assert_eq!(dial.attr("callerId"), Some(LINE), "{}", leg.raw);
        assert_eq!(dial.attr("timeout"), Some("30"));
        assert_eq!(dial.attr("answerOnBridge"), Some("true"));
        assert_eq!(
            dial.attr("action"),
            Some(format!("{BASE}/twilio/voice/callback/done?callback={callback}").as_str())
        );
        assert_eq!(dial.children[0].name, "Number");
        assert_eq!(dial.children[0].text, PARENT);

        let done = dial.attr("action").unwrap().to_owned();
        leg.dial_ends("completed").await;
        assert!(leg.heard().contains("noté comme abouti"), "{}", leg.raw);
        assert!(leg.ends_with_hangup());
        // Twilio retries the action: the same answer, nothing counted twice.
        leg.post(&done, &[("DialCallStatus", "completed")]).await;
        assert!(leg.heard().contains("noté comme abouti"), "{}", leg.raw);
        assert_eq!(leg.status("completed").await, StatusCode::OK);

        let detail = follow_up_json(&app, &token, f).await;
        assert_eq!(
            (&detail["state"], &detail["outcome"], &detail["attempts"]),
            (&json!("closed"), &json!("reached"), &json!(1)),
            "{backend:?}: {detail}"
        );
        assert_eq!(detail["last_attempt_outcome"], "reached");
        let cb = &detail["callbacks"][0];
        assert_eq!(
            (&cb["id"], &cb["state"], &cb["staff_name"]),
            (&json!(callback), &json!("reached"), &json!("Awa Diallo"))
        );
        assert!(cb["accepted_at"].is_string() && cb["ended_at"].is_string(), "{cb}");
        let r = app.api("GET", "/api/v1/follow-ups", Some(&token), None).await;
        assert_eq!(r.json(), json!([]), "a closed follow-up leaves the list");

        // The contact's timeline tells the story once (whatever was retried), without numbers.
        let events = timeline(&app, f).await;
        assert_eq!(
            callback_kinds(&events),
            ["callback-started", "callback-staff-accepted", "callback-ended"]
        );
        assert!(events.iter().all(|e| !e.detail.contains("639980")), "{events:?}");

        // Closed: no more calls.
        let r = start(&app, &token, f, awa).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
        assert!(r.json()["error"].as_str().unwrap().contains("closed"), "{}", r.text);
    }
}

#[tokio::test]
async fn no_answer_counts_an_attempt_and_keeps_the_follow_up_open() {
    for backend in backends() {
        let (app, fake) = spawn_with_provider(&backend).await;
        let (f, awa) = missed_call_and_a_midwife(&app).await;
        let token = app.api_token("t").await;
        let mut leg = call_back(&app, &fake, &token, f, awa).await;
        leg.picks_up().await;
        leg.presses("1").await;
        leg.dial_ends("no-answer").await;
        assert!(
            leg.heard()
                .contains("La famille n'a pas répondu. Le rappel est noté, vous pourrez réessayer plus tard."),
            "{}",
            leg.raw
        );
        assert!(leg.ends_with_hangup());
        let detail = follow_up_json(&app, &token, f).await;
        assert_eq!(
            (&detail["state"], &detail["attempts"], &detail["last_attempt_outcome"]),
            (&json!("waiting"), &json!(1), &json!("no-answer")),
            "{backend:?}: {detail}"
        );
        assert_eq!(detail["callbacks"][0]["state"], "no-answer");
        let list = app.api("GET", "/api/v1/follow-ups", Some(&token), None).await.json();
        assert_eq!((&list[0]["id"], &list[0]["attempts"]), (&json!(f), &json!(1)));

        // A busy line next time: a second attempt, still not reached.
        let mut leg = call_back(&app, &fake, &token, f, awa).await;
        leg.picks_up().await;
        leg.presses("1").await;
        leg.dial_ends("busy").await;
        assert!(leg.heard().contains("occupée"), "{}", leg.raw);
        let detail = follow_up_json(&app, &token, f).await;
        assert_eq!((&detail["state"], &detail["attempts"]), (&json!("waiting"), &json!(2)));
        assert_eq!(detail["callbacks"][1]["state"], "busy");
    }
}

#[tokio::test]
async fn a_professional_who_declines_or_does_not_answer_costs_no_attempt() {
    for backend in backends() {
        let (app, fake) = spawn_with_provider(&backend).await;
        let (f, awa) = missed_call_and_a_midwife(&app).await;
        let token = app.api_token("t").await;

        // Presses 2: thanked, hung up, the parent is not called.
        let mut leg = call_back(&app, &fake, &token, f, awa).await;
        leg.picks_up().await;
        let answer = leg.find("Gather").attr("action").unwrap().to_owned();
        leg.presses("2").await;
        assert!(leg.ends_with_hangup() && !leg.raw.contains("<Dial"), "{}", leg.raw);
        assert!(leg.heard().contains("C'est noté"), "{}", leg.raw);
        // A retry of that request: the same thanks, nothing more on the timeline.
        let first = leg.raw.clone();
        leg.post(&answer, &[("Digits", "2"), ("FinishedOnKey", "")]).await;
        assert_eq!(leg.raw, first);
        assert_eq!(leg.status("completed").await, StatusCode::OK);
        assert_eq!(
            callback_kinds(&timeline(&app, f).await),
            ["callback-started", "callback-ended"]
        );
        let detail = follow_up_json(&app, &token, f).await;
        assert_eq!(
            detail["callbacks"][0]["state"], "staff-declined",
            "{backend:?}: {detail}"
        );
        assert_eq!((&detail["state"], &detail["attempts"]), (&json!("new"), &json!(0)));

        // A voicemail picks up: nothing pressed, hung up without a word.
        let mut leg = call_back(&app, &fake, &token, f, awa).await;
        leg.picks_up().await;
        leg.presses("").await;
        assert_eq!(leg.doc.children.len(), 1, "{}", leg.raw);
        assert!(leg.ends_with_hangup());
        // Pressing 1 afterwards (a retry or a late key) is too late.
        leg.post(
            &format!(
                "{BASE}/twilio/voice/callback/answer?callback={}",
                follow_up_json(&app, &token, f).await["callbacks"][1]["id"]
            ),
            &[("Digits", "1")],
        )
        .await;
        assert!(!leg.raw.contains("<Dial"), "{}", leg.raw);
        assert!(leg.heard().contains("n'est plus d'actualité"), "{}", leg.raw);

        // The phone rings out: it never picks up.
        let leg = call_back(&app, &fake, &token, f, awa).await;
        assert_eq!(leg.status("ringing").await, StatusCode::OK);
        assert_eq!(leg.status("no-answer").await, StatusCode::OK);

        let detail = follow_up_json(&app, &token, f).await;
        let states: Vec<&str> = detail["callbacks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["state"].as_str().unwrap())
            .collect();
        assert_eq!(states, ["staff-declined", "staff-unreachable", "staff-unreachable"]);
        assert_eq!((&detail["state"], &detail["attempts"]), (&json!("new"), &json!(0)));
    }
}

#[tokio::test]
async fn provider_failures_are_502_and_recorded_as_not_placed() {
    for backend in backends() {
        let (app, fake) = spawn_with_provider(&backend).await;
        let (f, awa) = missed_call_and_a_midwife(&app).await;
        let token = app.api_token("t").await;

        fake.fail_next(1, 500, 20500);
        let r = start(&app, &token, f, awa).await;
        assert_eq!(r.status, StatusCode::BAD_GATEWAY, "{backend:?}: {}", r.text);
        assert!(r.json()["error"].as_str().unwrap().contains("20500"), "{}", r.text);
        assert_eq!(fake.requests().len(), 1, "an ambiguous failure is not repeated");
        fake.clear_requests();
        let detail = follow_up_json(&app, &token, f).await;
        let cb = &detail["callbacks"][0];
        assert_eq!(cb["state"], "not-placed", "{detail}");
        assert!(cb["detail"].as_str().unwrap().contains("HTTP 500"), "{cb}");
        assert_eq!((&detail["state"], &detail["attempts"]), (&json!("new"), &json!(0)));

        // A 429 is never processed by Twilio: tried once more.
        fake.fail_next(1, 429, 20429);
        let r = start(&app, &token, f, awa).await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text);
        let requests = fake.requests();
        assert_eq!(requests.iter().map(|r| r.status).collect::<Vec<_>>(), [429, 201]);
    }
}

#[tokio::test]
async fn clear_errors_before_anything_is_placed() {
    let backend = Backend::Sqlite;
    // Without a provider account.
    let app = TestApp::spawn(&backend, open_hours()).await;
    let (f, awa) = missed_call_and_a_midwife(&app).await;
    let token = app.api_token("t").await;
    let r = start(&app, &token, f, awa).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.text);
    assert!(
        r.json()["error"].as_str().unwrap().contains("TWILIO_ACCOUNT_SID"),
        "{}",
        r.text
    );
    assert_eq!(follow_up_json(&app, &token, f).await["callbacks"], json!([]));

    let (app, fake) = spawn_with_provider(&backend).await;
    let (f, awa) = missed_call_and_a_midwife(&app).await;
    let token = app.api_token("t").await;
    let r = start(&app, &token, f + 100, awa).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    let r = start(&app, &token, f, awa + 100).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.json()["fields"][0]["field"], "staff_id", "{}", r.text);
    let r = app
        .api(
            "POST",
            &format!("/api/v1/follow-ups/{f}/call"),
            Some(&token),
            Some(json!({})),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    let r = app.api("GET", "/api/v1/follow-ups/999", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    let r = app.api("GET", "/api/v1/follow-ups?limit=0", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(
        app.api("GET", "/api/v1/follow-ups", None, None).await.status,
        StatusCode::UNAUTHORIZED
    );

    // A follow-up whose parent withheld their number (written directly: the
    // call flow never makes one).
    let call = app
        .store
        .open_call(&NewCall {
            call_sid: "CAwithheld000000000000000000000001".into(),
            line_number: Some(LINE.into()),
            caller_number: None,
            script: "main".into(),
            status: "ringing".into(),
            at: open_hours(),
        })
        .await
        .unwrap();
    app.store
        .commit_step(&StepCommit {
            call_sid: call.call_sid.clone(),
            contact_id: call.contact_id,
            reply_keys: vec![format!("step:{}:0", call.call_sid)],
            reply: "<Response/>".into(),
            step: 0,
            position: call.position.clone(),
            events: vec![],
            outcome: None,
            need: None,
            at: open_hours(),
            attempts: vec![],
            attempt_ends: vec![],
            follow_up: Some(NewFollowUp {
                reason: "message-left".into(),
                due_at: open_hours(),
            }),
        })
        .await
        .unwrap();
    let withheld = app.store.follow_up_for_contact(call.contact_id).await.unwrap().unwrap();
    let r = start(&app, &token, withheld.follow_up_id, awa).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    assert!(r.json()["error"].as_str().unwrap().contains("withheld"), "{}", r.text);
    let list = app.api("GET", "/api/v1/follow-ups", Some(&token), None).await.json();
    let masked: Vec<&Value> = list.as_array().unwrap().iter().map(|f| &f["parent_number"]).collect();
    assert!(masked.contains(&&Value::Null), "{list}");
    assert!(fake.requests().is_empty(), "nothing was placed: {:#?}", fake.requests());

    // The webhooks are signed like every provider endpoint.
    let (status, _) = app
        .post(
            &format!("{BASE}/twilio/voice/callback/screen?callback=1"),
            &[("CallSid".into(), "CA1".into())],
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn without_the_database_the_professional_hears_an_apology() {
    let (app, fake) = spawn_with_provider(&Backend::Sqlite).await;
    let (f, awa) = missed_call_and_a_midwife(&app).await;
    let token = app.api_token("t").await;
    let mut leg = call_back(&app, &fake, &token, f, awa).await;
    // Break the database under the running app.
    {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&app.database_url).await.unwrap();
        sqlx::query("drop table callback_call").execute(&mut c).await.unwrap();
    }
    leg.picks_up().await;
    assert!(leg.heard().contains("un problème technique"), "{}", leg.raw);
    assert!(leg.ends_with_hangup() && !leg.raw.contains("<Dial"), "{}", leg.raw);
}
