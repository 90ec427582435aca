//! The durable outbox worker: sends the SMS queued in `outbox_message`
//! (see [`crate::db::outbox`]) through Twilio, with retries, so that a provider
//! outage delays messages and never drops them.
//!
//! Each tick the worker claims the due rows (a lease: with PostgreSQL several
//! workers share the table), then for each row, in order:
//! 1. a message to a parent whose number is opted out is recorded `opted-out`,
//!    without any request;
//! 2. a row whose previous attempt is ambiguous (a 5xx, a lost connection or
//!    timeout, a worker that stopped mid-send) is reconciled first: Twilio's
//!    `Messages.json` has no idempotency key, so the worker lists the messages
//!    sent to that number since the day before the attempt and adopts one with
//!    the same body created after the attempt started (less a minute for
//!    clocks): the row is then `sent`, and nothing is sent twice;
//! 3. a message older than [`WorkerConfig::expire_after`] is failed "expired";
//! 4. otherwise it is sent: a 2xx → `sent`; 429/20429 → retried after an
//!    exponential backoff with jitter; 5xx, transport failure, timeout →
//!    ambiguous, retried after reconciliation; 21610 → `opted-out` (the number
//!    is marked opted out in every conversation); another 4xx → `failed`.
//!
//! Without a Twilio account or a sender configured, messages stay pending (the
//! worker says so once) and only opt-outs are applied.
//!
//! Nothing logged names a phone number or a message text: rows are named by
//! their id, errors are Twilio's with numbers masked.
//!
//! The decisions themselves are pure functions in [`policy`].

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::db::outbox::{OutboundMessage, OutboxResult};
use crate::db::Store;
use crate::http::Clock;
use crate::telephony::rest::{
    mask_numbers, ListMessages, MessageResource, RestError, SendMessage, Sender, TwilioClient,
};

pub mod policy;

pub use policy::{backoff, decide, jittered_backoff, next_step, Decision, Step};

/// Most messages one reconciliation reads (pages of [`RECONCILE_PAGE_SIZE`]).
const RECONCILE_PAGES: usize = 5;
const RECONCILE_PAGE_SIZE: u32 = 100;

/// How the worker paces itself.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// How often it looks for due messages when there is nothing to do.
    pub poll: Duration,
    /// How long a claimed row is the worker's. A row is sent only while at
    /// least half the lease remains, so the lease must exceed twice the REST
    /// client's 15 s timeout for a send never to outlive it.
    pub lease: Duration,
    /// The delay after a first failure, doubled at each further one…
    pub base_backoff: Duration,
    /// …up to this.
    pub max_backoff: Duration,
    /// How many rows one claim takes.
    pub batch: usize,
    /// A message not sent this long after it was queued is failed as expired
    /// rather than retried: a late "we call you back at 2 pm" does harm.
    pub expire_after: chrono::Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            poll: Duration::from_secs(1),
            lease: Duration::from_secs(60),
            base_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(5 * 60),
            batch: 10,
            expire_after: chrono::Duration::hours(24),
        }
    }
}

/// A running worker. [`shutdown`](Worker::shutdown) stops it after the row in
/// hand; dropping it asks it to stop the same way, without waiting.
pub struct Worker {
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl Worker {
    /// Stops the worker: the row being sent is finished and recorded, the other
    /// rows it claimed are handed back, then this returns.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            if let Err(error) = task.await {
                if error.is_panic() {
                    tracing::error!("the outbox worker had panicked");
                }
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// Starts the worker on the current tokio runtime.
///
/// `status_callback` is the absolute URL Twilio posts delivery statuses to
/// (`{public_url}/twilio/sms/status`), when a public URL is configured.
pub fn spawn(
    store: Arc<dyn Store>,
    client: Option<TwilioClient>,
    sender: Option<Sender>,
    status_callback: Option<String>,
    clock: Clock,
    config: WorkerConfig,
) -> Worker {
    let (stop, stopped) = watch::channel(false);
    let provider = match (client, sender) {
        (Some(client), Some(sender)) => Some(Provider { client, sender }),
        (client, sender) => {
            tracing::warn!(
                account = client.is_some(),
                sender = sender.is_some(),
                "outbound SMS stay pending: no Twilio account (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN) \
                 or no sender ([sms] number or messaging_service_sid) is configured"
            );
            None
        }
    };
    let worker = Run {
        store,
        provider,
        status_callback,
        clock,
        config,
        stopped,
    };
    Worker {
        stop,
        task: Some(tokio::spawn(worker.run())),
    }
}

/// Who sends, and as whom.
struct Provider {
    client: TwilioClient,
    sender: Sender,
}

struct Run {
    store: Arc<dyn Store>,
    provider: Option<Provider>,
    status_callback: Option<String>,
    clock: Clock,
    config: WorkerConfig,
    stopped: watch::Receiver<bool>,
}

/// How one row's turn ended, for the worker's own bookkeeping.
enum Turn {
    Done,
    /// The row was handed back unsent.
    Released,
}

impl Run {
    async fn run(mut self) {
        loop {
            if self.stopping() {
                break;
            }
            let full_batch = self.tick().await;
            if full_batch {
                // More may be due at once.
                continue;
            }
            tokio::select! {
                changed = self.stopped.changed() => if changed.is_err() { break },
                _ = tokio::time::sleep(self.config.poll) => {}
            }
        }
        tracing::debug!("outbox worker stopped");
    }

    fn stopping(&self) -> bool {
        *self.stopped.borrow()
    }

    fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// One round; true when it claimed a full batch.
    async fn tick(&mut self) -> bool {
        let now = self.now();
        if self.provider.is_none() {
            match self.store.suppress_opted_out_outbox(now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "outbox: messages to opted-out parents not sent"),
                Err(error) => tracing::warn!(error = %error, "outbox: database error"),
            }
            return false;
        }
        let lease_until = now + chrono::Duration::from_std(self.config.lease).unwrap_or(chrono::Duration::MAX);
        let limit = i64::try_from(self.config.batch.max(1)).unwrap_or(i64::MAX);
        let claimed = match self.store.claim_outbox(now, lease_until, limit).await {
            Ok(rows) => rows,
            Err(error) => {
                tracing::warn!(error = %error, "outbox: could not claim messages");
                return false;
            }
        };
        let claimed_at = Instant::now();
        let full = claimed.len() as i64 == limit;
        let mut rows = claimed.into_iter();
        while let Some(row) = rows.next() {
            // Stopping, or too little of the lease left: hand the rest back.
            if self.stopping() || claimed_at.elapsed() >= self.config.lease / 2 {
                self.release(&row).await;
                for row in rows.by_ref() {
                    self.release(&row).await;
                }
                return false;
            }
            if let Turn::Released = self.process(&row, claimed_at).await {
                for row in rows.by_ref() {
                    self.release(&row).await;
                }
                return false;
            }
        }
        full
    }

    async fn release(&self, row: &OutboundMessage) {
        if let Err(error) = self.store.release_outbox(row.outbox_id, row.attempts, self.now()).await {
            // The lease will expire and the row be claimed again, as ambiguous.
            tracing::warn!(outbox_id = row.outbox_id, error = %error, "outbox: could not hand a message back");
        }
    }

    async fn record(&self, row: &OutboundMessage, result: OutboxResult) {
        match self
            .store
            .record_outbox(row.outbox_id, row.attempts, &result, self.now())
            .await
        {
            Ok(true) => {}
            Ok(false) => tracing::warn!(
                outbox_id = row.outbox_id,
                "outbox: the lease expired before the result was recorded; another worker has the message"
            ),
            // The row stays `sending` until its lease expires, then is reconciled.
            Err(error) => {
                tracing::error!(outbox_id = row.outbox_id, error = %error, "outbox: could not record a result")
            }
        }
    }

    async fn process(&self, row: &OutboundMessage, claimed_at: Instant) -> Turn {
        let provider = self.provider.as_ref().expect("only called with a provider");
        if row.to_parent {
            match self.store.is_opted_out(&row.to_number).await {
                Ok(false) => {}
                Ok(true) => {
                    tracing::info!(outbox_id = row.outbox_id, purpose = %row.purpose, "outbox: recipient opted out, not sent");
                    let error = "the recipient has opted out (STOP): not sent".to_string();
                    self.record(
                        row,
                        OutboxResult::OptedOut {
                            by_provider: false,
                            error,
                        },
                    )
                    .await;
                    return Turn::Done;
                }
                Err(error) => {
                    tracing::warn!(outbox_id = row.outbox_id, error = %error, "outbox: database error");
                    self.release(row).await;
                    return Turn::Released;
                }
            }
        }
        if let Some(since) = row.ambiguous_since {
            match self.reconcile(provider, row, since).await {
                Ok(Some(found)) => {
                    tracing::info!(
                        outbox_id = row.outbox_id,
                        sid = %found.sid,
                        "outbox: an ambiguous attempt had gone through; recorded as sent"
                    );
                    let result = OutboxResult::Reconciled {
                        sid: found.sid,
                        status: found.status,
                    };
                    self.record(row, result).await;
                    return Turn::Done;
                }
                Ok(None) => {}
                Err(Unreconciled::Store(error)) => {
                    tracing::warn!(outbox_id = row.outbox_id, error = %error, "outbox: database error");
                    self.release(row).await;
                    return Turn::Released;
                }
                Err(Unreconciled::Rest(error)) => {
                    self.reconcile_failed(row, &error).await;
                    return Turn::Done;
                }
            }
        }
        let now = self.now();
        if now >= row.created_at + self.config.expire_after {
            tracing::warn!(
                outbox_id = row.outbox_id,
                attempts = row.attempts,
                "outbox: message expired unsent"
            );
            let error = expired_error(row, self.config.expire_after);
            self.record(row, OutboxResult::Failed { error, code: None }).await;
            return Turn::Done;
        }
        if claimed_at.elapsed() >= self.config.lease / 2 {
            self.release(row).await;
            return Turn::Released;
        }
        let request = SendMessage {
            to: row.to_number.clone(),
            sender: provider.sender.clone(),
            body: row.body.clone(),
            status_callback: self.status_callback.clone(),
        };
        let started = self.now();
        match provider.client.send_message(&request).await {
            Ok(message) => {
                tracing::info!(outbox_id = row.outbox_id, sid = %message.sid, purpose = %row.purpose, "outbox: SMS sent");
                let result = OutboxResult::Sent {
                    sid: message.sid,
                    status: message.status,
                };
                self.record(row, result).await;
            }
            Err(error) => self.send_failed(row, &error, started).await,
        }
        Turn::Done
    }

    async fn send_failed(&self, row: &OutboundMessage, error: &RestError, started: DateTime<Utc>) {
        let decision = decide(error);
        let now = self.now();
        let delay = self.delay(row);
        let message = mask_numbers(&error.to_string());
        let step = next_step(decision, row.created_at, now, delay, self.config.expire_after);
        tracing::warn!(
            outbox_id = row.outbox_id,
            attempts = row.attempts,
            decision = ?decision,
            error = %message,
            "outbox: sending failed"
        );
        let result = match step {
            Step::Retry { at, ambiguous } => OutboxResult::Retry {
                next_attempt_at: at,
                error: message,
                ambiguous_since: ambiguous.then_some(started),
            },
            Step::Fail { expired: false } => OutboxResult::Failed {
                error: message,
                code: error.code(),
            },
            Step::Fail { expired: true } => OutboxResult::Failed {
                error: format!(
                    "{} (last error: {message})",
                    expired_error(row, self.config.expire_after)
                ),
                code: error.code(),
            },
            Step::OptedOut => OutboxResult::OptedOut {
                by_provider: true,
                error: message,
            },
        };
        self.record(row, result).await;
    }

    /// The list request of a reconciliation failed: retried later when that can
    /// help (the row stays ambiguous), else the row fails rather than risk a
    /// second message.
    async fn reconcile_failed(&self, row: &OutboundMessage, error: &RestError) {
        let message = format!(
            "could not check whether an ambiguous attempt went through: {}",
            mask_numbers(&error.to_string())
        );
        tracing::warn!(outbox_id = row.outbox_id, attempts = row.attempts, error = %message, "outbox: reconciliation failed");
        let result = match decide(error) {
            Decision::RetrySafe | Decision::RetryAmbiguous => OutboxResult::Retry {
                next_attempt_at: self.now()
                    + chrono::Duration::from_std(self.delay(row)).unwrap_or(chrono::Duration::MAX),
                error: message,
                ambiguous_since: None,
            },
            Decision::Fail | Decision::OptedOut => OutboxResult::Failed {
                error: message,
                code: error.code(),
            },
        };
        self.record(row, result).await;
    }

    fn delay(&self, row: &OutboundMessage) -> Duration {
        jittered_backoff(row.attempts, self.config.base_backoff, self.config.max_backoff)
    }

    /// Looks in Twilio's list for the message an ambiguous attempt may have
    /// created, not already adopted by another row; the oldest such first.
    async fn reconcile(
        &self,
        provider: &Provider,
        row: &OutboundMessage,
        since: DateTime<Utc>,
    ) -> Result<Option<MessageResource>, Unreconciled> {
        // Twilio filters by (GMT) day: from the day before, whatever the time zones.
        let query = ListMessages {
            to: Some(row.to_number.clone()),
            date_sent_after: Some((since - chrono::Duration::days(1)).date_naive()),
            page_size: Some(RECONCILE_PAGE_SIZE),
            ..Default::default()
        };
        let not_before = since - chrono::Duration::minutes(1);
        let mut candidates = Vec::new();
        let mut page = provider.client.list_messages(&query).await?;
        for read in 1.. {
            candidates.extend(
                page.messages
                    .into_iter()
                    .filter(|m| policy::same_message(m, &row.to_number, &row.body, &provider.sender, not_before)),
            );
            match page.next_page_uri {
                Some(next) if read < RECONCILE_PAGES => page = provider.client.next_message_page(&next).await?,
                _ => break,
            }
        }
        candidates.sort_by_key(policy::created);
        for candidate in candidates {
            match self.store.outbox_by_sid(&candidate.sid).await {
                Ok(None) => return Ok(Some(candidate)),
                Ok(Some(_)) => continue,
                Err(error) => return Err(Unreconciled::Store(error)),
            }
        }
        Ok(None)
    }
}

/// Why a reconciliation could not conclude.
enum Unreconciled {
    Rest(RestError),
    Store(crate::db::StoreError),
}

impl From<RestError> for Unreconciled {
    fn from(error: RestError) -> Self {
        Unreconciled::Rest(error)
    }
}

fn expired_error(row: &OutboundMessage, expire_after: chrono::Duration) -> String {
    let secs = expire_after.num_seconds();
    let age = if secs >= 2 * 3600 {
        format!("{} h", secs / 3600)
    } else if secs >= 120 {
        format!("{} min", secs / 60)
    } else {
        format!("{secs} s")
    };
    format!(
        "expired: not sent within {age} of being queued ({} attempt(s))",
        row.attempts
    )
}
