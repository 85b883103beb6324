//! The preview never lies: after any sequence of a writer's edits, every file
//! the live preview holds equals, byte for byte, what a fresh full build of
//! the same files writes, and nothing the build no longer has is left over.
//!
//! A seeded random sequence of edits runs against the `sahel` fixture plus a
//! few generated briefings naming groups without a profile in several
//! spellings (`Katiba Macina`, `KATIBA MACINA`, `Katiba Maçina`), linking to
//! each other, drafts among them, with the site's own copy of the theme.
//! Each edit is one a writer makes: retitle, refigure, redate, respell a
//! group, delete a file and restore it, add one, link one to another, edit a
//! group profile, `site.yaml` or a template, break the YAML and mend it,
//! toggle a draft; and, the desk publishing in French too, write, change or
//! remove a translation (one with a fact in it, an error), the glossary, or
//! a profile's translation. The preview is told what changed the way the file
//! watcher tells it (`serve::watch::classify`), then compared with a full
//! build (`--drafts`, as the preview shows drafts); a failed build must leave
//! the preview on the last good site.
//!
//! `SITREP_FUZZ_CASES` sets how many sequences run (default 12, CI-sized);
//! `SITREP_FUZZ_CASES=1000 cargo test --release --test integration
//! differential` is the long run (see the README).

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use sitrep::pipeline::{self, BuildOptions};
use sitrep::session::Session;

use crate::preview::Preview;
use crate::support::{SiteTest, changed_files as diff};

/// How many generated briefings a sequence can touch.
const FILES: usize = 6;

/// Spellings of the same group, which has no profile (unless an edit gives
/// JNIM's profile the alias).
const MACINA: [&str; 4] = ["Katiba Macina", "KATIBA MACINA", "Katiba Maçina", "katiba macina"];
/// Spellings of a group the fixture already names without a profile.
const KOGLWEOGO: [&str; 2] = ["Koglweogo", "koglweogo"];

/// A generated briefing, as a writer last left it.
#[derive(Debug, Clone, PartialEq)]
struct Briefing {
    title: usize,
    date: usize,
    countries: usize,
    /// 0 JNIM; 1 Katiba Macina (spelling) claims; 2 it and FAMa as target; 3 Koglweogo (spelling); 4 none.
    groups: usize,
    spelling: usize,
    /// 0 exact, 1 a range, 2 only a maximum, 3 none reported.
    figure: usize,
    killed: u16,
    /// Links to another generated briefing.
    link: Option<usize>,
    draft: bool,
    /// The front matter is broken (an unclosed list).
    broken: bool,
    /// 0 nothing more; 1 a located place and tactics; 2 a summary and an
    /// `updated` date; 3 a slug of its own.
    extra: usize,
}

impl Briefing {
    fn text(&self, file: usize) -> String {
        if self.broken {
            return format!("---\ntitle: [Broken {file}\ndate: 2024-01-01\n---\nHalf written.\n");
        }
        let title =
            ["Attack on a base", "Ambush on a convoy", "Raid on a market", "Strike on a checkpoint"][self.title];
        let date = ["2021-05-10", "2022-07-22", "2023-02", "2024-09-17", "2024-09-17", "2022"][self.date];
        let countries = ["[ML]", "[BF]", "[NE, ML]"][self.countries];
        let macina = MACINA[self.spelling % MACINA.len()];
        let groups = match self.groups {
            0 => "[JNIM]".to_string(),
            1 => format!("\n  - name: {macina}\n    claim: claimed"),
            2 => format!("\n  - name: {macina}\n  - name: FAMa\n    role: target"),
            3 => format!("\n  - name: {}\n    role: other", KOGLWEOGO[self.spelling % KOGLWEOGO.len()]),
            _ => "[]".to_string(),
        };
        let k = self.killed;
        let figure = match self.figure {
            0 => format!("count: {k}"),
            1 => format!("min: {k}\n    max: {}", k + 10),
            2 => format!("max: {}", k + 1),
            _ => String::new(),
        };
        let casualties = if figure.is_empty() {
            String::new()
        } else {
            format!("casualties:\n  - kind: killed\n    {figure}\n    according_to: army\n")
        };
        let draft = if self.draft { "draft: true\n" } else { "" };
        // In a paragraph of its own: the first paragraph is the summary lists show.
        let link = self.link.map(|to| format!("\n\nSee [another](@/briefings/gen-{to}.md).")).unwrap_or_default();
        let extra = match self.extra {
            1 if self.countries == 1 => {
                "locations:\n  - name: Djibo\n    country: BF\n    lat: 14.1\n    lon: -1.63\ntactics: [ambush]\n"
                    .to_string()
            }
            1 => {
                "locations:\n  - name: Kati\n    country: ML\n    lat: 12.74\n    lon: -8.07\ntactics: [IED, ambush]\n"
                    .to_string()
            }
            2 => "summary: A short lead.\nupdated: 2025-02-01\n".to_string(),
            3 => format!("slug: moved-{file}\n"),
            _ => String::new(),
        };
        format!(
            "---\ntitle: {title} {file}\ndate: {date}\n{draft}{extra}countries: {countries}\ngroups: {groups}\n{casualties}sources:\n  - url: https://example.com/{file}\n---\nWhat happened.{link}\n"
        )
    }
}

/// One edit a writer makes.
#[derive(Debug, Clone)]
enum Edit {
    Retitle(usize, usize),
    Refigure(usize, usize, u16),
    Redate(usize, usize),
    Respell(usize, usize),
    Regroup(usize, usize),
    Reword(usize, usize),
    Delete(usize),
    Restore(usize),
    Add(usize),
    Link(usize, Option<usize>),
    ToggleDraft(usize),
    Break(usize),
    Mend(usize),
    /// Gives JNIM's profile the alias `Katiba Macina`, or takes it away.
    ToggleAlias,
    /// Rewrites JNIM's profile body.
    ProfileBody(usize),
    /// Changes the site's title.
    SiteTitle(usize),
    /// Changes the briefing template (or saves it unchanged).
    Template(usize),
    /// Writes briefing `.0`'s French translation in one of a few forms
    /// (0: none; 3: with a fact in it, an error).
    Translate(usize, usize),
    /// Writes the French glossary in one of a few forms (0: none).
    Glossary(usize),
    /// Writes JNIM's French profile in one of a few forms (0: none).
    TranslateProfile(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let f = 0..FILES;
    prop_oneof![
        3 => (f.clone(), 0..4usize).prop_map(|(f, t)| Edit::Retitle(f, t)),
        3 => (f.clone(), 0..4usize, 0..300u16).prop_map(|(f, k, n)| Edit::Refigure(f, k, n)),
        2 => (f.clone(), 0..6usize).prop_map(|(f, d)| Edit::Redate(f, d)),
        3 => (f.clone(), 0..4usize).prop_map(|(f, s)| Edit::Respell(f, s)),
        2 => (f.clone(), 0..5usize).prop_map(|(f, g)| Edit::Regroup(f, g)),
        2 => (f.clone(), 0..4usize).prop_map(|(f, x)| Edit::Reword(f, x)),
        1 => f.clone().prop_map(Edit::Delete),
        2 => f.clone().prop_map(Edit::Restore),
        1 => f.clone().prop_map(Edit::Add),
        2 => (f.clone(), prop::option::of(0..FILES)).prop_map(|(f, to)| Edit::Link(f, to)),
        1 => f.clone().prop_map(Edit::ToggleDraft),
        1 => f.clone().prop_map(Edit::Break),
        2 => f.clone().prop_map(Edit::Mend),
        1 => Just(Edit::ToggleAlias),
        1 => (0..3usize).prop_map(Edit::ProfileBody),
        1 => (0..2usize).prop_map(Edit::SiteTitle),
        1 => (0..3usize).prop_map(Edit::Template),
        3 => (f, 0..4usize).prop_map(|(f, v)| Edit::Translate(f, v)),
        1 => (0..3usize).prop_map(Edit::Glossary),
        1 => (0..3usize).prop_map(Edit::TranslateProfile),
    ]
}

/// The desk a sequence edits: the fixture, its own theme, and what each
/// generated briefing holds (`None`: deleted or not yet written).
struct Desk {
    t: SiteTest,
    files: Vec<Option<Briefing>>,
    /// The last text of each generated briefing, for `Restore`.
    kept: Vec<Option<Briefing>>,
    alias: bool,
    /// The form of each generated briefing's French translation (0: none).
    translations: Vec<usize>,
}

impl Desk {
    fn new() -> Desk {
        let t = SiteTest::fixture("sahel");
        t.copy_default_theme("desk");
        let yaml = fs::read_to_string(t.root.join("site.yaml")).unwrap().replace("theme: default", "theme: desk");
        t.write("site.yaml", &format!("{yaml}languages:\n  fr:\n    title: Bureau d'essai\n"));
        let start = |i: usize| Briefing {
            title: i % 4,
            date: i % 6,
            countries: i % 3,
            groups: [1, 2, 1, 3, 0, 1][i],
            spelling: i,
            figure: i % 4,
            killed: (i * 7) as u16,
            link: (i == 2).then_some(0),
            draft: i == 5,
            broken: false,
            extra: i % 4,
        };
        let files: Vec<Option<Briefing>> = (0..FILES).map(|i| (i < 5).then(|| start(i))).collect();
        let desk = Desk { t, kept: files.clone(), files, alias: false, translations: vec![0; FILES] };
        for i in 0..FILES {
            desk.write_briefing(i);
        }
        desk
    }

    fn options(&self) -> BuildOptions {
        let mut opts = self.t.options();
        opts.drafts = true;
        opts
    }

    fn briefing_path(&self, i: usize) -> PathBuf {
        self.t.root.join(format!("content/briefings/gen-{i}.md"))
    }

    fn write_briefing(&self, i: usize) -> PathBuf {
        let path = self.briefing_path(i);
        match &self.files[i] {
            Some(b) => fs::write(&path, b.text(i)).unwrap(),
            None => {
                let _ = fs::remove_file(&path);
            }
        }
        path
    }

    /// Mends every broken briefing, restores every deleted one and drops
    /// links to missing ones: the site builds again. Returns the paths touched.
    fn mend_all(&mut self) -> Vec<PathBuf> {
        let mut touched = Vec::new();
        for i in 0..FILES {
            if self.files[i].is_none() && self.kept[i].is_some() {
                touched.extend(self.apply(&Edit::Restore(i)));
            }
        }
        for i in 0..FILES {
            if self.files[i].is_none() && self.translations[i] != 0 {
                touched.extend(self.apply(&Edit::Translate(i, 0)));
            } else if self.translations[i] == 3 {
                touched.extend(self.apply(&Edit::Translate(i, 1)));
            }
        }
        for i in 0..FILES {
            let Some(b) = self.files[i].clone() else { continue };
            let dangling = b.link.is_some_and(|to| self.files[to].is_none());
            if b.broken || dangling {
                let mended = Briefing { broken: false, link: if dangling { None } else { b.link }, ..b };
                self.files[i] = Some(mended.clone());
                self.kept[i] = Some(mended);
                touched.push(self.write_briefing(i));
            }
        }
        touched
    }

    /// Makes `edit` on disk; returns the paths it touched.
    fn apply(&mut self, edit: &Edit) -> Vec<PathBuf> {
        let change = |desk: &mut Desk, i: usize, f: &dyn Fn(&mut Briefing)| {
            if let Some(b) = desk.files[i].as_mut() {
                f(b);
                desk.kept[i] = Some(b.clone());
            }
            vec![desk.write_briefing(i)]
        };
        match *edit {
            Edit::Retitle(i, t) => change(self, i, &|b| b.title = t),
            Edit::Refigure(i, k, n) => change(self, i, &|b| (b.figure, b.killed) = (k, n)),
            Edit::Redate(i, d) => change(self, i, &|b| b.date = d),
            Edit::Respell(i, s) => change(self, i, &|b| b.spelling = s),
            Edit::Regroup(i, g) => change(self, i, &|b| b.groups = g),
            Edit::Reword(i, x) => change(self, i, &|b| b.extra = x),
            Edit::Link(i, to) => change(self, i, &|b| b.link = to.filter(|&to| to != i)),
            Edit::ToggleDraft(i) => change(self, i, &|b| b.draft = !b.draft),
            Edit::Break(i) => change(self, i, &|b| b.broken = true),
            Edit::Mend(i) => change(self, i, &|b| b.broken = false),
            Edit::Delete(i) => {
                self.files[i] = None;
                vec![self.write_briefing(i)]
            }
            Edit::Restore(i) | Edit::Add(i) => {
                if self.files[i].is_none() {
                    self.files[i] = Some(self.kept[i].clone().unwrap_or(Briefing {
                        title: 0,
                        date: 3,
                        countries: 0,
                        groups: 1,
                        spelling: i,
                        figure: 0,
                        killed: 3,
                        link: None,
                        draft: false,
                        broken: false,
                        extra: 0,
                    }));
                }
                vec![self.write_briefing(i)]
            }
            Edit::ToggleAlias => {
                self.alias = !self.alias;
                let aliases = if self.alias {
                    "aliases: [GSIM, Support Group for Islam and Muslims, Katiba Macina]"
                } else {
                    "aliases: [GSIM, Support Group for Islam and Muslims]"
                };
                let path = self.t.root.join("content/groups/jnim.md");
                let text = fs::read_to_string(&path).unwrap();
                let text: String = text
                    .lines()
                    .map(|l| if l.starts_with("aliases:") { aliases } else { l })
                    .collect::<Vec<_>>()
                    .join("\n");
                fs::write(&path, text + "\n").unwrap();
                vec![path]
            }
            Edit::ProfileBody(n) => {
                let path = self.t.root.join("content/groups/jnim.md");
                let text = fs::read_to_string(&path).unwrap();
                let head = &text[..text.rfind("---\n").unwrap() + 4];
                let body =
                    ["JNIM is al-Qaeda's Sahel branch.", "JNIM formed in 2017.", "See [Kati](@/briefings/kati.md)."];
                fs::write(&path, format!("{head}## Overview\n\n{}\n", body[n])).unwrap();
                vec![path]
            }
            Edit::SiteTitle(n) => {
                let path = self.t.root.join("site.yaml");
                let text = fs::read_to_string(&path).unwrap();
                let title = ["title: Test Desk", "title: Test Desk Two"][n];
                let text: String = text
                    .lines()
                    .map(|l| if l.starts_with("title:") { title } else { l })
                    .collect::<Vec<_>>()
                    .join("\n");
                fs::write(&path, text + "\n").unwrap();
                vec![path]
            }
            Edit::Translate(i, v) => {
                self.translations[i] = v;
                let path = self.t.root.join(format!("content/briefings/gen-{i}.fr.md"));
                let text = match v {
                    0 => None,
                    1 => Some(format!("---\ntitle: Titre {i}\n---\nCe qui s'est passé.\n")),
                    2 => Some(format!(
                        "---\ntitle: Autre titre {i}\nsummary: Un résumé.\n---\nVoir [Kati](@/briefings/kati.md).\n"
                    )),
                    _ => Some(format!("---\ntitle: Titre {i}\ndate: 2024-01-01\n---\nUn fait.\n")),
                };
                match text {
                    Some(text) => fs::write(&path, text).unwrap(),
                    None => {
                        let _ = fs::remove_file(&path);
                    }
                }
                vec![path]
            }
            Edit::Glossary(v) => {
                let path = self.t.root.join("content/glossary.fr.yaml");
                match v {
                    0 => {
                        let _ = fs::remove_file(&path);
                    }
                    1 => fs::write(&path, "small arms: armes légères\n").unwrap(),
                    _ => fs::write(&path, "small arms: armes de petit calibre\ngendarmerie school: école\n").unwrap(),
                }
                vec![path]
            }
            Edit::TranslateProfile(v) => {
                let path = self.t.root.join("content/groups/jnim.fr.md");
                match v {
                    0 => {
                        let _ = fs::remove_file(&path);
                    }
                    1 => fs::write(&path, "---\nname: GSIM\n---\nLe GSIM.\n").unwrap(),
                    _ => fs::write(&path, "---\nfull_name: Groupe de soutien\n---\nAutre texte.\n").unwrap(),
                }
                vec![path]
            }
            Edit::Template(n) => {
                let path = self.t.root.join("themes/desk/templates/briefing.html");
                let text = fs::read_to_string(&path).unwrap();
                let text = text.replace("<!-- edited -->", "");
                let text = match n {
                    0 => text,
                    _ => text.replacen("{% block content %}", "{% block content %}<!-- edited -->", 1),
                };
                fs::write(&path, text).unwrap();
                vec![path]
            }
        }
    }
}

/// Runs `edits` against a live preview, checking it against a full build after each.
fn run_sequence(edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut desk = Desk::new();
    let (mut session, first) = Session::open(desk.options());
    session.index_search();
    let (site, diags) = pipeline::build_site(&desk.options());
    let site = site.unwrap_or_else(|| panic!("the starting desk builds:\n{}", crate::support::render(&diags)));
    prop_assert!(first.ok);
    prop_assert!(session.output() == &site.output, "first build: {:?}", diff(session.output(), &site.output));
    let mut last = site.output;
    for (n, e) in edits.iter().enumerate() {
        let touched = desk.apply(e);
        let changes = sitrep::serve::watch::classify(&desk.t.root, "desk", touched.iter().map(PathBuf::as_path));
        let report = session.apply_and_index(&changes);
        let (site, _) = pipeline::build_site(&desk.options());
        match site {
            Some(site) => {
                prop_assert!(report.ok, "edit {n} {e:?}: the build succeeds, the preview failed");
                prop_assert!(
                    session.output() == &site.output,
                    "edit {n} {e:?}: the preview differs from a full build in {:?}",
                    diff(session.output(), &site.output)
                );
                let changed: BTreeSet<String> = report.changed.iter().cloned().collect();
                prop_assert_eq!(&changed, &diff(&last, &site.output), "edit {} {:?}: changed files", n, e);
                last = site.output;
            }
            None => {
                prop_assert!(!report.ok, "edit {n} {e:?}: the build fails, the preview succeeded");
                prop_assert!(session.output() == &last, "edit {n} {e:?}: a failed rebuild keeps the last good site");
            }
        }
    }
    // Whatever state the desk is left in, mending it brings the preview back.
    let touched = desk.mend_all();
    let changes = sitrep::serve::watch::classify(&desk.t.root, "desk", touched.iter().map(PathBuf::as_path));
    let report = session.apply_and_index(&changes);
    let (site, diags) = pipeline::build_site(&desk.options());
    let site = site.unwrap_or_else(|| panic!("the mended desk builds:\n{}", crate::support::render(&diags)));
    prop_assert!(report.ok || touched.is_empty());
    prop_assert!(session.output() == &site.output, "after mending: {:?}", diff(session.output(), &site.output));
    Ok(())
}

#[test]
fn any_sequence_of_a_writers_edits_leaves_the_preview_equal_to_a_full_build() {
    let cases = std::env::var("SITREP_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(12);
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[12; 32]));
    runner.run(&prop::collection::vec(edit(), 6..16), |edits| run_sequence(&edits)).unwrap();
}

#[test]
fn a_group_without_a_profile_takes_the_spelling_most_briefings_use() {
    let mut desk = Desk::new();
    let name = |desk: &Desk| {
        let (site, diags) = pipeline::build_site(&desk.options());
        let site = site.unwrap_or_else(|| panic!("{}", crate::support::render(&diags)));
        let html = String::from_utf8(site.output.get("groups/katiba-macina/index.html").unwrap().to_vec()).unwrap();
        html.split("<h1>").nth(1).unwrap().split("</h1>").next().unwrap().to_string()
    };
    // gen-0 `Katiba Macina`, gen-1 `KATIBA MACINA`, gen-2 `Katiba Maçina`: a tie of ones, the first sorting wins.
    assert_eq!(name(&desk), "KATIBA MACINA");
    // Two of three now spell it `katiba macina`, whatever their dates.
    desk.apply(&Edit::Respell(0, 3));
    desk.apply(&Edit::Respell(2, 3));
    assert_eq!(name(&desk), "katiba macina");
    // Moving the oldest briefing changes nothing about the name.
    desk.apply(&Edit::Redate(1, 0));
    assert_eq!(name(&desk), "katiba macina");
    desk.apply(&Edit::Redate(1, 3));
    assert_eq!(name(&desk), "katiba macina");
}

/// What the preview serves at `file`'s address, without what it adds to
/// every page (its reload script and problems overlay).
fn served(p: &Preview, file: &str) -> (u16, Vec<u8>) {
    let path = match file.strip_suffix("index.html") {
        Some(dir) => format!("/{dir}"),
        None => format!("/{file}"),
    };
    let reply = p.get_bytes(&path);
    let mut body = reply.1;
    if file.ends_with(".html") {
        let text = String::from_utf8_lossy(&body).into_owned();
        if let (Some(from), Some(to)) = (text.rfind("<script data-version=\""), text.rfind("</body>")) {
            body = format!("{}{}", &text[..from], &text[to..]).into_bytes();
        }
    }
    (reply.0, body)
}

/// Every file of a built output folder, but the marker sitrep leaves in it.
fn built_files(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    crate::support::tree(dir).into_iter().filter(|(p, _)| p != ".sitrep-output").collect()
}

/// Waits until the preview serves exactly `expected` and none of `gone`;
/// returns what still differs after ten seconds.
fn converge(
    p: &Preview,
    expected: &std::collections::BTreeMap<String, Vec<u8>>,
    gone: &BTreeSet<String>,
) -> Vec<String> {
    let started = std::time::Instant::now();
    loop {
        let mut differs: Vec<String> = Vec::new();
        for (file, bytes) in expected {
            let (status, body) = served(p, file);
            if status != 200 || &body != bytes {
                differs.push(format!("{file} ({status})"));
            }
        }
        for file in gone {
            if served(p, file).0 != 404 {
                differs.push(format!("{file} should be gone"));
            }
        }
        if differs.is_empty() || started.elapsed() > std::time::Duration::from_secs(10) {
            return differs;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn over_http_the_preview_serves_what_build_drafts_writes_after_every_edit() {
    let mut desk = Desk::new();
    let p = Preview::start(&desk.t.root);
    let out = desk.t.root.parent().unwrap().join("built");
    let root = desk.t.root.clone();
    let build = || {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(["build", "--drafts", "--base-url", &format!("http://{}/", p.addr), "--root"])
            .arg(&root)
            .arg("--output")
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        status.success().then(|| built_files(&out))
    };
    let mut good = build().expect("the starting desk builds");
    let mut seen: BTreeSet<String> = good.keys().cloned().collect();
    assert_eq!(converge(&p, &good, &BTreeSet::new()), Vec::<String>::new(), "first build");
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &[2; 32]));
    let edits = prop::collection::vec(edit(), 14).new_tree(&mut runner).unwrap().current();
    let (mut built, mut failed) = (0, 0);
    for (n, e) in edits.iter().enumerate() {
        desk.apply(e);
        match build() {
            Some(site) => (good, built) = (site, built + 1),
            None => failed += 1,
        }
        let gone: BTreeSet<String> = seen.iter().filter(|f| !good.contains_key(*f)).cloned().collect();
        let differs = converge(&p, &good, &gone);
        assert!(differs.is_empty(), "edit {n} {e:?}: the preview differs from `build --drafts` in {differs:?}");
        seen.extend(good.keys().cloned());
    }
    desk.mend_all();
    good = build().expect("the mended desk builds");
    let gone: BTreeSet<String> = seen.iter().filter(|f| !good.contains_key(*f)).cloned().collect();
    assert_eq!(converge(&p, &good, &gone), Vec::<String>::new(), "after mending");
    eprintln!("over HTTP: {built} edits built, {failed} failed, {} files compared each time", good.len());
    assert!(built >= 5 && failed >= 2, "the sequence has edits that build and edits that break the site");
}
