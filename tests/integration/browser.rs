//! The preview in a real browser: headless Chromium opens a page, the test
//! edits the Markdown, and the visible text changes without a manual reload;
//! a bad edit shows the overlay, the fix removes it; a stylesheet change is
//! applied without reloading.
//!
//! Needs Chromium (Debian package `chromium`; `.ci/run` installs it), so these
//! tests are `#[ignore]`d: plain `cargo test` lists them as ignored, and
//! `cargo test -- --include-ignored` (what `.ci/run` runs) runs them and fails
//! when no Chromium is found.

use std::ffi::OsStr;
use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use headless_chrome::{Browser, LaunchOptions, Tab};

use crate::preview::Preview;
use crate::support::SiteTest;

/// The Chromium to drive; a browser test fails without one.
pub(crate) fn chromium() -> PathBuf {
    let candidates = [
        std::env::var_os("CHROMIUM_PATH").map(PathBuf::from),
        Some("/usr/bin/chromium".into()),
        Some("/usr/bin/chromium-browser".into()),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("no Chromium found: install the Debian package `chromium` (or set CHROMIUM_PATH)"))
}

pub(crate) fn launch(path: PathBuf) -> Browser {
    let args = [
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-gpu",
        "--disable-quic",
    ];
    let opts = LaunchOptions::default_builder()
        .path(Some(path))
        .sandbox(false)
        .args(args.iter().map(OsStr::new).collect())
        .idle_browser_timeout(Duration::from_secs(120))
        .build()
        .unwrap();
    Browser::new(opts).unwrap()
}

/// Evaluates `js` in the page until it returns `want` (or fails after 15 s).
pub(crate) fn wait_for(tab: &Tab, js: &str, want: serde_json::Value) {
    let started = Instant::now();
    loop {
        let got = tab.evaluate(js, false).ok().and_then(|r| r.value);
        if got.as_ref() == Some(&want) {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "waited for `{js}` to be {want}, last {got:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn save(path: &std::path::Path, text: &str) {
    // Like an editor: write a temporary file, rename it over the original.
    let tmp = path.with_file_name(".sitrep-test.tmp");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, path).unwrap();
}

#[test]
#[ignore = "needs headless Chromium: cargo test -- --include-ignored"]
fn the_open_page_follows_edits_and_shows_errors() {
    let chromium = chromium();
    let t = SiteTest::fixture("sahel");
    let preview = Preview::start(&t.root);
    let browser = launch(chromium);
    let tab = browser.new_tab().unwrap();
    tab.navigate_to(&format!("http://{}/briefings/kati-2022/", preview.addr)).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, "document.querySelector('h1').textContent", "JNIM attacks the Kati base".into());
    // Wait until the page listens for reloads.
    wait_for(&tab, "window.sitrepLive === true", true.into());

    let path = t.root.join("content/briefings/kati.md");
    let good = fs::read_to_string(&path).unwrap();
    save(&path, &good.replace("JNIM attacks the Kati base", "Assault on the Kati base"));
    wait_for(&tab, "document.querySelector('h1').textContent", "Assault on the Kati base".into());

    // A mistake: the overlay lists it, over the last good page.
    save(&path, &good.replace("countries: [Mali]", "countries: [Malii]"));
    wait_for(&tab, "!!document.getElementById('sitrep-overlay')", true.into());
    wait_for(
        &tab,
        "document.getElementById('sitrep-overlay').textContent.includes('unknown country `Malii`')",
        true.into(),
    );
    // Fixed: the overlay goes by itself.
    save(&path, &good);
    wait_for(&tab, "!document.getElementById('sitrep-overlay')", true.into());
    wait_for(&tab, "document.querySelector('h1').textContent", "JNIM attacks the Kati base".into());
}

#[test]
#[ignore = "needs headless Chromium: cargo test -- --include-ignored"]
fn a_stylesheet_change_applies_without_a_reload() {
    let chromium = chromium();
    let t = SiteTest::fixture("sahel");
    let css = t.copy_default_theme("default");
    let preview = Preview::start(&t.root);
    let browser = launch(chromium);
    let tab = browser.new_tab().unwrap();
    tab.navigate_to(&format!("http://{}/", preview.addr)).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, "window.sitrepLive === true", true.into());
    tab.evaluate("window.notReloaded = true", false).unwrap();
    save(
        &t.root.join("themes/default/static/style.css"),
        &format!("{css}\n.brand {{ color: rgb(1, 2, 3) !important; }}\n"),
    );
    wait_for(&tab, "getComputedStyle(document.querySelector('.brand')).color", "rgb(1, 2, 3)".into());
    wait_for(&tab, "window.notReloaded === true", true.into());
}

#[test]
#[ignore = "needs headless Chromium: cargo test -- --include-ignored"]
fn ten_open_tabs_all_load_and_all_follow_an_edit() {
    let chromium = chromium();
    let t = SiteTest::fixture("sahel");
    let preview = Preview::start(&t.root);
    let browser = launch(chromium);
    // More tabs than the six connections a browser opens to one host: they
    // share one reload stream, so the last one loads as the first did.
    let tabs: Vec<_> = (0..10).map(|_| browser.new_tab().unwrap()).collect();
    for tab in &tabs {
        tab.navigate_to(&format!("http://{}/briefings/kati-2022/", preview.addr))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        wait_for(tab, "document.querySelector('h1').textContent", "JNIM attacks the Kati base".into());
        wait_for(tab, "window.sitrepLive === true", true.into());
    }
    let path = t.root.join("content/briefings/kati.md");
    let good = fs::read_to_string(&path).unwrap();
    save(&path, &good.replace("JNIM attacks the Kati base", "Assault on the Kati base"));
    for tab in &tabs {
        wait_for(tab, "document.querySelector('h1').textContent", "Assault on the Kati base".into());
    }
}
