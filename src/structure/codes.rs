//! Typesetting codes of the NYT News Service wire and of LDC's older news corpora (AQUAINT, North
//! American News Text), written as SGML entity references: "&HT;" (tab), "&QL;" / "&QC;" / "&QR;"
//! (quad left, centre, right), "&UR;" / "&LR;" (rules), "&TL;", "&Cx1f;" (control codes), and the
//! characters "&AMP;" (&), "&MD;" (em dash), "&LT;", "&GT;". The text keeps them (offsets index the
//! text as given); the parts read layout codes as whitespace and a character code as one token.

/// What a code stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Code {
    /// Layout: read as whitespace.
    Layout,
    /// A character ("&AMP;"): one token.
    Char,
}

/// Names are short: a code is at most this many bytes ("&Cx1f;" is 6, "&QUOT;" 6).
const MAX_CODE: usize = 8;

/// The code starting at `b[i]` (which must be `&`) and its length in bytes, within `b[..end]`.
#[inline]
pub(crate) fn code_at(b: &[u8], i: usize, end: usize) -> Option<(Code, usize)> {
    if i >= end || b[i] != b'&' {
        return None;
    }
    let limit = end.min(i + MAX_CODE);
    let semi = (i + 2..limit).find(|&k| b[k] == b';')?;
    let name = &b[i + 1..semi];
    let is = |n: &[u8]| name.eq_ignore_ascii_case(n);
    let control = name.len() == 4
        && name[0].eq_ignore_ascii_case(&b'c')
        && name[1].eq_ignore_ascii_case(&b'x')
        && name[2..].iter().all(u8::is_ascii_hexdigit);
    let layout = ["HT", "TL", "QL", "QC", "QR", "QJ", "UR", "LR"].iter().any(|n| is(n.as_bytes()));
    let kind = if layout || control {
        Code::Layout
    } else if ["AMP", "MD", "LT", "GT", "QUOT"].iter().any(|n| is(n.as_bytes())) {
        Code::Char
    } else {
        return None;
    };
    Some((kind, semi + 1 - i))
}

/// Length of a layout code starting at `b[i]`, 0 if there is none.
#[inline]
pub(crate) fn layout_len_at(b: &[u8], i: usize, end: usize) -> usize {
    match code_at(b, i, end) {
        Some((Code::Layout, l)) => l,
        _ => 0,
    }
}

/// Length of a layout code ending at `b[e]` (exclusive), 0 if there is none.
#[inline]
pub(crate) fn layout_len_before(b: &[u8], s: usize, e: usize) -> usize {
    if e == s || b[e - 1] != b';' {
        return 0;
    }
    let from = s.max(e.saturating_sub(MAX_CODE));
    match (from..e).rev().find(|&k| b[k] == b'&') {
        Some(k) if layout_len_at(b, k, e) == e - k => e - k,
        _ => 0,
    }
}

/// What a character code stands for in folded text ("&AMP;" -> "&").
pub(crate) fn char_of(code: &str) -> &'static str {
    let name = code.trim_start_matches('&').trim_end_matches(';');
    if name.eq_ignore_ascii_case("amp") {
        "&"
    } else if name.eq_ignore_ascii_case("md") {
        "\u{2014}"
    } else if name.eq_ignore_ascii_case("lt") {
        "<"
    } else if name.eq_ignore_ascii_case("gt") {
        ">"
    } else {
        "\""
    }
}

/// `s` with layout codes read as spaces and character codes as their characters (for the folded
/// text of a paragraph; offsets are not taken from it). `s` is returned as it is when it has no `&`.
pub(crate) fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    if memchr::memchr(b'&', b).is_none() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for i in memchr::memchr_iter(b'&', b) {
        if i < last {
            continue;
        }
        if let Some((kind, l)) = code_at(b, i, b.len()) {
            out.push_str(&s[last..i]);
            out.push_str(if kind == Code::Layout { " " } else { char_of(&s[i..i + l]) });
            last = i + l;
        }
    }
    out.push_str(&s[last..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        let t = b"&HT; &qc; &Cx1f; &AMP; &MD; &T; &#3; &HTML; AT&T &LR;";
        assert_eq!(code_at(t, 0, t.len()), Some((Code::Layout, 4)));
        assert_eq!(code_at(t, 5, t.len()), Some((Code::Layout, 4)));
        assert_eq!(code_at(t, 10, t.len()), Some((Code::Layout, 6)));
        assert_eq!(code_at(t, 17, t.len()), Some((Code::Char, 5)));
        assert_eq!(code_at(t, 23, t.len()), Some((Code::Char, 4)));
        assert_eq!(code_at(t, 28, t.len()), None);
        assert_eq!(code_at(t, 32, t.len()), None);
        assert_eq!(code_at(t, 37, t.len()), None);
        assert_eq!(layout_len_before(t, 0, t.len()), 4);
        assert_eq!(layout_len_before(t, 0, 4), 4);
        assert_eq!(layout_len_before(t, 0, 3), 0);
        assert_eq!(decode("Polk Juice &AMP; Packing&QL;"), "Polk Juice & Packing ");
        assert_eq!(decode("AT&T"), "AT&T");
        // A code cut off at the end of the range is no code.
        assert_eq!(code_at(b"&HT", 0, 3), None);
        assert_eq!(code_at(b"&HT;", 0, 3), None);
    }
}
