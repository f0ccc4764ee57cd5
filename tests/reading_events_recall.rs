//! Events the recall round added (issue 15, part 2), on invented sentences: each rule with a sentence
//! that must NOT yield the event.
mod reading_util;
use dateline::*;
use reading_util::{read, triples};

fn code(art: &Article, s: &str, o: &str) -> Option<&'static str> {
    art.events.iter().find(|e| e.subject == s && e.object == o).map(|e| e.code)
}

#[test]
fn told_an_audience_then_what_was_said() {
    let ents = &[("Maria Lopez", "PERSON"), ("Lopez", "PERSON"), ("Andes Mining", "ORG")];
    let art = read(
        "Maria Lopez told the annual meeting Andes Mining expected to post a profit. \
         Lopez told the meeting she expected to post a profit.",
        ents,
    );
    assert_eq!(code(&art, "Maria Lopez", "Andes Mining"), Some("010"), "{:?}", triples(&art));
    assert_eq!(art.events.len(), 1, "{:?}", triples(&art));
}

#[test]
fn an_air_strike_hits_the_place_the_sentence_names() {
    let ents = &[("Chilean", "NORP"), ("Brazil", "GPE"), ("Santiago", "GPE")];
    let art = read(
        "Two people were hurt in Brazil during a Chilean air strike. \
         A Chilean strike in Brazil closed the mines. Chilean miners went on strike in Santiago.",
        ents,
    );
    let bomb: Vec<_> = art.events.iter().filter(|e| e.code == "195").collect();
    assert_eq!(bomb.len(), 1, "{:?}", triples(&art));
    assert_eq!((bomb[0].subject.as_str(), bomb[0].object.as_str(), bomb[0].sentence), ("Chile", "Brazil", 0));
}

#[test]
fn a_ministry_named_with_its_nationality_speaks_for_its_state() {
    let ents = &[("Chilean Foreign Ministry", "ORG"), ("Brazil", "GPE"), ("Chile", "GPE")];
    let art = read(
        "The Chilean Foreign Ministry said Brazil had broken the accord. \
         The Chilean Foreign Ministry said Chile would sign the accord.",
        ents,
    );
    assert_eq!(code(&art, "Chile", "Brazil"), Some("010"), "{:?}", triples(&art));
    // The state speaking of itself is no event.
    assert_eq!(art.events.len(), 1, "{:?}", triples(&art));
}

#[test]
fn officers_named_with_a_firm_title_or_a_portfolio() {
    let ents = &[
        ("Lopez", "PERSON"),
        ("Mercosur", "ORG"),
        ("John Park", "PERSON"),
        ("Brazil", "GPE"),
        ("Ana Silva", "PERSON"),
    ];
    let art = read(
        "Lopez met Mercosur chairman John Park on Monday. Lopez met Brazil's Minister of Energy Ana Silva. \
         The accord was signed by Brazil's Minister of Energy Ana Silva and Mercosur chairman John Park.",
        ents,
    );
    assert_eq!(code(&art, "Lopez", "John Park"), Some("040"), "{:?}", triples(&art));
    assert_eq!(code(&art, "Lopez", "Ana Silva"), Some("040"), "{:?}", triples(&art));
    assert_eq!(code(&art, "Ana Silva", "John Park").map(|c| &c[..2]), Some("05"), "{:?}", triples(&art));
    // The office is not met: no event names Mercosur or Brazil.
    assert!(!triples(&art).iter().any(|t| t.2 == "Mercosur" || t.2 == "Brazil"), "{:?}", triples(&art));
}

#[test]
fn a_body_the_tagger_calls_miscellaneous_is_appealed_to() {
    let ents = &[("Silva", "PERSON"), ("Andean League", "MISC"), ("Harvest Fair", "MISC")];
    let art =
        read("Silva called on the world and the Andean League to act. Silva called on the Harvest Fair to open.", ents);
    assert_eq!(code(&art, "Silva", "Andean League"), Some("020"), "{:?}", triples(&art));
    assert_eq!(art.events.len(), 1, "{:?}", triples(&art));
}

#[test]
fn a_party_with_its_article_and_a_title_after_a_possessive_owner() {
    let ents = &[("Greens", "NORP"), ("Lopez", "PERSON"), ("Park", "PERSON")];
    let art =
        read("The Greens say Mr Lopez and his Chancellor have failed. The Greens say Park's plan came too late.", ents);
    assert_eq!(code(&art, "Greens", "Lopez"), Some("010"), "{:?}", triples(&art));
    assert_eq!(code(&art, "Greens", "Park"), Some("010"), "{:?}", triples(&art));
}

#[test]
fn a_quote_paragraph_carrying_on_its_speaker_is_a_statement() {
    let ents = &[("John Park", "PERSON"), ("Mercosur", "ORG")];
    let art = read("John Park said: \"We will win the vote.\"\n\n\"Mercosur has failed the farmers.\"\n", ents);
    assert_eq!(code(&art, "John Park", "Mercosur"), Some("010"), "{:?}", triples(&art));
}

#[test]
fn a_named_addressee_of_told_is_not_what_is_said() {
    let ents = &[("Lopez", "PERSON"), ("Daily Planet", "ORG"), ("John Park", "PERSON"), ("Mercosur", "ORG")];
    let art = read(
        "Lopez told Daily Planet editor John Park that Mercosur had failed. \
         Lopez told John Park that she would stay.",
        ents,
    );
    assert_eq!(code(&art, "Lopez", "Mercosur"), Some("010"), "{:?}", triples(&art));
    assert!(!triples(&art).iter().any(|t| t.1 == "say" && t.2 == "John Park"), "{:?}", triples(&art));
}

#[test]
fn a_host_meets_a_visiting_guest() {
    let ents = &[("Ana Ruiz", "PERSON"), ("Peruvian", "NORP"), ("Tomas Vega", "PERSON")];
    let art = read(
        "Ana Ruiz met with visiting Peruvian Foreign Minister Tomas Vega on Friday. \
         Ana Ruiz met with visiting students on Friday.",
        ents,
    );
    assert_eq!(code(&art, "Ana Ruiz", "Tomas Vega"), Some("040"), "{:?}", triples(&art));
    assert_eq!(art.events.len(), 1, "{:?}", triples(&art));
}

#[test]
fn talks_held_in_a_city_with_a_guest() {
    let ents = &[("Ana Ruiz", "PERSON"), ("Lima", "GPE"), ("Tomas Vega", "PERSON"), ("Quito", "GPE")];
    let art = read(
        "Ana Ruiz held talks in Lima with Tomas Vega on Friday. \
         Ana Ruiz held talks in Lima on Friday with the unions of Quito.",
        ents,
    );
    assert_eq!(code(&art, "Ana Ruiz", "Tomas Vega").map(|c| &c[..2]), Some("04"), "{:?}", triples(&art));
    assert_eq!(art.events.len(), 1, "{:?}", triples(&art));
}

#[test]
fn british_political_copy_has_the_government_of_britain() {
    // A story naming Britain's parties: "the government" and bare "ministers" are Britain's.
    let ents = &[("Tory", "MISC"), ("Jane Hollis", "PERSON"), ("Lib Dems", "ORG")];
    let art = read(
        "Tory MP Jane Hollis accused ministers of wasting money. \
         Jane Hollis urged the government to act. The Lib Dems agreed.",
        ents,
    );
    assert_eq!(code(&art, "Jane Hollis", "United Kingdom"), Some("112"), "{:?}", triples(&art));
    assert_eq!(art.events.iter().filter(|e| e.object_country == Some("GB")).count(), 2, "{:?}", triples(&art));
    // No British body named: whose ministers they are is not known.
    let art = read("Jane Hollis accused ministers of wasting money. Jane Hollis urged the government to act.", ents);
    assert!(art.events.is_empty(), "{:?}", triples(&art));
}

#[test]
fn a_party_officer_named_by_the_title_and_a_member_on_the_own_party() {
    let ents = &[("Lib Dem", "ORG"), ("Lib Dems", "ORG"), ("Tom Fenwick", "PERSON"), ("Tories", "MISC")];
    let art = read(
        "Lib Dem leader Tom Fenwick spoke on Monday. The Lib Dem leader said the Tories had failed. \
         Tom Fenwick said the Lib Dems would win.",
        ents,
    );
    // The leader the story introduces speaks; of his own party he makes no statement about another.
    assert_eq!(code(&art, "Tom Fenwick", "Tories"), Some("010"), "{:?}", triples(&art));
    assert_eq!(art.events.len(), 1, "{:?}", triples(&art));
    // A party the tagger reads as a miscellaneous name is a statement's target.
    let art = read("The Lib Dems say the Tories have failed.", ents);
    assert_eq!(code(&art, "Lib Dems", "Tories"), Some("010"), "{:?}", triples(&art));
}

#[test]
fn an_officer_on_the_own_company_is_no_statement() {
    let ents = &[("Acme Corp", "ORG"), ("Tom Reed", "PERSON"), ("Reed", "PERSON"), ("Globex", "ORG")];
    let art = read(
        "Acme Corp chairman Tom Reed spoke on Monday. Reed said Acme Corp would expand. \
         Reed said Globex had failed.",
        ents,
    );
    assert_eq!(art.events.len(), 1, "{:?}", triples(&art));
    assert_eq!(art.events[0].object, "Globex", "{:?}", triples(&art));
}

#[test]
fn visits_from_light_verbs_trips_and_places_in_a_state() {
    let ents = &[("Ana Ruiz", "PERSON"), ("Chile", "GPE"), ("Peru", "GPE"), ("Bolivia", "GPE")];
    let art = read(
        "Ana Ruiz paid a visit to Chile on Monday. Ana Ruiz's trip to Peru ended early. \
         Ana Ruiz visited Bolivia's largest port. Ana Ruiz paid tribute to Chile.",
        ents,
    );
    let visits: Vec<_> = art.events.iter().filter(|e| e.code == "042").map(|e| e.object.as_str()).collect();
    assert_eq!(visits, ["Chile", "Peru", "Bolivia"], "{:?}", triples(&art));
    assert_eq!(art.events.len(), 3, "{:?}", triples(&art));
}

#[test]
fn a_possessive_head_that_may_be_a_verb() {
    let ents = &[("Greens", "NORP"), ("Mercosur", "ORG")];
    // "plans" after the possessive is the head noun, not the predicate.
    let art = read("The Greens say Mercosur's plans would fail.", ents);
    assert_eq!(code(&art, "Greens", "Mercosur"), Some("010"), "{:?}", triples(&art));
    // No predicate after the head: nothing is said of Mercosur.
    let art = read("The Greens say Mercosur's plans.", ents);
    assert!(art.events.is_empty(), "{:?}", triples(&art));
}

#[test]
fn a_name_that_is_also_a_modal_is_the_speaker() {
    // "May" after "Theresa" ends her name; it is no "may" between a subject and its verb.
    let ents = &[("Theresa May", "PERSON"), ("Labour", "ORG")];
    let art = read("Theresa May said Labour had failed voters on the railways.", ents);
    assert_eq!(code(&art, "Theresa May", "Labour"), Some("010"), "{:?}", triples(&art));
    assert_eq!(art.events.len(), 1, "{:?}", triples(&art));
    // The modal in lower case still stands between the subject and its verb: no statement by "may".
    let art = read("Theresa May may say Labour had failed voters.", ents);
    assert!(art.events.iter().all(|e| e.subject == "Theresa May"), "{:?}", triples(&art));
}
