//! Binding of the corpus engine: turns one batch of Python documents into owned Rust data, runs it
//! on the worker pool without the GIL and hands the result tables back as Arrow buffers.
//!
//! A batch runs as a job so the caller's thread stays free: `corpus_start` returns at once (the
//! Python reader fetches the next batch meanwhile) and `CorpusJob.wait` blocks with the GIL released,
//! waking every 50 ms to run Python's signal handlers: Ctrl-C raises the cancel flag, the workers stop
//! within a fraction of a second (the stages check the flag too) and `KeyboardInterrupt`
//! propagates.
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Mutex;
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use super::article::str_value;
use super::errors::{input_error, run_error, to_pyerr};
use crate::corpus::{self, CancelFlag, Column, Document, JsonFields, Options, Payload, Table, Tables, Want};

type Outcome = crate::Result<Result<Tables, corpus::Cancelled>>;

/// A batch being analysed on the worker pool.
#[pyclass(module = "dateline._native", name = "CorpusJob")]
pub struct Job {
    rx: Mutex<Option<Receiver<Outcome>>>,
    cancel: CancelFlag,
}

#[pymethods]
impl Job {
    /// Waits for the batch and returns {table: [(column, kind, length, null_count, validity, offsets,
    /// data)]}. Raises KeyboardInterrupt (after stopping the workers) when a signal handler raises.
    fn wait<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rx = self
            .rx
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .ok_or_else(|| run_error(py, "this corpus job was already collected"))?;
        let mut rx = rx;
        let outcome = loop {
            // The receiver moves in and out of the GIL-free closure: it is Send but not Sync.
            let (back, got) = py.detach(move || {
                let got = rx.recv_timeout(Duration::from_millis(50));
                (rx, got)
            });
            rx = back;
            match got {
                Ok(outcome) => break outcome,
                Err(RecvTimeoutError::Timeout) => {
                    if let Err(interrupt) = py.check_signals() {
                        self.cancel.cancel();
                        // The workers stop soon (the stages see the flag); waiting for them leaves
                        // the pool free for the next run.
                        let _ = py.detach(move || rx.recv().is_ok());
                        return Err(interrupt);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(run_error(py, "corpus worker ended without a result"))
                }
            }
        };
        match outcome {
            Ok(Ok(tables)) => tables_to_py(py, tables),
            Ok(Err(corpus::Cancelled)) => Err(pyo3::exceptions::PyKeyboardInterrupt::new_err("corpus run cancelled")),
            Err(e) => Err(to_pyerr(py, e)),
        }
    }

    /// Asks the workers to stop after the documents in hand.
    fn cancel(&self) {
        self.cancel.cancel();
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        // A job nobody waits for (an exception in the caller) should not keep the cores busy.
        self.cancel.cancel();
    }
}

fn payload_of(item: &Bound<'_, PyAny>, json: bool, lossy: bool, error: Option<String>) -> Payload {
    if item.is_none() {
        return Payload::Failed(error.unwrap_or_else(|| "no text".into()));
    }
    if let Ok(s) = item.downcast::<PyString>() {
        return match s.to_cow() {
            Ok(t) if json => Payload::JsonLine(t.into_owned().into_bytes()),
            Ok(t) => Payload::Text(t.into_owned()),
            // Lone surrogates: bytes a reader kept with errors="surrogateescape". Turned back into
            // those bytes, the core reports the first invalid byte's offset (or decodes lossily).
            Err(_) => match s.call_method1("encode", ("utf-8", "surrogateescape")).and_then(|b| b.extract::<Vec<u8>>())
            {
                Ok(bytes) if json => Payload::JsonLine(bytes),
                Ok(bytes) => Payload::Bytes(bytes),
                Err(_) => match str_value(item.py(), "text", s, lossy) {
                    Ok(t) if json => Payload::JsonLine(t.into_bytes()),
                    Ok(t) => Payload::Text(t),
                    Err(e) => Payload::Failed(e.value(item.py()).to_string()),
                },
            },
        };
    }
    if let Ok(b) = item.downcast::<PyBytes>() {
        let bytes = b.as_bytes().to_vec();
        return if json { Payload::JsonLine(bytes) } else { Payload::Bytes(bytes) };
    }
    let kind = item.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
    Payload::Failed(format!("text is a {kind}, not a str"))
}

/// A metadata column: one str or None per document. A str with lone surrogates is replaced (U+FFFD)
/// and, unless `lossy`, makes its document an error row naming the field (the first such reason
/// is kept in `errors`).
fn str_column(
    py: Python<'_>,
    values: Option<Vec<Bound<'_, PyAny>>>,
    n: usize,
    what: &str,
    lossy: bool,
    errors: &mut [Option<String>],
) -> PyResult<Vec<Option<String>>> {
    let Some(values) = values else { return Ok(vec![None; n]) };
    if values.len() != n {
        return Err(input_error(py, format!("{what} has {} items for {n} documents", values.len())));
    }
    let mut out = Vec::with_capacity(n);
    for (i, v) in values.iter().enumerate() {
        if v.is_none() {
            out.push(None);
            continue;
        }
        let s = v.downcast::<PyString>().map_err(|_| input_error(py, format!("{what}[{i}] must be a str or None")))?;
        let value = match str_value(py, what, s, lossy) {
            Ok(t) => t,
            Err(e) => {
                if errors[i].is_none() {
                    errors[i] = Some(e.value(py).to_string());
                }
                str_value(py, what, s, true)?
            }
        };
        out.push(Some(value));
    }
    Ok(out)
}

fn column<T>(py: Python<'_>, values: Option<Vec<T>>, n: usize, what: &str) -> PyResult<Vec<Option<T>>> {
    match values {
        None => Ok((0..n).map(|_| None).collect()),
        Some(v) if v.len() == n => Ok(v.into_iter().map(Some).collect()),
        Some(v) => Err(input_error(py, format!("{what} has {} items for {n} documents", v.len()))),
    }
}

/// Starts analysing one batch. `payloads` items are str (text), bytes (UTF-8 to decode, or a JSON
/// line with `kind="jsonl"`) or None (a record the reader could not read: `errors[i]` says why).
#[pyfunction]
#[pyo3(signature = (payloads, *, kind="text", ids=None, dates=None, sources=None, headlines=None,
    files=None, lines=None, errors=None, threads=0, max_bytes=corpus::DEFAULT_MAX_BYTES, lossy=false,
    json_text="text".to_string(), json_id=Some("id".to_string()), json_date=Some("date".to_string()),
    json_source=None, json_headline=None, entities=true, quotes=true, events=true,
    attributions=true, run_entities=true, run_reading=true, names=None, doc_types=None, signatures=true))]
#[allow(clippy::too_many_arguments)]
fn corpus_start(
    py: Python<'_>,
    payloads: &Bound<'_, PyList>,
    kind: &str,
    ids: Option<Vec<Bound<'_, PyAny>>>,
    dates: Option<Vec<Bound<'_, PyAny>>>,
    sources: Option<Vec<Bound<'_, PyAny>>>,
    headlines: Option<Vec<Bound<'_, PyAny>>>,
    files: Option<Vec<Bound<'_, PyAny>>>,
    lines: Option<Vec<Option<i64>>>,
    errors: Option<Vec<Option<String>>>,
    threads: usize,
    max_bytes: usize,
    lossy: bool,
    json_text: String,
    json_id: Option<String>,
    json_date: Option<String>,
    json_source: Option<String>,
    json_headline: Option<String>,
    entities: bool,
    quotes: bool,
    events: bool,
    attributions: bool,
    run_entities: bool,
    run_reading: bool,
    names: Option<PyRef<'_, super::user::PyUserNames>>,
    doc_types: Option<Vec<Bound<'_, PyAny>>>,
    signatures: bool,
) -> PyResult<Job> {
    let json = match kind {
        "text" => false,
        "jsonl" => true,
        other => return Err(input_error(py, format!("kind must be 'text' or 'jsonl', not {other:?}"))),
    };
    let n = payloads.len();
    let lines = column(py, lines, n, "lines")?;
    let mut errors: Vec<Option<String>> = column(py, errors, n, "errors")?.into_iter().map(Option::flatten).collect();
    let ids = str_column(py, ids, n, "id", lossy, &mut errors)?;
    let dates = str_column(py, dates, n, "date", lossy, &mut errors)?;
    let sources = str_column(py, sources, n, "source", lossy, &mut errors)?;
    let headlines = str_column(py, headlines, n, "headline", lossy, &mut errors)?;
    let doc_types = str_column(py, doc_types, n, "doc_type", lossy, &mut errors)?;
    // A file name is where the record came from, not part of it: always shown, replaced if need be.
    let files = str_column(py, files, n, "file", true, &mut errors)?;
    let mut docs = Vec::with_capacity(n);
    for (i, ((((((item, id), date), source), headline), (file, line)), doc_type)) in payloads
        .iter()
        .zip(ids)
        .zip(dates)
        .zip(sources)
        .zip(headlines)
        .zip(files.into_iter().zip(lines))
        .zip(doc_types)
        .enumerate()
    {
        let error = errors[i].take();
        // A reason found in the metadata wins over the payload: the record is an error row.
        let payload = match error {
            Some(msg) if !item.is_none() => Payload::Failed(msg),
            error => payload_of(&item, json, lossy, error),
        };
        docs.push(Document { id, payload, date, source, headline, file, line: line.flatten(), doc_type });
    }
    let opts = Options {
        threads,
        max_bytes,
        lossy,
        json: JsonFields {
            text: json_text,
            id: json_id,
            date: json_date,
            source: json_source,
            headline: json_headline,
        },
        want: Want { entities, quotes, events, attributions },
        stages: crate::Stages { entities: run_entities, reading: run_reading },
        names: names.map(|n| n.inner.clone()),
        signatures,
    };
    let pool = corpus::pool::pool(threads).map_err(|e| to_pyerr(py, e))?;
    let cancel = CancelFlag::new();
    let (tx, rx) = mpsc::sync_channel::<Outcome>(1);
    let flag = cancel.clone();
    pool.spawn(move || {
        // A panic escaping a rayon task aborts the process: catch it and report it instead.
        let outcome = crate::error::catch_panic(|| Ok(corpus::run_here(docs, &opts, &flag)));
        let _ = tx.send(outcome);
    });
    Ok(Job { rx: Mutex::new(Some(rx)), cancel })
}

/// A buffer of a result column, owned by Rust and lent to pyarrow without a copy: Python wraps it
/// with `pyarrow.foreign_buffer(buf.address, buf.size, base=buf)`, which keeps this object (and so
/// the memory) alive as long as any Arrow array uses it. Never written after it is made.
#[pyclass(module = "dateline._native", name = "ArrowBuffer", frozen)]
pub struct PyArrowBuffer {
    owned: Owned,
}

enum Owned {
    Bytes(Vec<u8>),
    Ints(Vec<i64>),
}

#[pymethods]
impl PyArrowBuffer {
    /// Address of the first byte.
    #[getter]
    fn address(&self) -> usize {
        match &self.owned {
            Owned::Bytes(v) => v.as_ptr() as usize,
            Owned::Ints(v) => v.as_ptr() as usize,
        }
    }

    /// Length in bytes.
    #[getter]
    fn size(&self) -> usize {
        match &self.owned {
            Owned::Bytes(v) => v.len(),
            Owned::Ints(v) => std::mem::size_of_val(v.as_slice()),
        }
    }

    fn __len__(&self) -> usize {
        self.size()
    }
}

fn lend<'py>(py: Python<'py>, owned: Owned) -> PyResult<Bound<'py, PyAny>> {
    Ok(Bound::new(py, PyArrowBuffer { owned })?.into_any())
}

/// A string column's offsets (i64) and data, lent to Python without a copy: other bindings return
/// strings the way the corpus tables do (`large_string` on the Python side).
pub(super) fn lend_strings<'py>(
    py: Python<'py>,
    c: corpus::StrColumn,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    Ok((lend(py, Owned::Ints(c.offsets))?, lend(py, Owned::Bytes(c.data))?))
}

fn validity_of<'py>(py: Python<'py>, v: &corpus::Validity) -> PyResult<Bound<'py, PyAny>> {
    match v.bitmap() {
        Some(b) => lend(py, Owned::Bytes(b.to_vec())),
        None => Ok(py.None().into_bound(py)),
    }
}

/// The table's columns as (name, kind, length, null_count, validity, offsets, data), the buffers
/// moved into [`PyArrowBuffer`]s: no copy of the data (the validity bitmaps, one bit a row, are).
fn table_to_py(py: Python<'_>, table: Table) -> PyResult<Bound<'_, PyList>> {
    let out = PyList::empty(py);
    for (name, col) in table.columns {
        let len = col.len();
        let (kind, nulls, validity, offsets, data) = match col {
            Column::Str(c) => (
                "str",
                c.validity.null_count(),
                validity_of(py, &c.validity)?,
                lend(py, Owned::Ints(c.offsets))?,
                lend(py, Owned::Bytes(c.data))?,
            ),
            Column::Int(c) => (
                "int",
                c.validity.null_count(),
                validity_of(py, &c.validity)?,
                py.None().into_bound(py),
                lend(py, Owned::Ints(c.values))?,
            ),
            Column::Bool(c) => (
                "bool",
                c.validity.null_count(),
                validity_of(py, &c.validity)?,
                py.None().into_bound(py),
                lend(py, Owned::Bytes(c.value_bits().to_vec()))?,
            ),
        };
        let item = PyTuple::new(
            py,
            [
                PyString::new(py, name).into_any(),
                PyString::new(py, kind).into_any(),
                len.into_pyobject(py)?.into_any(),
                nulls.into_pyobject(py)?.into_any(),
                validity,
                offsets,
                data,
            ],
        )?;
        out.append(item)?;
    }
    Ok(out)
}

fn tables_to_py(py: Python<'_>, t: Tables) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("articles", table_to_py(py, t.articles)?)?;
    d.set_item("entities", table_to_py(py, t.entities)?)?;
    d.set_item("quotes", table_to_py(py, t.quotes)?)?;
    d.set_item("events", table_to_py(py, t.events)?)?;
    // near-duplicate signatures of the articles rows (crate::corpus::dedupe), empty when not asked for
    d.set_item("signatures", PyBytes::new(py, &t.signatures))?;
    d.set_item("attributions", table_to_py(py, t.attributions)?)?;
    Ok(d)
}

/// Seconds the corpus engine has spent in its parallel section (analysis and joining the tables on
/// the worker pool; overlapping batches count once) since the process started or the last
/// `reset=True`. For the serial-fraction benchmark: the rest of a run's wall time is serial.
#[pyfunction]
#[pyo3(signature = (*, reset=false))]
fn corpus_parallel_seconds(reset: bool) -> f64 {
    let t = corpus::timing::parallel_seconds();
    if reset {
        corpus::timing::reset();
    }
    t
}

/// Worker threads used when `threads` is not given (DATELINE_NUM_THREADS, else every core).
#[pyfunction]
fn corpus_default_threads() -> usize {
    corpus::pool::default_threads()
}

/// Most worker threads a run may ask for.
#[pyfunction]
fn corpus_max_threads() -> usize {
    corpus::pool::max_threads()
}

/// For `os.register_at_fork(after_in_child=...)`: the parent's worker threads do not exist in a
/// forked child, so its pools are dropped and rebuilt on next use.
#[pyfunction]
fn corpus_after_fork_in_child() {
    corpus::pool::forget_pools();
}

/// The model and data files compiled into the extension: [(path in the repository, bytes)].
#[pyfunction]
fn model_files(py: Python<'_>) -> Vec<(&'static str, Bound<'_, PyBytes>)> {
    crate::model_files().into_iter().map(|(path, bytes)| (path, PyBytes::new(py, bytes))).collect()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Job>()?;
    m.add_class::<PyArrowBuffer>()?;
    m.add_function(wrap_pyfunction!(corpus_parallel_seconds, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_start, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_max_threads, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_after_fork_in_child, m)?)?;
    m.add_function(wrap_pyfunction!(model_files, m)?)?;
    m.add("CORPUS_DEFAULT_MAX_BYTES", corpus::DEFAULT_MAX_BYTES)?;
    // {table: [(column, Python type)]}, from the record declarations (crate::records).
    let schemas = pyo3::types::PyDict::new(m.py());
    for (table, fields) in crate::records::table_schemas() {
        let cols: Vec<(&str, &str)> = fields.iter().map(|f| (f.name, f.py)).collect();
        schemas.set_item(table, cols)?;
    }
    m.add("CORPUS_COLUMNS", schemas)?;
    Ok(())
}
