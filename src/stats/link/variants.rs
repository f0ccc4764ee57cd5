//! One person's full name written with two first names: a short form ("Steve Gerrard" and
//! "Steven Gerrard") or a misspelling ("Danial Amstutz" and "Daniel Amstutz") of one of them.

use super::*;

/// Endings that make a woman's name of a man's ("Paul", "Paula"; "Louis", "Louise"): a first
/// name that only adds one of them is another person's.
const FEMININE_ENDINGS: &[&str] = &["a", "e", "ne", "na", "ine", "ina", "ette"];

/// Whether two first names (lower-cased) may be one person's: one starts the other and is at most
/// three letters shorter ("steve", "steven"), or, in names of five letters or more, one vowel is
/// changed, added or dropped inside the name ("danial", "daniel"; "jaimie", "jaime"). The first
/// and last letters stay: "Mark"/"Mary", "Maria"/"Mario" and "Paul"/"Paula" are two people.
pub(super) fn first_name_variants(a: &str, b: &str) -> bool {
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if s == l || !s.is_ascii() || !l.is_ascii() || s.len() < 3 {
        return false;
    }
    if let Some(rest) = l.strip_prefix(s) {
        return rest.len() <= 3 && !FEMININE_ENDINGS.contains(&rest);
    }
    let (s, l) = (s.as_bytes(), l.as_bytes());
    if s.len() < 5 || s[0] != l[0] || s[s.len() - 1] != l[l.len() - 1] {
        return false;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    // the first difference, then the rest must match after one vowel's change, insertion or deletion
    let i = s.iter().zip(l).take_while(|(x, y)| x == y).count();
    match l.len() - s.len() {
        0 => vowel(s[i]) && vowel(l[i]) && s[i + 1..] == l[i + 1..],
        1 => vowel(l[i]) && s[i..] == l[i + 1..],
        _ => false,
    }
}

/// Person nodes to merge: two full names with the same words after the first name, the only two
/// full names of the table with them, whose first names are variants of each other
/// ([`first_name_variants`]) and that no story names both (a story naming both is about two
/// people), unless one is in a single story and the other prominent (a slip of that story). Each
/// merged node maps to the one whose key comes first in a fixed order (the longer first name, else
/// the smaller key), so the merged entity's id does not depend on the corpus.
pub(super) fn first_name_merges<'a, M: MentionTable<'a> + ?Sized>(
    node_keys: &[NodeKey],
    mention_node: &[NodeId],
    mentions: &M,
) -> FxHashMap<NodeId, NodeId> {
    // full names of people by the words after the first name
    let mut by_rest: FxHashMap<&str, Vec<NodeId>> = FxHashMap::default();
    for (n, (label, key)) in node_keys.iter().enumerate() {
        if matches!(*label, "PERSON" | "PER") {
            if let Some((_, rest)) = key.split_once(' ') {
                by_rest.entry(rest).or_default().push(n as NodeId);
            }
        }
    }
    let first = |n: NodeId| node_keys[n as usize].1.split(' ').next().unwrap_or("");
    let pairs: Vec<(NodeId, NodeId)> = by_rest
        .values()
        .filter_map(|v| match v.as_slice() {
            [a, b] if first_name_variants(first(*a), first(*b)) => Some((*a, *b)),
            _ => None,
        })
        .collect();
    if pairs.is_empty() {
        return FxHashMap::default();
    }
    // the stories of the nodes of those pairs only
    let wanted: FxHashSet<NodeId> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    let mut stories: FxHashSet<(u32, NodeId)> = FxHashSet::default();
    for (i, n) in mention_node.iter().enumerate() {
        if wanted.contains(n) {
            stories.insert((mentions.story(i), *n));
        }
    }
    let mut per_node: FxHashMap<NodeId, Vec<u32>> = FxHashMap::default();
    for &(s, n) in &stories {
        per_node.entry(n).or_default().push(s);
    }
    let mut out = FxHashMap::default();
    for (a, b) in pairs {
        let sa: FxHashSet<u32> = per_node.get(&a).map(|v| v.iter().copied().collect()).unwrap_or_default();
        let nb = per_node.get(&b).map_or(0, Vec::len);
        // A well-known name written once with the other first name, in one of its own stories
        // ("Steve Gerrard" in a story of "Steven Gerrard"), is a slip of that story, not a
        // second person: two people so named would each be in the news on their own.
        let slip = sa.len().min(nb) == 1 && sa.len().max(nb) >= PROMINENT;
        if !slip && per_node.get(&b).is_some_and(|v| v.iter().any(|s| sa.contains(s))) {
            continue;
        }
        let order = |n: NodeId| (std::cmp::Reverse(first(n).len()), &node_keys[n as usize].1);
        let (keep, gone) = if order(a) <= order(b) { (a, b) } else { (b, a) };
        out.insert(gone, keep);
    }
    out
}
