//! Reader for CoNLL-2003 style NER files: `token POS chunk NER` (any number of columns, the tag
//! last), one token a line, a blank line between sentences, `-DOCSTART-` before each document.
//! Tags may be IOB1 (`B-` only where two entities of one type touch) or IOB2 (`B-` on every first
//! token); [`entity_spans`] reads both, and BILOU/IOBES too.

use crate::error::{Error, Result};
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllSentence {
    pub tokens: Vec<String>,
    /// The NER tag of each token as written ("O", "I-PER", "B-LOC", ...).
    pub tags: Vec<String>,
}

/// One document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllDoc {
    pub sentences: Vec<ConllSentence>,
}

/// A gold entity: tokens `[start, end)` of one sentence and its type ("PER", "ORG", "LOC", "MISC").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TokenSpan {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

/// The document with every token upper-cased (headline style); the tags stay.
pub fn upper_cased(doc: &ConllDoc) -> ConllDoc {
    let sentences = doc
        .sentences
        .iter()
        .map(|s| ConllSentence { tokens: s.tokens.iter().map(|t| t.to_uppercase()).collect(), tags: s.tags.clone() })
        .collect();
    ConllDoc { sentences }
}

/// Each sentence as a document of its own (for files without `-DOCSTART-` lines, such as
/// CrossNER, where the whole file would otherwise be one document).
pub fn sentence_documents(docs: Vec<ConllDoc>) -> Vec<ConllDoc> {
    docs.into_iter().flat_map(|d| d.sentences).map(|s| ConllDoc { sentences: vec![s] }).collect()
}

/// Renames the entity types of every tag by `map` (type -> type, e.g. "politician" -> "PER"); a
/// type the map does not name is an error, so no entity is dropped by a typo in the map.
pub fn map_types(docs: &mut [ConllDoc], map: &std::collections::HashMap<String, String>) -> Result<()> {
    for d in docs.iter_mut() {
        for s in d.sentences.iter_mut() {
            for tag in s.tags.iter_mut() {
                if tag == "O" {
                    continue;
                }
                let (prefix, kind) = tag.split_at(2);
                let to = map.get(kind).ok_or_else(|| {
                    Error::Input(format!("entity type {kind:?} is not in the type map ({} types)", map.len()))
                })?;
                *tag = format!("{prefix}{to}");
            }
        }
    }
    Ok(())
}

/// Reads a CoNLL file; errors name the file and line.
pub fn read(path: &Path) -> Result<Vec<ConllDoc>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    let text = crate::error::decode_utf8(&bytes, true)?;
    parse(&text, &path.display().to_string())
}

/// Parses CoNLL text; `origin` names the source in error messages.
pub fn parse(text: &str, origin: &str) -> Result<Vec<ConllDoc>> {
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut doc = ConllDoc::default();
    let mut sent = ConllSentence::default();
    for (lineno, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !sent.tokens.is_empty() {
                doc.sentences.push(std::mem::take(&mut sent));
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            if !sent.tokens.is_empty() {
                doc.sentences.push(std::mem::take(&mut sent));
            }
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let mut cols = line.split_whitespace();
        let token = cols.next().unwrap_or_default();
        let tag = cols.last().ok_or_else(|| {
            Error::Input(format!("{origin}:{}: expected `token ... TAG`, found one column: {line:?}", lineno + 1))
        })?;
        if !(tag == "O" || valid_tag(tag)) {
            return Err(Error::Input(format!(
                "{origin}:{}: NER tag {tag:?} is not O or B-/I-/E-/L-/S-/U- followed by a type",
                lineno + 1
            )));
        }
        sent.tokens.push(token.to_string());
        sent.tags.push(tag.to_string());
    }
    if !sent.tokens.is_empty() {
        doc.sentences.push(sent);
    }
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

fn valid_tag(tag: &str) -> bool {
    let b = tag.as_bytes();
    b.len() > 2 && b[1] == b'-' && matches!(b[0], b'B' | b'I' | b'E' | b'L' | b'S' | b'U')
}

/// Entity spans of one sentence's tags. `I-X` after anything but `X` opens an entity (IOB1);
/// `B-X` always opens one (IOB1 and IOB2); `E-`/`L-` close one and `S-`/`U-` are single tokens.
pub fn entity_spans<S: AsRef<str>>(tags: &[S]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        if tag == "O" || tag.len() < 3 {
            if let Some((s, k)) = open.take() {
                out.push(TokenSpan { start: s, end: i, kind: k.to_string() });
            }
            continue;
        }
        let (prefix, kind) = (tag.as_bytes()[0], &tag[2..]);
        let continues = matches!(prefix, b'I' | b'E' | b'L') && open.is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push(TokenSpan { start: s, end: i, kind: k.to_string() });
            }
            open = Some((i, kind));
        }
        if matches!(prefix, b'E' | b'L' | b'S' | b'U') {
            let (s, k) = open.take().unwrap();
            out.push(TokenSpan { start: s, end: i + 1, kind: k.to_string() });
        }
    }
    if let Some((s, k)) = open {
        out.push(TokenSpan { start: s, end: tags.len(), kind: k.to_string() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(tags: &[&str]) -> Vec<(usize, usize, String)> {
        entity_spans(tags).into_iter().map(|s| (s.start, s.end, s.kind)).collect()
    }

    #[test]
    fn type_maps_sentence_documents_and_upper_case() {
        let mut docs = parse("Obama\tB-politician\nwon\tO\n\nIowa\tB-country\nvoted\tO\n", "t").unwrap();
        assert_eq!(docs.len(), 1);
        let map: std::collections::HashMap<String, String> =
            [("politician", "PER"), ("country", "LOC")].iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        map_types(&mut docs, &map).unwrap();
        assert_eq!(docs[0].sentences[1].tags, ["B-LOC", "O"]);
        let docs = sentence_documents(docs);
        assert_eq!(docs.len(), 2);
        assert_eq!(upper_cased(&docs[0]).sentences[0].tokens, ["OBAMA", "WON"]);
        let mut other = parse("Rome\tB-city\n", "t").unwrap();
        assert!(map_types(&mut other, &map).unwrap_err().to_string().contains("\"city\" is not in the type map"));
    }

    #[test]
    fn iob1_and_iob2_give_the_same_spans() {
        let iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"];
        let iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"];
        let want = vec![
            (0, 2, "PER".to_string()),
            (3, 4, "LOC".to_string()),
            (4, 5, "LOC".to_string()),
            (5, 6, "ORG".to_string()),
        ];
        assert_eq!(kinds(&iob1), want);
        assert_eq!(kinds(&iob2), want);
        assert_eq!(kinds(&["B-PER", "L-PER", "U-ORG", "O"]), vec![(0, 2, "PER".into()), (2, 3, "ORG".into())]);
        assert!(kinds(&["O", "O"]).is_empty());
    }

    #[test]
    fn parses_documents_and_sentences() {
        let text = "-DOCSTART- -X- -X- O\n\nHarlan NNP I-NP I-PER\nwins VBZ I-VP O\n\nOslo NNP I-NP I-LOC\n\n\
                    -DOCSTART- -X- -X- O\n\nOk UH O O\n";
        let docs = parse(text, "t").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tokens, vec!["Harlan", "wins"]);
        assert_eq!(docs[1].sentences[0].tags, vec!["O"]);
    }

    #[test]
    fn bad_lines_name_the_line() {
        let err = parse("Harlan NNP I-NP I-PER\nwins\n", "f.txt").unwrap_err();
        assert!(err.to_string().contains("f.txt:2"), "{err}");
        let err = parse("Harlan NNP I-NP PERSON\n", "f.txt").unwrap_err();
        assert!(err.to_string().contains("f.txt:1"), "{err}");
    }
}
