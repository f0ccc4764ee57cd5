//! The body: blocks of lines split into paragraphs (at indented lines, or at every line when the
//! lines are not hard-wrapped), boilerplate stripped, captions set apart, whitespace folded.
use super::captions::{is_caption, make_caption};
use super::codes;
use super::credits::{credit_line, trailing_credit, Found};
use super::{line_at, starts_ci, strip_suffix_ci, trim_span, ws_len_at};
use crate::types::*;

struct BodyLine {
    start: usize,
    end: usize,
    indent: usize,
}

/// The body's parts: paragraphs, captions and credit lines with the credits they give.
#[derive(Default)]
pub(super) struct Body {
    pub paragraphs: Vec<Paragraph>,
    pub captions: Vec<Caption>,
    pub credit_lines: Vec<Span>,
    pub credits: Vec<Credit>,
    /// AP's "___" rule has been seen: every later short paragraph is the trailer (contributor lines,
    /// "Follow AP's coverage at ...", funding notes), a credit line.
    after_rule: bool,
}

/// The body from `body_start`; `head_credits` are the credit lines read among the opening lines
/// ("c.2000 Cox News Service" under a byline), which come first.
pub(super) fn parse_body(text: &str, body_start: usize, head_credits: Vec<(Span, Found)>) -> Body {
    // Sized for a wire story (a paragraph is a few hundred bytes, a block a few dozen lines), so
    // the vectors do not grow one push at a time.
    let mut out = Body { paragraphs: Vec::with_capacity((text.len() - body_start) / 256 + 1), ..Default::default() };
    for (span, found) in head_credits {
        push_credit_line(text, span, found, &mut out);
    }
    let mut block: Vec<BodyLine> = Vec::with_capacity(32);
    let mut pos = body_start;
    let b = text.as_bytes();
    while pos < text.len() {
        let l = line_at(text, pos);
        let (s, e) = trim_span(text, l.start, l.end);
        if s == e {
            flush_block(text, &mut block, &mut out);
        } else {
            // Indentation in columns; a tab counts as four.
            let mut indent = 0;
            for &c in &b[l.start..s] {
                indent += if c == b'\t' { 4 } else { 1 };
            }
            block.push(BodyLine { start: s, end: e, indent });
        }
        pos = l.next;
    }
    flush_block(text, &mut block, &mut out);
    out
}

/// A block's lines are hard-wrapped when most of them are short; otherwise each line is a paragraph.
const WRAP_WIDTH: usize = 100;

fn flush_block(text: &str, block: &mut Vec<BodyLine>, out: &mut Body) {
    if block.is_empty() {
        return;
    }
    let n = block.len();
    let min_indent = block.iter().map(|l| l.indent).min().unwrap_or(0);
    let short = block[..n - 1].iter().filter(|l| l.end - l.start <= WRAP_WIDTH).count();
    let wrapped = n == 1 || short * 4 >= (n - 1) * 3;
    let mut p_start = 0;
    for i in 1..=n {
        let breaks = i == n
            || !wrapped
            || block[i].indent > min_indent
            || starts_ci(&text[block[i].start..block[i].end], "view larger image");
        if breaks {
            emit_paragraph(text, block[p_start].start, block[i - 1].end, out);
            p_start = i;
        }
    }
    block.clear();
}

/// Folds whitespace runs (newlines, controls, non-breaking and other Unicode spaces) into single
/// spaces, trimming both ends. Text that folding leaves as it is (words and the single spaces
/// between them, a hard-wrapped line at a time) is found by `kept_end` and copied in one piece; only
/// the whitespace runs between such stretches are stepped through.
pub(super) fn fold_ws(s: &str) -> String {
    let b = s.as_bytes();
    let n = b.len();
    let mut out = String::with_capacity(n);
    let mut i = 0;
    loop {
        // A whitespace run (at the start: trimmed; between stretches: one space).
        while i < n {
            let l = ws_len_at(b, i);
            if l == 0 {
                break;
            }
            i += l;
        }
        if i >= n {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let start = i;
        i = kept_end(b, i);
        // Both ends are char boundaries: `start` follows whitespace, `i` starts a whitespace char.
        out.push_str(&s[start..i]);
    }
    out
}

/// From `i` (not whitespace), the end of the text that `fold_ws` keeps as written: the first
/// whitespace character other than a lone ' ' followed by a character that is not whitespace.
/// Sixteen (SSE2) or eight bytes at a time while they are plainly kept; the bytes a block flags are
/// looked at one by one.
#[inline]
fn kept_end(b: &[u8], mut i: usize) -> usize {
    let n = b.len();
    loop {
        // Sixteen bytes at a time with SSE2 (every x86-64 has it), the same test as `fold_flags`.
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::*;
            while i + 17 <= n {
                let (xs, ys) = (&b[i..i + 16], &b[i + 1..i + 17]);
                // SAFETY: SSE2 is part of every x86-64 CPU; both slices are 16 bytes long (checked
                // by the indexing above) and unaligned loads need no alignment.
                let flags = unsafe {
                    let x = _mm_loadu_si128(xs.as_ptr().cast());
                    let y = _mm_loadu_si128(ys.as_ptr().cast());
                    // Signed bytes: those from 0x80 up are negative, so "< 0x20" takes them too.
                    let ctrl_x =
                        _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7f)));
                    let space_x = _mm_cmpeq_epi8(x, _mm_set1_epi8(0x20));
                    let ws_y =
                        _mm_or_si128(_mm_cmplt_epi8(y, _mm_set1_epi8(0x21)), _mm_cmpeq_epi8(y, _mm_set1_epi8(0x7f)));
                    _mm_movemask_epi8(_mm_or_si128(ctrl_x, _mm_and_si128(space_x, ws_y))) as u32
                };
                if flags == 0 {
                    i += 16;
                    continue;
                }
                i += flags.trailing_zeros() as usize;
                break;
            }
        }
        // Nine bytes are read: a space is kept or not by the byte after it.
        while i + 9 <= n {
            let x = u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
            let y = u64::from_le_bytes(b[i + 1..i + 9].try_into().unwrap());
            let flags = fold_flags(x, y);
            if flags == 0 {
                i += 8;
                continue;
            }
            i += (flags.trailing_zeros() / 8) as usize;
            break;
        }
        if i >= n {
            return n;
        }
        // The exact test, one byte.
        let c = b[i];
        let stop = if c == b' ' { i + 1 == n || ws_len_at(b, i + 1) > 0 } else { ws_len_at(b, i) > 0 };
        if stop {
            return i;
        }
        i += 1;
    }
}

/// A high bit on every byte of `x` that may end a kept stretch: controls (below ' ', and 0x7f),
/// bytes from 0x80 up, and a ' ' whose next byte (the same lane of `y`, which is `x` one byte on)
/// is ' ', a control or from 0x80 up. Lanes are compared with their high bit cleared, where adding
/// at most 0x80 cannot carry into the next lane: no byte that matters is missed.
#[inline(always)]
fn fold_flags(x: u64, y: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit set where a lane (below 0x80) is >= lo, or <= hi.
    let ge = |v: u64, lo: u64| v + ONES * (0x80 - lo);
    let le = |v: u64, hi: u64| !(v + ONES * (0x7f - hi));
    let vx = x & !HIGH;
    let vy = y & !HIGH;
    let ctrl_x = le(vx, 0x1f) | ge(vx, 0x7f) | x;
    let space_x = ge(vx, 0x20) & le(vx, 0x20);
    let ws_y = le(vy, 0x20) | ge(vy, 0x7f) | y;
    (ctrl_x | (space_x & ws_y)) & HIGH
}

/// Strips boilerplate from the ends of a paragraph: SGML end markers, a closing "Reuter", "Enditem",
/// "-0-", "(END)".
/// Returns the span that is left (possibly empty).
fn strip_boilerplate(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    loop {
        let (ns, ne) = trim_span(text, s, e);
        s = ns;
        e = ne;
        let p = &text[s..e];
        if let Some(r) = p.strip_prefix("&#2;") {
            s = e - r.len();
            continue;
        }
        if let Some(r) = p.strip_suffix("&#3;") {
            e = s + r.len();
            continue;
        }
        if let Some(r) = strip_suffix_ci(p, "(END)") {
            e = s + r.len();
            continue;
        }
        // NYT's transmission trailer on the last line ("NYT-02-25-00 1832EST"): it ends in the time
        // zone's capitals, and only the last few dozen bytes are looked at.
        if p.ends_with(|c: char| c.is_ascii_uppercase()) {
            let tail = p.len().saturating_sub(48);
            let last_line = p.as_bytes()[tail..].iter().rposition(|&c| c == b'\n').map_or(0, |k| tail + k + 1);
            if (last_line > 0 || p.len() <= 48) && is_wire_trailer(&p[last_line..]) {
                e = s + last_line;
                continue;
            }
        }
        // Reuters-1987's "Reuter", Xinhua's "Enditem" and KCNA's "-0-" close the story.
        for word in ["Reuter", "REUTER", "reuter", "Enditem", "ENDITEM", "-0-"] {
            if let Some(r) = p.strip_suffix(word) {
                let before = r.trim_end_matches([' ', '\t', '\r']);
                // The sign-off stands alone: the whole paragraph, on its own line, or after the
                // last sentence's punctuation ("... (33.7).        REUTER").
                let own_line = r.is_empty()
                    || before.ends_with('\n')
                    || (r.len() > before.len() && !before.ends_with(|c: char| c.is_alphabetic()));
                if own_line && !r.ends_with(|c: char| c.is_alphanumeric()) {
                    e = s + r.len();
                }
            }
        }
        if e - s < p.len() {
            continue;
        }
        return (s, e);
    }
}

fn is_boilerplate(p: &str) -> bool {
    let lower_start = |pre: &str| starts_ci(p, pre);
    if p.len() < 300
        && (lower_start("copyright") || lower_start("(c) ") || p.starts_with('©') || lower_start("all rights reserved"))
    {
        return true;
    }
    if p.eq_ignore_ascii_case("view larger image") || p.eq_ignore_ascii_case("(MORE)") || is_editors_note(p) {
        return true;
    }
    // A lone contact address closing a story ("lmj@yna.co.kr").
    p.len() <= 80 && !p.contains(char::is_whitespace) && p.contains('@') && p.contains('.')
}

/// A transmission trailer closing a NYT News Service (or AP) story: the service, the date and the
/// time it went out ("NYT-02-25-00 1832EST", "AP-NY-08-29-98 0502EDT").
fn is_wire_trailer(line: &str) -> bool {
    let line = line.trim();
    let b = line.as_bytes();
    if b.len() > 40 || b.len() < 15 || !b[0].is_ascii_uppercase() {
        return false;
    }
    let Some((code, time)) = line.split_once(' ') else {
        return false;
    };
    let time = time.trim_start();
    let tb = time.as_bytes();
    // "1832EST", "0502 EDT"
    let digits = tb.iter().take_while(|c| c.is_ascii_digit()).count();
    let zone = time[digits..].trim_start();
    if !(3..=4).contains(&digits) || zone.len() != 3 || !zone.bytes().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    // "NYT-02-25-00": letters, then three two-digit numbers.
    let parts: Vec<&str> = code.split('-').collect();
    let n = parts.len();
    (4..=5).contains(&n)
        && parts[..n - 3].iter().all(|w| (1..=6).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_uppercase()))
        && parts[n - 3..].iter().all(|w| w.len() == 2 && w.bytes().all(|c| c.is_ascii_digit()))
}

/// An editors' note between the paragraphs of a NYT News Service story: "(STORY CAN END HERE.
/// OPTIONAL 2ND TAKE FOLLOWS.)", "(END OPTIONAL TRIM)", and the "nn" that ends a take.
fn is_editors_note(p: &str) -> bool {
    if p == "nn" || p == "nnnn" {
        return true;
    }
    if p.len() > 120 || !p.starts_with('(') || !p.ends_with(')') || p.chars().any(char::is_lowercase) {
        return false;
    }
    ["CAN END", "OPTIONAL", "TRIM", "TAKE", "END ", "ADD ", "FOLLOW", "PICKUP", "PICK UP"].iter().any(|w| p.contains(w))
}

fn emit_paragraph(text: &str, s: usize, e: usize, out: &mut Body) {
    let (s, mut e) = strip_boilerplate(text, s, e);
    if s >= e {
        return;
    }
    if let Some(found) = credit_line(text, s, e) {
        out.after_rule |= text.as_bytes()[s] == b'_';
        push_credit_line(text, Span::new(s, e), found, out);
        return;
    }
    if out.after_rule && e - s <= 400 && !is_caption(&text[s..e]) {
        push_credit_line(text, Span::new(s, e), Vec::new(), out);
        return;
    }
    let p = &text[s..e];
    if is_boilerplate(p) {
        return;
    }
    if is_caption(p) {
        out.captions.push(make_caption(text, Span::new(s, e)));
        return;
    }
    // A Reuters credit closing the paragraph ("... said. (Reporting by X; Editing by Y)").
    let mut trailer = None;
    if let Some(k) = trailing_credit(text, s, e) {
        if let Some(found) = credit_line(text, k, e) {
            trailer = Some((Span::new(k, e), found));
            e = trim_span(text, s, k).1;
        }
    }
    out.paragraphs.push(Paragraph { text: fold_ws(&codes::decode(&text[s..e])), span: Span::new(s, e) });
    if let Some((span, found)) = trailer {
        push_credit_line(text, span, found, out);
    }
}

fn push_credit_line(text: &str, span: Span, found: Found, out: &mut Body) {
    let line = out.credit_lines.len();
    out.credit_lines.push(span);
    out.credits.extend(found.into_iter().map(|(role, sp)| Credit {
        name: fold_ws(&text[sp.start..sp.end]),
        role,
        span: sp,
        line,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::is_ws;
    use crate::structure::tests::parse;

    #[test]
    fn an_ap_trailer_after_the_rule_is_credit_lines() {
        let t = "WASHINGTON (AP) -- The Senate voted on Tuesday.\n\nThe House votes next.\n\n___\n\n\
Associated Press writer Lisa Mascaro contributed to this report.\n\n\
Follow AP's coverage of Congress at https://apnews.com/hub/congress.";
        let a = parse(t);
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.credit_lines.len(), 3);
        assert_eq!(a.credits.len(), 1);
        assert_eq!(a.credits[0].name, "Lisa Mascaro");
        assert_eq!(a.credits[0].role, CreditRole::Contributing);
        assert_eq!(a.credits[0].line, 1);
    }

    #[test]
    fn xinhua_enditem_and_kcna_end_mark_close_the_story() {
        let t = "HANOI, May 2 (Xinhua) -- The two sides signed a port deal.\n\nTrade rose.\n\nEnditem";
        let a = parse(t);
        assert_eq!(
            a.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            ["The two sides signed a port deal.", "Trade rose."]
        );
        let t = "HANOI, May 2 (Xinhua) -- Trade rose, the ministry said. Enditem";
        assert_eq!(parse(t).paragraphs[0].text, "Trade rose, the ministry said.");
        let t = "Pyongyang, May 2 (KCNA) -- A delegation left.\n\nIt was seen off by officials. -0-";
        assert_eq!(parse(t).paragraphs[1].text, "It was seen off by officials.");
        // A word that only ends in the letters is kept.
        let t = "HANOI, May 2 (Xinhua) -- He listed the Enditem";
        assert_eq!(parse(t).paragraphs[0].text, "He listed the Enditem");
    }

    #[test]
    fn unwrapped_lines_are_paragraphs() {
        let long = "word ".repeat(40);
        let t = format!("{long}one.\n{long}two.\n{long}three.");
        let a = parse(&t);
        assert_eq!(a.paragraphs.len(), 3);
    }

    /// A plain byte-at-a-time fold: the oracle the word-at-a-time `fold_ws` must agree with.
    fn fold_ws_reference(s: &str) -> String {
        let b = s.as_bytes();
        let mut out: Vec<u8> = Vec::new();
        let mut pending = false;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let l = if is_ws(c) {
                1
            } else if c >= 0xC2 {
                ws_len_at(b, i)
            } else {
                0
            };
            if l > 0 {
                pending = !out.is_empty();
                i += l;
            } else {
                if pending {
                    out.push(b' ');
                    pending = false;
                }
                out.push(c);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fold_ws_matches_reference() {
        let pieces = [
            " ", "  ", "\n", "\r\n", "\t", "\u{0}", "\u{3}", "\u{7f}", "\u{a0}", "\u{85}", "\u{2028}", "\u{3000}",
            "\u{202f}", "\u{1680}", "a", "Zü", "é", "北京", "😀", "x.", "-", "(", "\u{2019}",
        ];
        // Every string of up to three pieces, and longer mixes.
        let mut cases = vec![String::new()];
        for a in pieces {
            cases.push(a.to_string());
            for b in pieces {
                cases.push(format!("{a}{b}"));
                for c in pieces {
                    cases.push(format!("{a}{b}{c}"));
                }
            }
        }
        cases.push("  The word  wrapped\n  across\tlines \u{a0} here. \n".repeat(5));
        // Long mixes, so the eight-byte steps meet every piece at every alignment.
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..40 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let k = (seed >> 33) as usize;
                t.push_str(if k.is_multiple_of(3) {
                    pieces[k % pieces.len()]
                } else {
                    ["ab", "word", " ", "x y", "Q"][k % 5]
                });
            }
            cases.push(t);
        }
        for t in &cases {
            assert_eq!(fold_ws(t), fold_ws_reference(t), "{t:?}");
        }
    }
}
