//! Quotations with their speakers, cited sources and reporting verbs.
//!
//! Quote marks are paired paragraph by paragraph (straight, curly and PTB ``...'' marks); a paragraph that
//! ends inside a quote continues into the next one when that opens with a quote mark (wire style for quotes
//! over several paragraphs). A quoted span that is a name (an entity, or a short title-cased phrase such as
//! the "Weaponry Exhibition-2023" event) is not a quote.
//!
//! Attribution, in order: a reporting verb in the quote's sentence and its subject ("Kim said", "...,"
//! said Kim", "he said" -> the last person named, "it added" -> the medium last cited), "according to X";
//! otherwise the previous quote of the paragraph, then the neighbouring sentences of the paragraph. A news
//! medium as subject ("the KCNA said") is the quote's source, not its speaker.
use crate::reading::story::{self, is_aux_or_adverb, is_medium, Doc};
use crate::types::*;
use std::cell::{Cell, OnceCell};

/// Fills `art.quotes`.
pub fn extract(art: &mut Article) {
    if art.text.is_empty() {
        return;
    }
    // Most stories quote no one (four in five Reuters stories): one vectorised scan of the text for quote
    // marks settles those before any per-story work.
    let Some(marks) = quote_marks(&art.text) else {
        art.quotes.clear();
        return;
    };
    let raw = find_quotes(art, &marks);
    if raw.is_empty() {
        art.quotes.clear();
        return;
    }
    art.quotes = attribute(art, &raw);
}

/// A quoted span: the words without the marks, and the byte just after the closing mark.
#[derive(Debug, Clone, Copy)]
struct Raw {
    span: Span,
    /// Byte offset just past the closing mark.
    close_end: usize,
    /// The closing mark was preceded by a comma, question or exclamation mark: attribution likely follows.
    open_ended: bool,
    /// Paragraph (region) index where the quote opens.
    region: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// The quote mark starting at byte `i` of `text`, with its length.
fn mark_at(text: &str, i: usize) -> Option<(Mark, usize)> {
    let b = text.as_bytes();
    match b[i] {
        b'"' => Some((Mark::Either, 1)),
        b'`' if b.get(i + 1) == Some(&b'`') => Some((Mark::Open, 2)),
        b'\'' if b.get(i + 1) == Some(&b'\'') => Some((Mark::Close, 2)),
        0xE2 => match text.get(i..i + 3) {
            Some("“") => Some((Mark::Open, 3)),
            Some("”") => Some((Mark::Close, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// The quote marks of the text other than PTB "''" (which closes a quote only where a "``" opens):
/// byte offsets, in order, and whether any is a PTB "``". `None` when there are none, so no quotes.
fn quote_marks(text: &str) -> Option<(Vec<usize>, bool)> {
    // '"', '`' and the lead byte of curly quotes find every such mark.
    let mut found = memchr::memchr3_iter(b'"', b'`', 0xE2, text.as_bytes()).filter(|&p| mark_at(text, p).is_some());
    let first = found.next()?;
    let mut marks = vec![first];
    marks.extend(found);
    let ptb = marks.iter().any(|&p| text.as_bytes()[p] == b'`');
    Some((marks, ptb))
}

/// The regions quotes live in, in text order: headline, body paragraphs, captions; or the whole text when
/// the structure is unknown. The flag marks body paragraphs (a quote may run on from one to the next).
fn regions(art: &Article) -> Vec<(Span, bool)> {
    let mut r: Vec<(Span, bool)> = Vec::with_capacity(1 + art.paragraphs.len() + art.captions.len());
    if let Some(h) = art.headline {
        r.push((h, false));
    }
    r.extend(art.paragraphs.iter().map(|p| (p.span, true)));
    r.extend(art.captions.iter().map(|c| (c.span, false)));
    if r.is_empty() {
        if art.sentences.is_empty() {
            r.push((Span::new(0, art.text.len()), true));
        } else {
            let s = art.sentences[0].span.start;
            let e = art.sentences.last().map(|s| s.span.end).unwrap_or(art.text.len());
            r.push((Span::new(s, e), true));
        }
    }
    r.sort_by_key(|(s, _)| s.start);
    r
}

/// The pairing state of `find_quotes` as it walks the candidate marks of the text.
struct Pairing<'t> {
    text: &'t str,
    out: Vec<Raw>,
    /// (content start, region) of the quote now open.
    open: Option<(usize, usize)>,
    /// Next byte to look at: a candidate before it lies inside a mark already read.
    i: usize,
}

impl Pairing<'_> {
    /// Reads the candidate mark at byte `c` of region `ri`.
    fn step(&mut self, c: usize, ri: usize) {
        if c < self.i {
            return;
        }
        self.i = c;
        let text = self.text;
        let Some((m, n)) = mark_at(text, c) else {
            return;
        };
        match (self.open, m) {
            (None, Mark::Open | Mark::Either) => self.open = Some((c + n, ri)),
            (None, Mark::Close) => {} // stray closing mark
            (Some((s, r)), Mark::Close | Mark::Either) => {
                let inner = &text[s..c];
                let trimmed_end = s + inner.trim_end().len();
                let lead = inner.len() - inner.trim_start().len();
                let mut end = trimmed_end;
                let last = text[s..end].chars().last();
                let open_ended = matches!(last, Some(',' | '?' | '!')) || text[c + n..].starts_with(',');
                if last == Some(',') {
                    end -= 1;
                }
                if s + lead < end {
                    self.out.push(Raw { span: Span::new(s + lead, end), close_end: c + n, open_ended, region: r });
                }
                self.open = None;
            }
            // An opening mark inside an open quote: the earlier one was never closed.
            (Some(_), Mark::Open) => self.open = Some((c + n, ri)),
        }
        self.i = c + n;
    }
}

/// Pairs the marks region by region; `marks` as `quote_marks` gives them.
fn find_quotes(art: &Article, &(ref marks, any_ptb): &(Vec<usize>, bool)) -> Vec<Raw> {
    let text = art.text.as_str();
    let bytes = text.as_bytes();
    let regs = regions(art);
    let mut p = Pairing { text, out: Vec::new(), open: None, i: 0 };
    for (ri, &(span, body)) in regs.iter().enumerate() {
        p.i = span.start;
        // A paragraph continuing an open quote starts with a fresh opening mark: skip it.
        if p.open.is_some() {
            let lead = text[p.i..span.end].len() - text[p.i..span.end].trim_start().len();
            match mark_at(text, p.i + lead) {
                Some((Mark::Open | Mark::Either, n)) if body => p.i += lead + n,
                _ => p.open = None,
            }
        }
        // "''" closes a quote only where a PTB-style "``" opens in the region; such regions (rare) are
        // walked byte by byte, the others read the marks found in the text.
        let from = p.i.min(span.end);
        let region = &bytes[from..span.end];
        let ptb = any_ptb && memchr::memchr_iter(b'`', region).any(|k| region.get(k + 1) == Some(&b'`'));
        if ptb {
            for (k, &c) in region.iter().enumerate() {
                // Within a run of apostrophes a candidate inside the mark just read is skipped by `step`, so
                // every run pairs as a non-overlapping search for "''" would.
                let quote_like = matches!(c, b'"' | b'`' | 0xE2) || (c == b'\'' && region.get(k + 1) == Some(&b'\''));
                if quote_like {
                    p.step(from + k, ri);
                }
            }
        } else {
            // (Other characters starting with byte E2 are left out: as no marks they would change nothing.)
            let first = marks.partition_point(|&m| m < from);
            for &m in marks[first..].iter().take_while(|&&m| m < span.end) {
                p.step(m, ri);
            }
        }
        // Only a body paragraph can run on into the next one.
        if p.open.is_some() && !(body && regs.get(ri + 1).is_some_and(|r| r.1)) {
            p.open = None;
        }
    }
    p.out
}

/// Is the quoted text a name rather than a quote: an entity, or a short title-cased phrase with no
/// sentence punctuation ("Weaponry Exhibition-2023", "Gangnam Style").
fn is_name(art: &Article, span: Span) -> bool {
    // Entities are sorted by start: look only at those starting where the quoted words start.
    let i = art.entities.partition_point(|e| e.span.start < span.start);
    if art.entities[i..]
        .iter()
        .take_while(|e| e.span.start == span.start)
        .any(|e| e.span == span && story::is_name_label(e.label))
    {
        return true;
    }
    let s = art.slice(span);
    if s.ends_with(['.', '!', '?', ',', ';', ':']) {
        return false;
    }
    // One pass over the words, no list: more than six words or one that breaks title case ends it.
    let mut n = 0;
    let mut any_cap = false;
    for (i, w) in s.split_whitespace().enumerate() {
        n = i + 1;
        if n > 6 {
            return false;
        }
        let first = w.chars().next().unwrap();
        let titled = first.is_uppercase()
            || first.is_ascii_digit()
            || (i > 0 && matches!(w, "of" | "the" | "and" | "for" | "in" | "on" | "at" | "to" | "a" | "an" | "with"));
        if !titled {
            return false;
        }
        any_cap |= first.is_uppercase();
    }
    // "I" alone or a sentence-initial word quoted is not a title; require a capital beyond the first word
    // or a digit/hyphenated name.
    n > 0 && any_cap && (n > 1 || s.contains(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']))
}

/// Reporting verbs, lower-cased. Forms that are more often nouns ("reports", "claims") are left out.
/// A hashed set behind a filter on the token as written: for its length, which first and which last
/// letters a verb may have. This runs on every token of a sentence near a quote, and the filter turns
/// nearly all away before they are lower-cased and hashed.
struct Verbs {
    set: story::Lexicon<()>,
    /// Per length: the `letter_bit`s of the first letters of the verbs that long.
    first: [u32; VERB_MAX + 1],
    /// Per length: the same for the last letters.
    last: [u32; VERB_MAX + 1],
}

/// Longest reporting verb ("acknowledged").
const VERB_MAX: usize = 12;

/// A bit for a byte, the same for a letter in either case (other bytes share the letters' bits: the
/// filter may let a few through that the set then turns away).
#[inline]
fn letter_bit(c: u8) -> u32 {
    1 << (c & 31)
}

fn verbs() -> &'static Verbs {
    static SET: std::sync::OnceLock<Verbs> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut v = Verbs {
            set: story::Lexicon::new(REPORTING_VERBS.iter().map(|w| (*w, ()))),
            first: [0; VERB_MAX + 1],
            last: [0; VERB_MAX + 1],
        };
        for w in REPORTING_VERBS {
            let b = w.as_bytes();
            assert!(b.len() <= VERB_MAX && b.iter().all(u8::is_ascii_lowercase), "reporting verb {w:?}");
            v.first[b.len()] |= letter_bit(b[0]);
            v.last[b.len()] |= letter_bit(b[b.len() - 1]);
        }
        v
    })
}

/// Could the token be a reporting verb, by its length and end letters?
#[inline]
fn verb_shaped(v: &Verbs, b: &[u8]) -> bool {
    let n = b.len();
    n <= VERB_MAX && n > 0 && v.first[n] & letter_bit(b[0]) != 0 && v.last[n] & letter_bit(b[n - 1]) != 0
}

const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "adding",
    "stated",
    "vowed",
    "vows",
    "pledged",
    "warned",
    "warns",
    "noted",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "declared",
    "announced",
    "expressed",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "urged",
    "urges",
    "called",
    "described",
    "wrote",
    "writes",
    "asked",
    "asks",
    "replied",
    "responded",
    "explained",
    "explains",
    "reported",
    "shared",
    "promised",
    "acknowledged",
    "admitted",
    "affirmed",
    "reaffirmed",
    "confirmed",
    "denied",
    "denounced",
    "condemned",
    "criticized",
    "criticised",
    "accused",
    "threatened",
    "boasted",
    "praised",
    "hailed",
    "recalled",
    "predicted",
    "suggested",
    "reiterated",
    "demanded",
    "proclaimed",
    "remarked",
    "commented",
    "conceded",
    "cautioned",
    "quoted",
    "cited",
    "mentioned",
    "observed",
    "underlined",
    "underscored",
    "lamented",
    "complained",
    "tweeted",
    "posted",
];

/// `f` of the token ASCII-lower-cased (what `Doc::low` gives), lower-cased only when it has a capital and
/// then on the stack (a copy only for a token with other than ASCII, rare): the quotes stage reads a few
/// sentences per story and so never lower-cases the whole text.
fn with_low<R>(tok: &str, f: impl FnOnce(&str) -> R) -> R {
    if !tok.bytes().any(|c| c.is_ascii_uppercase()) {
        f(tok)
    } else if tok.is_ascii() {
        // ASCII: Unicode and ASCII lower-casing agree.
        crate::gazetteer::with_lower(tok, f)
    } else {
        f(&tok.to_ascii_lowercase())
    }
}

/// The attribution found for one sentence or quote, as entity and token indices: names are written out
/// only for the quotes kept, not for every sentence looked at.
#[derive(Debug, Clone, Copy, Default)]
struct Attr {
    /// Speaking entity.
    speaker: Option<u32>,
    /// Cited medium entity.
    source: Option<u32>,
    /// Token of the reporting verb.
    verb: Option<u32>,
}

impl Attr {
    fn found(&self) -> bool {
        self.speaker.is_some() || self.source.is_some()
    }
}

/// What the quotes look at in one sentence, worked out when first asked for: most quotes are settled by
/// their own sentence, and the neighbours' facts are then never needed.
#[derive(Debug, Default)]
struct SentFacts {
    /// Some quote may look at this sentence (its own, the next one, or a few before it): the facts below
    /// hold only there, and are none elsewhere.
    need: bool,
    /// Its first reporting verb outside quotes, as a token index.
    verb: OnceCell<Option<u32>>,
    /// Has "according" outside quotes.
    cites: OnceCell<bool>,
    /// Its first PERSON mention outside quotes (the likely subject), as an entity index.
    first_person: OnceCell<Option<u32>>,
    /// The medium it cites as a source ("the KCNA said", "according to Yonhap").
    medium: Cell<Medium>,
}

/// A sentence's cited medium, as far as it is worked out.
#[derive(Debug, Clone, Copy, Default)]
enum Medium {
    #[default]
    Unknown,
    /// Being worked out: the sentence's own "it said" asks for it.
    Pending,
    /// The medium entity, if any.
    Known(Option<u32>),
}

/// How many sentences' media may be worked out one inside another (each "it said" asks for those before
/// it) before the earlier ones are worked out in text order instead, keeping the stack shallow.
const MEDIA_DEPTH: u32 = 32;

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Per token: inside a quoted span (content tokens).
    quoted: Vec<bool>,
    /// Per sentence.
    sents: Vec<SentFacts>,
    /// Media being worked out one inside another.
    depth: Cell<u32>,
    /// Every medium before this sentence is worked out (after a long chain of "it said").
    settled: Cell<usize>,
    /// Per entity: is it a news medium (0 not yet known, 1 no, 2 yes)? Asked again and again of the same
    /// speakers, and each answer lower-cases the name.
    media: Vec<Cell<u8>>,
}

/// An entity's name as written out: its canonical name, else its text as a name.
fn name<'a>(art: &'a Article, e: usize) -> std::borrow::Cow<'a, str> {
    let ent = &art.entities[e];
    match &ent.canonical {
        Some(c) => std::borrow::Cow::Borrowed(c.as_str()),
        None => story::base_text(art, ent),
    }
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn sentence_tokens(&self, si: usize) -> (usize, usize) {
        let s = &self.doc.art.sentences[si];
        (s.token_start, s.token_end.min(self.doc.len()))
    }

    /// Token `t` lower-cased passes `f`.
    fn low_is(&self, t: usize, f: impl FnOnce(&str) -> bool) -> bool {
        with_low(self.doc.tok(t), f)
    }

    /// The bytes of token `t`: byte tests need no char-boundary checks.
    fn word(&self, t: usize) -> &'a [u8] {
        let s = self.doc.art.tokens[t].span;
        &self.doc.art.text.as_bytes()[s.start..s.end]
    }

    /// Token `t` is `word` (lower-case) in any ASCII case.
    fn is_word(&self, t: usize, word: &str) -> bool {
        self.word(t).eq_ignore_ascii_case(word.as_bytes())
    }

    /// Is token `t`, lower-cased, a reporting verb? Byte tests first: the token as str only for the few
    /// shaped like a verb.
    fn is_reporting_verb(&self, t: usize) -> bool {
        let v = verbs();
        verb_shaped(v, self.word(t)) && with_low(self.doc.tok(t), |w| v.set.get(w).is_some())
    }

    /// The entity whose last token is `t`, outside quotes, of a label that can speak.
    fn speaker_ending(&self, t: usize) -> Option<usize> {
        let e = self.doc.ent_ending(t)?;
        let l = self.doc.art.entities[e].label;
        (!self.quoted[t] && matches!(l, Label::Person | Label::Org | Label::Gpe | Label::Norp)).then_some(e)
    }

    fn is_medium(&self, e: usize) -> bool {
        let known = &self.media[e];
        if known.get() == 0 {
            known.set(if is_medium(&name(self.doc.art, e)) { 2 } else { 1 });
        }
        known.get() == 2
    }

    /// Speaker or source for entity `e`: media are sources.
    fn attr_of_entity(&self, e: usize) -> Attr {
        let art = self.doc.art;
        if art.entities[e].label != Label::Person && self.is_medium(e) {
            Attr { source: Some(e as u32), ..Default::default() }
        } else {
            Attr { speaker: Some(e as u32), ..Default::default() }
        }
    }

    /// The nearest medium cited at or before sentence `si` (at most a few sentences back).
    fn running_medium(&self, si: usize) -> Option<u32> {
        (si.saturating_sub(6)..si).rev().find_map(|s| self.medium(s))
    }

    fn last_person(&self, si: usize, before_tok: usize) -> Option<u32> {
        let (a, _) = self.sentence_tokens(si);
        for t in (a..before_tok).rev() {
            if let Some(e) = self.speaker_ending(t) {
                if self.doc.art.entities[e].label == Label::Person {
                    return Some(e as u32);
                }
            }
        }
        (si.saturating_sub(6)..si).rev().find_map(|s| self.first_person(s))
    }

    /// Who is the subject of the reporting verb at token `v` in sentence `si`.
    fn subject(&self, si: usize, v: usize, depth: u8) -> Attr {
        let doc = self.doc;
        let (a, b) = self.sentence_tokens(si);
        let mut j = v;
        while j > a && self.low_is(j - 1, is_aux_or_adverb) {
            j -= 1;
        }
        if j > a {
            let l = j - 1;
            if let Some(e) = self.speaker_ending(l) {
                return self.attr_of_entity(e);
            }
            if self.low_is(l, story::is_person_pronoun) {
                return Attr { speaker: self.last_person(si, l), ..Default::default() };
            }
            if self.is_word(l, "it") {
                return Attr { source: self.running_medium(si + 1), ..Default::default() };
            }
            if (self.is_word(l, "and") || self.is_word(l, "but")) && depth < 3 {
                // Coordinated verb: same subject as the reporting verb before it, else the sentence's
                // first person.
                for t in (a..l).rev() {
                    if !self.quoted[t] && self.is_reporting_verb(t) {
                        return self.subject(si, t, depth + 1);
                    }
                }
                for t in a..l {
                    if let Some(e) = self.speaker_ending(t) {
                        if doc.art.entities[e].label == Label::Person {
                            return self.attr_of_entity(e);
                        }
                    }
                }
                return Attr::default();
            }
            if doc.tok(l) == "," && !story::is_quote_mark(doc.tok(l.saturating_sub(1))) {
                // "Li, a Politburo member, said": the name before the appositive.
                for t in (a.max(l.saturating_sub(12))..l).rev() {
                    if doc.tok(t) == "," {
                        if t > a {
                            if let Some(e) = self.speaker_ending(t - 1) {
                                return self.attr_of_entity(e);
                            }
                        }
                        break;
                    }
                }
            }
        }
        // Inversion after a quote or at the start: '"...," said Kim', 'said the KCNA'.
        let inverted = j == a || matches!(doc.tok(j - 1), "," | "\"" | "”" | "''");
        if inverted {
            let g = crate::gazetteer::gazetteer();
            let mut k = v + 1;
            while k < b
                && self.low_is(k, |w| story::is_determiner(w) || g.title_word(w).head || g.title_word(w).modifier)
                && doc.ent(k).is_none()
            {
                k += 1;
            }
            if k < b {
                if let Some(e) = doc.ent_starting(k) {
                    if !self.quoted[k] {
                        let l = doc.art.entities[e].label;
                        if matches!(l, Label::Person | Label::Org | Label::Gpe) {
                            return self.attr_of_entity(e);
                        }
                    }
                }
            }
        }
        Attr::default()
    }

    /// "according to [the] X" in sentence `si`, outside quotes.
    fn according_to(&self, si: usize) -> Option<usize> {
        // No "according" outside quotes here: nothing to look for.
        if self.sents[si].need && !self.cites(si) {
            return None;
        }
        let doc = self.doc;
        let (a, b) = self.sentence_tokens(si);
        let mut t = a;
        while t + 2 < b {
            if !self.quoted[t] && self.is_word(t, "according") && self.is_word(t + 1, "to") {
                let mut k = t + 2;
                while k < b && self.low_is(k, story::is_determiner) {
                    k += 1;
                }
                // "according to the North's Korean Central News Agency": skip a possessive owner.
                if let Some(e) = doc.ent_starting(k) {
                    let end = doc.art.entities[e].token_end;
                    if doc.is_possessive(end) {
                        if let Some(e2) = doc.ent_starting(end + 1) {
                            return Some(e2);
                        }
                    }
                    return Some(e);
                }
                return None;
            }
            t += 1;
        }
        None
    }

    /// The verb as written, with "his views on" and the like when they follow.
    fn verb_text(&self, v: usize) -> String {
        let doc = self.doc;
        let n = doc.len();
        let mut end = v;
        if v + 2 < n
            && self.low_is(v + 1, |w| matches!(w, "his" | "her" | "their" | "its"))
            && self.low_is(v + 2, |w| matches!(w, "views" | "view" | "opinion" | "opinions" | "thoughts"))
        {
            end = v + 2;
            if v + 3 < n && (self.is_word(v + 3, "on") || self.is_word(v + 3, "about")) {
                end = v + 3;
            }
        }
        let art = doc.art;
        let written = &art.text[art.tokens[v].span.start..art.tokens[end].span.end];
        // Whitespace runs folded to one space.
        let mut s = String::with_capacity(written.len());
        for (i, w) in written.split_whitespace().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    }

    /// Attribution of a sentence from a reporting verb near token position `pos` (or its first one).
    fn sentence_attr(&self, si: usize, verb_tok: Option<usize>) -> Attr {
        let mut attr = Attr::default();
        if let Some(v) = verb_tok {
            attr = self.subject(si, v, 0);
            attr.verb = Some(v as u32);
            if self.is_word(v, "told") {
                // "Kim told Yonhap": the medium told is the source.
                if let Some(e) = self.doc.ent_starting(v + 1) {
                    let m = self.attr_of_entity(e);
                    if m.source.is_some() && attr.source.is_none() {
                        attr.source = m.source;
                    }
                }
            }
        }
        if let Some(e) = self.according_to(si) {
            let m = self.attr_of_entity(e);
            if m.source.is_some() {
                attr.source = attr.source.or(m.source);
            } else if attr.speaker.is_none() {
                attr.speaker = m.speaker;
            }
        }
        attr
    }

    /// Marks the sentences whose facts the quotes may use, for pronouns, "it" and neighbouring
    /// attributions: a quote's own, the next one, and a few before it.
    fn mark_needed(&mut self, kept: &[Raw]) {
        let art = self.doc.art;
        let ns = self.sents.len();
        for r in kept {
            for pos in [r.span.start, r.close_end.saturating_sub(1)] {
                if let Some(si) = story::sentence_at(art, pos) {
                    self.sents[si.saturating_sub(6)..(si + 2).min(ns)].iter_mut().for_each(|x| x.need = true);
                }
            }
        }
    }

    /// The tokens of sentence `si` outside quotes, with their spans.
    fn outside_quotes(&self, si: usize) -> impl Iterator<Item = (usize, Span)> + '_ {
        let (a, b) = self.sentence_tokens(si);
        let toks = &self.doc.art.tokens[a..b];
        toks.iter()
            .zip(&self.quoted[a..b])
            .enumerate()
            .filter(|(_, (_, &q))| !q)
            .map(move |(k, (tok, _))| (a + k, tok.span))
    }

    /// The first reporting verb of sentence `si` outside quotes.
    fn verb_of(&self, si: usize) -> Option<usize> {
        let f = &self.sents[si];
        if !f.need {
            return None;
        }
        let v = f
            .verb
            .get_or_init(|| self.outside_quotes(si).find(|&(t, _)| self.is_reporting_verb(t)).map(|(t, _)| t as u32));
        v.map(|v| v as usize)
    }

    /// Sentence `si` has "according" outside quotes.
    fn cites(&self, si: usize) -> bool {
        let f = &self.sents[si];
        f.need
            && *f.cites.get_or_init(|| {
                let bytes = self.doc.art.text.as_bytes();
                self.outside_quotes(si)
                    .any(|(_, s)| s.len() == 9 && bytes[s.start..s.end].eq_ignore_ascii_case(b"according"))
            })
    }

    /// The first PERSON of sentence `si` outside quotes that is no possessive owner.
    fn first_person(&self, si: usize) -> Option<u32> {
        let f = &self.sents[si];
        if !f.need {
            return None;
        }
        *f.first_person.get_or_init(|| {
            let doc = self.doc;
            let ents = &doc.art.entities;
            self.outside_quotes(si)
                .filter_map(|(t, _)| doc.ent_starting(t))
                .find(|&e| ents[e].label == Label::Person && !doc.is_possessive(ents[e].token_end))
                .map(|e| e as u32)
        })
    }

    /// The medium sentence `si` cites: the subject of its reporting verb, or what it is "according to".
    /// A sentence's "it said" looks back to the media of the sentences before it (never after), so working
    /// them out when asked gives what working out all in text order would.
    fn medium(&self, si: usize) -> Option<u32> {
        let f = &self.sents[si];
        match f.medium.get() {
            Medium::Known(m) => return m,
            // Asked by its own "it said": in text order it is not known yet.
            Medium::Pending => return None,
            Medium::Unknown if !f.need => return None,
            Medium::Unknown => {}
        }
        if self.depth.get() >= MEDIA_DEPTH {
            // A long chain of "it said": settle the earlier sentences in text order, each then finding
            // the media before it known.
            for k in self.settled.get()..si {
                if self.sents[k].need && matches!(self.sents[k].medium.get(), Medium::Unknown) {
                    self.work_out_medium(k);
                }
            }
            self.settled.set(self.settled.get().max(si));
        }
        self.work_out_medium(si)
    }

    fn work_out_medium(&self, si: usize) -> Option<u32> {
        let f = &self.sents[si];
        f.medium.set(Medium::Pending);
        let verb = self.verb_of(si);
        let m = if verb.is_none() && !self.cites(si) {
            None
        } else {
            self.depth.set(self.depth.get() + 1);
            let m = self.sentence_attr(si, verb).source;
            self.depth.set(self.depth.get() - 1);
            m
        };
        f.medium.set(Medium::Known(m));
        m
    }
}

/// Per token: inside one of the quoted spans `raws` (in text order). Only the tokens under each span are
/// visited, found by binary search.
fn quoted_tokens(art: &Article, raws: &[Raw]) -> Vec<bool> {
    let toks = &art.tokens;
    let mut quoted = vec![false; toks.len()];
    // Each span claims the tokens starting before its end that an earlier span has not claimed; of those,
    // the ones inside it are quoted.
    let mut t = 0;
    for r in raws {
        let end = t + toks[t..].partition_point(|tok| tok.span.start < r.span.end);
        let first = t + toks[t..end].partition_point(|tok| tok.span.start < r.span.start);
        for k in first..end {
            if r.span.contains(toks[k].span) {
                quoted[k] = true;
            }
        }
        t = end;
    }
    quoted
}

fn attribute(art: &Article, raws: &[Raw]) -> Vec<Quote> {
    let kept: Vec<Raw> = raws.iter().filter(|r| !is_name(art, r.span)).copied().collect();
    if kept.is_empty() {
        return Vec::new();
    }
    let doc = &Doc::new(art);
    // Mark tokens inside any quoted span (names included: they are no subjects either).
    let quoted = quoted_tokens(art, raws);
    let ns = art.sentences.len();
    let media = vec![Cell::new(0); art.entities.len()];
    let sents = std::iter::repeat_with(SentFacts::default).take(ns).collect();
    let mut ctx = Ctx { doc, quoted, sents, depth: Cell::new(0), settled: Cell::new(0), media };
    ctx.mark_needed(&kept);
    let para_of = |si: usize| match art.sentences[si].section {
        Section::Body(p) => Some(p),
        _ => None,
    };
    // (sentence, attribution) of each kept quote; the names are written out at the end.
    let mut found: Vec<(Option<usize>, Attr)> = Vec::with_capacity(kept.len());
    for (qi, r) in kept.iter().enumerate() {
        let Some(si) = story::sentence_at(art, r.span.start) else {
            found.push((None, Attr::default()));
            continue;
        };
        let (a, b) = ctx.sentence_tokens(si);
        let first_q = art.tokens[a..b].partition_point(|t| t.span.end <= r.span.start) + a;
        let after_q = art.tokens[a..b].partition_point(|t| t.span.start < r.close_end) + a;
        // Pick the reporting verb: right after a quote that ends open ('"...," Kim said'), else the nearest
        // one before the quote, else the nearest after it.
        let mut verb = None;
        if r.open_ended {
            let mut t = after_q;
            while t < b
                && t < after_q + 6
                && (doc.tok(t) == ","
                    || doc.ent(t).is_some()
                    || ctx.is_word(t, "it")
                    || ctx.low_is(t, |w| is_aux_or_adverb(w) || story::is_person_pronoun(w) || story::is_determiner(w)))
            {
                t += 1;
            }
            if t < b && ctx.is_reporting_verb(t) && !ctx.quoted[t] {
                verb = Some(t);
            }
        }
        if verb.is_none() {
            verb = (a..first_q).rev().find(|&t| !ctx.quoted[t] && ctx.is_reporting_verb(t));
        }
        if verb.is_none() {
            verb = (after_q..b).find(|&t| !ctx.quoted[t] && ctx.is_reporting_verb(t));
        }
        // A quote running over paragraphs may be attributed in its last sentence.
        let mut attr = ctx.sentence_attr(si, verb);
        if !attr.found() {
            if let Some(se) = story::sentence_at(art, r.close_end.saturating_sub(1)).filter(|&s| s != si) {
                attr = ctx.sentence_attr(se, ctx.verb_of(se));
            }
        }
        if !attr.found() {
            // The previous quote of the same paragraph, then the neighbouring sentences of the paragraph.
            let prev = qi.checked_sub(1).map(|p| found[p].1).filter(|q| kept[qi - 1].region == r.region && q.found());
            if let Some(q) = prev {
                attr.speaker = q.speaker;
                attr.source = q.source;
            } else {
                let p = para_of(si);
                let same_para = |s: usize| s < ns && p.is_some() && para_of(s) == p;
                for s in [si + 1, si.wrapping_sub(1)] {
                    if same_para(s) {
                        if let Some(m) = ctx.medium(s) {
                            attr.source = Some(m);
                            break;
                        }
                    }
                }
            }
        }
        found.push((Some(si), attr));
    }
    let text_of = |e: Option<u32>| e.map(|e| name(art, e as usize).into_owned());
    kept.iter()
        .zip(found)
        .map(|(r, (si, attr))| Quote {
            span: r.span,
            speaker: text_of(attr.speaker),
            source: text_of(attr.source),
            verb: attr.verb.map(|v| ctx.verb_text(v as usize)),
            sentence: si.unwrap_or(0),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A story run through structure and tokens, with every whole-token occurrence of each mention as an
    /// entity.
    fn story(text: &str, mentions: &[(&str, Label)]) -> Article {
        let stages = crate::Stages { entities: false, reading: false };
        let mut art = crate::analyze(text, &ParseOptions::default(), stages).unwrap();
        for &(m, label) in mentions {
            for (start, _) in text.match_indices(m) {
                let end = start + m.len();
                let a = art.tokens.partition_point(|t| t.span.start < start);
                let b = art.tokens.partition_point(|t| t.span.end <= end);
                if a < b && art.tokens[a].span.start == start && art.tokens[b - 1].span.end == end {
                    let si = story::sentence_of_token(&art, a).unwrap();
                    art.entities.push(Entity::new(Span::new(start, end), label, si, a, b));
                }
            }
        }
        art.entities.sort_by_key(|e| (e.span.start, e.span.end));
        art
    }

    #[test]
    fn it_said_looks_back_through_a_long_chain() {
        // Each "It said" sentence cites what the one before it cites, back to Yonhap; the quotes between
        // are settled by their own sentences, so the last one asks for the whole chain at once (deeper
        // than MEDIA_DEPTH for the longer story).
        for n in [5, 200] {
            let mut text = String::from("Yonhap said talks would resume.\n\n");
            for i in 0..n {
                text.push_str(&format!("It said talks number {i} went well. \"Fine,\" Park said. "));
            }
            text.push_str("It said \"the end is near\".\n");
            let mut art = story(&text, &[("Yonhap", Label::Org), ("Park", Label::Person)]);
            extract(&mut art);
            assert_eq!(art.quotes.len(), n + 1);
            assert!(art.quotes[..n].iter().all(|q| q.speaker.as_deref() == Some("Park")));
            let last = art.quotes.last().unwrap();
            assert_eq!(art.slice(last.span), "the end is near");
            assert_eq!((last.speaker.as_deref(), last.source.as_deref()), (None, Some("Yonhap")), "n = {n}");
        }
    }

    #[test]
    fn marks_of_every_style_pair() {
        let text = "\"Straight,\" Park said. “Curly,” Park said. ``Treebank,'' Park said. 'Single,' Park said.";
        let mut art = story(text, &[("Park", Label::Person)]);
        extract(&mut art);
        let quoted: Vec<&str> = art.quotes.iter().map(|q| art.slice(q.span)).collect();
        assert_eq!(quoted, ["Straight", "Curly", "Treebank"]);
        assert!(art.quotes.iter().all(|q| q.speaker.as_deref() == Some("Park") && q.verb.as_deref() == Some("said")));
    }

    #[test]
    fn no_marks_no_quotes() {
        let mut art = story("Park said talks would resume – and so they did’.", &[("Park", Label::Person)]);
        art.quotes.push(Quote { span: Span::new(0, 4), speaker: None, source: None, verb: None, sentence: 0 });
        extract(&mut art);
        assert!(art.quotes.is_empty(), "earlier quotes are cleared");
    }
}
