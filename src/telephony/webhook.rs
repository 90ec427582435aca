//! The extractor every provider endpoint uses: it reads the raw form body once,
//! checks `X-Twilio-Signature` against the public URL the provider called, and
//! hands the handler every parameter (known or not, empty or not), as signed.

use axum::body::Bytes;
use axum::extract::{FromRequest, OriginalUri, Request};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::signature::{self, Algorithm, SignedBody};
use crate::http::AppState;

/// A provider webhook whose signature has been checked.
#[derive(Debug, Clone)]
pub struct TwilioRequest {
    /// Every POST parameter, decoded, in the order received.
    pub params: Vec<(String, String)>,
    /// Query parameters of the URL (our own: step numbers, events).
    pub query: Vec<(String, String)>,
    /// `I-Twilio-Idempotency-Token`: the same on the provider's retries.
    pub idempotency_token: Option<String>,
    /// The base URL the request was signed for (no trailing slash): callback URLs
    /// of the answer are built on it, so the provider comes back where it was.
    pub base_url: String,
}

impl TwilioRequest {
    /// The first value of `name`, if present and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
    pub fn query(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Twilio bodies are small; anything bigger is not Twilio.
const MAX_BODY: usize = 64 * 1024;

impl FromRequest<AppState> for TwilioRequest {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        // The signature covers the URL as requested: use the original URI (not one
        // rewritten by nesting) under the configured public base URL, never a URL
        // rebuilt from parsed parameters.
        let (parts, body) = req.into_parts();
        let uri = parts.extensions.get::<OriginalUri>().map_or(&parts.uri, |o| &o.0);
        let path_and_query = uri.path_and_query().map_or("/", |pq| pq.as_str());
        let headers = &parts.headers;
        let body = axum::body::to_bytes(body, MAX_BODY).await.map_err(|_| {
            (
                StatusCode::PAYLOAD_TOO_LARGE,
                "request body too large for a provider webhook",
            )
                .into_response()
        })?;
        let params: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
        let query: Vec<(String, String)> = uri
            .query()
            .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();

        let settings = state.settings();
        let base_url = base_url(settings, headers);
        if settings.verify_signatures {
            let url = format!("{base_url}{path_and_query}");
            let given = headers
                .get("x-twilio-signature")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let token = settings
                .twilio_auth_token
                .as_ref()
                .map(secrecy::ExposeSecret::expose_secret)
                .unwrap_or("");
            if token.is_empty() || !verify(token, &url, headers, &body, &params, given) {
                tracing::warn!(path = %uri.path(), signed = !given.is_empty(), "rejected a webhook with a missing or wrong signature");
                return Err((StatusCode::FORBIDDEN, "invalid or missing X-Twilio-Signature\n").into_response());
            }
        }
        let idempotency_token = headers
            .get("i-twilio-idempotency-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(TwilioRequest {
            params,
            query,
            idempotency_token,
            base_url,
        })
    }
}

/// The configured public URL; without one, `http://` + the `Host` header, which is
/// what a local client (or a tunnel that keeps the host) signed.
fn base_url(settings: &crate::config::Settings, headers: &HeaderMap) -> String {
    if let Some(url) = &settings.public_url {
        return url.clone();
    }
    let host = headers
        .get("host")
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_graphic()) && !h.contains(['/', '?', '#', '@']));
    match host {
        Some(h) => format!("http://{h}"),
        None => format!("http://{}", settings.bind),
    }
}
fn verify(token: &str, url: &str, headers: &HeaderMap, body: &Bytes, params: &[(String, String)], given: &str) -> bool {
    let is_json = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json"));
    if is_json {
        let Ok(raw) = std::str::from_utf8(body) else {
            return false;
        };
        signature::validate(token, url, SignedBody::Json(raw), given, Algorithm::HmacSha1)
    } else {
        signature::validate(token, url, SignedBody::Form(params), given, Algorithm::HmacSha1)
    }
}
