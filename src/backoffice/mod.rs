//! The back-office: server-rendered pages (askama templates in `templates/`)
//! for staff, supervisors and admins.
//!
//! Layout: [`access`] (roles, passwords, sessions, CSRF, throttling, the access
//! log), [`login`], [`today`] (the day at a glance), [`contact`] (one
//! contact: follow-up, notes, timeline, SMS thread), [`admin`] (users, the
//! access log). Handlers stay thin: they check the viewer's role, call the
//! core or the store, and render a template.
//!
//! Every page answer carries the security headers of [`security_headers`]: a
//! CSP without inline script or style, frame denial, no caching of families'
//! data. Nothing comes from a CDN: the stylesheet is compiled into the binary,
//! so the back-office works on a closed network.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;

use crate::db::StoreError;
use crate::http::AppState;

pub mod access;
mod admin;
mod contact;
mod contacts;
mod content;
mod figures;
mod follow_ups;
mod login;
mod rota;
mod today;
pub mod view;

/// The back-office routes, with their sessions, CSRF check and headers.
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(today::page))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", axum::routing::post(login::logout))
        .route("/contacts", get(contacts::page))
        .route("/contacts/{id}", get(contact::page))
        .route("/follow-ups", get(follow_ups::page))
        .route("/content", get(content::page))
        .route("/content/topics/{id}", get(content::topic).post(content::save_topic))
        .route("/content/reload", axum::routing::post(content::reload))
        .route("/figures", get(figures::page))
        .route("/figures.csv", get(figures::export))
        .route("/rota", get(rota::page))
        .route("/rota/overrides", axum::routing::post(rota::add_override))
        .route(
            "/rota/overrides/{id}/delete",
            axum::routing::post(rota::delete_override),
        )
        .route("/contacts/{id}/reveal", axum::routing::post(contact::reveal))
        .route(
            "/contacts/{id}/follow-up",
            axum::routing::post(contact::change_follow_up),
        )
        .route("/contacts/{id}/notes", axum::routing::post(contact::add_note))
        .route("/contacts/{id}/call-back", axum::routing::post(contact::call_back))
        .route("/contacts/{id}/sms", axum::routing::post(contact::send_sms))
        .route("/contacts/{id}/recordings/{sid}", get(contact::recording))
        .route("/admin/users", get(admin::users).post(admin::add_user))
        .route("/admin/access-log", get(admin::access_log))
        .layer(middleware::from_fn_with_state(state.clone(), access::sessions))
        .route("/static/app.css", get(stylesheet))
        .layer(middleware::from_fn_with_state(state, security_headers))
}

/// The back-office's one stylesheet, compiled in.
const STYLESHEET: &str = include_str!("../../assets/app.css");

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// The headers every back-office answer carries.
async fn security_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let is_static = request.uri().path().starts_with("/static/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name: &'static str, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(
        headers,
        "content-security-policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; \
         font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(headers, "x-frame-options", "DENY");
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "referrer-policy", "same-origin");
    set(headers, "cross-origin-opener-policy", "same-origin");
    set(
        headers,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=()",
    );
    if !is_static {
        // Pages hold families' data: no copy in any cache, shared or not.
        set(headers, "cache-control", "no-store");
    }
    if state
        .settings()
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"))
    {
        set(headers, "strict-transport-security", "max-age=31536000");
    }
    response
}

/// What a page handler can fail with; each renders as a page in French.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("login required")]
    LoginRequired { next: Option<String> },
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("CSRF token missing or wrong")]
    Csrf,
    #[error("bad request: {0}")]
    BadRequest(String),
    /// A service the page needs (the provider) is not there; the message says what to do.
    #[error("unavailable: {0}")]
    Unavailable(String),
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("template: {0}")]
    Template(#[from] askama::Error),
}

/// The error page.
#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: view::Chrome,
    heading: &'static str,
    message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, heading, message) = match self {
            PageError::LoginRequired { next } => {
                let target = match next.filter(|n| n != "/") {
                    Some(n) => format!("/login?next={}", url::form_urlencoded::byte_serialize(n.as_bytes()).collect::<String>()),
                    None => "/login".to_owned(),
                };
                return Redirect::to(&target).into_response();
            }
            PageError::Forbidden => (
                StatusCode::FORBIDDEN,
                "Accès réservé",
                "Cette page est réservée à un autre rôle que le vôtre. Si vous en avez besoin, demandez à un·e superviseur·e ou à un·e administrateur·rice.".to_owned(),
            ),
            PageError::NotFound => (
                StatusCode::NOT_FOUND,
                "Page introuvable",
                "Cette page n'existe pas ou plus. Revenez à l'accueil.".to_owned(),
            ),
            PageError::Csrf => (
                StatusCode::FORBIDDEN,
                "Formulaire expiré",
                "Ce formulaire a expiré ou ne vient pas du back-office. Rechargez la page et recommencez : rien n'a été enregistré.".to_owned(),
            ),
            PageError::BadRequest(message) => (StatusCode::BAD_REQUEST, "Demande incomplète", message),
            PageError::Unavailable(message) => (StatusCode::SERVICE_UNAVAILABLE, "Momentanément indisponible", message),
            PageError::Store(e) => {
                tracing::error!(error = %e, "back-office page: database error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Service momentanément indisponible",
                    "La base de données ne répond pas. Réessayez dans un instant ; si cela dure, prévenez l'administrateur·rice.".to_owned(),
                )
            }
            PageError::Template(e) => {
                tracing::error!(error = %e, "back-office page: template error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Erreur d'affichage",
                    "La page n'a pas pu être affichée. Prévenez l'administrateur·rice.".to_owned(),
                )
            }
        };
        let page = ErrorPage {
            chrome: view::Chrome::bare(heading),
            heading,
            message,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, heading).into_response(),
        }
    }
}

/// Renders a page template.
pub fn render(page: &impl Template) -> Result<Response, PageError> {
    Ok(Html(page.render()?).into_response())
}
