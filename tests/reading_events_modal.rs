//! Verbs' base forms after a modal, "to" or "do" (issue 15, eventsbbc): "will back X", "is to tell MPs",
//! "would not defend Y", "to support Z", read as the other forms of the verb are, with their mood; the
//! same words elsewhere ("back to", "came back", "his support") are no such verb. Invented sentences.
mod reading_util;
use reading_util::{event, read, triples};

const ENTS: &[(&str, &str)] = &[
    ("Alan Pike", "PERSON"),
    ("Pike", "PERSON"),
    ("Jane Hollis", "PERSON"),
    ("Hollis", "PERSON"),
    ("Norland", "GPE"),
    ("Sudria", "GPE"),
    ("Kestrel Corp", "ORG"),
];

#[test]
fn a_base_form_after_a_modal_or_to_is_the_verb_with_its_mood() {
    let art = read(
        "Alan Pike will back Jane Hollis in the vote. Norland would not defend Sudria. \
         Kestrel Corp is expected to tell Hollis about the plan. Sudria should support Norland.",
        ENTS,
    );
    let e = event(&art, "Alan Pike", "Jane Hollis").expect("will back");
    assert_eq!((e.code, e.mood), ("051", "planned"), "{:?}", triples(&art));
    let e = event(&art, "Norland", "Sudria").expect("would not defend");
    assert_eq!((e.code, e.mood), ("051", "negated"), "{:?}", triples(&art));
    let e = event(&art, "Kestrel Corp", "Jane Hollis").expect("to tell");
    assert_eq!(e.code, "010", "{:?}", triples(&art));
    let e = event(&art, "Sudria", "Norland").expect("should support");
    assert_eq!((e.code, e.mood), ("051", "hypothetical"), "{:?}", triples(&art));
    assert_eq!(art.events.len(), 4, "{:?}", triples(&art));
}

#[test]
fn the_same_words_elsewhere_are_no_verb() {
    let art = read(
        "Alan Pike came back Jane Hollis said. Norland's support Sudria noted. \
         Pike went back to Norland. Hollis will back pay claims. Sudria did welcome Norland.",
        ENTS,
    );
    // "came back", "back to", a noun "support" after a possessive: no verb; "back pay claims" names no actor;
    // "welcome" is not read as backing (welcoming voters or guests is no endorsement).
    assert!(art.events.iter().all(|e| e.predicate != "back"), "{:?}", triples(&art));
}
