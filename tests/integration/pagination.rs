//! Long lists split into pages: a desk with more incidents than a page holds
//! gets light pages, every incident on exactly one page of each list, newest
//! first, with links between the pages.

use crate::support::{Pages, SiteTest, busy_desk};

#[test]
fn a_long_country_list_is_split_into_pages_each_incident_once_newest_first() {
    let t = busy_desk();
    let b = t.build();
    let page = |n: usize| if n == 1 { "countries/mali/".to_string() } else { format!("countries/mali/page/{n}/") };
    let titles: Vec<Vec<String>> = (1..=3).map(|n| b.texts(&page(n), ".incident-list .incident-title")).collect();
    assert_eq!(titles.iter().map(Vec::len).collect::<Vec<_>>(), [30, 30, 6]);
    assert!(!b.has("countries/mali/page/4/"));
    assert!(!b.has("countries/mali/page/1/"), "the first page lives at the list's own address");
    let all: Vec<String> = titles.concat();
    let mut expected: Vec<String> = (0..65).rev().map(|i| format!("Attack number {i}")).collect();
    expected.push("JNIM attacks the Kati base".into());
    assert_eq!(all, expected, "every incident once, newest first");
    // The map and chart are on the first page only; every page links to the next and previous.
    assert!(b.source("countries/mali/").contains("<svg"));
    assert!(!b.source("countries/mali/page/2/").contains("class=\"map-figure"));
    assert_eq!(b.attrs("countries/mali/", "a[rel=next]", "href"), ["/countries/mali/page/2/"]);
    assert_eq!(b.attrs("countries/mali/page/2/", "a[rel=prev]", "href"), ["/countries/mali/"]);
    assert_eq!(b.attrs("countries/mali/page/2/", "a[rel=next]", "href"), ["/countries/mali/page/3/"]);
    assert!(b.attrs("countries/mali/page/3/", "a[rel=next]", "href").is_empty());
    assert_eq!(b.texts("countries/mali/page/2/", ".pager [aria-current]"), ["2"]);
    assert!(b.texts("countries/mali/page/2/", "title")[0].contains("page 2 of 3"));
    assert_eq!(
        b.attrs("countries/mali/page/2/", "link[rel=canonical]", "href"),
        ["https://example.org/countries/mali/page/2/"]
    );
    assert!(b.broken_links("/").is_empty(), "{:?}", b.broken_links("/"));
}

#[test]
fn year_and_group_pages_split_the_same_way_and_the_chronology_shows_the_latest() {
    let t = busy_desk();
    let b = t.build();
    let year: Vec<String> = ["chronology/2024/", "chronology/2024/page/2/", "chronology/2024/page/3/"]
        .iter()
        .flat_map(|p| b.texts(p, ".incident-title"))
        .collect();
    assert_eq!(year.len(), 65);
    assert_eq!(year[0], "Attack number 64");
    assert_eq!(year[64], "Attack number 0");
    // A month split by a page break is headed on both pages.
    assert_eq!(b.texts("chronology/2024/page/2/", "main h2")[0], "February 2024");
    let group: Vec<String> = ["groups/jnim/", "groups/jnim/page/2/", "groups/jnim/page/3/"]
        .iter()
        .flat_map(|p| b.texts(p, "#sr-incidents ~ .incident-list .incident-title"))
        .collect();
    assert_eq!(group.len(), 66);
    assert_eq!(b.texts("groups/jnim/page/2/", "#sr-incidents .count"), ["66"]);
    // The chronology's index links every year and lists only the latest incidents.
    assert_eq!(b.texts("chronology/", ".year-cards a"), ["2024", "2022"]);
    let latest = b.texts("chronology/", ".timeline li > a");
    assert_eq!(latest.len(), 30);
    assert_eq!(latest[0], "Attack number 64");
    let sitemap = std::fs::read_to_string(b.out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("https://example.org/groups/jnim/page/3/"), "{sitemap}");
}

#[test]
fn the_explorer_reads_every_incident_once_in_parts_of_five_hundred_newest_first() {
    let t = SiteTest::fixture("minimal");
    for i in 0..1200 {
        let (year, day) = (2000 + i / 300, 1 + i % 300);
        let text = format!(
            "---\ntitle: Attack number {i}\ndate: {year}-{:02}-{:02}\ncountries: [ML]\ngroups: [JNIM]\n\
             casualties:\n  - {{kind: killed, count: {i}, according_to: the army}}\n\
             sources:\n  - url: https://example.com/{i}\n---\nAn attack.\n",
            1 + (day - 1) / 28,
            1 + (day - 1) % 28
        );
        t.write(&format!("content/briefings/attack-{i:04}.md"), &text);
    }
    let b = t.build();
    let parts = b.attrs("explorer/", "#sr-explorer", "data-incidents");
    assert_eq!(parts, ["/explorer/incidents-1.json /explorer/incidents-2.json /explorer/incidents-3.json"]);
    assert!(!b.has("explorer/incidents-4.json"));
    let mut titles = Vec::new();
    for n in 1..=3 {
        let part: serde_json::Value = serde_json::from_str(&b.source(&format!("explorer/incidents-{n}.json"))).unwrap();
        let incidents = part["incidents"].as_array().unwrap();
        assert_eq!(incidents.len(), if n < 3 { 500 } else { 201 });
        for i in incidents {
            titles.push(i["title"].as_str().unwrap().to_string());
            // Only what the explorer reads: no sources, reports or ids.
            assert!(i.get("sources").is_none() && i.get("reports").is_none() && i.get("id").is_none(), "{i}");
        }
    }
    // The fixture's own briefing (2022) is the newest.
    let mut expected = vec!["JNIM attacks the Kati base".to_string()];
    expected.extend((0..1200).rev().map(|i| format!("Attack number {i}")));
    assert!(titles == expected, "every incident once, newest first: {:?}", &titles[..3]);
    let newest: serde_json::Value = serde_json::from_str(&b.source("explorer/incidents-1.json")).unwrap();
    let attack = &newest["incidents"][1];
    assert_eq!(attack["killed"], serde_json::json!([1199, 1199]));
    assert_eq!(attack["url"], "/briefings/attack-1199/");
    assert_eq!(attack["actors"], serde_json::json!([["jnim", "perpetrator", "attributed"]]));
    assert_eq!(attack["countries"], serde_json::json!(["ML"]));
    // The page names what the data names by slug and code.
    let names = b.texts("explorer/", "#sr-names");
    let names: serde_json::Value = serde_json::from_str(&names[0]).unwrap();
    assert_eq!(names["groups"]["jnim"], "JNIM");
    assert_eq!(names["countries"]["ML"], serde_json::json!(["Mali", "mali"]));
}
