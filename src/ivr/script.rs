//! The IVR script model and its loader.
//!
//! A script is a TOML file of `ivr-scripts/` (its id is the file stem): a
//! `[script]` header naming the start node, optional `[menu_defaults]`, and a
//! `[nodes.<id>]` table per node, whose `type` is one of `message`, `menu`,
//! `hours`, `transfer`, `voicemail`, `callback`, `hangup`. The format is
//! documented for authors in `ivr-scripts/README.md`.
//!
//! Loading only checks the shape (serde, unknown fields refused so that a typo in
//! a key is caught); the meaning (targets, reachability, loops, roles, audio) is
//! checked by [`super::validate`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One parsed script.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Script {
    pub script: Header,
    #[serde(default)]
    pub menu_defaults: MenuDefaults,
    pub nodes: BTreeMap<String, Node>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Human name, shown in the back-office and in `check` output.
    pub name: String,
    /// The node a call starts at.
    pub start: String,
}

/// Menu settings shared by every menu of the script; each menu may override them.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MenuDefaults {
    /// Seconds to wait for a key.
    pub timeout: u32,
    /// How many times the menu is played again after no input or a wrong key.
    pub repeats: u32,
    /// Key that plays the current menu again; empty to disable.
    pub repeat_key: String,
    /// Key that goes back to the previous menu; empty to disable.
    pub back_key: String,
    /// Where the caller goes when the repeats are used up.
    pub on_exhausted: Option<String>,
    /// Said before the menu is repeated after a wrong key.
    pub invalid: String,
    /// Said before the menu is repeated after no input.
    pub no_input: String,
}

impl Default for MenuDefaults {
    fn default() -> Self {
        MenuDefaults {
            timeout: 6,
            repeats: 2,
            repeat_key: "*".into(),
            back_key: "#".into(),
            on_exhausted: None,
            invalid: "Ce choix n'existe pas.".into(),
            no_input: "Je n'ai pas entendu votre choix.".into(),
        }
    }
}

/// A node of the call flow.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Node {
    Message(Message),
    Menu(Menu),
    Hours(Hours),
    Transfer(Transfer),
    Voicemail(Voicemail),
    Callback(Callback),
    Hangup(Hangup),
}

impl Node {
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Message(_) => "message",
            Node::Menu(_) => "menu",
            Node::Hours(_) => "hours",
            Node::Transfer(_) => "transfer",
            Node::Voicemail(_) => "voicemail",
            Node::Callback(_) => "callback",
            Node::Hangup(_) => "hangup",
        }
    }

    /// Every node this one can lead to, with the setting that names it.
    pub fn targets<'a>(&'a self, defaults: &'a MenuDefaults) -> Vec<(&'static str, &'a str)> {
        let mut out: Vec<(&'static str, &'a str)> = Vec::new();
        match self {
            Node::Message(m) => out.push(("next", &m.next)),
            Node::Menu(m) => {
                out.extend(m.choices.iter().map(|c| ("choices.to", c.to.as_str())));
                if let Some(t) = m.on_exhausted.as_deref().or(defaults.on_exhausted.as_deref()) {
                    out.push(("on_exhausted", t));
                }
            }
            Node::Hours(h) => {
                out.push(("open", &h.open));
                out.push(("closed", &h.closed));
            }
            Node::Transfer(t) => out.push(("on_failure", &t.on_failure)),
            Node::Voicemail(v) => {
                out.extend(v.next.as_deref().map(|n| ("next", n)));
                out.extend(v.on_empty.as_deref().map(|n| ("on_empty", n)));
            }
            Node::Callback(c) => {
                out.push(("next", &c.next));
                out.push(("on_withheld", &c.on_withheld));
            }
            Node::Hangup(_) => {}
        }
        out
    }

    /// Every text of the node that is read aloud, with the setting that holds it.
    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        match self {
            Node::Message(m) => out.extend(m.say.as_deref().map(|s| ("say", s))),
            Node::Menu(m) => {
                out.push(("say", m.say.as_str()));
                out.extend(m.invalid.as_deref().map(|s| ("invalid", s)));
                out.extend(m.no_input.as_deref().map(|s| ("no_input", s)));
            }
            Node::Hours(_) => {}
            Node::Transfer(t) => {
                out.extend(t.say.as_deref().map(|s| ("say", s)));
                out.extend(t.whisper.as_deref().map(|s| ("whisper", s)));
            }
            Node::Voicemail(v) => {
                out.push(("say", v.say.as_str()));
                out.extend(v.thanks.as_deref().map(|s| ("thanks", s)));
            }
            Node::Callback(c) => {
                out.push(("say", c.say.as_str()));
                out.push(("withheld", c.withheld.as_str()));
            }
            Node::Hangup(h) => out.extend(h.say.as_deref().map(|s| ("say", s))),
        }
        out
    }
}

/// Something read aloud (or an audio file played), then `next`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Message {
    pub say: Option<String>,
    /// An audio file of `ivr-scripts/audio/`, played instead of `say`.
    pub audio: Option<String>,
    pub next: String,
}

/// A choice of keys (and, optionally, spoken French keywords).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Menu {
    pub say: String,
    pub choices: Vec<Choice>,
    pub timeout: Option<u32>,
    pub repeats: Option<u32>,
    pub on_exhausted: Option<String>,
    pub invalid: Option<String>,
    pub no_input: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// One key, `0` to `9`.
    pub key: String,
    pub to: String,
    /// The caller's need this choice records on the contact (e.g. `allaitement`).
    pub need: Option<String>,
    /// French words that select this choice when spoken.
    #[serde(default)]
    pub speech: Vec<String>,
}

/// Branches on the line's opening hours (public holidays included).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    pub open: String,
    pub closed: String,
}

/// Puts the caller through to the professional of a role.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    pub role: String,
    /// Said before ringing.
    pub say: Option<String>,
    /// What the professional hears before accepting, after the line's name:
    /// "un parent, au sujet de l'allaitement".
    pub whisper: Option<String>,
    /// One person after the other, or everyone at once.
    #[serde(default)]
    pub strategy: Strategy,
    /// How long each person's phone rings (sequential), or everyone's (simultaneous).
    #[serde(default = "default_ring_seconds")]
    pub ring_seconds: u32,
    /// The longest a caller waits in this transfer, all attempts included.
    #[serde(default = "default_max_wait_seconds")]
    pub max_wait_seconds: u32,
    /// Roles tried, in order, when nobody of `role` answers; default: the role's
    /// configured backups.
    pub backups: Option<Vec<String>>,
    /// Where the caller goes when nobody answers (or nobody can be rung).
    pub on_failure: String,
}

/// How a transfer rings the people on duty.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    #[default]
    Sequential,
    Simultaneous,
}

impl Strategy {
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::Sequential => "sequential",
            Strategy::Simultaneous => "simultaneous",
        }
    }
}

fn default_ring_seconds() -> u32 {
    20
}

fn default_max_wait_seconds() -> u32 {
    180
}

/// Records a message after the tone.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Voicemail {
    /// Said first; the engine then adds when to speak and how long the caller has.
    pub say: String,
    #[serde(default = "default_max_seconds")]
    pub max_seconds: u32,
    /// Said once the message is recorded.
    pub thanks: Option<String>,
    /// After the message; the call ends when absent.
    pub next: Option<String>,
    /// When nothing was recorded; the call ends when absent.
    pub on_empty: Option<String>,
}

fn default_max_seconds() -> u32 {
    120
}

/// Records a callback request to the caller's number.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Callback {
    /// Said when the request is recorded.
    pub say: String,
    /// Said when the number is withheld, so nobody can call back.
    pub withheld: String,
    pub next: String,
    pub on_withheld: String,
}

/// Ends the call, after an optional goodbye.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Hangup {
    pub say: Option<String>,
}

/// A script that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: cannot read the file: {source}")]
    Read { file: String, source: std::io::Error },
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{dir}: cannot list the scripts folder: {source}")]
    Dir { dir: String, source: std::io::Error },
    #[error("{dir}: no script (*.toml) found; add one, e.g. main.toml (see ivr-scripts/README.md)")]
    Empty { dir: String },
}

/// A script with where it came from.
#[derive(Debug, Clone)]
pub struct LoadedScript {
    /// The file stem: `main` for `main.toml`.
    pub id: String,
    pub path: PathBuf,
    pub script: Script,
}

/// Parses one script from its text; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Script, LoadError> {
    toml::from_str(text).map_err(|e| LoadError::Parse {
        file: file.to_owned(),
        message: describe_toml_error(&e),
    })
}

fn describe_toml_error(e: &toml::de::Error) -> String {
    // toml's Display already shows the line, the column and a caret; keep it, on one block.
    let text = e.to_string();
    if text.contains("unknown variant") {
        format!("{text}\nfix: `type` must be one of message, menu, hours, transfer, voicemail, callback, hangup")
    } else {
        text
    }
}

/// Loads every `*.toml` script of `dir`, sorted by id. The first error stops the load.
/// The SMS bot's knowledge base lives beside the scripts (it is content too) but is not one.
pub fn is_knowledge_base(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == crate::sms::kb::FILE_NAME)
}

pub fn load_dir(dir: &Path) -> Result<Vec<LoadedScript>, Vec<LoadError>> {
    let entries = std::fs::read_dir(dir).map_err(|source| {
        vec![LoadError::Dir {
            dir: dir.display().to_string(),
            source,
        }]
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file() && !is_knowledge_base(p))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(vec![LoadError::Empty {
            dir: dir.display().to_string(),
        }]);
    }
    let mut scripts = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let file = path.display().to_string();
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match std::fs::read_to_string(&path) {
            Err(source) => errors.push(LoadError::Read { file, source }),
            Ok(text) => match parse(&file, &text) {
                Ok(script) => scripts.push(LoadedScript { id, path, script }),
                Err(e) => errors.push(e),
            },
        }
    }
    if errors.is_empty() {
        Ok(scripts)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_node_kind() {
        let s = parse(
            "t.toml",
            r#"
            [script]
            name = "Test"
            start = "a"
            [menu_defaults]
            on_exhausted = "h"
            [nodes.a]
            type = "message"
            say = "Bonjour"
            next = "m"
            [nodes.m]
            type = "menu"
            say = "Tapez 1"
            choices = [{ key = "1", to = "t", need = "allaitement", speech = ["allaitement"] }]
            [nodes.o]
            type = "hours"
            open = "m"
            closed = "v"
            [nodes.t]
            type = "transfer"
            role = "sage-femme"
            on_failure = "v"
            [nodes.v]
            type = "voicemail"
            say = "Laissez un message."
            [nodes.c]
            type = "callback"
            say = "Nous vous rappellerons."
            withheld = "Numéro masqué."
            next = "h"
            on_withheld = "v"
            [nodes.h]
            type = "hangup"
            "#,
        )
        .expect("valid script");
        assert_eq!(s.nodes.len(), 7);
        assert_eq!(s.menu_defaults.repeat_key, "*");
        assert!(
            matches!(&s.nodes["t"], Node::Transfer(t) if t.ring_seconds == 20 && t.max_wait_seconds == 180 && t.strategy == Strategy::Sequential)
        );
        assert!(matches!(&s.nodes["v"], Node::Voicemail(v) if v.max_seconds == 120));
    }

    #[test]
    fn a_misspelt_key_names_the_line() {
        let err = parse(
            "ivr-scripts/x.toml",
            "[script]\nname = \"x\"\nstart = \"a\"\n[nodes.a]\ntype = \"hangup\"\nsya = \"Au revoir\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("ivr-scripts/x.toml: "), "{err}");
        // serde reports tagged nodes at their table: the line of `[nodes.a]`, then the key and the fix.
        assert!(
            err.contains("line 4") && err.contains("[nodes.a]") && err.contains("unknown field `sya`, expected `say`"),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_node_type_lists_the_known_ones() {
        let err = parse(
            "x.toml",
            "[script]\nname = \"x\"\nstart = \"a\"\n[nodes.a]\ntype = \"queue\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("must be one of message, menu"), "{err}");
    }
}
