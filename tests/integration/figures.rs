//! Figures readers can trust: every report kept, no invented zero, totals with
//! their range and their split by who was counted, victims and attackers
//! apart, claims counted, developments listed but never counted, and the
//! downloads agreeing with the pages figure for figure.
//!
//! The `figures` fixture is built so each rule shows: Barsalogho has only a
//! maximum ("nearly 200"); Timbuktu counts 13 militants and 1 soldier; the
//! Malian Armed Forces are the target of three JNIM attacks and the
//! perpetrator of one raid; a video is a development; an ambush reports 0; a
//! market incident reports nothing.

use std::collections::HashMap;

use sitrep::render::data::Dataset;

use crate::support::{Built, Pages, SiteTest};

fn figures() -> (SiteTest, Built) {
    let t = SiteTest::fixture("figures");
    let b = t.build();
    (t, b)
}

/// The headline stats of a page: label -> value (with the split and notes).
fn stats(b: &Built, page: &str) -> HashMap<String, String> {
    let labels = b.texts(page, ".stats dt");
    let values = b.texts(page, ".stats dd");
    labels.into_iter().zip(values).collect()
}

#[test]
fn an_incident_shows_the_range_between_reports() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    // Killed: 70 and 77 reported; injured: "over 200".
    assert_eq!(b.texts("briefings/bamako/", ".fact-killed strong"), ["70–77"]);
    assert_eq!(b.texts("briefings/bamako/", ".fact-injured strong"), ["at least 200"]);
    let reports = b.texts("briefings/bamako/", ".casualties tbody tr");
    assert_eq!(reports.len(), 3, "every report is kept: {reports:?}");
    // Barsalogho: 200-400 and 150 from two sources: 150-400.
    assert_eq!(b.texts("briefings/barsalogho/", ".fact-killed strong"), ["150–400"]);
    // Kati: 1 soldier and 7 militants: the incident's figure sums over who, and says who.
    assert_eq!(b.texts("briefings/kati-2022/", ".fact-killed strong"), ["8"]);
    assert!(b.texts("briefings/kati-2022/", ".fact-killed dd")[0].contains("security forces: 1; militants: 7"));
    // Djibo: 10 and "at least 50": no upper bound.
    assert_eq!(b.texts("briefings/djibo/", ".fact-killed strong"), ["at least 10"]);
    // Lists show the same derived figure.
    assert!(b.texts("groups/jnim/", ".figure-inline").contains(&"Killed 70–77".to_string()));
}

#[test]
fn no_invented_zero() {
    let (_t, b) = figures();
    // Burkina Faso's only incident reports a maximum: "up to", never "0" or "at least 0".
    let bf = stats(&b, "countries/burkina-faso/");
    assert_eq!(bf["Incidents"], "1");
    assert!(bf["Killed"].starts_with("up to 200"), "{bf:?}");
    assert!(bf["Killed"].contains("1 incident reports only a maximum"), "{bf:?}");
    assert_eq!(bf["Injured"], "not reported");
    let text = b.text("countries/burkina-faso/");
    assert!(!text.contains("at least 0") && !text.contains("Killed 0"), "{text}");
    assert!(text.contains("killed: up to 200 (civilians: up to 200)"), "{text}");
    assert_eq!(b.texts("briefings/barsalogho/", ".fact-killed strong"), ["up to 200"]);
    assert_eq!(b.texts("briefings/barsalogho/", ".casualties tbody td.num"), ["up to 200"]);
    // A reported zero is a zero.
    assert_eq!(b.texts("briefings/ambush/", ".fact-killed strong"), ["0"]);
    assert!(stats(&b, "countries/niger/")["Killed"].starts_with('0'));
    // Nothing reported: no figure at all on the incident, "not reported" in a total.
    assert!(b.texts("briefings/market/", ".fact-killed").is_empty());
    let market_row = b.texts("chronology/2023/", ".incident").into_iter().find(|r| r.contains("market")).unwrap();
    assert!(!market_row.contains("Killed"), "{market_row}");
}

#[test]
fn totals_carry_their_range_and_their_split() {
    let (_t, b) = figures();
    let home = stats(&b, "");
    // 7 incidents of violence (the video is a development).
    assert_eq!(home["Incidents"], "7");
    let killed = &home["Killed"];
    // Lows 0 + 14 + 60 + 70 + 0 + 20 = 164; highs 200 + 14 + 130 + 77 + 0 + 20 = 441.
    assert!(killed.starts_with("164–441"), "{killed}");
    for part in ["security forces: 61–131", "civilians: 20–220", "militants: 13", "not specified: 70–77"] {
        assert!(killed.contains(part), "{part} in {killed}");
    }
    assert!(killed.contains("1 incident reports only a maximum"), "{killed}");
    // Mali: every incident has a high, so the total is a range.
    assert!(stats(&b, "countries/mali/")["Killed"].starts_with("164–241"));
    // A total with an open figure reads "at least".
    let t = SiteTest::fixture("sahel");
    let sahel = t.build();
    assert!(stats(&sahel, "")["Killed"].starts_with("at least 258"));
    assert!(stats(&sahel, "countries/mali/")["Killed"].starts_with("93–100"));
    assert!(stats(&sahel, "countries/burkina-faso/")["Killed"].starts_with("at least 165"));
    // The chronology and year pages say the same.
    assert!(b.text("chronology/").contains("7 incidents, newest first; killed: 164–441"));
    assert!(b.text("chronology/2024/").contains("killed: 164–441"), "{}", b.text("chronology/2024/"));
}

#[test]
fn victims_and_attackers_apart() {
    let (_t, b) = figures();
    let jnim = stats(&b, "groups/jnim/");
    assert_eq!(jnim["Incidents carried out"], "4");
    // Victims: up to 200 civilians + 1 soldier + 60–130 soldiers + 70–77 unidentified.
    assert!(jnim["Killed in them"].starts_with("131–408"), "{jnim:?}");
    assert!(!jnim["Killed in them"].contains("militants"), "militants are not JNIM's victims: {jnim:?}");
    assert_eq!(jnim["Militants killed in them"], "13");
    let text = b.text("groups/jnim/");
    assert!(text.contains("JNIM carried out 4 incidents in these briefings; killed in them: 131–408"), "{text}");
    assert!(text.contains("besides 13 militants killed in the same incidents"), "{text}");
    // Claims of the incidents it carried out; the development is not one of them.
    assert!(text.contains("Claims of responsibility: Claimed 2, Attributed 1, Suspected 1, Denied 0."), "{text}");
    // The army: its own raid, and the attacks against it counted apart.
    let fama = stats(&b, "groups/fama/");
    assert_eq!(fama["Incidents carried out"], "1");
    assert!(fama["Killed in them"].starts_with("20"), "{fama:?}");
    assert_eq!(fama["Attacks against it"], "3");
    let fama_text = b.text("groups/fama/");
    for jnim_figure in ["131", "408", "164", "441"] {
        assert!(!fama_text.contains(jnim_figure), "JNIM's figure {jnim_figure} on the army's page: {fama_text}");
    }
    assert_eq!(b.texts("groups/fama/", "#sr-against ~ ol .incident-title").len(), 3);
    assert_eq!(b.texts("groups/fama/", "#sr-incidents ~ ol .incident-title"), ["Army raid on a village"]);
    // The groups index and the home sidebar count incidents carried out.
    let cells = b.texts("groups/", ".index-table tbody th, .index-table tbody td");
    let rows: Vec<String> = cells.chunks(4).map(|r| r.join(" | ")).collect();
    assert!(rows.contains(&"JNIM | 4 | 131–408 | 0".to_string()), "{rows:?}");
    assert!(rows.contains(&"Malian Armed Forces | 1 | 20 | 3".to_string()), "{rows:?}");
    assert!(b.texts("", "#sr-groups ~ ul li").contains(&"JNIM 4 incidents".to_string()));
}

#[test]
fn developments_are_listed_not_counted() {
    let (_t, b) = figures();
    let chrono = b.texts("chronology/", ".timeline li");
    let video = chrono.iter().find(|r| r.contains("training-camp video")).expect("the video is listed");
    assert!(video.contains("Development"), "{video}");
    assert!(b.text("").contains("1 development is listed"));
    // Burkina Faso: the video is listed, not counted, not mapped, not charted.
    assert_eq!(stats(&b, "countries/burkina-faso/")["Incidents"], "1");
    assert_eq!(b.texts("countries/burkina-faso/", ".incident-title").len(), 2);
    assert_eq!(b.attrs("countries/burkina-faso/", "svg.map circle", "class").len(), 1);
    assert_eq!(b.texts("countries/burkina-faso/", ".chart-data tbody th"), ["August 2024"]);
    assert!(b.text("briefings/video/").contains("A development, not an incident of violence"));
    assert!(
        b.texts("groups/jnim/", "#sr-mentions ~ ol .incident-title")
            .contains(&"JNIM releases a training-camp video".into())
    );
}

#[test]
fn maps_draw_a_maximum_by_its_size_and_mark_it_unconfirmed() {
    let (_t, b) = figures();
    let classes = b.attrs("countries/burkina-faso/", "svg.map circle", "class");
    assert_eq!(classes, ["map-point map-point-unconfirmed"]);
    let radius: f64 = b.attrs("countries/burkina-faso/", "svg.map circle", "r")[0].parse().unwrap();
    assert!(radius > 30.0, "drawn by its maximum of 200, not as a zero: r = {radius}");
    assert!(b.text("countries/burkina-faso/").contains("A hollow circle: only a maximum was reported"));
}

/// How a range reads, by the rules, from the numbers in the downloads.
fn reads(low: Option<u64>, high: Option<u64>) -> String {
    match (low, high) {
        (None, None) => "not reported".into(),
        (Some(l), Some(h)) if l >= h => h.to_string(),
        (Some(0) | None, Some(h)) => format!("up to {h}"),
        (Some(l), Some(h)) => format!("{l}–{h}"),
        (Some(l), None) => format!("at least {l}"),
    }
}

#[test]
fn downloads_agree_with_the_pages_figure_for_figure() {
    let (_t, b) = figures();
    let data: Dataset =
        serde_json::from_str(&std::fs::read_to_string(b.out.join("data/incidents.json")).unwrap()).unwrap();
    let mut csv = csv::Reader::from_path(b.out.join("data/incidents.csv")).unwrap();
    let rows: Vec<HashMap<String, String>> = csv.deserialize().map(Result::unwrap).collect();
    assert_eq!(data.incidents.len(), 8);
    assert_eq!(rows.len(), 8);
    let num = |v: &str| (!v.is_empty()).then(|| v.parse::<u64>().unwrap());
    for (record, row) in data.incidents.iter().zip(&rows) {
        assert_eq!(record.id, row["id"]);
        let page = format!("briefings/{}/", record.id);
        let shown = b.texts(&page, ".fact-killed strong");
        match &record.casualties.killed {
            None => assert!(shown.is_empty(), "{page}: {shown:?}"),
            Some(k) => {
                assert_eq!(shown, [reads(k.low, k.high)], "{page}");
                assert_eq!((num(&row["killed_low"]), num(&row["killed_high"])), (k.low, k.high), "{page}");
                for (who, column) in [("civilians", "killed_civilians"), ("militants", "killed_militants")] {
                    let part = k.of(who);
                    let cells = (num(&row[&format!("{column}_low")]), num(&row[&format!("{column}_high")]));
                    assert_eq!(cells, part.map_or((None, None), |p| (p.low, p.high)), "{page} {who}");
                }
            }
        }
        assert_eq!(row["event"], record.event);
        assert_eq!(row["event_type"], record.event_type);
    }
    let by_id = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!((by_id("barsalogho")["killed_low"].as_str(), by_id("barsalogho")["killed_high"].as_str()), ("", "200"));
    assert_eq!(by_id("barsalogho")["event_type"], "Violence against civilians");
    assert_eq!(by_id("timbuktu")["event_type"], "Battles");
    assert_eq!(by_id("video")["event_type"], "Strategic developments");
    assert_eq!(by_id("ambush")["killed_low"], "0");
    assert_eq!((by_id("market")["killed_low"].as_str(), by_id("market")["killed_high"].as_str()), ("", ""));
    // The home total is the sum of the incidents in the download, developments left out.
    let (mut low, mut high) = (0u64, 0u64);
    for r in data.incidents.iter().filter(|r| r.event != "development") {
        if let Some(k) = &r.casualties.killed {
            low += k.low.unwrap_or(0);
            high += k.high.unwrap();
        }
    }
    assert!(stats(&b, "")["Killed"].starts_with(&format!("{low}–{high}")));
}

#[test]
fn the_explorer_offers_every_event_type_and_counts_developments_apart() {
    let (_t, b) = figures();
    let events = b.attrs("explorer/", "#sr-event option", "value");
    assert_eq!(
        events,
        ["", "attack", "battle", "explosion", "violence-against-civilians", "protest", "riot", "development"]
    );
    let summary = b.texts("explorer/", "#sr-summary")[0].clone();
    assert_eq!(summary, "7 incidents and 1 development · killed: 164–441 · injured: at least 200");
}

#[test]
fn a_publication_date_is_never_the_incidents_date() {
    let (_t, b) = figures();
    assert!(b.text("briefings/bamako/").contains("Published 20 September 2024"));
    // Outside a git repository, nothing gives Barsalogho's publication date: none is shown.
    let text = b.text("briefings/barsalogho/");
    assert!(!text.contains("Published"), "{text}");
    let data: Dataset =
        serde_json::from_str(&std::fs::read_to_string(b.out.join("data/incidents.json")).unwrap()).unwrap();
    let bars = data.incidents.iter().find(|r| r.id == "barsalogho").unwrap();
    assert_eq!(bars.published, None);
    assert_eq!(data.incidents.iter().find(|r| r.id == "bamako").unwrap().published.as_deref(), Some("2024-09-20"));
    // The feed: no <published> for it, and an <updated> that is not the incident's day.
    let feed = atom_syndication::Feed::read_from(std::fs::read(b.out.join("atom.xml")).unwrap().as_slice()).unwrap();
    let entry = feed.entries().iter().find(|e| e.title().as_str().contains("Barsalogho")).unwrap();
    assert!(entry.published().is_none());
    assert!(!entry.updated().to_rfc3339().starts_with("2024-08-24"));
    let bamako = feed.entries().iter().find(|e| e.title().as_str().contains("Bamako")).unwrap();
    assert!(bamako.published().unwrap().to_rfc3339().starts_with("2024-09-20"));
    // Nor does schema.org data pretend.
    let ld = b.texts("briefings/barsalogho/", "script[type='application/ld+json']")[0].clone();
    assert!(!ld.contains("datePublished"), "{ld}");
}

#[test]
fn figures_that_cannot_be_shown_honestly_are_errors() {
    let t = SiteTest::fixture("figures");
    t.write(
        "content/briefings/bad.md",
        "---\ntitle: Bad figures\ndate: 2024-01-01\ncountries: [ML]\ncasualties:\n  - {kind: killed, count: 20000000, according_to: x}\n  - {kind: injured, min: 0, according_to: y}\nsources:\n  - {title: z}\n---\n",
    );
    let diags = t.build_err();
    let text = crate::support::render(&diags);
    assert!(text.contains("bad.md:6:") && text.contains("`count` 20000000 is above 10000000"), "{text}");
    assert!(text.contains("bad.md:7:") && text.contains("`min: 0` with no `max` reports no figure"), "{text}");
}

#[test]
fn a_place_outside_its_country_is_a_warning_naming_where_it_falls() {
    let t = SiteTest::fixture("figures");
    // Mahou, written as in Mali, at a point about 13 km inside Burkina Faso.
    t.write(
        "content/briefings/mahou.md",
        "---\ntitle: Mahou\ndate: 2024-01-01\ncountries: [ML]\nlocations:\n  - name: Mahou\n    lat: 12.08\n    lon: -4.53\nsources:\n  - {title: z}\n---\n",
    );
    let b = t.build();
    let text = crate::support::render(&b.diags);
    assert!(text.contains("mahou.md:6:5: Mahou (12.08, -4.53) lies in Burkina Faso, 13 km outside Mali"), "{text}");
    // Timbuktu, Bamako and Boulkessi are where their briefings say.
    assert_eq!(b.diags.iter().filter(|d| d.code == "place-outside-country").count(), 1, "{text}");
}
