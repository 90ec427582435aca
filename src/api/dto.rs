//! What the API answers: explicit structures, so that the wire format does not
//! change when the core types do.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::config::Settings;
use crate::db::roster::{handoff_name, holiday_policy_name, override_columns, weekday_name};
use crate::routing::schedule::{Override, Rotation, Rule, StaffId, StaffMember};
use crate::routing::service::{local_rfc3339, GapReport};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StaffDto {
    pub id: StaffId,
    pub name: String,
    /// E.164.
    pub phone: String,
    pub roles: Vec<String>,
    pub active: bool,
}

impl From<StaffMember> for StaffDto {
    fn from(m: StaffMember) -> StaffDto {
        StaffDto {
            id: m.id,
            name: m.name,
            phone: m.phone,
            roles: m.roles,
            active: m.active,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RotationDto {
    pub id: i64,
    pub role: String,
    pub name: String,
    /// Staff ids, in turn order.
    pub members: Vec<StaffId>,
    /// `daily` or `weekly`.
    pub handoff: String,
    /// `HH:MM`, local time.
    pub handoff_time: String,
    /// `YYYY-MM-DD`, local date of the first turn.
    pub start: String,
}

impl From<Rotation> for RotationDto {
    fn from(r: Rotation) -> RotationDto {
        RotationDto {
            id: r.id,
            handoff: handoff_name(r.handoff).to_owned(),
            handoff_time: r.handoff_time.format("%H:%M").to_string(),
            start: r.start.format("%Y-%m-%d").to_string(),
            role: r.role,
            name: r.name,
            members: r.members,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleDto {
    pub id: i64,
    pub role: String,
    /// `["monday", …]`: the days the window starts on.
    pub days: Vec<String>,
    /// `HH:MM-HH:MM`, local time; an end before the start crosses midnight.
    pub window: String,
    /// `always`, `not-on-holidays` or `only-on-holidays`.
    pub holidays: String,
    /// The rotation whose member on turn comes first.
    pub rotation: Option<i64>,
    /// Then these people, in order.
    pub staff: Vec<StaffId>,
    pub priority: i32,
}

impl From<Rule> for RuleDto {
    fn from(r: Rule) -> RuleDto {
        RuleDto {
            id: r.id,
            days: r.days.iter().map(|d| weekday_name(*d).to_owned()).collect(),
            window: r.window.to_string(),
            holidays: holiday_policy_name(r.holidays).to_owned(),
            rotation: r.rotation,
            staff: r.staff,
            priority: r.priority,
            role: r.role,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OverrideDto {
    pub id: i64,
    pub role: String,
    /// `replace`, `add` or `remove`.
    pub kind: String,
    /// The person replaced, added or removed.
    pub staff: StaffId,
    /// For `replace`: who takes their place.
    pub by: Option<StaffId>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// `starts_at` on the line's wall clock.
    pub starts_local: String,
    pub ends_local: String,
    pub note: Option<String>,
}

impl OverrideDto {
    pub fn new(o: Override, settings: &Settings) -> OverrideDto {
        let (kind, staff, by) = override_columns(&o.kind);
        OverrideDto {
            id: o.id,
            kind: kind.to_owned(),
            staff,
            by,
            starts_local: local_rfc3339(settings, o.starts_at),
            ends_local: local_rfc3339(settings, o.ends_at),
            starts_at: o.starts_at,
            ends_at: o.ends_at,
            note: o.note,
            role: o.role,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoleDto {
    pub id: String,
    /// How the role is named to callers, e.g. "une sage-femme".
    pub label: String,
    /// Roles tried, in order, when nobody of this role answers.
    pub backups: Vec<String>,
    /// Whether a transfer of the IVR scripts puts callers through to this role.
    pub offered: bool,
}

/// A new secret link; the previous one of the same person or role stops working.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CalendarLinkDto {
    /// The iCalendar URL to subscribe to (it contains the secret: share it privately).
    pub url: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GapsDto {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// The roles checked: those the IVR offers.
    pub roles: Vec<String>,
    pub gaps: Vec<GapReport>,
}
