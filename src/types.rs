//! The data model shared by every stage: text -> Article -> rows.
//!
//! All offsets in the Rust core are UTF-8 **byte** offsets into `Article::text`
//! (the exact text given to `parse`). The Python layer converts them to `str`
//! (code point) indices; nothing else in the core needs to know about that.

use serde::Serialize;

use crate::error::Error;

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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParseOptions {
    /// The story's date as ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`), used when the text has none and
    /// to give a year to datelines without one. [`ParseOptions::validated`] checks it.
    pub date: Option<String>,
    /// Where the story comes from (a file name, a feed, an agency); carried through, not interpreted.
    pub source: Option<String>,
}

impl ParseOptions {
    /// The options as the pipeline uses them, or `Error::Input` naming the bad value. Every entry
    /// point (`parse`, the corpus engine, the binding) goes through here, so all accept and reject
    /// the same dates with the same message.
    pub fn validated(&self) -> crate::Result<ParseOptions> {
        Ok(ParseOptions { date: self.date.as_deref().map(story_date).transpose()?, source: self.source.clone() })
    }
}

/// Checks a story date and returns the form the pipeline uses: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`,
/// surrounding whitespace removed; an ISO timestamp (`2023-07-27T09:30:00`, `2023-07-27 09:30`) is
/// cut to its day. A day that does not exist (`2023-02-30`) is an error like any other bad form.
pub fn story_date(raw: &str) -> crate::Result<String> {
    let s = raw.trim();
    let b = s.as_bytes();
    let day = if b.len() > 10 && (b[10] == b'T' || b[10] == b' ') { &s[..10] } else { s };
    let bad = || Error::Input(format!("date must be ISO 'YYYY-MM-DD' (or 'YYYY-MM', 'YYYY'), got {s:?}"));
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = day.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let dash = |i: usize| day.as_bytes().get(i) == Some(&b'-');
    let year = num(0..4).ok_or_else(bad)?;
    match day.len() {
        4 => {}
        7 | 10 => {
            let month = num(5..7).filter(|m| dash(4) && (1..=12).contains(m)).ok_or_else(bad)?;
            if day.len() == 10 {
                let d = num(8..10).filter(|_| dash(7)).ok_or_else(bad)?;
                let days = crate::util::calendar::days_in_month(year as i32, month);
                if !(1..=days).contains(&d) {
                    return Err(Error::Input(format!("date {s:?} does not exist: {:.7} has {days} days", day)));
                }
            }
        }
        _ => return Err(bad()),
    }
    Ok(day.to_string())
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
    /// Credit line (reporter and editor credits, contributor lines, copyright lines, sign-offs), by
    /// index into `Article::credit_lines`.
    Credit(usize),
}

impl Section {
    /// The section's name as the records and tables write it: "headline", "dateline", "body",
    /// "caption" or "credit" ("advisory" and "byline" name the parts that are not tokenized).
    pub fn name(self) -> &'static str {
        match self {
            Section::Headline => "headline",
            Section::Dateline => "dateline",
            Section::Body(_) => "body",
            Section::Caption(_) => "caption",
            Section::Credit(_) => "credit",
        }
    }

    /// Index of the paragraph, caption or credit line.
    pub fn index(self) -> Option<usize> {
        match self {
            Section::Headline | Section::Dateline => None,
            Section::Body(i) | Section::Caption(i) | Section::Credit(i) => Some(i),
        }
    }
}

/// Every section name, in story order: what `section` columns may hold.
pub const SECTION_NAMES: [&str; 7] = ["headline", "advisory", "dateline", "byline", "body", "caption", "credit"];

/// What a credit says a person (or agency) did for the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CreditRole {
    /// "Reporting by X", "X reported from Y".
    Reporting,
    /// "Writing by X", "Written by X".
    Writing,
    /// "Editing by X".
    Editing,
    /// "Additional reporting by X", "Associated Press writer X contributed", "Contributing: X".
    Contributing,
    /// The holder of a copyright line ("Copyright 2023 The Associated Press", "c.2000 Cox News Service").
    Copyright,
    /// An agency's closing sign-off: AFP's staff initials ("bur-jm/sst"), "Reuters", "AP", Yonhap's
    /// reporter address ("lmj@yna.co.kr").
    Signoff,
}

impl CreditRole {
    pub const ALL: [CreditRole; 6] = [
        CreditRole::Reporting,
        CreditRole::Writing,
        CreditRole::Editing,
        CreditRole::Contributing,
        CreditRole::Copyright,
        CreditRole::Signoff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CreditRole::Reporting => "reporting",
            CreditRole::Writing => "writing",
            CreditRole::Editing => "editing",
            CreditRole::Contributing => "contributing",
            CreditRole::Copyright => "copyright",
            CreditRole::Signoff => "signoff",
        }
    }
}

impl Serialize for CreditRole {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One credit: a name on a credit line and its role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Credit {
    /// The person or agency as written ("Anna Brunner", "Cox News Service", AFP's "jm/sst").
    pub name: String,
    pub role: CreditRole,
    /// The name in the text.
    pub span: Span,
    /// Index into `Article::credit_lines`.
    pub line: usize,
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
    /// The fullest name the story uses for this entity, filled by resolution; read it through
    /// [`Article::canonical`], which gives the mention's own text when there is none.
    pub canonical: Option<String>,
    /// Title or role of a PERSON ("Defense Minister").
    pub title: Option<String>,
    /// ISO 8601 / TimeML value for DATE and TIME entities.
    pub value: Option<String>,
    /// ISO 3166-1 alpha-2 code for countries and nationalities (the gazetteer's own string).
    pub country_code: Option<&'static str>,
    /// The id a user's alias or pattern gave this entity (`aliases=` / `patterns=`).
    pub kb_id: Option<String>,
    /// Set by a user's alias or pattern: label and canonical name are the user's, not the model's.
    pub user: bool,
    /// A mention of the story's own agency in its text ("told Reuters"): counted with the credits.
    pub own_agency: bool,
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
            kb_id: None,
            user: false,
            own_agency: false,
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
    /// The mention that names or refers to the speaker, as the text writes it ("Mr. Kim", "the
    /// ministry", "he"), when the speaker is found in the text.
    pub speaker_span: Option<Span>,
    /// The reporting verb's words (`verb`).
    pub cue: Option<Span>,
}

/// Reported speech: who says what, quoted (`direct`) or not ("X said (that) ...", "according to X, ...").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    /// Canonical name of the speaker (a pronoun resolved to the person it stands for), or None.
    pub speaker: Option<String>,
    /// The mention that names or refers to the speaker, as written ("he", "the company").
    pub speaker_span: Option<Span>,
    /// The reporting verb or phrase as written ("said", "according to").
    pub verb: Option<String>,
    pub cue: Option<Span>,
    /// What is said: the quoted words (direct) or the reported clause.
    pub span: Span,
    /// In quotation marks.
    pub direct: bool,
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
    /// CAMEO event code ("040" consult, "112" accuse, ...); its first two digits are the root 01-20.
    pub code: &'static str,
    /// CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// ISO 3166 alpha-2 code of the state the subject is or belongs to.
    pub subject_country: Option<&'static str>,
    pub object_country: Option<&'static str>,
    /// The sentence's resolved day when it names one, else the story's date (ISO `YYYY-MM-DD`).
    pub date: Option<String>,
    /// Where it happens, when the sentence says ("in Geneva"), or the place visited.
    pub place: Option<String>,
    /// "asserted", "planned", "negated" or "hypothetical".
    pub mood: &'static str,
    /// Someone is said to have said it ("X said it had met Y", or inside a quotation).
    pub reported: bool,
}

/// A parsed story. Filled in stages: structure, tokens and sentences (`structure/`), entities
/// (`entities/`), then canonical names, time values, quotes and events (`reading/`).
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
    /// Credit lines ("(Reporting by X; Editing by Y)", "c.2000 Cox News Service", AFP's sign-off):
    /// set apart from the paragraphs, tokenized as `Section::Credit`.
    pub credit_lines: Vec<Span>,
    /// The names the credit lines give, with their roles.
    pub credits: Vec<Credit>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub clusters: Vec<Cluster>,
    /// Acronyms the story uses, defined in it or well known (filled by resolution).
    pub acronyms: Vec<Acronym>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    /// The slug line of a NYT News Service or AP story ("BC-CUBA-FAMILY-$ADV26-COX"): the editors'
    /// name for the story, set apart from headline and body.
    pub slug: Option<String>,
    /// Reported speech, direct (the quotes again) and indirect, in text order.
    pub attributions: Vec<Attribution>,
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
    /// The canonical name of entity `e`: the fullest name resolution found, else the mention as written.
    pub fn canonical<'a>(&'a self, e: &'a Entity) -> &'a str {
        e.canonical.as_deref().unwrap_or_else(|| self.slice(e.span))
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

impl Article {
    /// Checks that every span lies on char boundaries of the text, so that slicing it and converting
    /// its offsets (binding, corpus rows) cannot panic. A bad span is a bug in a stage: `Error::Internal`.
    /// One plain loop per list (a chain of iterators cost a tenth of `parse`); on ASCII text every
    /// index is a boundary.
    pub fn check_spans(&self) -> crate::Result<()> {
        let text = &self.text;
        let ascii = text.is_ascii();
        let bad = |s: Span| {
            !(s.start <= s.end
                && s.end <= text.len()
                && (ascii || (text.is_char_boundary(s.start) && text.is_char_boundary(s.end))))
        };
        fn first_bad<T>(items: &[T], span: impl Fn(&T) -> Span, bad: &impl Fn(Span) -> bool) -> Option<Span> {
            items.iter().map(span).find(|&s| bad(s))
        }
        // Tokens are most of the spans: one branch-free pass says whether any is out of range; only
        // then is the bad one looked for.
        let n = text.len();
        let tokens_ok =
            ascii && self.tokens.iter().fold(true, |ok, t| ok & (t.span.start <= t.span.end) & (t.span.end <= n));
        let found = (if tokens_ok { None } else { first_bad(&self.tokens, |x| x.span, &bad) })
            .map(|s| ("token", s))
            .or_else(|| first_bad(&self.sentences, |x| x.span, &bad).map(|s| ("sentence", s)))
            .or_else(|| first_bad(&self.entities, |x| x.span, &bad).map(|s| ("entity", s)))
            .or_else(|| first_bad(&self.paragraphs, |x| x.span, &bad).map(|s| ("paragraph", s)))
            .or_else(|| first_bad(&self.captions, |x| x.span, &bad).map(|s| ("caption", s)))
            .or_else(|| first_bad(&self.credit_lines, |x| *x, &bad).map(|s| ("credit line", s)))
            .or_else(|| first_bad(&self.credits, |x| x.span, &bad).map(|s| ("credit", s)))
            .or_else(|| first_bad(&self.bylines, |x| x.span, &bad).map(|s| ("byline", s)))
            .or_else(|| self.dateline.as_ref().map(|x| x.span).filter(|&s| bad(s)).map(|s| ("dateline", s)))
            .or_else(|| self.headline.filter(|&s| bad(s)).map(|s| ("headline", s)))
            .or_else(|| first_bad(&self.quotes, |x| x.span, &bad).map(|s| ("quote", s)))
            .or_else(|| first_bad(&self.events, |x| x.span, &bad).map(|s| ("event", s)))
            .or_else(|| first_bad(&self.acronyms, |x| x.span, &bad).map(|s| ("acronym", s)))
            .or_else(|| {
                let q = self.quotes.iter().flat_map(|x| [x.speaker_span, x.cue]);
                q.flatten().find(|&s| bad(s)).map(|s| ("quote speaker or cue", s))
            })
            .or_else(|| {
                let a = self.attributions.iter().flat_map(|x| [Some(x.span), x.speaker_span, x.cue]);
                a.flatten().find(|&s| bad(s)).map(|s| ("attribution", s))
            });
        match found {
            None => Ok(()),
            Some((what, span)) => Err(Error::Internal(format!(
                "a {what} span {}..{} is not a valid range of the {}-byte text",
                span.start,
                span.end,
                text.len()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_dates_checked_and_normalised() {
        for (given, want) in [
            ("2023-07-27", "2023-07-27"),
            (" 2023-07-27 ", "2023-07-27"),
            ("2023-07", "2023-07"),
            ("2023", "2023"),
            ("2024-02-29", "2024-02-29"),
            ("2023-12-17T09:30:00", "2023-12-17"),
            ("2023-12-17 09:30", "2023-12-17"),
        ] {
            assert_eq!(story_date(given).as_deref(), Ok(want), "{given}");
        }
        for bad in ["yesterday", "16/05/2024", "2023-13-01", "2023-00", "20231217", "", "2023-7-27", "2023-07-27Z"] {
            let err = story_date(bad).unwrap_err();
            assert_eq!(
                err,
                Error::Input(format!("date must be ISO 'YYYY-MM-DD' (or 'YYYY-MM', 'YYYY'), got {:?}", bad.trim()))
            );
        }
        assert_eq!(
            story_date("2023-02-30").unwrap_err().to_string(),
            "date \"2023-02-30\" does not exist: 2023-02 has 28 days"
        );
        assert!(story_date("1900-02-29").is_err());
        let opts = ParseOptions { date: Some("yesterday".into()), source: None };
        assert!(matches!(opts.validated(), Err(Error::Input(_))));
    }

    #[test]
    fn bad_span_is_an_internal_error() {
        let mut art = Article { text: "née".into(), ..Article::default() };
        art.tokens.push(Token { span: Span::new(0, 2) });
        assert!(matches!(art.check_spans(), Err(Error::Internal(m)) if m.contains("token span 0..2")));
        art.tokens[0].span = Span::new(0, 3);
        assert_eq!(art.check_spans(), Ok(()));
    }
}
