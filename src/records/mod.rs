//! The output records, each declared once: what Python sees as `Token`, `Entity`, ... and what the
//! corpus tables hold as rows.
//!
//! A record is a flat struct with `str` (code point) offsets, built from a core [`Article`] by
//! [`build::Records`]. [`record!`] declares it and derives from that one declaration:
//! - serde `Serialize` (the binding's `to_dict` / `to_json`, keys in field order);
//! - with the `python` feature, the pyclass with a getter per field (`get_all`);
//! - [`Record::FIELDS`]: each field's name, column kind and Python type (the pyclass's `__fields__`,
//!   which a test checks against the stub `_native/__init__.pyi`, the corpus DataFrames and the Arrow schema);
//! - [`Record::cell`]: a field's value as a corpus table cell, looked up by name.
//!
//! A corpus table is `id`, `date` and then the record's fields in the order of its column list
//! ([`ENTITY_COLUMNS`], ...); a Rust test checks every list names each field of its record exactly once.
//! Adding a field: add it to the record here, fill it in `build.rs`, add it to the column list when
//! the table should have it, and to `python/dateline/_native/__init__.pyi` (the Python test says so otherwise).
use serde::Serialize;

pub mod build;

/// How a field is stored in a corpus table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Nullable UTF-8 (Arrow `large_string`).
    Str,
    /// Nullable 64-bit integer (Arrow `int64`).
    Int,
    /// Not a table column (a list or a flag of the Python record only).
    Other,
}

/// One field of a record: its name, how a table stores it, its Python type as the stub writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub py: &'static str,
}

/// A field's value in a corpus table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    Str(Option<&'a str>),
    Int(Option<i64>),
    Other,
}

/// The Rust types a record field may have, with their table kind and Python type.
pub trait FieldType {
    const KIND: Kind;
    const PY: &'static str;
    fn cell(&self) -> Cell<'_>;
}

macro_rules! field_types {
    ($($ty:ty => $kind:ident, $py:literal, |$v:ident| $cell:expr;)*) => {$(
        impl FieldType for $ty {
            const KIND: Kind = Kind::$kind;
            const PY: &'static str = $py;
            fn cell(&self) -> Cell<'_> {
                let $v = self;
                $cell
            }
        }
    )*};
}

field_types! {
    String => Str, "str", |v| Cell::Str(Some(v.as_str()));
    &'static str => Str, "str", |v| Cell::Str(Some(v));
    Option<String> => Str, "str | None", |v| Cell::Str(v.as_deref());
    usize => Int, "int", |v| Cell::Int(Some(*v as i64));
    Option<usize> => Int, "int | None", |v| Cell::Int(v.map(|x| x as i64));
    Option<i64> => Int, "int | None", |v| Cell::Int(*v);
    bool => Other, "bool", |_v| Cell::Other;
    Vec<EntityRecord> => Other, "list[Entity]", |_v| Cell::Other;
}

/// What every record declares (see the module doc).
pub trait Record {
    /// The Python class name ("Entity"); for table-only rows, the table.
    const NAME: &'static str;
    const FIELDS: &'static [Field];
    /// The field `name` as a table cell; `Cell::Other` for names that are not fields.
    fn cell(&self, name: &str) -> Cell<'_>;
}

/// Declares a record: `record!(pyclass "Token" TokenRecord { ... })` for a record Python sees as a
/// class, `record!(row "articles" ArticleRow { ... })` for a row of a corpus table only.
macro_rules! record {
    (pyclass $py:literal $($rest:tt)*) => {
        record!(@declare [#[cfg_attr(feature = "python", pyo3::pyclass(module = "dateline", name = $py, frozen, get_all))]] $py $($rest)*);
    };
    (row $py:literal $($rest:tt)*) => {
        record!(@declare [] $py $($rest)*);
    };
    (@declare [$($attr:tt)*] $py:literal $(#[doc = $doc:literal])* $name:ident {
        $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty ),* $(,)?
    }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        $($attr)*
        pub struct $name {
            $( $(#[doc = $fdoc])* pub $field: $ty, )*
        }

        impl Record for $name {
            const NAME: &'static str = $py;
            const FIELDS: &'static [Field] = &[
                $( Field { name: stringify!($field), kind: <$ty as FieldType>::KIND, py: <$ty as FieldType>::PY }, )*
            ];
            fn cell(&self, name: &str) -> Cell<'_> {
                match name {
                    $( stringify!($field) => FieldType::cell(&self.$field), )*
                    _ => Cell::Other,
                }
            }
        }
    };
}

record!(pyclass "Token"
    /// A token: `text == article.text[start:end]`.
    TokenRecord { text: String, start: usize, end: usize });

record!(pyclass "Sentence"
/// A sentence, with the part of the story it belongs to.
SentenceRecord {
    /// The sentence as written.
    text: String,
    /// Start, a `str` index into `article.text`.
    start: usize,
    /// End (exclusive), a `str` index into `article.text`.
    end: usize,
    /// "headline", "dateline", "body" or "caption".
    section: &'static str,
    /// Index of the paragraph or caption for "body" and "caption" sentences.
    section_index: Option<usize>,
    /// Index range `[token_start, token_end)` into `Article.tokens`.
    token_start: usize,
    /// End of the token range (exclusive).
    token_end: usize,
});

record!(pyclass "Paragraph"
    /// A body paragraph (hard wraps joined).
    ParagraphRecord { text: String, start: usize, end: usize });

record!(pyclass "Caption"
/// A photo caption and its metadata.
CaptionRecord {
    /// The caption as written.
    text: String,
    /// Photo credit ("Yonhap"), or None.
    credit: Option<String>,
    /// Where the photo comes from ("Korean Central News Agency"), or None.
    source: Option<String>,
    /// The caption's date, ISO `YYYY-MM-DD`, or None.
    date: Option<String>,
    /// Use restriction ("For Use Only in the Republic of Korea..."), or None.
    restriction: Option<String>,
    /// Start, a `str` index into `article.text`.
    start: usize,
    /// End (exclusive), a `str` index into `article.text`.
    end: usize,
});

record!(pyclass "Dateline"
/// The dateline that opens a wire story.
DatelineRecord {
    /// The place as written ("SEOUL").
    place: String,
    /// The dateline's date, ISO `YYYY-MM-DD` (its year from the story date when it has none), or None.
    date: Option<String>,
    /// The agency in the dateline ("Yonhap", "AP"), or None.
    agency: Option<String>,
    /// The dateline as written.
    text: String,
    /// Start, a `str` index into `article.text`.
    start: usize,
    /// End (exclusive), a `str` index into `article.text`.
    end: usize,
});

record!(pyclass "Byline"
    /// A byline: the author's name and the line as written.
    BylineRecord { name: String, raw: String, start: usize, end: usize });

record!(pyclass "Entity"
/// An entity mention.
EntityRecord {
    /// The mention as written: `article.text[start:end]`.
    text: String,
    /// The label ("PERSON", "GPE", "DATE", ...): see docs/reference.md.
    label: &'static str,
    /// Start, a `str` index into `article.text`.
    start: usize,
    /// End (exclusive), a `str` index into `article.text`.
    end: usize,
    /// Index into `Article.sentences`.
    sentence: usize,
    /// The fullest name the story uses for this entity (the text itself when nothing fuller).
    canonical: String,
    /// Title or role of a PERSON ("Defense Minister"), or None.
    title: Option<String>,
    /// ISO 8601 / TimeML value of a DATE or TIME.
    value: Option<String>,
    /// ISO 3166-1 alpha-2 code of a country or nationality.
    country_code: Option<String>,
});

record!(pyclass "Cluster"
/// The story's mentions of one entity.
ClusterRecord {
    /// The entity's canonical name.
    canonical: String,
    /// The entity's label.
    label: &'static str,
    /// ISO 3166-1 alpha-2 code of a country or nationality, or None.
    country_code: Option<String>,
    /// Number of mentions.
    count: usize,
    /// The mentions, as `Entity` records, in story order.
    mentions: Vec<EntityRecord>,
});

record!(pyclass "Quote"
/// A quotation and who said it.
QuoteRecord {
    /// The quoted words, without the quotation marks.
    text: String,
    /// Start, a `str` index into `article.text`.
    start: usize,
    /// End (exclusive), a `str` index into `article.text`.
    end: usize,
    /// Who said it: the canonical name of a person or body, or None.
    speaker: Option<String>,
    /// The medium cited for it ("KCNA", "Yonhap"), when the story quotes a report; or None.
    source: Option<String>,
    /// The reporting verb ("said", "called"), or None.
    verb: Option<String>,
    /// Index into `Article.sentences`.
    sentence: usize,
});

record!(pyclass "Acronym"
/// An acronym the story uses and what it stands for.
AcronymRecord {
    /// As written: "KCNA".
    short: String,
    /// The long form ("Korean Central News Agency").
    long: String,
    /// Canonical name of the entity it names ("North Korea" for "DPRK"), when it names one.
    refers_to: Option<String>,
    /// True when the story itself defines it ("Korean Central News Agency (KCNA)").
    defined: bool,
    /// The first mention of the short form.
    start: usize,
    /// End (exclusive), a `str` index into `article.text`.
    end: usize,
});

record!(pyclass "Event"
/// A subject-predicate-object statement.
EventRecord {
    /// Canonical name of who acts.
    subject: String,
    /// What they do: "meet", "visit", "give", ... (docs/reference.md lists them).
    predicate: String,
    /// Canonical name of whom or what it is done to.
    object: String,
    /// What was given or sent ("a letter"), or None.
    detail: Option<String>,
    /// Index into `Article.sentences`.
    sentence: usize,
    /// The words that state it.
    text: String,
    /// Start, a `str` index into `article.text`.
    start: usize,
    /// End (exclusive), a `str` index into `article.text`.
    end: usize,
});

record!(row "articles"
/// One row of the corpus `articles` table: every input document has one; `error` says why a
/// document could not be analysed (its counts are then null).
ArticleRow {
    id: Option<String>,
    source: Option<String>,
    file: Option<String>,
    /// 1-based line (or row) in `file`.
    line: Option<i64>,
    date: Option<String>,
    headline: Option<String>,
    /// Author names joined by [`BYLINE_SEPARATOR`].
    bylines: Option<String>,
    dateline_place: Option<String>,
    dateline_agency: Option<String>,
    dateline_date: Option<String>,
    /// Length of the text in code points.
    n_chars: Option<i64>,
    n_paragraphs: Option<i64>,
    n_sentences: Option<i64>,
    n_tokens: Option<i64>,
    n_entities: Option<i64>,
    n_quotes: Option<i64>,
    n_events: Option<i64>,
    error: Option<String>,
});

/// Separator of several bylines in the `bylines` column.
pub const BYLINE_SEPARATOR: &str = "; ";

/// The columns every per-mention table starts with: the story's id and date.
pub const KEY_COLUMNS: [&str; 2] = ["id", "date"];
/// Column order of the `entities` table after [`KEY_COLUMNS`]: every field of [`EntityRecord`].
pub const ENTITY_COLUMNS: &[&str] =
    &["text", "label", "canonical", "start", "end", "sentence", "title", "value", "country_code"];
/// Column order of the `quotes` table after [`KEY_COLUMNS`]: every field of [`QuoteRecord`].
pub const QUOTE_COLUMNS: &[&str] = &["text", "speaker", "source", "verb", "start", "end", "sentence"];
/// Column order of the `events` table after [`KEY_COLUMNS`]: every field of [`EventRecord`].
pub const EVENT_COLUMNS: &[&str] = &["subject", "predicate", "object", "detail", "text", "start", "end", "sentence"];

/// Each corpus table's columns in order, with their Python types: what the engine builds (from the
/// same constants) and what the Python test checks the DataFrames and the Arrow schema against.
pub fn table_schemas() -> Vec<(&'static str, Vec<Field>)> {
    fn with_keys(fields: &[Field], order: &[&'static str]) -> Vec<Field> {
        let key = |name| Field { name, kind: Kind::Str, py: "str | None" };
        let field = |name: &&str| *fields.iter().find(|f| f.name == *name).expect("checked by the tests below");
        KEY_COLUMNS.into_iter().map(key).chain(order.iter().map(field)).collect()
    }
    vec![
        ("articles", ArticleRow::FIELDS.to_vec()),
        ("entities", with_keys(EntityRecord::FIELDS, ENTITY_COLUMNS)),
        ("quotes", with_keys(QuoteRecord::FIELDS, QUOTE_COLUMNS)),
        ("events", with_keys(EventRecord::FIELDS, EVENT_COLUMNS)),
    ]
}

/// The whole article as one serialisable record (what `Article.to_dict` / `to_json` return).
#[derive(Debug, Serialize)]
pub struct ArticleRecord {
    pub source: Option<String>,
    pub date: Option<String>,
    pub advisory: Vec<String>,
    pub bylines: Vec<String>,
    pub byline_details: Vec<BylineRecord>,
    pub headline: Option<String>,
    pub dateline: Option<DatelineRecord>,
    pub paragraphs: Vec<ParagraphRecord>,
    pub captions: Vec<CaptionRecord>,
    pub body: String,
    pub sentences: Vec<SentenceRecord>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord>>,
    pub entities: Vec<EntityRecord>,
    pub clusters: Vec<ClusterRecord>,
    pub acronyms: Vec<AcronymRecord>,
    pub quotes: Vec<QuoteRecord>,
    pub events: Vec<EventRecord>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(fields: &[Field]) -> Vec<&'static str> {
        let mut v: Vec<_> = fields.iter().map(|f| f.name).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_table_holds_every_field_of_its_record_once() {
        for (table, cols, fields) in [
            ("entities", ENTITY_COLUMNS, EntityRecord::FIELDS),
            ("quotes", QUOTE_COLUMNS, QuoteRecord::FIELDS),
            ("events", EVENT_COLUMNS, EventRecord::FIELDS),
        ] {
            let mut sorted = cols.to_vec();
            sorted.sort_unstable();
            assert_eq!(
                sorted,
                names(fields),
                "the {table} table's column list must name each record field once (records/mod.rs)"
            );
            assert!(fields.iter().all(|f| f.kind != Kind::Other), "{table}: a field no table can hold");
        }
    }

    #[test]
    fn fields_and_cells_follow_the_declaration() {
        let q = QuoteRecord {
            text: "hi".into(),
            start: 1,
            end: 3,
            speaker: None,
            source: Some("AP".into()),
            verb: None,
            sentence: 0,
        };
        assert_eq!(QuoteRecord::NAME, "Quote");
        assert_eq!(QuoteRecord::FIELDS[3], Field { name: "speaker", kind: Kind::Str, py: "str | None" });
        assert_eq!(
            (q.cell("text"), q.cell("end"), q.cell("speaker")),
            (Cell::Str(Some("hi")), Cell::Int(Some(3)), Cell::Str(None))
        );
        assert_eq!(q.cell("nope"), Cell::Other);
        assert_eq!(ClusterRecord::FIELDS[4].py, "list[Entity]");
    }
}
