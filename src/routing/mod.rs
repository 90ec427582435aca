//! Who takes a call and when the line is open: opening hours, public holidays,
//! roles (and, with the routing issue, staff schedules and the hunt).
//!
//! Layout:
//! - [`holidays`]: French public holidays by region (metropolitan France,
//!   Alsace-Moselle, each overseas département).
//! - [`hours`]: the line's opening hours in its time zone, and the spoken
//!   "when do we reopen" phrase.
//! - [`roles`]: the roles professionals answer as, and the number each role is
//!   reached at until on-call schedules arrive.
//! - [`service`]: managing staff and schedules (who is on duty, gaps, calendar
//!   feeds, secret links), shared by the administration commands and the API.

pub mod calendar;
pub mod directory;
pub mod holidays;
pub mod hours;
pub mod roles;
pub mod schedule;
pub mod service;
