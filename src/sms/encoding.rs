//! SMS encodings and segment counts, and the typographic tidying that keeps
//! French replies in GSM-7.
//!
//! Why it matters: the network bills per part, and a single character outside
//! GSM 03.38 (a curly apostrophe from a word processor, a `ê`) switches the
//! *whole* message to UCS-2, dropping a part from 160 to 70 characters. A
//! 150-character answer then costs three parts instead of one. Counting the way
//! the network does lets the bot and the back-office show the real cost before
//! sending, and [`tidy`] removes the typographic characters that cause the
//! switch for no visible gain.
//!
//! Segmenting follows what gateways do when they split (Twilio, for one, never
//! cuts a surrogate pair): a concatenated part never ends inside a character, so
//! a 2-septet extension character (`€`) or a UTF-16 surrogate pair (an emoji)
//! that does not fit at the end of a part moves whole to the next part. Counts
//! can thus exceed `ceil(units / per_part)`.

/// Septets in a single GSM-7 SMS.
const GSM7_SINGLE: usize = 160;
/// Septets per part once split: the concatenation header (UDH) takes 7.
const GSM7_PER_PART: usize = 153;
/// UTF-16 code units in a single UCS-2 SMS.
const UCS2_SINGLE: usize = 70;
/// UTF-16 code units per part once split: the UDH takes 3.
const UCS2_PER_PART: usize = 67;

/// The alphabet the network will use, decided by the content alone: the sender
/// does not get to choose, so this is a fact to report, not a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    /// GSM 03.38 default alphabet (with its extension table), 7 bits a character.
    #[serde(rename = "gsm-7")]
    Gsm7,
    /// UTF-16 (called UCS-2 by carriers), 16 bits a code unit.
    #[serde(rename = "ucs-2")]
    Ucs2,
}

impl Encoding {
    /// The name carriers and SMS providers use, so logs and the back-office
    /// read the same as a provider's dashboard (and as the serialised form).
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "gsm-7",
            Encoding::Ucs2 => "ucs-2",
        }
    }

    /// Units in a message that is sent whole, without a concatenation header.
    fn single_part(self) -> usize {
        match self {
            Encoding::Gsm7 => GSM7_SINGLE,
            Encoding::Ucs2 => UCS2_SINGLE,
        }
    }

    /// Units per part of a concatenated message.
    fn per_part(self) -> usize {
        match self {
            Encoding::Gsm7 => GSM7_PER_PART,
            Encoding::Ucs2 => UCS2_PER_PART,
        }
    }
}

/// What a text will cost on the network. `units` is what the limits apply to;
/// `chars` is what a person sees, kept apart because the two differ (`€` is one
/// character but two septets, an emoji one character but two code units).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct SegmentCount {
    pub encoding: Encoding,
    /// Septets (GSM-7) or UTF-16 code units (UCS-2).
    pub units: usize,
    /// Characters as a person counts them (Unicode scalar values).
    pub chars: usize,
    /// SMS parts billed; 0 for an empty text.
    pub segments: usize,
}

/// Counts as the network will: encoding chosen by the content, then segments.
///
/// Parts are filled greedily and a character is never split between two parts
/// (see the module docs), because that is how gateways cut, and so how they bill.
pub fn count(text: &str) -> SegmentCount {
    let encoding = if is_gsm7(text) { Encoding::Gsm7 } else { Encoding::Ucs2 };
    let cost = |c: char| match encoding {
        // is_gsm7 has just checked every character, so the fallback is never used.
        Encoding::Gsm7 => gsm7_septets(c).unwrap_or(2),
        Encoding::Ucs2 => c.len_utf16(),
    };
    let units: usize = text.chars().map(cost).sum();
    let segments = if units == 0 {
        0
    } else if units <= encoding.single_part() {
        1
    } else {
        let per_part = encoding.per_part();
        let mut parts = 1;
        let mut used = 0;
        for c in text.chars() {
            let c = cost(c);
            if used + c > per_part {
                parts += 1;
                used = 0;
            }
            used += c;
        }
        parts
    };
    SegmentCount {
        encoding,
        units,
        chars: text.chars().count(),
        segments,
    }
}

/// Whether every character is in the GSM-7 default or extension table.
///
/// Lowercase `ç` answers no, on purpose. ETSI's table has a *capital* `Ç` at
/// 0x09, while the Unicode mapping (GSM0338.TXT) gives 0x09 to `ç`; gateways
/// disagree on which to accept, and handsets on which to display (some show
/// `Ça va` for `ça va`). Treating `ç` as UCS-2 is the one choice that never
/// under-counts the bill, whatever the gateway does, and it delivers the letter
/// that was written. The price is a shorter segment for texts with a `ç`.
pub fn is_gsm7(text: &str) -> bool {
    text.chars().all(|c| gsm7_septets(c).is_some())
}

/// Septets a character takes in GSM-7: 1 in the default table, 2 in the
/// extension table (an escape, then the code), `None` when GSM-7 cannot carry it.
///
/// Written out in full rather than derived from a Unicode property, because
/// GSM 03.38 is an arbitrary list: it has `è` but not `ê`, `Ç` but not `ç`,
/// and lacks the backtick although it has every other ASCII punctuation mark
/// outside the extension table.
fn gsm7_septets(c: char) -> Option<usize> {
    match c {
        'A'..='Z' | 'a'..='z' | '0'..='9' | ' ' | '\n' | '\r' => Some(1),
        '!' | '"' | '#' | '%' | '&' | '\'' | '(' | ')' | '*' | '+' | ',' | '-' | '.' | '/' => Some(1),
        ':' | ';' | '<' | '=' | '>' | '?' => Some(1),
        '@' | '£' | '$' | '¥' | '¤' | '¡' | '§' | '¿' | '_' => Some(1),
        'è' | 'é' | 'ù' | 'ì' | 'ò' | 'Ç' | 'Ø' | 'ø' | 'Å' | 'å' | 'Æ' | 'æ' | 'ß' | 'É' => Some(1),
        'Ä' | 'Ö' | 'Ñ' | 'Ü' | 'ä' | 'ö' | 'ñ' | 'ü' | 'à' => Some(1),
        'Δ' | 'Φ' | 'Γ' | 'Λ' | 'Ω' | 'Π' | 'Ψ' | 'Σ' | 'Θ' | 'Ξ' => Some(1),
        '^' | '{' | '}' | '\\' | '[' | '~' | ']' | '|' | '€' | '\u{0C}' => Some(2),
        _ => None,
    }
}

/// Spaces as French typography writes them before `; : ! ?` and inside « »:
/// no-break (U+00A0), narrow no-break (U+202F) and thin (U+2009).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// Replaces typographic characters that have a plain GSM-7 equivalent, so
/// ordinary French text stays GSM-7: `’ ‘ ‚ ′` and the backtick become `'`;
/// `“ ” „ « »` become `"` (dropping the spaces inside « », so « oui » becomes
/// `"oui"`); `…` becomes `...`; `– — −` and `•` become `-`; the no-break and
/// thin spaces (U+00A0, U+202F, U+2009) become plain spaces; runs of spaces
/// collapse to one. Accented letters are not changed.
///
/// Why: these characters come from word processors and phone keyboards, not
/// from intent, and any one of them costs the whole message its GSM-7 limit.
/// Their plain forms read the same on a phone. The spaces inside « » go
/// because `" oui "` reads as two stray quotes, not as a quotation. Hyphens
/// U+2010 and U+2011 are also made plain, for the same reason as the dashes.
///
/// Accented letters are left alone: `ê` → `e` would make a reply wrong French,
/// a trade-off only the caller can make (see [`count`] for the cost).
///
/// Text that still needs UCS-2 after tidying can get slightly longer (`…` is
/// one code unit, `...` three); tidying pays off when it brings the text to GSM-7.
/// Runs of spaces are collapsed but ends are not trimmed, and line breaks are
/// kept, since they are part of the layout the author chose.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Set right after « so the spaces French typography puts inside it are dropped.
    let mut opening_quote = false;
    for c in text.chars() {
        if is_space(c) {
            if !opening_quote && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        opening_quote = false;
        match c {
            '’' | '‘' | '‚' | '′' | '`' => out.push('\''),
            '“' | '”' | '„' => out.push('"'),
            '«' => {
                out.push('"');
                opening_quote = true;
            }
            '»' => {
                let kept = out.trim_end_matches(' ').len();
                out.truncate(kept);
                out.push('"');
            }
            '…' => out.push_str("..."),
            '–' | '—' | '−' | '\u{2010}' | '\u{2011}' | '•' => out.push('-'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn counted(text: &str) -> (Encoding, usize, usize, usize) {
        let c = count(text);
        (c.encoding, c.units, c.chars, c.segments)
    }

    #[test]
    fn plain_text_limits() {
        assert_eq!(counted(&"a".repeat(160)), (Encoding::Gsm7, 160, 160, 1));
        assert_eq!(counted(&"a".repeat(161)), (Encoding::Gsm7, 161, 161, 2));
        assert_eq!(counted(&"a".repeat(306)), (Encoding::Gsm7, 306, 306, 2));
        assert_eq!(counted(&"a".repeat(307)), (Encoding::Gsm7, 307, 307, 3));
        assert_eq!(counted(&"a".repeat(459)), (Encoding::Gsm7, 459, 459, 3));
        assert_eq!(counted(&"a".repeat(460)), (Encoding::Gsm7, 460, 460, 4));
    }

    #[test]
    fn ucs2_limits() {
        assert_eq!(counted(&"ê".repeat(70)), (Encoding::Ucs2, 70, 70, 1));
        assert_eq!(counted(&"ê".repeat(71)), (Encoding::Ucs2, 71, 71, 2));
        assert_eq!(counted(&"ê".repeat(134)), (Encoding::Ucs2, 134, 134, 2));
        assert_eq!(counted(&"ê".repeat(135)), (Encoding::Ucs2, 135, 135, 3));
        // One non-GSM character among plain ones: the whole text is UCS-2.
        let text = format!("{}ê", "a".repeat(69));
        assert_eq!(counted(&text), (Encoding::Ucs2, 70, 70, 1));
        let text = format!("{}ê", "a".repeat(70));
        assert_eq!(counted(&text), (Encoding::Ucs2, 71, 71, 2));
    }

    #[test]
    fn empty_text_costs_nothing() {
        assert_eq!(counted(""), (Encoding::Gsm7, 0, 0, 0));
        assert!(is_gsm7(""));
    }

    #[test]
    fn french_letters_in_gsm7() {
        for text in ["é è à ù É", "Ç", "ü", "Où est-il ? Déjà là", "L'été à 5 € !"] {
            assert!(is_gsm7(text), "{text:?}");
            assert_eq!(count(text).encoding, Encoding::Gsm7, "{text:?}");
        }
        assert_eq!(counted("é è à ù É"), (Encoding::Gsm7, 9, 9, 1));
    }

    #[test]
    fn whole_default_table_is_one_septet_each() {
        let table = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
                     ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
        // 128 positions less the escape code.
        assert_eq!(table.chars().count(), 127);
        assert!(is_gsm7(table));
        assert_eq!(counted(table), (Encoding::Gsm7, 127, 127, 1));
    }

    #[test]
    fn characters_that_force_ucs2() {
        for c in [
            "ê", "ç", "œ", "Œ", "’", "«", "»", "…", "–", "—", "â", "î", "ô", "û", "ë", "ï", "ÿ", "`", "\u{A0}",
            "\u{202F}", "\t", "👶",
        ] {
            let text = format!("Bonjour {c} merci");
            assert!(!is_gsm7(&text), "{c:?}");
            assert_eq!(count(&text).encoding, Encoding::Ucs2, "{c:?}");
        }
        // Capital accented letters other than É Ç Ä Ö Ñ Ü.
        for c in ["À", "È", "Ê", "Î", "Ô", "Ù", "Û"] {
            assert!(!is_gsm7(c), "{c:?}");
        }
    }

    #[test]
    fn extension_characters_cost_two_septets() {
        assert_eq!(counted("€"), (Encoding::Gsm7, 2, 1, 1));
        assert_eq!(counted("[]"), (Encoding::Gsm7, 4, 2, 1));
        assert_eq!(counted("^{}\\[~]|€\u{0C}"), (Encoding::Gsm7, 20, 10, 1));
        assert_eq!(counted("Prix : 5 €"), (Encoding::Gsm7, 11, 10, 1));
        // In UCS-2 the same character is a single code unit.
        assert_eq!(counted("5 € ê"), (Encoding::Ucs2, 5, 5, 1));
    }

    #[test]
    fn euro_signs_fill_the_single_part() {
        assert_eq!(counted(&"€".repeat(80)), (Encoding::Gsm7, 160, 80, 1));
        assert_eq!(counted(&"€".repeat(81)), (Encoding::Gsm7, 162, 81, 2));
        let text = format!("{}a", "€".repeat(79));
        assert_eq!(counted(&text), (Encoding::Gsm7, 159, 80, 1));
        let text = format!("{}€", "a".repeat(159));
        assert_eq!(counted(&text), (Encoding::Gsm7, 161, 160, 2));
    }

    #[test]
    fn extension_character_not_split_across_parts() {
        // 306 septets would fit two parts, but the € would straddle them.
        let text = format!("{}€{}", "a".repeat(152), "a".repeat(152));
        assert_eq!(counted(&text), (Encoding::Gsm7, 306, 305, 3));
        // Same length, € wholly inside the first part: two parts.
        let text = format!("{}€{}", "a".repeat(151), "a".repeat(153));
        assert_eq!(counted(&text), (Encoding::Gsm7, 306, 305, 2));
        // 76 € fill 152 of 153 septets; the 77th starts part two.
        assert_eq!(count(&"€".repeat(153)).segments, 3);
        assert_eq!(count(&"€".repeat(152)).segments, 2);
    }

    #[test]
    fn emoji_counts_two_units() {
        assert_eq!(counted("👶"), (Encoding::Ucs2, 2, 1, 1));
        assert_eq!(counted("Bravo 👶"), (Encoding::Ucs2, 8, 7, 1));
        let text = format!("{}👶", "a".repeat(68));
        assert_eq!(counted(&text), (Encoding::Ucs2, 70, 69, 1));
        let text = format!("{}👶", "a".repeat(69));
        assert_eq!(counted(&text), (Encoding::Ucs2, 71, 70, 2));
    }

    #[test]
    fn surrogate_pair_not_split_across_parts() {
        // 134 code units would fit two parts, but the pair would straddle them.
        let text = format!("{}👶{}", "ê".repeat(66), "ê".repeat(66));
        assert_eq!(counted(&text), (Encoding::Ucs2, 134, 133, 3));
        let text = format!("{}👶{}", "ê".repeat(65), "ê".repeat(67));
        assert_eq!(counted(&text), (Encoding::Ucs2, 134, 133, 2));
        // 33 emoji fill 66 of 67 units; the 34th starts part two.
        assert_eq!(count(&"👶".repeat(67)).segments, 3);
        assert_eq!(count(&"👶".repeat(66)).segments, 2);
        assert_eq!(count(&"👶".repeat(35)).segments, 1);
        assert_eq!(count(&"👶".repeat(36)).segments, 2);
    }

    #[test]
    fn encoding_names() {
        assert_eq!(Encoding::Gsm7.as_str(), "gsm-7");
        assert_eq!(Encoding::Ucs2.as_str(), "ucs-2");
        for e in [Encoding::Gsm7, Encoding::Ucs2] {
            assert_eq!(serde_json::to_value(e).unwrap(), serde_json::json!(e.as_str()));
        }
        assert_eq!(
            serde_json::to_value(count("€")).unwrap(),
            serde_json::json!({"encoding": "gsm-7", "units": 2, "chars": 1, "segments": 1})
        );
    }

    #[test]
    fn tidy_french_typography() {
        let text = "L’enfant dort\u{A0}? « Oui\u{202F}», c’est ça… – vraiment — top\u{202F}!";
        let tidied = tidy(text);
        assert_eq!(tidied, "L'enfant dort ? \"Oui\", c'est ça... - vraiment - top !");
        // ç is kept; only it stands between this text and GSM-7.
        assert_eq!(count(&tidied).encoding, Encoding::Ucs2);
        assert!(is_gsm7(&tidied.replace('ç', "c")));
    }

    #[test]
    fn tidy_each_mapping() {
        assert_eq!(tidy("’‘‚′`"), "'''''");
        assert_eq!(tidy("“a” „b“"), "\"a\" \"b\"");
        assert_eq!(tidy("« oui »"), "\"oui\"");
        assert_eq!(tidy("«\u{A0}oui\u{A0}»"), "\"oui\"");
        assert_eq!(tidy("«\u{202F}oui\u{202F}»"), "\"oui\"");
        assert_eq!(tidy("«oui»"), "\"oui\"");
        assert_eq!(tidy("il a dit « d’accord » puis"), "il a dit \"d'accord\" puis");
        assert_eq!(tidy("«  »"), "\"\"");
        assert_eq!(tidy("attendez…"), "attendez...");
        assert_eq!(tidy("a–b—c−d‐e‑f"), "a-b-c-d-e-f");
        assert_eq!(tidy("10\u{A0}000\u{202F}€ et 5\u{2009}%"), "10 000 € et 5 %");
        assert_eq!(tidy("• lait\n• couches"), "- lait\n- couches");
        assert_eq!(tidy("a   b \u{A0} c"), "a b c");
        assert_eq!(tidy(""), "");
    }

    #[test]
    fn tidy_keeps_letters_and_layout() {
        for text in [
            "é ê è à â ç œ Œ ï ÿ ü É",
            "ligne 1\nligne 2\r\n",
            "  bonjour ",
            "👶\t[€]",
        ] {
            assert_eq!(tidy(text), text.replace("  ", " "), "{text:?}");
        }
    }

    #[test]
    fn tidy_brings_a_typical_reply_back_to_one_part() {
        let reply =
            "Bonjour\u{A0}! L’allaitement se passe bien\u{202F}? Appelez le 0 800 00 34 56 « quand vous voulez » \
                     – c’est gratuit…";
        assert_eq!(count(reply).encoding, Encoding::Ucs2);
        assert_eq!(count(reply).segments, 2);
        let tidied = tidy(reply);
        assert!(is_gsm7(&tidied));
        assert_eq!(count(&tidied).segments, 1);
    }

    /// Characters covering every branch: plain GSM-7, extension, French letters
    /// in and out of GSM-7, typographic characters, spaces, astral emoji.
    const MIXED: &[char] = &[
        'a', 'Z', '0', ' ', ' ', ' ', '\n', '\'', '"', 'é', 'è', 'à', 'É', 'Ç', 'Δ', '€', '[', '^', '\u{0C}', 'ç', 'ê',
        'œ', '’', '‘', '‚', '′', '`', '“', '”', '„', '«', '»', '…', '–', '—', '−', '\u{A0}', '\u{202F}', '\u{2009}',
        '•', '\t', '👶', '😀',
    ];
    /// GSM-7 only, mostly one septet, so multi-part GSM-7 texts are common.
    const GSM: &[char] = &[
        'a', 'b', 'Z', '0', ' ', ' ', '.', '\n', 'é', 'à', 'Ç', '@', '€', '[', '~', '\u{0C}',
    ];
    /// What tidy() turns into GSM-7.
    const TYPOGRAPHIC: &[char] = &[
        '’', '‘', '‚', '′', '`', '“', '”', '„', '«', '»', '…', '–', '—', '−', '\u{A0}', '\u{202F}', '\u{2009}', '•',
    ];

    fn text_over(alphabet: &'static [char], max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(alphabet), 0..max).prop_map(|v| v.into_iter().collect())
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![text_over(MIXED, 400), text_over(GSM, 500), text_over(MIXED, 80)]
    }

    proptest! {
        #[test]
        fn tidy_is_idempotent(text in any_text()) {
            let once = tidy(&text);
            prop_assert_eq!(tidy(&once), once);
        }

        #[test]
        fn tidy_keeps_gsm7_text_gsm7(text in any_text()) {
            if is_gsm7(&text) {
                prop_assert!(is_gsm7(&tidy(&text)));
            }
        }

        #[test]
        fn tidy_makes_typographic_text_gsm7(
            parts in prop::collection::vec((text_over(GSM, 30), text_over(TYPOGRAPHIC, 4)), 0..10),
        ) {
            let text: String = parts.into_iter().map(|(a, b)| a + &b).collect();
            prop_assert!(is_gsm7(&tidy(&text)), "{:?}", text);
        }

        #[test]
        fn appending_never_lowers_segments(text in any_text(), c in prop::sample::select(MIXED)) {
            let before = count(&text);
            let mut longer = text.clone();
            longer.push(c);
            let after = count(&longer);
            prop_assert!(after.segments >= before.segments, "{:?} then {:?}: {:?} -> {:?}", text, c, before, after);
            prop_assert!(after.chars == before.chars + 1);
        }

        #[test]
        fn one_segment_iff_within_single_limit(text in any_text()) {
            let c = count(&text);
            prop_assert_eq!(c.segments == 0, text.is_empty());
            if !text.is_empty() {
                prop_assert_eq!(c.segments == 1, c.units <= c.encoding.single_part(), "{:?}", c);
            }
        }

        #[test]
        fn segments_within_bounds(text in any_text()) {
            let c = count(&text);
            prop_assert!(c.segments >= c.units.div_ceil(c.encoding.single_part()), "{:?}", c);
            if c.units > c.encoding.single_part() {
                // At least the ideal split; at most one unit lost per part,
                // since no character is wider than 2 units.
                prop_assert!(c.segments >= c.units.div_ceil(c.encoding.per_part()), "{:?}", c);
                prop_assert!(c.segments <= c.units.div_ceil(c.encoding.per_part() - 1), "{:?}", c);
            }
        }

        #[test]
        fn units_and_chars_match_the_encoding(text in any_text()) {
            let c = count(&text);
            prop_assert_eq!(c.chars, text.chars().count());
            prop_assert_eq!(c.encoding == Encoding::Gsm7, is_gsm7(&text));
            match c.encoding {
                Encoding::Ucs2 => prop_assert_eq!(c.units, text.encode_utf16().count()),
                Encoding::Gsm7 => {
                    let extension = text.chars().filter(|c| "^{}\\[~]|€\u{0C}".contains(*c)).count();
                    prop_assert_eq!(c.units, c.chars + extension);
                }
            }
        }
    }
}
