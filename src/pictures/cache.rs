//! Processed pictures kept on disk, under the site's `.sitrep-cache/`
//! (ignored by git), by the hash of the source file and the settings: a
//! second build, and every preview rebuild, re-encodes nothing it has done.
//!
//! A build publishes a kept file as a hard link where it can (see
//! `output::Staging::publish`), so a kept file is never changed in place: it is
//! written whole beside its place, made read-only, then renamed into place,
//! and its entry records each file's size and modification time. A file
//! changed through its published copy no longer matches its entry, which is
//! then made again: what the cache gives is always what sitrep encoded.

use std::path::{Path, PathBuf};

use super::encode::{Encoded, Kind, Stored, Variant};

/// The folder under the site root where processed pictures are kept.
pub const CACHE_DIR: &str = ".sitrep-cache/pictures";

/// Changes whenever encoding changes (widths, quality, formats), so an older
/// entry is never taken for a newer one.
pub const SETTINGS: &str = "pictures-2: widths 480 960 1600; jpeg q82 and webp q80 m2; png";

/// The disk cache of one site.
#[derive(Debug, Clone)]
pub struct DiskCache {
    dir: PathBuf,
    /// Never written (for `check`).
    read_only: bool,
    /// Neither read nor written: its folder is a link or not a folder.
    unused: bool,
}

impl DiskCache {
    /// The cache of the site at `root`.
    pub fn of(root: &Path) -> DiskCache {
        let dir = root.join(CACHE_DIR);
        // The cache is sitrep's own folder: a link there (to anywhere) is
        // not followed, and the cache is then not used at all.
        let linked =
            [root.join(".sitrep-cache"), dir.clone()].iter().any(|p| p.symlink_metadata().is_ok_and(|m| !m.is_dir()));
        DiskCache { dir, read_only: false, unused: linked }
    }

    /// The cache of the site at `root`, read and never written.
    pub fn read_only(root: &Path) -> DiskCache {
        DiskCache { read_only: true, ..DiskCache::of(root) }
    }

    /// The pictures kept under `key`, if all of them are there and readable.
    pub fn get(&self, key: u64) -> Option<Encoded> {
        if self.unused {
            return None;
        }
        let dir = self.dir.join(format!("{key:016x}"));
        let meta = std::fs::read_to_string(dir.join("meta")).ok()?;
        let mut lines = meta.lines();
        let kind = match lines.next()? {
            "jpg" => Kind::Jpeg,
            "png" => Kind::Png,
            _ => return None,
        };
        let mut variants = Vec::new();
        for line in lines {
            let mut fields = line.split(' ');
            let (width, height): (u32, u32) = (fields.next()?.parse().ok()?, fields.next()?.parse().ok()?);
            // Each file as it was kept, or the entry is not whole.
            let mut unchanged = |file: PathBuf| (fields.next()? == stamp(&file)?).then_some(file);
            let file = unchanged(dir.join(format!("{width}.{}", kind.extension())))?;
            // A photograph has its WebP beside it.
            let webp = match kind {
                Kind::Jpeg => Some(unchanged(dir.join(format!("{width}.webp")))?),
                Kind::Png => None,
            };
            variants.push(Variant { width, height, stored: Stored::Cached(file), webp: webp.map(Stored::Cached) });
        }
        (!variants.is_empty()).then_some(Encoded { kind, variants })
    }

    /// Keeps `encoded` under `key`, whose widths then point to the cache's
    /// files; a cache that cannot be written leaves them in memory: slower,
    /// never wrong (the meta file, written last, makes an entry whole).
    pub fn put(&self, key: u64, encoded: &mut Encoded) {
        if self.read_only || self.unused {
            return;
        }
        let dir = self.dir.join(format!("{key:016x}"));
        let mut files = Vec::new();
        let mut write = || -> std::io::Result<()> {
            std::fs::create_dir_all(&dir)?;
            let mut meta = format!("{}\n", encoded.kind.extension());
            for v in &encoded.variants {
                let file = dir.join(format!("{}.{}", v.width, encoded.kind.extension()));
                meta.push_str(&format!("{} {} {}", v.width, v.height, keep(&v.stored, &file)?));
                let webp = match &v.webp {
                    Some(stored) => {
                        let webp = dir.join(format!("{}.webp", v.width));
                        meta.push_str(&format!(" {}", keep(stored, &webp)?));
                        Some(webp)
                    }
                    None => None,
                };
                files.push((file, webp));
                meta.push('\n');
            }
            let temp = dir.join("meta.tmp");
            std::fs::write(&temp, meta)?;
            std::fs::rename(temp, dir.join("meta"))
        };
        if write().is_ok() {
            for (v, (file, webp)) in encoded.variants.iter_mut().zip(files) {
                v.stored = Stored::Cached(file);
                v.webp = webp.map(Stored::Cached);
            }
        }
    }
}

/// Writes `stored` to `file` in the cache: whole beside it, read-only, then
/// renamed into place (a published hard link to an older file keeps the
/// older file). Returns the file's stamp.
fn keep(stored: &Stored, file: &Path) -> std::io::Result<String> {
    let temp = file.with_extension("tmp");
    // Left read-only by a build that died before its rename.
    let _ = std::fs::remove_file(&temp);
    match stored {
        Stored::Memory(bytes) => std::fs::write(&temp, &bytes[..])?,
        Stored::Cached(from) => drop(std::fs::copy(from, &temp)?),
    }
    let mut permissions = std::fs::metadata(&temp)?.permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&temp, permissions)?;
    std::fs::rename(&temp, file)?;
    stamp(file).ok_or_else(|| std::io::Error::other("a kept file cannot be read back"))
}

/// A kept file's size and modification time (`<bytes>:<nanoseconds>`):
/// any change to the file, through any of its links, changes it.
fn stamp(file: &Path) -> Option<String> {
    let meta = std::fs::metadata(file).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    meta.is_file().then(|| format!("{}:{modified}", meta.len()))
}

/// What the cache knows of each source picture it has seen, so a build
/// need not read a picture that has not changed: its size and modification
/// time, the key of its bytes and the GPS position it carries.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    /// By path under the site root.
    files: std::collections::HashMap<String, Known>,
}

/// One source picture, as last read.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Known {
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, in nanoseconds since 1970.
    pub modified: u128,
    /// The cache key of its bytes.
    pub key: u64,
    /// The GPS position it carries.
    pub position: Option<(f64, f64)>,
}

impl DiskCache {
    fn manifest_path(&self) -> PathBuf {
        self.dir.join("files.json")
    }

    /// The manifest kept with the cache (empty when there is none or it cannot be read).
    pub fn manifest(&self) -> Manifest {
        if self.unused {
            return Manifest::default();
        }
        std::fs::read(self.manifest_path()).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    /// Keeps `manifest` with the cache (written whole, then renamed into place).
    pub fn keep_manifest(&self, manifest: &Manifest) {
        if self.read_only || self.unused {
            return;
        }
        let Ok(json) = serde_json::to_vec(manifest) else { return };
        let temp = self.dir.join("files.json.tmp");
        if std::fs::create_dir_all(&self.dir).and_then(|()| std::fs::write(&temp, json)).is_ok() {
            let _ = std::fs::rename(temp, self.manifest_path());
        }
    }
}

impl DiskCache {
    /// Bounds the cache to the site's pictures: removes every entry whose key
    /// is not in `keep` (a picture removed or changed), and what a build that
    /// died or ran out of disk left (temporary files). Published pictures are
    /// links to their own copies: removing an entry never touches them.
    pub fn prune(&self, keep: &std::collections::HashSet<u64>) {
        if self.read_only || self.unused {
            return;
        }
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                let key = (name.len() == 16).then(|| u64::from_str_radix(&name, 16).ok()).flatten();
                if key.is_some_and(|k| !keep.contains(&k)) {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            } else if kind.is_file() && name.contains(".tmp") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

impl Manifest {
    /// What is known of the file at `path` if its size and time are `size` and `modified`.
    pub fn get(&self, path: &str, size: u64, modified: u128) -> Option<Known> {
        self.files.get(path).filter(|k| k.size == size && k.modified == modified).copied()
    }

    /// Records what is known of the file at `path`.
    pub fn insert(&mut self, path: String, known: Known) {
        self.files.insert(path, known);
    }
}

/// The cache key of a source file's bytes.
pub fn key_of(bytes: &[u8]) -> u64 {
    crate::render::fingerprint::of_hash(&(bytes, SETTINGS))
}
