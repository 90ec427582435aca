//! Contacts: calls and SMS conversations, their timelines and outcomes.
//!
//! Layout:
//! - [`calls`]: plays one step of a call: finds or opens the call, runs the IVR
//!   engine, and stores the answer, the new position, the timeline and the
//!   outcome in one transaction before the answer leaves.
//! - [`callbacks`]: click-to-call: ring a professional, then, once they press 1,
//!   the parent; the outcome is written on the follow-up.
//! - [`follow_ups`]: the states and outcomes of a follow-up, and the checks of
//!   a change made in the back-office.
//! - [`messages`]: SMS conversations: store, let the bot decide, store the
//!   decision (reply, follow-up, alerts, opt-out), answer.

pub mod callbacks;
pub mod calls;
pub mod follow_ups;
pub mod messages;
pub mod search;
