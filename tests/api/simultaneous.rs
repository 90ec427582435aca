//! Simultaneous ringing: the caller waits in a queue while every professional
//! on duty is rung through the provider's REST API (a local fake of Twilio's);
//! the first to press 1 joins the caller, a voicemail never does.

use std::time::Duration;

use crate::helpers::*;

use crate::fake_twilio::{self, FakeTwilio};

const SID: &str = "AC0123456789abcdef0123456789abcdef";

/// The shipped script, with the lactation transfer ringing everyone at once.
fn simultaneous_scripts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let main = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ivr-scripts/main.toml")).unwrap();
    let main = main.replacen(
        "role = \"conseillere-lactation\"\n",
        "role = \"conseillere-lactation\"\nstrategy = \"simultaneous\"\n",
        1,
    );
    assert!(main.contains("simultaneous"));
    std::fs::write(dir.path().join("main.toml"), main).unwrap();
    dir
}

async fn app_with_provider(backend: &Backend, fake: &FakeTwilio, scripts: &tempfile::TempDir) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(backend, dir.path()).await;
    let base = fake.base_url();
    let scripts_dir = scripts.path().display().to_string();
    let settings = settings(
        &url,
        &[
            ("TWILIO_ACCOUNT_SID", SID),
            ("TWILIO_API_BASE", base.as_str()),
            ("NUMEROVERT_SCRIPTS_DIR", scripts_dir.as_str()),
        ],
    );
    let store = numerovert::db::connect(&settings.database_url).await.unwrap();
    let app = TestApp::with_store(settings, store, open_hours(), dir);
    app.on_call(
        "conseillere-lactation",
        &[("Awa", "+33639980051"), ("Bea", "+33639980052")],
        "00:00-24:00",
    )
    .await;
    app.on_call("puericultrice", &[("Chloé", "+33639980053")], "00:00-24:00")
        .await;
    app
}

/// Waits until the fake has received `n` Calls.json requests.
async fn placed_calls(fake: &FakeTwilio, n: usize) -> Vec<fake_twilio::RecordedRequest> {
    for _ in 0..200 {
        let calls: Vec<_> = fake
            .requests()
            .into_iter()
            .filter(|r| r.operation == Some(fake_twilio::CREATE_CALL))
            .collect();
        if calls.len() >= n {
            return calls;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the provider never received {n} calls: {:?}", fake.requests());
}

/// A professional's leg placed through the API, as Twilio calls back about it.
struct Leg {
    sid: String,
    screen_url: String,
    status_url: String,
    to: String,
}

impl Leg {
    fn from_request(r: &fake_twilio::RecordedRequest) -> Leg {
        Leg {
            sid: r.sid.clone().expect("a placed call has a sid"),
            screen_url: r.param("Url").unwrap().to_owned(),
            status_url: r.param("StatusCallback").unwrap().to_owned(),
            to: r.param("To").unwrap().to_owned(),
        }
    }

    fn params(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let p: Vec<(String, String)> = vec![
            ("AccountSid".into(), SID.into()),
            ("CallSid".into(), self.sid.clone()),
            ("CallStatus".into(), "in-progress".into()),
            ("Direction".into(), "outbound-api".into()),
            ("From".into(), LINE.into()),
            ("To".into(), self.to.clone()),
        ];
        with_params(p, extra)
    }

    /// Picks up, then presses `digits` at the whisper; returns the last document.
    async fn answer(&self, app: &TestApp, digits: &str) -> String {
        let (status, prompt) = app.post_signed(&self.screen_url, &self.params(&[]), &[]).await;
        assert_eq!(status, axum::http::StatusCode::OK);
        assert!(prompt.contains("Appuyez sur 1 pour prendre"), "{prompt}");
        let action = prompt
            .split("action=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .replace("&amp;", "&");
        let (_, after) = app.post_signed(&action, &self.params(&[("Digits", digits)]), &[]).await;
        after
    }

    async fn ends(&self, app: &TestApp, status: &str) {
        let (code, _) = app
            .post_signed(&self.status_url, &self.params(&[("CallStatus", status)]), &[])
            .await;
        assert_eq!(code, axum::http::StatusCode::OK);
    }
}

/// A parent asks for the lactation consultants: the call, waiting in the
/// queue, and the legs placed for Awa and Bea.
async fn lactation_hunt<'a>(app: &'a TestApp, fake: &FakeTwilio) -> (Call<'a>, Vec<Leg>) {
    let mut call = Call::dial_in(app, PARENT).await;
    call.press("2").await;
    let legs = placed_calls(fake, 2).await.iter().map(Leg::from_request).collect();
    (call, legs)
}

async fn wait_doc(app: &TestApp, call: &Call<'_>) -> String {
    let url = call.find_attr("Enqueue", "waitUrl");
    let (status, body) = app.post_signed(&url, &call.params_for_test(&[]), &[]).await;
    assert_eq!(status, axum::http::StatusCode::OK);
    body
}

#[tokio::test]
async fn the_first_professional_to_press_1_takes_the_call_and_a_voicemail_never_does() {
    let scripts = simultaneous_scripts();
    for backend in backends() {
        let fake = FakeTwilio::start_with(SID, TOKEN).await;
        let app = app_with_provider(&backend, &fake, &scripts).await;
        let (mut call, legs) = lactation_hunt(&app, &fake).await;
        assert!(call.raw.contains("<Enqueue"), "{}", call.raw);
        assert!(call.heard().contains("conseillère en lactation"), "{}", call.heard());

        let placed = placed_calls(&fake, 2).await;
        let to: Vec<&str> = placed.iter().map(|r| r.param("To").unwrap()).collect();
        assert_eq!(to, ["+33639980051", "+33639980052"], "{backend:?}: both at once");
        assert!(
            placed.iter().all(|r| r.param("From") == Some(LINE)),
            "the helpline number is shown"
        );
        let [awa, bea] = &legs[..] else { panic!("two legs") };

        // While the phones ring, the caller hears the ringback tone.
        let wait = wait_doc(&app, &call).await;
        assert!(wait.contains("/tones/ringback-fr.wav"), "{wait}");

        // Awa's voicemail answers first: it presses nothing and is hung up.
        let after = awa.answer(&app, "").await;
        assert!(after.contains("<Hangup"), "{after}");
        awa.ends(&app, "completed").await;
        assert!(wait_doc(&app, &call).await.contains("<Play"), "Bea still rings");

        // Bea presses 1 and joins the caller's queue.
        let after = bea.answer(&app, "1").await;
        assert!(after.contains(&format!("<Queue>nv-{}</Queue>", call.sid)), "{after}");

        call.queue_ends("bridged").await;
        assert!(call.raw.contains("<Hangup"), "{}", call.raw);
        call.status("completed", Some(300)).await;
        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("answered"), "{backend:?}");
        assert_eq!(contact.outcome_detail.as_deref(), Some("conseillere-lactation"));
        let attempts = app.store.attempts(contact.contact_id).await.unwrap();
        let summary: Vec<(&str, &str)> = attempts
            .iter()
            .map(|a| (a.staff_name.as_str(), a.outcome.as_str()))
            .collect();
        assert_eq!(summary, [("Awa", "no-answer"), ("Bea", "accepted")], "{backend:?}");
    }
}

#[tokio::test]
async fn when_nobody_of_the_role_accepts_the_backups_are_rung_then_the_fallback() {
    let scripts = simultaneous_scripts();
    for backend in backends() {
        let fake = FakeTwilio::start_with(SID, TOKEN).await;
        let app = app_with_provider(&backend, &fake, &scripts).await;
        let (mut call, legs) = lactation_hunt(&app, &fake).await;
        let [awa, bea] = &legs[..] else { panic!("two legs") };
        // Awa refuses, Bea's phone rings out.
        assert!(awa.answer(&app, "2").await.contains("<Hangup"));
        awa.ends(&app, "completed").await;
        bea.ends(&app, "no-answer").await;
        // Nobody left ringing: the caller leaves the queue, and the nurse is rung.
        assert!(wait_doc(&app, &call).await.contains("<Leave"), "{backend:?}");
        call.queue_ends("leave").await;
        assert!(
            call.heard().contains("Nous cherchons une autre professionnelle"),
            "{}",
            call.heard()
        );
        let placed = placed_calls(&fake, 3).await;
        assert_eq!(
            placed[2].param("To"),
            Some("+33639980053"),
            "{backend:?}: the backup role"
        );
        // The nurse does not answer either: the parent is offered a message or a callback.
        let chloe = Leg::from_request(&placed[2]);
        chloe.ends(&app, "no-answer").await;
        call.queue_ends("leave").await;
        assert!(
            call.heard().contains("Toutes nos professionnelles sont occupées"),
            "{}",
            call.heard()
        );
        call.status("completed", Some(90)).await;
        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("missed"), "{backend:?}");
        let outcomes = app.attempt_outcomes(contact.contact_id).await;
        assert_eq!(outcomes, ["refused", "no-answer", "no-answer"]);
        assert!(app
            .store
            .follow_up_for_contact(contact.contact_id)
            .await
            .unwrap()
            .is_some());
    }
}

#[tokio::test]
async fn without_a_provider_account_a_simultaneous_transfer_rings_one_after_the_other() {
    let scripts = simultaneous_scripts();
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(&Backend::Sqlite, dir.path()).await;
    let scripts_dir = scripts.path().display().to_string();
    let settings = settings(&url, &[("NUMEROVERT_SCRIPTS_DIR", scripts_dir.as_str())]);
    let store = numerovert::db::connect(&settings.database_url).await.unwrap();
    let app = TestApp::with_store(settings, store, open_hours(), dir);
    app.on_call("conseillere-lactation", &[("Awa", "+33639980051")], "00:00-24:00")
        .await;
    let mut call = Call::dial_in(&app, PARENT).await;
    call.press("2").await;
    assert_eq!(call.ringing().0, "+33639980051");
    let kinds = app.timeline_kinds(&call.sid).await;
    assert!(kinds.iter().any(|k| k == "strategy-degraded"), "{kinds:?}");
}

/// Waits until the fake has been asked to hang up each of `sids`.
async fn hung_up(fake: &FakeTwilio, sids: &[&str]) {
    for _ in 0..200 {
        let ended: Vec<String> = fake
            .requests()
            .into_iter()
            .filter(|r| r.operation == Some(fake_twilio::UPDATE_CALL) && r.param("Status") == Some("completed"))
            .filter_map(|r| r.sid)
            .collect();
        if sids.iter().all(|sid| ended.iter().any(|e| e == sid)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!(
        "the provider was never asked to hang up {sids:?}: {:?}",
        fake.requests()
    );
}

#[tokio::test]
async fn once_someone_accepts_the_other_phones_stop_ringing() {
    let scripts = simultaneous_scripts();
    for backend in backends() {
        let fake = FakeTwilio::start_with(SID, TOKEN).await;
        let app = app_with_provider(&backend, &fake, &scripts).await;
        let (_call, legs) = lactation_hunt(&app, &fake).await;
        // Bea presses 1 while Awa's phone still rings: Awa's leg is hung up.
        assert!(legs[1].answer(&app, "1").await.contains("<Queue>"));
        hung_up(&fake, &[&legs[0].sid]).await;
        assert!(
            !fake.requests().iter().any(
                |r| r.operation == Some(fake_twilio::UPDATE_CALL) && r.sid.as_deref() == Some(legs[1].sid.as_str())
            ),
            "{backend:?}: the professional who accepted stays on the line"
        );
    }
}

#[tokio::test]
async fn a_caller_who_hangs_up_in_the_queue_is_abandoned_there_and_the_phones_stop() {
    let scripts = simultaneous_scripts();
    for backend in backends() {
        let fake = FakeTwilio::start_with(SID, TOKEN).await;
        let app = app_with_provider(&backend, &fake, &scripts).await;
        let (mut call, legs) = lactation_hunt(&app, &fake).await;
        call.queue_ends("hangup").await;
        assert!(call.raw.contains("<Hangup"), "{}", call.raw);
        hung_up(&fake, &[&legs[0].sid, &legs[1].sid]).await;
        call.status("completed", Some(25)).await;
        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("abandoned"), "{backend:?}");
        assert_eq!(contact.outcome_detail.as_deref(), Some("transfert-lactation"));
        let outcomes = app.attempt_outcomes(contact.contact_id).await;
        assert_eq!(outcomes, ["canceled", "canceled"], "{backend:?}");
        let f = app
            .store
            .follow_up_for_contact(contact.contact_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(f.reason, "abandoned");
    }
}
