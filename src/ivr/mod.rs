//! The interactive voice response: scripts as data, and the engine that plays them.
//!
//! Layout:
//! - [`script`]: the TOML script model and its loader.
//! - [`validate`]: the checks behind `numerovert check` (targets, reachability,
//!   ways out, loops, roles, audio files).
//! - [`engine`]: the pure step engine, one call per webhook.
//! - [`step`]: the provider-neutral instructions the engine emits.
//! - [`library`]: the loaded scripts, reloadable while the service runs.

pub mod diagram;
pub mod engine;
pub mod library;
pub mod script;
pub mod step;
pub mod validate;
