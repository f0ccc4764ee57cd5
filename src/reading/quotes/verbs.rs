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

/// Longest verb ("acknowledging").
const VERB_MAX: usize = 13;

/// A bit for a byte, the same for a letter in either case (other bytes share the letters' bits: the
/// filter may let a few through that the set then turns away).
#[inline]
fn letter_bit(c: u8) -> u32 {
    1 << (c & 31)
}

impl Verbs {
    fn new(words: &[&'static str]) -> Verbs {
        let mut v = Verbs {
            set: story::Lexicon::new(words.iter().map(|w| (*w, ()))),
            first: [0; VERB_MAX + 1],
            last: [0; VERB_MAX + 1],
        };
        for w in words {
            let b = w.as_bytes();
            assert!(b.len() <= VERB_MAX && b.iter().all(u8::is_ascii_lowercase), "verb {w:?}");
            v.first[b.len()] |= letter_bit(b[0]);
            v.last[b.len()] |= letter_bit(b[b.len() - 1]);
        }
        v
    }
}

pub(super) fn verbs() -> &'static Verbs {
    static SET: std::sync::OnceLock<Verbs> = std::sync::OnceLock::new();
    SET.get_or_init(|| Verbs::new(REPORTING_VERBS))
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
    "pointed",
    "continued",
    "quipped",
    "joked",
    "retorted",
    "countered",
    "snapped",
    "emailed",
    "telling",
    "noting",
    "asking",
    "arguing",
    "writing",
    "explaining",
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

/// Verbs that report what someone says, thinks or shows without quotation marks ("said the talks had
/// failed", "believes the deal is dead", "polls show ..."), lower-cased, past, present and base forms: the
/// reporting verbs that take a clause or an object that is said (criticised, accused, praised), verbs
/// of thinking and wanting, and of showing (a poll, a report). Only read outside quotes, after a subject.
const CUE_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tells",
    "told",
    "telling",
    "adds",
    "added",
    "adding",
    "stated",
    "noted",
    "noting",
    "insists",
    "insisted",
    "insisting",
    "argues",
    "argued",
    "arguing",
    "claimed",
    "claiming",
    "declares",
    "declared",
    "announces",
    "announced",
    "stresses",
    "stressed",
    "writes",
    "wrote",
    "explains",
    "explained",
    "reported",
    "acknowledges",
    "acknowledged",
    "admits",
    "admitted",
    "confirms",
    "confirmed",
    "denies",
    "denied",
    "suggests",
    "suggested",
    "suggesting",
    "predicts",
    "predicted",
    "reiterated",
    "concedes",
    "conceded",
    "cautioned",
    "mentioned",
    "observed",
    "complains",
    "complained",
    "tweets",
    "tweeted",
    "replies",
    "replied",
    "responds",
    "responded",
    "vows",
    "vowed",
    "pledges",
    "pledged",
    "promised",
    "affirmed",
    "emphasizes",
    "emphasized",
    "emphasised",
    "recalls",
    "recalled",
    "warns",
    "warned",
    "asks",
    "asked",
    "asking",
    "describes",
    "described",
    "describing",
    "calls",
    "called",
    "calling",
    "urges",
    "urged",
    "urging",
    "accuses",
    "accused",
    "accusing",
    "criticizes",
    "criticized",
    "criticizing",
    "criticised",
    "praises",
    "praised",
    "praising",
    "blames",
    "blamed",
    "blaming",
    "condemns",
    "condemned",
    "denounce",
    "denounced",
    "defends",
    "defended",
    "defending",
    "cites",
    "cited",
    "citing",
    "expresses",
    "expressed",
    "endorses",
    "endorsed",
    "declined",
    "declines",
    "refused",
    "refuses",
    "agrees",
    "agreed",
    "reveals",
    "revealed",
    "conclude",
    "concludes",
    "concluded",
    "proposes",
    "proposed",
    "offered",
    "demands",
    "demanded",
    "dismisses",
    "dismissed",
    "rejects",
    "rejected",
    "questioned",
    "alleges",
    "alleged",
    "contends",
    "contended",
    "maintains",
    "maintained",
    "asserts",
    "asserted",
    "testified",
    "disclosed",
    "indicates",
    "indicated",
    "signaled",
    "signalled",
    "repeated",
    "threatens",
    "threatened",
    "boasted",
    "boasts",
    "joked",
    "quipped",
    "mused",
    "wonders",
    "wondered",
    "think",
    "thinks",
    "thought",
    "believe",
    "believes",
    "believed",
    "hopes",
    "hoped",
    "expect",
    "expects",
    "feared",
    "worry",
    "worries",
    "worried",
    "wants",
    "wanted",
    "doubted",
    "shows",
    "showed",
    "shown",
    "finds",
    "found",
    "estimated",
    "seems",
    "seemed",
    "appears",
    "appeared",
    "supports",
    "supported",
    "opposes",
    "opposed",
    "recommends",
    "recommended",
    "insinuated",
    "speculated",
    "conclude",
    "pointed",
    "referring",
    "referred",
    "spoke",
    "speaks",
    "talked",
    "acknowledging",
    "conceding",
    "promising",
    "vowing",
    "pledging",
    "announcing",
    "declaring",
    "explaining",
    "questioning",
    "rejecting",
    "dismissing",
    "reassured",
    "assured",
    "informed",
    "advised",
    "reminded",
];

/// The verbs that may report speech or thought without quotation marks, behind the same filter as the
/// reporting verbs: every token of every sentence is asked, and the filter turns most away unhashed.
pub(super) fn cue_verbs() -> &'static Verbs {
    static SET: std::sync::OnceLock<Verbs> = std::sync::OnceLock::new();
    SET.get_or_init(|| Verbs::new(CUE_VERBS))
}

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
