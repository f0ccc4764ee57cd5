//! Acronyms: defined in the story ("Korean Central News Agency (KCNA)"), present with their long form
//! (initials match), or well known (gazetteer). The long form of a definition is found with the
//! Schwartz-Hearst rule: the short form's letters are matched right to left inside the words before the
//! parenthesis, the first letter at the start of a word ("intercontinental ballistic missiles (ICBM)").
use crate::gazetteer::{gazetteer, KnownAcronym};
use crate::types::*;

/// An acronym defined in the story.
#[derive(Debug, Clone)]
pub(crate) struct Definition {
    pub short: String,
    /// The long form as written.
    pub long: String,
    /// Byte span of the long form.
    pub long_span: Span,
    /// Byte span of the short form inside the parentheses.
    pub short_span: Span,
}

/// Looks like an acronym: 2 to 10 characters, letters (and dots, digits, '&', '-'), at least two capitals and
/// no lower-case letter other than a plural "s" ("ICBMs"); one capital with digits ("G7") counts.
/// Read as bytes: every allowed character is ASCII, so any other byte rules the word out.
pub(crate) fn looks_like_acronym(s: &str) -> bool {
    let b = s.as_bytes();
    if !(2..=10).contains(&b.len()) {
        return false;
    }
    let body = b.strip_suffix(b"s").filter(|x| x.len() >= 2).unwrap_or(b);
    if !body[0].is_ascii_uppercase() {
        return false;
    }
    let (mut caps, mut digits) = (0, 0);
    for &c in body {
        if c.is_ascii_uppercase() {
            caps += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
        } else if !matches!(c, b'.' | b'&' | b'-') {
            return false;
        }
    }
    caps >= 2 || caps == 1 && digits > 0
}

/// A well-known acronym by its short form as written: the gazetteer's look-up behind a filter on the
/// short forms' first two bytes, last byte and length, which turns away nearly every other word (the
/// capitals of headlines, "CLEVELAND") before hashing. The filter is built from the gazetteer's own list,
/// so it never turns away one of its acronyms (bytes are folded into the bit ranges, so other words can
/// only pass more often, never less).
#[inline]
pub(crate) fn known(s: &str) -> Option<&'static KnownAcronym> {
    struct Filter {
        /// Bit `b1 % 64` of `pairs[b0 % 32]`: some short form starts with bytes b0, b1.
        pairs: [u64; 32],
        /// Bit `b % 64`: some short form ends with byte b.
        last: u64,
        /// Bit `min(len, 63)`: some short form has this length.
        lens: u64,
    }
    fn bits(b: &[u8]) -> (usize, u64, u64, u64) {
        let (b0, b1, last) =
            (b.first().copied().unwrap_or(0), b.get(1).copied().unwrap_or(0), b.last().copied().unwrap_or(0));
        ((b0 % 32) as usize, 1 << (b1 % 64), 1 << (last % 64), 1 << b.len().min(63))
    }
    static FILTER: std::sync::LazyLock<Filter> = std::sync::LazyLock::new(|| {
        let mut f = Filter { pairs: [0; 32], last: 0, lens: 0 };
        for k in &gazetteer().known_acronyms {
            let (row, pair, last, len) = bits(k.short.as_bytes());
            f.pairs[row] |= pair;
            f.last |= last;
            f.lens |= len;
        }
        f
    });
    let f = &*FILTER;
    let (row, pair, last, len) = bits(s.as_bytes());
    if f.pairs[row] & pair != 0 && f.last & last != 0 && f.lens & len != 0 {
        gazetteer().acronym(s)
    } else {
        None
    }
}

/// Finds "long form (SHORT)" definitions, sentence by sentence.
pub(crate) fn definitions(art: &Article) -> Vec<Definition> {
    let mut out = Vec::new();
    let len = art.tokens.len();
    // Visit only the opening parentheses (memchr), each mapped to its token and sentence.
    for pos in memchr::memchr_iter(b'(', art.text.as_bytes()) {
        let i = art.tokens.partition_point(|t| t.span.start < pos);
        if i + 2 >= len || art.tokens[i].span.start != pos {
            continue;
        }
        if art.token_text(i) == "(" && art.token_text(i + 2) == ")" && looks_like_acronym(art.token_text(i + 1)) {
            let Some(si) = super::story::sentence_of_token(art, i) else { continue };
            let s = &art.sentences[si];
            if i + 2 >= s.token_end {
                continue;
            }
            if let Some(d) = define(art, s.token_start, i) {
                out.push(d);
            }
        }
    }
    out
}

/// The long form ending just before the "(" at token `open`, searched no further back than `floor`.
fn define(art: &Article, floor: usize, open: usize) -> Option<Definition> {
    let short = art.token_text(open + 1);
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    // Drop a plural "s" ("ICBMs"): it has no word of its own in the long form.
    let letters: &[char] =
        if letters.len() > 2 && short.ends_with('s') { &letters[..letters.len() - 1] } else { &letters };
    let max_words = (letters.len() + 5).min(letters.len() * 2);
    // Candidate window: up to max_words word tokens before "(", stopping at punctuation that ends a phrase.
    let mut first = open;
    let mut words = 0;
    while first > floor && words < max_words {
        let t = art.token_text(first - 1);
        if matches!(t, "(" | ")" | ";" | ":" | "," | "\"" | "“" | "”" | "--" | "—") {
            break;
        }
        first -= 1;
        if t.chars().any(char::is_alphanumeric) {
            words += 1;
        }
    }
    if first == open {
        return None;
    }
    let text = &art.text;
    let start = art.tokens[first].span.start;
    let end = art.tokens[open - 1].span.end;
    let window = &text[start..end];
    let chars: Vec<(usize, char)> = window.char_indices().collect();
    // Each letter a word's initial first ("Export Enhancement Program (EEP)", not "Enhancement
    // Program" with a letter from inside a word); only when no such reading exists, letters from
    // inside words ("NYMEX" of "New York Mercantile Exchange").
    let long_start = match initials_start(&chars, letters) {
        Some(k) => start + chars[k].0,
        None => start + chars[loose_start(&chars, letters)?].0,
    };
    let long = &text[long_start..end];
    // A long form is more than the acronym again and starts a word.
    if long.split_whitespace().count() < 2 && long.len() <= short.len() + 1 {
        return None;
    }
    Some(Definition {
        short: short.to_string(),
        long: long.split_whitespace().collect::<Vec<_>>().join(" "),
        long_span: Span::new(long_start, end),
        short_span: art.tokens[open + 1].span,
    })
}

/// Where the long form starts (an index into `chars`) when every letter of the acronym is a word's
/// initial, read from the right: function words ("of", "the", "and") are passed over when they can
/// be ("Organization of the Petroleum Exporting Countries" for OPEC), and give a letter when they
/// must ("Department of Defense" for DOD).
fn initials_start(chars: &[(usize, char)], letters: &[char]) -> Option<usize> {
    let mut words: Vec<(usize, char, bool)> = Vec::new(); // (start, initial, is a function word)
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1.is_alphanumeric() && (k == 0 || !chars[k - 1].1.is_alphanumeric()) {
            let mut e = k;
            while e < chars.len() && chars[e].1.is_alphanumeric() {
                e += 1;
            }
            let w: String = chars[k..e].iter().map(|c| c.1).collect();
            // A possessive's "s" ("People's Liberation Army") gives no letter either.
            let possessive = k > 0 && matches!(chars[k - 1].1, '\'' | '’') && w == "s";
            words.push((k, chars[k].1.to_ascii_lowercase(), possessive || is_function_word(w.as_bytes())));
            k = e;
        } else {
            k += 1;
        }
    }
    for function_letters in [false, true] {
        let mut w = words.len();
        let mut ok = true;
        for &c in letters.iter().rev() {
            loop {
                if w == 0 {
                    ok = false;
                    break;
                }
                w -= 1;
                let (_, initial, function) = words[w];
                if initial == c && (!function || function_letters) {
                    break;
                }
                if !function {
                    ok = false;
                    break;
                }
            }
            if !ok {
                break;
            }
        }
        if ok {
            return Some(words[w].0);
        }
    }
    None
}

/// Where the long form starts when the acronym's letters are read from the right anywhere in the
/// words, the first letter at a word's start.
fn loose_start(chars: &[(usize, char)], letters: &[char]) -> Option<usize> {
    let mut li = chars.len() as isize - 1;
    for (si, &c) in letters.iter().enumerate().rev() {
        loop {
            if li < 0 {
                return None;
            }
            let (_, lc) = chars[li as usize];
            let word_start = li == 0 || !chars[li as usize - 1].1.is_alphanumeric();
            if lc.to_ascii_lowercase() == c && (si > 0 || word_start) {
                break;
            }
            li -= 1;
        }
        if si > 0 {
            li -= 1;
        }
    }
    Some(li as usize)
}

/// Initials of a multi-word name, function words skipped ("North Atlantic Treaty Organization" -> "NATO").
/// Whether `name`'s initials are exactly `letters` (ASCII upper-case, as `letters_in` gives them), without
/// building the initials: most names differ at their first word.
pub(crate) fn initials_are(name: &str, letters: &[u8]) -> bool {
    if !may_start_initials(name, letters) {
        return false;
    }
    if let Some(same) = ascii_initials_are(name.as_bytes(), letters) {
        return same;
    }
    let mut want = letters.iter().map(|&b| b as char);
    for c in initial_chars(name) {
        if want.next() != Some(c) {
            return false;
        }
    }
    want.next().is_none()
}

/// The cheap first test of `initials_are`: a capital first letter is the first initial (the skipped
/// words are lower-case), so the common mismatch is decided without splitting.
#[inline]
pub(crate) fn may_start_initials(name: &str, letters: &[u8]) -> bool {
    match (name.as_bytes().first(), letters.first()) {
        (Some(&f), Some(&l)) => !f.is_ascii_uppercase() || f == l,
        _ => true,
    }
}

/// `initials_are` read byte by byte, for it runs for every pair of an acronym-shaped name and a name of
/// several words. The words, the skipped function words and the initials are those of `initial_chars`
/// as long as the name is ASCII; at the first other byte (which may be a Unicode space) it gives up
/// (None), unless a word before it has already ruled the name out.
fn ascii_initials_are(name: &[u8], letters: &[u8]) -> Option<bool> {
    // `char::is_whitespace` on ASCII: tab to carriage return, and space.
    let is_sep = |c: u8| matches!(c, b'\t'..=b'\r' | b' ' | b'-');
    let mut want = letters.iter();
    let mut i = 0;
    while i < name.len() {
        let c = name[i];
        if is_sep(c) {
            i += 1;
            continue;
        }
        // No function word starts with a capital: a capital is an initial before the word is read.
        let capital = c.is_ascii_uppercase();
        if capital && want.next() != Some(&c) {
            return Some(false);
        }
        let start = i;
        while i < name.len() && !is_sep(name[i]) {
            if !name[i].is_ascii() {
                return None;
            }
            i += 1;
        }
        if !capital
            && c.is_ascii_alphabetic()
            && !is_function_word(&name[start..i])
            && want.next() != Some(&c.to_ascii_uppercase())
        {
            return Some(false);
        }
    }
    Some(want.next().is_none())
}

fn is_function_word(w: &[u8]) -> bool {
    matches!(w, b"of" | b"the" | b"and" | b"for" | b"&" | b"de" | b"on" | b"in" | b"to")
}

pub(crate) fn initial_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !is_function_word(w.as_bytes()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_uppercase())
}

/// `initial_chars` of an ASCII name, read as bytes (the same words, skipped words and initials): the
/// names stage keys every name of several words by its initials.
pub(crate) fn ascii_initials(name: &[u8]) -> impl Iterator<Item = u8> + '_ {
    // `char::is_whitespace` on ASCII: tab to carriage return, and space.
    name.split(|&c| matches!(c, b'\t'..=b'\r' | b' ' | b'-'))
        .filter(|w| !is_function_word(w))
        .filter_map(|w| w.first().copied())
        .filter(u8::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
}

/// The acronym's letters, upper-cased, dots dropped ("U.N." -> "UN").
#[cfg(test)]
pub(crate) fn letters(short: &str) -> String {
    short.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// `letters` written into `buf`, for a short form that `looks_like_acronym` (ASCII, at most 10 bytes):
/// this runs for every acronym-shaped name, and a heap string each time showed in profiles.
pub(crate) fn letters_in<'b>(short: &str, buf: &'b mut [u8; 16]) -> &'b [u8] {
    let mut n = 0;
    for &c in short.as_bytes().iter().filter(|c| c.is_ascii_alphanumeric()).take(buf.len()) {
        buf[n] = c.to_ascii_uppercase();
        n += 1;
    }
    &buf[..n]
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn ascii_initials_are_initial_chars() {
        for name in [
            "North Atlantic Treaty Organization",
            "Department of Defense",
            "Winston-Salem  Journal",
            "the Bank\tof\nEngland",
            "People's Liberation Army",
            "3M Co - 1987",
            "",
            " - ",
        ] {
            let bytes: String = ascii_initials(name.as_bytes()).map(char::from).collect();
            assert_eq!(bytes, initial_chars(name).collect::<String>(), "{name:?}");
        }
    }

    #[test]
    fn long_forms_take_whole_words_first() {
        let text = "Sales under the Export Enhancement Program (EEP) rose. The Department of Defense (DOD) and the \
                    Organization of the Petroleum Exporting Countries (OPEC) met the People's Liberation Army (PLA) \
                    and the New York Mercantile Exchange (NYMEX).";
        let mut art = crate::structure::parse_structure(text, &ParseOptions::default());
        crate::structure::tokenize::annotate(&mut art);
        let got: Vec<(String, String)> = definitions(&art).into_iter().map(|d| (d.short, d.long)).collect();
        let want = [
            ("EEP", "Export Enhancement Program"),
            ("DOD", "Department of Defense"),
            ("OPEC", "Organization of the Petroleum Exporting Countries"),
            ("PLA", "People's Liberation Army"),
            ("NYMEX", "New York Mercantile Exchange"),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn acronym_shapes() {
        for s in ["KCNA", "U.N.", "ICBMs", "G7", "AT&T", "COVID-19"] {
            assert!(looks_like_acronym(s), "{s}");
        }
        for s in ["Kim", "I", "A", "Seoul", "(", "1950-53", "ICBMS-long-word"] {
            assert!(!looks_like_acronym(s), "{s}");
        }
    }
    #[test]
    fn initials_skip_function_words() {
        assert!(initials_are("Organization of the Petroleum Exporting Countries", b"OPEC"));
        assert_eq!(letters("U.S."), "US");
        let mut buf = [0u8; 16];
        assert_eq!(letters_in("U.S.", &mut buf), b"US");
        assert_eq!(letters_in("ICBMs", &mut buf), letters("ICBMs").as_bytes());
        assert!(initials_are("North Atlantic Treaty Organization", b"NATO"));
        assert!(!initials_are("North Atlantic Treaty", b"NATO"));
        assert!(!initials_are("North Atlantic Treaty Organization Summit", b"NATO"));
        assert!(!initials_are("Korean Central News Agency", b"NATO"));
    }
}
