//! The administration commands, run as an operator would: the real binary,
//! the demo configuration, a fresh SQLite file, and a fixed "now"
//! (Tuesday 24 November 2026, 10:00 in Paris).

use std::path::{Path, PathBuf};
use std::process::Command;

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("admin.db");
        Db { _dir: dir, path }
    }

    /// Runs `numerovert ARGS`; returns (success, stdout, stderr).
    fn run(&self, args: &[&str]) -> (bool, String, String) {
        run_on(&self.path, args)
    }

    /// Runs a command that must succeed; returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let (ok, stdout, stderr) = self.run(args);
        assert!(ok, "numerovert {args:?} failed:\n{stdout}\n{stderr}");
        stdout
    }

    /// Runs a command that must fail; returns its stderr.
    fn fails(&self, args: &[&str]) -> String {
        let (ok, stdout, stderr) = self.run(args);
        assert!(!ok, "numerovert {args:?} should fail:\n{stdout}\n{stderr}");
        stderr
    }
}

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// `numerovert ARGS` as an operator runs it on `db`.
fn command(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_numerovert"));
    c.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("TWILIO_AUTH_TOKEN", "test-token")
        .env("NUMEROVERT_CONFIG", manifest("src/demo.toml"))
        .env("NUMEROVERT_SCRIPTS_DIR", manifest("ivr-scripts"))
        .env("NUMEROVERT_DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("NUMEROVERT_PUBLIC_URL", "https://helpline.example.org")
        .env("NUMEROVERT_CLOCK", "2026-11-24T10:00:00+01:00")
        .env("NUMEROVERT_LOG", "warn");
    c
}

fn outcome(out: std::process::Output) -> (bool, String, String) {
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn run_on(db: &Path, args: &[&str]) -> (bool, String, String) {
    outcome(command(db, args).output().expect("the binary runs"))
}

#[test]
fn staff_phones_are_read_as_written_and_bad_ones_refused() {
    let db = Db::new();
    let out = db.ok(&[
        "staff",
        "add",
        "--name",
        "Awa Diallo",
        "--phone",
        "06 12 34 56 78",
        "--role",
        "sage-femme",
    ]);
    assert!(out.contains("+33612345678") && out.contains("Awa Diallo"), "{out}");

    let err = db.fails(&[
        "staff",
        "add",
        "--name",
        "Léa",
        "--phone",
        "06 12",
        "--role",
        "sage-femme",
    ]);
    assert!(
        err.contains("phone: « 06 12 » n'est pas un numéro valide : vérifiez le nombre de chiffres"),
        "{err}"
    );
    assert!(err.contains("nothing was saved"), "{err}");

    // Every problem at once.
    let err = db.fails(&[
        "staff", "add", "--name", " ", "--phone", "bonjour", "--role", "plombier",
    ]);
    for field in ["name: ", "phone: ", "roles: rôle inconnu « plombier »"] {
        assert!(err.contains(field), "{field} missing from:\n{err}");
    }

    let list = db.ok(&["staff", "list"]);
    assert!(list.contains("#1") && list.contains("+33612345678"), "{list}");
    assert!(list.contains("1 staff member(s)"), "{list}");

    let out = db.ok(&[
        "staff",
        "update",
        "1",
        "--inactive",
        "--role",
        "sage-femme",
        "--role",
        "psychologue",
    ]);
    assert!(
        out.contains("inactive") && out.contains("sage-femme, psychologue"),
        "{out}"
    );
    assert!(out.contains("+33612345678"), "the phone is kept: {out}");
    let err = db.fails(&["staff", "update", "9", "--name", "X"]);
    assert!(err.contains("no staff member #9"), "{err}");

    let out = db.ok(&["staff", "calendar-link", "1"]);
    assert!(
        out.starts_with("https://helpline.example.org/calendar/staff/")
            && out.lines().next().unwrap().ends_with(".ics"),
        "{out}"
    );
}

/// Awa and Chloé share the nights in a weekly rotation starting Monday
/// 23 November; Inès backs the night up; on 24 December evening Awa, on turn,
/// is replaced by Bintou.
fn christmas(db: &Db) {
    for (name, phone) in [
        ("Awa Diallo", "06 12 34 56 78"),
        ("Chloé Petit", "01 99 00 00 02"),
        ("Inès Moreau", "01 99 00 00 03"),
        ("Bintou Camara", "01 99 00 00 04"),
    ] {
        db.ok(&["staff", "add", "--name", name, "--phone", phone, "--role", "sage-femme"]);
    }
    let out = db.ok(&[
        "rotation",
        "add",
        "--role",
        "sage-femme",
        "--name",
        "Nuits",
        "--member",
        "1",
        "--member",
        "2",
        "--handoff",
        "weekly",
        "--at",
        "09:00",
        "--start",
        "2026-11-23",
    ]);
    assert!(
        out.contains(
            "rotation #1 \"Nuits\" for sage-femme: Awa Diallo (#1), Chloé Petit (#2); weekly handoff at 09:00"
        ),
        "{out}"
    );
    let out = db.ok(&[
        "rule",
        "add",
        "--role",
        "sage-femme",
        "--days",
        "monday,tuesday,wednesday,thursday,friday,saturday,sunday",
        "--window",
        "18:00-09:00",
        "--rotation",
        "1",
        "--staff",
        "3",
    ]);
    assert!(
        out.contains("rule #1 sage-femme") && out.contains("18:00-09:00"),
        "{out}"
    );
    assert!(out.contains("rotation #1 then Inès Moreau (#3)"), "{out}");
    let out = db.ok(&[
        "override",
        "add",
        "--role",
        "sage-femme",
        "--from",
        "2026-12-24 18:00",
        "--to",
        "2026-12-25 09:00",
        "--replace",
        "1",
        "--by",
        "4",
        "--note",
        "Réveillon",
    ]);
    assert!(
        out.contains("override #1 sage-femme: replace Awa Diallo (#1) by Bintou Camara (#4), 2026-12-24 18:00 → 2026-12-25 09:00"),
        "{out}"
    );
}

#[test]
fn rules_rotations_and_overrides_are_added_listed_and_checked() {
    let db = Db::new();
    christmas(&db);
    assert!(db.ok(&["rotation", "list"]).contains("1 rotation(s)"));
    assert!(db.ok(&["rule", "list"]).contains("1 rule(s)"));
    let overrides = db.ok(&["override", "list"]);
    assert!(
        overrides.contains("Réveillon") && overrides.contains("1 override(s)"),
        "{overrides}"
    );

    // Invalid values: every field error, in French, and a non-zero exit.
    let err = db.fails(&[
        "rule",
        "add",
        "--role",
        "sage-femme",
        "--days",
        "funday",
        "--window",
        "25:00-26:00",
        "--staff",
        "9",
    ]);
    for needed in [
        "days: jour inconnu « funday »",
        "window: plage horaire invalide",
        "staff: aucun membre de l'équipe n'a le numéro 9",
    ] {
        assert!(err.contains(needed), "{needed} missing from:\n{err}");
    }
    let err = db.fails(&[
        "rotation",
        "add",
        "--role",
        "sage-femme",
        "--name",
        "Jours",
        "--member",
        "1",
        "--handoff",
        "daily",
        "--at",
        "9h",
        "--start",
        "demain",
    ]);
    assert!(
        err.contains("handoff_time: heure invalide") && err.contains("start: date invalide"),
        "{err}"
    );
    let err = db.fails(&[
        "override",
        "add",
        "--role",
        "sage-femme",
        "--from",
        "2026-12-31 18:00",
        "--to",
        "2026-12-31 10:00",
        "--add",
        "3",
    ]);
    assert!(err.contains("ends_at: la fin doit être après le début"), "{err}");
    // --replace needs --by: clap refuses before anything runs.
    let (ok, _, err) = db.run(&[
        "override",
        "add",
        "--role",
        "sage-femme",
        "--from",
        "2026-12-31 18:00",
        "--to",
        "2027-01-01 09:00",
        "--replace",
        "1",
    ]);
    assert!(!ok && err.contains("--by"), "{err}");

    // A rotation used by a rule cannot go; once the rule is gone it can.
    let err = db.fails(&["rotation", "delete", "1"]);
    assert!(err.contains("rule 1 uses this rotation"), "{err}");
    db.ok(&["rule", "delete", "1"]);
    db.ok(&["rotation", "delete", "1"]);
    db.ok(&["override", "delete", "1"]);
    assert!(db.fails(&["override", "delete", "1"]).contains("no override #1"));
}

#[test]
fn schedule_who_prints_the_decision_path_with_names() {
    let db = Db::new();
    christmas(&db);
    let out = db.ok(&["schedule", "who", "--role", "sage-femme", "--at", "2026-12-24 21:30"]);
    let expected = [
        "Who takes a call for sage-femme (une sage-femme) at 2026-12-24T21:30:00+01:00 (2026-12-24T20:30:00Z)",
        "Not a public holiday",
        "  - local time 2026-12-24 21:30 (Thursday)",
        "  - rule 1 applies (window 18:00-09:00)",
        "  - rotation 1 \"Nuits\": turn 4 → Awa Diallo (#1)",
        "  - override 1 (replace Awa Diallo (#1) by Bintou Camara (#4) — Réveillon): applied",
        "  - on duty, in order: Bintou Camara (#4), Inès Moreau (#3)",
        "Rung in order:\n  1. Bintou Camara (#4)\n  2. Inès Moreau (#3)",
        "If nobody answers: the transfer node's on_failure: voicemail or callback request",
    ];
    assert_in_order(&out, &expected);
    assert!(!out.contains("+33"), "no phone number in the report:\n{out}");

    // Christmas Day for the psychologists: the weekday rule is off for the
    // holiday, the holiday rule's only person is off sick, so the backup role
    // and then the fallback show.
    for (name, phone) in [("Sofia Marchand", "01 99 00 00 06"), ("Léa Fontaine", "01 99 00 00 07")] {
        db.ok(&[
            "staff",
            "add",
            "--name",
            name,
            "--phone",
            phone,
            "--role",
            "psychologue",
        ]);
    }
    for (holidays, staff) in [("not-on-holidays", "5"), ("only-on-holidays", "6")] {
        db.ok(&[
            "rule",
            "add",
            "--role",
            "psychologue",
            "--days",
            "monday,tuesday,wednesday,thursday,friday",
            "--window",
            "09:00-19:00",
            "--holidays",
            holidays,
            "--staff",
            staff,
        ]);
    }
    db.ok(&[
        "override",
        "add",
        "--role",
        "psychologue",
        "--from",
        "2026-12-25 08:00",
        "--to",
        "2026-12-25 12:00",
        "--remove",
        "6",
        "--note",
        "Malade",
    ]);
    let out = db.ok(&[
        "schedule",
        "who",
        "--role",
        "psychologue",
        "--at",
        "2026-12-25T10:00:00+01:00",
    ]);
    assert_in_order(
        &out,
        &[
            "Public holiday: Noël",
            "  - local time 2026-12-25 10:00 (Friday)",
            "  - rule 2 skipped: holiday Noël (policy not-on-holidays)",
            "  - rule 3 applies (window 09:00-19:00, holiday Noël)",
            "  - override 2 (remove Léa Fontaine (#6) — Malade): applied",
            "  - on duty: nobody",
            "Rung in order: nobody",
            "Backup roles, in order:\n  1. sage-femme (une sage-femme): nobody",
            "If nobody answers: the transfer node's on_failure: voicemail or callback request",
        ],
    );

    let err = db.fails(&["schedule", "who", "--role", "sage-femme", "--at", "2026-03-29 02:30"]);
    assert!(err.contains("at: 2026-03-29 02:30 n'existe pas"), "{err}");
    let err = db.fails(&["schedule", "who", "--role", "plombier"]);
    assert!(err.contains("role: rôle inconnu « plombier »"), "{err}");
}

/// Asserts that `out` holds every line of `expected`, in this order.
fn assert_in_order(out: &str, expected: &[&str]) {
    let mut from = 0;
    for line in expected {
        let at = out[from..]
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} missing, or out of order, in:\n{out}"));
        from += at + line.len();
    }
}

#[test]
fn schedule_gaps_lists_the_periods_with_nobody_on_duty_while_open() {
    let db = Db::new();
    let roles = [
        "accueil",
        "sage-femme",
        "puericultrice",
        "psychologue",
        "conseillere-lactation",
        "travailleur-social",
    ];
    let mut add = vec!["staff", "add", "--name", "Zoé Martin", "--phone", "01 99 00 00 05"];
    for role in roles {
        add.extend(["--role", role]);
    }
    db.ok(&add);
    for role in roles {
        db.ok(&[
            "rule",
            "add",
            "--role",
            role,
            "--days",
            "monday,tuesday,wednesday,thursday,friday,saturday,sunday",
            "--window",
            "00:00-24:00",
            "--staff",
            "1",
        ]);
    }
    let out = db.ok(&["schedule", "gaps", "--days", "14"]);
    assert!(out.contains("no gap"), "{out}");
    assert!(!out.contains("  gap "), "{out}");

    // The all-day rules of the midwives (no backup role) and of the lactation
    // consultants (backed up by the nurses) give way to weekday ones: Saturday
    // mornings, when the line is open, are uncovered; nights and Sundays, when
    // it is closed, are no gap.
    for (rule, role) in [("2", "sage-femme"), ("5", "conseillere-lactation")] {
        db.ok(&["rule", "delete", rule]);
        db.ok(&[
            "rule",
            "add",
            "--role",
            role,
            "--days",
            "monday,tuesday,wednesday,thursday,friday",
            "--window",
            "09:00-19:00",
            "--staff",
            "1",
        ]);
    }
    let (ok, out, err) = db.run(&["schedule", "gaps", "--days", "14"]);
    assert!(ok, "gaps exit 0 either way: {err}");
    let gaps: Vec<&str> = out.lines().filter(|l| l.starts_with("  gap ")).collect();
    assert_eq!(
        gaps,
        [
            "  gap  conseillere-lactation  2026-11-28 09:00 → 2026-11-28 12:30 (Saturday) — covered by backup puericultrice",
            "  gap  sage-femme             2026-11-28 09:00 → 2026-11-28 12:30 (Saturday)",
            "  gap  conseillere-lactation  2026-12-05 09:00 → 2026-12-05 12:30 (Saturday) — covered by backup puericultrice",
            "  gap  sage-femme             2026-12-05 09:00 → 2026-12-05 12:30 (Saturday)",
        ],
        "{out}"
    );
    assert!(out.contains("4 gap(s) in the next 14 day(s)"), "{out}");
}

#[test]
fn api_tokens_are_shown_once_and_can_be_revoked() {
    let db = Db::new();
    let out = db.ok(&["token", "create", "--name", "CRM de la Maison"]);
    assert!(
        out.contains("created supervisor API token #1 \"CRM de la Maison\""),
        "{out}"
    );
    let token = out
        .lines()
        .map(str::trim)
        .find(|l| l.len() >= 43 && !l.contains(' '))
        .unwrap_or_else(|| panic!("no token in {out}"))
        .to_owned();

    let list = db.ok(&["token", "list"]);
    assert!(
        list.contains("CRM de la Maison") && list.contains("active, never used"),
        "{list}"
    );
    assert!(!list.contains(&token), "the token itself is never shown again");

    let out = db.ok(&["token", "revoke", "1"]);
    assert!(out.contains("revoked API token #1"), "{out}");
    assert!(db.ok(&["token", "list"]).contains("revoked 2026-11-24 10:00"));
    assert!(db.fails(&["token", "revoke", "7"]).contains("no API token #7"));

    let err = db.fails(&["token", "create", "--name", " "]);
    assert!(err.contains("name: "), "{err}");

    let out = db.ok(&["token", "create", "--name", "Tableau de garde", "--role", "staff"]);
    assert!(out.contains("created staff API token #2"), "{out}");
    let list = db.ok(&["token", "list"]);
    assert!(
        list.lines()
            .any(|l| l.contains("Tableau de garde") && l.contains("staff")),
        "{list}"
    );
    let err = db.fails(&["token", "create", "--name", "X", "--role", "root"]);
    assert!(err.contains("unknown role"), "{err}");
}

#[test]
fn role_links_and_list() {
    let db = Db::new();
    let out = db.ok(&["role", "calendar-link", "sage-femme"]);
    assert!(out.starts_with("https://helpline.example.org/calendar/role/"), "{out}");
    let err = db.fails(&["role", "calendar-link", "plombier"]);
    assert!(err.contains("no role \"plombier\""), "{err}");
    let list = db.ok(&["role", "list"]);
    assert!(
        list.contains("psychologue") && list.contains("backups: sage-femme"),
        "{list}"
    );
}

/// Runs `numerovert ARGS` with `input` on standard input.
fn run_with_input(db: &Db, args: &[&str], input: &str) -> (bool, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command(&db.path, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    outcome(child.wait_with_output().unwrap())
}

#[test]
fn the_first_admin_is_created_from_the_command_line_with_a_password_never_on_it() {
    let db = Db::new();
    let add = [
        "user",
        "add",
        "--login",
        "Admin",
        "--name",
        "Alice Admin",
        "--role",
        "admin",
    ];
    let (ok, _, stderr) = run_with_input(&db, &add, "court\n");
    assert!(!ok);
    assert!(stderr.contains("au moins 12 caractères"), "{stderr}");
    let (ok, _, stderr) = run_with_input(
        &db,
        &["user", "add", "--login", "é", "--name", " ", "--role", "root"],
        "une phrase de passe solide\n",
    );
    assert!(!ok);
    assert!(stderr.contains("3 problem(s); nothing was saved"), "{stderr}");

    let (ok, stdout, stderr) = run_with_input(&db, &add, "une phrase de passe solide\n");
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("created admin user #1 \"Alice Admin\" (login admin)"),
        "{stdout}"
    );
    assert!(stdout.contains("https://helpline.example.org/login"), "{stdout}");
    let (ok, _, stderr) = run_with_input(&db, &add, "une phrase de passe solide\n");
    assert!(!ok);
    assert!(stderr.contains("the login admin is taken"), "{stderr}");

    let list = db.ok(&["user", "list"]);
    assert!(
        list.contains("admin") && list.contains("never logged in") && list.contains("1 user(s)"),
        "{list}"
    );
    let (ok, stdout, _) = run_with_input(&db, &["user", "disable", "--login", "ADMIN"], "");
    assert!(ok && stdout.contains("can no longer log in"), "{stdout}");
    assert!(db.ok(&["user", "list"]).contains("disabled"));
    assert!(db
        .fails(&["user", "password", "--login", "nobody"])
        .contains("no user with the login"));
}
