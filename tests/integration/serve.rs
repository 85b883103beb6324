//! `sitrep serve`: a real server on 127.0.0.1, real files edited the way
//! editors save them, and the reload events a page receives.

use std::fs;
use std::net::TcpListener;
use std::process::Command;

use crate::preview::Preview;
use crate::support::SiteTest;

#[test]
fn serves_the_site_from_memory_with_the_right_types() {
    let t = SiteTest::fixture("sahel");
    let p = Preview::start(&t.root);
    let home = p.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(home.body.contains("Test Desk") && home.body.contains("/__sitrep/events"));
    // base_url is the local address: links work under /, not /sahel/.
    assert!(home.body.contains("href=\"/briefings/bamako/\""), "links point at the preview");
    let css = p.get("/style.css");
    assert_eq!((css.status, css.header("content-type")), (200, Some("text/css; charset=utf-8")));
    let folder = p.get("/groups/jnim");
    assert_eq!((folder.status, folder.header("location")), (301, Some("/groups/jnim/")));
    // Drafts are shown, marked.
    assert!(p.get("/briefings/draft/").body.contains("Draft."));
    // The theme's 404 page, with a 404 status.
    let missing = p.get("/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Page not found"));
    // Only GET and HEAD.
    let head = p.request("HEAD", "/");
    assert_eq!((head.status, head.body.as_str()), (200, ""));
    assert_eq!(p.request("POST", "/").status, 405);
    assert_eq!(p.request("DELETE", "/briefings/bamako/").status, 405);
    // It never writes output/.
    assert!(!t.out().exists());
}

#[test]
fn paths_cannot_leave_the_site() {
    let t = SiteTest::fixture("sahel");
    fs::write(t.root.join("secret.txt"), "site.yaml's neighbour").unwrap();
    let p = Preview::start(&t.root);
    for path in [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/briefings/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/\\..\\secret.txt",
        "//etc/passwd",
        "/site.yaml",
        "/content/briefings/kati.md",
    ] {
        let r = p.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.body.contains("neighbour") && !r.body.contains("root:"), "{path}");
    }
}

#[test]
fn an_edit_saved_like_an_editor_reloads_the_page_with_the_change() {
    let t = SiteTest::fixture("sahel");
    let p = Preview::start(&t.root);
    let events = p.events();
    assert!(p.get("/briefings/kati-2022/").body.contains("<h1>JNIM attacks the Kati base</h1>"));
    // Write a temporary file, then rename it over the briefing (vim, VS Code, JetBrains).
    let path = t.root.join("content/briefings/kati.md");
    let text = fs::read_to_string(&path).unwrap().replace("JNIM attacks the Kati base", "Assault on the Kati base");
    let tmp = t.root.join("content/briefings/.kati.md.tmp");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, &path).unwrap();
    let (name, _) = events.next().expect("a reload event");
    assert_eq!(name, "reload");
    let page = p.get("/briefings/kati-2022/");
    assert!(page.body.contains("<h1>Assault on the Kati base</h1>"));
    // The pages that list it changed too.
    assert!(p.get("/groups/jnim/").body.contains("Assault on the Kati base"));
    assert!(p.get("/chronology/").body.contains("Assault on the Kati base"));
    let line = p.line();
    assert!(line.starts_with("Changed content/briefings/kati.md: ") && line.contains("pages re-rendered"), "{line}");
}

#[test]
fn a_burst_of_saves_is_one_rebuild() {
    let t = SiteTest::fixture("sahel");
    let p = Preview::start(&t.root);
    let events = p.events();
    let path = t.root.join("content/briefings/kati.md");
    let text = fs::read_to_string(&path).unwrap();
    let started = std::time::Instant::now();
    for i in 0..5 {
        fs::write(&path, text.replace("JNIM attacks the Kati base", &format!("Kati, take {i}"))).unwrap();
    }
    let burst = started.elapsed();
    assert_eq!(events.next().map(|e| e.0).as_deref(), Some("reload"));
    let mut reloads = 1;
    while !events.quiet_for(500) {
        reloads += 1;
    }
    // Saves closer together than the debounce are one rebuild. On a loaded
    // machine the five writes may take longer than that: then each window
    // may rebuild once, but never more often than there were saves.
    if burst < sitrep::serve::watch::DEBOUNCE / 2 {
        assert_eq!(reloads, 1, "one reload for a burst of {burst:?}");
    } else {
        assert!(reloads <= 5, "{reloads} reloads for 5 saves over {burst:?}");
    }
    assert!(p.get("/briefings/kati-2022/").body.contains("Kati, take 4"));
}

#[test]
fn created_deleted_and_renamed_files_and_new_folders() {
    let t = SiteTest::fixture("sahel");
    let p = Preview::start(&t.root);
    let events = p.events();
    fs::create_dir_all(t.root.join("content/briefings/2025")).unwrap();
    t.write("content/briefings/2025/new.md", "---\ntitle: A new incident\ndate: 2025-02-01\ncountries: [ML]\nsources:\n  - url: https://example.com/n\n---\nNew.\n");
    assert_eq!(events.next().map(|e| e.0).as_deref(), Some("reload"));
    assert_eq!(p.get("/briefings/new/").status, 200);
    fs::rename(t.root.join("content/briefings/2025/new.md"), t.root.join("content/briefings/2025/renamed.md")).unwrap();
    assert_eq!(events.next().map(|e| e.0).as_deref(), Some("reload"));
    assert_eq!(p.get("/briefings/new/").status, 404);
    assert_eq!(p.get("/briefings/renamed/").status, 200);
    fs::remove_file(t.root.join("content/briefings/2025/renamed.md")).unwrap();
    assert_eq!(events.next().map(|e| e.0).as_deref(), Some("reload"));
    assert_eq!(p.get("/briefings/renamed/").status, 404);
}

#[test]
fn a_content_folder_put_back_in_place_is_watched() {
    let t = SiteTest::fixture("sahel");
    let p = Preview::start(&t.root);
    let events = p.events();
    // A branch switch or a restore from backup replaces the whole folder.
    fs::rename(t.root.join("content"), t.root.join("content-old")).unwrap();
    assert!(events.next().is_some(), "the preview saw the folder go");
    fs::rename(t.root.join("content-old"), t.root.join("content")).unwrap();
    assert!(events.next().is_some(), "the preview saw the folder come back");
    // Edits inside the folder put back are seen.
    let path = t.root.join("content/briefings/kati.md");
    fs::write(&path, fs::read_to_string(&path).unwrap().replace("JNIM attacks the Kati base", "Kati again")).unwrap();
    assert_eq!(events.next().map(|e| e.0).as_deref(), Some("reload"));
    assert!(p.get("/briefings/kati-2022/").body.contains("Kati again"));
}

#[test]
fn a_bad_edit_shows_an_overlay_until_it_is_fixed() {
    let t = SiteTest::fixture("sahel");
    let p = Preview::start(&t.root);
    let events = p.events();
    let path = t.root.join("content/briefings/kati.md");
    let good = fs::read_to_string(&path).unwrap();
    fs::write(&path, good.replace("countries: [Mali]", "countries: [Malii]")).unwrap();
    assert_eq!(events.next().map(|e| e.0).as_deref(), Some("reload"));
    // The last good site, with every problem on every page.
    for page in ["/", "/briefings/kati-2022/", "/groups/jnim/"] {
        let body = p.get(page).body;
        assert!(body.contains("id=\"sitrep-overlay\""), "{page}");
        assert!(body.contains("content/briefings/kati.md:5:13"), "{page}");
        assert!(body.contains("unknown country `Malii`") && body.contains("did you mean `Mali` (ML)?"), "{page}");
    }
    assert!(p.get("/briefings/kati-2022/").body.contains("<h1>JNIM attacks the Kati base</h1>"));
    fs::write(&path, good).unwrap();
    assert_eq!(events.next().map(|e| e.0).as_deref(), Some("reload"));
    assert!(!p.get("/").body.contains("sitrep-overlay"));
}

#[test]
fn a_stylesheet_change_only_swaps_stylesheets() {
    let t = SiteTest::fixture("sahel");
    let css = t.copy_default_theme("default");
    let p = Preview::start(&t.root);
    let events = p.events();
    t.write("themes/default/static/style.css", &format!("{css}\n.brand {{ color: rebeccapurple; }}\n"));
    assert_eq!(events.next().map(|e| e.0).as_deref(), Some("css"));
    assert!(p.get("/style.css").body.contains("rebeccapurple"));
    // A template change reloads every page.
    let base = t.root.join("themes/default/templates/base.html");
    fs::write(&base, fs::read_to_string(&base).unwrap().replace("class=\"skip-link\"", "class=\"skip-link edited\""))
        .unwrap();
    assert_eq!(events.next().map(|e| e.0).as_deref(), Some("reload"));
    assert!(p.get("/countries/").body.contains("skip-link edited"));
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let t = SiteTest::fixture("sahel");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["serve", "--port", &port, "--root"])
        .arg(&t.root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("cannot listen on 127.0.0.1:{port}: the port is already in use")), "{stderr}");
}

#[test]
fn a_page_reconnects_and_catches_up_after_a_restart() {
    let t = SiteTest::fixture("sahel");
    let first = Preview::start(&t.root);
    let version_before =
        first.get("/").body.split("data-version=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    drop(first);
    let second = Preview::start(&t.root);
    let events = second.events_raw();
    let (name, version) = events.next().unwrap();
    assert_eq!(name, "hello");
    assert_ne!(version, version_before, "a restarted server greets with a new version, so the page reloads");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_preview_cleanly() {
    let t = SiteTest::fixture("sahel");
    let (mut child, mut lines) = serve_process(&t);
    assert!(lines.next().unwrap().unwrap().starts_with("Serving the site at http://127.0.0.1:"));
    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert_eq!(exit.code(), Some(0));
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert_eq!(rest.last().map(String::as_str), Some("Stopped."));
}

#[cfg(unix)]
#[test]
fn stopping_does_not_wait_for_an_open_page() {
    use std::io::{Read, Write};
    let t = SiteTest::fixture("sahel");
    let (mut child, mut lines) = serve_process(&t);
    let first = lines.next().unwrap().unwrap();
    let addr = first.split("http://").nth(1).unwrap().split('/').next().unwrap().to_string();
    // A page is open: its event stream stays connected.
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(stream, "GET /__sitrep/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n").unwrap();
    let mut greeting = [0u8; 512];
    let n = stream.read(&mut greeting).unwrap();
    assert!(String::from_utf8_lossy(&greeting[..n]).contains("200 OK"));
    let stopped_at = std::time::Instant::now();
    assert!(Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success());
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        if stopped_at.elapsed() > std::time::Duration::from_secs(10) {
            let _ = child.kill();
            panic!("the preview did not stop within 10 s while a page was open");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(exit.code(), Some(0));
    drop(stream);
}

/// `sitrep serve` on a free port as a separate process, with its printed lines.
#[cfg(unix)]
fn serve_process(t: &SiteTest) -> (std::process::Child, std::io::Lines<std::io::BufReader<std::process::ChildStdout>>) {
    use std::io::BufRead;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["serve", "--port", "0", "--root"])
        .arg(&t.root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    (child, lines)
}

/// GET `/` over a fresh connection with the given `Host` header; the status.
fn status_for_host(p: &Preview, host: &str) -> u16 {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(&p.addr).unwrap();
    write!(stream, "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    String::from_utf8_lossy(&raw).split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
}

#[test]
fn the_preview_answers_only_its_own_host_names() {
    let t = SiteTest::fixture("minimal");
    let p = Preview::start(&t.root);
    let port = p.addr.rsplit(':').next().unwrap().to_string();
    for ours in [p.addr.clone(), format!("localhost:{port}"), "127.0.0.1".into(), format!("[::1]:{port}")] {
        assert_eq!(status_for_host(&p, &ours), 200, "{ours}");
    }
    // A page of another site that made its name point here (DNS rebinding) reads nothing.
    for theirs in [format!("attacker.example:{port}"), "attacker.example".into(), "localhost.attacker.example".into()] {
        assert_eq!(status_for_host(&p, &theirs), 421, "{theirs}");
    }
    let mut stream = std::net::TcpStream::connect(&p.addr).unwrap();
    use std::io::{Read, Write};
    write!(stream, "GET /__sitrep/events HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    assert!(String::from_utf8_lossy(&raw).starts_with("HTTP/1.1 421"), "{}", String::from_utf8_lossy(&raw));
}

#[test]
fn idle_event_streams_never_lock_out_a_new_page() {
    let t = SiteTest::fixture("minimal");
    let p = Preview::start(&t.root);
    // Far more streams than the preview keeps (32), each left idle.
    let first = p.events();
    let idle: Vec<_> = (0..200).map(|_| p.events()).collect();
    // The oldest was closed to make room: its reader sees the end of the stream.
    assert!(first.ended_within(std::time::Duration::from_secs(5)), "the oldest stream was shed");
    // Pages and a new stream are still served.
    assert_eq!(p.get("/").status, 200);
    let newest = p.events();
    t.write("content/briefings/kati.md", "---\ntitle: Kati again\ndate: 2022-07-22\ncountries: [ML]\ngroups: [JNIM]\nsources:\n  - url: https://example.com/kati\n---\nEdited.\n");
    assert_eq!(newest.next().map(|(name, _)| name), Some("reload".to_string()));
    drop(idle);
}
