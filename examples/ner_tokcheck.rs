//! Compares the pipeline's tokens and sentences with CoNLL's on a CoNLL file (development aid):
//! `cargo run --release --example ner_tokcheck -- ../shared/data/conll2003/dev.txt`
use dateline::eval::conll;
use dateline::eval::ner::document_text;
use std::collections::{HashMap, HashSet};

fn main() {
    let path = std::env::args().nth(1).expect("CoNLL file");
    if let Some(t) = path.strip_prefix("text:") {
        show(t);
        return;
    }
    let docs = conll::read(std::path::Path::new(&path)).expect("readable");
    let (mut gold_n, mut same, mut sent_cross) = (0, 0, 0);
    let mut bad: HashMap<String, usize> = HashMap::new();
    for d in &docs {
        let (text, spans) = document_text(d);
        let art = dateline::parse(&text, &Default::default()).unwrap();
        let toks: HashSet<(usize, usize)> = art.tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
        for sp in &spans {
            for &s in sp {
                gold_n += 1;
                if toks.contains(&s) {
                    same += 1;
                } else {
                    let ctx_start = text[..s.0].rfind(' ').unwrap_or(0);
                    *bad.entry(text[s.0..s.1].to_string()).or_default() += 1;
                    let _ = ctx_start;
                }
            }
        }
        for s in &art.sentences {
            if text[s.span.start..s.span.end].contains('\n') {
                sent_cross += 1;
            }
        }
    }
    println!("{same}/{gold_n} CoNLL tokens reproduced; {sent_cross} pipeline sentences cross a line");
    let mut v: Vec<_> = bad.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (t, n) in v.iter().take(40) {
        println!("{n:5} {t:?}");
    }
}

#[allow(dead_code)]
fn show(text: &str) {
    let art = dateline::parse(text, &Default::default()).unwrap();
    for e in &art.entities {
        println!("{:?} {}", &art.text[e.span.start..e.span.end], e.label.as_str());
    }
}
