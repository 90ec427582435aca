//! TwiML rendering: the one place that writes TwiML documents.
//!
//! Every document is built as a small element tree and serialised by quick-xml,
//! which escapes text and attributes, so a script line containing `&` or `<`
//! cannot break the XML (Twilio answers malformed XML with error 12100 and drops
//! the call). Only verbs and attributes listed in Twilio's own TwiML classes are
//! used; `tests/twiml_allowlist.rs` renders every node of every shipped script and
//! checks the documents against `tests/fixtures/twilio/twiml-voice-allowlist.json`.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use crate::ivr::step::{Prompt, Step};

/// A TwiML element: name, attributes in order, optional text, children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub name: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub text: Option<String>,
    pub children: Vec<Element>,
}

impl Element {
    pub fn new(name: &'static str) -> Self {
        Element {
            name,
            attrs: Vec::new(),
            text: None,
            children: Vec::new(),
        }
    }
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }
    pub fn child(mut self, child: Element) -> Self {
        self.children.push(child);
        self
    }
}

/// A whole `<Response>` document.
pub fn document(verbs: Vec<Element>) -> String {
    let mut root = Element::new("Response");
    root.children = verbs;
    let mut writer = Writer::new(Vec::new());
    writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .expect("writing to a Vec cannot fail");
    write_element(&mut writer, &root);
    String::from_utf8(writer.into_inner()).expect("quick-xml writes UTF-8")
}

fn write_element(writer: &mut Writer<Vec<u8>>, el: &Element) {
    let mut start = BytesStart::new(el.name);
    for (k, v) in &el.attrs {
        start.push_attribute((*k, v.as_str()));
    }
    if el.text.is_none() && el.children.is_empty() {
        writer
            .write_event(Event::Empty(start))
            .expect("writing to a Vec cannot fail");
        return;
    }
    writer
        .write_event(Event::Start(start))
        .expect("writing to a Vec cannot fail");
    if let Some(text) = &el.text {
        writer
            .write_event(Event::Text(BytesText::new(text)))
            .expect("writing to a Vec cannot fail");
    }
    for child in &el.children {
        write_element(writer, child);
    }
    writer
        .write_event(Event::End(BytesEnd::new(el.name)))
        .expect("writing to a Vec cannot fail");
}

/// What the renderer needs besides the steps.
#[derive(Debug, Clone)]
pub struct Voice {
    /// Twilio voice name, e.g. `Polly.Lea`; the language is always `fr-FR`.
    pub voice: String,
}

/// Where the provider comes back to: absolute URLs built from the public base URL.
pub trait Callbacks {
    /// URL of the next step of this call for `event` (`input`, `no-input`, `dial`, `record`, `no-recording`).
    fn next(&self, event: &str) -> String;
    /// URL of the recording status callback.
    fn recording_status(&self) -> String;
    /// Absolute URL of an audio file of `ivr-scripts/audio/`.
    fn audio(&self, file: &str) -> String;
    /// URL of the screening prompt played to the professional of `attempt`.
    fn screen(&self, attempt: u32) -> String;
    /// URL of the status callback of the professional's leg of `attempt`.
    fn leg_status(&self, attempt: u32) -> String;
    /// URL of what the caller hears while waiting in the call's queue.
    fn wait(&self) -> String;
    /// The name of the call's queue (simultaneous hunts).
    fn queue(&self) -> String;
}

pub const LANGUAGE: &str = "fr-FR";

/// A `<Say>` in French, with the configured voice.
pub fn say(voice: &Voice, text: &str) -> Element {
    Element::new("Say")
        .attr("voice", voice.voice.clone())
        .attr("language", LANGUAGE)
        .text(xml_safe(text))
}

/// Drops characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF): one of
/// them makes the document unparseable and Twilio ends the call (error 12100).
/// `numerovert check` refuses them in scripts; this keeps any other text safe.
pub fn xml_safe(text: &str) -> String {
    text.chars().filter(|c| is_xml_char(*c)).collect()
}

/// True for a character XML 1.0 allows in text.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

fn prompt(voice: &Voice, urls: &dyn Callbacks, p: &Prompt) -> Element {
    match p {
        Prompt::Speech(text) => say(voice, text),
        Prompt::Audio(file) => Element::new("Play").text(urls.audio(file)),
        Prompt::Silence(secs) => Element::new("Pause").attr("length", secs.to_string()),
    }
}

/// Renders engine steps as a TwiML voice document.
///
/// Each waiting step is followed by the verb Twilio falls through to when
/// nothing happens (no key pressed, nothing recorded), so no path ends in silence.
pub fn render(steps: &[Step], voice: &Voice, urls: &dyn Callbacks) -> String {
    let mut verbs = Vec::new();
    for step in steps {
        match step {
            Step::Play(prompts) => verbs.extend(prompts.iter().map(|p| prompt(voice, urls, p))),
            Step::Ask {
                prompts,
                timeout_secs,
                speech_hints,
            } => {
                let mut gather = Element::new("Gather")
                    .attr("action", urls.next("input"))
                    .attr("method", "POST")
                    .attr("numDigits", "1")
                    // By default Twilio ends input on `#` and drops it from Digits: the back
                    // key would then read as silence. With no finish key, `#` is a choice too.
                    .attr("finishOnKey", "")
                    .attr("timeout", timeout_secs.to_string())
                    .attr("language", LANGUAGE);
                if !speech_hints.is_empty() {
                    gather = gather
                        .attr("input", "dtmf speech")
                        .attr("hints", speech_hints.join(", "))
                        .attr("speechTimeout", "auto");
                }
                gather.children = prompts.iter().map(|p| prompt(voice, urls, p)).collect();
                verbs.push(gather);
                verbs.push(
                    Element::new("Redirect")
                        .attr("method", "POST")
                        .text(urls.next("no-input")),
                );
            }
            Step::Dial {
                number,
                caller_id,
                ring_secs,
                screen,
            } => {
                let mut dial = Element::new("Dial")
                    .attr("action", urls.next("dial"))
                    .attr("method", "POST")
                    .attr("timeout", ring_secs.to_string())
                    .attr("answerOnBridge", "true")
                    .attr("ringTone", "fr");
                if let Some(id) = caller_id {
                    dial = dial.attr("callerId", id.clone());
                }
                let mut target = Element::new("Number");
                if let Some(attempt) = screen {
                    // The screening prompt runs on the professional's leg before the
                    // bridge: only a person pressing 1 is connected, never a voicemail.
                    target = target
                        .attr("url", urls.screen(*attempt))
                        .attr("method", "POST")
                        .attr("statusCallback", urls.leg_status(*attempt))
                        .attr("statusCallbackEvent", "initiated ringing answered completed")
                        .attr("statusCallbackMethod", "POST");
                }
                verbs.push(dial.child(target.text(number.clone())));
            }
            Step::Queue => {
                // How long to wait is decided by the wait URL, from the store.
                verbs.push(
                    Element::new("Enqueue")
                        .attr("action", urls.next("queue"))
                        .attr("method", "POST")
                        .attr("waitUrl", urls.wait())
                        .attr("waitUrlMethod", "POST")
                        .text(urls.queue()),
                );
            }
            Step::Record { max_secs } => {
                verbs.push(
                    Element::new("Record")
                        .attr("action", urls.next("record"))
                        .attr("method", "POST")
                        .attr("maxLength", max_secs.to_string())
                        .attr("timeout", "10")
                        .attr("finishOnKey", "#")
                        .attr("playBeep", "true")
                        .attr("recordingStatusCallback", urls.recording_status())
                        .attr("recordingStatusCallbackMethod", "POST"),
                );
                verbs.push(
                    Element::new("Redirect")
                        .attr("method", "POST")
                        .text(urls.next("no-recording")),
                );
            }
            Step::HangUp => verbs.push(Element::new("Hangup")),
        }
    }
    document(verbs)
}

/// Seconds the professional has to press 1 once the prompt has been said.
pub const SCREEN_TIMEOUT_SECS: u32 = 6;

/// The screening prompt, on the professional's leg: the whisper, said twice,
/// listening for one key. Silence (a voicemail greeting, a pocket) reaches
/// `answer_url` with no digits and the leg is hung up there.
pub fn screen_prompt(voice: &Voice, whisper: &str, answer_url: &str) -> String {
    let mut gather = Element::new("Gather")
        .attr("input", "dtmf")
        .attr("numDigits", "1")
        .attr("timeout", SCREEN_TIMEOUT_SECS.to_string())
        .attr("finishOnKey", "")
        .attr("actionOnEmptyResult", "true")
        .attr("action", answer_url.to_owned())
        .attr("method", "POST");
    gather.children = vec![
        say(voice, whisper),
        Element::new("Pause").attr("length", "1"),
        say(voice, whisper),
    ];
    document(vec![gather, Element::new("Hangup")])
}

/// The professional pressed 1: a word, then the bridge (the document ends without hanging up).
pub fn screen_accepted(voice: &Voice) -> String {
    document(vec![say(voice, "Vous êtes en relation avec l'appelant.")])
}

/// A simultaneous hunt's winner joins the caller waiting in the call's queue.
pub fn screen_join_queue(voice: &Voice, queue: &str) -> String {
    document(vec![
        say(voice, "Vous êtes en relation avec l'appelant."),
        Element::new("Dial").child(Element::new("Queue").text(queue.to_owned())),
    ])
}

/// What a caller waiting in a queue hears: the French ringback tone, again and
/// again (Twilio fetches the wait URL anew each time the document ends).
pub fn queue_wait(voice: &Voice, tone_url: &str, first: bool) -> String {
    let mut verbs = Vec::new();
    if !first {
        verbs.push(say(
            voice,
            "Merci de patienter, nous cherchons une professionnelle disponible.",
        ));
    }
    verbs.push(Element::new("Play").attr("loop", "2").text(tone_url.to_owned()));
    document(verbs)
}

/// Ends the wait in the queue: the caller goes on to the `<Enqueue>` action.
pub fn queue_leave() -> String {
    document(vec![Element::new("Leave")])
}

/// The call ends without a word (a voicemail may be listening).
pub fn hang_up() -> String {
    document(vec![Element::new("Hangup")])
}

/// The leg ends without being bridged, with a word for a person who is listening.
pub fn screen_declined(voice: &Voice, text: &str) -> String {
    document(vec![say(voice, text), Element::new("Hangup")])
}

/// The answer when anything goes wrong: an apology, then the fallback number.
/// It depends on nothing but configuration, so it can always be produced.
pub fn safe_fallback(voice: &Voice, fallback_number: Option<&str>, caller_id: Option<&str>) -> String {
    let mut verbs = vec![say(
        voice,
        "Nous sommes désolés : un problème technique nous empêche de traiter votre appel normalement. Nous vous transférons vers un professionnel. Merci de patienter.",
    )];
    match fallback_number {
        Some(number) => {
            let mut dial = Element::new("Dial")
                .attr("timeout", "30")
                .attr("answerOnBridge", "true");
            if let Some(id) = caller_id {
                dial = dial.attr("callerId", id);
            }
            verbs.push(dial.child(Element::new("Number").text(number)));
            verbs.push(say(
                voice,
                "Merci de votre appel. Si vous n'avez pas pu parler à quelqu'un, rappelez-nous un peu plus tard. En cas d'urgence vitale, composez le 15 ou le 112.",
            ));
        }
        None => verbs.push(say(
            voice,
            "Merci de rappeler dans quelques minutes. En cas d'urgence vitale, composez le 15 ou le 112.",
        )),
    }
    verbs.push(Element::new("Hangup"));
    document(verbs)
}

/// A messaging answer: one SMS back to the sender, its delivery reported to
/// `status_url` (Twilio's `action` on `<Message>`; `statusCallback` is deprecated).
pub fn message_reply(body: &str, status_url: &str) -> String {
    document(vec![Element::new("Message")
        .attr("action", status_url)
        .attr("method", "POST")
        .text(xml_safe(body))])
}

/// An empty document: the answer to status callbacks, and silence to an SMS.
pub fn empty() -> String {
    document(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Urls;
    impl Callbacks for Urls {
        fn next(&self, event: &str) -> String {
            format!("https://h.example/twilio/voice/next?step=3&event={event}")
        }
        fn recording_status(&self) -> String {
            "https://h.example/twilio/voice/recording".into()
        }
        fn audio(&self, file: &str) -> String {
            format!("https://h.example/audio/{file}")
        }
        fn screen(&self, attempt: u32) -> String {
            format!("https://h.example/twilio/voice/screen?call=CA1&attempt={attempt}")
        }
        fn leg_status(&self, attempt: u32) -> String {
            format!("https://h.example/twilio/voice/leg?call=CA1&attempt={attempt}")
        }
        fn wait(&self) -> String {
            "https://h.example/twilio/voice/wait?call=CA1".into()
        }
        fn queue(&self) -> String {
            "nv-CA1".into()
        }
    }

    fn voice() -> Voice {
        Voice {
            voice: "Polly.Lea".into(),
        }
    }

    #[test]
    fn escapes_text_and_urls() {
        let xml = render(
            &[Step::Play(vec![Prompt::Speech("Parents & bébés <3".into())])],
            &voice(),
            &Urls,
        );
        assert!(xml.contains("Parents &amp; bébés &lt;3"), "{xml}");
        let xml = render(
            &[Step::Ask {
                prompts: vec![],
                timeout_secs: 5,
                speech_hints: vec![],
            }],
            &voice(),
            &Urls,
        );
        assert!(xml.contains("step=3&amp;event=input"), "{xml}");
    }

    #[test]
    fn a_gather_is_always_followed_by_a_redirect() {
        let xml = render(
            &[Step::Ask {
                prompts: vec![Prompt::Speech("Tapez 1".into())],
                timeout_secs: 6,
                speech_hints: vec!["allaitement".into()],
            }],
            &voice(),
            &Urls,
        );
        let gather_end = xml.find("</Gather>").expect("a Gather");
        assert!(
            xml[gather_end..].contains(
                "<Redirect method=\"POST\">https://h.example/twilio/voice/next?step=3&amp;event=no-input</Redirect>"
            ),
            "{xml}"
        );
        assert!(xml.contains(r#"input="dtmf speech""#), "{xml}");
        assert!(
            xml.starts_with(r#"<?xml version="1.0" encoding="UTF-8"?><Response>"#),
            "{xml}"
        );
    }

    #[test]
    fn control_characters_never_reach_the_document() {
        let xml = render(
            &[Step::Play(vec![Prompt::Speech("Au revoir\u{7}\u{FFFF}.".into())])],
            &voice(),
            &Urls,
        );
        assert!(xml.contains(">Au revoir.</Say>"), "{xml}");
    }

    #[test]
    fn fallback_dials_the_configured_number() {
        let xml = safe_fallback(&voice(), Some("+33123456789"), Some("+33800000000"));
        assert!(xml.contains("<Number>+33123456789</Number>"), "{xml}");
        assert!(xml.contains(r#"callerId="+33800000000""#), "{xml}");
        assert!(xml.contains(r#"language="fr-FR""#));
    }
}
