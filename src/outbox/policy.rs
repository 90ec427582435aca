//! The outbox's decisions, pure functions of their inputs (time and chance included):
//! what a failed send calls for, how long to wait, and whether a message in
//! the provider's list is the one an ambiguous attempt may have sent.

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::telephony::rest::{MessageResource, RestError, Retry, Sender};

/// How much jitter spreads retries: ±25 % of the delay.
pub const JITTER: f64 = 0.25;

/// What a failed send calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Twilio did not process it (429 / 20429): send again after a backoff.
    RetrySafe,
    /// Unknown whether Twilio acted (5xx, lost connection, timeout, or a 2xx
    /// whose body could not be read): find it in Twilio's list before sending again.
    RetryAmbiguous,
    /// The recipient replied STOP (21610): record the opt-out, never retry.
    OptedOut,
    /// Refused (any other 4xx): retrying cannot help.
    Fail,
}

/// The decision for a failed send.
///
/// A 2xx whose body could not be read (`RestError::Decode`) means Twilio did
/// create the message: it is reconciled like an ambiguous failure, which finds
/// it, rather than failed (it was sent) or sent again (twice).
pub fn decide(error: &RestError) -> Decision {
    if error.is_opted_out() {
        return Decision::OptedOut;
    }
    if matches!(error, RestError::Decode(_)) {
        return Decision::RetryAmbiguous;
    }
    match error.is_retryable() {
        Retry::Safe => Decision::RetrySafe,
        Retry::Ambiguous => Decision::RetryAmbiguous,
        Retry::Never => Decision::Fail,
    }
}

/// The delay before the next attempt after `attempt` (1 for the first) failed:
/// `base` doubled for each further attempt, at most `max`, then spread by
/// `jitter` ∈ [-1, 1] times ±25 %, and still at most `max`.
pub fn backoff(attempt: i64, base: Duration, max: Duration, jitter: f64) -> Duration {
    let doublings = u32::try_from(attempt.saturating_sub(1).clamp(0, 32)).unwrap_or(32);
    let delay = base.saturating_mul(2u32.saturating_pow(doublings)).min(max);
    let factor = 1.0 + JITTER * jitter.clamp(-1.0, 1.0);
    delay.mul_f64(factor).min(max)
}

/// [`backoff`] with a random jitter.
pub fn jittered_backoff(attempt: i64, base: Duration, max: Duration) -> Duration {
    backoff(attempt, base, max, rand::random_range(-1.0..=1.0))
}

/// What to record after a failed send, given the [`Decision`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Try again at `at`; `ambiguous` when this attempt's result is unknown.
    Retry {
        at: DateTime<Utc>,
        ambiguous: bool,
    },
    /// Give up; `expired` when only the message's age stopped it.
    Fail {
        expired: bool,
    },
    OptedOut,
}

/// The next step for a row created at `created_at` whose attempt number
/// `attempt` failed at `now`, with a retry `delay` already drawn.
///
/// A safe retry that would come after `expire_after` fails the message as
/// expired instead. An ambiguous one is always retried: the next attempt
/// first finds out whether this one went through, and only then may expire.
pub fn next_step(
    decision: Decision,
    created_at: DateTime<Utc>,
    now: DateTime<Utc>,
    delay: Duration,
    expire_after: chrono::Duration,
) -> Step {
    let at = now + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::MAX);
    match decision {
        Decision::OptedOut => Step::OptedOut,
        Decision::Fail => Step::Fail { expired: false },
        Decision::RetryAmbiguous => Step::Retry { at, ambiguous: true },
        Decision::RetrySafe if at >= created_at + expire_after => Step::Fail { expired: true },
        Decision::RetrySafe => Step::Retry { at, ambiguous: false },
    }
}

/// Whether a message of Twilio's list can be the one an ambiguous attempt sent:
/// outbound, to `to`, from our `sender`, with the same body, created at or
/// after `not_before` (the attempt's start less a margin for clocks).
pub fn same_message(m: &MessageResource, to: &str, body: &str, sender: &Sender, not_before: DateTime<Utc>) -> bool {
    let outbound = m.direction.as_deref().is_none_or(|d| d.starts_with("outbound"));
    let from_us = match sender {
        Sender::From(number) => m.from.as_deref() == Some(number.as_str()),
        Sender::MessagingService(sid) => m.messaging_service_sid.as_deref() == Some(sid.as_str()),
    };
    outbound
        && from_us
        && m.to.as_deref() == Some(to)
        && m.body.as_deref() == Some(body)
        && created(m).is_some_and(|at| at >= not_before)
}

/// When Twilio created a message (`date_created`, RFC 2822).
pub fn created(m: &MessageResource) -> Option<DateTime<Utc>> {
    let text = m.date_created.as_deref()?;
    DateTime::parse_from_rfc2822(text).ok().map(|d| d.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    const S: Duration = Duration::from_secs(1);

    fn api(status: u16, code: Option<i64>) -> RestError {
        RestError::Api {
            status,
            code,
            message: "x".into(),
            more_info: None,
        }
    }

    #[test]
    fn decisions_follow_the_error() {
        assert_eq!(decide(&api(429, Some(20429))), Decision::RetrySafe);
        assert_eq!(decide(&api(429, None)), Decision::RetrySafe);
        assert_eq!(decide(&api(400, Some(20429))), Decision::RetrySafe);
        assert_eq!(decide(&api(500, Some(20500))), Decision::RetryAmbiguous);
        assert_eq!(decide(&api(503, None)), Decision::RetryAmbiguous);
        assert_eq!(
            decide(&RestError::Transport("timed out".into())),
            Decision::RetryAmbiguous
        );
        assert_eq!(decide(&RestError::Decode("eof".into())), Decision::RetryAmbiguous);
        assert_eq!(decide(&api(400, Some(21610))), Decision::OptedOut);
        assert_eq!(decide(&api(400, Some(21211))), Decision::Fail);
        assert_eq!(decide(&api(401, Some(20003))), Decision::Fail);
        assert_eq!(decide(&api(404, None)), Decision::Fail);
    }

    #[test]
    fn backoff_doubles_from_the_base() {
        let max = Duration::from_secs(300);
        assert_eq!(backoff(1, S, max, 0.0), S);
        assert_eq!(backoff(2, S, max, 0.0), 2 * S);
        assert_eq!(backoff(3, S, max, 0.0), 4 * S);
        assert_eq!(backoff(9, S, max, 0.0), 256 * S);
        // Attempt 0 or less (nothing failed yet) is the base.
        assert_eq!(backoff(0, S, max, 0.0), S);
        assert_eq!(backoff(-5, S, max, 0.0), S);
    }

    #[test]
    fn backoff_is_capped_even_with_jitter() {
        let max = Duration::from_secs(300);
        assert_eq!(backoff(10, S, max, 0.0), max);
        assert_eq!(backoff(i64::MAX, S, max, 0.0), max, "no overflow");
        assert_eq!(backoff(10, S, max, 1.0), max, "jitter never goes past the cap");
        assert_eq!(backoff(10, S, max, -1.0), max.mul_f64(0.75));
        assert_eq!(
            backoff(1, Duration::from_secs(600), max, 0.0),
            max,
            "a base above the cap"
        );
    }

    #[test]
    fn jitter_stays_within_a_quarter() {
        let max = Duration::from_secs(300);
        assert_eq!(backoff(3, S, max, 1.0), Duration::from_secs(5));
        assert_eq!(backoff(3, S, max, -1.0), Duration::from_secs(3));
        assert_eq!(
            backoff(3, S, max, 7.0),
            Duration::from_secs(5),
            "out-of-range jitter is clamped"
        );
        let mut seen_low = false;
        let mut seen_high = false;
        for _ in 0..2000 {
            let d = jittered_backoff(3, S, max);
            assert!(d >= Duration::from_secs(3) && d <= Duration::from_secs(5), "{d:?}");
            seen_low |= d < Duration::from_millis(3500);
            seen_high |= d > Duration::from_millis(4500);
        }
        assert!(seen_low && seen_high, "the jitter spreads both ways");
        for _ in 0..200 {
            let d = jittered_backoff(20, S, max);
            assert!(d >= max.mul_f64(0.75) && d <= max, "{d:?}");
        }
    }

    #[test]
    fn next_steps() {
        let created = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let day = chrono::Duration::hours(24);
        let now = created + chrono::Duration::minutes(10);
        let in_a_minute = now + chrono::Duration::minutes(1);
        let minute = Duration::from_secs(60);
        assert_eq!(
            next_step(Decision::RetrySafe, created, now, minute, day),
            Step::Retry {
                at: in_a_minute,
                ambiguous: false
            }
        );
        assert_eq!(
            next_step(Decision::RetryAmbiguous, created, now, minute, day),
            Step::Retry {
                at: in_a_minute,
                ambiguous: true
            }
        );
        assert_eq!(
            next_step(Decision::Fail, created, now, minute, day),
            Step::Fail { expired: false }
        );
        assert_eq!(next_step(Decision::OptedOut, created, now, minute, day), Step::OptedOut);
        // A retry that would come after the message expires: failed as expired…
        let late = created + day - chrono::Duration::seconds(30);
        assert_eq!(
            next_step(Decision::RetrySafe, created, late, minute, day),
            Step::Fail { expired: true }
        );
        // …unless the attempt may have gone through: that is found out first.
        assert!(matches!(
            next_step(Decision::RetryAmbiguous, created, late, minute, day),
            Step::Retry { ambiguous: true, .. }
        ));
    }

    fn listed(body: &str, created: &str) -> MessageResource {
        serde_json::from_value(serde_json::json!({
            "sid": "SM0123456789abcdef0123456789abcdef",
            "status": "sent",
            "to": "+33639980123",
            "from": "+33199001234",
            "messaging_service_sid": null,
            "direction": "outbound-api",
            "body": body,
            "date_created": created,
        }))
        .unwrap()
    }

    #[test]
    fn same_message_needs_everything_to_match() {
        let since = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let not_before = since - chrono::Duration::minutes(1);
        let ours = Sender::From("+33199001234".into());
        let m = listed("Bonjour", "Tue, 24 Nov 2026 09:00:05 +0000");
        assert!(same_message(&m, "+33639980123", "Bonjour", &ours, not_before));
        // Within the clock margin.
        let m = listed("Bonjour", "Tue, 24 Nov 2026 08:59:30 +0000");
        assert!(same_message(&m, "+33639980123", "Bonjour", &ours, not_before));
        // Too old: an earlier message with the same text.
        let m = listed("Bonjour", "Tue, 24 Nov 2026 08:58:00 +0000");
        assert!(!same_message(&m, "+33639980123", "Bonjour", &ours, not_before));
        let m = listed("Bonjour", "Tue, 24 Nov 2026 09:00:05 +0000");
        assert!(!same_message(&m, "+33639980123", "Bonsoir", &ours, not_before));
        assert!(!same_message(&m, "+33639980124", "Bonjour", &ours, not_before));
        let other_sender = Sender::From("+33199009999".into());
        assert!(!same_message(&m, "+33639980123", "Bonjour", &other_sender, not_before));
        let service = Sender::MessagingService("MG0123456789abcdef0123456789abcdef".into());
        assert!(!same_message(&m, "+33639980123", "Bonjour", &service, not_before));
        let mut via_service = m.clone();
        via_service.messaging_service_sid = Some("MG0123456789abcdef0123456789abcdef".into());
        assert!(same_message(
            &via_service,
            "+33639980123",
            "Bonjour",
            &service,
            not_before
        ));
        let mut inbound = m.clone();
        inbound.direction = Some("inbound".into());
        assert!(!same_message(&inbound, "+33639980123", "Bonjour", &ours, not_before));
        let mut undated = m.clone();
        undated.date_created = None;
        assert!(!same_message(&undated, "+33639980123", "Bonjour", &ours, not_before));
    }
}
