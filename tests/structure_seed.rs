//! The seed story: every item under "article" in `../shared/gold/seed-expectations.json`
//! holds for `../shared/seed/*.txt`.
mod common;
use dateline::{parse_structure, tokenize, ParseOptions, Section};
use serde_json::Value;
use std::path::PathBuf;

fn shared_dir() -> Option<PathBuf> {
    common::shared_path("gold/seed-expectations.json")
        .map(|gold| gold.parent().and_then(|g| g.parent()).expect("gold/ has a parent").to_path_buf())
}

fn s(v: &Value) -> &str {
    v.as_str().expect("a string in the gold file")
}

#[test]
fn seed_story_article_expectations() {
    let Some(base) = shared_dir() else { return };
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(base.join("gold/seed-expectations.json")).unwrap()).unwrap();
    let text = std::fs::read_to_string(base.join(s(&gold["file"]))).unwrap();
    let g = &gold["article"];
    let mut a = parse_structure(&text, &ParseOptions::default());

    assert_eq!(a.date.as_deref(), Some(s(&g["date"])));
    let adv: Vec<&str> = g["advisory"].as_array().unwrap().iter().map(s).collect();
    assert_eq!(a.advisory, adv);
    let names: Vec<&str> = a.bylines.iter().map(|b| b.name.as_str()).collect();
    let gold_names: Vec<&str> = g["byline"].as_array().unwrap().iter().map(s).collect();
    assert_eq!(names, gold_names);

    let d = a.dateline.as_ref().expect("a dateline");
    assert_eq!(d.place, s(&g["dateline"]["place"]));
    assert_eq!(d.date.as_deref(), Some(s(&g["dateline"]["date"])));
    assert_eq!(d.agency.as_deref(), Some(s(&g["dateline"]["agency"])));

    assert!(
        a.paragraphs[0].text.starts_with(s(&g["lead_starts_with"])),
        "lead: {:?}",
        &a.paragraphs[0].text[..80.min(a.paragraphs[0].text.len())]
    );
    assert_eq!(a.paragraphs.len() as u64, g["body_paragraphs"].as_u64().unwrap());
    // The dateline is not in the first paragraph, and every span points at the paragraph's words.
    assert!(!a.paragraphs[0].text.contains("(Yonhap)"));
    for p in &a.paragraphs {
        let folded = a.slice(p.span).split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(folded, p.text);
    }

    let gc = &g["captions"];
    assert_eq!(a.captions.len() as u64, gc["count"].as_u64().unwrap());
    for c in &a.captions {
        assert_eq!(c.credit.as_deref(), Some(s(&gc["each"]["credit"])));
        assert_eq!(c.source.as_deref(), Some(s(&gc["each"]["carried_by"])));
        assert_eq!(c.date.as_deref(), Some(s(&gc["each"]["date"])));
        assert_eq!(c.restriction.as_deref(), Some(s(&gc["each"]["restriction"])));
        assert!(c.text.starts_with("This photo"), "caption text {:?}", c.text);
    }
    let not_in_body = s(&gc["not_in_body"]);
    assert!(!a.body().contains(not_in_body));

    // Tokens and sentences cover dateline, body and captions, with spans into the original text.
    tokenize(&mut a);
    assert!(a.sentences.iter().any(|x| x.section == Section::Dateline));
    assert_eq!(a.sentences.iter().filter(|x| matches!(x.section, Section::Caption(_))).count(), 4);
    let toks: Vec<&str> = (0..a.tokens.len()).map(|i| a.token_text(i)).collect();
    for t in ["Kim", "Jong-un", "Exhibition-2023", "U.S.", "'s", "KCNA", "70th"] {
        assert!(toks.contains(&t), "token {t:?} missing");
    }
    assert!(!toks.contains(&"view"), "caption metadata was tokenized");
    assert!(a.tokens.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    println!(
        "seed: {} paragraphs, {} captions, {} sentences, {} tokens",
        a.paragraphs.len(),
        a.captions.len(),
        a.sentences.len(),
        a.tokens.len()
    );
}
