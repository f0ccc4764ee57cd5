//! Feature extraction for the entity tagger. Every feature is a 64-bit hash of (template, value);
//! the model maps it to a row of its weight table (feature hashing), so no feature dictionary is
//! stored. Static features depend only on the text and are computed once per token; the decoder adds
//! the ones that depend on previous decisions (`dynamic`).

use super::lexicon::{ClusterPath, Lexicon, CATEGORIES};
use crate::util::hash::{hash_str, mix, FxMap};

/// Feature templates. Values are part of the model format: never renumber, only add.
mod tpl {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const SSHAPE: u64 = 5;
    pub const PREFIX: u64 = 6; // + len-1 (6..=9)
    pub const SUFFIX: u64 = 10; // + len-1 (10..=13)
    pub const LOWER_M1: u64 = 14;
    pub const LOWER_P1: u64 = 15;
    pub const LOWER_M2: u64 = 16;
    pub const LOWER_P2: u64 = 17;
    pub const SSHAPE_M1: u64 = 18;
    pub const SSHAPE_P1: u64 = 19;
    pub const SSHAPE_TRI: u64 = 20;
    pub const BIGRAM_M1: u64 = 21;
    pub const BIGRAM_P1: u64 = 22;
    pub const FIRST_SHAPE: u64 = 23;
    pub const CAPS_LOWER: u64 = 24;
    pub const CLUSTER: u64 = 25; // + prefix index (25..=28)
    pub const CLUSTER_M1: u64 = 29; // + 0/1
    pub const CLUSTER_P1: u64 = 31; // + 0/1
    pub const GAZ: u64 = 33;
    pub const GAZ_M1: u64 = 34;
    pub const GAZ_P1: u64 = 35;
    pub const DOC_CASE: u64 = 36;
    pub const NO_CLUSTER: u64 = 37;
    pub const CAPS_CLUSTER: u64 = 38;
    pub const LOWER_P1_SSHAPE: u64 = 39;
    pub const HYPHEN_HEAD: u64 = 40;
    pub const AGG_LEFT: u64 = 41;
    pub const AGG_RIGHT: u64 = 42;
    pub const CLUSTER_M2: u64 = 43;
    pub const CLUSTER_P2: u64 = 44;
    pub const CLUSTER_SHAPE: u64 = 45;
    pub const TOPIC_GAZ: u64 = 46;
    pub const TOPIC_CLUSTER: u64 = 47;
    // dynamic
    pub const T1: u64 = 50;
    pub const T1T2: u64 = 51;
    pub const T1_LOWER: u64 = 52;
    pub const T1_SSHAPE: u64 = 53;
    // stage 2 (document history)
    pub const HIST_MAJ: u64 = 60;
    pub const HIST_NONO: u64 = 61;
    pub const S1_TAG: u64 = 62;
    pub const S1_NEIGH: u64 = 63;
    pub const HIST_MAJ_SHAPE: u64 = 64;
    pub const S1_TAG_LOWER: u64 = 65;
    pub const HIST_FIRST: u64 = 66;
}

const CLUSTER_PREFIXES: [u8; 4] = [4, 6, 10, 20];

/// Per-token facts the decoder and the history features need besides the static features.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokInfo {
    pub lower: u64,
    pub sshape: u64,
    /// Key for the document history: the lower-cased word when it starts with a capital letter.
    pub hist_key: Option<u64>,
    /// In an all-caps sentence (headline, dateline), where case says nothing.
    pub caps: bool,
}

/// Static features of a document, token by token.
#[derive(Debug, Default)]
pub struct DocFeatures {
    /// Token ranges of the sentences.
    pub sentences: Vec<(usize, usize)>,
    feats: Vec<u64>,
    offs: Vec<u32>,
    pub info: Vec<TokInfo>,
    /// Word ids in the `WordCache` the features were extracted with, one per token, when the
    /// word-only features were left to it (`extract_cached`); empty when every feature is listed.
    pub words: Vec<u32>,
}

impl DocFeatures {
    pub fn token_features(&self, i: usize) -> &[u64] {
        &self.feats[self.offs[i] as usize..self.offs[i + 1] as usize]
    }
    pub fn len(&self) -> usize {
        self.info.len()
    }
    pub fn is_empty(&self) -> bool {
        self.info.is_empty()
    }
}

/// Per word, for the stage-2 history: its mentions' first-stage kinds, and where its first mention
/// in running text (not a headline) is, with that mention's kind.
#[derive(Debug, Clone, Copy)]
struct Hist {
    counts: [u16; 5],
    /// Token index + 1 of the first mention in running text, 0 if none.
    first: u32,
    first_kind: u8,
}

/// Extra per-token features (stage 2), same layout as `DocFeatures`.
#[derive(Debug, Default)]
pub struct ExtraFeatures {
    feats: Vec<u64>,
    offs: Vec<u32>,
    /// `history`'s per-word counts, kept to be reused (`history_into`).
    hist: FxMap<u64, Hist>,
}

impl ExtraFeatures {
    pub fn token_features(&self, i: usize) -> &[u64] {
        &self.feats[self.offs[i] as usize..self.offs[i + 1] as usize]
    }
}

#[inline]
fn f(t: u64, v: u64) -> u64 {
    mix(t.wrapping_mul(0x2545_f491_4f6c_dd1d), v)
}

/// Word shape: X for upper, x for lower, d for digit, other chars kept; runs longer than 4 cut to 4.
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(word.len().min(16));
    let (mut last, mut run) = ('\0', 0);
    for ch in word.chars() {
        let c = if ch.is_uppercase() {
            'X'
        } else if ch.is_lowercase() {
            'x'
        } else if ch.is_ascii_digit() {
            'd'
        } else {
            ch
        };
        run = if c == last { run + 1 } else { 1 };
        last = c;
        if run <= 4 {
            out.push(c);
        }
    }
    out
}

/// Short shape: runs of one class cut to one ("Xx", "X.X.", "d-d").
pub fn short_shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in shape(word).chars() {
        if c != last {
            out.push(c);
        }
        last = c;
    }
    out
}

/// Lower-cased with digits folded to 0, so numbers share features.
fn normalised_lower(word: &str, out: &mut String) {
    out.clear();
    for ch in word.chars() {
        if ch.is_ascii_digit() {
            out.push('0');
        } else if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}
fn all_upper(w: &str) -> bool {
    w.chars().any(|c| c.is_alphabetic()) && !w.chars().any(|c| c.is_lowercase())
}
fn has_lower(w: &str) -> bool {
    w.chars().any(|c| c.is_lowercase())
}

/// A sentence is "all caps" (headlines, datelines) when it has letters but no lower-case letter.
#[cfg(test)]
fn caps_sentence(toks: &[&str]) -> bool {
    let mut any = false;
    for t in toks {
        if has_lower(t) {
            return false;
        }
        any |= t.chars().any(|c| c.is_alphabetic());
    }
    any
}

const DOC_NONE: u64 = 0;
const DOC_LOWER: u64 = 1;
const DOC_TITLE: u64 = 2;
const DOC_BOTH: u64 = 3;

/// Word ids of the two pseudo-words beyond a sentence's ends.
pub const BOS: u32 = 0;
pub const EOS: u32 = 1;

/// What the tagger knows about a word by itself, computed once per distinct word.
#[derive(Debug, Clone)]
struct WordFacts {
    text: Box<str>,
    lower: u64,
    lower_raw: u64,
    sshape: u64,
    cluster: Option<ClusterPath>,
    initcap: bool,
    alpha_start: bool,
    has_lower: bool,
    has_alpha: bool,
    /// Lower-cased as written (gazetteer phrases are looked up by it).
    lower_str: Box<str>,
    /// Its own features (`OWN`), a range of `WordCache::own`.
    own: (u32, u32),
}

/// The roles in which a word's features depend on that word alone: itself, and as the previous or
/// the next token of another, or the one two before or after it. Their scores are summed once per
/// word and weight table and reused.
pub const OWN: usize = 0;
pub const AS_PREV: usize = 1;
pub const AS_NEXT: usize = 2;
pub const AS_PREV2: usize = 3;
pub const AS_NEXT2: usize = 4;
pub const ROLES: usize = 5;

/// A word's own lower-case form and cluster two tokens before (`AS_PREV2`) or after another.
fn far_lower(x: &WordFacts, role: usize) -> u64 {
    f(if role == AS_PREV2 { tpl::LOWER_M2 } else { tpl::LOWER_P2 }, x.lower)
}
fn far_cluster(x: &WordFacts, role: usize) -> Option<u64> {
    let tp = if role == AS_PREV2 { tpl::CLUSTER_M2 } else { tpl::CLUSTER_P2 };
    x.cluster.map(|c| f(tp, c.prefix(6)))
}

/// Distinct words seen by one thread's tagger, their facts and features. Word ids index `facts`;
/// ids 0 and 1 are the sentence boundaries. Emptied when it holds `CAPACITY` words (news vocabulary
/// is Zipfian, so the hot words come back within a few stories); `epoch` tells the tagger's
/// per-word scores when the ids were reused.
pub struct WordCache {
    fingerprint: u64,
    ids: FxMap<u64, u32>,
    facts: Vec<WordFacts>,
    own: Vec<u64>,
    epoch: u64,
    buf: String,
    scratch: Scratch,
}

/// `build`'s document-level buffers, reused from one document to the next.
#[derive(Default)]
struct Scratch {
    /// Word ids of the document's tokens, and each sentence's range of them.
    ids: Vec<u32>,
    bounds: Vec<(usize, usize)>,
    case_counts: FxMap<u64, [u16; 2]>,
    /// Gazetteer bits of each token.
    gaz: Vec<u64>,
    buf: String,
    /// Capitalised mentions (word, left word, right word, token), sorted by word, and each word's run.
    mentions: Vec<(u64, u64, u64, usize)>,
    runs: FxMap<u64, (u32, u32)>,
}

impl WordCache {
    pub const CAPACITY: usize = 1 << 14;

    pub fn new(lex: &Lexicon) -> WordCache {
        let mut c = WordCache {
            fingerprint: lex.fingerprint,
            ids: FxMap::default(),
            facts: Vec::new(),
            own: Vec::new(),
            epoch: 0,
            buf: String::new(),
            scratch: Scratch::default(),
        };
        c.clear();
        c
    }

    fn clear(&mut self) {
        self.ids.clear();
        self.own.clear();
        self.facts.clear();
        self.epoch += 1;
        for mark in ["<S>", "</S>"] {
            let h = hash_str(mark);
            self.facts.push(WordFacts {
                text: "".into(),
                lower: h,
                lower_raw: h,
                sshape: h,
                cluster: None,
                initcap: false,
                alpha_start: false,
                has_lower: false,
                has_alpha: false,
                lower_str: "".into(),
                own: (0, 0),
            });
        }
    }

    /// Makes the cache fit for `lex` and bounded; call between documents, never inside one.
    pub fn prepare(&mut self, lex: &Lexicon) {
        if self.fingerprint != lex.fingerprint || self.facts.len() >= Self::CAPACITY {
            self.fingerprint = lex.fingerprint;
            self.clear();
        }
    }

    /// Number of word ids given out since the last emptying.
    pub fn len(&self) -> usize {
        self.facts.len()
    }
    /// Changes whenever the cache is emptied (word ids are then given out again).
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    fn id(&mut self, lex: &Lexicon, w: &str) -> u32 {
        let h = hash_str(w);
        if let Some(&id) = self.ids.get(&h) {
            if &*self.facts[id as usize].text == w {
                return id;
            }
        }
        let id = self.facts.len() as u32;
        let facts = self.compute(lex, w, h);
        self.facts.push(facts);
        // a 64-bit hash collision keeps the first word in the map; the second still gets its facts
        self.ids.entry(h).or_insert(id);
        id
    }

    fn compute(&mut self, lex: &Lexicon, w: &str, word: u64) -> WordFacts {
        normalised_lower(w, &mut self.buf);
        let lower = hash_str(&self.buf);
        let lr = w.to_lowercase();
        let lower_raw = hash_str(&lr);
        let sshape = hash_str(&short_shape(w));
        let cluster = lex
            .cluster(word)
            .or_else(|| {
                if all_upper(w) {
                    let mut tc = String::with_capacity(w.len());
                    let mut chars = lr.chars();
                    if let Some(c) = chars.next() {
                        tc.extend(c.to_uppercase());
                        tc.push_str(chars.as_str());
                    }
                    lex.cluster(hash_str(&tc))
                } else {
                    None
                }
            })
            .or_else(|| lex.cluster(lower_raw));
        let start = self.own.len() as u32;
        let fs = &mut self.own;
        fs.push(f(tpl::BIAS, 0));
        fs.push(f(tpl::WORD, word));
        fs.push(f(tpl::LOWER, lower));
        fs.push(f(tpl::SHAPE, hash_str(&shape(w))));
        fs.push(f(tpl::SSHAPE, sshape));
        let nchars = lr.chars().count();
        if nchars > 1 {
            for (k, (b, _)) in lr.char_indices().skip(1).take(4).enumerate() {
                fs.push(f(tpl::PREFIX + k as u64, hash_str(&lr[..b])));
            }
            if nchars <= 4 {
                fs.push(f(tpl::PREFIX + nchars as u64 - 1, lower_raw));
            }
            for k in 1..=4usize.min(nchars) {
                let b = lr.char_indices().rev().nth(k - 1).map(|(b, _)| b).unwrap_or(0);
                fs.push(f(tpl::SUFFIX + k as u64 - 1, hash_str(&lr[b..])));
            }
        }
        match cluster {
            Some(c) => {
                for (k, &p) in CLUSTER_PREFIXES.iter().enumerate() {
                    fs.push(f(tpl::CLUSTER + k as u64, c.prefix(p)));
                }
                fs.push(f(tpl::CLUSTER_SHAPE, mix(c.prefix(10), sshape)));
            }
            None => fs.push(f(tpl::NO_CLUSTER, sshape)),
        }
        if let Some((head, _)) = w.split_once('-') {
            if !head.is_empty() && head.len() < w.len() - 1 {
                fs.push(f(tpl::HYPHEN_HEAD, hash_str(&head.to_lowercase())));
            }
        }
        WordFacts {
            text: w.into(),
            lower,
            lower_raw,
            sshape,
            cluster,
            initcap: starts_upper(w),
            alpha_start: w.chars().next().is_some_and(|c| c.is_alphabetic()),
            has_lower: has_lower(w),
            has_alpha: w.chars().any(|c| c.is_alphabetic()),
            lower_str: lr.into(),
            own: (start, self.own.len() as u32),
        }
    }

    /// The features word `id` contributes in `role`.
    pub fn role_features(&self, id: u32, role: usize, out: &mut Vec<u64>) {
        let x = &self.facts[id as usize];
        match role {
            OWN => out.extend_from_slice(&self.own[x.own.0 as usize..x.own.1 as usize]),
            AS_PREV2 | AS_NEXT2 => {
                out.push(far_lower(x, role));
                out.extend(far_cluster(x, role));
            }
            _ => {
                // a neighbour's word, shape and clusters, under the templates of its side
                let (lower, sshape, cluster) = if role == AS_PREV {
                    (tpl::LOWER_M1, tpl::SSHAPE_M1, tpl::CLUSTER_M1)
                } else {
                    (tpl::LOWER_P1, tpl::SSHAPE_P1, tpl::CLUSTER_P1)
                };
                out.push(f(lower, x.lower));
                out.push(f(sshape, x.sshape));
                if let Some(c) = x.cluster {
                    out.push(f(cluster, c.prefix(4)));
                    out.push(f(cluster + 1, c.prefix(10)));
                }
            }
        }
    }
}

/// Computes the static features of a document given as sentences of tokens, every feature of
/// every token listed (training, evaluation).
pub fn extract<S: AsRef<str>>(lex: &Lexicon, doc: &[Vec<S>]) -> DocFeatures {
    let mut cache = WordCache::new(lex);
    let mut out = DocFeatures::default();
    build(lex, doc, &mut cache, true, &mut out);
    out
}

/// The same features, with each token's word-only ones (`OWN`, `AS_PREV`, ... roles) left
/// to `cache` (`DocFeatures::words`): the tagger sums those once per word instead of per token.
/// Written into `out`, whose buffers are reused (the tagger keeps one per thread).
pub fn extract_cached<S: AsRef<str>>(lex: &Lexicon, doc: &[Vec<S>], cache: &mut WordCache, out: &mut DocFeatures) {
    cache.prepare(lex);
    build(lex, doc, cache, false, out);
}

fn build<S: AsRef<str>>(lex: &Lexicon, doc: &[Vec<S>], cache: &mut WordCache, expand: bool, out: &mut DocFeatures) {
    out.sentences.clear();
    out.feats.clear();
    out.offs.clear();
    out.info.clear();
    out.words.clear();
    // Document-level buffers, kept in the cache between documents (no allocation per story).
    let mut sc = std::mem::take(&mut cache.scratch);
    sc.ids.clear();
    sc.bounds.clear();
    for sent in doc {
        let start = sc.ids.len();
        for t in sent {
            let id = cache.id(lex, t.as_ref());
            sc.ids.push(id);
        }
        sc.bounds.push((start, sc.ids.len()));
    }
    let ids: Vec<&[u32]> = sc.bounds.iter().map(|&(a, b)| &sc.ids[a..b]).collect();
    let facts = &cache.facts;
    // A sentence is "all caps" (headlines, datelines) when it has letters but no lower-case letter.
    let caps: Vec<bool> = ids
        .iter()
        .map(|s| !s.iter().any(|&i| facts[i as usize].has_lower) && s.iter().any(|&i| facts[i as usize].has_alpha))
        .collect();
    // How each word is written where case carries information (not sentence-initial, not in an
    // all-caps line): tells "BUSH" in a headline from "CUT" by how the story writes them elsewhere.
    let case_counts = &mut sc.case_counts;
    case_counts.clear();
    for (s, sent) in ids.iter().enumerate() {
        if caps[s] {
            continue;
        }
        for &t in sent.iter().skip(1) {
            let t = &facts[t as usize];
            if !t.alpha_start {
                continue;
            }
            let e = case_counts.entry(t.lower_raw).or_insert([0, 0]);
            if t.initcap {
                e[1] = e[1].saturating_add(1);
            } else {
                e[0] = e[0].saturating_add(1);
            }
        }
    }

    // Gazetteer: the longest phrase starting at each capitalised token.
    let buf = &mut sc.buf;
    sc.gaz.clear();
    sc.gaz.resize(sc.ids.len(), 0);
    for (sent, &(a, b)) in ids.iter().zip(&sc.bounds) {
        let gaz = &mut sc.gaz[a..b];
        {
            let n = sent.len();
            let mut i = 0;
            while i < n {
                let mut next = i + 1;
                let first = &facts[sent[i] as usize];
                if !first.initcap {
                    i = next;
                    continue;
                }
                let longest = (lex.longest_phrase_from(first.lower_raw) as usize).min(n - i);
                for len in (1..=longest).rev() {
                    let h = if len == 1 {
                        first.lower_raw
                    } else {
                        buf.clear();
                        for (k, &w) in sent[i..i + len].iter().enumerate() {
                            if k > 0 {
                                buf.push(' ');
                            }
                            buf.push_str(&facts[w as usize].lower_str);
                        }
                        hash_str(buf)
                    };
                    let cats = lex.phrase_categories(h);
                    if cats == 0 {
                        continue;
                    }
                    for c in 0..CATEGORIES.len() {
                        if cats & (1 << c) == 0 {
                            continue;
                        }
                        for (k, g) in gaz[i..i + len].iter_mut().enumerate() {
                            let pos = if len == 1 {
                                3
                            } else if k == 0 {
                                0
                            } else if k == len - 1 {
                                2
                            } else {
                                1
                            };
                            *g |= 1u64 << (c * 4 + pos);
                        }
                    }
                    // Words inside a longer phrase do not start their own ("Korea" in "South Korea").
                    next = i + len;
                    break;
                }
                i = next;
            }
        }
    }
    let gaz: Vec<&[u64]> = sc.bounds.iter().map(|&(a, b)| &sc.gaz[a..b]).collect();

    // Context aggregation (Ratinov & Roth): the words around the other mentions of a capitalised
    // word in the story ("tyre maker Pirelli" helps a bare "Pirelli" elsewhere). Kept as one list
    // sorted by word (stably: each word's mentions stay in text order) and a map to each word's run.
    let boundary = facts[BOS as usize].lower;
    let boundary_end = facts[EOS as usize].lower;
    let mentions = &mut sc.mentions;
    mentions.clear();
    let mut flat = 0usize;
    for sent in &ids {
        for (i, &t) in sent.iter().enumerate() {
            let t = &facts[t as usize];
            if t.initcap {
                let l = if i > 0 { facts[sent[i - 1] as usize].lower } else { boundary };
                let r = sent.get(i + 1).map_or(boundary_end, |&x| facts[x as usize].lower);
                mentions.push((t.lower_raw, l, r, flat));
            }
            flat += 1;
        }
    }
    mentions.sort_by_key(|m| m.0);
    let runs = &mut sc.runs;
    runs.clear();
    let mut k = 0;
    while k < mentions.len() {
        let key = mentions[k].0;
        let start = k;
        while k < mentions.len() && mentions[k].0 == key {
            k += 1;
        }
        runs.insert(key, (start as u32, k as u32));
    }
    let contexts = |key: &u64| runs.get(key).map(|&(a, b)| &mentions[a as usize..b as usize]);

    // The story's first word: a wire headline opens with its desk ("SOCCER -", "CRICKET -"), and a
    // city is a team in a results story ("Seattle 5 Texas 3"), a place elsewhere.
    let topic = ids.iter().find_map(|s| s.first()).map_or(boundary, |&w| facts[w as usize].lower);

    for (s, sent) in ids.iter().enumerate() {
        let start = out.info.len();
        let n = sent.len();
        let is_caps = caps[s];
        let at = |j: usize| -> &WordFacts { &facts[sent[j] as usize] };
        for i in 0..n {
            out.offs.push(out.feats.len() as u32);
            let t = at(i);
            let here = out.info.len();
            let m1 = if i > 0 { sent[i - 1] } else { BOS };
            let p1 = if i + 1 < n { sent[i + 1] } else { EOS };
            // beyond the sentence, the boundary words (no cluster)
            let (m2, p2) = (
                &facts[if i > 1 { sent[i - 2] } else { BOS } as usize],
                &facts[if i + 2 < n { sent[i + 2] } else { EOS } as usize],
            );
            if expand {
                cache.role_features(sent[i], OWN, &mut out.feats);
                cache.role_features(m1, AS_PREV, &mut out.feats);
                cache.role_features(p1, AS_NEXT, &mut out.feats);
            } else {
                out.words.push(sent[i]);
            }
            let fs = &mut out.feats;
            let (lm1, sm1) = (facts[m1 as usize].lower, facts[m1 as usize].sshape);
            let (lp1, sp1) = (facts[p1 as usize].lower, facts[p1 as usize].sshape);
            // the `AS_PREV2` and `AS_NEXT2` roles, listed in their place when every feature is listed
            if expand {
                fs.push(far_lower(m2, AS_PREV2));
                fs.push(far_lower(p2, AS_NEXT2));
            }
            fs.push(f(tpl::SSHAPE_TRI, mix(mix(sm1, t.sshape), sp1)));
            fs.push(f(tpl::BIGRAM_M1, mix(lm1, t.lower)));
            fs.push(f(tpl::BIGRAM_P1, mix(t.lower, lp1)));
            fs.push(f(tpl::LOWER_P1_SSHAPE, mix(lp1, t.sshape)));
            if i == 0 {
                fs.push(f(tpl::FIRST_SHAPE, t.sshape));
            }
            if is_caps {
                fs.push(f(tpl::CAPS_LOWER, t.lower));
                if let Some(c) = t.cluster {
                    fs.push(f(tpl::CAPS_CLUSTER, c.prefix(10)));
                }
            }
            let mut g = gaz[s][i];
            let mut cats = 0u64;
            while g != 0 {
                let b = g.trailing_zeros() as u64;
                fs.push(f(tpl::GAZ, b));
                cats |= 1 << (b / 4);
                g &= g - 1;
            }
            if t.initcap {
                if cats != 0 {
                    fs.push(f(tpl::TOPIC_GAZ, mix(topic, cats)));
                }
                if let Some(c) = t.cluster {
                    fs.push(f(tpl::TOPIC_CLUSTER, mix(topic, c.prefix(4))));
                }
            }
            for (tp, j) in [(tpl::GAZ_M1, i.wrapping_sub(1)), (tpl::GAZ_P1, i + 1)] {
                if j < n {
                    let mut g = gaz[s][j];
                    let mut cats = 0u64;
                    while g != 0 {
                        cats |= 1 << (g.trailing_zeros() / 4);
                        g &= g - 1;
                    }
                    if cats != 0 {
                        fs.push(f(tp, cats));
                    }
                }
            }
            if t.initcap || is_caps {
                let doc_case = match case_counts.get(&t.lower_raw) {
                    None => DOC_NONE,
                    Some([l, t]) if *l > 0 && *t > 0 => DOC_BOTH,
                    Some([l, _]) if *l > 0 => DOC_LOWER,
                    Some(_) => DOC_TITLE,
                };
                fs.push(f(tpl::DOC_CASE, mix(doc_case, (i == 0 || is_caps) as u64)));
                if let Some(ctx) = contexts(&t.lower_raw) {
                    let mut seen = 0;
                    // Bounded scan: a word repeated in the same context thousands of times (a
                    // megabyte story of one repeated paragraph) would otherwise cost O(n^2).
                    for &(_, l, r, at) in ctx.iter().take(64) {
                        if at == here || (l == lm1 && r == lp1) {
                            continue;
                        }
                        fs.push(f(tpl::AGG_LEFT, l));
                        fs.push(f(tpl::AGG_RIGHT, r));
                        seen += 1;
                        if seen == 6 {
                            break;
                        }
                    }
                }
            }
            if expand {
                fs.extend(far_cluster(m2, AS_PREV2));
                fs.extend(far_cluster(p2, AS_NEXT2));
            }
            out.info.push(TokInfo {
                lower: t.lower,
                sshape: t.sshape,
                hist_key: (t.alpha_start && (t.initcap || is_caps)).then_some(t.lower_raw),
                caps: is_caps,
            });
        }
        out.sentences.push((start, out.info.len()));
    }
    out.offs.push(out.feats.len() as u32);
    drop((ids, gaz));
    cache.scratch = sc;
}

/// Features that depend on the two previous tags.
#[inline(always)]
pub fn dynamic(info: &TokInfo, t1: u8, t2: u8, out: &mut [u64; 4]) {
    out[0] = f(tpl::T1, t1 as u64);
    out[1] = f(tpl::T1T2, (t1 as u64) << 8 | t2 as u64);
    out[2] = f(tpl::T1_LOWER, mix(t1 as u64, info.lower));
    out[3] = f(tpl::T1_SSHAPE, mix(t1 as u64, info.sshape));
}

/// Stage-2 features: how the first stage labelled the same word elsewhere in the document
/// (Ratinov & Roth's extended prediction history) and its own first-stage decisions around the token.
/// `kinds[i]` is the entity type index (0..4) of token i's first-stage tag, or 4 for O.
pub fn history(doc: &DocFeatures, tags: &[u8], kinds: &[u8]) -> ExtraFeatures {
    let mut out = ExtraFeatures::default();
    history_into(doc, tags, kinds, &mut out);
    out
}

/// `history` written into `out`, whose buffers are reused.
pub fn history_into(doc: &DocFeatures, tags: &[u8], kinds: &[u8], out: &mut ExtraFeatures) {
    out.feats.clear();
    out.offs.clear();
    // Per word: its mentions' first-stage kinds, and where its first mention in running text (not
    // a headline) is, with that mention's kind: a headline's "PIRELLI" reads as the story's first
    // "Pirelli" was read. One map, one lookup per token.
    let hist = &mut out.hist;
    hist.clear();
    for (i, info) in doc.info.iter().enumerate() {
        if let Some(k) = info.hist_key {
            let h = hist.entry(k).or_insert(Hist { counts: [0; 5], first: 0, first_kind: 4 });
            let c = &mut h.counts[kinds[i] as usize];
            *c = c.saturating_add(1);
            if h.first == 0 && !info.caps {
                h.first = i as u32 + 1;
                h.first_kind = kinds[i];
            }
        }
    }
    for &(s, e) in &doc.sentences {
        for i in s..e {
            out.offs.push(out.feats.len() as u32);
            let info = &doc.info[i];
            let fs = &mut out.feats;
            fs.push(f(tpl::S1_TAG, tags[i] as u64));
            fs.push(f(tpl::S1_TAG_LOWER, mix(tags[i] as u64, info.lower)));
            let prev = if i > s { tags[i - 1] } else { 255 };
            let next = if i + 1 < e { tags[i + 1] } else { 255 };
            fs.push(f(tpl::S1_NEIGH, (prev as u64) << 8 | next as u64));
            let Some(key) = info.hist_key else { continue };
            let h = hist[&key];
            if h.first != 0 && h.first as usize != i + 1 {
                fs.push(f(tpl::HIST_FIRST, mix(h.first_kind as u64, info.caps as u64)));
            }
            let mut c = h.counts;
            c[kinds[i] as usize] -= 1;
            let total: u16 = c.iter().sum();
            if total == 0 {
                continue;
            }
            let ent: u16 = c[..4].iter().sum();
            let frac_bucket = |x: u16| -> u64 {
                if x == total {
                    3
                } else if 2 * x >= total {
                    2
                } else if x > 0 {
                    1
                } else {
                    0
                }
            };
            fs.push(f(tpl::HIST_NONO, frac_bucket(ent)));
            if ent > 0 {
                let (maj, &mc) = c[..4].iter().enumerate().max_by_key(|(_, &v)| v).unwrap();
                let v = (maj as u64) << 4 | frac_bucket(mc);
                fs.push(f(tpl::HIST_MAJ, v));
                fs.push(f(tpl::HIST_MAJ_SHAPE, mix(v, info.sshape)));
            }
        }
    }
    out.offs.push(out.feats.len() as u32);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Seoul"), "Xxxxx");
        assert_eq!(shape("Pyongyang"), "Xxxxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1996-08-22"), "dddd-dd-dd");
        assert_eq!(short_shape("Hwasong-18"), "Xx-d");
        assert_eq!(short_shape("KCNA"), "X");
        assert_eq!(short_shape("Kim"), "Xx");
    }

    #[test]
    fn caps_sentences() {
        assert!(caps_sentence(&["SEOUL", ",", "July", "27"][..1]));
        assert!(caps_sentence(&["KIM", "MEETS", "SHOIGU", "1996-08-22"]));
        assert!(!caps_sentence(&["KIM", "meets"]));
        assert!(!caps_sentence(&["1996", "."]));
    }

    fn doc(s: &[&str]) -> Vec<Vec<String>> {
        vec![s.iter().map(|x| x.to_string()).collect()]
    }

    #[test]
    fn gazetteer_marks_the_longest_phrase() {
        let lex = Lexicon::from_text("south korea\tcountry\nkorea\tcountry\nharlan\tfirstname\n", "");
        let d = extract(&lex, &doc(&["Harlan", "visited", "South", "Korea", "today"]));
        let country = CATEGORIES.iter().position(|c| *c == "country").unwrap() as u64;
        let first = CATEGORIES.iter().position(|c| *c == "firstname").unwrap() as u64;
        let has = |i: usize, bit: u64| d.token_features(i).contains(&f(tpl::GAZ, bit));
        assert!(has(0, first * 4 + 3));
        assert!(has(2, country * 4)); // B
        assert!(has(3, country * 4 + 2)); // L, not U: the longer phrase wins
        assert!(!has(3, country * 4 + 3));
        assert!(!has(1, country * 4 + 3));
        // lower-case words do not start a phrase
        let d = extract(&lex, &doc(&["harlan", "said"]));
        assert!(!d.token_features(0).contains(&f(tpl::GAZ, first * 4 + 3)));
    }

    #[test]
    fn features_are_context_sensitive_and_deterministic() {
        let lex = Lexicon::from_text("", "");
        let a = extract(&lex, &doc(&["Mr", "Harlan", "said"]));
        let b = extract(&lex, &doc(&["Mr", "Harlan", "said"]));
        let c = extract(&lex, &doc(&["Ms", "Harlan", "said"]));
        assert_eq!(a.token_features(1), b.token_features(1));
        assert_ne!(a.token_features(1), c.token_features(1));
        assert_eq!(a.sentences, vec![(0, 3)]);
        assert_eq!(a.info[1].hist_key, Some(hash_str("harlan")));
        assert_eq!(a.info[2].hist_key, None);
    }

    #[test]
    fn history_counts_other_mentions_only() {
        let lex = Lexicon::from_text("", "");
        let d = extract(&lex, &[vec!["Harlan", "won"], vec!["Harlan", "lost"]]);
        // first mention tagged PER (kind 0), second O
        let h = history(&d, &[4, 0, 0, 0], &[0, 4, 4, 4]);
        assert!(h.token_features(2).contains(&f(tpl::HIST_MAJ, 3)));
        assert!(!h.token_features(0).iter().any(|x| *x == f(tpl::HIST_MAJ, 3)));
        assert!(h.token_features(0).contains(&f(tpl::HIST_NONO, 0)));
    }

    #[test]
    fn headline_words_see_their_first_mention_in_the_text() {
        let lex = Lexicon::from_text("", "");
        let d = extract(&lex, &[vec!["PIRELLI", "UP"], vec!["Pirelli", "rose"], vec!["Pirelli", "fell"]]);
        assert!(d.info[0].caps && !d.info[2].caps);
        // the text's first "Pirelli" tagged ORG (kind 1), the headline's and the second O
        let h = history(&d, &[0, 0, 8, 0, 0, 0], &[4, 4, 1, 4, 4, 4]);
        assert!(h.token_features(0).contains(&f(tpl::HIST_FIRST, mix(1, 1))));
        assert!(h.token_features(4).contains(&f(tpl::HIST_FIRST, mix(1, 0))));
        // the first mention itself gets none
        assert!(!h.token_features(2).iter().any(|&x| x == f(tpl::HIST_FIRST, mix(1, 0))));
    }
}
