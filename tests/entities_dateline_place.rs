//! The dateline's place is a place whatever the tagger reads into capital letters (issue 16).
//! Stories written for this test.
use dateline::*;

fn places(text: &str) -> Vec<(String, Label)> {
    let art = dateline::parse(text, &Default::default()).expect("parses");
    let end = art.dateline.as_ref().expect("a dateline").span.end;
    art.entities.iter().filter(|e| e.span.end <= end).map(|e| (art.slice(e.span).to_string(), e.label)).collect()
}

#[test]
fn all_caps_dateline_places_are_places() {
    let got = places("SAO PAULO, March 3 (Reuters) - Brazil's central bank raised rates, officials said.");
    assert!(got.contains(&("SAO PAULO".to_string(), Label::Gpe)), "{got:?}");
    assert!(!got.iter().any(|(_, l)| *l == Label::Person), "{got:?}");
    let got = places("DAR ES SALAAM, Tanzania (AP) - Police said on Friday that 12 people died.");
    assert_eq!(got[..2], [("DAR ES SALAAM".to_string(), Label::Gpe), ("Tanzania".to_string(), Label::Gpe)]);
}
