//! `/api/v1/rotations`, `/api/v1/rules`, `/api/v1/overrides`: what schedules are made of.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use super::dto::{OverrideDto, RotationDto, RuleDto};
use super::{created, ApiError, ApiJson, ApiPath, ErrorBody};
use crate::http::AppState;
use crate::routing::directory::{OverrideDraft, RotationDraft, RuleDraft};
use crate::routing::service;

#[utoipa::path(get, path = "/api/v1/rotations", tag = "schedules",
    responses((status = 200, body = [RotationDto])))]
pub(super) async fn list_rotations(State(state): State<AppState>) -> Result<Json<Vec<RotationDto>>, ApiError> {
    let rotations = state.store().list_rotations().await?;
    Ok(Json(rotations.into_iter().map(RotationDto::from).collect()))
}

/// Adds a rotation: people of a role taking turns, handing over daily or
/// weekly at a local hour. Rules bring it into the schedule.
#[utoipa::path(post, path = "/api/v1/rotations", tag = "schedules", request_body = RotationDraft,
    responses(
        (status = 201, body = RotationDto),
        (status = 400, body = ErrorBody, description = "Malformed JSON"),
        (status = 422, body = ErrorBody, description = "Invalid values, by field"),
    ))]
pub(super) async fn create_rotation(
    State(state): State<AppState>,
    ApiJson(draft): ApiJson<RotationDraft>,
) -> Result<Response, ApiError> {
    let rotation = service::add_rotation(state.store().as_ref(), state.settings(), &draft, state.now()).await?;
    Ok(created(RotationDto::from(rotation)))
}

/// Deletes a rotation no rule uses any more.
#[utoipa::path(delete, path = "/api/v1/rotations/{id}", tag = "schedules",
    params(("id" = i64, Path, description = "Rotation id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "A rule still uses the rotation"),
    ))]
pub(super) async fn delete_rotation(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    service::delete_rotation(state.store().as_ref(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every weekly rule, by priority then id.
#[utoipa::path(get, path = "/api/v1/rules", tag = "schedules",
    responses((status = 200, body = [RuleDto])))]
pub(super) async fn list_rules(State(state): State<AppState>) -> Result<Json<Vec<RuleDto>>, ApiError> {
    let rules = state.store().list_rules().await?;
    Ok(Json(rules.into_iter().map(RuleDto::from).collect()))
}

/// Adds a weekly rule: on these days, in this local window, the rotation's
/// member on turn then these people are on duty.
#[utoipa::path(post, path = "/api/v1/rules", tag = "schedules", request_body = RuleDraft,
    responses(
        (status = 201, body = RuleDto),
        (status = 400, body = ErrorBody, description = "Malformed JSON"),
        (status = 422, body = ErrorBody, description = "Invalid values, by field"),
    ))]
pub(super) async fn create_rule(
    State(state): State<AppState>,
    ApiJson(draft): ApiJson<RuleDraft>,
) -> Result<Response, ApiError> {
    let rule = service::add_rule(state.store().as_ref(), state.settings(), &draft, state.now()).await?;
    Ok(created(RuleDto::from(rule)))
}

#[utoipa::path(delete, path = "/api/v1/rules/{id}", tag = "schedules",
    params(("id" = i64, Path, description = "Rule id")),
    responses((status = 204, description = "Deleted"), (status = 404, body = ErrorBody)))]
pub(super) async fn delete_rule(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    service::delete_rule(state.store().as_ref(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Overrides still in force or to come, by id.
#[utoipa::path(get, path = "/api/v1/overrides", tag = "schedules",
    responses((status = 200, body = [OverrideDto])))]
pub(super) async fn list_overrides(State(state): State<AppState>) -> Result<Json<Vec<OverrideDto>>, ApiError> {
    let overrides = state.store().list_overrides(state.now()).await?;
    let settings = state.settings();
    Ok(Json(
        overrides.into_iter().map(|o| OverrideDto::new(o, settings)).collect(),
    ))
}

/// Adds an override for a period: replace someone, add or remove someone.
/// `starts_at`/`ends_at` are RFC 3339 or `YYYY-MM-DD HH:MM` on the line's wall clock.
#[utoipa::path(post, path = "/api/v1/overrides", tag = "schedules", request_body = OverrideDraft,
    responses(
        (status = 201, body = OverrideDto),
        (status = 400, body = ErrorBody, description = "Malformed JSON"),
        (status = 422, body = ErrorBody, description = "Invalid values, by field"),
    ))]
pub(super) async fn create_override(
    State(state): State<AppState>,
    ApiJson(draft): ApiJson<OverrideDraft>,
) -> Result<Response, ApiError> {
    let o = service::add_override(state.store().as_ref(), state.settings(), &draft, state.now()).await?;
    Ok(created(OverrideDto::new(o, state.settings())))
}

#[utoipa::path(delete, path = "/api/v1/overrides/{id}", tag = "schedules",
    params(("id" = i64, Path, description = "Override id")),
    responses((status = 204, description = "Deleted"), (status = 404, body = ErrorBody)))]
pub(super) async fn delete_override(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    service::delete_override(state.store().as_ref(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}
