//! Distress written in other scripts and languages the cue tables cannot read
//! word by word: Chinese (no spaces between words), Arabic (script and
//! Darija), Russian and Ukrainian, Vietnamese, Tamil, Tigrinya, Georgian, Dari.
//!
//! The classifier learnt few examples in these languages, and a family that
//! writes in its own language in an emergency must get the numbers as surely
//! as one that writes in French. These are the plain phrases of immediate
//! danger (not breathing, convulsing, bleeding, being beaten, wanting to die),
//! matched as they are written: a substring of the folded text for scripts
//! without spaces or with glued affixes (Chinese, Arabic), whole words for
//! Latin and Cyrillic letters. Categories are tried in the order of precedence
//! of [`super::rules`].

use std::sync::OnceLock;

use super::{Detection, SafetyCategory};
use crate::sms::text;

/// How a phrase is found in a message.
#[derive(Clone, Copy)]
enum Find {
    /// Anywhere in the folded text (Chinese, Arabic: words are glued to
    /// their prefixes, « كيضربني », or not separated at all).
    Inside,
    /// As whole words of the normalised text (Latin and Cyrillic letters).
    Words,
}

struct Table {
    category: SafetyCategory,
    cue: &'static str,
    find: Find,
    phrases: &'static [&'static str],
}

use Find::{Inside, Words};
use SafetyCategory::{DangerBebe, EnfantEnDanger, IdeesSuicidaires, UrgenceMedicale, ViolencesDanger};

static TABLES: &[Table] = &[
    Table {
        category: UrgenceMedicale,
        cue: "a medical emergency, in another script or language",
        find: Inside,
        phrases: &[
            // Chinese.
            "不呼吸",
            "没有呼吸",
            "没呼吸",
            "呼吸困难",
            "喘不过气",
            "抽搐",
            "惊厥",
            "昏迷",
            "晕倒",
            "没有反应",
            "没反应",
            "叫不醒",
            "嘴唇发紫",
            "脸发紫",
            "发紫",
            "大出血",
            "流了很多血",
            "流血不止",
            "出血很多",
            "吞了电池",
            "误吞",
            "中毒",
            "大量出血",
            "突然出血",
            // Arabic and Darija.
            "ما كيتنفسش",
            "ما كتتنفسش",
            "ماكيتنفسش",
            "ماكتتنفسش",
            "ما بقاش كيتنفس",
            "ما بقاتش كتتنفس",
            "ما بقاش يتنفس",
            "لا يتنفس",
            "لا تتنفس",
            "ما يتنفس",
            "ما تتنفس",
            "مش قادر يتنفس",
            "مش قادرة تتنفس",
            "صعوبة في التنفس",
            "ضيق في التنفس",
            "ضيق التنفس",
            "فاقد الوعي",
            "فقد الوعي",
            "فقدت الوعي",
            "مغمى عليه",
            "مغمى عليها",
            "مغشي عليه",
            "كيتشنج",
            "كتتشنج",
            "يتشنج",
            "تتشنج",
            "ينزف",
            "تنزف",
            "كنزف",
            "ولى زرق",
            "ولات زرقة",
            "كتولي زرقة",
            "صاروا زرق",
            "صار أزرق",
            "صارت زرقا",
            "بلع بطارية",
            "بلع الدوا",
            "شرب جافيل",
            "شربت جافيل",
            // Bengali: cannot breathe, blue lips, unconscious, convulsing.
            "নিঃশ্বাস নিতে পারছে না",
            "শ্বাস নিতে পারছে না",
            "নিঃশ্বাস নিতে পারছে না",
            "ঠোঁট নীল",
            "অজ্ঞান",
            "খিঁচুনি",
            // Tamil.
            "மூச்சு விடவில்லை",
            "மூச்சு திணறல்",
            "வலிப்பு",
            "மயக்கம்",
        ],
    },
    Table {
        category: UrgenceMedicale,
        cue: "a medical emergency, in another script or language",
        find: Words,
        phrases: &[
            // Russian and Ukrainian.
            "не дышит",
            "не дихає",
            "задыхается",
            "задихається",
            "без сознания",
            "без свідомості",
            "судороги",
            "судоми",
            "кровотечение",
            "кровотеча",
            "посинел",
            "посиніла",
            "посинів",
            "синеет",
            "синіє",
            // Russian in Latin letters.
            "ne dyshit",
            "ne dishit",
            "ne dyshet",
            "gubi sinie",
            "bez soznaniya",
            "sudorogi",
            // Vietnamese, folded.
            "co giat",
            "khong tho",
            "kho tho",
            "ngung tho",
            "tim tai",
            "bat tinh",
            "ngat xiu",
            "chay mau nhieu",
            "ra mau nhieu",
            "nuot pin",
            "mat tron nguoc",
        ],
    },
    Table {
        category: ViolencesDanger,
        cue: "violence now, in another script or language",
        find: Inside,
        phrases: &[
            "打我",
            "打了我",
            "揍我",
            "要杀我",
            "杀了我",
            "拿着刀",
            "拿刀",
            "威胁我",
            "掐我",
            "يضربني",
            "كيضربني",
            "كايضربني",
            "يقتلني",
            "بغا يقتلني",
            "باغي يقتلني",
            "غادي يقتلني",
            "يهددني",
            "كيهددني",
            "هددني بالسكين",
            // Dari and Persian: beats me, threatens to kill me.
            "لت و کوب",
            "لت‌وکوب",
            "کتکم می",
            "مرا می‌کشد",
            "مرا میکشد",
            "مرا می کشد",
            "تهدید به کشتن",
            // Tigrinya, Georgian.
            "ይወቕዓኒ",
            "ክቐትለኒ",
            "ይቐትለኒ",
            "მომკლავს",
            "მცემს",
            "მემუქრება",
        ],
    },
    Table {
        category: ViolencesDanger,
        cue: "violence now, in another script or language",
        find: Words,
        phrases: &[
            "бьёт меня",
            "бьет меня",
            "б'є мене",
            "бє мене",
            "б’є мене",
            "избивает",
            "побил меня",
            "побив мене",
            "угрожает убить",
            "погрожує вбити",
            "с ножом",
            "з ножем",
            "danh toi",
            // Dutch: hits me, (is going to) kill me.
            "slaat me",
            "slaat mij",
            "schopt me",
            "me vermoorden",
            "mij vermoorden",
            "vermoordt me",
            "chong danh",
            // Hindi and Urdu, Lebanese Arabic, Darija and Chinese in Latin letters.
            "mujhe maar",
            "mujhe mar raha",
            "maar raha hai",
            "maarta hai",
            "byedrobni",
            "bidrobni",
            "kaydrebni",
            "kayedrebni",
            "da wo",
            "bi danh",
            "doa giet",
            "cam dao",
        ],
    },
    Table {
        category: DangerBebe,
        cue: "afraid of harming the baby, in another script or language",
        find: Inside,
        phrases: &[
            "想摇他",
            "想摇她",
            "想打宝宝",
            "伤害宝宝",
            "控制不住自己",
            "想掐死",
            "نضرب الطفل",
            "نأذيه",
            "نآذيه",
            "نرميه",
            "أؤذيه",
            "اؤذيه",
            "أؤذيها",
            // « أخاف أن أؤذي طفلي »: I am afraid of hurting my child.
            "أؤذي",
            "اؤذي",
            "سأهزه",
            "أهزه",
        ],
    },
    Table {
        category: DangerBebe,
        cue: "afraid of harming the baby, in another script or language",
        find: Words,
        phrases: &[
            "боюсь навредить",
            "боюся нашкодити",
            "хочу его ударить",
            "muon danh con",
            "lam hai con",
            "lam dau con",
            "lam dau be",
            "lac be",
            "lac con",
        ],
    },
    Table {
        category: IdeesSuicidaires,
        cue: "suicidal thoughts, in another script or language",
        find: Inside,
        phrases: &[
            "想死",
            "不想活",
            "自杀",
            "活不下去",
            "结束生命",
            "跳楼",
            "بغيت نموت",
            "نبغي نموت",
            "بغيت نتحر",
            "أريد أن أموت",
            "اريد ان اموت",
            "نقتل راسي",
            "ننتحر",
            "انتحر",
            "أنتحر",
            // The noun (« الانتحار »): « I think of suicide every day ».
            "انتحار",
            "நான் சாக",
        ],
    },
    Table {
        category: IdeesSuicidaires,
        cue: "suicidal thoughts, in another script or language",
        find: Words,
        phrases: &[
            "хочу умереть",
            "хочу померти",
            "покончить с собой",
            "покінчити з собою",
            "не хочу жить",
            "не хочу жити",
            "muon chet",
            "tu sat",
            "khong muon song",
            // Dari and Persian, in Latin letters.
            "khod ra bokosham",
            "khodam ra bokosham",
            "khodkoshi",
            "mikham bemiram",
            "mekhaham bemiram",
        ],
    },
    Table {
        category: EnfantEnDanger,
        cue: "a child in danger, in another script or language",
        find: Inside,
        phrases: &[
            "打孩子",
            "打宝宝",
            "虐待",
            "关在阳台",
            "经常被打",
            "每天打",
            "宝宝一个人",
            // Arabic: (leaves) her / his baby alone at home.
            "وحده في البيت",
            "وحدها في البيت",
            "وحده في المنزل",
            "وحدها في المنزل",
            "孩子一个人",
            "被锁在",
            "身上都是伤",
            "身上有伤",
            "一个人锁在",
            "被打得",
            "很多伤痕",
            // Dari and Persian: beats (someone else: « کتکم », beats me, is violence against the parent), abandons.
            "کتک می",
            "تنها در خانه رها",
            "关在外面",
            "大人打他",
            "大人打她",
            // Georgian: beats (someone else: « მცემს », beats me, is violence against the parent).
            "სცემს",
            "يضرب الطفل",
            "كيضرب الولد",
            "كيضرب الدري",
            "يعذب",
        ],
    },
    Table {
        category: EnfantEnDanger,
        cue: "a child in danger, in another script or language",
        find: Words,
        phrases: &[
            "бьёт ребёнка",
            "бьет ребенка",
            "б'є дитину",
            "б’є дитину",
            "danh con",
            "bao hanh tre",
            "byedrob el",
            "bidrob el",
            "yedrob el",
            "kaydreb l",
            "da haizi",
            "da baobao",
            // Pinyin: locked alone at home.
            "yige ren suo",
            "suo zai jia",
            "guan zai jia",
        ],
    },
];

/// Each table's phrases folded once, as messages are (same order as `TABLES`).
fn folded() -> &'static [Vec<String>] {
    static FOLDED: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    FOLDED.get_or_init(|| {
        TABLES
            .iter()
            .map(|t| {
                t.phrases
                    .iter()
                    .map(|p| match t.find {
                        Inside => text::fold(p),
                        Words => format!(" {} ", text::normalize(p)),
                    })
                    .collect()
            })
            .collect()
    })
}

/// Fever in a baby under three months, written in Chinese (« 出生七周 …
/// 体温38.6度 »): the rule of [`super::rules`] for French, where an age in
/// days or weeks, or of one or two months, makes any fever urgent.
fn chinese_infant_fever(raw: &str) -> bool {
    const NUMERALS: &str = "一二两三四五六七八九十0123456789";
    let chars: Vec<char> = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let text: String = chars.iter().collect();
    let fever = ["发烧", "发热", "高烧", "烧到"].iter().any(|w| text.contains(w))
        || chars
            .windows(3)
            .any(|w| w[0] == '3' && matches!(w[1], '8' | '9') && matches!(w[2], '度' | '.' | '℃'));
    // A pregnancy term (« 怀孕七周 ») is not an age.
    let pregnancy = text.contains('孕');
    let young = chars.windows(3).any(|w| {
        let number = NUMERALS.contains(w[0]);
        // « 七周 », « 10天 », « 三个星期 ».
        let days_or_weeks = number && (matches!(w[1], '周' | '天') || (w[1] == '个' && w[2] == '星'));
        // « 一个月 », « 两个月 », « 一个半月 ».
        let months = matches!(w[0], '一' | '两' | '二' | '1' | '2') && w[1] == '个' && matches!(w[2], '月' | '半');
        (days_or_weeks && !pregnancy) || months
    });
    fever && young
}

/// The same in Arabic (« بنتي عمرها شهرين، حرارتها ٣٩ »): a fever, and an age
/// given in days, weeks, or one or two months (« أشهر », months in the plural, is three or more).
fn arabic_infant_fever(raw: &str) -> bool {
    let text: String = raw
        .chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            _ => c,
        })
        .collect();
    let fever = ["حرارة", "حرارت", "حمى", "سخونة", "سخونية", "سخانة"]
        .iter()
        .any(|w| text.contains(w))
        && ["38", "39", "40", "41", "حمى", "سخونة", "سخانة"]
            .iter()
            .any(|w| text.contains(w));
    let age = text.contains("عمر") || text.contains("رضيع") || text.contains("مولود");
    let young = [
        "شهرين",
        "شهر ونص",
        "أسبوع",
        "اسبوع",
        "أسابيع",
        "اسابيع",
        "أيام",
        "ايام",
        "يوم",
    ]
    .iter()
    .any(|w| text.contains(w))
        || (text.contains("شهر") && !text.contains("أشهر") && !text.contains("اشهر") && !text.contains("شهور"));
    fever && age && young
}

/// The first table, in order of precedence, with a phrase in the message.
pub fn detect(raw: &str) -> Option<Detection> {
    if arabic_infant_fever(raw) {
        return Some(Detection {
            category: UrgenceMedicale,
            cue: "fever in a baby under 3 months, in Arabic",
            confidence: None,
        });
    }
    if chinese_infant_fever(raw) {
        return Some(Detection {
            category: UrgenceMedicale,
            cue: "fever in a baby under 3 months, in Chinese",
            confidence: None,
        });
    }
    let inside = text::fold(raw);
    let words = format!(" {} ", text::normalize(raw));
    let hit = |table: &Table, phrases: &[String]| {
        let haystack = match table.find {
            Inside => &inside,
            Words => &words,
        };
        phrases.iter().any(|p| haystack.contains(p.as_str()))
    };
    [
        UrgenceMedicale,
        ViolencesDanger,
        DangerBebe,
        IdeesSuicidaires,
        EnfantEnDanger,
    ]
    .into_iter()
    .find_map(|category| {
        TABLES
            .iter()
            .zip(folded())
            .find(|(table, phrases)| table.category == category && hit(table, phrases))
            .map(|(table, _)| Detection {
                category,
                cue: table.cue,
                confidence: None,
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(text: &str) -> Option<&'static str> {
        detect(text).map(|d| d.category.id())
    }

    #[test]
    fn plain_danger_is_read_in_other_scripts() {
        assert_eq!(
            category("你好，我老公喝醉了一直打我，现在他拿着刀"),
            Some("violences-danger")
        );
        assert_eq!(category("宝宝不呼吸了怎么办"), Some("urgence-medicale"));
        assert_eq!(category("我儿子出生三周，发烧38.5度"), Some("urgence-medicale"));
        assert_eq!(category("女儿两个月了，今天发热"), Some("urgence-medicale"));
        assert_eq!(category("ابني عمره شهرين وحرارته ٣٩"), Some("urgence-medicale"));
        assert_eq!(category("আমার মেয়ে শ্বাস নিতে পারছে না"), Some("urgence-medicale"));
        assert_eq!(category("بنتي ما بقاتش كتتنفس مزيان"), Some("urgence-medicale"));
        assert_eq!(category("راجلي كيضربني دابا"), Some("violences-danger"));
        assert_eq!(category("Я хочу умереть, не могу больше"), Some("idees-suicidaires"));
        assert_eq!(
            category("chào chị, con tôi 1 tháng tuổi bị co giật"),
            Some("urgence-medicale")
        );
        assert_eq!(category("ሰብኣየይ ሕጂ ይወቕዓኒ ኣሎ፣ ሓግዙኒ"), Some("violences-danger"));
        assert_eq!(
            category("ქმარი მემუქრება, რომ ამაღამ მომკლავს"),
            Some("violences-danger")
        );
        assert_eq!(
            category("man digar taqat nadaram, mekhaham khod ra bokosham"),
            Some("idees-suicidaires")
        );
    }

    #[test]
    fn ordinary_questions_in_those_languages_are_left_alone() {
        for text in [
            "你好，请问周六开门吗？",
            "宝宝晚上总是醒，怎么办？",
            "我女儿八个月，发烧38度，还在吃奶，要去看医生吗？",
            "怀孕七周，有点发热正常吗？",
            "ابني عمره ثمانية أشهر وحرارته 38، هل أعطيه دواء؟",
            "你好，打扰了，请问周六开门吗？",
            "السلام عليكم، واش كاين شي مكان للرضاعة؟",
            "Здравствуйте, где можно получить консультацию по грудному вскармливанию?",
            "chào chị, bé nhà em 6 tháng ăn dặm thế nào ạ?",
            "il tousse tout le temps la nuit",
        ] {
            assert_eq!(category(text), None, "{text}");
        }
    }
}
