//! The record classes (Token, Entity, ...): the pyclasses the core's `records` module declares, with
//! `to_dict()`, a Python-style `repr`, `__fields__`, equality and hashing; and serde -> Python.
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::Serialize;

use crate::records::*;

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

pub(crate) fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let cut: String = s.chars().take(n).collect();
        format!("{cut}...")
    }
}

/// Python-style repr of a str: quotes chosen as Python does, control characters escaped.
pub(crate) fn pyrepr(s: &str) -> String {
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

pub(crate) fn opt_repr(s: &Option<String>) -> String {
    match s {
        Some(s) => pyrepr(s),
        None => "None".into(),
    }
}

/// Adds `to_dict()`, `__repr__`, `__fields__`, equality and hashing to a record pyclass.
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
            /// Each field's name and Python type, in order (declared once in the core's `records`).
            #[classattr]
            fn __fields__() -> Vec<(&'static str, &'static str)> {
                <$ty as Record>::FIELDS.iter().map(|f| (f.name, f.py)).collect()
            }
            fn __hash__(&self) -> u64 {
                use std::hash::{Hash, Hasher};
                let mut h = rustc_hash::FxHasher::default();
                serde_json::to_string(self).unwrap_or_default().hash(&mut h);
                h.finish()
            }
        }
    };
}

record_methods!(TokenRecord, |s| format!("Token({}, {}, {})", pyrepr(&s.text), s.start, s.end));
record_methods!(SentenceRecord, |s| format!(
    "Sentence({}, {}, {}, section={})",
    pyrepr(&short(&s.text, 60)),
    s.start,
    s.end,
    pyrepr(s.section)
));
record_methods!(ParagraphRecord, |s| format!("Paragraph({}, {}, {})", pyrepr(&short(&s.text, 60)), s.start, s.end));
record_methods!(CaptionRecord, |s| format!(
    "Caption({}, credit={}, source={}, date={})",
    pyrepr(&short(&s.text, 50)),
    opt_repr(&s.credit),
    opt_repr(&s.source),
    opt_repr(&s.date)
));
record_methods!(DatelineRecord, |s| format!(
    "Dateline(place={}, date={}, agency={})",
    pyrepr(&s.place),
    opt_repr(&s.date),
    opt_repr(&s.agency)
));
record_methods!(CreditRecord, |s| format!("Credit({}, {})", pyrepr(&s.name), pyrepr(s.role)));
record_methods!(BylineRecord, |s| format!("Byline({}, raw={})", pyrepr(&s.name), pyrepr(&s.raw)));
record_methods!(EntityRecord, |s| {
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
record_methods!(ClusterRecord, |s| format!(
    "Cluster({}, {}, count={}{})",
    pyrepr(&s.canonical),
    pyrepr(s.label),
    s.count,
    s.country_code.as_ref().map(|c| format!(", country_code={}", pyrepr(c))).unwrap_or_default()
));
record_methods!(QuoteRecord, |s| format!(
    "Quote({}, speaker={}, source={}, verb={})",
    pyrepr(&short(&s.text, 50)),
    opt_repr(&s.speaker),
    opt_repr(&s.source),
    opt_repr(&s.verb)
));
record_methods!(AttributionRecord, |s| format!(
    "Attribution({}, speaker={}, verb={}, direct={})",
    pyrepr(&short(&s.text, 50)),
    opt_repr(&s.speaker),
    opt_repr(&s.verb),
    if s.direct { "True" } else { "False" }
));
record_methods!(AcronymRecord, |s| format!(
    "Acronym({}, {}{})",
    pyrepr(&s.short),
    pyrepr(&s.long),
    s.refers_to.as_ref().map(|r| format!(", refers_to={}", pyrepr(r))).unwrap_or_default()
));
record_methods!(EventRecord, |s| format!(
    "Event({}, {}, {}{})",
    pyrepr(&s.subject),
    pyrepr(&s.predicate),
    pyrepr(&s.object),
    s.detail.as_ref().map(|d| format!(", detail={}", pyrepr(d))).unwrap_or_default()
));

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<TokenRecord>()?;
    m.add_class::<SentenceRecord>()?;
    m.add_class::<ParagraphRecord>()?;
    m.add_class::<CaptionRecord>()?;
    m.add_class::<DatelineRecord>()?;
    m.add_class::<BylineRecord>()?;
    m.add_class::<CreditRecord>()?;
    m.add_class::<EntityRecord>()?;
    m.add_class::<ClusterRecord>()?;
    m.add_class::<QuoteRecord>()?;
    m.add_class::<AcronymRecord>()?;
    m.add_class::<EventRecord>()?;
    m.add_class::<AttributionRecord>()?;
    Ok(())
}
