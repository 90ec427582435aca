//! `/api/v1/roles` and `/api/v1/schedule/…`: roles, who is on duty, coverage gaps.

use axum::extract::State;
use axum::response::Response;
use axum::Json;
use chrono::{Duration, SubsecRound};
use serde::Deserialize;
use utoipa::IntoParams;

use super::dto::{CalendarLinkDto, GapsDto, RoleDto};
use super::{created, ApiError, ApiPath, ApiQuery, ErrorBody};
use crate::http::AppState;
use crate::routing::directory::FieldError;
use crate::routing::service::{self, WhoReport};

/// The longest period `schedule/gaps` sweeps: beyond, schedules are rarely final.
const MAX_GAP_DAYS: u32 = 90;
const DEFAULT_GAP_DAYS: u32 = 14;

/// The configured roles, and whether the IVR offers each one.
#[utoipa::path(get, path = "/api/v1/roles", tag = "duty",
    responses((status = 200, body = [RoleDto])))]
pub(super) async fn roles(State(state): State<AppState>) -> Json<Vec<RoleDto>> {
    let offered = service::offered_roles(&state.scripts());
    let roles = state
        .settings()
        .roles
        .iter()
        .map(|(id, role)| RoleDto {
            id: id.clone(),
            label: role.label.clone(),
            backups: role.backups.clone(),
            offered: offered.contains(id),
        })
        .collect();
    Json(roles)
}

/// Issues a new secret iCalendar link of everyone's shifts for a role; the
/// previous link of the role stops working.
#[utoipa::path(post, path = "/api/v1/roles/{role}/calendar-link", tag = "duty",
    params(("role" = String, Path, description = "Role id, e.g. sage-femme")),
    responses((status = 201, body = CalendarLinkDto), (status = 404, body = ErrorBody)))]
pub(super) async fn role_calendar_link(
    State(state): State<AppState>,
    ApiPath(role): ApiPath<String>,
) -> Result<Response, ApiError> {
    let url = service::role_calendar_link(state.store().as_ref(), state.settings(), &role, state.now()).await?;
    Ok(created(CalendarLinkDto { url }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct WhoQuery {
    /// Role id, e.g. `sage-femme`.
    role: String,
    /// RFC 3339, or `YYYY-MM-DD HH:MM` on the line's wall clock; default: now.
    at: Option<String>,
}

/// Who takes a call for a role at an instant, in ringing order, with the
/// decision path (rules, holidays, rotations, overrides), the backup roles
/// when nobody is on duty, and the fallback.
#[utoipa::path(get, path = "/api/v1/schedule/who", tag = "duty", params(WhoQuery),
    responses((status = 200, body = WhoReport), (status = 422, body = ErrorBody, description = "Unknown role or unreadable instant")))]
pub(super) async fn who(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<WhoQuery>,
) -> Result<Json<WhoReport>, ApiError> {
    let at = service::parse_at(state.settings(), q.at.as_deref(), state.now().trunc_subsecs(0))?;
    let report = service::who(state.store().as_ref(), state.settings(), &q.role, at).await?;
    Ok(Json(report))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct GapsQuery {
    /// How many days ahead of now to check (1 to 90, default 14).
    days: Option<u32>,
}

/// Future periods where a role the IVR offers has nobody on duty while the
/// line is open, and whether a backup role covers each.
#[utoipa::path(get, path = "/api/v1/schedule/gaps", tag = "duty", params(GapsQuery),
    responses((status = 200, body = GapsDto), (status = 422, body = ErrorBody, description = "days out of range")))]
pub(super) async fn gaps(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<GapsQuery>,
) -> Result<Json<GapsDto>, ApiError> {
    let days = q.days.unwrap_or(DEFAULT_GAP_DAYS);
    if !(1..=MAX_GAP_DAYS).contains(&days) {
        return Err(ApiError::invalid(vec![FieldError {
            field: "days".into(),
            message: format!("indiquez un nombre de jours entre 1 et {MAX_GAP_DAYS}"),
        }]));
    }
    let from = state.now().trunc_subsecs(0);
    let to = from + Duration::days(i64::from(days));
    let roles = service::offered_roles(&state.scripts());
    let gaps = service::gaps(state.store().as_ref(), state.settings(), &roles, from, to).await?;
    Ok(Json(GapsDto {
        from,
        to,
        roles: roles.into_iter().collect(),
        gaps,
    }))
}
