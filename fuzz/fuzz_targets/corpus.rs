//! The corpus engine's readers: each input line as a JSON Lines record, and the whole input as raw
//! bytes, through `corpus::run` (strict or lossy UTF-8 by the first byte), then the Reuters-21578
//! SGML reader on the same bytes read as latin-1. (The CSV and Parquet readers are pyarrow's, in
//! Python; they are not reachable from Rust.)
//!
//! Checks: one articles row per document, in order; an error row only for a documented reason
//! (never an internal error or a caught panic); entity, quote and event rows with `str` offsets
//! inside their article.
#![no_main]

use std::collections::HashMap;

use dateline::corpus::{self, Column, Document, Options, Payload, Table};
use libfuzzer_sys::fuzz_target;

fn str_col<'t>(t: &'t Table, name: &str) -> &'t corpus::StrColumn {
    match t.column(name) {
        Some(Column::Str(c)) => c,
        other => panic!("column {name} is {other:?}"),
    }
}

fn int_col<'t>(t: &'t Table, name: &str) -> &'t corpus::IntColumn {
    match t.column(name) {
        Some(Column::Int(c)) => c,
        other => panic!("column {name} is {other:?}"),
    }
}

fn check_rows(name: &str, t: &Table, n_chars: &HashMap<String, i64>) {
    let (ids, starts, ends) = (str_col(t, "id"), int_col(t, "start"), int_col(t, "end"));
    for i in 0..t.len() {
        let id = ids.get(i).expect("every row has its story's id");
        let n = *n_chars.get(id).unwrap_or_else(|| panic!("{name} row for {id}, which has no article"));
        let (s, e) = (starts.get(i).expect("start"), ends.get(i).expect("end"));
        assert!(0 <= s && s <= e && e <= n, "{name} row {i} of {id}: {s}..{e} in {n} chars");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else { return };
    let mut docs: Vec<Document> = bytes
        .split(|&b| b == b'\n')
        .map(|line| Document { payload: Payload::JsonLine(line.to_vec()), ..Document::text("", "") })
        .collect();
    docs.push(Document { payload: Payload::Bytes(bytes.to_vec()), ..Document::text("", "") });
    for (i, d) in docs.iter_mut().enumerate() {
        // Given ids win over the records' own, so rows can be matched to their document.
        d.id = Some(format!("d{i}"));
    }
    let n_docs = docs.len();
    let opts = Options { threads: 1, lossy: first & 1 == 1, ..Options::default() };
    let tables = corpus::run(docs, &opts, &corpus::CancelFlag::new()).expect("a one-thread pool").expect("not cancelled");

    let arts = &tables.articles;
    assert_eq!(arts.len(), n_docs, "one articles row per document");
    let (ids, errors, chars) = (str_col(arts, "id"), str_col(arts, "error"), int_col(arts, "n_chars"));
    let mut n_chars = HashMap::new();
    for i in 0..n_docs {
        let id = ids.get(i).expect("id");
        assert_eq!(id, format!("d{i}"), "rows in input order");
        match (errors.get(i), chars.get(i)) {
            (None, Some(n)) => {
                n_chars.insert(id.to_string(), n);
            }
            (Some(msg), None) => assert!(!msg.contains("internal error"), "document {i}: {msg}"),
            (err, n) => panic!("document {i}: error {err:?} with n_chars {n:?}"),
        }
    }
    check_rows("entities", &tables.entities, &n_chars);
    check_rows("quotes", &tables.quotes, &n_chars);
    check_rows("events", &tables.events, &n_chars);

    for story in corpus::reuters::parse_sgml(&corpus::reuters::decode_latin1(bytes)) {
        let _ = story.wire_text();
        if let Some(d) = &story.date {
            if let Err(e) = dateline::story_date(d) {
                panic!("the Reuters reader gave a date the pipeline rejects: {e}");
            }
        }
    }
});
