//! Word knowledge the tagger uses as features: gazetteer phrases (data/ner/lexicon.tsv) and word
//! clusters learned from unlabelled news text (models/clusters.tsv, see `bin/cluster-words.rs`).

use crate::util::hash::{hash_str, FxMap};

pub const LEXICON_TSV: &str = include_str!("../../data/ner/lexicon.tsv");
pub const CLUSTERS_TSV: &str = include_str!("../../models/clusters.tsv");

/// Gazetteer categories, one bit each.
pub const CATEGORIES: [&str; 12] = [
    "country",
    "city",
    "region",
    "continent",
    "demonym",
    "firstname",
    "lastname",
    "title",
    "orgword",
    "eventword",
    "locword",
    "temporal",
];

pub fn category_bit(name: &str) -> Option<u16> {
    CATEGORIES.iter().position(|c| *c == name).map(|i| 1u16 << i)
}

/// A word's cluster: a path in a binary tree, `len` bits, most significant first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClusterPath {
    pub bits: u32,
    pub len: u8,
}

impl ClusterPath {
    /// The first `n` bits (all of them when the path is shorter), as a hashable value.
    pub fn prefix(self, n: u8) -> u64 {
        let n = n.min(self.len);
        let v = if n == 0 { 0 } else { self.bits >> (self.len - n) };
        ((n as u64) << 32) | v as u64
    }
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// Lower-cased phrase (tokens joined by one space) -> category bits.
    phrases: FxMap<u64, u16>,
    /// Lower-cased first token of a multi-token phrase -> its longest phrase, in tokens.
    starts: FxMap<u64, u8>,
    /// Word as written -> cluster path.
    clusters: FxMap<u64, ClusterPath>,
    /// Fingerprint of the lexicon and cluster text; a model records the one it was trained with.
    pub fingerprint: u64,
}

impl Lexicon {
    /// The lexicon compiled into the library.
    pub fn builtin() -> Lexicon {
        Lexicon::from_text(LEXICON_TSV, CLUSTERS_TSV)
    }

    /// Builds a lexicon from `phrase<TAB>category` and `word<TAB>bits` texts.
    pub fn from_text(lexicon: &str, clusters: &str) -> Lexicon {
        let mut lex =
            Lexicon { fingerprint: entries_hash(lexicon) ^ hash_str(clusters).rotate_left(17), ..Default::default() };
        for line in lexicon.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((phrase, cat)) = line.split_once('\t') else { continue };
            let Some(bit) = category_bit(cat.trim()) else { continue };
            *lex.phrases.entry(hash_str(phrase)).or_insert(0) |= bit;
            let n = phrase.split(' ').count();
            if n > 1 {
                let first = phrase.split(' ').next().unwrap();
                let e = lex.starts.entry(hash_str(first)).or_insert(1);
                *e = (*e).max(n.min(8) as u8);
            }
        }
        for line in clusters.lines() {
            let Some((word, bits)) = line.split_once('\t') else { continue };
            let bits = bits.trim();
            if bits.is_empty() || bits.len() > 32 || !bits.bytes().all(|b| b == b'0' || b == b'1') {
                continue;
            }
            let v = u32::from_str_radix(bits, 2).unwrap_or(0);
            lex.clusters.insert(hash_str(word), ClusterPath { bits: v, len: bits.len() as u8 });
        }
        lex
    }

    pub fn phrase_categories(&self, lower_phrase_hash: u64) -> u16 {
        self.phrases.get(&lower_phrase_hash).copied().unwrap_or(0)
    }
    pub fn longest_phrase_from(&self, lower_first_hash: u64) -> u8 {
        self.starts.get(&lower_first_hash).copied().unwrap_or(1)
    }
    pub fn cluster(&self, word_hash: u64) -> Option<ClusterPath> {
        self.clusters.get(&word_hash).copied()
    }
    pub fn cluster_count(&self) -> usize {
        self.clusters.len()
    }
}

/// Hash of a lexicon text's entries: its `#` comment lines can change without retraining a model.
/// (Cluster files have no comments: a line there may start with the word "#".)
fn entries_hash(lexicon: &str) -> u64 {
    lexicon
        .lines()
        .filter(|l| !l.starts_with('#'))
        .fold(hash_str(""), |h, l| (h.rotate_left(23) ^ hash_str(l)).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn phrases_and_clusters() {
        let lex = Lexicon::from_text("# c\nsouth korea\tcountry\nseoul\tcity\nbogus\tnope\n", "Seoul\t0110\nx\t2\n");
        assert_eq!(lex.phrase_categories(hash_str("south korea")), category_bit("country").unwrap());
        assert_eq!(lex.longest_phrase_from(hash_str("south")), 2);
        assert_eq!(lex.phrase_categories(hash_str("bogus")), 0);
        let c = lex.cluster(hash_str("Seoul")).unwrap();
        assert_eq!((c.bits, c.len), (0b0110, 4));
        assert_eq!(c.prefix(2), (2u64 << 32) | 0b01);
        assert_eq!(c.prefix(10), c.prefix(4));
        assert!(lex.cluster(hash_str("x")).is_none());
    }

    #[test]
    fn fingerprint_ignores_lexicon_comments() {
        let a = Lexicon::from_text("# built by one tool\nseoul\tcity\n", "Seoul\t0110\n");
        let b = Lexicon::from_text("# built by another\nseoul\tcity\n", "Seoul\t0110\n");
        assert_eq!(a.fingerprint, b.fingerprint);
        assert_ne!(a.fingerprint, Lexicon::from_text("seoul\tregion\n", "Seoul\t0110\n").fingerprint);
        assert_ne!(a.fingerprint, Lexicon::from_text("seoul\tcity\n", "#\t0110\nSeoul\t0110\n").fingerprint);
    }
}
