//! The data model shared by every stage: text -> Article -> rows.
//!
//! All offsets in the Rust core are UTF-8 **byte** offsets into `Article::text`
//! (the exact text given to `parse`). The Python layer converts them to `str`
//! (code point) indices; nothing else in the core needs to know about that.

use serde::Serialize;

/// A half-open byte range `[start, end)` into `Article::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Options for `parse`: what the caller knows about the story.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// The story's date as ISO `YYYY-MM-DD` (or any prefix the caller has), used when the text has none
    /// and to give a year to datelines without one.
    pub date: Option<String>,
    /// Where the story comes from (a file name, a feed, an agency); carried through, not interpreted.
    pub source: Option<String>,
}

/// A byline: the author's name and the line as written ("By CHEGE MBITIRU, Associated Press Writer").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Byline {
    pub name: String,
    pub raw: String,
    pub span: Span,
}

/// The dateline that opens a wire story: `SEOUL, July 27 (Yonhap) --`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dateline {
    /// The place as written, region kept: "SEOUL", "RICHMOND, Va.". Empty for `(CNN) --`.
    pub place: String,
    /// ISO `YYYY-MM-DD`, year resolved from the story's date; None when the dateline has no date.
    pub date: Option<String>,
    /// "Yonhap", "AP", "Reuters", ... as written in the dateline; None when absent (Reuters 1987 style).
    pub agency: Option<String>,
    /// The whole dateline including its closing dash.
    pub span: Span,
}

/// A body paragraph. `text` is the paragraph with hard wraps joined (whitespace runs folded to one
/// space); `span` covers it in the original text. The dateline is never part of `text`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub span: Span,
}

/// A photo caption with its trailing metadata split off.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Caption {
    /// The caption's descriptive text, without "view larger image", restriction and credit.
    pub text: String,
    /// The agency in the closing "(Yonhap)".
    pub credit: Option<String>,
    /// The medium the photo was "carried by" ("Korean Central News Agency").
    pub source: Option<String>,
    /// ISO date named in the caption ("on July 27, 2023").
    pub date: Option<String>,
    /// "For Use Only in the Republic of Korea. No Redistribution".
    pub restriction: Option<String>,
    pub span: Span,
}

/// Which part of the story a sentence belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Section {
    Headline,
    Dateline,
    /// Body paragraph, by index into `Article::paragraphs`.
    Body(usize),
    /// Caption, by index into `Article::captions`.
    Caption(usize),
}

/// A token: a byte range into the text. Its text is `&article.text[span]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
}

/// A sentence: a byte range and the range of tokens it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Index of the first token in `Article::tokens`.
    pub token_start: usize,
    /// One past the last token.
    pub token_end: usize,
    pub section: Section,
}

/// Entity labels, by spaCy's OntoNotes names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Person,
    Org,
    Gpe,
    Loc,
    Fac,
    Norp,
    Event,
    Product,
    WorkOfArt,
    Law,
    Language,
    Misc,
    Date,
    Time,
    /// A length of time ("three years", "the past six months"): TimeML's DURATION, valued "P3Y".
    Duration,
    /// A recurring time ("every Monday", "weekly"): TimeML's SET.
    Set,
    Money,
    Percent,
    Quantity,
    Ordinal,
    Cardinal,
}

impl Label {
    pub const ALL: [Label; 21] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Fac,
        Label::Norp,
        Label::Event,
        Label::Product,
        Label::WorkOfArt,
        Label::Law,
        Label::Language,
        Label::Misc,
        Label::Date,
        Label::Time,
        Label::Duration,
        Label::Set,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Ordinal,
        Label::Cardinal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Fac => "FAC",
            Label::Norp => "NORP",
            Label::Event => "EVENT",
            Label::Product => "PRODUCT",
            Label::WorkOfArt => "WORK_OF_ART",
            Label::Law => "LAW",
            Label::Language => "LANGUAGE",
            Label::Misc => "MISC",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Duration => "DURATION",
            Label::Set => "SET",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Ordinal => "ORDINAL",
            Label::Cardinal => "CARDINAL",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.iter().copied().find(|l| l.as_str() == s)
    }

    /// The CoNLL-2003 type this label is scored as, or None when CoNLL does not score it.
    pub fn conll(self) -> Option<&'static str> {
        match self {
            Label::Person => Some("PER"),
            Label::Org => Some("ORG"),
            Label::Gpe | Label::Loc | Label::Fac => Some("LOC"),
            Label::Norp
            | Label::Event
            | Label::Product
            | Label::WorkOfArt
            | Label::Law
            | Label::Language
            | Label::Misc => Some("MISC"),
            _ => None,
        }
    }
}

impl Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    /// Index into `Article::sentences`.
    pub sentence: usize,
    /// Token range `[token_start, token_end)` into `Article::tokens`.
    pub token_start: usize,
    pub token_end: usize,
    /// The fullest name the story uses for this entity (filled by resolution; defaults to the text).
    pub canonical: Option<String>,
    /// Title or role of a PERSON ("Defense Minister").
    pub title: Option<String>,
    /// ISO 8601 / TimeML value for DATE and TIME entities.
    pub value: Option<String>,
    /// ISO 3166-1 alpha-2 code for countries and nationalities (the gazetteer's own string).
    pub country_code: Option<&'static str>,
}

impl Entity {
    pub fn new(span: Span, label: Label, sentence: usize, token_start: usize, token_end: usize) -> Self {
        Entity {
            span,
            label,
            sentence,
            token_start,
            token_end,
            canonical: None,
            title: None,
            value: None,
            country_code: None,
        }
    }
}

/// The story's entities grouped by canonical name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    pub canonical: String,
    pub label: Label,
    pub country_code: Option<&'static str>,
    /// Indices into `Article::entities`.
    pub mentions: Vec<usize>,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// Canonical name of the speaker entity.
    pub speaker: Option<String>,
    /// A cited medium ("Korean Central News Agency").
    pub source: Option<String>,
    /// The reporting verb as written ("said", "vowed").
    pub verb: Option<String>,
    pub sentence: usize,
}

/// An acronym the story uses and what it stands for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Acronym {
    /// As written: "KCNA", "U.N.".
    pub short: String,
    /// The long form as the story writes it ("intercontinental ballistic missiles"), or the well-known one.
    pub long: String,
    /// Canonical name of the entity it names ("North Korea" for "DPRK"), when it names one.
    pub refers_to: Option<String>,
    /// True when the story itself defines it ("Korean Central News Agency (KCNA)").
    pub defined: bool,
    /// The first mention of the short form.
    pub span: Span,
}

/// A subject-predicate-object statement between entities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub subject: String,
    /// The verb's base form: "meet", "give", ...
    pub predicate: String,
    pub object: String,
    pub detail: Option<String>,
    pub sentence: usize,
    /// The words that state it (verb phrase), for inspection.
    pub span: Span,
}

/// A parsed story. Filled in stages: structure (article.rs), tokens and sentences (tokenize.rs),
/// entities (ner/, rules.rs), resolution (resolve.rs), time values (dates.rs), quotes, events.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    pub text: String,
    pub source: Option<String>,
    /// ISO `YYYY-MM-DD` or None.
    pub date: Option<String>,
    pub advisory: Vec<String>,
    pub bylines: Vec<Byline>,
    pub headline: Option<Span>,
    pub dateline: Option<Dateline>,
    pub paragraphs: Vec<Paragraph>,
    pub captions: Vec<Caption>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub clusters: Vec<Cluster>,
    /// Acronyms the story uses, defined in it or well known (filled by resolution).
    pub acronyms: Vec<Acronym>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
}

impl Article {
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }
    pub fn token_text(&self, i: usize) -> &str {
        self.slice(self.tokens[i].span)
    }
    pub fn headline_text(&self) -> Option<&str> {
        self.headline.map(|s| self.slice(s))
    }
    /// Body paragraphs joined by blank lines.
    pub fn body(&self) -> String {
        let mut out = String::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(&p.text);
        }
        out
    }
}
