//! The provider edge: signatures, the safe fallback, health checks.

use std::sync::Arc;

use axum::http::StatusCode;
use numerovert::db::sqlite::SqliteStore;

use crate::helpers::*;

fn incoming(sid: &str) -> Vec<(String, String)> {
    vec![
        ("CallSid".into(), sid.into()),
        ("From".into(), PARENT.into()),
        ("To".into(), LINE.into()),
        ("CallStatus".into(), "ringing".into()),
    ]
}

#[tokio::test]
async fn unsigned_or_badly_signed_webhooks_are_refused_with_403() {
    let app = TestApp::spawn(&Backend::Sqlite, open_hours()).await;
    let url = format!("{BASE}/twilio/voice");
    let params = incoming("CA00000000000000000000000000000001");
    let (status, _) = app.post(&url, &params, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no signature");
    let (status, _) = app
        .post(&url, &params, &[("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "wrong signature");
    // Signed for other parameters: tampering is detected.
    let sig = numerovert::telephony::signature::compute(
        TOKEN,
        &url,
        &incoming("CA99999999999999999999999999999999"),
        numerovert::telephony::signature::Algorithm::HmacSha1,
    );
    let (status, _) = app.post(&url, &params, &[("X-Twilio-Signature", &sig)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "tampered parameters");
    for path in [
        "/twilio/voice/next?step=1&event=input",
        "/twilio/voice/status",
        "/twilio/voice/recording",
    ] {
        let (status, _) = app.post(&format!("{BASE}{path}"), &params, &[]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path} checks signatures too");
    }
    assert!(
        app.store
            .contact_for_call("CA00000000000000000000000000000001")
            .await
            .unwrap()
            .is_none(),
        "nothing stored for a refused request"
    );
    let (status, _) = app.post_signed(&url, &params, &[]).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_parameters_are_part_of_the_signature() {
    let app = TestApp::spawn(&Backend::Sqlite, open_hours()).await;
    let mut params = incoming("CA00000000000000000000000000000002");
    params.push(("AddOns".into(), r#"{"status":"successful","results":{}}"#.into()));
    params.push(("CalledZip".into(), String::new()));
    let (status, body) = app.post_signed(&format!("{BASE}/twilio/voice"), &params, &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn a_broken_store_still_gets_the_caller_to_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("broken.db").display());
    let settings = settings(&url, &[]);
    let store = Arc::new(SqliteStore::connect(&url).await.unwrap());
    store.migrate().await.unwrap();
    let app = TestApp::with_store(settings, store.clone(), open_hours(), dir);
    store.pool().close().await;

    let (status, body) = app
        .post_signed(
            &format!("{BASE}/twilio/voice"),
            &incoming("CA00000000000000000000000000000003"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "never a bare 500: {body}");
    let doc = parse_twiml(&body);
    let said: String = doc
        .all()
        .iter()
        .filter(|e| e.name == "Say")
        .map(|e| e.text.clone())
        .collect();
    assert!(said.contains("problème technique"), "{said}");
    let dial = doc.children.iter().find(|e| e.name == "Dial").expect("a transfer");
    assert_eq!(dial.children[0].text, FALLBACK, "the fallback number is dialled");

    // A later step of the same call too.
    let (status, body) = app
        .post_signed(
            &format!("{BASE}/twilio/voice/next?step=1&event=input"),
            &incoming("CA00000000000000000000000000000003"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(FALLBACK), "{body}");

    let (status, _) = app.get("/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let (status, _) = app.get("/healthz").await;
    assert_eq!(status, StatusCode::OK, "the process itself is up");
}

#[tokio::test]
async fn malformed_steps_get_the_fallback_not_an_error() {
    let app = TestApp::spawn(&Backend::Sqlite, open_hours()).await;
    for path in [
        "/twilio/voice/next?step=abc&event=input",
        "/twilio/voice/next?step=1&event=bogus",
        "/twilio/voice/next",
    ] {
        let (status, body) = app
            .post_signed(
                &format!("{BASE}{path}"),
                &incoming("CA00000000000000000000000000000004"),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(body.contains(FALLBACK), "{path}: {body}");
    }
    let (status, _) = app
        .post_signed(
            &format!("{BASE}/twilio/voice/status"),
            &[("CallSid".to_string(), "CA1".to_string())],
            &[],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a status without CallStatus is a clear client error"
    );
}

#[tokio::test]
async fn health_checks() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        assert_eq!(app.get("/healthz").await, (StatusCode::OK, "ok\n".to_string()));
        assert_eq!(app.get("/readyz").await.0, StatusCode::OK, "{backend:?}");
    }
}

#[tokio::test]
async fn a_status_for_a_call_never_answered_is_still_stored() {
    let app = TestApp::spawn(&Backend::Sqlite, open_hours()).await;
    let params = vec![
        ("CallSid".to_string(), "CA00000000000000000000000000000005".to_string()),
        ("From".into(), PARENT.into()),
        ("To".into(), LINE.into()),
        ("CallStatus".into(), "completed".into()),
        ("CallDuration".into(), "12".into()),
    ];
    let (status, _) = app
        .post_signed(&format!("{BASE}/twilio/voice/status"), &params, &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    let contact = app
        .store
        .contact_for_call("CA00000000000000000000000000000005")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        contact.caller_number.as_deref(),
        Some(PARENT),
        "the parent can still be called back"
    );
    assert_eq!(contact.outcome.as_deref(), Some("abandoned"));
    assert_eq!(contact.outcome_detail, None);
}

#[tokio::test]
async fn an_in_memory_sqlite_database_works() {
    let store = numerovert::db::connect(&numerovert::config::DatabaseUrl::new("sqlite::memory:"))
        .await
        .unwrap();
    store.ping().await.unwrap();
    assert!(
        store.recent_contacts(5).await.unwrap().is_empty(),
        "the schema exists on the one connection"
    );
}

#[tokio::test]
async fn without_a_public_url_the_host_the_request_came_to_is_signed_and_used() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("host.db").display());
    let mut settings = settings(&url, &[("NUMEROVERT_BIND", "0.0.0.0:8080")]);
    settings.public_url = None;
    let store = numerovert::db::connect(&settings.database_url).await.unwrap();
    let app = TestApp::with_store(settings, store, open_hours(), dir);
    let params = incoming("CA00000000000000000000000000000006");
    let signed_for = "http://127.0.0.1:8080/twilio/voice";
    let sig = numerovert::telephony::signature::compute(
        TOKEN,
        signed_for,
        &params,
        numerovert::telephony::signature::Algorithm::HmacSha1,
    );
    let (status, body) = app
        .post(
            "/twilio/voice",
            &params,
            &[("X-Twilio-Signature", &sig), ("Host", "127.0.0.1:8080")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body.contains("action=\"http://127.0.0.1:8080/twilio/voice/next?step=1&amp;event=input\""),
        "{body}"
    );
    let (status, _) = app
        .post(
            "/twilio/voice",
            &params,
            &[("X-Twilio-Signature", &sig), ("Host", "evil.example")],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_development_switch_accepts_unsigned_webhooks() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("dev.db").display());
    let settings = settings(&url, &[("NUMEROVERT_INSECURE_SKIP_SIGNATURE", "1")]);
    assert!(!settings.verify_signatures);
    let store = numerovert::db::connect(&settings.database_url).await.unwrap();
    let app = TestApp::with_store(settings, store, open_hours(), dir);
    let (status, _) = app
        .post(
            &format!("{BASE}/twilio/voice"),
            &incoming("CA00000000000000000000000000000007"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_panic_in_a_handler_still_gets_the_caller_to_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("panic.db").display());
    let settings = settings(&url, &[]);
    let store = numerovert::db::connect(&settings.database_url).await.unwrap();
    // Every handler reads the clock: one that panics makes any handler panic.
    let clock: numerovert::http::Clock = Arc::new(|| panic!("clock exploded"));
    let app = TestApp::with_clock(settings, store, clock, dir);
    for path in ["/twilio/voice", "/twilio/voice/next?step=1&event=input"] {
        let (status, body) = app
            .post_signed(
                &format!("{BASE}{path}"),
                &incoming("CA00000000000000000000000000000008"),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        assert!(
            body.contains("problème technique") && body.contains(FALLBACK),
            "{path}: {body}"
        );
    }
}
