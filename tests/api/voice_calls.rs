//! Calls placed through the provider's side of the shipped script, asserting what
//! the caller hears and what is stored.

use crate::helpers::*;

#[tokio::test]
async fn a_menu_choice_puts_the_parent_through_to_the_right_role() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        let mut call = Call::dial_in(&app, PARENT).await;
        let welcome = call.heard();
        for needed in ["15", "112", "114", "gratuit et confidentiel", "tapez 1"] {
            assert!(
                welcome.contains(needed),
                "{backend:?}: the welcome lacks {needed:?}: {welcome}"
            );
        }
        let gather = call.doc.children.iter().find(|e| e.name == "Gather").unwrap();
        assert_eq!(gather.attr("language"), Some("fr-FR"));

        call.press("2").await;
        assert!(call.heard().contains("conseillère en lactation"), "{}", call.heard());
        let (number, caller_id) = call.ringing();
        assert_eq!(number, "+33639980005", "the lactation consultant's number is rung");
        assert_eq!(
            caller_id.as_deref(),
            Some(LINE),
            "the professional sees the helpline number, not the parent's"
        );

        let whisper = call.professional_takes_the_call().await;
        assert!(
            whisper.contains("Numéro vert (démo) : un parent, au sujet de l'allaitement ou de l'alimentation. Appuyez sur 1 pour prendre l'appel."),
            "{whisper}"
        );
        assert!(call.doc.children.iter().any(|e| e.name == "Hangup"));
        assert_eq!(call.status("completed", Some(320)).await, axum::http::StatusCode::OK);

        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("answered"), "{backend:?}");
        assert_eq!(contact.outcome_detail.as_deref(), Some("conseillere-lactation"));
        assert_eq!(contact.need.as_deref(), Some("allaitement"));
        assert_eq!(contact.caller_number.as_deref(), Some(PARENT));
        assert_eq!(contact.line_number.as_deref(), Some(LINE));
        assert_eq!(contact.duration_secs, Some(320));
        assert!(contact.ended_at.is_some());
        let kinds = app.timeline_kinds(&call.sid).await;
        for kind in [
            "call-start",
            "message",
            "open",
            "menu",
            "choice",
            "transfer",
            "transfer-attempt",
            "transfer-attempt-ended",
            "call-status",
        ] {
            assert!(
                kinds.iter().any(|k| k == kind),
                "{backend:?}: timeline lacks {kind}: {kinds:?}"
            );
        }
    }
}

#[tokio::test]
async fn silence_repeats_the_menu_then_reaches_reception_never_hangs_up() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        let mut call = Call::dial_in(&app, PARENT).await;
        for _ in 0..2 {
            call.stay_silent().await;
            assert!(
                call.heard().starts_with("Je n'ai pas entendu votre choix."),
                "{}",
                call.heard()
            );
            assert!(
                call.heard().contains("tapez 1"),
                "the menu is played again: {}",
                call.heard()
            );
        }
        call.stay_silent().await;
        assert!(call.heard().contains("l'accueil de la Maison"), "{}", call.heard());
        assert_eq!(call.ringing().0, "+33639980001", "reception is rung");
        assert!(!call.doc.children.iter().any(|e| e.name == "Hangup"));

        // Reception does not answer: the parent is offered a message or a callback.
        call.dial_ends("no-answer").await;
        assert!(
            call.heard().contains("Toutes nos professionnelles sont occupées"),
            "{}",
            call.heard()
        );
        call.press("2").await;
        assert!(
            call.heard().contains("une professionnelle vous rappellera"),
            "{}",
            call.heard()
        );
        call.status("completed", Some(95)).await;
        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("callback_requested"), "{backend:?}");
        let kinds = app.timeline_kinds(&call.sid).await;
        assert_eq!(kinds.iter().filter(|k| *k == "no-input").count(), 3, "{kinds:?}");
        assert!(kinds.iter().any(|k| k == "menu-exhausted"), "{kinds:?}");
    }
}

#[tokio::test]
async fn a_wrong_key_is_handled_kindly_and_star_and_hash_work() {
    for backend in backends() {
        let app = TestApp::spawn_with_team(&backend, open_hours()).await;
        let mut call = Call::dial_in(&app, PARENT).await;
        call.press("9").await;
        assert!(call.heard().starts_with("Ce choix n'existe pas."), "{}", call.heard());
        assert!(call.heard().contains("Pour la grossesse"), "{}", call.heard());

        call.press("6").await;
        assert!(call.heard().contains("Pour nos horaires, tapez 1"), "{}", call.heard());
        call.press("*").await;
        assert!(
            call.heard().starts_with("Pour nos horaires, tapez 1"),
            "star repeats: {}",
            call.heard()
        );
        call.press("#").await;
        assert!(
            call.heard().starts_with("Pour la grossesse"),
            "hash goes back: {}",
            call.heard()
        );

        call.press("1").await;
        assert_eq!(call.ringing().0, "+33639980002", "the midwife is rung");
        let kinds = app.timeline_kinds(&call.sid).await;
        for kind in ["invalid-choice", "repeat", "back"] {
            assert!(
                kinds.iter().any(|k| k == kind),
                "{backend:?}: timeline lacks {kind}: {kinds:?}"
            );
        }
    }
}

#[tokio::test]
async fn french_speech_selects_a_need() {
    let app = TestApp::spawn_with_team(&Backend::Sqlite, open_hours()).await;
    let mut call = Call::dial_in(&app, PARENT).await;
    call.speak("Bonjour, c'est pour l'allaitement de mon bébé").await;
    assert_eq!(call.ringing().0, "+33639980005");
}

#[tokio::test]
async fn on_a_public_holiday_the_parent_leaves_a_message() {
    for backend in backends() {
        // Christmas Day, 10:00: a Friday, normally open.
        let app = TestApp::spawn(&backend, paris(2026, 12, 25, 10, 0)).await;
        let mut call = Call::dial_in(&app, PARENT).await;
        let heard = call.heard();
        assert!(
            heard.contains("Notre ligne est fermée pour le moment. Elle rouvre demain à 9 heures."),
            "{heard}"
        );
        call.press("1").await;
        let heard = call.heard();
        assert!(
            heard.contains("Parlez après le bip sonore. Vous disposez de 2 minutes."),
            "the caller is told when to speak and for how long: {heard}"
        );
        let record = call.doc.children.iter().find(|e| e.name == "Record").expect("a Record");
        assert_eq!(record.attr("maxLength"), Some("120"));

        call.leave_message("RE0123456789abcdef0123456789abcdef", 42).await;
        assert!(
            call.heard().contains("votre message a bien été enregistré"),
            "{}",
            call.heard()
        );
        assert_eq!(
            call.recording_ready("RE0123456789abcdef0123456789abcdef", 42).await,
            axum::http::StatusCode::OK
        );
        // Twilio may send the same recording callback twice.
        assert_eq!(
            call.recording_ready("RE0123456789abcdef0123456789abcdef", 42).await,
            axum::http::StatusCode::OK
        );
        call.status("completed", Some(80)).await;

        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("message_left"), "{backend:?}");
        let recordings = app.store.recordings(contact.contact_id).await.unwrap();
        assert_eq!(recordings.len(), 1, "{recordings:?}");
        assert_eq!(recordings[0].status, "completed");
        assert_eq!(recordings[0].duration_secs, Some(42));
        assert!(recordings[0]
            .url
            .as_deref()
            .unwrap()
            .ends_with("/Recordings/RE0123456789abcdef0123456789abcdef"));
        let timeline = app.store.timeline(contact.contact_id).await.unwrap();
        let closed = timeline.iter().find(|e| e.kind == "closed").expect("a closed event");
        assert!(closed.detail.contains("Noël"), "{}", closed.detail);
        let completed = timeline
            .iter()
            .filter(|e| e.kind == "recording" && e.detail.contains(r#""status":"completed""#))
            .count();
        assert_eq!(completed, 1, "the retried recording callback adds nothing");
    }
}

#[tokio::test]
async fn on_a_sunday_night_parents_ask_for_a_callback_or_leave_a_message() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, paris(2026, 11, 29, 23, 30)).await;
        let mut call = Call::dial_in(&app, PARENT).await;
        assert!(
            call.heard().contains("Elle rouvre demain à 9 heures."),
            "{}",
            call.heard()
        );
        call.press("2").await;
        assert!(
            call.heard().contains("vous rappellera dès la réouverture"),
            "{}",
            call.heard()
        );
        call.status("completed", Some(40)).await;
        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("callback_requested"), "{backend:?}");
        let timeline = app.store.timeline(contact.contact_id).await.unwrap();
        assert!(timeline
            .iter()
            .any(|e| e.kind == "closed" && e.detail.contains("outside-hours")));

        // Another parent, the same night, leaves a message instead.
        let mut call = Call::dial_in(&app, "+33639980124").await;
        call.press("1").await;
        assert!(call.heard().contains("Parlez après le bip sonore."), "{}", call.heard());
        call.leave_message("RE00000000000000000000000000000002", 17).await;
        assert_eq!(
            call.recording_ready("RE00000000000000000000000000000002", 17).await,
            axum::http::StatusCode::OK
        );
        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("message_left"), "{backend:?}");
        let recordings = app.store.recordings(contact.contact_id).await.unwrap();
        assert_eq!(
            (recordings[0].status.as_str(), recordings[0].duration_secs),
            ("completed", Some(17))
        );
    }
}

#[tokio::test]
async fn a_withheld_number_is_told_no_callback_is_possible_and_when_to_call() {
    let app = TestApp::spawn(&Backend::Sqlite, paris(2026, 11, 29, 23, 30)).await;
    let mut call = Call::dial_in(&app, "anonymous").await;
    call.press("2").await;
    let heard = call.heard();
    assert!(heard.contains("Votre numéro est masqué"), "{heard}");
    assert!(heard.contains("Vous pouvez nous rappeler demain à 9 heures"), "{heard}");
    assert!(
        call.doc.children.iter().any(|e| e.name == "Record"),
        "then offered voicemail: {}",
        call.raw
    );
    let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
    assert_eq!(contact.caller_number, None);
}

#[tokio::test]
async fn a_caller_who_hangs_up_in_the_menu_is_recorded_as_abandoned_there() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        let mut call = Call::dial_in(&app, PARENT).await;
        call.press("6").await;
        assert_eq!(call.status("completed", Some(25)).await, axum::http::StatusCode::OK);
        // A late, out-of-order "ringing" must not move the call backwards.
        assert_eq!(call.status("ringing", None).await, axum::http::StatusCode::OK);
        let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("abandoned"), "{backend:?}");
        assert_eq!(
            contact.outcome_detail.as_deref(),
            Some("infos"),
            "abandoned in the information menu"
        );
        assert_eq!(
            contact.status.as_deref(),
            Some("completed"),
            "{backend:?}: status went backwards"
        );
        assert_eq!(contact.duration_secs, Some(25));
    }
}

#[tokio::test]
async fn a_retried_webhook_gets_the_same_answer_and_adds_nothing() {
    for backend in backends() {
        let app = TestApp::spawn(&backend, open_hours()).await;
        let call = Call::dial_in(&app, PARENT).await;
        let action = call
            .doc
            .children
            .iter()
            .find(|e| e.name == "Gather")
            .unwrap()
            .attr("action")
            .unwrap()
            .to_owned();
        let mut params = vec![
            ("CallSid".to_string(), call.sid.clone()),
            ("From".into(), PARENT.into()),
            ("To".into(), LINE.into()),
            ("Digits".into(), "3".into()),
        ];
        let first = app.post_signed(&action, &params, &[]).await;
        let events_after_first = app.timeline_kinds(&call.sid).await.len();
        let again = app.post_signed(&action, &params, &[]).await;
        assert_eq!(first, again, "{backend:?}: same step, same TwiML");
        assert_eq!(
            app.timeline_kinds(&call.sid).await.len(),
            events_after_first,
            "{backend:?}: no duplicate event"
        );
        // Even if the retry carried other digits, the step was answered already.
        params[3].1 = "5".into();
        assert_eq!(app.post_signed(&action, &params, &[]).await, first);

        // The provider's idempotency token dedupes the incoming call too.
        let sid = format!("CA{}", uuid::Uuid::new_v4().simple());
        let incoming = vec![
            ("CallSid".to_string(), sid.clone()),
            ("From".into(), PARENT.into()),
            ("To".into(), LINE.into()),
            ("CallStatus".into(), "ringing".into()),
        ];
        let token = [("I-Twilio-Idempotency-Token", "c9f1bd0e-9d8d-4e1c-9f5a-8d7b2a0c1e42")];
        let a = app
            .post_signed(&format!("{BASE}/twilio/voice"), &incoming, &token)
            .await;
        let b = app
            .post_signed(&format!("{BASE}/twilio/voice"), &incoming, &token)
            .await;
        assert_eq!(a, b);
        assert_eq!(
            app.timeline_kinds(&sid)
                .await
                .iter()
                .filter(|k| *k == "call-start")
                .count(),
            1,
            "{backend:?}"
        );
    }
}

#[tokio::test]
async fn a_caller_who_hangs_up_while_the_professional_rings_is_abandoned_at_the_transfer() {
    let app = TestApp::spawn_with_team(&Backend::Sqlite, open_hours()).await;
    let mut call = Call::dial_in(&app, PARENT).await;
    call.press("4").await;
    assert!(
        call.heard().contains("3114"),
        "the psychologist transfer mentions 3114: {}",
        call.heard()
    );
    call.hang_up_while_ringing().await;
    assert!(call.doc.children.iter().all(|e| e.name == "Hangup"), "{}", call.raw);
    call.status("completed", Some(30)).await;
    let contact = app.store.contact_for_call(&call.sid).await.unwrap().unwrap();
    assert_eq!(contact.outcome.as_deref(), Some("abandoned"));
    assert_eq!(contact.outcome_detail.as_deref(), Some("transfert-psychologue"));
    assert_eq!(contact.need.as_deref(), Some("soutien"));
    assert_eq!(app.attempt_outcomes(contact.contact_id).await, ["canceled"]);
    let follow_up = app
        .store
        .follow_up_for_contact(contact.contact_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (follow_up.reason.as_str(), follow_up.need.as_deref()),
        ("abandoned", Some("soutien")),
        "a caller who gave up while waiting is called back"
    );
    assert_eq!(follow_up.due_at, open_hours() + chrono::Duration::minutes(240));
}
