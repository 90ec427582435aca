//! Checks what staff, rules, rotations and overrides a supervisor submits, from
//! the CLI or the API, and turns it into the schedule types.
//!
//! Every problem is reported at once, each tied to its field, in French: the
//! back-office shows these messages to the people who typed the values.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::hours::TimeWindow;
use super::schedule::{Handoff, HolidayPolicy, Override, OverrideKind, Roster, Rotation, Rule, StaffId};
use crate::db::roster::{parse_weekday, StaffInput};

/// A problem with one field of a submitted value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

fn err(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message: message.into(),
    }
}

/// Formats field errors one per line, for the CLI.
pub fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parses a phone number as people write it (`06 12 34 56 78`, `+33 6…`,
/// `0033…`), French by default, into E.164.
pub fn parse_phone(input: &str) -> Result<String, String> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err("le numéro est vide".into());
    }
    let number = phonenumber::parse(Some(phonenumber::country::Id::FR), trimmed)
        .map_err(|_| format!("« {trimmed} » n'est pas un numéro de téléphone (exemple : 06 12 34 56 78)"))?;
    let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
    if !phonenumber::is_valid(&number) && !is_fictional(&e164) {
        return Err(format!(
            "« {trimmed} » n'est pas un numéro valide : vérifiez le nombre de chiffres (exemple : 06 12 34 56 78)"
        ));
    }
    Ok(e164)
}

/// ARCEP reserves 01 99 00 xx xx and 06 39 98 xx xx for fiction: nobody owns
/// them, so the demo and the tests use them. The phone-number metadata knows
/// them as unallocated, hence this exception.
fn is_fictional(e164: &str) -> bool {
    e164.len() == 12 && (e164.starts_with("+3363998") || e164.starts_with("+3319900"))
}

/// A staff member as submitted.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffDraft {
    pub name: String,
    pub phone: String,
    pub roles: Vec<String>,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

fn check_role(field: &str, role: &str, roles: &[String], errors: &mut Vec<FieldError>) {
    if !roles.iter().any(|r| r == role) {
        errors.push(err(
            field,
            format!("rôle inconnu « {role} » ; rôles possibles : {}", roles.join(", ")),
        ));
    }
}

pub fn validate_staff(d: &StaffDraft, roles: &[String]) -> Result<StaffInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = d.name.trim();
    if name.is_empty() {
        errors.push(err("name", "le nom est obligatoire"));
    }
    let phone = parse_phone(&d.phone).map_err(|m| errors.push(err("phone", m))).ok();
    if d.roles.is_empty() {
        errors.push(err("roles", "indiquez au moins un rôle"));
    }
    for role in &d.roles {
        check_role("roles", role, roles, &mut errors);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // A role listed twice is held once, in the order first given.
    let mut member_roles: Vec<String> = Vec::new();
    for role in &d.roles {
        if !member_roles.contains(role) {
            member_roles.push(role.clone());
        }
    }
    Ok(StaffInput {
        name: name.to_owned(),
        phone: phone.expect("checked"),
        roles: member_roles,
        active: d.active,
    })
}

/// Checks that each person exists and holds `role`.
fn check_people(field: &str, people: &[StaffId], role: &str, roster: &Roster, errors: &mut Vec<FieldError>) {
    for id in people {
        match roster.member(*id) {
            None => errors.push(err(field, format!("aucun membre de l'équipe n'a le numéro {id}"))),
            Some(m) if !m.roles.iter().any(|r| r == role) => {
                errors.push(err(field, format!("{} (n° {id}) n'a pas le rôle « {role} »", m.name)))
            }
            Some(_) => {}
        }
    }
}

/// A weekly rule as submitted.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleDraft {
    pub role: String,
    /// `["monday", …]` (French day names are accepted too).
    pub days: Vec<String>,
    /// `"HH:MM-HH:MM"`; an end before the start crosses midnight; `"00:00-24:00"` is all day.
    pub window: String,
    #[serde(default)]
    pub holidays: HolidayPolicy,
    #[serde(default)]
    pub rotation: Option<i64>,
    #[serde(default)]
    pub staff: Vec<StaffId>,
    #[serde(default)]
    pub priority: i32,
}

pub fn validate_rule(d: &RuleDraft, roster: &Roster, roles: &[String]) -> Result<Rule, Vec<FieldError>> {
    let mut errors = Vec::new();
    check_role("role", &d.role, roles, &mut errors);
    let mut days = Vec::new();
    for day in &d.days {
        match parse_weekday(day) {
            Some(w) if !days.contains(&w) => days.push(w),
            Some(_) => {}
            None => errors.push(err(
                "days",
                format!("jour inconnu « {day} » (exemple : monday ou lundi)"),
            )),
        }
    }
    if d.days.is_empty() {
        errors.push(err("days", "indiquez au moins un jour"));
    }
    let window = d
        .window
        .parse::<TimeWindow>()
        .map_err(|e| {
            errors.push(err(
                "window",
                format!("plage horaire invalide : {e} (exemple : 09:00-18:00)"),
            ))
        })
        .ok();
    if let Some(id) = d.rotation {
        match roster.rotations.iter().find(|r| r.id == id) {
            None => errors.push(err("rotation", format!("aucun roulement n'a le numéro {id}"))),
            Some(r) if r.role != d.role => errors.push(err(
                "rotation",
                format!("le roulement {id} est celui du rôle « {} »", r.role),
            )),
            Some(_) => {}
        }
    }
    check_people("staff", &d.staff, &d.role, roster, &mut errors);
    if d.rotation.is_none() && d.staff.is_empty() {
        errors.push(err(
            "staff",
            "indiquez qui est d'astreinte : un roulement ou des personnes",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Rule {
        id: 0,
        role: d.role.clone(),
        days,
        window: window.expect("checked"),
        holidays: d.holidays,
        rotation: d.rotation,
        staff: d.staff.clone(),
        priority: d.priority,
    })
}

/// A rotation as submitted.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RotationDraft {
    pub role: String,
    pub name: String,
    pub members: Vec<StaffId>,
    pub handoff: Handoff,
    /// `"HH:MM"`, local time.
    pub handoff_time: String,
    /// `"YYYY-MM-DD"`: the first member's turn starts that day at `handoff_time`.
    pub start: String,
}

pub fn validate_rotation(d: &RotationDraft, roster: &Roster, roles: &[String]) -> Result<Rotation, Vec<FieldError>> {
    let mut errors = Vec::new();
    check_role("role", &d.role, roles, &mut errors);
    if d.name.trim().is_empty() {
        errors.push(err("name", "donnez un nom au roulement"));
    }
    if d.members.is_empty() {
        errors.push(err("members", "indiquez au moins une personne"));
    }
    check_people("members", &d.members, &d.role, roster, &mut errors);
    let time = NaiveTime::parse_from_str(d.handoff_time.trim(), "%H:%M")
        .map_err(|_| errors.push(err("handoff_time", "heure invalide (exemple : 09:00)")))
        .ok();
    let start = NaiveDate::parse_from_str(d.start.trim(), "%Y-%m-%d")
        .map_err(|_| errors.push(err("start", "date invalide (exemple : 2026-12-01)")))
        .ok();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Rotation {
        id: 0,
        role: d.role.clone(),
        name: d.name.trim().to_owned(),
        members: d.members.clone(),
        handoff: d.handoff,
        handoff_time: time.expect("checked"),
        start: start.expect("checked"),
    })
}

/// An override as submitted; times are RFC 3339 or `"YYYY-MM-DD HH:MM"` on the
/// line's wall clock.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct OverrideDraft {
    pub role: String,
    pub starts_at: String,
    pub ends_at: String,
    #[serde(flatten)]
    pub kind: OverrideKind,
    #[serde(default)]
    pub note: Option<String>,
}

/// Reads an instant typed by a person: RFC 3339, or a local date and time
/// (`2026-12-24 21:30`, `2026-12-24T21:30`) in `tz`. A local time that does not
/// exist (spring-forward gap) is refused; one that happens twice (autumn) is
/// the first.
pub fn parse_instant(input: &str, tz: Tz) -> Result<DateTime<Utc>, String> {
    let s = input.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let local = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(|d| d.and_time(NaiveTime::MIN))
    })
    .ok_or_else(|| format!("« {s} » n'est pas une date et une heure (exemple : 2026-12-24 21:30)"))?;
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(format!(
            "{s} n'existe pas à l'heure de {tz} (passage à l'heure d'été) : choisissez une heure après le changement"
        )),
    }
}

pub fn validate_override(
    d: &OverrideDraft,
    roster: &Roster,
    roles: &[String],
    tz: Tz,
) -> Result<Override, Vec<FieldError>> {
    let mut errors = Vec::new();
    check_role("role", &d.role, roles, &mut errors);
    let starts = parse_instant(&d.starts_at, tz)
        .map_err(|m| errors.push(err("starts_at", m)))
        .ok();
    let ends = parse_instant(&d.ends_at, tz)
        .map_err(|m| errors.push(err("ends_at", m)))
        .ok();
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            errors.push(err("ends_at", "la fin doit être après le début"));
        }
    }
    let people: Vec<StaffId> = match d.kind {
        OverrideKind::Replace { staff, by } => {
            if staff == by {
                errors.push(err("by", "la personne remplaçante doit être une autre personne"));
            }
            vec![staff, by]
        }
        OverrideKind::Add { staff } | OverrideKind::Remove { staff } => vec![staff],
    };
    // Someone taken off duty may no longer hold the role: only the people put
    // on duty must hold it.
    let on_duty: Vec<StaffId> = match d.kind {
        OverrideKind::Replace { by, .. } => vec![by],
        OverrideKind::Add { staff } => vec![staff],
        OverrideKind::Remove { .. } => vec![],
    };
    for id in &people {
        if roster.member(*id).is_none() {
            errors.push(err("staff", format!("aucun membre de l'équipe n'a le numéro {id}")));
        }
    }
    let known: Vec<StaffId> = on_duty.into_iter().filter(|id| roster.member(*id).is_some()).collect();
    check_people("staff", &known, &d.role, roster, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Override {
        id: 0,
        role: d.role.clone(),
        starts_at: starts.expect("checked"),
        ends_at: ends.expect("checked"),
        kind: d.kind.clone(),
        note: d.note.as_ref().map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
    })
}

/// A new random secret for a URL or an API token, and the hash kept of it.
pub fn new_secret() -> (String, String) {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_secret(&token);
    (token, hash)
}

/// The hash stored for a secret: tokens are random and long, so a plain SHA-256
/// is enough (no password stretching needed) and allows lookup by hash.
pub fn hash_secret(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routing::schedule::StaffMember;

    fn roles() -> Vec<String> {
        ["sage-femme", "psychologue"].map(String::from).to_vec()
    }

    fn roster() -> Roster {
        Roster {
            staff: vec![
                StaffMember {
                    id: 1,
                    name: "Awa".into(),
                    phone: "+33612345678".into(),
                    roles: vec!["sage-femme".into()],
                    active: true,
                },
                StaffMember {
                    id: 2,
                    name: "Léa".into(),
                    phone: "+33612345679".into(),
                    roles: vec!["psychologue".into()],
                    active: true,
                },
            ],
            ..Roster::default()
        }
    }

    #[test]
    fn phones_are_read_as_people_write_them() {
        for input in [
            "06 12 34 56 78",
            "0612345678",
            "+33 6 12 34 56 78",
            "06.12.34.56.78",
            "+33612345678",
        ] {
            assert_eq!(parse_phone(input).unwrap(), "+33612345678", "{input}");
        }
        // The ranges reserved for fiction, which the demo uses.
        assert_eq!(parse_phone("06 39 98 00 21").unwrap(), "+33639980021");
        assert!(parse_phone("06 39 98 00 2").is_err());
        // Overseas mobiles have their own country codes.
        assert_eq!(parse_phone("+590 690 12 34 56").unwrap(), "+590690123456");
        assert_eq!(parse_phone("+32 470 12 34 56").unwrap(), "+32470123456");
    }

    #[test]
    fn invalid_phones_get_a_clear_error() {
        for input in ["", "06 12 34", "bonjour", "06 12 34 56 78 90"] {
            let e = parse_phone(input).unwrap_err();
            assert!(!e.is_empty(), "{input}");
        }
    }

    #[test]
    fn a_staff_member_with_every_mistake_gets_every_error() {
        let d = StaffDraft {
            name: " ".into(),
            phone: "12".into(),
            roles: vec!["plombier".into()],
            active: true,
        };
        let errors = validate_staff(&d, &roles()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "phone", "roles"]);
    }

    #[test]
    fn a_role_given_twice_is_held_once() {
        let d = StaffDraft {
            name: "Awa".into(),
            phone: "06 12 34 56 78".into(),
            roles: ["sage-femme", "psychologue", "sage-femme"].map(String::from).to_vec(),
            active: true,
        };
        assert_eq!(
            validate_staff(&d, &roles()).unwrap().roles,
            ["sage-femme", "psychologue"]
        );
    }

    #[test]
    fn a_rule_names_existing_people_of_its_role() {
        let d = RuleDraft {
            role: "sage-femme".into(),
            days: vec!["lundi".into(), "tuesday".into()],
            window: "18:00-09:00".into(),
            holidays: HolidayPolicy::NotOnHolidays,
            rotation: None,
            staff: vec![1],
            priority: 0,
        };
        let rule = validate_rule(&d, &roster(), &roles()).unwrap();
        assert!(rule.window.crosses_midnight());
        assert_eq!(rule.days.len(), 2);
        let wrong = RuleDraft {
            staff: vec![2, 9],
            days: vec!["funday".into()],
            window: "25:00-26:00".into(),
            ..d
        };
        let errors = validate_rule(&wrong, &roster(), &roles()).unwrap_err();
        assert_eq!(errors.len(), 4, "{errors:?}");
    }

    #[test]
    fn local_instants_follow_paris_time_and_refuse_the_spring_gap() {
        let tz = chrono_tz::Europe::Paris;
        assert_eq!(
            parse_instant("2026-12-24 21:30", tz).unwrap().to_rfc3339(),
            "2026-12-24T20:30:00+00:00"
        );
        assert_eq!(
            parse_instant("2026-07-14T12:00", tz).unwrap().to_rfc3339(),
            "2026-07-14T10:00:00+00:00"
        );
        assert!(parse_instant("2026-03-29 02:30", tz).is_err());
        // 02:30 happens twice on 25 October 2026: the first (summer time) is kept.
        assert_eq!(
            parse_instant("2026-10-25 02:30", tz).unwrap().to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
        assert!(parse_instant("demain", tz).is_err());
    }

    #[test]
    fn overrides_check_their_period_and_people() {
        let tz = chrono_tz::Europe::Paris;
        let d = OverrideDraft {
            role: "sage-femme".into(),
            starts_at: "2026-12-24 18:00".into(),
            ends_at: "2026-12-24 10:00".into(),
            kind: OverrideKind::Replace { staff: 1, by: 2 },
            note: None,
        };
        let errors = validate_override(&d, &roster(), &roles(), tz).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        let json = r#"{"role":"sage-femme","starts_at":"2026-12-24 18:00","ends_at":"2026-12-25 09:00","kind":"add","staff":1}"#;
        let d: OverrideDraft = serde_json::from_str(json).unwrap();
        assert!(validate_override(&d, &roster(), &roles(), tz).is_ok());
    }

    #[test]
    fn secrets_are_long_random_and_hashed() {
        let (a, ha) = new_secret();
        let (b, _) = new_secret();
        assert_ne!(a, b);
        assert!(a.len() >= 43);
        assert_eq!(hash_secret(&a), ha);
        assert_ne!(ha, a);
    }
}
