//! Speed of structure + sentences + tokens over every Reuters-21578 story, one thread.
//! cargo run --release --example parse_speed [-- DIR [LIMIT [PASSES]]]
//! (DIR defaults to ../shared/data/reuters21578; LIMIT parses only the first stories and PASSES sets
//! the timed runs (5), so that valgrind can count instructions over a short run:
//!   valgrind --tool=callgrind --toggle-collect=parse_speed::parse_all \
//!       target/release/examples/parse_speed ../shared/data/reuters21578 3000 1)
//! (The project's benchmark lives in benchmarks/; this is the Rust-side check of the same figure.)
use dateline::{corpus::reuters, parse_structure, tokenize, ParseOptions};
use std::time::Instant;

/// Nanoseconds this thread has run on a CPU (Linux), so a busy shared machine does not count against
/// the figure; falls back to wall time elsewhere.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

struct Clock(Instant, Option<u64>);
impl Clock {
    fn start() -> Self {
        Clock(Instant::now(), cpu_ns())
    }
    fn secs(&self) -> f64 {
        match (self.1, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => self.0.elapsed().as_secs_f64(),
        }
    }
}

/// One pass over the stories: (tokens, sentences). Never inlined, so that
/// `valgrind --tool=callgrind --toggle-collect=parse_speed::parse_all` counts the parse alone.
#[inline(never)]
fn parse_all(texts: &[(String, ParseOptions)]) -> (usize, usize) {
    let (mut toks, mut sents) = (0, 0);
    for (t, o) in texts {
        let mut a = parse_structure(t, o);
        tokenize(&mut a);
        toks += a.tokens.len();
        sents += a.sentences.len();
    }
    (toks, sents)
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/reuters21578".into());
    let limit: usize = std::env::args().nth(2).map_or(0, |a| a.parse().expect("LIMIT: a number"));
    let passes: usize = std::env::args().nth(3).map_or(5, |a| a.parse().expect("PASSES: a number"));
    let mut stories = reuters::read_dir(std::path::Path::new(&dir)).expect("read Reuters-21578");
    if limit > 0 {
        stories.truncate(limit);
    }
    let texts: Vec<(String, ParseOptions)> =
        stories.iter().map(|s| (s.wire_text(), ParseOptions { date: s.date.clone(), source: None })).collect();
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    let mut best = f64::MAX;
    let (mut toks, mut sents) = (0usize, 0usize);
    for _ in 0..passes {
        let t0 = Clock::start();
        (toks, sents) = parse_all(&texts);
        best = best.min(t0.secs());
    }
    // Where the time goes: structure alone.
    let t0 = Clock::start();
    for (t, o) in &texts {
        std::hint::black_box(parse_structure(t, o));
    }
    let structure = t0.secs();
    println!("structure alone: {structure:.3} s = {:.1} MB/s", bytes as f64 / 1e6 / structure);
    println!(
        "{} stories, {:.1} MB, {} sentences, {} tokens: best of {passes} {:.3} s on-CPU = {:.1} MB/s, {:.0} stories/s (parse + sentences + tokens, one thread)",
        texts.len(),
        bytes as f64 / 1e6,
        sents,
        toks,
        best,
        bytes as f64 / 1e6 / best,
        texts.len() as f64 / best
    );
}
