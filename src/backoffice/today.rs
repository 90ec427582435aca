//! `GET /`: the day at a glance. Urgent messages first, then the parents
//! waiting for a callback (the most overdue first), who is on duty now for
//! each role, the coverage gaps of the next 7 days, and the day's contacts.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use chrono::{DateTime, Duration, Utc};

use super::access::{Role, Viewer};
use super::follow_ups::{self, FollowUpRow};
use super::{render, view, PageError};
use crate::contacts::callbacks::mask_number;
use crate::db::callbacks::FollowUpEntry;
use crate::db::Contact;
use crate::http::AppState;
use crate::routing::hours::day_start;
use crate::routing::service;

/// How many open follow-ups the page lists (the follow-ups page has them all).
const FOLLOW_UPS_SHOWN: i64 = 200;
/// How many of the day's contacts the page lists.
const CONTACTS_SHOWN: i64 = 300;
const GAP_DAYS: i64 = 7;

#[derive(Template)]
#[template(path = "today.html")]
struct TodayPage {
    chrome: view::Chrome,
    date: String,
    counts: Counts,
    urgent: Vec<FollowUpRow>,
    callbacks: Vec<FollowUpRow>,
    duty: Vec<DutyRow>,
    gaps: Vec<GapRow>,
    /// Supervisors see every contact of the day; staff the counts only.
    show_contacts: bool,
    contacts: Vec<ContactRow>,
}

#[derive(Default)]
struct Counts {
    calls: usize,
    sms: usize,
    answered: usize,
    /// Calls that ended without a professional nor a message.
    missed: usize,
    messages_left: usize,
    urgent: usize,
}

struct DutyRow {
    label: String,
    people: String,
    nobody: bool,
    backups: String,
}

struct GapRow {
    label: String,
    when: String,
    covered_by: String,
}

struct ContactRow {
    id: i64,
    time: String,
    channel: &'static str,
    need: String,
    outcome: &'static str,
    number: String,
}

pub(super) async fn page(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let now = state.now();
    let settings = state.settings();
    let tz = settings.timezone;
    let store = state.store().as_ref();
    let (start, end) = local_day(tz, now);

    let kb = state.scripts().knowledge_base();
    let need = |need: Option<&str>| need_label(kb.as_deref(), need);

    let queue = store.follow_up_queue(FOLLOW_UPS_SHOWN).await?;
    let staff = store.list_staff().await?;
    let staff_name = |id: i64| staff.iter().find(|s| s.id == id).map(|s| s.name.clone());
    let row = |e: &FollowUpEntry| follow_ups::row(e, now, kb.as_deref(), &staff_name);
    let (urgent, callbacks): (Vec<_>, Vec<_>) = queue.iter().partition(|e| e.follow_up.urgent);

    let roles = service::offered_roles(&state.scripts());
    let duty = service::duty_board(store, settings, &roles, now)
        .await
        .map_err(service_error)?
        .into_iter()
        .map(|d| DutyRow {
            nobody: d.people.is_empty(),
            people: names(d.people.iter().map(|p| p.name.as_str())),
            backups: d
                .backups
                .iter()
                .map(|b| {
                    if b.people.is_empty() {
                        format!("{} : personne", view::role_name(&b.label))
                    } else {
                        format!(
                            "{} : {}",
                            view::role_name(&b.label),
                            names(b.people.iter().map(|p| p.name.as_str()))
                        )
                    }
                })
                .collect::<Vec<_>>()
                .join(" ; "),
            label: view::role_name(&d.label),
        })
        .collect();
    let gaps = service::gaps(store, settings, &roles, now, now + Duration::days(GAP_DAYS))
        .await
        .map_err(service_error)?
        .into_iter()
        .map(|g| GapRow {
            label: view::role_name(&g.role_label),
            when: view::period(tz, g.starts_at, g.ends_at, now),
            covered_by: g
                .covered_by_backups
                .iter()
                .map(|r| view::role_name(&settings.role_label(r)))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();

    let today = store.contacts_started_between(start, end, CONTACTS_SHOWN).await?;
    let counts = count(&today, urgent.len());
    let show_contacts = viewer.user.role.allows(Role::Supervisor);
    let contacts = if show_contacts {
        today
            .iter()
            .map(|c| ContactRow {
                id: c.contact_id,
                time: view::time(tz, c.started_at),
                channel: view::channel(&c.channel),
                need: need(c.need.as_deref()),
                outcome: view::outcome(c.outcome.as_deref()),
                number: c
                    .caller_number
                    .as_deref()
                    .map_or_else(|| "numéro masqué".to_owned(), mask_number),
            })
            .collect()
    } else {
        Vec::new()
    };

    let page = TodayPage {
        chrome: view::Chrome::for_viewer(&viewer, "Aujourd'hui", "/"),
        date: view::day(tz, now),
        counts,
        urgent: urgent.into_iter().map(row).collect(),
        callbacks: callbacks.into_iter().map(row).collect(),
        duty,
        gaps,
        show_contacts,
        contacts,
    };
    render(&page)
}

fn service_error(e: service::ServiceError) -> PageError {
    match e {
        service::ServiceError::Store(e) => PageError::Store(e),
        other => PageError::BadRequest(other.to_string()),
    }
}

/// The line's calendar day containing `now`, as UTC instants `[start, end)`.
fn local_day(tz: chrono_tz::Tz, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let date = now.with_timezone(&tz).date_naive();
    (day_start(tz, date), day_start(tz, date.succ_opt().unwrap_or(date)))
}

fn count(contacts: &[Contact], urgent: usize) -> Counts {
    let mut c = Counts {
        urgent,
        ..Counts::default()
    };
    for contact in contacts {
        match contact.channel.as_str() {
            "voice" => {
                c.calls += 1;
                match contact.outcome.as_deref() {
                    Some("answered") => c.answered += 1,
                    Some("message_left") => c.messages_left += 1,
                    Some("abandoned") | Some("fallback") => c.missed += 1,
                    _ => {}
                }
            }
            "sms" => c.sms += 1,
            _ => {}
        }
    }
    c
}

/// "Awa, Bea et Chloé"; "personne" when empty.
fn names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    match names.as_slice() {
        [] => "personne".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

/// A contact's need as people read it: a safety category, a knowledge-base
/// topic's title, or the IVR's need made readable.
pub(super) fn need_label(kb: Option<&crate::sms::kb::KnowledgeBase>, need: Option<&str>) -> String {
    let Some(need) = need else {
        return "—".to_owned();
    };
    if let Some(category) = crate::sms::safety::SafetyCategory::parse(need) {
        return view::capitalized(category.label());
    }
    if let Some(topic) = kb.and_then(|kb| kb.topic(need)) {
        return topic.title.clone();
    }
    view::capitalized(&need.replace('-', " "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_day_is_the_lines_calendar_day_even_across_dst() {
        let tz = chrono_tz::Europe::Paris;
        // The night clocks go back (25-hour day).
        let now = tz.with_ymd_and_hms(2026, 10, 25, 12, 0, 0).unwrap().with_timezone(&Utc);
        let (start, end) = local_day(tz, now);
        assert_eq!(start, Utc.with_ymd_and_hms(2026, 10, 24, 22, 0, 0).unwrap());
        assert_eq!(end, Utc.with_ymd_and_hms(2026, 10, 25, 23, 0, 0).unwrap());
    }

    #[test]
    fn names_are_listed_in_french() {
        assert_eq!(names([].into_iter()), "personne");
        assert_eq!(names(["Awa"].into_iter()), "Awa");
        assert_eq!(names(["Awa", "Bea", "Chloé"].into_iter()), "Awa, Bea et Chloé");
    }

    #[test]
    fn needs_read_as_words() {
        assert_eq!(need_label(None, Some("idees-suicidaires")), "Idées suicidaires");
        assert_eq!(need_label(None, Some("sommeil-pleurs")), "Sommeil pleurs");
        assert_eq!(need_label(None, None), "—");
    }
}
