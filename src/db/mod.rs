//! Persistence: the [`Store`] trait and its SQLite and PostgreSQL implementations.
//!
//! Layout:
//! - this file: the trait, in domain terms, and the records it reads and writes;
//! - [`sql`]: the SQL shared by both backends, expanded once per backend by a
//!   macro (sqlx's query macros cannot check two databases in one crate, so the
//!   contract test suite `tests/store_contract.rs` is what holds both to account);
//! - [`sqlite`] (the embedded default, WAL) and [`postgres`] (several instances):
//!   connection set-up and migrations, `migrations/sqlite` and `migrations/postgres`,
//!   which keep the same versions.
//!
//! Handlers hold an `Arc<dyn Store>` and never see which database is behind it.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::config::DatabaseUrl;
use crate::ivr::engine::Position;

pub mod callbacks;
pub mod figures;
pub mod messages;
pub mod outbox;
pub mod postgres;
pub mod review;
pub mod roster;
pub mod search;
mod sql;
pub mod sqlite;
pub mod users;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("corrupt stored value: {0}")]
    Corrupt(String),
    #[error("still in use: {0}")]
    InUse(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A call seen for the first time.
#[derive(Debug, Clone)]
pub struct NewCall {
    pub call_sid: String,
    pub line_number: Option<String>,
    /// None when withheld.
    pub caller_number: Option<String>,
    pub script: String,
    pub status: String,
    pub at: DateTime<Utc>,
}

/// A call as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRecord {
    pub call_sid: String,
    pub contact_id: i64,
    pub script: String,
    pub position: Position,
    pub step: i64,
    pub status: String,
    pub caller_number: Option<String>,
    pub line_number: Option<String>,
}

/// A timeline event to store.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub at: DateTime<Utc>,
    pub kind: String,
    pub node: Option<String>,
    pub detail: serde_json::Value,
    /// Set when a retried callback could bring the same event twice.
    pub dedupe_key: Option<String>,
}

/// An outcome to record, if it ranks above the one already stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeUpdate {
    pub outcome: String,
    pub rank: i64,
    pub detail: Option<String>,
}

/// One answered webhook step, stored atomically.
#[derive(Debug, Clone)]
pub struct StepCommit {
    pub call_sid: String,
    pub contact_id: i64,
    /// The first key is the step's own (`step:<CallSid>:<n>`); others (the
    /// provider's idempotency token) point to the same answer.
    pub reply_keys: Vec<String>,
    pub reply: String,
    pub step: i64,
    pub position: Position,
    pub events: Vec<NewEvent>,
    pub outcome: Option<OutcomeUpdate>,
    pub need: Option<String>,
    pub at: DateTime<Utc>,
    /// Professionals rung by this step.
    pub attempts: Vec<NewAttempt>,
    /// Attempts that ended: (attempt number, outcome).
    pub attempt_ends: Vec<(i64, String)>,
    /// A follow-up this step calls for (created once per contact; a later
    /// reason replaces an earlier one while it is open).
    pub follow_up: Option<NewFollowUp>,
}

/// A professional rung for a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttempt {
    pub seq: i64,
    pub node: String,
    pub role: String,
    pub staff_id: i64,
    pub staff_name: String,
    pub strategy: String,
    pub ring_secs: i64,
    pub whisper: String,
}

/// A transfer attempt as stored.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Attempt {
    pub contact_id: i64,
    pub call_sid: String,
    pub seq: i64,
    pub node: String,
    pub role: String,
    pub staff_id: Option<i64>,
    pub staff_name: String,
    pub strategy: String,
    pub ring_secs: i64,
    pub whisper: String,
    pub leg_sid: Option<String>,
    pub started_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub outcome: String,
    pub screen: Option<String>,
}

/// Why someone must call a parent back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFollowUp {
    /// missed | abandoned | callback-requested | message-left | safety
    pub reason: String,
    pub due_at: DateTime<Utc>,
}

/// A follow-up as stored.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, serde::Serialize)]
pub struct FollowUp {
    pub follow_up_id: i64,
    pub contact_id: i64,
    pub reason: String,
    pub need: Option<String>,
    pub state: String,
    pub outcome: Option<String>,
    pub due_at: DateTime<Utc>,
    pub attempts: i64,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub last_attempt_outcome: Option<String>,
    pub created_at: DateTime<Utc>,
    /// A safety message: before everything else.
    pub urgent: bool,
    /// The professional who takes care of it; None: anyone on duty.
    pub assigned_staff_id: Option<i64>,
}

/// A call status callback.
#[derive(Debug, Clone)]
pub struct CallStatusUpdate {
    pub call_sid: String,
    pub status: String,
    pub duration_secs: Option<i64>,
    pub at: DateTime<Utc>,
    /// Where the caller was, recorded as the place of abandonment if the call
    /// ends without any other outcome.
    pub abandoned_at: Option<String>,
    /// When a call ending abandoned or missed, with a caller number, must have
    /// been called back.
    pub follow_up_due_at: DateTime<Utc>,
}

/// A recording callback (from `<Record>`'s action or its status callback).
#[derive(Debug, Clone)]
pub struct RecordingUpdate {
    pub recording_sid: String,
    pub call_sid: String,
    pub url: Option<String>,
    pub duration_secs: Option<i64>,
    pub status: String,
    pub at: DateTime<Utc>,
}

/// A contact, as the back-office and the tests see it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Contact {
    pub contact_id: i64,
    pub channel: String,
    pub line_number: Option<String>,
    pub caller_number: Option<String>,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub outcome: Option<String>,
    pub outcome_detail: Option<String>,
    pub need: Option<String>,
    pub status: Option<String>,
    pub duration_secs: Option<i64>,
}

/// A line of a contact's timeline.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct TimelineEntry {
    pub event_id: i64,
    pub at: DateTime<Utc>,
    pub kind: String,
    pub node: Option<String>,
    pub detail: String,
}

/// A recording of a contact.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Recording {
    pub recording_sid: String,
    pub url: Option<String>,
    pub duration_secs: Option<i64>,
    pub status: String,
}

/// The rank of a provider call status: statuses only move forward.
pub fn call_status_rank(status: &str) -> i64 {
    match status {
        "queued" | "initiated" => 0,
        "ringing" => 1,
        "in-progress" | "answered" => 2,
        "completed" | "busy" | "failed" | "no-answer" | "canceled" => 3,
        _ => 0,
    }
}

pub fn is_final_status(status: &str) -> bool {
    call_status_rank(status) == 3
}

#[async_trait]
pub trait Store:
    roster::RosterStore
    + callbacks::CallbackStore
    + messages::MessageStore
    + outbox::OutboxStore
    + users::UserStore
    + review::ReviewStore
    + search::SearchStore
    + figures::FiguresStore
    + Send
    + Sync
{
    /// Succeeds when the database answers.
    async fn ping(&self) -> StoreResult<()>;
    /// The answer already given under any of `keys`, if one was.
    async fn stored_reply(&self, keys: &[String]) -> StoreResult<Option<String>>;
    /// The call, created with its contact when it is new.
    async fn open_call(&self, call: &NewCall) -> StoreResult<CallRecord>;
    async fn find_call(&self, call_sid: &str) -> StoreResult<Option<CallRecord>>;
    /// Stores an answered step; returns the answer actually stored, which is the
    /// first writer's when a retry raced this one.
    async fn commit_step(&self, commit: &StepCommit) -> StoreResult<String>;
    /// Applies a status callback; an older status never overwrites a newer one.
    async fn record_call_status(&self, update: &CallStatusUpdate) -> StoreResult<()>;
    async fn record_recording(&self, update: &RecordingUpdate) -> StoreResult<()>;
    async fn contact(&self, contact_id: i64) -> StoreResult<Option<Contact>>;
    async fn contact_for_call(&self, call_sid: &str) -> StoreResult<Option<Contact>>;
    async fn timeline(&self, contact_id: i64) -> StoreResult<Vec<TimelineEntry>>;
    async fn recordings(&self, contact_id: i64) -> StoreResult<Vec<Recording>>;
    /// Most recent contacts first.
    async fn recent_contacts(&self, limit: i64) -> StoreResult<Vec<Contact>>;
    /// Contacts started within `[from, to)`, most recent first.
    async fn contacts_started_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<Contact>>;

    async fn attempt(&self, call_sid: &str, seq: i64) -> StoreResult<Option<Attempt>>;
    async fn attempts(&self, contact_id: i64) -> StoreResult<Vec<Attempt>>;
    /// The attempts of one call, by number.
    async fn call_attempts(&self, call_sid: &str) -> StoreResult<Vec<Attempt>>;
    /// Claims the placing of an attempt's leg through the provider's API: only
    /// one webhook handler (or instance) places it.
    async fn claim_attempt_leg(&self, call_sid: &str, seq: i64) -> StoreResult<bool>;
    /// The leg placed for an attempt, or None when placing it failed (the
    /// attempt then ends as failed).
    async fn set_attempt_leg(
        &self,
        call_sid: &str,
        seq: i64,
        leg_sid: Option<&str>,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Notes the professional's leg and when it picked up (the first time only).
    async fn attempt_answered(&self, call_sid: &str, seq: i64, leg_sid: &str, at: DateTime<Utc>) -> StoreResult<()>;
    /// Records the screening verdict if the attempt is still ringing and has
    /// none; an acceptance also needs no other attempt of the call accepted.
    /// Returns whether it was recorded: a late or second acceptance is not.
    async fn screen_attempt(&self, call_sid: &str, seq: i64, screen: &str) -> StoreResult<bool>;
    /// A status callback of a professional's leg, on the timeline once per status.
    async fn record_leg_status(
        &self,
        call_sid: &str,
        seq: i64,
        status: &str,
        duration_secs: Option<i64>,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    async fn follow_up_for_contact(&self, contact_id: i64) -> StoreResult<Option<FollowUp>>;
    /// Open follow-ups: urgent (safety) ones first, then the most overdue.
    async fn open_follow_ups(&self, limit: i64) -> StoreResult<Vec<FollowUp>>;
}

/// Connects to the database named by `url` and brings its schema up to date.
pub async fn connect(url: &DatabaseUrl) -> StoreResult<Arc<dyn Store>> {
    if url.is_postgres() {
        let store = postgres::PgStore::connect(url.expose()).await?;
        store.migrate().await?;
        Ok(Arc::new(store))
    } else {
        let store = sqlite::SqliteStore::connect(url.expose()).await?;
        store.migrate().await?;
        Ok(Arc::new(store))
    }
}

#[cfg(test)]
mod tests {
    /// Both backends must keep the same migration versions, or a deployment that
    /// moves from SQLite to PostgreSQL would find a different schema.
    #[test]
    fn migration_folders_have_the_same_versions() {
        let versions = |dir: &str| {
            let mut v: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        let root = env!("CARGO_MANIFEST_DIR");
        assert_eq!(
            versions(&format!("{root}/migrations/sqlite")),
            versions(&format!("{root}/migrations/postgres"))
        );
    }
}
