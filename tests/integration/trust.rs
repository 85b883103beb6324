//! One file-system trust policy (`sitrep::trust`): a theme's links lead
//! nowhere outside the site and never into `content/`; a link to a FIFO
//! never blocks `check` or `build`; `check` writes nothing.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::time::Duration;

use sitrep::pipeline;

use crate::support::{SiteTest, render};

/// A site whose theme is a copy of the default one.
fn site_with_theme() -> SiteTest {
    let t = SiteTest::fixture("minimal");
    t.copy_default_theme("house");
    t.write("site.yaml", "title: Minimal Desk\nbase_url: https://example.org/\ntheme: house\n");
    t
}

#[test]
fn a_theme_static_folder_linked_outside_the_site_is_not_published() {
    let t = site_with_theme();
    let secret = t.root.parent().unwrap().join("keys");
    std::fs::create_dir_all(&secret).unwrap();
    std::fs::write(secret.join("id_ed25519"), "PRIVATE KEY").unwrap();
    std::fs::remove_dir_all(t.root.join("themes/house/static")).unwrap();
    symlink(&secret, t.root.join("themes/house/static")).unwrap();
    let diags = t.build_err();
    let d = diags.iter().find(|d| d.code == "theme-link").unwrap_or_else(|| panic!("{}", render(&diags)));
    assert!(d.path.ends_with("themes/house/static"), "{}", d.path.display());
    assert!(d.message.contains("outside the site"), "{}", d.message);
    assert!(!t.out().exists(), "nothing was written");
}

#[test]
fn a_theme_link_into_content_is_not_followed() {
    let t = site_with_theme();
    t.write("content/briefings/later.md", "---\ntitle: Scheduled\ndate: 2024-01-01\npublished: 2099-01-01\ncountries: [ML]\n---\nSECRET SCHEDULED WORDS\n");
    symlink(t.root.join("content/briefings"), t.root.join("themes/house/static/raw")).unwrap();
    symlink(t.root.join("content/briefings/later.md"), t.root.join("themes/house/static/later.md")).unwrap();
    let diags = t.build_err();
    let linked: Vec<_> = diags.iter().filter(|d| d.code == "theme-link").collect();
    assert_eq!(linked.len(), 2, "{}", render(&diags));
    assert!(linked.iter().any(|d| d.message.contains("into content/")), "{}", render(&diags));
}

#[test]
fn a_link_to_a_fifo_in_content_does_not_block_check_or_build() {
    let t = SiteTest::fixture("minimal");
    let fifo = t.root.join("pipe");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        0,
    )
    .unwrap();
    symlink(&fifo, t.root.join("content/briefings/pipe.md")).unwrap();
    let opts = t.options();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let diags = pipeline::check(&opts);
        let (site, _) = pipeline::build(&opts);
        let _ = done.send((diags, site.is_some()));
    });
    let (diags, built) = finished.recv_timeout(Duration::from_secs(60)).expect("check and build finished");
    assert!(built, "the rest of the site is built");
    assert!(diags.iter().any(|d| d.code == "not-a-file" && d.path.ends_with("pipe.md")), "{}", render(&diags));
}

#[test]
fn check_writes_nothing_into_the_site() {
    let t = crate::injection::hostile_site();
    let before = crate::support::tree(&t.root);
    let diags = pipeline::check(&t.options());
    assert!(!diags.has_errors(), "{}", render(&diags));
    let after = crate::support::tree(&t.root);
    let names = |tree: &[(String, Vec<u8>)]| tree.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&before), names(&after), "check wrote into the site");
}

#[test]
fn a_picture_cache_linked_out_of_the_site_is_neither_read_nor_written() {
    let t = crate::injection::hostile_site();
    let elsewhere = t.root.parent().unwrap().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    symlink(&elsewhere, t.root.join(".sitrep-cache")).unwrap();
    t.build();
    assert!(std::fs::read_dir(&elsewhere).unwrap().next().is_none(), "nothing written through the link");
    assert!(t.out().join("pictures").is_dir(), "the pictures are published all the same");
}

#[test]
fn the_picture_cache_keeps_only_the_sites_pictures() {
    let t = crate::injection::hostile_site();
    t.build();
    let cache = t.root.join(".sitrep-cache/pictures");
    let entries = |dir: &std::path::Path| {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    };
    let before = entries(&cache);
    assert_eq!(before.iter().filter(|n| n.len() == 16).count(), 1, "{before:?}");
    // A picture changed (a new entry), and what a build that ran out of disk left behind.
    let picture = t.root.join("content/briefings/kati/scene.png");
    let pixels = image::RgbImage::from_fn(70, 40, |x, _| image::Rgb([x as u8, 9, 9]));
    pixels.save(&picture).unwrap();
    std::fs::write(cache.join("files.json.tmp"), "half").unwrap();
    t.build();
    let after = entries(&cache);
    assert_eq!(after.iter().filter(|n| n.len() == 16).count(), 1, "the old entry is gone: {after:?}");
    assert_ne!(before, after);
    assert!(!after.iter().any(|n| n.contains(".tmp")), "{after:?}");
}
