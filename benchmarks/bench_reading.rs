//! Cost of the reading stages (resolution + titles, time values, quotes, events) against parse + entities.
//!
//!     cargo run --release --example bench_reading [-- DIR_OF_TXT_STORIES [ROUNDS]]
//!
//! Default corpus: ../shared/data/bbc_news (2,225 stories). Prints words/s of parse+entities (structure,
//! tokens, sentences, entity recognition) and of the reading stages run on those results, and their ratio
//! (the budget, as issue 15 sets it: reading <= 25% of parse+entities time). Times are the thread's CPU
//! time (best of ROUNDS), so a machine busy with other work does not skew the ratio.
use dateline::eval::stages;
use dateline::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[path = "../examples/common/fnv.rs"]
mod fnv;
use fnv::Fnv;

// The Python extension allocates with mimalloc; measure with the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// FNV-1a over the JSON of what the reading stages produce, so a speed change can show it left every
/// output as it was.
fn reading_digest(arts: &[Article]) -> u64 {
    let mut h = Fnv::new();
    for a in arts {
        let json = serde_json::to_string(&(&a.entities, &a.clusters, &a.acronyms, &a.quotes, &a.events)).unwrap();
        h.write(json.as_bytes());
    }
    h.0
}

/// CPU time this thread has run, in seconds (Linux schedstat), so that figures hold on a busy machine;
/// wall-clock time where that is not available.
struct Clock {
    wall: Instant,
}

impl Clock {
    fn cpu_ns() -> Option<u64> {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        s.split_whitespace().next()?.parse().ok()
    }
    fn now() -> (Clock, Option<u64>) {
        (Clock { wall: Instant::now() }, Clock::cpu_ns())
    }
    fn elapsed(start: &(Clock, Option<u64>)) -> f64 {
        match (start.1, Clock::cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => start.0.wall.elapsed().as_secs_f64(),
        }
    }
}

fn stories(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("cannot read {}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files.iter().map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned()).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc_news"));
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let texts = stories(&dir);
    assert!(!texts.is_empty(), "no .txt stories under {}", dir.display());
    let opts = ParseOptions { date: Some("2005-01-01".into()), source: None };
    let upto_entities = Stages { entities: true, reading: false };
    // Build the process-wide tables (gazetteer, models) before timing anything.
    let mut warm = analyze(&texts[0], &opts, Stages::default()).unwrap();
    stages::names(&mut warm);

    let mut best_parse = f64::MAX;
    let mut best_read = f64::MAX;
    let mut words = 0usize;
    let mut ents = 0usize;
    let mut quotes = 0usize;
    let mut events = 0usize;
    let mut best_stages = [0f64; 4];
    let mut digest = 0u64;
    for _ in 0..rounds {
        let t0 = Clock::now();
        let mut arts: Vec<Article> = texts.iter().map(|t| analyze(t, &opts, upto_entities).unwrap()).collect();
        best_parse = best_parse.min(Clock::elapsed(&t0));
        words = arts.iter().map(|a| a.tokens.len()).sum();
        ents = arts.iter().map(|a| a.entities.len()).sum();
        let mut times = [0f64; 4];
        let stage_fns: [fn(&mut Article); 4] = [stages::names, stages::time_values, stages::quotes, stages::events];
        for (k, f) in stage_fns.iter().enumerate() {
            let t = Clock::now();
            arts.iter_mut().for_each(f);
            times[k] = Clock::elapsed(&t);
        }
        let total: f64 = times.iter().sum();
        if total < best_read {
            best_read = total;
            best_stages = times;
        }
        quotes = arts.iter().map(|a| a.quotes.len()).sum();
        events = arts.iter().map(|a| a.events.len()).sum();
        digest = reading_digest(&arts);
    }
    println!("corpus: {} stories, {} tokens, {} entities", texts.len(), words, ents);
    println!("parse+entities: {:.3} s, {:.0} tokens/s", best_parse, words as f64 / best_parse);
    println!(
        "reading stages: {:.3} s, {:.0} tokens/s ({} quotes, {} events)",
        best_read,
        words as f64 / best_read,
        quotes,
        events
    );
    for (name, t) in ["resolve+titles", "time values", "quotes", "events"].iter().zip(best_stages) {
        println!("  {name}: {:.3} s, {:.0} tokens/s", t, words as f64 / t);
    }
    println!("reading digest: {digest:016x}");
    println!("reading cost = {:.1}% of parse+entities time (budget 25%)", 100.0 * best_read / best_parse);
}
