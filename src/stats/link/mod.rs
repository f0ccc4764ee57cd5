//! Corpus-level identity: one `entity_id` and one display `name` per real-world entity across a
//! whole entities table (the reduce step after a distributed run too).
//!
//! Every mention gets a *key*: its in-story name (canonical, else text) lower-cased, without
//! punctuation, a leading "the", legal suffixes of organisations ("Inc", "Corp", "and Co", "PLC",
//! "AG", ...), people's courtesy titles, middle initials and "Jr". Mentions of one label with one
//! key are one entity: this joins case variants ("LONDON", "London") and suffix variants ("Intel",
//! "Intel Corp"); a long name labelled MISC, LOC or FAC joins the organisation of that key (the
//! recogniser's label varies between stories: "PAINE WEBBER" MISC in a headline). Long names
//! other than people's also drop linking words ("of", "and", ...) and plurals, which vary
//! between the spellings stories use ("Trades Union Congress", "Trade Unions Congress"), and a
//! ticker the recogniser took into the name ("Japan Air Lines Co <JAPN.T>").
//! Short forms then join a full name when the corpus makes it clear which one:
//! - a one-word person name ("Reagan", "Mr Baker") joins the full name ending in it ("Ronald
//!   Reagan"), unless companies or places named with that word ("Crowley Maritime Corp",
//!   "Marietta") come close to the person in stories (an administration or party named after its
//!   leader does not count);
//!   A bare surname whose story never gives a first name joins a full name in fewer than
//!   [`PROMINENT`] stories only when its story shares another uncommon name with one of them
//!   (see `Context`), and so does a surname whose full name the corpus writes in one story only;
//!   so does an acronym whose letters are not the initials of the name it
//!   would join (a ticker "CPB" and a "Centraal Planbureau (CPB)" of another story);
//! - initials and a surname ("G Murphy", "A.W. Clements") join the full name with that first
//!   initial and surname ("Geordan Murphy"), and two words of a person's name the longer name
//!   ending in them ("Bra Kanon", "Denis Bra Kanon");
//! - a one-word organisation name ("Dow", "Altria") joins the longer organisation name starting
//!   with it ("Dow Chemical Co"), unless the corpus writes the short name with a legal suffix
//!   ("Texaco Inc": a company's own name);
//! - an acronym or ticker written in capitals ("IBM", "INTC") joins the name that stories resolve it
//!   to (a story that writes "Intel Corp <INTC>" or defines "International Business Machines
//!   (IBM)" is evidence for the stories that only write the short form; when no name of its own
//!   label is in view, the evidence of any label counts). A short form resolved to a name that is
//!   itself short ("MDR" -> "McDermott") ends where that name does ("McDermott International
//!   Inc"). Initials alone are not:
//!   in Reuters "CPL", "CRI" and "LCE" name other companies than the ones they abbreviate.
//!   An acronym that only other stories define joins a long form in fewer than [`PROMINENT`]
//!   stories where its story names something one of them names too, or nothing else (one
//!   acronym stands for different things: "NEC" a party's committee and a computer maker);
//!   one that no story defines joins the long name, not a company's, whose initials it is
//!   ("SRU"), where its story shares a person or organisation with the name's (see `spelled`);
//!
//! A one-word person or organisation name with no candidate of its own label joins one of the
//! other label where most of its stories share a person or organisation with it (see `labels`).
//! Before the corpus is asked, a one-word name looks in its own story (see `piece::Piece`): a
//! piece of a name the recogniser cut and mislabelled ("SUPER VALU" -> a person "VALU", a place
//! "Upland" beside "Upland Minerals and Chemicals Corp") joins the story's one name of another
//! label with that word, and a ticker ("CENTEL <CNT>") the story's one company whose first word
//! has its letters ("Centel Corp"), not what other stories spell with them. A word that names no
//! company on its own ("Motors", "Inc"), a company's one-word name in a story that names two
//! companies starting with it ("Dow" beside "Dow Chemical Co" and "Dow Financial Services
//! Corp"), and a short form with several candidates of similar
//! standing ("Johnson" in a year of two Johnsons), stay within their story: they name one of
//! the candidates, not each other.
//!
//! Ambiguity is judged per *window*, the calendar year of the story's date (stories without a date
//! form one window): a short form joins the candidate full name seen in the most stories of its
//! window when no other candidate comes close (at least [`DOMINANCE`] times as many stories; for a
//! person, counting only the stories where the candidate carries the same title word when the
//! short form has one, the head of the title: "Treasury Secretary Baker" and "chief of staff
//! Baker" are told apart, "finance director of ICI" is a director), and
//! stays apart otherwise ("Johnson" in a year with two Johnsons of similar standing), unless its
//! story shares [`AMBIGUOUS_SHARED`] uncommon names with the stories of exactly one of a few
//! little-known candidates (a team sheet's "Gough" and the Gough of that team). With no
//! candidate in its window, the candidates of the whole table count. Before that, an ambiguous
//! short form joins the one candidate its own story names (for a company's word, a company's
//! full name: "Oak" beside "Oak Industries Inc"; see `Context::named_in`). One person's two
//! first names ("Steve"/"Steven", "Danial"/"Daniel") are one name (see `variants`), and a
//! company's own acronym ("EMS Corp") stands for what stories define it as where that is in
//! [`DOMINANCE`] times as many stories, except in the company's own stories.
//!
//! Historical states are their own entities whatever the in-story canonical says: "the Soviet
//! Union" (code SU), "West Germany", "East Germany" (DD), "Czechoslovakia" (CS), "Yugoslavia"
//! (YU), and, in stories dated before the renaming, "Burma" (BU, before 18 June 1989) and "Zaire"
//! (ZR, before 17 May 1997).
//!
//! Ids are a hash of (label, key, disambiguator) of the entity a mention ends in — not of the
//! input's order or size — so the same entity has the same id in any run, at any thread count and
//! in any corpus containing it. The disambiguator is the historical code, or the user's id.
//! Linear in the number of mentions (hash maps; candidate lists are per word and window).
use rayon::prelude::*;
use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use super::NO_DAY;
use crate::util::legal_forms::is_legal_form;

/// A short form joins the leading candidate when it has at least this many times the stories of
/// the next one.
pub const DOMINANCE: u64 = 5;

/// One mention's columns, borrowed from the entities table. Empty strings stand for nulls.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mention<'a> {
    pub text: &'a str,
    pub canonical: &'a str,
    pub label: &'a str,
    pub title: &'a str,
    pub country_code: &'a str,
    /// The user's id (`kb_id` from `aliases=`/`patterns=`): a user's entry wins.
    pub kb_id: &'a str,
    /// Days since 1970-01-01 of the story's date, or [`NO_DAY`].
    pub day: i32,
    /// The story's code (any dense or sparse integer; only equality matters).
    pub story: u32,
}

/// The linked table: one entity code per mention, and per entity code its id, display name and
/// the code of a historical state (empty for every other entity: mentions keep their own codes).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Linked {
    pub entity: Vec<u32>,
    pub ids: Vec<String>,
    pub names: Vec<String>,
    pub codes: Vec<String>,
}

/// A table of mentions, read one at a time: a slice of [`Mention`]s, or columns that make each
/// mention when asked (the binding's Arrow buffers: a vector of all mentions would be a hundred
/// bytes a mention of fresh memory).
pub trait MentionTable<'a>: Sync {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Mention `i` (`i < len()`).
    fn mention(&self, i: usize) -> Mention<'a>;
    /// Its story (what the per-mention passes read most).
    fn story(&self, i: usize) -> u32 {
        self.mention(i).story
    }
    /// Its day.
    fn day(&self, i: usize) -> i32 {
        self.mention(i).day
    }
    /// Its country code.
    fn country_code(&self, i: usize) -> &'a str {
        self.mention(i).country_code
    }
    /// Whether it has a country code (what the per-mention passes ask).
    fn has_country_code(&self, i: usize) -> bool {
        !self.country_code(i).is_empty()
    }
}

impl<'a> MentionTable<'a> for [Mention<'a>] {
    fn len(&self) -> usize {
        <[Mention]>::len(self)
    }
    fn mention(&self, i: usize) -> Mention<'a> {
        self[i]
    }
}

/// Labels whose mentions are names (values such as dates and amounts keep their own key and are
/// never joined to anything else).
mod candidates;
mod context;
mod ids;
mod keys;
mod labels;
mod piece;
mod spelled;
mod variants;
use candidates::*;
use context::*;
pub use ids::entity_id;
use ids::*;
use keys::*;
use labels::*;
use piece::*;
use spelled::*;
use variants::*;

type NodeId = u32;

/// A node's (label, key), borrowed from its first form's mention and keys: a node is named by
/// them, not given copies of its own (two strings a node were about 120,000 allocations on
/// Reuters-21578).
type NodeKey<'k> = (&'k str, &'k str);

/// Marks a blocker among scored candidates (node ids stay far below it).
const BLOCKER: NodeId = 1 << 31;

/// A full name in at least this many stories is known well enough for a bare surname to name it
/// without other support.
pub const PROMINENT: usize = 8;

/// An ambiguous short form looks for the one candidate its story shares names with only among
/// at most this many candidates, each in at most this many stories (a bound on its cost).
pub const AMBIGUOUS_LOOKS: usize = 16;

/// The uncommon names a story must share with a candidate's stories to pick it among ambiguous
/// ones (one or two shared names are often a place or a market both stories mention).
pub const AMBIGUOUS_SHARED: usize = 3;

/// Where ambiguity is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Window {
    /// The calendar year of the story's date (undated stories: one window).
    #[default]
    Year,
    /// The whole table.
    All,
}

/// The distinct forms of the mentions (everything [`keyed`] reads): each form's first mention,
/// and each mention's form.
fn distinct_forms<'a, M: MentionTable<'a> + ?Sized>(mentions: &M) -> (Vec<Mention<'a>>, Vec<u32>) {
    // The day matters only to a few historical names, through these dates.
    let untils: Vec<i32> = HISTORICAL.iter().filter_map(|h| h.3).collect();
    let era = |day: i32| -> u8 {
        if day == NO_DAY {
            return 4;
        }
        untils.iter().filter(|&&u| day <= u).count() as u8
    };
    // A form as bytes (each field with its length, then the era), kept once per distinct form in
    // one arena: a repeated form is checked against those bytes, one place in memory, not against
    // its first mention's five strings scattered over the columns (the misses were most of the
    // time of this pass). Keyed by the bytes' 64-bit hash, 16 bytes an entry; forms whose hashes
    // clash with another's, if any, are looked up whole.
    let mut buf: Vec<u8> = Vec::with_capacity(256);
    let encode = |m: &Mention<'a>, buf: &mut Vec<u8>| {
        buf.clear();
        for f in [m.text, m.canonical, m.label, m.title, m.kb_id] {
            buf.extend_from_slice(&(f.len() as u64).to_le_bytes());
            buf.extend_from_slice(f.as_bytes());
        }
        buf.push(era(m.day));
    };
    let mut by_hash: FxHashMap<u64, u32> = FxHashMap::with_capacity_and_hasher(mentions.len() / 2, FxBuildHasher);
    let mut clashing: FxHashMap<Vec<u8>, u32> = FxHashMap::default();
    let mut arena: Vec<u8> = Vec::new();
    // Room for every mention being a form of its own: capacity never written is never touched
    // (no memory faulted in), where growing by doubling copies the forms into fresh memory at
    // each step (about twice the final size touched).
    let mut bounds: Vec<usize> = Vec::with_capacity(mentions.len() + 1);
    bounds.push(0);
    let mut firsts: Vec<Mention<'a>> = Vec::with_capacity(mentions.len());
    let form = (0..mentions.len())
        .map(|i| {
            let m = mentions.mention(i);
            encode(&m, &mut buf);
            let next = firsts.len() as u32;
            match by_hash.entry(FxBuildHasher.hash_one(&buf[..])) {
                Entry::Vacant(e) => {
                    e.insert(next);
                }
                Entry::Occupied(e) => {
                    let f = *e.get() as usize;
                    if arena[bounds[f]..bounds[f + 1]] == buf[..] {
                        return f as u32;
                    }
                    match clashing.entry(buf.clone()) {
                        Entry::Occupied(c) => return *c.get(),
                        Entry::Vacant(c) => {
                            c.insert(next);
                        }
                    }
                }
            }
            // a new form
            firsts.push(m);
            arena.extend_from_slice(&buf);
            bounds.push(arena.len());
            next
        })
        .collect();
    (firsts, form)
}

/// Links the mentions with yearly windows (see the module doc).
pub fn link(mentions: &[Mention]) -> Linked {
    link_in(mentions, Window::Year)
}

/// Links the mentions, judging ambiguity per `window`. The result's codes number the entities in
/// the order of their ids, so the output does not depend on the input's order.
pub fn link_in(mentions: &[Mention], window: Window) -> Linked {
    link_table(mentions, window)
}

/// [`link_in`] over any [`MentionTable`].
pub fn link_table<'a, M: MentionTable<'a> + ?Sized>(mentions: &M, window: Window) -> Linked {
    let year_of = |day: i32| if window == Window::All { i32::MIN } else { year_of(day) };
    // A corpus repeats its names: key each distinct form once (a quarter of the mentions in
    // Reuters-21578), then look the mentions up.
    // The forms' first mentions are read from a vector of their own: reading them from the table
    // would miss the cache on each of their columns.
    let (firsts, form) = distinct_forms(mentions);
    let form_keyed: Vec<Keyed> = firsts.par_iter().map(keyed).collect();

    // Nodes: one per (label, key) of a full form, plus fixed identities.
    // Sized up front: growing a table a form at a time allocates it about twice over.
    let mut node_of: FxHashMap<(&str, &str), NodeId> = FxHashMap::with_capacity_and_hasher(firsts.len(), FxBuildHasher);
    let mut node_keys: Vec<NodeKey> = Vec::with_capacity(firsts.len());
    let mut form_node: Vec<NodeId> = Vec::with_capacity(firsts.len());
    for (m, k) in firsts.iter().zip(&form_keyed) {
        let label = if k.fixed.is_some() && !m.kb_id.is_empty() { "USER" } else { m.label };
        let key_str: &str = match &k.fixed {
            Some((_, id)) if !m.kb_id.is_empty() => id,
            _ => &k.key,
        };
        let next = node_keys.len() as NodeId;
        let id = *node_of.entry((label, key_str)).or_insert_with(|| {
            node_keys.push((label, key_str));
            next
        });
        form_node.push(id);
    }
    // A long name the recogniser labels MISC, LOC or FAC in one story (a headline's capitals,
    // "PAINE WEBBER"; "New York Futures Exchange" read as a place) and an organisation in others
    // is that organisation. Places proper (GPE) keep their label: a city is not its team.
    for (k, n) in form_keyed.iter().zip(form_node.iter_mut()) {
        let (label, key) = node_keys[*n as usize];
        if matches!(label, "MISC" | "LOC" | "FAC") && k.fixed.is_none() && key.contains(' ') {
            if let Some(&org) = node_of.get(&("ORG", key)) {
                *n = org;
            }
        }
    }
    let mut mention_node: Vec<NodeId> = form.iter().map(|&f| form_node[f as usize]).collect();
    // One person written with two first names ("Steve Gerrard", "Steven Gerrard") is one node.
    let merged = first_name_merges(&node_keys, &mention_node, mentions);
    if !merged.is_empty() {
        for n in form_node.iter_mut().chain(mention_node.iter_mut()) {
            *n = merged.get(n).copied().unwrap_or(*n);
        }
    }
    // What the per-mention passes look up depends on the mention's form: work it out once per
    // form (a quarter of the mentions), so the passes hash integers, not tuples of strings.
    // A short query (label, key, title) as a number: forms with equal queries share it.
    let mut query_of: FxHashMap<(&str, &str, &str), u32> = FxHashMap::default();
    let form_query: Vec<u32> = firsts
        .iter()
        .zip(&form_keyed)
        .map(|(m, k)| {
            let next = query_of.len() as u32;
            *query_of.entry((m.label, k.key.as_str(), k.title.as_str())).or_insert(next)
        })
        .collect();
    let form_title: Vec<&str> = firsts.iter().map(|m| title_word(m.title)).collect();
    // Per form, whether a pass has anything to do with its mentions: the passes below skip the
    // others on a byte, without reading the form's keys.
    let form_cand: Vec<bool> = firsts
        .iter()
        .zip(&form_keyed)
        .map(|(m, k)| {
            let full = matches!(k.short, Short::No | Short::Partial);
            k.fixed.is_none() && is_name_label(m.label) && (full || k.alias_of_text.is_some())
        })
        .collect();
    let spelled = spelled_candidates(mentions, &form, &form_keyed, &form_cand, &mention_node, year_of);
    let form_blocks: Vec<bool> =
        form_keyed.iter().map(|k| k.fixed.is_none() && (k.blocker.is_some() || k.initial_blocker.is_some())).collect();

    // Candidate full names per (window, label, short key), with story counts: distinct (story,
    // node, title) triples first, so that a name repeated in a story counts once.
    let mut seen: FxHashSet<(u32, NodeId, &str)> = FxHashSet::default();
    let mut windows: FxHashMap<(i32, &str, &str), Candidates> = FxHashMap::default();
    let mut alias_ev: FxHashMap<(i32, &str, &str), Candidates> = FxHashMap::default();
    let mut seen_alias: FxHashSet<(u32, NodeId, &str)> = FxHashSet::default();
    for i in 0..mentions.len() {
        if !form_cand[form[i] as usize] {
            continue;
        }
        let f = form[i] as usize;
        let (k, label, story) = (&form_keyed[f], firsts[f].label, mentions.story(i));
        let full = matches!(k.short, Short::No | Short::Partial);
        let node = mention_node[i];
        let year = year_of(mentions.day(i));
        if let Some(t) = &k.alias_of_text {
            if seen_alias.insert((story, node, t.as_str())) {
                // An acronym's long form is evidence under any label too: the recogniser may
                // label the short form otherwise ("NYFE" PERSON, "New York Futures Exchange" ORG).
                for w in [year, i32::MAX] {
                    for label in [label, ""] {
                        if label.is_empty() && !k.any_label {
                            continue;
                        }
                        let c = alias_ev.entry((w, label, t.as_str())).or_default();
                        c.min_stories = 1;
                        c.add(node, "");
                    }
                }
            }
        }
        if !full || k.shorts.is_empty() || !seen.insert((story, node, form_title[f])) {
            continue;
        }
        for (short, min_stories) in &k.shorts {
            for w in [year, i32::MAX] {
                let c = windows.entry((w, label, short.as_str())).or_default();
                c.min_stories = *min_stories;
                c.add(node, &k.title_head);
            }
        }
    }

    // Blockers: a company, place or facility named with a word keeps that word, written alone
    // as a person's name, from joining a person of that surname unless the person is much more
    // often in the news ("Crowley Maritime Corp", "Perry Drug Stores", "Marietta").
    // Only the words that a person's short form looks up matter: the others' entries would never
    // be read (most words of company and place names are nobody's surname).
    let person_queries: FxHashSet<&str> = firsts
        .iter()
        .zip(&form_keyed)
        .filter(|(m, k)| m.label == "PERSON" && k.fixed.is_none() && k.short != Short::No)
        .flat_map(|(_, k)| [k.key.as_str(), k.query()])
        .collect();
    let mut seen_block: FxHashSet<(u32, NodeId)> = FxHashSet::default();
    for i in 0..mentions.len() {
        if !form_blocks[form[i] as usize] || !seen_block.insert((mentions.story(i), mention_node[i])) {
            continue;
        }
        let k = &form_keyed[form[i] as usize];
        let year = year_of(mentions.day(i));
        let words = [k.blocker.as_deref(), k.initial_blocker.as_deref()];
        for word in words.into_iter().flatten().filter(|w| person_queries.contains(w)) {
            for w in [year, i32::MAX] {
                for map in [&mut windows, &mut alias_ev] {
                    let c = map.entry((w, "PERSON", word)).or_default();
                    *c.blockers.entry(mention_node[i]).or_default() += 1;
                }
            }
        }
    }

    // A company's own name (written with a legal suffix somewhere) does not stand for a longer one.
    let suffixed: FxHashSet<NodeId> =
        form_keyed.iter().zip(&form_node).filter(|(k, _)| k.suffixed).map(|(_, &n)| n).collect();
    // Forms that are short forms to resolve; a company's own name (written with a legal suffix:
    // "Texaco Inc", "MCA Inc", "NEC Corp") stands for itself, not for a longer name or what other
    // stories abbreviate the same way ("Monetary Compensatory Amounts (MCAs)").
    let form_short: Vec<bool> = form_keyed
        .iter()
        .zip(&form_node)
        .map(|(k, n)| !(k.fixed.is_some() || k.short == Short::No || k.short == Short::Company && suffixed.contains(n)))
        .collect();
    // An acronym that is also a company's own name ("EMS Corp" of one story) still stands for what
    // stories define it as ("European Monetary System (EMS)") where that is far more often in the
    // news than the company, except in the company's own stories: per (story, node) the stories
    // that write the company's name with its suffix, and per node how many they are.
    let form_own_acronym: Vec<bool> =
        form_keyed.iter().zip(&form_node).map(|(k, n)| k.short == Short::Acronym && suffixed.contains(n)).collect();
    let form_suffixed: Vec<bool> = form_keyed.iter().map(|k| k.suffixed).collect();
    let suffixed_in: FxHashSet<(u32, NodeId)> = (0..mentions.len())
        .filter(|&i| form_suffixed[form[i] as usize])
        .map(|i| (mentions.story(i), mention_node[i]))
        .collect();
    let mut suffixed_stories: FxHashMap<NodeId, u64> = FxHashMap::default();
    for &(_, n) in &suffixed_in {
        *suffixed_stories.entry(n).or_default() += 1;
    }

    // Resolve each distinct short query once.
    let mut target: FxHashMap<(i32, u32), Option<NodeId>> = FxHashMap::default();
    // What a node that is itself a short form resolves to, per window ("McDermott" ->
    // "McDermott International Inc"), so that a form resolved to it ends there too ("MDR").
    let mut onward: FxHashMap<(i32, NodeId), NodeId> = FxHashMap::default();
    // Queries resolved by what stories say the short form stands for (not by its shape alone).
    let mut by_evidence: FxHashSet<(i32, u32)> = FxHashSet::default();
    // Queries resolved by the initials of a long name alone (no story defines the acronym).
    let mut by_initials: FxHashSet<(i32, u32)> = FxHashSet::default();
    // Queries with several candidates and none dominant: such a short form names one of them,
    // but which is for its story to say, so it stays there (see the final pass).
    let mut ambiguous: FxHashSet<(i32, u32)> = FxHashSet::default();
    // Queries resolved on thin ground (a full name in fewer stories than its short form needs):
    // they hold only where their story shares names with the full name's (see `Context`).
    let mut weak: FxHashSet<(i32, u32)> = FxHashSet::default();
    // Per ambiguous query, its candidates (when few): its story may single one out.
    let mut contenders: FxHashMap<(i32, u32), Contenders> = FxHashMap::default();
    for i in 0..mentions.len() {
        if !form_short[form[i] as usize] {
            continue;
        }
        let k = &form_keyed[form[i] as usize];
        let year = year_of(mentions.day(i));
        let q = (year, form_query[form[i] as usize]);
        if target.contains_key(&q) {
            continue;
        }
        let m = &firsts[form[i] as usize];
        let own = mention_node[i];
        let mut found = None;
        let mut candidates = false;
        for w in [year, i32::MAX] {
            let story_evidence = alias_ev.get(&(w, m.label, k.key.as_str()));
            // a company's own acronym: only what stories define it as
            let own_name = form_own_acronym[form[i] as usize];
            let shape = windows.get(&(w, m.label, k.query())).filter(|_| !own_name);
            // What stories resolve this short form to wins; then the names it abbreviates.
            for (c, evidence) in [(story_evidence, true), (shape, false)].into_iter().filter_map(|(c, e)| Some((c?, e)))
            {
                // a surname may join a name of one story with its story's support; an acronym or
                // a company's word may not ("MOBA" is not the "Moba Awards" of its own story)
                let picked = c.pick_thin(&k.title, &node_keys).filter(|p| !p.1 || k.short == Short::Surname);
                if let Some((n, thin)) = picked {
                    found = (n != own).then_some(n);
                    if evidence {
                        by_evidence.insert(q);
                    }
                    if thin {
                        weak.insert(q);
                    }
                    break;
                }
                if !c.stories.is_empty() && k.title.is_empty() {
                    // Candidates exist but none dominates: ambiguous, stay apart. With a title,
                    // the full names' titles (counted in `shape`) may still tell.
                    if c.stories.len() + c.blockers.len() >= 2 && !own_name {
                        ambiguous.insert(q);
                        // all of them: its own story may name one (`Context::named_in`)
                        let mut cands: Vec<NodeId> = c.stories.keys().copied().filter(|&n| n != own).collect();
                        cands.sort_unstable();
                        let mut blocks: Vec<NodeId> = c.blockers.keys().copied().collect();
                        blocks.sort_unstable();
                        // of a company's word, only the full names of companies (written with a
                        // legal suffix somewhere: "Oak Industries Inc"), not its products or units
                        // ("Apple" beside "Apple Powerbook" is Apple)
                        let named: Vec<NodeId> =
                            cands.iter().copied().filter(|n| m.label != "ORG" || suffixed.contains(n)).collect();
                        // the candidates its story's other names may single out: a few only
                        let looks = c.stories.len() <= AMBIGUOUS_LOOKS;
                        contenders.insert(q, Contenders { cands, named, blockers: blocks, looks });
                    }
                    break;
                }
            }
            if found.is_some() || story_evidence.is_some() || shape.is_some() {
                candidates = true;
                break;
            }
        }
        if !candidates && acronym_shaped(&k.surface) && !form_own_acronym[form[i] as usize] {
            // Nothing under its own label: what stories define it as, under any label.
            for w in [year, i32::MAX] {
                if let Some(c) = alias_ev.get(&(w, "", k.key.as_str())) {
                    found = c.pick("", &node_keys).filter(|&n| n != own);
                    by_evidence.insert(q);
                    break;
                }
            }
            if !by_evidence.contains(&q) && !matches!(m.label, "PERSON" | "PER") {
                found = spelled_pick(&spelled, year, &k.key, own, &node_keys);
                by_initials.insert(q);
            }
        }
        if let (Some(n), true) = (found, k.title.is_empty() && !weak.contains(&q)) {
            onward.insert((year, own), n);
        }
        target.insert(q, found);
    }

    let form_named: Vec<bool> =
        firsts.iter().zip(&form_keyed).map(|(m, k)| is_name_label(m.label) && k.fixed.is_none()).collect();
    let context = Context::new(mentions, &form, &form_named, &mention_node, node_keys.len());

    // Final node per mention; display names from the surfaces of each final node's own mentions.
    // Per (window, form): the node it resolves to, and whether that needs the story's support
    // (an uncommon name shared with the full name's stories; any name for the second flag).
    let mut resolved: FxHashMap<(i32, u32), Option<Resolution>> = FxHashMap::default();
    // Per form, what it looks for in its own story (see `Piece`); per (story, form) what it found.
    let form_piece: Vec<Option<Piece>> = firsts.iter().zip(&form_keyed).map(|(m, k)| piece(m, k)).collect();
    let mut in_story: FxHashMap<(u32, u32), Option<NodeId>> = FxHashMap::default();
    // Per (story, form): a company's one-word name between two companies of its story that start
    // with it (see `Piece::rivals`); an ambiguous short form's candidate its story singles out.
    let mut rival: FxHashMap<(u32, u32), bool> = FxHashMap::default();
    let mut chosen_in_story: FxHashMap<(u32, u32, i32), Option<NodeId>> = FxHashMap::default();
    let mut across: FxHashMap<(i32, u32), Option<NodeId>> = FxHashMap::default();
    // Nodes with a name written in mixed case (a company's name, not only its ticker).
    let mut node_mixed = vec![false; node_keys.len()];
    for (k, &n) in form_keyed.iter().zip(&form_node) {
        node_mixed[n as usize] |= k.surface.chars().any(char::is_lowercase);
    }
    // Mentions that stay within their story: per (story, own node) a node of their own, and per
    // such node the node it was made from (for its key and display name).
    let mut local: FxHashMap<(u32, NodeId), NodeId> = FxHashMap::default();
    let mut local_from: Vec<(NodeId, u32, i32)> = Vec::new();
    let base = node_keys.len() as NodeId;
    let mut final_node: Vec<NodeId> = Vec::with_capacity(mentions.len());
    // Forms that are what they say (fixed identities, full names): a flag per form, so that the
    // pass does not read their keys.
    // A company's own name written with its suffix ("EMQ Corp") is one too: what its acronym
    // resolves to is not.
    let form_whole: Vec<bool> = form_short.iter().map(|short| !short).collect();
    for i in 0..mentions.len() {
        let (own, f) = (mention_node[i], form[i]);
        let story = mentions.story(i);
        let mut stay_local = |local_from: &mut Vec<(NodeId, u32, i32)>| {
            let next = base + local_from.len() as NodeId;
            *local.entry((story, own)).or_insert_with(|| {
                local_from.push((own, story, mentions.day(i)));
                next
            })
        };
        if let Some(p) = form_piece[f as usize].as_ref().filter(|_| !mentions.has_country_code(i)) {
            let to = *in_story.entry((story, f)).or_insert_with(|| {
                // The name under the piece's own label where the corpus has it ("Banque
                // Indosuez" a PERSON elsewhere too): one label's mentions stay together.
                let n = p.container(&context, story, own, &node_keys, &node_mixed)?;
                let key = node_keys[n as usize].1;
                Some(node_of.get(&(firsts[f as usize].label, key)).copied().unwrap_or(n))
            });
            match to {
                Some(n) => {
                    final_node.push(n);
                    continue;
                }
                None if p.generic
                    || *rival.entry((story, f)).or_insert_with(|| {
                        // a company the corpus writes with a legal suffix ("Nynex Corp") is
                        // named by the word, whatever units of it the story names
                        !suffixed.contains(&own) && p.rivals(&context, story, own, &node_keys)
                    }) =>
                {
                    final_node.push(stay_local(&mut local_from));
                    continue;
                }
                None => {}
            }
        }
        if form_whole[f as usize] {
            final_node.push(own);
            continue;
        }
        let k = &form_keyed[f as usize];
        let year = year_of(mentions.day(i));
        if form_own_acronym[f as usize] && suffixed_in.contains(&(story, own)) {
            final_node.push(own);
            continue;
        }
        let to = *resolved.entry((year, f)).or_insert_with(|| {
            let q = (year, form_query[f as usize]);
            let n = target.get(&q).copied().flatten()?;
            let n = onward.get(&(year, n)).copied().filter(|&f| f != own).unwrap_or(n);
            if form_own_acronym[f as usize]
                && (context.node_stories(n).len() as u64) < DOMINANCE * suffixed_stories.get(&own).copied().unwrap_or(0)
            {
                return None;
            }
            // A one-word company name in many more stories than the longer name it starts
            // ("Arco" and "Arco Seed Co") is a company known by that name, not a short form
            // of its unit or namesake.
            if k.short == Short::Company && context.node_stories(own).len() >= 2 * context.node_stories(n).len().max(1)
            {
                return None;
            }
            // What stories define an acronym as ("FCOJ") is enough; a surname that
            // other stories resolve to a person needs this story's support.
            let shape_only =
                !(by_evidence.contains(&q) && acronym_shaped(&k.surface) && spells(&k.key, node_keys[n as usize].1));
            // An acronym whose letters are not the name's initials ("CPB" of "Centraal
            // Planbureau", a Reuters ticker "<CPB>" of Campbell Soup) needs it too.
            let loose = k.short == Short::Acronym && !spells(&k.key, node_keys[n as usize].1);
            // Initials and a surname in a headline's capitals are as often a company named
            // after its founder ("J.P. STEVENS AND CO") as the person ("John Paul Stevens").
            let capitals = k.short == Short::Initialed && !firsts[f as usize].text.chars().any(char::is_lowercase);
            // A full name in fewer stories than the short form needs ("Maloney" and a "Shaun
            // Maloney" of one story) holds with the story's support.
            let thin = weak.contains(&q);
            // An acronym that another story defines ("National Executive Committee (NEC)")
            // names that only where its story has something to do with the long form's: one
            // name in common (one acronym stands for different things: "NEC" the company in a
            // story about computers), unless the long form is prominent.
            let defined_elsewhere = k.short == Short::Acronym && by_evidence.contains(&q);
            let support = k.short == Short::Surname && k.title.is_empty() && shape_only || loose || capitals || thin;
            let needs_names = by_initials.contains(&q);
            Some(Resolution { node: n, needs_support: support, needs_a_name: defined_elsewhere, needs_names })
        });
        let n = match to {
            Some(Resolution { node: n, needs_support, needs_a_name, needs_names })
                if (!needs_support || context.shares(story, own, n, &node_keys))
                    && (!needs_a_name || context.shares_any(story, own, n, &node_keys))
                    && (!needs_names || context.shares_names(story, own, n, &node_keys)) =>
            {
                n
            }
            None if ambiguous.contains(&(year, form_query[f as usize])) => {
                let q = (year, form_query[f as usize]);
                let chosen = match contenders.get(&q) {
                    Some(c) => {
                        *chosen_in_story.entry((story, f, year)).or_insert_with(|| {
                            context.named_in(story, own, c).or_else(|| {
                                // a company known by the word (its stories twice the
                                // candidate's: "Liverpool", the "Liverpool Echo") is not
                                // picked for shared names alone, as in the corpus-wide pick
                                let known = |n: NodeId| {
                                    k.short == Short::Company
                                        && context.node_stories(own).len() >= 2 * context.node_stories(n).len()
                                };
                                context.only_supported(story, own, &c.cands).filter(|&n| c.looks && !known(n))
                            })
                        })
                    }
                    None => None,
                };
                chosen.unwrap_or_else(|| stay_local(&mut local_from))
            }
            // no name of its own label to join: one of another label, with its stories' support
            None => across
                .entry((year, f))
                .or_insert_with(|| {
                    let (label, k) = (firsts[f as usize].label, &form_keyed[f as usize]);
                    let l = (label, k.key.as_str(), k.query());
                    across_labels(l, own, year, &node_of, &windows, &context, &node_keys)
                })
                .unwrap_or(own),
            _ => own,
        };
        final_node.push(n);
    }
    let mut per_form = vec![0u64; firsts.len()];
    for &f in &form {
        per_form[f as usize] += 1;
    }
    let mut surfaces: FxHashMap<(NodeId, &str), u64> = FxHashMap::with_capacity_and_hasher(firsts.len(), FxBuildHasher);
    for (((m, k), &own), &n) in firsts.iter().zip(&form_keyed).zip(&form_node).zip(&per_form) {
        if let Some((name, _)) = &k.fixed {
            if !name.is_empty() && m.kb_id.is_empty() {
                *surfaces.entry((own, name.as_str())).or_default() += n;
                continue;
            }
        }
        *surfaces.entry((own, k.surface.as_str())).or_default() += n;
    }
    let mut best: FxHashMap<NodeId, (bool, u64, &str)> =
        FxHashMap::with_capacity_and_hasher(node_keys.len(), FxBuildHasher);
    for (&(node, s), &n) in &surfaces {
        let rank = (!capitals(s), n, s);
        best.entry(node)
            .and_modify(|b| {
                if (rank.0, rank.1) > (b.0, b.1) || (rank.0, rank.1) == (b.0, b.1) && rank.2 < b.2 {
                    *b = rank;
                }
            })
            .or_insert(rank);
    }

    // Entities: the distinct final nodes, numbered in id order.
    let n_nodes = node_keys.len() + local_from.len();
    let mut is_used = vec![false; n_nodes];
    for &n in &final_node {
        is_used[n as usize] = true;
    }
    let mut used: Vec<NodeId> = (0..n_nodes as NodeId).filter(|&n| is_used[n as usize]).collect();
    let form_fixed: Vec<Option<&str>> = firsts
        .iter()
        .zip(&form_keyed)
        .map(|(m, k)| match &k.fixed {
            Some((_, c)) if m.kb_id.is_empty() => Some(c.as_str()),
            _ => None,
        })
        .collect();
    // In mention order, as a node's last fixed mention gives its code.
    let fixed_code: FxHashMap<NodeId, &str> =
        form.iter().zip(&mention_node).filter_map(|(&f, &n)| form_fixed[f as usize].map(|c| (n, c))).collect();
    let mut rows: Vec<(String, String, String, NodeId)> = used
        .drain(..)
        .map(|n| {
            // A node kept to its story: its id tells it by the names of that story.
            let (from, story) = match n.checked_sub(base) {
                Some(j) => {
                    let (from, story, day) = local_from[j as usize];
                    (from, Some((story, day)))
                }
                None => (n, None),
            };
            let (label, key) = node_keys[from as usize];
            let code = fixed_code.get(&n).map(|c| c.to_string()).unwrap_or_default();
            let id = if label == "USER" {
                key.to_string()
            } else if let Some((s, day)) = story {
                entity_id(label, key, &format!("story {day} {:016x}", context.signature(s, &node_keys)))
            } else {
                let disamb = fixed_code.get(&n).copied().unwrap_or("");
                entity_id(label, key, disamb)
            };
            let name = best.get(&from).map(|b| b.2.to_string()).unwrap_or_else(|| key.to_string());
            (id, name, code, n)
        })
        .collect();
    rows.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let mut code_of = vec![0u32; n_nodes];
    let mut out = Linked::default();
    for (i, (id, name, code, n)) in rows.into_iter().enumerate() {
        code_of[n as usize] = i as u32;
        out.ids.push(id);
        out.names.push(name);
        out.codes.push(code);
    }
    out.entity = final_node.iter().map(|&n| code_of[n as usize]).collect();
    out
}

#[cfg(test)]
mod tests;
