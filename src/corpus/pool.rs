//! One rayon pool per thread count, built on first use and kept.
//!
//! Fork safety: a forked child inherits the pool's bookkeeping but none of its threads, so work sent
//! to it would wait forever. Each pool remembers the pid that built it; in any other process the
//! cached pools are leaked (their threads do not exist there, so nothing can be joined or freed
//! safely) and new ones are built. The Python layer also calls [`forget_pools`] from
//! `os.register_at_fork(after_in_child=...)`, the approach of huggingface tokenizers.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::{Error, Result};

/// Environment variable giving the default number of worker threads.
pub const THREADS_ENV: &str = "DATELINE_NUM_THREADS";

struct Pools {
    pid: u32,
    by_threads: HashMap<usize, Arc<ThreadPool>>,
}

static POOLS: Mutex<Option<Pools>> = Mutex::new(None);

/// Threads to use when the caller does not say: `DATELINE_NUM_THREADS`, else every core.
pub fn default_threads() -> usize {
    if let Some(n) = std::env::var(THREADS_ENV).ok().and_then(|v| v.trim().parse::<usize>().ok()) {
        if n > 0 {
            return n;
        }
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The pool with `threads` workers (0 = [`default_threads`]).
pub fn pool(threads: usize) -> Result<Arc<ThreadPool>> {
    let threads = if threads == 0 { default_threads() } else { threads };
    if threads > 1024 {
        return Err(Error::Value(format!("threads={threads} is more than 1024")));
    }
    let pid = std::process::id();
    let mut guard = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if guard.as_ref().is_some_and(|p| p.pid != pid) {
        leak(guard.take());
    }
    let pools = guard.get_or_insert_with(|| Pools { pid, by_threads: HashMap::new() });
    if let Some(p) = pools.by_threads.get(&threads) {
        return Ok(p.clone());
    }
    let built = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("dateline-{i}"))
        .build()
        .map_err(|e| Error::Value(format!("cannot start {threads} worker threads: {e}")))?;
    let built = Arc::new(built);
    pools.by_threads.insert(threads, built.clone());
    Ok(built)
}

/// Drops every cached pool without touching it: for a child process right after `fork()`.
pub fn forget_pools() {
    let mut guard = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    leak(guard.take());
}

fn leak(pools: Option<Pools>) {
    // Dropping would signal threads that only exist in the parent; leaking costs a few KB once per fork.
    std::mem::forget(pools);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_are_cached_per_thread_count() {
        let a = pool(2).unwrap();
        let b = pool(2).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(a.current_num_threads(), 2);
        assert_eq!(pool(1).unwrap().current_num_threads(), 1);
        forget_pools();
        let c = pool(2).unwrap();
        assert!(!Arc::ptr_eq(&a, &c));
        assert!(pool(5000).is_err());
    }
}
