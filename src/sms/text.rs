//! How parents really write, brought to one plain form: lower case, no accents,
//! apostrophes and punctuation as spaces (so elisions fall apart: « l'allaitement »
//! → `l allaitement`), and the common SMS spellings written out (`bb` → `bebe`,
//! `pk` → `pourquoi`, `jsp` → `je sais pas`).
//!
//! Matching the knowledge base ([`super::matcher`]) and recognising distress
//! ([`super::safety`]) both read this form, so they agree on what a word is.

use unicode_normalization::UnicodeNormalization;

/// The plain form of a text: words separated by single spaces.
pub fn normalize(text: &str) -> String {
    tokens(text).join(" ")
}

/// The words of a text in plain form, SMS spellings written out.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Letters of every script are words (« بغيت », « хочу »): the distress
    // classifier reads Arabic and Cyrillic too; the knowledge base ignores them.
    for raw in fold(text).split(|c: char| !c.is_alphanumeric()) {
        if raw.is_empty() {
            continue;
        }
        match expansion(raw) {
            Some(words) => out.extend(words.split(' ').filter(|w| !w.is_empty()).map(str::to_owned)),
            None => out.push(squeeze(raw)),
        }
    }
    out
}

/// Lower case, accents removed, ligatures opened, every other character kept
/// as is (the caller splits on anything that is not a letter or a digit).
pub fn fold(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.nfkd() {
        match c {
            'œ' | 'Œ' => s.push_str("oe"),
            'æ' | 'Æ' => s.push_str("ae"),
            'ß' => s.push_str("ss"),
            // Letters that Unicode does not decompose (Turkish, Polish, Nordic).
            'ı' => s.push('i'),
            'ł' | 'Ł' => s.push('l'),
            'ø' | 'Ø' => s.push('o'),
            'đ' | 'Đ' => s.push('d'),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

/// Letters repeated for emphasis (« auuuusecours », « fatiguéeeee ») count once
/// past two: French words never hold three identical letters in a row.
fn squeeze(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    let mut run = 0;
    for c in word.chars() {
        if Some(c) == last {
            run += 1;
        } else {
            run = 1;
            last = Some(c);
        }
        if run <= 2 || c.is_ascii_digit() {
            out.push(c);
        }
    }
    out
}

/// SMS spellings and common contractions, written out. Only forms that are not
/// also ordinary French words; a lone `c` stays as it is, since after the
/// apostrophes are split it is as often the « c » of « c'est » as « c » = « c'est ».
fn expansion(word: &str) -> Option<&'static str> {
    Some(match word {
        "bb" | "bebe" | "bbe" | "bebes" | "bbs" => "bebe",
        "pk" | "pq" | "pkoi" | "pourkoi" | "prkoi" => "pourquoi",
        "pcq" | "pck" | "psk" | "paske" | "parske" | "pske" => "parce que",
        "stp" | "svp" | "sivouplait" => "s il vous plait",
        "jsp" | "chepa" | "chaipas" => "je sais pas",
        "chui" | "chuis" | "jsuis" | "jsui" | "shui" => "je suis",
        "jai" | "g" => "j ai",
        "jveux" | "jveu" => "je veux",
        "jpeux" | "jpeu" | "jpx" => "je peux",
        "jarrive" => "j arrive",
        "jsais" | "chai" => "je sais",
        "jme" => "je me",
        "jle" => "je le",
        "jla" => "je la",
        "cest" => "c est",
        "ke" | "k" => "que",
        "koi" | "kwa" => "quoi",
        "ki" => "qui",
        "kel" | "kelle" | "kels" | "kelles" => "quel",
        "kan" | "kand" | "qd" | "qnd" | "quan" => "quand",
        "cmt" | "cmnt" | "koment" | "comen" | "commen" => "comment",
        "cb" | "combi1" | "cmb" => "combien",
        "tt" => "tout",
        "tjrs" | "tjs" | "tjr" | "toujour" => "toujours",
        "bcp" | "bcoup" | "bocou" => "beaucoup",
        "pb" | "pbm" | "pblm" | "prob" => "probleme",
        "ds" => "dans",
        "dc" => "donc",
        "ms" => "mais",
        "nn" => "non",
        "jms" | "jamai" => "jamais",
        "pr" => "pour",
        "vs" => "vous",
        "mm" => "meme",
        "ac" | "avc" | "avk" => "avec",
        "ptit" | "pti" | "ptite" | "ptits" => "petit",
        "bjr" | "bonjr" | "bjour" => "bonjour",
        "bsr" => "bonsoir",
        "slt" | "cc" | "coucou" => "salut",
        "mrc" | "mrci" | "mci" | "merki" => "merci",
        "dsl" | "dezole" => "desole",
        "rdv" | "rdvs" | "rendezvous" => "rendez vous",
        "auj" | "ajd" | "ajrd" | "aujourdhui" | "aujourd8" => "aujourd hui",
        "2m1" | "dem1" => "demain",
        "bi1" => "bien",
        "ya" | "yen" => "il y a",
        "fo" | "fau" => "faut",
        "vx" => "veux",
        "px" => "peux",
        "mwa" | "moa" => "moi",
        "toa" => "toi",
        "tkt" => "t inquiete",
        "nrv" => "enerve",
        "oqp" => "occupe",
        "bibi" | "bib" | "bibs" => "biberon",
        "tetees" => "tetee",
        "pedia" | "pedi" | "pediatr" => "pediatre",
        "psy" | "psys" => "psychologue",
        "taf" | "boulot" => "travail",
        "mater" => "maternite",
        "nounou" | "nounous" => "nourrice",
        "gyneco" | "gyne" => "gynecologue",
        "echo" | "echos" => "echographie",
        "mdr" | "lol" | "ptdr" | "xd" => "",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_elisions_fall_away() {
        assert_eq!(normalize("L’allaitement, c’est DUR !"), "l allaitement c est dur");
        assert_eq!(normalize("Ma fille a 3 mois et 39°C"), "ma fille a 3 mois et 39 c");
        assert_eq!(normalize("Œdème, crèche, nourrice"), "oedeme creche nourrice");
        assert_eq!(
            normalize("nasıl başlamalıyım, dziękuję, łóżko"),
            "nasil baslamaliyim dziekuje lozko"
        );
    }

    #[test]
    fn sms_spellings_are_written_out() {
        assert_eq!(
            normalize("bjr mon bb pleure tt le tps pk ?"),
            "bonjour mon bebe pleure tout le tps pourquoi"
        );
        assert_eq!(normalize("jsp koi faire stp"), "je sais pas quoi faire s il vous plait");
        assert_eq!(normalize("c koi les horaires"), "c quoi les horaires");
        assert_eq!(normalize("g un rdv ajd"), "j ai un rendez vous aujourd hui");
    }

    #[test]
    fn repeated_letters_count_twice_at_most() {
        assert_eq!(normalize("auuuuuussecouuurs"), "auussecouurs");
        assert_eq!(normalize("fatiguééééée"), "fatiguee");
        assert_eq!(normalize("allaitement 1000"), "allaitement 1000");
    }

    #[test]
    fn laughter_is_dropped() {
        assert_eq!(normalize("mdr jsuis creve lol"), "je suis creve");
    }
}
