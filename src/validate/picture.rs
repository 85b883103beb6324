//! Checks `image:` and `images:`: what a file says of the pictures beside it.
//! Whether the files exist is checked with the folder (see `crate::pictures`).

use crate::model::picture::{PictureNote, PictureNotes, is_picture_name, is_svg_name};
use crate::raw::RawImage;

use super::Checker;

/// Validates the lead picture and the notes on pictures.
pub fn pictures(image: Option<String>, images: Option<Vec<RawImage>>, c: &mut Checker<'_>) -> PictureNotes {
    let lead = c.optional_text(image).filter(|f| file_name(f, "image", c)).map(|f| (f, c.stored_span("image")));
    let mut notes: Vec<PictureNote> = Vec::new();
    for (i, raw) in images.unwrap_or_default().into_iter().enumerate() {
        let at = format!("images[{i}]");
        let file = c
            .required_text(
                raw.file,
                &format!("{at}.file"),
                "name the picture's file, beside this one: `file: airport.jpg`",
            )
            .filter(|f| file_name(f, &format!("{at}.file"), c));
        let alt = c.required_text(
            raw.alt,
            &format!("{at}.alt"),
            "say what the picture shows, for readers who cannot see it: `alt: Smoke over Bamako airport`",
        );
        let credit = c.optional_text(raw.credit);
        if credit.is_none() && !c.is_bad(&format!("{at}.credit")) {
            c.warning(
                "no-credit",
                &at,
                "picture has no credit",
                "add who took or made it: `credit: AFP`, or `credit: desk` for the desk's own",
            );
        }
        let (Some(file), Some(alt)) = (file, alt) else { continue };
        if notes.iter().any(|n| n.file == file) {
            c.error(
                "duplicate-image",
                &format!("{at}.file"),
                format!("`{file}` is described twice"),
                "keep one entry per picture",
            );
            continue;
        }
        notes.push(PictureNote { file, alt, caption: c.optional_text(raw.caption), credit, span: c.stored_span(&at) });
    }
    if let Some((lead, _)) = &lead
        && !notes.iter().any(|n| &n.file == lead)
        && !c.is_bad("images")
    {
        c.error(
            "lead-without-alt",
            "image",
            format!("the lead picture `{lead}` has no alt text"),
            format!("describe it under `images:`: `- file: {lead}` with `alt:` and `credit:`"),
        );
    }
    PictureNotes { lead, notes }
}

/// True when `file` names a picture beside the content file; reports why not.
fn file_name(file: &str, field: &str, c: &mut Checker<'_>) -> bool {
    let problem = if file.contains("..") || file.starts_with('/') || file.contains(':') || file.contains('\\') {
        Some((
            format!("`{file}` is not a file beside this one"),
            "put the picture in this file's folder and give its name: `airport.jpg`".to_string(),
        ))
    } else if is_svg_name(file) {
        Some((
            format!("`{file}` is an SVG, which can carry script; it is never published"),
            "export it as PNG (for drawings) or JPEG (for photographs)".to_string(),
        ))
    } else if !is_picture_name(file) {
        Some((format!("`{file}` is not a JPEG, PNG or WebP picture"), "use a .jpg, .png or .webp file".to_string()))
    } else {
        None
    };
    match problem {
        Some((message, hint)) => {
            c.error("bad-picture-name", field, message, hint);
            false
        }
        None => true,
    }
}
