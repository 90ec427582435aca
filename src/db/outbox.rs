//! Persistence of the durable outbox: outbound SMS the service starts itself,
//! stored before anything is sent and worked by [`crate::outbox`].
//!
//! A row moves `pending` → `sending` (claimed by a worker, with a lease) → one
//! of `sent`, `failed`, `opted-out`, or back to `pending` for a retry. Every
//! move out of `sending` names the claim it ends (the row's `attempts`, which
//! each claim increments): a worker whose lease expired and whose row was
//! claimed again cannot overwrite the newer claim's result.
//!
//! A `sending` row whose lease expired belongs to a worker that stopped
//! mid-send: it is claimable again and marked ambiguous, since its message may
//! or may not have reached the provider (Twilio's `Messages.json` has no
//! idempotency key). The worker reconciles such rows before sending again.
//!
//! With PostgreSQL several workers share the table: the claim selects its rows
//! `FOR UPDATE SKIP LOCKED`, so two workers never take the same row. SQLite
//! serialises writers, so the same statement without the clause is safe there.

use std::fmt;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::redact::Masked;

/// Twilio's code for "recipient replied STOP".
pub const CODE_OPTED_OUT: i64 = crate::telephony::rest::CODE_OPTED_OUT;

/// A message to queue. Other code inserts rows with these same columns inside
/// its own transactions, so the names follow the table's.
#[derive(Clone, PartialEq, Eq)]
pub struct NewOutbound {
    /// E.164.
    pub to_number: String,
    pub body: String,
    /// As counted by `sms::encoding`.
    pub segments: i64,
    /// `gsm-7` or `ucs-2`.
    pub encoding: String,
    /// reply | staff-alert | callback-confirmation | notice
    pub purpose: String,
    /// A parent's number: never sent while that number is opted out.
    pub to_parent: bool,
    /// The message's line in a parent's conversation (`sms_message`), kept in step.
    pub sms_message_id: Option<i64>,
    pub contact_id: Option<i64>,
}

impl fmt::Debug for NewOutbound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewOutbound")
            .field("to_number", &Masked(&self.to_number))
            .field("body", &format_args!("<{} chars>", self.body.chars().count()))
            .field("segments", &self.segments)
            .field("encoding", &self.encoding)
            .field("purpose", &self.purpose)
            .field("to_parent", &self.to_parent)
            .field("sms_message_id", &self.sms_message_id)
            .field("contact_id", &self.contact_id)
            .finish()
    }
}

/// An outbox row as stored.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboundMessage {
    pub outbox_id: i64,
    pub to_number: String,
    pub body: String,
    pub segments: i64,
    pub encoding: String,
    pub purpose: String,
    pub to_parent: bool,
    pub sms_message_id: Option<i64>,
    pub contact_id: Option<i64>,
    /// pending | sending | sent | failed | opted-out
    pub state: String,
    /// How many times a worker claimed it; also names the current claim.
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    /// While a worker holds it.
    pub lease_until: Option<DateTime<Utc>>,
    /// Set when an attempt's result is unknown (a 5xx, a lost connection, a
    /// worker that stopped mid-send): when that attempt started, at the latest.
    pub ambiguous_since: Option<DateTime<Utc>>,
    /// The provider's `SM…` once sent.
    pub provider_sid: Option<String>,
    /// The provider's last status: `queued`/`accepted` when sent, then from status callbacks.
    pub delivery_status: Option<String>,
    /// English, phone numbers masked.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// Phone numbers and texts are personal data and `{:?}` ends up in logs.
impl fmt::Debug for OutboundMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OutboundMessage")
            .field("outbox_id", &self.outbox_id)
            .field("to_number", &Masked(&self.to_number))
            .field("body", &format_args!("<{} chars>", self.body.chars().count()))
            .field("purpose", &self.purpose)
            .field("to_parent", &self.to_parent)
            .field("sms_message_id", &self.sms_message_id)
            .field("state", &self.state)
            .field("attempts", &self.attempts)
            .field("next_attempt_at", &self.next_attempt_at)
            .field("lease_until", &self.lease_until)
            .field("ambiguous_since", &self.ambiguous_since)
            .field("provider_sid", &self.provider_sid)
            .field("delivery_status", &self.delivery_status)
            .field("last_error", &self.last_error)
            .finish_non_exhaustive()
    }
}

/// How a claimed row's attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutboxResult {
    /// The provider accepted it: its SID and status (`queued`, `accepted`).
    Sent { sid: String, status: String },
    /// An earlier ambiguous attempt did go through: found in the provider's list.
    Reconciled { sid: String, status: String },
    /// Try again at `next_attempt_at`. `ambiguous_since` is set when this
    /// attempt's result is unknown (the earliest such instant is kept).
    Retry {
        next_attempt_at: DateTime<Utc>,
        error: String,
        ambiguous_since: Option<DateTime<Utc>>,
    },
    /// Given up: refused by the provider (`code`), or expired.
    Failed { error: String, code: Option<i64> },
    /// The recipient opted out. `by_provider`: Twilio refused with 21610 (the
    /// number is then marked opted out); otherwise the worker found the number
    /// already opted out and sent nothing.
    OptedOut { by_provider: bool, error: String },
}

#[async_trait]
pub trait OutboxStore: Send + Sync {
    /// Queues a message, due at once.
    async fn enqueue(&self, msg: &NewOutbound, at: DateTime<Utc>) -> StoreResult<i64>;
    /// Claims up to `limit` due rows for a worker until `lease_until`: pending
    /// rows whose time has come, and `sending` rows whose lease expired (those
    /// become ambiguous). Oldest due first.
    async fn claim_outbox(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<OutboundMessage>>;
    /// Records how the claim `attempt` of row `outbox_id` ended. False when
    /// that claim is no longer current (its lease expired and another worker
    /// took the row): nothing is changed then.
    async fn record_outbox(
        &self,
        outbox_id: i64,
        attempt: i64,
        result: &OutboxResult,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Hands a claimed row back unsent (a worker stopping, or short of lease):
    /// pending and due as it was. False when the claim is no longer current.
    async fn release_outbox(&self, outbox_id: i64, attempt: i64, at: DateTime<Utc>) -> StoreResult<bool>;
    /// Marks every pending row to a parent whose number is opted out as
    /// `opted-out`, without claiming: what a worker without provider does.
    /// Returns how many rows changed.
    async fn suppress_opted_out_outbox(&self, at: DateTime<Utc>) -> StoreResult<u64>;
    async fn outbox_message(&self, outbox_id: i64) -> StoreResult<Option<OutboundMessage>>;
    /// The row that holds a provider SID, if any.
    async fn outbox_by_sid(&self, provider_sid: &str) -> StoreResult<Option<OutboundMessage>>;
    /// The most recent rows first.
    async fn list_outbox(&self, limit: i64) -> StoreResult<Vec<OutboundMessage>>;
    /// A message status callback: records `status` on the row with that SID
    /// unless it would move the status backwards (callbacks arrive out of
    /// order). Code 21610 marks the number opted out and fails the linked
    /// conversation message. False when no row has that SID.
    async fn record_outbox_delivery(
        &self,
        provider_sid: &str,
        status: &str,
        error_code: Option<i64>,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Whether any conversation of this number is opted out.
    async fn is_opted_out(&self, phone: &str) -> StoreResult<bool>;
}

/// The order of Twilio's message statuses: a status callback never moves a
/// message back (`sent` can arrive after `delivered`). The same ranks as
/// `sms_message.status_rank`, which this module and the conversation store write.
pub fn delivery_status_rank(status: &str) -> i64 {
    match status {
        "accepted" | "scheduled" | "queued" => 0,
        "sending" => 1,
        "sent" => 2,
        "delivered" | "undelivered" | "failed" | "canceled" | "partially_delivered" => 3,
        "read" => 4,
        _ => 0,
    }
}

/// The rank of the stored `delivery_status`, in SQL; keep in step with [`delivery_status_rank`].
macro_rules! DELIVERY_RANK_SQL {
    () => {
        "case delivery_status when 'sending' then 1 when 'sent' then 2 \
         when 'delivered' then 3 when 'undelivered' then 3 when 'failed' then 3 when 'canceled' then 3 \
         when 'partially_delivered' then 3 when 'read' then 4 else 0 end"
    };
}

/// Queues a [`NewOutbound`] on `$exec` (a pool or a transaction), pending now;
/// evaluates to its `outbox_id`. One statement for every producer (replies,
/// alerts, a professional's SMS), inside their own transactions.
macro_rules! insert_outbox {
    ($exec:expr, $msg:expr, $at:expr) => {{
        let msg: &$crate::db::outbox::NewOutbound = $msg;
        let (id,): (i64,) = sqlx::query_as(
            "insert into outbox_message (to_number, body, segments, encoding, purpose, to_parent, sms_message_id, \
             contact_id, state, attempts, next_attempt_at, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, $9, $9, $9) returning outbox_id",
        )
        .bind(&msg.to_number)
        .bind(&msg.body)
        .bind(msg.segments)
        .bind(&msg.encoding)
        .bind(&msg.purpose)
        .bind(msg.to_parent)
        .bind(msg.sms_message_id)
        .bind(msg.contact_id)
        .bind($at)
        .fetch_one($exec)
        .await?;
        id
    }};
}

/// The columns of [`OutboundMessage`].
macro_rules! OUTBOX_COLUMNS {
    () => {
        "outbox_id, to_number, body, segments, encoding, purpose, to_parent, sms_message_id, contact_id, state, \
         attempts, next_attempt_at, lease_until, ambiguous_since, provider_sid, delivery_status, last_error, \
         created_at, updated_at, sent_at"
    };
}

/// The locking clause of the claim's row selection, per database.
pub trait ClaimLock {
    const CLAUSE: &'static str;
}

impl ClaimLock for sqlx::Sqlite {
    /// SQLite has one writer at a time: the claim statement is atomic as it is.
    const CLAUSE: &'static str = "";
}

impl ClaimLock for sqlx::Postgres {
    /// Rows another worker is claiming are skipped, not waited for.
    const CLAUSE: &'static str = "for update skip locked";
}

/// The claim statement for the database of `pool`.
pub fn claim_sql<DB: sqlx::Database + ClaimLock>(_pool: &sqlx::Pool<DB>) -> String {
    format!(
        concat!(
            "update outbox_message set state = 'sending', attempts = attempts + 1, lease_until = $2, ",
            // SET expressions read the row as it was: a row still `sending` was
            // abandoned mid-send, in the attempt claimed at its `updated_at`.
            "ambiguous_since = case when state = 'sending' then coalesce(ambiguous_since, updated_at) else ambiguous_since end, ",
            "last_error = case when state = 'sending' ",
            "then 'a worker stopped while sending it (lease expired): result unknown' else last_error end, ",
            "updated_at = $1 ",
            "where outbox_id in (select outbox_id from outbox_message ",
            "where (state = 'pending' and next_attempt_at <= $1) or (state = 'sending' and lease_until <= $1) ",
            "order by next_attempt_at, outbox_id limit $3 {}) ",
            "returning ",
            OUTBOX_COLUMNS!()
        ),
        DB::CLAUSE
    )
}

/// Implements `OutboxStore` for a struct with a `pool` field of a sqlx pool type.
macro_rules! sql_outbox_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::db::outbox::OutboxStore for $store {
            async fn enqueue(
                &self,
                msg: &$crate::db::outbox::NewOutbound,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<i64> {
                let id = $crate::db::outbox::insert_outbox!(&self.pool, msg, at);
                Ok(id)
            }

            async fn claim_outbox(
                &self,
                now: chrono::DateTime<chrono::Utc>,
                lease_until: chrono::DateTime<chrono::Utc>,
                limit: i64,
            ) -> $crate::db::StoreResult<Vec<$crate::db::outbox::OutboundMessage>> {
                let sql = $crate::db::outbox::claim_sql(&self.pool);
                let mut rows: Vec<$crate::db::outbox::OutboundMessage> = sqlx::query_as(&sql)
                    .bind(now)
                    .bind(lease_until)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                // RETURNING keeps no order.
                rows.sort_by(|a, b| (a.next_attempt_at, a.outbox_id).cmp(&(b.next_attempt_at, b.outbox_id)));
                Ok(rows)
            }

            async fn record_outbox(
                &self,
                outbox_id: i64,
                attempt: i64,
                result: &$crate::db::outbox::OutboxResult,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<bool> {
                use $crate::db::outbox::OutboxResult;
                let mut tx = self.pool.begin().await?;
                let ended: Option<(String, Option<i64>)> = match result {
                    OutboxResult::Sent { sid, status } | OutboxResult::Reconciled { sid, status } => {
                        sqlx::query_as(
                            "update outbox_message set state = 'sent', provider_sid = $3, delivery_status = $4, \
                             lease_until = null, sent_at = $5, updated_at = $5 \
                             where outbox_id = $1 and state = 'sending' and attempts = $2 returning to_number, sms_message_id",
                        )
                        .bind(outbox_id)
                        .bind(attempt)
                        .bind(sid)
                        .bind(status)
                        .bind(at)
                        .fetch_optional(&mut *tx)
                        .await?
                    }
                    OutboxResult::Retry { next_attempt_at, error, ambiguous_since } => {
                        sqlx::query_as(
                            "update outbox_message set state = 'pending', lease_until = null, next_attempt_at = $3, \
                             last_error = $4, ambiguous_since = coalesce(ambiguous_since, $5), updated_at = $6 \
                             where outbox_id = $1 and state = 'sending' and attempts = $2 returning to_number, sms_message_id",
                        )
                        .bind(outbox_id)
                        .bind(attempt)
                        .bind(next_attempt_at)
                        .bind(error)
                        .bind(ambiguous_since)
                        .bind(at)
                        .fetch_optional(&mut *tx)
                        .await?
                    }
                    OutboxResult::Failed { error, .. } | OutboxResult::OptedOut { error, .. } => {
                        let state = if matches!(result, OutboxResult::Failed { .. }) { "failed" } else { "opted-out" };
                        sqlx::query_as(
                            "update outbox_message set state = $5, lease_until = null, last_error = $3, updated_at = $4 \
                             where outbox_id = $1 and state = 'sending' and attempts = $2 returning to_number, sms_message_id",
                        )
                        .bind(outbox_id)
                        .bind(attempt)
                        .bind(error)
                        .bind(at)
                        .bind(state)
                        .fetch_optional(&mut *tx)
                        .await?
                    }
                };
                let Some((to_number, sms_message_id)) = ended else {
                    tx.rollback().await?;
                    return Ok(false);
                };
                match result {
                    OutboxResult::Sent { sid, status } | OutboxResult::Reconciled { sid, status } => {
                        if let Some(message_id) = sms_message_id {
                            // The provider's status, unless a later one is already known.
                            sqlx::query(
                                "update sms_message set provider_sid = $2, \
                                 status = case when status_rank <= $4 then $3 else status end, \
                                 status_rank = case when status_rank <= $4 then $4 else status_rank end, \
                                 updated_at = $5 where message_id = $1",
                            )
                            .bind(message_id)
                            .bind(sid)
                            .bind(status)
                            .bind($crate::db::outbox::delivery_status_rank(status))
                            .bind(at)
                            .execute(&mut *tx)
                            .await?;
                        }
                    }
                    OutboxResult::Retry { .. } => {}
                    OutboxResult::Failed { code, .. } => {
                        if let Some(message_id) = sms_message_id {
                            sqlx::query(
                                "update sms_message set status = 'failed', status_rank = $3, error_code = $2, updated_at = $4 \
                                 where message_id = $1",
                            )
                            .bind(message_id)
                            .bind(code)
                            .bind($crate::db::outbox::delivery_status_rank("failed"))
                            .bind(at)
                            .execute(&mut *tx)
                            .await?;
                        }
                    }
                    OutboxResult::OptedOut { by_provider, .. } => {
                        sqlx::query("update sms_conversation set opted_out_at = $2, updated_at = $2 where phone = $1 and opted_out_at is null")
                            .bind(&to_number)
                            .bind(at)
                            .execute(&mut *tx)
                            .await?;
                        if let Some(message_id) = sms_message_id {
                            // Refused by the provider: failed with its code; never sent: suppressed.
                            let (status, code) = if *by_provider {
                                ("failed", Some($crate::db::outbox::CODE_OPTED_OUT))
                            } else {
                                ("suppressed", None)
                            };
                            sqlx::query(
                                "update sms_message set status = $2, status_rank = $4, error_code = $3, updated_at = $5 \
                                 where message_id = $1",
                            )
                            .bind(message_id)
                            .bind(status)
                            .bind(code)
                            .bind($crate::db::outbox::delivery_status_rank("failed"))
                            .bind(at)
                            .execute(&mut *tx)
                            .await?;
                        }
                    }
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn release_outbox(
                &self,
                outbox_id: i64,
                attempt: i64,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<bool> {
                let n = sqlx::query(
                    "update outbox_message set state = 'pending', lease_until = null, updated_at = $3 \
                     where outbox_id = $1 and state = 'sending' and attempts = $2",
                )
                .bind(outbox_id)
                .bind(attempt)
                .bind(at)
                .execute(&self.pool)
                .await?
                .rows_affected();
                Ok(n > 0)
            }

            async fn suppress_opted_out_outbox(&self, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<u64> {
                let mut tx = self.pool.begin().await?;
                let rows: Vec<(Option<i64>,)> = sqlx::query_as(
                    "update outbox_message set state = 'opted-out', last_error = 'the recipient has opted out (STOP): not sent', \
                     updated_at = $1 where state = 'pending' and to_parent = $2 and to_number in \
                     (select phone from sms_conversation where opted_out_at is not null) returning sms_message_id",
                )
                .bind(at)
                .bind(true)
                .fetch_all(&mut *tx)
                .await?;
                for message_id in rows.iter().filter_map(|(id,)| *id) {
                    sqlx::query("update sms_message set status = 'suppressed', updated_at = $2 where message_id = $1")
                        .bind(message_id)
                        .bind(at)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(rows.len() as u64)
            }

            async fn outbox_message(&self, outbox_id: i64) -> $crate::db::StoreResult<Option<$crate::db::outbox::OutboundMessage>> {
                Ok(sqlx::query_as(concat!("select ", $crate::db::outbox::OUTBOX_COLUMNS!(), " from outbox_message where outbox_id = $1"))
                    .bind(outbox_id)
                    .fetch_optional(&self.pool)
                    .await?)
            }

            async fn outbox_by_sid(&self, provider_sid: &str) -> $crate::db::StoreResult<Option<$crate::db::outbox::OutboundMessage>> {
                Ok(sqlx::query_as(concat!("select ", $crate::db::outbox::OUTBOX_COLUMNS!(), " from outbox_message where provider_sid = $1"))
                    .bind(provider_sid)
                    .fetch_optional(&self.pool)
                    .await?)
            }

            async fn list_outbox(&self, limit: i64) -> $crate::db::StoreResult<Vec<$crate::db::outbox::OutboundMessage>> {
                Ok(sqlx::query_as(concat!(
                    "select ",
                    $crate::db::outbox::OUTBOX_COLUMNS!(),
                    " from outbox_message order by outbox_id desc limit $1"
                ))
                .bind(limit)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn record_outbox_delivery(
                &self,
                provider_sid: &str,
                status: &str,
                error_code: Option<i64>,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<bool> {
                let error = error_code.map(|code| format!("delivery status {status}: provider error code {code}"));
                let mut tx = self.pool.begin().await?;
                let row: Option<(String, Option<i64>)> = sqlx::query_as(concat!(
                    "update outbox_message set delivery_status = case when ",
                    $crate::db::outbox::DELIVERY_RANK_SQL!(),
                    " <= $3 then $2 else delivery_status end, last_error = coalesce($4, last_error), updated_at = $5 \
                     where provider_sid = $1 returning to_number, sms_message_id"
                ))
                .bind(provider_sid)
                .bind(status)
                .bind($crate::db::outbox::delivery_status_rank(status))
                .bind(error)
                .bind(at)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((to_number, sms_message_id)) = row else {
                    tx.rollback().await?;
                    return Ok(false);
                };
                if error_code == Some($crate::db::outbox::CODE_OPTED_OUT) {
                    sqlx::query("update sms_conversation set opted_out_at = $2, updated_at = $2 where phone = $1 and opted_out_at is null")
                        .bind(&to_number)
                        .bind(at)
                        .execute(&mut *tx)
                        .await?;
                    if let Some(message_id) = sms_message_id {
                        sqlx::query(
                            "update sms_message set status = 'failed', status_rank = $3, error_code = $2, updated_at = $4 \
                             where message_id = $1",
                        )
                        .bind(message_id)
                        .bind($crate::db::outbox::CODE_OPTED_OUT)
                        .bind($crate::db::outbox::delivery_status_rank("failed"))
                        .bind(at)
                        .execute(&mut *tx)
                        .await?;
                    }
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn is_opted_out(&self, phone: &str) -> $crate::db::StoreResult<bool> {
                let (n,): (i64,) = sqlx::query_as("select count(*) from sms_conversation where phone = $1 and opted_out_at is not null")
                    .bind(phone)
                    .fetch_one(&self.pool)
                    .await?;
                Ok(n > 0)
            }
        }
    };
}

pub(crate) use insert_outbox;
pub(crate) use sql_outbox_store;
pub(crate) use DELIVERY_RANK_SQL;
pub(crate) use OUTBOX_COLUMNS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_ranks_only_move_forward_and_match_the_sql() {
        let order = ["queued", "sending", "sent", "delivered", "read"];
        for pair in order.windows(2) {
            assert!(
                delivery_status_rank(pair[0]) < delivery_status_rank(pair[1]),
                "{pair:?}"
            );
        }
        assert_eq!(delivery_status_rank("accepted"), delivery_status_rank("queued"));
        assert_eq!(delivery_status_rank("undelivered"), delivery_status_rank("delivered"));
        assert_eq!(delivery_status_rank("something-new"), 0);
        // Every status with a rank above 0 is named in the SQL with the same rank.
        let sql = DELIVERY_RANK_SQL!();
        for status in [
            "sending",
            "sent",
            "delivered",
            "undelivered",
            "failed",
            "canceled",
            "partially_delivered",
            "read",
        ] {
            let clause = format!("when '{status}' then {}", delivery_status_rank(status));
            assert!(sql.contains(&clause), "{clause} missing from {sql}");
        }
    }

    #[test]
    fn claim_sql_locks_only_on_postgres() {
        assert_eq!(<sqlx::Sqlite as ClaimLock>::CLAUSE, "");
        assert_eq!(<sqlx::Postgres as ClaimLock>::CLAUSE, "for update skip locked");
    }

    #[test]
    fn debug_hides_numbers_and_bodies() {
        let msg = NewOutbound {
            to_number: "+33639980123".into(),
            body: "Mon bébé ne dort pas".into(),
            segments: 1,
            encoding: "gsm-7".into(),
            purpose: "reply".into(),
            to_parent: true,
            sms_message_id: None,
            contact_id: None,
        };
        let shown = format!("{msg:?}");
        assert!(!shown.contains("639980123") && !shown.contains("bébé"), "{shown}");
    }
}
