//! Who may do what in the back-office: roles, passwords, sessions, CSRF, login
//! throttling and the access log.
//!
//! - Passwords are hashed with Argon2id (the `argon2` crate's defaults, the
//!   OWASP minimum: 19 MiB, 2 passes), on a blocking thread.
//! - A session is a random token in an `HttpOnly`, `SameSite=Lax` cookie
//!   (`Secure` when the public URL is HTTPS); the database keeps only its
//!   SHA-256, so that several instances share sessions and a copy of the table
//!   opens nothing. Sessions end after an idle period and at an absolute limit.
//! - Every unsafe request (POST…) must carry the session's CSRF token (the
//!   `csrf` field of the form, or an `X-CSRF-Token` header); the login form,
//!   before any session, carries a token tied to a short-lived cookie.
//! - Failed logins are counted per login and per client address in the
//!   database; past the limit the login is refused without checking the
//!   password.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use axum::body::{to_bytes, Body};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use subtle::ConstantTimeEq;

use super::PageError;
use crate::db::users::{NewAccess, NewSession, Session, User};
use crate::db::{Store, StoreResult};
use crate::http::AppState;
use crate::routing::directory::{hash_secret, new_secret, FieldError};

/// The session cookie.
pub const SESSION_COOKIE: &str = "nv_session";
/// The cookie that ties the login form to the browser that loaded it.
pub const LOGIN_COOKIE: &str = "nv_login";
/// The shortest password accepted (ANSSI: 12 characters or more).
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The largest form body read to check its CSRF token.
const MAX_FORM_BYTES: usize = 1 << 20;

// ---------------------------------------------------------------------------
// Roles

/// What a user may see and do. Roles nest: a supervisor can do all a staff
/// member can, an admin all a supervisor can.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Their follow-ups, the rota, the contacts they handled.
    Staff,
    /// Everything about contacts, the rota and content.
    Supervisor,
    /// Users and settings, too.
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Staff, Role::Supervisor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Staff => "staff",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    /// The French name users see.
    pub fn label(self) -> &'static str {
        match self {
            Role::Staff => "professionnel·le",
            Role::Supervisor => "superviseur·e",
            Role::Admin => "administrateur·rice",
        }
    }

    /// Whether this role may do what `needed` may.
    pub fn allows(self, needed: Role) -> bool {
        self >= needed
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Role, String> {
        match s.trim().to_lowercase().as_str() {
            "staff" => Ok(Role::Staff),
            "supervisor" => Ok(Role::Supervisor),
            "admin" => Ok(Role::Admin),
            other => Err(format!("unknown role \"{other}\": staff, supervisor or admin")),
        }
    }
}

// ---------------------------------------------------------------------------
// Logins and passwords

/// The login as stored (lower-case), or why it is refused, in French.
pub fn check_login(raw: &str) -> Result<String, String> {
    let login = raw.trim().to_lowercase();
    if login.is_empty() {
        return Err("indiquez un identifiant".into());
    }
    if login.len() > 64 || !login.chars().all(|c| c.is_ascii_alphanumeric() || "._-@".contains(c)) {
        return Err(
            "l'identifiant ne peut contenir que des lettres sans accent, des chiffres et . _ - @ (64 au plus)".into(),
        );
    }
    Ok(login)
}

/// An account's fields, checked (the password is checked apart: the command
/// line asks for it only once the rest is right).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub staff_id: Option<i64>,
}

/// Checks a new account as typed in the back-office or on the command line;
/// every problem at once, in French, by field. `staff` is a staff id or empty.
pub fn check_account(
    login: &str,
    name: &str,
    role: &str,
    staff: &str,
    staff_ids: &[i64],
) -> Result<Account, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut problem = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.into(),
            message,
        })
    };
    let login = check_login(login).unwrap_or_else(|why| {
        problem("login", why);
        String::new()
    });
    let display_name = name.trim().to_owned();
    if display_name.is_empty() {
        problem("display_name", "indiquez le nom affiché".into());
    }
    let role = role.parse::<Role>().ok();
    if role.is_none() {
        problem("role", "choisissez un rôle : staff, supervisor ou admin".into());
    }
    let staff_id = match staff.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(id) if staff_ids.contains(&id) => Some(id),
            _ => {
                problem("staff_id", "choisissez une personne de l'annuaire".into());
                None
            }
        },
    };
    match (errors.is_empty(), role) {
        (true, Some(role)) => Ok(Account {
            login,
            display_name,
            role,
            staff_id,
        }),
        _ => Err(errors),
    }
}

/// Why a password is refused, in French for whoever typed it.
pub fn password_problem(password: &str) -> Option<String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Some(format!(
            "le mot de passe doit compter au moins {MIN_PASSWORD_CHARS} caractères (il en a {chars})"
        ));
    }
    if password.chars().collect::<std::collections::BTreeSet<_>>().len() < 5 {
        return Some("le mot de passe est trop répétitif : variez les caractères".into());
    }
    None
}

/// The Argon2id PHC string of `password`. Slow on purpose: call from a blocking thread.
pub fn hash_password(password: &str) -> String {
    use argon2::password_hash::PasswordHasher;
    argon2::Argon2::default()
        .hash_password(password.as_bytes())
        .expect("Argon2 hashes any password with its default parameters")
        .to_string()
}

/// Whether `password` matches the stored PHC string (false for an unreadable one).
pub fn verify_password(password: &str, phc: &str) -> bool {
    use argon2::password_hash::phc::PasswordHash;
    use argon2::password_hash::PasswordVerifier;
    match PasswordHash::new(phc) {
        Ok(parsed) => argon2::Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash to check unknown logins against, so that an unknown login takes as
/// long as a wrong password and does not reveal which logins exist.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password("no user has this password, it only spends time"))
}

/// [`hash_password`] off the async runtime.
pub async fn hash_password_blocking(password: String) -> String {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .expect("hashing does not panic")
}

// ---------------------------------------------------------------------------
// Login

/// Why a login is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginRefusal {
    /// Wrong login or password (never said which).
    Invalid,
    /// Too many failures: try again later.
    Throttled { minutes: i64 },
    /// The database did not answer: nothing can be checked (not the user's mistake).
    Unavailable,
}

/// Checks a login and password, counting failures; on success opens a session
/// and returns its cookie token.
pub async fn log_in(
    state: &AppState,
    login: &str,
    password: &str,
    client: Option<&str>,
) -> Result<(User, String), LoginRefusal> {
    let store = state.store();
    let settings = &state.settings().backoffice;
    let now = state.now();
    let login = login.trim().to_lowercase();
    let since = now - settings.lockout;
    let failures = store
        .login_failures(&login, client, since)
        .await
        .map_err(|e| refuse_on_store_error(&e))?;
    if failures.login >= i64::from(settings.max_failures_per_login)
        || failures.client >= i64::from(settings.max_failures_per_client)
    {
        tracing::warn!(client_known = client.is_some(), "login throttled");
        return Err(LoginRefusal::Throttled {
            minutes: settings.lockout.num_minutes(),
        });
    }
    let found = store
        .user_for_login(&login)
        .await
        .map_err(|e| refuse_on_store_error(&e))?;
    let (user, phc) = match found {
        Some((user, phc)) if user.active => (Some(user), phc),
        _ => (None, decoy_hash().to_owned()),
    };
    let password = password.to_owned();
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &phc))
        .await
        .unwrap_or(false);
    let user = user.filter(|_| matches);
    let _ = store
        .record_login_attempt(&login, client, user.is_some(), now)
        .await
        .inspect_err(|e| tracing::error!(error = %e, "login attempt not recorded"));
    let Some(user) = user else {
        return Err(LoginRefusal::Invalid);
    };
    let (token, session_hash) = new_secret();
    let (csrf, _) = new_secret();
    store
        .open_session(&NewSession {
            session_hash,
            user_id: user.id,
            csrf_token: csrf,
            at: now,
            expires_at: now + settings.session_max,
        })
        .await
        .map_err(|e| refuse_on_store_error(&e))?;
    log(store.as_ref(), &user, now, "login", None, None).await;
    Ok((user, token))
}

fn refuse_on_store_error(e: &crate::db::StoreError) -> LoginRefusal {
    tracing::error!(error = %e, "login: database error");
    LoginRefusal::Unavailable
}

/// Closes the session of `viewer`.
pub async fn log_out(state: &AppState, viewer: &Viewer) -> StoreResult<()> {
    state.store().close_session(&viewer.session_hash).await?;
    log(state.store().as_ref(), &viewer.user, state.now(), "logout", None, None).await;
    Ok(())
}

/// Writes a line of the access log; a failure to write is logged, not shown.
pub async fn log(
    store: &dyn Store,
    user: &User,
    at: DateTime<Utc>,
    action: &str,
    subject: Option<String>,
    detail: Option<String>,
) {
    let entry = NewAccess {
        user_id: Some(user.id),
        at,
        action: action.to_owned(),
        subject,
        detail,
    };
    if let Err(e) = store.log_access(&entry).await {
        tracing::error!(error = %e, action, "access log not written");
    }
}

// ---------------------------------------------------------------------------
// Cookies

/// The `Set-Cookie` value of a new session.
pub fn session_cookie(state: &AppState, token: &str) -> String {
    cookie_text(
        state,
        SESSION_COOKIE,
        token,
        state.settings().backoffice.session_max.num_seconds(),
    )
}

/// The `Set-Cookie` value that deletes a cookie.
pub fn expired_cookie(state: &AppState, name: &str) -> String {
    cookie_text(state, name, "", 0)
}

/// The `Set-Cookie` value of the login form's token.
pub fn login_cookie(state: &AppState, token: &str) -> String {
    cookie_text(state, LOGIN_COOKIE, token, 3600)
}

fn cookie_text(state: &AppState, name: &str, value: &str, max_age_secs: i64) -> String {
    let secure = state
        .settings()
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"));
    cookie::Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(max_age_secs))
        .build()
        .to_string()
}

/// The value of cookie `name` in the request's headers.
pub fn read_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// The client's address: the connection's, or the one the trusted reverse
/// proxy appended to `X-Forwarded-For` (the last entry: earlier ones are
/// whatever the client claimed).
pub fn client_address(state: &AppState, parts: &Parts) -> Option<String> {
    if state.settings().backoffice.trust_forwarded_for {
        if let Some(last) = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rfind(|v| !v.is_empty())
        {
            return Some(last.to_owned());
        }
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
}

// ---------------------------------------------------------------------------
// The session of a request

/// The logged-in user of a request, with their session.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: User,
    pub csrf: String,
    session_hash: String,
}

impl Viewer {
    /// Refuses (403) a user whose role does not reach `needed`.
    pub fn require(&self, needed: Role) -> Result<(), PageError> {
        if self.user.role.allows(needed) {
            Ok(())
        } else {
            Err(PageError::Forbidden)
        }
    }
}

/// The session found by [`sessions`], if any, for the extractors.
#[derive(Debug, Clone)]
struct MaybeViewer(Option<Viewer>);

/// Whether a stored session is still valid at `now`.
pub fn session_is_live(session: &Session, now: DateTime<Utc>, idle: chrono::Duration) -> bool {
    now < session.expires_at && now < session.last_seen_at + idle
}

async fn find_viewer(state: &AppState, headers: &HeaderMap) -> Result<Option<Viewer>, PageError> {
    let Some(token) = read_cookie(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let session_hash = hash_secret(&token);
    let store = state.store();
    let Some(session) = store.session(&session_hash).await? else {
        return Ok(None);
    };
    let now = state.now();
    if !session_is_live(&session, now, state.settings().backoffice.session_idle) {
        store.close_session(&session_hash).await?;
        return Ok(None);
    }
    // One write a minute at most: the idle clock needs no finer grain.
    if now - session.last_seen_at >= chrono::Duration::minutes(1) {
        store.touch_session(&session_hash, now).await?;
    }
    Ok(Some(Viewer {
        user: session.user,
        csrf: session.csrf_token,
        session_hash,
    }))
}

/// Middleware of every back-office route: finds the session and, for an
/// unsafe method, checks the request's CSRF token before any handler runs, so
/// that no form can forget it.
pub async fn sessions(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let viewer = match find_viewer(&state, &parts.headers).await {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let body = if is_safe(&parts.method) {
        body
    } else {
        let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
            return PageError::BadRequest("Le formulaire envoyé est trop long.".into()).into_response();
        };
        let expected = match &viewer {
            Some(v) => Some(v.csrf.clone()),
            None => read_cookie(&parts.headers, LOGIN_COOKIE),
        };
        let sent = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .or_else(|| {
                form_urlencoded::parse(&bytes)
                    .find(|(k, _)| k == "csrf")
                    .map(|(_, v)| v.into_owned())
            });
        if !tokens_match(expected.as_deref(), sent.as_deref()) {
            tracing::warn!(
                path = parts.uri.path(),
                "unsafe request without a valid CSRF token refused"
            );
            return PageError::Csrf.into_response();
        }
        Body::from(bytes)
    };
    let mut request = Request::from_parts(parts, body);
    request.extensions_mut().insert(MaybeViewer(viewer));
    next.run(request).await
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Constant-time comparison; no token on either side never matches.
fn tokens_match(expected: Option<&str>, sent: Option<&str>) -> bool {
    match (expected, sent) {
        (Some(e), Some(s)) if !e.is_empty() => bool::from(e.as_bytes().ct_eq(s.as_bytes())),
        _ => false,
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _state: &AppState) -> Result<Viewer, PageError> {
        match parts.extensions.get::<MaybeViewer>() {
            Some(MaybeViewer(Some(v))) => Ok(v.clone()),
            _ => {
                let next = if is_safe(&parts.method) {
                    parts.uri.path_and_query().map(|p| p.as_str().to_owned())
                } else {
                    None
                };
                Err(PageError::LoginRequired { next })
            }
        }
    }
}

/// The logged-in user if there is one (the login page uses it).
pub struct OptionalViewer(pub Option<Viewer>);

impl FromRequestParts<AppState> for OptionalViewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &AppState) -> Result<OptionalViewer, Self::Rejection> {
        Ok(OptionalViewer(
            parts.extensions.get::<MaybeViewer>().and_then(|m| m.0.clone()),
        ))
    }
}

/// A `next` target that stays on this site (an open redirect would let a
/// phishing link bounce through our login).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\") && !n.contains("://") => {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_nest() {
        assert!(Role::Admin.allows(Role::Supervisor));
        assert!(Role::Supervisor.allows(Role::Staff));
        assert!(!Role::Staff.allows(Role::Supervisor));
        assert!(!Role::Supervisor.allows(Role::Admin));
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
        }
        assert!("root".parse::<Role>().is_err());
    }

    #[test]
    fn passwords_are_argon2id_and_salted() {
        let a = hash_password("une phrase de passe longue");
        let b = hash_password("une phrase de passe longue");
        assert!(a.starts_with("$argon2id$v=19$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify_password("une phrase de passe longue", &a));
        assert!(!verify_password("une phrase de passe longuE", &a));
        assert!(!verify_password("une phrase de passe longue", "not a hash"));
    }

    #[test]
    fn short_or_repetitive_passwords_are_refused_in_french() {
        assert!(password_problem("court").unwrap().contains("au moins 12 caractères"));
        assert!(password_problem("aaaaaaaaaaaaaaaa").unwrap().contains("répétitif"));
        assert_eq!(password_problem("correct cheval pile agrafe"), None);
    }

    #[test]
    fn csrf_tokens_must_be_present_and_equal() {
        assert!(tokens_match(Some("abc"), Some("abc")));
        assert!(!tokens_match(Some("abc"), Some("abd")));
        assert!(!tokens_match(Some("abc"), None));
        assert!(!tokens_match(None, Some("abc")));
        assert!(!tokens_match(Some(""), Some("")));
    }

    #[test]
    fn next_targets_stay_on_the_site() {
        assert_eq!(safe_next(Some("/contacts/4?x=1")), "/contacts/4?x=1");
        for bad in ["//evil.example", "https://evil.example", "/\\evil", "evil", ""] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn sessions_end_when_idle_or_at_their_limit() {
        let t0 = Utc::now();
        let user = User {
            id: 1,
            login: "a".into(),
            display_name: "A".into(),
            role: Role::Staff,
            staff_id: None,
            active: true,
            last_login_at: None,
        };
        let session = Session {
            user,
            csrf_token: "x".into(),
            created_at: t0,
            last_seen_at: t0,
            expires_at: t0 + chrono::Duration::hours(12),
        };
        let idle = chrono::Duration::hours(2);
        assert!(session_is_live(&session, t0 + chrono::Duration::minutes(119), idle));
        assert!(!session_is_live(&session, t0 + chrono::Duration::minutes(121), idle));
        let busy = Session {
            last_seen_at: t0 + chrono::Duration::hours(11),
            ..session
        };
        assert!(busy.last_seen_at > t0);
        assert!(session_is_live(
            &busy,
            t0 + chrono::Duration::minutes(11 * 60 + 30),
            idle
        ));
        assert!(!session_is_live(&busy, t0 + chrono::Duration::hours(12), idle));
    }
}
