//! The IVR step engine: a pure function of the script, where the call stands,
//! what just happened and the time.
//!
//! [`advance`] is called once per webhook. It walks nodes that need nothing from
//! the caller (messages, the opening-hours branch, callback requests) until it
//! reaches one that waits (a menu, a transfer, a recording) or ends the call, and
//! returns the provider-neutral [`Step`]s to play, the new [`Position`] to store,
//! the timeline [`Event`]s and the [`Outcome`] reached, if any. It does no I/O:
//! the handler stores the turn and renders the steps.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use unicode_normalization::UnicodeNormalization;

use super::script::{Menu, Node, Script};
use super::step::{Prompt, Step};
use crate::routing::hours::{spoken_reopening, Closure, OpeningHours};

/// Where a call stands in its script, stored between webhooks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Position {
    /// The node waiting for the next event.
    pub node: String,
    /// Failed attempts at the current menu (no input or wrong key).
    pub attempts: u32,
    /// Menus the caller came through, most recent last: where the back key leads.
    pub menus: Vec<String>,
}

/// What the provider reports since the last answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallEvent {
    /// The call has just come in.
    Start,
    /// A key (`digits`) or spoken words (`speech`) at a menu.
    Input { digits: String, speech: Option<String> },
    /// The menu timed out with nothing pressed.
    NoInput,
    /// The transfer ended. `caller_gone` is set when the caller hung up while
    /// the professional's phone was ringing: then nothing more is played.
    DialEnded { status: DialStatus, caller_gone: bool },
    /// A message was recorded.
    Recorded {
        recording_sid: String,
        duration_secs: Option<u32>,
    },
    /// The caller said nothing after the tone.
    NoRecording,
}

/// The provider's verdict on a transfer (`DialCallStatus`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialStatus {
    Completed,
    Answered,
    Busy,
    NoAnswer,
    Failed,
    Canceled,
    Other(String),
}

impl DialStatus {
    pub fn parse(s: &str) -> DialStatus {
        match s {
            "completed" => DialStatus::Completed,
            "answered" => DialStatus::Answered,
            "busy" => DialStatus::Busy,
            "no-answer" => DialStatus::NoAnswer,
            "failed" => DialStatus::Failed,
            "canceled" => DialStatus::Canceled,
            other => DialStatus::Other(other.to_owned()),
        }
    }
    pub fn as_str(&self) -> &str {
        match self {
            DialStatus::Completed => "completed",
            DialStatus::Answered => "answered",
            DialStatus::Busy => "busy",
            DialStatus::NoAnswer => "no-answer",
            DialStatus::Failed => "failed",
            DialStatus::Canceled => "canceled",
            DialStatus::Other(s) => s,
        }
    }
    fn connected(&self) -> bool {
        matches!(self, DialStatus::Completed | DialStatus::Answered)
    }
}

/// How a call ended up, as far as the IVR can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A professional of this role took the call.
    Answered {
        role: String,
    },
    MessageLeft,
    CallbackRequested,
    /// The script ended the call after giving information.
    Informed,
}

impl Outcome {
    /// Outcomes only move up this ladder: a caller who leaves a message and then
    /// asks for a callback has left a message.
    pub fn rank(&self) -> u8 {
        match self {
            Outcome::Informed => 1,
            Outcome::CallbackRequested => 2,
            Outcome::MessageLeft => 3,
            Outcome::Answered { .. } => 4,
        }
    }
}

/// A line of the call's timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Short kebab-case name: `menu`, `key`, `transfer`, `message-recorded`…
    pub kind: &'static str,
    pub node: Option<String>,
    pub detail: serde_json::Value,
}

/// Everything the engine needs besides the position and the event.
pub struct Context<'a> {
    pub script: &'a Script,
    pub now: DateTime<Utc>,
    pub hours: &'a OpeningHours,
    /// The number that rings for a role, if anyone can be rung.
    pub role_number: &'a dyn Fn(&str) -> Option<String>,
    /// True when the caller's number is withheld (no callback possible).
    pub caller_withheld: bool,
    /// The helpline number called: shown to professionals as caller ID.
    pub line_number: Option<&'a str>,
}

/// The result of one [`advance`].
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    pub steps: Vec<Step>,
    pub position: Position,
    pub events: Vec<Event>,
    pub outcome: Option<Outcome>,
    /// The caller's need, when a choice declared one.
    pub need: Option<String>,
}

/// Nodes visited in one turn at most; the validator forbids loops without input,
/// this only keeps a script edited around the validator from spinning.
const MAX_HOPS: usize = 64;

/// Plays the call forward from `position` after `event`.
pub fn advance(ctx: &Context<'_>, position: Option<&Position>, event: CallEvent) -> Turn {
    let mut t = Walker {
        ctx,
        turn: Turn {
            steps: Vec::new(),
            position: position.cloned().unwrap_or_default(),
            events: Vec::new(),
            outcome: None,
            need: None,
        },
    };
    let current = position.and_then(|p| ctx.script.nodes.get(&p.node).map(|n| (p.node.clone(), n)));
    match (event, current) {
        (CallEvent::Start, _) => {
            t.turn.position = Position::default();
            t.enter(&ctx.script.script.start);
        }
        (event, None) => {
            // The script was reloaded and the node the call waited at is gone:
            // start over rather than drop the caller.
            t.event("lost-position", None, json!({ "event": format!("{event:?}") }));
            t.say("Excusez-nous, reprenons depuis le début.");
            t.turn.position = Position::default();
            t.enter(&ctx.script.script.start);
        }
        (CallEvent::Input { digits, speech }, Some((id, Node::Menu(menu)))) => {
            t.menu_input(&id, menu, &digits, speech.as_deref())
        }
        (CallEvent::NoInput, Some((id, Node::Menu(menu)))) => {
            t.event("no-input", Some(&id), json!({}));
            t.menu_failed(
                &id,
                menu,
                menu.no_input.as_deref().unwrap_or(&ctx.script.menu_defaults.no_input),
            );
        }
        (CallEvent::DialEnded { status, caller_gone }, Some((id, Node::Transfer(tr)))) => {
            t.event(
                "transfer-ended",
                Some(&id),
                json!({ "role": tr.role, "status": status.as_str(), "caller_gone": caller_gone }),
            );
            if status.connected() {
                t.reach(Outcome::Answered { role: tr.role.clone() });
                t.turn.steps.push(Step::HangUp);
            } else if caller_gone {
                // The position stays on the transfer: that is where the caller gave up.
                t.turn.steps.push(Step::HangUp);
            } else {
                t.enter(&tr.on_failure);
            }
        }
        (
            CallEvent::Recorded {
                recording_sid,
                duration_secs,
            },
            Some((id, Node::Voicemail(v))),
        ) => {
            t.event(
                "message-recorded",
                Some(&id),
                json!({ "recording_sid": recording_sid, "duration_secs": duration_secs }),
            );
            t.reach(Outcome::MessageLeft);
            t.say(v.thanks.as_deref().unwrap_or(
                "Merci, votre message a bien été enregistré. Une professionnelle vous rappellera dès que possible.",
            ));
            match &v.next {
                Some(next) => t.enter(next),
                None => t.turn.steps.push(Step::HangUp),
            }
        }
        (CallEvent::NoRecording, Some((id, Node::Voicemail(v)))) => {
            t.event("no-message", Some(&id), json!({}));
            t.say("Nous n'avons pas entendu de message.");
            match &v.on_empty {
                Some(next) => t.enter(next),
                None => {
                    t.say("Vous pouvez nous rappeler quand vous le souhaitez. Au revoir.");
                    t.turn.steps.push(Step::HangUp);
                }
            }
        }
        (event, Some((id, node))) => {
            // An event that does not fit the node (a retried old request after the
            // call moved on, or a forged one): play the current node again.
            t.event(
                "unexpected-event",
                Some(&id),
                json!({ "event": format!("{event:?}"), "node_type": node.kind() }),
            );
            t.enter(&id);
        }
    }
    t.turn
}

struct Walker<'c, 'a> {
    ctx: &'c Context<'a>,
    turn: Turn,
}

impl Walker<'_, '_> {
    fn reach(&mut self, outcome: Outcome) {
        if self.turn.outcome.as_ref().is_none_or(|o| o.rank() < outcome.rank()) {
            self.turn.outcome = Some(outcome);
        }
    }

    fn event(&mut self, kind: &'static str, node: Option<&str>, detail: serde_json::Value) {
        self.turn.events.push(Event {
            kind,
            node: node.map(str::to_owned),
            detail,
        });
    }

    fn say(&mut self, text: &str) {
        let text = self.fill(text);
        self.turn.steps.push(Step::Play(vec![Prompt::Speech(text)]));
    }

    /// Replaces placeholders (see `validate::PLACEHOLDERS`) by their spoken value.
    fn fill(&self, text: &str) -> String {
        if !text.contains("{reouverture}") {
            return text.to_owned();
        }
        let tz = self.ctx.hours.timezone();
        let when = match self.ctx.hours.next_opening(self.ctx.now) {
            Some(at) => spoken_reopening(self.ctx.now.with_timezone(&tz), at),
            None => "prochainement".to_owned(),
        };
        text.replace("{reouverture}", &when)
    }

    fn menu_prompt(&self, menu: &Menu) -> Step {
        let hints = menu.choices.iter().flat_map(|c| c.speech.iter().cloned()).collect();
        Step::Ask {
            prompts: vec![Prompt::Speech(self.fill(&menu.say))],
            timeout_secs: menu.timeout.unwrap_or(self.ctx.script.menu_defaults.timeout),
            speech_hints: hints,
        }
    }

    /// Walks from `start` through nodes that need no input.
    fn enter(&mut self, start: &str) {
        let mut id = start.to_owned();
        for _ in 0..MAX_HOPS {
            let Some(node) = self.ctx.script.nodes.get(&id) else {
                self.event("missing-node", Some(&id), json!({}));
                self.say("Excusez-nous, ce choix n'est pas disponible pour le moment.");
                self.turn.steps.push(Step::HangUp);
                return;
            };
            self.turn.position.node = id.clone();
            match node {
                Node::Message(m) => {
                    self.event("message", Some(&id), json!({}));
                    match (&m.say, &m.audio) {
                        (_, Some(file)) => self.turn.steps.push(Step::Play(vec![Prompt::Audio(file.clone())])),
                        (Some(text), None) => self.say(text),
                        (None, None) => {}
                    }
                    id = m.next.clone();
                }
                Node::Hours(h) => match self.ctx.hours.closure(self.ctx.now) {
                    None => {
                        self.event("open", Some(&id), json!({}));
                        id = h.open.clone();
                    }
                    Some(closure) => {
                        let reason = match closure {
                            Closure::Holiday(name) => json!({ "reason": "holiday", "holiday": name }),
                            Closure::ClosedDate => json!({ "reason": "closed-date" }),
                            Closure::OutsideHours => json!({ "reason": "outside-hours" }),
                        };
                        self.event("closed", Some(&id), reason);
                        id = h.closed.clone();
                    }
                },
                Node::Menu(menu) => {
                    self.turn.position.attempts = 0;
                    self.event("menu", Some(&id), json!({}));
                    let ask = self.menu_prompt(menu);
                    self.turn.steps.push(ask);
                    return;
                }
                Node::Transfer(tr) => match (self.ctx.role_number)(&tr.role) {
                    None => {
                        self.event("transfer-unavailable", Some(&id), json!({ "role": tr.role }));
                        id = tr.on_failure.clone();
                    }
                    Some(number) => {
                        self.event(
                            "transfer",
                            Some(&id),
                            json!({ "role": tr.role, "ring_seconds": tr.ring_seconds }),
                        );
                        self.say(
                            tr.say
                                .as_deref()
                                .unwrap_or("Nous vous mettons en relation. Merci de patienter quelques instants."),
                        );
                        self.turn.steps.push(Step::Dial {
                            number,
                            caller_id: self.ctx.line_number.map(str::to_owned),
                            ring_secs: tr.ring_seconds,
                        });
                        return;
                    }
                },
                Node::Voicemail(v) => {
                    self.event("voicemail", Some(&id), json!({ "max_seconds": v.max_seconds }));
                    let instructions = format!("{} Parlez après le bip sonore. Vous disposez de {}. Pour terminer, appuyez sur la touche dièse ou raccrochez.", self.fill(&v.say), spoken_duration(v.max_seconds));
                    self.turn.steps.push(Step::Play(vec![Prompt::Speech(instructions)]));
                    self.turn.steps.push(Step::Record {
                        max_secs: v.max_seconds,
                    });
                    return;
                }
                Node::Callback(c) => {
                    if self.ctx.caller_withheld {
                        self.event("callback-impossible", Some(&id), json!({ "reason": "withheld-number" }));
                        self.say(&c.withheld);
                        id = c.on_withheld.clone();
                    } else {
                        self.event("callback-requested", Some(&id), json!({}));
                        self.reach(Outcome::CallbackRequested);
                        self.say(&c.say);
                        id = c.next.clone();
                    }
                }
                Node::Hangup(h) => {
                    self.event("hangup", Some(&id), json!({}));
                    if let Some(text) = &h.say {
                        self.say(text);
                    }
                    self.reach(Outcome::Informed);
                    self.turn.steps.push(Step::HangUp);
                    return;
                }
            }
        }
        self.event("loop-guard", Some(&id), json!({ "hops": MAX_HOPS }));
        self.turn.steps.push(Step::HangUp);
    }

    fn menu_input(&mut self, id: &str, menu: &Menu, digits: &str, speech: Option<&str>) {
        let defaults = &self.ctx.script.menu_defaults;
        let key: String = digits.chars().take(1).collect();
        if key.is_empty() && speech.is_none_or(|s| s.trim().is_empty()) {
            self.event("no-input", Some(id), json!({}));
            return self.menu_failed(id, menu, menu.no_input.as_deref().unwrap_or(&defaults.no_input));
        }
        if !key.is_empty() && key == defaults.repeat_key {
            self.event("repeat", Some(id), json!({ "key": key }));
            let ask = self.menu_prompt(menu);
            self.turn.steps.push(ask);
            return;
        }
        if !key.is_empty() && key == defaults.back_key {
            match self.turn.position.menus.pop() {
                Some(previous) => {
                    self.event("back", Some(id), json!({ "key": key, "to": previous }));
                    self.enter(&previous);
                }
                None => {
                    self.event("back", Some(id), json!({ "key": key, "to": id }));
                    let ask = self.menu_prompt(menu);
                    self.turn.steps.push(ask);
                }
            }
            return;
        }
        let choice = if key.is_empty() {
            speech.and_then(|s| match_speech(menu, s))
        } else {
            menu.choices.iter().find(|c| c.key == key)
        };
        match choice {
            Some(choice) => {
                let detail = if key.is_empty() {
                    json!({ "speech": true, "choice": choice.key, "to": choice.to })
                } else {
                    json!({ "key": key, "to": choice.to })
                };
                self.event("choice", Some(id), detail);
                if let Some(need) = &choice.need {
                    self.turn.need = Some(need.clone());
                }
                self.turn.position.menus.push(id.to_owned());
                self.enter(&choice.to.clone());
            }
            None => {
                let detail = if key.is_empty() {
                    json!({ "speech": true })
                } else {
                    json!({ "key": key })
                };
                self.event("invalid-choice", Some(id), detail);
                self.menu_failed(id, menu, menu.invalid.as_deref().unwrap_or(&defaults.invalid));
            }
        }
    }

    /// No input or a wrong key: repeat the menu, or send the caller on once the
    /// repeats are used up: never hang up on them.
    fn menu_failed(&mut self, id: &str, menu: &Menu, apology: &str) {
        let defaults = &self.ctx.script.menu_defaults;
        self.turn.position.attempts += 1;
        let repeats = menu.repeats.unwrap_or(defaults.repeats);
        if self.turn.position.attempts > repeats {
            let target = menu.on_exhausted.clone().or_else(|| defaults.on_exhausted.clone());
            self.event(
                "menu-exhausted",
                Some(id),
                json!({ "attempts": self.turn.position.attempts, "to": target }),
            );
            match target {
                Some(t) => {
                    self.say("Nous allons vous orienter.");
                    self.enter(&t);
                }
                None => {
                    // The validator refuses such a menu; keep the caller on it anyway.
                    let ask = self.menu_prompt(menu);
                    self.turn.steps.push(ask);
                }
            }
            return;
        }
        self.say(apology);
        let ask = self.menu_prompt(menu);
        self.turn.steps.push(ask);
    }
}

/// Lower case, accents removed, apostrophes and punctuation as spaces.
pub fn normalize(text: &str) -> String {
    let stripped: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    stripped
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The choice whose keywords appear in what the caller said, when exactly one does.
fn match_speech<'m>(menu: &'m Menu, said: &str) -> Option<&'m super::script::Choice> {
    let said = format!(" {} ", normalize(said));
    let mut hits = menu
        .choices
        .iter()
        .filter(|c| c.speech.iter().any(|w| said.contains(&format!(" {} ", normalize(w)))));
    let first = hits.next()?;
    hits.next().is_none().then_some(first)
}

/// "2 minutes", "1 minute 30", "45 secondes".
pub fn spoken_duration(secs: u32) -> String {
    let (m, s) = (secs / 60, secs % 60);
    match (m, s) {
        (0, s) => format!("{s} secondes"),
        (1, 0) => "1 minute".to_owned(),
        (m, 0) => format!("{m} minutes"),
        (1, s) => format!("1 minute {s}"),
        (m, s) => format!("{m} minutes {s}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ivr::script::parse;

    const SCRIPT: &str = r#"
        [script]
        name = "t"
        start = "accueil"
        [menu_defaults]
        on_exhausted = "accueil-humain"
        repeats = 2
        [nodes.accueil]
        type = "message"
        say = "Bonjour."
        next = "horaires"
        [nodes.horaires]
        type = "hours"
        open = "menu"
        closed = "ferme"
        [nodes.ferme]
        type = "message"
        say = "Nous rouvrons {reouverture}."
        next = "messagerie"
        [nodes.menu]
        type = "menu"
        say = "Pour l'allaitement, tapez 1. Pour les infos, tapez 2."
        choices = [
          { key = "1", to = "sf", need = "allaitement", speech = ["allaitement", "allaiter"] },
          { key = "2", to = "infos" },
        ]
        [nodes.infos]
        type = "menu"
        say = "Pour l'adresse, tapez 1."
        choices = [{ key = "1", to = "adresse" }]
        [nodes.adresse]
        type = "hangup"
        say = "Nous sommes au 1 rue de la Paix."
        [nodes.sf]
        type = "transfer"
        role = "sage-femme"
        on_failure = "messagerie"
        [nodes.accueil-humain]
        type = "transfer"
        role = "accueil"
        on_failure = "messagerie"
        [nodes.messagerie]
        type = "voicemail"
        say = "Laissez-nous un message."
        next = "rappel"
        [nodes.rappel]
        type = "callback"
        say = "Nous vous rappellerons."
        withheld = "Votre numéro est masqué."
        next = "fin"
        on_withheld = "fin"
        [nodes.fin]
        type = "hangup"
        say = "Au revoir."
    "#;

    fn script() -> Script {
        parse("t.toml", SCRIPT).unwrap()
    }

    fn run(script: &Script, pos: Option<&Position>, event: CallEvent, withheld: bool) -> Turn {
        let hours = OpeningHours::always_open(chrono_tz::Europe::Paris);
        let roles = |role: &str| (role != "accueil").then(|| "+33612345678".to_owned());
        let ctx = Context {
            script,
            now: Utc::now(),
            hours: &hours,
            role_number: &roles,
            caller_withheld: withheld,
            line_number: Some("+33800000000"),
        };
        advance(&ctx, pos, event)
    }

    fn key(digits: &str) -> CallEvent {
        CallEvent::Input {
            digits: digits.into(),
            speech: None,
        }
    }

    fn dial(status: DialStatus, caller_gone: bool) -> CallEvent {
        CallEvent::DialEnded { status, caller_gone }
    }

    fn said(turn: &Turn) -> String {
        let mut out = Vec::new();
        for step in &turn.steps {
            let prompts = match step {
                Step::Play(p) | Step::Ask { prompts: p, .. } => p.clone(),
                _ => vec![],
            };
            for p in prompts {
                if let Prompt::Speech(s) = p {
                    out.push(s);
                }
            }
        }
        out.join(" ")
    }

    #[test]
    fn start_plays_the_welcome_then_waits_at_the_menu() {
        let s = script();
        let t = run(&s, None, CallEvent::Start, false);
        assert_eq!(t.position.node, "menu");
        assert!(said(&t).starts_with("Bonjour. Pour l'allaitement"), "{}", said(&t));
        assert!(
            matches!(t.steps.last(), Some(Step::Ask { speech_hints, .. }) if speech_hints.contains(&"allaiter".to_string()))
        );
    }

    #[test]
    fn a_key_leads_to_a_transfer_and_records_the_need() {
        let s = script();
        let start = run(&s, None, CallEvent::Start, false);
        let t = run(&s, Some(&start.position), key("1"), false);
        assert_eq!(t.position.node, "sf");
        assert_eq!(t.need.as_deref(), Some("allaitement"));
        assert!(
            matches!(t.steps.last(), Some(Step::Dial { number, caller_id: Some(id), ring_secs: 25 }) if number == "+33612345678" && id == "+33800000000")
        );
        let done = run(&s, Some(&t.position), dial(DialStatus::Completed, false), false);
        assert_eq!(
            done.outcome,
            Some(Outcome::Answered {
                role: "sage-femme".into()
            })
        );
    }

    #[test]
    fn speech_selects_a_choice_without_accents_or_case() {
        let s = script();
        let start = run(&s, None, CallEvent::Start, false);
        let t = run(
            &s,
            Some(&start.position),
            CallEvent::Input {
                digits: String::new(),
                speech: Some("Je voudrais parler d'Allaitement".into()),
            },
            false,
        );
        assert_eq!(t.position.node, "sf");
    }

    #[test]
    fn wrong_keys_repeat_then_send_to_reception_never_hang_up() {
        let s = script();
        let mut pos = run(&s, None, CallEvent::Start, false).position;
        for attempt in 1..=2 {
            let t = run(&s, Some(&pos), key("7"), false);
            assert_eq!(t.position.node, "menu");
            assert_eq!(t.position.attempts, attempt);
            assert!(said(&t).starts_with("Ce choix n'existe pas."), "{}", said(&t));
            pos = t.position;
        }
        let t = run(&s, Some(&pos), CallEvent::NoInput, false);
        // Reception has no number in this test, so the transfer falls to voicemail.
        assert_eq!(t.position.node, "messagerie");
        assert!(t.events.iter().any(|e| e.kind == "menu-exhausted"));
        assert!(t.events.iter().any(|e| e.kind == "transfer-unavailable"));
        assert!(matches!(t.steps.last(), Some(Step::Record { max_secs: 120 })));
        assert!(
            said(&t).contains("Parlez après le bip sonore. Vous disposez de 2 minutes."),
            "{}",
            said(&t)
        );
    }

    #[test]
    fn star_repeats_and_hash_goes_back() {
        let s = script();
        let start = run(&s, None, CallEvent::Start, false);
        let sub = run(&s, Some(&start.position), key("2"), false);
        assert_eq!(sub.position.node, "infos");
        let again = run(&s, Some(&sub.position), key("*"), false);
        assert_eq!(again.position.node, "infos");
        assert_eq!(said(&again), "Pour l'adresse, tapez 1.");
        let back = run(&s, Some(&again.position), key("#"), false);
        assert_eq!(back.position.node, "menu");
        assert!(back.position.menus.is_empty());
    }

    #[test]
    fn failed_transfer_goes_to_voicemail_and_a_message_is_an_outcome() {
        let s = script();
        let start = run(&s, None, CallEvent::Start, false);
        let tr = run(&s, Some(&start.position), key("1"), false);
        let vm = run(&s, Some(&tr.position), dial(DialStatus::NoAnswer, false), false);
        assert_eq!(vm.position.node, "messagerie");
        let rec = run(
            &s,
            Some(&vm.position),
            CallEvent::Recorded {
                recording_sid: "RE1".into(),
                duration_secs: Some(12),
            },
            false,
        );
        assert_eq!(
            rec.outcome,
            Some(Outcome::MessageLeft),
            "the callback request that follows does not hide the message"
        );
        assert!(rec.events.iter().any(|e| e.kind == "callback-requested"));
        assert!(rec.events.iter().any(|e| e.kind == "message-recorded"));
        assert!(matches!(rec.steps.last(), Some(Step::HangUp)));
    }

    #[test]
    fn a_caller_who_hangs_up_while_ringing_stays_at_the_transfer() {
        let s = script();
        let start = run(&s, None, CallEvent::Start, false);
        let tr = run(&s, Some(&start.position), key("1"), false);
        let gone = run(&s, Some(&tr.position), dial(DialStatus::Canceled, true), false);
        assert_eq!(gone.position.node, "sf");
        assert_eq!(gone.outcome, None);
        assert_eq!(gone.steps, vec![Step::HangUp]);
    }

    #[test]
    fn withheld_number_cannot_request_a_callback() {
        let s = script();
        let vm = Position {
            node: "messagerie".into(),
            attempts: 0,
            menus: vec![],
        };
        let t = run(
            &s,
            Some(&vm),
            CallEvent::Recorded {
                recording_sid: "RE1".into(),
                duration_secs: None,
            },
            true,
        );
        assert!(said(&t).contains("Votre numéro est masqué."));
        assert_eq!(t.outcome, Some(Outcome::MessageLeft));
    }

    #[test]
    fn a_vanished_node_restarts_the_script() {
        let s = script();
        let pos = Position {
            node: "deleted".into(),
            attempts: 0,
            menus: vec![],
        };
        let t = run(&s, Some(&pos), CallEvent::NoInput, false);
        assert_eq!(t.position.node, "menu");
        assert!(said(&t).starts_with("Excusez-nous"));
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(spoken_duration(120), "2 minutes");
        assert_eq!(spoken_duration(90), "1 minute 30");
        assert_eq!(spoken_duration(45), "45 secondes");
        assert_eq!(spoken_duration(60), "1 minute");
    }

    #[test]
    fn normalizes_french() {
        assert_eq!(normalize("L'Allaitement, ÉTÉ !"), "l allaitement ete");
    }
}
