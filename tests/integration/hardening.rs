//! Nothing lost, nothing injected: the output folder is sitrep's alone, one
//! build writes it at a time, the last good site survives any interruption,
//! safe mode lets no script through, downloads run no formula, hostile input
//! costs milliseconds, and the preview server sheds idle connections.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use sitrep::output::{MARKER, OutputPolicy, Staging};
use sitrep::pipeline;

use crate::preview::Preview;
use crate::support::{Pages, SiteTest, render};

fn sitrep() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    c.env("NO_COLOR", "1");
    c
}

#[test]
fn a_folder_sitrep_did_not_make_is_never_replaced_without_force() {
    let t = SiteTest::fixture("minimal");
    let foreign = t.root.parent().unwrap().join("someones-folder");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("keep.txt"), "precious").unwrap();
    let out = sitrep().args(["build", "--root"]).arg(&t.root).arg("--output").arg(&foreign).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a usage problem: {}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("already holds files that sitrep did not write") && stderr.contains("--force"), "{stderr}");
    assert_eq!(fs::read_to_string(foreign.join("keep.txt")).unwrap(), "precious");
    // An empty folder is fine, and once sitrep has written it, it is sitrep's.
    let empty = t.root.parent().unwrap().join("empty");
    fs::create_dir_all(&empty).unwrap();
    let out = sitrep().args(["build", "--root"]).arg(&t.root).arg("--output").arg(&empty).output().unwrap();
    assert!(out.status.success());
    assert!(empty.join(MARKER).is_file() && empty.join("index.html").is_file());
    let again = sitrep().args(["build", "--root"]).arg(&t.root).arg("--output").arg(&empty).output().unwrap();
    assert!(again.status.success());
    // --force replaces the foreign folder, as asked.
    let forced =
        sitrep().args(["build", "--force", "--root"]).arg(&t.root).arg("--output").arg(&foreign).output().unwrap();
    assert!(forced.status.success());
    assert!(!foreign.join("keep.txt").exists() && foreign.join("index.html").is_file());
}

#[cfg(unix)]
#[test]
fn an_output_inside_a_symlinked_source_is_refused() {
    let t = SiteTest::fixture("minimal");
    // content/ is a link to a folder elsewhere; so is themes/.
    let real = t.root.parent().unwrap().join("real-content");
    fs::rename(t.root.join("content"), &real).unwrap();
    std::os::unix::fs::symlink(&real, t.root.join("content")).unwrap();
    let theme = t.root.parent().unwrap().join("real-themes");
    fs::create_dir_all(theme.join("x")).unwrap();
    std::os::unix::fs::symlink(&theme, t.root.join("themes")).unwrap();
    for bad in [real.clone(), real.join("briefings"), theme.join("x"), t.root.parent().unwrap().to_path_buf()] {
        let mut opts = t.options();
        opts.output = Some(bad.clone());
        let (site, diags) = pipeline::build(&opts);
        assert!(site.is_none(), "{} accepted", bad.display());
        assert_eq!(diags.iter().next().unwrap().code, "bad-output", "{}", render(&diags));
    }
    assert!(real.join("briefings/kati.md").is_file(), "the sources are untouched");
    let out = sitrep().args(["build", "--root"]).arg(&t.root).arg("--output").arg(&real).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn one_build_at_a_time_writes_an_output_folder() {
    let t = SiteTest::fixture("minimal");
    t.build();
    // A build is under way (it holds the folder's lock, as a running process would).
    let running = Staging::begin(&t.out(), OutputPolicy::default()).unwrap();
    running.write("index.html", b"half").unwrap();
    let (site, diags) = pipeline::build(&t.options());
    assert!(site.is_none());
    let d = diags.iter().next().unwrap();
    assert_eq!(d.code, "output-busy", "{}", render(&diags));
    // The second build deleted nothing of the first's, nor the last good site.
    let staged: Vec<String> = fs::read_dir(&t.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("sitrep-stage"))
        .collect();
    assert_eq!(staged.len(), 1);
    assert!(t.out().join("index.html").is_file());
    running.commit().unwrap();
    // Once it is done, the next build goes ahead.
    t.build();
}

#[test]
fn a_death_between_the_two_renames_of_a_swap_loses_nothing() {
    let t = SiteTest::fixture("minimal");
    t.build();
    let good = fs::read(t.out().join("index.html")).unwrap();
    // Where the system has no atomic exchange, the swap is two renames; a build
    // killed between them leaves the last good site aside, and no output folder.
    fs::rename(t.out(), t.root.join(".output.sitrep-old-4242")).unwrap();
    fs::create_dir(t.root.join(".output.sitrep-stage-4242")).unwrap();
    // The next build fails (a broken briefing): the last good site is put back all the same.
    t.write("content/briefings/broken.md", "---\ntitle: Broken\n---\n");
    let (site, _) = pipeline::build(&t.options());
    assert!(site.is_none());
    assert_eq!(fs::read(t.out().join("index.html")).unwrap(), good);
    assert!(t.out().join(MARKER).is_file());
    let left: Vec<String> = fs::read_dir(&t.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".sitrep-"))
        .collect();
    assert!(left.is_empty(), "working folders of dead builds are cleaned: {left:?}");
}

#[test]
fn safe_mode_lets_no_script_through_in_pages_or_feeds() {
    // Safe mode is the default.
    let t = SiteTest::fixture("minimal");
    let hostile = "## Heading {#h .c onfocus=alert(1) autofocus}\n\n[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c]( javascript:alert(1)) [d](&#106;avascript:alert(1)) [e](vbscript:msgbox(1)) [f](data:text/html,<script>alert(1)</script>) <javascript:alert(1)> ![g](javascript:alert(1)) [ok](https://example.org/)\n";
    let kati = fs::read_to_string(t.root.join("content/briefings/kati.md")).unwrap();
    t.write("content/briefings/kati.md", &format!("{kati}\n{hostile}"));
    let b = t.build();
    let page = b.source("briefings/kati/").to_lowercase();
    let feed = fs::read_to_string(b.out.join("atom.xml")).unwrap().to_lowercase();
    for (what, text) in [("page", &page), ("feed", &feed)] {
        for bad in ["href=\"javascript", "href=\"vbscript", "href=\"data:", "src=\"javascript", "onfocus", "autofocus"]
        {
            assert!(!text.contains(bad), "{bad} in the {what}");
        }
        for escaped in ["href=&quot;javascript", "href=&quot;data:", "onfocus"] {
            assert!(!text.contains(escaped), "{escaped} in the {what}");
        }
    }
    assert!(page.contains("<a href=\"https://example.org/\">ok</a>"));
    // In trusted mode the link stays, and check says where it is.
    t.write("site.yaml", "title: Minimal Desk\nbase_url: https://example.org/\nmarkdown:\n  unsafe_html: true\n");
    let b = t.build();
    let warned: Vec<_> = b.diags.iter().filter(|d| d.code == "script-link").collect();
    assert!(warned.len() >= 5, "{}", render(&b.diags));
    assert!(warned.iter().all(|d| d.span.is_some()));
}

#[test]
fn spreadsheet_formulas_in_the_csv_are_neutralised() {
    let t = SiteTest::fixture("minimal");
    t.write(
        "content/briefings/formula.md",
        "---\ntitle: \"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\"\ndate: 2024-01-01\ncountries: [ML]\nlocations:\n  - {name: \"+cmd|' /C calc'!A0\", lat: 12.6, lon: -8.0}\ntactics: [\"@SUM(1+1)\", \"-2+3\"]\nsources:\n  - {title: s}\n---\n",
    );
    let b = t.build();
    let mut csv = csv::Reader::from_path(b.out.join("data/incidents.csv")).unwrap();
    let headers = csv.headers().unwrap().clone();
    let row = csv.records().map(Result::unwrap).find(|r| r[0] == *"formula").unwrap();
    let cell = |name: &str| row[headers.iter().position(|h| h == name).unwrap()].to_string();
    assert!(cell("title").starts_with("'=HYPERLINK"), "{}", cell("title"));
    assert!(cell("location").starts_with("'+cmd"), "{}", cell("location"));
    assert!(cell("tactics").starts_with("'@SUM"), "{}", cell("tactics"));
    assert_eq!(cell("latitude"), "12.6", "numbers stay numbers");
    assert!(b.text("data/").contains("written with an apostrophe before it"));
}

#[test]
fn hostile_front_matter_costs_milliseconds() {
    let t = SiteTest::fixture("minimal");
    let deep = format!(
        "---\ntitle: x\ndate: 2024-01-01\ncountries: [ML]\ntags: {}{}\n---\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    t.write("content/briefings/deep.md", &deep);
    let laughs = "---\ntitle: x\ndate: 2024-01-01\ncountries: [ML]\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n";
    t.write("content/briefings/laughs.md", laughs);
    let started = Instant::now();
    let diags = t.build_err();
    // Generous, for a loaded machine; it takes a few milliseconds.
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    let text = render(&diags);
    assert!(text.contains("deep.md:5:") && text.contains("nested more than 32 levels"), "{text}");
    assert!(text.contains("laughs.md:7:") && text.contains("aliases"), "{text}");
}

#[test]
fn yaml_mistakes_are_reported_where_they_are() {
    let t = SiteTest::fixture("minimal");
    t.write("content/briefings/a.md", "---\ntitle: \"Unclosed\ndate: 2024-01-01\ncountries: [ML]\ntags: [a]\ntargets: [b]\ntactics: [c]\nsummary: \"A lead\"\n---\n");
    t.write("content/briefings/b.md", "---\ntitle: x\n? [a, b]\n: v\ndate: 2024-01-01\ncountries: [ML]\n---\n");
    t.write("content/briefings/c.md", "---\ntitle: x\n--- # more\ndate: 2024-01-01\ncountries: [ML]\n---\n");
    // Tabs inside a block of text or a quoted text are not indentation.
    t.write("content/briefings/d.md", "---\ntitle: \"Tab in a\n\tquoted text\"\ndate: 2024-01-01\ncountries: [ML]\nsummary: |\n  a line\n  \twith a tab\nsources:\n  - {title: s}\n---\n");
    let text = render(&t.build_err());
    assert!(text.contains("a.md:2:8: this quote is never closed"), "{text}");
    assert!(text.contains("b.md:3:1: a complex key"), "{text}");
    assert!(text.contains("c.md:3:1: a second YAML document"), "{text}");
    assert!(!text.contains("d.md"), "{text}");
}

#[test]
fn impossible_dates_and_figures_are_errors() {
    let t = SiteTest::fixture("minimal");
    t.write("content/briefings/a.md", "---\ntitle: x\ndate: 0000-01-01\ncountries: [ML]\n---\n");
    t.write("content/briefings/b.md", "---\ntitle: x\ndate: 1899-12\ncountries: [ML]\n---\n");
    t.write("content/briefings/c.md", "---\ntitle: x\ndate: 9999-12-31\ncountries: [ML]\n---\n");
    t.write(
        "content/briefings/d.md",
        "---\ntitle: x\ndate: 2024-01-01\ncountries: [ML]\ncasualties:\n  - {kind: killed, count: 9223372036854775807, according_to: x}\n  - {kind: killed, count: 9223372036854775807, according_to: y}\n---\n",
    );
    let diags = t.build_err();
    let text = render(&diags);
    assert!(
        text.contains("a.md:3:7") && text.contains("impossible-date") || text.contains("a.md:3:7: `date` 0000"),
        "{text}"
    );
    assert!(text.contains("b.md:3:7: `date` 1899-12 is before 1900"), "{text}");
    assert!(text.contains("c.md:3:7: `date` 9999-12-31 is after today"), "{text}");
    assert!(text.contains("d.md:6:") && text.contains("is above 10000000"), "{text}");
    assert!(!t.out().exists(), "nothing written");
}

#[test]
fn check_reports_what_build_would_refuse() {
    let t = SiteTest::fixture("minimal");
    let long = "a".repeat(300);
    t.write(
        "content/briefings/long.md",
        &format!("---\ntitle: x\ndate: 2024-01-01\ncountries: [ML]\nslug: {long}\n---\n"),
    );
    let check = pipeline::check(&t.options());
    let d = check.iter().find(|d| d.code == "slug-too-long").expect("check reports it");
    assert_eq!(d.span.map(|s| s.line), Some(5));
    let (site, diags) = pipeline::build(&t.options());
    assert!(site.is_none());
    assert!(diags.iter().any(|d| d.code == "slug-too-long"));
    // A title too long for a file name makes a short one.
    let out = sitrep().args(["new", "briefing", &"word ".repeat(80), "--root"]).arg(&t.root).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn base_urls_must_be_plain_http_addresses() {
    let t = SiteTest::fixture("minimal");
    for bad in ["javascript:alert(1)//", "https://example.org/?q=1", "https://example.org/#top"] {
        let out = sitrep().args(["build", "--base-url", bad, "--root"]).arg(&t.root).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--base-url"), "{bad}");
        t.write("site.yaml", &format!("title: T\nbase_url: \"{bad}\"\n"));
        let diags = pipeline::check(&t.options());
        assert!(diags.iter().any(|d| d.code == "bad-url"), "{bad}: {}", render(&diags));
    }
}

#[test]
fn the_terminal_never_receives_the_contents_escape_sequences() {
    let t = SiteTest::fixture("minimal");
    t.write("content/briefings/esc.md", "---\ntitle: \"\u{1b}]0;pwned\u{7}\u{1b}[2J\"\ndate: 2024-01-01\ncountries: [ML]\ngroups: [\"\u{1b}[31mRed\"]\n---\n");
    let out = sitrep().args(["check", "--root"]).arg(&t.root).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{7}'), "{stderr:?}");
    assert!(stderr.contains("\\u{1b}"), "{stderr}");
}

#[test]
fn the_preview_closes_idle_connections_and_stays_responsive() {
    let t = SiteTest::fixture("minimal");
    let p = Preview::start(&t.root);
    // Connections that send nothing, and one that sends half a request.
    let mut idle: Vec<TcpStream> = (0..64).map(|_| TcpStream::connect(&p.addr).unwrap()).collect();
    let mut half = TcpStream::connect(&p.addr).unwrap();
    half.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    idle.push(half);
    // Real requests are still answered at once.
    let started = Instant::now();
    assert_eq!(p.get("/").status, 200);
    assert!(started.elapsed() < Duration::from_secs(2));
    // The idle ones are closed by the server within its head deadline (10 s), with a margin.
    for mut s in idle {
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut buf = [0u8; 256];
        let read = s.read(&mut buf);
        assert!(read.is_ok(), "closed, not timed out: {read:?}");
    }
}

#[test]
fn a_preview_on_a_public_address_says_so() {
    let t = SiteTest::fixture("minimal");
    let mut child = sitrep()
        .args(["serve", "--bind", "0.0.0.0", "--port", "0", "--root"])
        .arg(&t.root)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let mut text = String::new();
    let mut buf = [0u8; 1024];
    let started = Instant::now();
    while !text.contains("drafts and scheduled briefings included") && started.elapsed() < Duration::from_secs(30) {
        match stderr.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => text.push_str(&String::from_utf8_lossy(&buf[..n])),
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(text.contains("other machines can reach"), "{text}");
}
