//! Who is on duty: the pure schedule resolver.
//!
//! A role's coverage is made of **rules** (weekly windows, each naming who is
//! on duty: fixed people and/or the current member of a **rotation**), adjusted
//! by **overrides** for a period (replace one person by another, add someone,
//! remove someone). Everything is evaluated on the wall clock of the line's time
//! zone, so a shift "from 18:00" starts at 18:00 in Paris in winter and in
//! summer, an instant that falls in the spring-forward gap does not exist, and
//! both instants of the autumn overlap read the same wall-clock time.
//!
//! [`Roster::on_duty`] answers "who is on duty for role R at instant T, in which
//! order" with the decision path that led there; [`Roster::gaps`] and
//! [`Roster::shifts`] sweep a period for coverage gaps and calendar feeds.
//! Nothing here does I/O: the roster is loaded from the store by the caller.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::holidays::{holiday_name, HolidayRegion};
use super::hours::{next_offset_change, offset_at, TimeWindow};
use crate::db::roster::holiday_policy_name;

pub type StaffId = i64;

/// A professional of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: StaffId,
    pub name: String,
    /// Mobile number, E.164 (checked when the member is saved).
    pub phone: String,
    /// Roles this person can take calls for.
    pub roles: Vec<String>,
    /// An inactive member is never rung, whatever the schedule says.
    pub active: bool,
}

/// How a rule behaves on a public holiday of the line's region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum HolidayPolicy {
    /// The rule applies on holidays as on any other day.
    #[default]
    Always,
    /// The rule does not apply on holidays (the role is closed unless another rule covers it).
    NotOnHolidays,
    /// The rule applies only on holidays (a holiday rota).
    OnlyOnHolidays,
}

/// A weekly rule of a role: on these days, in this window, these people are on duty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub id: i64,
    pub role: String,
    /// Days the window *starts* on; a window crossing midnight runs into the next day.
    pub days: Vec<Weekday>,
    pub window: TimeWindow,
    /// Decided on the date the window started.
    pub holidays: HolidayPolicy,
    /// The current member of this rotation comes first, if set.
    pub rotation: Option<i64>,
    /// Then these people, in this order.
    pub staff: Vec<StaffId>,
    /// Rules are tried by ascending priority, then id; their people are concatenated.
    pub priority: i32,
}

/// How often a rotation hands over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Handoff {
    Daily,
    Weekly,
}

/// An ordered list of people taking turns, handing over at a set local hour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rotation {
    pub id: i64,
    pub role: String,
    pub name: String,
    pub members: Vec<StaffId>,
    pub handoff: Handoff,
    pub handoff_time: NaiveTime,
    /// Local date of the first handoff: `members[0]` is on turn from
    /// `start` at `handoff_time`; for a weekly rotation, the handoff weekday is
    /// this date's weekday.
    pub start: NaiveDate,
}

/// What an override changes while it is in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum OverrideKind {
    /// `staff` is replaced by `by`, at the same place in the order.
    Replace { staff: StaffId, by: StaffId },
    /// `staff` is added, after the people already on duty.
    Add { staff: StaffId },
    /// `staff` is taken off duty.
    Remove { staff: StaffId },
}

/// A change to a role's coverage for `[starts_at, ends_at)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub id: i64,
    pub role: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub kind: OverrideKind,
    pub note: Option<String>,
}

/// Where the schedule is read: the line's time zone and holiday region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    pub tz: Tz,
    pub region: HolidayRegion,
}

/// Everything schedules are made of, as loaded from the store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roster {
    pub staff: Vec<StaffMember>,
    pub rules: Vec<Rule>,
    pub rotations: Vec<Rotation>,
    pub overrides: Vec<Override>,
}

/// One step of the decision path shown by `numerovert schedule who`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum Trace {
    /// The instant, read on the line's wall clock.
    LocalTime { local: String },
    /// The rule's window covers the instant.
    RuleApplies {
        rule: i64,
        window: String,
        holiday: Option<String>,
    },
    /// The rule's window covers the instant, but its holiday policy excludes it.
    RuleSkippedForHoliday {
        rule: i64,
        holiday: Option<String>,
        policy: HolidayPolicy,
    },
    /// The rotation's member on turn.
    RotationTurn { rotation: i64, staff: StaffId, turn: i64 },
    /// An override in force, and whether it changed anything.
    OverrideApplied { id: i64, kind: OverrideKind, changed: bool },
    /// An inactive or unknown person, or one who does not hold the role, was dropped.
    Dropped { staff: StaffId, reason: String },
    /// The final answer, in ringing order.
    OnDuty { people: Vec<StaffId> },
}

/// The answer of [`Roster::on_duty`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duty {
    pub people: Vec<StaffId>,
    pub trace: Vec<Trace>,
}

/// A period with nobody on duty for a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub role: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// A continuous period one person is on duty for a role (calendar feeds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shift {
    pub role: String,
    pub staff: StaffId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl Roster {
    pub fn member(&self, id: StaffId) -> Option<&StaffMember> {
        self.staff.iter().find(|s| s.id == id)
    }

    /// Who is on duty for `role` at `at`, in ringing order, with the decision path.
    pub fn on_duty(&self, role: &str, cal: &Calendar, at: DateTime<Utc>) -> Duty {
        let mut trace = Vec::new();
        let people = RoleSchedule::of(self, role).resolve(cal, at, &mut Steps(Some(&mut trace)));
        Duty { people, trace }
    }

    /// Periods of `[from, to)` where `role` has nobody on duty while `required`
    /// says coverage is needed (e.g. the line is open), merged and in order.
    ///
    /// `required` is only sampled, not scanned: it is read at the start of each
    /// quarter hour of UTC time (which is also the local quarter hour in every
    /// zone whose offset is a multiple of 15 minutes) and at each instant where
    /// the schedule itself may change (local midnights, rule and handoff times,
    /// override bounds, clock changes), and taken as constant until the next
    /// such instant. It must therefore only change at those instants, as
    /// opening hours written in quarter hours do.
    pub fn gaps(
        &self,
        role: &str,
        cal: &Calendar,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        required: &dyn Fn(DateTime<Utc>) -> bool,
    ) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = Vec::new();
        let uncovered = self
            .segments(role, cal, from, to)
            .into_iter()
            .filter(|s| s.people.is_empty());
        for segment in uncovered {
            let mut start = segment.start;
            while start < segment.end {
                let end = next_quarter_hour(start).map_or(segment.end, |quarter| quarter.min(segment.end));
                if required(start) {
                    match gaps.last_mut() {
                        Some(last) if last.ends_at == start => last.ends_at = end,
                        _ => gaps.push(Gap {
                            role: role.to_owned(),
                            starts_at: start,
                            ends_at: end,
                        }),
                    }
                }
                start = end;
            }
        }
        gaps
    }

    /// The continuous shifts of every person of `role` within `[from, to)`,
    /// clipped to the period, ordered by start.
    ///
    /// Shifts with the same start are ordered by staff id. A person who stays
    /// on duty while the rule or override keeping them there changes has one
    /// shift, not several.
    pub fn shifts(&self, role: &str, cal: &Calendar, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Shift> {
        let mut shifts = Vec::new();
        let mut open: BTreeMap<StaffId, DateTime<Utc>> = BTreeMap::new();
        let shift = |staff: StaffId, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>| Shift {
            role: role.to_owned(),
            staff,
            starts_at,
            ends_at,
        };
        for segment in self.segments(role, cal, from, to) {
            open.retain(|&staff, &mut starts_at| {
                let stays = segment.people.contains(&staff);
                if !stays {
                    shifts.push(shift(staff, starts_at, segment.start));
                }
                stays
            });
            for &staff in &segment.people {
                open.entry(staff).or_insert(segment.start);
            }
        }
        shifts.extend(open.into_iter().map(|(staff, starts_at)| shift(staff, starts_at, to)));
        shifts.sort_by_key(|s| (s.starts_at, s.staff));
        shifts
    }

    /// Splits `[from, to)` into consecutive stretches over which the answer
    /// of `on_duty` does not change, merging neighbours with the same answer.
    fn segments(&self, role: &str, cal: &Calendar, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Segment> {
        let schedule = RoleSchedule::of(self, role);
        let points = schedule.change_points(cal.tz, from, to);
        let mut segments: Vec<Segment> = Vec::new();
        for (i, &start) in points.iter().enumerate() {
            let end = points.get(i + 1).copied().unwrap_or(to);
            let people = schedule.resolve(cal, start, &mut Steps(None));
            match segments.last_mut() {
                Some(last) if last.people == people => last.end = end,
                _ => segments.push(Segment { start, end, people }),
            }
        }
        segments
    }
}

/// The part of a roster that concerns one role, in the order it applies.
///
/// Built once per question: a sweep resolves the role at every change point,
/// and filtering and sorting the whole roster again at each would be wasted.
struct RoleSchedule<'a> {
    roster: &'a Roster,
    role: &'a str,
    /// By priority, then id; each with its rotation, when that still exists.
    rules: Vec<(&'a Rule, Option<&'a Rotation>)>,
    /// By id, the order in which they apply.
    overrides: Vec<&'a Override>,
}

impl<'a> RoleSchedule<'a> {
    fn of(roster: &'a Roster, role: &'a str) -> Self {
        let mut rules: Vec<(&Rule, Option<&Rotation>)> = roster
            .rules
            .iter()
            .filter(|rule| rule.role == role)
            .map(|rule| {
                let rotation = rule
                    .rotation
                    .and_then(|id| roster.rotations.iter().find(|rotation| rotation.id == id));
                (rule, rotation)
            })
            .collect();
        rules.sort_by_key(|(rule, _)| (rule.priority, rule.id));
        let mut overrides: Vec<&Override> = roster.overrides.iter().filter(|o| o.role == role).collect();
        overrides.sort_by_key(|o| o.id);
        RoleSchedule {
            roster,
            role,
            rules,
            overrides,
        }
    }

    /// [`Roster::on_duty`], recording its steps only when `steps` is on, since
    /// sweeps evaluate it many times and throw the trace away.
    fn resolve(&self, cal: &Calendar, at: DateTime<Utc>, steps: &mut Steps) -> Vec<StaffId> {
        let local = at.with_timezone(&cal.tz).naive_local();
        steps.push(|| Trace::LocalTime {
            local: local.format("%Y-%m-%d %H:%M (%A)").to_string(),
        });

        let mut people: Vec<StaffId> = Vec::new();
        for &(rule, rotation) in &self.rules {
            let Some(window_date) = window_date(rule, local) else {
                continue;
            };
            let holiday = holiday_name(window_date, cal.region);
            let applies = match rule.holidays {
                HolidayPolicy::Always => true,
                HolidayPolicy::NotOnHolidays => holiday.is_none(),
                HolidayPolicy::OnlyOnHolidays => holiday.is_some(),
            };
            if !applies {
                steps.push(|| Trace::RuleSkippedForHoliday {
                    rule: rule.id,
                    holiday: holiday.map(str::to_owned),
                    policy: rule.holidays,
                });
                continue;
            }
            steps.push(|| Trace::RuleApplies {
                rule: rule.id,
                window: rule.window.to_string(),
                holiday: holiday.map(str::to_owned),
            });
            // A rule naming a rotation that no longer exists still brings its
            // fixed staff: losing part of the coverage beats losing all of it.
            if let Some(rotation) = rotation {
                if let Some((turn, staff)) = rotation.on_turn(local) {
                    steps.push(|| Trace::RotationTurn {
                        rotation: rotation.id,
                        staff,
                        turn,
                    });
                    push_unique(&mut people, staff);
                }
            }
            for &staff in &rule.staff {
                push_unique(&mut people, staff);
            }
        }

        // Overrides are absolute periods (a sick leave from this instant to
        // that one), so they are compared as instants, not on the wall clock.
        for o in self.overrides.iter().filter(|o| o.starts_at <= at && at < o.ends_at) {
            let changed = apply_override(&mut people, &o.kind);
            steps.push(|| Trace::OverrideApplied {
                id: o.id,
                kind: o.kind.clone(),
                changed,
            });
        }

        people.retain(|&staff| {
            let reason = match self.roster.member(staff) {
                None => Some("unknown"),
                Some(member) if !member.active => Some("inactive"),
                Some(member) if !member.roles.iter().any(|r| r == self.role) => Some("not in role"),
                Some(_) => None,
            };
            if let Some(reason) = reason {
                steps.push(|| Trace::Dropped {
                    staff,
                    reason: reason.to_owned(),
                });
            }
            reason.is_none()
        });
        steps.push(|| Trace::OnDuty { people: people.clone() });
        people
    }

    /// Sorted instants of `[from, to)`, starting with `from`, such that the
    /// answer of `resolve` is constant from each one to the next.
    ///
    /// The answer can only change where the wall clock crosses a time the
    /// rules care about (midnight for the weekday and the holiday, window
    /// bounds, handoff times), where an override starts or ends, or where the
    /// wall clock jumps. As in [`super::hours`], wall-clock times are never
    /// converted to instants through the time zone: the period is cut at its
    /// clock changes, and within each piece the wall clock is the instant
    /// plus one fixed offset, so a wall-clock time is shown by at most one
    /// instant of the piece, found by subtraction. Both passes of the autumn
    /// overlap fall out as two pieces; a time lost in the spring-forward gap
    /// falls in no piece, and is first passed where the next piece starts.
    fn change_points(&self, tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        if from >= to {
            return Vec::new();
        }
        let mut times = vec![NaiveTime::MIN];
        for &(rule, rotation) in &self.rules {
            times.extend([rule.window.start, rule.window.end]);
            times.extend(rotation.map(|rotation| rotation.handoff_time));
        }
        times.sort();
        times.dedup();

        let mut points: Vec<DateTime<Utc>> = self.overrides.iter().flat_map(|o| [o.starts_at, o.ends_at]).collect();
        let mut bounds = vec![from];
        bounds.extend(offset_changes(tz, from, to).into_iter().filter(|&change| change < to));
        bounds.push(to);
        for piece in bounds.windows(2) {
            let (start, end) = (piece[0], piece[1]);
            points.push(start);
            let offset = offset_at(tz, start);
            let wall = |at: DateTime<Utc>| at.naive_utc().checked_add_signed(offset);
            let (Some(first), Some(last)) = (wall(start), wall(end)) else {
                continue;
            };
            for day in first.date().iter_days().take_while(|&day| day <= last.date()) {
                for &time in &times {
                    let Some(at) = day.and_time(time).checked_sub_signed(offset) else {
                        continue;
                    };
                    let at = at.and_utc();
                    if start <= at && at < end {
                        points.push(at);
                    }
                }
            }
        }
        points.retain(|&point| from <= point && point < to);
        points.sort();
        points.dedup();
        points
    }
}

/// A stretch of time with the same people on duty.
struct Segment {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    people: Vec<StaffId>,
}

/// Where [`RoleSchedule::resolve`] records its decision path, if anywhere. Steps are
/// built lazily so that sweeps do not format strings they throw away.
struct Steps<'a>(Option<&'a mut Vec<Trace>>);

impl Steps<'_> {
    fn push(&mut self, step: impl FnOnce() -> Trace) {
        if let Some(trace) = self.0.as_deref_mut() {
            trace.push(step());
        }
    }
}

/// The local date on which the window of `rule` covering `local` started, or
/// `None` when the rule does not cover `local`.
fn window_date(rule: &Rule, local: NaiveDateTime) -> Option<NaiveDate> {
    let (date, time) = (local.date(), local.time());
    let window = rule.window;
    let starts_on = |day: NaiveDate| rule.days.contains(&day.weekday());
    if !window.crosses_midnight() {
        return (starts_on(date) && window.start <= time && time < window.end).then_some(date);
    }
    // The two parts of a window crossing midnight never overlap (`end <= start`),
    // so at most one start date matches.
    if starts_on(date) && window.start <= time {
        return Some(date);
    }
    let eve = date.pred_opt()?;
    (starts_on(eve) && time < window.end).then_some(eve)
}

impl Rotation {
    /// The turn number and the member on turn at the wall-clock time `local`,
    /// or `None` when the rotation has no members.
    ///
    /// Turns are counted on the wall clock so that the handoff happens at the
    /// same local hour all year round, the day of a clock change included.
    fn on_turn(&self, local: NaiveDateTime) -> Option<(i64, StaffId)> {
        if self.members.is_empty() {
            return None;
        }
        let period: i64 = match self.handoff {
            Handoff::Daily => 86_400,
            Handoff::Weekly => 7 * 86_400,
        };
        let elapsed = local - self.start.and_time(self.handoff_time);
        // Floor, not truncation, so that a turn before `start` ends at the
        // handoff time and not a moment after it.
        let seconds = elapsed.num_seconds() - i64::from(elapsed.subsec_nanos() < 0);
        let turn = seconds.div_euclid(period);
        let len = i64::try_from(self.members.len()).ok()?;
        let index = usize::try_from(turn.rem_euclid(len)).ok()?;
        Some((turn, self.members[index]))
    }
}

fn push_unique(people: &mut Vec<StaffId>, staff: StaffId) {
    if !people.contains(&staff) {
        people.push(staff);
    }
}

/// Applies one override to the ordered list of people; says whether it changed it.
fn apply_override(people: &mut Vec<StaffId>, kind: &OverrideKind) -> bool {
    let position = |people: &[StaffId], staff: StaffId| people.iter().position(|&p| p == staff);
    match *kind {
        OverrideKind::Replace { staff, by } => {
            // Replacing someone by themselves must not take them off duty.
            if staff == by {
                return false;
            }
            let Some(index) = position(people, staff) else {
                return false;
            };
            if people.contains(&by) {
                people.remove(index);
            } else {
                people[index] = by;
            }
            true
        }
        OverrideKind::Add { staff } => {
            let absent = !people.contains(&staff);
            if absent {
                people.push(staff);
            }
            absent
        }
        OverrideKind::Remove { staff } => match position(people, staff) {
            Some(index) => {
                people.remove(index);
                true
            }
            None => false,
        },
    }
}

/// The instants of `(from, to)` where the UTC offset of `tz` changes.
fn offset_changes(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut changes = Vec::new();
    let mut at = from;
    loop {
        let change = next_offset_change(tz, at, offset_at(tz, at), to);
        if change >= to {
            return changes;
        }
        changes.push(change);
        at = change;
    }
}

const QUARTER_HOUR_SECONDS: i64 = 15 * 60;

/// The first UTC quarter hour strictly after `at`.
fn next_quarter_hour(at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let next = (at.timestamp().div_euclid(QUARTER_HOUR_SECONDS) + 1) * QUARTER_HOUR_SECONDS;
    DateTime::from_timestamp(next, 0)
}

fn describe_override(kind: &OverrideKind) -> String {
    match *kind {
        OverrideKind::Replace { staff, by } => format!("replace {staff} by {by}"),
        OverrideKind::Add { staff } => format!("add {staff}"),
        OverrideKind::Remove { staff } => format!("remove {staff}"),
    }
}

impl fmt::Display for Trace {
    /// One line of English per step, with staff as ids: the CLI names them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trace::LocalTime { local } => write!(f, "local time {local}"),
            Trace::RuleApplies {
                rule,
                window,
                holiday: None,
            } => write!(f, "rule {rule} applies (window {window})"),
            Trace::RuleApplies {
                rule,
                window,
                holiday: Some(holiday),
            } => write!(f, "rule {rule} applies (window {window}, holiday {holiday})"),
            Trace::RuleSkippedForHoliday {
                rule,
                holiday: Some(holiday),
                policy,
            } => write!(
                f,
                "rule {rule} skipped: holiday {holiday} (policy {})",
                holiday_policy_name(*policy)
            ),
            Trace::RuleSkippedForHoliday {
                rule,
                holiday: None,
                policy,
            } => write!(
                f,
                "rule {rule} skipped: not a holiday (policy {})",
                holiday_policy_name(*policy)
            ),
            Trace::RotationTurn { rotation, staff, turn } => {
                write!(f, "rotation {rotation}: turn {turn} → staff {staff}")
            }
            Trace::OverrideApplied { id, kind, changed } => {
                let outcome = if *changed { "applied" } else { "no change" };
                write!(f, "override {id} ({}): {outcome}", describe_override(kind))
            }
            Trace::Dropped { staff, reason } => write!(f, "staff {staff} dropped: {reason}"),
            Trace::OnDuty { people } if people.is_empty() => f.write_str("on duty: nobody"),
            Trace::OnDuty { people } => {
                let ids: Vec<String> = people.iter().map(StaffId::to_string).collect();
                write!(f, "on duty, in order: {}", ids.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeDelta, TimeZone};

    use super::*;
    use chrono::{LocalResult, Timelike};
    use chrono_tz::Europe::Paris;
    use proptest::prelude::*;

    const ROLE: &str = "sage-femme";
    const OTHER_ROLE: &str = "psychologue";

    const CAL: Calendar = Calendar {
        tz: Paris,
        region: HolidayRegion::Metropole,
    };

    const WEEK: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid test time")
    }

    fn window(start: (u32, u32), end: (u32, u32)) -> TimeWindow {
        TimeWindow {
            start: time(start.0, start.1),
            end: time(end.0, end.1),
        }
    }

    /// A Paris wall-clock time that exists exactly once.
    fn paris(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        let local = date(y, m, d).and_time(time(h, mi));
        match Paris.from_local_datetime(&local) {
            LocalResult::Single(t) => t.with_timezone(&Utc),
            other => panic!("{local} is not a unique Paris time: {other:?}"),
        }
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        date(y, m, d).and_time(time(h, mi)).and_utc()
    }

    fn member(id: StaffId, roles: &[&str], active: bool) -> StaffMember {
        StaffMember {
            id,
            name: format!("Person {id}"),
            phone: format!("+3360000000{id}"),
            roles: roles.iter().map(|r| (*r).to_owned()).collect(),
            active,
        }
    }

    /// Staff 1-6 hold the role, 7 holds another role only, 8 is inactive;
    /// 9 and above are unknown.
    fn directory() -> Vec<StaffMember> {
        let mut staff: Vec<StaffMember> = (1..=6).map(|id| member(id, &[ROLE, OTHER_ROLE], true)).collect();
        staff.push(member(7, &[OTHER_ROLE], true));
        staff.push(member(8, &[ROLE], false));
        staff
    }

    fn rule(id: i64, days: &[Weekday], window: TimeWindow, staff: &[StaffId]) -> Rule {
        Rule {
            id,
            role: ROLE.to_owned(),
            days: days.to_vec(),
            window,
            holidays: HolidayPolicy::Always,
            rotation: None,
            staff: staff.to_vec(),
            priority: 0,
        }
    }

    fn rotation(id: i64, members: &[StaffId], handoff: Handoff, at: NaiveTime, start: NaiveDate) -> Rotation {
        Rotation {
            id,
            role: ROLE.to_owned(),
            name: format!("rotation {id}"),
            members: members.to_vec(),
            handoff,
            handoff_time: at,
            start,
        }
    }

    fn roster(rules: Vec<Rule>) -> Roster {
        Roster {
            staff: directory(),
            rules,
            ..Roster::default()
        }
    }

    fn who(roster: &Roster, at: DateTime<Utc>) -> Vec<StaffId> {
        roster.on_duty(ROLE, &CAL, at).people
    }

    fn last_sunday(year: i32, month: u32) -> NaiveDate {
        let mut day = date(year, month + 1, 1).pred_opt().expect("in range");
        while day.weekday() != Weekday::Sun {
            day = day.pred_opt().expect("in range");
        }
        day
    }

    // ---- rules ----

    #[test]
    fn weekday_window() {
        let weekdays = &WEEK[..5];
        let r = roster(vec![rule(1, weekdays, window((9, 0), (17, 0)), &[1])]);
        // Monday 2 March 2026.
        let duty = r.on_duty(ROLE, &CAL, paris(2026, 3, 2, 9, 0));
        assert_eq!(
            duty.trace,
            vec![
                Trace::LocalTime {
                    local: "2026-03-02 09:00 (Monday)".into()
                },
                Trace::RuleApplies {
                    rule: 1,
                    window: "09:00-17:00".into(),
                    holiday: None
                },
                Trace::OnDuty { people: vec![1] },
            ]
        );
        assert_eq!(duty.people, vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 2, 8, 59)), Vec::<StaffId>::new());
        assert_eq!(who(&r, paris(2026, 3, 2, 16, 59)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 2, 17, 0)), Vec::<StaffId>::new());
        assert_eq!(who(&r, paris(2026, 3, 6, 12, 0)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 7, 12, 0)), Vec::<StaffId>::new());
        // The same wall-clock hours in summer time.
        assert_eq!(who(&r, paris(2026, 7, 6, 9, 0)), vec![1]);
        assert_eq!(who(&r, paris(2026, 7, 6, 17, 0)), Vec::<StaffId>::new());
        // Another role sees nothing of these rules.
        assert!(r.on_duty(OTHER_ROLE, &CAL, paris(2026, 3, 2, 10, 0)).people.is_empty());
    }

    #[test]
    fn window_crossing_midnight_belongs_to_the_day_it_starts() {
        let r = roster(vec![
            rule(1, &[Weekday::Sun], window((22, 0), (6, 0)), &[1]),
            rule(2, &[Weekday::Mon], window((22, 0), (6, 0)), &[2]),
        ]);
        // Sunday 8 March 2026 into Monday 9 March.
        assert!(who(&r, paris(2026, 3, 8, 21, 59)).is_empty());
        assert_eq!(who(&r, paris(2026, 3, 8, 22, 0)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 9, 1, 0)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 9, 5, 59)), vec![1]);
        assert!(who(&r, paris(2026, 3, 9, 6, 0)).is_empty());
        assert_eq!(who(&r, paris(2026, 3, 9, 22, 30)), vec![2]);
        assert_eq!(who(&r, paris(2026, 3, 10, 2, 0)), vec![2]);
        // Sunday's early hours would belong to a Saturday rule.
        assert!(who(&r, paris(2026, 3, 8, 1, 0)).is_empty());
        let trace = r.on_duty(ROLE, &CAL, paris(2026, 3, 9, 1, 0)).trace;
        assert_eq!(trace[0].to_string(), "local time 2026-03-09 01:00 (Monday)");
        assert_eq!(trace[1].to_string(), "rule 1 applies (window 22:00-06:00)");
    }

    #[test]
    fn all_day_window() {
        let r = roster(vec![rule(1, &[Weekday::Wed], TimeWindow::ALL_DAY, &[1])]);
        // Wednesday 4 March 2026.
        assert!(who(&r, paris(2026, 3, 3, 23, 59)).is_empty());
        assert_eq!(who(&r, paris(2026, 3, 4, 0, 0)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 4, 12, 0)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 4, 23, 59)), vec![1]);
        assert!(who(&r, paris(2026, 3, 5, 0, 0)).is_empty());
        let trace = r.on_duty(ROLE, &CAL, paris(2026, 3, 4, 12, 0)).trace;
        assert_eq!(trace[1].to_string(), "rule 1 applies (window 00:00-24:00)");
        // 24 hours from another hour than midnight.
        let r = roster(vec![rule(1, &[Weekday::Wed], window((9, 0), (9, 0)), &[1])]);
        assert!(who(&r, paris(2026, 3, 4, 8, 59)).is_empty());
        assert_eq!(who(&r, paris(2026, 3, 4, 9, 0)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 5, 8, 59)), vec![1]);
        assert!(who(&r, paris(2026, 3, 5, 9, 0)).is_empty());
    }

    #[test]
    fn rules_by_priority_then_id_without_duplicates() {
        let mut late = rule(5, &WEEK, TimeWindow::ALL_DAY, &[3, 1]);
        late.priority = 1;
        let mut middle = rule(2, &WEEK, TimeWindow::ALL_DAY, &[2]);
        middle.priority = 1;
        let first = rule(9, &WEEK, TimeWindow::ALL_DAY, &[1, 4, 1]);
        let mut elsewhere = rule(1, &WEEK, TimeWindow::ALL_DAY, &[7]);
        elsewhere.role = OTHER_ROLE.into();
        elsewhere.priority = -5;
        let mut r = roster(vec![late, middle, first, elsewhere]);
        let duty = r.on_duty(ROLE, &CAL, paris(2026, 3, 2, 10, 0));
        assert_eq!(duty.people, vec![1, 4, 2, 3]);
        let applied: Vec<i64> = duty
            .trace
            .iter()
            .filter_map(|step| match step {
                Trace::RuleApplies { rule, .. } => Some(*rule),
                _ => None,
            })
            .collect();
        assert_eq!(applied, vec![9, 2, 5]);
        // A negative priority comes first.
        r.rules[0].priority = -1;
        assert_eq!(who(&r, paris(2026, 3, 2, 10, 0)), vec![3, 1, 4, 2]);
    }

    // ---- rotations ----

    fn rotating(rotations: Vec<Rotation>, rules: Vec<Rule>) -> Roster {
        Roster {
            rotations,
            ..roster(rules)
        }
    }

    /// One rule covering the whole week with nobody but `rotation`'s member on turn.
    fn rotation_around_the_clock(rotation: Rotation) -> Roster {
        let mut all_day = rule(1, &WEEK, TimeWindow::ALL_DAY, &[]);
        all_day.rotation = Some(rotation.id);
        rotating(vec![rotation], vec![all_day])
    }

    fn turns(duty: &Duty) -> Vec<(i64, StaffId, i64)> {
        duty.trace
            .iter()
            .filter_map(|step| match *step {
                Trace::RotationTurn { rotation, staff, turn } => Some((rotation, staff, turn)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn daily_rotation_hands_over_at_its_hour() {
        let mut all_day = rule(1, &WEEK, TimeWindow::ALL_DAY, &[4, 1]);
        all_day.rotation = Some(1);
        let r = rotating(
            vec![rotation(1, &[1, 2, 3], Handoff::Daily, time(9, 0), date(2026, 3, 2))],
            vec![all_day],
        );
        let duty = r.on_duty(ROLE, &CAL, paris(2026, 3, 2, 9, 0));
        assert_eq!(duty.people, vec![1, 4]);
        assert_eq!(turns(&duty), vec![(1, 1, 0)]);
        assert_eq!(duty.trace[2].to_string(), "rotation 1: turn 0 → staff 1");
        assert_eq!(who(&r, paris(2026, 3, 3, 8, 59)), vec![1, 4]);
        let duty = r.on_duty(ROLE, &CAL, paris(2026, 3, 3, 9, 0));
        assert_eq!(duty.people, vec![2, 4, 1]);
        assert_eq!(turns(&duty), vec![(1, 2, 1)]);
        assert_eq!(who(&r, paris(2026, 3, 5, 9, 0)), vec![1, 4]);
        assert_eq!(turns(&r.on_duty(ROLE, &CAL, paris(2026, 3, 5, 9, 0))), vec![(1, 1, 3)]);
    }

    #[test]
    fn night_shift_keeps_one_person_all_night() {
        let mut nights = rule(1, &WEEK, window((18, 0), (9, 0)), &[]);
        nights.rotation = Some(1);
        let r = rotating(
            vec![rotation(1, &[1, 2, 3], Handoff::Daily, time(9, 0), date(2026, 3, 2))],
            vec![nights],
        );
        // Turns 1, 26 and 236: the nights of both clock changes are included.
        for (evening, person) in [(date(2026, 3, 3), 2), (date(2026, 3, 28), 3), (date(2026, 10, 24), 3)] {
            let next = evening.succ_opt().expect("in range");
            let at = |day: NaiveDate, h, m| paris(day.year(), day.month(), day.day(), h, m);
            assert!(who(&r, at(evening, 17, 59)).is_empty());
            for instant in [
                at(evening, 18, 0),
                at(evening, 23, 59),
                at(next, 0, 30),
                at(next, 8, 59),
            ] {
                assert_eq!(who(&r, instant), vec![person], "{instant}");
            }
            assert!(who(&r, at(next, 9, 0)).is_empty());
        }
        // Including the hour the clocks go forward (29 March 2026, 01:00 UTC).
        assert_eq!(who(&r, utc(2026, 3, 29, 0, 59)), vec![3]);
        assert_eq!(who(&r, utc(2026, 3, 29, 1, 0)), vec![3]);
    }

    #[test]
    fn weekly_rotation_hands_over_on_its_weekday() {
        // Monday 2 March 2026 at 08:00.
        let r = rotation_around_the_clock(rotation(7, &[1, 2], Handoff::Weekly, time(8, 0), date(2026, 3, 2)));
        assert_eq!(who(&r, paris(2026, 3, 2, 8, 0)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 8, 23, 0)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 9, 7, 59)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 9, 8, 0)), vec![2]);
        assert_eq!(who(&r, paris(2026, 3, 15, 12, 0)), vec![2]);
        assert_eq!(who(&r, paris(2026, 3, 16, 8, 0)), vec![1]);
        assert_eq!(turns(&r.on_duty(ROLE, &CAL, paris(2026, 3, 16, 8, 0))), vec![(7, 1, 2)]);
        // Across the spring clock change, still Monday 08:00 local.
        // Monday 30 March 2026, four weeks in.
        assert_eq!(who(&r, paris(2026, 3, 30, 7, 59)), vec![2]);
        assert_eq!(who(&r, paris(2026, 3, 30, 8, 0)), vec![1]);
    }

    #[test]
    fn rotation_before_its_start() {
        let r = rotation_around_the_clock(rotation(1, &[1, 2, 3], Handoff::Daily, time(9, 0), date(2026, 3, 10)));
        assert_eq!(who(&r, paris(2026, 3, 10, 9, 0)), vec![1]);
        assert_eq!(who(&r, paris(2026, 3, 10, 8, 59)), vec![3]);
        let half_minute_before = paris(2026, 3, 10, 9, 0) - TimeDelta::seconds(30);
        assert_eq!(turns(&r.on_duty(ROLE, &CAL, half_minute_before)), vec![(1, 3, -1)]);
        // Half a second before a handoff is still the earlier turn.
        let just_before = paris(2026, 3, 9, 9, 0) - TimeDelta::milliseconds(500);
        assert_eq!(turns(&r.on_duty(ROLE, &CAL, just_before)), vec![(1, 2, -2)]);
        assert_eq!(who(&r, paris(2026, 3, 9, 9, 0)), vec![3]);
        assert_eq!(who(&r, paris(2026, 3, 9, 8, 59)), vec![2]);
        assert_eq!(
            turns(&r.on_duty(ROLE, &CAL, paris(2026, 3, 9, 8, 59))),
            vec![(1, 2, -2)]
        );
        assert_eq!(who(&r, paris(2026, 3, 7, 9, 0)), vec![1]);
        // Far back: 1 March 2020 09:00 is 2200 days before, 2200 = 733 * 3 + 1.
        assert_eq!(
            turns(&r.on_duty(ROLE, &CAL, paris(2020, 3, 1, 9, 0))),
            vec![(1, 3, -2200)]
        );
    }

    #[test]
    fn empty_or_missing_rotation_leaves_the_fixed_staff() {
        let mut empty = rule(1, &WEEK, TimeWindow::ALL_DAY, &[4]);
        empty.rotation = Some(1);
        let mut missing = rule(2, &WEEK, TimeWindow::ALL_DAY, &[5]);
        missing.rotation = Some(99);
        let r = rotating(
            vec![rotation(1, &[], Handoff::Daily, time(9, 0), date(2026, 3, 10))],
            vec![empty, missing],
        );
        let duty = r.on_duty(ROLE, &CAL, paris(2026, 3, 12, 12, 0));
        assert_eq!(duty.people, vec![4, 5]);
        assert!(turns(&duty).is_empty());
    }

    // ---- overrides ----

    fn with_overrides(kinds: &[(i64, OverrideKind)]) -> Roster {
        let mut r = roster(vec![rule(1, &WEEK, TimeWindow::ALL_DAY, &[1, 2, 3])]);
        r.overrides = kinds
            .iter()
            .map(|(id, kind)| Override {
                id: *id,
                role: ROLE.into(),
                starts_at: utc(2026, 3, 2, 8, 0),
                ends_at: utc(2026, 3, 2, 12, 0),
                kind: kind.clone(),
                note: None,
            })
            .collect();
        r
    }

    fn changes(duty: &Duty) -> Vec<(i64, bool)> {
        duty.trace
            .iter()
            .filter_map(|step| match *step {
                Trace::OverrideApplied { id, changed, .. } => Some((id, changed)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn each_override_kind() {
        use OverrideKind::{Add, Remove, Replace};
        let at = utc(2026, 3, 2, 10, 0);
        let cases: [(OverrideKind, &[StaffId], bool); 8] = [
            (Replace { staff: 2, by: 5 }, &[1, 5, 3], true),
            // `by` already on duty: `staff` just leaves, `by` keeps its place.
            (Replace { staff: 2, by: 3 }, &[1, 3], true),
            (Replace { staff: 3, by: 1 }, &[1, 2], true),
            (Replace { staff: 6, by: 5 }, &[1, 2, 3], false),
            (Replace { staff: 2, by: 2 }, &[1, 2, 3], false),
            (Add { staff: 4 }, &[1, 2, 3, 4], true),
            (Add { staff: 1 }, &[1, 2, 3], false),
            (Remove { staff: 2 }, &[1, 3], true),
        ];
        for (kind, people, changed) in cases {
            let duty = with_overrides(&[(4, kind.clone())]).on_duty(ROLE, &CAL, at);
            assert_eq!(duty.people, people, "{kind:?}");
            assert_eq!(changes(&duty), vec![(4, changed)], "{kind:?}");
        }
        let duty = with_overrides(&[(4, Remove { staff: 6 })]).on_duty(ROLE, &CAL, at);
        assert_eq!(duty.people, vec![1, 2, 3]);
        assert_eq!(changes(&duty), vec![(4, false)]);
    }

    #[test]
    fn overrides_apply_by_id_within_their_period() {
        use OverrideKind::{Remove, Replace};
        let mut r = with_overrides(&[(2, Remove { staff: 5 }), (1, Replace { staff: 2, by: 5 })]);
        // By id: 2 is replaced by 5, then 5 removed. In list order it would be [1, 5, 3].
        let duty = r.on_duty(ROLE, &CAL, utc(2026, 3, 2, 8, 0));
        assert_eq!(duty.people, vec![1, 3]);
        assert_eq!(changes(&duty), vec![(1, true), (2, true)]);
        assert_eq!(duty.trace[2].to_string(), "override 1 (replace 2 by 5): applied");
        // The end is excluded, the start included.
        assert_eq!(who(&r, utc(2026, 3, 2, 7, 59)), vec![1, 2, 3]);
        assert_eq!(who(&r, utc(2026, 3, 2, 11, 59)), vec![1, 3]);
        let duty = r.on_duty(ROLE, &CAL, utc(2026, 3, 2, 12, 0));
        assert_eq!(duty.people, vec![1, 2, 3]);
        assert!(changes(&duty).is_empty());
        // Another role's overrides are ignored.
        r.overrides[1].role = OTHER_ROLE.into();
        assert_eq!(who(&r, utc(2026, 3, 2, 10, 0)), vec![1, 2, 3]);
    }

    #[test]
    fn override_adds_with_no_rule() {
        let mut r = with_overrides(&[(1, OverrideKind::Add { staff: 6 })]);
        r.rules.clear();
        assert_eq!(who(&r, utc(2026, 3, 2, 10, 0)), vec![6]);
        assert!(who(&r, utc(2026, 3, 2, 12, 0)).is_empty());
    }

    #[test]
    fn unknown_inactive_and_other_roles_are_dropped() {
        let mut r = roster(vec![rule(1, &WEEK, TimeWindow::ALL_DAY, &[1, 8, 7, 99, 2])]);
        r.overrides.push(Override {
            id: 1,
            role: ROLE.into(),
            starts_at: utc(2026, 1, 1, 0, 0),
            ends_at: utc(2027, 1, 1, 0, 0),
            kind: OverrideKind::Replace { staff: 2, by: 8 },
            note: Some("cover".into()),
        });
        let duty = r.on_duty(ROLE, &CAL, paris(2026, 3, 2, 10, 0));
        assert_eq!(duty.people, vec![1]);
        let dropped: Vec<String> = duty
            .trace
            .iter()
            .filter(|step| matches!(step, Trace::Dropped { .. }))
            .map(Trace::to_string)
            .collect();
        assert_eq!(
            dropped,
            [
                "staff 8 dropped: inactive",
                "staff 7 dropped: not in role",
                "staff 99 dropped: unknown"
            ]
        );
        assert_eq!(
            duty.trace.last().map(Trace::to_string).as_deref(),
            Some("on duty, in order: 1")
        );
        // Person 7 does hold the other role.
        let mut other = r.clone();
        other.rules[0].role = OTHER_ROLE.into();
        assert_eq!(
            other.on_duty(OTHER_ROLE, &CAL, paris(2026, 3, 2, 10, 0)).people,
            vec![1, 7, 2]
        );
    }

    // ---- holidays ----

    fn holiday_roster() -> Roster {
        let mut not_on = rule(1, &WEEK, TimeWindow::ALL_DAY, &[1]);
        not_on.holidays = HolidayPolicy::NotOnHolidays;
        let mut only_on = rule(2, &WEEK, TimeWindow::ALL_DAY, &[2]);
        only_on.holidays = HolidayPolicy::OnlyOnHolidays;
        roster(vec![not_on, only_on, rule(3, &WEEK, TimeWindow::ALL_DAY, &[3])])
    }

    #[test]
    fn holiday_policies_on_christmas_and_easter_monday() {
        let r = holiday_roster();
        let duty = r.on_duty(ROLE, &CAL, paris(2026, 12, 25, 10, 0));
        assert_eq!(duty.people, vec![2, 3]);
        assert_eq!(
            duty.trace[1],
            Trace::RuleSkippedForHoliday {
                rule: 1,
                holiday: Some("Noël".into()),
                policy: HolidayPolicy::NotOnHolidays
            }
        );
        assert_eq!(
            duty.trace[1].to_string(),
            "rule 1 skipped: holiday Noël (policy not-on-holidays)"
        );
        assert_eq!(
            duty.trace[2].to_string(),
            "rule 2 applies (window 00:00-24:00, holiday Noël)"
        );
        assert_eq!(
            duty.trace[3].to_string(),
            "rule 3 applies (window 00:00-24:00, holiday Noël)"
        );
        // Easter Monday 2026 is 6 April.
        let duty = r.on_duty(ROLE, &CAL, paris(2026, 4, 6, 10, 0));
        assert_eq!(duty.people, vec![2, 3]);
        assert_eq!(
            duty.trace[2],
            Trace::RuleApplies {
                rule: 2,
                window: "00:00-24:00".into(),
                holiday: Some("lundi de Pâques".into())
            }
        );
        // An ordinary day.
        let duty = r.on_duty(ROLE, &CAL, paris(2026, 12, 24, 10, 0));
        assert_eq!(duty.people, vec![1, 3]);
        assert_eq!(
            duty.trace[2],
            Trace::RuleSkippedForHoliday {
                rule: 2,
                holiday: None,
                policy: HolidayPolicy::OnlyOnHolidays
            }
        );
        assert_eq!(
            duty.trace[2].to_string(),
            "rule 2 skipped: not a holiday (policy only-on-holidays)"
        );
    }

    #[test]
    fn holidays_depend_on_the_region() {
        let r = holiday_roster();
        let boxing_day = paris(2026, 12, 26, 10, 0);
        assert_eq!(r.on_duty(ROLE, &CAL, boxing_day).people, vec![1, 3]);
        let alsace = Calendar {
            region: HolidayRegion::AlsaceMoselle,
            ..CAL
        };
        let duty = r.on_duty(ROLE, &alsace, boxing_day);
        assert_eq!(duty.people, vec![2, 3]);
        assert_eq!(
            duty.trace[1].to_string(),
            "rule 1 skipped: holiday Saint-Étienne (policy not-on-holidays)"
        );
    }

    #[test]
    fn christmas_eve_night_is_decided_on_the_24th() {
        let mut nights = rule(1, &WEEK, window((20, 0), (8, 0)), &[1]);
        nights.holidays = HolidayPolicy::NotOnHolidays;
        let r = roster(vec![nights]);
        assert_eq!(who(&r, paris(2026, 12, 24, 20, 0)), vec![1]);
        // The window started on the 24th, which is not a holiday.
        let duty = r.on_duty(ROLE, &CAL, paris(2026, 12, 25, 1, 0));
        assert_eq!(duty.people, vec![1]);
        assert_eq!(
            duty.trace[1],
            Trace::RuleApplies {
                rule: 1,
                window: "20:00-08:00".into(),
                holiday: None
            }
        );
        assert_eq!(who(&r, paris(2026, 12, 25, 7, 59)), vec![1]);
        // The window starting on Christmas Day does not apply, after midnight either.
        assert!(who(&r, paris(2026, 12, 25, 20, 0)).is_empty());
        assert!(who(&r, paris(2026, 12, 26, 1, 0)).is_empty());
        assert_eq!(who(&r, paris(2026, 12, 26, 20, 0)), vec![1]);
    }

    #[test]
    fn sunday_night_into_new_year() {
        let mut night = rule(1, &[Weekday::Sun], window((22, 0), (6, 0)), &[1]);
        night.holidays = HolidayPolicy::NotOnHolidays;
        let r = roster(vec![night]);
        assert_eq!(date(2028, 12, 31).weekday(), Weekday::Sun);
        // 1 January is a holiday, but the window started on 31 December.
        assert_eq!(who(&r, paris(2029, 1, 1, 1, 0)), vec![1]);
        assert!(who(&r, paris(2029, 1, 1, 6, 0)).is_empty());
        // Sunday 25 December 2022 is Noël: its night is off, Monday's early hours included.
        assert_eq!(date(2022, 12, 25).weekday(), Weekday::Sun);
        assert!(who(&r, paris(2022, 12, 25, 23, 0)).is_empty());
        assert!(who(&r, paris(2022, 12, 26, 1, 0)).is_empty());
        // So is the next one: Sunday 1 January 2023 is jour de l'An.
        assert!(who(&r, paris(2023, 1, 2, 1, 0)).is_empty());
        assert_eq!(who(&r, paris(2023, 1, 9, 1, 0)), vec![1]);
    }

    // ---- display ----

    #[test]
    fn trace_lines() {
        let lines = [
            (
                Trace::LocalTime {
                    local: "2026-03-02 09:00 (Monday)".into(),
                },
                "local time 2026-03-02 09:00 (Monday)",
            ),
            (
                Trace::RuleApplies {
                    rule: 3,
                    window: "18:00-09:00".into(),
                    holiday: None,
                },
                "rule 3 applies (window 18:00-09:00)",
            ),
            (
                Trace::RuleSkippedForHoliday {
                    rule: 4,
                    holiday: Some("Noël".into()),
                    policy: HolidayPolicy::NotOnHolidays,
                },
                "rule 4 skipped: holiday Noël (policy not-on-holidays)",
            ),
            (
                Trace::RotationTurn {
                    rotation: 2,
                    staff: 5,
                    turn: 17,
                },
                "rotation 2: turn 17 → staff 5",
            ),
            (
                Trace::OverrideApplied {
                    id: 7,
                    kind: OverrideKind::Replace { staff: 5, by: 9 },
                    changed: true,
                },
                "override 7 (replace 5 by 9): applied",
            ),
            (
                Trace::OverrideApplied {
                    id: 8,
                    kind: OverrideKind::Add { staff: 9 },
                    changed: false,
                },
                "override 8 (add 9): no change",
            ),
            (
                Trace::OverrideApplied {
                    id: 9,
                    kind: OverrideKind::Remove { staff: 5 },
                    changed: true,
                },
                "override 9 (remove 5): applied",
            ),
            (
                Trace::Dropped {
                    staff: 8,
                    reason: "inactive".into(),
                },
                "staff 8 dropped: inactive",
            ),
            (Trace::OnDuty { people: vec![5, 9] }, "on duty, in order: 5, 9"),
            (Trace::OnDuty { people: vec![] }, "on duty: nobody"),
        ];
        for (step, line) in lines {
            assert_eq!(step.to_string(), line);
        }
    }

    #[test]
    fn traces_name_policies_as_the_api_does() {
        for policy in [
            HolidayPolicy::Always,
            HolidayPolicy::NotOnHolidays,
            HolidayPolicy::OnlyOnHolidays,
        ] {
            let json = serde_json::to_string(&policy).expect("serialises");
            let line = Trace::RuleSkippedForHoliday {
                rule: 1,
                holiday: None,
                policy,
            }
            .to_string();
            assert!(
                line.ends_with(&format!("(policy {})", json.trim_matches('"'))),
                "{line}"
            );
        }
    }

    // ---- gaps and shifts ----

    fn shift(staff: StaffId, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> Shift {
        Shift {
            role: ROLE.into(),
            staff,
            starts_at,
            ends_at,
        }
    }

    fn gap(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> Gap {
        Gap {
            role: ROLE.into(),
            starts_at,
            ends_at,
        }
    }

    #[test]
    fn gaps_and_shifts_of_a_day() {
        let weekdays = &WEEK[..5];
        let mut r = roster(vec![
            rule(1, weekdays, window((9, 0), (17, 0)), &[1]),
            rule(2, weekdays, window((13, 0), (20, 0)), &[2]),
        ]);
        r.overrides.push(Override {
            id: 1,
            role: ROLE.into(),
            starts_at: paris(2026, 3, 2, 10, 0),
            ends_at: paris(2026, 3, 2, 11, 30),
            kind: OverrideKind::Remove { staff: 1 },
            note: None,
        });
        let (from, to) = (paris(2026, 3, 2, 0, 0), paris(2026, 3, 3, 0, 0));
        let p = |h, m| paris(2026, 3, 2, h, m);
        assert_eq!(
            r.gaps(ROLE, &CAL, from, to, &|_| true),
            vec![gap(from, p(9, 0)), gap(p(10, 0), p(11, 30)), gap(p(20, 0), to)]
        );
        // Only while the line is open, 08:00-18:45 local.
        let open = |t: DateTime<Utc>| {
            let local = t.with_timezone(&Paris).time();
            time(8, 0) <= local && local < time(18, 45)
        };
        assert_eq!(
            r.gaps(ROLE, &CAL, from, to, &open),
            vec![gap(p(8, 0), p(9, 0)), gap(p(10, 0), p(11, 30))]
        );
        assert_eq!(
            r.shifts(ROLE, &CAL, from, to),
            vec![
                shift(1, p(9, 0), p(10, 0)),
                shift(1, p(11, 30), p(17, 0)),
                shift(2, p(13, 0), p(20, 0))
            ]
        );
        // Clipped to the period.
        assert_eq!(
            r.shifts(ROLE, &CAL, p(12, 0), p(14, 0)),
            vec![shift(1, p(12, 0), p(14, 0)), shift(2, p(13, 0), p(14, 0))]
        );
        assert!(r.shifts(ROLE, &CAL, to, from).is_empty());
        assert!(r.gaps(ROLE, &CAL, to, to, &|_| true).is_empty());
    }

    #[test]
    fn shifts_run_on_across_midnights_and_rules() {
        let mut r = roster(vec![
            rule(1, &WEEK[..5], TimeWindow::ALL_DAY, &[1]),
            rule(2, &WEEK[5..], window((0, 0), (12, 0)), &[1, 2]),
        ]);
        r.rules[1].priority = -1;
        let (from, to) = (paris(2026, 3, 2, 0, 0), paris(2026, 3, 9, 0, 0));
        assert_eq!(
            r.shifts(ROLE, &CAL, from, to),
            vec![
                shift(1, from, paris(2026, 3, 7, 12, 0)),
                shift(2, paris(2026, 3, 7, 0, 0), paris(2026, 3, 7, 12, 0)),
                shift(1, paris(2026, 3, 8, 0, 0), paris(2026, 3, 8, 12, 0)),
                shift(2, paris(2026, 3, 8, 0, 0), paris(2026, 3, 8, 12, 0)),
            ]
        );
    }

    // ---- clock changes ----

    #[test]
    fn spring_forward_gap_has_no_instant() {
        for year in 2020..=2035 {
            let sunday = last_sunday(year, 3);
            let gap_hour = roster(vec![rule(1, &[Weekday::Sun], window((2, 0), (3, 0)), &[1])]);
            let start = sunday.and_time(time(0, 0)).and_utc() - TimeDelta::hours(2);
            for minute in 0..(6 * 60) {
                let at = start + TimeDelta::minutes(minute);
                assert!(who(&gap_hour, at).is_empty(), "{at}");
            }
            let week = (start - TimeDelta::days(3), start + TimeDelta::days(3));
            assert!(gap_hour.shifts(ROLE, &CAL, week.0, week.1).is_empty(), "{year}");
            // A window starting in the gap opens when the gap ends, 01:00 UTC.
            let from_gap = roster(vec![rule(1, &[Weekday::Sun], window((2, 30), (4, 0)), &[1])]);
            let change = sunday.and_time(time(1, 0)).and_utc();
            assert_eq!(
                from_gap.shifts(ROLE, &CAL, week.0, week.1),
                vec![shift(1, change, change + TimeDelta::hours(1))]
            );
        }
    }

    #[test]
    fn a_whole_day_lasts_23_or_25_hours() {
        // A 24-hour rule spans a wall-clock day, not 24 hours of time: on the
        // days the clocks change it lasts 23 or 25 hours, wherever it starts.
        let on_sunday = roster(vec![rule(1, &[Weekday::Sun], TimeWindow::ALL_DAY, &[1])]);
        let from_saturday_nine = roster(vec![rule(1, &[Weekday::Sat], window((9, 0), (9, 0)), &[1])]);
        for year in 2020..=2035 {
            for (month, hours) in [(3, 23), (10, 25)] {
                let sunday = last_sunday(year, month);
                let at = |day: NaiveDate, h| paris(day.year(), day.month(), day.day(), h, 0);
                let saturday = sunday.pred_opt().expect("in range");
                let monday = sunday.succ_opt().expect("in range");
                let week = (at(sunday, 0) - TimeDelta::days(3), at(sunday, 0) + TimeDelta::days(3));
                for (r, from, to) in [
                    (&on_sunday, at(sunday, 0), at(monday, 0)),
                    (&from_saturday_nine, at(saturday, 9), at(sunday, 9)),
                ] {
                    assert_eq!(r.shifts(ROLE, &CAL, week.0, week.1), vec![shift(1, from, to)]);
                    assert_eq!((to - from).num_hours(), hours, "{sunday}");
                }
                // A daily rotation handing over at midnight: one person per wall-clock day.
                let daily = rotation_around_the_clock(rotation(1, &[1, 2], Handoff::Daily, NaiveTime::MIN, sunday));
                let shifts = daily.shifts(ROLE, &CAL, at(saturday, 0), at(monday, 0) + TimeDelta::days(1));
                assert_eq!(shifts.len(), 3);
                assert_eq!(shifts[1], shift(1, at(sunday, 0), at(monday, 0)));
            }
        }
    }

    #[test]
    fn daily_handoff_at_nine_every_day_across_clock_changes() {
        let start = date(2019, 6, 1);
        let r = rotation_around_the_clock(rotation(1, &[1, 2, 3, 4, 5], Handoff::Daily, time(9, 0), start));
        for year in 2020..=2035 {
            for month in [3, 10] {
                let sunday = last_sunday(year, month);
                for offset in -3..=3 {
                    let day = sunday + TimeDelta::days(offset);
                    let nine = paris(day.year(), day.month(), day.day(), 9, 0);
                    let days = (day - start).num_days();
                    let index = |turn: i64| usize::try_from(turn.rem_euclid(5)).expect("small");
                    let expected = r.rotations[0].members[index(days)];
                    let before = r.rotations[0].members[index(days - 1)];
                    assert_eq!(who(&r, nine), vec![expected], "{day}");
                    assert_eq!(who(&r, nine - TimeDelta::minutes(1)), vec![before], "{day}");
                }
                // Calendar shifts break exactly at 09:00 local.
                let from = paris(sunday.year(), sunday.month(), sunday.day(), 0, 0) - TimeDelta::days(2);
                let to = from + TimeDelta::days(5);
                let shifts = r.shifts(ROLE, &CAL, from, to);
                assert_eq!(shifts.len(), 6);
                for s in &shifts[1..] {
                    assert_eq!(s.starts_at.with_timezone(&Paris).time(), time(9, 0), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn autumn_overlap_reads_the_same_wall_clock_twice() {
        let mut night = rule(1, &[Weekday::Sun], window((2, 30), (2, 45)), &[1]);
        night.rotation = Some(1);
        let r = rotating(
            vec![rotation(1, &[2, 3], Handoff::Daily, time(2, 40), date(2026, 1, 1))],
            vec![night],
        );
        let local = date(2026, 10, 25).and_time(time(2, 40));
        let LocalResult::Ambiguous(first, second) = Paris.from_local_datetime(&local) else {
            panic!("02:40 happens twice on 25 October 2026");
        };
        let (first, second) = (first.with_timezone(&Utc), second.with_timezone(&Utc));
        assert_eq!(second - first, TimeDelta::hours(1));
        assert_eq!(r.on_duty(ROLE, &CAL, first), r.on_duty(ROLE, &CAL, second));
        // The window is open during both passes of 02:30-02:45, the handoff happens twice.
        let (from, to) = (utc(2026, 10, 24, 22, 0), utc(2026, 10, 25, 3, 0));
        assert_eq!(
            r.shifts(ROLE, &CAL, from, to),
            vec![
                shift(1, utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 0, 45)),
                shift(2, utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 0, 40)),
                shift(3, utc(2026, 10, 25, 0, 40), utc(2026, 10, 25, 0, 45)),
                shift(1, utc(2026, 10, 25, 1, 30), utc(2026, 10, 25, 1, 45)),
                shift(2, utc(2026, 10, 25, 1, 30), utc(2026, 10, 25, 1, 40)),
                shift(3, utc(2026, 10, 25, 1, 40), utc(2026, 10, 25, 1, 45)),
            ]
        );
    }

    #[test]
    fn wall_clock_jumping_back_is_a_change_point() {
        // 02:00-03:00 on the autumn Sunday: covered by the first pass until
        // 01:00 UTC, then the clock reads 02:00 again. Between 00:59 and 01:00
        // UTC the wall clock jumps from 02:59 to 02:00 without crossing any
        // rule time, so only the clock change itself can split the sweep.
        let r = roster(vec![rule(1, &[Weekday::Sun], window((2, 30), (3, 0)), &[1])]);
        let (from, to) = (utc(2026, 10, 24, 22, 0), utc(2026, 10, 25, 3, 0));
        assert_eq!(
            r.gaps(ROLE, &CAL, from, to, &|_| true),
            vec![
                gap(from, utc(2026, 10, 25, 0, 30)),
                gap(utc(2026, 10, 25, 1, 0), utc(2026, 10, 25, 1, 30)),
                gap(utc(2026, 10, 25, 2, 0), to),
            ]
        );
    }

    // ---- properties ----

    /// Whole seconds from 2020-01-01 to the end of 2035, UTC.
    fn instant_2020_2035() -> impl Strategy<Value = DateTime<Utc>> {
        (1_577_836_800_i64..2_082_758_400_i64).prop_map(|s| DateTime::from_timestamp(s, 0).expect("in range"))
    }

    /// An instant within a day and a half of a Paris clock change (01:00 UTC
    /// on the last Sunday of March or October), on whole minutes.
    fn around_clock_change() -> impl Strategy<Value = DateTime<Utc>> {
        (2020..=2035_i32, any::<bool>(), -(36 * 60)..(36 * 60_i64)).prop_map(|(year, autumn, minutes)| {
            let sunday = last_sunday(year, if autumn { 10 } else { 3 });
            sunday.and_time(time(1, 0)).and_utc() + TimeDelta::minutes(minutes)
        })
    }

    /// The instant of a Paris clock change: 01:00 UTC on the last Sunday of
    /// March or October.
    fn clock_change() -> impl Strategy<Value = DateTime<Utc>> {
        (2020..=2035_i32, any::<bool>()).prop_map(|(year, autumn)| {
            let sunday = last_sunday(year, if autumn { 10 } else { 3 });
            sunday.and_time(time(1, 0)).and_utc()
        })
    }

    /// Quarter hours, with the hours of the Paris clock changes and midnight
    /// drawn more often than their share.
    fn quarter_hour() -> impl Strategy<Value = NaiveTime> {
        prop_oneof![
            (0..96_u32).prop_map(|q| time(q / 4, q % 4 * 15)),
            prop::sample::select(vec![
                time(0, 0),
                time(2, 0),
                time(2, 15),
                time(2, 30),
                time(3, 0),
                time(9, 0)
            ]),
        ]
    }

    fn policy() -> impl Strategy<Value = HolidayPolicy> {
        prop::sample::select(vec![
            HolidayPolicy::Always,
            HolidayPolicy::NotOnHolidays,
            HolidayPolicy::OnlyOnHolidays,
        ])
    }

    fn arb_rule() -> impl Strategy<Value = Rule> {
        (
            prop::sample::subsequence(WEEK.to_vec(), 0..=7),
            quarter_hour(),
            quarter_hour(),
            policy(),
            prop::option::of(prop::sample::select(vec![1_i64, 2, 9])),
            prop::collection::vec(1..=9_i64, 0..3),
            -1..2_i32,
            prop::bool::weighted(0.9),
        )
            .prop_map(|(days, start, end, holidays, rotation, staff, priority, ours)| Rule {
                id: 0,
                role: if ours { ROLE } else { OTHER_ROLE }.to_owned(),
                days,
                window: TimeWindow { start, end },
                holidays,
                rotation,
                staff,
                priority,
            })
    }

    fn arb_rotation(id: i64) -> impl Strategy<Value = Rotation> {
        (
            prop::collection::vec(1..=9_i64, 0..4),
            any::<bool>(),
            quarter_hour(),
            0..(17 * 366_i64),
        )
            .prop_map(move |(members, weekly, handoff_time, days)| Rotation {
                id,
                role: ROLE.into(),
                name: format!("rotation {id}"),
                members,
                handoff: if weekly { Handoff::Weekly } else { Handoff::Daily },
                handoff_time,
                start: date(2019, 1, 1) + TimeDelta::days(days),
            })
    }

    fn arb_kind() -> impl Strategy<Value = OverrideKind> {
        prop_oneof![
            (1..=9_i64, 1..=9_i64).prop_map(|(staff, by)| OverrideKind::Replace { staff, by }),
            (1..=9_i64).prop_map(|staff| OverrideKind::Add { staff }),
            (1..=9_i64).prop_map(|staff| OverrideKind::Remove { staff }),
        ]
    }

    /// Overrides placed relative to `base`, on whole minutes.
    fn arb_overrides(base: DateTime<Utc>) -> impl Strategy<Value = Vec<Override>> {
        prop::collection::vec(
            (
                -(36 * 60)..(36 * 60_i64),
                1..(2 * 1440_i64),
                arb_kind(),
                prop::bool::weighted(0.9),
            ),
            0..4,
        )
        .prop_map(move |specs| {
            specs
                .into_iter()
                .zip(1..)
                .map(|((start, length, kind, ours), id)| Override {
                    id,
                    role: if ours { ROLE } else { OTHER_ROLE }.to_owned(),
                    starts_at: base + TimeDelta::minutes(start),
                    ends_at: base + TimeDelta::minutes(start + length),
                    kind,
                    note: None,
                })
                .collect()
        })
    }

    /// A roster of staff 1-8 (9 is unknown) with random activity and roles,
    /// up to four rules and two rotations, and no overrides.
    fn arb_roster() -> impl Strategy<Value = Roster> {
        (
            prop::collection::vec((prop::bool::weighted(0.85), prop::bool::weighted(0.85)), 8),
            prop::collection::vec(arb_rule(), 0..5),
            arb_rotation(1),
            arb_rotation(2),
        )
            .prop_map(|(people, rules, first, second)| Roster {
                staff: people
                    .into_iter()
                    .zip(1..)
                    .map(|((active, ours), id)| member(id, if ours { &[ROLE] } else { &[OTHER_ROLE] }, active))
                    .collect(),
                rules: rules
                    .into_iter()
                    .zip(1..)
                    .map(|(rule, id)| Rule { id, ..rule })
                    .collect(),
                rotations: vec![first, second],
                overrides: Vec::new(),
            })
    }

    /// Both calendars read the same wall clock: one in Paris, one in UTC.
    fn same_wall_clock_in_utc(roster: &Roster, at: DateTime<Utc>) -> Result<(), TestCaseError> {
        let wall = at.with_timezone(&Paris).naive_local().and_utc();
        let utc_cal = Calendar {
            tz: chrono_tz::UTC,
            ..CAL
        };
        prop_assert_eq!(roster.on_duty(ROLE, &CAL, at), roster.on_duty(ROLE, &utc_cal, wall));
        Ok(())
    }

    fn brute_gaps(
        roster: &Roster,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        required: &dyn Fn(DateTime<Utc>) -> bool,
    ) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = Vec::new();
        let mut t = from;
        while t < to {
            let next = t + TimeDelta::minutes(1);
            if who(roster, t).is_empty() && required(t) {
                match gaps.last_mut() {
                    Some(last) if last.ends_at == t => last.ends_at = next,
                    _ => gaps.push(gap(t, next)),
                }
            }
            t = next;
        }
        gaps
    }

    fn brute_shifts(roster: &Roster, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Shift> {
        let mut shifts: Vec<Shift> = Vec::new();
        let mut t = from;
        while t < to {
            let next = t + TimeDelta::minutes(1);
            for staff in who(roster, t) {
                match shifts.iter_mut().rev().find(|s| s.staff == staff) {
                    Some(last) if last.ends_at == t => last.ends_at = next,
                    _ => shifts.push(shift(staff, t, next)),
                }
            }
            t = next;
        }
        shifts.sort_by_key(|s| (s.starts_at, s.staff));
        shifts
    }

    /// Opening hours on local quarter hours, closed one weekday.
    fn opening(open: u32, close: u32, closed: Weekday) -> impl Fn(DateTime<Utc>) -> bool {
        move |t| {
            let local = t.with_timezone(&Paris).naive_local();
            let quarter = (local.hour() * 60 + local.minute()) / 15;
            local.weekday() != closed && open <= quarter && quarter < close
        }
    }

    fn sweep_matches_brute_force(
        roster: &Roster,
        from: DateTime<Utc>,
        minutes: i64,
        hours: (u32, u32, Weekday),
    ) -> Result<(), TestCaseError> {
        let to = from + TimeDelta::minutes(minutes);
        let required = opening(hours.0, hours.1, hours.2);
        prop_assert_eq!(roster.shifts(ROLE, &CAL, from, to), brute_shifts(roster, from, to));
        prop_assert_eq!(
            roster.gaps(ROLE, &CAL, from, to, &required),
            brute_gaps(roster, from, to, &required)
        );
        prop_assert_eq!(
            roster.gaps(ROLE, &CAL, from, to, &|_| true),
            brute_gaps(roster, from, to, &|_| true)
        );
        Ok(())
    }

    /// A roster with overrides around `base`, and a period of up to three days
    /// containing it.
    fn arb_sweep_case(base: DateTime<Utc>) -> impl Strategy<Value = (Roster, DateTime<Utc>, i64)> {
        (arb_roster(), arb_overrides(base), 0..(36 * 60_i64), 1..=(36 * 60_i64)).prop_map(
            move |(roster, overrides, before, after)| {
                (
                    Roster { overrides, ..roster },
                    base - TimeDelta::minutes(before),
                    before + after,
                )
            },
        )
    }

    fn arb_opening() -> impl Strategy<Value = (u32, u32, Weekday)> {
        (0..96_u32, 0..=96_u32, prop::sample::select(WEEK.to_vec()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn on_duty_depends_only_on_the_wall_clock(roster in arb_roster(), at in instant_2020_2035()) {
            same_wall_clock_in_utc(&roster, at)?;
        }

        #[test]
        fn on_duty_depends_only_on_the_wall_clock_around_clock_changes(
            roster in arb_roster(),
            at in around_clock_change(),
        ) {
            same_wall_clock_in_utc(&roster, at)?;
        }

        #[test]
        fn both_passes_of_the_autumn_overlap_agree(
            roster in arb_roster(),
            year in 2020..=2035_i32,
            minute in 0..60_u32,
        ) {
            let local = last_sunday(year, 10).and_time(time(2, minute));
            let LocalResult::Ambiguous(first, second) = Paris.from_local_datetime(&local) else {
                return Err(TestCaseError::fail(format!("{local} should happen twice")));
            };
            prop_assert_eq!(
                roster.on_duty(ROLE, &CAL, first.with_timezone(&Utc)),
                roster.on_duty(ROLE, &CAL, second.with_timezone(&Utc))
            );
        }

        #[test]
        fn sunday_night_covers_monday_morning(week in 0..(16 * 53_i64), minute in 0..(8 * 60_i64)) {
            let mut night = rule(1, &[Weekday::Sun], window((22, 0), (6, 0)), &[1]);
            night.holidays = HolidayPolicy::NotOnHolidays;
            let r = roster(vec![night]);
            // 5 January 2020 is a Sunday.
            let sunday = date(2020, 1, 5) + TimeDelta::weeks(week);
            let start = Paris
                .from_local_datetime(&sunday.and_time(time(22, 0)))
                .single()
                .expect("22:00 exists")
                .with_timezone(&Utc);
            let expected: Vec<StaffId> = if holiday_name(sunday, CAL.region).is_some() { vec![] } else { vec![1] };
            prop_assert_eq!(who(&r, start + TimeDelta::minutes(minute)), expected);
            prop_assert!(who(&r, start - TimeDelta::minutes(1)).is_empty());
            prop_assert!(who(&r, start + TimeDelta::hours(8)).is_empty());
        }

        #[test]
        fn sweep_equals_minute_scan_around_clock_changes(
            (roster, from, minutes) in clock_change().prop_flat_map(arb_sweep_case),
            hours in arb_opening(),
        ) {
            sweep_matches_brute_force(&roster, from, minutes, hours)?;
        }

        #[test]
        fn sweep_equals_minute_scan_anywhere(
            (roster, from, minutes) in instant_2020_2035()
                .prop_map(|at| DateTime::from_timestamp(at.timestamp() / 60 * 60, 0).expect("in range"))
                .prop_flat_map(arb_sweep_case),
            hours in arb_opening(),
        ) {
            sweep_matches_brute_force(&roster, from, minutes.min(1440), hours)?;
        }
    }
}
