//! What a one-word name looks for in its own story before the corpus is asked (see [`Piece`]).

use super::*;

/// What a one-word name looks for in its own story before the corpus is asked: the name of that
/// story it is a piece of. The recogniser cuts names ("SUPER VALU" -> "VALU" as a person;
/// "Mitsubishi" + "Motors") and its one-word pieces share their key with other stories' pieces of
/// other names; the story, not the spelling, says which name one belongs to.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// The word as a key, and as a long name's key has it (singular).
    word: String,
    singular: String,
    /// A ticker or acronym ("CNT" in "CENTEL <CNT>"): it is a piece of the story's one company
    /// whose name has its letters in order from the first ("Centel").
    acronym: bool,
    /// A word that names no company on its own ("Motors", "Inc"): without a name of its story
    /// to join, it stays within the story.
    pub(super) generic: bool,
    /// The piece's label: a word joins a name of another label only (the recogniser's cut
    /// mislabels it).
    label: String,
}

/// The [`Piece`] a form looks for, if any: a one-word name of a person, organisation, place or
/// facility, or an acronym written as an organisation or a person (a ticker the recogniser took
/// for one).
/// Most names of a story a one-word form looks through for its own story's name (see `Piece::container`).
pub(super) const MOST_NAMES_SCANNED: usize = 256;

pub(super) fn piece(m: &Mention, k: &Keyed) -> Option<Piece> {
    // Written as one word: "News Corp Ltd" and "J.C. Penney" are whole names with one-word keys.
    if k.fixed.is_some()
        || k.suffixed
        || k.surface.contains(' ')
        || k.key.contains(' ')
        || !matches!(m.label, "PERSON" | "PER" | "ORG" | "LOC" | "GPE" | "FAC")
    {
        return None;
    }
    let acronym = k.short == Short::Acronym;
    if acronym && !matches!(m.label, "ORG" | "PERSON" | "PER") || k.key.chars().count() < 2 + usize::from(!acronym) {
        return None;
    }
    let w = k.key.as_str();
    let generic = !acronym && (GENERIC_ORG_WORDS.contains(&w) || is_legal_form(w));
    Some(Piece { word: k.key.clone(), singular: singular(w), label: m.label.to_string(), acronym, generic })
}

impl Piece {
    /// The one name of `story` (not the piece's own node `own`) that the piece is part of: a
    /// longer name of a person or organisation with the word among its words (not a government
    /// named after its leader), or for an acronym the company spelled by it. None when there is
    /// no such name or more than one.
    pub(super) fn container(
        &self,
        context: &Context,
        story: u32,
        own: NodeId,
        node_keys: &[NodeKey],
        node_mixed: &[bool],
    ) -> Option<NodeId> {
        let nodes = context.story_nodes(story)?;
        // Each one-word form scans its story's names: a story with more names than this (a
        // table, a directory) skips the look, so no story costs more than linear time.
        if nodes.clone().nth(MOST_NAMES_SCANNED).is_some() {
            return None;
        }
        let mut found = None;
        for n in nodes {
            let (label, key) = node_keys[n as usize];
            if n == own || !matches!(label, "ORG" | "PERSON" | "PER") {
                continue;
            }
            let fits = if self.acronym {
                // the company's own name, not another ticker ("VOWG.F>"): written in mixed case
                label == "ORG"
                    && *key != self.word
                    && node_mixed[n as usize]
                    && (spells(&self.word, key) || {
                        // a ticker made of the name's first word ("CNT", "Centel"), not that word
                        // itself in a longer name ("MOBO Awards")
                        let first = key.split(' ').next().unwrap_or("");
                        first != self.word && singular(first) != self.word && letters_in_order(&self.word, first)
                    })
            } else {
                key.contains(' ')
                    && !key.rsplit(' ').next().is_some_and(|w| LEADER_NAMED.contains(&w))
                    && key.split(' ').any(|w| w == self.word || w == self.singular)
            };
            if fits {
                if found.is_some_and(|f| f != n) {
                    return None;
                }
                found = Some(n);
            }
        }
        // A name of the piece's own label: the recogniser read the word right, and the corpus
        // resolves it (a surname in its person's name, a company's short name in its full one).
        found.filter(|&n| self.acronym || node_keys[n as usize].0 != self.label)
    }
}

impl Piece {
    /// True when the piece is a company's one-word name and its story names two companies
    /// starting with that word, neither a unit of the other ("Dow" beside "Dow Chemical Co" and
    /// "Dow Financial Services Corp"): which one it names is for the story to say, so it is
    /// neither's short form across the corpus.
    pub(super) fn rivals(&self, context: &Context, story: u32, own: NodeId, node_keys: &[NodeKey]) -> bool {
        if self.acronym || self.label != "ORG" {
            return false;
        }
        let Some(nodes) = context.story_nodes(story) else { return false };
        if nodes.clone().nth(MOST_NAMES_SCANNED).is_some() {
            return false;
        }
        let starts = |key: &str| {
            let first = key.split(' ').next().unwrap_or("");
            key.contains(' ') && (first == self.word || first == self.singular)
        };
        let mut keys: Vec<&str> = nodes
            .filter(|&n| n != own && node_keys[n as usize].0 == "ORG" && starts(node_keys[n as usize].1))
            .map(|n| node_keys[n as usize].1)
            .collect();
        keys.sort_unstable_by_key(|k| k.len());
        keys.dedup();
        // a unit extends its parent's words ("dow chemical", "dow chemical canada")
        let unit_of = |long: &str, short: &str| long.strip_prefix(short).is_some_and(|r| r.starts_with(' '));
        keys.iter().enumerate().any(|(i, a)| keys[i + 1..].iter().any(|b| !unit_of(b, a)))
    }
}

/// True when the letters of `short` appear in `name` in order, the first at its start ("cnt",
/// "centel"; "usda", "us agriculture department").
pub(super) fn letters_in_order(short: &str, name: &str) -> bool {
    let mut s = short.chars().filter(char::is_ascii_alphanumeric);
    let mut n = name.chars().filter(|c| *c != ' ');
    match (s.next(), n.next()) {
        (Some(a), Some(b)) if a == b => {}
        _ => return false,
    }
    let mut want = s.next();
    for c in n {
        if want == Some(c) {
            want = s.next();
        }
    }
    want.is_none()
}
