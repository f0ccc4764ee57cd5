//! TimeBank evaluation of DATE and TIME entities and their values, by TempEval-3's measures.
//!
//! Protocol: each document's `<TEXT>` plain text is parsed with `date` = the DCT; gold = TIMEX3 of
//! type DATE or TIME; predictions = DATE and TIME entities. Lengths of time and recurring times
//! ("three years" -> P3Y, "every Thursday") are labelled DURATION and SET by the time stage, the
//! TimeML types gold leaves out, so they are not predictions (their number is reported as
//! `durations`).
//! strict: same extent; relaxed: overlapping extents (one-to-one); value: relaxed match with the same
//! value.
use std::fmt;
use std::path::Path;

use serde::Serialize;

use crate::error::Result;
use crate::eval::timebank::{self, TimebankDoc};
use crate::types::*;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub true_positives: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub(crate) fn new(tp: usize, predicted: usize, gold: usize) -> Prf {
        let p = if predicted == 0 { 0.0 } else { tp as f64 / predicted as f64 };
        let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf { true_positives: tp, precision: 100.0 * p, recall: 100.0 * r, f1: 100.0 * f }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TimeEvalReport {
    pub documents: usize,
    /// Gold TIMEX3 of type DATE or TIME.
    pub gold: usize,
    /// Predictions: the DATE and TIME entities.
    pub predicted: usize,
    /// DURATION and SET entities found (not scored: gold has no such type here).
    pub durations: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    pub value: Prf,
}

impl fmt::Display for TimeEvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "TimeBank: {} documents, {} gold DATE/TIME, {} predicted DATE/TIME ({} DURATION/SET not scored)",
            self.documents, self.gold, self.predicted, self.durations
        )?;
        for (name, m) in [("strict", &self.strict), ("relaxed", &self.relaxed), ("value", &self.value)] {
            writeln!(
                f,
                "  {name:<8} P {:6.2}  R {:6.2}  F1 {:6.2}  (tp {})",
                m.precision, m.recall, m.f1, m.true_positives
            )?;
        }
        Ok(())
    }
}

/// One predicted time expression: byte span into the document text and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Predicted {
    pub span: Span,
    pub value: Option<String>,
}

/// DATE/TIME entities of the document as the library finds them: the whole pipeline, with the
/// story's date set to the DCT.
pub fn predict(doc: &TimebankDoc) -> Vec<Predicted> {
    read(doc).0
}

/// The predictions and the number of DURATION/SET entities.
fn read(doc: &TimebankDoc) -> (Vec<Predicted>, usize) {
    let opts = ParseOptions { date: Some(doc.dct_date().to_string()), source: None };
    let mut art = match crate::parse(&doc.text, &opts) {
        Ok(a) => a,
        Err(_) => return (Vec::new(), 0),
    };
    // Until the tagger merges the rule entities into `parse`, the rules stand alone.
    if art.entities.is_empty() {
        art.entities = crate::entities::rules::find(&art);
        crate::reading::time_values::annotate(&mut art);
    }
    let durations = art.entities.iter().filter(|e| matches!(e.label, Label::Duration | Label::Set)).count();
    let pred = art
        .entities
        .iter()
        .filter(|e| matches!(e.label, Label::Date | Label::Time))
        .map(|e| Predicted { span: e.span, value: e.value.clone() })
        .collect();
    (pred, durations)
}

/// Per-document comparison, for reports and for looking at errors.
#[derive(Debug, Clone, Default)]
pub struct DocScore {
    pub gold: usize,
    pub predicted: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value: usize,
    /// (gold index, predicted index) pairs matched by overlap.
    pub pairs: Vec<(usize, usize)>,
}

/// Scores predictions against a document's gold DATE/TIME TIMEX3.
pub fn score_doc(doc: &TimebankDoc, pred: &[Predicted]) -> DocScore {
    let gold: Vec<&timebank::Timex> = doc.timexes.iter().filter(|t| t.kind == "DATE" || t.kind == "TIME").collect();
    let scored: Vec<(usize, &Predicted)> = pred.iter().enumerate().collect();
    let mut s = DocScore { gold: gold.len(), predicted: pred.len(), ..Default::default() };
    let mut used = vec![false; pred.len()];
    // Exact extents first, then overlaps, each prediction used once.
    let mut gold_done = vec![false; gold.len()];
    for (gi, g) in gold.iter().enumerate() {
        if let Some(&(pi, _)) =
            scored.iter().find(|(pi, p)| !used[*pi] && p.span.start == g.start && p.span.end == g.end)
        {
            used[pi] = true;
            gold_done[gi] = true;
            s.strict += 1;
            s.pairs.push((gi, pi));
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if gold_done[gi] {
            continue;
        }
        let gs = Span::new(g.start, g.end);
        if let Some(&(pi, _)) = scored.iter().find(|(pi, p)| !used[*pi] && p.span.overlaps(gs)) {
            used[pi] = true;
            s.pairs.push((gi, pi));
        }
    }
    s.relaxed = s.pairs.len();
    s.value = s.pairs.iter().filter(|&&(gi, pi)| same_value(pred[pi].value.as_deref(), &gold[gi].value)).count();
    s
}

/// Whether a predicted value is the gold one. A decade has two notations, TIMEX2's "199X" (what
/// dateline writes: the project's gold uses it) and TIMEX3's "199" (TimeBank's gold): the
/// same decade, so the same value. Nothing else is normalised.
fn same_value(pred: Option<&str>, gold: &str) -> bool {
    let Some(p) = pred else { return false };
    p == gold || (gold.len() == 3 && gold.bytes().all(|b| b.is_ascii_digit()) && p.strip_suffix('X') == Some(gold))
}

/// Scores already-read documents with `predict`.
pub fn evaluate_docs(docs: &[TimebankDoc]) -> TimeEvalReport {
    let mut r = TimeEvalReport { documents: docs.len(), ..Default::default() };
    let (mut strict, mut relaxed, mut value) = (0, 0, 0);
    for d in docs {
        let (p, durations) = read(d);
        let s = score_doc(d, &p);
        r.gold += s.gold;
        r.predicted += s.predicted;
        r.durations += durations;
        strict += s.strict;
        relaxed += s.relaxed;
        value += s.value;
    }
    r.strict = Prf::new(strict, r.predicted, r.gold);
    r.relaxed = Prf::new(relaxed, r.predicted, r.gold);
    r.value = Prf::new(value, r.predicted, r.gold);
    r
}

/// Reads every `*.tml` of `dir` (TempEval-3 TimeBank) and scores the library on it.
pub fn evaluate_timebank(dir: &Path) -> Result<TimeEvalReport> {
    let docs = timebank::read_dir(dir)?;
    Ok(evaluate_docs(&docs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_extent_and_value() {
        let xml = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="2023-07-27">x</TIMEX3></DCT><TEXT>They met <TIMEX3 type="DATE" value="2023-07-26">Wednesday</TIMEX3> and <TIMEX3 type="DATE" value="2023-W30">this week</TIMEX3> for <TIMEX3 type="DURATION" value="P2D">two days</TIMEX3>, <TIMEX3 type="DATE" value="PRESENT_REF">now</TIMEX3>.</TEXT>"#;
        let doc = timebank::parse(xml).unwrap();
        let sp = |s: &str| {
            let i = doc.text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let pred = vec![
            Predicted { span: sp("Wednesday"), value: Some("2023-07-26".into()) },
            Predicted { span: sp("week"), value: Some("2023-W29".into()) },
            Predicted { span: sp("They"), value: Some("2023".into()) },
        ];
        let s = score_doc(&doc, &pred);
        assert_eq!((s.gold, s.predicted), (3, 3));
        assert_eq!((s.strict, s.relaxed, s.value), (1, 2, 1));
    }

    #[test]
    fn a_decade_in_either_notation_is_the_same_value() {
        assert!(same_value(Some("199X"), "199"));
        assert!(same_value(Some("199"), "199"));
        assert!(!same_value(Some("198X"), "199"));
        assert!(!same_value(Some("1990"), "199"));
        assert!(!same_value(Some("2023-W3X"), "2023-W3"));
        assert!(!same_value(None, "199"));
    }

    #[test]
    fn report_serialises() {
        let r = TimeEvalReport { documents: 1, gold: 2, predicted: 2, ..Default::default() };
        let j = serde_json::to_string(&r).unwrap();
        assert!(j.contains("\"relaxed\""));
        assert!(r.to_string().contains("strict"));
    }
}
