//! The provider's side of a rehearsal: what Twilio does with our TwiML, played
//! against the router in the process. It follows `<Gather>` actions with the
//! caller's keys, `<Redirect>`s, a screened `<Dial>` (the professional's leg
//! fetches the `<Number url>` and presses 1, or the phone rings out), `<Record>`
//! and its recording callback, and ends the call with a status callback, all
//! signed with the account's auth token, as Twilio signs them.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use quick_xml::events::{BytesStart, Event};
use tower::ServiceExt;

use crate::telephony::signature;

/// The host the rehearsal's requests are addressed to (and signed for).
const HOST: &str = "rehearsal.invalid";
const ACCOUNT: &str = "AC00000000000000000000000000000000";

/// A TwiML element, enough of it to follow a call (the API tests read our
/// answers with it too).
#[derive(Debug, Default, Clone)]
pub struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<El>,
}

impl El {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every element below this one, depth first.
    pub fn all(&self) -> Vec<&El> {
        let mut out = Vec::new();
        for c in &self.children {
            out.push(c);
            out.extend(c.all());
        }
        out
    }

    /// What a person on the line hears from this document: its `<Say>` texts, in order.
    pub fn said(&self) -> String {
        self.all()
            .iter()
            .filter(|e| e.name == "Say")
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The `<Response>` of a TwiML document, which must be its root element.
pub fn parse(xml: &str) -> Result<El, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<El> = vec![El::default()];
    let element = |s: &BytesStart| -> Result<El, String> {
        let mut attrs = Vec::new();
        for a in s.attributes() {
            let a = a.map_err(|e| format!("malformed TwiML attribute: {e}"))?;
            let value = a.unescape_value().map_err(|e| e.to_string())?.into_owned();
            attrs.push((String::from_utf8_lossy(a.key.as_ref()).into_owned(), value));
        }
        Ok(El {
            name: String::from_utf8_lossy(s.name().as_ref()).into_owned(),
            attrs,
            ..El::default()
        })
    };
    loop {
        match reader.read_event().map_err(|e| format!("malformed TwiML: {e}"))? {
            Event::Start(s) => stack.push(element(&s)?),
            Event::Empty(s) => {
                let el = element(&s)?;
                stack.last_mut().ok_or("unbalanced TwiML")?.children.push(el);
            }
            Event::Text(t) => {
                let text = t.unescape().map_err(|e| e.to_string())?;
                stack.last_mut().ok_or("unbalanced TwiML")?.text.push_str(&text);
            }
            Event::End(_) => {
                let el = stack.pop().ok_or("unbalanced TwiML")?;
                stack.last_mut().ok_or("unbalanced TwiML")?.children.push(el);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    stack
        .pop()
        .and_then(|root| root.children.into_iter().next())
        .filter(|root| root.name == "Response")
        .ok_or_else(|| "the root element is not <Response>".to_owned())
}

/// What a caller does, decided before the call.
#[derive(Debug, Clone)]
pub struct Caller {
    pub from: String,
    /// Keys pressed at successive menus; when they run out the caller hangs up
    /// at the next menu (`hang_up_in_menu`) or lets it time out.
    pub keys: Vec<&'static str>,
    pub hang_up_in_menu: bool,
    /// Whether the professional rung picks up and accepts the call.
    pub answered: bool,
    /// Seconds of a message left after the tone, if any is asked.
    pub message_secs: u32,
    /// Seconds of conversation once bridged.
    pub talk_secs: u32,
}

/// Signs and posts webhooks to the router, moving the rehearsal's clock on.
pub struct Provider<'a> {
    pub router: &'a Router,
    pub auth_token: &'a str,
    /// Called before each request with the seconds the step takes.
    pub tick: &'a (dyn Fn(i64) + Send + Sync),
}

impl Provider<'_> {
    /// Posts a signed webhook; the body of the answer.
    pub async fn post(&self, path_or_url: &str, params: &[(String, String)]) -> Result<String, String> {
        let path = path_or_url
            .strip_prefix(&format!("http://{HOST}"))
            .unwrap_or(path_or_url)
            .to_owned();
        let url = format!("http://{HOST}{path}");
        let sig = signature::compute(self.auth_token, &url, params, signature::Algorithm::HmacSha1);
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .finish();
        let request = Request::post(&path)
            .header(header::HOST, HOST)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", sig)
            .body(Body::from(body))
            .map_err(|e| e.to_string())?;
        let response = self.router.clone().oneshot(request).await.map_err(|e| e.to_string())?;
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if status != StatusCode::OK && status != StatusCode::NO_CONTENT {
            return Err(format!("{path}: {status}: {text}"));
        }
        Ok(text)
    }

    /// An inbound text.
    pub async fn sms(&self, sid: &str, from: &str, to: &str, body: &str, media: u32) -> Result<String, String> {
        let media = media.to_string();
        let params = pairs(&[
            ("MessageSid", sid),
            ("SmsSid", sid),
            ("AccountSid", ACCOUNT),
            ("From", from),
            ("To", to),
            ("Body", body),
            ("NumMedia", &media),
            ("NumSegments", "1"),
            ("SmsStatus", "received"),
            ("ApiVersion", "2010-04-01"),
        ]);
        (self.tick)(5);
        self.post("/twilio/sms", &params).await
    }

    /// A whole call, from the first ring to the final status callback.
    pub async fn call(&self, sid: &str, line: &str, caller: &Caller) -> Result<(), String> {
        let base = |extra: &[(&str, &str)]| {
            let mut p = pairs(&[
                ("AccountSid", ACCOUNT),
                ("ApiVersion", "2010-04-01"),
                ("CallSid", sid),
                ("CallStatus", "in-progress"),
                ("Direction", "inbound"),
                ("From", &caller.from),
                ("Caller", &caller.from),
                ("To", line),
                ("Called", line),
            ]);
            for (k, v) in extra {
                p.retain(|(key, _)| key != k);
                p.push(((*k).to_owned(), (*v).to_owned()));
            }
            p
        };
        (self.tick)(2);
        let mut doc = parse(&self.post("/twilio/voice", &base(&[("CallStatus", "ringing")])).await?)?;
        let mut keys = caller.keys.iter();
        let mut elapsed = 20i64;
        for _ in 0..40 {
            (self.tick)(15);
            elapsed += 15;
            let next = if let Some(dial) = doc.child("Dial") {
                self.dial(sid, dial, caller, &base).await?
            } else if let Some(record) = doc.child("Record") {
                let action = record.attr("action").ok_or("a Record without action")?;
                let secs = caller.message_secs.max(5).to_string();
                let rec_sid = format!("RE{}", &sid[2..]);
                let url = format!("https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}/Recordings/{rec_sid}");
                let rec = [
                    ("RecordingSid", rec_sid.as_str()),
                    ("RecordingUrl", url.as_str()),
                    ("RecordingDuration", secs.as_str()),
                ];
                (self.tick)(i64::from(caller.message_secs));
                elapsed += i64::from(caller.message_secs);
                let mut with_digits = rec.to_vec();
                with_digits.push(("Digits", "hangup"));
                let answer = self.post(action, &base(&with_digits)).await?;
                let mut ready = rec.to_vec();
                ready.extend([("RecordingStatus", "completed"), ("RecordingSource", "RecordVerb")]);
                self.post("/twilio/voice/recording", &base(&ready)).await?;
                Some(answer)
            } else if let Some(gather) = doc.child("Gather") {
                match keys.next() {
                    Some(k) => {
                        let action = gather.attr("action").ok_or("a Gather without action")?;
                        Some(self.post(action, &base(&[("Digits", k)])).await?)
                    }
                    None if caller.hang_up_in_menu => None,
                    // Silence: Twilio goes on to the <Redirect> after the <Gather>.
                    None => match doc.child("Redirect") {
                        Some(r) => Some(self.post(r.text.trim(), &base(&[])).await?),
                        None => None,
                    },
                }
            } else if let Some(enqueue) = doc.child("Enqueue") {
                let action = enqueue.attr("action").ok_or("an Enqueue without action")?;
                let result = if caller.answered { "bridged" } else { "hangup" };
                Some(
                    self.post(action, &base(&[("QueueResult", result), ("QueueTime", "30")]))
                        .await?,
                )
            } else if let Some(r) = doc.child("Redirect") {
                Some(self.post(r.text.trim(), &base(&[])).await?)
            } else {
                None
            };
            match next {
                Some(xml) => doc = parse(&xml)?,
                None => break,
            }
        }
        let duration = (elapsed + i64::from(caller.talk_secs)).to_string();
        self.post(
            "/twilio/voice/status",
            &base(&[("CallStatus", "completed"), ("CallDuration", &duration)]),
        )
        .await?;
        Ok(())
    }

    /// A `<Dial>`: the professional's leg picks up and accepts, or it rings out.
    async fn dial(&self, sid: &str, dial: &El, caller: &Caller, base: &Params<'_>) -> Result<Option<String>, String> {
        let action = dial.attr("action").ok_or("a Dial without action")?;
        let leg_sid = format!("CL{}", &sid[2..]);
        if caller.answered {
            if let Some(number) = dial.child("Number") {
                let leg = |extra: &[(&str, &str)]| {
                    let mut p = pairs(&[
                        ("AccountSid", ACCOUNT),
                        ("CallSid", &leg_sid),
                        ("ParentCallSid", sid),
                        ("CallStatus", "in-progress"),
                        ("Direction", "outbound-dial"),
                        ("To", number.text.trim()),
                        ("From", dial.attr("callerId").unwrap_or_default()),
                    ]);
                    p.extend(extra.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
                    p
                };
                if let Some(url) = number.attr("url") {
                    let prompt = parse(&self.post(url, &leg(&[])).await?)?;
                    if let Some(gather) = prompt.child("Gather") {
                        let accept = gather.attr("action").ok_or("a screening Gather without action")?;
                        self.post(accept, &leg(&[("Digits", "1")])).await?;
                    }
                }
            }
            (self.tick)(i64::from(caller.talk_secs));
            let talk = caller.talk_secs.to_string();
            let done = base(&[
                ("DialCallStatus", "completed"),
                ("DialCallSid", &leg_sid),
                ("DialCallDuration", &talk),
            ]);
            return Ok(Some(self.post(action, &done).await?));
        }
        (self.tick)(25);
        let missed = base(&[("DialCallStatus", "no-answer"), ("DialCallSid", &leg_sid)]);
        Ok(Some(self.post(action, &missed).await?))
    }
}

/// The caller's leg's parameters, with some added or replaced.
type Params<'a> = dyn Fn(&[(&str, &str)]) -> Vec<(String, String)> + Sync + 'a;

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twiml_is_read_as_a_tree() {
        let doc = parse(
            r#"<?xml version="1.0" encoding="UTF-8"?><Response><Gather action="/twilio/voice/next?step=1&amp;event=input" numDigits="1"><Say>Tapez 1</Say></Gather><Redirect>/twilio/voice/next?step=1&amp;event=timeout</Redirect></Response>"#,
        )
        .unwrap();
        assert_eq!(
            doc.child("Gather").and_then(|g| g.attr("action")),
            Some("/twilio/voice/next?step=1&event=input")
        );
        assert_eq!(
            doc.child("Redirect").unwrap().text,
            "/twilio/voice/next?step=1&event=timeout"
        );
        assert!(parse("<Say>no response</Say>").is_err());
    }
}
