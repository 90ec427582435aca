//! The back-office in a real browser: headless Chromium driven through
//! chromedriver (WebDriver), against the real binary (`numerovert demo` on a free
//! port, a fresh SQLite file, a fixed "now": Tuesday 24 November 2026, 10:00 in
//! Paris) fed with a few SMS and a call signed as Twilio signs them.
//!
//! Chromium and chromedriver are Debian's `chromium` and `chromium-driver`
//! (`.ci/run` installs them), found at `NUMEROVERT_CHROMIUM` and
//! `NUMEROVERT_CHROMEDRIVER` or in `/usr/bin`. Without them the tests say so
//! loudly and pass, unless `NUMEROVERT_REQUIRE_BROWSER=1` (as in CI).
//!
//! The accessibility audit visits every main page at 1280, 768 and 360 px and
//! runs axe-core on it (WCAG 2 A and AA rules), then checks that nothing
//! scrolls sideways, that chart text stays readable and that each Tab stop
//! shows its focus. axe-core is the npm package pinned in
//! `tests/browser/package.json` (`npm ci` there; `.ci/run` does it); without it
//! the audit is skipped loudly, or fails under `NUMEROVERT_REQUIRE_BROWSER=1`.
//!
//! `screenshots` (ignored; `bash scripts/screenshots.sh` runs it) saves full-page
//! PNGs of the main pages at desktop and phone widths into
//! `NUMEROVERT_SCREENSHOTS_DIR` (default `screenshots/`).

#[path = "browser/webdriver.rs"]
mod webdriver;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use numerovert::telephony::signature;
use serde_json::{json, Value};
use webdriver::{By, Session, ENTER, TAB};

const PASSWORD: &str = numerovert::app::DEMO_PASSWORD;
/// The demo's voice line and SMS number (src/demo.toml).
const LINE: &str = "+33199001234";
const SMS_NUMBER: &str = "+33199005678";
const ACCOUNT: &str = "AC00000000000000000000000000000000";
/// A Tuesday morning: the line is open, the week's rota is full.
const NOW: &str = "2026-11-24T10:00:00+01:00";
/// The same Tuesday, once the line has closed: a whole day to review.
const EVENING: &str = "2026-11-24T19:45:00+01:00";

/// Where Chromium and chromedriver are; `None` (after a loud notice) when either is missing.
fn browser_paths() -> Option<(PathBuf, PathBuf)> {
    let path = |var: &str, default: &str| PathBuf::from(std::env::var(var).unwrap_or_else(|_| default.to_owned()));
    let chromium = path("NUMEROVERT_CHROMIUM", "/usr/bin/chromium");
    let driver = path("NUMEROVERT_CHROMEDRIVER", "/usr/bin/chromedriver");
    if chromium.is_file() && driver.is_file() {
        return Some((chromium, driver));
    }
    let looked = format!(
        "(looked for {} and {}; install Debian's chromium and chromium-driver, or set \
         NUMEROVERT_CHROMIUM and NUMEROVERT_CHROMEDRIVER)",
        chromium.display(),
        driver.display()
    );
    if std::env::var("NUMEROVERT_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!("!!! chromium/chromedriver not found, and NUMEROVERT_REQUIRE_BROWSER=1: FAILING !!!\n{looked}");
    }
    let notice = format!("!!! chromium/chromedriver not found: the browser tests are SKIPPED !!!\n{looked}");
    // Straight to the process's stderr, past the test harness's capture: seen by
    // whoever runs a plain `cargo test`.
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "\n{notice}\n");
    None
}

/// A child process killed (with its whole process group) when dropped, even
/// when the test fails; its output goes to `log`, printed if the test panicked.
struct Guard {
    name: &'static str,
    child: Child,
    log: PathBuf,
}

impl Guard {
    fn spawn(name: &'static str, mut command: Command, log: PathBuf) -> Result<Guard> {
        use std::os::unix::process::CommandExt;
        let out = File::create(&log)?;
        let child = command
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out)
            // Its own process group, so that the browsers chromedriver starts go with it.
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {name}"))?;
        Ok(Guard { name, child, log })
    }

    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }

    /// Fails if the process has already exited.
    fn check_running(&mut self) -> Result<()> {
        if let Some(status) = self.child.try_wait()? {
            bail!("{} exited ({status}):\n{}", self.name, self.log_tail());
        }
        Ok(())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!(
                "--- last lines of {} ({}):\n{}",
                self.name,
                self.log.display(),
                self.log_tail()
            );
        }
    }
}

/// One browser test at a time: each starts a demo and Chromium, which together
/// keep a small machine's cores busy (an inbound SMS has 8 s to be stored).
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A port nobody listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free local port")
        .port()
}

/// Polls `check` until it says yes, failing after `within`.
async fn poll<F, Fut>(what: &str, within: Duration, guard: &mut Guard, mut check: F) -> Result<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    loop {
        guard.check_running()?;
        if check().await {
            return Ok(());
        }
        if start.elapsed() > within {
            bail!("{what} not ready after {within:?}:\n{}", guard.log_tail());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// `numerovert demo` on a free port and a fresh database, with a little traffic.
struct Demo {
    base: String,
    http: reqwest::Client,
    _server: Guard,
    _dir: tempfile::TempDir,
}

impl Demo {
    /// The demo at [`NOW`], with a few contacts (see [`Demo::traffic`]).
    async fn start() -> Result<Demo> {
        let demo = Demo::launch(NOW, &[]).await?;
        demo.traffic().await?;
        Ok(demo)
    }

    /// The demo at the end of a day it played itself (`demo --simulate-day`),
    /// and what it played.
    async fn after_a_simulated_day() -> Result<(Demo, Value)> {
        let demo = Demo::launch(EVENING, &["--simulate-day"]).await?;
        let log = std::fs::read_to_string(demo._server.log.clone())?;
        let summary = log
            .lines()
            .find_map(|l| l.strip_prefix("simulated day: "))
            .with_context(|| format!("no summary of the simulated day in:\n{log}"))?;
        let summary: Value = serde_json::from_str(summary)?;
        Ok((demo, summary))
    }

    fn database(&self) -> PathBuf {
        self._dir.path().join("browser.db")
    }

    async fn launch(clock: &str, args: &[&str]) -> Result<Demo> {
        let dir = tempfile::tempdir()?;
        let port = free_port();
        let mut command = Command::new(env!("CARGO_BIN_EXE_numerovert"));
        command
            .arg("demo")
            .arg("--bind")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--database")
            .arg(dir.path().join("browser.db"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("NUMEROVERT_CLOCK", clock)
            .env("NUMEROVERT_LOG", "warn");
        let mut server = Guard::spawn("numerovert demo", command, dir.path().join("server.log"))?;
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()?;
        let ready = format!("{base}/readyz");
        poll("the demo", Duration::from_secs(300), &mut server, || async {
            http.get(&ready).send().await.is_ok_and(|r| r.status().is_success())
        })
        .await?;
        Ok(Demo {
            base,
            http,
            _server: server,
            _dir: dir,
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Posts a webhook signed with the demo's auth token, for the URL requested
    /// (no public URL in the demo: the service checks `http://` + its Host).
    async fn post_signed(&self, path: &str, params: &[(&str, &str)]) -> Result<String> {
        let url = self.url(path);
        let params: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let sig = signature::compute(
            numerovert::app::DEMO_AUTH_TOKEN,
            &url,
            &params,
            signature::Algorithm::HmacSha1,
        );
        let resp = self
            .http
            .post(&url)
            .header("X-Twilio-Signature", sig)
            .form(&params)
            .send()
            .await?;
        let status = resp.status();
        let body = resp.text().await?;
        ensure!(status.is_success(), "{path}: {status}: {body}");
        Ok(body)
    }

    async fn sms(&self, sid: &str, from: &str, body: &str) -> Result<()> {
        self.post_signed(
            "/twilio/sms",
            &[
                ("MessageSid", sid),
                ("SmsSid", sid),
                ("SmsMessageSid", sid),
                ("AccountSid", ACCOUNT),
                ("From", from),
                ("To", SMS_NUMBER),
                ("Body", body),
                ("NumMedia", "0"),
                ("NumSegments", "1"),
                ("SmsStatus", "received"),
                ("FromCountry", "FR"),
                ("ToCountry", "FR"),
                ("ApiVersion", "2010-04-01"),
            ],
        )
        .await?;
        Ok(())
    }

    /// A parent in distress, one asking to be called back, one with a question,
    /// and a call that hangs up in the first menu.
    async fn traffic(&self) -> Result<()> {
        self.sms(
            "SMbrowser00000000000000000000001",
            "+33639980123",
            "je veux mourir, je n'en peux plus",
        )
        .await?;
        self.sms("SMbrowser00000000000000000000002", "+33639980456", "RAPPEL")
            .await?;
        self.sms(
            "SMbrowser00000000000000000000003",
            "+33639980789",
            "bjr mon bb pleure tt le temps le soir, jsp koi faire",
        )
        .await?;
        let call = [
            ("CallSid", "CAbrowser0000000000000000000000001"),
            ("AccountSid", ACCOUNT),
            ("From", "+33639980321"),
            ("To", LINE),
            ("Direction", "inbound"),
            ("ApiVersion", "2010-04-01"),
        ];
        let mut ringing = call.to_vec();
        ringing.push(("CallStatus", "ringing"));
        let twiml = self.post_signed("/twilio/voice", &ringing).await?;
        ensure!(twiml.contains("<Response>"), "not TwiML: {twiml}");
        let mut ended = call.to_vec();
        ended.extend([("CallStatus", "completed"), ("CallDuration", "25")]);
        self.post_signed("/twilio/voice/status", &ended).await?;
        Ok(())
    }
}

/// chromedriver on a free port; each [`Chromium::open`] is a fresh browser.
struct Chromium {
    chromium: PathBuf,
    url: String,
    profiles: tempfile::TempDir,
    driver: Guard,
}

impl Chromium {
    async fn start(chromium: PathBuf, driver_path: &Path) -> Result<Chromium> {
        let profiles = tempfile::tempdir()?;
        let port = free_port();
        let mut command = Command::new(driver_path);
        // Chromium on Linux takes its interface language (date fields…) from the
        // environment; French needs Debian's chromium-l10n, English otherwise.
        command
            .arg(format!("--port={port}"))
            .env("LANGUAGE", "fr_FR:fr")
            .env("LANG", "fr_FR.UTF-8");
        let mut driver = Guard::spawn("chromedriver", command, profiles.path().join("chromedriver.log"))?;
        let url = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?;
        let status = format!("{url}/status");
        poll("chromedriver", Duration::from_secs(60), &mut driver, || async {
            match http.get(&status).send().await {
                Ok(r) => r
                    .json::<Value>()
                    .await
                    .is_ok_and(|v| v["value"]["ready"] == json!(true)),
                Err(_) => false,
            }
        })
        .await?;
        Ok(Chromium {
            chromium,
            url,
            profiles,
            driver,
        })
    }

    /// A new headless browser with its own empty profile (no cookie, no history).
    async fn open(&mut self, name: &str) -> Result<Session> {
        self.driver.check_running()?;
        let profile = self.profiles.path().join(name);
        let capabilities = json!({
            "alwaysMatch": {
                "browserName": "chrome",
                "pageLoadStrategy": "normal",
                "goog:chromeOptions": {
                    "binary": self.chromium,
                    "prefs": {"intl.accept_languages": "fr-FR,fr"},
                    "args": [
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--disable-extensions",
                        "--disable-crash-reporter",
                        "--disable-breakpad",
                        "--hide-scrollbars",
                        "--lang=fr-FR",
                        "--window-size=1280,900",
                        format!("--user-data-dir={}", profile.display()),
                    ]
                }
            }
        });
        Session::start(&self.url, capabilities).await
    }
}

/// Chromedriver for a test, which fails with the reason when it cannot start.
async fn chromium_for_a_test(chromium: PathBuf, driver: &Path) -> Chromium {
    Chromium::start(chromium, driver)
        .await
        .unwrap_or_else(|e| panic!("{e:#}"))
}

/// Logs in with the mouse: click each field, type, click the button.
async fn log_in(s: &Session, demo: &Demo, login: &str, name: &str) -> Result<()> {
    log_in_with(s, demo, login, PASSWORD, name).await
}

async fn log_in_with(s: &Session, demo: &Demo, login: &str, password: &str, name: &str) -> Result<()> {
    s.goto(&demo.url("/login")).await?;
    s.wait_for(&By::css("#login")).await?.send_keys(login).await?;
    s.wait_for(&By::css("#password")).await?.send_keys(password).await?;
    s.wait_for(&By::button("Se connecter")).await?.click().await?;
    s.wait_for_text(&By::css("header .who"), name).await?;
    Ok(())
}

/// Logs in with the keyboard only: Tab until the login field has the focus,
/// type, Tab to the password, type, Enter.
async fn log_in_with_keyboard(s: &Session, demo: &Demo, login: &str, name: &str) -> Result<()> {
    s.goto(&demo.url("/login")).await?;
    s.wait_for(&By::css("#login")).await?;
    let mut tabs = 0;
    while s.focused_id().await? != "login" {
        ensure!(tabs < 10, "Tab never reached the login field");
        s.keys(&TAB.to_string()).await?;
        tabs += 1;
    }
    s.keys(&format!("{login}{TAB}")).await?;
    ensure!(
        s.focused_id().await? == "password",
        "Tab from the login goes to the password"
    );
    s.keys(&format!("{PASSWORD}{ENTER}")).await?;
    s.wait_for_text(&By::css("header .who"), name).await?;
    Ok(())
}

/// The "total" row of the figures' CSV export, by column name.
fn csv_total(csv: &str) -> Result<impl Fn(&str) -> Result<String> + '_> {
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers()?.clone();
    let total = reader
        .records()
        .filter_map(|r| r.ok())
        .find(|r| r.get(0) == Some("total"))
        .with_context(|| format!("no total row in {csv}"))?;
    Ok(move |name: &str| {
        let i = headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("no column {name:?} in {csv}"))?;
        Ok(total.get(i).unwrap_or_default().to_owned())
    })
}

/// On the rota, « remplacer » Léa Fontaine on her first shift of the week by
/// Manon Rivière (both puéricultrices), as a supervisor does; checks the confirmation.
async fn replace_on_the_rota(s: &Session, demo: &Demo) -> Result<()> {
    s.goto(&demo.url("/rota")).await?;
    s.wait_for_text(&By::css("main h1"), "Planning").await?;
    s.wait_for(&By::css("a[aria-label^='Remplacer Léa Fontaine']"))
        .await?
        .click()
        .await?;
    s.wait_for_url("kind=replace").await?;
    let prefilled = s
        .execute(
            "const v = id => { const e = document.getElementById(id); \
               return e.tagName === 'SELECT' ? e.selectedOptions[0].text : e.value; }; \
             return [v('role'), v('kind'), v('staff'), v('starts_at'), v('ends_at')];",
            vec![],
        )
        .await?;
    ensure!(
        prefilled[2] == "Léa Fontaine"
            && prefilled[1].as_str().is_some_and(|k| k.starts_with("Remplacer"))
            && prefilled[3].as_str().is_some_and(|t| !t.is_empty()),
        "the « remplacer » link prefills the form: {prefilled}"
    );
    s.wait_for(&By::option("by", "Manon Rivière")).await?.click().await?;
    s.wait_for(&By::css("#note"))
        .await?
        .send_keys("Échange de garde (test navigateur)")
        .await?;
    s.wait_for(&By::button("Enregistrer la modification"))
        .await?
        .click()
        .await?;
    s.wait_for_text(&By::css("p.notice"), "Modification du planning enregistrée")
        .await?;
    s.wait_for_text(
        &By::css("section[aria-labelledby='role-puericultrice'] ul.overrides"),
        "Manon Rivière",
    )
    .await?;
    Ok(())
}

/// The browser's session cookie, as a `Cookie` header.
async fn session_cookie(s: &Session) -> Result<String> {
    let value = s
        .cookie(numerovert::backoffice::access::SESSION_COOKIE)
        .await?
        .context("the browser holds no session cookie")?;
    Ok(format!("{}={value}", numerovert::backoffice::access::SESSION_COOKIE))
}

#[tokio::test]
async fn a_supervisor_works_through_the_back_office_and_staff_are_kept_out() {
    let Some((chromium, driver)) = browser_paths() else {
        return;
    };
    let _turn = ONE_AT_A_TIME.lock().await;
    let started = Instant::now();
    let demo = Demo::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let mut browsers = chromium_for_a_test(chromium, &driver).await;
    // A panic while the processes still run, so that their logs are printed.
    if let Err(e) = supervisor_then_staff(&demo, &mut browsers).await {
        panic!("{e:#}");
    }
    eprintln!("browser test: {:.1} s", started.elapsed().as_secs_f64());
}

async fn supervisor_then_staff(demo: &Demo, browsers: &mut Chromium) -> Result<()> {
    let s = browsers.open("superviseure").await?;

    // Log in.
    log_in(&s, demo, "superviseure", "Sandrine Roux").await?;
    s.wait_for_text(&By::css("main h1"), "Aujourd'hui").await?;

    // Filter the contacts: urgent ones only.
    s.goto(&demo.url("/contacts")).await?;
    s.wait_for_text(&By::css("main h1"), "Contacts").await?;
    let all = s.find_all(&By::css("main table tbody tr")).await?.len();
    ensure!(
        all >= 4,
        "three SMS and a call, {all} rows:\n{}",
        s.visible_text().await?
    );
    s.wait_for(&By::css("#urgent")).await?.click().await?;
    s.wait_for(&By::button("Filtrer")).await?.click().await?;
    s.wait_for_url("urgent=1").await?;
    s.wait_for(&By::link("Effacer les filtres")).await?;
    let rows = s.find_all(&By::css("main table tbody tr")).await?;
    ensure!(rows.len() == 1, "one urgent contact, {} rows", rows.len());
    let row = rows[0].text().await?;
    ensure!(row.contains("Urgent"), "the urgent contact: {row}");

    // Open it.
    s.wait_for(&By::css("main table tbody tr a")).await?.click().await?;
    s.wait_for_text(&By::css("main h1"), "Contact n°").await?;
    s.wait_for_text(&By::css("main"), "je veux mourir").await?;

    // Close its follow-up with an outcome.
    let before = s
        .wait_for(&By::css("section[aria-labelledby='suivi'] > p"))
        .await?
        .text()
        .await?;
    ensure!(!before.contains("Clos"), "still open: {before}");
    close_follow_up(&s, "reached", "Clos : Parent joint").await?;

    // The rota: replace someone on a shift.
    replace_on_the_rota(&s, demo).await?;

    // The figures and their CSV export, with the browser's own session.
    s.goto(&demo.url("/figures")).await?;
    s.wait_for_text(&By::css("main h1"), "Chiffres").await?;
    let href = s.wait_for(&By::link("Exporter en CSV")).await?.property("href").await?;
    ensure!(href.starts_with(&demo.url("/figures.csv?")), "{href}");
    let cookie = session_cookie(&s).await?;
    let csv = demo.http.get(&href).header("cookie", &cookie).send().await?;
    ensure!(csv.status() == 200, "the export answers {}", csv.status());
    let content_type = csv.headers()["content-type"].to_str()?.to_owned();
    let disposition = csv.headers()["content-disposition"].to_str()?.to_owned();
    ensure!(content_type.starts_with("text/csv"), "{content_type}");
    ensure!(disposition.starts_with("attachment"), "{disposition}");
    let csv = csv.text().await?;
    let total = csv_total(&csv)?;
    ensure!(
        total("appels")? == "1" && total("SMS")? == "3" && total("urgents")? == "1",
        "the day's call, three SMS, one urgent: {csv}"
    );
    ensure!(
        !csv.contains("+336") && !csv.contains("mourir"),
        "no personal data in the export: {csv}"
    );
    let anonymous = demo.http.get(&href).send().await?;
    ensure!(
        anonymous.status().is_redirection(),
        "without the session, the export sends to the login: {}",
        anonymous.status()
    );
    s.quit().await?;

    // A professional (staff), in a fresh browser, with the keyboard only.
    let ines = browsers.open("ines").await?;
    log_in_with_keyboard(&ines, demo, "ines", "Inès Moreau").await?;
    for page in ["/admin/users", "/figures"] {
        ines.goto(&demo.url(page)).await?;
        ines.wait_for_text(&By::css("main h1"), "Accès réservé").await?;
    }
    let cookie = session_cookie(&ines).await?;
    let resp = demo
        .http
        .get(demo.url("/admin/users"))
        .header("cookie", cookie)
        .send()
        .await?;
    ensure!(resp.status() == 403, "staff get 403 on /admin/users: {}", resp.status());
    ines.quit().await?;
    Ok(())
}

/// Our acceptance, as the issue puts it: a supervisor new to the back-office
/// is given an account on the command line, logs in with a real browser once
/// the line has closed, and reviews a day of simulated traffic (`demo
/// --simulate-day`, played through the webhooks): the day's figures are those
/// of what was played, every urgent message is opened and its follow-up closed,
/// a parent waiting for a callback is marked reached, and the export counts the same day.
#[tokio::test]
async fn a_new_supervisor_reviews_a_simulated_day() {
    let Some((chromium, driver)) = browser_paths() else {
        return;
    };
    let _turn = ONE_AT_A_TIME.lock().await;
    let (demo, day) = Demo::after_a_simulated_day().await.unwrap_or_else(|e| panic!("{e:#}"));
    let mut browsers = chromium_for_a_test(chromium, &driver).await;
    if let Err(e) = review_the_day(&demo, &day, &mut browsers).await {
        panic!("{e:#}\nthe simulated day: {day}");
    }
}

async fn review_the_day(demo: &Demo, day: &Value, browsers: &mut Chromium) -> Result<()> {
    let count = |key: &str| day[key].as_u64().with_context(|| format!("no {key} in {day}"));
    ensure!(
        count("calls")? >= 30 && count("urgent_texts")? == 2,
        "a busy day: {day}"
    );

    // The admin creates her account, as the README says.
    let password = "une phrase de passe pour Nadia";
    let out = Command::new(env!("CARGO_BIN_EXE_numerovert"))
        .args([
            "user",
            "add",
            "--login",
            "nadia",
            "--name",
            "Nadia Nouvelle",
            "--role",
            "supervisor",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NUMEROVERT_CONFIG", "src/demo.toml")
        .env("TWILIO_AUTH_TOKEN", numerovert::app::DEMO_AUTH_TOKEN)
        .env(
            "NUMEROVERT_DATABASE_URL",
            format!("sqlite://{}", demo.database().display()),
        )
        .env("NUMEROVERT_PASSWORD", password)
        .env("NUMEROVERT_LOG", "warn")
        .output()?;
    ensure!(
        out.status.success(),
        "user add: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let s = browsers.open("nadia").await?;
    log_in_with(&s, demo, "nadia", password, "Nadia Nouvelle").await?;
    s.wait_for_text(&By::css("main h1"), "Aujourd'hui").await?;

    // The day at a glance: calls, answered, unanswered, messages left, SMS, urgent.
    let mut figures = Vec::new();
    for li in s.find_all(&By::css("ul.figures li strong")).await? {
        figures.push(li.text().await?.trim().parse::<u64>()?);
    }
    ensure!(
        figures.len() == 6
            && figures[0] == count("calls")?
            && figures[1] == count("answered")?
            && figures[4] == count("conversations")?
            && figures[5] == count("urgent_texts")?,
        "the day's figures {figures:?} are those played: {day}"
    );

    // Every urgent message, opened and taken in hand.
    let urgent = By::css("section[aria-labelledby='titre-urgent'] li.card a");
    for _ in 0..count("urgent_texts")? {
        s.wait_for(&urgent).await?.click().await?;
        s.wait_for_text(&By::css("main h1"), "Contact n°").await?;
        close_follow_up(&s, "reached", "Clos : Parent joint").await?;
        s.goto(&demo.url("/")).await?;
        s.wait_for_text(&By::css("main h1"), "Aujourd'hui").await?;
    }
    s.wait_for_text(
        &By::css("section[aria-labelledby='titre-urgent']"),
        "Aucun message urgent en attente",
    )
    .await?;

    // The parents waiting for a callback: the first one, reached.
    let waiting = By::css("section[aria-labelledby='titre-rappels'] tbody tr");
    let before = s.find_all(&waiting).await?.len();
    ensure!(before >= 1, "parents wait for a callback:\n{}", s.visible_text().await?);
    s.wait_for(&By::css("section[aria-labelledby='titre-rappels'] tbody tr a"))
        .await?
        .click()
        .await?;
    s.wait_for_text(&By::css("main h1"), "Contact n°").await?;
    close_follow_up(&s, "reached", "Clos : Parent joint").await?;
    s.goto(&demo.url("/")).await?;
    s.wait_for_text(&By::css("main h1"), "Aujourd'hui").await?;
    let after = s.find_all(&waiting).await?.len();
    ensure!(after + 1 == before, "one callback fewer: {before} then {after}");

    // The figures of the day, exported.
    s.goto(&demo.url("/figures")).await?;
    let href = s.wait_for(&By::link("Exporter en CSV")).await?.property("href").await?;
    let cookie = session_cookie(&s).await?;
    let csv = demo
        .http
        .get(&href)
        .header("cookie", &cookie)
        .send()
        .await?
        .text()
        .await?;
    let total = csv_total(&csv)?;
    ensure!(
        total("appels")? == count("calls")?.to_string()
            && total("SMS")? == count("conversations")?.to_string()
            && total("urgents")? == count("urgent_texts")?.to_string(),
        "the export counts the day played ({day}): {csv}"
    );
    s.quit().await?;
    Ok(())
}

/// On a contact's page, closes its follow-up with `outcome` and waits for `shown`.
async fn close_follow_up(s: &Session, outcome: &str, shown: &str) -> Result<()> {
    let follow_up = By::css("section[aria-labelledby='suivi'] > p");
    s.wait_for(&By::css("#state option[value='closed']"))
        .await?
        .click()
        .await?;
    s.wait_for(&By::css(&format!("#outcome option[value='{outcome}']")))
        .await?
        .click()
        .await?;
    s.wait_for(&By::button("Enregistrer le suivi")).await?.click().await?;
    s.wait_for_text(&follow_up, shown).await?;
    Ok(())
}

/// Finds what sticks out to the right of the screen (outside the scrolling
/// boxes of tables and diagrams: the outermost overflowing elements, described), the
/// tables that scroll sideways, and text drawn in its background's colour.
const LAYOUT_SCRIPT: &str = r#"
const width = document.documentElement.clientWidth;
const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
  + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
const sticks = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; };
const out = [];
for (const e of document.querySelectorAll('body *')) {
  const box = e.parentElement && e.parentElement.closest('.scroll, .diagram-box');
  if (box || !sticks(e) || (e.parentElement && sticks(e.parentElement))) continue;
  const text = (e.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  out.push(describe(e) + ' (right edge at ' + Math.round(e.getBoundingClientRect().right) + ' px)' + (text ? ': ' + text : ''));
}
const scrolling = [...document.querySelectorAll('.scroll')].filter(b => b.scrollWidth > b.clientWidth + 1)
  .map(b => { const h = b.closest('section') && b.closest('section').querySelector('h2');
    return (h ? h.innerText.trim() : 'table') + ' (' + b.scrollWidth + ' px in ' + b.clientWidth + ')'; });
const background = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
  if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; };
const invisible = [...document.querySelectorAll('main a, main button, main label, main p, main td, main li')]
  .filter(e => e.getBoundingClientRect().width > 0 && (e.innerText || '').trim()
    && getComputedStyle(e).color === background(e))
  .map(e => describe(e) + ': ' + e.innerText.trim().slice(0, 40));
return { scrollWidth: document.documentElement.scrollWidth, width: width, overflowing: out.slice(0, 12),
  scrolling: scrolling, invisible: invisible };
"#;

#[tokio::test]
#[ignore = "makes screenshots: bash scripts/screenshots.sh"]
async fn screenshots() -> Result<()> {
    let Some((chromium, driver)) = browser_paths() else {
        return Ok(());
    };
    let dir = std::env::var("NUMEROVERT_SCREENSHOTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots"));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let _turn = ONE_AT_A_TIME.lock().await;
    let demo = Demo::start().await?;
    let mut browsers = Chromium::start(chromium, &driver).await?;
    let s = browsers.open("screenshots").await?;
    let screens = [("desktop", 1280, 900, false), ("phone", 360, 800, true)];
    let mut report = Vec::new();

    let mut shoot = async |name: &str, path: &str, s: &Session| -> Result<()> {
        for (label, width, height, mobile) in screens {
            s.emulate_screen(width, height, mobile).await?;
            s.goto(&demo.url(path)).await?;
            s.wait_for(&By::css("main h1")).await?;
            let file = dir.join(format!("{name}-{label}.png"));
            std::fs::write(&file, s.full_page_png().await?)?;
            let o = s.execute(LAYOUT_SCRIPT, vec![]).await?;
            let line = if o["overflowing"].as_array().is_some_and(|a| !a.is_empty()) || o["scrollWidth"] != o["width"] {
                format!(
                    "{name} at {width} px: the page is {} px wide; sticking out: {}",
                    o["scrollWidth"], o["overflowing"]
                )
            } else {
                format!("{name} at {width} px: fits")
            };
            let line = match o["scrolling"].as_array() {
                Some(boxes) if !boxes.is_empty() => format!("{line}; tables scrolled sideways: {}", o["scrolling"]),
                _ => line,
            };
            let line = match o["invisible"].as_array() {
                Some(texts) if !texts.is_empty() => {
                    format!("{line}; TEXT THE COLOUR OF ITS BACKGROUND: {}", o["invisible"])
                }
                _ => line,
            };
            eprintln!("{} -> {line}", file.display());
            report.push(line);
        }
        Ok(())
    };

    shoot("login", "/login", &s).await?;
    s.emulate_screen(1280, 900, false).await?;
    log_in(&s, &demo, "superviseure", "Sandrine Roux").await?;
    s.goto(&demo.url("/contacts?urgent=1")).await?;
    let contact = s
        .wait_for(&By::css("main table tbody tr a"))
        .await?
        .property("href")
        .await?;
    let contact = contact.strip_prefix(&demo.base).unwrap_or(&contact).to_owned();
    // A change of the rota, so that the page shows the week's changes too.
    replace_on_the_rota(&s, &demo).await?;
    for (name, path) in [
        ("today", "/"),
        ("follow-ups", "/follow-ups"),
        ("contacts", "/contacts"),
        ("contact", contact.as_str()),
        ("rota", "/rota"),
        ("figures", "/figures"),
        ("content", "/content"),
    ] {
        shoot(name, path, &s).await?;
    }
    std::fs::write(dir.join("report.txt"), report.join("\n") + "\n")?;
    s.quit().await?;
    eprintln!("screenshots in {}", dir.display());
    Ok(())
}

/// axe-core's script, from the npm package pinned in `tests/browser/package.json`
/// (`npm ci` in `tests/browser/`, as `.ci/run` does); `None` (after a loud notice)
/// when it is not installed, a failure under `NUMEROVERT_REQUIRE_BROWSER=1`.
fn axe_source() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules/axe-core/axe.min.js");
    if let Ok(source) = std::fs::read_to_string(&path) {
        return Some(source);
    }
    let looked = format!("(looked for {}; run `npm ci` in tests/browser/)", path.display());
    if std::env::var("NUMEROVERT_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!("!!! axe-core not installed, and NUMEROVERT_REQUIRE_BROWSER=1: FAILING !!!\n{looked}");
    }
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "\n!!! axe-core not installed: the accessibility audit is SKIPPED !!!\n{looked}\n"
    );
    None
}

/// The WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA (what RGAA 4 builds on).
const AXE_TAGS: [&str; 6] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/// Runs axe on the page (with `tags`), and hands back its violations, each with
/// the selectors of the elements at fault.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
  .then(r => done({ violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + (n.failureSummary
      ? ' (' + n.failureSummary.replace(/\s+/g, ' ').trim().slice(0, 160) + ')' : '')) })) }))
  .catch(e => done({ error: String(e && e.stack || e) }));
"#;

/// Opens every `<details>`, so that what they hold is audited and measured too.
const OPEN_DETAILS: &str = "document.querySelectorAll('details').forEach(d => { d.open = true; }); return true;";

/// The rendered size of the smallest text of each visible SVG (charts and diagrams), in CSS pixels.
const SVG_TEXT_SCRIPT: &str = r#"
const out = [];
for (const svg of document.querySelectorAll('main svg')) {
  if (svg.getBoundingClientRect().width === 0) continue;
  const scale = svg.getScreenCTM() ? svg.getScreenCTM().a : 1;
  let smallest = Infinity;
  for (const t of svg.querySelectorAll('text')) smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
  const title = svg.querySelector('title');
  if (smallest !== Infinity) out.push({ what: title ? title.textContent : svg.getAttribute('class'), px: smallest });
}
return out;
"#;

/// Tab through the page (up to `limit` stops) and list the focused elements
/// that show no focus outline of at least 2 px.
const FOCUS_SCRIPT: &str = r#"
const e = document.activeElement;
if (!e || e === document.body) return null;
const s = getComputedStyle(e);
const width = parseFloat(s.outlineWidth) || 0;
const describe = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.innerText || e.value || '').trim().slice(0, 30) + '"';
return { what: describe, visible: s.outlineStyle !== 'none' && width >= 2 };
"#;

/// The smallest readable text in a chart or diagram on a screen, in CSS pixels.
const SMALLEST_SVG_TEXT_PX: f64 = 11.5;

/// A desktop, a tablet, a phone: width, height, and whether it is a touch screen.
const AUDIT_SCREENS: [(u32, u32, bool); 3] = [(1280, 900, false), (768, 1024, true), (360, 800, true)];

/// What was found wrong, page by page, and a tally of axe's rules.
#[derive(Default)]
struct Audit {
    axe: Option<String>,
    problems: Vec<String>,
    rules: std::collections::BTreeMap<String, usize>,
    pages: usize,
}

impl Audit {
    /// Audits the page the browser shows, laid out `width` wide.
    async fn page(&mut self, s: &Session, name: &str, width: u32) -> Result<()> {
        s.wait_for(&By::css("main h1")).await?;
        s.execute(OPEN_DETAILS, vec![]).await?;
        let at = format!("{name} at {width} px ({})", s.current_url().await?);
        self.pages += 1;

        // The title names the page as its heading does (RGAA 8.6).
        let title = s.execute("return document.title", vec![]).await?;
        let h1 = s
            .execute("return document.querySelector('main h1').innerText", vec![])
            .await?;
        let (title, h1) = (title.as_str().unwrap_or_default(), h1.as_str().unwrap_or_default());
        let page = title.strip_suffix(" · Numéro vert").unwrap_or_default().to_lowercase();
        let heading = h1.trim().to_lowercase();
        if page.is_empty() || heading.is_empty() || !(page.contains(&heading) || heading.contains(&page)) {
            self.problems.push(format!(
                "{at}: the page title {title:?} does not name the page as its heading {h1:?} does"
            ));
        }
        let lang = s.execute("return document.documentElement.lang", vec![]).await?;
        if lang != "fr" {
            self.problems.push(format!("{at}: <html lang> is {lang}, not fr"));
        }

        for v in self.axe(s, &at).await? {
            let id = v["id"].as_str().unwrap_or("?");
            let nodes: Vec<&str> = v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            *self.rules.entry(id.to_owned()).or_default() += nodes.len();
            self.problems.push(format!(
                "{at}: axe {id} [{}] {}: {} element{}:\n      {}",
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or_default(),
                nodes.len(),
                if nodes.len() > 1 { "s" } else { "" },
                nodes.join("\n      ")
            ));
        }

        let o = s.execute(LAYOUT_SCRIPT, vec![]).await?;
        if o["invisible"].as_array().is_some_and(|a| !a.is_empty()) {
            self.problems
                .push(format!("{at}: text the colour of its background: {}", o["invisible"]));
        }
        let scroll_width = o["scrollWidth"].as_u64().unwrap_or(u64::MAX);
        if scroll_width > u64::from(width) {
            self.problems.push(format!(
                "{at}: the page scrolls sideways ({scroll_width} px wide); sticking out: {}",
                o["overflowing"]
            ));
        }
        if o["scrolling"].as_array().is_some_and(|a| !a.is_empty()) {
            self.problems
                .push(format!("{at}: tables scrolled sideways: {}", o["scrolling"]));
        }
        let texts = s.execute(SVG_TEXT_SCRIPT, vec![]).await?;
        for t in texts.as_array().into_iter().flatten() {
            let px = t["px"].as_f64().unwrap_or(0.0);
            if px < SMALLEST_SVG_TEXT_PX {
                self.problems.push(format!(
                    "{at}: the smallest text of the SVG {} is drawn at {px:.1} px (at least {SMALLEST_SVG_TEXT_PX} px)",
                    t["what"]
                ));
            }
        }
        if width >= 1000 {
            self.focus(s, &at).await?;
        }
        Ok(())
    }

    /// axe's violations on the page shown (injected anew: each page load loses it).
    async fn axe(&self, s: &Session, at: &str) -> Result<Vec<Value>> {
        let axe = self.axe.as_deref().context("axe-core")?;
        let loaded = s
            .execute(&format!("{axe}\n;return typeof axe === 'object';"), vec![])
            .await?;
        ensure!(loaded == json!(true), "{at}: axe-core did not load");
        let result = s.execute_async(AXE_RUN, vec![json!(AXE_TAGS)]).await?;
        if let Some(error) = result["error"].as_str() {
            bail!("{at}: axe failed: {error}");
        }
        Ok(result["violations"].as_array().cloned().unwrap_or_default())
    }

    /// Tab through the page from its start: every stop shows a focus outline.
    async fn focus(&mut self, s: &Session, at: &str) -> Result<()> {
        s.execute(
            "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return true;",
            vec![],
        )
        .await?;
        let mut seen = std::collections::HashSet::new();
        for _ in 0..80 {
            s.keys(&TAB.to_string()).await?;
            let f = s.execute(FOCUS_SCRIPT, vec![]).await?;
            if f.is_null() {
                break;
            }
            let what = f["what"].as_str().unwrap_or_default().to_owned();
            if f["visible"] == json!(false) && seen.insert(what.clone()) {
                self.problems.push(format!("{at}: no visible focus on {what}"));
            }
        }
        Ok(())
    }
}

#[tokio::test]
async fn every_page_passes_the_accessibility_audit_and_fits_a_phone() {
    let Some((chromium, driver)) = browser_paths() else {
        return;
    };
    let Some(axe) = axe_source() else {
        return;
    };
    let _turn = ONE_AT_A_TIME.lock().await;
    let started = Instant::now();
    let demo = Demo::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let mut browsers = chromium_for_a_test(chromium, &driver).await;
    let mut audit = Audit {
        axe: Some(axe),
        ..Audit::default()
    };
    if let Err(e) = audit_every_page(&demo, &mut browsers, &mut audit).await {
        panic!("{e:#}");
    }
    let tally: Vec<String> = audit.rules.iter().map(|(rule, n)| format!("{rule} × {n}")).collect();
    eprintln!(
        "accessibility audit: {} pages in {:.1} s; axe violations: {}",
        audit.pages,
        started.elapsed().as_secs_f64(),
        if tally.is_empty() {
            "none".to_owned()
        } else {
            tally.join(", ")
        }
    );
    if !audit.problems.is_empty() {
        panic!(
            "{} accessibility problems:\n  - {}",
            audit.problems.len(),
            audit.problems.join("\n  - ")
        );
    }
}

async fn audit_every_page(demo: &Demo, browsers: &mut Chromium, audit: &mut Audit) -> Result<()> {
    // Logged out: the login page, then its error.
    let s = browsers.open("audit-anonymous").await?;
    for (width, height, mobile) in AUDIT_SCREENS {
        s.emulate_screen(width, height, mobile).await?;
        s.goto(&demo.url("/login")).await?;
        if width == AUDIT_SCREENS[0].0 {
            // The audit sees a fault: a field without a label, added here.
            s.execute(
                "const i = document.createElement('input'); i.id = 'sans-etiquette'; \
                 document.querySelector('main').append(i); return true;",
                vec![],
            )
            .await?;
            let found = audit.axe(&s, "login with a field added without a label").await?;
            ensure!(
                found.iter().any(|v| v["id"] == "label"),
                "axe misses a field without a label: {found:?}"
            );
            s.goto(&demo.url("/login")).await?;
        }
        audit.page(&s, "login", width).await?;
        s.wait_for(&By::css("#login")).await?.send_keys("superviseure").await?;
        s.wait_for(&By::css("#password")).await?.send_keys("pas le bon").await?;
        s.wait_for(&By::button("Se connecter")).await?.click().await?;
        s.wait_for(&By::css("#erreur-connexion")).await?;
        audit.page(&s, "login with an error", width).await?;
    }
    s.quit().await?;

    // The supervisor's pages.
    let s = browsers.open("audit-superviseure").await?;
    log_in(&s, demo, "superviseure", "Sandrine Roux").await?;
    // The newest call and the newest SMS conversation of the list, whatever their need.
    s.goto(&demo.url("/contacts")).await?;
    let newest = |channel: &str| {
        By::xpath(&format!(
            "(//main//tbody/tr[td[@data-label='Canal'][normalize-space()='{channel}']])[1]//a"
        ))
    };
    let call = s.wait_for(&newest("Appel")).await?.property("href").await?;
    let sms = s.wait_for(&newest("SMS")).await?.property("href").await?;
    s.goto(&demo.url("/content")).await?;
    let topic = s
        .wait_for(&By::css("a[href^='/content/topics/']"))
        .await?
        .property("href")
        .await?;
    // A change of the rota, so that the page lists the week's changes too.
    replace_on_the_rota(&s, demo).await?;
    // Each page, with what shows it is the page meant.
    let pages = [
        ("today", demo.url("/"), "main table.stack"),
        ("contacts", demo.url("/contacts"), "main table.stack"),
        (
            "contacts with wrong filters",
            demo.url("/contacts?from=2026-13-45&to=demain"),
            "[aria-describedby='erreur-from']",
        ),
        ("a call", call, "section[aria-labelledby='historique']"),
        ("an SMS conversation", sms, "ol.thread"),
        ("my follow-ups", demo.url("/follow-ups"), "main h1"),
        ("all follow-ups", demo.url("/follow-ups?who=all"), "main table.stack"),
        ("rota", demo.url("/rota"), "ul.overrides"),
        ("figures", demo.url("/figures"), "svg.chart"),
        (
            "figures by week",
            demo.url("/figures?period=semaine&from=2026-09-01&to=2026-11-24"),
            "svg.chart",
        ),
        (
            "figures with wrong dates",
            demo.url("/figures?from=hier"),
            "[aria-describedby='erreur-from']",
        ),
        (
            "content",
            demo.url("/content?q=mon+b%C3%A9b%C3%A9+pleure+le+soir"),
            "main .card",
        ),
        ("one answer", topic, "#answer"),
        ("not found", demo.url("/contacts/999999"), "main h1"),
    ];
    for (width, height, mobile) in AUDIT_SCREENS {
        s.emulate_screen(width, height, mobile).await?;
        for (name, url, shown) in &pages {
            s.goto(url).await?;
            s.wait_for(&By::css(shown)).await?;
            audit.page(&s, name, width).await?;
        }
    }
    s.quit().await?;

    // The admin's pages, with the account form's errors.
    let s = browsers.open("audit-admin").await?;
    log_in(&s, demo, "admin", "Alex Admin").await?;
    for (width, height, mobile) in AUDIT_SCREENS {
        s.emulate_screen(width, height, mobile).await?;
        s.goto(&demo.url("/admin/users")).await?;
        audit.page(&s, "users", width).await?;
        s.wait_for(&By::button("Créer le compte")).await?.click().await?;
        s.wait_for(&By::css("main p.alert")).await?;
        audit.page(&s, "users with errors", width).await?;
        s.goto(&demo.url("/admin/access-log")).await?;
        audit.page(&s, "access log", width).await?;
    }
    s.quit().await?;

    // A professional refused a supervisor's page.
    let s = browsers.open("audit-ines").await?;
    log_in(&s, demo, "ines", "Inès Moreau").await?;
    for (width, height, mobile) in AUDIT_SCREENS {
        s.emulate_screen(width, height, mobile).await?;
        s.goto(&demo.url("/figures")).await?;
        s.wait_for_text(&By::css("main h1"), "Accès réservé").await?;
        audit.page(&s, "403 for staff", width).await?;
        s.goto(&demo.url("/")).await?;
        audit.page(&s, "today for staff", width).await?;
    }
    s.quit().await?;
    Ok(())
}
