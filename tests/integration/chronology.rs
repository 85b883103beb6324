//! The chronology: every incident by year and month, newest first; month-only dates.

use crate::support::Pages;
use crate::support::SiteTest;

#[test]
fn the_chronology_lists_years_and_months_newest_first() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    assert_eq!(b.texts("chronology/", ".year-cards a"), ["2024", "2023", "2022", "2021"]);
    assert_eq!(
        b.texts("chronology/", "h3.month"),
        ["September 2024", "August 2024", "June 2023", "February 2023", "July 2022", "May 2021"]
    );
    let titles = b.texts("chronology/", ".timeline li > a");
    assert_eq!(
        titles,
        [
            "JNIM strikes gendarmerie school in Bamako",
            "Massacre at Barsalogho",
            "<script>alert(\"x\")</script> & \"quotes\"",
            "Ansaroul Islam attack near Djibo",
            "Koglweogo clash",
            "JNIM attacks the Kati base",
            "Ambush on the border",
        ]
    );
}

#[test]
fn a_year_page_holds_only_that_year() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    assert_eq!(b.texts("chronology/2023/", "main h2"), ["June 2023", "February 2023"]);
    let titles = b.texts("chronology/2023/", ".incident-title");
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(!b.text("chronology/2023/").contains("Bamako"));
}

#[test]
fn a_month_only_date_is_shown_as_a_month_never_as_the_first() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let text = b.text("briefings/barsalogho/");
    assert!(text.contains("August 2024"), "{text}");
    assert!(!text.contains("1 August 2024"), "{text}");
    // The incident's month is not a publication date: outside git, none is shown.
    assert!(!text.contains("Published"), "{text}");
    assert_eq!(b.attrs("briefings/barsalogho/", ".key-facts time", "datetime"), ["2024-08"]);
    let chrono = b.texts("chronology/", ".timeline li time");
    assert!(chrono.contains(&"Feb 2023".to_string()) && chrono.contains(&"17 Feb 2023".to_string()), "{chrono:?}");
}
