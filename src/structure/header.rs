//! The opening lines other than bylines and the dateline: the header line (`date 2023-07-27 (ATTN:
//! ...)`), editors' advisories and the headline.
use super::byline::parse_byline;
use super::dateline::Memo;
use super::{bounded, find_ci, next_nonblank, starts_ci, HEAD_PREFIX};
use crate::util::calendar::valid_ymd;
use regex::Regex;
use std::sync::OnceLock;

/// A headline is a short line.
const MAX_HEADLINE: usize = 200;

fn header_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?i:date)\s*:?\s*(\d{4})-(\d{2})-(\d{2})\b").unwrap())
}

/// `date 2023-07-27 (ATTN: A; B)` -> (Some(date), [A, B]).
pub(super) fn parse_header(line: &str) -> Option<(Option<String>, Vec<String>)> {
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

/// `(ATTN: A; B; C)` -> ["A", "B", "C"]; the closing parenthesis matched by depth.
pub(super) fn parse_advisory(s: &str) -> Vec<String> {
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

/// The slug line that opens a NYT News Service or AP story ("BC-CUBA-FAMILY-$ADV26-COX",
/// "AM-Kenya-Drought,0512", "BC-OBIT-LENIHAN-NYT &LR; 06-01 0290"): the slug word, without the word
/// count and transmission date that may follow it. `first`: the story's first line, where a slug
/// without the "BC-" / "AM-" / "PM-" prefix is taken too when it is plainly one (all caps, two
/// hyphens or more, no spaces).
pub(super) fn parse_slug(line: &str, first: bool) -> Option<&str> {
    // Cheap gate, every opening line is asked: a slug opens with a letter or digit and holds a hyphen.
    if line.len() > 120 || !line.starts_with(|c: char| c.is_ascii_alphanumeric()) || !line.contains('-') {
        return None;
    }
    let word = line.split([' ', '\t']).next().unwrap_or("");
    let tail = &line[word.len()..];
    // "AM-Kenya-Drought,0512": the word count after a comma.
    let word = match word.split_once(',') {
        Some((w, n)) if n.bytes().all(|c| c.is_ascii_digit()) => w,
        _ => word,
    };
    let slug_chars = |w: &str| w.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'$' | b'&' | b'\''));
    let prefixed = ["BC-", "AM-", "PM-"].iter().any(|p| starts_ci(word, p)) && word.len() >= 6;
    let bare = first
        && word.len() >= 8
        && word.matches('-').count() >= 2
        && !word.bytes().any(|c| c.is_ascii_lowercase())
        && word.bytes().any(|c| c.is_ascii_alphabetic());
    if !(prefixed || bare) || !slug_chars(word) || word.ends_with('-') || word.contains("--") {
        return None;
    }
    // After the slug only codes, digits and dashes (transmission date, word count).
    let rest_ok = tail.split_whitespace().all(|w| {
        w.bytes().all(|c| c.is_ascii_digit() || c == b'-' || c == b',')
            || crate::structure::codes::layout_len_at(w.as_bytes(), 0, w.len()) == w.len()
    });
    rest_ok.then_some(word)
}

/// An editors' line among the opening lines, kept as an advisory: "For Use Sat., Feb. 26 And
/// Thereafter.", "(For release Sunday)", "EDITORS: ...", "Eds: ...", a desk code ("(sw)").
pub(super) fn is_advisory_line(l: &str) -> bool {
    if l.len() > 240 {
        return false;
    }
    let inner = l.strip_prefix('(').unwrap_or(l);
    if starts_ci(inner, "for use ") || starts_ci(inner, "for release ") || starts_ci(inner, "for immediate release") {
        // Only the editors' forms: a prose line may start "For use in ...".
        let lower = l.to_ascii_lowercase();
        return l.starts_with('(')
            || ["thereafter", "release", "clients", "use only", "a.m.", "p.m.", "editions"]
                .iter()
                .any(|w| lower.contains(w));
    }
    if starts_ci(l, "editors:")
        || starts_ci(l, "eds:")
        || starts_ci(l, "editor's note:")
        || starts_ci(l, "editors note:")
    {
        return true;
    }
    // A desk code: "(sw)", "(bl)".
    let b = l.as_bytes();
    b.len() >= 3
        && b.len() <= 6
        && b[0] == b'('
        && b[b.len() - 1] == b')'
        && b[1..b.len() - 1].iter().all(u8::is_ascii_lowercase)
}

/// Kickers before a headline: agencies' version and section tags, kept as advisories and out of the
/// headline. Yonhap's "(LEAD)", "(2nd LD)", "(News Focus)"; Reuters' "UPDATE 2-", "RPT-", "EXCLUSIVE-";
/// labels with a colon ("Analysis:", "Roundup:", "APNewsBreak:"). Returns the headline's start within
/// `l` and the tags, in order; (0, []) when the line has none or nothing would be left.
pub(super) fn headline_kicker(l: &str) -> (usize, Vec<String>) {
    let mut tags = Vec::new();
    let mut at = 0;
    loop {
        let rest = &l[at..];
        let found = paren_kicker(rest).or_else(|| dash_kicker(rest)).or_else(|| colon_kicker(rest));
        let Some((len, tag)) = found else { break };
        let after = rest[len..].len() - rest[len..].trim_start().len();
        at += len + after;
        tags.push(tag.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    // A kicker is never the whole headline, and a headline is never its kickers alone.
    if tags.is_empty() || !l[at..].chars().any(char::is_alphabetic) {
        return (0, Vec::new());
    }
    (at, tags)
}

/// "(LEAD)" at the start: a short parenthesised tag, no nesting, something after it.
fn paren_kicker(s: &str) -> Option<(usize, &str)> {
    let inner = s.strip_prefix('(')?;
    let close = inner.find([')', '('])?;
    let tag = inner[..close].trim();
    let ok = inner[close..].starts_with(')') && tag.len() <= 60 && is_paren_tag(tag);
    // "(CORRECTED) - ACME NET": a separating dash goes with the kicker.
    let after = &inner[close + 1..];
    let trimmed = after.trim_start();
    let sep = trimmed.len() - trimmed.trim_start_matches(['-', ':']).len();
    let len = if sep > 0 && trimmed[sep..].starts_with(' ') {
        close + 2 + (after.len() - trimmed.len()) + sep
    } else {
        close + 2
    };
    ok.then_some((len, tag))
}

/// A version tag ("LEAD", "2nd LD, Correction", "CORRECTED") or a mixed-case topic tag ("Olympics",
/// "News Focus"). Not an all-caps name: 1987 Reuters headlines open with the company in parentheses
/// ("(CAMBIOR INC) FIVE MTHS NET").
fn is_paren_tag(tag: &str) -> bool {
    const VERSIONS: &[&str] =
        &["LEAD", "URGENT", "CORRECTED", "CORRECTION", "RPT", "REPEAT", "RECAST", "UPDATE", "REFILE", "AMENDED"];
    let first = tag.split([',', ' ']).next().unwrap_or("");
    let ordinal_ld = {
        let digits = first.len() - first.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0
            && ["st", "nd", "rd", "th"].contains(&&first[digits..])
            && tag[first.len()..].trim_start().starts_with("LD")
    };
    VERSIONS.contains(&first) || ordinal_ld || starts_ci(tag, "EDITORIAL") || tag.chars().any(char::is_lowercase)
}

/// Reuters' "UPDATE 2-Oil rises", "RPT-...", "CORRECTED-UPDATE 1-...": an all-caps tag glued to the
/// headline by a hyphen. Only over a mixed-case headline: an all-caps one ("POLL-TAX PROTEST") has
/// hyphenated words of the same shape.
fn dash_kicker(s: &str) -> Option<(usize, &str)> {
    const TAGS: &[&str] = &[
        "UPDATE",
        "RPT",
        "REFILE",
        "CORRECTED",
        "CORRECTION",
        "EXCLUSIVE",
        "ANALYSIS",
        "FACTBOX",
        "EXPLAINER",
        "INSTANT VIEW",
        "WRAPUP",
        "BREAKINGVIEWS",
        "BRIEF",
        "FOCUS",
        "INTERVIEW",
        "COLUMN",
        "TIMELINE",
        "GLOBAL MARKETS",
        "PREVIEW",
        "SPECIAL REPORT",
        "INSIGHT",
        "FEATURE",
        "GRAPHIC",
        "POLL",
        "DIARY",
    ];
    let dash = s.char_indices().take(24).find(|&(_, c)| c == '-').map(|(i, _)| i)?;
    let head = &s[..dash];
    let word = head.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let numbered = word.len() < head.len();
    if !TAGS.contains(&word) || (numbered && !head[word.len()..].starts_with(' ')) {
        return None;
    }
    let next = s[dash + 1..].chars().next()?;
    let mixed = s[dash + 1..].chars().any(char::is_lowercase);
    (next.is_alphanumeric() && mixed).then_some((dash + 1, head.trim_end()))
}

/// "Analysis: ...", "Roundup: ...", "APNewsBreak: ...": a known label and a colon.
fn colon_kicker(s: &str) -> Option<(usize, &str)> {
    const LABELS: &[&str] = &[
        "analysis",
        "exclusive",
        "explainer",
        "factbox",
        "fact check",
        "insight",
        "breakingviews",
        "news analysis",
        "roundup",
        "interview",
        "feature",
        "commentary",
        "spotlight",
        "xinhua headlines",
        "china focus",
        "economic watch",
        "apnewsbreak",
        "ap exclusive",
        "ap explains",
        "ap fact check",
        "editorial",
        "opinion",
        "live updates",
        "breaking",
    ];
    let colon = s.char_indices().take(20).find(|&(_, c)| c == ':').map(|(i, _)| i)?;
    let label = &s[..colon];
    let rest = &s[colon + 1..];
    let known = LABELS.iter().any(|w| w.eq_ignore_ascii_case(label));
    (known && rest.starts_with(' ') && label.starts_with(|c: char| c.is_uppercase())).then_some((colon + 1, label))
}

/// A short first line set apart from the body: followed by a byline or dateline, or by a blank line,
/// or an all-caps line over a body line.
pub(super) fn is_headline(text: &str, ts: usize, te: usize, next_pos: usize, memo: &mut Memo) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::structure::tests::parse;

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
    fn kickers_leave_the_headline_for_the_advisory() {
        let dl = "\n\nSEOUL, March 3 (Yonhap) -- Text.";
        let a = parse(&format!("(2nd LD) (News Focus) Parliament passes budget bill{dl}"));
        assert_eq!(a.headline_text(), Some("Parliament passes budget bill"));
        assert_eq!(a.advisory, ["2nd LD", "News Focus"]);
        let a = parse(&format!("RPT-UPDATE 2-Oil prices climb on supply worries{dl}"));
        assert_eq!(a.headline_text(), Some("Oil prices climb on supply worries"));
        assert_eq!(a.advisory, ["RPT", "UPDATE 2"]);
        let a = parse(&format!("Roundup: Floods hit southern provinces{dl}"));
        assert_eq!(a.headline_text(), Some("Floods hit southern provinces"));
        // Not kickers: an all-caps headline's hyphenated word, a colon after other words, a tag alone.
        let a = parse(&format!("(LEAD)(Olympics) Kim wins gold{dl}"));
        assert_eq!(a.headline_text(), Some("Kim wins gold"));
        assert_eq!(a.advisory, ["LEAD", "Olympics"]);
        for h in [
            "(ACME STEEL LTD) YEAR NET",
            "POLL-TAX PROTEST SPREADS",
            "Kim Jong-un: a profile",
            "(LEAD)",
            "Gold-mining stocks fall",
        ] {
            let a = parse(&format!("{h}{dl}"));
            assert_eq!(a.headline_text(), Some(h));
            assert!(a.advisory.is_empty(), "{h}");
        }
    }
}
