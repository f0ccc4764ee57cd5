//! A digest (64-bit FNV-1a) of everything structure + tokenizer produce: date, advisory, bylines,
//! headline, dateline, paragraphs, captions, tokens and sentences, with every span. A speed change
//! to the parser must leave the digest as it was (the entity model is trained on these tokens).
//!
//! cargo run --release --example parse_digest [-- REUTERS_DIR]
//! (REUTERS_DIR defaults to ../shared/data/reuters21578; the sample corpus is read from
//! python/dateline/data/sample/; a few invented stress texts cover Unicode whitespace and CRLF.)
use dateline::{corpus::reuters, parse_structure, tokenize, Article, ParseOptions};
use std::path::Path;

#[path = "common/fnv.rs"]
mod fnv;
use fnv::Fnv;

fn article_json(a: &Article) -> String {
    serde_json::to_string(&(
        &a.date,
        &a.advisory,
        &a.bylines,
        &a.headline,
        &a.dateline,
        &a.paragraphs,
        &a.captions,
        &a.tokens,
        &a.sentences,
    ))
    .expect("serialisable")
}

fn digest(name: &str, texts: &[(String, ParseOptions)]) -> u64 {
    let mut h = Fnv::new();
    let (mut toks, mut sents, mut paras) = (0, 0, 0);
    for (t, o) in texts {
        let mut a = parse_structure(t, o);
        tokenize(&mut a);
        toks += a.tokens.len();
        sents += a.sentences.len();
        paras += a.paragraphs.len();
        h.item(article_json(&a).as_bytes());
    }
    println!(
        "{name:<16} {:>6} stories {paras:>7} paragraphs {sents:>7} sentences {toks:>8} tokens  digest {:016x}",
        texts.len(),
        h.0
    );
    h.0
}

fn stress_texts() -> Vec<(String, ParseOptions)> {
    let none = ParseOptions::default();
    let dated = ParseOptions { date: Some("2024-03-02".into()), source: None };
    [
        "Ferry\u{a0}line opens\n\nSEOUL,\u{a0}March 2 (Yonhap) \u{2014} The “new” line’s first\u{2028}boat left\u{3000}Busan.\u{85}It\u{2009}was full…\n\nMr. Kim’s café said 1,250 won. Don’t wait.",
        "MUNICH (dpa) - Zürich\u{0}café\u{3} naïve 北京 😀 end.\r\n\r\nSecond\tpara\u{202f}here.\r\n(END)\r\n",
        "date 2024-03-02 (ATTN: ADDS quote; UPDATES)\n\nBy Jane Roe and John Doe, Reuters\n\nLONDON, March 2 (Reuters) - U.S. Gen. Smith met AT&T's CEO at 9 a.m. The deal: $3.5 bln.\n    Next para http://example.com/x?y=1. Mail lee_m@yna.co.kr.\n\nview larger image A photo, carried by North Korea's Korean Central News Agency on March 1, 2024, shows a ship. (For Use Only in the Republic of Korea. No Redistribution) (Yonhap)\n\nlmj@yna.co.kr\n",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| (t.to_string(), if i % 2 == 0 { dated.clone() } else { none.clone() }))
    .collect()
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/reuters21578".into());
    let mut all = Fnv::new();

    let stories = reuters::read_dir(Path::new(&dir)).expect("read Reuters-21578");
    let reuters: Vec<(String, ParseOptions)> =
        stories.iter().map(|s| (s.wire_text(), ParseOptions { date: s.date.clone(), source: None })).collect();
    all.item(&digest("reuters", &reuters).to_le_bytes());
    // The same stories with CRLF line ends and Unicode spaces: the whitespace paths.
    let variants: Vec<(String, ParseOptions)> = reuters
        .iter()
        .enumerate()
        .map(|(i, (t, o))| (if i % 2 == 0 { t.replace('\n', "\r\n") } else { t.replace("  ", "\u{a0} ") }, o.clone()))
        .collect();
    all.item(&digest("reuters-variants", &variants).to_le_bytes());

    let sample_dir = Path::new("python/dateline/data/sample");
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample_dir.join("index.json")).expect("sample index"))
            .expect("index json");
    let sample: Vec<(String, ParseOptions)> = index["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .map(|e| {
            let id = e["id"].as_str().expect("id");
            let text = std::fs::read_to_string(sample_dir.join(format!("{id}.txt"))).expect("sample story");
            (text, ParseOptions { date: e["date"].as_str().map(str::to_string), source: None })
        })
        .collect();
    all.item(&digest("sample", &sample).to_le_bytes());
    all.item(&digest("stress", &stress_texts()).to_le_bytes());
    println!("ALL {:016x}", all.0);
}
