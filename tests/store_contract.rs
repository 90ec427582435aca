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

#[path = "support/postgres.rs"]
mod postgres;

async fn stores() -> Vec<(String, Arc<dyn Store>, tempfile::TempDir)> {
    let mut out = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::new(format!("sqlite://{}", dir.path().join("contract.db").display()));
    out.push(("sqlite".to_owned(), db::connect(&url).await.unwrap(), dir));
    if let Some(admin) = postgres::admin_url("the PostgreSQL store contract is") {
        let url = postgres::fresh_database(&admin).await;
        out.push((
            "postgres".to_owned(),
            db::connect(&DatabaseUrl::new(url)).await.unwrap(),
            tempfile::tempdir().unwrap(),
        ));
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
        assert!(store.screen_attempt("CA20", 2, "accepted").await.unwrap(), "{name}");
        assert!(
            !store.screen_attempt("CA20", 1, "accepted").await.unwrap(),
            "{name}: a second acceptance for the same call is refused"
        );
        assert!(
            !store.screen_attempt("CA20", 2, "refused").await.unwrap(),
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

// ---------------------------------------------------------------------------
// Click-to-call.

use numerovert::db::callbacks::CallbackOutcome;

/// A follow-up for a parent who asked to be called back (need: allaitement), and a professional.
async fn follow_up_and_staff(store: &dyn Store, sid: &str, caller: Option<&str>, staff: &str) -> (i64, i64, i64) {
    let call = store.open_call(&new_call(sid, caller)).await.unwrap();
    let mut c = commit(&call, 1, "noted", Some(("callback_requested", 3)));
    c.follow_up = Some(NewFollowUp {
        reason: "callback-requested".into(),
        due_at: t0() + Duration::hours(4),
    });
    store.commit_step(&c).await.unwrap();
    let f = store.follow_up_for_contact(call.contact_id).await.unwrap().unwrap();
    let member = store
        .add_staff(
            &StaffInput {
                name: staff.into(),
                phone: "+33639980555".into(),
                roles: vec!["sage-femme".into()],
                active: true,
            },
            t0(),
        )
        .await
        .unwrap();
    (f.follow_up_id, member.id, call.contact_id)
}

#[tokio::test]
async fn a_callback_moves_forward_once_and_only_calls_to_the_parent_count() {
    for (name, store, _dir) in stores().await {
        let (f, awa, contact) = follow_up_and_staff(store.as_ref(), "CA40", Some("+33639980123"), "Awa").await;
        assert_eq!(store.follow_up(f).await.unwrap().unwrap().state, "new", "{name}");
        assert!(store.follow_up(f + 1000).await.unwrap().is_none(), "{name}");
        let at = |s: i64| t0() + Duration::minutes(10) + Duration::seconds(s);

        // 1: the professional accepts, the parent does not answer.
        let one = store.start_callback(f, awa, at(0)).await.unwrap();
        let cb = store.callback(one).await.unwrap().unwrap();
        assert_eq!(
            (
                cb.state.as_str(),
                cb.follow_up_id,
                cb.contact_id,
                cb.staff_name.as_str(),
                cb.staff_phone.as_str()
            ),
            ("placing", f, contact, "Awa", "+33639980555"),
            "{name}"
        );
        assert_eq!(
            (
                cb.parent_number.as_deref(),
                cb.line_number.as_deref(),
                cb.need.as_deref(),
                cb.reason.as_str(),
                cb.attempts
            ),
            (
                Some("+33639980123"),
                Some("+33199001234"),
                Some("allaitement"),
                "callback-requested",
                0
            ),
            "{name}"
        );
        assert!(!format!("{cb:?}").contains("639980123"), "{name}: Debug masks numbers");
        assert_eq!(store.follow_up(f).await.unwrap().unwrap().state, "in-progress");
        assert!(
            matches!(store.start_callback(f, awa, at(1)).await, Err(db::StoreError::InUse(_))),
            "{name}: one callback at a time per parent"
        );
        store.callback_placed(one, "CAstaff1", at(1)).await.unwrap();
        store.callback_placed(one, "CAother", at(2)).await.unwrap();
        let cb = store.callback(one).await.unwrap().unwrap();
        assert_eq!(
            (cb.state.as_str(), cb.staff_call_sid.as_deref()),
            ("calling-staff", Some("CAstaff1")),
            "{name}"
        );
        assert!(store.callback_staff_accepted(one, at(10)).await.unwrap(), "{name}");
        assert!(
            !store.callback_staff_accepted(one, at(11)).await.unwrap(),
            "{name}: accepted once"
        );
        assert!(
            !store
                .finish_callback(one, CallbackOutcome::StaffUnreachable, at(12))
                .await
                .unwrap(),
            "{name}: an accepted callback is not the professional's failure"
        );
        assert!(store
            .finish_callback(one, CallbackOutcome::NoAnswer, at(40))
            .await
            .unwrap());
        assert!(
            !store
                .finish_callback(one, CallbackOutcome::Reached, at(41))
                .await
                .unwrap(),
            "{name}: a callback ends once"
        );
        let cb = store.callback(one).await.unwrap().unwrap();
        assert_eq!(
            (cb.state.as_str(), cb.accepted_at, cb.ended_at, cb.attempts),
            ("no-answer", Some(at(10)), Some(at(40)), 1),
            "{name}"
        );
        let fu = store.follow_up(f).await.unwrap().unwrap();
        assert_eq!(
            (
                fu.state.as_str(),
                fu.attempts,
                fu.last_attempt_outcome.as_deref(),
                fu.last_attempt_at,
                fu.outcome.as_deref()
            ),
            ("waiting", 1, Some("no-answer"), Some(at(40)), None),
            "{name}"
        );

        // 2: the professional declines: no attempt on the parent.
        let two = store.start_callback(f, awa, at(60)).await.unwrap();
        store.callback_placed(two, "CAstaff2", at(61)).await.unwrap();
        assert!(store
            .finish_callback(two, CallbackOutcome::StaffDeclined, at(70))
            .await
            .unwrap());
        let fu = store.follow_up(f).await.unwrap().unwrap();
        assert_eq!((fu.state.as_str(), fu.attempts), ("waiting", 1), "{name}");

        // 3: busy counts as an attempt, recorded on the follow-up as not reached.
        let three = store.start_callback(f, awa, at(100)).await.unwrap();
        assert!(store.callback_staff_accepted(three, at(110)).await.unwrap());
        assert!(store
            .finish_callback(three, CallbackOutcome::Busy, at(120))
            .await
            .unwrap());
        let fu = store.follow_up(f).await.unwrap().unwrap();
        assert_eq!(
            (fu.state.as_str(), fu.attempts, fu.last_attempt_outcome.as_deref()),
            ("waiting", 2, Some("no-answer")),
            "{name}"
        );

        // 4: reached: the follow-up is closed.
        let four = store.start_callback(f, awa, at(200)).await.unwrap();
        assert!(store.callback_staff_accepted(four, at(210)).await.unwrap());
        assert!(store
            .finish_callback(four, CallbackOutcome::Reached, at(300))
            .await
            .unwrap());
        let fu = store.follow_up(f).await.unwrap().unwrap();
        assert_eq!(
            (
                fu.state.as_str(),
                fu.outcome.as_deref(),
                fu.attempts,
                fu.last_attempt_outcome.as_deref()
            ),
            ("closed", Some("reached"), 3, Some("reached")),
            "{name}"
        );
        assert!(
            matches!(
                store.start_callback(f, awa, at(400)).await,
                Err(db::StoreError::InUse(_))
            ),
            "{name}: a closed follow-up is not called"
        );
        assert!(
            store.follow_up_queue(10).await.unwrap().is_empty(),
            "{name}: closed is not open"
        );

        let states: Vec<String> = store
            .callbacks_for_follow_up(f)
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.state)
            .collect();
        assert_eq!(states, ["no-answer", "staff-declined", "busy", "reached"], "{name}");

        // The timeline tells the story once, with names and never numbers.
        let timeline = store.timeline(contact).await.unwrap();
        let kinds: Vec<&str> = timeline
            .iter()
            .map(|e| e.kind.as_str())
            .filter(|k| k.starts_with("callback-"))
            .collect();
        assert_eq!(
            kinds,
            [
                "callback-started",
                "callback-staff-accepted",
                "callback-ended",
                "callback-started",
                "callback-ended",
                "callback-started",
                "callback-staff-accepted",
                "callback-ended",
                "callback-started",
                "callback-staff-accepted",
                "callback-ended",
            ],
            "{name}"
        );
        let ended: Vec<serde_json::Value> = timeline
            .iter()
            .filter(|e| e.kind == "callback-ended")
            .map(|e| serde_json::from_str(&e.detail).unwrap())
            .collect();
        assert_eq!(ended[0]["outcome"], "no-answer");
        assert_eq!(ended[0]["attempt"], 1);
        assert_eq!(ended[0]["staff"], "Awa");
        assert!(ended[1].get("attempt").is_none(), "{name}: {}", ended[1]);
        assert_eq!(ended[3]["outcome"], "reached");
        assert!(
            timeline
                .iter()
                .filter(|e| e.kind.starts_with("callback-"))
                .all(|e| !e.detail.contains("639980")),
            "{name}: no phone number on the timeline"
        );
    }
}

#[tokio::test]
async fn a_callback_not_placed_or_gone_stale_leaves_the_follow_up_open() {
    for (name, store, _dir) in stores().await {
        let (f, awa, contact) = follow_up_and_staff(store.as_ref(), "CA41", Some("+33639980124"), "Awa").await;
        let at = |m: i64| t0() + Duration::minutes(m);
        let one = store.start_callback(f, awa, at(1)).await.unwrap();
        assert!(store
            .callback_not_placed(one, "Twilio answered HTTP 500 (code 20500): oops", at(1))
            .await
            .unwrap());
        assert!(
            !store.callback_not_placed(one, "again", at(2)).await.unwrap(),
            "{name}: once"
        );
        let cb = store.callback(one).await.unwrap().unwrap();
        assert_eq!(cb.state, "not-placed", "{name}");
        assert!(cb.detail.as_deref().unwrap().contains("20500"), "{name}");
        assert!(cb.ended_at.is_some());
        let fu = store.follow_up(f).await.unwrap().unwrap();
        assert_eq!((fu.state.as_str(), fu.attempts), ("new", 0), "{name}");
        let queue = store.follow_up_queue(10).await.unwrap();
        assert_eq!(queue.len(), 1, "{name}");
        assert_eq!(queue[0].parent_number.as_deref(), Some("+33639980124"), "{name}");
        let entry = store.follow_up_entry(f).await.unwrap().unwrap();
        assert_eq!(entry.follow_up.contact_id, contact, "{name}");
        assert_eq!(
            entry.line_number.as_deref(),
            Some("+33199001234"),
            "{name}: the line the parent called, to call them back from"
        );
        assert!(
            !store
                .finish_callback(one, CallbackOutcome::Reached, at(2))
                .await
                .unwrap(),
            "{name}: an unplaced callback never ends otherwise"
        );

        // A callback whose status callbacks were lost does not block the next one for ever.
        let two = store.start_callback(f, awa, at(10)).await.unwrap();
        store.callback_placed(two, "CAlost", at(10)).await.unwrap();
        assert!(matches!(
            store.start_callback(f, awa, at(12)).await,
            Err(db::StoreError::InUse(_))
        ));
        let three = store.start_callback(f, awa, at(20)).await.unwrap();
        assert!(three > two, "{name}");

        // Unknown follow-ups and staff.
        assert!(matches!(
            store.start_callback(f + 1000, awa, at(30)).await,
            Err(db::StoreError::NotFound)
        ));
        assert!(matches!(
            store.callback_placed(three + 1000, "CAx", at(30)).await,
            Err(db::StoreError::NotFound)
        ));
        assert!(store.callback(three + 1000).await.unwrap().is_none());
        assert!(!store.callback_staff_accepted(three + 1000, at(30)).await.unwrap());
    }
}
