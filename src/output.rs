//! Write stage: the rendered site swapped into the output folder in one step.
//!
//! The whole site is written to a staging folder beside the output folder
//! (`.output.sitrep-stage-<pid>`), then exchanged with the output folder. A
//! failed or interrupted build never leaves a half-written site, two builds
//! never write one folder at once, and a folder sitrep did not make is never
//! replaced unless the writer forces it: see `Staging` for the guarantees.
//! Nothing is written anywhere else but a lock file in the system's
//! temporary folder.

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
/// The preview holds a whole site in memory, two languages of 10,000
/// briefings are over 600 MB of HTML, so each file is kept compressed
/// ([`Packed`]): a fifth of the memory, packed as it is rendered and unpacked
/// when it is served. Paths and bytes are shared (`Arc`), so a copy of the
/// whole site for the preview server costs a map of pointers, not the pages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    files: BTreeMap<Arc<str>, Arc<Packed>>,
}

/// A file's bytes as the preview keeps them: compressed (LZ4: fast both
/// ways, and HTML shrinks about five times), except the few files over
/// [`PACK_LIMIT`] (data downloads), which a rebuild writes again whenever one
/// incident changes: packing them would cost the reload more than it saves.
/// Packing is deterministic: equal bytes, equal packs.
#[derive(Debug, Clone, Eq)]
pub enum Packed {
    /// Compressed, with the size unpacked in front.
    Lz4(Vec<u8>),
    /// As is.
    Raw(Vec<u8>),
    /// A file on disk, read when served: a picture in the picture cache
    /// (named by its content, so the name always means the same bytes; the
    /// pictures of a site can weigh more than all its pages).
    File(PathBuf),
}

/// Equal bytes: packs of one kind compare as they are kept, any other two
/// unpacked (a file on disk and the same bytes in memory are equal).
impl PartialEq for Packed {
    fn eq(&self, other: &Packed) -> bool {
        match (self, other) {
            (Packed::Lz4(a), Packed::Lz4(b)) | (Packed::Raw(a), Packed::Raw(b)) => a == b,
            (Packed::File(a), Packed::File(b)) if a == b => true,
            _ => matches!((self.unpack(), other.unpack()), (Some(a), Some(b)) if a == b),
        }
    }
}

/// Files larger than this are kept as they are.
pub const PACK_LIMIT: usize = 1 << 20;

impl Packed {
    /// `bytes`, packed.
    pub fn new(bytes: Vec<u8>) -> Packed {
        if bytes.len() > PACK_LIMIT { Packed::Raw(bytes) } else { Packed::Lz4(lz4_flex::compress_prepend_size(&bytes)) }
    }

    /// The bytes, unpacked (`None` when a file on disk cannot be read).
    pub fn unpack(&self) -> Option<Vec<u8>> {
        match self {
            // Only `new` makes a pack, so it always unpacks.
            Packed::Lz4(packed) => Some(lz4_flex::decompress_size_prepended(packed).unwrap_or_default()),
            Packed::Raw(bytes) => Some(bytes.clone()),
            Packed::File(path) => fs::read(path).ok(),
        }
    }

    /// Size unpacked, in bytes.
    pub fn unpacked_len(&self) -> usize {
        match self {
            Packed::Lz4(packed) => packed.get(..4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize),
            Packed::Raw(bytes) => bytes.len(),
            Packed::File(path) => fs::metadata(path).map_or(0, |m| m.len() as usize),
        }
    }
}

impl Output {
    /// An empty site.
    pub fn new() -> Self {
        Output::default()
    }

    /// Adds a file; paths that could leave the output folder are refused.
    pub fn insert(&mut self, path: impl Into<String>, bytes: Vec<u8>) -> bool {
        self.insert_packed(path, Packed::new(bytes))
    }

    /// Adds a file already packed; paths that could leave the output folder are refused.
    pub fn insert_packed(&mut self, path: impl Into<String>, packed: Packed) -> bool {
        let path = path.into();
        if !is_safe_relative(&path) {
            return false;
        }
        self.files.insert(Arc::from(path), Arc::new(packed));
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
    pub fn get(&self, path: &str) -> Option<Vec<u8>> {
        self.files.get(path).and_then(|b| b.unpack())
    }

    /// The packed bytes of `path`, if the site has it.
    pub fn packed(&self, path: &str) -> Option<&Packed> {
        self.files.get(path).map(|b| &**b)
    }

    /// True when the site has a file at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every file's path, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(|p| &**p)
    }

    /// Every file, sorted by path, unpacked one at a time (a file on disk
    /// that cannot be read any more comes out empty).
    pub fn iter(&self) -> impl Iterator<Item = (&str, Vec<u8>)> {
        self.files.iter().map(|(p, b)| (&**p, b.unpack().unwrap_or_default()))
    }

    /// Total size in bytes, unpacked.
    pub fn total_bytes(&self) -> usize {
        self.files.values().map(|b| b.unpacked_len()).sum()
    }
}

/// True for a relative path with no `..`, no root and no empty parts.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty() && !path.contains('\\') && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

/// The file sitrep writes into every output folder it makes: a folder with
/// it is sitrep's to replace; one without it (and not empty) is someone
/// else's, and is never touched unless the writer says `--force`.
pub const MARKER: &str = ".sitrep-output";

const MARKER_TEXT: &str =
    "This folder is written by sitrep. Each build replaces it whole: do not keep anything else here.\n";

/// How to prepare an output folder.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutputPolicy {
    /// Replace an existing folder that sitrep did not make.
    pub force: bool,
}

/// A site being written: files go into a staging folder beside the output
/// folder as they are rendered; `commit` swaps it into place. Dropped without
/// a commit, the staging folder is removed and the output folder untouched.
///
/// Guarantees, however a build ends (an error, a crash, `kill -9`):
/// - one build at a time writes a given output folder (an advisory lock,
///   held from `begin` to the end; the operating system releases it when the
///   process dies), so no build ever removes another's work;
/// - the output folder always holds a complete site, the old one or the new
///   one: on Linux the swap is one atomic exchange of the two folders
///   (`renameat2(RENAME_EXCHANGE)`); elsewhere it is two renames, and a build
///   that finds the output folder missing and the previous site aside (a
///   death between the two) puts it back before anything else;
/// - nothing is removed but sitrep's own working folders and, on a
///   successful swap, the previous site.
pub struct Staging {
    dir: PathBuf,
    staging: PathBuf,
    old: PathBuf,
    committed: bool,
    files: AtomicUsize,
    bytes: AtomicU64,
    _lock: fs::File,
}

fn fail(what: &str, path: &Path, e: io::Error) -> Diagnostic {
    Diagnostic::error("write-failed", path, format!("{what}: {e}"))
        .hint("check that the output folder's parent exists and is writable")
}

impl Staging {
    /// Prepares to write the site that will replace `dir`.
    pub fn begin(dir: &Path, policy: OutputPolicy) -> Result<Staging, Diagnostic> {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| Diagnostic::error("bad-output", dir, "the output folder has no name"))?;
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Diagnostic::error("bad-output", dir, "the output folder is a symbolic link")
                .hint("give the real folder with --output"));
        }
        if dir.exists() && !dir.is_dir() {
            return Err(Diagnostic::error("bad-output", dir, "the output path exists and is not a folder")
                .hint("remove the file or choose another --output"));
        }
        if is_mount_point(dir, &parent) {
            return Err(Diagnostic::error(
                "bad-output",
                dir,
                "the output folder is a mount point: a build writes the new site beside it and swaps the two, which a mount point cannot be",
            )
            .hint(format!(
                "build into a folder inside it (`--output {}`) and serve that folder",
                dir.join("site").display()
            )));
        }
        fs::create_dir_all(&parent).map_err(|e| fail("cannot create", &parent, e))?;
        let lock = lock(&parent, &name)?;
        // With the lock held, no other build uses this output: what is left
        // of another is from one that died. First the last good site, if a
        // death between the two renames left it aside.
        restore_interrupted_swap(&parent, &name, dir);
        check_ownership(dir, policy)?;
        remove_leftovers(&parent, &name);
        let pid = std::process::id();
        let staging = parent.join(format!(".{name}.sitrep-stage-{pid}"));
        fs::create_dir(&staging).map_err(|e| fail("cannot create", &staging, e))?;
        fs::write(staging.join(MARKER), MARKER_TEXT).map_err(|e| fail("cannot write", &staging, e))?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            old: parent.join(format!(".{name}.sitrep-old-{pid}")),
            staging,
            committed: false,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            _lock: lock,
        })
    }

    /// Writes one file (safe to call from several threads at once).
    pub fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        fs::write(self.place(path)?, bytes)?;
        self.count(bytes.len() as u64);
        Ok(())
    }

    /// Publishes `file`, a picture kept in the picture cache, as `path`: a
    /// hard link to it where the file system allows (no bytes copied; the
    /// cache never changes a kept file in place, see `pictures::cache`),
    /// else a copy.
    pub fn publish(&self, path: &str, file: &Path) -> io::Result<()> {
        let target = self.place(path)?;
        let published = fs::hard_link(file, &target).or_else(|_| fs::copy(file, &target).map(drop));
        let size = published.and_then(|()| fs::metadata(&target).map(|m| m.len())).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot publish the kept picture {}: {e}", file.display()))
        })?;
        self.count(size);
        Ok(())
    }

    /// Where `path` goes in the staging folder, its folder made; an unsafe path is refused.
    fn place(&self, path: &str) -> io::Result<PathBuf> {
        if !is_safe_relative(path) || path == MARKER {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("unsafe output path {path}")));
        }
        let target = self.staging.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        Ok(target)
    }

    /// Counts one more file of `bytes` written.
    fn count(&self, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Files and bytes written so far.
    pub fn written(&self) -> (usize, u64) {
        (self.files.load(Ordering::Relaxed), self.bytes.load(Ordering::Relaxed))
    }

    /// Puts the new site in place of the previous one, then removes the previous one.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let dir = self.dir.clone();
        if !dir.exists() {
            fs::rename(&self.staging, &dir).map_err(|e| fail("cannot move the new site into place", &dir, e))?;
            self.committed = true;
            return Ok(());
        }
        if exchange(&self.staging, &dir).is_ok() {
            // The previous site is now in the staging folder's place.
            self.committed = true;
            let _ = fs::remove_dir_all(&self.staging);
            return Ok(());
        }
        fs::rename(&dir, &self.old).map_err(|e| fail("cannot move the previous site aside", &dir, e))?;
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

/// True when `dir` is a mount point: on another device than `parent`, so it
/// can be neither renamed nor swapped.
fn is_mount_point(dir: &Path, parent: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (fs::metadata(dir), fs::metadata(parent)) {
            (Ok(d), Ok(p)) => d.dev() != p.dev() || d.ino() == p.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (dir, parent);
        false
    }
}

/// Swaps two folders in one step, where the system can.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "no atomic exchange here"))
}

/// Takes the lock of the output folder `<parent>/<name>`: a file in the
/// system's temporary folder named after the folder's full path (so it
/// leaves nothing in the site), locked exclusively for the whole build.
fn lock(parent: &Path, name: &str) -> Result<fs::File, Diagnostic> {
    use std::hash::{Hash, Hasher};
    let full = parent.canonicalize().unwrap_or_else(|_| parent.to_path_buf()).join(name);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    full.hash(&mut h);
    let path = std::env::temp_dir().join(format!("sitrep-output-{:016x}.lock", h.finish()));
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| fail("cannot create the lock file", &path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => {
            Err(Diagnostic::error("output-busy", &full, "another sitrep build is writing this output folder right now")
                .hint("wait for it to finish and build again, or build into another folder with --output"))
        }
        Err(fs::TryLockError::Error(e)) => Err(fail("cannot lock the output folder", &full, e)),
    }
}

/// Refuses a folder that is not empty and was not made by sitrep (unless `force`).
fn check_ownership(dir: &Path, policy: OutputPolicy) -> Result<(), Diagnostic> {
    let Ok(mut entries) = fs::read_dir(dir) else { return Ok(()) };
    if policy.force || dir.join(MARKER).is_file() || entries.next().is_none() {
        return Ok(());
    }
    Err(Diagnostic::error(
        "foreign-output",
        dir,
        format!("{} already holds files that sitrep did not write", dir.display()),
    )
    .hint(
        "sitrep replaces its output folder whole: choose an empty or new folder with --output, or pass --force to replace this one and everything in it",
    ))
}

/// Puts back the previous site left aside by a build that died between the
/// two renames of a swap (the output folder is missing, its old copy is there).
fn restore_interrupted_swap(parent: &Path, name: &str, dir: &Path) {
    if dir.exists() {
        return;
    }
    let prefix = format!(".{name}.sitrep-old-");
    let Ok(entries) = fs::read_dir(parent) else { return };
    let mut aside: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    aside.sort();
    if let Some((_, newest)) = aside.pop() {
        let _ = fs::rename(newest, dir);
    }
}

/// Writes `output` into `dir`, replacing what was there only once everything is written.
pub fn write(output: &Output, dir: &Path, policy: OutputPolicy) -> Result<(), Diagnostic> {
    let staging = Staging::begin(dir, policy)?;
    output
        .files
        .par_iter()
        .try_for_each(|(path, packed)| {
            let bytes = packed.unpack().ok_or_else(|| io::Error::other(format!("{path}: its file cannot be read")))?;
            staging.write(path, &bytes)
        })
        .map_err(|e| fail("cannot write the site", &staging.staging, e))?;
    staging.commit()
}

/// Removes staging and old folders left by an interrupted run (called with
/// the output's lock held: no running build owns them).
/// Where `build` records what each commit of the site's history changed,
/// beside the output folder `dir` (never inside it: it is not published):
/// `.output.sitrep-history.json`. Deleting it only costs the next build the
/// time to read the history again.
pub fn history_record(dir: &Path) -> Option<PathBuf> {
    let name = dir.file_name()?.to_string_lossy().into_owned();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(parent.join(format!(".{name}.sitrep-history.json")))
}

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

    #[cfg(target_os = "linux")]
    #[test]
    fn a_mount_point_is_refused_with_a_hint_about_itself() {
        // /proc is a mount point on every Linux system; nothing is written to it.
        let refused = Staging::begin(Path::new("/proc"), OutputPolicy::default()).err().expect("refused");
        assert_eq!(refused.code, "bad-output");
        assert!(refused.message.contains("mount point"), "{}", refused.message);
        assert!(refused.hint.as_deref().is_some_and(|h| h.contains("/proc/site")), "{:?}", refused.hint);
    }

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
    fn files_are_kept_packed_and_come_back_as_they_were() {
        let page: Vec<u8> = "<li><a href=\"/briefings/x/\">Attack</a></li>\n".repeat(500).into_bytes();
        let big: Vec<u8> = (0..PACK_LIMIT + 10).map(|i| (i % 251) as u8).collect();
        let mut o = Output::new();
        o.insert("briefings/x/index.html", page.clone());
        o.insert("data/incidents.json", big.clone());
        o.insert("empty.txt", Vec::new());
        let packed = o.packed("briefings/x/index.html").unwrap();
        assert!(matches!(packed, Packed::Lz4(p) if p.len() * 5 < page.len()), "a page is kept compressed");
        assert!(matches!(o.packed("data/incidents.json"), Some(Packed::Raw(_))), "a large download is kept as is");
        assert_eq!(o.get("briefings/x/index.html").unwrap(), page);
        assert_eq!(o.get("data/incidents.json").unwrap(), big);
        assert_eq!(o.get("empty.txt").unwrap(), b"");
        assert_eq!(o.total_bytes(), page.len() + big.len());
        assert_eq!(Packed::new(page.clone()), *packed, "equal bytes, equal packs");
        let mut changed = page.clone();
        changed[7] = b'A';
        assert_ne!(Packed::new(changed), *packed);
    }

    #[test]
    fn swaps_the_new_site_in_and_removes_stale_files() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("output");
        let mut first = Output::new();
        first.insert("old/index.html", b"old".to_vec());
        write(&first, &dir, OutputPolicy::default()).unwrap();
        let mut second = Output::new();
        second.insert("index.html", b"new".to_vec());
        write(&second, &dir, OutputPolicy::default()).unwrap();
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
        write(&Output::new(), &tmp.path().join("output"), OutputPolicy::default()).unwrap();
        let names: Vec<String> =
            fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["output"]);
    }
}
