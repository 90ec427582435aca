//! Persistence of SMS conversations: one per parent number and helpline SMS
//! number, their messages in and out, the bot's state between two messages.
//!
//! An inbound message is stored first ([`MessageStore::receive_sms`], idempotent
//! by `MessageSid`), then everything the bot decided is stored in one
//! transaction ([`MessageStore::commit_sms`]) before the reply leaves: the
//! reply's row, the conversation's new state, the contact's outcome, the
//! follow-up, the alerts queued in the outbox, the timeline. A provider retry
//! finds the reply already stored and gets it again, word for word.
//!
//! A conversation's messages are grouped into contacts: a message after
//! `session_gap` of silence opens a new contact, so a question in March is
//! reviewed apart from January's.

use std::fmt;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};

use super::outbox::NewOutbound;
use super::StoreResult;
use crate::redact::Masked;

/// An inbound SMS as the provider sent it.
#[derive(Clone)]
pub struct InboundSms {
    pub provider_sid: String,
    /// The parent, E.164.
    pub phone: String,
    /// The helpline SMS number it was sent to.
    pub line_number: String,
    pub body: String,
    pub num_media: i64,
    pub at: DateTime<Utc>,
}

impl fmt::Debug for InboundSms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InboundSms")
            .field("provider_sid", &self.provider_sid)
            .field("phone", &Masked(&self.phone))
            .field("line_number", &self.line_number)
            .field("body", &format_args!("<{} chars>", self.body.chars().count()))
            .field("num_media", &self.num_media)
            .finish_non_exhaustive()
    }
}

/// The conversation an inbound message belongs to, as the bot needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub conversation_id: i64,
    pub contact_id: i64,
    pub message_id: i64,
    /// False when this `MessageSid` was already stored (a provider retry).
    pub new: bool,
    pub opted_out: bool,
    /// Topics offered as 1, 2, 3, if offered within the last hour.
    pub pending_choices: Vec<String>,
    /// Inbound messages from this number within the flood window, this one included.
    pub recent_inbound: i64,
    /// The flood notice was sent within the flood window.
    pub flood_notice_sent: bool,
}

/// How long a numbered list stays answerable by its number.
pub const CHOICES_VALID_FOR: Duration = Duration::hours(1);

/// The bot's reply to store with the decision.
#[derive(Debug, Clone)]
pub struct NewReply {
    pub body: String,
    pub segments: i64,
    pub encoding: String,
}

/// Everything that follows one inbound message, stored at once.
#[derive(Debug, Clone)]
pub struct SmsCommit {
    pub conversation_id: i64,
    pub contact_id: i64,
    pub message_id: i64,
    /// The inbound `MessageSid`: the key of the stored answer.
    pub provider_sid: String,
    /// The webhook's answer (TwiML), returned again on a retry.
    pub answer: String,
    pub reply: Option<NewReply>,
    /// The bot's reading of the message (JSON).
    pub analysis: serde_json::Value,
    /// Some(true) opts out, Some(false) back in.
    pub opt_out: Option<bool>,
    /// Some(list) replaces the pending choices; empty clears them.
    pub choices: Option<Vec<String>>,
    pub flood_notice: bool,
    /// An outcome and its rank (outcomes only move up).
    pub outcome: Option<(String, i64)>,
    /// The topic or safety category, kept as the contact's need.
    pub need: Option<String>,
    /// A follow-up: reason, urgent, due.
    pub follow_up: Option<(String, bool, DateTime<Utc>)>,
    /// Messages to queue (alerts to professionals).
    pub outbox: Vec<NewOutbound>,
    /// Timeline events: (kind, detail).
    pub events: Vec<(String, serde_json::Value)>,
    pub at: DateTime<Utc>,
}

/// A delivery status from the provider.
#[derive(Debug, Clone)]
pub struct SmsStatusUpdate {
    /// The outbound message's `MessageSid`.
    pub provider_sid: String,
    pub status: String,
    pub error_code: Option<i64>,
    /// Set for a reply given in a webhook answer: the inbound `MessageSid` it answers.
    pub reply_to: Option<String>,
    pub at: DateTime<Utc>,
}

/// A message of a conversation, for the back-office and tests.
#[derive(Clone, PartialEq, sqlx::FromRow)]
pub struct SmsMessage {
    pub message_id: i64,
    pub conversation_id: i64,
    pub contact_id: i64,
    pub direction: String,
    pub provider_sid: Option<String>,
    pub body: String,
    pub num_media: i64,
    pub segments: Option<i64>,
    pub encoding: Option<String>,
    pub author: String,
    pub status: String,
    pub error_code: Option<i64>,
    pub analysis: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl fmt::Debug for SmsMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmsMessage")
            .field("message_id", &self.message_id)
            .field("contact_id", &self.contact_id)
            .field("direction", &self.direction)
            .field("provider_sid", &self.provider_sid)
            .field("body", &format_args!("<{} chars>", self.body.chars().count()))
            .field("author", &self.author)
            .field("status", &self.status)
            .field("error_code", &self.error_code)
            .finish_non_exhaustive()
    }
}

/// A conversation's state, for the back-office and tests.
#[derive(Clone, PartialEq, sqlx::FromRow)]
pub struct SmsConversation {
    pub conversation_id: i64,
    pub phone: String,
    pub line_number: String,
    pub opted_out_at: Option<DateTime<Utc>>,
    pub contact_id: Option<i64>,
    pub last_message_at: DateTime<Utc>,
}

impl fmt::Debug for SmsConversation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmsConversation")
            .field("conversation_id", &self.conversation_id)
            .field("phone", &Masked(&self.phone))
            .field("opted_out_at", &self.opted_out_at)
            .field("contact_id", &self.contact_id)
            .finish_non_exhaustive()
    }
}

#[async_trait]
pub trait MessageStore: Send + Sync {
    /// Stores an inbound message, opening its conversation (and a new contact
    /// after `session_gap` of silence); a retried `MessageSid` is found, not stored twice.
    async fn receive_sms(
        &self,
        sms: &InboundSms,
        session_gap: Duration,
        flood_window: Duration,
    ) -> StoreResult<Received>;
    /// Stores what follows an inbound message; returns the answer actually
    /// stored, which is the first writer's when a retry raced this one.
    async fn commit_sms(&self, commit: &SmsCommit) -> StoreResult<String>;
    /// Applies a delivery status; returns whether a message was found.
    async fn record_sms_status(&self, update: &SmsStatusUpdate) -> StoreResult<bool>;
    /// The messages of a contact, oldest first.
    async fn contact_messages(&self, contact_id: i64) -> StoreResult<Vec<SmsMessage>>;
    async fn sms_conversation(&self, phone: &str, line_number: &str) -> StoreResult<Option<SmsConversation>>;
}

macro_rules! sql_messages_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::db::messages::MessageStore for $store {
            async fn receive_sms(
                &self,
                m: &$crate::db::messages::InboundSms,
                session_gap: chrono::Duration,
                flood_window: chrono::Duration,
            ) -> $crate::db::StoreResult<$crate::db::messages::Received> {
                let mut tx = self.pool.begin().await?;
                sqlx::query(
                    "insert into sms_conversation (phone, line_number, last_message_at, created_at, updated_at) values ($1, $2, $3, $3, $3) \
                     on conflict (phone, line_number) do update set updated_at = sms_conversation.updated_at",
                )
                .bind(&m.phone)
                .bind(&m.line_number)
                .bind(m.at)
                .execute(&mut *tx)
                .await?;
                let (conversation_id, current_contact, last_at): (i64, Option<i64>, chrono::DateTime<chrono::Utc>) = sqlx::query_as(
                    "select conversation_id, contact_id, last_message_at from sms_conversation where phone = $1 and line_number = $2",
                )
                .bind(&m.phone)
                .bind(&m.line_number)
                .fetch_one(&mut *tx)
                .await?;
                let existing: Option<(i64, i64)> = sqlx::query_as("select message_id, contact_id from sms_message where provider_sid = $1")
                    .bind(&m.provider_sid)
                    .fetch_optional(&mut *tx)
                    .await?;
                let (message_id, contact_id, new) = match existing {
                    Some((message_id, contact_id)) => (message_id, contact_id, false),
                    None => {
                        let contact_id = match current_contact {
                            Some(id) if m.at - last_at < session_gap => id,
                            _ => {
                                let (id,): (i64,) = sqlx::query_as(
                                    "insert into contact (channel, line_number, caller_number, started_at, created_at) values ('sms', $1, $2, $3, $3) returning contact_id",
                                )
                                .bind(&m.line_number)
                                .bind(&m.phone)
                                .bind(m.at)
                                .fetch_one(&mut *tx)
                                .await?;
                                id
                            }
                        };
                        let (message_id,): (i64,) = sqlx::query_as(
                            "insert into sms_message (conversation_id, contact_id, direction, provider_sid, body, num_media, author, status, created_at, updated_at) \
                             values ($1, $2, 'inbound', $3, $4, $5, 'parent', 'received', $6, $6) returning message_id",
                        )
                        .bind(conversation_id)
                        .bind(contact_id)
                        .bind(&m.provider_sid)
                        .bind(&m.body)
                        .bind(m.num_media)
                        .bind(m.at)
                        .fetch_one(&mut *tx)
                        .await?;
                        sqlx::query("update sms_conversation set contact_id = $1, last_message_at = $2, updated_at = $2 where conversation_id = $3")
                            .bind(contact_id)
                            .bind(m.at)
                            .bind(conversation_id)
                            .execute(&mut *tx)
                            .await?;
                        sqlx::query("update contact set ended_at = $1 where contact_id = $2")
                            .bind(m.at)
                            .bind(contact_id)
                            .execute(&mut *tx)
                            .await?;
                        sqlx::query(
                            "insert into contact_event (contact_id, at, kind, node, detail, dedupe_key) values ($1, $2, 'sms-in', null, $3, $4) on conflict (dedupe_key) do nothing",
                        )
                        .bind(contact_id)
                        .bind(m.at)
                        .bind(serde_json::json!({ "message_id": message_id, "num_media": m.num_media }).to_string())
                        .bind(format!("sms-in:{}", m.provider_sid))
                        .execute(&mut *tx)
                        .await?;
                        (message_id, contact_id, true)
                    }
                };
                tx.commit().await?;

                let (opted_out_at, choices, offered_at, notice_at): (
                    Option<chrono::DateTime<chrono::Utc>>,
                    Option<String>,
                    Option<chrono::DateTime<chrono::Utc>>,
                    Option<chrono::DateTime<chrono::Utc>>,
                ) = sqlx::query_as(
                    "select opted_out_at, pending_choices, choices_offered_at, flood_notice_at from sms_conversation where conversation_id = $1",
                )
                .bind(conversation_id)
                .fetch_one(&self.pool)
                .await?;
                let window_start = m.at - flood_window;
                let (recent_inbound,): (i64,) = sqlx::query_as(
                    "select count(*) from sms_message where conversation_id = $1 and direction = 'inbound' and created_at > $2 and created_at <= $3",
                )
                .bind(conversation_id)
                .bind(window_start)
                .bind(m.at)
                .fetch_one(&self.pool)
                .await?;
                let pending_choices = match (choices, offered_at) {
                    (Some(json), Some(at)) if m.at - at < $crate::db::messages::CHOICES_VALID_FOR => {
                        serde_json::from_str(&json).map_err(|e| $crate::db::StoreError::Corrupt(format!("pending choices: {e}")))?
                    }
                    _ => Vec::new(),
                };
                Ok($crate::db::messages::Received {
                    conversation_id,
                    contact_id,
                    message_id,
                    new,
                    opted_out: opted_out_at.is_some(),
                    pending_choices,
                    recent_inbound,
                    flood_notice_sent: notice_at.is_some_and(|at| at > window_start),
                })
            }

            async fn commit_sms(&self, c: &$crate::db::messages::SmsCommit) -> $crate::db::StoreResult<String> {
                let key = format!("sms:{}", c.provider_sid);
                let mut tx = self.pool.begin().await?;
                let claimed = sqlx::query("insert into webhook_reply (reply_key, body, created_at) values ($1, $2, $3) on conflict (reply_key) do nothing")
                    .bind(&key)
                    .bind(&c.answer)
                    .bind(c.at)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if claimed == 0 {
                    tx.rollback().await?;
                    return $crate::db::Store::stored_reply(self, std::slice::from_ref(&key)).await?.ok_or($crate::db::StoreError::NotFound);
                }
                sqlx::query("update sms_message set analysis = $1, updated_at = $2 where message_id = $3")
                    .bind(c.analysis.to_string())
                    .bind(c.at)
                    .bind(c.message_id)
                    .execute(&mut *tx)
                    .await?;
                if let Some(r) = &c.reply {
                    let (reply_id,): (i64,) = sqlx::query_as(
                        "insert into sms_message (conversation_id, contact_id, direction, reply_to, body, segments, encoding, author, status, created_at, updated_at) \
                         values ($1, $2, 'outbound', $3, $4, $5, $6, 'bot', 'queued', $7, $7) returning message_id",
                    )
                    .bind(c.conversation_id)
                    .bind(c.contact_id)
                    .bind(&c.provider_sid)
                    .bind(&r.body)
                    .bind(r.segments)
                    .bind(&r.encoding)
                    .bind(c.at)
                    .fetch_one(&mut *tx)
                    .await?;
                    sqlx::query("insert into contact_event (contact_id, at, kind, node, detail, dedupe_key) values ($1, $2, 'sms-out', null, $3, null)")
                        .bind(c.contact_id)
                        .bind(c.at)
                        .bind(serde_json::json!({ "message_id": reply_id, "author": "bot", "segments": r.segments, "encoding": r.encoding }).to_string())
                        .execute(&mut *tx)
                        .await?;
                }
                match c.opt_out {
                    Some(true) => {
                        sqlx::query("update sms_conversation set opted_out_at = $1 where conversation_id = $2 and opted_out_at is null")
                            .bind(c.at)
                            .bind(c.conversation_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    Some(false) => {
                        // START lifts the opt-out on every line: it is the person's choice, not the line's.
                        sqlx::query("update sms_conversation set opted_out_at = null where phone = (select phone from sms_conversation where conversation_id = $1)")
                            .bind(c.conversation_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    None => {}
                }
                if let Some(choices) = &c.choices {
                    let (json, at) = if choices.is_empty() {
                        (None, None)
                    } else {
                        (Some(serde_json::to_string(choices).expect("a list of ids serialises")), Some(c.at))
                    };
                    sqlx::query("update sms_conversation set pending_choices = $1, choices_offered_at = $2 where conversation_id = $3")
                        .bind(json)
                        .bind(at)
                        .bind(c.conversation_id)
                        .execute(&mut *tx)
                        .await?;
                }
                if c.flood_notice {
                    sqlx::query("update sms_conversation set flood_notice_at = $1 where conversation_id = $2")
                        .bind(c.at)
                        .bind(c.conversation_id)
                        .execute(&mut *tx)
                        .await?;
                }
                sqlx::query("update sms_conversation set updated_at = $1 where conversation_id = $2")
                    .bind(c.at)
                    .bind(c.conversation_id)
                    .execute(&mut *tx)
                    .await?;
                if let Some((outcome, rank)) = &c.outcome {
                    sqlx::query("update contact set outcome = $1, outcome_rank = $2 where contact_id = $3 and (outcome is null or outcome_rank < $2)")
                        .bind(outcome)
                        .bind(rank)
                        .bind(c.contact_id)
                        .execute(&mut *tx)
                        .await?;
                }
                if let Some(need) = &c.need {
                    sqlx::query("update contact set need = $1 where contact_id = $2")
                        .bind(need)
                        .bind(c.contact_id)
                        .execute(&mut *tx)
                        .await?;
                }
                if let Some((reason, urgent, due_at)) = &c.follow_up {
                    // One follow-up per contact: a new reason reopens a closed one, an urgent
                    // one stays urgent, and the earliest due date wins.
                    sqlx::query(
                        "insert into follow_up (contact_id, reason, need, state, due_at, attempts, created_at, updated_at, urgent) \
                         select contact_id, $2, need, 'new', $3, 0, $4, $4, $5 from contact where contact_id = $1 \
                         on conflict (contact_id) do update set \
                           reason = case when follow_up.urgent and not excluded.urgent and follow_up.state <> 'closed' then follow_up.reason else excluded.reason end, \
                           need = coalesce(excluded.need, follow_up.need), \
                           urgent = (follow_up.urgent and follow_up.state <> 'closed') or excluded.urgent, \
                           due_at = case when follow_up.state = 'closed' or excluded.due_at < follow_up.due_at then excluded.due_at else follow_up.due_at end, \
                           state = case when follow_up.state = 'closed' then 'new' else follow_up.state end, \
                           outcome = case when follow_up.state = 'closed' then null else follow_up.outcome end, \
                           updated_at = excluded.updated_at",
                    )
                    .bind(c.contact_id)
                    .bind(reason)
                    .bind(due_at)
                    .bind(c.at)
                    .bind(*urgent)
                    .execute(&mut *tx)
                    .await?;
                }
                for o in &c.outbox {
                    $crate::db::outbox::insert_outbox!(&mut *tx, o, c.at);
                }
                for (kind, detail) in &c.events {
                    sqlx::query("insert into contact_event (contact_id, at, kind, node, detail, dedupe_key) values ($1, $2, $3, null, $4, null)")
                        .bind(c.contact_id)
                        .bind(c.at)
                        .bind(kind)
                        .bind(detail.to_string())
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(c.answer.clone())
            }

            async fn record_sms_status(&self, u: &$crate::db::messages::SmsStatusUpdate) -> $crate::db::StoreResult<bool> {
                let rank = $crate::db::outbox::delivery_status_rank(&u.status);
                let mut tx = self.pool.begin().await?;
                if let Some(reply_to) = &u.reply_to {
                    // A reply given in a webhook answer learns its own sid from its first callback.
                    sqlx::query("update sms_message set provider_sid = $1 where reply_to = $2 and direction = 'outbound' and provider_sid is null")
                        .bind(&u.provider_sid)
                        .bind(reply_to)
                        .execute(&mut *tx)
                        .await?;
                }
                let found: Option<(i64, i64, i64)> = sqlx::query_as(
                    "select message_id, conversation_id, contact_id from sms_message where provider_sid = $1 and direction = 'outbound'",
                )
                .bind(&u.provider_sid)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some((message_id, conversation_id, contact_id)) = found {
                    sqlx::query(
                        "update sms_message set status = $1, status_rank = $2, error_code = coalesce($3, error_code), updated_at = $4 where message_id = $5 and status_rank <= $2",
                    )
                    .bind(&u.status)
                    .bind(rank)
                    .bind(u.error_code)
                    .bind(u.at)
                    .bind(message_id)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "insert into contact_event (contact_id, at, kind, node, detail, dedupe_key) values ($1, $2, 'sms-status', null, $3, $4) on conflict (dedupe_key) do nothing",
                    )
                    .bind(contact_id)
                    .bind(u.at)
                    .bind(serde_json::json!({ "message_id": message_id, "status": u.status, "error_code": u.error_code }).to_string())
                    .bind(format!("sms-status:{}:{}", u.provider_sid, u.status))
                    .execute(&mut *tx)
                    .await?;
                    if u.error_code == Some(21610) {
                        sqlx::query("update sms_conversation set opted_out_at = $1 where phone = (select phone from sms_conversation where conversation_id = $2) and opted_out_at is null")
                            .bind(u.at)
                            .bind(conversation_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                tx.commit().await?;
                Ok(found.is_some())
            }

            async fn contact_messages(&self, contact_id: i64) -> $crate::db::StoreResult<Vec<$crate::db::messages::SmsMessage>> {
                Ok(sqlx::query_as(
                    "select message_id, conversation_id, contact_id, direction, provider_sid, body, num_media, segments, encoding, author, status, error_code, analysis, created_at \
                     from sms_message where contact_id = $1 order by message_id",
                )
                .bind(contact_id)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn sms_conversation(&self, phone: &str, line_number: &str) -> $crate::db::StoreResult<Option<$crate::db::messages::SmsConversation>> {
                Ok(sqlx::query_as(
                    "select conversation_id, phone, line_number, opted_out_at, contact_id, last_message_at from sms_conversation where phone = $1 and line_number = $2",
                )
                .bind(phone)
                .bind(line_number)
                .fetch_optional(&self.pool)
                .await?)
            }
        }
    };
}
pub(crate) use sql_messages_store;
