//! The words readers see, in one language, from the theme's translation
//! table (`themes/<name>/i18n/<language>.ftl`, Project Fluent syntax).
//!
//! Rust never writes a reader-visible word itself: figures ("at least 70",
//! "up to 200"), who was counted, and every other phrase built from data are
//! formatted here, through the theme's table, with numbers grouped the
//! language's way (`1,234`, `1 234`). Fluent's plural rules pick the right
//! form of a phrase for each number. A key the table lacks is an error that
//! names the key and the language.

use std::borrow::Cow;
use std::path::PathBuf;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::model::{Amount, IncidentDate, Who};
use crate::theme::Theme;

/// The word of every value of the fixed lists (`event-attack`,
/// `claim-claimed`...): Rust asks for them through `Words::label`.
pub fn label_keys() -> Vec<String> {
    labels().into_iter().map(|(list, value)| label_key(list, value)).collect()
}

/// The key of the word for `value` of the fixed list `list`.
fn label_key(list: &str, value: &str) -> String {
    format!("{list}-{}", value.replace(' ', "-"))
}

/// Every value of the fixed lists, with its list.
fn labels() -> Vec<(&'static str, &'static str)> {
    use crate::model::{CasualtyKind, Claim, EventType, GeoPrecision, GroupKind, Role};
    let mut keys = Vec::new();
    let mut add = |list: &'static str, values: &mut dyn Iterator<Item = &'static str>| {
        keys.extend(values.map(|v| (list, v)));
    };
    add("event", &mut EventType::ALL.iter().map(|e| e.slug()));
    add("casualty", &mut CasualtyKind::ALL.iter().map(|k| k.as_str()));
    add("precision", &mut GeoPrecision::ALL.iter().map(|p| p.as_str()));
    add("role", &mut Role::ALL.iter().map(|r| r.as_str()));
    add("claim", &mut Claim::ALL.iter().filter(|c| **c != Claim::None).map(|c| c.as_str()));
    add("group-kind", &mut GroupKind::ALL.iter().map(|k| k.as_str()));
    add("group-kinds", &mut GroupKind::ALL.iter().map(|k| k.as_str()));
    keys
}

/// Every key Rust asks the table for; checked when the table is loaded, so a
/// missing one is reported once, before any page is rendered.
pub const REQUIRED: &[&str] = &[
    "amount-exact",
    "amount-between",
    "amount-at-least",
    "amount-up-to",
    "amount-not-reported",
    "who-security-forces",
    "who-civilians",
    "who-militants",
    "who-unknown",
    "who-part",
    "chart-title",
    "chart-description",
    "chart-incidents-heading",
    "chart-killed-heading",
    "feed-title-site",
    "feed-title-group",
    "feed-title-country",
    "data-title-site",
    "data-title-group",
    "data-title-country",
    "month-not-known",
    "subject-all-incidents",
    "group-description",
    "country-description",
    "map-title",
    "map-description",
    "map-title-briefing",
    "map-description-briefing",
    "map-point-one",
    "map-cluster",
    "map-scale",
    "month-name",
    "month-short",
    "date-day",
    "date-month",
    "date-range-same-month",
    "date-range-same-year",
    "date-range",
    "language-name",
    "og-locale",
    "coordinates",
    "compass-north",
    "compass-south",
    "compass-east",
    "compass-west",
    "feed-name",
    "page-title-groups",
    "page-description-groups",
    "page-title-countries",
    "page-description-countries",
    "page-title-chronology",
    "page-description-chronology",
    "page-title-year",
    "page-description-year",
    "page-title-corrections",
    "page-description-corrections",
    "page-title-data",
    "page-description-data",
    "page-title-explorer",
    "page-description-explorer",
    "page-title-404",
    "explorer-killed",
    "explorer-incident",
    "explorer-incidents",
    "explorer-development",
    "explorer-developments",
    "explorer-of",
    "explorer-show-more",
    "explorer-not-on-site",
];

/// One language's words.
pub struct Words {
    language: String,
    bundle: FluentBundle<FluentResource>,
    fingerprint: u64,
    /// Figures already written out: a site repeats a few thousand of them
    /// many times, and Fluent takes microseconds for each.
    amounts: std::sync::RwLock<std::collections::HashMap<Amount, String>>,
    /// The words for who was counted, in `Who::ALL` order.
    who: Vec<String>,
    /// Every entry that takes no argument, written out once.
    plain: foldhash::HashMap<String, String>,
    /// The word of every value of the fixed lists, by list and value.
    labels: foldhash::HashMap<(&'static str, &'static str), String>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words").field("language", &self.language).finish_non_exhaustive()
    }
}

/// Arguments of a phrase: name and value.
pub type Args<'a> = &'a [(&'a str, Value<'a>)];

/// A value put into a phrase.
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    /// A count: written the language's way, and chooses plural forms.
    Number(u64),
    /// Text, as is.
    Text(&'a str),
}

impl Words {
    /// Loads the table of `language` from `theme`; `None` (with diagnostics)
    /// when it is missing, does not parse, or lacks a key in `REQUIRED`.
    pub fn load(theme: &Theme, language: &str, diags: &mut Diagnostics) -> Option<Words> {
        let Some((path, text)) = theme.translation(language) else {
            diags.push(
                Diagnostic::error(
                    "missing-translation",
                    theme.origin.join("i18n").join(format!("{language}.ftl")),
                    format!("the theme has no translation table for language `{language}`"),
                )
                .hint("add i18n/<language>.ftl to the theme (copy en.ftl from the default theme and translate it)"),
            );
            return None;
        };
        let resource = match FluentResource::try_new(text.to_string()) {
            Ok(r) => r,
            Err((_, errors)) => {
                for e in errors {
                    let line = text[..e.pos.start.min(text.len())].matches('\n').count() + 1;
                    diags.push(
                        Diagnostic::error("translation-syntax", &path, format!("cannot read this entry: {}", e.kind))
                            .at(Span::new(line, 1))
                            .hint("entries are `key = text`; see https://projectfluent.org/fluent/guide/"),
                    );
                }
                return None;
            }
        };
        let lang: LanguageIdentifier = language.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_number));
        if bundle.add_resource(resource).is_err() {
            diags.push(
                Diagnostic::error("translation-syntax", &path, "a key is defined twice").hint("keep one entry per key"),
            );
            return None;
        }
        let fingerprint = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (language, text).hash(&mut h);
            h.finish()
        };
        let mut words = Words {
            language: language.to_string(),
            bundle,
            fingerprint,
            amounts: Default::default(),
            who: Vec::new(),
            plain: Default::default(),
            labels: Default::default(),
        };
        words.plain = words.plain_entries(text);
        words.labels = labels().into_iter().map(|(l, v)| ((l, v), words.phrase(&label_key(l, v), &[]))).collect();
        words.who = Who::ALL
            .iter()
            .map(|w| {
                let key = match w {
                    Who::SecurityForces => "who-security-forces",
                    Who::Civilians => "who-civilians",
                    Who::Militants => "who-militants",
                    Who::Unknown => "who-unknown",
                };
                words.phrase(key, &[])
            })
            .collect();
        let data_keys = super::data::keys();
        let missing = words.missing(REQUIRED.iter().copied(), &path, diags)
            | words.missing(data_keys.iter().map(String::as_str), &path, diags)
            | words.missing(label_keys().iter().map(String::as_str), &path, diags)
            | words.missing_in_templates(&theme.templates, &path, diags);
        (!missing).then_some(words)
    }

    /// The entries of `text` that need no argument, written out.
    fn plain_entries(&self, text: &str) -> foldhash::HashMap<String, String> {
        let mut plain = foldhash::HashMap::default();
        for line in text.lines() {
            let Some((key, _)) = line.split_once('=') else { continue };
            let key = key.trim();
            if key.is_empty() || key.starts_with(['#', '-', '.', '[', '*']) || line.starts_with(' ') {
                continue;
            }
            let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else { continue };
            let mut errors = Vec::new();
            let text = self.bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                plain.insert(key.to_string(), text.into_owned());
            }
        }
        plain
    }

    /// Reports each of `keys` the table lacks; true when one is missing.
    pub fn missing<'k>(&self, keys: impl Iterator<Item = &'k str>, path: &PathBuf, diags: &mut Diagnostics) -> bool {
        let mut any = false;
        for key in keys {
            if !self.bundle.has_message(key) {
                any = true;
                diags.push(
                    Diagnostic::error(
                        "missing-translation",
                        path,
                        format!("the `{}` translation table has no entry `{key}`", self.language),
                    )
                    .hint(format!("add `{key} = ...` to it (the default theme's en.ftl has every entry)")),
                );
            }
        }
        any
    }

    /// The language code: `en`.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// A hash of the language and its table: equal words, equal fingerprints.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The phrase `key` with `args` (the key itself if it is missing, which
    /// `load` has already reported for every key Rust uses).
    pub fn phrase(&self, key: &str, args: Args<'_>) -> String {
        if args.is_empty()
            && let Some(text) = self.plain.get(key)
        {
            return text.clone();
        }
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Value::Number(n) => fluent_args.set(*name, FluentValue::from(*n as f64)),
                Value::Text(t) => fluent_args.set(*name, FluentValue::String(Cow::Borrowed(t))),
            }
        }
        let mut errors = Vec::new();
        self.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
    }

    /// The phrase `key` with arguments given as template values: numbers
    /// are counts (grouped the language's way, choosing plural forms),
    /// anything else is text.
    pub fn phrase_of(&self, key: &str, args: &[(&str, &tera::Value)]) -> String {
        let texts: Vec<(&str, String)> = args
            .iter()
            .filter(|(_, v)| v.as_u64().is_none())
            .map(|(name, v)| (*name, v.as_str().map_or_else(|| v.to_string(), str::to_string)))
            .collect();
        let mut values: Vec<(&str, Value<'_>)> = Vec::with_capacity(args.len());
        for (name, v) in args {
            if let Some(n) = v.as_u64() {
                values.push((name, Value::Number(n)));
            }
        }
        for (name, text) in &texts {
            values.push((name, Value::Text(text)));
        }
        self.phrase(key, &values)
    }

    /// The template function `t(key="...", name=value...)`: the phrase `key`
    /// of this language with the other arguments. A theme's phrase is HTML
    /// (it may hold `<a href="{ $data }">`), its arguments are text: each is
    /// escaped before it goes in, and the phrase comes out marked safe, so a
    /// site title or an address never becomes markup, with or without `| safe`.
    pub fn template_function(
        words: std::sync::Arc<Words>,
    ) -> impl Fn(tera::Kwargs, &tera::State) -> tera::TeraResult<tera::Value> + Send + Sync + 'static {
        move |kwargs: tera::Kwargs, _: &tera::State| {
            let key: String = kwargs.must_get("key")?;
            let args: Vec<(&str, &tera::Value)> = kwargs
                .iter()
                .filter(|(k, _)| k.as_str() != Some("key"))
                .filter_map(|(k, v)| Some((k.as_str()?, v)))
                .collect();
            let escaped: Vec<(&str, tera::Value)> = args
                .iter()
                .map(|(k, v)| match v.as_str() {
                    Some(text) => (*k, tera::Value::from(crate::escape::html(text).as_ref())),
                    None => (*k, (*v).clone()),
                })
                .collect();
            let args: Vec<(&str, &tera::Value)> = escaped.iter().map(|(k, v)| (*k, v)).collect();
            Ok(tera::Value::safe_string(&words.phrase_of(&key, &args)))
        }
    }

    /// Every entry that needs no argument, for templates as `w`: under its
    /// key with `_` for `-` (`w.nav_chronology` is `nav-chronology`). A plain
    /// look-up, much cheaper than a call of `t()` on every page.
    pub fn plain_words(&self) -> std::collections::BTreeMap<String, String> {
        self.plain.iter().map(|(k, v)| (k.replace('-', "_"), v.clone())).collect()
    }

    /// Every key the templates name (`w.key` and `t(key="...")`) that the
    /// table lacks, reported as errors naming the key and the language;
    /// true when one is missing.
    pub fn missing_in_templates(
        &self,
        templates: &[(String, String)],
        path: &PathBuf,
        diags: &mut Diagnostics,
    ) -> bool {
        let mut keys: Vec<String> = Vec::new();
        for (_, text) in templates {
            keys.extend(template_keys(text));
        }
        keys.sort_unstable();
        keys.dedup();
        let mut any = false;
        for key in &keys {
            let plain = key.strip_prefix("w.");
            let wanted = plain.map_or(key.as_str(), |k| k);
            let found = match plain {
                // `w.` names an entry without arguments, with `_` for `-`.
                Some(k) => self.plain.contains_key(&k.replace('_', "-")),
                None => self.bundle.has_message(wanted),
            };
            if !found {
                any = true;
                let hint = match plain {
                    Some(k) => format!(
                        "add `{} = ...` (an entry without arguments) to it (the default theme's table has every entry)",
                        k.replace('_', "-")
                    ),
                    None => format!("add `{wanted} = ...` to it (the default theme's table has every entry)"),
                };
                diags.push(
                    Diagnostic::error(
                        "missing-translation",
                        path,
                        format!(
                            "the `{}` translation table has no entry `{}` (named by a template)",
                            self.language,
                            plain.map_or(wanted.to_string(), |k| k.replace('_', "-"))
                        ),
                    )
                    .hint(hint),
                );
            }
        }
        any
    }

    /// The word for a value of a fixed list (`event`, `attack`): the entry
    /// `event-attack`, spaces made hyphens.
    pub fn label(&self, list: &'static str, value: &'static str) -> String {
        self.label_text(list, value).into_owned()
    }

    /// [`Words::label`], borrowed from the table (for lists of many rows).
    pub fn label_text(&self, list: &'static str, value: &'static str) -> std::borrow::Cow<'_, str> {
        match self.labels.get(&(list, value)) {
            Some(text) => std::borrow::Cow::Borrowed(text),
            None => std::borrow::Cow::Owned(self.phrase(&label_key(list, value), &[])),
        }
    }

    /// Coordinates as the language writes them: `12.64° N, 8.00° W`, `12,64° N, 8,00° O`.
    pub fn coordinates(&self, lat: f64, lon: f64) -> String {
        let decimal = |x: f64| {
            let text = format!("{:.2}", x.abs());
            if decimal_comma(&self.language) { text.replace('.', ",") } else { text }
        };
        let (lat_text, lon_text) = (decimal(lat), decimal(lon));
        let ns = self.phrase(if lat >= 0.0 { "compass-north" } else { "compass-south" }, &[]);
        let ew = self.phrase(if lon >= 0.0 { "compass-east" } else { "compass-west" }, &[]);
        self.phrase(
            "coordinates",
            &[
                ("lat", Value::Text(&lat_text)),
                ("ns", Value::Text(&ns)),
                ("lon", Value::Text(&lon_text)),
                ("ew", Value::Text(&ew)),
            ],
        )
    }

    /// A number written the language's way: `1,234`, `1 234`.
    pub fn number(&self, n: u64) -> String {
        group(n, separator(&self.language))
    }

    /// A figure as readers read it: `70`, `70–77`, `at least 70`, `up to 200`, `not reported`.
    pub fn amount(&self, amount: Amount) -> String {
        if let Some(text) = self.amounts.read().unwrap_or_else(|e| e.into_inner()).get(&amount) {
            return text.clone();
        }
        let text = self.write_amount(amount);
        self.amounts.write().unwrap_or_else(|e| e.into_inner()).insert(amount, text.clone());
        text
    }

    fn write_amount(&self, amount: Amount) -> String {
        let n = Value::Number;
        match amount {
            Amount::NotReported => self.phrase("amount-not-reported", &[]),
            Amount::Exact(x) => self.phrase("amount-exact", &[("n", n(x))]),
            Amount::Between(l, h) => self.phrase("amount-between", &[("low", n(l)), ("high", n(h))]),
            Amount::AtLeast(l) => self.phrase("amount-at-least", &[("low", n(l))]),
            Amount::UpTo(h) => self.phrase("amount-up-to", &[("high", n(h))]),
        }
    }

    /// A date as readers read it: `17 September 2024`, `September 2024`
    /// when only the month is known, `2024` when only the year is.
    pub fn date(&self, date: &IncidentDate) -> String {
        self.date_with(date, "month-name")
    }

    /// The short form for lists: `17 Sep 2024`, `Sep 2024`, `2024`.
    pub fn date_short(&self, date: &IncidentDate) -> String {
        self.date_with(date, "month-short")
    }

    /// A day: `17 September 2024`.
    pub fn day(&self, day: jiff::civil::Date) -> String {
        self.date(&IncidentDate::Day(day))
    }

    /// A month: `September 2024`.
    pub fn month(&self, year: i16, month: i8) -> String {
        self.date(&IncidentDate::Month { year, month })
    }

    /// An incident's dates: `17–18 September 2024`, `30 September – 2
    /// October 2024`, `September – October 2024`, or the one date.
    pub fn date_range(&self, start: &IncidentDate, end: Option<&IncidentDate>) -> String {
        let Some(end) = end.filter(|e| *e != start) else {
            return self.date(start);
        };
        let year = start.year().to_string();
        match (start, end) {
            (IncidentDate::Day(a), IncidentDate::Day(b)) if a.year() == b.year() && a.month() == b.month() => {
                let month = self.month_word(a.month(), "month-name");
                self.phrase(
                    "date-range-same-month",
                    &[
                        ("first", Value::Number(a.day() as u64)),
                        ("last", Value::Number(b.day() as u64)),
                        ("month", Value::Text(&month)),
                        ("year", Value::Text(&year)),
                    ],
                )
            }
            (IncidentDate::Day(a), IncidentDate::Day(b)) if a.year() == b.year() => {
                let month = self.month_word(a.month(), "month-name");
                let last = self.date(end);
                self.phrase(
                    "date-range-same-year",
                    &[
                        ("first", Value::Number(a.day() as u64)),
                        ("month", Value::Text(&month)),
                        ("last", Value::Text(&last)),
                    ],
                )
            }
            _ => {
                let (first, last) = (self.date(start), self.date(end));
                self.phrase("date-range", &[("first", Value::Text(&first)), ("last", Value::Text(&last))])
            }
        }
    }

    /// `date` with month names from `names` (`month-name` or `month-short`).
    fn date_with(&self, date: &IncidentDate, names: &str) -> String {
        // The year is text: a number would be grouped (`2,024`).
        let year = date.year().to_string();
        let Some(m) = date.month() else { return year };
        let month = self.month_word(m, names);
        match date.day() {
            Some(day) => self.phrase(
                "date-day",
                &[("day", Value::Number(day as u64)), ("month", Value::Text(&month)), ("year", Value::Text(&year))],
            ),
            None => self.phrase("date-month", &[("month", Value::Text(&month)), ("year", Value::Text(&year))]),
        }
    }

    /// Month `m` (1 to 12) from table entry `names`.
    fn month_word(&self, m: i8, names: &str) -> String {
        self.phrase(names, &[("month", Value::Number(m.clamp(1, 12) as u64))])
    }

    /// Who was counted: `civilians`, `security forces`...
    pub fn who(&self, who: Who) -> String {
        self.who[who.index()].clone()
    }

    /// One part of a split figure: `civilians: up to 200`.
    pub fn who_part(&self, who: Who, amount: Amount) -> String {
        let (who, amount) = (self.who(who), self.amount(amount));
        self.phrase("who-part", &[("who", Value::Text(&who)), ("amount", Value::Text(&amount))])
    }
}

/// The keys a template names: `w.nav_chronology` (kept with its `w.`) and
/// `t(key="count-incidents", ...)`.
fn template_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("t(key=\"") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + 7..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        if let Some(end) = rest.find('"') {
            keys.push(rest[..end].to_string());
        }
    }
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices("w.") {
        let before = if i == 0 { None } else { Some(bytes[i - 1]) };
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.') {
            continue;
        }
        let name: String =
            text[i + 2..].chars().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_').collect();
        if !name.is_empty() {
            keys.push(format!("w.{name}"));
        }
    }
    keys
}

/// The digit-group separator of a language (CLDR): a comma in English, a
/// narrow no-break space in French.
fn separator(language: &str) -> &'static str {
    match language.split(['-', '_']).next().unwrap_or(language) {
        "fr" => "\u{202F}",
        "de" | "es" | "it" | "pt" | "nl" | "id" | "tr" => ".",
        "ru" | "uk" | "pl" | "cs" | "sv" | "nb" | "fi" => "\u{00A0}",
        _ => ",",
    }
}

/// True for languages that write a decimal comma (CLDR): French, German...
fn decimal_comma(language: &str) -> bool {
    matches!(
        language.split(['-', '_']).next().unwrap_or(language),
        "fr" | "de" | "es" | "it" | "pt" | "nl" | "id" | "tr" | "ru" | "uk" | "pl" | "cs" | "sv" | "nb" | "fi"
    )
}

/// `12345` -> `12,345` with separator `sep`.
fn group(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// The group separator of a language, memoized per bundle.
struct Grouping(&'static str);

impl Memoizable for Grouping {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(Grouping(separator(lang.language.as_str())))
    }
}

/// Fluent's number formatter: whole numbers grouped the bundle language's way.
fn format_number(value: &FluentValue<'_>, memo: &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    if n.value < 0.0 || n.value.fract() != 0.0 || n.value > u64::MAX as f64 {
        return None;
    }
    memo.with_try_get::<Grouping, _, _>((), |g| group(n.value as u64, g.0)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Words {
        let mut d = Diagnostics::new();
        let w = Words::load(&crate::theme::builtin(), "en", &mut d);
        assert!(!d.has_errors(), "{d:?}");
        w.unwrap()
    }

    #[test]
    fn figures_read_as_writers_would_say_them() {
        let w = english();
        assert_eq!(w.amount(Amount::Exact(70)), "70");
        assert_eq!(w.amount(Amount::Between(1234, 5000)), "1,234–5,000");
        assert_eq!(w.amount(Amount::AtLeast(200)), "at least 200");
        assert_eq!(w.amount(Amount::UpTo(200)), "up to 200");
        assert_eq!(w.amount(Amount::NotReported), "not reported");
        assert_eq!(w.who_part(Who::Civilians, Amount::UpTo(200)), "civilians: up to 200");
    }

    fn french() -> Words {
        let mut d = Diagnostics::new();
        let w = Words::load(&crate::theme::builtin(), "fr", &mut d);
        assert!(!d.has_errors(), "{d:?}");
        w.unwrap()
    }

    fn date(text: &str) -> IncidentDate {
        IncidentDate::parse(text).unwrap()
    }

    #[test]
    fn dates_read_the_languages_way() {
        let (en, fr) = (english(), french());
        assert_eq!(en.date(&date("2024-09-17")), "17 September 2024");
        assert_eq!(en.date(&date("2024-09")), "September 2024");
        assert_eq!(en.date(&date("2024")), "2024");
        assert_eq!(en.date_short(&date("2024-09-17")), "17 Sep 2024");
        assert_eq!(en.date_short(&date("2024-09")), "Sep 2024");
        assert_eq!(en.date_range(&date("2024-09-17"), Some(&date("2024-09-18"))), "17–18 September 2024");
        assert_eq!(en.date_range(&date("2024-09-30"), Some(&date("2024-10-02"))), "30 September – 2 October 2024");
        assert_eq!(en.date_range(&date("2024-12-30"), Some(&date("2025-01-02"))), "30 December 2024 – 2 January 2025");
        assert_eq!(en.date_range(&date("2024-09-17"), Some(&date("2024-09-17"))), "17 September 2024");
        assert_eq!(fr.date(&date("2024-09-17")), "17 septembre 2024");
        assert_eq!(fr.date(&date("2024-08-01")), "1er août 2024");
        assert_eq!(fr.date(&date("2024-09")), "septembre 2024");
        assert_eq!(fr.date_short(&date("2024-02-03")), "3 févr. 2024");
        assert_eq!(fr.date_range(&date("2024-09-17"), Some(&date("2024-09-18"))), "17–18 septembre 2024");
        assert_eq!(fr.amount(Amount::AtLeast(70)), "au moins 70");
        assert_eq!(fr.amount(Amount::UpTo(1234)), "jusqu'à 1\u{202F}234");
    }

    #[test]
    fn templates_name_their_keys_as_w_dot_or_through_t() {
        let keys = template_keys(
            r#"{{ w.nav_chronology }} {{ row.title }} {{ t(key="count-incidents", n=1) }} {{ at(key="x") }}"#,
        );
        assert_eq!(keys, ["count-incidents", "w.nav_chronology"]);
    }

    #[test]
    fn numbers_are_grouped_the_languages_way() {
        assert_eq!(group(1234567, ","), "1,234,567");
        assert_eq!(group(999, ","), "999");
        assert_eq!(group(1234, separator("fr")), "1\u{202F}234");
    }

    #[test]
    fn a_missing_table_or_key_is_an_error_naming_them() {
        let mut theme = crate::theme::builtin();
        theme.origin = "themes/mine".into();
        let mut d = Diagnostics::new();
        assert!(Words::load(&theme, "xx", &mut d).is_none());
        assert!(d.iter().any(|x| x.message.contains("language `xx`")), "{d:?}");
        theme.translations = vec![("en.ftl".into(), "amount-exact = { $n }\n".into())];
        let mut d = Diagnostics::new();
        assert!(Words::load(&theme, "en", &mut d).is_none());
        assert!(d.iter().any(|x| x.message.contains("no entry `amount-up-to`")), "{d:?}");
    }
}
