//! Settings: environment variables (the contract of DESIGN.md) over an optional
//! TOML file named by `NUMEROVERT_CONFIG`.
//!
//! Everything is checked at start-up and every problem is reported at once, each
//! naming the setting (the variable or the TOML key) and what is expected, so a
//! deployment never starts half-configured. Secrets (`TWILIO_AUTH_TOKEN`, a
//! database password) are kept in `SecretString` or masked in `Debug` and never
//! reach the logs.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use chrono_tz::Tz;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::routing::holidays::HolidayRegion;
use crate::routing::hours::{HoursConfig, OpeningHours};
use crate::routing::roles::{default_roles, Role};

/// The TOML file, as written by the operator. Every section is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    #[serde(default)]
    pub server: ServerFile,
    #[serde(default)]
    pub helpline: HelplineFile,
    #[serde(default)]
    pub lines: Vec<Line>,
    #[serde(default)]
    pub roles: BTreeMap<String, Role>,
    pub hours: Option<HoursConfig>,
    #[serde(default)]
    pub sms: SmsFile,
    #[serde(default)]
    pub backoffice: BackofficeFile,
}

/// `[backoffice]`: sessions and login throttling.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackofficeFile {
    /// A session unused for this long ends (default 120 minutes).
    pub session_idle_minutes: Option<u32>,
    /// Every session ends this long after the login (default 12 hours: a shift).
    pub session_max_hours: Option<u32>,
    /// Failed logins for one login before it is locked for `lockout_minutes` (default 5).
    pub max_failures_per_login: Option<u32>,
    /// Failed logins from one address, whatever the login (default 20).
    pub max_failures_per_client: Option<u32>,
    /// Default 15.
    pub lockout_minutes: Option<u32>,
    /// Behind a reverse proxy: read the client's address from the last entry
    /// of `X-Forwarded-For` (default false: the connection's address).
    pub trust_forwarded_for: Option<bool>,
}

/// `[sms]`: the SMS number and the bot.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmsFile {
    /// The helpline's SMS number (a 09 platform number or a short code), sender of pushed messages.
    pub number: Option<String>,
    /// Or a Twilio Messaging Service (`MG…`) that picks the number.
    pub messaging_service_sid: Option<String>,
    /// The longest reply the bot may send, in segments (default 3).
    pub max_reply_segments: Option<u32>,
    /// More messages than this from one number within `flood_window_minutes`
    /// get one notice, then no reply until it calms down (default 10 in 10 minutes).
    pub flood_limit: Option<u32>,
    pub flood_window_minutes: Option<u32>,
    /// Roles whose professionals on duty are alerted of a safety message, tried
    /// in order (each with its backups) until one has someone (default: every configured role).
    pub alert_roles: Option<Vec<String>>,
    /// A message after this many hours of silence starts a new contact (default 24).
    pub session_gap_hours: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerFile {
    pub bind: Option<String>,
    pub public_url: Option<String>,
    pub database_url: Option<String>,
    pub scripts_dir: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelplineFile {
    pub name: Option<String>,
    pub fallback_number: Option<String>,
    pub voice: Option<String>,
    pub holiday_region: Option<String>,
    pub timezone: Option<String>,
    pub default_script: Option<String>,
    /// Minutes within which a missed caller must be called back (default 240).
    pub callback_delay_minutes: Option<u32>,
    /// Show professionals the parent's number instead of the helpline's (default false).
    pub show_caller_number: Option<bool>,
}

/// A phone line of the helpline and the script it plays.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// E.164, as the provider sends it in `To`.
    pub number: String,
    pub name: Option<String>,
    /// A script id of `ivr-scripts/` (file stem).
    pub script: String,
}

/// The database URL, with any password masked when printed.
#[derive(Clone)]
pub struct DatabaseUrl(SecretString);

impl DatabaseUrl {
    pub fn new(url: impl Into<String>) -> Self {
        DatabaseUrl(SecretString::from(url.into()))
    }
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
    pub fn is_postgres(&self) -> bool {
        self.expose().starts_with("postgres://") || self.expose().starts_with("postgresql://")
    }
    /// The URL without its password, for logs and messages.
    pub fn redacted(&self) -> String {
        match url::Url::parse(self.expose()) {
            Ok(mut u) if u.password().is_some() => {
                let _ = u.set_password(Some("****"));
                u.to_string()
            }
            _ => self.expose().to_owned(),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({})", self.redacted())
    }
}

/// Everything the service runs with, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: SocketAddr,
    /// The URL the provider calls (no trailing slash); signatures are checked
    /// against it and callback URLs built from it. Unset, a webhook is checked
    /// against `http://` + the `Host` it was sent to, and callback URLs follow that
    /// host: a local setup works without configuration.
    pub public_url: Option<String>,
    pub database_url: DatabaseUrl,
    pub scripts_dir: PathBuf,
    pub twilio_account_sid: Option<String>,
    pub twilio_auth_token: Option<SecretString>,
    pub twilio_api_base: String,
    /// For tests and rehearsals: the service's clock starts at this instant
    /// (`NUMEROVERT_CLOCK`, RFC 3339) and runs on from there.
    pub clock_start: Option<chrono::DateTime<chrono::Utc>>,
    /// False only with the development switch `NUMEROVERT_INSECURE_SKIP_SIGNATURE=1`.
    pub verify_signatures: bool,
    pub helpline_name: String,
    /// Where callers go when anything fails (E.164).
    pub fallback_number: Option<String>,
    pub voice: String,
    pub timezone: Tz,
    pub holiday_region: HolidayRegion,
    pub default_script: String,
    pub lines: Vec<Line>,
    pub roles: BTreeMap<String, Role>,
    pub hours: OpeningHours,
    /// How soon a missed caller must be called back: the due date of follow-ups.
    pub callback_delay: chrono::Duration,
    /// Whether professionals see the parent's number when rung (default: the helpline's).
    pub show_caller_number: bool,
    pub sms: SmsSettings,
    pub backoffice: BackofficeSettings,
}

/// Sessions and login throttling, checked.
#[derive(Debug, Clone)]
pub struct BackofficeSettings {
    pub session_idle: chrono::Duration,
    pub session_max: chrono::Duration,
    pub max_failures_per_login: u32,
    pub max_failures_per_client: u32,
    pub lockout: chrono::Duration,
    pub trust_forwarded_for: bool,
}

fn backoffice_settings(file: BackofficeFile, errors: &mut Vec<String>) -> BackofficeSettings {
    let idle = file.session_idle_minutes.unwrap_or(120);
    let max = file.session_max_hours.unwrap_or(12);
    let per_login = file.max_failures_per_login.unwrap_or(5);
    let per_client = file.max_failures_per_client.unwrap_or(20);
    let lockout = file.lockout_minutes.unwrap_or(15);
    if idle == 0 || max == 0 || per_login == 0 || per_client == 0 || lockout == 0 {
        errors.push("[backoffice]: session_idle_minutes, session_max_hours, max_failures_per_login, max_failures_per_client and lockout_minutes must all be at least 1".into());
    }
    if i64::from(idle) > i64::from(max) * 60 {
        errors.push(format!(
            "[backoffice] session_idle_minutes ({idle}) is longer than session_max_hours ({max} h)"
        ));
    }
    BackofficeSettings {
        session_idle: chrono::Duration::minutes(i64::from(idle)),
        session_max: chrono::Duration::hours(i64::from(max)),
        max_failures_per_login: per_login,
        max_failures_per_client: per_client,
        lockout: chrono::Duration::minutes(i64::from(lockout)),
        trust_forwarded_for: file.trust_forwarded_for.unwrap_or(false),
    }
}

/// The SMS number and the bot's limits, checked.
#[derive(Debug, Clone)]
pub struct SmsSettings {
    /// E.164; the sender of pushed messages.
    pub number: Option<String>,
    pub messaging_service_sid: Option<String>,
    pub max_reply_segments: usize,
    pub flood_limit: usize,
    pub flood_window: chrono::Duration,
    pub alert_roles: Vec<String>,
    pub session_gap: chrono::Duration,
}

impl SmsSettings {
    /// Who pushed messages are sent as; None when neither a number nor a service is configured.
    pub fn sender(&self) -> Option<crate::telephony::rest::Sender> {
        use crate::telephony::rest::Sender;
        self.messaging_service_sid
            .clone()
            .map(Sender::MessagingService)
            .or_else(|| self.number.clone().map(Sender::From))
    }
}

/// Where settings come from; tests pass their own.
pub trait Source {
    fn var(&self, name: &str) -> Option<String>;
}

/// The process environment.
pub struct Env;

impl Source for Env {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.trim().is_empty())
    }
}

impl Source for BTreeMap<String, String> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name).cloned()
    }
}

/// All problems found in the settings.
#[derive(Debug)]
pub struct ConfigError(pub Vec<String>);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the configuration has {} problem(s):", self.0.len())?;
        for p in &self.0 {
            writeln!(f, "  - {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

fn sms_settings(
    file: SmsFile,
    env: &dyn Source,
    roles: &BTreeMap<String, Role>,
    errors: &mut Vec<String>,
) -> SmsSettings {
    let number = env.var("NUMEROVERT_SMS_NUMBER").or(file.number);
    if let Some(n) = number.as_deref().filter(|n| !is_e164(n)) {
        errors.push(format!(
            "NUMEROVERT_SMS_NUMBER / [sms] number: \"{n}\" is not an E.164 number; write it as +33939001234"
        ));
    }
    let messaging_service_sid = env.var("TWILIO_MESSAGING_SERVICE_SID").or(file.messaging_service_sid);
    if let Some(sid) = &messaging_service_sid {
        if !(sid.len() == 34 && sid.starts_with("MG") && sid[2..].bytes().all(|b| b.is_ascii_hexdigit())) {
            errors.push("TWILIO_MESSAGING_SERVICE_SID / [sms] messaging_service_sid: expected MG followed by 32 hexadecimal characters".into());
        }
    }
    let max_reply_segments = file.max_reply_segments.unwrap_or(3);
    if !(1..=10).contains(&max_reply_segments) {
        errors.push(format!(
            "[sms] max_reply_segments: {max_reply_segments} is not between 1 and 10"
        ));
    }
    let flood_limit = file.flood_limit.unwrap_or(10);
    let flood_window_minutes = file.flood_window_minutes.unwrap_or(10);
    if flood_limit == 0 || flood_window_minutes == 0 {
        errors.push("[sms] flood_limit and flood_window_minutes: both must be at least 1".into());
    }
    let alert_roles = file.alert_roles.unwrap_or_else(|| roles.keys().cloned().collect());
    for role in &alert_roles {
        if !roles.contains_key(role) {
            errors.push(format!("[sms] alert_roles: \"{role}\" is not a configured role"));
        }
    }
    let session_gap_hours = file.session_gap_hours.unwrap_or(24);
    if session_gap_hours == 0 {
        errors.push("[sms] session_gap_hours: must be at least 1".into());
    }
    SmsSettings {
        number,
        messaging_service_sid,
        max_reply_segments: max_reply_segments as usize,
        flood_limit: flood_limit as usize,
        flood_window: chrono::Duration::minutes(i64::from(flood_window_minutes)),
        alert_roles,
        session_gap: chrono::Duration::hours(i64::from(session_gap_hours)),
    }
}

/// True for an E.164 number: `+`, a non-zero digit, 7 to 15 digits in all.
pub fn is_e164(number: &str) -> bool {
    let Some(digits) = number.strip_prefix('+') else {
        return false;
    };
    (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

impl Settings {
    /// Reads the environment and, if named, the TOML file.
    pub fn from_env() -> Result<Settings, ConfigError> {
        Settings::from_source(&Env)
    }

    pub fn from_source(env: &dyn Source) -> Result<Settings, ConfigError> {
        let file = match env.var("NUMEROVERT_CONFIG") {
            None => FileConfig::default(),
            Some(path) => match std::fs::read_to_string(&path) {
                Err(e) => {
                    return Err(ConfigError(vec![format!(
                        "NUMEROVERT_CONFIG: cannot read \"{path}\": {e}"
                    )]))
                }
                Ok(text) => {
                    toml::from_str(&text).map_err(|e| ConfigError(vec![format!("NUMEROVERT_CONFIG ({path}): {e}")]))?
                }
            },
        };
        Settings::from_parts(env, file)
    }

    /// Merges the file and the environment (the environment wins) and checks everything.
    pub fn from_parts(env: &dyn Source, file: FileConfig) -> Result<Settings, ConfigError> {
        let mut errors = Vec::new();
        let pick = |var: &str, from_file: Option<String>| env.var(var).or(from_file);

        let bind_text = pick("NUMEROVERT_BIND", file.server.bind).unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind = bind_text.parse::<SocketAddr>().unwrap_or_else(|_| {
            errors.push(format!(
                "NUMEROVERT_BIND: \"{bind_text}\" is not an address; write it as 127.0.0.1:8080 or 0.0.0.0:8080"
            ));
            SocketAddr::from(([127, 0, 0, 1], 8080))
        });

        let public_url = pick("NUMEROVERT_PUBLIC_URL", file.server.public_url).and_then(|text| {
            match url::Url::parse(&text) {
                Ok(u) if matches!(u.scheme(), "http" | "https") && u.query().is_none() => {
                    Some(text.trim_end_matches('/').to_owned())
                }
                _ => {
                    errors.push(format!("NUMEROVERT_PUBLIC_URL: \"{text}\" is not a base URL; write the http(s) URL the provider calls, e.g. https://helpline.example.org"));
                    None
                }
            }
        });

        let database_url = DatabaseUrl::new(
            pick("NUMEROVERT_DATABASE_URL", file.server.database_url)
                .unwrap_or_else(|| "sqlite://numerovert.db".into()),
        );
        if !(database_url.expose().starts_with("sqlite:") || database_url.is_postgres()) {
            errors.push(format!(
                "NUMEROVERT_DATABASE_URL: \"{}\" is neither sqlite://… nor postgres://…",
                database_url.redacted()
            ));
        }

        let scripts_dir = env
            .var("NUMEROVERT_SCRIPTS_DIR")
            .map(PathBuf::from)
            .or(file.server.scripts_dir)
            .unwrap_or_else(|| PathBuf::from("ivr-scripts"));

        let twilio_account_sid = env.var("TWILIO_ACCOUNT_SID");
        if let Some(sid) = &twilio_account_sid {
            if !(sid.len() == 34 && sid.starts_with("AC") && sid[2..].bytes().all(|b| b.is_ascii_hexdigit())) {
                errors.push("TWILIO_ACCOUNT_SID: expected AC followed by 32 hexadecimal characters".to_string());
            }
        }
        let twilio_auth_token = env.var("TWILIO_AUTH_TOKEN").map(SecretString::from);
        let twilio_api_base = env
            .var("TWILIO_API_BASE")
            .unwrap_or_else(|| "https://api.twilio.com".into())
            .trim_end_matches('/')
            .to_owned();
        if url::Url::parse(&twilio_api_base).is_err() {
            errors.push(format!("TWILIO_API_BASE: \"{twilio_api_base}\" is not a URL"));
        }
        let clock_start = env.var("NUMEROVERT_CLOCK").and_then(|text| {
            match chrono::DateTime::parse_from_rfc3339(&text) {
                Ok(t) => Some(t.with_timezone(&chrono::Utc)),
                Err(_) => {
                    errors.push(format!("NUMEROVERT_CLOCK: \"{text}\" is not an RFC 3339 instant; write it as 2026-12-25T10:00:00+01:00"));
                    None
                }
            }
        });
        let verify_signatures = match env.var("NUMEROVERT_INSECURE_SKIP_SIGNATURE").as_deref() {
            None | Some("0") | Some("false") => true,
            Some("1") | Some("true") => false,
            Some(other) => {
                errors.push(format!(
                    "NUMEROVERT_INSECURE_SKIP_SIGNATURE: \"{other}\" is not 1/true or 0/false"
                ));
                true
            }
        };
        if verify_signatures && twilio_auth_token.is_none() {
            errors.push("TWILIO_AUTH_TOKEN: required to check the provider's signatures (for local development only, NUMEROVERT_INSECURE_SKIP_SIGNATURE=1 disables the check)".to_string());
        }

        let h = file.helpline;
        let fallback_number = pick("NUMEROVERT_FALLBACK_NUMBER", h.fallback_number);
        match &fallback_number {
            None => errors.push("NUMEROVERT_FALLBACK_NUMBER / [helpline] fallback_number: required, the number callers are put through to when anything fails (E.164, e.g. +33123456789)".to_string()),
            Some(n) if !is_e164(n) => errors.push(format!("[helpline] fallback_number: \"{n}\" is not an E.164 number; write it as +33123456789")),
            Some(_) => {}
        }
        let voice = pick("NUMEROVERT_VOICE", h.voice).unwrap_or_else(|| "Polly.Lea".into());
        if !(voice.starts_with("Polly.")
            || voice.starts_with("Google.fr-FR")
            || matches!(voice.as_str(), "man" | "woman" | "alice"))
        {
            errors.push(format!("[helpline] voice: \"{voice}\" is not a French-capable Twilio voice; use e.g. Polly.Lea, Polly.Lea-Neural, Polly.Remi-Neural or Google.fr-FR-Neural2-A"));
        }
        let region_text = pick("NUMEROVERT_HOLIDAY_REGION", h.holiday_region).unwrap_or_else(|| "metropole".into());
        let holiday_region = region_text.parse::<HolidayRegion>().unwrap_or_else(|e| {
            errors.push(format!("[helpline] holiday_region: {e}"));
            HolidayRegion::Metropole
        });
        let timezone = match pick("NUMEROVERT_TIMEZONE", h.timezone) {
            None => holiday_region.default_timezone(),
            Some(tz) => tz.parse::<Tz>().unwrap_or_else(|_| {
                errors.push(format!(
                    "[helpline] timezone: \"{tz}\" is not an IANA time zone such as Europe/Paris"
                ));
                chrono_tz::Europe::Paris
            }),
        };
        let default_script = h.default_script.unwrap_or_else(|| "main".into());

        for (i, line) in file.lines.iter().enumerate() {
            if !is_e164(&line.number) {
                errors.push(format!(
                    "[[lines]] #{}: number \"{}\" is not E.164; write it as +33800123456",
                    i + 1,
                    line.number
                ));
            }
        }
        let roles = if file.roles.is_empty() {
            default_roles()
                .into_iter()
                .map(|(id, label)| {
                    (
                        id.to_owned(),
                        Role {
                            label: label.to_owned(),
                            backups: Vec::new(),
                        },
                    )
                })
                .collect()
        } else {
            file.roles
        };
        for (id, role) in &roles {
            for backup in &role.backups {
                if backup == id || !roles.contains_key(backup) {
                    errors.push(format!(
                        "[roles.{id}] backups: \"{backup}\" is not another configured role"
                    ));
                }
            }
        }
        let hours_cfg = file.hours.unwrap_or_else(default_hours);
        let hours = OpeningHours::from_config(&hours_cfg, timezone, holiday_region).unwrap_or_else(|e| {
            errors.push(e.to_string());
            OpeningHours::always_open(timezone)
        });

        let sms = sms_settings(file.sms, env, &roles, &mut errors);
        let backoffice = backoffice_settings(file.backoffice, &mut errors);

        if !errors.is_empty() {
            return Err(ConfigError(errors));
        }
        Ok(Settings {
            bind,
            public_url,
            database_url,
            scripts_dir,
            twilio_account_sid,
            twilio_auth_token,
            twilio_api_base,
            clock_start,
            verify_signatures,
            helpline_name: h.name.unwrap_or_else(|| "Maison des 1000 premiers jours".into()),
            fallback_number,
            voice,
            timezone,
            holiday_region,
            default_script,
            lines: file.lines,
            roles,
            hours,
            callback_delay: chrono::Duration::minutes(i64::from(h.callback_delay_minutes.unwrap_or(240))),
            show_caller_number: h.show_caller_number.unwrap_or(false),
            sms,
            backoffice,
        })
    }

    /// The schedules' time zone and holiday region.
    pub fn calendar(&self) -> crate::routing::schedule::Calendar {
        crate::routing::schedule::Calendar {
            tz: self.timezone,
            region: self.holiday_region,
        }
    }

    /// How a role is named to professionals ("une sage-femme"), or its id.
    pub fn role_label(&self, role: &str) -> String {
        self.roles
            .get(role)
            .map_or_else(|| role.to_owned(), |r| r.label.clone())
    }

    pub fn role_ids(&self) -> BTreeSet<String> {
        self.roles.keys().cloned().collect()
    }

    /// The name a line is announced by to professionals ("Numéro vert"), or the helpline's.
    pub fn line_name(&self, number: Option<&str>) -> &str {
        number
            .and_then(|n| self.lines.iter().find(|l| l.number == n))
            .and_then(|l| l.name.as_deref())
            .unwrap_or(self.helpline_name.as_str())
    }

    /// The helpline number to call from: `number` (the line a parent called),
    /// or the first configured line.
    pub fn line_to_call_from<'a>(&'a self, number: Option<&'a str>) -> Option<&'a str> {
        number
            .filter(|n| !n.is_empty())
            .or_else(|| self.lines.first().map(|l| l.number.as_str()))
    }

    /// The script a call to `number` plays.
    pub fn script_for_line(&self, number: &str) -> &str {
        self.lines
            .iter()
            .find(|l| l.number == number)
            .map_or(self.default_script.as_str(), |l| l.script.as_str())
    }
}

/// Weekdays 9:00–18:00 when no `[hours]` is given; holidays closed.
pub fn default_hours() -> HoursConfig {
    let day = || vec!["09:00-18:00".to_string()];
    HoursConfig {
        monday: day(),
        tuesday: day(),
        wednesday: day(),
        thursday: day(),
        friday: day(),
        closed_on_holidays: true,
        ..HoursConfig::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn minimal() -> Vec<(&'static str, &'static str)> {
        vec![
            ("TWILIO_AUTH_TOKEN", "secret-token-value"),
            ("NUMEROVERT_FALLBACK_NUMBER", "+33123456789"),
        ]
    }

    #[test]
    fn defaults_follow_the_design() {
        let s = Settings::from_parts(&env(&minimal()), FileConfig::default()).unwrap();
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.public_url, None, "unset: each request's Host is used");
        assert_eq!(s.database_url.expose(), "sqlite://numerovert.db");
        assert_eq!(s.twilio_api_base, "https://api.twilio.com");
        assert_eq!(s.timezone, chrono_tz::Europe::Paris);
        assert!(s.verify_signatures);
        assert!(s.roles.contains_key("sage-femme"));
    }

    #[test]
    fn lines_give_their_name_and_the_number_to_call_from() {
        let file: FileConfig = toml::from_str(
            "[helpline]\nname = \"Maison\"\n[[lines]]\nnumber = \"+33800000001\"\nname = \"Numéro vert\"\nscript = \"main\"\n\
             [[lines]]\nnumber = \"+33800000002\"\nscript = \"main\"\n",
        )
        .unwrap();
        let s = Settings::from_parts(&env(&minimal()), file).unwrap();
        assert_eq!(s.line_name(Some("+33800000001")), "Numéro vert");
        assert_eq!(s.line_name(Some("+33800000002")), "Maison", "a line without a name");
        assert_eq!(s.line_name(None), "Maison");
        assert_eq!(s.line_to_call_from(Some("+33800000002")), Some("+33800000002"));
        assert_eq!(s.line_to_call_from(Some("")), Some("+33800000001"));
        assert_eq!(s.line_to_call_from(None), Some("+33800000001"));
        let none = Settings::from_parts(&env(&minimal()), FileConfig::default()).unwrap();
        assert_eq!(none.line_to_call_from(None), None);
    }

    #[test]
    fn every_problem_names_its_setting() {
        let e = Settings::from_parts(
            &env(&[
                ("NUMEROVERT_BIND", "localhost"),
                ("NUMEROVERT_PUBLIC_URL", "helpline"),
                ("NUMEROVERT_DATABASE_URL", "mysql://x"),
                ("NUMEROVERT_HOLIDAY_REGION", "bretagne"),
                ("NUMEROVERT_FALLBACK_NUMBER", "0123456789"),
            ]),
            FileConfig::default(),
        )
        .unwrap_err();
        let text = e.to_string();
        for needle in [
            "NUMEROVERT_BIND",
            "NUMEROVERT_PUBLIC_URL",
            "NUMEROVERT_DATABASE_URL",
            "holiday_region",
            "fallback_number",
            "TWILIO_AUTH_TOKEN",
        ] {
            assert!(text.contains(needle), "{needle} missing from:\n{text}");
        }
    }

    #[test]
    fn the_environment_wins_over_the_file() {
        let file: FileConfig = toml::from_str("[helpline]\nfallback_number = \"+33100000000\"\nvoice = \"Polly.Remi-Neural\"\n[server]\nbind = \"0.0.0.0:9000\"\n").unwrap();
        let s = Settings::from_parts(
            &env(&[("TWILIO_AUTH_TOKEN", "t"), ("NUMEROVERT_BIND", "127.0.0.1:7000")]),
            file,
        )
        .unwrap();
        assert_eq!(s.bind.to_string(), "127.0.0.1:7000");
        assert_eq!(s.fallback_number.as_deref(), Some("+33100000000"));
        assert_eq!(s.voice, "Polly.Remi-Neural");
    }

    #[test]
    fn unknown_file_keys_are_refused() {
        let err = toml::from_str::<FileConfig>("[helpline]\nfalback_number = \"+33100000000\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("falback_number"), "{err}");
    }

    #[test]
    fn secrets_never_show_in_debug() {
        let s = Settings::from_parts(
            &env(&[
                ("TWILIO_AUTH_TOKEN", "secret-token-value"),
                ("NUMEROVERT_FALLBACK_NUMBER", "+33123456789"),
                ("NUMEROVERT_DATABASE_URL", "postgres://nv:hunter2@db/nv"),
            ]),
            FileConfig::default(),
        )
        .unwrap();
        let shown = format!("{s:?}");
        assert!(
            !shown.contains("secret-token-value") && !shown.contains("hunter2"),
            "{shown}"
        );
        assert!(shown.contains("postgres://nv:****@db/nv"), "{shown}");
    }

    #[test]
    fn the_clock_can_start_at_a_chosen_instant() {
        let mut pairs = minimal();
        pairs.push(("NUMEROVERT_CLOCK", "2026-12-25T10:00:00+01:00"));
        let s = Settings::from_parts(&env(&pairs), FileConfig::default()).unwrap();
        assert_eq!(s.clock_start.unwrap().to_rfc3339(), "2026-12-25T09:00:00+00:00");
        pairs.pop();
        pairs.push(("NUMEROVERT_CLOCK", "Noël"));
        let e = Settings::from_parts(&env(&pairs), FileConfig::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("NUMEROVERT_CLOCK"), "{e}");
    }

    #[test]
    fn e164() {
        assert!(is_e164("+33612345678"));
        assert!(!is_e164("0612345678"));
        assert!(!is_e164("+33 6 12"));
        assert!(!is_e164("+0612345678"));
    }
}
