//! The contacts list's query: filters of [`ContactQuery`], newest first, one
//! page at a time from a keyset cursor.
//!
//! The SQL is assembled from the filters that are set, so that each one can
//! use its index (migration 0006): a query with "`$1` is null or …" for every
//! filter would leave both planners with a scan of the whole table.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::contacts::search::{ContactQuery, Cursor, FOLLOW_UP_NONE, FOLLOW_UP_OPEN, OUTCOME_NONE};

/// A line of the contacts list.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ContactListRow {
    pub contact_id: i64,
    pub channel: String,
    pub line_number: Option<String>,
    pub caller_number: Option<String>,
    pub started_at: DateTime<Utc>,
    pub outcome: Option<String>,
    pub need: Option<String>,
    pub follow_up_state: Option<String>,
    pub urgent: Option<bool>,
}

impl ContactListRow {
    pub fn cursor(&self) -> Cursor {
        Cursor {
            started_at: self.started_at,
            contact_id: self.contact_id,
        }
    }
}

#[async_trait]
pub trait SearchStore: Send + Sync {
    /// At most `limit` contacts matching `query`, newest first, strictly
    /// before its cursor.
    async fn search_contacts(&self, query: &ContactQuery, limit: i64) -> StoreResult<Vec<ContactListRow>>;
}

/// A value bound to the assembled SQL.
#[derive(Debug, Clone, PartialEq)]
pub enum Bind {
    Text(String),
    Int(i64),
    Time(DateTime<Utc>),
    Bool(bool),
}

/// The SQL of `query` and its values, in placeholder order.
pub fn search_sql(query: &ContactQuery, limit: i64) -> (String, Vec<Bind>) {
    let mut binds: Vec<Bind> = Vec::new();
    let mut conds: Vec<String> = Vec::new();
    let mut bind = |b: Bind| {
        binds.push(b);
        format!("${}", binds.len())
    };
    // Filtered by a professional, the list is read from `contact_staff`, whose
    // index holds that professional's contacts in the list's order; otherwise
    // from `contact` itself.
    let (from, order) = match query.staff_id {
        Some(staff) => {
            conds.push(format!("h.staff_id = {}", bind(Bind::Int(staff))));
            ("contact_staff h join contact c on c.contact_id = h.contact_id", "h")
        }
        None => ("contact c", "c"),
    };
    if let Some(from) = query.from {
        conds.push(format!("{order}.started_at >= {}", bind(Bind::Time(from))));
    }
    if let Some(to) = query.to {
        conds.push(format!("{order}.started_at < {}", bind(Bind::Time(to))));
    }
    for (column, value) in [
        ("c.channel", &query.channel),
        ("c.line_number", &query.line),
        ("c.need", &query.need),
    ] {
        if let Some(v) = value {
            conds.push(format!("{column} = {}", bind(Bind::Text(v.clone()))));
        }
    }
    match query.outcome.as_deref() {
        None => {}
        Some(OUTCOME_NONE) => conds.push("c.outcome is null".into()),
        Some(o) => conds.push(format!("c.outcome = {}", bind(Bind::Text(o.to_owned())))),
    }
    match query.follow_up.as_deref() {
        None => {}
        Some(FOLLOW_UP_NONE) => conds.push("f.follow_up_id is null".into()),
        // A list of states rather than `<> 'closed'`: both planners can then use the state index.
        Some(FOLLOW_UP_OPEN) => conds.push("f.state in ('new', 'in-progress', 'waiting')".into()),
        Some(s) => conds.push(format!("f.state = {}", bind(Bind::Text(s.to_owned())))),
    }
    if query.urgent {
        conds.push(format!("f.urgent = {}", bind(Bind::Bool(true))));
    }
    if let Some(after) = query.after {
        // A row comparison: both databases read it as one range of the index.
        let at = bind(Bind::Time(after.started_at));
        let id = bind(Bind::Int(after.contact_id));
        conds.push(format!("({order}.started_at, {order}.contact_id) < ({at}, {id})"));
    }
    let limit = bind(Bind::Int(limit));
    let filter = if conds.is_empty() {
        String::new()
    } else {
        format!(" where {}", conds.join(" and "))
    };
    let sql = format!(
        "select c.contact_id, c.channel, c.line_number, c.caller_number, c.started_at, c.outcome, c.need, \
         f.state as follow_up_state, f.urgent from {from} left join follow_up f on f.contact_id = c.contact_id{filter} \
         order by {order}.started_at desc, {order}.contact_id desc limit {limit}"
    );
    (sql, binds)
}

/// Implements `SearchStore` for a struct with a `pool` field of a sqlx pool type.
macro_rules! sql_search_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::db::search::SearchStore for $store {
            async fn search_contacts(
                &self,
                query: &$crate::contacts::search::ContactQuery,
                limit: i64,
            ) -> $crate::db::StoreResult<Vec<$crate::db::search::ContactListRow>> {
                use $crate::db::search::Bind;
                let (sql, binds) = $crate::db::search::search_sql(query, limit);
                let mut q = sqlx::query_as::<_, $crate::db::search::ContactListRow>(&sql);
                for b in binds {
                    q = match b {
                        Bind::Text(v) => q.bind(v),
                        Bind::Int(v) => q.bind(v),
                        Bind::Time(v) => q.bind(v),
                        Bind::Bool(v) => q.bind(v),
                    };
                }
                Ok(q.fetch_all(&self.pool).await?)
            }
        }
    };
}
pub(crate) use sql_search_store;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_filters_set_reach_the_sql() {
        let (sql, binds) = search_sql(&ContactQuery::default(), 51);
        assert!(
            sql.ends_with("order by c.started_at desc, c.contact_id desc limit $1"),
            "{sql}"
        );
        assert!(!sql.contains(" where "));
        assert_eq!(binds, [Bind::Int(51)]);

        let q = ContactQuery {
            need: Some("allaitement".into()),
            staff_id: Some(7),
            follow_up: Some(FOLLOW_UP_OPEN.into()),
            urgent: true,
            ..ContactQuery::default()
        };
        let (sql, binds) = search_sql(&q, 51);
        assert!(sql.contains("from contact_staff h join contact c"), "{sql}");
        assert!(sql.contains("where h.staff_id = $1 and c.need = $2"), "{sql}");
        assert!(sql.contains("f.state in ('new', 'in-progress', 'waiting') and f.urgent = $3"));
        assert!(
            sql.ends_with("order by h.started_at desc, h.contact_id desc limit $4"),
            "{sql}"
        );
        assert_eq!(
            binds,
            [
                Bind::Int(7),
                Bind::Text("allaitement".into()),
                Bind::Bool(true),
                Bind::Int(51)
            ]
        );
    }
}
