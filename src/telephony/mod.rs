//! The provider edge: everything that knows Twilio.
//!
//! Layout:
//! - [`rest`]: the REST client for what the service starts itself (calls, SMS);
//! - [`hunt`]: the legs of simultaneous hunts, placed and released through it;
//! - [`signature`]: `X-Twilio-Signature`, as Twilio's helper library computes it;
//! - [`webhook`]: the extractor that checks it on every provider endpoint;
//! - [`twiml`]: the one module that writes TwiML, including the safe fallback;
//! - [`voice`]: the voice webhook handlers (incoming call, next step, status,
//!   recordings, screening, the hunt's queue), thin: parse, call
//!   [`crate::contacts::calls`], render;
//! - [`callback_voice`]: the webhooks of click-to-call (the professional's call);
//! - [`sms`]: the messaging webhooks (a parent's SMS, delivery statuses).

pub mod callback_voice;
pub mod hunt;
pub mod rest;
pub mod signature;
pub mod sms;
pub mod tone;
pub mod twiml;
pub mod voice;
pub mod webhook;

/// Numbers a provider sends when the caller withheld theirs.
pub fn is_withheld(from: Option<&str>) -> bool {
    match from.map(str::trim) {
        None | Some("") => true,
        Some(f) => {
            let lower = f.to_ascii_lowercase();
            matches!(
                lower.as_str(),
                "anonymous" | "private" | "restricted" | "unknown" | "unavailable" | "+266696687" | "266696687"
            ) || !f.starts_with('+')
        }
    }
}
