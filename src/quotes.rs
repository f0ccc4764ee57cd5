//! Quotations with their speakers, cited sources and reporting verbs.
use crate::types::*;

/// Fills `art.quotes`.
pub fn extract(art: &mut Article) {
    // TODO(issue 4)
    let _ = art;
}
