//! Which topic answers a question: BM25 over French stems.
//!
//! A message goes through [`super::text`] (accents, case, elisions, SMS
//! spellings), loses its function words, and each word is stemmed with the
//! Snowball French stemmer, so « allaite », « allaitement », « allaiter » meet.
//! A word the knowledge base does not know is corrected to the closest word it
//! does know (one typo in a short word, two in a long one: « alaitement »,
//! « nourice »), then pairs of neighbouring stems are added so that
//! « mort subite » weighs more than « mort » and « subite » apart.
//!
//! Each topic is one BM25 document: its title, its keywords (counted twice:
//! they were chosen) and its phrasings. A second reader looks at the message
//! as a whole: the cosine of its TF-IDF vector ([`super::vectors`]: words,
//! pairs and letter groups) with each topic's centroid, the mean of its
//! phrasings' vectors. BM25 rewards the rare words a message shares with a
//! topic; the centroid, the way the topic's questions are put. Each score is
//! divided by its best and the two are added: measured on the parents' sets,
//! the sum puts the right topic first more often than either alone, and when
//! the two disagree the margin shrinks, which is when a choice helps.
//!
//! The verdict: [`Verdict::Nothing`] when the best BM25 score is too low
//! (nothing specific in common); [`Verdict::Answer`] when the best topic leads
//! the runner-up by a margin; otherwise [`Verdict::Choose`] between the close ones.

use std::collections::{BTreeMap, HashMap, HashSet};

use bm25::{Embedder, EmbedderBuilder, Scorer, Tokenizer};
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use super::kb::Topic;
use super::text;
use super::vectors::{self, Sparse, Vectorizer};

/// How sure the matcher must be, measured on the sets of `tests/fixtures/sms/`
/// (`tests/sms_accuracy.rs` prints the effect of other values).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Below this best BM25 score, nothing in the knowledge base fits.
    pub min_score: f32,
    /// The best topic answers alone when the runner-up's combined score is
    /// below the best's by at least this share of it.
    pub margin: f32,
    /// Otherwise, topics within this share of the best are offered.
    pub choice_ratio: f32,
    /// An answer whose runner-up is within this share of it also offers the
    /// runner-up, in one line (see [`Ranking::close_runner_up`]).
    pub hint_margin: f32,
}

impl Thresholds {
    /// Measured on the parents' sets (threshold_sweep): below a BM25 score of 5
    /// most matches were messages the knowledge base does not cover. A
    /// numbered list only when the two best are all but tied (3 %): on the two
    /// sets read at first sight, a margin of 8 % turned 10 right answers in 264
    /// into lists to save 5 wrong ones. Between 3 and 8 % the best topic
    /// answers and the runner-up is offered in one line, so a wrong answer
    /// costs the parent one digit.
    pub const DEFAULT: Thresholds = Thresholds {
        min_score: 5.0,
        margin: 0.03,
        choice_ratio: 0.8,
        hint_margin: 0.08,
    };
}

/// How many topics are offered when unsure.
pub const MAX_CHOICES: usize = 3;

/// What the knowledge base can say about a message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    /// One topic answers.
    Answer { topic: String },
    /// A few topics are close: let the parent choose.
    Choose { topics: Vec<String> },
    /// Nothing fits.
    Nothing,
}

/// A topic and its scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    pub topic: String,
    /// BM25 and centroid scores, each divided by its best, added (0 to 2).
    pub score: f32,
    /// The BM25 score alone.
    pub bm25: f32,
}

/// The ranking of one message.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Best first; only topics that share a word with the message.
    pub scored: Vec<Scored>,
    pub verdict: Verdict,
}

impl Ranking {
    /// The best BM25 score: how much the message shares with the knowledge base.
    pub fn best_score(&self) -> f32 {
        self.scored.iter().map(|s| s.bm25).fold(0.0, f32::max)
    }

    /// The runner-up of an answer when it comes close (`t.hint_margin`): the
    /// answer may have missed the question, and the parent should be offered
    /// the other topic at once.
    pub fn close_runner_up(&self, t: Thresholds) -> Option<&str> {
        if !matches!(self.verdict, Verdict::Answer { .. }) {
            return None;
        }
        // An answer is always the best-scored topic.
        let (first, second) = (self.scored.first()?, self.scored.get(1)?);
        (first.score - second.score < t.hint_margin * first.score).then_some(second.topic.as_str())
    }
}

/// Our tokens are already stems and stem pairs, space-separated.
#[derive(Debug, Default, Clone, Copy)]
struct Spaces;

impl Tokenizer for Spaces {
    fn tokenize(&self, input_text: &str) -> Vec<String> {
        input_text
            .split(' ')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// The index of a knowledge base.
pub struct Matcher {
    embedder: Embedder<u32, Spaces>,
    scorer: Scorer<usize, u32>,
    ids: Vec<String>,
    /// Every plain word of the knowledge base, to correct typos against, with its stem.
    vocabulary: HashMap<String, String>,
    /// Every stem the index knows.
    stems: HashSet<String>,
    /// The vectors of the second reader, and each topic's centroid (unit length).
    vectorizer: Vectorizer,
    centroids: Vec<Sparse>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("topics", &self.ids.len())
            .field("vocabulary", &self.vocabulary.len())
            .finish_non_exhaustive()
    }
}

impl Matcher {
    pub fn build(topics: &[Topic]) -> Matcher {
        let stemmer = Stemmer::create(Algorithm::French);
        let mut vocabulary = HashMap::new();
        let mut stems = HashSet::new();
        let documents: Vec<String> = topics
            .iter()
            .map(|t| {
                let mut doc = Vec::new();
                let mut add = |text: &str, times: usize| {
                    let words = content_words(text);
                    for w in &words {
                        let stem = stem(&stemmer, w);
                        stems.insert(stem.clone());
                        vocabulary.entry(w.clone()).or_insert(stem);
                    }
                    let tokens = with_pairs(words.iter().map(|w| stem(&stemmer, w)).collect());
                    for _ in 0..times {
                        doc.extend(tokens.iter().cloned());
                    }
                };
                add(&t.title, 1);
                for k in &t.keywords {
                    add(k, 2);
                }
                for p in &t.phrasings {
                    add(p, 1);
                }
                doc.join(" ")
            })
            .collect();
        let corpus: Vec<&str> = documents.iter().map(String::as_str).collect();
        // k1 = 2 lets a word repeated across a topic's keywords and phrasings count for more
        // than the usual 1.2: measured +2 right topics on the parents' set, b left at 0.75.
        let embedder = EmbedderBuilder::<u32, Spaces>::with_tokenizer_and_fit_to_corpus(Spaces, &corpus)
            .k1(2.0)
            .build();
        let mut scorer = Scorer::new();
        for (i, doc) in documents.iter().enumerate() {
            scorer.upsert(&i, embedder.embed(doc));
        }
        let (vectorizer, centroids) = centroids(topics);
        Matcher {
            embedder,
            scorer,
            ids: topics.iter().map(|t| t.id.clone()).collect(),
            vocabulary,
            stems,
            vectorizer,
            centroids,
        }
    }

    /// The stems a message is searched with, typos corrected.
    pub fn query_tokens(&self, message: &str) -> Vec<String> {
        let stemmer = Stemmer::create(Algorithm::French);
        let stems = content_words(message)
            .into_iter()
            .filter_map(|w| {
                let s = stem(&stemmer, &w);
                if self.stems.contains(&s) {
                    Some(s)
                } else {
                    self.correct(&w)
                }
            })
            .collect();
        with_pairs(stems)
    }

    /// The closest known word, if close enough to be a typo of it.
    fn correct(&self, word: &str) -> Option<String> {
        let len = word.chars().count();
        let allowed = match len {
            0..=3 => return None,
            4..=6 => 1,
            _ => 2,
        };
        self.vocabulary
            .iter()
            // Typos rarely touch the first letter; requiring it keeps « vendez » from becoming « rendez ».
            .filter(|(known, _)| known.chars().next() == word.chars().next())
            .filter(|(known, _)| known.chars().count().abs_diff(len) <= allowed)
            .map(|(known, stem)| (strsim::damerau_levenshtein(word, known), known, stem))
            .filter(|(d, _, _)| *d <= allowed)
            // Ties go to the alphabetically first word, so the answer never depends on hashing.
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
            .map(|(_, _, stem)| stem.clone())
    }

    /// Ranks the topics for a message.
    pub fn rank(&self, message: &str) -> Ranking {
        self.rank_with(message, Thresholds::DEFAULT)
    }

    /// Ranks the topics for a message with other thresholds (to measure them).
    pub fn rank_with(&self, message: &str, thresholds: Thresholds) -> Ranking {
        let tokens = self.query_tokens(message);
        if tokens.is_empty() {
            return Ranking {
                scored: Vec::new(),
                verdict: Verdict::Nothing,
            };
        }
        let query = self.embedder.embed(&tokens.join(" "));
        let mut bm25 = vec![0.0f32; self.ids.len()];
        for m in self.scorer.matches(&query) {
            bm25[m.id] = m.score;
        }
        let x = self.vectorizer.vector(&text::tokens(message));
        let similarity: Vec<f32> = self.centroids.iter().map(|c| vectors::cosine(&x, c)).collect();
        let best = |v: &[f32]| v.iter().copied().fold(0.0f32, f32::max);
        let (best_bm25, best_similarity) = (best(&bm25), best(&similarity));
        let share = |v: f32, best: f32| if best > 0.0 { v / best } else { 0.0 };
        let round = |v: f32| (v * 100.0).round() / 100.0;
        let mut scored: Vec<Scored> = (0..self.ids.len())
            // Only topics that share a word with the message: letter groups alone are no evidence.
            .filter(|&i| bm25[i] > 0.0)
            .map(|i| Scored {
                topic: self.ids[i].clone(),
                score: round(share(bm25[i], best_bm25) + share(similarity[i], best_similarity)),
                bm25: round(bm25[i]),
            })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.topic.cmp(&b.topic)));
        let verdict = verdict(&scored, thresholds);
        Ranking { scored, verdict }
    }
}

/// Each topic's centroid: the mean of the unit vectors of its title, keywords
/// and phrasings, scaled to unit length.
fn centroids(topics: &[Topic]) -> (Vectorizer, Vec<Sparse>) {
    let docs: Vec<(usize, Vec<String>)> = topics
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            std::iter::once(&t.title)
                .chain(&t.keywords)
                .chain(&t.phrasings)
                .map(move |p| (i, text::tokens(p)))
        })
        .collect();
    let words: Vec<Vec<String>> = docs.iter().map(|(_, w)| w.clone()).collect();
    let vectorizer = Vectorizer::fit(&words, 1);
    let mut sums: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); topics.len()];
    for (i, w) in &docs {
        for (f, x) in vectorizer.vector(w) {
            *sums[*i].entry(f).or_default() += x;
        }
    }
    let centroids = sums
        .into_iter()
        .map(|sum| {
            let norm = sum.values().map(|x| x * x).sum::<f32>().sqrt();
            sum.into_iter().map(|(f, x)| (f, x / norm)).collect()
        })
        .collect();
    (vectorizer, centroids)
}

fn verdict(scored: &[Scored], t: Thresholds) -> Verdict {
    let Some(first) = scored.first() else {
        return Verdict::Nothing;
    };
    if scored.iter().all(|s| s.bm25 < t.min_score) {
        return Verdict::Nothing;
    }
    let runner_up = scored.get(1).map_or(0.0, |s| s.score);
    if first.score - runner_up >= t.margin * first.score {
        return Verdict::Answer {
            topic: first.topic.clone(),
        };
    }
    Verdict::Choose {
        topics: scored
            .iter()
            .take(MAX_CHOICES)
            .filter(|s| s.score >= first.score * t.choice_ratio)
            .map(|s| s.topic.clone())
            .collect(),
    }
}

fn stem(stemmer: &Stemmer, word: &str) -> String {
    stemmer.stem(word).into_owned()
}

/// Stems plus each pair of neighbours (`mort_subit`).
fn with_pairs(stems: Vec<String>) -> Vec<String> {
    let pairs: Vec<String> = stems.windows(2).map(|w| format!("{}_{}", w[0], w[1])).collect();
    let mut out = stems;
    out.extend(pairs);
    out
}

/// The words that carry meaning, in plain form. Numbers of three digits or
/// more stay (3919, 3114, 119 are what a parent asks about); smaller ones are ages and doses.
pub fn content_words(message: &str) -> Vec<String> {
    let mut words: Vec<String> = text::tokens(message)
        .into_iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .filter(|w| {
            if w.bytes().all(|b| b.is_ascii_digit()) {
                w.len() >= 3
            } else {
                w.len() > 1
            }
        })
        .collect();
    // Expressions whose words mean something else apart: « fausse couche » is not about sleep.
    let mut i = 0;
    while i + 1 < words.len() {
        if let Some(joined) = EXPRESSIONS
            .iter()
            .find(|(a, b, _)| words[i] == *a && words[i + 1].starts_with(b))
        {
            words[i] = joined.2.to_owned();
            words.remove(i + 1);
        }
        i += 1;
    }
    words
}

/// Pairs of words read as one (the second may be inflected: « fausses couches »).
const EXPRESSIONS: &[(&str, &str, &str)] = &[
    ("fausse", "couche", "faussecouche"),
    ("fausses", "couche", "faussecouche"),
];

/// Words that say nothing about the topic (after normalisation: no accents).
/// Kept short on purpose: "pas", "plus", "nuit", "mois" carry meaning here.
const STOP_WORDS: &[&str] = &[
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "de",
    "du",
    "au",
    "aux",
    "et",
    "ou",
    "mais",
    "donc",
    "car",
    "ni",
    "je",
    "tu",
    "il",
    "elle",
    "on",
    "nous",
    "vous",
    "ils",
    "elles",
    "me",
    "te",
    "se",
    "moi",
    "toi",
    "lui",
    "leur",
    "leurs",
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "son",
    "sa",
    "ses",
    "notre",
    "nos",
    "votre",
    "vos",
    "ce",
    "cet",
    "cette",
    "ces",
    "ca",
    "cela",
    "ceci",
    "qui",
    "que",
    "qu",
    "quoi",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "dont",
    "en",
    "ne",
    "est",
    "suis",
    "es",
    "sont",
    "etre",
    "ete",
    "etait",
    "ai",
    "as",
    "avons",
    "avez",
    "ont",
    "avoir",
    "eu",
    "avait",
    "pour",
    "par",
    "sur",
    "sous",
    "dans",
    "avec",
    "sans",
    "chez",
    "vers",
    "entre",
    "bonjour",
    "salut",
    "bonsoir",
    "merci",
    "plait",
    "madame",
    "monsieur",
    "voila",
    "alors",
    "aussi",
    "tres",
    "bien",
    "comment",
    "pourquoi",
    "quand",
    "combien",
    "peux",
    "peut",
    "pouvez",
    "veux",
    "voudrais",
    "faut",
    "dois",
    "doit",
    "sais",
    "savoir",
    "svp",
    "stp",
    "question",
    "questions",
    "besoin",
    "renseignement",
    "renseignements",
    "info",
    "infos",
    "information",
    "informations",
    "aide",
    "aider",
    "est-ce",
    "si",
    "oui",
    "non",
    "tout",
    "tous",
    "toute",
    "toutes",
    "ya",
    "y",
    "c",
    "j",
    "l",
    "d",
    "m",
    "n",
    "s",
    "t",
    "qd",
    "cordialement",
    "hello",
    "coucou",
    "desole",
    "excusez",
    "svp",
    "ok",
    "normal",
    "faire",
    "fait",
    "va",
    "vais",
    "quoi",
    "chose",
    "choses",
    "trop",
    "encore",
    "deja",
    "ici",
    "la-bas",
    "petit",
    "petite",
    "beaucoup",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict_default(scored: &[Scored]) -> Verdict {
        verdict(
            scored,
            Thresholds {
                min_score: 3.0,
                margin: 0.1,
                choice_ratio: 0.8,
                hint_margin: 0.2,
            },
        )
    }

    fn topic(id: &str, keywords: &[&str], phrasings: &[&str]) -> Topic {
        Topic {
            id: id.into(),
            title: id.into(),
            checked: "2026-11-23".parse().unwrap(),
            sources: vec![],
            keywords: keywords.iter().map(|s| s.to_string()).collect(),
            phrasings: phrasings.iter().map(|s| s.to_string()).collect(),
            answer: "…".into(),
        }
    }

    fn matcher() -> Matcher {
        Matcher::build(&[
            topic(
                "allaitement",
                &["allaitement", "allaiter", "sein", "tétée", "tire-lait", "crevasses"],
                &["j'ai mal quand il tète", "comment savoir s'il boit assez au sein"],
            ),
            topic(
                "couchage",
                &["mort subite", "turbulette", "gigoteuse", "sur le dos", "tour de lit"],
                &["comment coucher mon bébé"],
            ),
            topic(
                "sommeil",
                &["sommeil", "nuits", "sieste", "réveils", "endormir", "dort"],
                &["il ne fait pas ses nuits", "il se réveille toutes les heures"],
            ),
            topic(
                "modes-de-garde",
                &["crèche", "nourrice", "assistante maternelle", "garde"],
                &["je cherche une place en crèche"],
            ),
        ])
    }

    #[test]
    fn stems_accents_and_sms_spellings_meet() {
        let m = matcher();
        for q in [
            "J’allaite et j’ai des crevasses",
            "allaitement: il tete mal",
            "ALLAITER C DUR",
        ] {
            assert_eq!(m.rank(q).scored[0].topic, "allaitement", "{q}");
        }
        assert_eq!(
            m.rank("mon bb se reveille tt le tps la nuit").scored[0].topic,
            "sommeil"
        );
    }

    #[test]
    fn typos_are_corrected_to_known_words() {
        let m = matcher();
        assert_eq!(m.rank("alaitement").scored[0].topic, "allaitement");
        assert_eq!(m.rank("une nourice ou la creche").scored[0].topic, "modes-de-garde");
        assert_eq!(m.rank("turbulete").scored[0].topic, "couchage");
        // Short words are not "corrected" into something else.
        assert!(m.query_tokens("lait").iter().all(|t| t != "lit"));
    }

    #[test]
    fn pairs_of_words_weigh_more_than_the_words_apart() {
        let m = matcher();
        assert!(m.query_tokens("la mort subite").contains(&"mort_subit".to_string()));
        assert_eq!(m.rank("peur de la mort subite").scored[0].topic, "couchage");
    }

    #[test]
    fn nothing_in_common_is_nothing() {
        let m = matcher();
        assert_eq!(m.rank("vous vendez des poussettes ?").verdict, Verdict::Nothing);
        assert_eq!(m.rank("").verdict, Verdict::Nothing);
        assert_eq!(m.rank("bonjour merci").verdict, Verdict::Nothing);
    }

    #[test]
    fn close_scores_offer_a_choice_and_a_clear_lead_answers() {
        let scored = |pairs: &[(&str, f32, f32)]| -> Vec<Scored> {
            pairs
                .iter()
                .map(|(t, s, b)| Scored {
                    topic: t.to_string(),
                    score: *s,
                    bm25: *b,
                })
                .collect()
        };
        assert_eq!(
            verdict_default(&scored(&[("a", 2.0, 9.0), ("b", 1.0, 3.0)])),
            Verdict::Answer { topic: "a".into() }
        );
        assert_eq!(
            verdict_default(&scored(&[
                ("a", 1.9, 9.0),
                ("b", 1.8, 8.0),
                ("c", 1.6, 7.5),
                ("d", 1.55, 7.0)
            ])),
            Verdict::Choose {
                topics: vec!["a".into(), "b".into(), "c".into()]
            }
        );
        assert_eq!(
            verdict_default(&scored(&[("a", 1.9, 9.0), ("b", 1.8, 8.0), ("c", 1.0, 7.5)])),
            Verdict::Choose {
                topics: vec!["a".into(), "b".into()]
            }
        );
        assert_eq!(verdict_default(&scored(&[("a", 2.0, 2.0)])), Verdict::Nothing);
        assert_eq!(
            verdict_default(&scored(&[("a", 2.0, 4.0)])),
            Verdict::Answer { topic: "a".into() }
        );
    }

    #[test]
    fn the_way_a_question_is_put_helps_when_its_words_are_everyday_ones() {
        let m = matcher();
        let r = m.rank("une place pour mon bebe chez une nounou");
        assert_eq!(r.scored[0].topic, "modes-de-garde");
        assert!(r.scored.iter().all(|s| s.score <= 2.0 && s.bm25 > 0.0));
    }
}
