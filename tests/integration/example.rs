//! The example site in this repository builds cleanly and completely.

use std::path::Path;

use crate::support::Pages;
use crate::support::{Built, today};
use sitrep::pipeline::{self, BuildOptions};

#[test]
fn the_example_site_builds_with_no_error_and_no_broken_link() {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = BuildOptions::new(Path::new(env!("CARGO_MANIFEST_DIR")), today());
    opts.output = Some(tmp.path().join("output"));
    let (site, diags) = pipeline::build(&opts);
    let site = site.unwrap_or_else(|| panic!("{}", crate::support::render(&diags)));
    assert!(site.index.briefings.len() >= 9);
    // The example follows its own methodology: not one warning, and every
    // briefing with a figure cites sources.
    assert_eq!(diags.warning_count(), 0, "{}", crate::support::render(&diags));
    for b in &site.index.briefings {
        assert!(!b.sources.is_empty(), "{} has no source", b.slug);
    }
    for country in ["Mali", "Burkina Faso"] {
        assert!(site.index.countries.iter().any(|c| c.name == country && c.profile.is_some()), "{country}");
    }
    let b = Built { site, diags, out: opts.output_dir() };
    assert!(b.has("groups/jnim/") && b.has("methodology/") && b.has("about/"));
    let broken = b.broken_links("/");
    assert!(broken.is_empty(), "{broken:?}");
}
