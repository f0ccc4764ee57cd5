//! Binding of `crate::corpus::dedupe`: signatures of texts and near-duplicate groups.
//!
//! Signatures cross the boundary as `bytes`, [`Signature::BYTES`] a story (the layout of
//! `Signature::write_bytes`), so a corpus run can hand them over batch by batch and keep only them.
//! They are read in place (`&[u8]`): extracting a `Vec<u8>` goes through the sequence protocol,
//! an integer object a byte (a tenth of a second for Reuters-21578's 4.6 MB).
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;

use super::errors::guarded;
use crate::corpus::dedupe::{self, Signature};
use crate::corpus::pool;
use crate::error::Error;

fn decode(bytes: &[u8]) -> Result<Vec<Signature>, Error> {
    if !bytes.len().is_multiple_of(Signature::BYTES) {
        return Err(Error::Value(format!(
            "signatures: {} bytes is not a whole number of {}-byte signatures",
            bytes.len(),
            Signature::BYTES
        )));
    }
    Ok(bytes.chunks_exact(Signature::BYTES).map(|c| Signature::from_bytes(c).expect("one signature")).collect())
}

fn check(threshold: f64, n: usize, dates: usize) -> Result<dedupe::Params, Error> {
    if !(threshold > 0.0 && threshold <= 1.0) {
        return Err(Error::Input(format!("threshold must be in (0, 1], not {threshold}")));
    }
    if n != dates {
        return Err(Error::Value(format!("{n} signatures but {dates} dates")));
    }
    Ok(dedupe::Params { jaccard: threshold, ..dedupe::Params::DEFAULT })
}

/// dedupe_signatures(texts, threads=0) -> bytes: the signature of each text, in order.
#[pyfunction]
#[pyo3(signature = (texts, *, threads=0))]
fn dedupe_signatures<'py>(py: Python<'py>, texts: Vec<String>, threads: usize) -> PyResult<Bound<'py, PyBytes>> {
    let out = guarded(py, move || {
        let pool = pool::pool(threads)?;
        let sigs: Vec<Signature> = pool.install(|| texts.par_iter().map(|t| dedupe::signature(t)).collect());
        let mut out = Vec::with_capacity(sigs.len() * Signature::BYTES);
        for s in &sigs {
            s.write_bytes(&mut out);
        }
        Ok(out)
    })?;
    Ok(PyBytes::new(py, &out))
}

/// dedupe_groups(signatures, dates, threshold, threads=0) -> [index of the first version or None].
#[pyfunction]
#[pyo3(signature = (signatures, dates, threshold=dedupe::DEFAULT_THRESHOLD, *, threads=0))]
fn dedupe_groups(
    py: Python<'_>,
    signatures: &[u8],
    dates: Vec<Option<String>>,
    threshold: f64,
    threads: usize,
) -> PyResult<Vec<Option<usize>>> {
    guarded(py, move || {
        let sigs = decode(signatures)?;
        let params = check(threshold, sigs.len(), dates.len())?;
        let dates: Vec<Option<&str>> = dates.iter().map(|d| d.as_deref()).collect();
        Ok(pool::pool(threads)?.install(|| dedupe::duplicates(&sigs, &dates, &params)))
    })
}

/// dedupe_pairs(signatures, dates, threshold, threads=0) -> [(a, b, similarity)]: the verified
/// near-duplicate pairs, `a` first in the order (earliest date, then input order).
#[pyfunction]
#[pyo3(signature = (signatures, dates, threshold=dedupe::DEFAULT_THRESHOLD, *, threads=0))]
fn dedupe_pairs(
    py: Python<'_>,
    signatures: &[u8],
    dates: Vec<Option<String>>,
    threshold: f64,
    threads: usize,
) -> PyResult<Vec<(usize, usize, f64)>> {
    guarded(py, move || {
        let sigs = decode(signatures)?;
        let params = check(threshold, sigs.len(), dates.len())?;
        let dates: Vec<Option<&str>> = dates.iter().map(|d| d.as_deref()).collect();
        let found = pool::pool(threads)?.install(|| {
            let rank = dedupe::order(&dates);
            dedupe::pairs(&sigs, &rank, &dedupe::days(&dates), &params)
                .into_iter()
                .map(|p| if rank[p.a] < rank[p.b] { (p.a, p.b, p.similarity) } else { (p.b, p.a, p.similarity) })
                .collect()
        });
        Ok(found)
    })
}

/// dedupe_compare(a, b) -> (jaccard, containment, numbers): the measures [`dedupe::Params`]
/// tests, for two signatures (for evaluation and tuning).
#[pyfunction]
fn dedupe_compare(py: Python<'_>, a: &[u8], b: &[u8]) -> PyResult<(f64, f64, f64)> {
    guarded(py, move || {
        let (a, b) = (decode(a)?, decode(b)?);
        let (Some(a), Some(b)) = (a.first(), b.first()) else {
            return Err(Error::Value("dedupe_compare needs one signature on each side".into()));
        };
        let j = a.similarity(b);
        Ok((j, a.containment(b, j), a.numbers_in_common(b)))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(dedupe_signatures, m)?)?;
    m.add_function(wrap_pyfunction!(dedupe_groups, m)?)?;
    m.add_function(wrap_pyfunction!(dedupe_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(dedupe_compare, m)?)?;
    m.add("DEDUPE_CONTAINMENT", dedupe::Params::DEFAULT.containment)?;
    m.add("DEDUPE_NUMBERS", dedupe::Params::DEFAULT.numbers)?;
    m.add("DEDUPE_WINDOW_DAYS", dedupe::Params::DEFAULT.window_days)?;
    m.add("DEDUPE_THRESHOLD", dedupe::DEFAULT_THRESHOLD)?;
    m.add("DEDUPE_SIGNATURE_BYTES", Signature::BYTES)?;
    Ok(())
}
