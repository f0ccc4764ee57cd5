//! Bad input: empty text, whitespace only, a 20 MB story, NUL bytes, 1 MB lines, a story
//! that is all captions, pathological runs. No panic, no hang; the times are printed, not asserted.
use dateline::{parse_structure, tokenize, ParseOptions};
use std::time::Instant;

fn run(name: &str, text: &str) -> dateline::Article {
    let t = Instant::now();
    let mut a = parse_structure(text, &ParseOptions::default());
    tokenize(&mut a);
    println!(
        "{name}: {} bytes, {} paragraphs, {} tokens in {:.3} s",
        text.len(),
        a.paragraphs.len(),
        a.tokens.len(),
        t.elapsed().as_secs_f64()
    );
    for tok in &a.tokens {
        assert!(
            tok.span.start < tok.span.end
                && text.is_char_boundary(tok.span.start)
                && text.is_char_boundary(tok.span.end),
            "{name}: bad token span"
        );
    }
    for p in &a.paragraphs {
        assert!(text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end));
    }
    a
}

#[test]
fn empty_and_whitespace() {
    let a = run("empty", "");
    assert!(a.paragraphs.is_empty() && a.tokens.is_empty() && a.dateline.is_none() && a.headline.is_none());
    let a = run("whitespace", " \n\n\t \r\n \u{a0}\u{3000} \n");
    assert!(a.paragraphs.is_empty() && a.tokens.is_empty());
}

#[test]
fn nul_bytes_and_controls() {
    let a = run("nul", "\0\0\0SEOUL, July 27 (Yonhap) -- Kim\0met\0Shoigu.\0\0\n\n\0\x03\x02");
    assert_eq!(a.dateline.as_ref().map(|d| d.place.as_str()), Some("SEOUL"));
    assert_eq!(a.paragraphs[0].text, "Kim met Shoigu.");
    run("only nul", &"\0".repeat(10_000));
}

#[test]
fn twenty_megabyte_story() {
    let para = "WASHINGTON, March 3 - The U.S. Treasury said on Tuesday it would sell $9.75 billion of\nnotes, the agency's spokesman, Gen. J.R. Smith, told Reuters.\n    Prices rose 3.5 pct to 155,221 in the 1950-53 series.\n\n";
    let text = para.repeat(20_000_000 / para.len() + 1);
    let a = run("20 MB", &text);
    assert!(a.paragraphs.len() > 100_000);
}

#[test]
fn megabyte_lines() {
    run("1 MB word", &"x".repeat(1 << 20));
    run("1 MB of spaces then text", &format!("{}text", " ".repeat(1 << 20)));
    run("1 MB of dashes", &"-".repeat(1 << 20));
    run("1 MB of source leads", &"AP - ".repeat(200_000));
    run("1 MB by-line", &format!("By {}", "Lee ".repeat(250_000)));
    run("1 MB advisory", &format!("date 2023-07-27 (ATTN: {})", "a;".repeat(500_000)));
    run("1 MB underscores", &"a_".repeat(500_000));
    run("1 MB url", &format!("http://x{}", ")".repeat(1 << 20)));
    run("1 MB dots", &"a.".repeat(500_000));
    run("1 MB apostrophes", &"a'".repeat(500_000));
    run("1 MB parentheses", &"(".repeat(1 << 20));
    run("1 MB numbers", &"1,234,".repeat(170_000));
    run("1 MB blank lines", &format!("Title\n{}body", "\n".repeat(1 << 20)));
    run("1 MB hard-wrapped", &"word word word word word word word word word word word\n".repeat(20_000));
    run("1 MB multibyte", &"한국어 “인용” — ".repeat(50_000));
}

#[test]
fn all_captions() {
    let cap = "view larger image This photo, carried by North Korea's Korean Central News Agency on July 27, 2023, shows a parade. (For Use Only in the Republic of Korea. No Redistribution) (Yonhap)\n\n";
    let a = run("all captions", &cap.repeat(1000));
    assert_eq!(a.captions.len(), 1000);
    assert!(a.paragraphs.is_empty());
    assert_eq!(a.captions[999].source.as_deref(), Some("Korean Central News Agency"));
}
