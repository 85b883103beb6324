//! Load stage: walk `content/` and read every Markdown file.
//!
//! Input: the site root. Output: `SourceFile`s sorted by path, with text
//! normalised (UTF-8 byte-order mark removed, CRLF turned into LF) so that later
//! stages count lines the way an editor does. Files that cannot be read become
//! diagnostics; this stage never parses anything.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::model::picture::{folder_of, is_picture_name, is_svg_name};

/// The folder under the site root that holds the writers' files.
pub const CONTENT_DIR: &str = "content";

/// Which kind of content a file is, from the folder it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// `content/briefings/**.md`: one incident each.
    Briefing,
    /// `content/groups/**.md`: an armed group or other actor.
    Group,
    /// `content/countries/<code>.md`: a country profile.
    Country,
    /// `content/pages/**.md`: a free page such as "about".
    Page,
    /// `content/glossary.<code>.yaml`: free terms in another language.
    Glossary,
}

impl SourceKind {
    /// The kind of a file from the first folder of its path under `content/`.
    pub fn from_folder(folder: &str) -> Option<SourceKind> {
        match folder {
            "briefings" => Some(SourceKind::Briefing),
            "groups" => Some(SourceKind::Group),
            "countries" => Some(SourceKind::Country),
            "pages" => Some(SourceKind::Page),
            _ => None,
        }
    }
}

/// One Markdown file from `content/`, read and normalised.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, e.g. `content/briefings/bamako.md`.
    pub path: PathBuf,
    /// Path relative to `content/` with forward slashes, as `@/` links name it.
    pub content_path: String,
    /// What the file describes.
    pub kind: SourceKind,
    /// The text, without a byte-order mark and with LF line endings.
    pub text: String,
    /// The day (UTC) the file was last modified, when the file system says.
    pub modified: Option<jiff::civil::Date>,
}

impl SourceFile {
    /// The default slug: the file name without `.md`, or for a file that is
    /// a folder with its pictures (`briefings/2024/bamako/index.md`) the
    /// folder's name.
    pub fn stem(&self) -> &str {
        stem_of(&self.content_path)
    }
}

/// The default slug of the file at `content_path` (see [`SourceFile::stem`]).
pub fn stem_of(content_path: &str) -> &str {
    let mut parts = content_path.rsplit('/');
    let name = parts.next().unwrap_or(content_path);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    match (stem, parts.next(), parts.next()) {
        // `briefings/bamako/index.md`, not `briefings/index.md`.
        ("index", Some(folder), Some(_)) => folder,
        _ => stem,
    }
}

/// True for a content file that is a folder with its pictures:
/// `briefings/bamako/index.md` (or its translation `index.fr.md`).
pub fn is_folder_file(content_path: &str) -> bool {
    let original = crate::model::translation::translation_of(content_path).map(|(o, _)| o);
    let path = original.as_deref().unwrap_or(content_path);
    path.ends_with("/index.md") && stem_of(path) != "index"
}

/// A Markdown file found under `content/`, not read yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Path relative to the site root.
    pub path: PathBuf,
    /// Path relative to `content/`, `/`-separated.
    pub content_path: String,
    /// What the file describes.
    pub kind: SourceKind,
}

/// A picture beside a content file that is a folder (`briefings/bamako/index.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureFile {
    /// Path relative to the site root.
    pub path: PathBuf,
    /// Path relative to `content/`, `/`-separated: `briefings/bamako/airport.jpg`.
    pub content_path: String,
}

/// What `content/` holds: Markdown files, and pictures beside them.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// The Markdown files (and glossaries), sorted by path.
    pub files: Vec<Listed>,
    /// The pictures in folders of content files, sorted by path.
    pub pictures: Vec<PictureFile>,
}

/// Reads every Markdown file under `<root>/content`, reporting what cannot
/// be used; lists the pictures beside them (read later, by `crate::pictures`).
pub fn load(root: &Path, diags: &mut Diagnostics) -> (Vec<SourceFile>, Vec<PictureFile>) {
    let Listing { files: listed, pictures } = list(root, diags);
    let results: Vec<Result<SourceFile, Diagnostic>> = listed.into_par_iter().map(|l| read(root, l)).collect();
    let mut files = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => diags.push(d),
        }
    }
    (files, pictures)
}

/// Reads one listed file.
pub fn read(root: &Path, listed: Listed) -> Result<SourceFile, Diagnostic> {
    let Listed { path, content_path, kind } = listed;
    let full = root.join(&path);
    let bytes = crate::trust::read_regular(&full)
        .map_err(|e| Diagnostic::error("unreadable", &path, format!("cannot read: {e}")))?;
    let modified = modified_day(&full);
    let text = decode(bytes).map_err(|span| {
        Diagnostic::error("not-utf8", &path, "file is not valid UTF-8 text")
            .at(span)
            .hint("save the file as UTF-8 in your editor")
    })?;
    Ok(SourceFile { path, content_path, kind, text, modified })
}

/// The UTC day a file was last modified.
fn modified_day(path: &Path) -> Option<jiff::civil::Date> {
    let time = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    let ts = jiff::Timestamp::try_from(time).ok()?;
    Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date())
}

/// Lists the Markdown files under `<root>/content` (sorted) and the pictures
/// beside those that are folders, reporting the files it skips: symlinks out
/// of the site, files that are not Markdown, files outside the known folders,
/// SVG files (which can carry script), pictures with no `index.md` beside them.
pub fn list(root: &Path, diags: &mut Diagnostics) -> Listing {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        diags.push(
            Diagnostic::error("missing-content", CONTENT_DIR, "the site has no `content/` folder")
                .hint("create content/briefings/ and write a briefing there (see `sitrep new briefing`)"),
        );
        return Listing::default();
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut found: Vec<Listed> = Vec::new();
    let mut pictures: Vec<PictureFile> = Vec::new();
    let walker = WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().map(|p| relative(root, p)).unwrap_or_else(|| CONTENT_DIR.into());
                diags.push(Diagnostic::error("unreadable", path, format!("cannot read: {err}")));
                continue;
            }
        };
        let rel = relative(root, entry.path());
        let file_type = entry.file_type();
        if file_type.is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) => {
                    if !target.is_dir() && !target.is_file() {
                        diags.push(
                            Diagnostic::warning(
                                "not-a-file",
                                &rel,
                                "symlink points to something that is not a file; ignored",
                            )
                            .hint("link only to regular files inside the site"),
                        );
                        continue;
                    }
                    if target.is_dir() {
                        diags.push(
                            Diagnostic::warning("symlink-dir", &rel, "symlinked folder is not followed")
                                .hint("move the files into content/ instead of linking a folder"),
                        );
                        continue;
                    }
                }
                Ok(_) => {
                    diags.push(
                        Diagnostic::warning("symlink-outside", &rel, "symlink points outside the site; ignored")
                            .hint("copy the file into the site instead of linking to it"),
                    );
                    continue;
                }
                Err(_) => {
                    diags.push(Diagnostic::warning("broken-symlink", &rel, "symlink points nowhere; ignored"));
                    continue;
                }
            }
        } else if !file_type.is_file() {
            continue;
        }
        let Some(content_path) = content_relative(&content, entry.path()) else {
            continue;
        };
        if crate::model::translation::glossary_language(&content_path).is_some() {
            found.push(Listed { path: rel, content_path, kind: SourceKind::Glossary });
            continue;
        }
        let name = content_path.rsplit('/').next().unwrap_or_default();
        if is_svg_name(name) {
            diags.push(
                Diagnostic::error("svg-picture", &rel, "SVG pictures can carry script and are never published")
                    .hint("export it as PNG (for drawings) or JPEG (for photographs)"),
            );
            continue;
        }
        if is_picture_name(name) {
            pictures.push(PictureFile { path: rel, content_path });
            continue;
        }
        if !content_path.ends_with(".md") {
            diags.push(
                Diagnostic::warning("not-markdown", &rel, "not a Markdown file; ignored")
                    .hint("only .md files belong in content/; put images and other files in themes/<theme>/static/"),
            );
            continue;
        }
        let folder = content_path.split('/').next().unwrap_or_default();
        let kind = match SourceKind::from_folder(folder) {
            Some(kind) if content_path.contains('/') => kind,
            _ => {
                diags
                    .push(Diagnostic::error("unknown-section", &rel, "file is not in a known content folder").hint(
                        "move it into content/briefings/, content/groups/, content/countries/ or content/pages/",
                    ));
                continue;
            }
        };
        found.push(Listed { path: rel, content_path, kind });
    }
    // A picture belongs to the content file that is its folder.
    let folders: std::collections::HashSet<&str> =
        found.iter().filter(|l| is_folder_file(&l.content_path)).map(|l| folder_of(&l.content_path)).collect();
    let (pictures, stray): (Vec<_>, Vec<_>) =
        pictures.into_iter().partition(|p| folders.contains(folder_of(&p.content_path)));
    for p in stray {
        diags.push(
            Diagnostic::warning("stray-picture", &p.path, "picture is not beside an `index.md`; ignored").hint(
                "make the briefing a folder: move `bamako.md` to `bamako/index.md` and put its pictures beside it",
            ),
        );
    }
    Listing { files: found, pictures }
}

/// Names the loader skips: hidden files, editor swap and backup files.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name == "4913"
}

/// Decodes UTF-8, drops a byte-order mark and turns CRLF into LF.
///
/// On failure returns the line and column of the first invalid byte.
pub fn decode(bytes: Vec<u8>) -> Result<String, Span> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = std::str::from_utf8(&bytes[..e.utf8_error().valid_up_to()]).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        Span::new(line, column)
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(if text.contains('\r') { text.replace("\r\n", "\n") } else { text })
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn content_relative(content: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(content).ok()?;
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_strips_bom_and_crlf() {
        assert_eq!(decode(b"\xef\xbb\xbf---\r\ntitle: a\r\n".to_vec()).unwrap(), "---\ntitle: a\n");
    }

    #[test]
    fn decode_points_at_the_first_bad_byte() {
        assert_eq!(decode(b"---\ntitle: caf\xe9\n".to_vec()).unwrap_err(), Span::new(2, 11));
    }

    #[test]
    fn ignores_editor_leftovers() {
        for name in [".x.md.swp", "x.md~", "#x.md#", ".hidden.md", "4913"] {
            assert!(is_ignored_name(name), "{name}");
        }
        assert!(!is_ignored_name("bamako.md"));
    }
}
