//! Second-stage features: how the first stage labelled the same word elsewhere in the document and
//! its own first-stage decisions around the token.
use super::{f, tpl, DocFeatures};
use crate::util::hash::{mix, FxMap};

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
    use crate::entities::features::document::tests::extract;
    use crate::entities::lexicon::Lexicon;

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
