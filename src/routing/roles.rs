//! Roles: the kinds of professional a caller can be put through to.
//!
//! Who is on duty for a role comes from the schedules (`routing::schedule`);
//! the configuration names each role and the roles that back it up.

use serde::Deserialize;

/// One role of the configuration (`[roles.<id>]`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// How the role is named to a caller or a supervisor, e.g. "une sage-femme".
    pub label: String,
    /// Roles whose people are tried, in this order, when nobody of this role
    /// answers (a transfer node may name its own).
    #[serde(default)]
    pub backups: Vec<String>,
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
