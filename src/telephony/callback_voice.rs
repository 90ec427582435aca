//! Voice webhooks of click-to-call: the professional's call, placed through the
//! REST API by [`crate::contacts::callbacks::start`].
//!
//! The professional picks up and hears what the callback is about (never the
//! parent's number); pressing 1 dials the parent with the helpline number as
//! caller ID; the `<Dial>`'s action writes the outcome on the follow-up. Any
//! other key, or silence (a voicemail), ends the call without ringing the parent.
//!
//! Nobody else is waiting on these calls, so when the store fails the
//! professional hears a short apology and the call ends: never Twilio's
//! "application error", never a parent dialled whose callback we could not record.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;

use super::twiml::{self, Element, Voice};
use super::voice::{twiml_response, within_deadline};
use super::webhook::TwilioRequest;
use crate::contacts::callbacks::{self, StaffPrompt, StaffVerdict, PARENT_RING_SECS};
use crate::db::callbacks::CallbackOutcome;
use crate::http::AppState;

pub const TOO_LATE: &str =
    "Ce rappel n'est plus d'actualité : il a été annulé ou déjà traité. Merci, vous n'avez rien à faire.";
pub const DECLINED: &str = "C'est noté, la famille ne sera pas appelée maintenant. Merci.";
pub const CALLING: &str = "Nous appelons la famille, restez en ligne.";
pub const APOLOGY: &str = "Désolé, un problème technique empêche ce rappel. Merci de réessayer dans quelques minutes.";
pub const NOT_RECORDED: &str =
    "Désolé, un problème technique nous a empêchés de noter le résultat de ce rappel. Merci de le signaler à l'équipe.";
pub const ENDED: &str = "Le rappel est terminé. Merci.";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/twilio/voice/callback/screen", post(screen))
        .route("/twilio/voice/callback/answer", post(answer))
        .route("/twilio/voice/callback/done", post(done))
        .route("/twilio/voice/callback/status", post(status))
}

/// The professional picked up: the whisper, listening for one key.
pub fn staff_prompt(voice: &Voice, whisper: &str, answer_url: &str) -> String {
    twiml::screen_prompt(voice, whisper, answer_url)
}

/// The professional pressed 1: a word, then the parent's phone rings with the
/// helpline number shown; `done_url` gets the outcome.
pub fn dial_parent(voice: &Voice, parent: &str, caller_id: &str, done_url: &str) -> String {
    let dial = Element::new("Dial")
        .attr("action", done_url)
        .attr("method", "POST")
        .attr("timeout", PARENT_RING_SECS.to_string())
        .attr("callerId", caller_id)
        .attr("answerOnBridge", "true")
        .attr("ringTone", "fr")
        .child(Element::new("Number").text(parent));
    twiml::document(vec![twiml::say(voice, CALLING), dial])
}

/// A sentence, then the call ends: the same document as a declined screening.
pub fn say_then_hang_up(voice: &Voice, text: &str) -> String {
    twiml::screen_declined(voice, text)
}

/// What the professional hears once the parent's leg ended.
pub fn summary(outcome: Option<CallbackOutcome>) -> &'static str {
    match outcome {
        Some(CallbackOutcome::Reached) => {
            "L'appel avec la famille est terminé. Le rappel est noté comme abouti. Merci."
        }
        Some(CallbackOutcome::NoAnswer) => {
            "La famille n'a pas répondu. Le rappel est noté, vous pourrez réessayer plus tard."
        }
        Some(CallbackOutcome::Busy) => {
            "La ligne de la famille est occupée. Le rappel est noté, vous pourrez réessayer plus tard."
        }
        Some(CallbackOutcome::Failed) => {
            "L'appel vers la famille n'a pas pu aboutir. Le rappel est noté, vous pourrez réessayer plus tard."
        }
        _ => ENDED,
    }
}

/// The answer when a handler panics.
pub fn apology_response(state: &AppState) -> Response {
    twiml_response(say_then_hang_up(&voice_of(state), APOLOGY))
}

fn voice_of(state: &AppState) -> Voice {
    Voice {
        voice: state.settings().voice.clone(),
    }
}

/// The callback a request is about, from our own URL.
fn callback_id(req: &TwilioRequest) -> Option<i64> {
    req.query("callback")?.parse::<i64>().ok().filter(|id| *id > 0)
}

/// `POST /twilio/voice/callback/screen?callback=N`: the professional's phone picked up.
async fn screen(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let voice = voice_of(&state);
    let Some(id) = callback_id(&req) else {
        tracing::warn!("callback screening webhook without a valid callback id");
        return twiml_response(say_then_hang_up(&voice, TOO_LATE));
    };
    let flow = callbacks::staff_picked_up(
        state.store().as_ref(),
        state.settings(),
        id,
        req.get("CallSid"),
        state.now(),
    );
    match within_deadline(flow).await {
        Ok(StaffPrompt::Whisper(whisper)) => {
            let answer_url = format!("{}/twilio/voice/callback/answer?callback={id}", req.base_url);
            twiml_response(staff_prompt(&voice, &whisper, &answer_url))
        }
        Ok(StaffPrompt::TooLate) => twiml_response(say_then_hang_up(&voice, TOO_LATE)),
        Err(error) => {
            tracing::error!(callback_id = id, error = %error, "callback prompt failed: apology");
            twiml_response(say_then_hang_up(&voice, APOLOGY))
        }
    }
}

/// `POST /twilio/voice/callback/answer?callback=N`: the key the professional pressed.
async fn answer(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let voice = voice_of(&state);
    let Some(id) = callback_id(&req) else {
        return twiml_response(say_then_hang_up(&voice, TOO_LATE));
    };
    let digits = req.get("Digits").unwrap_or("");
    let flow = callbacks::staff_answered(state.store().as_ref(), state.settings(), id, digits, state.now());
    match within_deadline(flow).await {
        Ok(StaffVerdict::CallParent { parent, caller_id }) => {
            let done_url = format!("{}/twilio/voice/callback/done?callback={id}", req.base_url);
            twiml_response(dial_parent(&voice, &parent, &caller_id, &done_url))
        }
        Ok(StaffVerdict::Declined) => twiml_response(say_then_hang_up(&voice, DECLINED)),
        Ok(StaffVerdict::Silent) => twiml_response(twiml::hang_up()),
        Ok(StaffVerdict::TooLate) => twiml_response(say_then_hang_up(&voice, TOO_LATE)),
        Err(error) => {
            tracing::error!(callback_id = id, error = %error, "callback answer not stored: apology");
            twiml_response(say_then_hang_up(&voice, APOLOGY))
        }
    }
}

/// `POST /twilio/voice/callback/done?callback=N`: the parent's leg ended.
async fn done(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let voice = voice_of(&state);
    let Some(id) = callback_id(&req) else {
        return twiml_response(say_then_hang_up(&voice, ENDED));
    };
    let status = req.get("DialCallStatus").unwrap_or("failed");
    let flow = callbacks::dial_ended(state.store().as_ref(), id, status, state.now());
    match within_deadline(flow).await {
        Ok(outcome) => twiml_response(say_then_hang_up(&voice, summary(outcome))),
        Err(error) => {
            tracing::error!(callback_id = id, error = %error, "callback outcome not stored");
            twiml_response(say_then_hang_up(&voice, NOT_RECORDED))
        }
    }
}

/// `POST /twilio/voice/callback/status?callback=N`: the professional's call changed status.
async fn status(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let (Some(id), Some(call_status)) = (callback_id(&req), req.get("CallStatus")) else {
        return (StatusCode::BAD_REQUEST, "callback and CallStatus are required\n").into_response();
    };
    let flow = callbacks::staff_leg_status(state.store().as_ref(), id, req.get("CallSid"), call_status, state.now());
    match flow.await {
        Ok(()) => twiml_response(twiml::empty()),
        Err(error) => {
            tracing::error!(callback_id = id, error = %error, "could not store a callback status");
            (StatusCode::SERVICE_UNAVAILABLE, "status not stored, please retry\n").into_response()
        }
    }
}
