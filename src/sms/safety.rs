//! The five safety categories: recognising, before anything else, a message
//! that calls for the emergency answer (the numbers to call now) rather than an
//! FAQ answer. This is the most safety-critical code of the product: every
//! distress message must be caught (recall first), and ordinary questions that
//! merely hold an alarming word must not be (precision second).
//!
//! # Approach
//!
//! The raw message is cut into clauses (at `. ! ? ; : , …` and line breaks, not
//! inside `38,5`), each clause brought to the plain form of
//! [`crate::sms::text::normalize`] plus a few more SMS spellings that matter here
//! (`jlai`, `sest`, `ptetre`, `lalcool`…). Then one table of cues per category is
//! tried, categories in order of precedence (below), cues in table order; the
//! first cue that fires gives the category and its English explanation.
//!
//! A cue is data: a few small word patterns (`Pattern`: words, stems `respir*`,
//! word sets `{baby}`, optional words `ne?`, short gaps `..3` that never cross a
//! negation, tight gaps `:3` that never cross a new subject either, "next word
//! is not" `!vite|fort`, "previous word is not" `<!de`, numbers `#`, multi-word
//! alternatives `tout_casser`), plus:
//! - `unless`: phrases that mean something else when they overlap the match
//!   (« secouer le biberon », « caca tout mou », « un bleu » as a bruise);
//! - `requires`: phrases that must also be in the message (a fall *and* vomiting);
//! - `not_if`: phrases anywhere in the message that rule the cue out (a toddler's
//!   age for « il me tape », « gastro » for a fall followed by vomiting);
//! - a strength that says how framing affects it:
//!   - *always*: first-person present danger (« je veux mourir », « il me
//!     frappe », « j'ai envie de le secouer »). Nothing suppresses it: « je veux
//!     mourir, c'est normal ? » and « c'est quoi le numéro, il me frappe » are
//!     emergencies. These patterns are also tried across commas (« j'ai envie de
//!     tout arrêter, de mourir »);
//!   - *event*: a reported event (« il a avalé une pile », « il convulse »).
//!     Suppressed by a negation right before it (« il n'a pas convulsé »), by a
//!     hypothesis or a prevention before it in the clause (« que faire si bébé
//!     avale… », « comment éviter qu'il s'étouffe », « j'ai peur qu'il
//!     s'étouffe », « est-ce normal qu'il… »), by laughter (« mdr »), and for
//!     medical cues by a habit (« il fait souvent… »);
//!   - *weak*: a bare noun or an ambiguous phrase (« convulsions »,
//!     « maltraitance », « respire mal »). Also suppressed by an informational
//!     framing anywhere in the message (« c'est quoi », « les signes », « des
//!     infos », « quels risques »; not « c'est quoi le numéro ») or by « est-ce
//!     normal » in its clause.
//!
//!   A cry for help in the message (« au secours », « aidez-moi », « urgent »)
//!   lifts every framing suppression (but not a negation).
//!
//! One cue is code rather than patterns: fever in a baby under three months. An
//! age is read (« 6 semaines », « né il y a 10 jours », « 2 mois et demi »,
//! « nouveau-né », « sorti de la maternité hier »), not mistaken for a duration
//! (« depuis 2 jours », « ça fait 15 jours ») or a pregnancy term (« enceinte de
//! 12 semaines »); a stated age of three months or more wins over a bare one. A
//! fever is read (« fièvre », « 38,5 », « il a 39 », « 39°C », « il est
//! brûlant », « il fait de la température »), not « 38 semaines » or « 40 ml »,
//! and the mother's own fever (« j'ai 38,5 ») does not count.
//!
//! # Order when several categories apply
//!
//! The category whose numbers help most *now* comes first:
//! 1. `urgence-medicale` (15, 112): a life at stake in minutes; it also covers a
//!    battered pregnant woman who bleeds, or a shaken baby who no longer reacts.
//! 2. `violences-danger` (17, 112, 3919): the parent, often with the baby, is in
//!    physical danger now; the police first.
//! 3. `danger-bebe`: the baby must be put down safely and the parent leave the
//!    room before anything else; the answer gives the 15, which also handles a
//!    parent in suicidal crisis (« je veux mourir et j'ai peur de le secouer »).
//! 4. `idees-suicidaires` (3114, 15).
//! 5. `enfant-en-danger` (119): serious, but rarely a matter of minutes; when
//!    the danger is immediate, one of the categories above usually fires too
//!    (« il me frappe et il frappe les enfants » is `violences-danger`).
//!
//! # Where the line is drawn
//!
//! - Fever: an emergency only under three months (days < 90, weeks < 13,
//!   months < 3), or with a red flag (purpura, stiff neck, bulging fontanelle, a
//!   limp or unresponsive baby, convulsions). « La fièvre chez un bébé de 8
//!   mois » or « il a 3 mois et 38,5 » are ordinary health questions.
//! - Swallowing: « que faire si bébé avale un objet » (general, hypothetical) is
//!   informational; « il a avalé une pile » (a reported event) is urgent, and so
//!   is « que faire si *mon* bébé *a* avalé… » (a possessive and a past tense make
//!   it a report). A medicine the baby is given (« il a pris son doliprane ») is
//!   not a poisoning; adult pills, household products, batteries and small
//!   objects are, as are the baby's medicines in quantity (« tout le flacon »).
//! - « À bout », « je n'en peux plus », « je craque », « épuisée », alone or with a
//!   request for advice (« des conseils ? », « comment faire ? »), are an
//!   exhausted parent (FAQ: sommeil, pleurs, soutien-psy), not an emergency. It
//!   becomes `danger-bebe` when the parent speaks of harming, shaking, hitting
//!   or throwing the baby, fears their own reactions (« j'ai peur de moi » with
//!   a crying baby), is about to snap at the baby (« je vais craquer sur lui »,
//!   « je vais péter un câble » when the baby cries), cannot bear the crying any
//!   more (« je ne supporte plus ses pleurs ») without asking for advice, or is
//!   at the end of their tether with a crying baby *and* calls for help now
//!   (« je n'en peux plus, il hurle depuis 3h, au secours »).
//! - A toddler who hits, bites or pulls hair (« mon fils de 2 ans me tape »), a
//!   fetus kicking (« bébé me donne des coups dans le ventre »), a baby
//!   scratching at the breast, siblings (« mon grand tape le bébé ») and
//!   children among themselves at the crèche are not emergencies. Threats to
//!   leave or to stop paying (« il me menace de partir ») are not violence in
//!   progress; insults alone neither (FAQ: violences).
//! - A transient episode that is over (« ses lèvres sont devenues bleues au
//!   bain puis c'est revenu ») is a question for the doctor; a swallowed
//!   battery is urgent even if the baby seems well.
//! - Hyperbole (« il me tue à pleurer mdr », « je suis morte de fatigue »,
//!   « mourir de rire », « ce bébé va me tuer ») is not an emergency. « Je veux
//!   mourir » is, whatever follows it.

use std::sync::OnceLock;

use serde::Serialize;

use crate::sms::text;

/// A kind of emergency, each with its own answer and numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SafetyCategory {
    /// A baby or a pregnant woman in immediate medical danger.
    UrgenceMedicale,
    /// Thoughts of suicide or self-harm.
    IdeesSuicidaires,
    /// A parent afraid of hurting the baby, tempted to shake it, at the end of their tether.
    DangerBebe,
    /// Violence happening now, or threats, against the parent.
    ViolencesDanger,
    /// A child in danger or at risk.
    EnfantEnDanger,
}

impl SafetyCategory {
    /// Every category, in declaration order (the order of precedence is in the module documentation).
    pub const ALL: [SafetyCategory; 5] = [
        SafetyCategory::UrgenceMedicale,
        SafetyCategory::IdeesSuicidaires,
        SafetyCategory::DangerBebe,
        SafetyCategory::ViolencesDanger,
        SafetyCategory::EnfantEnDanger,
    ];

    /// The id used in the knowledge base and the records.
    pub fn id(self) -> &'static str {
        match self {
            SafetyCategory::UrgenceMedicale => "urgence-medicale",
            SafetyCategory::IdeesSuicidaires => "idees-suicidaires",
            SafetyCategory::DangerBebe => "danger-bebe",
            SafetyCategory::ViolencesDanger => "violences-danger",
            SafetyCategory::EnfantEnDanger => "enfant-en-danger",
        }
    }

    /// The category of an id (surrounding blanks and case ignored).
    pub fn parse(id: &str) -> Option<SafetyCategory> {
        let id = id.trim();
        Self::ALL.into_iter().find(|c| c.id().eq_ignore_ascii_case(id))
    }
}

/// The order in which categories are tried: when several apply, the one whose
/// numbers help most now wins (see the module documentation).
const PRIORITY: [SafetyCategory; 5] = [
    SafetyCategory::UrgenceMedicale,
    SafetyCategory::ViolencesDanger,
    SafetyCategory::DangerBebe,
    SafetyCategory::IdeesSuicidaires,
    SafetyCategory::EnfantEnDanger,
];

/// What was recognised in a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detection {
    pub category: SafetyCategory,
    /// The cue that fired, in English (e.g. "fever in a baby under 3 months"), for the explanation printed by `numerovert faq match` and the timeline. Never the parent's words.
    pub cue: &'static str,
}

/// Reads a raw message (it normalises it itself) and says whether it is an emergency.
pub fn detect(text: &str) -> Option<Detection> {
    let engine = engine();
    let msg = Message::new(text, &engine.markers);
    let view = msg.view(&engine.markers);
    for (category, cues) in &engine.tables {
        let medical = *category == SafetyCategory::UrgenceMedicale;
        for cue in cues {
            if cue.fires(&view, medical) {
                return Some(Detection {
                    category: *category,
                    cue: cue.cue,
                });
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Word sets shared by the patterns, written `{name}` inside an alternative.
// ---------------------------------------------------------------------------

const SETS: &[(&str, &str)] = &[
    // A baby or a child, as parents name them.
    (
        "baby",
        "bebe|bebes|fils|fille|filles|nourrisson|nourrissons|enfant|enfants|petit|petite|petits|petites|loulou|louloute|puce|garcon|garcons|fiston|poupon|bambin|bambine|nene|jumeau|jumelle|jumeaux|jumelles|neveu|niece|neveux|nieces|gamin|gamine|gamins|gamines|gosse|gosses|minot|nouveau|nouvelle|nouveaux",
    ),
    // An adult who could hurt a child.
    (
        "adult",
        "mari|conjoint|conjointe|compagnon|compagne|copain|copine|concubin|concubine|ex|pere|papa|mere|maman|mec|homme|femme|fiance|fiancee|epoux|epouse|amant|cheri|cherie|frere|soeur|oncle|tante|voisin|voisine|voisins|voisines|nourrice|babysitter|sitter|assistante|educatrice|educateur|parrain|marraine|cousin|cousine|quelqu|monsieur|dame|gens|parents|papi|papy|mamie|belle|creche|personnel|auxiliaire*",
    ),
    // Whoever can be violent to the parent.
    (
        "partner",
        "mari|conjoint|conjointe|compagnon|compagne|copain|copine|concubin|concubine|ex|mec|homme|fiance|fiancee|epoux|epouse|amant|cheri|cherie|pere|papa|mere|maman|frere|soeur|oncle|voisin|voisine|gars|type|keum|meuf",
    ),
    // Hitting and physical violence.
    (
        "hit",
        "frapp*|frap*|tape|tapee|tapes|taper|tapait|tapent|tapais|tappe|tapper|bat|bats|battu|battue|battus|battre|battait|cogne|cognee|cognes|cogner|cognait|cognent|gifl*|baff*|tabass*|brutalis*|defonce|defoncee|defoncer|moleste*|viol|viole|violee|violer|violente|violenter|violentee|etrangl*|claque|claquee|claquer|claques",
    ),
    (
        "kill",
        "tuer|tue|tuee|tues|tuera|tuerai|tuerait|tuerais|buter|bute|crever|egorger|egorge|trucider|massacrer|planter|achever|flinguer",
    ),
    // « je veux », « j'ai envie de », « je voudrais »…: the wish before an act.
    (
        "want",
        "veux|veut|veu|vx|ve|voudrais|voudrai|voulais|aimerais|aimerai|aimerait|prefere|preferais|prefererais|prefererai|souhaite|souhaiterais|envie|envies|envi|besoin|hate|pense|pensais|penser|compte|vais|vai|dois|devrais|tente|tenter|tentee|essaye|essayer|essaie|essai|pret|prete|capable|decide|decidee|reve|rever|revais|tentation",
    ),
    // The urge or the fear before harming the baby: « j'ai envie de », « j'ai peur de », « je vais ».
    (
        "urge",
        "envie|envies|envi|peur|vais|vai|pourrais|pourrai|risque|capable|failli|faillit|pulsion*|tentation|tente|besoin|veux|crains|craint|retiens|retenu|retenue|retenir|empeche|empecher|finir|finirai",
    ),
    // Breathing, with its typos; not « respiratoire », « respiration » (nouns).
    (
        "breathe",
        "respir*|-respirat*|resipr*|repir*|respie|respi|repsir*|respri*",
    ),
    // Adult medicines: dangerous for a baby whatever the amount.
    (
        "pill",
        "cachet*|comprime*|pilule*|gelule*|somnifere*|anxiolytique*|antidepresseur*|xanax|lexomil|stilnox|zolpidem|tramadol|codeine|morphine|methadone|subutex|levothyrox|aspirine|neuroleptique*|lithium",
    ),
    // Medicines a baby may be given: dangerous only in quantity or someone else's.
    (
        "kidmed",
        "medicament*|medicamment*|medoc*|doliprane|dafalgan|efferalgan|paracetamol|ibuprofene|advil|nurofen|sirop*|antibiotique*|vitamine*",
    ),
    // Household products and other poisons.
    (
        "product",
        "produit*|javel|lessive*|capsule*|dosette*|pastille*|detergent*|detartrant*|deboucheur*|destop|soude|acide*|ammoniaque|white|essence|petrole|alcool|vodka|whisky|rhum|vin|biere|pastis|cannabis|shit|beuh|joint|drogue*|cocaine|hydroalcoolique|essentielle*|nicotine|cigarette*|clope*|megot*|vaisselle|raticide|insecticide|antigel|chlore|parfum|dissolvant|vernis|pile|piles|batterie*|aimant*|mercure|champignon*|baie|baies|plante*|poison|rats",
    ),
    // Poisons an adult could drink on purpose.
    (
        "poison",
        "javel|produit*|lessive*|detergent*|deboucheur*|destop|soude|acide*|ammoniaque|white|petrole|raticide|insecticide|antigel|chlore|poison|rats|pesticide*|herbicide*|desherbant*",
    ),
    // Small objects a baby can swallow.
    (
        "object",
        "objet*|piece|pieces|bille|billes|perle|perles|lego|legos|playmobil|vis|clou|clous|epingle*|aiguille*|caillou|cailloux|bouton|boutons|aimant*|pile|piles|batterie*|jouet|plastique|bague|boucle*|barrette*|trombone*|punaise*|agrafe*|capsule*|bouchon*",
    ),
    ("crying", "pleur*|hurl*|cri|cris|crie|crier|criait|crient|braill*|gueul*|chouin*"),
    // The parent asks for advice or information: not a cry for help now.
    (
        "advice",
        "conseil*|astuce*|idee|idees|truc|trucs|solution*|comment|info|infos|information*|recommand*|atelier*|groupe*|quel|quelle|quels|quelles|normal|faire_garder|relais|repit",
    ),
];

/// Words a gap never crosses: a negation changes the meaning of what follows.
const NEGATIONS: &[&str] = &["pas", "jamais", "rien", "aucun", "aucune", "ni", "sans", "pa"];

/// Words a tight gap (`:N`) never crosses either: a new subject or clause.
const CLAUSE_WORDS: &[&str] = &[
    "il", "elle", "ils", "elles", "on", "tu", "vous", "qu", "que", "mais", "si", "quand", "lorsque", "lorsqu", "car",
    "parce",
];

// ---------------------------------------------------------------------------
// The cues, one table per category, in order of precedence within it.
// ---------------------------------------------------------------------------

/// How framing (questions, hypotheses, habits, jokes) affects a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// First-person present danger: never suppressed.
    Always,
    /// A reported event: suppressed by a hypothesis before it, a negation, laughter, (medical) a habit.
    Event,
    /// An ambiguous phrase or a noun: also suppressed by informational framing.
    Weak,
}

#[derive(Clone, Copy)]
struct Cue {
    /// What fired, in English.
    cue: &'static str,
    strength: Strength,
    /// Any one of these, inside one clause (an `Always` cue also across clauses).
    pats: &'static [&'static str],
    /// Overlapping the match, these mean something else.
    unless: &'static [&'static str],
    /// Each group: one of its phrases must be somewhere in the message.
    requires: &'static [&'static [&'static str]],
    /// Any of these anywhere in the message rules the cue out.
    not_if: &'static [&'static str],
    /// Laughter (« mdr ») rules it out even if `Always` (« il va me tuer mdr »).
    joke: bool,
    /// A cue written as code.
    custom: Option<fn(&View) -> bool>,
}

const BASE: Cue = Cue {
    cue: "",
    strength: Strength::Always,
    pats: &[],
    unless: &[],
    requires: &[],
    not_if: &[],
    joke: false,
    custom: None,
};

use Strength::{Always, Event, Weak};

/// Phrases saying that whoever hits the parent is a toddler or a fetus, not an
/// adult: « il a 2 ans », « mon fils me tape », « bébé me donne des coups dans le
/// ventre ». Not « enceinte de 5 mois », « il y a 2 mois ».
const TODDLER: &[&str] = &[
    "<!y|enceinte|grossesse|terme a|de|d # mois",
    "<!y|enceinte|grossesse|terme a|de|d 1|2|3|4|5|6|un|deux|trois|quatre|cinq|six an|ans",
    // A fetus kicking: « bébé me donne des coups dans le ventre ».
    "<!a|ai|as|avait donne|donnent|met|mets|mettent ..2 coup|coups ..4 ventre|bidon|cotes",
    "mon|ma|notre|son|sa fils|fille|bebe|petit|petite|loulou|puce|aine|ainee|grand|grande :1 me|m|ma",
];

/// The same, and what toddlers and nursing babies do: tantrums, play, teething,
/// scratching at the breast (only for the milder gestures: « il me tape »).
const TODDLER_OR_FEEDING: &[&str] = &[
    "<!y|enceinte|grossesse|terme a|de|d # mois",
    "<!y|enceinte|grossesse|terme a|de|d 1|2|3|4|5|6|un|deux|trois|quatre|cinq|six an|ans",
    "<!a|ai|as|avait donne|donnent|met|mets|mettent ..2 coup|coups ..4 ventre|bidon|cotes",
    "mon|ma|notre|son|sa fils|fille|bebe|petit|petite|loulou|puce|aine|ainee|grand|grande :1 me|m|ma",
    "colere*|caprice*|jouer|jouant|jouait|jeu|jeux|rigole|morsure*|fait_ses_dents|ses_dents|percer",
    "tete|tetee|tetees|tetant|allaite*|sein|seins|biberon",
];

static MEDICAL: &[Cue] = &[
    Cue {
        cue: "not breathing",
        strength: Event,
        pats: &[
            // « il respire plus », « elle ne respire pas », « respire pu », not « respire plus vite ».
            "{breathe} presque|quasiment|quasi|vraiment|toujours? plus|pu|plu|pas|pa|jamais !vite|fort|fortement|rapidement|que|qu|bruyamment|mieux|facilement|lentement|doucement|calmement|souvent|longtemps|par|avec|bien|normalement|tres|trop|beaucoup|correctement|assez|encore",
            "arret*|stop*|cesse*|cesser :2 de {breathe}",
            "arriv*|parvien*|peut|peux|reussi*|reussit :1 presque|quasiment? plus|pas|pu|plu|pa ..2 {breathe}",
            "sais|sait|savoir pas|plus? si|s il|elle? {breathe}",
            "entends|entend|sens|sent|vois|voit :1 plus|pas|pu ..1 {breathe}",
            "suffoqu*|asphyxi*",
        ],
        unless: &[
            "{breathe} ..1 par|avec|du ..2 nez|narine*|bouche",
            "{breathe} ..3 quelques|qq ..1 secondes|seconde ..4 dort|dormant|sommeil|nuit|normal|parfois|souvent",
            "quelques|qq ..2 secondes ..4 {breathe} ..4 dort|dormant|sommeil|nuit|normal|parfois|souvent",
        ],
        ..BASE
    },
    Cue {
        cue: "turning blue or grey",
        strength: Event,
        // An episode that is over: a question for the doctor, not the 15.
        not_if: &[
            "c_est|c revenu|passe|fini|parti",
            "ca|tout va mieux|bien",
            "maintenant ca va",
            "il|elle va bien|mieux",
            "rien de grave",
        ],
        pats: &[
            // « il devient bleu », « ses lèvres sont bleues », « il est tout gris »; not « un bleu » (a bruise).
            "devien*|devenu|devenue|devenus|vire|virer|tourne|tourner|est|sont|etait|tout|toute|toutes|tous|completement|levres|levre|bouche|visage|figure|teint|peau|nez|ongles|tete|corps :1 bleu|bleue|bleus|bleues|bleute|bleutee|bleutes|bleuatre|bleuatres|gris|grise|grisatre|violet|violette|violace|violacee|violaces|livide",
            "cyanos*",
            "levres|levre|bouche ..1 noire|noires|noir|noirs",
        ],
        unless: &[
            "un|des|gros|grosse|petit|petits|grand|enorme|le|les|ce|ces|son|ses|mon|mes|joli|beau|bel :1 bleu|bleus",
            "bleu*|gris*|violet*|violac* ..5 colere|rage|pleur*|crie|cris|crise|pousse|caca|sanglot*",
            "bleu*|gris*|violet*|violac* ..4 froid|frissonne|grelotte",
            "froid ..4 bleu*|gris*|violet*|violac*",
            "pieds|pied|mains|main|doigts|orteils|extremites|yeux|oeil|body|pyjama|vetement*|habit*|robe|gigoteuse|doudou|tetine|biberon|chambre|poussette|couleur|selle|selles|caca|cacas|crotte*|urine|pipi|tache|taches|marque|marques|hematome|bosse|cheveux|ciel|bleu|bleus :4 bleu*|gris*|violet*|violac*",
        ],
        ..BASE
    },
    Cue {
        cue: "limp, floppy baby",
        not_if: &["assis|debout|marcher|marche|tenir_sa_tete|tient_sa_tete|tonus_musculaire|kine*|psychomot*|retard"],
        strength: Event,
        pats: &[
            "tout|toute|tous|toutes|est|etait|devenu|devenue|devient|completement|super|hyper|tres|trop|vraiment|si|anormalement :1 mou|molle|moue|molles|flasque|flasques|inerte|amorphe|apathique",
            "poupee ..2 chiffon",
            "chiffe molle",
            "hypoton*",
            "plus|pas|aucun|sans ..1 de? tonus",
            "inerte",
        ],
        unless: &[
            "selle*|caca*|crotte*|popo|couche*|ventre|bidon|sein*|matelas|tetine|puree|compote|banane|pain|biscuit*|gateau*|nourriture|morceau*|aliment*|peau|ongle*|cheveux|fontanelle|tete|crane|lait|fromage|beurre|legume*|fruit*|pates|riz|oeuf|oeufs|chair|muscle*|cuisse*|fesse* :4 mou|molle|moue|molles|flasque*",
            "{partner} :3 mou|molle",
            "mou|molle ..6 tetee|biberon|bain|repas|sieste|dodo",
            "mou|molle ..4 quand|lorsqu|lorsque|pendant|en ..2 dort|dorment|dormir|sommeil|sieste|endormi|dormant|endort",
        ],
        ..BASE
    },
    Cue {
        cue: "convulsions / seizure",
        strength: Event,
        pats: &[
            // Verb forms and reported seizures; the bare noun is a weaker cue below.
            "il|elle|bebe|qui|en|fait|fais|faire|faisait|eu|a|refait|refaire|avoir|de|train|{baby} :2 convul*",
            "crise|crises convulsiv*|comitiale*",
            "fait|fais|faisait|faire|eu|refait|en|a|fasse :2 crise d|de? epilep*",
            "fait|fais|faisait|faire|eu|refait|refaire|refais|en|a|fasse :2 crise !de|d|du|des|pour|sur|contre|a|au|aux|dans|quand|lorsque|lorsqu|chaque|car|parce|si|mais|colere|pleurs|larmes|nerfs|angoisse|panique|jalousie|hysterie|foie|rire|hoquet|toux|asthme|rage|cris|dents|froid|chaud",
        ],
        unless: &[
            "je|j :3 crise",
            "{partner} :3 crise",
            "crise ..3 quand|lorsque|lorsqu|chaque|avant|apres|sommeil|dodo|couche|coucher",
            "convul* ..1 de_rire",
            "a|fait|fais|font|ont des convul* ..2 quand|lorsque|lorsqu|si|chaque|avec_la_fievre|en_cas|febrile*",
            // A known history, not an event now.
            "convul*|crise ..4 connue*|connu|connus|suivi|antecedent*|hereditaire*|risque*|recommence*|recidiv*|il_y_a_#_mois|il_y_a_#_ans|il_y_a_#_an|il_y_a_#_semaines",
        ],
        ..BASE
    },
    Cue {
        cue: "unconscious or not responding",
        strength: Event,
        pats: &[
            "inconscien*|inconcien*|evanoui*|evanouis*",
            "perdu|perd|perte|perdre ..2 connaissance|conscience",
            "dans les pommes",
            "reagit|reagi|reagis|reagissait|reagissent|reagie|reaji* presque|quasiment|vraiment? plus|pas|pu|plu|pa|rien|jamais",
            "bouge|bougent|bouger|bougeait|bouje ..1 presque|quasiment|vraiment? plus|pu !que|qu|vite|fort|partout",
            "bouge* pas du tout",
            "reag*|reaji* a|plus|pas ..1 rien",
            "coma",
            "arriv*|parvien*|reussi*|peux|peut :1 plus|pas|pu|pa ..2 le|la|l|a? reveil*",
            "impossible|moyen ..3 reveil*",
            "se? reveil* ..1 plus|pas|pu ..5 secou*|stimul*|pince*|appel*|touche*|crie|bouge|eau|frotte*",
        ],
        unless: &[
            "reag*|bouge* pas|plus|pu|rien? ..4 bruit*|son|sons|voix|prenom|nom|appel*|sourire*|claque*|applaudi*|mains|jouet*|musique|lumiere*|traitement|doliprane|medicament*|paracetamol|antibio*|sirop|vaccin*|stimulation*",
            "reveil* ..4 pour|tetee*|manger|biberon*|repas|matin|creche|nuit|nuits|heure|heures|sieste",
        ],
        ..BASE
    },
    Cue {
        cue: "will not wake up",
        strength: Event,
        pats: &["reveil* pas|plus|pu !la|le|pour|avant|apres|entre|toutes|tous|a|au|en|quand|depuis|la_nuit|seul|seule|tout|toute"],
        requires: &[&["secou*|stimul*|pince*|appel*|touche*|reagit|bouge|mou|molle|au_secours|aidez|urgence|bleu|gris|respir*|reveiller"]],
        ..BASE
    },
    Cue {
        cue: "choking",
        strength: Event,
        not_if: &[
            "c_est|c revenu|passe|fini|parti",
            "ca|tout va mieux|bien",
            "maintenant ca va",
            "il|elle va bien|mieux",
            "rien de grave",
        ],
        pats: &[
            "s|se|ses|est :1 etouf*",
            "il|elle|bebe :1 etouf*",
            "fait|fais|faire|faisait|refait|en ..1 une? fausse route",
            "coince*|bloque*|reste* ..3 gorge|gosier|trachee",
            "gorge|gosier ..3 coince*|bloque*",
        ],
        unless: &[
            // Milk that comes too fast, saliva, crying: everyday feeding questions.
            "etouf* ..8 sein|seins|tetee|tetees|tete|tetant|tetait|boit|buvant|biberon*|bib|lait|allaitement|allaite|salive|bave|glaires|mucus|regurgit*|rot|reflux|crachat*|cris|pleurs|pleur*|pleurant|rire|rigole|chaleur|morve|chagrin|colere",
            "tetee|tetees|sein|seins|biberon*|bib|lait|allaite|boit|buvant|tete|tetant|salive|glaires|reflux|regurgit* ..4 s|se|ses|il|elle :1 etouf*",
        ],
        ..BASE
    },
    Cue {
        cue: "swallowed a medicine, a household product or a small object",
        strength: Event,
        pats: &[
            "avale*|avalle*|aval|avaler|gobe*|ingere*|ingurgit*|englouti* ..4 {pill}|{product}|{object}",
            "bu|boit|bois|bue|boire|mange*|croque*|mache*|machouill*|mordu|mordill*|lech*|suce|ingere* ..4 {product}|{pill}",
            "avale*|avaler|gobe*|ingere*|bu|bue|mange*|pris|ingurgit* ..4 tout|toute|tous|toutes|boite|plaquette|flacon|tube|plusieurs|trop|bouteille|dose|doses|moitie|plein|mes|ma|mon|nos|adulte*|papa|maman|mamie|papi ..3 {kidmed}",
            "avale*|avaler|gobe*|ingere*|mange*|croque*|mache* ..2 des|un|une ..1 {kidmed}",
            "mis|met|mettait|mettre ..4 {product}|{pill}|{kidmed} ..3 bouche",
            "mis|met|mettait|mettre ..1 dans|a sa|la bouche ..3 {product}|{pill}|{kidmed}",
        ],
        unless: &[
            "je|j|on|nous|tu|vous|{partner} :3 avale*|bu|boit|bois|mange*|pris|prendre|croque*|ingere*|lech*|suce|gobe*|mis|met|aval|avaler",
            // « (j'ai envie d')avaler tous mes médicaments »: an intention, not a report.
            "^ avaler|prendre|boire ..1 tous|toutes|toute|tout",
            "{want} :2 avaler|prendre|boire ..1 tous|toutes|toute|tout",
        ],
        ..BASE
    },
    Cue {
        // « je crois qu'il les a avalés » after « une plaquette de médicaments ».
        cue: "swallowed a medicine, a household product or a small object",
        strength: Event,
        pats: &["l|le|la|les|en ..3 avale|avalee|avales|avalees|avaler|ingere*|gobe*|ingurgite*|bu|bue"],
        unless: &["je|j|on|nous|tu|vous :3 l|le|la|les|en"],
        requires: &[&["{pill}|{product}|{kidmed}|{object}"]],
        ..BASE
    },
    Cue {
        cue: "head injury with vomiting or drowsiness",
        strength: Event,
        pats: &[
            "tombe|tombee|tombes|tombees|tomber|tombait|tomb|chute|chutes|chuter|cogne|cognee|cogner|choc|heurte|heurtee|renverse",
            "tape|tapee|cogne|cognee ..1 la? tete",
        ],
        not_if: &["gastro*"],
        unless: &[
            "tomb* enceinte|malade|amoureuse|amoureux|sommeil|fatigue|bien|mal|pile",
            "fievre|temperature|temp|tension|cheveux|lait|tetine|dent|dents ..3 tomb*|chut*",
            "chute* ..2 cheveux|tension|sucre|reins|lait|poids",
        ],
        requires: &[&[
            "vomi*|vomit*|vomir|vomissement*|vomis|vomie|vomissait",
            "somnol*|ensuqu*|endormi|endormie|groggy|hagard|vaseux|vasouill*|bizarre|bizzare|absent|absente",
            "s_endort|s_endormir|s_endormait|dort_beaucoup|dort_tout|dormir_tout|veut_dormir|veut_que_dormir|dort_sans_arret",
            "difficile_a_reveiller|pas_reveill*|reveille_pas|reveille_plus",
            "pas_normal|plus_normal|comme_d_habitude",
            "perdu_connaissance|inconscient*|evanoui*|pommes",
            "saign* ..3 nez|oreille*|bouche",
            "sang ..3 nez|oreille*",
            "convul*|mou|molle|reagit|regard|pupille*|yeux_bizarre*",
            "saign* ..3 tete|crane|front|beaucoup",
            "grave|gravement|violemment|violente",
        ]],
        ..BASE
    },
    Cue {
        cue: "heavy bleeding",
        strength: Event,
        pats: &[
            "saign* ..3 beaucoup|enormement|abond*|fort|fortement|trop|bcp|plein|partout|a_flot|a_flots|continu|robinet|abondance",
            "saign* ..4 s? arrete|arret|stoppe plus|pas|pu",
            "beaucoup|enormement|plein|pleins|trop|bcp|masse|litre*|flaque|mare|caillot* ..2 de? sang",
            "sang ..2 partout|coule|gicle|pisse|jaillit",
            "pisse|pisser le sang",
            "perd*|perte*|saign* ..3 sang ..3 quantite|beaucoup|enormement|abond*|masse",
            "grosse|grande|grosses|grandes|enorme* perte|pertes de sang",
            "fais|fait|faire|en|une|grosse|fasse :2 hemorr*|hemor*|hemmorag*|emorragi*|-hemorroi*",
        ],
        unless: &[
            "nez|gencive*|mamelon*|teton*|sein|seins|crevasse*|regles|hemorroide*|coupure|egratignure|ongle*|cordon|nombril :4 saign*|sang",
            "saign* ..3 nez|gencive*|mamelon*|teton*|sein|seins|crevasse*|regles|hemorroide*|nombril|cordon",
        ],
        ..BASE
    },
    Cue {
        cue: "fever in a baby under 3 months",
        strength: Event,
        custom: Some(fever_under_three_months),
        ..BASE
    },
    Cue {
        cue: "pregnant and no longer feeling the baby move",
        strength: Event,
        pats: &[
            "sens|sent|senti|sentis :2 plus|pas|pu|plu|aucun ..3 bouger|bouge|remuer|remue|mouvement*|coup|coups",
            "sens|sent|senti :2 plus|pu ..1 le|mon|ma|notre? bebe $",
            "le|la|l sens|sent :1 plus|pu ..1 bouger? $",
        ],
        unless: &["sens|sent|senti :2 pas|toujours ..2 encore|toujours"],
        requires: &[&["enceinte|grossesse|ventre|terme|#_sa|#_semaines|#_mois|bouger|bouge|mouvement*"]],
        not_if: &["# sa|sem|semaines ..3 encore|toujours", "pas encore|toujours pas"],
        ..BASE
    },
    Cue {
        cue: "giving birth now",
        strength: Event,
        pats: &[
            "train d|de accoucher",
            "accouche|accoucher :2 maintenant|voiture|seule|ici",
            "tete ..2 sort|sortie|apparait",
            "cordon ..3 sort|sorti|dehors",
        ],
        ..BASE
    },
    Cue {
        cue: "drowning, dangerous fall or electrocution",
        strength: Event,
        pats: &[
            "s|est|presque|failli|faillit|manque|mi :2 noy*",
            "tombe*|chute* ..4 piscine|baignoire|bassin|mare|fenetre|balcon|etage|toit",
            "defenestr*|electrocut*|electrise*",
            "ebouillant*",
            "brule*|brulure* ..3 gravement|grave|profond*|visage|cloque*|bouillant*|huile",
        ],
        unless: &["me|m :1 noy*|defenestr*", "brulure* ..2 estomac|urin*|pipi|fesses|sein*|mamelon*"],
        ..BASE
    },
    // Weaker medical cues: nouns and ambiguous phrases, suppressed by questions.
    Cue {
        cue: "struggling to breathe",
        strength: Weak,
        pats: &[
            "du|de? mal ..1 a {breathe}",
            "{breathe} vraiment|tres|super|trop? mal|difficilement|anormalement",
            "{breathe} tres|super|trop|hyper|vraiment vite|rapidement|fort",
            "{breathe} pas|plus|pu bien|correctement|normalement",
            "difficulte* ..2 {breathe}",
            "difficulte*|detresse|gene|insuffisance|pause|pauses respiratoire*",
            "tirage",
            "cotes ..3 creus*",
            "creus* ..3 cotes",
            "halete|haleter|suffoque",
            "cherche ..1 son air|souffle",
            "manque d air",
            "apnee*",
        ],
        unless: &[
            "{breathe} ..3 nez|narine*|rhume|enrhume*|bouche",
            "nez|narine* ..3 {breathe}",
            "apnee* du sommeil",
            "{breathe} ..4 apres|quand|pendant|en ..2 pleur*|pleure|crie|couru|effort|bain|tetee|joue",
            "pause* respiratoire* ..3 dormant|dort|sommeil|nuit",
            // A pregnant woman short of breath on the stairs: an everyday question.
            "je|j|moi :3 du|de? mal ..1 a {breathe}",
            "je|j :2 {breathe}",
        ],
        ..BASE
    },
    Cue {
        cue: "cardiac or respiratory arrest",
        strength: Weak,
        pats: &["massage cardiaque", "bouche a bouche", "arret cardiaque|respiratoire", "reanim*"],
        unless: &["comment|apprendre|apprend|pratiquer|formation|cours|geste|gestes ..3 massage|bouche|reanim*"],
        ..BASE
    },
    Cue {
        cue: "signs of a seizure",
        strength: Weak,
        not_if: &["louch*|strabism*"],
        pats: &[
            "convul*",
            "crise d|de? epilep*",
            "yeux|oeil|regard :3 part|partent|partaient|parti|partis|partie|parties|roul*|revuls*|retourn*|tourn*|fixe|fixes|vide|vague|vitreux|blanc|blancs|absent|perdu|perdus|arriere|ciel",
            "mousse|ecume ..2 bouche|levres",
        ],
        unless: &[
            "yeux|oeil|regard ..3 tourn* ..2 vers|lumiere|bruit|moi|toi",
            "yeux|oeil|regard ..6 quand|en|pendant ..2 endort|dort|dormir|sommeil|endormant|fatigue*|s_endort",
            "yeux|oeil|regard ..6 tele|television|ecran*|telephone|dessin*|lumiere",
            "a|fait|fais|font|ont des convul* ..2 quand|lorsque|lorsqu|si|chaque|avec_la_fievre|en_cas|febrile*",
            "convul*|crise ..4 connue*|connu|connus|suivi|antecedent*|hereditaire*|risque*|recommence*|recidiv*|il_y_a_#_mois|il_y_a_#_ans|il_y_a_#_an|il_y_a_#_semaines",
        ],
        ..BASE
    },
    Cue {
        cue: "stiffening or jerking with other signs",
        strength: Weak,
        pats: &["raide|raidi*|rigide|crispe", "trembl*|secousse*|spasme*"],
        unless: &["spasme* du sanglot"],
        requires: &[&[
            "reagit|reagi|repond|regard|conscien*|bave|mousse|yeux_part*|yeux_roul*|yeux_revuls*|absent",
            "raide|raidi*|rigide ..6 trembl*|secousse*|spasme*",
            "trembl*|secousse*|spasme* ..6 raide|raidi*|rigide",
        ]],
        ..BASE
    },
    Cue {
        cue: "not responding",
        strength: Weak,
        pats: &[
            "repond|reponds|repondait|repon ..1 plus|pas|pu|plu|rien",
            "fait|fais|faisait|eu|fasse|faire|refait :2 malaise*",
        ],
        unless: &[
            "je|j :3 malaise*",
            "malaise* vagal*",
            "telephone|tel|appel*|message*|sms|mail*|messagerie|repondeur|numero|ligne|standard|personne|medecin|pmi|docteur|cabinet|pediatre|secretariat|creche|nourrice|vous|mairie|caf|service|hopital|samu|pompiers|maternite|sage|urgences|garde|ils|on|ca|{partner} :4 repon*",
            "repon* pas|plus|pu|rien? ..3 parle|dis|demande|sourire*|regard|bisou*|calin*|jeux|jouet*|prenom|nom|question*|appel*|telephone|message*|sms|mail*|tel|texto*",
        ],
        ..BASE
    },
    Cue {
        cue: "swallowed or breathed in something toxic",
        strength: Weak,
        pats: &["intoxi*|empoisonn*|monoxyde"],
        unless: &["intoxi* alimentaire*"],
        ..BASE
    },
    Cue {
        cue: "heavy bleeding",
        strength: Weak,
        pats: &[
            "hemorr*|hemor*|hemmorag*|emorragi*|-hemorroi*",
            "caillot* ..3 gros|grosse|enorme*|balle|poing|oeuf|beaucoup",
            "gros|grosse|enorme*|beaucoup de caillot*",
        ],
        ..BASE
    },
    Cue {
        cue: "fever with a red flag (purpura, stiff neck, bulging fontanelle, mottled skin)",
        strength: Weak,
        pats: &[
            "purpura",
            "tache*|bouton*|point*|plaque*|marque* ..6 effac*|disparai*|disparais*|partent|vitre|verre",
            "tache*|bouton*|point*|plaque*|marque* ..3 violac*|violet*|pourpre*|noir*|noiratre*",
            "nuque ..2 raide|bloquee|rigide",
            "raideur ..2 nuque",
            "marbre|marbree|marbrures|geint|gemit|geignement*|gemissement*",
        ],
        requires: &[&["fievre*|fiev*|brulant*|temperature|temp|38|39|40|41"]],
        ..BASE
    },
    Cue {
        cue: "bulging fontanelle",
        strength: Weak,
        pats: &["fontanelle ..2 bomb*|gonfl*|tendue"],
        ..BASE
    },
    Cue {
        cue: "pregnant and feeling the baby move less",
        strength: Weak,
        pats: &["sens|sent ..3 moins ..2 bouger|bouge|remuer", "bouge* ..1 beaucoup? moins"],
        ..BASE
    },
    Cue {
        cue: "severe allergic reaction",
        strength: Weak,
        pats: &[
            "gonfl*|enfl*|oedeme ..3 visage|levres|levre|langue|gorge|bouche",
            "visage|levres|levre|langue|gorge ..3 gonfl*|enfl*",
            "quincke|anaphyla*",
        ],
        ..BASE
    },
    Cue {
        cue: "pregnancy emergency (eclampsia)",
        strength: Weak,
        pats: &["eclampsi*|preeclampsi*|toxemie"],
        ..BASE
    },
];

static VIOLENCE: &[Cue] = &[
    Cue {
        cue: "partner or relative hitting or attacking the parent",
        pats: &[
            // « mon mari me frappe », « mon copain m'a giflée », « il ma frapé ».
            "{partner} ..4 me|m ..1 {hit}|brule|brulee|pousse|poussee|bouscule*|mord|mordu|griffe*|crache|tire|tiree|etouffe|etouffer|terroris*|terrifi*|fait_peur|enferm*|sequestr*|agress*",
            "{partner}|il|elle ..2 m|me|ma ..1 casse|cassee ..2 nez|bras|dent|dents|cote|cotes|machoire|gueule|figure|tete|doigt*|poignet|bouche",
            "{partner}|il|elle ..2 me|m ..2 serre|serrait|attrape|attrapee|pris|prend|tient|tenu ..2 le|la|par_le? cou|gorge",
            "{partner}|il|elle ..2 me|m ..2 mis|met|cogne|cognee|tape|tapee|claque|fracasse ..1 la? tete ..3 mur|murs|sol|table|porte|lavabo|evier",
            "m|me ..2 jete|jette|lance|balance|envoye ..4 figure|tete|visage|gueule",
            "essaie|essaye|tente|veut|cherche|essayer :2 d|de entrer|rentrer ..2 chez_moi|chez_nous|maison|appart*|porte",
            "{partner} ..3 leve* la main sur moi",
            "{partner} ..2 ma {hit}|pousse|poussee|bouscule*|griffe*|etouffe|enferm*|sequestr*|agress*",
            // « il me menace », but not « il me menace de partir ».
            "{partner}|il|elle|ils|on ..4 me|m|ma menace|menacee|menacait|menacent !de|d",
            "{partner} ..2 me|m ..1 donne|met|mis|mets|colle :2 coup|coups|claque*|gifle*|baffe*|beigne*|tarte*|raclee|rouste|derouillee|trempe|torgnole*|mandale*",
            "{partner}|il|elle ..2 m|me ..1 fait|fais ..1 des? bleus|hematome*|marques|blessure*",
            "{partner} :3 est|devient|devenu|etait|redevient ..2 violent|violente|agressif|agressive|dangereux|fou|furieux|hors|menacant",
        ],
        unless: &["violent*|agressi* ..2 avec|envers|contre|sur ..3 {baby}|lui|elle|eux|enfant|enfants|les|mon|ma|notre"],
        ..BASE
    },
    Cue {
        cue: "someone hitting or attacking the parent",
        pats: &[
            "il|elle|ils ..2 m|me ..1 mis|met|mets|donne :2 raclee|rouste|derouillee|trempe|torgnole*|mandale*|coup_de_poing|coups_de_poing",
            "il|elle|ils|on ..2 me|m ..1 brule|brulee ..3 cigarette*|fer|briquet",
            "il|elle|ils|on ..2 me|m ..1 {hit}|-tape|-tapee|-taper|-tapes|-tapait|-tapent|-tapais|-tappe|-tapper|-claque*|etouffe|etouffer|agress*|sequestr*",
            "il|elle|ils|on ..2 ma {hit}|-tape|-tapee|-taper|-tapes|-tapait|-tapent|-tapais|-tappe|-tapper|-claque*|etouffe|agress*|sequestr*",
            "il|elle|ils ..3 leve* la main sur moi",
            "m|me ..1 frappee|battue|etranglee|violee|tabassee|cognee|giflee|agressee|frappe|battu|etrangle|viole|tabasse|gifle|agresse",
            "ma frappee|battue|etranglee|violee|tabassee|cognee|giflee|agressee|frappe|battu|etrangle|viole|tabasse|gifle|agresse",
            "il|elle :3 est|devient|devenu|etait ..2 violent|violente|agressif|agressive|dangereux|furieux|hors_de_lui",
        ],
        unless: &["violent*|agressi* ..2 avec|envers|contre|sur ..3 {baby}|lui|elle|eux|enfant|enfants|les|mon|ma|notre"],
        not_if: TODDLER,
        ..BASE
    },
    Cue {
        // Toddlers hit, pull hair and kick too: a reported event, not a question about it.
        cue: "someone hitting or attacking the parent",
        strength: Event,
        pats: &[
            "il|elle ..2 me|m ..1 tape|tapee|taper|pousse|poussee|bouscule*|griffe*|crache",
            "il|elle ..2 ma tape|tapee|taper|tapper|pousse|poussee|bouscule*|griffe*",
            "il|elle ..2 me|m ..1 donne|met|mis|mets :2 coup|coups|claque*|gifle*|baffe*",
            "il|elle ..2 me|m ..2 tire|tiree|trainee|traine ..3 cheveux|par_terre",
            "poussee|pousse|jetee|projetee ..3 par_terre|contre|escalier*|mur|murs",
            "et|puis|qui :1 m|me ..1 donne|met|mis :2 coup|coups|claque*|gifle*|baffe*",
            "m|me ..1 mise|jetee|poussee|plaquee|trainee ..1 a|par|au terre|sol",
        ],
        not_if: TODDLER_OR_FEEDING,
        ..BASE
    },
    Cue {
        cue: "a violent person trying to get in",
        pats: &["essaie|essaye|tente|veut|cherche|essayer :2 d|de entrer|rentrer|forcer|defoncer"],
        requires: &[&["violent*|frapp*|peur|menace*|police|terroris*|bat|battu*|enferm*|cogne*"]],
        ..BASE
    },
    Cue {
        cue: "being beaten or a victim of violence now",
        pats: &[
            "je|j :3 victime|subis|subi|vis|recois|recu|prends|pris ..3 violence*|coups|coup|viol|agression*|frappe* !psycholog*|verbal*|economique*|moral*|administrative*|educative*",
            "je|j :2 suis|me|fais|fait ..2 battue|battu|battre|frapper|taper|tabasser|violer|agresser|etrangler|frappee|tapee|violee|agressee|tabassee",
            "je|on|nous :2 suis|est|sommes en danger",
            "peur ..2 pour ..1 ma|mes|nos|notre vie|vies|jours|peau",
        ],
        ..BASE
    },
    Cue {
        cue: "afraid of a partner",
        strength: Event,
        pats: &["peur de|d mon|ma|son|sa|cet|ce :1 {partner}"],
        not_if: &["garde|pension|divorce|jugement|avocat|juge|tribunal|reaction|avis|parle|dire|annoncer|reprendre"],
        ..BASE
    },
    Cue {
        cue: "threats to kill or hurt",
        pats: &[
            "{partner}|il|elle|ils|on :2 va|vont|veut|veux|veu|vx|veulent|voulait|allait|menace*|essaye|essaie|tente|failli|faillit|dit|promet|jure|revenir|revient|reviendra ..4 me|m|nous ..1 {kill}|{hit}|tabasser|defoncer|egorger|etrangler|cogner|taper|frapper|battre",
            "menace* ..3 mort|couteau|arme|fusil|pistolet|hache|batte",
            "menace* ..2 de? tout_casser|casser|frapper|taper|defoncer|cogner|tabasser|battre",
            "menace* ..3 {kill}|frapper|taper|secouer|jeter|noyer ..3 {baby}|le|la|les|l|lui|enfants|nous",
            "{partner}|il|elle :2 va|veut|veulent|vont ..2 {kill} ..2 {baby}|les|le|la|nous",
            "{partner}|il|elle|ils :3 sorti|sort|brandi*|pointe|prend|pris|a|avec ..2 un|une|son|sa|le? couteau|couteaux|arme|fusil|pistolet|hache|flingue",
            "couteau ..3 gorge",
            "en train :2 de? casser|tout_casser|frapper|taper|cogner|defoncer",
            "{partner}|il|elle|ils :3 casse|casser|detruit|defonce|brise|saccage :2 tout|toute|toutes|porte|meubles|maison|appart*|murs|vaisselle",
            "defonce|enfonce|defoncer|enfoncer|tambourine :2 la|ma|notre? porte",
            "{partner}|il|elle|ils :3 <!s|se|est|me|m tape|tapent|frappe|cogne ..1 dans|contre les|la? murs|mur|porte",
            "peur de|d lui|eux $",
            "peur de|d lui|eux il|elle|car|parce|quand|depuis|je|j|mais|et|maintenant|ce|surtout|vraiment|tellement",
            "peur qu|que il|elle|ils ..2 revienne|reviennent|rentre|revient|recommence|retrouve|trouve|debarque|frappe|tue|tape|batte !a|de|d",
            "peur qu|que il|elle|ils ..2 me|m|nous ..2 {kill}|{hit}|fasse|fassent|retrouve|trouve",
            "je|j :2 suis|sommes :1 enfermee|enferme|enfermes|sequestree|sequestre|sequestres !dehors",
            "m|me|nous ..2 enferm*|sequestr* !dehors",
            "m|me|nous ..2 enferm* dehors",
            "m|me|nous|ma :2 empeche* ..3 sortir|partir|appeler|telephoner|quitter|fuir",
            "m|ma|nous ..2 mis|mise|jete|jetee|viree ..2 dehors|porte",
            "force|oblige|obligee|forcee ..3 coucher|rapport*|relation*|sexe|sexuel*",
        ],
        unless: &[
            "{kill} ..3 a_force|avec_ses|avec_les|a_pleurer|a_crier|de_rire|ce_bebe|ce_petit|ce_gosse",
            "violent*|agressi* ..2 avec|envers|contre|sur ..3 {baby}|enfant|enfants",
        ],
        not_if: &["<!a|ai|as|avait donne|donnent|met|mets|mettent ..2 coup|coups ..4 ventre|bidon|cotes"],
        joke: true,
        ..BASE
    },
];

static DANGER_BEBE: &[Cue] = &[
    Cue {
        cue: "urge to shake the baby, or has shaken it",
        pats: &[
            // « j'ai envie de le secouer », « je l'ai secoué », « j'ai secoué mon bébé ».
            "je|j|moi :3 le|la|l|lui ai|avais|aurais? secou*|sekou*",
            "je|j|moi :3 secou*|sekou* ..2 {baby}|lui",
            "{urge} :3 le|la|l|lui? secou*|sekou*",
        ],
        unless: &[
            "secou* ..2 biberon*|bib|lait|poudre|flacon|bouteille|hochet|tete|bras|jambes|mains|pieds|couverture|drap*|tapis|gigoteuse|thermometre|tetine|jouet*|doudou|poussette|transat|berceau|cosy|lit|arbre|tapis",
            "biberon*|bib|lait|poudre|flacon|bouteille|hochet|thermometre|transat|berceau|cosy|poussette :3 le|la|l secou*",
        ],
        ..BASE
    },
    Cue {
        cue: "violent with the baby",
        pats: &[
            "je|j :4 violent|violente|brutal|brutale|gestes_violents|geste_violent|agressif|agressive ..2 avec|envers|contre|sur ..3 {baby}|lui|elle",
        ],
        ..BASE
    },
    Cue {
        cue: "afraid of hurting the baby",
        pats: &[
            "{urge} :3 lui|le|la|l|bebe :1 faire|fasse|fais|ferai|ferais du_mal|quelque_chose|quelquechose|une_betise|une_connerie|un_truc",
            "{urge} :3 lui|le|la|l faire|fasse mal !a|au|aux|en|quand|pendant|avec|lors|si|car|parce|pour|dans|involontairement",
            "{urge} :3 faire du? mal a|au ..2 {baby}",
            "peur|crains|capable|terrifie|terrifiee|effraie :3 ce que|qu je|j ..3 lui|le|la|l ..1 faire|fasse|fais|ferai|ferais|pourrais",
            "je|j :3 lui ..2 fait|faire du mal",
            "peur ..2 ce que|qu je|j ..2 vais|pourrais|pourrai|risque|suis_capable|peux ..2 faire|fasse",
            "peur :3 reaction*|geste*|pulsion*|violent*|violence|betise|connerie|acte",
            "peur :2 perdre le? controle|patience|pedales|tete|pied",
        ],
        unless: &["mal ..1 a|au|en ..1 dos|bras|ventre|tete|cou|dents|ongles"],
        ..BASE
    },
    Cue {
        cue: "smothering the baby to silence it",
        pats: &[
            "je|j :3 mis|mets|mettre|plaque*|appuye|appuie|serre|tenu|tiens ..4 main|mains|coussin|oreiller|couverture|doudou|linge ..4 bouche|visage|tete|nez|cou",
        ],
        ..BASE
    },
    Cue {
        cue: "afraid of hurting the baby",
        pats: &["peur :2 moi !meme"],
        requires: &[&["{crying}", "{baby}", "lui|le|la|l|secou*|craque*|bout|supporte"]],
        ..BASE
    },
    Cue {
        cue: "urge to hit or throw the baby, or has hit it",
        pats: &[
            "{urge} :3 le|la|l|lui jeter|balancer|lancer|frapper|taper|cogner|gifler|claquer|etrangler|etouffer|noyer|defenestrer|mordre|pincer|bruler|tabasser|fracasser|exploser|defoncer|jette|balance|lance|frappe|tape|cogne|gifle|blesser|baffer|fesser|boxer",
            "{urge} :3 jeter|balancer|lancer|frapper|taper|cogner|gifler|etrangler|etouffer|noyer|defenestrer|tabasser :2 {baby}",
            "le|la|l jeter|jette|balancer|balance|lancer|lance ..3 fenetre|mur|murs|terre|sol|balcon|escalier*|poubelle",
            "je|j :3 le|la|l|lui ..1 tape|tapee|frappe|frappee|gifle|giflee|claque|claquee|cogne|cognee|pince|pincee|mordu|jete|jetee|balance|balancee|lance|lancee|etrangle|etranglee|etouffe|etouffee",
            "je|j :3 tape|frappe|gifle|cogne|claque ..2 {baby}",
            "je|j :3 lui ..2 donne|mis|mets|colle|fous :2 fessee*|gifle*|claque*|baffe*|coup|coups",
            "{urge} :3 lui ..1 mettre|donner|coller|foutre :2 fessee*|gifle*|claque*|baffe*|coup|coups",
        ],
        unless: &[
            "blesser ..2 en|avec|quand|pendant|lors",
            "etouf*|ecraser ..3 dormant|dort|dors|dormir|lit|cododo|couverture|oreiller|sommeil|nuit",
            "tap* ..3 dos|rot|main|mains|doigts|epaule",
            "{partner}|telephone|portable|lait|biberon*|bib|couche*|puree|compote|tetine|doudou|jouet*|ordi|tele|tire_lait|livre :6 le|la|l|lui jeter|balancer|lancer|frapper|taper|jette|balance|lance|frappe|tape",
        ],
        ..BASE
    },
    Cue {
        cue: "urge to kill the baby",
        pats: &["{urge} :3 le|la|l|lui {kill}"],
        unless: &["{partner}|telephone|portable|ordi|chat|chien :6 le|la|l {kill}"],
        not_if: &["{partner}"],
        joke: true,
        ..BASE
    },
    Cue {
        cue: "about to snap at the baby",
        pats: &["vais|va|vai|peur|risque|sens|failli :3 craquer|exploser|peter|craque|explose ..1 sur|contre ..1 lui|elle|{baby}|mon|ma|le|la"],
        ..BASE
    },
    Cue {
        cue: "about to snap at the baby",
        pats: &[
            "je|j :3 vais|sens|suis ..3 craquer|peter|exploser|disjoncter|devenir_folle|devenir_fou|perdre_le_controle|perdre_les_pedales|perdre_patience",
            "me controle|maitrise ..1 plus|pas|pu",
            "peur :2 craquer|exploser|peter",
            "perds|perdu|perdre le controle",
            "plus maitre de moi",
        ],
        requires: &[&["{crying}", "{baby}", "lui|le|la|l"]],
        not_if: &["{advice}"],
        joke: true,
        ..BASE
    },
    Cue {
        cue: "cannot bear the baby's crying any more",
        pats: &[
            "supporte|supporter|supportes|supportais|supp|tolere|supporterai :1 plus|pas|pu ..3 {crying}|entendre|{baby}",
            "le|la|l supporte|supporter|supp :1 plus|pas|pu",
            "peux|arrive|arrivais :1 plus|pas|pu ..2 supporter|entendre ..3 {crying}|{baby}|le|la",
            "hais|deteste|haine|detester ..2 {baby}",
            "je|j :2 le|la|l hais|deteste",
        ],
        requires: &[&["{crying}", "{baby}"]],
        not_if: &["{advice}"],
        ..BASE
    },
    Cue {
        cue: "at the end of their tether with a crying baby, asking for help now",
        pats: &[
            "a bout",
            "bout_de_nerfs|bout_du_rouleau",
            "en peux|peu|pe|peut|peut plus",
            "craque|craquer|explose|deborde*|sature|saturee|epuise*|exasper*|excede*|nerfs",
        ],
        requires: &[
            &["{crying}"],
            &["au_secours|ausecou*|aidez|aide_moi|a_l_aide|alaide|sos|help|urgent|urgence|venez|quelqu_un|vite"],
        ],
        not_if: &["{advice}"],
        ..BASE
    },
];

static SUICIDE: &[Cue] = &[
    Cue {
        cue: "wants to die",
        pats: &[
            "{want} :2 mour*|crever|creve !de|d|du|des|le|la|l|les|un|une|ses|son|sa|mes|mon|ma|sous",
            "{want} :2 disparaitre|disparaitr*|disparaisse|disparaitrai !de|d|du|des|le|la|l|les|un|une|ses|son|sa|mes|mon|ma|sous|quelques|pour|en|ce|cette|deux|trois|#|vacances|loin|dans|a|au",
            "{want} :2 etre :1 mort|morte !de|d|du|des",
            "{want} :5 de|d mourir|crever|disparaitre !de|d|du|des|le|la|l|les|un|une|ses|son|sa|mes|mon|ma|sous",
            "mieux|plutot|prefere|prefererais ..2 mourir|morte|mort !de|d|du|des|subite",
            "laisse|laisser :1 mourir",
            "pense|pensees|pensais|songe|songer ..2 a|au|la? mort|mourir|suicide !subite|in|ne|nee|du|de|d|des|foetale|inattendue|perinatale",
            "si je|j :3 mourais|mourrais|disparaissais|partais|existais|morte|mort !de|d",
            "mort|mourir|suicide|disparaitre|en_finir ..4 seule|unique|meilleure|derniere ..1 solution|issue|option",
            "seule|unique|derniere solution|issue ..3 mourir|mort|en_finir|disparaitre|suicide|me_tuer",
            "{want} que|qu tout|ca :1 s|se arrete|arreter|finisse|termine ..1 definitivement|pour_toujours|a_jamais|pour_de_bon",
            "si je|j :3 plus|pas|jamais ..1 la|ici|vivante|vivant|de_ce_monde|au_monde",
        ],
        ..BASE
    },
    Cue {
        cue: "wants to end it all",
        pats: &[
            "en finir !avec",
            "en finir avec tout|moi|ca|existence|l|une|toi|tous",
            "en finir avec ..1 vie|jours|existence|souffrance*|douleur",
            "fin|terme ..1 a|au ..1 jours|vie|existence|tout|souffrance*",
            "me|m|se|s|te foutre|fous|fou|fout|foutu|jeter|balancer|mettre en l air",
        ],
        unless: &["fin ..1 a ..1 vie|l ..1 allaitement|grossesse|tetine"],
        ..BASE
    },
    Cue {
        cue: "thinking of suicide",
        pats: &[
            "je|j|me|m|moi :4 suicid*|sucid*|suicd*|suisid*|suiscid*|sicid*|suiside|sucide",
            "fait|fais|faire|refait|refais|refaire|fai :2 ts|tentative",
            "j|ai|avoir|avais|fais|rumine|viennent|revenir|reviennent :3 idee*|pensee* :1 noire*|suicid*|morbide*|de_mort",
        ],
        ..BASE
    },
    Cue {
        cue: "no reason to live",
        pats: &[
            "plus|pas|aucun|aucune ..1 gout|envie|interet ..2 la_vie|vivre|exister",
            "plus|pas|aucune|aucun|perdu|sans ..2 envie|gout|force|raison|but|sens ..2 de? vivre|exister|continuer|me_battre !l|le|la|les|a|au|mon|ma|mes|d|de|du|des|comme|ainsi|sans|avec",
            "veux|veut|ve|vx|voudrais|peux|arrive|supporte|envie|veu :1 plus|pas|pu ..3 vivre|exister !chez|avec|ici|la|dans|en|a|au|loin|sans|comme|seule|seul|ensemble|sous",
            "marre|bol|fatigue|fatiguee|lasse|las ..2 de|d vivre|la_vie|exister",
            "vie :2 plus|pas|aucun :2 sens|valeur|interet",
            "vie :2 vaut :2 plus|pas|rien",
            "vaut|valait|vaudrait ..2 la_peine ..2 vivre|continuer|exister",
            "plus de sens a ma vie",
            "a quoi bon ..2 vivre|continuer|me_lever|exister|me_battre|tout_ca|rester|la_vie|tenir|survivre|se_battre",
            "a quoi ca|cela sert ..3 vivre|continuer|exister|la_vie",
            "plus|pas|aucune|sans|autre ..2 issue|issues",
            "mieux|heureux|heureuse|heureuses|tranquilles ..3 sans moi",
            "sans moi ..3 mieux|heureux|heureuse",
            "personne ne ..1 me regrettera|regretterait|remarquera",
            "partir|aller|disparaitre|quitter ..2 pour_toujours|a_jamais|pour_de_bon|ce_monde|cette_terre|cette_vie",
            "{want}|dormir|endormir|endorme|partir :4 plus|jamais|pas :1 me reveiller|reveille",
            "{want} :2 plus|pas :1 etre_la|exister",
            "{want} :2 m_endormir|mendormir ..1 pour_toujours|a_jamais|definitivement|eternellement",
        ],
        unless: &[
            "issue ..2 favorable|heureuse",
            "issue ..3 garde|creche|nounou|nourrice|dossier|logement|travail|boulot|caf|argent|financ*|juridique|conflit|litige|probleme",
            "personne ne ..1 me remarquera ..2 rendez"],
        ..BASE
    },
    Cue {
        // « Faire une bêtise », « une connerie »: how people in crisis often say it.
        cue: "about to do something irreparable",
        pats: &["je|j :2 vais|risque|pourrais|peux|sens|finir ..2 faire une|des? betise|betises|connerie|conneries|truc_grave|quelque_chose_de_grave|irreparable"],
        joke: true,
        ..BASE
    },
    Cue {
        cue: "feels a burden to others",
        strength: Weak,
        pats: &["fardeau", "suis ..1 un poids|boulet pour"],
        ..BASE
    },
    Cue {
        cue: "self-harm",
        pats: &[
            "<!il|elle|ils|on|tu|qui me|m :2 scarifi*|scarifie|mutil*|taillad*|entaill*",
            "ouvrir|ouvre|couper|coupe|trancher ..1 les veines",
            "je|j|de|d|a|moi|pour|et|envie|peur :1 me|m ..2 fais|fait|faire|fasse ..1 du mal !au|aux|a|avec|quand|pendant|lors|dos|en_tombant|en_portant|en_cuisinant|en_jouant",
            "<!il|elle|ils|on|tu|qui me|m :2 couper|coupe|coupee|suis_coupee ..3 bras|poignet*|veines|cuisses|lame|rasoir|cutter|expres|volontairement|soulager|calmer|punir|sentir|tenir|apaiser",
            "<!il|elle|ils|on|tu|qui me|m :2 bruler|brule|brulee ..3 expres|volontairement|cigarette*|briquet",
            "<!il|elle|ils|on|tu|qui me|m :2 faire_mal|blesser ..1 expres|volontairement",
            "<!il|elle|ils|on|tu|qui me|m :2 tape|tapais|cogne|cognais|frappe|frappais|griffe|mords|mord|pince|brule ..8 saigner|saigne|sang|expres|volontairement|punir",
        ],
        ..BASE
    },
    Cue {
        cue: "a way to kill oneself",
        pats: &[
            "me|m|se|s :1 pendre|pends|pendu|pendue|noyer|noie|defenestrer|immoler|tirer_une_balle",
            "me|m :1 jeter|jette ..3 fenetre|pont|train|balcon|metro|rer|voiture|vide|toit|immeuble|sous|falaise|camion|voie*",
            "sauter|saute|sautee ..3 fenetre|pont|balcon|toit|immeuble|falaise|vide|train|etage",
            "je|j|{want} :3 me|m {kill} !a|au|aux|pour|sur",
            "<!il|elle|ils|on|tu|va|vas|vont|veut|veulent|allait|voulait|menace|essaye|essaie|tente|dit|par|finira|failli|faillit me|m tuer|suicider|buter|flinguer|achever !a|au|aux|pour|sur|de|d",
            "je|j|{want} :3 m achever",
            "avale*|prendre|pris|prends|avaler ..4 tous|toutes|toute|boite|boites|plaquette|plaquettes|flacon|tube ..3 {pill}|{kidmed}",
            "je|j :3 avale*|pris|ingere|ingurgite|bu|avaler|prendre ..4 trop|tout|tous|toute|boite|plaquette|plein|plusieurs|flacon ..3 {pill}|{kidmed}",
            "je|j :3 avale*|bu|avaler|boire ..4 {poison}",
        ],
        unless: &["sauter ..2 repas|etape|nuit|tetee"],
        ..BASE
    },
    Cue {
        cue: "talks of suicide",
        strength: Weak,
        pats: &[
            "suicid*|sucid*|suicd*|suisid*|suiscid*|sicid*|suiside|sucide",
            "scarif*|automutil*|auto_mutil*",
            "idee*|pensee* :1 noire*|suicid*|de_mort",
            "overdose|surdose",
            "adieu",
            "je|j :2 vais mourir !de|d|du|des",
            "je|j :2 vais|veux crever !de|d|du|des",
        ],
        unless: &[
            "s est suicid*",
            "suicide de ..1 mon|ma|son|sa|mes",
            "adieu ..2 allaitement|tetine|sucette|couche*|biberon*|sein|grossesse|ventre",
        ],
        joke: true,
        ..BASE
    },
];

static CHILD: &[Cue] = &[
    Cue {
        cue: "an adult hitting or mistreating a child",
        pats: &[
            // « mon voisin frappe son enfant », « le compagnon de ma sœur tape le bébé ».
            "{adult} :4 {hit}|secou*|sekou*|maltrait*|brutalis*|violent*|attache*|enferm*|brule*|affam*|drogue|droguer|drogu* ..4 {baby}",
            "{adult} :3 donne|met|mis|mets|colle ..2 coup|coups|claque*|gifle*|baffe*|fessee* ..3 {baby}",
            "abus*|abuse ..1 de|d ..2 {baby}",
            "{adult} :2 tripote*|tripotait ..2 {baby}",
            "violent*|agressi*|brutal ..2 avec|envers|contre|sur ..3 {baby}|enfant|enfants",
        ],
        unless: &[
            // Siblings and cousins among themselves.
            "<!de|d|du|des mon|ma|son|sa|le|la|l|notre|leur|votre|ton|ta grand|grande|petit|petite|jeune|plus? fils|fille|frere|soeur|aine|ainee|cousin|cousine|jumeau|jumelle|grand|grande :4 le|la|l|lui? {hit}",
            "il|elle|ils|elles :2 {hit}|secou* ..3 frere|soeur|cousin|cousine|copain|copine|copains",
            "secou* ..2 biberon*|tete|hochet|bras|jambes",
            "petit|petite|petits|petites voisin|voisine|voisins|copain|copine|copains|camarade*",
            "{baby}|aine|ainee|grand|grande|frere|soeur|cousin|cousine :3 sont|est|etait ..1 violent*|agressi*|brutal",
        ],
        ..BASE
    },
    Cue {
        cue: "someone hitting or shaking a child",
        pats: &["il|elle|ils|elles|on :3 <!etre|ete|est|suis|es {hit}|secou*|sekou*|maltrait*|brutalis*|attache*|enferm*|brule*|affam* ..4 {baby}"],
        unless: &[
            "secou* ..2 doucement|gentiment|legerement|tendrement",
            "il|elle|ils|on ..1 m|me|nous|ma ..2 {hit}|secou*|enferm*|attache*|brule*",
            "il|elle|ils|elles :2 {hit}|secou* ..3 frere|soeur|cousin|cousine|copain|copine|copains",
            "secou* ..2 biberon*|tete|hochet|bras|jambes",
        ],
        // An older sibling or a toddler: « mon grand est jaloux, il a tapé le bébé ».
        not_if: &[
            "jaloux|jalouse|jalousie|aine|ainee|grand_frere|grande_soeur|petit_frere|petite_soeur",
            "mon|ma|notre|son|sa grand|grande",
            "il|elle|qui a 1|2|3|4|5|6|un|deux|trois|quatre|cinq|six an|ans",
            "il|elle|qui a # mois",
        ],
        ..BASE
    },
    Cue {
        cue: "an adult burning a child",
        pats: &["{adult} :3 le|la|l|les|lui ..1 brule|brulait|brulent|brule ..3 cigarette*|fer|briquet|eau_bouillante"],
        ..BASE
    },
    Cue {
        cue: "an adult hitting or mistreating a child",
        pats: &["{adult} :3 le|la|l|les|lui ..1 {hit}|secou*|maltrait*|brutalis*|attache*|enferm*|brule*|affam*"],
        // « son mec la frappe » is about an adult woman: a child must be in the picture.
        requires: &[&["{baby}", "secou*|sekou*", "nourrice|babysitter|sitter|assistante|creche|garde|garder"]],
        ..BASE
    },
    Cue {
        cue: "a child being beaten, abused or neglected",
        strength: Event,
        pats: &[
            "{baby} :3 est|sont|etait|a_ete|ont_ete|se_fait|se_font|s_est_fait|se_faisait|fait :2 battu*|frappe*|tape|tapee|tapes|maltraite*|secoue*|viole|violee|violes|violees|abuse*|agresse*|attache*|enferme*|brutalise*|tabasse*|frapper|taper|battre|maltraiter|secouer|violer|agresser|abuser",
            "laisse|laissent|laissait|abandonne* ..3 {baby}|le|la|l|les ..2 seul|seule|seuls|seules ..4 journee|jour|jours|nuit|nuits|heures|heure|maison|appart*|voiture|soir|soiree|week|temps",
            "{baby} ..5 seul|seule|seuls|seules ..2 toute_la_journee|toute_la_nuit|des_heures|dans_la_voiture",
            "{baby} ..5 laisse|laisses|laissee|laissees|abandonne* ..1 seul|seule|seuls|seules",
            "{adult} :2 laisse|laissent|laissait|oublie ..3 {baby}|le|la|l|les tout|toute|tous|toutes? seul|seule|seuls|seules",
            "{baby} ..3 subit|subi|subissent|victime|victimes ..3 violence*|maltraitance*|coups|abus|attouchement*",
            "ne|n lui|le|la|les? donne|donnent|nourrit|nourrissent|nourris pas|plus|jamais !assez|suffisamment|beaucoup|bien|trop|tout ..2 a_manger|a_boire",
            "touche* ..3 parties|sexe|zizi|zezette|foufoune|intimes",
        ],
        unless: &[
            "s|se est? tape|tapee|cogne|cognee|frappe|frappee ..2 la|sa? tete|contre|front",
            "je|j|on|nous|tu|vous :2 ne|n lui|le|la|les? donne|donnent|nourrit|nourris",
            "seul|seule|seuls|seules ..3 lit|berceau|sieste|chambre|parc|transat|jouer|joue|dormir|s_endormir|endormir",
        ],
        not_if: &["par un|une|des|les|d autre*|autre*|copain*|copine*|camarade*|grand|grands", "{hit} ..3 a_la_creche|creche"],
        ..BASE
    },
    Cue {
        cue: "suspected abuse of a child",
        strength: Weak,
        pats: &[
            "maltrait*|maltraitance",
            "attouchement*|pedophil*|pedocrimin*|inceste|incestueu*",
            "abus|abuse|abusee|abuses|agression|agressions|agresse|agressee ..1 sexuel*",
            "{baby} ..4 en danger",
            "{adult} :2 touche|touchait ..2 {baby}",
            "revient|rentre|retour|retourne|reviens ..6 bleus|hematome*|traces|marques|brulure*",
            "negli*|affame*",
        ],
        ..BASE
    },
];

// ---------------------------------------------------------------------------
// Framing markers.
// ---------------------------------------------------------------------------

/// A hypothesis about someone's baby: suppresses events unless a possessive
/// (« si *mon* bébé a avalé ») comes between it and the cue.
const HYPO_IF: &[&str] = &[
    "que|quoi|comment|faut|doit|dois|reagir|agir ..2 si|quand|lorsque|lorsqu",
    "que|quoi|comment|faut|doit|dois|reagir|agir ..2 s il|ils|elle",
    "grave|dangereux|dangereuse|normal|inquietant|mauvais|risque si|s",
    "en_cas|au_cas|cas_ou|si_jamais",
    "<!sais|sait|savoir|demande|sure|sur|verifie|verifier|regarde|regarder|comprends|comprend|vois|voir|voit|remarque|dis si|quand|lorsque|lorsqu|chez un|une|le|la|l|les|des|aux? {baby}",
    "pour un|une|les {baby}",
    "les|des|aux bebes|nourrissons|enfants|nouveaux|petits",
    "un|une bebe|nourrisson|enfant|nouveau|nouvelle ..2 qui",
];

/// Prevention and fear of what might happen: always suppresses events after it.
const HYPO_PREVENT: &[&str] = &[
    "evit*|preven*|empech*|proteg*|securis*",
    "pour|afin que|qu|pas|ne",
    "peur|crainte|craint|crains|angoisse|angoissee|hantise|terrifiee|terrifie|stresse|stressee|inquiete|inquiet|panique :2 que|qu|de|d",
    "risque*|risquer|risquait|dangereux|dangereuse",
    "peut|peuvent|pourrait|pourraient|puisse|puissent|pourra|pourrais !plus|pas|pu|jamais|rien|etre|meme",
    "eventuellement|hypothetiquement|imaginons|admettons|supposons",
    "comme si|s",
];
/// « Est-ce normal qu'il s'étouffe avec la compote ? »: a question about a habit,
/// before an event in the clause (not used for fever: « est-ce normal que mon
/// bébé de 3 semaines ait 38,2 ? » is urgent).
const HYPO_NORMAL: &[&str] = &["normal|normale que|qu|de|d|si"];

/// When one of these overlaps a prevention marker, the fear is about something
/// that has happened (« j'ai peur qu'il *ait* avalé »): not a hypothesis.
const HYPO_PREVENT_UNLESS: &[&str] = &[
    "peut|peuvent|pourrait|pourraient|puisse|puissent ..1 avoir avale*|bu|mange*|pris|ingere*|eu|fait|convulse|perdu",
    "peur|crainte|craint|crains|angoisse|angoissee|hantise|terrifiee|terrifie|stresse|stressee|inquiete|inquiet|panique ..4 ait|aie|aies|aient|avoir|a|ai|est|soit|ete|etait|avait",
];

/// Informational framing: suppresses weak cues anywhere in the message
/// (« les convulsions fébriles, c'est quoi ? »); not « c'est quoi le numéro ».
const INFO: &[&str] = &[
    "c|ces|cest est? quoi !le_numero|le_num|le_tel|le_telephone|les_numeros|le_samu",
    "qu est ce que|qu c|le|la|les|l|un|une|des",
    "definition|definir|signifie|signification",
    "veut dire",
    "signe|signes|symptome*|reconnaitre|reconnait|detecter|reperer|differencier",
    "syndrome",
    "info|infos|information*|renseignement*|documentation|brochure*|article*|video*|livre*|atelier*|formation*|cours|prevention|conference*|flyer*|affiche*",
    "premiers secours",
    "gestes qui sauvent",
    "secourisme",
    "a partir de quand",
    "quand consulter|appeler|aller|s_inquieter",
    "quand faut il",
    "comment savoir",
    "quel|quels|quelle|quelles ..1 risque|risques|temperature|degre|degres|suivi|traitement|examen|examens",
    "a partir de quelle|combien",
    "comment|ou|qui ..2 signaler|signalement",
    // « C'est de la maltraitance ? »: is this abuse?
    "c|ce|est|serait est? de_la|du|de maltraitance|violence|violences|abus|negligence",
];

/// « Est-ce normal ? »: suppresses weak cues in its own clause only (« il
/// respire mal, c'est normal ? » still counts).
const INFO_CLAUSE: &[&str] = &["<!pas|plus normal|normale|normaux"];

/// Habits: medical weak cues and events in such a clause are everyday questions.
const HABITUAL: &[&str] = &[
    "souvent|parfois|quelquefois|regulierement|frequemment|habituellement|habitude",
    "des|chaque fois",
    "tous les jours|soirs|matins",
    "toutes les nuits",
    "de temps en temps",
];

/// A cry for help now: lifts every framing suppression.
const URGENT: &[&str] = &[
    "au secours",
    "ausecou*|ausecour*",
    "<!premiers|premier|poste|gestes|trousse|numero|numeros secours|secour",
    "aidez|alaide",
    "aide moi",
    "a l aide",
    "sos|help",
    "urgent",
    "<!d|numero|numeros|service|services urgence",
];

const POSSESSIVES: &[&str] = &["mon", "ma", "mes", "notre", "nos"];
const AUXILIARIES: &[&str] = &[
    "a", "as", "ai", "est", "ont", "sont", "avait", "etait", "ait", "eu", "ete",
];

// ---------------------------------------------------------------------------
// Patterns.
// ---------------------------------------------------------------------------

/// One alternative: an exact word, a stem (`respir*`), a number (`#`), or
/// several of these joined by `_` (`tout_casser`, `il_y_a_#_mois`).
#[derive(Debug)]
enum Alt {
    Exact(String),
    Prefix(String),
    Number,
    Seq(Vec<Alt>),
}

impl Alt {
    fn parse(s: &str) -> Alt {
        assert!(
            s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"*_#".contains(&b)),
            "safety pattern: {s:?} is not in plain form"
        );
        if s.contains('_') {
            return Alt::Seq(s.split('_').map(Alt::parse).collect());
        }
        if s == "#" {
            return Alt::Number;
        }
        match s.strip_suffix('*') {
            Some(stem) => Alt::Prefix(stem.to_owned()),
            None => Alt::Exact(s.to_owned()),
        }
    }

    /// How many words it covers from `pos`, if it matches there.
    fn len_at(&self, toks: &[&str], pos: usize) -> Option<usize> {
        match self {
            Alt::Exact(w) => (toks.get(pos)? == w).then_some(1),
            Alt::Prefix(stem) => toks.get(pos)?.starts_with(stem.as_str()).then_some(1),
            Alt::Number => is_number(toks.get(pos)?).then_some(1),
            Alt::Seq(parts) => {
                let mut at = pos;
                for p in parts {
                    at += p.len_at(toks, at)?;
                }
                Some(at - pos)
            }
        }
    }
}

/// The alternatives for one word: `a|b*|{set}|-excluded*`.
#[derive(Debug, Default)]
struct Alts {
    /// Exact words, looked up at once (sets hold dozens of them).
    words: std::collections::HashSet<String>,
    /// Stems, numbers and multi-word alternatives.
    any: Vec<Alt>,
    except: Vec<Alt>,
}

impl Alts {
    fn parse(spec: &str) -> Alts {
        let mut alts = Alts::default();
        alts.add(spec, false);
        assert!(
            !(alts.any.is_empty() && alts.words.is_empty()),
            "safety pattern: empty alternatives in {spec:?}"
        );
        alts
    }

    fn add(&mut self, spec: &str, negated: bool) {
        for part in spec.split('|') {
            let (neg, part) = match part.strip_prefix('-') {
                Some(p) => (true, p),
                None => (false, part),
            };
            let neg = neg != negated;
            if let Some(name) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                let set = SETS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .unwrap_or_else(|| panic!("safety pattern: unknown set {{{name}}}"))
                    .1;
                self.add(set, neg);
            } else {
                assert!(!part.is_empty(), "safety pattern: empty alternative in {spec:?}");
                match (neg, Alt::parse(part)) {
                    (true, alt) => self.except.push(alt),
                    (false, Alt::Exact(w)) => {
                        self.words.insert(w);
                    }
                    (false, alt) => self.any.push(alt),
                }
            }
        }
    }

    /// Tries `rest` after each way it can match at `pos` (multi-word
    /// alternatives first); an excluded word matches nothing.
    fn then(&self, toks: &[&str], pos: usize, mut rest: impl FnMut(usize) -> Option<usize>) -> Option<usize> {
        let tok = toks.get(pos)?;
        if self.except.iter().any(|a| a.len_at(toks, pos).is_some()) {
            return None;
        }
        let mut single = self.words.contains(*tok);
        for a in &self.any {
            match a.len_at(toks, pos) {
                Some(1) => single = true,
                Some(len) => {
                    if let Some(e) = rest(len) {
                        return Some(e);
                    }
                }
                None => {}
            }
        }
        if single {
            rest(1)
        } else {
            None
        }
    }

    fn matches_at(&self, toks: &[&str], pos: usize) -> bool {
        self.then(toks, pos, Some).is_some()
    }
}

/// One element of a pattern.
#[derive(Debug)]
enum El {
    /// One word among alternatives; optional when written `alts?`.
    Word(Alts, bool),
    /// `..N` (default 3): up to N words, never a negation; `:N`: nor a new subject or clause.
    Gap(usize, bool),
    /// `!alts`: the next word, if any, is none of these.
    NotNext(Alts),
    /// `<!alts`: the previous word, if any, is none of these.
    NotPrev(Alts),
    /// `#`: a number.
    Number,
    /// `$`: the end of the clause.
    End,
    /// `^`: the start of the clause.
    Start,
}

/// A sequence of words over the plain form of one clause (alternatives are
/// single words, stems, or several words joined by `_`), e.g.
/// `je|j :3 le|la|l ..1 secou*`: « je », then at most three words (no new
/// subject, no negation), then « le »/« la »/« l », at most one word, then a word
/// starting with « secou ».
#[derive(Debug)]
struct Pattern {
    els: Vec<El>,
}

impl Pattern {
    fn parse(src: &str) -> Pattern {
        let els = src
            .split_whitespace()
            .map(|t| {
                if t == "$" {
                    El::End
                } else if t == "^" {
                    El::Start
                } else if t == "#" {
                    El::Number
                } else if let Some(rest) = t.strip_prefix("<!") {
                    El::NotPrev(Alts::parse(rest))
                } else if let Some(rest) = t.strip_prefix('!') {
                    El::NotNext(Alts::parse(rest))
                } else if let Some(rest) = t.strip_prefix("..") {
                    El::Gap(if rest.is_empty() { 3 } else { parse_n(rest, src) }, false)
                } else if let Some(rest) = t.strip_prefix(':') {
                    El::Gap(parse_n(rest, src), true)
                } else if let Some(alts) = t.strip_suffix('?') {
                    El::Word(Alts::parse(alts), true)
                } else {
                    El::Word(Alts::parse(t), false)
                }
            })
            .collect::<Vec<_>>();
        assert!(
            els.iter().any(|e| matches!(e, El::Word(_, false) | El::Number)),
            "safety pattern: {src:?} matches nothing"
        );
        Pattern { els }
    }

    /// Every match, as (start, end) word indices: the first end found for each start.
    fn spans(&self, toks: &[&str]) -> Vec<(usize, usize)> {
        (0..toks.len())
            .filter_map(|s| match_from(&self.els, toks, s).map(|e| (s, e)))
            .filter(|(s, e)| e > s)
            .collect()
    }

    fn is_in(&self, toks: &[&str]) -> bool {
        (0..toks.len()).any(|s| match_from(&self.els, toks, s).is_some_and(|e| e > s))
    }
}

fn parse_n(s: &str, src: &str) -> usize {
    s.parse()
        .unwrap_or_else(|_| panic!("safety pattern: bad gap {s:?} in {src:?}"))
}

fn match_from(els: &[El], toks: &[&str], pos: usize) -> Option<usize> {
    let Some((el, rest)) = els.split_first() else {
        return Some(pos);
    };
    match el {
        El::Word(alts, optional) => {
            if let Some(e) = alts.then(toks, pos, |len| match_from(rest, toks, pos + len)) {
                return Some(e);
            }
            if *optional {
                match_from(rest, toks, pos)
            } else {
                None
            }
        }
        El::Number => {
            if toks.get(pos).is_some_and(|t| is_number(t)) {
                match_from(rest, toks, pos + 1)
            } else {
                None
            }
        }
        El::Gap(max, tight) => {
            for k in 0..=*max {
                if k > 0 {
                    let t = toks.get(pos + k - 1)?;
                    if NEGATIONS.contains(t) || (*tight && CLAUSE_WORDS.contains(t)) {
                        return None;
                    }
                }
                if let Some(e) = match_from(rest, toks, pos + k) {
                    return Some(e);
                }
            }
            None
        }
        El::NotNext(alts) => {
            if alts.matches_at(toks, pos) {
                None
            } else {
                match_from(rest, toks, pos)
            }
        }
        El::NotPrev(alts) => {
            if pos > 0 && alts.matches_at(toks, pos - 1) {
                None
            } else {
                match_from(rest, toks, pos)
            }
        }
        El::End => {
            if pos == toks.len() {
                match_from(rest, toks, pos)
            } else {
                None
            }
        }
        El::Start => {
            if pos == 0 {
                match_from(rest, toks, pos)
            } else {
                None
            }
        }
    }
}

fn is_number(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// Patterns with the phrases that, overlapping a match, cancel it.
struct Phrase {
    pats: Vec<Pattern>,
    unless: Vec<Pattern>,
}

impl Phrase {
    fn new(pats: &[&str], unless: &[&str]) -> Phrase {
        Phrase {
            pats: pats.iter().map(|p| Pattern::parse(p)).collect(),
            unless: unless.iter().map(|p| Pattern::parse(p)).collect(),
        }
    }

    fn spans(&self, toks: &[&str]) -> Vec<(usize, usize)> {
        let found: Vec<(usize, usize)> = self.pats.iter().flat_map(|p| p.spans(toks)).collect();
        if found.is_empty() || self.unless.is_empty() {
            return found;
        }
        let vetoes: Vec<(usize, usize)> = self.unless.iter().flat_map(|p| p.spans(toks)).collect();
        found
            .into_iter()
            .filter(|(s, e)| !vetoes.iter().any(|(vs, ve)| vs < e && s < ve))
            .collect()
    }

    fn is_in(&self, toks: &[&str]) -> bool {
        !self.spans(toks).is_empty()
    }
}

// ---------------------------------------------------------------------------
// The compiled rules.
// ---------------------------------------------------------------------------

struct Markers {
    hypo_if: Phrase,
    hypo_prevent: Phrase,
    hypo_normal: Phrase,
    info: Phrase,
    info_clause: Phrase,
    habitual: Phrase,
    urgent: Phrase,
}

/// How one clause is framed, worked out once per message.
struct Framing {
    /// Where prevention or fear markers end (« comment éviter que », « peur qu »).
    prevent_ends: Vec<usize>,
    /// Where « est-ce normal que » ends.
    normal_ends: Vec<usize>,
    /// Where hypotheses end (« que faire si », « chez un bébé »).
    if_ends: Vec<usize>,
    /// « Est-ce normal ? » in the clause.
    normal_question: bool,
    /// « souvent », « chaque fois »…
    habitual: bool,
}

impl Framing {
    fn new(toks: &[&str], mk: &Markers) -> Framing {
        let ends = |p: &Phrase| p.spans(toks).into_iter().map(|(_, e)| e).collect::<Vec<_>>();
        Framing {
            prevent_ends: ends(&mk.hypo_prevent),
            normal_ends: ends(&mk.hypo_normal),
            if_ends: ends(&mk.hypo_if),
            normal_question: mk.info_clause.is_in(toks),
            habitual: mk.habitual.is_in(toks),
        }
    }

    /// A hypothesis or a prevention before `start` in the clause.
    fn hypothesis_before(&self, toks: &[&str], start: usize) -> bool {
        if self.prevent_ends.iter().chain(&self.normal_ends).any(|e| *e <= start) {
            return true;
        }
        // « que faire si *mon* bébé *a* avalé… » reports an event; « que faire si
        // mon bébé s'étouffe » is still a hypothesis.
        self.if_ends.iter().any(|e| {
            *e <= start && {
                let between = &toks[*e..(start + 4).min(toks.len())];
                !(between.iter().any(|t| POSSESSIVES.contains(t)) && between.iter().any(|t| AUXILIARIES.contains(t)))
            }
        })
    }

    fn hypothesis_anywhere(&self) -> bool {
        !self.prevent_ends.is_empty() || !self.if_ends.is_empty()
    }
}

struct CompiledCue {
    cue: &'static str,
    strength: Strength,
    phrase: Phrase,
    requires: Vec<Vec<Pattern>>,
    not_if: Vec<Pattern>,
    joke: bool,
    custom: Option<fn(&View) -> bool>,
}

impl CompiledCue {
    fn new(c: &Cue) -> CompiledCue {
        CompiledCue {
            cue: c.cue,
            strength: c.strength,
            phrase: Phrase::new(c.pats, c.unless),
            requires: c
                .requires
                .iter()
                .map(|g| g.iter().map(|p| Pattern::parse(p)).collect())
                .collect(),
            not_if: c.not_if.iter().map(|p| Pattern::parse(p)).collect(),
            joke: c.joke,
            custom: c.custom,
        }
    }

    fn fires(&self, v: &View, medical: bool) -> bool {
        if self.joke && v.joke && !v.urgent {
            return false;
        }
        if let Some(f) = self.custom {
            return f(v);
        }
        let in_clauses = v.clauses.iter().zip(&v.framing).any(|(toks, framing)| {
            self.phrase
                .spans(toks)
                .into_iter()
                .any(|(s, _)| self.accepts(toks, framing, s, v, medical))
        });
        // First-person danger may straddle a comma: « j'ai envie de tout arrêter, de mourir ».
        let matched = in_clauses || (self.strength == Always && self.phrase.is_in(&v.all));
        matched
            && !self.not_if.iter().any(|p| v.any_clause(p))
            && self.requires.iter().all(|g| g.iter().any(|p| v.any_clause(p)))
    }

    /// Whether a match starting at `s` survives its framing.
    fn accepts(&self, toks: &[&str], framing: &Framing, s: usize, v: &View, medical: bool) -> bool {
        if self.strength == Always {
            return true;
        }
        if negated(toks, s) {
            return false;
        }
        if v.urgent {
            return true;
        }
        if v.joke {
            return false;
        }
        if medical && framing.habitual {
            return false;
        }
        if framing.hypothesis_before(toks, s) {
            return false;
        }
        !(self.strength == Weak && (v.informational || framing.normal_question || framing.hypothesis_anywhere()))
    }
}

struct Engine {
    tables: Vec<(SafetyCategory, Vec<CompiledCue>)>,
    markers: Markers,
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let table = |c: SafetyCategory| -> &'static [Cue] {
            match c {
                SafetyCategory::UrgenceMedicale => MEDICAL,
                SafetyCategory::IdeesSuicidaires => SUICIDE,
                SafetyCategory::DangerBebe => DANGER_BEBE,
                SafetyCategory::ViolencesDanger => VIOLENCE,
                SafetyCategory::EnfantEnDanger => CHILD,
            }
        };
        Engine {
            tables: PRIORITY
                .iter()
                .map(|&c| (c, table(c).iter().map(CompiledCue::new).collect()))
                .collect(),
            markers: Markers {
                hypo_if: Phrase::new(HYPO_IF, &[]),
                hypo_prevent: Phrase::new(HYPO_PREVENT, HYPO_PREVENT_UNLESS),
                hypo_normal: Phrase::new(HYPO_NORMAL, &[]),
                info: Phrase::new(INFO, &[]),
                info_clause: Phrase::new(INFO_CLAUSE, &[]),
                habitual: Phrase::new(HABITUAL, &[]),
                urgent: Phrase::new(URGENT, &[]),
            },
        }
    })
}

/// Whether the words right before `start` negate it (« il n'a *pas* convulsé »,
/// « *pas de* fièvre », « il n'est *plus* tout mou », but not « de plus en plus »).
fn negated(toks: &[&str], start: usize) -> bool {
    const FILLER: &[&str] = &[
        "ne", "n", "s", "se", "est", "a", "l", "y", "en", "me", "m", "te", "t", "le", "la", "lui", "de", "d", "du",
        "des", "encore", "meme", "vraiment", "toujours", "eu", "ete", "fait", "ai", "as", "avait", "etait", "un",
        "une",
    ];
    let mut i = start;
    let mut steps = 0;
    while i > 0 && steps < 5 {
        i -= 1;
        steps += 1;
        let t = toks[i];
        if NEGATIONS.contains(&t) {
            return true;
        }
        if t == "plus" {
            return !(i > 0 && matches!(toks[i - 1], "en" | "de" | "et" | "ou"));
        }
        if !FILLER.contains(&t) {
            return false;
        }
    }
    false
}

// ---------------------------------------------------------------------------
// The message.
// ---------------------------------------------------------------------------

struct Message {
    clauses: Vec<Vec<String>>,
    joke: bool,
    urgent: bool,
}

/// Borrowed words of a message.
struct View<'a> {
    clauses: Vec<Vec<&'a str>>,
    /// The framing of each clause.
    framing: Vec<Framing>,
    /// Every word, clauses put end to end.
    all: Vec<&'a str>,
    /// Laughter: « mdr », « lol », 😂.
    joke: bool,
    /// A cry for help: « au secours », « aidez-moi ».
    urgent: bool,
    /// An informational question somewhere: « c'est quoi », « les signes ».
    informational: bool,
}

impl View<'_> {
    fn any_clause(&self, p: &Pattern) -> bool {
        self.clauses.iter().any(|c| p.is_in(c))
    }
}

impl Message {
    fn new(raw: &str, mk: &Markers) -> Message {
        let clauses: Vec<Vec<String>> = split_clauses(raw)
            .iter()
            .map(|c| {
                let mut out = Vec::new();
                for w in text::normalize(c).split(' ').filter(|w| !w.is_empty()) {
                    match more_sms(w) {
                        Some(words) => out.extend(words.iter().map(|s| (*s).to_owned())),
                        None => out.push(w.to_owned()),
                    }
                }
                out
            })
            .filter(|c| !c.is_empty())
            .collect();
        let urgent = clauses.iter().any(|c| {
            let toks: Vec<&str> = c.iter().map(String::as_str).collect();
            mk.urgent.is_in(&toks)
        });
        Message {
            clauses,
            joke: is_joking(raw),
            urgent,
        }
    }

    fn view(&self, mk: &Markers) -> View<'_> {
        let clauses: Vec<Vec<&str>> = self
            .clauses
            .iter()
            .map(|c| c.iter().map(String::as_str).collect())
            .collect();
        let all = clauses.iter().flatten().copied().collect();
        View {
            framing: clauses.iter().map(|c| Framing::new(c, mk)).collect(),
            informational: clauses.iter().any(|c| mk.info.is_in(c)),
            clauses,
            all,
            joke: self.joke,
            urgent: self.urgent,
        }
    }
}

/// Clauses of a raw message: cut at sentence and clause punctuation, but not
/// inside a number (« 38,5 », « 38.5 »).
fn split_clauses(raw: &str) -> Vec<String> {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let boundary = match c {
            '.' | ',' => {
                let digit_before = i > 0 && chars[i - 1].is_ascii_digit();
                let digit_after = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                !(digit_before && digit_after)
            }
            '!' | '?' | ';' | ':' | '\n' | '\r' | '…' | '(' | ')' | '¿' | '¡' | '•' | '–' | '—' => true,
            _ => false,
        };
        if boundary {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out
}

/// Words that matter here, often typed glued to an elided article or pronoun
/// (« lalcool », « en lair », « dissue »).
const GLUED: &[[&str; 2]] = &[
    ["l", "alcool"],
    ["l", "air"],
    ["l", "eau"],
    ["l", "essence"],
    ["l", "huile"],
    ["l", "enfant"],
    ["l", "etouffer"],
    ["l", "etrangler"],
    ["l", "etouffe"],
    ["d", "issue"],
    ["d", "envie"],
    ["d", "en"],
    ["m", "etouffe"],
    ["m", "etrangle"],
    ["m", "etranglee"],
    ["m", "etrangler"],
    ["m", "enferme"],
    ["m", "enfermee"],
    ["m", "endormir"],
    ["s", "etouffe"],
    ["s", "etouf"],
    ["s", "etouffer"],
    ["s", "etrangle"],
];

/// SMS spellings that matter here and that the shared normaliser leaves as they are.
fn more_sms(w: &str) -> Option<&'static [&'static str]> {
    for pair in GLUED {
        let [head, word] = pair;
        if w.len() == head.len() + word.len() && w.starts_with(head) && w.ends_with(word) {
            return Some(&pair[..]);
        }
    }
    Some(match w {
        "jen" => &["j", "en"],
        "jvais" | "jvai" | "jve" => &["je", "vais"],
        "jlai" => &["je", "l", "ai"],
        "lai" => &["l", "ai"],
        "jlui" => &["je", "lui"],
        "jpense" => &["je", "pense"],
        "jcrois" => &["je", "crois"],
        "jsens" => &["je", "sens"],
        "jfais" => &["je", "fais"],
        "jvois" => &["je", "vois"],
        "jpe" => &["je", "peux"],
        "jpourrais" => &["je", "pourrais"],
        "jaimerais" => &["j", "aimerais"],
        "jarrive" => &["j", "arrive"],
        "jarrete" => &["j", "arrete"],
        "sest" => &["s", "est"],
        "setoufe" | "setouff" => &["s", "etouffe"],
        "mtuer" => &["me", "tuer"],
        "mfrappe" => &["me", "frappe"],
        "ptetre" | "ptet" | "ptete" | "ptetr" => &["peut", "etre"],
        "sui" => &["suis"],
        "qil" | "quil" => &["qu", "il"],
        "sil" => &["s", "il"],
        "na" => &["n", "a"],
        "nest" => &["n", "est"],
        "nai" => &["n", "ai"],
        "narrive" => &["n", "arrive"],
        "cetait" | "ct" => &["c", "etait"],
        "dla" => &["de", "la"],
        "mn" => &["mon"],
        "plu" => &["plus"],
        "pu" => &["plus"],
        "pa" => &["pas"],
        "vx" => &["veux"],
        "veu" => &["veux"],
        _ => return None,
    })
}

/// Laughter in the raw message (« mdr », « ptdr », « hahaha », 😂).
fn is_joking(raw: &str) -> bool {
    if raw
        .chars()
        .any(|c| matches!(c, '😂' | '🤣' | '😅' | '😆' | '😹' | '😜' | '😝'))
    {
        return true;
    }
    let folded = text::fold(raw);
    folded.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
        let only = |set: &str| t.chars().all(|c| set.contains(c));
        t == "xd"
            || t == "jpp"
            || (t.starts_with("mdr") && only("mdr"))
            || (t.starts_with("ptdr") && only("ptdr"))
            || (t.starts_with("lol") && only("lo"))
            || (t.starts_with("haha") && only("ha"))
            || (t.starts_with("hihi") && only("hi"))
            || (t.starts_with("hehe") && only("he"))
    })
}

// ---------------------------------------------------------------------------
// Fever in a baby under three months.
// ---------------------------------------------------------------------------

fn fever_under_three_months(v: &View) -> bool {
    let fever = v.clauses.iter().zip(&v.framing).any(|(toks, framing)| {
        fever_positions(toks).into_iter().any(|i| {
            if first_person_before(toks, i) || negated(toks, i) {
                return false;
            }
            if v.urgent {
                return true;
            }
            if v.informational || v.joke {
                return false;
            }
            // « la fièvre chez un bébé de 2 mois, que faire ? »: a general question;
            // « que faire si mon bébé de 1 mois a de la fièvre » is not.
            let prevented = !framing.prevent_ends.is_empty();
            let hypothetical = framing
                .if_ends
                .iter()
                .any(|e| !toks[*e..].iter().any(|t| POSSESSIVES.contains(t)));
            !(prevented || hypothetical)
        })
    });
    fever && under_three_months(&v.all)
}

/// Where a clause speaks of fever: a fever word, « il est brûlant », « de la
/// température », or a temperature (« il a 38,5 », « 39°C »).
fn fever_positions(toks: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let prev = |k: usize| if i >= k { toks[i - k] } else { "" };
        let fever_word = t.starts_with("fiev")
            || t.starts_with("fivre")
            || t.starts_with("hyperthermi")
            || (t.starts_with("brulan")
                && matches!(
                    prev(1),
                    "est" | "tout" | "toute" | "super" | "tres" | "trop" | "completement" | "vraiment" | "il" | "elle"
                ))
            || ((*t == "temperature" || *t == "temp")
                && matches!(prev(1), "la" | "de")
                && matches!(prev(2), "de" | "fait" | "a" | "du"));
        if fever_word || is_temperature(toks, i) {
            out.push(i);
        }
    }
    out
}

/// A temperature of 38 to 42 degrees at `i`: « il a 38 », « 38,5 de fièvre »,
/// « 39 c »; not « 38 semaines », « 40 ml », « 38 ans ».
fn is_temperature(toks: &[&str], i: usize) -> bool {
    let t = toks[i];
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let suffix = &t[digits.len()..];
    let Ok(n) = digits.parse::<u32>() else {
        return false;
    };
    if !(38..=42).contains(&n) || !matches!(suffix, "" | "c" | "de" | "deg" | "degre" | "degres") {
        return false;
    }
    let mut j = i + 1;
    let decimal = suffix.is_empty() && toks.get(j).is_some_and(|d| d.len() == 1 && is_number(d));
    if decimal {
        j += 1;
    }
    let after = toks.get(j).copied().unwrap_or("");
    const UNITS: &[&str] = &[
        "sa", "semaine", "semaines", "sem", "ans", "an", "mois", "jours", "jour", "j", "kg", "g", "gr", "grammes",
        "ml", "cl", "cm", "mm", "min", "minutes", "h", "heures", "euros", "eur", "e", "pourcent", "fois", "km", "m",
    ];
    if UNITS.contains(&after) {
        return false;
    }
    let prev = if i > 0 { toks[i - 1] } else { "" };
    const BEFORE: &[&str] = &[
        "a",
        "as",
        "fait",
        "fais",
        "faisait",
        "temperature",
        "temp",
        "fievre",
        "thermometre",
        "monte",
        "montee",
        "depasse",
        "atteint",
        "vers",
        "environ",
        "jusqu",
        "plus",
        "pres",
        "est",
        "etait",
        "avait",
        "eu",
    ];
    let unit_after = suffix == "c"
        || suffix.starts_with("deg")
        || matches!(after, "c" | "degre" | "degres" | "deg")
        || (after == "de"
            && toks
                .get(j + 1)
                .is_some_and(|w| w.starts_with("fiev") || w.starts_with("temp")));
    // « 38,2 » reads as a temperature whatever comes before; so does a bare
    // « 38 » that ends the clause (« nouveau-né 38 »).
    unit_after || decimal || after.is_empty() || BEFORE.contains(&prev)
}

/// Whether the fever at `i` is the speaker's own (« j'ai de la fièvre », « je fais 38 »).
fn first_person_before(toks: &[&str], i: usize) -> bool {
    const FILLER: &[&str] = &[
        "de", "la", "du", "d", "des", "un", "une", "peu", "beaucoup", "encore", "toujours", "aussi", "deja", "ai",
        "fais", "suis", "eu", "avais", "a", "au", "moins", "plus", "vers", "environ", "tres", "tout", "toute", "c",
        "degres", "degre", "pas", "n", "ne", "me",
    ];
    let mut k = i;
    while k > 0 {
        k -= 1;
        let t = toks[k];
        if matches!(t, "j" | "je" | "moi") {
            return true;
        }
        if !(FILLER.contains(&t) || is_number(t)) {
            return false;
        }
    }
    false
}

/// Whether the message speaks of a baby under three months.
fn under_three_months(toks: &[&str]) -> bool {
    let mut young_explicit = false;
    let mut old_explicit = false;
    let mut young_bare = false;
    for i in 0..toks.len() {
        let next = |k: usize| toks.get(i + k).copied().unwrap_or("");
        // « nouveau-né », « nouvelle-née »
        if matches!(
            toks[i],
            "nouveau" | "nouvelle" | "nouveaux" | "nouveaune" | "nouveaunee"
        ) && (matches!(next(1), "ne" | "nee" | "nes" | "nees") || toks[i].starts_with("nouveaune"))
        {
            young_explicit = true;
        }
        // « je viens d'accoucher », « il vient de naître », « né hier », « sortis de la maternité »
        if matches!(toks[i], "viens" | "vient" | "venons")
            && matches!(next(1), "d" | "de")
            && matches!(next(2), "accoucher" | "naitre" | "rentrer" | "sortir")
        {
            young_explicit = true;
        }
        if matches!(
            toks[i],
            "ne" | "nee" | "nes" | "accouche" | "accouchee" | "naissance" | "sorti" | "sortie" | "sortis"
        ) && (1..=3).any(|k| {
            matches!(
                next(k),
                "hier" | "avant" | "matin" | "maternite" | "dernier" | "derniere" | "semaine"
            )
        }) {
            young_explicit = true;
        }
        let Some((days, end)) = read_duration(toks, i) else {
            continue;
        };
        match age_context(toks, i, end) {
            AgeKind::Stated if days < 90 => young_explicit = true,
            AgeKind::Stated => old_explicit = true,
            AgeKind::Bare if days < 90 => young_bare = true,
            _ => {}
        }
    }
    young_explicit || (!old_explicit && young_bare)
}

enum AgeKind {
    Stated,
    Bare,
    NotAnAge,
}

/// Whether the duration at `i..end` is an age (« bébé de 6 semaines », « il a 1
/// mois », « né il y a 10 jours »), a bare one (« bb 15 jours »), or something
/// else (« depuis 2 jours », « enceinte de 12 semaines »).
fn age_context(toks: &[&str], i: usize, end: usize) -> AgeKind {
    let prev = |k: usize| if i >= k { toks[i - k] } else { "" };
    let after = toks.get(end).copied().unwrap_or("");
    let after2 = toks.get(end + 1).copied().unwrap_or("");
    // Pregnancy terms.
    if (1..=3).any(|k| matches!(prev(k), "enceinte" | "grossesse" | "terme" | "gestation"))
        || matches!(after, "sa" | "amenorrhee" | "grossesse")
        || (matches!(after, "de" | "d") && matches!(after2, "grossesse" | "amenorrhee"))
    {
        return AgeKind::NotAnAge;
    }
    // « né il y a 10 jours »: an age; « il y a 2 jours »: a duration.
    if prev(1) == "a" && prev(2) == "y" {
        let born = (3..=6).any(|k| {
            matches!(
                prev(k),
                "ne" | "nee"
                    | "nes"
                    | "accouche"
                    | "accouchee"
                    | "naissance"
                    | "sorti"
                    | "sortie"
                    | "sortis"
                    | "naitre"
                    | "arrive"
            )
        });
        return if born { AgeKind::Stated } else { AgeKind::NotAnAge };
    }
    if matches!(
        prev(1),
        "depuis"
            | "pendant"
            | "durant"
            | "en"
            | "dans"
            | "sous"
            | "apres"
            | "tous"
            | "toutes"
            | "chaque"
            | "par"
            | "dure"
            | "duree"
            | "les"
    ) || (prev(1) == "fait" && matches!(prev(2), "ca" | "cela" | "ce"))
        || (matches!(prev(1), "de" | "d") && matches!(prev(2), "plus" | "moins" | "pres" | "bout" | "depuis"))
    {
        return AgeKind::NotAnAge;
    }
    const BABY: &[&str] = &[
        "bebe",
        "bebes",
        "fils",
        "fille",
        "nourrisson",
        "enfant",
        "petit",
        "petite",
        "loulou",
        "louloute",
        "puce",
        "garcon",
        "fiston",
        "poupon",
        "bambin",
        "nene",
        "jumeau",
        "jumelle",
        "jumeaux",
        "jumelles",
        "age",
        "agee",
        "ages",
        "agees",
        "un",
        "une",
        "ange",
        "coeur",
        "amour",
    ];
    if matches!(prev(1), "de" | "d") && BABY.contains(&prev(2)) {
        return AgeKind::Stated;
    }
    if matches!(
        prev(1),
        "a" | "as"
            | "age"
            | "agee"
            | "ages"
            | "seulement"
            | "que"
            | "qu"
            | "juste"
            | "aura"
            | "avoir"
            | "fete"
            | "bientot"
            | "presque"
            | "pile"
            | "ont"
            | "ai"
            | "eu"
    ) {
        return AgeKind::Stated;
    }
    AgeKind::Bare
}

/// A duration at `i` in days, and where it ends: « 6 semaines », « 2 mois et
/// demi », « quinze jours », « 10j », « un mois ».
fn read_duration(toks: &[&str], i: usize) -> Option<(u32, usize)> {
    let t = toks[i];
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let (n, attached) = if !digits.is_empty() {
        (digits.parse::<u32>().ok()?, &t[digits.len()..])
    } else {
        let n = match t {
            "un" | "une" => 1,
            "deux" => 2,
            "trois" => 3,
            "quatre" => 4,
            "cinq" => 5,
            "six" => 6,
            "sept" => 7,
            "huit" => 8,
            "neuf" => 9,
            "dix" => 10,
            "onze" => 11,
            "douze" => 12,
            "treize" => 13,
            "quatorze" => 14,
            "quinze" => 15,
            "seize" => 16,
            "vingt" => 20,
            "trente" => 30,
            _ => return None,
        };
        (n, "")
    };
    let (unit, mut end) = if attached.is_empty() {
        (toks.get(i + 1).copied().unwrap_or(""), i + 2)
    } else {
        (attached, i + 1)
    };
    let per = match unit {
        "jour" | "jours" | "j" | "jrs" | "jr" => 1,
        "semaine" | "semaines" | "sem" | "sems" | "sm" | "semaine2" => 7,
        "mois" | "moi" => 30,
        _ => return None,
    };
    let mut days = n * per;
    if toks.get(end) == Some(&"et") && toks.get(end + 1) == Some(&"demi") {
        days += per / 2;
        end += 2;
    }
    Some((days, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use SafetyCategory::*;

    fn cat(text: &str) -> Option<SafetyCategory> {
        detect(text).map(|d| d.category)
    }

    // Messages written the way parents text in distress (typos, SMS spellings,
    // several sentences), one list per category; then ordinary messages that hold
    // an alarming word or an everyday worry. The borderline decisions are those of
    // the module documentation.

    const MEDICAL_POSITIVES: &[&str] = &[
        "Mon bébé ne respire plus !!! aidez moi",
        "bb respire pu il est tout bleu",
        "il respire mal et ses lèvres sont bleues",
        "ma fille de 4 mois est toute molle et ne réagit plus",
        "il convulse depuis 2 min qu'est ce que je fais",
        "elle fait une crise, ses yeux partent en arrière",
        "il tremble de partout et ne répond plus",
        "mon fils s'étouffe avec un morceau de pomme",
        "il a avalé une pile bouton",
        "ma fille a bu de la javel",
        "il est tombé du lit sur la tête et il vomit depuis",
        "il s'est cogné la tête contre la table, depuis il est très somnolent",
        "je suis enceinte de 7 mois et je saigne beaucoup",
        "hémorragie je perds beaucoup de sang enceinte",
        "mon bb de 6 semaines a 38.5 de fievre",
        "nouveau-né, 38,2 ce soir, que faire ?",
        "il est né il y a 10 jours et il est brûlant",
        "bébé 1 mois fièvre 39",
        "ma fille a 2 mois et demi, elle a de la fièvre à 38,4",
        "mon bébé de 15 jours a de la température",
        "il a fait une convultion",
        "il respir plus",
        "bb setouf",
        "impossible de la réveiller elle est toute grise",
        "mon fils a avalé des médicaments de sa grand mère",
        "il a mangé une capsule de lessive",
        "je ne sens plus mon bébé bouger depuis hier, je suis à 34 semaines",
        "il a perdu connaissance",
        "il a les yeux révulsés et de la mousse aux lèvres",
        "mon bébé a 3 semaines il a 38 c grave?",
        "il ne respire pas bien et ses côtes se creusent",
        "il a du mal à respirer, il devient gris",
        "il s'est arrêté de respirer quelques instants et il est tout mou",
        "jsp si il respire encore, il bouge plus",
        "ma fille a avalé un cachet de ma pilule",
        "il est tombé de la table à langer et il a vomi 2 fois",
        "je saigne énormément et j'ai des gros caillots, j'ai accouché il y a une semaine",
        "il a 5 semaines et il fait 38,3",
        "il a bu du produit vaisselle",
        "que faire si mon bébé a avalé une pile ?",
        "il n'arrive plus à respirer",
        "il est inconscient",
        "elle a des convulsions",
        "son visage devient violet il arrive pas à reprendre son souffle",
        "au secours il s'étouffe",
        "mon bébé est tout bleu il respire plus",
        "Au secours ma fille ne respire plus",
        "il respire tres mal, il fait un bruit bizarre et ses levres deviennent violettes",
        "bb 5 sem 38,6 que faire",
        "Ma fille de 7 semaines a 38.9 depuis ce soir",
        "il a 2 mois il est bouillant, 39,2",
        "Mon nourrisson de 3 semaines a de la fievre",
        "il est né le mois dernier, il a 38,5 ce matin",
        "mon bébé a 10 jours et il est chaud et 38.1 au thermomètre",
        "il a avalé un comprimé de doliprane 1000 qui traînait",
        "mon fils a bu du white spirit",
        "ma fille a mis une pile dans sa bouche je crois qu'elle l'a avalée",
        "elle a croqué une capsule de lessive !!",
        "il a léché de la javel",
        "il a mangé des champignons du jardin",
        "mon bébé convulse",
        "il fait des convulsions aidez moi",
        "elle tremble et ses yeux sont fixes elle répond pas",
        "il est tout raide et il tremble",
        "il a fait une crise d'épilepsie",
        "bb fait une crise il bave et ne reagit plu",
        "il ne se réveille pas, je l'ai secoué doucement et rien",
        "je n'arrive plus à le réveiller",
        "mon bébé est inerte",
        "il s'étouffe il devient rouge puis bleu",
        "ma fille s'étouffe avec une cacahuète",
        "il a un bout de carotte coincé dans la gorge",
        "elle s'est étouffée avec un grain de raisin et tousse plus",
        "il est tombé de la table à langer sur la tete et il vomit",
        "chute du lit, il a vomi 3 fois et il dort tout le temps",
        "il s'est cogné fort la tête, il est bizarre et somnolent",
        "il est tombé du 1er étage",
        "enceinte de 6 mois je saigne énormément",
        "je perds beaucoup de sang enceinte de 3 mois",
        "jai accouché il y a 5 jours et je saigne a flot",
        "hemorragie apres accouchement",
        "je suis enceinte et je saigne abondamment avec des caillots",
        "je ne sens plus le bébé bouger depuis ce matin (36 SA)",
        "bébé ne bouge plus dans mon ventre depuis hier",
        "il a le visage qui gonfle et du mal à respirer après avoir mangé de l'oeuf",
        "il respire difficilement et il a 2 mois",
        "il fait des pauses respiratoires et devient bleu",
        "ses côtes se creusent quand il respire",
        "il a de la fièvre et des taches violettes qui ne s'effacent pas",
        "il a 39 et la nuque raide",
        "il s'est noyé dans le bain, je l'ai sorti",
        "elle est tombée dans la piscine",
        "il a perdu connaissance après être tombé",
        "il est tout mou et il a 40 de fièvre",
        "je crois qu'il a avalé une pile",
        "mon fils a bu de l'alcool",
        "mon bébé ne respire plus bien du tout",
        "il a du mal a respirer et il est tout pale",
        "elle respire pas",
        "il respire presque plus",
        "je suis en train d'accoucher toute seule",
        "Bonsoir, mon fils de 5 semaines a de la fièvre 38,3, il dort beaucoup. Je fais quoi ?",
        "bjr bb 7 semaines temperature 38 ce matin et 38.4 maintenant",
        "mon bebe a 1 mois et 2 semaines il a 38°C",
        "ma fille de 8 semaines est brulante je viens de prendre sa temp 39.1",
        "nouveau né fièvre",
        "il a 3 semaines, il fait de la fièvre, il tète pas",
        "elle a deux mois, 38,6 de fièvre",
        "mon fils né il y a 3 semaines a 38",
        "il est sorti de la maternité lundi et ce soir il a 38,3",
        "bb de 45 jours fievre",
        "il a de la fievre il a 6 semaines",
        "Mon bébé a 2 mois. Il a 38.5. Je m'inquiète.",
        "urgent bebe respire pas bien ses levres sont bleues",
        "ma fille fait des pauses quand elle respire et devient grise",
        "Mon bébé s'est étouffé avec un morceau de pain et il tousse plus il devient tout rouge",
        "bébé a avalé un bouton de la télécommande, une pile plate",
        "il a ouvert le placard et bu du produit pour le lave vaisselle",
        "ma fille a avalé 3 comprimés de mon traitement",
        "mon fils a mangé des cachets de mon mari",
        "il a avalé des gélules",
        "il a bu le flacon de doliprane en entier",
        "il a avalé un aimant",
        "elle a des spasmes et ne répond plus",
        "il convulse avec de la fievre",
        "ma fille est en train de convulser",
        "elle a fait un malaise et elle est toute grise",
        "il s'est évanoui",
        "il a fait une chute de 1m50 sur la tete et il vomit",
        "il s'est cogné la tête contre le carrelage et il vomit, il est tout pâle",
        "il est tombé dans les escaliers, il s'endort tout le temps depuis",
        "elle est tombée, elle saigne de l'oreille",
        "enceinte de 5 mois je perds du sang en grande quantité",
        "je saigne beaucoup j'ai accouché il y a 10 jours",
        "je suis enceinte de 8 mois j'ai très mal au ventre et je saigne beaucoup",
        "je perds plein de sang",
        "il saigne beaucoup de la bouche",
        "je sens plus bébé bouger depuis 24h",
        "il ne bouge plus du tout",
        "ma fille ne respire plus et est toute molle",
        "il est mou comme une poupée de chiffon",
        "il est tout mou et il geint",
        "il a 40 de fièvre et des taches rouges qui ne partent pas quand j'appuie",
        "elle a la fontanelle bombée et elle vomit",
        "son visage enfle et il respire mal après un gâteau aux noix",
        "il ne répond plus quand je lui parle et il a les yeux dans le vide",
        "je n'arrive pas à le réveiller, il respire bizarrement",
        "il respire très vite et son ventre se creuse, il a 1 mois",
        "bébé ne respire plus depuis quelques secondes au secours",
        "Bonjour. Mon fils a 6 semaines. Depuis ce soir il a 38,7. Il boit moins. Merci de me rappeler",
        "bébé 2 mois 38.2 vaccin hier",
        "Ma puce a 10 semaines et elle a 38 de fièvre",
        "il est tout chaud, 38,4, il a que 3 semaines",
        "Mon bébé de 9 semaines a de la température 38.8",
        "bb 1mois fievr 39",
        "il a 6 sem et 38,5 de temp",
        "mon bb a 7 semaine il a de la fievre",
        "le petit a 2 mois et demi, il fait 38.6",
        "j'ai accouché il y a 3 semaines et mon bébé a 38,3",
        "Ma fille ne respire plus, elle est bleue, que faire ?",
        "mon bébé respire mal il a 1 mois",
        "il suffoque",
        "jcrois qu'il s'étouffe il arrive pas à respirer",
        "mon fils a avalé une bille",
        "mon fils a avalé une pièce de 1 euro",
        "il a bu de la vodka qui traînait",
        "elle a mâché une cigarette",
        "elle a mangé des mégots",
        "il a bu de l'huile essentielle",
        "ma fille a avalé du gel hydroalcoolique",
        "il a sucé une pile",
        "bebe a bu du destop",
        "il a fait une crise convulsive",
        "ses yeux se révulsent et elle tremble",
        "il est inconscient et ne respire presque plus",
        "il a perdu connaissance quelques secondes",
        "il a fait un malaise, il est tout blanc et mou",
        "il tombe dans les pommes",
        "il a chuté de la poussette, il a vomi et il est somnolent",
        "ma fille est tombée sur la tête, elle vomit en jet",
        "il s'est cogné la tête et il saigne du nez et de l'oreille",
        "je saigne beaucoup je suis enceinte de 4 mois",
        "enceinte 30 SA saignement abondant",
        "je fais une hémorragie",
        "je ne sens plus bouger mon bébé",
        "il s'est brûlé avec l'eau bouillante",
        "il est tombé par la fenêtre",
        "je crois qu'il a fait un arrêt respiratoire",
        "Bonjour je vous écris car mon bébé de 5 semaines a 38,4 depuis une heure, il a bu son biberon mais il est grognon, dois-je aller aux urgences ?",
        "Bonsoir. Ma fille est née le 2 du mois (elle a 3 semaines) et ce soir elle est brûlante, 38,9 au thermomètre rectal.",
        "URGENT mon fils a avalé un des comprimés de sa grand-mère (somnifère)",
        "Mon bébé de 8 mois a avalé une petite pile de la balance ! que faire ??",
        "Elle a 11 mois et elle vient de boire du liquide vaisselle",
        "Mon bébé vient de tomber de la table à langer sur la tête, il a vomi deux fois et il a l'air endormi",
        "ma fille de 6 mois ne respire plus normalement et elle est grise",
        "Mon nourrisson est tout mou et ne tète plus, il a 3 semaines, il a de la fièvre",
        "mon bébé fait une crise il tremble et ses yeux sont révulsés depuis 3 minutes",
        "il ne se réveille pas et respire bizarrement",
        "mon enfant s'étouffe !!!",
        "bébé s'étouffe avec un jouet",
        "ma fille a une boule de chewing gum coincée dans la gorge elle arrive pas a respirer",
        "j'ai 32 semaines de grossesse et je saigne beaucoup avec des contractions",
        "Je suis enceinte de 12 semaines et je fais une hémorragie",
        "depuis ce matin je ne sens plus du tout bébé bouger, je suis à 38 SA",
        "il a des taches violacées sur les jambes et 39,5 de fievre",
        "elle est très pâle, elle respire mal et ne réagit presque plus",
        "ma fille de 3 mois respire avec difficulté, elle creuse sous les côtes",
        "Il respire plus !! vite",
        "mon bebe respire pu je fais quoi",
        "bébé respire pas depuis 1 minute",
        "mon fils a du mal à reprendre sa respiration et devient bleu",
        "il est devenu tout bleu pendant la tétée et ne respirait plus",
        "mon nouveau né a les lèvres bleues",
        "ma fille devient grise et molle",
        "il est tout flasque",
        "il ne réagit à rien",
        "il est dans le coma ?",
        "elle a les yeux ouverts mais elle ne réagit pas",
        "il a convulsé pendant 5 minutes",
        "il a eu des convulsions ce matin",
        "il fait une convulsion",
        "elle est en train de faire une crise d'épilepsie",
        "il tremble de tout son corps et ne répond plus à son nom",
        "ma fille a avalé de l'eau de javel",
        "mon fils a bu de la javel par erreur",
        "il a ingéré un produit ménager",
        "il a avalé un bouchon et il tousse sans arrêt",
        "elle a avalé une pièce et elle a du mal à respirer",
        "il a mis un médicament dans sa bouche et je ne le retrouve plus",
        "mon bébé a avalé mon antidépresseur",
        "ma fille a avalé la moitié du flacon de sirop",
        "il s'est cogné la tête très fort et il a vomi",
        "il est tombé du lit et depuis il est bizarre, il vomit",
        "il a fait une chute et il est inconscient",
        "chute dans l'escalier, il ne bouge plus",
        "je suis enceinte et je perds beaucoup de sang",
        "hémorragie enceinte de 2 mois",
        "je saigne comme un robinet depuis l'accouchement",
        "mon bébé de 28 jours a 38 de température",
        "mon fils de 2 mois fait 38 et demi",
        "il a 5 semaines et il a chaud, 38,1",
        "elle a 3 semaines et fait 39",
        "né il y a 2 semaines, fièvre",
        "ma fille a 1 mois et elle a de la fièvre depuis cette nuit",
        "j'ai un bébé de 6 semaines qui a 38,3",
        "notre bébé de 4 semaines a de la fièvre",
        "Bonjour, désolée de vous déranger, mon fils de 7 semaines a 38.6 et il ne veut pas boire. Merci.",
        "slt ma fille 2 mois fiévreuse 38.9",
        "ma fille de 1 mois a 37,9 puis 38,3 une heure après",
        "il a à peine 1 mois et il fait de la fièvre",
        "mon bébé d'un mois et demi a de la fièvre",
        "bb 3 sem fievre",
        "Mon bébé a trois semaines et il est chaud, le thermomètre indique 38,2",
        "mon bébé (5 semaines) a 38.2 et il pleure beaucoup",
        "mon fils né prématuré a 10 semaines et 38 de fièvre",
        "Il ne respire plus normalement il fait des pauses longues",
        "il a les lèvres toutes bleues et il respire mal",
        "elle devient violette et ne respire plus",
        "je crois que mon bébé fait un arrêt cardiaque",
        "il fait un malaise",
        "Elle a avalé une capsule de lessive liquide, elle tousse",
        "mon bébé a bu dans la bouteille de javel",
        "il a mangé un morceau de mégot",
        "il a avalé un de mes comprimés pour la tension",
        "il a bu mon café avec des somnifères dedans",
        "il a avalé une pile, il a 14 mois",
        "il a avalé quelque chose, il n'arrive plus à respirer",
        "Mon fils est tombé du balcon",
        "il est tombé de la fenêtre du premier",
        "il a fait une chute grave et saigne de la tête",
        "ma fille s'est tapé la tête et vomit sans arrêt",
        "chute sur la tête, il a vomi et il dort, je n'arrive pas à le réveiller",
        "il convulse et a de la fièvre",
        "il a les yeux révulsés",
        "il est en pleine crise convulsive",
        "Je suis enceinte de 35 semaines et je saigne beaucoup, rouge vif",
        "post partum : je saigne énormément, je remplis une serviette par heure",
        "je perds beaucoup de sang et j'ai des vertiges",
        "je suis à 38 SA et je ne sens plus le bébé",
        "ma fille est inconsciente",
        "il est tout mou, il ne réagit plus, il a les yeux ouverts",
        "mon bb respir pa bien il fai des bruit et il é tt bleu",
        "ma fil a 2 mois elle a 38 7",
        "bebe 6 semaine fievre 38,5 help",
        "il est brulan il a 1 mois",
        "fiévre 38,4 bb de 3 semaines",
        "il a avaler une pile plate de montre",
        "ma fille a bu de lalcool",
        "il a bu un produit d entretien",
        "mon fils a mangé des medoc",
        "il a avalé des billes magnétiques",
        "il convulsse",
        "il fait une convulsion febrile",
        "elle ne respire plu",
        "mon bebe ne respire pu du tout",
        "il etouffe aidez moi",
        "il s etouf avec un bonbon",
        "il a une cacahuete coincée dans la gorge il devient bleu",
        "il est tombe sur la tete il vomi et il dort",
        "il sai cogner la tete il vomi",
        "enceinte je saigne bcp",
        "je saigne abondament enceinte de 5 mois",
        "ma fille a de la fievre et des petites taches violettes partout",
        "il ne bouge plu il respire mal",
        "il est tout mou il reagi plus",
        "il reagit plus",
        "il est tout gris et mou",
        "il convulse",
        "elle fait une crise",
        "ses yeux partent",
        "il a les yeux qui partent",
        "il tremble de partout et ne repond plus",
        "il s'étouffe",
        "je saigne beaucoup",
        "hémorragie",
        "je perds beaucoup de sang",
        "mon bb de 6 semaines a de la temperature",
        "nouveau-né 38",
        "né il y a 10 jours, 38.5",
        "bébé 15 jours fièvre",
        "il a 1 mois et 40 de fièvre",
        "il a 2 mois et demi il est brulant",
        "ma fille de 1 mois a 38,2",
        "mon bébé de 2 mois a 39",
        "il ne respire plus",
        "il respire mal",
        "il est tout bleu",
        "il est tout gris",
        "il est tout mou",
        "il ne se réveille pas, il ne réagit pas",
        "il ne réagit plus",
        "il a avalé un médicament",
        "il a avalé un produit ménager",
        "il a avalé une pile",
        "il est tombé sur la tête et il vomit",
        "il est tombé sur la tête et il est somnolent",
        "mon bébé a fait une apnée et il est tout mou",
        "elle a arrêté de respirer",
        "il étouffe",
        "il a les lèvres noires",
        "il ne répond plus à rien",
        "elle est blanche comme un linge et ne réagit pas",
        "il a ingurgité du détergent",
        "il a bu du détergent",
        "il a avalé une dosette de lessive",
        "il a mangé de la mort aux rats",
        "on est intoxiqués au monoxyde de carbone, le bébé vomit",
        "je fais une hémorragie enceinte",
        "je perds du sang abondamment",
        "bébé 8 semaines 38,5",
        "il est hyper mou",
        "ma fille s'est étouffée et ne respire plus",
        "il a avalé une piece et il s'étouffe",
        "il saigne énormément",
        "mon bébé a des convulsions et de la fièvre",
        "il a les yeux qui roulent et il ne répond plus",
        "Bonsoir, je vous écris parce que mon petit garçon de 7 semaines est très chaud, j'ai pris sa température et il a 38,4. Il tète moins bien. Je suis seule à la maison.",
        "Bonjour, ma fille est née il y a exactement 3 semaines et depuis cette nuit elle a de la fièvre (38,3). Elle dort beaucoup. Que dois-je faire ?",
        "Mon bébé a eu ses vaccins hier, il a 2 mois, et là il a 39,1 et il geint",
        "Je viens de retrouver mon fils de 14 mois avec une plaquette de médicaments ouverte, il en manque deux, je crois qu'il les a avalés",
        "Mon fils de 2 ans a ouvert le placard sous l'évier et il a bu du produit, il vomit",
        "Ma fille de 9 mois a mis dans sa bouche une pile de la télécommande, je ne la trouve plus, elle l'a peut-être avalée",
        "On était au parc, il est tombé du toboggan sur la tête, depuis il vomit et il veut dormir",
        "Mon bébé de 4 mois s'est mis à trembler, ses yeux partaient sur le côté et il ne réagissait plus pendant une minute",
        "Je suis enceinte de 30 semaines, je viens de perdre beaucoup de sang d'un coup",
        "Depuis mon accouchement il y a 8 jours je saigne de plus en plus, là ça coule beaucoup et j'ai des caillots énormes",
        "il a mangé un raisin entier et maintenant il a du mal à respirer et il siffle",
        "Ma fille de 6 mois respire très vite, elle creuse le ventre et elle ne veut plus boire",
    ];

    const SUICIDE_POSITIVES: &[&str] = &[
        "je veux mourir",
        "j'ai envie d'en finir",
        "je pense à en finir avec tout",
        "j'ai envie de me foutre en l'air",
        "je vais me tuer",
        "je pense au sucide tous les jours",
        "j'ai plus envie de vivre",
        "je ne vois plus d'issue",
        "ils seraient mieux sans moi",
        "j'aimerais disparaître pour toujours",
        "je me fais du mal pour tenir",
        "je me scarifie à nouveau depuis l'accouchement",
        "j'ai envie de sauter par la fenêtre",
        "je vais avaler tous mes médicaments",
        "à quoi bon continuer",
        "jveux mourir c normal ?",
        "je veux mourir, c'est normal ?",
        "j'ai des idées suicidaires depuis la naissance",
        "parfois je me dis que ce serait plus simple si je n'étais plus là",
        "j'ai envie de mourir tellement je suis seule",
        "je veux plus vivre",
        "envie de me suicider",
        "j'aimerais m'endormir et ne plus me réveiller",
        "je pense à mettre fin à mes jours",
        "je suis un fardeau pour ma famille",
        "la vie n'a plus de sens depuis la naissance",
        "jsuis au bout je veux en finir",
        "je me suis coupée les bras hier soir",
        "est-ce normal d'avoir des idées noires tout le temps ?",
        "je veux disparaitre",
        "je ne veux plus être là",
        "g envie de crever",
        "je vais me foutre en l air ce soir",
        "je voudrais être morte",
        "je veux en finir",
        "j'ai envie de mourir",
        "jai envie de mourir",
        "je veux mourrir",
        "je vais me suicider",
        "j'ai pensé à me jeter sous un train",
        "je pense au suicide",
        "suicide",
        "je vais me foutre en l'air",
        "j'ai plus la force de vivre",
        "ma vie ne vaut plus rien",
        "je n'ai plus aucune raison de vivre",
        "je veux plus exister",
        "je suis une mauvaise mère, ils seraient mieux sans moi",
        "mon bébé serait mieux sans moi",
        "je voudrais dormir et ne jamais me réveiller",
        "j'aimerais mourir",
        "je préfère mourir que continuer comme ça",
        "j'ai envie de disparaître",
        "je me coupe pour me soulager",
        "je me scarifie",
        "je me fais du mal",
        "j'ai envie de me tuer",
        "j'ai avalé toute une boîte de médicaments",
        "je vais prendre tous mes cachets",
        "je veux sauter du balcon",
        "je pense à me pendre",
        "à quoi ça sert de vivre",
        "jai des idées noires",
        "des pensées suicidaires depuis l'accouchement",
        "je ne vois aucune issue",
        "je veux mettre fin à ma vie",
        "je suis au bout du rouleau je veux mourir",
        "mon mari parle de se suicider",
        "j'ai fait une tentative de suicide l'an dernier et ça revient",
        "personne ne me regretterait",
        "je n'ai plus envie de rien, même plus envie de vivre",
        "Je veux mourir. C'est normal ?",
        "je veux partir pour toujours",
        "à quoi bon vivre",
        "j'ai envie d'en finir, je suis une mauvaise mère",
        "je n'en peux plus de vivre",
        "je veux que tout s'arrête, je veux mourir",
        "Je pense à me tuer",
        "j'ai envie de me jeter par la fenêtre avec mon bébé",
        "je vais me tirer une balle",
        "je vais me noyer",
        "je veux mourir tellement j'ai honte",
        "j'ai envie de m'ouvrir les veines",
        "je me suis scarifiée hier",
        "je me brule avec des cigarettes",
        "plus envie de vivre",
        "la vie ne vaut pas la peine",
        "je vaux rien, ma famille serait mieux sans moi",
        "j'ai des idées de suicide",
        "je suis suicidaire",
        "des idées de mort me viennent tout le temps",
        "je pense souvent à mourir",
        "je me dis que si je mourais ce serait mieux pour tout le monde",
        "j'ai pris tous les cachets que j'avais",
        "j'ai avalé une boite de doliprane",
        "j'ai envie de me laisser mourir",
        "je ne veux plus me réveiller le matin",
        "j'ai préparé une lettre d'adieu",
        "je voudrais m'endormir pour toujours",
        "je veux me foutre en l'air",
        "envie d'en finir avec la vie",
        "je veux mourir jsp quoi faire",
        "jveu mourir",
        "j ai envi de mourir",
        "envie de crever",
        "j'ai envie de me suicider",
        "jai pensé a me suicider",
        "j'ai essayé de me suicider",
        "je vais sauter du pont",
        "je pense à la mort tout le temps",
        "je me demande à quoi bon vivre",
        "j'ai plus envie de rien, j'ai envie de mourir",
        "je veux plus vivre comme ça, je veux mourir",
        "personne ne remarquerait si je disparaissais",
        "tout le monde serait plus heureux sans moi",
        "je suis un poids pour tout le monde",
        "j'ai des pensées de mort",
        "j'ai envie d'en finir une bonne fois pour toutes",
        "je vais tout arrêter, je veux juste mourir",
        "je me mutile",
        "j'ai envie de me faire du mal",
        "je veux me tuer",
        "Je n'ai plus envie de vivre depuis la naissance de ma fille",
        "je pense que je vais me suicider ce soir",
        "je suis désolée mais je veux en finir",
        "je pense à en finir tous les jours",
        "j'ai envie de mourir c normal ?",
        "les idées de suicide reviennent",
        "je préférerais être morte",
        "j'ai envie de m'endormir pour toujours",
        "parfois j'ai envie de me jeter sous une voiture",
        "je me fais du mal en cachette",
        "je me suis entaillée les poignets",
        "je ne vois pas d'issue, je veux mourir",
        "je n'y arrive plus, je veux disparaître pour toujours",
        "j'ai envie de tout arrêter, de mourir",
        "je veux plus être là",
        "j'ai l'impression que ma famille serait mieux sans moi",
        "je voudrais ne jamais me réveiller",
        "je me demande si ça vaut la peine de vivre",
        "je n'ai plus la force, je veux partir pour de bon",
        "j'ai envie d'avaler toutes mes pilules",
        "j'ai acheté de quoi me suicider",
        "je pense au suicide depuis que je suis maman",
        "j'ai des envies suicidaires",
        "je me suis fait du mal",
        "je me coupe les bras",
        "je me tape la tête contre les murs jusqu'à saigner",
        "je veux en finir avec ma vie",
        "je préfère mourir",
        "je veux mourir, je ne suis pas une bonne mère",
        "je ne supporte plus de vivre",
        "je n'ai plus de raison de vivre",
        "je voudrais mourir",
        "j'ai envie de mourir et d'emmener mon bébé avec moi",
        "je vais me pendre",
        "je pense à me défenestrer",
        "j'ai envie de me noyer",
        "je voudrais que tout s'arrête définitivement",
        "je pense sérieusement à mourir",
        "j'ai fait une overdose de médicaments",
        "la mort me semble la seule solution",
        "je ne veux plus continuer à vivre",
        "je n'ai pas envie de vivre",
        "je veux juste disparaître",
        "ça serait mieux si j'étais morte",
        "je suis prête à en finir",
        "je me sens inutile et je pense à me tuer",
        "je me scarifie pour supporter",
        "j'ai recommencé à me faire du mal",
        "jveux plus vivre",
        "jai envi d en finir",
        "je veu en finir",
        "g envie de mourrir",
        "jai envie de me sucider",
        "envie de me foutre en lair",
        "je vai me tuer",
        "je v me tuer",
        "je pense au sucide",
        "jme scarifie",
        "jme fais du mal",
        "j'en ai marre de la vie",
        "marre de vivre",
        "ma vie ne sert a rien je veux mourir",
        "je veux dormir pour toujours et ne jamais me réveiller",
        "envie d'en finir",
        "en finir avec tout",
        "me foutre en l'air",
        "me tuer",
        "disparaitre pour toujours",
        "me scarifier",
        "sauter par la fenetre",
        "avaler tous mes medicaments",
        "je n'ai plus goût à la vie",
        "je veux dormir et ne plus me réveiller",
        "je vais faire une connerie",
        "je pense à me tuer tous les jours",
        "je veux que ça s'arrête, je veux en finir",
        "j'ai envie de mourir depuis des semaines",
        "je ne veux plus vivre",
        "je pourrais me jeter par la fenêtre",
        "je me suis tailladé les bras",
        "Je n'en peux plus de cette vie. Mon mari ne m'aide pas, le bébé pleure, je pense que tout le monde serait mieux sans moi.",
        "Depuis la naissance je vais très mal, j'ai pensé à me jeter du balcon cette nuit.",
        "Je ne suis pas une bonne mère. J'ai envie de disparaître. Parfois je me dis que je devrais mourir.",
        "je pense à mourir tout le temps, je n'en parle à personne",
        "C'est trop dur, je n'ai plus envie de me battre, j'ai envie d'en finir",
        "Je me suis fait du mal hier soir, je me suis coupée",
    ];

    const VIOLENCE_POSITIVES: &[&str] = &[
        "il me frappe",
        "mon mari m'a frappée ce soir",
        "il m'étrangle aidez moi",
        "il menace de me tuer",
        "il est en train de casser tout",
        "j'ai peur il va revenir me taper",
        "je suis enfermée dans la chambre il ne me laisse pas sortir",
        "il me bat devant le bébé",
        "c'est quoi le numéro, il me frappe",
        "mon conjoint me tape dessus quand il a bu",
        "il ma frapé hier soir jai peur",
        "mon ex est devant la porte il veut me tuer",
        "il a sorti un couteau",
        "je suis victime de violences conjugales, il me menace",
        "il m'a poussée dans les escaliers alors que je suis enceinte",
        "mon copain m'a giflée devant ma fille",
        "il me viole",
        "j'ai peur de mon mari, il devient violent",
        "il défonce la porte",
        "il m'a dit qu'il allait me tuer ce soir",
        "mon compagnon me cogne",
        "il m'a mise à la porte avec le bébé en pleine nuit",
        "je me fais frapper par mon conjoint",
        "il menace de tuer le bébé",
        "j'ai peur pour ma vie",
        "mon mari me frappe",
        "il m'a frappé",
        "il m'a battue hier soir",
        "mon copain me bat",
        "il vient de me frapper devant les enfants",
        "il me menace avec un couteau",
        "il dit qu'il va me tuer",
        "mon ex menace de me tuer",
        "il m'a étranglée",
        "il essaie de m'étrangler",
        "il me tape",
        "il me tape dessus",
        "mon mari me cogne quand il boit",
        "il hurle et casse tout dans la maison",
        "il est en train de tout casser",
        "il tape dans les murs et je suis terrorisée",
        "j'ai peur de mon conjoint",
        "j'ai peur qu'il revienne",
        "je suis séquestrée",
        "il m'enferme à clé",
        "il m'empêche de sortir",
        "il m'a violée",
        "mon compagnon me force à avoir des rapports",
        "je me fais taper par mon mari",
        "mon conjoint me gifle",
        "il m'a mis une claque",
        "il m'a donné des coups de poing",
        "mon ex débarque chez moi et menace de tout casser",
        "il a levé la main sur moi",
        "au secours il va me tuer",
        "il me frappe c'est quoi le numéro",
        "je suis en danger",
        "mon mari vient de me frapper, je suis enfermée dans la salle de bain",
        "il m'a frappée au visage",
        "mon copain m'a cassé le nez",
        "il me frappe quand il a bu",
        "il me bat depuis des mois",
        "il m'a menacée de mort",
        "il a dit qu'il allait me tuer si je partais",
        "il me menace de me tuer si je parle",
        "il a un couteau et il est énervé",
        "il est en train de défoncer la porte",
        "il essaie d'entrer chez moi",
        "mon ex me suit et me menace",
        "mon conjoint me frappe et frappe mes enfants",
        "il m'a tirée par les cheveux et poussée par terre",
        "il m'étrangle quand il s'énerve",
        "j'ai peur il est violent ce soir",
        "je suis battue",
        "mon conjoint est violent avec moi",
        "il m'a jetée dehors avec les enfants",
        "il m'a mis des coups",
        "je me suis fait frapper par le père de mon enfant",
        "mon mari m'a giflée devant mon bébé",
        "il m'a donné un coup de pied dans le ventre alors que je suis enceinte",
        "il me frappe, j'ai peur",
        "mon mari m'a tabassée",
        "mon conjoint me frappe depuis des années",
        "il me bat",
        "il m'a cognée contre le mur",
        "il m'a étranglé",
        "il me violente",
        "il va me tuer",
        "il veut me tuer",
        "il menace de me frapper",
        "il m'a menacée avec un couteau",
        "mon ex me menace de mort",
        "il a défoncé la porte et il hurle",
        "il casse tout chez moi",
        "il est violent, j'ai peur pour moi et mes enfants",
        "il m'enferme dans la maison",
        "mon mari m'a frappée, je suis enceinte",
        "il m'agresse",
        "je me suis fait tabasser par mon mec",
        "il me frappe et il frappe le bébé",
        "mon mari me tape dessus devant le bébé",
        "il m'a mis un coup de poing",
        "il me frappe dès qu'il boit, il vient de recommencer",
        "mon compagnon est violent, il vient de me frapper",
        "il est en train de me frapper",
        "il me menace, j'ai peur",
        "il me tabasse",
        "il a tenté de m'étrangler",
        "mon ex m'a dit qu'il allait me buter",
        "il crie qu'il va me tuer et il a un couteau",
        "j'ai peur pour ma vie et celle de mon bébé",
        "j'ai peur de rentrer chez moi, il va me frapper",
        "au secours mon mari me frappe",
        "il m'a cognée",
        "il m'a tapée ce soir devant les petits",
        "il m'a giflée",
        "mon mari m'a violée",
        "il m'a serré le cou",
        "il me serre le cou",
        "il m'a mis la tête contre le mur",
        "il m'a jeté un objet à la figure",
        "il veut me frapper",
        "j'ai peur qu'il me tue",
        "il m'a enfermée dehors avec le bébé",
        "il m'a séquestrée toute la nuit",
        "il m'empêche de voir mes amis et m'a frappée",
        "il est ivre et violent, j'ai peur",
        "mon mari me tape",
        "il me frappe fort",
        "il vient de me gifler",
        "il m'a donné des gifles",
        "il m'a frappée au ventre, je suis enceinte",
        "il me frappe devant mon fils",
        "il m'a mise à terre et m'a donné des coups de pied",
        "il menace de me tuer avec un couteau",
        "j'ai peur qu'il me frappe encore",
        "mon ex menace de venir me tuer",
        "il a pris un couteau et me menace",
        "il défonce la porte de la salle de bain où je suis enfermée",
        "il me viole depuis des mois",
        "il m'oblige à coucher avec lui",
        "je me fais battre",
        "mon conjoint m'a cassé le bras",
        "mon mari me frape",
        "il ma frapper",
        "il ma taper",
        "il ma cogner",
        "mon copain ma etrangler",
        "il ma gifler",
        "il me bat tt les jours",
        "il menace de me tuer si je part",
        "il va me tué",
        "il veux me tuer",
        "jai peur il va me frapper",
        "il ma violé",
        "il m'a frappée, j'ai accouché il y a 2 mois",
        "il me frappe, je suis enceinte de 5 mois",
        "il me frappe devant mon bébé il me menace",
        "il m'a cassé des dents",
        "il me frappe quand il est en colère",
        "il me frappe à la joue",
        "il me frappe depuis 2 ans",
        "mon mari m'a frappée",
        "il m'étrangle",
        "je suis enfermée",
        "il m'a mis une raclée",
        "il m'a tabassée",
        "il m'a fait des bleus partout",
        "j'ai des bleus partout à cause de lui, il me frappe",
        "il m'a brûlée avec sa cigarette",
        "il m'a poussée contre le mur",
        "il m'a jetée par terre",
        "il me donne des coups",
        "il me secoue et me frappe",
        "mon conjoint est devenu violent et je suis enceinte",
        "Mon mari est rentré saoul, il m'a frappée et il a cassé la porte de la chambre, je suis avec le bébé",
        "Mon conjoint me menace, il dit que si je pars il me tue",
        "J'ai peur, il est dehors et il essaie de rentrer, il a déjà été violent",
        "Mon ex m'a agressée dans la rue devant ma fille",
        "il m'a attrapée par le cou et m'a plaquée contre le mur",
    ];

    const DANGER_BEBE_POSITIVES: &[&str] = &[
        "j'ai envie de le secouer",
        "je l'ai secoué",
        "j'ai peur de lui faire du mal",
        "j'ai peur de ce que je pourrais lui faire",
        "je vais le jeter par la fenêtre",
        "je vais le frapper",
        "je vais craquer sur lui",
        "je suis à bout je vais lui faire du mal",
        "je ne supporte plus ses pleurs, j'ai peur de moi",
        "je l'ai secouée un peu fort, j'ai honte",
        "jai failli secouer mon bb",
        "il hurle depuis 3h je vais péter un câble je vais le taper",
        "j'ai tapé mon bébé ce matin",
        "j'ai envie de le balancer contre le mur",
        "je n'en peux plus, il pleure sans arrêt, au secours",
        "je me contrôle plus quand il pleure",
        "je vais le secouer s'il continue à hurler",
        "j'ai peur de la secouer",
        "j'ai peur de perdre le contrôle avec mon bébé",
        "je le déteste ce bébé, il hurle tout le temps",
        "je supporte plus de l'entendre pleurer",
        "je lui ai donné une claque, je me fais peur",
        "jlai secoué pr qu il se taise",
        "il pleure depuis 2h je vais craquer",
        "j'ai envie de secouer mon bébé",
        "j'ai peur de le secouer",
        "je l'ai secoué trop fort",
        "j'ai secoué ma fille",
        "je vais le secouer",
        "j'ai failli le jeter par terre",
        "je vais lui faire mal",
        "j'ai peur de faire du mal à mon bébé",
        "j'ai envie de le taper",
        "je l'ai tapé",
        "je l'ai frappé",
        "j'ai frappé mon bébé",
        "je vais craquer sur elle",
        "je suis à bout, je vais craquer, il hurle, aidez moi",
        "il pleure tout le temps je vais péter un plomb",
        "j'ai peur de moi quand il pleure",
        "j'ai envie de l'étouffer avec un coussin",
        "je ne supporte plus ses cris",
        "je supporte plus mon bébé",
        "je n'en peux plus de ses pleurs, j'ai envie de le balancer",
        "j'ai envie de le jeter contre le mur",
        "je lui ai mis une fessée, elle a 8 mois",
        "je perds le contrôle avec mon bébé",
        "j'ai envie de secouer mon bébé pour qu'il se taise",
        "j'ai secoué mon bébé",
        "je l'ai secoué il pleurait trop",
        "j'ai peur de le blesser, je suis à bout",
        "je suis capable de lui faire du mal",
        "je vais le lancer par la fenêtre",
        "j'ai eu envie de le frapper",
        "j'ai mis une claque à mon bébé",
        "je lui ai tapé dessus",
        "je l'ai jeté sur le lit violemment",
        "je craque, il hurle depuis 4h, j'ai envie de le jeter",
        "aidez moi je n'en peux plus il pleure depuis des heures je vais craquer",
        "je vais devenir folle et lui faire du mal",
        "si je reste avec lui je vais le frapper",
        "je peux plus supporter ses pleurs",
        "je suis à bout je vais le secouer",
        "j'ai peur de ce que je vais faire",
        "j'ai envie de le secouer pour qu'il se taise",
        "j'ai envie de le jeter",
        "je vais le jeter contre un mur",
        "j'ai peur de lui faire mal, je craque",
        "j'ai failli le frapper",
        "je vais la frapper si elle continue",
        "j'ai eu des gestes violents avec mon bébé",
        "je deviens violente avec mon bébé",
        "j'ai giflé mon bébé",
        "je l'ai jeté dans son lit",
        "je l'ai secouée",
        "j'ai peur de secouer mon fils",
        "je vais péter les plombs sur lui",
        "je l'ai secoué fort et il pleure encore",
        "je vais lui taper dessus",
        "j'ai envie de la frapper tellement elle pleure",
        "je n'en peux plus je vais lui faire du mal",
        "j'ai peur de faire une bêtise avec mon bébé",
        "je vais le balancer par la fenêtre il arrête pas de hurler",
        "j'ai envie de l'étrangler",
        "je vais finir par le secouer",
        "je supporte plus ses pleurs je vais craquer",
        "j'ai envie de frapper mon bébé",
        "j'ai tapé ma fille",
        "je lui ai mis une gifle",
        "j'ai secoué mon bébé pour le calmer",
        "je vais secouer mon bébé",
        "j'ai peur de faire mal à mon bébé",
        "je me sens capable de le tuer",
        "je me retiens de le taper",
        "j'ai des envies de lui faire du mal",
        "j'ai envie de le balancer par terre",
        "je l'ai balancé dans son lit trop fort",
        "il hurle, je vais le jeter",
        "je n'en peux plus de ce bébé, je vais le secouer",
        "j'ai peur de perdre patience et de le frapper",
        "j'ai envie de le secouer très fort",
        "j'ai secoué mon fils",
        "jai secoue ma fille",
        "j'ai envie de frapper ma fille",
        "je me suis énervée et je l'ai secoué",
        "je vais faire du mal à mon bébé",
        "je pourrais le tuer",
        "j'ai envie qu'il disparaisse, je pourrais lui faire du mal",
        "j'ai peur de mes réactions avec mon bébé",
        "je me sens devenir violente avec mon bébé",
        "je n'arrive plus à supporter ses cris",
        "il hurle depuis 3 heures, je n'en peux plus, au secours",
        "jai envie de le secoué",
        "je lai secouer",
        "jai peur de le secouer",
        "jai secouer mon bb",
        "jvai le secouer",
        "jai envie de le taper",
        "jai envie de le frapper",
        "je vai le jeter par la fenetre",
        "je vais le baffer",
        "j'ai envie de lui faire du mal a ce bebe",
        "je suis à bout, il pleure depuis ce matin, j'ai peur de moi",
        "je suis à bout, j'ai envie de le secouer",
        "je n'en peux plus, j'ai peur de lui faire du mal",
        "je craque, il hurle, je vais le secouer",
        "j'en peux plus il hurle au secours",
        "au secours je suis à bout il pleure sans arrêt",
        "aidez moi il hurle depuis 5h je craque",
        "je suis à bout de nerfs, il crie tout le temps, venez m'aider",
        "je sens que je vais craquer sur mon bébé",
        "je vais perdre le contrôle, il pleure sans cesse",
        "je ne me contrôle plus avec ses pleurs",
        "je ne supporte plus de l'entendre hurler",
        "je ne le supporte plus, il pleure tout le temps",
        "peur de lui faire du mal",
        "peur de ce que je pourrais lui faire",
        "je vais le jeter",
        "je vais le taper",
        "je pourrais le jeter par la fenêtre",
        "j'ai mis ma main sur sa bouche pour qu'il se taise",
        "je lui ai mis un coussin sur la tête pour qu'il arrête de crier",
        "je l'ai secouée pour qu'elle se taise",
        "j'ai tapé mon bébé parce qu'il pleurait",
        "je le frappe quand il pleure",
        "Ça fait 4 heures qu'il hurle, j'ai tout essayé, je sens que je vais le secouer, aidez-moi",
        "Je suis seule, épuisée, elle crie sans arrêt, j'ai eu envie de la jeter par terre, j'ai posé le bébé et je suis sortie de la chambre",
        "j'ai peur de craquer et de faire du mal à mon bébé",
    ];

    const CHILD_POSITIVES: &[&str] = &[
        "mon voisin frappe son enfant",
        "mon ex frappe notre fille",
        "le compagnon de ma soeur tape le bébé",
        "je pense que la nounou maltraite mon fils",
        "un enfant est battu dans mon immeuble",
        "ma fille m'a parlé d'attouchements chez son père",
        "il laisse le bébé seul toute la journée",
        "la nourrice secoue les bébés je l'ai vue",
        "mon beau-frère a frappé mon neveu de 2 ans",
        "je crois que ma nièce est maltraitée",
        "les voisins laissent leur bébé seul des heures",
        "le père de ma fille la frappe quand il la garde",
        "j'entends le voisin taper ses enfants tous les soirs",
        "ma soeur secoue son bébé quand il pleure",
        "mon conjoint est violent avec mon fils de 1 an",
        "je pense que mon fils a été abusé sexuellement",
        "ma belle-mère donne des coups à mon bébé",
        "l'assistante maternelle attache mon fils dans son lit",
        "je crois que l'enfant des voisins est en danger",
        "mon voisin bat ses enfants",
        "j'entends les voisins frapper leur bébé",
        "la nounou a tapé ma fille",
        "mon ex a secoué notre bébé",
        "mon mari secoue le bébé quand il pleure",
        "le copain de ma mère frappe ma petite soeur",
        "je pense que mon fils est maltraité à la crèche",
        "mon neveu est battu par son père",
        "ma voisine laisse son bébé seul toute la journée",
        "ils laissent leur bébé seul la nuit pour sortir",
        "je soupçonne des attouchements sur ma fille",
        "mon beau-père a touché les parties intimes de ma fille",
        "le papa de mon fils le frappe",
        "la nourrice le secoue",
        "un enfant se fait frapper chez mes voisins",
        "ma soeur maltraite son fils",
        "ma belle-soeur ne donne pas à manger à son bébé",
        "mon voisin tape son bébé",
        "je pense que le nouveau compagnon de mon ex maltraite ma fille",
        "ma fille revient de chez son père avec des bleus",
        "le père de mon fils le secoue quand il pleure",
        "la nounou crie et tape les enfants",
        "ma mère frappe mon fils quand elle le garde",
        "j'ai vu une maman frapper son bébé dans la rue",
        "un enfant est maltraité dans ma famille",
        "les parents du dessus laissent leur bébé pleurer seul des heures et partent",
        "mon neveu de 18 mois est laissé seul toute la journée",
        "je pense que mon ex abuse de ma fille",
        "mon beau-père touche ma fille",
        "mon voisin frappe ses enfants",
        "la nounou frappe mon fils",
        "ma belle-mère a secoué mon bébé",
        "mon ex a frappé notre fils",
        "j'ai vu le père secouer son bébé",
        "le copain de ma soeur la frappe et frappe sa fille",
        "mon fils dit que son père le frappe",
        "mon frère maltraite son bébé",
        "des enfants sont battus chez ma voisine",
        "la crèche maltraite les enfants",
        "mon voisin frappe sa femme et ses enfants",
        "ma voisine laisse ses enfants seuls tout le temps",
        "le père de ma fille la secoue quand il la garde",
        "je pense que ma fille est abusée par son beau-père",
        "ma petite fille est maltraitée par sa mère",
        "mon ex frappe mon fils quand il l'a le week-end",
        "mon compagnon frappe mon fils",
        "le père de mes enfants les frappe",
        "la nounou laisse mon bébé seul",
        "ma voisine secoue son bébé",
        "le beau-père de ma nièce la bat",
        "un bébé est maltraité chez mes voisins",
        "je pense que mon fils subit des violences chez son père",
        "mon ex laisse notre fille seule la nuit",
        "mon ex drogue notre enfant pour qu'il dorme",
        "la baby-sitter a frappé mon fils",
        "mon voisin secoue son bébé",
        "j'ai vu un homme frapper un bébé",
        "mon beau-frère frappe ses enfants",
        "le père de mon fils le secoue",
        "la baby-sitter secoue mon bébé",
        "mon enfant a été frappé par la nounou",
        "ma nièce est frappée par son père",
        "je pense que la crèche maltraite mon bébé",
        "mon ex maltraite notre fille",
        "les enfants de ma voisine sont laissés seuls toute la journée",
        "je crois qu'on abuse de ma fille",
        "mon voisin tabasse son gosse",
        "le mec de ma mere frappe mon petit frere",
        "ma voisine frappe sa fille tt le temps",
        "la nounou a frappé mon bb",
        "mon ex secoue le bebe",
        "le pere de ma fille la tape",
        "il frappe mon fils de 2 ans",
        "un enfant est battu",
        "attouchements",
        "mon voisin enferme son enfant dans le placard",
        "je pense que ma fille a été violée",
        "sa mère le brûle avec des cigarettes",
        "mon fils me dit que papa le tape",
        "la nounou attache le bébé",
        "mon ex laisse notre bébé tout seul",
        "mon conjoint touche ma fille de manière bizarre",
        "Je garde la fille de ma voisine, elle a des bleus partout et elle dit que sa maman la tape",
        "Ma soeur boit et elle laisse son bébé de 3 mois seul pendant des heures",
        "Le nouveau copain de mon ex frappe mon fils quand il est chez eux",
    ];

    /// Ordinary questions, alarming words used ordinarily, hypotheses, habits,
    /// older babies' fever, toddlers hitting, exhausted parents asking for advice.
    const NEGATIVES: &[&str] = &[
        "le syndrome du bébé secoué, c'est quoi ?",
        "comment éviter la mort subite du nourrisson",
        "je suis morte de fatigue",
        "je suis crevée",
        "il me tue à pleurer toute la nuit mdr",
        "mort de rire",
        "quels sont les signes d'une fausse couche",
        "c'est quoi le numéro pour les violences conjugales",
        "comment aider une amie victime de violences",
        "la fièvre chez un bébé de 8 mois, que faire",
        "comment éviter que bébé s'étouffe avec la diversification",
        "que faire si bébé avale un objet",
        "le 3114 c'est quoi",
        "atelier sur la prévention du bébé secoué ?",
        "comment calmer un bébé qui pleure sans le secouer",
        "faut-il secouer le biberon pour mélanger la poudre ?",
        "ma fille secoue la tête quand elle s'endort",
        "comment faire un massage cardiaque à un bébé ? il y a un atelier ?",
        "comment reconnaître une crise d'épilepsie chez un bébé",
        "les convulsions fébriles, c'est quoi ?",
        "est-ce que bébé peut s'étouffer avec des morceaux ?",
        "j'ai peur qu'il s'étouffe la nuit avec ses régurgitations",
        "c'est quoi la maltraitance ?",
        "comment parler des violences éducatives ordinaires ?",
        "est-ce que la fessée est interdite ?",
        "je suis à bout de fatigue avec les nuits, des conseils ?",
        "mon bébé tousse",
        "il a vomi après le biberon",
        "mon bébé pleure tout le temps, je n'en peux plus, comment le calmer ?",
        "je craque avec l'allaitement, des conseils pour tirer mon lait ?",
        "il se réveille toutes les heures, je suis épuisée",
        "je n'en peux plus de ces nuits, il pleure à chaque réveil, des idées ?",
        "mon bébé de 5 mois a 38,5 depuis hier, je lui donne du doliprane ?",
        "mon bébé a 38 de fièvre, il a 7 mois",
        "ma fille de 3 mois a 38,5 depuis ce matin",
        "il a de la fièvre depuis 2 jours, il a 10 mois",
        "j'ai de la fièvre et je suis enceinte de 2 mois",
        "j'ai 38,5 de fièvre, je viens d'accoucher, je peux allaiter ?",
        "quelle température pour le bain d'un bébé de 1 mois",
        "mon bébé de 1 mois boit des biberons de 40 ml, est-ce assez ?",
        "ma fille de 2 mois a eu 37,8",
        "il est tombé du canapé, il a une bosse mais il joue normalement",
        "il a un bleu sur le front après être tombé",
        "il est tombé du lit cette nuit, il dort bien maintenant",
        "ses selles sont toutes molles, c'est normal ?",
        "il a fait un caca tout mou et vert",
        "mon bébé respire vite quand il dort c'est normal ?",
        "il s'étouffe souvent pendant la tétée, mon lait coule trop vite",
        "bébé a le nez bouché et a du mal à respirer par le nez",
        "est-ce que je peux prendre du doliprane enceinte",
        "j'ai bu un verre de vin enceinte, c'est grave ?",
        "je saigne un peu en début de grossesse c normal",
        "mes mamelons saignent beaucoup quand il tète",
        "il ne se réveille plus la nuit, génial ! c'est normal qu'il fasse ses nuits à 2 mois ?",
        "il ne répond pas à son prénom, il a 18 mois",
        "le médecin ne répond pas, je voulais un rdv",
        "il a les mains et les pieds bleus quand il a froid",
        "mon bébé a des tremblements du menton, normal ?",
        "il fait souvent des fausses routes avec l'eau",
        "il a avalé de travers et a toussé, maintenant ça va",
        "il a bu la tasse dans le bain mais ça va",
        "faut il réveiller un nouveau né pour manger",
        "je n'arrive pas à le réveiller pour la tétée, il dort beaucoup",
        "mon nouveau-né a le nez qui coule",
        "je prends des médicaments pour la tension, puis-je allaiter ?",
        "ma fille a les yeux qui se ferment, elle est fatiguée",
        "je suis enceinte de 38 semaines et j'ai des contractions",
        "je ne sens pas encore bébé bouger à 16 semaines, normal ?",
        "mon bébé a des taches rouges sur les joues",
        "il a fait une crise de colère monumentale au supermarché",
        "il fait des crises de pleurs le soir",
        "mon fils de 2 ans me tape quand il est en colère",
        "mon grand de 3 ans tape le bébé, comment réagir ?",
        "mon fils se fait taper à la crèche par un autre enfant",
        "il mord les autres à la crèche",
        "bébé me donne des coups de pied dans le ventre toute la nuit",
        "mon bébé me frappe le visage en jouant, normal à 10 mois ?",
        "il tape sur sa table avec sa cuillère",
        "mon mari ne m'aide pas avec le bébé, je suis à bout",
        "je ne supporte plus mon mari, il ne fait rien à la maison",
        "mon ex ne paie pas la pension alimentaire",
        "je veux me séparer, quels sont mes droits ?",
        "j'en ai marre des couches lavables",
        "j'ai hâte d'en finir avec cette grossesse",
        "comment faire pour arrêter la tétine",
        "je veux arrêter d'allaiter",
        "je me sens seule, j'ai besoin de parler",
        "j'en peux plus des nuits blanches lol",
        "il me rend folle à pas dormir mdr",
        "je vais craquer pour une poussette trop chère mdr",
        "j'ai peur de lui faire mal en lui coupant les ongles",
        "j'ai peur de mal faire avec mon bébé",
        "j'ai peur de mourir pendant l'accouchement",
        "mon père s'est suicidé il y a 10 ans, comment en parler à mes enfants plus tard ?",
        "je veux partir en vacances avec bébé, des conseils ?",
        "je ne vois pas de solution pour la garde de mon fils",
        "je suis dans le baby blues, je pleure tout le temps",
        "ce bébé va me tuer, il ne dort jamais mdr",
        "je pense à la mort subite tout le temps, comment dormir tranquille ?",
        "je n'en peux plus de la grossesse, vivement l'accouchement",
        "je pourrais dormir pour toujours tellement je suis crevée",
        "quand est-ce qu'on sent bébé bouger ?",
        "mon bébé de 2 mois pleure beaucoup le soir, coliques ?",
        "combien de ml de biberon pour un bébé de 6 semaines",
        "comment donner du doliprane à un bébé de 2 mois",
        "rdv pour les vaccins des 2 mois, il peut avoir de la fièvre après ?",
        "ma mère critique tout ce que je fais avec le bébé",
        "je suis épuisée, le bébé pleure beaucoup, j'aimerais un peu de répit",
        "comment sécuriser les fenêtres pour que bébé ne tombe pas",
        "il a mis un lego dans sa bouche mais je l'ai récupéré",
        "Bonjour, quels sont vos horaires ?",
        "Où se trouve la maison des 1000 jours ?",
        "comment prendre rdv avec la sage femme",
        "mon bébé tète toutes les heures c'est normal ?",
        "j'ai mal aux seins quand j'allaite, des crevasses",
        "combien de biberons pour un bébé de 2 mois",
        "quand commencer la diversification",
        "mon bébé ne fait pas ses nuits à 8 mois",
        "à quelle température doit être la chambre de bébé",
        "mon bébé pleure tous les soirs, coliques ?",
        "ma fille a 38,5 et elle a 1 an, je fais quoi",
        "mon fils a de la fièvre et il a 18 mois",
        "quand faut-il consulter pour de la fièvre chez un bébé de 6 mois",
        "quels sont les vaccins obligatoires",
        "c'est quoi l'entretien prénatal précoce",
        "j'ai le baby blues, je pleure tout le temps",
        "je crois que je fais une dépression post-partum",
        "je me sens seule et dépassée depuis la naissance",
        "congé paternité combien de jours",
        "comment trouver une crèche",
        "aide de la caf pour la garde",
        "la pmi pèse les bébés ?",
        "les écrans avant 3 ans c'est grave ?",
        "comment sécuriser la maison pour bébé",
        "groupe de parole pour mamans",
        "j'aimerais parler à une psychologue",
        "mon fils est autiste, quelles aides ?",
        "j'ai besoin de souffler, un mode de garde occasionnel ?",
        "on se sépare, comment organiser la garde",
        "j'ai perdu mon bébé à 5 mois de grossesse, je ne m'en remets pas",
        "fausse couche il y a 2 semaines, je suis triste",
        "je fume enceinte, comment arrêter ?",
        "mon conjoint boit beaucoup, comment l'aider ?",
        "violences conjugales : à qui s'adresser ?",
        "mon bébé de 3 mois a eu 38 après le vaccin",
        "mon bébé a le nez bouché et respire fort la nuit",
        "il respire bruyamment quand il dort",
        "bébé fait des bruits en respirant",
        "il tousse beaucoup la nuit",
        "il a la diarrhée depuis hier",
        "il vomit après chaque biberon",
        "il régurgite beaucoup",
        "il a des boutons sur le visage",
        "il a un eczéma",
        "il est constipé",
        "il a une bosse sur le front après être tombé, il va bien",
        "il est tombé sur les fesses",
        "elle s'est cognée contre la table, un petit bleu",
        "il a avalé un peu d'eau du bain",
        "il a mangé un peu de sable au parc",
        "il met tout à la bouche, c'est normal ?",
        "il mâchouille tout, il fait ses dents",
        "comment ranger les produits ménagers hors de portée",
        "est-ce dangereux si bébé avale un cheveu ?",
        "que faire en cas d'étouffement ?",
        "formation premiers secours bébé",
        "le bébé secoué c'est quoi exactement ?",
        "prévention du syndrome du bébé secoué",
        "comment éviter la mort subite",
        "peut-on dormir avec bébé ?",
        "mon bébé dort sur le ventre, est-ce dangereux ?",
        "j'ai peur qu'il s'étouffe s'il dort sur le ventre",
        "j'ai peur de la mort subite",
        "comment calmer un bébé qui hurle",
        "il hurle dès que je le pose",
        "il pleure beaucoup et je suis épuisée",
        "je suis épuisée, mon mari ne m'aide pas",
        "je suis crevée, ma fille se réveille 5 fois par nuit",
        "je suis à bout avec les nuits",
        "je suis à bout, des conseils pour l'endormissement ?",
        "j'en peux plus de l'allaitement",
        "je n'en peux plus de ma belle-mère",
        "il me rend dingue à pleurer toute la nuit",
        "je craque, bébé ne mange rien",
        "je suis dépassée par les pleurs de mon bébé, comment faire ?",
        "mon mari est fatigué, il craque",
        "j'ai envie de tout arrêter l'allaitement",
        "j'en ai marre de ma vie de maman solo, besoin de répit",
        "je veux mourir de rire avec ce bébé lol",
        "je suis morte de rire",
        "ma fille me tue avec ses grimaces mdr",
        "ce petit va me tuer à ne pas dormir",
        "il me fait mourir de rire",
        "mort subite du nourrisson, quels risques ?",
        "mon chat est mort, comment l'expliquer à mon fils de 2 ans ?",
        "mon père est mort le mois dernier et je suis enceinte",
        "deuil périnatal groupe de parole",
        "j'ai des pensées sombres sur l'avenir",
        "j'ai peur de ne pas être une bonne mère",
        "j'ai peur d'accoucher",
        "je n'arrive pas à aimer mon bébé",
        "mon fils de 18 mois me tape et me mord",
        "ma fille de 2 ans frappe les autres enfants",
        "il tape sa petite soeur, comment réagir ?",
        "le grand frère est jaloux et tape le bébé",
        "mon bébé me tire les cheveux",
        "il se tape la tête contre les murs quand il est en colère",
        "mon fils de 20 mois se cogne la tête par terre pendant ses colères",
        "ma voisine crie sur ses enfants",
        "mon mari crie beaucoup, c'est tendu à la maison",
        "on s'est disputés avec mon mari",
        "mon ex ne veut pas me laisser voir mon fils",
        "mon ex menace de demander la garde",
        "il menace de partir",
        "mon ex me harcèle de messages pour la pension",
        "comment protéger mon bébé du soleil",
        "quelle crème solaire pour un bébé",
        "le bébé peut-il prendre du doliprane à 2 mois ?",
        "quelle dose de doliprane pour 6 kg",
        "j'ai oublié ma pilule, suis-je enceinte ?",
        "est-ce que je peux prendre de l'ibuprofène en allaitant",
        "je prends des antidépresseurs, puis-je allaiter ?",
        "la pilule pendant l'allaitement",
        "mon bébé a 3 semaines, combien de ml ?",
        "bébé de 1 mois qui dort beaucoup, normal ?",
        "mon nouveau-né a le hoquet",
        "mon nouveau né a des boutons",
        "ma fille de 6 semaines pleure beaucoup",
        "mon fils de 2 mois a la tête plate",
        "quelle température pour le biberon, 37 ?",
        "le bain à 37 degrés c'est bien ?",
        "j'ai 38 semaines, quand partir à la maternité ?",
        "enceinte de 39 sa, contractions toutes les 10 minutes",
        "je perds les eaux ?",
        "j'ai des pertes marron enceinte",
        "je saigne un peu après un rapport enceinte",
        "mes règles sont très abondantes depuis l'accouchement, normal ?",
        "il saigne du nez",
        "son nombril saigne un peu",
        "j'ai des crevasses qui saignent",
        "ma fille a des convulsions fébriles connues, quel suivi ?",
        "il a fait une convulsion fébrile il y a 6 mois, est-ce qu'il peut recommencer ?",
        "épilepsie et grossesse, quels risques ?",
        "mon mari est épileptique, est-ce héréditaire ?",
        "il a les lèvres gercées",
        "il a les mains froides et bleutées",
        "bébé a un bleu sur la jambe",
        "ses yeux sont bleus, vont-ils changer ?",
        "il a la peau marbrée quand il a froid",
        "il est tout mou quand il dort, normal",
        "il est tout rouge quand il pousse",
        "il tremble quand il pleure",
        "mon bébé sursaute beaucoup",
        "il fait des grimaces en dormant",
        "il louche",
        "il ne tient pas sa tête à 4 mois",
        "il ne répond pas quand je l'appelle, il a 2 ans, autisme ?",
        "il ne réagit pas aux bruits, problème d'audition ?",
        "elle ne me regarde pas dans les yeux",
        "il ne bouge pas beaucoup ses jambes",
        "je ne sens pas encore bébé bouger, 18 semaines",
        "il bouge beaucoup la nuit dans mon ventre",
        "bébé bouge moins en fin de grossesse c'est normal ?",
        "il dort tout le temps, il a 2 semaines",
        "mon bébé de 5 semaines a chaud la nuit",
        "il transpire beaucoup",
        "il a froid ?",
        "à partir de quelle température donner du doliprane",
        "quelle température est une fièvre pour un nouveau né ?",
        "comment prendre la température de bébé",
        "j'ai de la fièvre, je peux allaiter ?",
        "j'ai 39 de fièvre et une mastite",
        "je suis malade, puis-je m'occuper de mon bébé de 1 mois ?",
        "mon bébé a 2 mois et demi, quand les vaccins ?",
        "mon mari me soûle, il joue à la console toute la journée",
        "mon mari ne fait rien, j'ai envie de le tuer mdr",
        "je vais tuer mon mari s'il ne se lève pas la nuit lol",
        "il me casse les pieds",
        "je vais exploser de rire",
        "je suis au bout du rouleau avec les nuits, des astuces ?",
        "je n'en peux plus, il ne dort pas, comment faire ?",
        "mon bébé hurle, je ne sais plus quoi faire, des idées ?",
        "je suis épuisée et à bout, j'ai besoin d'aide pour garder bébé quelques heures",
        "besoin d'aide pour remplir le dossier caf",
        "aidez moi à trouver une nounou",
        "urgent : besoin d'un rdv chez le pédiatre cette semaine",
        "c'est urgent, ma fille a des boutons partout",
        "SOS allaitement, il refuse le sein",
        "au secours, il refuse le biberon depuis ce matin",
        "help bébé ne dort pas",
        "quel numéro appeler en cas d'urgence ?",
        "c'est quoi le numéro du samu ?",
        "est-ce que le 15 répond la nuit ?",
        "le 119 c'est pour quoi ?",
        "comment signaler un enfant en danger ?",
        "qu'est-ce que la maltraitance ?",
        "la fessée est-elle interdite en France ?",
        "est-ce grave de crier sur son bébé ?",
        "j'ai crié sur mon bébé, je culpabilise",
        "j'ai perdu patience avec mon fils de 2 ans, je m'en veux",
        "je me suis énervée contre mon bébé, je me sens nulle",
        "je suis très en colère contre mon mari",
        "je me sens nulle, je pleure, je n'arrive à rien",
        "j'ai besoin de parler à quelqu'un, je me sens seule",
        "je suis triste tout le temps depuis l'accouchement",
        "je n'ai plus goût à rien depuis la naissance",
        "je dors plus, je mange plus, je pleure tout le temps",
        "mon bébé va bien mais moi non",
        "je regrette d'avoir eu un enfant",
        "je n'arrive pas à créer de lien avec mon bébé",
        "Bonjour, mon bébé de 4 mois a 38,2, que faire ?",
        "ma fille de 5 mois a de la fièvre depuis ce matin, 38,7",
        "il a 9 mois et fait 39,5 de fièvre",
        "fièvre à 38 chez un bébé de 1 an, doliprane ?",
        "mon bébé a 2 mois, il tousse et a le nez qui coule",
        "mon bébé de 6 semaines a des coliques",
        "il a 3 semaines et il régurgite beaucoup",
        "nouveau-né jaunisse",
        "mon bébé de 1 mois dort tout le temps, faut-il le réveiller ?",
        "bébé né il y a 10 jours, quand le premier bain ?",
        "combien de temps entre deux tétées pour un bébé de 15 jours ?",
        "mon bébé a 15 jours et il a perdu du poids",
        "j'ai accouché il y a 3 semaines et j'ai mal au périnée",
        "j'ai accouché il y a 2 mois, quand reprendre le sport ?",
        "je suis enceinte de 3 mois, j'ai de la fièvre, c'est grave pour le bébé ?",
        "mon bébé a chaud, il transpire",
        "il fait 30 degrés dans la chambre",
        "biberon à 37 degrés ?",
        "il a 38 jours, combien de biberons ?",
        "mon bébé fait 4 kg à 1 mois",
        "enceinte de 38 semaines, quand aller à la maternité ?",
        "il a vomi une fois cet après midi",
        "il a vomi et il a de la diarrhée",
        "il s'est cogné, il a pleuré puis il a joué",
        "il est tombé du canapé sur le tapis, il pleure un peu",
        "elle est tombée de la chaise, pas de bosse",
        "il se cogne partout en apprenant à marcher",
        "il tombe souvent",
        "bébé est tombé du lit, il a une petite bosse, il mange et joue normalement",
        "mon fils est tombé malade",
        "il avale tout de travers",
        "il avale de l'air en tétant",
        "est-ce normal qu'il avale beaucoup d'air ?",
        "bébé mange des morceaux, j'ai peur qu'il s'étouffe",
        "quels aliments éviter pour ne pas qu'il s'étouffe",
        "comment réagir si bébé s'étouffe ?",
        "que faire si mon bébé s'étouffe ?",
        "les gestes qui sauvent pour les bébés",
        "il tousse comme s'il s'étouffait la nuit",
        "il s'étouffe avec sa salive",
        "il s'étouffe en buvant son biberon",
        "elle s'étrangle avec le lait quand elle tète",
        "il a la tête qui transpire quand il boit",
        "ma fille fait des bruits bizarres en respirant",
        "il respire par la bouche",
        "il ronfle",
        "respiration rapide bébé normal ?",
        "mon bébé a une bronchiolite, comment le soulager ?",
        "il a du mal à respirer par le nez à cause du rhume",
        "il a des glaires, comment faire un lavage de nez ?",
        "il devient rouge quand il pleure",
        "il devient violet de colère quand il pleure",
        "il a une tache bleue dans le dos",
        "tache mongoloïde c'est quoi",
        "il a les extrémités bleues",
        "ses lèvres sont sèches",
        "mon bébé a des tremblements quand il pleure",
        "il a des sursauts quand il dort",
        "il a le hoquet tout le temps",
        "mon fils fait des crises de colère",
        "elle fait des crises quand je la couche",
        "crise de larmes tous les soirs",
        "il a eu une crise de croissance",
        "j'ai fait une crise d'angoisse cette nuit",
        "je fais des crises de panique depuis l'accouchement",
        "mon bébé ne réagit pas quand je claque des mains",
        "il ne réagit pas à son prénom",
        "il ne répond pas aux sourires",
        "la crèche ne répond pas au téléphone",
        "personne ne répond à la PMI",
        "il ne bouge pas beaucoup, il est calme",
        "il bouge beaucoup en dormant",
        "il dort beaucoup en ce moment",
        "il ne se réveille pas la nuit pour manger, c'est normal ?",
        "il ne se réveille plus la nuit depuis ses 3 mois",
        "j'ai mes règles et je saigne beaucoup",
        "je saigne encore 6 semaines après l'accouchement, c'est normal ?",
        "je perds un peu de sang enceinte de 7 semaines",
        "saignement du nez chez bébé",
        "j'ai des saignements de gencives enceinte",
        "il a pris son doliprane à 18h",
        "il a bu son biberon en entier",
        "il a avalé son sirop sans problème",
        "il a mangé de la purée de carottes",
        "il a mangé un bout de papier",
        "il a mis mon téléphone dans sa bouche",
        "il porte tout à sa bouche",
        "il a bu de l'eau de la piscine",
        "il a léché le sol",
        "j'ai pris un doliprane pour ma migraine",
        "j'ai bu une bière en allaitant",
        "j'ai fumé pendant la grossesse",
        "je prends la pilule",
        "j'ai oublié un comprimé de pilule",
        "comment ranger les médicaments hors de portée",
        "que faire en cas d'ingestion de produit ?",
        "numéro du centre antipoison ?",
        "il a une allergie à l'oeuf, comment faire ?",
        "il a des plaques rouges après avoir mangé des fraises",
        "il a des boutons qui grattent",
        "il a la peau sèche",
        "il a les yeux qui coulent",
        "il a les yeux rouges",
        "il louche quand il est fatigué",
        "il fixe la lumière",
        "il regarde dans le vide parfois, c'est normal ?",
        "il a les yeux qui roulent quand il s'endort",
        "mon bébé est très mou, il ne tient pas assis à 8 mois",
        "il est un peu mou aujourd'hui",
        "il est grognon",
        "il est pâle",
        "il est tout blanc",
        "mon mari est parti, je suis seule avec le bébé",
        "mon conjoint me trompe",
        "mon mari ne veut pas d'autre enfant",
        "je me suis disputée avec mon conjoint devant le bébé",
        "mon conjoint crie tout le temps",
        "il m'insulte souvent, est-ce de la violence ?",
        "mon mari est jaloux et contrôle mon argent",
        "est-ce de la violence si il me crie dessus ?",
        "il me fait des reproches tout le temps",
        "il me dit que je suis une mauvaise mère",
        "mon ex ne respecte pas le jugement",
        "je veux quitter mon conjoint",
        "comment partir de chez moi avec mon bébé",
        "je veux divorcer",
        "mon fils me tape quand je lui dis non",
        "ma fille me griffe le visage",
        "il mord quand il tète",
        "il me mord le sein",
        "il tape son frère",
        "il frappe son petit frère",
        "mon aîné est violent avec le bébé",
        "ma fille de 3 ans pince le bébé",
        "le grand pousse le bébé",
        "mon fils de 2 ans frappe le chien",
        "les enfants se tapent dessus à la crèche",
        "un enfant de la crèche a mordu mon fils",
        "mon fils s'est fait mordre à la crèche",
        "la nounou est-elle obligée de donner les médicaments ?",
        "comment choisir une assistante maternelle",
        "la nourrice laisse les enfants dormir avec une tétine",
        "je laisse mon bébé seul dans sa chambre pour la sieste",
        "peut-on laisser bébé seul dans la voiture 2 minutes ?",
        "je laisse mon bébé pleurer pour qu'il s'endorme, c'est mal ?",
        "combien de temps laisser pleurer un bébé ?",
        "j'ai peur de laisser mon bébé à la crèche",
        "j'ai envie de pleurer",
        "j'ai envie de dormir",
        "j'ai envie de partir en vacances",
        "j'ai envie de tout plaquer et partir loin",
        "j'ai envie de disparaître sous la couette pendant une semaine",
        "j'ai besoin d'une pause",
        "je suis épuisée, j'ai l'impression de mourir de fatigue",
        "je vais mourir de chaud dans cet appart",
        "je meurs de faim depuis que j'allaite",
        "je suis crevée mort",
        "je veux en finir avec les couches",
        "vivement qu'on en finisse avec les dents",
        "j'ai hâte d'en finir avec les nuits blanches",
        "je veux mettre fin à l'allaitement",
        "comment arrêter d'allaiter",
        "ma vie a changé depuis bébé",
        "ma vie sociale n'existe plus",
        "je n'ai plus de vie",
        "je ne me reconnais plus",
        "je suis perdue, je ne sais plus quoi faire avec mon bébé",
        "mon bébé pleure, je suis à bout, il faut que je dorme, une astuce ?",
        "c'est trop dur, je n'y arrive pas, il pleure tout le temps",
        "je n'en peux plus je suis épuisée",
        "je craque",
        "je suis à bout",
        "j'en ai marre",
        "ras le bol des nuits",
        "au secours mon bébé ne veut pas dormir",
        "aidez moi, il pleure tout le temps, je ne sais plus quoi faire pour le calmer",
        "je vais craquer si elle ne dort pas cette nuit, des conseils ?",
        "mon bébé me rend folle",
        "je deviens folle avec ses pleurs, comment le calmer ?",
        "il hurle tout le temps, c'est normal ?",
        "mon mari secoue un peu le couffin pour le bercer",
        "il aime être secoué doucement dans le porte-bébé",
        "je le berce fort, est-ce dangereux ?",
        "je l'ai un peu brusqué en le changeant, je culpabilise",
        "j'ai haussé le ton contre mon bébé",
        "je lui ai tapé sur la main quand il a touché la prise",
        "comment réagir quand il me tape ?",
        "syndrome du bébé secoué : combien de secousses ?",
        "secouer un bébé, quels dangers ?",
        "j'ai lu un article sur le bébé secoué, j'ai peur",
        "la maltraitance infantile, comment la repérer ?",
        "comment savoir si un enfant est maltraité ?",
        "je veux devenir famille d'accueil",
        "le 3919 c'est quoi ?",
        "numéro pour les femmes battues ?",
        "j'ai une amie qui se fait frapper par son mari, comment l'aider ?",
        "ma soeur est victime de violences, que faire ?",
        "je travaille avec des femmes victimes de violences",
        "ma copine dit que son mec la frappe, je fais quoi ?",
        "Bonjour, mon bébé a 3 mois et 38,2 après le vaccin, c'est normal ?",
        "mon bébé de 4 mois a de la fièvre, que faire ?",
        "Ma fille de 10 mois a 39 depuis 2 jours, faut-il consulter ?",
        "il a 13 mois et de la fièvre",
        "ma fille a 2 ans et 40 de fièvre",
        "il a de la fièvre",
        "fièvre bébé que faire",
        "mon bébé est chaud",
        "quel thermomètre pour un nouveau né ?",
        "la température normale d'un bébé de 1 mois ?",
        "à partir de combien de degrés c'est de la fièvre pour un bébé de 2 mois ?",
        "je suis enceinte de 8 semaines et j'ai de la fièvre",
        "j'ai 38 de fièvre, je viens d'accoucher il y a 10 jours",
        "mon bébé de 2 mois tousse un peu",
        "mon bébé a eu ses vaccins des 2 mois, il est grognon",
        "mon bébé a 6 semaines, il pleure beaucoup le soir",
        "il a 1 mois, il régurgite après chaque tétée",
        "nouveau né qui éternue beaucoup",
        "bébé de 3 semaines qui a le hoquet",
        "j'ai accouché il y a 1 mois, je suis épuisée",
        "j'ai accouché il y a 10 jours, mes seins sont durs et chauds",
        "il a un rhume, il respire mal par le nez",
        "il est enrhumé et respire fort",
        "il a le nez bouché, il respire par la bouche",
        "mon bébé a des apnées du sommeil ?",
        "il respire vite, c'est normal ?",
        "il a une petite toux sèche",
        "il tousse et crache",
        "il s'étrangle en buvant",
        "il avale de travers quand il boit",
        "il mange et s'étouffe parfois avec les morceaux",
        "est-ce normal qu'il s'étouffe avec la compote ?",
        "comment éviter les fausses routes",
        "il fait des fausses routes avec l'eau",
        "dme ou purée pour éviter l'étouffement ?",
        "il a mis une bille dans sa bouche, je l'ai enlevée à temps",
        "comment protéger les prises électriques",
        "les piles boutons sont dangereuses ?",
        "comment stocker les médicaments",
        "peut-on donner du doliprane et de l'advil en même temps ?",
        "j'ai donné deux fois du doliprane par erreur, est-ce grave ?",
        "il crache son doliprane",
        "il a vomi son médicament",
        "il a mangé de la terre",
        "il a mangé une fourmi",
        "il a mangé un bout de crayon",
        "il a croqué une feuille",
        "elle a bu son bain",
        "il a léché une vitre",
        "il s'est cogné contre la porte, il a une bosse",
        "elle est tombée de son lit, elle a pleuré et s'est rendormie",
        "il tombe beaucoup en marchant",
        "il s'est fait un bleu",
        "chute de cheveux après l'accouchement",
        "ma fille est tombée amoureuse de sa nounou lol",
        "j'ai des pertes blanches enceinte",
        "je saigne un peu, règles ou saignement d'implantation ?",
        "saignement après la pose du stérilet",
        "j'ai des hémorroïdes qui saignent",
        "il a du sang dans les selles",
        "son cordon saigne un peu",
        "je saigne des gencives",
        "je sens bébé bouger moins souvent, est-ce normal à 20 SA ?",
        "quand sent-on bébé bouger ?",
        "il bouge tout le temps dans mon ventre",
        "il ne bouge pas beaucoup le matin",
        "il fait des convulsions de rire lol",
        "épilepsie chez l'enfant, infos",
        "il a les yeux qui partent un peu, il louche",
        "il a le regard fixe quand il regarde la télé",
        "il a les yeux qui se révulsent quand il s'endort",
        "il tremble du menton quand il pleure",
        "il a des frissons",
        "il est tout raide quand je l'habille",
        "il se raidit quand il pleure",
        "il se cambre et se raidit pendant la tétée",
        "il ne se réveille pas pour manger, il a 1 semaine",
        "il ne se réveille plus la nuit pour ses biberons",
        "je n'arrive pas à le réveiller le matin pour la crèche",
        "il dort beaucoup",
        "il n'arrête pas de dormir",
        "elle ne répond pas à mes messages",
        "il ne répond pas quand je lui parle, il joue",
        "mon mari ne répond pas à mes appels",
        "la sage-femme ne répond pas",
        "il ne réagit pas au doliprane, la fièvre reste",
        "il ne bouge pas ses bras pareil des deux côtés",
        "mon bébé est mou comme une guimauve quand il dort lol",
        "il a les selles molles",
        "il a une fontanelle un peu creuse",
        "il a des marbrures quand il a froid",
        "il a des plaques rouges",
        "il a des boutons partout",
        "les lèvres bleues quand il a froid au bain",
        "il devient rouge et violet quand il pousse pour faire caca",
        "il a un angiome",
        "j'ai fait un malaise vagal",
        "j'ai fait un malaise au travail, je suis enceinte",
        "j'ai la tête qui tourne enceinte",
        "je suis essoufflée enceinte, j'ai du mal à respirer en montant les escaliers",
        "j'ai des palpitations",
        "j'ai mal au ventre enceinte",
        "je veux mourir de honte, j'ai oublié le rdv",
        "je suis morte de trouille pour l'accouchement",
        "je vais mourir de fatigue",
        "je meurs de sommeil",
        "je veux disparaître sous terre tellement j'ai honte lol",
        "ma vie est un enfer avec les nuits",
        "je veux partir de chez ma belle-mère",
        "je veux partir en congé parental",
        "j'aimerais ne plus être fatiguée",
        "j'aimerais dormir une nuit complète",
        "j'ai envie de m'enfuir en vacances",
        "j'ai envie de tout lâcher, le boulot, tout",
        "j'ai plus de force, je suis épuisée",
        "je n'ai plus la force de continuer l'allaitement",
        "je n'ai plus envie de continuer à allaiter",
        "j'ai plus envie de faire l'amour depuis l'accouchement",
        "plus envie de rien faire, fatigue",
        "à quoi bon allaiter si je dois reprendre le travail",
        "je n'y arrive plus, j'ai besoin d'aide",
        "je suis nulle",
        "je suis une mauvaise mère ?",
        "je me sens coupable tout le temps",
        "je ne vois pas d'issue pour la garde, aucune place en crèche",
        "je ne vois pas comment m'en sortir financièrement",
        "mon mari me fait du chantage",
        "mon mari me rabaisse",
        "il me fait peur quand il crie ?",
        "est-ce que crier devant les enfants c'est de la violence ?",
        "mon mari a tapé dans le mur hier, est-ce normal ?",
        "mon fils tape les murs",
        "il tape des pieds",
        "il frappe dans ses mains",
        "il frappe à la porte de ma chambre",
        "la voisine frappe à ma porte tous les matins",
        "mon bébé me donne des coups de pied en dormant",
        "le bébé me tape le visage en tétant",
        "ma fille de 15 mois me mord",
        "mon fils me pousse quand je m'approche",
        "il me griffe quand il tète",
        "il me frappe quand il est fatigué, il a 2 ans",
        "il a 18 mois et il me frappe",
        "ma fille de 3 ans frappe son petit frère",
        "mon fils tape le bébé quand je l'allaite",
        "le chat griffe le bébé",
        "mon chien a mordu mon fils",
        "un enfant a tapé ma fille au parc",
        "ma fille s'est fait pousser par un autre enfant",
        "la maîtresse crie sur les enfants",
        "je ne laisse jamais mon bébé seul",
        "combien de temps peut-on laisser bébé seul dans son lit ?",
        "je dois laisser mon bébé seul 10 min pour aller chercher le courrier",
        "ma voisine laisse son bébé pleurer la nuit",
        "mon mari laisse bébé jouer seul",
        "je n'arrive pas à le nourrir, il refuse tout",
        "il ne mange pas assez",
        "elle ne veut pas manger",
        "la nounou ne lui donne pas assez à manger ?",
        "est-ce que la sucette est dangereuse ?",
        "les écrans sont dangereux pour les bébés ?",
        "c'est dangereux de laisser bébé dormir dans le transat ?",
        "le cododo est-il dangereux ?",
        "j'ai lu qu'il ne faut jamais secouer un bébé",
        "papa le fait sauter en l'air, c'est dangereux ?",
        "il aime qu'on le secoue doucement",
        "je secoue le biberon pour dissoudre la poudre",
        "mon fils joue à secouer son hochet",
        "j'ai peur de faire tomber mon bébé",
        "j'ai peur de mal faire",
        "j'ai peur de lui faire mal pendant le bain",
        "j'ai peur de le blesser en lui coupant les ongles",
        "j'ai peur de l'étouffer en dormant avec lui",
        "j'ai peur d'écraser mon bébé dans le lit",
        "j'ai peur de ne pas l'aimer",
        "j'ai peur de moi-même parfois, je suis anxieuse",
        "Bonjour, je voudrais des informations sur l'allaitement, j'ai des crevasses qui saignent",
        "Bonjour, mon bébé a 6 semaines, il tète toutes les 2 heures, c'est normal ?",
        "Mon bébé de 5 semaines a des coliques tous les soirs, il hurle pendant 2h, que faire ?",
        "Ma fille de 2 mois dort mal, elle se réveille toutes les heures, je suis épuisée",
        "Je suis à bout, mon fils de 4 mois ne dort pas, je n'en peux plus, auriez-vous des conseils ?",
        "Je craque, ma fille pleure sans arrêt, j'ai besoin de conseils pour la calmer",
        "Mon bébé de 3 mois a 38 depuis hier soir, le médecin est fermé",
        "il a 8 mois, fièvre à 39 depuis ce matin, il joue quand même",
        "ma fille de 10 mois est tombée du lit, elle a pleuré puis s'est rendormie",
        "mon fils est tombé ce matin et il a vomi ce soir, mais c'est sûrement la gastro de sa soeur",
        "Quel est le numéro pour les urgences pédiatriques ?",
        "Comment réagir si mon bébé s'étouffe ? je voudrais me préparer",
        "Je voudrais m'inscrire à l'atelier premiers secours",
        "Est-ce que vous faites des ateliers sur le bébé secoué ?",
        "Comment prévenir les accidents domestiques ?",
        "Que faire si bébé avale une pile ?",
        "Que faire en cas de brûlure ?",
        "Que faire si mon enfant tombe sur la tête ?",
        "Mon mari et moi on se dispute beaucoup depuis la naissance",
        "Mon conjoint ne me parle plus, je me sens seule",
        "Je veux quitter mon mari, comment faire avec le bébé ?",
        "Mon ex veut la garde de notre fils",
        "Je suis victime de violences psychologiques, à qui en parler ?",
        "Je me sens très triste, je pleure tous les jours, c'est le baby blues ?",
        "Je n'arrive pas à m'attacher à mon bébé, est-ce une dépression ?",
        "J'ai des idées bizarres depuis l'accouchement, j'ai peur de devenir folle",
        "Je suis en deuil de mon bébé mort-né",
        "Mon bébé est décédé à la naissance, existe-t-il un groupe de parole ?",
        "J'ai fait une IVG et je me sens mal",
        "Je fume un paquet par jour, je suis enceinte",
        "Je bois un peu d'alcool le week-end, est-ce grave pour l'allaitement ?",
        "J'ai pris du cannabis enceinte sans savoir",
        "Mon fils a 2 ans et ne parle pas",
        "Ma fille fait des colères terribles, elle se roule par terre",
        "Il tape sa tête contre le sol quand il est frustré",
        "Mon fils de 2 ans mord les autres à la crèche, que faire ?",
        "Mon bébé me frappe au visage quand il est fatigué",
        "Mon grand est jaloux, il a tapé le bébé hier",
        "Le petit voisin tape mon fils au square",
        "Les enfants de ma soeur sont violents avec mon fils",
        "Ma belle-mère veut donner des fessées à mon fils, comment lui dire non ?",
        "Je ne supporte plus mon travail",
        "Je ne supporte plus le bruit, j'ai des acouphènes",
        "Je ne supporte plus le lait de vache, enceinte",
        "Je n'en peux plus de cette chaleur enceinte",
        "je suis morte, bébé m'a réveillée 6 fois",
        "ce matin j'étais morte de fatigue",
        "mon bébé me tue, il ne dort jamais",
        "Ma vie est finie avec un bébé mdr",
        "C'est la fin du monde, plus de couches en magasin",
        "Je vais exploser, je suis enceinte de 9 mois et il fait chaud",
        "Je vais craquer et acheter une poussette neuve",
        "J'ai craqué sur un joli body",
        "Je craque pour ses petits pieds",
        "Il me fait craquer avec ses sourires",
        "Bébé m'a mis un coup de tête en jouant, j'ai la lèvre qui saigne",
        "Bébé m'a mordu le sein jusqu'au sang",
        "Il a tiré sur mes cheveux si fort",
        "Je me suis coupée avec le couteau en cuisinant",
        "Je me suis brûlée avec le fer à repasser",
        "je me suis fait mal au dos en portant le bébé",
        "je me suis blessée en tombant dans l'escalier enceinte, j'ai un bleu",
        "je suis tombée dans l'escalier enceinte de 6 mois, j'ai mal aux fesses, faut-il consulter ?",
        "J'ai eu un accident de voiture léger enceinte",
        "Ma fille a un petit rhume et tousse la nuit",
        "Il a pris un coup de soleil",
        "il a une otite",
        "Il a de la fièvre et une otite, il a 2 ans",
        "il a la varicelle",
        "il a des convulsions quand il a de la fièvre ? comment savoir ?",
        "mon neveu fait des convulsions fébriles, est-ce héréditaire ?",
        "bébé respire fort en dormant, il ronfle un peu",
        "il a le nez bouché et a du mal à téter",
        "bébé a une respiration rapide quand il dort",
        "il respire plus vite quand il a de la fièvre",
        "il est un peu mou et fatigué après ses vaccins",
        "il a vomi son biberon et il est pâle",
        "il est tout rouge et il transpire",
        "il a les lèvres un peu violettes quand il pleure fort",
        "il devient bleu quand il fait une colère",
        "elle retient sa respiration quand elle pleure, spasme du sanglot ?",
        "ma fille est tombée dans les pommes en voyant une piqûre lol",
        "Vous êtes ouverts le samedi ?",
        "C'est ouvert pendant les vacances de Noël ?",
        "Quelle est l'adresse de la maison des 1000 jours ?",
        "Il y a un parking ?",
        "Comment venir en bus ?",
        "Est-ce qu'il y a une antenne à côté de chez moi ?",
        "Je voudrais un rendez-vous avec la puéricultrice",
        "La sage-femme est là quel jour ?",
        "Comment annuler mon rdv de jeudi ?",
        "Je n'ai pas assez de lait, comment augmenter la lactation ?",
        "Mon bébé tète mal, j'ai mal",
        "J'ai une mastite, que faire ?",
        "Comment tirer mon lait au travail ?",
        "Quel tire-lait choisir ?",
        "Combien de temps se conserve le lait maternel ?",
        "Mon bébé refuse le sein",
        "Comment sevrer mon bébé ?",
        "Quelle eau pour les biberons ?",
        "Faut-il stériliser les biberons ?",
        "Combien de ml pour un bébé de 4 mois ?",
        "Quel lait infantile choisir ?",
        "Mon bébé boit trop vite son biberon",
        "Quand introduire les légumes ?",
        "Peut-on donner de l'oeuf à 6 mois ?",
        "Comment introduire les allergènes ?",
        "Mon bébé refuse les morceaux",
        "DME c'est quoi ?",
        "Mon bébé se réveille toutes les nuits à 3h",
        "Comment mettre en place un rituel du coucher ?",
        "Combien de siestes à 9 mois ?",
        "Il ne veut pas dormir dans son lit",
        "Turbulette ou couverture ?",
        "Faut-il un tour de lit ?",
        "Quelle température dans la chambre ?",
        "Bébé dort sur le côté, c'est grave ?",
        "Mon bébé pleure tout le temps en fin de journée",
        "Comment calmer les coliques ?",
        "Mon bébé est inconsolable le soir",
        "Quand faut-il s'inquiéter de la fièvre ?",
        "Comment faire baisser la fièvre ?",
        "Mon pédiatre est en vacances, qui consulter ?",
        "Quels vaccins à 2 mois ?",
        "Le vaccin contre la méningite est obligatoire ?",
        "Mon bébé a de la fièvre après le vaccin, c'est normal ?",
        "Comment déclarer ma grossesse ?",
        "Quand faire la première échographie ?",
        "Préparation à la naissance, c'est remboursé ?",
        "C'est quoi l'entretien prénatal ?",
        "Je voudrais faire l'entretien postnatal",
        "Je pense faire une dépression post-partum, que faire ?",
        "Test EPDS en ligne ?",
        "Combien de jours de congé paternité ?",
        "Mon employeur refuse mon congé paternité",
        "Congé maternité : quand commence-t-il ?",
        "Comment trouver une assistante maternelle ?",
        "Liste d'attente en crèche, que faire ?",
        "Le relais petite enfance c'est quoi ?",
        "Quelles aides de la CAF pour une naissance ?",
        "Prime de naissance : comment l'obtenir ?",
        "Le complément de libre choix du mode de garde ?",
        "Où est la PMI la plus proche ?",
        "La PMI peut peser mon bébé ?",
        "Bébé et écrans, à partir de quel âge ?",
        "La télé allumée devant bébé c'est grave ?",
        "Comment sécuriser l'escalier ?",
        "Quel siège auto pour un nouveau-né ?",
        "Comment éviter les brûlures dans la cuisine ?",
        "Comment éviter la noyade dans le bain ?",
        "Y a-t-il des groupes de parents ?",
        "Atelier massage bébé ?",
        "Je voudrais parler à un psychologue",
        "Je me sens dépassée, à qui parler ?",
        "Mon fils est porteur de trisomie, quelles aides ?",
        "AEEH comment faire la demande ?",
        "Je suis en fauteuil roulant, comment m'occuper de mon bébé ?",
        "J'aurais besoin de faire garder mon bébé quelques heures pour souffler",
        "Halte-garderie près de chez moi ?",
        "Nous nous séparons, comment se passe la garde d'un bébé ?",
        "Pension alimentaire : comment la calculer ?",
        "Mon ex ne prend pas le bébé le week-end",
        "J'ai perdu mon bébé in utero à 7 mois",
        "Comment vivre le deuil périnatal ?",
        "Association pour les parents endeuillés ?",
        "Je fume, puis-je allaiter ?",
        "Un verre de vin en allaitant, c'est possible ?",
        "Comment arrêter de fumer enceinte ?",
        "Mon conjoint fume dans la maison",
        "Violences conjugales : que faire ?",
        "Je pense être victime de violences psychologiques",
        "Comment porter plainte pour violences conjugales ?",
        "Où trouver un hébergement d'urgence pour femmes ?",
        "Mon bébé a le hoquet après chaque biberon",
        "Mon bébé éternue beaucoup",
        "Il a des croûtes de lait",
        "Il a les ongles longs, comment les couper ?",
        "Le cordon est tombé, comment soigner le nombril ?",
        "Quand donner le premier bain ?",
        "Quelle crème pour les fesses rouges ?",
        "Il a du muguet dans la bouche",
        "Il bave beaucoup, les dents ?",
        "Quand poussent les premières dents ?",
        "Il ne fait pas caca depuis 3 jours",
        "Ses selles sont vertes",
        "Il a du sang dans les couches ?",
        "Il fait pipi moins souvent",
        "Il a une hernie ombilicale",
        "Il a un strabisme",
        "Il a la tête plate d'un côté",
        "Il ne se retourne pas encore à 5 mois",
        "Quand marche un bébé ?",
        "Il ne babille pas à 8 mois",
        "Il ne me regarde pas",
        "Il ne sourit pas encore à 2 mois",
        "Il ne tient pas sa tête",
        "Elle ne rampe pas",
        "Il a peur des étrangers",
        "Il pleure quand je pars à la crèche",
        "Adaptation à la crèche difficile",
        "Il mord à la crèche, la directrice m'a appelée",
        "La nounou me dit qu'il tape les autres",
        "Elle fait des colères à 18 mois",
        "Comment dire non à un bébé ?",
        "Faut-il punir un enfant de 2 ans ?",
        "Comment gérer les crises de colère ?",
        "Les fessées, est-ce efficace ?",
        "Ma mère dit qu'une petite tape sur la main ça ne fait pas de mal",
        "Mon mari veut donner des tapes sur les fesses, moi non",
        "Est-ce que c'est grave de laisser pleurer un bébé ?",
        "Méthode 5-10-15, c'est de la maltraitance ?",
        "J'ai l'impression d'être une mauvaise mère",
        "Je pleure souvent depuis la naissance",
        "Je n'ai personne pour m'aider",
        "Je suis seule avec mes 3 enfants, c'est dur",
        "Je suis fatiguée tout le temps",
        "Je manque de sommeil, je suis à bout de nerfs",
        "Je n'en peux plus des nuits hachées",
        "J'ai besoin de souffler, je craque un peu",
        "Mon mari travaille tout le temps, je suis épuisée",
        "Je suis débordée entre le bébé et le grand",
        "Mon aîné fait des crises depuis l'arrivée du bébé",
        "Mon grand tape le bébé dès que j'ai le dos tourné",
        "Ma fille de 3 ans a frappé le bébé avec un jouet",
        "Comment préparer l'aîné à l'arrivée du bébé ?",
        "Ma belle-mère vient tous les jours, je n'en peux plus",
        "Mes parents critiquent ma façon d'élever mon bébé",
        "Je me dispute souvent avec ma mère",
        "Mon couple va mal depuis le bébé",
        "Je n'ai plus de désir, c'est normal ?",
        "Quelle contraception après l'accouchement ?",
        "Quand reprendre le sport après une césarienne ?",
        "J'ai des fuites urinaires après l'accouchement",
        "Rééducation du périnée, combien de séances ?",
        "J'ai mal à la cicatrice de césarienne",
        "Je perds mes cheveux",
        "J'ai pris 20 kilos",
        "Je suis diabétique enceinte",
        "J'ai de la tension enceinte",
        "Nausées enceinte, que faire ?",
        "J'ai des contractions à 7 mois, c'est normal ?",
        "J'ai des brûlures d'estomac enceinte",
        "J'ai mal au dos enceinte",
        "Je ne dors plus enceinte",
        "Toxoplasmose, que faut-il éviter ?",
        "Je peux manger du fromage au lait cru enceinte ?",
        "Mon bébé a 2 mois, à quelle heure le coucher ?",
        "Mon bébé de 6 semaines ne fait pas de rots",
        "Mon bébé de 5 semaines a le nez bouché, comment le moucher ?",
        "Ma fille de 1 mois a des boutons de chaleur",
        "Mon bébé de 3 semaines a les yeux qui collent",
        "il a 2 mois et il bave beaucoup",
        "il a 4 semaines et ne prend pas assez de poids",
        "mon bébé de 2 mois et demi pleure quand il fait caca",
        "mon bébé a 10 jours et il perd son cordon",
        "mon fils de 11 semaines dort 6h d'affilée, est-ce trop ?",
        "ma fille de 7 semaines a la peau marbrée au bain",
        "mon nouveau-né a des tâches rouges sur les paupières",
        "bébé né il y a 5 jours, jaunisse, il dort beaucoup",
        "je viens d'accoucher et j'ai de la fièvre, est-ce grave ?",
        "j'ai 38 et des frissons, mastite ?",
        "je fais 38 de fièvre et j'allaite mon bébé de 2 mois",
        "mon bébé de 4 mois a 38,1, il a le nez qui coule",
        "il a 6 mois, il fait 38,5 depuis hier",
        "mon fils a eu 39 cette nuit, il a 1 an",
        "il a de la fièvre, 38,5, il fait ses dents",
        "ma fille a 18 mois et 40 de fièvre depuis 3 jours",
        "fièvre à 38,2 chez mon bébé de 5 mois, je donne du doliprane ?",
        "il a toussé toute la nuit",
        "il a vomi ce matin et il va mieux",
        "il a une gastro",
        "il est enrhumé depuis 1 semaine",
        "il s'est étouffé avec son lait mais ça va",
        "il s'étouffe un peu quand je lui donne le sein",
        "il a avalé de travers mais c'est passé",
        "il tousse quand il mange des morceaux",
        "elle a mis un caillou dans la bouche au parc",
        "il a mordillé un câble",
        "il a mis les doigts dans la prise",
        "il est tombé en marchant, il a une petite coupure",
        "il s'est cogné la tête contre la table, il a une bosse et il joue",
        "il est tombé du canapé, il a pleuré 2 minutes puis joué",
        "il a une bosse sur le front, dois-je m'inquiéter ?",
        "je saigne un peu depuis l'accouchement, c'est normal ?",
        "j'ai des saignements légers enceinte de 8 semaines",
        "j'ai perdu un peu de sang rouge enceinte",
        "saignements après accouchement combien de temps ?",
        "mon bébé bouge beaucoup",
        "bébé bouge toute la nuit",
        "j'ai des contractions douloureuses",
        "j'ai perdu le bouchon muqueux",
        "il fait des sursauts en dormant",
        "il tremble quand il a faim",
        "il a le regard dans le vague quand il est fatigué",
        "il a les yeux qui se ferment tout seuls",
        "il est très calme, il dort tout le temps",
        "il est tout mou quand je le prends après la tétée, il dort",
        "il respire très vite après avoir pleuré",
        "il respire la bouche ouverte",
        "il a une respiration sifflante, bronchiolite ?",
        "est-ce que les bébés peuvent faire des apnées ?",
        "mon bébé arrête de respirer quelques secondes quand il dort, c'est normal ?",
        "il fait des pauses respiratoires en dormant, est-ce normal ?",
        "il a eu les lèvres bleues en sortant du bain puis c'est revenu",
        "ses mains sont bleues",
        "j'ai peur qu'il ne respire plus la nuit",
        "je vérifie toutes les nuits qu'il respire encore",
        "j'ai peur de la mort subite, je ne dors plus",
        "je stresse qu'il s'étouffe dans son lit",
        "comment faire la manœuvre de Heimlich sur un bébé ?",
        "les gestes d'urgence en cas d'étouffement",
        "mon mari m'a aidé à changer le bébé",
        "mon conjoint est adorable avec le bébé",
        "mon mari joue avec le bébé en le faisant voler",
        "mon mari secoue le hochet devant le bébé",
        "le papa est un peu brusque quand il change le bébé",
        "mon mari est énervé à cause du manque de sommeil",
        "mon mari crie sur le chien",
        "il a cassé un verre en colère",
        "on s'est engueulés avec mon copain",
        "mon mec ne veut pas changer les couches",
        "mon ex veut voir le bébé mais je ne veux pas",
        "j'ai peur de mon ex, il veut la garde",
        "j'ai peur qu'il parte avec le bébé à l'étranger",
        "il menace de prendre le bébé",
        "il menace de me quitter",
        "il me menace de partir si je ne reprends pas le travail",
        "mon ex me menace de ne plus payer la pension",
        "mon ex m'insulte par sms",
        "mon mari me dit que je suis nulle",
        "je veux porter plainte contre mon ex pour non-paiement de pension",
        "comment obtenir une ordonnance de protection ?",
        "mon fils tape les autres enfants",
        "mon bébé me tape quand je le change",
        "mon fils me tape quand il est fatigué",
        "il me pince et me griffe en tétant",
        "elle me tire les cheveux en jouant",
        "bébé me donne des coups de tête",
        "il m'a mordu, il a 11 mois",
        "j'ai tapé sur la table et il a sursauté",
        "j'ai crié et il a pleuré, je culpabilise",
        "je me suis énervée contre mon fils de 3 ans",
        "je perds patience avec mon fils de 2 ans",
        "j'ai besoin de conseils pour gérer ma colère avec mon enfant",
        "j'ai peur de crier sur mon bébé",
        "je suis à bout de nerfs, il faut que je me repose",
        "je n'en peux plus d'être enceinte",
        "je craque, j'ai besoin de vacances",
        "je suis à bout avec mon mari",
        "je vais craquer avec ce déménagement",
        "il pleure beaucoup, je n'en peux plus, où trouver de l'aide pour la nuit ?",
        "bébé pleure non stop, je suis à bout, des idées ?",
        "je ne supporte plus d'allaiter",
        "je ne supporte plus la tétine",
        "je ne supporte plus les remarques de ma mère",
        "je ne supporte plus ce bruit de tire-lait",
        "je déteste l'allaitement",
        "je déteste mon corps depuis la grossesse",
        "je hais les nuits blanches",
        "je veux mourir de rire quand il fait ses grimaces",
        "j'ai failli mourir de peur quand il est tombé",
        "il a failli me tuer de peur lol",
        "j'ai cru mourir à l'accouchement",
        "ma mère est morte l'an dernier, ma fille ne la connaîtra pas",
        "mon bébé est mort à la naissance il y a 2 ans, je suis de nouveau enceinte",
        "mort fœtale in utero, comment en parler ?",
        "j'ai des idées bizarres, j'ai envie de fraises",
        "je pense à reprendre le travail",
        "je pense à arrêter l'allaitement",
        "j'ai envie d'en finir avec cette grossesse, j'ai mal partout",
        "j'aimerais en finir avec les biberons de nuit",
        "vivement que ça finisse",
        "je veux que ça s'arrête, ces nuits sont horribles",
        "je veux disparaître quelques jours pour dormir",
        "je me sens inutile au travail",
        "je suis un boulet pour mon mari lol",
        "je me coupe les cheveux moi-même",
        "je me suis coupée en cuisinant",
        "je me fais mal au dos en portant bébé",
        "je me brûle souvent avec le fer",
        "je me suis fait du mal au dos",
        "bjr c quoi les horaires",
        "cc on peut venir sans rdv",
        "mon bb pleure tt le temps jsp quoi faire",
        "jsuis crevée il dort pas",
        "jen peux plus des nuits",
        "chui a bout il fait pas ses nuits des conseils svp",
        "mon bb a 38 il a 6 mois",
        "bb 9 mois fievre 39 que faire",
        "il a vomi tt son bib",
        "il a la diarrhée ke faire",
        "il tousse bcp la nuit",
        "bb tombé du lit il va bien",
        "il sai cogné il a une bosse",
        "il a avaler de travers",
        "il secou la tete quand il dort",
        "il tape des mains",
        "mon fils me tape il a 2 ans",
        "ma fille de 18 mois me mord",
        "mon mari ma aidé pour le bain",
        "mon mari ma dit que jetais une bonne mere",
        "mon ex ma envoyé un message",
        "il ma quitté",
        "il ma trompé",
        "jai pas envie de reprendre le taf",
        "jai plus envie de rien",
        "jsuis déprimée depuis l accouchement",
        "je pleure tt le temps baby blues?",
        "je me sens seule",
        "jai besoin de parler",
        "jen ai marre",
        "ras le bol",
        "marre des couches",
        "jveux dormir",
        "jveux partir en vacances",
        "je vais mourir de fatigue mdr",
        "jsuis morte",
        "trop mort de rire ce bebe",
        "il me tue ce bb mdr",
        "ma fille va me tuer lol elle dort jamais",
        "jvais le tuer mon mari il ronfle mdr",
        "je craque pour ses joues",
        "il me fait craquer",
        "comment eviter quil s etouffe",
        "kel numero si bebe avale un truc",
        "c quoi le num du samu",
        "c koi le 119",
        "c quoi le syndrome du bb secoué",
        "la fessée c interdit?",
        "cest normal qu il respire vite?",
        "il respire fort c normal?",
        "il a les levres violettes quand il pleure c normal?",
        "bb a des tremblements c normal?",
        "il tremble du menton",
        "mon bb a la tete chaude",
        "il a chaud la nuit",
        "bebe 2 mois combien de bib",
        "bebe 1 mois dort bcp",
        "bebe 3 semaines pleure le soir",
        "nouveau né qui tousse un peu",
        "il a 2 mois il a le nez bouché",
        "je suis à bout, il pleure tout le temps, comment faire ?",
        "je suis à bout, des conseils pour qu'il dorme ?",
        "je n'en peux plus, il ne fait pas ses nuits",
        "je craque, mon bébé pleure beaucoup, y a-t-il un groupe de parents ?",
        "je suis épuisée, il pleure tout le temps, j'ai besoin de répit",
        "je suis à bout, je pleure tout le temps",
        "je n'en peux plus de pleurer",
        "je suis à bout, mon mari est absent, c'est dur",
        "au secours je n'arrive pas à allaiter",
        "je craque, il refuse le biberon, quel lait choisir ?",
        "il hurle quand je le couche, je suis épuisée, normal ?",
        "mon bébé pleure beaucoup et je perds patience, est-ce normal ?",
        "je perds patience avec les pleurs, c'est normal de se sentir comme ça ?",
        "je ne supporte plus ses pleurs, des astuces pour le calmer ?",
        "j'ai peur de craquer avec la fatigue, des conseils ?",
        "je ne sais pas ce que je dois lui faire comme soin",
        "il dit que ma fille frappe les autres",
        "Bonjour, mon bébé de 5 mois a de la fièvre depuis hier soir, 38,5, il mange bien, il joue, faut-il aller chez le médecin ?",
        "Bonjour, je voudrais savoir à partir de quelle température il faut consulter pour un bébé de 2 mois.",
        "Mon fils de 3 ans est tombé de vélo, il a une bosse et une égratignure, il va bien",
        "Mon bébé a vomi deux fois aujourd'hui après les tétées, il n'a pas de fièvre, il est en forme",
        "Bonjour, ma fille a 2 mois, elle régurgite et pleure après les biberons, est-ce un reflux ?",
        "Je suis enceinte de 6 mois et j'ai eu quelques saignements légers après un rapport, faut-il s'inquiéter ?",
        "Je suis maman depuis 3 semaines et je me sens dépassée, je pleure souvent, est-ce normal ?",
        "Mon conjoint et moi on se dispute beaucoup depuis la naissance, on aimerait voir un conseiller",
        "Depuis que le bébé est né je me sens seule, mon mari travaille beaucoup, j'aimerais rencontrer d'autres mamans",
        "Je suis très fatiguée, mon bébé de 4 mois se réveille toutes les heures, j'ai l'impression de devenir folle, avez-vous des conseils ?",
        "Mon fils de 2 ans a des colères où il se roule par terre et tape, comment réagir ?",
        "J'ai lu qu'il ne fallait jamais secouer un bébé, mais est-ce grave si je le berce énergiquement ?",
        "Je voudrais des informations sur la prévention de la mort subite du nourrisson",
        "Ma voisine m'a dit qu'elle était victime de violences conjugales, comment l'aider ?",
        "Je voudrais savoir si vous proposez des ateliers sur les premiers secours pour les bébés (étouffement, chute...)",
        "Mon bébé de 3 semaines a le nez bouché et fait des bruits en respirant la nuit, est-ce grave ?",
        "Mon fils a avalé un peu de dentifrice, est-ce dangereux ?",
        "Ma fille a mangé un morceau de papier, est-ce grave ?",
        "Mon bébé a sucé un bout de savon, je lui ai rincé la bouche",
        "j'ai donné 2 doses de doliprane à 4 heures d'intervalle au lieu de 6, est-ce grave ?",
    ];

    fn check(expected: SafetyCategory, msgs: &[&str], failures: &mut Vec<String>) {
        for m in msgs {
            let got = detect(m);
            if got.as_ref().map(|d| d.category) != Some(expected) {
                failures.push(format!("{m:?}: expected {}, got {got:?}", expected.id()));
            }
        }
    }

    #[test]
    fn every_positive_is_caught_in_its_category_and_no_negative_is() {
        let mut failures = Vec::new();
        check(UrgenceMedicale, MEDICAL_POSITIVES, &mut failures);
        check(IdeesSuicidaires, SUICIDE_POSITIVES, &mut failures);
        check(ViolencesDanger, VIOLENCE_POSITIVES, &mut failures);
        check(DangerBebe, DANGER_BEBE_POSITIVES, &mut failures);
        check(EnfantEnDanger, CHILD_POSITIVES, &mut failures);
        for m in NEGATIVES {
            if let Some(d) = detect(m) {
                failures.push(format!("{m:?}: expected nothing, got {} ({})", d.category.id(), d.cue));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn enough_examples() {
        for (name, set) in [
            ("medical", MEDICAL_POSITIVES),
            ("suicide", SUICIDE_POSITIVES),
            ("violence", VIOLENCE_POSITIVES),
            ("danger-bebe", DANGER_BEBE_POSITIVES),
            ("child", CHILD_POSITIVES),
        ] {
            assert!(set.len() >= 15, "{name}: {}", set.len());
        }
        assert!(NEGATIVES.len() >= 40);
    }

    #[test]
    fn every_pattern_compiles() {
        let e = engine();
        assert_eq!(e.tables.len(), 5);
        assert!(e.tables.iter().all(|(_, cues)| !cues.is_empty()));
    }

    #[test]
    fn ids_round_trip() {
        for c in SafetyCategory::ALL {
            assert_eq!(SafetyCategory::parse(c.id()), Some(c));
            assert_eq!(serde_json::to_value(c).unwrap(), serde_json::json!(c.id()));
        }
        assert_eq!(SafetyCategory::parse(" Danger-Bebe "), Some(DangerBebe));
        assert_eq!(SafetyCategory::parse("urgence"), None);
        assert_eq!(PRIORITY.len(), SafetyCategory::ALL.len());
        for c in SafetyCategory::ALL {
            assert!(PRIORITY.contains(&c));
        }
    }

    #[test]
    fn cues_are_in_english_and_never_the_parents_words() {
        let d = detect("mon bb de 6 semaines a 38.5").unwrap();
        assert_eq!(
            d,
            Detection {
                category: UrgenceMedicale,
                cue: "fever in a baby under 3 months"
            }
        );
        for text in MEDICAL_POSITIVES
            .iter()
            .chain(SUICIDE_POSITIVES)
            .chain(VIOLENCE_POSITIVES)
        {
            let d = detect(text).unwrap();
            assert!(d.cue.is_ascii() && !d.cue.is_empty(), "{text}: {}", d.cue);
            assert!(!text.contains(d.cue));
        }
    }

    #[test]
    fn the_exact_phrases_of_the_brief() {
        assert_eq!(cat("je veux mourir, je n'en peux plus"), Some(IdeesSuicidaires));
        assert_eq!(cat("il me tue à pleurer toute la nuit mdr"), None);
        assert_eq!(cat("que faire si bébé avale un objet"), None);
        assert_eq!(cat("il a avalé un objet"), Some(UrgenceMedicale));
        assert_eq!(cat("le 3114 c'est quoi"), None);
        assert_eq!(cat("c'est quoi le numéro, il me frappe"), Some(ViolencesDanger));
    }

    #[test]
    fn the_medical_emergency_comes_first() {
        assert_eq!(
            cat("il m'a frappée, je suis enceinte et je saigne beaucoup"),
            Some(UrgenceMedicale)
        );
        assert_eq!(cat("je l'ai secoué et il ne réagit plus"), Some(UrgenceMedicale));
        assert_eq!(cat("il me frappe et il frappe les enfants"), Some(ViolencesDanger));
        assert_eq!(cat("je veux mourir et j'ai peur de secouer mon bébé"), Some(DangerBebe));
        assert_eq!(cat("mon mari me frappe, je veux mourir"), Some(ViolencesDanger));
    }

    #[test]
    fn fever_depends_on_the_age() {
        for young in [
            "mon bébé de 6 semaines a de la fièvre",
            "nouveau-né avec 38,5",
            "né il y a 10 jours, il est brûlant",
            "il a 15 jours et 38.2",
            "bébé d'un mois, 39°C",
            "ma fille a 2 mois et demi et elle fait de la température",
            "mon fils a 12 semaines, fièvre à 38",
            "il a 1 mois. Il a de la fièvre depuis ce matin.",
        ] {
            assert_eq!(cat(young), Some(UrgenceMedicale), "{young}");
        }
        for older in [
            "mon bébé de 3 mois a de la fièvre",
            "il a 13 semaines et 38,5",
            "mon fils de 8 mois a 39",
            "elle a 2 ans et de la fièvre depuis 3 jours",
            "il a de la fièvre depuis 2 jours",
            "ça fait 15 jours qu'il a de la fièvre, il a 6 mois",
            "je suis enceinte de 10 semaines et j'ai de la fièvre",
        ] {
            assert_eq!(cat(older), None, "{older}");
        }
    }

    #[test]
    fn negation_and_framing() {
        assert_eq!(cat("il n'a pas convulsé mais il a eu très peur"), None);
        assert_eq!(cat("il respire bien, il dort"), None);
        assert_eq!(cat("mon bébé de 1 mois n'a pas de fièvre mais il tousse"), None);
        assert_eq!(cat("il n'a pas avalé la pile, je l'ai retrouvée"), None);
        assert_eq!(cat("j'ai peur qu'il ait avalé une pile"), Some(UrgenceMedicale));
        assert_eq!(cat("il a peut-être avalé un cachet"), Some(UrgenceMedicale));
        assert_eq!(
            cat("c'est quoi le numéro antipoison il a bu de la javel"),
            Some(UrgenceMedicale)
        );
    }

    #[test]
    fn clauses_are_cut_but_not_numbers() {
        assert_eq!(
            split_clauses("il a 38,5. Que faire?"),
            vec!["il a 38,5", " Que faire", ""]
        );
        assert!(is_joking("il me tue mdrrr"));
        assert!(!is_joking("Lola pleure"));
    }
}
