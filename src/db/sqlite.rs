//! The embedded default: one SQLite file in write-ahead-log mode.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use super::StoreResult;

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `url` (`sqlite://file.db`).
    pub async fn connect(url: &str) -> StoreResult<SqliteStore> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            // WAL lets readers (back-office, health checks) run while a webhook writes.
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        // Each connection to an in-memory database is a database of its own: keep one.
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        let pool = SqlitePoolOptions::new()
            .max_connections(if in_memory { 1 } else { 8 })
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await?;
        Ok(SqliteStore { pool })
    }

    pub async fn migrate(&self) -> StoreResult<()> {
        sqlx::migrate!("migrations/sqlite").run(&self.pool).await?;
        // Planner statistics for the indexes the lists use (SQLite's advice for
        // long-running processes: analyse what needs it, within a time limit).
        sqlx::query("pragma optimize=0x10002").execute(&self.pool).await?;
        Ok(())
    }

    /// The pool, for tests that need to break the database on purpose.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

super::sql::sql_store!(SqliteStore);
super::roster::sql_roster_store!(SqliteStore);
super::callbacks::sql_callback_store!(SqliteStore);
super::messages::sql_messages_store!(SqliteStore);
super::outbox::sql_outbox_store!(SqliteStore);
super::users::sql_user_store!(SqliteStore);
super::review::sql_review_store!(SqliteStore);
super::search::sql_search_store!(SqliteStore);
super::figures::sql_figures_store!(SqliteStore);
