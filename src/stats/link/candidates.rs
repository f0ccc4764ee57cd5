//! The candidates a short form may join, per window, and how the dominant one is picked.

use super::*;

/// Candidates of a short form: node -> stories (and stories with each title word).
#[derive(Default)]
pub(super) struct Candidates<'a> {
    /// Stories a candidate must be named in (in full) to be picked.
    pub(super) min_stories: u64,
    pub(super) stories: FxHashMap<NodeId, u64>,
    pub(super) titled: FxHashMap<(NodeId, &'a str), u64>,
    /// Other names the short form is part of, never picked but competing with the candidates:
    /// a company or place named with the surname ("Crowley Maritime" for "Crowley").
    pub(super) blockers: FxHashMap<NodeId, u64>,
}

impl<'a> Candidates<'a> {
    pub(super) fn add(&mut self, node: NodeId, title: &'a str) {
        *self.stories.entry(node).or_default() += 1;
        if !title.is_empty() {
            *self.titled.entry((node, title)).or_default() += 1;
        }
    }

    /// The dominant candidate for a short form with `title` (see the module doc); ties and close
    /// seconds give None. Deterministic: scores, then node keys, never input order.
    pub(super) fn pick(&self, title: &str, node_keys: &[NodeKey]) -> Option<NodeId> {
        self.pick_thin(title, node_keys).filter(|p| !p.1).map(|p| p.0)
    }

    /// [`Self::pick`], also giving a dominant candidate named in fewer stories than
    /// `min_stories`, marked thin (true): too thin a ground alone, enough with its story's support.
    pub(super) fn pick_thin(&self, title: &str, node_keys: &[NodeKey]) -> Option<(NodeId, bool)> {
        let score = |n: NodeId| -> u64 {
            if title.is_empty() {
                self.stories[&n]
            } else {
                self.titled.get(&(n, title)).copied().unwrap_or(0)
            }
        };
        let mut scored: Vec<(u64, NodeId)> = self.stories.keys().map(|&n| (score(n), n)).collect();
        if title.is_empty() {
            units_support_parents(&mut scored, node_keys);
            ends_support_full_names(&mut scored, node_keys);
        }
        if title.is_empty() {
            // A blocker shows as its node with the top bit set: it can lead (and then nothing is
            // picked) but is never picked.
            scored.extend(self.blockers.iter().map(|(&n, &c)| (c, n | BLOCKER)));
        }
        if !title.is_empty() && scored.iter().all(|(s, _)| *s == 0) {
            // Nobody carries that title: plain story counts decide, unless the candidates carry
            // other titles (a "Senator Harris" is not the corpus's "Governor Harris").
            if self.titled.is_empty() {
                return self.pick_thin("", node_keys);
            }
            return None;
        }
        let nk = |n: NodeId| &node_keys[(n & !BLOCKER) as usize];
        scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| nk(a.1).cmp(nk(b.1))).then_with(|| a.1.cmp(&b.1)));
        // A full name the corpus writes in one story only is too thin a ground to name every
        // story's "Harris" after.
        let thin = |n: NodeId| self.stories[&n] < self.min_stories;
        match scored.as_slice() {
            [] => None,
            [(s, n)] => (*s > 0 && n & BLOCKER == 0).then(|| (*n, thin(*n))),
            [(s1, n), (s2, _), ..] => (*s1 > 0 && *s1 >= DOMINANCE * s2 && n & BLOCKER == 0).then(|| (*n, thin(*n))),
        }
    }
}

/// Among an organisation's candidates, a longer name that starts with another candidate's words
/// is a unit of it ("Toyota Motor Credit", "Toyota Motor Sales" of "Toyota Motor Corp"): its
/// stories count for that shorter name (the shortest such) instead of competing with it, so that
/// a short "Toyota" joins the parent and not nothing. People's names are left as they are.
fn units_support_parents(scored: &mut Vec<(u64, NodeId)>, node_keys: &[NodeKey]) {
    if scored.len() < 2 || scored.iter().any(|(_, n)| node_keys[*n as usize].0 != "ORG") {
        return;
    }
    let by_key: FxHashMap<&str, usize> =
        scored.iter().enumerate().map(|(i, (_, n))| (node_keys[*n as usize].1, i)).collect();
    let mut parent: Vec<Option<usize>> = vec![None; scored.len()];
    for (i, (_, n)) in scored.iter().enumerate() {
        let key = node_keys[*n as usize].1;
        // the shortest candidate that is a word prefix of this one
        parent[i] = key.match_indices(' ').map(|(j, _)| &key[..j]).find_map(|p| by_key.get(p).copied());
    }
    let mut moved = false;
    for i in 0..scored.len() {
        if let Some(p) = parent[i] {
            scored[p].0 += scored[i].0;
            scored[i].0 = 0;
            moved = true;
        }
    }
    if moved {
        let units: Vec<bool> = parent.iter().map(Option::is_some).collect();
        let mut i = 0;
        scored.retain(|_| {
            i += 1;
            !units[i - 1]
        });
    }
}

/// Among a person's candidates, a shorter name that is the end of exactly one longer candidate's
/// ("Bra Kanon" of "Denis Bra Kanon": the first name dropped, as later paragraphs do) is that
/// person: its stories count for the longer name instead of competing with it, so that a bare
/// "Kanon" joins the person and does not stay apart. A shorter name that ends two longer ones
/// ("Lee Smith" of "Alan Lee Smith" and "Mary Lee Smith") is left competing.
fn ends_support_full_names(scored: &mut Vec<(u64, NodeId)>, node_keys: &[NodeKey]) {
    if scored.len() < 2 || scored.iter().any(|(_, n)| !matches!(node_keys[*n as usize].0, "PERSON" | "PER")) {
        return;
    }
    // per key of two words or more that ends a candidate's longer key: the candidates it ends
    let mut ends: FxHashMap<&str, (usize, u32)> = FxHashMap::default();
    for (i, (_, n)) in scored.iter().enumerate() {
        let key = node_keys[*n as usize].1;
        // the word-suffixes of two words or more, shorter than the key (the last space gives one word)
        for (j, _) in key.rmatch_indices(' ').skip(1) {
            let e = ends.entry(&key[j + 1..]).or_insert((i, 0));
            e.1 += 1;
        }
    }
    let longer: Vec<Option<usize>> = scored
        .iter()
        .map(|(_, n)| match ends.get(node_keys[*n as usize].1) {
            Some(&(i, 1)) => Some(i),
            _ => None,
        })
        .collect();
    if longer.iter().all(Option::is_none) {
        return;
    }
    for (i, l) in longer.iter().enumerate() {
        if let Some(l) = *l {
            scored[l].0 += scored[i].0;
            scored[i].0 = 0;
        }
    }
    let mut i = 0;
    scored.retain(|_| {
        i += 1;
        longer[i - 1].is_none()
    });
}

/// Where a short form resolves, and on what condition its story may take it.
#[derive(Clone, Copy)]
pub(super) struct Resolution {
    pub node: NodeId,
    /// An uncommon name in common with the node's stories.
    pub needs_support: bool,
    /// Any name in common with the node's stories.
    pub needs_a_name: bool,
    /// An uncommon person or organisation in common with the node's stories.
    pub needs_names: bool,
}
