//! The tagging path of `Model::tag_document`: the same decisions as `model::decode` over every
//! listed feature, computed with less work per token.
//!
//! - Both stages' weight rows of a bucket sit side by side in one 64-byte line (`Joint`), so a
//!   static feature costs one index lookup and one cache line for the two stages, not two of each.
//! - Scores are summed in i32. The weights are i16 and a token has far fewer than 2^24 / 2^15 = 512
//!   features, so every f32 sum of the listed path is an exact integer: the sums, and therefore the
//!   decisions (ties included, first tag wins in both), are the same.
//! - Tag O's score is always 0 (rows are rebased on it, `model::Row`), so only tags 1..=16 are summed.
//! - The word-only features (`features::OWN`, `AS_PREV`, ...) are summed once per word and
//!   stage and kept, as before, for the life of the thread's `WordCache` ids.
//! - So are the two features of a word and the previous tag after tag O (most tokens follow an O);
//!   stage 2 reuses stage 1's sums of them where it chose the same previous tag (`decode_pass`).
//! - Buffers (features, scores, tags) live with the thread and are reused across documents.

use super::features::{self, DocFeatures, WordCache, ROLES};
use super::model::{kind_of, tags_to_spans, Model, Weights, HIST, N_TAGS, START};
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

/// Scores of tags 1..=16 (tag O's is 0).
pub(super) type Acc = [i32; N_TAGS - 1];

/// The rows of one bucket for stage 1 and stage 2 (zeros where a stage has none).
#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct RowPair([[i16; N_TAGS - 1]; 2]);

/// 64 buckets: which have a row, and how many rows come before them (as `model::Weights`).
#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
struct RankWord {
    present: u64,
    rank: u32,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A model's two weight tables merged for tagging (see the module's header).
pub struct Joint {
    bits: u8,
    index: Vec<RankWord>,
    /// Row 0 is all zeros and stands for every absent bucket, so a lookup never branches.
    rows: Vec<RowPair>,
    stages: usize,
    /// Per stage: the rows of the features that depend only on the previous tags (T1, T1T2).
    t1: [Vec<Acc>; 2],
    t1t2: [Vec<Acc>; 2],
    /// Tells this table's cached word scores from another model's.
    id: u64,
}

#[inline(always)]
fn add_row(acc: &mut Acc, row: &[i16; N_TAGS - 1]) {
    for k in 0..N_TAGS - 1 {
        acc[k] += row[k] as i32;
    }
}

#[inline(always)]
fn add_acc(acc: &mut Acc, x: &Acc) {
    for k in 0..N_TAGS - 1 {
        acc[k] += x[k];
    }
}

impl Joint {
    pub fn new(stage1: &Weights, stage2: Option<&Weights>) -> Joint {
        // One bucket width for both; a narrower table's row repeats over the buckets it covers.
        let bits = stage1.bits.max(stage2.map_or(0, |w| w.bits));
        let n = 1usize << bits;
        let mut index = vec![RankWord::default(); n.div_ceil(64)];
        let mut rows = vec![RowPair::default()];
        let at = |w: &Weights, b: usize| b >> (bits - w.bits);
        for b in 0..n {
            if b % 64 == 0 {
                index[b / 64].rank = rows.len() as u32 - 1;
            }
            if !stage1.has_row(at(stage1, b)) && stage2.is_none_or(|w| !w.has_row(at(w, b))) {
                continue;
            }
            let r1 = stage1.row_at(at(stage1, b)).0;
            let r2 = stage2.map_or([0; N_TAGS - 1], |w| w.row_at(at(w, b)).0);
            index[b / 64].present |= 1 << (b % 64);
            rows.push(RowPair([r1, r2]));
        }
        let mut j = Joint {
            bits,
            index,
            rows,
            stages: 1 + stage2.is_some() as usize,
            t1: [vec![[0; N_TAGS - 1]; HIST], vec![[0; N_TAGS - 1]; HIST]],
            t1t2: [vec![[0; N_TAGS - 1]; HIST * HIST], vec![[0; N_TAGS - 1]; HIST * HIST]],
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        };
        let info = features::TokInfo::default();
        let mut dyn_feats = [0u64; 4];
        for a in 0..HIST {
            for b in 0..HIST {
                features::dynamic(&info, a as u8, b as u8, &mut dyn_feats);
                for s in 0..2 {
                    let r = j.pair(dyn_feats[1]).0[s];
                    add_row(&mut j.t1t2[s][a * HIST + b], &r);
                }
            }
            for s in 0..2 {
                let r = j.pair(dyn_feats[0]).0[s];
                add_row(&mut j.t1[s][a], &r);
            }
        }
        j
    }

    #[inline(always)]
    fn pair(&self, feat: u64) -> &RowPair {
        let b = (feat >> (64 - self.bits as u32)) as usize;
        // SAFETY: b < 2^bits and `index` has 2^bits / 64 words (bits >= 8); a present bucket's
        // rank + 1 + the present buckets below it in its word is its row, < rows.len(), and an
        // absent one reads row 0 (`Joint::new` builds them so). The lookup runs ~30 times a token.
        let word = unsafe { *self.index.get_unchecked(b >> 6) };
        let shift = b & 63;
        let present = ((word.present >> shift) & 1) as usize;
        let below = (word.present & ((1u64 << shift) - 1)).count_ones() as usize;
        let r = (word.rank as usize + 1 + below) * present;
        debug_assert!(r < self.rows.len());
        unsafe { self.rows.get_unchecked(r) }
    }
}

/// The best-scoring tag; on a tie the lowest tag, as `model::best_tag` (no BILOU constraint: see
/// there). Lane-wise and branch-free but for tag O, so it compiles to a few vector instructions.
#[inline(always)]
fn best(acc: &Acc) -> u8 {
    let top = acc.iter().copied().fold(i32::MIN, i32::max);
    // tag O scores 0
    if top <= 0 {
        return 0;
    }
    let mut eq = 0u32;
    for k in 0..N_TAGS - 1 {
        eq |= ((acc[k] == top) as u32) << k;
    }
    1 + eq.trailing_zeros() as u8
}

/// Word scores of one word in each role, both stages, and of its two word-and-previous-tag
/// features (T1_LOWER, T1_SSHAPE) after tag O, the previous tag of most tokens.
#[derive(Clone, Copy)]
struct WordScores {
    /// Bit `role` when `s[role]` is summed, bit `AFTER_O` when `after_o` is.
    ready: u16,
    s: [[Acc; 2]; ROLES],
    after_o: [Acc; 2],
}

const AFTER_O: usize = ROLES;

impl Default for WordScores {
    fn default() -> Self {
        WordScores { ready: 0, s: [[[0; N_TAGS - 1]; 2]; ROLES], after_o: [[0; N_TAGS - 1]; 2] }
    }
}

/// One thread's tagging state, kept between documents.
struct State {
    words: WordCache,
    /// Per word id of `words`, valid for (`epoch`, `model`).
    scores: Vec<WordScores>,
    epoch: u64,
    model: u64,
    feats: DocFeatures,
    base: Vec<[Acc; 2]>,
    tags: Vec<u8>,
    kinds: Vec<u8>,
    carry: Vec<(u8, Acc)>,
    extra: features::ExtraFeatures,
    buf: Vec<u64>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Tags of every token of `doc` (sentences of tokens) and the token ranges of its sentences.
pub fn tag<S: AsRef<str>>(model: &Model, doc: &[Vec<S>]) -> Vec<Vec<(usize, usize, usize)>> {
    STATE.with(|cell| match cell.try_borrow_mut() {
        Ok(mut st) => run(model, doc, st.get_or_insert_with(|| State::new(model))),
        // not reachable (tagging never re-enters itself), but a fresh state is always correct
        Err(_) => run(model, doc, &mut State::new(model)),
    })
}

impl State {
    fn new(model: &Model) -> State {
        State {
            words: WordCache::new(&model.lex),
            scores: Vec::new(),
            epoch: 0,
            model: 0,
            feats: DocFeatures::default(),
            base: Vec::new(),
            tags: Vec::new(),
            kinds: Vec::new(),
            carry: Vec::new(),
            extra: features::ExtraFeatures::default(),
            buf: Vec::new(),
        }
    }
}

fn run<S: AsRef<str>>(model: &Model, doc: &[Vec<S>], st: &mut State) -> Vec<Vec<(usize, usize, usize)>> {
    let j = model.joint();
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2")
        && std::arch::is_x86_feature_detected!("popcnt")
        && std::arch::is_x86_feature_detected!("bmi1")
        && std::arch::is_x86_feature_detected!("bmi2")
    {
        // SAFETY: the running CPU has these features.
        unsafe { run_avx2(model, j, doc, st) };
        return st.feats.sentences.iter().map(|&(s, e)| tags_to_spans(&st.tags[s..e])).collect();
    }
    run_portable(model, j, doc, st);
    st.feats.sentences.iter().map(|&(s, e)| tags_to_spans(&st.tags[s..e])).collect()
}

/// The same code compiled for AVX2, POPCNT and BMI (runtime dispatch keeps builds portable): a
/// lookup's rank popcount and mask are single instructions, a row is added 8 lanes at a time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt,bmi1,bmi2")]
unsafe fn run_avx2<S: AsRef<str>>(model: &Model, j: &Joint, doc: &[Vec<S>], st: &mut State) {
    run_portable(model, j, doc, st)
}

#[inline(always)]
fn run_portable<S: AsRef<str>>(model: &Model, j: &Joint, doc: &[Vec<S>], st: &mut State) {
    features::extract_cached(&model.lex, doc, &mut st.words, &mut st.feats);
    if st.epoch != st.words.epoch() || st.model != j.id {
        st.scores.clear();
        st.epoch = st.words.epoch();
        st.model = j.id;
    }
    if st.scores.len() < st.words.len() {
        st.scores.resize(st.words.len(), WordScores::default());
    }
    base_pass(j, st);
    let n = st.feats.len();
    st.tags.clear();
    st.tags.resize(n, 0);
    // (no tag is 255: every token's carry starts unusable)
    st.carry.clear();
    st.carry.resize(n, (u8::MAX, [0; N_TAGS - 1]));
    decode_pass(j, &st.feats, &st.base, None, 0, &mut st.tags, &mut st.carry, &mut st.scores);
    if j.stages == 2 {
        st.kinds.clear();
        st.kinds.extend(st.tags.iter().map(|&t| kind_of(t)));
        features::history_into(&st.feats, &st.tags, &st.kinds, &mut st.extra);
        decode_pass(j, &st.feats, &st.base, Some(&st.extra), 1, &mut st.tags, &mut st.carry, &mut st.scores);
    }
}

/// Static scores of every token for both stages: its listed features, plus the cached word scores
/// of itself and its neighbours.
#[inline(always)]
fn base_pass(j: &Joint, st: &mut State) {
    let State { words, scores, feats, base, buf, .. } = st;
    base.clear();
    base.reserve(feats.len());
    for &(s, e) in &feats.sentences {
        for i in s..e {
            let mut a = [[0i32; N_TAGS - 1]; 2];
            for &f in feats.token_features(i) {
                let p = j.pair(f);
                add_row(&mut a[0], &p.0[0]);
                add_row(&mut a[1], &p.0[1]);
            }
            let w = &feats.words;
            let prev = if i > s { w[i - 1] } else { features::BOS };
            let next = if i + 1 < e { w[i + 1] } else { features::EOS };
            let prev2 = if i > s + 1 { w[i - 2] } else { features::BOS };
            let next2 = if i + 2 < e { w[i + 2] } else { features::EOS };
            let roles = [
                (w[i], features::OWN),
                (prev, features::AS_PREV),
                (next, features::AS_NEXT),
                (prev2, features::AS_PREV2),
                (next2, features::AS_NEXT2),
            ];
            for (id, role) in roles {
                let ws = &mut scores[id as usize];
                if ws.ready & (1 << role) == 0 {
                    fill_role(j, words, buf, id, role, ws);
                }
                add_acc(&mut a[0], &ws.s[role][0]);
                add_acc(&mut a[1], &ws.s[role][1]);
            }
            base.push(a);
        }
    }
}

/// Sums word `id`'s features in `role` for both stages (once per word and epoch).
#[cold]
#[inline(never)]
fn fill_role(j: &Joint, words: &WordCache, buf: &mut Vec<u64>, id: u32, role: usize, ws: &mut WordScores) {
    buf.clear();
    words.role_features(id, role, buf);
    let mut a = [[0i32; N_TAGS - 1]; 2];
    for &f in buf.iter() {
        let p = j.pair(f);
        add_row(&mut a[0], &p.0[0]);
        add_row(&mut a[1], &p.0[1]);
    }
    ws.s[role] = a;
    ws.ready |= 1 << role;
}

/// Sums a word's T1_LOWER and T1_SSHAPE rows after tag O for both stages (once per word and epoch).
#[cold]
#[inline(never)]
fn fill_after_o(j: &Joint, info: &features::TokInfo, ws: &mut WordScores) {
    let mut dyn_feats = [0u64; 4];
    // t2 plays no part in these two features
    features::dynamic(info, 0, 0, &mut dyn_feats);
    let mut a = [[0i32; N_TAGS - 1]; 2];
    for f in [dyn_feats[2], dyn_feats[3]] {
        let p = j.pair(f);
        add_row(&mut a[0], &p.0[0]);
        add_row(&mut a[1], &p.0[1]);
    }
    ws.after_o = a;
    ws.ready |= 1 << AFTER_O;
}

/// Greedy left-to-right decoding of stage `stage` over the static scores (plus `extra` features):
/// adds the history features, keeps the best tag that makes a valid BILOU sequence.
///
/// `carry[i]`: stage 2's half of the two features of token i's word and previous tag (T1_LOWER,
/// T1_SSHAPE), for the previous tag stage 1 chose; stage 1 gets it with its own lookups (the two
/// stages share the line), stage 2 uses it wherever it chose the same previous tag.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn decode_pass(
    j: &Joint,
    doc: &DocFeatures,
    base: &[[Acc; 2]],
    extra: Option<&features::ExtraFeatures>,
    stage: usize,
    tags: &mut [u8],
    carry: &mut [(u8, Acc)],
    scores: &mut [WordScores],
) {
    let (t1s, t1t2s) = (&j.t1[stage], &j.t1t2[stage]);
    let keep = stage == 0 && j.stages == 2;
    let mut dyn_feats = [0u64; 4];
    for &(s, e) in &doc.sentences {
        let (mut t1, mut t2) = (START, START);
        for i in s..e {
            let mut acc = base[i][stage];
            if let Some(x) = extra {
                for &f in x.token_features(i) {
                    add_row(&mut acc, &j.pair(f).0[stage]);
                }
            }
            add_acc(&mut acc, &t1s[t1 as usize]);
            add_acc(&mut acc, &t1t2s[t1 as usize * HIST + t2 as usize]);
            if t1 == 0 {
                // after O: the word's cached sums (the features depend on the word and t1 only)
                let ws = &mut scores[doc.words[i] as usize];
                if ws.ready & (1 << AFTER_O) == 0 {
                    fill_after_o(j, &doc.info[i], ws);
                }
                add_acc(&mut acc, &ws.after_o[stage]);
            } else if stage == 1 && carry[i].0 == t1 {
                add_acc(&mut acc, &carry[i].1);
            } else {
                features::dynamic(&doc.info[i], t1, t2, &mut dyn_feats);
                let (a, b) = (j.pair(dyn_feats[2]), j.pair(dyn_feats[3]));
                add_row(&mut acc, &a.0[stage]);
                add_row(&mut acc, &b.0[stage]);
                if keep {
                    let mut c = [0; N_TAGS - 1];
                    add_row(&mut c, &a.0[1]);
                    add_row(&mut c, &b.0[1]);
                    carry[i] = (t1, c);
                }
            }
            let t = best(&acc);
            tags[i] = t;
            t2 = t1;
            t1 = t;
        }
    }
}
