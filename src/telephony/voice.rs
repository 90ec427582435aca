//! Twilio voice webhooks. Each handler parses the provider's parameters, calls the
//! call flow, and renders TwiML; whatever fails, a caller gets the safe fallback
//! (an apology and the fallback number), never Twilio's "application error".

use std::time::Duration;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;

use super::is_withheld;
use super::twiml::{self, Callbacks, Voice};
use super::webhook::TwilioRequest;
use crate::contacts::calls::{self, StepRequest};
use crate::db::{NewCall, RecordingUpdate};
use crate::http::AppState;
use crate::ivr::engine::{CallEvent, DialStatus};

/// Twilio gives up after 15 s; answer with the fallback well before.
const STEP_DEADLINE: Duration = Duration::from_secs(8);

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/twilio/voice", post(incoming))
        .route("/twilio/voice/next", post(next))
        .route("/twilio/voice/status", post(status))
        .route("/twilio/voice/recording", post(recording))
        .route("/twilio/voice/screen", post(screen))
        .route("/twilio/voice/screen/answer", post(screen_answer))
        .route("/twilio/voice/leg", post(leg_status))
        .route("/twilio/voice/wait", post(queue_wait))
        .route("/tones/ringback-fr.wav", axum::routing::get(ringback_tone))
}

/// A TwiML answer.
pub fn twiml_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], body).into_response()
}

/// The answer when anything failed: apology and fallback number.
pub fn fallback_response(state: &AppState) -> Response {
    let s = state.settings();
    twiml_response(twiml::safe_fallback(
        &Voice { voice: s.voice.clone() },
        s.fallback_number.as_deref(),
        s.line_to_call_from(None),
    ))
}

/// Runs a flow within the webhook deadline. A failure and a timeout end the
/// same way for the person on the line, so they come back as one error, for the log.
pub(super) async fn within_deadline<T, E: std::fmt::Display>(
    flow: impl std::future::Future<Output = Result<T, E>>,
) -> Result<T, String> {
    match tokio::time::timeout(STEP_DEADLINE, flow).await {
        Ok(Ok(done)) => Ok(done),
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err("timed out".to_owned()),
    }
}

/// Absolute callback URLs for one step of one call.
struct Urls<'a> {
    base: &'a str,
    call_sid: &'a str,
    next_step: i64,
}

impl Callbacks for Urls<'_> {
    fn next(&self, event: &str) -> String {
        format!("{}/twilio/voice/next?step={}&event={event}", self.base, self.next_step)
    }
    fn recording_status(&self) -> String {
        format!("{}/twilio/voice/recording", self.base)
    }
    fn audio(&self, file: &str) -> String {
        format!("{}/audio/{}", self.base, url_path_segment(file))
    }
    fn screen(&self, attempt: u32) -> String {
        screen_url(self.base, self.call_sid, i64::from(attempt))
    }
    fn leg_status(&self, attempt: u32) -> String {
        leg_status_url(self.base, self.call_sid, i64::from(attempt))
    }
    fn wait(&self) -> String {
        format!(
            "{}/twilio/voice/wait?call={}",
            self.base,
            url_path_segment(self.call_sid)
        )
    }
    fn queue(&self) -> String {
        queue_name(self.call_sid)
    }
}

/// Where a professional's leg of `attempt` asks what to play when it picks up.
pub fn screen_url(base: &str, call_sid: &str, attempt: i64) -> String {
    attempt_url(base, "screen", call_sid, attempt)
}

/// Where the status of a professional's leg of `attempt` is reported.
pub fn leg_status_url(base: &str, call_sid: &str, attempt: i64) -> String {
    attempt_url(base, "leg", call_sid, attempt)
}

fn attempt_url(base: &str, path: &str, call_sid: &str, attempt: i64) -> String {
    format!(
        "{base}/twilio/voice/{path}?call={}&attempt={attempt}",
        url_path_segment(call_sid)
    )
}

/// The queue a caller waits in during a simultaneous hunt: one per call.
fn queue_name(call_sid: &str) -> String {
    format!("nv-{call_sid}")
}

fn url_path_segment(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

fn new_call(state: &AppState, req: &TwilioRequest, call_sid: &str) -> NewCall {
    let settings = state.settings();
    let from = req.get("From").or(req.get("Caller"));
    let to = req
        .get("To")
        .or(req.get("Called"))
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    let script = to.as_deref().map_or(settings.default_script.clone(), |n| {
        settings.script_for_line(n).to_owned()
    });
    NewCall {
        call_sid: call_sid.to_owned(),
        line_number: to,
        caller_number: (!is_withheld(from)).then(|| from.unwrap_or_default().to_owned()),
        script,
        // A call first seen is ringing; the status callback then moves it forward,
        // so a call we first hear of through its final status is still closed properly.
        status: "ringing".to_owned(),
        at: state.now(),
    }
}

async fn run_step(state: &AppState, req: &TwilioRequest, step: i64, event: CallEvent) -> Response {
    let Some(call_sid) = req.get("CallSid") else {
        tracing::warn!("voice webhook without CallSid: answering with the fallback");
        return fallback_response(state);
    };
    let settings = state.settings();
    let voice = Voice {
        voice: settings.voice.clone(),
    };
    let base = req.base_url.clone();
    let sid = call_sid.to_owned();
    let render = move |steps: &[crate::ivr::step::Step], next_step: i64| {
        twiml::render(
            steps,
            &voice,
            &Urls {
                base: &base,
                call_sid: &sid,
                next_step,
            },
        )
    };
    // The `<Record>` action carries the recording: the flow stores it with the step.
    let recording = match &event {
        CallEvent::Recorded {
            recording_sid,
            duration_secs,
        } => Some(RecordingUpdate {
            recording_sid: recording_sid.clone(),
            call_sid: call_sid.to_owned(),
            url: req.get("RecordingUrl").map(str::to_owned),
            duration_secs: duration_secs.map(i64::from),
            status: "recorded".into(),
            at: state.now(),
        }),
        _ => None,
    };
    let request = StepRequest {
        call: new_call(state, req, call_sid),
        step,
        event,
        recording,
        idempotency_token: req.idempotency_token.clone(),
        now: state.now(),
        can_place_calls: leg_placer(state).is_some(),
    };
    let scripts = state.scripts();
    let flow = calls::play_step(state.store().as_ref(), &scripts, settings, request, &render);
    match tokio::time::timeout(STEP_DEADLINE, flow).await {
        Ok(Ok(answer)) => {
            if answer.sync_legs {
                spawn_sync_legs(state, call_sid, req.get("To").unwrap_or_default());
            }
            twiml_response(answer.reply)
        }
        Ok(Err(error)) => {
            tracing::error!(call_sid, step, error = %error, "call step failed: answering with the fallback");
            fallback_response(state)
        }
        Err(_) => {
            tracing::error!(call_sid, step, "call step timed out: answering with the fallback");
            fallback_response(state)
        }
    }
}

/// `POST /twilio/voice`: a call comes in.
async fn incoming(State(state): State<AppState>, req: TwilioRequest) -> Response {
    run_step(&state, &req, 0, CallEvent::Start).await
}

/// `POST /twilio/voice/next?step=N&event=E`: what happened after our last answer.
async fn next(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let Some(step) = req.query("step").and_then(|s| s.parse::<i64>().ok()).filter(|s| *s > 0) else {
        tracing::warn!("next-step webhook without a valid step number: answering with the fallback");
        return fallback_response(&state);
    };
    let event = match req.query("event").unwrap_or("") {
        "input" => CallEvent::Input {
            digits: req.get("Digits").unwrap_or("").to_owned(),
            speech: req.get("SpeechResult").map(str::to_owned),
        },
        "no-input" => CallEvent::NoInput,
        "dial" => CallEvent::DialEnded {
            status: DialStatus::parse(req.get("DialCallStatus").unwrap_or("failed")),
            // CallStatus is the caller's leg: final means they hung up during the transfer.
            caller_gone: req.get("CallStatus").is_some_and(crate::db::is_final_status),
            // Filled in from the store by the call flow.
            screen: None,
        },
        "record" => match (
            req.get("RecordingSid"),
            req.get("RecordingDuration").and_then(|d| d.parse::<u32>().ok()),
        ) {
            (Some(sid), duration) if duration != Some(0) => CallEvent::Recorded {
                recording_sid: sid.to_owned(),
                duration_secs: duration,
            },
            _ => CallEvent::NoRecording,
        },
        "no-recording" => CallEvent::NoRecording,
        "queue" => {
            let result = req.get("QueueResult").unwrap_or("error").to_owned();
            CallEvent::QueueEnded {
                caller_gone: result == "hangup" || req.get("CallStatus").is_some_and(crate::db::is_final_status),
                result,
                // Filled in from the store by the call flow.
                accepted: None,
            }
        }
        other => {
            tracing::warn!(event = other, "unknown next-step event: answering with the fallback");
            return fallback_response(&state);
        }
    };
    run_step(&state, &req, step, event).await
}

/// `POST /twilio/voice/status`: the call's status changed (possibly out of order).
async fn status(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let (Some(call_sid), Some(status)) = (req.get("CallSid"), req.get("CallStatus")) else {
        return (StatusCode::BAD_REQUEST, "CallSid and CallStatus are required\n").into_response();
    };
    let duration = req.get("CallDuration").and_then(|d| d.parse::<i64>().ok());
    let call = new_call(&state, &req, call_sid);
    match calls::record_status(
        state.store().as_ref(),
        state.settings(),
        &call,
        status,
        duration,
        state.now(),
    )
    .await
    {
        Ok(()) => twiml_response(twiml::empty()),
        Err(error) => {
            tracing::error!(call_sid, error = %error, "could not store a call status");
            (StatusCode::SERVICE_UNAVAILABLE, "status not stored, please retry\n").into_response()
        }
    }
}

/// `POST /twilio/voice/recording`: a recording's status changed.
async fn recording(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let (Some(call_sid), Some(sid)) = (req.get("CallSid"), req.get("RecordingSid")) else {
        return (StatusCode::BAD_REQUEST, "CallSid and RecordingSid are required\n").into_response();
    };
    let update = RecordingUpdate {
        recording_sid: sid.to_owned(),
        call_sid: call_sid.to_owned(),
        url: req.get("RecordingUrl").map(str::to_owned),
        duration_secs: req.get("RecordingDuration").and_then(|d| d.parse().ok()),
        status: req.get("RecordingStatus").unwrap_or("completed").to_owned(),
        at: state.now(),
    };
    let call = new_call(&state, &req, call_sid);
    match calls::record_recording(state.store().as_ref(), &call, update).await {
        Ok(()) => twiml_response(twiml::empty()),
        Err(error) => {
            tracing::error!(call_sid, error = %error, "could not store a recording status");
            (StatusCode::SERVICE_UNAVAILABLE, "recording not stored, please retry\n").into_response()
        }
    }
}

/// The caller's call and attempt a professional's leg belongs to, from our own URL.
fn attempt_ref(req: &TwilioRequest) -> Option<(String, i64)> {
    let call = req.query("call").filter(|c| !c.is_empty())?;
    let attempt = req.query("attempt")?.parse::<i64>().ok().filter(|a| *a > 0)?;
    Some((call.to_owned(), attempt))
}

fn voice_of(state: &AppState) -> Voice {
    Voice {
        voice: state.settings().voice.clone(),
    }
}

const TOO_LATE: &str =
    "Merci : l'appel a déjà été pris par une collègue, ou la personne a raccroché. Vous n'avez rien à faire.";

/// `POST /twilio/voice/screen?call=…&attempt=N`: a professional's phone picked up.
/// Runs on their leg, before any bridge: they hear what the call is about and
/// must press 1, so that a voicemail never takes a caller.
async fn screen(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let voice = voice_of(&state);
    let Some((call, attempt)) = attempt_ref(&req) else {
        tracing::warn!("screening webhook without a valid call and attempt");
        return twiml_response(twiml::screen_declined(&voice, TOO_LATE));
    };
    let leg = req.get("CallSid").unwrap_or_default().to_owned();
    let answer_url = attempt_url(&req.base_url, "screen/answer", &call, attempt);
    let flow = calls::screen_prompt(state.store().as_ref(), &call, attempt, &leg, state.now());
    match within_deadline(flow).await {
        Ok(calls::ScreenPrompt::Whisper(whisper)) => {
            twiml_response(twiml::screen_prompt(&voice, &whisper, &answer_url))
        }
        Ok(calls::ScreenPrompt::TooLate) => twiml_response(twiml::screen_declined(&voice, TOO_LATE)),
        Err(reason) => {
            // A caller is waiting: still let the professional take the call.
            tracing::error!(attempt, error = %reason, "screening prompt without the store: generic whisper");
            let whisper = format!(
                "{} : un parent attend. Appuyez sur 1 pour prendre l'appel.",
                state.settings().helpline_name
            );
            twiml_response(twiml::screen_prompt(&voice, &whisper, &answer_url))
        }
    }
}

/// `POST /twilio/voice/screen/answer?call=…&attempt=N`: the key the professional pressed.
async fn screen_answer(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let voice = voice_of(&state);
    let Some((call, attempt)) = attempt_ref(&req) else {
        return twiml_response(twiml::screen_declined(&voice, TOO_LATE));
    };
    let digits = req.get("Digits").unwrap_or("").to_owned();
    let flow = calls::screen_answer(state.store().as_ref(), &call, attempt, &digits);
    match within_deadline(flow).await {
        Ok(calls::ScreenVerdict::Connect { queue: false }) => twiml_response(twiml::screen_accepted(&voice)),
        Ok(calls::ScreenVerdict::Connect { queue: true }) => {
            // The others' phones stop ringing; this professional joins the caller.
            spawn_sync_legs(&state, &call, req.get("From").unwrap_or_default());
            twiml_response(twiml::screen_join_queue(&voice, &queue_name(&call)))
        }
        Ok(calls::ScreenVerdict::Declined) => twiml_response(twiml::screen_declined(
            &voice,
            "C'est noté, l'appel est proposé à une autre personne. Merci.",
        )),
        Ok(calls::ScreenVerdict::Silent) => twiml_response(twiml::hang_up()),
        Ok(calls::ScreenVerdict::TooLate) => twiml_response(twiml::screen_declined(&voice, TOO_LATE)),
        Err(reason) => {
            tracing::error!(attempt, error = %reason, "screening answer not stored");
            if digits.starts_with('1') {
                // A person pressed 1 and a caller waits: connect them rather than lose the call.
                twiml_response(twiml::screen_accepted(&voice))
            } else {
                twiml_response(twiml::hang_up())
            }
        }
    }
}

/// `POST /twilio/voice/leg?call=…&attempt=N`: a professional's leg changed status.
async fn leg_status(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let (Some((call, attempt)), Some(status)) = (attempt_ref(&req), req.get("CallStatus")) else {
        return (StatusCode::BAD_REQUEST, "call, attempt and CallStatus are required\n").into_response();
    };
    let duration = req.get("CallDuration").and_then(|d| d.parse::<i64>().ok());
    let flow = calls::record_leg_status(
        state.store().as_ref(),
        &call,
        attempt,
        req.get("CallSid"),
        status,
        duration,
        state.now(),
    );
    match flow.await {
        Ok(()) => twiml_response(twiml::empty()),
        Err(calls::FlowError::Store(crate::db::StoreError::NotFound)) => {
            // Not one of our attempts: nothing to retry.
            twiml_response(twiml::empty())
        }
        Err(error) => {
            tracing::error!(attempt, error = %error, "could not store a leg status");
            (StatusCode::SERVICE_UNAVAILABLE, "leg status not stored, please retry\n").into_response()
        }
    }
}

/// Legs can be placed only with a provider account and a public URL for the
/// provider to call back.
fn leg_placer(state: &AppState) -> Option<(&crate::telephony::rest::TwilioClient, String)> {
    Some((state.twilio()?, state.settings().public_url.clone()?))
}

/// Places or releases professionals' legs after the answer is sent.
fn spawn_sync_legs(state: &AppState, call_sid: &str, line_number: &str) {
    let Some((client, base)) = leg_placer(state) else {
        return;
    };
    let Some(from) = state.settings().line_to_call_from(Some(line_number)) else {
        tracing::error!("no helpline number to ring professionals from: configure [[lines]]");
        return;
    };
    let from = from.to_owned();
    tokio::spawn(super::hunt::sync_legs(
        state.store().clone(),
        client.clone(),
        base,
        call_sid.to_owned(),
        from,
        state.now(),
    ));
}

/// `POST /twilio/voice/wait?call=…`: the caller waits in the queue of a
/// simultaneous hunt. Twilio fetches this again each time it ends: the
/// caller leaves when everyone of the wave has answered no, or time is up.
async fn queue_wait(State(state): State<AppState>, req: TwilioRequest) -> Response {
    let voice = voice_of(&state);
    let Some(call) = req.query("call") else {
        return twiml_response(twiml::queue_leave());
    };
    let tone = format!("{}/tones/ringback-fr.wav", req.base_url);
    match calls::queue_wait(state.store().as_ref(), call, state.now()).await {
        Ok(calls::QueueWait::Ringing { first }) => twiml_response(twiml::queue_wait(&voice, &tone, first)),
        Ok(calls::QueueWait::Joining) => twiml_response(twiml::queue_wait(&voice, &tone, false)),
        Ok(calls::QueueWait::Leave) => twiml_response(twiml::queue_leave()),
        Err(error) => {
            // Leaving takes the caller to the <Enqueue> action, whose answer
            // falls back to a person if the store is still down.
            tracing::error!(error = %error, "queue wait without the store: the caller leaves the queue");
            twiml_response(twiml::queue_leave())
        }
    }
}

async fn ringback_tone() -> Response {
    (
        [
            (header::CONTENT_TYPE, "audio/wav"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        super::tone::ringback_wav(),
    )
        .into_response()
}
