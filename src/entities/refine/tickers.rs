//! A Reuters headline names a listed company right before its ticker ("ACME WIDGET CORP <ACW> 1ST
//! QTR", "ACME <ACW> SETS SPLIT") and an earnings headline opens with the company's name ("ACME
//! PACIFIC LTD 4TH QTR NET"). In capitals the tagger cuts such names into pieces (a person "ACME"
//! and "WIDGET CORP") or misses them, and the pieces then never meet the body's "Acme Widget Corp"
//! in the corpus. The words before the ticker, back to the headline's start or to a word that no
//! company name holds (a preposition, an auxiliary: "STAKE IN ACME WIDGET <ACW>"), are one
//! company; so are names side by side from a capitals line's start to a legal form.
use super::headlines::all_caps;
use super::joins::{common, org_head};
use super::{lower_in, word, Words};
use crate::types::*;
use crate::util::legal_forms::is_legal_form;

/// Longest company name, in tokens, taken before a ticker.
const MOST_WORDS: usize = 7;

/// Words a headline writes between its subject and a company named with its ticker, which no
/// company's name holds: prepositions, auxiliaries and the reporting verbs of headlines.
static NOT_IN_NAMES: Words = Words::new(&[
    "in", "on", "to", "for", "with", "at", "by", "from", "into", "over", "against", "after", "about", "has", "have",
    "had", "is", "are", "was", "were", "be", "may", "will", "would", "could", "can", "says", "said", "sees", "its",
    "it", "not", "no", "vs", "than", "as", "say",
]);

/// A word no company's name holds (see `NOT_IN_NAMES`).
pub(super) fn not_in_names(w: &str) -> bool {
    lower_in(w, &NOT_IN_NAMES)
}

pub(super) fn name_label(l: Label) -> bool {
    matches!(l, Label::Person | Label::Org | Label::Gpe | Label::Loc | Label::Fac | Label::Norp | Label::Misc)
}

/// `<` TICKER `>` at token `t`: letters (and digits, a dot) in angle brackets.
fn ticker_at(art: &Article, t: usize, end: usize) -> bool {
    t + 2 < end && word(art, t) == "<" && word(art, t + 2) == ">" && {
        let w = word(art, t + 1);
        (1..=10).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.')
            && w.bytes().any(|b| b.is_ascii_uppercase())
    }
}

/// The company named right before the ticker at token `t` of a capitals line starting at `start`.
fn name_before(art: &Article, si: usize, start: usize, t: usize, tagged: &dyn Fn(usize) -> bool) -> Option<Entity> {
    // Back from the ticker to the line's start, another ticker or a word no company name holds.
    // Once a tagged name is passed, a word of the running language between names is the
    // headline's verb ("ACME SELLS WIDGET <WDG>"), unless a legal form ends the name ("ACME
    // INSTRUMENTS CORP <ACI>", "ACME RESOURCES AND CHEMICAL CORP").
    let legal = is_legal_form(word(art, t - 1));
    let mut j = t;
    let mut seen_name = false;
    while j > start && t - j < MOST_WORDS {
        let w = word(art, j - 1);
        let of_inside = w.eq_ignore_ascii_case("of") && j >= start + 2 && org_head(word(art, j - 2));
        let is_tagged = tagged(j - 1);
        if w.bytes().any(|b| b.is_ascii_digit())
            || !w.chars().any(char::is_alphabetic) && !matches!(w, "&" | "'" | "'S" | "-")
            || lower_in(w, &NOT_IN_NAMES)
            || w.eq_ignore_ascii_case("of") && !of_inside
            || seen_name && !is_tagged && !of_inside && !legal && common(w)
        {
            break;
        }
        seen_name |= is_tagged;
        j -= 1;
    }
    // A headline's verb before the name ("REVIVE ACME MOTORS"): the name starts where the tagger
    // saw one, unless it is one word right after the line's start or a punctuation mark ("ACME
    // <ACM>", "ACME <ACM>, WIDGET <WDG> SET PACT").
    // A name ending in a legal form that runs back to the line's start is the whole company
    // ("GRANDE FOODS INC <GFI>": the tagger's "FOODS INC" dropped the first word), less an
    // opening article.
    let mut first = j;
    let opens = j == start || !word(art, j - 1).chars().any(char::is_alphanumeric);
    if legal && j == start {
        if word(art, first).eq_ignore_ascii_case("the") && first + 1 < t - 1 {
            first += 1;
        }
    } else if !(opens && t - j == 1) {
        while first < t && !tagged(first) {
            first += 1;
        }
    }
    (first < t).then(|| {
        Entity::new(Span::new(art.tokens[first].span.start, art.tokens[t - 1].span.end), Label::Org, si, first, t)
    })
}

/// The company names of capitals lines (see the module doc). `ents` is sorted and free of
/// overlaps, and stays so.
pub fn ticker_company_names(art: &Article, ents: &mut Vec<Entity>) {
    let mut found: Vec<Entity> = Vec::new();
    // The entity over each token (its index + 1, 0 for none), made at the first capitals line:
    // every look-up below is then one read, so a long story of capitals lines stays linear.
    let mut cover: Vec<u32> = Vec::new();
    for (si, s) in art.sentences.iter().enumerate() {
        if !all_caps(art, s) {
            continue;
        }
        if cover.is_empty() {
            cover = token_cover(art, ents);
        }
        let named = |k: usize| (cover[k] != 0).then(|| &ents[cover[k] as usize - 1]).filter(|e| name_label(e.label));
        let tagged = |k: usize| named(k).is_some();
        let (start, end) = (s.token_start, s.token_end);
        let mut any_ticker = false;
        for t in (start + 1..end).filter(|&t| ticker_at(art, t, end)) {
            any_ticker = true;
            if let Some(f) = name_before(art, si, start, t, &tagged) {
                found.push(f);
            }
        }
        if any_ticker {
            continue;
        }
        // names side by side from the line's start, the last ending in a legal form
        let mut k = start;
        let mut pieces = 0;
        while let Some(e) = (k < end).then(|| named(k)).flatten().filter(|e| e.token_start == k) {
            k = e.token_end;
            pieces += 1;
            if pieces >= 2 && is_legal_form(word(art, k - 1)) {
                found.push(Entity::new(
                    Span::new(art.tokens[start].span.start, art.tokens[k - 1].span.end),
                    Label::Org,
                    si,
                    start,
                    k,
                ));
                break;
            }
        }
    }
    // A found name replaces the tagger's name entities inside it; where an entity runs across its
    // edge, or a value (a date, a figure) is inside it, the tagger's reading stands. Found names do
    // not overlap (a name stops at a ticker's bracket), so this reads each token at most once.
    found.retain(|f| {
        let same = |i: u32| {
            let e = &ents[i as usize - 1];
            e.token_start == f.token_start && e.token_end == f.token_end && e.label == Label::Org
        };
        !(f.token_start..f.token_end).any(|k| {
            cover[k] != 0 && {
                let e = &ents[cover[k] as usize - 1];
                e.token_start < f.token_start || e.token_end > f.token_end || e.user || !name_label(e.label)
            }
        }) && !(cover[f.token_start] != 0 && same(cover[f.token_start]))
    });
    if found.is_empty() {
        return;
    }
    let mut inside = vec![false; art.tokens.len()];
    for f in &found {
        inside[f.token_start..f.token_end].fill(true);
    }
    ents.retain(|e| !inside[e.token_start..e.token_end].iter().any(|&b| b));
    ents.extend(found);
    ents.sort_by_key(|e| e.span.start);
}

/// Per token, the index + 1 of the entity over it (0 for none); `ents` is free of overlaps.
pub(super) fn token_cover(art: &Article, ents: &[Entity]) -> Vec<u32> {
    let mut cover = vec![0u32; art.tokens.len()];
    for (i, e) in ents.iter().enumerate() {
        cover[e.token_start..e.token_end].fill(i as u32 + 1);
    }
    cover
}

#[cfg(test)]
mod tests {
    use crate::types::Label;

    fn names(text: &str) -> Vec<(String, Label)> {
        let art = crate::parse(text, &Default::default()).expect("parses");
        art.entities.iter().map(|e| (art.slice(e.span).to_string(), e.label)).collect()
    }

    fn has(text: &str, name: &str, label: Label) -> bool {
        names(text).iter().any(|(n, l)| n == name && *l == label)
    }

    #[test]
    fn the_words_before_a_ticker_are_the_company() {
        let t = "ENZO BIOCHEM INC <ENZO> 2ND QTR JAN 31 NET\nNEW YORK, March 13 -\n    Shr one ct vs three cts\n";
        assert!(has(t, "ENZO BIOCHEM INC", Label::Org), "{:?}", names(t));
        let t = "SCOTT INSTRUMENTS <SCTI> TO STRESS MARKETING\nDENTON, Texas, March 12 - The company said it \
                 would sell more.\n";
        assert!(has(t, "SCOTT INSTRUMENTS", Label::Org), "{:?}", names(t));
    }

    #[test]
    fn a_headline_subject_before_a_preposition_stays_out() {
        let t = "DREXEL OFFICIAL HAS STAKE IN EPSILON DATA <EPSI>\nNEW YORK, March 13 - A Drexel official \
                 said he had bought shares.\n";
        let n = names(t);
        assert!(!n.iter().any(|(s, _)| s.contains("HAS") || s.contains("STAKE")), "{n:?}");
    }

    #[test]
    fn a_headline_verb_between_names_ends_the_company() {
        // the tagger's pieces given by hand: "ACME" "PARTNERS" and "WIDGET" tagged, "SELLS" not
        let art = crate::parse("ACME PARTNERS SELLS WIDGET <WDG> UNIT\n", &Default::default()).expect("parses");
        let tagged = |k: usize| k != 2;
        let t = (0..art.tokens.len()).find(|&t| super::word(&art, t) == "<").expect("a ticker");
        let e = super::name_before(&art, 0, 0, t, &tagged).expect("a name");
        assert_eq!(art.slice(e.span), "WIDGET");
        // with a legal form, the words back to the line's start are the name
        let art = crate::parse("ACME INSTRUMENTS CORP <ACI> YEAR LOSS\n", &Default::default()).expect("parses");
        let tagged = |k: usize| k != 1;
        let e = super::name_before(&art, 0, 0, 3, &tagged).expect("a name");
        assert_eq!(art.slice(e.span), "ACME INSTRUMENTS CORP");
        // the tagger missed the first word: a legal form back to the line's start is the name,
        // less an opening article
        let art = crate::parse("GRANDE FOODS INC <GFI> YEAR LOSS\n", &Default::default()).expect("parses");
        let e = super::name_before(&art, 0, 0, 3, &|k: usize| k != 0).expect("a name");
        assert_eq!(art.slice(e.span), "GRANDE FOODS INC");
        let art = crate::parse("THE GRANDE FOODS INC <GFI> YEAR LOSS\n", &Default::default()).expect("parses");
        let e = super::name_before(&art, 0, 0, 4, &|k: usize| k >= 2).expect("a name");
        assert_eq!(art.slice(e.span), "GRANDE FOODS INC");
        // without a legal form, the name still starts where the tagger saw one
        let art = crate::parse("REVIVE GRANDE FOODS <GFI> PLAN\n", &Default::default()).expect("parses");
        let e = super::name_before(&art, 0, 0, 3, &|k: usize| k != 0).expect("a name");
        assert_eq!(art.slice(e.span), "GRANDE FOODS");
    }

    #[test]
    fn each_ticker_of_a_headline_closes_its_company() {
        let t = "ACME <ACM>, WIDGET <WDG> TO SET MARKETING PACT\nNEW YORK, April 1 - The two companies said \
                 they would sell together.\n";
        assert!(has(t, "ACME", Label::Org) && has(t, "WIDGET", Label::Org), "{:?}", names(t));
    }

    #[test]
    fn names_side_by_side_up_to_a_legal_form_are_one_company() {
        let t = "CANADIAN PACIFIC LTD 4TH QTR OPER NET 30 CTS VS 20 CTS\n\n";
        assert!(has(t, "CANADIAN PACIFIC LTD", Label::Org), "{:?}", names(t));
    }

    #[test]
    fn running_text_is_left_alone() {
        let t = "Acme Widget Inc <ACW> said on Monday its profit rose.\n";
        assert!(!has(t, "Acme Widget Inc <ACW>", Label::Org));
        assert!(names(t).iter().all(|(s, _)| !s.contains('<')), "{:?}", names(t));
    }
}
