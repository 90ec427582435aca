//! Semantic checks of IVR scripts, run by `numerovert check`, at start-up and
//! before a reload is accepted.
//!
//! A script that passes can be played without surprises: every target exists,
//! every node can be reached, every menu has a way out, no loop spins without
//! the caller doing anything, every audio file and role exists. Each problem
//! names the file, the node and the fix, because the people who edit scripts
//! are not the people who wrote the engine.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt;
use std::path::Path;

use super::script::{MenuDefaults, Node, Script};

/// Placeholders a spoken text may contain, filled in when the call is played.
pub const PLACEHOLDERS: &[&str] = &["reouverture"];

/// One problem found in a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// The node at fault; None for script-wide problems.
    pub node: Option<String>,
    pub message: String,
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.node {
            Some(node) => write!(
                f,
                "{}, node \"{}\": {}\n  fix: {}",
                self.file, node, self.message, self.fix
            ),
            None => write!(f, "{}: {}\n  fix: {}", self.file, self.message, self.fix),
        }
    }
}

/// What the checks need to know besides the script.
pub struct Environment<'a> {
    /// Role ids configured for the line.
    pub roles: &'a BTreeSet<String>,
    /// The folder audio files are read from.
    pub audio_dir: &'a Path,
}

struct Checker<'a> {
    file: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn add(&mut self, node: Option<&str>, message: impl Into<String>, fix: impl Into<String>) {
        self.problems.push(Problem {
            file: self.file.to_owned(),
            node: node.map(str::to_owned),
            message: message.into(),
            fix: fix.into(),
        });
    }
}

/// Nodes that hand the call to a person, a recorder, a callback list, or end it:
/// reaching one of them is a "way out" for the caller.
fn is_way_out(node: &Node) -> bool {
    matches!(
        node,
        Node::Transfer(_) | Node::Voicemail(_) | Node::Callback(_) | Node::Hangup(_)
    )
}

/// Nodes that move on without waiting for the caller or the network.
fn is_instant(node: &Node) -> bool {
    matches!(node, Node::Message(_) | Node::Hours(_) | Node::Callback(_))
}

/// Checks one script; an empty list means it is sound.
pub fn validate(file: &str, script: &Script, env: &Environment<'_>) -> Vec<Problem> {
    let mut c = Checker {
        file,
        problems: Vec::new(),
    };
    let nodes = &script.nodes;
    let defaults = &script.menu_defaults;

    if !nodes.contains_key(&script.script.start) {
        c.add(
            None,
            format!("the start node \"{}\" does not exist", script.script.start),
            format!("set [script] start to one of the nodes: {}", known(nodes.keys())),
        );
    }
    if let Some(t) = &defaults.on_exhausted {
        if !nodes.contains_key(t) {
            c.add(
                None,
                format!("[menu_defaults] on_exhausted names \"{t}\", which is not a node"),
                format!("use one of: {}", known(nodes.keys())),
            );
        }
    }
    check_key_setting(&mut c, "repeat_key", &defaults.repeat_key);
    check_key_setting(&mut c, "back_key", &defaults.back_key);
    if !defaults.repeat_key.is_empty() && defaults.repeat_key == defaults.back_key {
        c.add(
            None,
            "[menu_defaults] repeat_key and back_key are the same key",
            "give them different keys (usually * and #)",
        );
    }
    check_menu_timing(&mut c, None, defaults.timeout, defaults.repeats);
    check_text(&mut c, None, "[menu_defaults] invalid", &defaults.invalid);
    check_text(&mut c, None, "[menu_defaults] no_input", &defaults.no_input);

    for (id, node) in nodes {
        for (setting, target) in node.targets(defaults) {
            if !nodes.contains_key(target) {
                c.add(
                    Some(id),
                    format!("{setting} leads to \"{target}\", which is not a node"),
                    format!("create [nodes.{target}] or use one of: {}", known(nodes.keys())),
                );
            }
        }
        for (setting, text) in node.texts() {
            check_text(&mut c, Some(id), setting, text);
        }
        match node {
            Node::Message(m) => match (&m.say, &m.audio) {
                (None, None) => c.add(
                    Some(id),
                    "a message needs something to play",
                    "add say = \"…\" or audio = \"file.mp3\"",
                ),
                (Some(_), Some(_)) => c.add(
                    Some(id),
                    "a message has both say and audio",
                    "keep one of them: make two message nodes to play both",
                ),
                (None, Some(file)) => check_audio(&mut c, id, file, env.audio_dir),
                _ => {}
            },
            Node::Menu(m) => check_menu(&mut c, id, m, defaults),
            Node::Transfer(t) => {
                if !env.roles.contains(&t.role) {
                    c.add(
                        Some(id),
                        format!("role \"{}\" is not configured", t.role),
                        format!(
                            "use one of the configured roles ({}) or add [roles.{}] to the configuration",
                            known(env.roles.iter()),
                            t.role
                        ),
                    );
                }
                if !(5..=120).contains(&t.ring_seconds) {
                    c.add(
                        Some(id),
                        format!("ring_seconds = {} is out of range", t.ring_seconds),
                        "ring between 5 and 120 seconds (20 is usual: voicemails often pick up after 25)",
                    );
                }
                if !(t.ring_seconds..=900).contains(&t.max_wait_seconds) {
                    c.add(
                        Some(id),
                        format!("max_wait_seconds = {} is out of range", t.max_wait_seconds),
                        "let callers wait at least ring_seconds and at most 900 seconds (180 is usual)",
                    );
                }
                for backup in t.backups.iter().flatten() {
                    if !env.roles.contains(backup) || backup == &t.role {
                        c.add(
                            Some(id),
                            format!("backup role \"{backup}\" is not another configured role"),
                            format!("use one of the configured roles ({})", known(env.roles.iter())),
                        );
                    }
                }
            }
            Node::Voicemail(v) => {
                if !(10..=600).contains(&v.max_seconds) {
                    c.add(
                        Some(id),
                        format!("max_seconds = {} is out of range", v.max_seconds),
                        "allow between 10 and 600 seconds (120 is usual)",
                    );
                }
            }
            Node::Hours(_) | Node::Callback(_) | Node::Hangup(_) => {}
        }
    }

    // The graph checks only make sense once every target exists.
    if c.problems
        .iter()
        .any(|p| p.message.contains("which is not a node") || p.message.contains("start node"))
    {
        return c.problems;
    }
    check_reachability(&mut c, script);
    check_ways_out(&mut c, script);
    check_instant_loops(&mut c, script);
    c.problems
}

fn known<'a>(names: impl Iterator<Item = &'a String>) -> String {
    let list: Vec<&str> = names.map(String::as_str).collect();
    if list.is_empty() {
        "(none)".into()
    } else {
        list.join(", ")
    }
}

fn check_key_setting(c: &mut Checker<'_>, setting: &str, key: &str) {
    if !key.is_empty()
        && !matches!(
            key,
            "*" | "#" | "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9"
        )
    {
        c.add(
            None,
            format!("[menu_defaults] {setting} = \"{key}\" is not a phone key"),
            "use one key among 0-9, * and #, or \"\" to disable it",
        );
    }
}

fn check_menu_timing(c: &mut Checker<'_>, node: Option<&str>, timeout: u32, repeats: u32) {
    if !(1..=30).contains(&timeout) {
        c.add(
            node,
            format!("timeout = {timeout} is out of range"),
            "wait between 1 and 30 seconds for a key (6 is usual)",
        );
    }
    if repeats > 5 {
        c.add(
            node,
            format!("repeats = {repeats} is too many"),
            "repeat a menu at most 5 times (2 is usual), then send the caller on",
        );
    }
}

fn check_menu(c: &mut Checker<'_>, id: &str, m: &super::script::Menu, defaults: &MenuDefaults) {
    if m.choices.is_empty() {
        c.add(
            Some(id),
            "the menu has no choices: the caller has no way out",
            "add choices = [{ key = \"1\", to = \"…\" }]",
        );
    }
    check_menu_timing(
        c,
        Some(id),
        m.timeout.unwrap_or(defaults.timeout),
        m.repeats.unwrap_or(defaults.repeats),
    );
    if m.on_exhausted.is_none() && defaults.on_exhausted.is_none() {
        c.add(
            Some(id),
            "nothing says where a caller goes after pressing nothing or wrong keys",
            "set on_exhausted on the menu, or in [menu_defaults], to a transfer to the reception role or to voicemail",
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for choice in &m.choices {
        *seen.entry(choice.key.as_str()).or_default() += 1;
        if !matches!(
            choice.key.as_str(),
            "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9"
        ) {
            if choice.key == defaults.repeat_key || choice.key == defaults.back_key {
                c.add(
                    Some(id),
                    format!("key \"{}\" is reserved to repeat or go back", choice.key),
                    "use a digit 0-9 for choices",
                );
            } else {
                c.add(
                    Some(id),
                    format!("key \"{}\" is not a digit", choice.key),
                    "use one digit, 0 to 9, per choice",
                );
            }
        }
        if choice.speech.iter().any(|w| w.trim().is_empty()) {
            c.add(
                Some(id),
                format!("choice {} has an empty speech keyword", choice.key),
                "remove the empty string from speech = [...]",
            );
        }
    }
    let mut dups: Vec<&str> = seen.into_iter().filter(|(_, n)| *n > 1).map(|(k, _)| k).collect();
    dups.sort_unstable();
    for key in dups {
        c.add(
            Some(id),
            format!("key \"{key}\" is used by more than one choice"),
            "give each choice its own key",
        );
    }
}

fn check_text(c: &mut Checker<'_>, id: Option<&str>, setting: &str, text: &str) {
    if text.trim().is_empty() {
        c.add(
            id,
            format!("{setting} is empty"),
            format!("write what the caller hears in {setting}, or remove the setting"),
        );
        return;
    }
    if let Some(bad) = text.chars().find(|ch| !crate::telephony::twiml::is_xml_char(*ch)) {
        c.add(
            id,
            format!(
                "{setting} contains an invisible control character (U+{:04X})",
                u32::from(bad)
            ),
            format!("retype {setting} without it (it often comes from a copy-paste)"),
        );
    }
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            c.add(
                id,
                format!("{setting} has a \"{{\" that is never closed"),
                "write placeholders as {reouverture}",
            );
            return;
        };
        let name = &after[..close];
        if !PLACEHOLDERS.contains(&name) {
            c.add(
                id,
                format!("{setting} uses an unknown placeholder {{{name}}}"),
                format!(
                    "use one of: {}",
                    PLACEHOLDERS
                        .iter()
                        .map(|p| format!("{{{p}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        rest = &after[close + 1..];
    }
}

fn check_audio(c: &mut Checker<'_>, id: &str, file: &str, audio_dir: &Path) {
    let safe = !file.is_empty() && !file.contains(['/', '\\']) && !file.starts_with('.');
    if !safe {
        c.add(
            Some(id),
            format!("audio = \"{file}\" is not a plain file name"),
            "put the file in ivr-scripts/audio/ and give its name only, e.g. accueil.mp3",
        );
    } else if !audio_dir.join(file).is_file() {
        c.add(
            Some(id),
            format!("audio file \"{file}\" is missing from {}", audio_dir.display()),
            format!("add {}/{file}, or fix the name", audio_dir.display()),
        );
    } else if !(file.ends_with(".mp3") || file.ends_with(".wav")) {
        c.add(
            Some(id),
            format!("audio file \"{file}\" is neither .mp3 nor .wav"),
            "convert it to MP3 or WAV, the formats Twilio plays",
        );
    }
}

fn reachable_from(script: &Script, from: &str) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut queue = VecDeque::from([from.to_owned()]);
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id.clone()) {
            continue;
        }
        if let Some(node) = script.nodes.get(&id) {
            queue.extend(
                node.targets(&script.menu_defaults)
                    .into_iter()
                    .map(|(_, t)| t.to_owned()),
            );
        }
    }
    seen
}

fn check_reachability(c: &mut Checker<'_>, script: &Script) {
    let seen = reachable_from(script, &script.script.start);
    for id in script.nodes.keys().filter(|id| !seen.contains(*id)) {
        c.add(
            Some(id),
            format!("no path from the start node \"{}\" leads here", script.script.start),
            "link it from a menu choice or a next, or delete it",
        );
    }
}

fn check_ways_out(c: &mut Checker<'_>, script: &Script) {
    for (id, node) in &script.nodes {
        if !matches!(node, Node::Menu(_)) {
            continue;
        }
        let reach = reachable_from(script, id);
        if !reach.iter().any(|n| script.nodes.get(n).is_some_and(is_way_out)) {
            c.add(Some(id), "every path from this menu comes back to menus or messages: the caller can never reach a person, voicemail or the end", "make at least one choice (or on_exhausted) lead to a transfer, voicemail, callback or hangup");
        }
    }
}

/// Finds cycles made only of nodes that do not wait for the caller: such a loop
/// would make Twilio fetch TwiML forever (or fill one answer without end).
fn check_instant_loops(c: &mut Checker<'_>, script: &Script) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let ids: Vec<&String> = script.nodes.keys().collect();
    let mut mark: HashMap<&str, Mark> = ids.iter().map(|id| (id.as_str(), Mark::New)).collect();
    let mut reported: HashSet<String> = HashSet::new();

    fn visit<'s>(
        script: &'s Script,
        id: &'s str,
        mark: &mut HashMap<&'s str, Mark>,
        path: &mut Vec<&'s str>,
        cycles: &mut Vec<Vec<String>>,
    ) {
        mark.insert(id, Mark::Open);
        path.push(id);
        let node = &script.nodes[id];
        if is_instant(node) {
            for (_, t) in node.targets(&script.menu_defaults) {
                let Some((target, _)) = script.nodes.get_key_value(t) else {
                    continue;
                };
                if !is_instant(&script.nodes[target]) {
                    continue;
                }
                match mark[target.as_str()] {
                    Mark::Open => {
                        let start = path.iter().position(|p| *p == target.as_str()).unwrap_or(0);
                        cycles.push(path[start..].iter().map(|s| s.to_string()).collect());
                    }
                    Mark::New => visit(script, target, mark, path, cycles),
                    Mark::Done => {}
                }
            }
        }
        path.pop();
        mark.insert(id, Mark::Done);
    }

    let mut cycles = Vec::new();
    for id in ids {
        if mark[id.as_str()] == Mark::New {
            visit(script, id, &mut mark, &mut Vec::new(), &mut cycles);
        }
    }
    for cycle in cycles {
        let key = {
            let mut k = cycle.clone();
            k.sort();
            k.join(",")
        };
        if reported.insert(key) {
            let first = cycle[0].clone();
            c.add(
                Some(&first),
                format!(
                    "loop without any input from the caller: {} → {}",
                    cycle.join(" → "),
                    first
                ),
                "break the loop with a menu, or send one of these nodes to a transfer, voicemail or hangup",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::script::parse;
    use super::*;

    const HEAD: &str = "[script]\nname = \"t\"\nstart = \"a\"\n[menu_defaults]\non_exhausted = \"bye\"\n[nodes.bye]\ntype = \"hangup\"\n";

    fn problems(body: &str) -> Vec<Problem> {
        problems_with_audio(body, Path::new("/nonexistent-audio"))
    }

    fn problems_with_audio(body: &str, audio_dir: &Path) -> Vec<Problem> {
        let text = format!("{HEAD}{body}");
        let script = parse("t.toml", &text).unwrap_or_else(|e| panic!("{e}"));
        let roles: BTreeSet<String> = ["accueil".to_string(), "sage-femme".to_string()].into();
        validate(
            "ivr-scripts/t.toml",
            &script,
            &Environment {
                roles: &roles,
                audio_dir,
            },
        )
    }

    /// Problems of a whole script (no shared header), with no role configured.
    fn problems_in(text: &str) -> Vec<Problem> {
        let script = parse("t.toml", text).unwrap_or_else(|e| panic!("{e}"));
        let roles = BTreeSet::new();
        validate(
            "t.toml",
            &script,
            &Environment {
                roles: &roles,
                audio_dir: Path::new("."),
            },
        )
    }

    fn has(problems: &[Problem], node: Option<&str>, needle: &str) -> bool {
        problems
            .iter()
            .any(|p| p.node.as_deref() == node && p.message.contains(needle))
    }

    #[test]
    fn a_sound_script_has_no_problem() {
        let p = problems(
            r#"
            [nodes.a]
            type = "message"
            say = "Bonjour"
            next = "m"
            [nodes.m]
            type = "menu"
            say = "Tapez 1"
            choices = [{ key = "1", to = "t" }]
            [nodes.t]
            type = "transfer"
            role = "sage-femme"
            on_failure = "bye"
            "#,
        );
        assert!(p.is_empty(), "{p:#?}");
    }

    #[test]
    fn unknown_target_names_file_node_and_fix() {
        let p = problems("[nodes.a]\ntype = \"message\"\nsay = \"x\"\nnext = \"nowhere\"\n");
        assert!(has(&p, Some("a"), "next leads to \"nowhere\""), "{p:#?}");
        let shown = p[0].to_string();
        assert!(
            shown.starts_with("ivr-scripts/t.toml, node \"a\": ") && shown.contains("fix: create [nodes.nowhere]"),
            "{shown}"
        );
    }

    #[test]
    fn missing_start_node() {
        let text = "[script]\nname = \"t\"\nstart = \"zz\"\n[nodes.bye]\ntype = \"hangup\"\n";
        let p = problems_in(text);
        assert!(has(&p, None, "start node \"zz\" does not exist"), "{p:#?}");
    }

    #[test]
    fn unreachable_node() {
        let p =
            problems("[nodes.a]\ntype = \"message\"\nsay = \"x\"\nnext = \"bye\"\n[nodes.orphan]\ntype = \"hangup\"\n");
        assert!(has(&p, Some("orphan"), "no path from the start node"), "{p:#?}");
    }

    #[test]
    fn duplicate_keys() {
        let p = problems("[nodes.a]\ntype = \"menu\"\nsay = \"x\"\nchoices = [{ key = \"1\", to = \"bye\" }, { key = \"1\", to = \"bye\" }]\n");
        assert!(
            has(&p, Some("a"), "key \"1\" is used by more than one choice"),
            "{p:#?}"
        );
    }

    #[test]
    fn reserved_and_invalid_keys() {
        let p = problems("[nodes.a]\ntype = \"menu\"\nsay = \"x\"\nchoices = [{ key = \"*\", to = \"bye\" }, { key = \"12\", to = \"bye\" }]\n");
        assert!(has(&p, Some("a"), "reserved"), "{p:#?}");
        assert!(has(&p, Some("a"), "not a digit"), "{p:#?}");
    }

    #[test]
    fn menu_without_choices_or_without_way_out() {
        let p = problems("[nodes.a]\ntype = \"menu\"\nsay = \"x\"\nchoices = []\n");
        assert!(has(&p, Some("a"), "no choices"), "{p:#?}");

        // Two menus that only lead to each other, and exhaustion back into them.
        let text = "[script]\nname = \"t\"\nstart = \"a\"\n[nodes.a]\ntype = \"menu\"\nsay = \"x\"\non_exhausted = \"b\"\nchoices = [{ key = \"1\", to = \"b\" }]\n[nodes.b]\ntype = \"menu\"\nsay = \"y\"\non_exhausted = \"a\"\nchoices = [{ key = \"1\", to = \"a\" }]\n";
        let p = problems_in(text);
        assert!(has(&p, Some("a"), "can never reach a person"), "{p:#?}");
    }

    #[test]
    fn menu_without_exhaustion_target() {
        let text = "[script]\nname = \"t\"\nstart = \"a\"\n[nodes.a]\ntype = \"menu\"\nsay = \"x\"\nchoices = [{ key = \"1\", to = \"h\" }]\n[nodes.h]\ntype = \"hangup\"\n";
        let p = problems_in(text);
        assert!(has(&p, Some("a"), "pressing nothing"), "{p:#?}");
    }

    #[test]
    fn loop_that_needs_no_input() {
        let p = problems("[nodes.a]\ntype = \"message\"\nsay = \"x\"\nnext = \"b\"\n[nodes.b]\ntype = \"hours\"\nopen = \"a\"\nclosed = \"bye\"\n");
        assert!(
            has(&p, Some("a"), "loop without any input from the caller: a → b → a"),
            "{p:#?}"
        );
    }

    #[test]
    fn missing_audio_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("present.mp3"), b"ID3").unwrap();
        let p = problems_with_audio("[nodes.a]\ntype = \"message\"\naudio = \"absent.mp3\"\nnext = \"b\"\n[nodes.b]\ntype = \"message\"\naudio = \"present.mp3\"\nnext = \"bye\"\n", dir.path());
        assert!(has(&p, Some("a"), "audio file \"absent.mp3\" is missing"), "{p:#?}");
        assert!(!has(&p, Some("b"), "missing"), "{p:#?}");
        let p = problems("[nodes.a]\ntype = \"message\"\naudio = \"../etc/passwd\"\nnext = \"bye\"\n");
        assert!(has(&p, Some("a"), "not a plain file name"), "{p:#?}");
    }

    #[test]
    fn unknown_role() {
        let p = problems("[nodes.a]\ntype = \"transfer\"\nrole = \"astronaute\"\non_failure = \"bye\"\n");
        assert!(has(&p, Some("a"), "role \"astronaute\" is not configured"), "{p:#?}");
        assert!(p[0].fix.contains("accueil, sage-femme"), "{p:#?}");
    }

    #[test]
    fn unknown_placeholder_and_empty_text() {
        let p = problems("[nodes.a]\ntype = \"message\"\nsay = \"Nous rouvrons {demain}.\"\nnext = \"b\"\n[nodes.b]\ntype = \"message\"\nsay = \" \"\nnext = \"bye\"\n");
        assert!(has(&p, Some("a"), "unknown placeholder {demain}"), "{p:#?}");
        assert!(has(&p, Some("b"), "say is empty"), "{p:#?}");
    }

    #[test]
    fn control_characters_and_shared_texts_are_checked() {
        let p = problems("[nodes.a]\ntype = \"message\"\nsay = \"Au revoir\\u0007\"\nnext = \"bye\"\n");
        assert!(has(&p, Some("a"), "control character (U+0007)"), "{p:#?}");
        let text = "[script]\nname = \"t\"\nstart = \"a\"\n[menu_defaults]\non_exhausted = \"a\"\nno_input = \"Rien {demain}\"\ninvalid = \"\"\n[nodes.a]\ntype = \"hangup\"\n";
        let p = problems_in(text);
        assert!(
            has(
                &p,
                None,
                "[menu_defaults] no_input uses an unknown placeholder {demain}"
            ),
            "{p:#?}"
        );
        assert!(has(&p, None, "[menu_defaults] invalid is empty"), "{p:#?}");
    }

    #[test]
    fn message_needs_exactly_one_content() {
        let p = problems("[nodes.a]\ntype = \"message\"\nnext = \"bye\"\n");
        assert!(has(&p, Some("a"), "needs something to play"), "{p:#?}");
    }

    #[test]
    fn out_of_range_settings() {
        let p = problems("[nodes.a]\ntype = \"menu\"\nsay = \"x\"\ntimeout = 0\nrepeats = 9\nchoices = [{ key = \"1\", to = \"v\" }]\n[nodes.v]\ntype = \"voicemail\"\nsay = \"x\"\nmax_seconds = 5\n");
        assert!(has(&p, Some("a"), "timeout = 0"), "{p:#?}");
        assert!(has(&p, Some("a"), "repeats = 9"), "{p:#?}");
        assert!(has(&p, Some("v"), "max_seconds = 5"), "{p:#?}");
    }
}
