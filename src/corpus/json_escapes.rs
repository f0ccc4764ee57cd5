//! Lone UTF-16 surrogate escapes (`"\ud800"`) in JSON text: valid JSON syntax that is not valid
//! Unicode. serde_json refuses them; Python's `json` accepts them. The corpus reports them as a
//! record error, or under `errors="replace"` rewrites each to `\ufffd` before parsing.
use std::borrow::Cow;

fn hex4(b: &[u8]) -> Option<u16> {
    let s = std::str::from_utf8(b.get(..4)?).ok()?;
    u16::from_str_radix(s, 16).ok()
}

fn is_high(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}

fn is_low(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

/// `text` with every `\uXXXX` escape of an unpaired surrogate replaced by `\ufffd` (paired ones and
/// everything else unchanged; borrowed when there is nothing to replace).
pub fn replace_lone_surrogates(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b.get(i + 1) != Some(&b'u') {
            i += 2; // any other escape, `\\` included, is two bytes
            continue;
        }
        let Some(u) = hex4(&b[i + 2..]) else {
            i += 2;
            continue;
        };
        if is_high(u) && b.get(i + 6..i + 8) == Some(b"\\u") && hex4(&b[i + 8..]).is_some_and(is_low) {
            i += 12; // a valid pair
            continue;
        }
        if is_high(u) || is_low(u) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[copied..i]);
            o.push_str("\\ufffd");
            copied = i + 6;
        }
        i += 6;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    }
}

/// Whether `text` holds an escape of an unpaired surrogate.
pub fn has_lone_surrogates(text: &str) -> bool {
    matches!(replace_lone_surrogates(text), Cow::Owned(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unpaired_surrogates_are_replaced() {
        assert_eq!(replace_lone_surrogates(r#"{"a": "x\ud800y"}"#), r#"{"a": "x\ufffdy"}"#);
        assert_eq!(replace_lone_surrogates(r#""\udc00\ud83d""#), r#""\ufffd\ufffd""#);
        let pair = r#""\ud83d\ude00 \\ud800 \u00e9""#;
        assert!(matches!(replace_lone_surrogates(pair), Cow::Borrowed(_)));
        assert!(!has_lone_surrogates(pair) && has_lone_surrogates(r#""\ud800 x""#));
        let v: serde_json::Value = serde_json::from_str(&replace_lone_surrogates(r#""a\uD800""#)).unwrap();
        assert_eq!(v, "a\u{FFFD}");
    }
}
