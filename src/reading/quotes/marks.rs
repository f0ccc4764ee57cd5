//! Quote marks found and paired paragraph by paragraph (straight, curly and PTB ``...'' marks), and
//! the quoted spans that are names rather than quotes.
use crate::reading::story;
use crate::types::*;

/// A quoted span: the words without the marks, and the byte just after the closing mark.
#[derive(Debug, Clone, Copy)]
pub(super) struct Raw {
    pub(super) span: Span,
    /// Byte offset just past the closing mark.
    pub(super) close_end: usize,
    /// The closing mark was preceded by a comma, question or exclamation mark: attribution likely follows.
    pub(super) open_ended: bool,
    /// Paragraph (region) index where the quote opens.
    pub(super) region: usize,
    /// Byte offset of the opening mark.
    pub(super) open_mark: usize,
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
pub(super) fn quote_marks(text: &str) -> Option<(Vec<usize>, bool)> {
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
    /// (content start, region, opening mark) of the quote now open.
    open: Option<(usize, usize, usize)>,
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
            (None, Mark::Open | Mark::Either) => self.open = Some((c + n, ri, c)),
            (None, Mark::Close) => {} // stray closing mark
            (Some((s, r, o)), Mark::Close | Mark::Either) => {
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
                    let span = Span::new(s + lead, end);
                    self.out.push(Raw { span, close_end: c + n, open_ended, region: r, open_mark: o });
                }
                self.open = None;
            }
            // An opening mark inside an open quote: the earlier one was never closed.
            (Some(_), Mark::Open) => self.open = Some((c + n, ri, c)),
        }
        self.i = c + n;
    }
}

/// Pairs the marks region by region; `marks` as `quote_marks` gives them.
pub(super) fn find_quotes(art: &Article, &(ref marks, any_ptb): &(Vec<usize>, bool)) -> Vec<Raw> {
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
pub(super) fn is_name(art: &Article, span: Span) -> bool {
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

/// Is the quoted span no quotation: a markup attribute's value (`author="..."`), a scare quote (a few
/// lower-case words set off, "the \"establishment\" candidate"), or the title of a work or product
/// with its sentence's full stop inside the marks ("on CNN's \"New Day.\"").
pub(super) fn not_a_quote(art: &Article, r: &Raw) -> bool {
    let text = art.text.as_str();
    let before = text[..r.open_mark].trim_end();
    if before.ends_with('=') {
        return true;
    }
    let s = art.slice(r.span);
    let words = s.split_whitespace().count();
    let last = s.chars().last();
    let ends_sentence = matches!(last, Some('.' | '?' | '!'));
    // Scare quotes: introduced by nothing (no colon), closed with no comma, no sentence of their own.
    if words <= 3 && !r.open_ended && !ends_sentence && !before.ends_with(':') {
        // 'called the launch "a clear provocation"': a reporting verb a few words before makes it a
        // quotation.
        let reported = before
            .rsplit(char::is_whitespace)
            .take(4)
            .any(|w| super::verbs::with_low(w, |l| super::verbs::verbs().set.get(l).is_some()));
        if !reported && s.chars().next().is_some_and(|c| c.is_lowercase()) {
            return true;
        }
    }
    // A title-cased name with the sentence's full stop moved inside the marks (American style).
    if last == Some('.') && words <= 6 && !before.ends_with(':') {
        let inner = Span::new(r.span.start, r.span.end - 1);
        if titled(art.slice(inner), words) {
            return true;
        }
    }
    false
}

/// Every word title-cased (small words aside); one word only when preceded by a possessive, as in
/// "CNN's \"Sherlock.\"" (no way to tell "Thanks." from a title otherwise).
fn titled(s: &str, words: usize) -> bool {
    let small = |w: &str| matches!(w, "of" | "the" | "and" | "for" | "in" | "on" | "at" | "to" | "a" | "an" | "with");
    let all = s.split_whitespace().enumerate().all(|(i, w)| {
        let c = w.chars().next().unwrap_or(' ');
        c.is_uppercase() || c.is_ascii_digit() || (i > 0 && small(w))
    });
    all && words >= 2 && !s.starts_with("I ")
}
