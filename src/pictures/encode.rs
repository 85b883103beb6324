//! One source picture to the files readers get: decoded within bounds,
//! turned upright, converted to sRGB, resized to a few widths (never
//! enlarged) and encoded again from its pixels alone, so no metadata of the
//! source (EXIF, XMP, IPTC, GPS, comments, ICC text) reaches a reader.

use std::io::Cursor;
use std::sync::Arc;

use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// The widths, in pixels, a picture is published at (those narrower than
/// the source, and the source's own width when under the largest).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];

/// The largest side a source picture may have, in pixels.
pub const MAX_SIDE: u32 = 12_000;

/// The most memory decoding one picture may take (a decompression bomb
/// stops here instead of filling the machine).
pub const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// JPEG quality of published photographs.
const QUALITY: u8 = 82;

/// WebP quality of the same photographs (libwebp's scale): about the JPEG's
/// look in roughly a third less weight.
const WEBP_QUALITY: f32 = 80.0;

/// libwebp's effort (0 fastest to 6 smallest; its default is 4): 2 keeps a
/// cold build of many pictures within reach for a few per cent of weight.
const WEBP_METHOD: i32 = 2;

/// The file type a picture is published as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Opaque pictures: photographs.
    Jpeg,
    /// Pictures with transparency: maps, diagrams.
    Png,
}

impl Kind {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Jpeg => "jpg",
            Kind::Png => "png",
        }
    }
}

/// One published width of a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Where the encoded file is.
    pub stored: Stored,
    /// The same width as WebP, for a photograph (a picture with
    /// transparency has none): lighter for browsers that show WebP, which
    /// take it before the JPEG.
    pub webp: Option<Stored>,
}

/// Where an encoded file is: in memory (just encoded, or when the cache
/// cannot be written), or in the disk cache, published from there (so a
/// build never holds every picture in memory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// These bytes.
    Memory(Arc<[u8]>),
    /// This file of the cache.
    Cached(std::path::PathBuf),
}

/// A picture ready to publish: its widths, narrowest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    /// The file type of every width.
    pub kind: Kind,
    /// Each width, narrowest first (at least one).
    pub variants: Vec<Variant>,
}

/// Decodes `bytes` (JPEG, PNG or WebP) and encodes its published widths.
/// The error says, in a writer's words, why the file cannot be published.
pub fn encode(bytes: &[u8]) -> Result<Encoded, String> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot read the picture: {e}"))?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => {}
        _ => return Err("not a JPEG, PNG or WebP picture".into()),
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let format = reader.format();
    let mut decoder = reader.into_decoder().map_err(describe)?;
    if let Some(why) = format.and_then(|f| truncated(f, bytes)) {
        return Err(why.into());
    }
    // What its pixels take once decoded, at four bytes a pixel, and twice
    // over (the decoded picture and its sRGB copy): taken from one budget
    // that every picture decoded at once shares, so the cap holds for the
    // whole build, not for each thread.
    let (w, h) = image::ImageDecoder::dimensions(&decoder);
    let cost = u64::from(w) * u64::from(h) * 4 * 2;
    if cost > MAX_DECODE_BYTES {
        return Err(describe(image::ImageError::Limits(image::error::LimitError::from_kind(
            image::error::LimitErrorKind::InsufficientMemory,
        ))));
    }
    let _budget = Budget::take(cost);
    let icc = decoder.icc_profile().ok().flatten();
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(describe)?;
    picture.apply_orientation(orientation);
    let alpha = picture.color().has_alpha();
    let mut picture = if alpha {
        DynamicImage::ImageRgba8(picture.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(picture.into_rgb8())
    };
    if let Some(icc) = icc {
        to_srgb(&mut picture, &icc);
    }
    let kind = if alpha { Kind::Png } else { Kind::Jpeg };
    let (width, height) = (picture.width(), picture.height());
    if width == 0 || height == 0 {
        return Err("the picture has no pixels".into());
    }
    // From the widest down, each width resized from the one above it: a
    // narrow width costs little, and quality stays (each step at most about 2:1
    // after the first).
    let mut sized: Vec<(u32, u32, DynamicImage)> = Vec::new();
    for w in widths(width).into_iter().rev() {
        let h = ((u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width)).max(1) as u32;
        let from = sized.last().map_or(&picture, |(_, _, p)| p);
        let next = if w == from.width() { from.clone() } else { resize(from, w, h)? };
        sized.push((w, h, next));
    }
    sized.reverse();
    let variants = sized
        .into_iter()
        .map(|(w, h, sized)| {
            let mut out = Vec::new();
            let (done, webp) = match kind {
                Kind::Jpeg => (jpeg(&sized, &mut out), Some(webp(&sized)?)),
                Kind::Png => (sized.write_with_encoder(PngEncoder::new(&mut out)).map_err(describe), None),
            };
            let webp = webp.map(|bytes| Stored::Memory(bytes.into()));
            done.map(|()| Variant { width: w, height: h, stored: Stored::Memory(out.into()), webp })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Encoded { kind, variants })
}

/// The widths a picture `width` pixels wide is published at: the standard
/// widths narrower than it, then its own width when narrower than the largest.
pub fn widths(width: u32) -> Vec<u32> {
    let mut out: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
    if width <= WIDTHS[WIDTHS.len() - 1] {
        out.push(width);
    }
    out
}

/// Encodes `picture` (8-bit RGB) as a JPEG into `out`: baseline, no metadata.
fn jpeg(picture: &DynamicImage, out: &mut Vec<u8>) -> Result<(), String> {
    let (w, h) = (picture.width(), picture.height());
    let (Ok(w16), Ok(h16)) = (u16::try_from(w), u16::try_from(h)) else {
        return Err(format!("a width of {w} × {h} pixels cannot be written as JPEG"));
    };
    let rgb = picture.to_rgb8();
    jpeg_encoder::Encoder::new(out, QUALITY)
        .encode(rgb.as_raw(), w16, h16, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| format!("the picture cannot be encoded: {e}"))
}

/// Encodes `picture` (8-bit RGB) as a lossy WebP with libwebp: pixels
/// only, no metadata chunk.
fn webp(picture: &DynamicImage) -> Result<Vec<u8>, String> {
    let failed = |e: &dyn std::fmt::Debug| format!("the picture cannot be encoded as WebP: {e:?}");
    let rgb = picture.to_rgb8();
    let mut config = webp::WebPConfig::new().map_err(|e| failed(&e))?;
    config.quality = WEBP_QUALITY;
    config.method = WEBP_METHOD;
    let encoded = webp::Encoder::from_rgb(rgb.as_raw(), rgb.width(), rgb.height())
        .encode_advanced(&config)
        .map_err(|e| failed(&e))?;
    Ok(encoded.to_vec())
}

/// `picture` (8-bit RGB or RGBA) resized to `width` × `height` (Lanczos, in SIMD).
fn resize(picture: &DynamicImage, width: u32, height: u32) -> Result<DynamicImage, String> {
    use fast_image_resize::{IntoImageView, Resizer, images::Image};
    let failed = |e: &dyn std::fmt::Display| format!("the picture cannot be resized: {e}");
    let pixel = picture.pixel_type().ok_or_else(|| failed(&"unknown pixel type"))?;
    let mut out = Image::new(width, height, pixel);
    Resizer::new().resize(picture, &mut out, None).map_err(|e| failed(&e))?;
    let buffer = out.into_vec();
    let resized = match picture {
        DynamicImage::ImageRgba8(_) => image::RgbaImage::from_raw(width, height, buffer).map(DynamicImage::ImageRgba8),
        _ => image::RgbImage::from_raw(width, height, buffer).map(DynamicImage::ImageRgb8),
    };
    resized.ok_or_else(|| failed(&"wrong buffer size"))
}

/// Converts pixels described by the ICC profile `icc` to sRGB, in place;
/// a profile that cannot be read leaves them as they are.
fn to_srgb(picture: &mut DynamicImage, icc: &[u8]) {
    let Some(input) = qcms::Profile::new_from_slice(icc, false) else { return };
    let output = qcms::Profile::new_sRGB();
    let (ty, data): (qcms::DataType, &mut [u8]) = match picture {
        DynamicImage::ImageRgb8(p) => (qcms::DataType::RGB8, p.as_mut()),
        DynamicImage::ImageRgba8(p) => (qcms::DataType::RGBA8, p.as_mut()),
        _ => return,
    };
    let Some(transform) = qcms::Transform::new(&input, &output, ty, qcms::Intent::Perceptual) else { return };
    // A hostile profile must not take the build down: keep the pixels instead.
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| transform.apply(data)));
}

/// A decoding or encoding failure in a writer's words.
/// Why a picture's bytes stop before its end, if they do: a JPEG whose
/// scan never ends (no end-of-image marker after the last scan: cut off), a
/// PNG without its last chunk, a WebP shorter than its header says. Decoders
/// fill a cut picture with grey, and it would be published as it is.
fn truncated(format: ImageFormat, bytes: &[u8]) -> Option<&'static str> {
    match format {
        ImageFormat::Jpeg => {
            // Walk the segments up to the first scan (an Exif thumbnail has
            // its own end marker, inside a segment), then find the end after it.
            let mut at = 2;
            while at + 4 <= bytes.len() {
                if bytes[at] != 0xFF {
                    return Some("the JPEG file is damaged (a segment does not start where the one before ends)");
                }
                let marker = bytes[at + 1];
                if marker == 0xFF {
                    at += 1;
                    continue;
                }
                let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
                if marker == 0xDA {
                    let scan = (at + 2 + length).min(bytes.len());
                    let ended = bytes[scan..].windows(2).any(|w| w == [0xFF, 0xD9]);
                    return (!ended).then_some("the JPEG file is cut off before its end (it was not copied whole)");
                }
                at += 2 + length;
            }
            Some("the JPEG file is cut off before its end (it was not copied whole)")
        }
        ImageFormat::Png => {
            let mut at = 8;
            while at + 12 <= bytes.len() {
                let length = u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
                if &bytes[at + 4..at + 8] == b"IEND" {
                    return None;
                }
                at = at.saturating_add(12).saturating_add(length);
            }
            Some("the PNG file is cut off before its end (it was not copied whole)")
        }
        ImageFormat::WebP => {
            let said = bytes.get(4..8).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize + 8);
            (said.is_none_or(|n| n > bytes.len()))
                .then_some("the WebP file is cut off before its end (it was not copied whole)")
        }
        _ => None,
    }
}

/// Memory for decoded pixels, shared by every picture decoded at once
/// (`MAX_DECODE_BYTES` in all): a picture waits until its share is free.
struct Budget(u64);

static BUDGET: std::sync::Mutex<u64> = std::sync::Mutex::new(MAX_DECODE_BYTES);
static BUDGET_FREED: std::sync::Condvar = std::sync::Condvar::new();

impl Budget {
    /// Takes `cost` bytes (at most `MAX_DECODE_BYTES`), waiting for them.
    fn take(cost: u64) -> Budget {
        let mut left = BUDGET.lock().unwrap_or_else(|e| e.into_inner());
        while *left < cost {
            left = BUDGET_FREED.wait(left).unwrap_or_else(|e| e.into_inner());
        }
        *left -= cost;
        Budget(cost)
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        *BUDGET.lock().unwrap_or_else(|e| e.into_inner()) += self.0;
        BUDGET_FREED.notify_all();
    }
}

fn describe(e: image::ImageError) -> String {
    match e {
        image::ImageError::Limits(_) => format!(
            "the picture is too large to publish (at most {MAX_SIDE} pixels a side and {} million pixels)",
            MAX_DECODE_BYTES / 8 / 1_000_000
        ),
        image::ImageError::Decoding(e) => format!("the picture cannot be decoded: {e}"),
        image::ImageError::Unsupported(e) => format!("the picture uses something sitrep cannot read: {e}"),
        e => format!("the picture cannot be processed: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_is_never_enlarged() {
        assert_eq!(widths(300), vec![300]);
        assert_eq!(widths(700), vec![480, 700]);
        assert_eq!(widths(1600), vec![480, 960, 1600]);
        assert_eq!(widths(4000), vec![480, 960, 1600]);
    }

    #[test]
    fn garbage_is_refused_with_a_reason() {
        assert!(encode(b"not a picture at all").unwrap_err().contains("not a JPEG, PNG or WebP"));
        assert!(encode(b"<svg xmlns='http://www.w3.org/2000/svg'/>").is_err());
    }

    fn photo(w: u32, h: u32, format: ImageFormat) -> Vec<u8> {
        let pixels = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 251) as u8, (y % 241) as u8, 90]));
        let mut out = Cursor::new(Vec::new());
        pixels.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_picture_cut_off_before_its_end_is_refused() {
        for format in [ImageFormat::Jpeg, ImageFormat::Png] {
            let whole = photo(300, 200, format);
            assert!(encode(&whole).is_ok(), "{format:?}");
            let cut = &whole[..whole.len() / 3];
            let why = encode(cut).map(|_| ()).unwrap_err();
            assert!(why.contains("cut off") || why.contains("cannot be decoded"), "{format:?}: {why}");
        }
    }

    #[test]
    fn a_small_file_of_too_many_pixels_is_refused_before_decoding() {
        // 12,000 × 12,000 of one colour: a few hundred kilobytes of PNG, 576 MB decoded.
        let pixels = image::GrayImage::new(12_000, 12_000);
        let mut png = Cursor::new(Vec::new());
        pixels.write_to(&mut png, ImageFormat::Png).unwrap();
        let why = encode(&png.into_inner()).map(|_| ()).unwrap_err();
        assert!(why.contains("too large"), "{why}");
    }
}
