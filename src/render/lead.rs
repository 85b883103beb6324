//! A page's lead picture (`image:`): at the top of its page, and in the
//! previews social sites and messaging apps draw of a link to it.

use serde::Serialize;

use crate::model::{Body, Origin};

/// The lead picture of a page, as its templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct Lead {
    /// The `<figure>`, with its widths, caption and credit (loaded at once: it is at the top).
    pub html: String,
    /// Its absolute address at the widest published width, for `og:image`.
    pub url: String,
    /// That width and height, in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// What it shows.
    pub alt: String,
    /// The picture's fingerprint: a changed picture changes every page showing it.
    #[serde(skip)]
    pub key: u64,
}

/// The lead picture of the content file `origin` with `body`, if it names one
/// (checked to be there by `pictures::check_notes`).
pub fn lead(site: &super::Prepared<'_>, origin: &Origin, body: &Body) -> Option<Lead> {
    let (index, urls) = (site.index, &site.urls);
    let (file, _) = body.pictures.lead.as_ref()?;
    let picture = index.pictures.beside(&origin.content_path, file)?;
    let note = body.pictures.note(file)?;
    let img = crate::pictures::html::img(picture, &urls.shared(""), &note.alt, false);
    let desk = site.words.phrase("picture-credit-desk", &[]);
    let html = crate::pictures::html::figure(&img, note.caption.as_deref(), note.credit.as_deref(), &desk);
    let widest = picture.encoded.variants.last()?;
    Some(Lead {
        html,
        url: urls.shared_absolute(&picture.file(widest)),
        width: widest.width,
        height: widest.height,
        alt: note.alt.clone(),
        key: picture.key,
    })
}
