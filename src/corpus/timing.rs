//! Wall-clock time the corpus engine spends in its parallel section, for the serial-fraction
//! benchmark (`benchmarks/bench_serial.py`).
//!
//! A run's parallel section is the analysis on the rayon pool plus the joining of the per-task
//! tables (itself one rayon task per column). Batches overlap (the Python reader starts the next
//! batch before the previous one is collected), so the clock measures the *union* of the sections:
//! it runs while at least one batch is inside its section. Everything else in a run (reading,
//! converting inputs while no batch runs, Arrow and pandas assembly on the calling thread) is the
//! serial part: `serial = total wall time - parallel_seconds()`.
//!
//! Cost: one mutex lock at the start and end of each batch; nothing per document.
use std::sync::Mutex;
use std::time::{Duration, Instant};

struct Clock {
    active: usize,
    since: Option<Instant>,
    total: Duration,
}

static CLOCK: Mutex<Clock> = Mutex::new(Clock { active: 0, since: None, total: Duration::ZERO });

/// Inside the parallel section while alive.
pub struct Section(());

impl Section {
    pub fn enter() -> Section {
        let mut c = CLOCK.lock().unwrap_or_else(|e| e.into_inner());
        if c.active == 0 {
            c.since = Some(Instant::now());
        }
        c.active += 1;
        Section(())
    }
}

impl Drop for Section {
    fn drop(&mut self) {
        let mut c = CLOCK.lock().unwrap_or_else(|e| e.into_inner());
        c.active -= 1;
        if c.active == 0 {
            if let Some(t) = c.since.take() {
                c.total += t.elapsed();
            }
        }
    }
}

/// Seconds spent inside at least one parallel section since the process started (or the last
/// [`reset`]), including a section still running.
pub fn parallel_seconds() -> f64 {
    let c = CLOCK.lock().unwrap_or_else(|e| e.into_inner());
    (c.total + c.since.map_or(Duration::ZERO, |t| t.elapsed())).as_secs_f64()
}

/// Sets the clock back to zero (sections running now count from now).
pub fn reset() {
    let mut c = CLOCK.lock().unwrap_or_else(|e| e.into_inner());
    c.total = Duration::ZERO;
    if c.since.is_some() {
        c.since = Some(Instant::now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_sections_count_once() {
        reset();
        let a = Section::enter();
        std::thread::sleep(Duration::from_millis(20));
        let b = Section::enter();
        std::thread::sleep(Duration::from_millis(20));
        drop(a);
        std::thread::sleep(Duration::from_millis(20));
        drop(b);
        std::thread::sleep(Duration::from_millis(30));
        let t = parallel_seconds();
        // 60 ms inside, 30 ms outside; other tests' runs may add theirs, so only a lower bound and a
        // loose upper one.
        assert!(t >= 0.055, "{t}");
    }
}
