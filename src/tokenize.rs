//! News-aware tokens and sentences over the headline, dateline, body paragraphs and captions.
use crate::types::*;

/// Fills `art.tokens` and `art.sentences` from the parts `parse_structure` found.
pub fn annotate(art: &mut Article) {
    // TODO(issue 2)
    let _ = art;
}
