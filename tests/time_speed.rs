//! Throughput of the number/time rules over the shared Reuters-21578 bodies. Prints figures only
//! (speed is never a timed assertion); run with
//! `cargo test --release --test time_speed -- --ignored --nocapture`. Times are this thread's CPU
//! time, so other processes on a shared machine do not inflate them.
use std::path::PathBuf;

/// CPU time of this thread in seconds (from /proc, Linux): the machine this runs on is shared, and
/// wall-clock time counts the other processes' turns too. Falls back to wall-clock time elsewhere.
struct Clock(Option<u64>, std::time::Instant);

fn cpu_ns() -> Option<u64> {
    // utime and stime, fields 14 and 15 of /proc/thread-self/stat, in clock ticks (100 per second).
    let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10_000_000)
}

impl Clock {
    fn now() -> Clock {
        Clock(cpu_ns(), std::time::Instant::now())
    }
    fn elapsed(&self) -> f64 {
        match (self.0, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => self.1.elapsed().as_secs_f64(),
        }
    }
}

use dateline::corpus::reuters;
use dateline::*;

fn reuters_dir() -> Option<PathBuf> {
    let shared = std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared"));
    let dir = shared.join("data").join("reuters21578");
    dir.is_dir().then_some(dir)
}

#[test]
#[ignore]
fn rules_words_per_second() {
    let Some(dir) = reuters_dir() else {
        eprintln!("skipping: no Reuters data");
        return;
    };
    let stories = reuters::read_dir(&dir).expect("read Reuters");
    let bodies: Vec<String> = stories.iter().filter_map(|s| s.body.clone()).collect();
    let words: usize = bodies.iter().map(|b| b.split_whitespace().count()).sum();
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();

    // Warm-up (lexicon init, caches), then timed passes.
    let mut n = 0;
    for b in &bodies {
        n += dateline::eval::stages::find_rules_in_text(b).len();
    }
    // CPU time comes in 10 ms ticks: time five passes together.
    const PASSES: usize = 5;
    let t = Clock::now();
    for _ in 0..PASSES {
        let mut k = 0;
        for b in &bodies {
            k += dateline::eval::stages::find_rules_in_text(b).len();
        }
        assert_eq!(k, n);
    }
    let best = t.elapsed() / PASSES as f64;
    println!(
        "rules::find_in_text: {} bodies, {words} words, {:.1} MB, {n} entities: {:.3} s, {:.0} words/s",
        bodies.len(),
        bytes as f64 / 1e6,
        best,
        words as f64 / best
    );

    let t = Clock::now();
    let mut nt = 0;
    for b in &bodies {
        nt += dateline::eval::stages::scan_time(b).len();
    }
    let el = t.elapsed();
    println!("dates::scan alone: {nt} tokens: {:.3} s, {:.0} words/s", el, words as f64 / el);

    // Entities plus time values, as the time-values reading stage runs them in the pipeline.
    let t = Clock::now();
    let mut valued = 0;
    for (s, b) in stories.iter().zip(stories.iter().map(|s| s.body.as_deref())) {
        let Some(b) = b else { continue };
        let mut art = Article { text: b.to_string(), date: s.date.clone(), ..Default::default() };
        art.entities = dateline::eval::stages::find_rules(&art);
        dateline::eval::stages::time_values(&mut art);
        valued += art.entities.iter().filter(|e| e.value.is_some()).count();
    }
    let el = t.elapsed();
    println!("rules::find + dates::annotate: {valued} values: {:.3} s, {:.0} words/s", el, words as f64 / el);
}
