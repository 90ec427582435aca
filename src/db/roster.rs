//! Persistence of the staff directory, schedules and API tokens.
//!
//! The rows come back as the pure types of [`crate::routing::schedule`]; lists
//! (roles, days, people) are stored as JSON arrays and decoded here, once.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};

use super::{StoreError, StoreResult};
use crate::routing::hours::TimeWindow;
use crate::routing::schedule::{
    Handoff, HolidayPolicy, Override, OverrideKind, Roster, Rotation, Rule, StaffId, StaffMember,
};

/// A staff member to create or the new values of one (already validated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffInput {
    pub name: String,
    pub phone: String,
    pub roles: Vec<String>,
    pub active: bool,
}

/// A rotation to create (already validated); `id` is ignored.
pub type RotationInput = Rotation;
/// A rule to create (already validated); `id` is ignored.
pub type RuleInput = Rule;
/// An override to create (already validated); `id` is ignored.
pub type OverrideInput = Override;

/// An API token as listed (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ApiToken {
    pub token_id: i64,
    pub name: String,
    /// What the token may do (`staff`, `supervisor`; see `crate::api`).
    pub role: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait RosterStore: Send + Sync {
    async fn add_staff(&self, s: &StaffInput, at: DateTime<Utc>) -> StoreResult<StaffMember>;
    async fn update_staff(&self, id: StaffId, s: &StaffInput, at: DateTime<Utc>) -> StoreResult<StaffMember>;
    async fn staff_member(&self, id: StaffId) -> StoreResult<Option<StaffMember>>;
    async fn list_staff(&self) -> StoreResult<Vec<StaffMember>>;
    async fn set_staff_calendar_token(&self, id: StaffId, token_hash: &str) -> StoreResult<()>;
    async fn staff_by_calendar_token(&self, token_hash: &str) -> StoreResult<Option<StaffMember>>;

    async fn add_rotation(&self, r: &RotationInput, at: DateTime<Utc>) -> StoreResult<Rotation>;
    async fn list_rotations(&self) -> StoreResult<Vec<Rotation>>;
    /// Fails with `InUse` while a rule names the rotation.
    async fn delete_rotation(&self, id: i64) -> StoreResult<()>;

    async fn add_rule(&self, r: &RuleInput, at: DateTime<Utc>) -> StoreResult<Rule>;
    async fn list_rules(&self) -> StoreResult<Vec<Rule>>;
    async fn delete_rule(&self, id: i64) -> StoreResult<()>;

    async fn add_override(&self, o: &OverrideInput, at: DateTime<Utc>) -> StoreResult<Override>;
    /// Overrides still in force or to come at `after`, by id.
    async fn list_overrides(&self, after: DateTime<Utc>) -> StoreResult<Vec<Override>>;
    async fn delete_override(&self, id: i64) -> StoreResult<()>;

    /// Everything schedules need, with the overrides ending after `after`.
    async fn roster(&self, after: DateTime<Utc>) -> StoreResult<Roster> {
        Ok(Roster {
            staff: self.list_staff().await?,
            rules: self.list_rules().await?,
            rotations: self.list_rotations().await?,
            overrides: self.list_overrides(after).await?,
        })
    }

    async fn set_role_calendar_token(&self, role: &str, token_hash: &str, at: DateTime<Utc>) -> StoreResult<()>;
    async fn role_by_calendar_token(&self, token_hash: &str) -> StoreResult<Option<String>>;

    async fn add_api_token(&self, name: &str, role: &str, token_hash: &str, at: DateTime<Utc>)
        -> StoreResult<ApiToken>;
    /// The token's id and name if it exists and is not revoked; notes its use.
    /// The token's id and role, if it is known and not revoked (its last use is recorded).
    async fn use_api_token(&self, token_hash: &str, at: DateTime<Utc>) -> StoreResult<Option<(i64, String)>>;
    async fn list_api_tokens(&self) -> StoreResult<Vec<ApiToken>>;
    async fn revoke_api_token(&self, id: i64, at: DateTime<Utc>) -> StoreResult<()>;
}

pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("plain values serialise")
}

fn from_json<T: serde::de::DeserializeOwned>(what: &str, s: &str) -> StoreResult<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

pub(crate) type StaffRow = (i64, String, String, String, bool);

pub(crate) fn staff_from_row((id, name, phone, roles, active): StaffRow) -> StoreResult<StaffMember> {
    Ok(StaffMember {
        id,
        name,
        phone,
        roles: from_json("staff roles", &roles)?,
        active,
    })
}

pub(crate) fn weekday_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

pub fn parse_weekday(s: &str) -> Option<Weekday> {
    Some(match s.trim().to_lowercase().as_str() {
        "monday" | "mon" | "lundi" => Weekday::Mon,
        "tuesday" | "tue" | "mardi" => Weekday::Tue,
        "wednesday" | "wed" | "mercredi" => Weekday::Wed,
        "thursday" | "thu" | "jeudi" => Weekday::Thu,
        "friday" | "fri" | "vendredi" => Weekday::Fri,
        "saturday" | "sat" | "samedi" => Weekday::Sat,
        "sunday" | "sun" | "dimanche" => Weekday::Sun,
        _ => return None,
    })
}

pub(crate) fn days_json(days: &[Weekday]) -> String {
    to_json(&days.iter().map(|d| weekday_name(*d)).collect::<Vec<_>>())
}

pub(crate) fn holiday_policy_name(p: HolidayPolicy) -> &'static str {
    match p {
        HolidayPolicy::Always => "always",
        HolidayPolicy::NotOnHolidays => "not-on-holidays",
        HolidayPolicy::OnlyOnHolidays => "only-on-holidays",
    }
}

pub(crate) fn window_parts(w: TimeWindow) -> (String, String) {
    let text = w.to_string();
    let (a, b) = text.split_once('-').expect("a window displays as start-end");
    (a.to_owned(), b.to_owned())
}

pub(crate) type RuleRow = (i64, String, String, String, String, String, Option<i64>, String, i64);

pub(crate) fn rule_from_row(
    (id, role, days, start, end, holidays, rotation, staff, priority): RuleRow,
) -> StoreResult<Rule> {
    let names: Vec<String> = from_json("rule days", &days)?;
    let days = names
        .iter()
        .map(|n| parse_weekday(n).ok_or_else(|| StoreError::Corrupt(format!("rule {id}: day {n}"))))
        .collect::<StoreResult<Vec<_>>>()?;
    let window: TimeWindow = format!("{start}-{end}")
        .parse()
        .map_err(|e| StoreError::Corrupt(format!("rule {id} window: {e}")))?;
    let holidays: HolidayPolicy = from_json("rule holidays", &format!("\"{holidays}\""))?;
    Ok(Rule {
        id,
        role,
        days,
        window,
        holidays,
        rotation,
        staff: from_json("rule staff", &staff)?,
        priority: i32::try_from(priority).unwrap_or(i32::MAX),
    })
}

pub(crate) type RotationRow = (i64, String, String, String, String, String, String);

pub(crate) fn rotation_from_row((id, role, name, members, handoff, time, start): RotationRow) -> StoreResult<Rotation> {
    Ok(Rotation {
        id,
        role,
        name,
        members: from_json("rotation members", &members)?,
        handoff: from_json("rotation handoff", &format!("\"{handoff}\""))?,
        handoff_time: NaiveTime::parse_from_str(&time, "%H:%M")
            .map_err(|e| StoreError::Corrupt(format!("rotation {id} time: {e}")))?,
        start: NaiveDate::parse_from_str(&start, "%Y-%m-%d")
            .map_err(|e| StoreError::Corrupt(format!("rotation {id} date: {e}")))?,
    })
}

pub(crate) fn handoff_name(h: Handoff) -> &'static str {
    match h {
        Handoff::Daily => "daily",
        Handoff::Weekly => "weekly",
    }
}

pub(crate) type OverrideRow = (
    i64,
    String,
    DateTime<Utc>,
    DateTime<Utc>,
    String,
    i64,
    Option<i64>,
    Option<String>,
);

pub(crate) fn override_from_row(
    (id, role, starts_at, ends_at, kind, staff, by, note): OverrideRow,
) -> StoreResult<Override> {
    let kind = match (kind.as_str(), by) {
        ("replace", Some(by)) => OverrideKind::Replace { staff, by },
        ("add", _) => OverrideKind::Add { staff },
        ("remove", _) => OverrideKind::Remove { staff },
        (other, _) => return Err(StoreError::Corrupt(format!("override {id} kind {other}"))),
    };
    Ok(Override {
        id,
        role,
        starts_at,
        ends_at,
        kind,
        note,
    })
}

/// (kind, staff, by) columns of an override.
pub(crate) fn override_columns(k: &OverrideKind) -> (&'static str, i64, Option<i64>) {
    match *k {
        OverrideKind::Replace { staff, by } => ("replace", staff, Some(by)),
        OverrideKind::Add { staff } => ("add", staff, None),
        OverrideKind::Remove { staff } => ("remove", staff, None),
    }
}

/// Implements `RosterStore` for a struct with a `pool` field of a sqlx pool type.
macro_rules! sql_roster_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::db::roster::RosterStore for $store {
            async fn add_staff(&self, s: &$crate::db::roster::StaffInput, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<$crate::routing::schedule::StaffMember> {
                let (id,): (i64,) = sqlx::query_as("insert into staff (name, phone, roles, active, created_at, updated_at) values ($1, $2, $3, $4, $5, $5) returning staff_id")
                    .bind(&s.name).bind(&s.phone).bind($crate::db::roster::to_json(&s.roles)).bind(s.active).bind(at)
                    .fetch_one(&self.pool).await?;
                self.staff_member(id).await?.ok_or($crate::db::StoreError::NotFound)
            }

            async fn update_staff(&self, id: i64, s: &$crate::db::roster::StaffInput, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<$crate::routing::schedule::StaffMember> {
                let n = sqlx::query("update staff set name = $1, phone = $2, roles = $3, active = $4, updated_at = $5 where staff_id = $6")
                    .bind(&s.name).bind(&s.phone).bind($crate::db::roster::to_json(&s.roles)).bind(s.active).bind(at).bind(id)
                    .execute(&self.pool).await?.rows_affected();
                if n == 0 {
                    return Err($crate::db::StoreError::NotFound);
                }
                self.staff_member(id).await?.ok_or($crate::db::StoreError::NotFound)
            }

            async fn staff_member(&self, id: i64) -> $crate::db::StoreResult<Option<$crate::routing::schedule::StaffMember>> {
                let row: Option<$crate::db::roster::StaffRow> = sqlx::query_as("select staff_id, name, phone, roles, active from staff where staff_id = $1").bind(id).fetch_optional(&self.pool).await?;
                row.map($crate::db::roster::staff_from_row).transpose()
            }

            async fn list_staff(&self) -> $crate::db::StoreResult<Vec<$crate::routing::schedule::StaffMember>> {
                let rows: Vec<$crate::db::roster::StaffRow> = sqlx::query_as("select staff_id, name, phone, roles, active from staff order by staff_id").fetch_all(&self.pool).await?;
                rows.into_iter().map($crate::db::roster::staff_from_row).collect()
            }

            async fn set_staff_calendar_token(&self, id: i64, token_hash: &str) -> $crate::db::StoreResult<()> {
                let n = sqlx::query("update staff set calendar_token_hash = $1 where staff_id = $2").bind(token_hash).bind(id).execute(&self.pool).await?.rows_affected();
                if n == 0 { Err($crate::db::StoreError::NotFound) } else { Ok(()) }
            }

            async fn staff_by_calendar_token(&self, token_hash: &str) -> $crate::db::StoreResult<Option<$crate::routing::schedule::StaffMember>> {
                let row: Option<$crate::db::roster::StaffRow> = sqlx::query_as("select staff_id, name, phone, roles, active from staff where calendar_token_hash = $1").bind(token_hash).fetch_optional(&self.pool).await?;
                row.map($crate::db::roster::staff_from_row).transpose()
            }

            async fn add_rotation(&self, r: &$crate::db::roster::RotationInput, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<$crate::routing::schedule::Rotation> {
                let (id,): (i64,) = sqlx::query_as("insert into rotation (role, name, members, handoff, handoff_time, start_date, created_at) values ($1, $2, $3, $4, $5, $6, $7) returning rotation_id")
                    .bind(&r.role).bind(&r.name).bind($crate::db::roster::to_json(&r.members)).bind($crate::db::roster::handoff_name(r.handoff))
                    .bind(r.handoff_time.format("%H:%M").to_string()).bind(r.start.format("%Y-%m-%d").to_string()).bind(at)
                    .fetch_one(&self.pool).await?;
                Ok($crate::routing::schedule::Rotation { id, ..r.clone() })
            }

            async fn list_rotations(&self) -> $crate::db::StoreResult<Vec<$crate::routing::schedule::Rotation>> {
                let rows: Vec<$crate::db::roster::RotationRow> = sqlx::query_as("select rotation_id, role, name, members, handoff, handoff_time, start_date from rotation order by rotation_id").fetch_all(&self.pool).await?;
                rows.into_iter().map($crate::db::roster::rotation_from_row).collect()
            }

            async fn delete_rotation(&self, id: i64) -> $crate::db::StoreResult<()> {
                let used: Option<(i64,)> = sqlx::query_as("select rule_id from schedule_rule where rotation_id = $1 limit 1").bind(id).fetch_optional(&self.pool).await?;
                if let Some((rule,)) = used {
                    return Err($crate::db::StoreError::InUse(format!("rule {rule} uses this rotation")));
                }
                let n = sqlx::query("delete from rotation where rotation_id = $1").bind(id).execute(&self.pool).await?.rows_affected();
                if n == 0 { Err($crate::db::StoreError::NotFound) } else { Ok(()) }
            }

            async fn add_rule(&self, r: &$crate::db::roster::RuleInput, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<$crate::routing::schedule::Rule> {
                let (start, end) = $crate::db::roster::window_parts(r.window);
                let (id,): (i64,) = sqlx::query_as("insert into schedule_rule (role, days, window_start, window_end, holidays, rotation_id, staff, priority, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning rule_id")
                    .bind(&r.role).bind($crate::db::roster::days_json(&r.days)).bind(start).bind(end)
                    .bind($crate::db::roster::holiday_policy_name(r.holidays)).bind(r.rotation).bind($crate::db::roster::to_json(&r.staff)).bind(i64::from(r.priority)).bind(at)
                    .fetch_one(&self.pool).await?;
                Ok($crate::routing::schedule::Rule { id, ..r.clone() })
            }

            async fn list_rules(&self) -> $crate::db::StoreResult<Vec<$crate::routing::schedule::Rule>> {
                let rows: Vec<$crate::db::roster::RuleRow> = sqlx::query_as("select rule_id, role, days, window_start, window_end, holidays, rotation_id, staff, priority from schedule_rule order by priority, rule_id").fetch_all(&self.pool).await?;
                rows.into_iter().map($crate::db::roster::rule_from_row).collect()
            }

            async fn delete_rule(&self, id: i64) -> $crate::db::StoreResult<()> {
                let n = sqlx::query("delete from schedule_rule where rule_id = $1").bind(id).execute(&self.pool).await?.rows_affected();
                if n == 0 { Err($crate::db::StoreError::NotFound) } else { Ok(()) }
            }

            async fn add_override(&self, o: &$crate::db::roster::OverrideInput, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<$crate::routing::schedule::Override> {
                let (kind, staff, by) = $crate::db::roster::override_columns(&o.kind);
                let (id,): (i64,) = sqlx::query_as("insert into schedule_override (role, starts_at, ends_at, kind, staff_id, by_staff_id, note, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning override_id")
                    .bind(&o.role).bind(o.starts_at).bind(o.ends_at).bind(kind).bind(staff).bind(by).bind(&o.note).bind(at)
                    .fetch_one(&self.pool).await?;
                Ok($crate::routing::schedule::Override { id, ..o.clone() })
            }

            async fn list_overrides(&self, after: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<Vec<$crate::routing::schedule::Override>> {
                let rows: Vec<$crate::db::roster::OverrideRow> = sqlx::query_as("select override_id, role, starts_at, ends_at, kind, staff_id, by_staff_id, note from schedule_override where ends_at > $1 order by override_id").bind(after).fetch_all(&self.pool).await?;
                rows.into_iter().map($crate::db::roster::override_from_row).collect()
            }

            async fn delete_override(&self, id: i64) -> $crate::db::StoreResult<()> {
                let n = sqlx::query("delete from schedule_override where override_id = $1").bind(id).execute(&self.pool).await?.rows_affected();
                if n == 0 { Err($crate::db::StoreError::NotFound) } else { Ok(()) }
            }

            async fn set_role_calendar_token(&self, role: &str, token_hash: &str, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<()> {
                sqlx::query("insert into role_calendar (role, token_hash, created_at) values ($1, $2, $3) on conflict (role) do update set token_hash = excluded.token_hash, created_at = excluded.created_at")
                    .bind(role).bind(token_hash).bind(at).execute(&self.pool).await?;
                Ok(())
            }

            async fn role_by_calendar_token(&self, token_hash: &str) -> $crate::db::StoreResult<Option<String>> {
                let row: Option<(String,)> = sqlx::query_as("select role from role_calendar where token_hash = $1").bind(token_hash).fetch_optional(&self.pool).await?;
                Ok(row.map(|(r,)| r))
            }

            async fn add_api_token(&self, name: &str, role: &str, token_hash: &str, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<$crate::db::roster::ApiToken> {
                let (token_id,): (i64,) = sqlx::query_as("insert into api_token (name, role, token_hash, created_at) values ($1, $2, $3, $4) returning token_id")
                    .bind(name).bind(role).bind(token_hash).bind(at).fetch_one(&self.pool).await?;
                Ok($crate::db::roster::ApiToken { token_id, name: name.to_owned(), role: role.to_owned(), created_at: at, last_used_at: None, revoked_at: None })
            }

            async fn use_api_token(&self, token_hash: &str, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<Option<(i64, String)>> {
                let row: Option<(i64, String)> = sqlx::query_as("update api_token set last_used_at = $1 where token_hash = $2 and revoked_at is null returning token_id, role")
                    .bind(at).bind(token_hash).fetch_optional(&self.pool).await?;
                Ok(row)
            }

            async fn list_api_tokens(&self) -> $crate::db::StoreResult<Vec<$crate::db::roster::ApiToken>> {
                let rows: Vec<(i64, String, String, chrono::DateTime<chrono::Utc>, Option<chrono::DateTime<chrono::Utc>>, Option<chrono::DateTime<chrono::Utc>>)> =
                    sqlx::query_as("select token_id, name, role, created_at, last_used_at, revoked_at from api_token order by token_id").fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(|(token_id, name, role, created_at, last_used_at, revoked_at)| $crate::db::roster::ApiToken { token_id, name, role, created_at, last_used_at, revoked_at }).collect())
            }

            async fn revoke_api_token(&self, id: i64, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<()> {
                let n = sqlx::query("update api_token set revoked_at = coalesce(revoked_at, $1) where token_id = $2").bind(at).bind(id).execute(&self.pool).await?.rows_affected();
                if n == 0 { Err($crate::db::StoreError::NotFound) } else { Ok(()) }
            }
        }
    };
}

pub(crate) use sql_roster_store;
