//! A deterministic generator of realistic synthetic sitrep sites, for
//! benchmarks and for checks on large sites.
//!
//! ```sh
//! cargo run --release --example synth -- N DIR [--seed S]
//! ```
//!
//! writes into `DIR` (which must not exist or be empty) a complete site:
//! `site.yaml`, `N` briefings under `content/briefings/`, 40 group profiles,
//! 12 country profiles and two free pages (`about`, `methodology`).
//!
//! The site has the same shape as the one the peer benchmark's reference
//! generator writes (`gencorpus.py sitrep N DIR`): the same vocabulary,
//! distributions, sentence grammar, slugs and `site.yaml`. It is not
//! byte-identical to it (Python's `random` is not reproduced), but it is
//! deterministic: the same `N` and seed give byte-identical files on every run
//! and machine. The random numbers come from a self-contained splitmix64
//! generator and all arithmetic on them is integer or exact, so nothing
//! depends on the platform.
//!
//! One deliberate difference: the first group of each of the first 40
//! briefings is drawn from a shuffled list of the 40 groups rather than
//! independently. Each briefing's groups are distributed exactly as before,
//! but with `N >= 40` every group profile is named by some briefing, so the
//! site checks with no `unused-profile` warning even at small `N` (the
//! reference generator's site has a few at `N = 50`).
//!
//! The integration test `tests/integration/synth.rs` includes this file as a
//! module and calls [`generate`].

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// The seed used when none is given (the reference generator's).
pub const DEFAULT_SEED: u64 = 20240917;

// ------------------------------------------------------------------ vocabulary

/// A town a briefing can be located in.
struct Town {
    name: &'static str,
    admin1: &'static str,
    /// Latitude in hundredths of a degree.
    lat: i32,
    /// Longitude in hundredths of a degree.
    lon: i32,
}

/// Shorthand for a [`Town`] in the tables below.
const fn t(name: &'static str, admin1: &'static str, lat: i32, lon: i32) -> Town {
    Town { name, admin1, lat, lon }
}

/// A country with its towns.
struct Country {
    code: &'static str,
    name: &'static str,
    towns: &'static [Town],
}

/// The 12 countries (no accents or apostrophes in their names, so every tool
/// slugs them alike), with their towns: name, admin1, lat and lon in
/// hundredths of a degree.
const COUNTRIES: [Country; 12] = [
    Country {
        code: "ML",
        name: "Mali",
        towns: &[
            t("Bamako", "Bamako District", 1264, -800),
            t("Mopti", "Mopti", 1449, -419),
            t("Gao", "Gao", 1627, -4),
            t("Timbuktu", "Tombouctou", 1677, -301),
            t("Kidal", "Kidal", 1844, 141),
            t("Segou", "Segou", 1343, -626),
            t("Menaka", "Menaka", 1592, 240),
            t("Kati", "Koulikoro", 1274, -807),
        ],
    },
    Country {
        code: "BF",
        name: "Burkina Faso",
        towns: &[
            t("Ouagadougou", "Centre", 1237, -152),
            t("Djibo", "Sahel", 1410, -163),
            t("Dori", "Sahel", 1403, -3),
            t("Fada N'Gourma", "Est", 1206, 36),
            t("Kaya", "Centre-Nord", 1309, -108),
            t("Barsalogho", "Centre-Nord", 1342, -106),
            t("Arbinda", "Sahel", 1423, -87),
        ],
    },
    Country {
        code: "NE",
        name: "Niger",
        towns: &[
            t("Niamey", "Niamey", 1351, 211),
            t("Tillaberi", "Tillaberi", 1421, 145),
            t("Diffa", "Diffa", 1332, 1261),
            t("Tahoua", "Tahoua", 1489, 527),
            t("Ayorou", "Tillaberi", 1473, 92),
            t("Inates", "Tillaberi", 1520, 130),
        ],
    },
    Country {
        code: "TD",
        name: "Chad",
        towns: &[
            t("N'Djamena", "N'Djamena", 1213, 1506),
            t("Bol", "Lac", 1346, 1471),
            t("Ngouboua", "Lac", 1380, 1420),
            t("Baga Sola", "Lac", 1353, 1432),
        ],
    },
    Country {
        code: "MR",
        name: "Mauritania",
        towns: &[
            t("Nouakchott", "Nouakchott", 1808, -1598),
            t("Nema", "Hodh Ech Chargui", 1662, -726),
            t("Bassikounou", "Hodh Ech Chargui", 1587, -597),
        ],
    },
    Country {
        code: "NG",
        name: "Nigeria",
        towns: &[
            t("Maiduguri", "Borno", 1185, 1316),
            t("Damboa", "Borno", 1116, 1276),
            t("Gusau", "Zamfara", 1217, 666),
            t("Sokoto", "Sokoto", 1306, 524),
            t("Katsina", "Katsina", 1299, 760),
            t("Monguno", "Borno", 1267, 1361),
            t("Baga", "Borno", 1311, 1383),
        ],
    },
    Country {
        code: "BJ",
        name: "Benin",
        towns: &[
            t("Kandi", "Alibori", 1113, 294),
            t("Tanguieta", "Atacora", 1062, 127),
            t("Karimama", "Alibori", 1207, 318),
            t("Banikoara", "Alibori", 1130, 244),
        ],
    },
    Country {
        code: "TG",
        name: "Togo",
        towns: &[
            t("Dapaong", "Savanes", 1086, 21),
            t("Mandouri", "Savanes", 1085, 82),
            t("Kpendjal", "Savanes", 1080, 60),
        ],
    },
    Country {
        code: "GH",
        name: "Ghana",
        towns: &[
            t("Bawku", "Upper East", 1106, -24),
            t("Bolgatanga", "Upper East", 1079, -85),
            t("Tamale", "Northern", 940, -84),
        ],
    },
    Country {
        code: "SN",
        name: "Senegal",
        towns: &[
            t("Dakar", "Dakar", 1472, -1747),
            t("Kedougou", "Kedougou", 1256, -1218),
            t("Bakel", "Tambacounda", 1490, -1246),
        ],
    },
    Country {
        code: "CM",
        name: "Cameroon",
        towns: &[
            t("Kolofata", "Far North", 1117, 1401),
            t("Mora", "Far North", 1105, 1414),
            t("Maroua", "Far North", 1059, 1432),
            t("Fotokol", "Far North", 1237, 1422),
        ],
    },
    Country {
        code: "GN",
        name: "Guinea",
        towns: &[
            t("Siguiri", "Kankan", 1142, -917),
            t("Kankan", "Kankan", 1039, -931),
            t("Mandiana", "Kankan", 1063, -869),
        ],
    },
];

/// An armed group or other actor, as its profile describes it.
struct GroupDef {
    name: &'static str,
    full_name: Option<&'static str>,
    aliases: &'static [&'static str],
    affiliation: Option<&'static str>,
    founded: u16,
    /// Country codes; `CI` is not one of [`COUNTRIES`] and is dropped from the
    /// profile, as the reference generator does.
    active_in: &'static [&'static str],
    kind: &'static str,
}

/// Shorthand for a [`GroupDef`] in the table below.
const fn g(
    name: &'static str,
    full_name: Option<&'static str>,
    aliases: &'static [&'static str],
    affiliation: Option<&'static str>,
    founded: u16,
    active_in: &'static [&'static str],
    kind: &'static str,
) -> GroupDef {
    GroupDef { name, full_name, aliases, affiliation, founded, active_in, kind }
}

/// The `kind` of most groups.
const ARMED: &str = "armed group";
/// The `kind` of national armies and militias working with them.
const STATE: &str = "state force";
/// The `kind` of foreign and multinational forces.
const FOREIGN: &str = "foreign force";
/// The `kind` of self-defence and community groups.
const OTHER: &str = "other";

/// The 40 groups (no punctuation but `-` in their names).
const GROUPS: [GroupDef; 40] = [
    g(
        "JNIM",
        Some("Jama'a Nusrat ul-Islam wa al-Muslimin"),
        &["GSIM", "Support Group for Islam and Muslims"],
        Some("al-Qaeda"),
        2017,
        &["ML", "BF", "NE", "BJ", "TG"],
        ARMED,
    ),
    g(
        "Islamic State Sahel Province",
        Some("Islamic State Sahel Province"),
        &["ISSP", "ISGS", "Islamic State in the Greater Sahara"],
        Some("Islamic State"),
        2015,
        &["ML", "NE", "BF"],
        ARMED,
    ),
    g(
        "Islamic State West Africa Province",
        Some("Islamic State West Africa Province"),
        &["ISWAP"],
        Some("Islamic State"),
        2016,
        &["NG", "NE", "TD", "CM"],
        ARMED,
    ),
    g(
        "Boko Haram",
        Some("Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"),
        &["JAS"],
        None,
        2002,
        &["NG", "NE", "TD", "CM"],
        ARMED,
    ),
    g("Ansaroul Islam", None, &["Ansarul Islam"], Some("JNIM"), 2016, &["BF"], ARMED),
    g("Katiba Macina", None, &["Macina Liberation Front", "FLM"], Some("JNIM"), 2015, &["ML", "BF"], ARMED),
    g("Katiba Serma", None, &[], Some("JNIM"), 2012, &["ML"], ARMED),
    g("Katiba Hanifa", None, &[], Some("JNIM"), 2018, &["BF", "BJ"], ARMED),
    g("Ansar Dine", None, &["Ansar Eddine"], Some("JNIM"), 2012, &["ML"], ARMED),
    g("Al-Mourabitoune", None, &["Al Mourabitoun"], Some("JNIM"), 2013, &["ML", "NE"], ARMED),
    g(
        "AQIM",
        Some("al-Qaeda in the Islamic Maghreb"),
        &["al-Qaeda in the Islamic Maghreb"],
        Some("al-Qaeda"),
        2007,
        &["ML", "MR", "NE"],
        ARMED,
    ),
    g("MUJAO", Some("Movement for Oneness and Jihad in West Africa"), &["MOJWA"], None, 2011, &["ML"], ARMED),
    g("Lakurawa", None, &[], None, 2018, &["NG", "NE"], ARMED),
    g("Ansaru", Some("Jama'atu Ansarul Muslimina fi Biladis Sudan"), &[], Some("al-Qaeda"), 2012, &["NG"], ARMED),
    g("Katiba Gourma", None, &[], Some("JNIM"), 2016, &["ML", "BF"], ARMED),
    g("Katiba Ansar Dine Sud", None, &[], Some("JNIM"), 2015, &["ML", "CI"], ARMED),
    g("Dan Na Ambassagou", None, &["Dan Nan Ambassagou"], None, 2016, &["ML"], OTHER),
    g("Koglweogo", None, &[], None, 2014, &["BF"], OTHER),
    g("Volunteers for the Defense of the Homeland", None, &["VDP"], None, 2020, &["BF"], STATE),
    g("Coordination of Azawad Movements", None, &["CMA"], None, 2014, &["ML"], ARMED),
    g("Platform Coalition", None, &["Plateforme"], None, 2014, &["ML"], ARMED),
    g("GATIA", Some("Imghad Tuareg and Allies Self-Defense Group"), &[], None, 2014, &["ML"], ARMED),
    g("Movement for the Salvation of Azawad", None, &["MSA"], None, 2016, &["ML", "NE"], ARMED),
    g("Wagner Group", None, &["Wagner"], None, 2014, &["ML"], FOREIGN),
    g("Africa Corps", None, &[], None, 2023, &["ML", "BF", "NE"], FOREIGN),
    g("Malian Armed Forces", None, &["FAMa"], None, 1960, &["ML"], STATE),
    g("Burkinabe Armed Forces", None, &["FDS"], None, 1960, &["BF"], STATE),
    g("Nigerien Armed Forces", None, &["FAN"], None, 1960, &["NE"], STATE),
    g("Nigerian Army", None, &[], None, 1960, &["NG"], STATE),
    g("Chadian Army", None, &[], None, 1960, &["TD"], STATE),
    g("Civilian Joint Task Force", None, &["CJTF"], None, 2013, &["NG"], OTHER),
    g("Operation Barkhane", None, &["Barkhane"], None, 2014, &["ML", "NE", "BF", "TD"], FOREIGN),
    g(
        "MINUSMA",
        Some("United Nations Multidimensional Integrated Stabilization Mission in Mali"),
        &[],
        None,
        2013,
        &["ML"],
        FOREIGN,
    ),
    g("G5 Sahel Joint Force", None, &["FC-G5S"], None, 2017, &["ML", "BF", "NE", "TD", "MR"], FOREIGN),
    g("Multinational Joint Task Force", None, &["MNJTF"], None, 2015, &["NG", "NE", "TD", "CM"], FOREIGN),
    g("Benin Armed Forces", None, &[], None, 1960, &["BJ"], STATE),
    g("Togolese Armed Forces", None, &[], None, 1960, &["TG"], STATE),
    g("Zamfara Bandit Groups", None, &["bandits"], None, 2011, &["NG"], ARMED),
    g("Yan Sakai", None, &[], None, 2012, &["NG"], OTHER),
    g("Mauritanian Army", None, &[], None, 1960, &["MR"], STATE),
];

/// Tactics (1 or 2 per briefing).
const TACTICS: [&str; 15] = [
    "small arms",
    "IED",
    "ambush",
    "suicide bombing",
    "VBIED",
    "mortar fire",
    "rocket attack",
    "kidnapping",
    "arson",
    "landmine",
    "drone strike",
    "airstrike",
    "raid",
    "checkpoint attack",
    "looting",
];

/// Targets (1 or 2 per briefing).
const TARGETS: [&str; 17] = [
    "military base",
    "convoy",
    "village",
    "market",
    "mosque",
    "church",
    "school",
    "checkpoint",
    "gendarmerie post",
    "mine site",
    "aid workers",
    "displaced persons camp",
    "police station",
    "bus",
    "wedding",
    "water point",
    "cattle herders",
];

/// Publishers and the start of their article addresses.
const PUBLISHERS: [(&str, &str); 10] = [
    ("France 24", "https://www.france24.com/en/africa/"),
    ("RFI", "https://www.rfi.fr/en/africa/"),
    ("Reuters", "https://www.reuters.com/world/africa/"),
    ("AFP", "https://www.afp.com/en/news/"),
    ("Al Jazeera", "https://www.aljazeera.com/news/"),
    ("BBC", "https://www.bbc.com/news/world-africa-"),
    ("Premium Times", "https://www.premiumtimesng.com/news/"),
    ("Studio Tamani", "https://www.studiotamani.org/"),
    ("Le Faso", "https://lefaso.net/spip.php?article"),
    ("ActuNiger", "https://www.actuniger.com/"),
];

/// Who reported a casualty figure: each is followed by a publisher's name.
const ACCORDING_TO: [&str; 6] = [
    "security source cited by",
    "local officials cited by",
    "the army, via",
    "a group claim relayed by",
    "residents interviewed by",
    "a hospital source cited by",
];

/// Sentence grammar: nouns.
const NOUNS: [&str; 30] = [
    "convoy",
    "patrol",
    "village",
    "market",
    "outpost",
    "district",
    "commune",
    "road",
    "checkpoint",
    "camp",
    "garrison",
    "delegation",
    "community",
    "herders",
    "farmers",
    "residents",
    "officials",
    "militants",
    "soldiers",
    "gendarmes",
    "volunteers",
    "witnesses",
    "authorities",
    "negotiators",
    "aid agencies",
    "displaced families",
    "local leaders",
    "traders",
    "motorbikes",
    "supply lines",
];

/// Sentence grammar: verbs.
const VERBS: [&str; 20] = [
    "attacked",
    "surrounded",
    "reported",
    "confirmed",
    "denied",
    "withdrew from",
    "reinforced",
    "blockaded",
    "evacuated",
    "claimed",
    "targeted",
    "ambushed",
    "raided",
    "secured",
    "abandoned",
    "patrolled",
    "negotiated with",
    "fled",
    "returned to",
    "documented",
];

/// Sentence grammar: adjectives.
const ADJS: [&str; 16] = [
    "northern",
    "remote",
    "contested",
    "rural",
    "heavily armed",
    "local",
    "regional",
    "isolated",
    "eastern",
    "western",
    "border",
    "newly formed",
    "under-resourced",
    "displaced",
    "unidentified",
    "nearby",
];

/// Sentence grammar: adverbs.
const ADVS: [&str; 10] = [
    "reportedly",
    "later",
    "initially",
    "repeatedly",
    "quickly",
    "overnight",
    "again",
    "eventually",
    "apparently",
    "publicly",
];

/// Sentence grammar: openings.
const CONNECT: [&str; 10] = [
    "According to",
    "Two days later,",
    "In the following weeks,",
    "Meanwhile,",
    "By nightfall,",
    "Earlier that month,",
    "Separately,",
    "In a statement,",
    "Locally,",
    "As a result,",
];

/// Sentence grammar: parts of a month.
const MONTH_PARTS: [&str; 3] = ["early", "mid", "late"];
/// Sentence grammar: months.
const MONTHS: [&str; 6] = ["January", "March", "June", "August", "October", "December"];

/// The first `##` heading of a briefing.
const HEADINGS1: [&str; 5] = ["Background", "Context", "What happened", "Sequence of events", "The attack"];
/// The second `##` heading of a briefing.
const HEADINGS2: [&str; 5] = ["Response", "Aftermath", "Reporting and figures", "Assessment", "Humanitarian impact"];

/// Location precisions, weighted (town twice).
const PRECISIONS: [&str; 4] = ["exact", "town", "town", "region"];
/// Perpetrator claims, weighted (attributed twice).
const CLAIMS: [&str; 4] = ["claimed", "attributed", "attributed", "suspected"];
/// Casualty kinds, weighted (killed three times).
const KINDS: [&str; 6] = ["killed", "killed", "killed", "injured", "captured", "missing"];
/// Whose casualties.
const WHO: [&str; 4] = ["security forces", "civilians", "militants", "unknown"];
/// Words for an attack in source titles.
const SOURCE_WORDS: [&str; 5] = ["Attack", "Assault", "Ambush", "Raid", "Clashes"];
/// Words for an attack in briefing titles.
const TITLE_VERBS: [&str; 7] = ["attack", "ambush", "raid", "assault", "clashes", "bombing", "killings"];

/// `site.yaml`, as the reference generator writes it.
const SITE_YAML: &str = "title: Sahel Security Briefing
base_url: https://example.org/sahel/
description: Incident briefings on armed-group violence in the Sahel.
language: en
theme: default
";

/// The free pages: file name, title and body blocks.
const FREE_PAGES: [(&str, &str, &[&str]); 2] = [
    (
        "about",
        "About this site",
        &[
            "We publish short briefings on armed-group violence.",
            "Each briefing cites its sources and keeps every casualty report.",
        ],
    ),
    (
        "methodology",
        "Methodology",
        &[
            "## Casualty figures",
            "Totals sum the lower bounds of reported figures, shown as *at least N*.",
            "## Attribution",
            "Claims, attributions and suspicions are kept apart.",
        ],
    ),
];

// ------------------------------------------------------------------ randomness

/// splitmix64: a small, fast, self-contained generator; the same seed gives the
/// same stream everywhere.
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..n` (`n > 0`), without modulo bias.
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        // Reject the top partial block of the u64 range.
        let limit = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < limit {
                return (x % n) as usize;
            }
        }
    }

    /// A uniform integer in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True with probability `percent` / 100.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.below(100) < percent as usize
    }

    /// A uniform element of `xs` (not empty).
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// A uniform word of `xs` (not empty).
    pub fn word<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }

    /// `k` distinct elements of `pool`, in the order drawn (a partial
    /// Fisher-Yates shuffle of `pool`, which is reordered).
    pub fn sample(&mut self, pool: &mut [usize], k: usize) -> Vec<usize> {
        for i in 0..k {
            let j = i + self.below(pool.len() - i);
            pool.swap(i, j);
        }
        pool[..k].to_vec()
    }

    /// `k` distinct indices out of `0..n`, in the order drawn.
    pub fn sample_of(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut pool: Vec<usize> = (0..n).collect();
        self.sample(&mut pool, k)
    }
}

// ------------------------------------------------------------------ dates

/// Days since 1970-01-01 of 2015-01-01, the first possible incident day.
const START: i64 = 16436;
/// Days since 1970-01-01 of 2025-12-31, the last possible incident day.
const END: i64 = 20453;

/// A day, as days since 1970-01-01.
#[derive(Clone, Copy)]
struct Day(i64);

impl Day {
    /// Year, month and day (proleptic Gregorian; Howard Hinnant's algorithm).
    fn civil(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        (y, m, d)
    }

    /// The year.
    fn year(self) -> i64 {
        self.civil().0
    }

    /// `YYYY-MM-DD`.
    fn iso(self) -> String {
        let (y, m, d) = self.civil();
        format!("{y:04}-{m:02}-{d:02}")
    }
}

// ------------------------------------------------------------------ text

/// `s` as a slug: lowercase, apostrophes dropped, runs of anything but ASCII
/// letters and digits turned into one `-`.
fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars().filter(|&c| c != '\'') {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// A YAML double-quoted scalar.
fn yq(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A YAML flow list of double-quoted scalars: `["a", "b"]`.
fn yq_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = items.into_iter().map(yq).collect();
    format!("[{}]", quoted.join(", "))
}

/// Hundredths of a degree as a decimal: `-805` -> `-8.05`.
fn degrees(hundredths: i32) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let a = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

/// Upper-cases the first letter (all the vocabulary is ASCII).
fn capitalize(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Number of whitespace-separated words.
fn words(s: &str) -> usize {
    s.split_ascii_whitespace().count()
}

/// Writes the text of the sentence grammar.
struct Writer<'r> {
    rng: &'r mut Rng,
}

impl Writer<'_> {
    /// One sentence, mentioning a town of `towns` now and then, with emphasis
    /// (6%) or strong emphasis over two words (3%).
    fn sentence(&mut self, towns: &[&str]) -> String {
        let r = &mut *self.rng;
        let mut s = String::with_capacity(160);
        if r.percent(30) {
            s.push_str(r.word(&CONNECT));
            s.push(' ');
        }
        let _ = write!(s, "{} {}", r.pick(&ADJS), r.pick(&NOUNS));
        if r.percent(40) {
            s.push(' ');
            s.push_str(r.word(&ADVS));
        }
        let _ = write!(s, " {} the {} {}", r.pick(&VERBS), r.pick(&ADJS), r.pick(&NOUNS));
        if r.percent(50) {
            s.push_str(" near ");
            s.push_str(r.word(towns));
        }
        if r.percent(50) {
            let _ = write!(s, " after {} {} {} {}", r.pick(&NOUNS), r.pick(&VERBS), r.range(2, 40), r.pick(&NOUNS));
        }
        if r.percent(25) {
            let _ = write!(s, " in {} {}", r.pick(&MONTH_PARTS), r.pick(&MONTHS));
        }
        let x = r.below(100);
        if x < 9 {
            let mut w: Vec<String> = s.split(' ').map(str::to_string).collect();
            if x < 6 {
                let k = 1 + r.below(w.len() - 1);
                w[k] = format!("*{}*", w[k]);
            } else {
                let k = 1 + r.below(w.len() - 2);
                let next = w.remove(k + 1);
                w[k] = format!("**{} {next}**", w[k]);
            }
            s = w.join(" ");
        }
        if let Some(first) = s.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        s.push('.');
        s
    }

    /// A paragraph of `n` sentences, or 3 to 6 when `n` is `None`.
    fn paragraph(&mut self, towns: &[&str], n: Option<usize>) -> String {
        let n = n.unwrap_or_else(|| self.rng.range(3, 6) as usize);
        let mut out = String::with_capacity(n * 120);
        for k in 0..n {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&self.sentence(towns));
        }
        out
    }
}

// ------------------------------------------------------------------ briefings

/// A drawn briefing.
struct Briefing {
    /// The file name without `.md`: `YYYY-MM-DD-town-00042`.
    slug: String,
    /// The file's text: front matter and body.
    text: String,
}

/// Draws briefing `i` (0-based) and returns its file name and text. `slugs`
/// holds the slugs of the briefings drawn before it; `first_groups` the
/// shuffled groups that open the first 40 briefings.
fn briefing(r: &mut Rng, i: usize, slugs: &[String], first_groups: &[usize]) -> Briefing {
    let date = Day(START + r.range(0, END - START));
    let ncountry = if r.percent(80) { 1 } else { 2 };
    let countries: Vec<&Country> = r.sample_of(COUNTRIES.len(), ncountry).into_iter().map(|c| &COUNTRIES[c]).collect();

    // Locations: a town per country, moved by up to 0.02 degrees (about 2 km:
    // the towns near a border stay in their country).
    let mut loc_names: Vec<&str> = Vec::with_capacity(2);
    let mut locations = String::new();
    for c in &countries {
        let town = r.pick(c.towns);
        let lat = town.lat + r.range(-2, 2) as i32;
        let lon = town.lon + r.range(-2, 2) as i32;
        let precision = r.pick(&PRECISIONS);
        loc_names.push(town.name);
        let _ = write!(
            locations,
            "\n  - name: {}\n    country: {}\n    admin1: {}\n    lat: {}\n    lon: {}\n    precision: {}",
            yq(town.name),
            yq(c.code),
            yq(town.admin1),
            degrees(lat),
            degrees(lon),
            yq(precision)
        );
    }

    // Groups: the first a perpetrator with a claim; later armed groups too,
    // other actors a target or a responder.
    let ngroups = *r.pick(&[1, 1, 2, 2, 3]);
    let gsel: Vec<&GroupDef> = match first_groups.get(i) {
        Some(&first) => {
            let mut pool: Vec<usize> = (0..GROUPS.len()).filter(|&g| g != first).collect();
            let mut sel = vec![first];
            sel.extend(r.sample(&mut pool, ngroups - 1));
            sel.into_iter().map(|g| &GROUPS[g]).collect()
        }
        None => r.sample_of(GROUPS.len(), ngroups).into_iter().map(|g| &GROUPS[g]).collect(),
    };
    // Written as a flow list of names when every entry is the shorthand.
    let mut groups = String::new();
    let mut all_shorthand = true;
    for (k, g) in gsel.iter().enumerate() {
        if k == 0 || g.kind == ARMED {
            let claim = r.pick(&CLAIMS);
            if *claim == "attributed" && r.percent(50) {
                let _ = write!(groups, "\n  - {}", yq(g.name));
            } else {
                let _ =
                    write!(groups, "\n  - name: {}\n    role: \"perpetrator\"\n    claim: {}", yq(g.name), yq(claim));
                all_shorthand = false;
            }
        } else {
            all_shorthand = false;
            let role = r.pick(&["target", "responder"]);
            let _ = write!(groups, "\n  - name: {}\n    role: {}", yq(g.name), yq(role));
        }
    }

    let ntactics = *r.pick(&[1, 1, 2]);
    let tactics = r.sample_of(TACTICS.len(), ntactics);
    let ntargets = *r.pick(&[1, 2]);
    let targets = r.sample_of(TARGETS.len(), ntargets);

    // Sources: 1 to 3 publishers, reporting within 5 days.
    let nsrc = *r.pick(&[1, 2, 2, 3]);
    let pubs = r.sample_of(PUBLISHERS.len(), nsrc);
    let mut sources = String::new();
    let mut first_source = (String::new(), "");
    for (k, &p) in pubs.iter().enumerate() {
        let (publisher, prefix) = PUBLISHERS[p];
        let sd = Day(date.0 + r.range(0, 5));
        let url = format!("{prefix}{}/{}", date.year(), r.range(1_000_000, 9_999_999));
        let title = format!("{} near {} leaves {} dead", r.pick(&SOURCE_WORDS), loc_names[0], r.range(2, 90));
        let _ = write!(
            sources,
            "\n  - url: {}\n    title: {}\n    publisher: {}\n    date: {}",
            yq(&url),
            yq(&title),
            yq(publisher),
            sd.iso()
        );
        if k == 0 {
            first_source = (url, publisher);
        }
    }

    // Casualties: 80% an exact count, 15% a minimum, 5% a range.
    let mut casualties = String::new();
    for _ in 0..*r.pick(&[1, 2, 2, 3]) {
        let kind = r.pick(&KINDS);
        let who = r.pick(&WHO);
        let _ = write!(casualties, "\n  - kind: {}\n    who: {}", yq(kind), yq(who));
        let x = r.below(100);
        if x < 80 {
            let _ = write!(casualties, "\n    count: {}", r.range(1, 80));
        } else if x < 95 {
            let _ = write!(casualties, "\n    min: {}", r.range(5, 100));
        } else {
            let lo = r.range(5, 60);
            let _ = write!(casualties, "\n    min: {lo}\n    max: {}", lo + r.range(5, 60));
        }
        let reporter = r.pick(&ACCORDING_TO);
        let by = PUBLISHERS[*r.pick(&pubs)].0;
        let _ = write!(casualties, "\n    according_to: {}", yq(&format!("{reporter} {by}")));
    }

    let town = loc_names[0];
    let verb = r.pick(&TITLE_VERBS);
    let title = if r.percent(70) {
        format!("{} {verb} near {town}", gsel[0].name)
    } else {
        format!("{} in {town}, {}", capitalize(verb), countries[0].name)
    };
    let slug = format!("{}-{}-{i:05}", date.iso(), slugify(town));
    let end_date = r.percent(10).then(|| Day(date.0 + r.range(1, 3)));

    // Links woven into the body: the first one or two groups, the first
    // country, the first source, and for about half an earlier briefing.
    let (src_url, src_pub) = first_source;
    let mut links: Vec<String> =
        gsel.iter().take(2).map(|g| format!("[{}](@/groups/{}.md)", g.name, slugify(g.name))).collect();
    links.push(format!("[{}](@/countries/{}.md)", countries[0].name, countries[0].code.to_ascii_lowercase()));
    links.push(format!("[{src_pub}]({src_url})"));
    if i > 0 && r.percent(50) {
        links.push(format!("[an earlier incident](@/briefings/{}.md)", slugs[r.below(i)]));
    }

    let mut towns: Vec<&str> = loc_names.clone();
    towns.extend(countries.iter().flat_map(|c| c.towns.iter().map(|t| t.name)));
    let target_words = r.range(500, 700) as usize;
    let body = body(r, i, &towns, &links, target_words);

    let mut fm = String::with_capacity(2048 + body.len());
    fm.push_str("---\ntitle: ");
    fm.push_str(&yq(&title));
    fm.push_str("\ndate: ");
    fm.push_str(&date.iso());
    if let Some(end) = end_date {
        fm.push_str("\nend_date: ");
        fm.push_str(&end.iso());
    }
    fm.push_str("\ncountries: ");
    fm.push_str(&yq_list(countries.iter().map(|c| c.code)));
    fm.push_str("\nlocations:");
    fm.push_str(&locations);
    if all_shorthand {
        fm.push_str("\ngroups: ");
        fm.push_str(&yq_list(gsel.iter().map(|g| g.name)));
    } else {
        fm.push_str("\ngroups:");
        fm.push_str(&groups);
    }
    fm.push_str("\ntargets: ");
    fm.push_str(&yq_list(targets.iter().map(|&k| TARGETS[k])));
    fm.push_str("\ntactics: ");
    fm.push_str(&yq_list(tactics.iter().map(|&k| TACTICS[k])));
    fm.push_str("\ncasualties:");
    fm.push_str(&casualties);
    fm.push_str("\nsources:");
    fm.push_str(&sources);
    fm.push_str("\n---\n");
    fm.push_str(&body);
    Briefing { slug, text: fm }
}

/// A briefing's body: paragraphs, two `##` headings, a bullet list and a table
/// on every 5th briefing, until it has at least `target_words` words (drawn
/// from 500-700; 640 on average), then one "See also" sentence per link,
/// spread over the paragraphs.
fn body(r: &mut Rng, i: usize, towns: &[&str], links: &[String], target_words: usize) -> String {
    /// The blocks so far and their words (headings, lists and tables included).
    struct Blocks(Vec<String>, usize);
    impl Blocks {
        fn add(&mut self, b: String) {
            self.1 += words(&b);
            self.0.push(b);
        }
    }
    let mut blocks = Blocks(Vec::with_capacity(16), 0);
    let mut w = Writer { rng: r };
    blocks.add(w.paragraph(towns, Some(3)));
    blocks.add(w.paragraph(towns, None));
    blocks.add(format!("## {}", w.rng.pick(&HEADINGS1)));
    blocks.add(w.paragraph(towns, None));
    let nitems = w.rng.range(3, 6);
    let items: Vec<String> = (0..nitems).map(|_| format!("- {}", w.sentence(towns))).collect();
    blocks.add(items.join("\n"));
    blocks.add(w.paragraph(towns, None));
    blocks.add(format!("## {}", w.rng.pick(&HEADINGS2)));
    if i.is_multiple_of(5) {
        let mut rows =
            vec!["| Date | Place | Reported by | Figure |".to_string(), "| --- | --- | --- | ---: |".to_string()];
        for _ in 0..w.rng.range(3, 5) {
            let r = &mut *w.rng;
            let d = Day(START + r.range(0, END - START - 1));
            let place = r.pick(towns);
            let by = r.pick(&PUBLISHERS).0;
            rows.push(format!("| {} | {place} | {by} | {} |", d.iso(), r.range(1, 120)));
        }
        blocks.add(rows.join("\n"));
    }
    while blocks.1 < target_words {
        blocks.add(w.paragraph(towns, None));
    }
    let mut blocks = blocks.0;
    let paras: Vec<usize> =
        blocks.iter().enumerate().filter(|(_, b)| !b.starts_with(['#', '-', '|'])).map(|(k, _)| k).collect();
    for (n, link) in links.iter().enumerate() {
        let b = &mut blocks[paras[n % paras.len()]];
        let _ = write!(b, " See also {link}.");
    }
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}

// ------------------------------------------------------------------ profiles

/// A group profile's file text.
fn group_profile(r: &mut Rng, g: &GroupDef) -> String {
    // Towns of the countries it is active in (an unknown code stands for Mali).
    let towns: Vec<&str> = g
        .active_in
        .iter()
        .flat_map(|code| COUNTRIES.iter().find(|c| c.code == *code).unwrap_or(&COUNTRIES[0]).towns.iter())
        .map(|t| t.name)
        .collect();
    let mut w = Writer { rng: r };
    let n = w.rng.range(3, 5);
    let paras: Vec<String> = (0..n).map(|_| w.paragraph(&towns, None)).collect();
    let mut text = format!("---\nname: {}\n", yq(g.name));
    if let Some(full) = g.full_name {
        let _ = writeln!(text, "full_name: {}", yq(full));
    }
    if !g.aliases.is_empty() {
        let _ = writeln!(text, "aliases: {}", yq_list(g.aliases.iter().copied()));
    }
    if let Some(aff) = g.affiliation {
        let _ = writeln!(text, "affiliation: {}", yq(aff));
    }
    let active = g.active_in.iter().copied().filter(|code| COUNTRIES.iter().any(|c| c.code == *code));
    let _ = write!(
        text,
        "founded: {}\nactive_in: {}\nkind: {}\n---\n## Overview\n\n{}\n",
        g.founded,
        yq_list(active),
        yq(g.kind),
        paras.join("\n\n")
    );
    text
}

/// A country profile's file text.
fn country_profile(r: &mut Rng, c: &Country) -> String {
    let towns: Vec<&str> = c.towns.iter().map(|t| t.name).collect();
    let mut w = Writer { rng: r };
    let n = w.rng.range(3, 5);
    let paras: Vec<String> = (0..n).map(|_| w.paragraph(&towns, None)).collect();
    format!("---\nname: {}\n---\n## Situation\n\n{}\n", yq(c.name), paras.join("\n\n"))
}

// ------------------------------------------------------------------ the site

/// Refuses a target folder that exists and is not an empty folder.
pub fn check_target(dir: &Path) -> Result<(), String> {
    match fs::read_dir(dir) {
        Ok(mut entries) => match entries.next() {
            None => Ok(()),
            Some(_) => Err(format!("{}: exists and is not empty", dir.display())),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(_) if dir.exists() => Err(format!("{}: exists and is not a folder, or cannot be read", dir.display())),
        Err(e) => Err(format!("{}: {e}", dir.display())),
    }
}

/// Writes `text` to `dir/rel`, naming the file in any error.
fn write(dir: &Path, rel: &str, text: &str) -> io::Result<()> {
    let path = dir.join(rel);
    fs::write(&path, text).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

/// Writes a complete site with `n` briefings into `dir`, which must not exist
/// or be empty (`AlreadyExists` otherwise). The same `n` and `seed` give the
/// same bytes.
pub fn generate(n: usize, seed: u64, dir: &Path) -> io::Result<()> {
    check_target(dir).map_err(|m| io::Error::new(io::ErrorKind::AlreadyExists, m))?;
    for sub in ["briefings", "groups", "countries", "pages"] {
        let path = dir.join("content").join(sub);
        fs::create_dir_all(&path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    }
    write(dir, "site.yaml", SITE_YAML)?;

    let mut r = Rng::new(seed);
    let first_groups = r.sample_of(GROUPS.len(), GROUPS.len());
    let mut slugs: Vec<String> = Vec::with_capacity(n);
    for i in 0..n {
        let b = briefing(&mut r, i, &slugs, &first_groups);
        write(dir, &format!("content/briefings/{}.md", b.slug), &b.text)?;
        slugs.push(b.slug);
    }
    for g in &GROUPS {
        let text = group_profile(&mut r, g);
        write(dir, &format!("content/groups/{}.md", slugify(g.name)), &text)?;
    }
    for c in &COUNTRIES {
        let text = country_profile(&mut r, c);
        write(dir, &format!("content/countries/{}.md", c.code.to_ascii_lowercase()), &text)?;
    }
    for (name, title, blocks) in FREE_PAGES {
        write(
            dir,
            &format!("content/pages/{name}.md"),
            &format!("---\ntitle: {}\n---\n{}\n", yq(title), blocks.join("\n\n")),
        )?;
    }
    Ok(())
}

/// How to call the example.
const USAGE: &str = "usage: cargo run --release --example synth -- N DIR [--seed S]
  N     number of briefings
  DIR   where to write the site; must not exist or be empty
  S     seed of the generator (default 20240917)";

/// Parses the arguments, writes the site, and exits with 0, 1 (an I/O error
/// while writing) or 2 (a usage error, or `DIR` not empty).
#[allow(dead_code)] // included by the integration test, which calls `generate` only
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;

    let mut positional: Vec<String> = Vec::new();
    let mut seed = DEFAULT_SEED;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let seed_text = if arg == "--seed" {
            match args.next() {
                Some(s) => Some(s),
                None => {
                    eprintln!("synth: --seed needs a value\n{USAGE}");
                    return ExitCode::from(2);
                }
            }
        } else {
            arg.strip_prefix("--seed=").map(str::to_string)
        };
        if let Some(s) = seed_text {
            match s.parse() {
                Ok(v) => seed = v,
                Err(_) => {
                    eprintln!("synth: the seed must be a whole number from 0 to {}, not `{s}`", u64::MAX);
                    return ExitCode::from(2);
                }
            }
        } else if arg == "-h" || arg == "--help" {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        } else if arg.starts_with('-') && arg != "-" {
            eprintln!("synth: unknown option `{arg}`\n{USAGE}");
            return ExitCode::from(2);
        } else {
            positional.push(arg);
        }
    }
    let [n, dir] = positional.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("synth: N must be a whole number of briefings, not `{n}`\n{USAGE}");
        return ExitCode::from(2);
    };
    let dir = Path::new(dir);
    if let Err(msg) = check_target(dir) {
        eprintln!("synth: {msg}; give a new or empty folder");
        return ExitCode::from(2);
    }
    let started = std::time::Instant::now();
    match generate(n, seed, dir) {
        Ok(()) => {
            eprintln!(
                "synth: wrote {n} briefings, 40 groups, 12 countries, 2 pages into {} in {:?}",
                dir.display(),
                started.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::from(1)
        }
    }
}
