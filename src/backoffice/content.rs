//! `/content` (supervisors): the SMS knowledge base (each answer with its
//! size in SMS, editable; a question tried against the bot) and the questions
//! it could not answer; the IVR scripts (a diagram of each, their source,
//! checked and reloaded).
//!
//! The knowledge base stays a reviewed text file (`ivr-scripts/faq.toml`): an
//! edit rewrites that entry's answer in place, keeping the file's layout and
//! comments, only once the whole new file loads, and then reloads the bot.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use chrono::Duration;
use serde::Deserialize;

use super::access::{self, Role, Viewer};
use super::{render, view, PageError};
use crate::contacts::messages::vars;
use crate::http::AppState;
use crate::sms::kb::{self, KnowledgeBase};
use crate::sms::{bot, encoding};

/// How far back the unanswered questions go.
const UNANSWERED_DAYS: i64 = 30;
const UNANSWERED_SHOWN: i64 = 100;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ContentQuery {
    /// A question to try.
    q: String,
    /// What was just done (`saved`, `reloaded`).
    done: String,
}

#[derive(Template)]
#[template(path = "content.html")]
struct ContentPage {
    chrome: view::Chrome,
    notice: Option<String>,
    problems: Vec<String>,
    question: String,
    trial: Option<Trial>,
    topics: Vec<TopicRow>,
    unanswered: Vec<UnansweredRow>,
    scripts: Vec<ScriptRow>,
}

struct Trial {
    what: String,
    reply: String,
    segments: String,
    alternatives: String,
}

struct TopicRow {
    id: String,
    title: String,
    checked: String,
    segments: usize,
    chars: usize,
    ucs2: bool,
}

struct UnansweredRow {
    contact_id: i64,
    when: String,
    body: String,
    kind: &'static str,
}

struct ScriptRow {
    id: String,
    file: String,
    nodes: usize,
    source: String,
    /// SVG, drawn here from the loaded script.
    diagram: String,
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(query): Query<ContentQuery>,
) -> Result<Response, PageError> {
    viewer.require(Role::Supervisor)?;
    let notice = match query.done.as_str() {
        "saved" => Some(
            "Réponse enregistrée dans le fichier de la base de connaissances ; le robot l'utilise dès maintenant."
                .to_owned(),
        ),
        "reloaded" => Some("Scripts et base de connaissances vérifiés et rechargés.".to_owned()),
        _ => None,
    };
    let page = build(&state, &viewer, query.q, notice, Vec::new()).await?;
    render(&page)
}

async fn build(
    state: &AppState,
    viewer: &Viewer,
    question: String,
    notice: Option<String>,
    problems: Vec<String>,
) -> Result<ContentPage, PageError> {
    let settings = state.settings();
    let now = state.now();
    let library = state.scripts();
    let kb = library.knowledge_base();
    let trial = match (kb.as_deref(), question.trim()) {
        (Some(kb), q) if !q.is_empty() => Some(trial(kb, &bot::explain(kb, &vars(settings, now), q))),
        _ => None,
    };
    let sample = kb::Vars::sample();
    let topics = kb
        .as_deref()
        .map(|kb| {
            kb.topics
                .iter()
                .map(|t| {
                    let count = encoding::count(&kb::render(&t.answer, &sample));
                    TopicRow {
                        id: t.id.clone(),
                        title: view::capitalized(&t.title),
                        checked: t.checked.to_string(),
                        segments: count.segments,
                        chars: count.chars,
                        ucs2: count.encoding == encoding::Encoding::Ucs2,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let unanswered = state
        .store()
        .unanswered_questions(now - Duration::days(UNANSWERED_DAYS), UNANSWERED_SHOWN)
        .await?
        .into_iter()
        .map(|u| UnansweredRow {
            contact_id: u.contact_id,
            when: view::moment(settings.timezone, u.created_at, now),
            kind: if u.analysis.as_deref().is_some_and(|a| a.contains("\"alternatives\"")) {
                "plusieurs sujets proposés"
            } else {
                "pas compris"
            },
            body: u.body,
        })
        .collect();
    let scripts = library
        .ids()
        .into_iter()
        .filter_map(|id| library.get(&id))
        .map(|s| ScriptRow {
            id: s.id.clone(),
            file: s
                .path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            nodes: s.script.nodes.len(),
            diagram: crate::ivr::diagram::svg(&s.script),
            source: std::fs::read_to_string(&s.path).unwrap_or_else(|e| format!("(fichier illisible : {e})")),
        })
        .collect();
    Ok(ContentPage {
        chrome: view::Chrome::for_viewer(viewer, "Contenus", "/content"),
        notice,
        problems,
        question,
        trial,
        topics,
        unanswered,
        scripts,
    })
}

/// What the bot would do, in words.
fn trial(kb: &KnowledgeBase, e: &serde_json::Value) -> Trial {
    let text = |k: &str| e.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    let what = match (text("safety"), text("topic"), text("kind").as_deref()) {
        (Some(category), _, _) => format!(
            "Message urgent : {} (la réponse d'urgence part aussitôt et la personne de garde est alertée).",
            crate::sms::safety::SafetyCategory::parse(&category).map_or(category.clone(), |c| c.label().to_owned())
        ),
        (None, Some(topic), _) => format!(
            "Réponse du sujet « {} » (score {}).",
            kb.topic(&topic).map_or(topic.clone(), |t| t.title.clone()),
            e.get("score").and_then(serde_json::Value::as_f64).unwrap_or_default()
        ),
        (None, None, Some("alternatives")) => "Le robot hésite : il propose un choix de sujets.".to_owned(),
        (None, None, Some("other-language")) => {
            "Message dans une autre langue : le robot répond qu'il écrit en français et comment joindre quelqu'un."
                .to_owned()
        }
        (None, None, _) => {
            "Le robot ne comprend pas : il le dit, liste ce qu'il sait faire et propose un rappel.".to_owned()
        }
    };
    let alternatives = e
        .get("alternatives")
        .and_then(|a| a.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str())
                .map(|id| kb.topic(id).map_or(id.to_owned(), |t| t.title.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    Trial {
        what,
        reply: text("reply").unwrap_or_default(),
        segments: e
            .get("segments")
            .and_then(serde_json::Value::as_u64)
            .map_or_else(String::new, |n| format!("{n} SMS")),
        alternatives,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct AnswerForm {
    answer: String,
    /// "1": the facts were checked against the sources today.
    checked: String,
}

#[derive(Template)]
#[template(path = "topic_edit.html")]
struct TopicPage {
    chrome: view::Chrome,
    id: String,
    title: String,
    answer: String,
    checked: String,
    sources: Vec<String>,
    size: String,
    problems: Vec<String>,
}

pub(super) async fn topic(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    viewer.require(Role::Supervisor)?;
    let kb = state.scripts().knowledge_base().ok_or(PageError::NotFound)?;
    let t = kb.topic(&id).ok_or(PageError::NotFound)?;
    let page = topic_page(&viewer, t, t.answer.clone(), Vec::new());
    render(&page)
}

fn topic_page(viewer: &Viewer, t: &kb::Topic, answer: String, problems: Vec<String>) -> TopicPage {
    let count = encoding::count(&kb::render(&answer, &kb::Vars::sample()));
    TopicPage {
        chrome: view::Chrome::for_viewer(viewer, &format!("Réponse : {}", t.title), "/content"),
        id: t.id.clone(),
        title: view::capitalized(&t.title),
        size: format!(
            "{} caractères, {} SMS{}",
            count.chars,
            count.segments,
            if count.encoding == encoding::Encoding::Ucs2 {
                " (caractères spéciaux : un SMS porte alors 70 caractères au lieu de 160)"
            } else {
                ""
            }
        ),
        answer,
        checked: t.checked.to_string(),
        sources: t.sources.clone(),
        problems,
    }
}

pub(super) async fn save_topic(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, PageError> {
    viewer.require(Role::Supervisor)?;
    let library = state.scripts();
    let kb = library.knowledge_base().ok_or(PageError::NotFound)?;
    let topic = kb.topic(&id).ok_or(PageError::NotFound)?;
    let answer = form.answer.trim().replace("\r\n", "\n");
    let today = state.now().with_timezone(&state.settings().timezone).date_naive();
    let checked = (form.checked == "1").then_some(today);
    let path = library.dir().join(kb::FILE_NAME);
    let result = rewrite_answer(&path, &id, &answer, checked, state.settings().sms.max_reply_segments);
    if let Err(problems) = result {
        let page = topic_page(&viewer, topic, answer, problems);
        let html = render(&page)?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    if let Err(problems) = library.reload() {
        // The new file loaded on its own: a script must have broken meanwhile.
        let page = build(&state, &viewer, String::new(), None, problems).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    }
    access::log(
        state.store().as_ref(),
        &viewer.user,
        state.now(),
        "edit-content",
        Some(format!("topic:{id}")),
        checked.map(|d| format!("checked {d}")),
    )
    .await;
    Ok(Redirect::to("/content?done=saved").into_response())
}

/// Writes `answer` (and the check date) into `id`'s entry of the knowledge
/// base file, only if the whole new file is a valid knowledge base; the file
/// is replaced atomically (write beside, then rename).
fn rewrite_answer(
    path: &std::path::Path,
    id: &str,
    answer: &str,
    checked: Option<chrono::NaiveDate>,
    max_segments: usize,
) -> Result<(), Vec<String>> {
    let io = |e: std::io::Error| vec![format!("Le fichier {} ne peut pas être écrit : {e}", path.display())];
    let text = std::fs::read_to_string(path).map_err(io)?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| vec![format!("Le fichier de la base de connaissances est illisible : {e}")])?;
    if answer.is_empty() {
        return Err(vec!["La réponse est vide.".into()]);
    }
    let entry = doc
        .get_mut("topic")
        .and_then(|t| t.as_array_of_tables_mut())
        .and_then(|topics| {
            topics
                .iter_mut()
                .find(|t| t.get("id").and_then(|v| v.as_str()) == Some(id))
        })
        .ok_or_else(|| vec![format!("Le sujet « {id} » n'est plus dans le fichier.")])?;
    entry["answer"] = toml_edit::value(answer);
    if let Some(day) = checked {
        let date = toml_edit::Date {
            year: u16::try_from(chrono::Datelike::year(&day)).unwrap_or(2026),
            month: chrono::Datelike::month(&day) as u8,
            day: chrono::Datelike::day(&day) as u8,
        };
        entry["checked"] = toml_edit::value(toml_edit::Datetime {
            date: Some(date),
            time: None,
            offset: None,
        });
    }
    let new_text = doc.to_string();
    KnowledgeBase::parse(kb::FILE_NAME, &new_text, max_segments)?;
    let beside = path.with_extension("toml.new");
    std::fs::write(&beside, &new_text).map_err(io)?;
    std::fs::rename(&beside, path).map_err(io)?;
    Ok(())
}

/// Checks and reloads the scripts and the knowledge base from their files.
pub(super) async fn reload(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    viewer.require(Role::Supervisor)?;
    match state.scripts().reload() {
        Ok(_) => {
            access::log(
                state.store().as_ref(),
                &viewer.user,
                state.now(),
                "reload-content",
                None,
                None,
            )
            .await;
            Ok(Redirect::to("/content?done=reloaded#scripts").into_response())
        }
        Err(problems) => {
            let page = build(&state, &viewer, String::new(), None, problems).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}
