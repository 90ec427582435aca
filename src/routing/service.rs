//! The management of staff and schedules, shared by the administration commands
//! (`numerovert staff …`, `schedule who` …) and the JSON API, so that both
//! check the same things and give the same answers.
//!
//! Everything goes through a `&dyn Store` and the settings; the current instant
//! is always an argument. Phone numbers never reach a log line from here: only
//! ids and names do.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde::Serialize;

use super::calendar;
use super::directory::{self, FieldError, OverrideDraft, RotationDraft, RuleDraft, StaffDraft};
use super::holidays::holiday_name;
use super::schedule::{Calendar, Override, OverrideKind, Roster, Rotation, Rule, StaffId, StaffMember, Trace};
use crate::config::Settings;
use crate::db::roster::ApiToken;
use crate::db::{Store, StoreError};
use crate::ivr::library::Library;
use crate::ivr::script::Node;

/// Overrides are loaded from this long before the instant asked about, so one
/// that ends just after it is never missed whatever the clock skew.
const ROSTER_MARGIN: Duration = Duration::days(1);
/// Calendar feeds show the past week (what just happened) and the next two months.
const FEED_PAST: Duration = Duration::days(7);
const FEED_AHEAD: Duration = Duration::days(60);
/// What happens on a transfer when nobody can be reached; scripts say it with
/// the transfer node's `on_failure`.
pub const FALLBACK: &str = "the transfer node's on_failure: voicemail or callback request";

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The submitted values are wrong; each error names its field (messages in French).
    #[error("{}", directory::describe(.0))]
    Invalid(Vec<FieldError>),
    /// The thing named does not exist (message in English, for the CLI and the API).
    #[error("{0}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub type ServiceResult<T> = Result<T, ServiceError>;

impl From<Vec<FieldError>> for ServiceError {
    fn from(errors: Vec<FieldError>) -> ServiceError {
        ServiceError::Invalid(errors)
    }
}

fn invalid(field: &str, message: impl Into<String>) -> ServiceError {
    ServiceError::Invalid(vec![FieldError {
        field: field.to_owned(),
        message: message.into(),
    }])
}

/// The configured role ids, as the validators of `directory` take them.
pub fn role_list(settings: &Settings) -> Vec<String> {
    settings.roles.keys().cloned().collect()
}

/// Refuses a role the configuration does not know, with the same words as `directory`.
pub fn check_role(settings: &Settings, field: &str, role: &str) -> ServiceResult<()> {
    if settings.roles.contains_key(role) {
        return Ok(());
    }
    Err(invalid(
        field,
        format!(
            "rôle inconnu « {role} » ; rôles possibles : {}",
            role_list(settings).join(", ")
        ),
    ))
}

/// The backup roles configured for `role`, in order.
fn backups<'a>(settings: &'a Settings, role: &str) -> &'a [String] {
    settings.roles.get(role).map_or(&[], |r| r.backups.as_slice())
}

/// The instant a report is asked about: `text` as people type it (RFC 3339 or
/// the line's wall clock), or `now` when none is given.
pub fn parse_at(settings: &Settings, text: Option<&str>, now: DateTime<Utc>) -> ServiceResult<DateTime<Utc>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(now),
        Some(text) => directory::parse_instant(text, settings.timezone).map_err(|message| invalid("at", message)),
    }
}

/// Everything schedules need to answer about `at` (or to check a draft made at `at`).
async fn roster_at(store: &dyn Store, at: DateTime<Utc>) -> ServiceResult<Roster> {
    Ok(store.roster(at - ROSTER_MARGIN).await?)
}

/// The roles callers can be put through to: those of every transfer node of
/// every loaded script. Backup roles count only if a node offers them too:
/// their gaps are covered by the people of the role they back up.
pub fn offered_roles(library: &Library) -> BTreeSet<String> {
    let mut roles = BTreeSet::new();
    for id in library.ids() {
        let Some(script) = library.get(&id) else { continue };
        for node in script.script.nodes.values() {
            if let Node::Transfer(t) = node {
                roles.insert(t.role.clone());
            }
        }
    }
    roles
}

/// The base of the service's own links: the public URL, or the listen address.
pub fn base_url(settings: &Settings) -> String {
    settings
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", settings.bind))
}

/// An instant on the line's wall clock, RFC 3339 with its offset.
pub fn local_rfc3339(settings: &Settings, at: DateTime<Utc>) -> String {
    at.with_timezone(&settings.timezone)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// An instant on the line's wall clock, as people read it: `2026-12-24 21:30`.
pub fn local_text(settings: &Settings, at: DateTime<Utc>) -> String {
    at.with_timezone(&settings.timezone)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

// ---------------------------------------------------------------------------
// Staff, rotations, rules, overrides

pub async fn add_staff(
    store: &dyn Store,
    settings: &Settings,
    draft: &StaffDraft,
    now: DateTime<Utc>,
) -> ServiceResult<StaffMember> {
    let input = directory::validate_staff(draft, &role_list(settings))?;
    let member = store.add_staff(&input, now).await?;
    tracing::info!(staff = member.id, roles = ?member.roles, "staff member added");
    Ok(member)
}

pub async fn update_staff(
    store: &dyn Store,
    settings: &Settings,
    id: StaffId,
    draft: &StaffDraft,
    now: DateTime<Utc>,
) -> ServiceResult<StaffMember> {
    let input = directory::validate_staff(draft, &role_list(settings))?;
    let member = store
        .update_staff(id, &input, now)
        .await
        .map_err(|e| not_found(e, || no_staff(id)))?;
    tracing::info!(staff = member.id, roles = ?member.roles, active = member.active, "staff member updated");
    Ok(member)
}

fn no_staff(id: StaffId) -> String {
    format!("no staff member #{id}")
}

fn not_found(e: StoreError, what: impl FnOnce() -> String) -> ServiceError {
    match e {
        StoreError::NotFound => ServiceError::NotFound(what()),
        other => ServiceError::Store(other),
    }
}

pub async fn staff_member(store: &dyn Store, id: StaffId) -> ServiceResult<StaffMember> {
    store
        .staff_member(id)
        .await?
        .ok_or_else(|| ServiceError::NotFound(no_staff(id)))
}

/// A draft holding a member's current values, for partial updates.
pub fn staff_draft(member: &StaffMember) -> StaffDraft {
    StaffDraft {
        name: member.name.clone(),
        phone: member.phone.clone(),
        roles: member.roles.clone(),
        active: member.active,
    }
}

pub async fn add_rotation(
    store: &dyn Store,
    settings: &Settings,
    draft: &RotationDraft,
    now: DateTime<Utc>,
) -> ServiceResult<Rotation> {
    let roster = roster_at(store, now).await?;
    let rotation = directory::validate_rotation(draft, &roster, &role_list(settings))?;
    let rotation = store.add_rotation(&rotation, now).await?;
    tracing::info!(rotation = rotation.id, role = %rotation.role, "rotation added");
    Ok(rotation)
}

pub async fn delete_rotation(store: &dyn Store, id: i64) -> ServiceResult<()> {
    store
        .delete_rotation(id)
        .await
        .map_err(|e| not_found(e, || format!("no rotation #{id}")))?;
    tracing::info!(rotation = id, "rotation deleted");
    Ok(())
}

pub async fn add_rule(
    store: &dyn Store,
    settings: &Settings,
    draft: &RuleDraft,
    now: DateTime<Utc>,
) -> ServiceResult<Rule> {
    let roster = roster_at(store, now).await?;
    let rule = directory::validate_rule(draft, &roster, &role_list(settings))?;
    let rule = store.add_rule(&rule, now).await?;
    tracing::info!(rule = rule.id, role = %rule.role, "schedule rule added");
    Ok(rule)
}

pub async fn delete_rule(store: &dyn Store, id: i64) -> ServiceResult<()> {
    store
        .delete_rule(id)
        .await
        .map_err(|e| not_found(e, || format!("no rule #{id}")))?;
    tracing::info!(rule = id, "schedule rule deleted");
    Ok(())
}

pub async fn add_override(
    store: &dyn Store,
    settings: &Settings,
    draft: &OverrideDraft,
    now: DateTime<Utc>,
) -> ServiceResult<Override> {
    let roster = roster_at(store, now).await?;
    let o = directory::validate_override(draft, &roster, &role_list(settings), settings.timezone)?;
    let o = store.add_override(&o, now).await?;
    tracing::info!(r#override = o.id, role = %o.role, "schedule override added");
    Ok(o)
}

pub async fn delete_override(store: &dyn Store, id: i64) -> ServiceResult<()> {
    store
        .delete_override(id)
        .await
        .map_err(|e| not_found(e, || format!("no override #{id}")))?;
    tracing::info!(r#override = id, "schedule override deleted");
    Ok(())
}

// ---------------------------------------------------------------------------
// Secrets: calendar links and API tokens

/// Issues a new secret calendar link for a staff member; the previous one stops working.
pub async fn staff_calendar_link(store: &dyn Store, settings: &Settings, id: StaffId) -> ServiceResult<String> {
    let (token, hash) = directory::new_secret();
    store
        .set_staff_calendar_token(id, &hash)
        .await
        .map_err(|e| not_found(e, || no_staff(id)))?;
    tracing::info!(staff = id, "new staff calendar link issued");
    Ok(format!("{}/calendar/staff/{token}.ics", base_url(settings)))
}

/// Issues a new secret calendar link for a role; the previous one stops working.
/// The role is the thing named, like a staff id: an unknown one is not found.
pub async fn role_calendar_link(
    store: &dyn Store,
    settings: &Settings,
    role: &str,
    now: DateTime<Utc>,
) -> ServiceResult<String> {
    if !settings.roles.contains_key(role) {
        return Err(ServiceError::NotFound(format!(
            "no role \"{role}\"; configured roles: {}",
            role_list(settings).join(", ")
        )));
    }
    let (token, hash) = directory::new_secret();
    store.set_role_calendar_token(role, &hash, now).await?;
    tracing::info!(role, "new role calendar link issued");
    Ok(format!("{}/calendar/role/{token}.ics", base_url(settings)))
}

/// Creates an API token; the token itself is returned once and only its hash is kept.
pub async fn create_api_token(
    store: &dyn Store,
    name: &str,
    role: crate::backoffice::access::Role,
    now: DateTime<Utc>,
) -> ServiceResult<(ApiToken, String)> {
    let name = name.trim();
    if name.is_empty() {
        return Err(invalid(
            "name",
            "donnez un nom au jeton (par exemple le logiciel qui l'utilise)",
        ));
    }
    let (token, hash) = directory::new_secret();
    let record = store.add_api_token(name, role.as_str(), &hash, now).await?;
    tracing::info!(token_id = record.token_id, name = %record.name, role = %role, "API token created");
    Ok((record, token))
}

pub async fn revoke_api_token(store: &dyn Store, id: i64, now: DateTime<Utc>) -> ServiceResult<()> {
    store
        .revoke_api_token(id, now)
        .await
        .map_err(|e| not_found(e, || format!("no API token #{id}")))?;
    tracing::info!(token_id = id, "API token revoked");
    Ok(())
}

// ---------------------------------------------------------------------------
// Who is on duty

/// A person as reports show them: never with a phone number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PersonRef {
    pub id: StaffId,
    pub name: String,
}

impl fmt::Display for PersonRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (#{})", self.name, self.id)
    }
}

/// Names `id` from `staff` (a roster's or the directory's list).
pub fn person(staff: &[StaffMember], id: StaffId) -> PersonRef {
    PersonRef {
        id,
        name: staff
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| "unknown person".to_owned(), |m| m.name.clone()),
    }
}

/// What an override changes, in English, with people named by `who`.
pub fn override_change(kind: &OverrideKind, who: impl Fn(StaffId) -> String) -> String {
    match *kind {
        OverrideKind::Replace { staff, by } => format!("replace {} by {}", who(staff), who(by)),
        OverrideKind::Add { staff } => format!("add {}", who(staff)),
        OverrideKind::Remove { staff } => format!("remove {}", who(staff)),
    }
}

/// One step of the decision path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct WhoStep {
    /// The step in English, with people named.
    pub text: String,
    /// The step as data: `{"step": "rule-applies", "rule": 3, …}`.
    #[schema(value_type = Object)]
    pub detail: Trace,
}

/// Who a backup role would bring in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct BackupDuty {
    pub role: String,
    pub label: String,
    pub people: Vec<PersonRef>,
}

/// The answer of "who takes a call for this role at this instant", with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct WhoReport {
    pub role: String,
    pub role_label: String,
    /// The instant asked about, UTC.
    pub at: DateTime<Utc>,
    /// The same instant on the line's wall clock (RFC 3339 with offset).
    pub local: String,
    pub timezone: String,
    /// The public holiday of the local date, if any.
    pub holiday: Option<String>,
    /// Whether the line is open (outside opening hours the IVR takes no transfer).
    pub line_open: bool,
    /// The decision path: local time, rules (with holidays), rotations, overrides, result.
    pub steps: Vec<WhoStep>,
    /// The people rung, in order.
    pub people: Vec<PersonRef>,
    /// When nobody is on duty: the configured backup roles, in order, with their people.
    pub backups: Vec<BackupDuty>,
    /// What happens when nobody can be reached.
    pub fallback: String,
}

/// Who is on duty for `role` at `at`, with the decision path.
pub async fn who(store: &dyn Store, settings: &Settings, role: &str, at: DateTime<Utc>) -> ServiceResult<WhoReport> {
    check_role(settings, "role", role)?;
    let roster = roster_at(store, at).await?;
    let cal = settings.calendar();
    let duty = roster.on_duty(role, &cal, at);
    let steps = duty
        .trace
        .iter()
        .map(|step| WhoStep {
            text: step_text(step, &roster),
            detail: step.clone(),
        })
        .collect();
    let people: Vec<PersonRef> = duty.people.iter().map(|&id| person(&roster.staff, id)).collect();
    let backups = if people.is_empty() {
        backup_duties(settings, &roster, &cal, role, at)
    } else {
        Vec::new()
    };
    let local_date = at.with_timezone(&settings.timezone).date_naive();
    Ok(WhoReport {
        role: role.to_owned(),
        role_label: settings.role_label(role),
        at,
        local: local_rfc3339(settings, at),
        timezone: settings.timezone.name().to_owned(),
        holiday: holiday_name(local_date, settings.holiday_region).map(str::to_owned),
        line_open: settings.hours.is_open(at),
        steps,
        people,
        backups,
        fallback: FALLBACK.to_owned(),
    })
}

/// A step of the trace in English, naming people instead of giving their ids.
fn step_text(step: &Trace, roster: &Roster) -> String {
    let who = |id: StaffId| person(&roster.staff, id).to_string();
    match step {
        Trace::RotationTurn { rotation, staff, turn } => {
            let name = roster
                .rotations
                .iter()
                .find(|r| r.id == *rotation)
                .map_or_else(String::new, |r| format!(" \"{}\"", r.name));
            format!("rotation {rotation}{name}: turn {turn} → {}", who(*staff))
        }
        Trace::OverrideApplied { id, kind, changed } => {
            let what = override_change(kind, who);
            let note = roster
                .overrides
                .iter()
                .find(|o| o.id == *id)
                .and_then(|o| o.note.as_deref())
                .map_or_else(String::new, |n| format!(" — {n}"));
            let outcome = if *changed { "applied" } else { "no change" };
            format!("override {id} ({what}{note}): {outcome}")
        }
        Trace::Dropped { staff, reason } => format!("{} dropped: {reason}", who(*staff)),
        Trace::OnDuty { people } if people.is_empty() => "on duty: nobody".to_owned(),
        Trace::OnDuty { people } => {
            let names: Vec<String> = people.iter().map(|&id| who(id)).collect();
            format!("on duty, in order: {}", names.join(", "))
        }
        other => other.to_string(),
    }
}

impl fmt::Display for WhoReport {
    /// The decision path for `numerovert schedule who`: rule → holiday →
    /// override → people in order → fallback.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.at.to_rfc3339_opts(SecondsFormat::Secs, true);
        writeln!(
            f,
            "Who takes a call for {} ({}) at {} ({at})",
            self.role, self.role_label, self.local
        )?;
        match &self.holiday {
            Some(h) => writeln!(f, "Public holiday: {h}")?,
            None => writeln!(f, "Not a public holiday")?,
        }
        let open = if self.line_open {
            "open"
        } else {
            "closed (no transfer is offered)"
        };
        writeln!(f, "The line is {open}")?;
        writeln!(f, "Decision path:")?;
        for step in &self.steps {
            writeln!(f, "  - {}", step.text)?;
        }
        if self.people.is_empty() {
            writeln!(f, "Rung in order: nobody")?;
            if self.backups.is_empty() {
                writeln!(f, "Backup roles: none configured")?;
            } else {
                writeln!(f, "Backup roles, in order:")?;
                for (i, b) in self.backups.iter().enumerate() {
                    let people = if b.people.is_empty() {
                        "nobody".to_owned()
                    } else {
                        b.people.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
                    };
                    writeln!(f, "  {}. {} ({}): {people}", i + 1, b.role, b.label)?;
                }
            }
        } else {
            writeln!(f, "Rung in order:")?;
            for (i, p) in self.people.iter().enumerate() {
                writeln!(f, "  {}. {p}", i + 1)?;
            }
        }
        write!(f, "If nobody answers: {}", self.fallback)
    }
}

/// Who is on duty for one role, for a board of every role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleDuty {
    pub role: String,
    pub label: String,
    pub people: Vec<PersonRef>,
    /// When nobody is on duty: the backup roles and their people.
    pub backups: Vec<BackupDuty>,
}

/// Who is on duty for each of `roles` at `at`, from one reading of the roster.
pub async fn duty_board(
    store: &dyn Store,
    settings: &Settings,
    roles: &BTreeSet<String>,
    at: DateTime<Utc>,
) -> ServiceResult<Vec<RoleDuty>> {
    let roster = roster_at(store, at).await?;
    let cal = settings.calendar();
    Ok(roles
        .iter()
        .map(|role| {
            let people = people_on_duty(&roster, &cal, role, at);
            let backups = if people.is_empty() {
                backup_duties(settings, &roster, &cal, role, at)
            } else {
                Vec::new()
            };
            RoleDuty {
                role: role.clone(),
                label: settings.role_label(role),
                people,
                backups,
            }
        })
        .collect())
}

/// One role's plan over a period: each person's shifts, and the overrides in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolePlan {
    pub role: String,
    pub label: String,
    /// By start; each clipped to the period.
    pub shifts: Vec<(PersonRef, DateTime<Utc>, DateTime<Utc>)>,
    pub overrides: Vec<Override>,
}

/// The rota of a period: each role's plan, the coverage gaps and the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub roles: Vec<RolePlan>,
    pub gaps: Vec<GapReport>,
    pub staff: Vec<StaffMember>,
}

/// The shifts, overrides and gaps of each of `roles` within `[from, to)`, from
/// one reading of the roster (the rota's week view).
pub async fn plan(
    store: &dyn Store,
    settings: &Settings,
    roles: &BTreeSet<String>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> ServiceResult<Plan> {
    let roster = roster_at(store, from).await?;
    let cal = settings.calendar();
    let plans = roles
        .iter()
        .map(|role| RolePlan {
            role: role.clone(),
            label: settings.role_label(role),
            shifts: roster
                .shifts(role, &cal, from, to)
                .into_iter()
                .map(|s| (person(&roster.staff, s.staff), s.starts_at, s.ends_at))
                .collect(),
            overrides: roster
                .overrides
                .iter()
                .filter(|o| &o.role == role && o.starts_at < to && o.ends_at > from)
                .cloned()
                .collect(),
        })
        .collect();
    Ok(Plan {
        roles: plans,
        gaps: gap_reports(settings, &roster, roles, from, to),
        staff: roster.staff,
    })
}

/// The people on duty for `role` at `at`, named, in ringing order.
fn people_on_duty(roster: &Roster, cal: &Calendar, role: &str, at: DateTime<Utc>) -> Vec<PersonRef> {
    roster
        .on_duty(role, cal, at)
        .people
        .iter()
        .map(|&id| person(&roster.staff, id))
        .collect()
}

/// The configured backup roles of `role`, in order, with their people at `at`.
fn backup_duties(
    settings: &Settings,
    roster: &Roster,
    cal: &Calendar,
    role: &str,
    at: DateTime<Utc>,
) -> Vec<BackupDuty> {
    backups(settings, role)
        .iter()
        .map(|b| BackupDuty {
            role: b.clone(),
            label: settings.role_label(b),
            people: people_on_duty(roster, cal, b, at),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Coverage gaps

/// A period where a role has nobody on duty while the line is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct GapReport {
    pub role: String,
    pub role_label: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// `starts_at` on the line's wall clock (RFC 3339 with offset).
    pub starts_local: String,
    pub ends_local: String,
    /// The configured backup roles that have someone on duty for the whole gap:
    /// calls are not lost, but go to someone else.
    pub covered_by_backups: Vec<String>,
}

/// The coverage gaps of `roles` within `[from, to)`: periods where the line is
/// open and nobody is on duty, by start then role.
pub async fn gaps(
    store: &dyn Store,
    settings: &Settings,
    roles: &BTreeSet<String>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> ServiceResult<Vec<GapReport>> {
    let roster = roster_at(store, from).await?;
    Ok(gap_reports(settings, &roster, roles, from, to))
}

fn gap_reports(
    settings: &Settings,
    roster: &Roster,
    roles: &BTreeSet<String>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<GapReport> {
    let cal = settings.calendar();
    let open = |at: DateTime<Utc>| settings.hours.is_open(at);
    let always = |_: DateTime<Utc>| true;
    let mut out = Vec::new();
    for role in roles {
        for gap in roster.gaps(role, &cal, from, to, &open) {
            let covered_by_backups = backups(settings, role)
                .iter()
                .filter(|b| roster.gaps(b, &cal, gap.starts_at, gap.ends_at, &always).is_empty())
                .cloned()
                .collect();
            out.push(GapReport {
                role: role.clone(),
                role_label: settings.role_label(role),
                starts_local: local_rfc3339(settings, gap.starts_at),
                ends_local: local_rfc3339(settings, gap.ends_at),
                starts_at: gap.starts_at,
                ends_at: gap.ends_at,
                covered_by_backups,
            });
        }
    }
    out.sort_by(|a, b| (a.starts_at, &a.role).cmp(&(b.starts_at, &b.role)));
    out
}

// ---------------------------------------------------------------------------
// Calendar feeds

/// The host part of event UIDs: the public host, so UIDs do not collide with
/// another producer's.
fn feed_host(settings: &Settings) -> String {
    settings
        .public_url
        .as_deref()
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "numerovert".to_owned())
}

/// A role's label without its article ("une sage-femme" → "sage-femme"), for titles.
fn bare_label(settings: &Settings, role: &str) -> String {
    let label = settings.role_label(role);
    for article in ["une ", "un ", "la ", "le ", "l'", "l’"] {
        if let Some(rest) = label.strip_prefix(article) {
            return rest.to_owned();
        }
    }
    label
}

fn no_calendar() -> ServiceError {
    ServiceError::NotFound("no such calendar".to_owned())
}

/// The period a feed shows, from a week ago to two months ahead, and the
/// roster that covers it.
async fn feed_roster(store: &dyn Store, now: DateTime<Utc>) -> ServiceResult<(Roster, DateTime<Utc>, DateTime<Utc>)> {
    let (from, to) = (now - FEED_PAST, now + FEED_AHEAD);
    Ok((roster_at(store, from).await?, from, to))
}

/// The iCalendar feed of the person whose calendar link's secret hashes to
/// `token_hash`. An unknown secret is not found, without saying more.
pub async fn staff_feed(
    store: &dyn Store,
    settings: &Settings,
    token_hash: &str,
    now: DateTime<Utc>,
) -> ServiceResult<String> {
    let member = store
        .staff_by_calendar_token(token_hash)
        .await?
        .ok_or_else(no_calendar)?;
    let (roster, from, to) = feed_roster(store, now).await?;
    let cal = settings.calendar();
    let shifts: Vec<_> = member
        .roles
        .iter()
        .flat_map(|role| roster.shifts(role, &cal, from, to))
        .filter(|s| s.staff == member.id)
        .collect();
    let events = calendar::staff_feed_events(&shifts, &|role| bare_label(settings, role));
    Ok(calendar::render_feed(
        &format!("Astreintes — {}", member.name),
        &feed_host(settings),
        &events,
        now,
    ))
}

/// The iCalendar feed of everyone's shifts for the role whose calendar link's
/// secret hashes to `token_hash`.
pub async fn role_feed(
    store: &dyn Store,
    settings: &Settings,
    token_hash: &str,
    now: DateTime<Utc>,
) -> ServiceResult<String> {
    let role = store
        .role_by_calendar_token(token_hash)
        .await?
        // A role removed from the configuration since its link was issued is gone.
        .filter(|role| settings.roles.contains_key(role))
        .ok_or_else(no_calendar)?;
    let (roster, from, to) = feed_roster(store, now).await?;
    let shifts = roster.shifts(&role, &settings.calendar(), from, to);
    let label = bare_label(settings, &role);
    let events = calendar::role_feed_events(&shifts, &|id| person(&roster.staff, id).name, &label);
    Ok(calendar::render_feed(
        &format!("Astreintes — {label}"),
        &feed_host(settings),
        &events,
        now,
    ))
}
