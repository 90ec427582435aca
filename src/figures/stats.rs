//! Counting contacts into the line's local days, weeks or months.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::{Channel, ContactFact, Period};

/// What happened in one bucket (or over the whole range). Outcomes are those
/// of calls; SMS are only counted, with their needs and urgency.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub calls: u32,
    pub sms: u32,
    pub answered: u32,
    /// The IVR gave the information; no professional was needed.
    pub informed: u32,
    pub messages_left: u32,
    pub callbacks_requested: u32,
    pub abandoned: u32,
    /// Callers who wanted a professional and did not get one at once: message
    /// left, callback requested, hung up, or sent to the fallback number.
    pub missed: u32,
    /// answered / (answered + missed), from 0 to 1.
    pub answer_rate: Option<f64>,
    /// Abandoned calls by the IVR node where the caller hung up, where known.
    pub abandoned_by_node: BTreeMap<String, u32>,
    /// Over answered calls whose wait is known.
    pub wait_avg_secs: Option<f64>,
    /// Nearest-rank 90th percentile of the same waits.
    pub wait_p90_secs: Option<i64>,
    pub callbacks: u32,
    pub callbacks_within_target: u32,
    /// Done after the target, or not done and already past it.
    pub callbacks_late: u32,
    pub needs: BTreeMap<String, u32>,
    pub urgent: u32,
    /// Kept so that the totals' percentile comes from every sample, not from
    /// the buckets' percentiles.
    #[serde(skip)]
    waits: Vec<i64>,
}

/// One line's counts, bucket by bucket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineFigures {
    /// The helpline number; None for all lines together, or, when split by
    /// line, for contacts whose line is unknown.
    pub line: Option<String>,
    /// `counts[i]` is for `Figures::buckets[i]`.
    pub counts: Vec<Counts>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub period: Period,
    /// Each bucket's first local date, in chronological order, with no gap.
    pub buckets: Vec<NaiveDate>,
    pub split_by_line: bool,
    /// One series per line (sorted) when split by line, else a single one.
    pub series: Vec<LineFigures>,
    /// Over every contact of the range, all lines together.
    pub total: Counts,
}

impl Figures {
    /// The buckets' labels for a chart's axis.
    pub fn labels(&self) -> Vec<String> {
        self.buckets.iter().map(|b| self.period.bucket_label(*b)).collect()
    }

    /// A series' line as people read it.
    pub fn line_name(&self, line: Option<&str>) -> String {
        match (self.split_by_line, line) {
            (false, _) => "toutes les lignes".to_owned(),
            (true, Some(line)) => line.to_owned(),
            (true, None) => "ligne inconnue".to_owned(),
        }
    }
}

/// The figures over the local buckets from the first contact's to the last's;
/// with no contact, the bucket holding `now`.
pub fn compute(
    facts: &[ContactFact],
    period: Period,
    tz: Tz,
    callback_target: Duration,
    split_by_line: bool,
    now: DateTime<Utc>,
) -> Figures {
    let dates = facts.iter().map(|f| local_date(f, tz));
    let today = now.with_timezone(&tz).date_naive();
    let from = dates.clone().min().unwrap_or(today);
    let to = dates.max().unwrap_or(today);
    compute_range(facts, period, tz, callback_target, split_by_line, from, to, now)
}

/// The figures over every bucket touching the local dates `from..=to`, empty
/// ones included; contacts outside those buckets are left out, totals too.
#[allow(clippy::too_many_arguments)] // `compute`'s arguments plus the range: a struct would only rename them
pub fn compute_range(
    facts: &[ContactFact],
    period: Period,
    tz: Tz,
    callback_target: Duration,
    split_by_line: bool,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Figures {
    let mut buckets = Vec::new();
    let mut start = period.start_of(from);
    while start <= to {
        buckets.push(start);
        start = period.next(start);
    }
    let in_range: Vec<(usize, &ContactFact)> = facts
        .iter()
        .filter_map(|f| Some((buckets.binary_search(&period.start_of(local_date(f, tz))).ok()?, f)))
        .collect();
    let lines: Vec<Option<String>> = if split_by_line {
        let seen: BTreeSet<&Option<String>> = in_range.iter().map(|(_, f)| &f.line).collect();
        seen.into_iter().cloned().collect()
    } else {
        vec![None]
    };
    let mut series: Vec<LineFigures> = lines
        .into_iter()
        .map(|line| LineFigures {
            line,
            counts: vec![Counts::default(); buckets.len()],
        })
        .collect();
    let mut total = Counts::default();
    for (bucket, fact) in in_range {
        let s = if split_by_line {
            series.iter().position(|s| s.line == fact.line).unwrap_or_default()
        } else {
            0
        };
        series[s].counts[bucket].add(fact, callback_target, now);
        total.add(fact, callback_target, now);
    }
    series
        .iter_mut()
        .flat_map(|s| s.counts.iter_mut())
        .for_each(Counts::finish);
    total.finish();
    Figures {
        period,
        buckets,
        split_by_line,
        series,
        total,
    }
}

fn local_date(fact: &ContactFact, tz: Tz) -> NaiveDate {
    fact.started_at.with_timezone(&tz).date_naive()
}

impl Counts {
    fn add(&mut self, fact: &ContactFact, callback_target: Duration, now: DateTime<Utc>) {
        match fact.channel {
            Channel::Sms => self.sms += 1,
            Channel::Voice => {
                self.calls += 1;
                match fact.outcome.as_deref() {
                    Some("answered") => {
                        self.answered += 1;
                        self.waits.extend(fact.wait_secs);
                    }
                    Some("informed") => self.informed += 1,
                    Some("message_left") => {
                        self.messages_left += 1;
                        self.missed += 1;
                    }
                    Some("callback_requested") => {
                        self.callbacks_requested += 1;
                        self.missed += 1;
                    }
                    Some("abandoned") => {
                        self.abandoned += 1;
                        self.missed += 1;
                        if let Some(node) = &fact.abandoned_at {
                            *self.abandoned_by_node.entry(node.clone()).or_default() += 1;
                        }
                    }
                    Some("fallback") => self.missed += 1,
                    _ => {}
                }
            }
        }
        if let Some(need) = &fact.need {
            *self.needs.entry(need.clone()).or_default() += 1;
        }
        self.urgent += u32::from(fact.urgent);
        if let Some(callback) = &fact.callback {
            self.callbacks += 1;
            let due = callback.created_at + callback_target;
            match callback.done_at {
                Some(done) if done <= due => self.callbacks_within_target += 1,
                Some(_) => self.callbacks_late += 1,
                None if due < now => self.callbacks_late += 1,
                None => {}
            }
        }
    }

    fn finish(&mut self) {
        let wanted = self.answered + self.missed;
        self.answer_rate = (wanted > 0).then(|| f64::from(self.answered) / f64::from(wanted));
        self.waits.sort_unstable();
        let n = self.waits.len();
        self.wait_avg_secs = (n > 0).then(|| self.waits.iter().sum::<i64>() as f64 / n as f64);
        self.wait_p90_secs = p90(&self.waits);
    }
}

/// Nearest rank: the smallest sample with at least 90 % of the samples at or below it.
fn p90(sorted: &[i64]) -> Option<i64> {
    let rank = (sorted.len() * 9).div_ceil(10);
    sorted.get(rank.checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{call, paris};
    use super::super::CallbackFact;
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Paris;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn per_bucket(fig: &Figures) -> Vec<u32> {
        fig.series[0].counts.iter().map(|c| c.calls).collect()
    }

    fn days(facts: &[ContactFact], from: NaiveDate, to: NaiveDate) -> Figures {
        let now = paris(2027, 1, 1, 0, 0);
        compute_range(facts, Period::Day, Paris, Duration::hours(2), false, from, to, now)
    }

    #[test]
    fn days_are_local_across_both_dst_changes() {
        // 00:30 local is still the previous day in UTC; 23:30 is in both seasons' UTC day.
        for (m, d) in [(3, 29), (10, 25)] {
            let facts = [
                call(paris(2026, m, d, 0, 30), None),
                call(paris(2026, m, d, 23, 30), None),
            ];
            let fig = days(&facts, date(2026, m, d - 1), date(2026, m, d + 1));
            assert_eq!(
                fig.buckets,
                [date(2026, m, d - 1), date(2026, m, d), date(2026, m, d + 1)]
            );
            assert_eq!(per_bucket(&fig), [0, 2, 0], "{m}/{d}");
        }
    }

    #[test]
    fn weeks_change_at_monday_midnight_local() {
        let facts = [
            call(paris(2026, 3, 29, 23, 30), None),
            call(paris(2026, 3, 30, 0, 10), None),
        ];
        let now = paris(2027, 1, 1, 0, 0);
        let fig = compute(&facts, Period::Week, Paris, Duration::hours(2), false, now);
        assert_eq!(fig.buckets, [date(2026, 3, 23), date(2026, 3, 30)]);
        assert_eq!(per_bucket(&fig), [1, 1]);
    }

    #[test]
    fn months_change_at_midnight_local() {
        let facts = [
            call(paris(2026, 3, 31, 23, 59), None),
            call(paris(2026, 4, 1, 0, 1), None),
        ];
        let now = paris(2027, 1, 1, 0, 0);
        let fig = compute(&facts, Period::Month, Paris, Duration::hours(2), false, now);
        assert_eq!(fig.buckets, [date(2026, 3, 1), date(2026, 4, 1)]);
        assert_eq!(per_bucket(&fig), [1, 1]);
    }

    #[test]
    fn empty_buckets_are_filled() {
        let facts = [call(paris(2026, 5, 1, 9, 0), None), call(paris(2026, 5, 4, 9, 0), None)];
        let now = paris(2027, 1, 1, 0, 0);
        let fig = compute(&facts, Period::Day, Paris, Duration::hours(2), false, now);
        assert_eq!(per_bucket(&fig), [1, 0, 0, 1]);
        let fig = days(&facts, date(2026, 4, 30), date(2026, 5, 2));
        assert_eq!(per_bucket(&fig), [0, 1, 0]);
        assert_eq!(fig.total.calls, 1, "contacts outside the range are left out");
        let fig = compute(&[], Period::Week, Paris, Duration::hours(2), false, now);
        assert_eq!(fig.buckets, [date(2026, 12, 28)]);
    }

    #[test]
    fn p90_is_the_nearest_rank() {
        assert_eq!(p90(&(1..=10).collect::<Vec<_>>()), Some(9));
        assert_eq!(p90(&[42]), Some(42));
        assert_eq!(p90(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), Some(10));
        assert_eq!(p90(&[]), None);
    }

    #[test]
    fn totals_take_the_percentile_over_every_sample() {
        let at = |d, wait| ContactFact {
            wait_secs: Some(wait),
            ..call(paris(2026, 6, d, 10, 0), Some("answered"))
        };
        let mut facts: Vec<_> = (1..=9).map(|w| at(1, w)).collect();
        facts.push(at(2, 100));
        let fig = days(&facts, date(2026, 6, 1), date(2026, 6, 2));
        assert_eq!(fig.series[0].counts[0].wait_p90_secs, Some(9));
        assert_eq!(fig.series[0].counts[1].wait_p90_secs, Some(100));
        assert_eq!(fig.total.wait_p90_secs, Some(9));
        assert_eq!(fig.total.wait_avg_secs, Some(14.5));
    }

    #[test]
    fn answer_rate_counts_callers_who_wanted_a_professional() {
        let at = paris(2026, 6, 1, 10, 0);
        let abandoned = ContactFact {
            abandoned_at: Some("menu".into()),
            ..call(at, Some("abandoned"))
        };
        let facts = [
            call(at, Some("answered")),
            call(at, Some("answered")),
            call(at, Some("answered")),
            call(at, Some("message_left")),
            abandoned,
            call(at, Some("informed")),
            call(at, None),
        ];
        let t = days(&facts, date(2026, 6, 1), date(2026, 6, 1)).total;
        assert_eq!(
            (t.calls, t.answered, t.missed, t.informed, t.abandoned),
            (7, 3, 2, 1, 1)
        );
        assert_eq!(t.answer_rate, Some(0.6));
        assert_eq!(t.abandoned_by_node, BTreeMap::from([("menu".to_owned(), 1)]));
        let none = days(&[call(at, Some("informed"))], date(2026, 6, 1), date(2026, 6, 1));
        assert_eq!(none.total.answer_rate, None);
        assert_eq!(none.total.wait_avg_secs, None);
    }

    #[test]
    fn callbacks_are_within_target_or_late() {
        let now = paris(2026, 6, 1, 12, 0);
        let with = |created_h: u32, done_h: Option<u32>| ContactFact {
            callback: Some(CallbackFact {
                created_at: paris(2026, 6, 1, created_h, 0),
                done_at: done_h.map(|h| paris(2026, 6, 1, h, 0)),
            }),
            ..call(paris(2026, 6, 1, created_h, 0), Some("callback_requested"))
        };
        let facts = [with(8, Some(10)), with(8, Some(11)), with(9, None), with(11, None)];
        let t = compute(&facts, Period::Day, Paris, Duration::hours(2), false, now).total;
        assert_eq!((t.callbacks, t.callbacks_within_target, t.callbacks_late), (4, 1, 2));
    }

    #[test]
    fn series_split_by_line() {
        let at = paris(2026, 6, 1, 10, 0);
        let on = |line: Option<&str>| ContactFact {
            line: line.map(str::to_owned),
            ..call(at, None)
        };
        let facts = [
            on(Some("+33800000002")),
            on(Some("+33800000001")),
            on(Some("+33800000002")),
            on(None),
        ];
        let now = paris(2027, 1, 1, 0, 0);
        let fig = compute(&facts, Period::Day, Paris, Duration::hours(2), true, now);
        let lines: Vec<_> = fig
            .series
            .iter()
            .map(|s| (s.line.as_deref(), s.counts[0].calls))
            .collect();
        assert_eq!(lines, [(None, 1), (Some("+33800000001"), 1), (Some("+33800000002"), 2)]);
        assert_eq!(fig.line_name(None), "ligne inconnue");
        assert_eq!(fig.total.calls, 4);
        let fig = compute(&facts, Period::Day, Paris, Duration::hours(2), false, now);
        assert_eq!(fig.series.len(), 1);
        assert_eq!(fig.line_name(fig.series[0].line.as_deref()), "toutes les lignes");
    }

    fn sum(counts: &[&Counts]) -> Counts {
        let mut s = Counts::default();
        for c in counts {
            s.calls += c.calls;
            s.sms += c.sms;
            s.answered += c.answered;
            s.informed += c.informed;
            s.messages_left += c.messages_left;
            s.callbacks_requested += c.callbacks_requested;
            s.abandoned += c.abandoned;
            s.missed += c.missed;
            s.callbacks += c.callbacks;
            s.callbacks_within_target += c.callbacks_within_target;
            s.callbacks_late += c.callbacks_late;
            s.urgent += c.urgent;
            for (k, v) in &c.abandoned_by_node {
                *s.abandoned_by_node.entry(k.clone()).or_default() += v;
            }
            for (k, v) in &c.needs {
                *s.needs.entry(k.clone()).or_default() += v;
            }
            s.waits.extend(&c.waits);
        }
        s.finish();
        s
    }

    const OUTCOMES: [Option<&str>; 7] = [
        None,
        Some("answered"),
        Some("message_left"),
        Some("callback_requested"),
        Some("informed"),
        Some("abandoned"),
        Some("fallback"),
    ];

    fn fact() -> impl Strategy<Value = ContactFact> {
        let base = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
        (
            0..3 * 365 * 86_400i64,
            any::<bool>(),
            0..OUTCOMES.len(),
            (0..3usize, 0..3usize, prop::option::of(0..900i64)),
            any::<bool>(),
            prop::option::of((0..7200i64, prop::option::of(0..14_400i64))),
        )
            .prop_map(move |(secs, sms, outcome, (line, tag, wait), urgent, callback)| {
                let started_at = base + Duration::seconds(secs);
                ContactFact {
                    started_at,
                    channel: if sms { Channel::Sms } else { Channel::Voice },
                    line: (line > 0).then(|| format!("+3380000000{line}")),
                    outcome: OUTCOMES[outcome].map(str::to_owned),
                    abandoned_at: Some(format!("n{tag}")),
                    wait_secs: wait,
                    need: (tag > 0).then(|| format!("besoin-{tag}")),
                    urgent,
                    callback: callback.map(|(after, done)| CallbackFact {
                        created_at: started_at + Duration::seconds(after),
                        done_at: done.map(|d| started_at + Duration::seconds(after + d)),
                    }),
                }
            })
    }

    proptest! {
        #[test]
        fn buckets_add_up_and_hold_each_fact_once(
            facts in prop::collection::vec(fact(), 0..40),
            from_day in 0..3 * 365i64,
            len in 0..400i64,
            period in 0..3usize,
            split in any::<bool>(),
            zone in 0..3usize,
        ) {
            let tz = [Paris, chrono_tz::America::New_York, chrono_tz::Australia::Lord_Howe][zone];
            let period = [Period::Day, Period::Week, Period::Month][period];
            let from = date(2025, 1, 1) + Duration::days(from_day);
            let now = Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap();
            let fig = compute_range(&facts, period, tz, Duration::hours(2), split, from, from + Duration::days(len), now);

            let all: Vec<&Counts> = fig.series.iter().flat_map(|s| &s.counts).collect();
            prop_assert_eq!(sum(&all), fig.total.clone());

            let midnight = |d: NaiveDate| tz.from_local_datetime(&d.and_time(chrono::NaiveTime::MIN)).earliest().unwrap();
            let mut placed = 0;
            for (i, start) in fig.buckets.iter().enumerate() {
                let next = period.next(*start);
                if let Some(following) = fig.buckets.get(i + 1) {
                    prop_assert_eq!(*following, next);
                }
                let inside = facts.iter().filter(|f| midnight(*start) <= f.started_at && f.started_at < midnight(next)).count();
                let counted: u32 = fig.series.iter().map(|s| s.counts[i].calls + s.counts[i].sms).sum();
                prop_assert_eq!(inside, counted as usize);
                placed += inside;
            }
            prop_assert_eq!(placed, (fig.total.calls + fig.total.sms) as usize);
        }
    }
}
