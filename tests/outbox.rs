//! The durable outbox against the local fake of Twilio's API, on SQLite always
//! and on PostgreSQL when `NUMEROVERT_TEST_POSTGRES_URL` is set: every message
//! is sent exactly once, whatever the provider answers, and a provider outage
//! across a restart of the service delays messages without dropping them.
//!
//! Waits have a generous deadline so a regression fails instead of hanging;
//! nothing asserts on elapsed time. "Never retried" is shown by a later
//! message being sent: the worker went past the row without asking again.

#[path = "support/fake_twilio.rs"]
mod fake_twilio;
#[path = "support/postgres.rs"]
mod postgres;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use fake_twilio::{spec, FakeTwilio, RecordedRequest, CREATE_MESSAGE, LIST_MESSAGE};
use numerovert::config::DatabaseUrl;
use numerovert::db::outbox::{NewOutbound, OutboundMessage, OutboxResult};
use numerovert::db::postgres::PgStore;
use numerovert::db::sqlite::SqliteStore;
use numerovert::db::Store;
use numerovert::http::Clock;
use numerovert::outbox::{self, Worker, WorkerConfig};
use numerovert::telephony::rest::{SendMessage, Sender, TwilioClient};

const LINE: &str = "+33199001234";
const SERVICE: &str = "MG0123456789abcdef0123456789abcdef";
const STATUS_CALLBACK: &str = "https://helpline.example.org/twilio/sms/status";
/// Parents' numbers, in the range ARCEP reserves for fiction.
const PARENT: &str = "+33639980123";
const OTHER_PARENT: &str = "+33639980124";
const STAFF: &str = "+33639980001";

// ---------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------

/// Direct access to the database, for what other parts of the service write
/// (conversations, their messages) and for reading them back.
#[derive(Clone)]
enum Raw {
    Sqlite(sqlx::SqlitePool),
    Pg(sqlx::PgPool),
}

struct Db {
    name: &'static str,
    url: String,
    store: Arc<dyn Store>,
    raw: Raw,
    _dir: tempfile::TempDir,
}

impl Db {
    /// A new connection to the same database: the service after a restart.
    async fn reopen(&self) -> Arc<dyn Store> {
        open(&self.url).await.0
    }
}

async fn open(url: &str) -> (Arc<dyn Store>, Raw) {
    if DatabaseUrl::new(url.to_string()).is_postgres() {
        let store = PgStore::connect(url).await.unwrap();
        store.migrate().await.unwrap();
        let raw = Raw::Pg(store.pool().clone());
        (Arc::new(store), raw)
    } else {
        let store = SqliteStore::connect(url).await.unwrap();
        store.migrate().await.unwrap();
        let raw = Raw::Sqlite(store.pool().clone());
        (Arc::new(store), raw)
    }
}

/// A SQLite file always, and a new PostgreSQL database when configured.
async fn databases() -> Vec<Db> {
    let mut out = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("outbox.db").display());
    let (store, raw) = open(&url).await;
    out.push(Db {
        name: "sqlite",
        url,
        store,
        raw,
        _dir: dir,
    });
    if let Some(admin) = postgres::admin_url("the PostgreSQL outbox tests are") {
        let url = postgres::fresh_database(&admin).await;
        let (store, raw) = open(&url).await;
        out.push(Db {
            name: "postgres",
            url,
            store,
            raw,
            _dir: tempfile::tempdir().unwrap(),
        });
    }
    out
}

/// Runs a statement on either database, binding the same values.
macro_rules! raw_execute {
    ($raw:expr, $sql:expr $(, $bind:expr)* $(,)?) => {
        match $raw {
            Raw::Sqlite(pool) => {
                sqlx::query($sql)$(.bind($bind))*.execute(pool).await.unwrap();
            }
            Raw::Pg(pool) => {
                sqlx::query($sql)$(.bind($bind))*.execute(pool).await.unwrap();
            }
        }
    };
}

/// Fetches one row as a tuple on either database.
macro_rules! raw_fetch {
    ($raw:expr, $ty:ty, $sql:expr $(, $bind:expr)* $(,)?) => {
        match $raw {
            Raw::Sqlite(pool) => sqlx::query_as::<_, $ty>($sql)$(.bind($bind))*.fetch_one(pool).await.unwrap(),
            Raw::Pg(pool) => sqlx::query_as::<_, $ty>($sql)$(.bind($bind))*.fetch_one(pool).await.unwrap(),
        }
    };
}

/// A parent's conversation with one outbound message waiting for the outbox,
/// as the SMS bot would write them; returns the message's id.
async fn conversation(db: &Db, phone: &str, opted_out: bool) -> i64 {
    let now = Utc::now();
    let raw = &db.raw;
    let (contact_id,): (i64,) = raw_fetch!(
        raw,
        (i64,),
        "insert into contact (channel, line_number, caller_number, started_at, created_at) \
         values ('sms', $1, $2, $3, $3) returning contact_id",
        LINE,
        phone,
        now
    );
    let opted_out_at = opted_out.then_some(now);
    let (conversation_id,): (i64,) = raw_fetch!(
        raw,
        (i64,),
        "insert into sms_conversation (phone, line_number, opted_out_at, contact_id, last_message_at, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $5, $5) returning conversation_id",
        phone,
        LINE,
        opted_out_at,
        contact_id,
        now
    );
    let (message_id,): (i64,) = raw_fetch!(
        raw,
        (i64,),
        "insert into sms_message (conversation_id, contact_id, direction, body, segments, encoding, author, status, created_at, updated_at) \
         values ($1, $2, 'outbound', 'Bonjour', 1, 'gsm-7', 'bot', 'queued', $3, $3) returning message_id",
        conversation_id,
        contact_id,
        now
    );
    message_id
}

/// The status, provider SID and error code of a conversation message.
async fn sms_message(db: &Db, message_id: i64) -> (String, Option<String>, Option<i64>) {
    raw_fetch!(
        &db.raw,
        (String, Option<String>, Option<i64>),
        "select status, provider_sid, error_code from sms_message where message_id = $1",
        message_id
    )
}

// ---------------------------------------------------------------------------
// Messages and workers
// ---------------------------------------------------------------------------

fn to_parent(to: &str, body: &str) -> NewOutbound {
    NewOutbound {
        to_number: to.into(),
        body: body.into(),
        segments: 1,
        encoding: "gsm-7".into(),
        purpose: "reply".into(),
        to_parent: true,
        sms_message_id: None,
        contact_id: None,
    }
}

fn staff_alert(to: &str, body: &str) -> NewOutbound {
    NewOutbound {
        purpose: "staff-alert".into(),
        to_parent: false,
        ..to_parent(to, body)
    }
}

async fn enqueue(db: &Db, msg: &NewOutbound) -> i64 {
    db.store.enqueue(msg, Utc::now()).await.unwrap()
}

fn fast() -> WorkerConfig {
    WorkerConfig {
        poll: Duration::from_millis(20),
        lease: Duration::from_secs(5),
        base_backoff: Duration::from_millis(20),
        max_backoff: Duration::from_millis(200),
        batch: 4,
        expire_after: chrono::Duration::hours(24),
    }
}

fn clock() -> Clock {
    Arc::new(Utc::now)
}

fn client(fake: &FakeTwilio) -> TwilioClient {
    TwilioClient::new(fake.base_url(), fake.account_sid(), fake.auth_token().into())
}

fn worker_as(store: Arc<dyn Store>, fake: &FakeTwilio, sender: Sender) -> Worker {
    outbox::spawn(
        store,
        Some(client(fake)),
        Some(sender),
        Some(STATUS_CALLBACK.into()),
        clock(),
        fast(),
    )
}

fn worker(store: Arc<dyn Store>, fake: &FakeTwilio) -> Worker {
    worker_as(store, fake, Sender::From(LINE.into()))
}

/// Waits until the row is in one of `states`, and returns it.
async fn wait_for(store: &dyn Store, id: i64, states: &[&str]) -> OutboundMessage {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let row = store.outbox_message(id).await.unwrap().expect("the row exists");
        if states.contains(&row.state.as_str()) {
            return row;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "outbox {id} never reached {states:?}: {row:?}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn wait_until_sent(store: &dyn Store, id: i64) -> OutboundMessage {
    wait_for(store, id, &["sent"]).await
}

/// Shows that the worker went on after a row it must not retry: a later
/// message to someone else gets sent.
async fn worker_moved_on(db: &Db) {
    let sentinel = enqueue(db, &staff_alert(STAFF, "sentinel")).await;
    wait_until_sent(db.store.as_ref(), sentinel).await;
}

fn sends(fake: &FakeTwilio) -> Vec<RecordedRequest> {
    fake.requests()
        .into_iter()
        .filter(|r| r.operation == Some(CREATE_MESSAGE))
        .collect()
}

fn sends_to(fake: &FakeTwilio, to: &str) -> Vec<RecordedRequest> {
    sends(fake).into_iter().filter(|r| r.param("To") == Some(to)).collect()
}

fn lists(fake: &FakeTwilio) -> Vec<RecordedRequest> {
    fake.requests()
        .into_iter()
        .filter(|r| r.operation == Some(LIST_MESSAGE))
        .collect()
}

fn statuses(requests: &[RecordedRequest]) -> Vec<u16> {
    requests.iter().map(|r| r.status).collect()
}

fn pairs(params: &[(&str, &str)]) -> Vec<(String, String)> {
    params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

// ---------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------

#[tokio::test]
async fn a_message_is_sent_once_with_the_documented_parameters() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        let line = conversation(&db, PARENT, false).await;
        let body = "Bonjour, une puéricultrice vous rappelle demain à 10 h 🙂";
        let id = enqueue(
            &db,
            &NewOutbound {
                sms_message_id: Some(line),
                ..to_parent(PARENT, body)
            },
        )
        .await;
        let pending = db.store.outbox_message(id).await.unwrap().unwrap();
        assert_eq!(
            (pending.state.as_str(), pending.attempts),
            ("pending", 0),
            "{}",
            db.name
        );

        let w = worker(db.store.clone(), &fake);
        let row = wait_until_sent(db.store.as_ref(), id).await;
        w.shutdown().await;

        let sent = sends(&fake);
        assert_eq!(statuses(&sent), [201], "{}", db.name);
        let request = &sent[0];
        assert_eq!(
            request.params,
            pairs(&[
                ("To", PARENT),
                ("From", LINE),
                ("Body", body),
                ("StatusCallback", STATUS_CALLBACK)
            ]),
            "{}",
            db.name
        );
        spec()
            .check(CREATE_MESSAGE, &request.params)
            .expect("the spec accepts the request");
        assert!(lists(&fake).is_empty(), "nothing to reconcile");
        assert_eq!(row.provider_sid, request.sid, "{}", db.name);
        assert_eq!(row.delivery_status.as_deref(), Some("queued"));
        assert_eq!((row.attempts, row.ambiguous_since, row.lease_until), (1, None, None));
        assert!(row.sent_at.is_some());
        // The conversation's line follows.
        let (status, sid, code) = sms_message(&db, line).await;
        assert_eq!(
            (status.as_str(), sid, code),
            ("queued", request.sid.clone(), None),
            "{}",
            db.name
        );

        // Status callbacks: forward only, by SID.
        let sid = row.provider_sid.clone().unwrap();
        assert!(db
            .store
            .record_outbox_delivery(&sid, "delivered", None, Utc::now())
            .await
            .unwrap());
        assert!(db
            .store
            .record_outbox_delivery(&sid, "sent", None, Utc::now())
            .await
            .unwrap());
        let row = db.store.outbox_message(id).await.unwrap().unwrap();
        assert_eq!(
            row.delivery_status.as_deref(),
            Some("delivered"),
            "{}: late `sent` ignored",
            db.name
        );
        assert!(!db
            .store
            .record_outbox_delivery("SMffffffffffffffffffffffffffffffff", "delivered", None, Utc::now())
            .await
            .unwrap());
        let listed = db.store.list_outbox(10).await.unwrap();
        assert_eq!(listed.iter().map(|r| r.outbox_id).collect::<Vec<_>>(), [id]);
        let shown = format!("{listed:?}");
        assert!(
            !shown.contains("639980123") && !shown.contains("puéricultrice"),
            "{shown}"
        );
    }
}

#[tokio::test]
async fn a_messaging_service_sends_without_from() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        let id = enqueue(&db, &to_parent(PARENT, "Merci")).await;
        let w = worker_as(db.store.clone(), &fake, Sender::MessagingService(SERVICE.into()));
        let row = wait_until_sent(db.store.as_ref(), id).await;
        w.shutdown().await;
        let sent = sends(&fake);
        assert_eq!(sent.len(), 1, "{}", db.name);
        assert_eq!(sent[0].names(), ["To", "MessagingServiceSid", "Body", "StatusCallback"]);
        spec().check(CREATE_MESSAGE, &sent[0].params).expect("valid");
        assert_eq!(row.delivery_status.as_deref(), Some("accepted"), "{}", db.name);
    }
}

#[tokio::test]
async fn rate_limits_are_retried_without_reconciling() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        fake.fail_next(2, 429, 20429);
        let id = enqueue(&db, &to_parent(PARENT, "Bonjour")).await;
        let w = worker(db.store.clone(), &fake);
        let row = wait_until_sent(db.store.as_ref(), id).await;
        w.shutdown().await;
        let sent = sends(&fake);
        assert_eq!(statuses(&sent), [429, 429, 201], "{}", db.name);
        assert!(lists(&fake).is_empty(), "{}: a 429 is never processed", db.name);
        assert_eq!(row.provider_sid, sent[2].sid);
        assert_eq!(row.attempts, 3);
        assert_eq!(row.ambiguous_since, None);
        assert!(
            row.last_error.as_deref().unwrap_or_default().contains("20429"),
            "{row:?}"
        );
        assert_eq!(fake.messages().len(), 1);
    }
}

#[tokio::test]
async fn a_500_after_the_message_was_created_is_reconciled_not_sent_twice() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        let line = conversation(&db, PARENT, false).await;
        fake.fail_next_after_processing(1, 500, 20500);
        let id = enqueue(
            &db,
            &NewOutbound {
                sms_message_id: Some(line),
                ..to_parent(PARENT, "Votre rappel est prévu à 14 h.")
            },
        )
        .await;
        let w = worker(db.store.clone(), &fake);
        let row = wait_until_sent(db.store.as_ref(), id).await;
        w.shutdown().await;

        let sent = sends(&fake);
        assert_eq!(statuses(&sent), [500], "{}: never sent again", db.name);
        let created = sent[0].sid.clone().expect("the fake created it");
        assert_eq!(fake.messages().len(), 1);
        assert_eq!(
            row.provider_sid.as_deref(),
            Some(created.as_str()),
            "{}: adopted",
            db.name
        );
        assert_eq!(row.delivery_status.as_deref(), Some("sent"), "as listed");
        assert!(row.ambiguous_since.is_some(), "{row:?}");
        assert_eq!(row.attempts, 2);
        let (status, sid, _) = sms_message(&db, line).await;
        assert_eq!((status.as_str(), sid.as_deref()), ("sent", Some(created.as_str())));

        // The list asked for: that number, from the day before the attempt.
        let list = lists(&fake);
        assert_eq!(list.len(), 1, "{}", db.name);
        assert_eq!(list[0].status, 200);
        assert_eq!(list[0].names(), ["To", "DateSent>", "PageSize"]);
        assert_eq!(list[0].param("To"), Some(PARENT));
        let day_before = (row.ambiguous_since.unwrap() - chrono::Duration::days(1)).date_naive();
        assert_eq!(
            list[0].param("DateSent>"),
            Some(format!("{}T00:00:00Z", day_before.format("%Y-%m-%d")).as_str())
        );
        spec()
            .check(LIST_MESSAGE, &list[0].params)
            .expect("the spec accepts the list");
    }
}

#[tokio::test]
async fn a_500_before_anything_was_created_is_sent_after_reconciling() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        // An identical message sent a while ago must not be mistaken for this one.
        let earlier = enqueue(&db, &to_parent(PARENT, "Bonjour")).await;
        let w = worker(db.store.clone(), &fake);
        let earlier = wait_until_sent(db.store.as_ref(), earlier).await;
        fake.fail_next(1, 500, 20500);
        // A second, identical message: the earlier one is listed but already taken.
        let id = enqueue(&db, &to_parent(PARENT, "Bonjour")).await;
        let row = wait_until_sent(db.store.as_ref(), id).await;
        w.shutdown().await;
        let sent = sends(&fake);
        assert_eq!(statuses(&sent), [201, 500, 201], "{}", db.name);
        assert_eq!(row.provider_sid, sent[2].sid, "{}", db.name);
        assert_ne!(row.provider_sid, earlier.provider_sid);
        assert_eq!(lists(&fake).len(), 1);
        assert_eq!(fake.messages().len(), 2);
    }
}

#[tokio::test]
async fn unreachable_provider_delays_and_a_failing_list_is_retried() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        fake.fail_next(1, 503, 20503);
        fake.fail_next_list(2, 503, 20503);
        let id = enqueue(&db, &to_parent(PARENT, "Bonjour")).await;
        let w = worker(db.store.clone(), &fake);
        let row = wait_until_sent(db.store.as_ref(), id).await;
        w.shutdown().await;
        assert_eq!(statuses(&sends(&fake)), [503, 201], "{}", db.name);
        assert_eq!(statuses(&lists(&fake)), [503, 503, 200], "{}", db.name);
        assert_eq!(row.attempts, 4);
        assert_eq!(fake.messages().len(), 1);
    }
}

#[tokio::test]
async fn opted_out_recipient_21610_is_recorded_and_never_retried() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        let line = conversation(&db, PARENT, false).await;
        // Another conversation of the same parent, with another helpline number.
        raw_execute!(
            &db.raw,
            "insert into sms_conversation (phone, line_number, last_message_at, created_at, updated_at) values ($1, '+33199009999', $2, $2, $2)",
            PARENT,
            Utc::now()
        );
        assert!(!db.store.is_opted_out(PARENT).await.unwrap());
        fake.fail_next(1, 400, 21610);
        let id = enqueue(
            &db,
            &NewOutbound {
                sms_message_id: Some(line),
                ..to_parent(PARENT, "Bonjour")
            },
        )
        .await;
        let w = worker(db.store.clone(), &fake);
        let row = wait_for(db.store.as_ref(), id, &["opted-out"]).await;
        worker_moved_on(&db).await;
        // A later message to the parent is not even requested.
        let later = enqueue(&db, &to_parent(PARENT, "Encore")).await;
        wait_for(db.store.as_ref(), later, &["opted-out"]).await;
        w.shutdown().await;

        assert_eq!(statuses(&sends_to(&fake, PARENT)), [400], "{}", db.name);
        assert!(
            row.last_error.as_deref().unwrap_or_default().contains("21610"),
            "{row:?}"
        );
        assert_eq!(row.provider_sid, None);
        assert!(db.store.is_opted_out(PARENT).await.unwrap());
        let (opted_out,): (i64,) = raw_fetch!(
            &db.raw,
            (i64,),
            "select count(*) from sms_conversation where phone = $1 and opted_out_at is not null",
            PARENT
        );
        assert_eq!(opted_out, 2, "{}: every conversation of the number", db.name);
        let (status, _, code) = sms_message(&db, line).await;
        assert_eq!((status.as_str(), code), ("failed", Some(21610)), "{}", db.name);
        assert!(!db.store.is_opted_out(OTHER_PARENT).await.unwrap());
    }
}

#[tokio::test]
async fn other_refusals_fail_without_retry_and_masked() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        let line = conversation(&db, PARENT, false).await;
        fake.fail_next(1, 400, 21408);
        let refused = enqueue(
            &db,
            &NewOutbound {
                sms_message_id: Some(line),
                ..to_parent(PARENT, "Bonjour")
            },
        )
        .await;
        // Not an E.164 number: the fake refuses it as Twilio does, quoting the number.
        let invalid = enqueue(&db, &to_parent("06 39 98 01 25", "Bonjour")).await;
        let w = worker(db.store.clone(), &fake);
        let refused = wait_for(db.store.as_ref(), refused, &["failed"]).await;
        let invalid = wait_for(db.store.as_ref(), invalid, &["failed"]).await;
        worker_moved_on(&db).await;
        w.shutdown().await;

        assert_eq!(statuses(&sends_to(&fake, PARENT)), [400], "{}", db.name);
        assert_eq!(statuses(&sends_to(&fake, "06 39 98 01 25")), [400], "{}", db.name);
        assert!(refused.last_error.as_deref().unwrap().contains("21408"), "{refused:?}");
        let error = invalid.last_error.as_deref().unwrap();
        assert!(error.contains("21211") && error.contains("[number]"), "{error}");
        assert!(!error.contains("39 98"), "{error}");
        let (status, sid, code) = sms_message(&db, line).await;
        assert_eq!(
            (status.as_str(), sid, code),
            ("failed", None, Some(21408)),
            "{}",
            db.name
        );
        assert!(!db.store.is_opted_out(PARENT).await.unwrap(), "not an opt-out");
    }
}

#[tokio::test]
async fn a_parent_who_opted_out_is_never_requested() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        let line = conversation(&db, PARENT, true).await;
        let id = enqueue(
            &db,
            &NewOutbound {
                sms_message_id: Some(line),
                ..to_parent(PARENT, "Bonjour")
            },
        )
        .await;
        // The opt-out concerns messages to the parent, not alerts to the same number as staff.
        let alert = enqueue(&db, &staff_alert(PARENT, "Alerte")).await;
        let w = worker(db.store.clone(), &fake);
        let row = wait_for(db.store.as_ref(), id, &["opted-out"]).await;
        wait_until_sent(db.store.as_ref(), alert).await;
        w.shutdown().await;
        let sent = sends(&fake);
        assert_eq!(sent.len(), 1, "{}", db.name);
        assert_eq!(sent[0].param("Body"), Some("Alerte"));
        assert_eq!(row.provider_sid, None);
        let (status, sid, code) = sms_message(&db, line).await;
        assert_eq!((status.as_str(), sid, code), ("suppressed", None, None), "{}", db.name);
    }
}

#[tokio::test]
async fn an_expired_message_fails_without_a_request() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        let old = db
            .store
            .enqueue(&to_parent(PARENT, "Hier"), Utc::now() - chrono::Duration::hours(25))
            .await
            .unwrap();
        let w = worker(db.store.clone(), &fake);
        let row = wait_for(db.store.as_ref(), old, &["failed"]).await;
        worker_moved_on(&db).await;
        w.shutdown().await;
        assert!(sends_to(&fake, PARENT).is_empty(), "{}", db.name);
        assert!(row.last_error.as_deref().unwrap().starts_with("expired"), "{row:?}");
    }
}

#[tokio::test]
async fn without_a_provider_messages_wait_and_opt_outs_apply() {
    for db in databases().await {
        conversation(&db, OTHER_PARENT, true).await;
        let waiting = enqueue(&db, &to_parent(PARENT, "Bonjour")).await;
        let suppressed = enqueue(&db, &to_parent(OTHER_PARENT, "Bonjour")).await;
        let w = outbox::spawn(db.store.clone(), None, None, None, clock(), fast());
        wait_for(db.store.as_ref(), suppressed, &["opted-out"]).await;
        w.shutdown().await;
        let row = db.store.outbox_message(waiting).await.unwrap().unwrap();
        assert_eq!((row.state.as_str(), row.attempts), ("pending", 0), "{}", db.name);
    }
}

// ---------------------------------------------------------------------------
// Workers that stop, several workers
// ---------------------------------------------------------------------------

/// The test: the provider's API stops, messages are queued, the
/// service restarts, the API comes back, and every message is delivered
/// exactly once.
#[tokio::test]
async fn provider_outage_across_a_restart_delivers_every_message_exactly_once() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        let first = worker(db.store.clone(), &fake);
        fake.stop().await;
        let messages = [
            to_parent(PARENT, "Bonjour"),
            to_parent(PARENT, "Bonjour"), // the same text twice: two messages
            to_parent(OTHER_PARENT, "Votre rappel est prévu à 14 h."),
            staff_alert(STAFF, "Nouveau message urgent"),
            to_parent(OTHER_PARENT, "Merci"),
        ];
        let mut ids = Vec::new();
        for m in &messages {
            ids.push(enqueue(&db, m).await);
        }
        // The first service tries each while the API is down: a lost connection is ambiguous.
        for &id in &ids {
            let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
            while db
                .store
                .outbox_message(id)
                .await
                .unwrap()
                .unwrap()
                .ambiguous_since
                .is_none()
            {
                assert!(tokio::time::Instant::now() < deadline, "never attempted");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
        first.shutdown().await;
        for &id in &ids {
            let row = db.store.outbox_message(id).await.unwrap().unwrap();
            assert_eq!(
                row.state, "pending",
                "{}: nothing dropped, nothing held: {row:?}",
                db.name
            );
        }
        assert!(fake.requests().is_empty(), "nothing reached the stopped API");

        // The service restarts, on the same database; the API comes back.
        let store = db.reopen().await;
        let second = worker(store.clone(), &fake);
        fake.restart().await;
        let mut rows = Vec::new();
        for &id in &ids {
            rows.push(wait_until_sent(store.as_ref(), id).await);
        }
        second.shutdown().await;

        let accepted = fake.accepted_messages();
        assert_eq!(accepted.len(), messages.len(), "{}: one accepted request each", db.name);
        assert_eq!(fake.messages().len(), messages.len());
        assert_eq!(sends(&fake).len(), messages.len(), "no refused or repeated send either");
        for (m, row) in messages.iter().zip(&rows) {
            let request = accepted
                .iter()
                .find(|r| r.sid == row.provider_sid)
                .unwrap_or_else(|| panic!("{}: {row:?} has the fake's SID", db.name));
            assert_eq!(request.param("To"), Some(m.to_number.as_str()));
            assert_eq!(request.param("Body"), Some(m.body.as_str()));
        }
        let mut sids: Vec<_> = rows.iter().map(|r| r.provider_sid.clone().unwrap()).collect();
        sids.sort();
        sids.dedup();
        assert_eq!(sids.len(), messages.len(), "{}: distinct messages", db.name);
    }
}

/// A worker that stopped between sending and recording leaves its rows
/// `sending`: once the lease expires they are ambiguous, and reconciled.
#[tokio::test]
async fn rows_of_a_worker_that_died_mid_send_are_reconciled() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        let went_through = enqueue(&db, &to_parent(PARENT, "Bonjour")).await;
        let lost = enqueue(&db, &to_parent(OTHER_PARENT, "Bonjour")).await;
        let now = Utc::now();
        let claimed = db
            .store
            .claim_outbox(now, now + chrono::Duration::milliseconds(200), 10)
            .await
            .unwrap();
        assert_eq!(
            claimed.iter().map(|r| r.outbox_id).collect::<Vec<_>>(),
            [went_through, lost]
        );
        // The dead worker got one message out before it stopped.
        let sent = client(&fake)
            .send_message(&SendMessage {
                to: PARENT.into(),
                sender: Sender::From(LINE.into()),
                body: "Bonjour".into(),
                status_callback: None,
            })
            .await
            .unwrap();
        // Its lease runs out.
        tokio::time::sleep(Duration::from_millis(300)).await;

        let w = worker(db.store.clone(), &fake);
        let first = wait_until_sent(db.store.as_ref(), went_through).await;
        let second = wait_until_sent(db.store.as_ref(), lost).await;
        w.shutdown().await;
        assert_eq!(
            first.provider_sid.as_deref(),
            Some(sent.sid.as_str()),
            "{}: adopted",
            db.name
        );
        assert_eq!(sends_to(&fake, PARENT).len(), 1, "{}: not sent twice", db.name);
        assert_eq!(statuses(&sends_to(&fake, OTHER_PARENT)), [201], "{}", db.name);
        assert_eq!(second.provider_sid, sends_to(&fake, OTHER_PARENT)[0].sid);
        for row in [&first, &second] {
            assert_eq!(row.attempts, 2);
            assert!(row.ambiguous_since.is_some(), "{row:?}");
        }
    }
}

#[tokio::test]
async fn several_workers_share_the_outbox_without_sending_twice() {
    for db in databases().await {
        let fake = FakeTwilio::start().await;
        let mut ids = Vec::new();
        for i in 0..30 {
            ids.push(enqueue(&db, &to_parent(&format!("+336399802{i:02}"), &format!("Message {i}"))).await);
        }
        let workers: Vec<Worker> = (0..3).map(|_| worker(db.store.clone(), &fake)).collect();
        for &id in &ids {
            wait_until_sent(db.store.as_ref(), id).await;
        }
        for w in workers {
            w.shutdown().await;
        }
        let accepted = fake.accepted_messages();
        assert_eq!(accepted.len(), 30, "{}", db.name);
        let mut bodies: Vec<&str> = accepted.iter().map(|r| r.param("Body").unwrap()).collect();
        bodies.sort();
        bodies.dedup();
        assert_eq!(bodies.len(), 30, "{}: each once", db.name);
        for &id in &ids {
            let row = db.store.outbox_message(id).await.unwrap().unwrap();
            assert_eq!(row.attempts, 1, "{}: {row:?}", db.name);
        }
    }
}

// ---------------------------------------------------------------------------
// The store's claim
// ---------------------------------------------------------------------------

#[tokio::test]
async fn claims_take_due_rows_in_order_and_results_need_the_current_claim() {
    for db in databases().await {
        // Whole seconds: PostgreSQL keeps microseconds, and instants are compared below.
        let t0: DateTime<Utc> = Utc::now().trunc_subsecs(0) - chrono::Duration::minutes(10);
        let store = db.store.as_ref();
        let a = store.enqueue(&to_parent(PARENT, "a"), t0).await.unwrap();
        let b = store
            .enqueue(&to_parent(PARENT, "b"), t0 + chrono::Duration::seconds(1))
            .await
            .unwrap();
        let c = store
            .enqueue(&to_parent(PARENT, "c"), t0 + chrono::Duration::seconds(2))
            .await
            .unwrap();
        let lease = chrono::Duration::seconds(60);

        let now = t0 + chrono::Duration::seconds(5);
        let first = store.claim_outbox(now, now + lease, 2).await.unwrap();
        assert_eq!(
            first.iter().map(|r| r.outbox_id).collect::<Vec<_>>(),
            [a, b],
            "{}",
            db.name
        );
        assert!(first
            .iter()
            .all(|r| r.state == "sending" && r.attempts == 1 && r.lease_until == Some(now + lease)));
        assert_eq!(first[0].ambiguous_since, None);
        // Rows under lease are not claimed again; the third is.
        let second = store.claim_outbox(now, now + lease, 10).await.unwrap();
        assert_eq!(second.iter().map(|r| r.outbox_id).collect::<Vec<_>>(), [c]);
        // A retry is due later.
        let retry = OutboxResult::Retry {
            next_attempt_at: now + chrono::Duration::minutes(5),
            error: "Twilio answered HTTP 429 (code 20429): Too Many Requests".into(),
            ambiguous_since: None,
        };
        assert!(store.record_outbox(c, 1, &retry, now).await.unwrap());
        assert!(store.claim_outbox(now, now + lease, 10).await.unwrap().is_empty());

        // Row `a`'s worker dies; after its lease, the row is claimed again, ambiguous
        // since the dead attempt was claimed.
        let later = now + lease + chrono::Duration::seconds(1);
        let again = store.claim_outbox(later, later + lease, 1).await.unwrap();
        assert_eq!(again.len(), 1);
        let row = &again[0];
        assert_eq!((row.outbox_id, row.attempts), (a, 2), "{}", db.name);
        assert_eq!(row.ambiguous_since, Some(now), "{}", db.name);
        assert!(row.last_error.as_deref().unwrap().contains("lease expired"));
        // The dead worker's late result is refused; the current claim's is recorded.
        let sent = |sid: &str| OutboxResult::Sent {
            sid: sid.into(),
            status: "queued".into(),
        };
        assert!(!store
            .record_outbox(a, 1, &sent("SM00000000000000000000000000000001"), later)
            .await
            .unwrap());
        assert!(store
            .record_outbox(a, 2, &sent("SM00000000000000000000000000000002"), later)
            .await
            .unwrap());
        assert!(
            !store
                .record_outbox(a, 2, &sent("SM00000000000000000000000000000002"), later)
                .await
                .unwrap(),
            "recorded once"
        );
        let a_row = store.outbox_message(a).await.unwrap().unwrap();
        assert_eq!(
            a_row.provider_sid.as_deref(),
            Some("SM00000000000000000000000000000002")
        );
        assert_eq!(
            store
                .outbox_by_sid("SM00000000000000000000000000000002")
                .await
                .unwrap()
                .map(|r| r.outbox_id),
            Some(a)
        );
        // A released row is due again at once, unchanged but for its claim count.
        assert!(store.release_outbox(b, 1, later).await.unwrap());
        let b_row = store.outbox_message(b).await.unwrap().unwrap();
        assert_eq!(
            (b_row.state.as_str(), b_row.lease_until, b_row.ambiguous_since),
            ("pending", None, None)
        );
        let claimed = store.claim_outbox(later, later + lease, 10).await.unwrap();
        assert_eq!(claimed.iter().map(|r| r.outbox_id).collect::<Vec<_>>(), [b]);
        assert_eq!(claimed[0].attempts, 2);
    }
}

#[tokio::test]
async fn a_21610_status_callback_opts_the_number_out() {
    for db in databases().await {
        let store = db.store.as_ref();
        let line = conversation(&db, PARENT, false).await;
        let now = Utc::now();
        let id = store
            .enqueue(
                &NewOutbound {
                    sms_message_id: Some(line),
                    ..to_parent(PARENT, "Bonjour")
                },
                now,
            )
            .await
            .unwrap();
        let claimed = store
            .claim_outbox(now, now + chrono::Duration::seconds(60), 1)
            .await
            .unwrap();
        let sid = "SM0123456789abcdef0123456789abcdef";
        let sent = OutboxResult::Sent {
            sid: sid.into(),
            status: "accepted".into(),
        };
        assert!(store.record_outbox(id, claimed[0].attempts, &sent, now).await.unwrap());
        assert_eq!(sms_message(&db, line).await.0, "accepted", "the provider's status");
        assert!(store
            .record_outbox_delivery(sid, "undelivered", Some(21610), now)
            .await
            .unwrap());
        let row = store.outbox_message(id).await.unwrap().unwrap();
        assert_eq!(
            (row.state.as_str(), row.delivery_status.as_deref()),
            ("sent", Some("undelivered"))
        );
        assert!(row.last_error.as_deref().unwrap().contains("21610"));
        assert!(store.is_opted_out(PARENT).await.unwrap(), "{}", db.name);
        let (status, _, code) = sms_message(&db, line).await;
        assert_eq!((status.as_str(), code), ("failed", Some(21610)), "{}", db.name);
    }
}

// ---------------------------------------------------------------------------
// The list the reconciliation reads, client and fake
// ---------------------------------------------------------------------------

#[tokio::test]
async fn messages_are_listed_by_recipient_and_day_in_pages() {
    use numerovert::telephony::rest::ListMessages;
    let fake = FakeTwilio::start().await;
    let client = client(&fake);
    let sms = |to: &str, body: &str| SendMessage {
        to: to.into(),
        sender: Sender::From(LINE.into()),
        body: body.into(),
        status_callback: None,
    };
    for body in ["un", "deux", "trois"] {
        client.send_message(&sms(PARENT, body)).await.unwrap();
    }
    client.send_message(&sms(OTHER_PARENT, "autre")).await.unwrap();
    // The day the fake sent them on (GMT), read from its answer rather than the clock.
    let listed = fake.messages();
    let today = DateTime::parse_from_rfc2822(listed[0]["date_sent"].as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
        .date_naive();
    let query = ListMessages {
        to: Some(PARENT.into()),
        date_sent_after: today.pred_opt(),
        page_size: Some(2),
        ..Default::default()
    };
    let first = client.list_messages(&query).await.unwrap();
    let bodies = |page: &numerovert::telephony::rest::MessagePage| {
        page.messages
            .iter()
            .map(|m| m.body.clone().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(bodies(&first), ["trois", "deux"], "most recent first");
    assert!(first.messages.iter().all(|m| m.to.as_deref() == Some(PARENT)
        && m.direction.as_deref() == Some("outbound-api")
        && m.date_created.is_some()));
    let next = first.next_page_uri.clone().expect("a second page");
    let second = client.next_message_page(&next).await.unwrap();
    assert_eq!(bodies(&second), ["un"]);
    assert_eq!(second.next_page_uri, None);
    // Days after today: nothing.
    let none = client
        .list_messages(&ListMessages {
            date_sent_after: today.succ_opt(),
            ..query.clone()
        })
        .await
        .unwrap();
    assert!(none.messages.is_empty());
    let on_the_day = client
        .list_messages(&ListMessages {
            date_sent: Some(today),
            date_sent_before: Some(today),
            date_sent_after: None,
            page_size: None,
            ..query
        })
        .await
        .unwrap();
    assert_eq!(on_the_day.messages.len(), 3);
    for request in lists(&fake) {
        assert_eq!(request.status, 200);
        spec().check(LIST_MESSAGE, &request.params).expect("valid list");
    }

    // The fake refuses what the spec does not allow.
    let http = reqwest::Client::new();
    let url = format!(
        "{}/2010-04-01/Accounts/{}/Messages.json",
        fake.base_url(),
        fake.account_sid()
    );
    for query in [
        "Colour=blue",
        "PageSize=0",
        "PageSize=1001",
        "PageSize=many",
        "DateSent%3E=yesterday",
        "To=0639980123",
        "To=%2B33639980123&To=%2B33639980124",
    ] {
        let response = http
            .get(format!("{url}?{query}"))
            .basic_auth(fake.account_sid(), Some(fake.auth_token()))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 400, "{query}");
    }
    let unauthenticated = http.get(&url).send().await.unwrap();
    assert_eq!(unauthenticated.status().as_u16(), 401);
    let calls = format!(
        "{}/2010-04-01/Accounts/{}/Calls.json",
        fake.base_url(),
        fake.account_sid()
    );
    let wrong_method = http
        .get(calls)
        .basic_auth(fake.account_sid(), Some(fake.auth_token()))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_method.status().as_u16(), 405);

    // Failures of the list are injected apart from those of the sends.
    fake.fail_next_list(1, 500, 20500);
    let err = client.list_messages(&ListMessages::default()).await.unwrap_err();
    assert_eq!(err.code(), Some(20500));
    client
        .send_message(&sms(PARENT, "quatre"))
        .await
        .expect("sends unaffected");
    assert_eq!(
        client
            .list_messages(&ListMessages::default())
            .await
            .unwrap()
            .messages
            .len(),
        5
    );
}
