//! A title read as its holder (issue 15, eventsbbc): "the chancellor said ..." and "accused the
//! chancellor" name the one person the story writes with that title beside the name ("Chancellor Jane
//! Hollis", "Jane Hollis, the chancellor,"), not one who holds it no longer or only in the opposition
//! ("former chancellor", "shadow chancellor"). Invented sentences.
mod reading_util;
use reading_util::{event, read, triples};

const ENTS: &[(&str, &str)] = &[
    ("Alan Pike", "PERSON"),
    ("Pike", "PERSON"),
    ("Jane Hollis", "PERSON"),
    ("Hollis", "PERSON"),
    ("Kestrel Corp", "ORG"),
];

#[test]
fn the_title_beside_the_name_is_held() {
    let art = read(
        "Chancellor Jane Hollis spoke on Monday. Shadow chancellor Alan Pike spoke too. \
         The chancellor said Kestrel Corp had failed. Pike accused the chancellor of lying.",
        ENTS,
    );
    let e = event(&art, "Jane Hollis", "Kestrel Corp").expect("the chancellor said");
    assert_eq!(e.code, "010", "{:?}", triples(&art));
    let e = event(&art, "Alan Pike", "Jane Hollis").expect("accused the chancellor");
    assert_eq!(e.code, "112", "{:?}", triples(&art));
}

#[test]
fn a_former_or_shadow_title_is_no_holder() {
    let art = read(
        "Former chancellor Jane Hollis spoke on Monday. The chancellor said Kestrel Corp had failed. \
         Alan Pike accused the chancellor of lying.",
        ENTS,
    );
    assert!(art.events.is_empty(), "{:?}", triples(&art));
    let art = read("Shadow chancellor Jane Hollis spoke. Alan Pike accused the chancellor of lying.", ENTS);
    assert!(art.events.is_empty(), "{:?}", triples(&art));
}

#[test]
fn a_title_after_the_name_only_as_a_closed_apposition() {
    let art = read("Jane Hollis, the chancellor, spoke. Alan Pike accused the chancellor of lying.", ENTS);
    assert!(event(&art, "Alan Pike", "Jane Hollis").is_some(), "{:?}", triples(&art));
    // The title opens the next clause's subject: no title of Hollis's.
    let art = read(
        "Echoing Jane Hollis, the chancellor said taxes would rise. Alan Pike accused the chancellor of lying.",
        ENTS,
    );
    assert!(event(&art, "Alan Pike", "Jane Hollis").is_none(), "{:?}", triples(&art));
}
