//! Corpus engine: runs [`crate::analyze`] over a batch of stories on a rayon pool and lays the
//! results out as columnar tables (articles, entities, quotes, events).
//!
//! Guarantees the Python layer builds on:
//! - rows come out in input order, and the tables are identical whatever the thread count;
//! - every input document yields exactly one articles row; a document that cannot be analysed
//!   (bad UTF-8, malformed JSON line, empty, over the size limit, a panic) carries an `error` there
//!   and the run goes on;
//! - offsets in the tables are `str` (code point) indices, as Python expects;
//! - a cancel flag is checked between documents and inside the stages' long loops, so a run stops
//!   soon after it is raised, even in the middle of a huge story.

use rayon::prelude::*;

use crate::records::build::Records;
use crate::records::{ArticleRow, AttributionRecord, EntityRecord, EventRecord, QuoteRecord};
use crate::records::{
    ATTRIBUTION_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, EVENT_KEY_COLUMNS, KEY_COLUMNS, QUOTE_COLUMNS,
};
use crate::types::*;
use crate::util::cancel::Scope;
use crate::util::offsets::CharIndex;
use crate::Stages;

pub mod columns;
pub mod dedupe;
mod json_escapes;
pub mod pool;
pub mod reuters;
mod rows;
pub mod timing;

pub use crate::records::BYLINE_SEPARATOR;
pub use crate::util::cancel::CancelFlag;
use rows::Rows;

pub use columns::{Column, IntColumn, StrColumn, Table, Validity};

/// Default size limit for one story in a corpus run. Real news stories are kilobytes; a story of
/// many megabytes is nearly always a broken record (a whole file in one field), so it is reported.
pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;

/// What a document's text is, as the reader found it.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// Decoded text.
    Text(String),
    /// Raw bytes to decode as UTF-8 (an error row names the offset of the first bad byte).
    Bytes(Vec<u8>),
    /// One JSON Lines record; its fields are picked by [`JsonFields`].
    JsonLine(Vec<u8>),
    /// The reader could not get a story out of this record; the message becomes the error.
    Failed(String),
}

/// One input document with what the reader knows about it. Metadata given here wins over the same
/// field inside a JSON line.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: Option<String>,
    pub payload: Payload,
    /// The story date the caller knows; the parser's `date=`, checked as `parse` checks it (a bad one
    /// makes this document an error row with `parse`'s message).
    pub date: Option<String>,
    pub source: Option<String>,
    /// A headline the caller has from metadata; it fills the `headline` column before the parsed one.
    pub headline: Option<String>,
    /// File the document came from, and its 1-based line (or row) there.
    pub file: Option<String>,
    pub line: Option<i64>,
    /// The document's type as its markup gives it (LDC Gigaword's `<DOC type="story">`), if any.
    pub doc_type: Option<String>,
}

impl Document {
    pub fn text(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: Some(id.into()),
            payload: Payload::Text(text.into()),
            date: None,
            source: None,
            headline: None,
            file: None,
            line: None,
            doc_type: None,
        }
    }
}

/// Which JSON fields hold what in a JSON Lines record.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonFields {
    pub text: String,
    pub id: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub headline: Option<String>,
}

impl Default for JsonFields {
    fn default() -> Self {
        JsonFields {
            text: "text".into(),
            id: Some("id".into()),
            date: Some("date".into()),
            source: None,
            headline: None,
        }
    }
}

/// Which tables to fill besides articles (always filled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Want {
    pub entities: bool,
    pub quotes: bool,
    pub events: bool,
    pub attributions: bool,
}

impl Default for Want {
    fn default() -> Self {
        Want { entities: true, quotes: true, events: true, attributions: true }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads; 0 = [`pool::default_threads`].
    pub threads: usize,
    /// Stories longer than this many bytes become error rows.
    pub max_bytes: usize,
    /// Replace invalid UTF-8 instead of reporting it.
    pub lossy: bool,
    pub json: JsonFields,
    pub want: Want,
    pub stages: Stages,
    /// The user's aliases and patterns, compiled once for the whole run.
    pub names: Option<std::sync::Arc<crate::UserNames>>,
    /// Compute each story's near-duplicate signature ([`Tables::signatures`]).
    pub signatures: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threads: 0,
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
            json: JsonFields::default(),
            want: Want::default(),
            stages: Stages::default(),
            names: None,
            signatures: true,
        }
    }
}

/// The run was cancelled through its flag before every document was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// The four result tables of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Tables {
    pub articles: Table,
    pub entities: Table,
    pub quotes: Table,
    pub events: Table,
    pub attributions: Table,
    /// One [`dedupe::Signature`] per articles row, [`dedupe::Signature::BYTES`] each
    /// ([`dedupe::Signature::EMPTY`] for error rows); empty when `Options::signatures` is off.
    pub signatures: Vec<u8>,
}

impl Tables {
    fn empty() -> Self {
        TaskRows::new(Want::default(), false).finish()
    }

    /// The parts' rows in order; every column of the four tables is joined on its own rayon task.
    fn concat(parts: &[Tables]) -> Tables {
        if parts.is_empty() {
            return Tables::empty();
        }
        let pick = |f: fn(&Tables) -> &Table| parts.iter().map(f).collect::<Vec<&Table>>();
        let (a, e, q, v) = (pick(|t| &t.articles), pick(|t| &t.entities), pick(|t| &t.quotes), pick(|t| &t.events));
        let r = pick(|t| &t.attributions);
        let mut joined = Table::concat_many(&[&a, &e, &q, &v, &r]).into_iter();
        let mut next = || joined.next().expect("five tables in, five out");
        let signatures = parts.iter().flat_map(|p| p.signatures.iter().copied()).collect();
        Tables { articles: next(), entities: next(), quotes: next(), events: next(), attributions: next(), signatures }
    }
}

/// Documents handled by one rayon task: small enough to balance load, large enough that the
/// per-task tables are not mostly allocation (16 against 4: the corpus path about 10% faster on one
/// thread; running a task's stories stage by stage instead of story by story gained nothing).
const GROUP: usize = 16;

/// Analyses `docs` on the pool for `opts.threads` (see [`pool::pool`]).
pub fn run(
    docs: Vec<Document>,
    opts: &Options,
    cancel: &CancelFlag,
) -> crate::Result<std::result::Result<Tables, Cancelled>> {
    let pool = pool::pool(opts.threads)?;
    Ok(pool.install(|| run_here(docs, opts, cancel)))
}

/// Analyses `docs` on the current rayon pool (call inside `ThreadPool::install` or a pool task).
pub fn run_here(docs: Vec<Document>, opts: &Options, cancel: &CancelFlag) -> std::result::Result<Tables, Cancelled> {
    let _section = timing::Section::enter();
    let parts: Vec<Option<Tables>> = docs
        .par_chunks(GROUP)
        .map(|group| {
            // The stages see the flag too, so a long story stops midway (its rows are dropped).
            let _scope = Scope::enter(cancel);
            let mut rows = TaskRows::new(opts.want, opts.signatures);
            for doc in group {
                if cancel.is_cancelled() {
                    return None;
                }
                rows.add(doc, opts);
            }
            if cancel.is_cancelled() {
                return None;
            }
            Some(rows.finish())
        })
        .collect();
    let parts: Vec<Tables> = parts.into_iter().collect::<Option<_>>().ok_or(Cancelled)?;
    // Freeing the inputs and the parts is parallel work too: done on the pool, not by the caller.
    let out = Tables::concat(&parts);
    rayon::join(|| drop(parts), || drop(docs));
    Ok(out)
}

/// Per-task row builders for the four tables.
struct TaskRows {
    want: Want,
    articles: Rows<ArticleRow>,
    entities: Rows<EntityRecord>,
    quotes: Rows<QuoteRecord>,
    events: Rows<EventRecord>,
    signatures: Option<Vec<u8>>,
    attributions: Rows<AttributionRecord>,
}

impl TaskRows {
    fn new(want: Want, signatures: bool) -> Self {
        TaskRows {
            signatures: signatures.then(Vec::new),
            want,
            articles: Rows::all_fields(),
            entities: Rows::new(&KEY_COLUMNS, ENTITY_COLUMNS),
            quotes: Rows::new(&KEY_COLUMNS, QUOTE_COLUMNS),
            events: Rows::new(&EVENT_KEY_COLUMNS, EVENT_COLUMNS),
            attributions: Rows::new(&KEY_COLUMNS, ATTRIBUTION_COLUMNS),
        }
    }

    fn finish(self) -> Tables {
        Tables {
            articles: self.articles.finish(),
            entities: self.entities.finish(),
            quotes: self.quotes.finish(),
            events: self.events.finish(),
            signatures: self.signatures.unwrap_or_default(),
            attributions: self.attributions.finish(),
        }
    }

    fn add(&mut self, doc: &Document, opts: &Options) {
        let mut meta = Meta {
            id: doc.id.clone(),
            date: doc.date.clone(),
            source: doc.source.clone(),
            headline: doc.headline.clone(),
        };
        let outcome = story_text(doc, opts, &mut meta).and_then(|text| analyze_guarded(&text, &meta, opts));
        if meta.id.is_none() {
            meta.id = fallback_id(doc);
        }
        match outcome {
            Ok(art) => self.add_article(&art, &meta, doc),
            Err(msg) => {
                let msg = match (&doc.file, doc.line) {
                    (Some(f), Some(l)) => format!("{f}:{l}: {msg}"),
                    (Some(f), None) => format!("{f}: {msg}"),
                    (None, Some(l)) => format!("line {l}: {msg}"),
                    (None, None) => msg,
                };
                self.articles.push(&[], &error_row(&meta, doc, msg));
                if let Some(sigs) = &mut self.signatures {
                    dedupe::Signature::EMPTY.write_bytes(sigs);
                }
            }
        }
    }

    fn add_article(&mut self, art: &Article, meta: &Meta, doc: &Document) {
        let map = CharIndex::new(&art.text);
        let recs = Records { art, map: &map };
        let keys = [meta.id.as_deref(), art.date.as_deref().or(meta.date.as_deref())];
        self.articles.push(&[], &article_row(&recs, meta, doc));
        if let Some(sigs) = &mut self.signatures {
            dedupe::signature(&art.text).write_bytes(sigs);
        }
        if self.want.entities {
            for i in 0..art.entities.len() {
                self.entities.push(&keys, &recs.entity(i));
            }
        }
        if self.want.quotes {
            for q in recs.quotes() {
                self.quotes.push(&keys, &q);
            }
        }
        if self.want.events {
            for ev in recs.events() {
                self.events.push(&keys[..EVENT_KEY_COLUMNS.len()], &ev);
            }
        }
        if self.want.attributions {
            for a in recs.attributions() {
                self.attributions.push(&keys, &a);
            }
        }
    }
}

/// The articles row of an analysed story. Metadata the caller gave wins over what the parser found
/// for the headline; the date is the parser's (the given one, checked, when the text has none).
fn article_row(recs: &Records<'_>, meta: &Meta, doc: &Document) -> ArticleRow {
    let art = recs.art;
    let dl = art.dateline.as_ref();
    let count = |n: usize| Some(n as i64);
    ArticleRow {
        id: meta.id.clone(),
        source: meta.source.clone(),
        file: doc.file.clone(),
        line: doc.line,
        date: art.date.clone().or_else(|| meta.date.clone()),
        headline: meta.headline.clone().or_else(|| recs.headline()),
        bylines: (!art.bylines.is_empty())
            .then(|| art.bylines.iter().map(|b| b.name.as_str()).collect::<Vec<_>>().join(BYLINE_SEPARATOR)),
        dateline_place: dl.map(|d| d.place.clone()).filter(|p| !p.is_empty()),
        dateline_agency: dl.and_then(|d| d.agency.clone()),
        dateline_date: dl.and_then(|d| d.date.clone()),
        n_chars: count(recs.map.char_of(&art.text, art.text.len())),
        n_paragraphs: count(art.paragraphs.len()),
        n_sentences: count(art.sentences.len()),
        n_tokens: count(art.tokens.len()),
        n_entities: count(art.entities.len()),
        n_quotes: count(art.quotes.len()),
        n_events: count(art.events.len()),
        error: None,
        doc_type: doc.doc_type.clone(),
        duplicate_of: None,
    }
}

/// The articles row of a document that could not be analysed: its metadata as given and why.
fn error_row(meta: &Meta, doc: &Document, msg: String) -> ArticleRow {
    ArticleRow {
        id: meta.id.clone(),
        source: meta.source.clone(),
        file: doc.file.clone(),
        line: doc.line,
        date: meta.date.clone(),
        headline: meta.headline.clone(),
        bylines: None,
        dateline_place: None,
        dateline_agency: None,
        dateline_date: None,
        n_chars: None,
        n_paragraphs: None,
        n_sentences: None,
        n_tokens: None,
        n_entities: None,
        n_quotes: None,
        n_events: None,
        error: Some(msg),
        doc_type: doc.doc_type.clone(),
        duplicate_of: None,
    }
}

/// Metadata of the document being processed: the caller's, completed from a JSON record.
struct Meta {
    id: Option<String>,
    date: Option<String>,
    source: Option<String>,
    headline: Option<String>,
}

fn fallback_id(doc: &Document) -> Option<String> {
    match (&doc.file, doc.line) {
        (Some(f), Some(l)) => Some(format!("{f}:{l}")),
        (Some(f), None) => Some(f.clone()),
        (None, Some(l)) => Some(l.to_string()),
        (None, None) => None,
    }
}

/// The story's text, or the reason there is none.
fn story_text<'d>(doc: &'d Document, opts: &Options, meta: &mut Meta) -> Result<std::borrow::Cow<'d, str>, String> {
    use std::borrow::Cow;
    let text: Cow<'d, str> = match &doc.payload {
        Payload::Text(t) => Cow::Borrowed(t.as_str()),
        Payload::Bytes(b) => {
            check_size(b.len(), opts)?;
            crate::error::decode_utf8(b, opts.lossy).map_err(|e| e.to_string())?
        }
        Payload::JsonLine(b) => Cow::Owned(read_json_line(b, opts, meta)?),
        Payload::Failed(msg) => return Err(msg.clone()),
    };
    check_size(text.len(), opts)?;
    if text.trim().is_empty() {
        return Err(if text.is_empty() { "empty story".into() } else { "empty story (whitespace only)".into() });
    }
    Ok(text)
}

fn check_size(len: usize, opts: &Options) -> Result<(), String> {
    if len > opts.max_bytes {
        Err(format!("story of {len} bytes is over the limit of {} bytes (max_bytes)", opts.max_bytes))
    } else {
        Ok(())
    }
}

fn read_json_line(line: &[u8], opts: &Options, meta: &mut Meta) -> Result<String, String> {
    use serde_json::Value;
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    // The line's own end is not part of the record: a record cut off mid-string must read as cut
    // off, not as a string holding a newline.
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if let Err(crate::Error::Encoding { offset, detail }) = crate::error::decode_utf8(line, false) {
        if !opts.lossy {
            // Still read the record's id and date (lossily) so the error row can be traced.
            let lossy = Options { lossy: true, ..opts.clone() };
            let _ = read_json_line(line, &lossy, meta);
            return Err(format!("invalid UTF-8 at byte offset {offset} of the line: {detail}"));
        }
    }
    let parsed: Result<serde_json::Map<String, Value>, _> = if opts.lossy {
        // Python's json reads a lone surrogate escape ("\ud800"); serde_json refuses it. Under
        // errors="replace" it becomes U+FFFD, as invalid bytes do.
        let text = String::from_utf8_lossy(line);
        let text = json_escapes::replace_lone_surrogates(&text);
        serde_json::from_str(&text)
    } else {
        serde_json::from_slice(line)
    };
    let mut obj = parsed.map_err(|e| {
        if !opts.lossy && json_escapes::has_lone_surrogates(&String::from_utf8_lossy(line)) {
            format!("malformed JSON: a string holds a lone surrogate escape (not valid Unicode; errors=\"replace\" replaces it): {e}")
        } else if e.is_eof() {
            format!("malformed JSON (line ends early, truncated?): {e}")
        } else if e.is_data() {
            "malformed JSON: the line is not a JSON object".to_string()
        } else {
            format!("malformed JSON: {e}")
        }
    })?;
    let f = &opts.json;
    let scalar = |v: Value| -> Option<String> {
        match v {
            Value::Null => None,
            Value::String(s) => Some(s),
            other => Some(other.to_string()),
        }
    };
    // Metadata is read before the text so that an error row still has its id and date.
    for (field, slot) in [
        (&f.id, &mut meta.id),
        (&f.date, &mut meta.date),
        (&f.source, &mut meta.source),
        (&f.headline, &mut meta.headline),
    ] {
        if let (Some(name), None) = (field, &slot) {
            *slot = obj.remove(name).and_then(scalar);
        }
    }
    match obj.remove(&f.text) {
        Some(Value::String(s)) => Ok(s),
        Some(Value::Null) => Err(format!("field {:?} is null", f.text)),
        Some(other) => Err(format!("field {:?} is not a string but {}", f.text, json_kind(&other))),
        None => Err(format!("no field {:?} in this record", f.text)),
    }
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// `analyze` with a panic turned into an error message, so one bad story cannot end a run. The
/// message is the one `parse` raises for the same input (its date checked the same way).
fn analyze_guarded(text: &str, meta: &Meta, opts: &Options) -> Result<Article, String> {
    let popts = ParseOptions { date: meta.date.clone(), source: meta.source.clone() };
    crate::error::catch_panic(|| {
        crate::analyze_with_names(text.to_string(), &popts, opts.stages, opts.names.as_deref())
    })
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(i: usize) -> String {
        format!(
            "Markets rally {i}\nSEOUL, July 27 (Yonhap) -- Stocks in Seoul rose {i} percent on Thursday, \
             traders said. \"It was a good day,\" said Kim Min-jun of Mirae Asset.\n\n\
             The won gained against the dollar. Prices élevés à Paris, café {i}."
        )
    }

    fn corpus(n: usize) -> Vec<Document> {
        (0..n)
            .map(|i| {
                let mut d = Document::text(format!("doc-{i}"), story(i));
                d.date = Some("2023-07-27".into());
                d.line = Some(i as i64 + 1);
                d
            })
            .collect()
    }

    fn with_threads(threads: usize) -> Options {
        Options { threads, ..Options::default() }
    }

    fn str_col<'t>(t: &'t Table, name: &str) -> &'t StrColumn {
        match t.column(name) {
            Some(Column::Str(c)) => c,
            _ => panic!("no string column {name}"),
        }
    }

    fn int_col<'t>(t: &'t Table, name: &str) -> &'t IntColumn {
        match t.column(name) {
            Some(Column::Int(c)) => c,
            _ => panic!("no int column {name}"),
        }
    }

    #[test]
    fn rows_in_input_order_and_identical_for_any_thread_count() {
        let never = CancelFlag::new();
        let one = run(corpus(203), &with_threads(1), &never).unwrap().unwrap();
        for threads in [2, 3, 8] {
            let many = run(corpus(203), &with_threads(threads), &never).unwrap().unwrap();
            assert_eq!(one, many, "tables differ at {threads} threads");
        }
        let ids = str_col(&one.articles, "id");
        assert_eq!(ids.len(), 203);
        for i in 0..203 {
            assert_eq!(ids.get(i), Some(format!("doc-{i}").as_str()));
            assert_eq!(int_col(&one.articles, "line").get(i), Some(i as i64 + 1));
            assert_eq!(str_col(&one.articles, "error").get(i), None);
        }
    }

    #[test]
    fn every_document_yields_one_row_and_failures_say_why() {
        let mut docs = corpus(2);
        docs.push(Document { payload: Payload::Bytes(b"caf\xe9 au lait".to_vec()), ..Document::text("bad-utf8", "") });
        docs.push(Document::text("empty", ""));
        docs.push(Document::text("blank", " \n\t "));
        docs.push(Document { payload: Payload::Failed("bad CSV row".into()), ..Document::text("failed", "") });
        docs.push(Document::text("big", "x".repeat(2000)));
        let mut big = Document::text("json", "");
        big.payload = Payload::JsonLine(br#"{"id": 7, "text": "Hello there.", "date": "2020-01-02"}"#.to_vec());
        big.id = None;
        docs.push(big);
        let mut trunc = Document::text("", "");
        trunc.id = None;
        trunc.payload = Payload::JsonLine(br#"{"id": "t", "text": "cut sh"#.to_vec());
        trunc.file = Some("feed.jsonl".into());
        trunc.line = Some(9);
        docs.push(trunc);
        let opts = Options { max_bytes: 1000, ..with_threads(2) };
        let t = run(docs, &opts, &CancelFlag::new()).unwrap().unwrap();
        let err = str_col(&t.articles, "error");
        let id = str_col(&t.articles, "id");
        assert_eq!(t.articles.len(), 9);
        assert_eq!(err.get(0), None);
        assert!(err.get(2).unwrap().contains("invalid UTF-8 at byte offset 3"), "{:?}", err.get(2));
        assert_eq!(err.get(3), Some("empty story"));
        assert!(err.get(4).unwrap().starts_with("empty story"));
        assert_eq!(err.get(5), Some("bad CSV row"));
        assert!(err.get(6).unwrap().contains("over the limit of 1000 bytes"));
        assert_eq!((id.get(7), err.get(7)), (Some("7"), None));
        assert_eq!(str_col(&t.articles, "date").get(7), Some("2020-01-02"));
        // A truncated line has no id to read: it is named by file and line.
        assert_eq!(id.get(8), Some("feed.jsonl:9"));
        assert!(err.get(8).unwrap().starts_with("feed.jsonl:9: malformed JSON"), "{:?}", err.get(8));
    }

    #[test]
    fn json_lines_cut_short_or_with_lone_surrogates() {
        let line = |raw: &[u8]| {
            let mut d = Document::text("", "");
            d.id = None;
            d.payload = Payload::JsonLine(raw.to_vec());
            d
        };
        let docs = vec![
            line(b"{\"id\": \"t\", \"text\": \"cut sh\n"),
            line(b"{\"id\": \"s\", \"text\": \"Bad \\ud800 escape.\"}\n"),
        ];
        let t = run(docs.clone(), &with_threads(1), &CancelFlag::new()).unwrap().unwrap();
        let err = str_col(&t.articles, "error");
        assert!(err.get(0).unwrap().contains("line ends early, truncated?"), "{:?}", err.get(0));
        assert!(err.get(1).unwrap().contains("lone surrogate"), "{:?}", err.get(1));
        let lossy = Options { lossy: true, ..with_threads(1) };
        let t = run(docs, &lossy, &CancelFlag::new()).unwrap().unwrap();
        let err = str_col(&t.articles, "error");
        assert_eq!((str_col(&t.articles, "id").get(1), err.get(1)), (Some("s"), None));
        assert_eq!(int_col(&t.articles, "n_chars").get(1), Some(13));
    }

    #[test]
    fn cancelled_run_stops() {
        let cancel = CancelFlag::new();
        cancel.cancel();
        assert_eq!(run(corpus(50), &with_threads(2), &cancel).unwrap(), Err(Cancelled));
    }

    #[test]
    fn a_bad_story_date_is_that_story_error_row_with_the_parse_message() {
        let mut docs = corpus(5);
        let bad = ["yesterday", "2023-02-30", "16/05/2024"];
        for (d, date) in docs.iter_mut().zip(bad) {
            d.date = Some(date.into());
        }
        docs[3].date = Some("2023-07-27T08:00:00".into());
        let t = run(docs, &with_threads(2), &CancelFlag::new()).unwrap().unwrap();
        let err = str_col(&t.articles, "error");
        let date = str_col(&t.articles, "date");
        for (i, raw) in bad.iter().enumerate() {
            let opts = ParseOptions { date: Some(raw.to_string()), source: None };
            let want = crate::parse("Some story.", &opts).unwrap_err().to_string();
            // Row i+1 of the input is line i+1: the message is named by its line, as every error is.
            assert_eq!(err.get(i), Some(format!("line {}: {want}", i + 1).as_str()));
            // The error row keeps the date as given, so it can be found and fixed.
            assert_eq!(date.get(i), Some(*raw));
        }
        assert_eq!((err.get(3), date.get(3)), (None, Some("2023-07-27")));
        assert_eq!((err.get(4), date.get(4)), (None, Some("2023-07-27")));
        // The bad stories have no entity rows; the good ones have theirs.
        let ids = str_col(&t.entities, "id");
        assert!((0..t.entities.len()).all(|i| !["doc-0", "doc-1", "doc-2"].contains(&ids.get(i).unwrap())));
        assert!((0..t.entities.len()).any(|i| ids.get(i) == Some("doc-3")));
    }
}
