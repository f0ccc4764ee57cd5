//! Trains the entity tagger the package ships:
//!
//!     cargo run --release --bin train-ner -- --train ../shared/data/conll2003/train.txt \
//!         --dev ../shared/data/conll2003/dev.txt --out models/ner.bin
//!
//! Options: --epochs N (most per stage, default 10), --bits B (2^B weight rows, default 19),
//! --no-stage2, --folds K (jackknife folds for stage 2, default 4).
use dateline::datasets::conll;
use dateline::ner::{lexicon::Lexicon, model::TYPES, train};
use std::path::PathBuf;

fn main() {
    if let Err(e) = run() {
        eprintln!("train-ner: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut train_path, mut dev_path, mut out) = (None, None, PathBuf::from("models/ner.bin"));
    let mut cfg = train::TrainConfig { verbose: true, ..Default::default() };
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--train" => train_path = Some(PathBuf::from(val()?)),
            "--dev" => dev_path = Some(PathBuf::from(val()?)),
            "--out" => out = PathBuf::from(val()?),
            "--epochs" => cfg.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => cfg.bits = val()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--folds" => cfg.folds = val()?.parse().map_err(|e| format!("--folds: {e}"))?,
            "--no-stage2" => cfg.stage2 = false,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if !(10..=24).contains(&cfg.bits) {
        return Err(format!("--bits {} is out of range 10..=24", cfg.bits));
    }
    let train_path = train_path.ok_or("--train FILE is required")?;
    let train_docs = conll::read(&train_path).map_err(|e| e.to_string())?;
    let dev_docs = match &dev_path {
        Some(p) => Some(conll::read(p).map_err(|e| e.to_string())?),
        None => None,
    };
    let t0 = std::time::Instant::now();
    let lex = Lexicon::builtin();
    eprintln!("lexicon: {} clusters", lex.cluster_count());
    let model = train::train(lex, &train_docs, dev_docs.as_deref(), &cfg);
    eprintln!("trained in {:.1} s", t0.elapsed().as_secs_f64());
    if let Some(dev) = &dev_docs {
        let c = train::evaluate_tokens(&model, dev);
        for (k, t) in TYPES.iter().enumerate() {
            eprintln!("dev {t}: F1 {:.2} (gold {}, predicted {})", c.f1_of(k), c.gold[k], c.pred[k]);
        }
        eprintln!("dev overall F1 on gold tokens: {:.2}", c.f1());
    }
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("wrote {} ({:.1} MB)", out.display(), bytes.len() as f64 / 1e6);
    Ok(())
}
