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
}
