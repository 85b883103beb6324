//! More ways in: a page per tag, tactic, target and region, each listing its
//! incidents newest first with figures and a feed, linked from the briefings
//! that name it, from its index (or its country), and back.

use crate::support::{Pages, SiteTest};

/// A briefing in Mopti Region with `tactics`, on `date`, `killed` reported.
fn briefing(title: &str, date: &str, tactics: &str, killed: u32) -> String {
    format!(
        "---\ntitle: {title}\ndate: {date}\ncountries: [ML]\nlocations:\n  - name: Sévaré\n    admin1: Mopti Region\n    lat: 14.53\n    lon: -4.10\n\
         groups: [JNIM]\ntargets: [army camp]\ntactics: [{tactics}]\ntags: [ambush]\ncasualties:\n  - kind: killed\n    count: {killed}\n    according_to: the army\n\
         sources:\n  - url: https://example.com/{date}\n---\nThe camp was attacked.\n"
    )
}

fn site() -> SiteTest {
    let t = SiteTest::fixture("sahel");
    t.write("content/briefings/sevare-2023.md", &briefing("Camp attacked near Sévaré", "2023-03-02", "Small arms", 4));
    t.write(
        "content/briefings/sevare-2024.md",
        &briefing("Second attack near Sévaré", "2024-01-20", "small arms, mortars", 6),
    );
    t
}

#[test]
fn each_term_has_a_page_listing_its_incidents_newest_first_with_figures_and_a_feed() {
    let t = site();
    let b = t.build();
    // One tactic however it is capitalised, written as first written; the
    // fixture's Bamako briefing (2024-09) names it too.
    let titles = b.texts("tactics/small-arms/", ".incident-list .incident-title");
    assert_eq!(
        titles,
        ["JNIM strikes gendarmerie school in Bamako", "Second attack near Sévaré", "Camp attacked near Sévaré"]
    );
    assert_eq!(b.texts("tactics/small-arms/", "h1"), ["Tactic Small arms"], "as the earliest incident writes it");
    assert_eq!(b.attrs("tactics/small-arms/", ".kicker a", "href"), ["/sahel/tactics/"]);
    // Its figures add up its incidents' (Bamako: 70 to 77 killed).
    let text = b.text("tactics/small-arms/");
    assert!(text.contains("3 incidents"), "{text}");
    assert!(text.contains("80–87"), "{text}");
    // Its feed, announced on the page.
    assert_eq!(b.attrs("tactics/small-arms/", "link[type='application/atom+xml']", "href").len(), 2);
    let feed = atom_syndication::Feed::read_from(
        std::fs::read(t.out().join("tactics/small-arms/atom.xml")).unwrap().as_slice(),
    )
    .unwrap();
    assert_eq!(feed.entries().len(), 3);
    // The other kinds.
    assert_eq!(b.texts("tags/ambush/", ".incident-list .incident-title").len(), 2);
    assert_eq!(b.texts("targets/army-camp/", ".incident-list .incident-title").len(), 2);
    assert_eq!(b.texts("tactics/mortars/", ".incident-list .incident-title"), ["Second attack near Sévaré"]);
    // Each index links every term of its kind.
    let tactics = b.attrs("tactics/", ".term-index a", "href");
    assert!(
        tactics.contains(&"/sahel/tactics/small-arms/".to_string())
            && tactics.contains(&"/sahel/tactics/mortars/".to_string())
    );
    for index in ["/sahel/tags/", "/sahel/tactics/", "/sahel/targets/"] {
        assert!(b.attrs("", ".site-footer a", "href").contains(&index.to_string()), "{index}");
    }
    assert!(b.broken_links("/sahel/").is_empty(), "{:?}", b.broken_links("/sahel/"));
}

#[test]
fn a_region_has_its_page_under_its_country_linked_both_ways() {
    let t = site();
    let b = t.build();
    let page = "countries/mali/mopti-region/";
    assert_eq!(b.texts(page, "h1"), ["Mopti Region"]);
    assert_eq!(
        b.texts(page, ".incident-list .incident-title"),
        ["Second attack near Sévaré", "Camp attacked near Sévaré"]
    );
    assert_eq!(b.attrs(page, ".kicker a", "href"), ["/sahel/countries/", "/sahel/countries/mali/"]);
    assert!(t.out().join("countries/mali/mopti-region/atom.xml").is_file());
    // The country lists its regions; the briefing links its place's region and its terms.
    let regions = b.attrs("countries/mali/", "[aria-labelledby=sr-country-regions] a", "href");
    assert!(regions.contains(&format!("/sahel/{page}")), "{regions:?}");
    assert!(regions.contains(&"/sahel/countries/mali/bamako-district/".to_string()), "{regions:?}");
    let links = b.attrs("briefings/sevare-2024/", ".key-facts a, .tags a", "href");
    for href in [
        "/sahel/countries/mali/mopti-region/",
        "/sahel/tactics/small-arms/",
        "/sahel/tactics/mortars/",
        "/sahel/targets/army-camp/",
        "/sahel/tags/ambush/",
    ] {
        assert!(links.contains(&href.to_string()), "{href} in {links:?}");
    }
}

#[test]
fn a_term_written_with_markup_is_text_with_a_plain_address() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    // The fixture tags a briefing `<em>tag</em>`.
    let page = "tags/em-tag-em/";
    assert!(b.has(page), "{:?}", b.pages().iter().filter(|p| p.starts_with("tags/")).collect::<Vec<_>>());
    assert!(
        b.source(page).contains("&lt;em&gt;tag&lt;&#x2F;em&gt;") || b.source(page).contains("&lt;em&gt;tag&lt;/em&gt;")
    );
    assert!(b.html(page).select(&scraper::Selector::parse("main em").unwrap()).next().is_none());
}

/// A briefing on `date` at `place` (in Niger), by `group`.
fn incident(title: &str, date: &str, place: &str, group: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: {date}\ncountries: [NE]\nlocations:\n  - name: {place}\n    admin1: Tillabéri Region\n\
         groups: [{group}]\nsources:\n  - url: https://example.com/{date}\n---\nAn attack.\n"
    )
}

#[test]
fn a_briefing_shows_the_incidents_of_the_same_wave_group_or_place_nearby_in_time_and_why() {
    let t = SiteTest::fixture("sahel");
    t.write("content/briefings/w1.md", &incident("Attack on Ayorou", "2020-03-10", "Ayorou", "JNIM"));
    t.write("content/briefings/w2.md", &incident("Attack on Téra", "2020-03-10", "Téra", "JNIM"));
    t.write("content/briefings/w3.md", &incident("Ayorou again", "2020-03-15", "Ayorou", "Islamic State Sahel"));
    t.write("content/briefings/w4.md", &incident("Raid near Téra", "2020-03-29", "Dargol", "Islamic State Sahel"));
    t.write("content/briefings/w5.md", &incident("Ayorou months later", "2020-06-01", "Ayorou", "JNIM"));
    let b = t.build();
    let titles = b.texts("briefings/w1/", ".related-list a");
    let why = b.texts("briefings/w1/", ".related-list .muted");
    // Closest first: the same day (a wave), then the same place five days later,
    // then the same region 19 days later; nothing more than 30 days away.
    assert_eq!(titles, ["Attack on Téra", "Ayorou again", "Raid near Téra"]);
    assert_eq!(
        why,
        [
            "10 Mar 2020 · Same wave: 10 March 2020",
            "15 Mar 2020 · Same place (Ayorou), 5 days later",
            "29 Mar 2020 · Same region (Tillabéri Region), 19 days later"
        ]
    );
    assert_eq!(b.attrs("briefings/w1/", ".related-list a", "href")[0], "/sahel/briefings/w2/");
    // Looking back, and by group.
    assert_eq!(
        b.texts("briefings/w4/", ".related-list .muted")[0],
        "15 Mar 2020 · Same group (Islamic State Sahel), 14 days earlier"
    );
    assert!(b.texts("briefings/w5/", ".related-list a").is_empty(), "nothing within 30 days");
    assert!(!b.source("briefings/w5/").contains("related-list"));
}
