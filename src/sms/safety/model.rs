//! The second reader of a message: a classifier learnt from the reviewed
//! examples of [`super::examples`] (and the knowledge base's phrasings, as
//! ordinary questions), for the distress the cue tables of
//! [`super::rules`] do not spell out (« j'ai mis de côté mes boites de
//! médicaments », « un coussin sur sa tête pour qu'il se taise »).
//!
//! The cues are precise and explainable but only know the phrasings someone
//! wrote down; people in distress say the same things in endless other words.
//! A linear model over words, word pairs and letter groups generalises from
//! the examples' vocabulary instead: a message that *sounds like* the suicidal
//! examples scores high even when no cue matches it. The two readers are
//! combined in [`super::detect`]: the cues first, then this model.
//!
//! # The model
//!
//! - Features: the TF-IDF vectors of [`crate::sms::vectors`] over the words
//!   the cues read ([`super::rules::words`]: accents, SMS spellings). Letter
//!   groups seen in a single example are dropped: they would only learn that
//!   example by heart.
//! - A multinomial logistic regression over six classes (the five categories
//!   and `ordinary`), L2 regularised, trained by stochastic gradient descent in a fixed order, so
//!   the same examples always give the same model.
//!
//! The Rust machine-learning crates work on dense matrices; a text model has
//! a hundred thousand sparse features, hence these few lines of our own.
//! Training takes about a second in a release build (some 7 500 messages,
//! 24 passes) and runs once per process, on first use ([`model`]), or at
//! start-up ([`warm_up`]).

use std::sync::OnceLock;

use super::examples::{self, Example};
use super::{rules, SafetyCategory};
use crate::sms::vectors::{Sparse, Vectorizer};

/// The classes, `ordinary` last.
const CLASSES: usize = 6;
const ORDINARY: usize = 5;

/// Regularisation strength (per example, in the averaged loss).
const LAMBDA: f32 = 2e-6;
/// How much more an ordinary example counts: most messages are ordinary, and a
/// message with little evidence either way (« il va pleuvoir demain ? ») must
/// lean towards ordinary rather than towards the many distress examples.
const ORDINARY_WEIGHT: f32 = 2.0;
/// Passes over the examples.
const EPOCHS: usize = 24;

/// What the model thinks of a message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    /// The probability that the message is one of the five categories.
    pub distress: f32,
    /// The most likely category, whatever `distress` is.
    pub category: SafetyCategory,
}

/// A trained model.
pub struct Model {
    vectorizer: Vectorizer,
    /// `weights[feature * CLASSES + class]`.
    weights: Vec<f32>,
    bias: [f32; CLASSES],
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("vectorizer", &self.vectorizer)
            .finish_non_exhaustive()
    }
}

fn class_of(label: Option<SafetyCategory>) -> usize {
    match label {
        None => ORDINARY,
        Some(c) => SafetyCategory::ALL
            .iter()
            .position(|&x| x == c)
            .expect("every category is in ALL"),
    }
}

impl Model {
    /// Learns a model from labelled examples.
    pub fn train(examples: &[Example]) -> Model {
        let words: Vec<Vec<String>> = examples.iter().map(|e| rules::words(&e.text)).collect();
        let vectorizer = Vectorizer::fit(&words, 2);
        let data: Vec<(Sparse, usize)> = examples
            .iter()
            .zip(&words)
            .map(|(e, w)| (vectorizer.vector(w), class_of(e.label)))
            .collect();
        let mut model = Model {
            weights: vec![0.0; vectorizer.dims() * CLASSES],
            bias: [0.0; CLASSES],
            vectorizer,
        };
        model.fit(&data);
        model
    }

    /// Stochastic gradient descent on the L2-regularised log
    /// loss. The decay of every weight at each step is kept as one scale
    /// factor (`w = scale · v`), so a step costs only the message's features.
    fn fit(&mut self, data: &[(Sparse, usize)]) {
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed: u64 = 0x5eed_1000_0000_0001;
        let mut scale = 1.0f32;
        let eta0 = 0.5f32;
        let mut t = 0f32;
        for _ in 0..EPOCHS {
            shuffle(&mut order, &mut seed);
            for &i in &order {
                let (x, y) = &data[i];
                let eta = eta0 / (1.0 + eta0 * LAMBDA * t);
                t += 1.0;
                let p = self.probabilities_scaled(x, scale);
                scale *= 1.0 - eta * LAMBDA;
                let w = if *y == ORDINARY { ORDINARY_WEIGHT } else { 1.0 };
                for (k, pk) in p.iter().enumerate() {
                    let g = w * (pk - if k == *y { 1.0 } else { 0.0 });
                    if g == 0.0 {
                        continue;
                    }
                    for &(f, v) in x {
                        self.weights[f as usize * CLASSES + k] -= eta * g * v / scale;
                    }
                    self.bias[k] -= eta * g;
                }
                if scale < 1e-6 {
                    self.weights.iter_mut().for_each(|x| *x *= scale);
                    scale = 1.0;
                }
            }
        }
        self.weights.iter_mut().for_each(|x| *x *= scale);
    }

    fn probabilities_scaled(&self, x: &[(u32, f32)], scale: f32) -> [f32; CLASSES] {
        let mut z = self.bias;
        for &(f, v) in x {
            let row = &self.weights[f as usize * CLASSES..(f as usize + 1) * CLASSES];
            for k in 0..CLASSES {
                z[k] += scale * row[k] * v;
            }
        }
        let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut sum = 0.0;
        for zk in z.iter_mut() {
            *zk = (*zk - max).exp();
            sum += *zk;
        }
        z.map(|zk| zk / sum)
    }

    /// What the model thinks of a raw message.
    pub fn assess(&self, text: &str) -> Assessment {
        let x = self.vectorizer.vector(&rules::words(text));
        let p = self.probabilities_scaled(&x, 1.0);
        let best = (0..ORDINARY)
            .max_by(|&a, &b| p[a].total_cmp(&p[b]))
            .expect("five categories");
        Assessment {
            distress: 1.0 - p[ORDINARY],
            category: SafetyCategory::ALL[best],
        }
    }
}

/// A Fisher-Yates shuffle driven by a fixed xorshift sequence: reproducible everywhere.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// The model learnt from the shipped examples, trained on first use.
static MODEL: OnceLock<Model> = OnceLock::new();

pub fn model() -> &'static Model {
    MODEL.get_or_init(|| {
        let mut all = examples::all().to_vec();
        all.extend_from_slice(examples::ordinary_questions());
        Model::train(&all)
    })
}

/// Trains the model now, so that the first distress message is not the one that waits.
pub fn warm_up() {
    model();
}

/// Whether the model is trained: until then the service is not ready for
/// messages (`/readyz`), since reading one would wait for the training.
pub fn is_trained() -> bool {
    MODEL.get().is_some()
}
