//! What the figures read: one row per contact of a period, with nothing
//! personal (no number, no message), for [`crate::figures`].

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::figures::{CallbackFact, Channel, ContactFact};

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FactRow {
    pub started_at: DateTime<Utc>,
    pub channel: String,
    pub line_number: Option<String>,
    pub outcome: Option<String>,
    pub outcome_detail: Option<String>,
    pub need: Option<String>,
    /// When the professional who took the call picked up.
    pub accepted_at: Option<DateTime<Utc>>,
    pub urgent: Option<bool>,
    pub follow_up_at: Option<DateTime<Utc>>,
    /// The parent reached by a callback, or the follow-up closed.
    pub done_at: Option<DateTime<Utc>>,
}

impl From<FactRow> for ContactFact {
    fn from(r: FactRow) -> ContactFact {
        let abandoned = r.outcome.as_deref() == Some("abandoned");
        ContactFact {
            channel: if r.channel == "sms" {
                Channel::Sms
            } else {
                Channel::Voice
            },
            line: r.line_number,
            wait_secs: r.accepted_at.map(|a| (a - r.started_at).num_seconds().max(0)),
            abandoned_at: if abandoned { r.outcome_detail } else { None },
            outcome: r.outcome,
            need: r.need,
            urgent: r.urgent == Some(true),
            callback: r.follow_up_at.map(|created_at| CallbackFact {
                created_at,
                done_at: r.done_at,
            }),
            started_at: r.started_at,
        }
    }
}

#[async_trait]
pub trait FiguresStore: Send + Sync {
    /// The contacts started within `[from, to)`, oldest first.
    async fn contact_facts(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> StoreResult<Vec<ContactFact>>;
}

/// Implements `FiguresStore` for a struct with a `pool` field of a sqlx pool type.
macro_rules! sql_figures_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::db::figures::FiguresStore for $store {
            async fn contact_facts(
                &self,
                from: chrono::DateTime<chrono::Utc>,
                to: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<Vec<$crate::figures::ContactFact>> {
                let rows: Vec<$crate::db::figures::FactRow> = sqlx::query_as(
                    "select c.started_at, c.channel, c.line_number, c.outcome, c.outcome_detail, c.need, \
                     (select min(t.answered_at) from transfer_attempt t where t.contact_id = c.contact_id and t.outcome = 'accepted') as accepted_at, \
                     f.urgent, f.created_at as follow_up_at, \
                     coalesce((select min(k.ended_at) from callback_call k where k.follow_up_id = f.follow_up_id and k.state = 'reached'), \
                              case when f.state = 'closed' then f.updated_at end) as done_at \
                     from contact c left join follow_up f on f.contact_id = c.contact_id \
                     where c.started_at >= $1 and c.started_at < $2 order by c.started_at, c.contact_id",
                )
                .bind(from)
                .bind(to)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }
        }
    };
}
pub(crate) use sql_figures_store;
