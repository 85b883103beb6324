//! A running preview, driven over real sockets on 127.0.0.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// `sitrep serve` on a site, on a free port.
pub struct Preview {
    child: Child,
    pub addr: String,
    pub lines: Receiver<String>,
}

impl Preview {
    /// Starts the preview and waits until it serves.
    pub fn start(root: &Path) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let first = lines.recv_timeout(Duration::from_secs(30)).expect("the preview starts");
        let url = first.split("http://").nth(1).and_then(|r| r.split('/').next()).unwrap_or_else(|| panic!("{first}"));
        Preview { child, addr: url.to_string(), lines }
    }

    /// One request over a fresh connection; the path is sent exactly as given.
    pub fn request(&self, method: &str, path: &str) -> Reply {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(stream, "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.addr).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        Reply::parse(&raw)
    }

    /// GET `path`: the status and the body's bytes.
    pub fn get_bytes(&self, path: &str) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.addr).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let at = raw.windows(4).position(|w| w == b"\r\n\r\n").map_or(raw.len(), |i| i + 4);
        let status = String::from_utf8_lossy(&raw[..at.min(raw.len())])
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, raw[at..].to_vec())
    }

    /// GET `path`.
    pub fn get(&self, path: &str) -> Reply {
        self.request("GET", path)
    }

    /// Opens the reload event stream, as a page does, and reads its greeting.
    pub fn events(&self) -> Events {
        let events = self.events_raw();
        let (name, _) = events.next().expect("the stream greets");
        assert_eq!(name, "hello");
        events
    }

    /// Opens the reload event stream without reading anything yet.
    pub fn events_raw(&self) -> Events {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(stream, "GET /__sitrep/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n", self.addr)
            .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut event = String::new();
            for line in BufReader::new(stream).lines() {
                let Ok(line) = line else { break };
                // The last chunk of the response: the stream was closed.
                if line == "0" {
                    let _ = tx.send(("end".to_string(), String::new()));
                    break;
                }
                if let Some(name) = line.strip_prefix("event: ") {
                    event = name.to_string();
                } else if let Some(data) = line.strip_prefix("data: ")
                    && tx.send((event.clone(), data.to_string())).is_err()
                {
                    break;
                }
            }
        });
        Events(rx)
    }

    /// Waits for the next line the preview prints.
    pub fn line(&self) -> String {
        self.lines.recv_timeout(Duration::from_secs(20)).expect("the preview prints a line")
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Server-sent events as (event, data).
pub struct Events(Receiver<(String, String)>);

impl Events {
    /// The next event, or `None` after a few seconds without one.
    pub fn next(&self) -> Option<(String, String)> {
        self.0.recv_timeout(Duration::from_secs(10)).ok()
    }

    /// True when the server ends the stream within `wait` (events before the end are skipped).
    pub fn ended_within(&self, wait: Duration) -> bool {
        let until = std::time::Instant::now() + wait;
        while let Some(left) = until.checked_duration_since(std::time::Instant::now()) {
            match self.0.recv_timeout(left) {
                Ok((name, _)) if name == "end" => return true,
                Ok(_) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return true,
                Err(mpsc::RecvTimeoutError::Timeout) => return false,
            }
        }
        false
    }

    /// True when no event arrives within `ms` milliseconds.
    pub fn quiet_for(&self, ms: u64) -> bool {
        self.0.recv_timeout(Duration::from_millis(ms)).is_err()
    }
}

/// An HTTP reply.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let text = String::from_utf8_lossy(raw);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
        let headers =
            lines.filter_map(|l| l.split_once(": ")).map(|(k, v)| (k.to_ascii_lowercase(), v.to_string())).collect();
        Reply { status, headers, body: body.to_string() }
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}
