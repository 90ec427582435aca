//! A fresh PostgreSQL database per test, when `NUMEROVERT_TEST_POSTGRES_URL`
//! names a server (`.ci/run` sets it); shared by the test binaries.

/// The admin URL of the test server, or a loud notice that `what` is skipped.
pub fn admin_url(what: &str) -> Option<String> {
    match std::env::var("NUMEROVERT_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("!!! NUMEROVERT_TEST_POSTGRES_URL is not set: {what} SKIPPED (SQLite only) !!!");
            None
        }
    }
}

/// Creates an empty database `nv_test_<uuid>` on the server of `admin_url`
/// and returns its URL (`.ci/run` drops them afterwards).
pub async fn fresh_database(admin_url: &str) -> String {
    use sqlx::Connection;
    let name = format!("nv_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(admin_url)
        .await
        .expect("connect to the test PostgreSQL");
    sqlx::query(&format!("create database {name}"))
        .execute(&mut admin)
        .await
        .expect("create a test database");
    let mut url = url::Url::parse(admin_url).expect("a PostgreSQL URL");
    url.set_path(&name);
    url.to_string()
}
