//! Keywords: a whole message that is one command word, whatever its accents,
//! case and punctuation (« Arrêt », "stop!", "RAPPEL svp").
//!
//! Only the whole message counts, as carriers do for STOP: « je veux que ça
//! s'arrête » is a message to read, not an opt-out.

use super::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    /// AIDE, MENU: what the bot can do.
    Help,
    /// RAPPEL, HUMAIN, CONSEILLER: a person should call back.
    Callback,
    /// STOP, ARRET (and the carriers' English words): no more pushed messages.
    Stop,
    /// START: pushed messages again.
    Start,
    /// HORAIRES.
    Hours,
    /// ADRESSE.
    Address,
    /// "1", "2", "3": a choice in a list the bot offered.
    Choice(usize),
}

/// Politeness around a keyword does not make it a sentence.
const COURTESY: &[&str] = &[
    "svp", "s", "il", "vous", "te", "plait", "merci", "please", "bonjour", "salut",
];

pub fn parse(body: &str) -> Option<Keyword> {
    let words: Vec<String> = text::tokens(body)
        .into_iter()
        .filter(|w| !COURTESY.contains(&w.as_str()))
        .collect();
    let [word] = words.as_slice() else {
        return match words.as_slice() {
            [a, b] if a == "rappelez" && b == "moi" => Some(Keyword::Callback),
            [a, b] if (a == "le" || a == "n") && is_choice(b) => b.parse().ok().map(Keyword::Choice),
            // « c où ? », « vous êtes où ? »: too short for the knowledge base, plain enough here.
            [a, b] if matches!(a.as_str(), "c" | "cest" | "etes" | "es") && b == "ou" => Some(Keyword::Address),
            [a, b, c] if a == "c" && b == "est" && c == "ou" => Some(Keyword::Address),
            [a, b, c] if a == "vous" && matches!(b.as_str(), "etes" | "etes?") && c == "ou" => Some(Keyword::Address),
            [a, b, c] if a == "c" && b == "ou" && matches!(c.as_str(), "maison" | "ca") => Some(Keyword::Address),
            _ => None,
        };
    };
    Some(match word.as_str() {
        "aide" | "menu" | "help" | "info" => Keyword::Help,
        "rappel" | "rappeler" | "rappelez" | "humain" | "conseiller" | "conseillere" | "rappellez" | "appel" => {
            Keyword::Callback
        }
        "stop" | "arret" | "arreter" | "stopall" | "unsubscribe" | "cancel" | "end" | "quit" | "optout" | "revoke" => {
            Keyword::Stop
        }
        "start" | "unstop" => Keyword::Start,
        "horaires" | "horaire" => Keyword::Hours,
        "adresse" | "adresses" | "adresse?" => Keyword::Address,
        w if is_choice(w) => Keyword::Choice(w.parse().ok()?),
        _ => return None,
    })
}

fn is_choice(word: &str) -> bool {
    matches!(word, "1" | "2" | "3")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_ignore_case_accents_punctuation_and_courtesy() {
        for (text, expected) in [
            ("AIDE", Keyword::Help),
            ("menu", Keyword::Help),
            ("Rappel svp", Keyword::Callback),
            ("humain", Keyword::Callback),
            ("Conseillère !", Keyword::Callback),
            ("c ou ?", Keyword::Address),
            ("C'est où ?", Keyword::Address),
            ("vous êtes où", Keyword::Address),
            ("rappelez-moi", Keyword::Callback),
            ("STOP", Keyword::Stop),
            ("Arrêt", Keyword::Stop),
            ("arret.", Keyword::Stop),
            ("Start", Keyword::Start),
            ("horaires ?", Keyword::Hours),
            ("Adresse", Keyword::Address),
            ("2", Keyword::Choice(2)),
            ("le 1", Keyword::Choice(1)),
            (" 3. ", Keyword::Choice(3)),
        ] {
            assert_eq!(parse(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn a_sentence_is_not_a_keyword() {
        for text in [
            "je veux que ça s'arrête",
            "stop les pleurs comment faire",
            "quels sont les horaires de la pmi",
            "4",
            "12",
            "",
            "aide moi a dormir",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
