//! numerovert: the backend of a free helpline (numéro vert) for a Maison des
//! 1000 premiers jours.
//!
//! The telephony provider (Twilio or a TwiML-compatible one) sends webhooks; the
//! service answers with TwiML driven by IVR scripts written as plain files in
//! `ivr-scripts/`, and stores every contact before it answers.
//!
//! # Layout
//! - [`config`]: settings from the environment and an optional TOML file.
//! - [`telephony`]: the provider edge: signatures, the webhook extractor, TwiML,
//!   the voice webhook handlers (screening, queue hunts, click-to-call), the
//!   REST client.
//! - [`ivr`]: script model, validation, the pure step engine, the reloadable library.
//! - [`routing`]: opening hours, French public holidays, roles, staff schedules.
//! - [`contacts`]: calls, their timelines, outcomes and transfer attempts;
//!   follow-ups and click-to-call callbacks.
//! - [`db`]: the `Store` trait with SQLite and PostgreSQL implementations.
//! - [`http`]: the router, shared state, health checks, calendar feeds.
//! - [`api`]: the JSON API under `/api/v1`, with its OpenAPI document.
//! - [`backoffice`]: the pages staff and supervisors use: sessions, roles, the day at a glance,
//!   contacts, follow-ups, the rota, figures.
//! - [`figures`]: counts per day, week or month, SVG charts and the CSV export, from facts
//!   that carry nothing personal.
//! - [`redact`]: keeping phone numbers out of logs.
//! - [`rehearsal`]: a day of simulated traffic played through the webhooks (`demo --simulate-day`).
//! - [`app`]: start-up, the commands of the `numerovert` binary, the demo.
//! - [`admin`]: the administration commands (staff, schedules, tokens).

pub mod admin;
pub mod api;
pub mod app;
pub mod backoffice;
pub mod config;
pub mod contacts;
pub mod db;
pub mod figures;
pub mod http;
pub mod ivr;
pub mod outbox;
pub mod redact;
pub mod rehearsal;
pub mod routing;
pub mod sms;
pub mod telephony;
