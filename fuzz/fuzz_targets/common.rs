//! Invariants every fuzz target checks on what the core returns: spans lie within the text on
//! char boundaries, lists of spans come in text order, and indices between lists point at real items.
//! A broken invariant panics, which libFuzzer reports as a crash with the input that caused it.
#![allow(dead_code)] // each target uses the part it needs

use dateline::{Article, ParseOptions, Section, Span};

/// Story dates a target picks from with its input's first byte: none, an ordinary day, a leap day,
/// the Reuters-21578 era (datelines there have no year).
pub const DATES: [Option<&str>; 4] = [None, Some("2023-07-27"), Some("2024-02-29"), Some("1987-02-26")];

/// Splits off the first byte as a choice among `DATES`; the rest is the story.
pub fn options_and_text(data: &[u8]) -> Option<(ParseOptions, &[u8])> {
    let (&first, rest) = data.split_first()?;
    let date = DATES[first as usize % DATES.len()].map(str::to_string);
    Some((ParseOptions { date, source: None }, rest))
}

pub fn check_span(text: &str, what: &str, s: Span) {
    assert!(s.start <= s.end, "{what} span {s:?} is reversed");
    assert!(s.end <= text.len(), "{what} span {s:?} is past the end of the {}-byte text", text.len());
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} span {s:?} is not on char boundaries"
    );
}

/// Spans in text order that do not overlap.
fn check_ordered(what: &str, spans: impl Iterator<Item = Span>) {
    let mut prev: Option<Span> = None;
    for s in spans {
        if let Some(p) = prev {
            assert!(p.end <= s.start, "{what} spans {p:?} and {s:?} overlap or are out of order");
        }
        prev = Some(s);
    }
}

/// What `parse_structure` + `tokenize` promise.
pub fn check_structure(art: &Article) {
    let text = art.text.as_str();
    for t in &art.tokens {
        check_span(text, "token", t.span);
        assert!(!t.span.is_empty(), "empty token at {:?}", t.span);
    }
    check_ordered("token", art.tokens.iter().map(|t| t.span));
    for s in &art.sentences {
        check_span(text, "sentence", s.span);
        assert!(
            s.token_start <= s.token_end && s.token_end <= art.tokens.len(),
            "sentence {:?} has token range {}..{} of {} tokens",
            s.span,
            s.token_start,
            s.token_end,
            art.tokens.len()
        );
        for t in &art.tokens[s.token_start..s.token_end] {
            assert!(s.span.contains(t.span), "sentence {:?} holds token {:?} outside it", s.span, t.span);
        }
        match s.section {
            Section::Body(i) => {
                assert!(i < art.paragraphs.len(), "sentence in paragraph {i} of {}", art.paragraphs.len())
            }
            Section::Caption(i) => assert!(i < art.captions.len(), "sentence in caption {i} of {}", art.captions.len()),
            Section::Headline | Section::Dateline => {}
        }
    }
    check_ordered("sentence", art.sentences.iter().map(|s| s.span));
    for w in art.sentences.windows(2) {
        assert!(w[0].token_end <= w[1].token_start, "sentences' token ranges overlap");
    }
    for p in &art.paragraphs {
        check_span(text, "paragraph", p.span);
    }
    check_ordered("paragraph", art.paragraphs.iter().map(|p| p.span));
    for c in &art.captions {
        check_span(text, "caption", c.span);
    }
    for b in &art.bylines {
        check_span(text, "byline", b.span);
    }
    if let Some(d) = &art.dateline {
        check_span(text, "dateline", d.span);
    }
    if let Some(h) = art.headline {
        check_span(text, "headline", h);
    }
}

/// What the full pipeline promises on top of [`check_structure`].
pub fn check_article(art: &Article) {
    check_structure(art);
    let text = art.text.as_str();
    for e in &art.entities {
        check_span(text, "entity", e.span);
        assert!(
            e.sentence < art.sentences.len(),
            "entity {:?} in sentence {} of {}",
            e.span,
            e.sentence,
            art.sentences.len()
        );
        assert!(
            e.token_start < e.token_end && e.token_end <= art.tokens.len(),
            "entity {:?} has token range {}..{} of {} tokens",
            e.span,
            e.token_start,
            e.token_end,
            art.tokens.len()
        );
        let first = art.tokens[e.token_start].span;
        let last = art.tokens[e.token_end - 1].span;
        // Within its tokens, not always all of them: "Va." gives the entity "Va".
        assert!(
            !e.span.is_empty() && first.start <= e.span.start && e.span.end <= last.end,
            "entity {:?} is not within its tokens {first:?}..{last:?}",
            e.span
        );
        let sentence = art.sentences[e.sentence].span;
        assert!(sentence.contains(e.span), "entity {:?} is outside its sentence {sentence:?}", e.span);
    }
    check_ordered("entity", art.entities.iter().map(|e| e.span));
    for c in &art.clusters {
        for &m in &c.mentions {
            assert!(m < art.entities.len(), "cluster {:?} names mention {m} of {}", c.canonical, art.entities.len());
        }
    }
    for q in &art.quotes {
        check_span(text, "quote", q.span);
        assert!(q.sentence < art.sentences.len(), "quote in sentence {} of {}", q.sentence, art.sentences.len());
    }
    for ev in &art.events {
        check_span(text, "event", ev.span);
        assert!(ev.sentence < art.sentences.len(), "event in sentence {} of {}", ev.sentence, art.sentences.len());
    }
    for a in &art.acronyms {
        check_span(text, "acronym", a.span);
    }
    // What the binding and `to_json` serialise must serialise.
    serde_json::to_string(art).expect("an article serialises to JSON");
}
