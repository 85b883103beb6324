//! The incident explorer in a real browser: headless Chromium opens
//! `/explorer/` in the preview of the `sahel` fixture, filters, and the count,
//! the killed total, the list and the address follow; an address with filters
//! in its query string opens the same view.
//!
//! Needs Chromium, like `browser.rs`: outside CI, without it, the test says so
//! and does nothing.

use std::sync::Arc;

use headless_chrome::{Browser, Tab};
use serde_json::Value;

use crate::browser::{chromium, launch, wait_for};
use crate::preview::Preview;
use crate::support::{SiteTest, busy_desk};

/// The preview of a site with the theme as it is on disk (the built-in copy
/// is only refreshed when the binary is rebuilt), open in headless Chromium.
struct Explorer {
    tab: Arc<Tab>,
    base: String,
    _browser: Browser,
    _preview: Preview,
}

impl Explorer {
    fn start(t: &SiteTest) -> Explorer {
        let chromium = chromium();
        t.copy_default_theme("default");
        let preview = Preview::start(&t.root);
        let base = format!("http://{}", preview.addr);
        let browser = launch(chromium);
        let tab = browser.new_tab().unwrap();
        Explorer { tab, base, _browser: browser, _preview: preview }
    }
}

/// Opens `path` and waits until the explorer has read the data.
fn open(tab: &Tab, base: &str, path: &str) {
    tab.navigate_to(&format!("{base}{path}")).unwrap().wait_until_navigated().unwrap();
    wait_for(tab, "document.getElementById('sr-explorer').dataset.ready", "true".into());
}

/// The count of matching incidents and the killed total, as shown.
fn count(tab: &Tab, want: &str) {
    wait_for(tab, "document.getElementById('sr-count').textContent", want.into());
    wait_for(tab, "document.querySelectorAll('#sr-list > li').length", want.parse::<u64>().unwrap().into());
}

fn eval(tab: &Tab, js: &str) -> Value {
    tab.evaluate(js, false).unwrap().value.unwrap_or(Value::Null)
}

/// Sets a control's value and fires the event a reader's change fires.
fn set(tab: &Tab, id: &str, value: &str, event: &str) {
    let js = format!(
        "(() => {{ const c = document.getElementById({id}); c.value = {value}; \
         c.dispatchEvent(new Event({event}, {{bubbles: true}})); return c.value; }})()",
        id = Value::from(id),
        value = Value::from(value),
        event = Value::from(event),
    );
    assert_eq!(eval(tab, &js), Value::from(value), "#{id} takes {value}");
}

#[test]
#[ignore = "needs headless Chromium: cargo test -- --include-ignored"]
fn the_explorer_filters_counts_and_keeps_the_filters_in_the_address() {
    let t = SiteTest::fixture("sahel");
    // The preview shows drafts and scheduled briefings; the published site has 7 incidents.
    t.remove("content/briefings/draft.md").remove("content/briefings/scheduled.md");
    let Explorer { tab, base, _browser, _preview } = Explorer::start(&t);

    // Every incident, newest first, with the count in a polite live region.
    open(&tab, &base, "/explorer/");
    count(&tab, "7");
    assert_eq!(eval(&tab, "document.getElementById('sr-killed').textContent"), Value::from("at least 258"));
    assert_eq!(eval(&tab, "document.getElementById('sr-summary').getAttribute('aria-live')"), Value::from("polite"));
    assert_eq!(
        eval(&tab, "document.querySelector('#sr-list .incident-title a').textContent"),
        Value::from("JNIM strikes gendarmerie school in Bamako")
    );
    assert_eq!(
        eval(&tab, "document.querySelector('#sr-list .incident-title a').getAttribute('href')"),
        Value::from("/briefings/bamako/")
    );
    // Its country and group, named from the page and linking to their pages.
    let first = "document.querySelector('#sr-list .incident')";
    assert_eq!(
        eval(
            &tab,
            &format!(
                "[...{first}.querySelectorAll('.incident-meta a, .actor a')].map(a => a.textContent + ' ' + a.getAttribute('href')).join(', ')"
            )
        ),
        Value::from("Mali /countries/mali/, JNIM /groups/jnim/")
    );
    // The fixture's markup in titles and places stays text.
    assert_eq!(
        eval(&tab, "document.querySelectorAll('#sr-list script, #sr-list i, #sr-list b').length"),
        Value::from(0)
    );
    assert_eq!(
        eval(&tab, "document.getElementById('sr-list').textContent.includes('<i>Nowhere</i>')"),
        Value::from(true)
    );
    assert_eq!(eval(&tab, "location.search"), Value::from(""));
    // With no filter, the map is the page's own: every incident, with the
    // places' names and the lists its numbered clusters lead to.
    let drawn = "document.querySelector('#sr-map svg.map').dataset.places || ''";
    assert_eq!(eval(&tab, drawn), Value::from(""));
    assert_eq!(eval(&tab, "document.getElementById('sr-map-places') !== null"), Value::from(true));
    let page_circles = eval(&tab, "document.querySelectorAll('#sr-map svg.map circle.map-point').length");

    // A group: the count and the total follow, and the address records the filter.
    set(&tab, "sr-group", "jnim", "change");
    count(&tab, "5");
    // The map: a circle per located place of the matches, drawn by the script
    // from the map's own projection; the names of places drawn for every
    // incident are gone, the countries' stay.
    let circles = "document.querySelectorAll('#sr-map svg.map circle.map-point').length";
    let jnim = eval(&tab, circles).as_u64().unwrap();
    assert!(jnim >= 2, "{jnim} circles");
    assert_eq!(eval(&tab, drawn), Value::from(jnim.to_string()));
    assert_eq!(
        eval(&tab, "document.querySelectorAll('#sr-map .map-label-place, #sr-map .map-count').length"),
        Value::from(0)
    );
    assert!(eval(&tab, "document.querySelectorAll('#sr-map .map-label-country').length").as_u64().unwrap() >= 3);
    // So are the lists a reader without the script reaches from the counts.
    assert_eq!(eval(&tab, "document.getElementById('sr-map-places') === null"), Value::from(true));

    wait_for(&tab, "document.getElementById('sr-killed').textContent", "243–500".into());
    wait_for(&tab, "location.search", "?group=jnim".into());
    assert_eq!(
        eval(&tab, "document.getElementById('sr-summary').textContent.includes('5 of 7 incidents')"),
        Value::from(true)
    );

    // The claim applies to the chosen group; the date range is by month, both ends included.
    set(&tab, "sr-claim", "claimed", "change");
    set(&tab, "sr-from", "2024-01", "change");
    set(&tab, "sr-to", "2024-12", "change");
    count(&tab, "2");
    wait_for(&tab, "document.getElementById('sr-killed').textContent", "220–477".into());
    wait_for(&tab, "location.search", "?group=jnim&claim=claimed&from=2024-01&to=2024-12".into());

    // Clear filters: everything again, and a bare address.
    tab.find_element("#sr-clear").unwrap().click().unwrap();
    count(&tab, "7");
    wait_for(&tab, "location.search", "".into());
    assert_eq!(eval(&tab, "document.getElementById('sr-group').value"), Value::from(""));
    // The page's own map is back, as it came.
    assert_eq!(eval(&tab, drawn), Value::from(""));
    assert_eq!(eval(&tab, circles), page_circles);
    assert_eq!(eval(&tab, "document.getElementById('sr-map-places') !== null"), Value::from(true));

    // Text search, typed: case and accents do not matter.
    tab.find_element("#sr-q").unwrap().click().unwrap();
    tab.type_str("BARSALÓGHO").unwrap();
    count(&tab, "1");
    assert_eq!(
        eval(&tab, "document.querySelector('#sr-list .incident-title a').textContent"),
        Value::from("Massacre at Barsalogho")
    );
    wait_for(&tab, "new URLSearchParams(location.search).get('q')", "BARSALÓGHO".into());
    // The map follows the filters: Kati alone is one circle, inside the map, leading to its briefing.
    set(&tab, "sr-q", "kati base", "input");
    count(&tab, "1");
    wait_for(&tab, circles, 1.into());
    assert_eq!(
        eval(&tab, "document.querySelector('#sr-map circle.map-point title').textContent"),
        Value::from("Kati: 1 incident")
    );
    assert_eq!(
        eval(&tab, "document.querySelector('#sr-map svg.map a').getAttribute('href')"),
        Value::from("/briefings/kati-2022/")
    );
    let inside = "(() => { const c = document.querySelector('#sr-map circle.map-point').getBoundingClientRect(); \
        const m = document.querySelector('#sr-map svg.map').getBoundingClientRect(); \
        return c.width > 0 && c.left >= m.left && c.right <= m.right && c.top >= m.top && c.bottom <= m.bottom; })()";
    assert_eq!(eval(&tab, inside), Value::from(true));
    // Place names are searched too: "Menaka" is a place of the border ambush.
    set(&tab, "sr-q", "ménaka", "input");
    count(&tab, "1");
    assert_eq!(
        eval(&tab, "document.querySelector('#sr-list .incident-title a').textContent"),
        Value::from("Ambush on the border")
    );

    // An address with filters opens that view, with the controls set.
    open(&tab, &base, "/explorer/?country=BF");
    count(&tab, "3");
    assert_eq!(eval(&tab, "document.getElementById('sr-country').value"), Value::from("BF"));
    open(&tab, &base, "/explorer/?group=jnim&claim=claimed&from=2024-01&to=2024-12&q=bamako");
    count(&tab, "1");
    assert_eq!(
        eval(
            &tab,
            "['sr-group', 'sr-claim', 'sr-from', 'sr-to', 'sr-q'].map(id => document.getElementById(id).value).join(' ')"
        ),
        Value::from("jnim claimed 2024-01 2024-12 bamako")
    );
    // "No perpetrator named", and a filter that matches nothing.
    open(&tab, &base, "/explorer/?claim=none");
    count(&tab, "1");
    assert_eq!(
        eval(&tab, "document.querySelector('#sr-list .incident-title a').textContent"),
        Value::from("Koglweogo clash")
    );
    open(&tab, &base, "/explorer/?country=NE&from=2024-01");
    wait_for(&tab, "document.getElementById('sr-count').textContent", "0".into());
    assert_eq!(eval(&tab, "document.getElementById('sr-empty').hidden"), Value::from(false));
    assert_eq!(eval(&tab, "document.getElementById('sr-list').hidden"), Value::from(true));
}

#[test]
#[ignore = "needs headless Chromium: cargo test -- --include-ignored"]
fn a_long_list_shows_fifty_at_a_time_and_more_on_request() {
    // The minimal desk plus 65 attacks in 2024: 66 incidents.
    let t = busy_desk();
    let Explorer { tab, base, _browser, _preview } = Explorer::start(&t);

    open(&tab, &base, "/explorer/");
    wait_for(&tab, "document.getElementById('sr-count').textContent", "66".into());
    wait_for(&tab, "document.querySelectorAll('#sr-list > li').length", 50.into());
    assert_eq!(eval(&tab, "document.getElementById('sr-more-wrap').hidden"), Value::from(false));
    assert_eq!(
        eval(&tab, "document.getElementById('sr-more').textContent"),
        Value::from("Show 16 more (16 not shown)")
    );
    tab.find_element("#sr-more").unwrap().click().unwrap();
    wait_for(&tab, "document.querySelectorAll('#sr-list > li').length", 66.into());
    assert_eq!(eval(&tab, "document.getElementById('sr-more-wrap').hidden"), Value::from(true));
    // The reader lands on the first incident added: the 51st newest.
    wait_for(&tab, "document.activeElement.textContent", "Attack number 14".into());
    let last = "[...document.querySelectorAll('#sr-list .incident-title')].pop().textContent";
    assert_eq!(eval(&tab, last), Value::from("JNIM attacks the Kati base"));
}
