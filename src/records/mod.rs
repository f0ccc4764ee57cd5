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
    /// Nullable boolean (Arrow `bool`).
    Bool,
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
    Bool(Option<bool>),
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
    bool => Bool, "bool", |v| Cell::Bool(Some(*v));
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
    /// "headline", "dateline", "body", "caption" or "credit".
    section: &'static str,
    /// Index of the paragraph, caption or credit line for "body", "caption" and "credit" sentences.
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

record!(pyclass "Credit"
/// A name on a credit line ("(Reporting by X; Editing by Y)", "Associated Press writer X contributed",
/// "c.2000 Cox News Service") and its role.
CreditRecord {
    /// The person (or, for "copyright" and "signoff", the agency or initials) as written.
    name: String,
    /// "reporting", "writing", "editing", "contributing", "copyright" or "signoff".
    role: &'static str,
    /// The whole credit line.
    line: String,
    /// The name in the text.
    start: usize,
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
    /// Where the mention stands: "headline", "dateline", "body", "caption" or "credit" (credit lines,
    /// and the story's own agency named in its text: "told Reuters").
    section: &'static str,
    /// The fullest name the story uses for this entity (the text itself when nothing fuller).
    canonical: String,
    /// Title or role of a PERSON ("Defense Minister"), or None.
    title: Option<String>,
    /// ISO 8601 / TimeML value of a DATE or TIME.
    value: Option<String>,
    /// ISO 3166-1 alpha-2 code of a country or nationality.
    country_code: Option<String>,
    /// The id a user's alias or pattern gives the entity (`aliases=`, `patterns=`).
    kb_id: Option<String>,
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
    /// The section of the quote's sentence.
    section: &'static str,
    /// Start of the words naming or referring to the speaker ("Mr. Kim", "the ministry", "he"), or None.
    speaker_start: Option<usize>,
    /// End (exclusive) of the speaker's mention.
    speaker_end: Option<usize>,
    /// Start of the reporting verb (`verb`), or None.
    cue_start: Option<usize>,
    /// End (exclusive) of the reporting verb.
    cue_end: Option<usize>,
});

record!(pyclass "Attribution"
/// Reported speech: who says what, in quotation marks (`direct`) or not ("X said (that) ...",
/// "according to X, ...").
AttributionRecord {
    /// Who says it: the canonical name of a person or body (a pronoun resolved to the person it stands
    /// for), the description when that is all the text gives ("a senior official"), or None.
    speaker: Option<String>,
    /// Start of the words naming or referring to the speaker, a `str` index, or None.
    speaker_start: Option<usize>,
    /// End (exclusive) of the speaker's mention.
    speaker_end: Option<usize>,
    /// The reporting verb or phrase as written ("said", "according to"), or None.
    verb: Option<String>,
    /// Start of the reporting verb, or None.
    cue_start: Option<usize>,
    /// End (exclusive) of the reporting verb.
    cue_end: Option<usize>,
    /// What is said: the quoted words, or the reported clause.
    text: String,
    /// Start, a `str` index into `article.text`.
    start: usize,
    /// End (exclusive), a `str` index into `article.text`.
    end: usize,
    /// True for a quotation (the words in quotation marks), False for reported speech.
    direct: bool,
    /// Index into `Article.sentences`.
    sentence: usize,
    /// The section of the sentence.
    section: &'static str,
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
    /// The section of the event's sentence.
    section: &'static str,
    /// The words that state it.
    text: String,
    /// Start, a `str` index into `article.text`.
    start: usize,
    /// End (exclusive), a `str` index into `article.text`.
    end: usize,
    /// CAMEO event code ("040" consult, "112" accuse, ...); the first two digits are the root (01-20).
    code: String,
    /// CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    quad_class: usize,
    /// ISO 3166 alpha-2 code of the state the subject is or belongs to, or None.
    subject_country: Option<String>,
    /// ISO 3166 alpha-2 code of the state the object is or belongs to, or None.
    object_country: Option<String>,
    /// The sentence's resolved day when it names one, else the story's date (`YYYY-MM-DD`), or None.
    date: Option<String>,
    /// Where it happens when the sentence says so, or None.
    place: Option<String>,
    /// "asserted", "planned", "negated" or "hypothetical".
    mood: String,
    /// True when someone is said to have said it (reported speech or a quotation).
    reported: bool,
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
    /// The document's type from its markup (`Corpus.from_gigaword`: "story", "multi", "advis", "other").
    doc_type: Option<String>,
    /// Id of the first version of this story when it is a near-duplicate (a repeat, update or
    /// correction: the corpus engine's dedupe module); None for originals. Filled once the whole corpus is
    /// seen (`Corpus.articles()`), so None in a single batch's rows.
    duplicate_of: Option<String>,
});

/// Separator of several bylines in the `bylines` column.
pub const BYLINE_SEPARATOR: &str = "; ";

/// The columns every per-mention table starts with: the story's id and date.
pub const KEY_COLUMNS: [&str; 2] = ["id", "date"];
/// Column order of the `entities` table after [`KEY_COLUMNS`]: every field of [`EntityRecord`].
pub const ENTITY_COLUMNS: &[&str] =
    &["text", "label", "canonical", "start", "end", "sentence", "section", "title", "value", "country_code", "kb_id"];
/// Column order of the `quotes` table after [`KEY_COLUMNS`]: every field of [`QuoteRecord`].
pub const QUOTE_COLUMNS: &[&str] = &[
    "text",
    "speaker",
    "source",
    "verb",
    "start",
    "end",
    "sentence",
    "section",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
];
/// Column order of the `attributions` table after [`KEY_COLUMNS`]: every field of [`AttributionRecord`].
pub const ATTRIBUTION_COLUMNS: &[&str] = &[
    "speaker",
    "verb",
    "text",
    "direct",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "sentence",
    "section",
];
/// The `events` table starts with the story's id only: its `date` is the event's own (the day its
/// sentence names, else the story's), first of [`EVENT_COLUMNS`], so the table still opens `id, date`.
pub const EVENT_KEY_COLUMNS: [&str; 1] = ["id"];
/// Column order of the `events` table after [`EVENT_KEY_COLUMNS`]: every field of [`EventRecord`].
pub const EVENT_COLUMNS: &[&str] = &[
    "date",
    "subject",
    "predicate",
    "object",
    "detail",
    "text",
    "start",
    "end",
    "sentence",
    "section",
    "code",
    "quad_class",
    "subject_country",
    "object_country",
    "place",
    "mood",
    "reported",
];

/// The column the Python layer adds to each per-mention table once the whole corpus is seen: the
/// story's `ArticleRow::duplicate_of`.
pub const DUPLICATE_COLUMN: &str = "duplicate_of";

/// Each corpus table's columns in order, with their Python types: what the engine builds (from the
/// same constants; the per-mention tables' last column, [`DUPLICATE_COLUMN`], comes from the Python
/// layer) and what the Python test checks the DataFrames and the Arrow schema against.
pub fn table_schemas() -> Vec<(&'static str, Vec<Field>)> {
    fn with_keys(fields: &[Field], order: &[&'static str]) -> Vec<Field> {
        with_these_keys(&KEY_COLUMNS, fields, order)
    }
    fn with_these_keys(keys: &[&'static str], fields: &[Field], order: &[&'static str]) -> Vec<Field> {
        let key = |name: &&'static str| Field { name, kind: Kind::Str, py: "str | None" };
        let field = |name: &&str| *fields.iter().find(|f| f.name == *name).expect("checked by the tests below");
        keys.iter().map(key).chain(order.iter().map(field)).chain([key(&DUPLICATE_COLUMN)]).collect()
    }
    vec![
        ("articles", ArticleRow::FIELDS.to_vec()),
        ("entities", with_keys(EntityRecord::FIELDS, ENTITY_COLUMNS)),
        ("quotes", with_keys(QuoteRecord::FIELDS, QUOTE_COLUMNS)),
        ("events", with_these_keys(&EVENT_KEY_COLUMNS, EventRecord::FIELDS, EVENT_COLUMNS)),
        ("attributions", with_keys(AttributionRecord::FIELDS, ATTRIBUTION_COLUMNS)),
    ]
}

/// The whole article as one serialisable record (what `Article.to_dict` / `to_json` return).
#[derive(Debug, Serialize)]
pub struct ArticleRecord {
    pub source: Option<String>,
    pub date: Option<String>,
    pub advisory: Vec<String>,
    pub slug: Option<String>,
    pub bylines: Vec<String>,
    pub byline_details: Vec<BylineRecord>,
    pub headline: Option<String>,
    pub dateline: Option<DatelineRecord>,
    pub paragraphs: Vec<ParagraphRecord>,
    pub captions: Vec<CaptionRecord>,
    pub credits: Vec<CreditRecord>,
    pub body: String,
    pub sentences: Vec<SentenceRecord>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord>>,
    pub entities: Vec<EntityRecord>,
    pub clusters: Vec<ClusterRecord>,
    pub acronyms: Vec<AcronymRecord>,
    pub quotes: Vec<QuoteRecord>,
    pub events: Vec<EventRecord>,
    pub attributions: Vec<AttributionRecord>,
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
            ("attributions", ATTRIBUTION_COLUMNS, AttributionRecord::FIELDS),
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
            section: "body",
            speaker_start: None,
            speaker_end: None,
            cue_start: None,
            cue_end: None,
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
