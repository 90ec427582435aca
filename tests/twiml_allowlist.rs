//! Every TwiML document the IVR can produce, checked against Twilio's own TwiML
//! classes (`tests/fixtures/twilio/twiml-voice-allowlist.json`).
//!
//! For every script of `ivr-scripts/`, every node and every event the provider
//! can report there (and those it should not, which the engine must survive),
//! under open, closed and weekly hours, with and without someone to ring, with
//! and without a withheld caller number, the engine's turn is rendered by
//! `telephony::twiml::render` and the document is parsed back and checked:
//! - well-formed XML 1.0, the declaration first, exactly one `<Response>` root;
//! - every element allowed where it stands, with known attributes only, and
//!   text only where Twilio's class takes text (the allowlist's `tree`);
//! - `<Say>` in French with the configured voice, no placeholder left unfilled;
//! - every `<Gather>` and `<Record>` followed by the `<Redirect>` Twilio falls
//!   through to, and every document ending in a verb that leads somewhere, so
//!   no path ends in silence;
//! - every callback URL absolute, on the public base URL.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use chrono::{DateTime, TimeZone, Utc};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde_json::Value;

use numerovert::ivr::engine::{advance, CallEvent, Candidate, Context, DialStatus, Hunt, Position, Ringing, Screen};
use numerovert::ivr::script::{load_dir, LoadedScript, Node};
use numerovert::ivr::step::{Prompt, Step};
use numerovert::routing::holidays::HolidayRegion;
use numerovert::routing::hours::{HoursConfig, OpeningHours};
use numerovert::telephony::twiml::{self, Callbacks, Voice};

/// The public base URL every callback must start with.
const BASE: &str = "https://helpline.example.org";
const VOICE: &str = "Polly.Lea";
const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;
const ROLE_NUMBER: &str = "+33639980002";
const LINE_NUMBER: &str = "+33199001234";

fn voice() -> Voice {
    Voice { voice: VOICE.into() }
}

/// Callback URLs shaped like the service's own: a query string with `&`, so
/// that attribute and text escaping are exercised on every document.
struct Urls;

impl Callbacks for Urls {
    fn next(&self, event: &str) -> String {
        format!("{BASE}/twilio/voice/next?step=7&event={event}")
    }
    fn recording_status(&self) -> String {
        format!("{BASE}/twilio/voice/recording")
    }
    fn audio(&self, file: &str) -> String {
        let segment: String = url::form_urlencoded::byte_serialize(file.as_bytes()).collect();
        format!("{BASE}/audio/{}", segment.replace('+', "%20"))
    }
    fn screen(&self, attempt: u32) -> String {
        format!("{BASE}/twilio/voice/screen?call=CA0123456789abcdef0123456789abcdef&attempt={attempt}")
    }
    fn leg_status(&self, attempt: u32) -> String {
        format!("{BASE}/twilio/voice/leg?call=CA0123456789abcdef0123456789abcdef&attempt={attempt}")
    }
    fn wait(&self) -> String {
        format!("{BASE}/twilio/voice/wait?call=CA0123456789abcdef0123456789abcdef")
    }
    fn queue(&self) -> String {
        "nv-CA0123456789abcdef0123456789abcdef".into()
    }
}

// ---------------------------------------------------------------------------
// A small XML tree, read back with quick-xml.

#[derive(Debug, Clone)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<El>,
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn walk<'e>(&'e self, out: &mut Vec<&'e El>) {
        out.push(self);
        for child in &self.children {
            child.walk(out);
        }
    }

    fn all(&self) -> Vec<&El> {
        let mut out = Vec::new();
        self.walk(&mut out);
        out
    }
}

/// The `Char` production of XML 1.0: what may appear in a document at all.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn open(e: &BytesStart<'_>) -> Result<El, String> {
    let name = std::str::from_utf8(e.name().as_ref())
        .map_err(|err| format!("element name is not UTF-8: {err}"))?
        .to_owned();
    let mut attrs = Vec::new();
    for attr in e.attributes().with_checks(true) {
        let attr = attr.map_err(|err| format!("<{name}>: malformed attribute: {err}"))?;
        let key = std::str::from_utf8(attr.key.as_ref())
            .map_err(|err| format!("<{name}>: attribute name is not UTF-8: {err}"))?
            .to_owned();
        let value = attr
            .unescape_value()
            .map_err(|err| format!("<{name} {key}>: bad escape in the value: {err}"))?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(El {
        name,
        attrs,
        text: String::new(),
        children: Vec::new(),
    })
}

fn close(el: El, stack: &mut [El], root: &mut Option<El>) -> Result<(), String> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(el),
        None if root.is_none() => *root = Some(el),
        None => return Err(format!("a second root element <{}>", el.name)),
    }
    Ok(())
}

/// Parses a whole document; any departure from well-formed XML is an error.
fn parse(xml: &str) -> Result<El, String> {
    if !xml.starts_with(DECLARATION) {
        return Err(format!("the document does not start with {DECLARATION}"));
    }
    if let Some(c) = xml.chars().find(|c| !is_xml_char(*c)) {
        return Err(format!("character U+{:04X} is not allowed in XML 1.0", c as u32));
    }
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    config.check_comments = true;
    let mut stack: Vec<El> = Vec::new();
    let mut root: Option<El> = None;
    let mut declarations = 0;
    loop {
        let event = reader
            .read_event()
            .map_err(|err| format!("at byte {}: {err}", reader.error_position()))?;
        match event {
            Event::Decl(_) => {
                declarations += 1;
                if declarations > 1 || !stack.is_empty() || root.is_some() {
                    return Err("an XML declaration that is not the first thing".into());
                }
            }
            Event::Start(e) => stack.push(open(&e)?),
            Event::Empty(e) => {
                let el = open(&e)?;
                close(el, &mut stack, &mut root)?;
            }
            Event::End(e) => {
                let el = stack.pop().ok_or("an end tag without a start tag")?;
                if e.name().as_ref() != el.name.as_bytes() {
                    return Err(format!("<{}> closed by another end tag", el.name));
                }
                close(el, &mut stack, &mut root)?;
            }
            Event::Text(t) => {
                let text = t.unescape().map_err(|err| format!("bad escape in text: {err}"))?;
                match stack.last_mut() {
                    Some(el) => el.text.push_str(&text),
                    None if text.trim().is_empty() => {}
                    None => return Err(format!("text outside the root element: {text:?}")),
                }
            }
            Event::CData(c) => {
                let text = String::from_utf8(c.into_inner().into_owned())
                    .map_err(|err| format!("CDATA is not UTF-8: {err}"))?;
                match stack.last_mut() {
                    Some(el) => el.text.push_str(&text),
                    None => return Err("CDATA outside the root element".into()),
                }
            }
            Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {
                return Err(format!("unexpected markup: {event:?}"));
            }
            Event::Eof => break,
        }
    }
    if let Some(el) = stack.last() {
        return Err(format!("<{}> is never closed", el.name));
    }
    if declarations != 1 {
        return Err("no XML declaration".into());
    }
    root.ok_or_else(|| "no root element".into())
}

// ---------------------------------------------------------------------------
// The allowlist: Twilio's TwiML classes, as twilio-python generates them.

struct Allowlist {
    root_class: String,
    root_element: String,
    /// Attributes the root element may carry (from the flat `verbs` list).
    root_attributes: Vec<String>,
    tree: serde_json::Map<String, Value>,
}

impl Allowlist {
    fn load() -> Allowlist {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/twilio/twiml-voice-allowlist.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json: Value = serde_json::from_str(&text).expect("the allowlist is JSON");
        let string = |key: &str| {
            json[key]
                .as_str()
                .unwrap_or_else(|| panic!("allowlist: no \"{key}\""))
                .to_owned()
        };
        let root_element = string("root_element");
        let root_attributes = json["verbs"][root_element.as_str()]["attributes"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            .unwrap_or_default();
        Allowlist {
            root_class: string("root_class"),
            root_element,
            root_attributes,
            tree: json["tree"]
                .as_object()
                .expect("allowlist: \"tree\" is an object")
                .clone(),
        }
    }

    /// Every departure of the document from the allowlist's tree.
    fn check(&self, root: &El, problems: &mut Vec<String>) {
        if root.name != self.root_element {
            problems.push(format!("the root is <{}>, not <{}>", root.name, self.root_element));
        }
        for (key, _) in &root.attrs {
            if !self.root_attributes.contains(key) {
                problems.push(format!("<{}> does not take attribute {key}", root.name));
            }
        }
        if !root.text.trim().is_empty() {
            problems.push(format!("<{}> does not take text", root.name));
        }
        self.walk(&self.root_class, root, &root.name, problems);
    }

    fn walk(&self, class: &str, el: &El, path: &str, problems: &mut Vec<String>) {
        let Some(children) = self.tree.get(class).and_then(|c| c["children"].as_object()) else {
            problems.push(format!("{path}: class {class} is not in the allowlist's tree"));
            return;
        };
        for child in &el.children {
            let here = format!("{path}/{}", child.name);
            let Some(entry) = children.get(&child.name) else {
                let allowed: Vec<&str> = children.keys().map(String::as_str).collect();
                problems.push(format!(
                    "{here}: <{}> is not allowed inside <{}> (allowed: {})",
                    child.name,
                    el.name,
                    allowed.join(", ")
                ));
                continue;
            };
            let allowed: Vec<&str> = entry["attributes"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for (key, _) in &child.attrs {
                if !allowed.contains(&key.as_str()) {
                    problems.push(format!(
                        "{here}: attribute {key} is not a TwiML attribute of <{}> (allowed: {})",
                        child.name,
                        allowed.join(", ")
                    ));
                }
            }
            let text = &entry["text"];
            let takes_text = !(text.is_null() || *text == Value::Bool(false));
            let has_text = !child.text.trim().is_empty();
            if has_text && !takes_text {
                problems.push(format!("{here}: <{}> does not take text", child.name));
            }
            if takes_text && text["required"] == Value::Bool(true) && !has_text {
                problems.push(format!("{here}: <{}> requires text", child.name));
            }
            match entry["class"].as_str() {
                Some(class) => self.walk(class, child, &here, problems),
                None => problems.push(format!("{here}: allowlist entry without a class")),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The helpline's own conventions.

/// A URL Twilio fetches: absolute, on the public base URL.
fn check_url(what: &str, value: &str, problems: &mut Vec<String>) {
    match url::Url::parse(value) {
        Ok(u) if u.scheme() == "https" && value.starts_with(&format!("{BASE}/")) => {}
        Ok(_) => problems.push(format!("{what} {value:?} is not on the public base URL {BASE}")),
        Err(e) => problems.push(format!("{what} {value:?} is not an absolute URL: {e}")),
    }
}

/// Verbs after which Twilio never reads the rest of the document.
fn ends_the_document(el: &El) -> bool {
    match el.name.as_str() {
        "Hangup" | "Redirect" | "Reject" => true,
        "Dial" | "Enqueue" => el.attr("action").is_some(),
        _ => false,
    }
}

fn check_conventions(root: &El, must_lead_somewhere: bool, problems: &mut Vec<String>) {
    for el in root.all() {
        let name = el.name.as_str();
        match name {
            "Say" => {
                if el.attr("language") != Some("fr-FR") {
                    problems.push(format!("<Say> without language=\"fr-FR\": {:?}", el.attr("language")));
                }
                if el.attr("voice") != Some(VOICE) {
                    problems.push(format!(
                        "<Say> without the configured voice {VOICE}: {:?}",
                        el.attr("voice")
                    ));
                }
                if el.text.trim().is_empty() {
                    problems.push("<Say> with nothing to say".into());
                }
                if el.text.contains(['{', '}']) {
                    problems.push(format!("<Say> reads a placeholder or brace aloud: {:?}", el.text));
                }
            }
            "Redirect" | "Play" => check_url(&format!("<{name}> URL"), el.text.trim(), problems),
            "Number" if !numerovert::config::is_e164(el.text.trim()) => {
                problems.push(format!("<Number> {:?} is not E.164", el.text));
            }
            _ => {}
        }
        for (key, value) in &el.attrs {
            match key.as_str() {
                "action" | "recordingStatusCallback" | "statusCallback" => {
                    check_url(&format!("<{name} {key}>"), value, problems)
                }
                "method" | "recordingStatusCallbackMethod" if value != "POST" => {
                    problems.push(format!("<{name} {key}=\"{value}\">: webhooks are POSTed"))
                }
                "callerId" if !numerovert::config::is_e164(value) => {
                    problems.push(format!("<{name} callerId=\"{value}\"> is not E.164"))
                }
                "timeout" | "numDigits" | "maxLength" | "length" if value.parse::<u32>().is_err() => {
                    problems.push(format!("<{name} {key}=\"{value}\"> is not a number of seconds"))
                }
                _ => {}
            }
        }
        // Waiting verbs and what Twilio falls through to when nothing happens.
        for (i, child) in el.children.iter().enumerate() {
            let expected = match child.name.as_str() {
                "Gather" => "event=no-input",
                "Record" => "event=no-recording",
                _ => continue,
            };
            // A screening prompt asks for its action even on silence: the leg
            // then ends with <Hangup/>, so that no voicemail is ever bridged.
            let reports_silence = child.attr("actionOnEmptyResult") == Some("true");
            match el.children.get(i + 1) {
                Some(next) if next.name == "Redirect" && next.text.contains(expected) => {}
                Some(next) if next.name == "Hangup" && reports_silence => {}
                Some(next) if next.name == "Redirect" => problems.push(format!(
                    "<{}> is followed by a <Redirect> to {:?}, not to {expected}",
                    child.name, next.text
                )),
                Some(next) => problems.push(format!(
                    "<{}> is followed by <{}>, not by a <Redirect>",
                    child.name, next.name
                )),
                None => problems.push(format!("<{}> is the last verb: no <Redirect> follows it", child.name)),
            }
        }
    }
    let verbs = &root.children;
    if let Some(i) = verbs.iter().position(ends_the_document) {
        if i + 1 < verbs.len() {
            problems.push(format!(
                "<{}> ends the document but <{}> follows it and is never played",
                verbs[i].name,
                verbs[i + 1].name
            ));
        }
    }
    if must_lead_somewhere && !verbs.last().is_some_and(ends_the_document) {
        problems.push(format!(
            "the document ends with {:?}: Twilio would then hang up on the caller",
            verbs.last().map(|v| v.name.as_str())
        ));
    }
}

// ---------------------------------------------------------------------------
// The checker: counts documents, collects problems with one example each.

struct Checker {
    allow: Allowlist,
    documents: usize,
    distinct: HashSet<String>,
    elements: BTreeSet<String>,
    problems: BTreeMap<String, (usize, String)>,
}

impl Checker {
    fn new() -> Checker {
        Checker {
            allow: Allowlist::load(),
            documents: 0,
            distinct: HashSet::new(),
            elements: BTreeSet::new(),
            problems: BTreeMap::new(),
        }
    }

    /// Checks one document; `what` describes where it came from, for the report.
    fn check(&mut self, xml: &str, must_lead_somewhere: bool, what: &dyn Fn() -> String) -> Option<El> {
        self.documents += 1;
        self.distinct.insert(xml.to_owned());
        let mut problems = Vec::new();
        let root = match parse(xml) {
            Ok(root) => {
                self.allow.check(&root, &mut problems);
                check_conventions(&root, must_lead_somewhere, &mut problems);
                self.elements.extend(root.all().into_iter().map(|e| e.name.clone()));
                Some(root)
            }
            Err(e) => {
                problems.push(format!("not well-formed: {e}"));
                None
            }
        };
        for problem in problems {
            let entry = self
                .problems
                .entry(problem)
                .or_insert_with(|| (0, format!("{}\n      {xml}", what())));
            entry.0 += 1;
        }
        root
    }

    fn assert_clean(&self) {
        if self.problems.is_empty() {
            return;
        }
        let mut report = format!(
            "{} kind(s) of problem in {} document(s):\n",
            self.problems.len(),
            self.documents
        );
        for (problem, (count, example)) in self.problems.iter().take(30) {
            report.push_str(&format!("- {problem} ({count}×), e.g. {example}\n"));
        }
        panic!("{report}");
    }
}

// ---------------------------------------------------------------------------
// Every turn of every shipped script.

fn scripts() -> Vec<LoadedScript> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ivr-scripts");
    load_dir(&dir).unwrap_or_else(|errors| {
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the shipped scripts do not load:\n{}", shown.join("\n"))
    })
}

/// Events Twilio can report at any node: those that fit the node are played,
/// the others must be survived (the engine plays the node again).
fn common_events() -> Vec<CallEvent> {
    let mut events = vec![
        CallEvent::Start,
        CallEvent::NoInput,
        CallEvent::Input {
            digits: String::new(),
            speech: None,
        },
        CallEvent::Recorded {
            recording_sid: "RE0123456789abcdef0123456789abcdef".into(),
            duration_secs: Some(42),
        },
        CallEvent::Recorded {
            recording_sid: "RE0123456789abcdef0123456789abcdef".into(),
            duration_secs: None,
        },
        CallEvent::NoRecording,
    ];
    for status in [
        "completed",
        "answered",
        "busy",
        "no-answer",
        "failed",
        "canceled",
        "something-new",
    ] {
        // `caller_gone`: the caller hung up while the professional's phone rang.
        for caller_gone in [false, true] {
            for result in ["bridged", "leave", "hangup", "error"] {
                events.push(CallEvent::QueueEnded {
                    result: result.into(),
                    caller_gone: caller_gone || result == "hangup",
                    accepted: (result == "bridged").then_some(1),
                });
            }
            for screen in [None, Some(Screen::Accepted), Some(Screen::Refused), Some(Screen::NoKey)] {
                events.push(CallEvent::DialEnded {
                    status: DialStatus::parse(status),
                    caller_gone,
                    screen,
                });
            }
        }
    }
    events
}

fn key(digits: &str) -> CallEvent {
    CallEvent::Input {
        digits: digits.into(),
        speech: None,
    }
}

fn spoken(words: &str) -> CallEvent {
    CallEvent::Input {
        digits: String::new(),
        speech: Some(words.into()),
    }
}

/// Every input a menu can receive: each choice's key and keywords, the repeat
/// and back keys, every unused key, words that match nothing, silence.
fn menu_events(menu: &numerovert::ivr::script::Menu, repeat_key: &str, back_key: &str) -> Vec<CallEvent> {
    let mut events = Vec::new();
    let used: BTreeSet<&str> = menu.choices.iter().map(|c| c.key.as_str()).collect();
    for choice in &menu.choices {
        events.push(key(&choice.key));
        for word in &choice.speech {
            events.push(spoken(&format!("Je voudrais parler de {word}, s'il vous plaît")));
        }
    }
    for k in [repeat_key, back_key] {
        if !k.is_empty() {
            events.push(key(k));
        }
    }
    for digit in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] {
        if !used.contains(digit) {
            events.push(key(digit));
        }
    }
    events.push(key("12"));
    events.push(spoken("euh… je ne sais pas"));
    events.push(spoken("   "));
    events
}

/// Timeline events the engine writes when it plays a node (rather than when it
/// only notes an input at it): a node with one of them in a turn was rendered.
const ENTERED: &[&str] = &[
    "message",
    "open",
    "closed",
    "menu",
    "transfer",
    "transfer-unavailable",
    "voicemail",
    "callback-requested",
    "callback-impossible",
    "hangup",
];

/// Who is on duty for a role, as the engine asks for it.
type OnDuty = dyn Fn(&str) -> Vec<Candidate>;

fn weekly_hours() -> HoursConfig {
    let day = || vec!["09:00-19:00".to_string()];
    HoursConfig {
        monday: day(),
        tuesday: day(),
        wednesday: day(),
        thursday: day(),
        friday: day(),
        saturday: vec!["09:00-12:30".to_string()],
        ..HoursConfig::default()
    }
}

#[test]
fn every_document_of_every_shipped_script_is_allowed_twiml() {
    let scripts = scripts();
    assert!(
        scripts.iter().any(|s| s.id == "main"),
        "ivr-scripts/main.toml is the default script"
    );
    let paris = chrono_tz::Europe::Paris;
    let region = HolidayRegion::Metropole;
    let always_open = OpeningHours::always_open(paris);
    // No window on any day: closed all the time.
    let always_closed = OpeningHours::from_config(&HoursConfig::default(), paris, region).unwrap();
    // Closed at `now` (a Wednesday, 20:30 in Paris), so {reouverture} says "demain à 9 heures".
    let weekly = OpeningHours::from_config(&weekly_hours(), paris, region).unwrap();
    let now: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 3, 4, 19, 30, 0).unwrap();
    let hours: [(&str, &OpeningHours); 3] = [
        ("always open", &always_open),
        ("always closed", &always_closed),
        ("weekly hours, closed now", &weekly),
    ];
    let someone = |role: &str| {
        vec![
            Candidate {
                staff_id: 1,
                name: "Awa".into(),
                phone: ROLE_NUMBER.to_owned(),
                role: role.to_owned(),
            },
            Candidate {
                staff_id: 2,
                name: "Bea".into(),
                phone: "+33639980003".to_owned(),
                role: role.to_owned(),
            },
        ]
    };
    let nobody = |_: &str| Vec::new();
    let roles: [(&str, &OnDuty); 2] = [("people on duty", &someone), ("nobody on duty", &nobody)];
    let no_backups = |_: &str| Vec::new();
    let label = |role: &str| format!("une {role}");

    let mut checker = Checker::new();
    let mut total_nodes = 0;
    let mut uncovered: Vec<String> = Vec::new();
    let mut event_kinds: BTreeSet<&'static str> = BTreeSet::new();

    for loaded in &scripts {
        let script = &loaded.script;
        let defaults = &script.menu_defaults;
        total_nodes += script.nodes.len();
        let menu_ids: Vec<&String> = script
            .nodes
            .iter()
            .filter(|(_, n)| matches!(n, Node::Menu(_)))
            .map(|(id, _)| id)
            .collect();

        // Where a call can stand, and what can happen there.
        let mut cases: Vec<(Option<Position>, CallEvent)> = vec![
            (None, CallEvent::Start),
            // A node removed by a reload while a call waited at it.
            (
                Some(Position {
                    node: "noeud-supprime".into(),
                    ..Position::default()
                }),
                CallEvent::NoInput,
            ),
        ];
        for (id, node) in &script.nodes {
            let mut events = common_events();
            let mut attempts = vec![0];
            let mut stacks: Vec<Vec<String>> = vec![vec![]];
            if let Node::Menu(menu) = node {
                events.extend(menu_events(menu, &defaults.repeat_key, &defaults.back_key));
                attempts.push(menu.repeats.unwrap_or(defaults.repeats));
                stacks.extend(menu_ids.iter().map(|m| vec![m.to_string()]));
            } else if let Some(first) = menu_ids.first() {
                stacks.push(vec![first.to_string()]);
            }
            for &attempts in &attempts {
                for menus in &stacks {
                    let position = Position {
                        node: id.clone(),
                        attempts,
                        menus: menus.clone(),
                        ..Position::default()
                    };
                    for event in &events {
                        cases.push((Some(position.clone()), event.clone()));
                    }
                    // At a transfer: with one person left to ring, with nobody left,
                    // and past the longest wait.
                    if let Node::Transfer(_) = node {
                        for (next, waited) in [(1, 0), (2, 0), (1, 3600)] {
                            let hunting = Position {
                                hunt: Some(Hunt {
                                    node: id.clone(),
                                    candidates: someone("sage-femme"),
                                    next,
                                    started_at: now - chrono::Duration::seconds(waited),
                                    ringing: vec![Ringing {
                                        attempt: 1,
                                        candidate: next - 1,
                                    }],
                                }),
                                last_attempt: 1,
                                ..position.clone()
                            };
                            for event in &events {
                                cases.push((Some(hunting.clone()), event.clone()));
                            }
                        }
                    }
                }
            }
        }

        let mut covered: BTreeSet<String> = BTreeSet::new();
        for (hours_label, hours) in hours {
            for (roles_label, on_duty) in roles {
                for (caller_withheld, can_place_calls) in [(false, true), (true, true), (false, false)] {
                    let ctx = Context {
                        script,
                        now,
                        hours,
                        on_duty,
                        backups: &no_backups,
                        role_label: &label,
                        caller_withheld,
                        caller_id: Some(LINE_NUMBER),
                        line_name: "Numéro vert 1000 jours",
                        can_place_calls,
                    };
                    for (position, event) in &cases {
                        let turn = advance(&ctx, position.as_ref(), event.clone());
                        let xml = twiml::render(&turn.steps, &voice(), &Urls);
                        let what = || {
                            format!(
                                "script {}, at {:?}, after {event:?}, {hours_label}, {roles_label}, withheld number: {caller_withheld}",
                                loaded.id, position
                            )
                        };
                        checker.check(&xml, true, &what);
                        covered.extend(
                            turn.events
                                .iter()
                                .filter(|e| ENTERED.contains(&e.kind))
                                .filter_map(|e| e.node.clone()),
                        );
                        event_kinds.extend(turn.events.iter().map(|e| e.kind));
                    }
                }
            }
        }
        uncovered.extend(
            script
                .nodes
                .keys()
                .filter(|id| !covered.contains(*id))
                .map(|id| format!("{}: {id}", loaded.id)),
        );
    }

    println!(
        "{} TwiML documents checked ({} distinct) for {} script(s), {} node(s); elements seen: {:?}; engine events seen: {:?}",
        checker.documents,
        checker.distinct.len(),
        scripts.len(),
        total_nodes,
        checker.elements,
        event_kinds
    );
    checker.assert_clean();
    assert!(uncovered.is_empty(), "nodes never rendered: {uncovered:?}");
    assert!(
        checker.documents >= 100 * total_nodes,
        "only {} documents for {total_nodes} nodes",
        checker.documents
    );
    for verb in ["Say", "Gather", "Redirect", "Dial", "Number", "Record", "Hangup"] {
        assert!(
            checker.elements.contains(verb),
            "no document of the shipped scripts uses <{verb}>: {:?}",
            checker.elements
        );
    }
}

#[test]
fn every_step_and_prompt_the_renderer_knows_is_allowed_twiml() {
    let prompts = vec![
        Prompt::Speech("Bonjour.".into()),
        Prompt::Audio("accueil été.mp3".into()),
        Prompt::Silence(2),
    ];
    let waits = [
        Step::Ask {
            prompts: prompts.clone(),
            timeout_secs: 6,
            speech_hints: vec![],
        },
        Step::Ask {
            prompts: prompts.clone(),
            timeout_secs: 6,
            speech_hints: vec!["allaitement".into(), "crèche".into()],
        },
        Step::Ask {
            prompts: vec![],
            timeout_secs: 1,
            speech_hints: vec![],
        },
        Step::Dial {
            number: ROLE_NUMBER.into(),
            caller_id: Some(LINE_NUMBER.into()),
            ring_secs: 25,
            screen: Some(3),
        },
        Step::Dial {
            number: ROLE_NUMBER.into(),
            caller_id: None,
            ring_secs: 5,
            screen: None,
        },
        Step::Queue,
        Step::Record { max_secs: 120 },
        Step::HangUp,
    ];
    let mut checker = Checker::new();
    for wait in &waits {
        for steps in [vec![wait.clone()], vec![Step::Play(prompts.clone()), wait.clone()]] {
            let xml = twiml::render(&steps, &voice(), &Urls);
            checker.check(&xml, true, &|| format!("{steps:?}"));
        }
    }
    checker.assert_clean();
    for verb in [
        "Say", "Play", "Pause", "Gather", "Redirect", "Dial", "Number", "Record", "Hangup", "Enqueue",
    ] {
        assert!(checker.elements.contains(verb), "<{verb}> never rendered");
    }
}

#[test]
fn the_screening_documents_are_allowed_twiml() {
    let mut checker = Checker::new();
    let whisper = "Numéro vert 1000 jours : un parent, au sujet de l'allaitement & du sommeil. Appuyez sur 1 pour prendre l'appel.";
    let answer = format!("{BASE}/twilio/voice/screen/answer?call=CA0123&attempt=2");
    let prompt = twiml::screen_prompt(&voice(), whisper, &answer);
    let root = checker
        .check(&prompt, true, &|| "screen_prompt".into())
        .expect("well-formed");
    let gather = &root.children[0];
    assert_eq!(gather.name, "Gather");
    assert_eq!(gather.attr("numDigits"), Some("1"));
    assert_eq!(gather.attr("actionOnEmptyResult"), Some("true"));
    assert_eq!(gather.attr("action"), Some(answer.as_str()));
    assert_eq!(
        root.children[1].name, "Hangup",
        "a leg that does not press 1 is never bridged"
    );
    let accepted = twiml::screen_accepted(&voice());
    let root = checker
        .check(&accepted, false, &|| "screen_accepted".into())
        .expect("well-formed");
    assert!(
        root.children.iter().all(|v| v.name == "Say"),
        "the accepted leg's document must end without hanging up, so that it is bridged: {accepted}"
    );
    let declined = twiml::screen_declined(&voice(), "Merci.");
    checker.check(&declined, true, &|| "screen_declined".into());
    // Simultaneous hunts: the winner joins the caller's queue; the caller waits
    // hearing the ringback tone, then leaves the queue.
    let join = twiml::screen_join_queue(&voice(), "nv-CA0123");
    checker.check(&join, false, &|| "screen_join_queue".into());
    assert!(join.contains("<Queue>nv-CA0123</Queue>"), "{join}");
    for first in [true, false] {
        let wait = twiml::queue_wait(&voice(), &format!("{BASE}/tones/ringback-fr.wav"), first);
        checker.check(&wait, false, &|| "queue_wait".into());
    }
    checker.check(&twiml::queue_leave(), false, &|| "queue_leave".into());
    checker.assert_clean();
}

#[test]
fn the_safe_fallback_and_the_empty_answer_are_allowed_twiml() {
    let mut checker = Checker::new();
    for fallback in [Some("+33199009999"), None] {
        for caller_id in [Some(LINE_NUMBER), None] {
            let xml = twiml::safe_fallback(&voice(), fallback, caller_id);
            let root = checker
                .check(&xml, true, &|| format!("safe_fallback({fallback:?}, {caller_id:?})"))
                .expect("well-formed");
            let numbers: Vec<&str> = root
                .all()
                .into_iter()
                .filter(|e| e.name == "Number")
                .map(|e| e.text.as_str())
                .collect();
            assert_eq!(numbers, fallback.into_iter().collect::<Vec<_>>(), "{xml}");
            assert_eq!(root.children.last().map(|v| v.name.as_str()), Some("Hangup"), "{xml}");
        }
    }
    let xml = twiml::empty();
    let root = checker.check(&xml, false, &|| "empty()".into()).expect("well-formed");
    assert!(root.children.is_empty(), "{xml}");
    checker.assert_clean();
}

#[test]
fn special_characters_are_escaped_and_read_back_unchanged() {
    let text = r#"Parents & bébés <3, "guillemets" et l'apostrophe > tout ]]> &amp; &#38; fin"#;
    let hint = r#"l'allaitement & "biberon" <nuit>"#;
    let steps = [
        Step::Play(vec![Prompt::Speech(text.into())]),
        Step::Ask {
            prompts: vec![Prompt::Speech(text.into())],
            timeout_secs: 6,
            speech_hints: vec![hint.into(), "crèche".into()],
        },
    ];
    let xml = twiml::render(&steps, &voice(), &Urls);
    let mut checker = Checker::new();
    let root = checker
        .check(&xml, true, &|| "special characters".into())
        .unwrap_or_else(|| panic!("not well-formed: {xml}"));
    checker.assert_clean();

    let names: Vec<&str> = root.children.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["Say", "Gather", "Redirect"], "{xml}");
    assert_eq!(root.children[0].text, text, "{xml}");
    let gather = &root.children[1];
    assert_eq!(gather.children.len(), 1, "{xml}");
    assert_eq!(gather.children[0].text, text, "{xml}");
    assert_eq!(gather.attr("hints"), Some(format!("{hint}, crèche").as_str()), "{xml}");
    assert_eq!(gather.attr("action"), Some(Urls.next("input").as_str()), "{xml}");
    assert_eq!(root.children[2].text, Urls.next("no-input"), "{xml}");
    // Nothing of the text leaks as markup.
    assert!(
        !xml.contains("<3") && !xml.contains("<nuit>") && !xml.contains("& "),
        "{xml}"
    );
}

/// The checks above must fail on what Twilio would refuse, or they prove nothing.
#[test]
fn the_checker_catches_what_twilio_would_refuse() {
    let say = r#"<Say voice="Polly.Lea" language="fr-FR">Bonjour.</Say>"#;
    let next = "https://helpline.example.org/twilio/voice/next?step=2&amp;event=no-input";
    let cases: Vec<(String, &str)> = vec![
        (format!("<Response>{say}<Hangup/></Response>"), "does not start with"),
        (format!("{DECLARATION}<Response><Say>a & b</Say><Hangup/></Response>"), "not well-formed"),
        (format!("{DECLARATION}<Response>{say}<Hangup/></Response><Response/>"), "second root"),
        (format!("{DECLARATION}<Response>{say}<Hangup/>"), "never closed"),
        (format!("{DECLARATION}<Response><!-- x -->{say}<Hangup/></Response>"), "unexpected markup"),
        (format!("{DECLARATION}<Response>{say}\u{1}<Hangup/></Response>"), "U+0001"),
        (format!("{DECLARATION}<Twiml>{say}<Hangup/></Twiml>"), "the root is <Twiml>"),
        (format!("{DECLARATION}<Response><Speak>x</Speak><Hangup/></Response>"), "<Speak> is not allowed inside <Response>"),
        (format!("{DECLARATION}<Response><Number>+33639980002</Number><Hangup/></Response>"), "<Number> is not allowed inside <Response>"),
        (format!("{DECLARATION}<Response><Say voice=\"Polly.Lea\" language=\"fr-FR\" rate=\"slow\">x</Say><Hangup/></Response>"), "attribute rate is not a TwiML attribute of <Say>"),
        (format!("{DECLARATION}<Response><Gather action=\"{next}\">Tapez 1</Gather><Redirect>{next}</Redirect></Response>"), "<Gather> does not take text"),
        (format!("{DECLARATION}<Response><Redirect method=\"POST\"/></Response>"), "<Redirect> requires text"),
        (format!("{DECLARATION}<Response><Say>x</Say><Hangup/></Response>"), "without language=\"fr-FR\""),
        (format!("{DECLARATION}<Response><Say language=\"fr-FR\">x</Say><Hangup/></Response>"), "without the configured voice"),
        (format!("{DECLARATION}<Response><Say voice=\"Polly.Lea\" language=\"fr-FR\">Rouvre {{reouverture}}.</Say><Hangup/></Response>"), "placeholder"),
        (format!("{DECLARATION}<Response><Gather action=\"{next}\">{say}</Gather><Hangup/></Response>"), "<Gather> is followed by <Hangup>"),
        (format!("{DECLARATION}<Response><Gather action=\"{next}\">{say}</Gather></Response>"), "<Gather> is the last verb"),
        (format!("{DECLARATION}<Response><Record action=\"{next}\"/><Redirect>{next}</Redirect></Response>"), "not to event=no-recording"),
        (format!("{DECLARATION}<Response><Redirect>/twilio/voice/next</Redirect></Response>"), "is not an absolute URL"),
        (format!("{DECLARATION}<Response><Redirect>https://elsewhere.example/x</Redirect></Response>"), "is not on the public base URL"),
        (format!("{DECLARATION}<Response><Redirect method=\"GET\">{next}</Redirect></Response>"), "webhooks are POSTed"),
        (format!("{DECLARATION}<Response><Dial><Number>0639980002</Number></Dial><Hangup/></Response>"), "is not E.164"),
        (format!("{DECLARATION}<Response><Hangup/>{say}</Response>"), "<Hangup> ends the document but <Say> follows it"),
        (format!("{DECLARATION}<Response>{say}</Response>"), "hang up on the caller"),
    ];
    for (xml, expected) in cases {
        let mut checker = Checker::new();
        checker.check(&xml, true, &|| String::new());
        assert!(
            checker.problems.keys().any(|p| p.contains(expected)),
            "{xml}\nexpected a problem containing {expected:?}, got {:?}",
            checker.problems.keys().collect::<Vec<_>>()
        );
    }
}

/// Twilio's `<Gather>` ends input on `#` by default (`finishOnKey="#"`) and leaves that key out of
/// `Digits`, so the back key `#` never reaches the engine unless the Gather sets `finishOnKey=""`
/// (allowed by the allowlist; with `numDigits="1"` every key, `#` included, is then the digit).
#[test]
fn the_back_key_reaches_the_engine() {
    let steps = [Step::Ask {
        prompts: vec![Prompt::Speech("Pour revenir au menu précédent, tapez dièse.".into())],
        timeout_secs: 6,
        speech_hints: vec![],
    }];
    let xml = twiml::render(&steps, &voice(), &Urls);
    let root = parse(&xml).expect("well-formed");
    let gather = root.children.iter().find(|v| v.name == "Gather").expect("a <Gather>");
    assert_eq!(gather.attr("finishOnKey"), Some(""), "{xml}");
}

/// Every document of click-to-call (the professional's call, placed through the REST API).
#[test]
fn the_click_to_call_documents_are_allowed_twiml() {
    use numerovert::contacts::callbacks::whisper;
    use numerovert::db::callbacks::CallbackOutcome;
    use numerovert::telephony::callback_voice as cb;

    let mut checker = Checker::new();
    for (reason, need) in [
        ("missed", Some("allaitement")),
        ("abandoned", Some("sommeil-pleurs")),
        ("callback-requested", None),
        ("message-left", Some("message")),
        ("something-new", Some("vaccins & <rappels>")),
    ] {
        let text = whisper("Numéro vert 1000 jours", reason, need);
        assert!(!text.contains('+') && text.contains("Appuyez sur 1"), "{text}");
        let answer = format!("{BASE}/twilio/voice/callback/answer?callback=12");
        let xml = cb::staff_prompt(&voice(), &text, &answer);
        let root = checker
            .check(&xml, true, &|| format!("staff_prompt({reason}, {need:?})"))
            .expect("well-formed");
        assert_eq!(root.children[0].attr("action"), Some(answer.as_str()), "{xml}");
        assert_eq!(
            root.children.last().map(|v| v.name.as_str()),
            Some("Hangup"),
            "no key never dials: {xml}"
        );
    }
    let done = format!("{BASE}/twilio/voice/callback/done?callback=12");
    let xml = cb::dial_parent(&voice(), "+33639980123", LINE_NUMBER, &done);
    let root = checker
        .check(&xml, true, &|| "dial_parent".into())
        .expect("well-formed");
    let dial = root.children.iter().find(|v| v.name == "Dial").expect("a <Dial>");
    assert_eq!(dial.attr("callerId"), Some(LINE_NUMBER), "{xml}");
    assert_eq!(dial.attr("action"), Some(done.as_str()), "{xml}");
    assert_eq!(dial.children[0].text, "+33639980123", "{xml}");
    for outcome in [
        Some(CallbackOutcome::Reached),
        Some(CallbackOutcome::NoAnswer),
        Some(CallbackOutcome::Busy),
        Some(CallbackOutcome::Failed),
        Some(CallbackOutcome::StaffDeclined),
        None,
    ] {
        let xml = cb::say_then_hang_up(&voice(), cb::summary(outcome));
        checker.check(&xml, true, &|| format!("summary({outcome:?})"));
    }
    for text in [cb::TOO_LATE, cb::DECLINED, cb::APOLOGY, cb::NOT_RECORDED, cb::ENDED] {
        let xml = cb::say_then_hang_up(&voice(), text);
        checker.check(&xml, true, &|| format!("say_then_hang_up({text:?})"));
    }
    checker.check(&twiml::hang_up(), true, &|| "hang_up".into());
    checker.assert_clean();
}
