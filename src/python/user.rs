//! `UserNames`: the user's aliases and phrase patterns compiled once (`dateline.aliases` builds it
//! from dicts, CSV files and DataFrames) and passed to `parse` and the corpus engine.
use std::sync::Arc;

use pyo3::prelude::*;

use super::errors::{guarded, input_error};
use crate::types::Label;
use crate::{UserEntry, UserNames};

/// Compiled user names: each entry (phrase, name, label, kb_id, ignore_case).
#[pyclass(module = "dateline", name = "UserNames", frozen)]
pub struct PyUserNames {
    pub(crate) inner: Arc<UserNames>,
}

type Row = (String, Option<String>, Option<String>, Option<String>, bool);

#[pymethods]
impl PyUserNames {
    #[new]
    fn new(py: Python<'_>, entries: Vec<Row>) -> PyResult<Self> {
        let mut out = Vec::with_capacity(entries.len());
        for (phrase, name, label, kb_id, ignore_case) in entries {
            let label = match label.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
                None => None,
                Some(l) => Some(Label::parse(&l.to_ascii_uppercase()).ok_or_else(|| {
                    let all: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
                    input_error(py, format!("unknown label {l:?} for {phrase:?}; choose from {}", all.join(", ")))
                })?),
            };
            out.push(UserEntry { phrase, name, label, kb_id, ignore_case });
        }
        let inner = guarded(py, move || UserNames::new(out))?;
        Ok(PyUserNames { inner: Arc::new(inner) })
    }

    /// The entries as (phrase, name, label, kb_id, ignore_case) tuples.
    fn entries(&self) -> Vec<Row> {
        self.inner
            .entries()
            .iter()
            .map(|e| {
                (
                    e.phrase.clone(),
                    e.name.clone(),
                    e.label.map(|l| l.as_str().to_string()),
                    e.kb_id.clone(),
                    e.ignore_case,
                )
            })
            .collect()
    }

    fn __len__(&self) -> usize {
        self.inner.entries().len()
    }

    fn __repr__(&self) -> String {
        format!("<UserNames: {} entries>", self.inner.entries().len())
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyUserNames>()?;
    Ok(())
}
