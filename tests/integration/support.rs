//! The test harness: copy a fixture site, build it, read what a reader would see.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use scraper::{Html, Selector};
use sitrep::diagnostics::Diagnostics;
use sitrep::pipeline::{self, BuildOptions, Written};

/// The minimal desk plus 65 JNIM attacks in Mali in early 2024 (one a day),
/// so Mali, 2024 and JNIM each have three pages of 30, 30 and the rest.
pub fn busy_desk() -> SiteTest {
    let t = SiteTest::fixture("minimal");
    for i in 0..65 {
        let (month, day) = (1 + i / 28, 1 + i % 28);
        let text = format!(
            "---\ntitle: Attack number {i}\ndate: 2024-{month:02}-{day:02}\ncountries: [ML]\ngroups: [JNIM]\n\
             sources:\n  - url: https://example.com/{i}\n---\nAn attack.\n"
        );
        t.write(&format!("content/briefings/attack-{i:02}.md"), &text);
    }
    t
}

/// The day every test builds as of.
pub fn today() -> Date {
    Date::new(2026, 11, 21).unwrap()
}

/// A copy of a fixture site in a temporary folder.
pub struct SiteTest {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

impl SiteTest {
    /// Copies `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name), &root);
        SiteTest { _dir: dir, root }
    }

    /// Writes a file of the site.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    /// Copies the repository's default theme into the site as `themes/<name>`;
    /// returns the text of its stylesheet.
    pub fn copy_default_theme(&self, name: &str) -> String {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        for sub in ["templates", "static", "i18n", "data"] {
            for entry in fs::read_dir(from.join(sub)).unwrap() {
                let entry = entry.unwrap();
                let text = fs::read_to_string(entry.path()).unwrap();
                self.write(&format!("themes/{name}/{sub}/{}", entry.file_name().to_string_lossy()), &text);
            }
        }
        fs::read_to_string(from.join("static/style.css")).unwrap()
    }

    /// Removes a file of the site.
    pub fn remove(&self, rel: &str) -> &Self {
        fs::remove_file(self.root.join(rel)).unwrap();
        self
    }

    /// Build options as of `today()`.
    pub fn options(&self) -> BuildOptions {
        BuildOptions::new(&self.root, today())
    }

    /// Builds into `<root>/output`, expecting success.
    pub fn build(&self) -> Built {
        self.build_with(|_| {})
    }

    /// Builds with adjusted options, expecting success.
    pub fn build_with(&self, adjust: impl FnOnce(&mut BuildOptions)) -> Built {
        let mut opts = self.options();
        adjust(&mut opts);
        let (site, diags) = pipeline::build(&opts);
        let site = site.unwrap_or_else(|| panic!("build failed:\n{}", render(&diags)));
        Built { site, diags, out: opts.output_dir() }
    }

    /// Builds, expecting failure; returns the diagnostics.
    pub fn build_err(&self) -> Diagnostics {
        let (site, diags) = pipeline::build(&self.options());
        assert!(site.is_none(), "the build should fail");
        assert!(diags.has_errors());
        diags
    }

    /// The output folder.
    pub fn out(&self) -> PathBuf {
        self.root.join("output")
    }
}

/// Diagnostics as text, for failure messages.
pub fn render(diags: &Diagnostics) -> String {
    diags.iter().map(|d| d.render(None, false)).collect()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A successful build, read back from disk.
pub struct Built {
    pub site: Written,
    pub diags: Diagnostics,
    pub out: PathBuf,
}

/// A built site on disk, read the way a reader's browser would.
pub trait Pages {
    /// The output folder.
    fn root(&self) -> &Path;

    /// The file a page path is written to: `briefings/x/` -> `briefings/x/index.html`.
    fn file(&self, page: &str) -> PathBuf {
        let page = page.trim_start_matches('/');
        if page.is_empty() || page.ends_with('/') {
            self.root().join(page).join("index.html")
        } else {
            self.root().join(page)
        }
    }

    /// True when the page was written.
    fn has(&self, page: &str) -> bool {
        self.file(page).is_file()
    }

    /// The page's HTML source.
    fn source(&self, page: &str) -> String {
        fs::read_to_string(self.file(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
    }

    /// The parsed page.
    fn html(&self, page: &str) -> Html {
        Html::parse_document(&self.source(page))
    }

    /// The visible text of the page's main content, whitespace collapsed.
    fn text(&self, page: &str) -> String {
        self.texts(page, "main").join(" ")
    }

    /// The text of every element matching `selector`, whitespace collapsed.
    fn texts(&self, page: &str, selector: &str) -> Vec<String> {
        let html = self.html(page);
        let sel = Selector::parse(selector).unwrap();
        html.select(&sel).map(|e| collapse(&e.text().collect::<String>())).collect()
    }

    /// The `attr` of every element matching `selector`.
    fn attrs(&self, page: &str, selector: &str, attr: &str) -> Vec<String> {
        let html = self.html(page);
        let sel = Selector::parse(selector).unwrap();
        html.select(&sel).filter_map(|e| e.value().attr(attr).map(str::to_string)).collect()
    }

    /// Every HTML file written, relative to the output folder.
    fn pages(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        collect(self.root(), self.root(), &mut out);
        out
    }

    /// Every local link (href/src under `base_path`) that leads nowhere, as "page -> link".
    fn broken_links(&self, base_path: &str) -> Vec<String> {
        broken_links(self.root(), &self.pages(), base_path)
    }
}

impl Pages for Built {
    fn root(&self) -> &Path {
        &self.out
    }
}

impl Pages for Path {
    fn root(&self) -> &Path {
        self
    }
}

/// Every local link (href/src under `base_path`) that leads nowhere, as "page -> link".
fn broken_links(root: &Path, pages: &BTreeSet<String>, base_path: &str) -> Vec<String> {
    let mut ids: HashMap<String, BTreeSet<String>> = HashMap::new();
    let id_sel = Selector::parse("[id]").unwrap();
    let link_sel = Selector::parse("a[href], link[href], img[src], script[src]").unwrap();
    for page in pages {
        let html = Html::parse_document(&fs::read_to_string(root.join(page)).unwrap());
        ids.insert(
            page.clone(),
            html.select(&id_sel).filter_map(|e| e.value().attr("id").map(str::to_string)).collect(),
        );
    }
    let mut broken = Vec::new();
    for page in pages {
        let html = Html::parse_document(&fs::read_to_string(root.join(page)).unwrap());
        for el in html.select(&link_sel) {
            let link = el.value().attr("href").or(el.value().attr("src")).unwrap();
            let (path, fragment) = match link.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link, None),
            };
            let target = if path.is_empty() {
                page.clone()
            } else if let Some(rest) = path.strip_prefix(base_path) {
                if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() }
            } else if path.starts_with("http://") || path.starts_with("https://") {
                continue;
            } else {
                broken.push(format!("{page} -> {link} (not under {base_path})"));
                continue;
            };
            if !root.join(&target).is_file() {
                broken.push(format!("{page} -> {link}"));
            } else if let Some(f) = fragment
                && target.ends_with(".html")
                && !ids.get(&target).is_some_and(|s| s.contains(f))
            {
                broken.push(format!("{page} -> {link} (no id {f})"));
            }
        }
    }
    broken
}

fn collect(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.insert(path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Collapses runs of whitespace into one space.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every file under `dir` with its bytes, sorted: a snapshot to compare.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.push((p.strip_prefix(root).unwrap().to_string_lossy().into_owned(), fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Files whose bytes differ between two sites (added, removed or changed).
pub fn changed_files(a: &sitrep::output::Output, b: &sitrep::output::Output) -> BTreeSet<String> {
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
