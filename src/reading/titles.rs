//! Titles and roles of people from the words around a name: pre-modifiers ("Chinese Communist Party
//! Politburo member Li Hongzhong", "Defense Minister Sergei Shoigu") and appositives ("Li Hongzhong, a
//! Politburo member,", "Shoigu, Russia's defense minister,"). A possessive country before the title
//! ("Russia's Defense Minister") is its owner, not part of the title.
use super::story::{is_possessive, Doc};
use crate::gazetteer::gazetteer;
use crate::types::*;

/// Where a title was found; pre-modifiers are the more formal form and win over appositives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Appositive,
    Pre,
}

/// Entity labels a title may contain ("Chinese", "Chinese Communist Party", "U.S.").
fn title_label(l: Label) -> bool {
    matches!(l, Label::Norp | Label::Org | Label::Gpe)
}

/// The title written before PERSON entity `ei`, if any.
pub(crate) fn before(doc: &Doc, ei: usize) -> Option<String> {
    let art = doc.art;
    let e = &art.entities[ei];
    let floor = super::story::sentence_of_token(art, e.token_start).map(|s| art.sentences[s].token_start).unwrap_or(0);
    let mut j = e.token_start;
    while j > floor {
        let t = j - 1;
        if let Some(f) = doc.ent(t) {
            let fe = &art.entities[f];
            // A possessive owner ("Russia's") ends the title; an adjacent name belongs to it.
            if !title_label(fe.label) || fe.token_end != t + 1 || fe.token_start < floor {
                break;
            }
            if j == e.token_start {
                // "Chinese Xi Jinping": a bare nationality is no title.
                break;
            }
            j = fe.token_start;
            continue;
        }
        let tw = title_word(doc, t);
        if j == e.token_start {
            if tw.honorific {
                // "Mr. Kim": an honorific is no title.
                return None;
            }
            // The word next to the name is the role itself: "Russian President", "North Korean leader".
            if !tw.head {
                return None;
            }
        } else if !(tw.head || tw.modifier) {
            break;
        }
        j = t;
    }
    if j == e.token_start {
        return None;
    }
    Some(join(doc, j, e.token_start))
}

/// The title in an appositive after PERSON entity `ei`: ", a Politburo member," / ", Russia's defense minister".
pub(crate) fn after(doc: &Doc, ei: usize) -> Option<String> {
    let art = doc.art;
    let e = &art.entities[ei];
    let end =
        super::story::sentence_of_token(art, e.token_start).map(|s| art.sentences[s].token_end).unwrap_or(doc.len());
    let end = end.min(doc.len());
    let mut k = e.token_end;
    if k >= end || doc.tok(k) != "," {
        return None;
    }
    k += 1;
    // Determiner or possessive owner.
    if k < end && is_any(doc, k, &["a", "an", "the"]) {
        k += 1;
    } else if let Some(f) = doc.ent_starting(k) {
        let fe = &art.entities[f];
        if matches!(fe.label, Label::Gpe | Label::Org) && doc.is_possessive(fe.token_end) {
            k = fe.token_end + 1;
        }
    }
    let start = k;
    let mut last_head = None;
    while k < end {
        if let Some(f) = doc.ent_starting(k) {
            if title_label(art.entities[f].label) {
                k = art.entities[f].token_end;
                continue;
            }
            break;
        }
        let tw = title_word(doc, k);
        if tw.head {
            last_head = Some(k + 1);
        } else if !tw.modifier {
            break;
        }
        k += 1;
    }
    // The title ends at its last head word; what follows must close the appositive.
    let mut stop = last_head?;
    k = stop;
    // "member of the Politburo", "chairman of Samsung": of/for + (the) + a name or title words.
    if k + 1 < end && is_any(doc, k, &["of", "for"]) {
        let mut m = k + 1;
        if is_any(doc, m, &["the"]) {
            m += 1;
        }
        if let Some(f) = doc.ent_starting(m) {
            if title_label(art.entities[f].label) || art.entities[f].label == Label::Loc {
                m = art.entities[f].token_end;
                stop = m;
                k = m;
            }
        } else {
            let mut n = m;
            while n < end && doc.is_cap(n) && !is_possessive(doc.tok(n)) {
                let tw = title_word(doc, n);
                if !(tw.head || tw.modifier) {
                    break;
                }
                n += 1;
            }
            if n > m {
                stop = n;
                k = n;
            }
        }
    }
    if k < end && !matches!(doc.tok(k), "," | "." | ";" | ")" | "--" | "—" | "said" | "says") {
        return None;
    }
    if stop <= start {
        return None;
    }
    Some(join(doc, start, stop))
}

/// What token `i` is in a title, looked up ASCII-lower-cased (as the title table is keyed) in a stack
/// buffer: resolution does without a lower-cased copy of the text.
fn title_word(doc: &Doc, i: usize) -> crate::gazetteer::TitleWord {
    let t = doc.tok(i);
    let g = gazetteer();
    if t.is_ascii() {
        // An ASCII word lower-cased as the gazetteer's helper does it, without checking UTF-8 again.
        return crate::gazetteer::with_lower(t, |k| g.title_word(k));
    }
    let mut buf = [0u8; 32];
    match buf.get_mut(..t.len()) {
        Some(b) => {
            b.copy_from_slice(t.as_bytes());
            b.make_ascii_lowercase();
            // ASCII case changes keep UTF-8 valid.
            std::str::from_utf8(b).map_or_else(|_| Default::default(), |k| g.title_word(k))
        }
        None => g.title_word(&t.to_ascii_lowercase()),
    }
}

/// Token `i` is one of `words` (lower-case), in any case.
fn is_any(doc: &Doc, i: usize, words: &[&str]) -> bool {
    let t = doc.tok(i);
    words.iter().any(|w| t.eq_ignore_ascii_case(w))
}

fn join(doc: &Doc, a: usize, b: usize) -> String {
    let art = doc.art;
    let raw = &art.text[art.tokens[a].span.start..art.tokens[b - 1].span.end];
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}
