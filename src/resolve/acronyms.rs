//! Acronyms: defined in the story ("Korean Central News Agency (KCNA)"), present with their long form
//! (initials match), or well known (gazetteer). The long form of a definition is found with the
//! Schwartz-Hearst rule: the short form's letters are matched right to left inside the words before the
//! parenthesis, the first letter at the start of a word ("intercontinental ballistic missiles (ICBM)").
use super::lex::Doc;
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
pub(crate) fn looks_like_acronym(s: &str) -> bool {
    let n = s.len();
    if !(2..=10).contains(&n) {
        return false;
    }
    let body = s.strip_suffix('s').filter(|b| b.len() >= 2).unwrap_or(s);
    let (mut caps, mut digits) = (0, 0);
    for c in body.chars() {
        if c.is_ascii_uppercase() {
            caps += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
        } else if !matches!(c, '.' | '&' | '-') {
            return false;
        }
    }
    (caps >= 2 || caps == 1 && digits > 0) && body.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// Finds "long form (SHORT)" definitions, sentence by sentence.
pub(crate) fn definitions(doc: &Doc) -> Vec<Definition> {
    let art = doc.art;
    let mut out = Vec::new();
    // Visit only the opening parentheses (memchr), each mapped to its token and sentence.
    for pos in memchr::memchr_iter(b'(', art.text.as_bytes()) {
        let i = art.tokens.partition_point(|t| t.span.start < pos);
        if i + 2 >= doc.len() || art.tokens[i].span.start != pos {
            continue;
        }
        if doc.tok(i) == "(" && doc.tok(i + 2) == ")" && looks_like_acronym(doc.tok(i + 1)) {
            let Some(si) = super::lex::sentence_of_token(art, i) else { continue };
            let s = &art.sentences[si];
            if i + 2 >= s.token_end {
                continue;
            }
            if let Some(d) = define(doc, s.token_start, i) {
                out.push(d);
            }
        }
    }
    out
}

/// The long form ending just before the "(" at token `open`, searched no further back than `floor`.
fn define(doc: &Doc, floor: usize, open: usize) -> Option<Definition> {
    let short = doc.tok(open + 1);
    let letters: Vec<char> =
        short.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    // Drop a plural "s" ("ICBMs"): it has no word of its own in the long form.
    let letters: &[char] = if letters.len() > 2 && short.ends_with('s') { &letters[..letters.len() - 1] } else { &letters };
    let max_words = (letters.len() + 5).min(letters.len() * 2);
    // Candidate window: up to max_words word tokens before "(", stopping at punctuation that ends a phrase.
    let mut first = open;
    let mut words = 0;
    while first > floor && words < max_words {
        let t = doc.tok(first - 1);
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
    let text = &doc.art.text;
    let start = doc.art.tokens[first].span.start;
    let end = doc.art.tokens[open - 1].span.end;
    let window = &text[start..end];
    let chars: Vec<(usize, char)> = window.char_indices().collect();
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
    let long_start = start + chars[li as usize].0;
    let long = &text[long_start..end];
    // A long form is more than the acronym again and starts a word.
    if long.split_whitespace().count() < 2 && long.len() <= short.len() + 1 {
        return None;
    }
    Some(Definition {
        short: short.to_string(),
        long: long.split_whitespace().collect::<Vec<_>>().join(" "),
        long_span: Span::new(long_start, end),
        short_span: doc.art.tokens[open + 1].span,
    })
}

/// Initials of a multi-word name, function words skipped ("North Atlantic Treaty Organization" -> "NATO").
/// Whether `name`'s initials are exactly `letters` (upper-case, as `letters` gives them), without
/// building the initials: most names differ at their first word.
pub(crate) fn initials_are(name: &str, letters: &str) -> bool {
    // A capital first letter is the first initial (the skipped words are lower-case): the common
    // mismatch is decided without splitting.
    if let (Some(&f), Some(&l)) = (name.as_bytes().first(), letters.as_bytes().first()) {
        if f.is_ascii_uppercase() && f != l {
            return false;
        }
    }
    let mut want = letters.chars();
    for c in initial_chars(name) {
        if want.next() != Some(c) {
            return false;
        }
    }
    want.next().is_none()
}

fn initial_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "&" | "de" | "on" | "in" | "to"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_uppercase())
}

/// The acronym's letters, upper-cased, dots dropped ("U.N." -> "UN").
#[cfg(test)]
pub(crate) fn letters(short: &str) -> String {
    short.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// `letters` written into `buf`, for a short form that `looks_like_acronym` (ASCII, at most 10 bytes):
/// this runs for every acronym-shaped name, and a heap string each time showed in profiles.
pub(crate) fn letters_in<'b>(short: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let mut n = 0;
    for &c in short.as_bytes().iter().filter(|c| c.is_ascii_alphanumeric()).take(buf.len()) {
        buf[n] = c.to_ascii_uppercase();
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert!(initials_are("Organization of the Petroleum Exporting Countries", "OPEC"));
        assert_eq!(letters("U.S."), "US");
        let mut buf = [0u8; 16];
        assert_eq!(letters_in("U.S.", &mut buf), "US");
        assert_eq!(letters_in("ICBMs", &mut buf), letters("ICBMs"));
        assert!(initials_are("North Atlantic Treaty Organization", "NATO"));
        assert!(!initials_are("North Atlantic Treaty", "NATO"));
        assert!(!initials_are("North Atlantic Treaty Organization Summit", "NATO"));
        assert!(!initials_are("Korean Central News Agency", "NATO"));
    }
}
