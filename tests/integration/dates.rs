//! Honest dates: a briefing's publication is the writer's `published`, else
//! the day its file was first committed; its update, the writer's `updated`,
//! else its last commit. Never the incident's date.

use std::path::Path;
use std::process::Command;

use crate::support::{Pages, SiteTest};

/// Runs git in `root` with both dates set to `day` (noon UTC).
fn git(root: &Path, day: &str, args: &[&str]) {
    let stamp = format!("{day}T12:00:00+00:00");
    let status = Command::new("git")
        .args(args)
        .current_dir(root)
        .env("GIT_AUTHOR_DATE", &stamp)
        .env("GIT_COMMITTER_DATE", &stamp)
        .env("GIT_AUTHOR_NAME", "Desk")
        .env("GIT_AUTHOR_EMAIL", "desk@example.org")
        .env("GIT_COMMITTER_NAME", "Desk")
        .env("GIT_COMMITTER_EMAIL", "desk@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", root)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn publication_and_update_come_from_the_first_and_last_commit() {
    let t = SiteTest::fixture("figures");
    git(&t.root, "2024-08-26", &["init", "-q", "-b", "main"]);
    git(&t.root, "2024-08-26", &["add", "-A"]);
    git(&t.root, "2024-08-26", &["commit", "-q", "-m", "first"]);
    // A correction of Barsalogho's text two months later, and a move into a year folder.
    let text = std::fs::read_to_string(t.root.join("content/briefings/barsalogho.md")).unwrap();
    t.write("content/briefings/barsalogho.md", &text.replace("Only a maximum", "Still only a maximum"));
    git(&t.root, "2024-10-30", &["commit", "-q", "-am", "update"]);
    std::fs::create_dir_all(t.root.join("content/briefings/2024")).unwrap();
    git(&t.root, "2024-11-15", &["mv", "content/briefings/market.md", "content/briefings/2024/market.md"]);
    git(&t.root, "2024-11-15", &["commit", "-q", "-m", "move"]);
    // A file not committed yet has no date.
    t.write(
        "content/briefings/fresh.md",
        "---\ntitle: Fresh\ndate: 2024-11-01\ncountries: [ML]\nsources:\n  - {title: x}\n---\n",
    );
    let b = t.build();
    let text = b.text("briefings/barsalogho/");
    assert!(text.contains("Published 26 August 2024 · Updated 30 October 2024"), "{text}");
    // The writer's own date wins over the history.
    assert!(b.text("briefings/bamako/").contains("Published 20 September 2024"));
    // A move keeps the file's history.
    assert!(b.text("briefings/market/").contains("Published 26 August 2024"), "{}", b.text("briefings/market/"));
    assert!(!b.text("briefings/fresh/").contains("Published"));
    let feed = atom_syndication::Feed::read_from(std::fs::read(b.out.join("atom.xml")).unwrap().as_slice()).unwrap();
    let entry = feed.entries().iter().find(|e| e.title().as_str().contains("Barsalogho")).unwrap();
    assert!(entry.published().unwrap().to_rfc3339().starts_with("2024-08-26"));
    assert!(entry.updated().to_rfc3339().starts_with("2024-10-30"));
}

#[test]
fn build_records_the_history_beside_the_output_and_reads_it_next_time() {
    let t = SiteTest::fixture("figures");
    git(&t.root, "2024-08-26", &["init", "-q", "-b", "main"]);
    git(&t.root, "2024-08-26", &["add", "-A"]);
    git(&t.root, "2024-08-26", &["commit", "-q", "-m", "first"]);
    let record = t.root.join(".output.sitrep-history.json");
    let cold = crate::support::tree(&t.build().out);
    assert!(record.is_file(), "the first build records what each commit changed, beside output/");
    assert!(!cold.iter().any(|(p, _)| p.contains("history")), "the record is not published");
    // A later build reads the record: the same site, byte for byte.
    assert_eq!(crate::support::tree(&t.build().out), cold);
    // A new commit is worked out and added to the record.
    let text = std::fs::read_to_string(t.root.join("content/briefings/barsalogho.md")).unwrap();
    t.write("content/briefings/barsalogho.md", &text.replace("Only a maximum", "Still only a maximum"));
    git(&t.root, "2024-10-30", &["commit", "-q", "-am", "update"]);
    let before = std::fs::read(&record).unwrap();
    let dates = "Published 26 August 2024 · Updated 30 October 2024";
    assert!(t.build().text("briefings/barsalogho/").contains(dates));
    assert_ne!(std::fs::read(&record).unwrap(), before);
    // A damaged record is ignored, and the dates are still right.
    std::fs::write(&record, "{not json").unwrap();
    assert!(t.build().text("briefings/barsalogho/").contains(dates));
    // `check` writes nothing, not even the record.
    std::fs::remove_file(&record).unwrap();
    let opts = t.options();
    sitrep::pipeline::check(&opts);
    assert!(!record.exists());
}

#[test]
fn a_shallow_clone_is_a_warning_naming_what_loses_its_date_and_feeds_do_not_move() {
    let t = SiteTest::fixture("figures");
    git(&t.root, "2024-08-26", &["init", "-q", "-b", "main"]);
    git(&t.root, "2024-08-26", &["add", "-A"]);
    git(&t.root, "2024-08-26", &["commit", "-q", "-m", "first"]);
    t.write("content/pages/about.md", "---\ntitle: About\n---\nThe desk.\n");
    git(&t.root, "2024-10-30", &["add", "-A"]);
    git(&t.root, "2024-10-30", &["commit", "-q", "-m", "second"]);
    // A CI checkout of depth 1.
    let clone = t.root.parent().unwrap().join("shallow");
    let source = format!("file://{}", t.root.display());
    git(t.root.parent().unwrap(), "2024-11-01", &["clone", "-q", "--depth", "1", &source, clone.to_str().unwrap()]);
    let mut opts = sitrep::pipeline::BuildOptions::new(&clone, crate::support::today());
    let (site, diags) = sitrep::pipeline::build(&opts);
    assert!(site.is_some(), "a warning, not an error");
    let d = diags.iter().find(|d| d.code == "history-incomplete").expect("warned");
    assert!(d.message.contains("shallow") && d.message.contains("briefings/ambush.md"), "{}", d.message);
    // Each deploy checks out afresh: the files' times are the checkout's, and the feed does not follow them.
    let checked_out = |day: &str| {
        for entry in
            walkdir::WalkDir::new(clone.join("content")).into_iter().flatten().filter(|e| e.file_type().is_file())
        {
            assert!(Command::new("touch").arg("-d").arg(day).arg(entry.path()).status().unwrap().success());
        }
    };
    checked_out("2025-01-01 12:00");
    let (site, _) = sitrep::pipeline::build(&opts);
    assert!(site.is_some());
    let feed = std::fs::read(clone.join("output/atom.xml")).unwrap();
    checked_out("2025-06-01 12:00");
    let (site, _) = sitrep::pipeline::build(&opts);
    assert!(site.is_some());
    assert_eq!(std::fs::read(clone.join("output/atom.xml")).unwrap(), feed, "the feed's dates did not move");
    // Under --strict it stops the build.
    opts.strict = true;
    let (site, diags) = sitrep::pipeline::build(&opts);
    assert!(site.is_none());
    assert!(diags.iter().any(|d| d.code == "history-incomplete" && d.severity == sitrep::diagnostics::Severity::Error));
}
