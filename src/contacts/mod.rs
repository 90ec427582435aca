//! Contacts: calls (and, later, SMS conversations), their timelines and outcomes.
//!
//! Layout:
//! - [`calls`]: plays one step of a call: finds or opens the call, runs the IVR
//!   engine, and stores the answer, the new position, the timeline and the
//!   outcome in one transaction before the answer leaves.

pub mod calls;
