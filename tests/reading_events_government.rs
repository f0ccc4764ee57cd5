//! "The government" in undated (home service) copy about a war abroad (issue 15, eventsgov): the
//! state named most, but only by its name, is a subject of the story, not its home; and "has since
//! criticised" reads past "since". Invented sentences, each shape with one that must keep the old reading.
mod reading_util;
use dateline::*;
use reading_util::{read, triples};

fn event<'a>(art: &'a Article, s: &str) -> Option<&'a Event> {
    art.events.iter().find(|e| e.subject == s)
}

const ENTS: &[(&str, &str)] = &[
    ("Iraq", "GPE"),
    ("Tories", "MISC"),
    ("Labour", "ORG"),
    ("England", "LOC"),
    ("Wales", "LOC"),
    ("Baghdad", "GPE"),
    ("Iraqi", "NORP"),
    ("Jane Hollis", "PERSON"),
];

#[test]
fn british_political_copy_about_a_war_abroad_has_britain_s_government() {
    let art = read(
        "The war in Iraq divided the Tories. Troops stayed in Iraq. Labour defended the war in Iraq. \
         Jane Hollis has since criticised the government over the war.",
        ENTS,
    );
    let e = event(&art, "Jane Hollis").unwrap_or_else(|| panic!("{:?}", triples(&art)));
    assert_eq!((e.object.as_str(), e.code, e.object_country), ("United Kingdom", "111", Some("GB")));
}

#[test]
fn britain_named_by_its_nations_is_home_beside_a_war_named_by_the_state_alone() {
    let art = read(
        "Church leaders in England and Wales spoke of the war in Iraq. Aid went to Iraq. \
         Jane Hollis has repeatedly attacked the government over Iraq.",
        ENTS,
    );
    let e = event(&art, "Jane Hollis").unwrap_or_else(|| panic!("{:?}", triples(&art)));
    assert_eq!((e.object.as_str(), e.object_country), ("United Kingdom", Some("GB")));
}

#[test]
fn a_state_named_by_its_city_and_people_keeps_its_government() {
    // Baghdad and Iraqi name Iraq as the story's home: its government is Iraq's, as before.
    let art = read(
        "Iraqi leaders met in Baghdad. Talks went on in Iraq. Jane Hollis has since criticised the government.",
        ENTS,
    );
    let e = event(&art, "Jane Hollis").unwrap_or_else(|| panic!("{:?}", triples(&art)));
    assert_eq!(e.object_country, Some("IQ"));
}

#[test]
fn since_as_a_preposition_gives_no_subject() {
    // "since" before a name is a preposition: the verb's subject is that name, not the one before "has".
    let art = read("Jane Hollis has waited since Labour criticised the government in Iraq.", ENTS);
    assert!(event(&art, "Jane Hollis").is_none(), "{:?}", triples(&art));
}
