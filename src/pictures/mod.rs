//! Pictures stage: the pictures beside content files, read, checked and
//! made ready to publish.
//!
//! Input: the pictures `source::list` found in folders of content files.
//! Output: [`SitePictures`], each picture re-encoded from its pixels at a
//! few widths (see [`encode`]), so no metadata of the source reaches a
//! reader. A picture that cannot be published is an error at its file; one
//! that carries a GPS position is a warning naming the position, since the
//! source file in the repository still gives it away. Work is kept in
//! memory between preview rebuilds (by the file's size and modification
//! time) and on disk between builds (by the file's bytes, see [`cache`]).

pub mod cache;
pub mod encode;
mod gps;
pub mod html;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::picture::folder_of;
use crate::source::PictureFile;

pub use encode::{Encoded, Kind, Stored, Variant};

/// The folder of the output where pictures are published.
pub const OUTPUT_DIR: &str = "pictures/";

/// One picture, ready to publish.
#[derive(Debug, Clone)]
pub struct Picture {
    /// Its path under `content/`: `briefings/bamako/airport.jpg`.
    pub content_path: String,
    /// Hash of the source file's bytes and the encoding settings.
    pub key: u64,
    /// Its published widths.
    pub encoded: Arc<Encoded>,
    /// The GPS position the source file carries, if any.
    pub position: Option<(f64, f64)>,
}

impl Picture {
    /// The output path of width `variant`: `pictures/airport-1a2b3c4d-960.jpg`
    /// (the name, then the content hash, so a changed picture gets a new address).
    pub fn file(&self, variant: &Variant) -> String {
        self.file_as(variant, self.encoded.kind.extension())
    }

    /// The output path of width `variant` as WebP: `pictures/airport-1a2b3c4d-960.webp`.
    pub fn webp_file(&self, variant: &Variant) -> String {
        self.file_as(variant, "webp")
    }

    fn file_as(&self, variant: &Variant, extension: &str) -> String {
        let name = self.content_path.rsplit('/').next().unwrap_or_default();
        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
        let stem = crate::model::names::slugify(stem);
        format!("{OUTPUT_DIR}{stem}-{:08x}-{}.{extension}", self.key as u32, variant.width)
    }

    /// Every published file of the picture, with where its bytes are.
    pub fn files(&self) -> impl Iterator<Item = (String, &Stored)> {
        self.encoded.variants.iter().flat_map(|v| {
            let webp = v.webp.as_ref().map(|w| (self.webp_file(v), w));
            std::iter::once((self.file(v), &v.stored)).chain(webp)
        })
    }
}

/// Every picture of the site, by content path.
#[derive(Debug, Clone, Default)]
pub struct SitePictures {
    by_path: HashMap<String, Arc<Picture>>,
    /// A fingerprint of each folder's pictures, by folder (`briefings/bamako/`).
    folders: HashMap<String, u64>,
    /// Pictures that are there but could not be used (each reported at its file).
    unusable: std::collections::HashSet<String>,
}

impl SitePictures {
    /// The picture at `content_path` (`briefings/bamako/airport.jpg`).
    pub fn get(&self, content_path: &str) -> Option<&Arc<Picture>> {
        self.by_path.get(content_path)
    }

    /// The picture `written` in the content file at `content_path`: a name
    /// relative to that file's folder.
    pub fn beside(&self, content_path: &str, written: &str) -> Option<&Arc<Picture>> {
        self.by_path.get(&Self::path_beside(content_path, written))
    }

    /// The content path of `written` beside the file at `content_path`
    /// (`./airport.jpg` is `airport.jpg`).
    fn path_beside(content_path: &str, written: &str) -> String {
        let mut written = written;
        while let Some(rest) = written.strip_prefix("./") {
            written = rest;
        }
        format!("{}{written}", folder_of(content_path))
    }

    /// The error for a picture `written` in the file at `path` that is not
    /// usable: none when the file is there but could not be read or decoded
    /// (that has its own error at the picture), else "no picture beside".
    pub fn missing(&self, path: &Path, content_path: &str, written: &str) -> Option<Diagnostic> {
        (!self.unusable.contains(&Self::path_beside(content_path, written)))
            .then(|| missing(path, content_path, written))
    }

    /// A fingerprint of the pictures in the folder of `content_path`: what
    /// a body showing them is rendered from, besides its text.
    pub fn folder_fingerprint(&self, content_path: &str) -> u64 {
        self.folders.get(folder_of(content_path)).copied().unwrap_or(0)
    }

    /// The pictures of `by_path`, with each folder's fingerprint.
    fn new(by_path: HashMap<String, Arc<Picture>>) -> SitePictures {
        let mut sorted: Vec<(&String, u64)> = by_path.iter().map(|(p, pic)| (p, pic.key)).collect();
        sorted.sort_unstable();
        let mut folders: HashMap<String, crate::render::fingerprint::Hasher> = HashMap::new();
        for (path, key) in sorted {
            let h = folders.entry(folder_of(path).to_string()).or_insert_with(crate::render::fingerprint::hasher);
            (path, key).hash(h);
        }
        let folders = folders.into_iter().map(|(f, h)| (f, h.finish())).collect();
        SitePictures { by_path, folders, unusable: Default::default() }
    }
}

/// Checks that every picture the published files of `index` describe
/// (`image:`, `images:`) is beside them; the pictures `index.pictures` holds.
pub fn check_notes(index: &crate::index::SiteIndex, diags: &mut Diagnostics) {
    for (origin, body) in index.bodies() {
        let notes = &body.pictures;
        let lead = notes.lead.as_ref().map(|(f, span)| (f, *span));
        for (file, span) in lead.into_iter().chain(notes.notes.iter().map(|n| (&n.file, n.span))) {
            if index.pictures.beside(&origin.content_path, file).is_some() {
                continue;
            }
            if let Some(d) = index.pictures.missing(&origin.path, &origin.content_path, file) {
                diags.push(d.at_opt(span));
            }
        }
    }
}

/// The error for a picture `file` that is not beside the content file at `path`.
fn missing(path: &Path, content_path: &str, file: &str) -> Diagnostic {
    let d = Diagnostic::error("missing-picture", path, format!("no picture `{file}` beside this file"));
    if crate::source::is_folder_file(content_path) {
        d.hint(format!("put `{file}` in the folder `content/{}`, or correct the name", folder_of(content_path)))
    } else {
        d.hint("pictures go beside an `index.md`: make this file a folder (`bamako.md` becomes `bamako/index.md`) and put the picture in it")
    }
}

/// Pictures kept between rebuilds of a preview, by file.
#[derive(Debug, Default)]
pub struct PictureStore {
    kept: HashMap<PathBuf, Kept>,
    /// The manifest last kept in the cache folder by this store (a preview
    /// writes it again only when it changes).
    written: Option<cache::Manifest>,
    /// Reads the site's picture cache but never writes it (`check`).
    read_only: bool,
}

impl PictureStore {
    /// A store that reads the site's picture cache and never writes it:
    /// `check` writes nothing into the site.
    pub fn read_only() -> PictureStore {
        PictureStore { read_only: true, ..PictureStore::default() }
    }
}

/// What tells a file has not changed since it was read: size and modification time.
type Stamp = (u64, Option<SystemTime>);

/// A picture processed, with the stamp of the file it was read from.
type Kept = (Stamp, Arc<Picture>);

fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()))
}

/// Reads and processes the pictures `files` of the site at `root`, keeping
/// work in `store` (memory) and in the site's disk cache; problems go to `diags`.
pub fn process(root: &Path, files: &[PictureFile], store: &mut PictureStore, diags: &mut Diagnostics) -> SitePictures {
    let disk = if store.read_only { cache::DiskCache::read_only(root) } else { cache::DiskCache::of(root) };
    // Read only when a picture is not kept from the last rebuild.
    let manifest = std::sync::OnceLock::new();
    let results: Vec<(PathBuf, Result<Kept, Diagnostic>)> = files
        .par_iter()
        .map(|file| {
            let full = root.join(&file.path);
            let now = stamp(&full);
            if let (Some(now), Some((then, kept))) = (now, store.kept.get(&file.path))
                && *then == now
                && kept.content_path == file.content_path
            {
                return (file.path.clone(), Ok((now, Arc::clone(kept))));
            }
            let manifest = manifest.get_or_init(|| disk.manifest());
            let known = now.and_then(|(size, modified)| manifest.get(&file.content_path, size, nanos(modified)?));
            (file.path.clone(), read(&full, file, known, &disk).map(|p| (now.unwrap_or_default(), Arc::new(p))))
        })
        .collect();
    let mut kept = HashMap::with_capacity(results.len());
    let mut by_path = HashMap::with_capacity(results.len());
    let mut next = cache::Manifest::default();
    let mut unusable = std::collections::HashSet::new();
    for (path, result) in results {
        match result {
            Ok((stamp, picture)) => {
                if let Some((lat, lon)) = picture.position {
                    diags.push(
                        Diagnostic::warning(
                            "picture-gps",
                            &path,
                            format!(
                                "picture carries a GPS position ({lat:.5}, {lon:.5}): published copies are stripped of it, but this file still gives it away"
                            ),
                        )
                        .hint("remove the position from the file before committing it, e.g. `exiftool -gps:all= FILE`"),
                    );
                }
                if let Some(modified) = nanos(stamp.1) {
                    let known = cache::Known { size: stamp.0, modified, key: picture.key, position: picture.position };
                    next.insert(picture.content_path.clone(), known);
                }
                by_path.insert(picture.content_path.clone(), Arc::clone(&picture));
                kept.insert(path, (stamp, picture));
            }
            Err(d) => {
                if let Some(file) = files.iter().find(|f| f.path == path) {
                    unusable.insert(file.content_path.clone());
                }
                diags.push(d)
            }
        }
    }
    if store.written.as_ref() != Some(&next) {
        if !files.is_empty() || store.written.is_some() {
            disk.keep_manifest(&next);
        }
        // Only pictures the site still has stay in the cache.
        if unusable.is_empty() {
            disk.prune(&by_path.values().map(|p| p.key).collect());
        }
        store.written = Some(next);
    }
    store.kept = kept;
    SitePictures { unusable, ..SitePictures::new(by_path) }
}

/// A modification time in nanoseconds since 1970.
fn nanos(time: Option<SystemTime>) -> Option<u128> {
    Some(time?.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_nanos())
}

/// Reads one picture and encodes it, or takes it from the disk cache (by
/// `known`, what the cache knew of the file, without reading it).
fn read(
    full: &Path,
    file: &PictureFile,
    known: Option<cache::Known>,
    disk: &cache::DiskCache,
) -> Result<Picture, Diagnostic> {
    if let Some(known) = known
        && let Some(encoded) = disk.get(known.key)
    {
        return Ok(Picture {
            content_path: file.content_path.clone(),
            key: known.key,
            encoded: Arc::new(encoded),
            position: known.position,
        });
    }
    let bytes = crate::trust::read_regular(full)
        .map_err(|e| Diagnostic::error("unreadable", &file.path, format!("cannot read: {e}")))?;
    let key = cache::key_of(&bytes);
    let position = gps::position(&bytes);
    let encoded = match disk.get(key) {
        Some(e) => e,
        None => {
            let mut e = encode::encode(&bytes).map_err(|why| {
                Diagnostic::error("bad-picture", &file.path, why).hint(format!(
                    "export it again as a JPEG, PNG or WebP picture, at most {} pixels a side",
                    encode::MAX_SIDE
                ))
            })?;
            disk.put(key, &mut e);
            e
        }
    };
    Ok(Picture { content_path: file.content_path.clone(), key, encoded: Arc::new(encoded), position })
}
