//! NYT News Service / LDC Gigaword wire format: slug, advisories, typesetting codes ("&HT;"), the
//! "_" dateline, "By NAME / c.YEAR Agency" bylines and credits, trailers and editors' notes. The
//! stories are written for these tests (the bundled sample story among them), not taken from a corpus.
use dateline::corpus::reuters;
use dateline::{parse_structure, tokenize, CreditRole, ParseOptions, Section};
mod common;

const SAMPLE: &str = include_str!("../python/dateline/data/sample/18-nyt-wire-citrus.txt");

fn parse(t: &str) -> dateline::Article {
    let mut a = parse_structure(t, &ParseOptions { date: Some("2000-02-26".into()), source: None });
    tokenize(&mut a);
    a
}

#[test]
fn sample_story_parts() {
    let a = parse(SAMPLE);
    assert_eq!(a.slug.as_deref(), Some("BC-CITRUS-FREEZE-$ADV26-COX"));
    assert_eq!(a.advisory, ["For Use Sat., Feb. 26 And Thereafter."]);
    assert_eq!(a.headline_text(), Some("GROWERS COUNT THEIR LOSSES AFTER A LATE FREEZE"));
    let names: Vec<&str> = a.bylines.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["Dana Kowalski"]);
    let d = a.dateline.as_ref().expect("a dateline");
    assert_eq!((d.place.as_str(), a.slice(d.span)), ("LAKELAND, Fla.", "LAKELAND, Fla. _"));
    let credits: Vec<(&str, CreditRole)> = a.credits.iter().map(|c| (c.name.as_str(), c.role)).collect();
    assert_eq!(credits, [("Cox News Service", CreditRole::Copyright)]);
    let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    for t in &texts {
        eprintln!("{t:?}");
    }
    assert_eq!(texts.len(), 5);
    assert!(texts[0].starts_with("Citrus growers across central Florida"));
    assert!(texts[1].starts_with("``We lost about a third"));
    // Codes are whitespace in the folded text, "&AMP;" its character.
    assert!(texts[2].starts_with("The state Department of Agriculture"), "{}", texts[2]);
    assert!(texts[2].contains("Polk Juice & Packing"));
    assert!(texts[3].ends_with("replanted the next spring."), "{}", texts[3]);
    assert!(texts[4].ends_with("a week like this one.''"), "{}", texts[4]);
    // Nothing of the trailer, the editors' note or the codes is a paragraph or a token.
    let body = a.body();
    for gone in ["NYT-02-25-00", "STORY CAN END", "&HT;", "&QL;", "BC-CITRUS"] {
        assert!(!body.contains(gone), "{gone}");
    }
    let toks: Vec<&str> = a.tokens.iter().map(|t| a.slice(t.span)).collect();
    for gone in ["&HT;", "&QL;", "HT", "QL", "NYT-02-25-00", "1832EST", "BC-CITRUS-FREEZE-$ADV26-COX"] {
        assert!(!toks.contains(&gone), "{gone}");
    }
    assert!(toks.contains(&"&AMP;"));
    // Offsets index the text as given: every paragraph span starts where its text does.
    for p in &a.paragraphs {
        assert_eq!(&a.slice(p.span)[..10], &p.text[..10]);
    }
    // The `` '' quotes come through as tokens of their own.
    assert!(toks.iter().filter(|t| **t == "``").count() >= 4);
    assert!(toks.iter().filter(|t| **t == "''").count() >= 4);
    assert!(a.sentences.iter().any(|s| s.section == Section::Credit(0)));
    // The copyright line's words are its holder's: "c.2000" is no part of a name to tag.
    assert!(!toks.contains(&"c.2000"));
    assert!(toks.contains(&"Cox"));
}

#[test]
fn byline_and_copyright_on_one_line_and_codes_around_them() {
    let t = "BC-CUBA-FERRY-NYT\n&UR; EDITORS: A sidebar moves separately. &LR;\nFERRY PLAN STALLS\n\
By RITA OKAFOR / c.2000 N.Y. Times News Service\n\n   HAVANA _ The ferry plan stalled on Friday.\n";
    let a = parse(t);
    assert_eq!(a.slug.as_deref(), Some("BC-CUBA-FERRY-NYT"));
    assert_eq!(a.advisory, ["EDITORS: A sidebar moves separately."]);
    assert_eq!(a.headline_text(), Some("FERRY PLAN STALLS"));
    assert_eq!(a.bylines[0].name, "Rita Okafor");
    assert_eq!(a.credits.len(), 1);
    assert_eq!((a.credits[0].name.as_str(), a.credits[0].role), ("N.Y. Times News Service", CreditRole::Copyright));
    assert_eq!(a.slice(a.credit_lines[0]), "c.2000 N.Y. Times News Service");
    assert_eq!(a.dateline.as_ref().unwrap().place, "HAVANA");
    assert_eq!(a.paragraphs[0].text, "The ferry plan stalled on Friday.");

    // AQUAINT's layout: codes around the byline, a desk code, the slug with its transmission tail.
    let t = "BC-OBIT-MARLOWE-NYT &LR;      06-01 0290\nJUDITH MARLOWE, BOTANIST, DIES AT 81\n   (sw)\n\
&UR; By PETER HALVORSEN &LR; &QC;\n&QL;\n c.1998 N.Y. Times News Service\n\
   BOSTON _ Judith Marlowe, a botanist who catalogued the mosses of New England, died on\nSunday.\n";
    let a = parse(t);
    assert_eq!(a.slug.as_deref(), Some("BC-OBIT-MARLOWE-NYT"));
    assert_eq!(a.advisory, ["(sw)"]);
    assert_eq!(a.headline_text(), Some("JUDITH MARLOWE, BOTANIST, DIES AT 81"));
    assert_eq!(a.bylines[0].name, "Peter Halvorsen");
    assert_eq!(a.credits[0].name, "N.Y. Times News Service");
    assert_eq!(a.dateline.as_ref().unwrap().place, "BOSTON");
    assert_eq!(a.paragraphs.len(), 1);
    assert!(a.paragraphs[0].text.starts_with("Judith Marlowe, a botanist"));
}

#[test]
fn underscore_datelines_and_gigaword_text() {
    // What `Corpus.from_gigaword` hands over: headline, blank line, the dateline run into the first
    // paragraph, paragraphs set apart by blank lines.
    let t = "Ferry plan stalls\n\nMIAMI _ The ferry plan stalled on Friday, officials said.\n\n\
``It is not dead,'' the mayor said.\n\nNYT-02-25-00 1832EST\n";
    let a = parse(t);
    assert_eq!(a.headline_text(), Some("Ferry plan stalls"));
    let d = a.dateline.as_ref().unwrap();
    assert_eq!((d.place.as_str(), a.slice(d.span)), ("MIAMI", "MIAMI _"));
    let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["The ferry plan stalled on Friday, officials said.", "``It is not dead,'' the mayor said."]);
    // A story that opens with the dateline.
    let a = parse("WASHINGTON _ The Senate voted on Tuesday.");
    assert_eq!(a.dateline.as_ref().unwrap().place, "WASHINGTON");
    assert_eq!(a.paragraphs[0].text, "The Senate voted on Tuesday.");
}

#[test]
fn advisories_and_editors_notes() {
    let t =
        "BC-BUDGET-$ADV27-NYT\n(For Release Sunday, Feb. 27)\nFor Use by clients of The New York Times News Service.\n\
BUDGET FIGHT LOOMS\n\n   ALBANY, N.Y. _ The budget is late again.\n   (OPTIONAL TRIM FOLLOWS)\n   The \
governor said he would wait.\n   (END OPTIONAL TRIM)\n   nn\n";
    let a = parse(t);
    assert_eq!(a.advisory, ["(For Release Sunday, Feb. 27)", "For Use by clients of The New York Times News Service."]);
    assert_eq!(a.headline_text(), Some("BUDGET FIGHT LOOMS"));
    let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["The budget is late again.", "The governor said he would wait."]);
    // Prose is not an advisory, a slug or a trailer.
    let a = parse("For use in emergencies, the city bought 40 generators.\n\nBC-3 is a road.");
    assert!(a.advisory.is_empty() && a.slug.is_none());
    assert_eq!(a.paragraphs.len(), 2);
    let a = parse("The NYT-02-25-00 1832EST code is a trailer.\n\n(THE END) was the film's last frame.");
    assert_eq!(a.paragraphs.len(), 2);
}

#[test]
fn codes_inside_the_text() {
    let a = parse("NEW YORK _ AT&AMP;T and Johnson &AMP; Johnson rose &MD; and fell.&QL;\n&HT;Shares&HT;Price\n");
    let toks: Vec<&str> = a.tokens.iter().map(|t| a.slice(t.span)).collect();
    assert_eq!(
        toks,
        [
            "NEW", "YORK", "_", "AT&AMP;T", "and", "Johnson", "&AMP;", "Johnson", "rose", "&MD;", "and", "fell", ".",
            "Shares", "Price"
        ]
    );
    assert_eq!(a.paragraphs[0].text, "AT&T and Johnson & Johnson rose \u{2014} and fell.");
    // A line opened by "&HT;" is indented: a paragraph of its own.
    assert_eq!(a.paragraphs[1].text, "Shares Price");
    // Unknown names and numeric references are no codes: text as before.
    let a = parse("NEW YORK _ The &FOO; code and AT&T stay.");
    let toks: Vec<&str> = a.tokens.iter().map(|t| a.slice(t.span)).collect();
    assert!(toks.contains(&"AT&T") && toks.contains(&"FOO"));
}

#[test]
fn strange_mixes_never_panic_and_spans_hold() {
    let pieces = [
        "&HT;",
        "&QL;",
        "&AMP;",
        "&MD;",
        "&Cx1f;",
        "&",
        ";",
        "&H",
        "BC-",
        "$ADV26",
        "-COX",
        " _ ",
        "By X ",
        "/",
        "c.2000 ",
        "Cox News Service",
        "\n",
        "\n\n",
        "   ",
        "é",
        "北京",
        "MIAMI",
        "NYT-02-25-00 1832EST",
        "(STORY CAN END HERE.)",
        "``",
        "''",
        "For Use Sat.",
        " Thereafter.",
        "nn",
    ];
    let mut seed = 5u64;
    for n in 0..3000 {
        let mut t = String::new();
        for _ in 0..(n % 50) {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let a = parse(&t);
        a.check_spans().unwrap();
        for tok in &a.tokens {
            assert!(!tok.span.is_empty(), "{t:?}");
        }
    }
}

/// The NYT forms must take nothing from other agencies' stories: on Reuters-21578 (whose opening
/// lines hold no advisories or copyright lines) and the BBC stories, no advisory but a headline kicker ("(CORRECTED)"), no credit line
/// from the opening lines, and no slug but the one Reuters story titled with its slug.
/// `cargo test --release --test structure_nyt -- --nocapture` prints the counts.
#[test]
fn other_agencies_get_no_slug_or_advisory() {
    let Some(dir) = common::shared_path("data/reuters21578") else { return };
    let stories = reuters::read_dir(&dir).expect("read Reuters-21578");
    let mut texts: Vec<String> = stories.iter().map(|s| s.wire_text()).collect();
    let n_reuters = texts.len();
    if let Some(bbc) = common::shared_path("data/bbc_news") {
        for topic in std::fs::read_dir(&bbc).unwrap().flatten().filter(|e| e.path().is_dir()) {
            for f in std::fs::read_dir(topic.path()).unwrap().flatten() {
                if let Ok(bytes) = std::fs::read(f.path()) {
                    texts.push(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
    }
    let (mut slugs, mut advisories, mut head_credits) = (Vec::new(), Vec::new(), 0usize);
    for t in &texts {
        let a = parse_structure(t, &ParseOptions::default());
        if let Some(s) = &a.slug {
            slugs.push(s.clone());
        }
        if !a.advisory.is_empty() {
            advisories.push(a.advisory.join(" | "));
        }
        let body_start = a.paragraphs.first().map_or(usize::MAX, |p| p.span.start);
        head_credits += a.credit_lines.iter().filter(|c| c.start < body_start).count();
    }
    eprintln!(
        "{} Reuters-21578 and {} BBC stories: {} slugs, {} advisories, {} credit lines before the body",
        n_reuters,
        texts.len() - n_reuters,
        slugs.len(),
        advisories.len(),
        head_credits
    );
    // Reuters gave a few stories their slug for a title ("BC-WORLD-HIGHLIGHTS"): those are slugs.
    assert!(slugs.iter().all(|s| s.starts_with("BC-")) && slugs.len() <= 3, "{slugs:?}");
    // Only headline kickers: Reuters' "(CORRECTED) - " and "(RPT)", a BBC "Analysis:" (14 stories).
    let kicker = |a: &String| ["CORRECTED", "RPT", "Analysis"].contains(&a.as_str());
    assert!(advisories.iter().all(kicker) && advisories.len() <= 20, "{advisories:?}");
    assert_eq!(head_credits, 0);
}
