//! Name shapes the tagger misreads, fixed by what the words are rather than how they look:
//! institutions with names of their own ("Politburo", "Bundestag", "BoE"), initials before a
//! company ("H.J. Heinz Co"), places whose name holds lower-case particles ("Dar es Salaam"),
//! and season words that open no person's name ("Autumn Harvest").
use super::word;
use crate::gazetteer::gazetteer;
use crate::types::*;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const INSTITUTIONS: &str = include_str!("../../../data/ner/institutions.txt");

/// First word -> the listed names starting with it (one or two words).
fn institutions() -> &'static FxHashMap<&'static str, Vec<Vec<&'static str>>> {
    static M: OnceLock<FxHashMap<&'static str, Vec<Vec<&'static str>>>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m: FxHashMap<&'static str, Vec<Vec<&'static str>>> = FxHashMap::default();
        for l in INSTITUTIONS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let words: Vec<&'static str> = l.split_whitespace().collect();
            m.entry(words[0]).or_default().push(words);
        }
        // longest first, so "Norges Bank" is tried before a one-word name
        m.values_mut().for_each(|v| v.sort_by_key(|w| std::cmp::Reverse(w.len())));
        m
    })
}

/// "H.J.", "J.", "A.G.": initials only.
fn initials(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b.len() <= 8 && b.chunks(2).all(|c| c.len() == 2 && c[0].is_ascii_uppercase() && c[1] == b'.')
}

const SEASONS: [&str; 5] = ["Spring", "Summer", "Autumn", "Fall", "Winter"];

/// Lower-case words inside place names ("Dar es Salaam", "Rio de Janeiro").
const PLACE_PARTICLES: [&str; 10] = ["es", "de", "do", "da", "del", "dos", "la", "los", "el", "al"];

/// Applies the fixes; `ents` is sorted and free of overlaps before and after. Linear in the
/// story: each token is looked at a bounded number of times.
pub fn fix_known_shapes(art: &Article, ents: &mut Vec<Entity>) {
    // People whose first word is a season are common nouns in a title-case phrase.
    ents.retain(|e| !(e.label == Label::Person && SEASONS.contains(&word(art, e.token_start))));
    join_initials(art, ents);
    join_particle_places(art, ents);
    label_institutions(art, ents);
}

/// "H.J." + "Heinz Co": a person's initials right before an organisation belong to it ("U.S.
/// Treasury" and "U.N. agency" are a country or a body and an organisation, and stay apart).
fn join_initials(art: &Article, ents: &mut Vec<Entity>) {
    let g = gazetteer();
    let person_initials = |w: &str| initials(w) && g.country(w).is_none() && g.acronym(w).is_none();
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for mut e in ents.drain(..) {
        if e.label == Label::Org {
            let sent = art.sentences.get(e.sentence).map_or(0, |s| s.token_start);
            let mut ts = e.token_start;
            while ts > sent && ts + 3 > e.token_start && person_initials(word(art, ts - 1)) {
                ts -= 1;
            }
            // the tagger's entity over the initials, when there is one, must be a "person" of
            // initials only, and it gives way
            let before = out.last().filter(|l| l.token_end > ts);
            let ok = before.is_none_or(|l| l.label == Label::Person && l.token_start >= ts);
            if ts < e.token_start && ok {
                if before.is_some() {
                    out.pop();
                }
                e.span = Span::new(art.tokens[ts].span.start, e.span.end);
                e.token_start = ts;
                e.canonical = None;
            }
        }
        out.push(e);
    }
    *ents = out;
}

/// "Dar" + "es" + "Salaam": pieces that make a place the gazetteer knows, with lower-case particles
/// between them, are one GPE.
fn join_particle_places(art: &Article, ents: &mut Vec<Entity>) {
    let g = gazetteer();
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    let mut i = 0;
    while i < ents.len() {
        let e = &ents[i];
        let mut joined = None;
        // try the next one or two entities, particles between them
        let mut end_tok = e.token_end;
        for k in i + 1..(i + 3).min(ents.len()) {
            let n = &ents[k];
            let between = end_tok..n.token_start;
            if n.sentence != e.sentence
                || between.is_empty()
                || between.len() > 2
                || !between.clone().all(|t| PLACE_PARTICLES.contains(&word(art, t)))
            {
                break;
            }
            let text = &art.text[e.span.start..n.span.end];
            if g.city(text).is_some() || g.country(text).is_some() {
                joined = Some(k);
            }
            end_tok = n.token_end;
        }
        match joined {
            Some(k) => {
                let last = &ents[k];
                let mut p = Entity::new(
                    Span::new(e.span.start, last.span.end),
                    Label::Gpe,
                    e.sentence,
                    e.token_start,
                    last.token_end,
                );
                p.canonical = None;
                out.push(p);
                i = k + 1;
            }
            None => {
                out.push(ents[i].clone());
                i += 1;
            }
        }
    }
    *ents = out;
}

/// Listed institutions are organisations: a tagged one takes the label, an untagged one is added.
fn label_institutions(art: &Article, ents: &mut Vec<Entity>) {
    let m = institutions();
    let mut add = Vec::new();
    let mut next = 0; // index into `ents` of the first entity not ending before token t
    for (si, s) in art.sentences.iter().enumerate() {
        for t in s.token_start..s.token_end {
            let Some(names) = m.get(word(art, t)) else { continue };
            let Some(words) = names
                .iter()
                .find(|w| t + w.len() <= s.token_end && w.iter().enumerate().all(|(j, x)| word(art, t + j) == *x))
            else {
                continue;
            };
            let te = t + words.len();
            while next < ents.len() && ents[next].token_end <= t {
                next += 1;
            }
            match ents.get_mut(next) {
                // the tagger found exactly this name: only its label changes
                Some(e) if e.token_start == t && e.token_end == te => e.label = Label::Org,
                // inside a longer name ("Bundestag Speaker ..."), or overlapping one: left alone
                Some(e) if e.token_start < te => {}
                _ => {
                    let span = Span::new(art.tokens[t].span.start, art.tokens[te - 1].span.end);
                    add.push(Entity::new(span, Label::Org, si, t, te));
                }
            }
        }
    }
    if !add.is_empty() {
        ents.extend(add);
        ents.sort_by_key(|e| (e.span.start, e.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_only_capital_letters_with_full_stops() {
        assert!(initials("H.J.") && initials("J.") && initials("A.G.") && initials("U.S."));
        assert!(!initials("Heinz") && !initials("H") && !initials("HJ.") && !initials("h.j."));
    }
}
