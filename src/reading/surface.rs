//! Surface forms: a name written in capitals (a dateline's "LONDON", an all-caps headline's
//! "WOOLWORTH") or in another case ("Opec") takes the usual form of the same name, so one entity is
//! not counted under two spellings. The usual form, in order:
//! 1. for a well-known acronym in another case ("Opec", "Nato"), what the acronym as usually written
//!    ("OPEC") resolves to in the story, else its long form from the acronym list;
//! 2. the story's most frequent form of the name that is not all capitals (ties: the first);
//! 3. the gazetteer's form of a place ("LONDON" -> "London");
//! 4. for a dateline place or a person's full name, the words capitalised ("EAST PALESTINE" ->
//!    "East Palestine", "DONALD TRUMP" -> "Donald Trump").
//!
//! Otherwise the name stays as written: an all-caps name nothing else spells (an acronym, most
//! often) is its own usual form. Only canonical names change; `text` stays as written. The corpus's
//! usual form (across stories) is the statistics' job (`dateline.stats`). Entities a user named
//! (`aliases=`, `patterns=`) are left as the user gave them.
use rustc_hash::FxHashMap as FastMap;

use crate::gazetteer::gazetteer;
use crate::types::*;

/// All letters capitals, and at least two of them ("LONDON", "EAST PALESTINE", "U.S.").
pub(crate) fn is_all_caps(s: &str) -> bool {
    // Asked of every name of every story: the ASCII bytes are read as bytes, the first other
    // character and the rest as chars (the same answer, without decoding ASCII).
    let b = s.as_bytes();
    let mut letters = 0;
    let mut ascii = b.len();
    for (i, &c) in b.iter().enumerate() {
        if !c.is_ascii() {
            ascii = i;
            break;
        }
        if c.is_ascii_lowercase() {
            return false;
        }
        letters += usize::from(c.is_ascii_uppercase());
    }
    for c in s[ascii..].chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Capitalises each word of an all-caps name: "EAST PALESTINE" -> "East Palestine", "WINSTON-SALEM"
/// -> "Winston-Salem"; a word with a dot ("D.C.") stays as written.
fn capitalised(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.contains('.') {
            out.push_str(word);
            continue;
        }
        let mut start = true;
        for c in word.chars() {
            if start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            start = !c.is_alphanumeric() && c != '\'';
        }
    }
    out
}

fn is_name(l: Label) -> bool {
    matches!(
        l,
        Label::Person
            | Label::Org
            | Label::Gpe
            | Label::Loc
            | Label::Fac
            | Label::Norp
            | Label::Event
            | Label::Product
            | Label::WorkOfArt
            | Label::Law
            | Label::Language
            | Label::Misc
    )
}

/// A single word that may be an acronym in another case ("Opec", "Nato"): worth a gazetteer look-up.
fn may_be_acronym_variant(c: &str) -> bool {
    (2..=10).contains(&c.len()) && !c.contains(' ') && c.bytes().any(|b| b.is_ascii_lowercase())
}

/// Where an entity's usual form comes from, decided in a first pass over the story.
enum Usual {
    /// The canonical name of another entity (the acronym as usually written), read when the names
    /// are given: entities are renamed in order, so an earlier one already has its usual form.
    Entity(usize),
    Fixed(String),
}

/// Gives every name its usual form (see the module doc) and merges clusters that then share a name.
/// Allocation-free for the names that keep their form (nearly all). Linear in the story: the other
/// forms of the all-caps names are gathered in one pass over the entities and one search of the
/// text, however many such names there are (an all-caps story has thousands).
pub fn normalize(art: &mut Article) {
    let g = gazetteer();
    let mut usual: Vec<(usize, Usual)> = Vec::new();
    // All-caps names to look up in the story: (entity, gazetteer form, whether to capitalise).
    let mut caps_names: Vec<(usize, Option<&str>, bool)> = Vec::new();
    // Built on first need: the first entity written exactly so, for each spelling.
    let mut first_written: Option<FastMap<&str, usize>> = None;
    for (i, e) in art.entities.iter().enumerate() {
        if e.user || !is_name(e.label) {
            continue;
        }
        let c = art.canonical(e);
        let caps = is_all_caps(c);
        if !caps && !may_be_acronym_variant(c) {
            continue;
        }
        let known = g.form(c);
        // A well-known acronym is written its own way, whatever the story does ("Opec" -> "OPEC").
        let acronym = known.filter(|f| *f != c && crate::reading::acronyms::known(f).is_some());
        if let Some(a) = acronym {
            // What the story (or the acronym list) makes of the acronym as usually written: a
            // mention written "OPEC" and one written "Opec" get the same canonical name.
            let written = first_written.get_or_insert_with(|| {
                let mut m = FastMap::default();
                for (k, o) in art.entities.iter().enumerate() {
                    if !o.user {
                        m.entry(art.slice(o.span)).or_insert(k);
                    }
                }
                m
            });
            let u = match written.get(a) {
                Some(&o) => Usual::Entity(o),
                None => {
                    Usual::Fixed(crate::reading::acronyms::known(a).map_or_else(|| a.to_string(), |k| k.long.clone()))
                }
            };
            usual.push((i, u));
        } else if caps && crate::reading::acronyms::known(c).is_none() {
            let capitalise = (art.sentences.get(e.sentence).is_some_and(|s| s.section == Section::Dateline)
                && matches!(e.label, Label::Gpe | Label::Loc))
                || (e.label == Label::Person && c.contains(' '));
            caps_names.push((i, known, capitalise));
        }
    }
    if !caps_names.is_empty() {
        let names: Vec<&str> = caps_names.iter().map(|&(i, ..)| art.canonical(&art.entities[i])).collect();
        let forms = mixed_case_forms(art, &names);
        for (&(i, known, capitalise), (c, f)) in caps_names.iter().zip(names.iter().zip(forms)) {
            let u = if let Some(f) = f {
                f.to_string()
            } else if let Some(f) = known.filter(|f| !is_all_caps(f)) {
                f.to_string()
            } else if capitalise {
                capitalised(c)
            } else {
                continue;
            };
            usual.push((i, Usual::Fixed(u)));
        }
        // Given in the entities' order, as the acronyms' `Usual::Entity` expects.
        usual.sort_by_key(|u| u.0);
    }
    let mut changed = false;
    for (i, u) in usual {
        let u = match u {
            Usual::Entity(o) => art.canonical(&art.entities[o]).to_string(),
            Usual::Fixed(s) => s,
        };
        if u != art.canonical(&art.entities[i]) {
            art.entities[i].canonical = Some(u);
            changed = true;
        }
    }
    if changed {
        merge_clusters(art);
    }
}

/// For each all-caps name, its mixed-case form in the story: the story's most frequent form among
/// the entities not written in capitals (ties: the first mentioned), else the first capitalised,
/// not all-caps form in the text (outside the entities: the tagger may have left it; "Woolworth
/// said ..." for a headline's "WOOLWORTH").
fn mixed_case_forms<'a>(art: &'a Article, names: &[&str]) -> Vec<Option<&'a str>> {
    // Each distinct name once, found by the hash of its lower case.
    let mut distinct: Vec<&str> = Vec::with_capacity(names.len());
    let mut by_hash: FastMap<u64, usize> = FastMap::with_capacity_and_hasher(names.len(), Default::default());
    let slots: Vec<usize> = names
        .iter()
        .map(|&name| {
            let h = lower_hash(name);
            match by_hash.get(&h) {
                Some(&k) if distinct[k] == name => k,
                // A hash shared by two names: the later one gets no story form (rare, harmless).
                Some(_) => usize::MAX,
                None => {
                    by_hash.insert(h, distinct.len());
                    distinct.push(name);
                    distinct.len() - 1
                }
            }
        })
        .collect();
    // The entities' forms of each name, with counts, in order of first mention.
    let mut forms: Vec<Vec<(&str, usize)>> = vec![Vec::new(); distinct.len()];
    // An ASCII name matches only a form of its length: when all are ASCII, a bit per length (63 for
    // any longer) turns most names away before hashing.
    let lengths = distinct.iter().all(|n| n.is_ascii()).then(|| length_bits(&distinct));
    for o in &art.entities {
        if !is_name(o.label) {
            continue;
        }
        let f = art.canonical(o);
        if lengths.is_some_and(|l| l & length_bit(f) == 0) {
            continue;
        }
        let Some(&k) = by_hash.get(&lower_hash(f)) else { continue };
        let name = distinct[k];
        // An ASCII name matches only a form of its length (no other script's letters).
        if (name.is_ascii() && f.len() != name.len()) || is_all_caps(f) || !same_but_case(f, name) {
            continue;
        }
        match forms[k].iter_mut().find(|x| x.0 == f) {
            Some(x) => x.1 += 1,
            None => forms[k].push((f, 1)),
        }
    }
    // max_by_key keeps the last of equals: reversed, the first mentioned wins a tie.
    let mut found: Vec<Option<&str>> = forms.iter().map(|v| v.iter().rev().max_by_key(|x| x.1).map(|x| x.0)).collect();
    // The rest are looked for in the text.
    let wanted: Vec<usize> = (0..distinct.len())
        .filter(|&k| found[k].is_none() && distinct[k].is_ascii() && distinct[k].len() >= 2)
        .collect();
    if !wanted.is_empty() {
        let names: Vec<&str> = wanted.iter().map(|&k| distinct[k]).collect();
        for (k, f) in wanted.into_iter().zip(text_forms(&art.text, &names)) {
            found[k] = f;
        }
    }
    slots.into_iter().map(|k| found.get(k).copied().flatten()).collect()
}

/// A name's bit in `length_bits`: its length in bytes, 63 for any longer.
fn length_bit(s: &str) -> u64 {
    1 << s.len().min(63)
}

/// The lengths of `names` as bits (`length_bit`).
fn length_bits(names: &[&str]) -> u64 {
    names.iter().fold(0, |m, n| m | length_bit(n))
}

/// A hash of a name's lower case, without building the lower-case string.
fn lower_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    if s.is_ascii() {
        for b in s.bytes() {
            h.write_u8(b.to_ascii_lowercase());
        }
    } else {
        for c in s.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
    }
    h.finish()
}

/// For each ASCII name, the first form of it in `text` (case aside, between word boundaries) that
/// is capitalised but not all capitals. A few names are each looked for on their own (building an
/// automaton costs more than a few scans); more in one pass over the text for all of them.
fn text_forms<'a>(text: &'a str, names: &[&str]) -> Vec<Option<&'a str>> {
    const SCANS: usize = 8;
    let mut out = vec![None; names.len()];
    let t = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric();
    let whole_word = |i: usize, j: usize| (i == 0 || !word(t[i - 1])) && (j == t.len() || !word(t[j]));
    let wanted = |f: &str| f.as_bytes()[0].is_ascii_uppercase() && !is_all_caps(f);
    if names.len() <= SCANS {
        for (k, name) in names.iter().enumerate() {
            let n = name.len();
            let first = name.as_bytes()[0];
            // Candidates are the first byte in either case, found by memchr rather than byte by byte.
            // Only a capital starts a form sought, and the lower-case occurrences matter only as spans
            // to skip: a name of letters and digits alone cannot start inside another whole-word
            // occurrence of itself, so its capital candidates alone give the same first form (and a
            // capital is far rarer in the text than its letter in either case).
            let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
            let lo = if name.bytes().all(|b| b.is_ascii_alphanumeric()) { up } else { lo };
            let mut i = 0;
            while i + n <= t.len() {
                let Some(p) = memchr::memchr2(lo, up, &t[i..]) else { break };
                let i0 = i + p;
                if i0 + n > t.len() {
                    break;
                }
                if t[i0..i0 + n].eq_ignore_ascii_case(name.as_bytes()) && whole_word(i0, i0 + n) {
                    if wanted(&text[i0..i0 + n]) {
                        out[k] = Some(&text[i0..i0 + n]);
                        break;
                    }
                    i = i0 + n;
                } else {
                    i = i0 + 1;
                }
            }
        }
        return out;
    }
    let Ok(ac) = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(names) else {
        return out;
    };
    // Past a whole-word occurrence that is not the form sought, the next is looked for after it
    // (as the scans above do).
    let mut resume = vec![0usize; names.len()];
    let mut open = names.len();
    for m in ac.find_overlapping_iter(text) {
        let (k, i, j) = (m.pattern().as_usize(), m.start(), m.end());
        if out[k].is_some() || i < resume[k] || !whole_word(i, j) {
            continue;
        }
        if wanted(&text[i..j]) {
            out[k] = Some(&text[i..j]);
            open -= 1;
            if open == 0 {
                break;
            }
        } else {
            resume[k] = j;
        }
    }
    out
}

/// Whether two names are the same but for case ("LONDON", "London").
fn same_but_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Each cluster takes its first mention's canonical name; clusters with the same name and label
/// become one (mentions in text order).
fn merge_clusters(art: &mut Article) {
    // Only clusters whose name changed are renamed and looked up; no string is copied for the rest.
    let mut renamed = false;
    let mut clusters = std::mem::take(&mut art.clusters);
    for c in clusters.iter_mut() {
        if let Some(e) = c.mentions.first().and_then(|&m| art.entities.get(m)) {
            let name = art.canonical(e);
            if name != c.canonical {
                c.canonical = name.to_string();
                renamed = true;
            }
        }
    }
    if !renamed {
        art.clusters = clusters;
        return;
    }
    let mut out: Vec<Cluster> = Vec::with_capacity(art.clusters.len());
    let mut at: FastMap<(&str, Label), usize> = FastMap::default();
    let mut merged_into: Vec<Option<usize>> = vec![None; clusters.len()];
    for (i, c) in clusters.iter().enumerate() {
        match at.get(&(c.canonical.as_str(), c.label)) {
            Some(&k) => merged_into[i] = Some(k),
            None => {
                at.insert((c.canonical.as_str(), c.label), i);
            }
        }
    }
    drop(at);
    let mut slot: Vec<usize> = vec![usize::MAX; clusters.len()];
    for (i, c) in clusters.into_iter().enumerate() {
        match merged_into[i] {
            Some(k) => {
                let target = &mut out[slot[k]];
                target.mentions.extend(c.mentions);
                target.mentions.sort_unstable();
                target.country_code = target.country_code.or(c.country_code);
            }
            None => {
                slot[i] = out.len();
                out.push(c);
            }
        }
    }
    art.clusters = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_forms_one_pass_finds_what_each_scan_finds() {
        // Twelve names, so the one-pass search runs; each checked against its own scan. "ACME" is
        // first written in capitals, then in lower case, before the form sought; "AB" occurs inside
        // words only; "ZED" not at all.
        let text = "ACME said acme-like ACME, acme and Acme. Ab(AB)Abc ab. Beta Gamma Delta Eps Zeta Eta Theta Iota";
        let names = ["ACME", "AB", "ZED", "BETA", "GAMMA", "DELTA", "EPS", "ZETA", "ETA", "THETA", "IOTA", "ACME AND"];
        let all = text_forms(text, &names);
        let each: Vec<Option<&str>> = names.iter().map(|n| text_forms(text, &[n])[0]).collect();
        assert_eq!(all, each);
        assert_eq!(&all[..4], [Some("Acme"), Some("Ab"), None, Some("Beta")]);
        assert_eq!(all[11], None); // "acme and" is lower case, "ACME, acme" has a comma
    }

    #[test]
    fn capitals_and_case_variants_take_the_usual_form() {
        assert!(is_all_caps("LONDON") && is_all_caps("U.S.") && !is_all_caps("London") && !is_all_caps("X"));
        assert_eq!(capitalised("EAST PALESTINE"), "East Palestine");
        assert_eq!(capitalised("WINSTON-SALEM"), "Winston-Salem");
        assert_eq!(capitalised("WASHINGTON, D.C."), "Washington, D.C.");
        let text = "LONDON, March 3 - Woolworth said WOOLWORTH and Opec and OPEC met in TOKYO. JOHN SMITH, AMERICAN, EC COMMISSION.";
        let mut art = crate::structure::parse_structure(text, &ParseOptions::default());
        crate::structure::tokenize::annotate(&mut art);
        let span = |w: &str| {
            let s = text.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let sent = |sp: Span| art.sentences.iter().position(|s| s.span.contains(sp)).unwrap();
        for (w, l) in [
            ("LONDON", Label::Gpe),
            ("Woolworth", Label::Org),
            ("WOOLWORTH", Label::Org),
            ("Opec", Label::Org),
            ("OPEC", Label::Org),
            ("TOKYO", Label::Gpe),
            ("JOHN SMITH", Label::Person),
            ("AMERICAN", Label::Norp),
            ("EC COMMISSION", Label::Org),
        ] {
            let sp = span(w);
            let e = Entity::new(sp, l, sent(sp), 0, 0);
            art.entities.push(e);
        }
        normalize(&mut art);
        let got: Vec<&str> = art.entities.iter().map(|e| art.canonical(e)).collect();
        // Resolution (not run here) would expand "OPEC"; "Opec" takes whatever "OPEC" has.
        assert_eq!(
            got,
            ["London", "Woolworth", "Woolworth", "OPEC", "OPEC", "Tokyo", "John Smith", "American", "EC COMMISSION"]
        );
    }
}
