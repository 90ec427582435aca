//! `/api/v1/follow-ups`: parents to call back, and click-to-call.
//!
//! Parents' numbers appear masked (`06 •• •• •• 78`): whoever reads the list
//! decides whom to call, the provider dials the number itself.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiError, ApiJson, ApiPath, ApiQuery, ErrorBody};
use crate::contacts::callbacks::{self, mask_number, CallbackError};
use crate::db::callbacks::{CallbackCall, FollowUpEntry};
use crate::http::AppState;
use crate::routing::schedule::StaffId;

const DEFAULT_LIMIT: i64 = 100;
const MAX_LIMIT: i64 = 500;

/// A parent to call back.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FollowUpDto {
    pub id: i64,
    pub contact_id: i64,
    /// `missed`, `abandoned`, `callback-requested` or `message-left`.
    pub reason: String,
    /// The need chosen in the IVR, e.g. `allaitement`.
    pub need: Option<String>,
    /// `new`, `in-progress` (a callback is under way), `waiting` (tried, not reached) or `closed`.
    pub state: String,
    /// When closed: `reached`.
    pub outcome: Option<String>,
    /// When the parent must have been called back.
    pub due_at: DateTime<Utc>,
    pub overdue: bool,
    /// Calls that rang the parent.
    pub attempts: i64,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// `reached` or `no-answer` (the precise reason is on the callback).
    pub last_attempt_outcome: Option<String>,
    /// The number to call back, masked (`06 •• •• •• 78`); null when withheld.
    pub parent_number: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl FollowUpDto {
    fn new(e: FollowUpEntry, now: DateTime<Utc>) -> FollowUpDto {
        let f = e.follow_up;
        FollowUpDto {
            id: f.follow_up_id,
            contact_id: f.contact_id,
            overdue: f.state != "closed" && f.due_at < now,
            reason: f.reason,
            need: f.need,
            state: f.state,
            outcome: f.outcome,
            due_at: f.due_at,
            attempts: f.attempts,
            last_attempt_at: f.last_attempt_at,
            last_attempt_outcome: f.last_attempt_outcome,
            parent_number: e.parent_number.as_deref().map(mask_number),
            created_at: f.created_at,
        }
    }
}

/// A click-to-call: the professional is rung first, then the parent.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CallbackDto {
    pub id: i64,
    pub staff_id: StaffId,
    pub staff_name: String,
    /// `placing`, `calling-staff`, `calling-parent`, then `reached`, `no-answer`,
    /// `busy`, `failed`, `staff-declined`, `staff-unreachable` or `not-placed`.
    pub state: String,
    /// Why it was not placed.
    pub detail: Option<String>,
    pub created_at: DateTime<Utc>,
    /// When the professional pressed 1.
    pub accepted_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
}

impl From<CallbackCall> for CallbackDto {
    fn from(c: CallbackCall) -> CallbackDto {
        CallbackDto {
            id: c.callback_id,
            staff_id: c.staff_id,
            staff_name: c.staff_name,
            state: c.state,
            detail: c.detail,
            created_at: c.created_at,
            accepted_at: c.accepted_at,
            ended_at: c.ended_at,
        }
    }
}

/// A follow-up with its callbacks.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FollowUpDetailDto {
    #[serde(flatten)]
    pub follow_up: FollowUpDto,
    /// Oldest first.
    pub callbacks: Vec<CallbackDto>,
}

/// Who calls the parent back.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CallRequest {
    /// The professional rung first (an active staff member).
    pub staff_id: StaffId,
}

/// A callback under way.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CallStartedDto {
    pub callback_id: i64,
    pub follow_up_id: i64,
    /// `calling-staff`: the professional's phone is ringing.
    pub state: String,
    /// The provider's id of the professional's call.
    pub staff_call_sid: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct ListQuery {
    /// At most this many (1–500, default 100).
    limit: Option<i64>,
}

impl From<CallbackError> for ApiError {
    fn from(e: CallbackError) -> ApiError {
        match e {
            CallbackError::NotFound(what) => ApiError::not_found(what),
            CallbackError::Conflict(why) => ApiError::new(StatusCode::CONFLICT, why),
            CallbackError::Invalid(fields) => ApiError::invalid(fields),
            CallbackError::NotConfigured(what) => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, what),
            CallbackError::Provider(why) => ApiError::new(StatusCode::BAD_GATEWAY, why),
            CallbackError::Store(e) => e.into(),
        }
    }
}

/// Open follow-ups, the most overdue first.
#[utoipa::path(get, path = "/api/v1/follow-ups", tag = "follow-ups", params(ListQuery),
    responses(
        (status = 200, body = [FollowUpDto]),
        (status = 422, body = ErrorBody, description = "limit out of range"),
    ))]
pub(super) async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Vec<FollowUpDto>>, ApiError> {
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::invalid(vec![crate::routing::directory::FieldError {
            field: "limit".into(),
            message: format!("entre 1 et {MAX_LIMIT}"),
        }]));
    }
    let now = state.now();
    let entries = state.store().follow_up_queue(limit).await?;
    Ok(Json(entries.into_iter().map(|e| FollowUpDto::new(e, now)).collect()))
}

/// A follow-up, open or closed, with its callbacks.
#[utoipa::path(get, path = "/api/v1/follow-ups/{id}", tag = "follow-ups",
    params(("id" = i64, Path, description = "Follow-up id")),
    responses((status = 200, body = FollowUpDetailDto), (status = 404, body = ErrorBody)))]
pub(super) async fn get_one(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<FollowUpDetailDto>, ApiError> {
    let store = state.store();
    let entry = store
        .follow_up_entry(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no follow-up {id}")))?;
    let callbacks = store.callbacks_for_follow_up(id).await?;
    Ok(Json(FollowUpDetailDto {
        follow_up: FollowUpDto::new(entry, state.now()),
        callbacks: callbacks.into_iter().map(CallbackDto::from).collect(),
    }))
}

/// Click-to-call: rings the professional, who hears what the callback is about
/// and presses 1 to have the parent called, with the helpline number shown.
/// The outcome (reached, no answer…) is written on the follow-up.
#[utoipa::path(post, path = "/api/v1/follow-ups/{id}/call", tag = "follow-ups", request_body = CallRequest,
    params(("id" = i64, Path, description = "Follow-up id")),
    responses(
        (status = 202, body = CallStartedDto, description = "The professional's phone is ringing"),
        (status = 400, body = ErrorBody, description = "Malformed JSON"),
        (status = 404, body = ErrorBody, description = "No such follow-up"),
        (status = 409, body = ErrorBody, description = "The follow-up is closed, the parent withheld their number, or a callback is under way"),
        (status = 422, body = ErrorBody, description = "Unknown or inactive staff member"),
        (status = 502, body = ErrorBody, description = "The telephony provider did not place the call"),
        (status = 503, body = ErrorBody, description = "Telephony is not configured, or the database is unavailable"),
    ))]
pub(super) async fn call(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<CallRequest>,
) -> Result<Response, ApiError> {
    let started = callbacks::start(
        state.store().as_ref(),
        state.settings(),
        state.twilio(),
        id,
        body.staff_id,
        state.now(),
    )
    .await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(CallStartedDto {
            callback_id: started.callback_id,
            follow_up_id: id,
            state: "calling-staff".into(),
            staff_call_sid: started.staff_call_sid,
        }),
    )
        .into_response())
}
