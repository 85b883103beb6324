//! The one file-system trust policy, for every path sitrep reads or creates:
//!
//! - it reads **regular files only**, and opening one never blocks (a FIFO,
//!   a device or a socket is refused, not waited on);
//! - it follows a **symbolic link only to a target inside the site**, and a
//!   theme's link never into `content/` (a theme would publish drafts and
//!   scheduled briefings as they are written);
//! - it **creates** a file only where none exists, a dangling link included,
//!   and through no linked folder: `init` and `new` never write elsewhere
//!   than the path they name.

use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Why a path is not read or written.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// A link whose target lies outside the site.
    Outside,
    /// A link from the theme into `content/`.
    IntoContent,
    /// A link whose target does not exist.
    Dangling,
    /// Not a regular file (a folder, a FIFO, a device, a socket).
    NotRegular,
    /// A folder on the way is a link, or the file exists already.
    Exists,
    /// The system refused, and why.
    Io(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Outside => f.write_str("it is a link to a place outside the site"),
            Refused::IntoContent => f.write_str("it is a link from the theme into content/"),
            Refused::Dangling => f.write_str("it is a link that points nowhere"),
            Refused::NotRegular => f.write_str("it is not a regular file"),
            Refused::Exists => f.write_str("something is already there (a file, a link or a linked folder)"),
            Refused::Io(e) => f.write_str(e),
        }
    }
}

/// Where a path is allowed to lead.
#[derive(Debug, Clone)]
pub struct Site {
    /// The site's root, resolved.
    root: PathBuf,
    /// Its `content/` folder, resolved.
    content: PathBuf,
}

impl Site {
    /// The policy of the site at `root`.
    pub fn at(root: &Path) -> Site {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let content = root.join(crate::source::CONTENT_DIR);
        Site { content: content.canonicalize().unwrap_or(content), root }
    }

    /// Checks where `path` (a file or folder of the site, maybe a link)
    /// leads: inside the site, and for a theme's path (`from_theme`) not
    /// into `content/`. Returns the resolved path.
    pub fn resolve(&self, path: &Path, from_theme: bool) -> Result<PathBuf, Refused> {
        let target = match path.canonicalize() {
            Ok(t) => t,
            Err(_) if path.symlink_metadata().is_ok() => return Err(Refused::Dangling),
            Err(e) => return Err(Refused::Io(e.to_string())),
        };
        if !target.starts_with(&self.root) {
            return Err(Refused::Outside);
        }
        if from_theme && target.starts_with(&self.content) {
            return Err(Refused::IntoContent);
        }
        Ok(target)
    }

    /// Reads the regular file at `path`, a link allowed when [`Site::resolve`] allows it.
    pub fn read(&self, path: &Path, from_theme: bool) -> Result<Vec<u8>, Refused> {
        // A theme's file is resolved whole (a folder on its way may be a
        // link); content is walked without following linked folders.
        if from_theme || path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            self.resolve(path, from_theme)?;
        }
        read_regular(path)
    }
}

/// Reads the regular file at `path` (following links). Opening never blocks:
/// a FIFO, a device or a socket is refused.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, Refused> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Opening a FIFO for reading waits for a writer unless non-blocking.
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let mut file = options.open(path).map_err(|e| Refused::Io(e.to_string()))?;
    let meta = file.metadata().map_err(|e| Refused::Io(e.to_string()))?;
    if !meta.is_file() {
        return Err(Refused::NotRegular);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes).map_err(|e| Refused::Io(e.to_string()))?;
    Ok(bytes)
}

/// Creates the file `rel` under `root` with `bytes`: its folders are made
/// as needed, and none of them, between `root` and the file, may be a link;
/// the file must not exist, not even as a dangling link (it is created
/// without following one).
pub fn create_new(root: &Path, rel: &Path, bytes: &[u8]) -> Result<(), Refused> {
    let mut at = root.to_path_buf();
    let parts: Vec<_> = rel.components().collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        at.push(part);
        match at.symlink_metadata() {
            Ok(m) if m.file_type().is_symlink() || !m.is_dir() => return Err(Refused::Exists),
            Ok(_) => {}
            Err(_) => std::fs::create_dir(&at).map_err(|e| Refused::Io(e.to_string()))?,
        }
    }
    let path = root.join(rel);
    // O_CREAT | O_EXCL: fails on anything there, a link included, never follows one.
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists { Refused::Exists } else { Refused::Io(e.to_string()) }
    })?;
    std::io::Write::write_all(&mut file, bytes).map_err(|e| Refused::Io(e.to_string()))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_fifo_is_refused_at_once() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("pipe.md");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .unwrap();
        assert_eq!(read_regular(&fifo), Err(Refused::NotRegular));
    }

    #[test]
    fn links_lead_inside_the_site_and_a_theme_not_into_content() {
        let tmp = tempfile::tempdir().unwrap();
        let (root, outside) = (tmp.path().join("site"), tmp.path().join("secret"));
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(&outside, "key").unwrap();
        std::fs::write(root.join("content/draft.md"), "draft").unwrap();
        symlink(&outside, root.join("out")).unwrap();
        symlink(root.join("content"), root.join("in")).unwrap();
        let site = Site::at(&root);
        assert_eq!(site.read(&root.join("out"), false), Err(Refused::Outside));
        assert_eq!(site.read(&root.join("in/draft.md"), true), Err(Refused::IntoContent));
        assert_eq!(site.read(&root.join("in/draft.md"), false).unwrap(), b"draft");
    }

    #[test]
    fn creating_follows_no_link() {
        let tmp = tempfile::tempdir().unwrap();
        let (root, elsewhere) = (tmp.path().join("site"), tmp.path().join("elsewhere"));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        symlink(elsewhere.join("victim"), root.join("new.md")).unwrap();
        symlink(&elsewhere, root.join("linked")).unwrap();
        assert_eq!(create_new(&root, Path::new("new.md"), b"x"), Err(Refused::Exists));
        assert_eq!(create_new(&root, Path::new("linked/a.md"), b"x"), Err(Refused::Exists));
        assert!(std::fs::read_dir(&elsewhere).unwrap().next().is_none(), "nothing written through a link");
        create_new(&root, Path::new("a/b/c.md"), b"x").unwrap();
        assert_eq!(std::fs::read(root.join("a/b/c.md")).unwrap(), b"x");
    }
}
