//! The back-office as a browser uses it: login, sessions, CSRF, throttling,
//! roles, security headers, and the day at a glance, on both databases.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{DateTime, Duration, Utc};
use numerovert::backoffice::access::{hash_password, Role};
use numerovert::db::users::NewUser;

use crate::helpers::*;
use crate::sms::{inbound, sid};

const PASSWORD: &str = "une phrase de passe solide";

/// A browser: the cookies it holds, sent back on every request.
struct Browser<'a> {
    app: &'a TestApp,
    cookies: Vec<(String, String)>,
}

impl<'a> Browser<'a> {
    fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            cookies: Vec::new(),
        }
    }

    async fn send(&mut self, req: axum::http::request::Builder, body: Body) -> ApiResponse {
        let cookie = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let req = if cookie.is_empty() {
            req
        } else {
            req.header("cookie", cookie)
        };
        let resp = self.app.raw(req.body(body).unwrap()).await;
        for set in resp.headers.get_all("set-cookie") {
            let c = cookie::Cookie::parse(set.to_str().unwrap().to_owned()).unwrap();
            self.cookies.retain(|(k, _)| k != c.name());
            if !c.value().is_empty() {
                self.cookies.push((c.name().to_owned(), c.value().to_owned()));
            }
        }
        resp
    }

    async fn get(&mut self, path: &str) -> ApiResponse {
        self.send(Request::get(path), Body::empty()).await
    }

    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> ApiResponse {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        self.send(
            Request::post(path).header("content-type", "application/x-www-form-urlencoded"),
            Body::from(body),
        )
        .await
    }

    /// Loads the login page and submits it.
    async fn log_in(&mut self, login: &str, password: &str, next: &str) -> ApiResponse {
        let page = self.get(&format!("/login?next={next}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let csrf = hidden(&page.text, "csrf");
        self.post(
            "/login",
            &[
                ("login", login),
                ("password", password),
                ("csrf", &csrf),
                ("next", next),
            ],
        )
        .await
    }

    fn has_session(&self) -> bool {
        self.cookies.iter().any(|(k, _)| k == "nv_session")
    }
}

/// The value of a hidden field of a page.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no field {name} in {html}"))
        + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

async fn add_user(app: &TestApp, login: &str, role: Role) -> i64 {
    add_account(app, login, role, None).await
}

/// A user linked to a staff member of the directory.
async fn add_staff_user(app: &TestApp, login: &str, staff_id: i64) {
    add_account(app, login, Role::Staff, Some(staff_id)).await;
}

async fn add_account(app: &TestApp, login: &str, role: Role, staff_id: Option<i64>) -> i64 {
    app.store
        .add_user(
            &NewUser {
                login: login.into(),
                display_name: format!("Personne {login}"),
                role,
                staff_id,
                password_hash: hash_password(PASSWORD),
            },
            Utc::now(),
        )
        .await
        .unwrap()
        .id
}

/// A service whose clock a test moves forward.
struct Clock {
    offset_secs: Arc<AtomicI64>,
}

impl Clock {
    fn advance(&self, d: Duration) {
        self.offset_secs.fetch_add(d.num_seconds(), Ordering::SeqCst);
    }
}

async fn spawn_with_clock(backend: &Backend, at: DateTime<Utc>) -> (TestApp, Clock) {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(backend, dir.path()).await;
    let settings = settings(&url, &[]);
    let store = numerovert::db::connect(&settings.database_url).await.unwrap();
    let offset_secs = Arc::new(AtomicI64::new(0));
    let offset = offset_secs.clone();
    let clock: numerovert::http::Clock = Arc::new(move || at + Duration::seconds(offset.load(Ordering::SeqCst)));
    (TestApp::with_clock(settings, store, clock, dir), Clock { offset_secs })
}

#[tokio::test]
async fn a_logged_out_visitor_is_sent_to_the_login_page_and_comes_back_after() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        add_user(&app, "claire", Role::Supervisor).await;
        let mut browser = Browser::new(&app);
        for path in ["/", "/admin/users", "/admin/access-log"] {
            let resp = browser.get(path).await;
            assert_eq!(resp.status, StatusCode::SEE_OTHER, "{path} on {backend:?}");
            let location = resp.header("location").unwrap();
            assert!(location.starts_with("/login"), "{location}");
        }
        assert_eq!(
            browser.get("/admin/users").await.header("location"),
            Some("/login?next=%2Fadmin%2Fusers")
        );

        let resp = browser.log_in("Claire", PASSWORD, "/").await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.text);
        assert_eq!(resp.header("location"), Some("/"));
        let set = resp
            .headers
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect::<Vec<_>>();
        let session = set
            .iter()
            .find(|c| c.starts_with("nv_session="))
            .expect("a session cookie");
        for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
            assert!(session.contains(attribute), "{session}");
        }
        let today = browser.get("/").await;
        assert_eq!(today.status, StatusCode::OK, "{}", today.text);
        assert!(today.text.contains("<html lang=\"fr\">"));
        assert!(today.text.contains("Aujourd'hui, mardi 24 novembre"), "{}", today.text);
        assert!(today.text.contains("Personne claire"));

        // An open redirect through the login is refused.
        let mut other = Browser::new(&app);
        let resp = other.log_in("claire", PASSWORD, "https://evil.example/").await;
        assert_eq!(resp.header("location"), Some("/"));
    }
}

#[tokio::test]
async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        add_user(&app, "claire", Role::Staff).await;
        let mut browser = Browser::new(&app);
        let wrong = browser.log_in("claire", "pas le bon mot de passe", "/").await;
        let unknown = browser.log_in("inconnue", PASSWORD, "/").await;
        for resp in [&wrong, &unknown] {
            assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
            assert!(
                resp.text.contains("Identifiant ou mot de passe incorrect."),
                "{}",
                resp.text
            );
        }
        assert!(wrong.text.contains("value=\"claire\""), "the login is kept in the form");
        assert!(!wrong.text.contains("pas le bon mot de passe"), "never the password");
        assert!(!browser.has_session());
    }
}

#[tokio::test]
async fn repeated_failures_lock_the_login_for_a_while_even_with_the_right_password() {
    for backend in backends() {
        let (app, clock) = spawn_with_clock(&backend, open_hours()).await;
        add_user(&app, "claire", Role::Staff).await;
        let mut browser = Browser::new(&app);
        for _ in 0..5 {
            let resp = browser.log_in("claire", "devine devine devine", "/").await;
            assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
        }
        let resp = browser.log_in("claire", PASSWORD, "/").await;
        assert_eq!(resp.status, StatusCode::TOO_MANY_REQUESTS, "{backend:?}");
        assert!(resp.text.contains("réessayez dans 15 minutes"), "{}", resp.text);
        assert!(!browser.has_session());
        // Another account is not locked by these failures.
        add_user(&app, "bea", Role::Staff).await;
        assert_eq!(
            Browser::new(&app).log_in("bea", PASSWORD, "/").await.status,
            StatusCode::SEE_OTHER
        );
        clock.advance(Duration::minutes(16));
        let resp = browser.log_in("claire", PASSWORD, "/").await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "the lock ends: {}", resp.text);
    }
}

#[tokio::test]
async fn one_address_guessing_many_logins_is_locked_out_too() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let url = fresh_database(&backend, dir.path()).await;
        let mut settings = settings(&url, &[]);
        // Behind the reverse proxy, which appends the client's address.
        settings.backoffice.trust_forwarded_for = true;
        let store = numerovert::db::connect(&settings.database_url).await.unwrap();
        let app = TestApp::with_store(settings, store, open_hours(), dir);
        add_user(&app, "claire", Role::Staff).await;
        let log_in_from = |address: &'static str, login: String, password: &'static str| {
            let app = &app;
            async move {
                let mut browser = Browser::new(app);
                let page = browser.get("/login").await;
                let csrf = hidden(&page.text, "csrf");
                let body = form_urlencoded::Serializer::new(String::new())
                    .extend_pairs([
                        ("login", login.as_str()),
                        ("password", password),
                        ("csrf", &csrf),
                        ("next", "/"),
                    ])
                    .finish();
                browser
                    .send(
                        Request::post("/login")
                            .header("content-type", "application/x-www-form-urlencoded")
                            // The first entry is whatever the client claimed; the last is the proxy's.
                            .header("x-forwarded-for", format!("10.9.9.9, {address}")),
                        Body::from(body),
                    )
                    .await
                    .status
            }
        };
        for i in 0..20 {
            let status = log_in_from("203.0.113.7", format!("inconnu{i}"), "devine devine devine").await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
        }
        assert_eq!(
            log_in_from("203.0.113.7", "claire".into(), PASSWORD).await,
            StatusCode::TOO_MANY_REQUESTS,
            "{backend:?}"
        );
        assert_eq!(
            log_in_from("198.51.100.4", "claire".into(), PASSWORD).await,
            StatusCode::SEE_OTHER,
            "another address is not locked"
        );
    }
}

#[tokio::test]
async fn a_database_failure_at_login_says_so_and_not_that_the_password_is_wrong() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        add_user(&app, "claire", Role::Staff).await;
        rename_table(&backend, &app.database_url, "login_attempt").await;
        let resp = Browser::new(&app).log_in("claire", PASSWORD, "/").await;
        assert_eq!(resp.status, StatusCode::SERVICE_UNAVAILABLE, "{backend:?}");
        assert!(resp.text.contains("momentanément indisponible"), "{}", resp.text);
        assert!(!resp.text.contains("incorrect"));
    }
}

#[tokio::test]
async fn every_form_needs_its_csrf_token() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        add_user(&app, "admin", Role::Admin).await;
        // The login form without its token.
        let mut browser = Browser::new(&app);
        let resp = browser
            .post(
                "/login",
                &[("login", "admin"), ("password", PASSWORD), ("csrf", "forged")],
            )
            .await;
        assert_eq!(resp.status, StatusCode::FORBIDDEN);
        assert!(resp.text.contains("Formulaire expiré"));
        assert!(!browser.has_session());

        browser.log_in("admin", PASSWORD, "/").await;
        assert!(browser.has_session());
        // A forged form (no token, or another one) changes nothing.
        for csrf in [None, Some("forged")] {
            let mut form = vec![
                ("display_name", "Intruse"),
                ("login", "intruse"),
                ("role", "admin"),
                ("password", PASSWORD),
            ];
            if let Some(c) = csrf {
                form.push(("csrf", c));
            }
            let resp = browser.post("/admin/users", &form).await;
            assert_eq!(resp.status, StatusCode::FORBIDDEN, "{csrf:?}");
        }
        assert!(app.store.user_for_login("intruse").await.unwrap().is_none());
        let resp = browser.post("/logout", &[]).await;
        assert_eq!(resp.status, StatusCode::FORBIDDEN);
        assert_eq!(browser.get("/").await.status, StatusCode::OK, "still logged in");

        // With the page's token, it works.
        let page = browser.get("/admin/users").await;
        let csrf = hidden(&page.text, "csrf");
        let resp = browser.post("/logout", &[("csrf", &csrf)]).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER);
        assert_eq!(resp.header("location"), Some("/login"));
        assert_eq!(browser.get("/").await.status, StatusCode::SEE_OTHER, "logged out");
    }
}

#[tokio::test]
async fn a_stolen_cookie_stops_working_at_logout() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        add_user(&app, "claire", Role::Staff).await;
        let mut browser = Browser::new(&app);
        browser.log_in("claire", PASSWORD, "/").await;
        let mut thief = Browser::new(&app);
        thief.cookies = browser.cookies.clone();
        assert_eq!(thief.get("/").await.status, StatusCode::OK);
        let csrf = hidden(&browser.get("/").await.text, "csrf");
        browser.post("/logout", &[("csrf", &csrf)]).await;
        assert_eq!(thief.get("/").await.status, StatusCode::SEE_OTHER, "{backend:?}");
    }
}

#[tokio::test]
async fn sessions_expire_when_idle_and_at_their_limit() {
    for backend in backends() {
        let (app, clock) = spawn_with_clock(&backend, open_hours()).await;
        add_user(&app, "claire", Role::Staff).await;
        let mut browser = Browser::new(&app);
        browser.log_in("claire", PASSWORD, "/").await;
        // Used every hour, the session lasts, but no longer than 12 hours.
        for _ in 0..11 {
            clock.advance(Duration::hours(1));
            assert_eq!(browser.get("/").await.status, StatusCode::OK, "{backend:?}");
        }
        clock.advance(Duration::minutes(61));
        assert_eq!(browser.get("/").await.status, StatusCode::SEE_OTHER, "absolute limit");

        browser.log_in("claire", PASSWORD, "/").await;
        assert_eq!(browser.get("/").await.status, StatusCode::OK);
        clock.advance(Duration::minutes(121));
        assert_eq!(browser.get("/").await.status, StatusCode::SEE_OTHER, "idle limit");
    }
}

#[tokio::test]
async fn staff_are_refused_the_pages_of_other_roles() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        add_user(&app, "awa", Role::Staff).await;
        add_user(&app, "sam", Role::Supervisor).await;
        let mut staff = Browser::new(&app);
        staff.log_in("awa", PASSWORD, "/").await;
        let mut supervisor = Browser::new(&app);
        supervisor.log_in("sam", PASSWORD, "/").await;
        for browser in [&mut staff, &mut supervisor] {
            for path in ["/admin/users", "/admin/access-log"] {
                let resp = browser.get(path).await;
                assert_eq!(resp.status, StatusCode::FORBIDDEN, "{path}");
                assert!(resp.text.contains("Accès réservé"));
            }
            let today = browser.get("/").await;
            assert!(!today.text.contains("/admin/users"), "no link to a refused page");
        }
    }
}

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let app = TestApp::spawn(&backends()[0], open_hours()).await;
    add_user(&app, "claire", Role::Staff).await;
    let mut browser = Browser::new(&app);
    let login = browser.get("/login").await;
    browser.log_in("claire", PASSWORD, "/").await;
    let today = browser.get("/").await;
    let redirect = Browser::new(&app).get("/").await;
    for resp in [&login, &today, &redirect] {
        let csp = resp.header("content-security-policy").expect("a CSP");
        assert!(
            csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(resp.header("x-frame-options"), Some("DENY"));
        assert_eq!(resp.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(resp.header("cache-control"), Some("no-store"));
        assert!(resp.header("strict-transport-security").is_some());
    }
    for page in [&login.text, &today.text] {
        assert!(
            !page.contains("<script>") && !page.contains(" style=\""),
            "no inline script or style"
        );
        assert!(
            !page.contains("http://") && !page.contains("https://"),
            "nothing from another site"
        );
    }
    let css = browser.get("/static/app.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
}

#[tokio::test]
async fn today_shows_urgent_messages_first_then_callbacks_with_numbers_masked() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        add_user(&app, "sam", Role::Supervisor).await;
        add_user(&app, "awa", Role::Staff).await;
        let (status, _) = app
            .post_signed(
                &format!("{BASE}/twilio/sms"),
                &inbound(&sid("SM"), PARENT, "je veux mourir, je n'en peux plus"),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = app
            .post_signed(
                &format!("{BASE}/twilio/sms"),
                &inbound(&sid("SM"), "+33639980456", "RAPPEL"),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::OK);

        let mut supervisor = Browser::new(&app);
        supervisor.log_in("sam", PASSWORD, "/").await;
        let page = supervisor.get("/").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let html = &page.text;
        let urgent = html.find("Idées suicidaires").expect("the urgent message");
        let callback = html.find("Rappel demandé").expect("the callback request");
        assert!(urgent < callback, "urgent first");
        assert!(
            html.contains("06 •• •• •• 23") && html.contains("06 •• •• •• 56"),
            "{html}"
        );
        assert!(
            !html.contains("+33639980123") && !html.contains("0639980123"),
            "numbers masked"
        );
        assert!(!html.contains("mourir"), "never the parent's words on the day's page");
        assert!(html.contains("De garde maintenant"));
        assert!(html.contains("Pro sage-femme"), "who is on duty: {html}");
        assert!(html.contains("Contacts du jour"));
        assert!(html.contains("<strong>2</strong> conversations SMS"), "{html}");

        // Staff see the queue and the rota, not the list of everyone's contacts.
        let mut staff = Browser::new(&app);
        staff.log_in("awa", PASSWORD, "/").await;
        let page = staff.get("/").await;
        assert!(page.text.contains("Idées suicidaires"));
        assert!(!page.text.contains("Contacts du jour"));
    }
}

#[tokio::test]
async fn admins_create_accounts_and_every_change_and_login_is_in_the_access_log() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        add_user(&app, "admin", Role::Admin).await;
        let mut admin = Browser::new(&app);
        admin.log_in("admin", PASSWORD, "/").await;
        let page = admin.get("/admin/users").await;
        let csrf = hidden(&page.text, "csrf");
        // Every problem at once, tied to its field, nothing saved, password not echoed.
        let resp = admin
            .post(
                "/admin/users",
                &[
                    ("csrf", &csrf),
                    ("display_name", ""),
                    ("login", "é t é"),
                    ("role", "chef"),
                    ("password", "court"),
                ],
            )
            .await;
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
        for id in ["erreur-display_name", "erreur-login", "erreur-role", "erreur-password"] {
            assert!(
                resp.text.contains(&format!("aria-describedby=\"{id}\"")),
                "{id}: {}",
                resp.text
            );
        }
        assert!(resp.text.contains("au moins 12 caractères"));
        let form = [
            ("csrf", csrf.as_str()),
            ("display_name", "Bea Martin"),
            ("login", "Bea"),
            ("role", "supervisor"),
            ("password", "autre phrase de passe"),
        ];
        let resp = admin.post("/admin/users", &form).await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.text);
        let again = admin.post("/admin/users", &form).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.text.contains("cet identifiant est déjà pris"));

        let mut bea = Browser::new(&app);
        let resp = bea.log_in("bea", "autre phrase de passe", "/").await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER);
        let (user, hash) = app.store.user_for_login("bea").await.unwrap().unwrap();
        assert_eq!(user.role, Role::Supervisor);
        assert!(hash.starts_with("$argon2id$"), "{hash}");

        let log = admin.get("/admin/access-log").await;
        assert_eq!(log.status, StatusCode::OK);
        assert!(
            log.text.contains("Modification") && log.text.contains(&format!("user:{}", user.id)),
            "{}",
            log.text
        );
        assert_eq!(log.text.matches("<td>Connexion</td>").count(), 2, "{}", log.text);
    }
}

/// An urgent SMS from PARENT; returns its contact id.
async fn urgent_sms(app: &TestApp) -> i64 {
    let (status, _) = app
        .post_signed(
            &format!("{BASE}/twilio/sms"),
            &inbound(&sid("SM"), PARENT, "je veux mourir, je n'en peux plus"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    app.store.recent_contacts(1).await.unwrap()[0].contact_id
}

async fn access_actions(app: &TestApp) -> Vec<(String, Option<String>)> {
    let mut log: Vec<_> = app
        .store
        .access_log(None, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.subject))
        .collect();
    log.reverse();
    log
}

#[tokio::test]
async fn a_contact_shows_its_thread_and_timeline_and_every_view_and_reveal_is_logged() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        add_user(&app, "sam", Role::Supervisor).await;
        let id = urgent_sms(&app).await;
        let mut sam = Browser::new(&app);
        sam.log_in("sam", PASSWORD, "/").await;
        let page = sam.get(&format!("/contacts/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let html = &page.text;
        assert!(html.contains("Idées suicidaires"), "{html}");
        assert!(html.contains("je veux mourir"), "the thread, on the contact's own page");
        assert!(
            html.contains("Robot SMS") && html.contains("3114"),
            "the bot's answer: {html}"
        );
        assert!(
            html.contains("06 •• •• •• 23") && !html.contains("06 39 98 01 23"),
            "masked"
        );
        assert!(html.contains("Message urgent"));

        let csrf = hidden(html, "csrf");
        let revealed = sam.post(&format!("/contacts/{id}/reveal"), &[("csrf", &csrf)]).await;
        assert_eq!(revealed.status, StatusCode::OK);
        assert!(revealed.text.contains("06 39 98 01 23"), "{}", revealed.text);
        let subject = Some(format!("contact:{id}"));
        let log = access_actions(&app).await;
        assert!(log.contains(&("view-contact".into(), subject.clone())), "{log:?}");
        assert!(log.contains(&("reveal-number".into(), subject)), "{log:?}");

        assert_eq!(sam.get("/contacts/999999").await.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn a_follow_up_is_assigned_closed_with_an_outcome_and_noted() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        add_user(&app, "sam", Role::Supervisor).await;
        let staff = app.store.list_staff().await.unwrap();
        let awa = staff[0].id;
        add_staff_user(&app, "awa", awa).await;
        add_user(&app, "bob", Role::Staff).await;
        let id = urgent_sms(&app).await;
        let mut sam = Browser::new(&app);
        sam.log_in("sam", PASSWORD, "/").await;
        let url = format!("/contacts/{id}");
        let csrf = hidden(&sam.get(&url).await.text, "csrf");

        // Closing needs an outcome; every problem is tied to its field and nothing changes.
        let resp = sam
            .post(
                &format!("{url}/follow-up"),
                &[
                    ("csrf", &csrf),
                    ("state", "closed"),
                    ("outcome", ""),
                    ("assigned_staff_id", "x"),
                    ("due_at", "demain"),
                ],
            )
            .await;
        assert_eq!(resp.status, StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["outcome", "assigned_staff_id", "due_at"] {
            assert!(
                resp.text.contains(&format!("aria-describedby=\"erreur-{field}\"")),
                "{field}"
            );
        }
        assert_eq!(app.store.follow_up_for_contact(id).await.unwrap().unwrap().state, "new");

        // Assigned to Awa, in progress.
        let resp = sam
            .post(
                &format!("{url}/follow-up"),
                &[
                    ("csrf", &csrf),
                    ("state", "in-progress"),
                    ("outcome", ""),
                    ("assigned_staff_id", &awa.to_string()),
                    ("due_at", "2026-11-24T12:00"),
                ],
            )
            .await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.text);
        let f = app.store.follow_up_for_contact(id).await.unwrap().unwrap();
        assert_eq!((f.state.as_str(), f.assigned_staff_id), ("in-progress", Some(awa)));
        assert_eq!(f.due_at, paris(2026, 11, 24, 12, 0));

        // A note: an empty one is refused, a real one is kept with its author.
        assert_eq!(
            sam.post(&format!("{url}/notes"), &[("csrf", &csrf), ("body", "  ")])
                .await
                .status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let resp = sam
            .post(
                &format!("{url}/notes"),
                &[
                    ("csrf", &csrf),
                    ("body", "Maman rappelée, orientée vers le CMP. Rappeler jeudi."),
                ],
            )
            .await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER);

        // Awa closes it: she reached the mother.
        let mut awa_browser = Browser::new(&app);
        awa_browser.log_in("awa", PASSWORD, "/").await;
        let page = awa_browser.get(&url).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.text.contains("Orientée vers le CMP") || page.text.contains("orientée vers le CMP"),
            "{}",
            page.text
        );
        assert!(page.text.contains("Personne sam"), "the note's author");
        let csrf_awa = hidden(&page.text, "csrf");
        let resp = awa_browser
            .post(
                &format!("{url}/follow-up"),
                &[
                    ("csrf", &csrf_awa),
                    ("state", "closed"),
                    ("outcome", "reached"),
                    ("assigned_staff_id", &awa.to_string()),
                    ("due_at", "2026-11-24T12:00"),
                ],
            )
            .await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER);
        let f = app.store.follow_up_for_contact(id).await.unwrap().unwrap();
        assert_eq!((f.state.as_str(), f.outcome.as_deref()), ("closed", Some("reached")));
        let page = awa_browser.get(&url).await;
        assert!(
            page.text.contains("Suivi : Clos, Parent joint"),
            "on the timeline: {}",
            page.text
        );
        assert!(page.text.contains("Note ajoutée"));
        assert!(
            sam.get("/").await.text.contains("Aucun message urgent en attente."),
            "no longer waiting"
        );

        // Awa handled it and still opens it; Bob, who did not, no longer can once it is closed.
        assert_eq!(awa_browser.get(&url).await.status, StatusCode::OK);
        let mut bob = Browser::new(&app);
        bob.log_in("bob", PASSWORD, "/").await;
        assert_eq!(bob.get(&url).await.status, StatusCode::FORBIDDEN, "{backend:?}");
    }
}
