//! `sitrep new briefing TITLE`: a briefing skeleton with today's date.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::diagnostics::Diagnostic;
use crate::model::names::slugify;

/// The text of a new briefing titled `title`, dated `today`, as a draft.
pub fn briefing_skeleton(title: &str, today: Date) -> String {
    let quoted = format!("\"{}\"", title.trim().replace('\\', "\\\\").replace('"', "\\\""));
    format!(
        "---
title: {quoted}
date: {today}            # the day the incident began (YYYY-MM-DD, or YYYY-MM)
draft: true                 # remove when the briefing is ready to publish
countries: []               # required: ISO codes or English names, e.g. [ML]
# summary: One-sentence lead.
# locations:
#   - name: Bamako
#     country: ML
#     lat: 12.64
#     lon: -8.00
# groups:
#   - JNIM                  # perpetrator, attributed; or {{name: ..., role: ..., claim: ...}}
# targets: []
# tactics: []
# casualties:
#   - kind: killed
#     who: security forces
#     count: 10
#     according_to: security source cited by ...
# sources:
#   - url: https://...
#     title: ...
#     publisher: ...
#     date: {today}
---
What happened, in a few short paragraphs.
"
    )
}

/// A file name from a title: its slug, cut at a word to at most 80 characters.
fn short_slug(title: &str) -> String {
    let slug = slugify(title);
    if slug.len() <= 80 {
        return slug;
    }
    let cut = slug[..80].rfind('-').unwrap_or(80);
    slug[..cut].to_string()
}

/// Writes a new briefing under `<root>/content/briefings/`; refuses to overwrite.
pub fn new_briefing(root: &Path, title: &str, today: Date) -> Result<PathBuf, Diagnostic> {
    let slug = short_slug(title);
    if slug.is_empty() {
        return Err(Diagnostic::error(
            "bad-title",
            "content/briefings",
            "the title has no letters or digits to make a file name from",
        )
        .hint("give a title such as \"JNIM attack on Boulkessi base\""));
    }
    let rel = PathBuf::from("content").join("briefings").join(format!("{slug}.md"));
    let path = root.join(&rel);
    if path.exists() {
        return Err(Diagnostic::error("exists", &rel, "a briefing with this file name already exists")
            .hint("choose another title, or edit the existing file"));
    }
    let dir = path.parent().unwrap_or(root);
    std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&path, briefing_skeleton(title, today)))
        .map_err(|e| Diagnostic::error("write-failed", &rel, format!("cannot write: {e}")))?;
    Ok(rel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter;
    use crate::raw::RawBriefing;

    #[test]
    fn the_skeleton_is_valid_front_matter_with_the_title_and_date() {
        let today = Date::new(2026, 11, 21).unwrap();
        let text = briefing_skeleton("Attack on \"Boulkessi\" base", today);
        let doc = frontmatter::split(&text, Path::new("x.md"), true).unwrap();
        let parsed = frontmatter::parse::<RawBriefing>(&doc, Path::new("x.md")).unwrap();
        assert!(parsed.problems.is_empty());
        let raw = parsed.value;
        assert_eq!(raw.title.as_deref(), Some("Attack on \"Boulkessi\" base"));
        assert_eq!(raw.date.as_deref(), Some("2026-11-21"));
        assert_eq!(raw.draft, Some(true));
    }

    #[test]
    fn never_overwrites() {
        let tmp = tempfile::tempdir().unwrap();
        let today = Date::new(2026, 11, 21).unwrap();
        let rel = new_briefing(tmp.path(), "Mahou attack", today).unwrap();
        assert_eq!(rel, Path::new("content/briefings/mahou-attack.md"));
        assert_eq!(new_briefing(tmp.path(), "Mahou attack", today).unwrap_err().code, "exists");
    }
}
