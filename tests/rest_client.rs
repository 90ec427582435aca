//! The Twilio REST client against the local fake of Twilio's API: the requests
//! it sends match Twilio's published schemas, and every failure Twilio can
//! answer with is classified the way the outbox needs.

#[path = "support/fake_twilio.rs"]
mod fake_twilio;

use fake_twilio::{spec, FakeTwilio, RecordedRequest, CREATE_CALL, CREATE_MESSAGE, UPDATE_CALL};
use numerovert::telephony::rest::{
    CreateCall, HttpMethod, RestError, Retry, SendMessage, Sender, TwilioClient, UpdateCall,
};

const PARENT: &str = "+33639980123";
const LINE: &str = "+33199001234";
const SERVICE: &str = "MG0123456789abcdef0123456789abcdef";

fn client(fake: &FakeTwilio) -> TwilioClient {
    TwilioClient::new(fake.base_url(), fake.account_sid(), fake.auth_token().into())
}

fn callback_call() -> CreateCall {
    CreateCall {
        to: PARENT.into(),
        from: LINE.into(),
        url: "https://helpline.example.org/twilio/voice/callback?item=42&attempt=1".into(),
        method: Some(HttpMethod::Post),
        status_callback: Some("https://helpline.example.org/twilio/voice/status".into()),
        status_callback_event: vec![
            "initiated".into(),
            "ringing".into(),
            "answered".into(),
            "completed".into(),
        ],
        status_callback_method: Some(HttpMethod::Post),
        timeout_secs: Some(25),
        time_limit_secs: Some(3600),
        caller_id: None,
        machine_detection: Some("Enable".into()),
    }
}

fn sms(body: &str) -> SendMessage {
    SendMessage {
        to: PARENT.into(),
        sender: Sender::From(LINE.into()),
        body: body.into(),
        status_callback: Some("https://helpline.example.org/twilio/sms/status".into()),
    }
}

fn is_sid(sid: &str, prefix: &str) -> bool {
    sid.len() == 34 && sid.starts_with(prefix) && sid[2..].chars().all(|c| c.is_ascii_hexdigit())
}

/// The SID of a new call that the fake then moves to `status` (`ringing`, `in-progress`, …).
async fn call_in(fake: &FakeTwilio, client: &TwilioClient, status: &str) -> String {
    let call = client.create_call(&callback_call()).await.expect("the call is created");
    fake.set_call_status(&call.sid, status);
    call.sid
}

/// The HTTP status and Twilio code of an API error, `None` for other errors.
fn status_and_code(err: &RestError) -> Option<(u16, Option<i64>)> {
    match err {
        RestError::Api { status, code, .. } => Some((*status, *code)),
        _ => None,
    }
}

fn pairs(params: Vec<(&str, String)>) -> Vec<(String, String)> {
    params.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

fn only_request(fake: &FakeTwilio) -> RecordedRequest {
    let requests = fake.requests();
    assert_eq!(requests.len(), 1, "{requests:#?}");
    requests.into_iter().next().unwrap()
}

/// Every name is a documented parameter, required ones are there, and each "one of" group is satisfied.
fn assert_follows_schema(operation: &str, request: &RecordedRequest) {
    let op = spec().operation(operation);
    for name in request.names() {
        assert!(
            op.request_schema.properties.contains_key(name),
            "{operation}: {name} is not in the spec"
        );
    }
    for name in &op.request_schema.required {
        assert!(request.param(name).is_some(), "{operation}: required {name} is missing");
    }
    for group in op.one_of_params() {
        assert!(
            group.iter().any(|n| request.param(n).is_some()),
            "{operation}: none of {group:?}"
        );
    }
    spec()
        .check(operation, &request.params)
        .expect("the fake's own check agrees");
}

#[tokio::test]
async fn create_call_sends_exactly_the_documented_parameters() {
    let fake = FakeTwilio::start().await;
    let call = client(&fake)
        .create_call(&callback_call())
        .await
        .expect("the call is created");

    assert!(is_sid(&call.sid, "CA"), "{}", call.sid);
    assert_eq!(call.status, "queued");
    assert_eq!(call.to.as_deref(), Some(PARENT), "the + survived the form encoding");
    assert_eq!(call.from.as_deref(), Some(LINE));
    assert_eq!(call.direction.as_deref(), Some("outbound-api"));
    assert_eq!(call.parent_call_sid, None);

    let request = only_request(&fake);
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.path,
        format!("/2010-04-01/Accounts/{}/Calls.json", fake.account_sid())
    );
    assert_eq!(request.operation, Some(CREATE_CALL));
    assert!(request.authorized);
    let agent = request.user_agent.as_deref().unwrap_or_default();
    assert_eq!(agent, concat!("numerovert/", env!("CARGO_PKG_VERSION")));
    assert_eq!(request.status, 201);
    assert_eq!(request.sid.as_deref(), Some(call.sid.as_str()));
    assert_follows_schema(CREATE_CALL, &request);
    assert_eq!(
        request.params,
        [
            ("To", PARENT),
            ("From", LINE),
            (
                "Url",
                "https://helpline.example.org/twilio/voice/callback?item=42&attempt=1"
            ),
            ("Method", "POST"),
            ("StatusCallback", "https://helpline.example.org/twilio/voice/status"),
            ("StatusCallbackEvent", "initiated"),
            ("StatusCallbackEvent", "ringing"),
            ("StatusCallbackEvent", "answered"),
            ("StatusCallbackEvent", "completed"),
            ("StatusCallbackMethod", "POST"),
            ("Timeout", "25"),
            ("TimeLimit", "3600"),
            ("MachineDetection", "Enable"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
    );
    assert_eq!(fake.call_status(&call.sid).as_deref(), Some("queued"));
}

#[tokio::test]
async fn every_parameter_the_client_can_send_is_in_the_spec() {
    // All options set, so a field mapped to a misspelt name cannot hide.
    let full = CreateCall {
        caller_id: Some("client:benevole".into()),
        ..callback_call()
    };
    spec()
        .check(CREATE_CALL, &pairs(full.params()))
        .expect("a valid CreateCall");
    let updates = [
        UpdateCall::hang_up(),
        UpdateCall::cancel(),
        UpdateCall::redirect("https://h.example.org/x"),
        UpdateCall {
            twiml: Some("<Response><Hangup/></Response>".into()),
            ..Default::default()
        },
    ];
    for update in updates {
        spec()
            .check(UPDATE_CALL, &pairs(update.params()))
            .unwrap_or_else(|rejection| panic!("{update:?}: {rejection:?}"));
    }
    let via_service = SendMessage {
        sender: Sender::MessagingService(SERVICE.into()),
        ..sms("x")
    };
    for message in [sms("x"), via_service] {
        spec()
            .check(CREATE_MESSAGE, &pairs(message.params()))
            .expect("a valid CreateMessage");
    }
}

#[tokio::test]
async fn minimal_call_is_accepted() {
    let fake = FakeTwilio::start().await;
    let req = CreateCall {
        to: PARENT.into(),
        from: LINE.into(),
        url: "https://helpline.example.org/twilio/voice/callback".into(),
        ..Default::default()
    };
    client(&fake).create_call(&req).await.expect("created");
    let request = only_request(&fake);
    assert_eq!(request.names(), ["To", "From", "Url"]);
    assert_follows_schema(CREATE_CALL, &request);
}

#[tokio::test]
async fn hang_up_ends_an_answered_or_a_ringing_call() {
    let fake = FakeTwilio::start().await;
    let client = client(&fake);

    let answered = call_in(&fake, &client, "in-progress").await;
    let ended = client.hang_up(&answered).await.expect("hung up");
    assert_eq!(ended.sid, answered);
    assert_eq!(ended.status, "completed");
    assert_eq!(fake.call_status(&answered).as_deref(), Some("completed"));

    let ringing = call_in(&fake, &client, "ringing").await;
    assert_eq!(client.hang_up(&ringing).await.unwrap().status, "canceled");

    let requests = fake.requests();
    let hang_up = &requests[1];
    assert_eq!(
        hang_up.path,
        format!("/2010-04-01/Accounts/{}/Calls/{}.json", fake.account_sid(), answered)
    );
    assert_eq!(hang_up.operation, Some(UPDATE_CALL));
    assert_eq!(hang_up.status, 200);
    assert_eq!(hang_up.params, [("Status".to_string(), "completed".to_string())]);
    assert_follows_schema(UPDATE_CALL, hang_up);
}

#[tokio::test]
async fn cancel_only_stops_a_call_nobody_answered() {
    let fake = FakeTwilio::start().await;
    let client = client(&fake);
    let answered = call_in(&fake, &client, "in-progress").await;
    let still_up = client.update_call(&answered, &UpdateCall::cancel()).await.unwrap();
    assert_eq!(still_up.status, "in-progress");
    let queued = call_in(&fake, &client, "queued").await;
    let stopped = client.update_call(&queued, &UpdateCall::cancel()).await.unwrap();
    assert_eq!(stopped.status, "canceled");
    assert_eq!(
        fake.requests()[1].params,
        [("Status".to_string(), "canceled".to_string())]
    );
}

#[tokio::test]
async fn redirect_a_live_call_but_not_an_ended_one() {
    let fake = FakeTwilio::start().await;
    let client = client(&fake);
    let call = call_in(&fake, &client, "in-progress").await;
    let next = "https://helpline.example.org/twilio/voice/next?step=3";
    client
        .update_call(&call, &UpdateCall::redirect(next))
        .await
        .expect("redirected");
    let request = fake.requests().pop().unwrap();
    assert_eq!(
        request.params,
        [
            ("Url".to_string(), next.to_string()),
            ("Method".to_string(), "POST".to_string())
        ]
    );
    assert_follows_schema(UPDATE_CALL, &request);

    client.hang_up(&call).await.unwrap();
    let err = client
        .update_call(&call, &UpdateCall::redirect(next))
        .await
        .unwrap_err();
    assert_eq!(status_and_code(&err), Some((400, Some(21220))), "{err:?}");
    assert_eq!(err.is_retryable(), Retry::Never);
}

#[tokio::test]
async fn unknown_call_is_a_not_found() {
    let fake = FakeTwilio::start().await;
    let err = client(&fake)
        .hang_up("CA0123456789abcdef0123456789abcdef")
        .await
        .unwrap_err();
    assert_eq!(status_and_code(&err), Some((404, Some(20404))), "{err:?}");
    assert_eq!(err.is_retryable(), Retry::Never);
    // A SID from outside cannot change the path it is put in.
    let err = client(&fake).hang_up("../Messages").await.unwrap_err();
    assert_eq!(status_and_code(&err), Some((404, Some(20404))), "{err:?}");
    assert_eq!(
        fake.requests()[1].path,
        format!("/2010-04-01/Accounts/{}/Calls/..%2FMessages.json", fake.account_sid())
    );
}

#[tokio::test]
async fn send_message_from_a_number_and_through_a_service() {
    let fake = FakeTwilio::start().await;
    let client = client(&fake);
    let text = "Bonjour, une puéricultrice vous rappelle demain à 10 h. Répondez STOP pour ne plus recevoir de SMS 🙂";
    let sent = client.send_message(&sms(text)).await.expect("sent");
    assert!(is_sid(&sent.sid, "SM"), "{}", sent.sid);
    assert_eq!(sent.status, "queued");
    assert_eq!(sent.from.as_deref(), Some(LINE));
    assert_eq!(sent.to.as_deref(), Some(PARENT));

    let via_service = SendMessage {
        sender: Sender::MessagingService(SERVICE.into()),
        status_callback: None,
        ..sms("Merci")
    };
    let accepted = client.send_message(&via_service).await.expect("sent");
    assert_eq!(accepted.status, "accepted");
    assert_eq!(accepted.from, None, "Twilio picks the number later");
    assert_eq!(accepted.messaging_service_sid.as_deref(), Some(SERVICE));

    let requests = fake.requests();
    assert_eq!(
        requests[0].path,
        format!("/2010-04-01/Accounts/{}/Messages.json", fake.account_sid())
    );
    assert_eq!(requests[0].operation, Some(CREATE_MESSAGE));
    assert_eq!(requests[0].status, 201);
    assert_eq!(requests[0].names(), ["To", "From", "Body", "StatusCallback"]);
    assert_eq!(requests[0].param("Body"), Some(text), "accents and emoji arrive intact");
    assert_eq!(requests[1].names(), ["To", "MessagingServiceSid", "Body"]);
    for request in &requests {
        assert_follows_schema(CREATE_MESSAGE, request);
    }
}

#[tokio::test]
async fn opted_out_recipient_is_recognised_and_never_retried() {
    let fake = FakeTwilio::start().await;
    fake.fail_next(1, 400, 21610);
    let err = client(&fake).send_message(&sms("Bonjour")).await.unwrap_err();
    assert!(err.is_opted_out(), "{err:?}");
    assert_eq!(err.code(), Some(21610));
    assert_eq!(err.is_retryable(), Retry::Never);
    let RestError::Api { status, more_info, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*status, 400);
    assert_eq!(more_info.as_deref(), Some("https://www.twilio.com/docs/errors/21610"));
}

#[tokio::test]
async fn retry_classes_follow_twilio_semantics() {
    let fake = FakeTwilio::start().await;
    let client = client(&fake);

    fake.fail_next(1, 429, 20429);
    let err = client.send_message(&sms("a")).await.unwrap_err();
    assert_eq!(status_and_code(&err), Some((429, Some(20429))), "{err:?}");
    assert_eq!(err.is_retryable(), Retry::Safe);

    fake.fail_next(1, 500, 20500);
    let err = client.create_call(&callback_call()).await.unwrap_err();
    assert_eq!(status_and_code(&err), Some((500, Some(20500))), "{err:?}");
    assert_eq!(err.is_retryable(), Retry::Ambiguous);

    // A refused request (the fake validates like Twilio) is not worth repeating.
    let bad = SendMessage {
        to: "06 39 98 01 23".into(),
        ..sms("a")
    };
    let err = client.send_message(&bad).await.unwrap_err();
    assert_eq!(status_and_code(&err), Some((400, Some(21211))), "{err:?}");
    assert_eq!(err.is_retryable(), Retry::Never);
    assert!(
        !err.to_string().contains("39 98"),
        "numbers are masked in errors: {err}"
    );
    assert!(err.to_string().contains("[number]"), "{err}");

    // Injected failures are used up: the next request goes through.
    client.send_message(&sms("a")).await.expect("sent");
    let statuses: Vec<u16> = fake.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [429, 500, 400, 201]);
}

#[tokio::test]
async fn other_error_bodies_are_understood() {
    let fake = FakeTwilio::start().await;
    let client = client(&fake);
    fake.fail_next_raw(
        1,
        429,
        "application/problem+json",
        r#"{"type": "https://www.twilio.com/docs/errors/20429", "title": "Too Many Requests", "status": 429, "code": 20429, "detail": "Slow down"}"#,
    );
    let err = client.create_call(&callback_call()).await.unwrap_err();
    assert_eq!(
        err,
        RestError::Api {
            status: 429,
            code: Some(20429),
            message: "Slow down".into(),
            more_info: Some("https://www.twilio.com/docs/errors/20429".into()),
        }
    );
    fake.fail_next_raw(
        1,
        502,
        "text/html",
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
    );
    let err = client.create_call(&callback_call()).await.unwrap_err();
    assert_eq!(status_and_code(&err), Some((502, None)), "{err:?}");
    assert_eq!(err.is_retryable(), Retry::Ambiguous);
    fake.fail_next_raw(1, 201, "application/json", "{\"sid\": ");
    let err = client.create_call(&callback_call()).await.unwrap_err();
    assert!(matches!(err, RestError::Decode(_)), "{err:?}");
    assert_eq!(
        err.is_retryable(),
        Retry::Never,
        "Twilio acted: repeating would call twice"
    );
}

#[tokio::test]
async fn wrong_credentials_are_a_20003() {
    let fake = FakeTwilio::start().await;
    let wrong = TwilioClient::new(fake.base_url(), fake.account_sid(), "not-the-token".into());
    let err = wrong.create_call(&callback_call()).await.unwrap_err();
    assert!(
        matches!(&err, RestError::Api { status: 401, code: Some(20003), message, .. } if message == "Authenticate"),
        "{err:?}"
    );
    assert_eq!(err.is_retryable(), Retry::Never);
    // Whatever may end up in a log leaves the tokens out, the right one included.
    for shown in [format!("{wrong:?}"), format!("{err:?}"), format!("{:?}", client(&fake))] {
        assert!(
            !shown.contains("not-the-token") && !shown.contains(fake.auth_token()),
            "{shown}"
        );
    }
    let other_account = TwilioClient::new(
        fake.base_url(),
        "AC00000000000000000000000000000000",
        fake.auth_token().into(),
    );
    let err = other_account.send_message(&sms("a")).await.unwrap_err();
    assert_eq!(err.code(), Some(20003));
    let requests = fake.requests();
    assert!(
        requests
            .iter()
            .all(|r| !r.authorized && r.status == 401 && r.sid.is_none()),
        "{requests:#?}"
    );
}

#[tokio::test]
async fn a_stopped_provider_is_a_transport_error_until_it_is_back() {
    let fake = FakeTwilio::start().await;
    let client = client(&fake);
    // A first request leaves a pooled connection behind, which the stop must not leave usable.
    client.send_message(&sms("a")).await.expect("sent");
    let base = fake.base_url();

    fake.stop().await;
    let err = client.create_call(&callback_call()).await.unwrap_err();
    let RestError::Transport(message) = &err else {
        panic!("expected a transport error, got {err:?}")
    };
    assert!(message.to_lowercase().contains("connect"), "{message}");
    assert_eq!(err.is_retryable(), Retry::Ambiguous);
    assert!(!err.is_opted_out());

    fake.restart().await;
    assert_eq!(fake.base_url(), base, "same port");
    client
        .create_call(&callback_call())
        .await
        .expect("the provider is back");
    assert_eq!(fake.requests().len(), 2, "the request made while down never arrived");
}

/// The fake is only a good judge if it refuses what Twilio would: checked with raw requests.
#[tokio::test]
async fn the_fake_refuses_malformed_requests() {
    let fake = FakeTwilio::start().await;
    let http = reqwest::Client::new();
    let url = format!(
        "{}/2010-04-01/Accounts/{}/Calls.json",
        fake.base_url(),
        fake.account_sid()
    );
    let post = |body: &'static str, content_type: &'static str| {
        http.post(&url)
            .basic_auth(fake.account_sid(), Some(fake.auth_token()))
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let form = "application/x-www-form-urlencoded";
    let cases = [
        ("From=%2B33199001234&Url=https%3A%2F%2Fh.example.org%2Fa", form, 21201),
        ("To=%2B33639980123&Url=https%3A%2F%2Fh.example.org%2Fa", form, 21213),
        ("To=%2B33639980123&From=%2B33199001234", form, 21205),
        (
            "To=%2B33639980123&From=%2B33199001234&Url=https%3A%2F%2Fh.example.org%2Fa&Colour=blue",
            form,
            20001,
        ),
        // A `+` left unencoded decodes as a space: Twilio would see an invalid number.
        (
            "To=+33639980123&From=%2B33199001234&Url=https%3A%2F%2Fh.example.org%2Fa",
            form,
            21211,
        ),
        // Bracketed arrays are another client's convention, not Twilio's.
        (
            "To=%2B33639980123&From=%2B33199001234&Url=https%3A%2F%2Fh.example.org%2Fa&StatusCallbackEvent[]=answered",
            form,
            20001,
        ),
        (
            "To=%2B33639980123&From=%2B33199001234&Url=https%3A%2F%2Fh.example.org%2Fa&Timeout=soon",
            form,
            20001,
        ),
        (
            "To=%2B33639980123&From=%2B33199001234&Url=https%3A%2F%2Fh.example.org%2Fa&Method=PUT",
            form,
            20001,
        ),
        ("To=%2B33639980123&From=%2B33199001234&Url=not-a-url", form, 20001),
        (
            "To=%2B33639980123&From=%2B33199001234&Url=https%3A%2F%2Fh.example.org%2Fa&Twiml=%3CResponse%2F%3E",
            form,
            20001,
        ),
        (
            "To=%2B33639980123&To=%2B33639980124&From=%2B33199001234&Url=https%3A%2F%2Fh.example.org%2Fa",
            form,
            20001,
        ),
        (
            r#"{"To": "+33639980123", "From": "+33199001234", "Url": "https://h.example.org/a"}"#,
            "application/json",
            20001,
        ),
    ];
    for (body, content_type, code) in cases {
        let response = post(body, content_type).await.unwrap();
        assert_eq!(response.status().as_u16(), 400, "{body}");
        let json: serde_json::Value = response.json().await.unwrap();
        assert_eq!(json["code"], code, "{body}: {json}");
        assert_eq!(json["status"], 400);
    }
    let ok = post(
        "To=%2B33639980123&From=%2B33199001234&Url=https%3A%2F%2Fh.example.org%2Fa",
        form,
    )
    .await
    .unwrap();
    assert_eq!(ok.status().as_u16(), 201);

    let unauthenticated = http
        .post(&url)
        .header("content-type", form)
        .body("To=x")
        .send()
        .await
        .unwrap();
    assert_eq!(unauthenticated.status().as_u16(), 401);
    assert!(unauthenticated.headers().contains_key("www-authenticate"));
    let json: serde_json::Value = unauthenticated.json().await.unwrap();
    assert_eq!(json["code"], 20003);

    let sms_url = format!(
        "{}/2010-04-01/Accounts/{}/Messages.json",
        fake.base_url(),
        fake.account_sid()
    );
    let too_long = format!("To=%2B33639980123&From=%2B33199001234&Body={}", "a".repeat(1601));
    for (body, code) in [
        ("From=%2B33199001234&Body=x".to_string(), 21604),
        ("To=%2B33639980123&Body=x".to_string(), 21603),
        ("To=%2B33639980123&From=%2B33199001234".to_string(), 21619),
        (too_long, 21617),
        ("To=%2B33639980123&MessagingServiceSid=MG123&Body=x".to_string(), 20001),
    ] {
        let response = http
            .post(&sms_url)
            .basic_auth(fake.account_sid(), Some(fake.auth_token()))
            .header("content-type", form)
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 400, "{body}");
        let json: serde_json::Value = response.json().await.unwrap();
        assert_eq!(json["code"], code, "{body}: {json}");
    }
    assert!(fake.requests().iter().all(|r| r.sid.is_none() || r.status == 201));
}
