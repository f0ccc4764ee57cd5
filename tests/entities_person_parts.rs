//! Personal names the tagger cuts in two come out whole (issue 16, item 3): romanised Korean
//! given names written with a hyphen, a first name before a surname that opens with a particle,
//! quoted nicknames and regnal numbers; and place modifiers ("VIENNA-BASED") in all-caps text.
//! Sentences written for this test.
mod common;
use common::assert_has;
use dateline::*;

#[test]
fn hyphenated_korean_given_names_stay_with_the_surname() {
    let text = "Defence officials said Park Sung-hoon and Kang Young-hoon met in Seoul on Tuesday.";
    assert_has(text, "Park Sung-hoon", Label::Person);
    assert_has(text, "Kang Young-hoon", Label::Person);
}

#[test]
fn a_first_name_before_a_particle_surname_is_the_same_person() {
    let text = "Coach Joaquin del Olmo said the side would play on Sunday, and Lex van Drooge agreed.";
    assert_has(text, "Joaquin del Olmo", Label::Person);
    assert_has(text, "Lex van Drooge", Label::Person);
}

#[test]
fn quoted_nicknames_and_regnal_numbers_are_inside_the_name() {
    let text = "Boxing great Roberto \" Iron Fist \" Alvarez met King Harald I of the north.";
    assert_has(text, "Roberto \" Iron Fist \" Alvarez", Label::Person);
    assert_has(text, "Harald I", Label::Person);
}

#[test]
fn place_modifiers_in_an_all_caps_story_are_names() {
    let text = "OIL FIRMS SAID THE VIENNA-BASED GROUP AND A MOSCOW-BACKED FIRM WOULD MEET.";
    assert_has(text, "VIENNA-BASED", Label::Misc);
    assert_has(text, "MOSCOW-BACKED", Label::Misc);
}
