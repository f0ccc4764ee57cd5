//! Subject-predicate-object statements between entities (meet, visit, give, sign, ...).
use crate::types::*;

/// Fills `art.events`.
pub fn extract(art: &mut Article) {
    // TODO(issue 4)
    let _ = art;
}
