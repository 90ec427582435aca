//! The Twilio REST client: what the service starts itself (outbound calls,
//! hanging up or redirecting a leg, outbound SMS), and the list of messages
//! the outbox reads to find out whether an ambiguous send went through.
//!
//! Requests follow Twilio's OpenAPI description of API 2010-04-01, whose form
//! schemas (and the list's query parameters) are kept in
//! `tests/fixtures/twilio/api_v2010_calls_messages.json`
//! and enforced by the fake in `tests/support/fake_twilio.rs`:
//! - bodies are `application/x-www-form-urlencoded` (Twilio rejects JSON), with
//!   array parameters sent as repeated keys (`StatusCallbackEvent=initiated&StatusCallbackEvent=answered`),
//!   which is why the body is built by hand with `form_urlencoded` rather than
//!   a serializer that would invent `[]` suffixes;
//! - HTTP Basic with the account SID and auth token;
//! - answers are JSON because every path ends in `.json`.
//!
//! Errors keep what a retry policy needs ([`RestError::is_retryable`]): Twilio's
//! create endpoints have no idempotency key, so only a 429 (never processed) is
//! safe to repeat blindly, while a 5xx or a lost connection leaves the effect
//! unknown and must be reconciled first (see `PROTOCOL.md` §6.3). This module
//! never retries on its own: the outbox owns that decision.
//!
//! Personal data: phone numbers and message bodies travel only in request
//! bodies, which are never logged; `Debug` of requests and resources masks them,
//! and phone numbers Twilio echoes in error messages are masked when parsed.
//!
//! # Layout
//! - [`TwilioClient`]: the HTTP calls;
//! - [`CreateCall`], [`UpdateCall`], [`SendMessage`]: requests, each with `params()`
//!   giving the exact form pairs sent; [`ListMessages`]: the query of a message list;
//! - [`CallResource`], [`MessageResource`], [`MessagePage`]: the parts of Twilio's answers we use;
//! - [`RestError`], [`Retry`]: failures and how they may be retried.

use std::fmt;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::redact::Masked;

/// The API version every path starts with.
const API_VERSION: &str = "2010-04-01";
/// Twilio's code for "recipient replied STOP": an opt-out, not a failure to retry.
pub const CODE_OPTED_OUT: i64 = 21610;
/// Twilio's code for "too many requests", sometimes sent with a status other than 429.
pub const CODE_TOO_MANY_REQUESTS: i64 = 20429;

/// A client for Twilio's REST API 2010-04-01, bound to one account.
///
/// Cheap to clone: the connection pool is shared.
#[derive(Clone)]
pub struct TwilioClient {
    http: reqwest::Client,
    /// Scheme and host, without a trailing slash (`https://api.twilio.com`, or a local fake in tests).
    base: String,
    account_sid: String,
    auth_token: SecretString,
}

impl fmt::Debug for TwilioClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TwilioClient")
            .field("base", &self.base)
            .field("account_sid", &self.account_sid)
            // SecretString prints "[REDACTED]".
            .field("auth_token", &self.auth_token)
            .finish_non_exhaustive()
    }
}

impl TwilioClient {
    /// A client for `base` (e.g. `https://api.twilio.com`; a trailing slash is ignored).
    ///
    /// Timeouts: 5 s to connect, 15 s for the whole exchange, so a stuck provider
    /// delays one outbox item, not the worker. Redirects are not followed: Twilio
    /// does not send any, and following one would replay a POST as a GET.
    ///
    /// # Panics
    /// If the TLS backend cannot be initialised, as `reqwest::Client::new` does:
    /// that is a broken build, not a condition to handle at run time.
    pub fn new(base: impl Into<String>, account_sid: impl Into<String>, auth_token: SecretString) -> Self {
        let http = reqwest::Client::builder()
            .user_agent(concat!("numerovert/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(15))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("the HTTP client (rustls) can be built");
        let base = base.into().trim_end_matches('/').to_string();
        TwilioClient {
            http,
            base,
            account_sid: account_sid.into(),
            auth_token,
        }
    }

    /// Places an outbound call: `POST /2010-04-01/Accounts/{AccountSid}/Calls.json` (201).
    pub async fn create_call(&self, req: &CreateCall) -> Result<CallResource, RestError> {
        let path = format!("{}/Calls.json", self.account_path());
        self.post("create_call", &path, &req.params()).await
    }

    /// Changes a live call: `POST /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json` (200).
    pub async fn update_call(&self, call_sid: &str, req: &UpdateCall) -> Result<CallResource, RestError> {
        let path = format!("{}/Calls/{}.json", self.account_path(), encode_path_segment(call_sid));
        self.post("update_call", &path, &req.params()).await
    }

    /// Ends a call whatever its state, with `Status=completed`.
    ///
    /// Twilio's Call resource documentation: `canceled` only affects calls that
    /// are still queued or ringing and leaves an answered call up, while
    /// `completed` hangs up an answered call and also stops one that is queued
    /// or ringing. Since the caller of this method usually cannot know whether
    /// the leg was picked up in the meantime (a volunteer may answer while we
    /// decide), `completed` is the only value that always ends it. Use
    /// [`UpdateCall::cancel`] to stop only a call nobody answered yet.
    pub async fn hang_up(&self, call_sid: &str) -> Result<CallResource, RestError> {
        self.update_call(call_sid, &UpdateCall::hang_up()).await
    }

    /// Sends an SMS: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` (201).
    pub async fn send_message(&self, req: &SendMessage) -> Result<MessageResource, RestError> {
        let path = format!("{}/Messages.json", self.account_path());
        self.post("send_message", &path, &req.params()).await
    }

    /// Lists messages, most recent first: `GET /2010-04-01/Accounts/{AccountSid}/Messages.json` (200).
    ///
    /// One page; follow [`MessagePage::next_page_uri`] with [`next_message_page`](Self::next_message_page).
    pub async fn list_messages(&self, req: &ListMessages) -> Result<MessagePage, RestError> {
        let path = format!("{}/Messages.json?{}", self.account_path(), encode_form(&req.params()));
        self.request("list_messages", Request::Get(&path)).await
    }

    /// The page after `page`, from its `next_page_uri`, which must be a list of
    /// this account's messages (a URI that points elsewhere is refused, not fetched).
    pub async fn next_message_page(&self, next_page_uri: &str) -> Result<MessagePage, RestError> {
        let list = format!("{}/Messages.json?", self.account_path());
        if !next_page_uri.starts_with(&list) || next_page_uri.contains('#') {
            return Err(RestError::Decode(
                "list_messages: next_page_uri is not a page of this account's messages".into(),
            ));
        }
        self.request("list_messages", Request::Get(next_page_uri)).await
    }

    /// The audio of one of this account's recordings, as MP3: `GET
    /// /2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.mp3`. The recording
    /// is named by its SID, never by a URL from a callback, so the account's
    /// credentials only ever go to the configured API.
    pub async fn recording_audio(&self, recording_sid: &str) -> Result<Vec<u8>, RestError> {
        let path = format!(
            "{}/Recordings/{}.mp3",
            self.account_path(),
            encode_path_segment(recording_sid)
        );
        let started = Instant::now();
        let (status, body) = self.exchange(Request::Get(&path)).await?;
        tracing::debug!(
            operation = "recording_audio",
            status,
            elapsed_ms = elapsed_ms(started),
            "Twilio REST answered"
        );
        if (200..300).contains(&status) {
            Ok(body)
        } else {
            Err(RestError::from_response(status, &body))
        }
    }

    fn account_path(&self) -> String {
        format!("/{API_VERSION}/Accounts/{}", encode_path_segment(&self.account_sid))
    }

    async fn post<T: DeserializeOwned>(
        &self,
        operation: &'static str,
        path: &str,
        params: &[(&'static str, String)],
    ) -> Result<T, RestError> {
        self.request(operation, Request::Post(path, params)).await
    }

    async fn request<T: DeserializeOwned>(
        &self,
        operation: &'static str,
        request: Request<'_>,
    ) -> Result<T, RestError> {
        let started = Instant::now();
        // Only the operation, the outcome and Twilio's code are logged: the parameters hold phone numbers and texts.
        let (status, body) = match self.exchange(request).await {
            Ok(answer) => answer,
            Err(error) => {
                tracing::debug!(operation, error = %error, elapsed_ms = elapsed_ms(started), "Twilio REST unreachable");
                return Err(error);
            }
        };
        let result = if (200..300).contains(&status) {
            serde_json::from_slice(&body).map_err(|e| RestError::Decode(format!("{operation}: {e}")))
        } else {
            Err(RestError::from_response(status, &body))
        };
        let code = result.as_ref().err().and_then(RestError::code);
        tracing::debug!(
            operation,
            status,
            code,
            elapsed_ms = elapsed_ms(started),
            "Twilio REST answered"
        );
        result
    }

    /// Sends the request and reads the whole answer; any failure here is a transport failure.
    async fn exchange(&self, request: Request<'_>) -> Result<(u16, Vec<u8>), RestError> {
        let builder = match request {
            Request::Post(path, params) => self
                .http
                .post(format!("{}{path}", self.base))
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(encode_form(params)),
            Request::Get(path_and_query) => self.http.get(format!("{}{path_and_query}", self.base)),
        };
        let response = builder
            .basic_auth(&self.account_sid, Some(self.auth_token.expose_secret()))
            .header(ACCEPT, "application/json")
            .send()
            .await
            .map_err(RestError::transport)?;
        let status = response.status().as_u16();
        // Failing to read a 2xx body still means Twilio acted: it stays a transport
        // (ambiguous) failure rather than a decode one, so the outbox reconciles.
        let body = response.bytes().await.map_err(RestError::transport)?;
        Ok((status, body.to_vec()))
    }
}

/// What is sent: a form to a path, or a path with its query.
#[derive(Clone, Copy)]
enum Request<'a> {
    Post(&'a str, &'a [(&'static str, String)]),
    Get(&'a str),
}

fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Encodes form pairs in order, keeping repeated keys; `+` becomes `%2B` and a
/// space `+`, so an E.164 number survives the trip.
pub fn encode_form(params: &[(&str, String)]) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (name, value) in params {
        serializer.append_pair(name, value);
    }
    serializer.finish()
}

/// Percent-encodes a path segment, so a SID that came from outside (a webhook)
/// cannot add segments or a query to the URL; the `.json` suffix appended after
/// it also keeps it from ever being a `.`/`..` segment.
fn encode_path_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// An HTTP method Twilio accepts for its callbacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    Get,
    Post,
}

impl HttpMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
        }
    }
}

/// Parameters of `POST …/Calls.json` (the spec's `CreateCallRequest`), limited to what the helpline uses.
///
/// The call's instructions always come from `url` (the service's own TwiML), so
/// neither `Twiml` nor `ApplicationSid` is offered.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CreateCall {
    /// `To`: the number to call, E.164.
    pub to: String,
    /// `From`: the caller ID shown, a Twilio number of the account, E.164.
    pub from: String,
    /// `Url`: where Twilio fetches the TwiML once the call connects.
    pub url: String,
    /// `Method` for `url` (Twilio's default: POST).
    pub method: Option<HttpMethod>,
    /// `StatusCallback`: where call progress is posted.
    pub status_callback: Option<String>,
    /// `StatusCallbackEvent`, one repeated key each: `initiated`, `ringing`, `answered`, `completed`
    /// (Twilio's default when empty: `completed` only).
    pub status_callback_event: Vec<String>,
    /// `StatusCallbackMethod` (Twilio's default: POST).
    pub status_callback_method: Option<HttpMethod>,
    /// `Timeout`: seconds to let it ring (Twilio: default 60, max 600, may add 5).
    pub timeout_secs: Option<u32>,
    /// `TimeLimit`: maximum length of the call in seconds.
    pub time_limit_secs: Option<u32>,
    /// `CallerId`: caller ID for SIP or client destinations (phone calls use `from`).
    pub caller_id: Option<String>,
    /// `MachineDetection`: `Enable` or `DetectMessageEnd`.
    pub machine_detection: Option<String>,
}

impl CreateCall {
    /// The form pairs sent, in a stable order, names exactly as in the spec.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut p = vec![
            ("To", self.to.clone()),
            ("From", self.from.clone()),
            ("Url", self.url.clone()),
        ];
        if let Some(m) = self.method {
            p.push(("Method", m.as_str().to_string()));
        }
        if let Some(cb) = &self.status_callback {
            p.push(("StatusCallback", cb.clone()));
        }
        for event in &self.status_callback_event {
            p.push(("StatusCallbackEvent", event.clone()));
        }
        if let Some(m) = self.status_callback_method {
            p.push(("StatusCallbackMethod", m.as_str().to_string()));
        }
        if let Some(t) = self.timeout_secs {
            p.push(("Timeout", t.to_string()));
        }
        if let Some(t) = self.time_limit_secs {
            p.push(("TimeLimit", t.to_string()));
        }
        if let Some(c) = &self.caller_id {
            p.push(("CallerId", c.clone()));
        }
        if let Some(m) = &self.machine_detection {
            p.push(("MachineDetection", m.clone()));
        }
        p
    }
}

impl fmt::Debug for CreateCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateCall")
            .field("to", &Masked(&self.to))
            .field("from", &Masked(&self.from))
            .field("url", &self.url)
            .field("method", &self.method)
            .field("status_callback", &self.status_callback)
            .field("status_callback_event", &self.status_callback_event)
            .field("status_callback_method", &self.status_callback_method)
            .field("timeout_secs", &self.timeout_secs)
            .field("time_limit_secs", &self.time_limit_secs)
            .field("caller_id", &self.caller_id.as_deref().map(Masked))
            .field("machine_detection", &self.machine_detection)
            .finish()
    }
}

/// The `Status` values `POST …/Calls/{Sid}.json` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallUpdateStatus {
    /// Stops a queued or ringing call; an answered call is left up.
    Canceled,
    /// Ends the call whatever its state.
    Completed,
}

impl CallUpdateStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CallUpdateStatus::Canceled => "canceled",
            CallUpdateStatus::Completed => "completed",
        }
    }
}

/// Parameters of `POST …/Calls/{Sid}.json` (the spec's `UpdateCallRequest`).
///
/// `url` and `twiml` are mutually exclusive for Twilio; setting both is refused by Twilio, not here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateCall {
    /// `Status`: end the call.
    pub status: Option<CallUpdateStatus>,
    /// `Url`: redirect a live call to new TwiML.
    pub url: Option<String>,
    /// `Method` for `url`.
    pub method: Option<HttpMethod>,
    /// `Twiml`: replace the call's instructions inline.
    pub twiml: Option<String>,
}

impl UpdateCall {
    /// `Status=completed`: ends the call whether it is ringing or answered.
    pub fn hang_up() -> Self {
        UpdateCall {
            status: Some(CallUpdateStatus::Completed),
            ..Default::default()
        }
    }

    /// `Status=canceled`: stops the call only if nobody answered yet.
    pub fn cancel() -> Self {
        UpdateCall {
            status: Some(CallUpdateStatus::Canceled),
            ..Default::default()
        }
    }

    /// `Url=…&Method=POST`: the live call fetches new TwiML from `url`.
    pub fn redirect(url: impl Into<String>) -> Self {
        UpdateCall {
            url: Some(url.into()),
            method: Some(HttpMethod::Post),
            ..Default::default()
        }
    }

    /// The form pairs sent, names exactly as in the spec.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        if let Some(s) = self.status {
            p.push(("Status", s.as_str().to_string()));
        }
        if let Some(u) = &self.url {
            p.push(("Url", u.clone()));
        }
        if let Some(m) = self.method {
            p.push(("Method", m.as_str().to_string()));
        }
        if let Some(t) = &self.twiml {
            p.push(("Twiml", t.clone()));
        }
        p
    }
}

/// Who a message is sent as: Twilio wants exactly one of `From` or `MessagingServiceSid`.
#[derive(Clone, PartialEq, Eq)]
pub enum Sender {
    /// `From`: a number of the account, E.164.
    From(String),
    /// `MessagingServiceSid` (`MG…`): Twilio picks the number, and applies the service's opt-out rules.
    MessagingService(String),
}

impl fmt::Debug for Sender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Sender::From(number) => f.debug_tuple("From").field(&Masked(number)).finish(),
            Sender::MessagingService(sid) => f.debug_tuple("MessagingService").field(sid).finish(),
        }
    }
}

/// Parameters of `POST …/Messages.json` (the spec's `CreateMessageRequest`), an SMS with a text body.
#[derive(Clone, PartialEq, Eq)]
pub struct SendMessage {
    /// `To`: the recipient, E.164.
    pub to: String,
    pub sender: Sender,
    /// `Body`: up to 1600 characters, split into segments by Twilio.
    pub body: String,
    /// `StatusCallback`: where delivery status is posted.
    pub status_callback: Option<String>,
}

impl SendMessage {
    /// The form pairs sent, names exactly as in the spec.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut p = vec![("To", self.to.clone())];
        match &self.sender {
            Sender::From(number) => p.push(("From", number.clone())),
            Sender::MessagingService(sid) => p.push(("MessagingServiceSid", sid.clone())),
        }
        p.push(("Body", self.body.clone()));
        if let Some(cb) = &self.status_callback {
            p.push(("StatusCallback", cb.clone()));
        }
        p
    }
}

impl fmt::Debug for SendMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendMessage")
            .field("to", &Masked(&self.to))
            .field("sender", &self.sender)
            .field("body", &format_args!("<{} chars>", self.body.chars().count()))
            .field("status_callback", &self.status_callback)
            .finish()
    }
}

/// The query of `GET …/Messages.json` (the spec's `ListMessage`): filters, all optional.
///
/// Twilio filters `DateSent` by GMT day; the days are sent as midnight GMT in
/// RFC 3339 (`2026-11-24T00:00:00Z`), as Twilio's own helper library writes them.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ListMessages {
    /// `To`: the recipient, E.164.
    pub to: Option<String>,
    /// `From`: the sender, E.164.
    pub from: Option<String>,
    /// `DateSent`: sent on that day.
    pub date_sent: Option<NaiveDate>,
    /// `DateSent<`: sent on or before that day.
    pub date_sent_before: Option<NaiveDate>,
    /// `DateSent>`: sent on or after that day.
    pub date_sent_after: Option<NaiveDate>,
    /// `PageSize`: 1 to 1000 (Twilio's default: 50).
    pub page_size: Option<u32>,
}

impl ListMessages {
    /// The query pairs sent, names exactly as in the spec.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let day = |d: &NaiveDate| format!("{}T00:00:00Z", d.format("%Y-%m-%d"));
        let mut p = Vec::new();
        if let Some(to) = &self.to {
            p.push(("To", to.clone()));
        }
        if let Some(from) = &self.from {
            p.push(("From", from.clone()));
        }
        if let Some(d) = &self.date_sent {
            p.push(("DateSent", day(d)));
        }
        if let Some(d) = &self.date_sent_before {
            p.push(("DateSent<", day(d)));
        }
        if let Some(d) = &self.date_sent_after {
            p.push(("DateSent>", day(d)));
        }
        if let Some(n) = self.page_size {
            p.push(("PageSize", n.to_string()));
        }
        p
    }
}

impl fmt::Debug for ListMessages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListMessages")
            .field("to", &self.to.as_deref().map(Masked))
            .field("from", &self.from.as_deref().map(Masked))
            .field("date_sent", &self.date_sent)
            .field("date_sent_before", &self.date_sent_before)
            .field("date_sent_after", &self.date_sent_after)
            .field("page_size", &self.page_size)
            .finish()
    }
}

/// One page of a message list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct MessagePage {
    pub messages: Vec<MessageResource>,
    /// The next page's path and query, None on the last page.
    pub next_page_uri: Option<String>,
}

/// A Call as Twilio returns it, reduced to what the service uses; unknown fields are ignored.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct CallResource {
    /// `CA` + 32 hex digits.
    pub sid: String,
    /// `queued`, `ringing`, `in-progress`, `completed`, `busy`, `failed`, `no-answer` or `canceled`.
    pub status: String,
    pub account_sid: Option<String>,
    pub to: Option<String>,
    pub from: Option<String>,
    /// Set when this leg was created by a `<Dial>` on another call.
    pub parent_call_sid: Option<String>,
    /// `outbound-api` for calls created here.
    pub direction: Option<String>,
    /// Filled by answering-machine detection: `human`, `machine_start`, `fax`, …
    pub answered_by: Option<String>,
    /// Seconds, as a string, once the call ended.
    pub duration: Option<String>,
    /// RFC 2822 dates, as Twilio writes them.
    pub date_created: Option<String>,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
}

impl fmt::Debug for CallResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallResource")
            .field("sid", &self.sid)
            .field("status", &self.status)
            .field("to", &self.to.as_deref().map(Masked))
            .field("from", &self.from.as_deref().map(Masked))
            .field("parent_call_sid", &self.parent_call_sid)
            .field("direction", &self.direction)
            .field("answered_by", &self.answered_by)
            .field("duration", &self.duration)
            .finish_non_exhaustive()
    }
}

/// A Message as Twilio returns it, reduced to what the service uses.
///
/// The body is kept, to recognise a message when reconciling, but `Debug` never shows it.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct MessageResource {
    /// `SM` (or `MM`) + 32 hex digits.
    pub sid: String,
    /// `queued`, `accepted` (with a messaging service), then `sent`, `delivered`, `failed`, …
    pub status: String,
    pub account_sid: Option<String>,
    pub to: Option<String>,
    /// Null when only a messaging service was given: Twilio picks the number later.
    pub from: Option<String>,
    pub messaging_service_sid: Option<String>,
    /// A count, as a string.
    pub num_segments: Option<String>,
    pub error_code: Option<i64>,
    pub error_message: Option<String>,
    /// RFC 2822 dates, as Twilio writes them.
    pub date_created: Option<String>,
    pub date_sent: Option<String>,
    /// `outbound-api` for messages created here, `inbound`, `outbound-reply`, …
    pub direction: Option<String>,
    pub body: Option<String>,
}

impl fmt::Debug for MessageResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MessageResource")
            .field("sid", &self.sid)
            .field("status", &self.status)
            .field("to", &self.to.as_deref().map(Masked))
            .field("from", &self.from.as_deref().map(Masked))
            .field("messaging_service_sid", &self.messaging_service_sid)
            .field("num_segments", &self.num_segments)
            .field("error_code", &self.error_code)
            .field("direction", &self.direction)
            .field("date_created", &self.date_created)
            .field(
                "body",
                &self.body.as_ref().map(|b| format!("<{} chars>", b.chars().count())),
            )
            .finish_non_exhaustive()
    }
}

/// How a failed request may be repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Twilio did not act (429 / 20429: "never processed"): repeat after a backoff.
    Safe,
    /// Twilio may or may not have acted (5xx, connection lost, timeout) and
    /// these endpoints have no idempotency key: find out (list calls or messages)
    /// before repeating, or a parent gets the SMS twice.
    Ambiguous,
    /// Repeating cannot help (refused request, bad credentials, opted-out
    /// recipient), or Twilio already acted (a 2xx we could not read).
    Never,
}

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestError {
    /// Twilio answered with an error status; `code` is Twilio's error code
    /// (<https://www.twilio.com/docs/api/errors>). Phone numbers in `message` are masked.
    #[error("Twilio answered HTTP {status}{}: {message}", code.map(|c| format!(" (code {c})")).unwrap_or_default())]
    Api {
        status: u16,
        code: Option<i64>,
        message: String,
        more_info: Option<String>,
    },
    /// No usable answer: connection refused or reset, timeout, TLS failure. The
    /// request may or may not have been processed.
    #[error("Twilio could not be reached: {0}")]
    Transport(String),
    /// A success status with a body that is not the expected JSON: Twilio acted.
    #[error("Twilio's answer could not be read: {0}")]
    Decode(String),
}

impl RestError {
    /// How this failure may be retried (`PROTOCOL.md` §6.3).
    ///
    /// A connection refused is classed [`Retry::Ambiguous`] like any transport
    /// failure, although nothing was sent: one rule for the whole class keeps the
    /// outbox simple, and reconciling costs one list request.
    pub fn is_retryable(&self) -> Retry {
        match self {
            RestError::Api { status: 429, .. }
            | RestError::Api {
                code: Some(CODE_TOO_MANY_REQUESTS),
                ..
            } => Retry::Safe,
            RestError::Api { status, .. } if *status >= 500 => Retry::Ambiguous,
            RestError::Api { .. } => Retry::Never,
            RestError::Transport(_) => Retry::Ambiguous,
            RestError::Decode(_) => Retry::Never,
        }
    }

    /// Twilio refused because the recipient opted out (replied STOP): record it, never retry.
    pub fn is_opted_out(&self) -> bool {
        matches!(
            self,
            RestError::Api {
                code: Some(CODE_OPTED_OUT),
                ..
            }
        )
    }

    /// Twilio's error code, when it answered with one.
    pub fn code(&self) -> Option<i64> {
        match self {
            RestError::Api { code, .. } => *code,
            _ => None,
        }
    }

    /// Builds the error from an error answer, in either of Twilio's formats:
    /// - legacy (API 2010): `{"code", "message", "more_info", "status"}`;
    /// - RFC 9457 (newer APIs): `{"type", "title", "status", "code", "detail"}`,
    ///   recognised like twilio-python does, by `type` and `title`.
    ///
    /// The HTTP status wins over the body's `status`, since that is what was
    /// actually returned; a body that is not JSON (a proxy's HTML page) still
    /// gives an error with the status.
    pub fn from_response(status: u16, body: &[u8]) -> RestError {
        let Ok(serde_json::Value::Object(json)) = serde_json::from_slice::<serde_json::Value>(body) else {
            let text = String::from_utf8_lossy(body);
            let snippet: String = text.trim().chars().take(200).collect();
            let message = if snippet.is_empty() {
                "(empty body)".to_string()
            } else {
                format!("(not Twilio's error JSON) {}", mask_numbers(&snippet))
            };
            return RestError::Api {
                status,
                code: None,
                message,
                more_info: None,
            };
        };
        let text = |key: &str| json.get(key).and_then(|v| v.as_str()).filter(|s| !s.is_empty());
        // Some APIs write the code as a string.
        let code = json
            .get("code")
            .and_then(|v| v.as_i64().or_else(|| v.as_str()?.trim().parse().ok()));
        let problem = json.contains_key("type") && json.contains_key("title");
        let (message, more_info) = if problem {
            (text("detail").or(text("title")), text("type"))
        } else {
            (text("message").or(text("detail")), text("more_info"))
        };
        RestError::Api {
            status,
            code,
            message: mask_numbers(message.unwrap_or("(no message)")),
            more_info: more_info.map(str::to_string),
        }
    }

    /// Keeps the whole cause chain: reqwest's own message hides the useful part
    /// ("Connection refused", "operation timed out") in its sources. The URL is
    /// left out: a list's query names a phone number.
    fn transport(error: reqwest::Error) -> RestError {
        let error = error.without_url();
        let mut message = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        if error.is_timeout() && !message.contains("timed out") {
            message.push_str(" (timed out)");
        }
        RestError::Transport(message)
    }
}

/// Masks phone numbers in free text from Twilio: its error messages quote the
/// number they refused ("The 'To' number +33612345678 is not a valid phone
/// number"), and errors end up in logs. A run of at least 7 digits, possibly
/// with a leading `+` and the separators of formatted numbers, is replaced;
/// error codes (5 digits) and small counts survive.
pub fn mask_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let next_is_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        let starts_number = chars[i].is_ascii_digit() || (matches!(chars[i], '+' | '(') && next_is_digit);
        if !starts_number {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // Extend over digits and in-number separators, but end on a digit so a
        // trailing space or full stop stays in the text.
        let (mut digits, mut last_digit) = (0, i + 1);
        let mut end = i;
        while end < chars.len()
            && (chars[end].is_ascii_digit() || end == i || matches!(chars[end], ' ' | '-' | '.' | '(' | ')'))
        {
            if chars[end].is_ascii_digit() {
                digits += 1;
                last_digit = end;
            }
            end += 1;
        }
        if digits >= 7 {
            out.push_str("[number]");
        } else {
            out.extend(&chars[i..=last_digit]);
        }
        i = last_digit + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(body: &str) -> Vec<(String, String)> {
        form_urlencoded::parse(body.as_bytes()).into_owned().collect()
    }

    fn call() -> CreateCall {
        CreateCall {
            to: "+33639980123".into(),
            from: "+33199001234".into(),
            url: "https://helpline.example.org/twilio/voice/callback?item=42&try=1".into(),
            method: Some(HttpMethod::Post),
            status_callback: Some("https://helpline.example.org/twilio/voice/status".into()),
            status_callback_event: vec![
                "initiated".into(),
                "ringing".into(),
                "answered".into(),
                "completed".into(),
            ],
            status_callback_method: Some(HttpMethod::Post),
            timeout_secs: Some(25),
            time_limit_secs: Some(3600),
            caller_id: None,
            machine_detection: Some("Enable".into()),
        }
    }

    #[test]
    fn repeated_keys_for_arrays_in_order() {
        let body = encode_form(&call().params());
        assert!(
            body.contains(
                "StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&StatusCallbackEvent=answered&StatusCallbackEvent=completed"
            ),
            "{body}"
        );
        assert!(
            !body.contains("%5B%5D") && !body.contains("[]"),
            "no bracket suffixes: {body}"
        );
        let events: Vec<String> = decode(&body)
            .into_iter()
            .filter(|(k, _)| k == "StatusCallbackEvent")
            .map(|(_, v)| v)
            .collect();
        assert_eq!(events, ["initiated", "ringing", "answered", "completed"]);
    }

    #[test]
    fn plus_of_e164_is_percent_encoded() {
        let body = encode_form(&call().params());
        assert!(body.starts_with("To=%2B33639980123&From=%2B33199001234&"), "{body}");
        // A literal `+` would decode as a space and Twilio would see " 33639980123".
        assert_eq!(decode(&body)[0], ("To".to_string(), "+33639980123".to_string()));
    }

    #[test]
    fn urls_spaces_and_accents_round_trip() {
        let msg = SendMessage {
            to: "+33639980123".into(),
            sender: Sender::From("+33199001234".into()),
            body: "Bonjour, une puéricultrice vous rappelle à 14 h & c'est gratuit : 100% œuvre".into(),
            status_callback: Some("https://helpline.example.org/twilio/sms/status?a=1&b=2".into()),
        };
        let body = encode_form(&msg.params());
        assert!(body.contains("Body=Bonjour%2C+une+pu%C3%A9ricultrice"), "{body}");
        assert!(
            body.contains("StatusCallback=https%3A%2F%2Fhelpline.example.org%2Ftwilio%2Fsms%2Fstatus%3Fa%3D1%26b%3D2")
        );
        let decoded = decode(&body);
        let expected: Vec<(String, String)> = msg.params().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        assert_eq!(decoded, expected);
    }

    #[test]
    fn create_call_params_use_spec_names_and_skip_unset_options() {
        let minimal = CreateCall {
            to: "+33639980123".into(),
            from: "+33199001234".into(),
            url: "https://h.example.org/a".into(),
            ..Default::default()
        };
        let names: Vec<&str> = minimal.params().iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["To", "From", "Url"]);
        let names: Vec<&str> = call().params().iter().map(|(k, _)| *k).collect();
        assert_eq!(
            names,
            [
                "To",
                "From",
                "Url",
                "Method",
                "StatusCallback",
                "StatusCallbackEvent",
                "StatusCallbackEvent",
                "StatusCallbackEvent",
                "StatusCallbackEvent",
                "StatusCallbackMethod",
                "Timeout",
                "TimeLimit",
                "MachineDetection"
            ]
        );
        let p = call().params();
        assert!(p.contains(&("Timeout", "25".to_string())) && p.contains(&("TimeLimit", "3600".to_string())));
    }

    #[test]
    fn update_and_message_params() {
        assert_eq!(UpdateCall::hang_up().params(), [("Status", "completed".to_string())]);
        assert_eq!(UpdateCall::cancel().params(), [("Status", "canceled".to_string())]);
        assert_eq!(
            UpdateCall::redirect("https://h.example.org/next").params(),
            [
                ("Url", "https://h.example.org/next".to_string()),
                ("Method", "POST".to_string())
            ]
        );
        let via_service = SendMessage {
            to: "+33639980123".into(),
            sender: Sender::MessagingService("MG0123456789abcdef0123456789abcdef".into()),
            body: "x".into(),
            status_callback: None,
        };
        let names: Vec<&str> = via_service.params().iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["To", "MessagingServiceSid", "Body"]);
    }

    #[test]
    fn list_query_uses_spec_names_and_gmt_days() {
        let query = ListMessages {
            to: Some("+33639980123".into()),
            date_sent_after: NaiveDate::from_ymd_opt(2026, 11, 23),
            page_size: Some(100),
            ..Default::default()
        };
        assert_eq!(
            query.params(),
            [
                ("To", "+33639980123".to_string()),
                ("DateSent>", "2026-11-23T00:00:00Z".to_string()),
                ("PageSize", "100".to_string())
            ]
        );
        // The comparison is part of the name, encoded like the rest.
        assert_eq!(
            encode_form(&query.params()),
            "To=%2B33639980123&DateSent%3E=2026-11-23T00%3A00%3A00Z&PageSize=100"
        );
        let all = ListMessages {
            from: Some("+33199001234".into()),
            date_sent: NaiveDate::from_ymd_opt(2026, 1, 2),
            date_sent_before: NaiveDate::from_ymd_opt(2026, 1, 3),
            ..query
        };
        let names: Vec<&str> = all.params().iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["To", "From", "DateSent", "DateSent<", "DateSent>", "PageSize"]);
        assert!(ListMessages::default().params().is_empty());
        let shown = format!("{all:?}");
        assert!(!shown.contains("639980123") && !shown.contains("199001234"), "{shown}");
    }

    #[test]
    fn message_pages_parse_and_hide_bodies() {
        let page: MessagePage = serde_json::from_str(
            r#"{"end": 0, "first_page_uri": "/x", "next_page_uri": null, "page": 0, "page_size": 100, "start": 0,
                "messages": [{"sid": "SM0123456789abcdef0123456789abcdef", "status": "sent", "to": "+33639980123",
                "from": "+33199001234", "body": "Mon bébé", "direction": "outbound-api",
                "date_created": "Tue, 24 Nov 2026 09:00:05 +0000", "date_sent": "Tue, 24 Nov 2026 09:00:06 +0000"}]}"#,
        )
        .unwrap();
        assert_eq!(page.next_page_uri, None);
        let m = &page.messages[0];
        assert_eq!(m.body.as_deref(), Some("Mon bébé"));
        assert_eq!(m.direction.as_deref(), Some("outbound-api"));
        let shown = format!("{page:?}");
        assert!(!shown.contains("bébé") && !shown.contains("639980123"), "{shown}");
        assert!(shown.contains("<8 chars>"), "{shown}");
    }

    #[tokio::test]
    async fn next_pages_stay_within_the_account_messages() {
        let client = TwilioClient::new("http://127.0.0.1:9", "AC0123456789abcdef0123456789abcdef", "t".into());
        for uri in [
            "https://evil.example/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json?Page=1",
            "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls.json?Page=1",
            "/2010-04-01/Accounts/ACffffffffffffffffffffffffffffffff/Messages.json?Page=1",
        ] {
            let err = client.next_message_page(uri).await.unwrap_err();
            assert!(matches!(err, RestError::Decode(_)), "{uri}: {err:?}");
        }
    }

    #[test]
    fn path_segments_cannot_escape() {
        assert_eq!(
            encode_path_segment("CA0123456789abcdef0123456789abcdef"),
            "CA0123456789abcdef0123456789abcdef"
        );
        assert_eq!(
            encode_path_segment("../Messages.json?x=1#"),
            "..%2FMessages.json%3Fx%3D1%23"
        );
        assert_eq!(encode_path_segment("a b"), "a%20b");
    }

    #[test]
    fn legacy_error_json() {
        let body = br#"{"code": 21610, "message": "Attempt to send to unsubscribed recipient", "more_info": "https://www.twilio.com/docs/errors/21610", "status": 400}"#;
        let e = RestError::from_response(400, body);
        assert_eq!(
            e,
            RestError::Api {
                status: 400,
                code: Some(21610),
                message: "Attempt to send to unsubscribed recipient".into(),
                more_info: Some("https://www.twilio.com/docs/errors/21610".into()),
            }
        );
        assert!(e.is_opted_out());
        assert_eq!(e.is_retryable(), Retry::Never);
        assert_eq!(e.code(), Some(21610));
        assert_eq!(
            e.to_string(),
            "Twilio answered HTTP 400 (code 21610): Attempt to send to unsubscribed recipient"
        );
    }

    #[test]
    fn rfc9457_error_json() {
        let body = br#"{"type": "https://www.twilio.com/docs/errors/20429", "title": "Too Many Requests", "status": 429, "code": 20429, "detail": "Concurrency limit reached", "instance": "/v1/x"}"#;
        let e = RestError::from_response(429, body);
        assert_eq!(
            e,
            RestError::Api {
                status: 429,
                code: Some(20429),
                message: "Concurrency limit reached".into(),
                more_info: Some("https://www.twilio.com/docs/errors/20429".into()),
            }
        );
        assert_eq!(e.is_retryable(), Retry::Safe);
        // Without `detail`, the title is the message.
        let e = RestError::from_response(
            400,
            br#"{"type": "about:blank", "title": "Bad Request", "status": 400}"#,
        );
        assert!(matches!(&e, RestError::Api { message, code: None, .. } if message == "Bad Request"));
    }

    #[test]
    fn tolerant_error_parsing() {
        // Code as a string, body status disagreeing with the HTTP status, unknown fields.
        let e = RestError::from_response(
            503,
            br#"{"code": "20503", "message": "Service Unavailable", "status": 500, "details": {"x": 1}}"#,
        );
        assert!(matches!(
            e,
            RestError::Api {
                status: 503,
                code: Some(20503),
                ..
            }
        ));
        assert_eq!(e.is_retryable(), Retry::Ambiguous);
        let e = RestError::from_response(502, b"<html><body>Bad gateway</body></html>");
        assert!(
            matches!(&e, RestError::Api { status: 502, code: None, message, .. } if message.contains("Bad gateway"))
        );
        assert_eq!(e.is_retryable(), Retry::Ambiguous);
        let e = RestError::from_response(500, b"");
        assert!(matches!(&e, RestError::Api { message, .. } if message == "(empty body)"));
        let e = RestError::from_response(400, br#"{"code": null, "message": null}"#);
        assert!(matches!(&e, RestError::Api { code: None, message, .. } if message == "(no message)"));
    }

    #[test]
    fn retry_classes() {
        let api = |status, code| RestError::Api {
            status,
            code,
            message: String::new(),
            more_info: None,
        };
        assert_eq!(api(429, None).is_retryable(), Retry::Safe);
        assert_eq!(api(400, Some(20429)).is_retryable(), Retry::Safe);
        assert_eq!(api(500, Some(20500)).is_retryable(), Retry::Ambiguous);
        assert_eq!(api(503, None).is_retryable(), Retry::Ambiguous);
        assert_eq!(api(400, Some(21211)).is_retryable(), Retry::Never);
        assert_eq!(api(401, Some(20003)).is_retryable(), Retry::Never);
        assert_eq!(api(404, Some(20404)).is_retryable(), Retry::Never);
        assert_eq!(RestError::Transport("refused".into()).is_retryable(), Retry::Ambiguous);
        assert_eq!(RestError::Decode("eof".into()).is_retryable(), Retry::Never);
        assert!(!api(400, Some(21614)).is_opted_out());
        assert!(!RestError::Transport("x".into()).is_opted_out());
    }

    #[test]
    fn numbers_in_error_messages_are_masked() {
        let body = br#"{"code": 21211, "message": "The 'To' number +33612345678 is not a valid phone number.", "status": 400}"#;
        let e = RestError::from_response(400, body);
        assert_eq!(
            e.to_string(),
            "Twilio answered HTTP 400 (code 21211): The 'To' number [number] is not a valid phone number."
        );
        assert_eq!(mask_numbers("call (415) 867-5309 now"), "call [number] now");
        assert_eq!(mask_numbers("+33 6 12 34 56 78."), "[number].");
        assert_eq!(
            mask_numbers("error 21610 after 3 tries, +1"),
            "error 21610 after 3 tries, +1"
        );
        assert_eq!(mask_numbers("à 14 h"), "à 14 h");
    }

    #[test]
    fn debug_hides_token_numbers_and_bodies() {
        let client = TwilioClient::new(
            "https://api.twilio.com/",
            "AC0123456789abcdef0123456789abcdef",
            "s3cr3t-token".into(),
        );
        let shown = format!("{client:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(
            shown.contains("REDACTED") && shown.contains("\"https://api.twilio.com\""),
            "{shown}"
        );
        let shown = format!("{:?}", call());
        assert!(!shown.contains("639980123") && !shown.contains("199001234"), "{shown}");
        assert!(shown.contains("\"…23\""), "{shown}");
        let msg = SendMessage {
            to: "+33639980123".into(),
            sender: Sender::From("+33199001234".into()),
            body: "Mon bébé ne dort pas".into(),
            status_callback: None,
        };
        let shown = format!("{msg:?}");
        assert!(
            !shown.contains("bébé") && !shown.contains("639980123") && !shown.contains("199001234"),
            "{shown}"
        );
        assert!(shown.contains("<20 chars>"), "{shown}");
    }

    #[test]
    fn resources_tolerate_nulls_and_unknown_fields() {
        let call: CallResource = serde_json::from_str(
            r#"{"sid": "CA0123456789abcdef0123456789abcdef", "status": "queued", "to": "+33639980123", "from": null,
                "parent_call_sid": null, "subresource_uris": {"events": "/x"}, "queue_time": "0", "price": null}"#,
        )
        .unwrap();
        assert_eq!(call.status, "queued");
        assert_eq!(call.from, None);
        assert!(!format!("{call:?}").contains("639980123"));
        let msg: MessageResource = serde_json::from_str(
            r#"{"sid": "SM0123456789abcdef0123456789abcdef", "status": "accepted", "from": null, "body": "secret",
                "num_segments": "0", "error_code": null, "messaging_service_sid": "MG0123456789abcdef0123456789abcdef"}"#,
        )
        .unwrap();
        assert_eq!(msg.status, "accepted");
        assert_eq!(msg.num_segments.as_deref(), Some("0"));
        assert!(
            serde_json::from_str::<CallResource>(r#"{"sid": "CA1"}"#).is_err(),
            "status is required"
        );
    }
}
