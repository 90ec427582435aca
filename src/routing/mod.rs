//! Who takes a call and when the line is open: opening hours, public holidays,
//! roles, the staff directory and on-call schedules.
//!
//! Layout:
//! - [`holidays`]: French public holidays by region (metropolitan France,
//!   Alsace-Moselle, each overseas département).
//! - [`hours`]: the line's opening hours in its time zone, and the spoken
//!   "when do we reopen" phrase.
//! - [`roles`]: the roles professionals answer as, and their backup roles.
//! - [`schedule`]: the pure resolver: who is on duty for a role at an instant,
//!   in ringing order, with the decision path; coverage gaps and shifts.
//! - [`directory`]: checks submitted staff, rules, rotations and overrides.
//! - [`calendar`]: iCalendar feeds of shifts.
//! - [`service`]: managing staff and schedules (who is on duty, gaps, calendar
//!   feeds, secret links), shared by the administration commands and the API.

pub mod calendar;
pub mod directory;
pub mod holidays;
pub mod hours;
pub mod roles;
pub mod schedule;
pub mod service;
