//! Countries: ISO 3166-1 alpha-2 codes (from the `celes` crate) with the names a
//! newsroom prints (Côte d'Ivoire, Niger, DR Congo), and the lookup writers use:
//! a code or an English name, ignoring case, accents and punctuation.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use celes::Country as IsoCountry;

use super::names::match_key;

/// An ISO 3166-1 alpha-2 code, upper case (`ML`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code as text: `ML`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Lower-case code, as country profile files are named: `ml`.
    pub fn lower(&self) -> String {
        self.as_str().to_ascii_lowercase()
    }

    /// The newsroom's English name: `Mali`, `Côte d'Ivoire`.
    pub fn name(&self) -> &'static str {
        table().names.get(self).copied().unwrap_or("Unknown country")
    }

    /// URL slug from the English name: `mali`, `burkina-faso`.
    pub fn slug(&self) -> String {
        super::names::slugify(self.name())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Names a newsroom prints where the ISO name reads oddly (`The Niger`, `Coted Ivoire`).
const NEWSROOM_NAMES: &[(&str, &str)] = &[
    ("AE", "United Arab Emirates"),
    ("AG", "Antigua and Barbuda"),
    ("AX", "Åland Islands"),
    ("BA", "Bosnia and Herzegovina"),
    ("BL", "Saint Barthélemy"),
    ("BN", "Brunei"),
    ("BS", "Bahamas"),
    ("CC", "Cocos (Keeling) Islands"),
    ("CD", "DR Congo"),
    ("CF", "Central African Republic"),
    ("CG", "Republic of the Congo"),
    ("CI", "Côte d'Ivoire"),
    ("CK", "Cook Islands"),
    ("CW", "Curaçao"),
    ("DO", "Dominican Republic"),
    ("FK", "Falkland Islands"),
    ("FM", "Micronesia"),
    ("FO", "Faroe Islands"),
    ("GB", "United Kingdom"),
    ("GM", "Gambia"),
    ("GS", "South Georgia and the South Sandwich Islands"),
    ("GW", "Guinea-Bissau"),
    ("HM", "Heard Island and McDonald Islands"),
    ("IM", "Isle of Man"),
    ("IR", "Iran"),
    ("KM", "Comoros"),
    ("KN", "Saint Kitts and Nevis"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("KY", "Cayman Islands"),
    ("LA", "Laos"),
    ("MD", "Moldova"),
    ("MF", "Saint Martin"),
    ("MH", "Marshall Islands"),
    ("MK", "North Macedonia"),
    ("MO", "Macau"),
    ("MP", "Northern Mariana Islands"),
    ("NE", "Niger"),
    ("NL", "Netherlands"),
    ("PH", "Philippines"),
    ("PM", "Saint Pierre and Miquelon"),
    ("PS", "Palestine"),
    ("RE", "Réunion"),
    ("RU", "Russia"),
    ("SD", "Sudan"),
    ("SH", "Saint Helena, Ascension and Tristan da Cunha"),
    ("SJ", "Svalbard and Jan Mayen"),
    ("ST", "São Tomé and Príncipe"),
    ("SX", "Sint Maarten"),
    ("SY", "Syria"),
    ("TC", "Turks and Caicos Islands"),
    ("TF", "French Southern Territories"),
    ("TL", "Timor-Leste"),
    ("TT", "Trinidad and Tobago"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("UM", "United States Minor Outlying Islands"),
    ("US", "United States"),
    ("VA", "Vatican City"),
    ("VC", "Saint Vincent and the Grenadines"),
    ("VE", "Venezuela"),
    ("VG", "British Virgin Islands"),
    ("VI", "US Virgin Islands"),
    ("WF", "Wallis and Futuna"),
];

struct Table {
    names: HashMap<CountryCode, &'static str>,
    by_key: HashMap<String, CountryCode>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let overrides: HashMap<&str, &'static str> = NEWSROOM_NAMES.iter().copied().collect();
        let mut names = HashMap::new();
        let mut by_key = HashMap::new();
        for c in IsoCountry::get_countries() {
            let bytes = c.alpha2.as_bytes();
            if bytes.len() != 2 {
                continue;
            }
            let code = CountryCode([bytes[0], bytes[1]]);
            let name = overrides.get(c.alpha2).copied().unwrap_or(c.long_name);
            names.insert(code, name);
            by_key.insert(match_key(name), code);
            by_key.entry(match_key(c.long_name)).or_insert(code);
        }
        Table { names, by_key }
    })
}

/// Finds the country a writer means: `ML`, `mli`, `Mali`, `Ivory Coast`, `Côte d'Ivoire`.
pub fn resolve_country(input: &str) -> Option<CountryCode> {
    let trimmed = input.trim();
    if trimmed.len() == 2 && trimmed.is_ascii() {
        let upper = trimmed.to_ascii_uppercase();
        let b = upper.as_bytes();
        let code = CountryCode([b[0], b[1]]);
        return table().names.contains_key(&code).then_some(code);
    }
    let key = match_key(trimmed);
    if key.is_empty() {
        return None;
    }
    if let Some(code) = table().by_key.get(&key) {
        return Some(*code);
    }
    let iso = if trimmed.len() == 3 && trimmed.is_ascii() {
        IsoCountry::from_alpha3(trimmed.to_ascii_uppercase())
    } else {
        IsoCountry::from_alias(&key).or_else(|_| IsoCountry::from_name(&key))
    };
    let iso = iso.ok()?;
    let b = iso.alpha2.as_bytes();
    Some(CountryCode([b[0], b[1]]))
}

/// Country names in one language, from the Unicode CLDR (through ICU4X):
/// `Mauritanie`, `Côte d’Ivoire`, `Tchad` in French.
pub struct CountryNames(Option<icu_experimental::displaynames::multi::RegionDisplayNames>);

impl CountryNames {
    /// The names of `language` (none known: `name` gives `None`).
    pub fn of(language: &str) -> CountryNames {
        use icu_experimental::displaynames::{DisplayNamesOptions, multi::RegionDisplayNames};
        let names = language
            .parse::<icu_locale_core::Locale>()
            .ok()
            .and_then(|l| RegionDisplayNames::try_new(l.into(), DisplayNamesOptions::default()).ok());
        CountryNames(names)
    }

    /// The name of `code` in this language, when CLDR has one.
    pub fn name(&self, code: CountryCode) -> Option<String> {
        let region = code.as_str().parse().ok()?;
        self.0.as_ref()?.of(region).map(str::to_string)
    }
}

/// The English names of every country, for "did you mean" hints.
pub fn all_country_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = table().names.values().copied().collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_resolve_ignoring_case_and_accents() {
        let ml = resolve_country("ML").unwrap();
        assert_eq!(resolve_country("ml"), Some(ml));
        assert_eq!(resolve_country("Mali"), Some(ml));
        assert_eq!(resolve_country("  MALI "), Some(ml));
        assert_eq!(resolve_country("MLI"), Some(ml));
        let ci = resolve_country("Cote d'Ivoire").unwrap();
        assert_eq!(ci.as_str(), "CI");
        assert_eq!(resolve_country("Ivory Coast"), Some(ci));
        assert_eq!(resolve_country("burkina faso").unwrap().as_str(), "BF");
        assert_eq!(resolve_country("XK").unwrap().name(), "Kosovo");
        assert_eq!(resolve_country("Malii"), None);
        assert_eq!(resolve_country("QQ"), None);
    }

    #[test]
    fn country_names_come_from_cldr_in_each_language() {
        let fr = CountryNames::of("fr");
        let name = |c: &str| fr.name(resolve_country(c).unwrap());
        assert_eq!(name("MR").as_deref(), Some("Mauritanie"));
        assert_eq!(name("TD").as_deref(), Some("Tchad"));
        assert_eq!(name("CI").as_deref(), Some("Côte d’Ivoire"));
        assert_eq!(name("ML").as_deref(), Some("Mali"));
    }

    #[test]
    fn newsroom_names_and_slugs() {
        assert_eq!(resolve_country("NE").unwrap().name(), "Niger");
        assert_eq!(resolve_country("CI").unwrap().name(), "Côte d'Ivoire");
        assert_eq!(resolve_country("BF").unwrap().slug(), "burkina-faso");
        assert_eq!(resolve_country("CI").unwrap().slug(), "cote-d-ivoire");
        assert_eq!(resolve_country("Niger").unwrap().as_str(), "NE");
        assert_eq!(resolve_country("Nigeria").unwrap().as_str(), "NG");
    }

    #[test]
    fn no_country_keeps_an_awkward_iso_name() {
        for name in all_country_names() {
            assert!(!name.starts_with("The "), "{name}");
            for word in [" And ", " Of ", " The ", " Da "] {
                assert!(!name.contains(word), "{name}");
            }
        }
    }
}
