//! Twilio messaging webhooks: `POST /twilio/sms` (a parent's message) and
//! `POST /twilio/sms/status` (delivery of ours). Thin: parse, call
//! [`crate::contacts::messages`], render.
//!
//! Whatever fails, a parent gets an answer: when the message cannot be stored
//! or the knowledge base is missing, a short apology with the voice number and
//! the emergency numbers, never silence after a message that may be a cry for help.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;

use super::twiml;
use super::voice::{twiml_response, within_deadline};
use super::webhook::TwilioRequest;
use crate::contacts::messages::{self, SmsRequest};
use crate::db::messages::SmsStatusUpdate;
use crate::http::AppState;
use crate::sms::encoding;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/twilio/sms", post(incoming))
        .route("/twilio/sms/status", post(status))
}

/// `POST /twilio/sms`: a parent's message.
async fn incoming(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let (Some(sid), Some(from)) = (req.get("MessageSid").or(req.get("SmsSid")), req.get("From")) else {
        return (StatusCode::BAD_REQUEST, "MessageSid and From are required\n").into_response();
    };
    let settings = state.settings();
    let to = req
        .get("To")
        .map(str::to_owned)
        .or_else(|| settings.sms.number.clone())
        .unwrap_or_default();
    let sms = SmsRequest {
        message_sid: sid.to_owned(),
        from: from.to_owned(),
        to,
        // Body is present (maybe empty) on every message; NumMedia only on MMS-capable routes.
        body: req
            .params
            .iter()
            .find(|(k, _)| k == "Body")
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
        num_media: req.get("NumMedia").and_then(|n| n.parse().ok()).unwrap_or(0),
        base_url: req.base_url.clone(),
        now: state.now(),
    };
    let Some(kb) = state.scripts().knowledge_base() else {
        tracing::error!(
            message_sid = sid,
            "no knowledge base loaded: answering with the apology"
        );
        return apology(&state, from);
    };
    let store = state.store().clone();
    match within_deadline(messages::receive(store.as_ref(), settings, &kb, &sms)).await {
        Ok(answer) => twiml_response(answer),
        Err(error) => {
            tracing::error!(message_sid = sid, error = %error, "could not store an inbound SMS: answering with the apology");
            apology(&state, from)
        }
    }
}

/// The answer when the message could not be handled.
fn apology(state: &AppState, from: &str) -> Response {
    if !crate::config::is_e164(from) {
        return twiml_response(twiml::empty());
    }
    let vars = messages::vars(state.settings(), state.now());
    let text = encoding::tidy(&format!(
        "Désolés, un incident technique nous empêche de lire votre message. Appelez le {} ou réessayez plus tard. Urgence : 15 ou 112 (114 par SMS).",
        vars.numero_vert
    ));
    twiml_response(twiml::document(vec![twiml::Element::new("Message").text(text)]))
}

/// `POST /twilio/sms/status`: the delivery of one of our messages.
async fn status(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let (Some(sid), Some(status)) = (
        req.get("MessageSid").or(req.get("SmsSid")),
        req.get("MessageStatus").or(req.get("SmsStatus")),
    ) else {
        return (StatusCode::BAD_REQUEST, "MessageSid and MessageStatus are required\n").into_response();
    };
    let update = SmsStatusUpdate {
        provider_sid: sid.to_owned(),
        status: status.to_owned(),
        error_code: req.get("ErrorCode").and_then(|c| c.parse().ok()),
        reply_to: req.query("reply_to").map(str::to_owned),
        at: state.now(),
    };
    match within_deadline(messages::record_status(state.store().as_ref(), &update)).await {
        Ok(found) => {
            if !found {
                tracing::info!(message_sid = sid, status, "status of a message we do not know: ignored");
            }
            twiml_response(twiml::empty())
        }
        Err(error) => {
            tracing::error!(message_sid = sid, error = %error, "could not store a message status");
            (StatusCode::SERVICE_UNAVAILABLE, "status not stored, please retry\n").into_response()
        }
    }
}
