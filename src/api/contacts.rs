//! `/api/v1/contacts` and `/api/v1/figures`: the contacts list with the
//! back-office's filters and keyset pages, one contact with its timeline, and
//! the figures of a period.
//!
//! An API token stands for an integration that a supervisor or an admin set
//! up (`numerovert token create`): it reads what a supervisor reads, with the
//! parents' numbers masked, and every contact it opens is in the access log.

use axum::extract::State;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiError, ApiPath, ApiQuery, ErrorBody};
use crate::contacts::callbacks::mask_number;
use crate::contacts::search::FilterForm;
use crate::db::search::ContactListRow;
use crate::db::users::NewAccess;
use crate::figures::range::{check, FiguresForm};
use crate::http::AppState;
use crate::routing::directory::FieldError;

const DEFAULT_LIMIT: i64 = 50;
const MAX_LIMIT: i64 = 200;

/// A contact (a call or an SMS conversation), with nothing but a masked number.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContactDto {
    pub id: i64,
    /// `voice` or `sms`.
    pub channel: String,
    /// The helpline number reached.
    pub line: Option<String>,
    /// Masked (`06 •• •• •• 78`); null when withheld.
    pub caller_number: Option<String>,
    pub started_at: DateTime<Utc>,
    /// `answered`, `message_left`, `callback_requested`, `informed`, `abandoned`,
    /// `fallback`, `safety`; null while in progress.
    pub outcome: Option<String>,
    /// The need chosen in the IVR, the SMS topic or the safety category.
    pub need: Option<String>,
    /// `new`, `in-progress`, `waiting` or `closed`; null without a follow-up.
    pub follow_up_state: Option<String>,
    pub urgent: bool,
}

impl From<ContactListRow> for ContactDto {
    fn from(c: ContactListRow) -> ContactDto {
        ContactDto {
            id: c.contact_id,
            channel: c.channel,
            line: c.line_number,
            caller_number: c.caller_number.as_deref().map(mask_number),
            started_at: c.started_at,
            outcome: c.outcome,
            need: c.need,
            follow_up_state: c.follow_up_state,
            urgent: c.urgent == Some(true),
        }
    }
}

/// A page of contacts, newest first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContactPageDto {
    pub contacts: Vec<ContactDto>,
    /// Pass as `after` for the next (older) page; null on the last page.
    pub next: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub(super) struct ContactsQuery {
    /// First local day, YYYY-MM-DD.
    from: Option<String>,
    /// Last local day, included.
    to: Option<String>,
    /// `voice` or `sms`.
    channel: Option<String>,
    /// A helpline number (E.164).
    line: Option<String>,
    need: Option<String>,
    /// An outcome, or `none` for contacts in progress.
    outcome: Option<String>,
    /// A staff id: the contacts this professional took, called back or was assigned.
    staff: Option<String>,
    /// A state, `open` (not closed) or `none` (no follow-up).
    follow_up: Option<String>,
    /// `1`: urgent (safety) contacts only.
    urgent: Option<String>,
    /// The `next` of the previous page.
    after: Option<String>,
    /// At most this many (1–200, default 50).
    limit: Option<i64>,
}

/// Contacts, newest first, filtered and paged by keyset.
#[utoipa::path(get, path = "/api/v1/contacts", tag = "contacts", params(ContactsQuery),
    responses(
        (status = 200, body = ContactPageDto),
        (status = 422, body = ErrorBody, description = "A filter is wrong (each field named, in French)"),
    ))]
pub(super) async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ContactsQuery>,
) -> Result<Json<ContactPageDto>, ApiError> {
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::invalid(vec![FieldError {
            field: "limit".into(),
            message: format!("entre 1 et {MAX_LIMIT}"),
        }]));
    }
    let text = |v: Option<String>| v.unwrap_or_default();
    let form = FilterForm {
        from: text(q.from),
        to: text(q.to),
        channel: text(q.channel),
        line: text(q.line),
        need: text(q.need),
        outcome: text(q.outcome),
        staff: text(q.staff),
        follow_up: text(q.follow_up),
        urgent: text(q.urgent),
        after: text(q.after),
    };
    let query = form.check(state.settings().timezone).map_err(ApiError::invalid)?;
    let mut found = state.store().search_contacts(&query, limit + 1).await?;
    let more = found.len() as i64 > limit;
    found.truncate(limit as usize);
    let next = more.then(|| found.last().map(|c| c.cursor().encode())).flatten();
    Ok(Json(ContactPageDto {
        contacts: found.into_iter().map(ContactDto::from).collect(),
        next,
    }))
}

/// One line of a contact's timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventDto {
    pub at: DateTime<Utc>,
    /// `call-start`, `menu`, `key`, `transfer`, `sms-read`, `follow-up-changed`…
    pub kind: String,
    /// The IVR node, when there is one.
    pub node: Option<String>,
}

/// A contact and its timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContactDetailDto {
    pub id: i64,
    pub channel: String,
    pub line: Option<String>,
    /// Masked; null when withheld.
    pub caller_number: Option<String>,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub outcome: Option<String>,
    pub need: Option<String>,
    /// Oldest first.
    pub timeline: Vec<EventDto>,
}

/// One contact with its timeline (written to the access log).
#[utoipa::path(get, path = "/api/v1/contacts/{id}", tag = "contacts",
    params(("id" = i64, Path, description = "Contact id")),
    responses(
        (status = 200, body = ContactDetailDto),
        (status = 404, body = ErrorBody, description = "No such contact"),
    ))]
pub(super) async fn get_one(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ContactDetailDto>, ApiError> {
    let store = state.store();
    let contact = store
        .contact(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no contact {id}")))?;
    let timeline = store
        .timeline(id)
        .await?
        .into_iter()
        .map(|e| EventDto {
            at: e.at,
            kind: e.kind,
            node: e.node,
        })
        .collect();
    let entry = NewAccess {
        user_id: None,
        at: state.now(),
        action: "view-contact".into(),
        subject: Some(format!("contact:{id}")),
        detail: Some("through the API".into()),
    };
    if let Err(e) = store.log_access(&entry).await {
        tracing::error!(error = %e, "access log not written");
    }
    Ok(Json(ContactDetailDto {
        id: contact.contact_id,
        channel: contact.channel,
        line: contact.line_number,
        caller_number: contact.caller_number.as_deref().map(mask_number),
        started_at: contact.started_at,
        ended_at: contact.ended_at,
        outcome: contact.outcome,
        need: contact.need,
        timeline,
    }))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub(super) struct FiguresQuery {
    /// `jour`, `semaine` or `mois` (default `jour`).
    period: Option<String>,
    /// First local day, YYYY-MM-DD (default: 30 days before `to`).
    from: Option<String>,
    /// Last local day, included (default: today).
    to: Option<String>,
    /// `1`: one series per helpline number.
    split: Option<String>,
}

/// The figures of a period, per day, week or month: calls, SMS, answered,
/// missed, messages left, abandons by IVR node, waits (average, 90th
/// percentile), callbacks within the target delay, needs. Nothing personal.
#[utoipa::path(get, path = "/api/v1/figures", tag = "figures", params(FiguresQuery),
    responses(
        (status = 200, description = "The figures: `buckets` (each period's first day), `series` (per line, `counts[i]` for `buckets[i]`) and `total`", content_type = "application/json"),
        (status = 422, body = ErrorBody, description = "A wrong period or range (each field named, in French)"),
    ))]
pub(super) async fn figures(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<FiguresQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let settings = state.settings();
    let form = FiguresForm {
        period: q.period.unwrap_or_default(),
        from: q.from.unwrap_or_default(),
        to: q.to.unwrap_or_default(),
        split: q.split.unwrap_or_default(),
    };
    let today = state.now().with_timezone(&settings.timezone).date_naive();
    let range = check(&form, today).map_err(ApiError::invalid)?;
    let fig = crate::figures::range::figures(state.store().as_ref(), settings, &range, state.now()).await?;
    Ok(Json(serde_json::to_value(&fig).expect("figures serialise")))
}
