//! The JSON API under `/api/v1` and the calendar feeds, driven through the real
//! router on SQLite (and PostgreSQL when configured).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{json, Value};

use crate::helpers::*;

/// Creates a staff member through the API; returns their id.
async fn add_staff(app: &TestApp, token: &str, name: &str, phone: &str, roles: &[&str]) -> i64 {
    let r = app
        .api(
            "POST",
            "/api/v1/staff",
            Some(token),
            Some(json!({"name": name, "phone": phone, "roles": roles})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()["id"].as_i64().unwrap()
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let r = app.api("POST", path, Some(token), Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{path}: {}", r.text);
    r.json()
}

fn texts(report: &Value) -> Vec<String> {
    report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_owned())
        .collect()
}

fn names(people: &Value) -> Vec<String> {
    people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn requests_without_a_valid_token_get_401_in_json() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        let token = app.api_token("crm").await;

        let missing = app.api("GET", "/api/v1/staff", None, None).await;
        assert_eq!(missing.status, StatusCode::UNAUTHORIZED, "{backend:?}");
        assert!(missing.header("www-authenticate").unwrap().starts_with("Bearer"));
        assert!(missing.json()["error"].as_str().unwrap().contains("Bearer"));

        let wrong = app.api("GET", "/api/v1/staff", Some("not-a-token"), None).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert!(wrong.header("www-authenticate").unwrap().contains("invalid_token"));
        assert!(wrong.json()["error"].is_string());

        let basic = app
            .raw(
                Request::get("/api/v1/staff")
                    .header("authorization", format!("Basic {token}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(basic.status, StatusCode::UNAUTHORIZED, "only Bearer is accepted");

        let ok = app.api("GET", "/api/v1/staff", Some(&token), None).await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
        assert_eq!(ok.json(), json!([]));

        // A revoked token stops working at once, answered like an unknown one.
        let listed = app.store.list_api_tokens().await.unwrap();
        assert!(listed[0].last_used_at.is_some(), "its use is noted");
        numerovert::routing::service::revoke_api_token(app.store.as_ref(), listed[0].token_id, open_hours())
            .await
            .unwrap();
        let revoked = app.api("GET", "/api/v1/staff", Some(&token), None).await;
        assert_eq!(revoked.status, StatusCode::UNAUTHORIZED, "{backend:?}");
        assert_eq!(revoked.header("www-authenticate"), wrong.header("www-authenticate"));
        assert_eq!(revoked.text, wrong.text);

        // The document is public; unknown routes answer in JSON.
        let doc = app.api("GET", "/api/v1/openapi.json", None, None).await;
        assert_eq!(doc.status, StatusCode::OK);
        let unknown = app.api("GET", "/api/v1/nothing-here", None, None).await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert!(unknown.json()["error"].is_string());
    }
}

/// A token has a role, with the back-office's rules: a staff token reads the
/// rota, who is on duty and the follow-ups, and nothing else.
#[tokio::test]
async fn a_staff_token_reads_the_rota_and_follow_ups_but_not_contacts_nor_changes() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        let staff = app.api_token_with_role("tableau de garde", "staff").await;
        let supervisor = app.api_token("crm").await;
        for path in [
            "/api/v1/staff",
            "/api/v1/rotations",
            "/api/v1/schedule/gaps?days=7",
            "/api/v1/roles",
            "/api/v1/follow-ups",
        ] {
            let r = app.api("GET", path, Some(&staff), None).await;
            assert_eq!(r.status, StatusCode::OK, "{backend:?} {path}: {}", r.text);
        }
        for (method, path, body) in [
            ("GET", "/api/v1/contacts", None),
            ("GET", "/api/v1/figures", None),
            (
                "POST",
                "/api/v1/staff",
                Some(json!({"name": "Awa Diallo", "phone": "06 12 34 56 78", "roles": ["sage-femme"]})),
            ),
            ("DELETE", "/api/v1/rotations/1", None),
        ] {
            let refused = app.api(method, path, Some(&staff), body.clone()).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{backend:?} {method} {path}");
            assert!(
                refused.json()["error"].as_str().unwrap().contains("supervisor"),
                "{}",
                refused.text
            );
            let allowed = app.api(method, path, Some(&supervisor), body).await;
            assert_ne!(allowed.status, StatusCode::FORBIDDEN, "{backend:?} {method} {path}");
        }
        // The description says so.
        let doc = app.api("GET", "/api/v1/openapi.json", None, None).await.json();
        assert!(doc["paths"]["/api/v1/contacts"]["get"]["responses"]["403"].is_object());
        assert!(doc["paths"]["/api/v1/staff"]["post"]["responses"]["403"].is_object());
        assert!(doc["paths"]["/api/v1/staff"]["get"]["responses"]["403"].is_null());
    }
}

#[tokio::test]
async fn staff_are_created_read_and_updated_with_phones_normalised() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        let token = app.api_token("crm").await;

        let created = app
            .api(
                "POST",
                "/api/v1/staff",
                Some(&token),
                Some(json!({"name": " Awa Diallo ", "phone": "06 12 34 56 78", "roles": ["sage-femme"]})),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{backend:?}: {}", created.text);
        let awa = created.json();
        assert_eq!(
            awa,
            json!({"id": awa["id"], "name": "Awa Diallo", "phone": "+33612345678", "roles": ["sage-femme"], "active": true})
        );
        let id = awa["id"].as_i64().unwrap();

        let one = app.api("GET", &format!("/api/v1/staff/{id}"), Some(&token), None).await;
        assert_eq!(one.status, StatusCode::OK);
        assert_eq!(one.json(), awa);

        let updated = app
            .api(
                "PUT",
                &format!("/api/v1/staff/{id}"),
                Some(&token),
                Some(json!({"name": "Awa Diallo-Sy", "phone": "+33 1 99 00 00 01", "roles": ["sage-femme", "psychologue"], "active": false})),
            )
            .await;
        assert_eq!(updated.status, StatusCode::OK, "{}", updated.text);
        assert_eq!(updated.json()["phone"], "+33199000001");
        assert_eq!(updated.json()["active"], false);
        let list = app.api("GET", "/api/v1/staff", Some(&token), None).await.json();
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert_eq!(list[0]["name"], "Awa Diallo-Sy");
        assert_eq!(list[0]["roles"], json!(["sage-femme", "psychologue"]));

        // Every mistake at once, each tied to its field, in French.
        let invalid = app
            .api(
                "POST",
                "/api/v1/staff",
                Some(&token),
                Some(json!({"name": "", "phone": "06 12", "roles": ["plombier"]})),
            )
            .await;
        assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
        let body = invalid.json();
        assert!(body["error"].is_string());
        let fields: Vec<&str> = body["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["name", "phone", "roles"], "{body}");
        assert!(
            body["fields"][1]["message"].as_str().unwrap().contains("« 06 12 »"),
            "{body}"
        );
        assert!(body["fields"][2]["message"].as_str().unwrap().contains("plombier"));

        let malformed = app
            .raw(
                Request::post("/api/v1/staff")
                    .header("authorization", format!("Bearer {token}"))
                    .header("content-type", "application/json")
                    .body(Body::from("{\"name\": \"Awa\","))
                    .unwrap(),
            )
            .await;
        assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
        assert!(
            malformed.json()["error"].as_str().unwrap().contains("JSON"),
            "{}",
            malformed.text
        );

        let unknown_field = app
            .api(
                "POST",
                "/api/v1/staff",
                Some(&token),
                Some(json!({"name": "X", "phone": "0612345678", "roles": ["accueil"], "mobile": "1"})),
            )
            .await;
        assert_eq!(unknown_field.status, StatusCode::BAD_REQUEST);
        assert!(unknown_field.json()["error"].as_str().unwrap().contains("mobile"));

        let no_type = app
            .raw(
                Request::post("/api/v1/staff")
                    .header("authorization", format!("Bearer {token}"))
                    .body(Body::from("{}"))
                    .unwrap(),
            )
            .await;
        assert_eq!(no_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(no_type.json()["error"].is_string());

        let missing = app.api("GET", "/api/v1/staff/999", Some(&token), None).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert!(missing.json()["error"].as_str().unwrap().contains("999"));
        let put_missing = app
            .api(
                "PUT",
                "/api/v1/staff/999",
                Some(&token),
                Some(json!({"name": "X", "phone": "0612345678", "roles": ["accueil"]})),
            )
            .await;
        assert_eq!(put_missing.status, StatusCode::NOT_FOUND);
        let bad_id = app.api("GET", "/api/v1/staff/abc", Some(&token), None).await;
        assert_eq!(bad_id.status, StatusCode::BAD_REQUEST);
        assert!(bad_id.json()["error"].is_string());
    }
}

/// Awa and Chloé share the nights in a weekly rotation; Inès backs the night
/// up. On 24 December evening Awa, on turn, is replaced by Bintou.
async fn christmas_schedule(app: &TestApp, token: &str) -> (i64, i64, i64, i64, i64, i64) {
    let awa = add_staff(app, token, "Awa Diallo", "06 12 34 56 78", &["sage-femme"]).await;
    let chloe = add_staff(app, token, "Chloé Petit", "01 99 00 00 02", &["sage-femme"]).await;
    let ines = add_staff(app, token, "Inès Moreau", "01 99 00 00 03", &["sage-femme"]).await;
    let bintou = add_staff(app, token, "Bintou Camara", "01 99 00 00 04", &["sage-femme"]).await;
    let rotation = post(
        app,
        token,
        "/api/v1/rotations",
        // 23 November 2026 is a Monday: Awa's week, then Chloé's, and so on.
        json!({"role": "sage-femme", "name": "Nuits", "members": [awa, chloe], "handoff": "weekly", "handoff_time": "09:00", "start": "2026-11-23"}),
    )
    .await;
    assert_eq!(rotation["handoff"], "weekly");
    let rotation = rotation["id"].as_i64().unwrap();
    let rule = post(
        app,
        token,
        "/api/v1/rules",
        json!({"role": "sage-femme", "days": ["monday", "tuesday", "wednesday", "thursday", "friday", "samedi", "dimanche"], "window": "18:00-09:00", "rotation": rotation, "staff": [ines]}),
    )
    .await;
    assert_eq!(rule["window"], "18:00-09:00");
    assert_eq!(rule["days"][5], "saturday", "French day names are stored in English");
    assert_eq!(rule["holidays"], "always");
    let o = post(
        app,
        token,
        "/api/v1/overrides",
        json!({"role": "sage-femme", "starts_at": "2026-12-24 18:00", "ends_at": "2026-12-25T09:00:00+01:00", "kind": "replace", "staff": awa, "by": bintou, "note": "Réveillon"}),
    )
    .await;
    assert_eq!(o["starts_at"], "2026-12-24T17:00:00Z");
    assert_eq!(o["starts_local"], "2026-12-24T18:00:00+01:00");
    assert_eq!(o["kind"], "replace");
    assert_eq!(o["by"], bintou);
    (awa, chloe, ines, bintou, rotation, rule["id"].as_i64().unwrap())
}

#[tokio::test]
async fn schedules_made_through_the_api_decide_who_is_on_duty() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        let token = app.api_token("planning").await;
        let (awa, _chloe, _ines, bintou, rotation, rule) = christmas_schedule(&app, &token).await;

        // 24 December, 21:30 in Paris: Awa is on turn, Bintou replaces her.
        let who = app
            .api(
                "GET",
                "/api/v1/schedule/who?role=sage-femme&at=2026-12-24%2021:30",
                Some(&token),
                None,
            )
            .await;
        assert_eq!(who.status, StatusCode::OK, "{backend:?}: {}", who.text);
        let report = who.json();
        assert_eq!(report["at"], "2026-12-24T20:30:00Z");
        assert_eq!(report["local"], "2026-12-24T21:30:00+01:00");
        assert_eq!(names(&report["people"]), ["Bintou Camara", "Inès Moreau"], "{report}");
        assert_eq!(report["people"][0]["id"], bintou);
        assert!(report["people"][0].get("phone").is_none(), "never a phone number");
        let steps = texts(&report);
        assert_eq!(steps[0], "local time 2026-12-24 21:30 (Thursday)");
        assert!(
            steps.contains(&format!("rule {rule} applies (window 18:00-09:00)")),
            "{steps:?}"
        );
        assert!(
            steps.contains(&format!("rotation {rotation} \"Nuits\": turn 4 → Awa Diallo (#{awa})")),
            "{steps:?}"
        );
        assert!(
            steps.iter().any(|s| s.starts_with("override ")
                && s.contains(&format!("replace Awa Diallo (#{awa}) by Bintou Camara (#{bintou})"))
                && s.contains("Réveillon")
                && s.ends_with("applied")),
            "{steps:?}"
        );
        assert_eq!(report["steps"][1]["detail"]["step"], "rule-applies");
        assert!(report["fallback"].as_str().unwrap().contains("voicemail or callback"));
        assert_eq!(report["backups"], json!([]));

        // The night before, no override: the rotation's member then Inès.
        let before = app
            .api(
                "GET",
                "/api/v1/schedule/who?role=sage-femme&at=2026-12-23T21:30:00%2B01:00",
                Some(&token),
                None,
            )
            .await
            .json();
        assert_eq!(names(&before["people"]), ["Awa Diallo", "Inès Moreau"]);

        // In the daytime nobody is on duty: the backups of a role are shown.
        let psy = app
            .api(
                "GET",
                "/api/v1/schedule/who?role=psychologue&at=2026-12-24%2021:30",
                Some(&token),
                None,
            )
            .await
            .json();
        assert_eq!(psy["people"], json!([]));
        assert_eq!(psy["backups"][0]["role"], "sage-femme");
        assert_eq!(names(&psy["backups"][0]["people"]), ["Bintou Camara", "Inès Moreau"]);

        let unknown_role = app
            .api("GET", "/api/v1/schedule/who?role=plombier", Some(&token), None)
            .await;
        assert_eq!(unknown_role.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(unknown_role.json()["fields"][0]["field"], "role");
        let bad_at = app
            .api(
                "GET",
                "/api/v1/schedule/who?role=sage-femme&at=demain",
                Some(&token),
                None,
            )
            .await;
        assert_eq!(bad_at.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad_at.json()["fields"][0]["field"], "at");

        // Lists.
        let rules = app.api("GET", "/api/v1/rules", Some(&token), None).await.json();
        assert_eq!(rules[0]["rotation"], rotation);
        let rotations = app.api("GET", "/api/v1/rotations", Some(&token), None).await.json();
        assert_eq!(rotations[0]["members"].as_array().unwrap().len(), 2);
        let overrides = app.api("GET", "/api/v1/overrides", Some(&token), None).await.json();
        assert_eq!(overrides.as_array().unwrap().len(), 1, "still to come: listed");
        let override_id = overrides[0]["id"].as_i64().unwrap();

        // A rule that names an unknown person is refused with the field.
        let refused = app
            .api(
                "POST",
                "/api/v1/rules",
                Some(&token),
                Some(json!({"role": "sage-femme", "days": ["funday"], "window": "18:00-09:00", "staff": [999]})),
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let refused = refused.json();
        let fields: Vec<&str> = refused["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        assert!(fields.contains(&"days") && fields.contains(&"staff"), "{fields:?}");

        // Deleting: a rotation in use is a conflict until its rule goes.
        let in_use = app
            .api("DELETE", &format!("/api/v1/rotations/{rotation}"), Some(&token), None)
            .await;
        assert_eq!(in_use.status, StatusCode::CONFLICT, "{}", in_use.text);
        assert!(in_use.json()["error"].as_str().unwrap().contains("rule"));
        let r = app
            .api("DELETE", &format!("/api/v1/rules/{rule}"), Some(&token), None)
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT);
        let r = app
            .api("DELETE", &format!("/api/v1/rotations/{rotation}"), Some(&token), None)
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT);
        let r = app
            .api(
                "DELETE",
                &format!("/api/v1/overrides/{override_id}"),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT);
        for path in [
            format!("/api/v1/rules/{rule}"),
            format!("/api/v1/rotations/{rotation}"),
            format!("/api/v1/overrides/{override_id}"),
        ] {
            let r = app.api("DELETE", &path, Some(&token), None).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        }
        let nobody = app
            .api(
                "GET",
                "/api/v1/schedule/who?role=sage-femme&at=2026-12-24%2021:30",
                Some(&token),
                None,
            )
            .await
            .json();
        assert_eq!(nobody["people"], json!([]));
        assert!(texts(&nobody).contains(&"on duty: nobody".to_owned()));
    }
}

#[tokio::test]
async fn gaps_are_periods_of_opening_hours_with_nobody_on_duty() {
    for backend in backends() {
        // Tuesday 24 November 2026, 10:00 in Paris.
        let app = TestApp::spawn(&backend, open_hours()).await;
        let token = app.api_token("planning").await;
        let everyone = add_staff(&app, &token, "Zoé Martin", "01 99 00 00 05", &TEAM_ROLES).await;
        let all_week = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        for role in TEAM_ROLES {
            let (days, window): (&[&str], &str) = if role == "sage-femme" {
                (&all_week[..5], "09:00-19:00")
            } else {
                (&all_week[..], "00:00-24:00")
            };
            post(
                &app,
                &token,
                "/api/v1/rules",
                json!({"role": role, "days": days, "window": window, "staff": [everyone]}),
            )
            .await;
        }
        let r = app
            .api("GET", "/api/v1/schedule/gaps?days=14", Some(&token), None)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{backend:?}: {}", r.text);
        let body = r.json();
        assert_eq!(body["roles"].as_array().unwrap().len(), 6, "every role the IVR offers");
        let gaps: Vec<(String, String, String)> = body["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["role"].as_str().unwrap().to_owned(),
                    g["starts_local"].as_str().unwrap().to_owned(),
                    g["ends_local"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        // The midwives are off on Saturday mornings, when the line is open.
        assert_eq!(
            gaps,
            [
                (
                    "sage-femme".to_owned(),
                    "2026-11-28T09:00:00+01:00".to_owned(),
                    "2026-11-28T12:30:00+01:00".to_owned()
                ),
                (
                    "sage-femme".to_owned(),
                    "2026-12-05T09:00:00+01:00".to_owned(),
                    "2026-12-05T12:30:00+01:00".to_owned()
                ),
            ],
            "{body}"
        );
        assert_eq!(body["gaps"][0]["starts_at"], "2026-11-28T08:00:00Z");
        assert_eq!(body["gaps"][0]["covered_by_backups"], json!([]));

        for days in ["0", "91"] {
            let r = app
                .api("GET", &format!("/api/v1/schedule/gaps?days={days}"), Some(&token), None)
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "days={days}: {}", r.text);
            let body = r.json();
            assert_eq!(body["fields"][0]["field"], "days", "{body}");
            assert!(body["fields"][0]["message"].as_str().unwrap().contains("entre 1 et 90"));
        }
        let r = app
            .api("GET", "/api/v1/schedule/gaps?days=abc", Some(&token), None)
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
        assert!(r.json()["error"].is_string());
    }
}

#[tokio::test]
async fn calendar_feeds_show_a_persons_shifts_and_a_roles() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, paris(2026, 12, 20, 12, 0)).await;
        let token = app.api_token("planning").await;
        let (_, chloe, ..) = christmas_schedule(&app, &token).await;

        let link = app
            .api(
                "POST",
                &format!("/api/v1/staff/{chloe}/calendar-link"),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(link.status, StatusCode::CREATED, "{}", link.text);
        let url = link.json()["url"].as_str().unwrap().to_owned();
        assert!(
            url.starts_with(&format!("{BASE}/calendar/staff/")) && url.ends_with(".ics"),
            "{url}"
        );
        let path = url.strip_prefix(BASE).unwrap().to_owned();

        let feed = app.api("GET", &path, None, None).await;
        assert_eq!(feed.status, StatusCode::OK, "{backend:?}: {}", feed.text);
        assert_eq!(feed.header("content-type"), Some("text/calendar; charset=utf-8"));
        assert_eq!(feed.header("cache-control"), Some("private, max-age=300"));
        let calendar: icalendar::Calendar = feed.text.parse().expect("valid iCalendar");
        use icalendar::Component;
        let events: Vec<_> = calendar.events().collect();
        assert!(!events.is_empty(), "{}", feed.text);
        assert!(events.iter().all(|e| e.get_summary() == Some("Astreinte — sage-femme")));
        // Chloé's week of nights starts on Monday 30 November at 09:00 (turn 1)
        // and the next one on Monday 14 December: 14 Dec 18:00 Paris starts a night.
        assert!(feed.text.contains("DTSTART:20261214T170000Z"), "{}", feed.text);
        assert!(!feed.text.contains("+33"), "no phone number in a feed");
        assert!(!feed.text.contains("Awa"), "only her own shifts");

        // A new link disables the old one.
        let again = app
            .api(
                "POST",
                &format!("/api/v1/staff/{chloe}/calendar-link"),
                Some(&token),
                None,
            )
            .await
            .json();
        let new_path = again["url"].as_str().unwrap().strip_prefix(BASE).unwrap().to_owned();
        assert_ne!(new_path, path);
        assert_eq!(app.api("GET", &new_path, None, None).await.status, StatusCode::OK);
        assert_eq!(app.api("GET", &path, None, None).await.status, StatusCode::NOT_FOUND);

        let role_link = app
            .api("POST", "/api/v1/roles/sage-femme/calendar-link", Some(&token), None)
            .await;
        assert_eq!(role_link.status, StatusCode::CREATED, "{}", role_link.text);
        let old_role_url = role_link.json()["url"].as_str().unwrap().to_owned();
        assert!(old_role_url.contains("/calendar/role/"), "{old_role_url}");
        let old_role_path = old_role_url.strip_prefix(BASE).unwrap().to_owned();
        assert_eq!(app.api("GET", &old_role_path, None, None).await.status, StatusCode::OK);
        let role_url = app
            .api("POST", "/api/v1/roles/sage-femme/calendar-link", Some(&token), None)
            .await
            .json()["url"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_ne!(role_url, old_role_url);

        // A link of a role since removed from the configuration.
        let (removed_role_token, hash) = numerovert::routing::directory::new_secret();
        app.store
            .set_role_calendar_token("ancien-role", &hash, open_hours())
            .await
            .unwrap();

        // Every way of being wrong gets the same 404, telling nothing about
        // which secrets exist.
        let wrong_paths = [
            path.clone(),
            old_role_path.clone(),
            path.trim_end_matches(".ics").to_owned(),
            new_path.replace("/staff/", "/role/"),
            role_url.strip_prefix(BASE).unwrap().replace("/role/", "/staff/"),
            format!("/calendar/role/{removed_role_token}.ics"),
            "/calendar/staff/.ics".to_owned(),
            "/calendar/staff/nope.ics".to_owned(),
            "/calendar/role/nope.ics".to_owned(),
        ];
        for wrong in &wrong_paths {
            let r = app.api("GET", wrong, None, None).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{wrong}");
            assert_eq!(r.header("cache-control"), Some("no-store"), "{wrong}");
            assert_eq!(r.text, "no such calendar\n", "{wrong}");
        }

        let role_feed = app.api("GET", role_url.strip_prefix(BASE).unwrap(), None, None).await;
        assert_eq!(role_feed.status, StatusCode::OK);
        assert_eq!(role_feed.header("content-type"), Some("text/calendar; charset=utf-8"));
        let calendar: icalendar::Calendar = role_feed.text.parse().expect("valid iCalendar");
        let summaries: Vec<String> = calendar
            .events()
            .filter_map(|e| e.get_summary().map(str::to_owned))
            .collect();
        for name in ["Awa Diallo", "Chloé Petit", "Inès Moreau", "Bintou Camara"] {
            assert!(
                summaries.iter().any(|s| s.starts_with(name)),
                "{name} missing from {summaries:?}"
            );
        }
        let unknown_role = app
            .api("POST", "/api/v1/roles/plombier/calendar-link", Some(&token), None)
            .await;
        assert_eq!(unknown_role.status, StatusCode::NOT_FOUND);
        assert!(unknown_role.json()["error"].as_str().unwrap().contains("plombier"));
        let unknown_staff = app
            .api("POST", "/api/v1/staff/999/calendar-link", Some(&token), None)
            .await;
        assert_eq!(unknown_staff.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn roles_say_whether_the_ivr_offers_them() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        let token = app.api_token("crm").await;
        let roles = app.api("GET", "/api/v1/roles", Some(&token), None).await.json();
        let psy = roles
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "psychologue")
            .unwrap();
        assert_eq!(
            *psy,
            json!({"id": "psychologue", "label": "une psychologue", "backups": ["sage-femme"], "offered": true})
        );
    }
}

#[tokio::test]
async fn a_failing_store_gets_503_in_json() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        let token = app.api_token("crm").await;
        rename_table(&backend, &app.database_url, "staff").await;
        let r = app.api("GET", "/api/v1/staff", Some(&token), None).await;
        assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{backend:?}: {}", r.text);
        assert!(r.json()["error"].as_str().unwrap().contains("database"));
    }
}

/// Every route the API serves, with its methods, as the issue lists them.
const ROUTES: &[(&str, &[&str])] = &[
    ("/api/v1/staff", &["get", "post"]),
    ("/api/v1/staff/{id}", &["get", "put"]),
    ("/api/v1/staff/{id}/calendar-link", &["post"]),
    ("/api/v1/rotations", &["get", "post"]),
    ("/api/v1/rotations/{id}", &["delete"]),
    ("/api/v1/rules", &["get", "post"]),
    ("/api/v1/rules/{id}", &["delete"]),
    ("/api/v1/overrides", &["get", "post"]),
    ("/api/v1/overrides/{id}", &["delete"]),
    ("/api/v1/roles", &["get"]),
    ("/api/v1/roles/{role}/calendar-link", &["post"]),
    ("/api/v1/schedule/who", &["get"]),
    ("/api/v1/schedule/gaps", &["get"]),
    ("/api/v1/follow-ups", &["get"]),
    ("/api/v1/follow-ups/{id}", &["get"]),
    ("/api/v1/follow-ups/{id}/call", &["post"]),
    ("/api/v1/contacts", &["get"]),
    ("/api/v1/contacts/{id}", &["get"]),
    ("/api/v1/figures", &["get"]),
    ("/api/v1/openapi.json", &["get"]),
];

const METHODS: [&str; 5] = ["get", "post", "put", "delete", "patch"];

#[tokio::test]
async fn the_openapi_document_describes_every_route_with_bearer_security() {
    let backend = Backend::Sqlite;
    let app = TestApp::spawn(&backend, open_hours()).await;
    let token = app.api_token("doc").await;
    let r = app.api("GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-type").unwrap().starts_with("application/json"));
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."), "{}", doc["openapi"]);

    let scheme = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!(scheme["type"], "http", "{scheme}");
    assert_eq!(scheme["scheme"], "bearer", "{scheme}");
    assert_eq!(doc["security"], json!([{"bearer": []}]));

    // The document lists exactly the routes served, with their methods.
    let paths = doc["paths"].as_object().unwrap();
    let mut documented: Vec<&str> = paths.keys().map(String::as_str).collect();
    documented.sort_unstable();
    let mut expected: Vec<&str> = ROUTES.iter().map(|(p, _)| *p).collect();
    expected.sort_unstable();
    assert_eq!(documented, expected);
    for (path, methods) in ROUTES {
        let item = &paths[*path];
        for method in METHODS {
            assert_eq!(
                item.get(method).is_some(),
                methods.contains(&method),
                "{method} {path} documented?"
            );
        }
        for method in *methods {
            let op = &item[*method];
            assert!(
                op["responses"].as_object().unwrap().keys().any(|k| k.starts_with('2')),
                "{method} {path}"
            );
            if *path == "/api/v1/openapi.json" {
                assert_eq!(op["security"], json!([{}]), "the document is public");
            } else {
                assert!(op["responses"]["401"].is_object(), "{method} {path} documents 401");
            }
        }
    }
    for schema in [
        "StaffDraft",
        "RuleDraft",
        "RotationDraft",
        "OverrideDraft",
        "StaffDto",
        "WhoReport",
        "ErrorBody",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema} missing");
    }

    // And the router serves every documented method, and no other, on each path.
    for (path, methods) in ROUTES {
        let concrete = path.replace("{id}", "999").replace("{role}", "sage-femme");
        for method in METHODS {
            let body = matches!(method, "post" | "put").then(|| json!({}));
            let r = app.api(&method.to_uppercase(), &concrete, Some(&token), body).await;
            if methods.contains(&method) {
                assert_ne!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {concrete}");
                assert!(
                    !r.text.contains("no such route"),
                    "{method} {concrete} is documented but not served"
                );
            } else {
                assert_eq!(
                    r.status,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {concrete} is served but not documented"
                );
            }
        }
    }
    // A path outside the list is not served.
    let r = app.api("GET", "/api/v1/tokens", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_demo_seeds_a_team_once_with_schedules_that_resolve() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        let settings = settings(&app.database_url, &[]);
        let store = app.store.as_ref();
        assert_eq!(
            numerovert::app::seed_demo(store, &settings, open_hours()).await,
            Ok(true)
        );
        assert_eq!(
            numerovert::app::seed_demo(store, &settings, open_hours()).await,
            Ok(false),
            "only an empty directory is seeded"
        );
        let staff = store.list_staff().await.unwrap();
        assert_eq!(staff.len(), 9);
        assert!(staff
            .iter()
            .all(|m| m.phone.starts_with("+336399800") && m.phone.len() == 12));

        let token = app.api_token("demo").await;
        // The fiction numbers pass the directory's check like any other.
        let camille = json!({"name": "Camille Laurent-Roy", "phone": "06 39 98 00 01", "roles": ["accueil"]});
        let r = app.api("PUT", "/api/v1/staff/1", Some(&token), Some(camille)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json()["phone"], "+33639980001");

        let who = app
            .api("GET", "/api/v1/schedule/who?role=sage-femme", Some(&token), None)
            .await
            .json();
        assert_eq!(names(&who["people"]), ["Inès Moreau"], "{who}");
        let gaps = app
            .api("GET", "/api/v1/schedule/gaps?days=7", Some(&token), None)
            .await
            .json();
        let saturday: Vec<(&str, &Value)> = gaps["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| (g["role"].as_str().unwrap(), &g["covered_by_backups"]))
            .collect();
        // Saturday morning only: three roles left to their backups, on purpose.
        assert_eq!(
            saturday,
            [
                ("conseillere-lactation", &json!(["puericultrice"])),
                ("psychologue", &json!(["sage-femme"])),
                ("travailleur-social", &json!([])),
            ],
            "{gaps}"
        );
    }
}

#[tokio::test]
async fn integrations_page_through_contacts_open_one_and_read_the_figures() {
    use crate::sms::{inbound, sid};
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        let token = app.api_token("crm").await;
        for (from, body) in [
            (PARENT, "je veux mourir, je n'en peux plus"),
            ("+33639980456", "RAPPEL"),
            ("+33639980457", "comment preparer un biberon ?"),
        ] {
            let (status, _) = app
                .post_signed(&format!("{BASE}/twilio/sms"), &inbound(&sid("SM"), from, body), &[])
                .await;
            assert_eq!(status, StatusCode::OK);
        }
        assert_eq!(
            app.api("GET", "/api/v1/contacts", None, None).await.status,
            StatusCode::UNAUTHORIZED
        );

        let first = app.api("GET", "/api/v1/contacts?limit=2", Some(&token), None).await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.text);
        let page = first.json();
        assert_eq!(page["contacts"].as_array().unwrap().len(), 2);
        assert_eq!(page["contacts"][0]["caller_number"], "06 •• •• •• 57", "masked: {page}");
        let next = page["next"].as_str().expect("a next page").to_owned();
        let second = app
            .api(
                "GET",
                &format!("/api/v1/contacts?limit=2&after={next}"),
                Some(&token),
                None,
            )
            .await
            .json();
        assert_eq!(second["contacts"].as_array().unwrap().len(), 1);
        assert!(second["next"].is_null());
        let urgent = app
            .api("GET", "/api/v1/contacts?urgent=1", Some(&token), None)
            .await
            .json();
        assert_eq!(urgent["contacts"].as_array().unwrap().len(), 1);
        assert_eq!(urgent["contacts"][0]["need"], "idees-suicidaires");
        let id = urgent["contacts"][0]["id"].as_i64().unwrap();
        let bad = app
            .api("GET", "/api/v1/contacts?channel=fax&limit=0", Some(&token), None)
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.text);
        let bad = app.api("GET", "/api/v1/contacts?channel=fax", Some(&token), None).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text.contains("channel"), "{}", bad.text);

        let one = app
            .api("GET", &format!("/api/v1/contacts/{id}"), Some(&token), None)
            .await;
        assert_eq!(one.status, StatusCode::OK, "{}", one.text);
        let detail = one.json();
        let kinds: Vec<&str> = detail["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap())
            .collect();
        assert!(kinds.contains(&"sms-read"), "{kinds:?}");
        assert!(
            !one.text.contains("mourir") && !one.text.contains("+336"),
            "no message, no number: {}",
            one.text
        );
        let log = app.store.access_log(None, 10).await.unwrap();
        assert!(log.iter().any(|e| e.action == "view-contact"
            && e.subject.as_deref() == Some(&format!("contact:{id}"))
            && e.user_id.is_none()));
        assert_eq!(
            app.api("GET", "/api/v1/contacts/999999", Some(&token), None)
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        let figures = app.api("GET", "/api/v1/figures", Some(&token), None).await;
        assert_eq!(figures.status, StatusCode::OK, "{}", figures.text);
        let fig = figures.json();
        assert_eq!(fig["total"]["sms"], 3, "{fig}");
        assert_eq!(fig["total"]["urgent"], 1);
        assert_eq!(fig["buckets"].as_array().unwrap().len(), 30);
        assert!(!figures.text.contains("+336"));
        let bad = app.api("GET", "/api/v1/figures?period=annee", Some(&token), None).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
}
