//! Feature extraction for the entity tagger. Every feature is a 64-bit hash of (template, value);
//! the model maps it to a row of its weight table (feature hashing), so no feature dictionary is
//! stored. Static features depend only on the text and are computed once per token; the decoder adds
//! the ones that depend on previous decisions (`dynamic`).
//!
//! Here: the templates, the per-word facts and features (`WordCache`) and the features on previous
//! tags; `document` assembles a document's static features, `history` the second stage's.

pub(crate) mod document;
mod history;

use super::lexicon::{ClusterPath, Lexicon};
use crate::util::hash::{hash_str, mix, FxMap};
pub use document::extract_cached;
pub use history::{history, history_into, ExtraFeatures};

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

/// Features that depend on the two previous tags.
#[inline(always)]
pub fn dynamic(info: &TokInfo, t1: u8, t2: u8, out: &mut [u64; 4]) {
    out[0] = f(tpl::T1, t1 as u64);
    out[1] = f(tpl::T1T2, (t1 as u64) << 8 | t2 as u64);
    out[2] = f(tpl::T1_LOWER, mix(t1 as u64, info.lower));
    out[3] = f(tpl::T1_SSHAPE, mix(t1 as u64, info.sshape));
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
}
