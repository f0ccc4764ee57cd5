//! The user's own names: aliases (a surface form -> the name it stands for, with an optional label
//! and id) and phrase patterns (a phrase -> a label, an optional name and id), compiled once into
//! Aho-Corasick automata (one case-sensitive, one ASCII case-insensitive) and matched over each
//! tokenized part of the story in one pass.
//!
//! A match counts only when it starts and ends on token boundaries inside one sentence (so "Acme"
//! does not match inside "Acmeco"). Overlapping matches: the leftmost longest wins. A user's entry
//! wins over the model: model entities overlapping a match are dropped, and the match becomes an
//! entity with the user's label (an entry without a label takes the label of the model's entity it
//! covers; with neither, the match is left alone). Its canonical name is the entry's name when it
//! has one; the reading stages then keep label, canonical name and `kb_id` as the user gave them.
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::types::*;

/// One user entry, as given: what to match and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct UserEntry {
    /// The phrase to find, as written in stories.
    pub phrase: String,
    /// The name it stands for (the canonical name); None keeps the name resolution finds.
    pub name: Option<String>,
    pub label: Option<Label>,
    pub kb_id: Option<String>,
    /// Match regardless of ASCII case ("LOWER" in a token pattern).
    pub ignore_case: bool,
}

/// Compiled user entries (build once, share between threads and stories).
#[derive(Debug)]
pub struct UserNames {
    entries: Vec<UserEntry>,
    /// Automaton over the case-sensitive entries, and the entry index of each of its patterns.
    exact: Option<(AhoCorasick, Vec<usize>)>,
    folded: Option<(AhoCorasick, Vec<usize>)>,
}

impl UserNames {
    /// Compiles the entries; an empty phrase is an `Error::Input` naming the entry.
    pub fn new(entries: Vec<UserEntry>) -> crate::Result<UserNames> {
        for (i, e) in entries.iter().enumerate() {
            if e.phrase.trim().is_empty() {
                return Err(crate::Error::Input(format!("user name entry {i} has an empty phrase")));
            }
        }
        let build = |ignore_case: bool| -> crate::Result<Option<(AhoCorasick, Vec<usize>)>> {
            let ids: Vec<usize> = (0..entries.len()).filter(|&i| entries[i].ignore_case == ignore_case).collect();
            if ids.is_empty() {
                return Ok(None);
            }
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(ignore_case)
                .build(ids.iter().map(|&i| entries[i].phrase.trim()))
                .map_err(|e| crate::Error::Input(format!("user names could not be compiled: {e}")))?;
            Ok(Some((ac, ids)))
        };
        let exact = build(false)?;
        let folded = build(true)?;
        Ok(UserNames { entries, exact, folded })
    }

    pub fn entries(&self) -> &[UserEntry] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Matches of the entries in `art`'s sentences: (entry, span, sentence, token range), leftmost
    /// longest, not overlapping, in text order.
    fn find(&self, art: &Article) -> Vec<(usize, Span, usize, usize, usize)> {
        let mut found: Vec<(usize, Span, usize, usize, usize)> = Vec::new();
        for (si, s) in art.sentences.iter().enumerate() {
            if s.token_start >= s.token_end {
                continue;
            }
            let hay = &art.text[s.span.start..s.span.end];
            let toks = &art.tokens[s.token_start..s.token_end];
            for (ac, ids) in [&self.exact, &self.folded].into_iter().flatten() {
                for m in ac.find_iter(hay) {
                    let (a, b) = (s.span.start + m.start(), s.span.start + m.end());
                    // On token boundaries only.
                    let Ok(ts) = toks.binary_search_by_key(&a, |t| t.span.start) else { continue };
                    let Ok(te) = toks.binary_search_by_key(&b, |t| t.span.end) else { continue };
                    found.push((
                        ids[m.pattern().as_usize()],
                        Span::new(a, b),
                        si,
                        s.token_start + ts,
                        s.token_start + te + 1,
                    ));
                }
            }
        }
        // The two automata may overlap each other: keep the leftmost longest.
        found.sort_by_key(|&(_, sp, ..)| (sp.start, std::cmp::Reverse(sp.end)));
        let mut out: Vec<(usize, Span, usize, usize, usize)> = Vec::with_capacity(found.len());
        for f in found {
            if out.last().is_none_or(|l| l.1.end <= f.1.start) {
                out.push(f);
            }
        }
        out
    }

    /// Puts the user's entities into `art.entities` (sorted by start), replacing the model's where
    /// they overlap.
    pub fn apply(&self, art: &mut Article) {
        let found = self.find(art);
        if found.is_empty() {
            return;
        }
        let mut added = Vec::with_capacity(found.len());
        for (ei, span, si, ts, te) in found {
            let entry = &self.entries[ei];
            let covered = art.entities.iter().filter(|e| e.span.overlaps(span));
            let label = entry.label.or_else(|| {
                covered.clone().filter(|e| span.contains(e.span) || e.span == span).map(|e| e.label).next()
            });
            let Some(label) = label else { continue };
            let mut e = Entity::new(span, label, si, ts, te);
            e.canonical = entry.name.clone();
            e.kb_id = entry.kb_id.clone();
            e.user = true;
            added.push(e);
        }
        if added.is_empty() {
            return;
        }
        art.entities.retain(|e| !added.iter().any(|u| u.span.overlaps(e.span)));
        art.entities.extend(added);
        art.entities.sort_by_key(|e| (e.span.start, e.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(phrase: &str, name: Option<&str>, label: Option<Label>, id: Option<&str>, ignore_case: bool) -> UserEntry {
        UserEntry { phrase: phrase.into(), name: name.map(Into::into), label, kb_id: id.map(Into::into), ignore_case }
    }

    fn art(text: &str) -> Article {
        let mut a = crate::structure::parse_structure(text, &ParseOptions::default());
        crate::structure::tokenize::annotate(&mut a);
        a
    }

    #[test]
    fn matches_on_token_boundaries_and_wins_over_the_model() {
        let names = UserNames::new(vec![
            entry("Big Blue", Some("IBM"), Some(Label::Org), Some("Q37156"), false),
            entry("acme", Some("Acme Corp"), Some(Label::Org), None, true),
            entry("Widget", None, Some(Label::Product), None, false),
        ])
        .unwrap();
        let mut a = art("Big Blue bought ACME and Acmeco, not Widgets, from Big Blueberry.");
        // A model entity overlapping the user's match is replaced.
        a.entities.push(Entity::new(Span::new(0, 3), Label::Person, 0, 0, 1));
        names.apply(&mut a);
        let got: Vec<(&str, Label, Option<&str>, Option<&str>)> =
            a.entities.iter().map(|e| (a.slice(e.span), e.label, e.canonical.as_deref(), e.kb_id.as_deref())).collect();
        assert_eq!(
            got,
            [("Big Blue", Label::Org, Some("IBM"), Some("Q37156")), ("ACME", Label::Org, Some("Acme Corp"), None)]
        );
        assert!(a.entities.iter().all(|e| e.user));
    }

    #[test]
    fn an_entry_without_a_label_takes_the_models() {
        let names = UserNames::new(vec![entry("Ronnie", Some("Ronald Reagan"), None, None, false)]).unwrap();
        let mut a = art("Ronnie spoke. Nobody else did.");
        names.apply(&mut a);
        assert!(a.entities.is_empty(), "no label from user or model: left alone");
        a.entities.push(Entity::new(Span::new(0, 6), Label::Person, 0, 0, 1));
        names.apply(&mut a);
        assert_eq!(a.entities[0].canonical.as_deref(), Some("Ronald Reagan"));
        assert!(UserNames::new(vec![entry(" ", None, None, None, false)]).is_err());
    }
}
