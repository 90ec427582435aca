//! The provider side of a simultaneous hunt: the professionals' legs are
//! placed and released through the REST API, after the webhook is answered.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::rest::{CreateCall, TwilioClient};
use super::voice::{leg_status_url, screen_url};
use crate::db::Store;
use crate::ivr::script::Strategy;

/// Places the legs of a simultaneous hunt's new wave, and hangs up the legs
/// that can no longer take the call (someone accepted, or the wave ended).
/// Runs after the webhook is answered; every failure is recorded on the
/// attempt, and the caller's wait URL notices a wave with nobody left ringing.
pub async fn sync_legs(
    store: Arc<dyn Store>,
    client: TwilioClient,
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
                    let request = CreateCall {
                        to,
                        from: from.clone(),
                        url: screen_url(&base_url, &call_sid, a.seq),
                        status_callback: Some(leg_status_url(&base_url, &call_sid, a.seq)),
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
