//! Nothing is lost and nothing is written where it should not be.

use std::fs;
use std::process::{Command, Stdio};
use std::time::Duration;

use sitrep::pipeline;

use crate::support::Pages;
use crate::support::SiteTest;

#[test]
fn the_output_folder_cannot_be_the_site_or_its_sources() {
    let t = SiteTest::fixture("minimal");
    for bad in [
        t.root.clone(),
        t.root.join("content"),
        t.root.join("content/briefings"),
        t.root.join("themes"),
        t.root.parent().unwrap().to_path_buf(),
        t.root.join("."),
    ] {
        let mut opts = t.options();
        opts.output = Some(bad.clone());
        let (site, diags) = pipeline::build(&opts);
        assert!(site.is_none(), "{} was accepted", bad.display());
        let d = diags.iter().next().unwrap();
        assert_eq!(d.code, "bad-output", "{}", bad.display());
        assert!(d.message.starts_with("refusing to write the site into"), "{}", d.message);
    }
    // Nothing was written anywhere.
    assert!(t.root.join("content/briefings/kati.md").is_file());
    assert!(!t.out().exists());
}

#[cfg(unix)]
#[test]
fn symlinks_leading_outside_the_site_are_not_followed() {
    let t = SiteTest::fixture("minimal");
    let outside = t.root.parent().unwrap().join("secret.md");
    fs::write(&outside, "---\ntitle: Secret\ndate: 2024-01-01\ncountries: [ML]\n---\nPrivate notes.\n").unwrap();
    std::os::unix::fs::symlink(&outside, t.root.join("content/briefings/secret.md")).unwrap();
    let b = t.build();
    assert!(!b.has("briefings/secret/"));
    let d = b.diags.iter().find(|d| d.code == "symlink-outside").expect("warned");
    assert_eq!(d.path.to_string_lossy(), "content/briefings/secret.md");
}

#[test]
fn raw_html_in_bodies_is_dropped_unless_the_site_trusts_its_writers() {
    let t = SiteTest::fixture("minimal");
    t.write(
        "content/pages/about.md",
        "---\ntitle: About\n---\nText <mark>marked</mark>.\n\n<script>alert(1)</script>\n",
    );
    let b = t.build();
    let html = b.source("about/");
    assert!(!html.contains("<mark>") && !html.contains("<script>alert"), "{html}");
    assert!(b.text("about/").contains("Text marked."));
    t.write("site.yaml", "title: Minimal Desk\nbase_url: https://example.org/\nmarkdown:\n  unsafe_html: true\n");
    let b = t.build();
    assert!(b.source("about/").contains("<mark>marked</mark>"));
}

#[test]
fn check_agrees_with_build_and_writes_nothing() {
    let t = SiteTest::fixture("sahel");
    t.write("content/briefings/bad.md", "---\ntitle: Bad\ndate: 2024-02-30\ncountries: [XX]\n---\n[x](@/nowhere.md)\n");
    let checked = pipeline::check(&t.options());
    assert!(!t.out().exists());
    let (_, built) = pipeline::build(&t.options());
    assert_eq!(checked, built);
    assert!(!t.out().exists());
    let codes: Vec<&str> = checked.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"broken-link"), "links in a file with front-matter errors are checked too: {codes:?}");
}

#[test]
fn check_prints_json_lines_for_editors() {
    let t = SiteTest::fixture("minimal");
    t.write("content/briefings/bad.md", "---\ntitle: Bad\ndate: 2024-01-01\ncountries: [Malii]\n---\n");
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["check", "--format", "json", "--root"])
        .arg(&t.root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let error = lines.iter().find(|v| v["severity"] == "error").expect("an error line");
    assert_eq!(error["code"], "unknown-country");
    assert_eq!(error["path"], "content/briefings/bad.md");
    assert_eq!((error["line"].as_u64(), error["column"].as_u64()), (Some(4), Some(13)));
    assert!(error["hint"].as_str().unwrap().contains("Mali"));
}

#[test]
fn an_interrupted_build_leaves_the_old_site_and_no_leftovers() {
    let t = SiteTest::fixture("minimal");
    // A site big enough that a build takes a moment.
    for i in 0..400 {
        t.write(
            &format!("content/briefings/b{i:04}.md"),
            &format!("---\ntitle: Incident {i}\ndate: 2020-01-{:02}\ncountries: [ML]\ngroups: [JNIM]\nsources:\n  - url: https://example.com/{i}\n---\n{}\n", i % 28 + 1, "Text of the body. ".repeat(200)),
        );
    }
    let first = t.build();
    let pages_before = fs::read_dir(t.out().join("briefings")).unwrap().count();
    assert_eq!(pages_before, 401);
    let title_of = || {
        let html = fs::read_to_string(t.out().join("briefings/b0000/index.html")).expect("the page is still there");
        html.split("<h1>").nth(1).and_then(|r| r.split("</h1>").next()).unwrap_or_default().to_string()
    };
    let mut published = title_of();
    assert_eq!(published, "Incident 0");
    drop(first);
    for delay_ms in [20u64, 80, 160, 260, 400] {
        let new_title = format!("Changed {delay_ms}");
        t.write("content/briefings/b0000.md", &format!("---\ntitle: {new_title}\ndate: 2020-01-01\ncountries: [ML]\nsources:\n  - url: https://example.com/x\n---\nChanged.\n"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(["build", "--root"])
            .arg(&t.root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Whenever it was killed, the output is a complete site: the old one or the new one.
        let pages = fs::read_dir(t.out().join("briefings")).unwrap().count();
        assert_eq!(pages, pages_before, "killed after {delay_ms} ms: the output is incomplete");
        assert!(t.out().join("index.html").is_file());
        let title = title_of();
        assert!(title == published || title == new_title, "killed after {delay_ms} ms: {title:?}");
        published = title;
    }
    // The next build cleans up whatever a killed one left beside the output.
    t.build();
    let names: Vec<String> =
        fs::read_dir(&t.root).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.contains("sitrep-")), "{names:?}");
}
