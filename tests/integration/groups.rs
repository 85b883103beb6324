//! Groups: names and aliases merge, parents list their components, unknown names get pages.

use crate::support::Pages;
use crate::support::SiteTest;

#[test]
fn aliases_and_spellings_merge_onto_one_group_page() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    // "GSIM", "JNIM" and "JAMA'AT NUSRAT AL ISLAM WAL MUSLIMIN" (the full name,
    // written differently) are one group.
    let titles = b.texts("groups/jnim/", "#sr-incidents ~ ol .incident-title");
    assert_eq!(
        titles,
        [
            "JNIM strikes gendarmerie school in Bamako",
            "Massacre at Barsalogho",
            "<script>alert(\"x\")</script> & \"quotes\"",
            "JNIM attacks the Kati base",
            "Ambush on the border",
        ]
    );
    let groups: Vec<String> = b.site.index.groups.iter().map(|g| g.slug.clone()).collect();
    assert_eq!(groups, ["ansaroul-islam", "jnim", "koglweogo", "malian-armed-forces"]);
}

#[test]
fn a_parent_lists_its_components_and_their_incidents() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    // Ansaroul Islam names its parent by an alias of JNIM.
    assert_eq!(b.attrs("groups/jnim/", ".facts a[href='/sahel/groups/ansaroul-islam/']", "href").len(), 1);
    assert_eq!(b.texts("groups/ansaroul-islam/", ".facts dd a"), ["Burkina Faso", "JNIM"]);
    let component = b.texts("groups/jnim/", "#sr-component-incidents ~ ol .incident-title");
    assert_eq!(component, ["Ansaroul Islam attack near Djibo"]);
    assert!(b.text("groups/jnim/").contains("Via Ansaroul Islam"));
}

#[test]
fn a_group_without_profile_gets_a_page_and_a_warning() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    assert!(b.text("groups/koglweogo/").contains("Koglweogo clash"));
    let warnings: Vec<&str> = b.diags.iter().map(|d| d.code).collect();
    assert_eq!(warnings, ["group-without-profile"]);
    let w = b.diags.iter().next().unwrap();
    assert_eq!(w.path.to_string_lossy(), "content/briefings/2023/koglweogo.md");
    assert_eq!(w.span.map(|s| s.line), Some(6));
}

#[test]
fn profile_facts_are_shown() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let text = b.text("groups/jnim/");
    for want in [
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "GSIM, Support Group for Islam and Muslims",
        "al-Qaeda",
        "2017",
        "JNIM is al-Qaeda’s Sahel branch.",
    ] {
        assert!(text.contains(want), "{want:?} not in {text}");
    }
    // Côte d'Ivoire has no page (no briefing there): named, not linked.
    assert!(text.contains("Côte d'Ivoire"));
    assert!(!b.attrs("groups/jnim/", "a", "href").iter().any(|h| h.contains("cote")));
}
