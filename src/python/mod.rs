//! The pyo3 binding: converts inputs to owned Rust data, releases the GIL around heavy work and
//! maps core errors to dateline's Python exceptions. No logic of its own.
//!
//! One submodule per area, each with a `register(m)` that adds its functions and classes to
//! `dateline._native`. To add an area: write `src/python/<area>.rs` with
//! `pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()>`, declare it below and call it in
//! `_native`. Shared helpers for all submodules:
//! - `errors::guarded(py, || core_call())`: runs core work without the GIL, maps `crate::Error` to the
//!   Python exception and a panic to `RunError`. Every call into the core goes through it.
//! - `errors::to_pyerr`, `errors::input_error`, `errors::run_error`: the one mapping to exceptions.
//! - `article::text_arg`, `article::date_arg`: convert the `text` (str/bytes) and `date=` arguments to
//!   Rust strings (the core checks them); `article::PyArticle::new` wraps a core `Article` for Python;
//!   `crate::util::offsets::CharIndex` converts byte offsets to `str` indices.
use pyo3::prelude::*;

// Many small, short-lived allocations per story (names, values, clusters): mimalloc serves them
// in a fraction of the system allocator's instructions.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub(crate) mod article;
pub(crate) mod corpus;
pub(crate) mod datasets;
pub(crate) mod dedupe;
pub(crate) mod errors;
pub(crate) mod records;
pub(crate) mod stats;
pub(crate) mod user;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    article::register(m)?;
    records::register(m)?;
    datasets::register(m)?;
    corpus::register(m)?;
    stats::register(m)?;
    user::register(m)?;
    dedupe::register(m)?;
    Ok(())
}
