//! A small WebDriver client (W3C protocol, JSON over HTTP) on the crate's own
//! `reqwest`, enough to drive Chromium through chromedriver: no extra dependency,
//! no second TLS stack (chromedriver listens on plain HTTP on 127.0.0.1).

use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use base64::Engine as _;
use serde_json::{json, Value};

/// How long a wait for an element or a text lasts before the test fails.
pub const WAIT: Duration = Duration::from_secs(30);

/// The key WebDriver uses for an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Special keys, as WebDriver code points.
pub const TAB: char = '\u{E004}';
pub const ENTER: char = '\u{E007}';

/// How to find an element.
#[derive(Debug, Clone)]
pub struct By {
    using: &'static str,
    value: String,
}

impl By {
    pub fn css(selector: &str) -> By {
        By {
            using: "css selector",
            value: selector.to_owned(),
        }
    }

    pub fn xpath(path: &str) -> By {
        By {
            using: "xpath",
            value: path.to_owned(),
        }
    }

    /// A `<button>` whose text is exactly `text` (spaces trimmed).
    pub fn button(text: &str) -> By {
        By::xpath(&format!("//button[normalize-space()={}]", xpath_literal(text)))
    }

    /// A link whose text is exactly `text` (spaces trimmed).
    pub fn link(text: &str) -> By {
        By::xpath(&format!("//a[normalize-space()={}]", xpath_literal(text)))
    }

    /// An `<option>` of the `<select>` with id `select` whose text is `text`.
    pub fn option(select: &str, text: &str) -> By {
        By::xpath(&format!(
            "//select[@id={}]/option[normalize-space()={}]",
            xpath_literal(select),
            xpath_literal(text)
        ))
    }
}

impl std::fmt::Display for By {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:?}", self.using, self.value)
    }
}

fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// One browser: a WebDriver session.
pub struct Session {
    http: reqwest::Client,
    /// `http://127.0.0.1:PORT/session/ID`
    url: String,
}

impl Session {
    /// Opens a session on the WebDriver server at `driver` (`http://127.0.0.1:PORT`).
    pub async fn start(driver: &str, capabilities: Value) -> Result<Session> {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(90)).build()?;
        let resp = http
            .post(format!("{driver}/session"))
            .json(&json!({ "capabilities": capabilities }))
            .send()
            .await
            .context("chromedriver does not answer")?;
        let value = answer(resp).await.context("the browser does not start")?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow!("no sessionId in {value}"))?;
        let session = Session {
            http,
            url: format!("{driver}/session/{id}"),
        };
        // Page loads wait for the load event; elements are waited for by hand.
        session
            .cmd(
                "POST",
                "/timeouts",
                Some(json!({"implicit": 0, "pageLoad": 60_000, "script": 30_000})),
            )
            .await?;
        Ok(session)
    }

    async fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let url = format!("{}{path}", self.url);
        let req = match method {
            "GET" => self.http.get(&url),
            "DELETE" => self.http.delete(&url),
            _ => self.http.post(&url).json(&body.unwrap_or_else(|| json!({}))),
        };
        let resp = req.send().await.with_context(|| format!("WebDriver {method} {path}"))?;
        answer(resp).await.with_context(|| format!("WebDriver {method} {path}"))
    }

    pub async fn goto(&self, url: &str) -> Result<()> {
        self.cmd("POST", "/url", Some(json!({ "url": url }))).await?;
        Ok(())
    }

    pub async fn current_url(&self) -> Result<String> {
        let v = self.cmd("GET", "/url", None).await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// The element `by` finds now, if any.
    pub async fn try_find(&self, by: &By) -> Result<Option<Element<'_>>> {
        let url = format!("{}/element", self.url);
        let resp = self
            .http
            .post(&url)
            .json(&json!({"using": by.using, "value": by.value}))
            .send()
            .await?;
        let status = resp.status();
        let body: Value = resp.json().await?;
        if status.is_success() {
            return Ok(Some(self.element(&body["value"])?));
        }
        if body["value"]["error"] == "no such element" {
            return Ok(None);
        }
        bail!("finding {by}: {}", body["value"])
    }

    /// Every element `by` finds now.
    pub async fn find_all(&self, by: &By) -> Result<Vec<Element<'_>>> {
        let v = self
            .cmd("POST", "/elements", Some(json!({"using": by.using, "value": by.value})))
            .await?;
        v.as_array()
            .ok_or_else(|| anyhow!("not a list: {v}"))?
            .iter()
            .map(|e| self.element(e))
            .collect()
    }

    fn element(&self, v: &Value) -> Result<Element<'_>> {
        let id = v[ELEMENT]
            .as_str()
            .ok_or_else(|| anyhow!("not an element: {v}"))?
            .to_owned();
        Ok(Element { session: self, id })
    }

    /// Waits for the element `by` finds.
    pub async fn wait_for(&self, by: &By) -> Result<Element<'_>> {
        let start = Instant::now();
        loop {
            if let Some(e) = self.try_find(by).await? {
                return Ok(e);
            }
            if start.elapsed() > WAIT {
                bail!(
                    "no {by} after {WAIT:?} on {}:\n{}",
                    self.current_url().await?,
                    self.visible_text().await?
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the element `by` finds shows `needle`; returns its text.
    pub async fn wait_for_text(&self, by: &By, needle: &str) -> Result<String> {
        let start = Instant::now();
        loop {
            if let Some(e) = self.try_find(by).await? {
                // The page may change under us: a stale element is looked up again.
                if let Ok(text) = e.text().await {
                    if text.contains(needle) {
                        return Ok(text);
                    }
                }
            }
            if start.elapsed() > WAIT {
                bail!(
                    "{by} never showed {needle:?} in {WAIT:?} on {}:\n{}",
                    self.current_url().await?,
                    self.visible_text().await?
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the page's URL contains `needle`; returns the URL.
    pub async fn wait_for_url(&self, needle: &str) -> Result<String> {
        let start = Instant::now();
        loop {
            let url = self.current_url().await?;
            if url.contains(needle) {
                return Ok(url);
            }
            if start.elapsed() > WAIT {
                bail!("the URL never contained {needle:?} in {WAIT:?}: {url}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// What a reader sees of the page, for failure messages.
    pub async fn visible_text(&self) -> Result<String> {
        let v = self
            .execute("return document.body ? document.body.innerText : ''", vec![])
            .await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// Runs `script` in the page (WebDriver's own channel: the page's CSP does not apply).
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.cmd("POST", "/execute/sync", Some(json!({"script": script, "args": args})))
            .await
    }

    /// Runs `script` in the page and waits until it calls its last argument (a
    /// callback WebDriver adds) with the result, within the session's script timeout.
    pub async fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.cmd("POST", "/execute/async", Some(json!({"script": script, "args": args})))
            .await
    }

    /// The value of the browser's cookie `name` for the current site.
    pub async fn cookie(&self, name: &str) -> Result<Option<String>> {
        let v = self.cmd("GET", "/cookie", None).await?;
        Ok(v.as_array().and_then(|all| {
            all.iter()
                .find(|c| c["name"] == name)
                .and_then(|c| c["value"].as_str().map(str::to_owned))
        }))
    }

    /// Types on the keyboard, wherever the focus is: real key presses, one per
    /// character (`TAB`, `ENTER` included), as a person would.
    pub async fn keys(&self, keys: &str) -> Result<()> {
        let mut actions = Vec::new();
        for c in keys.chars() {
            let key = c.to_string();
            actions.push(json!({"type": "keyDown", "value": key}));
            actions.push(json!({"type": "keyUp", "value": key}));
        }
        let body = json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]});
        self.cmd("POST", "/actions", Some(body)).await?;
        self.cmd("DELETE", "/actions", None).await?;
        Ok(())
    }

    /// The `id` of the element that has the focus ("" for none).
    pub async fn focused_id(&self) -> Result<String> {
        let v = self
            .execute("return document.activeElement ? document.activeElement.id : ''", vec![])
            .await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// A Chrome DevTools command, through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.cmd("POST", "/goog/cdp/execute", Some(json!({"cmd": cmd, "params": params})))
            .await
    }

    /// Lays the page out as on a screen `width`×`height` CSS pixels (a phone when `mobile`).
    pub async fn emulate_screen(&self, width: u32, height: u32, mobile: bool) -> Result<()> {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}),
        )
        .await?;
        Ok(())
    }

    /// A PNG of the whole page, beyond the screen's height.
    pub async fn full_page_png(&self) -> Result<Vec<u8>> {
        let metrics = self.cdp("Page.getLayoutMetrics", json!({})).await?;
        let size = &metrics["cssContentSize"];
        let (w, h) = (
            size["width"].as_f64().unwrap_or(1280.0).ceil(),
            size["height"].as_f64().unwrap_or(900.0).ceil(),
        );
        let shot = self
            .cdp(
                "Page.captureScreenshot",
                json!({
                    "format": "png",
                    "captureBeyondViewport": true,
                    "clip": {"x": 0, "y": 0, "width": w, "height": h, "scale": 1}
                }),
            )
            .await?;
        let data = shot["data"].as_str().ok_or_else(|| anyhow!("no screenshot data"))?;
        Ok(base64::engine::general_purpose::STANDARD.decode(data)?)
    }

    /// Ends the session; chromedriver closes the browser.
    pub async fn quit(self) -> Result<()> {
        self.cmd("DELETE", "", None).await?;
        Ok(())
    }
}

async fn answer(resp: reqwest::Response) -> Result<Value> {
    let status = resp.status();
    let text = resp.text().await?;
    let body: Value = serde_json::from_str(&text).with_context(|| format!("not JSON ({status}): {text}"))?;
    if !status.is_success() {
        bail!(
            "{status}: {} {}",
            body["value"]["error"],
            body["value"]["message"].as_str().unwrap_or_default()
        );
    }
    Ok(body["value"].clone())
}

/// An element of the current page.
pub struct Element<'a> {
    session: &'a Session,
    id: String,
}

impl Element<'_> {
    async fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        self.session
            .cmd(method, &format!("/element/{}{path}", self.id), body)
            .await
    }

    pub async fn click(&self) -> Result<()> {
        self.cmd("POST", "/click", None).await?;
        Ok(())
    }

    /// Types `text` into this element (WebDriver focuses it first).
    pub async fn send_keys(&self, text: &str) -> Result<()> {
        self.cmd("POST", "/value", Some(json!({ "text": text }))).await?;
        Ok(())
    }

    pub async fn text(&self) -> Result<String> {
        let v = self.cmd("GET", "/text", None).await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// A DOM property (`value`, `href` as an absolute URL, `checked`…), as text.
    pub async fn property(&self, name: &str) -> Result<String> {
        let v = self.cmd("GET", &format!("/property/{name}"), None).await?;
        Ok(match v {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        })
    }
}
