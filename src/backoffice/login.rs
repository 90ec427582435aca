//! `GET/POST /login` and `POST /logout`.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::access::{self, LoginRefusal, OptionalViewer, Viewer, LOGIN_COOKIE, SESSION_COOKIE};
use super::{render, view, PageError};
use crate::http::AppState;
use crate::routing::directory::new_secret;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: view::Chrome,
    csrf: String,
    next: String,
    login: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct NextQuery {
    next: Option<String>,
}

/// The login form; a logged-in user goes straight on.
pub(super) async fn form(
    State(state): State<AppState>,
    OptionalViewer(viewer): OptionalViewer,
    parts: Parts,
    Query(q): Query<NextQuery>,
) -> Result<Response, PageError> {
    let next = access::safe_next(q.next.as_deref());
    if viewer.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    // Keep the browser's token if it has one: two tabs of the login page both work.
    let (token, fresh) = match access::read_cookie(&parts.headers, LOGIN_COOKIE) {
        Some(t) if !t.is_empty() => (t, false),
        _ => (new_secret().0, true),
    };
    let page = LoginPage {
        chrome: view::Chrome::bare("Connexion"),
        csrf: token.clone(),
        next,
        login: String::new(),
        error: None,
    };
    let mut response = render(&page)?;
    if fresh {
        response.headers_mut().append(
            header::SET_COOKIE,
            access::login_cookie(&state, &token)
                .parse()
                .expect("a cookie is a header value"),
        );
    }
    Ok(response)
}

#[derive(Deserialize)]
pub(super) struct LoginForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    csrf: String,
    next: Option<String>,
}

/// Checks the credentials (the CSRF token was checked by the middleware).
pub(super) async fn submit(
    State(state): State<AppState>,
    parts: Parts,
    Form(f): Form<LoginForm>,
) -> Result<Response, PageError> {
    let next = access::safe_next(f.next.as_deref());
    let again = |status: StatusCode, error: String| -> Result<Response, PageError> {
        let page = LoginPage {
            chrome: view::Chrome::bare("Connexion"),
            csrf: f.csrf.clone(),
            next: next.clone(),
            login: f.login.trim().to_owned(),
            error: Some(error),
        };
        Ok((status, render(&page)?).into_response())
    };
    if f.login.trim().is_empty() || f.password.is_empty() {
        return again(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Indiquez votre identifiant et votre mot de passe.".into(),
        );
    }
    let client = access::client_address(&state, &parts);
    match access::log_in(&state, &f.login, &f.password, client.as_deref()).await {
        Ok((_, token)) => {
            let mut response = Redirect::to(&next).into_response();
            let headers = response.headers_mut();
            for cookie in [
                access::session_cookie(&state, &token),
                access::expired_cookie(&state, LOGIN_COOKIE),
            ] {
                headers.append(header::SET_COOKIE, cookie.parse().expect("a cookie is a header value"));
            }
            Ok(response)
        }
        Err(LoginRefusal::Invalid) => again(
            StatusCode::UNAUTHORIZED,
            "Identifiant ou mot de passe incorrect.".into(),
        ),
        Err(LoginRefusal::Unavailable) => again(
            StatusCode::SERVICE_UNAVAILABLE,
            "Le service est momentanément indisponible : réessayez dans un instant. Si cela dure, prévenez l'administrateur·rice.".into(),
        ),
        Err(LoginRefusal::Throttled { minutes }) => again(
            StatusCode::TOO_MANY_REQUESTS,
            format!(
                "Trop de tentatives de connexion : par sécurité, réessayez dans {minutes} minutes, ou demandez à un·e administrateur·rice de vérifier votre compte."
            ),
        ),
    }
}

/// Ends the session.
pub(super) async fn logout(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    access::log_out(&state, &viewer).await?;
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        access::expired_cookie(&state, SESSION_COOKIE)
            .parse()
            .expect("a cookie is a header value"),
    );
    Ok(response)
}
