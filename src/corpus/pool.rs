//! The one rayon pool of worker threads, built on first use and replaced when another thread count
//! is asked for.
//!
//! A process holds at most one cached pool: asking for a new thread count builds a new pool and drops
//! the cache's handle on the old one, whose threads end once the jobs still holding it are done. So
//! calling with many different `threads=` values does not pile up idle threads. Thread counts above
//! [`max_threads`] are refused.
//!
//! Fork safety: a forked child inherits the pool's bookkeeping but none of its threads, so work sent
//! to it would wait forever. The pool remembers the pid that built it; in any other process the
//! cached pool is leaked (its threads do not exist there, so nothing can be joined or freed safely)
//! and a new one is built. The Python layer also calls [`forget_pools`] from
//! `os.register_at_fork(after_in_child=...)`, the approach of huggingface tokenizers.
use std::sync::{Arc, Mutex};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::{Error, Result};

/// Environment variable giving the default number of worker threads.
pub const THREADS_ENV: &str = "DATELINE_NUM_THREADS";

/// Fewest threads [`max_threads`] allows on any machine.
const MIN_CAP: usize = 256;

struct Cached {
    pid: u32,
    threads: usize,
    pool: Arc<ThreadPool>,
}

static POOL: Mutex<Option<Cached>> = Mutex::new(None);

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Most worker threads a run may ask for: 256, or the core count on bigger machines. More threads
/// than cores only adds switching; far more is nearly always a typo.
pub fn max_threads() -> usize {
    MIN_CAP.max(cores())
}

/// Threads to use when the caller does not say: `DATELINE_NUM_THREADS`, else every core (capped at
/// [`max_threads`]).
pub fn default_threads() -> usize {
    if let Some(n) = std::env::var(THREADS_ENV).ok().and_then(|v| v.trim().parse::<usize>().ok()) {
        if n > 0 {
            return n.min(max_threads());
        }
    }
    cores().min(max_threads())
}

/// The pool with `threads` workers (0 = [`default_threads`]); an `Error::Input` above [`max_threads`].
pub fn pool(threads: usize) -> Result<Arc<ThreadPool>> {
    let threads = if threads == 0 { default_threads() } else { threads };
    let cap = max_threads();
    if threads > cap {
        return Err(Error::Input(format!("threads={threads} is more than the limit of {cap} worker threads")));
    }
    let pid = std::process::id();
    let mut guard = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if guard.as_ref().is_some_and(|c| c.pid != pid) {
        leak(guard.take());
    }
    if let Some(c) = guard.as_ref().filter(|c| c.threads == threads) {
        return Ok(c.pool.clone());
    }
    let built = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("dateline-{i}"))
        .build()
        .map_err(|e| Error::Value(format!("cannot start {threads} worker threads: {e}")))?;
    let built = Arc::new(built);
    // The old pool (if any) is dropped here: rayon ends its threads once its queued work is done.
    *guard = Some(Cached { pid, threads, pool: built.clone() });
    Ok(built)
}

/// Drops the cached pool without touching it: for a child process right after `fork()`.
pub fn forget_pools() {
    let mut guard = POOL.lock().unwrap_or_else(|e| e.into_inner());
    leak(guard.take());
}

fn leak(cached: Option<Cached>) {
    // Dropping would signal threads that only exist in the parent; leaking costs a few KB once per fork.
    std::mem::forget(cached);
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test: the cache is process-wide, so parallel tests would race on it.
    #[test]
    fn one_pool_is_kept_and_replaced_not_accumulated() {
        let a = pool(2).unwrap();
        let b = pool(2).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(a.current_num_threads(), 2);
        drop(b);
        let weak = Arc::downgrade(&a);
        drop(a);
        // Many thread counts in turn: only the last pool stays cached, the earlier ones are freed.
        let mut olds = Vec::new();
        for n in 1..=16 {
            let p = pool(n).unwrap();
            assert_eq!(p.current_num_threads(), n);
            olds.push(Arc::downgrade(&p));
        }
        assert!(weak.upgrade().is_none(), "the 2-thread pool is still alive");
        assert_eq!(olds.iter().filter(|w| w.upgrade().is_some()).count(), 1);
        forget_pools();
        let err = pool(max_threads() + 1).unwrap_err();
        assert!(matches!(err, Error::Input(_)), "{err:?}");
        assert!(err.to_string().contains("more than the limit"), "{err}");
    }
}
