//! Black-box tests: the real router, a fresh database per test (SQLite, and
//! PostgreSQL when `NUMEROVERT_TEST_POSTGRES_URL` is set), and a fake provider
//! that signs its webhooks and walks the TwiML like Twilio would.

mod api_v1;
mod backoffice;
mod click_to_call;
#[path = "../support/fake_twilio.rs"]
mod fake_twilio;
mod helpers;
#[path = "../support/postgres.rs"]
mod postgres;
mod provider_edge;
mod routing_calls;
mod simultaneous;
mod sms;
mod voice_calls;
