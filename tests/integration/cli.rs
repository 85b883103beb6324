//! The `sitrep` binary as a writer runs it.

use std::process::Command;

use crate::support::SiteTest;

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

#[test]
fn build_prints_a_summary_and_exits_0() {
    let t = SiteTest::fixture("sahel");
    let out = sitrep().arg("build").arg("--root").arg(&t.root).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("Built 7 briefings, 4 groups and 3 countries: "), "{stdout}");
    assert!(t.out().join("index.html").is_file());
}

#[test]
fn check_reports_like_a_compiler_and_exits_1() {
    let t = SiteTest::fixture("sahel");
    t.write("content/briefings/bad.md", "---\ntitle: Bad\ndate: 2024-01-01\ncountrys: [ML]\n---\n");
    let out = sitrep().arg("check").arg("--root").arg(&t.root).env("NO_COLOR", "1").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[unknown-field]: content/briefings/bad.md:4:1: unknown field `countrys`\n  |\n4 | countrys: [ML]\n  | ^\n  = hint: did you mean `countries`?"),
        "{stderr}"
    );
    assert!(stderr.contains("1 error, 2 warnings in 2 files"), "{stderr}");
    assert!(!t.out().exists(), "check writes nothing");
}

#[test]
fn usage_errors_exit_2() {
    let out = sitrep().arg("bulid").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn new_briefing_writes_a_dated_draft() {
    let t = SiteTest::fixture("sahel");
    let out = sitrep().args(["new", "briefing", "Attack", "on", "Tessit"]).arg("--root").arg(&t.root).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let path = stdout.strip_prefix("Wrote ").and_then(|s| s.split(' ').next()).unwrap();
    assert!(path.starts_with("content/briefings/") && path.ends_with("/attack-on-tessit.md"), "{stdout}");
    let text = std::fs::read_to_string(t.root.join(path)).unwrap();
    assert!(text.contains("title: \"Attack on Tessit\"") && text.contains("draft: true"), "{text}");
    // What `new` writes passes `check` as it is.
    let check = sitrep().arg("check").arg("--root").arg(&t.root).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stderr));
}
