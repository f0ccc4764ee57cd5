//! The entity cases issue 16 lists, each in a sentence written for this test: companies with
//! initials and family names, institutions with names of their own, names from the seed's world,
//! places with particles, buildings, and common nouns in title case.
mod common;
use common::{assert_has, entities};
use dateline::*;

#[test]
fn companies_come_out_whole_as_organisations() {
    assert_has("H.J. Heinz Co said quarterly profit rose 12 percent.", "H.J. Heinz Co", Label::Org);
    assert_has("Ralston Purina Co agreed to sell its pet food unit.", "Ralston Purina Co", Label::Org);
    assert_has("The law firm Coudert Brothers advised the buyers.", "Coudert Brothers", Label::Org);
    assert_has("Kellogg Co raised the price of its cereals.", "Kellogg Co", Label::Org);
    assert_has("Norvale Semiconductor said it would cut 200 jobs.", "Norvale Semiconductor", Label::Org);
    assert_has("The Bank of England left its key rate unchanged.", "Bank of England", Label::Org);
    assert_has("BANK OF JAPAN CUTS DISCOUNT RATE", "BANK OF JAPAN", Label::Org);
}

#[test]
fn institutions_with_names_of_their_own_are_organisations() {
    assert_has("The BoE left its key rate unchanged on Thursday.", "BoE", Label::Org);
    assert_has("The Politburo met on Monday to discuss the plan.", "Politburo", Label::Org);
    assert_has("The Bundestag voted for the budget on Friday.", "Bundestag", Label::Org);
}

#[test]
fn common_nouns_are_no_names() {
    let got = entities("Banks sold the CD at a rate of 6.2 percent.");
    assert!(!got.iter().any(|(t, _)| t == "CD"), "{got:?}");
    let got = entities("Farmers prepared for Autumn Harvest festivals.");
    assert!(!got.iter().any(|(_, l)| *l == Label::Person), "{got:?}");
}

#[test]
fn names_from_the_seeds_world_are_one_entity_each() {
    let text = "President Lee Jae-myung met Kim Jong-un on Friday.";
    assert_has(text, "Lee Jae-myung", Label::Person);
    assert_has(text, "Kim Jong-un", Label::Person);
    let text = "Kenyan President Daniel arap Moi visited Dar es Salaam on Tuesday.";
    assert_has(text, "Daniel arap Moi", Label::Person);
    assert_has(text, "Dar es Salaam", Label::Gpe);
    assert_has("Police said Osama bin Laden was behind the attack.", "Osama bin Laden", Label::Person);
    assert_has("The festival drew crowds to Rio de Janeiro on Sunday.", "Rio de Janeiro", Label::Gpe);
}

#[test]
fn buildings_and_places_are_no_people() {
    let got = entities("The minister visited the Yasukuni Shrine and then walked to Chidorigafuchi.");
    assert!(got.iter().any(|(t, l)| t == "Yasukuni Shrine" && *l == Label::Fac), "{got:?}");
    assert!(!got.iter().any(|(_, l)| *l == Label::Person), "{got:?}");
}

#[test]
fn initials_before_a_surname_and_a_generic_company_tail_join_their_names() {
    // sentences written for this test; "JD" + "Vance" and "Dow" + "Chemical Co" were cut in two
    assert_has("Senator JD Vance voted against the farm bill on Thursday.", "JD Vance", Label::Person);
    assert_has(
        "BRUSSELS - Ruth Abena said Dow Chemical Co would open a plant near Ghent.",
        "Dow Chemical Co",
        Label::Org,
    );
    assert_has(
        "Elian Gonzalez told a rally in Cardenas that he would run for office.",
        "Elian Gonzalez",
        Label::Person,
    );
    // an abbreviated adjective before a country is no initial
    let got = entities("S. Korea and N. Korea held talks at the border village on Monday.");
    assert!(!got.iter().any(|(_, l)| *l == Label::Person), "{got:?}");
}

#[test]
fn an_institution_acting_on_a_bill_is_the_organisation() {
    let text = "The Senate-passed measure would raise the tax on imported oil, lawmakers said.";
    assert_has(text, "Senate", Label::Org);
    assert!(!entities(text).iter().any(|(t, _)| t.contains("passed")), "{:?}", entities(text));
}
