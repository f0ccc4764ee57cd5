//! Evaluations and data set readers of the core, for the CLI (`dateline eval ...`) and benchmarks.
//! Results cross as plain dicts (the core's serde records), so the CLI can print or dump them.
use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use super::errors::guarded;
use super::records::serialize_to_py;
use crate::corpus::reuters;
use crate::Error;

/// TempEval-3 measures (strict, relaxed, value P/R/F1 in percent) of DATE/TIME entities on the
/// TimeML files of `path`.
#[pyfunction]
fn eval_timebank<'py>(py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyAny>> {
    let report = guarded(py, move || crate::eval::time::evaluate_timebank(&path))?;
    serialize_to_py(py, &report)
}

/// PolNeAR direct quotes (P/R/F1), named-speaker accuracy and attributions (P/R/F1), in percent, of
/// the full pipeline on the JSONL file at `path` (the rule: `dateline::eval::polnear`).
#[pyfunction]
fn eval_polnear<'py>(py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyAny>> {
    let report = guarded(py, move || crate::eval::polnear::evaluate(&path))?;
    serialize_to_py(py, &report)
}

/// CoNLL-2003 precision, recall and F1 per type and overall of the full pipeline on the IOB1/IOB2
/// file at `path`, by the issue-3 protocol (one text per document, exact spans, CoNLL types).
#[pyfunction]
#[pyo3(signature = (path, type_map=None, sentence_docs=false, upper=false))]
fn eval_conll<'py>(
    py: Python<'py>,
    path: PathBuf,
    type_map: Option<std::collections::HashMap<String, String>>,
    sentence_docs: bool,
    upper: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = crate::eval::ner::ConllOptions { type_map, sentence_docs, upper };
    let report = guarded(py, move || crate::eval::ner::evaluate_conll_opts(&path, &opts))?;
    serialize_to_py(py, &report)
}

/// Every Reuters-21578 story of the `reut2-*.sgm` files in `path`: dicts with id, date, title,
/// author, dateline, body and `text`, the rebuilt raw wire text (title, author, dateline + body).
#[pyfunction]
fn load_reuters<'py>(py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyList>> {
    let stories = guarded(py, move || {
        if !path.exists() {
            return Err(Error::NotFound(format!("no such directory: {}", path.display())));
        }
        if !path.is_dir() {
            return Err(Error::Input(format!("{}: not a directory", path.display())));
        }
        reuters::read_dir(&path).map_err(|e| Error::Input(format!("{}: {e}", path.display())))
    })?;
    let out = PyList::empty(py);
    for s in &stories {
        let d = PyDict::new(py);
        d.set_item("id", s.id)?;
        d.set_item("date", &s.date)?;
        d.set_item("title", &s.title)?;
        d.set_item("author", &s.author)?;
        d.set_item("dateline", &s.dateline)?;
        d.set_item("body", &s.body)?;
        d.set_item("text", s.wire_text())?;
        out.append(d)?;
    }
    Ok(out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(eval_conll, m)?)?;
    m.add_function(wrap_pyfunction!(eval_timebank, m)?)?;
    m.add_function(wrap_pyfunction!(eval_polnear, m)?)?;
    m.add_function(wrap_pyfunction!(load_reuters, m)?)?;
    // The label set with the CoNLL-2003 type each is scored as: the one list Python checks
    // `labels=` arguments against and the reference page is tested against.
    let labels: Vec<(&str, Option<&str>)> = crate::Label::ALL.iter().map(|l| (l.as_str(), l.conll())).collect();
    m.add("LABELS", labels)?;
    Ok(())
}
