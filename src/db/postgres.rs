//! PostgreSQL, for deployments with several instances sharing one database.

use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use super::StoreResult;

pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    pub async fn connect(url: &str) -> StoreResult<PgStore> {
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await?;
        Ok(PgStore { pool })
    }

    pub async fn migrate(&self) -> StoreResult<()> {
        sqlx::migrate!("migrations/postgres").run(&self.pool).await?;
        Ok(())
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

super::sql::sql_store!(PgStore);
super::roster::sql_roster_store!(PgStore);
super::callbacks::sql_callback_store!(PgStore);
super::messages::sql_messages_store!(PgStore);
super::outbox::sql_outbox_store!(PgStore);
super::users::sql_user_store!(PgStore);
super::review::sql_review_store!(PgStore);
super::search::sql_search_store!(PgStore);
super::figures::sql_figures_store!(PgStore);
