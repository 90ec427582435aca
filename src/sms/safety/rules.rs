//! The first reader of a message: cue tables, written by hand, that recognise
//! the distress they spell out and know where the line is drawn. They are
//! tried before the classifier of [`super::model`], and alone decide the
//! borderline cases below.
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
//!   mourir » is, whatever follows it, except in two framings that the message
//!   itself spells out: banter, laughter *and* a turn to the real question
//!   (« je vais me jeter par la fenêtre si la crèche rappelle pas 😂
//!   sérieusement, … »), and a question asked ahead of time about a day that
//!   has not come (« si un jour je sens que je vais craquer, qui j'appelle ?
//!   c'est pour savoir à l'avance »). Laughter alone suppresses reported events
//!   but not first-person danger: worry hides behind « mdr » too.
//! - Time is read per message (a past episode, said to be over, with nothing
//!   happening now) and per clause: a clause dated long ago (« il y a deux ans
//!   mon aîné avait fait une convulsion ») reports a memory even when another
//!   clause speaks of tonight (« le petit a 38,8 ce soir »).

use std::sync::OnceLock;

use super::{Detection, SafetyCategory};
use crate::sms::text;

/// The order in which categories are tried: when several apply, the one whose
/// numbers help most now wins (see the module documentation).
const PRIORITY: [SafetyCategory; 5] = [
    SafetyCategory::UrgenceMedicale,
    SafetyCategory::ViolencesDanger,
    SafetyCategory::DangerBebe,
    SafetyCategory::IdeesSuicidaires,
    SafetyCategory::EnfantEnDanger,
];

/// What the cue tables make of a message.
#[derive(Debug, Clone, PartialEq)]
pub struct CueReading {
    /// The first cue that fired, in order of precedence.
    pub detection: Option<Detection>,
    /// The message tells of an episode that is over (long ago, or recent and
    /// said to be over, with nothing happening now), a story, a question
    /// asked ahead of time, or banter: the classifier, which cannot read tenses
    /// or laughter, must then be surer of itself.
    pub over: bool,
}

/// Reads a raw message (it normalises it itself) with the cue tables alone.
pub fn read(text: &str) -> CueReading {
    let engine = engine();
    let msg = Message::new(text, &engine.markers);
    let view = msg.view(&engine.markers);
    let detection = engine.tables.iter().find_map(|(category, cues)| {
        let medical = *category == SafetyCategory::UrgenceMedicale;
        cues.iter().find(|cue| cue.fires(&view, medical)).map(|cue| Detection {
            category: *category,
            cue: cue.cue,
            confidence: None,
        })
    });
    // The classifier cannot tell a story from a confession either: it must be surer of itself.
    let story = view.framing.iter().any(|f| f.fiction) && !view.framing.iter().any(|f| f.wish_now);
    CueReading {
        detection,
        // Nor can it see banter: « il m'a tuée ce soir 😂 bon sinon… » only sounds
        // alarming (laughter alone may hide worry: « mdr c'est sûrement rien mais il est gris »).
        over: view.over || story || view.ahead || view.banter,
    }
}

/// The cue that fires on a raw message, if any.
pub fn detect(text: &str) -> Option<Detection> {
    read(text).detection
}

/// The words of a raw message as the cues read them: the plain form of
/// [`text::normalize`], with the SMS spellings that matter here written out.
pub fn words(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in text::normalize(raw).split(' ').filter(|w| !w.is_empty()) {
        match more_sms(w) {
            Some(words) => out.extend(words.iter().map(|s| (*s).to_owned())),
            None => out.push(w.to_owned()),
        }
    }
    out
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
    "parce", "c", "ce", "ca", "cela",
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
    // A fetus (« il me frappe de l'intérieur »), a baby being changed or dressed.
    "de l interieur",
    "in utero",
    "<!y|enceinte|grossesse|a|de|d # semaines|sa|sem",
    "je|j|on :2 le|la|l change|changer|changes|habille|habiller|baigne|baigner",
    "pendant|au|avant|apres le|du|la? change|changes|bain|habillage|couche",
    "table_a_langer|change_de_couche|changer_sa_couche",
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
    "de l interieur",
    "in utero",
    "<!y|enceinte|grossesse|a|de|d # semaines|sa|sem",
    "je|j|on :2 le|la|l change|changer|changes|habille|habiller|baigne|baigner",
    "pendant|au|avant|apres le|du|la? change|changes|bain|habillage|couche",
    "table_a_langer|change_de_couche|changer_sa_couche",
];

static MEDICAL: &[Cue] = &[
    Cue {
        cue: "serious burn",
        strength: Event,
        pats: &[
            "eau|huile|lait|soupe|the|cafe|friture bouillant*|bouillie|brulant*",
            "ebouillant*",
            "cloque*|ampoule* ..4 peau|partout|torse|ventre|bras|main|mains|visage|jambe*|dos|cou",
            "peau ..3 decolle*|arrache*|part|pele|partie|blanche",
            "brule|brulee|brules|brulees|brulure|brulures ..4 grave*|profond*|visage|torse|ventre|dos|cou|cloque*|partout|fer|four|plaque|poele|radiateur",
        ],
        // The parent's own small burn (« je me suis brûlée avec le fer »), a sunburn, a bottle's water.
        unless: &[
            "bouillant* ..3 biberon|lait_en_poudre|sterilis*",
            "coup_de_soleil",
            "je|j me|m suis? brule|brulee|brulure ..4 fer|four|plaque|poele|main|doigt|doigts|bras",
        ],
        ..BASE
    },
    Cue {
        cue: "waters broken early or with blood",
        strength: Event,
        pats: &["perte|perdu|perds|perd|rompu|rupture|poche ..2 des|les? eaux"],
        requires: &[&[
            "sang|saign*|rouge|rose|marron|verte|vert|hemorr*",
            "20|21|22|23|24|25|26|27|28|29|30|31|32|33|34|35|36 semaines|sa|sem",
            "5|6|7 mois|eme_mois|e_mois",
        ]],
        ..BASE
    },
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
        // « j'ai tenté de l'asphyxier »: the parent's danger (danger-bebe), unless the baby is hurt.
        not_if: &["je|j :3 tente|essaye|voulu|failli|envie|pense :3 l|le|la|lui ..1 asphyxi*|etouff*|suffoqu*"],
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
            "devien*|devenu|devenue|devenus|vire|virer|tourne|tourner|est|sont|etait|tout|toute|toutes|tous|completement|levres|levre|bouche|visage|figure|teint|peau|nez|ongles|tete|corps|bebe :1 bleu|bleue|bleus|bleues|bleute|bleutee|bleutes|bleuatre|bleuatres|gris|grise|grisatre|violet|violette|violace|violacee|violaces|livide",
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
            // « ce matelas, il est trop mou »
            "matelas|coussin|oreiller|canape|tapis|surmatelas ..5 mou|molle|moue",
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
            "il|elle|bebe|qui|fait|fais|faire|faisait|eu|a|refait|refaire|avoir|train|{baby} :2 convul*",
            "crise|crises convulsiv*|comitiale*",
            "fait|fais|faisait|faire|eu|refait|en|a|fasse :2 crise d|de? epilep*",
            "fait|fais|faisait|faire|eu|refait|refaire|refais|en|a|fasse :2 crise !de|d|du|des|pour|sur|contre|a|au|aux|dans|quand|lorsque|lorsqu|chaque|car|parce|si|mais|colere|pleurs|larmes|nerfs|angoisse|panique|jalousie|hysterie|foie|rire|hoquet|toux|asthme|rage|cris|dents|froid|chaud|cardiaque|hormonale|hormonales|genitale|d_eczema|eczema|urticaire",
        ],
        unless: &[
            "gens|personnes|proches|ceux|celles|situation|situations en crise",
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
            "bouge* plus ..4 que|qu",
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
            // « je peux boire un verre de vin ? »: the parent, not the baby.
            "je|j|on|nous|tu|vous|{partner} :3 avale*|bu|boit|bois|boire|bue|mange*|pris|prendre|croque*|ingere*|lech*|suce|gobe*|mis|met|aval|avaler",
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
        // A gastro, or a toddler who bangs his head to fall asleep (a habit).
        not_if: &["gastro*", "volontairement|expres|rythmiquement", "pour|afin|avant de? s endormir|dormir|se_calmer"],
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
            // « du sang sur tout le drap ».
            "sang ..3 sur|dans|par ..1 tout|toute|les|le|la|mon|ma? drap|draps|lit|matelas|pantalon|culotte|sol|terre|canape|siege",
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
        unless: &[
            "me|m :1 noy*|defenestr*",
            "brulure* ..2 estomac|urin*|pipi|fesses|sein*|mamelon*",
            // « elle s'est noyée dans ses larmes »
            "noy* ..3 larmes|pleurs|chagrin|sanglots|travail|boulot|paperasse",
        ],
        ..BASE
    },
    Cue {
        // « il a pas mouillé une couche depuis hier, il vomit tous ses bibs »: a
        // dry nappy or sunken eyes, with vomiting, diarrhoea, drowsiness or refusal to drink.
        cue: "signs of dehydration",
        strength: Event,
        pats: &[
            "pas|plus|aucune|aucun :2 mouille*|pipi ..3 couche|couches|depuis",
            "couche|couches :2 seche|seches|secs|sec",
            "pas|plus|pu fait|fais pipi ..3 depuis",
        ],
        requires: &[&[
            "vomi*|vomit|vomis|rejette|rejete|recrache",
            "diarrhee*",
            "refuse*|veut_plus|veut_pas|boit_plus|boit_pas|boit_rien|boit_presque_rien ..3 boire|bib|bibs|biberon*|tetee*|sein|lait|rien|eau",
            "yeux ..2 creux|enfonces|cernes",
            "fontanelle ..2 creuse|enfoncee|creux",
            "dort tout le temps",
            "somnol*|amorphe|mou|molle|endormi_tout_le_temps",
        ]],
        ..BASE
    },
    Cue {
        cue: "signs of dehydration",
        strength: Event,
        pats: &["yeux ..2 creux|enfonces", "fontanelle ..2 creuse|enfoncee"],
        requires: &[&[
            "vomi*|vomit|vomis|rejette|rejete",
            "diarrhee*",
            "refuse*|veut_plus|boit_plus|boit_pas|boit_rien ..3 boire|bib|bibs|biberon*|tetee*|sein|lait|rien",
            "mouille*|pipi",
            "couche|couches :2 seche|seches",
            "dort tout le temps",
            "somnol*|amorphe|mou|molle",
        ]],
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
        unless: &[
            "comment|apprendre|apprend|pratiquer|formation|cours|geste|gestes ..3 massage|bouche|reanim*",
            // « elle va me faire faire un arrêt cardiaque »: a figure of speech.
            "me|m ..3 faire ..2 arret|crise cardiaque",
        ],
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
            "je|j :5 malaise*",
            "malaise* vagal*",
            "telephone|tel|appel*|message*|sms|mail*|messagerie|repondeur|numero|ligne|standard|personne|medecin|pmi|docteur|cabinet|pediatre|secretariat|creche|nourrice|vous|mairie|caf|service|hopital|samu|pompiers|maternite|sage|urgences|garde|ils|on|ca|{partner} :4 repon*",
            "repon* pas|plus|pu|rien? ..3 parle|dis|demande|sourire*|regard|bisou*|calin*|jeux|jouet*|prenom|nom|question*|appel*|telephone|message*|sms|mail*|tel|texto*",
            "repon* plus|pas de moi",
            "envoy*|ecrit|ecrire|texto*|appele|appelle|rappel* ..6 repon*",
            // « quelqu'un qui me répond et pas un robot »
            "qui|quelqu|quelqu_un|qqn|qq1|qqun ..3 repon*",
        ],
        ..BASE
    },
    Cue {
        cue: "swallowed or breathed in something toxic",
        strength: Weak,
        pats: &["intoxi*|empoisonn*|monoxyde"],
        unless: &["intoxi* alimentaire*", "empoisonn* ..4 lait|poudre|biberon*|bib|petits_pots|pots|sucre|ecrans"],
        ..BASE
    },
    Cue {
        // « ça coule depuis 20 min, la serviette est pleine ».
        cue: "heavy bleeding",
        strength: Event,
        pats: &[
            "serviette|serviettes|protection|protections|culotte|culottes ..3 pleine|pleines|trempee|trempees|remplie|remplies|inondee|inondees|traversee|traversees",
            "coule|saigne|saignement ..2 depuis # min|mn|minutes|heure|heures|h",
        ],
        requires: &[&["sang|saign*|regles|hemorr*"]],
        // A runny or bleeding nose, an ear, an eye.
        not_if: &["nez|narine|narines|mouche|moucher|mouchant|rhume|oreille|oreilles|oeil|yeux"],
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
        // A lip swollen by a fall is a bump, not an allergy.
        not_if: &["tomb*|chute|cogne*|choc|bosse"],
        ..BASE
    },
    Cue {
        cue: "pregnancy emergency (eclampsia)",
        strength: Weak,
        pats: &["eclampsi*|preeclampsi*|toxemie"],
        ..BASE
    },
    Cue {
        // « enceinte de 6 mois, une grosse migraine, elle voit des étoiles, les pieds énormes »
        cue: "signs of pre-eclampsia",
        strength: Event,
        pats: &[
            "voit|vois|voir|voyais|voyait|vu ..2 etoiles|mouches|taches|points|eclairs|flashs|lumieres|tout_flou",
            "mal|douleur|douleurs|barre ..3 sous les cotes",
            "vision|vue|yeux ..2 trouble|troubles|floue|flou",
        ],
        requires: &[
            &["enceinte|grossesse|sa|semaines|trimestre"],
            &["tete|migraine*|gonfle*|gonflee*|enfle*|oedeme*|pieds|chevilles|jambes|mains|visage|tension"],
        ],
        ..BASE
    },
    // In other languages: the bot answers in French, but the numbers are the same everywhere.
    Cue {
        cue: "a medical emergency, in another language",
        pats: &[
            "not|t|stopped|stop|cant|no|nao|non|nu|nicht :2 breathing|breathe|breath|respira|respirando|respire|atmet|respirar|reacciona|reage|reagisce|reactioneaza|responding|responsive|waking|wake",
            "unconscious|unresponsive|seizure|seizures|seizing|convulsing|choking|inconsciente|desmaiou|desmayo|bewusstlos|bayildi|nefes_almiyor|nefes_alamiyor",
            "turning|turned|is|went blue|grey|gray|purple",
            "swallowed|ate|drank ..3 battery|batteries|pills|medicine|medication|bleach|detergent|poison",
            "bleeding|bleeds ..2 a_lot|heavily|lots|badly",
            "sangra|sangrando|sangrar|sangre|sangrei ..2 mucho|muito|bastante|demais|muchisimo|sin_parar|sem_parar",
            "se ahoga|ahogando",
            "engasgad*|asfixiad*",
            "ma|mashi|machi kaytnfs*|kaytneffes*|katnfs*|kaytenfs*",
        ],
        ..BASE
    },
];

static VIOLENCE: &[Cue] = &[
    Cue {
        // « si demain vous avez plus de nouvelles, c'est qu'il l'a fait »
        cue: "warns they may not be heard from again because of someone",
        pats: &["si|demain|bientot ..4 plus|pas|pu|jamais :1 de? nouvelles"],
        requires: &[&["il|{partner}"]],
        ..BASE
    },
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
        unless: &[
            "copine|copain|amie|ami|soeur|mere|maman|belle_mere|voisine :2 m|me a|avait fait_peur",
            "violent*|agressi* ..2 avec|envers|contre|sur ..3 {baby}|lui|elle|eux|enfant|enfants|les|mon|ma|notre",
            // « c'est vraiment dangereux ? »: a question about a practice, not a person.
            "c est ..1 vraiment|tres|trop|pas|si|plus? dangereux|dangereuse",
        ],
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
            "<!je|j|qui m|me ..1 frappee|battue|etranglee|violee|tabassee|cognee|giflee|agressee|frappe|battu|etrangle|viole|tabasse|gifle|agresse",
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
            "<!ai|je|j poussee|pousse|jetee|projetee ..3 par_terre|contre|escalier*|mur|murs",
            "et|puis|qui :1 m|me ..1 donne|met|mis :2 coup|coups|claque*|gifle*|baffe*",
            "m|me ..1 mise|jetee|poussee|plaquee|trainee ..1 a|par|au terre|sol",
        ],
        unless: &["pousse|poussee|pousses ..1 a|au bout|limite|limites"],
        not_if: TODDLER_OR_FEEDING,
        ..BASE
    },
    Cue {
        // « la police peut venir sans sirène ? il me cherche dans l'appart »
        cue: "hiding from someone who is looking for her",
        pats: &["il|elle|ils :1 me|m cherche|cherchent ..3 dans|partout|appart*|maison|chambre|couloir|escalier*|immeuble"],
        requires: &[&["police|gendarme|gendarmes|gendarmerie|flics|17|cache|cachee|caches|planque|planquee|enfermee|peur|couteau|arme|tuer|frapper|sirene"]],
        not_if: TODDLER,
        ..BASE
    },
    Cue {
        // « prévenez la police pour moi, je ne peux pas parler, il est à côté ».
        cue: "asks discreetly for the police",
        pats: &[
            "prevenir|prevenez|previens|appeler|appelez|appelle|contacter|contactez|alerter|alertez|envoyer|envoyez ..2 la|les? police|gendarmerie|gendarmes|flics|17|secours ..2 pour|a_ma_place moi|nous",
            "peux|peut|pouvons pas|plus parler|appeler|telephoner ..5 il|elle|ils est|sont a_cote|la|ici|dans|derriere|juste",
            "peux|peut pas|plus parler ..3 il|elle|ils|on|m|me entend|entendre|ecoute|surveille|regarde",
        ],
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
        unless: &[
            "de|d|plus me battre|bats",
            // « je me suis battue pour avoir une place en crèche »: fought for.
            "me|m|nous suis|sommes battue|battu|battus|battues ..4 pour|contre",
            "me|nous bats|bat|battons|battre ..4 pour|contre",
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
            "{partner}|il|elle|ils|on :2 va|vont|veut|veux|veu|vx|veulent|voulait|allait|menace*|essaye|essaie|tente|failli|faillit|dit|promet|promis|jure|revenir|revient|reviendra ..4 me|m|nous ..1 {kill}|{hit}|tabasser|defoncer|egorger|etrangler|cogner|taper|frapper|battre|defigurer|bruler|saigner|planter|faire_la_peau|casser_la_gueule",
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
            // « il a failli me tuer avec son premier sourire »: killed by cuteness.
            "{kill} ..3 sourire|sourires|mignon|mignonne|craquant|craquante|bouille|fossettes|calins|bisous|gazouillis",
            "violent*|agressi* ..2 avec|envers|contre|sur ..3 {baby}|enfant|enfants",
            // A toddler's story-book monster, killing time.
            "{kill} ..2 le|la|les|un|une ..1 mechant|mechante|loup|monstre*|dragon*|sorciere*|araignee*|moustique*|mouche*|fourmi*|insecte*|cafard*|temps",
        ],
        not_if: &["<!a|ai|as|avait donne|donnent|met|mets|mettent ..2 coup|coups ..4 ventre|bidon|cotes"],
        joke: true,
        ..BASE
    },
    Cue {
        // « on s'est disputés, j'ai un œil qui gonfle, il va revenir ».
        cue: "injured by a partner or after a fight",
        pats: &[
            "oeil|yeux|levre|levres|nez|joue|arcade|visage|pommette :3 gonfl*|enfl*|beurre_noir|ouvert|ouverte|eclate*|eclatee|saign*|amoche*|defigure*",
            "coquard|cocard|oeil_au_beurre_noir",
        ],
        requires: &[&["dispute*|disputes|dispute|engueul*|bagarre*|embrouille*|{partner}|bieres|biere|alcool|bourre|saoul|soul|ivre|il_va_revenir|va_revenir|revenir"]],
        not_if: &["tomb*|chute|allerg*|piqu*|moustique*|conjonctivit*|orgelet|chalazion|sport|match|foot|rugby|boxe|bebe_m_a|coup_de_tete_de|{baby} m|me|ma :2 donne|mis|fait"],
        ..BASE
    },
    Cue {
        cue: "violence now, in another language",
        pats: &[
            "hitting|hits|hit|beating|beats|beat|strangling|choking|threatening|threatens|locked ..1 me",
            "going|wants|trying ..2 to kill me",
            "has|got a knife|gun",
            "me_pega|pegando|me_golpea|golpeando|me_amenaza|quiere_matarme|me_bate|batendo|me_bater|me_ameaca|ameacando|mi_picchia|ma_lovit|ma_bate",
            "esta ..1 pegando|golpeando|batendo",
            "schlagt|schlaegt mich",
            "beni dovuyor|dovdu|oldurecek|olduruyor",
            "konusamam|konusamiyorum",
            "ma bate|loveste",
            "rajli|jouji|zouji|mari ..2 kaydrbni|kaydrebni|kaydarbni|kaydrbli|kidrebni|yedrebni|ydrebni",
            "kaydrbni|kaydrebni|kaydarbni|kaydrbli|kidrebni|bgha_yqtlni|bgha_y9tlni|ghadi_y9tlni|ghadi_yqtlni",
        ],
        ..BASE
    },
];

static DANGER_BEBE: &[Cue] = &[
    Cue {
        cue: "afraid of harming the baby, in another language",
        pats: &[
            "nhezzo|nhezzha|nhezha|nhzzo|nhezo|nkhebto|nkhebtha|nkhbto|nderbo|nderbha|ndrbo|nderbou",
            "khayfa|khayef|khayf|khaifa ..3 ndirlo|ndirlha|ndir|nderbo|nderbha|nqtlo|nqtlha|n9tlo",
        ],
        ..BASE
    },
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
            // « je vais lui faire mal » (intent); « j'ai peur de lui faire mal » needs more (below).
            "je|j :3 vais|veux|risque|pourrais|finir|finirai|envie ..2 lui|le|la|l faire|fasse mal !a|au|aux|en|quand|pendant|avec|lors|si|car|parce|pour|dans|involontairement|ou|sans",
            "{urge} :3 faire du? mal a|au ..2 {baby}",
            "peur|crains|capable|terrifie|terrifiee|effraie :3 ce que|qu je|j ..3 lui|le|la|l ..1 faire|fasse|fais|ferai|ferais|pourrais",
            "je|j :3 lui ..2 fait|faire du mal",
            "peur ..2 ce que|qu je|j ..2 vais|pourrais|pourrai|risque|suis_capable|peux ..2 faire|fasse",
            "peur :3 reaction*|geste*|pulsion*|violent*|violence|betise|connerie|acte",
            "peur :2 perdre le? controle|patience|pedales|tete|pied",
        ],
        unless: &["mal ..1 a|au|en ..1 dos|bras|ventre|tete|cou|dents|ongles"],
        // Clumsy hands, not anger: « il a peur de faire mal au bébé en le changeant ».
        not_if: &["en le|la|l|lui ..1 changeant|portant|baignant|habillant|lavant|couchant|tenant|manipulant|prenant|coupant|mouchant|massant|soignant"],
        ..BASE
    },
    Cue {
        cue: "threatening to do something irreparable if the crying goes on",
        pats: &[
            "pleur*|crie|crier|hurle*|recommence* :4 je|j :2 fais|fait|vais|va|risque ..2 faire? une|un|des betise*|connerie*|malheur|truc_grave|chose_grave",
        ],
        // « il pleure, est-ce que je fais une bêtise en le laissant ? »: a question.
        unless: &["est ce que|qu je|j", "si je|j ..3 betise*|connerie*"],
        ..BASE
    },
    Cue {
        cue: "smothering the baby to silence it",
        pats: &[
            "je|j :3 mis|mets|mettre|plaque*|appuye|appuie|serre|tenu|tiens ..4 main|mains|coussin|oreiller|couverture|doudou|linge ..4 bouche|visage|tete|nez|cou",
            "je|j :3 tente|essaye|voulu|failli|envie|pense :3 l|le|la|lui ..1 asphyxi*|etouff*|suffoqu*",
        ],
        ..BASE
    },
    Cue {
        // « je vais faire une connerie avec lui », « des pensées violentes envers mon fils ».
        cue: "afraid of hurting the baby",
        pats: &[
            "je|j :2 vais|risque|pourrais|peux|sens|finir ..2 faire une|des? betise|betises|connerie|conneries|malheur|truc_grave|quelque_chose_de_grave avec|sur|a lui|elle|{baby}|le|la|mon|ma",
            "pensee*|idee*|envie*|image*|pulsion* ..2 violent*|noire*|horrible*|affreus*|atroce*|dangereu* ..3 envers|contre|pour|sur|vers|a ..2 {baby}|lui|elle",
        ],
        ..BASE
    },
    Cue {
        // « je me sens devenir violente » while the babies cry (« je deviens folle » is a figure of speech).
        cue: "afraid of hurting the baby",
        pats: &["sens|sent|deviens|devenir|devient|devenue|devenu :2 violent|violente|agressif|agressive|dangereux|dangereuse|brutal|brutale|mechant|mechante"],
        requires: &[&["{crying}", "{baby}", "secou*|bout|supporte|craque*|jumeaux|jumelles|jumelle|jumeau"]],
        ..BASE
    },
    Cue {
        // « tellement à bout que j'ai peur de lui faire mal si je le reprends »:
        // not the worry of handling a newborn badly.
        cue: "afraid of hurting the baby",
        pats: &["{urge} :3 lui|le|la|l|leur|les faire|fasse mal"],
        requires: &[&["bout", "craque*", "en peux|peu|pe plus|pu", "supporte plus|pu", "exaspere*|excede*|rage|colere|nerfs|enerve|enervee|hors_de_moi", "{crying}"]],
        not_if: &["bain|ongles|porter|porte|tenir|tiens|manipuler|masser|massage|moucher|soins|couper|habiller|changer"],
        ..BASE
    },
    Cue {
        // « j'en peux plus, j'ai envie de laisser la poussette sur le trottoir et de marcher loin »
        cue: "tempted to abandon the baby",
        pats: &[
            "{urge} :3 le|la|l abandonner",
            "{urge} :3 abandonner mon|ma|le|la|l? {baby}",
            "{urge} :3 laisser|poser|deposer ..3 {baby}|poussette|landau|couffin|le|la|l ..4 trottoir|rue|quelque_part|banc|parking|et_partir|et_fuir|et_marcher|et_m_en_aller|et_disparaitre|et_m_enfuir|et_ne_jamais_revenir|et_ne_plus_revenir",
        ],
        ..BASE
    },
    Cue {
        // « les pleurs me rendent folle, je serre les poings au-dessus du berceau »
        cue: "holding back from hitting the baby",
        pats: &["serre|serrer|serrais|serrant les|mes? poings|poing ..5 au_dessus|berceau|lit|couffin|table_a_langer|{baby}|lui|le|la"],
        requires: &[&["{crying}", "folle|fou|bout|craque*|supporte|nerfs|colere|rage|enerve*|exaspere*"]],
        ..BASE
    },
    Cue {
        // « je me surprends à imaginer le noyer dans le bain »
        cue: "images of harming the baby",
        pats: &["imagine|imaginer|imaginais|surprends|surprend|visualise|visualiser|vois ..3 le|la|l|lui noyer|etouffer|jeter|secouer|frapper|lacher|defenestrer|etrangler|ecraser"],
        ..BASE
    },
    Cue {
        // « comment on fait pour pas secouer un bébé quand on a plus de force ? je suis en train de craquer »
        cue: "about to shake the baby",
        pats: &["secou*"],
        unless: &["secou* ..3 biberon*|bib|lait|poudre|flacon|hochet|maracas|tapis|couverture|draps"],
        requires: &[&["train de craquer", "vais craquer", "plus de|la force", "en peux|peu plus", "a bout"]],
        not_if: &["affiche*|flyer*|prevention|syndrome|si_un_jour|pour_l_instant"],
        ..BASE
    },
    Cue {
        // « parce que là je me retiens de le faire » (poser brutalement, secouer)
        cue: "holding back from hurting the baby",
        pats: &["je|j :2 me|m retiens|retenir|retenue|retenu ..3 de|d|pour|pas le|la|l|lui ..1 faire|secouer|frapper|jeter|balancer|poser|lacher|taper|gifler"],
        requires: &[&["{baby}", "{crying}", "brutal*|fort|secou*|tap*|frapp*|jet*"]],
        ..BASE
    },
    Cue {
        cue: "afraid of hurting the baby",
        pats: &["peur :2 moi !meme"],
        requires: &[&["{crying}", "{baby}", "secou*|craque*|bout|supporte"]],
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
            "peur|crains|crainte|risque :3 le|la|l|lui bruler|ebouillanter",
            "blesser ..2 en|avec|quand|pendant|lors",
            "etouf*|ecraser ..5 dormant|dort|dors|dormir|dormons|endor*|lit|cododo|couverture|oreiller|sommeil|nuit|ensemble",
            // « je vais l'étouffer à force de le porter en écharpe »: love, too much of it.
            "etouf*|ecraser ..3 a_force|de_calins|de_bisous|d_amour|de_baisers",
            // « mon chat a failli étouffer bébé »
            "chat|chien|chaton|chiot|animal|animaux :2 a|avait failli|faillit",
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
        not_if: &["{advice}", "ne? suis pas|plus en danger"],
        ..BASE
    },
    Cue {
        cue: "afraid of harming the baby, in another language",
        pats: &[
            "want|going|afraid|scared|urge|might|could|will :4 hurt|shake|hit|smother|throw|kill !myself|me ..1 my|the|him|her|baby|it",
            "shook|hit|hurt ..1 my baby",
            "hacerle|hacer ..1 dano|dano_al",
            "ganas|miedo|medo|vontade ..4 sacudir|sacudirlo|sacudirla|pegarle|golpear|machucar|bater",
            "nderbha|nderbo|nderbou|ndrbha|ndrbo|nqtlha|nqtlo|n9tlha|n9tlo|nkhn9ha|nkhn9o",
            "zarar_vermek|sarsmak|vurmak ..2 istiyorum|korkuyorum",
            // « je me retiens à peine de le secouer »
            "sarsmamak|vurmamak|zarar_vermemek ..3 kendimi|zor",
        ],
        ..BASE
    },
];

static SUICIDE: &[Cue] = &[
    Cue {
        // Goodbyes: « dites à mes enfants que je les aime », « prenez soin de lui ».
        cue: "saying goodbye",
        pats: &[
            "dites|dis|direz|dire|dis_leur|dites_leur|dites_lui ..4 que je les|l|la|le|vous|t|lui aime|aimais|aimerai|aimerais",
            "adieu",
            "prenez|prends|prendrez soin ..1 de lui|d_elle|d_eux|de_mes|de_ma|de_mon|du_bebe|de_mon_bebe",
            "merci pour tout ..3 je|j pars|part|m_en_vais",
        ],
        requires: &[&["peux_plus|peut_plus|pardon|adieu|desolee|desole|partir|pars|fini|finir|marre|bout|plus_la|m_en_vais|soin"]],
        unless: &["adieu ..2 couche*|tetine|biberon*|sein|allaitement|nuits|grasse_matinee|vacances|sorties|liberte"],
        ..BASE
    },
    Cue {
        // « la dépression post-partum, ça donne envie de se tuer ? parce que moi oui, tous les jours »
        cue: "asks about suicidal thoughts and says they are hers",
        pats: &["moi oui|aussi|pareil", "c|c_est|cest est? mon cas", "parce que moi", "comme moi"],
        requires: &[&["envie|idee|idees|pensee|pensees ..3 se|de_se tuer|suicider|mourir|en_finir", "idees_noires|idees_suicidaires|pensees_suicidaires|suicid*"]],
        not_if: &["memoire|etude|these|formation|brochure*|prevention|association|patiente*|collegue*|amie|copine|soeur|mere|maman"],
        ..BASE
    },
    Cue {
        // « on peut mourir d'épuisement ? parce que j'espère, j'espère que ça va m'arriver »
        cue: "hopes to die",
        pats: &[
            "parce|car que? j|je espere|esperais",
            "j|je espere|esperais ..4 ca|cela|que ..3 m|me arrive|arriver|emporte|emporter",
        ],
        requires: &[&["mourir|mort|morte|crever|disparaitre|partir|m_emporte|y_passer"]],
        ..BASE
    },
    Cue {
        // « à qui on confie un bébé s'il m'arrive quelque chose ? je pense que ce sera bientôt ».
        cue: "arranging for the baby because something will happen to the parent soon",
        pats: &[
            "si|s il|s_il ..1 m|me arrive|arrivait quelque_chose|qqch|qqc|qq_chose|malheur",
            "si|s il|s_il marrive|marrivait quelque_chose|qqch|qqc|qq_chose|malheur",
        ],
        requires: &[&["bientot|ce_soir|cette_nuit|demain|prochainement|sous_peu|plus_la|plus_tard|quand_je_serai_partie|quand_je_ne_serai_plus"]],
        // A birth, an operation, a journey: a parent planning ahead.
        not_if: &["accouch*|cesarienne|operation|opere|operee|hopital|maternite|terme|enceinte|voyage|avion|route|intervention|anesthesie|greffe|chimio*|traitement|testament_chez_le_notaire|notaire|assurance*"],
        ..BASE
    },
    Cue {
        // « je regarde la fenêtre du 8e et ça me fait du bien d'y penser ».
        cue: "drawn to a window, a drop or the rails",
        pats: &[
            "fenetre|balcon|rebord|vide|rails|voie_ferree|pont|falaise|toit ..10 fait_du_bien|ferait_du_bien|soulage|soulagerait|apaise|apaiserait|m_attire|attire|m_appelle|tentant|tentante|tentation|envie_de_sauter|sauter",
        ],
        requires: &[&["etage|etages|hauteur|haut|sauter|saute|sauterai|tomber|penser|pense|y_penser|plus_simple|plus_facile|fin|finir"]],
        unless: &["vue ..3 fait_du_bien|soulage|apaise", "ouvr*|aere*|aerer|air|respirer ..4 fenetre|balcon"],
        not_if: &["{baby} ..4 grimpe*|monte*|escalade*|tombe*|penche*", "securis*|bloque_fenetre|entrebailleur*|garde_corps|barriere*"],
        ..BASE
    },
    Cue {
        cue: "wants to sleep and never wake up",
        pats: &[
            "pour|veux|voudrais|envie|aimerais|souhaite|prefere|prefererais|rever ne? plus|jamais me|se|m|s? reveiller|reveille",
            "veux|voudrais|envie|aimerais|besoin|souhaite ..2 dormir|endormir ..2 pour toujours|definitivement|et_ne_plus",
        ],
        unless: &["reveiller ..3 la_nuit|nuit|bebe|bb|pour_les_tetees|toutes_les"],
        ..BASE
    },
    Cue {
        // « je compte pas être encore là dans 6 mois », « je roule vite en espérant que ça s'arrête ».
        cue: "does not expect to be alive, hopes it all stops",
        pats: &[
            "compte|pense|crois|serai|serais pas|plus :2 etre? encore? la|ici|vivante|vivant ..2 dans|pour|a|en",
            "esper* ..4 que|qu ca|tout|ma_vie s|se arrete|finisse|termine",
            "esper* ..3 un? accident|crash|ne_plus_me_reveiller|ne_pas_me_reveiller",
        ],
        // Away for a move, a holiday or work; the crying or the pain that should stop.
        not_if: &[
            "demenag*|vacances|voyage|mutation|travail|boulot|stage|formation|hopital|maternite|absente|absent|dispo|disponible",
            "pleur*|cri|cris|douleur*|mal|coliques|toux|nausee*|vomissement*|greve|pluie|bruit|travaux|contractions",
        ],
        ..BASE
    },
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
        // « je travaille en prévention du suicide »: a profession, not a thought.
        unless: &["prevention|prevenir|association|formation|ligne|brochure*|conference* :2 du|le|de|au? suicide*"],
        ..BASE
    },
    Cue {
        cue: "no reason to live",
        pats: &[
            "pourquoi|a_quoi_bon|a_quoi_ca_sert vivre|continuer|exister|me_lever|rester_en_vie",
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
            "partir|aller|disparaitre|disparais|disparait|disparaissais|disparaissait|quitter ..2 pour_toujours|a_jamais|pour_de_bon|definitivement|ce_monde|cette_terre|cette_vie",
            // « la façon la moins douloureuse de partir »
            "moins|sans ..1 douloureuse|douloureux|douleur|souffrir|souffrance ..3 partir|mourir|en_finir|disparaitre|me_tuer|crever|mettre_fin",
            "facon|moyen|methode|maniere ..3 partir|mourir|en_finir ..3 douce|douleur|douloureuse|douloureux|vite|rapide|rapidement|souffrir",
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
        unless: &["betise|betises|connerie|conneries|grave|irreparable avec|sur|a lui|elle|{baby}|le|la|mon|ma"],
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
            "me|m|se|s :1 pendre|pends|pendu|pendue|defenestrer|immoler|tirer_une_balle",
            // « un bébé peut se noyer » is an accident: drowning oneself is in the first person.
            "me|m :1 noyer|noie",
            "me|m :1 jeter|jette ..3 fenetre|pont|train|balcon|metro|rer|voiture|vide|toit|immeuble|sous|falaise|camion|voie*",
            "sauter|saute|sautee ..3 fenetre|pont|balcon|toit|immeuble|falaise|vide|train|etage",
            "je|j|{want} :3 me|m {kill} !a|au|aux|pour|sur",
            "<!il|elle|ils|on|tu|va|vas|vont|veut|veulent|allait|voulait|menace|essaye|essaie|tente|dit|par|finira|failli|faillit me|m tuer|suicider|buter|flinguer|achever !a|au|aux|pour|sur|de|d",
            "je|j|{want} :3 m achever",
            "avale*|prendre|pris|prends|avaler ..4 tous|toutes|toute|boite|boites|plaquette|plaquettes|flacon|tube ..3 {pill}|{kidmed}",
            "je|j :3 avale*|pris|ingere|ingurgite|bu|avaler|prendre ..4 trop|tout|tous|toute|boite|plaquette|plein|plusieurs|flacon ..3 {pill}|{kidmed}",
            "je|j :3 avale*|bu|avaler|boire ..4 {poison}",
        ],
        unless: &[
            "sauter ..2 repas|etape|nuit|tetee",
            "noie|noyer|noyee dans ..3 paperasse|travail|boulot|dossier*|probleme*|dette*|facture*|tache*|question*|papier*|administratif|demarche*|couche*|linge|lessive|fatigue|larmes|chagrin|biberon*|rendez*|soucis|responsabilite*",
        ],
        ..BASE
    },
    Cue {
        // « je ne compte pas rester, j'ai tout prévu pour ce week-end »
        cue: "has made final arrangements",
        pats: &["ai|avons tout prevu|prepare|organise|regle|planifie"],
        requires: &[&["definitivement|pour_toujours|adieu|lettre|apres_moi|testament|mes_affaires|confier|confie", "compte|veux|vais|pense pas|plus rester"]],
        ..BASE
    },
    Cue {
        cue: "wishes to sleep for ever",
        pats: &["dormir|endormir|m_endormir|mendormir|sommeil ..1 pour_toujours|a_jamais|definitivement|eternellement|eternel|sans_fin"],
        unless: &["{baby} ..3 dormir|endormir"],
        not_if: &["tellement|crevee|creve|fatigue|fatiguee|hibern*|week_end|weekend|vacances|grasse_matinee"],
        ..BASE
    },
    Cue {
        cue: "warns they may not be heard from again",
        pats: &["plus|pas|pu|jamais :1 de? nouvelles de moi"],
        ..BASE
    },
    Cue {
        // « j'ai compté combien de cachets il me reste… bref »
        cue: "counting or hoarding pills",
        pats: &["je|j|ai :3 compte|compter|recompte|recompter ..5 {pill}|medicaments|medocs|boites"],
        not_if: &["oubli*|contracept*|plaquette|fer|vitamine*|folique|racheter|ordonnance|pharmacie|renouvel*|stock|{baby}"],
        ..BASE
    },
    Cue {
        cue: "thinking of crashing the car",
        pats: &[
            "{want} ..3 lacher|lache le? volant",
            "{want} :3 foncer|fonce|jeter|precipiter|crasher|ecraser ..4 arbre|mur|platane|pile|camion|rambarde|pont|ravin|poids_lourd",
        ],
        ..BASE
    },
    Cue {
        // « de toute façon je serai peut-être plus là »
        cue: "hints at not being there any more",
        pats: &["serai|serais ..2 plus|pu la !la|le|les|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce|cet|cette|en|pendant|pour|entre|du|de|a|au|semaine|mois|ce_jour|cet_ete|a_cette_date"],
        requires: &[&["peut_etre|surement|bientot|de_toute_facon|de_toutes_facons|sans_doute|probablement|plus_pour_longtemps|d_ici_la"]],
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
            // « le 3114, c'est aussi pour les mamans épuisées ou que pour le suicide ? »
            "que|seulement|uniquement|juste|aussi|qu_au pour|pr le|la? suicide|prevention_du_suicide",
            "adieu ..2 allaitement|tetine|sucette|couche*|biberon*|sein|grossesse|ventre",
        ],
        joke: true,
        ..BASE
    },
    Cue {
        cue: "thoughts of suicide, in another language",
        pats: &[
            "kill|killing|hurt|hurting myself",
            "end|ending my life",
            "want|wanna|going to die",
            "suicide|suicidal|suicidarme|suicidio|suicidar|suicidio|intihar|sinucid*|selbstmord|umbringen|suicidarme",
            "quiero|quero|voglio|vreau|will :1 morir|morirme|morrer|morire|sa_mor|sterben",
            "matarme|me_matar|uccidermi|olmek_istiyorum|olmek",
            "bghit|baghi|bgha|ghadi nmout|nmot|nqtel_rasi|nqtl_rasi|ntehar|nentehar",
            "nqtel_rasi|nqtl_rasi|ntehar|nentehar",
            "chce umrzec|zabic_sie",
            "nalingi kokufa",
            "desaparecer de_vez|para_sempre|para_siempre",
            "acabar|terminar com|con a? minha|mi vida",
        ],
        // « suicide » is French too: someone else's death, prevention, a job.
        unless: &[
            "s est suicid*",
            "suicide de ..1 mon|ma|son|sa|mes|leur",
            "prevention|prevenir ..3 suicide",
            "ligne|numero|ecoutant*|ecoutante|benevole*|formation|association ..6 suicide",
            "que|seulement|uniquement|juste|aussi|qu_au pour|pr le|la? suicide",
        ],
        ..BASE
    },
];

static CHILD: &[Cue] = &[
    Cue {
        // « la copine de mon frère met du whisky dans le biberon pour le calmer ».
        cue: "alcohol or drugs given to a baby",
        strength: Event,
        pats: &[
            "alcool|whisky|vodka|rhum|cognac|pastis|cannabis|drogue|drogues ..3 dans le|son|sa|ses|leur? biberon|biberons|tetine",
            "alcool|whisky|vodka|rhum|cognac|pastis|biere|vin|cannabis|drogue|drogues|somnifere|somniferes ..6 pour le|la|les ..1 calmer|endormir|assommer|faire_dormir|faire_taire",
        ],
        ..BASE
    },
    Cue {
        // An adult bathing with a little girl behind a locked door, who screams when she must go to him.
        cue: "an adult alone with a child behind a locked door",
        strength: Event,
        pats: &["bain|bains|douche|douches|baignoire ..12 porte_a_cle|ferme_a_cle|a_cle|enferme|enfermes|s_enferme|s_enferment"],
        requires: &[&["{adult}|beau_frere|beau_pere|oncle|tonton|papi|papy|grand_pere|cousin|voisin"], &["{baby}|niece|neveu|petite_fille|petit_fils"]],
        // The parent hiding there with the baby is `violences-danger`.
        not_if: &["je|j|nous|on :2 suis|sommes|me_suis ..1 avec|dans|enferme*|cache*"],
        ..BASE
    },
    Cue {
        // A young child's words: « tonton il fait mal au zizi ».
        cue: "a child says someone touches or hurts their private parts",
        pats: &[
            "{adult}|tonton|papi|papy|pepe|oncle|cousin|monsieur|il|elle|lui :3 fait|fais|faisait|touche|touchait|tripote*|met|mettait ..3 zizi|zezette|foufoune|kiki|nenette|sexe|minou|zigounette|quequette|zizette|parties_intimes",
        ],
        unless: &["medecin|pediatre|docteur|sage|infirmiere|examen|examine|pommade|creme|toilette|change|couche|lave|laver :6 zizi|zezette|foufoune|kiki|nenette|sexe|minou|zigounette|quequette|zizette"],
        ..BASE
    },
    Cue {
        // Someone else's baby left unfed, uncared for.
        cue: "a baby neglected by an adult",
        strength: Event,
        pats: &[
            "pas|plus|mal|jamais|peu nourri|nourrie|nourris|lave|lavee|change|changee|soigne|soignee|nourrit|donne_a_manger",
            "maigrit|maigri|maigre|maigres|perd_du_poids|perdu_du_poids",
            "refuse|refusent|refusait|refusaient|veut_pas|veulent_pas ..3 medecin|docteur|soigner|hopital|urgences|pmi",
            "prend_plus_de_poids|prend_pas_de_poids|grossit_plus|grossit_pas|ne_grossit_plus",
        ],
        requires: &[
            &["coloc*|voisin*|soeur|frere|belle_soeur|beau_frere|cousin*|amie|ami|copine|copain|nounou|nourrice|tante|oncle|parents|{adult}"],
            &["{baby}"],
        ],
        not_if: &["mon|ma|notre|nos bebe|fils|fille|nourrisson|enfant ..4 maigri*|perd*|nourri*"],
        ..BASE
    },
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
            // « une campagne sur le bébé secoué »: the syndrome, not a baby.
            "le|du|les|des|un bebe|bebes secoue|secoues",
            // Siblings and cousins among themselves.
            "<!de|d|du|des mon|ma|son|sa|le|la|l|notre|leur|votre|ton|ta grand|grande|petit|petite|jeune|plus? fils|fille|frere|soeur|aine|ainee|cousin|cousine|jumeau|jumelle|grand|grande :4 le|la|l|lui? {hit}",
            "il|elle|ils|elles :2 {hit}|secou* ..3 frere|soeur|cousin|cousine|copain|copine|copains",
            "secou* ..2 biberon*|tete|hochet|bras|jambes",
            "petit|petite|petits|petites voisin|voisine|voisins|copain|copine|copains|camarade*",
            "{baby}|aine|ainee|grand|grande|frere|soeur|cousin|cousine :3 sont|est|etait ..1 violent*|agressi*|brutal",
        ],
        // A story in the news, not a child the parent knows.
        not_if: &["aux|au|a_la|dans|sur|un|une|le|la ..1 infos|journal|jt|tele|television|reportage|documentaire|article|film|serie|roman|faits_divers|actualite|actualites|news"],
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
            // « c'est quand on secoue un bébé ? »: shaking in general, not a child here.
            "on secou*|frappe|tape un|une|des|les bebe|bebes|enfant|enfants|nourrisson|nourrissons",
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
        // « une amie me confie que son mari la frappe »: a woman, whose baby is only mentioned.
        not_if: HEARSAY,
        // « une campagne sur le bébé secoué »: the syndrome, not a baby.
        unless: &["le|du|les|des|un bebe|bebes secoue|secoues"],
        ..BASE
    },
    Cue {
        // « le père a été condamné pour violence sur son premier enfant, il veut le prendre les week-ends, j'ai très peur pour mon bébé »
        cue: "a parent known to have hurt a child wants the baby",
        strength: Event,
        pats: &["violent*|violence*|maltraitance*|maltraite*|coups|frappe* ..3 sur|envers|contre|avec son|sa|ses|un|une|le|la premier|premiere|autre|ancien|aine|ainee? {baby}|enfant|enfants"],
        requires: &[&["peur ..2 pour ..2 {baby}|lui|elle|mon|ma"], &["prendre|garde|week|weekend|visite|visites|reconnaitre|recuperer|emmener"]],
        ..BASE
    },
    Cue {
        // « au-dessus de chez moi un petit de 2 ans hurle chaque nuit et j'entends des coups »
        cue: "a child heard screaming under blows",
        strength: Event,
        pats: &["entends|entend|entendu|entendons|entendais|entendait ..3 des|les? coups|claques|gifles|fessees|chocs|bruits_de_coups"],
        requires: &[&["{baby}"], &["hurle*|pleure*|crie|cris|hurlements|pleurs"]],
        unless: &["coups ..1 de|d marteau|perceuse|pied|pieds|tonnerre|feu|klaxon|poing_dans_le_mur"],
        ..BASE
    },
    Cue {
        // « elle est partie en laissant les petits chez un inconnu, plus de nouvelles depuis 3 jours »
        cue: "a baby left with strangers, or by a parent who vanished",
        strength: Event,
        pats: &[
            "laiss*|confi*|abandonn* ..8 chez|a|avec un|une|des inconnu|inconnue|inconnus|inconnues|etranger|etrangere|etrangers",
            "laiss*|confi*|abandonn* ..8 n_importe_qui",
            "plus|pas|aucune de? nouvelle|nouvelles depuis # jours|jour|semaines|semaine",
        ],
        requires: &[&["{baby}|petits_enfants|petit_fils|petite_fille"], &["partie|parti|disparu|disparue|envolee|envole|abandonne*|laisse*|laissant|confie*"]],
        ..BASE
    },
    Cue {
        // « les parents devaient rentrer à 23 h, il est 4 h, ils ne répondent pas »
        cue: "a baby left with someone whose parents do not come back",
        strength: Event,
        pats: &["devaient|devait|devrait|devraient|etaient_censes|etait_censee|etait_cense rentrer|revenir|passer|venir_le_chercher|venir_la_chercher"],
        requires: &[
            &["repondent|repond|decrochent|decroche ..1 pas|plus|jamais", "injoignable|injoignables|aucune_nouvelle|pas_de_nouvelles"],
            &["{baby}"],
            &["garde|gardes|baby_sitter|babysitter|sitter|nounou|confie|confiee|laisse|laissee"],
        ],
        ..BASE
    },
    Cue {
        // « le bb est maigre à faire peur, jamais sorti, on l'entend hurler la nuit »
        cue: "a baby starved or shut away by its family",
        strength: Event,
        pats: &["maigre|maigres|squelettique|squelettiques|os ..2 a_faire_peur|effrayant|effrayante|inquietant|tres|trop|la_peau_sur_les_os"],
        requires: &[&["{baby}"], &["jamais sorti|jamais sortie|jamais dehors|jamais_vu|hurle*|hurler|enferme*|seul|seule|sale|negli*|pas_nourri|affame*|crie|pleure_toute_la_nuit"]],
        // A parent worried about their own baby's weight (FAQ: santé, allaitement).
        not_if: &["mon|ma|notre|nos {baby}", "je|j :2 allaite|donne|nourris"],
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
        not_if: &["# secondes|seconde|instants|minute|minutes", "quelques secondes|instants", "le temps d|de", "par un|une|des|les|d autre*|autre*|copain*|copine*|camarade*|grand|grands", "{hit} ..3 a_la_creche|creche"],
        ..BASE
    },
    Cue {
        // « mon mari touche notre fille d'une façon bizarre quand il la change »:
        // what a parent saw, not a word about abuse, so framing after it does not
        // make it a question (« j'ai peur de ce que ça veut dire »).
        cue: "an adult touches a child in a way that worries the parent",
        strength: Event,
        pats: &["{adult} :2 touche|touchait|tripote|tripotait|caresse|caressait ..2 {baby}"],
        requires: &[&["bizarre|bizarrement|etrange|etrangement|facon|maniere|pas_normal|pas_normale|malaise|malsain|malsaine|intime|intimes|parties|sexe|gene|genee|mal_a_l_aise"]],
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
            "arrive|arrivent|vient|viennent ..6 bleus|hematome*|traces_de_coups|brulure*|marques|bosses",
            "brulure*|marques|traces ..3 rondes|ronds|cigarette*|megot*",
            "negli*|affame*",
        ],
        // A hungry baby at the breast or the bottle (« il se réveille affamé »).
        unless: &["reveil*|reveille|reclame*|hurle|pleure|crie|toujours|tout_le_temps :3 affame*"],
        ..BASE
    },
    Cue {
        // « il a tout le temps des bleus au visage, il sursaute dès que son père parle ».
        cue: "a child bruised again and again, or afraid of an adult at home",
        strength: Weak,
        pats: &[
            "tout_le_temps|toujours|souvent|regulierement|encore|chaque_semaine|sans_arret des? bleus|hematome*|marques|traces|griffures|brulures ..3 visage|figure|cou|dos|ventre|oreille|oreilles|bras|fesses|joue|joues|yeux|oeil|corps",
            "sursaute*|tremble|panique*|terrorise*|recroqueville*|se_cache|fige|figee ..4 des_que|quand|lorsque|chaque_fois|si ..2 son|sa|ses|le|la|leur pere|mere|parents|beau_pere|belle_mere|papa|maman|{adult}",
        ],
        // A toddler learning to walk bumps into everything.
        not_if: &["tombe*|chute*|marche|marcher|quatre_pattes|maladroit*|cogne_partout|se_cogne|eczema|moustique*|piqure*"],
        ..BASE
    },
    Cue {
        // « un bébé sur le balcon dans un transat toute la journée, même quand il pleut ».
        cue: "a baby left outside or alone for hours",
        strength: Event,
        pats: &[
            "{baby} ..6 balcon|dehors|voiture|seul|seule|enferme|enfermee|attache|attaches|attachee|attachees|sangle|sangles ..8 toute_la_journee|toute_la_nuit|des_heures|pendant_des_heures|quand_il_pleut|pleut|froid|fenetre_fermee|porte_fermee|sans_personne",
            // « elle laisse son bébé de 9 mois seul quand elle part travailler la nuit »
            "laisse|laissent|laissait|laissaient ..4 {baby} ..4 seul|seule|seuls ..6 la_nuit|le_soir|travailler|bosser|sortir|en_soiree|faire_la_fete|faire_les_courses",
        ],
        not_if: &["sieste|#_min|minutes|mon|ma|notre ..2 {baby}"],
        ..BASE
    },
    Cue {
        // « un bébé de 8 mois peut rester seul le temps que j'aille au travail ? j'ai personne, je pars dans 1h »
        cue: "a baby about to be left alone",
        pats: &["{baby} ..8 seul|seule|seuls ..10 travail|travailler|bosser|boulot|courses|sortir|partir|soiree|nuit"],
        requires: &[&["je pars|je_dois_partir|j_ai_personne|jai_personne|personne_pour|pas_le_choix|aucune_solution|j_ai_pas_le_choix|personne_pour_le_garder|personne_pour_la_garder"]],
        not_if: &["sieste|# min|minutes|secondes|douche|toilettes"],
        ..BASE
    },
    Cue {
        // « il part à l'étranger avec notre fille sans me demander, il a son passeport »
        cue: "a child about to be taken abroad without consent",
        strength: Event,
        pats: &["part|partir|partait|partira|emmene|emmener|emmenait|emmenera|ramener|ramene ..5 etranger|au_pays|son_pays|hors_de_france|en_algerie|au_maroc|en_tunisie|en_turquie"],
        requires: &[
            &["{baby}|notre_fille|notre_fils|ma_fille|mon_fils|avec_elle|avec_lui"],
            &["sans me|mon ..1 demander|accord|autorisation|prevenir|avis", "enlev*|kidnapp*|de_force", "sans_mon_accord|sans_autorisation"],
        ],
        ..BASE
    },
    Cue {
        // « des marques sur les bras, la maman dit qu'il tombe tout seul; il ne marche pas »
        cue: "a baby with injuries that its age does not explain",
        strength: Event,
        pats: &["marques|bleus|hematome*|traces|griffures|brulures ..3 bras|jambes|cou|visage|dos|corps|cuisses|fesses|ventre|poignets|oreilles"],
        requires: &[&[
            "marche|marcher :1 pas|encore_pas|pas_encore",
            "tombe|tombee :2 tout_seul|toute_seule",
            "dit|dis|disent|explique|raconte ..3 tombe|tombee|cogne|cognee|escalier",
            "signal*",
        ]],
        not_if: &["eczema|moustique*|piqure*|vaccin*|allergi*"],
        ..BASE
    },
    Cue {
        cue: "a drunk or violent parent taking the baby by force",
        strength: Event,
        pats: &[
            "reprendre|enlever|prendre|emmener|arracher|recuperer|kidnapper ..3 de_force|par_la_force",
            "vient|venue|arrive|arrivee|rentre|rentree|est|etait|sont|viennent :2 alcoolise*|ivre|ivres|saoul|saoule|saouls|soul|soule|bourre|bourree|defonce|defoncee|drogue|droguee",
            // « une maman vient souvent chercher son bébé alcoolisée »
            "vient|viennent|venue|arrive|arrivee|passe ..2 chercher|recuperer|prendre ..3 {baby}|le|la|lui ..2 alcoolise*|ivre|ivres|saoul|saoule|soul|soule|bourre|bourree|defonce|defoncee|drogue|droguee",
        ],
        requires: &[&["{baby}", "visite*|creche|garde|recuperer|chercher|reprendre|volant|conduire|voiture|seul_avec"]],
        not_if: &["je|j :2 etais|suis|ai_ete|etait ..2 alcoolise*|ivre|saoul*|soul*|bourre*|defonce*|drogue*"],
        ..BASE
    },
    Cue {
        // « il a encore bu et il a pris les clés de la voiture, le petit est avec lui »
        cue: "a drunk adult driving with the child",
        strength: Event,
        pats: &["il|elle|ils :2 a|avait|ont encore? bu|picole|trop_bu|beaucoup_bu"],
        unless: &["bu ..3 biberon*|bib|bibs|lait|ml|eau|tetee|sein|sirop|tisane"],
        requires: &[&["{baby}"], &["volant|conduire|conduit|voiture|cles|route|prend_la_voiture|pris_la_voiture"]],
        ..BASE
    },
    Cue {
        // « sous la douche froide quand il pleure, c'est sa punition »
        cue: "a child punished with cold, confinement or deprivation",
        strength: Event,
        pats: &["douche|douches|bain|bains|eau :2 froide|froides|glacee|glacees|gelee"],
        requires: &[&["punition*|punir|punit|puni|punie|punis", "force*|oblige*", "calmer|faire_taire|se_taise|arrete_de_pleurer|quand_il_pleure|quand_elle_pleure"]],
        not_if: &["fievre|temperature|chaleur|canicule|coup_de_chaud"],
        ..BASE
    },
    Cue {
        cue: "a child in danger, in another language",
        pats: &[
            "child|kid|baby|babies|kids|children|nino|nina|bebe|crianca|bambino|bambina|kind|cocuk|cocugu|cocugum|bebek|bebegi|bebegim|copil|copilul ..4 alone|abused|beaten|hit|solo|sola|sozinho|sozinha|maltratad*|golpead*|abusad*|yalniz|singur|allein",
            "abusing|beating|hitting|hurting ..2 the|her|his|their ..1 child|kid|baby|son|daughter",
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
    // A clause that opens on « si »: « si mon bébé ne respire plus, je fais quoi ? »
    // (not « s'il vous plaît », which SMS spellings write out).
    "^ bonjour|bjr|salut|coucou|bonsoir|hello? si !vous",
    "^ bonjour|bjr|salut|coucou|bonsoir|hello? s il|elle !vous",
    "<!sais|sait|savoir|demande|sure|sur|verifie|verifier|regarde|regarder|comprends|comprend|vois|voir|voit|remarque|dis si|quand|lorsque|lorsqu|chez un|une|le|la|l|les|des|aux? {baby}",
    "pour un|une|les {baby}",
    // Babies in general; not « un des enfants que je garde ».
    "<!un|une|deux|trois|quatre|cinq les|des|aux bebes|nourrissons|enfants|nouveaux|petits",
    "un|une bebe|nourrisson|enfant|nouveau|nouvelle ..2 qui",
    // « j'ai lu qu'un enfant s'était noyé »: someone else's story.
    "lu|entendu|vu_a_la_tele|vu_aux_infos|vu_sur_internet|vu_sur_facebook que|qu",
    // « on a regardé un film où un bébé arrêtait de respirer » (not « pendant le film il a convulsé »)
    "film|films|serie|reportage|documentaire|roman|emission|feuilleton|polar|livre|thriller ..2 ou|qui|dans_lequel|dans_laquelle",
    // « elle nous a montré les gestes si bébé s'étouffe »
    "gestes|geste|reflexes|conduite|fiche ..2 si|quand|en_cas",
    // « j'ai cru qu'il s'était arrêté de respirer, en fait… »
    "cru|croyais que|qu",
];

/// Someone else's story (the news, a friend's confidence): a hypothesis for
/// the events after it, like [`HYPO_IF`], and it rules out a few first-person
/// cues that a confidence repeats (« une amie me confie que son mari la frappe »).
const HEARSAY: &[&str] = &[
    // « le journal parle d'un père qui a laissé son fils seul »: the news.
    "journal|journaux|infos|actu|actus|presse|tele|television|radio ..2 parle|parlait|parlent|raconte|racontait|dit|disait ..1 d|de|qu|que",
    // « un collègue m'a raconté que son fils a convulsé »: another family's story.
    "collegue|collegues|amie|ami|amies|copine|copain|copines|voisine|voisin|cousine|cousin|soeur|frere|belle_soeur|beau_frere|tante|oncle|collegue_de_travail ..4 raconte|racontee|explique|expliquee|dit|confie|confiait que|qu",
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
    // « si un jour il s'étouffe », « comment réagir si ça arrive »
    "si|s un jour",
    // « couchez-le sur le ventre, sinon il s'étouffe »
    "sinon",
    "si|s ca|cela arrive|arrivait|arrivais|se_produit|se_produisait",
    "le jour ou",
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
    "film|films|serie|series|roman|reportage|documentaire|emission|feuilleton|fiction",
    // Figures for a dissertation or a talk.
    "chiffres|statistique*|stats|memoire|these|expose|etude|etudes|enquete|recherches",
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
    "<!premiers|premier|poste|gestes|trousse|numero|numeros|de|des|aux secours|secour",
    "aidez|alaide",
    "aide moi",
    "a l aide",
    "sos|help",
    "3awnouni|3awnoni|3awnni|3te9ouni|3tqouni|ayuda|socorro|ajutor|imdat",
    "urgent",
    "<!d|numero|numeros|service|services urgence",
];

/// Long ago: an episode of months or years ago, or of one's childhood. With
/// nothing happening now, it is a memory to talk about (FAQ: violences,
/// soutien-psy, sante-bebe), not an emergency: « mon ex me frappait il y a 3
/// ans », « des convulsions fébriles il y a un an ».
const LONG_AGO: &[&str] = &[
    "<!ne|nee|nes|nees|naissance|accouche|accouchee|arrive|arrivee il y a #|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs|quelques|des mois|semaines",
    "l an|annee dernier|derniere|passe|passee",
    "premiere|precedente|ancienne grossesse",
    "cet ete|hiver|automne|printemps",
    "quand|lorsque j|je etais|etait enceinte",
    "l ete|hiver|automne|printemps dernier|passe",
    "a|lors|pendant|apres de? mon|ma premier|premiere|1er|1ere|precedent|precedente|dernier|derniere ..1 accouchement|grossesse|enfant|bebe|fils|fille|cesarienne",
    "apres|pour|avec mon|ma 1er|1ere|premier|premiere|aine|ainee",
    // « mon ex était violent »: the imperfect of a state.
    "etait|etaient ..1 violent|violente|violents|agressif|agressive|brutal|dangereux",
];

/// Years ago, or in one's childhood: a memory even for first-person cues
/// (« j'ai été victime de violences quand j'étais petite »), unless it comes back now.
const DISTANT: &[&str] = &[
    "<!ne|nee|nes|nees il y a #|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs|quelques|des ans|an|annees|annee",
    "il y a longtemps|des_annees",
    "quand|lorsque j|je|il|elle|tu etais|etait|etions petite|petit|enfant|jeune|ado|adolescente|adolescent|gamine|gamin",
    "quand|lorsque jetais petite|petit|enfant|jeune|ado|adolescente|adolescent|gamine|gamin",
    // « ado, j'ai eu des idées noires »
    "^ ado|adolescente|adolescent|gamine|gamin|petite ..1 j|je|jai",
    "a l adolescence",
    // « quand j'avais 10 ans », « à 17 ans, c'est vieux »
    "quand|lorsque j|je|javais avais? # ans",
    // « y a 2 ans », as SMS write « il y a »
    "<!il y a # ans|an|annees",
    "c|ce|c_est|cest est|etait? vieux|loin|du_passe|de_l_histoire_ancienne",
    "pendant|dans|durant mon|ma enfance|adolescence|jeunesse",
    "plus jeune",
    "autrefois",
    "dans le passe",
    "a l epoque",
    "ancien|ancienne|anciens|anciennes victime|victimes",
    "frappait|frappaient|battait|battaient|tapait|tapaient|violentait|maltraitait|maltraitaient|cognait",
    "fini|termine depuis longtemps",
    // « ça va bien depuis longtemps »: long over (not « ça va mal depuis longtemps »).
    "ca|tout va bien|mieux depuis longtemps|des_annees|des_mois",
    // Family history: « des convulsions fébriles dans ma famille, c'est héréditaire ? »
    "hereditaire*|genetique*|antecedent|antecedents",
];

/// A memory that comes back, or a danger that goes on: a distant episode may still be present.
const RECURRING: &[&str] = &[
    "encore|toujours|repense*|revien*|revenu*|revenue*",
    // Not « comment éviter de rechuter ? »
    "<!eviter|de|d|peur|crainte|risque|risquer|prevenir recidiv*|rechute*",
    "<!que|qu|si ca|il|elle|ils|c recommenc*",
    "<!ca|il|elle|ils|c|que|qu|pas|de|d|eviter|peur|crainte|jamais|plus recommenc*",
];

/// Recently: an episode of the last days or weeks, over if the message says
/// so (« il s'est étouffé hier mais ça va »).
const RECENT_PAST: &[&str] = &[
    "hier",
    "avant hier",
    // « ma copine a bu 2 verres avant de savoir qu'elle était enceinte »
    "avant de|d savoir|apprendre ..3 enceinte",
    "a|lors|pendant la|sa|une|sa_derniere prise_de_sang|vaccination|visite|consultation",
    "l autre jour",
    "la semaine|nuit derniere|passee",
    "le mois|week|weekend|samedi|dimanche dernier|passe",
    "<!ne|nee|nes|nees|naissance|accouche|accouchee|arrive|arrivee il y a #|un|une|deux|trois|quatre|cinq|six|quelques|plusieurs jours|jour|semaine",
    "apres|a|pendant|lors mon|ma|l|de accouchement|cesarienne",
    "apres le|son|sa|ses|les|un|une vaccin|vaccins|vaccination|rappel|injection|piqure",
    "hospitalise|hospitalisee|hospitalises|hospitalisees ..3 # jour|jours|nuit|nuits|semaine|semaines",
    "eu|avons_eu|avais_eu ..2 peur|frayeur|frousse",
    "a la naissance",
    "en neonat|neonatologie|reanimation|rea",
    // « un malaise à 1 mois » (the baby's age then), « hospitalisé »
    "<!il|elle|bebe|bb|qui|fils|fille|a a # mois|semaines|jours",
    "hospitalise|hospitalisee|hospitalises",
];

/// The episode is over.
const RESOLVED: &[&str] = &[
    "ca|tout va !pas|plus|mal|mourir|me|m|le|la|l|lui|les|nous|finir|recommencer|arriver",
    "il|elle|bebe va ..1 bien|mieux",
    "benin|benigne|rien_d_anormal|rien_de_special|tout_verifie|tout_est_normal|normal",
    "rassure|rassures|rassuree|rassurees|rassurer|rassurant*",
    "pas|rien de? grave",
    "c|ce|n etait rien",
    "plus de peur que de mal",
    "reparti|repartie|recrache*|retire|retiree|enleve|enlevee",
    "respire|respirait bien|normalement|mieux !pas|plus",
    "rentre|rentree|sorti|sortie|revenu|revenue|rentres|sortis ..2 de l|des hopital|urgences|maternite",
    "ont|a gere|geres|maitrise",
    "pas|aucune d? inquietude",
    // Preventing it from happening again: it is over (« comment éviter que ça recommence ? »).
    "eviter|empecher que|qu ca|cela|il|elle ..1 recommence|se_reproduise|reproduise|refasse|se_repete|arrive_encore",
    // A swallowed object that came out: « tout est sorti naturellement ».
    "tout|c|ca est|s_est ressorti|sorti|ressortie|sortie",
    "sorti|ressorti|sortie|ressortie ..1 naturellement|tout_seul|toute_seule|dans_les_selles|dans_la_couche",
    "en securite",
    "gueri|guerie|gueris",
    "c|tout est fini|termine|derriere",
    "rentre dans l ordre",
    "fausse alerte",
    "sans danger|gravite",
    "spasme|spasmes du sanglot",
    "tout s est bien termine|passe|fini|finie",
    "s est bien fini|finie|termine|terminee|passe|passee",
    "et va|vont ..1 bien|mieux",
    "alle|allee|alles|allees|ete|emmene|emmenee|passe|passes ..2 urgences|hopital|medecin|pediatre",
    // « c'est passé en un jour », « la fièvre est retombée »
    "c|ca|elle|fievre|temperature est passe|passee|partie|parti|retombe|retombee|redescendu|redescendue|disparu|disparue",
];

/// Said only of an episode that is over, whenever it was (« plus de peur que
/// de mal »): unlike « il va bien », which a parent may write of a baby who
/// swallowed a battery, these leave nothing pending.
const SETTLED: &[&str] = &["plus de peur que de mal", "rentre dans l ordre", "fausse alerte"];

/// A wish or a state in the first person and the present: a clause that speaks
/// of today even in a message about the past (« mon ex me frappait il y a
/// 2 ans, je veux en finir »).
const WISH_NOW: &[&str] = &[
    "je|j :2 veux|voudrais|vais|compte|prefere|prefererais|sens|suis_prete|suis_pret|ai_envie|ai_plus_envie|ai_pas_envie|pense_a|pense_au|pense_souvent|peux_plus|peux_pas|en_peux|arrive_plus",
    "aujourd hui|en_ce_moment|ce_soir|cette_nuit|depuis_quelques_jours|depuis_hier",
];

/// Words of a story told or written: even first-person cues in such a clause are
/// a character's (« j'écris un roman où l'héroïne pense au suicide »).
const FICTION: &[&str] = &[
    "polar",
    "thriller",
    "livre",
    "bd",
    "manga",
    "roman",
    "film",
    "serie",
    "personnage",
    "heroine",
    "heros",
    "scenario",
    "fiction",
    "documentaire",
    "reportage",
    "feuilleton",
    "episode",
];

/// After a joke, the turn to the real question.
const TURN: &[&str] = &[
    "serieusement",
    "bon|mais sinon",
    "blague a part",
    "treve de plaisanterie",
    "plus serieux",
];

/// A day that has not come (« si un jour », « si jamais »)…
const AHEAD_IF: &[&str] = &["si|s un jour", "si jamais", "le jour ou", "si ca|cela arrive|arrivait"];
/// …asked about ahead of time, with nothing wrong now.
const AHEAD: &[&str] = &[
    "a|par l? avance",
    "pour etre prete|pret|preparee|prepare|preparer",
    "pour l|le instant|moment ..2 tout|ca va|vont ..1 bien",
    "c|cest|c_est|est juste? pour savoir",
    "je demande|demandais juste? pour savoir|info",
];

/// Words that bring the writer or their family into a clause: a story told
/// with them (« pendant le film il m'a frappée ») is not a story.
const PERSONAL: &[&str] = &["me", "m", "moi", "mon", "ma", "mes", "notre", "nos", "nous"];

/// Something is happening now: lifts the framing of an episode that is over.
const NOW: &[&str] = &[
    // Not « c'est fini depuis 2 ans », « séparés depuis un an ».
    "<!fini|finie|termine|terminee|separes|separee|separe|partie|parti|quitte|divorce|divorcee depuis #|ce|cette|un|une|tout|il|elle|qu_il|qu_elle|quelques|plusieurs|hier|deux|trois|dix|des_heures|des_minutes",
    "en ce moment",
    "actuellement",
    "la maintenant",
    "maintenant il|elle|ils|bebe !a|va|est|grandit|mange|dort|pese|s|regrette|excuse",
    "maintenant il|elle|ils|bebe a|est|va !#|bien|tres|super|en|grandi|mieux",
    // Not « ça peut recommencer ? », a question about the future.
    "<!que|qu|si il|elle|ca|ils|c !peut|peuvent|pourrait|pourraient|risque|risquent :1 recommence*|recommance*|reprend|reprennent",
    "il|elle :1 refait|refais une|un|des|encore",
    "de nouveau|a_nouveau !enceinte",
    "encore une fois",
    "ce soir",
    "cette nuit",
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
    long_ago: Phrase,
    distant: Phrase,
    recurring: Phrase,
    recent_past: Phrase,
    resolved: Phrase,
    settled: Phrase,
    now: Phrase,
    wish_now: Phrase,
    ahead_if: Phrase,
    ahead: Phrase,
    turn: Phrase,
}

/// How one clause is framed, worked out once per message.
struct Framing {
    /// Where prevention or fear markers start and end (« comment éviter que », « peur qu »).
    prevent_ends: Vec<(usize, usize)>,
    /// Where « est-ce normal que » starts and ends.
    normal_ends: Vec<(usize, usize)>,
    /// Where hypotheses start and end (« que faire si », « chez un bébé »).
    if_ends: Vec<(usize, usize)>,
    /// « Est-ce normal ? » in the clause.
    normal_question: bool,
    /// « souvent », « chaque fois »…
    habitual: bool,
    /// A first-person wish in the present (« je veux en finir »).
    wish_now: bool,
    /// A story: a novel, a film, a character (« l'héroïne pense au suicide »).
    fiction: bool,
    /// The clause itself is dated long ago, and nothing in it is happening now
    /// (« il y a deux ans mon aîné avait fait une convulsion », then « le petit
    /// a 38,8 ce soir »): what it reports is a memory, whatever the rest says.
    past_here: bool,
}

impl Framing {
    fn new(toks: &[&str], mk: &Markers) -> Framing {
        let ends = |p: &Phrase| p.spans(toks);
        Framing {
            prevent_ends: ends(&mk.hypo_prevent),
            normal_ends: ends(&mk.hypo_normal),
            if_ends: ends(&mk.hypo_if),
            normal_question: mk.info_clause.is_in(toks),
            habitual: mk.habitual.is_in(toks),
            wish_now: mk.wish_now.is_in(toks),
            fiction: toks.iter().any(|t| FICTION.contains(t))
                && !toks.iter().any(|t| PERSONAL.contains(t))
                && !mk.wish_now.is_in(toks),
            past_here: (mk.distant.is_in(toks) || mk.long_ago.is_in(toks))
                && !mk.now.is_in(toks)
                && !mk.recurring.is_in(toks),
        }
    }

    /// A hypothesis or a prevention before `start` in the clause.
    fn hypothesis_before(&self, toks: &[&str], start: usize) -> bool {
        if self
            .prevent_ends
            .iter()
            .chain(&self.normal_ends)
            .any(|(_, e)| *e <= start)
        {
            return true;
        }
        // « que faire si *mon* bébé *a* avalé… » reports an event; « que faire si
        // mon bébé s'étouffe » is still a hypothesis.
        self.if_ends.iter().any(|(_, e)| {
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
                .any(|(s, e)| !denied_after(toks, e) && self.accepts(toks, framing, s, v, medical))
        });
        // First-person danger may straddle a comma: « j'ai envie de tout arrêter, de mourir ».
        let matched = in_clauses
            || (self.strength == Always
                && !v.long_over
                && !v.ahead
                && !v.banter
                && !v.framing.iter().any(|f| f.fiction)
                && self
                    .phrase
                    .spans(&v.all)
                    .into_iter()
                    .any(|(_, e)| !matches!(v.all.get(e), Some(&("pas" | "jamais")))));
        matched
            && !self.not_if.iter().any(|p| v.any_clause(p))
            && self.requires.iter().all(|g| g.iter().any(|p| v.any_clause(p)))
    }

    /// Whether a match starting at `s` survives its framing.
    fn accepts(&self, toks: &[&str], framing: &Framing, s: usize, v: &View, medical: bool) -> bool {
        if v.ahead || v.banter {
            return false;
        }
        if self.strength == Always {
            return framing.wish_now || (!v.long_over && !framing.fiction);
        }
        if negated(toks, s) {
            return false;
        }
        if v.urgent {
            return true;
        }
        if v.over || framing.past_here {
            return false;
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
                hypo_if: Phrase::new(&[HYPO_IF, HEARSAY].concat(), &[]),
                hypo_prevent: Phrase::new(HYPO_PREVENT, HYPO_PREVENT_UNLESS),
                hypo_normal: Phrase::new(HYPO_NORMAL, &[]),
                info: Phrase::new(INFO, &[]),
                info_clause: Phrase::new(INFO_CLAUSE, &[]),
                habitual: Phrase::new(HABITUAL, &[]),
                urgent: Phrase::new(URGENT, &[]),
                long_ago: Phrase::new(LONG_AGO, &[]),
                distant: Phrase::new(DISTANT, &[]),
                recurring: Phrase::new(RECURRING, &[]),
                recent_past: Phrase::new(RECENT_PAST, &[]),
                resolved: Phrase::new(RESOLVED, &[]),
                settled: Phrase::new(SETTLED, &[]),
                wish_now: Phrase::new(WISH_NOW, &[]),
                ahead_if: Phrase::new(AHEAD_IF, &[]),
                ahead: Phrase::new(AHEAD, &[]),
                turn: Phrase::new(TURN, &[]),
                now: Phrase::new(NOW, &[]),
            },
        }
    })
}

/// Whether the words right before `start` negate it (« il n'a *pas* convulsé »,
/// « *pas de* fièvre », « il n'est *plus* tout mou », but not « de plus en plus »).
/// « il me frappe pas, mais… », « il me frappe jamais » (end of the clause):
/// the act is denied right after it, and the message goes on to something
/// else. « il me frappe pas devant les enfants » still tells of blows.
fn denied_after(toks: &[&str], end: usize) -> bool {
    matches!(toks.get(end), Some(&("pas" | "jamais")))
        && matches!(
            toks.get(end + 1),
            None | Some(&("mais" | "physiquement" | "pourtant" | "hein" | "non" | "du"))
        )
}

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
    /// An episode that is over: long ago, or recent and said to be over, with nothing happening now.
    over: bool,
    /// Years ago, or long ago and said to be over, and not coming back: even first-person cues speak of the past.
    long_over: bool,
    /// A question asked ahead of time about a day that has not come (« si un
    /// jour je sens que je vais craquer, qui j'appelle ? c'est pour savoir à
    /// l'avance »): even first-person cues are a hypothesis.
    ahead: bool,
    /// A joke, then a turn to the real question (« il m'a tuée ce soir, il a mis
    /// la couche à l'envers 😂 bon sinon… »): even first-person cues are banter.
    banter: bool,
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
            .map(|c| words(c))
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
        let any = |p: &Phrase| clauses.iter().any(|c| p.is_in(c));
        let calm = !self.urgent && !any(&mk.now);
        let (distant, resolved) = (any(&mk.distant), any(&mk.resolved));
        let long_ago = distant || any(&mk.long_ago);
        View {
            over: calm && (long_ago || (resolved && any(&mk.recent_past)) || any(&mk.settled)),
            long_over: calm && !any(&mk.recurring) && (distant || (long_ago && resolved)),
            ahead: calm && any(&mk.ahead_if) && any(&mk.ahead),
            banter: self.joke && !self.urgent && any(&mk.turn),
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
        .any(|c| matches!(c, '😂' | '🤣' | '😅' | '😆' | '😹' | '😜' | '😝' | '🙈'))
    {
        return true;
    }
    let folded = text::fold(raw);
    folded.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
        let only = |set: &str| t.chars().all(|c| set.contains(c));
        t == "xd"
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
            // A temperature read on the thermometer is no joke, even when the
            // parent laughs at their own worry (« haha je suis parano mais il a 39 »).
            let measured = toks[i].starts_with(|c: char| c.is_ascii_digit());
            if v.informational || (v.joke && !measured) || v.over {
                return false;
            }
            // « il aura de la fièvre ? », « le vaccin peut donner de la fièvre »: a possibility.
            let possible = toks[i.saturating_sub(3)..i].iter().any(|t| {
                matches!(
                    *t,
                    "aura" | "aurait" | "auront" | "avoir" | "donne" | "donner" | "provoque" | "provoquer"
                )
            });
            if possible {
                return false;
            }
            // « la fièvre chez un bébé de 2 mois, que faire ? »: a general question;
            // « que faire si mon bébé de 1 mois a de la fièvre » is not.
            let prevented = !framing.prevent_ends.is_empty();
            let hypothetical = framing
                .if_ends
                .iter()
                .any(|(_, e)| !toks[*e..].iter().any(|t| POSSESSIVES.contains(t)));
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

    use crate::sms::safety::examples;

    #[test]
    fn the_cues_catch_their_examples_and_no_ordinary_message() {
        let mut failures = Vec::new();
        for e in examples::all() {
            let got = detect(&e.text);
            let wrong = match e.label {
                None => got.is_some(),
                Some(category) => e.cues && got.as_ref().map(|d| d.category) != Some(category),
            };
            if wrong {
                failures.push(format!(
                    "{:?}: expected {}, got {:?}",
                    e.text,
                    e.label.map_or("ordinary", SafetyCategory::id),
                    got.map(|d| (d.category.id(), d.cue))
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// `SAFETY_DEBUG="text" cargo test --lib which_patterns -- --ignored --nocapture`
    /// prints every pattern of every cue that matches a clause of the text.
    #[test]
    #[ignore]
    fn which_patterns() {
        let text = std::env::var("SAFETY_DEBUG").unwrap_or_default();
        let e = engine();
        let msg = Message::new(&text, &e.markers);
        let v = msg.view(&e.markers);
        eprintln!(
            "clauses {:?} over {} long_over {} urgent {}",
            v.clauses, v.over, v.long_over, v.urgent
        );
        for (cat, cues) in [
            (UrgenceMedicale, MEDICAL),
            (IdeesSuicidaires, SUICIDE),
            (DangerBebe, DANGER_BEBE),
            (ViolencesDanger, VIOLENCE),
            (EnfantEnDanger, CHILD),
        ] {
            for c in cues {
                for p in c.pats {
                    if v.clauses.iter().any(|cl| Pattern::parse(p).is_in(cl)) {
                        eprintln!("{} / {}: {p}", cat.id(), c.cue);
                    }
                }
            }
        }
        eprintln!("=> {:?}", detect(&text));
    }

    #[test]
    fn every_pattern_compiles() {
        let e = engine();
        assert_eq!(e.tables.len(), 5);
        assert!(e.tables.iter().all(|(_, cues)| !cues.is_empty()));
    }

    #[test]
    fn every_category_has_its_place_in_the_order() {
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
                cue: "fever in a baby under 3 months",
                confidence: None,
            }
        );
        for e in examples::all().iter().filter(|e| e.cues && e.label.is_some()) {
            let d = detect(&e.text).unwrap();
            assert!(d.cue.is_ascii() && !d.cue.is_empty(), "{}: {}", e.text, d.cue);
            assert!(!e.text.contains(d.cue));
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
    fn a_past_episode_does_not_silence_a_present_wish() {
        assert_eq!(
            cat("mon ex me frappait il y a 2 ans, je veux en finir"),
            Some(IdeesSuicidaires)
        );
        assert_eq!(
            cat("quand j'étais petite on me battait, aujourd'hui j'ai envie de mourir"),
            Some(IdeesSuicidaires)
        );
        assert_eq!(cat("mon ex me frappait il y a 3 ans, je veux en parler"), None);
        assert_eq!(cat("j'avais des idées noires après mon premier, c'est passé, pour que ça recommence pas je veux être suivie"), None);
        assert_eq!(
            cat("la tasse brûlante est tombée à côté de lui, plus de peur que de mal"),
            None
        );
        assert_eq!(
            cat("je voudrais apprendre les gestes de secours pour un bébé qui s'étouffe"),
            None
        );
        assert_eq!(cat("au secours il s'étouffe"), Some(UrgenceMedicale));
    }

    #[test]
    fn a_denial_right_after_the_act() {
        assert_eq!(cat("il me frappe pas mais il m'humilie, c'est de la violence ?"), None);
        assert_eq!(cat("il me frappe pas devant les enfants"), Some(ViolencesDanger));
        assert_eq!(cat("mon mari me frappe"), Some(ViolencesDanger));
    }

    #[test]
    fn indirect_signs_spelt_out() {
        assert_eq!(
            cat("aucune couche mouillée depuis ce matin et il vomit tout, il a 3 mois"),
            Some(UrgenceMedicale)
        );
        assert_eq!(
            cat("il a les yeux creux et une diarrhée depuis hier"),
            Some(UrgenceMedicale)
        );
        assert_eq!(cat("couche sèche ce matin, il boit bien, normal ?"), None);
        assert_eq!(
            cat("j'ai compté les cachets qui restent dans la boîte. voilà."),
            Some(IdeesSuicidaires)
        );
        assert_eq!(cat("j'ai compté mes pilules, j'en ai oublié une"), None);
        assert_eq!(
            cat("parfois j'ai envie de lâcher le volant sur l'autoroute"),
            Some(IdeesSuicidaires)
        );
        assert_eq!(
            cat("merci pour tout, de toute façon je serai plus là bientôt"),
            Some(IdeesSuicidaires)
        );
        assert_eq!(cat("je serai plus là le 3 août, je rentre le 20"), None);
        assert_eq!(
            cat("le voisin laisse sa fille de 8 mois seule le soir pour sortir"),
            Some(EnfantEnDanger)
        );
        assert_eq!(
            cat("mon neveu a des bleus sur les bras, sa mère dit qu'il tombe tout seul mais il marche pas"),
            Some(EnfantEnDanger)
        );
        assert_eq!(
            cat("pour la punir il lui met la tête sous l'eau froide"),
            Some(EnfantEnDanger)
        );
        assert_eq!(cat("un bain froid pour faire baisser la fièvre, ça se fait ?"), None);
    }

    #[test]
    fn a_story_is_a_characters_and_a_laugh_hides_no_thermometer() {
        assert_eq!(
            cat("j'écris un roman où l'héroïne pense au suicide après son accouchement"),
            None
        );
        assert_eq!(cat("j'écris un roman et je veux mourir"), Some(IdeesSuicidaires));
        assert_eq!(
            cat("haha je suis parano mais il a 39 à 5 semaines lol"),
            Some(UrgenceMedicale)
        );
        assert_eq!(
            cat("enceinte de 7 mois, mal de tête énorme, je vois des mouches et j'ai les pieds gonflés"),
            Some(UrgenceMedicale)
        );
        assert_eq!(cat("je suis enceinte, je vois tout flou sans mes lunettes"), None);
        assert_eq!(
            cat("il part demain au pays avec notre fille sans mon accord, il a pris son passeport"),
            Some(EnfantEnDanger)
        );
        assert_eq!(cat("on part à l'étranger avec bébé, il lui faut un passeport ?"), None);
        assert_eq!(
            cat("il a encore bu et il a pris la voiture avec le petit"),
            Some(EnfantEnDanger)
        );
        assert_eq!(cat("il a bu tout son biberon dans la voiture, c'est bien ?"), None);
        assert_eq!(
            cat("je regarde un film et mon bébé ne respire plus"),
            Some(UrgenceMedicale)
        );
        assert_eq!(cat("pendant le film il m'a frappée"), Some(ViolencesDanger));
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
