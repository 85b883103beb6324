//! Accepting connections for the preview, with limits a public address needs.
//!
//! Every connection is served by hyper's HTTP/1 server with a deadline for the
//! request head: a client that connects and sends nothing, or sends a request
//! a byte at a time, or leaves a kept-alive connection idle, is closed after
//! `HEAD_TIMEOUT`. At most `max_connections()` are open at once (a share of
//! the process's file limit): beyond that, new connections are closed at
//! once instead of starving the ones in use. A page's reload stream is a
//! response in progress, so it is not cut by the deadline.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore};

/// How long a client has to send a request head, on a new or kept-alive connection.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// The most connections open at once: a quarter of the open-file limit, between 32 and 512.
pub fn max_connections() -> usize {
    #[cfg(unix)]
    {
        let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile).current.unwrap_or(1024);
        ((limit / 4) as usize).clamp(32, 512)
    }
    #[cfg(not(unix))]
    {
        256
    }
}

/// Serves `router` on `listener` until `stop` is notified.
pub async fn serve(listener: TcpListener, router: Router, stop: Arc<Notify>) {
    let slots = Arc::new(Semaphore::new(max_connections()));
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = stop.notified() => return,
        };
        let Ok((stream, _)) = accepted else {
            // Out of file descriptors or a connection reset before accept: carry on.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let _slot = slot;
            let _ = stream.set_nodelay(true);
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new()).header_read_timeout(HEAD_TIMEOUT).keep_alive(true);
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
        });
    }
}
