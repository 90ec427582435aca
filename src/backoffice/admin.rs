//! Admin pages: users (`/admin/users`) and the access log (`/admin/access-log`).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::access::{self, Role, Viewer};
use super::{render, view, PageError};
use crate::db::users::NewUser;
use crate::db::StoreError;
use crate::http::AppState;
use crate::routing::directory::FieldError;

const ACCESS_LOG_PAGE: i64 = 100;

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    chrome: view::Chrome,
    users: Vec<UserRow>,
    staff: Vec<(i64, String)>,
    roles: Vec<(&'static str, &'static str)>,
    form: UserForm,
    errors: Vec<FieldError>,
    created: Option<String>,
}

struct UserRow {
    name: String,
    login: String,
    role: &'static str,
    staff: String,
    active: bool,
    last_login: String,
}

#[derive(Deserialize, Default, Clone)]
pub(super) struct UserForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    staff_id: String,
    #[serde(default)]
    password: String,
}

impl UsersPage {
    /// The problem with `field`, shown next to it.
    fn error(&self, field: &str) -> Option<&str> {
        view::field_error(&self.errors, field)
    }
}

#[derive(Deserialize)]
pub(super) struct CreatedQuery {
    created: Option<String>,
}

pub(super) async fn users(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<CreatedQuery>,
) -> Result<Response, PageError> {
    viewer.require(Role::Admin)?;
    users_page(&state, &viewer, UserForm::default(), Vec::new(), q.created).await
}

async fn users_page(
    state: &AppState,
    viewer: &Viewer,
    form: UserForm,
    errors: Vec<FieldError>,
    created: Option<String>,
) -> Result<Response, PageError> {
    let store = state.store();
    let staff = store.list_staff().await?;
    let staff_name = |id: Option<i64>| {
        id.and_then(|id| staff.iter().find(|s| s.id == id))
            .map_or_else(|| "—".to_owned(), |s| s.name.clone())
    };
    let tz = state.settings().timezone;
    let now = state.now();
    let users = store
        .list_users()
        .await?
        .into_iter()
        .map(|u| UserRow {
            staff: staff_name(u.staff_id),
            role: u.role.label(),
            active: u.active,
            last_login: u
                .last_login_at
                .map_or_else(|| "jamais".to_owned(), |at| view::moment(tz, at, now)),
            name: u.display_name,
            login: u.login,
        })
        .collect();
    let page = UsersPage {
        chrome: view::Chrome::for_viewer(viewer, "Utilisateurs", "/admin/users"),
        users,
        staff: staff
            .iter()
            .filter(|s| s.active)
            .map(|s| (s.id, s.name.clone()))
            .collect(),
        roles: Role::ALL.iter().map(|r| (r.as_str(), r.label())).collect(),
        form,
        errors,
        created,
    };
    render(&page)
}

/// Checks a new account and its password; every problem at once.
fn validate(form: &UserForm, staff_ids: &[i64]) -> Result<access::Account, Vec<FieldError>> {
    let account = access::check_account(&form.login, &form.display_name, &form.role, &form.staff_id, staff_ids);
    let password = access::password_problem(&form.password).map(|message| FieldError {
        field: "password".into(),
        message,
    });
    match (account, password) {
        (Ok(account), None) => Ok(account),
        (account, password) => Err(account.err().unwrap_or_default().into_iter().chain(password).collect()),
    }
}

pub(super) async fn add_user(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<UserForm>,
) -> Result<Response, PageError> {
    viewer.require(Role::Admin)?;
    let store = state.store();
    let staff_ids: Vec<i64> = store.list_staff().await?.iter().map(|s| s.id).collect();
    let account = match validate(&form, &staff_ids) {
        Ok(a) => a,
        Err(errors) => return invalid(&state, &viewer, form, errors).await,
    };
    let new = NewUser {
        login: account.login,
        display_name: account.display_name,
        role: account.role,
        staff_id: account.staff_id,
        password_hash: access::hash_password_blocking(form.password.clone()).await,
    };
    match store.add_user(&new, state.now()).await {
        Ok(user) => {
            access::log(
                store.as_ref(),
                &viewer.user,
                state.now(),
                "change",
                Some(format!("user:{}", user.id)),
                Some(format!("created user with role {}", user.role)),
            )
            .await;
            let created = url::form_urlencoded::byte_serialize(user.display_name.as_bytes()).collect::<String>();
            Ok(Redirect::to(&format!("/admin/users?created={created}")).into_response())
        }
        Err(StoreError::InUse(_)) => {
            let errors = vec![FieldError {
                field: "login".into(),
                message: "cet identifiant est déjà pris".into(),
            }];
            invalid(&state, &viewer, form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn invalid(
    state: &AppState,
    viewer: &Viewer,
    form: UserForm,
    errors: Vec<FieldError>,
) -> Result<Response, PageError> {
    // The password is never sent back into the page.
    let form = UserForm {
        password: String::new(),
        ..form
    };
    let page = users_page(state, viewer, form, errors, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Template)]
#[template(path = "access_log.html")]
struct AccessLogPage {
    chrome: view::Chrome,
    entries: Vec<AccessRow>,
    older: Option<i64>,
}

struct AccessRow {
    at: String,
    user: String,
    action: &'static str,
    subject: String,
    detail: String,
}

#[derive(Deserialize)]
pub(super) struct PageQuery {
    before: Option<i64>,
}

fn action_label(action: &str) -> &'static str {
    match action {
        "login" => "Connexion",
        "logout" => "Déconnexion",
        "view-contact" => "Consultation d'un contact",
        "reveal-number" => "Affichage d'un numéro complet",
        "export" => "Export",
        "change" => "Modification",
        _ => "Autre",
    }
}

pub(super) async fn access_log(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    viewer.require(Role::Admin)?;
    let tz = state.settings().timezone;
    let now = state.now();
    let entries = state.store().access_log(q.before, ACCESS_LOG_PAGE).await?;
    let older = (entries.len() as i64 == ACCESS_LOG_PAGE)
        .then(|| entries.last().map(|e| e.id))
        .flatten();
    let page = AccessLogPage {
        chrome: view::Chrome::for_viewer(&viewer, "Journal des accès", "/admin/access-log"),
        entries: entries
            .into_iter()
            .map(|e| AccessRow {
                at: view::moment(tz, e.at, now),
                user: e.user_name.unwrap_or_else(|| "—".into()),
                action: action_label(&e.action),
                subject: e.subject.unwrap_or_default(),
                detail: e.detail.unwrap_or_default(),
            })
            .collect(),
        older,
    };
    render(&page)
}
