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
    let mut letters = 0;
    for c in s.chars() {
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

/// Whether two names are the same but for case ("LONDON", "London").
fn same_but_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// A single word that may be an acronym in another case ("Opec", "Nato"): worth a gazetteer look-up.
fn may_be_acronym_variant(c: &str) -> bool {
    (2..=10).contains(&c.len()) && !c.contains(' ') && c.bytes().any(|b| b.is_ascii_lowercase())
}

/// Gives every name its usual form (see the module doc) and merges clusters that then share a name.
/// Allocation-free for the names that keep their form (nearly all): the story's other forms are
/// looked at only for a name in capitals.
pub fn normalize(art: &mut Article) {
    let g = gazetteer();
    let mut changed = false;
    for i in 0..art.entities.len() {
        let e = &art.entities[i];
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
        let usual: Option<String> = if let Some(a) = acronym {
            // What the story (or the acronym list) makes of the acronym as usually written: a
            // mention written "OPEC" and one written "Opec" get the same canonical name.
            let same = art.entities.iter().find(|o| !o.user && art.slice(o.span) == a);
            match same {
                Some(o) => Some(art.canonical(o).to_string()),
                None => crate::reading::acronyms::known(a).map(|k| k.long.clone()).or(Some(a.to_string())),
            }
        } else if !caps || crate::reading::acronyms::known(c).is_some() {
            None
        } else if let Some(f) = story_form(art, c).or_else(|| text_form(art, c)) {
            Some(f.to_string())
        } else if let Some(f) = known.filter(|f| !is_all_caps(f)) {
            Some(f.to_string())
        } else if (art.sentences.get(e.sentence).is_some_and(|s| s.section == Section::Dateline)
            && matches!(e.label, Label::Gpe | Label::Loc))
            || (e.label == Label::Person && c.contains(' '))
        {
            Some(capitalised(c))
        } else {
            None
        };
        if let Some(u) = usual.filter(|u| u != c) {
            art.entities[i].canonical = Some(u);
            changed = true;
        }
    }
    if changed {
        merge_clusters(art);
    }
}

/// The first form of `name` in the story's text (outside the entities: the tagger may have left it)
/// that is capitalised but not all capitals ("Woolworth said ..." for a headline's "WOOLWORTH").
/// ASCII names only; a match stands between word boundaries.
fn text_form<'a>(art: &'a Article, name: &str) -> Option<&'a str> {
    if !name.is_ascii() || name.len() < 2 {
        return None;
    }
    let t = art.text.as_bytes();
    let n = name.len();
    let first = name.as_bytes()[0].to_ascii_lowercase();
    let word = |b: u8| b.is_ascii_alphanumeric();
    let mut i = 0;
    while i + n <= t.len() {
        if t[i].to_ascii_lowercase() == first
            && t[i..i + n].eq_ignore_ascii_case(name.as_bytes())
            && (i == 0 || !word(t[i - 1]))
            && (i + n == t.len() || !word(t[i + n]))
        {
            let f = &art.text[i..i + n];
            if f.as_bytes()[0].is_ascii_uppercase() && !is_all_caps(f) {
                return Some(f);
            }
            i += n;
        } else {
            i += 1;
        }
    }
    None
}

/// The story's most frequent form of `name` not written in capitals (ties: the first mentioned).
fn story_form<'a>(art: &'a Article, name: &str) -> Option<&'a str> {
    let mut forms: Vec<(&str, usize)> = Vec::new();
    for o in &art.entities {
        if !is_name(o.label) {
            continue;
        }
        let f = art.canonical(o);
        if f.len() != name.len() && name.is_ascii() || is_all_caps(f) || !same_but_case(f, name) {
            continue;
        }
        match forms.iter_mut().find(|x| x.0 == f) {
            Some(x) => x.1 += 1,
            None => forms.push((f, 1)),
        }
    }
    // max_by_key keeps the last of equals: reversed, the first mentioned wins a tie.
    forms.iter().rev().max_by_key(|x| x.1).map(|x| x.0)
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
