//! Refines CoNLL's four types into OntoNotes labels from the entity's words and the gazetteer.
use crate::gazetteer::gazetteer;
use crate::types::*;
use std::collections::HashSet;
use std::sync::OnceLock;

const DEMONYMS: &str = include_str!("../../data/ner/hand/demonym.txt");

fn demonyms() -> &'static HashSet<String> {
    static D: OnceLock<HashSet<String>> = OnceLock::new();
    D.get_or_init(|| {
        DEMONYMS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_lowercase).collect()
    })
}

/// "German", "North Korean", "Germans", "Shi'ite" -> nationality, religious or political group.
pub fn is_demonym(text: &str) -> bool {
    let l = text.to_lowercase();
    let d = demonyms();
    d.contains(&l)
        || l.strip_suffix('s').is_some_and(|s| d.contains(s))
        || gazetteer().demonym(text).is_some()
}

/// The label of tokens `[ts, te)` tagged `kind` ("PER", "ORG", "LOC", "MISC"); None drops it.
pub fn label(art: &Article, ts: usize, te: usize, kind: &str) -> Option<Label> {
    let text = art.slice(Span::new(art.tokens[ts].span.start, art.tokens[te - 1].span.end));
    Some(match kind {
        "PER" => Label::Person,
        "ORG" => Label::Org,
        "LOC" => {
            let g = gazetteer();
            if g.country(text).is_some() || g.city(text).is_some() || g.region(text).is_some() {
                Label::Gpe
            } else {
                Label::Loc
            }
        }
        _ => {
            if is_demonym(text) {
                Label::Norp
            } else {
                Label::Misc
            }
        }
    })
}
