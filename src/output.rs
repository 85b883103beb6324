//! Write stage: the rendered site, held in memory, swapped into the output
//! folder in one step.
//!
//! The whole site is written to a staging folder beside the output folder
//! (`.output.sitrep-stage-<pid>`), then the old folder is renamed away and the
//! staging folder renamed into its place. A failed or interrupted build never
//! leaves a half-written site; leftovers of an interrupted run are removed on
//! the next one. Nothing is written anywhere else.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;

/// The built site: file path (relative, `/`-separated) to bytes.
///
/// Paths and bytes are shared (`Arc`), so a copy of the whole site for the
/// preview server costs a map of pointers, not the pages themselves; a
/// rendered file is moved in, never copied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    files: BTreeMap<Arc<str>, Arc<Vec<u8>>>,
}

impl Output {
    /// An empty site.
    pub fn new() -> Self {
        Output::default()
    }

    /// Adds a file; paths that could leave the output folder are refused.
    pub fn insert(&mut self, path: impl Into<String>, bytes: Vec<u8>) -> bool {
        let path = path.into();
        if !is_safe_relative(&path) {
            return false;
        }
        self.files.insert(Arc::from(path), Arc::new(bytes));
        true
    }

    /// Removes a file; returns true if it was there.
    pub fn remove(&mut self, path: &str) -> bool {
        self.files.remove(path).is_some()
    }

    /// Keeps only the files whose path satisfies `keep`.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.files.retain(|p, _| keep(p));
    }

    /// The bytes of `path`, if the site has it.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|b| b.as_slice())
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every file, sorted by path.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(p, b)| (&**p, b.as_slice()))
    }

    /// Total size in bytes.
    pub fn total_bytes(&self) -> usize {
        self.files.values().map(|b| b.len()).sum()
    }
}

/// True for a relative path with no `..`, no root and no empty parts.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty() && !path.contains('\\') && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

/// A site being written: files go into a staging folder beside the output
/// folder as they are rendered; `commit` swaps it into place. Dropped without
/// a commit, the staging folder is removed and the output folder untouched.
pub struct Staging {
    dir: PathBuf,
    staging: PathBuf,
    old: PathBuf,
    committed: bool,
    files: AtomicUsize,
    bytes: AtomicU64,
}

fn fail(what: &str, path: &Path, e: io::Error) -> Diagnostic {
    Diagnostic::error("write-failed", path, format!("{what}: {e}"))
        .hint("check that the output folder's parent exists and is writable")
}

impl Staging {
    /// Prepares to write the site that will replace `dir`.
    pub fn begin(dir: &Path) -> Result<Staging, Diagnostic> {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| Diagnostic::error("bad-output", dir, "the output folder has no name"))?;
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if dir.exists() && !dir.is_dir() {
            return Err(Diagnostic::error("bad-output", dir, "the output path exists and is not a folder")
                .hint("remove the file or choose another --output"));
        }
        fs::create_dir_all(&parent).map_err(|e| fail("cannot create", &parent, e))?;
        remove_leftovers(&parent, &name);
        let pid = std::process::id();
        let staging = parent.join(format!(".{name}.sitrep-stage-{pid}"));
        fs::create_dir(&staging).map_err(|e| fail("cannot create", &staging, e))?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            old: parent.join(format!(".{name}.sitrep-old-{pid}")),
            staging,
            committed: false,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        })
    }

    /// Writes one file (safe to call from several threads at once).
    pub fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        if !is_safe_relative(path) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("unsafe output path {path}")));
        }
        let target = self.staging.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&target, bytes)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Files and bytes written so far.
    pub fn written(&self) -> (usize, u64) {
        (self.files.load(Ordering::Relaxed), self.bytes.load(Ordering::Relaxed))
    }

    /// Moves the previous site aside and the new one into place, then removes the previous one.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let dir = self.dir.clone();
        if dir.exists() {
            fs::rename(&dir, &self.old).map_err(|e| fail("cannot move the previous site aside", &dir, e))?;
        }
        if let Err(e) = fs::rename(&self.staging, &dir) {
            // Put the previous site back.
            let _ = fs::rename(&self.old, &dir);
            return Err(fail("cannot move the new site into place", &dir, e));
        }
        self.committed = true;
        let _ = fs::remove_dir_all(&self.old);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Writes `output` into `dir`, replacing what was there only once everything is written.
pub fn write(output: &Output, dir: &Path) -> Result<(), Diagnostic> {
    let staging = Staging::begin(dir)?;
    output
        .files
        .par_iter()
        .try_for_each(|(path, bytes)| staging.write(path, bytes))
        .map_err(|e| fail("cannot write the site", &staging.staging, e))?;
    staging.commit()
}

/// Removes staging and old folders left by an interrupted run.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let stage = format!(".{name}.sitrep-stage-");
    let old = format!(".{name}.sitrep-old-");
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with(&stage) || file_name.starts_with(&old) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        let mut o = Output::new();
        assert!(!o.insert("../x.html", vec![]));
        assert!(!o.insert("/etc/x", vec![]));
        assert!(!o.insert("a/../../x", vec![]));
        assert!(o.insert("briefings/x/index.html", vec![]));
        assert_eq!(o.len(), 1);
    }

    #[test]
    fn swaps_the_new_site_in_and_removes_stale_files() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("output");
        let mut first = Output::new();
        first.insert("old/index.html", b"old".to_vec());
        write(&first, &dir).unwrap();
        let mut second = Output::new();
        second.insert("index.html", b"new".to_vec());
        write(&second, &dir).unwrap();
        assert_eq!(fs::read(dir.join("index.html")).unwrap(), b"new");
        assert!(!dir.join("old").exists());
        let names: Vec<String> =
            fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["output"]);
    }

    #[test]
    fn cleans_up_after_an_interrupted_run() {
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir(tmp.path().join(".output.sitrep-stage-99999")).unwrap();
        fs::create_dir(tmp.path().join(".output.sitrep-old-99999")).unwrap();
        write(&Output::new(), &tmp.path().join("output")).unwrap();
        let names: Vec<String> =
            fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["output"]);
    }
}
