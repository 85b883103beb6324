//! The site in one language: the same facts, the words of that language.
//!
//! `localize` turns the index of the main language into the index a language
//! is rendered from: titles, summaries, bodies and correction notes from the
//! translations; group names from their profiles' translations; country names
//! from CLDR; free terms from the glossary. Nothing else changes: dates,
//! places, groups, figures and sources are the original's, so no two
//! languages can disagree on a fact. What has no translation is shown as
//! written, and marked as such (`Localized`).

use std::sync::Arc;

use foldhash::HashMap;
use rayon::prelude::*;

use crate::model::country::CountryNames;
use crate::model::{Briefing, Translation};

use super::translations::Translated;
use super::{SiteIndex, TermKind};

/// What an index in another language shows in the original language.
#[derive(Debug, Clone, Default)]
pub struct Localized {
    /// The language originals are written in: `en`.
    pub original: String,
    /// Briefings with no translation, by id: shown as written.
    pub briefings: Vec<bool>,
    /// Group profiles with no translation, by group id.
    pub groups: Vec<bool>,
    /// Country profiles with no translation, by country id.
    pub countries: Vec<bool>,
    /// Free pages with no translation, by position.
    pub pages: Vec<bool>,
    /// Each group's name in the original language, by group id (a briefing
    /// that writes it so did not use an alias).
    pub group_names: Vec<String>,
}

/// `index` (of the main language, `main`) in `language`, with its
/// translations `translated` (`None` for the main language itself, whose
/// country names still come from CLDR unless it is English).
pub fn localize(index: &SiteIndex, main: &str, language: &str, translated: Option<&Translated>) -> SiteIndex {
    let mut out = index.clone();
    out.translated = Default::default();
    let names = CountryNames::of(language);
    if !language.starts_with("en") {
        out.names_language = Some(language.to_string());
    }
    for (id, country) in out.countries.iter_mut().enumerate() {
        let keep = translated.is_none() && country.profile.as_ref().is_some_and(|p| p.name.is_some());
        if !keep
            && !language.starts_with("en")
            && let Some(name) = names.name(country.code)
        {
            country.name = name;
        }
        if let Some(t) = translated.and_then(|t| t.countries[id].as_deref())
            && let Some(profile) = &mut country.profile
        {
            profile.body = t.body.clone().with_pictures(profile.body.pictures.translated(&t.body.pictures));
        }
    }
    let Some(translated) = translated else {
        return out;
    };
    let terms = glossary(translated);
    let mut localized = Localized {
        original: main.to_string(),
        briefings: vec![false; index.briefings.len()],
        groups: vec![false; index.groups.len()],
        countries: index
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| c.profile.is_some() && translated.countries[i].is_none())
            .collect(),
        pages: vec![false; index.pages.len()],
        group_names: index.groups.iter().map(|g| g.name.clone()).collect(),
    };
    // Each briefing on its own: in parallel, as there are thousands.
    let changed: Vec<Option<Arc<Briefing>>> = index
        .briefings
        .par_iter()
        .enumerate()
        .map(|(id, b)| in_words(b, translated.briefings[id].as_deref(), &terms))
        .collect();
    for (id, l) in changed.into_iter().enumerate() {
        let t = translated.briefings[id].as_deref();
        localized.briefings[id] = t.is_none();
        if let Some(t) = t {
            let p = &mut out.publication[id];
            p.published = t.published.or(p.published);
            p.updated = t.updated.or(p.updated);
        }
        if let Some(l) = l {
            out.briefings[id] = l;
        }
    }
    out.tactics = out.tactics.iter().map(|t| term(&terms, t)).collect();
    // Regions are names of places: they stay as written.
    let mut named = out.terms.as_ref().clone();
    named.iter_mut().filter(|t| t.kind != TermKind::Region).for_each(|t| t.name = term(&terms, &t.name));
    out.terms = named.into();
    out.targets = out.targets.iter().map(|t| term(&terms, t)).collect();
    for (id, g) in out.groups.iter_mut().enumerate() {
        let Some(profile) = &mut g.profile else { continue };
        match translated.groups[id].as_deref() {
            Some(t) => {
                if let Some(name) = &t.name {
                    g.name = name.clone();
                    profile.name = name.clone();
                }
                if t.full_name.is_some() {
                    profile.full_name = t.full_name.clone();
                }
                profile.body = t.body.clone().with_pictures(profile.body.pictures.translated(&t.body.pictures));
            }
            None => localized.groups[id] = !profile.body.markdown.trim().is_empty(),
        }
    }
    for (id, page) in out.pages.iter_mut().enumerate() {
        match translated.pages[id].as_deref() {
            Some(t) => {
                page.title = t.title.clone().unwrap_or_else(|| page.title.clone());
                page.summary = t.summary.clone();
                page.body = t.body.clone().with_pictures(page.body.pictures.translated(&t.body.pictures));
            }
            None => localized.pages[id] = true,
        }
    }
    out.localized = Some(localized);
    out
}

/// Briefing `b` in the words of its translation `t` and of the glossary
/// `terms`; `None` when nothing of it is in other words.
fn in_words(b: &Briefing, t: Option<&Translation>, terms: &HashMap<String, String>) -> Option<Arc<Briefing>> {
    let mapped = |list: &[String]| -> Option<Vec<String>> {
        if terms.is_empty() || !list.iter().any(|t| terms.contains_key(&t.to_lowercase())) {
            return None;
        }
        Some(list.iter().map(|t| term(terms, t)).collect())
    };
    let (targets, tactics, tags) = (mapped(&b.targets), mapped(&b.tactics), mapped(&b.tags));
    if t.is_none() && targets.is_none() && tactics.is_none() && tags.is_none() {
        // Nothing of it is in other words: the main language's briefing as is.
        return None;
    }
    let targets = targets.unwrap_or_else(|| b.targets.clone());
    let tactics = tactics.unwrap_or_else(|| b.tactics.clone());
    let tags = tags.unwrap_or_else(|| b.tags.clone());
    let mut l: Briefing = b.clone();
    l.origin.fingerprint = crate::render::fingerprint::of_hash(&(
        l.origin.fingerprint,
        t.map(|t| t.origin.fingerprint),
        (&targets, &tactics, &tags),
    ));
    (l.targets, l.tactics, l.tags) = (targets, tactics, tags);
    if let Some(t) = t {
        words_of_briefing(&mut l, t);
    }
    Some(Arc::new(l))
}

/// A briefing's words from its translation `t`.
fn words_of_briefing(b: &mut Briefing, t: &Translation) {
    if let Some(title) = &t.title {
        b.title = title.clone();
    }
    b.summary = t.summary.clone();
    b.body = t.body.clone().with_pictures(b.body.pictures.translated(&t.body.pictures));
    b.draft |= t.draft;
    b.origin.path = t.origin.path.clone();
    for c in &mut b.corrections {
        if let Some(note) = t.corrections.iter().find(|n| n.date == c.date) {
            c.note = note.note.clone();
        }
    }
}

/// Free term `t` in the glossary's words (`terms`, keyed in lower case), or as written.
fn term(terms: &HashMap<String, String>, t: &str) -> String {
    terms.get(&t.to_lowercase()).cloned().unwrap_or_else(|| t.to_string())
}

/// The glossary of `translated`, keyed by the term in lower case.
fn glossary(translated: &Translated) -> HashMap<String, String> {
    let mut terms = HashMap::default();
    if let Some(g) = &translated.glossary {
        for (term, words) in &g.terms {
            terms.insert(term.to_lowercase(), words.clone());
        }
    }
    terms
}
