//! The back-office "Figures" page: counts of contacts per local day, week or
//! month, their CSV export (also the one sent to funders) and SVG charts.
//!
//! Everything here works on [`ContactFact`]s, which carry no phone number, no
//! message and nothing else personal, so nothing personal can reach a figure,
//! a chart or an export.

pub mod chart;
pub mod csv_export;
pub mod range;
pub mod stats;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use serde::Serialize;

use crate::routing::hours::{month_name, weekday_name};

pub use chart::{bar_chart, line_chart, LineSeries, Series};
pub use csv_export::to_csv;
pub use stats::{compute, compute_range, Counts, Figures, LineFigures};

/// One contact as the figures need it: no phone number, no message, nothing personal.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactFact {
    pub started_at: DateTime<Utc>,
    pub channel: Channel,
    /// The helpline number reached (E.164): the service's, not the parent's.
    pub line: Option<String>,
    /// For calls: "answered", "message_left", "callback_requested", "informed",
    /// "abandoned", "fallback", or None while the call is in progress.
    pub outcome: Option<String>,
    /// For abandoned calls: the IVR node where the caller hung up.
    pub abandoned_at: Option<String>,
    /// For answered calls: seconds from the call's start to a professional accepting it.
    pub wait_secs: Option<i64>,
    /// The need chosen in the IVR, or the SMS topic or safety category.
    pub need: Option<String>,
    /// A safety message raised it.
    pub urgent: bool,
    pub callback: Option<CallbackFact>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Voice,
    Sms,
}

/// A callback owed to the parent; `done_at` is when the parent was reached or
/// the follow-up closed.
#[derive(Debug, Clone, PartialEq)]
pub struct CallbackFact {
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
}

/// How contacts are grouped: local days, ISO weeks (from Monday) or calendar months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    Week,
    Month,
}

/// The usual French abbreviations, so that 31 day labels fit under a chart.
const SHORT_MONTHS: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
];

impl Period {
    /// The period named in the page's query string.
    pub fn parse(s: &str) -> Option<Period> {
        match s {
            "jour" => Some(Period::Day),
            "semaine" => Some(Period::Week),
            "mois" => Some(Period::Month),
            _ => None,
        }
    }

    /// "par jour", "par semaine", "par mois".
    pub fn label(self) -> &'static str {
        match self {
            Period::Day => "par jour",
            Period::Week => "par semaine",
            Period::Month => "par mois",
        }
    }

    /// The first local date of the bucket holding `date`.
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => date,
            Period::Week => date - Duration::days(date.weekday().num_days_from_monday().into()),
            Period::Month => date.with_day(1).unwrap_or(date),
        }
    }

    /// The start of the bucket after the one starting at `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => start + Duration::days(1),
            Period::Week => start + Duration::days(7),
            Period::Month => start + Months::new(1),
        }
    }

    /// The bucket in full, for the export: "dimanche 29 mars 2026",
    /// "semaine du 23 mars 2026", "mars 2026".
    pub fn bucket_name(self, start: NaiveDate) -> String {
        let month = month_name(start.month());
        match self {
            Period::Day => format!(
                "{} {} {month} {}",
                weekday_name(start.weekday()),
                day_number(start),
                start.year()
            ),
            Period::Week => format!("semaine du {} {month} {}", day_number(start), start.year()),
            Period::Month => format!("{month} {}", start.year()),
        }
    }

    /// The bucket under a chart's bar: "29 mars", "sem. 13", "mars 2026".
    pub fn bucket_label(self, start: NaiveDate) -> String {
        match self {
            Period::Day => format!("{} {}", day_number(start), SHORT_MONTHS[start.month0() as usize]),
            Period::Week => format!("sem. {}", start.iso_week().week()),
            Period::Month => format!("{} {}", SHORT_MONTHS[start.month0() as usize], start.year()),
        }
    }
}

/// French writes the first of the month "1er".
fn day_number(date: NaiveDate) -> String {
    match date.day() {
        1 => "1er".to_owned(),
        d => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    pub(super) fn paris(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Paris
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    /// A call with nothing else known, for tests to fill in.
    pub(super) fn call(started_at: DateTime<Utc>, outcome: Option<&str>) -> ContactFact {
        ContactFact {
            started_at,
            channel: Channel::Voice,
            line: None,
            outcome: outcome.map(str::to_owned),
            abandoned_at: None,
            wait_secs: None,
            need: None,
            urgent: false,
            callback: None,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn periods_parse_and_read_in_french() {
        for p in [Period::Day, Period::Week, Period::Month] {
            let key = p.label().trim_start_matches("par ");
            assert_eq!(Period::parse(key), Some(p));
        }
        assert_eq!(Period::parse("année"), None);
        assert_eq!(Period::Day.bucket_name(date(2026, 3, 29)), "dimanche 29 mars 2026");
        assert_eq!(Period::Day.bucket_label(date(2026, 4, 1)), "1er avr.");
        assert_eq!(Period::Week.bucket_name(date(2026, 3, 23)), "semaine du 23 mars 2026");
        assert_eq!(Period::Week.bucket_label(date(2026, 3, 23)), "sem. 13");
        assert_eq!(Period::Month.bucket_name(date(2026, 8, 1)), "août 2026");
        assert_eq!(Period::Month.bucket_label(date(2026, 2, 1)), "févr. 2026");
    }

    #[test]
    fn buckets_start_on_monday_and_the_first_of_the_month() {
        // Sunday 29 March 2026 belongs to the week of Monday 23 March.
        assert_eq!(Period::Week.start_of(date(2026, 3, 29)), date(2026, 3, 23));
        assert_eq!(Period::Week.start_of(date(2026, 3, 30)), date(2026, 3, 30));
        assert_eq!(Period::Month.start_of(date(2026, 2, 28)), date(2026, 2, 1));
        assert_eq!(Period::Month.next(date(2026, 12, 1)), date(2027, 1, 1));
        assert_eq!(Period::Week.next(date(2026, 12, 28)), date(2027, 1, 4));
    }
}
