//! Click-to-call, provider-neutral: ring a professional first and, once they
//! press 1, the parent, with the helpline number as caller ID; the outcome is
//! written on the follow-up.
//!
//! - [`start`] (the API's action) checks the follow-up and the professional,
//!   records the callback (write before acting), then asks the provider to ring
//!   the professional; a refusal is recorded too.
//! - [`staff_picked_up`], [`staff_answered`], [`dial_ended`] and
//!   [`staff_leg_status`] are what the webhooks of the professional's call do.
//!
//! Phone numbers go to the provider and nowhere else: not to logs, not to the
//! timeline, not to the professional's ears.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};

use crate::config::Settings;
use crate::db::callbacks::CallbackOutcome;
use crate::db::{Store, StoreError};
use crate::routing::directory::{describe, FieldError};
use crate::routing::schedule::StaffId;
use crate::telephony::rest::{CreateCall, HttpMethod, RestError, Retry, TwilioClient};

/// Seconds the professional's phone rings before the provider gives up.
pub const STAFF_RING_SECS: u32 = 30;
/// Seconds the parent's phone rings.
pub const PARENT_RING_SECS: u32 = 30;
/// A 429 is never processed by Twilio: one more try after this pause.
const RATE_LIMIT_BACKOFF: StdDuration = StdDuration::from_millis(500);

#[derive(Debug, thiserror::Error)]
pub enum CallbackError {
    /// The follow-up does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The follow-up cannot be called back now (closed, withheld number, another callback under way).
    #[error("{0}")]
    Conflict(String),
    /// The request names a professional who cannot be rung (messages in French, by field).
    #[error("{}", describe(.0))]
    Invalid(Vec<FieldError>),
    /// The service lacks a setting to place calls.
    #[error("{0}")]
    NotConfigured(String),
    /// The provider refused or failed to place the call; it is recorded as not placed.
    #[error("{0}")]
    Provider(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A callback the provider accepted to place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Started {
    pub callback_id: i64,
    /// The professional's call.
    pub staff_call_sid: String,
}

fn invalid_staff(message: &str) -> CallbackError {
    CallbackError::Invalid(vec![FieldError {
        field: "staff_id".into(),
        message: message.into(),
    }])
}

/// Rings the professional `staff_id` for follow-up `follow_up_id`; the parent
/// is called from the webhooks once the professional presses 1.
pub async fn start(
    store: &dyn Store,
    settings: &Settings,
    client: Option<&TwilioClient>,
    follow_up_id: i64,
    staff_id: StaffId,
    now: DateTime<Utc>,
) -> Result<Started, CallbackError> {
    let entry = store
        .follow_up_entry(follow_up_id)
        .await?
        .ok_or_else(|| CallbackError::NotFound(format!("no follow-up {follow_up_id}")))?;
    if entry.follow_up.state == "closed" {
        return Err(CallbackError::Conflict(format!(
            "follow-up {follow_up_id} is closed (outcome: {})",
            entry.follow_up.outcome.as_deref().unwrap_or("none")
        )));
    }
    if entry.parent_number.is_none() {
        return Err(CallbackError::Conflict(
            "the parent withheld their number: there is no number to call back".into(),
        ));
    }
    let member = match store.staff_member(staff_id).await? {
        None => return Err(invalid_staff("aucun professionnel n'a cet identifiant")),
        Some(m) if !m.active => return Err(invalid_staff("ce professionnel est inactif")),
        Some(m) => m,
    };
    let Some(client) = client else {
        return Err(CallbackError::NotConfigured(
            "telephony is not configured (TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN)".into(),
        ));
    };
    let Some(base) = settings.public_url.as_deref() else {
        return Err(CallbackError::NotConfigured(
            "NUMEROVERT_PUBLIC_URL is needed to place calls: it is the address the provider calls back for the call's instructions".into(),
        ));
    };
    let Some(from) = settings
        .line_to_call_from(entry.line_number.as_deref())
        .map(str::to_owned)
    else {
        return Err(CallbackError::NotConfigured(
            "no helpline number to call from: configure a [[lines]] number".into(),
        ));
    };

    let callback_id = match store.start_callback(follow_up_id, staff_id, now).await {
        Ok(id) => id,
        Err(StoreError::InUse(why)) => return Err(CallbackError::Conflict(why)),
        Err(StoreError::NotFound) => return Err(CallbackError::NotFound(format!("no follow-up {follow_up_id}"))),
        Err(e) => return Err(e.into()),
    };
    let request = CreateCall {
        to: member.phone.clone(),
        from,
        url: format!("{base}/twilio/voice/callback/screen?callback={callback_id}"),
        method: Some(HttpMethod::Post),
        status_callback: Some(format!("{base}/twilio/voice/callback/status?callback={callback_id}")),
        status_callback_event: ["initiated", "ringing", "answered", "completed"]
            .map(String::from)
            .to_vec(),
        status_callback_method: Some(HttpMethod::Post),
        timeout_secs: Some(STAFF_RING_SECS),
        // Screening, not machine detection, keeps voicemails out.
        ..Default::default()
    };
    let mut result = client.create_call(&request).await;
    if let Err(e) = &result {
        if e.is_retryable() == Retry::Safe {
            tracing::info!(callback_id, "the provider is rate limiting: one more try");
            tokio::time::sleep(RATE_LIMIT_BACKOFF).await;
            result = client.create_call(&request).await;
        }
    }
    match result {
        Ok(call) => {
            // The phone rings whatever happens here, and the screening webhook
            // records the leg too: a failed write must not report a failure.
            if let Err(e) = store.callback_placed(callback_id, &call.sid, now).await {
                tracing::error!(callback_id, error = %e, "callback placed but not noted; its webhooks will note it");
            }
            tracing::info!(callback_id, follow_up_id, staff_id, call_sid = %call.sid, "callback: ringing the professional");
            Ok(Started {
                callback_id,
                staff_call_sid: call.sid,
            })
        }
        Err(e) => {
            let detail = not_placed_detail(&e);
            tracing::warn!(callback_id, follow_up_id, error = %e, "callback not placed");
            if let Err(store_error) = store.callback_not_placed(callback_id, &detail, now).await {
                tracing::error!(callback_id, error = %store_error, "could not record a callback that was not placed");
            }
            Err(CallbackError::Provider(format!(
                "the telephony provider did not place the call: {e}"
            )))
        }
    }
}

/// Why a call was not placed, for supervisors; RestError already masks numbers.
fn not_placed_detail(e: &RestError) -> String {
    match e.is_retryable() {
        Retry::Ambiguous => format!("{e} (the provider may still have placed it)"),
        _ => e.to_string(),
    }
}

/// The need, as the professional hears it after "au sujet de".
fn need_words(need: &str) -> Option<String> {
    let words = match need {
        "grossesse" => "de la grossesse",
        "allaitement" => "de l'allaitement",
        "sommeil-pleurs" => "du sommeil ou des pleurs du bébé",
        "soutien" => "d'un besoin de soutien",
        "garde-aides" => "de la garde ou des aides",
        "informations" => "d'une demande d'informations",
        // Wanting to leave a message says nothing of the subject.
        "message" | "" => return None,
        other => return Some(format!("au sujet de : {}", other.replace(['-', '_'], " "))),
    };
    Some(format!("au sujet {words}"))
}

/// Why the follow-up exists, as a short sentence.
fn reason_words(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "missed" => "Appel manqué.",
        "abandoned" => "Appel interrompu avant la mise en relation.",
        "callback-requested" => "Rappel demandé par le parent.",
        "message-left" => "Message laissé sur la messagerie.",
        "other-language" => "SMS écrit dans une autre langue.",
        _ => return None,
    })
}

/// What the professional hears when they pick up: the line, the subject, never the number.
/// « Numéro vert 1000 jours : rappel d'un parent, au sujet de l'allaitement. Appel manqué.
/// Appuyez sur 1 pour appeler la famille maintenant. »
pub fn whisper(line_name: &str, reason: &str, need: Option<&str>) -> String {
    let mut text = format!("{line_name} : rappel d'un parent");
    if let Some(about) = need.and_then(need_words) {
        text.push_str(", ");
        text.push_str(&about);
    }
    text.push('.');
    if let Some(why) = reason_words(reason) {
        text.push(' ');
        text.push_str(why);
    }
    text.push_str(" Appuyez sur 1 pour appeler la famille maintenant.");
    text
}

/// What the professional hears when their phone picks up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffPrompt {
    /// Say the whisper and listen for 1.
    Whisper(String),
    /// The callback ended meanwhile (or is unknown): say so and hang up.
    TooLate,
}

/// The professional's phone picked up (a person or a voicemail): note the leg
/// and say what the callback is about.
pub async fn staff_picked_up(
    store: &dyn Store,
    settings: &Settings,
    callback_id: i64,
    leg_sid: Option<&str>,
    now: DateTime<Utc>,
) -> Result<StaffPrompt, StoreError> {
    let Some(cb) = store.callback(callback_id).await? else {
        return Ok(StaffPrompt::TooLate);
    };
    if !matches!(cb.state.as_str(), "placing" | "calling-staff") {
        return Ok(StaffPrompt::TooLate);
    }
    // The provider may call back before the REST answer was stored.
    if let Some(sid) = leg_sid {
        store.callback_placed(callback_id, sid, now).await?;
    }
    Ok(StaffPrompt::Whisper(whisper(
        settings.line_name(cb.line_number.as_deref()),
        &cb.reason,
        cb.need.as_deref(),
    )))
}

/// What the professional did at the prompt.
#[derive(Clone, PartialEq, Eq)]
pub enum StaffVerdict {
    /// They pressed 1: dial the parent from the helpline number.
    CallParent { parent: String, caller_id: String },
    /// Another key: thank them and hang up.
    Declined,
    /// No key (voicemail, silence): hang up without a word.
    Silent,
    /// The callback ended meanwhile: say so and hang up.
    TooLate,
}

impl std::fmt::Debug for StaffVerdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StaffVerdict::CallParent { .. } => "CallParent { .. }",
            StaffVerdict::Declined => "Declined",
            StaffVerdict::Silent => "Silent",
            StaffVerdict::TooLate => "TooLate",
        })
    }
}

/// Records the key pressed at the prompt.
pub async fn staff_answered(
    store: &dyn Store,
    settings: &Settings,
    callback_id: i64,
    digits: &str,
    now: DateTime<Utc>,
) -> Result<StaffVerdict, StoreError> {
    match digits.chars().next() {
        Some('1') => {
            let accepted = store.callback_staff_accepted(callback_id, now).await?;
            let Some(cb) = store.callback(callback_id).await? else {
                return Ok(StaffVerdict::TooLate);
            };
            // A retried webhook finds the callback already accepted: same answer again.
            if !accepted && cb.state != "calling-parent" {
                return Ok(StaffVerdict::TooLate);
            }
            let caller_id = settings.line_to_call_from(cb.line_number.as_deref());
            match (cb.parent_number, caller_id) {
                (Some(parent), Some(caller_id)) => Ok(StaffVerdict::CallParent {
                    parent,
                    caller_id: caller_id.to_owned(),
                }),
                _ => {
                    tracing::error!(
                        callback_id,
                        "callback accepted without a number to call or to call from"
                    );
                    store.finish_callback(callback_id, CallbackOutcome::Failed, now).await?;
                    Ok(StaffVerdict::TooLate)
                }
            }
        }
        Some(_) => {
            let ended = store
                .finish_callback(callback_id, CallbackOutcome::StaffDeclined, now)
                .await?;
            Ok(if ended || is_state(store, callback_id, "staff-declined").await? {
                StaffVerdict::Declined
            } else {
                StaffVerdict::TooLate
            })
        }
        None => {
            store
                .finish_callback(callback_id, CallbackOutcome::StaffUnreachable, now)
                .await?;
            Ok(StaffVerdict::Silent)
        }
    }
}

async fn is_state(store: &dyn Store, callback_id: i64, state: &str) -> Result<bool, StoreError> {
    Ok(store.callback(callback_id).await?.is_some_and(|c| c.state == state))
}

/// The outcome of the parent's leg from the `<Dial>`'s `DialCallStatus`.
pub fn dial_outcome(dial_call_status: &str) -> CallbackOutcome {
    match dial_call_status {
        "completed" | "answered" => CallbackOutcome::Reached,
        "no-answer" => CallbackOutcome::NoAnswer,
        "busy" => CallbackOutcome::Busy,
        _ => CallbackOutcome::Failed,
    }
}

/// The dial to the parent ended: the outcome, stored once. A retried webhook
/// gets the outcome stored the first time; None for an unknown callback.
pub async fn dial_ended(
    store: &dyn Store,
    callback_id: i64,
    dial_call_status: &str,
    now: DateTime<Utc>,
) -> Result<Option<CallbackOutcome>, StoreError> {
    let outcome = dial_outcome(dial_call_status);
    if store.finish_callback(callback_id, outcome, now).await? {
        tracing::info!(callback_id, outcome = outcome.as_str(), "callback ended");
        return Ok(Some(outcome));
    }
    let stored = store.callback(callback_id).await?;
    Ok(stored.and_then(|c| CallbackOutcome::parse(&c.state)))
}

/// A status of the professional's call. Before they accepted, a final status
/// means nobody took it; after, the `<Dial>`'s own outcome decides, since its
/// request and this one may arrive in any order.
pub async fn staff_leg_status(
    store: &dyn Store,
    callback_id: i64,
    leg_sid: Option<&str>,
    status: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if let (Some(sid), "initiated" | "ringing" | "in-progress" | "answered") = (leg_sid, status) {
        match store.callback_placed(callback_id, sid, now).await {
            Ok(()) | Err(StoreError::NotFound) => {}
            Err(e) => return Err(e),
        }
        return Ok(());
    }
    if crate::db::is_final_status(status)
        && store
            .finish_callback(callback_id, CallbackOutcome::StaffUnreachable, now)
            .await?
    {
        tracing::info!(callback_id, status, "callback: the professional did not take the call");
    }
    Ok(())
}

/// A parent's number as lists show it: `06 •• •• •• 78` for a French mobile,
/// the country code and the last two digits otherwise.
pub fn mask_number(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let tail = &digits[digits.len().saturating_sub(2)..];
    if let Some(national) = digits
        .strip_prefix("33")
        .filter(|d| d.len() == 9 && number.starts_with('+'))
    {
        return format!("0{} •• •• •• {tail}", &national[..1]);
    }
    if number.starts_with('+') && digits.len() > 4 {
        return format!("+{} •• •• {tail}", &digits[..2]);
    }
    format!("•• {tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whispers_say_the_subject_and_never_a_number() {
        assert_eq!(
            whisper("Numéro vert 1000 jours", "missed", Some("allaitement")),
            "Numéro vert 1000 jours : rappel d'un parent, au sujet de l'allaitement. Appel manqué. Appuyez sur 1 pour appeler la famille maintenant."
        );
        assert_eq!(
            whisper("Ligne", "callback-requested", None),
            "Ligne : rappel d'un parent. Rappel demandé par le parent. Appuyez sur 1 pour appeler la famille maintenant."
        );
        assert_eq!(
            whisper("Ligne", "other", Some("vaccins-bebe")),
            "Ligne : rappel d'un parent, au sujet de : vaccins bebe. Appuyez sur 1 pour appeler la famille maintenant."
        );
        assert!(!whisper("Ligne", "message-left", Some("message")).contains("au sujet"));
    }

    #[test]
    fn dial_statuses_map_to_outcomes() {
        assert_eq!(dial_outcome("completed"), CallbackOutcome::Reached);
        assert_eq!(dial_outcome("answered"), CallbackOutcome::Reached);
        assert_eq!(dial_outcome("no-answer"), CallbackOutcome::NoAnswer);
        assert_eq!(dial_outcome("busy"), CallbackOutcome::Busy);
        assert_eq!(dial_outcome("canceled"), CallbackOutcome::Failed);
        assert_eq!(dial_outcome("something-new"), CallbackOutcome::Failed);
    }

    #[test]
    fn numbers_are_masked() {
        assert_eq!(mask_number("+33639980178"), "06 •• •• •• 78");
        assert_eq!(mask_number("+33123456789"), "01 •• •• •• 89");
        assert_eq!(mask_number("+447700900123"), "+44 •• •• 23");
        assert_eq!(mask_number("12"), "•• 12");
        assert!(!mask_number("+33639980178").contains("3998"));
    }
}
