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

use super::script::{Menu, Node, Script, Strategy, Transfer};
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
    /// The transfer in progress, if the call is in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hunt: Option<Hunt>,
    /// The number of the last transfer attempt of this call (attempts are 1, 2, …).
    #[serde(default)]
    pub last_attempt: u32,
}

/// Someone a transfer can ring: a professional on duty for a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub staff_id: i64,
    pub name: String,
    /// E.164; staff numbers, never a family's.
    pub phone: String,
    /// The role they are rung for (the transfer's, or a backup role).
    pub role: String,
}

/// A transfer in progress: who is left to ring, and since when the caller waits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hunt {
    pub node: String,
    /// The role's people on duty, then the backup roles', in order.
    pub candidates: Vec<Candidate>,
    /// The next candidate to ring.
    pub next: usize,
    pub started_at: DateTime<Utc>,
    /// The attempts ringing now: one (sequential) or a whole wave (simultaneous).
    pub ringing: Vec<Ringing>,
}

/// An attempt ringing now, and whom it rings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ringing {
    pub attempt: u32,
    /// Index in [`Hunt::candidates`].
    pub candidate: usize,
}

/// What the professional did at the screening prompt, as stored when they did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Pressed 1: the call is theirs.
    Accepted,
    /// Pressed another key.
    Refused,
    /// Picked up without pressing anything: a voicemail, or silence.
    NoKey,
}

impl Screen {
    pub fn as_str(self) -> &'static str {
        match self {
            Screen::Accepted => "accepted",
            Screen::Refused => "refused",
            Screen::NoKey => "no-key",
        }
    }
    pub fn parse(s: &str) -> Option<Screen> {
        Some(match s {
            "accepted" => Screen::Accepted,
            "refused" => Screen::Refused,
            "no-key" => Screen::NoKey,
            _ => return None,
        })
    }
}

/// How one ringing attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptOutcome {
    Accepted,
    Refused,
    NoAnswer,
    Busy,
    Failed,
    /// The caller hung up while it rang.
    Canceled,
}

impl AttemptOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptOutcome::Accepted => "accepted",
            AttemptOutcome::Refused => "refused",
            AttemptOutcome::NoAnswer => "no-answer",
            AttemptOutcome::Busy => "busy",
            AttemptOutcome::Failed => "failed",
            AttemptOutcome::Canceled => "canceled",
        }
    }
}

/// A professional being rung, to store before the answer goes out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptStart {
    pub seq: u32,
    pub node: String,
    pub candidate: Candidate,
    pub ring_secs: u32,
    pub strategy: Strategy,
    /// What they hear before accepting.
    pub whisper: String,
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
    /// The transfer attempt ended. `caller_gone` is set when the caller hung up
    /// meanwhile: then nothing more is played. `screen` is what the professional
    /// did at the screening prompt, from the store: the provider's status alone
    /// cannot tell a voicemail from a person.
    DialEnded {
        status: DialStatus,
        caller_gone: bool,
        screen: Option<Screen>,
    },
    /// A message was recorded.
    Recorded {
        recording_sid: String,
        duration_secs: Option<u32>,
    },
    /// The caller said nothing after the tone.
    NoRecording,
    /// The caller left the queue of a simultaneous hunt: `result` is the
    /// provider's (`bridged`, `hangup`, `leave`…); `accepted` the attempt whose
    /// professional pressed 1, from the store.
    QueueEnded {
        result: String,
        caller_gone: bool,
        accepted: Option<u32>,
    },
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

    /// The attempt's outcome when nobody pressed anything.
    fn unscreened_outcome(&self) -> AttemptOutcome {
        match self {
            DialStatus::Busy => AttemptOutcome::Busy,
            DialStatus::Failed => AttemptOutcome::Failed,
            DialStatus::Canceled => AttemptOutcome::Canceled,
            _ => AttemptOutcome::NoAnswer,
        }
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
    /// The caller wanted a person and nobody could take the call.
    Missed,
    /// The script ended the call after giving information.
    Informed,
}

impl Outcome {
    /// Outcomes only move up this ladder: a caller who leaves a message and then
    /// asks for a callback has left a message.
    pub fn rank(&self) -> u8 {
        match self {
            Outcome::Informed => 1,
            Outcome::Missed => 2,
            Outcome::CallbackRequested => 3,
            Outcome::MessageLeft => 4,
            Outcome::Answered { .. } => 5,
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
    /// Who is on duty for a role now, in ringing order.
    pub on_duty: &'a dyn Fn(&str) -> Vec<Candidate>,
    /// A role's configured backup roles, in order.
    pub backups: &'a dyn Fn(&str) -> Vec<String>,
    /// How a role is named ("une sage-femme").
    pub role_label: &'a dyn Fn(&str) -> String,
    /// True when the caller's number is withheld (no callback possible).
    pub caller_withheld: bool,
    /// The number professionals see when rung: the helpline's, unless configured.
    pub caller_id: Option<&'a str>,
    /// The line's name, first words of the whisper ("Numéro vert 1000 jours").
    pub line_name: &'a str,
    /// Whether calls can be placed (a provider account is configured): a
    /// simultaneous hunt needs it, and rings one person at a time without.
    pub can_place_calls: bool,
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
    /// Professionals rung by this turn.
    pub attempts: Vec<AttemptStart>,
    /// Attempts that ended with this turn's event.
    pub attempt_ends: Vec<(u32, AttemptOutcome)>,
}

/// A caller is not put through for less than this: the phone would barely ring.
const MIN_RING_SECS: i64 = 8;

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
            attempts: Vec::new(),
            attempt_ends: Vec::new(),
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
        (
            CallEvent::DialEnded {
                status,
                caller_gone,
                screen,
            },
            Some((id, Node::Transfer(tr))),
        ) => t.dial_ended(&id, tr, &status, caller_gone, screen),
        (
            CallEvent::QueueEnded {
                result,
                caller_gone,
                accepted,
            },
            Some((id, Node::Transfer(tr))),
        ) => t.queue_ended(&id, tr, &result, caller_gone, accepted),
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
                Node::Transfer(tr) => {
                    if self.start_transfer(&id, tr) {
                        return;
                    }
                    id = tr.on_failure.clone();
                }
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

    /// Finds who to ring and rings the first; false when nobody can be rung (the
    /// caller then goes on to the node's `on_failure`).
    fn start_transfer(&mut self, id: &str, tr: &Transfer) -> bool {
        let mut roles = vec![tr.role.clone()];
        roles.extend(tr.backups.clone().unwrap_or_else(|| (self.ctx.backups)(&tr.role)));
        let mut candidates: Vec<Candidate> = Vec::new();
        for role in &roles {
            for c in (self.ctx.on_duty)(role) {
                if !candidates.iter().any(|k| k.staff_id == c.staff_id) {
                    candidates.push(c);
                }
            }
        }
        if candidates.is_empty() {
            self.event(
                "transfer-unavailable",
                Some(id),
                json!({ "role": tr.role, "roles_tried": roles }),
            );
            self.reach(Outcome::Missed);
            return false;
        }
        self.event(
            "transfer",
            Some(id),
            json!({
                "role": tr.role,
                "strategy": tr.strategy.as_str(),
                "people_on_duty": candidates.len(),
                "max_wait_seconds": tr.max_wait_seconds,
            }),
        );
        self.say(
            tr.say
                .as_deref()
                .unwrap_or("Nous vous mettons en relation. Merci de patienter quelques instants."),
        );
        self.turn.position.hunt = Some(Hunt {
            node: id.to_owned(),
            candidates,
            next: 0,
            started_at: self.ctx.now,
            ringing: Vec::new(),
        });
        if tr.strategy == Strategy::Simultaneous && !self.ctx.can_place_calls {
            // Ringing several phones at once needs calls placed through the
            // provider's API; without an account, one after the other still works.
            self.event(
                "strategy-degraded",
                Some(id),
                json!({ "to": "sequential", "reason": "no-provider-account" }),
            );
        }
        self.ring(id, tr)
    }

    fn simultaneous(&self, tr: &Transfer) -> bool {
        tr.strategy == Strategy::Simultaneous && self.ctx.can_place_calls
    }

    fn ring(&mut self, id: &str, tr: &Transfer) -> bool {
        if self.simultaneous(tr) {
            self.ring_wave(id, tr)
        } else {
            self.ring_next(id, tr)
        }
    }

    /// Seconds the caller may still wait, or None (after a `transfer-failed`
    /// event) when the hunt is over.
    fn time_left(&mut self, id: &str, tr: &Transfer, hunt: &Hunt) -> Option<u32> {
        let waited = (self.ctx.now - hunt.started_at).num_seconds().max(0);
        let remaining = i64::from(tr.max_wait_seconds) - waited;
        if hunt.next < hunt.candidates.len() && remaining >= MIN_RING_SECS {
            return Some(u32::try_from(remaining).unwrap_or(u32::MAX));
        }
        let reason = if hunt.next >= hunt.candidates.len() {
            "nobody-accepted"
        } else {
            "max-wait"
        };
        self.event(
            "transfer-failed",
            Some(id),
            json!({ "role": tr.role, "attempts": hunt.next, "waited_seconds": waited, "reason": reason }),
        );
        self.reach(Outcome::Missed);
        None
    }

    fn start_attempt(&mut self, id: &str, tr: &Transfer, candidate: Candidate, ring_secs: u32) -> u32 {
        self.turn.position.last_attempt += 1;
        let seq = self.turn.position.last_attempt;
        self.event(
            "transfer-attempt",
            Some(id),
            json!({
                "attempt": seq,
                "role": candidate.role,
                "staff_id": candidate.staff_id,
                "staff": candidate.name,
                "ring_seconds": ring_secs,
            }),
        );
        self.turn.attempts.push(AttemptStart {
            seq,
            node: id.to_owned(),
            whisper: self.whisper(tr, &candidate),
            candidate,
            ring_secs,
            strategy: if self.simultaneous(tr) {
                Strategy::Simultaneous
            } else {
                Strategy::Sequential
            },
        });
        seq
    }

    /// Rings every person of the next role at once; the caller waits in a queue
    /// that the first to press 1 joins. A voicemail answering one phone takes
    /// nothing: it never presses 1.
    fn ring_wave(&mut self, id: &str, tr: &Transfer) -> bool {
        let Some(mut hunt) = self.turn.position.hunt.take() else {
            return false;
        };
        let Some(remaining) = self.time_left(id, tr, &hunt) else {
            return false;
        };
        let role = hunt.candidates[hunt.next].role.clone();
        let ring_secs = tr.ring_seconds.min(remaining);
        hunt.ringing.clear();
        while hunt.candidates.get(hunt.next).is_some_and(|c| c.role == role) {
            let candidate = hunt.candidates[hunt.next].clone();
            let attempt = self.start_attempt(id, tr, candidate, ring_secs);
            hunt.ringing.push(Ringing {
                attempt,
                candidate: hunt.next,
            });
            hunt.next += 1;
        }
        self.turn.steps.push(Step::Queue);
        self.turn.position.hunt = Some(hunt);
        true
    }

    fn queue_ended(&mut self, id: &str, tr: &Transfer, result: &str, caller_gone: bool, accepted: Option<u32>) {
        let Some(hunt) = self.turn.position.hunt.clone() else {
            self.event("transfer-ended", Some(id), json!({ "queue_result": result }));
            self.turn.steps.push(Step::HangUp);
            return;
        };
        let winner = hunt.ringing.iter().find(|r| Some(r.attempt) == accepted);
        let bridged = result == "bridged" && winner.is_some();
        for r in &hunt.ringing {
            let outcome = match (bridged, Some(r) == winner) {
                (true, true) => AttemptOutcome::Accepted,
                (true, false) => AttemptOutcome::Canceled,
                _ if caller_gone => AttemptOutcome::Canceled,
                _ => AttemptOutcome::NoAnswer,
            };
            // Attempts already ended by their own status keep their outcome (the store only ends ringing ones).
            self.turn.attempt_ends.push((r.attempt, outcome));
        }
        let attempts: Vec<u32> = hunt.ringing.iter().map(|r| r.attempt).collect();
        self.event(
            "transfer-wave-ended",
            Some(id),
            json!({ "queue_result": result, "attempts": attempts, "accepted": winner.map(|r| r.attempt) }),
        );
        if let (true, Some(winner)) = (bridged, winner) {
            let role = hunt.candidates[winner.candidate].role.clone();
            self.turn.position.hunt = None;
            self.reach(Outcome::Answered { role });
            self.turn.steps.push(Step::HangUp);
            return;
        }
        self.attempt_failed(id, tr, &hunt, caller_gone || result == "hangup");
    }

    /// Rings the next person of the hunt, if there is one and the caller may
    /// still wait; false when the hunt is over.
    fn ring_next(&mut self, id: &str, tr: &Transfer) -> bool {
        let Some(mut hunt) = self.turn.position.hunt.take() else {
            return false;
        };
        let Some(remaining) = self.time_left(id, tr, &hunt) else {
            return false;
        };
        let candidate = hunt.candidates[hunt.next].clone();
        let ring_secs = tr.ring_seconds.min(remaining);
        let number = candidate.phone.clone();
        let seq = self.start_attempt(id, tr, candidate, ring_secs);
        hunt.ringing = vec![Ringing {
            attempt: seq,
            candidate: hunt.next,
        }];
        hunt.next += 1;
        self.turn.steps.push(Step::Dial {
            number,
            caller_id: self.ctx.caller_id.map(str::to_owned),
            ring_secs,
            screen: Some(seq),
        });
        self.turn.position.hunt = Some(hunt);
        true
    }

    /// "Numéro vert 1000 jours : un parent, au sujet de l'allaitement. Appuyez sur 1 pour prendre l'appel."
    fn whisper(&self, tr: &Transfer, candidate: &Candidate) -> String {
        let about = match &tr.whisper {
            Some(w) if candidate.role == tr.role => w.trim_end_matches('.').to_owned(),
            _ => format!(
                "un parent demande {}",
                (self.ctx.role_label)(&tr.role).trim_end_matches('.')
            ),
        };
        format!("{} : {about}. Appuyez sur 1 pour prendre l'appel.", self.ctx.line_name)
    }

    fn dial_ended(&mut self, id: &str, tr: &Transfer, status: &DialStatus, caller_gone: bool, screen: Option<Screen>) {
        let Some(hunt) = self.turn.position.hunt.clone() else {
            // No hunt on record (the call predates it, or the event is stale):
            // trust the provider's status alone.
            self.event(
                "transfer-ended",
                Some(id),
                json!({ "status": status.as_str(), "caller_gone": caller_gone }),
            );
            if status.connected() && !caller_gone {
                self.reach(Outcome::Answered { role: tr.role.clone() });
            }
            if caller_gone || status.connected() {
                self.turn.steps.push(Step::HangUp);
            } else {
                self.enter(&tr.on_failure.clone());
            }
            return;
        };
        let Some(&ringing) = hunt.ringing.first() else {
            // Nothing was ringing (a stale or forged event): carry on with the hunt.
            self.attempt_failed(id, tr, &hunt, caller_gone);
            return;
        };
        let outcome = match screen {
            Some(Screen::Accepted) if status.connected() => AttemptOutcome::Accepted,
            _ if caller_gone => AttemptOutcome::Canceled,
            Some(Screen::Accepted) => AttemptOutcome::Failed,
            Some(Screen::Refused) => AttemptOutcome::Refused,
            Some(Screen::NoKey) => AttemptOutcome::NoAnswer,
            None => status.unscreened_outcome(),
        };
        let who = &hunt.candidates[ringing.candidate];
        self.event(
            "transfer-attempt-ended",
            Some(id),
            json!({
                "attempt": ringing.attempt,
                "staff_id": who.staff_id,
                "staff": who.name,
                "outcome": outcome.as_str(),
                "dial_status": status.as_str(),
                "screen": screen.map(Screen::as_str),
            }),
        );
        self.turn.attempt_ends.push((ringing.attempt, outcome));
        if outcome == AttemptOutcome::Accepted {
            let role = who.role.clone();
            self.turn.position.hunt = None;
            self.reach(Outcome::Answered { role });
            self.turn.steps.push(Step::HangUp);
            return;
        }
        self.attempt_failed(id, tr, &hunt, caller_gone);
    }

    /// Nobody took the call this time: stop if the caller is gone, otherwise
    /// ring whoever is next, or send the caller on to the node's fallback.
    fn attempt_failed(&mut self, id: &str, tr: &Transfer, hunt: &Hunt, caller_gone: bool) {
        if caller_gone {
            // The position stays on the transfer: that is where the caller gave up.
            self.event(
                "caller-hung-up",
                Some(id),
                json!({ "waited_seconds": (self.ctx.now - hunt.started_at).num_seconds() }),
            );
            self.turn.position.hunt = None;
            self.turn.steps.push(Step::HangUp);
            return;
        }
        if hunt.next < hunt.candidates.len() {
            self.say("Nous cherchons une autre professionnelle disponible. Merci de rester en ligne.");
        }
        if !self.ring(id, tr) {
            self.turn.position.hunt = None;
            self.enter(&tr.on_failure.clone());
        }
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
        run_at(script, pos, event, withheld, Utc::now())
    }

    fn person(id: i64, name: &str, role: &str) -> Candidate {
        Candidate {
            staff_id: id,
            name: name.into(),
            phone: format!("+3361234567{id}"),
            role: role.into(),
        }
    }

    /// Two sage-femmes on duty, nobody at reception; psychologists back up reception.
    fn run_at(script: &Script, pos: Option<&Position>, event: CallEvent, withheld: bool, now: DateTime<Utc>) -> Turn {
        let hours = OpeningHours::always_open(chrono_tz::Europe::Paris);
        let on_duty = |role: &str| match role {
            "sage-femme" => vec![person(1, "Awa", role), person(2, "Bea", role)],
            "psychologue" => vec![person(3, "Chloé", role)],
            _ => vec![],
        };
        let backups = |_: &str| Vec::new();
        let label = |role: &str| format!("une {role}");
        let ctx = Context {
            script,
            now,
            hours: &hours,
            on_duty: &on_duty,
            backups: &backups,
            role_label: &label,
            caller_withheld: withheld,
            caller_id: Some("+33800000000"),
            line_name: "Numéro vert 1000 jours",
            can_place_calls: true,
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
        CallEvent::DialEnded {
            status,
            caller_gone,
            screen: None,
        }
    }

    fn screened(status: DialStatus, screen: Screen) -> CallEvent {
        CallEvent::DialEnded {
            status,
            caller_gone: false,
            screen: Some(screen),
        }
    }

    fn rung(t: &Turn) -> Option<(String, u32, u32)> {
        match t.steps.last() {
            Some(Step::Dial {
                number,
                ring_secs,
                screen: Some(seq),
                caller_id: Some(id),
            }) if id == "+33800000000" => Some((number.clone(), *ring_secs, *seq)),
            _ => None,
        }
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
        assert_eq!(rung(&t), Some(("+33612345671".into(), 20, 1)));
        assert_eq!(t.attempts.len(), 1);
        assert_eq!(
            t.attempts[0].whisper,
            "Numéro vert 1000 jours : un parent demande une sage-femme. Appuyez sur 1 pour prendre l'appel."
        );
        let done = run(
            &s,
            Some(&t.position),
            screened(DialStatus::Completed, Screen::Accepted),
            false,
        );
        assert_eq!(done.attempt_ends, vec![(1, AttemptOutcome::Accepted)]);
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
        // Nobody is on duty at reception in this test, so the transfer falls to voicemail.
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
        let second = run(&s, Some(&tr.position), dial(DialStatus::NoAnswer, false), false);
        assert_eq!(rung(&second).map(|r| r.2), Some(2));
        let vm = run(&s, Some(&second.position), dial(DialStatus::Busy, false), false);
        assert_eq!(vm.attempt_ends, vec![(2, AttemptOutcome::Busy)]);
        assert_eq!(vm.outcome, Some(Outcome::Missed));
        assert_eq!(vm.position.hunt, None);
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
        assert_eq!(gone.attempt_ends, vec![(1, AttemptOutcome::Canceled)]);
        assert!(gone.events.iter().any(|e| e.kind == "caller-hung-up"));
    }

    #[test]
    fn a_voicemail_or_a_refusal_never_takes_the_call() {
        let s = script();
        let start = run(&s, None, CallEvent::Start, false);
        let tr = run(&s, Some(&start.position), key("1"), false);
        // Awa's voicemail picked up: the provider says "completed", but nobody pressed 1.
        let next = run(
            &s,
            Some(&tr.position),
            screened(DialStatus::Completed, Screen::NoKey),
            false,
        );
        assert_eq!(next.outcome, None);
        assert_eq!(next.attempt_ends, vec![(1, AttemptOutcome::NoAnswer)]);
        assert_eq!(rung(&next), Some(("+33612345672".into(), 20, 2)));
        assert!(
            said(&next).contains("Nous cherchons une autre professionnelle"),
            "{}",
            said(&next)
        );
        // Bea declines with another key: nobody is left, the caller is offered a message.
        let after = run(
            &s,
            Some(&next.position),
            screened(DialStatus::Completed, Screen::Refused),
            false,
        );
        assert_eq!(after.attempt_ends, vec![(2, AttemptOutcome::Refused)]);
        assert_eq!(after.outcome, Some(Outcome::Missed));
        assert_eq!(after.position.node, "messagerie");
        assert!(after.events.iter().any(|e| e.kind == "transfer-failed"));
    }

    #[test]
    fn backup_roles_are_rung_after_the_role() {
        let s = parse(
            "t.toml",
            &SCRIPT.replace(
                "role = \"accueil\"\n        on_failure",
                "role = \"accueil\"\n        backups = [\"psychologue\"]\n        whisper = \"un parent, au sujet de l'accueil\"\n        on_failure",
            ),
        )
        .unwrap();
        let pos = Position {
            node: "menu".into(),
            ..Position::default()
        };
        let mut t = run(&s, Some(&pos), CallEvent::NoInput, false);
        for _ in 0..2 {
            t = run(&s, Some(&t.position), CallEvent::NoInput, false);
        }
        assert_eq!(t.position.node, "accueil-humain");
        assert_eq!(rung(&t).map(|r| r.0), Some("+33612345673".into()));
        let attempt = &t.attempts[0];
        assert_eq!(attempt.candidate.role, "psychologue");
        // The node's whisper is about its own role; a backup hears which role was asked.
        assert_eq!(
            attempt.whisper,
            "Numéro vert 1000 jours : un parent demande une accueil. Appuyez sur 1 pour prendre l'appel."
        );
    }

    #[test]
    fn a_simultaneous_transfer_rings_a_role_at_once_then_its_backups() {
        let s = parse(
            "t.toml",
            &SCRIPT.replace(
                "role = \"sage-femme\"\n        on_failure",
                "role = \"sage-femme\"\n        strategy = \"simultaneous\"\n        backups = [\"psychologue\"]\n        on_failure",
            ),
        )
        .unwrap();
        let start = run(&s, None, CallEvent::Start, false);
        let t = run(&s, Some(&start.position), key("1"), false);
        assert_eq!(t.steps.last(), Some(&Step::Queue));
        let rung: Vec<(u32, &str)> = t.attempts.iter().map(|a| (a.seq, a.candidate.name.as_str())).collect();
        assert_eq!(rung, [(1, "Awa"), (2, "Bea")], "both midwives at once");
        assert!(t.attempts.iter().all(|a| a.strategy == Strategy::Simultaneous));
        // Nobody pressed 1: the caller left the queue; the backup role is rung.
        let left = CallEvent::QueueEnded {
            result: "leave".into(),
            caller_gone: false,
            accepted: None,
        };
        let next = run(&s, Some(&t.position), left.clone(), false);
        assert_eq!(
            next.attempt_ends,
            vec![(1, AttemptOutcome::NoAnswer), (2, AttemptOutcome::NoAnswer)]
        );
        assert_eq!(next.attempts.iter().map(|a| a.seq).collect::<Vec<_>>(), [3]);
        assert_eq!(next.attempts[0].candidate.role, "psychologue");
        // Chloé pressed 1 and was bridged.
        let bridged = CallEvent::QueueEnded {
            result: "bridged".into(),
            caller_gone: false,
            accepted: Some(3),
        };
        let done = run(&s, Some(&next.position), bridged, false);
        assert_eq!(
            done.outcome,
            Some(Outcome::Answered {
                role: "psychologue".into()
            })
        );
        assert_eq!(done.attempt_ends, vec![(3, AttemptOutcome::Accepted)]);
        // Had nobody taken it, the caller would have been offered a message.
        let failed = run(&s, Some(&next.position), left, false);
        assert_eq!(failed.position.node, "messagerie");
        assert_eq!(failed.outcome, Some(Outcome::Missed));
    }

    #[test]
    fn the_caller_never_waits_longer_than_the_maximum() {
        let s = script();
        let t0 = Utc::now();
        let start = run_at(&s, None, CallEvent::Start, false, t0);
        let tr = run_at(&s, Some(&start.position), key("1"), false, t0);
        // 175 s later (default maximum 180 s) there is no time left to ring Bea.
        let late = t0 + chrono::Duration::seconds(175);
        let t = run_at(&s, Some(&tr.position), dial(DialStatus::NoAnswer, false), false, late);
        assert_eq!(t.position.node, "messagerie");
        let failed = t.events.iter().find(|e| e.kind == "transfer-failed").unwrap();
        assert_eq!(failed.detail["reason"], "max-wait");
        // 165 s later, Bea rings only for the 15 s left.
        let t = run_at(
            &s,
            Some(&tr.position),
            dial(DialStatus::NoAnswer, false),
            false,
            t0 + chrono::Duration::seconds(165),
        );
        assert_eq!(rung(&t).map(|r| r.1), Some(15));
    }

    #[test]
    fn withheld_number_cannot_request_a_callback() {
        let s = script();
        let vm = Position {
            node: "messagerie".into(),
            ..Position::default()
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
            ..Position::default()
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
