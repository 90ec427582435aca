//! The test harness: an app per test on a fresh database, and a fake provider
//! that signs its webhooks, walks the TwiML it gets back and "presses keys".

use crate::postgres;
use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use chrono::{DateTime, TimeZone, Utc};
use http_body_util::BodyExt;
use numerovert::config::{FileConfig, Settings};
use numerovert::db::{self, Store};
use numerovert::http::{AppState, Clock};
use numerovert::ivr::library::Library;
use numerovert::telephony::signature;
use tower::ServiceExt;

pub const TOKEN: &str = "0123456789abcdef0123456789abcdef";
pub const BASE: &str = "https://helpline.example.org";
pub const LINE: &str = "+33199001234";
pub const FALLBACK: &str = "+33199009999";
pub const PARENT: &str = "+33639980123";

/// Which database a test runs on.
#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    Postgres(String),
}

/// SQLite always; PostgreSQL when `NUMEROVERT_TEST_POSTGRES_URL` is set (as `.ci/run` does).
pub fn backends() -> Vec<Backend> {
    let mut out = vec![Backend::Sqlite];
    if let Some(url) = postgres::admin_url("the PostgreSQL runs of the API tests are") {
        out.push(Backend::Postgres(url));
    }
    out
}

/// A fresh database URL for one test.
pub async fn fresh_database(backend: &Backend, dir: &std::path::Path) -> String {
    match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.join("test.db").display()),
        Backend::Postgres(admin_url) => postgres::fresh_database(admin_url).await,
    }
}

/// Settings of the demo, pointed at a test database and a fixed public URL.
pub fn settings(database_url: &str, extra: &[(&str, &str)]) -> Settings {
    let file: FileConfig = toml::from_str(numerovert::app::DEMO_CONFIG).unwrap();
    let mut env: BTreeMap<String, String> = BTreeMap::new();
    env.insert("NUMEROVERT_DATABASE_URL".into(), database_url.into());
    env.insert("NUMEROVERT_PUBLIC_URL".into(), BASE.into());
    env.insert(
        "NUMEROVERT_SCRIPTS_DIR".into(),
        concat!(env!("CARGO_MANIFEST_DIR"), "/ivr-scripts").into(),
    );
    env.insert("TWILIO_AUTH_TOKEN".into(), TOKEN.into());
    for (k, v) in extra {
        env.insert((*k).into(), (*v).into());
    }
    Settings::from_parts(&env, file).expect("test settings are valid")
}

/// Paris wall-clock time as a UTC instant.
pub fn paris(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Paris
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("an unambiguous Paris time")
        .with_timezone(&Utc)
}

/// A Tuesday morning: the line is open.
pub fn open_hours() -> DateTime<Utc> {
    paris(2026, 11, 24, 10, 0)
}

pub struct TestApp {
    pub router: Router,
    pub store: Arc<dyn Store>,
    /// The test database, for tests that break it on purpose.
    pub database_url: String,
    _dir: tempfile::TempDir,
}

impl TestApp {
    pub async fn spawn(backend: &Backend, at: DateTime<Utc>) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let url = fresh_database(backend, dir.path()).await;
        let settings = settings(&url, &[]);
        let store = db::connect(&settings.database_url)
            .await
            .expect("the test database opens");
        TestApp::with_store(settings, store, at, dir)
    }

    /// A service whose every role has one person on duty around the clock:
    /// reception +33639980001, midwife …02, nurse …03, psychologist …04,
    /// lactation consultant …05, social worker …06.
    pub async fn spawn_with_team(backend: &Backend, at: DateTime<Utc>) -> TestApp {
        let app = TestApp::spawn(backend, at).await;
        for (i, role) in TEAM_ROLES.iter().enumerate() {
            let phone = format!("+3363998000{}", i + 1);
            app.on_call(role, &[(&format!("Pro {role}"), &phone)], "00:00-24:00")
                .await;
        }
        app
    }

    /// Adds staff for `role` and a rule putting them on duty every day in
    /// `window`, in this order; returns their ids.
    pub async fn on_call(&self, role: &str, people: &[(&str, &str)], window: &str) -> Vec<i64> {
        use numerovert::routing::directory::{validate_rule, validate_staff, RuleDraft, StaffDraft};
        let roles: Vec<String> = TEAM_ROLES.iter().map(|r| r.to_string()).collect();
        let mut ids = Vec::new();
        for (name, phone) in people {
            let draft = StaffDraft {
                name: (*name).into(),
                phone: (*phone).into(),
                roles: vec![role.into()],
                active: true,
            };
            let input = validate_staff(&draft, &roles).expect("a valid test staff member");
            ids.push(self.store.add_staff(&input, Utc::now()).await.unwrap().id);
        }
        let roster = self.store.roster(Utc::now()).await.unwrap();
        let draft = RuleDraft {
            role: role.into(),
            days: [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ]
            .map(String::from)
            .to_vec(),
            window: window.into(),
            holidays: Default::default(),
            rotation: None,
            staff: ids.clone(),
            priority: 0,
        };
        let rule = validate_rule(&draft, &roster, &roles).expect("a valid test rule");
        self.store.add_rule(&rule, Utc::now()).await.unwrap();
        ids
    }

    pub fn with_store(settings: Settings, store: Arc<dyn Store>, at: DateTime<Utc>, dir: tempfile::TempDir) -> TestApp {
        TestApp::with_clock(settings, store, Arc::new(move || at), dir)
    }

    pub fn with_clock(settings: Settings, store: Arc<dyn Store>, clock_fn: Clock, dir: tempfile::TempDir) -> TestApp {
        // The distress classifier trains once per process, as `serve` does at
        // start-up before it reports ready: a test's first SMS must not be the
        // one that waits for it (seconds in a debug build, past the webhook's deadline).
        numerovert::sms::safety::model::warm_up();
        let scripts =
            Arc::new(Library::load(&settings.scripts_dir, settings.role_ids()).expect("shipped scripts are valid"));
        let database_url = settings.database_url.expose().to_owned();
        let router = numerovert::http::router(AppState::new(settings, store.clone(), scripts, clock_fn));
        TestApp {
            router,
            store,
            database_url,
            _dir: dir,
        }
    }

    /// Posts a form to an absolute URL of the service, signed as Twilio would sign it.
    pub async fn post_signed(
        &self,
        url: &str,
        params: &[(String, String)],
        headers: &[(&str, &str)],
    ) -> (StatusCode, String) {
        let sig = signature::compute(TOKEN, url, params, signature::Algorithm::HmacSha1);
        let mut all = vec![("X-Twilio-Signature", sig.as_str())];
        all.extend_from_slice(headers);
        self.post(url, params, &all).await
    }

    pub async fn post(&self, url: &str, params: &[(String, String)], headers: &[(&str, &str)]) -> (StatusCode, String) {
        let path = url.strip_prefix(BASE).unwrap_or(url);
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params)
            .finish();
        let mut req = Request::post(path).header("content-type", "application/x-www-form-urlencoded; charset=UTF-8");
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(req.body(Body::from(body)).unwrap()).await
    }

    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        self.send(Request::get(path).body(Body::empty()).unwrap()).await
    }

    /// Creates a supervisor's API token named `name` directly in the store; returns the token.
    pub async fn api_token(&self, name: &str) -> String {
        self.api_token_with_role(name, "supervisor").await
    }

    /// Creates an API token with `role` (`staff`, `supervisor`); returns the token.
    pub async fn api_token_with_role(&self, name: &str, role: &str) -> String {
        let (token, hash) = numerovert::routing::directory::new_secret();
        self.store
            .add_api_token(name, role, &hash, open_hours())
            .await
            .expect("the token is stored");
        token
    }

    /// Sends a JSON API request (`body` as JSON when given) with an optional bearer token.
    pub async fn api(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<serde_json::Value>,
    ) -> ApiResponse {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(token) = token {
            req = req.header("authorization", format!("Bearer {token}"));
        }
        let req = match body {
            Some(json) => req
                .header("content-type", "application/json")
                .body(Body::from(json.to_string())),
            None => req.body(Body::empty()),
        };
        self.raw(req.unwrap()).await
    }

    /// Sends any request; returns status, headers and body.
    pub async fn raw(&self, req: Request<Body>) -> ApiResponse {
        let resp = self.router.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8(body.to_vec()).unwrap();
        ApiResponse { status, headers, text }
    }

    async fn send(&self, req: Request<Body>) -> (StatusCode, String) {
        let resp = self.router.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8(body.to_vec()).unwrap())
    }

    /// The outcome of each transfer attempt of a contact, in order.
    pub async fn attempt_outcomes(&self, contact_id: i64) -> Vec<String> {
        let attempts = self.store.attempts(contact_id).await.unwrap();
        attempts.into_iter().map(|a| a.outcome).collect()
    }

    pub async fn timeline_kinds(&self, call_sid: &str) -> Vec<String> {
        let contact = self
            .store
            .contact_for_call(call_sid)
            .await
            .unwrap()
            .expect("the call is stored");
        self.store
            .timeline(contact.contact_id)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.kind)
            .collect()
    }
}

/// An answer of the service, for the JSON API and the calendar feeds.
#[derive(Debug)]
pub struct ApiResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub text: String,
}

impl ApiResponse {
    /// The body as JSON; panics with the body when it is not.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A parsed TwiML element: the one the rehearsal's simulated provider reads.
pub use numerovert::rehearsal::provider::El;

pub fn parse_twiml(xml: &str) -> El {
    numerovert::rehearsal::provider::parse(xml).unwrap_or_else(|e| panic!("{e}: {xml}"))
}

pub const TEAM_ROLES: [&str; 6] = [
    "accueil",
    "sage-femme",
    "puericultrice",
    "psychologue",
    "conseillere-lactation",
    "travailleur-social",
];

/// Webhook parameters `p`, with `extra` replacing or adding values: Twilio
/// sends each parameter once, and the handlers read the first.
pub fn with_params(mut p: Vec<(String, String)>, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    for (k, v) in extra {
        match p.iter_mut().find(|(pk, _)| pk == k) {
            Some(slot) => slot.1 = (*v).to_owned(),
            None => p.push(((*k).to_owned(), (*v).to_owned())),
        }
    }
    p
}

/// One simulated call: the provider's side.
pub struct Call<'a> {
    pub app: &'a TestApp,
    pub sid: String,
    pub from: String,
    /// The last TwiML document received.
    pub doc: El,
    pub raw: String,
    /// The last document the professional's leg received (screening).
    pub leg_doc: El,
    pub leg_raw: String,
}

impl<'a> Call<'a> {
    fn params(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let p: Vec<(String, String)> = vec![
            ("AccountSid".into(), "AC0123456789abcdef0123456789abcdef".into()),
            ("ApiVersion".into(), "2010-04-01".into()),
            ("CallSid".into(), self.sid.clone()),
            ("CallStatus".into(), "in-progress".into()),
            ("Called".into(), LINE.into()),
            ("Caller".into(), self.from.clone()),
            ("Direction".into(), "inbound".into()),
            ("From".into(), self.from.clone()),
            ("FromCountry".into(), "FR".into()),
            ("To".into(), LINE.into()),
            ("ToCountry".into(), "FR".into()),
        ];
        with_params(p, extra)
    }

    /// A parent dials the line.
    pub async fn dial_in(app: &'a TestApp, from: &str) -> Call<'a> {
        let mut call = Call {
            app,
            sid: format!("CA{}", uuid::Uuid::new_v4().simple()),
            from: from.into(),
            doc: El::default(),
            raw: String::new(),
            leg_doc: El::default(),
            leg_raw: String::new(),
        };
        let params = call.params(&[("CallStatus", "ringing")]);
        call.follow(&format!("{BASE}/twilio/voice"), params).await;
        call
    }

    async fn follow(&mut self, url: &str, params: Vec<(String, String)>) {
        let (status, body) = self.app.post_signed(url, &params, &[]).await;
        assert_eq!(status, StatusCode::OK, "{url}: {body}");
        self.doc = parse_twiml(&body);
        self.raw = body;
    }

    /// What the caller hears from the last document, in order.
    pub fn heard(&self) -> String {
        self.doc.said()
    }

    fn find(&self, name: &str) -> &El {
        self.doc
            .all()
            .into_iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no <{name}> in {}", self.raw))
    }

    /// Presses keys at the current `<Gather>`.
    pub async fn press(&mut self, digits: &str) {
        let gather = self.find("Gather");
        // Twilio's default finishOnKey is `#`: that key then ends input and is not sent.
        let finish = gather.attr("finishOnKey").unwrap_or("#");
        assert!(
            finish.is_empty() || !digits.contains(finish),
            "Twilio would swallow {finish:?} here: {}",
            self.raw
        );
        let action = gather.attr("action").expect("a Gather action").to_owned();
        let params = self.params(&[("Digits", digits), ("FinishedOnKey", ""), ("msg", "Gather End")]);
        self.follow(&action, params).await;
    }

    /// Says words at the current `<Gather>` (speech recognition result).
    pub async fn speak(&mut self, words: &str) {
        let action = self.find("Gather").attr("action").expect("a Gather action").to_owned();
        let params = self.params(&[("SpeechResult", words), ("Confidence", "0.9")]);
        self.follow(&action, params).await;
    }

    /// Presses nothing: Twilio falls through to the `<Redirect>` after the `<Gather>`.
    pub async fn stay_silent(&mut self) {
        let children = &self.doc.children;
        let at = children
            .iter()
            .position(|e| e.name == "Gather")
            .unwrap_or_else(|| panic!("no Gather in {}", self.raw));
        let redirect = children
            .get(at + 1)
            .filter(|e| e.name == "Redirect")
            .unwrap_or_else(|| panic!("no Redirect after the Gather in {}", self.raw));
        let url = redirect.text.clone();
        let params = self.params(&[]);
        self.follow(&url, params).await;
    }

    /// An attribute of the first `<name>` of the last document.
    pub fn find_attr(&self, name: &str, attr: &str) -> String {
        self.find(name)
            .attr(attr)
            .unwrap_or_else(|| panic!("no {attr} on <{name}> in {}", self.raw))
            .to_owned()
    }

    /// The caller's usual webhook parameters, plus `extra`.
    pub fn params_for_test(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        self.params(extra)
    }

    /// The caller leaves the queue of a simultaneous hunt with `result`
    /// (`bridged`, `leave`, `hangup`…): Twilio posts the `<Enqueue>` action.
    pub async fn queue_ends(&mut self, result: &str) {
        let action = self.find_attr("Enqueue", "action");
        let params = self.params(&[("QueueResult", result), ("QueueTime", "25")]);
        self.follow(&action, params).await;
    }

    /// The number the current `<Dial>` rings.
    pub fn ringing(&self) -> (String, Option<String>) {
        let dial = self.find("Dial");
        let number = dial
            .children
            .iter()
            .find(|c| c.name == "Number")
            .map(|n| n.text.clone())
            .unwrap_or_else(|| dial.text.clone());
        (number, dial.attr("callerId").map(str::to_owned))
    }

    fn number(&self) -> El {
        self.find("Dial")
            .children
            .iter()
            .find(|c| c.name == "Number")
            .cloned()
            .unwrap_or_else(|| panic!("no <Number> in {}", self.raw))
    }

    /// The leg of the professional being rung, as Twilio describes it.
    fn leg_params(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let number = self.number();
        let caller_id = self.find("Dial").attr("callerId").unwrap_or(LINE).to_owned();
        let p: Vec<(String, String)> = vec![
            ("AccountSid".into(), "AC0123456789abcdef0123456789abcdef".into()),
            ("ApiVersion".into(), "2010-04-01".into()),
            ("CallSid".into(), format!("CAleg{}", &self.sid[2..30])),
            ("CallStatus".into(), "in-progress".into()),
            ("Direction".into(), "outbound-dial".into()),
            ("From".into(), caller_id),
            ("ParentCallSid".into(), self.sid.clone()),
            ("To".into(), number.text.clone()),
        ];
        with_params(p, extra)
    }

    /// The professional's phone picks up: Twilio fetches the `<Number url>`
    /// (the screening prompt) on their leg. Returns what they hear.
    pub async fn professional_picks_up(&mut self) -> String {
        let url = self.number().attr("url").expect("a screened Number").to_owned();
        let params = self.leg_params(&[]);
        let (status, body) = self.app.post_signed(&url, &params, &[]).await;
        assert_eq!(status, StatusCode::OK, "{url}: {body}");
        self.leg_doc = parse_twiml(&body);
        self.leg_raw = body;
        self.leg_doc.said()
    }

    /// At the screening prompt the professional presses `digits` ("" = nothing:
    /// a voicemail or silence; Twilio then posts the action with no digits).
    /// Returns the leg's next document.
    pub async fn professional_presses(&mut self, digits: &str) -> El {
        let gather = self
            .leg_doc
            .all()
            .into_iter()
            .find(|e| e.name == "Gather")
            .cloned()
            .unwrap_or_else(|| panic!("no screening Gather in {}", self.leg_raw));
        let action = gather.attr("action").expect("a screening action").to_owned();
        let params = self.leg_params(&[("Digits", digits)]);
        let (status, body) = self.app.post_signed(&action, &params, &[]).await;
        assert_eq!(status, StatusCode::OK, "{action}: {body}");
        self.leg_raw = body.clone();
        self.leg_doc = parse_twiml(&body);
        self.leg_doc.clone()
    }

    /// Twilio reports a status of the professional's leg.
    pub async fn leg_status(&mut self, status: &str) -> StatusCode {
        let url = self
            .number()
            .attr("statusCallback")
            .expect("a leg status callback")
            .to_owned();
        let params = self.leg_params(&[("CallStatus", status), ("CallDuration", "12")]);
        self.app.post_signed(&url, &params, &[]).await.0
    }

    /// The professional picks up, hears the whisper, presses 1 and is bridged;
    /// the conversation ends normally. Returns the whisper.
    pub async fn professional_takes_the_call(&mut self) -> String {
        let whisper = self.professional_picks_up().await;
        let leg = self.professional_presses("1").await;
        assert!(
            !leg.children.iter().any(|v| v.name == "Hangup"),
            "an accepted leg is bridged, not hung up: {}",
            self.leg_raw
        );
        self.dial_ends("completed").await;
        whisper
    }

    /// The `<Dial>` ends with `status` (`completed`, `no-answer`, `busy`…).
    pub async fn dial_ends(&mut self, status: &str) {
        let action = self.find("Dial").attr("action").expect("a Dial action").to_owned();
        let mut extra = vec![
            ("DialCallStatus", status),
            ("DialCallSid", "CAchild000000000000000000000000001"),
        ];
        if status == "completed" {
            extra.push(("DialCallDuration", "300"));
        }
        let params = self.params(&extra);
        self.follow(&action, params).await;
    }

    /// The caller hangs up while the `<Dial>` rings: Twilio still posts its action,
    /// with the caller's leg already completed.
    pub async fn hang_up_while_ringing(&mut self) {
        let action = self.find("Dial").attr("action").expect("a Dial action").to_owned();
        let params = self.params(&[("DialCallStatus", "canceled"), ("CallStatus", "completed")]);
        self.follow(&action, params).await;
    }

    /// The caller speaks after the tone; Twilio posts the `<Record>` action.
    pub async fn leave_message(&mut self, recording_sid: &str, secs: u32) {
        let action = self.find("Record").attr("action").expect("a Record action").to_owned();
        let params = self.recording_params(recording_sid, secs, &[("Digits", "#")]);
        self.follow(&action, params).await;
    }

    /// The recording status callback Twilio sends once the file is ready.
    pub async fn recording_ready(&self, recording_sid: &str, secs: u32) -> StatusCode {
        let params = self.recording_params(
            recording_sid,
            secs,
            &[("RecordingStatus", "completed"), ("RecordingSource", "RecordVerb")],
        );
        self.app
            .post_signed(&format!("{BASE}/twilio/voice/recording"), &params, &[])
            .await
            .0
    }

    fn recording_params(&self, recording_sid: &str, secs: u32, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let url = format!(
            "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/{recording_sid}"
        );
        let secs = secs.to_string();
        let mut all = vec![
            ("RecordingSid", recording_sid),
            ("RecordingUrl", url.as_str()),
            ("RecordingDuration", secs.as_str()),
        ];
        all.extend_from_slice(extra);
        self.params(&all)
    }

    /// A status callback for this call.
    pub async fn status(&self, status: &str, duration: Option<u32>) -> StatusCode {
        let d = duration.map(|d| d.to_string()).unwrap_or_default();
        let mut extra = vec![("CallStatus", status), ("CallbackSource", "call-progress-events")];
        if duration.is_some() {
            extra.push(("CallDuration", d.as_str()));
        }
        let params = self.params(&extra);
        self.app
            .post_signed(&format!("{BASE}/twilio/voice/status"), &params, &[])
            .await
            .0
    }
}

/// A clock the test moves by hand, for what happens hours or days apart.
#[derive(Clone)]
pub struct ManualClock(Arc<std::sync::Mutex<DateTime<Utc>>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> ManualClock {
        ManualClock(Arc::new(std::sync::Mutex::new(at)))
    }

    pub fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("test clock lock poisoned")
    }

    /// Lets `by` pass.
    pub fn advance(&self, by: chrono::Duration) {
        *self.0.lock().expect("test clock lock poisoned") += by;
    }
}

impl TestApp {
    /// Like [`TestApp::spawn`], with the service's clock read from `clock`.
    pub async fn spawn_on_clock(backend: &Backend, clock: &ManualClock) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let url = fresh_database(backend, dir.path()).await;
        let settings = settings(&url, &[]);
        let store = db::connect(&settings.database_url)
            .await
            .expect("the test database opens");
        let clock = clock.clone();
        TestApp::with_clock(settings, store, Arc::new(move || clock.now()), dir)
    }
}

/// Renames a table behind the app's back (to `<table>_gone`), so that every
/// query on it fails: how tests make the database break mid-run.
pub async fn rename_table(backend: &Backend, url: &str, table: &str) {
    use sqlx::Connection;
    let sql = format!("alter table {table} rename to {table}_gone");
    match backend {
        Backend::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
            sqlx::query(&sql).execute(&mut c).await.unwrap();
        }
        Backend::Postgres(_) => {
            let mut c = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query(&sql).execute(&mut c).await.unwrap();
        }
    }
}
