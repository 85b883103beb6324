//! A desk publishing in English and French from one set of facts: the
//! French pages carry the translations' words and the originals' facts, in a
//! French interface; what is not translated yet is shown as written, marked.

use crate::support::{Pages, SiteTest};

/// The fixture desk with French added: the Bamako briefing, the JNIM profile
/// and the methodology translated, a glossary, and Kati left untranslated.
fn bilingual() -> SiteTest {
    let t = SiteTest::fixture("sahel");
    t.write(
        "site.yaml",
        "title: Test Desk\nbase_url: https://example.org/sahel/\nlanguage: en\nlanguages:\n  fr:\n    title: Bureau d'essai\n    description: Un site de test.\n",
    );
    t.write(
        "content/briefings/2024/bamako.fr.md",
        "---\ntitle: Le GSIM frappe l'école de gendarmerie de Bamako\nsummary: Un assaut coordonné contre la capitale.\n---\nL'attaque visait [Kati](@/briefings/kati.md) aussi.\n",
    );
    t.write(
        "content/groups/jnim.fr.md",
        "---\nname: GSIM\nfull_name: Groupe de soutien à l'islam et aux musulmans\n---\nLe GSIM est la branche sahélienne d'al-Qaïda.\n",
    );
    t.write("content/pages/methodology.fr.md", "---\ntitle: Méthodologie\n---\nChaque chiffre garde sa source.\n");
    t.write("content/glossary.fr.yaml", "small arms: armes légères\ngendarmerie school: école de gendarmerie\n");
    t
}

#[test]
fn a_translated_briefing_reads_in_french_with_the_originals_facts() {
    let t = bilingual();
    let built = t.build();
    let page = built.source("fr/briefings/bamako/");
    assert!(page.starts_with("<!doctype html>\n<html lang=\"fr\">"), "{}", &page[..80]);
    assert_eq!(built.texts("fr/briefings/bamako/", "h1"), ["Le GSIM frappe l'école de gendarmerie de Bamako"]);
    let text = built.text("fr/briefings/bamako/");
    // Dates, figures and names the French way; the facts are the original's.
    assert!(text.contains("17–18 septembre 2024"), "{text}");
    assert!(text.contains("70–77") && text.contains("au moins 200"), "{text}");
    assert!(text.contains("armes légères") && !text.contains("small arms"), "{text}");
    assert!(text.contains("Publié le 19 septembre 2024"), "{text}");
    assert!(!text.contains("September"), "{text}");
    // The group's translated name, linked to its French page.
    assert!(
        built.attrs("fr/briefings/bamako/", ".actor-list a", "href").contains(&"/sahel/fr/groups/jnim/".to_string())
    );
    assert!(built.texts("fr/briefings/bamako/", ".actor-list a").contains(&"GSIM".to_string()));
    // No notice: it is translated.
    assert!(built.texts("fr/briefings/bamako/", ".translation-note").is_empty());
    // Its body's links lead to the French pages.
    assert!(
        built.attrs("fr/briefings/bamako/", ".prose a", "href").contains(&"/sahel/fr/briefings/kati-2022/".to_string())
    );
    // The English page is untouched.
    assert_eq!(built.texts("briefings/bamako/", "h1"), ["JNIM strikes gendarmerie school in Bamako"]);
    assert!(built.text("briefings/bamako/").contains("small arms"));
}

#[test]
fn an_untranslated_briefing_is_shown_as_written_marked_with_its_language() {
    let t = bilingual();
    let built = t.build();
    let html = built.source("fr/briefings/kati-2022/");
    assert_eq!(built.texts("fr/briefings/kati-2022/", "h1[lang=en]"), ["JNIM attacks the Kati base"]);
    assert_eq!(built.attrs("fr/briefings/kati-2022/", ".prose", "lang"), ["en"]);
    let notice = built.texts("fr/briefings/kati-2022/", ".translation-note").join(" ");
    assert!(notice.contains("pas encore été traduit") && notice.contains("English"), "{notice}");
    // ... inside a French interface.
    assert!(html.contains(">Chronologie</a>") && html.contains("Incident suivant"), "{html}");
    assert!(built.text("fr/briefings/kati-2022/").contains("22 juillet 2022"));
    // In lists, its title is marked too.
    let lists = built.html("fr/chronology/2022/");
    let sel = scraper::Selector::parse("h3.incident-title a[lang=en]").unwrap();
    assert_eq!(lists.select(&sel).count(), 1);
}

#[test]
fn every_page_has_its_alternates_and_a_switcher_to_the_same_page() {
    let t = bilingual();
    let built = t.build();
    for (page, lang) in [("briefings/bamako/", "en"), ("fr/briefings/bamako/", "fr"), ("fr/groups/jnim/", "fr")] {
        let hreflang = built.attrs(page, "link[rel=alternate][hreflang]", "hreflang");
        assert_eq!(hreflang, ["en", "fr", "x-default"], "{page}");
        let locale = built.attrs(page, "meta[property='og:locale']", "content");
        assert_eq!(locale, [if lang == "fr" { "fr_FR" } else { "en_GB" }], "{page}");
    }
    assert_eq!(
        built.attrs("fr/briefings/bamako/", "link[rel=alternate][hreflang=en]", "href"),
        ["https://example.org/sahel/briefings/bamako/"]
    );
    assert_eq!(built.attrs("briefings/bamako/", ".language-switch a", "href"), ["/sahel/fr/briefings/bamako/"]);
    assert_eq!(built.attrs("fr/chronology/", ".language-switch a", "href"), ["/sahel/chronology/"]);
    // Every page exists in both languages, at the same path.
    for page in ["", "groups/", "countries/mali/", "chronology/", "explorer/", "data/", "corrections/", "methodology/"]
    {
        assert!(built.has(page) && built.has(&format!("fr/{page}")), "{page}");
    }
    assert!(built.source("fr/404.html").contains("Page introuvable"));
}

#[test]
fn profiles_and_country_names_are_in_each_language() {
    let t = bilingual();
    let built = t.build();
    assert_eq!(built.texts("fr/groups/jnim/", "h1"), ["GSIM"]);
    assert_eq!(built.texts("fr/groups/jnim/", ".full-name"), ["Groupe de soutien à l'islam et aux musulmans"]);
    assert_eq!(built.texts("groups/jnim/", "h1"), ["JNIM"]);
    // Country names from CLDR: Côte d'Ivoire, where JNIM is active.
    let active = built.text("fr/groups/jnim/");
    assert!(active.contains("Côte d’Ivoire"), "{active}");
    assert!(built.text("groups/jnim/").contains("Côte d'Ivoire"));
    // Maps name the neighbours in the page's language.
    let names = built.texts("fr/countries/mali/", ".map-label-country");
    assert!(names.contains(&"Mauritanie".to_string()) && names.contains(&"Mali".to_string()), "{names:?}");
    assert!(built.texts("countries/mali/", ".map-label-country").contains(&"Mauritania".to_string()));
    // Both languages show the one outline file at the root.
    assert!(built.has("maps/world.svg") && !built.has("fr/maps/world.svg"));
    assert!(built.attrs("fr/countries/mali/", "svg.map use", "href")[0].ends_with("/maps/world.svg#world"));
    assert!(!built.attrs("fr/countries/mali/", "svg.map use", "href")[0].contains("/fr/"));
    // The free page: translated title in the navigation; the untranslated one marked.
    assert_eq!(built.texts("fr/methodology/", "h1"), ["Méthodologie"]);
    assert_eq!(built.attrs("fr/about/", "h1", "lang"), ["en"]);
}

#[test]
fn feeds_are_per_language_and_the_sitemap_lists_every_language() {
    let t = bilingual();
    let built = t.build();
    let feed = built.source("fr/atom.xml");
    assert!(
        feed.contains("xml:lang=\"fr\"")
            || feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\""),
        "{feed}"
    );
    assert!(feed.contains("Bureau d&apos;essai") || feed.contains("Bureau d'essai"), "{feed}");
    assert!(feed.contains("https://example.org/sahel/fr/briefings/bamako/"), "{feed}");
    assert!(feed.contains("Le GSIM frappe"), "{feed}");
    assert!(built.has("fr/groups/jnim/atom.xml") && built.has("fr/countries/mali/atom.xml"));
    let sitemap = built.source("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/sahel/fr/briefings/bamako/</loc>"), "{sitemap}");
    assert!(
        sitemap.contains(
            "<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/sahel/fr/briefings/bamako/\"/>"
        ),
        "{sitemap}"
    );
    assert!(!built.has("fr/sitemap.xml"));
}

#[test]
fn downloads_are_shared_and_the_french_explorer_reads_french_data() {
    let t = bilingual();
    let built = t.build();
    assert!(built.has("data/incidents.csv") && !built.has("fr/data/incidents.csv"));
    let links = built.attrs("fr/data/", ".download-list a", "href");
    assert!(links.contains(&"/sahel/data/incidents.csv".to_string()), "{links:?}");
    let data = built.attrs("fr/explorer/", "#sr-explorer", "data-incidents");
    assert_eq!(data, ["/sahel/fr/explorer/incidents-1.json"]);
    let json: serde_json::Value = serde_json::from_str(&built.source("fr/explorer/incidents-1.json")).unwrap();
    let titles: Vec<&str> = json["incidents"].as_array().unwrap().iter().filter_map(|i| i["title"].as_str()).collect();
    assert!(titles.contains(&"Le GSIM frappe l'école de gendarmerie de Bamako"), "{titles:?}");
    // The English explorer reads its own English copy, linking from the site's root.
    let json: serde_json::Value = serde_json::from_str(&built.source("explorer/incidents-1.json")).unwrap();
    let bamako = json["incidents"].as_array().unwrap().iter().find(|i| i["url"] == "/sahel/briefings/bamako/");
    assert_eq!(bamako.unwrap()["title"], "JNIM strikes gendarmerie school in Bamako");
    // The shared download stays in the main language.
    assert!(built.source("data/incidents.json").contains("JNIM strikes gendarmerie school in Bamako"));
    // The explorer's own words are French.
    assert!(built.source("fr/explorer/").contains("\"no_perpetrator\":\"Aucun auteur désigné\""));
}

#[test]
fn facts_in_a_translation_and_translations_of_nothing_are_errors_all_at_once() {
    let t = bilingual();
    t.write(
        "content/briefings/kati.fr.md",
        "---\ntitle: Le GSIM attaque Kati\ndate: 2022-07-23\ncountries: [ML]\n---\nTexte.\n",
    );
    t.write("content/briefings/gone.fr.md", "---\ntitle: Rien\n---\n");
    t.write("content/briefings/niger.de.md", "---\ntitle: Niger\n---\n");
    t.write(
        "content/briefings/2024/barsalogho.fr.md",
        "---\ntitle: Barsalogho\ncorrections:\n  - date: 2024-01-01\n    note: Rien.\n---\n",
    );
    let diags = t.build_err();
    let found: Vec<(String, &str, Option<usize>)> =
        diags.iter().map(|d| (d.path.to_string_lossy().into_owned(), d.code, d.span.map(|s| s.line))).collect();
    for expected in [
        ("content/briefings/kati.fr.md", "fact-in-translation", Some(3)),
        ("content/briefings/kati.fr.md", "fact-in-translation", Some(4)),
        ("content/briefings/gone.fr.md", "translation-of-nothing", None),
        ("content/briefings/niger.de.md", "unlisted-language", None),
        ("content/briefings/2024/barsalogho.fr.md", "correction-of-nothing", Some(4)),
    ] {
        let expected = (expected.0.to_string(), expected.1, expected.2);
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
    let fact = diags.iter().find(|d| d.code == "fact-in-translation").unwrap();
    assert!(fact.message.contains("`date` is a fact"), "{}", fact.message);
    assert!(!t.out().exists());
}

#[test]
fn check_lists_untranslated_briefings_as_notes_even_when_strict() {
    let t = bilingual();
    t.write("content/groups/koglweogo.md", "---\nname: Koglweogo\nkind: other\n---\n");
    let mut opts = t.options();
    opts.strict = true;
    let diags = sitrep::pipeline::check(&opts);
    assert!(!diags.has_errors(), "{}", crate::support::render(&diags));
    let notes: Vec<String> = diags
        .iter()
        .filter(|d| d.code == "untranslated")
        .map(|d| d.severity.label().to_string() + " " + &d.path.to_string_lossy())
        .collect();
    assert!(notes.contains(&"note content/briefings/kati.md".to_string()), "{notes:?}");
    assert!(!notes.iter().any(|n| n.ends_with("bamako.md")), "{notes:?}");
}

#[test]
fn the_preview_re_renders_only_the_french_pages_that_show_an_edited_translation() {
    let t = bilingual();
    let (mut session, first) = sitrep::session::Session::open(t.options());
    session.index_search();
    assert!(first.ok);
    let path = t.root.join("content/briefings/2024/bamako.fr.md");
    let text = std::fs::read_to_string(&path).unwrap().replace("Le GSIM frappe", "Le GSIM attaque");
    std::fs::write(&path, text).unwrap();
    let changes = sitrep::serve::watch::classify(&t.root, "default", [path.as_path()]);
    let report = session.apply_and_index(&changes);
    assert!(report.ok);
    // Only French files change: the English pages do not show a translation,
    // and only the French search index (Pagefind names its files by language).
    let french = |f: &String| f.starts_with("fr/") || (f.starts_with("pagefind/") && !f.contains("en_"));
    assert!(report.changed.iter().all(french), "{:?}", report.changed);
    assert!(report.changed.iter().any(|f| f.starts_with("pagefind/fragment/fr_")), "{:?}", report.changed);
    assert!(report.changed.contains(&"fr/briefings/bamako/index.html".to_string()));
    assert!(report.changed.contains(&"fr/index.html".to_string()), "the French home lists it");
    assert!(report.rendered < 40, "rendered {} files", report.rendered);
    // And the preview holds what a full build writes.
    let (site, diags) = sitrep::pipeline::build_site(&t.options());
    let site = site.unwrap_or_else(|| panic!("{}", crate::support::render(&diags)));
    assert!(session.output() == &site.output, "{:?}", crate::support::changed_files(session.output(), &site.output));
}
