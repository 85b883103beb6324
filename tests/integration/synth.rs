//! The synthetic-site generator (`examples/synth.rs`, used for benchmarks and
//! checks on large sites) writes valid sitrep input, deterministically.

use std::fs;
use std::path::Path;

use crate::support::Pages;
use crate::support::{Built, render, today, tree};
use sitrep::pipeline::{self, BuildOptions};

#[path = "../../examples/synth.rs"]
mod synth_gen;

/// Briefings in the generated site: enough for every group profile to be
/// named by some briefing (the generator guarantees it from 40 on).
const N: usize = 60;

/// Generates a site of `n` briefings into a new folder `site` under `dir`.
fn generate(dir: &Path, n: usize, seed: u64) -> std::path::PathBuf {
    let root = dir.join("site");
    synth_gen::generate(n, seed, &root).unwrap_or_else(|e| panic!("generate: {e}"));
    root
}

#[test]
fn a_synthetic_site_builds_with_no_error_no_warning_and_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    let root = generate(tmp.path(), N, synth_gen::DEFAULT_SEED);
    assert_eq!(fs::read_dir(root.join("content/briefings")).unwrap().count(), N);
    assert_eq!(fs::read_dir(root.join("content/groups")).unwrap().count(), 40);
    assert_eq!(fs::read_dir(root.join("content/countries")).unwrap().count(), 12);

    let mut opts = BuildOptions::new(&root, today());
    opts.output = Some(tmp.path().join("output"));
    let (site, diags) = pipeline::build(&opts);
    assert_eq!((diags.error_count(), diags.warning_count()), (0, 0), "{}", render(&diags));
    let site = site.expect("the build succeeds");
    assert_eq!(site.index.briefings.len(), N);
    assert_eq!(site.index.groups.len(), 40);
    assert!(site.index.groups.iter().all(|g| g.profile.is_some()));
    assert_eq!(site.index.countries.len(), 12);
    assert!(site.index.countries.iter().all(|c| c.profile.is_some()));

    let b = Built { site, diags, out: opts.output_dir() };
    let pages = b.pages();
    let count = |prefix: &str| pages.iter().filter(|p| p.starts_with(prefix)).count();
    assert_eq!(count("briefings/"), N);
    assert_eq!(count("groups/"), 41, "40 groups and the index");
    let regions = b.site.index.terms.iter().filter(|t| t.kind == sitrep::index::TermKind::Region).count();
    assert!(regions > 0, "the synthetic places name their regions");
    assert_eq!(count("countries/"), 13 + regions, "12 countries, the index and every region");
    for page in ["index.html", "404.html", "about/index.html", "methodology/index.html", "chronology/index.html"] {
        assert!(pages.contains(page), "{page} missing");
    }
    let broken = b.broken_links("/sahel/");
    assert!(broken.is_empty(), "{broken:?}");

    // A feed carries the newest briefings only, however many there are.
    let feed = atom_syndication::Feed::read_from(&fs::read(b.out.join("atom.xml")).unwrap()[..]).unwrap();
    assert_eq!(feed.entries().len(), sitrep::render::feeds::FEED_ENTRIES.min(N));
    let newest = &b.site.index.briefings[N - 1];
    assert!(feed.entries()[0].links()[0].href().ends_with(&format!("/briefings/{}/", newest.slug)));
}

#[test]
fn briefings_have_the_reference_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let root = generate(tmp.path(), N, synth_gen::DEFAULT_SEED);
    let mut files: Vec<_> = fs::read_dir(root.join("content/briefings")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut tables = 0;
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        // YYYY-MM-DD-town-00042, dated 2015 to 2025.
        let parts: Vec<&str> = name.split('-').collect();
        let year: u32 = parts[0].parse().unwrap();
        assert!((2015..=2025).contains(&year), "{name}");
        assert!(parts[1].len() == 2 && parts[1].parse::<u32>().is_ok() && parts[2].len() == 2, "{name}");
        let index = parts[parts.len() - 1];
        assert!(index.len() == 5 && index.parse::<usize>().is_ok() && parts.len() >= 5, "{name}");

        let text = fs::read_to_string(path).unwrap();
        let body = text.splitn(3, "---\n").nth(2).unwrap();
        let words = body.split_whitespace().count();
        assert!((500..=850).contains(&words), "{name}: {words} words");
        assert_eq!(body.lines().filter(|l| l.starts_with("## ")).count(), 2, "{name}");
        assert!(body.lines().any(|l| l.starts_with("- ")), "{name}: no list");
        let links = body.matches("See also [").count();
        assert!((3..=5).contains(&links), "{name}: {links} links");
        assert!(body.contains("](@/groups/") && body.contains("](@/countries/") && body.contains("](https://"));
        if body.contains("| --- |") {
            tables += 1;
            assert_eq!(index.parse::<usize>().unwrap() % 5, 0, "{name}: a table on every 5th briefing only");
        }
    }
    assert_eq!(tables, N / 5);
}

#[test]
fn the_same_n_and_seed_give_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let a = generate(&tmp.path().join("a"), 45, 7);
    let b = generate(&tmp.path().join("b"), 45, 7);
    let c = generate(&tmp.path().join("c"), 45, 8);
    assert_eq!(tree(&a), tree(&b));
    assert_ne!(tree(&a), tree(&c));
}

#[test]
fn a_folder_that_is_not_empty_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("keep.txt"), "x").unwrap();
    let err = synth_gen::generate(3, 1, tmp.path()).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1, "nothing written");
    // An empty folder is fine.
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    synth_gen::generate(3, 1, &empty).unwrap();
    assert!(empty.join("site.yaml").is_file());
}
