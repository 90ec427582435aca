//! What the IVR asks the telephony provider to do, in provider-neutral terms.
//!
//! The engine produces a list of [`Step`]s for one webhook answer; the Twilio
//! adapter (`telephony::twiml`) renders them. Another provider is another renderer.

/// Something the caller hears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Text read aloud by the configured French voice.
    Speech(String),
    /// An audio file of `ivr-scripts/audio/`, by file name.
    Audio(String),
    /// Silence, in seconds.
    Silence(u32),
}

/// One instruction for the provider.
///
/// Steps that wait for something ([`Step::Ask`], [`Step::Dial`], [`Step::Record`])
/// end the answer: the provider comes back with what happened, as an
/// [`super::engine::CallEvent`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Play prompts, then go on with the next step.
    Play(Vec<Prompt>),
    /// Play prompts while listening for one key (and, with hints, French speech).
    /// No answer within `timeout_secs` comes back as [`super::engine::CallEvent::NoInput`].
    Ask {
        prompts: Vec<Prompt>,
        timeout_secs: u32,
        speech_hints: Vec<String>,
    },
    /// Ring a number and bridge the caller; the outcome comes back as `DialEnded`.
    /// With `screen`, the answering phone first hears the screening prompt of
    /// that attempt and is bridged only if the person presses 1.
    Dial {
        number: String,
        caller_id: Option<String>,
        ring_secs: u32,
        screen: Option<u32>,
    },
    /// Hold the caller in the call's queue, hearing a ringback tone, while the
    /// professionals of a simultaneous hunt are rung through the provider's
    /// API; the first to press 1 joins the queue. The caller leaves it when the
    /// wave is over (decided by the wait URL, from the stored attempts); the
    /// result comes back as `QueueEnded`.
    Queue,
    /// Record a message after a beep; the result comes back as `Recorded` or `NoRecording`.
    Record { max_secs: u32 },
    /// End the call.
    HangUp,
}
