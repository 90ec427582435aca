//! One step of a call, provider-neutral: the webhook handlers parse the provider's
//! request into a [`StepRequest`], and render the steps this returns.
//!
//! Write before answering: the answer is stored with the call's new position and
//! its timeline events before it is returned, under the step's key (and the
//! provider's idempotency token), so a retried webhook gets the same answer and
//! adds nothing.

use chrono::{DateTime, Utc};

use crate::config::Settings;
use crate::db::{
    CallRecord, CallStatusUpdate, NewAttempt, NewCall, NewEvent, NewFollowUp, OutcomeUpdate, RecordingUpdate,
    StepCommit, Store, StoreError,
};
use crate::ivr::engine::{self, CallEvent, Candidate, Context, Outcome, Screen};
use crate::ivr::library::Library;
use crate::ivr::script::Strategy;
use crate::ivr::step::Step;

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
    if let (CallEvent::DialEnded { screen, .. }, Some(hunt)) = (&mut event, position.and_then(|p| p.hunt.as_ref())) {
        if let Some(attempt) = store.attempt(&call.call_sid, i64::from(hunt.current)).await? {
            *screen = attempt.screen.as_deref().and_then(Screen::parse);
            rang = Some((attempt.started_at, attempt.answered_at));
        }
    }
    let roster = store.roster(req.now).await?;
    let cal = settings.calendar();
    // The engine context borrows closures that are not Sync: keep it out of the awaits.
    let turn = {
        let on_duty = |role: &str| -> Vec<Candidate> {
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
        let line_name = call
            .line_number
            .as_deref()
            .and_then(|n| settings.lines.iter().find(|l| l.number == n))
            .and_then(|l| l.name.as_deref())
            .unwrap_or(settings.helpline_name.as_str());
        let ctx = Context {
            script: &script.script,
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
        engine::advance(&ctx, position, event)
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
    now: DateTime<Utc>,
) -> Result<ScreenVerdict, FlowError> {
    let screen = match digits.chars().next() {
        Some('1') => Screen::Accepted,
        Some(_) => Screen::Refused,
        None => Screen::NoKey,
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
    let recorded = store
        .screen_attempt(caller_call_sid, attempt, screen.as_str(), now)
        .await?;
    let queue = recorded
        && screen == Screen::Accepted
        && store
            .attempt(caller_call_sid, attempt)
            .await?
            .is_some_and(|a| a.strategy == Strategy::Simultaneous.as_str());
    Ok(match (screen, recorded) {
        (Screen::Accepted, true) => ScreenVerdict::Connect { queue },
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

/// Places the legs of a simultaneous hunt's new wave, and hangs up the legs
/// that can no longer take the call (someone accepted, or the wave ended).
/// Runs after the webhook is answered; every failure is recorded on the
/// attempt, and the caller's wait URL notices a wave with nobody left ringing.
pub async fn sync_legs(
    store: std::sync::Arc<dyn Store>,
    client: crate::telephony::rest::TwilioClient,
    base_url: String,
    call_sid: String,
    from: String,
    now: DateTime<Utc>,
) {
    let attempts = match store.call_attempts(&call_sid).await {
        Ok(a) => a,
        Err(error) => {
            tracing::error!(error = %error, "could not read a hunt's attempts");
            return;
        }
    };
    let accepted = attempts.iter().any(|a| a.screen.as_deref() == Some("accepted"));
    for a in attempts
        .iter()
        .filter(|a| a.strategy == Strategy::Simultaneous.as_str())
    {
        let live_leg = a.leg_sid.as_deref().filter(|l| *l != "placing");
        if a.outcome == "ringing" && a.leg_sid.is_none() && !accepted {
            if !matches!(store.claim_attempt_leg(&call_sid, a.seq).await, Ok(true)) {
                continue;
            }
            let phone = match a.staff_id {
                Some(id) => store.staff_member(id).await.ok().flatten().map(|m| m.phone),
                None => None,
            };
            let placed = match phone {
                Some(to) => {
                    let request = crate::telephony::rest::CreateCall {
                        to,
                        from: from.clone(),
                        url: format!("{base_url}/twilio/voice/screen?call={call_sid}&attempt={}", a.seq),
                        status_callback: Some(format!("{base_url}/twilio/voice/leg?call={call_sid}&attempt={}", a.seq)),
                        status_callback_event: ["initiated", "ringing", "answered", "completed"]
                            .map(String::from)
                            .to_vec(),
                        timeout_secs: u32::try_from(a.ring_secs).ok(),
                        ..Default::default()
                    };
                    client
                        .create_call(&request)
                        .await
                        .map(|c| c.sid)
                        .map_err(|e| e.to_string())
                }
                None => Err("the staff member is gone".to_owned()),
            };
            let leg = match &placed {
                Ok(sid) => Some(sid.as_str()),
                Err(error) => {
                    tracing::warn!(attempt = a.seq, error = %error, "could not ring a professional");
                    None
                }
            };
            if let Err(error) = store.set_attempt_leg(&call_sid, a.seq, leg, now).await {
                tracing::error!(attempt = a.seq, error = %error, "could not record a placed leg");
            }
        } else if let Some(leg) = live_leg {
            let mine = a.screen.as_deref() == Some("accepted");
            if !mine && (accepted || a.outcome != "ringing") {
                // Already ended legs answer with an error: nothing to do about it.
                let _ = client.hang_up(leg).await;
            }
        }
    }
}
