//! What a content file says of the pictures in its folder.

use crate::diagnostics::Span;

/// The desk's note on one picture (`images:` in the front matter).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PictureNote {
    /// The file, relative to the content file's folder: `airport.jpg`.
    pub file: String,
    /// What the picture shows, for readers who cannot see it.
    pub alt: String,
    /// What the reader is told under it.
    pub caption: Option<String>,
    /// Who took or made it (`desk` for the desk's own); `None` is warned about.
    pub credit: Option<String>,
    /// Where the entry is written.
    pub span: Option<Span>,
}

/// The pictures a content file names in its front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PictureNotes {
    /// The lead picture (`image:`): page top, cards, social previews; with
    /// where it is written.
    pub lead: Option<(String, Option<Span>)>,
    /// Every picture described, in the order written.
    pub notes: Vec<PictureNote>,
}

impl PictureNotes {
    /// The note on `file`, if the desk wrote one.
    pub fn note(&self, file: &str) -> Option<&PictureNote> {
        let plain = |f: &str| f.trim_start_matches("./").to_string();
        let file = plain(file);
        self.notes.iter().find(|n| plain(&n.file) == file)
    }

    /// These notes in another language: the alt text and captions a
    /// translation gives (`translated`) replace the original's; the files,
    /// the lead and the credits (facts) stay the original's.
    pub fn translated(&self, translated: &PictureNotes) -> PictureNotes {
        let mut out = self.clone();
        for note in &mut out.notes {
            if let Some(t) = translated.note(&note.file) {
                if !t.alt.is_empty() {
                    note.alt = t.alt.clone();
                }
                if t.caption.is_some() {
                    note.caption = t.caption.clone();
                }
            }
        }
        out
    }
}

/// The picture types a content folder may hold.
pub const PICTURE_EXTENSIONS: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

/// True for a file name a writer may use as a picture beside a content file.
pub fn is_picture_name(name: &str) -> bool {
    extension(name).is_some_and(|e| PICTURE_EXTENSIONS.contains(&e.as_str()))
}

/// True for an SVG file, which can carry script and is never published.
pub fn is_svg_name(name: &str) -> bool {
    extension(name).is_some_and(|e| e == "svg" || e == "svgz")
}

fn extension(name: &str) -> Option<String> {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

/// The folder of a content path, where its pictures are: `briefings/2024/bamako/`.
pub fn folder_of(content_path: &str) -> &str {
    content_path.rfind('/').map_or("", |i| &content_path[..=i])
}
