//! Persistence of the back-office's work on contacts: notes, changes to a
//! follow-up (state, outcome, assignment, due date), and who handled a contact.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::contacts::follow_ups::Change;

/// A note on a contact, with its author's name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Note {
    pub note_id: i64,
    pub author: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A parent's message the bot could not answer from one topic.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Unanswered {
    pub contact_id: i64,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// The bot's reading (JSON): not understood, or alternatives offered.
    pub analysis: Option<String>,
}

/// What became of a professional's SMS to a parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffSms {
    /// On the thread and in the outbox: the worker sends it.
    Queued,
    /// The parent sent STOP: nothing is pushed to them.
    OptedOut,
    /// The contact has no SMS conversation (a call): call the parent back instead.
    NoConversation,
}

#[async_trait]
pub trait ReviewStore: Send + Sync {
    /// A professional writes to the parent of an SMS contact: the message joins
    /// the thread, goes to the outbox and a line on the timeline says who wrote
    /// (not what), in one transaction.
    async fn staff_sms(
        &self,
        contact_id: i64,
        user_id: i64,
        body: &str,
        count: crate::sms::encoding::SegmentCount,
        at: DateTime<Utc>,
    ) -> StoreResult<StaffSms>;
    /// Adds a note; a line on the timeline says a note was written (not what).
    async fn add_note(&self, contact_id: i64, user_id: i64, body: &str, at: DateTime<Utc>) -> StoreResult<Note>;
    /// The latest messages the bot did not understand or answered with a choice of topics.
    async fn unanswered_questions(&self, since: DateTime<Utc>, limit: i64) -> StoreResult<Vec<Unanswered>>;
    /// Oldest first.
    async fn notes(&self, contact_id: i64) -> StoreResult<Vec<Note>>;
    /// Applies a change and puts it on the contact's timeline; `NotFound` without the follow-up.
    async fn change_follow_up(
        &self,
        follow_up_id: i64,
        change: &Change,
        user_id: i64,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Whether a professional took a call of this contact, called the parent
    /// back, or has its follow-up assigned.
    async fn staff_handled(&self, staff_id: i64, contact_id: i64) -> StoreResult<bool>;
}

/// Implements `ReviewStore` for a struct with a `pool` field of a sqlx pool type.
macro_rules! sql_review_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::db::review::ReviewStore for $store {
            async fn add_note(
                &self,
                contact_id: i64,
                user_id: i64,
                body: &str,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<$crate::db::review::Note> {
                let mut tx = self.pool.begin().await?;
                let (note_id,): (i64,) = sqlx::query_as(
                    "insert into contact_note (contact_id, user_id, body, created_at) values ($1, $2, $3, $4) returning note_id",
                )
                .bind(contact_id)
                .bind(user_id)
                .bind(body)
                .bind(at)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query("insert into contact_event (contact_id, at, kind, node, detail) values ($1, $2, 'note-added', null, $3)")
                    .bind(contact_id)
                    .bind(at)
                    .bind(serde_json::json!({ "note": note_id, "user": user_id }).to_string())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                let note: $crate::db::review::Note = sqlx::query_as(
                    "select n.note_id, u.display_name as author, n.body, n.created_at from contact_note n \
                     join app_user u on u.user_id = n.user_id where n.note_id = $1",
                )
                .bind(note_id)
                .fetch_one(&self.pool)
                .await?;
                Ok(note)
            }

            async fn staff_sms(
                &self,
                contact_id: i64,
                user_id: i64,
                body: &str,
                count: $crate::sms::encoding::SegmentCount,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<$crate::db::review::StaffSms> {
                use $crate::db::review::StaffSms;
                let mut tx = self.pool.begin().await?;
                let conversation: Option<(i64, String, Option<chrono::DateTime<chrono::Utc>>)> = sqlx::query_as(
                    "select c.conversation_id, c.phone, c.opted_out_at from sms_conversation c where c.conversation_id = \
                     (select conversation_id from sms_message where contact_id = $1 order by message_id limit 1)",
                )
                .bind(contact_id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((conversation_id, phone, opted_out_at)) = conversation else {
                    return Ok(StaffSms::NoConversation);
                };
                if opted_out_at.is_some() {
                    return Ok(StaffSms::OptedOut);
                }
                let (segments, encoding) = (count.segments as i64, count.encoding.as_str());
                let (message_id,): (i64,) = sqlx::query_as(
                    "insert into sms_message (conversation_id, contact_id, direction, body, segments, encoding, author, status, created_at, updated_at) \
                     values ($1, $2, 'outbound', $3, $4, $5, 'staff', 'queued', $6, $6) returning message_id",
                )
                .bind(conversation_id)
                .bind(contact_id)
                .bind(body)
                .bind(segments)
                .bind(encoding)
                .bind(at)
                .fetch_one(&mut *tx)
                .await?;
                let reply = $crate::db::outbox::NewOutbound {
                    to_number: phone,
                    body: body.to_owned(),
                    segments,
                    encoding: encoding.to_owned(),
                    purpose: "reply".into(),
                    to_parent: true,
                    sms_message_id: Some(message_id),
                    contact_id: Some(contact_id),
                };
                $crate::db::outbox::insert_outbox!(&mut *tx, &reply, at);
                sqlx::query("insert into contact_event (contact_id, at, kind, node, detail) values ($1, $2, 'staff-sms', null, $3)")
                    .bind(contact_id)
                    .bind(at)
                    .bind(serde_json::json!({ "message": message_id, "user": user_id, "segments": segments }).to_string())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(StaffSms::Queued)
            }

            async fn unanswered_questions(
                &self,
                since: chrono::DateTime<chrono::Utc>,
                limit: i64,
            ) -> $crate::db::StoreResult<Vec<$crate::db::review::Unanswered>> {
                Ok(sqlx::query_as(
                    "select contact_id, body, created_at, analysis from sms_message \
                     where direction = 'inbound' and created_at >= $1 \
                     and (analysis like '%\"kind\":\"not-understood\"%' or analysis like '%\"kind\":\"alternatives\"%') \
                     order by message_id desc limit $2",
                )
                .bind(since)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn notes(&self, contact_id: i64) -> $crate::db::StoreResult<Vec<$crate::db::review::Note>> {
                Ok(sqlx::query_as(
                    "select n.note_id, u.display_name as author, n.body, n.created_at from contact_note n \
                     join app_user u on u.user_id = n.user_id where n.contact_id = $1 order by n.note_id",
                )
                .bind(contact_id)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn change_follow_up(
                &self,
                follow_up_id: i64,
                change: &$crate::contacts::follow_ups::Change,
                user_id: i64,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                let contact: Option<(i64,)> = sqlx::query_as(
                    "update follow_up set state = $1, outcome = $2, assigned_staff_id = $3, due_at = $4, updated_at = $5 \
                     where follow_up_id = $6 returning contact_id",
                )
                .bind(&change.state)
                .bind(&change.outcome)
                .bind(change.assigned_staff_id)
                .bind(change.due_at)
                .bind(at)
                .bind(follow_up_id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((contact_id,)) = contact else {
                    return Err($crate::db::StoreError::NotFound);
                };
                if let Some(staff_id) = change.assigned_staff_id {
                    sqlx::query($crate::db::sql::CONTACT_STAFF_INSERT!())
                        .bind(contact_id)
                        .bind(staff_id)
                        .execute(&mut *tx)
                        .await?;
                }
                let detail = serde_json::json!({
                    "follow_up": follow_up_id,
                    "state": change.state,
                    "outcome": change.outcome,
                    "assigned_staff_id": change.assigned_staff_id,
                    "due_at": change.due_at,
                    "user": user_id,
                });
                sqlx::query("insert into contact_event (contact_id, at, kind, node, detail) values ($1, $2, 'follow-up-changed', null, $3)")
                    .bind(contact_id)
                    .bind(at)
                    .bind(detail.to_string())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn staff_handled(&self, staff_id: i64, contact_id: i64) -> $crate::db::StoreResult<bool> {
                let (n,): (i64,) = sqlx::query_as("select count(*) from contact_staff where contact_id = $1 and staff_id = $2")
                    .bind(contact_id)
                    .bind(staff_id)
                    .fetch_one(&self.pool)
                    .await?;
                Ok(n > 0)
            }
        }
    };
}
pub(crate) use sql_review_store;
