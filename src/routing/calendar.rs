//! iCalendar (RFC 5545) feeds of on-call shifts, for staff to subscribe to from
//! Google Calendar, Apple Calendar, Outlook or Thunderbird.
//!
//! Two feeds are built from the shifts of [`Roster::shifts`](super::schedule::Roster::shifts):
//! a person's own shifts ([`staff_feed_events`]) and everyone's shifts for a
//! role ([`role_feed_events`]); [`render_feed`] writes either one.
//!
//! Choices that matter to calendar apps:
//! - Times are written in UTC (`DTSTART:20261224T170000Z`): no `VTIMEZONE` to
//!   get wrong, and every app shows them in its user's own zone.
//! - Each event's `UID` is a hash of a key naming the role, the person and the
//!   start, so a refresh updates events in place instead of duplicating them.
//! - `REFRESH-INTERVAL`/`X-PUBLISHED-TTL` ask for an hourly refresh; apps treat
//!   it as a hint (Google refreshes on its own schedule whatever we say).
//! - Feeds are fetched by URL without a login, so they carry names and roles
//!   only, never a phone number: the builders are given a name, not a
//!   [`StaffMember`](super::schedule::StaffMember).
//!
//! Everything here is pure: the current instant is an argument.

use chrono::{DateTime, Utc};
use icalendar::{Component, EventLike, Property};
use sha2::{Digest, Sha256};

use super::schedule::{Shift, StaffId};

/// RFC 5545 §3.1: content lines are folded at this many octets, line break excluded.
const LINE_LIMIT: usize = 75;

/// Formal public identifier of the product that wrote the feed (RFC 5545 §3.7.3).
const PRODID: &str = "-//numerovert//Astreintes//FR";

/// How often subscribers should refetch: shifts change with overrides, so hourly.
const REFRESH: &str = "PT1H";

/// One event of a feed, before rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEvent {
    /// Identifies the event across renders (e.g. `"role:sage-femme:staff:5:2026-12-24T17:00:00Z"`):
    /// the `UID` is derived from it, so it must not depend on the render time.
    pub uid_key: String,
    pub summary: String,
    pub description: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// Renders `events` as an iCalendar feed named `calendar_name`, CRLF-terminated
/// and folded at 75 octets.
///
/// `host` qualifies the UIDs (`<sha256 of uid_key>@host`), as RFC 5545 §3.8.4.7
/// recommends, so they cannot collide with another producer's. `now` is the
/// `DTSTAMP` of every event. Events that do not end after they start are left
/// out: RFC 5545 forbids them and some apps reject the whole feed for one.
pub fn render_feed(calendar_name: &str, host: &str, events: &[FeedEvent], now: DateTime<Utc>) -> String {
    let name = clean_text(calendar_name);
    // Whitespace in a UID's host part would make it look like two tokens to
    // apps that match UIDs loosely.
    let host: String = host.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();

    // `Calendar::empty` rather than `new`: the default PRODID names the crate, not us.
    let mut calendar = icalendar::Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        // The crate only escapes properties it knows as TEXT, and NAME (RFC 7986)
        // is not one of them, hence the explicit escape; X-WR-CALNAME is escaped
        // by the crate like any X- property.
        .append_property(Property::new("NAME", escape_text(&name)))
        .append_property(Property::new("X-WR-CALNAME", name))
        // Written by hand rather than with `Calendar::ttl`, which renders
        // chrono's `PT3600S`: valid, but Outlook only recognises the usual form.
        .append_property(Property::new("X-PUBLISHED-TTL", REFRESH))
        .append_property(
            Property::new("REFRESH-INTERVAL", REFRESH)
                .add_parameter("VALUE", "DURATION")
                .done(),
        );

    for event in events {
        if event.ends_at <= event.starts_at {
            tracing::warn!(uid_key = %event.uid_key, "calendar feed: event does not end after it starts, left out");
            continue;
        }
        let mut ical = icalendar::Event::new();
        // DTSTAMP and UID are set explicitly: left unset, the crate fills in the
        // wall clock and a random UUID, which would break stable UIDs.
        ical.uid(&event_uid(&event.uid_key, &host))
            .timestamp(now)
            .starts(event.starts_at)
            .ends(event.ends_at)
            .summary(&clean_text(&event.summary));
        if let Some(description) = &event.description {
            ical.description(&clean_text(description));
        }
        calendar.push(ical.done());
    }

    refold(&calendar.to_string())
}

/// Events of one person's own feed: their shifts, touching ones merged, each
/// titled "Astreinte — {role label}".
pub fn staff_feed_events(shifts: &[Shift], role_label: &dyn Fn(&str) -> String) -> Vec<FeedEvent> {
    shift_events(shifts, |shift| format!("Astreinte — {}", role_label(&shift.role)))
}

/// Events of a role's feed: everyone's shifts, touching ones of the same person
/// merged, each titled "{name} — astreinte {role label}".
pub fn role_feed_events(shifts: &[Shift], staff_name: &dyn Fn(StaffId) -> String, role_label: &str) -> Vec<FeedEvent> {
    shift_events(shifts, |shift| {
        format!("{} — astreinte {role_label}", staff_name(shift.staff))
    })
}

/// The merged shifts as events; only the title differs between the two feeds,
/// so that the same shift keeps the same UID in both.
fn shift_events(shifts: &[Shift], summary: impl Fn(&Shift) -> String) -> Vec<FeedEvent> {
    merge_shifts(shifts)
        .into_iter()
        .map(|shift| FeedEvent {
            uid_key: shift_uid_key(&shift),
            summary: summary(&shift),
            description: None,
            starts_at: shift.starts_at,
            ends_at: shift.ends_at,
        })
        .collect()
}

/// Joins the shifts of the same person in the same role that touch (or
/// overlap), so a night followed by a weekend shows as one block instead of
/// two events split at the rule boundary; empty shifts are dropped. Ordered by
/// start, then role, then person, so feeds come out the same on every render.
///
/// One sweep of [`Roster::shifts`](super::schedule::Roster::shifts) already
/// joins them; this also holds for shifts gathered from several sweeps (a
/// person's feed sweeps each of their roles, and a role can be listed twice),
/// which would otherwise give two events with the same UID.
fn merge_shifts(shifts: &[Shift]) -> Vec<Shift> {
    let mut sorted: Vec<&Shift> = shifts.iter().filter(|s| s.ends_at > s.starts_at).collect();
    sorted.sort_by(|a, b| (&a.role, a.staff, a.starts_at, a.ends_at).cmp(&(&b.role, b.staff, b.starts_at, b.ends_at)));

    let mut merged: Vec<Shift> = Vec::with_capacity(sorted.len());
    for shift in sorted {
        match merged.last_mut() {
            Some(last) if last.role == shift.role && last.staff == shift.staff && shift.starts_at <= last.ends_at => {
                last.ends_at = last.ends_at.max(shift.ends_at);
            }
            _ => merged.push(shift.clone()),
        }
    }
    merged.sort_by(|a, b| (a.starts_at, &a.role, a.staff).cmp(&(b.starts_at, &b.role, b.staff)));
    merged
}

/// The same merged shift gets the same key in the person's and the role's feed:
/// it is one real-world event shown in two calendars.
fn shift_uid_key(shift: &Shift) -> String {
    format!(
        "role:{}:staff:{}:{}",
        shift.role,
        shift.staff,
        shift.starts_at.format("%Y-%m-%dT%H:%M:%SZ")
    )
}

/// Hashed so the UID has a fixed length and a safe alphabet whatever the role
/// slug, and reveals nothing beyond what the event already says.
fn event_uid(uid_key: &str, host: &str) -> String {
    format!("{}@{host}", hex::encode(Sha256::digest(uid_key.as_bytes())))
}

/// Makes user-supplied text safe for a TEXT value. The crate escapes `\n` but
/// writes a `\r` as is, and a bare CR or another control character is not
/// allowed in a content line (RFC 5545 §3.3.11): line breaks of any style
/// become `\n`, other controls except tab are dropped.
fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// RFC 5545 §3.3.11 escaping, for the one property the crate leaves alone (NAME).
fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ',' => escaped.push_str("\\,"),
            ';' => escaped.push_str("\\;"),
            '\n' => escaped.push_str("\\n"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// Refolds the crate's output. Its folding lets the last piece of a long line
/// reach 76 octets (75 plus the leading space), which strict parsers reject,
/// so the lines are unfolded and folded again here.
///
/// Unfolding by removing every CRLF-space is exact because [`clean_text`] leaves
/// no CR or LF in any value: each CRLF in the output is a line end or a fold.
fn refold(rendered: &str) -> String {
    let unfolded = rendered.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 24);
    for line in unfolded.split_terminator("\r\n") {
        fold_line(line, &mut out);
    }
    out
}

/// Appends `line` folded into pieces of at most [`LINE_LIMIT`] octets
/// (continuations include their leading space), cut on character boundaries
/// so no UTF-8 sequence is split, then CRLF.
fn fold_line(line: &str, out: &mut String) {
    let mut rest = line;
    // The first piece has the whole width; continuations lose one octet to the space.
    let mut width = LINE_LIMIT;
    while rest.len() > width {
        let mut cut = width;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Some clients strip all the whitespace after a fold instead of one
        // character, which would eat a space of the text: avoid starting a
        // continuation with one when the piece can be shortened.
        while rest[cut..].starts_with([' ', '\t']) {
            match rest[..cut].char_indices().next_back() {
                Some((previous, _)) if previous > 0 => cut = previous,
                _ => break,
            }
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        width = LINE_LIMIT - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use icalendar::{CalendarDateTime, DatePerhapsTime};
    use proptest::prelude::*;

    const HOST: &str = "numerovert";

    fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, mi, 0)
            .single()
            .expect("valid test time")
    }

    fn now() -> DateTime<Utc> {
        utc(2026, 12, 1, 8, 0)
    }

    fn shift(role: &str, staff: StaffId, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> Shift {
        Shift {
            role: role.to_owned(),
            staff,
            starts_at,
            ends_at,
        }
    }

    fn event(key: &str, summary: &str, description: Option<&str>) -> FeedEvent {
        FeedEvent {
            uid_key: key.to_owned(),
            summary: summary.to_owned(),
            description: description.map(str::to_owned),
            starts_at: utc(2026, 12, 24, 17, 0),
            ends_at: utc(2026, 12, 25, 8, 0),
        }
    }

    fn label(role: &str) -> String {
        match role {
            "sage-femme" => "sage-femme".to_owned(),
            "puericultrice" => "puéricultrice".to_owned(),
            other => other.to_owned(),
        }
    }

    fn name(id: StaffId) -> String {
        match id {
            5 => "Hélène Dubois".to_owned(),
            7 => "Zoé Müller".to_owned(),
            other => format!("Personne {other}"),
        }
    }

    fn parse(feed: &str) -> icalendar::Calendar {
        feed.parse::<icalendar::Calendar>().expect("the feed parses back")
    }

    fn utc_time(dt: DateTime<Utc>) -> Option<DatePerhapsTime> {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(dt)))
    }

    /// Logical lines, as RFC 5545 §3.1 unfolds them (CRLF followed by one space or tab).
    fn unfolded_lines(feed: &str) -> Vec<String> {
        feed.replace("\r\n ", "")
            .replace("\r\n\t", "")
            .split_terminator("\r\n")
            .map(str::to_owned)
            .collect()
    }

    /// Every physical line is CRLF-terminated, at most 75 octets and valid UTF-8 on
    /// its own (so no fold split a character).
    fn assert_wire_format(feed: &str) {
        let bytes = feed.as_bytes();
        assert!(bytes.ends_with(b"\r\n"), "the feed ends with CRLF");
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at octet {i}");
            }
            if b == b'\r' {
                assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at octet {i}");
            }
        }
        let body = &bytes[..bytes.len() - 2];
        for line in body.split(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            assert!(
                line.len() <= LINE_LIMIT,
                "line of {} octets: {:?}",
                line.len(),
                String::from_utf8_lossy(line)
            );
            assert!(std::str::from_utf8(line).is_ok(), "a fold split a character: {line:?}");
        }
    }

    /// Checks the structure of a feed line by line: the envelope, the calendar
    /// properties before any component, balanced components, and the properties
    /// every VEVENT must have exactly once. Returns the number of events.
    fn assert_structure(feed: &str) -> usize {
        let lines = unfolded_lines(feed);
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.get(1).map(String::as_str), Some("VERSION:2.0"));
        assert_eq!(
            lines.get(2).map(String::as_str),
            Some(format!("PRODID:{PRODID}").as_str())
        );
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));

        let mut calendar_props: Vec<&str> = Vec::new();
        let mut stack: Vec<&str> = Vec::new();
        let mut event_props: Vec<&str> = Vec::new();
        let mut events = 0;
        for line in &lines {
            let (head, value) = line.split_once(':').unwrap_or_else(|| panic!("no colon in {line:?}"));
            let prop = head.split(';').next().unwrap_or_default();
            assert!(
                !prop.is_empty()
                    && prop
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
                "bad property name in {line:?}"
            );
            match prop {
                "BEGIN" => {
                    if stack.is_empty() {
                        assert_eq!(value, "VCALENDAR");
                    } else {
                        assert_eq!(stack, ["VCALENDAR"], "only VEVENTs inside the calendar");
                        assert_eq!(value, "VEVENT");
                        event_props.clear();
                    }
                    stack.push(value);
                }
                "END" => {
                    assert_eq!(stack.pop(), Some(value), "END:{value} closes what was opened");
                    if value == "VEVENT" {
                        events += 1;
                        for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
                            let n = event_props.iter().filter(|p| **p == required).count();
                            assert_eq!(n, 1, "{required} appears {n} times in event {events}");
                        }
                        let descriptions = event_props.iter().filter(|p| **p == "DESCRIPTION").count();
                        assert!(descriptions <= 1);
                    }
                }
                _ => match stack.as_slice() {
                    ["VCALENDAR"] => {
                        assert_eq!(events, 0, "calendar property {prop} after an event");
                        calendar_props.push(prop);
                    }
                    ["VCALENDAR", "VEVENT"] => event_props.push(prop),
                    other => panic!("property {prop} outside the calendar: {other:?}"),
                },
            }
        }
        assert!(stack.is_empty(), "unclosed components: {stack:?}");
        for required in [
            "VERSION",
            "PRODID",
            "CALSCALE",
            "METHOD",
            "NAME",
            "X-WR-CALNAME",
            "X-PUBLISHED-TTL",
            "REFRESH-INTERVAL",
        ] {
            let n = calendar_props.iter().filter(|p| **p == required).count();
            assert_eq!(n, 1, "calendar property {required} appears {n} times");
        }
        events
    }

    #[test]
    fn feed_parses_back_with_the_expected_events() {
        let events = [
            event("a", "Astreinte — sage-femme", Some("Nuit de Noël")),
            FeedEvent {
                starts_at: utc(2026, 12, 31, 18, 0),
                ends_at: utc(2027, 1, 1, 9, 30),
                ..event("b", "Zoé Müller — astreinte puéricultrice", None)
            },
        ];
        let feed = render_feed("Astreintes — sage-femme", HOST, &events, now());
        let calendar = parse(&feed);

        assert_eq!(calendar.property_value("X-WR-CALNAME"), Some("Astreintes — sage-femme"));
        assert_eq!(calendar.property_value("NAME"), Some("Astreintes — sage-femme"));
        assert_eq!(calendar.property_value("METHOD"), Some("PUBLISH"));
        assert_eq!(calendar.property_value("PRODID"), Some(PRODID));
        assert_eq!(calendar.property_value("X-PUBLISHED-TTL"), Some("PT1H"));
        assert_eq!(calendar.get_ttl(), Some(chrono::Duration::hours(1)));

        let parsed: Vec<&icalendar::Event> = calendar.events().collect();
        assert_eq!(parsed.len(), 2);
        for (ical, expected) in parsed.iter().zip(&events) {
            assert_eq!(ical.get_uid(), Some(event_uid(&expected.uid_key, HOST).as_str()));
            assert_eq!(ical.get_summary(), Some(expected.summary.as_str()));
            assert_eq!(ical.get_description(), expected.description.as_deref());
            assert_eq!(ical.get_start(), utc_time(expected.starts_at));
            assert_eq!(ical.get_end(), utc_time(expected.ends_at));
            assert_eq!(ical.get_timestamp(), Some(now()));
        }
    }

    #[test]
    fn times_and_refresh_hints_are_written_as_apps_expect() {
        let feed = render_feed("Astreintes", HOST, &[event("a", "Astreinte — sage-femme", None)], now());
        let lines = unfolded_lines(&feed);
        for expected in [
            "DTSTART:20261224T170000Z",
            "DTEND:20261225T080000Z",
            "DTSTAMP:20261201T080000Z",
            "METHOD:PUBLISH",
            "X-PUBLISHED-TTL:PT1H",
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "NAME:Astreintes",
            "X-WR-CALNAME:Astreintes",
        ] {
            assert!(lines.iter().any(|l| l == expected), "missing {expected:?} in\n{feed}");
        }
    }

    #[test]
    fn structure_is_valid_line_by_line() {
        let events = [
            event("a", "Astreinte — sage-femme", Some("Première ligne\nseconde ligne")),
            event("b", "Astreinte — puéricultrice", None),
        ];
        let feed = render_feed("Astreintes", HOST, &events, now());
        assert_eq!(assert_structure(&feed), 2);
        assert_wire_format(&feed);
    }

    #[test]
    fn empty_feed_is_still_a_calendar() {
        let feed = render_feed("Astreintes — puéricultrice", HOST, &[], now());
        assert_eq!(assert_structure(&feed), 0);
        assert_wire_format(&feed);
        assert!(!feed.contains("BEGIN:VEVENT"));
        let calendar = parse(&feed);
        assert_eq!(calendar.events().count(), 0);
        assert_eq!(
            calendar.property_value("X-WR-CALNAME"),
            Some("Astreintes — puéricultrice")
        );
    }

    #[test]
    fn special_characters_are_escaped_and_round_trip() {
        let summary = "Astreinte, nuit; garde \\ réseau";
        let description = "Ligne 1\nLigne 2, avec « guillemets » ; fin\\";
        let calendar_name = "Astreintes, sage-femme; nuit \\ week-end";
        let feed = render_feed(calendar_name, HOST, &[event("a", summary, Some(description))], now());
        let lines = unfolded_lines(&feed);

        let has = |expected: &str| lines.iter().any(|l| l == expected);
        assert!(has(r"SUMMARY:Astreinte\, nuit\; garde \\ réseau"), "{feed}");
        assert!(
            has(r"DESCRIPTION:Ligne 1\nLigne 2\, avec « guillemets » \; fin\\"),
            "{feed}"
        );
        assert!(
            has(r"X-WR-CALNAME:Astreintes\, sage-femme\; nuit \\ week-end"),
            "{feed}"
        );
        assert!(has(r"NAME:Astreintes\, sage-femme\; nuit \\ week-end"), "{feed}");

        let calendar = parse(&feed);
        let ical = calendar.events().next().expect("one event");
        assert_eq!(ical.get_summary(), Some(summary));
        assert_eq!(ical.get_description(), Some(description));
        assert_eq!(calendar.property_value("X-WR-CALNAME"), Some(calendar_name));
    }

    #[test]
    fn carriage_returns_and_control_characters_never_reach_the_wire() {
        let feed = render_feed(
            "Astreintes\r\nnuit",
            "numero\tvert\n",
            &[event("a", "Astreinte\r— sage-femme\u{7}", Some("a\r\nb\u{0}c"))],
            now(),
        );
        assert_wire_format(&feed);
        assert_eq!(assert_structure(&feed), 1);
        let calendar = parse(&feed);
        let ical = calendar.events().next().expect("one event");
        assert_eq!(ical.get_summary(), Some("Astreinte\n— sage-femme"));
        assert_eq!(ical.get_description(), Some("a\nbc"));
        assert_eq!(ical.get_uid(), Some(event_uid("a", "numerovert").as_str()));
        assert_eq!(calendar.property_value("X-WR-CALNAME"), Some("Astreintes\nnuit"));
    }

    #[test]
    fn lines_are_crlf_terminated_and_folded_at_75_octets() {
        // Every length around the fold points, in ASCII, two-octet accents,
        // three-octet dashes and four-octet emoji, so each cut position meets a
        // character boundary and a character middle; includes the lengths where
        // the crate's own folding leaves a 76-octet line.
        for len in 40..=260 {
            for unit in ["a", "é", "—", "👶", "a é"] {
                let text: String = unit.repeat(len).chars().take(len).collect();
                let feed = render_feed(&text, &text, &[event(&text, &text, Some(&text))], now());
                assert_wire_format(&feed);
                let calendar = parse(&feed);
                let ical = calendar.events().next().expect("one event");
                assert_eq!(ical.get_summary(), Some(text.as_str()), "{unit} × {len}");
                assert_eq!(ical.get_description(), Some(text.as_str()), "{unit} × {len}");
                assert_eq!(calendar.property_value("X-WR-CALNAME"), Some(text.as_str()));
            }
        }
    }

    #[test]
    fn folding_keeps_continuations_off_whitespace() {
        let mut out = String::new();
        let line = format!("SUMMARY:{} {}", "a".repeat(66), "b".repeat(100));
        fold_line(&line, &mut out);
        assert!(!out.contains("\r\n  "), "{out:?}");
        assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn uids_are_stable_across_renders_and_distinct_between_shifts() {
        let shifts = [
            shift("sage-femme", 5, utc(2026, 12, 24, 17, 0), utc(2026, 12, 25, 8, 0)),
            shift("sage-femme", 7, utc(2026, 12, 24, 17, 0), utc(2026, 12, 25, 8, 0)),
            shift("sage-femme", 5, utc(2026, 12, 26, 17, 0), utc(2026, 12, 27, 8, 0)),
            shift("puericultrice", 5, utc(2026, 12, 24, 17, 0), utc(2026, 12, 25, 8, 0)),
        ];
        let uids = |at: DateTime<Utc>| -> Vec<String> {
            let feed = render_feed("Astreintes", HOST, &role_feed_events(&shifts, &name, "sage-femme"), at);
            parse(&feed)
                .events()
                .map(|e| e.get_uid().expect("every event has a UID").to_owned())
                .collect()
        };
        let first = uids(now());
        let second = uids(now() + chrono::Duration::hours(3));
        assert_eq!(first.len(), 4);
        assert_eq!(first, second, "UIDs do not depend on the render time");

        let mut distinct = first.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 4, "one UID per shift: {first:?}");

        for uid in &first {
            let (hash, host) = uid.split_once('@').expect("UID is hash@host");
            assert_eq!(host, HOST);
            assert_eq!(hash.len(), 64);
            assert!(hash.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        }

        // The same shift has the same UID in the person's feed and in the role's.
        let own = staff_feed_events(&shifts[..1], &label);
        let role = role_feed_events(&shifts[..1], &name, "sage-femme");
        assert_eq!(own[0].uid_key, role[0].uid_key);
        assert_eq!(own[0].uid_key, "role:sage-femme:staff:5:2026-12-24T17:00:00Z");
        // Pinned: a UID that changed with a new version of the service would
        // make every subscribed calendar show each shift twice.
        assert_eq!(
            event_uid(&own[0].uid_key, HOST),
            "6e7be1aa19b2831810b95fe14867a8451bacd351d19924b10ce2c322179a98c3@numerovert"
        );
    }

    #[test]
    fn summaries_are_in_french() {
        let shifts = [
            shift("puericultrice", 7, utc(2026, 12, 24, 17, 0), utc(2026, 12, 25, 8, 0)),
            shift("sage-femme", 5, utc(2026, 12, 24, 8, 0), utc(2026, 12, 24, 17, 0)),
        ];
        let own: Vec<String> = staff_feed_events(&shifts, &label)
            .into_iter()
            .map(|e| e.summary)
            .collect();
        assert_eq!(own, ["Astreinte — sage-femme", "Astreinte — puéricultrice"]);

        let role: Vec<String> = role_feed_events(&shifts, &name, "sage-femme")
            .into_iter()
            .map(|e| e.summary)
            .collect();
        assert_eq!(
            role,
            [
                "Hélène Dubois — astreinte sage-femme",
                "Zoé Müller — astreinte sage-femme"
            ]
        );
    }

    #[test]
    fn touching_shifts_of_the_same_person_and_role_are_merged() {
        let shifts = [
            // Given out of order, as nothing promises the caller sorts them.
            shift("sage-femme", 5, utc(2026, 12, 25, 8, 0), utc(2026, 12, 25, 18, 0)),
            shift("sage-femme", 5, utc(2026, 12, 24, 17, 0), utc(2026, 12, 25, 8, 0)),
            // A gap of half an hour: a separate event.
            shift("sage-femme", 5, utc(2026, 12, 25, 18, 30), utc(2026, 12, 25, 20, 0)),
            // Someone else taking over exactly when the first shift ends.
            shift("sage-femme", 7, utc(2026, 12, 25, 18, 0), utc(2026, 12, 25, 18, 30)),
        ];
        let events = role_feed_events(&shifts, &name, "sage-femme");
        let spans: Vec<(StaffId, DateTime<Utc>, DateTime<Utc>)> = events
            .iter()
            .map(|e| {
                (
                    if e.summary.starts_with("Hélène") { 5 } else { 7 },
                    e.starts_at,
                    e.ends_at,
                )
            })
            .collect();
        assert_eq!(
            spans,
            [
                (5, utc(2026, 12, 24, 17, 0), utc(2026, 12, 25, 18, 0)),
                (7, utc(2026, 12, 25, 18, 0), utc(2026, 12, 25, 18, 30)),
                (5, utc(2026, 12, 25, 18, 30), utc(2026, 12, 25, 20, 0)),
            ]
        );
        assert_eq!(events[0].uid_key, "role:sage-femme:staff:5:2026-12-24T17:00:00Z");
    }

    #[test]
    fn shifts_in_different_roles_are_not_merged() {
        let shifts = [
            shift("sage-femme", 5, utc(2026, 12, 24, 8, 0), utc(2026, 12, 24, 17, 0)),
            shift("puericultrice", 5, utc(2026, 12, 24, 17, 0), utc(2026, 12, 25, 8, 0)),
        ];
        let events = staff_feed_events(&shifts, &label);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].ends_at, events[1].starts_at);
    }

    #[test]
    fn overlapping_shifts_merge_and_empty_ones_vanish() {
        let shifts = [
            shift("sage-femme", 5, utc(2026, 12, 24, 8, 0), utc(2026, 12, 24, 17, 0)),
            shift("sage-femme", 5, utc(2026, 12, 24, 12, 0), utc(2026, 12, 24, 14, 0)),
            shift("sage-femme", 5, utc(2026, 12, 24, 16, 0), utc(2026, 12, 24, 20, 0)),
            shift("sage-femme", 5, utc(2026, 12, 26, 8, 0), utc(2026, 12, 26, 8, 0)),
        ];
        let events = staff_feed_events(&shifts, &label);
        assert_eq!(events.len(), 1);
        assert_eq!(
            (events[0].starts_at, events[0].ends_at),
            (utc(2026, 12, 24, 8, 0), utc(2026, 12, 24, 20, 0))
        );
    }

    #[test]
    fn events_that_do_not_end_after_they_start_are_left_out() {
        let backwards = FeedEvent {
            ends_at: utc(2026, 12, 24, 16, 0),
            ..event("b", "À l'envers", None)
        };
        let feed = render_feed("Astreintes", HOST, &[event("a", "Astreinte", None), backwards], now());
        assert_eq!(assert_structure(&feed), 1);
    }

    #[test]
    fn feeds_built_from_shifts_render_and_parse() {
        let shifts = [
            shift("sage-femme", 5, utc(2026, 12, 24, 17, 0), utc(2026, 12, 25, 8, 0)),
            shift("sage-femme", 5, utc(2026, 12, 25, 8, 0), utc(2026, 12, 25, 17, 0)),
            shift("sage-femme", 7, utc(2026, 12, 25, 17, 0), utc(2026, 12, 26, 8, 0)),
        ];
        let feed = render_feed(
            "Astreintes — sage-femme",
            HOST,
            &role_feed_events(&shifts, &name, "sage-femme"),
            now(),
        );
        assert_eq!(assert_structure(&feed), 2);
        assert_wire_format(&feed);
        let calendar = parse(&feed);
        let parsed: Vec<(Option<&str>, Option<DatePerhapsTime>, Option<DatePerhapsTime>)> = calendar
            .events()
            .map(|e| (e.get_summary(), e.get_start(), e.get_end()))
            .collect();
        assert_eq!(
            parsed,
            [
                (
                    Some("Hélène Dubois — astreinte sage-femme"),
                    utc_time(utc(2026, 12, 24, 17, 0)),
                    utc_time(utc(2026, 12, 25, 17, 0))
                ),
                (
                    Some("Zoé Müller — astreinte sage-femme"),
                    utc_time(utc(2026, 12, 25, 17, 0)),
                    utc_time(utc(2026, 12, 26, 8, 0))
                ),
            ]
        );
    }

    proptest! {
        #[test]
        fn any_text_round_trips_within_the_line_limit(
            summary in "[a-zA-Z0-9 éèàçœÉ—«»€👶,;:\\\\\"\n\r\t]{0,200}",
            description in proptest::option::of("[a-z éà—,;\\\\\n]{0,300}"),
            calendar_name in "[a-zA-Z éè—,;\\\\]{0,120}",
        ) {
            let feed = render_feed(&calendar_name, HOST, &[event("k", &summary, description.as_deref())], now());
            assert_wire_format(&feed);
            prop_assert_eq!(assert_structure(&feed), 1);
            let calendar = parse(&feed);
            let ical = calendar.events().next().expect("one event");
            let expected = summary.replace("\r\n", "\n").replace('\r', "\n");
            prop_assert_eq!(ical.get_summary(), Some(expected.as_str()));
            prop_assert_eq!(ical.get_description(), description.as_deref());
            prop_assert_eq!(calendar.property_value("X-WR-CALNAME"), Some(calendar_name.as_str()));
        }
    }
}
