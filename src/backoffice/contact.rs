//! `/contacts/{id}`: one contact, whole: its follow-up (state, outcome,
//! assignment, due date), notes, the timeline (IVR path, keys, each transfer
//! attempt), the SMS thread and recordings.
//!
//! Every view is written to the access log, and so is every reveal of the full
//! number (a separate POST, so that the number never sits in a URL or a
//! browser's history). Staff open the contacts they handled and those with a
//! follow-up still open (the queue they call back); supervisors open all.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::access::{self, Role, Viewer};
use super::today::need_label;
use super::{render, view, PageError};
use crate::contacts::callbacks::{self, mask_number, CallbackError};
use crate::contacts::follow_ups::{self, ChangeDraft, OUTCOMES, STATES};
use crate::db::review::StaffSms;
use crate::db::{Contact, FollowUp, TimelineEntry};
use crate::http::AppState;
use crate::routing::directory::FieldError;

/// The longest note accepted.
const MAX_NOTE_CHARS: usize = 4000;
/// The longest SMS a professional sends: five parts of accented text.
const MAX_SMS_CHARS: usize = 335;

#[derive(Template)]
#[template(path = "contact.html")]
struct ContactPage {
    chrome: view::Chrome,
    id: i64,
    channel: &'static str,
    started: String,
    need: String,
    outcome: &'static str,
    number: String,
    revealed: bool,
    follow_up: Option<FollowUpView>,
    form: ChangeDraft,
    errors: Vec<FieldError>,
    note_error: Option<String>,
    note_text: String,
    states: Vec<(&'static str, &'static str)>,
    outcomes: Vec<(&'static str, &'static str)>,
    staff: Vec<(String, String)>,
    notes: Vec<NoteView>,
    timeline: Vec<EventView>,
    messages: Vec<MessageView>,
    recordings: Vec<RecordingView>,
    notice: Option<String>,
    action_error: Option<String>,
    /// The viewer can ring the parent back from their phone (an open follow-up, a number, their own phone in the directory).
    can_call_back: bool,
    /// An SMS conversation to write into.
    can_text: bool,
    sms_text: String,
    max_sms_chars: usize,
}

struct RecordingView {
    sid: String,
    text: String,
    playable: bool,
}

impl ContactPage {
    fn error(&self, field: &str) -> Option<&str> {
        view::field_error(&self.errors, field)
    }
}

struct FollowUpView {
    reason: &'static str,
    state: &'static str,
    outcome: Option<&'static str>,
    assigned: String,
    due: String,
    overdue: bool,
    attempts: i64,
    urgent: bool,
}

struct NoteView {
    author: String,
    at: String,
    body: String,
}

struct EventView {
    at: String,
    what: String,
}

struct MessageView {
    at: String,
    inbound: bool,
    author: &'static str,
    body: String,
    status: &'static str,
    segments: Option<i64>,
}

/// Who may open a contact.
async fn may_open(
    state: &AppState,
    viewer: &Viewer,
    contact_id: i64,
    follow_up: Option<&FollowUp>,
) -> Result<(), PageError> {
    if viewer.user.role.allows(Role::Supervisor) {
        return Ok(());
    }
    if follow_up.is_some_and(|f| f.state != "closed") {
        return Ok(());
    }
    match viewer.user.staff_id {
        Some(staff_id) if state.store().staff_handled(staff_id, contact_id).await? => Ok(()),
        _ => Err(PageError::Forbidden),
    }
}

/// What a form submission brings back to the page.
#[derive(Default)]
struct Redisplay {
    form: Option<ChangeDraft>,
    errors: Vec<FieldError>,
    note_error: Option<String>,
    note_text: String,
    revealed: bool,
    /// What an action did (a callback placed, a message queued).
    notice: Option<String>,
    /// Why an action could not be done.
    action_error: Option<String>,
    sms_text: String,
}

async fn load(state: &AppState, viewer: &Viewer, id: i64) -> Result<(Contact, Option<FollowUp>), PageError> {
    let store = state.store();
    let contact = store.contact(id).await?.ok_or(PageError::NotFound)?;
    let follow_up = store.follow_up_for_contact(id).await?;
    may_open(state, viewer, id, follow_up.as_ref()).await?;
    Ok((contact, follow_up))
}

async fn page_of(
    state: &AppState,
    viewer: &Viewer,
    contact: Contact,
    follow_up: Option<FollowUp>,
    again: Redisplay,
) -> Result<Response, PageError> {
    let store = state.store();
    let settings = state.settings();
    let tz = settings.timezone;
    let now = state.now();
    let id = contact.contact_id;
    let staff = store.list_staff().await?;
    let staff_name = |id: Option<i64>| {
        id.and_then(|id| staff.iter().find(|s| s.id == id))
            .map(|s| s.name.clone())
    };
    let kb = state.scripts().knowledge_base();
    let form = again.form.unwrap_or_else(|| match &follow_up {
        Some(f) => ChangeDraft {
            state: f.state.clone(),
            outcome: f.outcome.clone().unwrap_or_default(),
            assigned_staff_id: f.assigned_staff_id.map(|i| i.to_string()).unwrap_or_default(),
            due_at: follow_ups::local_input(tz, f.due_at),
        },
        None => ChangeDraft::default(),
    });
    let follow_up_open = follow_up.as_ref().is_some_and(|f| f.state != "closed");
    let follow_up = follow_up.map(|f| {
        let (due, overdue) = view::due(f.due_at, now);
        FollowUpView {
            reason: view::reason(&f.reason),
            state: view::state(&f.state),
            outcome: f.outcome.as_deref().map(follow_ups::outcome_label),
            assigned: staff_name(f.assigned_staff_id).unwrap_or_else(|| "la personne de garde".into()),
            due: if f.state == "closed" {
                view::moment(tz, f.due_at, now)
            } else {
                due
            },
            overdue: overdue && f.state != "closed",
            attempts: f.attempts,
            urgent: f.urgent,
        }
    });
    let number = match (&contact.caller_number, again.revealed) {
        (None, _) => "numéro masqué par l'appelant".to_owned(),
        (Some(n), true) => crate::contacts::messages::french_number(n),
        (Some(n), false) => mask_number(n),
    };
    let timeline = store
        .timeline(id)
        .await?
        .iter()
        .map(|e| EventView {
            at: view::moment(tz, e.at, now),
            what: event_text(e, &|i| staff_name(Some(i))),
        })
        .collect();
    let messages = store
        .contact_messages(id)
        .await?
        .into_iter()
        .map(|m| MessageView {
            at: view::moment(tz, m.created_at, now),
            inbound: m.direction == "inbound",
            author: match m.author.as_str() {
                "parent" => "Parent",
                "bot" => "Robot SMS",
                "staff" => "Professionnel·le",
                _ => "Autre",
            },
            body: if m.body.is_empty() && m.num_media > 0 {
                format!("({} pièce(s) jointe(s))", m.num_media)
            } else {
                m.body
            },
            status: delivery_label(&m.status),
            segments: m.segments,
        })
        .collect();
    let recordings = store
        .recordings(id)
        .await?
        .into_iter()
        .map(|r| RecordingView {
            text: match r.duration_secs {
                Some(s) => format!("Message vocal de {s} s"),
                None => "Message vocal".to_owned(),
            },
            playable: r.status == "completed",
            sid: r.recording_sid,
        })
        .collect();
    let notes = store
        .notes(id)
        .await?
        .into_iter()
        .map(|n| NoteView {
            author: n.author,
            at: view::moment(tz, n.created_at, now),
            body: n.body,
        })
        .collect();
    let can_call_back = follow_up_open && contact.caller_number.is_some() && viewer.user.staff_id.is_some();
    let can_text = contact.channel == "sms";
    let page = ContactPage {
        chrome: view::Chrome::for_viewer(viewer, &format!("Contact n° {id}"), ""),
        id,
        channel: view::channel(&contact.channel),
        started: view::moment(tz, contact.started_at, now),
        need: need_label(kb.as_deref(), contact.need.as_deref()),
        outcome: view::outcome(contact.outcome.as_deref()),
        number,
        revealed: again.revealed && contact.caller_number.is_some(),
        follow_up,
        form,
        errors: again.errors,
        note_error: again.note_error,
        note_text: again.note_text,
        states: STATES.to_vec(),
        outcomes: OUTCOMES.to_vec(),
        staff: staff
            .iter()
            .filter(|s| s.active)
            .map(|s| (s.id.to_string(), s.name.clone()))
            .collect(),
        notes,
        timeline,
        messages,
        recordings,
        notice: again.notice,
        action_error: again.action_error,
        can_call_back,
        can_text,
        sms_text: again.sms_text,
        max_sms_chars: MAX_SMS_CHARS,
    };
    render(&page)
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    show(&state, &viewer, id, "view-contact", Redisplay::default()).await
}

/// Shows the full number, once, and writes it to the access log.
pub(super) async fn reveal(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let again = Redisplay {
        revealed: true,
        ..Redisplay::default()
    };
    show(&state, &viewer, id, "reveal-number", again).await
}

/// Opens the contact, writes `action` to the access log, renders the page.
async fn show(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    action: &str,
    again: Redisplay,
) -> Result<Response, PageError> {
    let (contact, follow_up) = load(state, viewer, id).await?;
    access::log(
        state.store().as_ref(),
        &viewer.user,
        state.now(),
        action,
        Some(format!("contact:{id}")),
        None,
    )
    .await;
    page_of(state, viewer, contact, follow_up, again).await
}

pub(super) async fn change_follow_up(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(draft): Form<ChangeDraft>,
) -> Result<Response, PageError> {
    let (contact, follow_up) = load(&state, &viewer, id).await?;
    let Some(current) = follow_up.clone() else {
        return Err(PageError::BadRequest("Ce contact n'a pas de suivi à modifier.".into()));
    };
    let store = state.store();
    let active: Vec<i64> = store
        .list_staff()
        .await?
        .iter()
        .filter(|s| s.active)
        .map(|s| s.id)
        .collect();
    match follow_ups::check(&draft, &active, state.settings().timezone) {
        Ok(change) => {
            store
                .change_follow_up(current.follow_up_id, &change, viewer.user.id, state.now())
                .await?;
            let detail = match &change.outcome {
                Some(o) => format!("follow-up {} {} ({o})", current.follow_up_id, change.state),
                None => format!("follow-up {} {}", current.follow_up_id, change.state),
            };
            access::log(
                store.as_ref(),
                &viewer.user,
                state.now(),
                "change",
                Some(format!("contact:{id}")),
                Some(detail),
            )
            .await;
            Ok(Redirect::to(&format!("/contacts/{id}#suivi")).into_response())
        }
        Err(errors) => {
            let again = Redisplay {
                form: Some(draft),
                errors,
                ..Redisplay::default()
            };
            let page = page_of(&state, &viewer, contact, follow_up, again).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize)]
pub(super) struct NoteForm {
    #[serde(default)]
    body: String,
}

pub(super) async fn add_note(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<NoteForm>,
) -> Result<Response, PageError> {
    let (contact, follow_up) = load(&state, &viewer, id).await?;
    let body = form.body.trim();
    let problem = if body.is_empty() {
        Some("la note est vide".to_owned())
    } else if body.chars().count() > MAX_NOTE_CHARS {
        Some(format!(
            "la note dépasse {MAX_NOTE_CHARS} caractères : raccourcissez-la"
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        let again = Redisplay {
            note_error: Some(problem),
            note_text: body.to_owned(),
            ..Redisplay::default()
        };
        let page = page_of(&state, &viewer, contact, follow_up, again).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let store = state.store();
    let note = store.add_note(id, viewer.user.id, body, state.now()).await?;
    access::log(
        store.as_ref(),
        &viewer.user,
        state.now(),
        "change",
        Some(format!("contact:{id}")),
        Some(format!("note {} added", note.note_id)),
    )
    .await;
    Ok(Redirect::to(&format!("/contacts/{id}#notes")).into_response())
}

/// Click-to-call: the viewer's phone rings; once they press 1, the parent is
/// called with the helpline's number shown.
pub(super) async fn call_back(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (contact, follow_up) = load(&state, &viewer, id).await?;
    let outcome = match (&follow_up, viewer.user.staff_id) {
        (None, _) => Err("Ce contact n'a pas de suivi : il n'y a personne à rappeler.".to_owned()),
        (_, None) => Err("Votre compte n'est pas lié à une fiche du répertoire : le service ne sait pas quel téléphone faire sonner.".to_owned()),
        (Some(f), Some(staff_id)) => {
            callbacks::start(state.store().as_ref(), state.settings(), state.twilio(), f.follow_up_id, staff_id, state.now())
                .await
                .map_err(callback_problem)
        }
    };
    let again = match outcome {
        Ok(started) => {
            access::log(
                state.store().as_ref(),
                &viewer.user,
                state.now(),
                "call-back",
                Some(format!("contact:{id}")),
                Some(format!("callback {}", started.callback_id)),
            )
            .await;
            Redisplay {
                notice: Some("Votre téléphone va sonner : décrochez et appuyez sur 1 pour appeler la famille. Le numéro du numéro vert s'affiche chez elle.".into()),
                ..Redisplay::default()
            }
        }
        Err(problem) => Redisplay {
            action_error: Some(problem),
            ..Redisplay::default()
        },
    };
    let failed = again.action_error.is_some();
    let page = page_of(&state, &viewer, contact, follow_up, again).await?;
    Ok(if failed {
        (StatusCode::CONFLICT, page).into_response()
    } else {
        page
    })
}

/// Why a callback could not start, for the professional who asked.
fn callback_problem(e: CallbackError) -> String {
    match e {
        CallbackError::NotFound(_) => "Ce suivi n'existe plus.".into(),
        CallbackError::Conflict(_) => "Impossible de rappeler maintenant : le suivi est clos, le parent a masqué son numéro, ou un rappel est déjà en cours.".into(),
        CallbackError::Invalid(errors) => format!("Votre fiche ne permet pas l'appel : {}.", crate::routing::directory::describe(&errors)),
        CallbackError::NotConfigured(_) => "La téléphonie n'est pas configurée sur ce service : rappelez depuis votre téléphone en affichant le numéro.".into(),
        CallbackError::Provider(_) => "L'opérateur n'a pas passé l'appel. Réessayez dans un instant ; si cela dure, prévenez l'administrateur·rice.".into(),
        CallbackError::Store(e) => {
            tracing::error!(error = %e, "callback from the back-office: database error");
            "La base de données ne répond pas : réessayez dans un instant.".into()
        }
    }
}

#[derive(Deserialize)]
pub(super) struct SmsForm {
    #[serde(default)]
    body: String,
}

/// A professional's SMS to the parent, through the outbox.
pub(super) async fn send_sms(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<SmsForm>,
) -> Result<Response, PageError> {
    let (contact, follow_up) = load(&state, &viewer, id).await?;
    let body = crate::sms::encoding::tidy(form.body.trim());
    let problem = if body.is_empty() {
        Some("Le message est vide.".to_owned())
    } else if body.chars().count() > MAX_SMS_CHARS {
        Some(format!(
            "Le message dépasse {MAX_SMS_CHARS} caractères : raccourcissez-le ou proposez un rappel."
        ))
    } else {
        None
    };
    let outcome = match problem {
        Some(p) => Err(p),
        None => {
            let count = crate::sms::encoding::count(&body);
            match state.store().staff_sms(id, viewer.user.id, &body, count, state.now()).await? {
                StaffSms::Queued => Ok(count.segments),
                StaffSms::OptedOut => Err("Ce parent a demandé à ne plus recevoir de SMS (STOP) : le message n'est pas envoyé. Rappelez-le si un suivi est nécessaire.".into()),
                StaffSms::NoConversation => Err("Ce contact n'a pas de conversation SMS : rappelez le parent.".into()),
            }
        }
    };
    match outcome {
        Ok(segments) => {
            access::log(
                state.store().as_ref(),
                &viewer.user,
                state.now(),
                "send-sms",
                Some(format!("contact:{id}")),
                Some(format!("{segments} segment(s)")),
            )
            .await;
            Ok(Redirect::to(&format!("/contacts/{id}#sms")).into_response())
        }
        Err(problem) => {
            let again = Redisplay {
                action_error: Some(problem),
                sms_text: body,
                ..Redisplay::default()
            };
            let page = page_of(&state, &viewer, contact, follow_up, again).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// A voicemail, played through the service: the provider's URL and
/// credentials never reach the browser, and each listening is logged.
pub(super) async fn recording(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, sid)): Path<(i64, String)>,
) -> Result<Response, PageError> {
    load(&state, &viewer, id).await?;
    let known = state
        .store()
        .recordings(id)
        .await?
        .into_iter()
        .any(|r| r.recording_sid == sid);
    if !known {
        return Err(PageError::NotFound);
    }
    let Some(client) = state.twilio() else {
        return Err(PageError::Unavailable(
            "La téléphonie n'est pas configurée sur ce service : l'enregistrement ne peut pas être lu.".into(),
        ));
    };
    let audio = client.recording_audio(&sid).await.map_err(|e| {
        tracing::warn!(error = %e, "recording could not be fetched from the provider");
        PageError::Unavailable("L'opérateur n'a pas fourni l'enregistrement. Réessayez dans un instant.".into())
    })?;
    access::log(
        state.store().as_ref(),
        &viewer.user,
        state.now(),
        "play-recording",
        Some(format!("contact:{id}")),
        Some(format!("recording {sid}")),
    )
    .await;
    Ok(([(axum::http::header::CONTENT_TYPE, "audio/mpeg")], audio).into_response())
}

fn delivery_label(status: &str) -> &'static str {
    match status {
        "received" => "reçu",
        "queued" | "sending" | "accepted" => "en cours d'envoi",
        "sent" => "envoyé",
        "delivered" => "remis",
        "undelivered" | "failed" => "non remis",
        "suppressed" => "non envoyé (désinscrit)",
        _ => "",
    }
}

/// A timeline line in French: what happened, with the details that matter
/// and never the parent's number.
fn event_text(e: &TimelineEntry, staff_name: &dyn Fn(i64) -> Option<String>) -> String {
    let detail: serde_json::Value = serde_json::from_str(&e.detail).unwrap_or_default();
    let text = |k: &str| detail.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    let int = |k: &str| detail.get(k).and_then(serde_json::Value::as_i64);
    let node = e.node.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
    match e.kind.as_str() {
        "call-start" => "Appel reçu".to_owned(),
        "menu" => format!("Menu proposé{node}"),
        "choice" | "key" => match text("key").or_else(|| text("digits")) {
            Some(k) => format!("Touche {k}{node}"),
            None => format!("Choix fait{node}"),
        },
        "speech" => format!("Réponse à la voix{node}"),
        "no-input" => format!("Pas de réponse{node}"),
        "invalid-choice" => format!("Choix non reconnu{node}"),
        "repeat" => format!("Menu répété{node}"),
        "back" => format!("Retour au menu précédent{node}"),
        "message" => format!("Message d'information lu{node}"),
        "open" | "closed" => format!(
            "Horaires vérifiés : ligne {}{node}",
            if e.kind == "open" { "ouverte" } else { "fermée" }
        ),
        "transfer" | "transfer-attempt" => {
            let who = int("staff_id")
                .and_then(staff_name)
                .or_else(|| text("staff_name"))
                .or_else(|| text("staff"))
                .unwrap_or_else(|| "un·e professionnel·le".into());
            format!("Transfert : on fait sonner {who}{node}")
        }
        "transfer-attempt-ended" => {
            let outcome = match text("outcome").as_deref() {
                Some("accepted") => "a pris l'appel",
                Some("refused") => "a refusé (touche autre que 1)",
                Some("no-answer") => "pas de réponse",
                Some("busy") => "occupé",
                Some("failed") => "échec de l'appel",
                Some("canceled") => "annulé (le parent a raccroché)",
                _ => "fin de la tentative",
            };
            match int("rang_seconds") {
                Some(s) => format!("Tentative terminée : {outcome}, après {s} s de sonnerie"),
                None => format!("Tentative terminée : {outcome}"),
            }
        }
        "transfer-leg" => format!("Téléphone du professionnel : {}", text("status").unwrap_or_default()),
        "transfer-ended" | "transfer-wave-ended" => format!("Fin du transfert{node}"),
        "transfer-failed" | "transfer-unavailable" => format!("Personne de disponible{node}"),
        "voicemail" | "message-recorded" | "message-left" => format!("Message vocal laissé{node}"),
        "callback-requested" => "Rappel demandé".to_owned(),
        "callback-impossible" => "Rappel impossible (numéro masqué)".to_owned(),
        "callback-started" => "Rappel lancé depuis le back-office".to_owned(),
        "callback-staff-accepted" => "Le professionnel a accepté d'appeler la famille".to_owned(),
        "callback-ended" => format!("Rappel terminé : {}", text("outcome").unwrap_or_default()),
        "caller-hung-up" | "hangup" => format!("Appel terminé{node}"),
        "menu-exhausted" => format!("Sans réponse après plusieurs essais{node}"),
        "status" => format!("Statut de l'appel : {}", text("status").unwrap_or_default()),
        "sms-read" => "SMS lu par le robot".to_owned(),
        "note-added" => "Note ajoutée".to_owned(),
        "staff-sms" => match int("segments") {
            Some(n) if n > 1 => format!("SMS envoyé au parent par un·e professionnel·le ({n} SMS)"),
            _ => "SMS envoyé au parent par un·e professionnel·le".to_owned(),
        },
        "follow-up-changed" => {
            let state = text("state").map(|s| view::state(&s)).unwrap_or("modifié");
            match text("outcome") {
                Some(o) => format!("Suivi : {state}, {}", follow_ups::outcome_label(&o)),
                None => format!("Suivi : {state}"),
            }
        }
        "recording" => "Enregistrement reçu".to_owned(),
        other => format!("{other}{node}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: &str, detail: serde_json::Value) -> TimelineEntry {
        TimelineEntry {
            event_id: 1,
            at: chrono::Utc::now(),
            kind: kind.into(),
            node: Some("accueil".into()),
            detail: detail.to_string(),
        }
    }

    #[test]
    fn timeline_lines_read_in_french() {
        let none = |_| None;
        assert_eq!(
            event_text(
                &entry(
                    "transfer-attempt-ended",
                    serde_json::json!({"outcome": "no-answer", "rang_seconds": 20})
                ),
                &none
            ),
            "Tentative terminée : pas de réponse, après 20 s de sonnerie"
        );
        assert_eq!(
            event_text(
                &entry(
                    "follow-up-changed",
                    serde_json::json!({"state": "closed", "outcome": "reached"})
                ),
                &none
            ),
            "Suivi : Clos, Parent joint"
        );
        let named = |id| (id == 3).then(|| "Awa".to_owned());
        assert_eq!(
            event_text(&entry("transfer-attempt", serde_json::json!({"staff_id": 3})), &named),
            "Transfert : on fait sonner Awa (accueil)"
        );
    }
}
