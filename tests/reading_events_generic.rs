//! Generic actors (issue 15, events13): roles named without a name ("MPs", "campaigners", "the
//! committee"), coded by country and role as GDELT codes them, on invented sentences; each shape with
//! sentences that must NOT yield an event.
mod reading_util;
use reading_util::{event, read, triples};

/// A story naming Britain's parties: British political copy, whose roles are Britain's.
const ENTS: &[(&str, &str)] = &[
    ("Tories", "MISC"),
    ("Lib Dems", "ORG"),
    ("Labour", "ORG"),
    ("Alan Pike", "PERSON"),
    ("Pike", "PERSON"),
    ("Jane Hollis", "PERSON"),
];

#[test]
fn a_role_as_the_object_of_a_statement_made_to_it() {
    let art = read(
        "The Tories and the Lib Dems met. Alan Pike told MPs the plan would work. \
         Jane Hollis told reporters the plan would fail. Pike later told the committee he was sorry.",
        ENTS,
    );
    let e = event(&art, "Alan Pike", "MPs").expect("told MPs");
    assert_eq!((e.code, e.object_country, e.subject_country), ("010", Some("GB"), None));
    assert!(event(&art, "Alan Pike", "committee").is_some(), "{:?}", triples(&art));
    // Reporters are an audience, not an actor.
    assert!(art.events.iter().all(|e| e.subject != "Jane Hollis"), "{:?}", triples(&art));
}

#[test]
fn a_role_as_the_subject_of_an_act() {
    let art = read(
        "The Tories and the Lib Dems met. Senior backbenchers criticised Alan Pike over the plan. \
         Campaigners urged Jane Hollis to think again. Unions accused Labour of betrayal.",
        ENTS,
    );
    let e = event(&art, "Senior backbenchers", "Alan Pike").expect("criticised");
    assert_eq!((e.code, e.subject_country), ("111", Some("GB")));
    assert_eq!(event(&art, "Campaigners", "Jane Hollis").map(|e| e.code), Some("020"), "{:?}", triples(&art));
    assert_eq!(event(&art, "Unions", "Labour").map(|e| e.code), Some("112"), "{:?}", triples(&art));
}

#[test]
fn no_role_where_the_words_name_none() {
    let art = read(
        "The Tories and the Lib Dems met. Labour MPs criticised Alan Pike. Critics accused Jane Hollis of lying. \
         Officials urged Pike to resign. Pike criticised MPs' pay. A committee of MPs criticised Jane Hollis.",
        ENTS,
    );
    // "Labour MPs" stand for the party, as before; critics and officials are unnamed sources; "MPs' pay"
    // is about something of theirs; "a committee of MPs" names no subject right before the verb.
    assert!(event(&art, "Labour", "Alan Pike").is_some(), "{:?}", triples(&art));
    assert_eq!(art.events.len(), 1, "{:?}", triples(&art));
}

#[test]
fn a_role_has_no_state_where_the_story_names_none() {
    // No dateline and no British body: whose MPs they are is not known, and the event keeps no country.
    let art = read("Alan Pike told MPs the plan would work.", ENTS);
    let e = event(&art, "Alan Pike", "MPs").expect("told MPs");
    assert_eq!(e.object_country, None);
}

#[test]
fn a_role_speaks_of_a_named_actor_but_what_is_said_of_a_role_is_none() {
    let ents = &[("Tories", "MISC"), ("Lib Dems", "ORG"), ("Audit Office", "ORG"), ("Alan Pike", "PERSON")];
    let art = read(
        "The Tories and the Lib Dems met. The committee said the Audit Office should investigate. \
         Alan Pike said the committee had failed. Officials said the Audit Office had erred.",
        ents,
    );
    assert_eq!(event(&art, "committee", "Audit Office").map(|e| e.code), Some("010"), "{:?}", triples(&art));
    assert_eq!(art.events.len(), 1, "{:?}", triples(&art));
}
