//! Wire-story structure: header, advisory, byline, headline, dateline, paragraphs, captions.
//!
//! The story is read in two passes over its lines, both linear in the text's length:
//! 1. the opening lines (at most `MAX_HEAD_LINES` non-blank ones): a header line (`date 2023-07-27
//!    (ATTN: ...)`), a headline, bylines, and the dateline that opens the first paragraph. Regexes are
//!    used here only, on a bounded prefix of each line.
//! 2. the body: blocks separated by blank lines, split into paragraphs at indented lines (Reuters 1987)
//!    or at every line when the lines are not hard-wrapped; captions and boilerplate are set apart.
use crate::types::*;

mod abbrev;
mod body;
mod byline;
mod captions;
pub(crate) mod codes;
mod credits;
mod dateline;
mod header;
mod sentences;
pub(crate) mod tokenize;

use body::parse_body;
use byline::{byline_tail, inline_byline_dateline, parse_byline};
use dateline::{resolve_date, DatelineMatch, Memo};
use header::{headline_kicker, is_advisory_line, is_headline, parse_advisory, parse_header, parse_slug};

/// How many non-blank opening lines may hold header, headline and bylines before the body starts.
const MAX_HEAD_LINES: usize = 8;
/// Datelines and bylines are short: regexes only ever see this many bytes of a line.
const HEAD_PREFIX: usize = 240;

/// Splits a story into its parts. Never fails: text it cannot place becomes body paragraphs.
pub fn parse_structure(text: &str, opts: &ParseOptions) -> Article {
    parse_structure_owned(text.to_string(), opts)
}

/// `parse_structure` keeping the given text as `Article::text` (no copy).
pub fn parse_structure_owned(text: String, opts: &ParseOptions) -> Article {
    let mut art = Article { text, source: opts.source.clone(), ..Default::default() };
    let text = art.text.as_str();

    let mut header_date: Option<String> = None;
    let mut advisory = Vec::new();
    let mut bylines = Vec::new();
    let mut headline = None;
    let mut dateline_m: Option<DatelineMatch> = None;
    let mut slug: Option<String> = None;
    // Copyright lines among the opening lines ("c.2000 Cox News Service"): credit lines.
    let mut head_credits = Vec::new();
    let mut body_start = text.len();

    let mut pos = 0;
    let mut seen = 0;
    let mut memo = Memo::default();
    while pos < text.len() {
        let line = line_at(text, pos);
        let (ts, te) = trim_span(text, line.start, line.end);
        if ts == te {
            pos = line.next;
            continue;
        }
        if seen >= MAX_HEAD_LINES {
            body_start = line.start;
            break;
        }
        seen += 1;
        let l = &text[ts..te];
        if seen == 1 {
            if let Some((d, adv)) = parse_header(l) {
                header_date = d;
                advisory.extend(adv);
                pos = line.next;
                continue;
            }
        }
        if starts_ci(l, "(ATTN:") {
            advisory.extend(parse_advisory(l));
            pos = line.next;
            continue;
        }
        // NYT News Service opening lines: the slug, "For Use Sat., Feb. 26 And Thereafter.", desk codes.
        if slug.is_none() && headline.is_none() && bylines.is_empty() {
            if let Some(s) = parse_slug(l, seen == 1) {
                slug = Some(s.to_string());
                pos = line.next;
                continue;
            }
        }
        if is_advisory_line(l) {
            advisory.push(codes::decode(l).split_whitespace().collect::<Vec<_>>().join(" "));
            pos = line.next;
            continue;
        }
        if let Some(found) = credits::copyright_line(text, ts, te) {
            head_credits.push((Span::new(ts, te), found));
            pos = line.next;
            continue;
        }
        if let Some((bs, m)) = inline_byline_dateline(text, ts, te) {
            // "By PAUL GEITNER    BRUSSELS, Belgium (AP) -- ..." on one line.
            bylines.extend(bs);
            body_start = m.span.end;
            dateline_m = Some(m);
            break;
        }
        if let Some(bs) = parse_byline(text, ts, te) {
            bylines.extend(bs);
            // "By MIKE WILLIAMS / c.2000 Cox News Service": the copyright is a credit line.
            if let Some(k) = byline_tail(text, ts, te) {
                let (cs, ce) = trim_span(text, k, te);
                if let Some(found) = credits::copyright_line(text, cs, ce) {
                    head_credits.push((Span::new(cs, ce), found));
                }
            }
            pos = line.next;
            continue;
        }
        if let Some(m) = memo.dateline(text, ts, te) {
            // A line over a byline or another dateline is the headline ("ROTTERDAM PORT SUBSIDY TO END
            // JULY 1 - MINISTRY" over "ROTTERDAM, March 5 - ...").
            let over_dateline = headline.is_none()
                && bylines.is_empty()
                && next_nonblank(text, line.next).is_some_and(|(ns, ne, _)| {
                    parse_byline(text, ns, ne).is_some() || memo.strength(text, ns, ne) == Some(true)
                });
            if over_dateline
                || (!m.strong
                    && headline.is_none()
                    && bylines.is_empty()
                    && is_headline(text, ts, te, line.next, &mut memo))
            {
                headline = Some(Span::new(ts, te));
                pos = line.next;
                continue;
            }
            body_start = m.span.end;
            dateline_m = Some(m);
            break;
        }
        if headline.is_none() && bylines.is_empty() && is_headline(text, ts, te, line.next, &mut memo) {
            headline = Some(Span::new(ts, te));
            pos = line.next;
            continue;
        }
        body_start = line.start;
        break;
    }

    // "(LEAD) N. Korea fires ...", "UPDATE 2-Oil rises ...": the kicker is an advisory, not headline.
    if let Some(h) = headline.as_mut() {
        let (k, tags) = headline_kicker(&text[h.start..h.end]);
        h.start += k;
        advisory.extend(tags);
    }

    // Dates: header > dateline > caller; a dateline without a year takes it from header or caller.
    let reference = header_date.clone().or_else(|| opts.date.clone());
    let dateline = dateline_m.map(|m| {
        let date = m.month_day.and_then(|(mo, d)| resolve_date(mo, d, m.year, reference.as_deref()));
        Dateline { place: m.place, date, agency: m.agency, span: m.span }
    });
    let dl_date = dateline.as_ref().and_then(|d| d.date.clone()).filter(|d| d.len() == 10 && !d.starts_with('-'));
    art.date = header_date.or(dl_date).or_else(|| opts.date.clone());

    let body = parse_body(text, body_start, head_credits);
    art.advisory = advisory;
    art.slug = slug;
    art.bylines = bylines;
    art.headline = headline;
    art.dateline = dateline;
    art.paragraphs = body.paragraphs;
    art.captions = body.captions;
    art.credit_lines = body.credit_lines;
    art.credits = body.credits;
    art
}

// ---------------------------------------------------------------------------------------------
// Lines

struct Line {
    start: usize,
    /// End of the line's content, before "\n" (a "\r" is trimmed with the whitespace).
    end: usize,
    /// Start of the next line.
    next: usize,
}

fn line_at(text: &str, pos: usize) -> Line {
    match memchr::memchr(b'\n', &text.as_bytes()[pos..]) {
        Some(k) => Line { start: pos, end: pos + k, next: pos + k + 1 },
        None => Line { start: pos, end: text.len(), next: text.len() },
    }
}

#[inline]
fn is_ws(c: u8) -> bool {
    // ASCII whitespace and control characters (NUL, SGML markers such as \x02 \x03).
    c <= b' ' || c == 0x7f
}

/// Trims whitespace (ASCII, controls, NBSP and the Unicode spaces) and layout codes ("&HT;",
/// "&QL;": `codes`) from both ends of `text[s..e]`.
fn trim_span(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = &text.as_bytes()[..e];
    while s < e {
        let mut l = ws_len_at(b, s);
        if l == 0 && b[s] == b'&' {
            l = codes::layout_len_at(b, s, e);
        }
        if l == 0 {
            break;
        }
        s += l;
    }
    while e > s {
        let c = b[e - 1];
        // An ASCII byte ends no multi-byte space: most lines end on a letter or a full stop.
        let l = if c < 0x80 {
            if is_ws(c) {
                1
            } else if c == b';' {
                codes::layout_len_before(b, s, e)
            } else {
                break;
            }
        } else if e >= s + 2 && ws_len_at(b, e - 2) == 2 {
            2
        } else if e >= s + 3 && ws_len_at(b, e - 3) == 3 {
            3
        } else {
            0
        };
        if l == 0 {
            break;
        }
        e -= l;
    }
    (s, e)
}

/// The longest prefix of `text[s..e]` of at most `n` bytes that ends on a char boundary.
fn bounded(text: &str, s: usize, e: usize, n: usize) -> usize {
    let mut end = e.min(s + n);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Next non-blank line from `pos`: (content start, content end), trimmed.
fn next_nonblank(text: &str, mut pos: usize) -> Option<(usize, usize, bool)> {
    let mut blank_between = false;
    while pos < text.len() {
        let l = line_at(text, pos);
        let (s, e) = trim_span(text, l.start, l.end);
        if s < e {
            return Some((s, e, blank_between));
        }
        blank_between = true;
        pos = l.next;
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Byte and case helpers shared by the parts

/// Length of a whitespace character at `b[i]` (ASCII whitespace and controls, NBSP, the Unicode
/// spaces and line separators), 0 if there is none.
#[inline]
fn ws_len_at(b: &[u8], i: usize) -> usize {
    let c = b[i];
    if is_ws(c) {
        return 1;
    }
    if c < 0xC2 {
        return 0;
    }
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match c {
        0xC2 if matches!(at(1), 0xA0 | 0x85) => 2,
        0xE1 if at(1) == 0x9A && at(2) == 0x80 => 3,
        0xE2 if at(1) == 0x80 && (matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) => 3,
        0xE2 if at(1) == 0x81 && at(2) == 0x9F => 3,
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        _ => 0,
    }
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes().windows(n).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn strip_suffix_ci<'a>(s: &'a str, suf: &str) -> Option<&'a str> {
    if s.len() >= suf.len()
        && s.is_char_boundary(s.len() - suf.len())
        && s[s.len() - suf.len()..].eq_ignore_ascii_case(suf)
    {
        Some(&s[..s.len() - suf.len()])
    } else {
        None
    }
}

fn starts_ci(s: &str, p: &str) -> bool {
    s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn parse(t: &str) -> Article {
        parse_structure(t, &ParseOptions::default())
    }
    pub(super) fn parse_on(t: &str, date: &str) -> Article {
        parse_structure(t, &ParseOptions { date: Some(date.into()), source: None })
    }
    pub(super) fn dl(a: &Article) -> (&str, Option<&str>, Option<&str>, &str) {
        let d = a.dateline.as_ref().expect("a dateline");
        (d.place.as_str(), d.date.as_deref(), d.agency.as_deref(), a.slice(d.span))
    }

    #[test]
    fn yonhap_story_with_header_byline_and_caption() {
        let t = " date 2024-03-02 (ATTN: ADDS quote in para 3; UPDATES with details)\n\nBy Park Ji-won\n\n\
SEOUL, March 2 (Yonhap) -- South Korea's new ferry line opened on Saturday, officials said.\n\n\
The line links two islands.\n\n\nview larger image This photo, carried by the city's Busan Daily News on March 1, 2024, shows a ferry. (For Use Only in the Republic of Korea. No Redistribution) (Yonhap)\n\n\
Service runs daily.\n\n(END)\n";
        let a = parse(t);
        assert_eq!(a.date.as_deref(), Some("2024-03-02"));
        assert_eq!(a.advisory, ["ADDS quote in para 3", "UPDATES with details"]);
        assert_eq!(a.bylines.len(), 1);
        assert_eq!(a.bylines[0].name, "Park Ji-won");
        assert_eq!(dl(&a), ("SEOUL", Some("2024-03-02"), Some("Yonhap"), "SEOUL, March 2 (Yonhap) --"));
        assert_eq!(a.headline, None);
        assert_eq!(a.paragraphs.len(), 3);
        assert!(a.paragraphs[0].text.starts_with("South Korea's new ferry"));
        assert_eq!(a.slice(a.paragraphs[0].span), a.paragraphs[0].text);
        assert_eq!(a.paragraphs[2].text, "Service runs daily.");
        assert_eq!(a.captions.len(), 1);
        let c = &a.captions[0];
        assert_eq!(c.text, "This photo, carried by the city's Busan Daily News on March 1, 2024, shows a ferry.");
        assert_eq!(c.credit.as_deref(), Some("Yonhap"));
        assert_eq!(c.source.as_deref(), Some("Busan Daily News"));
        assert_eq!(c.date.as_deref(), Some("2024-03-01"));
        assert_eq!(c.restriction.as_deref(), Some("For Use Only in the Republic of Korea. No Redistribution"));
        assert!(!a.body().contains("view larger image"));
        assert!(!a.body().contains("(END)"));
    }

    #[test]
    fn reuters_ap_and_agency_photo_credits_close_captions() {
        let t = "OSLO, May 4 (Reuters) - Norway's finance minister presented a budget on Monday.\n\n\
The finance minister speaks at a news conference in Oslo, Norway, May 4, 2026. REUTERS/Ana Ruiz/File Photo\n\n\
The two leaders shake hands in Oslo, May 3, 2026. Lars Berg/Pool via REUTERS\n\n\
Protesters gather outside parliament in Oslo, May 2, 2026. (AP Photo/Pia Holm, File)\n\n\
A view of the harbour. (Photo by Ole Dahl/AFP)\n\n\
The budget raises spending on roads (Reuters reported the figures first).\n\n\
Spending will rise by 2% next year, said analyst Ida Moe of REUTERS/Ipsos";
        let a = parse(t);
        let credits: Vec<_> = a.captions.iter().map(|c| (c.text.as_str(), c.credit.as_deref())).collect();
        assert_eq!(
            credits,
            [
                (
                    "The finance minister speaks at a news conference in Oslo, Norway, May 4, 2026.",
                    Some("REUTERS/Ana Ruiz/File Photo")
                ),
                ("The two leaders shake hands in Oslo, May 3, 2026.", Some("Lars Berg/Pool via REUTERS")),
                ("Protesters gather outside parliament in Oslo, May 2, 2026.", Some("AP Photo/Pia Holm, File")),
                ("A view of the harbour.", Some("Photo by Ole Dahl/AFP")),
            ]
        );
        // Prose that mentions the agency stays in the body.
        assert_eq!(a.paragraphs.len(), 3);
    }

    #[test]
    fn reuters_1987_hard_wrapped() {
        let t = "COCOA ZONE GETS RAIN\n    by Jane Doe, Reuters\nSALVADOR, Feb 26 - Showers continued throughout the week in\nthe cocoa zone, officials said.\n    The dry period means the harvest will\nbe late this year.\n    Shr 1.23 vs 1.11\n    Net 5,000 vs 4,000\n Reuter\n&#3;";
        let a = parse_on(t, "1987-02-26");
        assert_eq!(a.headline_text(), Some("COCOA ZONE GETS RAIN"));
        assert_eq!(a.bylines[0].name, "Jane Doe");
        assert_eq!(dl(&a), ("SALVADOR", Some("1987-02-26"), None, "SALVADOR, Feb 26 -"));
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Showers continued throughout the week in the cocoa zone, officials said.",
                "The dry period means the harvest will be late this year.",
                "Shr 1.23 vs 1.11",
                "Net 5,000 vs 4,000"
            ]
        );
        // Sign-off on the last line of text.
        let a = parse_on("NEW YORK, March 5 - Output rose (33.7).        REUTER\n&#3;", "1987-03-05");
        assert_eq!(a.paragraphs.len(), 1);
        assert_eq!(a.paragraphs[0].text, "Output rose (33.7).");
    }

    #[test]
    fn no_dateline_nothing_invented() {
        for t in [
            "The company said on Monday that profits rose.",
            "On March 3 - a Tuesday - the plant opened.",
            "Shares rose - and fell.",
            "A first line.\nA second line - with a dash.",
        ] {
            let a = parse(t);
            assert!(a.dateline.is_none(), "{t}");
            assert_eq!(a.date, None);
            assert!(!a.paragraphs.is_empty());
        }
        let a = parse_on("Plain text story.", "2020-01-02");
        assert_eq!(a.date.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn bad_input_never_panics() {
        assert!(parse("").paragraphs.is_empty());
        assert!(parse(" \n\t\r\n  ").paragraphs.is_empty());
        let a = parse("\0\0SEOUL\0, July 27 (Yonhap) --\0 text\0");
        assert!(!a.paragraphs.is_empty());
        let long_line = "x".repeat(1 << 20);
        let a = parse(&long_line);
        assert_eq!(a.paragraphs.len(), 1);
        let caps = "view larger image A photo. (Yonhap)\n\n".repeat(50);
        let a = parse(&caps);
        assert_eq!(a.captions.len(), 50);
        assert!(a.paragraphs.is_empty());
        let a = parse("(ATTN: unclosed; advisory\n");
        assert_eq!(a.advisory, ["unclosed", "advisory"]);
        let a = parse("date 2023-99-99\n\nText.");
        assert_eq!(a.date, None);
        let a = parse("é\u{a0}\u{a0}ü\n\n\u{2028}");
        assert!(!a.paragraphs.is_empty());
    }
}
