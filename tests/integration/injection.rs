//! Nothing a writer or a theme's data supplies runs in a reader's browser.
//! A site whose every writer-supplied field (titles, summaries, group and
//! country names, aliases, places, regions, terms, sources, credits,
//! captions, glossary values, the site's title) carries markup that would
//! run script is built in both languages, and every page it writes is opened
//! in headless Chromium, the search page with and without results and the
//! explorer included: no payload may run.

use std::time::Duration;

use headless_chrome::Tab;
use image::{Rgb, RgbImage};
use serde_json::Value;

use crate::browser::{chromium, launch, wait_for};
use crate::host::Host;
use crate::support::SiteTest;

/// Markup that runs script if it reaches a page as HTML, in element content
/// or out of a quoted attribute, tagged with the field it was written in.
fn payload(field: &str) -> String {
    let run = format!("(top.pwned=top.pwned||[]).push('{field}')");
    format!(r#"{field} <img src=x onerror="{run}"> "'><svg onload="{run}"> <script>{run}</script>"#)
}

/// `payload(field)` as a YAML scalar (JSON is YAML).
fn y(field: &str) -> String {
    Value::from(payload(field)).to_string()
}

/// A bilingual site with a payload in every field a writer fills.
pub(crate) fn hostile_site() -> SiteTest {
    let t = SiteTest::fixture("minimal");
    t.write(
        "site.yaml",
        &format!(
            "title: {}\nbase_url: https://example.org/\ndescription: {}\nlanguages:\n  fr:\n    title: {}\n    description: {}\n",
            y("sitetitle"),
            y("sitedescription"),
            y("frtitle"),
            y("frdescription")
        ),
    );
    t.write(
        "content/briefings/kati/index.md",
        &format!(
            "---\ntitle: {title}\ndate: 2024-09-17\nsummary: {summary}\ncountries: [ML]\nlocations:\n  - name: {place}\n    country: ML\n    admin1: {region}\n    lat: 13.05\n    lon: -8.0\ngroups:\n  - name: {group}\n    role: perpetrator\n    claim: claimed\n  - JNIM\n  - name: {target}\n    role: target\ntargets: [{targ}]\ntactics: [{tact}]\ntags: [{tag}]\ncasualties:\n  - kind: killed\n    who: civilians\n    count: 3\n    according_to: {according}\nsources:\n  - url: https://example.com/a\n    title: {stitle}\n    publisher: {publisher}\nimage: scene.png\nimages:\n  - file: scene.png\n    alt: {alt}\n    caption: {caption}\n    credit: {credit}\ncorrections:\n  - date: 2024-09-20\n    note: {note}\n---\nSome words about the attack, near the zorqmarket.\n\n![{bodyalt}](scene.png \"{bodytitle}\")\n",
            title = y("title"),
            summary = y("summary"),
            place = y("place"),
            region = y("region"),
            group = y("group"),
            target = y("targetgroup"),
            targ = y("target"),
            tact = y("tactic"),
            tag = y("tag"),
            according = y("according"),
            stitle = y("sourcetitle"),
            publisher = y("publisher"),
            alt = y("alt"),
            caption = y("caption"),
            credit = y("credit"),
            note = y("correction"),
            bodyalt = "alt in body",
            bodytitle = "body caption",
        ),
    );
    let pixels = RgbImage::from_fn(64, 48, |x, y| Rgb([(x * 3) as u8, (y * 5) as u8, 90]));
    let mut png = std::io::Cursor::new(Vec::new());
    pixels.write_to(&mut png, image::ImageFormat::Png).unwrap();
    std::fs::write(t.root.join("content/briefings/kati/scene.png"), png.into_inner()).unwrap();
    t.remove("content/briefings/kati.md");
    t.write(
        "content/briefings/kati/index.fr.md",
        &format!("---\ntitle: {}\nsummary: {}\n---\nDes mots sur l'attaque.\n", y("frbrieftitle"), y("frsummary")),
    );
    t.write(
        "content/groups/jnim.md",
        &format!(
            "---\nname: JNIM\nfull_name: {}\naliases: [GSIM, {}]\naffiliation: {}\n---\nProfile.\n",
            y("fullname"),
            y("alias"),
            y("affiliation")
        ),
    );
    t.write("content/groups/jnim.fr.md", &format!("---\nname: {}\n---\nProfil.\n", y("frgroupname")));
    t.write("content/countries/ml.md", &format!("---\nname: {}\n---\nMali profile.\n", y("countryname")));
    t.write(
        "content/pages/about.md",
        &format!("---\ntitle: {}\nsummary: {}\n---\nAbout the desk.\n", y("pagetitle"), y("pagesummary")),
    );
    t.write(
        "content/glossary.fr.yaml",
        &format!("{}: {}\n{}: {}\n", y("tag"), y("glossarytag"), y("place"), y("glossaryplace")),
    );
    t
}

/// Every HTML file of the output, as addresses under the site's root.
fn pages(out: &std::path::Path) -> Vec<String> {
    let mut pages: Vec<String> = walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap().to_string_lossy().replace('\\', "/");
            rel.strip_suffix("index.html").map(str::to_string).unwrap_or(rel)
        })
        .collect();
    pages.sort();
    pages
}

/// What ran in the page open in `tab`: the fields whose payload ran.
fn ran(tab: &Tab) -> Vec<String> {
    let value = tab.evaluate("JSON.stringify(window.pwned || [])", false).unwrap().value.unwrap();
    serde_json::from_str(value.as_str().unwrap()).unwrap()
}

/// Opens `address` and lets its scripts and pictures settle.
fn open(tab: &Tab, address: &str) {
    tab.navigate_to(address).unwrap().wait_until_navigated().unwrap();
    std::thread::sleep(Duration::from_millis(60));
}

#[test]
#[ignore = "needs headless Chromium: cargo test -- --include-ignored"]
fn no_writer_supplied_field_runs_on_any_page_in_either_language() {
    let chromium = chromium();
    let t = hostile_site();
    t.build();
    let out = t.out();
    let host = Host::start(&out, "/");
    let browser = launch(chromium);
    let tab = browser.new_tab().unwrap();
    let all = pages(&out);
    for kind in [
        "briefings/",
        "groups/",
        "countries/",
        "chronology/",
        "tags/",
        "tactics/",
        "targets/",
        "explorer/",
        "search/",
        "corrections/",
        "data/",
        "about/",
        "fr/briefings/",
        "fr/search/",
        "fr/explorer/",
    ] {
        assert!(all.iter().any(|p| p.starts_with(kind)), "no page under {kind}: {all:?}");
    }
    // A region page (`countries/<country>/<region>/`) is among them.
    assert!(all.iter().any(|p| p.starts_with("countries/") && p.matches('/').count() == 3), "{all:?}");
    let mut fired = Vec::new();
    for page in &all {
        open(&tab, &format!("http://{}/{page}", host.addr));
        for field in ran(&tab) {
            fired.push(format!("{page}: {field}"));
        }
    }
    // The search page, with results (the payload's words are indexed) and without, in both languages.
    for language in ["", "fr/"] {
        for query in ["zorqmarket", "onerror", "img", "nothingmatchesthisword"] {
            open(&tab, &format!("http://{}/{language}search/?q={query}", host.addr));
            wait_for(
                &tab,
                "document.querySelector('.pagefind-ui__message')?.textContent.length > 0 ?? false",
                true.into(),
            );
            // Open every filter Pagefind shows, where group and country names are labels.
            tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true); true", false).unwrap();
            std::thread::sleep(Duration::from_millis(300));
            for field in ran(&tab) {
                fired.push(format!("{language}search/?q={query}: {field}"));
            }
            // A group's name is a filter label, shown as the text it is.
            if query == "zorqmarket" {
                let labels = tab
                    .evaluate("[...document.querySelectorAll('.pagefind-ui__filter-label')].map(l => l.textContent).join('|')", false)
                    .unwrap()
                    .value
                    .unwrap();
                let labels = labels.as_str().unwrap_or_default();
                assert!(labels.contains("group <img src=x onerror="), "{language}: {labels}");
            }
        }
        // The explorer, filtered by a text that every payload holds.
        open(&tab, &format!("http://{}/{language}explorer/?q=img", host.addr));
        std::thread::sleep(Duration::from_millis(300));
        for field in ran(&tab) {
            fired.push(format!("{language}explorer/?q=img: {field}"));
        }
    }
    assert!(fired.is_empty(), "script from content ran:\n{}", fired.join("\n"));
    // The test can fail: the same payload written as a page's raw HTML, in a
    // page of the host outside the site, runs.
    std::fs::write(out.join("canary.html"), format!("<!doctype html><title>x</title>{}", payload("canary"))).unwrap();
    open(&tab, &format!("http://{}/canary.html", host.addr));
    assert!(ran(&tab).contains(&"canary".to_string()), "the detector works");
}
