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

    /// Changes a contact's follow-up through its page's form; the change must be accepted.
    async fn change_follow_up(&mut self, contact: i64, state: &str, assigned: Option<i64>, due_at: &str) {
        let csrf = hidden(&self.get(&format!("/contacts/{contact}")).await.text, "csrf");
        let assigned = assigned.map(|id| id.to_string()).unwrap_or_default();
        let resp = self
            .post(
                &format!("/contacts/{contact}/follow-up"),
                &[
                    ("csrf", &csrf),
                    ("state", state),
                    ("outcome", ""),
                    ("assigned_staff_id", &assigned),
                    ("due_at", due_at),
                ],
            )
            .await;
        assert_eq!(resp.status, StatusCode::SEE_OTHER, "{}", resp.text);
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
        texts(&app, PARENT, "je veux mourir, je n'en peux plus").await;
        texts(&app, "+33639980456", "RAPPEL").await;

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
        assert_eq!(
            log.text.matches(r#"<td data-label="Action">Connexion</td>"#).count(),
            2,
            "{}",
            log.text
        );
    }
}

/// A parent's SMS, as the provider posts it; returns the newest contact's id.
async fn texts(app: &TestApp, from: &str, body: &str) -> i64 {
    let (status, _) = app
        .post_signed(&format!("{BASE}/twilio/sms"), &inbound(&sid("SM"), from, body), &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    app.store.recent_contacts(1).await.unwrap()[0].contact_id
}

/// An urgent SMS from PARENT; returns its contact id.
async fn urgent_sms(app: &TestApp) -> i64 {
    texts(app, PARENT, "je veux mourir, je n'en peux plus").await
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

/// The contact ids a list page links to, in order.
fn listed_ids(html: &str) -> Vec<i64> {
    let table = html
        .split("<tbody>")
        .nth(1)
        .map_or("", |t| t.split("</tbody>").next().unwrap());
    table
        .split("href=\"/contacts/")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
        .collect()
}

/// The `href` of the link whose text starts with `text`.
fn link(html: &str, text: &str) -> String {
    let end = html.find(text).unwrap_or_else(|| panic!("no link {text} in {html}"));
    let start = html[..end].rfind("href=\"").unwrap() + 6;
    html[start..start + html[start..].find('"').unwrap()]
        .replace("&amp;", "&")
        .replace("&#38;", "&")
}

#[tokio::test]
async fn the_contacts_list_filters_pages_by_keyset_and_keeps_staff_to_their_own() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        add_user(&app, "sam", Role::Supervisor).await;
        let awa = app.store.list_staff().await.unwrap()[0].id;
        add_staff_user(&app, "awa", awa).await;
        let urgent = urgent_sms(&app).await;
        for i in 0..55 {
            texts(
                &app,
                &format!("+336399{:05}", 10_000 + i),
                "vous etes ouverts le samedi ?",
            )
            .await;
        }
        let callback = texts(&app, "+33639980456", "RAPPEL").await;

        let mut sam = Browser::new(&app);
        sam.log_in("sam", PASSWORD, "/").await;
        let first = sam.get("/contacts").await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.text);
        assert!(
            !first.text.contains("+336399") && first.text.contains("06 •• ••"),
            "numbers masked"
        );
        let page1 = listed_ids(&first.text);
        assert_eq!(page1.len(), 50);
        assert_eq!(page1[0], callback, "newest first");
        let second = sam.get(&link(&first.text, "Contacts plus anciens")).await;
        let page2 = listed_ids(&second.text);
        assert_eq!(page2.len(), 7, "{}", second.text);
        assert_eq!(*page2.last().unwrap(), urgent);
        assert!(second.text.contains("Revenir aux plus récents") && !second.text.contains("rel=\"next\""));
        let mut all: Vec<i64> = page1.iter().chain(&page2).copied().collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 57, "no contact twice, none left out");

        assert_eq!(listed_ids(&sam.get("/contacts?urgent=1").await.text), [urgent]);
        assert_eq!(
            listed_ids(&sam.get("/contacts?follow_up=open").await.text),
            [callback, urgent]
        );
        assert_eq!(
            listed_ids(&sam.get("/contacts?need=idees-suicidaires&channel=sms").await.text),
            [urgent]
        );
        let none = sam.get("/contacts?channel=voice").await;
        assert!(
            none.text.contains("Aucun contact ne correspond à ces filtres"),
            "{}",
            none.text
        );
        let today = open_hours().with_timezone(&chrono_tz::Europe::Paris).date_naive();
        let dated = sam
            .get(&format!("/contacts?from={today}&to={today}&follow_up=none"))
            .await;
        assert_eq!(
            listed_ids(&dated.text).len(),
            50,
            "today's contacts without a follow-up"
        );
        let rest = sam.get(&link(&dated.text, "Contacts plus anciens")).await;
        assert_eq!(
            listed_ids(&rest.text).len(),
            5,
            "the next page keeps the filters: {}",
            link(&dated.text, "Contacts plus anciens")
        );
        let tomorrow = today.succ_opt().unwrap();
        assert!(listed_ids(&sam.get(&format!("/contacts?from={tomorrow}")).await.text).is_empty());

        let bad = sam.get("/contacts?from=03%2F12%2F2026&channel=fax").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        for field in ["from", "channel"] {
            assert!(
                bad.text.contains(&format!("aria-describedby=\"erreur-{field}\"")),
                "{field}: {}",
                bad.text
            );
        }
        assert!(
            listed_ids(&bad.text).is_empty(),
            "a wrong filter shows no list that looks complete"
        );

        // Staff see what they handled, whatever the URL asks for.
        let mut awa_browser = Browser::new(&app);
        awa_browser.log_in("awa", PASSWORD, "/").await;
        assert!(listed_ids(&awa_browser.get("/contacts").await.text).is_empty());
        sam.change_follow_up(urgent, "in-progress", Some(awa), "2026-11-24T12:00")
            .await;
        let mine = awa_browser.get("/contacts?staff=").await;
        assert_eq!(listed_ids(&mine.text), [urgent], "{}", mine.text);
        assert!(!mine.text.contains("id=\"staff\""), "no professional filter for staff");
    }
}

#[tokio::test]
async fn follow_ups_are_listed_mine_or_everyones_urgent_then_overdue_first_with_their_age() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        add_user(&app, "sam", Role::Supervisor).await;
        let awa = app.store.list_staff().await.unwrap()[0].id;
        add_staff_user(&app, "awa", awa).await;
        let callback = texts(&app, "+33639980456", "RAPPEL").await;
        let urgent = urgent_sms(&app).await;

        let mut sam = Browser::new(&app);
        sam.log_in("sam", PASSWORD, "/").await;
        let all = sam.get("/follow-ups").await;
        assert_eq!(all.status, StatusCode::OK, "{}", all.text);
        assert!(
            all.text.contains("<h1>Tous les suivis</h1>"),
            "a supervisor outside the directory sees everyone's"
        );
        assert_eq!(
            listed_ids(&all.text),
            [urgent, callback],
            "urgent first, although more recent"
        );
        assert!(all.text.contains("à l&#39;instant") && all.text.contains("06 •• •• •• 56"));
        assert!(sam
            .get("/follow-ups?who=mine")
            .await
            .text
            .contains("pas lié à une fiche du répertoire"));
        assert_eq!(sam.get("/follow-ups?who=nobody").await.status, StatusCode::BAD_REQUEST);

        sam.change_follow_up(callback, "waiting", Some(awa), "2026-11-24T09:00")
            .await;

        let mut awa_browser = Browser::new(&app);
        awa_browser.log_in("awa", PASSWORD, "/").await;
        let mine = awa_browser.get("/follow-ups").await;
        assert!(
            mine.text.contains("<h1>Mes suivis</h1>"),
            "a professional's own queue by default"
        );
        assert_eq!(listed_ids(&mine.text), [callback]);
        assert!(
            mine.text.contains("en retard de 1 h") && mine.text.contains("En attente"),
            "{}",
            mine.text
        );
        let everyone = awa_browser.get("/follow-ups?who=all").await;
        assert_eq!(listed_ids(&everyone.text), [urgent, callback]);
        assert!(
            everyone.text.contains("Pro "),
            "who it is assigned to: {}",
            everyone.text
        );
    }
}

#[tokio::test]
async fn the_rota_shows_the_week_and_a_supervisor_takes_someone_off_in_two_clicks() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        add_user(&app, "sam", Role::Supervisor).await;
        let staff = app.store.list_staff().await.unwrap();
        let midwife = staff.iter().find(|s| s.name == "Pro sage-femme").unwrap().id;
        add_staff_user(&app, "awa", staff[0].id).await;

        let mut awa = Browser::new(&app);
        awa.log_in("awa", PASSWORD, "/").await;
        let week = awa.get("/rota").await;
        assert_eq!(week.status, StatusCode::OK, "{}", week.text);
        assert!(week.text.contains("Semaine du lundi 23 novembre"), "{}", week.text);
        assert!(week
            .text
            .contains("Pro sage-femme <span class=\"muted\">0 h 00 – 24 h 00</span>"));
        assert!(week.text.contains("Annuaire de l'équipe") && week.text.contains("06 39 98 00 02"));
        assert!(
            !week.text.contains("Modifier le planning"),
            "staff read the rota, supervisors change it"
        );
        let csrf = hidden(&week.text, "csrf");
        let refused = awa
            .post("/rota/overrides", &[("csrf", &csrf), ("role", "sage-femme")])
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        let mut sam = Browser::new(&app);
        sam.log_in("sam", PASSWORD, "/").await;
        let week = sam.get("/rota?week=2026-11-26").await;
        assert!(
            week.text.contains("Semaine du lundi 23 novembre"),
            "any day shows its week"
        );
        // First click: "remplacer" on Tuesday's shift prefills the form.
        let section = week.text.find("id=\"role-sage-femme\"").unwrap();
        let tuesday = section + week.text[section..].find("Mardi 24 novembre").unwrap();
        let href = link(&week.text[tuesday..], "remplacer</a>");
        let href = href.replace("&#38;", "&");
        let form = sam.get(&href).await;
        assert!(form.text.contains("value=\"2026-11-24T00:00\""), "{}", form.text);
        assert!(form.text.contains(&format!("<option value=\"{midwife}\" selected>")));
        let csrf = hidden(&form.text, "csrf");
        // Replacing someone by themselves is refused, with the field named.
        let same = sam
            .post(
                "/rota/overrides",
                &[
                    ("csrf", &csrf),
                    ("role", "sage-femme"),
                    ("kind", "replace"),
                    ("staff", &midwife.to_string()),
                    ("by", &midwife.to_string()),
                    ("starts_at", "2026-11-24T00:00"),
                    ("ends_at", "2026-11-25T00:00"),
                    ("note", ""),
                ],
            )
            .await;
        assert_eq!(same.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(same.text.contains("aria-describedby=\"erreur-by\""), "{}", same.text);
        // Second click: take her off on Tuesday afternoon.
        let added = sam
            .post(
                "/rota/overrides",
                &[
                    ("csrf", &csrf),
                    ("role", "sage-femme"),
                    ("kind", "remove"),
                    ("staff", &midwife.to_string()),
                    ("by", ""),
                    ("starts_at", "2026-11-24T14:00"),
                    ("ends_at", "2026-11-24T18:00"),
                    ("note", "formation"),
                ],
            )
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.text);
        let location = added.headers.get("location").unwrap().to_str().unwrap().to_owned();
        let week = sam.get(&location).await;
        assert!(
            week.text.contains("Modification du planning enregistrée"),
            "{}",
            week.text
        );
        assert!(
            week.text
                .contains("Pro sage-femme n&#39;est pas de garde</strong>, aujourd&#39;hui, de 14 h 00 à 18 h 00"),
            "{}",
            week.text
        );
        assert!(
            week.text.contains("<li class=\"gap\">14 h 00 – 18 h 00"),
            "the gap is shown: {}",
            week.text
        );
        assert!(access_actions(&app).await.iter().any(|(a, _)| a == "add-override"));
        // Who is on duty follows at once.
        let who = app.store.roster(paris(2026, 11, 24, 15, 0)).await.unwrap();
        assert_eq!(who.overrides.len(), 1);

        let id = who.overrides[0].id;
        let csrf = hidden(&week.text, "csrf");
        let removed = sam
            .post(
                &format!("/rota/overrides/{id}/delete"),
                &[("csrf", &csrf), ("week", "2026-11-23")],
            )
            .await;
        assert_eq!(removed.status, StatusCode::SEE_OTHER);
        let week = sam
            .get(removed.headers.get("location").unwrap().to_str().unwrap())
            .await;
        assert!(!week.text.contains("<li class=\"gap\">"), "{}", week.text);
        assert!(access_actions(&app).await.iter().any(|(a, _)| a == "delete-override"));
    }
}

#[tokio::test]
async fn figures_count_a_day_of_calls_and_messages_draw_charts_and_export_nothing_personal() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        add_user(&app, "sam", Role::Supervisor).await;
        add_user(&app, "awa", Role::Staff).await;
        // One call answered by the lactation consultant, one abandoned in the menu, one urgent SMS.
        let mut call = Call::dial_in(&app, PARENT).await;
        call.press("2").await;
        call.professional_takes_the_call().await;
        assert_eq!(call.status("completed", Some(320)).await, StatusCode::OK);
        let mut call = Call::dial_in(&app, "+33639980777").await;
        call.press("6").await;
        assert_eq!(call.status("completed", Some(25)).await, StatusCode::OK);
        urgent_sms(&app).await;

        let mut sam = Browser::new(&app);
        sam.log_in("sam", PASSWORD, "/").await;
        let page = sam.get("/figures").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let html = &page.text;
        for total in [
            "<strong>2</strong> appels",
            "<strong>1</strong> décrochés",
            "<strong>1</strong> manqués",
            "<strong>50 %</strong> taux de décroché",
            "<strong>1</strong> abandons",
            "<strong>1</strong> conversations SMS",
            "<strong>1</strong> urgents",
        ] {
            assert!(html.contains(total), "{total}: {html}");
        }
        // Three charts drawn on the server, each twice: for a desktop and for a phone.
        assert_eq!(html.matches("<svg").count(), 6);
        assert_eq!(html.matches(r#"class="chart chart-wide""#).count(), 3);
        assert_eq!(html.matches(r#"class="chart chart-narrow""#).count(), 3);
        assert!(
            html.contains("<td>infos</td><td>1</td>"),
            "where the caller hung up: {html}"
        );
        assert!(
            !html.contains("06 •• ••") && !html.contains("+336"),
            "no number on the figures"
        );

        let csv = sam.get(&link(html, "Exporter en CSV")).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv
            .headers
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
        assert!(csv
            .headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("chiffres-2026-10-26-2026-11-24.csv"));
        let mut reader = csv::Reader::from_reader(csv.text.trim_start_matches('\u{feff}').as_bytes());
        let headers = reader.headers().unwrap().clone();
        let total = reader.records().map(Result::unwrap).last().unwrap();
        let column = |name: &str| {
            total
                .get(
                    headers
                        .iter()
                        .position(|h| h == name)
                        .unwrap_or_else(|| panic!("{name}: {headers:?}")),
                )
                .unwrap()
                .to_owned()
        };
        assert_eq!(
            (column("appels"), column("décrochés"), column("abandons"), column("SMS")),
            ("2".into(), "1".into(), "1".into(), "1".into())
        );
        assert!(
            !csv.text.contains("+336") && !csv.text.contains("mourir"),
            "nothing personal in the export"
        );
        assert!(access_actions(&app).await.iter().any(|(a, _)| a == "export-figures"));

        let bad = sam.get("/figures?period=jour&from=2020-01-01&to=2026-11-24").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(bad.text.contains("aria-describedby=\"erreur-from\""));

        let mut awa = Browser::new(&app);
        awa.log_in("awa", PASSWORD, "/").await;
        assert_eq!(awa.get("/figures").await.status, StatusCode::FORBIDDEN);
        assert_eq!(awa.get("/figures.csv").await.status, StatusCode::FORBIDDEN);
    }
}

/// The account of the fake provider used for click-to-call and recordings.
const PROVIDER_ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";

#[tokio::test]
async fn from_a_contact_a_professional_listens_calls_back_and_texts_the_parent() {
    use crate::fake_twilio::{FakeTwilio, CREATE_CALL, FAKE_AUDIO};
    for backend in backends() {
        let fake = FakeTwilio::start_with(PROVIDER_ACCOUNT, TOKEN).await;
        let dir = tempfile::tempdir().unwrap();
        let url = fresh_database(&backend, dir.path()).await;
        let base = fake.base_url();
        let settings = settings(
            &url,
            &[("TWILIO_ACCOUNT_SID", PROVIDER_ACCOUNT), ("TWILIO_API_BASE", &base)],
        );
        let store = numerovert::db::connect(&settings.database_url).await.unwrap();
        // Christmas: the line is closed, the parent leaves a message.
        let app = TestApp::with_store(settings, store, paris(2026, 12, 25, 10, 0), dir);
        let midwife = app
            .on_call("sage-femme", &[("Awa Diallo", "+33639980021")], "00:00-24:00")
            .await[0];
        add_staff_user(&app, "awa", midwife).await;
        add_user(&app, "sam", Role::Supervisor).await;
        let mut call = Call::dial_in(&app, PARENT).await;
        call.press("1").await;
        call.leave_message("RE0123456789abcdef0123456789abcdef", 42).await;
        assert_eq!(
            call.recording_ready("RE0123456789abcdef0123456789abcdef", 42).await,
            StatusCode::OK
        );
        call.status("completed", Some(80)).await;
        let voice = app.store.contact_for_call(&call.sid).await.unwrap().unwrap().contact_id;

        let mut awa = Browser::new(&app);
        awa.log_in("awa", PASSWORD, "/").await;
        let page = awa.get(&format!("/contacts/{voice}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let audio = format!("/contacts/{voice}/recordings/RE0123456789abcdef0123456789abcdef");
        assert!(
            page.text
                .contains(&format!("<audio controls preload=\"none\" src=\"{audio}\"")),
            "{}",
            page.text
        );
        assert!(
            !page.text.contains(&base) && !page.text.contains("api.twilio.com"),
            "the provider's URL stays on the server"
        );
        assert!(
            !page.text.contains("Répondre par SMS"),
            "a call has no SMS thread to write into"
        );

        // Listening goes through the service, with the account's credentials, and is logged.
        let played = awa.get(&audio).await;
        assert_eq!(played.status, StatusCode::OK);
        assert_eq!(played.headers.get("content-type").unwrap(), "audio/mpeg");
        assert_eq!(played.text.as_bytes(), FAKE_AUDIO);
        let anonymous = Browser::new(&app).get(&audio).await;
        assert_eq!(anonymous.status, StatusCode::SEE_OTHER, "no session, no recording");
        assert!(anonymous
            .headers
            .get("location")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("/login"));
        assert_eq!(
            awa.get(&format!(
                "/contacts/{voice}/recordings/RE00000000000000000000000000000000"
            ))
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        assert!(access_actions(&app)
            .await
            .contains(&("play-recording".into(), Some(format!("contact:{voice}")))));

        // Click-to-call: Awa's phone rings first.
        fake.clear_requests();
        let csrf = hidden(&page.text, "csrf");
        let called = awa
            .post(&format!("/contacts/{voice}/call-back"), &[("csrf", &csrf)])
            .await;
        assert_eq!(called.status, StatusCode::OK, "{}", called.text);
        assert!(called.text.contains("Votre téléphone va sonner"), "{}", called.text);
        let placed: Vec<_> = fake
            .requests()
            .into_iter()
            .filter(|r| r.operation == Some(CREATE_CALL))
            .collect();
        assert_eq!(placed.len(), 1, "{placed:?}");
        assert!(
            placed[0].params.contains(&("To".into(), "+33639980021".into())),
            "{:?}",
            placed[0].params
        );
        assert!(access_actions(&app).await.iter().any(|(a, _)| a == "call-back"));
        let again = awa
            .post(&format!("/contacts/{voice}/call-back"), &[("csrf", &csrf)])
            .await;
        assert_eq!(
            again.status,
            StatusCode::CONFLICT,
            "two people never ring the same parent at once"
        );
        assert!(again.text.contains("un rappel est déjà en cours"));

        // An SMS conversation: a professional answers in the thread, through the outbox.
        let sms = texts(&app, "+33639980456", "RAPPEL").await;
        let mut sam = Browser::new(&app);
        sam.log_in("sam", PASSWORD, "/").await;
        let page = sam.get(&format!("/contacts/{sms}")).await;
        assert!(page.text.contains("Répondre par SMS"));
        let csrf = hidden(&page.text, "csrf");
        let empty = sam
            .post(&format!("/contacts/{sms}/sms"), &[("csrf", &csrf), ("body", "  ")])
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        let text = "Bonjour, c’est Léa, sage-femme de la Maison. Je vous appelle à 14 h, ça vous va ?";
        let sent = sam
            .post(&format!("/contacts/{sms}/sms"), &[("csrf", &csrf), ("body", text)])
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text);
        let outbox = app.store.list_outbox(10).await.unwrap();
        let queued = outbox
            .iter()
            .find(|m| m.purpose == "reply" && m.to_number == "+33639980456" && m.body.contains("Léa"))
            .expect("queued");
        assert!(
            queued.body.contains("c'est Léa"),
            "typographic apostrophes tidied: {}",
            queued.body
        );
        let thread = sam.get(&format!("/contacts/{sms}")).await.text;
        assert!(
            thread.contains("Professionnel·le") && thread.contains("SMS envoyé au parent par un·e professionnel·le"),
            "{thread}"
        );

        // After STOP, nothing is pushed to the parent.
        texts(&app, "+33639980456", "STOP").await;
        let refused = sam
            .post(
                &format!("/contacts/{sms}/sms"),
                &[("csrf", &csrf), ("body", "Rappel demain")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text.contains("STOP"), "{}", refused.text);
    }
}

#[tokio::test]
async fn supervisors_try_the_bot_edit_an_answer_see_unanswered_questions_and_reload_the_scripts() {
    for backend in backends() {
        // The scripts are copied: the test edits them.
        let scripts = tempfile::tempdir().unwrap();
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/ivr-scripts")).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), scripts.path().join(entry.file_name())).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let url = fresh_database(&backend, dir.path()).await;
        let settings = settings(&url, &[("NUMEROVERT_SCRIPTS_DIR", scripts.path().to_str().unwrap())]);
        let store = numerovert::db::connect(&settings.database_url).await.unwrap();
        let app = TestApp::with_store(settings, store, open_hours(), dir);
        add_user(&app, "sam", Role::Supervisor).await;
        add_user(&app, "awa", Role::Staff).await;
        let lost = texts(&app, "+33639980456", "c ou chez vous svp").await;

        let mut sam = Browser::new(&app);
        sam.log_in("sam", PASSWORD, "/").await;
        let page = sam.get("/content").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        assert!(page.text.contains("href=\"/content/topics/biberon\""), "{}", page.text);
        assert!(
            page.text.contains("c ou chez vous svp") && page.text.contains(&format!("contact n° {lost}")),
            "the question the bot missed"
        );
        assert!(page.text.contains("main.toml"), "the IVR scripts are listed");
        assert!(page.text.contains("<title>Schéma du script"), "with a diagram of each");

        let urgent = sam.get("/content?q=je%20veux%20mourir").await;
        assert!(
            urgent.text.contains("Message urgent : idées suicidaires"),
            "{}",
            urgent.text
        );
        let tried = sam.get("/content?q=comment%20preparer%20un%20biberon").await;
        assert!(
            tried.text.contains("Réponse du sujet « les biberons »"),
            "{}",
            tried.text
        );

        let form = sam.get("/content/topics/biberon").await;
        assert!(form.text.contains("Réponse envoyée par SMS") && form.text.contains(" SMS"));
        let csrf = hidden(&form.text, "csrf");
        let empty = sam
            .post("/content/topics/biberon", &[("csrf", &csrf), ("answer", " ")])
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        let answer = "Biberon : eau en bouteille adaptée aux bébés, une mesurette rase pour 30 ml d'eau, l'eau d'abord, la poudre ensuite. La PMI vous conseille.";
        let saved = sam
            .post(
                "/content/topics/biberon",
                &[("csrf", &csrf), ("answer", answer), ("checked", "1")],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
        let file = std::fs::read_to_string(scripts.path().join("faq.toml")).unwrap();
        assert!(file.contains(answer), "the answer is in the reviewed file");
        assert!(
            file.starts_with("# Base de connaissances"),
            "the file's comments are kept"
        );
        assert!(file.contains("checked = 2026-11-24"), "the check date is today's");
        let tried = sam.get("/content?q=comment%20preparer%20un%20biberon").await;
        assert!(
            tried.text.contains("une mesurette rase pour 30 ml"),
            "the bot answers with it at once"
        );
        assert!(access_actions(&app)
            .await
            .contains(&("edit-content".into(), Some("topic:biberon".into()))));

        let reloaded = sam.post("/content/reload", &[("csrf", &csrf)]).await;
        assert_eq!(reloaded.status, StatusCode::SEE_OTHER);
        std::fs::write(scripts.path().join("main.toml"), "[script\nbroken").unwrap();
        let refused = sam.post("/content/reload", &[("csrf", &csrf)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text.contains("Rien n'a été rechargé"), "{}", refused.text);

        let mut awa = Browser::new(&app);
        awa.log_in("awa", PASSWORD, "/").await;
        assert_eq!(awa.get("/content").await.status, StatusCode::FORBIDDEN);
        let csrf = hidden(&awa.get("/").await.text, "csrf");
        assert_eq!(
            awa.post("/content/reload", &[("csrf", &csrf)]).await.status,
            StatusCode::FORBIDDEN
        );
    }
}
