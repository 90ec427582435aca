//! Persistence of the back-office's people and their traces: users, sessions,
//! login attempts (for throttling) and the access log.
//!
//! Sessions and attempts live in the database rather than in memory so that
//! several instances behind a load balancer share them.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{StoreError, StoreResult};
use crate::backoffice::access::Role;

/// A back-office user (never their password hash, which only the login reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub login: String,
    pub display_name: String,
    pub role: Role,
    /// The professional of the directory this user is: their follow-ups and calls.
    pub staff_id: Option<i64>,
    pub active: bool,
    pub last_login_at: Option<DateTime<Utc>>,
}

/// A user to create (validated, password already hashed).
#[derive(Debug, Clone)]
pub struct NewUser {
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub staff_id: Option<i64>,
    pub password_hash: String,
}

/// A session to open.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// SHA-256 of the cookie's token.
    pub session_hash: String,
    pub user_id: i64,
    pub csrf_token: String,
    pub at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A session with its (active) user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: User,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A line to write in the access log.
#[derive(Debug, Clone)]
pub struct NewAccess {
    pub user_id: Option<i64>,
    pub at: DateTime<Utc>,
    /// login | logout | view-contact | reveal-number | export | change
    pub action: String,
    /// What was seen or changed: `contact:42`, `user:3`…
    pub subject: Option<String>,
    /// English, never a phone number or a message body.
    pub detail: Option<String>,
}

/// A line of the access log, with the user's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    pub id: i64,
    pub user_id: Option<i64>,
    pub user_name: Option<String>,
    pub at: DateTime<Utc>,
    pub action: String,
    pub subject: Option<String>,
    pub detail: Option<String>,
}

/// Failed logins counted for throttling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Failures {
    /// For this login since its last success.
    pub login: i64,
    /// From this client address, whatever the login.
    pub client: i64,
}

#[async_trait]
pub trait UserStore: Send + Sync {
    /// Fails with `InUse` when the login is taken.
    async fn add_user(&self, u: &NewUser, at: DateTime<Utc>) -> StoreResult<User>;
    async fn user(&self, id: i64) -> StoreResult<Option<User>>;
    /// The user and their password hash, for the login.
    async fn user_for_login(&self, login: &str) -> StoreResult<Option<(User, String)>>;
    async fn list_users(&self) -> StoreResult<Vec<User>>;
    /// A new password closes every session of the user.
    async fn set_user_password(&self, id: i64, password_hash: &str, at: DateTime<Utc>) -> StoreResult<()>;
    /// Deactivating a user closes every session of theirs.
    async fn set_user_active(&self, id: i64, active: bool, at: DateTime<Utc>) -> StoreResult<()>;

    async fn open_session(&self, s: &NewSession) -> StoreResult<()>;
    /// The session, if its user is still active (expiry is the caller's rule).
    async fn session(&self, session_hash: &str) -> StoreResult<Option<Session>>;
    async fn touch_session(&self, session_hash: &str, at: DateTime<Utc>) -> StoreResult<()>;
    async fn close_session(&self, session_hash: &str) -> StoreResult<()>;

    async fn record_login_attempt(
        &self,
        login: &str,
        client: Option<&str>,
        succeeded: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Failures at or after `since`.
    async fn login_failures(&self, login: &str, client: Option<&str>, since: DateTime<Utc>) -> StoreResult<Failures>;
    /// Forgets login attempts before `attempts_before` and sessions expired by `sessions_before`.
    async fn purge_login_state(
        &self,
        attempts_before: DateTime<Utc>,
        sessions_before: DateTime<Utc>,
    ) -> StoreResult<()>;

    async fn log_access(&self, e: &NewAccess) -> StoreResult<()>;
    /// Newest first, before the entry `before` when paging.
    async fn access_log(&self, before: Option<i64>, limit: i64) -> StoreResult<Vec<AccessEntry>>;
}

/// A user's row; its role is checked on the way out.
#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    user_id: i64,
    login: String,
    display_name: String,
    role: String,
    staff_id: Option<i64>,
    active: bool,
    last_login_at: Option<DateTime<Utc>>,
}

/// A user's row with the password hash, for the login.
#[derive(sqlx::FromRow)]
pub(crate) struct LoginRow {
    #[sqlx(flatten)]
    user: UserRow,
    password_hash: String,
}

/// A session's row with its user's.
#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
    #[sqlx(flatten)]
    user: UserRow,
    csrf_token: String,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
}

pub(crate) fn login_from_row(row: LoginRow) -> StoreResult<(User, String)> {
    Ok((user_from_row(row.user)?, row.password_hash))
}

pub(crate) fn session_from_row(row: SessionRow) -> StoreResult<Session> {
    Ok(Session {
        user: user_from_row(row.user)?,
        csrf_token: row.csrf_token,
        created_at: row.created_at,
        last_seen_at: row.last_seen_at,
        expires_at: row.expires_at,
    })
}

pub(crate) const USER_COLUMNS: &str = "user_id, login, display_name, role, staff_id, active, last_login_at";

pub(crate) fn user_from_row(row: UserRow) -> StoreResult<User> {
    let role = row
        .role
        .parse::<Role>()
        .map_err(|_| StoreError::Corrupt(format!("user {}: role {}", row.user_id, row.role)))?;
    Ok(User {
        id: row.user_id,
        login: row.login,
        display_name: row.display_name,
        role,
        staff_id: row.staff_id,
        active: row.active,
        last_login_at: row.last_login_at,
    })
}

pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// Implements `UserStore` for a struct with a `pool` field of a sqlx pool type.
macro_rules! sql_user_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::db::users::UserStore for $store {
            async fn add_user(&self, u: &$crate::db::users::NewUser, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<$crate::db::users::User> {
                let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
                    "insert into app_user (login, display_name, role, staff_id, password_hash, active, created_at, updated_at) \
                     values ($1, $2, $3, $4, $5, $6, $7, $7) returning user_id",
                )
                .bind(&u.login)
                .bind(&u.display_name)
                .bind(u.role.as_str())
                .bind(u.staff_id)
                .bind(&u.password_hash)
                .bind(true)
                .bind(at)
                .fetch_one(&self.pool)
                .await;
                let (id,) = match inserted {
                    Ok(row) => row,
                    Err(e) if $crate::db::users::is_unique_violation(&e) => {
                        return Err($crate::db::StoreError::InUse(format!("the login {} is taken", u.login)))
                    }
                    Err(e) => return Err(e.into()),
                };
                self.user(id).await?.ok_or($crate::db::StoreError::NotFound)
            }

            async fn user(&self, id: i64) -> $crate::db::StoreResult<Option<$crate::db::users::User>> {
                let row: Option<$crate::db::users::UserRow> =
                    sqlx::query_as(&format!("select {} from app_user where user_id = $1", $crate::db::users::USER_COLUMNS))
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await?;
                row.map($crate::db::users::user_from_row).transpose()
            }

            async fn user_for_login(&self, login: &str) -> $crate::db::StoreResult<Option<($crate::db::users::User, String)>> {
                let row: Option<$crate::db::users::LoginRow> = sqlx::query_as(&format!(
                    "select {}, password_hash from app_user where login = $1",
                    $crate::db::users::USER_COLUMNS
                ))
                .bind(login)
                .fetch_optional(&self.pool)
                .await?;
                row.map($crate::db::users::login_from_row).transpose()
            }

            async fn list_users(&self) -> $crate::db::StoreResult<Vec<$crate::db::users::User>> {
                let rows: Vec<$crate::db::users::UserRow> =
                    sqlx::query_as(&format!("select {} from app_user order by display_name, user_id", $crate::db::users::USER_COLUMNS))
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter().map($crate::db::users::user_from_row).collect()
            }

            async fn set_user_password(&self, id: i64, password_hash: &str, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                let changed = sqlx::query("update app_user set password_hash = $1, updated_at = $2 where user_id = $3")
                    .bind(password_hash)
                    .bind(at)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if changed == 0 {
                    return Err($crate::db::StoreError::NotFound);
                }
                sqlx::query("delete from user_session where user_id = $1").bind(id).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn set_user_active(&self, id: i64, active: bool, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                let changed = sqlx::query("update app_user set active = $1, updated_at = $2 where user_id = $3")
                    .bind(active)
                    .bind(at)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if changed == 0 {
                    return Err($crate::db::StoreError::NotFound);
                }
                if !active {
                    sqlx::query("delete from user_session where user_id = $1").bind(id).execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn open_session(&self, s: &$crate::db::users::NewSession) -> $crate::db::StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                sqlx::query(
                    "insert into user_session (session_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) \
                     values ($1, $2, $3, $4, $4, $5)",
                )
                .bind(&s.session_hash)
                .bind(s.user_id)
                .bind(&s.csrf_token)
                .bind(s.at)
                .bind(s.expires_at)
                .execute(&mut *tx)
                .await?;
                sqlx::query("update app_user set last_login_at = $1 where user_id = $2")
                    .bind(s.at)
                    .bind(s.user_id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn session(&self, session_hash: &str) -> $crate::db::StoreResult<Option<$crate::db::users::Session>> {
                // One query on every back-office request: the session and its user together.
                let row: Option<$crate::db::users::SessionRow> = sqlx::query_as(
                    "select u.user_id, u.login, u.display_name, u.role, u.staff_id, u.active, u.last_login_at, \
                     s.csrf_token, s.created_at, s.last_seen_at, s.expires_at \
                     from user_session s join app_user u on u.user_id = s.user_id \
                     where s.session_hash = $1 and u.active = $2",
                )
                .bind(session_hash)
                .bind(true)
                .fetch_optional(&self.pool)
                .await?;
                row.map($crate::db::users::session_from_row).transpose()
            }

            async fn touch_session(&self, session_hash: &str, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<()> {
                sqlx::query("update user_session set last_seen_at = $1 where session_hash = $2 and last_seen_at < $1")
                    .bind(at)
                    .bind(session_hash)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn close_session(&self, session_hash: &str) -> $crate::db::StoreResult<()> {
                sqlx::query("delete from user_session where session_hash = $1").bind(session_hash).execute(&self.pool).await?;
                Ok(())
            }

            async fn record_login_attempt(
                &self,
                login: &str,
                client: Option<&str>,
                succeeded: bool,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<()> {
                sqlx::query("insert into login_attempt (login, client, succeeded, at) values ($1, $2, $3, $4)")
                    .bind(login)
                    .bind(client)
                    .bind(succeeded)
                    .bind(at)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn login_failures(
                &self,
                login: &str,
                client: Option<&str>,
                since: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<$crate::db::users::Failures> {
                // A success wipes the slate for its login, not for the address:
                // one account guessed right must not reopen guessing on the others.
                let last_success: Option<(chrono::DateTime<chrono::Utc>,)> = sqlx::query_as(
                    "select at from login_attempt where login = $1 and succeeded = $2 and at >= $3 order by at desc limit 1",
                )
                .bind(login)
                .bind(true)
                .bind(since)
                .fetch_optional(&self.pool)
                .await?;
                let from = last_success.map_or(since, |(at,)| at);
                let (by_login,): (i64,) = sqlx::query_as(
                    "select count(*) from login_attempt where login = $1 and succeeded = $2 and at >= $3",
                )
                .bind(login)
                .bind(false)
                .bind(from)
                .fetch_one(&self.pool)
                .await?;
                let by_client = match client {
                    None => 0,
                    Some(client) => {
                        let (n,): (i64,) = sqlx::query_as(
                            "select count(*) from login_attempt where client = $1 and succeeded = $2 and at >= $3",
                        )
                        .bind(client)
                        .bind(false)
                        .bind(since)
                        .fetch_one(&self.pool)
                        .await?;
                        n
                    }
                };
                Ok($crate::db::users::Failures { login: by_login, client: by_client })
            }

            async fn purge_login_state(
                &self,
                attempts_before: chrono::DateTime<chrono::Utc>,
                sessions_before: chrono::DateTime<chrono::Utc>,
            ) -> $crate::db::StoreResult<()> {
                sqlx::query("delete from login_attempt where at < $1").bind(attempts_before).execute(&self.pool).await?;
                sqlx::query("delete from user_session where expires_at < $1").bind(sessions_before).execute(&self.pool).await?;
                Ok(())
            }

            async fn log_access(&self, e: &$crate::db::users::NewAccess) -> $crate::db::StoreResult<()> {
                sqlx::query("insert into access_log (user_id, at, action, subject, detail) values ($1, $2, $3, $4, $5)")
                    .bind(e.user_id)
                    .bind(e.at)
                    .bind(&e.action)
                    .bind(&e.subject)
                    .bind(&e.detail)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn access_log(&self, before: Option<i64>, limit: i64) -> $crate::db::StoreResult<Vec<$crate::db::users::AccessEntry>> {
                let rows: Vec<(i64, Option<i64>, Option<String>, chrono::DateTime<chrono::Utc>, String, Option<String>, Option<String>)> =
                    sqlx::query_as(
                        "select a.access_id, a.user_id, u.display_name, a.at, a.action, a.subject, a.detail \
                         from access_log a left join app_user u on u.user_id = a.user_id \
                         where a.access_id < $1 order by a.access_id desc limit $2",
                    )
                    .bind(before.unwrap_or(i64::MAX))
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows
                    .into_iter()
                    .map(|(id, user_id, user_name, at, action, subject, detail)| $crate::db::users::AccessEntry {
                        id, user_id, user_name, at, action, subject, detail,
                    })
                    .collect())
            }
        }
    };
}
pub(crate) use sql_user_store;
