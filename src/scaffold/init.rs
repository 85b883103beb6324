//! `sitrep init DIR`: a new site that builds and passes `check --strict` as
//! it stands. Its files live in `src/scaffold/site/`, built into the binary.

use std::path::{Path, PathBuf};

use include_dir::{Dir, DirEntry, include_dir};

use crate::diagnostics::{Diagnostic, display_path};
use crate::schema;

static SITE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/site");

/// Where the publishing workflows install sitrep from.
pub const REPOSITORY: &str = match option_env!("CARGO_PKG_REPOSITORY") {
    Some(url) if !url.is_empty() => url,
    _ => "https://github.com/sitrep-desk/sitrep",
};

/// Every file of a new site: (path relative to its root, text).
pub fn files() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<&Dir<'static>> = vec![&SITE];
    while let Some(dir) = stack.pop() {
        for entry in dir.entries() {
            match entry {
                DirEntry::Dir(d) => stack.push(d),
                DirEntry::File(f) => {
                    let text = f
                        .contents_utf8()
                        .unwrap_or_default()
                        .replace("__SITREP_GIT__", REPOSITORY)
                        .replace("__SITREP_VERSION__", env!("CARGO_PKG_VERSION"));
                    out.push((f.path().to_path_buf(), text));
                }
            }
        }
    }
    out.extend(schema::Of::ALL.iter().map(|&of| (PathBuf::from(of.file()), schema::json(of))));
    out.sort();
    out
}

/// Writes a new site into `dir` (created when missing). Refuses a folder
/// that already holds a site (`site.yaml` or `content/`) or any file it
/// would write; writes nothing then. Returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let refuse = |path: &Path, why: &str| {
        Diagnostic::error("site-exists", path, format!("refusing to start a site in {}: {why}", dir.display()))
            .hint("choose a new or empty folder: `sitrep init my-desk`")
    };
    if dir.join("site.yaml").exists() || dir.join("content").exists() {
        return Err(refuse(dir, "it already holds a site"));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(refuse(dir, "it is a file"));
    }
    let files = files();
    if let Some((path, _)) = files.iter().find(|(p, _)| dir.join(p).symlink_metadata().is_ok()) {
        return Err(refuse(dir, &format!("it already has {}", display_path(path))));
    }
    // A linked folder on the way of any file (`.github/`, `schemas/`) is
    // refused before anything is written.
    for (path, _) in &files {
        let mut at = dir.to_path_buf();
        for part in path.parent().into_iter().flat_map(Path::components) {
            at.push(part);
            if at.symlink_metadata().is_ok_and(|m| !m.is_dir()) {
                return Err(refuse(dir, &format!("{} is a link or a file, not a folder", display_path(&at))));
            }
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| Diagnostic::error("write-failed", dir, format!("cannot write: {e}")))?;
    for (path, text) in &files {
        // Through no linked folder, onto no existing file or link.
        crate::trust::create_new(dir, path, text.as_bytes())
            .map_err(|why| Diagnostic::error("write-failed", dir.join(path), format!("not written: {why}")))?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_linked_folder_is_refused_before_anything_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let (site, elsewhere) = (tmp.path().join("desk"), tmp.path().join("elsewhere"));
        std::fs::create_dir_all(&site).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, site.join("schemas")).unwrap();
        let refused = init(&site).unwrap_err();
        assert_eq!(refused.code, "site-exists", "{}", refused.message);
        assert!(std::fs::read_dir(&elsewhere).unwrap().next().is_none(), "nothing written through the link");
        assert_eq!(std::fs::read_dir(&site).unwrap().count(), 1, "nothing written in the folder either");
    }
}
