//! Entity recognition: a trained sequence tagger for names (PERSON, ORG, GPE/LOC/FAC, NORP, EVENT,
//! PRODUCT, ... refined from CoNLL's four types) plus `rules::find` for numbers and dates.
//!
//! The model (models/ner.bin) and its lexicons are compiled into the library and loaded once per
//! process, shared by all threads. Train it with `cargo run --release --bin train-ner` (README).
pub mod features;
pub mod hash;
pub mod lexicon;
pub mod model;
pub mod refine;
pub mod train;

use crate::types::*;
use std::sync::OnceLock;

pub use model::Model;

const MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");

/// The model shipped with the library, loaded on first use; an error names what is wrong with it.
pub fn shipped_model() -> Result<&'static Model, &'static crate::Error> {
    static M: OnceLock<Result<Model, crate::Error>> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL_BYTES, lexicon::Lexicon::builtin())).as_ref()
}

/// Fills `art.entities` (sorted by start) from the tagger and `rules::find`.
pub fn recognize(art: &mut Article) {
    // The shipped model is tested to load; should a broken build get here, names are left out
    // rather than panicking inside a Python call.
    let names = match shipped_model() {
        Ok(m) => recognize_with(m, art),
        Err(_) => Vec::new(),
    };
    let rules = crate::rules::find(art);
    art.entities = merge(names, rules);
}

/// Name entities of the article by `model`, labels refined, sorted by start.
pub fn recognize_with(model: &Model, art: &Article) -> Vec<Entity> {
    let doc: Vec<Vec<&str>> = art
        .sentences
        .iter()
        .map(|s| (s.token_start..s.token_end).map(|i| art.token_text(i)).collect())
        .collect();
    let tagged = model.tag_document(&doc);
    let mut out = Vec::new();
    for (si, spans) in tagged.into_iter().enumerate() {
        let base = art.sentences[si].token_start;
        for (s, e, kind) in spans {
            let (ts, te) = (base + s, base + e);
            let span = Span::new(art.tokens[ts].span.start, art.tokens[te - 1].span.end);
            if let Some(label) = refine::label(art, ts, te, model::TYPES[kind]) {
                out.push(Entity::new(span, label, si, ts, te));
            }
        }
    }
    out
}

/// Merges name and rule entities without overlaps: on overlap the longer span wins, a name on a tie.
pub fn merge(names: Vec<Entity>, rules: Vec<Entity>) -> Vec<Entity> {
    let mut all: Vec<(Entity, bool)> =
        names.into_iter().map(|e| (e, true)).chain(rules.into_iter().map(|e| (e, false))).collect();
    // Longest first, names before rules on equal length, then by position for determinism.
    all.sort_by(|(a, an), (b, bn)| {
        b.span.len().cmp(&a.span.len()).then(bn.cmp(an)).then(a.span.start.cmp(&b.span.start))
    });
    // Kept spans never overlap, so ordered by start they are ordered by end too: the only kept span
    // that can overlap `e` is the last one starting before `e` ends. A map keeps this O(n log n) on
    // stories of many megabytes.
    let mut kept: std::collections::BTreeMap<usize, Entity> = std::collections::BTreeMap::new();
    for (e, _) in all {
        let clashes = kept.range(..e.span.end).next_back().is_some_and(|(_, k)| k.span.overlaps(e.span));
        if e.span.is_empty() || clashes {
            continue;
        }
        kept.insert(e.span.start, e);
    }
    kept.into_values().collect()
}
