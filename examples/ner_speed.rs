//! Words per second on one thread for parse + entities over the Reuters-21578 bodies, plus the
//! model's load time: `cargo run --release --example ner_speed [-- ../shared/data [STORIES]]`
use std::time::Instant;

// The allocator of the Python extension, so the figure is the one users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let data = std::env::args().nth(1).unwrap_or_else(|| "../shared/data".into());
    let t = Instant::now();
    dateline::eval::stages::shipped_model().expect("model loads");
    println!("model load: {:.3} s", t.elapsed().as_secs_f64());
    let mut stories = Vec::new();
    for i in 0..22 {
        let p = format!("{data}/reuters21578/reut2-{i:03}.sgm");
        let Ok(b) = std::fs::read(&p) else { continue };
        let s: String = b.iter().map(|&c| c as char).collect();
        for part in s.split("<BODY>").skip(1) {
            if let Some(body) = part.split("</BODY>").next() {
                stories.push(body.replace("&lt;", "<").replace("&amp;", "&").replace("&#3;", ""));
            }
        }
    }
    assert!(!stories.is_empty(), "no Reuters bodies under {data}");
    // optional story limit, for instruction-level profiling (cachegrind) on a slice
    if let Some(n) = std::env::args().nth(2).and_then(|n| n.parse().ok()) {
        stories.truncate(n);
    }
    let stages = dateline::Stages { entities: true, reading: false };
    let opts = dateline::ParseOptions::default();
    let (mut words, mut ents) = (0usize, 0usize);
    // Digest of every entity (span and label): a speed change must leave it unchanged.
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    let t = Instant::now();
    for s in &stories {
        let art = dateline::analyze(s, &opts, stages).unwrap();
        words += art.tokens.len();
        ents += art.entities.len();
        for e in &art.entities {
            std::hash::Hash::hash(&(e.span.start, e.span.end, e.label.as_str()), &mut digest);
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!("entity digest: {:016x}", std::hash::Hasher::finish(&digest));
    println!(
        "{} stories, {words} tokens, {ents} entities in {secs:.2} s: {:.0} words/s (parse + entities, one thread)",
        stories.len(),
        words as f64 / secs
    );
}
