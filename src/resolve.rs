//! Within-story resolution: canonical names, acronyms, country aliases and codes, titles, clusters.
use crate::types::*;

/// Sets `.canonical`, `.title`, `.country_code` on entities and fills `art.clusters`.
pub fn resolve(art: &mut Article) {
    // TODO(issue 4)
    let _ = art;
}
