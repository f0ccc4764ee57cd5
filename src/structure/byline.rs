//! Bylines: "By Lee Minji", "by Janie Gabbett, Reuters", a byline and a dateline on one line;
//! names are split at "and" / "&" and all-caps names get title case.
use super::codes::layout_len_at;
use super::dateline::{match_dateline, DatelineMatch};
use super::{bounded, find_ci, is_ws, starts_ci, strip_suffix_ci, HEAD_PREFIX};
use crate::types::*;

/// Name particles that stay lowercase inside a name ("Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] =
    &["de", "van", "von", "der", "den", "da", "di", "du", "del", "dos", "la", "le", "al", "bin", "el", "y", "ter"];

/// Agency names that may follow a byline's name without a comma, longest first.
const AGENCY_SUFFIXES: &[&str] =
    &[" associated press writer", " associated press", " ap writer", " reuters", " afp", " yonhap"];

/// "By Lee Minji", "by Janie Gabbett, Reuters", "By CHEGE MBITIRU, Associated Press Writer".
pub(super) fn parse_byline(text: &str, ts: usize, te: usize) -> Option<Vec<Byline>> {
    let l = &text[ts..te];
    if l.len() > 160 || l.len() < 4 || !starts_ci(l, "by ") {
        return None;
    }
    let rest = l[3..].trim_start();
    // A layout code ends the name ("By MIKE WILLIAMS &LR; &QC; c.2000 Cox News Service").
    let rb = rest.as_bytes();
    let rest = match (0..rb.len()).find(|&k| rb[k] == b'&' && layout_len_at(rb, k, rb.len()) > 0) {
        Some(k) => &rest[..k],
        None => rest,
    };
    // The name ends at a comma, a dash or a slash ("By Lee Minji / Yonhap").
    let name_part = rest.split([',', '/', '|', '(']).next().unwrap_or("").split(" - ").next().unwrap_or("").trim();
    let name_part = strip_suffix_ci(name_part, " for reuters").unwrap_or(name_part);
    // "By MARGARET HOLLIS Associated Press": AP writes the agency after the name without a comma.
    let agency_suffix = AGENCY_SUFFIXES.iter().find_map(|s| strip_suffix_ci(name_part, s));
    let name_part = agency_suffix.map_or(name_part, str::trim_end);
    // "by keith grant, Reuters": an agency after the comma vouches for a name in any case.
    let agency_after = agency_suffix.is_some()
        || rest.split_once(',').is_some_and(|(_, a)| {
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

/// Where the part of a byline line after the name starts, when a slash or a layout code sets it
/// apart ("By MIKE WILLIAMS / c.2000 Cox News Service"): just after the slash or at the code.
pub(super) fn byline_tail(text: &str, ts: usize, te: usize) -> Option<usize> {
    let b = text.as_bytes();
    (ts..te).find_map(|k| match b[k] {
        b'/' => Some(k + 1),
        b'&' if layout_len_at(b, k, te) > 0 => Some(k),
        _ => None,
    })
}

/// A byline and a dateline on one line, set apart by a run of spaces.
pub(super) fn inline_byline_dateline(text: &str, ts: usize, te: usize) -> Option<(Vec<Byline>, DatelineMatch)> {
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

#[cfg(test)]
mod tests {
    use crate::structure::tests::parse;

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
        let a = parse("By MARGARET HOLLIS Associated Press\n\nWASHINGTON (AP) \u{2014} Text.");
        assert_eq!(a.bylines[0].name, "Margaret Hollis");
        let a = parse("By Lee Minji Yonhap\n\nSEOUL, July 27 (Yonhap) -- Text.");
        assert_eq!(a.bylines[0].name, "Lee Minji");
        // A sentence starting with "By" is not a byline.
        let a = parse("By the end of the year, prices had doubled.");
        assert!(a.bylines.is_empty());
        assert_eq!(a.paragraphs.len(), 1);
    }
}
