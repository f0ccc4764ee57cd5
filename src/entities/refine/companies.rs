//! One-word names the tagger read as people that the story shows to be companies: "Pirelli
//! shares rose", "Norvale 's chemicals division", or the first word of the company's full name
//! elsewhere in the story ("Brightwater" beside "Brightwater Holdings Inc."). A person's name is
//! never written so; a word the story also writes as part of a person's name or after "Mr." stays
//! a person. One label per word per story, as readers take it.
use super::joins::org_head;
use super::{lower_in, word, Words};
use crate::types::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// Nouns a company's name owns ("X 's shares", "X 's board") and a person's does not.
static COMPANY_NOUNS: Words = Words::new(&[
    "shares",
    "stock",
    "division",
    "unit",
    "subsidiary",
    "subsidiaries",
    "board",
    "profit",
    "profits",
    "earnings",
    "sales",
    "revenue",
    "revenues",
    "output",
    "plant",
    "plants",
    "factory",
    "factories",
    "headquarters",
    "shareholders",
    "shareholder",
    "operations",
]);
/// Words right after a company's name that no person's name takes ("Pirelli shares").
static AFTER_COMPANY: Words = Words::new(&["shares", "stock"]);
/// Honorifics before a person's name (one list for every rule that needs them).
pub(super) static PERSON_TITLES: Words = Words::new(&["mr", "mrs", "ms", "dr", "miss", "sir", "madame", "herr"]);

/// What the story says of a word: written as a company's, written as a person's.
#[derive(Default, Clone, Copy)]
struct Cues {
    company: bool,
    person: bool,
}

/// Relabels one-word PERSON entities as ORG where the story shows the word to be a company's.
/// Linear in the story; `ents` keeps its order and spans.
pub fn company_names(art: &Article, ents: &mut [Entity]) {
    let mut cues: FxHashMap<&str, Cues> = FxHashMap::default();
    for e in ents.iter().filter(|e| e.label == Label::Person && e.token_end == e.token_start + 1) {
        cues.insert(word(art, e.token_start), Cues::default());
    }
    if cues.is_empty() {
        return;
    }
    for e in ents.iter().filter(|e| e.token_end > e.token_start + 1) {
        match e.label {
            Label::Org => {
                if let Some(c) = cues.get_mut(word(art, e.token_start)) {
                    c.company = true;
                }
            }
            Label::Person => {
                for t in e.token_start..e.token_end {
                    if let Some(c) = cues.get_mut(word(art, t)) {
                        c.person = true;
                    }
                }
            }
            _ => {}
        }
    }
    let n = art.tokens.len();
    for t in 0..n {
        // the words looked for are names: a lower-case token needs no lookup
        let w = word(art, t);
        if !w.as_bytes().first().is_some_and(|b| !b.is_ascii_lowercase()) {
            continue;
        }
        let Some(c) = cues.get_mut(w) else { continue };
        let next = (t + 1 < n).then(|| word(art, t + 1));
        if next.is_some_and(|w| lower_in(w, &AFTER_COMPANY))
            || next.is_some_and(|w| w.eq_ignore_ascii_case("'s"))
                && t + 2 < n
                && lower_in(word(art, t + 2), &COMPANY_NOUNS)
        {
            c.company = true;
        }
        if t > 0 && lower_in(word(art, t - 1), &PERSON_TITLES) {
            c.person = true;
        }
    }
    for e in ents.iter_mut().filter(|e| e.label == Label::Person && e.token_end == e.token_start + 1) {
        if cues.get(word(art, e.token_start)).is_some_and(|c| c.company && !c.person) {
            e.label = Label::Org;
        }
    }
}

/// Longest company name, in words, whose leading words are looked for (keeps the work linear).
const MOST_WORDS: usize = 8;

/// A name of two or more words read as a person's that is the leading part of a company's full name
/// in the same story ("Granville Shamrock" beside "Granville Shamrock Corp", "Dean Witter" beside
/// "Dean Witter Reynolds Inc") is that company's short form, unless the story writes it after an
/// honorific ("Mr Walt Pike"). The full name must end in a company word ("Corp", "Bank",
/// "Partners"), so a show or a prize named after a person ("Anna Vell Show") does not count.
pub fn company_prefixes(art: &Article, ents: &mut [Entity]) {
    let is_person = |e: &Entity| e.label == Label::Person && e.token_end - e.token_start >= 2;
    if !ents.iter().any(is_person) {
        return;
    }
    let key = |s: usize, e: usize| -> String {
        let mut k = String::new();
        for t in s..e {
            if t > s {
                k.push(' ');
            }
            k.extend(word(art, t).chars().flat_map(char::to_uppercase));
        }
        k
    };
    let mut prefixes: FxHashSet<String> = FxHashSet::default();
    for e in ents.iter().filter(|e| e.label == Label::Org && (3..=MOST_WORDS).contains(&(e.token_end - e.token_start)))
    {
        if org_head(word(art, e.token_end - 1)) {
            for end in e.token_start + 2..e.token_end {
                prefixes.insert(key(e.token_start, end));
            }
        }
    }
    if prefixes.is_empty() {
        return;
    }
    let titled: FxHashSet<String> = ents
        .iter()
        .filter(|e| is_person(e) && e.token_start > 0 && lower_in(word(art, e.token_start - 1), &PERSON_TITLES))
        .map(|e| key(e.token_start, e.token_end))
        .collect();
    for e in ents.iter_mut().filter(|e| is_person(e) && e.token_end - e.token_start < MOST_WORDS && !e.user) {
        let k = key(e.token_start, e.token_end);
        if prefixes.contains(&k) && !titled.contains(&k) {
            e.label = Label::Org;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, tagged: &[(usize, usize, Label)]) -> Vec<(String, Label)> {
        let words: Vec<&str> = text.split(' ').collect();
        let a = crate::entities::refine::tests::art(&words);
        let mut ents: Vec<Entity> = tagged
            .iter()
            .map(|&(s, e, l)| Entity::new(Span::new(a.tokens[s].span.start, a.tokens[e - 1].span.end), l, 0, s, e))
            .collect();
        company_names(&a, &mut ents);
        ents.iter().map(|e| (a.slice(e.span).to_string(), e.label)).collect()
    }

    #[test]
    fn one_word_people_written_as_companies_become_organisations() {
        // "Norvale shares" and "Norvale 's cables division": every mention becomes the company
        let got = run(
            "Norvale said on Monday . Norvale shares rose as Norvale 's cables division grew",
            &[(0, 1, Label::Person), (5, 6, Label::Person), (9, 10, Label::Person)],
        );
        assert!(got.iter().all(|g| g.1 == Label::Org), "{got:?}");
        // an all-caps line's possessive too
        let got = run("NORVALE 'S BOARD MET", &[(0, 1, Label::Person)]);
        assert_eq!(got, vec![("NORVALE".to_string(), Label::Org)]);
        // the first word of the company's full name elsewhere in the story
        let got =
            run("Brightwater Holdings Inc. said Brightwater would grow", &[(0, 3, Label::Org), (4, 5, Label::Person)]);
        assert_eq!(got[1], ("Brightwater".to_string(), Label::Org));
    }

    #[test]
    fn a_person_read_name_that_opens_a_company_name_is_the_company() {
        let words = "Granville Shamrock Corp said Granville Shamrock rose ; Mr Walt Pike and Walt Pike Partners ; \
                     Anna Vell and the Anna Vell Show"
            .split(' ')
            .collect::<Vec<_>>();
        let a = crate::entities::refine::tests::art(&words);
        let sp = |s: usize, e: usize| Span::new(a.tokens[s].span.start, a.tokens[e - 1].span.end);
        let mut ents: Vec<Entity> = [
            (0, 3, Label::Org),
            (4, 6, Label::Person),
            (9, 11, Label::Person),
            (12, 15, Label::Org),
            (16, 18, Label::Person),
            (20, 23, Label::Org),
        ]
        .iter()
        .map(|&(s, e, l)| Entity::new(sp(s, e), l, 0, s, e))
        .collect();
        company_prefixes(&a, &mut ents);
        let got: Vec<(&str, Label)> = ents.iter().map(|e| (a.slice(e.span), e.label)).collect();
        assert_eq!(got[1], ("Granville Shamrock", Label::Org));
        // after an honorific: a person; a show is no company
        assert_eq!(got[2], ("Walt Pike", Label::Person));
        assert_eq!(got[4], ("Anna Vell", Label::Person));
    }

    #[test]
    fn people_stay_people() {
        // a person's name in full elsewhere, or after a title, keeps the reading
        let got = run(
            "Anna Lind 's board seat ; Lind 's shares and Mr Osk 's stock ; Osk said",
            &[(0, 2, Label::Person), (6, 7, Label::Person), (11, 12, Label::Person), (15, 16, Label::Person)],
        );
        assert!(got.iter().all(|g| g.1 == Label::Person), "{got:?}");
        // a person's possessions are no company's
        let got = run("Lind 's house and Lind 's car", &[(0, 1, Label::Person), (4, 5, Label::Person)]);
        assert!(got.iter().all(|g| g.1 == Label::Person), "{got:?}");
    }
}
