//! What can still be read from a file rejected for errors: its body, the
//! groups it names, its slug, and whether it is published at all. Enough to
//! check it against the rest of the site in the same run, so a writer sees
//! every problem at once, not in waves.

use jiff::civil::Date;

use crate::diagnostics::Unpublished;
use crate::frontmatter::{self, Document};
use crate::model::{Body, Rejected};
use crate::raw::{RawBriefing, RawPage};
use crate::source::{SourceFile, SourceKind};

use super::{Checker, briefing, origin_of};

/// The readable parts of rejected `file` (its front matter is split already
/// into `doc`), and `draft`/`scheduled` when it is not to be published as of `today`.
pub fn rejected(file: &SourceFile, doc: &Document<'_>, today: Date) -> (Rejected, Option<Unpublished>) {
    let mut rejected = Rejected {
        origin: origin_of(file),
        body: Body::new(doc.body.to_string(), doc.body_line),
        groups: Vec::new(),
        slug: None,
    };
    let mut unpublished = None;
    match file.kind {
        SourceKind::Briefing => {
            if let Ok(parsed) = frontmatter::parse::<RawBriefing>(doc, &file.path) {
                // Its problems are reported already: this checker's are dropped.
                let mut c = Checker::new(&file.path, doc, parsed.locator, &parsed.bad_fields);
                let raw = parsed.value;
                let scheduled =
                    raw.published.as_deref().and_then(|p| c.day(p.trim(), "published")).is_some_and(|p| p > today);
                unpublished = if raw.draft == Some(true) {
                    Some(Unpublished::Draft)
                } else if scheduled {
                    Some(Unpublished::Scheduled)
                } else {
                    None
                };
                rejected.groups = briefing::groups(raw.groups.unwrap_or_default(), &mut c);
                rejected.slug = briefing::slug(raw.slug, file.stem(), &mut c);
            }
        }
        SourceKind::Page => {
            if let Ok(parsed) = frontmatter::parse::<RawPage>(doc, &file.path)
                && parsed.value.draft == Some(true)
            {
                unpublished = Some(Unpublished::Draft);
            }
        }
        SourceKind::Group | SourceKind::Country | SourceKind::Glossary => {}
    }
    (rejected, unpublished)
}
