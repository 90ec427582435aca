//! The reviewed examples of `examples.toml`, compiled into the binary: safety
//! must never depend on a file a deployment could lose or a bad edit could break.

use std::sync::OnceLock;

use serde::Deserialize;

use super::SafetyCategory;

/// A labelled message.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub text: String,
    /// None for an ordinary message.
    pub label: Option<SafetyCategory>,
    /// The cue tables must catch this one by themselves.
    pub cues: bool,
}

#[derive(Deserialize)]
struct File {
    example: Vec<Raw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    text: String,
    label: String,
    #[serde(default)]
    cues: bool,
}

/// Parses the examples' TOML; an unknown label is an error naming the message.
pub fn parse(source: &str) -> Result<Vec<Example>, String> {
    let file: File = toml::from_str(source).map_err(|e| e.to_string())?;
    file.example
        .into_iter()
        .map(|r| {
            let label = match r.label.as_str() {
                "ordinary" => None,
                id => Some(SafetyCategory::parse(id).ok_or_else(|| format!("unknown label {id:?} for {:?}", r.text))?),
            };
            Ok(Example {
                text: r.text,
                label,
                cues: r.cues,
            })
        })
        .collect()
}

/// The shipped examples.
pub fn all() -> &'static [Example] {
    static ALL: OnceLock<Vec<Example>> = OnceLock::new();
    ALL.get_or_init(|| parse(include_str!("examples.toml")).expect("src/sms/safety/examples.toml is valid"))
}

#[derive(Deserialize)]
struct KnowledgeBaseFile {
    topic: Vec<TopicPhrasings>,
}

#[derive(Deserialize)]
struct TopicPhrasings {
    phrasings: Vec<String>,
}

/// The phrasings of the shipped knowledge base: ordinary questions by
/// construction, they teach the classifier what everyday messages look like.
/// Those of the file a deployment edits are not used, so that an edit can
/// never weaken the recognition of distress.
pub fn ordinary_questions() -> &'static [Example] {
    static ALL: OnceLock<Vec<Example>> = OnceLock::new();
    ALL.get_or_init(|| {
        let kb: KnowledgeBaseFile =
            toml::from_str(include_str!("../../../ivr-scripts/faq.toml")).expect("ivr-scripts/faq.toml is valid");
        kb.topic
            .into_iter()
            .flat_map(|t| t.phrasings)
            .map(|text| Example {
                text,
                label: None,
                cues: false,
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_examples_parse_and_cover_every_category() {
        let all = all();
        for c in SafetyCategory::ALL {
            let n = all.iter().filter(|e| e.label == Some(c)).count();
            assert!(n >= 100, "{}: {n} examples", c.id());
        }
        assert!(all.iter().filter(|e| e.label.is_none()).count() >= 1000);
    }

    #[test]
    fn an_unknown_label_is_refused_with_the_message() {
        let err = parse("[[example]]\ntext = \"bonjour\"\nlabel = \"urgence\"\n").unwrap_err();
        assert!(err.contains("urgence") && err.contains("bonjour"), "{err}");
    }
}
