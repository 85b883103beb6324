//! What each pair of `content/` trees differs by, kept by `build` in a file
//! beside the output folder (`output::history_record`) so the next build
//! diffs only the commits it has not seen. Tree ids name their contents, so
//! an entry never goes stale; a missing or unreadable file only costs the
//! time to diff again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use gix::ObjectId;
use serde::{Deserialize, Serialize};

use super::Change;

/// Bumped when the stored form changes: an older file is ignored.
const VERSION: u32 = 1;

/// A pair of trees: a commit's `content/` tree and its parent's.
pub type Pair = (Option<ObjectId>, Option<ObjectId>);

/// The known differences, by pair of trees.
#[derive(Debug, Default)]
pub struct Cache {
    path: Option<PathBuf>,
    known: HashMap<Pair, Vec<Change>>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    diffs: Vec<StoredDiff>,
}

#[derive(Serialize, Deserialize)]
struct StoredDiff {
    new: Option<String>,
    old: Option<String>,
    changes: Vec<StoredChange>,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "lowercase")]
enum StoredChange {
    Added { path: String, blob: String },
    Removed { path: String, blob: String },
    Modified { path: String },
}

fn id(hex: &Option<String>) -> Option<Option<ObjectId>> {
    match hex {
        None => Some(None),
        Some(h) => ObjectId::from_hex(h.as_bytes()).ok().map(Some),
    }
}

impl Cache {
    /// The differences recorded at `path` (none when there is no readable record).
    pub fn load(path: &Path) -> Cache {
        let path = path.to_path_buf();
        let known = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .filter(|s| s.version == VERSION)
            .map(|s| s.diffs.iter().filter_map(decode).collect())
            .unwrap_or_default();
        Cache { path: Some(path), known }
    }

    /// What trees `pair` differ by, when recorded.
    pub fn get(&self, pair: &Pair) -> Option<&Vec<Change>> {
        self.known.get(pair)
    }

    /// Records `diffs` (the pairs of the history as it is now, so entries of
    /// rewritten history are dropped): written to a temporary file, then
    /// renamed over the record, so a reader never sees half of it. A failure
    /// to write is ignored: the record is only a shortcut.
    pub fn save<'a>(&self, diffs: impl Iterator<Item = (Pair, &'a Vec<Change>)>) {
        let Some(path) = &self.path else { return };
        let stored = Stored { version: VERSION, diffs: diffs.map(|(pair, changes)| encode(pair, changes)).collect() };
        let Ok(bytes) = serde_json::to_vec(&stored) else { return };
        let mut temp = path.clone().into_os_string();
        temp.push(format!(".tmp-{}", std::process::id()));
        let temp = PathBuf::from(temp);
        if std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path)).is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }
}

fn decode(d: &StoredDiff) -> Option<(Pair, Vec<Change>)> {
    let pair = (id(&d.new)?, id(&d.old)?);
    let changes = d
        .changes
        .iter()
        .map(|c| match c {
            StoredChange::Added { path, blob } => {
                ObjectId::from_hex(blob.as_bytes()).ok().map(|b| Change::Added(path.clone(), b))
            }
            StoredChange::Removed { path, blob } => {
                ObjectId::from_hex(blob.as_bytes()).ok().map(|b| Change::Removed(path.clone(), b))
            }
            StoredChange::Modified { path } => Some(Change::Modified(path.clone())),
        })
        .collect::<Option<Vec<Change>>>()?;
    Some((pair, changes))
}

fn encode(pair: Pair, changes: &[Change]) -> StoredDiff {
    StoredDiff {
        new: pair.0.map(|i| i.to_string()),
        old: pair.1.map(|i| i.to_string()),
        changes: changes
            .iter()
            .map(|c| match c {
                Change::Added(path, blob) => StoredChange::Added { path: path.clone(), blob: blob.to_string() },
                Change::Removed(path, blob) => StoredChange::Removed { path: path.clone(), blob: blob.to_string() },
                Change::Modified(path) => StoredChange::Modified { path: path.clone() },
            })
            .collect(),
    }
}
