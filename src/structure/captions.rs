//! Photo captions ("view larger image ...", or a paragraph closed by a use restriction): text,
//! credit, restriction, and the source and date the caption names.
use super::body::fold_ws;
use super::dateline::MONTHS;
use super::{bounded, starts_ci, trim_span};
use crate::types::*;
use crate::util::calendar::{month_number, valid_ymd};
use regex::Regex;
use std::sync::OnceLock;

const RESTRICTION_OPEN: &str = "(For Use Only";

pub(super) fn is_caption(p: &str) -> bool {
    if starts_ci(p, "view larger image") {
        return true;
    }
    if p.len() >= 4000 {
        return false;
    }
    if photo_credit(p).is_some() {
        return true;
    }
    // The restriction closes the caption: look only near the end.
    if !p.ends_with(')') {
        return false;
    }
    let tail = bounded_start(p, p.len().saturating_sub(200));
    p[tail..].contains(RESTRICTION_OPEN)
}

/// The longest photo credit closing a caption we read, in bytes.
const MAX_PHOTO_CREDIT: usize = 120;

/// Where a photographer's credit closing a caption starts, and where its text lies (without
/// parentheses), as byte offsets into `p`: Reuters' "... 2025. REUTERS/Jane Doe/File Photo" and
/// "... 2025. John Roe/Pool via REUTERS", AP's "(AP Photo/Jane Doe, File)", "(Photo by Jane Doe/AFP)",
/// "(Jane Doe/Getty Images)". A credit closes the paragraph and is short.
fn photo_credit(p: &str) -> Option<(usize, usize, usize)> {
    let tail_start = bounded_start(p, p.len().saturating_sub(MAX_PHOTO_CREDIT));
    let tail = &p[tail_start..];
    if let Some(inner) = tail.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let credit = &inner[open + 1..];
        let photo = ["AP Photo", "AFP Photo", "AFP PHOTO", "Photo by ", "Photo: ", "Photograph by "]
            .iter()
            .any(|w| credit.starts_with(w))
            || ["/Getty Images", "via Getty Images", "/AFP", "/AP", "/Bloomberg", "/EPA"]
                .iter()
                .any(|w| credit.ends_with(w));
        return (photo && !credit.contains('(')).then(|| (tail_start + open, tail_start + open + 1, p.len() - 1));
    }
    let tail = tail.strip_suffix(" TPX IMAGES OF THE DAY").unwrap_or(tail);
    let end = tail_start + tail.len();
    let start = if let Some(k) = tail.rfind("REUTERS/").or_else(|| tail.rfind("Reuters/")) {
        k
    } else if tail.ends_with(" via REUTERS") || tail.ends_with(" via Reuters") {
        // "John Roe/Pool via REUTERS": the credit follows the caption's last sentence.
        tail.rfind(". ").map(|k| k + 2)?
    } else {
        return None;
    };
    let credit = &tail[start..];
    // The credit stands after a sentence, is one line, and reads as names and slashes only.
    let after_sentence = (start == 0 && tail_start == 0) || tail[..start].ends_with(". ");
    let plain = !credit.contains(['\n', '(', ')', ',', ';', ':']) && !credit.contains(". ");
    (after_sentence && plain && start < tail.len()).then_some((tail_start + start, tail_start + start, end))
}

/// The first char boundary at or after `i`.
fn bounded_start(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

struct CaptionParts {
    text: Span,
    credit: Option<Span>,
    restriction: Option<Span>,
}

/// Splits a caption block into its descriptive text, restriction and credit (all spans into `text`).
fn split_caption(text: &str, span: Span) -> CaptionParts {
    let mut s = span.start;
    let mut e = span.end;
    if starts_ci(&text[s..e], "view larger image") {
        s += "view larger image".len();
    }
    let (ns, ne) = trim_span(text, s, e);
    s = ns;
    e = ne;
    let mut credit = None;
    let mut restriction = None;
    if let Some((at, cs, ce)) = photo_credit(&text[s..e]) {
        credit = Some(Span::new(s + cs, s + ce));
        e = trim_span(text, s, s + at).1;
    }
    // Trailing parenthesised groups: "(For Use Only ...) (Yonhap)".
    for _ in 0..2 {
        let p = &text[s..e];
        if !p.ends_with(')') {
            break;
        }
        let Some(open) = p.rfind('(') else { break };
        let inner = Span::new(s + open + 1, e - 1);
        let inner_text = &text[inner.start..inner.end];
        if starts_ci(inner_text, "For Use Only") || starts_ci(inner_text, "No Redistribution") {
            if restriction.is_none() {
                restriction = Some(inner);
            }
        } else if credit.is_none() && restriction.is_none() && inner_text.len() <= 40 && !inner_text.contains(". ") {
            credit = Some(inner);
        } else {
            break;
        }
        let (ns, ne) = trim_span(text, s, s + open);
        s = ns;
        e = ne;
    }
    CaptionParts { text: Span::new(s, e.max(s)), credit, restriction }
}

/// The descriptive words of a caption (without "view larger image", the restriction and the credit),
/// which are what gets tokenized.
pub fn caption_text_span(text: &str, span: Span) -> Span {
    split_caption(text, span).text
}

fn caption_source_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:carried|released|provided|distributed) by (?:the )?([^,()]{2,120}?)(?: on | in |,|\)|$)")
            .unwrap()
    })
}

fn caption_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"\b({MONTHS})\.? (\d{{1,2}}),? (\d{{4}})\b")).unwrap())
}

pub(super) fn make_caption(text: &str, span: Span) -> Caption {
    let parts = split_caption(text, span);
    let body = &text[parts.text.start..parts.text.end];
    let head = &body[..bounded(body, 0, body.len(), 600)];
    let source = caption_source_re().captures(head).map(|c| {
        let s = c[1].trim();
        // "North Korea's Korean Central News Agency" -> the medium after the possessive.
        let s = match s.rfind("'s ").or_else(|| s.rfind("’s ")) {
            Some(k) => &s[k + s[k..].find(' ').unwrap_or(0) + 1..],
            None => s,
        };
        s.trim().to_string()
    });
    let date = caption_date_re().captures(head).and_then(|c| {
        let m = month_number(&c[1])?;
        valid_ymd(c[3].parse().ok()?, m, c[2].parse().ok()?)
    });
    Caption {
        text: fold_ws(body),
        credit: parts.credit.map(|s| fold_ws(&text[s.start..s.end])),
        source,
        date,
        restriction: parts.restriction.map(|s| fold_ws(&text[s.start..s.end])),
        span,
    }
}
