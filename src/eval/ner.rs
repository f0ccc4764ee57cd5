//! CoNLL-2003 evaluation by the project's protocol: each document (between `-DOCSTART-` lines)
//! becomes one text, its sentences joined by "\n" and each sentence's tokens by single spaces; the
//! full `crate::parse` pipeline runs on it; entities are mapped to CoNLL's four types with
//! `Label::conll()`; a prediction counts only when its byte span and type equal a gold entity's.
//! Reads IOB1 and IOB2.

use crate::error::Result;
use crate::eval::conll::{self, entity_spans, ConllDoc};
use crate::types::ParseOptions;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;
use std::path::Path;

pub const CONLL_TYPES: [&str; 4] = ["LOC", "MISC", "ORG", "PER"];

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TypeScore {
    /// "LOC", "MISC", "ORG", "PER" or "overall".
    #[serde(rename = "type")]
    pub kind: String,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl TypeScore {
    fn new(kind: &str, gold: usize, predicted: usize, correct: usize) -> Self {
        let p = if predicted > 0 { 100.0 * correct as f64 / predicted as f64 } else { 0.0 };
        let r = if gold > 0 { 100.0 * correct as f64 / gold as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        TypeScore { kind: kind.to_string(), gold, predicted, correct, precision: p, recall: r, f1: f }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EvalReport {
    pub path: String,
    /// "full pipeline" or "gold tokens".
    pub mode: String,
    pub documents: usize,
    pub tokens: usize,
    pub per_type: Vec<TypeScore>,
    pub overall: TypeScore,
    pub seconds: f64,
}

impl EvalReport {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("report serialises")
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} ({}): {} documents, {} tokens, {:.1} s",
            self.path, self.mode, self.documents, self.tokens, self.seconds
        )?;
        writeln!(
            f,
            "{:<8} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6}",
            "type", "precision", "recall", "F1", "gold", "pred", "ok"
        )?;
        for s in self.per_type.iter().chain(std::iter::once(&self.overall)) {
            writeln!(
                f,
                "{:<8} {:>9.2} {:>9.2} {:>9.2} {:>6} {:>6} {:>6}",
                s.kind, s.precision, s.recall, s.f1, s.gold, s.predicted, s.correct
            )?;
        }
        Ok(())
    }
}

/// One CoNLL document as the protocol's text, with each sentence's token byte spans.
pub fn document_text(doc: &ConllDoc) -> (String, Vec<Vec<(usize, usize)>>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(doc.sentences.len());
    for (si, s) in doc.sentences.iter().enumerate() {
        if si > 0 {
            text.push('\n');
        }
        let mut sp = Vec::with_capacity(s.tokens.len());
        for (ti, t) in s.tokens.iter().enumerate() {
            if ti > 0 {
                text.push(' ');
            }
            sp.push((text.len(), text.len() + t.len()));
            text.push_str(t);
        }
        spans.push(sp);
    }
    (text, spans)
}

/// Gold entities of a document as (start byte, end byte, type).
pub fn gold_entities(doc: &ConllDoc, spans: &[Vec<(usize, usize)>]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (s, sp) in doc.sentences.iter().zip(spans) {
        for e in entity_spans(&s.tags) {
            out.push((sp[e.start].0, sp[e.end - 1].1, e.kind));
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    gold: [usize; 4],
    pred: [usize; 4],
    ok: [usize; 4],
}

impl Tally {
    fn add(&mut self, gold: &[(usize, usize, String)], pred: &[(usize, usize, String)]) {
        let idx = |k: &str| CONLL_TYPES.iter().position(|t| *t == k);
        let g: HashSet<&(usize, usize, String)> = gold.iter().collect();
        for e in gold {
            if let Some(i) = idx(&e.2) {
                self.gold[i] += 1;
            }
        }
        for e in pred {
            if let Some(i) = idx(&e.2) {
                self.pred[i] += 1;
                if g.contains(e) {
                    self.ok[i] += 1;
                }
            }
        }
    }
    fn report(&self, path: &Path, mode: &str, docs: &[ConllDoc], seconds: f64) -> EvalReport {
        let per_type: Vec<TypeScore> = CONLL_TYPES
            .iter()
            .enumerate()
            .map(|(i, k)| TypeScore::new(k, self.gold[i], self.pred[i], self.ok[i]))
            .collect();
        let overall = TypeScore::new("overall", self.gold.iter().sum(), self.pred.iter().sum(), self.ok.iter().sum());
        EvalReport {
            path: path.display().to_string(),
            mode: mode.to_string(),
            documents: docs.len(),
            tokens: docs.iter().flat_map(|d| &d.sentences).map(|s| s.tokens.len()).sum(),
            per_type,
            overall,
            seconds,
        }
    }
}

/// An entity as scored: start and end token, CoNLL type.
pub type Mention = (usize, usize, String);

/// The protocol's predictions for one document: `crate::parse` on its text, labels mapped to CoNLL.
pub fn predict_document(doc: &ConllDoc) -> Result<(Vec<Mention>, Vec<Mention>)> {
    predict_document_with(doc, None)
}

/// `predict_document` with `model` in place of the shipped one when given.
pub fn predict_document_with(
    doc: &ConllDoc,
    model: Option<&crate::entities::Model>,
) -> Result<(Vec<Mention>, Vec<Mention>)> {
    let (text, spans) = document_text(doc);
    let art = match model {
        Some(m) => crate::parse_with_model(&text, &ParseOptions::default(), m)?,
        None => crate::parse(&text, &ParseOptions::default())?,
    };
    let pred = art
        .entities
        .iter()
        .filter_map(|e| e.label.conll().map(|k| (e.span.start, e.span.end, k.to_string())))
        .collect();
    Ok((gold_entities(doc, &spans), pred))
}

/// Evaluates the full pipeline on a CoNLL file by the protocol above.
pub fn evaluate_conll(path: &Path) -> Result<EvalReport> {
    evaluate_conll_with(path, None)
}

/// How to read a CoNLL-style file for evaluation.
#[derive(Debug, Clone, Default)]
pub struct ConllOptions {
    /// Entity type -> type ("politician" -> "PER"): a file with other types scored as CoNLL's.
    pub type_map: Option<std::collections::HashMap<String, String>>,
    /// Each sentence is its own document.
    pub sentence_docs: bool,
    /// Every token upper-cased (headline style), the gold unchanged.
    pub upper: bool,
}

/// `evaluate_conll` over the file read as `opts` says.
pub fn evaluate_conll_opts(path: &Path, opts: &ConllOptions) -> Result<EvalReport> {
    evaluate_conll_opts_with(path, opts, None)
}

/// `evaluate_conll_opts` with `model` in place of the shipped one when given.
pub fn evaluate_conll_opts_with(
    path: &Path,
    opts: &ConllOptions,
    model: Option<&crate::entities::Model>,
) -> Result<EvalReport> {
    let mut docs = conll::read(path)?;
    if let Some(map) = &opts.type_map {
        conll::map_types(&mut docs, map)?;
    }
    if opts.sentence_docs {
        docs = conll::sentence_documents(docs);
    }
    if opts.upper {
        docs = docs.iter().map(conll::upper_cased).collect();
    }
    let t0 = std::time::Instant::now();
    let mut tally = Tally::default();
    for d in &docs {
        let (gold, pred) = predict_document_with(d, model)?;
        tally.add(&gold, &pred);
    }
    let mut mode = String::from("full pipeline");
    for (on, what) in [
        (opts.type_map.is_some(), "types mapped"),
        (opts.sentence_docs, "a sentence per document"),
        (opts.upper, "upper-cased"),
    ] {
        if on {
            mode.push_str(", ");
            mode.push_str(what);
        }
    }
    Ok(tally.report(path, &mode, &docs, t0.elapsed().as_secs_f64()))
}

/// `evaluate_conll` with `model` in place of the shipped one when given.
pub fn evaluate_conll_with(path: &Path, model: Option<&crate::entities::Model>) -> Result<EvalReport> {
    evaluate_conll_opts_with(path, &ConllOptions::default(), model)
}

/// Evaluates the shipped tagger alone on the gold tokens (no tokenizer, no rules): isolates the
/// model's accuracy from the rest of the pipeline.
pub fn evaluate_conll_gold_tokens(path: &Path, model: &crate::entities::Model) -> Result<EvalReport> {
    let docs = conll::read(path)?;
    let t0 = std::time::Instant::now();
    let mut tally = Tally::default();
    for d in &docs {
        let (_, spans) = document_text(d);
        let toks: Vec<Vec<&str>> = d.sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
        let tagged = model.tag_document(&toks);
        let mut pred = Vec::new();
        for (si, ents) in tagged.iter().enumerate() {
            for &(s, e, k) in ents {
                pred.push((spans[si][s].0, spans[si][e - 1].1, crate::entities::model::TYPES[k].to_string()));
            }
        }
        tally.add(&gold_entities(d, &spans), &pred);
    }
    Ok(tally.report(path, "gold tokens", &docs, t0.elapsed().as_secs_f64()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_text_follows_the_protocol() {
        let docs = conll::parse(
            "-DOCSTART- -X- O O\n\nAnna NNP I-NP I-PER\nSvensson NNP I-NP I-PER\nwon VBD O O\n\nOslo NNP O B-LOC\n",
            "t",
        )
        .unwrap();
        let (text, spans) = document_text(&docs[0]);
        assert_eq!(text, "Anna Svensson won\nOslo");
        assert_eq!(spans[1], vec![(18, 22)]);
        let gold = gold_entities(&docs[0], &spans);
        assert_eq!(gold, vec![(0, 13, "PER".to_string()), (18, 22, "LOC".to_string())]);
    }

    #[test]
    fn exact_span_and_type_scoring() {
        let mut t = Tally::default();
        let gold = vec![(0, 13, "PER".to_string()), (18, 22, "LOC".to_string())];
        // partial span and wrong type both count as errors
        let pred = vec![(0, 4, "PER".to_string()), (18, 22, "ORG".to_string())];
        t.add(&gold, &pred);
        assert_eq!((t.ok.iter().sum::<usize>(), t.pred.iter().sum::<usize>()), (0, 2));
        t.add(&gold, &gold);
        let r = t.report(Path::new("x"), "test", &[], 0.0);
        assert_eq!(r.overall.correct, 2);
        assert!((r.overall.recall - 50.0).abs() < 1e-9);
        assert!((r.overall.precision - 50.0).abs() < 1e-9);
        assert!(r.to_string().contains("overall"));
        assert!(r.to_json().contains("\"f1\""));
    }
}
