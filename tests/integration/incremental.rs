//! Rebuilding from a change gives exactly what a full build gives, and
//! touches exactly the pages that show the change.

use std::collections::BTreeSet;
use std::fs;

use sitrep::output::Output;
use sitrep::pipeline::{self, BuildOptions};
use sitrep::session::{Changes, Session};

use crate::support::{SiteTest, changed_files as diff};

fn full(opts: &BuildOptions) -> Output {
    let (site, diags) = pipeline::build_site(opts);
    site.unwrap_or_else(|| panic!("{}", crate::support::render(&diags))).output
}

/// A session on the fixture that checks every rebuild against a full build.
struct Live {
    t: SiteTest,
    session: Session,
    last: Output,
}

impl Live {
    fn new() -> Live {
        let t = SiteTest::fixture("sahel");
        let (mut session, report) = Session::open(t.options());
        session.index_search();
        assert!(report.ok && report.full);
        let last = full(&t.options());
        assert!(session.output() == &last, "the first build is a full build: {:?}", diff(session.output(), &last));
        Live { t, session, last }
    }

    /// Edits `rel` by replacing `from` with `to`, rebuilds, and returns the
    /// pages the rebuild changed, checking them against two full builds.
    fn edit(&mut self, rel: &str, from: &str, to: &str) -> BTreeSet<String> {
        let path = self.t.root.join(rel);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        self.rebuild(rel)
    }

    fn rebuild(&mut self, rel: &str) -> BTreeSet<String> {
        let mut changes = Changes::default();
        changes.content.insert(rel.trim_start_matches("content/").to_string());
        let report = self.session.apply_and_index(&changes);
        assert!(report.ok, "{}", crate::support::render(self.session.diagnostics()));
        assert!(!report.full, "a briefing edit re-renders only what it touches");
        let expected = full(&self.t.options());
        assert!(self.session.output() == &expected, "stale pages: {:?}", diff(self.session.output(), &expected));
        let changed: BTreeSet<String> = report.changed.iter().cloned().collect();
        assert_eq!(changed, diff(&self.last, &expected), "changed pages");
        assert!(report.rendered < expected.len(), "rendered {} of {}", report.rendered, expected.len());
        self.last = expected;
        changed
    }
}

#[test]
fn editing_a_title_touches_every_page_that_shows_it_and_no_other() {
    let mut live = Live::new();
    let changed = live.edit("content/briefings/kati.md", "title: JNIM attacks the Kati base", "title: Assault on Kati");
    // Its page, its neighbours (Djibo's neighbour is not Kati), its group,
    // country and year pages, and the lists of everything.
    for page in [
        "briefings/kati-2022/index.html",
        "briefings/niger/index.html",
        "briefings/koglweogo/index.html",
        "groups/jnim/index.html",
        "countries/mali/index.html",
        "chronology/2022/index.html",
        "chronology/index.html",
    ] {
        assert!(changed.contains(page), "{page} not in {changed:?}");
    }
    for page in [
        "briefings/bamako/index.html",
        "countries/burkina-faso/index.html",
        "chronology/2024/index.html",
        "about/index.html",
    ] {
        assert!(!changed.contains(page), "{page} should not change");
    }
}

#[test]
fn editing_a_date_group_and_country_in_turn_leaves_nothing_stale() {
    let mut live = Live::new();
    // Date: Kati moves from 2022 to 2025, a new year with new neighbours.
    let changed = live.edit("content/briefings/kati.md", "date: 2022-07-22", "date: 2025-01-05");
    assert!(changed.contains("chronology/2025/index.html") && changed.contains("chronology/2022/index.html"));
    assert!(live.session.output().get("chronology/2022/index.html").is_none(), "no incident left in 2022");
    // Group: from JNIM to Koglweogo.
    let changed = live.edit("content/briefings/kati.md", "  - JNIM", "  - name: Koglweogo\n    role: other");
    assert!(changed.contains("groups/koglweogo/index.html") && changed.contains("groups/jnim/index.html"));
    // Country: from Mali to Niger.
    let changed = live.edit("content/briefings/kati.md", "countries: [Mali]", "countries: [Niger]");
    assert!(changed.contains("countries/niger/index.html") && changed.contains("countries/mali/index.html"));
    // A figure.
    live.edit("content/briefings/kati.md", "count: 7", "count: 70");
}

#[test]
fn text_and_fact_edits_in_turn_keep_every_figure_and_list_current() {
    // An edit to a briefing's words (title, summary, body, sources) reuses
    // the last index; an edit to a fact makes it again. Either way the
    // preview equals a full build (`edit` checks every file).
    let mut live = Live::new();
    let kati = "content/briefings/kati.md";
    live.edit(kati, "title: JNIM attacks the Kati base", "title: Assault on Kati\nsummary: A base near the capital.");
    let changed = live.edit(kati, "count: 7", "count: 70");
    assert!(changed.contains("groups/jnim/index.html"), "the group's militants killed follow the figure: {changed:?}");
    live.edit(kati, "Kati lies near", "The Kati base lies near");
    live.edit(kati, "https://example.com/kati", "https://example.com/kati-base");
    let changed = live.edit(kati, "lat: 12.74", "lat: 12.80");
    assert!(changed.contains("briefings/kati-2022/index.html"), "the map follows the place");
    let changed = live.edit(kati, "count: 70", "count: 7");
    assert!(changed.contains("groups/jnim/index.html"));
}

#[test]
fn adding_removing_and_renaming_briefings() {
    let mut live = Live::new();
    live.t.write(
        "content/briefings/new.md",
        "---\ntitle: A new incident\ndate: 2024-09-01\ncountries: [ML]\ngroups: [JNIM]\nsources:\n  - url: https://example.com/new\n---\nSee [Bamako](@/briefings/2024/bamako.md).\n",
    );
    let changed = live.rebuild("content/briefings/new.md");
    assert!(changed.contains("briefings/new/index.html"));
    live.t.remove("content/briefings/niger.md");
    let changed = live.rebuild("content/briefings/niger.md");
    assert!(changed.contains("briefings/niger/index.html") && changed.contains("countries/niger/index.html"));
    // A new slug for Bamako: the page that links to it follows.
    let changed =
        live.edit("content/briefings/2024/bamako.md", "title: JNIM strikes", "slug: bamako-2024\ntitle: JNIM strikes");
    assert!(changed.contains("briefings/bamako-2024/index.html") && changed.contains("briefings/bamako/index.html"));
    assert!(changed.contains("briefings/new/index.html"), "the page linking to Bamako has the new address");
}

#[test]
fn a_broken_edit_keeps_the_last_good_site_until_it_is_fixed() {
    let mut live = Live::new();
    let good = live.session.output().clone();
    let path = live.t.root.join("content/briefings/kati.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("date: 2022-07-22", "date: 2022-13-45")).unwrap();
    let mut changes = Changes::default();
    changes.content.insert("briefings/kati.md".into());
    let report = live.session.apply_and_index(&changes);
    assert!(!report.ok);
    assert_eq!(live.session.output(), &good, "the last good site is kept");
    assert!(live.session.diagnostics().iter().any(|d| d.code == "impossible-date"));
    // Fixed with another title: the site catches up with both changes.
    fs::write(&path, text.replace("title: JNIM attacks the Kati base", "title: Fixed")).unwrap();
    let changed = live.rebuild("content/briefings/kati.md");
    assert!(changed.contains("briefings/kati-2022/index.html"));
    assert!(live.session.diagnostics().iter().all(|d| d.code != "impossible-date"));
}

#[test]
fn a_profile_change_re_renders_what_shows_it_and_a_template_touched_without_change_nothing() {
    let mut live = Live::new();
    let path = live.t.root.join("content/groups/jnim.md");
    fs::write(
        &path,
        fs::read_to_string(&path).unwrap().replace("affiliation: al-Qaeda", "affiliation: al-Qaeda central"),
    )
    .unwrap();
    let mut changes = Changes::default();
    changes.content.insert("groups/jnim.md".into());
    let report = live.session.apply_and_index(&changes);
    assert!(report.ok && !report.full);
    assert_eq!(live.session.output(), &full(&live.t.options()));
    assert_eq!(report.changed, ["groups/jnim/index.html"], "only the profile's page shows its affiliation");
    // A template saved without a change: every fingerprint is the same, nothing is rendered.
    let report = live.session.apply_and_index(&Changes { templates: true, ..Changes::default() });
    assert!(report.ok && report.changed.is_empty());
    assert_eq!(report.rendered, 0);
    // A real template change renders every page that uses it.
    let t = &live.t;
    t.copy_default_theme("default");
    let base = t.root.join("themes/default/templates/base.html");
    fs::write(&base, fs::read_to_string(&base).unwrap().replace("</footer>", "<p>New footer line.</p></footer>"))
        .unwrap();
    let report = live.session.apply_and_index(&Changes { templates: true, ..Changes::default() });
    assert!(report.ok);
    assert_eq!(live.session.output(), &full(&live.t.options()));
    assert!(report.changed.iter().filter(|f| f.ends_with(".html")).count() > 20);
}

/// Found by `random_edits`: a group page links the countries it is active in
/// only when they have a page, so a country page appearing touches it.
#[test]
fn r4_a_country_page_appearing_updates_the_group_pages_that_name_it() {
    let mut live = Live::new();
    // The border ambush is no longer JNIM's, and no longer in Niger: no page for Niger.
    live.edit(
        "content/briefings/niger.md",
        "  - name: JNIM\n    claim: suspected",
        "  - name: Koglweogo\n    role: other",
    );
    let changed = live.edit(
        "content/briefings/niger.md",
        "countries: [NE, ML]\nlocations:\n  - name: Inates\n    country: NE\n",
        "countries: [ML]\nlocations:\n",
    );
    assert!(changed.contains("countries/niger/index.html") && changed.contains("groups/jnim/index.html"));
    // Niger again: JNIM's page, which names Niger, links it again.
    let changed = live.edit("content/briefings/niger.md", "countries: [ML]", "countries: [NE, ML]");
    assert!(changed.contains("groups/jnim/index.html"), "{changed:?}");
}
