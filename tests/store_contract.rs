//! The `Store` contract, run against SQLite always and PostgreSQL when
//! `NUMEROVERT_TEST_POSTGRES_URL` is set: both backends must behave the same.

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use numerovert::config::DatabaseUrl;
use numerovert::db::roster::StaffInput;
use numerovert::db::{
    self, CallStatusUpdate, NewAttempt, NewCall, NewEvent, NewFollowUp, OutcomeUpdate, RecordingUpdate, StepCommit,
    Store,
};
use numerovert::ivr::engine::Position;

async fn stores() -> Vec<(String, Arc<dyn Store>, tempfile::TempDir)> {
    let mut out = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::new(format!("sqlite://{}", dir.path().join("contract.db").display()));
    out.push(("sqlite".to_owned(), db::connect(&url).await.unwrap(), dir));
    match std::env::var("NUMEROVERT_TEST_POSTGRES_URL") {
        Ok(admin) if !admin.is_empty() => {
            use sqlx::Connection;
            let name = format!("nv_test_{}", uuid::Uuid::new_v4().simple());
            let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
            sqlx::query(&format!("create database {name}"))
                .execute(&mut conn)
                .await
                .unwrap();
            let mut u = url::Url::parse(&admin).unwrap();
            u.set_path(&name);
            out.push((
                "postgres".to_owned(),
                db::connect(&DatabaseUrl::new(u.to_string())).await.unwrap(),
                tempfile::tempdir().unwrap(),
            ));
        }
        _ => eprintln!("!!! NUMEROVERT_TEST_POSTGRES_URL is not set: the PostgreSQL store contract is SKIPPED !!!"),
    }
    out
}

async fn outcome_of(store: &dyn Store, contact_id: i64) -> Option<String> {
    store
        .contact(contact_id)
        .await
        .unwrap()
        .expect("the contact exists")
        .outcome
}

fn t0() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
}

fn new_call(sid: &str, caller: Option<&str>) -> NewCall {
    NewCall {
        call_sid: sid.into(),
        line_number: Some("+33199001234".into()),
        caller_number: caller.map(str::to_owned),
        script: "main".into(),
        status: "ringing".into(),
        at: t0(),
    }
}

fn commit(call: &numerovert::db::CallRecord, step: i64, reply: &str, outcome: Option<(&str, i64)>) -> StepCommit {
    StepCommit {
        call_sid: call.call_sid.clone(),
        contact_id: call.contact_id,
        reply_keys: vec![
            format!("step:{}:{step}", call.call_sid),
            format!("token:tok-{}-{step}", call.call_sid),
        ],
        reply: reply.into(),
        step,
        position: Position {
            node: format!("node-{step}"),
            attempts: 1,
            menus: vec!["menu".into()],
            ..Position::default()
        },
        events: vec![NewEvent {
            at: t0(),
            kind: "menu".into(),
            node: Some("menu".into()),
            detail: serde_json::json!({ "k": step }),
            dedupe_key: None,
        }],
        outcome: outcome.map(|(o, rank)| OutcomeUpdate {
            outcome: o.into(),
            rank,
            detail: None,
        }),
        need: Some("allaitement".into()),
        at: t0() + Duration::seconds(step),
        attempts: vec![],
        attempt_ends: vec![],
        follow_up: None,
    }
}

#[tokio::test]
async fn opening_a_call_is_idempotent_and_keeps_the_caller() {
    for (name, store, _dir) in stores().await {
        store.ping().await.unwrap();
        let a = store.open_call(&new_call("CA1", Some("+33639980123"))).await.unwrap();
        let b = store.open_call(&new_call("CA1", Some("+33639980123"))).await.unwrap();
        assert_eq!(a, b, "{name}");
        assert_eq!(a.step, -1, "{name}: no step answered yet");
        let withheld = store.open_call(&new_call("CA2", None)).await.unwrap();
        assert_ne!(withheld.contact_id, a.contact_id, "{name}");
        assert_eq!(withheld.caller_number, None);
        let contact = store.contact(a.contact_id).await.unwrap().unwrap();
        assert_eq!(contact.channel, "voice");
        assert_eq!(contact.started_at, t0(), "{name}: timestamps round-trip exactly");
        assert_eq!(store.recent_contacts(10).await.unwrap().len(), 2, "{name}");
        assert!(store.find_call("CA404").await.unwrap().is_none());
    }
}

#[tokio::test]
async fn a_step_is_stored_once_with_its_answer() {
    for (name, store, _dir) in stores().await {
        let call = store.open_call(&new_call("CA3", Some("+33639980123"))).await.unwrap();
        let stored = store
            .commit_step(&commit(&call, 1, "<Response>first</Response>", Some(("informed", 1))))
            .await
            .unwrap();
        assert_eq!(stored, "<Response>first</Response>");
        // A retry that raced: the first answer wins and nothing is added.
        let again = store
            .commit_step(&commit(&call, 1, "<Response>second</Response>", Some(("answered", 4))))
            .await
            .unwrap();
        assert_eq!(again, "<Response>first</Response>", "{name}");
        assert_eq!(
            store.stored_reply(&["step:CA3:1".into()]).await.unwrap().as_deref(),
            Some("<Response>first</Response>")
        );
        assert_eq!(
            store
                .stored_reply(&["token:tok-CA3-1".into()])
                .await
                .unwrap()
                .as_deref(),
            Some("<Response>first</Response>"),
            "{name}: the token points to the same answer"
        );
        assert_eq!(store.timeline(call.contact_id).await.unwrap().len(), 1, "{name}");
        let reloaded = store.find_call("CA3").await.unwrap().unwrap();
        assert_eq!(reloaded.step, 1);
        assert_eq!(
            reloaded.position,
            Position {
                node: "node-1".into(),
                attempts: 1,
                menus: vec!["menu".into()],
                ..Position::default()
            },
            "{name}"
        );
        let contact = store.contact(call.contact_id).await.unwrap().unwrap();
        assert_eq!(contact.outcome.as_deref(), Some("informed"));
        assert_eq!(contact.need.as_deref(), Some("allaitement"));
    }
}

#[tokio::test]
async fn outcomes_only_move_up() {
    for (name, store, _dir) in stores().await {
        let call = store.open_call(&new_call("CA4", Some("+33639980123"))).await.unwrap();
        store
            .commit_step(&commit(&call, 1, "a", Some(("message_left", 3))))
            .await
            .unwrap();
        store
            .commit_step(&commit(&call, 2, "b", Some(("callback_requested", 2))))
            .await
            .unwrap();
        assert_eq!(
            outcome_of(store.as_ref(), call.contact_id).await.as_deref(),
            Some("message_left"),
            "{name}"
        );
        store
            .commit_step(&commit(&call, 3, "c", Some(("answered", 4))))
            .await
            .unwrap();
        assert_eq!(
            outcome_of(store.as_ref(), call.contact_id).await.as_deref(),
            Some("answered"),
            "{name}"
        );
    }
}

#[tokio::test]
async fn statuses_never_move_backwards_and_abandonment_is_recorded() {
    for (name, store, _dir) in stores().await {
        let call = store.open_call(&new_call("CA5", Some("+33639980123"))).await.unwrap();
        let status = |s: &str, d: Option<i64>, secs: i64| CallStatusUpdate {
            call_sid: "CA5".into(),
            status: s.into(),
            duration_secs: d,
            at: t0() + Duration::seconds(secs),
            abandoned_at: Some("menu-principal".into()),
            follow_up_due_at: t0() + Duration::hours(4),
        };
        store.record_call_status(&status("in-progress", None, 1)).await.unwrap();
        store
            .record_call_status(&status("completed", Some(61), 61))
            .await
            .unwrap();
        store.record_call_status(&status("ringing", None, 62)).await.unwrap();
        store
            .record_call_status(&status("completed", Some(61), 61))
            .await
            .unwrap();
        let contact = store.contact(call.contact_id).await.unwrap().unwrap();
        assert_eq!(contact.status.as_deref(), Some("completed"), "{name}");
        assert_eq!(contact.duration_secs, Some(61));
        assert_eq!(contact.ended_at, Some(t0() + Duration::seconds(61)), "{name}");
        assert_eq!(contact.outcome.as_deref(), Some("abandoned"));
        assert_eq!(contact.outcome_detail.as_deref(), Some("menu-principal"));
        let statuses = store
            .timeline(call.contact_id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.kind == "call-status")
            .count();
        assert_eq!(
            statuses, 3,
            "{name}: in-progress, completed, ringing (late, not applied); the repeated completed adds nothing"
        );
        let unknown = store
            .record_call_status(&CallStatusUpdate {
                call_sid: "CA404".into(),
                status: "completed".into(),
                duration_secs: None,
                at: t0(),
                abandoned_at: None,
                follow_up_due_at: t0(),
            })
            .await;
        assert!(matches!(unknown, Err(db::StoreError::NotFound)), "{name}");
    }
}

#[tokio::test]
async fn an_answered_call_is_not_marked_abandoned() {
    for (name, store, _dir) in stores().await {
        let call = store.open_call(&new_call("CA6", Some("+33639980123"))).await.unwrap();
        store
            .commit_step(&commit(&call, 1, "a", Some(("answered", 4))))
            .await
            .unwrap();
        store
            .record_call_status(&CallStatusUpdate {
                call_sid: "CA6".into(),
                status: "completed".into(),
                duration_secs: Some(300),
                at: t0(),
                abandoned_at: Some("x".into()),
                follow_up_due_at: t0(),
            })
            .await
            .unwrap();
        assert_eq!(
            outcome_of(store.as_ref(), call.contact_id).await.as_deref(),
            Some("answered"),
            "{name}"
        );
    }
}

#[tokio::test]
async fn recordings_are_upserted() {
    for (name, store, _dir) in stores().await {
        let call = store.open_call(&new_call("CA7", None)).await.unwrap();
        let rec = |status: &str, url: Option<&str>, d: Option<i64>| RecordingUpdate {
            recording_sid: "RE1".into(),
            call_sid: "CA7".into(),
            url: url.map(str::to_owned),
            duration_secs: d,
            status: status.into(),
            at: t0(),
        };
        store
            .record_recording(&rec("recorded", Some("https://api.twilio.com/x/RE1"), Some(30)))
            .await
            .unwrap();
        store.record_recording(&rec("completed", None, None)).await.unwrap();
        store.record_recording(&rec("completed", None, None)).await.unwrap();
        // A retried `<Record>` action after the status callback: nothing moves back.
        store
            .record_recording(&rec("recorded", Some("https://api.twilio.com/x/RE1"), Some(30)))
            .await
            .unwrap();
        let recs = store.recordings(call.contact_id).await.unwrap();
        assert_eq!(recs.len(), 1, "{name}");
        assert_eq!(recs[0].status, "completed");
        assert_eq!(
            recs[0].url.as_deref(),
            Some("https://api.twilio.com/x/RE1"),
            "{name}: a later callback without URL keeps it"
        );
        assert_eq!(recs[0].duration_secs, Some(30));
        assert_eq!(
            store.timeline(call.contact_id).await.unwrap().len(),
            2,
            "{name}: the same statuses add no event"
        );
    }
}

fn attempt(seq: i64, name: &str) -> NewAttempt {
    NewAttempt {
        seq,
        node: "transfert-lactation".into(),
        role: "conseillere-lactation".into(),
        staff_id: seq,
        staff_name: name.into(),
        strategy: "sequential".into(),
        ring_secs: 20,
        whisper: "Numéro vert : un parent. Appuyez sur 1.".into(),
    }
}

#[tokio::test]
async fn attempts_are_stored_once_and_only_the_first_acceptance_counts() {
    for (name, store, _dir) in stores().await {
        let call = store.open_call(&new_call("CA20", Some("+33639980123"))).await.unwrap();
        let mut c = commit(&call, 1, "ring awa and bea", None);
        let mut people = Vec::new();
        for (i, who) in ["Awa", "Bea"].into_iter().enumerate() {
            let input = StaffInput {
                name: who.into(),
                phone: format!("+3363998000{i}"),
                roles: vec!["conseillere-lactation".into()],
                active: true,
            };
            let member = store.add_staff(&input, t0()).await.unwrap();
            let mut a = attempt(i as i64 + 1, who);
            a.staff_id = member.id;
            people.push(a);
        }
        c.attempts = people;
        store.commit_step(&c).await.unwrap();
        store
            .attempt_answered("CA20", 1, "CAleg1", t0() + Duration::seconds(9))
            .await
            .unwrap();
        store
            .attempt_answered("CA20", 1, "CAother", t0() + Duration::seconds(12))
            .await
            .unwrap();
        let a = store.attempt("CA20", 1).await.unwrap().unwrap();
        assert_eq!(
            a.leg_sid.as_deref(),
            Some("CAleg1"),
            "{name}: the first leg and time are kept"
        );
        assert_eq!(a.answered_at, Some(t0() + Duration::seconds(9)), "{name}");
        assert_eq!(a.outcome, "ringing");
        assert!(
            store.screen_attempt("CA20", 2, "accepted", t0()).await.unwrap(),
            "{name}"
        );
        assert!(
            !store.screen_attempt("CA20", 1, "accepted", t0()).await.unwrap(),
            "{name}: a second acceptance for the same call is refused"
        );
        assert!(
            !store.screen_attempt("CA20", 2, "refused", t0()).await.unwrap(),
            "{name}: a verdict is recorded once"
        );
        let mut end = commit(&call, 2, "bridged", Some(("answered", 5)));
        end.attempt_ends = vec![(1, "no-answer".into()), (2, "accepted".into())];
        store.commit_step(&end).await.unwrap();
        let all = store.attempts(call.contact_id).await.unwrap();
        let outcomes: Vec<(&str, Option<&str>)> =
            all.iter().map(|a| (a.outcome.as_str(), a.screen.as_deref())).collect();
        assert_eq!(
            outcomes,
            [("no-answer", None), ("accepted", Some("accepted"))],
            "{name}"
        );
        store
            .record_leg_status("CA20", 2, "completed", Some(300), t0())
            .await
            .unwrap();
        store
            .record_leg_status("CA20", 2, "completed", Some(300), t0())
            .await
            .unwrap();
        let legs = store
            .timeline(call.contact_id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.kind == "transfer-leg")
            .count();
        assert_eq!(legs, 1, "{name}: a repeated leg status is stored once");
        assert!(matches!(
            store.record_leg_status("CA20", 9, "completed", None, t0()).await,
            Err(db::StoreError::NotFound)
        ));
    }
}

#[tokio::test]
async fn missed_and_abandoned_calls_with_a_number_become_follow_ups() {
    for (name, store, _dir) in stores().await {
        let due = t0() + Duration::hours(4);
        // A callback request during the call: a follow-up at once, with the need.
        let asked = store.open_call(&new_call("CA30", Some("+33639980123"))).await.unwrap();
        let mut c = commit(&asked, 1, "noted", Some(("callback_requested", 3)));
        c.follow_up = Some(NewFollowUp {
            reason: "callback-requested".into(),
            due_at: due,
        });
        store.commit_step(&c).await.unwrap();
        // A caller who hangs up in the menu.
        let gone = store.open_call(&new_call("CA31", Some("+33639980124"))).await.unwrap();
        // A withheld caller who hangs up: nobody to call back.
        let hidden = store.open_call(&new_call("CA32", None)).await.unwrap();
        for sid in ["CA30", "CA31", "CA32"] {
            store
                .record_call_status(&CallStatusUpdate {
                    call_sid: sid.into(),
                    status: "completed".into(),
                    duration_secs: Some(30),
                    at: t0() + Duration::seconds(30),
                    abandoned_at: Some("menu-principal".into()),
                    follow_up_due_at: due,
                })
                .await
                .unwrap();
        }
        let f = store.follow_up_for_contact(asked.contact_id).await.unwrap().unwrap();
        assert_eq!(
            (f.reason.as_str(), f.need.as_deref(), f.state.as_str(), f.due_at),
            ("callback-requested", Some("allaitement"), "new", due),
            "{name}"
        );
        let f = store.follow_up_for_contact(gone.contact_id).await.unwrap().unwrap();
        assert_eq!(f.reason, "abandoned", "{name}");
        assert!(
            store.follow_up_for_contact(hidden.contact_id).await.unwrap().is_none(),
            "{name}"
        );
        let open = store.open_follow_ups(10).await.unwrap();
        assert_eq!(open.len(), 2, "{name}");
    }
}
