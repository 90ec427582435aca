//! Is a message clearly outside what the Maison does? The knowledge base
//! matches any message that shares a word with it (« mon chien a vomi »
//! shares « vomi » with the baby's health), so a few plain signs of another
//! subject are read first: the bot then says kindly that it cannot help with
//! that, lists what it can do, and offers a call back.
//!
//! Two kinds of signs:
//! - a request no helpline of the 1000 days answers (buying, selling, a job):
//!   out of scope whatever else the message says (« vous recrutez ? je suis
//!   auxiliaire de puériculture »);
//! - another subject (a pet, a child of school age, an elderly relative, a
//!   car, a plumber): out of scope only when nothing in the message speaks of
//!   a pregnancy or a young child (« comment préparer mon fils de 4 ans à
//!   l'arrivée du bébé » is in scope).

use super::text;

/// Requests that are never ours.
const REQUESTS: &[&str] = &[
    "vendez",
    "promo",
    "promotion",
    "recrutez",
    "recrute",
    "recrutement",
    "embauchez",
    "candidature",
    "cv",
    "postuler",
];

/// Other subjects.
const SUBJECTS: &[&str] = &[
    "chien",
    "chienne",
    "chiot",
    "chat",
    "chatte",
    "chaton",
    "lapin",
    "hamster",
    "cheval",
    "perroquet",
    "plombier",
    "electricien",
    "serrurier",
    "garagiste",
    "scooter",
    "moto",
    "passeport",
    "impots",
    "abonnement",
    "resilier",
    "banque",
    "match",
    "meteo",
    "pleuvoir",
    "recette",
    "gateau",
    "devoirs",
    "maths",
    "college",
    "lycee",
    "ado",
    "adolescent",
    "adolescente",
    "municipale",
    "pizza",
    "pizzas",
    "pizzeria",
    "vendre",
    "livraison",
    "livrez",
    "dechetterie",
    "boulangerie",
    "colis",
    "proprietaire",
    "reparateur",
    "forfait",
    "garage",
    "freinage",
    "pneu",
    "pneus",
    "identite",
    "canin",
];

/// Small talk and errands: subjects where no distress hides that a cue would not see.
const ERRANDS: &[&str] = &[
    "meteo",
    "pleuvoir",
    "pleut",
    "neige",
    "match",
    "recette",
    "gateau",
    "pizza",
    "pizzas",
    "pizzeria",
    "plombier",
    "electricien",
    "serrurier",
    "garagiste",
    "passeport",
    "impots",
    "abonnement",
    "resilier",
    "banque",
    "billets",
    "billet",
];

/// Words that bring a message back to pregnancy and early childhood.
const OURS: &[&str] = &[
    "bebe",
    "nourrisson",
    "nouveau",
    "enceinte",
    "grossesse",
    "accouchement",
    "accoucher",
    "allaitement",
    "allaiter",
    "allaite",
    "biberon",
    "tetee",
    "couche",
    "couches",
    "creche",
    "nourrice",
    "assistante",
    "pmi",
    "maternite",
    "sage",
    "puericultrice",
    "bebes",
    "jumeaux",
    "naissance",
    "papa",
    "maman",
    "pleure",
    "pleurs",
    "pediatre",
    "tetine",
    "petit",
    "petite",
    "petits",
    "petites",
    "tire",
];

/// Whether the message is about something the Maison does not do.
pub fn is_outside(message: &str) -> bool {
    let words = text::tokens(message);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(REQUESTS) {
        return true;
    }
    let ours = has(OURS) || young_child(&words);
    !ours && (has(SUBJECTS) || older_person(&words))
}

/// Whether the message is a request or an errand no helpline of the 1000 days
/// deals with (« il va pleuvoir demain ? », « vous recrutez ? »): the distress
/// classifier leaves those to the cues. Narrower than [`is_outside`]: a child of
/// four or a teenager can be a child in danger.
pub fn is_errand(message: &str) -> bool {
    let words = text::tokens(message);
    words
        .iter()
        .any(|w| REQUESTS.contains(&w.as_str()) || ERRANDS.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|w| ERRAND_PAIRS.contains(&[w[0].as_str(), w[1].as_str()]))
}

/// Errands said in two everyday words (« il va faire beau ? »), each of which
/// alone can belong to a distress message (« mon beau-père », « quel temps »).
const ERRAND_PAIRS: &[[&str; 2]] = &[
    ["faire", "beau"],
    ["fait", "beau"],
    ["beau", "temps"],
    ["quel", "temps"],
];

/// « 6 mois », « 18 mois », « 2 ans »: the age of a child of the 1000 days.
fn young_child(words: &[String]) -> bool {
    words.windows(2).any(|w| match (w[0].parse::<u32>(), w[1].as_str()) {
        (Ok(_), "mois" | "semaines" | "jours") => true,
        (Ok(n), "ans" | "an") => n <= 3,
        _ => false,
    })
}

/// « mon fils de 10 ans », « ma grand-mère de 90 ans »: someone the Maison does not follow.
fn older_person(words: &[String]) -> bool {
    words
        .windows(2)
        .any(|w| matches!((w[0].parse::<u32>(), w[1].as_str()), (Ok(n), "ans") if n >= 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_subjects_are_outside() {
        for m in [
            "vous vendez des poussettes ?",
            "vous recrutez ? je suis auxiliaire de puericulture et je cherche un poste",
            "mon chien a vomi toute la nuit, je fais quoi ?",
            "mon fils de 10 ans n'arrive pas a faire ses devoirs de maths",
            "ma grand mere de 90 ans est tombée, ou trouver une aide a domicile ?",
            "je cherche un plombier en urgence",
            "mon ado de 14 ans passe 6h par jour sur son telephone",
            "vous savez si la dechetterie ouvre le lundi ?",
            "ma voiture fait un bruit au freinage, un garage pas cher ?",
            "j'attends un colis, c'est vous qui livrez ?",
            "Bonjour je voudrais renouveler ma carte d'identité, c'est ici qu'on prend rdv ?",
        ] {
            assert!(is_outside(m), "{m}");
        }
        // A baby's word keeps it ours: « le siège auto », « sa garde ».
        assert!(!is_outside(
            "quel siege auto pour un bebe de 3 mois, le garage m'en vend un"
        ));
    }

    #[test]
    fn errands_are_a_narrower_sign_than_other_subjects() {
        assert!(is_errand("il va pleuvoir demain ?"));
        assert!(is_errand("il va faire beau demain ?"));
        assert!(!is_errand("mon beau-père frappe ma fille"));
        assert!(is_errand("vous recrutez ?"));
        assert!(!is_errand("mon cousin montre des films a mon fils de 4 ans"));
        assert!(!is_errand("je suis dans un taxi, il me suit en scooter"));
    }

    #[test]
    fn a_young_child_or_a_pregnancy_brings_it_back() {
        for m in [
            "comment préparer mon fils de 4 ans à l'arrivée du bébé ?",
            "mon chat dort dans la chambre du bébé, c'est dangereux ?",
            "ma fille de 18 mois a peur du chien",
            "enceinte, je peux prendre la voiture pour un long trajet ?",
            "mon bb pleure tt le temps",
            "je reprends le boulot dans 3 semaines et je voudrais continuer a allaiter",
            "on a essayé la voiture, le bain, la tétine",
            "barriere de piscine obligatoire ? on a une piscine dans le jardin",
            "horaires ?",
        ] {
            assert!(!is_outside(m), "{m}");
        }
    }
}
