//! dateline's Python exceptions and the guard that keeps Rust panics from reaching Python.
//!
//! The exception classes are defined in Python (`dateline/errors.py`) because they need multiple
//! inheritance (`InputError` is both a `DatelineError` and a `ValueError`), which `create_exception!`
//! cannot express. The binding imports them once and caches the types.
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::error::Error;

static DATELINE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ENCODING_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static MODEL_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

const ERRORS_MODULE: &str = "dateline.errors";

fn raise<'py, A: pyo3::call::PyCallArgs<'py>>(
    py: Python<'py>,
    cell: &PyOnceLock<Py<PyType>>,
    name: &str,
    args: A,
) -> PyErr {
    match cell.import(py, ERRORS_MODULE, name) {
        Ok(ty) => match ty.call1(args) {
            Ok(exc) => PyErr::from_value(exc),
            Err(e) => e,
        },
        // The package is broken (errors.py missing): still say something useful.
        Err(e) => e,
    }
}

/// Maps a core error to its Python exception.
pub(crate) fn to_pyerr(py: Python<'_>, err: Error) -> PyErr {
    let msg = err.to_string();
    match err {
        Error::Encoding { offset, .. } => raise(py, &ENCODING_ERROR, "EncodingError", (msg, offset)),
        Error::Input(_) | Error::Value(_) => raise(py, &INPUT_ERROR, "InputError", (msg,)),
        Error::Model(_) => raise(py, &MODEL_ERROR, "ModelError", (msg,)),
    }
}

/// An `InputError` with the given message (bad arguments found by the binding itself).
pub(crate) fn input_error(py: Python<'_>, msg: impl Into<String>) -> PyErr {
    raise(py, &INPUT_ERROR, "InputError", (msg.into(),))
}

/// A `DatelineError` for a failure inside the core that is not the caller's fault.
pub(crate) fn internal_error(py: Python<'_>, msg: impl Into<String>) -> PyErr {
    raise(py, &DATELINE_ERROR, "DatelineError", (msg.into(),))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Runs `f` without the GIL, turning a panic into a `DatelineError` and a core error into its
/// exception. Every call from the binding into the core goes through here.
pub(crate) fn guarded<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: FnOnce() -> crate::Result<T> + Send,
    T: Send,
{
    let outcome = py.detach(move || catch_unwind(AssertUnwindSafe(f)).map_err(|p| panic_message(&*p)));
    match outcome {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(to_pyerr(py, e)),
        Err(panic) => Err(internal_error(
            py,
            format!("internal error in the dateline core (please report it with the input): {panic}"),
        )),
    }
}
