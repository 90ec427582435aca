//! The contacts list on a million contacts: how long a page takes for each
//! filter, on SQLite and (with `NUMEROVERT_TEST_POSTGRES_URL`) PostgreSQL.
//!
//! `cargo bench --bench contact_search` seeds a fresh database with two
//! years of traffic (1,000,000 contacts by default, `NV_BENCH_CONTACTS` to
//! change it), then runs each query of the back-office's list 30 times and
//! prints the median, the 95th percentile and the maximum. The figures go in
//! the note; no test asserts a time.

use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use numerovert::contacts::search::{ContactQuery, Cursor, PAGE_SIZE};
use numerovert::db::Store;

const RUNS: usize = 30;
const STAFF: i64 = 12;
const NEEDS: [&str; 12] = [
    "allaitement",
    "sommeil",
    "pleurs",
    "grossesse",
    "sante-bebe",
    "modes-de-garde",
    "aides-financieres",
    "soutien-psy",
    "depression-post-partum",
    "diversification",
    "vaccins",
    "accueil",
];

/// One seeded contact, derived from its number so both databases get the same data.
struct Seed {
    started_at: DateTime<Utc>,
    channel: &'static str,
    line: &'static str,
    caller: String,
    outcome: &'static str,
    need: &'static str,
    /// (state, urgent, assigned staff)
    follow_up: Option<(&'static str, bool, Option<i64>)>,
    /// The professional who took the call.
    taken_by: Option<i64>,
}

fn seed(i: i64, total: i64) -> Seed {
    let start = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    let span = Duration::from_secs(730 * 24 * 3600).as_secs() as i64;
    let started_at = start + chrono::Duration::seconds(i * span / total);
    let h = (i.wrapping_mul(2_654_435_761)) % 1000;
    let sms = i % 4 == 0;
    let outcome = match (sms, h) {
        (true, 0..=2) => "safety",
        (true, _) => "informed",
        (false, 0..=549) => "answered",
        (false, 550..=649) => "informed",
        (false, 650..=749) => "message_left",
        (false, 750..=799) => "callback_requested",
        (false, 800..=949) => "abandoned",
        (false, _) => "fallback",
    };
    let follow_up = match outcome {
        "safety" => Some(("closed", true, None)),
        "message_left" | "callback_requested" | "abandoned" => {
            let state = match h % 50 {
                0 => "new",
                1 => "in-progress",
                2 => "waiting",
                _ => "closed",
            };
            Some((state, false, (h % 7 == 0).then_some(1 + h % STAFF)))
        }
        _ => None,
    };
    // The last hours' urgent messages are still open.
    let follow_up = match follow_up {
        Some((_, true, a)) if i > total - 2000 => Some(("new", true, a)),
        other => other,
    };
    Seed {
        started_at,
        channel: if sms { "sms" } else { "voice" },
        line: if i % 5 == 0 { "+33800000002" } else { "+33800000001" },
        caller: format!("+3363{:07}", i % 10_000_000),
        outcome,
        need: NEEDS[(h as usize * 7 + i as usize) % NEEDS.len()],
        follow_up,
        taken_by: (outcome == "answered").then_some(1 + (i * 31) % STAFF),
    }
}

/// Seeds `$pool` (a sqlx pool) with `$total` contacts, in batches.
macro_rules! seed_pool {
    ($pool:expr, $db:ty, $total:expr, $overriding:expr) => {{
        let pool = $pool;
        let total: i64 = $total;
        let now = Utc::now();
        for s in 1..=STAFF {
            sqlx::query("insert into staff (name, phone, roles, active, created_at, updated_at) values ($1, $2, '[\"sage-femme\"]', true, $3, $3)")
                .bind(format!("Pro {s}"))
                .bind(format!("+336399800{s:02}"))
                .bind(now)
                .execute(pool)
                .await
                .unwrap();
        }
        const BATCH: i64 = 2000;
        let mut first = 0;
        while first < total {
            let last = (first + BATCH).min(total);
            let seeds: Vec<(i64, Seed)> = (first..last).map(|i| (i + 1, seed(i, total))).collect();
            let mut tx = pool.begin().await.unwrap();
            let mut q = sqlx::QueryBuilder::<$db>::new(format!(
                "insert into contact (contact_id, channel, line_number, caller_number, started_at, ended_at, outcome, outcome_rank, need, created_at) {}",
                $overriding
            ));
            q.push_values(&seeds, |mut b, (id, s)| {
                b.push_bind(*id)
                    .push_bind(s.channel)
                    .push_bind(s.line)
                    .push_bind(s.caller.clone())
                    .push_bind(s.started_at)
                    .push_bind(s.started_at + chrono::Duration::minutes(4))
                    .push_bind(s.outcome)
                    .push_bind(1_i64)
                    .push_bind(s.need)
                    .push_bind(s.started_at);
            });
            q.build().execute(&mut *tx).await.unwrap();
            let follow_ups: Vec<_> = seeds.iter().filter(|(_, s)| s.follow_up.is_some()).collect();
            if !follow_ups.is_empty() {
                let mut q = sqlx::QueryBuilder::<$db>::new(
                    "insert into follow_up (contact_id, reason, need, state, outcome, due_at, attempts, created_at, updated_at, urgent, assigned_staff_id) ",
                );
                q.push_values(&follow_ups, |mut b, (id, s)| {
                    let (state, urgent, assigned) = s.follow_up.unwrap();
                    b.push_bind(*id)
                        .push_bind(if urgent { "safety" } else { "missed" })
                        .push_bind(s.need)
                        .push_bind(state)
                        .push_bind((state == "closed").then_some("reached"))
                        .push_bind(s.started_at + chrono::Duration::hours(2))
                        .push_bind(0_i64)
                        .push_bind(s.started_at)
                        .push_bind(s.started_at)
                        .push_bind(urgent)
                        .push_bind(assigned);
                });
                q.build().execute(&mut *tx).await.unwrap();
            }
            let taken: Vec<_> = seeds.iter().filter(|(_, s)| s.taken_by.is_some()).collect();
            if !taken.is_empty() {
                let mut q = sqlx::QueryBuilder::<$db>::new(
                    "insert into transfer_attempt (contact_id, call_sid, seq, node, role, staff_id, staff_name, strategy, ring_secs, whisper, started_at, outcome) ",
                );
                q.push_values(&taken, |mut b, (id, s)| {
                    let staff = s.taken_by.unwrap();
                    b.push_bind(*id)
                        .push_bind(format!("CA{id:032}"))
                        .push_bind(1_i64)
                        .push_bind("transfert")
                        .push_bind("sage-femme")
                        .push_bind(staff)
                        .push_bind(format!("Pro {staff}"))
                        .push_bind("sequential")
                        .push_bind(20_i64)
                        .push_bind("Appel du numéro vert")
                        .push_bind(s.started_at)
                        .push_bind("accepted");
                });
                q.build().execute(&mut *tx).await.unwrap();
            }
            // Who handled each contact, as the service records it.
            let handled: Vec<(i64, i64, DateTime<Utc>)> = seeds
                .iter()
                .flat_map(|(id, s)| {
                    let assigned = s.follow_up.and_then(|(_, _, a)| a);
                    [s.taken_by, assigned]
                        .into_iter()
                        .flatten()
                        .map(move |staff| (*id, staff, s.started_at))
                })
                .collect();
            if !handled.is_empty() {
                let mut q = sqlx::QueryBuilder::<$db>::new("insert into contact_staff (contact_id, staff_id, started_at) ");
                q.push_values(&handled, |mut b, (id, staff, at)| {
                    b.push_bind(*id).push_bind(*staff).push_bind(*at);
                });
                q.push(" on conflict do nothing");
                q.build().execute(&mut *tx).await.unwrap();
            }
            tx.commit().await.unwrap();
            first = last;
        }
    }};
}

/// The list's queries, as supervisors use them.
fn scenarios(total: i64) -> Vec<(&'static str, ContactQuery)> {
    let end = seed(total - 1, total).started_at;
    let middle = seed(total / 2, total);
    let week = |q: ContactQuery| ContactQuery {
        from: Some(end - chrono::Duration::days(7)),
        to: Some(end + chrono::Duration::hours(1)),
        ..q
    };
    let text = |s: &str| Some(s.to_owned());
    vec![
        ("newest, no filter", ContactQuery::default()),
        (
            "no filter, a page a year back",
            ContactQuery {
                after: Some(Cursor {
                    started_at: middle.started_at,
                    contact_id: total / 2 + 1,
                }),
                ..ContactQuery::default()
            },
        ),
        ("the last 7 days", week(ContactQuery::default())),
        (
            "SMS only",
            ContactQuery {
                channel: text("sms"),
                ..ContactQuery::default()
            },
        ),
        (
            "one need",
            ContactQuery {
                need: text("allaitement"),
                ..ContactQuery::default()
            },
        ),
        (
            "abandoned, the last 7 days",
            week(ContactQuery {
                outcome: text("abandoned"),
                ..ContactQuery::default()
            }),
        ),
        (
            "second line, calls answered",
            ContactQuery {
                line: text("+33800000002"),
                channel: text("voice"),
                outcome: text("answered"),
                ..ContactQuery::default()
            },
        ),
        (
            "one professional",
            ContactQuery {
                staff_id: Some(3),
                ..ContactQuery::default()
            },
        ),
        (
            "one professional, the last 7 days",
            week(ContactQuery {
                staff_id: Some(3),
                ..ContactQuery::default()
            }),
        ),
        (
            "follow-up open",
            ContactQuery {
                follow_up: text("open"),
                ..ContactQuery::default()
            },
        ),
        (
            "follow-up waiting, one need",
            ContactQuery {
                follow_up: text("waiting"),
                need: text("sommeil"),
                ..ContactQuery::default()
            },
        ),
        (
            "urgent only",
            ContactQuery {
                urgent: true,
                ..ContactQuery::default()
            },
        ),
        (
            "no contact matches (SMS abandoned)",
            ContactQuery {
                channel: text("sms"),
                outcome: text("abandoned"),
                ..ContactQuery::default()
            },
        ),
    ]
}

async fn measure(name: &str, store: &dyn Store, total: i64) {
    println!("\n{name}: {total} contacts");
    println!(
        "{:<38} {:>6} {:>9} {:>9} {:>9}",
        "query", "rows", "median", "p95", "max"
    );
    for (label, query) in scenarios(total) {
        let mut times = Vec::with_capacity(RUNS);
        let mut rows = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            rows = store.search_contacts(&query, PAGE_SIZE + 1).await.unwrap().len();
            times.push(t.elapsed());
        }
        times.sort();
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        println!(
            "{label:<38} {rows:>6} {:>9} {:>9} {:>9}",
            ms(times[RUNS / 2]),
            ms(times[RUNS * 95 / 100]),
            ms(times[RUNS - 1])
        );
    }
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let total: i64 = std::env::var("NV_BENCH_CONTACTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/bench.db", dir.path().display());
    let store = numerovert::db::sqlite::SqliteStore::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    let t = Instant::now();
    seed_pool!(store.pool(), sqlx::Sqlite, total, "");
    // Fresh statistics for the planner, as `pragma optimize` keeps them on a running service.
    sqlx::query("analyze").execute(store.pool()).await.unwrap();
    println!("SQLite seeded in {:.0} s", t.elapsed().as_secs_f64());
    measure("SQLite", &store, total).await;

    if let Ok(admin) = std::env::var("NUMEROVERT_TEST_POSTGRES_URL") {
        use sqlx::Connection;
        let name = format!("nv_bench_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
        sqlx::query(&format!("create database {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
        let mut url = url::Url::parse(&admin).unwrap();
        url.set_path(&name);
        let store = numerovert::db::postgres::PgStore::connect(url.as_str()).await.unwrap();
        store.migrate().await.unwrap();
        let t = Instant::now();
        seed_pool!(store.pool(), sqlx::Postgres, total, "overriding system value ");
        sqlx::query("analyze").execute(store.pool()).await.unwrap();
        println!("\nPostgreSQL seeded in {:.0} s", t.elapsed().as_secs_f64());
        measure("PostgreSQL", &store, total).await;
        store.pool().close().await;
        sqlx::query(&format!("drop database {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
    } else {
        println!("\nNUMEROVERT_TEST_POSTGRES_URL is not set: PostgreSQL not measured");
    }
}
