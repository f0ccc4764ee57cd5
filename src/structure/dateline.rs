//! The dateline that opens the first paragraph ("SEOUL, March 2 (Yonhap) --", "WASHINGTON (AP) —",
//! "AP - "): place, date and agency, and the date resolved against the story's reference date.
use super::{bounded, is_ws};
use crate::types::*;
use crate::util::calendar::{month_of_word, valid_ymd};
use regex::Regex;
use std::sync::OnceLock;

/// A dateline (with a source lead before it) fits in this many bytes.
const DATELINE_PREFIX: usize = 160;

#[derive(Clone)]
pub(super) struct DatelineMatch {
    /// Has a date or an agency; a bare "PLACE -" is weak (it may be a headline "SPOTLIGHT - ...").
    pub(super) strong: bool,
    pub(super) place: String,
    pub(super) month_day: Option<(u32, u32)>,
    pub(super) year: Option<i32>,
    pub(super) agency: Option<String>,
    pub(super) span: Span,
}

pub(super) const MONTHS: &str = r"(?i-u:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

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
pub(super) fn match_dateline(text: &str, ts: usize, te: usize) -> Option<DatelineMatch> {
    match_dateline_at(text, ts, te, true)
}

/// Dateline matches of the opening lines, remembered: each line is asked about more than once.
#[derive(Default)]
pub(super) struct Memo(Vec<(usize, usize, Option<DatelineMatch>)>);

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
    pub(super) fn dateline(&mut self, text: &str, ts: usize, te: usize) -> Option<DatelineMatch> {
        self.get(text, ts, te).clone()
    }

    /// Whether the line opens with a dateline (`Some(strong)`), without copying the match.
    pub(super) fn strength(&mut self, text: &str, ts: usize, te: usize) -> Option<bool> {
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
        if let Some(mo) = month_of_word(w2) {
            month_day = Some((mo, w.parse().ok()?));
            rest = before2;
        }
    } else if let Some(mo) = month_of_word(w) {
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

#[cfg(test)]
mod tests {
    use crate::structure::tests::{dl, parse, parse_on};

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
        assert_eq!(a.headline_text(), Some("ACME NET"));
        assert_eq!(a.advisory, ["CORRECTED"]);
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
}
