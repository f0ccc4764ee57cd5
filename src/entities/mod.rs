//! Entity recognition: a trained sequence tagger for names (PERSON, ORG, GPE/LOC/FAC, NORP, EVENT,
//! PRODUCT, ... refined from CoNLL's four types) plus `rules::find` for numbers and dates.
//!
//! The model (models/ner.bin) and its lexicons are compiled into the library and loaded once per
//! process, shared by all threads. Train it with `cargo run --release --bin train-ner` (README).
mod fast;
pub(crate) mod features;
pub(crate) mod lexicon;
pub(crate) mod model;
pub(crate) mod refine;
pub(crate) mod rules;
pub mod user;

use crate::types::*;
use std::sync::OnceLock;

pub use model::Model;

const MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");

/// The model files compiled in, by their path in the repository (run manifests hash them).
pub fn embedded_files() -> [(&'static str, &'static [u8]); 2] {
    [("models/ner.bin", MODEL_BYTES), ("data/ner/agencies.txt", refine::AGENCIES.as_bytes())]
}

/// The model shipped with the library, loaded on first use; an error names what is wrong with it.
pub fn shipped_model() -> Result<&'static Model, &'static crate::Error> {
    static M: OnceLock<Result<Model, crate::Error>> = OnceLock::new();
    M.get_or_init(|| {
        let loaded = match candidate_model() {
            // the tagging tables are made here, with the model, not inside the first story's call
            None => Model::from_bytes(MODEL_BYTES, lexicon::Lexicon::builtin()),
            Some((path, bytes)) => bytes
                .and_then(|b| Model::from_bytes(&b, lexicon::Lexicon::builtin()))
                .map_err(|e| crate::Error::Model(format!("DATELINE_NER_MODEL={}: {e}", path.to_string_lossy()))),
        };
        loaded.inspect(|m| m.prepare())
    })
    .as_ref()
}

/// Evaluation hook (`eval` feature): `DATELINE_NER_MODEL=FILE` replaces the compiled-in weights
/// for the whole process, so a candidate model trained by `train-ner` can be scored through the
/// Python pipeline (link, events, PolNeAR) without rebuilding the extension. A file that cannot
/// be read or is no model makes every parse fail with an error naming the variable: a silent
/// fall-back would give tables without names.
#[cfg(feature = "eval")]
fn candidate_model() -> Option<(std::ffi::OsString, crate::Result<Vec<u8>>)> {
    let path = std::env::var_os("DATELINE_NER_MODEL").filter(|p| !p.is_empty())?;
    let bytes = std::fs::read(&path).map_err(|e| crate::Error::io(std::path::Path::new(&path), &e));
    Some((path, bytes))
}

#[cfg(not(feature = "eval"))]
fn candidate_model() -> Option<(std::ffi::OsString, crate::Result<Vec<u8>>)> {
    None
}

/// Fills `art.entities` (sorted by start) from the tagger and `rules::find`.
pub fn recognize(art: &mut Article) {
    // The shipped model is tested to load; should a broken build get here, names are left out
    // rather than panicking inside a Python call.
    match shipped_model() {
        Ok(m) => recognize_using(m, art),
        Err(_) => finish(art, Vec::new()),
    }
}

/// `recognize` with `model` in place of the shipped one.
pub fn recognize_using(model: &Model, art: &mut Article) {
    let names = recognize_with(model, art);
    finish(art, names);
}

fn finish(art: &mut Article, mut names: Vec<Entity>) {
    // In a sentence that writes capitals, a name with none is no name ("mid-afternoon" read as a
    // place took the time expression's words); text written all in lower case keeps them.
    let upper = |s: &str| s.chars().any(char::is_uppercase);
    names.retain(|e| {
        upper(art.slice(e.span)) || art.sentences.get(e.sentence).is_none_or(|s| !upper(art.slice(s.span)))
    });
    refine::apply_patterns(art, &mut names);
    refine::fix_events(art, &mut names);
    refine::join_connected_orgs(art, &mut names);
    refine::fix_known_shapes(art, &mut names);
    refine::named_events(art, &mut names);
    refine::company_names(art, &mut names);
    refine::company_prefixes(art, &mut names);
    refine::bare_legal_forms(art, &mut names);
    refine::headline_names(art, &mut names);
    refine::ticker_company_names(art, &mut names);
    refine::names_after_offices(art, &mut names);
    refine::company_short_forms(art, &mut names);
    refine::join_adjacent_names(art, &mut names);
    refine::place_modifiers(art, &mut names);
    refine::institution_acts(art, &mut names);
    dateline_places(art, &mut names);
    known_place_prefixes(art, &mut names);
    // A story with no sentence (only a byline, say) has no place for an entity to point to; the
    // rules' whole-text search is for articles built by hand.
    let rules = if art.sentences.is_empty() { Vec::new() } else { crate::entities::rules::find(art) };
    art.entities = merge(names, rules);
}

/// The dateline's place is a place whatever the tagger made of it ("SAO PAULO" is no person,
/// "DAR ES SALAAM, Tanzania" no organisation): each comma-separated part becomes one GPE, and
/// the tagger's entities over it give way. `names` stays sorted and free of overlaps.
fn dateline_places(art: &Article, names: &mut Vec<Entity>) {
    let Some(d) = &art.dateline else { return };
    if d.place.is_empty() || d.span.end > art.text.len() {
        return;
    }
    // A line the structure stage read as a dateline with neither date nor agency ("IPO FILING -")
    // counts only when the gazetteer knows one of its parts.
    let g = crate::gazetteer::gazetteer();
    let known = |p: &str| g.city(p).is_some() || g.country(p).is_some() || g.region(p).is_some();
    if d.date.is_none() && d.agency.is_none() && !d.place.split(',').any(|p| known(p.trim())) {
        return;
    }
    let Some(at) = art.text[d.span.start..d.span.end].find(d.place.as_str()) else { return };
    let place = Span::new(d.span.start + at, d.span.start + at + d.place.len());
    let mut parts = Vec::new();
    let mut start = place.start;
    for piece in art.text[place.start..place.end].split(',') {
        let lead = piece.len() - piece.trim_start().len();
        let (s, e) = (start + lead, start + piece.trim_end().len());
        start += piece.len() + 1;
        // the tokens wholly inside this part; a part of no token (a stray comma) is skipped
        let ts = art.tokens.partition_point(|t| t.span.start < s);
        let te = art.tokens.partition_point(|t| t.span.end <= e);
        if ts >= te {
            continue;
        }
        let span = Span::new(art.tokens[ts].span.start, art.tokens[te - 1].span.end);
        let sentence = art.sentences.partition_point(|x| x.token_end <= ts);
        if sentence < art.sentences.len() && art.sentences[sentence].token_start <= ts {
            parts.push(Entity::new(span, Label::Gpe, sentence, ts, te));
        }
    }
    if parts.is_empty() {
        return;
    }
    names.retain(|n| !n.span.overlaps(place));
    names.extend(parts);
    names.sort_by_key(|e| (e.span.start, e.span.end));
}

/// A place the gazetteer knows with the word before it ("N. Korea", "S. Korea"): the tagger may
/// read the abbreviation as a name of its own ("N." PERSON + "Korea"). `names` stays sorted and
/// free of overlaps; each place looks one token back.
fn known_place_prefixes(art: &Article, names: &mut Vec<Entity>) {
    let g = crate::gazetteer::gazetteer();
    let mut out: Vec<Entity> = Vec::with_capacity(names.len());
    for mut e in names.drain(..) {
        let sentence_start = art.sentences.get(e.sentence).map_or(0, |s| s.token_start);
        if matches!(e.label, Label::Gpe | Label::Loc) && e.token_start > sentence_start {
            let p = e.token_start - 1;
            let before = art.tokens[p].span;
            let gap = &art.text[before.end..e.span.start];
            let whole = &art.text[before.start..e.span.end];
            let prefix_ok = art.token_text(p).starts_with(char::is_uppercase) && gap.len() <= 1;
            // only a prefix that is itself no entity of its own or a one-word one the tagger guessed
            let prev_ok = out.last().is_none_or(|l| l.token_end <= p || (l.token_start == p && l.token_end == p + 1));
            if prefix_ok && prev_ok && g.country(whole).is_some() {
                if out.last().is_some_and(|l| l.token_start == p) {
                    out.pop();
                }
                e.span = Span::new(before.start, e.span.end);
                e.token_start = p;
                e.label = Label::Gpe;
            }
        }
        out.push(e);
    }
    *names = out;
}

/// Most tokens the tagger reads as one document: its document-level features (a word's other
/// mentions, earlier labels) look this far, and its buffers (a few hundred bytes a token) stay
/// bounded on any input. A news story is far shorter; a longer text is tagged window by window.
const WINDOW_TOKENS: usize = 32_768;
/// Longest stretch tagged as one sentence; a longer "sentence" (no full stop in a megabyte of
/// text) is cut into pieces of this many tokens.
const MAX_SEGMENT_TOKENS: usize = 2_048;

/// Name entities of the article by `model`, labels refined, sorted by start.
pub fn recognize_with(model: &Model, art: &Article) -> Vec<Entity> {
    let segments = bounded(segments(art));
    let mut out = Vec::new();
    let mut rest = &segments[..];
    while !rest.is_empty() {
        let mut n = 0;
        let mut tokens = 0;
        while n < rest.len() && (n == 0 || tokens + rest[n].2 - rest[n].1 <= WINDOW_TOKENS) {
            tokens += rest[n].2 - rest[n].1;
            n += 1;
        }
        let (window, after) = rest.split_at(n);
        rest = after;
        if crate::util::cancel::requested() {
            break;
        }
        let doc: Vec<Vec<&str>> = window.iter().map(|&(_, s, e)| (s..e).map(|i| art.token_text(i)).collect()).collect();
        let tagged = model.tag_document(&doc);
        for (&(si, base, _), spans) in window.iter().zip(tagged) {
            for (s, e, kind) in spans {
                // Time words the tagger ran into a name belong to the date rules.
                let Some((ts, te)) = refine::trim_time_words(art, base + s, base + e) else { continue };
                let span = Span::new(art.tokens[ts].span.start, refine::trim_end(art, ts, te));
                if let Some(label) = refine::label(art, ts, te, model::TYPES[kind]) {
                    out.push(Entity::new(span, label, si, ts, te));
                }
            }
        }
    }
    drop_headline_common_nouns(art, &mut out);
    out
}

/// A title-case headline capitalises every word, so the tagger takes common nouns for names
/// ("Farmers of DPRK Make Preparations for Autumn Harvest": "Autumn Harvest" PERSON, "DPRK Make
/// Preparations" MISC). A headline word the rest of the story never writes capitalised, and
/// writes in lower case or the news vocabulary knows in lower case, is such a noun; names lose
/// those words at their edges ("DPRK", a country, is left) and go when nothing else is left. A
/// word the story also writes capitalised ("May", "Bush") stays.
fn drop_headline_common_nouns(art: &Article, out: &mut Vec<Entity>) {
    let in_headline =
        |t: usize| story_sentence(art, t).is_some_and(|si| art.sentences[si].section == Section::Headline);
    let title_case = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.clone().any(char::is_lowercase) && c.all(char::is_alphabetic)
    };
    let candidate = |e: &Entity| e.label.conll().is_some() && in_headline(e.token_start);
    if !out.iter().any(|e| candidate(e) && (e.token_start..e.token_end).any(|t| title_case(art.token_text(t)))) {
        return;
    }
    // The words of the rest of the story: as written, and lower-cased where written in lower case.
    let mut as_written = rustc_hash::FxHashSet::default();
    let mut lower = rustc_hash::FxHashSet::default();
    for t in (0..art.tokens.len()).filter(|&t| !in_headline(t)) {
        let w = art.token_text(t);
        if w.starts_with(char::is_lowercase) {
            lower.insert(w);
        } else {
            as_written.insert(w);
        }
    }
    let common = |t: usize| {
        let w = art.token_text(t);
        title_case(w)
            && !as_written.contains(w)
            && (lower.contains(w.to_lowercase().as_str()) || refine::common_word(w))
    };
    let g = crate::gazetteer::gazetteer();
    out.retain_mut(|e| {
        if !candidate(e) {
            return true;
        }
        let (mut ts, mut te) = (e.token_start, e.token_end);
        while ts < te && common(ts) {
            ts += 1;
        }
        while te > ts && common(te - 1) {
            te -= 1;
        }
        if ts == te {
            return false;
        }
        if (ts, te) != (e.token_start, e.token_end) {
            e.span = Span::new(art.tokens[ts].span.start, art.tokens[te - 1].span.end);
            (e.token_start, e.token_end) = (ts, te);
            let rest = art.slice(e.span);
            if g.country(rest).is_some() || g.city(rest).is_some() {
                e.label = Label::Gpe;
            }
        }
        true
    });
}

/// The sentence holding token `t`.
fn story_sentence(art: &Article, t: usize) -> Option<usize> {
    let si = art.sentences.partition_point(|s| s.token_end <= t);
    (si < art.sentences.len() && art.sentences[si].token_start <= t).then_some(si)
}

/// `segments` with every stretch longer than [`MAX_SEGMENT_TOKENS`] cut into pieces.
fn bounded(segments: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    if segments.iter().all(|&(_, s, e)| e - s <= MAX_SEGMENT_TOKENS) {
        return segments;
    }
    let mut out = Vec::with_capacity(segments.len());
    for (si, s, e) in segments {
        let mut start = s;
        while e - start > MAX_SEGMENT_TOKENS {
            out.push((si, start, start + MAX_SEGMENT_TOKENS));
            start += MAX_SEGMENT_TOKENS;
        }
        out.push((si, start, e));
    }
    out
}

/// The stretches the tagger reads as sentences: `(sentence index, first token, end token)`.
/// A sentence is cut where a line ends, unless the text is hard-wrapped (lines of one width, as in
/// 1987 wire copy) and the line ran to that width: a line break in a headline, a dateline, a table
/// row or a one-sentence-a-line text is never inside a name.
pub fn segments(art: &Article) -> Vec<(usize, usize, usize)> {
    let text = art.text.as_bytes();
    // Line statistics in one pass over the newlines: how many lines, how many of wrapping width,
    // the longest, and how many after the first go on in lower case.
    let (mut n_lines, mut full, mut longest, mut continued) = (0usize, 0usize, 0usize, 0usize);
    let mut line_start = 0;
    for end in memchr::memchr_iter(b'\n', text).chain(std::iter::once(text.len())) {
        let len = end - line_start;
        full += (50..=85).contains(&len) as usize;
        longest = longest.max(len);
        // Wrapping breaks lines inside sentences, so many lines go on in lower case; a text of one
        // sentence (or table row) a line, however even its widths, almost never does.
        if n_lines > 0 && art.text[line_start..end].trim_start().starts_with(|c: char| c.is_lowercase()) {
            continued += 1;
        }
        n_lines += 1;
        line_start = end + 1;
    }
    let wrapped = n_lines >= 3 && full * 10 >= n_lines * 6 && longest <= 90 && continued * 5 >= n_lines - 1;
    let mut out = Vec::with_capacity(art.sentences.len());
    for (si, s) in art.sentences.iter().enumerate() {
        let mut start = s.token_start;
        for i in s.token_start + 1..s.token_end {
            let gap = &text[art.tokens[i - 1].span.end..art.tokens[i].span.start];
            if let Some(nl) = gap.iter().position(|&b| b == b'\n') {
                let nl = art.tokens[i - 1].span.end + nl;
                let line_start = art.text[..nl].rfind('\n').map_or(0, |p| p + 1);
                if !wrapped || nl - line_start < 40 {
                    out.push((si, start, i));
                    start = i;
                }
            }
        }
        if start < s.token_end {
            out.push((si, start, s.token_end));
        }
    }
    out
}

/// Merges name and rule entities without overlaps: names win ("French" in "37 million French
/// francs" stays NORP; the overlapping rule span is dropped), rules fill the rest.
pub fn merge(names: Vec<Entity>, rules: Vec<Entity>) -> Vec<Entity> {
    let mut kept: Vec<Entity> = Vec::with_capacity(names.len() + rules.len());
    // The tagger's names never overlap one another; sorted, each needs one comparison.
    let mut names: Vec<Entity> = names.into_iter().filter(|e| !e.span.is_empty()).collect();
    names.sort_by_key(|e| (e.span.start, e.span.end));
    for e in names {
        if kept.last().is_none_or(|k| k.span.end <= e.span.start) {
            kept.push(e);
        }
    }
    let n = kept.len();
    let mut rules: Vec<Entity> = rules.into_iter().filter(|e| !e.span.is_empty()).collect();
    rules.sort_by_key(|e| (e.span.start, e.span.end));
    let mut last_rule_end = 0;
    for e in rules {
        // first name ending after this rule's start
        let i = kept[..n].partition_point(|k| k.span.end <= e.span.start);
        let hits_name = i < n && kept[i].span.start < e.span.end;
        if !hits_name && e.span.start >= last_rule_end {
            last_rule_end = e.span.end;
            kept.push(e);
        }
    }
    kept.sort_by_key(|e| (e.span.start, e.span.end));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(s: usize, e: usize, label: Label) -> Entity {
        Entity::new(Span::new(s, e), label, 0, 0, 0)
    }

    #[test]
    fn merge_keeps_names_over_rules_and_never_overlaps() {
        let names = vec![ent(20, 26, Label::Norp), ent(0, 5, Label::Person)];
        let rules = vec![
            ent(9, 33, Label::Money),     // "37 million French francs": overlaps the name
            ent(40, 44, Label::Date),     // free
            ent(42, 50, Label::Cardinal), // overlaps the previous rule
            ent(60, 60, Label::Date),     // empty
        ];
        let m = merge(names, rules);
        let got: Vec<(usize, usize, Label)> = m.iter().map(|e| (e.span.start, e.span.end, e.label)).collect();
        assert_eq!(got, vec![(0, 5, Label::Person), (20, 26, Label::Norp), (40, 44, Label::Date)]);
    }

    #[test]
    fn headline_words_the_story_writes_in_lower_case_are_not_names() {
        let text = "Farmers of DPRK Make Preparations for Autumn Harvest\n\nPyongyang, July 27 (KCNA) -- Farmers \
                    are preparing for the autumn harvest. Theresa May said May was busy.";
        let stages = crate::Stages { entities: false, reading: false };
        let art = crate::analyze(text, &ParseOptions::default(), stages).unwrap();
        let tok = |w: &str| (0..art.tokens.len()).find(|&t| art.token_text(t) == w).unwrap();
        let one = |w: &str, label| {
            let t = tok(w);
            Entity::new(art.tokens[t].span, label, story_sentence(&art, t).unwrap(), t, t + 1)
        };
        let mut out = vec![one("Autumn", Label::Person), one("Harvest", Label::Loc), one("DPRK", Label::Gpe)];
        drop_headline_common_nouns(&art, &mut out);
        let kept: Vec<&str> = out.iter().map(|e| art.slice(e.span)).collect();
        assert_eq!(kept, ["DPRK"]);
        // A word the story also writes capitalised stays a name.
        let text = "May Wins Vote\n\nLONDON (Reuters) - Theresa May won. Rain may fall.";
        let art = crate::analyze(text, &ParseOptions::default(), stages).unwrap();
        let mut out = vec![Entity::new(art.tokens[0].span, Label::Person, 0, 0, 1)];
        drop_headline_common_nouns(&art, &mut out);
        assert_eq!(out.len(), 1);
    }
}
