//! The administration commands of the `numerovert` binary: staff, rotations,
//! rules, overrides, who is on duty, coverage gaps, calendar links, API tokens.
//!
//! They read the same settings as `serve` (environment and `NUMEROVERT_CONFIG`)
//! and go through [`crate::routing::service`], like the JSON API. Output is in
//! English; validation messages stay in French, as the directory writes them.

use std::collections::BTreeSet;
use std::process::ExitCode;

use chrono::{DateTime, Duration, SubsecRound, Utc};
use clap::{Args, Subcommand, ValueEnum};

use crate::config::Settings;
use crate::db::{self, Store, StoreError};
use crate::ivr::library::Library;
use crate::routing::directory::{FieldError, OverrideDraft, RotationDraft, RuleDraft, StaffDraft};
use crate::routing::schedule::{Handoff, HolidayPolicy, Override, OverrideKind, Rotation, Rule, StaffId, StaffMember};
use crate::routing::service::{self, ServiceError};

/// The administration commands, flattened into the binary's commands.
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Manage the staff directory.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Manage rotations (people of a role taking turns).
    #[command(subcommand)]
    Rotation(RotationCommand),
    /// Manage weekly schedule rules.
    #[command(subcommand)]
    Rule(RuleCommand),
    /// Manage schedule overrides (replace, add or remove someone for a period).
    #[command(subcommand)]
    Override(OverrideCommand),
    /// Ask the schedules: who is on duty, where coverage is missing.
    #[command(subcommand)]
    Schedule(ScheduleCommand),
    /// Roles and their calendar links.
    #[command(subcommand)]
    Role(RoleCommand),
    /// Manage the tokens of the JSON API.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Manage back-office users (`user add --role admin` creates the first admin).
    #[command(subcommand)]
    User(UserCommand),
}

/// Passwords are read from `NUMEROVERT_PASSWORD` when set (for scripts), else
/// asked twice at the terminal without echo, else read from the first line of
/// standard input; never from the command line, where `ps` would show them.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user.
    Add {
        /// What they type to log in (letters, digits, . _ - @), case ignored.
        #[arg(long)]
        login: String,
        /// The name the back-office shows.
        #[arg(long)]
        name: String,
        /// staff, supervisor or admin.
        #[arg(long)]
        role: String,
        /// The staff member of the directory this user is (their follow-ups).
        #[arg(long)]
        staff_id: Option<i64>,
    },
    /// List users.
    List,
    /// Set a new password; the user's sessions end.
    Password {
        #[arg(long)]
        login: String,
    },
    /// Stop a user from logging in; their sessions end.
    Disable {
        #[arg(long)]
        login: String,
    },
    /// Let a disabled user log in again.
    Enable {
        #[arg(long)]
        login: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add a staff member.
    Add {
        #[arg(long)]
        name: String,
        /// As people write it: 06 12 34 56 78, +33 6 12 34 56 78…
        #[arg(long)]
        phone: String,
        /// A role id (repeat for several).
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// Add the person without putting them on duty yet.
        #[arg(long)]
        inactive: bool,
    },
    /// List every staff member.
    List,
    /// Change a staff member; options not given keep their value.
    Update {
        id: StaffId,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// Replaces the roles (repeat for several).
        #[arg(long = "role")]
        roles: Vec<String>,
        #[arg(long, conflicts_with = "inactive")]
        active: bool,
        #[arg(long)]
        inactive: bool,
    },
    /// Issue a new secret calendar link of the person's shifts (the old one stops working).
    CalendarLink { id: StaffId },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum HandoffArg {
    Daily,
    Weekly,
}

impl From<HandoffArg> for Handoff {
    fn from(h: HandoffArg) -> Handoff {
        match h {
            HandoffArg::Daily => Handoff::Daily,
            HandoffArg::Weekly => Handoff::Weekly,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum RotationCommand {
    /// Add a rotation.
    Add {
        #[arg(long)]
        role: String,
        #[arg(long)]
        name: String,
        /// Staff ids in turn order (repeat, or separate with commas).
        #[arg(long = "member", required = true, num_args = 1.., value_delimiter = ',')]
        members: Vec<StaffId>,
        #[arg(long, value_enum)]
        handoff: HandoffArg,
        /// Handoff time, HH:MM local.
        #[arg(long)]
        at: String,
        /// Local date of the first member's first turn, YYYY-MM-DD.
        #[arg(long)]
        start: String,
    },
    /// List rotations.
    List,
    /// Delete a rotation no rule uses.
    Delete { id: i64 },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum HolidaysArg {
    Always,
    NotOnHolidays,
    OnlyOnHolidays,
}

impl From<HolidaysArg> for HolidayPolicy {
    fn from(h: HolidaysArg) -> HolidayPolicy {
        match h {
            HolidaysArg::Always => HolidayPolicy::Always,
            HolidaysArg::NotOnHolidays => HolidayPolicy::NotOnHolidays,
            HolidaysArg::OnlyOnHolidays => HolidayPolicy::OnlyOnHolidays,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum RuleCommand {
    /// Add a weekly rule.
    Add {
        #[arg(long)]
        role: String,
        /// Days the window starts on: monday,tuesday… (French names too).
        #[arg(long, required = true, value_delimiter = ',')]
        days: Vec<String>,
        /// Local window, HH:MM-HH:MM; an end before the start crosses midnight.
        #[arg(long)]
        window: String,
        #[arg(long, value_enum, default_value = "always")]
        holidays: HolidaysArg,
        /// Rotation whose member on turn comes first.
        #[arg(long)]
        rotation: Option<i64>,
        /// Staff ids on duty, in order (repeat, or separate with commas).
        #[arg(long = "staff", num_args = 1.., value_delimiter = ',')]
        staff: Vec<StaffId>,
        /// Rules are tried by ascending priority.
        #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
        priority: i32,
    },
    /// List rules.
    List,
    /// Delete a rule.
    Delete { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum OverrideCommand {
    /// Add an override for a period.
    Add(OverrideAdd),
    /// List overrides in force or to come.
    List,
    /// Delete an override.
    Delete { id: i64 },
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("kind").required(true).args(["replace", "add", "remove"]))]
pub struct OverrideAdd {
    #[arg(long)]
    role: String,
    /// Start: "YYYY-MM-DD HH:MM" local, or RFC 3339.
    #[arg(long)]
    from: String,
    /// End: "YYYY-MM-DD HH:MM" local, or RFC 3339.
    #[arg(long)]
    to: String,
    /// Staff id taken off duty, replaced by --by.
    #[arg(long, requires = "by")]
    replace: Option<StaffId>,
    /// Staff id taking the place of --replace.
    #[arg(long, requires = "replace")]
    by: Option<StaffId>,
    /// Staff id put on duty in addition.
    #[arg(long)]
    add: Option<StaffId>,
    /// Staff id taken off duty.
    #[arg(long)]
    remove: Option<StaffId>,
    #[arg(long)]
    note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Who takes a call for a role at an instant, and why.
    Who {
        #[arg(long)]
        role: String,
        /// "YYYY-MM-DD HH:MM" local, or RFC 3339; default: now.
        #[arg(long)]
        at: Option<String>,
    },
    /// Future periods where a role offered by the IVR has nobody on duty while the line is open.
    Gaps {
        #[arg(long, default_value_t = 14, value_parser = clap::value_parser!(u32).range(1..=366))]
        days: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoleCommand {
    /// List the configured roles.
    List,
    /// Issue a new secret calendar link of a role's shifts (the old one stops working).
    CalendarLink { role: String },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token; it is printed once, only its hash is kept.
    Create {
        #[arg(long)]
        name: String,
        /// What it may do: staff (the rota, who is on duty, the parents to call back)
        /// or supervisor (also contacts, figures, changes to the directory and schedules).
        #[arg(long, default_value = "supervisor")]
        role: crate::backoffice::access::Role,
    },
    /// List API tokens (never the tokens themselves).
    List,
    /// Revoke an API token.
    Revoke { id: i64 },
}

/// What stops a command.
enum Failure {
    Invalid(Vec<FieldError>),
    Other(String),
}

impl From<ServiceError> for Failure {
    fn from(e: ServiceError) -> Failure {
        match e {
            ServiceError::Invalid(errors) => Failure::Invalid(errors),
            ServiceError::NotFound(what) => Failure::Other(what),
            ServiceError::Store(e) => e.into(),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        match e {
            StoreError::InUse(why) => Failure::Other(format!("still in use: {why}")),
            other => Failure::Other(format!("database: {other}")),
        }
    }
}

type Outcome = Result<(), Failure>;

/// Runs an administration command; prints every problem and exits non-zero on failure.
pub async fn run(command: AdminCommand) -> ExitCode {
    match execute(command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid(errors)) => {
            for e in &errors {
                eprintln!("{}: {}", e.field, e.message);
            }
            eprintln!("{} problem(s); nothing was saved", errors.len());
            ExitCode::FAILURE
        }
        Err(Failure::Other(message)) => {
            eprintln!("numerovert: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Everything a command needs.
struct Ctx {
    settings: Settings,
    store: std::sync::Arc<dyn Store>,
    now: DateTime<Utc>,
}

impl Ctx {
    fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }
}

async fn execute(command: AdminCommand) -> Outcome {
    let settings = Settings::from_env().map_err(|e| Failure::Other(e.to_string()))?;
    // Roles come from the configuration and the scripts: listing them opens
    // (and migrates) no database.
    if let AdminCommand::Role(RoleCommand::List) = command {
        return list_roles(&settings);
    }
    let store = db::connect(&settings.database_url)
        .await
        .map_err(|e| Failure::Other(format!("database {}: {e}", settings.database_url.redacted())))?;
    // NUMEROVERT_CLOCK lets rehearsals and tests ask about a chosen "now".
    let now = settings.clock_start.unwrap_or_else(Utc::now).trunc_subsecs(0);
    let ctx = Ctx { settings, store, now };
    match command {
        AdminCommand::Staff(c) => staff(&ctx, c).await,
        AdminCommand::Rotation(c) => rotation(&ctx, c).await,
        AdminCommand::Rule(c) => rule(&ctx, c).await,
        AdminCommand::Override(c) => override_(&ctx, c).await,
        AdminCommand::Schedule(c) => schedule(&ctx, c).await,
        AdminCommand::Role(c) => role(&ctx, c).await,
        AdminCommand::Token(c) => token(&ctx, c).await,
        AdminCommand::User(c) => user(&ctx, c).await,
    }
}

// ---------------------------------------------------------------------------
// Rendering

fn member_line(m: &StaffMember) -> String {
    format!(
        "#{:<4} {:<28} {:<14} {:<10} {}",
        m.id,
        m.name,
        m.phone,
        if m.active { "active" } else { "inactive" },
        m.roles.join(", ")
    )
}

/// Names people from the directory, for readable lines.
struct Names(Vec<StaffMember>);

impl Names {
    async fn load(ctx: &Ctx) -> Result<Names, Failure> {
        Ok(Names(ctx.store().list_staff().await?))
    }
    fn of(&self, id: StaffId) -> String {
        service::person(&self.0, id).to_string()
    }
    fn list(&self, ids: &[StaffId]) -> String {
        ids.iter().map(|&id| self.of(id)).collect::<Vec<_>>().join(", ")
    }
}

fn rotation_line(r: &Rotation, names: &Names) -> String {
    format!(
        "#{} \"{}\" for {}: {}; {} handoff at {} from {}",
        r.id,
        r.name,
        r.role,
        names.list(&r.members),
        crate::db::roster::handoff_name(r.handoff),
        r.handoff_time.format("%H:%M"),
        r.start
    )
}

fn rule_line(r: &Rule, names: &Names) -> String {
    let days: Vec<&str> = r.days.iter().map(|d| crate::db::roster::weekday_name(*d)).collect();
    let mut who = Vec::new();
    if let Some(rotation) = r.rotation {
        who.push(format!("rotation #{rotation}"));
    }
    if !r.staff.is_empty() {
        who.push(names.list(&r.staff));
    }
    format!(
        "#{} {}: {} {}, holidays {}, on duty: {}, priority {}",
        r.id,
        r.role,
        days.join(","),
        r.window,
        crate::db::roster::holiday_policy_name(r.holidays),
        who.join(" then "),
        r.priority
    )
}

fn override_line(o: &Override, names: &Names, settings: &Settings) -> String {
    let what = service::override_change(&o.kind, |id| names.of(id));
    let note = o.note.as_deref().map_or_else(String::new, |n| format!(" — {n}"));
    format!(
        "#{} {}: {what}, {} → {} ({}){note}",
        o.id,
        o.role,
        service::local_text(settings, o.starts_at),
        service::local_text(settings, o.ends_at),
        settings.timezone.name()
    )
}

/// Prints one line per item, people named from the directory, then `count`
/// preceded by the number of items.
async fn print_all<T>(ctx: &Ctx, items: &[T], line: impl Fn(&T, &Names) -> String, count: &str) -> Outcome {
    let names = Names::load(ctx).await?;
    for item in items {
        println!("{}", line(item, &names));
    }
    println!("{} {count}", items.len());
    Ok(())
}

/// The roles the IVR scripts offer, read as `serve` reads them.
fn offered_roles(settings: &Settings) -> Result<BTreeSet<String>, Failure> {
    let library = Library::load(&settings.scripts_dir, settings.role_ids())
        .map_err(|problems| Failure::Other(format!("the IVR scripts are not valid:\n{}", problems.join("\n"))))?;
    Ok(service::offered_roles(&library))
}

// ---------------------------------------------------------------------------
// Commands

async fn staff(ctx: &Ctx, command: StaffCommand) -> Outcome {
    let (store, settings) = (ctx.store(), &ctx.settings);
    match command {
        StaffCommand::Add {
            name,
            phone,
            roles,
            inactive,
        } => {
            let draft = StaffDraft {
                name,
                phone,
                roles,
                active: !inactive,
            };
            let m = service::add_staff(store, settings, &draft, ctx.now).await?;
            println!("added staff member {}", member_line(&m));
        }
        StaffCommand::List => {
            let staff = store.list_staff().await?;
            for m in &staff {
                println!("{}", member_line(m));
            }
            println!("{} staff member(s)", staff.len());
        }
        StaffCommand::Update {
            id,
            name,
            phone,
            roles,
            active,
            inactive,
        } => {
            let current = service::staff_member(store, id).await?;
            let mut draft = service::staff_draft(&current);
            if let Some(name) = name {
                draft.name = name;
            }
            if let Some(phone) = phone {
                draft.phone = phone;
            }
            if !roles.is_empty() {
                draft.roles = roles;
            }
            if active {
                draft.active = true;
            }
            if inactive {
                draft.active = false;
            }
            let m = service::update_staff(store, settings, id, &draft, ctx.now).await?;
            println!("updated staff member {}", member_line(&m));
        }
        StaffCommand::CalendarLink { id } => {
            let url = service::staff_calendar_link(store, settings, id).await?;
            println!("{url}");
            println!("(a new secret link: the previous link of staff member #{id} no longer works)");
        }
    }
    Ok(())
}

async fn rotation(ctx: &Ctx, command: RotationCommand) -> Outcome {
    let (store, settings) = (ctx.store(), &ctx.settings);
    match command {
        RotationCommand::Add {
            role,
            name,
            members,
            handoff,
            at,
            start,
        } => {
            let draft = RotationDraft {
                role,
                name,
                members,
                handoff: handoff.into(),
                handoff_time: at,
                start,
            };
            let r = service::add_rotation(store, settings, &draft, ctx.now).await?;
            println!("added rotation {}", rotation_line(&r, &Names::load(ctx).await?));
        }
        RotationCommand::List => print_all(ctx, &store.list_rotations().await?, rotation_line, "rotation(s)").await?,
        RotationCommand::Delete { id } => {
            service::delete_rotation(store, id).await?;
            println!("deleted rotation #{id}");
        }
    }
    Ok(())
}

async fn rule(ctx: &Ctx, command: RuleCommand) -> Outcome {
    let (store, settings) = (ctx.store(), &ctx.settings);
    match command {
        RuleCommand::Add {
            role,
            days,
            window,
            holidays,
            rotation,
            staff,
            priority,
        } => {
            let draft = RuleDraft {
                role,
                days,
                window,
                holidays: holidays.into(),
                rotation,
                staff,
                priority,
            };
            let r = service::add_rule(store, settings, &draft, ctx.now).await?;
            println!("added rule {}", rule_line(&r, &Names::load(ctx).await?));
        }
        RuleCommand::List => print_all(ctx, &store.list_rules().await?, rule_line, "rule(s)").await?,
        RuleCommand::Delete { id } => {
            service::delete_rule(store, id).await?;
            println!("deleted rule #{id}");
        }
    }
    Ok(())
}

async fn override_(ctx: &Ctx, command: OverrideCommand) -> Outcome {
    let (store, settings) = (ctx.store(), &ctx.settings);
    match command {
        OverrideCommand::Add(a) => {
            let kind = match (a.replace, a.by, a.add, a.remove) {
                (Some(staff), Some(by), _, _) => OverrideKind::Replace { staff, by },
                (_, _, Some(staff), _) => OverrideKind::Add { staff },
                (_, _, _, Some(staff)) => OverrideKind::Remove { staff },
                // clap requires exactly one of the three, and --by with --replace.
                _ => {
                    return Err(Failure::Other(
                        "give --replace ID --by ID, --add ID or --remove ID".into(),
                    ))
                }
            };
            let draft = OverrideDraft {
                role: a.role,
                starts_at: a.from,
                ends_at: a.to,
                kind,
                note: a.note,
            };
            let o = service::add_override(store, settings, &draft, ctx.now).await?;
            println!(
                "added override {}",
                override_line(&o, &Names::load(ctx).await?, settings)
            );
        }
        OverrideCommand::List => {
            let overrides = store.list_overrides(ctx.now).await?;
            let line = |o: &Override, names: &Names| override_line(o, names, settings);
            print_all(ctx, &overrides, line, "override(s) in force or to come").await?;
        }
        OverrideCommand::Delete { id } => {
            service::delete_override(store, id).await?;
            println!("deleted override #{id}");
        }
    }
    Ok(())
}

async fn schedule(ctx: &Ctx, command: ScheduleCommand) -> Outcome {
    let (store, settings) = (ctx.store(), &ctx.settings);
    match command {
        ScheduleCommand::Who { role, at } => {
            let at = service::parse_at(settings, at.as_deref(), ctx.now)?;
            let report = service::who(store, settings, &role, at).await?;
            println!("{report}");
        }
        ScheduleCommand::Gaps { days } => {
            let roles = offered_roles(settings)?;
            let to = ctx.now + Duration::days(i64::from(days));
            let gaps = service::gaps(store, settings, &roles, ctx.now, to).await?;
            println!(
                "Coverage from {} to {} ({}), while the line is open, for the roles the IVR offers: {}",
                service::local_text(settings, ctx.now),
                service::local_text(settings, to),
                settings.timezone.name(),
                roles.iter().cloned().collect::<Vec<_>>().join(", ")
            );
            for g in &gaps {
                let backups = if g.covered_by_backups.is_empty() {
                    String::new()
                } else {
                    format!(" — covered by backup {}", g.covered_by_backups.join(", "))
                };
                let start = g.starts_at.with_timezone(&settings.timezone);
                println!(
                    "  gap  {:<22} {} → {} ({}){backups}",
                    g.role,
                    service::local_text(settings, g.starts_at),
                    service::local_text(settings, g.ends_at),
                    start.format("%A"),
                );
            }
            if gaps.is_empty() {
                println!("no gap: someone is on duty for every offered role whenever the line is open in the next {days} day(s)");
            } else {
                println!("{} gap(s) in the next {days} day(s): callers of these roles get the backups or the fallback (voicemail or callback request)", gaps.len());
            }
        }
    }
    Ok(())
}

async fn role(ctx: &Ctx, command: RoleCommand) -> Outcome {
    match command {
        RoleCommand::List => list_roles(&ctx.settings)?,
        RoleCommand::CalendarLink { role } => {
            let url = service::role_calendar_link(ctx.store(), &ctx.settings, &role, ctx.now).await?;
            println!("{url}");
            println!("(a new secret link: the previous link of role {role} no longer works)");
        }
    }
    Ok(())
}

fn list_roles(settings: &Settings) -> Outcome {
    let offered = offered_roles(settings)?;
    for (id, role) in &settings.roles {
        let backups = if role.backups.is_empty() {
            String::new()
        } else {
            format!(", backups: {}", role.backups.join(", "))
        };
        let offered = if offered.contains(id) {
            "offered by the IVR"
        } else {
            "not offered by the IVR"
        };
        println!("{id:<24} {} ({offered}{backups})", role.label);
    }
    Ok(())
}

async fn token(ctx: &Ctx, command: TokenCommand) -> Outcome {
    let store = ctx.store();
    match command {
        TokenCommand::Create { name, role } => {
            let (record, token) = service::create_api_token(store, &name, role, ctx.now).await?;
            println!(
                "created {role} API token #{} \"{}\"; copy it now, it is not stored and will not be shown again:\n\n    {token}\n\nUse it as: Authorization: Bearer {token}",
                record.token_id, record.name
            );
        }
        TokenCommand::List => {
            let tokens = store.list_api_tokens().await?;
            for t in &tokens {
                let state = match (t.revoked_at, t.last_used_at) {
                    (Some(at), _) => format!("revoked {}", service::local_text(&ctx.settings, at)),
                    (None, Some(at)) => format!("active, last used {}", service::local_text(&ctx.settings, at)),
                    (None, None) => "active, never used".to_owned(),
                };
                println!(
                    "#{:<4} {:<30} {:<10} created {}  {state}",
                    t.token_id,
                    t.name,
                    t.role,
                    service::local_text(&ctx.settings, t.created_at)
                );
            }
            println!("{} token(s)", tokens.len());
        }
        TokenCommand::Revoke { id } => {
            service::revoke_api_token(store, id, ctx.now).await?;
            println!("revoked API token #{id}: requests with it now get 401");
        }
    }
    Ok(())
}

/// Reads a new password (see [`UserCommand`]) and checks it.
fn read_new_password() -> Result<String, Failure> {
    use std::io::IsTerminal;
    let password = if let Ok(p) = std::env::var("NUMEROVERT_PASSWORD") {
        p
    } else if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New password (12 characters or more): ")
            .map_err(|e| Failure::Other(format!("cannot read the password: {e}")))?;
        let second = rpassword::prompt_password("Same password again: ")
            .map_err(|e| Failure::Other(format!("cannot read the password: {e}")))?;
        if first != second {
            return Err(Failure::Other("the two passwords differ; nothing was saved".into()));
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| Failure::Other(format!("cannot read the password: {e}")))?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    match crate::backoffice::access::password_problem(&password) {
        Some(why) => Err(Failure::Invalid(vec![FieldError {
            field: "password".into(),
            message: why,
        }])),
        None => Ok(password),
    }
}

async fn user_by_login(ctx: &Ctx, login: &str) -> Result<crate::db::users::User, Failure> {
    ctx.store()
        .user_for_login(&login.trim().to_lowercase())
        .await?
        .map(|(u, _)| u)
        .ok_or_else(|| {
            Failure::Other(format!(
                "no user with the login \"{login}\"; see `numerovert user list`"
            ))
        })
}

async fn user(ctx: &Ctx, command: UserCommand) -> Outcome {
    use crate::backoffice::access::hash_password_blocking;
    let store = ctx.store();
    match command {
        UserCommand::Add {
            login,
            name,
            role,
            staff_id,
        } => {
            let staff_ids: Vec<i64> = store.list_staff().await?.iter().map(|s| s.id).collect();
            let staff = staff_id.map(|id| id.to_string()).unwrap_or_default();
            let account = crate::backoffice::access::check_account(&login, &name, &role, &staff, &staff_ids)
                .map_err(Failure::Invalid)?;
            let password = read_new_password()?;
            let new = crate::db::users::NewUser {
                login: account.login,
                display_name: account.display_name,
                role: account.role,
                staff_id: account.staff_id,
                password_hash: hash_password_blocking(password).await,
            };
            let created = store.add_user(&new, ctx.now).await?;
            println!(
                "created {} user #{} \"{}\" (login {}); they can log in at {}/login",
                created.role,
                created.id,
                created.display_name,
                created.login,
                service::base_url(&ctx.settings)
            );
        }
        UserCommand::List => {
            let users = store.list_users().await?;
            for u in &users {
                let last = u.last_login_at.map_or_else(
                    || "never logged in".to_owned(),
                    |at| format!("last login {}", service::local_text(&ctx.settings, at)),
                );
                println!(
                    "#{:<4} {:<20} {:<24} {:<10} {}{}",
                    u.id,
                    u.login,
                    u.display_name,
                    u.role,
                    if u.active { "" } else { "disabled, " },
                    last
                );
            }
            println!("{} user(s)", users.len());
        }
        UserCommand::Password { login } => {
            let u = user_by_login(ctx, &login).await?;
            let password = read_new_password()?;
            store
                .set_user_password(u.id, &hash_password_blocking(password).await, ctx.now)
                .await?;
            println!("new password set for {}; their sessions have ended", u.login);
        }
        UserCommand::Disable { login } => {
            let u = user_by_login(ctx, &login).await?;
            store.set_user_active(u.id, false, ctx.now).await?;
            println!("{} can no longer log in; their sessions have ended", u.login);
        }
        UserCommand::Enable { login } => {
            let u = user_by_login(ctx, &login).await?;
            store.set_user_active(u.id, true, ctx.now).await?;
            println!("{} can log in again", u.login);
        }
    }
    Ok(())
}
