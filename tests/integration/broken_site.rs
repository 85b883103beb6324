//! A site with a dozen different mistakes: one run reports every one of them,
//! with file and line, exits 1, and leaves the published site untouched.
//!
//! The expected report is `tests/fixtures/broken.expected`; after a deliberate
//! change to the wording, regenerate it with `SITREP_BLESS=1 cargo test`.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::SiteTest;

fn broken_site() -> SiteTest {
    let t = SiteTest::fixture("broken");
    fs::write(t.root.join("content/briefings/k-latin1.md"), b"---\ntitle: Caf\xe9 attack\ndate: 2024-03-10\n---\n")
        .unwrap();
    t
}

#[test]
fn every_mistake_is_reported_in_one_run() {
    let t = broken_site();
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["check", "--root"])
        .arg(&t.root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stderr).unwrap();
    let expected_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken.expected");
    if std::env::var_os("SITREP_BLESS").is_some() {
        fs::write(&expected_path, &report).unwrap();
    }
    let expected = fs::read_to_string(&expected_path).unwrap();
    assert!(report == expected, "the report changed; diff it against {}:\n{report}", expected_path.display());
    // Every problem names its file and line.
    let headlines: Vec<&str> =
        report.lines().filter(|l| l.starts_with("error[") || l.starts_with("warning[")).collect();
    assert!(headlines.len() >= 20, "{}", headlines.len());
    for h in &headlines {
        let location = h.split(": ").nth(1).unwrap();
        let parts: Vec<&str> = location.split(':').collect();
        assert_eq!(parts.len(), 3, "no line and column in {h}");
        assert!(parts[0].starts_with("content/") && parts[1].parse::<usize>().is_ok(), "{h}");
    }
}

#[test]
fn a_broken_build_leaves_the_published_site_byte_for_byte() {
    let t = broken_site();
    // Yesterday's good site in output/.
    let good = SiteTest::fixture("minimal");
    good.build();
    copy(&good.out(), &t.out());
    let before = crate::support::tree(&t.out());
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep")).args(["build", "--root"]).arg(&t.root).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert_eq!(crate::support::tree(&t.out()), before);
    let names: Vec<String> =
        fs::read_dir(&t.root).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.contains("sitrep-")), "{names:?}");
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}
