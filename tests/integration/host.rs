//! A static host for built sites, as a desk's web server would be: the output
//! folder served over a real socket under the site's sub-path.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::http::{StatusCode, Uri, header};
use axum::response::Response;

/// A running host; it stops with the test process.
pub struct Host {
    /// `127.0.0.1:port`.
    pub addr: String,
}

impl Host {
    /// Serves `dir` at `http://addr{sub_path}` (`sub_path` starts and ends with `/`).
    pub fn start(dir: &Path, sub_path: &str) -> Host {
        let dir = dir.to_path_buf();
        let sub_path = sub_path.to_string();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let app = Router::new().fallback(move |uri: Uri| {
                    let (dir, sub_path) = (dir.clone(), sub_path.clone());
                    async move { file(&dir, &sub_path, &uri) }
                });
                axum::serve(listener, app).await.unwrap();
            });
        });
        Host { addr }
    }
}

/// The file `uri` names under `sub_path`, or 404.
fn file(dir: &Path, sub_path: &str, uri: &Uri) -> Response {
    let not_found = || Response::builder().status(StatusCode::NOT_FOUND).body(Body::from("not found")).unwrap();
    let Some(rel) = uri.path().strip_prefix(sub_path) else {
        return not_found();
    };
    let rel = percent_encoding::percent_decode_str(rel).decode_utf8_lossy().to_string();
    if rel.split('/').any(|part| part == "..") {
        return not_found();
    }
    let mut path: PathBuf = dir.join(&rel);
    if rel.is_empty() || rel.ends_with('/') {
        path = path.join("index.html");
    }
    match std::fs::read(&path) {
        Ok(bytes) => Response::builder()
            .header(header::CONTENT_TYPE, mime_guess::from_path(&path).first_or_octet_stream().as_ref())
            .body(Body::from(bytes))
            .unwrap(),
        Err(_) => not_found(),
    }
}
