//! Wire-story structure: header, advisory, byline, headline, dateline, paragraphs, captions.
use crate::types::*;

/// Splits a story into its parts. Never fails: text it cannot place becomes body paragraphs.
pub fn parse_structure(text: &str, opts: &ParseOptions) -> Article {
    // TODO(issue 2): the real parser.
    Article { text: text.to_string(), source: opts.source.clone(), date: opts.date.clone(), ..Default::default() }
}

/// The descriptive words of a caption block (placeholder until the parser lands).
pub fn caption_text_span(_text: &str, span: Span) -> Span {
    span
}
