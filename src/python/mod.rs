//! The pyo3 binding: converts inputs to owned Rust data, releases the GIL around heavy work and
//! maps core errors to dateline's Python exceptions. No logic of its own.
use pyo3::prelude::*;

mod corpus;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    corpus::register(m)?;
    Ok(())
}
