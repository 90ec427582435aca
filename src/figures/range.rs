//! The range of the figures as people choose it (a period, two days, by line
//! or not), checked, and the figures of that range read from the store.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Deserialize;

use super::{compute_range, ContactFact, Figures, Period};
use crate::config::Settings;
use crate::db::{Store, StoreResult};
use crate::routing::directory::FieldError;
use crate::routing::hours::day_start;

/// The longest ranges, so that a chart stays readable and a page quick.
const MAX_DAYS: i64 = 400;
const MAX_WEEKS_DAYS: i64 = 5 * 366;
const MAX_MONTHS_DAYS: i64 = 10 * 366;
const DEFAULT_DAYS: i64 = 30;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FiguresForm {
    /// jour | semaine | mois
    pub period: String,
    /// First local day, YYYY-MM-DD (default: 30 days before `to`).
    pub from: String,
    /// Last local day, included (default: today).
    pub to: String,
    /// "1": one series per line.
    pub split: String,
}

/// The checked form.
#[derive(Debug)]
pub struct Range {
    pub period: Period,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub split: bool,
}

/// The range, or the French error of each wrong field.
pub fn check(form: &FiguresForm, today: NaiveDate) -> Result<Range, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut error = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.into(),
            message,
        })
    };
    let period = match form.period.trim() {
        "" => Period::Day,
        p => Period::parse(p).unwrap_or_else(|| {
            error("period", "Choisissez par jour, par semaine ou par mois.".into());
            Period::Day
        }),
    };
    let date = |s: &str, default: NaiveDate| match s.trim() {
        "" => Ok(default),
        s => NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| ()),
    };
    let to = date(&form.to, today).unwrap_or_else(|_| {
        error("to", "Date de fin invalide : choisissez un jour (AAAA-MM-JJ).".into());
        today
    });
    let from = date(&form.from, to - Duration::days(DEFAULT_DAYS - 1)).unwrap_or_else(|_| {
        error(
            "from",
            "Date de début invalide : choisissez un jour (AAAA-MM-JJ).".into(),
        );
        to
    });
    if to < from {
        error("to", "La date de fin est avant la date de début.".into());
    }
    let (max, unit) = match period {
        Period::Day => (
            MAX_DAYS,
            "par jour : 400 jours au plus, choisissez par semaine ou par mois",
        ),
        Period::Week => (MAX_WEEKS_DAYS, "par semaine : 5 ans au plus, choisissez par mois"),
        Period::Month => (MAX_MONTHS_DAYS, "par mois : 10 ans au plus"),
    };
    if (to - from).num_days() >= max {
        error("from", format!("Période trop longue {unit}."));
    }
    if errors.is_empty() {
        Ok(Range {
            period,
            from,
            to,
            split: form.split == "1",
        })
    } else {
        Err(errors)
    }
}

/// The contacts of `range`, whole periods at both ends: a week or a month is
/// counted whole even if the range cuts it.
pub async fn facts(store: &dyn Store, settings: &Settings, range: &Range) -> StoreResult<Vec<ContactFact>> {
    let tz = settings.timezone;
    let first = range.period.start_of(range.from);
    let after = range.period.next(range.period.start_of(range.to));
    store.contact_facts(day_start(tz, first), day_start(tz, after)).await
}

/// The figures of `range` from its `facts`, all lines together or one series per line.
pub fn of(facts: &[ContactFact], settings: &Settings, range: &Range, split: bool, now: DateTime<Utc>) -> Figures {
    compute_range(
        facts,
        range.period,
        settings.timezone,
        settings.callback_delay,
        split,
        range.from,
        range.to,
        now,
    )
}

/// The figures of `range` as it asks them (by line or not), from the store.
pub async fn figures(
    store: &dyn Store,
    settings: &Settings,
    range: &Range,
    now: DateTime<Utc>,
) -> StoreResult<Figures> {
    Ok(of(
        &facts(store, settings, range).await?,
        settings,
        range,
        range.split,
        now,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_default_range_is_the_last_thirty_days_by_day() {
        let r = check(&FiguresForm::default(), d("2026-12-03")).unwrap();
        assert_eq!(
            (r.from, r.to, r.period),
            (d("2026-11-04"), d("2026-12-03"), Period::Day)
        );
    }

    #[test]
    fn wrong_or_too_long_ranges_are_refused_with_their_field() {
        let form = FiguresForm {
            period: "jour".into(),
            from: "2020-01-01".into(),
            ..FiguresForm::default()
        };
        let errors = check(&form, d("2026-12-03")).unwrap_err();
        assert_eq!(errors[0].field, "from");
        assert!(errors[0].message.contains("par semaine"), "{}", errors[0].message);
        let form = FiguresForm {
            period: "année".into(),
            to: "hier".into(),
            ..FiguresForm::default()
        };
        let fields: Vec<String> = check(&form, d("2026-12-03"))
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["period", "to"]);
    }
}
