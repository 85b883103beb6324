//! Publication outputs: feeds, data downloads that parse back to the model,
//! sitemap, robots.txt, social-card meta and structured data.

use std::fs;

use sitrep::render::data::{CSV_COLUMNS, CsvRow, Dataset, FeatureCollection, JSON_FIELDS};

use crate::support::Pages;
use crate::support::{Built, SiteTest};

fn read(b: &Built, path: &str) -> String {
    fs::read_to_string(b.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_json_download_round_trips_to_the_model() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let data: Dataset = serde_json::from_str(&read(&b, "data/incidents.json")).unwrap();
    let index = &b.site.index;
    assert_eq!(data.count, index.briefings.len());
    assert_eq!(data.incidents.len(), index.briefings.len());
    // Newest first, and every field as in the model.
    for (record, briefing) in data.incidents.iter().zip(index.briefings.iter().rev()) {
        assert_eq!(record.id, briefing.slug);
        assert_eq!(record.title, briefing.title);
        assert_eq!(record.event_date, briefing.date.iso());
        assert_eq!(record.url, format!("https://example.org/sahel/briefings/{}/", briefing.slug));
        assert_eq!(record.reports.len(), briefing.casualties.len());
        assert_eq!(record.sources.len(), briefing.sources.len());
        let codes: Vec<&str> = briefing.countries.iter().map(|c| c.as_str()).collect();
        assert_eq!(record.countries.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(), codes);
    }
    let bamako = data.incidents.iter().find(|r| r.id == "bamako").unwrap();
    let killed = bamako.casualties.killed.clone().unwrap();
    assert_eq!((killed.low, killed.high), (Some(70), Some(77)));
    assert_eq!(bamako.casualties.injured.as_ref().map(|r| (r.low, r.high)), Some((Some(200), None)));
    assert_eq!(bamako.actors[0].name, "JNIM");
    assert_eq!(bamako.actors[0].written_as, "GSIM");
    assert_eq!(bamako.actors[0].claim, "claimed");
    let barsalogho = data.incidents.iter().find(|r| r.id == "barsalogho").unwrap();
    assert_eq!((barsalogho.event_date.as_str(), barsalogho.date_precision.as_str()), ("2024-08", "month"));
    // Every documented field is in the file, and nothing undocumented.
    let raw: serde_json::Value = serde_json::from_str(&read(&b, "data/incidents.json")).unwrap();
    let keys: Vec<&str> = raw["incidents"][0].as_object().unwrap().keys().map(String::as_str).collect();
    let mut documented: Vec<&str> = JSON_FIELDS.to_vec();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    documented.sort_unstable();
    assert_eq!(keys_sorted, documented);
}

#[test]
fn the_csv_download_round_trips_and_matches_its_documentation() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let text = read(&b, "data/incidents.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, CSV_COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    let rows: Vec<CsvRow> = reader.deserialize().map(Result::unwrap).collect();
    assert_eq!(rows.len(), b.site.index.briefings.len());
    let bamako = rows.iter().find(|r| r.id == "bamako").unwrap();
    assert_eq!(bamako.event_date, "2024-09-17");
    assert_eq!(bamako.end_date.as_deref(), Some("2024-09-18"));
    assert_eq!((bamako.latitude, bamako.longitude), (Some(12.64), Some(-8.0)));
    assert_eq!(bamako.perpetrators, "JNIM (claimed)");
    assert_eq!(bamako.other_actors, "Malian Armed Forces (target)");
    assert_eq!((bamako.killed_low, bamako.killed_high), (Some(70), Some(77)));
    assert_eq!((bamako.injured_low, bamako.injured_high), (Some(200), None));
    assert_eq!(bamako.reports, 3);
    let border = rows.iter().find(|r| r.id == "niger").unwrap();
    assert_eq!(border.countries, "NE; ML");
    assert_eq!(border.location, "Inates; Menaka");
    // A title with quotes and markup survives the round trip.
    assert!(rows.iter().any(|r| r.title == "<script>alert(\"x\")</script> & \"quotes\""));
}

#[test]
fn the_geojson_download_has_a_point_per_located_place() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let fc: FeatureCollection = serde_json::from_str(&read(&b, "data/incidents.geojson")).unwrap();
    let located: usize =
        b.site.index.briefings.iter().map(|br| br.locations.iter().filter(|l| l.coordinates.is_some()).count()).sum();
    assert_eq!(fc.features.len(), located);
    let bamako = fc.features.iter().find(|f| f.properties.id == "bamako").unwrap();
    assert_eq!(bamako.geometry.coordinates, [-8.0, 12.64], "longitude first");
    assert_eq!(bamako.properties.killed_low, Some(70));
}

#[test]
fn group_and_country_data_hold_their_incidents() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let jnim: Dataset = serde_json::from_str(&read(&b, "groups/jnim/incidents.json")).unwrap();
    assert_eq!(jnim.count, 5);
    let niger: Dataset = serde_json::from_str(&read(&b, "countries/niger/incidents.json")).unwrap();
    assert_eq!(niger.incidents.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["niger"]);
    assert!(b.attrs("groups/jnim/", ".downloads a", "href").contains(&"/sahel/groups/jnim/incidents.json".to_string()));
    // The data page documents every column.
    let columns = b.texts("data/", "#sr-csv ~ div code");
    assert_eq!(columns.len(), CSV_COLUMNS.len());
}

#[test]
fn feeds_carry_the_latest_briefings_in_full() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let feed = atom_syndication::Feed::read_from(read(&b, "atom.xml").as_bytes()).unwrap();
    assert_eq!(feed.entries().len(), 7);
    let first = &feed.entries()[0];
    assert_eq!(first.title().as_str(), "JNIM strikes gendarmerie school in Bamako");
    // Updated with the latest correction, published on its publication day.
    assert_eq!(first.updated().to_rfc3339(), "2024-09-23T00:00:00+00:00");
    assert_eq!(first.published().unwrap().to_rfc3339(), "2024-09-19T00:00:00+00:00");
    let content = first.content().unwrap().value().unwrap();
    assert!(content.contains("The attack began at dawn."), "full content: {content}");
    let jnim = atom_syndication::Feed::read_from(read(&b, "groups/jnim/atom.xml").as_bytes()).unwrap();
    assert_eq!(jnim.entries().len(), 5);
    let mali = atom_syndication::Feed::read_from(read(&b, "countries/mali/atom.xml").as_bytes()).unwrap();
    assert_eq!(mali.entries().len(), 4);
    // Pages point to their feeds.
    let alternates = b.attrs("groups/jnim/", "link[rel=alternate]", "href");
    assert_eq!(alternates, ["/sahel/atom.xml", "/sahel/groups/jnim/atom.xml"]);
    assert_eq!(b.attrs("countries/mali/", "link[rel=alternate]", "href")[1], "/sahel/countries/mali/atom.xml");
}

#[test]
fn sitemap_robots_and_social_cards() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let sitemap = read(&b, "sitemap.xml");
    let locs: Vec<&str> = sitemap.split("<loc>").skip(1).map(|s| s.split("</loc>").next().unwrap()).collect();
    let pages: Vec<String> = b.pages().into_iter().filter(|p| p != "404.html").collect();
    assert_eq!(locs.len(), pages.len());
    assert!(locs.contains(&"https://example.org/sahel/briefings/bamako/"));
    assert!(sitemap.contains("<lastmod>2024-09-23</lastmod>"));
    assert_eq!(read(&b, "robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sahel/sitemap.xml\n");
    assert_eq!(b.attrs("briefings/bamako/", "meta[property='og:type']", "content"), ["article"]);
    assert_eq!(
        b.attrs("briefings/bamako/", "meta[property='og:url']", "content"),
        ["https://example.org/sahel/briefings/bamako/"]
    );
    assert_eq!(b.attrs("briefings/bamako/", "meta[name='twitter:card']", "content"), ["summary"]);
    assert_eq!(b.attrs("briefings/bamako/", "meta[property='article:published_time']", "content"), ["2024-09-19"]);
}

#[test]
fn briefings_carry_news_article_structured_data() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let scripts = b.texts("briefings/bamako/", "script[type='application/ld+json']");
    let ld: serde_json::Value = serde_json::from_str(&scripts[0]).unwrap();
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], "JNIM strikes gendarmerie school in Bamako");
    assert_eq!(ld["datePublished"], "2024-09-19");
    assert_eq!(ld["dateModified"], "2024-09-23");
    assert_eq!(ld["contentLocation"][0]["geo"]["latitude"], 12.64);
    assert_eq!(ld["citation"][0], "https://www.france24.com/en/africa/bamako");
    // A hostile title stays inside its script element and parses back.
    let scripts = b.texts("briefings/escapes/", "script[type='application/ld+json']");
    let ld: serde_json::Value = serde_json::from_str(&scripts[0]).unwrap();
    assert_eq!(ld["headline"], "<script>alert(\"x\")</script> & \"quotes\"");
}

#[test]
fn charts_show_incidents_and_killed_per_month_with_their_numbers() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let titles: Vec<String> = b.texts("countries/burkina-faso/", "svg.chart title");
    assert_eq!(titles, ["Incidents and people killed per month, Burkina Faso"]);
    // February 2023 to August 2024, every month listed, empty ones with 0
    // incidents and no figure; from January, so 2023 is drawn as wide as a year.
    let months = b.texts("countries/burkina-faso/", ".chart-data tbody th");
    let cells = b.texts("countries/burkina-faso/", ".chart-data tbody td");
    assert_eq!(months.len(), 20);
    assert_eq!((months[0].as_str(), cells[0].as_str(), cells[1].as_str()), ("January 2023", "0", ""));
    assert_eq!((months[1].as_str(), cells[2].as_str(), cells[3].as_str()), ("February 2023", "2", "at least 15"));
    assert_eq!((months[19].as_str(), cells[38].as_str(), cells[39].as_str()), ("August 2024", "1", "150–400"));
    assert_eq!((cells[4].as_str(), cells[5].as_str()), ("0", ""), "March 2023 had none");
    // Gridlines at round numbers, and a line where 2024 begins.
    let values = b.texts("countries/burkina-faso/", "svg.chart text.chart-value");
    assert!(values.iter().all(|v| v.parse::<u64>().is_ok_and(|n| n % 5 == 0 || n <= 2)), "{values:?}");
    assert_eq!(b.attrs("countries/burkina-faso/", "svg.chart line.chart-year", "x1").len(), 1);
    assert_eq!(
        b.texts("countries/burkina-faso/", "svg.chart text:not(.chart-value):not(.chart-heading)"),
        ["2023", "2024"]
    );
    // The confirmed part is a solid bar, the rest of the range a pale one.
    assert_eq!(b.attrs("countries/burkina-faso/", "svg.chart rect.chart-bar-killed", "height").len(), 2);
    assert_eq!(b.attrs("countries/burkina-faso/", "svg.chart rect.chart-bar-range", "height").len(), 1);
}

#[test]
fn maps_name_their_countries_and_places_and_carry_a_scale_and_a_key() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    // The country the page is about stands out; its neighbours are named too.
    assert_eq!(b.texts("countries/mali/", ".map-label-focus"), ["Mali"]);
    let countries = b.texts("countries/mali/", ".map-label-country");
    assert!(countries.len() >= 3, "{countries:?}");
    // The places incidents name, each once, beside their circles.
    let places = b.texts("countries/mali/", ".map-label-place");
    assert!(places.contains(&"Bamako".to_string()), "{places:?}");
    let mut unique = places.clone();
    unique.dedup();
    assert_eq!(unique.len(), places.len());
    // Names are HTML over the map, placed in percent of it.
    for style in b.attrs("countries/mali/", ".map-label", "style") {
        let numbers: Vec<f64> = style.split(['%', ':', ';']).filter_map(|s| s.parse().ok()).collect();
        assert!(numbers.len() == 2 && numbers.iter().all(|n| (0.0..=100.0).contains(n)), "{style}");
    }
    assert_eq!(b.texts("countries/mali/", ".map-scale"), ["200 km"]);
    assert_eq!(b.attrs("countries/mali/", "svg.map path.map-scale-bar", "d").len(), 1);
    // The key explains circle size and the hollow circle.
    let key = b.texts("countries/mali/", ".map-key li");
    assert_eq!(key.len(), 2);
    assert!(key[1].contains("only a maximum"), "{key:?}");
    // A briefing's map shows its place's region, closer in than its country's, and names it.
    assert!(b.texts("briefings/bamako/", ".map-label-place").contains(&"Bamako".to_string()));
    let km = |page: &str| b.texts(page, ".map-scale")[0].trim_end_matches(" km").parse::<u64>().unwrap();
    assert!(km("briefings/bamako/") * 2 <= km("countries/mali/"), "{} km", km("briefings/bamako/"));
    // The outlines are one file of the site, which every map shows; no page carries them.
    let outlines = b.source("maps/world.svg");
    assert!(outlines.contains(r#"<path id="c-ML""#) && outlines.contains(r#"<path id="c-BF""#));
    for page in ["countries/mali/", "briefings/bamako/", ""] {
        let uses = b.attrs(page, "svg.map use", "href");
        assert_eq!(uses[0], "/sahel/maps/world.svg#world", "{page}");
        assert!(b.attrs(page, "svg.map path", "d").len() <= 1, "{page}: only the scale bar is a path");
    }
    assert_eq!(b.attrs("countries/mali/", "svg.map use.map-focus", "href"), ["/sahel/maps/world.svg#c-ML"]);
    // Capitals, towns, the main rivers and Mali's regions are named too; the
    // rivers are drawn from the shared file.
    let capitals = b.texts("countries/mali/", ".map-label-capital");
    assert!(capitals.contains(&"Niamey".to_string()), "{capitals:?}");
    assert!(b.texts("countries/mali/", ".map-label-river").contains(&"Niger".to_string()));
    assert!(b.texts("countries/mali/", ".map-label-town").contains(&"Sikasso".to_string()));
    assert!(b.texts("countries/mali/", ".map-label-region").contains(&"Mopti".to_string()));
    assert_eq!(b.attrs("countries/mali/", "svg.map use.map-rivers", "href"), ["/sahel/maps/world.svg#rivers"]);
    assert!(outlines.contains(r#"<g id="rivers"><path fill="none""#));
}

#[test]
fn overlapping_incidents_on_a_map_lead_to_a_list_of_every_one_of_them() {
    // Kati lies 15 km from Bamako: on Mali's map their circles would cover
    // each other, so they are one circle with a count, and the count leads
    // to a list of both incidents below the map.
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    for page in ["countries/mali/", "groups/jnim/", ""] {
        assert_eq!(b.texts(page, "a.map-count"), ["2"], "{page}");
        assert_eq!(b.attrs(page, "a.map-count", "href"), ["#map-places-1"], "{page}");
        let name = b.attrs(page, "a.map-count", "aria-label");
        assert!(name[0].starts_with("Bamako, Kati: 2 incidents"), "{page}: {name:?}");
        // The list it leads to names both places and links both briefings, newest first.
        assert_eq!(b.texts(page, "#map-places-1 > strong"), ["Bamako, Kati"], "{page}");
        let links = b.attrs(page, "#map-places-1 li a", "href");
        assert_eq!(links, ["/sahel/briefings/bamako/", "/sahel/briefings/kati-2022/"], "{page}");
        // The circle leads there too, for a pointer, without a second stop for the keyboard.
        assert_eq!(b.attrs(page, "svg.map a[tabindex='-1']", "href"), ["#map-places-1"], "{page}");
        assert_eq!(b.attrs(page, "svg.map circle.map-cluster", "class").len(), 1, "{page}");
    }
    // The explorer's map, which its script redraws, carries its projection; a
    // reader without the script has the same lists.
    let view = b.attrs("explorer/", "svg.map", "data-view");
    assert_eq!(view[0].split(' ').filter_map(|n| n.parse::<f64>().ok()).count(), 4, "{view:?}");
    assert_eq!(b.attrs("explorer/", "svg.map", "data-radius"), ["2.4 6 48"]);
    let counts = b.attrs("explorer/", "a.map-count", "href");
    assert!(!counts.is_empty());
    assert_eq!(b.attrs("explorer/", "#sr-map-places li[id]", "id").len(), counts.len());
    assert!(b.attrs("countries/mali/", "svg.map", "data-view").is_empty(), "other maps do not");
    // Each briefing still leads to its own page from the map of its place.
    assert_eq!(b.attrs("briefings/kati-2022/", "svg.map a", "href"), ["/sahel/briefings/kati-2022/"]);
    assert!(b.attrs("briefings/kati-2022/", "a.map-count", "href").is_empty());
}
