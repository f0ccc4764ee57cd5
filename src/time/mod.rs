//! Time expressions: a scanner (`scan`), a grammar over its tokens (`grammar`) and their values against
//! an anchor date (`anchor`). The entity rules find DATE/TIME mentions with this grammar; the reading
//! stage `reading::time_values` gives each mention its value in the story's context.
use crate::types::Span;

pub(crate) mod anchor;
pub(crate) mod grammar;
pub(crate) mod scan;

use crate::util::calendar::parse_iso_date;
use anchor::Ctx;

/// The TimeML value of one time expression, resolved against `anchor` (ISO `YYYY-MM-DD`).
/// Weekdays alone are taken as the nearest one in the past (news reports what happened); without an
/// anchor, expressions that need one give `XXXX` forms where TimeML has them, else None.
///
/// ```
/// use dateline::normalize_time;
/// assert_eq!(normalize_time("Wednesday", Some("2023-07-27")).as_deref(), Some("2023-07-26"));
/// assert_eq!(normalize_time("this week", Some("2023-07-27")).as_deref(), Some("2023-W30"));
/// assert_eq!(normalize_time("1950-53", None).as_deref(), Some("1950/1953"));
/// ```
pub fn normalize(expr: &str, anchor: Option<&str>) -> Option<String> {
    let sem = parse_expr(expr)?;
    let ctx = Ctx { anchor: anchor.and_then(parse_iso_date), ..Default::default() };
    anchor::resolve(&sem, &ctx, &mut || (false, false)).0
}

/// `i`, or the next char boundary after it.
pub(crate) fn boundary_after(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The meaning of the expression at `span` of `text`, read with the words before it (which decide,
/// e.g., whether "May" is a month); falls back to the expression alone. `toks`: a buffer to reuse.
pub(crate) fn parse_in_context(text: &str, span: Span, toks: &mut Vec<scan::Tok>) -> Option<grammar::Sem> {
    let expr = text.get(span.start..span.end)?;
    let mut lo = span.start.saturating_sub(48);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    // The grammar looks back at most two tokens before the expression, so the window need only
    // start two whitespace-separated chunks back (each holds a token). Scanning stops at
    // whitespace, so from a chunk's start the tokens are those a scan from `lo` finds there; the
    // first one's line-break flag is carried over. Anything shorter keeps the scan from `lo`.
    let b = text.as_bytes();
    // (most bytes are above the space, and so no whitespace, at one comparison)
    let ws = |c: u8| c <= b' ' && c.is_ascii_whitespace();
    // the start of the run of (non-)whitespace ending at `q`
    let run_start = |q: usize, white: bool| b[lo..q].iter().rposition(|&c| ws(c) != white).map_or(lo, |p| lo + p + 1);
    let mut q = run_start(span.start, false);
    for _ in 0..2 {
        q = run_start(run_start(q, true), false);
    }
    let newline = q > lo && b[lo..q].iter().rev().take_while(|&&c| ws(c)).any(|&c| c == b'\n');
    let window = &text[q..span.end];
    scan::scan_into(window, newline, toks);
    let at = span.start - q;
    if let Some(i) = toks.iter().position(|t| t.start == at) {
        let m = grammar::Matcher::new(window, toks);
        if let Some(h) = m.match_at(i) {
            if h.end == toks.len() {
                return Some(h.sem);
            }
        }
    }
    parse_expr(expr)
}

/// The meaning of an expression: the longest time expression found in it.
pub(crate) fn parse_expr(expr: &str) -> Option<grammar::Sem> {
    let toks = scan::scan(expr);
    let m = grammar::Matcher::new(expr, &toks);
    let mut best: Option<grammar::Hit> = None;
    let mut i = 0;
    while i < toks.len() {
        if let Some(h) = m.match_at(i) {
            let longer = best.as_ref().is_none_or(|b| h.end - h.start > b.end - b.start);
            i = h.end;
            if longer {
                best = Some(h);
            }
        } else {
            i += 1;
        }
    }
    best.map(|h| h.sem)
}
