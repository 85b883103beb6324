//! Shared by the fuzz targets: one input becomes up to four content files
//! (a briefing, a group, a country and a page), split on the byte 0x1E.

use sitrep::source::{SourceFile, SourceKind, decode};

/// The files an input stands for, or `None` when it is not UTF-8.
pub fn files(data: &[u8]) -> Option<Vec<SourceFile>> {
    let text = decode(data.to_vec()).ok()?;
    let kinds = [
        ("briefings", SourceKind::Briefing),
        ("groups", SourceKind::Group),
        ("countries", SourceKind::Country),
        ("pages", SourceKind::Page),
    ];
    Some(
        text.split('\u{1e}')
            .zip(kinds)
            .map(|(part, (folder, kind))| {
                let content_path = format!("{folder}/ml.md");
                SourceFile {
                    path: format!("content/{content_path}").into(),
                    content_path,
                    kind,
                    text: part.to_string(),
                    modified: None,
                }
            })
            .collect(),
    )
}
