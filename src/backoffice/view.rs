//! What every page shares: the layout's data (title, user, navigation) and
//! the French renderings of times, numbers and the product's codes.

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;

use super::access::{Role, Viewer};
use crate::routing::hours::{month_name, weekday_name};

/// The layout's data (`templates/base.html`).
pub struct Chrome {
    /// The page's title, before the product's name.
    pub title: String,
    pub user: Option<ChromeUser>,
    pub nav: Vec<NavItem>,
    /// For the logout form.
    pub csrf: String,
}

pub struct ChromeUser {
    pub name: String,
    pub role: &'static str,
}

pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    pub current: bool,
}

/// The pages of the navigation and the role each needs.
const NAV: [(&str, &str, Role); 8] = [
    ("/", "Aujourd'hui", Role::Staff),
    ("/follow-ups", "Suivis", Role::Staff),
    ("/contacts", "Contacts", Role::Staff),
    ("/rota", "Planning", Role::Staff),
    ("/figures", "Chiffres", Role::Supervisor),
    ("/content", "Contenus", Role::Supervisor),
    ("/admin/users", "Utilisateurs", Role::Admin),
    ("/admin/access-log", "Journal des accès", Role::Admin),
];

impl Chrome {
    /// The layout without a user (login, errors).
    pub fn bare(title: &str) -> Chrome {
        Chrome {
            title: title.to_owned(),
            user: None,
            nav: Vec::new(),
            csrf: String::new(),
        }
    }

    pub fn for_viewer(viewer: &Viewer, title: &str, current: &str) -> Chrome {
        Chrome {
            title: title.to_owned(),
            user: Some(ChromeUser {
                name: viewer.user.display_name.clone(),
                role: viewer.user.role.label(),
            }),
            nav: NAV
                .iter()
                .filter(|(_, _, needed)| viewer.user.role.allows(*needed))
                .map(|(href, label, _)| NavItem {
                    href,
                    label,
                    current: *href == current,
                })
                .collect(),
            csrf: viewer.csrf.clone(),
        }
    }
}

/// The message of the error tied to `field`, for the template's `aria-describedby`.
pub fn field_error<'a>(errors: &'a [crate::routing::directory::FieldError], field: &str) -> Option<&'a str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
}

/// "14 h 05" on the line's clock.
pub fn time(tz: Tz, at: DateTime<Utc>) -> String {
    let l = at.with_timezone(&tz);
    format!("{} h {:02}", l.hour(), l.minute())
}

/// "mardi 24 novembre" on the line's clock.
pub fn day(tz: Tz, at: DateTime<Utc>) -> String {
    let l = at.with_timezone(&tz);
    format!(
        "{} {} {}",
        weekday_name(l.weekday()),
        if l.day() == 1 {
            "1er".to_owned()
        } else {
            l.day().to_string()
        },
        month_name(l.month())
    )
}

/// "mardi 24 novembre, 14 h 05", or "aujourd'hui, 14 h 05" / "hier, …".
pub fn moment(tz: Tz, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let date = at.with_timezone(&tz).date_naive();
    let today = now.with_timezone(&tz).date_naive();
    let day_text = if date == today {
        "aujourd'hui".to_owned()
    } else if date.succ_opt() == Some(today) {
        "hier".to_owned()
    } else if today.succ_opt() == Some(date) {
        "demain".to_owned()
    } else {
        day(tz, at)
    };
    format!("{day_text}, {}", time(tz, at))
}

/// "samedi 5 décembre, de 9 h 00 à 12 h 30", or from one moment to another across days.
pub fn period(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>, now: DateTime<Utc>) -> String {
    if from.with_timezone(&tz).date_naive() == to.with_timezone(&tz).date_naive() {
        let (day_text, _) = moment(tz, from, now)
            .split_once(", ")
            .map(|(d, t)| (d.to_owned(), t.to_owned()))
            .unwrap_or_default();
        format!("{day_text}, de {} à {}", time(tz, from), time(tz, to))
    } else {
        format!("de {} à {}", moment(tz, from, now), moment(tz, to, now))
    }
}

/// A role's label as a board heading: "une sage-femme" → "Sage-femme",
/// "l'accueil de la Maison" → "Accueil de la Maison".
pub fn role_name(label: &str) -> String {
    let bare = ["l'", "l’", "une ", "un ", "le ", "la ", "les "]
        .iter()
        .find_map(|a| label.strip_prefix(a))
        .unwrap_or(label);
    capitalized(bare)
}

/// The text with its first letter in capitals.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A duration in words: "12 min", "3 h 10", "2 j".
pub fn span(d: chrono::Duration) -> String {
    let minutes = d.num_minutes().abs();
    if minutes < 60 {
        format!("{minutes} min")
    } else if minutes < 48 * 60 {
        let (h, m) = (minutes / 60, minutes % 60);
        if m == 0 {
            format!("{h} h")
        } else {
            format!("{h} h {m:02}")
        }
    } else {
        format!("{} j", minutes / (24 * 60))
    }
}

/// How long ago: "à l'instant", "il y a 12 min", "il y a 2 j".
pub fn ago(d: chrono::Duration) -> String {
    if d < chrono::Duration::minutes(1) {
        "à l'instant".to_owned()
    } else {
        format!("il y a {}", span(d))
    }
}

/// How late or how soon `due` is: "en retard de 2 h", "maintenant" or "dans 40 min".
pub fn due(due: DateTime<Utc>, now: DateTime<Utc>) -> (String, bool) {
    if due <= now && now - due < chrono::Duration::minutes(1) {
        ("maintenant".to_owned(), true)
    } else if due <= now {
        (format!("en retard de {}", span(now - due)), true)
    } else {
        (format!("dans {}", span(due - now)), false)
    }
}

/// The channel in French.
pub fn channel(c: &str) -> &'static str {
    match c {
        "voice" => "Appel",
        "sms" => "SMS",
        _ => "Autre",
    }
}

/// A contact's outcome in French.
pub fn outcome(o: Option<&str>) -> &'static str {
    match o {
        Some("answered") => "Pris par un·e professionnel·le",
        Some("message_left") => "Message laissé",
        Some("callback_requested") => "Rappel demandé",
        Some("informed") => "Information donnée (serveur vocal ou SMS)",
        Some("abandoned") => "Raccroché avant la fin",
        Some("fallback") => "Renvoyé vers le numéro de secours",
        Some("safety") => "Urgence : numéros donnés",
        Some(_) => "Autre issue",
        None => "En cours",
    }
}

/// Why a follow-up exists, in French.
pub fn reason(r: &str) -> &'static str {
    match r {
        "missed" => "Appel manqué",
        "abandoned" => "Appel interrompu",
        "callback-requested" => "Rappel demandé",
        "message-left" => "Message laissé",
        "safety" => "Message urgent",
        "other-language" => "Message dans une autre langue",
        _ => "À suivre",
    }
}

/// A follow-up's state in French.
pub fn state(s: &str) -> &'static str {
    match s {
        "new" => "Nouveau",
        "in-progress" => "En cours",
        "waiting" => "En attente",
        "closed" => "Clos",
        _ => "Autre",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn paris(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Paris
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn times_are_on_the_lines_clock_in_french() {
        let tz = chrono_tz::Europe::Paris;
        let at = paris(2026, 12, 1, 9, 5);
        assert_eq!(time(tz, at), "9 h 05");
        assert_eq!(day(tz, at), "mardi 1er décembre");
        assert_eq!(moment(tz, at, paris(2026, 12, 1, 18, 0)), "aujourd'hui, 9 h 05");
        assert_eq!(moment(tz, at, paris(2026, 12, 2, 0, 10)), "hier, 9 h 05");
        assert_eq!(moment(tz, at, paris(2026, 12, 5, 0, 10)), "mardi 1er décembre, 9 h 05");
    }

    #[test]
    fn periods_and_roles_read_naturally() {
        let tz = chrono_tz::Europe::Paris;
        let now = paris(2026, 12, 3, 10, 0);
        assert_eq!(
            period(tz, paris(2026, 12, 5, 9, 0), paris(2026, 12, 5, 12, 30), now),
            "samedi 5 décembre, de 9 h 00 à 12 h 30"
        );
        assert_eq!(
            period(tz, paris(2026, 12, 3, 19, 0), paris(2026, 12, 4, 9, 0), now),
            "de aujourd'hui, 19 h 00 à demain, 9 h 00"
        );
        assert_eq!(role_name("une sage-femme"), "Sage-femme");
        assert_eq!(role_name("l'accueil de la Maison"), "Accueil de la Maison");
        assert_eq!(role_name("un travailleur social"), "Travailleur social");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(span(chrono::Duration::minutes(12)), "12 min");
        assert_eq!(span(chrono::Duration::minutes(190)), "3 h 10");
        assert_eq!(span(chrono::Duration::hours(5)), "5 h");
        assert_eq!(span(chrono::Duration::hours(72)), "3 j");
        let now = Utc::now();
        assert_eq!(
            due(now - chrono::Duration::hours(2), now),
            ("en retard de 2 h".into(), true)
        );
        assert_eq!(due(now, now), ("maintenant".into(), true));
        assert_eq!(ago(chrono::Duration::seconds(20)), "à l'instant");
        assert_eq!(ago(chrono::Duration::minutes(75)), "il y a 1 h 15");
        assert_eq!(
            due(now + chrono::Duration::minutes(40), now),
            ("dans 40 min".into(), false)
        );
    }
}
