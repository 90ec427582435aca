//! The work on a follow-up, provider-neutral: its states, the outcomes that
//! close it, and the checks of a change a professional submits.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

use crate::routing::directory::FieldError;

/// A follow-up's states, in the order work goes through them.
pub const STATES: [(&str, &str); 4] = [
    ("new", "Nouveau"),
    ("in-progress", "En cours"),
    ("waiting", "En attente"),
    ("closed", "Clos"),
];

/// How a follow-up ends.
pub const OUTCOMES: [(&str, &str); 6] = [
    ("reached", "Parent joint"),
    ("answered-by-sms", "Réponse envoyée par SMS"),
    ("referred", "Orienté vers un partenaire"),
    ("unreachable", "Injoignable après plusieurs essais"),
    ("no-longer-needed", "Plus besoin (réglé autrement)"),
    ("wrong-number", "Erreur de numéro"),
];

/// A change as submitted (form fields, not yet checked).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ChangeDraft {
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub outcome: String,
    /// A staff id, or empty: nobody in particular.
    #[serde(default)]
    pub assigned_staff_id: String,
    /// `YYYY-MM-DDTHH:MM` on the line's wall clock (an `<input type="datetime-local">`).
    #[serde(default)]
    pub due_at: String,
}

/// A checked change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub state: String,
    /// Set exactly when the state is `closed`.
    pub outcome: Option<String>,
    pub assigned_staff_id: Option<i64>,
    pub due_at: DateTime<Utc>,
}

/// Checks a change; every problem at once, in French, by field.
pub fn check(draft: &ChangeDraft, active_staff: &[i64], tz: Tz) -> Result<Change, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut problem = |field: &str, message: &str| {
        errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        })
    };
    let state = draft.state.trim();
    if !STATES.iter().any(|(id, _)| *id == state) {
        problem("state", "choisissez un état");
    }
    let outcome = draft.outcome.trim();
    let outcome = match (state == "closed", outcome) {
        (true, "") => {
            problem("outcome", "pour clore, indiquez l'issue");
            None
        }
        (true, o) if !OUTCOMES.iter().any(|(id, _)| *id == o) => {
            problem("outcome", "choisissez une issue de la liste");
            None
        }
        (true, o) => Some(o.to_owned()),
        (false, _) => None,
    };
    let assigned_staff_id = match draft.assigned_staff_id.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(id) if active_staff.contains(&id) => Some(id),
            _ => {
                problem("assigned_staff_id", "choisissez une personne active de l'annuaire");
                None
            }
        },
    };
    let due_at = NaiveDateTime::parse_from_str(draft.due_at.trim(), "%Y-%m-%dT%H:%M")
        .ok()
        .and_then(|local| local.and_local_timezone(tz).earliest())
        .map(|t| t.with_timezone(&Utc));
    if due_at.is_none() {
        problem(
            "due_at",
            "indiquez une échéance, jour et heure (par exemple 2026-12-03 14:30)",
        );
    }
    match (errors.is_empty(), due_at) {
        (true, Some(due_at)) => Ok(Change {
            state: state.to_owned(),
            outcome,
            assigned_staff_id,
            due_at,
        }),
        _ => Err(errors),
    }
}

/// The value of an `<input type="datetime-local">` for `at` on the line's clock.
pub fn local_input(tz: Tz, at: DateTime<Utc>) -> String {
    at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

/// The French label of an outcome id.
pub fn outcome_label(id: &str) -> &'static str {
    OUTCOMES
        .iter()
        .find(|(o, _)| *o == id)
        .map_or("Autre issue", |(_, label)| label)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: Tz = chrono_tz::Europe::Paris;

    fn draft(state: &str, outcome: &str, staff: &str, due: &str) -> ChangeDraft {
        ChangeDraft {
            state: state.into(),
            outcome: outcome.into(),
            assigned_staff_id: staff.into(),
            due_at: due.into(),
        }
    }

    #[test]
    fn a_change_is_read_on_the_lines_clock() {
        let c = check(&draft("in-progress", "reached", "2", "2026-12-03T14:30"), &[2], PARIS).unwrap();
        assert_eq!(c.state, "in-progress");
        assert_eq!(c.outcome, None, "an outcome only closes");
        assert_eq!(c.assigned_staff_id, Some(2));
        assert_eq!(c.due_at.to_rfc3339(), "2026-12-03T13:30:00+00:00");
        assert_eq!(local_input(PARIS, c.due_at), "2026-12-03T14:30");
    }

    #[test]
    fn closing_needs_an_outcome_and_every_problem_is_told() {
        let errors = check(&draft("closed", "", "9", "demain"), &[2], PARIS).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["outcome", "assigned_staff_id", "due_at"]);
        assert!(check(&draft("closed", "bof", "", "2026-12-03T14:30"), &[], PARIS).is_err());
        assert!(check(&draft("archived", "", "", "2026-12-03T14:30"), &[], PARIS).is_err());
        let closed = check(&draft("closed", "reached", "", "2026-12-03T14:30"), &[], PARIS).unwrap();
        assert_eq!(closed.outcome.as_deref(), Some("reached"));
    }
}
