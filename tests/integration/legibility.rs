//! Maps and charts a reader can read: headless Chromium opens the pages that
//! carry a map and a chart at a phone's width (390 px) and a desktop's
//! (1280 px) and measures the text as drawn on screen.
//!
//! Needs Chromium, like `browser.rs`.

use headless_chrome::Tab;
use headless_chrome::protocol::cdp::Emulation::SetDeviceMetricsOverride;
use serde_json::{Value, json};

use crate::browser::{chromium, launch};
use crate::preview::Preview;
use crate::support::SiteTest;

/// Makes the page as wide as a screen of `width` CSS pixels.
fn screen(tab: &Tab, width: u32, mobile: bool) {
    let metrics: SetDeviceMetricsOverride =
        serde_json::from_value(json!({"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": mobile}))
            .unwrap();
    tab.call_method(metrics).unwrap();
}

/// What `js` returns, passed as JSON text (arrays come back as values).
fn eval(tab: &Tab, js: &str) -> Value {
    let text = tab.evaluate(&format!("JSON.stringify({js})"), false).unwrap().value.unwrap();
    serde_json::from_str(text.as_str().unwrap()).unwrap()
}

/// The smallest chart text on the page as drawn, in CSS pixels, and how many
/// chart texts there are.
const SMALLEST_CHART_TEXT: &str = "(() => {
  const texts = [...document.querySelectorAll('svg.chart text')];
  const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
  return [Math.min(...sizes), texts.length];
})()";

/// Chart texts that stick out of their chart, left or right.
const OUTSIDE: &str = "(() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    const box = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) out.push(t.textContent);
    }
  }
  return out;
})()";

/// The names (and clusters' counts) shown on the maps: how many, the smallest as drawn, and those
/// that overlap another or stick out of their map.
const MAP_LABELS: &str = "(() => {
  const shown = [...document.querySelectorAll('.map-label, .map-scale, .map-count')].filter(l => getComputedStyle(l).display !== 'none');
  const boxes = shown.map(l => l.getBoundingClientRect());
  const bad = [];
  shown.forEach((l, i) => {
    const frame = l.closest('.map-frame').getBoundingClientRect();
    const b = boxes[i];
    if (b.left < frame.left - 1 || b.right > frame.right + 1 || b.top < frame.top - 1 || b.bottom > frame.bottom + 1) bad.push('outside: ' + l.textContent);
    boxes.forEach((o, j) => {
      if (j > i && b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom) bad.push(l.textContent + ' over ' + shown[j].textContent);
    });
  });
  const sizes = shown.map(l => parseFloat(getComputedStyle(l).fontSize));
  return [shown.length, Math.min(...sizes), bad, shown.map(l => l.textContent)];
})()";

#[test]
#[ignore = "needs headless Chromium: cargo test -- --include-ignored"]
fn chart_text_stays_legible_on_a_phone_and_on_a_desktop() {
    let chromium = chromium();
    let t = SiteTest::fixture("sahel");
    t.copy_default_theme("default");
    let preview = Preview::start(&t.root);
    let base = format!("http://{}", preview.addr);
    let browser = launch(chromium);
    let tab = browser.new_tab().unwrap();
    for (width, mobile) in [(390, true), (1280, false)] {
        screen(&tab, width, mobile);
        for page in ["/", "/countries/mali/", "/groups/jnim/"] {
            tab.navigate_to(&format!("{base}{page}")).unwrap().wait_until_navigated().unwrap();
            let measured = eval(&tab, SMALLEST_CHART_TEXT);
            let (smallest, count) = (measured[0].as_f64().unwrap(), measured[1].as_u64().unwrap());
            assert!(count >= 4, "{page} at {width} px: a chart with headings, values and years ({count} texts)");
            assert!(smallest >= 11.0, "{page} at {width} px: chart text drawn at {smallest:.1} px");
            assert_eq!(eval(&tab, OUTSIDE), json!([]), "{page} at {width} px: chart text inside the chart");
            let labels = eval(&tab, MAP_LABELS);
            let names: Vec<&str> = labels[3].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
            assert!(labels[0].as_u64().unwrap() >= 3, "{page} at {width} px: names on the map: {names:?}");
            assert!(labels[1].as_f64().unwrap() >= 11.0, "{page} at {width} px: map names at {} px", labels[1]);
            assert_eq!(labels[2], json!([]), "{page} at {width} px: map names clear of each other and inside the map");
            // The shared outlines are fetched and drawn.
            let js = "(() => { const u = document.querySelector('svg.map use'); return u ? u.getBBox().width : 0; })()";
            crate::browser::wait_for(&tab, &format!("{js} > 100"), true.into());
            if page == "/countries/mali/" {
                assert!(names.contains(&"Mali") && names.contains(&"Bamako"), "{names:?}");
            }
            // A cluster's count is on top where it is drawn (a pointer reaches
            // it), in the tab order, and leads to its list.
            let count = "(() => { const a = document.querySelector('a.map-count'); const r = a.getBoundingClientRect();
              a.scrollIntoView({block: 'center'}); const s = a.getBoundingClientRect();
              return [document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2) === a, a.tabIndex, r.width >= 20]; })()";
            assert_eq!(eval(&tab, count), json!([true, 0, true]), "{page} at {width} px: the cluster's count");
            tab.find_element("a.map-count").unwrap().click().unwrap();
            crate::browser::wait_for(&tab, "location.hash === '#map-places-1'", true.into());
            let target = "document.querySelector(':target').querySelectorAll('a').length";
            assert_eq!(eval(&tab, target), json!(2), "{page} at {width} px: the list of both incidents");
        }
    }
}
