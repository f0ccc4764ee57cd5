//! The tagger: BILOU tags over CoNLL's four types, hashed feature weights, greedy left-to-right
//! decoding that takes the best tag at each token whether or not the sequence is valid BILOU
//! (`best_tag`; `tags_to_spans` reads any sequence), and an optional second stage that sees the
//! first stage's decisions for the whole document.

use super::features::{self, DocFeatures, ExtraFeatures};
use super::lexicon::Lexicon;
use crate::error::{Error, Result};
use std::sync::OnceLock;

/// CoNLL's entity types, in tag order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// O, then B/I/L/U for each type.
pub const N_TAGS: usize = 1 + 4 * TYPES.len();
/// The "tag" before the first token.
pub const START: u8 = N_TAGS as u8;

const MAGIC: &[u8; 8] = b"DLNER01\n";

/// Entity type index of a tag, 4 for O.
pub fn kind_of(tag: u8) -> u8 {
    if tag == 0 || tag >= START {
        4
    } else {
        (tag - 1) / 4
    }
}
/// 0 B, 1 I, 2 L, 3 U (meaningless for O).
pub(crate) fn pos_of(tag: u8) -> u8 {
    (tag.wrapping_sub(1)) % 4
}

/// Entity spans `(start, end, type index)` of a BILOU tag sequence, valid or not.
pub fn tags_to_spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    // Lenient: an entity left open closes where another tag starts; a stray I or L starts one.
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let k = kind_of(t);
        let cont = t != 0 && matches!(pos_of(t), 1 | 2) && open.is_some_and(|(_, ok)| ok == k);
        if !cont {
            if let Some((s, ok)) = open.take() {
                out.push((s, i, ok as usize));
            }
        }
        if t == 0 {
            continue;
        }
        match pos_of(t) {
            0 | 1 => {
                if !cont {
                    open = Some((i, k));
                }
            }
            _ => {
                let s = if cont { open.take().unwrap().0 } else { i };
                out.push((s, i + 1, k as usize));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k as usize));
    }
    out
}

/// Anything that turns a feature into a row of per-tag scores.
pub trait Scorer {
    fn add(&self, feat: u64, acc: &mut [f32; N_TAGS]);
    /// Precomputed rows of the features that depend on the previous tags only, if kept.
    fn transitions(&self) -> Option<&Transitions> {
        None
    }
}

/// Rows of the history features that depend only on the previous one or two tags (T1, T1T2):
/// 19 + 19 x 19 rows, small enough for L1, so the sequential part of decoding reads the big table
/// only for the two features that also depend on the word.
#[derive(Debug, Clone)]
pub struct Transitions {
    t1: Vec<[f32; N_TAGS]>,
    t1t2: Vec<[f32; N_TAGS]>,
}

pub(super) const HIST: usize = START as usize + 1;

impl Transitions {
    pub fn new<S: Scorer + ?Sized>(sc: &S) -> Transitions {
        let info = features::TokInfo::default();
        let mut dyn_feats = [0u64; 4];
        let mut t1 = vec![[0f32; N_TAGS]; HIST];
        let mut t1t2 = vec![[0f32; N_TAGS]; HIST * HIST];
        for a in 0..HIST {
            for b in 0..HIST {
                features::dynamic(&info, a as u8, b as u8, &mut dyn_feats);
                sc.add(dyn_feats[1], &mut t1t2[a * HIST + b]);
            }
            sc.add(dyn_feats[0], &mut t1[a]);
        }
        Transitions { t1, t1t2 }
    }
}

#[inline]
pub(crate) fn bucket(feat: u64, bits: u8) -> usize {
    (feat >> (64 - bits as u32)) as usize
}

/// Float weights (training, and epoch selection on averaged weights).
pub struct DenseF32 {
    pub bits: u8,
    pub w: Vec<f32>,
}

impl Scorer for DenseF32 {
    #[inline]
    fn add(&self, feat: u64, acc: &mut [f32; N_TAGS]) {
        add_row(&self.w, self.bits, feat, acc);
    }
}

/// Adds the weight row of `feat`'s bucket in a dense table of `2^bits` rows to `acc`.
#[inline]
pub(crate) fn add_row(w: &[f32], bits: u8, feat: u64, acc: &mut [f32; N_TAGS]) {
    let b = bucket(feat, bits) * N_TAGS;
    let row = &w[b..b + N_TAGS];
    for k in 0..N_TAGS {
        acc[k] += row[k];
    }
}

/// Quantised weights as shipped: i16, one shared scale (a positive scale does not change argmax).
///
/// Most rows of the hashed table are zero, so only the non-zero rows are kept, found through a
/// bitmap with running popcounts (a rank index): the dense table is 2^bits x 17 x 2 bytes (18 MB
/// per stage at 19 bits) and does not stay in cache, the compact one is a third of that and its
/// index (16 bytes per 64 rows) stays in L2. Looking up a zero row costs no row access at all.
#[derive(Debug, Clone)]
pub struct Weights {
    pub bits: u8,
    index: Vec<RankWord>,
    /// Row 0 is all zeros and stands for every absent row, so a lookup never branches (a branch
    /// on a hashed bit mispredicts half the time and stalls the loads that could overlap).
    rows: Vec<Row>,
    trans: Option<Transitions>,
}

/// The weights of tags 1..17 of one feature; tag O's weight is folded into the others.
///
/// Adding one constant to every tag's score changes no decision, so each row is stored minus its
/// O weight: 16 x i16 = 32 bytes, aligned, one cache line per lookup instead of 34 bytes that
/// straddle two lines half the time.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
pub(super) struct Row(pub(super) [i16; N_TAGS - 1]);

/// 64 rows of the table: which are non-zero, and how many non-zero rows come before them.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct RankWord {
    present: u64,
    rank: u32,
}

impl Weights {
    #[inline(always)]
    fn row(&self, feat: u64) -> &Row {
        self.row_at(bucket(feat, self.bits))
    }

    /// Whether bucket `b` has a (non-zero) row.
    #[inline]
    pub(super) fn has_row(&self, b: usize) -> bool {
        self.index[b >> 6].present >> (b & 63) & 1 != 0
    }

    /// The row of bucket `b` (row 0, all zeros, when absent).
    #[inline(always)]
    pub(super) fn row_at(&self, b: usize) -> &Row {
        let word = self.index[b >> 6];
        let shift = b & 63;
        let present = ((word.present >> shift) & 1) as usize;
        let below = (word.present & ((1u64 << shift) - 1)).count_ones() as usize;
        &self.rows[(word.rank as usize + 1 + below) * present]
    }

    fn with_transitions(mut self) -> Weights {
        self.trans = Some(Transitions::new(&self));
        self
    }
}

impl Scorer for Weights {
    #[inline(always)]
    fn add(&self, feat: u64, acc: &mut [f32; N_TAGS]) {
        let row = &self.row(feat).0;
        for k in 0..N_TAGS - 1 {
            acc[k + 1] += row[k] as f32;
        }
    }
    fn transitions(&self) -> Option<&Transitions> {
        self.trans.as_ref()
    }
}

impl Weights {
    /// From a dense table of `2^bits` rows of `N_TAGS` weights. Rows are rebased on their O weight
    /// (see `Row`); should the differences overflow i16 (a table quantised without rebasing), all
    /// are halved, which keeps 15 bits of precision.
    pub fn from_dense(bits: u8, dense: &[i16]) -> Weights {
        assert_eq!(dense.len(), (1usize << bits) * N_TAGS, "dense table of the wrong size");
        let rows = dense.chunks_exact(N_TAGS).enumerate().filter(|(_, r)| r.iter().any(|&x| x != 0));
        Weights::from_rows(bits, rows.map(|(i, r)| (i, <[i16; N_TAGS]>::try_from(r).unwrap())))
    }

    /// From the non-zero rows `(row number, weights)` in increasing row order.
    fn from_rows<I: Iterator<Item = (usize, [i16; N_TAGS])> + Clone>(bits: u8, rows_in: I) -> Weights {
        let n_rows = 1usize << bits;
        let max_diff = rows_in
            .clone()
            .flat_map(|(_, r)| r.into_iter().skip(1).map(move |x| (x as i32 - r[0] as i32).abs()))
            .max()
            .unwrap_or(0);
        let shift = if max_diff > i16::MAX as i32 { 1 } else { 0 };
        let mut index = vec![RankWord::default(); n_rows.div_ceil(64)];
        let mut rows = vec![Row::default()];
        let mut next_block = 0;
        for (r, row) in rows_in {
            while next_block <= r / 64 {
                index[next_block].rank = rows.len() as u32 - 1;
                next_block += 1;
            }
            let rebased = Row(std::array::from_fn(|k| {
                let d = row[k + 1] as i32 - row[0] as i32;
                // round half away from zero, as `quantise` does
                (if shift == 0 { d } else { (d + d.signum()) / 2 }) as i16
            }));
            if rebased.0.iter().any(|&x| x != 0) {
                index[r / 64].present |= 1 << (r % 64);
                rows.push(rebased);
            }
        }
        for word in &mut index[next_block..] {
            word.rank = rows.len() as u32 - 1;
        }
        Weights { bits, index, rows, trans: None }.with_transitions()
    }

    /// The dense table back (rebased: tag O's column is zero).
    pub fn to_dense(&self) -> Vec<i16> {
        let mut w = vec![0i16; (1usize << self.bits) * N_TAGS];
        let mut next = self.rows[1..].iter();
        for r in 0..1usize << self.bits {
            if self.index[r / 64].present & (1 << (r % 64)) != 0 {
                w[r * N_TAGS + 1..(r + 1) * N_TAGS].copy_from_slice(&next.next().unwrap().0);
            }
        }
        w
    }

    /// Quantises float weights, rebased on tag O's weight first so all of i16's range is used.
    pub fn quantise(d: &DenseF32) -> Weights {
        let rebased: Vec<f32> = d.w.chunks_exact(N_TAGS).flat_map(|r| r.iter().map(move |&x| x - r[0])).collect();
        let max = rebased.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-9);
        let scale = 32767.0 / max;
        let dense: Vec<i16> = rebased.iter().map(|&x| (x * scale).round() as i16).collect();
        Weights::from_dense(d.bits, &dense)
    }

    /// Bitmap of non-zero rows followed by those rows (the file keeps the layout of the memory).
    fn write(&self, out: &mut Vec<u8>) {
        out.push(self.bits);
        let n_rows = 1usize << self.bits;
        let mut bitmap = vec![0u8; n_rows.div_ceil(8)];
        for r in 0..n_rows {
            if self.index[r / 64].present & (1 << (r % 64)) != 0 {
                bitmap[r / 8] |= 1 << (r % 8);
            }
        }
        out.extend_from_slice(&bitmap);
        out.extend_from_slice(&(((self.rows.len() - 1) * N_TAGS * 2) as u64).to_le_bytes());
        for row in &self.rows[1..] {
            out.extend_from_slice(&0i16.to_le_bytes());
            for &x in &row.0 {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
    }

    fn read(r: &mut Reader) -> Result<Weights> {
        let bits = r.u8()?;
        if !(8..=24).contains(&bits) {
            return Err(Error::Model(format!("weight table of 2^{bits} rows is out of range")));
        }
        let n_rows = 1usize << bits;
        let bitmap = r.take(n_rows.div_ceil(8))?;
        let body_len = r.u64()? as usize;
        let body = r.take(body_len)?;
        let nonzero: usize = bitmap.iter().map(|b| b.count_ones() as usize).sum();
        if nonzero * N_TAGS * 2 != body_len {
            return Err(Error::Model("weight rows do not match their bitmap".into()));
        }
        let present = (0..n_rows).filter(|&r| bitmap[r / 8] & (1 << (r % 8)) != 0);
        let rows = present
            .zip(body.chunks_exact(2 * N_TAGS))
            .map(|(r, c)| (r, std::array::from_fn(|k| i16::from_le_bytes([c[2 * k], c[2 * k + 1]]))));
        Ok(Weights::from_rows(bits, rows))
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.pos + n > self.b.len() {
            return Err(Error::Model(format!(
                "model file truncated: wanted {n} bytes at offset {}, file has {}",
                self.pos,
                self.b.len()
            )));
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
}

/// The best-scoring tag. No BILOU constraint: a greedy decoder held to valid sequences cannot take
/// back a B or I and runs on into the next words ("Fed 's stance has really" as one ORG); trained
/// and decoded free, the model learns to close its entities, and `tags_to_spans` reads any
/// sequence. Held to valid sequences, the pipeline scores about 1.3 F1 lower on CoNLL dev.
#[inline(always)]
pub(crate) fn best_tag(acc: &[f32; N_TAGS]) -> u8 {
    let mut best = 0u8;
    let mut best_score = f32::NEG_INFINITY;
    for t in 0..N_TAGS as u8 {
        if acc[t as usize] > best_score {
            best = t;
            best_score = acc[t as usize];
        }
    }
    best
}

#[inline(always)]
pub(crate) fn base_scores<S: Scorer>(
    sc: &S,
    doc: &DocFeatures,
    extra: Option<&ExtraFeatures>,
    i: usize,
) -> [f32; N_TAGS] {
    let mut acc = [0f32; N_TAGS];
    for &f in doc.token_features(i) {
        sc.add(f, &mut acc);
    }
    if let Some(x) = extra {
        for &f in x.token_features(i) {
            sc.add(f, &mut acc);
        }
    }
    acc
}

/// Greedy decoding of one document; returns a tag per token.
///
/// The static features' scores of all tokens are summed first, in one pass whose table reads do
/// not wait on any decision (the memory system overlaps them); the left-to-right pass then adds
/// only the history features.
pub fn decode<S: Scorer>(sc: &S, doc: &DocFeatures, extra: Option<&ExtraFeatures>) -> Vec<u8> {
    assert!(doc.words.is_empty(), "decode needs every feature listed (features::document::build with expand)");
    let base: Vec<[f32; N_TAGS]> = (0..doc.len()).map(|i| base_scores(sc, doc, extra, i)).collect();
    decode_from(sc, doc, &base)
}

/// The left-to-right pass over static scores `base`: adds the history features and keeps the best
/// tag at each token (`best_tag`).
#[inline(always)]
fn decode_from<S: Scorer>(sc: &S, doc: &DocFeatures, base: &[[f32; N_TAGS]]) -> Vec<u8> {
    let local;
    let trans = match sc.transitions() {
        Some(t) => t,
        None => {
            local = Transitions::new(sc);
            &local
        }
    };
    let mut tags = vec![0u8; doc.len()];
    let mut dyn_feats = [0u64; 4];
    for &(s, e) in &doc.sentences {
        let (mut t1, mut t2) = (START, START);
        for i in s..e {
            let mut acc = base[i];
            let (r1, r2) = (&trans.t1[t1 as usize], &trans.t1t2[t1 as usize * HIST + t2 as usize]);
            for k in 0..N_TAGS {
                acc[k] += r1[k] + r2[k];
            }
            features::dynamic(&doc.info[i], t1, t2, &mut dyn_feats);
            sc.add(dyn_feats[2], &mut acc);
            sc.add(dyn_feats[3], &mut acc);
            let t = best_tag(&acc);
            tags[i] = t;
            t2 = t1;
            t1 = t;
        }
    }
    tags
}

/// A trained model: the lexicon it was trained with and one or two weight tables.
pub struct Model {
    pub lex: Lexicon,
    pub stage1: Weights,
    pub stage2: Option<Weights>,
    /// Both tables merged for `tag_document`, made on first use.
    joint: OnceLock<super::fast::Joint>,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("rows", &(1usize << self.stage1.bits))
            .field("stages", &(1 + self.stage2.is_some() as u8))
            .field("clusters", &self.lex.cluster_count())
            .finish()
    }
}

/// First-stage tags of a document with the kinds the history features need.
pub fn stage1_extra<S: Scorer>(sc: &S, doc: &DocFeatures) -> ExtraFeatures {
    let tags = decode(sc, doc, None);
    let kinds: Vec<u8> = tags.iter().map(|&t| kind_of(t)).collect();
    features::history(doc, &tags, &kinds)
}

impl Model {
    pub fn new(lex: Lexicon, stage1: Weights, stage2: Option<Weights>) -> Model {
        Model { lex, stage1, stage2, joint: OnceLock::new() }
    }

    /// Makes the tables `tag_document` uses now rather than on its first call.
    pub fn prepare(&self) {
        self.joint();
    }

    pub(super) fn joint(&self) -> &super::fast::Joint {
        self.joint.get_or_init(|| super::fast::Joint::new(&self.stage1, self.stage2.as_ref()))
    }

    /// Tags a document given as sentences of tokens: spans `(start, end, type index)` per sentence.
    /// The same decisions as `tag_features` over every feature listed, with less work (`fast`).
    pub fn tag_document<S: AsRef<str>>(&self, doc: &[Vec<S>]) -> Vec<Vec<(usize, usize, usize)>> {
        super::fast::tag(self, doc)
    }

    pub fn tag_features(&self, feats: &DocFeatures) -> Vec<u8> {
        match &self.stage2 {
            None => decode(&self.stage1, feats, None),
            Some(w2) => {
                let extra = stage1_extra(&self.stage1, feats);
                decode(w2, feats, Some(&extra))
            }
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.lex.fingerprint.to_le_bytes());
        out.push(N_TAGS as u8);
        out.push(1 + self.stage2.is_some() as u8);
        self.stage1.write(&mut out);
        if let Some(w) = &self.stage2 {
            w.write(&mut out);
        }
        out
    }

    /// Reads a model file; the lexicon must be the one the model was trained with.
    pub fn from_bytes(bytes: &[u8], lex: Lexicon) -> Result<Model> {
        let mut r = Reader { b: bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(Error::Model("not a dateline NER model (bad magic bytes)".into()));
        }
        let fp = r.u64()?;
        if fp != lex.fingerprint {
            return Err(Error::Model(
                "NER model was trained with another lexicon or cluster file: retrain it (README, development)".into(),
            ));
        }
        let n_tags = r.u8()?;
        if n_tags as usize != N_TAGS {
            return Err(Error::Model(format!("model has {n_tags} tags, this build expects {N_TAGS}")));
        }
        let stages = r.u8()?;
        if !(1..=2).contains(&stages) {
            return Err(Error::Model(format!("model has {stages} stages, expected 1 or 2")));
        }
        let stage1 = Weights::read(&mut r)?;
        let stage2 = if stages == 2 { Some(Weights::read(&mut r)?) } else { None };
        if r.pos != bytes.len() {
            return Err(Error::Model(format!("{} stray bytes after the model", bytes.len() - r.pos)));
        }
        Ok(Model::new(lex, stage1, stage2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_through_bytes() {
        let lex = Lexicon::from_text("", "");
        let mut w = vec![0i16; (1 << 8) * N_TAGS];
        w[5 * N_TAGS + 3] = -7;
        w[200 * N_TAGS + 16] = 300;
        let m = Model::new(lex, Weights::from_dense(8, &w), None);
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes, Lexicon::from_text("", "")).unwrap();
        assert_eq!(back.stage1.to_dense(), w);
        // a compact lookup gives the dense row, and nothing for a zero row
        let mut acc = [0f32; N_TAGS];
        back.stage1.add(200u64 << 56, &mut acc);
        assert_eq!(acc[16], 300.0);
        let mut acc = [0f32; N_TAGS];
        back.stage1.add(7u64 << 56, &mut acc);
        assert_eq!(acc, [0f32; N_TAGS]);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1], Lexicon::from_text("", "")).is_err());
        let other = Lexicon::from_text("x\tcity\n", "");
        assert!(Model::from_bytes(&bytes, other).unwrap_err().to_string().contains("lexicon"));
    }
}
