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
    CallRecord, CallStatusUpdate, NewCall, NewEvent, OutcomeUpdate, RecordingUpdate, StepCommit, Store, StoreError,
};
use crate::ivr::engine::{self, CallEvent, Context, Outcome};
use crate::ivr::library::Library;
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
) -> Result<String, FlowError> {
    let mut keys = vec![format!("step:{}:{}", req.call.call_sid, req.step)];
    keys.extend(req.idempotency_token.as_ref().map(|t| format!("token:{t}")));
    if let Some(reply) = store.stored_reply(&keys).await? {
        tracing::info!(call_sid = %req.call.call_sid, step = req.step, "retried webhook: same answer again");
        return Ok(reply);
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
    // The engine context borrows a closure that is not Sync: keep it out of the awaits.
    let turn = {
        let role_number = |role: &str| settings.roles.get(role).and_then(|r| r.number.clone());
        let ctx = Context {
            script: &script.script,
            now: req.now,
            hours: &settings.hours,
            role_number: &role_number,
            caller_withheld: call.caller_number.is_none(),
            line_number: call.line_number.as_deref(),
        };
        engine::advance(&ctx, (!starting).then_some(&call.position), req.event.clone())
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
    events.extend(turn.events.iter().map(|e| NewEvent {
        at: req.now,
        kind: e.kind.into(),
        node: e.node.clone(),
        detail: e.detail.clone(),
        dedupe_key: None,
    }));
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
    };
    Ok(store.commit_step(&commit).await?)
}

fn outcome_update(o: &Outcome) -> OutcomeUpdate {
    let (name, detail) = match o {
        Outcome::Answered { role } => ("answered", Some(role.clone())),
        Outcome::MessageLeft => ("message_left", None),
        Outcome::CallbackRequested => ("callback_requested", None),
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
