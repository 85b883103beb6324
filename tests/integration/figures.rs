//! Casualty figures: every report kept, ranges per incident, conservative totals.

use crate::support::Pages;
use crate::support::SiteTest;

#[test]
fn an_incident_shows_the_range_between_reports() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    // Killed: 70 and 77 reported; injured: "over 200".
    assert_eq!(b.texts("briefings/bamako/", ".fact-killed strong"), ["70–77"]);
    assert_eq!(b.texts("briefings/bamako/", ".fact-injured strong"), ["at least 200"]);
    let reports = b.texts("briefings/bamako/", ".casualties tbody tr");
    assert_eq!(reports.len(), 3, "every report is kept: {reports:?}");
    // Barsalogho: 200-400 and 150 from two sources: 150-400.
    assert_eq!(b.texts("briefings/barsalogho/", ".fact-killed strong"), ["150–400"]);
    // Kati: 1 soldier and 7 militants: the incident's figure sums over who.
    assert_eq!(b.texts("briefings/kati-2022/", ".fact-killed strong"), ["8"]);
    // Djibo: 10 and "at least 50": no upper bound.
    assert_eq!(b.texts("briefings/djibo/", ".fact-killed strong"), ["at least 10"]);
    // Lists show the same derived figure.
    assert!(b.texts("groups/jnim/", ".figure-inline").contains(&"Killed 70–77".to_string()));
}

#[test]
fn group_and_country_totals_sum_the_lows() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    // JNIM's own incidents: Bamako 70 + Barsalogho 150 + escapes 3 + Kati 8 + border ambush 12.
    let jnim = b.text("groups/jnim/");
    assert!(jnim.contains("At least 243 killed in 5 incidents involving JNIM"), "{jnim}");
    // With its component Ansaroul Islam (Djibo, at least 10).
    assert!(jnim.contains("With its components: at least 253 killed in 6 incidents"), "{jnim}");
    let mali = b.text("countries/mali/");
    assert!(mali.contains("At least 93 killed in 4 incidents in Mali"), "{mali}");
    let bf = b.text("countries/burkina-faso/");
    assert!(bf.contains("At least 165 killed in 3 incidents in Burkina Faso"), "{bf}");
    // The home page: every published incident (drafts and scheduled excluded).
    let home = b.texts("", ".hero .stat dd");
    assert_eq!(&home[..2], ["7", "258"]);
}
