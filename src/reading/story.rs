//! Shared, allocation-light views of an article for the reading stages (resolution, quotes, events):
//! an ASCII-lower-cased copy of the text (same byte offsets, so token slices line up) and a token ->
//! entity map, built once per stage in one linear pass.
use crate::types::*;

/// No entity covers this token.
pub(crate) const NONE: u32 = u32::MAX;

pub(crate) struct Doc<'a> {
    pub art: &'a Article,
    /// `art.text` with ASCII letters lower-cased; byte offsets are those of `art.text`. Built on the
    /// first `low()`: resolution reads only a few words and does without it.
    lower: std::cell::OnceCell<String>,
    /// For each token, the index of the entity that covers it whole, or `NONE`.
    pub ent_of_tok: Vec<u32>,
}

impl<'a> Doc<'a> {
    pub fn new(art: &'a Article) -> Doc<'a> {
        let lower = std::cell::OnceCell::new();
        let n = art.tokens.len();
        let mut ent_of_tok = vec![NONE; n];
        for (ei, e) in art.entities.iter().enumerate() {
            for t in e.token_start.min(n)..e.token_end.min(n) {
                // Entities inside one token ("DPRK" in "DPRK-China") do not own the token.
                if e.span.contains(art.tokens[t].span) {
                    ent_of_tok[t] = ei as u32;
                }
            }
        }
        Doc { art, lower, ent_of_tok }
    }
    /// A view of `art` from what an earlier stage's view of the same article worked out. Valid
    /// while the text, tokens and entities' spans are those that view saw.
    pub fn with_parts(art: &'a Article, parts: DocParts) -> Doc<'a> {
        debug_assert_eq!(parts.ent_of_tok.len(), art.tokens.len());
        Doc { art, lower: parts.lower, ent_of_tok: parts.ent_of_tok }
    }
    /// What this view worked out (the token -> entity map, the lower-cased text if built), for the
    /// next stage's view: quotes and events each read the whole story through one.
    pub fn into_parts(self) -> DocParts {
        DocParts { lower: self.lower, ent_of_tok: self.ent_of_tok }
    }
    pub fn len(&self) -> usize {
        self.art.tokens.len()
    }
    pub fn tok(&self, i: usize) -> &'a str {
        self.art.token_text(i)
    }
    /// The token lower-cased (ASCII).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        let s = self.art.tokens[i].span;
        &self.lower()[s.start..s.end]
    }
    /// The whole text lower-cased (ASCII), same byte offsets as `art.text`.
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.art.text.to_ascii_lowercase())
    }
    pub fn ent(&self, i: usize) -> Option<usize> {
        match self.ent_of_tok.get(i) {
            Some(&e) if e != NONE => Some(e as usize),
            _ => None,
        }
    }
    /// The entity that starts at token `i`.
    pub fn ent_starting(&self, i: usize) -> Option<usize> {
        self.ent(i).filter(|&e| self.art.entities[e].token_start == i)
    }
    /// The entity that ends with token `i` (its last token).
    pub fn ent_ending(&self, i: usize) -> Option<usize> {
        self.ent(i).filter(|&e| self.art.entities[e].token_end == i + 1)
    }
    /// A possessive clitic token: "'s", "’s", or a lone apostrophe after a plural.
    pub fn is_possessive(&self, i: usize) -> bool {
        i < self.len() && is_possessive(self.tok(i))
    }
    pub fn is_cap(&self, i: usize) -> bool {
        self.tok(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// A `Doc` without its article: see `Doc::into_parts`.
pub(crate) struct DocParts {
    lower: std::cell::OnceCell<String>,
    ent_of_tok: Vec<u32>,
}

pub(crate) fn is_possessive(t: &str) -> bool {
    matches!(t, "'s" | "’s" | "'S" | "'" | "’")
}

/// A hashed word list with a cheap pre-filter that turns most tokens away before hashing: lexicons
/// are tried on every token of a story. The filter is a bit table over a word's shape (its length,
/// first two bytes and last byte, together): tested apart, common shapes such as a word ending in
/// "s" pass whenever any listed word shares one of them, while together few words share all four.
pub(crate) struct Lexicon<V: 'static> {
    shapes: [u64; SHAPE_WORDS],
    map: rustc_hash::FxHashMap<&'static str, V>,
}

/// The shape table's size in 64-bit words (4,096 bits).
const SHAPE_WORDS: usize = 64;

/// A word's shape bit (a non-empty word): two words of a shape share it, others rarely do.
#[inline]
fn shape_bit(b: &[u8]) -> (usize, u64) {
    let n = b.len();
    let second = if n > 1 { b[1] } else { 0 };
    let k = (n.min(31) as u32) | (b[0] as u32) << 5 | (second as u32) << 13 | (b[n - 1] as u32) << 21;
    // Fibonacci hashing to 12 bits.
    let h = (k.wrapping_mul(0x9e37_79b9) >> 20) as usize;
    (h >> 6, 1 << (h & 63))
}

impl<V: Copy + 'static> Lexicon<V> {
    pub fn new(words: impl IntoIterator<Item = (&'static str, V)>) -> Lexicon<V> {
        let mut l = Lexicon { shapes: [0; SHAPE_WORDS], map: Default::default() };
        for (w, v) in words {
            let (i, bit) = shape_bit(w.as_bytes());
            l.shapes[i] |= bit;
            l.map.insert(w, v);
        }
        l
    }
    #[inline]
    pub fn get(&self, w: &str) -> Option<V> {
        let b = w.as_bytes();
        if b.is_empty() {
            return None;
        }
        let (i, bit) = shape_bit(b);
        if self.shapes[i] & bit == 0 {
            return None;
        }
        self.get_hashed(w)
    }
    /// The hash look-up, out of line: most tokens never get here.
    #[inline(never)]
    fn get_hashed(&self, w: &str) -> Option<V> {
        self.map.get(w).copied()
    }
}

/// An entity's name as the reading stages write it out: its canonical name, else its text as a name.
pub(crate) fn entity_name(art: &Article, e: usize) -> std::borrow::Cow<'_, str> {
    let ent = &art.entities[e];
    match ent.canonical.as_deref() {
        Some(c) => std::borrow::Cow::Borrowed(c),
        None => base_text(art, ent),
    }
}

/// An entity's text as a name: whitespace runs folded, a leading "the " and a trailing possessive dropped.
/// Borrowed from the text unless whitespace had to be folded (a name across a line break).
/// The common case is inlined (resolution calls this for every entity); text to check byte by byte
/// goes to `base_text_checked`.
#[inline(always)]
pub(crate) fn base_text<'a>(art: &'a Article, e: &Entity) -> std::borrow::Cow<'a, str> {
    // Most names are whole tokens one space apart: the token gaps tell, without reading every byte.
    if single_spaced_tokens(art, e) {
        return std::borrow::Cow::Borrowed(strip_name(art.slice(e.span)));
    }
    base_text_checked(art, e)
}

#[inline(never)]
fn base_text_checked<'a>(art: &'a Article, e: &Entity) -> std::borrow::Cow<'a, str> {
    let raw = art.slice(e.span);
    let b = raw.as_bytes();
    // One pass: other whitespace than single interior spaces, or a no-break space (C2 A0), needs folding.
    let n = b.len();
    let clean = b.iter().enumerate().all(|(i, &c)| match c {
        b' ' => i != 0 && i + 1 != n && b[i + 1] != b' ',
        0xC2 => b.get(i + 1) != Some(&0xA0),
        c => !c.is_ascii_whitespace(),
    });
    if clean {
        return std::borrow::Cow::Borrowed(strip_name(raw));
    }
    let mut s = String::with_capacity(raw.len());
    for (i, w) in raw.split_whitespace().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(w);
    }
    // Most folded names need no stripping: the folded string is kept as it is.
    let stripped = strip_name(&s);
    if stripped.len() == s.len() {
        return std::borrow::Cow::Owned(s);
    }
    std::borrow::Cow::Owned(stripped.to_string())
}

/// The entity spans whole tokens with nothing or one plain space between them (tokens hold no
/// whitespace, so the text needs no folding).
#[inline(always)]
fn single_spaced_tokens(art: &Article, e: &Entity) -> bool {
    let Some(toks) = art.tokens.get(e.token_start..e.token_end) else { return false };
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else { return false };
    if first.span.start != e.span.start || last.span.end != e.span.end {
        return false;
    }
    let b = art.text.as_bytes();
    toks.windows(2).all(|w| match w[1].span.start - w[0].span.end {
        0 => true,
        1 => b[w[0].span.end] == b' ',
        _ => false,
    })
}

/// Drops a leading "the " and a trailing possessive ("Xi's" -> "Xi", "the U.S." -> "U.S.").
#[inline(always)]
pub(crate) fn strip_name(s: &str) -> &str {
    // Names rarely carry outer whitespace: ASCII non-space bytes at both ends spare the Unicode trim.
    let plain_ends = |b: &[u8]| match (b.first(), b.last()) {
        (Some(f), Some(l)) => f.is_ascii_graphic() && l.is_ascii_graphic(),
        _ => false,
    };
    let b = s.as_bytes();
    let mut s = if plain_ends(b) {
        // Nothing to strip unless the name starts like "the" or ends like a possessive: most names
        // are done after two byte tests.
        let (first, last) = (b[0], b[b.len() - 1]);
        if !matches!(first, b't' | b'T') && !matches!(last, b's' | b'S' | b'\'' | 0x99) {
            return s;
        }
        s
    } else {
        s.trim()
    };
    // Byte tests: this runs once per entity, and the prefixes and suffixes are ASCII (or "’").
    let b = s.as_bytes();
    if b.len() > 4 && matches!(&b[..4], b"the " | b"The " | b"THE ") {
        s = &s[4..];
    }
    let b = s.as_bytes();
    let n = b.len();
    if n > 2 && (b[n - 2] == b'\'' && (b[n - 1] == b's' || b[n - 1] == b'S')) {
        return s[..n - 2].trim_end();
    }
    if n > 4 && b[n - 1] == b's' && b.ends_with("’s".as_bytes()) {
        return s[..n - 4].trim_end();
    }
    // "Hawks'" -> "Hawks" (plural possessive) but keep "Workers' Party" whole: only a final apostrophe.
    if n > 1 && b[n - 1] == b'\'' && b[n - 2] == b's' {
        return &s[..n - 1];
    }
    if n > 3 && b.ends_with("s’".as_bytes()) {
        return &s[..n - 3];
    }
    s
}

/// Index of the sentence holding byte offset `pos`, by binary search over sentence spans.
pub(crate) fn sentence_at(art: &Article, pos: usize) -> Option<usize> {
    let i = art.sentences.partition_point(|s| s.span.start <= pos);
    if i == 0 {
        return None;
    }
    let s = &art.sentences[i - 1];
    (pos < s.span.end.max(s.span.start + 1)).then_some(i - 1)
}

/// Index of the sentence holding token `t`.
pub(crate) fn sentence_of_token(art: &Article, t: usize) -> Option<usize> {
    let i = art.sentences.partition_point(|s| s.token_start <= t);
    if i == 0 {
        return None;
    }
    (t < art.sentences[i - 1].token_end).then_some(i - 1)
}

/// Labels of proper names (people, organisations, places, ...): the ones clusters and events are about.
pub(crate) fn is_name_label(l: Label) -> bool {
    !matches!(
        l,
        Label::Date
            | Label::Time
            | Label::Duration
            | Label::Set
            | Label::Money
            | Label::Percent
            | Label::Quantity
            | Label::Ordinal
            | Label::Cardinal
    )
}

/// Words that may stand between a subject and its verb without changing who acts:
/// auxiliaries and adverbs of time and manner ("Kim has also met", "Li later said").
pub(crate) fn is_aux_or_adverb(low: &str) -> bool {
    matches!(
        low,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "earlier"
            | "then"
            | "separately"
            | "reportedly"
            | "previously"
            | "again"
            | "recently"
            | "once"
            | "first"
            | "personally"
            | "jointly"
            | "formally"
            | "officially"
            | "repeatedly"
            | "further"
            | "publicly"
            | "privately"
            | "briefly"
            | "finally"
            | "already"
            | "subsequently"
            | "reportedly,"
            | "allegedly"
            | "directly"
            | "warmly"
            | "specifically"
            | "openly"
            | "just"
    )
}

/// Modal auxiliaries ("will back", "could say"), contracted ones included.
pub(crate) fn is_modal(low: &str) -> bool {
    matches!(low, "will" | "would" | "could" | "can" | "may" | "might" | "should" | "must" | "shall" | "'ll" | "'d")
}

/// Words that make a statement not a fact that happened (negation, modality, futurity).
pub(crate) fn is_irrealis(low: &str) -> bool {
    is_modal(low)
        || matches!(
            low,
            "not"
                | "n't"
                | "never"
                | "to"
                | "wo"
                | "ca"
                | "cannot"
                | "did"
                | "does"
                | "do"
                | "if"
                | "unless"
                | "whether"
        )
}

/// Personal pronouns that can stand for a person as a subject.
pub(crate) fn is_person_pronoun(low: &str) -> bool {
    matches!(low, "he" | "she")
}

pub(crate) fn is_determiner(low: &str) -> bool {
    matches!(low, "a" | "an" | "the" | "his" | "her" | "its" | "their" | "this" | "that" | "these" | "those")
}

/// Quotation-mark tokens, straight, curly and PTB-style.
pub(crate) fn is_quote_mark(t: &str) -> bool {
    matches!(t, "\"" | "“" | "”" | "``" | "''" | "‘" | "’" | "«" | "»")
}

/// Cheap medium test on a canonical name: a news agency, broadcaster or paper is a cited source, not a speaker.
pub(crate) fn is_medium(name: &str) -> bool {
    // Each word lower-cased into a buffer on the stack and matched as bytes: the quotes ask this of
    // many names, and a lower-cased copy of each cost an allocation. No listed word is longer.
    fn lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
        let b = w.as_bytes();
        let out = buf.get_mut(..b.len())?;
        for (d, s) in out.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        Some(out)
    }
    let mut buf = [0u8; 16];
    if lower(name, &mut buf).is_some_and(|l| {
        matches!(
            l,
            b"kcna"
                | b"yonhap"
                | b"xinhua"
                | b"tass"
                | b"ria"
                | b"afp"
                | b"ap"
                | b"cnn"
                | b"bbc"
                | b"nhk"
                | b"kyodo"
                | b"bloomberg"
                | b"interfax"
                | b"aljazeera"
                | b"al jazeera"
                | b"upi"
        )
    }) {
        return true;
    }
    name.split(|c: char| !c.is_alphanumeric()).any(|w| {
        lower(w, &mut buf).is_some_and(|l| {
            matches!(
                l,
                b"news"
                    | b"agency"
                    | b"television"
                    | b"tv"
                    | b"radio"
                    | b"broadcasting"
                    | b"broadcast"
                    | b"press"
                    // French agencies' names: "Agence France-Presse" is the AFP a story expands.
                    | b"presse"
                    | b"agence"
                    | b"times"
                    | b"post"
                    | b"journal"
                    | b"daily"
                    | b"herald"
                    | b"gazette"
                    | b"tribune"
                    | b"newspaper"
                    | b"sinmun"
                    | b"media"
                    | b"telegraph"
                    | b"chronicle"
                    | b"wire"
                    | b"reuters"
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn strips_names() {
        assert_eq!(strip_name("Xi's"), "Xi");
        assert_eq!(strip_name("the U.S."), "U.S.");
        assert_eq!(strip_name("Hawks'"), "Hawks");
        assert_eq!(strip_name("Workers' Party"), "Workers' Party");
        assert_eq!(strip_name("the"), "the");
    }
    #[test]
    fn media() {
        assert!(is_medium("Korean Central News Agency"));
        assert!(is_medium("Rodong Sinmun"));
        assert!(is_medium("Yonhap"));
        assert!(!is_medium("Chinese Communist Party"));
        assert!(!is_medium("Sergei Shoigu"));
        // Any ASCII case, whole names and words only.
        assert!(is_medium("XINHUA"));
        assert!(is_medium("Al Jazeera"));
        assert!(is_medium("the Washington POST"));
        assert!(!is_medium("Postal Service"));
        assert!(!is_medium("Apple"));
        assert!(is_medium("Korean-Broadcasting-System"));
        assert!(!is_medium("Telecommunications Authority"));
        assert!(!is_medium(""));
    }
    #[test]
    fn lexicon_finds_its_words_only() {
        let words = ["met", "talks", "re-elected", "a", "ab", "Über", "negotiations", "x-y"];
        let lex = Lexicon::new(words.iter().enumerate().map(|(i, w)| (*w, i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(lex.get(w), Some(i), "{w}");
        }
        // Same shapes as listed words (length, first two and last bytes), and other words.
        for w in ["mat", "tasks", "re-enacted", "b", "ac", "Übel", "negotiatiens", "", "the", "said", "x-z"] {
            assert_eq!(lex.get(w), None, "{w}");
        }
    }
}
