//! A legal form the tagger read on its own as a company ("Cos Inc" of "Lowe's Cos Inc", "Co" of
//! "William Blair and Co", "Ltd" of "James Capel (Far East) Ltd") names nobody: it ends the name
//! written before it. The capitalised words right before it, and a name the tagger found there,
//! are one company with it; an "and" before the form ("Blair and Co") and a bracketed qualifier
//! ("(Far East)") are part of the name. Words of the running text stop the name ("said", "of",
//! "the"), and so, in a capitals line, do the words no company name holds ("TO", "FROM").
use super::tickers::{name_label, not_in_names, token_cover};
use super::{lower_in, word, Words};
use crate::types::*;
use crate::util::legal_forms::{is_bare_legal_form, is_legal_form};

/// Longest name, in tokens, taken before a legal form (keeps the walk bounded).
const MOST_WORDS: usize = 8;

/// Capitalised words that open a sentence or a phrase without being part of a company's name.
static OPENERS: Words = Words::new(&[
    "the", "a", "an", "in", "on", "at", "for", "by", "of", "and", "but", "this", "that", "with", "from", "to", "as",
    "its", "his", "her", "their", "said", "says", "mr", "mrs", "ms",
]);

/// A word that may be part of a company's name: capitalised or a number-led word ("3Com"), or a
/// possessive's "'s" ("Lowe's").
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) || matches!(w, "'s" | "'S" | "&")
}

/// See the module doc. `ents` is sorted and free of overlaps, and stays so.
pub fn bare_legal_forms(art: &Article, ents: &mut Vec<Entity>) {
    // one of its words a form and nothing else ("Co", "Inc"), or written with periods ("S.A.", "N.V."):
    // "ASA" alone after "the American Soybean Association," is the association's acronym, "SA" after
    // "Banque ... du Luxembourg" the end of a name the walk would cut at "du"
    let sure = |w: &str| is_bare_legal_form(w) || w.contains('.') && is_legal_form(w);
    let bare = |e: &Entity| {
        e.label == Label::Org
            && !e.user
            && (e.token_start..e.token_end).all(|k| is_legal_form(word(art, k)))
            && (e.token_start..e.token_end).any(|k| sure(word(art, k)))
    };
    if !ents.iter().any(bare) {
        return;
    }
    // the entity over each token (index + 1, 0 for none): each look-up below is one read
    let cover = token_cover(art, ents);
    let mut found: Vec<Entity> = Vec::new();
    for e in ents.iter().filter(|e| bare(e)) {
        let Some(s) = art.sentences.get(e.sentence) else { continue };
        let caps = super::headlines::all_caps(art, s);
        let start = s.token_start;
        let stop = |w: &str| !name_word(w) || lower_in(w, &OPENERS) || caps && not_in_names(w);
        let mut k = e.token_start;
        // "Growmark, Inc.": a comma before the form
        if k > start && word(art, k - 1) == "," {
            k -= 1;
        }
        // "(Far East)": a bracketed qualifier of capitalised words
        if k > start && word(art, k - 1) == ")" {
            let open = (k.saturating_sub(6).max(start)..k - 1).rev().find(|&j| word(art, j) == "(");
            match open {
                Some(j) if j + 1 < k - 1 && (j + 1..k - 1).all(|t| name_word(word(art, t)) || word(art, t) == ".") => {
                    k = j
                }
                _ => continue,
            }
        }
        // "William Blair and Co"
        if k > start && matches!(word(art, k - 1), "and" | "AND" | "&") {
            k -= 1;
        }
        let name_end = k;
        while k > start && e.token_end - k < MOST_WORDS {
            let t = k - 1;
            if cover[t] != 0 {
                // a name the tagger found right before: the company's first words
                let other = &ents[cover[t] as usize - 1];
                // (a company of its own ends the walk: "Multi Solutions Inc's Multi Soft Inc")
                if other.user
                    || !name_label(other.label)
                    || other.token_start < start
                    || is_legal_form(word(art, other.token_end - 1))
                {
                    break;
                }
                k = other.token_start;
                continue;
            }
            if stop(word(art, t)) {
                break;
            }
            k -= 1;
        }
        // a name starts with a word, not with a possessive's "'s" or an "&"
        while k < name_end && matches!(word(art, k), "'s" | "'S" | "&") {
            k += 1;
        }
        if k == name_end || e.token_end - k > MOST_WORDS {
            continue;
        }
        let span = Span::new(art.tokens[k].span.start, e.span.end);
        found.push(Entity::new(span, Label::Org, e.sentence, k, e.token_end));
    }
    if found.is_empty() {
        return;
    }
    // each found name replaces the entities inside it (they end where it ends, so none overlap)
    let mut gone = vec![false; ents.len()];
    for f in &found {
        for t in f.token_start..f.token_end {
            if cover[t] != 0 {
                gone[cover[t] as usize - 1] = true;
            }
        }
    }
    let mut j = 0;
    ents.retain(|_| {
        j += 1;
        !gone[j - 1]
    });
    ents.extend(found);
    ents.sort_by_key(|e| e.span.start);
}

#[cfg(test)]
mod tests {
    use crate::types::{Entity, Label, Span};

    fn run(words: &[&str], tagged: &[(usize, usize, Label)]) -> Vec<(String, Label)> {
        let mut a = crate::entities::refine::tests::art(words);
        let n = a.tokens.len();
        a.sentences = vec![crate::types::Sentence {
            span: Span::new(0, a.text.len()),
            token_start: 0,
            token_end: n,
            section: crate::types::Section::Body(0),
        }];
        let mut ents: Vec<Entity> = tagged
            .iter()
            .map(|&(s, e, l)| Entity::new(Span::new(a.tokens[s].span.start, a.tokens[e - 1].span.end), l, 0, s, e))
            .collect();
        super::bare_legal_forms(&a, &mut ents);
        ents.iter().map(|e| (a.slice(e.span).to_string(), e.label)).collect()
    }

    #[test]
    fn a_legal_form_alone_joins_the_name_before_it() {
        let got = run(&["Kelvar", "'s", "Cos", "Inc", "said", "sales", "rose"], &[(2, 4, Label::Org)]);
        assert_eq!(got, [("Kelvar 's Cos Inc".to_string(), Label::Org)]);
        // a person's name the tagger found before "and Co" is the firm's
        let got = run(
            &["economist", "at", "Aldo", "Brent", "and", "Co", "said"],
            &[(2, 4, Label::Person), (5, 6, Label::Org)],
        );
        assert_eq!(got, [("Aldo Brent and Co".to_string(), Label::Org)]);
        let got = run(&["led", "by", "Tamsin", "Capel", "(", "Far", "East", ")", "Ltd"], &[(8, 9, Label::Org)]);
        assert_eq!(got, [("Tamsin Capel ( Far East ) Ltd".to_string(), Label::Org)]);
    }

    #[test]
    fn words_of_the_running_text_stop_the_name() {
        // nothing capitalised before the form: it stays as it is
        let got = run(&["it", "converted", "to", "Corp"], &[(3, 4, Label::Org)]);
        assert_eq!(got, [("Corp".to_string(), Label::Org)]);
        // a sentence's opener is no part of the name
        let got = run(&["The", "Vantor", "Corp", "said"], &[(2, 3, Label::Org)]);
        assert_eq!(got, [("Vantor Corp".to_string(), Label::Org)]);
        // a company of its own before the name is not part of it
        let got = run(&["Ostra", "Inc", "'s", "Ostra", "Soft", "Inc"], &[(0, 2, Label::Org), (5, 6, Label::Org)]);
        assert_eq!(got, [("Ostra Inc".to_string(), Label::Org), ("Ostra Soft Inc".to_string(), Label::Org)]);
    }

    #[test]
    fn a_form_that_is_as_often_an_acronym_stays_alone() {
        // "ASA" after a name and a comma is the name's acronym, not its legal form
        let got = run(
            &["the", "Mardale", "Growers", "Association", ",", "ASA", ",", "said"],
            &[(1, 4, Label::Org), (5, 6, Label::Org)],
        );
        assert_eq!(got, [("Mardale Growers Association".to_string(), Label::Org), ("ASA".to_string(), Label::Org)]);
        // with periods it is the form
        let got = run(&["Kelvar", "Werke", "A.G.", "said"], &[(2, 3, Label::Org)]);
        assert_eq!(got, [("Kelvar Werke A.G.".to_string(), Label::Org)]);
    }
}
