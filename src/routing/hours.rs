//! Opening hours of the helpline, evaluated in the line's time zone.
//!
//! The configuration is a weekly list of wall-clock windows per day, plus
//! whole-day closures (public holidays of a [`HolidayRegion`] and extra
//! dates). Everything is evaluated on local wall-clock time because that is
//! what the staff and the callers read on their clocks; instants are only
//! converted to it, never the other way round, so the daylight-saving
//! overlap (when 02:00–03:00 happens twice) is handled without special cases.
//!
//! # Rules
//!
//! - A window `"HH:MM-HH:MM"` is the half-open local interval `[start, end)`.
//!   When `end` is not after `start` (`"22:00-02:00"`, or `"20:00-24:00"`
//!   where `24:00` means the end of the day) the window runs into the next
//!   day, but it still *belongs to the day it starts on*.
//! - A closed day (a public holiday when `closed_on_holidays` is set, or one
//!   of `closed_dates`) suppresses every window that starts on that day,
//!   including the part after midnight, and nothing else. So with
//!   `saturday = ["22:00-02:00"]`, a holiday on Saturday closes Saturday
//!   22:00 to Sunday 02:00, while a holiday on Sunday leaves that window open
//!   (Sunday's own windows are closed).
//! - A window starting in the spring-forward gap opens at the first instant
//!   after the gap (a window lying wholly inside the gap never opens); during
//!   the autumn overlap a wall-clock time inside a window is open both times
//!   it occurs.
//!
//! All functions are pure: the current instant is always an argument.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Timelike, Utc, Weekday,
};
use chrono_tz::Tz;

use super::holidays::{holiday_name, HolidayRegion};

/// The `[hours]` section of the configuration.
///
/// A day that is missing or empty is closed all day. `Default` is a line
/// that is never open but still closed on holidays, matching an empty
/// `[hours]` table.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HoursConfig {
    #[serde(default)]
    pub monday: Vec<String>,
    #[serde(default)]
    pub tuesday: Vec<String>,
    #[serde(default)]
    pub wednesday: Vec<String>,
    #[serde(default)]
    pub thursday: Vec<String>,
    #[serde(default)]
    pub friday: Vec<String>,
    #[serde(default)]
    pub saturday: Vec<String>,
    #[serde(default)]
    pub sunday: Vec<String>,
    /// Close on the public holidays of the line's region.
    #[serde(default = "yes")]
    pub closed_on_holidays: bool,
    /// Extra whole-day closures, as local dates. Accepts both TOML strings
    /// (`"2026-12-24"`) and TOML local dates (`2026-12-24`).
    #[serde(default, deserialize_with = "deserialize_dates")]
    pub closed_dates: Vec<NaiveDate>,
}

fn yes() -> bool {
    true
}

impl Default for HoursConfig {
    // Written by hand so that `HoursConfig::default()` and an empty `[hours]`
    // table agree on `closed_on_holidays`.
    fn default() -> Self {
        HoursConfig {
            monday: Vec::new(),
            tuesday: Vec::new(),
            wednesday: Vec::new(),
            thursday: Vec::new(),
            friday: Vec::new(),
            saturday: Vec::new(),
            sunday: Vec::new(),
            closed_on_holidays: true,
            closed_dates: Vec::new(),
        }
    }
}

impl HoursConfig {
    /// The windows of each day with the day's configuration key, Monday first.
    fn days(&self) -> [(&'static str, &[String]); 7] {
        [
            ("monday", &self.monday),
            ("tuesday", &self.tuesday),
            ("wednesday", &self.wednesday),
            ("thursday", &self.thursday),
            ("friday", &self.friday),
            ("saturday", &self.saturday),
            ("sunday", &self.sunday),
        ]
    }
}

/// TOML hands a native date to serde as a one-entry map rather than a
/// string; accepting both spares the staff a confusing "invalid type: map"
/// error when they write `closed_dates = [2026-12-24]`.
fn deserialize_dates<'de, D>(deserializer: D) -> Result<Vec<NaiveDate>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct LenientDate(NaiveDate);

    struct LenientDateVisitor;

    impl<'de> serde::de::Visitor<'de> for LenientDateVisitor {
        type Value = LenientDate;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date written as \"2026-12-24\"")
        }

        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<LenientDate, E> {
            NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
                .map(LenientDate)
                .map_err(|_| {
                    E::custom(format!(
                        "hours.closed_dates: {value:?} is not a date; write it as \"2026-12-24\""
                    ))
                })
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<LenientDate, A::Error> {
            let Some((_, value)) = map.next_entry::<serde::de::IgnoredAny, String>()? else {
                return Err(serde::de::Error::invalid_length(0, &self));
            };
            if map.next_key::<serde::de::IgnoredAny>()?.is_some() {
                return Err(serde::de::Error::invalid_length(2, &self));
            }
            self.visit_str(&value)
        }
    }

    impl<'de> serde::Deserialize<'de> for LenientDate {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(LenientDateVisitor)
        }
    }

    let dates: Vec<LenientDate> = serde::Deserialize::deserialize(deserializer)?;
    Ok(dates.into_iter().map(|date| date.0).collect())
}

/// One opening window: the local interval `[start, end)`.
///
/// When `end <= start` the window runs past midnight into the next day, and
/// `end == 00:00` means "until midnight". `start == end` therefore spans a
/// full 24 hours; parsing only produces it from `"00:00-24:00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeWindow {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl TimeWindow {
    /// The whole day, `"00:00-24:00"`.
    pub const ALL_DAY: TimeWindow = TimeWindow {
        start: NaiveTime::MIN,
        end: NaiveTime::MIN,
    };

    /// Whether the window ends on the day after it starts.
    pub fn crosses_midnight(self) -> bool {
        self.end <= self.start
    }

    /// The wall-clock interval this window covers when it starts on `day`;
    /// `None` only at the very end of chrono's calendar.
    fn on(self, day: NaiveDate) -> Option<(NaiveDateTime, NaiveDateTime)> {
        let end_day = if self.crosses_midnight() { day.succ_opt()? } else { day };
        Some((day.and_time(self.start), end_day.and_time(self.end)))
    }
}

impl fmt::Display for TimeWindow {
    /// Formats back to the configuration syntax, with `24:00` for an end at
    /// midnight so that the text reads as the staff wrote it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let end = if self.end == NaiveTime::MIN {
            "24:00".to_owned()
        } else {
            self.end.format("%H:%M").to_string()
        };
        write!(f, "{}-{}", self.start.format("%H:%M"), end)
    }
}

/// Why a string is not a [`TimeWindow`]. Each message quotes the value and
/// says how to write it, because it ends up in front of whoever edits the
/// configuration.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeWindowError {
    #[error("{0:?} is not a time window; write it as \"09:00-12:30\"")]
    NotAWindow(String),
    #[error(
        "{time:?} in {window:?} is not a time of day; use HH:MM from 00:00 to 23:59 \
         (24:00 is allowed only as an end, meaning midnight)"
    )]
    BadTime { window: String, time: String },
    #[error(
        "{0:?} starts and ends at the same time; a window needs a duration \
         (write \"00:00-24:00\" for a whole day)"
    )]
    Empty(String),
}

impl FromStr for TimeWindow {
    type Err = TimeWindowError;

    /// Parses `"HH:MM-HH:MM"` (blanks around the parts and an en dash are
    /// tolerated, as they are easily typed by hand).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let not_a_window = || TimeWindowError::NotAWindow(text.to_owned());
        let (start, end) = text.trim().split_once(['-', '–']).ok_or_else(not_a_window)?;
        let (start, end) = (start.trim(), end.trim());
        // Shape first, range second: "25:00" deserves "not a time of day",
        // "9h" deserves "write it as 09:00-12:30".
        let start_parts = clock_parts(start).ok_or_else(not_a_window)?;
        let end_parts = clock_parts(end).ok_or_else(not_a_window)?;
        let bad_time = |time: &str| TimeWindowError::BadTime {
            window: text.to_owned(),
            time: time.to_owned(),
        };
        let start_minutes = minutes_of_day(start_parts)
            .filter(|&minutes| minutes < MINUTES_PER_DAY)
            .ok_or_else(|| bad_time(start))?;
        let end_minutes = minutes_of_day(end_parts).ok_or_else(|| bad_time(end))?;
        if start_minutes == end_minutes {
            return Err(TimeWindowError::Empty(text.to_owned()));
        }
        Ok(TimeWindow {
            start: time_of_minutes(start_minutes).ok_or_else(|| bad_time(start))?,
            end: time_of_minutes(end_minutes % MINUTES_PER_DAY).ok_or_else(|| bad_time(end))?,
        })
    }
}

const MINUTES_PER_DAY: u32 = 24 * 60;

/// The hour and minute of a `H:MM` or `HH:MM` string, not range-checked.
fn clock_parts(text: &str) -> Option<(u32, u32)> {
    let (hours, minutes) = text.split_once(':')?;
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(1..=2).contains(&hours.len()) || minutes.len() != 2 || !all_digits(hours) || !all_digits(minutes) {
        return None;
    }
    Some((hours.parse().ok()?, minutes.parse().ok()?))
}

/// Minutes since midnight, up to 1440 for `24:00`.
fn minutes_of_day((hours, minutes): (u32, u32)) -> Option<u32> {
    let total = hours * 60 + minutes;
    (minutes < 60 && total <= MINUTES_PER_DAY).then_some(total)
}

fn time_of_minutes(minutes: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)
}

/// A configuration error, naming the configuration key at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    /// One of a day's windows does not parse.
    #[error("hours.{day}: {error}")]
    InvalidWindow {
        /// The configuration key, e.g. `"monday"`.
        day: &'static str,
        error: TimeWindowError,
    },
}

/// Why the line is closed at a given instant, for the call timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Closure {
    /// A public holiday of the line's region, with its French name.
    Holiday(&'static str),
    /// One of the configured `closed_dates`.
    ClosedDate,
    /// An ordinary day, outside the weekly windows.
    OutsideHours,
}

impl fmt::Display for Closure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Closure::Holiday(name) => write!(f, "public holiday ({name})"),
            Closure::ClosedDate => f.write_str("closed date"),
            Closure::OutsideHours => f.write_str("outside opening hours"),
        }
    }
}

/// Validated opening hours, bound to a time zone.
#[derive(Debug, Clone)]
pub struct OpeningHours {
    tz: Tz,
    /// Windows per weekday, Monday first.
    week: [Vec<TimeWindow>; 7],
    /// The region whose holidays close the line; `None` when holidays are ignored.
    holidays: Option<HolidayRegion>,
    closed_dates: BTreeSet<NaiveDate>,
}

/// Real UTC offsets lie within −12:00..+14:00; a wider margin costs nothing
/// and keeps historical local mean times covered.
const MAX_OFFSET: TimeDelta = TimeDelta::hours(16);

/// How far next_opening looks, in days after the local date of its argument.
const SEARCH_DAYS: i64 = 400;

impl OpeningHours {
    /// Validates `cfg` and binds it to `tz`; `region` selects the holidays
    /// that close the line when `cfg.closed_on_holidays` is set.
    pub fn from_config(cfg: &HoursConfig, tz: Tz, region: HolidayRegion) -> Result<OpeningHours, HoursError> {
        let mut week: [Vec<TimeWindow>; 7] = Default::default();
        for (slot, (day, texts)) in week.iter_mut().zip(cfg.days()) {
            *slot = texts
                .iter()
                .map(|text| text.parse().map_err(|error| HoursError::InvalidWindow { day, error }))
                .collect::<Result<_, _>>()?;
        }
        Ok(OpeningHours {
            tz,
            week,
            holidays: cfg.closed_on_holidays.then_some(region),
            closed_dates: cfg.closed_dates.iter().copied().collect(),
        })
    }

    /// A line open around the clock, every day, holidays included.
    pub fn always_open(tz: Tz) -> OpeningHours {
        OpeningHours {
            tz,
            week: std::array::from_fn(|_| vec![TimeWindow::ALL_DAY]),
            holidays: None,
            closed_dates: BTreeSet::new(),
        }
    }

    /// The time zone the hours are evaluated in.
    pub fn timezone(&self) -> Tz {
        self.tz
    }

    /// Whether the line is open at `at`.
    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        let local = self.wall_clock(at);
        self.covering(local).any(|(day, _)| self.day_closure(day).is_none())
    }

    /// Why the line is closed at `at`, or `None` when it is open.
    ///
    /// When a window would cover `at` but its day is closed, that day's
    /// reason is given (so Sunday 01:00 inside Saturday's `22:00-02:00`
    /// reports Saturday's holiday). Otherwise a closure of the current local
    /// day wins over [`Closure::OutsideHours`], since "closed today for
    /// Toussaint" is what a caller wants to hear even at night.
    pub fn closure(&self, at: DateTime<Utc>) -> Option<Closure> {
        let local = self.wall_clock(at);
        let mut suppressed = None;
        for (day, _) in self.covering(local) {
            match self.day_closure(day) {
                None => return None,
                Some(reason) => {
                    suppressed.get_or_insert(reason);
                }
            }
        }
        Some(
            suppressed
                .or_else(|| self.day_closure(local.date()))
                .unwrap_or(Closure::OutsideHours),
        )
    }

    /// The first instant `t >= at` at which the line is open: `at` itself
    /// when it is open, otherwise the next opening. Windows starting up to
    /// 400 days after `at`'s local date are considered; `None` if none opens.
    ///
    /// The result is always a real instant, so it never names a local time
    /// that does not exist: a window starting in the spring-forward gap
    /// yields the first instant after the gap.
    pub fn next_opening(&self, at: DateTime<Utc>) -> Option<DateTime<Tz>> {
        if self.is_open(at) {
            return Some(at.with_timezone(&self.tz));
        }
        let today = self.wall_clock(at).date();
        let mut best: Option<(DateTime<Utc>, NaiveDate)> = None;
        // Two days back: a window that crosses midnight, seen through a
        // backward clock change, can still be ahead of `at`.
        for offset in -2..=SEARCH_DAYS {
            let Some(day) = today.checked_add_signed(TimeDelta::days(offset)) else {
                continue;
            };
            if let Some((_, found_on)) = best {
                // A window of a later day starts at least a day later in wall
                // time, which no clock change can undo beyond a few hours.
                if (day - found_on).num_days() > 3 {
                    break;
                }
            }
            if self.day_closure(day).is_some() {
                continue;
            }
            for window in &self.week[weekday_index(day.weekday())] {
                let Some((start, end)) = window.on(day) else {
                    continue;
                };
                let Some(candidate) = first_instant_in(self.tz, start, end, at) else {
                    continue;
                };
                if best.is_none_or(|(instant, _)| candidate < instant) {
                    let found_on = best.map_or(day, |(_, found_on)| found_on);
                    best = Some((candidate, found_on));
                }
            }
        }
        best.map(|(instant, _)| instant.with_timezone(&self.tz))
    }

    fn wall_clock(&self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.tz).naive_local()
    }

    /// The (start day, window) pairs whose wall-clock interval contains
    /// `local`, whether or not their day is closed.
    fn covering(&self, local: NaiveDateTime) -> impl Iterator<Item = (NaiveDate, TimeWindow)> + '_ {
        let today = local.date();
        [today.pred_opt(), Some(today)]
            .into_iter()
            .flatten()
            .flat_map(move |day| {
                self.week[weekday_index(day.weekday())]
                    .iter()
                    .map(move |window| (day, *window))
            })
            .filter(move |(day, window)| {
                window
                    .on(*day)
                    .is_some_and(|(start, end)| start <= local && local < end)
            })
    }

    /// Why a whole local day is closed, if it is. A holiday is reported in
    /// preference to a closed date because its name says more to a caller.
    fn day_closure(&self, day: NaiveDate) -> Option<Closure> {
        if let Some(name) = self.holidays.and_then(|region| holiday_name(day, region)) {
            return Some(Closure::Holiday(name));
        }
        self.closed_dates.contains(&day).then_some(Closure::ClosedDate)
    }
}

fn weekday_index(day: Weekday) -> usize {
    day.num_days_from_monday() as usize
}

/// The UTC offset of `tz` at `at`.
/// The UTC offset of `tz` at `at`.
pub(crate) fn offset_at(tz: Tz, at: DateTime<Utc>) -> TimeDelta {
    let seconds = tz.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc();
    TimeDelta::seconds(i64::from(seconds))
}

fn offset_at_second(tz: Tz, timestamp: i64) -> Option<TimeDelta> {
    DateTime::from_timestamp(timestamp, 0).map(|at| offset_at(tz, at))
}

/// The earliest instant `>= not_before` whose wall-clock time in `tz` lies
/// in `[start, end)`.
///
/// Converting wall-clock times to instants is ambiguous around clock
/// changes, so this works the other way: it splits time into spans of
/// constant offset, where wall time is `instant + offset`, and intersects
/// each span with the preimage of the interval. That gives the gap rule and
/// both passes of the overlap for free.
fn first_instant_in(
    tz: Tz,
    start: NaiveDateTime,
    end: NaiveDateTime,
    not_before: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let (start, end) = (start.and_utc(), end.and_utc());
    let mut span_start = not_before.max(start.checked_sub_signed(MAX_OFFSET)?);
    let limit = end.checked_add_signed(MAX_OFFSET)?;
    while span_start < limit {
        let offset = offset_at(tz, span_start);
        let span_end = next_offset_change(tz, span_start, offset, limit);
        let from = span_start.max(start.checked_sub_signed(offset)?);
        let until = span_end.min(end.checked_sub_signed(offset)?);
        if from < until {
            return Some(from);
        }
        span_start = span_end;
    }
    None
}

/// The first instant after `from` (at which the offset is `offset`) where the
/// offset changes, or `limit` if it does not change before.
///
/// Time zones expose no list of transitions, so offsets are probed hourly
/// and a change is pinned to the second by bisection; tzdata transitions are
/// whole seconds and months apart, never two within an hour.
pub(crate) fn next_offset_change(
    tz: Tz,
    from: DateTime<Utc>,
    offset: TimeDelta,
    limit: DateTime<Utc>,
) -> DateTime<Utc> {
    let step = TimeDelta::hours(1);
    let mut probe = from;
    while probe < limit {
        let next = probe.checked_add_signed(step).map_or(limit, |next| next.min(limit));
        if offset_at(tz, next) != offset {
            // The offset is constant within a second, so the floor of `probe`
            // still has the old one and the ceiling of `next` the new one.
            let mut same = probe.timestamp();
            let mut changed = next.timestamp() + i64::from(next.timestamp_subsec_nanos() > 0);
            while changed - same > 1 {
                let middle = same + (changed - same) / 2;
                if offset_at_second(tz, middle) == Some(offset) {
                    same = middle;
                } else {
                    changed = middle;
                }
            }
            return DateTime::from_timestamp(changed, 0).map_or(next, |change| change.max(from));
        }
        probe = next;
    }
    limit
}

/// Spoken French telling a caller when the line reopens, relative to `now`,
/// both read in `now`'s time zone: "aujourd'hui à 14 heures", "ce soir à
/// 22 heures", "demain à 9 heures 30", "lundi à 9 heures" (two to six days
/// ahead), otherwise "lundi 4 janvier à 9 heures" (with the year when more
/// than about ten months ahead).
///
/// "ce soir" is used for today from 18:00; a reopening before 05:00 the next
/// day, asked about in the evening, is "cette nuit à 1 heure" rather than a
/// misleading "demain". Times are rounded up to the minute, never down, so a
/// caller is never told to call back before the line is open. Midnight is
/// said as the end of the evening before ("ce soir à minuit", "demain soir à
/// minuit"), the usual way to make it unambiguous in French. A `reopen` not
/// after `now` gives "dès maintenant".
pub fn spoken_reopening(now: DateTime<Tz>, reopen: DateTime<Tz>) -> String {
    if reopen <= now {
        return "dès maintenant".to_owned();
    }
    let reopen = round_up_to_minute(reopen.with_timezone(&now.timezone()).naive_local());
    let today = now.date_naive();
    let time = reopen.time();
    if time == NaiveTime::MIN {
        let evening = reopen.date().pred_opt().unwrap_or(reopen.date());
        let days = (evening - today).num_days().max(0);
        let when = match days {
            0 => "ce soir".to_owned(),
            1 => "demain soir".to_owned(),
            2..=6 => format!("{} soir", weekday_name(evening.weekday())),
            _ => format!("{} au soir,", spoken_date(evening, days)),
        };
        return format!("{when} à minuit");
    }
    let days = (reopen.date() - today).num_days().max(0);
    let at = spoken_time(time);
    match days {
        0 if time.hour() >= 18 => format!("ce soir à {at}"),
        0 => format!("aujourd'hui à {at}"),
        1 if time.hour() < 5 && now.hour() >= 18 => format!("cette nuit à {at}"),
        1 => format!("demain à {at}"),
        2..=6 => format!("{} à {at}", weekday_name(reopen.weekday())),
        _ => format!("{} à {at}", spoken_date(reopen.date(), days)),
    }
}

fn round_up_to_minute(local: NaiveDateTime) -> NaiveDateTime {
    let truncated = local.with_second(0).and_then(|t| t.with_nanosecond(0)).unwrap_or(local);
    if truncated == local {
        return local;
    }
    truncated.checked_add_signed(TimeDelta::minutes(1)).unwrap_or(truncated)
}

/// "midi", "minuit", "1 heure", "9 heures", "9 heures 5", "12 heures 30".
fn spoken_time(time: NaiveTime) -> String {
    let (hour, minute) = (time.hour(), time.minute());
    let hours = match (hour, minute) {
        (0, 0) => return "minuit".to_owned(),
        (12, 0) => return "midi".to_owned(),
        (0 | 1, _) => format!("{hour} heure"),
        _ => format!("{hour} heures"),
    };
    if minute == 0 {
        hours
    } else {
        format!("{hours} {minute}")
    }
}

/// "vendredi 1er janvier", "lundi 4 janvier", plus the year when the date
/// is far enough ahead for the day and month alone to be misunderstood.
fn spoken_date(date: NaiveDate, days_ahead: i64) -> String {
    let day = match date.day() {
        1 => "1er".to_owned(),
        n => n.to_string(),
    };
    let mut text = format!("{} {day} {}", weekday_name(date.weekday()), month_name(date.month()));
    if days_ahead > 300 {
        text.push_str(&format!(" {}", date.year()));
    }
    text
}

/// The French name of a weekday, lower-case.
/// The first instant of a local day, in UTC. A day starting in a DST gap
/// (none in France, where clocks change at 2 or 3 a.m.) starts at its first
/// valid instant.
pub fn day_start(tz: Tz, day: chrono::NaiveDate) -> DateTime<Utc> {
    let mut t = day.and_time(NaiveTime::MIN);
    loop {
        if let Some(l) = t.and_local_timezone(tz).earliest() {
            return l.with_timezone(&Utc);
        }
        t += TimeDelta::minutes(30);
    }
}

pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// The French name of a month (1 to 12), lower-case.
pub fn month_name(month: u32) -> &'static str {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    month
        .checked_sub(1)
        .and_then(|index| MONTHS.get(index as usize))
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::LocalResult;
    use chrono_tz::Europe::Paris;
    use proptest::prelude::*;

    /// The `[hours]` table as the real configuration nests it.
    #[derive(serde::Deserialize, serde::Serialize)]
    struct Config {
        hours: HoursConfig,
    }

    fn parse_config(text: &str) -> Result<HoursConfig, toml::de::Error> {
        toml::from_str::<Config>(text).map(|c| c.hours)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    /// A Paris wall-clock time that exists exactly once.
    fn paris(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        let local = date(y, m, d).and_hms_opt(h, mi, 0).expect("valid test time");
        match Paris.from_local_datetime(&local) {
            LocalResult::Single(t) => t.with_timezone(&Utc),
            other => panic!("{local} is not a unique Paris time: {other:?}"),
        }
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        date(y, m, d).and_hms_opt(h, mi, 0).expect("valid test time").and_utc()
    }

    /// A weekly schedule as (start, end) minutes per day, Monday first; an
    /// end not after the start runs into the next day, 1440 is "24:00".
    type Schedule = [&'static [(u32, u32)]; 7];

    const WEEKDAY_HOURS: &[(u32, u32)] = &[(9 * 60, 12 * 60 + 30), (13 * 60 + 30, 19 * 60)];
    /// The line's usual hours: Mon–Fri 09:00-12:30 and 13:30-19:00, Sat 09:00-12:00.
    const DEFAULT_WEEK: Schedule = [
        WEEKDAY_HOURS,
        WEEKDAY_HOURS,
        WEEKDAY_HOURS,
        WEEKDAY_HOURS,
        WEEKDAY_HOURS,
        &[(9 * 60, 12 * 60)],
        &[],
    ];
    /// Straddles both daylight-saving changes of Europe/Paris.
    const DST_WEEK: Schedule = [&[(90, 165)]; 7];
    /// Windows that cross midnight, one ending exactly at 24:00.
    const NIGHT_WEEK: Schedule = [
        &[(9 * 60, 17 * 60)],
        &[(9 * 60, 17 * 60)],
        &[(9 * 60, 17 * 60)],
        &[(9 * 60, 17 * 60), (22 * 60, 60)],
        &[(18 * 60, 1440)],
        &[(22 * 60, 3 * 60)],
        &[(20 * 60, 60)],
    ];

    fn clock(minutes: u32) -> String {
        format!("{:02}:{:02}", minutes / 60, minutes % 60)
    }

    fn config_of(schedule: &Schedule) -> HoursConfig {
        let days: Vec<Vec<String>> = schedule
            .iter()
            .map(|windows| {
                windows
                    .iter()
                    .map(|&(s, e)| format!("{}-{}", clock(s), clock(e)))
                    .collect()
            })
            .collect();
        HoursConfig {
            monday: days[0].clone(),
            tuesday: days[1].clone(),
            wednesday: days[2].clone(),
            thursday: days[3].clone(),
            friday: days[4].clone(),
            saturday: days[5].clone(),
            sunday: days[6].clone(),
            ..HoursConfig::default()
        }
    }

    fn hours_of(schedule: &Schedule) -> OpeningHours {
        OpeningHours::from_config(&config_of(schedule), Paris, HolidayRegion::Metropole)
            .expect("test schedule is valid")
    }

    fn default_hours() -> OpeningHours {
        hours_of(&DEFAULT_WEEK)
    }

    /// Independent re-computation from the wall clock, in minutes.
    fn naive_open(schedule: &Schedule, wall: NaiveDateTime) -> bool {
        let minute = wall.hour() * 60 + wall.minute();
        [(wall.date(), 0), (wall.date().pred_opt().expect("in range"), 1440)]
            .into_iter()
            .filter(|(day, _)| holiday_name(*day, HolidayRegion::Metropole).is_none())
            .any(|(day, shift)| {
                schedule[day.weekday().num_days_from_monday() as usize]
                    .iter()
                    .any(|&(start, end)| {
                        let end = if end <= start { end + 1440 } else { end };
                        (start..end).contains(&(minute + shift))
                    })
            })
    }

    /// The checks every next_opening result must pass.
    fn check_next_opening(hours: &OpeningHours, at: DateTime<Utc>) -> Result<(), TestCaseError> {
        let next = hours.next_opening(at);
        prop_assert!(next.is_some(), "never opens after {at}");
        let next = next.expect("checked").with_timezone(&Utc);
        prop_assert!(next >= at);
        prop_assert!(hours.is_open(next), "closed at its own next opening {next}");
        let local = next.with_timezone(&Paris);
        let resolved = Paris.from_local_datetime(&local.naive_local());
        prop_assert!(
            resolved.earliest() == Some(local) || resolved.latest() == Some(local),
            "{local} is not a real Paris time"
        );
        if next > at {
            let gap = next - at;
            for k in 0..16 {
                let probe = at + gap * k / 16;
                prop_assert!(!hours.is_open(probe), "open at {probe} before {next}");
            }
            prop_assert!(!hours.is_open(next - TimeDelta::seconds(1)));
            // Windows start on whole minutes and Paris changes clocks on whole
            // hours, so a minute-by-minute scan of the first hours finds any
            // opening the sparse samples above would step over.
            let first_minute = at.timestamp().div_euclid(60) * 60 + 60;
            let scan_end = next.min(at + TimeDelta::hours(4));
            for minute in (first_minute..scan_end.timestamp()).step_by(60) {
                let probe = DateTime::from_timestamp(minute, 0).expect("in range");
                prop_assert!(!hours.is_open(probe), "open at {probe} before {next}");
            }
        }
        Ok(())
    }

    // ---- parsing ----

    #[test]
    fn parses_windows() {
        let w = |s: &str| s.parse::<TimeWindow>();
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("valid");
        assert_eq!(
            w("09:00-12:30"),
            Ok(TimeWindow {
                start: t(9, 0),
                end: t(12, 30)
            })
        );
        assert_eq!(
            w(" 9:00 - 12:30 "),
            Ok(TimeWindow {
                start: t(9, 0),
                end: t(12, 30)
            })
        );
        assert_eq!(
            w("09:00–12:30"),
            Ok(TimeWindow {
                start: t(9, 0),
                end: t(12, 30)
            })
        );
        let night = w("22:00-02:00").expect("valid");
        assert!(night.crosses_midnight());
        let evening = w("20:00-24:00").expect("valid");
        assert_eq!(evening.end, NaiveTime::MIN);
        assert!(evening.crosses_midnight());
        assert_eq!(evening.to_string(), "20:00-24:00");
        assert_eq!(w("00:00-24:00"), Ok(TimeWindow::ALL_DAY));
        assert!(!w("09:00-12:30").expect("valid").crosses_midnight());
    }

    #[test]
    fn rejects_bad_windows_with_helpful_messages() {
        let w = |s: &str| s.parse::<TimeWindow>().unwrap_err();
        assert_eq!(w("9h-12h"), TimeWindowError::NotAWindow("9h-12h".into()));
        assert!(matches!(w(""), TimeWindowError::NotAWindow(_)));
        assert!(matches!(w("09:00"), TimeWindowError::NotAWindow(_)));
        assert!(matches!(w("09:00-"), TimeWindowError::NotAWindow(_)));
        assert!(matches!(w("09:0-12:00"), TimeWindowError::NotAWindow(_)));
        assert!(matches!(w("-1:00-02:00"), TimeWindowError::NotAWindow(_)));
        assert_eq!(
            w("25:00-26:00"),
            TimeWindowError::BadTime {
                window: "25:00-26:00".into(),
                time: "25:00".into()
            }
        );
        assert_eq!(
            w("12:00-12:60"),
            TimeWindowError::BadTime {
                window: "12:00-12:60".into(),
                time: "12:60".into()
            }
        );
        assert!(matches!(w("24:00-02:00"), TimeWindowError::BadTime { .. }));
        assert!(matches!(w("22:00-24:30"), TimeWindowError::BadTime { .. }));
        assert_eq!(w("09:00-09:00"), TimeWindowError::Empty("09:00-09:00".into()));
        assert_eq!(w("00:00-00:00"), TimeWindowError::Empty("00:00-00:00".into()));
    }

    #[test]
    fn config_errors_name_the_day_and_the_expected_format() {
        let cfg = HoursConfig {
            tuesday: vec!["09:00-19:00".into()],
            wednesday: vec!["09:00-12:00".into(), "9h-12h".into()],
            ..HoursConfig::default()
        };
        let err = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).unwrap_err();
        assert_eq!(
            err.to_string(),
            "hours.wednesday: \"9h-12h\" is not a time window; write it as \"09:00-12:30\""
        );
        let cfg = HoursConfig {
            sunday: vec!["10:00-10:00".into()],
            ..HoursConfig::default()
        };
        let message = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole)
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("hours.sunday: \"10:00-10:00\" starts and ends"),
            "{message}"
        );
        assert!(message.contains("00:00-24:00"), "{message}");
        let cfg = HoursConfig {
            friday: vec!["18:00-25:00".into()],
            ..HoursConfig::default()
        };
        let message = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole)
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("hours.friday: \"25:00\" in \"18:00-25:00\""),
            "{message}"
        );
        assert!(message.contains("HH:MM"), "{message}");
    }

    #[test]
    fn reads_the_documented_toml() {
        let cfg = parse_config(
            r#"
            [hours]
            monday = ["09:00-12:30", "13:30-19:00"]
            tuesday = ["09:00-19:00"]
            saturday = ["22:00-02:00"]
            closed_dates = ["2026-12-24", 2026-12-31]
            "#,
        )
        .expect("valid configuration");
        assert_eq!(cfg.monday, ["09:00-12:30", "13:30-19:00"]);
        assert!(cfg.wednesday.is_empty() && cfg.sunday.is_empty());
        assert!(cfg.closed_on_holidays, "closing on holidays is the default");
        assert_eq!(cfg.closed_dates, [date(2026, 12, 24), date(2026, 12, 31)]);
        OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid hours");

        let empty = parse_config("[hours]\n").expect("empty table is valid");
        assert_eq!(empty, HoursConfig::default());

        let off = parse_config("[hours]\nclosed_on_holidays = false\n").expect("valid");
        assert!(!off.closed_on_holidays);
    }

    #[test]
    fn toml_round_trips() {
        let cfg = Config {
            hours: HoursConfig {
                friday: vec!["18:00-24:00".into()],
                closed_dates: vec![date(2026, 12, 24)],
                ..HoursConfig::default()
            },
        };
        let text = toml::to_string(&cfg).expect("serialises");
        assert_eq!(parse_config(&text).expect("reads back"), cfg.hours);
    }

    #[test]
    fn toml_rejects_unknown_fields_and_bad_dates() {
        let message = parse_config("[hours]\nmondey = [\"09:00-12:00\"]\n")
            .unwrap_err()
            .to_string();
        assert!(message.contains("unknown field `mondey`"), "{message}");
        let message = parse_config("[hours]\nclosed_dates = [\"2026-13-01\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("\"2026-13-01\" is not a date; write it as \"2026-12-24\""),
            "{message}"
        );
        assert!(parse_config("[hours]\nclosed_dates = [2026-12-24T10:00:00]\n").is_err());
        assert!(parse_config("[hours]\nclosed_on_holidays = \"yes\"\n").is_err());
    }

    // ---- is_open and closure ----

    #[test]
    fn weekday_windows_and_lunch_break() {
        let hours = default_hours();
        // Monday 2 March 2026.
        let open = [(9, 0), (10, 0), (12, 29), (13, 30), (18, 59)];
        let closed = [(0, 0), (8, 59), (12, 30), (12, 45), (13, 29), (19, 0), (23, 0)];
        for (h, m) in open {
            assert!(hours.is_open(paris(2026, 3, 2, h, m)), "{h}:{m}");
            assert_eq!(hours.closure(paris(2026, 3, 2, h, m)), None);
        }
        for (h, m) in closed {
            assert!(!hours.is_open(paris(2026, 3, 2, h, m)), "{h}:{m}");
            assert_eq!(hours.closure(paris(2026, 3, 2, h, m)), Some(Closure::OutsideHours));
        }
        // Saturday morning only, Sunday never.
        assert!(hours.is_open(paris(2026, 3, 7, 11, 59)));
        assert!(!hours.is_open(paris(2026, 3, 7, 12, 0)));
        assert!(!hours.is_open(paris(2026, 3, 1, 22, 0)));
        assert!(!hours.is_open(paris(2026, 3, 1, 10, 0)));
        assert_eq!(hours.closure(paris(2026, 3, 1, 22, 0)), Some(Closure::OutsideHours));
    }

    #[test]
    fn evaluated_in_the_configured_time_zone() {
        let hours = default_hours();
        // 09:30 in Paris is 08:30 UTC in winter and 07:30 UTC in summer.
        assert!(hours.is_open(utc(2026, 3, 2, 8, 30)));
        assert!(!hours.is_open(utc(2026, 3, 2, 7, 59)));
        assert!(hours.is_open(utc(2026, 6, 1, 7, 30)));
        let reunion = OpeningHours::from_config(
            &config_of(&DEFAULT_WEEK),
            HolidayRegion::Reunion.default_timezone(),
            HolidayRegion::Reunion,
        )
        .expect("valid");
        assert_eq!(reunion.timezone(), chrono_tz::Indian::Reunion);
        // 09:30 in Réunion (UTC+4) is 05:30 UTC.
        assert!(reunion.is_open(utc(2026, 3, 2, 5, 30)));
        assert!(!reunion.is_open(utc(2026, 3, 2, 8, 30)));
        // 20 December is Réunion's abolition day, not a holiday in Paris.
        assert_eq!(
            reunion.closure(utc(2027, 12, 20, 6, 0)),
            Some(Closure::Holiday("Abolition de l'esclavage"))
        );
        assert!(default_hours().is_open(paris(2027, 12, 20, 10, 0)));
    }

    #[test]
    fn holidays_and_closed_dates_close_the_day() {
        let hours = default_hours();
        let national_day = paris(2026, 7, 14, 10, 0);
        assert!(!hours.is_open(national_day));
        assert_eq!(hours.closure(national_day), Some(Closure::Holiday("Fête nationale")));
        // The day's closure is the reason even outside the windows.
        assert_eq!(
            hours.closure(paris(2026, 7, 14, 22, 0)),
            Some(Closure::Holiday("Fête nationale"))
        );
        assert_eq!(
            hours.closure(paris(2026, 12, 25, 10, 0)),
            Some(Closure::Holiday("Noël"))
        );
        assert!(hours.is_open(paris(2026, 12, 24, 10, 0)));

        let mut cfg = config_of(&DEFAULT_WEEK);
        cfg.closed_dates = vec![date(2026, 12, 24)];
        let hours = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid");
        assert_eq!(hours.closure(paris(2026, 12, 24, 10, 0)), Some(Closure::ClosedDate));
        assert!(hours.is_open(paris(2026, 12, 23, 10, 0)));

        cfg.closed_on_holidays = false;
        let hours = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid");
        assert!(hours.is_open(national_day));
        assert_eq!(hours.closure(paris(2026, 12, 24, 10, 0)), Some(Closure::ClosedDate));

        let alsace =
            OpeningHours::from_config(&config_of(&DEFAULT_WEEK), Paris, HolidayRegion::AlsaceMoselle).expect("valid");
        assert_eq!(
            alsace.closure(paris(2026, 4, 3, 10, 0)),
            Some(Closure::Holiday("Vendredi saint"))
        );
        assert!(default_hours().is_open(paris(2026, 4, 3, 10, 0)));
    }

    #[test]
    fn window_crossing_midnight_belongs_to_its_start_day() {
        let cfg = HoursConfig {
            saturday: vec!["22:00-02:00".into()],
            ..HoursConfig::default()
        };
        let hours = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid");
        // An ordinary weekend: Saturday 7 March 2026.
        assert!(!hours.is_open(paris(2026, 3, 7, 21, 59)));
        assert!(hours.is_open(paris(2026, 3, 7, 22, 0)));
        assert!(hours.is_open(paris(2026, 3, 8, 0, 0)));
        assert!(hours.is_open(paris(2026, 3, 8, 1, 59)));
        assert!(!hours.is_open(paris(2026, 3, 8, 2, 0)));
        // Saturday 15 August 2026 is Assomption: the whole window is closed,
        // including Sunday's early hours, and the timeline says why.
        assert!(!hours.is_open(paris(2026, 8, 15, 23, 0)));
        assert_eq!(
            hours.closure(paris(2026, 8, 16, 1, 0)),
            Some(Closure::Holiday("Assomption"))
        );
        // Sunday 1 November 2026 is Toussaint but Saturday is not: open.
        assert!(hours.is_open(paris(2026, 10, 31, 23, 0)));
        assert!(hours.is_open(paris(2026, 11, 1, 1, 0)));
        assert_eq!(
            hours.closure(paris(2026, 11, 1, 3, 0)),
            Some(Closure::Holiday("Toussaint"))
        );
    }

    #[test]
    fn always_open_ignores_everything() {
        let hours = OpeningHours::always_open(Paris);
        for at in [
            paris(2026, 7, 14, 10, 0),
            paris(2026, 12, 25, 0, 0),
            paris(2026, 3, 1, 23, 59),
            utc(2026, 3, 29, 1, 0),
            utc(2026, 10, 25, 0, 30),
            utc(2026, 10, 25, 1, 30),
        ] {
            assert!(hours.is_open(at), "{at}");
            assert_eq!(hours.closure(at), None);
            assert_eq!(hours.next_opening(at), Some(at.with_timezone(&Paris)));
        }
    }

    // ---- next_opening ----

    #[test]
    fn next_opening_is_now_when_open() {
        let at = paris(2026, 3, 2, 10, 17);
        assert_eq!(default_hours().next_opening(at), Some(at.with_timezone(&Paris)));
    }

    #[test]
    fn next_opening_over_the_weekend() {
        let cfg = HoursConfig {
            saturday: Vec::new(),
            ..config_of(&DEFAULT_WEEK)
        };
        let hours = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid");
        let next = hours.next_opening(paris(2026, 3, 6, 20, 0)).expect("opens");
        assert_eq!(next.with_timezone(&Utc), paris(2026, 3, 9, 9, 0));
        assert_eq!(next.timezone(), Paris);
        // With Saturday morning configured, it is Saturday.
        let next = default_hours().next_opening(paris(2026, 3, 6, 20, 0)).expect("opens");
        assert_eq!(next.with_timezone(&Utc), paris(2026, 3, 7, 9, 0));
        // During the lunch break.
        let next = default_hours().next_opening(paris(2026, 3, 2, 12, 45)).expect("opens");
        assert_eq!(next.with_timezone(&Utc), paris(2026, 3, 2, 13, 30));
    }

    #[test]
    fn next_opening_skips_christmas() {
        // Thursday 24 December 2026, evening; Friday 25 is Noël.
        let eve = paris(2026, 12, 24, 20, 0);
        let next = default_hours().next_opening(eve).expect("opens");
        assert_eq!(next.with_timezone(&Utc), paris(2026, 12, 26, 9, 0));
        // In Alsace-Moselle 26 December is a holiday too.
        let alsace =
            OpeningHours::from_config(&config_of(&DEFAULT_WEEK), Paris, HolidayRegion::AlsaceMoselle).expect("valid");
        let next = alsace.next_opening(eve).expect("opens");
        assert_eq!(next.with_timezone(&Utc), paris(2026, 12, 28, 9, 0));
    }

    #[test]
    fn next_opening_across_the_new_year() {
        let mut cfg = config_of(&DEFAULT_WEEK);
        cfg.closed_dates = vec![date(2027, 1, 2)];
        let hours = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid");
        // Thursday 31 December 2026 after closing; 1 January is a holiday and
        // Saturday 2 January a closed date.
        let now = paris(2026, 12, 31, 19, 30);
        let next = hours.next_opening(now).expect("opens");
        assert_eq!(next.with_timezone(&Utc), paris(2027, 1, 4, 9, 0));
        assert_eq!(spoken_reopening(now.with_timezone(&Paris), next), "lundi à 9 heures");
        let next = default_hours().next_opening(now).expect("opens");
        assert_eq!(next.with_timezone(&Utc), paris(2027, 1, 2, 9, 0));
    }

    #[test]
    fn next_opening_of_a_window_crossing_midnight() {
        let cfg = HoursConfig {
            saturday: vec!["22:00-02:00".into()],
            ..HoursConfig::default()
        };
        let hours = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid");
        let next = hours.next_opening(paris(2026, 8, 14, 12, 0)).expect("opens");
        // Saturday 15 August is a holiday, so the following Saturday.
        assert_eq!(next.with_timezone(&Utc), paris(2026, 8, 22, 22, 0));
        let at = paris(2026, 8, 23, 1, 0);
        assert_eq!(hours.next_opening(at), Some(at.with_timezone(&Paris)));
    }

    #[test]
    fn never_open_gives_none() {
        let hours = OpeningHours::from_config(&HoursConfig::default(), Paris, HolidayRegion::Metropole).expect("valid");
        assert_eq!(hours.next_opening(paris(2026, 3, 2, 10, 0)), None);
        assert_eq!(hours.closure(paris(2026, 3, 2, 10, 0)), Some(Closure::OutsideHours));
        // Only open on a date the closures always hit: 14 July is a Tuesday in 2026.
        let cfg = HoursConfig {
            tuesday: vec!["09:00-10:00".into()],
            closed_dates: (0..60).map(|w| date(2026, 7, 21) + TimeDelta::weeks(w)).collect(),
            ..HoursConfig::default()
        };
        let hours = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid");
        assert_eq!(hours.next_opening(paris(2026, 7, 14, 11, 0)), None);
    }

    #[test]
    fn spring_forward_gap_opens_at_the_first_instant_after_it() {
        // 29 March 2026: Paris clocks go from 02:00 CET to 03:00 CEST (01:00 UTC).
        let cfg = HoursConfig {
            sunday: vec!["02:30-04:00".into()],
            ..HoursConfig::default()
        };
        let hours = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid");
        let next = hours.next_opening(paris(2026, 3, 28, 12, 0)).expect("opens");
        assert_eq!(next.with_timezone(&Utc), utc(2026, 3, 29, 1, 0));
        assert_eq!(
            next.naive_local(),
            date(2026, 3, 29).and_hms_opt(3, 0, 0).expect("valid")
        );
        assert!(!hours.is_open(utc(2026, 3, 29, 0, 59)));
        assert!(hours.is_open(utc(2026, 3, 29, 1, 59)));
        assert!(!hours.is_open(utc(2026, 3, 29, 2, 0)));
        // A window wholly inside the gap does not open that day.
        let cfg = HoursConfig {
            sunday: vec!["02:00-02:45".into()],
            ..HoursConfig::default()
        };
        let hours = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid");
        let next = hours.next_opening(paris(2026, 3, 28, 12, 0)).expect("opens");
        assert_eq!(next.with_timezone(&Utc), paris(2026, 4, 5, 2, 0));
    }

    #[test]
    fn autumn_overlap_is_open_both_times() {
        // 25 October 2026: 03:00 CEST (01:00 UTC) becomes 02:00 CET again.
        let cfg = HoursConfig {
            sunday: vec!["01:30-02:45".into()],
            ..HoursConfig::default()
        };
        let hours = OpeningHours::from_config(&cfg, Paris, HolidayRegion::Metropole).expect("valid");
        let first = hours.next_opening(paris(2026, 10, 24, 12, 0)).expect("opens");
        assert_eq!(first.with_timezone(&Utc), utc(2026, 10, 24, 23, 30));
        assert!(hours.is_open(utc(2026, 10, 25, 0, 30))); // 02:30 CEST
        assert!(!hours.is_open(utc(2026, 10, 25, 0, 50))); // 02:50 CEST
        let again = hours.next_opening(utc(2026, 10, 25, 0, 50)).expect("opens");
        assert_eq!(again.with_timezone(&Utc), utc(2026, 10, 25, 1, 0)); // 02:00 CET
        assert_eq!(
            again.naive_local(),
            date(2026, 10, 25).and_hms_opt(2, 0, 0).expect("valid")
        );
        assert!(hours.is_open(utc(2026, 10, 25, 1, 44))); // 02:44 CET
        assert!(!hours.is_open(utc(2026, 10, 25, 1, 45)));
        let next_week = hours.next_opening(utc(2026, 10, 25, 1, 45)).expect("opens");
        assert_eq!(next_week.with_timezone(&Utc), paris(2026, 11, 8, 1, 30)); // 1 Nov is Toussaint
    }

    #[test]
    fn dst_transitions_every_year_minute_by_minute() {
        for schedule in [&DEFAULT_WEEK, &DST_WEEK, &NIGHT_WEEK] {
            let hours = hours_of(schedule);
            for year in 2020..=2035 {
                for month in [3, 10] {
                    let sunday = last_sunday(year, month);
                    for minute in 60..=240 {
                        let wall = sunday.and_time(NaiveTime::MIN) + TimeDelta::minutes(minute);
                        let instants: Vec<_> = match Paris.from_local_datetime(&wall) {
                            LocalResult::Single(t) => vec![t],
                            LocalResult::Ambiguous(a, b) => vec![a, b],
                            LocalResult::None => vec![],
                        };
                        for instant in instants {
                            let at = instant.with_timezone(&Utc);
                            assert_eq!(hours.is_open(at), naive_open(schedule, wall), "{instant}");
                            check_next_opening(&hours, at).unwrap_or_else(|e| panic!("{instant}: {e}"));
                        }
                    }
                }
            }
        }
    }

    fn last_sunday(year: i32, month: u32) -> NaiveDate {
        let mut day = date(year, month + 1, 1).pred_opt().expect("in range");
        while day.weekday() != Weekday::Sun {
            day = day.pred_opt().expect("in range");
        }
        day
    }

    // ---- spoken_reopening ----

    fn local(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Tz> {
        paris(y, m, d, h, mi).with_timezone(&Paris)
    }

    #[test]
    fn spoken_reopening_phrases() {
        let now = local(2026, 3, 2, 8, 0); // Monday
        let say = |reopen: DateTime<Tz>| spoken_reopening(now, reopen);
        assert_eq!(say(local(2026, 3, 2, 14, 0)), "aujourd'hui à 14 heures");
        assert_eq!(say(local(2026, 3, 2, 12, 0)), "aujourd'hui à midi");
        assert_eq!(say(local(2026, 3, 2, 12, 30)), "aujourd'hui à 12 heures 30");
        assert_eq!(say(local(2026, 3, 2, 22, 0)), "ce soir à 22 heures");
        assert_eq!(say(local(2026, 3, 3, 9, 0)), "demain à 9 heures");
        assert_eq!(say(local(2026, 3, 3, 9, 30)), "demain à 9 heures 30");
        assert_eq!(say(local(2026, 3, 3, 9, 5)), "demain à 9 heures 5");
        assert_eq!(say(local(2026, 3, 3, 1, 15)), "demain à 1 heure 15");
        assert_eq!(say(local(2026, 3, 4, 9, 0)), "mercredi à 9 heures");
        assert_eq!(say(local(2026, 3, 8, 14, 0)), "dimanche à 14 heures");
        assert_eq!(say(local(2026, 3, 9, 9, 0)), "lundi 9 mars à 9 heures");
        assert_eq!(say(local(2026, 8, 1, 9, 0)), "samedi 1er août à 9 heures");
        assert_eq!(say(local(2027, 2, 1, 9, 0)), "lundi 1er février 2027 à 9 heures");
        assert_eq!(say(now), "dès maintenant");
    }

    #[test]
    fn spoken_reopening_first_of_the_month_and_new_year() {
        let now = local(2020, 12, 20, 18, 0);
        assert_eq!(
            spoken_reopening(now, local(2021, 1, 1, 9, 0)),
            "vendredi 1er janvier à 9 heures"
        );
        assert_eq!(
            spoken_reopening(local(2026, 12, 31, 19, 30), local(2027, 1, 1, 1, 0)),
            "cette nuit à 1 heure"
        );
    }

    #[test]
    fn spoken_reopening_midnight_is_the_end_of_an_evening() {
        let now = local(2026, 3, 2, 20, 0); // Monday
        assert_eq!(spoken_reopening(now, local(2026, 3, 3, 0, 0)), "ce soir à minuit");
        assert_eq!(spoken_reopening(now, local(2026, 3, 4, 0, 0)), "demain soir à minuit");
        assert_eq!(spoken_reopening(now, local(2026, 3, 6, 0, 0)), "jeudi soir à minuit");
        assert_eq!(
            spoken_reopening(now, local(2026, 3, 13, 0, 0)),
            "jeudi 12 mars au soir, à minuit"
        );
        assert_eq!(
            spoken_reopening(now, local(2026, 3, 3, 0, 30)),
            "cette nuit à 0 heure 30"
        );
    }

    #[test]
    fn spoken_reopening_rounds_up_and_uses_the_line_time_zone() {
        let now = local(2026, 3, 2, 8, 0);
        let almost_nine = now + TimeDelta::minutes(59) + TimeDelta::seconds(30);
        assert_eq!(spoken_reopening(now, almost_nine), "aujourd'hui à 9 heures");
        // The same instant expressed in another zone is read in `now`'s zone.
        let in_reunion = local(2026, 3, 3, 9, 0).with_timezone(&chrono_tz::Indian::Reunion);
        assert_eq!(spoken_reopening(now, in_reunion), "demain à 9 heures");
    }

    // ---- properties ----

    /// Whole seconds from 2020-01-01 to the end of 2035, UTC.
    fn instant_2020_2035() -> impl Strategy<Value = DateTime<Utc>> {
        (1_577_836_800_i64..2_082_758_400_i64).prop_map(|s| DateTime::from_timestamp(s, 0).expect("in range"))
    }

    proptest! {
        #[test]
        fn default_hours_next_opening_is_the_first_open_instant(at in instant_2020_2035()) {
            check_next_opening(&default_hours(), at)?;
        }

        #[test]
        fn default_hours_match_the_wall_clock(at in instant_2020_2035()) {
            let wall = at.with_timezone(&Paris).naive_local();
            prop_assert_eq!(default_hours().is_open(at), naive_open(&DEFAULT_WEEK, wall));
        }

        #[test]
        fn dst_window_next_opening_and_wall_clock(at in instant_2020_2035()) {
            let hours = hours_of(&DST_WEEK);
            let wall = at.with_timezone(&Paris).naive_local();
            prop_assert_eq!(hours.is_open(at), naive_open(&DST_WEEK, wall));
            check_next_opening(&hours, at)?;
        }

        #[test]
        fn midnight_crossing_next_opening_and_wall_clock(at in instant_2020_2035()) {
            let hours = hours_of(&NIGHT_WEEK);
            let wall = at.with_timezone(&Paris).naive_local();
            prop_assert_eq!(hours.is_open(at), naive_open(&NIGHT_WEEK, wall));
            check_next_opening(&hours, at)?;
        }

        #[test]
        fn around_dst_transitions(
            year in 2020..=2035_i32,
            autumn in any::<bool>(),
            seconds in 0..(4 * 3600_i64),
            which in 0..3_usize,
        ) {
            let schedule = [&DEFAULT_WEEK, &DST_WEEK, &NIGHT_WEEK][which];
            let hours = hours_of(schedule);
            // Paris changes clocks at 01:00 UTC; Saturday 23:00 to Sunday
            // 03:00 UTC covers local 01:00-04:00 on both transition days.
            let sunday = last_sunday(year, if autumn { 10 } else { 3 });
            let base = sunday.and_hms_opt(0, 0, 0).expect("valid").and_utc() - TimeDelta::hours(1);
            let at = base + TimeDelta::seconds(seconds);
            let wall = at.with_timezone(&Paris).naive_local();
            prop_assert_eq!(hours.is_open(at), naive_open(schedule, wall));
            check_next_opening(&hours, at)?;
        }

        #[test]
        fn spoken_reopening_is_never_empty(at in instant_2020_2035(), ahead in 0..(400 * 86_400_i64)) {
            let now = at.with_timezone(&Paris);
            let text = spoken_reopening(now, now + TimeDelta::seconds(ahead));
            prop_assert!(text.contains('à') || text == "dès maintenant", "{}", text);
        }
    }
}
