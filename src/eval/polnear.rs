//! PolNeAR (attribution relations in US political news, 2016): reader and scorer of quotes, their
//! speakers and attributions (direct and indirect).
//!
//! Rule (as the README's evaluation section states it): two spans match when they overlap by at least
//! half of the shorter one.
//! - Direct quotes: gold = the content pieces of the attributions whose every piece is in quotation
//!   marks (`direct`); predicted = `Article.quotes`. A quote lying in the content of a partly quoted
//!   attribution (a quoted phrase inside indirect speech) is neither right nor wrong: it is left out
//!   of precision. Precision: quotes matching a gold piece; recall: gold pieces matched by a quote.
//! - Named-speaker accuracy: over the quotes found (matched) whose gold attribution's source opens with
//!   a name (its first word, after "the" and titles, capitalised and no pronoun or quantifier; CoreNLP's
//!   automatic tag of the source neither PRONOUN nor OTHER); right when the speaker found (else the
//!   cited medium) shares a word with the source, titles and "the" aside.
//! - Attributions: predicted = `Article.attributions`; one matches a gold attribution when its content
//!   matches one of the gold content pieces and its speaker mention matches the gold source (a gold
//!   attribution without a source needs the content only). Precision: attributions matching some gold
//!   one; recall: gold attributions matched by some attribution.
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::eval::time::Prf;
use crate::types::*;

/// One gold attribution, spans as byte offsets into the article's text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldAttribution {
    pub source: Option<Span>,
    pub source_text: String,
    pub cue: Option<Span>,
    pub content: Vec<Span>,
    pub direct: bool,
    pub partial_quote: bool,
    /// CoreNLP's tag of the source (PERSON, ORGANIZATION, PRONOUN, OTHER, ...): not gold.
    pub source_ner_auto: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PolnearDoc {
    pub id: String,
    pub date: Option<String>,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

/// Reads a PolNeAR JSONL file (one article a line).
pub fn read(path: &Path) -> Result<Vec<PolnearDoc>> {
    let raw = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
    let mut docs = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc = parse_line(line).map_err(|m| Error::Input(format!("{}:{}: {m}", path.display(), i + 1)))?;
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(Error::Input(format!("{}: no articles", path.display())));
    }
    Ok(docs)
}

/// Byte offset of each code point index (and of the end).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn parse_line(line: &str) -> std::result::Result<PolnearDoc, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let text = v["text"].as_str().ok_or("no \"text\"")?.to_string();
    let bytes = byte_offsets(&text);
    let span = |x: &serde_json::Value| -> std::result::Result<Option<Span>, String> {
        if x.is_null() {
            return Ok(None);
        }
        let (s, e) = (x[0].as_u64().ok_or("bad span")? as usize, x[1].as_u64().ok_or("bad span")? as usize);
        if s > e || e >= bytes.len() {
            return Err(format!("span {s}..{e} out of the text"));
        }
        Ok(Some(Span::new(bytes[s], bytes[e])))
    };
    let mut attributions = Vec::new();
    for a in v["attributions"].as_array().ok_or("no \"attributions\"")? {
        let content = a["content"]
            .as_array()
            .map(|c| c.iter().filter_map(|x| span(x).transpose()).collect::<std::result::Result<Vec<_>, _>>())
            .transpose()?
            .unwrap_or_default();
        attributions.push(GoldAttribution {
            source: span(&a["source"])?,
            source_text: a["source"][2].as_str().unwrap_or("").to_string(),
            cue: span(&a["cue"])?,
            content,
            direct: a["direct"].as_bool().unwrap_or(false),
            partial_quote: a["partial_quote"].as_bool().unwrap_or(false),
            source_ner_auto: a["source_ner_auto"].as_str().map(str::to_string),
        });
    }
    Ok(PolnearDoc {
        id: v["id"].as_str().unwrap_or("").to_string(),
        date: v["date"].as_str().map(str::to_string),
        text,
        attributions,
    })
}

/// The two spans overlap by at least half of the shorter one.
pub fn matches(a: Span, b: Span) -> bool {
    let overlap = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let shorter = a.len().min(b.len());
    overlap > 0 && 2 * overlap >= shorter
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Accuracy {
    pub total: usize,
    pub correct: usize,
    pub accuracy: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PolnearReport {
    pub documents: usize,
    pub gold_quotes: usize,
    pub predicted_quotes: usize,
    /// Quotes inside partly quoted indirect speech, left out of precision.
    pub quotes_in_partial: usize,
    pub direct_quotes: Prf,
    pub named_speaker: Accuracy,
    pub gold_attributions: usize,
    pub predicted_attributions: usize,
    pub attributions: Prf,
    /// The same over indirect attributions only (gold not `direct`, predicted not `direct`).
    pub indirect: Prf,
}

/// Words that open a source without naming anyone.
const NOT_NAMES: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "this", "these", "those", "his", "her",
    "their", "its", "our", "my", "one", "some", "many", "most", "both", "another", "several", "a", "an", "each", "all",
    "other", "others", "few", "any", "no", "none", "such", "more", "everyone", "nobody", "someone",
];

/// Title words skipped before a name and not counted as shared words.
const TITLES: &[&str] = &[
    "the",
    "mr",
    "ms",
    "mrs",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "president",
    "former",
    "senator",
    "governor",
    "secretary",
    "vice",
    "candidate",
    "nominee",
    "presidential",
    "republican",
    "democratic",
    "democrat",
    "of",
    "state",
    "u.s",
    "speaker",
    "house",
    "rev",
    "judge",
    "attorney",
    "general",
    "chairman",
    "minister",
    "prime",
    "and",
    "mayor",
    "sir",
    "lord",
    "&",
    "said",
];

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '"' | '“' | '”' | '—' | '-'))
        .map(|w| {
            let w = w.trim_end_matches("’s").trim_end_matches("'s").trim_end_matches(['’', '\'']);
            w.trim_end_matches('.').to_lowercase()
        })
        .filter(|w| !w.is_empty())
}

/// Does a gold source open with a name (a person or organisation, not a pronoun or a description)?
pub fn source_is_named(g: &GoldAttribution) -> bool {
    if g.source.is_none() || matches!(g.source_ner_auto.as_deref(), Some("PRONOUN" | "OTHER")) {
        return false;
    }
    let first = g.source_text.split_whitespace().find(|w| {
        let low = w.trim_end_matches('.').to_lowercase();
        !TITLES.contains(&low.as_str())
    });
    match first {
        Some(w) => {
            let low = w.trim_end_matches('.').to_lowercase();
            w.chars().next().is_some_and(char::is_uppercase) && !NOT_NAMES.contains(&low.as_str())
        }
        None => false,
    }
}

/// The speaker found shares a word with the gold source, titles aside.
pub fn same_speaker(found: &str, gold: &str) -> bool {
    let gold: Vec<String> = words(gold).filter(|w| !TITLES.contains(&w.as_str())).collect();
    words(found).any(|w| !TITLES.contains(&w.as_str()) && gold.contains(&w))
}

/// What the scorer needs of one analysed article.
#[derive(Debug, Clone, Default)]
pub struct Predictions {
    /// (quoted words, speaker or cited medium).
    pub quotes: Vec<(Span, Option<String>)>,
    pub attributions: Vec<Attribution>,
}

/// Runs the pipeline over the document (its text, the story dated as the document).
pub fn predict(doc: &PolnearDoc) -> Predictions {
    let opts = ParseOptions { date: doc.date.clone(), source: None };
    let Ok(art) = crate::parse(&doc.text, &opts) else {
        return Predictions::default();
    };
    Predictions {
        quotes: art.quotes.iter().map(|q| (q.span, q.speaker.clone().or_else(|| q.source.clone()))).collect(),
        attributions: art.attributions,
    }
}

/// Counts of one document, added up over the corpus.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub gold_quotes: usize,
    pub predicted_quotes: usize,
    pub quotes_in_partial: usize,
    pub quotes_right: usize,
    pub gold_quotes_found: usize,
    pub named: usize,
    pub named_right: usize,
    pub gold_attr: usize,
    pub pred_attr: usize,
    pub attr_right: usize,
    pub gold_attr_found: usize,
    pub gold_indirect: usize,
    pub pred_indirect: usize,
    pub indirect_right: usize,
    pub gold_indirect_found: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.gold_quotes += o.gold_quotes;
        self.predicted_quotes += o.predicted_quotes;
        self.quotes_in_partial += o.quotes_in_partial;
        self.quotes_right += o.quotes_right;
        self.gold_quotes_found += o.gold_quotes_found;
        self.named += o.named;
        self.named_right += o.named_right;
        self.gold_attr += o.gold_attr;
        self.pred_attr += o.pred_attr;
        self.attr_right += o.attr_right;
        self.gold_attr_found += o.gold_attr_found;
        self.gold_indirect += o.gold_indirect;
        self.pred_indirect += o.pred_indirect;
        self.indirect_right += o.indirect_right;
        self.gold_indirect_found += o.gold_indirect_found;
    }
}

fn attr_matches(p: &Attribution, g: &GoldAttribution) -> bool {
    let content = g.content.iter().any(|&c| matches(p.span, c));
    content
        && match g.source {
            None => true,
            Some(gs) => p.speaker_span.is_some_and(|ps| matches(ps, gs)),
        }
}

/// Scores one document. Every pair is compared: a document holds tens of gold attributions.
pub fn score_doc(doc: &PolnearDoc, pred: &Predictions) -> Counts {
    let gold = &doc.attributions;
    let mut c = Counts::default();
    // Direct quotes: (gold attribution, piece).
    let gold_quotes: Vec<(usize, Span)> = gold
        .iter()
        .enumerate()
        .filter(|(_, g)| g.direct)
        .flat_map(|(i, g)| g.content.iter().map(move |&s| (i, s)))
        .collect();
    c.gold_quotes = gold_quotes.len();
    let mut found = vec![false; gold_quotes.len()];
    for (span, speaker) in &pred.quotes {
        let hit = gold_quotes.iter().position(|&(_, g)| matches(*span, g));
        match hit {
            Some(k) => {
                c.predicted_quotes += 1;
                c.quotes_right += 1;
                // Every gold piece it matches is found.
                for (j, &(_, g)) in gold_quotes.iter().enumerate() {
                    if matches(*span, g) {
                        found[j] = true;
                    }
                }
                let g = &gold[gold_quotes[k].0];
                if source_is_named(g) {
                    c.named += 1;
                    if speaker.as_deref().is_some_and(|s| same_speaker(s, &g.source_text)) {
                        c.named_right += 1;
                    }
                }
            }
            None => {
                let in_partial = gold.iter().any(|g| g.partial_quote && g.content.iter().any(|&p| matches(*span, p)));
                if in_partial {
                    c.quotes_in_partial += 1;
                } else {
                    c.predicted_quotes += 1;
                }
            }
        }
    }
    c.gold_quotes_found = found.iter().filter(|&&f| f).count();
    // Attributions.
    c.gold_attr = gold.len();
    c.pred_attr = pred.attributions.len();
    let mut gold_found = vec![false; gold.len()];
    for p in &pred.attributions {
        let mut any = false;
        for (j, g) in gold.iter().enumerate() {
            if attr_matches(p, g) {
                gold_found[j] = true;
                any = true;
            }
        }
        c.attr_right += any as usize;
        if !p.direct {
            c.pred_indirect += 1;
            c.indirect_right += gold.iter().any(|g| !g.direct && attr_matches(p, g)) as usize;
        }
    }
    c.gold_attr_found = gold_found.iter().filter(|&&f| f).count();
    for g in gold.iter().filter(|g| !g.direct) {
        c.gold_indirect += 1;
        c.gold_indirect_found += pred.attributions.iter().any(|p| !p.direct && attr_matches(p, g)) as usize;
    }
    c
}

/// The report from summed counts.
pub fn report(documents: usize, c: &Counts) -> PolnearReport {
    let prf = |right: usize, pred: usize, gold_found: usize, gold: usize| {
        let mut m = Prf::new(right, pred, gold);
        // Recall counts gold items found, precision predictions right: the two may differ.
        let r = if gold == 0 { 0.0 } else { gold_found as f64 / gold as f64 };
        let p = m.precision / 100.0;
        m.recall = 100.0 * r;
        m.f1 = if p + r == 0.0 { 0.0 } else { 200.0 * p * r / (p + r) };
        m
    };
    PolnearReport {
        documents,
        gold_quotes: c.gold_quotes,
        predicted_quotes: c.predicted_quotes,
        quotes_in_partial: c.quotes_in_partial,
        direct_quotes: prf(c.quotes_right, c.predicted_quotes, c.gold_quotes_found, c.gold_quotes),
        named_speaker: Accuracy {
            total: c.named,
            correct: c.named_right,
            accuracy: if c.named == 0 { 0.0 } else { 100.0 * c.named_right as f64 / c.named as f64 },
        },
        gold_attributions: c.gold_attr,
        predicted_attributions: c.pred_attr,
        attributions: prf(c.attr_right, c.pred_attr, c.gold_attr_found, c.gold_attr),
        indirect: prf(c.indirect_right, c.pred_indirect, c.gold_indirect_found, c.gold_indirect),
    }
}

/// Reads and scores a PolNeAR file.
pub fn evaluate(path: &Path) -> Result<PolnearReport> {
    let docs = read(path)?;
    let mut total = Counts::default();
    for d in &docs {
        total += score_doc(d, &predict(d));
    }
    Ok(report(docs.len(), &total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_of_half_the_shorter() {
        assert!(matches(Span::new(0, 10), Span::new(5, 30)));
        assert!(!matches(Span::new(0, 10), Span::new(6, 30)));
        assert!(matches(Span::new(10, 12), Span::new(0, 100)));
        assert!(!matches(Span::new(0, 10), Span::new(10, 20)));
    }

    #[test]
    fn named_sources_and_shared_words() {
        let g = |t: &str, ner: &str| GoldAttribution {
            source: Some(Span::new(0, t.len())),
            source_text: t.into(),
            cue: None,
            content: vec![],
            direct: true,
            partial_quote: false,
            source_ner_auto: Some(ner.into()),
        };
        assert!(source_is_named(&g("Mr. Trump", "PERSON")));
        assert!(source_is_named(&g("The New York Post", "ORGANIZATION")));
        assert!(!source_is_named(&g("he", "PRONOUN")));
        assert!(!source_is_named(&g("a campaign aide", "OTHER")));
        assert!(!source_is_named(&g("Some Republicans", "MISC")));
        assert!(same_speaker("Donald Trump", "Mr. Trump"));
        assert!(same_speaker("New York Post", "The Post"));
        assert!(!same_speaker("Hillary Clinton", "Sen. Bernie Sanders"));
        assert!(!same_speaker("United States", "the U.S. Deputy Ambassador"));
    }

    #[test]
    fn reads_a_line_with_char_offsets() {
        let line = r#"{"id":"x","date":"2016-01-02","text":"“Hé,” Kim said.","attributions":[{"source":[6,9,"Kim"],"cue":[10,14,"said"],"content":[[0,5,"“Hé,”"]],"direct":true,"partial_quote":false,"source_ner_auto":"PERSON"}]}"#;
        let d = parse_line(line).unwrap();
        let a = &d.attributions[0];
        assert_eq!(&d.text[a.source.unwrap().start..a.source.unwrap().end], "Kim");
        assert_eq!(&d.text[a.content[0].start..a.content[0].end], "“Hé,”");
    }
}
