//! What only training needs from the tagger: BILOU tags from gold spans, every feature of a token
//! listed, and the averaged perceptron that learns the weights.
use crate::entities::features::{self, DocFeatures, ExtraFeatures, WordCache};
use crate::entities::lexicon::Lexicon;
use crate::entities::model::{base_scores, best_tag, bucket, DenseF32, Scorer, N_TAGS, START};

/// The tag of position `pos` (0 B, 1 I, 2 L, 3 U) in an entity of type index `kind`.
pub fn tag_of(kind: usize, pos: u8) -> u8 {
    1 + 4 * kind as u8 + pos
}

/// BILOU tags of a sentence of `n` tokens from entity spans `(start, end, type index)`.
pub fn spans_to_tags(n: usize, spans: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut tags = vec![0u8; n];
    for &(s, e, k) in spans {
        if e - s == 1 {
            tags[s] = tag_of(k, 3);
        } else {
            tags[s] = tag_of(k, 0);
            for t in &mut tags[s + 1..e - 1] {
                *t = tag_of(k, 1);
            }
            tags[e - 1] = tag_of(k, 2);
        }
    }
    tags
}

/// The static features of a document given as sentences of tokens, every feature of every token
/// listed (training, evaluation).
pub fn extract<S: AsRef<str>>(lex: &Lexicon, doc: &[Vec<S>]) -> DocFeatures {
    let mut out = DocFeatures::default();
    features::document::build(lex, doc, &mut WordCache::new(lex), true, &mut out);
    out
}

/// Scores of every tag for token `i`: static (+ stage-2) features and the history features.
#[inline]
fn scores<S: Scorer>(sc: &S, base: &[f32; N_TAGS], info: &features::TokInfo, t1: u8, t2: u8) -> [f32; N_TAGS] {
    let mut acc = *base;
    let mut dyn_feats = [0u64; 4];
    features::dynamic(info, t1, t2, &mut dyn_feats);
    for &f in &dyn_feats {
        sc.add(f, &mut acc);
    }
    acc
}

/// Averaged perceptron state (Collins 2002; averaging by the lazy "w - u/c" trick).
pub struct Perceptron {
    pub bits: u8,
    w: Vec<f32>,
    u: Vec<f64>,
    c: f64,
}

impl Perceptron {
    pub fn new(bits: u8) -> Self {
        let n = (1usize << bits) * N_TAGS;
        Perceptron { bits, w: vec![0.0; n], u: vec![0.0; n], c: 1.0 }
    }

    fn update(&mut self, feat: u64, tag: u8, delta: f32) {
        let i = bucket(feat, self.bits) * N_TAGS + tag as usize;
        self.w[i] += delta;
        self.u[i] += self.c * delta as f64;
    }

    pub fn averaged(&self) -> DenseF32 {
        DenseF32 { bits: self.bits, w: self.w.iter().zip(&self.u).map(|(&w, &u)| w - (u / self.c) as f32).collect() }
    }

    /// One pass over a document with predicted history; returns the number of wrong tags.
    pub fn train_doc(&mut self, doc: &DocFeatures, extra: Option<&ExtraFeatures>, gold: &[u8]) -> usize {
        let mut errors = 0;
        let mut dyn_feats = [0u64; 4];
        for &(s, e) in &doc.sentences {
            let (mut t1, mut t2) = (START, START);
            for i in s..e {
                let w = DenseF32Ref { bits: self.bits, w: &self.w };
                let base = base_scores(&w, doc, extra, i);
                let acc = scores(&w, &base, &doc.info[i], t1, t2);
                let pred = best_tag(&acc);
                if pred != gold[i] {
                    errors += 1;
                    features::dynamic(&doc.info[i], t1, t2, &mut dyn_feats);
                    let statics = doc.token_features(i);
                    let extras = extra.map(|x| x.token_features(i)).unwrap_or(&[]);
                    for &f in statics.iter().chain(extras).chain(dyn_feats.iter()) {
                        self.update(f, gold[i], 1.0);
                        self.update(f, pred, -1.0);
                    }
                }
                self.c += 1.0;
                t2 = t1;
                t1 = pred;
            }
        }
        errors
    }
}

struct DenseF32Ref<'a> {
    bits: u8,
    w: &'a [f32],
}

impl Scorer for DenseF32Ref<'_> {
    #[inline]
    fn add(&self, feat: u64, acc: &mut [f32; N_TAGS]) {
        crate::entities::model::add_row(self.w, self.bits, feat, acc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::model::{kind_of, pos_of, tags_to_spans, TYPES};
    use crate::entities::{segments, shipped_model};

    fn tag_name(tag: u8) -> String {
        if tag == 0 {
            return "O".into();
        }
        format!("{}-{}", ["B", "I", "L", "U"][pos_of(tag) as usize], TYPES[kind_of(tag) as usize])
    }

    /// Whether `next` may follow `prev` in a valid BILOU sequence; `last` when `next` ends the sentence.
    /// (The decoder does not hold to it: see `model::best_tag`.)
    #[inline]
    fn allowed(prev: u8, next: u8, last: bool) -> bool {
        let open = prev != 0 && prev < START && pos_of(prev) <= 1;
        if open {
            // inside an entity: continue or close it, same type
            next != 0 && kind_of(next) == kind_of(prev) && (pos_of(next) == 2 || (pos_of(next) == 1 && !last))
        } else {
            next == 0 || pos_of(next) == 3 || (pos_of(next) == 0 && !last)
        }
    }

    #[test]
    fn bilou_round_trip_and_constraints() {
        let spans = vec![(0, 2, 0), (3, 4, 2), (4, 7, 1)];
        let tags = spans_to_tags(7, &spans);
        assert_eq!(tags_to_spans(&tags), spans);
        assert_eq!(tag_name(tags[0]), "B-PER");
        assert_eq!(tag_name(tags[3]), "U-LOC");
        assert_eq!(tag_name(tags[5]), "I-ORG");
        let (b_per, i_per, l_per, u_per, b_org) =
            (tag_of(0, 0), tag_of(0, 1), tag_of(0, 2), tag_of(0, 3), tag_of(1, 0));
        assert!(allowed(START, b_per, false));
        assert!(!allowed(START, b_per, true));
        assert!(!allowed(START, i_per, false));
        assert!(allowed(b_per, i_per, false));
        assert!(!allowed(b_per, i_per, true));
        assert!(allowed(b_per, l_per, true));
        assert!(!allowed(b_per, 0, false));
        assert!(!allowed(b_per, tag_of(1, 2), false));
        assert!(allowed(l_per, b_org, false));
        assert!(allowed(u_per, 0, true));
        // invalid sequences still read as spans: an open entity closes where another tag starts,
        // a stray I or L starts one
        let (i_org, l_org) = (tag_of(1, 1), tag_of(1, 2));
        assert_eq!(tags_to_spans(&[b_per, 0, b_per, u_per]), vec![(0, 1, 0), (2, 3, 0), (3, 4, 0)]);
        assert_eq!(tags_to_spans(&[b_per, i_org, l_org, i_per]), vec![(0, 1, 0), (1, 3, 1), (3, 4, 0)]);
        assert_eq!(tags_to_spans(&[0, l_per, b_per, i_per]), vec![(1, 2, 0), (2, 4, 0)]);
    }

    #[test]
    fn cached_tagging_equals_tagging_with_every_feature_listed() {
        let model = crate::entities::shipped_model().unwrap();
        let text = "MARLOW FOODS SAYS PROFIT UP\nMarlow Foods Inc said on Tuesday its profit rose .\n\
                    Chief executive Dana Whitcombe told Reuters in Chicago that Marlow would expand .\n\
                    Whitcombe said the Chicago plant and the Ontario plant would hire .";
        let doc: Vec<Vec<&str>> = text.lines().map(|l| l.split(' ').collect()).collect();
        let listed = model.tag_features(&extract(&model.lex, &doc));
        let mut listed_spans = Vec::new();
        let mut at = 0;
        for s in &doc {
            listed_spans.push(tags_to_spans(&listed[at..at + s.len()]));
            at += s.len();
        }
        // twice: the second run reads every word's scores from the cache
        assert_eq!(model.tag_document(&doc), listed_spans);
        assert_eq!(model.tag_document(&doc), listed_spans);
        assert!(listed_spans.iter().map(Vec::len).sum::<usize>() >= 5, "{listed_spans:?}");
    }

    /// The fast path makes the same decisions as decoding every listed feature (`model::decode`),
    /// story after story on one thread (so later stories read word scores cached by earlier ones).
    #[test]
    fn same_tags_as_every_feature_listed_on_the_sample_stories() {
        let m = shipped_model().unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/python/dateline/data/sample");
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        let mut names = 0;
        // twice: the second round reads every word's scores from the cache
        for path in paths.iter().chain(&paths) {
            let text = std::fs::read_to_string(path).unwrap();
            let mut art = crate::structure::parse_structure(&text, &crate::ParseOptions::default());
            crate::structure::tokenize::annotate(&mut art);
            let doc: Vec<Vec<&str>> =
                segments(&art).iter().map(|&(_, s, e)| (s..e).map(|i| art.token_text(i)).collect()).collect();
            let tags = m.tag_features(&extract(&m.lex, &doc));
            let mut at = 0;
            let listed: Vec<_> = doc
                .iter()
                .map(|s| {
                    at += s.len();
                    tags_to_spans(&tags[at - s.len()..at])
                })
                .collect();
            let fast = m.tag_document(&doc);
            assert_eq!(fast, listed, "{}", path.display());
            names += listed.iter().map(Vec::len).sum::<usize>();
        }
        assert!(names > 100, "{names} names");
    }
}
