//! `/rota`: the week, role by role, day by day: who is on duty when, the
//! gaps while the line is open, the overrides in force; supervisors add an
//! override (a replacement, an extra person, someone off) from a shift in two
//! clicks, or remove one. The staff directory closes the page.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use super::access::{self, Role, Viewer};
use super::{render, view, PageError};
use crate::contacts::messages::french_number;
use crate::http::AppState;
use crate::routing::directory::{FieldError, OverrideDraft};
use crate::routing::hours::day_start;
use crate::routing::schedule::{OverrideKind, StaffMember};
use crate::routing::service::{self, ServiceError};

/// The query of the page: the week, and an override form to prefill.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct RotaQuery {
    /// Any day of the week to show, YYYY-MM-DD.
    week: String,
    /// The override just added (for the confirmation).
    added: String,
    removed: String,
    #[serde(flatten)]
    prefill: OverrideForm,
}

/// The override form, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct OverrideForm {
    role: String,
    /// replace | add | remove
    kind: String,
    staff: String,
    by: String,
    starts_at: String,
    ends_at: String,
    note: String,
}

#[derive(Template)]
#[template(path = "rota.html")]
struct RotaPage {
    chrome: view::Chrome,
    title: String,
    week: String,
    previous_week: String,
    next_week: String,
    this_week: bool,
    roles: Vec<RoleWeek>,
    can_edit: bool,
    form: OverrideForm,
    errors: Vec<FieldError>,
    role_options: Vec<(String, String)>,
    staff_options: Vec<(String, String)>,
    kinds: Vec<(&'static str, &'static str)>,
    notice: Option<String>,
    directory: Vec<DirectoryRow>,
}

impl RotaPage {
    fn error(&self, field: &str) -> Option<&str> {
        view::field_error(&self.errors, field)
    }
}

struct RoleWeek {
    role: String,
    label: String,
    days: Vec<DayPlan>,
    overrides: Vec<OverrideRow>,
    gap_count: usize,
}

struct DayPlan {
    name: String,
    today: bool,
    shifts: Vec<ShiftRow>,
    gaps: Vec<String>,
}

struct ShiftRow {
    name: String,
    span: String,
    /// The page with the form prefilled to replace this person on this shift.
    replace_href: String,
}

struct OverrideRow {
    id: i64,
    text: String,
    when: String,
    note: String,
}

struct DirectoryRow {
    name: String,
    roles: String,
    phone: String,
    /// For `tel:` links.
    e164: String,
    active: bool,
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(query): Query<RotaQuery>,
) -> Result<Response, PageError> {
    let monday = week_start(&state, &query.week)?;
    let notice = if !query.added.is_empty() {
        Some("Modification du planning enregistrée. Elle s'applique aussitôt aux appels.".to_owned())
    } else if !query.removed.is_empty() {
        Some("Modification du planning supprimée : le planning habituel s'applique de nouveau.".to_owned())
    } else {
        None
    };
    let page = build(&state, &viewer, monday, query.prefill, Vec::new(), notice).await?;
    render(&page)
}

pub(super) async fn add_override(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<OverrideForm>,
) -> Result<Response, PageError> {
    viewer.require(Role::Supervisor)?;
    let settings = state.settings();
    let now = state.now();
    let week = form.starts_at.get(..10).unwrap_or_default().to_owned();
    let monday =
        week_start(&state, &week).unwrap_or_else(|_| monday_of(now.with_timezone(&settings.timezone).date_naive()));
    let draft = match draft(&form) {
        Ok(d) => d,
        Err(errors) => return refuse(&state, &viewer, monday, form, errors).await,
    };
    match service::add_override(state.store().as_ref(), settings, &draft, now).await {
        Ok(o) => {
            access::log(
                state.store().as_ref(),
                &viewer.user,
                now,
                "add-override",
                Some(format!("override:{}", o.id)),
                Some(format!("role {}", o.role)),
            )
            .await;
            let week = o.starts_at.with_timezone(&settings.timezone).date_naive();
            Ok(Redirect::to(&format!("/rota?week={week}&added={}#role-{}", o.id, o.role)).into_response())
        }
        Err(ServiceError::Invalid(errors)) => refuse(&state, &viewer, monday, form, errors).await,
        Err(ServiceError::Store(e)) => Err(PageError::Store(e)),
        Err(other) => Err(PageError::BadRequest(other.to_string())),
    }
}

pub(super) async fn delete_override(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<RotaQuery>,
) -> Result<Response, PageError> {
    viewer.require(Role::Supervisor)?;
    match service::delete_override(state.store().as_ref(), id).await {
        Ok(()) => {}
        Err(ServiceError::NotFound(_)) => return Err(PageError::NotFound),
        Err(ServiceError::Store(e)) => return Err(PageError::Store(e)),
        Err(other) => return Err(PageError::BadRequest(other.to_string())),
    }
    access::log(
        state.store().as_ref(),
        &viewer.user,
        state.now(),
        "delete-override",
        Some(format!("override:{id}")),
        None,
    )
    .await;
    let week = week_start(&state, &form.week)?;
    Ok(Redirect::to(&format!("/rota?week={week}&removed={id}")).into_response())
}

async fn refuse(
    state: &AppState,
    viewer: &Viewer,
    monday: NaiveDate,
    form: OverrideForm,
    errors: Vec<FieldError>,
) -> Result<Response, PageError> {
    let page = build(state, viewer, monday, form, errors, None).await?;
    let html = render(&page)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
}

/// The override the form describes; the service checks the rest (times, people, role).
fn draft(form: &OverrideForm) -> Result<OverrideDraft, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut id = |field: &str, value: &str, missing: &str| -> i64 {
        match value.trim().parse::<i64>() {
            Ok(id) => id,
            Err(_) => {
                errors.push(FieldError {
                    field: field.to_owned(),
                    message: missing.to_owned(),
                });
                0
            }
        }
    };
    let staff = id("staff", &form.staff, "Choisissez la personne concernée.");
    let kind = match form.kind.as_str() {
        "replace" => OverrideKind::Replace {
            staff,
            by: id("by", &form.by, "Choisissez qui la remplace."),
        },
        "add" => OverrideKind::Add { staff },
        "remove" => OverrideKind::Remove { staff },
        _ => {
            errors.push(FieldError {
                field: "kind".into(),
                message: "Choisissez le type de modification.".into(),
            });
            OverrideKind::Add { staff }
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(OverrideDraft {
        role: form.role.trim().to_owned(),
        starts_at: form.starts_at.clone(),
        ends_at: form.ends_at.clone(),
        kind,
        note: Some(form.note.clone()),
    })
}

async fn build(
    state: &AppState,
    viewer: &Viewer,
    monday: NaiveDate,
    form: OverrideForm,
    errors: Vec<FieldError>,
    notice: Option<String>,
) -> Result<RotaPage, PageError> {
    let settings = state.settings();
    let tz = settings.timezone;
    let now = state.now();
    let store = state.store().as_ref();
    let from = day_start(tz, monday);
    let to = day_start(tz, monday + Duration::days(7));
    let roles: BTreeSet<String> = service::offered_roles(&state.scripts());
    let service::Plan {
        roles: plans,
        gaps,
        staff,
    } = service::plan(store, settings, &roles, from, to)
        .await
        .map_err(page_error)?;
    let name = |id: i64| {
        staff
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| format!("n° {id}"), |s| s.name.clone())
    };
    let today = now.with_timezone(&tz).date_naive();
    let local_input = |at: DateTime<Utc>| at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string();

    let role_weeks = plans
        .iter()
        .map(|plan| {
            let role_gaps: Vec<_> = gaps.iter().filter(|g| g.role == plan.role).collect();
            let days = (0..7)
                .map(|d| {
                    let date = monday + Duration::days(d);
                    let (start, end) = (day_start(tz, date), day_start(tz, date + Duration::days(1)));
                    let clip = |s: DateTime<Utc>, e: DateTime<Utc>| (s.max(start), e.min(end));
                    DayPlan {
                        name: view::capitalized(&view::day(tz, start)),
                        today: date == today,
                        shifts: plan
                            .shifts
                            .iter()
                            .filter(|(_, s, e)| *s < end && *e > start)
                            .map(|(who, s, e)| {
                                let (s, e) = clip(*s, *e);
                                let prefill = form_urlencoded::Serializer::new(String::new())
                                    .append_pair("week", &monday.to_string())
                                    .append_pair("role", &plan.role)
                                    .append_pair("kind", "replace")
                                    .append_pair("staff", &who.id.to_string())
                                    .append_pair("starts_at", &local_input(s))
                                    .append_pair("ends_at", &local_input(e))
                                    .finish();
                                ShiftRow {
                                    name: who.name.clone(),
                                    span: hours(tz, s, e, end),
                                    replace_href: format!("/rota?{prefill}#modifier"),
                                }
                            })
                            .collect(),
                        gaps: role_gaps
                            .iter()
                            .filter(|g| g.starts_at < end && g.ends_at > start)
                            .map(|g| {
                                let (s, e) = clip(g.starts_at, g.ends_at);
                                let covered = if g.covered_by_backups.is_empty() {
                                    " · personne en relais".to_owned()
                                } else {
                                    format!(
                                        " · relais : {}",
                                        g.covered_by_backups
                                            .iter()
                                            .map(|r| view::role_name(&settings.role_label(r)))
                                            .collect::<Vec<_>>()
                                            .join(", ")
                                    )
                                };
                                format!("{}{covered}", hours(tz, s, e, end))
                            })
                            .collect(),
                    }
                })
                .collect();
            RoleWeek {
                role: plan.role.clone(),
                label: view::role_name(&plan.label),
                days,
                overrides: plan
                    .overrides
                    .iter()
                    .map(|o| OverrideRow {
                        id: o.id,
                        text: match o.kind {
                            OverrideKind::Replace { staff, by } => format!("{} remplace {}", name(by), name(staff)),
                            OverrideKind::Add { staff } => format!("{} en renfort", name(staff)),
                            OverrideKind::Remove { staff } => format!("{} n'est pas de garde", name(staff)),
                        },
                        when: view::period(tz, o.starts_at, o.ends_at, now),
                        note: o.note.clone().unwrap_or_default(),
                    })
                    .collect(),
                gap_count: role_gaps.len(),
            }
        })
        .collect();

    let week_label = format!("Semaine du {}", view::day(tz, from));
    Ok(RotaPage {
        chrome: view::Chrome::for_viewer(viewer, &format!("Planning · {week_label}"), "/rota"),
        title: week_label,
        week: monday.to_string(),
        previous_week: (monday - Duration::days(7)).to_string(),
        next_week: (monday + Duration::days(7)).to_string(),
        this_week: monday == monday_of(today),
        roles: role_weeks,
        can_edit: viewer.user.role.allows(Role::Supervisor),
        form,
        errors,
        role_options: roles
            .iter()
            .map(|r| (r.clone(), view::role_name(&settings.role_label(r))))
            .collect(),
        staff_options: staff
            .iter()
            .filter(|s| s.active)
            .map(|s| (s.id.to_string(), s.name.clone()))
            .collect(),
        kinds: vec![
            ("replace", "Remplacer quelqu'un (échange, absence)"),
            ("add", "Ajouter une personne en renfort"),
            ("remove", "Retirer une personne du planning"),
        ],
        notice,
        directory: staff.iter().map(|s| directory_row(settings, s)).collect(),
    })
}

fn directory_row(settings: &crate::config::Settings, s: &StaffMember) -> DirectoryRow {
    DirectoryRow {
        name: s.name.clone(),
        roles: s
            .roles
            .iter()
            .map(|r| view::role_name(&settings.role_label(r)))
            .collect::<Vec<_>>()
            .join(", "),
        phone: french_number(&s.phone),
        e164: s.phone.clone(),
        active: s.active,
    }
}

/// "8 h 00 – 14 h 00"; a shift running to the day's end reads "– 24 h 00".
fn hours(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>, day_end: DateTime<Utc>) -> String {
    let end = if to >= day_end {
        "24 h 00".to_owned()
    } else {
        view::time(tz, to)
    };
    format!("{} – {end}", view::time(tz, from))
}

fn page_error(e: ServiceError) -> PageError {
    match e {
        ServiceError::Store(e) => PageError::Store(e),
        other => PageError::BadRequest(other.to_string()),
    }
}

/// The Monday of the week holding `text` (YYYY-MM-DD), or of this week.
fn week_start(state: &AppState, text: &str) -> Result<NaiveDate, PageError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(monday_of(
            state.now().with_timezone(&state.settings().timezone).date_naive(),
        ));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(monday_of)
        .map_err(|_| PageError::BadRequest(format!("« {text} » n'est pas une date (AAAA-MM-JJ).")))
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(monday_of(d("2026-12-03")), d("2026-11-30"));
        assert_eq!(monday_of(d("2026-11-30")), d("2026-11-30"));
        assert_eq!(monday_of(d("2026-12-06")), d("2026-11-30"));
    }

    #[test]
    fn a_form_without_people_or_kind_names_its_fields() {
        let form = OverrideForm {
            kind: "replace".into(),
            ..OverrideForm::default()
        };
        let fields: Vec<String> = draft(&form).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["staff", "by"]);
        let form = OverrideForm {
            kind: "swap".into(),
            staff: "3".into(),
            ..OverrideForm::default()
        };
        assert_eq!(draft(&form).unwrap_err()[0].field, "kind");
    }
}
