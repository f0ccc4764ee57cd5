//! Which names each story mentions and in which stories each name is (see [`Context`]).

use super::*;

/// Which names each story mentions, and in which stories each name is: a bare surname ("Barry",
/// a story that never gives a first name) joins a little-known full name ("Kevin Barry", in
/// fewer than [`PROMINENT`] stories) only when its story shares another, uncommon, name with one
/// of that person's stories. The surname alone is as often a word of a company or place the
/// recogniser took for a person ("Barry Citrus Products", "Lyons, Kan.") or a namesake in
/// another field.
pub(super) struct Context {
    /// (story, node) pairs, distinct and sorted: a story's names are a run of them.
    pairs: Vec<(u32, NodeId)>,
    /// Where each story's run starts and ends in `pairs`.
    story_run: FxHashMap<u32, (u32, u32)>,
    /// The stories of node n, ascending: `stories[starts[n]..starts[n + 1]]`.
    starts: Vec<u32>,
    stories: Vec<u32>,
    /// A name in more stories than this is too common to tie two stories together.
    common: usize,
}

/// An ambiguous short form's candidates, kept for its story to single one out.
pub(super) struct Contenders {
    /// The full names it may join, none dominant (sorted).
    pub cands: Vec<NodeId>,
    /// Those its story may pick by naming them (sorted; of a company's word, companies only).
    pub named: Vec<NodeId>,
    /// Names whose presence in the story leaves it ambiguous (sorted).
    pub blockers: Vec<NodeId>,
    /// Few enough candidates that the story's other names may single one out (`only_supported`).
    pub looks: bool,
}

/// Sorts (story, node) pairs. A table comes a story at a time (a corpus run writes each story's
/// rows together): then each story's run is sorted on its own, a few names each, rather than the
/// whole table (110M instructions, a fourteenth of the linking on Reuters-21578, callgrind).
fn sort_by_story(pairs: &mut [(u32, NodeId)]) {
    if pairs.windows(2).all(|w| w[0].0 <= w[1].0) {
        for run in pairs.chunk_by_mut(|a, b| a.0 == b.0) {
            run.sort_unstable();
        }
    } else {
        pairs.sort_unstable();
    }
}

impl Context {
    /// Flat arrays rather than a list per story and per node: tens of thousands of small lists
    /// were a tenth of the linking time on Reuters-21578.
    pub(super) fn new<'a, M: MentionTable<'a> + ?Sized>(
        mentions: &M,
        form: &[u32],
        form_named: &[bool],
        mention_node: &[NodeId],
        n_nodes: usize,
    ) -> Self {
        let mut pairs: Vec<(u32, NodeId)> = (0..mentions.len())
            .filter(|&i| form_named[form[i] as usize] || mentions.has_country_code(i))
            .map(|i| (mentions.story(i), mention_node[i]))
            .collect();
        sort_by_story(&mut pairs);
        pairs.dedup();
        // sorted: a story's pairs are one run, looked up once
        let mut story_run: FxHashMap<u32, (u32, u32)> = FxHashMap::default();
        let mut at = 0u32;
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            story_run.insert(run[0].0, (at, at + run.len() as u32));
            at += run.len() as u32;
        }
        let mut counts = vec![0u32; n_nodes + 1];
        for &(_, n) in &pairs {
            counts[n as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let starts = counts.clone();
        let mut stories = vec![0u32; pairs.len()];
        for &(s, n) in &pairs {
            stories[counts[n as usize] as usize] = s;
            counts[n as usize] += 1;
        }
        let common = (story_run.len() / 50).max(5);
        Context { pairs, story_run, starts, stories, common }
    }

    pub(super) fn node_stories(&self, n: NodeId) -> &[u32] {
        match (self.starts.get(n as usize), self.starts.get(n as usize + 1)) {
            (Some(&a), Some(&b)) => &self.stories[a as usize..b as usize],
            _ => &[],
        }
    }

    pub(super) fn story_nodes(&self, s: u32) -> Option<impl Iterator<Item = NodeId> + Clone + '_> {
        let &(a, b) = self.story_run.get(&s)?;
        Some(self.pairs[a as usize..b as usize].iter().map(|p| p.1))
    }

    /// A number for a story made of the names it mentions (not of its place in the table), so
    /// that an entity kept to that story has the same id in any run (with the story's day: two
    /// stories of one day with the same names are taken for one).
    pub(super) fn signature(&self, story: u32, node_keys: &[NodeKey]) -> u64 {
        let Some(nodes) = self.story_nodes(story) else { return 0 };
        nodes.fold(0u64, |acc, n| {
            let (label, key) = &node_keys[n as usize];
            acc.wrapping_add(fnv1a(&[label.as_bytes(), b"\x1f", key.as_bytes()]))
        })
    }

    /// The one of `candidates` (full names a short form may join, none dominant) that `story`
    /// itself names, if it names exactly one and none of `blockers`, and that one is among `named`
    /// (those a story may pick so: "Oak" in a story that writes "Oak Industries Inc" is that
    /// company, whatever other Oaks the year has; "Johnson" beside "Mary Johnson" is Mary
    /// Johnson). The story's own names are the closest context a short form has; a story naming
    /// two candidates (or a candidate and a company named with the word) leaves it ambiguous.
    pub(super) fn named_in(&self, story: u32, own: NodeId, c: &Contenders) -> Option<NodeId> {
        let (candidates, named, blockers) = (&c.cands, &c.named, &c.blockers);
        let nodes = self.story_nodes(story)?;
        // a table or directory naming hundreds of names is no context (and the scan stays linear)
        if nodes.clone().nth(MOST_NAMES_SCANNED).is_some() {
            return None;
        }
        let mut found = None;
        for n in nodes.filter(|&n| n != own) {
            if blockers.binary_search(&n).is_ok() {
                return None;
            }
            if candidates.binary_search(&n).is_ok() {
                if found.is_some() {
                    return None;
                }
                found = Some(n);
            }
        }
        found.filter(|n| named.binary_search(n).is_ok())
    }

    /// The one of `candidates` (full names a short form may join, none dominant) whose stories
    /// share [`AMBIGUOUS_SHARED`] uncommon names with `story`, if exactly one does ("Gough" in a
    /// team sheet that names the team-mates of one of two Goughs). Nothing when there are more
    /// than [`AMBIGUOUS_LOOKS`] candidates or one is in more stories than that: the cost per
    /// story is bounded, and the answer does not depend on which stories would be looked at.
    pub(super) fn only_supported(&self, story: u32, own: NodeId, candidates: &[NodeId]) -> Option<NodeId> {
        if candidates.len() > AMBIGUOUS_LOOKS
            || candidates.iter().any(|&c| self.node_stories(c).len() > AMBIGUOUS_LOOKS)
        {
            return None;
        }
        let mine = self.story_nodes(story)?;
        let mut found = None;
        for &full in candidates {
            let uncommon = |n: NodeId| n != own && n != full && self.node_stories(n).len() <= self.common;
            let theirs = self.node_stories(full);
            let mut shared: Vec<NodeId> = Vec::new();
            for &s in theirs.iter().filter(|&&s| s != story) {
                let Some(&(a, b)) = self.story_run.get(&s) else { continue };
                let other = &self.pairs[a as usize..b as usize];
                shared.extend(mine.clone().filter(|&n| uncommon(n) && other.binary_search(&(s, n)).is_ok()));
            }
            shared.sort_unstable();
            shared.dedup();
            if shared.len() >= AMBIGUOUS_SHARED {
                if found.is_some() {
                    return None;
                }
                found = Some(full);
            }
        }
        found
    }

    /// Does the `story` of a short form (node `own`) share an uncommon name of a person or an
    /// organisation with a story of `full`? Places and peoples do not count: the stories of a
    /// region share them ("Iran" and "Iranian" in a story of Iraq's agency and one of Iran's).
    /// Asked of a prominent `full` too ("DS" is not "Downing Street" in a story of Nintendo's
    /// console), but only of one in at most [`SPELLED_LOOKS`] stories (a bound on the cost).
    pub(super) fn shares_names(&self, story: u32, own: NodeId, full: NodeId, node_keys: &[NodeKey]) -> bool {
        let theirs = self.node_stories(full);
        if theirs.len() > SPELLED_LOOKS {
            return false;
        }
        let Some(mine) = self.story_nodes(story) else { return false };
        let named = |n: NodeId| {
            n != own
                && n != full
                && !matches!(node_keys[n as usize].0, "GPE" | "LOC" | "NORP")
                && self.node_stories(n).len() <= self.common
        };
        theirs.iter().filter(|&&s| s != story).any(|&s| {
            let Some(&(a, b)) = self.story_run.get(&s) else { return false };
            let other = &self.pairs[a as usize..b as usize];
            mine.clone().filter(|&n| named(n)).any(|n| other.binary_search(&(s, n)).is_ok())
        })
    }

    /// Does the `story` of a short form (node `own`) share an uncommon name, other than the short
    /// form and the full name `full`, with a story of `full`? True for a prominent `full`.
    pub(super) fn shares(&self, story: u32, own: NodeId, full: NodeId, node_keys: &[NodeKey]) -> bool {
        self.shares_within(story, own, full, node_keys, self.common)
    }

    /// [`Self::shares`] with any name, however common, as the tie; also true when the story
    /// names nothing but the short form (nothing in it says otherwise).
    pub(super) fn shares_any(&self, story: u32, own: NodeId, full: NodeId, node_keys: &[NodeKey]) -> bool {
        let alone = self.story_nodes(story).is_none_or(|mut mine| mine.all(|n| n == own));
        alone || self.shares_within(story, own, full, node_keys, usize::MAX)
    }

    fn shares_within(&self, story: u32, own: NodeId, full: NodeId, node_keys: &[NodeKey], common: usize) -> bool {
        let theirs = self.node_stories(full);
        if theirs.is_empty() {
            return false;
        }
        if theirs.len() >= PROMINENT {
            return true;
        }
        let Some(mine) = self.story_nodes(story) else { return false };
        // the full name is in the story itself, under another label ("Banque Indosuez" ORG)
        if mine.clone().any(|n| node_keys[n as usize].1 == node_keys[full as usize].1) {
            return true;
        }
        let uncommon = |n: NodeId| n != own && n != full && self.node_stories(n).len() <= common;
        theirs.iter().any(|&s| {
            let Some(&(a, b)) = self.story_run.get(&s) else { return false };
            let other = &self.pairs[a as usize..b as usize];
            mine.clone().filter(|&n| uncommon(n)).any(|n| other.binary_search(&(s, n)).is_ok())
        })
    }
}
