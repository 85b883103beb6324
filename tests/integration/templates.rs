//! A site's own theme: template problems name the template, its line, and the page.

use std::fs;

use crate::support::Pages;
use crate::support::SiteTest;

/// The minimal site with a copy of the default theme as `themes/custom`.
fn with_custom_theme() -> SiteTest {
    let t = SiteTest::fixture("minimal");
    t.write("site.yaml", "title: Minimal Desk\nbase_url: https://example.org/\ntheme: custom\n");
    t.copy_default_theme("custom");
    t
}

fn edit(t: &SiteTest, template: &str, from: &str, to: &str) {
    let path = t.root.join("themes/custom/templates").join(template);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from));
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn line_of(t: &SiteTest, template: &str, needle: &str) -> usize {
    let text = fs::read_to_string(t.root.join("themes/custom/templates").join(template)).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn a_site_theme_is_used_instead_of_the_built_in_one() {
    let t = with_custom_theme();
    edit(&t, "briefing.html", ">{{ b.row.title }}</h1>", "><span class=\"custom\">{{ b.row.title }}</span></h1>");
    let b = t.build();
    assert_eq!(b.texts("briefings/kati/", "h1 .custom"), ["JNIM attacks the Kati base"]);
}

/// Breaks `template` by replacing `from` with `to`; returns the template
/// diagnostic of the failed build and the line the change is on.
fn template_problem(template: &str, from: &str, to: &str) -> (sitrep::diagnostics::Diagnostic, usize) {
    let t = with_custom_theme();
    edit(&t, template, from, to);
    let line = line_of(&t, template, to);
    let diags = t.build_err();
    assert!(!t.out().exists());
    let d = diags.into_vec().into_iter().find(|d| d.code == "template").expect("reported");
    assert_eq!(d.path.to_string_lossy(), format!("themes/custom/templates/{template}"));
    assert_eq!(d.span.map(|s| s.line), Some(line));
    (d, line)
}

#[test]
fn a_rendering_error_names_the_template_line_and_page() {
    let (d, _) = template_problem("briefing.html", ">{{ b.row.title }}</h1>", ">{{ b.row.headline }}</h1>");
    assert!(d.message.contains("headline"), "{}", d.message);
    assert!(d.message.ends_with("(rendering briefings/kati/index.html)"), "{}", d.message);
}

#[test]
fn a_syntax_error_names_the_template_and_line() {
    template_problem("group.html", "{% if g.affiliation %}", "{% if g.affiliation %");
}

#[test]
fn a_missing_template_is_named() {
    let t = with_custom_theme();
    fs::remove_file(t.root.join("themes/custom/templates/year.html")).unwrap();
    let diags = t.build_err();
    let d = diags.iter().find(|d| d.code == "missing-template").expect("reported");
    assert_eq!(d.path.to_string_lossy(), "themes/custom/templates/year.html");
    assert_eq!(d.message, "theme `custom` has no template year.html");
}
