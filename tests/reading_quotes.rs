//! Quotes on invented wire copy: marks, names that are not quotes, multi-paragraph quotes, speakers,
//! sources and verbs.
mod reading_util;
use dateline::*;
use reading_util::read;

fn quote<'a>(art: &'a Article, starts_with: &str) -> &'a Quote {
    art.quotes
        .iter()
        .find(|q| art.slice(q.span).starts_with(starts_with))
        .unwrap_or_else(|| panic!("no quote starting {starts_with:?} in {:?}", texts(art)))
}

fn texts(art: &Article) -> Vec<&str> {
    art.quotes.iter().map(|q| art.slice(q.span)).collect()
}

const ENTS: &[(&str, &str)] = &[
    ("Maria Lopez", "PERSON"),
    ("Lopez", "PERSON"),
    ("John Park", "PERSON"),
    ("Park", "PERSON"),
    ("Associated Press", "ORG"),
    ("Daily Planet", "ORG"),
    ("Harbor Festival", "EVENT"),
    ("Senate", "ORG"),
    ("Port Authority", "ORG"),
];

#[test]
fn full_quote_with_trailing_attribution_and_inversion() {
    let art =
        read("\"We will rebuild the pier,\" Lopez said. \"It will take a year,\" said John Park, the engineer.", ENTS);
    let q = quote(&art, "We will rebuild");
    assert_eq!(art.slice(q.span), "We will rebuild the pier", "marks and the closing comma are left out");
    assert_eq!(q.speaker.as_deref(), Some("Lopez"));
    assert_eq!(q.verb.as_deref(), Some("said"));
    let q = quote(&art, "It will take");
    assert_eq!(q.speaker.as_deref(), Some("John Park"));
}

#[test]
fn partial_quotes_coordinated_verbs_and_nearest_verb() {
    let art = read(
        "Maria Lopez said the plan reflects Park's \"deep commitment to the harbor\" and vowed to protect the \
         \"working families of the coast.\"",
        ENTS,
    );
    let q = quote(&art, "deep commitment");
    assert_eq!((q.speaker.as_deref(), q.verb.as_deref()), (Some("Maria Lopez"), Some("said")));
    // "vowed" follows "and": its subject is Lopez, not the nearer "Park's".
    let q = quote(&art, "working families");
    assert_eq!((q.speaker.as_deref(), q.verb.as_deref()), (Some("Maria Lopez"), Some("vowed")));
}

#[test]
fn pronoun_speaker_is_the_last_person_named() {
    let art = read("John Park toured the site on Monday. \"The damage is worse than we thought,\" he said.", ENTS);
    assert_eq!(quote(&art, "The damage").speaker.as_deref(), Some("John Park"));
}

#[test]
fn medium_is_a_source_not_a_speaker() {
    let art = read(
        "According to the Associated Press, Lopez expressed her views on \"the future of the port\" at a dinner. \
         The Daily Planet said officials \"reached an agreement.\" It added that the deal was \"final and binding.\"",
        ENTS,
    );
    let q = quote(&art, "the future of the port");
    assert_eq!(q.speaker.as_deref(), Some("Lopez"));
    assert_eq!(q.source.as_deref(), Some("Associated Press"));
    assert_eq!(q.verb.as_deref(), Some("expressed her views on"));
    let q = quote(&art, "reached an agreement");
    assert_eq!((q.speaker.as_deref(), q.source.as_deref()), (None, Some("Daily Planet")));
    // "It added": the medium cited last.
    let q = quote(&art, "final and binding");
    assert_eq!((q.speaker.as_deref(), q.source.as_deref()), (None, Some("Daily Planet")));
}

#[test]
fn unattributed_quote_takes_source_from_its_paragraph() {
    let art = read(
        "The two met in a \"warm and candid atmosphere.\" The Daily Planet said both sides were pleased.\n\n\
         Lopez left early.",
        ENTS,
    );
    let q = quote(&art, "warm and candid");
    assert_eq!((q.speaker.as_deref(), q.source.as_deref()), (None, Some("Daily Planet")));
    // A sentence with no attribution in another paragraph gets none.
    let art = read("Lopez left early.\n\nThe two met in a \"warm and candid atmosphere.\"", ENTS);
    let q = quote(&art, "warm and candid");
    assert_eq!((q.speaker.as_deref(), q.source.as_deref()), (None, None));
}

#[test]
fn names_in_quote_marks_are_not_quotes() {
    let art = read("Park opened the \"Harbor Festival\" and the \"Blue Wave 2024\" show, calling it \"a gift.\"", ENTS);
    let t = texts(&art);
    assert!(!t.contains(&"Harbor Festival"), "{t:?}");
    assert!(!t.contains(&"Blue Wave 2024"), "{t:?}");
    assert!(t.contains(&"a gift."), "{t:?}");
}

#[test]
fn quote_over_several_paragraphs() {
    let text = "\"The storm took everything,\" Lopez said. \"We lost the boats and the nets.\n\n\
                \"But we will be back next season.\"\n\n\
                Park declined to comment.";
    let art = read(text, ENTS);
    let q = quote(&art, "We lost the boats");
    let s = art.slice(q.span);
    assert!(s.ends_with("next season."), "{s:?}");
    assert_eq!(q.speaker.as_deref(), Some("Lopez"), "the paragraph's previous quote is Lopez's");
    assert_eq!(art.quotes.len(), 2, "{:?}", texts(&art));
}

#[test]
fn unclosed_quote_without_continuation_is_dropped() {
    let art = read("Lopez said \"we will see.\n\nPark left.", ENTS);
    assert!(art.quotes.is_empty(), "{:?}", texts(&art));
}

#[test]
fn curly_and_ptb_marks() {
    let art = read("“Nobody expected this,” Park said. Lopez said ``it is over.''", ENTS);
    assert_eq!(quote(&art, "Nobody").speaker.as_deref(), Some("Park"));
    assert_eq!(quote(&art, "it is over").speaker.as_deref(), Some("Lopez"));
}

#[test]
fn no_speaker_invented() {
    // Nobody is named as saying it: speaker stays None.
    let art = read("Officials said the pier was \"beyond repair.\"", ENTS);
    let q = quote(&art, "beyond repair");
    assert_eq!(q.speaker, None);
    assert_eq!(q.verb.as_deref(), Some("said"));
}
