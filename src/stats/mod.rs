//! Corpus statistics: frequencies, co-occurrence (PMI, NPMI), timelines, keyness (G2).
//!
//! Everything here works on integer codes, never on strings: the Python layer encodes canonical
//! names, story ids, sentence numbers and periods to dense `u32` codes (pandas `factorize`,
//! vectorised) and passes the arrays in; these functions only count. That keeps the core free of
//! pandas' notion of names and lets the binding run them with the GIL released.
//!
//! Conventions shared by all functions: entity codes are `0..n_entities`, one array element per
//! mention; `story` holds the story code of each mention; all input slices of one call have the same
//! length (checked, `Error::Value` otherwise).

use rayon::prelude::*;

pub mod link;

use crate::error::{Error, Result};

/// Day number marking a missing date in `frequency`'s `day` input and its first/last output.
pub const NO_DAY: i32 = i32::MIN;

/// Co-occurrence counts by packed code pair; the default SipHash costs several times more per
/// increment on the co-occurrence hot loop.
type PairMap = rustc_hash::FxHashMap<u64, u64>;

fn check_len(what: &str, got: usize, want: usize) -> Result<()> {
    if got != want {
        return Err(Error::Value(format!(
            "{what} has {got} elements but the entity array has {want}; pass one value per mention"
        )));
    }
    Ok(())
}

fn check_codes(what: &str, codes: &[u32], n: usize) -> Result<()> {
    if let Some((i, &c)) = codes.iter().enumerate().find(|(_, &c)| c as usize >= n) {
        return Err(Error::Value(format!("{what}[{i}] = {c} is out of range: codes must be below {n}")));
    }
    Ok(())
}

/// Per-entity frequency: mentions, distinct stories, first and last day.
#[derive(Debug, Clone, PartialEq)]
pub struct Frequency {
    pub mentions: Vec<u64>,
    pub stories: Vec<u64>,
    /// Smallest day number of the entity's mentions with a date, or [`NO_DAY`].
    pub first_day: Vec<i32>,
    /// Largest day number of the entity's mentions with a date, or [`NO_DAY`].
    pub last_day: Vec<i32>,
}

/// Counts mentions and distinct stories per entity code, and the first and last day on which
/// each entity is mentioned. `day` holds one day number per mention ([`NO_DAY`] when the story
/// has no date); without it the first/last outputs are all [`NO_DAY`].
pub fn frequency(entity: &[u32], story: &[u32], day: Option<&[i32]>, n_entities: usize) -> Result<Frequency> {
    check_len("story", story.len(), entity.len())?;
    if let Some(d) = day {
        check_len("day", d.len(), entity.len())?;
    }
    check_codes("entity", entity, n_entities)?;
    let mut mentions = vec![0u64; n_entities];
    let mut first_day = vec![NO_DAY; n_entities];
    let mut last_day = vec![NO_DAY; n_entities];
    for (i, &e) in entity.iter().enumerate() {
        let e = e as usize;
        mentions[e] += 1;
        if let Some(days) = day {
            let d = days[i];
            if d != NO_DAY {
                if first_day[e] == NO_DAY || d < first_day[e] {
                    first_day[e] = d;
                }
                if last_day[e] == NO_DAY || d > last_day[e] {
                    last_day[e] = d;
                }
            }
        }
    }
    let stories = distinct_stories_per_entity(entity, story, n_entities);
    Ok(Frequency { mentions, stories, first_day, last_day })
}

/// Number of distinct stories per entity: sort the packed (entity, story) pairs, count runs.
fn distinct_stories_per_entity(entity: &[u32], story: &[u32], n_entities: usize) -> Vec<u64> {
    let mut keys: Vec<u64> = entity.iter().zip(story).map(|(&e, &s)| ((e as u64) << 32) | s as u64).collect();
    keys.par_sort_unstable();
    keys.dedup();
    let mut stories = vec![0u64; n_entities];
    for k in keys {
        stories[(k >> 32) as usize] += 1;
    }
    stories
}

/// Co-occurring entity pairs with their counts and association scores; rows sorted by `count`
/// (descending), then `a`, then `b`. Within a row `a < b`.
#[derive(Debug, Clone, PartialEq)]
pub struct Cooccurrence {
    pub a: Vec<u32>,
    pub b: Vec<u32>,
    /// Units containing both `a` and `b`.
    pub count: Vec<u64>,
    /// Units containing `a` (resp. `b`), whatever else they contain.
    pub count_a: Vec<u64>,
    pub count_b: Vec<u64>,
    pub pmi: Vec<f64>,
    pub npmi: Vec<f64>,
    /// Units per entity code (the marginal counts), for every code.
    pub units_per_entity: Vec<u64>,
    /// N, the number of units the probabilities are taken over.
    pub n_units: u64,
}

/// Counts pairs of distinct entities sharing a unit (a sentence or a story).
///
/// `unit` holds one unit code per mention (e.g. a story code, or a code for each (story, sentence)
/// pair); an entity mentioned several times in a unit counts once for it. `n_units` is N, the
/// number of units in the data; it must be at least the number of distinct codes in `unit` (it may
/// be more, for units with no entity of interest). With N:
/// p(x) = units containing x / N, p(x,y) = units containing both / N,
/// PMI = ln(p(x,y) / (p(x) p(y))), NPMI = PMI / -ln p(x,y) (NPMI = 1 when p(x,y) = 1).
/// Pairs seen in fewer than `min_count` units are dropped.
pub fn cooccurrence(
    unit: &[u32],
    entity: &[u32],
    n_entities: usize,
    n_units: u64,
    min_count: u64,
) -> Result<Cooccurrence> {
    check_len("unit", unit.len(), entity.len())?;
    check_codes("entity", entity, n_entities)?;
    // Distinct (unit, entity) pairs, grouped by unit.
    let mut keys: Vec<u64> = unit.iter().zip(entity).map(|(&u, &e)| ((u as u64) << 32) | e as u64).collect();
    keys.par_sort_unstable();
    keys.dedup();
    let mut distinct_units = 0u64;
    let mut units_per_entity = vec![0u64; n_entities];
    // Start offset of each unit's run in `keys`.
    let mut starts: Vec<usize> = Vec::new();
    let mut prev_unit = u64::MAX;
    for (i, &k) in keys.iter().enumerate() {
        units_per_entity[(k & 0xFFFF_FFFF) as usize] += 1;
        if k >> 32 != prev_unit {
            prev_unit = k >> 32;
            starts.push(i);
            distinct_units += 1;
        }
    }
    if n_units < distinct_units {
        return Err(Error::Value(format!(
            "n_units = {n_units} is smaller than the {distinct_units} distinct units in the data"
        )));
    }
    starts.push(keys.len());
    // Each rayon task counts the pairs of a slice of units into its own map; maps are merged.
    let pairs: PairMap = starts
        .par_windows(2)
        .fold(PairMap::default, |mut map, w| {
            let run = &keys[w[0]..w[1]];
            for (i, &x) in run.iter().enumerate() {
                let a = x & 0xFFFF_FFFF;
                for &y in &run[i + 1..] {
                    // Runs are sorted by entity, so a < b.
                    *map.entry((a << 32) | (y & 0xFFFF_FFFF)).or_insert(0) += 1;
                }
            }
            map
        })
        .reduce(PairMap::default, |x, y| {
            let (mut big, small) = if x.len() >= y.len() { (x, y) } else { (y, x) };
            for (k, v) in small {
                *big.entry(k).or_insert(0) += v;
            }
            big
        });
    let mut rows: Vec<(u64, u64)> = pairs.into_iter().filter(|&(_, c)| c >= min_count.max(1)).collect();
    rows.sort_unstable_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let n = n_units as f64;
    let mut out = Cooccurrence {
        a: Vec::with_capacity(rows.len()),
        b: Vec::with_capacity(rows.len()),
        count: Vec::with_capacity(rows.len()),
        count_a: Vec::with_capacity(rows.len()),
        count_b: Vec::with_capacity(rows.len()),
        pmi: Vec::with_capacity(rows.len()),
        npmi: Vec::with_capacity(rows.len()),
        units_per_entity: Vec::new(),
        n_units,
    };
    for (key, c) in rows {
        let (a, b) = ((key >> 32) as u32, (key & 0xFFFF_FFFF) as u32);
        let (ca, cb) = (units_per_entity[a as usize], units_per_entity[b as usize]);
        let (pmi, npmi) = pmi_npmi(c as f64, ca as f64, cb as f64, n);
        out.a.push(a);
        out.b.push(b);
        out.count.push(c);
        out.count_a.push(ca);
        out.count_b.push(cb);
        out.pmi.push(pmi);
        out.npmi.push(npmi);
    }
    out.units_per_entity = units_per_entity;
    Ok(out)
}

/// PMI and NPMI from a joint count `c`, marginal counts `ca`, `cb` and N units (all > 0).
pub fn pmi_npmi(c: f64, ca: f64, cb: f64, n: f64) -> (f64, f64) {
    let pmi = (c * n / (ca * cb)).ln();
    let h = -(c / n).ln();
    // p(x,y) = 1: the pair is in every unit, perfect association by definition.
    let npmi = if h > 0.0 { pmi / h } else { 1.0 };
    (pmi, npmi)
}

/// Whether `timeline` counts mentions or distinct stories per (entity, period).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountMode {
    Mentions,
    Stories,
}

/// Counts per (entity, period) as a dense row-major matrix of `n_entities` rows by `n_periods`
/// columns. `period` holds one period code (`0..n_periods`) per mention; with
/// [`CountMode::Stories`] a story counts once per entity and period however often it mentions it.
pub fn timeline(
    entity: &[u32],
    period: &[u32],
    story: &[u32],
    mode: CountMode,
    n_entities: usize,
    n_periods: usize,
) -> Result<Vec<u64>> {
    check_len("period", period.len(), entity.len())?;
    check_len("story", story.len(), entity.len())?;
    check_codes("entity", entity, n_entities)?;
    check_codes("period", period, n_periods)?;
    let cells = n_entities
        .checked_mul(n_periods)
        .filter(|&c| c <= 1 << 32)
        .ok_or_else(|| Error::Value(format!("{n_entities} entities x {n_periods} periods is too large a table")))?;
    let mut counts = vec![0u64; cells];
    match mode {
        CountMode::Mentions => {
            for (&e, &p) in entity.iter().zip(period) {
                counts[e as usize * n_periods + p as usize] += 1;
            }
        }
        CountMode::Stories => {
            // (cell, story) pairs, deduplicated: a story counts once per cell.
            let mut keys: Vec<u64> = entity
                .iter()
                .zip(period)
                .zip(story)
                .map(|((&e, &p), &s)| (((e as u64) * n_periods as u64 + p as u64) << 32) | s as u64)
                .collect();
            keys.par_sort_unstable();
            keys.dedup();
            for k in keys {
                counts[(k >> 32) as usize] += 1;
            }
        }
    }
    Ok(counts)
}

/// Frequencies of every entity in the target part (1) and reference part (2) of a corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct PartCounts {
    pub target: Vec<u64>,
    pub reference: Vec<u64>,
}

/// Counts each entity's mentions (or distinct stories) in two parts of a corpus. `part` holds one
/// code per mention: 1 = target, 2 = reference, 0 = neither (ignored).
pub fn part_counts(
    entity: &[u32],
    story: &[u32],
    part: &[u8],
    mode: CountMode,
    n_entities: usize,
) -> Result<PartCounts> {
    check_len("story", story.len(), entity.len())?;
    check_len("part", part.len(), entity.len())?;
    check_codes("entity", entity, n_entities)?;
    if let Some((i, &p)) = part.iter().enumerate().find(|(_, &p)| p > 2) {
        return Err(Error::Value(format!("part[{i}] = {p}: use 0 (neither), 1 (target) or 2 (reference)")));
    }
    let mut out = PartCounts { target: vec![0; n_entities], reference: vec![0; n_entities] };
    match mode {
        CountMode::Mentions => {
            for (&e, &p) in entity.iter().zip(part) {
                match p {
                    1 => out.target[e as usize] += 1,
                    2 => out.reference[e as usize] += 1,
                    _ => {}
                }
            }
        }
        CountMode::Stories => {
            // A story lies in one part only, so distinct (entity, story) pairs suffice.
            let mut keys: Vec<(u64, u8)> = entity
                .iter()
                .zip(story)
                .zip(part)
                .filter(|(_, &p)| p != 0)
                .map(|((&e, &s), &p)| ((((e as u64) << 32) | s as u64), p))
                .collect();
            keys.par_sort_unstable();
            keys.dedup_by_key(|k| k.0);
            for (k, p) in keys {
                let e = (k >> 32) as usize;
                if p == 1 {
                    out.target[e] += 1;
                } else {
                    out.reference[e] += 1;
                }
            }
        }
    }
    Ok(out)
}

/// Keyness scores of one item: frequency `a` in a target of size `c` against `b` in a reference
/// of size `d`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keyness {
    /// Log-likelihood G2 (Dunning 1993, as computed by Rayson & Garside 2000).
    pub g2: f64,
    /// Hardie's log ratio, log2 of the ratio of relative frequencies (0.5 for a zero frequency).
    pub log_ratio: f64,
    /// %DIFF (Gabrielatos & Marchi 2012); +inf when `b` is 0 and `a` is not.
    pub pct_diff: f64,
}

/// G2 = 2 Σ O ln(O/E) over the two cells (a, b), with E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d) and
/// 0 ln 0 = 0; log ratio = log2((a/c)/(b/d)); %DIFF = 100 (a/c - b/d) / (b/d).
pub fn keyness(a: f64, b: f64, c: f64, d: f64) -> Keyness {
    let total = c + d;
    let (e1, e2) = (c * (a + b) / total, d * (a + b) / total);
    let term = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    let g2 = 2.0 * (term(a, e1) + term(b, e2));
    let (fa, fb) = (if a > 0.0 { a } else { 0.5 }, if b > 0.0 { b } else { 0.5 });
    let log_ratio = ((fa / c) / (fb / d)).log2();
    let (na, nb) = (a / c, b / d);
    let pct_diff = if nb > 0.0 {
        100.0 * (na - nb) / nb
    } else if na > 0.0 {
        f64::INFINITY
    } else {
        0.0
    };
    Keyness { g2: g2.max(0.0), log_ratio, pct_diff }
}

/// [`keyness`] for every entity, from [`PartCounts`] and the sizes of the two parts.
pub fn keyness_all(counts: &PartCounts, target_size: f64, reference_size: f64) -> Result<Vec<Keyness>> {
    if !(target_size > 0.0 && reference_size > 0.0) {
        return Err(Error::Value(format!(
            "both parts need a positive size (target {target_size}, reference {reference_size}): \
             is one of them empty?"
        )));
    }
    Ok(counts
        .target
        .iter()
        .zip(&counts.reference)
        .map(|(&a, &b)| keyness(a as f64, b as f64, target_size, reference_size))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-9
    }

    #[test]
    fn frequency_counts_mentions_stories_and_dates() {
        // Entity 0 twice in story 0 and once in story 1; entity 1 once in story 1 (undated).
        let f = frequency(&[0, 0, 0, 1], &[0, 0, 1, 1], Some(&[10, 10, 12, NO_DAY]), 3).unwrap();
        assert_eq!(f.mentions, vec![3, 1, 0]);
        assert_eq!(f.stories, vec![2, 1, 0]);
        assert_eq!(f.first_day, vec![10, NO_DAY, NO_DAY]);
        assert_eq!(f.last_day, vec![12, NO_DAY, NO_DAY]);
    }

    #[test]
    fn bad_lengths_and_codes_are_value_errors() {
        assert!(matches!(frequency(&[0, 1], &[0], None, 2), Err(Error::Value(_))));
        let e = frequency(&[0, 5], &[0, 0], None, 2).unwrap_err();
        assert_eq!(e, Error::Value("entity[1] = 5 is out of range: codes must be below 2".into()));
        assert!(cooccurrence(&[0], &[0], 1, 0, 1).is_err());
    }

    #[test]
    fn cooccurrence_by_hand() {
        // Units: 0 = {A, B}, 1 = {A, B, C}, 2 = {A}, 3 = {C} (with A repeated in unit 0); N = 4.
        let unit = [0, 0, 0, 1, 1, 1, 2, 3];
        let ent = [0, 1, 0, 0, 1, 2, 0, 2];
        let co = cooccurrence(&unit, &ent, 3, 4, 1).unwrap();
        // (A,B) in 2 units; (A,C) and (B,C) in 1.
        assert_eq!(co.a, vec![0, 0, 1]);
        assert_eq!(co.b, vec![1, 2, 2]);
        assert_eq!(co.count, vec![2, 1, 1]);
        assert_eq!(co.units_per_entity, vec![3, 2, 2]);
        // PMI(A,B) = ln((2/4) / ((3/4)(2/4))) = ln(4/3); NPMI = ln(4/3) / ln 2.
        assert!(close(co.pmi[0], (4.0f64 / 3.0).ln()));
        assert!(close(co.npmi[0], (4.0f64 / 3.0).ln() / 2f64.ln()));
        // PMI(B,C) = ln((1/4) / ((2/4)(2/4))) = 0.
        assert!(close(co.pmi[2], 0.0));
        let min2 = cooccurrence(&unit, &ent, 3, 4, 2).unwrap();
        assert_eq!(min2.count, vec![2]);
    }

    #[test]
    fn npmi_is_one_for_a_pair_in_every_unit() {
        let co = cooccurrence(&[0, 0, 1, 1], &[0, 1, 0, 1], 2, 2, 1).unwrap();
        assert_eq!(co.npmi, vec![1.0]);
        assert!(close(co.pmi[0], 0.0));
    }

    #[test]
    fn timeline_mentions_and_stories() {
        // Entity 0: story 0 period 0 twice, story 1 period 1; entity 1: story 1 period 1.
        let ent = [0, 0, 0, 1];
        let per = [0, 0, 1, 1];
        let sto = [0, 0, 1, 1];
        assert_eq!(timeline(&ent, &per, &sto, CountMode::Mentions, 2, 2).unwrap(), vec![2, 1, 0, 1]);
        assert_eq!(timeline(&ent, &per, &sto, CountMode::Stories, 2, 2).unwrap(), vec![1, 1, 0, 1]);
    }

    #[test]
    fn keyness_by_hand() {
        // a = 10 in a target of 100, b = 5 in a reference of 200.
        // E1 = 100*15/300 = 5, E2 = 200*15/300 = 10;
        // G2 = 2 (10 ln 2 + 5 ln 0.5) = 10 ln 2 = 6.931471805599453.
        let k = keyness(10.0, 5.0, 100.0, 200.0);
        assert!(close(k.g2, 10.0 * 2f64.ln()));
        // log ratio = log2(0.1 / 0.025) = 2; %DIFF = 100 (0.1 - 0.025) / 0.025 = 300.
        assert!(close(k.log_ratio, 2.0));
        assert!(close(k.pct_diff, 300.0));
        // b = 0: log ratio uses 0.5 for b: log2((4/100) / (0.5/100)) = 3.
        let z = keyness(4.0, 0.0, 100.0, 100.0);
        assert!(close(z.log_ratio, 3.0));
        assert_eq!(z.pct_diff, f64::INFINITY);
        // E1 = E2 = 2; G2 = 2 * 4 ln 2.
        assert!(close(z.g2, 8.0 * 2f64.ln()));
    }

    #[test]
    fn part_counts_stories_dedups() {
        let pc = part_counts(&[0, 0, 0, 1], &[0, 0, 1, 2], &[1, 1, 2, 0], CountMode::Stories, 2).unwrap();
        assert_eq!(pc.target, vec![1, 0]);
        assert_eq!(pc.reference, vec![1, 0]);
        let pm = part_counts(&[0, 0, 0, 1], &[0, 0, 1, 2], &[1, 1, 2, 0], CountMode::Mentions, 2).unwrap();
        assert_eq!(pm.target, vec![2, 0]);
        assert!(keyness_all(&pm, 0.0, 1.0).is_err());
    }
}
