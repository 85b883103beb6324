//! Processed pictures kept on disk, under the site's `.sitrep-cache/`
//! (ignored by git), by the hash of the source file and the settings: a
//! second build, and every preview rebuild, re-encodes nothing it has done.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::encode::{Encoded, Kind, Variant};

/// The folder under the site root where processed pictures are kept.
pub const CACHE_DIR: &str = ".sitrep-cache/pictures";

/// Changes whenever encoding changes (widths, quality, formats), so an older
/// entry is never taken for a newer one.
pub const SETTINGS: &str = "pictures-1: widths 480 960 1600; jpeg q82; png";

/// The disk cache of one site.
#[derive(Debug, Clone)]
pub struct DiskCache {
    dir: PathBuf,
}

impl DiskCache {
    /// The cache of the site at `root`.
    pub fn of(root: &Path) -> DiskCache {
        DiskCache { dir: root.join(CACHE_DIR) }
    }

    /// The pictures kept under `key`, if all of them are there and readable.
    pub fn get(&self, key: u64) -> Option<Encoded> {
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
            let (w, h) = line.split_once(' ')?;
            let (width, height): (u32, u32) = (w.parse().ok()?, h.parse().ok()?);
            let bytes = std::fs::read(dir.join(format!("{width}.{}", kind.extension()))).ok()?;
            variants.push(Variant { width, height, bytes: bytes.into() });
        }
        (!variants.is_empty()).then_some(Encoded { kind, variants })
    }

    /// Keeps `encoded` under `key`; a cache that cannot be written is only
    /// slower, never wrong (the meta file, written last, makes an entry whole).
    pub fn put(&self, key: u64, encoded: &Encoded) {
        let dir = self.dir.join(format!("{key:016x}"));
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(&dir)?;
            let mut meta = format!("{}\n", encoded.kind.extension());
            for v in &encoded.variants {
                std::fs::write(dir.join(format!("{}.{}", v.width, encoded.kind.extension())), &v.bytes[..])?;
                meta.push_str(&format!("{} {}\n", v.width, v.height));
            }
            let temp = dir.join("meta.tmp");
            std::fs::write(&temp, meta)?;
            std::fs::rename(temp, dir.join("meta"))
        };
        let _ = write();
    }
}

/// The cache key of a source file's bytes.
pub fn key_of(bytes: &[u8]) -> u64 {
    crate::render::fingerprint::of_hash(&(bytes, SETTINGS))
}

/// A processed picture shared between rebuilds.
pub type Shared = Arc<Encoded>;
