//! `GET /contacts`: every contact, newest first, filtered by dates, channel,
//! line, need, outcome, professional, follow-up state and urgency, 50 at a
//! time (keyset pages: see [`crate::contacts::search`]).
//!
//! Supervisors see every contact; staff the contacts they handled (the
//! professional filter is theirs, whatever the URL says). Numbers are masked.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::access::{Role, Viewer};
use super::today::need_label;
use super::{render, view, PageError};
use crate::contacts::callbacks::mask_number;
use crate::contacts::search::{FilterForm, FOLLOW_UP_NONE, FOLLOW_UP_OPEN, OUTCOMES, OUTCOME_NONE, PAGE_SIZE};
use crate::db::search::ContactListRow;
use crate::http::AppState;
use crate::ivr::script::Node;
use crate::routing::directory::FieldError;
use crate::sms::safety::SafetyCategory;

#[derive(Template)]
#[template(path = "contacts.html")]
struct ContactsPage {
    chrome: view::Chrome,
    form: FilterForm,
    errors: Vec<FieldError>,
    /// Staff see their own contacts only: no professional filter.
    all_contacts: bool,
    channels: Vec<(&'static str, &'static str)>,
    lines: Vec<(String, String)>,
    needs: Vec<(String, String)>,
    outcomes: Vec<(&'static str, &'static str)>,
    staff: Vec<(String, String)>,
    follow_ups: Vec<(&'static str, &'static str)>,
    rows: Vec<Row>,
    /// The link to the next (older) page, if there is one.
    older: Option<String>,
    /// The link back to the first page, when this is not it.
    newest: Option<String>,
}

impl ContactsPage {
    fn error(&self, field: &str) -> Option<&str> {
        view::field_error(&self.errors, field)
    }
}

struct Row {
    id: i64,
    when: String,
    channel: &'static str,
    line: String,
    need: String,
    outcome: &'static str,
    follow_up: &'static str,
    urgent: bool,
    number: String,
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(mut form): Query<FilterForm>,
) -> Result<Response, PageError> {
    let settings = state.settings();
    let tz = settings.timezone;
    let now = state.now();
    let all_contacts = viewer.user.role.allows(Role::Supervisor);
    if !all_contacts {
        form.staff = viewer.user.staff_id.map(|id| id.to_string()).unwrap_or_default();
    }
    let store = state.store().as_ref();
    // Only supervisors choose a professional.
    let staff_members = if all_contacts {
        store.list_staff().await?
    } else {
        Vec::new()
    };
    let kb = state.scripts().knowledge_base();

    let checked = form.check(tz);
    let (rows, older, errors) = match &checked {
        Err(errors) => (Vec::new(), None, errors.clone()),
        // A staff account tied to no professional handled nothing.
        Ok(_) if !all_contacts && viewer.user.staff_id.is_none() => (Vec::new(), None, Vec::new()),
        Ok(query) => {
            let mut found = store.search_contacts(query, PAGE_SIZE + 1).await?;
            let more = found.len() as i64 > PAGE_SIZE;
            found.truncate(PAGE_SIZE as usize);
            let older = more
                .then(|| found.last().map(ContactListRow::cursor))
                .flatten()
                .map(|c| format!("/contacts?{}", form.query_string(Some(&c))));
            (found, older, Vec::new())
        }
    };
    let line_name = |number: Option<&str>| match number {
        None => "—".to_owned(),
        Some(n) => settings
            .lines
            .iter()
            .find(|l| l.number == n)
            .and_then(|l| l.name.clone())
            .unwrap_or_else(|| n.to_owned()),
    };
    let rows = rows
        .iter()
        .map(|c| Row {
            id: c.contact_id,
            when: view::moment(tz, c.started_at, now),
            channel: view::channel(&c.channel),
            line: line_name(c.line_number.as_deref()),
            need: need_label(kb.as_deref(), c.need.as_deref()),
            outcome: view::outcome(c.outcome.as_deref()),
            follow_up: c.follow_up_state.as_deref().map_or("—", view::state),
            urgent: c.urgent == Some(true),
            number: c
                .caller_number
                .as_deref()
                .map_or_else(|| "numéro masqué".to_owned(), mask_number),
        })
        .collect();

    let needs = need_options(&state.scripts(), kb.as_deref());

    let newest = (!form.after.trim().is_empty()).then(|| format!("/contacts?{}", form.query_string(None)));
    let bad = !errors.is_empty();
    let page = ContactsPage {
        chrome: view::Chrome::for_viewer(&viewer, "Contacts", "/contacts"),
        errors,
        all_contacts,
        channels: vec![("voice", "Appels"), ("sms", "SMS")],
        lines: settings
            .lines
            .iter()
            .map(|l| (l.number.clone(), l.name.clone().unwrap_or_else(|| l.number.clone())))
            .collect(),
        needs,
        outcomes: OUTCOMES
            .into_iter()
            .map(|o| (o, view::outcome(Some(o))))
            .chain([(OUTCOME_NONE, view::outcome(None))])
            .collect(),
        staff: staff_members
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone()))
            .collect(),
        follow_ups: vec![
            (FOLLOW_UP_OPEN, "À suivre (non clos)"),
            ("new", view::state("new")),
            ("in-progress", view::state("in-progress")),
            ("waiting", view::state("waiting")),
            ("closed", view::state("closed")),
            (FOLLOW_UP_NONE, "Sans suivi"),
        ],
        rows,
        older,
        newest,
        form,
    };
    let response = render(&page)?;
    Ok(if bad {
        (StatusCode::BAD_REQUEST, response).into_response()
    } else {
        response
    })
}

/// The needs a contact can have, as the filter offers them: the safety
/// categories first, then the IVR's needs and the knowledge base's topics by name.
fn need_options(
    library: &crate::ivr::library::Library,
    kb: Option<&crate::sms::kb::KnowledgeBase>,
) -> Vec<(String, String)> {
    let mut needs: Vec<(String, String)> = Vec::new();
    let mut add_need = |id: &str| {
        if !needs.iter().any(|(n, _)| n == id) {
            needs.push((id.to_owned(), need_label(kb, Some(id))));
        }
    };
    for category in SafetyCategory::ALL {
        add_need(category.id());
    }
    for id in library.ids() {
        let Some(script) = library.get(&id) else { continue };
        for node in script.script.nodes.values() {
            if let Node::Menu(menu) = node {
                menu.choices
                    .iter()
                    .filter_map(|c| c.need.as_deref())
                    .for_each(&mut add_need);
            }
        }
    }
    if let Some(kb) = kb {
        kb.topics.iter().for_each(|t| add_need(&t.id));
    }
    needs[SafetyCategory::ALL.len()..].sort_by(|a, b| a.1.cmp(&b.1));
    needs
}
