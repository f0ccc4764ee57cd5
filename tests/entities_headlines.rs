//! Headline-style (all-caps) names and title-case words from issue 16's list, in stories written
//! for this test: a headline name reads as the story's body reads it, a firm's name stays whole in
//! capitals, and words that only look like names in title case are no names.
mod common;
use common::entities;
use dateline::*;

#[test]
fn headline_surnames_are_the_people_the_body_names() {
    let text = "MARLOWE SEES SLOWER FARM EXPORTS\n\nWASHINGTON, March 3 - Agriculture Secretary Ralph \
                Marlowe said on Tuesday that farm exports would grow more slowly this year. Marlowe told \
                reporters that grain prices had fallen.\n";
    let got = entities(text);
    assert!(got.contains(&("MARLOWE".to_string(), Label::Person)), "{got:?}");
    let text = "OSTERGAARD TO LEAD VENDEX BOARD\n\nAMSTERDAM, May 12 - Vendex International NV said \
                Henrik Ostergaard would become chairman of its board. Ostergaard joined the retailer in 1979.\n";
    let got = entities(text);
    assert!(got.contains(&("OSTERGAARD".to_string(), Label::Person)), "{got:?}");
}

#[test]
fn all_caps_company_names_stay_whole() {
    let text = "HARTLEY TOOL AND DIE CORP TO HIRE 40 WORKERS\n\nCLEVELAND, June 2 - Hartley Tool and Die \
                Corp said it would hire 40 workers at its plant.\n";
    let got = entities(text);
    assert!(got.contains(&("HARTLEY TOOL AND DIE CORP".to_string(), Label::Org)), "{got:?}");
    assert!(!got.iter().any(|(_, l)| *l == Label::Person), "{got:?}");
}

#[test]
fn title_case_words_that_are_no_names() {
    let got = entities("Shoppers in Belgium still pay with Eurocheques and cash.");
    assert!(!got.iter().any(|(t, l)| t == "Eurocheques" && *l == Label::Person), "{got:?}");
    let got = entities("Kellogg said its quarterly sales rose 5 percent.");
    assert!(!got.iter().any(|(t, l)| t == "Kellogg" && matches!(l, Label::Gpe | Label::Loc)), "{got:?}");
}
