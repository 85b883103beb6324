//! A desk's first day, in a temporary folder, with the real binary: `init`,
//! `check --strict`, three `new briefing`s, an edit, `build`, a broken draft
//! that does not stop the build, a typo that does, and problems as GitHub
//! annotations.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sitrep(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The path `new briefing` printed (`Wrote <path> (...)`).
fn written(out: &Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout);
    stdout.strip_prefix("Wrote ").and_then(|s| s.split(' ').next()).unwrap_or_else(|| panic!("{stdout}")).to_string()
}

/// One parsed `::error file=…,line=…,col=…,title=…::message` line.
#[derive(Debug)]
struct Annotation {
    level: String,
    file: String,
    line: usize,
    message: String,
}

fn annotations(stdout: &[u8]) -> Vec<Annotation> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| {
            let rest = l.strip_prefix("::").unwrap_or_else(|| panic!("not a workflow command: {l}"));
            let (head, message) = rest.split_once("::").unwrap();
            let (level, props) = head.split_once(' ').unwrap();
            let prop = |k: &str| {
                props.split(',').find_map(|p| p.strip_prefix(&format!("{k}="))).map(str::to_string).unwrap_or_default()
            };
            Annotation {
                level: level.to_string(),
                file: prop("file"),
                line: prop("line").parse().unwrap_or(0),
                message: message.replace("%0A", "\n").replace("%25", "%"),
            }
        })
        .collect()
}

#[test]
fn a_desks_first_day() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("desk");

    // A new site that passes the strictest check as it stands.
    let out = sitrep(tmp.path(), &["init", "desk"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    for file in [
        "site.yaml",
        ".gitignore",
        "README.md",
        ".github/workflows/publish.yml",
        ".gitlab-ci.yml",
        "content/pages/methodology.md",
        "content/groups/jnim.md",
        "schemas/briefing.json",
    ] {
        assert!(site.join(file).is_file(), "init wrote no {file}");
    }
    assert!(read(site.join(".gitignore")).contains("/output/"));
    let workflow = read(site.join(".github/workflows/publish.yml"));
    assert!(
        workflow.contains("cargo install --locked --git") && workflow.contains("sitrep build --strict"),
        "{workflow}"
    );
    assert!(workflow.contains("--format github"), "{workflow}");
    publishing_rules(&workflow, &read(site.join(".gitlab-ci.yml")));
    assert!(read(site.join(".gitlab-ci.yml")).contains("sitrep build --strict"));
    let out = sitrep(&site, &["check", "--strict"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"), "{}", text(&out));
    // ... and refuses to start a second site over it.
    let again = sitrep(tmp.path(), &["init", "desk"]);
    assert_eq!(again.status.code(), Some(2), "{}", text(&again));
    assert!(text(&again).contains("already holds a site"), "{}", text(&again));

    // Three new briefings, each passing `check` as written.
    let plain = sitrep(&site, &["new", "briefing", "Attack", "near", "Tessit"]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain));
    let djibo = sitrep(
        &site,
        &["new", "briefing", "JNIM attack on Djibo", "--date", "2024-05-26", "--country", "BF", "--group", "JNIM"],
    );
    assert_eq!(djibo.status.code(), Some(0), "{}", text(&djibo));
    let barsalogho = sitrep(
        &site,
        &["new", "briefing", "Barsalogho", "--date", "2024-08", "--country", "Burkina Faso", "--group", "GSIM"],
    );
    assert_eq!(barsalogho.status.code(), Some(0), "{}", text(&barsalogho));
    let djibo_path = written(&djibo);
    // The site files briefings by year: so does `new`.
    assert_eq!(djibo_path, "content/briefings/2024/jnim-attack-on-djibo.md");
    let draft = read(site.join(&djibo_path));
    assert!(draft.contains("# yaml-language-server: $schema=../../../schemas/briefing.json"), "{draft}");
    assert!(
        draft.contains("date: 2024-05-26") && draft.contains("countries: [BF]") && draft.contains("- \"JNIM\""),
        "{draft}"
    );
    let out = sitrep(&site, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    // Edit one to publish it: sources in, draft out.
    let ready = draft.replace("draft: true", "").replace(
        "# sources:",
        "sources:\n  - title: Burkina Faso army statement\n    publisher: Burkina Faso army\n# more sources:",
    );
    std::fs::write(site.join(&djibo_path), ready).unwrap();
    let out = sitrep(&site, &["build", "--strict"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let page = read(site.join("output/briefings/jnim-attack-on-djibo/index.html"));
    assert!(page.contains("JNIM attack on Djibo"));
    assert!(!site.join("output/briefings/barsalogho/index.html").exists(), "a draft is not published");

    // A broken draft reports its problems, marked as its, and does not stop the build.
    let broken = site.join(written(&barsalogho));
    std::fs::write(&broken, read(broken.clone()).replace("date: 2024-08", "date: August 2024\ncasualtys: []")).unwrap();
    let out = sitrep(&site, &["build", "--strict"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let report = text(&out);
    assert!(report.contains("unknown field `casualtys`") && report.contains("(in a draft)"), "{report}");
    // With --drafts, a draft's problems are errors like any other.
    let out = sitrep(&site, &["check", "--drafts"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));

    // A misspelt group in a published briefing stops the build, with a "did you mean".
    let typo = site.join("content/briefings/2024/typo.md");
    std::fs::write(
        &typo,
        "---\ntitle: Typo\ndate: 2024-06-01\ncountries: [ML]\ngroups: [JNMI]\nsources:\n  - title: A report\n---\nText.\n",
    )
    .unwrap();
    let before = read(site.join("output/index.html"));
    let out = sitrep(&site, &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("did you mean `JNIM`?"), "{}", text(&out));
    assert!(!site.join("output/groups/jnmi").exists(), "no fake group page");
    assert_eq!(read(site.join("output/index.html")), before, "the last good site stays");

    // The same problems as GitHub annotations, on their lines.
    let out = sitrep(&site, &["check", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let found = annotations(&out.stdout);
    let error = found.iter().find(|a| a.level == "error").unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!((error.file.as_str(), error.line), ("content/briefings/2024/typo.md", 5), "{found:?}");
    assert!(error.message.contains("did you mean `JNIM`?") && error.message.contains("\nhint: "), "{found:?}");
    assert!(found.iter().any(|a| a.level == "warning" && a.message.contains("(in a draft)")), "{found:?}");
}

#[test]
fn strict_makes_warnings_about_published_briefings_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("desk");
    assert_eq!(sitrep(tmp.path(), &["init", "desk"]).status.code(), Some(0));
    // A published briefing without sources: a warning, an error when strict.
    std::fs::write(
        site.join("content/briefings/2024/unsourced.md"),
        "---\ntitle: Unsourced\ndate: 2024-06-01\ncountries: [ML]\ngroups: [JNIM]\n---\nText.\n",
    )
    .unwrap();
    assert_eq!(sitrep(&site, &["check"]).status.code(), Some(0));
    let out = sitrep(&site, &["check", "--strict"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("error[no-sources]"), "{}", text(&out));
    assert_eq!(sitrep(&site, &["build", "--strict"]).status.code(), Some(1));
    // `strict: true` in site.yaml does the same.
    let settings = read(site.join("site.yaml")).replace("strict: false", "strict: true");
    std::fs::write(site.join("site.yaml"), settings).unwrap();
    assert_eq!(sitrep(&site, &["check"]).status.code(), Some(1));
    // A new group (not a near miss of a profile) is only a warning.
    std::fs::write(site.join("site.yaml"), read(site.join("site.yaml")).replace("strict: true", "strict: false"))
        .unwrap();
    std::fs::remove_file(site.join("content/briefings/2024/unsourced.md")).unwrap();
    std::fs::write(
        site.join("content/briefings/2024/isgs.md"),
        "---\ntitle: Other group\ndate: 2024-06-01\ncountries: [NE]\ngroups: [Islamic State Sahel Province]\nsources:\n  - title: A report\n---\nText.\n",
    )
    .unwrap();
    let out = sitrep(&site, &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("warning[group-without-profile]"), "{}", text(&out));
    assert!(site.join("output/groups/islamic-state-sahel-province/index.html").is_file());
}

#[test]
fn a_problem_between_files_comes_in_the_same_run_as_one_inside_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("desk");
    assert_eq!(sitrep(tmp.path(), &["init", "desk"]).status.code(), Some(0));
    // One file, two problems: a bad date (inside) and a misspelt group (between files).
    std::fs::write(
        site.join("content/briefings/2024/both.md"),
        "---\ntitle: Both\ndate: 2024-13-01\ncountries: [ML]\ngroups: [JNMI]\nslug: bamako-2024-09-17\nsources:\n  - title: A report\n---\nSee [nothing](@/briefings/nowhere.md).\n",
    )
    .unwrap();
    let out = sitrep(&site, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let codes: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["code"].as_str().unwrap().to_string())
        .collect();
    for code in ["impossible-date", "group-typo", "duplicate-slug", "broken-link"] {
        assert!(codes.iter().any(|c| c == code), "no {code} in {codes:?}");
    }
}

/// The rules the publishing workflows `init` writes follow.
fn publishing_rules(github: &str, gitlab: &str) {
    let w: serde_yaml::Value = serde_yaml::from_str(github).unwrap();
    // No workflow-wide concurrency (a pull request's run would queue with, or
    // cancel, main's deploy), and no publishing rights outside the deploy job.
    assert!(w.get("concurrency").is_none(), "{github}");
    assert_eq!(w["permissions"], serde_yaml::from_str::<serde_yaml::Value>("contents: read").unwrap());
    let build = &w["jobs"]["build"];
    assert!(build.get("concurrency").is_none());
    for (name, right) in build["permissions"].as_mapping().unwrap() {
        assert_eq!(right.as_str(), Some("read"), "build job: {name:?}");
    }
    let deploy = &w["jobs"]["deploy"];
    assert_eq!(deploy["concurrency"]["group"], "pages");
    assert_eq!(deploy["permissions"]["pages"], "write");
    assert_eq!(deploy["if"], "github.event_name != 'pull_request'");
    // Every action pinned to a commit, its version in a comment.
    for line in github.lines().filter(|l| l.contains("uses: ")) {
        let reference = line.split("uses: ").nth(1).unwrap();
        let (_, rest) = reference.split_once('@').unwrap();
        let (commit, comment) = rest.split_once(" # v").unwrap_or_else(|| panic!("no version comment: {line}"));
        assert!(commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit()), "not pinned: {line}");
        assert!(comment.chars().next().is_some_and(|c| c.is_ascii_digit()), "{line}");
    }
    let checkout = build["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/checkout@")))
        .unwrap();
    assert_eq!(checkout["with"]["persist-credentials"], false);
    assert_eq!(checkout["with"]["fetch-depth"], 0);
    // sitrep at one version, named once, installed at its tag, cached under it.
    let version = w["env"]["SITREP_VERSION"].as_str().unwrap();
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    assert!(github.contains("--tag \"v$SITREP_VERSION\""), "{github}");
    assert!(github.contains("key: sitrep-${{ runner.os }}-${{ env.SITREP_VERSION }}"), "{github}");
    let g: serde_yaml::Value = serde_yaml::from_str(gitlab).unwrap();
    assert_eq!(g["variables"]["SITREP_VERSION"].as_str(), Some(version));
    let image = g["image"].as_str().unwrap();
    assert!(!image.ends_with(":latest") && image.contains(':'), "{image}");
    assert!(gitlab.contains("--tag \"v$SITREP_VERSION\""), "{gitlab}");
    assert!(gitlab.contains("key: sitrep-$SITREP_VERSION"), "{gitlab}");
}
