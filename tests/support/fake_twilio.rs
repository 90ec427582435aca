//! A local fake of Twilio's REST API (2010-04-01) for tests: calls and messages.
//!
//! Include it from an integration test crate with
//! `#[path = "support/fake_twilio.rs"] mod fake_twilio;` (from `tests/*.rs`) or
//! `#[path = "../support/fake_twilio.rs"] mod fake_twilio;` (from `tests/api/main.rs`).
//! It only uses crates numerovert already depends on, and none of numerovert's
//! code, so it judges the client from outside.
//!
//! What it does, on `127.0.0.1` and a free port:
//! - `POST /2010-04-01/Accounts/{AccountSid}/Calls.json` (201), `POST …/Calls/{Sid}.json`
//!   (200) and `POST …/Messages.json` (201), answering with resources shaped like
//!   Twilio's (`CA`/`SM` + 32 hex digits, `queued`, RFC 2822 dates, `uri`, …);
//! - `GET …/Messages.json` (200): the messages created so far, filtered by `To`,
//!   `From` and the `DateSent` filters (compared by GMT day, as Twilio does),
//!   most recent first, in pages of `PageSize` with a `next_page_uri`. A created
//!   message is stored as Twilio would soon show it: `sent`, `date_sent` set;
//! - HTTP Basic with the account SID and auth token, else 401 with code 20003
//!   as Twilio answers;
//! - every request is checked against the form schemas (and, for the list, the
//!   query parameters) of Twilio's OpenAPI
//!   description, kept in `tests/fixtures/twilio/api_v2010_calls_messages.json`:
//!   names, types, enums, SID patterns, formats, required parameters and the
//!   "one of" groups, plus the rules the schema leaves to prose (Url and Twiml
//!   are exclusive, Body ≤ 1600 characters). Refusals are 400s with Twilio's
//!   legacy error JSON. Unknown parameters are refused although Twilio ignores
//!   them: a misspelt parameter is a bug the real API would hide;
//! - every request is recorded, accepted or not ([`FakeTwilio::requests`]);
//! - failures can be injected ([`FakeTwilio::fail_next`] for the POSTs,
//!   [`FakeTwilio::fail_next_list`] for the list), including a failure answered
//!   after the request was processed ([`FakeTwilio::fail_next_after_processing`]:
//!   the message or call exists, the client sees a 500), and the server taken
//!   down and back up on the same port ([`FakeTwilio::stop`], [`FakeTwilio::restart`]).
//!
//! The error codes of validation failures are the closest Twilio codes known
//! (21201/21213/21205 for a call's missing To/From/Url, 21604/21603/21619 for a
//! message's, 21211/21212 for an invalid To/From, 21617 for a long body, 20001
//! otherwise): tests should rely on the status, and on codes only for the ones
//! with a documented meaning to the service (20003, 20429, 21610).
//!
//! Call state is kept per SID so hang-ups behave: `canceled` stops only a queued
//! or ringing call, `completed` ends any live call, and a call ended before it
//! was answered ends `canceled` (Twilio's definition of that status). Redirecting
//! an ended call is refused with 21220. [`FakeTwilio::set_call_status`] moves a
//! call along (e.g. answered) or declares one Twilio knows from a webhook.

#![allow(dead_code)] // Each test crate uses part of it.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use base64::Engine as _;
use serde::Deserialize;
use serde_json::{json, Value};

/// The schemas the fake enforces, committed next to the other Twilio fixtures.
const SPEC_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/twilio/api_v2010_calls_messages.json"
));

/// Operation ids, as in Twilio's spec.
pub const CREATE_CALL: &str = "CreateCall";
pub const UPDATE_CALL: &str = "UpdateCall";
pub const CREATE_MESSAGE: &str = "CreateMessage";
pub const LIST_MESSAGE: &str = "ListMessage";

/// Twilio's default page size for lists.
const DEFAULT_PAGE_SIZE: usize = 50;

/// Twilio's longest accepted `Body`.
const MAX_BODY_CHARS: usize = 1600;

// ---------------------------------------------------------------------------
// The spec fixture
// ---------------------------------------------------------------------------

/// The extracted part of Twilio's OpenAPI description.
#[derive(Debug, Deserialize)]
pub struct Spec {
    pub operations: BTreeMap<String, Operation>,
}

/// One operation: its path, answer status and form schema (or query parameters, for a GET).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    pub method: String,
    pub path: String,
    /// The request body's type; empty for a GET, which has no body.
    #[serde(default)]
    pub content_type: String,
    pub success_status: u16,
    pub path_parameters: BTreeMap<String, Property>,
    /// The query parameters of a GET (none is required by the list we use).
    #[serde(default)]
    pub query_parameters: BTreeMap<String, Property>,
    /// Groups of which at least one parameter must be given, snake_case as in the spec.
    pub one_of_groups: Vec<Vec<String>>,
    /// The form schema; empty for a GET.
    #[serde(default)]
    pub request_schema: RequestSchema,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestSchema {
    pub title: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub required: Vec<String>,
    pub properties: BTreeMap<String, Property>,
}

/// A parameter's schema. Unknown keywords fail the load, so a fixture that
/// gains a rule the fake does not check is noticed rather than ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    #[serde(rename = "type")]
    pub kind: String,
    pub format: Option<String>,
    #[serde(rename = "enum")]
    pub allowed: Option<Vec<String>>,
    pub pattern: Option<String>,
    #[serde(rename = "minLength")]
    pub min_length: Option<usize>,
    #[serde(rename = "maxLength")]
    pub max_length: Option<usize>,
    pub minimum: Option<i64>,
    pub maximum: Option<i64>,
    pub items: Option<Box<Property>>,
    #[serde(rename = "x-twilio")]
    pub x_twilio: Option<XTwilio>,
    #[serde(rename = "x-resolved-from")]
    pub resolved_from: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XTwilio {
    #[serde(rename = "ignoreFormat", default)]
    pub ignore_format: bool,
}

const KNOWN_FORMATS: &[&str] = &[
    "endpoint",
    "phone-number",
    "uri",
    "http-method",
    "twiml",
    "date-time",
    "int64",
];

/// The fixture, parsed once and checked for keywords the fake does not understand.
pub fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let spec: Spec = serde_json::from_str(SPEC_JSON).expect("the Twilio schema fixture parses");
        for (id, op) in &spec.operations {
            let props = op
                .request_schema
                .properties
                .values()
                .chain(op.path_parameters.values())
                .chain(op.query_parameters.values());
            for p in props.flat_map(|p| std::iter::once(p).chain(p.items.as_deref())) {
                if let Some(f) = &p.format {
                    assert!(
                        KNOWN_FORMATS.contains(&f.as_str()),
                        "{id}: format {f} is not checked by the fake"
                    );
                }
                if let Some(pattern) = &p.pattern {
                    assert!(
                        sid_prefix(pattern).is_some(),
                        "{id}: pattern {pattern} is not checked by the fake"
                    );
                }
            }
            for name in op.one_of_params().iter().flatten().chain(&op.request_schema.required) {
                assert!(
                    op.request_schema.properties.contains_key(name),
                    "{id}: {name} is not a property"
                );
            }
        }
        spec
    })
}

impl Spec {
    pub fn operation(&self, id: &str) -> &Operation {
        self.operations
            .get(id)
            .unwrap_or_else(|| panic!("no operation {id} in the fixture"))
    }

    /// Checks form parameters against an operation's schema, as the fake does for each request.
    pub fn check(&self, id: &str, params: &[(String, String)]) -> Result<(), Rejection> {
        self.operation(id).check(id, params)
    }
}

impl Operation {
    /// The "one of" groups with the form's parameter names (`application_sid` → `ApplicationSid`).
    pub fn one_of_params(&self) -> Vec<Vec<String>> {
        self.one_of_groups
            .iter()
            .map(|g| g.iter().map(|n| pascal_case(n)).collect())
            .collect()
    }

    /// See [`Spec::check`]; `id` picks Twilio's code for a missing parameter.
    fn check(&self, id: &str, params: &[(String, String)]) -> Result<(), Rejection> {
        if self.method == "GET" {
            return self.check_query(params);
        }
        let props = &self.request_schema.properties;
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (name, value) in params {
            let Some(prop) = props.get(name) else {
                return Err(Rejection::bad(20001, format!("Unknown parameter: {name}")));
            };
            let count = seen.entry(name).or_default();
            *count += 1;
            if *count > 1 && prop.kind != "array" {
                return Err(Rejection::bad(20001, format!("{name} must be given once")));
            }
            let item = if prop.kind == "array" {
                prop.items.as_deref().expect("array items")
            } else {
                prop
            };
            check_value(name, item, value)?;
        }
        for name in &self.request_schema.required {
            if !params.iter().any(|(n, v)| n == name && !v.is_empty()) {
                return Err(Rejection::bad(
                    missing_code(id, name),
                    format!("A '{name}' parameter is required"),
                ));
            }
        }
        for group in self.one_of_params() {
            if !params.iter().any(|(n, v)| group.contains(n) && !v.is_empty()) {
                let code = missing_code(id, &group[0]);
                return Err(Rejection::bad(code, format!("One of {} is required", group.join(", "))));
            }
        }
        // Rules the schema only states in prose.
        if param(params, "Url").is_some() && param(params, "Twiml").is_some() {
            return Err(Rejection::bad(
                20001,
                "Twiml and Url are mutually exclusive".to_string(),
            ));
        }
        if let Some(body) = param(params, "Body") {
            if body.chars().count() > MAX_BODY_CHARS {
                return Err(Rejection::bad(
                    21617,
                    "The concatenated message body exceeds the 1600 character limit".into(),
                ));
            }
        }
        Ok(())
    }
}

impl Operation {
    /// Checks the query parameters of a GET: known names, once each, valid values.
    fn check_query(&self, params: &[(String, String)]) -> Result<(), Rejection> {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (name, value) in params {
            let Some(prop) = self.query_parameters.get(name) else {
                return Err(Rejection::bad(20001, format!("Unknown parameter: {name}")));
            };
            let count = seen.entry(name).or_default();
            *count += 1;
            if *count > 1 {
                return Err(Rejection::bad(20001, format!("{name} must be given once")));
            }
            check_value(name, prop, value)?;
        }
        Ok(())
    }
}

/// The first value of `name` in form pairs.
fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

fn pascal_case(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The prefix of the only pattern family the spec uses for SIDs: `^XX[0-9a-fA-F]{32}$`.
fn sid_prefix(pattern: &str) -> Option<&str> {
    let prefix = pattern.strip_prefix('^')?.strip_suffix("[0-9a-fA-F]{32}$")?;
    (prefix.len() == 2 && prefix.chars().all(|c| c.is_ascii_uppercase())).then_some(prefix)
}

fn is_e164(value: &str) -> bool {
    let digits = value.strip_prefix('+').unwrap_or("");
    (2..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) && !digits.starts_with('0')
}

/// Twilio's code for a missing parameter, where it has a specific one.
fn missing_code(operation: &str, name: &str) -> i64 {
    match (operation, name) {
        (CREATE_CALL, "To") => 21201,
        (CREATE_CALL, "From") => 21213,
        (CREATE_CALL, "Url") => 21205,
        (CREATE_MESSAGE, "To") => 21604,
        (CREATE_MESSAGE, "From") => 21603,
        (CREATE_MESSAGE, "Body") => 21619,
        _ => 20001,
    }
}

fn invalid_code(name: &str) -> i64 {
    match name {
        "To" => 21211,
        "From" => 21212,
        _ => 20001,
    }
}

fn check_value(name: &str, prop: &Property, value: &str) -> Result<(), Rejection> {
    let invalid = |why: &str| Err(Rejection::bad(invalid_code(name), format!("Invalid {name}: {why}")));
    match prop.kind.as_str() {
        "integer" if value.parse::<i64>().is_err() => return invalid("not an integer"),
        "number" if value.parse::<f64>().is_err() => return invalid("not a number"),
        "boolean" if !value.eq_ignore_ascii_case("true") && !value.eq_ignore_ascii_case("false") => {
            return invalid("not true or false")
        }
        "integer" | "number" | "boolean" | "string" => {}
        other => panic!("the fake does not check type {other} ({name})"),
    }
    if let Some(allowed) = &prop.allowed {
        if !allowed.iter().any(|a| a == value) {
            return invalid(&format!("must be one of {}", allowed.join(", ")));
        }
    }
    if prop.kind == "integer" {
        let n: i64 = value.parse().expect("checked above");
        if prop.minimum.is_some_and(|min| n < min) || prop.maximum.is_some_and(|max| n > max) {
            return invalid("out of range");
        }
    }
    let chars = value.chars().count();
    if prop.min_length.is_some_and(|min| chars < min) || prop.max_length.is_some_and(|max| chars > max) {
        return invalid("wrong length");
    }
    if let Some(prefix) = prop.pattern.as_deref().and_then(sid_prefix) {
        let hex = value.strip_prefix(prefix).unwrap_or("");
        if hex.len() != 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return invalid(&format!("expected {prefix} followed by 32 hexadecimal digits"));
        }
    }
    if prop.x_twilio.as_ref().is_some_and(|x| x.ignore_format) {
        return Ok(());
    }
    let ok = match prop.format.as_deref() {
        None | Some("http-method") | Some("int64") => true,
        Some("phone-number") => is_e164(value) || channel_address(value),
        Some("endpoint") => {
            is_e164(value) || value.starts_with("client:") || value.starts_with("sip:") || channel_address(value)
        }
        Some("uri") => match url::Url::parse(value) {
            // Twilio refuses callback hosts with an underscore (spec note on callbacks).
            Ok(u) => matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.contains('_')),
            Err(_) => false,
        },
        Some("twiml") => value.trim_start().starts_with('<') && value.contains("<Response"),
        Some("date-time") => chrono::DateTime::parse_from_rfc3339(value).is_ok(),
        Some(other) => panic!("the fake does not check format {other}"),
    };
    match (ok, name) {
        (true, _) => Ok(()),
        // Twilio quotes the refused number, which is why the client masks numbers in messages.
        (false, "To" | "From") => Err(Rejection::bad(
            invalid_code(name),
            format!("The '{name}' number {value} is not a valid phone number."),
        )),
        (false, _) => invalid(&format!("not a valid {}", prop.format.as_deref().unwrap_or("value"))),
    }
}

/// `whatsapp:+33…`, `messenger:…`: a channel address, which `phone-number` allows.
fn channel_address(value: &str) -> bool {
    value.split_once(':').is_some_and(|(channel, address)| {
        !channel.is_empty() && channel.chars().all(|c| c.is_ascii_lowercase()) && !address.is_empty()
    })
}

/// Why the fake refused a request: the HTTP status and Twilio's error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub status: u16,
    pub code: i64,
    pub message: String,
}

impl Rejection {
    fn bad(code: i64, message: String) -> Rejection {
        Rejection {
            status: 400,
            code,
            message,
        }
    }

    fn into_response(self) -> Response {
        error_response(self.status, Some(self.code), &self.message)
    }
}

/// Twilio's legacy (2010 API) error JSON.
fn error_response(status: u16, code: Option<i64>, message: &str) -> Response {
    let status = StatusCode::from_u16(status).expect("a valid status");
    let more_info = code.map(|c| format!("https://www.twilio.com/docs/errors/{c}"));
    let body = json!({"code": code, "message": message, "more_info": more_info, "status": status.as_u16()});
    (status, [(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

fn not_found() -> Response {
    error_response(404, Some(20404), known_message(20404))
}

fn known_message(code: i64) -> &'static str {
    match code {
        20003 => "Authenticate",
        20404 => "The requested resource was not found",
        20429 => "Too Many Requests",
        20500 => "Internal Server Error",
        20503 => "Service Unavailable",
        21211 => "Invalid 'To' Phone Number",
        21408 => "Permission to send an SMS has not been enabled for the region indicated by the 'To' number",
        21610 => "Attempt to send to unsubscribed recipient",
        21614 => "'To' number is not a valid mobile number",
        _ => "Simulated failure",
    }
}

// ---------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------

/// One request as the fake received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    pub method: String,
    /// The path as sent (still percent-encoded).
    pub path: String,
    /// `CreateCall`, `UpdateCall`, `CreateMessage` or `ListMessage` when the path matched one.
    pub operation: Option<&'static str>,
    /// The decoded form pairs (the query's, for a GET), in order, repeated keys kept.
    pub params: Vec<(String, String)>,
    /// Whether the Basic credentials were right.
    pub authorized: bool,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
    /// The status the fake answered.
    pub status: u16,
    /// The SID of the call or message created or updated, when it was processed
    /// (also when [`FakeTwilio::fail_next_after_processing`] then answered with an error).
    pub sid: Option<String>,
}

impl RecordedRequest {
    /// The first value of `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        param(&self.params, name)
    }

    /// Every value of `name`, in order.
    pub fn param_all(&self, name: &str) -> Vec<&str> {
        self.params
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The parameter names, in order, repeats included.
    pub fn names(&self) -> Vec<&str> {
        self.params.iter().map(|(n, _)| n.as_str()).collect()
    }
}

/// An injected failure.
#[derive(Debug, Clone)]
enum Failure {
    Twilio {
        status: u16,
        code: i64,
    },
    Raw {
        status: u16,
        content_type: String,
        body: String,
    },
    /// The request is processed (the call or message exists), then answered with this error.
    AfterProcessing {
        status: u16,
        code: i64,
    },
}

/// A message the fake created, as `GET …/Messages.json` lists it.
struct StoredMessage {
    /// When it was created, and (the fake sends at once) sent.
    at: chrono::DateTime<chrono::Utc>,
    resource: Value,
}

#[derive(Default)]
struct FakeState {
    requests: Vec<RecordedRequest>,
    /// Failures of the POSTs (creating and updating).
    failures: VecDeque<Failure>,
    /// Failures of `GET …/Messages.json`.
    list_failures: VecDeque<Failure>,
    /// Call SID → the resource as last returned, for hang-ups and redirects.
    calls: HashMap<String, Value>,
    /// Messages created, oldest first.
    messages: Vec<StoredMessage>,
}

struct Shared {
    account_sid: String,
    auth_token: String,
    state: Mutex<FakeState>,
}

struct Running {
    shutdown: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

/// The fake Twilio REST API. Dropping it shuts the server down.
pub struct FakeTwilio {
    shared: Arc<Shared>,
    addr: SocketAddr,
    running: Mutex<Option<Running>>,
}

impl FakeTwilio {
    /// Starts with a random account SID and auth token.
    pub async fn start() -> FakeTwilio {
        FakeTwilio::start_with(random_sid("AC"), format!("{:032x}", rand::random::<u128>())).await
    }

    /// Starts with given credentials, e.g. the auth token the app under test is configured with.
    pub async fn start_with(account_sid: impl Into<String>, auth_token: impl Into<String>) -> FakeTwilio {
        let account_sid = account_sid.into();
        let account_schema = &spec().operation(CREATE_CALL).path_parameters["AccountSid"];
        assert!(
            check_value("AccountSid", account_schema, &account_sid).is_ok(),
            "{account_sid} is not an account SID"
        );
        let listener = bind("127.0.0.1:0".parse().unwrap()).expect("bind a local port");
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared {
            account_sid,
            auth_token: auth_token.into(),
            state: Mutex::new(FakeState::default()),
        });
        let fake = FakeTwilio {
            shared,
            addr,
            running: Mutex::new(None),
        };
        fake.serve(listener);
        fake
    }

    /// `http://127.0.0.1:PORT`, to give the client as its API base.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn account_sid(&self) -> &str {
        &self.shared.account_sid
    }

    pub fn auth_token(&self) -> &str {
        &self.shared.auth_token
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.lock().requests.clone()
    }

    /// Forgets the requests received so far.
    pub fn clear_requests(&self) {
        self.lock().requests.clear();
    }

    /// The next `n` POST requests (create or update) that pass authentication
    /// and validation fail with `status` and Twilio's error JSON carrying `code`
    /// (e.g. 429/20429, 500/20500, 400/21610). Nothing is created for them.
    /// Lists are not affected: see [`fail_next_list`](Self::fail_next_list).
    pub fn fail_next(&self, n: usize, status: u16, code: i64) {
        let mut state = self.lock();
        state
            .failures
            .extend(std::iter::repeat_n(Failure::Twilio { status, code }, n));
    }

    /// The next `n` POST requests that pass authentication and validation are
    /// processed — the call or message is created, and listed — but answered with
    /// `status` and `code`, as when Twilio fails after acting or its answer is
    /// lost on the way: the case a client cannot retry blindly.
    pub fn fail_next_after_processing(&self, n: usize, status: u16, code: i64) {
        let failure = Failure::AfterProcessing { status, code };
        self.lock().failures.extend(std::iter::repeat_n(failure, n));
    }

    /// The next `n` valid `GET …/Messages.json` fail with `status` and `code`.
    pub fn fail_next_list(&self, n: usize, status: u16, code: i64) {
        let failure = Failure::Twilio { status, code };
        self.lock().list_failures.extend(std::iter::repeat_n(failure, n));
    }

    /// The messages created so far, oldest first, as the list shows them.
    pub fn messages(&self) -> Vec<Value> {
        self.lock().messages.iter().map(|m| m.resource.clone()).collect()
    }

    /// The requests that created a message and were answered 201.
    pub fn accepted_messages(&self) -> Vec<RecordedRequest> {
        self.requests()
            .into_iter()
            .filter(|r| r.operation == Some(CREATE_MESSAGE) && r.status == 201)
            .collect()
    }

    /// Like [`fail_next`](Self::fail_next) with a body of one's own (an HTML
    /// page from a proxy, an RFC 9457 problem).
    pub fn fail_next_raw(&self, n: usize, status: u16, content_type: &str, body: &str) {
        let failure = Failure::Raw {
            status,
            content_type: content_type.into(),
            body: body.into(),
        };
        self.lock().failures.extend(std::iter::repeat_n(failure, n));
    }

    /// The status of a call the fake knows.
    pub fn call_status(&self, sid: &str) -> Option<String> {
        let state = self.lock();
        state
            .calls
            .get(sid)
            .and_then(|c| c["status"].as_str())
            .map(str::to_string)
    }

    /// Moves a call to `status` (`ringing`, `in-progress`, …), or declares a call
    /// Twilio would know, such as an inbound call seen in a webhook.
    pub fn set_call_status(&self, sid: &str, status: &str) {
        let mut state = self.lock();
        let account = self.shared.account_sid.clone();
        let call = state
            .calls
            .entry(sid.to_string())
            .or_insert_with(|| call_resource(&account, sid, None, None, "inbound"));
        call["status"] = json!(status);
    }

    /// Takes the server down: the port refuses connections until [`restart`](Self::restart).
    /// Open connections are closed, so a client's pooled connection cannot reach it either.
    pub async fn stop(&self) {
        let Some(running) = self.running.lock().unwrap().take() else {
            return;
        };
        let _ = running.shutdown.send(());
        let abort = running.task.abort_handle();
        if tokio::time::timeout(Duration::from_secs(5), running.task)
            .await
            .is_err()
        {
            abort.abort();
        }
    }

    /// Brings the server back on the same port, with its records and calls intact.
    pub async fn restart(&self) {
        if self.running.lock().unwrap().is_some() {
            return;
        }
        let listener = bind(self.addr).expect("rebind the fake's port");
        self.serve(listener);
    }

    fn serve(&self, listener: tokio::net::TcpListener) {
        let app = Router::new().fallback(handle).with_state(self.shared.clone());
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await
                .expect("the fake Twilio serves");
        });
        *self.running.lock().unwrap() = Some(Running { shutdown, task });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FakeState> {
        self.shared.state.lock().unwrap()
    }
}

impl Drop for FakeTwilio {
    fn drop(&mut self) {
        if let Ok(mut running) = self.running.lock() {
            if let Some(running) = running.take() {
                let _ = running.shutdown.send(());
            }
        }
    }
}

/// Binds with SO_REUSEADDR, so a restart gets the same port back although the
/// connections just closed linger in TIME_WAIT.
fn bind(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(128)
}

fn random_sid(prefix: &str) -> String {
    format!("{prefix}{:032x}", rand::random::<u128>())
}

/// Which operation a request names, with the path's account and call SID.
/// The method picks between a list and a create; a method the operation does
/// not take is refused later.
fn route<'a>(method: &Method, path: &'a str) -> Option<(&'static str, &'a str, Option<&'a str>)> {
    let rest = path.strip_prefix("/2010-04-01/Accounts/")?;
    let (account, rest) = rest.split_once('/')?;
    match rest {
        "Calls.json" => Some((CREATE_CALL, account, None)),
        "Messages.json" if method == Method::GET => Some((LIST_MESSAGE, account, None)),
        "Messages.json" => Some((CREATE_MESSAGE, account, None)),
        _ => {
            let sid = rest.strip_prefix("Calls/")?.strip_suffix(".json")?;
            (!sid.contains('/')).then_some((UPDATE_CALL, account, Some(sid)))
        }
    }
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let params: Vec<(String, String)> = if method == Method::GET {
        form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
            .into_owned()
            .collect()
    } else {
        form_urlencoded::parse(&body).into_owned().collect()
    };
    let operation = route(&method, uri.path());
    let authorized = authorized(&shared, &headers);
    // A recording's audio is a media URL, not an operation of the OpenAPI description.
    let (response, sid) = match recording_audio(&shared, &method, uri.path(), authorized) {
        Some(answer) => answer,
        None => answer(&shared, &method, operation, authorized, &headers, &params),
    };
    shared.state.lock().unwrap().requests.push(RecordedRequest {
        method: method.to_string(),
        path: uri.path().to_string(),
        operation: operation.map(|(op, _, _)| op),
        params,
        authorized,
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|h| h.to_str().ok())
            .map(str::to_string),
        status: response.status().as_u16(),
        sid,
    });
    response
}

/// The bytes served for `GET …/Recordings/{Sid}.mp3`, so that tests can check what the back-office plays.
pub const FAKE_AUDIO: &[u8] = b"ID3\x04fake-mp3-audio";

fn recording_audio(
    shared: &Shared,
    method: &Method,
    path: &str,
    authorized: bool,
) -> Option<(Response, Option<String>)> {
    let rest = path.strip_prefix("/2010-04-01/Accounts/")?;
    let (account, rest) = rest.split_once('/')?;
    let sid = rest.strip_prefix("Recordings/")?.strip_suffix(".mp3")?;
    if method != Method::GET {
        return Some((error_response(405, Some(20004), "Method not allowed"), None));
    }
    if !authorized || account != shared.account_sid {
        return Some((error_response(401, Some(20003), "Authenticate"), None));
    }
    let response = ([(header::CONTENT_TYPE, "audio/mpeg")], FAKE_AUDIO).into_response();
    Some((response, Some(sid.to_owned())))
}

fn authorized(shared: &Shared, headers: &HeaderMap) -> bool {
    let Some(encoded) = headers.get(header::AUTHORIZATION).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let Some(encoded) = encoded.strip_prefix("Basic ") else {
        return false;
    };
    let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(encoded.trim()) else {
        return false;
    };
    let expected = format!("{}:{}", shared.account_sid, shared.auth_token);
    decoded == expected.as_bytes()
}

/// Decides the answer; returns it with the SID of the resource it concerns.
fn answer(
    shared: &Shared,
    method: &Method,
    operation: Option<(&'static str, &str, Option<&str>)>,
    authorized: bool,
    headers: &HeaderMap,
    params: &[(String, String)],
) -> (Response, Option<String>) {
    let Some((id, account, call_sid)) = operation else {
        return (not_found(), None);
    };
    if method.as_str() != spec().operation(id).method {
        // Twilio's own answer to a method the resource does not take.
        return (error_response(405, Some(20004), "Method not allowed"), None);
    }
    if !authorized || account != shared.account_sid {
        let mut response = (
            StatusCode::UNAUTHORIZED,
            [(header::CONTENT_TYPE, "application/json")],
            json!({
                "code": 20003,
                "detail": "Your AccountSid or AuthToken was incorrect.",
                "message": "Authenticate",
                "more_info": "https://www.twilio.com/docs/errors/20003",
                "status": 401
            })
            .to_string(),
        )
            .into_response();
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"Twilio API\""),
        );
        return (response, None);
    }
    let op = spec().operation(id);
    if let Some(sid) = call_sid {
        let sid_schema = op.path_parameters.get("Sid").expect("UpdateCall has a Sid");
        if check_value("Sid", sid_schema, sid).is_err() {
            return (not_found(), None);
        }
    }
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !form.starts_with(op.content_type.as_str()) {
        let message = format!("Unsupported Content-Type {form:?}: Twilio expects {}", op.content_type);
        return (error_response(400, Some(20001), &message), None);
    }
    if let Err(rejection) = op.check(id, params) {
        return (rejection.into_response(), None);
    }
    let mut state = shared.state.lock().unwrap();
    let failure = if id == LIST_MESSAGE {
        state.list_failures.pop_front()
    } else {
        state.failures.pop_front()
    };
    let late_failure = match failure {
        None => None,
        Some(Failure::AfterProcessing { status, code }) => Some((status, code)),
        Some(Failure::Twilio { status, code }) => {
            return (error_response(status, Some(code), known_message(code)), None)
        }
        Some(Failure::Raw {
            status,
            content_type,
            body,
        }) => {
            let response = (
                StatusCode::from_u16(status).unwrap(),
                [(header::CONTENT_TYPE, content_type)],
                body,
            )
                .into_response();
            return (response, None);
        }
    };
    let (response, sid) = process(shared, &mut state, op, id, call_sid, params);
    match late_failure {
        Some((status, code)) if sid.is_some() => (error_response(status, Some(code), known_message(code)), sid),
        _ => (response, sid),
    }
}

/// Carries out a valid, authorized request.
fn process(
    shared: &Shared,
    state: &mut FakeState,
    op: &Operation,
    id: &'static str,
    call_sid: Option<&str>,
    params: &[(String, String)],
) -> (Response, Option<String>) {
    let get = |name: &str| param(params, name);
    let status = StatusCode::from_u16(op.success_status).unwrap();
    match id {
        CREATE_CALL => {
            let sid = random_sid("CA");
            let call = call_resource(&shared.account_sid, &sid, get("To"), get("From"), "outbound-api");
            state.calls.insert(sid.clone(), call.clone());
            (json_response(status, &call), Some(sid))
        }
        CREATE_MESSAGE => {
            let sid = random_sid("SM");
            let message = message_resource(&shared.account_sid, &sid, params);
            // Listed as Twilio shows it a moment later: handed to the carrier.
            let mut listed = message.clone();
            listed["status"] = json!("sent");
            listed["date_sent"] = listed["date_created"].clone();
            state.messages.push(StoredMessage {
                at: chrono::Utc::now(),
                resource: listed,
            });
            (json_response(status, &message), Some(sid))
        }
        LIST_MESSAGE => (json_response(status, &list_messages(shared, state, params)), None),
        UPDATE_CALL => {
            let sid = call_sid.expect("a call SID").to_string();
            let Some(call) = state.calls.get_mut(&sid) else {
                return (not_found(), None);
            };
            let current = call["status"].as_str().unwrap_or("queued").to_string();
            if (get("Url").is_some() || get("Twiml").is_some()) && !live_status(&current) {
                return (
                    error_response(400, Some(21220), "Call is not in-progress. Cannot redirect."),
                    None,
                );
            }
            let next = match (get("Status"), current.as_str()) {
                (Some(_), "queued" | "ringing") => "canceled",
                (Some("completed"), "in-progress") => "completed",
                // `canceled` leaves an answered call up; an ended call stays as it ended.
                _ => current.as_str(),
            };
            call["status"] = json!(next);
            call["date_updated"] = json!(rfc2822_now());
            if next != current && !live_status(next) {
                call["end_time"] = json!(rfc2822_now());
            }
            (json_response(status, call), Some(sid))
        }
        _ => unreachable!("route() only yields the four operations"),
    }
}

/// A page of `GET …/Messages.json`, shaped like Twilio's `ListMessageResponse`.
fn list_messages(shared: &Shared, state: &FakeState, params: &[(String, String)]) -> Value {
    let get = |name: &str| param(params, name);
    // Twilio filters on the GMT day of `date_sent`.
    let day = |name: &str| {
        get(name).map(|v| {
            chrono::DateTime::parse_from_rfc3339(v)
                .expect("checked as date-time")
                .with_timezone(&chrono::Utc)
                .date_naive()
        })
    };
    let (on, before, after) = (day("DateSent"), day("DateSent<"), day("DateSent>"));
    let page_size = get("PageSize").map_or(DEFAULT_PAGE_SIZE, |v| v.parse().expect("checked as integer"));
    let page: usize = get("Page").map_or(0, |v| v.parse().expect("checked as integer"));
    let matching: Vec<&Value> = state
        .messages
        .iter()
        .rev() // most recent first
        .filter(|m| {
            let sent = m.at.date_naive();
            get("To").is_none_or(|to| m.resource["to"] == to)
                && get("From").is_none_or(|from| m.resource["from"] == from)
                && on.is_none_or(|d| sent == d)
                && before.is_none_or(|d| sent <= d)
                && after.is_none_or(|d| sent >= d)
        })
        .map(|m| &m.resource)
        .collect();
    let start = page * page_size;
    let items: Vec<Value> = matching
        .iter()
        .skip(start)
        .take(page_size)
        .map(|m| (*m).clone())
        .collect();
    let more = matching.len() > start + items.len();
    // The filters, as the page URIs repeat them.
    let filters: Vec<(String, String)> = params
        .iter()
        .filter(|(n, _)| !matches!(n.as_str(), "PageSize" | "Page" | "PageToken"))
        .cloned()
        .collect();
    let uri_for = |page: usize, token: Option<String>| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (n, v) in &filters {
            query.append_pair(n, v);
        }
        query.append_pair("PageSize", &page_size.to_string());
        query.append_pair("Page", &page.to_string());
        if let Some(token) = token {
            query.append_pair("PageToken", &token);
        }
        format!(
            "/2010-04-01/Accounts/{}/Messages.json?{}",
            shared.account_sid,
            query.finish()
        )
    };
    let last_sid = items.last().and_then(|m| m["sid"].as_str()).unwrap_or_default();
    json!({
        "end": if items.is_empty() { start } else { start + items.len() - 1 },
        "first_page_uri": uri_for(0, None),
        "next_page_uri": more.then(|| uri_for(page + 1, Some(format!("PA{last_sid}")))),
        "page": page,
        "page_size": page_size,
        "previous_page_uri": (page > 0).then(|| uri_for(page - 1, None)),
        "start": start,
        "uri": uri_for(page, get("PageToken").map(str::to_string)),
        "messages": items,
    })
}

fn live_status(status: &str) -> bool {
    matches!(status, "queued" | "ringing" | "in-progress")
}

fn json_response(status: StatusCode, value: &Value) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], value.to_string()).into_response()
}

fn rfc2822_now() -> String {
    chrono::Utc::now().to_rfc2822()
}

fn call_resource(account: &str, sid: &str, to: Option<&str>, from: Option<&str>, direction: &str) -> Value {
    let uri = format!("/2010-04-01/Accounts/{account}/Calls/{sid}");
    let now = rfc2822_now();
    json!({
        "account_sid": account,
        "annotation": null,
        "answered_by": null,
        "api_version": "2010-04-01",
        "caller_name": null,
        "date_created": now,
        "date_updated": now,
        "direction": direction,
        "duration": null,
        "end_time": null,
        "forwarded_from": null,
        "from": from,
        "from_formatted": from,
        "group_sid": null,
        "parent_call_sid": null,
        "phone_number_sid": random_sid("PN"),
        "price": null,
        "price_unit": "USD",
        "queue_time": "0",
        "sid": sid,
        "start_time": null,
        "status": "queued",
        "subresource_uris": {
            "events": format!("{uri}/Events.json"),
            "notifications": format!("{uri}/Notifications.json"),
            "recordings": format!("{uri}/Recordings.json"),
            "payments": format!("{uri}/Payments.json"),
            "siprec": format!("{uri}/Siprec.json"),
            "streams": format!("{uri}/Streams.json"),
            "transcriptions": format!("{uri}/Transcriptions.json"),
            "user_defined_message_subscriptions": format!("{uri}/UserDefinedMessageSubscriptions.json"),
            "user_defined_messages": format!("{uri}/UserDefinedMessages.json")
        },
        "to": to,
        "to_formatted": to,
        "trunk_sid": null,
        "uri": format!("{uri}.json")
    })
}

fn message_resource(account: &str, sid: &str, params: &[(String, String)]) -> Value {
    let get = |name: &str| param(params, name);
    let uri = format!("/2010-04-01/Accounts/{account}/Messages/{sid}");
    let now = rfc2822_now();
    let body = get("Body").unwrap_or("");
    let service = get("MessagingServiceSid");
    let media = params.iter().filter(|(n, _)| n == "MediaUrl").count();
    json!({
        "account_sid": account,
        "api_version": "2010-04-01",
        "body": body,
        "date_created": now,
        "date_sent": null,
        "date_updated": now,
        "direction": "outbound-api",
        "error_code": null,
        "error_message": null,
        // With only a messaging service, Twilio picks the number later.
        "from": get("From"),
        "messaging_service_sid": service,
        "num_media": media.to_string(),
        // A service assigns segments once it has picked the sender.
        "num_segments": if service.is_some() && get("From").is_none() { "0".to_string() } else { segments(body).to_string() },
        "price": null,
        "price_unit": "USD",
        "sid": sid,
        "status": if service.is_some() { "accepted" } else { "queued" },
        "subresource_uris": { "media": format!("{uri}/Media.json") },
        "to": get("To"),
        "uri": format!("{uri}.json")
    })
}

/// SMS segments, roughly as carriers count them: 160/153 GSM-7 characters, else 70/67 UCS-2.
fn segments(body: &str) -> usize {
    const GSM7: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    let gsm = body.chars().all(|c| GSM7.contains(c) || "^{}\\[~]|€".contains(c));
    let units = if gsm {
        body.chars().map(|c| if "^{}\\[~]|€".contains(c) { 2 } else { 1 }).sum()
    } else {
        body.encode_utf16().count()
    };
    let (single, multi) = if gsm { (160, 153) } else { (70, 67) };
    if units <= single {
        1
    } else {
        units.div_ceil(multi)
    }
}
