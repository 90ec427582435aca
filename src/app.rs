//! Start-up and the commands of the `numerovert` binary.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand};
use tokio::net::TcpListener;

use crate::config::{FileConfig, Settings};
use crate::db;
use crate::http::{self, AppState, Clock};
use crate::ivr::library::{self, Library};
use crate::outbox;
use crate::telephony::signature;

#[derive(Debug, Parser)]
#[command(
    name = "numerovert",
    version,
    about = "Backend of a numéro vert: voice IVR, routing, SMS, back-office"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum FaqCommand {
    /// Show, as JSON, what the bot reads in TEXT and what it would answer.
    Match {
        /// A message, as a parent would text it.
        text: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the service (configuration from the environment and NUMEROVERT_CONFIG).
    Serve,
    /// Create or update the database schema, then exit.
    Migrate,
    /// Check the configuration, the IVR scripts and the SMS knowledge base; exits non-zero on any problem.
    Check,
    /// The SMS bot's knowledge base.
    #[command(subcommand)]
    Faq(FaqCommand),
    /// Run the service on a local SQLite file with demo settings and print how to try it.
    Demo {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: String,
        /// The SQLite file of the demo.
        #[arg(long, default_value = "numerovert-demo.db")]
        database: PathBuf,
        /// Before serving, play today's traffic from 8:00 until now (until 20:00 at
        /// most) through the webhooks: calls, messages, callbacks, two emergencies.
        #[arg(long)]
        simulate_day: bool,
    },
    #[command(flatten)]
    Admin(crate::admin::AdminCommand),
}

pub async fn run(cli: Cli) -> ExitCode {
    init_tracing();
    let result = match cli.command {
        Command::Serve => match Settings::from_env() {
            Ok(settings) => serve(settings, None).await,
            Err(e) => Err(e.to_string()),
        },
        Command::Migrate => migrate().await,
        Command::Check => return check(),
        Command::Faq(FaqCommand::Match { text }) => return faq_match(&text),
        Command::Demo {
            bind,
            database,
            simulate_day,
        } => demo(&bind, &database, simulate_day).await,
        Command::Admin(command) => return crate::admin::run(command).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("numerovert: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_env("NUMEROVERT_LOG").unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

async fn migrate() -> Result<(), String> {
    let settings = Settings::from_env().map_err(|e| e.to_string())?;
    db::connect(&settings.database_url)
        .await
        .map_err(|e| format!("{}: {e}", settings.database_url.redacted()))?;
    println!("database {} is up to date", settings.database_url.redacted());
    Ok(())
}

/// `numerovert check`: configuration, then scripts, every problem printed.
fn check() -> ExitCode {
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match check_settings(&settings) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{} problem(s) found", problems.len());
            ExitCode::FAILURE
        }
    }
}

/// Checks scripts against the configuration; returns a summary or every problem.
pub fn check_settings(settings: &Settings) -> Result<String, Vec<String>> {
    let scripts = library::check_dir(&settings.scripts_dir, &settings.role_ids())?;
    let mut problems = Vec::new();
    let ids: Vec<&str> = scripts.iter().map(|s| s.id.as_str()).collect();
    if !ids.contains(&settings.default_script.as_str()) {
        problems.push(format!(
            "[helpline] default_script: \"{}\" is not a script of {}; use one of: {}",
            settings.default_script,
            settings.scripts_dir.display(),
            ids.join(", ")
        ));
    }
    for line in &settings.lines {
        if !ids.contains(&line.script.as_str()) {
            problems.push(format!(
                "[[lines]] {}: script \"{}\" is not in {}; use one of: {}",
                line.number,
                line.script,
                settings.scripts_dir.display(),
                ids.join(", ")
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut report = String::new();
    for s in &scripts {
        report.push_str(&format!(
            "ok  {} ({}): {} nodes, starts at \"{}\"\n",
            s.path.display(),
            s.script.script.name,
            s.script.nodes.len(),
            s.script.script.start
        ));
    }
    match library::check_knowledge_base(&settings.scripts_dir, settings.sms.max_reply_segments)? {
        None => {
            return Err(vec![format!(
                "{}: the SMS knowledge base is missing; the SMS bot cannot answer without it",
                settings.scripts_dir.join(crate::sms::kb::FILE_NAME).display()
            )])
        }
        Some(kb) => {
            report.push_str(&format!(
                "ok  {}: {} topics, {} safety answers (max {} segments per reply)\n",
                settings.scripts_dir.join(crate::sms::kb::FILE_NAME).display(),
                kb.topics.len(),
                kb.safety.len(),
                settings.sms.max_reply_segments
            ));
            for sized in kb.sizes() {
                report.push_str(&format!(
                    "      {:<40} {:>4} chars  {}  {} segment(s)\n",
                    sized.entry,
                    sized.count.chars,
                    sized.count.encoding.as_str(),
                    sized.count.segments
                ));
            }
        }
    }
    report.push_str("configuration, scripts and knowledge base are valid");
    Ok(report)
}

/// `numerovert faq match "TEXT"`: what the bot reads in a message and what it would
/// answer to a first message. Works without any configuration: the scripts folder
/// is `NUMEROVERT_SCRIPTS_DIR` or `ivr-scripts`.
fn faq_match(text: &str) -> ExitCode {
    let settings = Settings::from_env().ok();
    let dir = settings.as_ref().map_or_else(
        || std::env::var("NUMEROVERT_SCRIPTS_DIR").map_or_else(|_| PathBuf::from("ivr-scripts"), PathBuf::from),
        |s| s.scripts_dir.clone(),
    );
    let max = settings
        .as_ref()
        .map_or(library::DEFAULT_MAX_SEGMENTS, |s| s.sms.max_reply_segments);
    let kb = match crate::sms::kb::KnowledgeBase::load_dir(&dir, max) {
        Ok(kb) => kb,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            return ExitCode::FAILURE;
        }
    };
    let vars = match &settings {
        Some(s) => crate::contacts::messages::vars(s, chrono::Utc::now()),
        None => crate::sms::kb::Vars {
            numero_vert: "le numéro vert".into(),
            delai: "dans les 4 heures".into(),
        },
    };
    println!("{}", crate::sms::bot::explain(&kb, &vars, text));
    ExitCode::SUCCESS
}

/// The IVR scripts and the knowledge base of the settings, checked.
fn load_scripts(settings: &Settings) -> Result<Library, String> {
    Library::load_with(
        &settings.scripts_dir,
        settings.role_ids(),
        settings.sms.max_reply_segments,
    )
    .map_err(|problems| {
        format!(
            "the IVR scripts or the knowledge base are not valid:\n{}",
            problems.join("\n")
        )
    })
}

/// Runs the service until Ctrl-C. `ready` receives the bound address (tests, demo).
pub async fn serve(
    settings: Settings,
    ready: Option<tokio::sync::oneshot::Sender<std::net::SocketAddr>>,
) -> Result<(), String> {
    if !settings.verify_signatures {
        tracing::warn!("!!! NUMEROVERT_INSECURE_SKIP_SIGNATURE is set: provider signatures are NOT checked. Never run like this in production !!!");
    }
    let scripts = load_scripts(&settings)?;
    // The distress classifier learns from its examples in a fraction of a second:
    // do it now, so that the first parent in distress is not the one who waits.
    tokio::task::spawn_blocking(crate::sms::safety::model::warm_up);
    let store = db::connect(&settings.database_url)
        .await
        .map_err(|e| format!("database {}: {e}", settings.database_url.redacted()))?;
    let listener = TcpListener::bind(settings.bind)
        .await
        .map_err(|e| format!("NUMEROVERT_BIND {}: {e}", settings.bind))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let scripts = Arc::new(scripts);
    spawn_script_watcher(scripts.clone());
    let clock = clock(settings.clock_start);
    tracing::info!(%addr, public_url = settings.public_url.as_deref().unwrap_or("(unset: each request's Host)"), database = %settings.database_url.redacted(), scripts = ?scripts.ids(), "numerovert listening");
    let state = AppState::new(settings, store.clone(), scripts, clock.clone());
    // The outbox worker runs next to the server and stops with it.
    let status_callback = state
        .settings()
        .public_url
        .as_ref()
        .map(|url| format!("{url}/twilio/sms/status"));
    let sender = state.settings().sms.sender();
    let worker = outbox::spawn(
        store,
        state.twilio().cloned(),
        sender,
        status_callback,
        clock,
        Default::default(),
    );
    let app = http::router(state);
    if let Some(tx) = ready {
        let _ = tx.send(addr);
    }
    // The client's address feeds the login throttle.
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| e.to_string());
    worker.shutdown().await;
    served
}

/// The real clock, or one that starts at `start` and runs on from there.
pub fn clock(start: Option<chrono::DateTime<chrono::Utc>>) -> Clock {
    match start {
        None => Arc::new(chrono::Utc::now),
        Some(start) => {
            tracing::warn!(%start, "NUMEROVERT_CLOCK is set: the service runs on a shifted clock (tests and rehearsals only)");
            let origin = std::time::Instant::now();
            Arc::new(move || start + chrono::Duration::from_std(origin.elapsed()).unwrap_or_default())
        }
    }
}

/// Reloads the scripts when their files change (and on SIGHUP), keeping the old
/// ones if the new ones do not pass validation.
fn spawn_script_watcher(scripts: Arc<Library>) {
    let polled = scripts.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(2));
        loop {
            tick.tick().await;
            report_reload(polled.reload_if_changed());
        }
    });
    #[cfg(unix)]
    tokio::spawn(async move {
        use tokio::signal::unix::{signal, SignalKind};
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            return;
        };
        while hup.recv().await.is_some() {
            report_reload(Some(scripts.reload()));
        }
    });
}

fn report_reload(result: Option<Result<usize, Vec<String>>>) {
    match result {
        None => {}
        Some(Ok(count)) => tracing::info!(count, "IVR scripts reloaded"),
        Some(Err(problems)) => {
            tracing::error!(problems = %problems.join(" | "), "IVR scripts changed but are not valid: the previous ones keep playing")
        }
    }
}

async fn shutdown_signal() {
    let _ = tokio::signal::ctrl_c().await;
    tracing::info!("shutting down");
}

/// The demo's settings: a fake account, the shipped scripts, a local SQLite file.
pub const DEMO_AUTH_TOKEN: &str = "demo-auth-token-not-a-secret";
pub const DEMO_CONFIG: &str = include_str!("demo.toml");

pub fn demo_settings(bind: &str, database: &std::path::Path) -> Result<Settings, String> {
    let file: FileConfig = toml::from_str(DEMO_CONFIG).map_err(|e| format!("demo configuration: {e}"))?;
    let mut env: BTreeMap<String, String> = BTreeMap::new();
    env.insert("NUMEROVERT_BIND".into(), bind.into());
    env.insert(
        "NUMEROVERT_DATABASE_URL".into(),
        format!("sqlite://{}", database.display()),
    );
    env.insert("TWILIO_AUTH_TOKEN".into(), DEMO_AUTH_TOKEN.into());
    // No account SID: the demo reaches no provider; outbound SMS (alerts,
    // confirmations) wait in the outbox, where the back-office will show them.
    if let Ok(start) = std::env::var("NUMEROVERT_CLOCK") {
        env.insert("NUMEROVERT_CLOCK".into(), start);
    }
    Settings::from_parts(&env, file).map_err(|e| e.to_string())
}

async fn demo(bind: &str, database: &std::path::Path, simulate_day: bool) -> Result<(), String> {
    let settings = demo_settings(bind, database)?;
    let line = settings.lines.first().map(|l| l.number.clone()).unwrap_or_default();
    let store = db::connect(&settings.database_url)
        .await
        .map_err(|e| format!("database {}: {e}", settings.database_url.redacted()))?;
    let now = settings.clock_start.unwrap_or_else(chrono::Utc::now);
    let seeded = seed_demo(store.as_ref(), &settings, now)
        .await
        .map_err(|e| format!("demo data: {e}"))?;
    let token = demo_api_token(store.as_ref(), now)
        .await
        .map_err(|e| format!("demo API token: {e}"))?;
    demo_users(store.as_ref(), now)
        .await
        .map_err(|e| format!("demo users: {e}"))?;
    if simulate_day {
        let scripts = load_scripts(&settings)?;
        tokio::task::spawn_blocking(crate::sms::safety::model::warm_up)
            .await
            .map_err(|e| e.to_string())?;
        let summary = crate::rehearsal::simulate_day(&settings, store.clone(), Arc::new(scripts), now)
            .await
            .map_err(|e| format!("simulated day: {e}"))?;
        println!(
            "simulated day: {}",
            serde_json::to_string(&summary).map_err(|e| e.to_string())?
        );
    }
    drop(store);
    let (tx, rx) = tokio::sync::oneshot::channel();
    let printer = settings.clone();
    tokio::spawn(async move {
        if let Ok(addr) = rx.await {
            print_demo_help(&printer, addr, &line, seeded, &token);
        }
    });
    serve(settings, Some(tx)).await
}

/// The fictional team of the demo: names, and numbers of the range ARCEP
/// reserves for fiction (06 39 98 xx xx), so nobody real is ever rung.
const DEMO_TEAM: [(&str, &str, &[&str]); 9] = [
    ("Camille Laurent", "+33639980001", &["accueil"]),
    ("Inès Moreau", "+33639980002", &["sage-femme"]),
    ("Léa Fontaine", "+33639980003", &["puericultrice"]),
    ("Sofia Marchand", "+33639980004", &["psychologue"]),
    (
        "Manon Rivière",
        "+33639980005",
        &["conseillere-lactation", "puericultrice"],
    ),
    ("Julien Garnier", "+33639980006", &["travailleur-social"]),
    ("Yasmine Haddad", "+33639980007", &["accueil"]),
    ("Nadia Benali", "+33639980008", &["sage-femme"]),
    (
        "Chloé Petit",
        "+33639980009",
        &["puericultrice", "conseillere-lactation"],
    ),
];

/// Seeds the demo team and its schedules when the database has no staff yet;
/// says whether it did.
///
/// The weekly rules follow the demo's opening hours. Saturday mornings are
/// left uncovered for three roles on purpose, so that `schedule gaps` has
/// something to show: two are covered by their backup role, one is not.
pub async fn seed_demo(
    store: &dyn db::Store,
    settings: &Settings,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, String> {
    use crate::routing::directory::{RotationDraft, RuleDraft, StaffDraft};
    use crate::routing::schedule::{Handoff, HolidayPolicy};
    use crate::routing::service;

    if !store.list_staff().await.map_err(|e| e.to_string())?.is_empty() {
        return Ok(false);
    }
    let fail = |e: service::ServiceError| e.to_string();
    let mut ids = Vec::new();
    for (name, phone, roles) in DEMO_TEAM {
        let draft = StaffDraft {
            name: name.to_owned(),
            phone: phone.to_owned(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            active: true,
        };
        ids.push(service::add_staff(store, settings, &draft, now).await.map_err(fail)?.id);
    }
    let rotation = service::add_rotation(
        store,
        settings,
        &RotationDraft {
            role: "sage-femme".into(),
            name: "Semaine des sages-femmes".into(),
            members: vec![ids[1], ids[7]],
            handoff: Handoff::Weekly,
            handoff_time: "09:00".into(),
            // A Monday: the midwives hand over every Monday morning.
            start: "2026-01-05".into(),
        },
        now,
    )
    .await
    .map_err(fail)?;
    const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday"];
    const SATURDAY: &[&str] = &["saturday"];
    let rule = |role: &str, days: &[&str], window: &str, rotation: Option<i64>, staff: Vec<i64>| RuleDraft {
        role: role.into(),
        days: days.iter().map(|d| d.to_string()).collect(),
        window: window.into(),
        holidays: HolidayPolicy::NotOnHolidays,
        rotation,
        staff,
        priority: 0,
    };
    // The first person of each role is the one the old per-role numbers of
    // the demo configuration rang, so walking the IVR rings the same phones.
    let rules = [
        rule("accueil", WEEKDAYS, "09:00-19:00", None, vec![ids[0], ids[6]]),
        rule("accueil", SATURDAY, "09:00-12:30", None, vec![ids[6]]),
        rule("sage-femme", WEEKDAYS, "09:00-19:00", Some(rotation.id), vec![]),
        rule("sage-femme", SATURDAY, "09:00-12:30", Some(rotation.id), vec![]),
        rule("puericultrice", WEEKDAYS, "09:00-19:00", None, vec![ids[2], ids[8]]),
        rule("puericultrice", SATURDAY, "09:00-12:30", None, vec![ids[8]]),
        rule(
            "conseillere-lactation",
            WEEKDAYS,
            "09:00-19:00",
            None,
            vec![ids[4], ids[8]],
        ),
        rule("psychologue", WEEKDAYS, "09:00-19:00", None, vec![ids[3]]),
        rule("travailleur-social", WEEKDAYS, "09:00-19:00", None, vec![ids[5]]),
    ];
    for draft in &rules {
        service::add_rule(store, settings, draft, now).await.map_err(fail)?;
    }
    tracing::info!(staff = ids.len(), "demo team and schedules seeded");
    Ok(true)
}

/// The demo's back-office accounts, one per role, all with [`DEMO_PASSWORD`].
const DEMO_USERS: [(&str, &str, crate::backoffice::access::Role); 3] = [
    ("admin", "Alex Admin (démo)", crate::backoffice::access::Role::Admin),
    (
        "superviseure",
        "Sandrine Roux (démo)",
        crate::backoffice::access::Role::Supervisor,
    ),
    ("ines", "Inès Moreau", crate::backoffice::access::Role::Staff),
];
/// Only ever in the demo's own database.
pub const DEMO_PASSWORD: &str = "demo-mille-jours";

/// Creates the demo's accounts that are missing (Inès is the demo team's midwife).
async fn demo_users(store: &dyn db::Store, now: chrono::DateTime<chrono::Utc>) -> Result<(), String> {
    let staff = store.list_staff().await.map_err(|e| e.to_string())?;
    // Hashed only when an account is missing: Argon2 is slow on purpose, and
    // every later demo start finds the accounts there.
    let mut hash = None;
    for (login, name, role) in DEMO_USERS {
        if store.user_for_login(login).await.map_err(|e| e.to_string())?.is_some() {
            continue;
        }
        if hash.is_none() {
            hash = Some(crate::backoffice::access::hash_password_blocking(DEMO_PASSWORD.to_owned()).await);
        }
        let staff_id = staff.iter().find(|s| s.name == name).map(|s| s.id);
        let user = db::users::NewUser {
            login: login.to_owned(),
            display_name: name.to_owned(),
            role,
            staff_id,
            password_hash: hash.clone().unwrap_or_default(),
        };
        store.add_user(&user, now).await.map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The name of the demo's API token; each run revokes the previous ones.
const DEMO_TOKEN_NAME: &str = "numerovert demo";

/// A fresh API token for this demo run, so the printed one always works.
async fn demo_api_token(store: &dyn db::Store, now: chrono::DateTime<chrono::Utc>) -> Result<String, String> {
    for t in store.list_api_tokens().await.map_err(|e| e.to_string())? {
        if t.name == DEMO_TOKEN_NAME && t.revoked_at.is_none() {
            store
                .revoke_api_token(t.token_id, now)
                .await
                .map_err(|e| e.to_string())?;
        }
    }
    let (_, token) = crate::routing::service::create_api_token(
        store,
        DEMO_TOKEN_NAME,
        crate::backoffice::access::Role::Supervisor,
        now,
    )
    .await
    .map_err(|e| e.to_string())?;
    Ok(token)
}

fn print_demo_help(settings: &Settings, addr: std::net::SocketAddr, line: &str, seeded: bool, token: &str) {
    let call = [
        ("CallSid", "CAdemo0000000000000000000000000001"),
        ("From", "+33612345678"),
        ("To", line),
        ("CallStatus", "ringing"),
        ("AccountSid", "AC00000000000000000000000000000000"),
    ];
    let params: Vec<(String, String)> = call.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    // The curl commands go to the bound address, so that is the URL they sign.
    let base = settings.public_url.clone().unwrap_or_else(|| format!("http://{addr}"));
    let url = format!("{base}/twilio/voice");
    let sig = signature::compute(DEMO_AUTH_TOKEN, &url, &params, signature::Algorithm::HmacSha1);
    let press = {
        let mut p = params.clone();
        p.push(("Digits".into(), "2".into()));
        p
    };
    let next_url = format!("{base}/twilio/voice/next?step=1&event=input");
    let next_sig = signature::compute(DEMO_AUTH_TOKEN, &next_url, &press, signature::Algorithm::HmacSha1);
    let sms: Vec<(String, String)> = [
        ("MessageSid", "SMdemo0000000000000000000000000001"),
        ("AccountSid", "AC00000000000000000000000000000000"),
        ("From", "+33612345678"),
        ("To", settings.sms.number.as_deref().unwrap_or(line)),
        ("Body", "bjr mon bb pleure tt le temps le soir, jsp koi faire"),
        ("NumMedia", "0"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let sms_url = format!("{base}/twilio/sms");
    let sms_sig = signature::compute(DEMO_AUTH_TOKEN, &sms_url, &sms, signature::Algorithm::HmacSha1);
    let data = |p: &[(String, String)]| {
        p.iter()
            .map(|(k, v)| format!("--data-urlencode '{k}={v}'"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "\nnumerovert demo is running on http://{addr} (SQLite: {db}, scripts: {scripts}).\n\
         Calls are signed with the demo auth token \"{DEMO_AUTH_TOKEN}\".\n\n\
         1. Play the first menu, as Twilio would when a parent calls:\n\n   curl -s -X POST '{url}' -H 'X-Twilio-Signature: {sig}' {d1}\n\n\
         2. Press 2 in that menu:\n\n   curl -s -X POST '{next_url}' -H 'X-Twilio-Signature: {next_sig}' {d2}\n\n\
         3. Text the SMS bot the way a parent would (and `cargo run -- faq match \"...\"` shows how it reads any message):\n\n   curl -s -X POST '{sms_url}' -H 'X-Twilio-Signature: {sms_sig}' {d3}\n\n\
         4. Open the back-office at {base}/ and log in as superviseure (or admin, or ines for a\n\
         \x20  professional) with the demo password \"{DEMO_PASSWORD}\". Health: curl -s http://{addr}/readyz\n\n\
         5. {team}. Ask the JSON API who is on duty, with this run's API token\n\
         \x20  (each demo run revokes the previous one):\n\n   \
         curl -s -H 'Authorization: Bearer {token}' '{base}/api/v1/schedule/who?role=sage-femme'\n   \
         curl -s -H 'Authorization: Bearer {token}' '{base}/api/v1/schedule/gaps?days=14'\n\n   \
         Every route: {base}/api/v1/openapi.json\n\n\
         Stop with Ctrl-C. To point a real Twilio number at numerovert, see README.md.\n",
        team = if seeded {
            "A fictional team and its weekly schedules were added to the database"
        } else {
            "The demo team is in the database"
        },
        db = settings.database_url.redacted(),
        scripts = settings.scripts_dir.display(),
        d1 = data(&params),
        d2 = data(&press),
        d3 = data(&sms),
    );
}
