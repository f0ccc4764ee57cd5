//! `dateline.parse` and the classes it returns.
//!
//! `Article` keeps the core's article (byte offsets) and builds the Python views on first access, with
//! every offset converted to a `str` index; the views are cached, so `parse` itself costs no more
//! than the core. The item classes (Token, Entity, ...) are plain frozen records that also serialise
//! (serde) for `to_dict()` / `to_json()`, so the attribute names and the dict keys cannot drift apart.
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use serde::Serialize;

use super::errors::{guarded, input_error};
use crate::types::{Article, Section, Span};
use crate::util::offsets::CharIndex;
use crate::{analyze_owned, ParseOptions, Stages};

/// Converts a serde value to plain Python objects (dict, list, str, int, float, bool, None).
pub(crate) fn json_to_py<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let items = a.iter().map(|x| json_to_py(py, x)).collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, x) in o {
                d.set_item(k, json_to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

pub(crate) fn serialize_to_py<'py, T: Serialize>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    let value =
        serde_json::to_value(v).map_err(|e| super::errors::to_pyerr(py, crate::Error::Internal(e.to_string())))?;
    json_to_py(py, &value)
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let cut: String = s.chars().take(n).collect();
        format!("{cut}...")
    }
}

/// Python-style repr of a str: quotes chosen as Python does, control characters escaped.
fn pyrepr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn opt_repr(s: &Option<String>) -> String {
    match s {
        Some(s) => pyrepr(s),
        None => "None".into(),
    }
}

/// Adds `to_dict()`, `__repr__` and equality to a record pyclass.
macro_rules! record_methods {
    ($ty:ident, |$s:ident| $repr:expr) => {
        #[pymethods]
        impl $ty {
            /// The record as a JSON-ready dict.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                serialize_to_py(py, self)
            }
            fn __repr__(&self) -> String {
                let $s = self;
                $repr
            }
            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                match other.extract::<PyRef<'_, $ty>>() {
                    Ok(o) => *self == *o,
                    Err(_) => false,
                }
            }
            fn __hash__(&self) -> u64 {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                serde_json::to_string(self).unwrap_or_default().hash(&mut h);
                h.finish()
            }
        }
    };
}

/// A token: `text == article.text[start:end]`.
#[pyclass(module = "dateline", name = "Token", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PyToken {
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
}
record_methods!(PyToken, |s| format!("Token({}, {}, {})", pyrepr(&s.text), s.start, s.end));

/// A sentence, with the part of the story it belongs to.
#[pyclass(module = "dateline", name = "Sentence", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PySentence {
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    /// "headline", "dateline", "body" or "caption".
    #[pyo3(get)]
    pub section: &'static str,
    /// Index of the paragraph or caption for "body" and "caption" sentences.
    #[pyo3(get)]
    pub section_index: Option<usize>,
    /// Index range `[token_start, token_end)` into `Article.tokens`.
    #[pyo3(get)]
    pub token_start: usize,
    #[pyo3(get)]
    pub token_end: usize,
}
record_methods!(PySentence, |s| format!(
    "Sentence({}, {}, {}, section={})",
    pyrepr(&short(&s.text, 60)),
    s.start,
    s.end,
    pyrepr(s.section)
));

/// A body paragraph (hard wraps joined).
#[pyclass(module = "dateline", name = "Paragraph", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PyParagraph {
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
}
record_methods!(PyParagraph, |s| format!("Paragraph({}, {}, {})", pyrepr(&short(&s.text, 60)), s.start, s.end));

/// A photo caption and its metadata.
#[pyclass(module = "dateline", name = "Caption", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PyCaption {
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub credit: Option<String>,
    #[pyo3(get)]
    pub source: Option<String>,
    #[pyo3(get)]
    pub date: Option<String>,
    #[pyo3(get)]
    pub restriction: Option<String>,
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
}
record_methods!(PyCaption, |s| format!(
    "Caption({}, credit={}, source={}, date={})",
    pyrepr(&short(&s.text, 50)),
    opt_repr(&s.credit),
    opt_repr(&s.source),
    opt_repr(&s.date)
));

/// The dateline that opens a wire story.
#[pyclass(module = "dateline", name = "Dateline", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PyDateline {
    #[pyo3(get)]
    pub place: String,
    #[pyo3(get)]
    pub date: Option<String>,
    #[pyo3(get)]
    pub agency: Option<String>,
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
}
record_methods!(PyDateline, |s| format!(
    "Dateline(place={}, date={}, agency={})",
    pyrepr(&s.place),
    opt_repr(&s.date),
    opt_repr(&s.agency)
));

/// A byline: the author's name and the line as written.
#[pyclass(module = "dateline", name = "Byline", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PyByline {
    #[pyo3(get)]
    pub name: String,
    #[pyo3(get)]
    pub raw: String,
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
}
record_methods!(PyByline, |s| format!("Byline({}, raw={})", pyrepr(&s.name), pyrepr(&s.raw)));

/// An entity mention.
#[pyclass(module = "dateline", name = "Entity", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PyEntity {
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub label: &'static str,
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    /// Index into `Article.sentences`.
    #[pyo3(get)]
    pub sentence: usize,
    /// The fullest name the story uses for this entity (the text itself when nothing fuller).
    #[pyo3(get)]
    pub canonical: String,
    #[pyo3(get)]
    pub title: Option<String>,
    /// ISO 8601 / TimeML value of a DATE or TIME.
    #[pyo3(get)]
    pub value: Option<String>,
    #[pyo3(get)]
    pub country_code: Option<String>,
}
record_methods!(PyEntity, |s| {
    let mut r = format!("Entity({}, {}, {}, {}", pyrepr(&s.text), pyrepr(s.label), s.start, s.end);
    if s.canonical != s.text {
        r += &format!(", canonical={}", pyrepr(&s.canonical));
    }
    for (k, v) in [("title", &s.title), ("value", &s.value), ("country_code", &s.country_code)] {
        if let Some(v) = v {
            r += &format!(", {k}={}", pyrepr(v));
        }
    }
    r + ")"
});

/// The story's mentions of one entity.
#[pyclass(module = "dateline", name = "Cluster", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PyCluster {
    #[pyo3(get)]
    pub canonical: String,
    #[pyo3(get)]
    pub label: &'static str,
    #[pyo3(get)]
    pub country_code: Option<String>,
    /// Number of mentions.
    #[pyo3(get)]
    pub count: usize,
    #[pyo3(get)]
    pub mentions: Vec<PyEntity>,
}
record_methods!(PyCluster, |s| format!(
    "Cluster({}, {}, count={}{})",
    pyrepr(&s.canonical),
    pyrepr(s.label),
    s.count,
    s.country_code.as_ref().map(|c| format!(", country_code={}", pyrepr(c))).unwrap_or_default()
));

/// A quotation and who said it.
#[pyclass(module = "dateline", name = "Quote", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PyQuote {
    /// The quoted words, without the quotation marks.
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub speaker: Option<String>,
    #[pyo3(get)]
    pub source: Option<String>,
    #[pyo3(get)]
    pub verb: Option<String>,
    #[pyo3(get)]
    pub sentence: usize,
}
record_methods!(PyQuote, |s| format!(
    "Quote({}, speaker={}, source={}, verb={})",
    pyrepr(&short(&s.text, 50)),
    opt_repr(&s.speaker),
    opt_repr(&s.source),
    opt_repr(&s.verb)
));

/// An acronym the story uses and what it stands for.
#[pyclass(module = "dateline", name = "Acronym", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PyAcronym {
    /// As written: "KCNA".
    #[pyo3(get)]
    pub short: String,
    /// The long form ("Korean Central News Agency").
    #[pyo3(get)]
    pub long: String,
    /// Canonical name of the entity it names ("North Korea" for "DPRK"), when it names one.
    #[pyo3(get)]
    pub refers_to: Option<String>,
    /// True when the story itself defines it ("Korean Central News Agency (KCNA)").
    #[pyo3(get)]
    pub defined: bool,
    /// The first mention of the short form.
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
}
record_methods!(PyAcronym, |s| format!(
    "Acronym({}, {}{})",
    pyrepr(&s.short),
    pyrepr(&s.long),
    s.refers_to.as_ref().map(|r| format!(", refers_to={}", pyrepr(r))).unwrap_or_default()
));

/// A subject-predicate-object statement.
#[pyclass(module = "dateline", name = "Event", frozen)]
#[derive(Clone, PartialEq, Serialize)]
pub struct PyEvent {
    #[pyo3(get)]
    pub subject: String,
    #[pyo3(get)]
    pub predicate: String,
    #[pyo3(get)]
    pub object: String,
    #[pyo3(get)]
    pub detail: Option<String>,
    #[pyo3(get)]
    pub sentence: usize,
    /// The words that state it.
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
}
record_methods!(PyEvent, |s| format!(
    "Event({}, {}, {}{})",
    pyrepr(&s.subject),
    pyrepr(&s.predicate),
    pyrepr(&s.object),
    s.detail.as_ref().map(|d| format!(", detail={}", pyrepr(d))).unwrap_or_default()
));

/// Builds the Python-facing records from a core article. Pure Rust: used without the GIL.
pub(crate) struct Views<'a> {
    pub art: &'a Article,
    pub map: &'a CharIndex,
}

impl<'a> Views<'a> {
    #[inline]
    fn c(&self, b: usize) -> usize {
        self.map.char_of(&self.art.text, b)
    }
    fn span(&self, s: Span) -> (String, usize, usize) {
        (self.art.slice(s).to_string(), self.c(s.start), self.c(s.end))
    }
    pub fn tokens(&self) -> Vec<PyToken> {
        self.art
            .tokens
            .iter()
            .map(|t| {
                let (text, start, end) = self.span(t.span);
                PyToken { text, start, end }
            })
            .collect()
    }
    pub fn sentences(&self) -> Vec<PySentence> {
        self.art
            .sentences
            .iter()
            .map(|s| {
                let (text, start, end) = self.span(s.span);
                let (section, section_index) = match s.section {
                    Section::Headline => ("headline", None),
                    Section::Dateline => ("dateline", None),
                    Section::Body(i) => ("body", Some(i)),
                    Section::Caption(i) => ("caption", Some(i)),
                };
                PySentence {
                    text,
                    start,
                    end,
                    section,
                    section_index,
                    token_start: s.token_start,
                    token_end: s.token_end,
                }
            })
            .collect()
    }
    pub fn paragraphs(&self) -> Vec<PyParagraph> {
        self.art
            .paragraphs
            .iter()
            .map(|p| PyParagraph { text: p.text.clone(), start: self.c(p.span.start), end: self.c(p.span.end) })
            .collect()
    }
    pub fn captions(&self) -> Vec<PyCaption> {
        self.art
            .captions
            .iter()
            .map(|c| PyCaption {
                text: c.text.clone(),
                credit: c.credit.clone(),
                source: c.source.clone(),
                date: c.date.clone(),
                restriction: c.restriction.clone(),
                start: self.c(c.span.start),
                end: self.c(c.span.end),
            })
            .collect()
    }
    pub fn dateline(&self) -> Option<PyDateline> {
        self.art.dateline.as_ref().map(|d| {
            let (text, start, end) = self.span(d.span);
            PyDateline { place: d.place.clone(), date: d.date.clone(), agency: d.agency.clone(), text, start, end }
        })
    }
    pub fn bylines(&self) -> Vec<PyByline> {
        self.art
            .bylines
            .iter()
            .map(|b| PyByline {
                name: b.name.clone(),
                raw: b.raw.clone(),
                start: self.c(b.span.start),
                end: self.c(b.span.end),
            })
            .collect()
    }
    pub fn entity(&self, i: usize) -> PyEntity {
        let e = &self.art.entities[i];
        let (text, start, end) = self.span(e.span);
        PyEntity {
            canonical: self.art.canonical(e).to_string(),
            text,
            label: e.label.as_str(),
            start,
            end,
            sentence: e.sentence,
            title: e.title.clone(),
            value: e.value.clone(),
            country_code: e.country_code.map(str::to_string),
        }
    }
    pub fn entities(&self) -> Vec<PyEntity> {
        (0..self.art.entities.len()).map(|i| self.entity(i)).collect()
    }
    pub fn clusters(&self) -> Vec<PyCluster> {
        self.art
            .clusters
            .iter()
            .map(|c| PyCluster {
                canonical: c.canonical.clone(),
                label: c.label.as_str(),
                country_code: c.country_code.map(str::to_string),
                count: c.mentions.len(),
                mentions: c
                    .mentions
                    .iter()
                    .filter(|&&i| i < self.art.entities.len())
                    .map(|&i| self.entity(i))
                    .collect(),
            })
            .collect()
    }
    pub fn quotes(&self) -> Vec<PyQuote> {
        self.art
            .quotes
            .iter()
            .map(|q| {
                let (text, start, end) = self.span(q.span);
                PyQuote {
                    text,
                    start,
                    end,
                    speaker: q.speaker.clone(),
                    source: q.source.clone(),
                    verb: q.verb.clone(),
                    sentence: q.sentence,
                }
            })
            .collect()
    }
    pub fn acronyms(&self) -> Vec<PyAcronym> {
        self.art
            .acronyms
            .iter()
            .map(|a| PyAcronym {
                short: a.short.clone(),
                long: a.long.clone(),
                refers_to: a.refers_to.clone(),
                defined: a.defined,
                start: self.c(a.span.start),
                end: self.c(a.span.end),
            })
            .collect()
    }
    pub fn events(&self) -> Vec<PyEvent> {
        self.art
            .events
            .iter()
            .map(|e| {
                let (text, start, end) = self.span(e.span);
                PyEvent {
                    subject: e.subject.clone(),
                    predicate: e.predicate.clone(),
                    object: e.object.clone(),
                    detail: e.detail.clone(),
                    sentence: e.sentence,
                    text,
                    start,
                    end,
                }
            })
            .collect()
    }
    pub fn headline(&self) -> Option<String> {
        self.art.headline_text().map(str::to_string)
    }

    /// The whole article as one serialisable record (what `to_dict` / `to_json` return).
    pub fn record(&self, text: bool, tokens: bool) -> ArticleRecord {
        ArticleRecord {
            source: self.art.source.clone(),
            date: self.art.date.clone(),
            advisory: self.art.advisory.clone(),
            bylines: self.art.bylines.iter().map(|b| b.name.clone()).collect(),
            byline_details: self.bylines(),
            headline: self.headline(),
            dateline: self.dateline(),
            paragraphs: self.paragraphs(),
            captions: self.captions(),
            body: self.art.body(),
            sentences: self.sentences(),
            tokens: if tokens { Some(self.tokens()) } else { None },
            entities: self.entities(),
            clusters: self.clusters(),
            acronyms: self.acronyms(),
            quotes: self.quotes(),
            events: self.events(),
            text: if text { Some(self.art.text.clone()) } else { None },
        }
    }
}

#[derive(Serialize)]
pub(crate) struct ArticleRecord {
    pub source: Option<String>,
    pub date: Option<String>,
    pub advisory: Vec<String>,
    pub bylines: Vec<String>,
    pub byline_details: Vec<PyByline>,
    pub headline: Option<String>,
    pub dateline: Option<PyDateline>,
    pub paragraphs: Vec<PyParagraph>,
    pub captions: Vec<PyCaption>,
    pub body: String,
    pub sentences: Vec<PySentence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<PyToken>>,
    pub entities: Vec<PyEntity>,
    pub clusters: Vec<PyCluster>,
    pub acronyms: Vec<PyAcronym>,
    pub quotes: Vec<PyQuote>,
    pub events: Vec<PyEvent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A parsed story. Lists are built on first access and cached; each access returns a new list.
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

    fn views(&self) -> Views<'_> {
        Views { art: &self.art, map: &self.map }
    }

    fn cached<'py, T, F>(
        &self,
        py: Python<'py>,
        cell: &PyOnceLock<Py<PyList>>,
        build: F,
    ) -> PyResult<Bound<'py, PyList>>
    where
        T: for<'a> IntoPyObject<'a>,
        F: FnOnce(&Views<'_>) -> Vec<T>,
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
    #[getter]
    fn source(&self) -> Option<String> {
        self.art.source.clone()
    }
    /// ISO `YYYY-MM-DD` or None.
    #[getter]
    fn date(&self) -> Option<String> {
        self.art.date.clone()
    }
    #[getter]
    fn advisory(&self) -> Vec<String> {
        self.art.advisory.clone()
    }
    /// Author names ("Lee Minji"); see `byline_details` for the lines as written.
    #[getter]
    fn bylines(&self) -> Vec<String> {
        self.art.bylines.iter().map(|b| b.name.clone()).collect()
    }
    #[getter]
    fn byline_details<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().bylines())
    }
    #[getter]
    fn headline(&self) -> Option<String> {
        self.views().headline()
    }
    #[getter]
    fn dateline(&self) -> Option<PyDateline> {
        self.views().dateline()
    }
    #[getter]
    fn paragraphs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().paragraphs())
    }
    #[getter]
    fn captions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().captions())
    }
    /// Body paragraphs joined by blank lines.
    #[getter]
    fn body(&self) -> String {
        self.art.body()
    }
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.cached(py, &self.sentences, |v| v.sentences())
    }
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.cached(py, &self.tokens, |v| v.tokens())
    }
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.cached(py, &self.entities, |v| v.entities())
    }
    #[getter]
    fn clusters<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().clusters())
    }
    #[getter]
    fn acronyms<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().acronyms())
    }
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().quotes())
    }
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Self::list(py, self.views().events())
    }

    /// The article as a JSON-ready dict. `text=True` adds the input text, `tokens=False` leaves
    /// tokens out (they are most of the size).
    #[pyo3(signature = (*, text = true, tokens = true))]
    fn to_dict<'py>(&self, py: Python<'py>, text: bool, tokens: bool) -> PyResult<Bound<'py, PyAny>> {
        let record = self.views().record(text, tokens);
        serialize_to_py(py, &record)
    }

    /// The article as one line of JSON (what `dateline parse` prints).
    #[pyo3(signature = (*, text = false, tokens = false))]
    fn to_json(&self, py: Python<'_>, text: bool, tokens: bool) -> PyResult<String> {
        let art = self.art.clone();
        let map = self.map.clone();
        guarded(py, move || {
            let record = Views { art: &art, map: &map }.record(text, tokens);
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

    fn __len__(&self) -> usize {
        // Length in code points of the text, like len(article.text).
        self.map.char_of(&self.art.text, self.art.text.len())
    }
}

/// Reads the `text` argument: `str`, or `bytes` decoded as UTF-8 (strict unless errors="replace").
pub(crate) fn text_arg(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    errors: &str,
) -> PyResult<(String, Option<Py<PyString>>)> {
    let lossy = match errors {
        "strict" => false,
        "replace" => true,
        other => return Err(input_error(py, format!("errors must be 'strict' or 'replace', got {other:?}"))),
    };
    if let Ok(s) = text.downcast::<PyString>() {
        // A str with lone surrogates has no UTF-8 form; say so as an InputError.
        let owned = s.to_cow().map_err(|e| input_error(py, format!("text is not valid Unicode: {e}")))?.into_owned();
        return Ok((owned, Some(s.clone().unbind())));
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

/// Reads `date=` as a string: a `str` as given, a `datetime.date` / `datetime.datetime` (anything
/// with `isoformat`) in ISO form. The core checks the value (`ParseOptions::validated`).
pub(crate) fn date_arg(py: Python<'_>, date: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(d) = date.filter(|d| !d.is_none()) else { return Ok(None) };
    if let Ok(s) = d.extract::<String>() {
        Ok(Some(s))
    } else if d.hasattr("isoformat")? {
        Ok(Some(d.call_method0("isoformat")?.extract()?))
    } else {
        Err(input_error(py, "date must be an ISO 'YYYY-MM-DD' string or a datetime.date"))
    }
}

/// Parses one story (see the Python docstring in `dateline/__init__.py`).
#[pyfunction]
#[pyo3(signature = (text, *, date = None, source = None, errors = "strict", entities = true, reading = true))]
pub(crate) fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
    source: Option<String>,
    errors: &str,
    entities: bool,
    reading: bool,
) -> PyResult<PyArticle> {
    let (owned, pystr) = text_arg(py, text, errors)?;
    let opts = ParseOptions { date: date_arg(py, date)?, source };
    let stages = Stages { entities, reading: entities && reading };
    let (art, map) = guarded(py, move || {
        // Into its Arc at once: the article is then passed on as a pointer, not copied at every move.
        let art = Arc::new(analyze_owned(owned, &opts, stages)?);
        let map = CharIndex::new(&art.text);
        Ok((art, map))
    })?;
    Ok(PyArticle::new(py, art, map, pystr))
}

/// `parse(text, date=date).entities`.
#[pyfunction]
#[pyo3(signature = (text, *, date = None, errors = "strict"))]
pub(crate) fn entities<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    date: Option<&Bound<'py, PyAny>>,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let art = parse(py, text, date, None, errors, true, true)?;
    art.entities(py)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(entities, m)?)?;
    m.add_class::<PyArticle>()?;
    m.add_class::<PyToken>()?;
    m.add_class::<PySentence>()?;
    m.add_class::<PyParagraph>()?;
    m.add_class::<PyCaption>()?;
    m.add_class::<PyDateline>()?;
    m.add_class::<PyByline>()?;
    m.add_class::<PyEntity>()?;
    m.add_class::<PyCluster>()?;
    m.add_class::<PyQuote>()?;
    m.add_class::<PyAcronym>()?;
    m.add_class::<PyEvent>()?;
    Ok(())
}
