//! Roles: the kinds of professional a caller can be put through to.
//!
//! Until on-call schedules arrive, each role is reached at one configured number.

use serde::Deserialize;

/// One role of the configuration (`[roles.<id>]`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// How the role is named to a caller or a supervisor, e.g. "une sage-femme".
    pub label: String,
    /// E.164 number that rings for this role; None means nobody can be rung yet,
    /// and transfers go straight to their fallback.
    pub number: Option<String>,
}

/// The roles a Maison des 1000 premiers jours usually staffs.
pub fn default_roles() -> Vec<(&'static str, &'static str)> {
    vec![
        ("accueil", "l'accueil de la Maison"),
        ("sage-femme", "une sage-femme"),
        ("puericultrice", "une puéricultrice"),
        ("psychologue", "une psychologue"),
        ("conseillere-lactation", "une conseillère en lactation"),
        ("travailleur-social", "un travailleur social"),
    ]
}
