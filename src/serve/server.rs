//! The preview's HTTP side: serves the site from memory, tells open pages to
//! reload, and shows problems in the page.
//!
//! GET and HEAD only. Paths are decoded and checked before anything is looked
//! up: `..`, `.`, backslashes and empty segments never leave the site, they
//! are simply not found. Every HTML page gets a small script that listens to
//! `/__sitrep/events` (server-sent events) and reloads after a rebuild, or
//! swaps stylesheets when only CSS changed; while the last rebuild has errors,
//! every HTML page also carries an overlay listing them.

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
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

use crate::diagnostics::{Diagnostic, display_path};
use crate::output::Output;

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
}

impl Live {
    /// Shared state serving `snapshot`.
    pub fn new(snapshot: Snapshot) -> Arc<Live> {
        let (signals, _) = broadcast::channel(64);
        Arc::new(Live { snapshot: RwLock::new(Arc::new(snapshot)), signals })
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

async fn page(State(live): State<Arc<Live>>, method: Method, uri: Uri) -> Response {
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

async fn events(State(live): State<Arc<Live>>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let hello = Event::default().event("hello").data(live.snapshot().version.clone());
    let updates = BroadcastStream::new(live.subscribe()).filter_map(|signal| match signal {
        Ok(Signal::Reload(v)) => Some(Ok(Event::default().event("reload").data(v))),
        Ok(Signal::Css(v)) => Some(Ok(Event::default().event("css").data(v))),
        Err(_) => None,
    });
    let stream = tokio_stream::once(Ok(hello)).chain(updates);
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// The script every page gets: reload after a rebuild, swap stylesheets
/// after a CSS-only change, reconnect (and catch up) after a restart.
const RELOAD_SCRIPT: &str = r#"<script>
(() => {
  const version = document.currentScript.dataset.version;
  let source;
  const connect = () => {
    source = new EventSource("/__sitrep/events");
    source.addEventListener("hello", (e) => {
      if (e.data !== version) location.reload();
      window.sitrepLive = true;
    });
    source.addEventListener("reload", () => location.reload());
    source.addEventListener("css", () => {
      for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
        const url = new URL(link.href);
        url.searchParams.set("v", Date.now());
        const fresh = link.cloneNode();
        fresh.href = url.href;
        fresh.onload = () => link.remove();
        link.after(fresh);
      }
    });
    source.onerror = () => { source.close(); setTimeout(connect, 500); };
  };
  connect();
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

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

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
