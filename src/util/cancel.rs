//! Cooperative cancellation inside the stages.
//!
//! A corpus run checks its cancel flag between documents, but one pathological story can keep a
//! worker busy for seconds. The run therefore makes its flag the worker thread's current one
//! ([`Scope`]) while it analyses a document, and the long loops of the stages ask [`requested`]
//! now and then: when it says yes they stop early and the run throws the unfinished document away.
//! Outside a scope (`parse` of one story) nothing is ever requested.
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A flag shared by a run and its workers; raising it asks every stage to stop.
#[derive(Debug, Clone, Default)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the run (and any stage working for it) to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

thread_local! {
    static CURRENT: RefCell<Option<CancelFlag>> = const { RefCell::new(None) };
}

/// Makes a flag this thread's current one until dropped (then the previous one is current again).
pub struct Scope {
    previous: Option<CancelFlag>,
}

impl Scope {
    pub fn enter(flag: &CancelFlag) -> Scope {
        let previous = CURRENT.with(|c| c.replace(Some(flag.clone())));
        Scope { previous }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let previous = self.previous.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
    }
}

/// Whether this thread's current run has been cancelled (never, outside a [`Scope`]).
#[inline]
pub fn requested() -> bool {
    CURRENT.with(|c| c.borrow().as_ref().is_some_and(CancelFlag::is_cancelled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_nest_and_end() {
        assert!(!requested());
        let outer = CancelFlag::new();
        let inner = CancelFlag::new();
        {
            let _a = Scope::enter(&outer);
            {
                let _b = Scope::enter(&inner);
                outer.cancel();
                assert!(!requested(), "the inner run was not cancelled");
                inner.cancel();
                assert!(requested());
            }
            assert!(requested(), "back in the cancelled outer run");
        }
        assert!(!requested());
        // other threads are not affected
        let _a = Scope::enter(&outer);
        assert!(!std::thread::spawn(requested).join().unwrap());
    }
}
