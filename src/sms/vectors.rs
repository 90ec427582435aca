//! Messages as sparse TF-IDF vectors, shared by the two learnt readers of the
//! bot: the distress classifier ([`super::safety::model`]) and the topic
//! centroids of the knowledge base ([`super::matcher`]).
//!
//! Two blocks of features, each weighted by TF-IDF (`1 + ln tf`, smoothed idf)
//! and scaled to unit length, so that neither outweighs the other:
//! - the words, already in plain form, and their neighbouring pairs;
//! - the groups of 3 to 5 letters inside each word padded with spaces, which
//!   carry typos and inflections (« etoufe », « respir », « alaitement »).

use std::collections::HashMap;

/// Shortest and longest letter groups.
const MIN_GRAM: usize = 3;
const MAX_GRAM: usize = 5;

/// A sparse vector: (feature, value), features in increasing order.
pub type Sparse = Vec<(u32, f32)>;

/// The vocabulary learnt from a set of documents.
pub struct Vectorizer {
    words: Block,
    grams: Block,
}

impl std::fmt::Debug for Vectorizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vectorizer")
            .field("word_features", &self.words.index.len())
            .field("letter_features", &self.grams.index.len())
            .finish()
    }
}

impl Vectorizer {
    /// Learns the vocabulary and idf of documents given as their words.
    /// Letter groups seen in fewer than `min_gram_df` documents are dropped
    /// (a classifier would only learn that one document by heart).
    pub fn fit(docs: &[Vec<String>], min_gram_df: usize) -> Vectorizer {
        let word_docs: Vec<Vec<String>> = docs.iter().map(|w| word_features(w)).collect();
        let gram_docs: Vec<Vec<String>> = docs.iter().map(|w| letter_features(w)).collect();
        let words = Block::fit(&word_docs, 1, 0);
        let grams = Block::fit(&gram_docs, min_gram_df, words.index.len() as u32);
        Vectorizer { words, grams }
    }

    /// How many features there are.
    pub fn dims(&self) -> usize {
        self.words.index.len() + self.grams.index.len()
    }

    /// The vector of a document given as its words; unknown features are left out.
    pub fn vector(&self, words: &[String]) -> Sparse {
        let mut v = Vec::new();
        self.words.vector(&word_features(words), &mut v);
        self.grams.vector(&letter_features(words), &mut v);
        v
    }
}

/// The vocabulary of one feature block and its idf.
struct Block {
    index: HashMap<String, u32>,
    idf: Vec<f32>,
    /// Index of this block's first feature.
    offset: u32,
}

impl Block {
    fn fit(docs: &[Vec<String>], min_df: usize, offset: u32) -> Block {
        let mut df: HashMap<&str, usize> = HashMap::new();
        for doc in docs {
            let mut seen: Vec<&str> = doc.iter().map(String::as_str).collect();
            seen.sort_unstable();
            seen.dedup();
            for f in seen {
                *df.entry(f).or_default() += 1;
            }
        }
        // Sorted, so that feature numbers, hence training, never depend on hashing.
        let mut kept: Vec<(&str, usize)> = df.into_iter().filter(|&(_, n)| n >= min_df).collect();
        kept.sort_unstable();
        let n = docs.len() as f32;
        Block {
            idf: kept
                .iter()
                .map(|&(_, d)| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
                .collect(),
            index: kept
                .iter()
                .enumerate()
                .map(|(i, &(f, _))| (f.to_owned(), i as u32))
                .collect(),
            offset,
        }
    }

    /// Sparse TF-IDF vector of unit length, appended to `out`.
    fn vector(&self, features: &[String], out: &mut Sparse) {
        let mut tf: HashMap<u32, f32> = HashMap::new();
        for f in features {
            if let Some(&i) = self.index.get(f) {
                *tf.entry(i).or_default() += 1.0;
            }
        }
        let mut v: Sparse = tf
            .into_iter()
            .map(|(i, n)| (i, (1.0 + n.ln()) * self.idf[i as usize]))
            .collect();
        v.sort_unstable_by_key(|&(i, _)| i);
        let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            out.extend(v.into_iter().map(|(i, x)| (i + self.offset, x / norm)));
        }
    }
}

/// Words and neighbouring pairs.
fn word_features(words: &[String]) -> Vec<String> {
    let mut out = words.to_vec();
    out.extend(words.windows(2).map(|w| format!("{} {}", w[0], w[1])));
    out
}

/// Letter groups of 3 to 5 inside each word padded with spaces.
fn letter_features(words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for w in words {
        let padded: Vec<char> = std::iter::once(' ')
            .chain(w.chars())
            .chain(std::iter::once(' '))
            .collect();
        for n in MIN_GRAM..=MAX_GRAM {
            if padded.len() < n {
                break;
            }
            out.extend(padded.windows(n).map(|g| g.iter().collect::<String>()));
        }
    }
    out
}

/// The cosine of two sparse vectors, the second of unit length, both in feature order.
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let norm = a.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if norm == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot / norm
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn each_block_has_unit_length_and_typos_share_letter_groups() {
        let v = Vectorizer::fit(
            &[
                words("allaitement douloureux"),
                words("biberon lait"),
                words("alaitement"),
            ],
            1,
        );
        let x = v.vector(&words("allaitement"));
        let norm: f32 = x.iter().map(|(_, a)| a * a).sum();
        assert!((norm - 2.0).abs() < 1e-4, "two unit blocks: {norm}");
        let typo = v.vector(&words("alaitement"));
        let shared = x.iter().filter(|(i, _)| typo.iter().any(|(j, _)| i == j)).count();
        assert!(shared > 5, "{shared} letter groups shared");
        assert!(v.vector(&words("zzz")).is_empty());
        let unit: Sparse = x.iter().map(|&(i, a)| (i, a / 2f32.sqrt())).collect();
        assert!((cosine(&x, &unit) - 1.0).abs() < 1e-4);
        assert!(cosine(&v.vector(&words("biberon")), &unit).abs() < 1e-6);
    }

    #[test]
    fn rare_letter_groups_can_be_dropped_and_features_do_not_depend_on_order() {
        let a = Vectorizer::fit(&[words("sein"), words("seins"), words("lait")], 2);
        let b = Vectorizer::fit(&[words("lait"), words("seins"), words("sein")], 2);
        assert_eq!(a.dims(), b.dims());
        assert_eq!(a.vector(&words("sein lait")), b.vector(&words("sein lait")));
        assert!(a.grams.index.contains_key(" se") && !a.grams.index.contains_key("lai"));
    }
}
