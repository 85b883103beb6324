//! Rebuilding from a change gives exactly what a full build gives, and
//! touches exactly the pages that show the change.

use std::collections::BTreeSet;
use std::fs;

use sitrep::output::Output;
use sitrep::pipeline::{self, BuildOptions};
use sitrep::session::{Changes, Session};

use crate::support::SiteTest;

/// Files whose bytes differ between two builds (added, removed or changed).
fn diff(a: &Output, b: &Output) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (p, bytes) in a.iter() {
        if b.get(p) != Some(bytes) {
            out.insert(p.to_string());
        }
    }
    for (p, _) in b.iter() {
        if a.get(p).is_none() {
            out.insert(p.to_string());
        }
    }
    out
}

fn full(opts: &BuildOptions) -> Output {
    let (site, diags) = pipeline::build_site(opts);
    site.unwrap_or_else(|| panic!("{}", crate::support::render(&diags))).output
}

/// A session on the fixture that checks every rebuild against a full build.
struct Live {
    t: SiteTest,
    session: Session,
    last: Output,
    /// The last rebuild patched the index instead of building it again.
    patched: bool,
}

impl Live {
    fn new() -> Live {
        let t = SiteTest::fixture("sahel");
        let (session, report) = Session::open(t.options());
        assert!(report.ok && report.full);
        let last = full(&t.options());
        assert_eq!(session.output(), &last, "the first build is a full build");
        Live { t, session, last, patched: false }
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
        let report = self.session.apply(&changes);
        assert!(report.ok, "{}", crate::support::render(self.session.diagnostics()));
        assert!(!report.full, "a briefing edit re-renders only what it touches");
        self.patched = report.index_patched;
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
    assert!(live.patched, "a new headline moves no incident: the index is patched");
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
    assert!(!live.patched, "a new date moves the incident: the index is built again");
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
    let report = live.session.apply(&changes);
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
fn a_profile_or_template_change_re_renders_everything() {
    let mut live = Live::new();
    let path = live.t.root.join("content/groups/jnim.md");
    fs::write(
        &path,
        fs::read_to_string(&path).unwrap().replace("affiliation: al-Qaeda", "affiliation: al-Qaeda central"),
    )
    .unwrap();
    let mut changes = Changes::default();
    changes.content.insert("groups/jnim.md".into());
    let report = live.session.apply(&changes);
    assert!(report.ok && report.full);
    assert_eq!(live.session.output(), &full(&live.t.options()));
    let report = live.session.apply(&Changes { templates: true, ..Changes::default() });
    assert!(report.ok && report.full && report.changed.is_empty());
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

mod random_edits {
    use std::fs;

    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

    use sitrep::session::{Changes, Session};

    use super::diff;
    use crate::support::SiteTest;

    const FILES: &[&str] = &[
        "briefings/kati.md",
        "briefings/niger.md",
        "briefings/2023/djibo.md",
        "briefings/extra.md",
        "briefings/2024/bamako.md",
    ];

    /// A briefing written from a few choices.
    #[derive(Debug, Clone, Default)]
    struct Draft {
        title: usize,
        date: usize,
        countries: usize,
        groups: usize,
        killed: u8,
        link: usize,
        slug: bool,
        wording: Wording,
    }

    /// What the index does not read: a change to these alone patches the
    /// index of a live preview instead of building it again.
    #[derive(Debug, Clone, Default)]
    struct Wording {
        place: usize,
        tactics: usize,
        summary: usize,
        updated: bool,
    }

    #[derive(Debug, Clone)]
    enum Edit {
        Write {
            file: usize,
            draft: Draft,
        },
        /// Rewrites the headline, link and wording of the file's last draft, nothing else.
        Reword {
            file: usize,
            title: usize,
            link: usize,
            wording: Wording,
        },
        Delete {
            file: usize,
        },
    }

    fn wording() -> impl Strategy<Value = Wording> {
        (0..3usize, 0..3usize, 0..3usize, any::<bool>()).prop_map(|(place, tactics, summary, updated)| Wording {
            place,
            tactics,
            summary,
            updated,
        })
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let draft = (0..3usize, 0..5usize, 0..3usize, 0..4usize, any::<u8>(), 0..4usize, any::<bool>(), wording())
            .prop_map(|(title, date, countries, groups, killed, link, slug, wording)| Draft {
                title,
                date,
                countries,
                groups,
                killed,
                link,
                slug,
                wording,
            });
        prop_oneof![
            3 => (0..FILES.len(), draft).prop_map(|(file, draft)| Edit::Write { file, draft }),
            3 => (0..FILES.len(), 0..3usize, 0..4usize, wording())
                .prop_map(|(file, title, link, wording)| Edit::Reword { file, title, link, wording }),
            1 => (0..FILES.len()).prop_map(|file| Edit::Delete { file }),
        ]
    }

    impl Draft {
        fn text(&self, file: usize) -> String {
            let title = ["Attack on a base", "Ambush on a convoy", "Raid on a market"][self.title];
            let date = ["2021-05-10", "2022-07-22", "2023-02", "2024-09-17", "2025-01-01"][self.date];
            let countries = ["[ML]", "[BF]", "[NE, ML]"][self.countries];
            let groups =
                ["[JNIM]", "\n  - name: GSIM\n    claim: claimed", "\n  - name: Koglweogo\n    role: other", "[]"]
                    [self.groups];
            // The last one is broken: the rebuild fails and keeps the last good site.
            let link = [
                "",
                "See [Kati](@/briefings/kati.md).",
                "See [Bamako](@/briefings/2024/bamako.md).",
                "See [gone](@/briefings/gone.md).",
            ][self.link];
            let slug = if self.slug { format!("slug: moved-{file}\n") } else { String::new() };
            let killed = self.killed;
            let w = &self.wording;
            let place = [
                "",
                "locations:\n  - name: Kati\n    lat: 12.74\n    lon: -8.07\n",
                "locations:\n  - name: Djibo\n    lat: 14.1\n    lon: -1.63\n",
            ][w.place];
            let tactics = ["", "tactics: [ambush]\n", "tactics: [IED, ambush]\n"][w.tactics];
            let summary = ["", "summary: A short lead.\n", "summary: Another lead.\n"][w.summary];
            let updated = if w.updated { "updated: 2025-02-01\n" } else { "" };
            format!(
                "---\ntitle: {title} {file}\ndate: {date}\n{updated}{summary}{slug}countries: {countries}\n{place}groups: {groups}\n{tactics}casualties:\n  - kind: killed\n    count: {killed}\n    according_to: army\nsources:\n  - url: https://example.com/{file}\n---\nBody. {link}\n"
            )
        }
    }

    #[test]
    fn any_sequence_of_edits_gives_what_a_full_build_gives() {
        let cases = std::env::var("SITREP_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(16);
        let config = Config { cases, failure_persistence: None, ..Config::default() };
        let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]));
        let patched = std::cell::Cell::new(0);
        runner
            .run(&prop::collection::vec(edit(), 1..6), |edits| {
                let t = SiteTest::fixture("sahel");
                let (mut session, _) = Session::open(t.options());
                let mut last = session.output().clone();
                let mut drafts: std::collections::HashMap<usize, Draft> = std::collections::HashMap::new();
                for e in &edits {
                    let file = match e {
                        Edit::Write { file, .. } | Edit::Reword { file, .. } | Edit::Delete { file } => FILES[*file],
                    };
                    let path = t.root.join("content").join(file);
                    match e {
                        Edit::Write { file, draft } => {
                            fs::write(&path, draft.text(*file)).unwrap();
                            drafts.insert(*file, draft.clone());
                        }
                        Edit::Reword { file, title, link, wording } => {
                            let draft = drafts.entry(*file).or_default();
                            draft.title = *title;
                            draft.link = *link;
                            draft.wording = wording.clone();
                            fs::write(&path, draft.text(*file)).unwrap();
                        }
                        Edit::Delete { file } => {
                            let _ = fs::remove_file(&path);
                            drafts.remove(file);
                        }
                    }
                    let mut changes = Changes::default();
                    changes.content.insert(file.to_string());
                    let report = session.apply(&changes);
                    patched.set(patched.get() + usize::from(report.index_patched));
                    let (site, _) = sitrep::pipeline::build_site(&t.options());
                    match site {
                        Some(site) => {
                            prop_assert!(report.ok);
                            prop_assert!(
                                session.output() == &site.output,
                                "stale after {e:?}: {:?}",
                                diff(session.output(), &site.output)
                            );
                            let changed: std::collections::BTreeSet<String> = report.changed.iter().cloned().collect();
                            prop_assert_eq!(&changed, &diff(&last, &site.output));
                            last = site.output;
                        }
                        None => {
                            prop_assert!(!report.ok);
                            prop_assert!(session.output() == &last, "a failed rebuild keeps the last good site");
                        }
                    }
                }
                Ok(())
            })
            .unwrap();
        assert!(patched.get() > 0, "some edits took the patched path");
    }
}
