//! The SMS bot: it answers parents' common questions in French from the
//! knowledge base, recognises distress at once, and knows when a human must step in.
//!
//! Everything here is pure (time and settings are inputs), tested without I/O:
//! - [`text`]: how parents write, brought to one plain form;
//! - [`encoding`]: GSM-7 / UCS-2 and segment counts, typographic tidying;
//! - [`kb`]: the knowledge base (`ivr-scripts/faq.toml`), loaded and validated;
//! - [`matcher`]: which topic answers a question (BM25 over stems, typo tolerance);
//! - [`safety`]: the five safety categories, recognised before anything else;
//! - [`keywords`]: AIDE, RAPPEL, STOP, START, HORAIRES, ADRESSE, a choice;
//! - [`language`]: a message in another language;
//! - [`scope`]: a message about something the Maison does not do;
//! - [`vectors`]: messages as TF-IDF vectors, for the two learnt readers;
//! - [`bot`]: what to do with one inbound message, given the conversation.

pub mod bot;
pub mod encoding;
pub mod kb;
pub mod keywords;
pub mod language;
pub mod matcher;
pub mod safety;
pub mod scope;
pub mod text;
pub mod vectors;
