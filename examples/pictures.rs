//! Adds pictures to a generated site, for the benchmark: one briefing in
//! ten becomes a folder (`<slug>/index.md`) with a 2,000-pixel JPEG as its
//! lead picture, described in its front matter.
//!
//! ```sh
//! cargo run --release --example pictures -- SITE
//! ```
//!
//! The photographs are deterministic (a gradient with noise from a fixed
//! generator, compressed like a phone's photo), so every run encodes the
//! same pixels.

use std::fs;
use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use rayon::prelude::*;

/// One briefing in this many gets a picture.
const EVERY: usize = 10;
/// The photographs' width and height, in pixels.
const SIZE: (u32, u32) = (2000, 1333);

fn main() {
    let site = PathBuf::from(std::env::args().nth(1).expect("usage: pictures SITE"));
    let mut briefings: Vec<PathBuf> = walk(&site.join("content/briefings"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !is_translation(p))
        .collect();
    briefings.sort();
    let chosen: Vec<(usize, &PathBuf)> = briefings.iter().enumerate().filter(|(i, _)| i % EVERY == 0).collect();
    let added: usize = chosen.into_par_iter().map(|(i, path)| add(i, path)).sum();
    println!("{added} briefings given a {}x{} JPEG", SIZE.0, SIZE.1);
}

/// Makes briefing `path` (the `i`th) a folder with a photograph; 1 when done.
fn add(i: usize, path: &Path) -> usize {
    {
        let text = fs::read_to_string(path).expect("a briefing");
        let Some(rest) = text.strip_prefix("---\n") else { return 0 };
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let folder = path.with_extension("");
        fs::create_dir_all(&folder).expect("a folder");
        let front = format!(
            "---\nimage: scene.jpg\nimages:\n  - file: scene.jpg\n    alt: The scene of the incident at {stem}\n    credit: desk\n{rest}"
        );
        fs::write(folder.join("index.md"), front).expect("the briefing");
        fs::remove_file(path).expect("the old file");
        // Its French translation, if any (the bilingual corpus has them), moves with it.
        let translation = path.with_extension("fr.md");
        if translation.exists() {
            fs::rename(&translation, folder.join("index.fr.md")).expect("a translation");
        }
        fs::write(folder.join("scene.jpg"), photo(i as u64)).expect("the picture");
    }
    1
}

fn is_translation(p: &Path) -> bool {
    let name = p.file_name().unwrap().to_string_lossy();
    name.strip_suffix(".md").and_then(|s| s.rsplit_once('.')).is_some_and(|(_, l)| l.len() == 2)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("a folder").flatten() {
        let p = entry.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

/// A photograph-like JPEG: smooth light with grain, quality 90.
fn photo(seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let pixels = RgbImage::from_fn(SIZE.0, SIZE.1, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let grain = (state % 24) as u32;
        let r = (x * 180 / SIZE.0 + 40 + grain).min(255) as u8;
        let g = (y * 150 / SIZE.1 + 50 + grain).min(255) as u8;
        let b = ((x + y) * 90 / (SIZE.0 + SIZE.1) + 60 + grain).min(255) as u8;
        Rgb([r, g, b])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90).encode_image(&pixels).expect("a JPEG");
    out
}
