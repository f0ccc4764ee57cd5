//! Acronyms that no story defines ("SRU", "NIA", "HK"): the long name whose initials they are.

use super::*;

/// An acronym joins a long name it spells only if that name is in at most this many stories, each
/// looked at for a name in common with the acronym's story (see `Context::shares_names`).
pub const SPELLED_LOOKS: usize = 64;

/// What acronyms no story defines may stand for.
#[derive(Default)]
pub(super) struct Spelled<'k> {
    /// Per (window, initials), the long names with those initials and their stories (a story
    /// counts once per name).
    by_initials: FxHashMap<(i32, &'k str), Candidates<'k>>,
    /// Names written with a legal suffix somewhere ("Pacific Power and Light Co"): companies,
    /// whose letters in Reuters are as often another company's ticker ("Citicorp <CCI>",
    /// "Pennsylvania Power and Light <PPL>"). They compete with other names of their initials
    /// but are not picked: bodies named by their initials are ("SRU", "DOE").
    companies: FxHashSet<NodeId>,
}

/// The [`Spelled`] of a table.
pub(super) fn spelled_candidates<'a, 'k, M: MentionTable<'a> + ?Sized>(
    mentions: &M,
    form: &[u32],
    form_keyed: &'k [Keyed],
    form_cand: &[bool],
    mention_node: &[NodeId],
    year_of: impl Fn(i32) -> i32,
) -> Spelled<'k> {
    let mut out = Spelled::default();
    let mut seen: FxHashSet<(u32, NodeId)> = FxHashSet::default();
    let form_legal: Vec<bool> = form_keyed
        .iter()
        .map(|k| !k.initials.is_empty() && words(&k.surface).last().is_some_and(|w| is_legal_form(w)))
        .collect();
    for i in 0..mentions.len() {
        let f = form[i] as usize;
        let k = &form_keyed[f];
        if !form_cand[f] || k.initials.is_empty() || !seen.insert((mentions.story(i), mention_node[i])) {
            continue;
        }
        if form_legal[f] {
            out.companies.insert(mention_node[i]);
        }
        let year = year_of(mentions.day(i));
        for initials in &k.initials {
            for w in [year, i32::MAX] {
                let c = out.by_initials.entry((w, initials.as_str())).or_default();
                c.min_stories = 1;
                c.add(mention_node[i], "");
            }
        }
    }
    out
}

/// The long name an acronym (its key, `own` its node) no story defines stands for: the one whose
/// initials it is, in its window or else the whole table, when that name is in [`DOMINANCE`]
/// times as many stories as any other with those initials. Only where its story shares a person or
/// organisation with the name's (see `Context::shares_names`): in
/// Reuters a ticker's letters are as often another company's initials, and one news agency's
/// ("INA") the initials of another's that the recogniser did not find.
pub(super) fn spelled_pick(
    spelled: &Spelled,
    year: i32,
    key: &str,
    own: NodeId,
    node_keys: &[NodeKey],
) -> Option<NodeId> {
    for w in [year, i32::MAX] {
        if let Some(c) = spelled.by_initials.get(&(w, key)) {
            return c.pick("", node_keys).filter(|&n| n != own && !spelled.companies.contains(&n));
        }
    }
    None
}
