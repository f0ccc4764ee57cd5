//! Binding of `crate::stats`: the submodule `dateline._native.stats`.
//!
//! Arrays cross the boundary as little-endian `bytes` (numpy `tobytes()` / `frombuffer`): the
//! crate is built for the stable ABI (abi3-py39), where the buffer protocol is not available.
//! Decoding, counting and encoding all run with the GIL released.
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::corpus::lend_strings;
use super::errors::guarded;
use crate::error::Error;
use crate::stats::{self, CountMode};

fn decode<const W: usize, T>(name: &str, bytes: &[u8], from: fn([u8; W]) -> T) -> Result<Vec<T>, Error> {
    if !bytes.len().is_multiple_of(W) {
        return Err(Error::Value(format!("{name}: {} bytes is not a whole number of {W}-byte values", bytes.len())));
    }
    Ok(bytes.chunks_exact(W).map(|c| from(c.try_into().expect("chunk of W bytes"))).collect())
}

fn u32s(name: &str, bytes: &[u8]) -> Result<Vec<u32>, Error> {
    decode::<4, u32>(name, bytes, u32::from_le_bytes)
}

fn i32s(name: &str, bytes: &[u8]) -> Result<Vec<i32>, Error> {
    decode::<4, i32>(name, bytes, i32::from_le_bytes)
}

fn le_u64(v: &[u64]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn le_u32(v: &[u32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn le_i32(v: &[i32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn le_f64(v: &[f64]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn mode(stories: bool) -> CountMode {
    if stories {
        CountMode::Stories
    } else {
        CountMode::Mentions
    }
}

fn to_py<'py>(py: Python<'py>, parts: Vec<Vec<u8>>) -> Vec<Bound<'py, PyBytes>> {
    parts.iter().map(|p| PyBytes::new(py, p)).collect()
}

/// frequency(entity: u32 bytes, story: u32 bytes, day: i32 bytes | None, n_entities)
/// -> [mentions u64, stories u64, first_day i32, last_day i32] as bytes.
#[pyfunction]
#[pyo3(signature = (entity, story, day, n_entities))]
fn frequency<'py>(
    py: Python<'py>,
    entity: &Bound<'py, PyBytes>,
    story: &Bound<'py, PyBytes>,
    day: Option<&Bound<'py, PyBytes>>,
    n_entities: usize,
) -> PyResult<Vec<Bound<'py, PyBytes>>> {
    let (e, s, d) = (entity.as_bytes(), story.as_bytes(), day.map(|d| d.as_bytes()));
    let out = guarded(py, || -> Result<Vec<Vec<u8>>, Error> {
        let days = d.map(|d| i32s("day", d)).transpose()?;
        let f = stats::frequency(&u32s("entity", e)?, &u32s("story", s)?, days.as_deref(), n_entities)?;
        Ok(vec![le_u64(&f.mentions), le_u64(&f.stories), le_i32(&f.first_day), le_i32(&f.last_day)])
    })?;
    Ok(to_py(py, out))
}

/// cooccurrence(unit, entity, n_entities, n_units, min_count) -> [a u32, b u32, count u64,
/// count_a u64, count_b u64, pmi f64, npmi f64, units_per_entity u64] as bytes.
#[pyfunction]
fn cooccurrence<'py>(
    py: Python<'py>,
    unit: &Bound<'py, PyBytes>,
    entity: &Bound<'py, PyBytes>,
    n_entities: usize,
    n_units: u64,
    min_count: u64,
) -> PyResult<Vec<Bound<'py, PyBytes>>> {
    let (u, e) = (unit.as_bytes(), entity.as_bytes());
    let out = guarded(py, || -> Result<Vec<Vec<u8>>, Error> {
        let c = stats::cooccurrence(&u32s("unit", u)?, &u32s("entity", e)?, n_entities, n_units, min_count)?;
        Ok(vec![
            le_u32(&c.a),
            le_u32(&c.b),
            le_u64(&c.count),
            le_u64(&c.count_a),
            le_u64(&c.count_b),
            le_f64(&c.pmi),
            le_f64(&c.npmi),
            le_u64(&c.units_per_entity),
        ])
    })?;
    Ok(to_py(py, out))
}

/// timeline(entity, period, story, stories, n_entities, n_periods) -> u64 bytes, row-major
/// n_entities x n_periods.
#[pyfunction]
fn timeline<'py>(
    py: Python<'py>,
    entity: &Bound<'py, PyBytes>,
    period: &Bound<'py, PyBytes>,
    story: &Bound<'py, PyBytes>,
    stories: bool,
    n_entities: usize,
    n_periods: usize,
) -> PyResult<Bound<'py, PyBytes>> {
    let (e, p, s) = (entity.as_bytes(), period.as_bytes(), story.as_bytes());
    let out = guarded(py, || -> Result<Vec<u8>, Error> {
        let t = stats::timeline(
            &u32s("entity", e)?,
            &u32s("period", p)?,
            &u32s("story", s)?,
            mode(stories),
            n_entities,
            n_periods,
        )?;
        Ok(le_u64(&t))
    })?;
    Ok(PyBytes::new(py, &out))
}

/// keyness(entity, story, part u8, stories, n_entities, target_size, reference_size)
/// -> [target u64, reference u64, g2 f64, log_ratio f64, pct_diff f64] as bytes.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn keyness<'py>(
    py: Python<'py>,
    entity: &Bound<'py, PyBytes>,
    story: &Bound<'py, PyBytes>,
    part: &Bound<'py, PyBytes>,
    stories: bool,
    n_entities: usize,
    target_size: f64,
    reference_size: f64,
) -> PyResult<Vec<Bound<'py, PyBytes>>> {
    let (e, s, pt) = (entity.as_bytes(), story.as_bytes(), part.as_bytes());
    let out = guarded(py, || -> Result<Vec<Vec<u8>>, Error> {
        let counts = stats::part_counts(&u32s("entity", e)?, &u32s("story", s)?, pt, mode(stories), n_entities)?;
        let k = stats::keyness_all(&counts, target_size, reference_size)?;
        let g2: Vec<f64> = k.iter().map(|x| x.g2).collect();
        let lr: Vec<f64> = k.iter().map(|x| x.log_ratio).collect();
        let pd: Vec<f64> = k.iter().map(|x| x.pct_diff).collect();
        Ok(vec![le_u64(&counts.target), le_u64(&counts.reference), le_f64(&g2), le_f64(&lr), le_f64(&pd)])
    })?;
    Ok(to_py(py, out))
}

/// A string column as the core reads it: Arrow-style offsets (n + 1 little-endian i32, or i64 as
/// in a `large_string` array, told apart by their length) into UTF-8 data, checked once (the
/// values' bytes are UTF-8 and every offset is in range, ascending and on a character boundary,
/// so every value is a valid `&str`) and then read in place: no vector of n slices is built (on
/// Reuters-21578 six such columns were 28 MB of fresh memory), and pandas' `large_string`
/// columns need no conversion.
struct StrColumn<'a> {
    offsets: &'a [u8],
    /// 8-byte offsets.
    wide: bool,
    /// The values' bytes, from the first offset on.
    data: &'a str,
    first: usize,
}

fn offset_at(offsets: &[u8], wide: bool, i: usize) -> Option<usize> {
    if wide {
        usize::try_from(i64::from_le_bytes(offsets[8 * i..8 * i + 8].try_into().expect("eight bytes"))).ok()
    } else {
        usize::try_from(i32::from_le_bytes(offsets[4 * i..4 * i + 4].try_into().expect("four bytes"))).ok()
    }
}

impl<'a> StrColumn<'a> {
    fn new(name: &str, offsets: &'a [u8], data: &'a [u8], n: usize) -> Result<Self, Error> {
        let wide = offsets.len() == 8 * (n + 1);
        if !wide && offsets.len() != 4 * (n + 1) {
            return Err(Error::Value(format!(
                "{name}: {} offset bytes for {n} values; pass n + 1 four- or eight-byte offsets",
                offsets.len()
            )));
        }
        // Ascending offsets tile [first, last) with the values: that range is UTF-8 and each
        // offset a character boundary exactly when every value is UTF-8.
        let mut prev = 0usize;
        for i in 0..=n {
            match offset_at(offsets, wide, i).filter(|&a| a <= data.len() && (i == 0 || a >= prev)) {
                Some(a) => prev = a,
                None => {
                    return Err(Error::Value(format!(
                        "{name}: offset {i} is negative, out of order or out of the data's {} bytes",
                        data.len()
                    )))
                }
            }
        }
        let first = offset_at(offsets, wide, 0).unwrap_or(0);
        let bad = || Error::Value(format!("{name}: a value is not valid UTF-8"));
        let text = std::str::from_utf8(&data[first..prev]).map_err(|_| bad())?;
        // In ASCII text (nearly every column: labels, codes, most names) every offset is on a
        // character boundary: only other text is checked offset by offset.
        if !text.is_ascii()
            && !(0..=n).all(|i| offset_at(offsets, wide, i).is_some_and(|a| text.is_char_boundary(a - first)))
        {
            return Err(bad());
        }
        Ok(StrColumn { offsets, wide, data: text, first })
    }

    /// Whether value `i` is not empty (its offsets alone).
    fn non_empty(&self, i: usize) -> bool {
        offset_at(self.offsets, self.wide, i) != offset_at(self.offsets, self.wide, i + 1)
    }

    /// Value `i` (checked in `new`: in range, ascending, on character boundaries).
    fn get(&self, i: usize) -> &'a str {
        let at = |j| offset_at(self.offsets, self.wide, j).unwrap_or(self.first) - self.first;
        &self.data[at(i)..at(i + 1)]
    }
}

/// The entities table's columns as the linker reads them, one mention at a time.
struct LinkColumns<'a> {
    strs: [StrColumn<'a>; 6],
    day: &'a [u8],
    story: &'a [u8],
}

fn le4(b: &[u8], i: usize) -> [u8; 4] {
    b[4 * i..4 * i + 4].try_into().expect("four bytes")
}

impl<'a> stats::link::MentionTable<'a> for LinkColumns<'a> {
    fn len(&self) -> usize {
        self.day.len() / 4
    }
    fn mention(&self, i: usize) -> stats::link::Mention<'a> {
        let [t, c, l, ti, cc, kb] = &self.strs;
        stats::link::Mention {
            text: t.get(i),
            canonical: c.get(i),
            label: l.get(i),
            title: ti.get(i),
            country_code: cc.get(i),
            kb_id: kb.get(i),
            day: self.day(i),
            story: self.story(i),
        }
    }
    fn story(&self, i: usize) -> u32 {
        u32::from_le_bytes(le4(self.story, i))
    }
    fn country_code(&self, i: usize) -> &'a str {
        self.strs[4].get(i)
    }
    fn day(&self, i: usize) -> i32 {
        i32::from_le_bytes(le4(self.day, i))
    }
    fn has_country_code(&self, i: usize) -> bool {
        self.strs[4].non_empty(i)
    }
}

type StrCol<'py> = (Bound<'py, PyBytes>, Bound<'py, PyBytes>);
type LentStrings<'py> = (Bound<'py, PyAny>, Bound<'py, PyAny>);

/// Strings as a corpus string column (no nulls), lent to Python as the corpus tables' columns are.
fn str_column(values: &[String]) -> crate::corpus::StrColumn {
    let mut c = crate::corpus::StrColumn::default();
    for v in values {
        c.push(Some(v));
    }
    c
}

/// link(text, canonical, label, title, country_code, kb_id: (offsets, data) each, day: i32 bytes,
/// story: u32 bytes, whole_table) -> (entity u32 bytes, ids, names, codes), the last three as
/// lent (offsets, data) buffers of Arrow `large_string` arrays: see `crate::stats::link`.
#[pyfunction]
#[pyo3(signature = (text, canonical, label, title, country_code, kb_id, day, story, whole_table=false))]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn link<'py>(
    py: Python<'py>,
    text: StrCol<'py>,
    canonical: StrCol<'py>,
    label: StrCol<'py>,
    title: StrCol<'py>,
    country_code: StrCol<'py>,
    kb_id: StrCol<'py>,
    day: &Bound<'py, PyBytes>,
    story: &Bound<'py, PyBytes>,
    whole_table: bool,
) -> PyResult<(Bound<'py, PyBytes>, LentStrings<'py>, LentStrings<'py>, LentStrings<'py>)> {
    let cols: Vec<(&[u8], &[u8])> = [&text, &canonical, &label, &title, &country_code, &kb_id]
        .iter()
        .map(|c| (c.0.as_bytes(), c.1.as_bytes()))
        .collect();
    let (day, story) = (day.as_bytes(), story.as_bytes());
    let out = guarded(py, move || {
        if day.len() % 4 != 0 || story.len() != day.len() {
            return Err(Error::Value(format!(
                "day and story must be 4-byte values of the same count ({} and {} bytes)",
                day.len(),
                story.len()
            )));
        }
        let n = day.len() / 4;
        let names = ["text", "canonical", "label", "title", "country_code", "kb_id"];
        let mut s: Vec<StrColumn> = Vec::with_capacity(6);
        for (name, (offsets, data)) in names.iter().zip(&cols) {
            s.push(StrColumn::new(name, offsets, data, n)?);
        }
        let strs: [StrColumn; 6] = s.try_into().map_err(|_| Error::Value("six string columns".into()))?;
        let mentions = LinkColumns { strs, day, story };
        let window = if whole_table { stats::link::Window::All } else { stats::link::Window::Year };
        let linked = stats::link::link_table(&mentions, window);
        Ok((le_u32(&linked.entity), str_column(&linked.ids), str_column(&linked.names), str_column(&linked.codes)))
    })?;
    let (entity, ids, names, codes) = out;
    Ok((PyBytes::new(py, &entity), lend_strings(py, ids)?, lend_strings(py, names)?, lend_strings(py, codes)?))
}

/// Adds the `stats` submodule to the extension module.
pub(crate) fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "stats")?;
    m.add_function(wrap_pyfunction!(frequency, &m)?)?;
    m.add_function(wrap_pyfunction!(cooccurrence, &m)?)?;
    m.add_function(wrap_pyfunction!(timeline, &m)?)?;
    m.add_function(wrap_pyfunction!(keyness, &m)?)?;
    m.add_function(wrap_pyfunction!(link, &m)?)?;
    m.add("NO_DAY", stats::NO_DAY)?;
    parent.add_submodule(&m)?;
    Ok(())
}
