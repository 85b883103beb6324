//! `sitrep serve`: the writers' live preview.
//!
//! Builds the site in memory (it never writes `output/`, so a preview is never
//! published by accident), with drafts and scheduled briefings shown and
//! marked, and `base_url` replaced by the local address. Then it watches
//! `content/`, `themes/` and `site.yaml`, rebuilds only what a change touches
//! (`session`), swaps the result in when it has no error, and tells open pages
//! to reload. The caller gets one `Report` per event and prints it.

pub mod listener;
pub mod server;
pub mod watch;

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use jiff::civil::Date;

use crate::diagnostics::{Diagnostics, Severity};
use crate::pipeline::BuildOptions;
use crate::session::{Changes, Rebuild, Session};

use server::{Live, Snapshot};
use watch::{Watcher, classify};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Address to listen on (loopback unless asked otherwise).
    pub bind: IpAddr,
    /// Port (0 picks a free one).
    pub port: u16,
    /// Host names answered besides `localhost` and IP addresses (`--allow-host`).
    pub allow_hosts: Vec<String>,
    /// Open the preview in the default browser.
    pub open: bool,
    /// Today's date (scheduled briefings are marked).
    pub today: Date,
}

/// What happened, for the person running `serve`.
#[derive(Debug)]
pub enum Report {
    /// The first build is done and the server listens at this address.
    Listening {
        /// `http://127.0.0.1:1111/`.
        url: String,
        /// Bound to an address other machines can reach (drafts included).
        public: bool,
        /// The first build.
        rebuild: Rebuild,
        /// Its problems.
        diagnostics: Diagnostics,
    },
    /// A rebuild after a change.
    Rebuilt {
        /// What changed, in a few words.
        what: String,
        /// What the rebuild did.
        rebuild: Rebuild,
        /// Its problems (all of them: errors mean the old site is still shown).
        diagnostics: Diagnostics,
    },
    /// The file watcher reported an error.
    WatchError(String),
}

/// Why the preview could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The address could not be listened on (a port in use, usually).
    Bind(SocketAddr, io::Error),
    /// The site folder could not be watched.
    Watch(String),
    /// The server failed while running.
    Io(io::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Bind(addr, e) if e.kind() == io::ErrorKind::AddrInUse => {
                write!(f, "cannot listen on {addr}: the port is already in use (try --port with another number)")
            }
            ServeError::Bind(addr, e) => write!(f, "cannot listen on {addr}: {e}"),
            ServeError::Watch(e) => write!(f, "cannot watch the site for changes: {e}"),
            ServeError::Io(e) => write!(f, "the server stopped: {e}"),
        }
    }
}

/// Serves the site until Ctrl-C (or until `shutdown` resolves).
pub fn run(opts: ServeOptions, report: impl Fn(Report) + Send + 'static) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(ServeError::Io)?;
    runtime.block_on(async {
        // Listen for Ctrl-C before anything is printed, so an early one stops cleanly too.
        #[cfg(unix)]
        let stop = {
            use tokio::signal::unix::{SignalKind, signal};
            let mut interrupt = signal(SignalKind::interrupt()).map_err(ServeError::Io)?;
            let mut terminate = signal(SignalKind::terminate()).map_err(ServeError::Io)?;
            async move {
                tokio::select! {
                    _ = interrupt.recv() => {}
                    _ = terminate.recv() => {}
                }
            }
        };
        #[cfg(not(unix))]
        let stop = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        serve(opts, report, stop).await
    })
}

/// Serves the site until `shutdown` completes.
pub async fn serve(
    opts: ServeOptions,
    report: impl Fn(Report) + Send + 'static,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| ServeError::Bind(addr, e))?;
    let local = listener.local_addr().map_err(ServeError::Io)?;
    let url = format!("http://{local}/");
    let root = opts.root.canonicalize().unwrap_or_else(|_| opts.root.clone());

    let mut build = BuildOptions::new(&root, opts.today);
    build.drafts = true;
    build.base_url = Some(url.clone());
    let instance = format!(
        "{:x}",
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis())
    );
    let (session, first) = Session::open(build);
    let live = Live::new(snapshot(&session, &instance, 0), &opts.allow_hosts);

    let (tx, rx) = mpsc::channel::<Event>();
    let changed = tx.clone();
    let watcher = Watcher::start(&root, move |batch| {
        let _ = changed.send(Event::Changed(batch));
    })
    .map_err(|e| ServeError::Watch(e.to_string()))?;
    report(Report::Listening {
        url: url.clone(),
        public: !opts.bind.is_loopback(),
        rebuild: first,
        diagnostics: session.diagnostics().clone(),
    });
    if opts.open {
        let _ = open::that_detached(&url);
    }
    let loop_live = Arc::clone(&live);
    std::thread::spawn(move || rebuild_loop(session, watcher, (tx, rx), loop_live, instance, report));

    // Once stopping, no new connection is accepted; requests in progress get a
    // moment (a page's event stream never ends by itself), then the runtime stops.
    let stop = Arc::new(tokio::sync::Notify::new());
    let server = tokio::spawn(listener::serve(listener, server::router(live), Arc::clone(&stop)));
    shutdown.await;
    stop.notify_one();
    let _ = server.await;
    tokio::time::sleep(SHUTDOWN_GRACE).await;
    Ok(())
}

/// How long a stopping server lets requests in progress finish.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_millis(500);

/// What the rebuild loop waits for.
enum Event {
    /// The watcher saw files change (or failed).
    Changed(Result<Vec<PathBuf>, String>),
    /// A search index was made in the background from the records of this fingerprint.
    SearchIndexed(u64, Result<crate::search::BundleFiles, crate::search::SearchError>),
}

/// How long the site must stay unchanged before the search index is made
/// again: a writer typing does not set the indexer off at every save.
const SEARCH_QUIET: std::time::Duration = std::time::Duration::from_millis(1500);

/// Waits for changes, rebuilds, publishes; once the site has stayed
/// unchanged for [`SEARCH_QUIET`], makes the search index again in the
/// background (at the lowest priority) when what readers can find changed,
/// and serves it once made (a page is reloaded for its pages, not for its
/// index). Runs until the watcher stops.
fn rebuild_loop(
    mut session: Session,
    mut watcher: Watcher,
    (tx, rx): (mpsc::Sender<Event>, mpsc::Receiver<Event>),
    live: Arc<Live>,
    instance: String,
    report: impl Fn(Report),
) {
    let root = session.root().to_path_buf();
    let mut version = 0u64;
    let mut indexing = false;
    // Set while a rebuild runs: the background indexer waits for it to end.
    let rebuilding = Arc::new(AtomicBool::new(false));
    let index_search = |session: &mut Session, indexing: &mut bool| {
        if *indexing {
            return;
        }
        if let Some((fingerprint, records)) = session.search_to_index() {
            *indexing = true;
            let tx = tx.clone();
            let rebuilding = rebuilding.clone();
            std::thread::spawn(move || {
                let yield_to_writer = || {
                    while rebuilding.load(Ordering::Acquire) {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                    }
                };
                let made = crate::search::bundle_in_background(&records, &yield_to_writer);
                let _ = tx.send(Event::SearchIndexed(fingerprint, made));
            });
        }
    };
    // When to make the index next: at once for the first build.
    let mut index_at = Some(std::time::Instant::now());
    loop {
        let waited = match index_at {
            Some(at) => rx.recv_timeout(at.saturating_duration_since(std::time::Instant::now())),
            None => rx.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected),
        };
        let first = match waited {
            Ok(event) => event,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                index_at = None;
                index_search(&mut session, &mut indexing);
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        // Take whatever else is already waiting: one rebuild for a burst.
        let mut paths = Vec::new();
        let mut indexed = Vec::new();
        let mut finished_indexing = false;
        for event in std::iter::once(first).chain(rx.try_iter()) {
            match event {
                Event::Changed(Ok(more)) => paths.extend(more),
                Event::Changed(Err(e)) => report(Report::WatchError(e)),
                Event::SearchIndexed(fingerprint, made) => {
                    indexing = false;
                    finished_indexing = true;
                    indexed.extend(session.put_search_index(fingerprint, made));
                }
            }
        }
        if !indexed.is_empty() {
            // The same version: open pages have nothing to reload.
            live.update(snapshot(&session, &instance, version));
        }
        let theme = session.theme_name();
        let changes = classify(&root, &theme, paths.iter().map(PathBuf::as_path));
        if !changes.is_empty() {
            // Watch a replaced folder again before anyone hears of the rebuild:
            // an edit made as soon as the page reloads must not go unseen.
            watcher.watch_folders(&paths);
            rebuilding.store(true, Ordering::Release);
            let rebuild = session.apply(&changes);
            let worth_telling = !rebuild.ok || !rebuild.changed.is_empty() || had_errors(&live);
            if worth_telling {
                version += 1;
                live.publish(
                    snapshot(&session, &instance, version),
                    rebuild.ok && rebuild.css_only() && !had_errors(&live),
                );
            }
            rebuilding.store(false, Ordering::Release);
            report(Report::Rebuilt { what: describe(&changes), rebuild, diagnostics: session.diagnostics().clone() });
            // What readers can search for, now that the reload is out.
            session.gather_search();
            index_at = Some(std::time::Instant::now() + SEARCH_QUIET);
        } else if finished_indexing && index_at.is_none() {
            // If it was made from records the site has since left behind, again.
            index_at = Some(std::time::Instant::now());
        }
    }
}

fn had_errors(live: &Live) -> bool {
    !live.snapshot().errors.is_empty()
}

/// What the server shows for the session's current state.
fn snapshot(session: &Session, instance: &str, version: u64) -> Snapshot {
    Snapshot {
        output: session.output().clone(),
        errors: session.diagnostics().iter().filter(|d| d.severity == Severity::Error).cloned().collect(),
        version: format!("{instance}-{version}"),
    }
}

/// `content/briefings/x.md`, `templates`, `site.yaml`... in a few words.
fn describe(changes: &Changes) -> String {
    let mut parts: Vec<String> =
        changes.content.iter().filter(|p| !p.is_empty()).map(|p| format!("content/{p}")).collect();
    if changes.config {
        parts.push("site.yaml".into());
    }
    if changes.templates {
        parts.push("templates".into());
    }
    if changes.statics {
        parts.push("static files".into());
    }
    if parts.is_empty() {
        parts.push("content".into());
    }
    if parts.len() > 3 {
        let n = parts.len();
        parts.truncate(2);
        parts.push(format!("{} more", n - 2));
    }
    parts.join(", ")
}
