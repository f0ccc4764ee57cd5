//! The owner of a stance as the object of a verb that judges (issue 15, eventsbbc3), as PETRARCH
//! codes it: "criticised the government's plans" is about the government, "backed controversial
//! Labour plans" about Labour, "praised his handling of ..." about the person "his" stands for, and
//! "X's claims were rejected by Y" is Y rejecting X. Invented sentences, each shape with one that
//! must keep the old reading.
mod reading_util;
use dateline::*;
use reading_util::{event, read, triples};

const ENTS: &[(&str, &str)] = &[
    ("Labour", "ORG"),
    ("Tories", "MISC"),
    ("Jane Hollis", "PERSON"),
    ("Hollis", "PERSON"),
    ("Tom Berrow", "PERSON"),
    ("Berrow", "PERSON"),
    ("EU", "ORG"),
];

/// British political copy: parties named, no dateline.
const UK: &str = "Labour and the Tories met in the Commons. ";

fn story(s: &str) -> Article {
    read(&format!("{UK}{s}"), ENTS)
}

#[test]
fn the_government_s_plans_are_the_government_s() {
    let art = story("Jane Hollis criticised the government's plans for the railways.");
    let e = event(&art, "Jane Hollis", "United Kingdom").unwrap_or_else(|| panic!("{:?}", triples(&art)));
    assert_eq!((e.code, e.object_country), ("111", Some("GB")));
}

#[test]
fn the_government_s_envoy_is_no_object() {
    // Only a stance or record names its owner: meeting the government's envoy is not meeting the state,
    // nor is praising the government's chef.
    let art = story("Jane Hollis met the government's envoy. Tom Berrow praised the government's chef.");
    assert!(art.events.is_empty(), "{:?}", triples(&art));
}

#[test]
fn plans_of_a_name_are_the_name_s() {
    let art = story("Jane Hollis attacked the plans of Tom Berrow.");
    assert!(event(&art, "Jane Hollis", "Tom Berrow").is_some(), "{:?}", triples(&art));
}

#[test]
fn a_party_s_plans_past_an_adjective() {
    let art = story("The Tories are to back controversial Labour plans to introduce ID cards.");
    let e = event(&art, "Tories", "Labour").unwrap_or_else(|| panic!("{:?}", triples(&art)));
    assert_eq!((e.code, e.mood), ("051", "planned"));
}

#[test]
fn government_plans_in_british_copy() {
    let art = story("The Tories are to back controversial government plans to introduce ID cards.");
    let e = event(&art, "Tories", "United Kingdom").unwrap_or_else(|| panic!("{:?}", triples(&art)));
    assert_eq!(e.object_country, Some("GB"));
}

#[test]
fn a_name_inside_a_compound_is_not_the_owner() {
    // "new EU budget proposals" are someone's proposals about the EU's budget: no event on the EU.
    let art = story("Jane Hollis slammed new EU budget proposals.");
    assert!(event(&art, "Jane Hollis", "EU").is_none(), "{:?}", triples(&art));
}

#[test]
fn his_handling_is_about_the_man_named_before() {
    let art = story("Labour said Tom Berrow had done well and Jane Hollis praised his handling of the economy.");
    let e = event(&art, "Jane Hollis", "Tom Berrow").unwrap_or_else(|| panic!("{:?}", triples(&art)));
    assert_eq!(e.code, "051");
}

#[test]
fn his_wife_is_no_stance() {
    let art = story("Labour said Tom Berrow had done well and Jane Hollis praised his wife.");
    assert!(event(&art, "Jane Hollis", "Tom Berrow").is_none(), "{:?}", triples(&art));
}

#[test]
fn claims_rejected_in_the_passive() {
    let art = story("Mr Berrow's claims were rejected by Jane Hollis.");
    let e = event(&art, "Jane Hollis", "Berrow").unwrap_or_else(|| panic!("{:?}", triples(&art)));
    assert_eq!(e.code, "120");
}

#[test]
fn a_rejection_in_the_passive_needs_a_stance() {
    // "X's offer to Y was rejected by Y": the name before "was" is the offer's addressee, not the one
    // rejected; only a stance noun before the verb is read.
    let art = story("Jane Hollis's offer to Tom Berrow was rejected by Berrow.");
    assert!(event(&art, "Berrow", "Tom Berrow").is_none(), "{:?}", triples(&art));
    assert!(event(&art, "Tom Berrow", "Tom Berrow").is_none(), "{:?}", triples(&art));
}

#[test]
fn support_announced_for_government_plans() {
    // "announced their support for X": a stance made known backs X; an announced sale stays a sale.
    let art = story("The Tories announced their support for the government plans on Monday.");
    let e = event(&art, "Tories", "United Kingdom").unwrap_or_else(|| panic!("{:?}", triples(&art)));
    assert_eq!(e.code, "051");
    let art = story("The Tories announced their plans for Jane Hollis.");
    assert!(art.events.is_empty(), "{:?}", triples(&art));
}
