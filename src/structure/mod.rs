//! Wire-story structure: header, advisory, byline, headline, dateline, paragraphs, captions.
//!
//! The story is read in two passes over its lines, both linear in the text's length:
//! 1. the opening lines (at most `MAX_HEAD_LINES` non-blank ones): a header line (`date 2023-07-27
//!    (ATTN: ...)`), a headline, bylines, and the dateline that opens the first paragraph. Regexes are
//!    used here only, on a bounded prefix of each line.
//! 2. the body: blocks separated by blank lines, split into paragraphs at indented lines (Reuters 1987)
//!    or at every line when the lines are not hard-wrapped; captions and boilerplate are set apart.
use crate::types::*;
use regex::Regex;

pub(crate) mod tokenize;
use std::sync::OnceLock;

/// How many non-blank opening lines may hold header, headline and bylines before the body starts.
const MAX_HEAD_LINES: usize = 8;
/// Datelines and bylines are short: regexes only ever see this many bytes of a line.
const HEAD_PREFIX: usize = 240;
/// A dateline (with a source lead before it) fits in this many bytes.
const DATELINE_PREFIX: usize = 160;
/// A headline is a short line.
const MAX_HEADLINE: usize = 200;

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
        if let Some((bs, m)) = inline_byline_dateline(text, ts, te) {
            // "By PAUL GEITNER    BRUSSELS, Belgium (AP) -- ..." on one line.
            bylines.extend(bs);
            body_start = m.span.end;
            dateline_m = Some(m);
            break;
        }
        if let Some(bs) = parse_byline(text, ts, te) {
            bylines.extend(bs);
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

    // Dates: header > dateline > caller; a dateline without a year takes it from header or caller.
    let reference = header_date.clone().or_else(|| opts.date.clone());
    let dateline = dateline_m.map(|m| {
        let date = m.month_day.and_then(|(mo, d)| resolve_date(mo, d, m.year, reference.as_deref()));
        Dateline { place: m.place, date, agency: m.agency, span: m.span }
    });
    let dl_date = dateline.as_ref().and_then(|d| d.date.clone()).filter(|d| d.len() == 10 && !d.starts_with('-'));
    art.date = header_date.or(dl_date).or_else(|| opts.date.clone());

    let (paragraphs, captions) = parse_body(text, body_start);
    art.advisory = advisory;
    art.bylines = bylines;
    art.headline = headline;
    art.dateline = dateline;
    art.paragraphs = paragraphs;
    art.captions = captions;
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

/// Trims whitespace (ASCII, controls, NBSP and the Unicode spaces) from both ends of `text[s..e]`.
fn trim_span(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = &text.as_bytes()[..e];
    while s < e {
        let l = ws_len_at(b, s);
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
// Header, advisory, byline, headline

fn header_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?i:date)\s*:?\s*(\d{4})-(\d{2})-(\d{2})\b").unwrap())
}

/// `date 2023-07-27 (ATTN: A; B)` -> (Some(date), [A, B]).
fn parse_header(line: &str) -> Option<(Option<String>, Vec<String>)> {
    let pre = &line[..bounded(line, 0, line.len(), 64)];
    let caps = header_re().captures(pre)?;
    let (y, m, d) = (&caps[1], &caps[2], &caps[3]);
    let date = valid_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let rest = &line[caps.get(0).unwrap().end()..];
    let adv = match find_ci(rest, "(ATTN:") {
        Some(k) => parse_advisory(&rest[k..]),
        None => Vec::new(),
    };
    Some((date, adv))
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes().windows(n).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `(ATTN: A; B; C)` -> ["A", "B", "C"]; the closing parenthesis matched by depth.
fn parse_advisory(s: &str) -> Vec<String> {
    let inner_start = match s.find(':') {
        Some(k) => k + 1,
        None => return Vec::new(),
    };
    let mut depth = 1;
    let mut inner_end = s.len();
    for (i, c) in s[inner_start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    inner_end = inner_start + i;
                    break;
                }
            }
            _ => {}
        }
    }
    s[inner_start..inner_end]
        .split(';')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Name particles that stay lowercase inside a name ("Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] =
    &["de", "van", "von", "der", "den", "da", "di", "du", "del", "dos", "la", "le", "al", "bin", "el", "y", "ter"];

/// "By Lee Minji", "by Janie Gabbett, Reuters", "By CHEGE MBITIRU, Associated Press Writer".
fn parse_byline(text: &str, ts: usize, te: usize) -> Option<Vec<Byline>> {
    let l = &text[ts..te];
    if l.len() > 160 || l.len() < 4 || !starts_ci(l, "by ") {
        return None;
    }
    let rest = l[3..].trim_start();
    // The name ends at a comma, a dash or a slash ("By Lee Minji / Yonhap").
    let name_part = rest.split([',', '/', '|', '(']).next().unwrap_or("").split(" - ").next().unwrap_or("").trim();
    let name_part = strip_suffix_ci(name_part, " for reuters").unwrap_or(name_part);
    // "by keith grant, Reuters": an agency after the comma vouches for a name in any case.
    let agency_after = rest.split_once(',').is_some_and(|(_, a)| {
        let a = a.trim().to_ascii_lowercase();
        a.starts_with("reuter")
            || a.starts_with("associated press")
            || a.starts_with("ap ")
            || a == "ap"
            || a.starts_with("afp")
            || a.starts_with("yonhap")
    });
    let mut names = Vec::new();
    for n in split_names(name_part) {
        if !looks_like_name(n)
            && !(agency_after
                && n.split_whitespace().count() <= 4
                && n.chars().all(|c| c.is_alphabetic() || " .'-".contains(c)))
        {
            return None;
        }
        names.push(n);
    }
    if names.is_empty() {
        return None;
    }
    let raw = l.to_string();
    Some(
        names
            .into_iter()
            .map(|n| Byline { name: readable_name(n), raw: raw.clone(), span: Span::new(ts, te) })
            .collect(),
    )
}

/// A byline and a dateline on one line, set apart by a run of spaces.
fn inline_byline_dateline(text: &str, ts: usize, te: usize) -> Option<(Vec<Byline>, DatelineMatch)> {
    let l = &text[ts..bounded(text, ts, te, HEAD_PREFIX)];
    if !starts_ci(l, "by ") {
        return None;
    }
    let gap = l.find("  ")?;
    let bs = parse_byline(text, ts, ts + gap)?;
    let mut k = ts + gap;
    while k < te && is_ws(text.as_bytes()[k]) {
        k += 1;
    }
    let m = match_dateline(text, k, te).filter(|m| m.strong)?;
    Some((bs, m))
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

fn split_names(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let sep = find_ci(rest, " and ").map(|k| (k, 5)).or_else(|| rest.find(" & ").map(|k| (k, 3)));
        match sep {
            Some((k, n)) => {
                out.push(rest[..k].trim());
                rest = &rest[k + n..];
            }
            None => {
                out.push(rest.trim());
                break;
            }
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

fn looks_like_name(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let first_upper = words.iter().filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase())).count();
    first_upper >= 1
        && words.iter().all(|w| {
            NAME_PARTICLES.contains(&w.to_lowercase().as_str())
                || ((w.chars().next().is_some_and(|c| c.is_uppercase()) || w.get(1..2).is_some_and(|a| a == "'"))
                    && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')))
        })
}

/// All-caps names get title case ("CHEGE MBITIRU" -> "Chege Mbitiru"); others stay as written.
fn readable_name(n: &str) -> String {
    let folded = n.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().any(|c| c.is_lowercase()) {
        return folded;
    }
    let mut out = String::with_capacity(folded.len());
    let mut word_start = true;
    let mut prev = ' ';
    let mut word = String::new();
    for c in folded.chars() {
        if c.is_alphabetic() {
            // Capitalise after a word start, an apostrophe or hyphen, and after "Mc".
            let cap = word_start || matches!(prev, '\'' | '’' | '-') || word == "Mc";
            if cap {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            word.push(if cap { c } else { c.to_ascii_lowercase() });
            word_start = false;
        } else {
            out.push(c);
            word_start = c == ' ' || c == '.';
            if c == ' ' {
                word.clear();
            }
        }
        prev = c;
    }
    out
}

/// A short first line set apart from the body: followed by a byline or dateline, or by a blank line,
/// or an all-caps line over a body line.
fn is_headline(text: &str, ts: usize, te: usize, next_pos: usize, memo: &mut Memo) -> bool {
    let l = &text[ts..te];
    if l.len() > MAX_HEADLINE || !l.chars().any(|c| c.is_alphabetic()) || starts_ci(l, "view larger image") {
        return false;
    }
    let last = l.chars().last().unwrap_or(' ');
    if matches!(last, ',' | ';' | ':') {
        return false;
    }
    let Some((ns, ne, blank)) = next_nonblank(text, next_pos) else {
        return false;
    };
    if parse_byline(text, ns, ne).is_some() || memo.strength(text, ns, ne).is_some() {
        return true;
    }
    let all_caps = !l.chars().any(|c| c.is_lowercase());
    if blank {
        return !matches!(last, '.' | ')') || all_caps;
    }
    let next = &text[ns..bounded(text, ns, ne, HEAD_PREFIX)];
    all_caps && next.chars().any(|c| c.is_lowercase())
}

fn starts_ci(s: &str, p: &str) -> bool {
    s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
}

// ---------------------------------------------------------------------------------------------
// Dateline

#[derive(Clone)]
struct DatelineMatch {
    /// Has a date or an agency; a bare "PLACE -" is weak (it may be a headline "SPOTLIGHT - ...").
    strong: bool,
    place: String,
    month_day: Option<(u32, u32)>,
    year: Option<i32>,
    agency: Option<String>,
    span: Span,
}

const MONTHS: &str = r"(?i-u:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

fn dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Latin letters (accents included): a small automaton, where \p{L} would make every search
        // clear a visited set thousands of states wide.
        let word = r"[A-Za-z\u{C0}-\u{24F}][A-Za-z\u{C0}-\u{24F}\u{300}-\u{36F}'’./\-]*";
        // Unbounded repetitions keep the automaton small; word counts are checked in code.
        let place = format!(r"{word}(?:[ \t]+{word})*");
        let pat = format!(
            r"^[ \t*]*(?P<place>{place}(?:[ \t]*,[ \t]*{place})*)?(?:(?P<dsep>[ \t]*[,:.][ \t]*|[ \t]+)?(?:(?P<mon>{MONTHS})\.?[ \t]+(?P<day>[0-9]{{1,2}})|(?P<day2>[0-9]{{1,2}})[ \t]+(?P<mon2>{MONTHS})\.?)(?:[ \t]*,[ \t]*(?P<year>[0-9]{{4}}))?)?(?:[ \t]*,[ \t]*Reuters?)?(?:[ \t]*,?[ \t]*(?:-[ \t]+)?\((?P<agency>[^()\n]+)\))?[ \t]*,?[ \t]*(?P<dash>--+|-|—|–|_)"
        );
        Regex::new(&pat).unwrap()
    })
}

/// Words in parentheses that mark an edit, not a source.
const ADVISORY_WORDS: &[&str] = &[
    "CORRECTED",
    "CORRECTION",
    "REPEAT",
    "RPT",
    "UPDATE",
    "UPDATED",
    "UPDATES",
    "LEAD",
    "URGENT",
    "FLASH",
    "ADVISORY",
    "BULLETIN",
    "RECASTS",
    "REFILE",
    "REFILED",
    "EXCLUSIVE",
    "ANALYSIS",
    "FEATURE",
    "PHOTO",
    "VIDEO",
    "FOCUS",
    "WRAPUP",
    "PROFILE",
    "INTERVIEW",
    "FACTBOX",
    "NEWS",
    "ADDS",
];

/// Sources that open a story as `AP - ` (no place).
const SOURCE_LEADS: &[&str] = &[
    "AP",
    "AFP",
    "Reuters",
    "Reuter",
    "UPI",
    "dpa",
    "DPA",
    "CP",
    "CNN",
    "Xinhua",
    "Yonhap",
    "KCNA",
    "Kyodo",
    "BBC",
    "ANSA",
    "EFE",
    "Interfax",
    "TASS",
    "ITAR-TASS",
    "PTI",
    "IANS",
    "Bernama",
    "Antara",
    "AFX",
    "NewsFactor",
    "Canadian Press",
    "Associated Press",
    "Agence France-Presse",
    "InfoWorld",
    "PC World",
    "Ziff Davis",
    "TechWeb",
    "MacCentral",
    "The Motley Fool",
    "Bloomberg",
    "Dow Jones",
    "Sports Network",
    "CBS.MW",
    "CBC SPORTS ONLINE",
    "KRT",
    "VNA",
];

fn is_source_lead(s: &str) -> bool {
    SOURCE_LEADS.contains(&s)
        || (s.len() <= 40
            && !s.contains(' ')
            && [".com", ".co.uk", ".net", ".org"].iter().any(|d| s.to_ascii_lowercase().ends_with(d)))
}

/// Recognises a dateline at the start of `text[ts..te]` (a trimmed line).
fn match_dateline(text: &str, ts: usize, te: usize) -> Option<DatelineMatch> {
    match_dateline_at(text, ts, te, true)
}

/// Dateline matches of the opening lines, remembered: each line is asked about more than once.
#[derive(Default)]
struct Memo(Vec<(usize, usize, Option<DatelineMatch>)>);

impl Memo {
    fn get(&mut self, text: &str, ts: usize, te: usize) -> &Option<DatelineMatch> {
        let k = match self.0.iter().position(|(s, e, _)| *s == ts && *e == te) {
            Some(k) => k,
            None => {
                self.0.push((ts, te, match_dateline(text, ts, te)));
                self.0.len() - 1
            }
        };
        &self.0[k].2
    }
    fn dateline(&mut self, text: &str, ts: usize, te: usize) -> Option<DatelineMatch> {
        self.get(text, ts, te).clone()
    }
    /// Whether the line opens with a dateline (`Some(strong)`), without copying the match.
    fn strength(&mut self, text: &str, ts: usize, te: usize) -> Option<bool> {
        self.get(text, ts, te).as_ref().map(|m| m.strong)
    }
}

fn match_dateline_at(text: &str, ts: usize, te: usize, allow_lead: bool) -> Option<DatelineMatch> {
    let hay = &text[ts..bounded(text, ts, te, DATELINE_PREFIX)];
    // Every dateline closes with a dash ("-", "--", "—", "–", "_"): no dash, no regex.
    memchr::memchr3(b'-', b'_', 0xE2, hay.as_bytes())?;
    // The lazy DFA finds where the dateline ends (about 0.2 us); its parts are then split off by
    // hand, since a capturing search of this pattern costs about 100 times more.
    let end = dateline_re().find(hay)?.end();
    let parts = split_dateline(&hay[..end])?;
    let after = &hay[end..];
    let after_space = after.chars().next().is_none_or(|ch| ch.is_whitespace());
    let mut place = parts.place.to_string();
    // "MOSCOW. Oct 5": a full stop after an all-caps name is punctuation; "Va." and "D.C." keep theirs.
    // A region after a comma is an abbreviation ("MINNEAPOLIS, MINN.") and keeps it.
    if let Some(stem) = place.strip_suffix('.').filter(|st| !st.contains(',')) {
        let last = stem.rsplit(' ').next().unwrap_or("");
        if last.len() >= 4 && last.chars().all(|c| c.is_uppercase()) {
            place.truncate(stem.len());
        }
    }
    let agency = parts.agency.map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "));
    if agency.as_ref().is_some_and(|a| a.is_empty() || a.len() > 40) {
        return None;
    }
    let month_day = parts.month_day;
    let year = parts.year;
    let dash = parts.dash;

    // A lone "-" touching the next word needs a date or an agency before it ("March 2 -The");
    // otherwise it is a hyphen. "--", "—" and "_" may touch the text.
    if dash == "-" && !after_space && month_day.is_none() && agency.is_none() {
        return None;
    }
    let span = Span::new(ts + parts.start, ts + end);
    let words_ok = place_words_ok;

    if agency.is_some() || month_day.is_some() {
        if month_day.is_some() && agency.is_none() && !place.is_empty() {
            // "PLACE, Month Day": a comma before the date, or a region abbreviation ("D.C. March 18").
            let sep = parts.date_sep;
            let caps_place = !place.chars().any(|c| c.is_lowercase());
            if !sep.contains([',', ':'])
                && !place.ends_with('.')
                && !(caps_place && place.split_whitespace().count() <= 3)
            {
                return None;
            }
        }
        if month_day.is_none() && place.is_empty() {
            // "(CNN) --" opens a story; "(CORRECTED) - ..." is an advisory in a headline.
            let ag = agency.as_deref().unwrap_or("");
            if !(is_source_lead(ag)
                || (ag.len() <= 12 && !ag.contains(' ') && !ADVISORY_WORDS.contains(&ag.to_ascii_uppercase().as_str())))
            {
                return None;
            }
        } else if place.is_empty() && month_day.is_some() && agency.is_none() {
            return None; // "March 3 - ..." opens a sentence, not a dateline
        }
        if !words_ok(&place) {
            return None;
        }
        if let Some((_, d)) = month_day {
            if d == 0 || d > 31 {
                return None;
            }
        }
        return Some(DatelineMatch { strong: true, place, month_day, year, agency, span });
    }
    // No date, no agency: a source lead ("AP - ") or a 1987 all-caps place ("WASHINGTON - ").
    if place.is_empty() || !after_space {
        return None;
    }
    if is_source_lead(&place) {
        // "Canadian Press - OTTAWA (CP) - ...": a dateline right after the source lead is the dateline.
        if allow_lead {
            let mut k = ts + end;
            while k < te && is_ws(text.as_bytes()[k]) {
                k += 1;
            }
            if let Some(inner) = match_dateline_at(text, k, te, false).filter(|m| !m.place.is_empty()) {
                return Some(DatelineMatch { strong: true, span: Span::new(span.start, inner.span.end), ..inner });
            }
        }
        return Some(DatelineMatch {
            strong: true,
            place: String::new(),
            month_day: None,
            year: None,
            agency: Some(place),
            span,
        });
    }
    // An all-caps place needs body text after it: "ECONOMIC SPOTLIGHT - JAPAN TRADE" is a headline.
    let rest_has_lower = after.chars().any(|c| c.is_lowercase()) || after.trim().is_empty();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    // The region may be mixed case: "BAGUIO, Philippines - ".
    let first_part = place.split(',').next().unwrap_or("");
    if rest_has_lower
        && letters >= 2
        && !first_part.chars().any(|c| c.is_lowercase())
        && words_ok(&place)
        && !place.contains('/')
    {
        return Some(DatelineMatch { strong: false, place, month_day: None, year: None, agency: None, span });
    }
    None
}

/// A place of at most four comma-separated parts of at most five words each.
fn place_words_ok(p: &str) -> bool {
    if !p.is_ascii() {
        return p.split(',').count() <= 4 && p.split(',').all(|part| part.split_whitespace().count() <= 5);
    }
    // One pass over the bytes, splitting words at the ASCII characters `split_whitespace` splits at.
    let (mut parts, mut words, mut in_word) = (1, 0, false);
    for &c in p.as_bytes() {
        if c == b',' {
            parts += 1;
            words = 0;
            in_word = false;
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > 5 {
                return false;
            }
        }
    }
    parts <= 4
}

/// The parts of a dateline the regex matched (`m` ends with the dash), as slices of `m`.
struct DatelineParts<'a> {
    /// Where the dateline starts in `m` (after leading spaces and asterisks).
    start: usize,
    place: &'a str,
    month_day: Option<(u32, u32)>,
    year: Option<i32>,
    agency: Option<&'a str>,
    /// What stands between the place and the date (", " or " ").
    date_sep: &'a str,
    dash: &'a str,
}

fn is_month_word(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    const NAMES: [&str; 24] = [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ];
    if let Some(i) = NAMES.iter().position(|n| n.eq_ignore_ascii_case(w)) {
        return Some(i as u32 / 2 + 1);
    }
    w.eq_ignore_ascii_case("sept").then_some(9)
}

/// Splits the last word off `s` (after trimming trailing spaces): (before, word).
fn last_word(s: &str) -> (&str, &str) {
    let t = s.trim_end_matches([' ', '\t']);
    let k = t.rfind([' ', '\t', ',']).map(|k| k + 1).unwrap_or(0);
    (&t[..k], &t[k..])
}

fn split_dateline(m: &str) -> Option<DatelineParts<'_>> {
    let start = m.len() - m.trim_start_matches([' ', '\t', '*']).len();
    let body = &m[start..];
    // The closing dash.
    let dash_start = if body.ends_with('—') || body.ends_with('–') {
        body.len() - 3
    } else if body.ends_with('_') {
        body.len() - 1
    } else {
        body.len() - (body.len() - body.trim_end_matches('-').len())
    };
    let dash = &body[dash_start..];
    let trim = |s: &str| -> usize { s.trim_end_matches([' ', '\t', ',']).len() };
    let mut rest = &body[..trim(&body[..dash_start])];
    // "(AGENCY)", possibly after "- " ("FORT LAUDERDALE, Fla. - (KRT) -").
    let mut agency = None;
    if rest.ends_with(')') {
        let open = rest.rfind('(')?;
        agency = Some(&rest[open + 1..rest.len() - 1]);
        rest = &rest[..open];
        rest = &rest[..trim(rest)];
        if let Some(r) = rest.strip_suffix('-') {
            rest = &r[..trim(r)];
        }
    }
    // ", Reuter" sign-in (Reuters 1987).
    for r in ["Reuters", "Reuter"] {
        if let Some(x) = rest.strip_suffix(r) {
            if x.trim_end_matches([' ', '\t']).ends_with(',') {
                rest = &x[..trim(x)];
                break;
            }
        }
    }
    // ", 1997"
    let mut year = None;
    let (before, w) = last_word(rest);
    if w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) && before.trim_end_matches([' ', '\t']).ends_with(',') {
        year = w.parse().ok();
        rest = &rest[..trim(before)];
    }
    // "Month Day" or "Day Month".
    let mut month_day = None;
    let mut date_sep = "";
    let (before, w) = last_word(rest);
    let is_day = |w: &str| !w.is_empty() && w.len() <= 2 && w.bytes().all(|c| c.is_ascii_digit());
    if is_day(w) {
        let (before2, w2) = last_word(before);
        if let Some(mo) = is_month_word(w2) {
            month_day = Some((mo, w.parse().ok()?));
            rest = before2;
        }
    } else if let Some(mo) = is_month_word(w) {
        let (before2, w2) = last_word(before);
        if is_day(w2) {
            month_day = Some((mo, w2.parse().ok()?));
            rest = before2;
        }
    }
    if month_day.is_some() {
        let place_len = rest.trim_end_matches([' ', '\t', ',', ':', '.']).len();
        // Keep a region's own full stop ("N.Y., March 9", "D.C. March 18"); a stop after an all-caps
        // name ("MOSCOW. Oct 5") is dropped later.
        let place_len = if rest[place_len..].starts_with('.') { place_len + 1 } else { place_len };
        date_sep = &rest[place_len..];
        rest = &rest[..place_len];
    } else if year.is_some() {
        return None; // "PLACE, 1997 -" is not a dateline
    }
    let place = rest.trim().trim_end_matches(',').trim();
    Some(DatelineParts { start, place, month_day, year, agency, date_sep, dash })
}

fn month_number(m: &str) -> Option<u32> {
    let m = m.to_ascii_lowercase();
    let k = &m[..3.min(m.len())];
    Some(match k {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn valid_ymd(y: i32, m: u32, d: u32) -> Option<String> {
    if !((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)) {
        return None;
    }
    // Written by hand: `format!` costs more than the rest of a dateline's date.
    let mut out = String::with_capacity(10);
    crate::time::anchor::push_ymd(&mut out, y, m, d);
    Some(out)
}

/// Parses the year and month of a reference date ("2023-07-27", "2023-07", "2023").
fn ref_year_month(r: &str) -> Option<(i32, Option<u32>)> {
    let b = r.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y: i32 = r[..4].parse().ok()?;
    let m = if b.len() >= 7 && b[4] == b'-' { r[5..7].parse().ok() } else { None };
    Some((y, m))
}

/// A dateline's month and day with its year: written, else taken from the reference date (a
/// "Dec 31" dateline on a story dated Jan 1 belongs to the year before). Without any year the
/// date is the ISO 8601 truncated form `--MM-DD`.
pub fn resolve_date(month: u32, day: u32, year: Option<i32>, reference: Option<&str>) -> Option<String> {
    if let Some(y) = year {
        return valid_ymd(y, month, day);
    }
    match reference.and_then(ref_year_month) {
        Some((ry, rm)) => {
            let mut y = ry;
            if let Some(rm) = rm {
                let diff = month as i32 - rm as i32;
                if diff > 6 {
                    y -= 1;
                } else if diff < -6 {
                    y += 1;
                }
            }
            valid_ymd(y, month, day)
        }
        None => valid_ymd(2000, month, day).map(|_| format!("--{month:02}-{day:02}")),
    }
}

// ---------------------------------------------------------------------------------------------
// Body: paragraphs, captions, boilerplate

struct BodyLine {
    start: usize,
    end: usize,
    indent: usize,
}

fn parse_body(text: &str, body_start: usize) -> (Vec<Paragraph>, Vec<Caption>) {
    // Sized for a wire story (a paragraph is a few hundred bytes, a block a few dozen lines), so
    // the vectors do not grow one push at a time.
    let mut paragraphs = Vec::with_capacity((text.len() - body_start) / 256 + 1);
    let mut captions = Vec::new();
    let mut block: Vec<BodyLine> = Vec::with_capacity(32);
    let mut pos = body_start;
    let b = text.as_bytes();
    while pos < text.len() {
        let l = line_at(text, pos);
        let (s, e) = trim_span(text, l.start, l.end);
        if s == e {
            flush_block(text, &mut block, &mut paragraphs, &mut captions);
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
    flush_block(text, &mut block, &mut paragraphs, &mut captions);
    (paragraphs, captions)
}

/// A block's lines are hard-wrapped when most of them are short; otherwise each line is a paragraph.
const WRAP_WIDTH: usize = 100;

fn flush_block(text: &str, block: &mut Vec<BodyLine>, paras: &mut Vec<Paragraph>, caps: &mut Vec<Caption>) {
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
            emit_paragraph(text, block[p_start].start, block[i - 1].end, paras, caps);
            p_start = i;
        }
    }
    block.clear();
}

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

/// Folds whitespace runs (newlines, controls, non-breaking and other Unicode spaces) into single
/// spaces, trimming both ends. Text that folding leaves as it is (words and the single spaces
/// between them, a hard-wrapped line at a time) is found by `kept_end` and copied in one piece; only
/// the whitespace runs between such stretches are stepped through.
fn fold_ws(s: &str) -> String {
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

/// Strips boilerplate from the ends of a paragraph: SGML end markers, a closing "Reuter", "(END)".
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
        for word in ["Reuter", "REUTER", "reuter"] {
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
    if p.eq_ignore_ascii_case("view larger image") || p.eq_ignore_ascii_case("(MORE)") {
        return true;
    }
    // A lone contact address closing a story ("lmj@yna.co.kr").
    p.len() <= 80 && !p.contains(char::is_whitespace) && p.contains('@') && p.contains('.')
}

fn emit_paragraph(text: &str, s: usize, e: usize, paras: &mut Vec<Paragraph>, caps: &mut Vec<Caption>) {
    let (s, e) = strip_boilerplate(text, s, e);
    if s >= e {
        return;
    }
    let p = &text[s..e];
    if is_boilerplate(p) {
        return;
    }
    if is_caption(p) {
        caps.push(make_caption(text, Span::new(s, e)));
        return;
    }
    paras.push(Paragraph { text: fold_ws(p), span: Span::new(s, e) });
}

const RESTRICTION_OPEN: &str = "(For Use Only";

fn is_caption(p: &str) -> bool {
    if starts_ci(p, "view larger image") {
        return true;
    }
    // The restriction closes the caption: look only near the end.
    if p.len() >= 4000 || !p.ends_with(')') {
        return false;
    }
    let tail = bounded_start(p, p.len().saturating_sub(200));
    p[tail..].contains(RESTRICTION_OPEN)
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

fn make_caption(text: &str, span: Span) -> Caption {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> Article {
        parse_structure(t, &ParseOptions::default())
    }
    fn parse_on(t: &str, date: &str) -> Article {
        parse_structure(t, &ParseOptions { date: Some(date.into()), source: None })
    }
    fn dl(a: &Article) -> (&str, Option<&str>, Option<&str>, &str) {
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
    fn ap_datelines() {
        let a = parse("Senate passes farm bill\n\nWASHINGTON (AP) — The Senate voted on Tuesday.");
        assert_eq!(dl(&a), ("WASHINGTON", None, Some("AP"), "WASHINGTON (AP) —"));
        assert_eq!(a.headline_text(), Some("Senate passes farm bill"));
        assert_eq!(a.paragraphs[0].text, "The Senate voted on Tuesday.");
        let a = parse("By CHEGE MBITIRU, Associated Press Writer\n\nNAIROBI, Kenya (AP) _ Rain fell on the city.");
        assert_eq!(dl(&a), ("NAIROBI, Kenya", None, Some("AP"), "NAIROBI, Kenya (AP) _"));
        assert_eq!(a.bylines[0].name, "Chege Mbitiru");
        assert_eq!(a.bylines[0].raw, "By CHEGE MBITIRU, Associated Press Writer");
        let a = parse("WASHINGTON (AP)—The vote was close.");
        assert_eq!(dl(&a).0, "WASHINGTON");
        assert_eq!(a.paragraphs[0].text, "The vote was close.");
        let a = parse("RICHMOND, Va. (AP) -- Tobacco prices rose.");
        assert_eq!(dl(&a).0, "RICHMOND, Va.");
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
    fn modern_agency_datelines() {
        for (t, place, date, agency) in [
            ("LONDON, Feb 26 (Reuters) - Stocks fell.", "LONDON", "2021-02-26", "Reuters"),
            ("PARIS, Dec 17 (AFP) -- Talks resumed.", "PARIS", "2021-12-17", "AFP"),
            ("BEIJING, July 27 (Xinhua) -- A meeting began.", "BEIJING", "2021-07-27", "Xinhua"),
            ("Pyongyang, July 27 (KCNA) -- A ceremony was held.", "Pyongyang", "2021-07-27", "KCNA"),
        ] {
            let a = parse_on(t, "2021-07-01");
            let (p, d, ag, _) = dl(&a);
            assert_eq!((p, d, ag), (place, Some(date), Some(agency)), "{t}");
            assert!(!a.paragraphs[0].text.contains(agency));
        }
        let a = parse("BERLIN (dpa) - Trains stopped.");
        assert_eq!(dl(&a), ("BERLIN", None, Some("dpa"), "BERLIN (dpa) -"));
        let a = parse("(CNN) -- A storm hit the coast.");
        assert_eq!(dl(&a), ("", None, Some("CNN"), "(CNN) --"));
        assert_eq!(a.paragraphs[0].text, "A storm hit the coast.");
        let a = parse("AP - A company won a grant.");
        assert_eq!(dl(&a), ("", None, Some("AP"), "AP -"));
        let a = parse("KUALA LUMPUR, April 1 , 1997 (AFP) - Rain.");
        assert_eq!(dl(&a), ("KUALA LUMPUR", Some("1997-04-01"), Some("AFP"), "KUALA LUMPUR, April 1 , 1997 (AFP) -"));
        assert_eq!(a.date.as_deref(), Some("1997-04-01"));
    }

    #[test]
    fn source_lead_then_dateline_and_inline_byline() {
        let a = parse("Canadian Press - OTTAWA (CP) - The budget passed.");
        assert_eq!(dl(&a), ("OTTAWA", None, Some("CP"), "Canadian Press - OTTAWA (CP) -"));
        assert_eq!(a.paragraphs[0].text, "The budget passed.");
        let a = parse("By PAUL ROE    BRUSSELS, Belgium (AP) -- Talks began.");
        assert_eq!(a.bylines[0].name, "Paul Roe");
        assert_eq!(dl(&a).0, "BRUSSELS, Belgium");
        assert_eq!(a.paragraphs[0].text, "Talks began.");
        let a = parse("MOSCOW. Oct 5 (Interfax) - Talks began.");
        assert_eq!(dl(&a).0, "MOSCOW");
        let a = parse("ISLAMABAD, Pakistan : Sep 04 (PID) - Talks began.");
        assert_eq!(dl(&a).0, "ISLAMABAD, Pakistan");
        let a = parse_on("MONROVIA, 29 October (IRIN) - Riots.", "2004-11-01");
        assert_eq!(dl(&a), ("MONROVIA", Some("2004-10-29"), Some("IRIN"), "MONROVIA, 29 October (IRIN) -"));
        let a = parse("FORT LAUDERDALE, Fla. - (KRT) - Storms.");
        assert_eq!(dl(&a).2, Some("KRT"));
        let a = parse("(CORRECTED) - ACME NET\nCHICAGO, March 2 - Acme said.");
        assert_eq!(a.headline_text(), Some("(CORRECTED) - ACME NET"));
        assert_eq!(dl(&a).0, "CHICAGO");
        let long = "AP - ".repeat(100_000);
        let _ = parse(&long);
    }

    #[test]
    fn region_and_hyphenated_places() {
        let a = parse_on("KNOKKE-HEIST, Belgium, April 5 - Ministers met.", "1987-04-05");
        assert_eq!(dl(&a).0, "KNOKKE-HEIST, Belgium");
        let a = parse_on("WASHINGTON, D.C. March 18 - Ministers met.", "1987-04-05");
        assert_eq!(dl(&a).0, "WASHINGTON, D.C.");
        let a = parse_on("FARMINGDALE, N.Y., March 9 - VTX said.", "1987-03-09");
        assert_eq!(dl(&a), ("FARMINGDALE, N.Y.", Some("1987-03-09"), None, "FARMINGDALE, N.Y., March 9 -"));
        let a = parse_on("MINNEAPOLIS, MINN., March 5 - Grain rose.", "1987-03-09");
        assert_eq!(dl(&a).0, "MINNEAPOLIS, MINN.");
        let a = parse_on("RICHMOND, Va., March 5 - Tobacco rose.", "1987-03-09");
        assert_eq!(dl(&a).0, "RICHMOND, Va.");
        let a = parse_on("peoria, april 7 - Clear skies.", "1987-04-07");
        assert_eq!(dl(&a).0, "peoria");
        let a = parse("WASHINGTON - The Treasury said.");
        assert_eq!(dl(&a), ("WASHINGTON", None, None, "WASHINGTON -"));
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
    fn date_resolution() {
        // Dec 31 dateline on a story dated Jan 1 belongs to the previous year.
        let a = parse_on("SEOUL, Dec 31 (Yonhap) -- Fireworks.", "2024-01-01");
        assert_eq!(dl(&a).1, Some("2023-12-31"));
        assert_eq!(a.date.as_deref(), Some("2023-12-31"));
        let a = parse_on("SEOUL, Jan 1 (Yonhap) -- Fireworks.", "2023-12-31");
        assert_eq!(dl(&a).1, Some("2024-01-01"));
        // Header date wins over dateline and caller.
        let a = parse_on("date 2023-07-27\n\nSEOUL, July 26 (Yonhap) -- Text.", "2000-01-01");
        assert_eq!(a.date.as_deref(), Some("2023-07-27"));
        assert_eq!(dl(&a).1, Some("2023-07-26"));
        // No year anywhere: the truncated ISO form, and no article date.
        let a = parse("SEOUL, July 26 (Yonhap) -- Text.");
        assert_eq!(dl(&a).1, Some("--07-26"));
        assert_eq!(a.date, None);
        // Impossible day: the dateline stays, without a date.
        let a = parse_on("SEOUL, Feb 30 (Yonhap) -- Text.", "2023-02-01");
        assert_eq!(dl(&a).1, None);
    }

    #[test]
    fn bylines() {
        let a = parse("By Lee Minji\n\nSEOUL, July 27 (Yonhap) -- Text.");
        assert_eq!(a.bylines[0].name, "Lee Minji");
        assert_eq!(a.bylines[0].raw, "By Lee Minji");
        let a = parse("by Janie Gabbett, Reuters\nTOKYO, March 2 - Text.");
        assert_eq!(a.bylines[0].name, "Janie Gabbett");
        let a = parse("BY TED D'AFFLISIO, Reuters\nTOKYO, March 2 - Text.");
        assert_eq!(a.bylines[0].name, "Ted D'Afflisio");
        let a = parse("By Jane Roe and John Doe, Reuters\nTOKYO, March 2 - Text.");
        let names: Vec<&str> = a.bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["Jane Roe", "John Doe"]);
        // A sentence starting with "By" is not a byline.
        let a = parse("By the end of the year, prices had doubled.");
        assert!(a.bylines.is_empty());
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn headlines() {
        let a = parse("N. Korea's Kim meets Russian delegation\n\nBy Lee Minji\n\nSEOUL, July 27 (Yonhap) -- Text.");
        assert_eq!(a.headline_text(), Some("N. Korea's Kim meets Russian delegation"));
        let a = parse("Ad sales slow at networks\n\nAdvertising slowed in the second quarter.\n\nMore later.");
        assert_eq!(a.headline_text(), Some("Ad sales slow at networks"));
        assert_eq!(a.paragraphs.len(), 2);
        let a = parse("One paragraph only, ending with a period.\n\nAnother one.");
        assert_eq!(a.headline, None);
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn unwrapped_lines_are_paragraphs() {
        let long = "word ".repeat(40);
        let t = format!("{long}one.\n{long}two.\n{long}three.");
        let a = parse(&t);
        assert_eq!(a.paragraphs.len(), 3);
    }

    /// The byte-at-a-time fold that `fold_ws` replaced: the oracle it must agree with.
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

    #[test]
    fn dates_written_as_iso() {
        assert_eq!(valid_ymd(1987, 3, 5).as_deref(), Some("1987-03-05"));
        assert_eq!(valid_ymd(7, 12, 31).as_deref(), Some("0007-12-31"));
        assert_eq!(valid_ymd(-1, 1, 2).as_deref(), Some("-001-01-02"));
        assert_eq!(valid_ymd(10000, 1, 2).as_deref(), Some("10000-01-02"));
        assert_eq!(valid_ymd(2023, 2, 29), None);
        assert_eq!(valid_ymd(2024, 2, 29).as_deref(), Some("2024-02-29"));
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
