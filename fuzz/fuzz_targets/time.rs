//! The time grammar, `dateline::normalize_time`: an expression, optionally followed by a tab and
//! an anchor (any string: the anchor's own parser is fuzzed too). Without a tab it runs with no
//! anchor and with a fixed one. Checks: no panic, the same answer twice, a value that is a
//! non-empty single ASCII word (TimeML values have no spaces).
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check(expr: &str, anchor: Option<&str>) {
    let value = dateline::normalize_time(expr, anchor);
    if let Some(v) = &value {
        assert!(!v.is_empty(), "empty value for {expr:?} at {anchor:?}");
        assert!(v.is_ascii() && !v.contains(char::is_whitespace), "value {v:?} for {expr:?} at {anchor:?}");
    }
    assert_eq!(value, dateline::normalize_time(expr, anchor), "a second call differs");
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    match input.split_once('\t') {
        Some((expr, anchor)) => check(expr, Some(anchor)),
        None => {
            check(input, None);
            check(input, Some("2023-07-27"));
        }
    }
});
