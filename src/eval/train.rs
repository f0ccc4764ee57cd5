//! Training: averaged perceptron over CoNLL documents, epochs chosen on a development set, and the
//! second stage trained on first-stage decisions made by models that did not see the document
//! (k-fold jackknife), so it learns how far to trust them.

use crate::entities::features::{DocFeatures, ExtraFeatures};
use crate::entities::lexicon::Lexicon;
use crate::entities::model::{self, DenseF32, Model, Scorer, Weights, TYPES};
use crate::eval::conll::{entity_spans, ConllDoc};
use crate::eval::perceptron::{self, Perceptron};

#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// log2 of the number of weight rows.
    pub bits: u8,
    /// Most epochs per stage; the best on the development set is kept.
    pub epochs: usize,
    pub stage2: bool,
    /// Folds for the jackknifed first-stage decisions the second stage learns from.
    pub folds: usize,
    pub seed: u64,
    /// Perceptrons per stage, trained on differently shuffled data; their weights are averaged.
    pub ensemble: usize,
    pub verbose: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { bits: 19, epochs: 10, stage2: true, folds: 4, seed: 7, ensemble: 1, verbose: false }
    }
}

/// A document ready for training: features, gold BILOU tags, gold spans per sentence.
pub struct Prepared {
    pub feats: DocFeatures,
    pub gold: Vec<u8>,
    pub spans: Vec<Vec<(usize, usize, usize)>>,
}

pub fn prepare(lex: &Lexicon, docs: &[ConllDoc]) -> Vec<Prepared> {
    docs.iter()
        .map(|d| {
            let toks: Vec<Vec<&str>> =
                d.sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
            let feats = perceptron::extract(lex, &toks);
            let mut gold = Vec::new();
            let mut spans = Vec::new();
            for s in &d.sentences {
                let sp: Vec<(usize, usize, usize)> = entity_spans(&s.tags)
                    .into_iter()
                    .filter_map(|t| TYPES.iter().position(|k| *k == t.kind).map(|k| (t.start, t.end, k)))
                    .collect();
                gold.extend(perceptron::spans_to_tags(s.tokens.len(), &sp));
                spans.push(sp);
            }
            Prepared { feats, gold, spans }
        })
        .collect()
}

/// Exact-span counts (true positives, predicted, gold) per type.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: [usize; 4],
    pub pred: [usize; 4],
    pub gold: [usize; 4],
}

impl Counts {
    pub fn add(&mut self, pred: &[(usize, usize, usize)], gold: &[(usize, usize, usize)]) {
        for p in pred {
            self.pred[p.2] += 1;
            if gold.contains(p) {
                self.tp[p.2] += 1;
            }
        }
        for g in gold {
            self.gold[g.2] += 1;
        }
    }
    pub fn f1(&self) -> f64 {
        let tp: usize = self.tp.iter().sum();
        let p: usize = self.pred.iter().sum();
        let g: usize = self.gold.iter().sum();
        if p + g == 0 {
            return 0.0;
        }
        200.0 * tp as f64 / (p + g) as f64
    }
    pub fn f1_of(&self, k: usize) -> f64 {
        if self.pred[k] + self.gold[k] == 0 {
            return 0.0;
        }
        200.0 * self.tp[k] as f64 / (self.pred[k] + self.gold[k]) as f64
    }
}

fn score_tags(docs: &[Prepared], tags: &[Vec<u8>]) -> Counts {
    let mut c = Counts::default();
    for (d, t) in docs.iter().zip(tags) {
        for (k, &(s, e)) in d.feats.sentences.iter().enumerate() {
            c.add(&model::tags_to_spans(&t[s..e]), &d.spans[k]);
        }
    }
    c
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains one stage. With `dev`, keeps the averaged weights of the best epoch; returns them and
/// that epoch (1-based).
fn train_stage(
    cfg: &TrainConfig,
    train: &[&Prepared],
    train_extra: Option<&[ExtraFeatures]>,
    dev: Option<(&[Prepared], Option<&[ExtraFeatures]>)>,
    epochs: usize,
    name: &str,
) -> (DenseF32, usize) {
    let mut p = Perceptron::new(cfg.bits);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(cfg.seed.max(1));
    let mut best: Option<(f64, DenseF32, usize)> = None;
    let mut since_best = 0;
    for epoch in 1..=epochs {
        let t0 = std::time::Instant::now();
        rng.shuffle(&mut order);
        let mut errors = 0;
        for &d in &order {
            errors += p.train_doc(&train[d].feats, train_extra.map(|x| &x[d]), &train[d].gold);
        }
        let avg = p.averaged();
        let Some((dev_docs, dev_extra)) = dev else {
            best = Some((0.0, avg, epoch));
            continue;
        };
        let tags: Vec<Vec<u8>> =
            dev_docs.iter().enumerate().map(|(i, d)| model::decode(&avg, &d.feats, dev_extra.map(|x| &x[i]))).collect();
        let f1 = score_tags(dev_docs, &tags).f1();
        if cfg.verbose {
            eprintln!(
                "{name} epoch {epoch}: {errors} training errors, dev F1 {f1:.2} ({:.1} s)",
                t0.elapsed().as_secs_f64()
            );
        }
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, avg, epoch));
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= 3 {
                break;
            }
        }
    }
    let (_, w, e) = best.expect("at least one epoch");
    (w, e)
}

/// `train_stage` `cfg.ensemble` times with different shuffles; the weights averaged (a cheap
/// bagging that smooths the perceptron's dependence on example order). Returns the first run's epoch.
fn train_stage_ens(
    cfg: &TrainConfig,
    train: &[&Prepared],
    train_extra: Option<&[ExtraFeatures]>,
    dev: Option<(&[Prepared], Option<&[ExtraFeatures]>)>,
    epochs: usize,
    name: &str,
) -> (DenseF32, usize) {
    let (mut sum, first_epoch) = train_stage(cfg, train, train_extra, dev, epochs, name);
    let k = cfg.ensemble.max(1);
    for r in 1..k {
        let c = TrainConfig { seed: cfg.seed.wrapping_add(7919 * r as u64), ..cfg.clone() };
        let (w, _) = train_stage(&c, train, train_extra, dev, epochs, name);
        sum.w.iter_mut().zip(&w.w).for_each(|(a, b)| *a += b);
    }
    if k > 1 {
        sum.w.iter_mut().for_each(|a| *a /= k as f32);
        if let (true, Some((dev_docs, dev_extra))) = (cfg.verbose, dev) {
            let tags: Vec<Vec<u8>> = dev_docs
                .iter()
                .enumerate()
                .map(|(i, d)| model::decode(&sum, &d.feats, dev_extra.map(|x| &x[i])))
                .collect();
            eprintln!("{name} ensemble of {k}: dev F1 {:.2}", score_tags(dev_docs, &tags).f1());
        }
    }
    (sum, first_epoch)
}

fn extras_for<S: Scorer>(sc: &S, docs: &[&Prepared]) -> Vec<ExtraFeatures> {
    docs.iter().map(|d| model::stage1_extra(sc, &d.feats)).collect()
}

/// Trains a model on `train`, choosing epochs on `dev` when given.
pub fn train(lex: Lexicon, train: &[ConllDoc], dev: Option<&[ConllDoc]>, cfg: &TrainConfig) -> Model {
    let t0 = std::time::Instant::now();
    let tr = prepare(&lex, train);
    let dv = dev.map(|d| prepare(&lex, d));
    if cfg.verbose {
        eprintln!("features ready in {:.1} s", t0.elapsed().as_secs_f64());
    }
    let all: Vec<&Prepared> = tr.iter().collect();
    let (w1, best_epoch) = train_stage_ens(cfg, &all, None, dv.as_deref().map(|d| (d, None)), cfg.epochs, "stage 1");
    let stage1 = Weights::quantise(&w1);
    let stage2 = if cfg.stage2 {
        // Jackknife: each fold's first-stage decisions come from a model trained without it.
        let folds = cfg.folds.clamp(2, tr.len().max(2));
        let mut train_extra: Vec<Option<ExtraFeatures>> = (0..tr.len()).map(|_| None).collect();
        for k in 0..folds {
            let rest: Vec<&Prepared> = tr.iter().enumerate().filter(|(i, _)| i % folds != k).map(|(_, d)| d).collect();
            let held: Vec<usize> = (0..tr.len()).filter(|i| i % folds == k).collect();
            let (wk, _) = train_stage_ens(cfg, &rest, None, None, best_epoch, "fold");
            for i in held {
                train_extra[i] = Some(model::stage1_extra(&wk, &tr[i].feats));
            }
            if cfg.verbose {
                eprintln!("fold {}/{folds} done ({:.1} s)", k + 1, t0.elapsed().as_secs_f64());
            }
        }
        let train_extra: Vec<ExtraFeatures> = train_extra.into_iter().map(Option::unwrap).collect();
        let dev_extra = dv.as_ref().map(|d| extras_for(&stage1, &d.iter().collect::<Vec<_>>()));
        let (w2, _) = train_stage_ens(
            cfg,
            &all,
            Some(&train_extra),
            dv.as_deref().map(|d| (d, dev_extra.as_deref())),
            cfg.epochs,
            "stage 2",
        );
        Some(Weights::quantise(&w2))
    } else {
        None
    };
    Model::new(lex, stage1, stage2)
}

/// Exact-span counts of a model on CoNLL documents, tagging their gold tokens directly.
pub fn evaluate_tokens(model: &Model, docs: &[ConllDoc]) -> Counts {
    let prepared = prepare(&model.lex, docs);
    let tags: Vec<Vec<u8>> = prepared.iter().map(|d| model.tag_features(&d.feats)).collect();
    score_tags(&prepared, &tags)
}
