//! Is a message written in another language than French?
//!
//! The bot answers in French only; a parent writing in English, Spanish,
//! Arabic… must at least learn that, and how to reach a person. Short texts
//! fool any detector, and French SMS spelling fools them more: a message is
//! foreign only when the detector is confident and almost no French word is there.

use whatlang::{Detector, Lang, Script};

use super::text;

/// Frequent French words; two of them make a message French whatever a detector says.
const FRENCH: &[&str] = &[
    "je", "j", "tu", "il", "elle", "on", "nous", "vous", "mon", "ma", "mes", "le", "la", "les", "un", "une", "des",
    "de", "du", "est", "suis", "ai", "pas", "qui", "quoi", "pour", "avec", "dans", "et", "bonjour", "merci", "comment",
    "quand", "pourquoi", "fille", "fils", "enfant", "mois", "ne", "au", "aux", "c", "ca", "sur", "mais", "ou", "si",
    "salut",
];

/// Words that are frequent in the languages parents most often write in here
/// and are not French words: a detector alone is unreliable on ten words.
const FOREIGN: &[&str] = &[
    // English
    "my",
    "the",
    "is",
    "what",
    "how",
    "can",
    "does",
    "not",
    "baby",
    "hello",
    "hi",
    "please",
    "and",
    "you",
    "with",
    "when",
    "where",
    "sleep",
    "milk",
    "help",
    "she",
    "he",
    "his",
    "her",
    "doesn",
    "don",
    "should",
    "why",
    "have",
    // Spanish
    "hola",
    "mi",
    "el",
    "quiere",
    "puedo",
    "hacer",
    "es",
    "hijo",
    "hija",
    "como",
    "tengo",
    "leche",
    "gracias",
    "necesito",
    "ayuda",
    "por",
    "favor",
    "donde", // Portuguese
    "ola",
    "meu",
    "minha",
    "nao",
    "filho",
    "filha",
    "posso",
    "muito",
    "obrigado",
    "obrigada",
    "preciso",
    "voce",
    "hola",
    "meses",
    "noche",
    "duerme",
    "puedo",
    "pecho",
    "embarazada",
    "nino",
    "nina",
    "usted",
    "gracias",
    // Italian, German, Turkish, Romanian, Polish
    "ciao",
    "mio",
    "figlio",
    "bambino",
    "hallo",
    "ich",
    "mein",
    "kind",
    "nicht",
    "merhaba",
    "bebegim",
    "benim",
    "nasil",
    "buna",
    "copilul",
    "meu",
    "buongiorno",
    "allatto",
    "guten",
    "tag",
    "welche",
    "fur",
    "dzien",
    "dobry",
    "moje",
    "dziecko",
    "jest",
    "sie",
    "ziua",
    // Moroccan Arabic written in Latin letters
    "salam",
    "salamo",
    "3andi",
    "andi",
    "bghit",
    "bghach",
    "chno",
    "achno",
    "ndir",
    "wach",
    "kayn",
    "kayna",
    "dyal",
    "mzyan",
    "bzaf",
    "walo",
    "3afak",
    "afak",
    "katbki",
    "mashi",
    "machi",
    "kifach",
    "kifash",
    "m3a",
    "3andkom",
    "3ndi",
    "bghina",
    "nakhod",
    "chhal",
    "ch7al",
    "imta",
    "wlidi",
    "wldi",
    "bnti",
    "rani",
    "daba",
    "ghir",
    // Portuguese, Spanish and Romanian words met since
    "quantos",
    "cuantos",
    "leite",
    "deve",
    "um",
    "uma",
    "meses",
    "edad",
    "puede",
    "pode",
    "quando",
    "cuando",
    "guarderia",
    "dreptul",
    "pentru",
    "sunt",
    "ajutor",
    "copil",
];

/// Letters and marks of the languages parents write in here that French
/// never uses (Spanish, Portuguese, Romanian, Turkish, Polish, German…).
const NOT_FRENCH: &str = "¿¡ñÑãÃõÕăĂșȘşŞțȚţŢğĞıİłŁąĄęĘśŚźŹżŻńŃćĆőŐűŰßåÅøØčČšŠžŽřŘ";

/// Whether the message is most likely in a language other than French.
pub fn is_foreign(message: &str) -> bool {
    let letters = message.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return false;
    }
    let latin = message.chars().filter(|c| c.is_alphabetic() && is_latin(*c)).count();
    if latin * 2 < letters {
        // Arabic, Cyrillic, Chinese…: not French, whatever the words.
        return true;
    }
    let tokens = text::tokens(message);
    if tokens.len() < 3 {
        return false;
    }
    let french = tokens.iter().filter(|t| FRENCH.contains(&t.as_str())).count();
    // « ¿ », « ñ », « ș », « ã »… French never writes them: a name holds one, a sentence several.
    let marks = message.chars().filter(|c| NOT_FRENCH.contains(*c)).count();
    if message.contains(['¿', '¡']) || (marks >= 2 && marks >= french) {
        return true;
    }
    let foreign = tokens.iter().filter(|t| FOREIGN.contains(&t.as_str())).count();
    // « de », « la », « ma » are Spanish, Portuguese or Darija words too: count both sides.
    if foreign >= 2 && foreign > french {
        return true;
    }
    if french >= 2 {
        return false;
    }
    let detector = Detector::with_allowlist(vec![
        Lang::Fra,
        Lang::Eng,
        Lang::Spa,
        Lang::Por,
        Lang::Ita,
        Lang::Deu,
        Lang::Tur,
        Lang::Nld,
        Lang::Ron,
        Lang::Pol,
    ]);
    match detector.detect(message) {
        Some(info) => info.lang() != Lang::Fra && info.script() == Script::Latin && info.confidence() >= 0.5,
        None => false,
    }
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_languages_are_recognised() {
        for m in [
            "Hello, my baby does not sleep at night, what can I do?",
            "Hola, mi bebé no quiere tomar el pecho, que puedo hacer",
            "Olá, o meu bebé chora muito à noite, o que posso fazer?",
            "مرحبا، طفلي لا ينام في الليل",
            "Merhaba bebeğim geceleri hiç uyumuyor ne yapmalıyım",
            "Hola, mi bebé de 3 meses no duerme por la noche, ¿es normal?",
            "salam 3andi bebe 2 mois ma bghach yrda3 mzyan, chno ndir?",
            "Hola, ¿a qué edad se empieza a dar comida sólida al bebé?",
            "Bună ziua, am dreptul la ajutor de la CAF pentru naștere? Sunt însărcinată în 4 luni.",
            "quantos ml de leite deve tomar um bebê de 2 meses?",
            "salam, kifach nakhod rendez-vous m3a sage-femme 3andkom?",
        ] {
            assert!(is_foreign(m), "{m}");
        }
    }

    #[test]
    fn french_in_any_spelling_is_french() {
        for m in [
            "bjr mon bb pleure tt le tps pk",
            "allaitement",
            "horaires ?",
            "Bonjour, ma fille ne fait pas ses nuits",
            "jsp koi faire stp",
            "creche nourice",
            "mon bebe de 3 mois ne dort pas la nuit, c'est normal ?",
            "hello, ma fille a de la fièvre",
            "ma fille Ayşe Yılmaz a de la fièvre depuis hier, elle a 8 mois",
            "le papa de Łukasz demande les horaires de la crèche",
            "ok",
            "",
        ] {
            assert!(!is_foreign(m), "{m}");
        }
    }
}
