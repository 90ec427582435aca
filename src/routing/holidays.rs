//! French public holidays (jours fériés), per region.
//!
//! The helpline must not announce itself open on a day the law makes a
//! holiday where the caller's Maison des 1000 premiers jours is located, and
//! that list differs between metropolitan France, Alsace-Moselle and each
//! overseas territory. The rules come from the Code du travail:
//!
//! - L3133-1: the eleven national holidays (jour de l'An, lundi de Pâques,
//!   1er mai, 8 mai, Ascension, lundi de Pentecôte, 14 juillet, 15 août,
//!   1er novembre, 11 novembre, Noël);
//! - L3422-2: Alsace-Moselle adds Vendredi saint and 26 December;
//! - the law of 30 June 1983 and the texts that followed it: one day
//!   commemorating the abolition of slavery in each overseas territory.
//!
//! The current rules are applied to every year: this module answers "is this
//! day a holiday under today's law", not historical questions (for instance
//! 8 May was not a holiday from 1959 to 1981, and Saint-Martin's date was set
//! to 28 May in 2018). Easter-based holidays need the Gregorian computus,
//! which is only defined for 1583..=9999; outside that range only the
//! fixed-date holidays are returned.

use chrono::{Datelike, NaiveDate};

/// The regions whose list of public holidays differ.
///
/// Serialised with the same ids as [`HolidayRegion::id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HolidayRegion {
    /// Metropolitan France except Alsace-Moselle.
    Metropole,
    /// Bas-Rhin, Haut-Rhin and Moselle (local law).
    AlsaceMoselle,
    Guadeloupe,
    Martinique,
    Guyane,
    Reunion,
    Mayotte,
    SaintMartin,
    SaintBarthelemy,
}

impl HolidayRegion {
    /// Every region, in the order of [`HolidayRegion`]'s variants.
    pub const ALL: [HolidayRegion; 9] = [
        HolidayRegion::Metropole,
        HolidayRegion::AlsaceMoselle,
        HolidayRegion::Guadeloupe,
        HolidayRegion::Martinique,
        HolidayRegion::Guyane,
        HolidayRegion::Reunion,
        HolidayRegion::Mayotte,
        HolidayRegion::SaintMartin,
        HolidayRegion::SaintBarthelemy,
    ];

    /// The identifier used in configuration files and logs.
    pub fn id(self) -> &'static str {
        match self {
            HolidayRegion::Metropole => "metropole",
            HolidayRegion::AlsaceMoselle => "alsace-moselle",
            HolidayRegion::Guadeloupe => "guadeloupe",
            HolidayRegion::Martinique => "martinique",
            HolidayRegion::Guyane => "guyane",
            HolidayRegion::Reunion => "reunion",
            HolidayRegion::Mayotte => "mayotte",
            HolidayRegion::SaintMartin => "saint-martin",
            HolidayRegion::SaintBarthelemy => "saint-barthelemy",
        }
    }

    /// The IANA time zone in which the region lives, used when the
    /// configuration does not name one explicitly.
    pub fn default_timezone(self) -> chrono_tz::Tz {
        match self {
            HolidayRegion::Metropole | HolidayRegion::AlsaceMoselle => chrono_tz::Europe::Paris,
            HolidayRegion::Guadeloupe => chrono_tz::America::Guadeloupe,
            HolidayRegion::Martinique => chrono_tz::America::Martinique,
            HolidayRegion::Guyane => chrono_tz::America::Cayenne,
            HolidayRegion::Reunion => chrono_tz::Indian::Reunion,
            HolidayRegion::Mayotte => chrono_tz::Indian::Mayotte,
            HolidayRegion::SaintMartin => chrono_tz::America::Marigot,
            HolidayRegion::SaintBarthelemy => chrono_tz::America::St_Barthelemy,
        }
    }

    /// The day commemorating the abolition of slavery, for the territories
    /// that have one.
    fn abolition_of_slavery(self) -> Option<(u32, u32)> {
        match self {
            HolidayRegion::Metropole | HolidayRegion::AlsaceMoselle => None,
            HolidayRegion::Mayotte => Some((4, 27)),
            HolidayRegion::Martinique => Some((5, 22)),
            HolidayRegion::Guadeloupe => Some((5, 27)),
            HolidayRegion::SaintMartin => Some((5, 28)),
            HolidayRegion::Guyane => Some((6, 10)),
            HolidayRegion::SaintBarthelemy => Some((10, 9)),
            HolidayRegion::Reunion => Some((12, 20)),
        }
    }
}

/// Returned when a region id is not one of [`HolidayRegion::id`]'s values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown holiday region {given:?}; expected one of: metropole, alsace-moselle, guadeloupe, \
     martinique, guyane, reunion, mayotte, saint-martin, saint-barthelemy"
)]
pub struct ParseHolidayRegionError {
    /// What was given, as given.
    pub given: String,
}

impl std::str::FromStr for HolidayRegion {
    type Err = ParseHolidayRegionError;

    /// Accepts the ids of [`HolidayRegion::id`], ignoring case and
    /// surrounding blanks, because they are typed by hand in configuration.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        HolidayRegion::ALL
            .into_iter()
            .find(|region| region.id().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| ParseHolidayRegionError { given: s.to_owned() })
    }
}

impl std::fmt::Display for HolidayRegion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// National fixed-date holidays, as (month, day, name).
const NATIONAL_FIXED: [(u32, u32, &str); 8] = [
    (1, 1, "jour de l'An"),
    (5, 1, "fête du Travail"),
    (5, 8, "Victoire 1945"),
    (7, 14, "Fête nationale"),
    (8, 15, "Assomption"),
    (11, 1, "Toussaint"),
    (11, 11, "Armistice 1918"),
    (12, 25, "Noël"),
];

/// National holidays set relative to Easter Sunday, as (days after Easter, name).
const NATIONAL_MOVABLE: [(i64, &str); 3] = [(1, "lundi de Pâques"), (39, "Ascension"), (50, "lundi de Pentecôte")];

const GOOD_FRIDAY: (i64, &str) = (-2, "Vendredi saint");
const SAINT_STEPHEN: (u32, u32, &str) = (12, 26, "Saint-Étienne");
const ABOLITION: &str = "Abolition de l'esclavage";

/// The French name of the public holiday falling on `date` in `region`, or
/// `None` when `date` is a working day there.
///
/// When two holidays coincide, the fixed-date one is named (national first,
/// then regional), as it is the one people associate with the date.
pub fn holiday_name(date: NaiveDate, region: HolidayRegion) -> Option<&'static str> {
    let (month, day) = (date.month(), date.day());
    if let Some(&(_, _, name)) = NATIONAL_FIXED.iter().find(|&&(m, d, _)| (m, d) == (month, day)) {
        return Some(name);
    }
    if region == HolidayRegion::AlsaceMoselle && (SAINT_STEPHEN.0, SAINT_STEPHEN.1) == (month, day) {
        return Some(SAINT_STEPHEN.2);
    }
    if region.abolition_of_slavery() == Some((month, day)) {
        return Some(ABOLITION);
    }
    // Every Easter-based holiday lies between March and June; skipping the
    // computus for other months keeps this cheap on the hot path of is_open.
    if (3..=6).contains(&month) {
        return movable_holidays(date.year(), region)
            .into_iter()
            .find(|&(d, _)| d == date)
            .map(|(_, name)| name);
    }
    None
}

/// Every public holiday of `year` in `region`, sorted by date.
///
/// Two holidays can fall on the same date (Ascension on 1 May in 2008,
/// lundi de Pentecôte on Guyane's 10 June in 2030); both are listed, in the
/// order [`holiday_name`] prefers them, so count distinct dates, not entries,
/// to know how many days are off.
pub fn holidays_in_year(year: i32, region: HolidayRegion) -> Vec<(NaiveDate, &'static str)> {
    let mut days: Vec<(NaiveDate, &'static str)> = NATIONAL_FIXED
        .iter()
        .filter_map(|&(m, d, name)| NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, name)))
        .collect();
    if region == HolidayRegion::AlsaceMoselle {
        let (m, d, name) = SAINT_STEPHEN;
        days.extend(NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, name)));
    }
    if let Some((m, d)) = region.abolition_of_slavery() {
        days.extend(NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, ABOLITION)));
    }
    days.extend(movable_holidays(year, region));
    // Stable, so coinciding holidays keep holiday_name's order of preference.
    days.sort_by_key(|&(date, _)| date);
    days
}

/// Holidays tied to Easter; empty for years the computus does not cover.
fn movable_holidays(year: i32, region: HolidayRegion) -> Vec<(NaiveDate, &'static str)> {
    let Ok(easter) = computus::gregorian_naive(year) else {
        return Vec::new();
    };
    let good_friday = (region == HolidayRegion::AlsaceMoselle).then_some(GOOD_FRIDAY);
    good_friday
        .into_iter()
        .chain(NATIONAL_MOVABLE)
        .filter_map(|(offset, name)| {
            easter
                .checked_add_signed(chrono::TimeDelta::days(offset))
                .map(|date| (date, name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn metropole_2026_has_exactly_the_eleven_national_days() {
        let expected = vec![
            (d(2026, 1, 1), "jour de l'An"),
            (d(2026, 4, 6), "lundi de Pâques"),
            (d(2026, 5, 1), "fête du Travail"),
            (d(2026, 5, 8), "Victoire 1945"),
            (d(2026, 5, 14), "Ascension"),
            (d(2026, 5, 25), "lundi de Pentecôte"),
            (d(2026, 7, 14), "Fête nationale"),
            (d(2026, 8, 15), "Assomption"),
            (d(2026, 11, 1), "Toussaint"),
            (d(2026, 11, 11), "Armistice 1918"),
            (d(2026, 12, 25), "Noël"),
        ];
        assert_eq!(holidays_in_year(2026, HolidayRegion::Metropole), expected);
        for (date, name) in expected {
            assert_eq!(holiday_name(date, HolidayRegion::Metropole), Some(name));
        }
    }

    #[test]
    fn ordinary_days_and_easter_sunday_are_not_holidays() {
        for date in [
            d(2026, 4, 5), // Easter Sunday itself is not a public holiday
            d(2026, 4, 3), // Good Friday outside Alsace-Moselle
            d(2026, 5, 24),
            d(2026, 12, 26),
            d(2026, 3, 2),
        ] {
            assert_eq!(holiday_name(date, HolidayRegion::Metropole), None, "{date}");
        }
    }

    #[test]
    fn every_date_of_holidays_in_year_is_named_by_holiday_name() {
        for region in HolidayRegion::ALL {
            for year in [2020, 2026, 2027, 2030, 2035] {
                let days = holidays_in_year(year, region);
                assert!(days.windows(2).all(|w| w[0].0 <= w[1].0), "{region} {year}");
                let mut date = d(year, 1, 1);
                while date.year() == year {
                    let listed = days.iter().find(|(day, _)| *day == date).map(|&(_, n)| n);
                    assert_eq!(holiday_name(date, region), listed, "{region} {date}");
                    date = date.succ_opt().expect("in range");
                }
            }
        }
    }

    #[test]
    fn coinciding_holidays_are_both_listed() {
        let days = holidays_in_year(2030, HolidayRegion::Guyane);
        let june_10: Vec<_> = days.iter().filter(|(day, _)| *day == d(2030, 6, 10)).collect();
        assert_eq!(
            june_10,
            [&(d(2030, 6, 10), ABOLITION), &(d(2030, 6, 10), "lundi de Pentecôte")]
        );
        assert_eq!(holiday_name(d(2030, 6, 10), HolidayRegion::Guyane), Some(ABOLITION));
        // Easter 2008 was 23 March, so Ascension fell on 1 May.
        assert_eq!(
            holiday_name(d(2008, 5, 1), HolidayRegion::Metropole),
            Some("fête du Travail")
        );
        assert_eq!(holidays_in_year(2008, HolidayRegion::Metropole).len(), 11);
    }

    #[test]
    fn easter_based_days_follow_easter() {
        // Easter 2027 is 28 March, 2030 is 21 April.
        let m = HolidayRegion::Metropole;
        assert_eq!(holiday_name(d(2027, 3, 29), m), Some("lundi de Pâques"));
        assert_eq!(holiday_name(d(2027, 5, 6), m), Some("Ascension"));
        assert_eq!(holiday_name(d(2027, 5, 17), m), Some("lundi de Pentecôte"));
        assert_eq!(holiday_name(d(2030, 4, 22), m), Some("lundi de Pâques"));
        assert_eq!(holiday_name(d(2030, 5, 30), m), Some("Ascension"));
        assert_eq!(holiday_name(d(2030, 6, 10), m), Some("lundi de Pentecôte"));
        assert_eq!(holidays_in_year(2027, m).len(), 11);
    }

    #[test]
    fn alsace_moselle_adds_good_friday_and_saint_stephen() {
        let am = HolidayRegion::AlsaceMoselle;
        assert_eq!(holiday_name(d(2026, 4, 3), am), Some("Vendredi saint"));
        assert_eq!(holiday_name(d(2027, 3, 26), am), Some("Vendredi saint"));
        assert_eq!(holiday_name(d(2026, 12, 26), am), Some("Saint-Étienne"));
        assert_eq!(holiday_name(d(2026, 12, 25), am), Some("Noël"));
        assert_eq!(holidays_in_year(2026, am).len(), 13);
        assert_eq!(holiday_name(d(2026, 12, 26), HolidayRegion::Metropole), None);
    }

    #[test]
    fn each_overseas_territory_has_its_abolition_day() {
        let cases = [
            (HolidayRegion::Mayotte, 4, 27),
            (HolidayRegion::Martinique, 5, 22),
            (HolidayRegion::Guadeloupe, 5, 27),
            (HolidayRegion::SaintMartin, 5, 28),
            (HolidayRegion::Guyane, 6, 10),
            (HolidayRegion::SaintBarthelemy, 10, 9),
            (HolidayRegion::Reunion, 12, 20),
        ];
        for (region, month, day) in cases {
            let date = d(2026, month, day);
            assert_eq!(holiday_name(date, region), Some(ABOLITION), "{region}");
            assert_eq!(holidays_in_year(2026, region).len(), 12, "{region}");
            // The day is local: no other region observes it.
            for other in HolidayRegion::ALL.into_iter().filter(|&r| r != region) {
                assert_eq!(holiday_name(date, other), None, "{other} on {date}");
            }
        }
    }

    #[test]
    fn years_without_computus_still_have_fixed_days() {
        let days = holidays_in_year(1500, HolidayRegion::Metropole);
        assert_eq!(days.len(), 8);
        assert_eq!(
            holiday_name(d(1500, 7, 14), HolidayRegion::Metropole),
            Some("Fête nationale")
        );
    }

    #[test]
    fn region_ids_round_trip_and_parse_case_insensitively() {
        for region in HolidayRegion::ALL {
            assert_eq!(region.id().parse::<HolidayRegion>(), Ok(region));
            assert_eq!(region.id().to_uppercase().parse::<HolidayRegion>(), Ok(region));
            assert_eq!(region.to_string(), region.id());
        }
        assert_eq!(" Alsace-Moselle ".parse(), Ok(HolidayRegion::AlsaceMoselle));
    }

    #[test]
    fn wrong_region_id_lists_the_valid_ones() {
        let err = "corse".parse::<HolidayRegion>().unwrap_err();
        assert_eq!(err.given, "corse");
        let message = err.to_string();
        assert!(message.contains("\"corse\""), "{message}");
        for region in HolidayRegion::ALL {
            assert!(message.contains(region.id()), "{message} lacks {region}");
        }
    }

    #[test]
    fn serde_uses_the_ids() {
        #[derive(serde::Deserialize, serde::Serialize)]
        struct Cfg {
            region: HolidayRegion,
        }
        for region in HolidayRegion::ALL {
            let text = format!("region = \"{}\"\n", region.id());
            let cfg: Cfg = toml::from_str(&text).expect("valid id");
            assert_eq!(cfg.region, region);
            assert_eq!(toml::to_string(&cfg).expect("serialises"), text);
        }
    }

    #[test]
    fn default_timezones() {
        use chrono_tz::Tz;
        let expected: [(HolidayRegion, Tz); 9] = [
            (HolidayRegion::Metropole, chrono_tz::Europe::Paris),
            (HolidayRegion::AlsaceMoselle, chrono_tz::Europe::Paris),
            (HolidayRegion::Guadeloupe, chrono_tz::America::Guadeloupe),
            (HolidayRegion::Martinique, chrono_tz::America::Martinique),
            (HolidayRegion::Guyane, chrono_tz::America::Cayenne),
            (HolidayRegion::Reunion, chrono_tz::Indian::Reunion),
            (HolidayRegion::Mayotte, chrono_tz::Indian::Mayotte),
            (HolidayRegion::SaintMartin, chrono_tz::America::Marigot),
            (HolidayRegion::SaintBarthelemy, chrono_tz::America::St_Barthelemy),
        ];
        for (region, tz) in expected {
            assert_eq!(region.default_timezone(), tz, "{region}");
        }
        assert_eq!(HolidayRegion::Reunion.default_timezone().name(), "Indian/Reunion");
    }
}
