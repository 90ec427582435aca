//! Persistence of click-to-call: a professional is rung first, then, once they
//! press 1, the parent; the outcome is written on the follow-up.
//!
//! A callback moves forward only: `placing` (stored before the REST request) →
//! `calling-staff` → `calling-parent` → one final state. Every transition is a
//! conditional update, so a webhook the provider retries, or two that race,
//! change nothing the second time; the timeline events carry dedupe keys for
//! the same reason.

use std::fmt;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};

use super::{FollowUp, StoreResult};
use crate::redact::Masked;
use crate::routing::schedule::StaffId;

/// A callback still `placing` or `calling-staff` this long after its last
/// change lost its status callbacks: it no longer blocks a new one.
pub const STALE_BEFORE_ACCEPTANCE: Duration = Duration::minutes(5);
/// The same for a callback whose parent leg is up: Twilio's default `<Dial timeLimit>` is 4 h.
pub const STALE_WHILE_TALKING: Duration = Duration::hours(4);

/// How a callback ended once it was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackOutcome {
    /// The parent's phone was answered and bridged.
    Reached,
    /// The parent's phone rang out.
    NoAnswer,
    /// The parent's line was busy.
    Busy,
    /// The parent's leg could not be set up (invalid number, carrier error, canceled).
    Failed,
    /// The professional pressed another key than 1.
    StaffDeclined,
    /// The professional's phone was not answered by a person (no answer, busy,
    /// voicemail or silence at the prompt).
    StaffUnreachable,
}

impl CallbackOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            CallbackOutcome::Reached => "reached",
            CallbackOutcome::NoAnswer => "no-answer",
            CallbackOutcome::Busy => "busy",
            CallbackOutcome::Failed => "failed",
            CallbackOutcome::StaffDeclined => "staff-declined",
            CallbackOutcome::StaffUnreachable => "staff-unreachable",
        }
    }

    pub fn parse(s: &str) -> Option<CallbackOutcome> {
        Some(match s {
            "reached" => CallbackOutcome::Reached,
            "no-answer" => CallbackOutcome::NoAnswer,
            "busy" => CallbackOutcome::Busy,
            "failed" => CallbackOutcome::Failed,
            "staff-declined" => CallbackOutcome::StaffDeclined,
            "staff-unreachable" => CallbackOutcome::StaffUnreachable,
            _ => return None,
        })
    }

    /// Whether the parent was dialled: only then is it an attempt on the follow-up.
    pub fn counts_as_attempt(self) -> bool {
        !matches!(self, CallbackOutcome::StaffDeclined | CallbackOutcome::StaffUnreachable)
    }

    /// What the follow-up keeps as its last attempt's outcome: whether the parent
    /// was reached; the precise reason stays on the callback.
    pub fn attempt_outcome(self) -> &'static str {
        if self == CallbackOutcome::Reached {
            "reached"
        } else {
            "no-answer"
        }
    }
}

/// A callback with what its webhooks need.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CallbackCall {
    pub callback_id: i64,
    pub follow_up_id: i64,
    pub contact_id: i64,
    pub staff_id: StaffId,
    /// The professional's name as it is now in the directory.
    pub staff_name: String,
    /// E.164.
    pub staff_phone: String,
    /// The number to call back, E.164; None when the parent withheld it.
    pub parent_number: Option<String>,
    /// The helpline number the parent called.
    pub line_number: Option<String>,
    pub need: Option<String>,
    /// Why the follow-up exists: missed | abandoned | callback-requested | message-left.
    pub reason: String,
    /// placing | calling-staff | calling-parent | reached | no-answer | busy | failed
    /// | staff-declined | staff-unreachable | not-placed
    pub state: String,
    /// Why it was not placed (English, phone numbers masked).
    pub detail: Option<String>,
    pub staff_call_sid: Option<String>,
    /// Attempts on the follow-up so far, this one included once it ended.
    pub attempts: i64,
    pub created_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// Phone numbers are personal data and `{:?}` ends up in logs: only their last two digits show.
impl fmt::Debug for CallbackCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallbackCall")
            .field("callback_id", &self.callback_id)
            .field("follow_up_id", &self.follow_up_id)
            .field("contact_id", &self.contact_id)
            .field("staff_id", &self.staff_id)
            .field("staff_name", &self.staff_name)
            .field("staff_phone", &Masked(&self.staff_phone))
            .field("parent_number", &self.parent_number.as_deref().map(Masked))
            .field("line_number", &self.line_number)
            .field("need", &self.need)
            .field("reason", &self.reason)
            .field("state", &self.state)
            .field("detail", &self.detail)
            .field("staff_call_sid", &self.staff_call_sid)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

/// A follow-up with the number to call back (lists show it masked) and the
/// helpline number the parent called (the one to call back from).
#[derive(Clone, PartialEq, sqlx::FromRow)]
pub struct FollowUpEntry {
    #[sqlx(flatten)]
    pub follow_up: FollowUp,
    pub parent_number: Option<String>,
    pub line_number: Option<String>,
}

impl fmt::Debug for FollowUpEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FollowUpEntry")
            .field("follow_up", &self.follow_up)
            .field("parent_number", &self.parent_number.as_deref().map(Masked))
            .field("line_number", &self.line_number)
            .finish()
    }
}

#[async_trait]
pub trait CallbackStore: Send + Sync {
    async fn follow_up(&self, follow_up_id: i64) -> StoreResult<Option<FollowUp>>;
    /// Open follow-ups with the parent's number, the most overdue first.
    async fn follow_up_queue(&self, limit: i64) -> StoreResult<Vec<FollowUpEntry>>;
    /// The open follow-ups assigned to one professional, in the queue's order.
    async fn assigned_follow_ups(&self, staff_id: StaffId, limit: i64) -> StoreResult<Vec<FollowUpEntry>>;
    async fn follow_up_entry(&self, follow_up_id: i64) -> StoreResult<Option<FollowUpEntry>>;

    /// Records a callback about to be placed (`placing`) and puts the follow-up
    /// `in-progress`. Fails with `NotFound` without the follow-up or the staff
    /// member, and with `InUse` when the follow-up is closed or another callback
    /// of it is under way (and not stale): two people never ring the same parent.
    async fn start_callback(&self, follow_up_id: i64, staff_id: StaffId, at: DateTime<Utc>) -> StoreResult<i64>;
    /// The provider accepted the call (or called us back about it): `placing` →
    /// `calling-staff`. The leg's SID is kept the first time.
    async fn callback_placed(&self, callback_id: i64, staff_call_sid: &str, at: DateTime<Utc>) -> StoreResult<()>;
    /// The REST request failed: `placing` → `not-placed`, the follow-up back as it was.
    /// Returns whether it applied.
    async fn callback_not_placed(&self, callback_id: i64, detail: &str, at: DateTime<Utc>) -> StoreResult<bool>;
    async fn callback(&self, callback_id: i64) -> StoreResult<Option<CallbackCall>>;
    /// The callbacks of a follow-up, oldest first.
    async fn callbacks_for_follow_up(&self, follow_up_id: i64) -> StoreResult<Vec<CallbackCall>>;
    /// The professional pressed 1: → `calling-parent`, once. False when the
    /// callback was already accepted or has ended.
    async fn callback_staff_accepted(&self, callback_id: i64, at: DateTime<Utc>) -> StoreResult<bool>;
    /// Ends a callback, once. Outcomes about the parent need a callback not yet
    /// ended and count as an attempt on the follow-up (closed when reached,
    /// else waiting); those about the professional need one not yet accepted
    /// and count nothing. False when it did not apply.
    async fn finish_callback(&self, callback_id: i64, outcome: CallbackOutcome, at: DateTime<Utc>)
        -> StoreResult<bool>;
}

/// The columns of [`CallbackCall`].
macro_rules! CALLBACK_SELECT {
    () => {
        "select b.callback_id, b.follow_up_id, f.contact_id, b.staff_id, s.name as staff_name, s.phone as staff_phone, \
         c.caller_number as parent_number, c.line_number, coalesce(f.need, c.need) as need, f.reason, b.state, b.detail, \
         b.staff_call_sid, f.attempts, b.created_at, b.accepted_at, b.ended_at \
         from callback_call b join follow_up f on f.follow_up_id = b.follow_up_id \
         join contact c on c.contact_id = f.contact_id join staff s on s.staff_id = b.staff_id"
    };
}

/// The columns of [`FollowUpEntry`].
macro_rules! FOLLOW_UP_ENTRY_SELECT {
    () => {
        "select f.follow_up_id, f.contact_id, f.reason, f.need, f.state, f.outcome, f.due_at, f.attempts, f.last_attempt_at, \
         f.last_attempt_outcome, f.created_at, f.urgent, f.assigned_staff_id, c.caller_number as parent_number, c.line_number \
         from follow_up f join contact c on c.contact_id = f.contact_id"
    };
}

/// Adds a line to the contact's timeline of a follow-up, once per `dedupe_key`.
macro_rules! callback_event {
    ($tx:expr, $follow_up_id:expr, $at:expr, $kind:expr, $detail:expr, $dedupe:expr) => {
        sqlx::query(
            "insert into contact_event (contact_id, at, kind, node, detail, dedupe_key) \
             select contact_id, $2, $3, null, $4, $5 from follow_up where follow_up_id = $1 \
             on conflict (dedupe_key) do nothing",
        )
        .bind($follow_up_id)
        .bind($at)
        .bind($kind)
        .bind($detail.to_string())
        .bind($dedupe)
        .execute(&mut *$tx)
        .await?
    };
}

/// A callback that did not reach the parent hands its follow-up back as it was
/// before the callback started: `new` if never tried, else `waiting`.
macro_rules! release_follow_up {
    ($tx:expr, $follow_up_id:expr, $at:expr) => {
        sqlx::query(
            "update follow_up set state = case when attempts = 0 then 'new' else 'waiting' end, updated_at = $2 \
             where follow_up_id = $1 and state = 'in-progress'",
        )
        .bind($follow_up_id)
        .bind($at)
        .execute(&mut *$tx)
        .await?
    };
}

/// Implements `CallbackStore` for a struct with a `pool` field of a sqlx pool type.
macro_rules! sql_callback_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::db::callbacks::CallbackStore for $store {
            async fn follow_up(&self, follow_up_id: i64) -> $crate::db::StoreResult<Option<$crate::db::FollowUp>> {
                Ok(sqlx::query_as(concat!($crate::db::sql::FOLLOW_UP_SELECT!(), " where follow_up_id = $1"))
                    .bind(follow_up_id)
                    .fetch_optional(&self.pool)
                    .await?)
            }

            async fn follow_up_queue(&self, limit: i64) -> $crate::db::StoreResult<Vec<$crate::db::callbacks::FollowUpEntry>> {
                Ok(sqlx::query_as(concat!(
                    $crate::db::callbacks::FOLLOW_UP_ENTRY_SELECT!(),
                    " where f.state <> 'closed' order by f.urgent desc, f.due_at, f.follow_up_id limit $1"
                ))
                .bind(limit)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn assigned_follow_ups(
                &self,
                staff_id: $crate::routing::schedule::StaffId,
                limit: i64,
            ) -> $crate::db::StoreResult<Vec<$crate::db::callbacks::FollowUpEntry>> {
                Ok(sqlx::query_as(concat!(
                    $crate::db::callbacks::FOLLOW_UP_ENTRY_SELECT!(),
                    " where f.assigned_staff_id = $1 and f.state <> 'closed' order by f.urgent desc, f.due_at, f.follow_up_id limit $2"
                ))
                .bind(staff_id)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn follow_up_entry(&self, follow_up_id: i64) -> $crate::db::StoreResult<Option<$crate::db::callbacks::FollowUpEntry>> {
                Ok(sqlx::query_as(concat!($crate::db::callbacks::FOLLOW_UP_ENTRY_SELECT!(), " where f.follow_up_id = $1"))
                    .bind(follow_up_id)
                    .fetch_optional(&self.pool)
                    .await?)
            }

            async fn start_callback(&self, follow_up_id: i64, staff_id: i64, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<i64> {
                let mut tx = self.pool.begin().await?;
                // Writing the follow-up first locks its row (PostgreSQL) or the
                // database (SQLite): two requests for the same parent are serialised here.
                let state: Option<(String, i64)> = sqlx::query_as("update follow_up set updated_at = $2 where follow_up_id = $1 returning state, contact_id")
                    .bind(follow_up_id).bind(at).fetch_optional(&mut *tx).await?;
                let Some((state, contact_of_follow_up)) = state else {
                    return Err($crate::db::StoreError::NotFound);
                };
                if state == "closed" {
                    tx.rollback().await?;
                    return Err($crate::db::StoreError::InUse("the follow-up is closed".into()));
                }
                let staff: Option<(String,)> = sqlx::query_as("select name from staff where staff_id = $1").bind(staff_id).fetch_optional(&mut *tx).await?;
                let Some((staff_name,)) = staff else {
                    tx.rollback().await?;
                    return Err($crate::db::StoreError::NotFound);
                };
                let busy: Option<(i64,)> = sqlx::query_as(
                    "select callback_id from callback_call where follow_up_id = $1 \
                     and ((state in ('placing', 'calling-staff') and updated_at > $2) or (state = 'calling-parent' and updated_at > $3)) \
                     order by callback_id desc limit 1",
                )
                .bind(follow_up_id)
                .bind(at - $crate::db::callbacks::STALE_BEFORE_ACCEPTANCE)
                .bind(at - $crate::db::callbacks::STALE_WHILE_TALKING)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some((other,)) = busy {
                    tx.rollback().await?;
                    return Err($crate::db::StoreError::InUse(format!("callback {other} of this follow-up is under way")));
                }
                sqlx::query("update follow_up set state = 'in-progress' where follow_up_id = $1").bind(follow_up_id).execute(&mut *tx).await?;
                let (callback_id,): (i64,) = sqlx::query_as(
                    "insert into callback_call (follow_up_id, staff_id, state, created_at, updated_at) values ($1, $2, 'placing', $3, $3) returning callback_id",
                )
                .bind(follow_up_id).bind(staff_id).bind(at)
                .fetch_one(&mut *tx).await?;
                sqlx::query($crate::db::sql::CONTACT_STAFF_INSERT!())
                    .bind(contact_of_follow_up).bind(staff_id)
                    .execute(&mut *tx).await?;
                $crate::db::callbacks::callback_event!(
                    tx, follow_up_id, at, "callback-started",
                    serde_json::json!({ "callback": callback_id, "staff": staff_name }),
                    format!("callback:{callback_id}:started")
                );
                tx.commit().await?;
                Ok(callback_id)
            }

            async fn callback_placed(&self, callback_id: i64, staff_call_sid: &str, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<()> {
                let n = sqlx::query(
                    "update callback_call set staff_call_sid = coalesce(staff_call_sid, $2), \
                     state = case when state = 'placing' then 'calling-staff' else state end, updated_at = $3 where callback_id = $1",
                )
                .bind(callback_id).bind(staff_call_sid).bind(at)
                .execute(&self.pool).await?.rows_affected();
                if n == 0 { Err($crate::db::StoreError::NotFound) } else { Ok(()) }
            }

            async fn callback_not_placed(&self, callback_id: i64, detail: &str, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let row: Option<(i64, String)> = sqlx::query_as(
                    "update callback_call set state = 'not-placed', detail = $2, ended_at = $3, updated_at = $3 \
                     where callback_id = $1 and state = 'placing' \
                     returning follow_up_id, (select name from staff s where s.staff_id = callback_call.staff_id)",
                )
                .bind(callback_id).bind(detail).bind(at)
                .fetch_optional(&mut *tx).await?;
                let Some((follow_up_id, staff_name)) = row else {
                    tx.rollback().await?;
                    return Ok(false);
                };
                $crate::db::callbacks::release_follow_up!(tx, follow_up_id, at);
                $crate::db::callbacks::callback_event!(
                    tx, follow_up_id, at, "callback-ended",
                    serde_json::json!({ "callback": callback_id, "staff": staff_name, "outcome": "not-placed", "detail": detail }),
                    format!("callback:{callback_id}:ended")
                );
                tx.commit().await?;
                Ok(true)
            }

            async fn callback(&self, callback_id: i64) -> $crate::db::StoreResult<Option<$crate::db::callbacks::CallbackCall>> {
                Ok(sqlx::query_as(concat!($crate::db::callbacks::CALLBACK_SELECT!(), " where b.callback_id = $1"))
                    .bind(callback_id)
                    .fetch_optional(&self.pool)
                    .await?)
            }

            async fn callbacks_for_follow_up(&self, follow_up_id: i64) -> $crate::db::StoreResult<Vec<$crate::db::callbacks::CallbackCall>> {
                Ok(sqlx::query_as(concat!($crate::db::callbacks::CALLBACK_SELECT!(), " where b.follow_up_id = $1 order by b.callback_id"))
                    .bind(follow_up_id)
                    .fetch_all(&self.pool)
                    .await?)
            }

            async fn callback_staff_accepted(&self, callback_id: i64, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let row: Option<(i64, String)> = sqlx::query_as(
                    "update callback_call set state = 'calling-parent', accepted_at = $2, updated_at = $2 \
                     where callback_id = $1 and state in ('placing', 'calling-staff') \
                     returning follow_up_id, (select name from staff s where s.staff_id = callback_call.staff_id)",
                )
                .bind(callback_id).bind(at)
                .fetch_optional(&mut *tx).await?;
                let Some((follow_up_id, staff_name)) = row else {
                    tx.rollback().await?;
                    return Ok(false);
                };
                $crate::db::callbacks::callback_event!(
                    tx, follow_up_id, at, "callback-staff-accepted",
                    serde_json::json!({ "callback": callback_id, "staff": staff_name }),
                    format!("callback:{callback_id}:accepted")
                );
                tx.commit().await?;
                Ok(true)
            }

            async fn finish_callback(
                &self,
                callback_id: i64,
                outcome: $crate::db::callbacks::CallbackOutcome,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<bool> {
                let counts = outcome.counts_as_attempt();
                let mut tx = self.pool.begin().await?;
                let row: Option<(i64, String)> = sqlx::query_as(
                    "update callback_call set state = $2, ended_at = $3, updated_at = $3 \
                     where callback_id = $1 and (state in ('placing', 'calling-staff') or ($4 and state = 'calling-parent')) \
                     returning follow_up_id, (select name from staff s where s.staff_id = callback_call.staff_id)",
                )
                .bind(callback_id).bind(outcome.as_str()).bind(at).bind(counts)
                .fetch_optional(&mut *tx).await?;
                let Some((follow_up_id, staff_name)) = row else {
                    tx.rollback().await?;
                    return Ok(false);
                };
                let mut detail = serde_json::json!({ "callback": callback_id, "staff": staff_name, "outcome": outcome.as_str() });
                if counts {
                    // SET expressions read the row as it was, so `state` below is the previous state.
                    let (attempts,): (i64,) = sqlx::query_as(
                        "update follow_up set attempts = attempts + 1, last_attempt_at = $2, last_attempt_outcome = $3, \
                         state = case when state = 'closed' then 'closed' when $3 = 'reached' then 'closed' else 'waiting' end, \
                         outcome = case when state <> 'closed' and $3 = 'reached' then 'reached' else outcome end, \
                         updated_at = $2 where follow_up_id = $1 returning attempts",
                    )
                    .bind(follow_up_id).bind(at).bind(outcome.attempt_outcome())
                    .fetch_one(&mut *tx).await?;
                    detail["attempt"] = serde_json::json!(attempts);
                } else {
                    $crate::db::callbacks::release_follow_up!(tx, follow_up_id, at);
                }
                $crate::db::callbacks::callback_event!(tx, follow_up_id, at, "callback-ended", detail, format!("callback:{callback_id}:ended"));
                tx.commit().await?;
                Ok(true)
            }
        }
    };
}

pub(crate) use callback_event;
pub(crate) use release_follow_up;
pub(crate) use sql_callback_store;
pub(crate) use CALLBACK_SELECT;
pub(crate) use FOLLOW_UP_ENTRY_SELECT;
