//! The secret iCalendar feeds of on-call shifts: `GET /calendar/staff/{token}.ics`
//! and `GET /calendar/role/{token}.ics`.
//!
//! Calendar apps fetch them without logging in, so the secret is in the URL
//! (only its hash is stored) and every way of being wrong gets the same 404,
//! telling nothing about which tokens exist.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::AppState;
use crate::routing::directory::hash_secret;
use crate::routing::service::{self, ServiceError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/calendar/staff/{file}", get(staff_feed))
        .route("/calendar/role/{file}", get(role_feed))
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CACHE_CONTROL, "no-store")],
        "no such calendar\n",
    )
        .into_response()
}

fn unavailable(error: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %error, "calendar feed: the store failed");
    (StatusCode::SERVICE_UNAVAILABLE, "calendar temporarily unavailable\n").into_response()
}

fn feed(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            // Private: the feed names people; five minutes spares the
            // database when apps poll aggressively.
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        body,
    )
        .into_response()
}

/// The token's hash, if `file` is `<token>.ics`.
fn token_hash(file: &str) -> Option<String> {
    let token = file.strip_suffix(".ics")?;
    (!token.is_empty()).then(|| hash_secret(token))
}

fn render(result: Result<String, ServiceError>) -> Response {
    match result {
        Ok(body) => feed(body),
        Err(ServiceError::Store(e)) => unavailable(&e),
        Err(_) => not_found(),
    }
}

async fn staff_feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(hash) = token_hash(&file) else {
        return not_found();
    };
    render(service::staff_feed(state.store().as_ref(), state.settings(), &hash, state.now()).await)
}

async fn role_feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(hash) = token_hash(&file) else {
        return not_found();
    };
    render(service::role_feed(state.store().as_ref(), state.settings(), &hash, state.now()).await)
}
