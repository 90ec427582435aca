//! Finding contacts: the filters of the back-office's contacts list (and of
//! the API), checked, and the keyset cursor that pages through them.
//!
//! Pages are cut by position, not by offset: "the contacts before this one"
//! (`started_at`, then `contact_id`, both descending). An offset would make
//! the database count every row it skips, and a contact arriving between two
//! pages would shift the list under the reader.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use crate::routing::directory::FieldError;
use crate::routing::hours::day_start;

/// Contacts per page.
pub const PAGE_SIZE: i64 = 50;

/// Follow-up filters beyond a state: any open one, or none at all.
pub const FOLLOW_UP_OPEN: &str = "open";
pub const FOLLOW_UP_NONE: &str = "none";
/// The outcome filter for contacts still in progress (no outcome yet).
pub const OUTCOME_NONE: &str = "none";

const CHANNELS: [&str; 2] = ["voice", "sms"];
/// The outcomes a contact can end with (see `ivr::engine::Outcome`, and `safety` for SMS).
pub const OUTCOMES: [&str; 7] = [
    "answered",
    "message_left",
    "callback_requested",
    "informed",
    "abandoned",
    "fallback",
    "safety",
];
const FOLLOW_UPS: [&str; 6] = [
    "new",
    "in-progress",
    "waiting",
    "closed",
    FOLLOW_UP_OPEN,
    FOLLOW_UP_NONE,
];

/// The filters as the form sends them (GET query), every field optional.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct FilterForm {
    /// First local day, YYYY-MM-DD.
    pub from: String,
    /// Last local day, included.
    pub to: String,
    pub channel: String,
    pub line: String,
    pub need: String,
    pub outcome: String,
    /// A staff id: the contacts this professional took, called back or was assigned.
    pub staff: String,
    pub follow_up: String,
    /// "1" for urgent (safety) contacts only.
    pub urgent: String,
    /// The cursor of the page's first contact, from the previous page.
    pub after: String,
}

/// Checked filters, in the store's terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactQuery {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub channel: Option<String>,
    pub line: Option<String>,
    pub need: Option<String>,
    pub outcome: Option<String>,
    pub staff_id: Option<i64>,
    pub follow_up: Option<String>,
    pub urgent: bool,
    pub after: Option<Cursor>,
}

/// Where a page starts: strictly before this contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub started_at: DateTime<Utc>,
    pub contact_id: i64,
}

impl Cursor {
    /// Opaque enough for a URL, and readable by a person debugging: `<micros>-<id>`.
    pub fn encode(&self) -> String {
        format!("{}-{}", self.started_at.timestamp_micros(), self.contact_id)
    }

    pub fn decode(text: &str) -> Option<Cursor> {
        let (micros, id) = text.trim().split_once('-')?;
        Some(Cursor {
            started_at: DateTime::from_timestamp_micros(micros.parse().ok()?)?,
            contact_id: id.parse().ok()?,
        })
    }
}

impl FilterForm {
    /// The query, or the French error of each wrong field. Nothing is
    /// silently dropped: a wrong filter would show a list that looks complete.
    pub fn check(&self, tz: Tz) -> Result<ContactQuery, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut error = |field: &str, message: &str| {
            errors.push(FieldError {
                field: field.to_owned(),
                message: message.to_owned(),
            })
        };
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let day = |s: &str| -> Result<Option<NaiveDate>, ()> {
            match text(s) {
                None => Ok(None),
                Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d").map(Some).map_err(|_| ()),
            }
        };
        let from = day(&self.from).unwrap_or_else(|_| {
            error("from", "Date de début invalide : choisissez un jour (AAAA-MM-JJ).");
            None
        });
        let to = day(&self.to).unwrap_or_else(|_| {
            error("to", "Date de fin invalide : choisissez un jour (AAAA-MM-JJ).");
            None
        });
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                error("to", "La date de fin est avant la date de début.");
            }
        }
        let one_of = |value: Option<String>, allowed: &[&str]| value.filter(|v| allowed.contains(&v.as_str()));
        let channel = text(&self.channel);
        if channel.is_some() && one_of(channel.clone(), &CHANNELS).is_none() {
            error("channel", "Canal inconnu.");
        }
        let outcome = text(&self.outcome);
        if outcome.is_some() && outcome.as_deref() != Some(OUTCOME_NONE) && one_of(outcome.clone(), &OUTCOMES).is_none()
        {
            error("outcome", "Issue inconnue.");
        }
        let follow_up = text(&self.follow_up);
        if follow_up.is_some() && one_of(follow_up.clone(), &FOLLOW_UPS).is_none() {
            error("follow_up", "État de suivi inconnu.");
        }
        let staff_id = match text(&self.staff) {
            None => None,
            Some(s) => match s.parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    error("staff", "Professionnel·le inconnu·e.");
                    None
                }
            },
        };
        let urgent = match self.urgent.trim() {
            "" | "0" => false,
            "1" | "on" | "true" => true,
            _ => {
                error("urgent", "Valeur invalide pour « urgents seulement ».");
                false
            }
        };
        let after = match text(&self.after) {
            None => None,
            Some(s) => match Cursor::decode(&s) {
                Some(c) => Some(c),
                None => {
                    error("after", "Lien de page invalide : revenez à la première page.");
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ContactQuery {
            from: from.map(|d| day_start(tz, d)),
            to: to.and_then(|d| d.succ_opt()).map(|d| day_start(tz, d)),
            channel,
            line: text(&self.line),
            need: text(&self.need),
            outcome,
            staff_id,
            follow_up,
            urgent,
            after,
        })
    }

    /// The query string of these filters for another page (without the cursor).
    pub fn query_string(&self, after: Option<&Cursor>) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("from", &self.from),
            ("to", &self.to),
            ("channel", &self.channel),
            ("line", &self.line),
            ("need", &self.need),
            ("outcome", &self.outcome),
            ("staff", &self.staff),
            ("follow_up", &self.follow_up),
            ("urgent", &self.urgent),
        ] {
            if !value.trim().is_empty() {
                q.append_pair(name, value.trim());
            }
        }
        if let Some(c) = after {
            q.append_pair("after", &c.encode());
        }
        q.finish()
    }

    /// Whether any filter is set (the cursor aside).
    pub fn is_filtered(&self) -> bool {
        !self.query_string(None).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    const PARIS: Tz = chrono_tz::Europe::Paris;

    #[test]
    fn local_days_become_utc_bounds_across_dst() {
        let form = FilterForm {
            from: "2026-10-25".into(),
            to: "2026-10-25".into(),
            ..FilterForm::default()
        };
        let q = form.check(PARIS).unwrap();
        // 25 October 2026 in Paris lasts 25 hours.
        assert_eq!(q.from, Some(Utc.with_ymd_and_hms(2026, 10, 24, 22, 0, 0).unwrap()));
        assert_eq!(q.to, Some(Utc.with_ymd_and_hms(2026, 10, 25, 23, 0, 0).unwrap()));
        let spring = FilterForm {
            from: "2026-03-29".into(),
            to: "2026-03-29".into(),
            ..FilterForm::default()
        }
        .check(PARIS)
        .unwrap();
        assert_eq!(spring.to.unwrap() - spring.from.unwrap(), chrono::Duration::hours(23));
    }

    #[test]
    fn every_wrong_field_is_named_in_french() {
        let form = FilterForm {
            from: "03/12/2026".into(),
            channel: "fax".into(),
            outcome: "lost".into(),
            staff: "abc".into(),
            follow_up: "done".into(),
            urgent: "maybe".into(),
            after: "x".into(),
            ..FilterForm::default()
        };
        let errors = form.check(PARIS).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["from", "channel", "outcome", "follow_up", "staff", "urgent", "after"]
        );
        let reversed = FilterForm {
            from: "2026-12-03".into(),
            to: "2026-12-01".into(),
            ..FilterForm::default()
        };
        assert_eq!(
            reversed.check(PARIS).unwrap_err()[0].message,
            "La date de fin est avant la date de début."
        );
    }

    #[test]
    fn filters_survive_the_link_to_the_next_page() {
        let form = FilterForm {
            channel: "sms".into(),
            need: "allaitement".into(),
            urgent: "1".into(),
            ..FilterForm::default()
        };
        let cursor = Cursor {
            started_at: Utc.with_ymd_and_hms(2026, 12, 3, 9, 30, 0).unwrap(),
            contact_id: 42,
        };
        let qs = form.query_string(Some(&cursor));
        assert_eq!(
            qs,
            format!("channel=sms&need=allaitement&urgent=1&after={}", cursor.encode())
        );
        let uri: axum::http::Uri = format!("/contacts?{qs}").parse().unwrap();
        let back = axum::extract::Query::<FilterForm>::try_from_uri(&uri).unwrap().0;
        let q = back.check(PARIS).unwrap();
        assert_eq!(q.after, Some(cursor));
        assert_eq!(q.channel.as_deref(), Some("sms"));
        assert!(q.urgent);
        assert!(form.is_filtered());
        assert!(!FilterForm::default().is_filtered());
    }

    proptest! {
        #[test]
        fn cursors_round_trip(micros in 0i64..4_102_444_800_000_000, id in 1i64..i64::MAX) {
            let c = Cursor { started_at: DateTime::from_timestamp_micros(micros).unwrap(), contact_id: id };
            prop_assert_eq!(Cursor::decode(&c.encode()), Some(c));
        }

        #[test]
        fn any_day_gives_bounds_a_local_day_apart(days in 0i64..20_000) {
            let day = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
            let text = day.format("%Y-%m-%d").to_string();
            let q = FilterForm { from: text.clone(), to: text, ..FilterForm::default() }.check(PARIS).unwrap();
            let (from, to) = (q.from.unwrap(), q.to.unwrap());
            prop_assert_eq!(from.with_timezone(&PARIS).date_naive(), day);
            prop_assert_eq!((to - chrono::Duration::seconds(1)).with_timezone(&PARIS).date_naive(), day);
            let hours = (to - from).num_hours();
            prop_assert!((23..=25).contains(&hours));
        }
    }
}
