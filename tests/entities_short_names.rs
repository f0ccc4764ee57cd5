//! One-word acronyms and short company names in running news text and in all-caps headlines, in
//! stories written for this test. A model trained on more upper-cased copies (one story in three)
//! stopped reading an all-caps word inside a mixed-case sentence as a name ("ADSL"); these hold the
//! shipped model to reading them, and a headline's company as the body reads it.
mod common;
use common::entities;
use dateline::*;

fn has(got: &[(String, Label)], name: &str, label: Label) -> bool {
    got.iter().any(|(t, l)| t == name && *l == label)
}

#[test]
fn acronyms_that_open_a_sentence_are_names() {
    let got = entities("KMB said on Monday it would cut 300 jobs at its plant in Ohio.");
    assert!(has(&got, "KMB", Label::Org), "{got:?}");
    let got = entities("Analysts said QVR and TMX would both report lower profits on Thursday.");
    assert!(has(&got, "QVR", Label::Org) && has(&got, "TMX", Label::Org), "{got:?}");
}

#[test]
fn short_company_names_in_the_body() {
    let got = entities("Shares of Brelco rose 5 pct on Friday after the company said its sales grew.");
    assert!(has(&got, "Brelco", Label::Org), "{got:?}");
    let got = entities("Shares of ORVIN fell 3 pct after Orvin Corp said it would cut its dividend.");
    assert!(has(&got, "ORVIN", Label::Org) && has(&got, "Orvin Corp", Label::Org), "{got:?}");
}

#[test]
fn a_product_acronym_in_a_mixed_case_sentence_is_named() {
    let got = entities(
        "Telvora Plc said on Tuesday its MMS service had two million users and that demand for its \
         ADSL lines was rising.",
    );
    assert!(has(&got, "Telvora Plc", Label::Org) && got.iter().any(|(t, _)| t == "ADSL"), "{got:?}");
}

#[test]
fn a_headline_company_reads_as_the_body_reads_it() {
    let text = "TELVORA SEES HIGHER PROFIT\n\nLONDON, April 14 - Telvora said on Monday its profit would rise \
                this year. Shares of Telvora rose 12 pence.\n";
    let got = entities(text);
    assert!(has(&got, "TELVORA", Label::Org) && has(&got, "Telvora", Label::Org), "{got:?}");
    let text = "KMB TO BUY STAKE IN ORVIN\n\nTOKYO, June 3 - KMB said on Tuesday it would buy a 20 pct stake \
                in Orvin for 40 mln dlrs. Orvin said it welcomed the offer.\n";
    let got = entities(text);
    let kmb: Vec<Label> = got.iter().filter(|(t, _)| t == "KMB").map(|(_, l)| *l).collect();
    assert!(kmb.len() == 2 && kmb.iter().all(|l| *l == Label::Org), "{got:?}");
}

#[test]
fn a_company_short_form_of_two_words_is_the_company_in_body_and_headline() {
    // the tagger reads "Granville Shamrock" as a person's name; the story's "Granville Shamrock Corp"
    // says it is the company's
    let text = "GRANVILLE SHAMROCK NAMES NEW CHIEF\n\nDALLAS, May 2 - Granville Shamrock Corp said it named a new \
                chief executive. Granville Shamrock shares rose.\n";
    let got = entities(text);
    assert!(has(&got, "Granville Shamrock Corp", Label::Org), "{got:?}");
    assert!(has(&got, "Granville Shamrock", Label::Org) && has(&got, "GRANVILLE SHAMROCK", Label::Org), "{got:?}");
    assert!(!got.iter().any(|(_, l)| *l == Label::Person), "{got:?}");
}
