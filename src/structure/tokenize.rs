//! News-aware tokens and sentences over the headline, dateline, body paragraphs and captions.
//!
//! A hand-written byte scanner (no regex per token): words keep their inner dots ("U.S.", "3.5",
//! "J.R.R."), hyphens ("Kim Jong-un", "1950-53", "COVID-19"), thousands commas ("155,221") and
//! name apostrophes ("O'Brien"); clitics ("'s", "n't") are split off; punctuation stands alone except
//! runs ("--", "...", "``", "''"); URLs and e-mail addresses are one token. Sentences end at `.`, `!`,
//! `?` (with any closing quote or bracket right behind), and after an abbreviation only when the next
//! word is one that starts sentences ("in the U.S. The next ...") rather than a name ("U.S. Treasury").
use super::abbrev::is_abbreviation;
use super::codes::{code_at, Code};
use super::sentences::split_sentences;
use crate::types::*;

/// Fills `art.tokens` and `art.sentences` from the parts `parse_structure` found, in text order.
/// Every span is a byte range into `art.text` (the original text); newlines inside a paragraph are
/// whitespace like any other.
pub fn annotate(art: &mut Article) {
    let mut parts: Vec<(Span, Section)> = Vec::with_capacity(art.paragraphs.len() + art.captions.len() + 2);
    if let Some(h) = art.headline {
        parts.push((h, Section::Headline));
    }
    if let Some(d) = &art.dateline {
        parts.push((d.span, Section::Dateline));
    }
    for (i, p) in art.paragraphs.iter().enumerate() {
        parts.push((p.span, Section::Body(i)));
    }
    for (i, c) in art.captions.iter().enumerate() {
        // Only the caption's descriptive words: "view larger image", the restriction and the credit
        // are metadata, already split into fields.
        let span = super::captions::caption_text_span(&art.text, c.span);
        parts.push((span, Section::Caption(i)));
    }
    for (i, &span) in art.credit_lines.iter().enumerate() {
        // A copyright line's words are its holder's: "c.2000" and "Copyright 2023" are not a name's.
        let holder = art.credits.iter().find(|c| c.line == i && c.role == CreditRole::Copyright);
        let span = holder.map_or(span, |c| Span::new(c.span.start.max(span.start), span.end));
        parts.push((span, Section::Credit(i)));
    }
    parts.sort_by_key(|(s, _)| s.start);

    let mut tokens = Vec::with_capacity(art.text.len() / 5);
    // About one sentence per 100 bytes of news text: room enough that the vector rarely grows.
    let mut sentences = Vec::with_capacity(art.text.len() / 100 + 2);
    // Tokens that may end a sentence, as the tokenizer finds them (see `tokenize_marked`).
    let mut enders = Vec::with_capacity(art.text.len() / 100 + 2);
    for (span, section) in parts {
        let first = tokens.len();
        let first_ender = enders.len();
        tokenize_marked(&art.text, span.start, span.end, &mut tokens, &mut enders);
        if section == Section::Dateline {
            // A dateline is a unit of its own, never split ("RICHMOND, Va. (AP) --").
            if tokens.len() > first {
                sentences.push(Sentence {
                    span: Span::new(tokens[first].span.start, tokens[tokens.len() - 1].span.end),
                    token_start: first,
                    token_end: tokens.len(),
                    section,
                });
            }
        } else {
            split_sentences(&art.text, &tokens, first, tokens.len(), section, &enders[first_ender..], &mut sentences);
        }
    }
    art.tokens = tokens;
    art.sentences = sentences;
}

/// Tokenizes any string the way `annotate` does; spans are byte ranges into `s`.
#[cfg(test)]
pub fn tokenize_str(s: &str) -> Vec<Span> {
    let mut toks = Vec::with_capacity(s.len() / 5 + 1);
    tokenize_range(s, 0, s.len(), &mut toks);
    toks.into_iter().map(|t| t.span).collect()
}

#[inline]
fn is_space_byte(c: u8) -> bool {
    // ASCII whitespace and control characters (NUL, form feeds, SGML leftovers like \x03) separate tokens.
    c <= b' ' || c == 0x7f
}

/// The char starting at byte `i` (which must be a char boundary).
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => ('\0', 1),
    }
}

#[inline]
fn is_word_char_at(text: &str, i: usize, end: usize) -> bool {
    if i >= end {
        return false;
    }
    let c = text.as_bytes()[i];
    if c < 0x80 {
        c.is_ascii_alphanumeric()
    } else {
        char_at(text, i).0.is_alphanumeric()
    }
}

/// ASCII letters and digits, as a table: the tokenizer's inner loop.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Bytes that end a word of ASCII letters and digits right where `scan_word` would end it, with
/// nothing more to look at: whitespace and controls, and punctuation other than the joiners
/// (`. , - & / @ _ + '`) and `:` ("http:"). Bytes from 0x80 up are not here (letters, "’").
static WORD_END: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = c <= b' '
            || c == 0x7f
            || (c.is_ascii_punctuation()
                && !matches!(c, b'.' | b',' | b'-' | b'&' | b'/' | b'@' | b'_' | b'+' | b'\'' | b':'));
        i += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits starting at `i` (`i` itself if none), eight
/// bytes at a time: most words end inside the first eight.
#[inline(always)]
fn ascii_alnum_end(b: &[u8], mut i: usize, end: usize) -> usize {
    while i + 8 <= end {
        let non = non_alnum_lanes(u64::from_le_bytes(b[i..i + 8].try_into().unwrap()));
        if non != 0 {
            return i + (non.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && ASCII_ALNUM[b[i] as usize] {
        i += 1;
    }
    i
}

/// The high bit of every byte of `x` that is not an ASCII letter or digit. Each byte is compared
/// with its high bit cleared, where adding at most 0x80 cannot carry into the next byte, so every
/// lane is exact; bytes from 0x80 up are flagged by their own high bit.
#[inline(always)]
fn non_alnum_lanes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let v = x & !HIGH;
    // High bit set where a lane is >= lo, and where it is <= hi (lanes below 0x80).
    let ge = |v: u64, lo: u64| v + ONES * (0x80 - lo);
    let le = |v: u64, hi: u64| !(v + ONES * (0x7f - hi));
    let digit = ge(v, b'0' as u64) & le(v, b'9' as u64);
    let w = v | (ONES * 0x20); // ASCII letters to lower case
    let letter = ge(w, b'a' as u64) & le(w, b'z' as u64);
    (!(digit | letter) | x) & HIGH
}

/// Could a word followed by ',' be the head of a thousands number ("155,221")? Only one to three
/// digits; `scan_word` decides.
#[inline]
fn thousands_head(w: &[u8]) -> bool {
    w.len() <= 3 && w.iter().all(u8::is_ascii_digit)
}

/// Byte length of the alphanumeric run starting at `i` (0 if none).
#[inline(always)]
fn alnum_run(text: &str, i: usize, end: usize) -> usize {
    let b = &text.as_bytes()[..end];
    let mut j = i;
    while j < end {
        let c = b[j];
        if ASCII_ALNUM[c as usize] {
            j += 1;
        } else if c < 0x80 {
            break;
        } else {
            let (ch, l) = char_at(text, j);
            if ch.is_alphanumeric() {
                j += l;
            } else {
                break;
            }
        }
    }
    j - i
}

/// Is the byte range an apostrophe (ASCII ' or U+2019 ’)? Returns its length.
#[inline]
fn apostrophe_len(b: &[u8], i: usize, end: usize) -> usize {
    if i < end && b[i] == b'\'' {
        1
    } else if i + 2 < end && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x99 {
        3
    } else {
        0
    }
}

const CLITICS: [&str; 6] = ["s", "re", "ll", "ve", "d", "m"];

/// Length of a clitic ("'s", "’re", ...) starting with the apostrophe at `i`, or 0.
fn clitic_len(text: &str, i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let al = apostrophe_len(b, i, end);
    if al == 0 {
        return 0;
    }
    let lr = alnum_run(text, i + al, end);
    if lr == 0 || lr > 2 || is_word_char_at(text, i + al + lr, end) {
        return 0;
    }
    let w = text[i + al..i + al + lr].to_ascii_lowercase();
    if CLITICS.contains(&w.as_str()) {
        al + lr
    } else {
        0
    }
}

/// A clitic standing alone after a space ("Boatmen 's"): followed by a space, the end or closing
/// punctuation, so a quoted word ("'d-day'") is not one.
fn spaced_clitic_len(text: &str, i: usize, end: usize) -> usize {
    let l = clitic_len(text, i, end);
    let b = text.as_bytes();
    if l > 0
        && (i + l == end
            || is_space_byte(b[i + l])
            || matches!(b[i + l], b',' | b'.' | b';' | b':' | b'!' | b'?' | b')' | b'"'))
    {
        l
    } else {
        0
    }
}

fn starts_with_ci(b: &[u8], i: usize, end: usize, pat: &[u8]) -> bool {
    i + pat.len() <= end && b[i..i + pat.len()].eq_ignore_ascii_case(pat)
}

/// Tokenizes `text[start..end]`, pushing tokens with absolute byte spans.
#[cfg(test)]
pub fn tokenize_range(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    tokenize_marked(text, start, end, out, &mut Vec::new());
}

/// Can the token end a sentence: does it end with '.', '!', '?' or "…" (whose last byte is 0xA6)?
#[inline]
pub(super) fn may_end_sentence(b: &[u8], t: Token) -> bool {
    matches!(b[t.span.end - 1], b'.' | b'!' | b'?' | 0xA6)
}

/// `tokenize_range`, also pushing to `enders` the index of every token that may end a sentence, so
/// that `split_sentences` looks at those only. A plain word (the fast path) never ends one.
fn tokenize_marked(text: &str, start: usize, end: usize, out: &mut Vec<Token>, enders: &mut Vec<usize>) {
    let b = text.as_bytes();
    let mark = |out: &Vec<Token>, from: usize, enders: &mut Vec<usize>| {
        for k in from..out.len() {
            if may_end_sentence(b, out[k]) {
                enders.push(k);
            }
        }
    };
    let end = end.min(b.len());
    let mut i = start;
    while i < end {
        let c = b[i];
        if c < 0x80 {
            if is_space_byte(c) {
                i += 1;
                continue;
            }
            if ASCII_ALNUM[c as usize] {
                // Fast path: most tokens are a run of ASCII letters and digits ended by a space or by
                // punctuation that `scan_word` would leave alone; anything else goes to `scan_word`.
                let j = ascii_alnum_end(b, i + 1, end);
                if j == end || WORD_END[b[j] as usize] || (b[j] == b',' && !thousands_head(&b[i..j])) {
                    out.push(Token { span: Span::new(i, j) });
                    // The space after a word is skipped here rather than by one more trip round the loop.
                    i = if j < end && b[j] == b' ' { j + 1 } else { j };
                } else {
                    let from = out.len();
                    i = scan_word(text, i, end, out);
                    mark(out, from, enders);
                }
                continue;
            }
            if c == b'.' && i + 1 < end && b[i + 1].is_ascii_digit() {
                let from = out.len();
                i = scan_word(text, i, end, out);
                mark(out, from, enders);
                continue;
            }
            if c == b'&' {
                // NYT typesetting codes: layout ("&HT;") is whitespace, a character ("&AMP;") a token.
                match code_at(b, i, end) {
                    Some((Code::Layout, l)) => {
                        i += l;
                        continue;
                    }
                    Some((Code::Char, l)) => {
                        out.push(Token { span: Span::new(i, i + l) });
                        i += l;
                        continue;
                    }
                    None => {}
                }
            }
            // Punctuation.
            let run_of = |ch: u8| {
                let mut j = i;
                while j < end && b[j] == ch {
                    j += 1;
                }
                j
            };
            let j = match c {
                // "U.K.'s": a clitic right after an abbreviation's dot.
                b'\'' if i > start && b[i - 1] == b'.' && clitic_len(text, i, end) > 0 => i + clitic_len(text, i, end),
                // "Boatmen 's": a clitic already split off by a space (tokenized copy) stays one token.
                b'\'' if (i == 0 || is_space_byte(b[i - 1])) && spaced_clitic_len(text, i, end) > 0 => {
                    i + spaced_clitic_len(text, i, end)
                }
                b'-' | b'.' | b'`' | b'=' | b'*' | b'_' => run_of(c),
                b'\'' if i + 1 < end && b[i + 1] == b'\'' => i + 2,
                b'&' if starts_with_ci(b, i, end, b"&#") => {
                    // A numeric SGML reference ("&#3;") left in the text is one token.
                    let mut j = i + 2;
                    while j < end && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    if j < end && b[j] == b';' && j > i + 2 {
                        j + 1
                    } else {
                        i + 1
                    }
                }
                _ => i + 1,
            };
            out.push(Token { span: Span::new(i, j) });
            mark(out, out.len() - 1, enders);
            i = j;
        } else {
            let (ch, l) = char_at(text, i);
            if ch.is_whitespace() {
                i += l;
            } else if ch.is_alphanumeric() {
                let from = out.len();
                i = scan_word(text, i, end, out);
                mark(out, from, enders);
            } else {
                // Curly quotes, dashes, ellipsis and other symbols: one token each ("U.K.’s" keeps its clitic).
                let cl = if ch == '’' && i > start && b[i - 1] == b'.' {
                    clitic_len(text, i, end)
                } else if ch == '’' && (i == 0 || is_space_byte(b[i - 1])) {
                    spaced_clitic_len(text, i, end)
                } else {
                    0
                };
                let l = if cl > 0 { cl } else { l };
                out.push(Token { span: Span::new(i, i + l) });
                mark(out, out.len() - 1, enders);
                i += l;
            }
        }
    }
}

/// Scans a word-like token starting at `ws`; returns the byte after it (clitic tokens included).
fn scan_word(text: &str, ws: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    // URLs: to the next space, without trailing sentence punctuation. (Most words start with
    // neither 'h' nor 'w': one test instead of three prefix comparisons.)
    if matches!(b[ws] | 0x20, b'h' | b'w')
        && (starts_with_ci(b, ws, end, b"http://")
            || starts_with_ci(b, ws, end, b"https://")
            || (starts_with_ci(b, ws, end, b"www.") && is_word_char_at(text, ws + 4, end)))
    {
        let mut j = ws;
        while j < end && !is_space_byte(b[j]) && !matches!(b[j], b'"' | b'<' | b'>') {
            j += 1;
        }
        while j > ws && !text.is_char_boundary(j) {
            j -= 1;
        }
        let mut e = j;
        // Trimming never removes a '(' so this holds for the whole loop (no rescans).
        let has_open = memchr::memchr(b'(', &b[ws..j]).is_some();
        loop {
            if e <= ws + 1 {
                break;
            }
            let last = b[e - 1];
            if matches!(last, b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') || last == b')' && !has_open {
                e -= 1;
            } else {
                break;
            }
        }
        out.push(Token { span: Span::new(ws, e) });
        return e;
    }

    let mut j = ws;
    if b[j] == b'.' {
        j += 1; // ".5"
    }
    let mut has_dot = false;
    let mut is_email = false;
    loop {
        let run = alnum_run(text, j, end);
        let run_start = j;
        j += run;
        if j >= end {
            break;
        }
        let next = b[j];
        if next <= b' ' {
            // The common case: a word followed by whitespace. Nothing more to look at.
            out.push(Token { span: Span::new(ws, j) });
            return j;
        }
        match next {
            b'.' if is_word_char_at(text, j + 1, end) => {
                has_dot = true;
                j += 1;
            }
            b',' if run > 0
                && run <= 3
                && b[run_start..j].iter().all(u8::is_ascii_digit)
                && j + 4 <= end
                && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                && (j + 4 == end || !b[j + 4].is_ascii_digit()) =>
            {
                // Thousands separator: 155,221 and 1,750,000 but not "4,340, 4,345".
                j += 1;
            }
            b'-' if run > 0 && is_word_char_at(text, j + 1, end) => j += 1,
            b'&' if run > 0 && b[j - 1].is_ascii_uppercase() && code_at(b, j, end).is_some() => {
                // "AT&AMP;T" is one word; "ROAD&QL;" ends at the code.
                match code_at(b, j, end) {
                    Some((Code::Char, l))
                        if b[j + 1..j + l - 1].eq_ignore_ascii_case(b"AMP")
                            && j + l < end
                            && b[j + l].is_ascii_uppercase() =>
                    {
                        j += l
                    }
                    _ => break,
                }
            }
            b'&' if run > 0 && b[j - 1].is_ascii_uppercase() && j + 1 < end && b[j + 1].is_ascii_uppercase() => {
                j += 1 // AT&T, S&P
            }
            b'/' if run > 0 && b[j - 1].is_ascii_digit() && j + 1 < end && b[j + 1].is_ascii_digit() => j += 1,
            b'@' if !is_email && j > ws && is_word_char_at(text, j + 1, end) => {
                // E-mail: the domain needs a dot; otherwise "@" is punctuation.
                let mut k = j + 1;
                let mut dot = false;
                while k < end && (b[k].is_ascii_alphanumeric() || b[k] == b'-' || b[k] == b'.') {
                    if b[k] == b'.' && k + 1 < end && b[k + 1].is_ascii_alphanumeric() {
                        dot = true;
                    }
                    k += 1;
                }
                if dot {
                    while b[k - 1] == b'.' || b[k - 1] == b'-' {
                        k -= 1;
                    }
                    is_email = true;
                    j = k;
                    break;
                }
                break;
            }
            b'_' | b'+' if run > 0 => {
                // Inside an e-mail local part ("lee_minji@..."); otherwise punctuation.
                // Local parts are short: looking at most 64 bytes ahead keeps "a_a_a_..." linear.
                let mut k = j;
                let limit = end.min(j + 64);
                while k < limit && (b[k].is_ascii_alphanumeric() || matches!(b[k], b'_' | b'+' | b'.' | b'-')) {
                    k += 1;
                }
                if k < end && b[k] == b'@' {
                    j = k;
                    continue;
                }
                break;
            }
            _ => {
                let al = apostrophe_len(b, j, end);
                if al > 0 && run > 0 {
                    let lr = alnum_run(text, j + al, end);
                    if lr == 0 {
                        break; // "workers'" -> the apostrophe is its own token
                    }
                    let after = &text[j + al..j + al + lr];
                    let follows_word = is_word_char_at(text, j + al + lr, end);
                    let lower = after.to_ascii_lowercase();
                    if !follows_word && lower == "t" && b[j - 1].eq_ignore_ascii_case(&b'n') && j - 1 > ws {
                        // "don't" -> "do" "n't"
                        out.push(Token { span: Span::new(ws, j - 1) });
                        out.push(Token { span: Span::new(j - 1, j + al + lr) });
                        return j + al + lr;
                    }
                    if !follows_word && CLITICS.contains(&lower.as_str()) {
                        out.push(Token { span: Span::new(ws, j) });
                        out.push(Token { span: Span::new(j, j + al + lr) });
                        return j + al + lr;
                    }
                    j += al; // O'Brien, Shi'ite
                    continue;
                }
                break;
            }
        }
    }
    // A trailing dot belongs to abbreviations and initials, and to a list number opening a line
    // ("3. Florian Schwarthoff (Germany) 13.36").
    if !is_email
        && j < end
        && b[j] == b'.'
        && (is_abbreviation(text, ws, j, has_dot, end) || list_number(text, ws, j, end))
    {
        j += 1;
    }
    out.push(Token { span: Span::new(ws, j) });
    j
}

/// `text[ws..we]` is a one- or two-digit number at the start of a line, followed by ". ".
fn list_number(text: &str, ws: usize, we: usize, end: usize) -> bool {
    let b = text.as_bytes();
    if we - ws > 2 || !b[ws..we].iter().all(u8::is_ascii_digit) || !(we + 1 < end && b[we + 1] == b' ') {
        return false;
    }
    let mut k = ws;
    while k > 0 && b[k - 1] == b' ' {
        k -= 1;
    }
    k == 0 || b[k - 1] == b'\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize_str(s).into_iter().map(|sp| &s[sp.start..sp.end]).collect()
    }

    #[test]
    fn alnum_lanes_match_the_table() {
        // Every byte value at every lane, among letters and punctuation.
        for c in 0..=255u8 {
            for lane in 0..8 {
                let mut w = *b"aZ09xQ7m";
                w[lane] = c;
                let want = (0..8).find(|&k| !ASCII_ALNUM[w[k] as usize]).unwrap_or(8);
                assert_eq!(ascii_alnum_end(&w, 0, 8), want, "byte {c:#x} at {lane}");
                let x = u64::from_le_bytes(w);
                for k in 0..8 {
                    let flagged = non_alnum_lanes(x) >> (8 * k + 7) & 1 == 1;
                    assert_eq!(flagged, !ASCII_ALNUM[w[k] as usize], "byte {c:#x} at {lane}, lane {k}");
                }
            }
        }
    }

    #[test]
    fn abbreviations_keep_their_dot() {
        assert_eq!(toks("the U.S. and Gen. Smith"), ["the", "U.S.", "and", "Gen.", "Smith"]);
        assert_eq!(toks("on Jan. 5 Mr. Lee Jr. left"), ["on", "Jan.", "5", "Mr.", "Lee", "Jr.", "left"]);
        assert_eq!(toks("J.R.R. Tolkien and J. Smith"), ["J.R.R.", "Tolkien", "and", "J.", "Smith"]);
        assert_eq!(toks("at 9 a.m. sharp"), ["at", "9", "a.m.", "sharp"]);
        assert_eq!(toks("RICHMOND, Va. (AP)"), ["RICHMOND", ",", "Va.", "(", "AP", ")"]);
    }

    #[test]
    fn sentence_final_dot_is_split() {
        assert_eq!(toks("He left."), ["He", "left", "."]);
        assert_eq!(toks("She said no."), ["She", "said", "no", "."]);
        assert_eq!(toks("They came second."), ["They", "came", "second", "."]);
    }

    #[test]
    fn no_before_numbers_only() {
        assert_eq!(toks("the No. 1 seed"), ["the", "No.", "1", "seed"]);
        assert_eq!(toks("He said No. Then"), ["He", "said", "No", ".", "Then"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(toks("3.5 pct of 155,221 bags"), ["3.5", "pct", "of", "155,221", "bags"]);
        assert_eq!(toks("at 4,340, 4,345 and 1,750,000"), ["at", "4,340", ",", "4,345", "and", "1,750,000"]);
        assert_eq!(toks("1,2 and 12,34"), ["1", ",", "2", "and", "12", ",", "34"]);
        assert_eq!(toks("$3.5 mln"), ["$", "3.5", "mln"]);
        assert_eq!(toks("4 1/2 pct"), ["4", "1/2", "pct"]);
        assert_eq!(toks("up .5 pct"), ["up", ".5", "pct"]);
    }

    #[test]
    fn list_numbers_keep_their_dot_at_line_start_only() {
        assert_eq!(
            toks("1. Tony Jarrett 13.35\n2. Ivan Ivanov"),
            ["1.", "Tony", "Jarrett", "13.35", "2.", "Ivan", "Ivanov"]
        );
        assert_eq!(toks("he won in 1996. Then"), ["he", "won", "in", "1996", ".", "Then"]);
        assert_eq!(toks("scored 3. He left"), ["scored", "3", ".", "He", "left"]);
        assert_eq!(toks("3.\nNext"), ["3", ".", "Next"]);
    }

    #[test]
    fn hyphenated_words_stay_whole() {
        assert_eq!(toks("the 1950-53 Korean War"), ["the", "1950-53", "Korean", "War"]);
        assert_eq!(toks("\"Weaponry Exhibition-2023\""), ["\"", "Weaponry", "Exhibition-2023", "\""]);
        assert_eq!(toks("Kim Jong-un and COVID-19"), ["Kim", "Jong-un", "and", "COVID-19"]);
        assert_eq!(toks("end -- and - so"), ["end", "--", "and", "-", "so"]);
        assert_eq!(toks("word- next"), ["word", "-", "next"]);
    }

    #[test]
    fn clitics_and_apostrophes() {
        assert_eq!(toks("Russia's army"), ["Russia", "'s", "army"]);
        assert_eq!(toks("Xi’s will"), ["Xi", "’s", "will"]);
        assert_eq!(toks("don't go"), ["do", "n't", "go"]);
        assert_eq!(toks("O'Brien and D'AFFLISIO"), ["O'Brien", "and", "D'AFFLISIO"]);
        assert_eq!(toks("workers' union"), ["workers", "'", "union"]);
        assert_eq!(toks("KOREA'S LEADER"), ["KOREA", "'S", "LEADER"]);
        assert_eq!(toks("the U.K.'s maker"), ["the", "U.K.", "'s", "maker"]);
        assert_eq!(toks("the U.S.’s role"), ["the", "U.S.", "’s", "role"]);
        assert_eq!(toks("said. 'so"), ["said", ".", "'", "so"]);
        // tokenized copy: a clitic after a space stays whole; a quoted word does not become one
        assert_eq!(toks("Boatmen 's Bancshares"), ["Boatmen", "'s", "Bancshares"]);
        assert_eq!(toks("I 'm here"), ["I", "'m", "here"]);
        assert_eq!(toks("the 'sun' and 'd-day'"), ["the", "'", "sun", "'", "and", "'", "d-day", "'"]);
    }

    #[test]
    fn quotes_and_dashes_split() {
        assert_eq!(toks("\"cordial atmosphere.\""), ["\"", "cordial", "atmosphere", ".", "\""]);
        assert_eq!(toks("“Yes,” he said—then left"), ["“", "Yes", ",", "”", "he", "said", "—", "then", "left"]);
        assert_eq!(toks("(L) and [C]"), ["(", "L", ")", "and", "[", "C", "]"]);
        assert_eq!(toks("``quoted''"), ["``", "quoted", "''"]);
        assert_eq!(toks("wait..."), ["wait", "..."]);
    }

    #[test]
    fn urls_and_emails_whole() {
        assert_eq!(toks("see http://www.example.com/a?b=1."), ["see", "http://www.example.com/a?b=1", "."]);
        assert_eq!(toks("(www.yna.co.kr)"), ["(", "www.yna.co.kr", ")"]);
        assert_eq!(toks("mail lee_m@yna.co.kr."), ["mail", "lee_m@yna.co.kr", "."]);
        assert_eq!(toks("@user and a@b"), ["@", "user", "and", "a", "@", "b"]);
        assert_eq!(toks("SPACE.com reported"), ["SPACE.com", "reported"]);
    }

    #[test]
    fn all_caps_headline() {
        assert_eq!(toks("U.S. TRADE DEFICIT WIDENS IN JAN."), ["U.S.", "TRADE", "DEFICIT", "WIDENS", "IN", "JAN."]);
        assert_eq!(toks("AT&T BUYS S&P UNIT"), ["AT&T", "BUYS", "S&P", "UNIT"]);
    }

    #[test]
    fn non_ascii_and_controls() {
        assert_eq!(toks("Zürich\u{0}café\u{3}naïve"), ["Zürich", "café", "naïve"]);
        assert_eq!(toks("a\u{a0}b 한국 …"), ["a", "b", "한국", "…"]);
        assert_eq!(toks(""), Vec::<&str>::new());
        assert_eq!(toks("   \n\t "), Vec::<&str>::new());
        assert_eq!(toks("end&#3;"), ["end", "&#3;"]);
    }
}
