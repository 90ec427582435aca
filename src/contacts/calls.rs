//! One step of a call, provider-neutral: the webhook handlers parse the provider's
//! request into a [`StepRequest`], and render the steps this returns.
//!
//! Write before answering: the answer is stored with the call's new position and
//! its timeline events before it is returned, under the step's key (and the
//! provider's idempotency token), so a retried webhook gets the same answer and
//! adds nothing.

use std::cell::Cell;

use chrono::{DateTime, Utc};

use crate::config::Settings;
use crate::db::{
    CallRecord, CallStatusUpdate, NewAttempt, NewCall, NewEvent, NewFollowUp, OutcomeUpdate, RecordingUpdate,
    StepCommit, Store, StoreError,
};
use crate::ivr::engine::{self, CallEvent, Candidate, Context, Outcome, Position, Screen, Turn};
use crate::ivr::library::Library;
use crate::ivr::script::Script;
use crate::ivr::script::Strategy;
use crate::ivr::step::Step;
use crate::routing::schedule::Roster;

/// What a webhook asks of the call flow.
#[derive(Debug, Clone)]
pub struct StepRequest {
    pub call: NewCall,
    /// 0 for the incoming call; then the number carried by our callback URLs.
    pub step: i64,
    pub event: CallEvent,
    /// A recording reported with this step (the `<Record>` action), stored with it.
    pub recording: Option<RecordingUpdate>,
    pub idempotency_token: Option<String>,
    pub now: DateTime<Utc>,
    /// Whether calls can be placed through the provider's API (simultaneous hunts).
    pub can_place_calls: bool,
}

/// A step's answer, and whether professionals' legs must now be placed or
/// released through the provider's API (after answering: it must not wait).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepAnswer {
    pub reply: String,
    pub sync_legs: bool,
}

/// Renders the steps of an answer; `next_step` is the number callback URLs carry.
pub type Renderer<'a> = &'a (dyn Fn(&[Step], i64) -> String + Send + Sync);

#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no script \"{0}\" is loaded")]
    NoScript(String),
}

/// Plays one step and returns the provider answer, stored before it is returned.
pub async fn play_step(
    store: &dyn Store,
    scripts: &Library,
    settings: &Settings,
    req: StepRequest,
    render: Renderer<'_>,
) -> Result<StepAnswer, FlowError> {
    let mut keys = vec![format!("step:{}:{}", req.call.call_sid, req.step)];
    keys.extend(req.idempotency_token.as_ref().map(|t| format!("token:{t}")));
    if let Some(reply) = store.stored_reply(&keys).await? {
        tracing::info!(call_sid = %req.call.call_sid, step = req.step, "retried webhook: same answer again");
        return Ok(StepAnswer {
            reply,
            sync_legs: false,
        });
    }
    let call = store.open_call(&req.call).await?;
    if let Some(recording) = &req.recording {
        store.record_recording(recording).await?;
    }
    let script = scripts
        .get(&call.script)
        .or_else(|| scripts.get(&settings.default_script))
        .ok_or_else(|| FlowError::NoScript(call.script.clone()))?;

    let starting = matches!(req.event, CallEvent::Start);
    let position = (!starting).then_some(&call.position);
    // The event as the engine needs it: a transfer's outcome also depends on
    // what the professional did at the screening prompt, which we stored.
    let mut event = req.event.clone();
    let mut rang: Option<(DateTime<Utc>, Option<DateTime<Utc>>)> = None;
    if let CallEvent::QueueEnded { accepted, .. } = &mut event {
        *accepted = store
            .call_attempts(&call.call_sid)
            .await?
            .iter()
            .find(|a| a.screen.as_deref() == Some("accepted"))
            .and_then(|a| u32::try_from(a.seq).ok());
    }
    let ringing = position.and_then(|p| p.hunt.as_ref()).and_then(|h| h.ringing.first());
    if let (CallEvent::DialEnded { screen, .. }, Some(ringing)) = (&mut event, ringing) {
        if let Some(attempt) = store.attempt(&call.call_sid, i64::from(ringing.attempt)).await? {
            *screen = attempt.screen.as_deref().and_then(Screen::parse);
            rang = Some((attempt.started_at, attempt.answered_at));
        }
    }
    // Most steps never reach a transfer: read the schedules only for those that do.
    let turn = match advance_call(settings, &script.script, &call, &req, position, &event, None) {
        Some(turn) => turn,
        None => {
            let roster = store.roster(req.now).await?;
            advance_call(settings, &script.script, &call, &req, position, &event, Some(&roster))
                .expect("with the roster, the engine needs nothing more")
        }
    };
    let reply = render(&turn.steps, req.step + 1);

    let mut events = Vec::with_capacity(turn.events.len() + 1);
    if starting {
        events.push(NewEvent {
            at: req.now,
            kind: "call-start".into(),
            node: None,
            detail: serde_json::json!({ "script": script.id, "withheld": call.caller_number.is_none() }),
            dedupe_key: None,
        });
    }
    events.extend(turn.events.iter().map(|e| {
        let mut detail = e.detail.clone();
        // How long the professional's phone rang before it was picked up (or gave up).
        if let (Some((started, answered)), "transfer-attempt-ended") = (rang, e.kind) {
            let until = answered.unwrap_or(req.now);
            detail["rang_seconds"] = serde_json::json!((until - started).num_seconds().max(0));
        }
        NewEvent {
            at: req.now,
            kind: e.kind.into(),
            node: e.node.clone(),
            detail,
            dedupe_key: None,
        }
    }));
    let follow_up = match (&turn.outcome, &call.caller_number) {
        (Some(o @ (Outcome::Missed | Outcome::CallbackRequested | Outcome::MessageLeft)), Some(_)) => {
            Some(NewFollowUp {
                reason: follow_up_reason(o).into(),
                due_at: req.now + settings.callback_delay,
            })
        }
        _ => None,
    };
    let commit = StepCommit {
        call_sid: call.call_sid.clone(),
        contact_id: call.contact_id,
        reply_keys: keys,
        reply,
        step: req.step,
        position: turn.position.clone(),
        events,
        outcome: turn.outcome.as_ref().map(outcome_update),
        need: turn.need.clone(),
        at: req.now,
        attempts: turn
            .attempts
            .iter()
            .map(|a| NewAttempt {
                seq: i64::from(a.seq),
                node: a.node.clone(),
                role: a.candidate.role.clone(),
                staff_id: a.candidate.staff_id,
                staff_name: a.candidate.name.clone(),
                strategy: a.strategy.as_str().into(),
                ring_secs: i64::from(a.ring_secs),
                whisper: a.whisper.clone(),
            })
            .collect(),
        attempt_ends: turn
            .attempt_ends
            .iter()
            .map(|(seq, o)| (i64::from(*seq), o.as_str().to_owned()))
            .collect(),
        follow_up,
    };
    let sync_legs = turn.attempts.iter().any(|a| a.strategy == Strategy::Simultaneous)
        || matches!(req.event, CallEvent::QueueEnded { .. });
    Ok(StepAnswer {
        reply: store.commit_step(&commit).await?,
        sync_legs,
    })
}

/// Runs the engine for one step. Without `roster`, returns None as soon as
/// the turn needs to know who is on duty; the engine is pure, so running it
/// again with the roster gives the turn it would have given.
fn advance_call(
    settings: &Settings,
    script: &Script,
    call: &CallRecord,
    req: &StepRequest,
    position: Option<&Position>,
    event: &CallEvent,
    roster: Option<&Roster>,
) -> Option<Turn> {
    let cal = settings.calendar();
    let needs_roster = Cell::new(false);
    let on_duty = |role: &str| -> Vec<Candidate> {
        let Some(roster) = roster else {
            needs_roster.set(true);
            return Vec::new();
        };
        roster
            .on_duty(role, &cal, req.now)
            .people
            .iter()
            .filter_map(|id| roster.member(*id))
            .map(|m| Candidate {
                staff_id: m.id,
                name: m.name.clone(),
                phone: m.phone.clone(),
                role: role.to_owned(),
            })
            .collect()
    };
    let backups = |role: &str| settings.roles.get(role).map(|r| r.backups.clone()).unwrap_or_default();
    let role_label = |role: &str| settings.role_label(role);
    let caller_id = if settings.show_caller_number {
        call.caller_number.as_deref().or(call.line_number.as_deref())
    } else {
        call.line_number.as_deref()
    };
    let line_name = settings.line_name(call.line_number.as_deref());
    let ctx = Context {
        script,
        now: req.now,
        hours: &settings.hours,
        on_duty: &on_duty,
        backups: &backups,
        role_label: &role_label,
        caller_withheld: call.caller_number.is_none(),
        caller_id,
        line_name,
        can_place_calls: req.can_place_calls,
    };
    let turn = engine::advance(&ctx, position, event.clone());
    (!needs_roster.get()).then_some(turn)
}

fn follow_up_reason(o: &Outcome) -> &'static str {
    match o {
        Outcome::MessageLeft => "message-left",
        Outcome::CallbackRequested => "callback-requested",
        _ => "missed",
    }
}

fn outcome_update(o: &Outcome) -> OutcomeUpdate {
    let (name, detail) = match o {
        Outcome::Answered { role } => ("answered", Some(role.clone())),
        Outcome::MessageLeft => ("message_left", None),
        Outcome::CallbackRequested => ("callback_requested", None),
        Outcome::Missed => ("missed", None),
        Outcome::Informed => ("informed", None),
    };
    OutcomeUpdate {
        outcome: name.into(),
        rank: i64::from(o.rank()),
        detail,
    }
}

/// Applies a status callback, opening the call first if this is the first we hear of it.
pub async fn record_status(
    store: &dyn Store,
    settings: &Settings,
    call: &NewCall,
    status: &str,
    duration_secs: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), FlowError> {
    let record: CallRecord = store.open_call(call).await?;
    // A call we never answered (the service was unreachable) has no position.
    let abandoned_at = (!record.position.node.is_empty()).then(|| record.position.node.clone());
    store
        .record_call_status(&CallStatusUpdate {
            call_sid: call.call_sid.clone(),
            status: status.into(),
            duration_secs,
            at: now,
            abandoned_at,
            follow_up_due_at: now + settings.callback_delay,
        })
        .await?;
    Ok(())
}

/// Stores a recording reported by the provider.
pub async fn record_recording(store: &dyn Store, call: &NewCall, update: RecordingUpdate) -> Result<(), FlowError> {
    store.open_call(call).await?;
    store.record_recording(&update).await?;
    Ok(())
}

/// What the professional's phone hears when it picks up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScreenPrompt {
    /// Say the whisper and listen for 1.
    Whisper(String),
    /// The call is no longer waiting for this person (taken by someone else,
    /// or the caller hung up): say so and hang up.
    TooLate,
}

/// The professional of `attempt` picked up: note it and say what the call is about.
pub async fn screen_prompt(
    store: &dyn Store,
    caller_call_sid: &str,
    attempt: i64,
    leg_sid: &str,
    now: DateTime<Utc>,
) -> Result<ScreenPrompt, FlowError> {
    let Some(a) = store.attempt(caller_call_sid, attempt).await? else {
        return Ok(ScreenPrompt::TooLate);
    };
    store.attempt_answered(caller_call_sid, attempt, leg_sid, now).await?;
    let caller_waiting = store
        .find_call(caller_call_sid)
        .await?
        .is_some_and(|c| !crate::db::is_final_status(&c.status));
    if a.outcome != "ringing" || a.screen.is_some() || !caller_waiting {
        return Ok(ScreenPrompt::TooLate);
    }
    Ok(ScreenPrompt::Whisper(a.whisper))
}

/// What the professional did at the prompt, and what to tell them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenVerdict {
    /// Bridge them to the caller: through the call's queue for a simultaneous hunt.
    Connect { queue: bool },
    /// They declined: thank them and hang up.
    Declined,
    /// Nothing pressed (a voicemail, silence): hang up without a word.
    Silent,
    /// Someone else took the call or the caller left: say so and hang up.
    TooLate,
}

/// Records the key pressed at the screening prompt: only the first "1" of a
/// call, while the caller still waits, connects.
pub async fn screen_answer(
    store: &dyn Store,
    caller_call_sid: &str,
    attempt: i64,
    digits: &str,
) -> Result<ScreenVerdict, FlowError> {
    let screen = match digits.chars().next() {
        Some('1') => Screen::Accepted,
        Some(_) => Screen::Refused,
        None => Screen::NoKey,
    };
    let Some(a) = store.attempt(caller_call_sid, attempt).await? else {
        return Ok(ScreenVerdict::TooLate);
    };
    if screen == Screen::Accepted {
        let waiting = store
            .find_call(caller_call_sid)
            .await?
            .is_some_and(|c| !crate::db::is_final_status(&c.status));
        if !waiting {
            return Ok(ScreenVerdict::TooLate);
        }
    }
    let recorded = store.screen_attempt(caller_call_sid, attempt, screen.as_str()).await?;
    Ok(match (screen, recorded) {
        (Screen::Accepted, true) => ScreenVerdict::Connect {
            queue: a.strategy == Strategy::Simultaneous.as_str(),
        },
        (Screen::Accepted, false) => ScreenVerdict::TooLate,
        (Screen::Refused, _) => ScreenVerdict::Declined,
        (Screen::NoKey, _) => ScreenVerdict::Silent,
    })
}

/// A status callback of a professional's leg.
pub async fn record_leg_status(
    store: &dyn Store,
    caller_call_sid: &str,
    attempt: i64,
    leg_sid: Option<&str>,
    status: &str,
    duration_secs: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), FlowError> {
    if let (Some(leg), "in-progress" | "answered") = (leg_sid, status) {
        store.attempt_answered(caller_call_sid, attempt, leg, now).await?;
    }
    store
        .record_leg_status(caller_call_sid, attempt, status, duration_secs, now)
        .await?;
    Ok(())
}

/// What a caller waiting in a simultaneous hunt's queue does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueWait {
    /// Keep waiting; `first` while the wave has only just started.
    Ringing { first: bool },
    /// A professional pressed 1 and is joining.
    Joining,
    /// Nobody of the wave can take the call any more: leave the queue.
    Leave,
}

/// Grace beyond the ring time for a professional who picked up to hear the
/// whisper and press 1.
pub const SCREEN_GRACE_SECS: i64 = 20;

/// Decides, from the stored attempts, whether the caller goes on waiting for
/// the latest wave of their simultaneous hunt.
pub async fn queue_wait(store: &dyn Store, caller_call_sid: &str, now: DateTime<Utc>) -> Result<QueueWait, FlowError> {
    let attempts = store.call_attempts(caller_call_sid).await?;
    let simultaneous: Vec<_> = attempts
        .iter()
        .filter(|a| a.strategy == Strategy::Simultaneous.as_str())
        .collect();
    let Some(started) = simultaneous.iter().map(|a| a.started_at).max() else {
        return Ok(QueueWait::Leave);
    };
    let wave: Vec<_> = simultaneous.into_iter().filter(|a| a.started_at == started).collect();
    if wave.iter().any(|a| a.screen.as_deref() == Some("accepted")) {
        return Ok(QueueWait::Joining);
    }
    let waited = (now - started).num_seconds();
    let ring = wave.iter().map(|a| a.ring_secs).max().unwrap_or(0);
    if wave.iter().all(|a| a.outcome != "ringing") || waited > ring + SCREEN_GRACE_SECS {
        return Ok(QueueWait::Leave);
    }
    Ok(QueueWait::Ringing { first: waited < 10 })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::TimeZone;

    use super::*;
    use crate::routing::schedule::{Rule, StaffMember};

    fn settings() -> Settings {
        let file = toml::from_str(crate::app::DEMO_CONFIG).unwrap();
        let env: BTreeMap<String, String> = [
            ("NUMEROVERT_DATABASE_URL", "sqlite::memory:"),
            ("TWILIO_AUTH_TOKEN", "test"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        Settings::from_parts(&env, file).unwrap()
    }

    const SCRIPT: &str = r#"
        [script]
        name = "t"
        start = "menu"
        [nodes.menu]
        type = "menu"
        say = "Tapez 1."
        choices = [{ key = "1", to = "sf" }]
        [nodes.sf]
        type = "transfer"
        role = "sage-femme"
        on_failure = "fin"
        [nodes.fin]
        type = "hangup"
        say = "Au revoir."
    "#;

    fn request(event: CallEvent) -> (CallRecord, StepRequest) {
        let now = chrono::Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let call = CallRecord {
            call_sid: "CA1".into(),
            contact_id: 1,
            script: "t".into(),
            position: Position {
                node: "menu".into(),
                ..Position::default()
            },
            step: 1,
            status: "in-progress".into(),
            caller_number: Some("+33639980123".into()),
            line_number: Some("+33199001234".into()),
        };
        let req = StepRequest {
            call: NewCall {
                call_sid: "CA1".into(),
                line_number: call.line_number.clone(),
                caller_number: call.caller_number.clone(),
                script: "t".into(),
                status: "in-progress".into(),
                at: now,
            },
            step: 2,
            event,
            recording: None,
            idempotency_token: None,
            now,
            can_place_calls: false,
        };
        (call, req)
    }

    fn key(digits: &str) -> CallEvent {
        CallEvent::Input {
            digits: digits.into(),
            speech: None,
        }
    }

    #[test]
    fn the_schedules_are_read_only_for_a_step_that_reaches_a_transfer() {
        let settings = settings();
        let script = crate::ivr::script::parse("t.toml", SCRIPT).unwrap();
        // A wrong key replays the menu: no one to ring, no roster needed.
        let (call, req) = request(key("9"));
        let turn = advance_call(&settings, &script, &call, &req, Some(&call.position), &req.event, None);
        assert!(turn.is_some_and(|t| t.position.node == "menu"));
        // Key 1 reaches the transfer: the roster is asked for, then used.
        let (call, req) = request(key("1"));
        assert!(advance_call(&settings, &script, &call, &req, Some(&call.position), &req.event, None).is_none());
        let roster = Roster {
            staff: vec![StaffMember {
                id: 7,
                name: "Awa".into(),
                phone: "+33639980007".into(),
                roles: vec!["sage-femme".into()],
                active: true,
            }],
            rules: vec![Rule {
                id: 1,
                role: "sage-femme".into(),
                days: vec![chrono::Weekday::Tue],
                window: "00:00-24:00".parse().unwrap(),
                holidays: Default::default(),
                rotation: None,
                staff: vec![7],
                priority: 0,
            }],
            ..Roster::default()
        };
        let turn = advance_call(
            &settings,
            &script,
            &call,
            &req,
            Some(&call.position),
            &req.event,
            Some(&roster),
        )
        .unwrap();
        assert_eq!(turn.attempts.len(), 1);
        assert_eq!(turn.attempts[0].candidate.name, "Awa");
    }
}
