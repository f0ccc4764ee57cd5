//! Credit lines: the story's trailer of reporter and editor credits, contributor lines, copyright
//! lines and agency sign-offs, set apart from the body paragraphs in each agency's style:
//! - Reuters: "(Reporting by Anna Brunner in Zurich; Additional reporting by X; Editing by Tom Reddy)",
//!   on its own line or closing the last paragraph;
//! - AP: the "___" rule, then "Associated Press writers X and Y contributed to this report." (every
//!   short paragraph after the rule is the trailer: `body.rs`);
//!   "Copyright 2023 The Associated Press. All rights reserved.";
//! - NYT / Cox News Service: "c.2000 Cox News Service", "X contributed reporting from Y.";
//! - AFP: the staff initials closing a story ("bur-jm/sst"); a lone "(AFP)", "Reuters", "AP", "dpa";
//! - Yonhap: the reporter's address closing a story ("lmj@yna.co.kr").
//!
//! Only whole paragraphs (and a parenthesised Reuters credit closing the last one) are read, and only
//! when short: a credit line is a few dozen words. Names are read as written; a place after " in " /
//! " from " is not part of a name.
use std::sync::LazyLock;

use regex::Regex;

use crate::types::{CreditRole, Span};

/// A credit line is short; longer paragraphs are never looked at.
const MAX_CREDIT_LINE: usize = 400;

/// One recognised credit line: the names it gives and their roles (possibly none, for "___").
pub(super) type Found = Vec<(CreditRole, Span)>;

/// "Reporting by", "Additional reporting by", "Writing and editing by", ... (a Reuters credit).
static REUTERS_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:and\s+)?((?:additional|further|more|other)\s+)?(reporting|writing|editing|compiled|compiling|written|edited|reported|graphics?|fact-?checking|research|translation|translated|production|produced|photos?|video)(?:\s+and\s+(reporting|writing|editing|compiling))?\s+by\s+",
    )
    .unwrap()
});

/// AP and others: "[The] Associated Press writer(s)" before the names of a contributor line.
/// Or the outlet's possessive, with or without the role: "CNN's X", "NBC News' X", "ABC's
/// producer X".
static CONTRIBUTOR_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:(?:The\s+)?(?:Associated\s+Press|AP|Reuters|AFP|Bloomberg|Cox\s+News\s+Service|New\s+York\s+Times)\s+)?(?:[Ss]taff\s+)?(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?|[Pp]hotographers?|[Vv]ideo\s*journalists?|[Nn]ews\s+[Rr]esearchers?|[Rr]esearchers?)\s+|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['\u{2019}]s?\s+(?:(?:[Ss]taff\s+)?(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?|[Pp]roducers?|[Pp]hotographers?)\s+)?)",
    )
    .unwrap()
});

/// The end of a contributor line: "contributed [reporting] [to this report] [from Paris]."
static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:also\s+)?contributed(?:\s+(?:reporting|research|to\s+(?:this|the)\s+(?:report|story|article|coverage)))*(?:\s+(?:from|in)\s+[^.;]{1,60})?\.?$").unwrap()
});

/// Copyright lines: "Copyright 2023 The Associated Press.", "c.2000 Cox News Service", "(c) 2024 Reuters".
static COPYRIGHT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:copyright\s*(?:\(c\)|©)?|\(c\)|©|c\.\s*(?:\d))\s*").unwrap());

/// AFP's closing staff initials: "jm/sst", "bur-jm/sst/bp".
static SIGNOFF_INITIALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z]{2,6}(?:-[a-z]{2,6})*(?:/[a-z]{2,6}(?:-[a-z]{2,6})*){1,6}$").unwrap());

/// dpa's closing line: the agency, then the desk and editors' short codes ("dpa ab yyzz n1 fs").
static DPA_SIGNOFF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^dpa(?:\s+[a-z0-9]{1,5}){1,8}$").unwrap());

/// Agency names that close a story standing alone on the last line.
const SIGNOFF_AGENCIES: &[&str] =
    &["Reuters", "REUTERS", "AP", "AFP", "dpa", "DPA", "Xinhua", "Yonhap", "Kyodo", "Bloomberg", "UPI"];

/// The credit line `text[s..e]` (a trimmed paragraph), or None when it is not one.
pub(super) fn credit_line(text: &str, s: usize, e: usize) -> Option<Found> {
    if e - s > MAX_CREDIT_LINE {
        return None;
    }
    let p = &text[s..e];
    // A rule closing the story ("___") starts AP's trailer.
    if p.len() >= 3 && p.bytes().all(|c| c == b'_') {
        return Some(Vec::new());
    }
    let first = p.as_bytes()[0];
    // Cheap gate: every form starts with one of these.
    if !(first == b'(' || first.is_ascii_alphabetic() || p.starts_with('©') || p.starts_with('-')) {
        return None;
    }
    // Yonhap closes with the reporter's address ("lmj@yna.co.kr").
    if p.len() <= 80 && !p.contains(char::is_whitespace) && p.contains('@') && p.contains('.') {
        return Some(vec![(CreditRole::Signoff, Span::new(s, e))]);
    }
    if let Some(found) = reuters(text, s, e) {
        return Some(found);
    }
    if let Some(found) = copyright(text, s, e) {
        return Some(found);
    }
    if let Some(found) = signoff(text, s, e) {
        return Some(found);
    }
    contributors(text, s, e)
}

/// A copyright line ("c.2000 Cox News Service") at `text[s..e]`: NYT News Service stories carry it
/// among the opening lines, under the byline.
pub(super) fn copyright_line(text: &str, s: usize, e: usize) -> Option<Found> {
    if e - s > MAX_CREDIT_LINE || s == e {
        return None;
    }
    // Cheap gate, every opening line is asked: "c.", "Copyright", "(c)", "©".
    if !matches!(text.as_bytes()[s], b'c' | b'C' | b'(' | 0xC2) {
        return None;
    }
    copyright(text, s, e)
}

/// Where a parenthesised Reuters credit closing a paragraph starts ("... said. (Reporting by X;
/// Editing by Y)"), when the paragraph has other text before it.
pub(super) fn trailing_credit(text: &str, s: usize, e: usize) -> Option<usize> {
    let p = &text[s..e];
    if !p.ends_with(')') {
        return None;
    }
    let mut window = p.len().saturating_sub(MAX_CREDIT_LINE);
    while !p.is_char_boundary(window) {
        window += 1;
    }
    let open = p[window..].rfind('(').map(|k| window + k)?;
    if open == 0 {
        return None;
    }
    let before = p[..open].trim_end();
    if before.is_empty() || !before.ends_with(['.', '"', '\u{201d}', '!', '?', ')']) {
        return None;
    }
    REUTERS_ROLE.is_match(&p[open + 1..]).then_some(s + open)
}

/// "(Reporting by X in Y; Editing by Z)", with or without the brackets.
fn reuters(text: &str, s: usize, e: usize) -> Option<Found> {
    let p = &text[s..e];
    let (inner_s, inner_e) = match (p.starts_with('('), p.ends_with(')')) {
        (true, true) => (s + 1, e - 1),
        (false, false) => (s, e),
        _ => return None,
    };
    if !REUTERS_ROLE.is_match(&text[inner_s..inner_e]) {
        return None;
    }
    let mut found = Vec::new();
    // Segments are separated by ';' (and by ", editing by" inside one).
    let mut seg_s = inner_s;
    for seg_e in text[inner_s..inner_e].match_indices(';').map(|(k, _)| inner_s + k).chain([inner_e]) {
        let mut rest_s = seg_s;
        while let Some(m) = REUTERS_ROLE.captures(&text[rest_s..seg_e]) {
            let whole = m.get(0).unwrap();
            let roles: Vec<CreditRole> =
                [m.get(2), m.get(3)].into_iter().flatten().map(|r| role_of(r.as_str(), m.get(1).is_some())).collect();
            let names_s = rest_s + whole.end();
            // Another role phrase in the same segment ("X, editing by Y") ends this one's names.
            let names_e = next_role(text, names_s, seg_e).unwrap_or(seg_e);
            for span in names(text, names_s, names_e) {
                for &role in &roles {
                    found.push((role, span));
                }
            }
            rest_s = names_e;
            if rest_s >= seg_e {
                break;
            }
            // Skip the ", " before the next role phrase.
            rest_s += text[rest_s..seg_e].len() - text[rest_s..seg_e].trim_start_matches([',', ' ']).len();
        }
        seg_s = seg_e + 1;
    }
    Some(found)
}

/// Start of the separator before a role phrase inside `text[s..e]` (", writing by").
fn next_role(text: &str, s: usize, e: usize) -> Option<usize> {
    let seg = &text[s..e];
    seg.match_indices(", ").map(|(k, _)| k).find(|&k| REUTERS_ROLE.is_match(&seg[k + 2..])).map(|k| s + k)
}

fn role_of(word: &str, additional: bool) -> CreditRole {
    let w = word.to_ascii_lowercase();
    match w.as_str() {
        "reporting" | "reported" if additional => CreditRole::Contributing,
        "reporting" | "reported" => CreditRole::Reporting,
        "writing" | "written" | "compiled" | "compiling" => CreditRole::Writing,
        "editing" | "edited" => CreditRole::Editing,
        _ => CreditRole::Contributing,
    }
}

/// "Copyright 2023 The Associated Press. All rights reserved." -> the holder.
fn copyright(text: &str, s: usize, e: usize) -> Option<Found> {
    let p = &text[s..e];
    let m = COPYRIGHT.find(p)?;
    // "c." must be followed by a year; the regex consumed its first digit.
    let mut hs = s + m.end();
    if p.as_bytes()[m.end() - 1].is_ascii_digit() {
        hs -= 1;
    }
    let rest = &text[hs..e];
    let year_len = rest.bytes().take_while(|c| c.is_ascii_digit() || *c == b'-').count();
    let mut holder_s = hs + year_len;
    holder_s += text[holder_s..e].len() - text[holder_s..e].trim_start_matches([' ', ',', '\t']).len();
    if let Some(r) = text[holder_s..e].strip_prefix("by ") {
        holder_s = e - r.len();
    }
    // The holder ends at the first full stop followed by a space or the end ("Press. All rights").
    let holder = &text[holder_s..e];
    let mut holder_e = e;
    for (k, _) in holder.match_indices('.') {
        let after = &holder[k + 1..];
        let word_before = holder[..k].rsplit(' ').next().unwrap_or("");
        // An initial or abbreviation ("Co.", "Inc.", "N.Y.") does not end it.
        let initials = word_before.len() <= 5
            && word_before.split('.').all(|w| w.len() == 1 && w.bytes().all(|c| c.is_ascii_uppercase()));
        if (after.is_empty() || after.starts_with(' '))
            && !initials
            && !matches!(word_before, "Co" | "Inc" | "Corp" | "Ltd" | "S.A")
        {
            holder_e = holder_s + k;
            break;
        }
    }
    let year_only = year_len == 0 && holder_s == holder_e;
    if year_only || !text[holder_s..holder_e].starts_with(|c: char| c.is_uppercase()) {
        // "Copyright" in plain prose ("copyright laws were ...") is not a credit line.
        return None;
    }
    Some(vec![(CreditRole::Copyright, Span::new(holder_s, holder_e))])
}

/// AFP's initials and lone agency names closing a story.
fn signoff(text: &str, s: usize, e: usize) -> Option<Found> {
    let p = &text[s..e];
    if SIGNOFF_INITIALS.is_match(p) || DPA_SIGNOFF.is_match(p) {
        return Some(vec![(CreditRole::Signoff, Span::new(s, e))]);
    }
    let (is, ie) = match p.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => (s + 1, s + 1 + inner.len()),
        None => {
            let r = p.trim_start_matches(['-', '\u{2014}', ' ']);
            (e - r.len(), e)
        }
    };
    SIGNOFF_AGENCIES.contains(&&text[is..ie]).then(|| vec![(CreditRole::Signoff, Span::new(is, ie))])
}

/// "Associated Press writers X and Y contributed to this report.", "X contributed reporting from
/// Paris.", "Contributing: X in Y and Z."
fn contributors(text: &str, s: usize, e: usize) -> Option<Found> {
    let p = &text[s..e];
    let (names_s, names_e) = if let Some(r) = p.strip_prefix("Contributing:") {
        (e - r.len(), e)
    } else if let Some(r) = p.strip_prefix("Reporting was contributed by ") {
        (e - r.len(), e)
    } else {
        // Most paragraphs have no "contributed": a substring search spares the regex.
        memchr::memmem::find(p.as_bytes(), b"contributed")?;
        let end = CONTRIBUTED.find(p)?;
        let pre = CONTRIBUTOR_PREFIX.find(&p[..end.start()]).map_or(0, |m| m.end());
        (s + pre, s + end.start())
    };
    let list = names(text, names_s, names_e);
    // Every piece must read as a name ("Investors contributed" is prose, not a credit).
    if list.is_empty() || list.iter().any(|sp| !is_name(&text[sp.start..sp.end])) {
        return None;
    }
    Some(list.into_iter().map(|sp| (CreditRole::Contributing, sp)).collect())
}

/// The names in a list "X in Paris, Y and Z in London": split at commas and " and ", each cut
/// before " in " / " from " / " at " / " of ", trailing full stop removed; pieces that are not
/// names (a place's second part, "D.C.") are left out.
fn names(text: &str, s: usize, e: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let list = &text[s..e];
    let mut cuts = vec![0];
    for sep in [", ", " and ", " & ", "; "] {
        cuts.extend(list.match_indices(sep).flat_map(|(k, m)| [k, k + m.len()]));
    }
    cuts.push(list.len());
    cuts.sort_unstable();
    // Pairs (piece start, piece end): each separator contributes its start and end.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i + 1 < cuts.len() {
        pieces.push((cuts[i], cuts[i + 1]));
        i += 2;
    }
    for (a, b) in pieces {
        let piece = &list[a..b];
        let mut end = piece.len();
        for stop in [" in ", " from ", " at ", " of ", " for ", " with "] {
            if let Some(k) = piece.find(stop) {
                end = end.min(k);
            }
        }
        let name = piece[..end].trim().trim_end_matches(['.', ',', ')']).trim();
        if name.is_empty() || !is_name(name) {
            continue;
        }
        let off = piece.find(name).unwrap_or(0);
        out.push(Span::new(s + a + off, s + a + off + name.len()));
    }
    out
}

/// A person's or agency's name: capitalised words (particles "de", "van", "al-", ... allowed),
/// at least two letters, not an abbreviation alone ("D.C.").
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || s.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    if words.len() == 1 && s.contains('.') {
        return false;
    }
    words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            || matches!(
                *w,
                "de" | "da" | "do" | "dos" | "van" | "von" | "der" | "den" | "bin" | "ibn" | "la" | "le" | "del"
            )
            || w.starts_with("al-")
            || w.starts_with("el-")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(p: &str) -> Option<Vec<(&'static str, String)>> {
        credit_line(p, 0, p.len())
            .map(|v| v.into_iter().map(|(r, sp)| (r.as_str(), p[sp.start..sp.end].to_string())).collect())
    }

    fn pairs(v: &[(&'static str, &str)]) -> Option<Vec<(&'static str, String)>> {
        Some(v.iter().map(|(r, n)| (*r, n.to_string())).collect())
    }

    #[test]
    fn reuters_credits() {
        assert_eq!(
            read("(Reporting by Anna Brunner in Zurich; Editing by Tom Reddy)"),
            pairs(&[("reporting", "Anna Brunner"), ("editing", "Tom Reddy")])
        );
        assert_eq!(
            read("(Reporting by Jan Wolfe and Mike Scarcella in Washington, D.C.; Additional reporting by Kanishka Singh; Writing by David Ljunggren, editing by Chizu Nomiyama and Alistair Bell)"),
            pairs(&[
                ("reporting", "Jan Wolfe"),
                ("reporting", "Mike Scarcella"),
                ("contributing", "Kanishka Singh"),
                ("writing", "David Ljunggren"),
                ("editing", "Chizu Nomiyama"),
                ("editing", "Alistair Bell"),
            ])
        );
        assert_eq!(
            read("Writing by Jonathan Saul; editing by Jason Neely"),
            pairs(&[("writing", "Jonathan Saul"), ("editing", "Jason Neely")])
        );
        let p = "Output rose 4%, the bank said. (Reporting by Anna Brunner; Editing by Tom Reddy)";
        let k = trailing_credit(p, 0, p.len()).unwrap();
        assert_eq!(&p[k..], "(Reporting by Anna Brunner; Editing by Tom Reddy)");
        assert_eq!(trailing_credit("He said (in Paris).", 0, 19), None);
    }

    #[test]
    fn ap_cox_afp_and_signoffs() {
        assert_eq!(
            read("Associated Press writers Lisa Mascaro in Washington and Mary Clare Jalonick contributed to this report."),
            pairs(&[("contributing", "Lisa Mascaro"), ("contributing", "Mary Clare Jalonick")])
        );
        assert_eq!(read("AP writer Tom Hays contributed."), pairs(&[("contributing", "Tom Hays")]));
        assert_eq!(read("Investors contributed 5 million dollars to the fund."), None);
        assert_eq!(read("The unions contributed."), None);
        assert_eq!(read("c.2000 Cox News Service"), pairs(&[("copyright", "Cox News Service")]));
        assert_eq!(read("c.1998 N.Y. Times News Service"), pairs(&[("copyright", "N.Y. Times News Service")]));
        assert_eq!(read("c. 1999 Hearst Newspapers"), pairs(&[("copyright", "Hearst Newspapers")]));
        assert_eq!(
            read("Copyright 2023 The Associated Press. All rights reserved."),
            pairs(&[("copyright", "The Associated Press")])
        );
        assert_eq!(read("copyright laws were changed in 1998."), None);
        assert_eq!(read("bur-jm/sst"), pairs(&[("signoff", "bur-jm/sst")]));
        assert_eq!(read("(AFP)"), pairs(&[("signoff", "AFP")]));
        assert_eq!(read("lmj@yna.co.kr"), pairs(&[("signoff", "lmj@yna.co.kr")]));
        assert_eq!(read("dpa kp xyz n2 ab"), pairs(&[("signoff", "dpa kp xyz n2 ab")]));
        assert_eq!(read("dpa said the talks would resume on Monday"), None);
        assert_eq!(
            read("CNN's Priya Natarajan and Tom Okafor contributed to this report."),
            pairs(&[("contributing", "Priya Natarajan"), ("contributing", "Tom Okafor")])
        );
        assert_eq!(read("NBC News' Jo Baird contributed."), pairs(&[("contributing", "Jo Baird")]));
        assert_eq!(read("The company's shareholders contributed."), None);
        assert_eq!(read("___"), Some(vec![]));
        assert_eq!(read("The talks went on (Reporting was slow)."), None);
    }

    #[test]
    fn any_text_is_read_without_panicking() {
        let pieces = [
            "é",
            "北京",
            "(",
            ")",
            "Reporting by ",
            "; ",
            "Editing by ",
            "c.2000 ",
            "©",
            "contributed",
            " and ",
            "_",
            "/",
            "x",
        ];
        let mut seed = 11u64;
        for n in 0..4000 {
            let mut t = String::new();
            for _ in 0..(n % 60) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            t.push_str(&"é".repeat(n % 300));
            t.push_str("(Reporting by Anna Brunner)");
            let _ = credit_line(&t, 0, t.len());
            let _ = trailing_credit(&t, 0, t.len());
        }
    }
}
