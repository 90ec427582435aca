//! The knowledge base: `ivr-scripts/faq.toml`, a reviewed text file of topics
//! (id, title, answer, the words and phrasings that lead to it, the date its facts
//! were checked, its sources), the five safety answers and the bot's own texts.
//!
//! Loading validates everything and reports every problem at once, each naming
//! the entry and the fix, as `numerovert check` prints them. An answer longer than
//! the configured maximum is refused: a parent pays nothing, but the helpline pays
//! every segment.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use super::encoding::{self, SegmentCount};
use super::matcher::Matcher;
use super::safety::SafetyCategory;

/// The file's name in the scripts folder.
pub const FILE_NAME: &str = "faq.toml";

/// The topics the shipped knowledge base must cover (`faq-topics.md`), each under this id.
pub const REQUIRED_TOPICS: [&str; 30] = [
    "horaires",
    "adresse",
    "rendez-vous",
    "allaitement",
    "biberon",
    "diversification",
    "sommeil",
    "couchage",
    "pleurs",
    "sante-bebe",
    "vaccins",
    "grossesse",
    "entretien-prenatal",
    "entretien-postnatal",
    "depression-post-partum",
    "conge-paternite",
    "conge-maternite",
    "modes-de-garde",
    "aides-financieres",
    "pmi",
    "ecrans",
    "accidents-domestiques",
    "groupes-parents",
    "soutien-psy",
    "handicap",
    "repit",
    "separation",
    "deuil",
    "tabac-alcool",
    "violences",
];

/// The values placeholders take in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vars {
    /// `{numero_vert}`: the helpline's voice number, written the French way.
    pub numero_vert: String,
    /// `{delai}`: when a professional will call back ("dans les 4 heures").
    pub delai: String,
}

impl Vars {
    /// Values as long as real ones, to size texts in `check`.
    pub fn sample() -> Vars {
        Vars {
            numero_vert: "0 800 00 00 00".into(),
            delai: "dès la réouverture, demain à 9 heures".into(),
        }
    }
}

const PLACEHOLDERS: [&str; 2] = ["numero_vert", "delai"];

/// The bot's own texts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Messages {
    pub greeting: String,
    pub thanks: String,
    pub help: String,
    pub not_understood: String,
    pub choose_intro: String,
    pub choose_footer: String,
    pub callback: String,
    pub stop: String,
    pub start: String,
    pub media: String,
    pub empty: String,
    pub flood: String,
    pub other_language: String,
    /// After an answer whose runner-up was close: offers the runner-up, whose
    /// title follows (« … Répondez 1 pour : les vaccins. »).
    pub also_intro: String,
}

impl Messages {
    fn all(&self) -> [(&'static str, &str); 14] {
        [
            ("greeting", &self.greeting),
            ("thanks", &self.thanks),
            ("help", &self.help),
            ("not_understood", &self.not_understood),
            ("choose_intro", &self.choose_intro),
            ("choose_footer", &self.choose_footer),
            ("callback", &self.callback),
            ("stop", &self.stop),
            ("start", &self.start),
            ("media", &self.media),
            ("empty", &self.empty),
            ("flood", &self.flood),
            ("other_language", &self.other_language),
            ("also_intro", &self.also_intro),
        ]
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SafetyFile {
    id: String,
    answer: String,
}

/// One question parents ask, and the answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    /// How it is named in a list of alternatives ("l'allaitement").
    pub title: String,
    /// When its facts were last checked against the sources.
    pub checked: toml::value::Datetime,
    #[serde(default)]
    pub sources: Vec<String>,
    pub keywords: Vec<String>,
    #[serde(default)]
    pub phrasings: Vec<String>,
    pub answer: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KbFile {
    messages: Messages,
    #[serde(default)]
    safety: Vec<SafetyFile>,
    #[serde(default)]
    topic: Vec<Topic>,
}

/// The size of one text once rendered, for `check` and the back-office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sized {
    pub entry: String,
    pub count: SegmentCount,
}

/// A loaded, valid knowledge base with its index.
#[derive(Debug)]
pub struct KnowledgeBase {
    pub messages: Messages,
    pub safety: BTreeMap<SafetyCategory, String>,
    pub topics: Vec<Topic>,
    pub matcher: Matcher,
    /// The longest reply, in segments: what the answers were checked against.
    pub max_segments: usize,
}

impl KnowledgeBase {
    /// Reads `dir/faq.toml`.
    pub fn load_dir(dir: &Path, max_segments: usize) -> Result<KnowledgeBase, Vec<String>> {
        let path = dir.join(FILE_NAME);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| vec![format!("{}: cannot read the knowledge base: {e}", path.display())])?;
        KnowledgeBase::parse(&path.display().to_string(), &text, max_segments)
    }

    /// Parses and validates; `file` names the source in messages.
    pub fn parse(file: &str, text: &str, max_segments: usize) -> Result<KnowledgeBase, Vec<String>> {
        let raw: KbFile = toml::from_str(text).map_err(|e| vec![format!("{file}: {e}")])?;
        let mut problems = Vec::new();
        let check_text = |problems: &mut Vec<String>, entry: &str, text: &str, needs_delai: bool| {
            if text.trim().is_empty() {
                problems.push(format!(
                    "{file}: {entry}: the text is empty; write what the parent will read"
                ));
                return;
            }
            for name in placeholders(text) {
                if !PLACEHOLDERS.contains(&name.as_str()) {
                    problems.push(format!(
                        "{file}: {entry}: unknown placeholder {{{name}}}; use {{numero_vert}} or {{delai}}"
                    ));
                } else if name == "delai" && !needs_delai {
                    problems.push(format!(
                        "{file}: {entry}: {{delai}} only makes sense in messages.callback"
                    ));
                }
            }
            if needs_delai && !text.contains("{delai}") {
                problems.push(format!(
                    "{file}: {entry}: must say when someone will call back: include {{delai}}"
                ));
            }
            let count = encoding::count(&render(text, &Vars::sample()));
            if count.segments > max_segments {
                problems.push(format!(
                    "{file}: {entry}: {} characters make {} {} segments, over the maximum of {max_segments}; shorten it or link to a page",
                    count.chars,
                    count.segments,
                    count.encoding.as_str()
                ));
            }
        };
        for (name, text) in raw.messages.all() {
            check_text(&mut problems, &format!("messages.{name}"), text, name == "callback");
        }
        let mut safety = BTreeMap::new();
        for s in &raw.safety {
            match SafetyCategory::parse(&s.id) {
                None => problems.push(format!(
                    "{file}: [[safety]] \"{}\": not a safety category; use one of: {}",
                    s.id,
                    SafetyCategory::ALL.map(SafetyCategory::id).join(", ")
                )),
                Some(c) => {
                    check_text(&mut problems, &format!("safety {}", s.id), &s.answer, false);
                    if safety.insert(c, s.answer.clone()).is_some() {
                        problems.push(format!("{file}: [[safety]] \"{}\" is given twice", s.id));
                    }
                }
            }
        }
        for c in SafetyCategory::ALL {
            if !safety.contains_key(&c) {
                problems.push(format!(
                    "{file}: the safety answer \"{}\" is missing: add a [[safety]] entry with this id",
                    c.id()
                ));
            }
        }
        let mut seen = BTreeSet::new();
        for t in &raw.topic {
            let entry = format!("topic {}", t.id);
            if !is_id(&t.id) {
                problems.push(format!(
                    "{file}: topic \"{}\": ids are lower-case words joined by hyphens",
                    t.id
                ));
            }
            if !seen.insert(t.id.as_str()) {
                problems.push(format!("{file}: topic \"{}\" is given twice", t.id));
            }
            if t.title.trim().is_empty() {
                problems.push(format!("{file}: {entry}: the title is empty"));
            }
            if t.keywords.iter().all(|k| k.trim().is_empty()) {
                problems.push(format!(
                    "{file}: {entry}: no keywords; list the words parents use for it"
                ));
            }
            if t.checked.date.is_none() || t.checked.time.is_some() {
                problems.push(format!("{file}: {entry}: checked must be a date such as 2026-11-23"));
            }
            check_text(&mut problems, &entry, &t.answer, false);
        }
        for id in REQUIRED_TOPICS {
            if !seen.contains(id) {
                problems.push(format!(
                    "{file}: the required topic \"{id}\" is missing: add a [[topic]] with this id"
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let matcher = Matcher::build(&raw.topic);
        Ok(KnowledgeBase {
            messages: raw.messages,
            safety,
            topics: raw.topic,
            matcher,
            max_segments,
        })
    }

    /// The line that offers a close runner-up after an answer (« Votre question
    /// portait sur autre chose ? Répondez 1 pour : les vaccins. »).
    pub fn also_line(&self, also: &Topic, vars: &Vars) -> String {
        format!(
            "{} {}.",
            render(&self.messages.also_intro, vars),
            render(&also.title, vars)
        )
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// Every text with its size once rendered with sample values, for `check`.
    pub fn sizes(&self) -> Vec<Sized> {
        let vars = Vars::sample();
        let mut out: Vec<Sized> = self
            .topics
            .iter()
            .map(|t| (format!("topic {}", t.id), t.answer.as_str()))
            .chain(
                self.safety
                    .iter()
                    .map(|(c, a)| (format!("safety {}", c.id()), a.as_str())),
            )
            .chain(
                self.messages
                    .all()
                    .into_iter()
                    .map(|(n, t)| (format!("messages.{n}"), t)),
            )
            .map(|(entry, text)| Sized {
                entry,
                count: encoding::count(&render(text, &vars)),
            })
            .collect();
        out.sort_by(|a, b| a.entry.cmp(&b.entry));
        out
    }
}

/// A text with its placeholders filled, tidied for GSM-7.
pub fn render(text: &str, vars: &Vars) -> String {
    let filled = text
        .replace("{numero_vert}", &vars.numero_vert)
        .replace("{delai}", &vars.delai);
    encoding::tidy(filled.trim())
}

fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(after[..close].to_owned());
                rest = &after[close + 1..];
            }
            None => {
                out.push(after.to_owned());
                break;
            }
        }
    }
    out
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| !w.is_empty())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A complete, small knowledge base for tests.
    pub(crate) fn sample_toml() -> String {
        let mut s = String::from(
            r#"[messages]
greeting = "Bonjour ! Posez votre question."
thanks = "Avec plaisir."
help = "Je réponds sur l'allaitement, le sommeil... RAPPEL pour être rappelé."
not_understood = "Je n'ai pas compris. Répondez RAPPEL pour être rappelé."
choose_intro = "Votre question porte sur :"
choose_footer = "Répondez par le chiffre."
also_intro = "Sinon, répondez 1 pour :"
callback = "Une professionnelle vous rappellera {delai}."
stop = "C'est noté, plus de SMS. START pour reprendre. {numero_vert}"
start = "C'est noté, vous recevez à nouveau nos SMS."
media = "Je ne peux pas voir les images."
empty = "Votre message est vide."
flood = "Nous avons bien reçu vos messages."
other_language = "This service answers in French. Call {numero_vert}."
"#,
        );
        for c in SafetyCategory::ALL {
            s.push_str(&format!(
                "[[safety]]\nid = \"{}\"\nanswer = \"Appelez le 15.\"\n",
                c.id()
            ));
        }
        for id in REQUIRED_TOPICS {
            s.push_str(&format!(
                "[[topic]]\nid = \"{id}\"\ntitle = \"le sujet {id}\"\nchecked = 2026-11-23\nkeywords = [\"{}\"]\nanswer = \"Réponse sur {id}.\"\n",
                id.replace('-', " ")
            ));
        }
        s
    }

    #[test]
    fn a_complete_base_loads() {
        let kb = KnowledgeBase::parse("faq.toml", &sample_toml(), 3).unwrap();
        assert_eq!(kb.topics.len(), 30);
        assert_eq!(kb.safety.len(), 5);
        assert!(kb.sizes().iter().all(|s| s.count.segments >= 1));
    }

    #[test]
    fn every_problem_is_reported_with_its_entry() {
        let text = sample_toml()
            .replace("id = \"pleurs\"", "id = \"Pleurs!\"")
            .replace("answer = \"Réponse sur sommeil.\"", "answer = \"  \"")
            .replace("{delai}", "bientôt")
            .replace("[[safety]]\nid = \"danger-bebe\"", "[[safety]]\nid = \"danger\"")
            .replace("Réponse sur couchage.", &"Trop long. ".repeat(60))
            .replace("Je ne peux pas voir les images.", "Voir {adresse}.");
        let errors = KnowledgeBase::parse("faq.toml", &text, 3).unwrap_err();
        let all = errors.join("\n");
        for expected in [
            "topic \"Pleurs!\": ids are lower-case",
            "the required topic \"pleurs\" is missing",
            "topic sommeil: the text is empty",
            "messages.callback: must say when someone will call back",
            "\"danger\": not a safety category",
            "the safety answer \"danger-bebe\" is missing",
            "topic couchage: 659 characters make 5 gsm-7 segments, over the maximum of 3",
            "messages.media: unknown placeholder {adresse}",
        ] {
            assert!(all.contains(expected), "missing «{expected}» in:\n{all}");
        }
    }

    #[test]
    fn placeholders_are_filled_and_typography_tidied() {
        let vars = Vars {
            numero_vert: "0 800 12 34 56".into(),
            delai: "dans les 4 heures".into(),
        };
        assert_eq!(
            render(
                "Appelez le {numero_vert} : on vous rappelle {delai}. C’est « gratuit »",
                &vars
            ),
            "Appelez le 0 800 12 34 56 : on vous rappelle dans les 4 heures. C'est \"gratuit\""
        );
    }

    #[test]
    fn the_shipped_knowledge_base_is_valid() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ivr-scripts");
        if !dir.join(FILE_NAME).exists() {
            return;
        }
        let kb = KnowledgeBase::load_dir(&dir, 3).unwrap_or_else(|e| panic!("{}", e.join("\n")));
        assert!(kb.topics.len() >= 30);
        // Ordinary answers stay GSM-7 (twice the characters per segment), and so
        // does the line that offers a close runner-up, whatever its title.
        let vars = Vars::sample();
        for t in &kb.topics {
            let line = kb.also_line(t, &vars);
            assert!(
                encoding::is_gsm7(&render(&t.answer, &vars)),
                "topic {}: the answer needs UCS-2",
                t.id
            );
            assert!(encoding::is_gsm7(&line), "topic {}: {line:?} needs UCS-2", t.id);
        }
    }
}
