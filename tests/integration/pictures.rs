//! A writer puts pictures beside a briefing: they are published at a few
//! widths, never enlarged, with nothing of the source's metadata; mistakes
//! are reported at their line; a second build takes them from the cache.

use std::fs;
use std::io::Cursor;

use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};

use crate::support::{Pages, SiteTest, render};

/// Where the field photo says it was taken (Kati, near Bamako).
const LAT: f64 = 12.7445;
const LON: f64 = -8.0729;

/// A JPEG photo `width` × `height` as a phone writes it: EXIF with the camera
/// and a GPS position, an XMP packet, an IPTC block and a comment.
fn field_photo(width: u32, height: u32) -> Vec<u8> {
    let pixels = RgbImage::from_fn(width, height, |x, y| Rgb([(x % 251) as u8, (y % 241) as u8, 90]));
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 90).encode_image(&pixels).unwrap();
    let dms = |v: f64| {
        let v = v.abs();
        let (d, m) = (v.trunc(), (v.fract() * 60.0).trunc());
        let s = ((v * 3600.0) - d * 3600.0 - m * 60.0) * 100.0;
        Value::Rational(vec![
            Rational { num: d as u32, denom: 1 },
            Rational { num: m as u32, denom: 1 },
            Rational { num: s.round() as u32, denom: 100 },
        ])
    };
    let fields = [
        Field { tag: Tag::Make, ifd_num: In::PRIMARY, value: Value::Ascii(vec![b"SecretCam".to_vec()]) },
        Field { tag: Tag::GPSLatitudeRef, ifd_num: In::PRIMARY, value: Value::Ascii(vec![b"N".to_vec()]) },
        Field { tag: Tag::GPSLatitude, ifd_num: In::PRIMARY, value: dms(LAT) },
        Field { tag: Tag::GPSLongitudeRef, ifd_num: In::PRIMARY, value: Value::Ascii(vec![b"W".to_vec()]) },
        Field { tag: Tag::GPSLongitude, ifd_num: In::PRIMARY, value: dms(LON) },
    ];
    let mut writer = Writer::new();
    fields.iter().for_each(|f| writer.push_field(f));
    let mut tiff = Cursor::new(Vec::new());
    writer.write(&mut tiff, false).unwrap();
    let segment = |marker: u8, data: &[u8]| {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&((data.len() + 2) as u16).to_be_bytes());
        s.extend_from_slice(data);
        s
    };
    let mut out = jpeg[..2].to_vec();
    out.extend(segment(0xE1, &[b"Exif\0\0".as_slice(), tiff.get_ref()].concat()));
    out.extend(segment(
        0xE1,
        b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'>source-name: Moussa</x:xmpmeta>",
    ));
    out.extend(segment(0xED, b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x0c\x1c\x02\x50\0\x08Reporter"));
    out.extend(segment(0xFE, b"secret comment from the field"));
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A PNG drawing with transparency.
fn drawing(width: u32, height: u32) -> Vec<u8> {
    let pixels = RgbaImage::from_fn(width, height, |x, _| Rgba([20, 60, 120, if x % 2 == 0 { 255 } else { 128 }]));
    let mut png = Vec::new();
    PngEncoder::new(&mut png).write_image(&pixels, width, height, image::ExtendedColorType::Rgba8).unwrap();
    png
}

const BRIEFING: &str = "---
title: JNIM attacks the Kati base
date: 2022-07-22
countries: [ML]
groups: [JNIM]
image: scene.jpg
images:
  - file: scene.jpg
    alt: Smoke over the Kati base
    caption: The base on the morning of the attack.
    credit: Field reporter
  - file: area.png
    alt: The area around Kati
    credit: desk
sources:
  - url: https://example.com/kati
---
The base was attacked at dawn.

![The area around Kati, north-west of Bamako](area.png \"Kati and Bamako\")
";

fn site_with_pictures() -> SiteTest {
    let t = SiteTest::fixture("minimal");
    t.remove("content/briefings/kati.md");
    t.write("content/briefings/kati/index.md", BRIEFING);
    fs::write(t.root.join("content/briefings/kati/scene.jpg"), field_photo(2000, 1200)).unwrap();
    fs::write(t.root.join("content/briefings/kati/area.png"), drawing(300, 200)).unwrap();
    t
}

#[test]
fn a_briefing_folder_publishes_its_pictures_at_a_few_widths_never_enlarged() {
    let t = site_with_pictures();
    let b = t.build();
    // The folder's name is the slug.
    assert!(b.has("briefings/kati/"), "{:?}", b.pages());
    let page = b.source("briefings/kati/");
    // The lead picture: at the top, three widths from a 2,000-pixel photo, loaded at once.
    let lead = b.attrs("briefings/kati/", ".lead-picture img", "srcset");
    assert_eq!(lead.len(), 1, "{page}");
    let widths: Vec<&str> = lead[0].split(", ").map(|s| s.rsplit(' ').next().unwrap()).collect();
    assert_eq!(widths, ["480w", "960w", "1600w"]);
    assert_eq!(b.attrs("briefings/kati/", ".lead-picture img", "width"), ["1600"]);
    assert_eq!(b.attrs("briefings/kati/", ".lead-picture img", "height"), ["960"]);
    assert_eq!(b.attrs("briefings/kati/", ".lead-picture img", "alt"), ["Smoke over the Kati base"]);
    assert!(b.attrs("briefings/kati/", ".lead-picture img", "loading").is_empty(), "the lead is above the fold");
    assert_eq!(
        b.texts("briefings/kati/", ".lead-picture figcaption"),
        ["The base on the morning of the attack. Field reporter"]
    );
    // The drawing in the body: 300 pixels wide, published at 300 only, lazily, as a figure.
    let body = b.attrs("briefings/kati/", ".prose figure img", "srcset");
    assert_eq!(body.len(), 1, "{page}");
    assert!(body[0].ends_with(" 300w") && !body[0].contains(','), "never enlarged: {}", body[0]);
    assert_eq!(b.attrs("briefings/kati/", ".prose figure img", "loading"), ["lazy"]);
    assert_eq!(b.texts("briefings/kati/", ".prose figcaption"), ["Kati and Bamako Made by the desk"]);
    // A photograph also comes as WebP, the same widths, which browsers that show it take first;
    // a drawing with transparency stays PNG alone.
    let webp = b.attrs("briefings/kati/", ".lead-picture picture source[type='image/webp']", "srcset");
    assert_eq!(webp.len(), 1, "{page}");
    let webp_widths: Vec<&str> = webp[0].split(", ").map(|s| s.rsplit(' ').next().unwrap()).collect();
    assert_eq!(webp_widths, ["480w", "960w", "1600w"]);
    assert!(webp[0].split(", ").all(|c| c.split(' ').next().unwrap().ends_with(".webp")), "{}", webp[0]);
    assert!(b.attrs("briefings/kati/", ".prose figure source", "srcset").is_empty(), "{page}");
    // Every address in a srcset is a published file of that width (and type).
    for srcset in lead.iter().chain(&body).chain(&webp) {
        for candidate in srcset.split(", ") {
            let (url, width) = candidate.split_once(' ').unwrap();
            let file = b.out.join(url.trim_start_matches('/'));
            let picture = image::open(&file).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(format!("{}w", picture.width()), width, "{url}");
            let format = image::ImageFormat::from_path(&file).unwrap();
            assert_eq!(image::guess_format(&fs::read(&file).unwrap()).unwrap(), format, "{url}");
        }
    }
    // Social previews take the widest width, by its absolute address.
    let og = b.attrs("briefings/kati/", "meta[property='og:image']", "content");
    assert_eq!(og.len(), 1);
    assert!(og[0].starts_with("https://example.org/pictures/scene-") && og[0].ends_with("-1600.jpg"), "{}", og[0]);
    assert_eq!(b.attrs("briefings/kati/", "meta[name='twitter:card']", "content"), ["summary_large_image"]);
    // Lists show the lead picture small: the home page and the group's page.
    for page in ["", "groups/jnim/"] {
        let thumbs = b.attrs(page, ".incident-picture", "src");
        assert_eq!(thumbs.len(), 1, "{page}");
        assert!(thumbs[0].starts_with("/pictures/scene-") && thumbs[0].ends_with("-480.jpg"), "{}", thumbs[0]);
        assert!(b.out.join(thumbs[0].trim_start_matches('/')).is_file());
    }
}

#[test]
fn no_metadata_of_a_field_photo_is_published() {
    let t = site_with_pictures();
    let b = t.build();
    let published: Vec<_> = fs::read_dir(b.out.join("pictures")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(published.len(), 7, "three widths of the photo as JPEG and WebP, one of the drawing: {published:?}");
    for path in published {
        let bytes = fs::read(&path).unwrap();
        for secret in
            [&b"Exif"[..], b"SecretCam", b"xmpmeta", b"Moussa", b"8BIM", b"Reporter", b"secret comment", b"ICC_PROFILE"]
        {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret),
                "{} carries {}",
                path.display(),
                String::from_utf8_lossy(secret)
            );
        }
        let exif = exif::Reader::new().read_from_container(&mut Cursor::new(&bytes));
        assert!(exif.is_err(), "{} still has EXIF", path.display());
    }
    // The writer is told what the source file gives away.
    let warning = b.diags.iter().find(|d| d.code == "picture-gps").expect("a GPS warning");
    assert!(warning.path.ends_with("content/briefings/kati/scene.jpg"), "{}", warning.path.display());
    assert!(warning.message.contains("12.7445") && warning.message.contains("-8.0729"), "{}", warning.message);
}

#[test]
fn a_second_build_takes_the_pictures_from_the_cache() {
    use std::os::unix::fs::MetadataExt;
    let t = site_with_pictures();
    let first = t.build();
    let og = first.attrs("briefings/kati/", "meta[property='og:image']", "content")[0].clone();
    let name = og.rsplit('/').next().unwrap().to_string();
    let published = || first.out.join("pictures").join(&name);
    let clean = fs::read(published()).unwrap();
    // The cache holds each width, read-only; the build published the widest
    // as a link to it, not a copy.
    let cache = t.root.join(".sitrep-cache/pictures");
    let entries: Vec<_> = fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path()).collect();
    let kept = entries.iter().map(|e| e.join("1600.jpg")).find(|p| p.exists()).expect("the photo is cached");
    let kept_before = fs::metadata(&kept).unwrap();
    assert!(kept_before.permissions().readonly(), "a kept file is read-only");
    assert_eq!(fs::metadata(published()).unwrap().ino(), kept_before.ino(), "published as a hard link");
    // A second build encodes nothing again: the kept file is untouched.
    t.build();
    let kept_after = fs::metadata(&kept).unwrap();
    assert_eq!(
        (kept_after.ino(), kept_after.modified().unwrap()),
        (kept_before.ino(), kept_before.modified().unwrap())
    );
    assert_eq!(fs::read(published()).unwrap(), clean);
    // A tool that edits the published file in place edits the kept one too
    // (one file, two names): the next build notices and encodes it again,
    // so what it publishes is what sitrep made, never the edit.
    let mut permissions = fs::metadata(published()).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    fs::set_permissions(published(), permissions).unwrap();
    let mut edited = clean.clone();
    edited.extend_from_slice(b"GPS 12.7445 -8.0729");
    fs::write(published(), &edited).unwrap();
    assert_eq!(fs::read(&kept).unwrap(), edited, "the edit reached the kept file");
    t.build();
    assert_eq!(fs::read(published()).unwrap(), clean, "encoded again from the source");
    assert_eq!(fs::read(&kept).unwrap(), clean, "the cache holds sitrep's encoding again");
    // A changed picture is encoded again, under a new name.
    fs::write(t.root.join("content/briefings/kati/scene.jpg"), field_photo(1000, 600)).unwrap();
    let third = t.build();
    let og = third.attrs("briefings/kati/", "meta[property='og:image']", "content")[0].clone();
    assert!(og.ends_with("-1000.jpg"), "{og}");
    assert!(!third.out.join("pictures").join(&name).exists(), "the old picture is gone");
}

#[test]
fn picture_mistakes_are_reported_at_their_line_and_nothing_is_written() {
    let t = site_with_pictures();
    t.build();
    let before = crate::support::tree(&t.out());
    t.write(
        "content/briefings/kati/index.md",
        &BRIEFING.replace(
            "The base was attacked at dawn.",
            "The base was attacked at dawn.\n\n![](area.png)\n\n![A map](missing.png)",
        ),
    );
    fs::write(
        t.root.join("content/briefings/kati/drawing.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
    )
    .unwrap();
    fs::write(t.root.join("content/briefings/kati/broken.jpg"), b"not a picture").unwrap();
    // A picture larger than the bound: 13,000 pixels wide (small on disk).
    let wide = RgbImage::new(13_000, 2);
    let mut png = Vec::new();
    PngEncoder::new(&mut png).write_image(&wide, 13_000, 2, image::ExtendedColorType::Rgb8).unwrap();
    fs::write(t.root.join("content/briefings/kati/wide.png"), png).unwrap();
    let diags = t.build_err();
    let all = render(&diags);
    let find = |code: &str| diags.iter().filter(|d| d.code == code).collect::<Vec<_>>();
    let no_alt = find("picture-without-alt");
    assert_eq!(no_alt.len(), 0, "area.png's alt text comes from its note: {all}");
    let missing = find("missing-picture");
    assert_eq!(missing.len(), 1, "{all}");
    assert_eq!(missing[0].span.map(|s| s.line), Some(22), "{all}");
    assert_eq!(find("svg-picture").len(), 1, "{all}");
    let bad: Vec<String> = find("bad-picture").iter().map(|d| d.path.display().to_string()).collect();
    assert!(bad.iter().any(|p| p.ends_with("broken.jpg")) && bad.iter().any(|p| p.ends_with("wide.png")), "{all}");
    assert!(all.contains("too large"), "{all}");
    assert_eq!(crate::support::tree(&t.out()), before, "the last good site stays as it was");
}

#[test]
fn a_picture_without_alt_text_or_credit_is_reported() {
    let t = site_with_pictures();
    t.write(
        "content/briefings/kati/index.md",
        &BRIEFING
            .replace("    credit: desk\n", "")
            .replace("The base was attacked at dawn.", "The base was attacked at dawn.\n\n![](scene2.jpg)"),
    );
    fs::write(t.root.join("content/briefings/kati/scene2.jpg"), field_photo(100, 80)).unwrap();
    let diags = t.build_err();
    let all = render(&diags);
    let no_alt: Vec<_> = diags.iter().filter(|d| d.code == "picture-without-alt").collect();
    assert_eq!(no_alt.len(), 1, "{all}");
    assert_eq!(no_alt[0].span.map(|s| s.line), Some(19), "{all}");
    let credits: Vec<_> = diags.iter().filter(|d| d.code == "no-credit").collect();
    assert_eq!(credits.len(), 2, "area.png's note and scene2.jpg: {all}");
}

#[test]
fn the_preview_shows_a_replaced_picture_as_a_full_build_would() {
    use sitrep::session::{Changes, Session};
    let t = site_with_pictures();
    let (mut session, report) = Session::open(t.options());
    session.index_search();
    assert!(report.ok, "{}", render(session.diagnostics()));
    let full = || sitrep::pipeline::build_site(&t.options()).0.expect("a good site").output;
    assert!(session.output() == &full());
    let before: Vec<String> =
        session.output().paths().filter(|p| p.starts_with("pictures/")).map(String::from).collect();
    assert_eq!(before.len(), 7, "three widths of the photo as JPEG and WebP, one of the drawing: {before:?}");
    // The photographer sends a better shot under the same name.
    fs::write(t.root.join("content/briefings/kati/scene.jpg"), field_photo(1200, 800)).unwrap();
    let mut changes = Changes::default();
    changes.content.insert("briefings/kati/scene.jpg".into());
    let report = session.apply_and_index(&changes);
    assert!(report.ok, "{}", render(session.diagnostics()));
    assert!(session.output() == &full(), "the preview is what a build would write");
    assert!(report.changed.iter().any(|p| p == "briefings/kati/index.html"), "{:?}", report.changed);
    let after: Vec<&str> = session.output().paths().filter(|p| p.starts_with("pictures/scene-")).collect();
    assert_eq!(after.len(), 6, "480, 960 and 1200 wide, JPEG and WebP: {after:?}");
    assert!(after.iter().all(|p| !before.contains(&p.to_string())), "new names for new pixels");
}

#[test]
fn a_translation_gives_the_pictures_words_in_its_language_and_nothing_else() {
    let t = site_with_pictures();
    t.write(
        "site.yaml",
        "title: Minimal Desk\nbase_url: https://example.org/\nlanguages:\n  fr:\n    title: Bureau minimal\n",
    );
    t.write(
        "content/briefings/kati/index.fr.md",
        "---\ntitle: Le GSIM attaque la base de Kati\nimages:\n  - file: scene.jpg\n    alt: De la fumée au-dessus de la base de Kati\n    caption: La base au matin de l'attaque.\n---\nLa base a été attaquée à l'aube.\n\n![](area.png)\n",
    );
    let b = t.build();
    assert_eq!(b.attrs("fr/briefings/kati/", ".lead-picture img", "alt"), ["De la fumée au-dessus de la base de Kati"]);
    assert_eq!(
        b.texts("fr/briefings/kati/", ".lead-picture figcaption"),
        ["La base au matin de l'attaque. Field reporter"]
    );
    // The drawing's alt text was not translated: the original's; its credit reads in French.
    assert_eq!(b.attrs("fr/briefings/kati/", ".prose figure img", "alt"), ["The area around Kati"]);
    assert_eq!(b.texts("fr/briefings/kati/", ".prose figcaption"), ["Réalisation : la rédaction"]);
    // Both languages show the same files.
    assert_eq!(
        b.attrs("fr/briefings/kati/", ".lead-picture img", "srcset"),
        b.attrs("briefings/kati/", ".lead-picture img", "srcset")
    );
    // A picture the original does not describe is an error at its entry.
    t.write(
        "content/briefings/kati/index.fr.md",
        "---\ntitle: Le GSIM attaque la base de Kati\nimages:\n  - file: other.jpg\n    alt: Autre chose\n---\nTexte.\n",
    );
    let diags = t.build_err();
    let d = diags.iter().find(|d| d.code == "picture-of-nothing").unwrap_or_else(|| panic!("{}", render(&diags)));
    assert_eq!(d.span.map(|s| s.line), Some(4), "{}", render(&diags));
}

#[test]
fn a_picture_written_with_dot_slash_is_found_and_a_cut_one_is_an_error_of_its_own() {
    let t = SiteTest::fixture("minimal");
    fs::create_dir_all(t.root.join("content/briefings/kati")).unwrap();
    t.remove("content/briefings/kati.md");
    t.write(
        "content/briefings/kati/index.md",
        "---\ntitle: Kati\ndate: 2022-07-22\ncountries: [ML]\nimages:\n  - file: scene.jpg\n    alt: The gate\n    credit: AFP\n  - file: cut.jpg\n    alt: The road\n    credit: AFP\nsources:\n  - url: https://example.com/kati\n---\n![The gate](./scene.jpg)\n\n![The road](cut.jpg)\n",
    );
    let photo = field_photo(800, 600);
    fs::write(t.root.join("content/briefings/kati/scene.jpg"), &photo).unwrap();
    fs::write(t.root.join("content/briefings/kati/cut.jpg"), &photo[..photo.len() / 3]).unwrap();
    let diags = t.build_err();
    let codes: Vec<(&str, String)> = diags.iter().map(|d| (d.code, d.path.to_string_lossy().into_owned())).collect();
    // The cut picture is an error at its file, and only that: no false "no picture beside".
    assert!(codes.iter().any(|(c, p)| *c == "bad-picture" && p.ends_with("cut.jpg")), "{codes:?}");
    assert!(!codes.iter().any(|(c, _)| *c == "missing-picture"), "{codes:?}");
    // Once whole, both are published, `./scene.jpg` as `scene.jpg`.
    fs::write(t.root.join("content/briefings/kati/cut.jpg"), &photo).unwrap();
    let b = t.build();
    assert_eq!(b.attrs("briefings/kati/", "article img", "alt").len(), 2, "{}", b.source("briefings/kati/"));
}
