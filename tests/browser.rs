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
    async fn start() -> Result<Demo> {
        let dir = tempfile::tempdir()?;
        let port = free_port();
        let mut command = Command::new(env!("CARGO_BIN_EXE_numerovert"));
        command
            .arg("demo")
            .arg("--bind")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--database")
            .arg(dir.path().join("browser.db"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("NUMEROVERT_CLOCK", NOW)
            .env("NUMEROVERT_LOG", "warn");
        let mut server = Guard::spawn("numerovert demo", command, dir.path().join("server.log"))?;
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()?;
        let ready = format!("{base}/readyz");
        poll("the demo", Duration::from_secs(120), &mut server, || async {
            http.get(&ready).send().await.is_ok_and(|r| r.status().is_success())
        })
        .await?;
        let demo = Demo {
            base,
            http,
            _server: server,
            _dir: dir,
        };
        demo.traffic().await?;
        Ok(demo)
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

/// Logs in with the mouse: click each field, type, click the button.
async fn log_in(s: &Session, demo: &Demo, login: &str, name: &str) -> Result<()> {
    s.goto(&demo.url("/login")).await?;
    s.wait_for(&By::css("#login")).await?.send_keys(login).await?;
    s.wait_for(&By::css("#password")).await?.send_keys(PASSWORD).await?;
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
    let started = Instant::now();
    let demo = Demo::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let mut browsers = Chromium::start(chromium, &driver)
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
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
    let follow_up = By::css("section[aria-labelledby='suivi'] > p");
    let before = s.wait_for(&follow_up).await?.text().await?;
    ensure!(!before.contains("Clos"), "still open: {before}");
    s.wait_for(&By::css("#state option[value='closed']"))
        .await?
        .click()
        .await?;
    s.wait_for(&By::css("#outcome option[value='reached']"))
        .await?
        .click()
        .await?;
    s.wait_for(&By::button("Enregistrer le suivi")).await?.click().await?;
    s.wait_for_text(&follow_up, "Clos : Parent joint").await?;

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

/// Finds what sticks out to the right of the screen (outside the tables'
/// own scrolling boxes: the outermost overflowing elements, described), the
/// tables that scroll sideways, and text drawn in its background's colour.
const LAYOUT_SCRIPT: &str = r#"
const width = document.documentElement.clientWidth;
const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
  + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
const sticks = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; };
const out = [];
for (const e of document.querySelectorAll('body *')) {
  const box = e.parentElement && e.parentElement.closest('.scroll');
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
    ] {
        shoot(name, path, &s).await?;
    }
    std::fs::write(dir.join("report.txt"), report.join("\n") + "\n")?;
    s.quit().await?;
    eprintln!("screenshots in {}", dir.display());
    Ok(())
}
