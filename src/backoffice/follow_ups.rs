//! `GET /follow-ups`: the parents to call back, mine or everyone's, urgent
//! ones first, then the most overdue, with the age of each.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::access::Viewer;
use super::today::need_label;
use super::{render, view, PageError};
use crate::contacts::callbacks::mask_number;
use crate::db::callbacks::FollowUpEntry;
use crate::http::AppState;
use crate::sms::kb::KnowledgeBase;

/// As many as a team can work through; more means something else is wrong.
const SHOWN: i64 = 500;

/// A follow-up as the lists show it.
pub(super) struct FollowUpRow {
    pub contact_id: i64,
    pub urgent: bool,
    pub reason: &'static str,
    pub need: String,
    pub number: String,
    pub due: String,
    pub overdue: bool,
    pub age: String,
    pub state: &'static str,
    pub attempts: i64,
    pub assigned: String,
}

/// `names` gives a staff id's name (for "Confié à").
pub(super) fn row(
    e: &FollowUpEntry,
    now: DateTime<Utc>,
    kb: Option<&KnowledgeBase>,
    names: &dyn Fn(i64) -> Option<String>,
) -> FollowUpRow {
    let f = &e.follow_up;
    let (due, overdue) = view::due(f.due_at, now);
    FollowUpRow {
        contact_id: f.contact_id,
        urgent: f.urgent,
        reason: view::reason(&f.reason),
        need: need_label(kb, f.need.as_deref()),
        number: e
            .parent_number
            .as_deref()
            .map_or_else(|| "numéro masqué".to_owned(), mask_number),
        due,
        overdue,
        age: view::ago(now - f.created_at),
        state: view::state(&f.state),
        attempts: f.attempts,
        assigned: f.assigned_staff_id.map_or_else(
            || "La personne de garde".to_owned(),
            |id| names(id).unwrap_or_else(|| "—".to_owned()),
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Which {
    /// `mine` or `all`; by default, mine for a professional of the directory.
    who: String,
}

#[derive(Template)]
#[template(path = "follow_ups.html")]
struct FollowUpsPage {
    chrome: view::Chrome,
    mine: bool,
    /// The viewer is a professional of the directory (has a queue of their own).
    has_queue: bool,
    rows: Vec<FollowUpRow>,
    overdue: usize,
    urgent: usize,
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(which): Query<Which>,
) -> Result<Response, PageError> {
    let now = state.now();
    let store = state.store().as_ref();
    let staff_id = viewer.user.staff_id;
    let mine = match which.who.as_str() {
        "mine" => true,
        "all" => false,
        "" => staff_id.is_some(),
        _ => {
            return Err(PageError::BadRequest(
                "Choisissez « mes suivis » ou « tous les suivis ».".into(),
            ))
        }
    };
    let entries = match (mine, staff_id) {
        (true, Some(id)) => store.assigned_follow_ups(id, SHOWN).await?,
        (true, None) => Vec::new(),
        (false, _) => store.follow_up_queue(SHOWN).await?,
    };
    let staff = store.list_staff().await?;
    let names = |id: i64| staff.iter().find(|s| s.id == id).map(|s| s.name.clone());
    let kb = state.scripts().knowledge_base();
    let rows: Vec<FollowUpRow> = entries.iter().map(|e| row(e, now, kb.as_deref(), &names)).collect();
    let page = FollowUpsPage {
        chrome: view::Chrome::for_viewer(
            &viewer,
            if mine { "Mes suivis" } else { "Tous les suivis" },
            "/follow-ups",
        ),
        mine,
        has_queue: staff_id.is_some(),
        overdue: rows.iter().filter(|r| r.overdue).count(),
        urgent: rows.iter().filter(|r| r.urgent).count(),
        rows,
    };
    render(&page)
}
