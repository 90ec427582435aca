//! The JSON API for integrations, under `/api/v1`, described by an OpenAPI
//! document served at `/api/v1/openapi.json`.
//!
//! Every route but the document itself needs `Authorization: Bearer <token>`,
//! a token created with `numerovert token create` (only its hash is stored).
//! Routes are registered through `utoipa-axum`, so a handler cannot be served
//! without being described. Handlers stay thin: they parse, call
//! [`crate::routing::service`] or the store, and render a DTO of [`dto`].
//!
//! Layout: [`error`] (JSON errors), [`dto`] (answers), `schema` (OpenAPI
//! schemas of core enums), `staff`, `schedules` (rotations, rules, overrides),
//! `duty` (roles, who is on duty, gaps), `follow_ups` (parents to call back,
//! click-to-call), `contacts` (the contacts list, one contact, the figures).

use std::sync::OnceLock;

use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{Json, Router};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as OpenApiDoc, RefOr};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::backoffice::access::Role;
use crate::http::AppState;
use crate::routing::directory::hash_secret;

mod contacts;
pub mod dto;
mod duty;
pub mod error;
mod follow_ups;
mod schedules;
mod schema;
mod staff;

pub use error::{ApiError, ErrorBody};

/// A JSON body whose rejections are JSON errors too (400, or 415 without
/// `Content-Type: application/json`), not axum's plain text.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

/// Path parameters with JSON rejections.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

/// A query string with JSON rejections.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

const BEARER: &str = "bearer";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "numerovert API",
        version = "1",
        description = "Staff, on-call schedules, coverage, follow-ups (click-to-call), contacts and figures of the numéro vert. \
                       Authenticate with `Authorization: Bearer <token>` (tokens come from \
                       `numerovert token create`). A token has a role, as back-office users do: \
                       `staff` reads the directory, the schedules, who is on duty and the follow-ups \
                       (and may click-to-call); `supervisor` may also read contacts and figures and \
                       change the directory and the schedules (403 otherwise). Times are RFC 3339 in UTC, with a `local` \
                       rendering on the line's wall clock where helpful; local times in \
                       requests are read in the line's time zone (Europe/Paris by default). \
                       Validation messages (`fields`) are in French."
    ),
    modifiers(&Security),
    security(("bearer" = [])),
    tags(
        (name = "staff", description = "The professionals of the directory"),
        (name = "schedules", description = "Rotations, weekly rules and overrides"),
        (name = "duty", description = "Roles, who is on duty, coverage gaps"),
        (name = "follow-ups", description = "Parents to call back, and click-to-call"),
        (name = "contacts", description = "Calls and SMS conversations, filtered and paged"),
        (name = "figures", description = "Activity figures per day, week or month, nothing personal"),
        (name = "meta", description = "This document")
    )
)]
struct ApiDoc;

/// Declares the bearer scheme and the answers every protected route can give.
struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            BEARER,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token from `numerovert token create`"))
                    .build(),
            ),
        );
    }
}

/// Adds the 401 and 503 answers to every protected operation, once the paths are known.
/// (Both come from the token check, which runs before any handler.)
fn add_common_responses(doc: &mut OpenApiDoc) {
    use utoipa::openapi::ResponseBuilder;
    use utoipa::openapi::{content::ContentBuilder, Ref};
    let error = || {
        ContentBuilder::new()
            .schema(Some(RefOr::Ref(Ref::from_schema_name("ErrorBody"))))
            .build()
    };
    for (path, item) in doc.paths.paths.iter_mut() {
        let ops = [
            (Method::GET, &mut item.get),
            (Method::PUT, &mut item.put),
            (Method::POST, &mut item.post),
            (Method::DELETE, &mut item.delete),
            (Method::PATCH, &mut item.patch),
        ];
        for (method, op) in ops.into_iter().filter_map(|(m, op)| op.as_mut().map(|op| (m, op))) {
            let public = op
                .security
                .as_ref()
                .is_some_and(|s| s.iter().all(|r| *r == Default::default()));
            if public {
                continue;
            }
            op.responses.responses.entry("401".into()).or_insert_with(|| {
                ResponseBuilder::new()
                    .description("Missing, unknown or revoked API token")
                    .content("application/json", error())
                    .into()
            });
            if needed_role(&method, path) > Role::Staff {
                op.responses.responses.entry("403".into()).or_insert_with(|| {
                    ResponseBuilder::new()
                        .description("The token's role is staff: this needs a supervisor's token")
                        .content("application/json", error())
                        .into()
                });
            }
            op.responses.responses.entry("503".into()).or_insert_with(|| {
                ResponseBuilder::new()
                    .description("The database is unavailable")
                    .content("application/json", error())
                    .into()
            });
        }
    }
}

/// Routes that need a token.
fn protected() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(staff::list, staff::create))
        .routes(routes!(staff::get_one, staff::update))
        .routes(routes!(staff::calendar_link))
        .routes(routes!(schedules::list_rotations, schedules::create_rotation))
        .routes(routes!(schedules::delete_rotation))
        .routes(routes!(schedules::list_rules, schedules::create_rule))
        .routes(routes!(schedules::delete_rule))
        .routes(routes!(schedules::list_overrides, schedules::create_override))
        .routes(routes!(schedules::delete_override))
        .routes(routes!(duty::roles))
        .routes(routes!(duty::role_calendar_link))
        .routes(routes!(duty::who))
        .routes(routes!(duty::gaps))
        .routes(routes!(follow_ups::list))
        .routes(routes!(follow_ups::get_one))
        .routes(routes!(follow_ups::call))
        .routes(routes!(contacts::list))
        .routes(routes!(contacts::get_one))
        .routes(routes!(contacts::figures))
}

/// Routes anyone can read.
fn public() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(openapi_json))
}

/// The OpenAPI document of every route of [`router`].
pub fn openapi() -> &'static OpenApiDoc {
    static DOC: OnceLock<OpenApiDoc> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = protected().merge(public()).into_openapi();
        add_common_responses(&mut doc);
        doc
    })
}

/// The API's routes, to merge into the service's router.
pub fn router(state: AppState) -> Router<AppState> {
    let (protected, _) = protected()
        .route_layer(middleware::from_fn_with_state(state, require_token))
        .split_for_parts();
    let (public, _) = public().split_for_parts();
    protected
        .merge(public)
        // Unknown routes under /api/v1 answer in JSON too.
        .route("/api/v1", any(no_such_route))
        .route("/api/v1/{*rest}", any(no_such_route))
}

async fn no_such_route() -> ApiError {
    ApiError::not_found("no such route; see /api/v1/openapi.json")
}

/// Checks `Authorization: Bearer <token>` against the stored hashes.
async fn require_token(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let header = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::trim);
    let token = header.and_then(|h| {
        let (scheme, token) = h.split_once(' ')?;
        scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
    });
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return ApiError::unauthorized(
            "an API token is required: send Authorization: Bearer <token> (see numerovert token create)",
            "Bearer realm=\"numerovert\"",
        )
        .into_response();
    };
    match state.store().use_api_token(&hash_secret(token), state.now()).await {
        Ok(Some((token_id, role))) => {
            // An unreadable role gets the least rights.
            let role: Role = role.parse().unwrap_or(Role::Staff);
            let needed = needed_role(request.method(), request.uri().path());
            if !role.allows(needed) {
                tracing::info!(token_id, %role, %needed, method = %request.method(), path = %request.uri().path(), "API request refused: role");
                return ApiError::new(
                    StatusCode::FORBIDDEN,
                    format!("this API token's role is {role}: this request needs a {needed} token (numerovert token create --role {needed})"),
                )
                .into_response();
            }
            tracing::debug!(token_id, method = %request.method(), path = %request.uri().path(), "API request");
            next.run(request).await
        }
        Ok(None) => ApiError::unauthorized(
            "this API token is unknown or revoked",
            "Bearer realm=\"numerovert\", error=\"invalid_token\"",
        )
        .into_response(),
        Err(e) => ApiError::unavailable(&e).into_response(),
    }
}

/// The role a request needs, with the back-office's rules: what staff see there
/// (the rota, who is on duty, the parents to call back and click-to-call) needs
/// a staff token; contacts, figures and any change to the directory or the
/// schedules (calendar links included) need a supervisor's.
fn needed_role(method: &Method, path: &str) -> Role {
    let rest = path.strip_prefix("/api/v1/").unwrap_or(path);
    match rest.split('/').next().unwrap_or_default() {
        "contacts" | "figures" => Role::Supervisor,
        "follow-ups" => Role::Staff,
        _ if method == Method::GET || method == Method::HEAD => Role::Staff,
        _ => Role::Supervisor,
    }
}

/// The OpenAPI document of this API.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    security(()),
    responses((status = 200, description = "The OpenAPI 3.1 document of this API", content_type = "application/json"))
)]
async fn openapi_json() -> Response {
    static BODY: OnceLock<String> = OnceLock::new();
    let body = BODY.get_or_init(|| openapi().to_json().expect("the OpenAPI document serialises"));
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body.as_str(),
    )
        .into_response()
}

/// A JSON answer with a status, for creations (201).
fn created<T: serde::Serialize>(value: T) -> Response {
    (StatusCode::CREATED, Json(value)).into_response()
}
