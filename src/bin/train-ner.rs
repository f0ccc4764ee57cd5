//! Trains the entity tagger the package ships:
//!
//!     cargo run --release --bin train-ner -- --train ../shared/data/conll2003/train.txt \
//!         --dev ../shared/data/conll2003/dev.txt --out models/ner.bin
//!
//! Options: --upper-every N (add an upper-cased copy of every Nth training document), --epochs N (most per stage, default 10), --bits B (2^B weight rows, default 19),
//! --no-stage2, --ensemble N (perceptrons averaged per stage, default 1), --folds K (jackknife folds for stage 2, default 4), --seed S (shuffling, default 7), --clusters FILE (try another
//! cluster file instead of models/clusters.tsv), --load MODEL [--errors] (score a model on --dev
//! with gold tokens), --pipeline FILE [--load MODEL] (score the shipped model, or MODEL, through
//! `parse`; after training, the new model's pipeline score on --dev is printed too; --upper,
//! --sentence-docs and --map JSON read the file as `dateline eval conll` does).
use dateline::eval::conll;
use dateline::eval::{
    stages::{Lexicon, TYPES},
    train,
};
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
    let (mut load, mut show_errors, mut clusters) = (None, false, None::<PathBuf>);
    let (mut pipeline, mut pipeline_errors, mut story) = (None::<PathBuf>, None::<PathBuf>, None::<PathBuf>);
    let mut conll_opts = dateline::eval::ner::ConllOptions::default();
    let mut stories = None::<PathBuf>;
    let mut cfg = train::TrainConfig { verbose: true, ..Default::default() };
    let mut upper_every = 0usize;
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--train" => train_path = Some(PathBuf::from(val()?)),
            "--dev" => dev_path = Some(PathBuf::from(val()?)),
            "--out" => out = PathBuf::from(val()?),
            "--epochs" => cfg.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => cfg.bits = val()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--seed" => cfg.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--folds" => cfg.folds = val()?.parse().map_err(|e| format!("--folds: {e}"))?,
            "--no-stage2" => cfg.stage2 = false,
            "--ensemble" => cfg.ensemble = val()?.parse().map_err(|e| format!("--ensemble: {e}"))?,
            "--clusters" => clusters = Some(PathBuf::from(val()?)),
            "--upper-every" => upper_every = val()?.parse().map_err(|e| format!("--upper-every: {e}"))?,
            "--load" => load = Some(PathBuf::from(val()?)),
            "--errors" => show_errors = true,
            // entities of one story (parsed whole) by the shipped model or --load MODEL
            "--story" => story = Some(PathBuf::from(val()?)),
            // entities of many stories, a JSON line {"id", "text"} each, as JSON lines with
            // code-point offsets (to compare models on stories from another set, such as the link gold's)
            "--stories" => stories = Some(PathBuf::from(val()?)),
            "--pipeline-errors" => pipeline_errors = Some(PathBuf::from(val()?)),
            "--compare" => {
                // where the full pipeline and the tagger on gold tokens disagree, with the gold
                // answer: LOSS = the tagger had it right, the pipeline not; GAIN = the reverse
                let p = PathBuf::from(val()?);
                let docs = conll::read(&p).map_err(|e| e.to_string())?;
                let model = dateline::eval::stages::shipped_model().map_err(|e| e.to_string())?;
                let (mut loss, mut gain) = (0, 0);
                for d in &docs {
                    let (text, spans) = dateline::eval::ner::document_text(d);
                    let (gold, pipe) = dateline::eval::ner::predict_document(d).map_err(|e| e.to_string())?;
                    let toks: Vec<Vec<&str>> =
                        d.sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
                    let mut tag = Vec::new();
                    for (si, ents) in model.tag_document(&toks).iter().enumerate() {
                        for &(s, e, k) in ents {
                            tag.push((spans[si][s].0, spans[si][e - 1].1, TYPES[k].to_string()));
                        }
                    }
                    let show = |v: &[(usize, usize, String)], g: &(usize, usize, String)| -> String {
                        v.iter()
                            .filter(|p| p.0 < g.1 && g.0 < p.1)
                            .map(|p| format!("{} {:?}", p.2, &text[p.0..p.1]))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    for g in &gold {
                        let (t, q) = (tag.contains(g), pipe.contains(g));
                        if t != q {
                            let what = if t {
                                loss += 1;
                                "LOSS"
                            } else {
                                gain += 1;
                                "GAIN"
                            };
                            println!(
                                "{what} gold {} {:?}: tagger [{}] pipeline [{}]",
                                g.2,
                                &text[g.0..g.1],
                                show(&tag, g),
                                show(&pipe, g)
                            );
                        }
                    }
                    for q in &pipe {
                        if !gold.contains(q)
                            && !tag.contains(q)
                            && tag.iter().all(|t| gold.contains(t) || !(t.0 < q.1 && q.0 < t.1))
                        {
                            loss += 1;
                            println!("LOSS spurious pipeline {} {:?}", q.2, &text[q.0..q.1]);
                        }
                    }
                }
                eprintln!("{loss} losses, {gain} gains");
                return Ok(());
            }
            // the shipped model (or --load MODEL) through the full parse pipeline (the acceptance
            // protocol); run after the other arguments
            "--pipeline" => pipeline = Some(PathBuf::from(val()?)),
            // how --pipeline reads its file, as `dateline eval conll` does
            "--upper" => conll_opts.upper = true,
            "--sentence-docs" => conll_opts.sentence_docs = true,
            "--map" => {
                let p = PathBuf::from(val()?);
                let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))?;
                let v = v.get("entity_type_map").unwrap_or(&v);
                conll_opts.type_map =
                    Some(serde_json::from_value(v.clone()).map_err(|e| format!("{}: {e}", p.display()))?);
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if !(10..=24).contains(&cfg.bits) {
        return Err(format!("--bits {} is out of range 10..=24", cfg.bits));
    }
    let loaded = match (&load, pipeline.is_some() || pipeline_errors.is_some() || story.is_some() || stories.is_some())
    {
        (Some(m), true) => {
            let bytes = std::fs::read(m).map_err(|e| format!("{}: {e}", m.display()))?;
            Some(dateline::eval::stages::Model::from_bytes(&bytes, Lexicon::builtin()).map_err(|e| e.to_string())?)
        }
        _ => None,
    };
    let model = loaded.as_ref();
    if let Some(p) = &story {
        let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        let opts = Default::default();
        let art = match model {
            Some(m) => dateline::parse_with_model(&text, &opts, m),
            None => dateline::parse(&text, &opts),
        }
        .map_err(|e| e.to_string())?;
        for e in &art.entities {
            println!("{}\t{}", e.label.as_str(), art.slice(e.span));
        }
        return Ok(());
    }
    if let Some(p) = &stories {
        let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        let opts = Default::default();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{}: {e}", p.display()))?;
            let (id, body) = (&v["id"], v["text"].as_str().unwrap_or(""));
            let art = match model {
                Some(m) => dateline::parse_with_model(body, &opts, m),
                None => dateline::parse(body, &opts),
            }
            .map_err(|e| e.to_string())?;
            // byte offset -> code-point offset, once per story
            let mut cp = vec![0u32; body.len() + 1];
            let mut n = 0u32;
            for (b, ch) in body.char_indices() {
                for k in 0..ch.len_utf8() {
                    cp[b + k] = n;
                }
                n += 1;
            }
            cp[body.len()] = n;
            for e in &art.entities {
                let row = serde_json::json!({"id": id, "start": cp[e.span.start], "end": cp[e.span.end],
                    "label": e.label.as_str(), "text": art.slice(e.span)});
                println!("{row}");
            }
        }
        return Ok(());
    }
    if let Some(p) = &pipeline_errors {
        let docs = conll::read(p).map_err(|e| e.to_string())?;
        let mut n = 0;
        for d in &docs {
            let (text, _) = dateline::eval::ner::document_text(d);
            // the story's first word ("SOCCER", "CRICKET"): errors by topic
            let topic = text.split([' ', '\n']).next().unwrap_or("");
            let (gold, pred) = dateline::eval::ner::predict_document_with(d, model).map_err(|e| e.to_string())?;
            for g in &gold {
                if !pred.contains(g) {
                    let got: Vec<String> = pred
                        .iter()
                        .filter(|p| p.0 < g.1 && g.0 < p.1)
                        .map(|p| format!("{} {:?}", p.2, &text[p.0..p.1]))
                        .collect();
                    println!("MISS {} {:?} got {:?} [{topic}]", g.2, &text[g.0..g.1], got);
                    n += 1;
                }
            }
            for p in &pred {
                if !gold.iter().any(|g| g.0 < p.1 && p.0 < g.1) {
                    println!("SPURIOUS {} {:?} [{topic}]", p.2, &text[p.0..p.1]);
                }
            }
        }
        eprintln!("{n} missed");
        return Ok(());
    }
    if let Some(p) = &pipeline {
        let r = dateline::eval::ner::evaluate_conll_opts_with(p, &conll_opts, model).map_err(|e| e.to_string())?;
        print!("{r}");
        return Ok(());
    }
    if let Some(p) = load {
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let model = dateline::eval::stages::Model::from_bytes(&bytes, Lexicon::builtin()).map_err(|e| e.to_string())?;
        let dev = dev_path.ok_or("--dev FILE is required with --load")?;
        let report = dateline::eval::ner::evaluate_conll_gold_tokens(&dev, &model).map_err(|e| e.to_string())?;
        print!("{report}");
        if show_errors {
            print_errors(&model, &dev)?;
        }
        return Ok(());
    }
    let train_path = train_path.ok_or("--train FILE is required")?;
    let mut train_docs = conll::read(&train_path).map_err(|e| e.to_string())?;
    if upper_every > 0 {
        // Headline-style copies: every Nth document again, each token upper-cased, so the model
        // learns names whose case says nothing.
        let copies: Vec<conll::ConllDoc> = train_docs.iter().step_by(upper_every).map(conll::upper_cased).collect();
        eprintln!("{} upper-cased copies added", copies.len());
        train_docs.extend(copies);
    }
    let dev_docs = match &dev_path {
        Some(p) => Some(conll::read(p).map_err(|e| e.to_string())?),
        None => None,
    };
    let t0 = std::time::Instant::now();
    // --clusters tries another cluster file; ship it by copying it to models/clusters.tsv.
    let lex = match &clusters {
        Some(p) => Lexicon::from_text(
            dateline::eval::stages::LEXICON_TSV,
            &std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?,
        ),
        None => Lexicon::builtin(),
    };
    eprintln!("lexicon: {} clusters", lex.cluster_count());
    let model = train::train(lex, &train_docs, dev_docs.as_deref(), &cfg);
    eprintln!("trained in {:.1} s", t0.elapsed().as_secs_f64());
    if let Some(dev) = &dev_docs {
        let c = train::evaluate_tokens(&model, dev);
        for (k, t) in TYPES.iter().enumerate() {
            eprintln!("dev {t}: F1 {:.2} (gold {}, predicted {})", c.f1_of(k), c.gold[k], c.pred[k]);
        }
        eprintln!("dev overall F1 on gold tokens: {:.2}", c.f1());
        if let Some(p) = &dev_path {
            let r = dateline::eval::ner::evaluate_conll_with(p, Some(&model)).map_err(|e| e.to_string())?;
            eprint!("{r}");
        }
    }
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("wrote {} ({:.1} MB)", out.display(), bytes.len() as f64 / 1e6);
    Ok(())
}

/// Lists the model's errors on a CoNLL file (gold tokens): missed and spurious entities, by count.
fn print_errors(model: &dateline::eval::stages::Model, path: &std::path::Path) -> Result<(), String> {
    use std::collections::HashMap;
    let docs = conll::read(path).map_err(|e| e.to_string())?;
    let mut errs: HashMap<String, usize> = HashMap::new();
    for d in &docs {
        let toks: Vec<Vec<&str>> = d.sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
        let tagged = model.tag_document(&toks);
        for (si, s) in d.sentences.iter().enumerate() {
            let gold: Vec<(usize, usize, String)> =
                conll::entity_spans(&s.tags).into_iter().map(|e| (e.start, e.end, e.kind)).collect();
            let pred: Vec<(usize, usize, String)> =
                tagged[si].iter().map(|&(a, b, k)| (a, b, TYPES[k].to_string())).collect();
            for g in &gold {
                if !pred.contains(g) {
                    let p = pred
                        .iter()
                        .find(|p| p.0 < g.1 && g.0 < p.1)
                        .map(|p| format!("{} {}", p.2, s.tokens[p.0..p.1].join(" ")))
                        .unwrap_or("-".into());
                    *errs.entry(format!("MISS {} [{}] got [{}]", g.2, s.tokens[g.0..g.1].join(" "), p)).or_default() +=
                        1;
                }
            }
            for p in &pred {
                if !gold.iter().any(|g| g.0 < p.1 && p.0 < g.1) {
                    *errs.entry(format!("SPURIOUS {} [{}]", p.2, s.tokens[p.0..p.1].join(" "))).or_default() += 1;
                }
            }
        }
    }
    let mut v: Vec<_> = errs.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (e, n) in v.iter().take(150) {
        println!("{n:4} {e}");
    }
    Ok(())
}
