//! Headline-to-body agreement: a name of two or more words that the story's running text tags
//! ("Hartley Tool and Die Corp") is the same name, with the same label, where an all-caps line
//! (headline, dateline) writes it in capitals, whatever the tagger made of the capitals ("HARTLEY"
//! a person + "DIE CORP"). A one-word name the tagger left untagged in an all-caps line is added
//! with the body's label when the body gives it one label and the word is no word of the running
//! language ("CITICORP" as the body's "Citicorp", not "MAY" as "May").
use super::joins::common;
use super::word;
use crate::types::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// Longest name, in tokens, looked for in an all-caps line (keeps the search linear).
const MOST_WORDS: usize = 8;

pub(super) fn all_caps(art: &Article, s: &Sentence) -> bool {
    let mut letters = false;
    for k in s.token_start..s.token_end {
        for c in word(art, k).chars() {
            if c.is_lowercase() {
                return false;
            }
            letters |= c.is_alphabetic();
        }
    }
    letters
}

/// `ents` is sorted and free of overlaps, and stays so.
pub fn headline_names(art: &Article, ents: &mut Vec<Entity>) {
    let caps: Vec<bool> = art.sentences.iter().map(|s| all_caps(art, s)).collect();
    if !caps.iter().any(|&c| c) {
        return;
    }
    // the body's names of 2..=MOST_WORDS words, upper-cased, with the first label the body gives
    let mut body: FxHashMap<String, Label> = FxHashMap::default();
    // one-word names: the body's one label, or None when it gives the word two
    let mut single: FxHashMap<String, Option<Label>> = FxHashMap::default();
    let mut key = String::new();
    for e in ents.iter() {
        let n = e.token_end - e.token_start;
        if !(1..=MOST_WORDS).contains(&n) || caps.get(e.sentence).is_none_or(|&c| c) || e.user {
            continue;
        }
        if n == 1 {
            let w = word(art, e.token_start);
            // (a lone letter is too often a piece the tokenizer left: the "S" and "P" of "S/P")
            if w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some() && !common(w) {
                let k: String = w.chars().flat_map(char::to_uppercase).collect();
                single.entry(k).and_modify(|l| *l = l.filter(|&l| l == e.label)).or_insert(Some(e.label));
            }
            continue;
        }
        key.clear();
        for k in e.token_start..e.token_end {
            if k > e.token_start {
                key.push(' ');
            }
            key.extend(word(art, k).chars().flat_map(char::to_uppercase));
        }
        body.entry(key.clone()).or_insert(e.label);
    }
    if body.is_empty() && single.values().all(Option::is_none) {
        return;
    }
    // A one-word name is only added where the tagger left the word untagged: where it read the word
    // otherwise its reading stands (relabelling "PENNEY" to the body's ORG breaks its agreement with
    // the story's other mentions as often as it mends it).
    let mut tagged = vec![false; art.tokens.len()];
    for e in ents.iter() {
        tagged[e.token_start..e.token_end.min(art.tokens.len())].fill(true);
    }
    let mut found: Vec<Entity> = Vec::new();
    for (si, s) in art.sentences.iter().enumerate().filter(|(i, _)| caps[*i]) {
        let mut i = s.token_start;
        while i < s.token_end {
            // the longest body name starting here
            let mut best = None;
            key.clear();
            for j in i..s.token_end.min(i + MOST_WORDS) {
                if j > i {
                    key.push(' ');
                }
                key.push_str(word(art, j));
                if j > i {
                    if let Some(&l) = body.get(key.as_str()) {
                        best = Some((j + 1, l));
                    }
                }
            }
            if best.is_none() && !tagged[i] {
                if let Some(&Some(l)) = single.get(word(art, i)) {
                    best = Some((i + 1, l));
                }
            }
            match best {
                Some((end, label)) => {
                    let span = Span::new(art.tokens[i].span.start, art.tokens[end - 1].span.end);
                    found.push(Entity::new(span, label, si, i, end));
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // A found name replaces the tagger's entities inside it; one that an entity runs across
    // ("BANK OF JAPAN" around a body's "OF JAPAN") is dropped, and the tagger's reading kept.
    found.retain(|f| {
        !ents.iter().any(|e| {
            e.token_start < f.token_end
                && f.token_start < e.token_end
                && (e.token_start < f.token_start || e.token_end > f.token_end || e.user)
        })
    });
    if found.is_empty() {
        return;
    }
    ents.retain(|e| !found.iter().any(|f| e.token_start < f.token_end && f.token_start < e.token_end));
    ents.extend(found);
    ents.sort_by_key(|e| e.span.start);
}

/// A one-word MISC name that opens a company name of the same story ("Norvale" beside "Norvale
/// Systems") is that company's short form: one label per name within a story. Nationalities stay
/// what they are ("British" beside "British Airways").
pub fn company_short_forms(art: &Article, ents: &mut [Entity]) {
    if !ents.iter().any(|e| e.label == Label::Misc && e.token_end - e.token_start == 1 && !e.user) {
        return;
    }
    // a set, not a list: one look-up per MISC name keeps a story of many names linear
    let opens: FxHashSet<String> = ents
        .iter()
        .filter(|e| e.label == Label::Org && e.token_end - e.token_start >= 2)
        .map(|e| word(art, e.token_start).to_ascii_lowercase())
        .collect();
    if opens.is_empty() {
        return;
    }
    for e in ents.iter_mut() {
        if e.label != Label::Misc || e.token_end - e.token_start != 1 || e.user {
            continue;
        }
        let w = word(art, e.token_start);
        if opens.contains(&w.to_ascii_lowercase()) && !super::is_demonym(w) {
            e.label = Label::Org;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::types::Label;

    fn names(text: &str) -> Vec<(String, Label)> {
        let art = crate::parse(text, &Default::default()).expect("parses");
        art.entities.iter().map(|e| (art.slice(e.span).to_string(), e.label)).collect()
    }

    #[test]
    fn a_headline_name_reads_as_the_body_reads_it() {
        let got = names(
            "HALVORSEN METAL WORKS TO CUT JOBS\n\nDULUTH, Minn., April 4 - Halvorsen Metal Works Inc said \
             on Monday it would cut 120 jobs. Halvorsen Metal Works makes valves.\n",
        );
        assert!(got.contains(&("HALVORSEN METAL WORKS".to_string(), Label::Org)), "{got:?}");
    }

    #[test]
    fn a_one_word_headline_name_the_tagger_missed_takes_the_body_label() {
        use crate::types::{Entity, Section, Sentence, Span};
        // "VESTRIA" in the headline, untagged; the body's "Vestria" is a company throughout. "MAY" is
        // a word of the language: the body's "May" (a person) does not make the headline's one.
        let mut a = super::super::tests::art(&[
            "VESTRIA", "MAY", "RAISE", "PAYOUT", "Vestria", "said", "May", "agreed", "and", "Vestria", "rose",
        ]);
        let sp = |x: usize, y: usize| Span::new(a.tokens[x].span.start, a.tokens[y].span.end);
        let (head, body) = (sp(0, 3), sp(4, 10));
        a.sentences = vec![
            Sentence { span: head, token_start: 0, token_end: 4, section: Section::Headline },
            Sentence { span: body, token_start: 4, token_end: 11, section: Section::Body(0) },
        ];
        let ent = |t: usize, s: usize, label: Label| {
            Entity::new(Span::new(a.tokens[t].span.start, a.tokens[t].span.end), label, s, t, t + 1)
        };
        let mut ents = vec![ent(4, 1, Label::Org), ent(6, 1, Label::Person), ent(9, 1, Label::Org)];
        super::headline_names(&a, &mut ents);
        let got: Vec<(&str, Label)> = ents.iter().map(|e| (a.slice(e.span), e.label)).collect();
        assert_eq!(
            got,
            [("VESTRIA", Label::Org), ("Vestria", Label::Org), ("May", Label::Person), ("Vestria", Label::Org)]
        );
        // a word the tagger read keeps its reading
        ents = vec![ent(0, 0, Label::Gpe), ent(4, 1, Label::Org), ent(9, 1, Label::Org)];
        super::headline_names(&a, &mut ents);
        assert_eq!((ents.len(), ents[0].label), (3, Label::Gpe));
        // two labels in the body: nothing is added
        ents = vec![ent(4, 1, Label::Org), ent(9, 1, Label::Person)];
        super::headline_names(&a, &mut ents);
        assert_eq!(ents.len(), 2);
    }

    #[test]
    fn a_company_short_form_takes_the_company_label() {
        use crate::types::{Entity, Span};
        let art = super::super::tests::art(&[
            "Talvik", "joins", "Talvik", "Dynamics", "and", "British", "Airways", "British",
        ]);
        let ent = |ts: usize, te: usize, label: Label| {
            Entity::new(Span::new(art.tokens[ts].span.start, art.tokens[te - 1].span.end), label, 0, ts, te)
        };
        let mut ents =
            vec![ent(0, 1, Label::Misc), ent(2, 4, Label::Org), ent(5, 7, Label::Org), ent(7, 8, Label::Misc)];
        super::company_short_forms(&art, &mut ents);
        let labels: Vec<Label> = ents.iter().map(|e| e.label).collect();
        assert_eq!(labels, [Label::Org, Label::Org, Label::Org, Label::Misc]);
    }
}
