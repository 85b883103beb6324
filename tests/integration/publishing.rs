//! The publishing example in docs/ works: the GitHub Pages workflow's build
//! command, run against a project-page sub-path, gives a site whose every
//! link resolves under that sub-path.

use std::path::Path;
use std::process::Command;

use crate::support::Pages;

#[test]
fn the_github_pages_workflow_builds_a_working_sub_path_site() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workflow: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root.join("docs/examples/github-pages.yml")).unwrap()).unwrap();
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().expect("build steps");
    let build = steps.iter().filter_map(|s| s["run"].as_str()).find(|r| r.contains(" build ")).expect("a build step");
    assert!(steps.iter().any(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/upload-pages-artifact"))));
    assert_eq!(workflow["jobs"]["build"]["steps"].as_sequence().unwrap().last().unwrap()["with"]["path"], "output");
    // GitHub gives the project page's address without a trailing slash.
    let command = build.replace("${{ steps.pages.outputs.base_url }}", "https://desk.github.io/sahel-briefing");
    let args: Vec<String> = command
        .split(" -- ")
        .nth(1)
        .expect("cargo run -- <sitrep arguments>")
        .split_whitespace()
        .map(|a| a.trim_matches('"').to_string())
        .collect();
    assert_eq!(args, ["build", "--base-url", "https://desk.github.io/sahel-briefing/"]);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let status = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(&args)
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let b: &Path = &out;
    let broken = b.broken_links("/sahel-briefing/");
    assert!(broken.is_empty(), "{broken:?}");
    let canonical = b.attrs("", "link[rel=canonical]", "href");
    assert_eq!(canonical, ["https://desk.github.io/sahel-briefing/"]);
    assert!(
        std::fs::read_to_string(out.join("sitemap.xml"))
            .unwrap()
            .contains("https://desk.github.io/sahel-briefing/briefings/")
    );
}
