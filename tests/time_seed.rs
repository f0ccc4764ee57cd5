//! The seed story's dates (`../shared/gold/seed-expectations.json`, key "dates"): each text is found
//! as a DATE or TIME entity with the value given; and the number rules do not fire on its names.
mod common;
use std::path::PathBuf;

use dateline::*;

fn shared() -> Option<PathBuf> {
    common::shared_path("gold/seed-expectations.json")
        .map(|gold| gold.parent().and_then(|g| g.parent()).expect("gold/ has a parent").to_path_buf())
}

fn seed_article(dir: &std::path::Path) -> (Article, serde_json::Value) {
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold").join("seed-expectations.json")).unwrap())
            .unwrap();
    let file = gold["file"].as_str().unwrap_or("seed/yonhap-2023-07-27-kim-delegations.txt");
    let text = std::fs::read_to_string(dir.join(file)).expect("seed story");
    let date = gold["article"]["date"].as_str().map(str::to_string);
    let art = dateline::parse(&text, &ParseOptions { date, source: None }).expect("parse seed");
    (art, gold)
}

#[test]
fn seed_dates_have_their_values() {
    let Some(dir) = shared() else { return };
    let (art, gold) = seed_article(&dir);
    let times: Vec<(&str, Option<&str>)> = art
        .entities
        .iter()
        .filter(|e| matches!(e.label, Label::Date | Label::Time))
        .map(|e| (art.slice(e.span), e.value.as_deref()))
        .collect();
    for item in gold["dates"].as_array().expect("dates list") {
        let text = item["text"].as_str().unwrap();
        let value = item["value"].as_str().unwrap();
        assert!(
            times.iter().any(|&(t, v)| t == text && v == Some(value)),
            "{text:?} = {value} not among the DATE/TIME entities {times:?}"
        );
    }
}

#[test]
fn seed_names_with_numbers_are_not_numbers() {
    let Some(dir) = shared() else { return };
    let (art, _) = seed_article(&dir);
    for e in &art.entities {
        let t = art.slice(e.span);
        if matches!(e.label, Label::Date | Label::Time | Label::Cardinal | Label::Ordinal | Label::Quantity) {
            for bad in ["18", "19", "2023\"", "Exhibition"] {
                assert!(!(t == bad || t.ends_with(&format!("-{bad}"))), "{t:?} labelled {:?}", e.label);
            }
        }
    }
    let rules = dateline::eval::stages::find_rules_in_text(&art.text);
    for (span, label) in rules {
        let t = &art.text[span.start..span.end];
        let before = &art.text[..span.start];
        assert!(
            !(before.ends_with("Hwasong-") || before.ends_with("COVID-") || before.ends_with("Exhibition-")),
            "{t:?} ({label:?}) is part of a name"
        );
    }
}

#[test]
#[ignore]
fn print_seed_rule_entities() {
    let Some(dir) = shared() else { return };
    let (art, _) = seed_article(&dir);
    for e in &art.entities {
        if e.label.conll().is_none() {
            println!("{:?} {:?} {:?}", art.slice(e.span), e.label, e.value);
        }
    }
}
