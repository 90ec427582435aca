//! Transfers driven by the on-call schedules: who is rung at a chosen instant,
//! screening (press 1), backups, fallbacks and follow-ups, through the
//! provider's side of the shipped script.

use crate::helpers::*;

/// Menu keys of the shipped script.
const LACTATION: &str = "2";
const MIDWIFE: &str = "1";

#[tokio::test]
async fn the_schedule_decides_who_is_rung_at_each_instant() {
    for backend in backends() {
        for (at, expected) in [
            (paris(2026, 11, 24, 10, 0), "+33639980021"),
            (paris(2026, 11, 24, 15, 30), "+33639980022"),
        ] {
            let app = TestApp::spawn(&backend, at).await;
            app.on_call("sage-femme", &[("Awa Diallo", "06 39 98 00 21")], "09:00-13:00")
                .await;
            app.on_call("sage-femme", &[("Béatrice Morel", "+33 6 39 98 00 22")], "13:00-19:00")
                .await;
            let mut call = Call::dial_in(&app, PARENT).await;
            call.press(MIDWIFE).await;
            assert_eq!(call.ringing().0, expected, "{backend:?} at {at}");
        }
    }
}

#[tokio::test]
async fn a_voicemail_or_a_refusal_never_takes_the_call_and_backups_are_tried() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        app.on_call(
            "conseillere-lactation",
            &[("Awa", "+33639980031"), ("Bea", "+33639980032")],
            "00:00-24:00",
        )
        .await;
        // The demo configuration backs lactation up with the nurses.
        app.on_call("puericultrice", &[("Chloé", "+33639980033")], "00:00-24:00")
            .await;
        let mut call = Call::dial_in(&app, PARENT).await;
        call.press(LACTATION).await;
        assert_eq!(call.ringing().0, "+33639980031");

        // Awa's voicemail picks up: it hears the whisper, presses nothing, is hung up.
        let whisper = call.professional_picks_up().await;
        assert!(whisper.contains("Appuyez sur 1 pour prendre l'appel"), "{whisper}");
        let leg = call.professional_presses("").await;
        assert_eq!(
            leg.children.last().map(|v| v.name.as_str()),
            Some("Hangup"),
            "{}",
            call.leg_raw
        );
        assert_eq!(call.leg_status("completed").await, axum::http::StatusCode::OK);
        // Twilio reports the dial as completed, since the phone picked up.
        call.dial_ends("completed").await;
        assert!(
            call.heard()
                .contains("Nous cherchons une autre professionnelle disponible"),
            "{}",
            call.heard()
        );
        assert_eq!(call.ringing().0, "+33639980032", "{backend:?}: Bea is rung next");

        // Bea is busy with another family: she presses 2.
        call.professional_picks_up().await;
        let leg = call.professional_presses("2").await;
        assert_eq!(leg.children.last().map(|v| v.name.as_str()), Some("Hangup"));
        call.dial_ends("completed").await;
        assert_eq!(call.ringing().0, "+33639980033", "{backend:?}: the backup role is rung");

        // Chloé takes it.
        let whisper = call.professional_takes_the_call().await;
        assert!(
            whisper.contains("un parent demande une conseillère en lactation"),
            "a backup hears which role was asked: {whisper}"
        );
        call.status("completed", Some(400)).await;

        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("answered"), "{backend:?}");
        assert_eq!(contact.outcome_detail.as_deref(), Some("puericultrice"));
        let attempts = app.store.attempts(contact.contact_id).await.unwrap();
        let summary: Vec<(&str, &str, Option<&str>)> = attempts
            .iter()
            .map(|a| (a.staff_name.as_str(), a.outcome.as_str(), a.screen.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                ("Awa", "no-answer", Some("no-key")),
                ("Bea", "refused", Some("refused")),
                ("Chloé", "accepted", Some("accepted")),
            ],
            "{backend:?}"
        );
        assert!(attempts.iter().all(|a| a.answered_at.is_some() && a.ended_at.is_some()));
        assert!(
            app.store
                .follow_up_for_contact(contact.contact_id)
                .await
                .unwrap()
                .is_none(),
            "an answered call needs no follow-up"
        );
        // The timeline says who was rung, for how long, and what happened.
        let timeline = app.store.timeline(contact.contact_id).await.unwrap();
        let ended: Vec<serde_json::Value> = timeline
            .iter()
            .filter(|e| e.kind == "transfer-attempt-ended")
            .map(|e| serde_json::from_str(&e.detail).unwrap())
            .collect();
        assert_eq!(ended.len(), 3);
        assert_eq!(ended[0]["staff"], "Awa");
        assert_eq!(ended[0]["outcome"], "no-answer");
        assert!(ended[0]["rang_seconds"].is_number(), "{:?}", ended[0]);
        assert!(timeline.iter().any(|e| e.kind == "transfer-leg"));
    }
}

#[tokio::test]
async fn nobody_on_duty_is_a_missed_call_with_a_follow_up() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        let mut call = Call::dial_in(&app, PARENT).await;
        call.press(MIDWIFE).await;
        assert!(
            call.heard().contains("Toutes nos professionnelles sont occupées"),
            "{}",
            call.heard()
        );
        assert!(!call.raw.contains("<Dial"), "nobody is rung: {}", call.raw);
        call.status("completed", Some(40)).await;
        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("missed"), "{backend:?}");
        let f = app
            .store
            .follow_up_for_contact(contact.contact_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((f.reason.as_str(), f.need.as_deref()), ("missed", Some("grossesse")));
        assert_eq!(f.state, "new");
    }
}

#[tokio::test]
async fn a_late_acceptance_is_told_the_call_is_gone() {
    let app = TestApp::spawn_with_team(&Backend::Sqlite, open_hours()).await;
    let mut call = Call::dial_in(&app, PARENT).await;
    call.press(MIDWIFE).await;
    call.professional_picks_up().await;
    // The parent hangs up while the midwife listens to the whisper.
    call.status("completed", Some(20)).await;
    let leg = call.professional_presses("1").await;
    assert_eq!(leg.children.last().map(|v| v.name.as_str()), Some("Hangup"));
    assert!(call.leg_raw.contains("la personne a raccroché"), "{}", call.leg_raw);
    let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
    assert_eq!(contact.outcome.as_deref(), Some("abandoned"));
    assert_eq!(app.attempt_outcomes(contact.contact_id).await, ["canceled"]);
}

#[tokio::test]
async fn professionals_see_the_helpline_number_unless_configured() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cid.db").display());
    let mut settings = settings(&url, &[]);
    settings.show_caller_number = true;
    let store = numerovert::db::connect(&settings.database_url).await.unwrap();
    let app = TestApp::with_store(settings, store, open_hours(), dir);
    app.on_call("sage-femme", &[("Awa", "+33639980041")], "00:00-24:00")
        .await;
    let mut call = Call::dial_in(&app, PARENT).await;
    call.press(MIDWIFE).await;
    assert_eq!(call.ringing().1.as_deref(), Some(PARENT));
}
