//! Every mistake a writer can make is reported precisely: code, file, line,
//! column, wording and hint. Each case adds one bad file to a clean site.

use sitrep::diagnostics::{Diagnostic, Severity};

use crate::support::Pages;
use crate::support::SiteTest;

/// Builds the minimal site plus `files`; returns the problems of `path`.
fn problems(files: &[(&str, &str)], path: &str) -> Vec<Diagnostic> {
    let t = SiteTest::fixture("minimal");
    for (rel, text) in files {
        t.write(rel, text);
    }
    let (_, diags) = sitrep::pipeline::build_site(&t.options());
    diags.into_vec().into_iter().filter(|d| d.path.to_string_lossy() == path).collect()
}

/// The one problem of a single bad briefing `text`.
fn one(text: &str) -> Diagnostic {
    let found = problems(&[("content/briefings/bad.md", text)], "content/briefings/bad.md");
    assert_eq!(found.len(), 1, "expected one problem, got:\n{}", render(&found));
    found.into_iter().next().unwrap()
}

fn render(ds: &[Diagnostic]) -> String {
    ds.iter().map(|d| d.render(None, false)).collect()
}

/// Asserts code, line, column and message; returns the hint.
fn expect(d: &Diagnostic, code: &str, line: usize, column: usize, message: &str) -> String {
    assert_eq!(
        (d.code, d.span.map(|s| (s.line, s.column)), d.message.as_str()),
        (code, Some((line, column)), message),
        "{}",
        d.render(None, false)
    );
    d.hint.clone().unwrap_or_default()
}

const OK: &str = "title: T\ndate: 2024-01-02\ncountries: [ML]\nsources:\n  - url: https://example.com/s\n";

fn briefing(front: &str) -> String {
    format!("---\n{front}---\nBody.\n")
}

#[test]
fn the_clean_site_has_no_problem() {
    let t = SiteTest::fixture("minimal");
    let (site, diags) = sitrep::pipeline::build_site(&t.options());
    assert!(site.is_some() && diags.is_empty(), "{}", crate::support::render(&diags));
}

#[test]
fn yaml_syntax_error() {
    let d = one(&briefing(&format!("{OK}groups: [JNIM\ntags: [a]\n")));
    assert_eq!((d.code, d.span.map(|s| s.line)), ("yaml-syntax", Some(8)), "{}", render(std::slice::from_ref(&d)));
    assert!(d.message.starts_with("invalid YAML: "), "{}", d.message);
}

#[test]
fn tab_indentation() {
    let hint = expect(
        &one(&briefing(&format!("{OK}groups:\n\t- JNIM\n"))),
        "yaml-tab",
        8,
        1,
        "tab character used for indentation",
    );
    assert!(hint.contains("spaces"));
}

#[test]
fn unbalanced_quote_points_at_the_opening_quote() {
    let d = one(&briefing("title: \"JNIM strikes\ndate: 2024-01-02\ncountries: [ML]\n"));
    let hint = expect(&d, "unclosed-quote", 2, 8, "this quote is never closed");
    assert!(hint.contains("close the quote"));
}

#[test]
fn duplicate_key_points_at_the_second_one() {
    let d = one(&briefing(&format!("{OK}title: Again\n")));
    let hint = expect(&d, "duplicate-field", 7, 1, "field `title` is given twice");
    assert!(hint.contains("only once"));
}

#[test]
fn missing_unclosed_and_empty_front_matter() {
    expect(&one("title: T\n"), "missing-front-matter", 1, 1, "the file does not start with `---`");
    expect(
        &one("---\ntitle: T\ndate: 2024-01-02\n"),
        "unclosed-front-matter",
        1,
        1,
        "the front matter opened on line 1 is never closed",
    );
    expect(&one("\n  \n"), "empty-file", 1, 1, "the file is empty");
}

#[test]
fn a_file_that_is_not_utf8() {
    let t = SiteTest::fixture("minimal");
    std::fs::write(t.root.join("content/briefings/latin1.md"), b"---\ntitle: Caf\xe9\n---\n").unwrap();
    let (_, diags) = sitrep::pipeline::build_site(&t.options());
    let d = diags.iter().find(|d| d.path.ends_with("latin1.md")).unwrap();
    let hint = expect(d, "not-utf8", 2, 11, "file is not valid UTF-8 text");
    assert!(hint.contains("UTF-8"));
}

#[test]
fn unknown_field_suggests_the_known_one() {
    let d = one(&briefing("title: T\ndate: 2024-01-02\ncountrys: [ML]\nsources:\n  - url: https://example.com/s\n"));
    assert_eq!(expect(&d, "unknown-field", 4, 1, "unknown field `countrys`"), "did you mean `countries`?");
    let d = one(&briefing(&format!("{OK}casualties:\n  - kind: killed\n    cout: 3\n    according_to: x\n")));
    assert_eq!(expect(&d, "unknown-field", 9, 5, "unknown field `cout`"), "did you mean `count`?");
}

#[test]
fn wrong_types() {
    let d = one(&briefing("title: T\ndate: 2024-01-02\ncountries: ML\nsources:\n  - url: https://example.com/s\n"));
    let hint = expect(
        &d,
        "wrong-type",
        4,
        12,
        "`countries`: expected something else, found the text \"ML\", but a list is needed",
    );
    assert!(hint.contains("[a, b]"), "{hint}");
    let d = one(&briefing(&format!("{OK}draft: maybe\n")));
    assert_eq!((d.code, d.span.map(|s| s.line)), ("wrong-type", Some(7)));
    let d = one(&briefing(&format!("{OK}casualties:\n  - kind: killed\n    count: -3\n    according_to: x\n")));
    expect(&d, "negative-count", 9, 12, "`count` cannot be negative");
}

#[test]
fn dates() {
    let d = one(&briefing("title: T\ndate: 2023-02-30\ncountries: [ML]\nsources:\n  - url: https://example.com/s\n"));
    expect(&d, "impossible-date", 3, 7, "`date` is not a real date: `2023-02-30`");
    let d = one(&briefing(&format!("{OK}end_date: 2023-12-31\n")));
    let hint = expect(&d, "date-order", 7, 11, "`end_date` 2023-12-31 is before `date` 2024-01-02");
    assert!(hint.contains("cannot come before"));
    let d = one(&briefing(&format!("{OK}published: 20/09/2024\n")));
    expect(&d, "bad-date", 7, 12, "`published` must be a date in the form YYYY-MM-DD, found `20/09/2024`");
    let d = one(&briefing(&format!("{OK}published: 2024-09\n")));
    assert_eq!(d.code, "bad-date");
}

#[test]
fn countries_and_places() {
    let d =
        one(&briefing("title: T\ndate: 2024-01-02\ncountries: [Malii]\nsources:\n  - url: https://example.com/s\n"));
    let hint = expect(&d, "unknown-country", 4, 13, "unknown country `Malii`");
    assert!(hint.contains("did you mean `Mali` (ML)?"), "{hint}");
    let d = one(&briefing(&format!("{OK}locations:\n  - name: Ouagadougou\n    country: BF\n")));
    let hint =
        expect(&d, "location-country", 9, 14, "location country Burkina Faso is not among the briefing's countries");
    assert!(hint.contains("add BF to `countries`"), "{hint}");
    let d = one(&briefing(&format!("{OK}locations:\n  - name: Gao\n    lat: 95\n    lon: 0\n")));
    expect(&d, "bad-coordinates", 9, 10, "latitude 95 is out of range");
    let d = one(&briefing(&format!("{OK}locations:\n  - name: Gao\n    lon: -0.04\n")));
    let hint = expect(&d, "bad-coordinates", 9, 10, "`lon` is given without `lat`");
    assert_eq!(hint, "give both lat and lon, or neither");
}

#[test]
fn unknown_values_of_fixed_lists() {
    let cases = [
        (
            "casualties:\n  - kind: killd\n    count: 1\n    according_to: x\n",
            8,
            11,
            "unknown kind `killd`",
            "did you mean `killed`?",
        ),
        (
            "casualties:\n  - kind: killed\n    who: civillians\n    count: 1\n    according_to: x\n",
            9,
            10,
            "unknown who `civillians`",
            "did you mean `civilians`?",
        ),
        (
            "groups:\n  - name: JNIM\n    role: perpetrater\n",
            9,
            11,
            "unknown role `perpetrater`",
            "did you mean `perpetrator`?",
        ),
        ("groups:\n  - name: JNIM\n    claim: claim\n", 9, 12, "unknown claim `claim`", "did you mean `claimed`?"),
        (
            "locations:\n  - name: Gao\n    precision: city\n",
            9,
            16,
            "unknown precision `city`",
            "allowed: exact, town, region, country",
        ),
    ];
    for (extra, line, column, message, hint) in cases {
        let d = one(&briefing(&format!("{OK}{extra}")));
        let got = expect(&d, "unknown-value", line, column, message);
        assert!(got.contains(hint), "{got}");
    }
}

#[test]
fn casualty_reports() {
    let d = one(&briefing(&format!("{OK}casualties:\n  - kind: killed\n    count: 4\n")));
    let hint = expect(&d, "missing-according-to", 8, 5, "casualty report without `according_to`");
    assert!(hint.contains("every figure needs its source"));
    let d =
        one(&briefing(&format!("{OK}casualties:\n  - kind: killed\n    min: 9\n    max: 4\n    according_to: x\n")));
    expect(&d, "min-above-max", 9, 10, "`min` 9 is greater than `max` 4");
}

#[test]
fn links_slugs_and_urls() {
    let d = one(&briefing(OK).replace("Body.", "See [Kati](@/briefings/kat.md)."));
    let hint = expect(&d, "broken-link", 8, 5, "link to `@/briefings/kat.md`, which does not exist");
    assert!(hint.contains("did you mean `@/briefings/kati.md`?"), "{hint}");
    let d = one(&briefing(&format!("{OK}slug: Bad Slug\n")));
    let hint = expect(&d, "bad-slug", 7, 7, "slug `Bad Slug` may only use lowercase letters, digits and hyphens");
    assert_eq!(hint, "try `slug: bad-slug`");
    let d = one(&briefing("title: T\ndate: 2024-01-02\ncountries: [ML]\nsources:\n  - url: javascript:alert(1)\n"));
    expect(&d, "bad-url", 6, 10, "`sources[0].url` must be an http or https address, found `javascript:alert(1)`");
}

#[test]
fn two_profiles_claiming_one_name_name_both_files() {
    let found = problems(
        &[("content/groups/gsim.md", "---\nname: GSIM group\naliases: [Gsim]\n---\n")],
        "content/groups/jnim.md",
    );
    let found2 = problems(
        &[("content/groups/gsim.md", "---\nname: GSIM group\naliases: [Gsim]\n---\n")],
        "content/groups/gsim.md",
    );
    let all: Vec<&Diagnostic> = found.iter().chain(&found2).filter(|d| d.code == "duplicate-group-name").collect();
    assert_eq!(all.len(), 1, "{}", render(&found2));
    let d = all[0];
    assert_eq!(d.path.to_string_lossy(), "content/groups/jnim.md");
    assert_eq!(d.span.map(|s| (s.line, s.column)), Some((3, 11)));
    assert_eq!(d.message, "the name `GSIM` is also claimed by the profile content/groups/gsim.md (GSIM group)");
}

#[test]
fn a_cycle_of_parents_names_every_file() {
    let files = [
        ("content/groups/a.md", "---\nname: Alpha\nparent: Beta\n---\n"),
        ("content/groups/b.md", "---\nname: Beta\nparent: Alpha\n---\n"),
    ];
    let found = problems(&files, "content/groups/a.md");
    let d = found.iter().find(|d| d.code == "parent-cycle").expect("cycle reported");
    assert_eq!(d.span.map(|s| s.line), Some(3));
    assert_eq!(
        d.message,
        "parent groups form a cycle: Alpha -> Beta -> Alpha (content/groups/a.md, content/groups/b.md)"
    );
}

#[test]
fn warnings_do_not_fail_the_build() {
    let t = SiteTest::fixture("minimal");
    t.write(
        "content/briefings/nosrc.md",
        "---\ntitle: T\ndate: 2024-01-02\ncountries: [ML]\ngroups: [Katiba Serma]\n---\n",
    );
    t.write("content/groups/unused.md", "---\nname: Unused Group\n---\n");
    let b = t.build();
    let mut got: Vec<(&str, String, Option<usize>)> =
        b.diags.iter().map(|d| (d.code, d.path.to_string_lossy().into_owned(), d.span.map(|s| s.line))).collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("group-without-profile", "content/briefings/nosrc.md".to_string(), Some(5)),
            ("no-sources", "content/briefings/nosrc.md".to_string(), Some(1)),
            ("unused-profile", "content/groups/unused.md".to_string(), Some(2)),
        ]
    );
    assert!(b.diags.iter().all(|d| d.severity == Severity::Warning));
    assert!(b.has("briefings/nosrc/") && b.has("groups/katiba-serma/") && b.has("groups/unused/"));
}

#[test]
fn one_file_with_several_mistakes_reports_them_all() {
    let text = briefing(
        "title: T\ndate: 2024-13-01\ncountrys: [ML]\ncountries: [Atlantis]\nsources:\n  - url: ftp://x\ncasualties:\n  - kind: dead\n    count: 2\n",
    );
    let found = problems(&[("content/briefings/bad.md", &text)], "content/briefings/bad.md");
    let got: Vec<(&str, usize)> = found.iter().map(|d| (d.code, d.span.unwrap().line)).collect();
    assert_eq!(
        got,
        [
            ("impossible-date", 3),
            ("unknown-field", 4),
            ("unknown-country", 5),
            ("bad-url", 7),
            ("missing-according-to", 9),
            ("unknown-value", 9),
        ],
        "{}",
        render(&found)
    );
}
