//! Story-by-story passes over the Reuters-21578 stories with a dateline in one mode only (parse +
//! entities, or with reading), for profilers: bench_reading runs both modes in one process, which
//! mixes them in a profile. Instruction counts (callgrind) are steady on a shared machine where
//! times are not:
//!
//!     cargo build --release --example prof_reading --features eval
//!     valgrind --tool=callgrind target/release/examples/prof_reading DIR full 1 1500
//!     callgrind_annotate --inclusive=yes callgrind.out.* | grep -E 'analyze_owned_using|reading::read '
//!
//! reading's share = reading::read / (analyze_owned_using - reading::read). The model is loaded
//! before the passes, so that `analyze_owned_using` holds only the passes' own work (loaded in the
//! first story, it added about 268M instructions to parse + entities: 17.2% instead of 21.7%).
//! Instructions are not time: the reading makes about twice as many branch mispredictions and three
//! times as many instruction-cache misses per instruction as parse + entities
//! (`--branch-sim=yes --cache-sim=yes`), which is why its share of the time is about twice its share
//! of the instructions.
//!
//!     prof_reading DIR ents|full|corpus-ents|corpus-full ROUNDS [STORIES]
//!
//! The corpus modes run the same stories through the corpus engine (`corpus::run`, one thread, every
//! table), which takes each group of stories through the stages one stage at a time.
use dateline::*;
use std::path::PathBuf;

/// mimalloc, counting allocations (and reallocations): the reading's many small allocations cost
/// more in the Python extension, whose mimalloc reaches its thread state through dynamic TLS.
struct Counting;
static ALLOCS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        unsafe { mimalloc::MiMalloc.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: std::alloc::Layout) {
        unsafe { mimalloc::MiMalloc.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: std::alloc::Layout, n: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        unsafe { mimalloc::MiMalloc.realloc(p, l, n) }
    }
}
#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 || !matches!(args[2].as_str(), "ents" | "full" | "corpus-ents" | "corpus-full") {
        eprintln!("usage: prof_reading DIR ents|full|corpus-ents|corpus-full ROUNDS [STORIES]");
        std::process::exit(2);
    }
    let dir = PathBuf::from(&args[1]);
    let mode = args[2].clone();
    let rounds: usize = args[3].parse().unwrap_or(1);
    let all =
        dateline::corpus::reuters::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let limit: usize = args.get(4).and_then(|l| l.parse().ok()).unwrap_or(usize::MAX);
    let texts: Vec<(String, Option<String>)> =
        all.into_iter().filter(|s| s.dateline.is_some()).map(|s| (s.wire_text(), s.date)).take(limit).collect();
    let opts: Vec<ParseOptions> = texts.iter().map(|(_, d)| ParseOptions { date: d.clone(), source: None }).collect();
    let st = if mode.ends_with("ents") { Stages { entities: true, reading: false } } else { Stages::default() };
    // The model (and the gazetteer and lexicons it brings) loads once per process: outside the
    // passes measured, as in the Python benchmark, which parses one story before timing.
    dateline::eval::stages::shipped_model().expect("the shipped model loads");
    let a0 = ALLOCS.load(std::sync::atomic::Ordering::Relaxed);
    let elapsed = if mode.starts_with("corpus") {
        let copts = corpus::Options { threads: 1, stages: st, ..corpus::Options::default() };
        let cancel = dateline::corpus::CancelFlag::default();
        let mut spent = std::time::Duration::ZERO;
        for _ in 0..rounds {
            // The documents are built outside the timing, as a caller's input is.
            let docs: Vec<corpus::Document> = texts
                .iter()
                .enumerate()
                .map(|(i, (text, date))| corpus::Document {
                    date: date.clone(),
                    ..corpus::Document::text(i.to_string(), text)
                })
                .collect();
            let t0 = std::time::Instant::now();
            drop(corpus::run(docs, &copts, &cancel).unwrap().unwrap());
            spent += t0.elapsed();
        }
        spent
    } else {
        let t = std::time::Instant::now();
        for _ in 0..rounds {
            for ((text, _), o) in texts.iter().zip(&opts) {
                drop(analyze(text, o, st).unwrap());
            }
        }
        t.elapsed()
    };
    let allocs = ALLOCS.load(std::sync::atomic::Ordering::Relaxed) - a0;
    eprintln!(
        "{mode}: {:.3}s, {:.0} allocations a story",
        elapsed.as_secs_f64(),
        allocs as f64 / (rounds * texts.len()) as f64
    );
}
