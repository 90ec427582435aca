//! A rehearsal: a day of simulated traffic played through the real webhooks,
//! so that a new supervisor can learn the back-office on a day that looks like
//! theirs (`numerovert demo --simulate-day`), and our acceptance test can review
//! one. Parents call and text from the fiction range of numbers; the provider's
//! side is [`provider`]: it follows the TwiML the service answers, as Twilio would.
//!
//! The day is drawn from a seed (the date), so the same day always gives the
//! same traffic: about forty calls between 8:00 and 20:00 (answered, rung out
//! then a message or a callback request, hung up in the menu, information only,
//! after hours), and some twenty-five texts (questions, two emergencies, callback
//! requests, an opt-out, a photo, a reply to a numbered list).

pub mod provider;

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Serialize;

use crate::config::Settings;
use crate::db::Store;
use crate::http::{self, AppState};
use crate::ivr::library::Library;
use provider::{Caller, Provider};

/// What was played, for the demo's summary and the acceptance test.
#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub date: NaiveDate,
    pub calls: u32,
    /// Put through to a professional who took the call.
    pub answered: u32,
    /// Rang out, then a message or a callback request.
    pub rung_out: u32,
    /// Hung up in a menu.
    pub abandoned: u32,
    pub after_hours: u32,
    pub texts: u32,
    /// Numbers that texted (one conversation each).
    pub conversations: u32,
    /// Texts that call for the emergency answer.
    pub urgent_texts: u32,
}

/// Parents' texts, in the way they write them (none of them real).
const QUESTIONS: &[&str] = &[
    "bjr mon bb pleure tt le temps le soir, jsp koi faire",
    "c quoi vos horaires le samedi ?",
    "combien de biberons par jour a 2 mois svp",
    "Bonjour, à partir de quand on peut commencer les purées ?",
    "ma fille se reveille 4 fois par nuit a 8 mois c normal ?",
    "jai mal quand il tete, des crevasses, vous avez des conseils",
    "on a droit a quoi comme aide de la caf pour la naissance ?",
    "le conge paternite c combien de jours maintenant ?",
    "vous etes ou exactement ? c accessible en poussette ?",
    "il a 38,2 de fievre, il a 10 mois, il joue, je donne du doliprane ?",
    "comment trouver une assistante maternelle pres de chez moi",
    "je me sens tres seule depuis l'accouchement, je pleure souvent",
    "les ecrans a 18 mois c grave si c 10 min ?",
    "c quand les vaccins obligatoires ?",
    "Bonsoir, il y a des ateliers pour les papas ?",
];

/// Two emergencies: the answer is the numbers to call, and the professional on duty is alerted.
const URGENT: &[&str] = &[
    "je veux mourir, je n'en peux plus, il pleure et je suis seule",
    "mon bb de 5 semaines a 38,9 et il veut plus boire",
];

/// Plays a day of traffic up to `until` (at most 20:00, Paris time, that day)
/// through a router on `store`, on a clock of its own.
pub async fn simulate_day(
    settings: &Settings,
    store: Arc<dyn Store>,
    scripts: Arc<Library>,
    until: DateTime<Utc>,
) -> Result<Summary, String> {
    let date = until.with_timezone(&Paris).date_naive();
    let at = |h: u32, m: u32| {
        Paris
            .from_local_datetime(&date.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    };
    let (Some(start), Some(end)) = (at(8, 0), at(20, 0)) else {
        return Err(format!("{date}: no 8:00 or 20:00 that day"));
    };
    let end = end.min(until);
    let now = Arc::new(Mutex::new(start));
    let clock_now = now.clone();
    let clock: http::Clock = Arc::new(move || *clock_now.lock().unwrap_or_else(|e| e.into_inner()));
    let state = AppState::new(settings.clone(), store, scripts, clock);
    let router = http::router(state);
    let tick_now = now.clone();
    let tick = move |secs: i64| {
        let mut t = tick_now.lock().unwrap_or_else(|e| e.into_inner());
        *t += Duration::seconds(secs);
    };
    let auth_token = settings
        .twilio_auth_token
        .as_ref()
        .map(|t| secrecy::ExposeSecret::expose_secret(t).to_owned())
        .ok_or("no auth token to sign the rehearsal's webhooks")?;
    let provider = Provider {
        router: &router,
        auth_token: &auth_token,
        tick: &tick,
    };
    let line = settings
        .lines
        .first()
        .map(|l| l.number.clone())
        .ok_or("no line configured")?;
    let sms_number = settings.sms.number.clone().unwrap_or_else(|| line.clone());

    let day: u32 = date.format("%Y%m%d").to_string().parse().unwrap_or(1);
    let mut rng = StdRng::seed_from_u64(u64::from(day));
    let events = plan(&mut rng, start, end);
    let mut summary = Summary {
        date,
        ..Summary::default()
    };
    for (i, (when, event)) in events.into_iter().enumerate() {
        {
            let mut t = now.lock().unwrap_or_else(|e| e.into_inner());
            *t = (*t).max(when);
        }
        let from = format!("+336399810{:02}", i % 100);
        // Twilio's SIDs: two letters and 32 hexadecimal digits, here the day and the event.
        let sid = |prefix: &str, k: usize| format!("{prefix}{day:08}{:024x}", i * 10 + k);
        match event {
            Event::Call(kind) => {
                let caller = kind.caller(&mut rng, from);
                provider.call(&sid("CA", 0), &line, &caller).await?;
                summary.calls += 1;
                match kind {
                    CallKind::Answered => summary.answered += 1,
                    CallKind::RungOutThenMessage | CallKind::RungOutThenCallback => summary.rung_out += 1,
                    CallKind::Abandoned | CallKind::InformationOnly => summary.abandoned += 1,
                    CallKind::AfterHours => summary.after_hours += 1,
                    CallKind::Message => {}
                }
            }
            Event::Text(body, media) => {
                provider.sms(&sid("SM", 0), &from, &sms_number, body, media).await?;
                summary.texts += 1;
                summary.conversations += 1;
                if URGENT.contains(&body) {
                    summary.urgent_texts += 1;
                }
            }
            Event::Conversation(first, reply) => {
                provider.sms(&sid("SM", 0), &from, &sms_number, first, 0).await?;
                tick(90);
                provider.sms(&sid("SM", 1), &from, &sms_number, reply, 0).await?;
                summary.texts += 2;
                summary.conversations += 1;
            }
        }
    }
    Ok(summary)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum CallKind {
    Answered,
    RungOutThenMessage,
    RungOutThenCallback,
    Abandoned,
    InformationOnly,
    Message,
    AfterHours,
}

impl CallKind {
    fn caller(self, rng: &mut StdRng, from: String) -> Caller {
        // The needs of the first menu: 1 pregnancy … 5 childcare and benefits.
        let need = ["1", "2", "3", "4", "5"][rng.random_range(0..5)];
        let (keys, answered, hang_up_in_menu): (Vec<&'static str>, bool, bool) = match self {
            CallKind::Answered => (vec![need], true, false),
            CallKind::RungOutThenMessage => (vec![need, "1"], false, false),
            CallKind::RungOutThenCallback => (vec![need, "2"], false, false),
            CallKind::Abandoned => (vec![], false, true),
            CallKind::InformationOnly => (vec!["6", "1"], false, true),
            CallKind::Message => (vec!["7"], false, false),
            CallKind::AfterHours => (vec![if rng.random_bool(0.5) { "1" } else { "2" }], false, false),
        };
        Caller {
            from,
            keys,
            hang_up_in_menu,
            answered,
            message_secs: rng.random_range(20..100),
            talk_secs: rng.random_range(120..900),
        }
    }
}

enum Event {
    Call(CallKind),
    Text(&'static str, u32),
    /// A vague message, then the reply to the numbered list it gets.
    Conversation(&'static str, &'static str),
}

/// The day's events, in order.
fn plan(rng: &mut StdRng, start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<(DateTime<Utc>, Event)> {
    let span = (end - start).num_seconds().max(1);
    let local_hour = |t: DateTime<Utc>| t.with_timezone(&Paris).time();
    let open = |t: DateTime<Utc>| {
        let h = local_hour(t);
        h >= NaiveTime::from_hms_opt(9, 5, 0).unwrap_or_default()
            && h < NaiveTime::from_hms_opt(18, 50, 0).unwrap_or_default()
    };
    let mut events = Vec::new();
    for _ in 0..40 {
        let when = start + Duration::seconds(rng.random_range(0..span));
        let kind = if !open(when) {
            CallKind::AfterHours
        } else {
            match rng.random_range(0..100) {
                0..50 => CallKind::Answered,
                50..62 => CallKind::RungOutThenCallback,
                62..72 => CallKind::RungOutThenMessage,
                72..84 => CallKind::Abandoned,
                84..94 => CallKind::InformationOnly,
                _ => CallKind::Message,
            }
        };
        events.push((when, Event::Call(kind)));
    }
    let mut texts: Vec<Event> = QUESTIONS.iter().map(|q| Event::Text(q, 0)).collect();
    texts.extend(URGENT.iter().map(|q| Event::Text(q, 0)));
    texts.extend([
        Event::Text("RAPPEL", 0),
        Event::Text("rappel svp", 0),
        Event::Text("STOP", 0),
        Event::Text("", 1),
        Event::Conversation("question sur bebe", "1"),
    ]);
    for text in texts {
        events.push((start + Duration::seconds(rng.random_range(0..span)), text));
    }
    events.sort_by_key(|(t, _)| *t);
    events
}
