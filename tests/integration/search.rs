//! Search: a box on every page, a `/search/` page, and an index built with
//! the site from what its pages say. In a real browser, a word written only
//! in one briefing's body finds that briefing, on a site hosted under a
//! sub-path, with no request leaving it.

use headless_chrome::Tab;
use serde_json::Value;

use crate::browser::{chromium, launch, wait_for};
use crate::host::Host;
use crate::preview::Preview;
use crate::support::{Pages, SiteTest};

/// The `sahel` fixture with a word written only in the second paragraph of
/// one briefing's body (the first is its summary).
fn site_with_a_rare_word() -> SiteTest {
    let t = SiteTest::fixture("sahel");
    let path = t.root.join("content/briefings/niger.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\nThe patrol had crossed the dunes before the harmattan.\n")).unwrap();
    t
}

#[test]
fn every_page_has_a_search_box_leading_to_the_search_page() {
    let t = site_with_a_rare_word();
    let b = t.build();
    for page in ["", "briefings/niger/", "groups/jnim/", "chronology/", "explorer/"] {
        assert_eq!(b.attrs(page, "form.site-search[role=search]", "action"), ["/sahel/search/"], "{page}");
        assert_eq!(b.attrs(page, "form.site-search input", "name"), ["q"], "{page}");
        // The box has a name a screen reader reads.
        let id = b.attrs(page, "form.site-search input", "id");
        assert_eq!(b.attrs(page, &format!("label[for={}]", id[0]), "for").len(), 1, "{page}");
    }
    // The search page starts Pagefind from the site's own bundle, under the sub-path.
    assert_eq!(b.attrs("search/", "#sr-search", "data-bundle"), ["/sahel/pagefind/"]);
    assert_eq!(b.attrs("search/", "#sr-search", "data-base"), ["/sahel/"]);
    let scripts = b.attrs("search/", "script[src]", "src");
    assert!(scripts.contains(&"/sahel/pagefind/pagefind-ui.js".to_string()), "{scripts:?}");
    assert!(scripts.iter().all(|s| s.starts_with("/sahel/")), "{scripts:?}");
    assert!(b.broken_links("/sahel/").is_empty(), "{:?}", b.broken_links("/sahel/"));
    // The bundle: Pagefind's script, its interface and one English index.
    for file in ["pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-worker.js", "wasm.en.pagefind"] {
        assert!(t.out().join("pagefind").join(file).is_file(), "pagefind/{file}");
    }
    let entry: Value =
        serde_json::from_slice(&std::fs::read(t.out().join("pagefind/pagefind-entry.json")).unwrap()).unwrap();
    let languages: Vec<&String> = entry["languages"].as_object().unwrap().keys().collect();
    assert_eq!(languages, ["en"]);
    // Each record is a page: briefings, groups, countries, free pages (7 published briefings here).
    assert!(entry["languages"]["en"]["page_count"].as_u64().unwrap() >= 7, "{entry}");
}

/// Types `query` in the search box of the page open in `tab`, sends it, and
/// returns the addresses of the results once Pagefind has shown them.
fn search(tab: &Tab, query: &str) -> Vec<String> {
    let js = format!(
        "(() => {{ const box = document.getElementById('sr-search-box'); box.value = {q}; box.form.submit(); return true; }})()",
        q = Value::from(query)
    );
    tab.evaluate(&js, false).unwrap();
    wait_for(tab, "location.pathname.endsWith('/search/')", true.into());
    // Pagefind's message ("1 result for ...") comes with the results.
    wait_for(
        tab,
        "document.querySelector('.pagefind-ui__message')?.textContent.includes(' for ') ?? false",
        true.into(),
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    let links = tab
        .evaluate("JSON.stringify([...document.querySelectorAll('.pagefind-ui__result-link')].map(a => a.getAttribute('href')))", false)
        .unwrap()
        .value
        .unwrap();
    serde_json::from_str(links.as_str().unwrap()).unwrap()
}

#[test]
#[ignore = "needs headless Chromium: cargo test -- --include-ignored"]
fn a_word_only_in_one_briefing_body_finds_it_under_a_sub_path() {
    let chromium = chromium();
    let t = site_with_a_rare_word();
    t.build();
    let host = Host::start(&t.out(), "/sahel/");
    let browser = launch(chromium);
    let tab = browser.new_tab().unwrap();
    let responses = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let seen = std::sync::Arc::clone(&responses);
    tab.register_response_handling(
        "urls",
        Box::new(move |event, _body| seen.lock().unwrap().push(event.response.url.clone())),
    )
    .unwrap();
    let home = format!("http://{}/sahel/", host.addr);
    tab.navigate_to(&home).unwrap().wait_until_navigated().unwrap();

    // The box on the home page leads to the search page, which finds the one briefing.
    assert_eq!(search(&tab, "harmattan"), ["/sahel/briefings/niger/"]);
    assert_eq!(
        tab.evaluate("document.querySelector('.pagefind-ui__result-link').textContent", false).unwrap().value,
        Some(Value::from("Ambush on the border"))
    );
    // The query stays in the address, so a search can be linked to.
    wait_for(&tab, "new URLSearchParams(location.search).get('q')", "harmattan".into());
    // Words are stemmed: "ambushes" finds the briefing that says "ambushed".
    tab.navigate_to(&home).unwrap().wait_until_navigated().unwrap();
    assert!(search(&tab, "ambushes").contains(&"/sahel/briefings/niger/".to_string()));

    // Everything the pages loaded came from the site.
    let requests = responses.lock().unwrap();
    assert!(requests.iter().any(|u| u.contains("/sahel/pagefind/")), "{requests:?}");
    let origin = format!("http://{}/", host.addr);
    assert!(requests.iter().all(|u| u.starts_with(&origin) || u.starts_with("data:")), "{requests:?}");
}

/// A word of letters only, different for each `n` (Pagefind's words are
/// letters; digits would make numbers of their own).
fn word_for(n: usize) -> String {
    let letters: String = n.to_string().bytes().map(|d| char::from(b'a' + (d - b'0'))).collect();
    format!("zorq{letters}")
}

#[test]
#[ignore = "needs headless Chromium: cargo test -- --include-ignored"]
fn on_a_desk_of_600_briefings_a_word_of_any_one_finds_it() {
    // Pagefind reads records a batch of 256 at a time: 600 make three
    // batches, and a word from each is found in the one briefing that has it.
    let chromium = chromium();
    let t = crate::support::SiteTest::fixture("minimal");
    for i in 0..600 {
        let (month, day) = (1 + i / 50, 1 + i % 28);
        let text = format!(
            "---\ntitle: Attack number {i}\ndate: 2024-{month:02}-{day:02}\ncountries: [ML]\ngroups: [JNIM]\n\
             sources:\n  - url: https://example.com/{i}\n---\nAn attack.\n\nThe word of this one is {}.\n",
            word_for(i)
        );
        t.write(&format!("content/briefings/attack-{i:03}.md"), &text);
    }
    t.build();
    let host = Host::start(&t.out(), "/");
    let browser = launch(chromium);
    let tab = browser.new_tab().unwrap();
    for i in [0, 255, 256, 433, 599] {
        tab.navigate_to(&format!("http://{}/", host.addr)).unwrap().wait_until_navigated().unwrap();
        assert_eq!(search(&tab, &word_for(i)), [format!("/briefings/attack-{i:03}/")], "briefing {i}");
    }
}

/// Asks the preview for `path` until `ready` holds for its bytes (the search
/// index is made in the background), failing after 30 s.
fn poll(preview: &Preview, path: &str, ready: impl Fn(u16, &[u8]) -> bool) -> Vec<u8> {
    let started = std::time::Instant::now();
    loop {
        let (status, bytes) = preview.get_bytes(path);
        if ready(status, &bytes) {
            return bytes;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(30), "{path}: {status}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn the_preview_serves_a_search_index_that_follows_the_writers_edits() {
    let t = site_with_a_rare_word();
    let preview = Preview::start(&t.root);
    let entry = poll(&preview, "/pagefind/pagefind-entry.json", |status, _| status == 200);
    // The search page is served at once; the index follows it.
    assert_eq!(preview.get_bytes("/search/").0, 200);
    assert_eq!(preview.get_bytes("/pagefind/pagefind-ui.js").0, 200);
    // An edit to a body changes what can be found: the index is made again.
    let path = t.root.join("content/briefings/kati.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\nA sandstorm closed the road.\n")).unwrap();
    let after = poll(&preview, "/pagefind/pagefind-entry.json", |status, bytes| status == 200 && bytes != entry);
    let hash = |bytes: &[u8]| serde_json::from_slice::<Value>(bytes).unwrap()["languages"]["en"]["hash"].clone();
    assert_ne!(hash(&entry), hash(&after), "the English index is new");
    // The index it points to is served.
    let meta = format!("/pagefind/pagefind.{}.pf_meta", hash(&after).as_str().unwrap());
    assert_eq!(preview.get_bytes(&meta).0, 200, "{meta}");
}
