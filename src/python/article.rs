//! `dateline.parse` and the `Article` it returns.
//!
//! `Article` keeps the core's article (byte offsets) and builds the record objects on first access
//! (`crate::records::build`, every offset converted to a `str` index); the lists are cached, so
//! `parse` itself costs no more than the core.
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList, PyString};

use super::errors::{guarded, input_error};
use super::records::{opt_repr, pyrepr, serialize_to_py, short};
use crate::records::build::Records;
use crate::records::DatelineRecord;
use crate::types::Article;
use crate::util::offsets::CharIndex;
use crate::{analyze_with_names, ParseOptions, Stages};

/// A parsed story. Lists are built on first access and cached; each access returns a new list.
/// `len(article)` is `len(article.text)`: the story's length in characters. Every attribute, label
/// and value format is described in docs/reference.md.
#[pyclass(module = "dateline", name = "Article", frozen)]
pub struct PyArticle {
    art: Arc<Article>,
    map: Arc<CharIndex>,
    text: PyOnceLock<Py<PyString>>,
    tokens: PyOnceLock<Py<PyList>>,
    sentences: PyOnceLock<Py<PyList>>,
    entities: PyOnceLock<Py<PyList>>,
}

impl PyArticle {
    /// Wraps a core article; `text` is the caller's `str` when there is one (saves a copy).
    pub(crate) fn new(py: Python<'_>, art: Arc<Article>, map: CharIndex, text: Option<Py<PyString>>) -> PyArticle {
        let cell = PyOnceLock::new();
        if let Some(t) = text {
            // A fresh cell cannot be set already.
            let _ = cell.set(py, t);
        }
        PyArticle {
            art,
            map: Arc::new(map),
            text: cell,
            tokens: PyOnceLock::new(),
            sentences: PyOnceLock::new(),
            entities: PyOnceLock::new(),
        }
    }

    /// The core article, for other binding modules (corpus rows, statistics).
    #[allow(dead_code)]
    pub(crate) fn core(&self) -> &Article {
        &self.art
    }

    fn views(&self) -> Records<'_> {
        Records { art: &self.art, map: &self.map }
    }

    fn cached<'py, T, F>(
        &self,
        py: Python<'py>,
        cell: &PyOnceLock<Py<PyList>>,
        build: F,
    ) -> PyResult<Bound<'py, PyList>>
    where
        T: for<'a> IntoPyObject<'a>,
        F: FnOnce(&Records<'_>) -> Vec<T>,
    {
        let list = cell.get_or_try_init(py, || -> PyResult<Py<PyList>> {
            let items = build(&self.views());
            Ok(PyList::new(py, items)?.unbind())
        })?;
        let list = list.bind(py);
        // A copy, so a caller who edits the list does not edit the article.
        Ok(list.get_slice(0, list.len()))
    }

    fn list<'py, T>(py: Python<'py>, items: Vec<T>) -> PyResult<Bound<'py, PyList>>
    where
        T: for<'a> IntoPyObject<'a>,
    {
        PyList::new(py, items)
    }
}

#[pymethods]
impl PyArticle {
    /// The text given to `parse`; every `.start` / `.end` indexes it.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.text.get_or_init(py, || PyString::new(py, &self.art.text).unbind()).bind(py).clone()
    }
    /// Where the story came from (file name, feed), as given to `parse(source=...)`; None if not given.
    #[getter]
    fn source(&self) -> Option<String> {
        self.art.source.clone()
    }
    /// ISO `YYYY-MM-DD` or None.
    #[getter]
    fn date(&self) -> Option<String> {
        self.art.date.clone()
    }
    /// Advisory lines above the story ("URGENT", "EDITORS: ..."), as written.
    #[getter]
    fn advisory(&self) -> Vec<String> {
        self.art.advisory.clone()
    }
    /// The slug line of a NYT News Service or AP story ("BC-CUBA-FAMILY-$ADV26-COX"), or None.
    #[getter]
    fn slug(&self) -> Option<String> {
        self.art.slug.clone()
    }
    /// Author names ("Lee Minji"); see `byline_details` for the lines as written.
    #[getter]
    fn bylines(&self) -> Vec<String> {
        self.art.bylines.iter().map(|b| b.name.clone()).collect()
    }
    /// The bylines as `Byline` records: name, the line as written, offsets.
    #[getter]
    fn byline_details<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().bylines())
    }
    /// The headline, or None when the story has none.
    #[getter]
    fn headline(&self) -> Option<String> {
        self.views().headline()
    }
    /// The dateline ("SEOUL, July 27 (Yonhap) --") as a `Dateline` record: place, date, agency; or None.
    #[getter]
    fn dateline(&self) -> Option<DatelineRecord> {
        self.views().dateline()
    }
    /// Body paragraphs as `Paragraph` records (text, offsets), in order.
    #[getter]
    fn paragraphs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().paragraphs())
    }
    /// Photo captions as `Caption` records: text, credit, source, restriction.
    #[getter]
    fn captions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().captions())
    }
    /// Names on the credit lines (reporters, editors, contributors, copyright holders, sign-offs).
    #[getter]
    fn credits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().credits())
    }
    /// Body paragraphs joined by blank lines.
    #[getter]
    fn body(&self) -> String {
        self.art.body()
    }
    /// Sentences as `Sentence` records (text, offsets, token range).
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.cached(py, &self.sentences, |v| v.sentences())
    }
    /// Tokens as `Token` records (text, offsets, sentence).
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.cached(py, &self.tokens, |v| v.tokens())
    }
    /// Named entities, numbers and times as `Entity` records: text, label, canonical name, title,
    /// time value, country code, offsets. Labels and value formats: docs/reference.md.
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.cached(py, &self.entities, |v| v.entities())
    }
    /// Mentions of one entity grouped as `Cluster` records: canonical name, label, mention indices.
    #[getter]
    fn clusters<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().clusters())
    }
    /// Acronyms defined in the story as `Acronym` records ("JCS" -> "Joint Chiefs of Staff").
    #[getter]
    fn acronyms<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().acronyms())
    }
    /// Quotations as `Quote` records: text, speaker (a person or body), source (a medium cited, such
    /// as "KCNA"), reporting verb, offsets.
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().quotes())
    }
    /// Reported speech as `Attribution` records, direct (the quotes) and indirect ("X said (that) ...",
    /// "according to X, ..."): speaker, its mention's offsets, verb, its offsets, text, offsets, direct.
    #[getter]
    fn attributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().attributions())
    }
    /// Events as `Event` records: subject, predicate (an event code, see docs/reference.md), object,
    /// detail, offsets.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().events())
    }

    /// The article as a JSON-ready dict. Same defaults as `to_json`: the input text included
    /// (`text=False` leaves it out), tokens left out (`tokens=True` adds them; they are most of the size).
    #[pyo3(signature = (*, text = true, tokens = false))]
    fn to_dict<'py>(&self, py: Python<'py>, text: bool, tokens: bool) -> PyResult<Bound<'py, PyAny>> {
        let record = self.views().record(text, tokens);
        serialize_to_py(py, &record)
    }

    /// The article as one line of JSON (what `dateline parse` prints). Same defaults as `to_dict`:
    /// the input text included, tokens left out.
    #[pyo3(signature = (*, text = true, tokens = false))]
    fn to_json(&self, py: Python<'_>, text: bool, tokens: bool) -> PyResult<String> {
        let art = self.art.clone();
        let map = self.map.clone();
        guarded(py, move || {
            let record = Records { art: &art, map: &map }.record(text, tokens);
            serde_json::to_string(&record).map_err(|e| crate::Error::Value(e.to_string()))
        })
    }

    fn __repr__(&self) -> String {
        let a = &self.art;
        let mut parts = Vec::new();
        parts.push(format!("date={}", opt_repr(&a.date)));
        if let Some(d) = &a.dateline {
            parts.push(format!("dateline={}", pyrepr(&d.place)));
        }
        if let Some(h) = a.headline_text() {
            parts.push(format!("headline={}", pyrepr(&short(h, 50))));
        }
        parts.push(format!(
            "paragraphs={}, sentences={}, tokens={}, entities={}, quotes={}",
            a.paragraphs.len(),
            a.sentences.len(),
            a.tokens.len(),
            a.entities.len(),
            a.quotes.len()
        ));
        format!("<Article {}>", parts.join(", "))
    }

    /// `len(article)` is `len(article.text)`: the story's length in characters (code points).
    fn __len__(&self) -> usize {
        self.map.char_of(&self.art.text, self.art.text.len())
    }
}

/// Reads the `text` argument: `str`, or `bytes` decoded as UTF-8 (strict unless errors="replace").
pub(crate) fn text_arg(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    lossy: bool,
) -> PyResult<(String, Option<Py<PyString>>)> {
    if let Ok(s) = text.downcast::<PyString>() {
        if let Ok(t) = s.to_cow() {
            return Ok((t.into_owned(), Some(s.clone().unbind())));
        }
        // Lone surrogates: an InputError, or each one replaced (the caller's str is not kept then,
        // but every index still matches it: one code point stands for one).
        return Ok((str_value(py, "text", s, lossy)?, None));
    }
    if let Ok(b) = text.downcast::<PyBytes>() {
        let bytes = b.as_bytes();
        let decoded = crate::error::decode_utf8(bytes, lossy).map_err(|e| super::errors::to_pyerr(py, e))?;
        return Ok((decoded.into_owned(), None));
    }
    if let Ok(b) = text.extract::<Vec<u8>>() {
        if !text.is_instance_of::<pyo3::types::PyList>() {
            let decoded = crate::error::decode_utf8(&b, lossy).map_err(|e| super::errors::to_pyerr(py, e))?;
            return Ok((decoded.into_owned(), None));
        }
    }
    Err(input_error(
        py,
        format!("text must be str or bytes, got {}", text.get_type().name().map(|n| n.to_string()).unwrap_or_default()),
    ))
}

/// A `str` argument as UTF-8. A str holding lone surrogates (which have no UTF-8 form) is an
/// `InputError` naming the argument and the index, or under `lossy` has each replaced by U+FFFD.
/// Every string argument of the binding goes through here, so all are checked alike.
pub(crate) fn str_value(py: Python<'_>, what: &str, s: &Bound<'_, PyString>, lossy: bool) -> PyResult<String> {
    if let Ok(t) = s.to_cow() {
        return Ok(t.into_owned());
    }
    // UTF-32 keeps one unit per code point, so the index is the str index and adjacent surrogates
    // are not joined into a pair that Python itself does not see.
    let units: Vec<u8> = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?.extract()?;
    let mut out = String::with_capacity(units.len() / 4);
    for (i, u) in units.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).enumerate() {
        match char::from_u32(u) {
            Some(c) => out.push(c),
            None if lossy => out.push('\u{FFFD}'),
            None => {
                return Err(input_error(
                    py,
                    format!(
                        "{what} is not valid Unicode: lone surrogate U+{u:04X} at index {i} \
                         (errors=\"replace\" replaces it)"
                    ),
                ))
            }
        }
    }
    Ok(out)
}

/// An optional `str` argument read through [`str_value`]; anything else is an `InputError`.
pub(crate) fn opt_str_arg(
    py: Python<'_>,
    what: &str,
    v: Option<&Bound<'_, PyAny>>,
    lossy: bool,
) -> PyResult<Option<String>> {
    let Some(v) = v.filter(|v| !v.is_none()) else { return Ok(None) };
    match v.downcast::<PyString>() {
        Ok(s) => str_value(py, what, s, lossy).map(Some),
        Err(_) => {
            let kind = v.get_type().name().map(|n| n.to_string()).unwrap_or_default();
            Err(input_error(py, format!("{what} must be a str or None, not {kind}")))
        }
    }
}

/// Reads `errors=` ("strict" or "replace") as whether to decode lossily. Taken as any object so a
/// str that is not valid Unicode is an `InputError` like every other bad value.
pub(crate) fn errors_arg(errors: &Bound<'_, PyAny>) -> PyResult<bool> {
    let py = errors.py();
    match errors.downcast::<PyString>().ok().and_then(|s| s.to_cow().ok()).as_deref() {
        Some("strict") => Ok(false),
        Some("replace") => Ok(true),
        _ => {
            let shown = errors.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into());
            Err(input_error(py, format!("errors must be 'strict' or 'replace', got {shown}")))
        }
    }
}

/// Reads `date=` as a string: a `str` as given, a `datetime.date` / `datetime.datetime` (anything
/// with `isoformat`) in ISO form. The core checks the value (`ParseOptions::validated`).
pub(crate) fn date_arg(py: Python<'_>, date: Option<&Bound<'_, PyAny>>, lossy: bool) -> PyResult<Option<String>> {
    let Some(d) = date.filter(|d| !d.is_none()) else { return Ok(None) };
    if let Ok(s) = d.downcast::<PyString>() {
        Ok(Some(str_value(py, "date", s, lossy)?))
    } else if d.hasattr("isoformat")? {
        Ok(Some(d.call_method0("isoformat")?.extract()?))
    } else {
        Err(input_error(py, "date must be an ISO 'YYYY-MM-DD' string or a datetime.date"))
    }
}

/// Parses one story (see the Python docstring in `dateline/__init__.py`).
#[pyfunction]
#[pyo3(signature = (text, *, date = None, source = None, errors = false, entities = true, reading = true, names = None),
       text_signature = "(text, *, date=None, source=None, errors='strict', entities=True, reading=True, names=None)")]
#[allow(clippy::too_many_arguments)]
pub(crate) fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
    source: Option<&Bound<'_, PyAny>>,
    // errors="strict" / "replace" as whether to decode lossily.
    #[pyo3(from_py_with = errors_arg)] errors: bool,
    entities: bool,
    reading: bool,
    names: Option<PyRef<'_, super::user::PyUserNames>>,
) -> PyResult<PyArticle> {
    let names = names.map(|n| n.inner.clone());
    let lossy = errors;
    let (owned, pystr) = text_arg(py, text, lossy)?;
    let opts = ParseOptions { date: date_arg(py, date, lossy)?, source: opt_str_arg(py, "source", source, lossy)? };
    let stages = Stages { entities, reading: entities && reading };
    let (art, map) = guarded(py, move || {
        // Into its Arc at once: the article is then passed on as a pointer, not copied at every move.
        let art = Arc::new(analyze_with_names(owned, &opts, stages, names.as_deref())?);
        let map = CharIndex::new(&art.text);
        Ok((art, map))
    })?;
    Ok(PyArticle::new(py, art, map, pystr))
}

/// `parse(text, date=date).entities`.
#[pyfunction]
#[pyo3(signature = (text, *, date = None, errors = false),
       text_signature = "(text, *, date=None, errors='strict')")]
pub(crate) fn entities<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    date: Option<&Bound<'py, PyAny>>,
    #[pyo3(from_py_with = errors_arg)] errors: bool,
) -> PyResult<Bound<'py, PyList>> {
    let art = parse(py, text, date, None, errors, true, true, None)?;
    art.entities(py)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(entities, m)?)?;
    m.add_class::<PyArticle>()?;
    Ok(())
}
