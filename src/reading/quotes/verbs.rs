//! Reporting verbs ("said", "added", "told"), as a hashed set behind a cheap filter on the token
//! as written.
use crate::reading::story;

/// Reporting verbs, lower-cased. Forms that are more often nouns ("reports", "claims") are left out.
/// A hashed set behind a filter on the token as written: for its length, which first and which last
/// letters a verb may have. This runs on every token of a sentence near a quote, and the filter turns
/// nearly all away before they are lower-cased and hashed.
pub(super) struct Verbs {
    pub(super) set: story::Lexicon<()>,
    /// Per length: the `letter_bit`s of the first letters of the verbs that long.
    first: [u32; VERB_MAX + 1],
    /// Per length: the same for the last letters.
    last: [u32; VERB_MAX + 1],
}

/// Longest reporting verb ("acknowledged").
const VERB_MAX: usize = 12;

/// A bit for a byte, the same for a letter in either case (other bytes share the letters' bits: the
/// filter may let a few through that the set then turns away).
#[inline]
fn letter_bit(c: u8) -> u32 {
    1 << (c & 31)
}

pub(super) fn verbs() -> &'static Verbs {
    static SET: std::sync::OnceLock<Verbs> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut v = Verbs {
            set: story::Lexicon::new(REPORTING_VERBS.iter().map(|w| (*w, ()))),
            first: [0; VERB_MAX + 1],
            last: [0; VERB_MAX + 1],
        };
        for w in REPORTING_VERBS {
            let b = w.as_bytes();
            assert!(b.len() <= VERB_MAX && b.iter().all(u8::is_ascii_lowercase), "reporting verb {w:?}");
            v.first[b.len()] |= letter_bit(b[0]);
            v.last[b.len()] |= letter_bit(b[b.len() - 1]);
        }
        v
    })
}

/// Could the token be a reporting verb, by its length and end letters?
#[inline]
pub(super) fn verb_shaped(v: &Verbs, b: &[u8]) -> bool {
    let n = b.len();
    n <= VERB_MAX && n > 0 && v.first[n] & letter_bit(b[0]) != 0 && v.last[n] & letter_bit(b[n - 1]) != 0
}

const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "adding",
    "stated",
    "vowed",
    "vows",
    "pledged",
    "warned",
    "warns",
    "noted",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "declared",
    "announced",
    "expressed",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "urged",
    "urges",
    "called",
    "described",
    "wrote",
    "writes",
    "asked",
    "asks",
    "replied",
    "responded",
    "explained",
    "explains",
    "reported",
    "shared",
    "promised",
    "acknowledged",
    "admitted",
    "affirmed",
    "reaffirmed",
    "confirmed",
    "denied",
    "denounced",
    "condemned",
    "criticized",
    "criticised",
    "accused",
    "threatened",
    "boasted",
    "praised",
    "hailed",
    "recalled",
    "predicted",
    "suggested",
    "reiterated",
    "demanded",
    "proclaimed",
    "remarked",
    "commented",
    "conceded",
    "cautioned",
    "quoted",
    "cited",
    "mentioned",
    "observed",
    "underlined",
    "underscored",
    "lamented",
    "complained",
    "tweeted",
    "posted",
];

/// `f` of the token ASCII-lower-cased (what `Doc::low` gives), lower-cased only when it has a capital and
/// then on the stack (a copy only for a token with other than ASCII, rare): the quotes stage reads a few
/// sentences per story and so never lower-cases the whole text.
pub(super) fn with_low<R>(tok: &str, f: impl FnOnce(&str) -> R) -> R {
    if !tok.bytes().any(|c| c.is_ascii_uppercase()) {
        f(tok)
    } else if tok.is_ascii() {
        // ASCII: Unicode and ASCII lower-casing agree.
        crate::gazetteer::with_lower(tok, f)
    } else {
        f(&tok.to_ascii_lowercase())
    }
}
