//! The preview's HTTP side: serves the site from memory, tells open pages to
//! reload, and shows problems in the page.
//!
//! GET and HEAD only. Paths are decoded and checked before anything is looked
//! up: `..`, `.`, backslashes and empty segments never leave the site, they
//! are simply not found. Every HTML page gets a small script that listens to
//! `/__sitrep/events` (server-sent events) and reloads after a rebuild, or
//! swaps stylesheets when only CSS changed; while the last rebuild has errors,
//! every HTML page also carries an overlay listing them.

use crate::escape::html as escape;
use std::convert::Infallible;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::diagnostics::{Diagnostic, display_path};
use crate::output::Output;

/// The most reload event streams open at once (a browser shares one among
/// its tabs; see `RELOAD_SCRIPT`): far below the connection limit.
pub const MAX_STREAMS: usize = 32;

/// The path of the reload event stream.
pub const EVENTS_PATH: &str = "/__sitrep/events";

/// What the server shows: the last good site and the problems of the last rebuild.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// The last good site (empty until one builds).
    pub output: Output,
    /// Problems of the last rebuild that are errors (shown in the overlay).
    pub errors: Vec<Diagnostic>,
    /// `<server instance>-<rebuild number>`: a page built from another version reloads.
    pub version: String,
}

/// A message to open pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// Reload the page.
    Reload(String),
    /// Only stylesheets changed: swap them.
    Css(String),
}

/// State shared by the rebuild loop and the request handlers.
pub struct Live {
    snapshot: RwLock<Arc<Snapshot>>,
    signals: broadcast::Sender<Signal>,
    /// Host names answered besides `localhost` and IP addresses, lower case.
    hosts: Vec<String>,
    /// The open event streams, oldest first: each one's closing switch.
    streams: std::sync::Mutex<std::collections::VecDeque<tokio::sync::watch::Sender<bool>>>,
}

impl Live {
    /// Shared state serving `snapshot`, answering requests for `localhost`,
    /// IP addresses and the host names `hosts` (`--allow-host`).
    pub fn new(snapshot: Snapshot, hosts: &[String]) -> Arc<Live> {
        let (signals, _) = broadcast::channel(64);
        Arc::new(Live {
            snapshot: RwLock::new(Arc::new(snapshot)),
            signals,
            hosts: hosts.iter().map(|n| n.trim().trim_end_matches('.').to_ascii_lowercase()).collect(),
            streams: Default::default(),
        })
    }

    /// True when a request's `Host` names this preview: `localhost`, an IP
    /// address (a page of another site can only reach the preview under a
    /// name it controls, by DNS rebinding; never under an address), or a
    /// name given with `--allow-host`. A request without `Host` (HTTP/1.0)
    /// comes from no browser and is answered.
    pub fn answers(&self, host: Option<&str>) -> bool {
        let Some(host) = host else { return true };
        let name = match host.strip_prefix('[') {
            Some(v6) => return v6.split(']').next().is_some_and(|a| a.parse::<std::net::Ipv6Addr>().is_ok()),
            None => host
                .rsplit_once(':')
                .map_or(host, |(name, port)| if port.bytes().all(|b| b.is_ascii_digit()) { name } else { host }),
        };
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        name == "localhost"
            || name.ends_with(".localhost")
            || name.parse::<std::net::Ipv4Addr>().is_ok()
            || self.hosts.contains(&name)
    }

    /// A closing switch for a new event stream. At most `MAX_STREAMS` stay
    /// open: beyond that the oldest is closed (its page reconnects when it
    /// is still open), so idle streams never lock out new pages.
    fn open_stream(&self) -> tokio::sync::watch::Receiver<bool> {
        let (close, closed) = tokio::sync::watch::channel(false);
        let mut streams = self.streams.lock().unwrap_or_else(|e| e.into_inner());
        streams.retain(|s| !s.is_closed());
        while streams.len() >= MAX_STREAMS {
            if let Some(oldest) = streams.pop_front() {
                let _ = oldest.send(true);
            }
        }
        streams.push_back(close);
        closed
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.snapshot.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Replaces the snapshot and tells open pages.
    pub fn publish(&self, snapshot: Snapshot, css_only: bool) {
        let version = snapshot.version.clone();
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
        let signal = if css_only { Signal::Css(version) } else { Signal::Reload(version) };
        let _ = self.signals.send(signal);
    }

    /// Replaces the snapshot without telling open pages (what changed is not
    /// on them: the search index).
    pub fn update(&self, snapshot: Snapshot) {
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
    }

    /// Receives the next signals (for tests and the event stream).
    pub fn subscribe(&self) -> broadcast::Receiver<Signal> {
        self.signals.subscribe()
    }
}

/// The router: the event stream, and the site for everything else.
pub fn router(live: Arc<Live>) -> Router {
    Router::new().route(EVENTS_PATH, get(events)).fallback(page).with_state(live)
}

/// Where a request path leads in the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Serve this output file.
    File(String),
    /// A folder asked for without its `/`: redirect there.
    Redirect(String),
    /// Nothing here (or a path trying to leave the site).
    NotFound,
}

/// Resolves a raw request path (percent-encoded, as sent) against `exists`.
pub fn resolve(raw: &str, exists: impl Fn(&str) -> bool) -> Resolved {
    let path = raw.split(['?', '#']).next().unwrap_or("");
    let Ok(decoded) = percent_encoding::percent_decode_str(path).decode_utf8() else {
        return Resolved::NotFound;
    };
    let Some(rel) = decoded.strip_prefix('/') else {
        return Resolved::NotFound;
    };
    if rel.contains('\\') || rel.contains('\0') || rel.starts_with('/') {
        return Resolved::NotFound;
    }
    let segments: Vec<&str> = rel.split('/').collect();
    let last = segments.len() - 1;
    if segments.iter().enumerate().any(|(i, s)| *s == ".." || *s == "." || (s.is_empty() && i != last)) {
        return Resolved::NotFound;
    }
    if rel.is_empty() || rel.ends_with('/') {
        let file = format!("{rel}index.html");
        return if exists(&file) { Resolved::File(file) } else { Resolved::NotFound };
    }
    if exists(rel) {
        return Resolved::File(rel.to_string());
    }
    if exists(&format!("{rel}/index.html")) {
        return Resolved::Redirect(format!("/{rel}/"));
    }
    Resolved::NotFound
}

/// The refusal of a request for a host name the preview does not answer to.
fn misdirected() -> Response {
    (
        StatusCode::MISDIRECTED_REQUEST,
        "this preview answers only to localhost, IP addresses and the names given with --allow-host\n",
    )
        .into_response()
}

/// The `Host` header of a request, when it has a readable one.
fn host(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers.get(header::HOST).map(|h| h.to_str().unwrap_or("\u{0}"))
}

async fn page(State(live): State<Arc<Live>>, method: Method, uri: Uri, headers: axum::http::HeaderMap) -> Response {
    if !live.answers(host(&headers)) {
        return misdirected();
    }
    if method != Method::GET && method != Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, "GET, HEAD")], "only GET and HEAD\n").into_response();
    }
    let snapshot = live.snapshot();
    let (status, file) = match resolve(uri.path(), |p| snapshot.output.contains(p)) {
        Resolved::File(file) => (StatusCode::OK, Some(file)),
        Resolved::Redirect(to) => {
            return (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, to)]).into_response();
        }
        Resolved::NotFound => {
            (StatusCode::NOT_FOUND, snapshot.output.contains("404.html").then(|| "404.html".to_string()))
        }
    };
    let (bytes, content_type): (Vec<u8>, String) = match &file {
        Some(f) => {
            let bytes = snapshot.output.get(f).unwrap_or_default();
            let mime = mime_guess::from_path(f).first_or_octet_stream();
            if mime.essence_str() == "text/html" {
                (inject(&bytes, &snapshot).into_bytes(), "text/html; charset=utf-8".into())
            } else if mime.type_() == "text" || mime.essence_str() == "application/javascript" {
                (bytes, format!("{}; charset=utf-8", mime.essence_str()))
            } else {
                (bytes, mime.essence_str().to_string())
            }
        }
        // No site yet (the first build failed), or no 404 page: a bare page with the overlay.
        None => (inject(b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1></body></html>", &snapshot).into_bytes(), "text/html; charset=utf-8".into()),
    };
    let length = bytes.len();
    let body = if method == Method::HEAD { Body::empty() } else { Body::from(bytes) };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn events(State(live): State<Arc<Live>>, headers: axum::http::HeaderMap) -> Response {
    if !live.answers(host(&headers)) {
        return misdirected();
    }
    let hello = Event::default().event("hello").data(live.snapshot().version.clone());
    let updates = BroadcastStream::new(live.subscribe()).filter_map(|signal| match signal {
        Ok(Signal::Reload(v)) => Some(Some(Event::default().event("reload").data(v))),
        Ok(Signal::Css(v)) => Some(Some(Event::default().event("css").data(v))),
        Err(_) => None,
    });
    // Closed when newer streams push it out (`Live::open_stream`).
    let closing = tokio_stream::wrappers::WatchStream::from_changes(live.open_stream()).map(|_| None);
    let stream = tokio_stream::once(Some(hello))
        .chain(updates.merge(closing))
        .take_while(Option::is_some)
        .map(|event| Ok::<Event, Infallible>(event.unwrap_or_default()));
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response()
}

/// The script every page gets: reload after a rebuild, swap stylesheets
/// after a CSS-only change, reconnect (and catch up) after a restart.
///
/// A browser allows six HTTP/1.1 connections per host, and an event stream
/// holds one for good: so the tabs of one browser share one stream. The tab
/// that holds the Web Lock `sitrep-live` listens and passes each event to
/// the others on a BroadcastChannel; when it closes, another tab takes the
/// lock and listens. Where the lock is missing (a page opened by a LAN
/// address is not a secure context), each tab listens on its own, and the
/// server keeps at most `MAX_STREAMS`.
const RELOAD_SCRIPT: &str = r#"<script>
(() => {
  const version = document.currentScript.dataset.version;
  const channel = "BroadcastChannel" in window ? new BroadcastChannel("sitrep-live") : null;
  let latest = null;
  const act = (kind, data) => {
    if (kind === "hello") {
      if (data !== version) location.reload();
      window.sitrepLive = true;
    } else if (kind === "reload") {
      location.reload();
    } else if (kind === "css") {
      for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
        const url = new URL(link.href);
        url.searchParams.set("v", Date.now());
        const fresh = link.cloneNode();
        fresh.href = url.href;
        fresh.onload = () => link.remove();
        link.after(fresh);
      }
    }
  };
  const listen = () => new Promise(() => {
    const connect = () => {
      const source = new EventSource("/__sitrep/events");
      for (const kind of ["hello", "reload", "css"]) {
        source.addEventListener(kind, (e) => {
          if (kind === "hello") latest = e.data;
          if (channel) channel.postMessage({ kind, data: e.data });
          act(kind, e.data);
        });
      }
      source.onerror = () => { source.close(); setTimeout(connect, 500); };
    };
    connect();
  });
  if (channel && navigator.locks) {
    channel.onmessage = (e) => {
      if (e.data.kind === "ask") { if (latest !== null) channel.postMessage({ kind: "hello", data: latest }); }
      else act(e.data.kind, e.data.data);
    };
    navigator.locks.request("sitrep-live", listen);
    channel.postMessage({ kind: "ask" });
  } else {
    listen();
  }
})();
</script>"#;

/// Adds the reload script (and the problems overlay, if any) before `</body>`.
fn inject(html: &[u8], snapshot: &Snapshot) -> String {
    let html = String::from_utf8_lossy(html);
    let mut extra =
        RELOAD_SCRIPT.replacen("<script>", &format!("<script data-version=\"{}\">", escape(&snapshot.version)), 1);
    if !snapshot.errors.is_empty() {
        extra.push_str(&overlay(&snapshot.errors));
    }
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

/// The problems overlay: every error with its place, message and hint.
pub fn overlay(errors: &[Diagnostic]) -> String {
    let mut items = String::new();
    for d in errors {
        let place = match d.span {
            Some(s) => format!("{}:{}:{}", display_path(&d.path), s.line, s.column),
            None => display_path(&d.path),
        };
        items.push_str(&format!(
            "<li><code class=\"sitrep-where\">{}</code> <span class=\"sitrep-code\">[{}]</span><div class=\"sitrep-message\">{}</div>{}</li>",
            escape(&place),
            escape(d.code),
            escape(&d.message),
            d.hint.as_ref().map(|h| format!("<div class=\"sitrep-hint\">hint: {}</div>", escape(h))).unwrap_or_default()
        ));
    }
    format!(
        "<div id=\"sitrep-overlay\" role=\"alertdialog\" aria-labelledby=\"sitrep-overlay-title\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:15px/1.5 system-ui,sans-serif;padding:2rem\">\
<div style=\"max-width:60rem;margin:0 auto\"><h2 id=\"sitrep-overlay-title\" style=\"color:#ff8f8f;margin-top:0\">{} — the page shows the last good build</h2>\
<p>Fix the files below; this page reloads by itself when they build.</p>\
<ol style=\"padding-left:1.2rem\">{items}</ol></div>\
<style>#sitrep-overlay li{{margin:.8rem 0}}#sitrep-overlay code{{color:#ffd479}}#sitrep-overlay .sitrep-code{{color:#bbb}}#sitrep-overlay .sitrep-hint{{color:#9fd3ff}}</style></div>",
        if errors.len() == 1 { "1 error".to_string() } else { format!("{} errors", errors.len()) }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_its_own_host_names_are_answered() {
        let live = Live::new(Snapshot::default(), &["Desk-Laptop.".to_string()]);
        for ours in [
            None,
            Some("localhost:1111"),
            Some("127.0.0.1:1111"),
            Some("[::1]:1111"),
            Some("10.0.0.5"),
            Some("desk-laptop:1111"),
            Some("app.localhost"),
        ] {
            assert!(live.answers(ours), "{ours:?}");
        }
        for theirs in
            ["attacker.example:1111", "localhost.attacker.example", "[evil]", "desk-laptop.attacker.example", "\u{0}"]
        {
            assert!(!live.answers(Some(theirs)), "{theirs}");
        }
    }

    fn site(p: &str) -> bool {
        ["index.html", "groups/index.html", "groups/jnim/index.html", "style.css"].contains(&p)
    }

    #[test]
    fn resolves_pages_folders_and_files() {
        assert_eq!(resolve("/", site), Resolved::File("index.html".into()));
        assert_eq!(resolve("/groups/jnim/", site), Resolved::File("groups/jnim/index.html".into()));
        assert_eq!(resolve("/groups/jnim", site), Resolved::Redirect("/groups/jnim/".into()));
        assert_eq!(resolve("/style.css?v=3", site), Resolved::File("style.css".into()));
        assert_eq!(resolve("/gr%6Fups/", site), Resolved::File("groups/index.html".into()));
        assert_eq!(resolve("/nothing/", site), Resolved::NotFound);
    }

    #[test]
    fn paths_that_try_to_leave_the_site_are_not_found() {
        for raw in [
            "/../etc/passwd",
            "/groups/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/groups/%2e%2e/index.html",
            "//etc/passwd",
            "/groups//jnim/",
            "/..\\..\\etc\\passwd",
            "/%5c..%5cetc",
            "/./index.html",
            "/%00",
            "/%ff%fe",
            "etc/passwd",
        ] {
            assert_eq!(resolve(raw, |_| true), Resolved::NotFound, "{raw}");
        }
    }

    #[test]
    fn the_overlay_lists_every_problem_escaped() {
        let d = Diagnostic::error("unknown-field", "content/briefings/x.md", "unknown field `<b>`")
            .at(crate::diagnostics::Span::new(4, 1))
            .hint("did you mean `countries`?");
        let html = overlay(&[d]);
        assert!(html.contains("content/briefings/x.md:4:1"));
        assert!(html.contains("unknown field `&lt;b&gt;`"));
        assert!(html.contains("hint: did you mean `countries`?"));
        assert!(html.contains("1 error"));
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let snapshot = Snapshot { version: "a-1".into(), ..Snapshot::default() };
        let html = inject(b"<html><body><p>x</p></body></html>", &snapshot);
        assert!(html.contains("data-version=\"a-1\""));
        assert!(html.ends_with("</script></body></html>"));
        assert!(!html.contains("sitrep-overlay"));
    }
}
