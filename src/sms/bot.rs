//! What to do with one inbound message, given the conversation so far: a pure
//! function, so every rule below is tested without a database or a clock.
//!
//! The order is the policy:
//! 1. distress first: a safety message gets the emergency answer, an urgent
//!    follow-up and an alert to the professional on duty, whatever else holds
//!    (opted out, flooding, a pending choice);
//! 2. STOP and START always work, and are confirmed once;
//! 3. an opted-out number gets no reply (its messages are kept and read);
//! 4. a number sending too many messages gets one notice, then silence for a while;
//! 5. keywords (AIDE, RAPPEL, HORAIRES, ADRESSE, a choice "1"/"2"/"3");
//! 6. pictures, empty messages, greetings and thanks;
//! 7. the knowledge base: an answer, a short numbered list, or a kind "I don't know".

use serde::Serialize;

use super::encoding;
use super::kb::{render, KnowledgeBase, Topic, Vars};
use super::keywords::{self, Keyword};
use super::language;
use super::matcher::{self, Thresholds, Verdict};
use super::safety::{self, SafetyCategory};
use super::scope;
use super::text;

/// The inbound message.
#[derive(Debug, Clone, Copy)]
pub struct Inbound<'a> {
    pub body: &'a str,
    pub num_media: u32,
}

/// What the bot needs to know about the conversation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conversation {
    pub opted_out: bool,
    /// Topics offered as 1, 2, 3 and not yet expired.
    pub pending_choices: Vec<String>,
    /// Inbound messages from this number within the flood window, this one included.
    pub recent_inbound: usize,
    /// Whether the flood notice was already sent within the window.
    pub flood_notice_sent: bool,
}

/// How the bot read a message: stored with it, printed by `numerovert faq match`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// safety | stop | start | help | callback | hours | address | choice | faq
    /// | alternatives | not-understood | other-language | media | empty | greeting
    /// | thanks | opted-out | flood
    pub kind: &'static str,
    pub topic: Option<String>,
    pub safety: Option<&'static str>,
    /// The English cue of a safety detection.
    pub cue: Option<&'static str>,
    /// The best BM25 score of a knowledge-base reading; for a safety reading,
    /// the classifier's probability of distress (1 when a cue fired).
    pub score: f32,
    pub alternatives: Vec<String>,
    /// A close runner-up of an answer, offered after it as choice 1 when the
    /// reply has room for one more line (like `alternatives`, it says how the
    /// message was read, not what was sent).
    pub also: Option<String>,
}

/// What must follow the message.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub reading: Reading,
    /// The text to send back, rendered and tidied; None for silence.
    pub reply: Option<String>,
    /// A follow-up: (reason, urgent).
    pub follow_up: Option<(&'static str, bool)>,
    /// The professional on duty must be alerted.
    pub alert: Option<SafetyCategory>,
    /// Some(true) opts the number out, Some(false) back in.
    pub opt_out: Option<bool>,
    /// Some(list) replaces the pending choices (an empty list clears them).
    pub choices: Option<Vec<String>>,
    /// This reply is the flood notice.
    pub flood_notice: bool,
    /// The contact's outcome, if this message decides one: informed | callback_requested | safety.
    pub outcome: Option<&'static str>,
}

impl Decision {
    fn new(kind: &'static str) -> Decision {
        Decision {
            reading: Reading {
                kind,
                topic: None,
                safety: None,
                cue: None,
                score: 0.0,
                alternatives: Vec::new(),
                also: None,
            },
            reply: None,
            follow_up: None,
            alert: None,
            opt_out: None,
            choices: None,
            flood_notice: false,
            outcome: None,
        }
    }
    fn reply(mut self, text: String) -> Decision {
        self.reply = Some(text);
        self
    }
}

/// The outcome rank of an SMS contact's outcome: outcomes only move up.
pub fn outcome_rank(outcome: &str) -> i64 {
    match outcome {
        "informed" => 1,
        "callback_requested" => 3,
        "safety" => 6,
        _ => 0,
    }
}

/// Reads the message the way `numerovert faq match` shows it: safety first,
/// then another language, then a subject that is not ours, then the knowledge base.
pub fn read(kb: &KnowledgeBase, body: &str) -> Reading {
    if let Some(d) = safety::detect(body) {
        return Reading {
            kind: "safety",
            topic: None,
            safety: Some(d.category.id()),
            cue: Some(d.cue),
            // The classifier's probability of distress; a cue is certain of itself.
            score: d.confidence.unwrap_or(1.0),
            alternatives: Vec::new(),
            also: None,
        };
    }
    read_question(kb, body)
}

/// Reads a message already known not to be distress.
fn read_question(kb: &KnowledgeBase, body: &str) -> Reading {
    // Before the knowledge base, whose French words a Spanish or Darija message shares by chance.
    if language::is_foreign(body) {
        return Reading {
            kind: "other-language",
            topic: None,
            safety: None,
            cue: None,
            score: 0.0,
            alternatives: Vec::new(),
            also: None,
        };
    }
    if scope::is_outside(body) {
        return Reading {
            kind: "not-understood",
            topic: None,
            safety: None,
            cue: None,
            score: 0.0,
            alternatives: Vec::new(),
            also: None,
        };
    }
    let ranking = kb.matcher.rank(body);
    let score = ranking.best_score();
    let also = ranking.close_runner_up(Thresholds::DEFAULT).map(str::to_owned);
    let (kind, topic, alternatives) = match ranking.verdict {
        Verdict::Answer { topic } => {
            let alternatives = ranking.scored.iter().skip(1).take(2).map(|s| s.topic.clone()).collect();
            ("faq", Some(topic), alternatives)
        }
        Verdict::Choose { topics } => ("alternatives", None, topics),
        Verdict::Nothing => ("not-understood", None, Vec::new()),
    };
    Reading {
        kind,
        topic,
        safety: None,
        cue: None,
        score,
        alternatives,
        also,
    }
}

/// Decides what follows an inbound message.
pub fn decide(kb: &KnowledgeBase, vars: &Vars, flood_limit: usize, conv: &Conversation, msg: Inbound<'_>) -> Decision {
    let r = |text: &str| render(text, vars);
    let m = &kb.messages;

    // 1. Distress first.
    if let Some(d) = safety::detect(msg.body) {
        let mut out = Decision::new("safety");
        out.reading.safety = Some(d.category.id());
        out.reading.cue = Some(d.cue);
        out.reading.score = d.confidence.unwrap_or(1.0);
        out.follow_up = Some(("safety", true));
        out.alert = Some(d.category);
        out.outcome = Some("safety");
        out.choices = Some(Vec::new());
        return out.reply(r(&kb.safety[&d.category]));
    }

    // 2. STOP and START always work.
    let keyword = keywords::parse(msg.body);
    match keyword {
        Some(Keyword::Stop) => {
            let mut out = Decision::new("stop");
            out.opt_out = Some(true);
            out.choices = Some(Vec::new());
            // Confirmed once: a second STOP changes nothing and gets nothing.
            return if conv.opted_out { out } else { out.reply(r(&m.stop)) };
        }
        Some(Keyword::Start) => {
            let mut out = Decision::new("start");
            out.opt_out = Some(false);
            return out.reply(r(&m.start));
        }
        _ => {}
    }

    // A callback request is honoured even in silence: it asks for a call, not a text.
    let callback = |kind: &'static str| {
        let mut out = Decision::new(kind);
        out.follow_up = Some(("callback-requested", false));
        out.outcome = Some("callback_requested");
        out.choices = Some(Vec::new());
        out
    };

    // 3. Opted out: keep, read, never answer.
    if conv.opted_out {
        return if keyword == Some(Keyword::Callback) {
            callback("callback")
        } else {
            Decision::new("opted-out")
        };
    }

    // 4. Too many messages: one notice, then silence for the window.
    if conv.recent_inbound > flood_limit {
        if keyword == Some(Keyword::Callback) {
            let out = callback("callback");
            return if conv.flood_notice_sent {
                out
            } else {
                let mut out = out.reply(r(&m.callback));
                out.flood_notice = true;
                out
            };
        }
        let mut out = Decision::new("flood");
        if !conv.flood_notice_sent {
            out.flood_notice = true;
            out = out.reply(r(&m.flood));
        }
        return out;
    }

    // 5. Keywords.
    let topic_answer = |kind: &'static str, id: &str| {
        let mut out = Decision::new(kind);
        out.reading.topic = Some(id.to_owned());
        out.outcome = Some("informed");
        out.choices = Some(Vec::new());
        let text = kb.topic(id).map_or(m.not_understood.as_str(), |t| t.answer.as_str());
        out.reply(r(text))
    };
    match keyword {
        Some(Keyword::Help) => return Decision::new("help").reply(r(&m.help)),
        Some(Keyword::Callback) => return callback("callback").reply(r(&m.callback)),
        Some(Keyword::Hours) => return topic_answer("hours", "horaires"),
        Some(Keyword::Address) => return topic_answer("address", "adresse"),
        Some(Keyword::Choice(n)) => {
            if let Some(id) = conv.pending_choices.get(n - 1) {
                return topic_answer("choice", id);
            }
        }
        _ => {}
    }

    // 6. Pictures, empty messages, greetings, thanks.
    let words = matcher::content_words(msg.body);
    if words.is_empty() {
        if msg.num_media > 0 {
            return Decision::new("media").reply(r(&m.media));
        }
        let tokens = text::tokens(msg.body);
        if tokens.is_empty() {
            return Decision::new("empty").reply(r(&m.empty));
        }
        if tokens.iter().any(|t| t == "merci" || t == "remercie") {
            return Decision::new("thanks").reply(r(&m.thanks));
        }
        if tokens
            .iter()
            .any(|t| matches!(t.as_str(), "bonjour" | "salut" | "bonsoir" | "hello"))
        {
            return Decision::new("greeting").reply(r(&m.greeting));
        }
    }

    // 7. The knowledge base (distress was ruled out first).
    let reading = read_question(kb, msg.body);
    let mut out = match reading.kind {
        "faq" => {
            let id = reading.topic.clone().unwrap_or_default();
            let out = topic_answer("faq", &id);
            match reading.also.as_deref().and_then(|also| kb.topic(also)) {
                Some(also) => offer_also(kb, vars, out, also),
                None => out,
            }
        }
        "alternatives" => {
            let mut list = r(&m.choose_intro);
            for (i, id) in reading.alternatives.iter().enumerate() {
                let title = kb.topic(id).map_or(id.as_str(), |t| t.title.as_str());
                list.push_str(&format!("\n{}. {}", i + 1, render(title, vars)));
            }
            list.push('\n');
            list.push_str(&r(&m.choose_footer));
            let mut out = Decision::new("alternatives").reply(list);
            out.choices = Some(reading.alternatives.clone());
            out
        }
        // The bot cannot read it, so a person will: the parent may be in a
        // distress no cue knows in that language.
        "other-language" => {
            let mut out = Decision::new("other-language").reply(r(&m.other_language));
            out.follow_up = Some(("other-language", false));
            out
        }
        _ => Decision::new("not-understood").reply(r(&m.not_understood)),
    };
    out.reading.score = reading.score;
    out.reading.alternatives = reading.alternatives;
    out.reading.also = reading.also;
    out
}

/// An answer followed by one line offering the close runner-up as choice 1,
/// when the two still fit the longest reply; otherwise the answer alone.
fn offer_also(kb: &KnowledgeBase, vars: &Vars, answer: Decision, also: &Topic) -> Decision {
    let Some(text) = &answer.reply else {
        return answer;
    };
    let longer = format!("{text}\n{}", kb.also_line(also, vars));
    if encoding::count(&longer).segments > kb.max_segments {
        return answer;
    }
    let mut out = answer.reply(longer);
    out.choices = Some(vec![also.id.clone()]);
    out
}

/// The JSON of `numerovert faq match`: the contract of DESIGN.md (`topic`,
/// `safety`, `score`, `alternatives`), plus how the bot read the message and the
/// reply it would send as a first message.
pub fn explain(kb: &KnowledgeBase, vars: &Vars, body: &str) -> serde_json::Value {
    let fresh = Conversation {
        recent_inbound: 1,
        ..Conversation::default()
    };
    let d = decide(kb, vars, usize::MAX, &fresh, Inbound { body, num_media: 0 });
    serde_json::json!({
        "topic": d.reading.topic,
        "safety": d.reading.safety,
        // Two decimals: an f32 printed as f64 would show its rounding noise (7.739999771118164).
        "score": (f64::from(d.reading.score) * 100.0).round() / 100.0,
        "alternatives": d.reading.alternatives,
        "also": d.reading.also,
        "kind": d.reading.kind,
        "cue": d.reading.cue,
        "reply": d.reply,
        "segments": d.reply.as_deref().map(|r| super::encoding::count(r).segments),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sms::kb::tests::sample_toml;

    /// The sample knowledge base, where breastfeeding and bottles share words.
    fn sample_with_shared_words() -> String {
        sample_toml()
            .replace(
                "keywords = [\"allaitement\"]",
                "keywords = [\"allaitement\", \"lait maternel\", \"crevasses\", \"tétine\"]",
            )
            .replace(
                "keywords = [\"sommeil\"]",
                "keywords = [\"sommeil\", \"nuits\", \"sieste\", \"réveils\", \"dort\"]",
            )
            .replace(
                "keywords = [\"biberon\"]",
                "keywords = [\"biberon\", \"lait maternel\", \"crevasses\", \"tétine\"]",
            )
    }

    fn kb() -> KnowledgeBase {
        let text = sample_with_shared_words();
        KnowledgeBase::parse("faq.toml", &text, 3).unwrap()
    }

    fn vars() -> Vars {
        Vars {
            numero_vert: "0 800 12 34 56".into(),
            delai: "dans les 4 heures".into(),
        }
    }

    fn decide_on(conv: &Conversation, body: &str) -> Decision {
        ask(&kb(), conv, body)
    }

    fn ask(kb: &KnowledgeBase, conv: &Conversation, body: &str) -> Decision {
        decide(kb, &vars(), 10, conv, Inbound { body, num_media: 0 })
    }

    fn fresh() -> Conversation {
        Conversation {
            recent_inbound: 1,
            ..Conversation::default()
        }
    }

    #[test]
    fn a_question_gets_its_topic_answer() {
        let d = decide_on(&fresh(), "bjr, j'ai des crevasses a cause de l'alaitement, c normal ?");
        assert_eq!(d.reading.kind, "faq");
        assert_eq!(d.reading.topic.as_deref(), Some("allaitement"));
        assert_eq!(d.reply.as_deref(), Some("Réponse sur allaitement."));
        assert_eq!(d.outcome, Some("informed"));
        assert_eq!(d.follow_up, None);
    }

    #[test]
    fn keywords_do_what_they_say() {
        let d = decide_on(&fresh(), "RAPPEL");
        assert_eq!(d.follow_up, Some(("callback-requested", false)));
        assert_eq!(
            d.reply.as_deref(),
            Some("Une professionnelle vous rappellera dans les 4 heures.")
        );
        let d = decide_on(&fresh(), "Horaires");
        assert_eq!(d.reply.as_deref(), Some("Réponse sur horaires."));
        let d = decide_on(&fresh(), "adresse");
        assert_eq!(d.reply.as_deref(), Some("Réponse sur adresse."));
        let d = decide_on(&fresh(), "Aide");
        assert!(d.reply.unwrap().contains("RAPPEL"));
    }

    #[test]
    fn stop_is_confirmed_once_and_silences_everything_but_distress_and_start() {
        let d = decide_on(&fresh(), "Arrêt");
        assert_eq!(d.opt_out, Some(true));
        assert_eq!(
            d.reply.as_deref(),
            Some("C'est noté, plus de SMS. START pour reprendre. 0 800 12 34 56")
        );
        let out = Conversation {
            opted_out: true,
            ..fresh()
        };
        assert_eq!(decide_on(&out, "STOP").reply, None, "confirmed once");
        let d = decide_on(&out, "allaitement");
        assert_eq!((d.reading.kind, d.reply), ("opted-out", None));
        let d = decide_on(&out, "rappel");
        assert_eq!((d.follow_up, d.reply), (Some(("callback-requested", false)), None));
        let d = decide_on(&out, "START");
        assert_eq!(d.opt_out, Some(false));
        assert!(d.reply.is_some());
    }

    #[test]
    fn unsure_gives_a_numbered_list_and_the_number_picks() {
        let d = decide_on(&fresh(), "du lait maternel et des crevasses");
        assert_eq!(d.reading.kind, "alternatives", "{:?}", d.reading);
        let choices = d.choices.clone().unwrap();
        assert!(choices.len() >= 2 && choices.len() <= 3, "{choices:?}");
        let reply = d.reply.unwrap();
        assert!(reply.starts_with("Votre question porte sur :\n1. le sujet "), "{reply}");
        assert!(reply.ends_with("\nRépondez par le chiffre."), "{reply}");
        let conv = Conversation {
            pending_choices: choices.clone(),
            ..fresh()
        };
        let d = decide_on(&conv, "2");
        assert_eq!(d.reading.topic.as_deref(), Some(choices[1].as_str()));
        assert_eq!(d.choices, Some(Vec::new()));
        // Without a pending list a digit is nothing the bot knows.
        assert_eq!(decide_on(&fresh(), "2").reading.kind, "not-understood");
    }

    #[test]
    fn a_close_runner_up_is_offered_after_the_answer_and_1_picks_it() {
        let d = decide_on(&fresh(), "allaitement et biberon, crevasses");
        assert_eq!(d.reading.kind, "faq", "{:?}", d.reading);
        assert_eq!(d.reading.topic.as_deref(), Some("allaitement"));
        assert_eq!(d.reading.also.as_deref(), Some("biberon"));
        assert_eq!(
            d.reply.as_deref(),
            Some("Réponse sur allaitement.\nSinon, répondez 1 pour : le sujet biberon.")
        );
        assert_eq!(d.choices, Some(vec!["biberon".to_owned()]));
        let conv = Conversation {
            pending_choices: vec!["biberon".into()],
            ..fresh()
        };
        assert_eq!(decide_on(&conv, "1").reply.as_deref(), Some("Réponse sur biberon."));
        // A clear lead answers alone and clears an older list.
        let d = decide_on(&fresh(), "lait maternel et allaitement");
        assert_eq!(
            (d.reading.also, d.reply.as_deref()),
            (None, Some("Réponse sur allaitement."))
        );
        assert_eq!(d.choices, Some(Vec::new()));
    }

    #[test]
    fn the_runner_up_line_is_left_out_when_it_would_make_the_reply_too_long() {
        let long = "Réponse longue. ".repeat(28);
        let text = sample_with_shared_words().replace(
            "answer = \"Réponse sur allaitement.\"",
            &format!("answer = \"{}\"", long.trim()),
        );
        let kb = KnowledgeBase::parse("faq.toml", &text, 3).unwrap();
        assert_eq!(encoding::count(long.trim()).segments, 3);
        let d = ask(&kb, &fresh(), "allaitement et biberon, crevasses");
        assert_eq!(d.reading.also.as_deref(), Some("biberon"));
        assert_eq!(d.reply.as_deref(), Some(long.trim()));
        assert_eq!(d.choices, Some(Vec::new()));
    }

    #[test]
    fn nothing_fits_says_so_and_offers_a_callback() {
        let d = decide_on(&fresh(), "vous vendez des poussettes ?");
        assert_eq!(d.reading.kind, "not-understood");
        assert!(d.reply.unwrap().contains("RAPPEL"));
        let d = decide_on(&fresh(), "Hello, my baby does not sleep at night, what can I do?");
        assert_eq!(d.reading.kind, "other-language");
        assert_eq!(d.follow_up, Some(("other-language", false)), "a person reads it");
        assert!(d.reply.unwrap().contains("0 800 12 34 56"));
    }

    #[test]
    fn media_empty_greetings_and_thanks_are_answered_politely() {
        let kb = kb();
        let d = decide(&kb, &vars(), 10, &fresh(), Inbound { body: "", num_media: 1 });
        assert_eq!(d.reading.kind, "media");
        let d = ask(&kb, &fresh(), "  ");
        assert_eq!(d.reading.kind, "empty");
        assert_eq!(decide_on(&fresh(), "Bonjour !").reading.kind, "greeting");
        assert_eq!(decide_on(&fresh(), "ok merci bcp").reading.kind, "thanks");
    }

    #[test]
    fn a_flood_gets_one_notice_then_silence() {
        let flooding = Conversation {
            recent_inbound: 11,
            ..fresh()
        };
        let d = decide_on(&flooding, "allaitement");
        assert!(d.flood_notice);
        assert_eq!(d.reply.as_deref(), Some("Nous avons bien reçu vos messages."));
        let noticed = Conversation {
            flood_notice_sent: true,
            ..flooding
        };
        let d = decide_on(&noticed, "allaitement");
        assert_eq!((d.reading.kind, d.reply), ("flood", None));
        assert_eq!(decide_on(&noticed, "STOP").opt_out, Some(true), "STOP always works");
    }
}
