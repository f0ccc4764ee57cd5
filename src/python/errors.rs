//! dateline's Python exceptions: the one place where core errors and binding failures become them.
//!
//! The exception classes are defined in Python (`dateline/errors.py`) because they need multiple
//! inheritance (`InputError` is both a `DatelineError` and a `ValueError`), which `create_exception!`
//! cannot express. The binding imports them once and caches the types.
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::error::Error;

static INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ENCODING_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static MISSING_FILE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static MODEL_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static RUN_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

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
        Error::NotFound(_) => raise(py, &MISSING_FILE_ERROR, "MissingFileError", (msg,)),
        Error::Model(_) => raise(py, &MODEL_ERROR, "ModelError", (msg,)),
        Error::Internal(_) => raise(py, &RUN_ERROR, "RunError", (msg,)),
    }
}

/// An `InputError` with the given message (arguments the binding cannot convert).
pub(crate) fn input_error(py: Python<'_>, msg: impl Into<String>) -> PyErr {
    raise(py, &INPUT_ERROR, "InputError", (msg.into(),))
}

/// A `RunError`: a run that failed, not through its input (a lost worker, a job collected twice).
pub(crate) fn run_error(py: Python<'_>, msg: impl Into<String>) -> PyErr {
    raise(py, &RUN_ERROR, "RunError", (msg.into(),))
}

/// Runs `f` without the GIL, turning a panic into a `RunError` and a core error into its exception.
/// Every call from the binding into the core goes through here.
pub(crate) fn guarded<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: FnOnce() -> crate::Result<T> + Send,
    T: Send,
{
    py.detach(move || crate::error::catch_panic(f)).map_err(|e| to_pyerr(py, e))
}
