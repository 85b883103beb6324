//! A site whose language is French: the words Rust writes (dates, figures,
//! who was counted, the data dictionary) come from the theme's French table. (The templates'
//! own words are translated in a later step of the bilingual work.)

use crate::support::{Pages, SiteTest};

#[test]
fn dates_and_figures_read_in_french() {
    let t = SiteTest::fixture("sahel");
    let settings = std::fs::read_to_string(t.root.join("site.yaml")).unwrap().replace("language: en", "language: fr");
    t.write("site.yaml", &settings);
    let built = t.build();
    let page = built.text("briefings/bamako/");
    assert!(page.contains("17–18 septembre 2024"), "{page}");
    assert!(page.contains("au moins"), "{page}");
    assert!(!page.contains("September"), "{page}");
    // Month precision reads as a month, in the chronology too.
    assert!(built.text("briefings/barsalogho/").contains("août 2024"));
    assert!(built.text("chronology/2024/").contains("septembre 2024"));
    // The data page documents the downloads in the site's language.
    let data = built.text("data/");
    assert!(data.contains("Nombre de tués, borne basse") && data.contains("Tous les lieux localisés"), "{data}");
    assert!(!data.contains("Number killed"), "{data}");
}
