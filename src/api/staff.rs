//! `/api/v1/staff`: the professionals of the directory.

use axum::extract::State;
use axum::response::Response;
use axum::Json;

use super::dto::{CalendarLinkDto, StaffDto};
use super::{created, ApiError, ApiJson, ApiPath, ErrorBody};
use crate::http::AppState;
use crate::routing::directory::StaffDraft;
use crate::routing::schedule::StaffId;
use crate::routing::service;

/// Every staff member, active or not, by id.
#[utoipa::path(get, path = "/api/v1/staff", tag = "staff",
    responses((status = 200, body = [StaffDto])))]
pub(super) async fn list(State(state): State<AppState>) -> Result<Json<Vec<StaffDto>>, ApiError> {
    let staff = state.store().list_staff().await?;
    Ok(Json(staff.into_iter().map(StaffDto::from).collect()))
}

/// Adds a staff member. The phone is read as people write it (`06 12 34 56 78`)
/// and stored in E.164.
#[utoipa::path(post, path = "/api/v1/staff", tag = "staff", request_body = StaffDraft,
    responses(
        (status = 201, body = StaffDto),
        (status = 400, body = ErrorBody, description = "Malformed JSON"),
        (status = 422, body = ErrorBody, description = "Invalid values, by field"),
    ))]
pub(super) async fn create(
    State(state): State<AppState>,
    ApiJson(draft): ApiJson<StaffDraft>,
) -> Result<Response, ApiError> {
    let member = service::add_staff(state.store().as_ref(), state.settings(), &draft, state.now()).await?;
    Ok(created(StaffDto::from(member)))
}

#[utoipa::path(get, path = "/api/v1/staff/{id}", tag = "staff",
    params(("id" = i64, Path, description = "Staff id")),
    responses((status = 200, body = StaffDto), (status = 404, body = ErrorBody)))]
pub(super) async fn get_one(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<StaffId>,
) -> Result<Json<StaffDto>, ApiError> {
    let member = service::staff_member(state.store().as_ref(), id).await?;
    Ok(Json(member.into()))
}

/// Replaces a staff member's values (all of them: name, phone, roles, active).
#[utoipa::path(put, path = "/api/v1/staff/{id}", tag = "staff", request_body = StaffDraft,
    params(("id" = i64, Path, description = "Staff id")),
    responses(
        (status = 200, body = StaffDto),
        (status = 400, body = ErrorBody, description = "Malformed JSON"),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid values, by field"),
    ))]
pub(super) async fn update(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<StaffId>,
    ApiJson(draft): ApiJson<StaffDraft>,
) -> Result<Json<StaffDto>, ApiError> {
    let member = service::update_staff(state.store().as_ref(), state.settings(), id, &draft, state.now()).await?;
    Ok(Json(member.into()))
}

/// Issues a new secret iCalendar link of the person's shifts; the previous
/// link stops working.
#[utoipa::path(post, path = "/api/v1/staff/{id}/calendar-link", tag = "staff",
    params(("id" = i64, Path, description = "Staff id")),
    responses((status = 201, body = CalendarLinkDto), (status = 404, body = ErrorBody)))]
pub(super) async fn calendar_link(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<StaffId>,
) -> Result<Response, ApiError> {
    let url = service::staff_calendar_link(state.store().as_ref(), state.settings(), id).await?;
    Ok(created(CalendarLinkDto { url }))
}
