//! Twilio request signatures (`X-Twilio-Signature`).
//!
//! The algorithm mirrors Twilio's own helper library (twilio-python's
//! `RequestValidator`), because that is what Twilio signs with: the string to sign
//! is the full URL Twilio requested, followed by every POST parameter as
//! `name + value`, names sorted by code point and, for a repeated name, its
//! distinct values sorted. The digest is HMAC-SHA1 keyed with the auth token
//! (HMAC-SHA256 for shared-key signing), base64-encoded.
//!
//! Two quirks of the helper are reproduced on purpose, since a validator that is
//! stricter than Twilio's would reject genuine webhooks:
//! - the URL is tried with its port removed and with the scheme's default port
//!   added, so a proxy that adds or strips `:443` does not break validation;
//! - JSON-bodied webhooks carry `bodySHA256` in the query string, and the body is
//!   checked against that hash separately.
//!
//! Comparisons run in constant time. The tests replay every vector of
//! `tests/fixtures/twilio/signature-vectors.json`, made with Twilio's library.

use base64::{engine::general_purpose::STANDARD as BASE64, Engine as _};
use hmac::{Hmac, Mac};
use sha2::Digest;
use subtle::ConstantTimeEq;

/// The MAC used to sign; Twilio's classic webhooks use SHA-1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Algorithm {
    #[default]
    HmacSha1,
    HmacSha256,
}

impl Algorithm {
    /// Parses the names Twilio uses (`HMAC_SHA1`, `HMAC_SHA256`); anything else is refused.
    pub fn from_name(name: &str) -> Option<Algorithm> {
        match name {
            "HMAC_SHA1" => Some(Algorithm::HmacSha1),
            "HMAC_SHA256" => Some(Algorithm::HmacSha256),
            _ => None,
        }
    }
}

/// What was signed besides the URL.
#[derive(Debug, Clone, Copy)]
pub enum SignedBody<'a> {
    /// Form parameters, decoded, in the order received (names may repeat).
    Form(&'a [(String, String)]),
    /// A raw JSON body; the URL must carry its `bodySHA256`.
    Json(&'a str),
}

/// Computes the signature Twilio would send for `url` and `params`, on the URL exactly as given.
pub fn compute(token: &str, url: &str, params: &[(String, String)], algorithm: Algorithm) -> String {
    BASE64.encode(mac(token, &string_to_sign(url, params), algorithm))
}

/// The exact string fed to the HMAC: the URL, then each distinct name in sorted
/// order followed by each of its distinct values in sorted order.
pub fn string_to_sign(url: &str, params: &[(String, String)]) -> String {
    let mut pairs: Vec<(&str, &str)> = params.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    // Sorting (name, value) pairs by code point then dropping exact duplicates is
    // the same as "sorted distinct names, each with its sorted distinct values".
    pairs.sort_unstable();
    pairs.dedup();
    let mut s = String::with_capacity(url.len() + pairs.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>());
    s.push_str(url);
    for (k, v) in pairs {
        s.push_str(k);
        s.push_str(v);
    }
    s
}

/// Validates `signature` for a request to `url` with `body`, as Twilio's helper does.
pub fn validate(token: &str, url: &str, body: SignedBody<'_>, signature: &str, algorithm: Algorithm) -> bool {
    if signature.is_empty() {
        return false;
    }
    let Ok(parsed) = url::Url::parse(url) else {
        return false;
    };
    let params: &[(String, String)] = match body {
        SignedBody::Form(params) => params,
        SignedBody::Json(raw) => {
            let Some(expected_hash) = parsed
                .query_pairs()
                .find(|(k, _)| k == "bodySHA256")
                .map(|(_, v)| v.into_owned())
            else {
                return false;
            };
            let actual_hash = hex::encode(sha2::Sha256::digest(raw.as_bytes()));
            if !bool::from(actual_hash.as_bytes().ct_eq(expected_hash.as_bytes())) {
                return false;
            }
            &[]
        }
    };
    let Ok(given) = BASE64.decode(signature.trim()) else {
        return false;
    };
    [without_port(url, &parsed), with_default_port(url, &parsed)]
        .into_iter()
        .flatten()
        .any(|candidate| bool::from(mac(token, &string_to_sign(&candidate, params), algorithm).ct_eq(&given)))
}

fn mac(token: &str, message: &str, algorithm: Algorithm) -> Vec<u8> {
    match algorithm {
        Algorithm::HmacSha1 => {
            let mut m = Hmac::<sha1::Sha1>::new_from_slice(token.as_bytes()).expect("HMAC accepts keys of any length");
            m.update(message.as_bytes());
            m.finalize().into_bytes().to_vec()
        }
        Algorithm::HmacSha256 => {
            let mut m =
                Hmac::<sha2::Sha256>::new_from_slice(token.as_bytes()).expect("HMAC accepts keys of any length");
            m.update(message.as_bytes());
            m.finalize().into_bytes().to_vec()
        }
    }
}

/// The authority part of `url` as written (the `url` crate normalises hosts and
/// drops default ports, so the original text is edited instead of re-serialised:
/// the signature covers the bytes Twilio sent).
fn authority_span(url: &str) -> Option<(usize, usize)> {
    let start = url.find("://")? + 3;
    let end = url[start..].find(['/', '?', '#']).map_or(url.len(), |i| start + i);
    Some((start, end))
}

/// The URL with any explicit port removed (the helper strips every port, not only defaults).
fn without_port(url: &str, parsed: &url::Url) -> Option<String> {
    let (start, end) = authority_span(url)?;
    let authority = &url[start..end];
    if parsed.port().is_none() && !authority_has_port(authority) {
        return Some(url.to_owned());
    }
    let host_end = port_colon(authority)?;
    Some(format!("{}{}{}", &url[..start], &authority[..host_end], &url[end..]))
}

/// The URL with the scheme's default port added when it has no port.
fn with_default_port(url: &str, parsed: &url::Url) -> Option<String> {
    let (start, end) = authority_span(url)?;
    let authority = &url[start..end];
    if authority_has_port(authority) {
        return Some(url.to_owned());
    }
    let port = if parsed.scheme() == "https" { 443 } else { 80 };
    Some(format!("{}{}:{}{}", &url[..start], authority, port, &url[end..]))
}

fn authority_has_port(authority: &str) -> bool {
    port_colon(authority).is_some()
}

/// Byte index of the colon before the port in `authority`, if there is a port
/// (IPv6 literals are bracketed, so only a colon after the host counts).
fn port_colon(authority: &str) -> Option<usize> {
    let host_start = authority.rfind('@').map_or(0, |i| i + 1);
    let host_part = &authority[host_start..];
    let after_bracket = host_part.rfind(']').map_or(0, |i| i + 1);
    host_part[after_bracket..]
        .rfind(':')
        .map(|i| host_start + after_bracket + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Vectors {
        vectors: Vec<Vector>,
    }

    #[derive(serde::Deserialize)]
    struct Vector {
        id: String,
        kind: String,
        algorithm: String,
        auth_token: String,
        url: String,
        params: Vec<(String, String)>,
        #[serde(default)]
        body: Option<String>,
        #[serde(default)]
        string_to_sign: Option<String>,
        expected_signature: String,
        signature: String,
        valid: bool,
    }

    fn vectors() -> Vec<Vector> {
        let raw = include_str!("../../tests/fixtures/twilio/signature-vectors.json");
        serde_json::from_str::<Vectors>(raw).expect("vectors parse").vectors
    }

    #[test]
    fn agrees_with_twilio_helper_on_every_vector() {
        let vectors = vectors();
        assert_eq!(vectors.len(), 75, "the fixture holds 75 vectors");
        let mut failures = Vec::new();
        for v in &vectors {
            let algorithm = Algorithm::from_name(&v.algorithm).expect("known algorithm");
            let body = match v.kind.as_str() {
                "json" => SignedBody::Json(v.body.as_deref().expect("json vectors carry a body")),
                _ => SignedBody::Form(&v.params),
            };
            if validate(&v.auth_token, &v.url, body, &v.signature, algorithm) != v.valid {
                failures.push(format!("{}: expected valid={}", v.id, v.valid));
            }
        }
        assert!(failures.is_empty(), "disagreements with Twilio's helper: {failures:#?}");
    }

    #[test]
    fn computes_the_helper_signature_and_string_to_sign() {
        for v in vectors().iter().filter(|v| v.kind == "form") {
            let algorithm = Algorithm::from_name(&v.algorithm).unwrap();
            assert_eq!(
                compute(&v.auth_token, &v.url, &v.params, algorithm),
                v.expected_signature,
                "{}",
                v.id
            );
            if let Some(expected) = &v.string_to_sign {
                assert_eq!(&string_to_sign(&v.url, &v.params), expected, "{}", v.id);
            }
        }
    }

    #[test]
    fn rejects_an_empty_or_garbled_signature() {
        let p = vec![("CallSid".to_owned(), "CA1".to_owned())];
        assert!(!validate(
            "t",
            "https://h/x",
            SignedBody::Form(&p),
            "",
            Algorithm::HmacSha1
        ));
        assert!(!validate(
            "t",
            "https://h/x",
            SignedBody::Form(&p),
            "not base64!",
            Algorithm::HmacSha1
        ));
        assert!(!validate(
            "t",
            "not a url",
            SignedBody::Form(&p),
            "AAAA",
            Algorithm::HmacSha1
        ));
    }
}
