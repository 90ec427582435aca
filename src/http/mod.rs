//! The HTTP application: shared state, the router, health checks and audio files.
//! The JSON API lives in [`crate::api`]; the calendar feeds in [`feeds`].

use std::path::Component;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{DateTime, Utc};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::config::Settings;
use crate::db::Store;
use crate::ivr::library::Library;
use crate::telephony;
use crate::telephony::rest::TwilioClient;

pub mod feeds;

/// The clock is an input, so tests can place calls at chosen instants.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    settings: Settings,
    store: Arc<dyn Store>,
    scripts: Arc<Library>,
    clock: Clock,
    twilio: Option<TwilioClient>,
}

impl AppState {
    pub fn new(settings: Settings, store: Arc<dyn Store>, scripts: Arc<Library>, clock: Clock) -> AppState {
        // One client for the process: it holds the connection pool to the provider.
        let twilio = match (&settings.twilio_account_sid, &settings.twilio_auth_token) {
            (Some(sid), Some(token)) => Some(TwilioClient::new(
                settings.twilio_api_base.clone(),
                sid.clone(),
                token.clone(),
            )),
            _ => None,
        };
        AppState {
            inner: Arc::new(Inner {
                settings,
                store,
                scripts,
                clock,
                twilio,
            }),
        }
    }
    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.inner.store
    }
    pub fn scripts(&self) -> Arc<Library> {
        self.inner.scripts.clone()
    }
    pub fn now(&self) -> DateTime<Utc> {
        (self.inner.clock)()
    }
    /// The provider's REST client; None without `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN`.
    pub fn twilio(&self) -> Option<&TwilioClient> {
        self.inner.twilio.as_ref()
    }
}

/// The whole service as a router: used by `serve` and driven directly by tests.
pub fn router(state: AppState) -> Router {
    let panic_state = state.clone();
    let voice = telephony::voice::router().layer(CatchPanicLayer::custom(move |_: Box<dyn std::any::Any + Send>| {
        tracing::error!("a voice handler panicked: answering with the fallback");
        telephony::voice::fallback_response(&panic_state)
    }));
    let callback_state = state.clone();
    let callbacks =
        telephony::callback_voice::router().layer(CatchPanicLayer::custom(move |_: Box<dyn std::any::Any + Send>| {
            tracing::error!("a click-to-call handler panicked: apology");
            telephony::callback_voice::apology_response(&callback_state)
        }));
    Router::new()
        .merge(voice)
        .merge(callbacks)
        .merge(telephony::sms::router())
        .merge(crate::api::router(state.clone()))
        .merge(feeds::router())
        .merge(crate::backoffice::router(state.clone()))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/audio/{file}", get(audio))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// `GET /healthz`: the process answers.
async fn healthz() -> &'static str {
    "ok\n"
}

/// `GET /readyz`: the database answers too, and the distress classifier is
/// trained (a few seconds after start-up: a message read before would wait).
async fn readyz(State(state): State<AppState>) -> Response {
    if !crate::sms::safety::model::is_trained() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "the distress classifier is still training\n",
        )
            .into_response();
    }
    match tokio::time::timeout(std::time::Duration::from_secs(3), state.store().ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ready\n").into_response(),
        Ok(Err(error)) => {
            tracing::warn!(error = %error, "not ready: database error");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response()
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database timed out\n").into_response(),
    }
}

/// `GET /audio/{file}`: an audio file of `ivr-scripts/audio/`, for `<Play>`.
async fn audio(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let plain = std::path::Path::new(&file).components().count() == 1
        && matches!(
            std::path::Path::new(&file).components().next(),
            Some(Component::Normal(_))
        );
    let content_type = if file.ends_with(".mp3") {
        "audio/mpeg"
    } else if file.ends_with(".wav") {
        "audio/wav"
    } else {
        return (StatusCode::NOT_FOUND, "no such audio file\n").into_response();
    };
    if !plain {
        return (StatusCode::NOT_FOUND, "no such audio file\n").into_response();
    }
    match tokio::fs::read(state.scripts().dir().join("audio").join(&file)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => (StatusCode::NOT_FOUND, "no such audio file\n").into_response(),
    }
}
