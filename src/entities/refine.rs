//! Refines CoNLL's four types into OntoNotes labels from the entity's words, its neighbours and the
//! gazetteer: LOC -> GPE/FAC/LOC, MISC -> NORP/EVENT/PRODUCT/LAW/LANGUAGE/WORK_OF_ART/MISC.
use crate::gazetteer::{gazetteer, with_lower};
use crate::types::*;
use crate::util::calendar::month_of_word;
use std::sync::OnceLock;

/// Sets of words looked up per token: SipHash's flood resistance buys nothing for compiled-in lists.
type HashSet<T> = rustc_hash::FxHashSet<T>;

// The nationality and group words the entity stage uses: rows marked `tagger` (the gazetteer has all).
const DEMONYMS: &str = include_str!("../../data/gazetteer/demonyms.tsv");

fn demonyms() -> &'static HashSet<String> {
    static D: OnceLock<HashSet<String>> = OnceLock::new();
    D.get_or_init(|| {
        DEMONYMS
            .lines()
            .filter(|l| !l.starts_with('#') && l.ends_with("\tyes"))
            .map(|l| l.split('\t').next().unwrap_or(l).trim().to_lowercase())
            .collect()
    })
}

/// "German", "North Korean", "Germans", "Shi'ite" -> nationality, religious or political group.
pub fn is_demonym(text: &str) -> bool {
    let l = text.to_lowercase();
    let d = demonyms();
    d.contains(&l) || l.strip_suffix('s').is_some_and(|s| d.contains(s)) || gazetteer().demonym(text).is_some()
}

/// Last words of event names.
static EVENT_HEADS: Words = Words::new(&[
    "war",
    "day",
    "cup",
    "championship",
    "championships",
    "olympics",
    "olympiad",
    "games",
    "open",
    "prix",
    "exhibition",
    "expo",
    "festival",
    "summit",
    "conference",
    "marathon",
    "tournament",
    "classic",
    "rally",
    "revolution",
    "uprising",
    "crisis",
    "election",
    "elections",
    "series",
    "trophy",
    "masters",
    "derby",
    "forum",
    "congress",
    "talks",
    "massacre",
    "invasion",
    "offensive",
]);
/// Nouns naming made things: an entity right after one ("surveillance aircraft Global Hawk") is a
/// product, as is a code-like name right before one ("Hwasong-18 ICBM").
static PRODUCT_NOUNS: Words = Words::new(&[
    "aircraft",
    "drone",
    "drones",
    "missile",
    "missiles",
    "icbm",
    "icbms",
    "rocket",
    "rockets",
    "jet",
    "jets",
    "fighter",
    "fighters",
    "bomber",
    "bombers",
    "tank",
    "tanks",
    "helicopter",
    "helicopters",
    "submarine",
    "warship",
    "destroyer",
    "carrier",
    "satellite",
    "car",
    "cars",
    "truck",
    "smartphone",
    "phone",
    "laptop",
    "computer",
    "software",
    "airliner",
    "plane",
    "planes",
    "vehicle",
    "launcher",
]);
static LAW_HEADS: Words = Words::new(&[
    "act",
    "treaty",
    "constitution",
    "law",
    "code",
    "convention",
    "accord",
    "accords",
    "protocol",
    "amendment",
    "charter",
    "bill",
    "directive",
    "agreement",
]);
/// Last words that make a name a building even when the tagger reads an organisation (a
/// shrine's authority is not what the name means; an airport is often the company that runs it).
static BUILDING_HEADS: Words = Words::new(&["shrine", "temple", "mosque", "cathedral", "synagogue", "bridge"]);
static FAC_HEADS: Words = Words::new(&[
    "airport",
    "bridge",
    "stadium",
    "square",
    "street",
    "avenue",
    "road",
    "tower",
    "palace",
    "hall",
    "museum",
    "hotel",
    "canal",
    "highway",
    "dam",
    "mausoleum",
    "arena",
    "station",
    "prison",
    "temple",
    "cathedral",
]);
static LANGUAGES: Words = Words::new(&[
    "english",
    "french",
    "german",
    "spanish",
    "arabic",
    "russian",
    "chinese",
    "mandarin",
    "cantonese",
    "japanese",
    "korean",
    "portuguese",
    "italian",
    "hindi",
    "urdu",
    "persian",
    "farsi",
    "hebrew",
    "turkish",
    "swahili",
    "dutch",
    "greek",
    "latin",
    "polish",
    "ukrainian",
]);
/// Wire-copy words that are never names alone (advisories, desks, ministries' first words).
static NEVER_ALONE: Words =
    Words::new(&["attn", "advisory", "urgent", "defense", "defence", "update", "correction", "repeat", "editors"]);

/// Months, weekdays and ordinal words are dates and ranks, not names, when they stand alone
/// ("December" in a futures table, "Second" opening a line). "May", "June" and "August" are left
/// to the tagger: they are people's names too.
static CALENDAR_AND_ORDINALS: Words = Words::new(&[
    "january",
    "february",
    "march",
    "april",
    "july",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]);

fn word(art: &Article, i: usize) -> &str {
    art.token_text(i)
}

/// A list of lower-case words, and an open-addressed table of those of up to 16 bytes packed into
/// integers, made on first use: `lower_in` runs several times per token.
struct Words {
    list: &'static [&'static str],
    table: OnceLock<Table>,
}

/// Packed words `(bytes, length)` by hash slot; length `u8::MAX` marks an empty slot.
struct Table {
    slots: Vec<(u128, u8)>,
    shift: u32,
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Words {
        Words { list, table: OnceLock::new() }
    }

    fn table(&self) -> &Table {
        self.table.get_or_init(|| {
            let bits = (2 * self.list.len()).next_power_of_two().max(8).trailing_zeros();
            let mut t = Table { slots: vec![(0, u8::MAX); 1 << bits], shift: 64 - bits };
            for w in self.list.iter().filter(|w| w.len() <= 16) {
                let key = pack(w.as_bytes());
                let mut i = t.slot(key.0);
                while t.slots[i].1 != u8::MAX && t.slots[i] != key {
                    i = (i + 1) & (t.slots.len() - 1);
                }
                t.slots[i] = key;
            }
            t
        })
    }
}

impl Table {
    #[inline]
    fn slot(&self, x: u128) -> usize {
        ((x as u64 ^ (x >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }
    fn contains(&self, key: (u128, u8)) -> bool {
        let mut i = self.slot(key.0);
        loop {
            let s = self.slots[i];
            if s == key {
                return true;
            }
            if s.1 == u8::MAX {
                return false;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }
}

/// Up to 16 bytes as one integer (zero-padded) and the length.
fn pack(b: &[u8]) -> (u128, u8) {
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    (u128::from_le_bytes(buf), b.len() as u8)
}

/// Whether `w`, lower-cased, without trailing periods, is one of `words`.
fn lower_in(w: &str, words: &Words) -> bool {
    let t = w.trim_end_matches('.');
    if t.len() <= 16 && t.is_ascii() {
        // ASCII lower-casing maps byte to byte: done on the stack, looked up as one integer
        let mut buf = [0u8; 16];
        buf[..t.len()].copy_from_slice(t.as_bytes());
        buf.make_ascii_lowercase();
        return words.table().contains((u128::from_le_bytes(buf), t.len() as u8));
    }
    words.list.contains(&t.to_lowercase().as_str())
}

/// "Hwasong-18", "MiG-29", "F-16", "Su-57": letters, a hyphen, digits.
#[inline]
fn code_like(w: &str) -> bool {
    // cheap test first: this runs on every token of every story
    if !w.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let Some((a, b)) = w.rsplit_once('-') else { return false };
    !a.is_empty()
        && a.chars().all(|c| c.is_alphabetic())
        && !(a.len() >= 4 && a.chars().all(|c| c.is_uppercase())) // "COVID-19" is no model name
        && a.chars().next().is_some_and(|c| c.is_uppercase())
        && !b.is_empty()
        && b.chars().all(|c| c.is_ascii_digit())
        && b.len() <= 3
}

/// The label of tokens `[ts, te)` tagged `kind` ("PER", "ORG", "LOC", "MISC") in sentence order;
/// None drops the entity.
pub fn label(art: &Article, ts: usize, te: usize, kind: &str) -> Option<Label> {
    let text = art.slice(Span::new(art.tokens[ts].span.start, art.tokens[te - 1].span.end));
    // "ATTN", "Defense", "ICBM" alone: wire words and kinds of things, not names
    if te - ts == 1
        && (lower_in(text, &NEVER_ALONE) || lower_in(text, &PRODUCT_NOUNS) || lower_in(text, &CALENDAR_AND_ORDINALS))
    {
        return None;
    }
    // the pronoun, table fillers, and a number alone (a year the tagger took for a name is left
    // to the date rules: "the 2000 Olympics")
    if text == "I" && kind == "PER"
        || matches!(text, "N / A" | "N/A" | "n / a" | "n/a")
        || !text.chars().any(char::is_alphabetic)
    {
        return None;
    }
    let last = word(art, te - 1);
    let head = last.split('-').next().unwrap_or(last);
    let before = (ts > 0).then(|| word(art, ts - 1));
    let after = (te < art.tokens.len()).then(|| word(art, te));
    let after_product = after.is_some_and(|w| lower_in(w, &PRODUCT_NOUNS));
    let before_product = before.is_some_and(|w| lower_in(w, &PRODUCT_NOUNS));
    let g = gazetteer();
    let place = |t: &str| {
        let t = t.trim_end_matches('.');
        g.country(t).is_some() || g.city(t).is_some() || g.region(t).is_some()
    };
    Some(match kind {
        "PER" if before_product => Label::Product,
        "PER" => Label::Person,
        "ORG" if before_product || (code_like(last) && after_product) => Label::Product,
        // "Yasukuni Shrine", "St Paul's Cathedral": buildings, whatever runs them
        "ORG" if te - ts > 1 && lower_in(last, &BUILDING_HEADS) => Label::Fac,
        "ORG" => Label::Org,
        "LOC" => {
            if place(text) {
                Label::Gpe
            } else if before_product {
                Label::Product
            } else if lower_in(head, &EVENT_HEADS) && te - ts > 1 {
                Label::Event
            } else if lower_in(last, &FAC_HEADS) {
                Label::Fac
            } else {
                Label::Loc
            }
        }
        _ => {
            if code_like(last) && !lower_in(head, &EVENT_HEADS) || before_product || after_product && !is_demonym(text)
            {
                Label::Product
            } else if lower_in(head, &EVENT_HEADS)
                || last.rsplit_once('-').is_some_and(|(h, y)| {
                    y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) && lower_in(h, &EVENT_HEADS)
                })
            {
                Label::Event
            } else if te - ts == 1
                && lower_in(text, &LANGUAGES)
                && (after.is_some_and(|w| w.eq_ignore_ascii_case("language") || w.starts_with("-lang"))
                    || before.is_some_and(|w| matches!(w, "speak" | "speaks" | "spoke" | "spoken" | "translated"))
                    || before == Some("in")
                        && after.is_none_or(|w| {
                            !w.chars().next().is_some_and(|c| c.is_alphanumeric()) || w == "and" || w == "or"
                        }))
            {
                Label::Language
            } else if is_demonym(text) {
                Label::Norp
            } else if lower_in(last, &LAW_HEADS) && te - ts > 1 {
                Label::Law
            } else if te - ts > 1 && quoted(art, ts, te) {
                Label::WorkOfArt
            } else {
                Label::Misc
            }
        }
    })
}

/// Whether the tokens sit between quotation marks ("Return of the Legend").
fn quoted(art: &Article, ts: usize, te: usize) -> bool {
    let is_q = |w: &str| matches!(w, "\"" | "\u{201c}" | "\u{201d}" | "'" | "``" | "''");
    ts > 0 && te < art.tokens.len() && is_q(word(art, ts - 1)) && is_q(word(art, te))
}

/// Byte end of an entity: a sentence-final period glued to the last word ("Victory Day.") is not
/// part of the name; abbreviations ("Corp.", "U.S.", "Jr.") keep theirs.
pub fn trim_end(art: &Article, _ts: usize, te: usize) -> usize {
    let sp = art.tokens[te - 1].span;
    let w = art.slice(sp);
    if let Some(stem) = w.strip_suffix('.') {
        const ABBREVIATIONS: &[&str] =
            &["corp", "inc", "ltd", "co", "jr", "sr", "st", "mr", "mrs", "ms", "dr", "gen", "col", "bros", "no", "plc"];
        let abbrev = stem.contains('.')
            || stem.chars().count() <= 1
            || stem.chars().all(|c| c.is_uppercase())
            || ABBREVIATIONS.contains(&stem.to_lowercase().as_str());
        if !abbrev {
            return sp.end - 1;
        }
    }
    sp.end
}

static WEEKDAYS: Words = Words::new(&["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
/// Words that make a weekday part of a name ("Good Friday", "Super Tuesday", "Bloody Sunday").
static DAY_NAMERS: Words = Words::new(&[
    "good", "black", "easter", "ash", "holy", "maundy", "palm", "super", "bloody", "cyber", "shrove", "whit", "low",
    "blue", "giving", "girl", "man",
]);
/// Time adverbs the tagger sometimes runs a name into ("Control Data recently").
static TIME_ADVERBS: Words = Words::new(&[
    "recently",
    "currently",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "earlier",
    "later",
    "previously",
]);
/// Small words a name does not end with once a date is cut off it ("Challenger in [October 1984]").
const TRAILING_FUNCTION_WORDS: &[&str] = &["in", "on", "at", "of", "by", "the", "and", "from", "since", "until", "to"];
/// Time zones: alone after a clock time they belong to the time ("5 p.m. EST"), not a name.
static TIME_ZONES: Words =
    Words::new(&["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet"]);

/// Cuts time words off the end of a name's tokens `[ts, te)` so the date rules get them: a weekday
/// ("New York Stock Exchange Friday", "World Court Friday"), a month followed by a day or year
/// ("EST Nov [9]", "Challenger in October [1984]"), a time adverb ("Control Data recently"), and
/// then function words left dangling ("in", "of"); a name left with nothing, or only a time zone after a clock time, is dropped (None).
pub fn trim_time_words(art: &Article, ts: usize, mut te: usize) -> Option<(usize, usize)> {
    let is = |i: usize, list: &Words| lower_in(word(art, i), list);
    let followed_by_number = |i: usize| {
        let mut j = i + 1;
        if j < art.tokens.len() && word(art, j) == "." {
            j += 1;
        }
        j < art.tokens.len() && word(art, j).starts_with(|c: char| c.is_ascii_digit())
    };
    while te > ts {
        let weekday = is(te - 1, &WEEKDAYS) && !(te - 1 > ts && is(te - 2, &DAY_NAMERS));
        let month = month_of_word(word(art, te - 1).trim_end_matches('.')).is_some() && followed_by_number(te - 1);
        let adverb = te - 1 > ts && is(te - 1, &TIME_ADVERBS) && word(art, te - 1).starts_with(char::is_lowercase);
        if weekday || month || adverb {
            te -= 1;
        } else {
            break;
        }
    }
    // and a name never ends in a function word, whether a time word followed it or the tagger
    // (which is not held to closed BILOU sequences) stopped one word late ("Kia Motor Corp of")
    while te > ts && TRAILING_FUNCTION_WORDS.contains(&word(art, te - 1)) {
        te -= 1;
    }
    if te == ts {
        return None;
    }
    if te - ts == 1 && is(ts, &TIME_ZONES) && ts > 0 {
        let clock = |b: &str| matches!(b, "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m" | "noon" | "midnight");
        if with_lower(word(art, ts - 1), clock) {
            return None;
        }
    }
    Some((ts, te))
}
pub(crate) const AGENCIES: &str = include_str!("../../data/ner/agencies.txt");

mod adjacent;
mod companies;
mod events;
mod headlines;
mod joins;
mod known;
mod legal;
mod patterns;
mod tickers;
mod titled;
pub use adjacent::{institution_acts, join_adjacent_names, place_modifiers};
pub use companies::{company_names, company_prefixes};
pub use events::named_events;
pub use headlines::{company_short_forms, headline_names};
pub use joins::{common as common_word, join_connected_orgs};
pub use known::fix_known_shapes;
pub use legal::bare_legal_forms;
pub use patterns::{apply_patterns, fix_events};
pub use tickers::ticker_company_names;
pub use titled::names_after_offices;

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn art(words: &[&str]) -> Article {
        let text = words.join(" ");
        let mut a = Article { text, ..Default::default() };
        let mut off = 0;
        for w in words {
            a.tokens.push(Token { span: Span::new(off, off + w.len()) });
            off += w.len() + 1;
        }
        a
    }

    fn find(a: &Article, w: &str) -> usize {
        (0..a.tokens.len()).find(|&i| a.token_text(i) == w).unwrap()
    }

    #[test]
    fn word_lists_match_any_case_without_trailing_periods() {
        static W: Words = Words::new(&["corp", "championships", "internationalisation", "é"]);
        assert!(lower_in("Corp.", &W) && lower_in("CORP", &W) && lower_in("corp..", &W));
        assert!(lower_in("Championships", &W), "up to 16 bytes: packed");
        assert!(lower_in("Internationalisation", &W), "longer: by the list");
        assert!(lower_in("É", &W), "not ASCII: by the list");
        assert!(!lower_in("cor", &W) && !lower_in("corps", &W) && !lower_in("", &W) && !lower_in("corp\0", &W));
    }

    #[test]
    fn misc_refinements() {
        let a = art(&["the", "Korean", "War", "and", "Victory", "Day", "in", "the", "Weaponry", "Exhibition-2023"]);
        assert_eq!(label(&a, 1, 3, "MISC"), Some(Label::Event));
        assert_eq!(label(&a, 4, 6, "MISC"), Some(Label::Event));
        assert_eq!(label(&a, 8, 10, "MISC"), Some(Label::Event));
        assert_eq!(label(&a, 1, 2, "MISC"), Some(Label::Norp)); // "Korean" alone
        let b = art(&["a", "Hwasong-18", "ICBM", "and", "the", "surveillance", "aircraft", "Global", "Hawk", "."]);
        assert_eq!(label(&b, 1, 2, "MISC"), Some(Label::Product));
        assert_eq!(label(&b, 2, 3, "ORG"), None); // "ICBM" alone
        let e = art(&["COVID-19", "cases"]);
        assert_eq!(label(&e, 0, 1, "MISC"), Some(Label::Misc));
        assert_eq!(label(&b, 7, 9, "LOC"), Some(Label::Product));
        let c = art(&["North", "Korean", "troops", "spoke", "in", "Russian", ",", "the", "Trade", "Act"]);
        assert_eq!(label(&c, 0, 2, "MISC"), Some(Label::Norp));
        assert_eq!(label(&c, 5, 6, "MISC"), Some(Label::Language));
        assert_eq!(label(&c, 8, 10, "MISC"), Some(Label::Law));
        // negatives: a nationality before a product noun stays NORP; plain MISC stays MISC
        let d = art(&["Russian", "tanks", "and", "Eurobond", "issues", "rose", "in", "Japanese", "exports"]);
        assert_eq!(label(&d, 0, 1, "MISC"), Some(Label::Norp));
        assert_eq!(label(&d, 7, 8, "MISC"), Some(Label::Norp));
        assert_eq!(label(&d, 3, 4, "MISC"), Some(Label::Misc));
        // a number alone is no name; a name with a year keeps it
        let y = art(&["the", "2000", "Olympics", "and", "Schalke", "04"]);
        assert_eq!(label(&y, 1, 2, "ORG"), None);
        assert_eq!(label(&y, 4, 6, "ORG"), Some(Label::Org));
    }

    #[test]
    fn loc_person_org_refinements() {
        let a = art(&["Seoul", "and", "Gimpo", "Airport", "near", "the", "Han", "River", "ATTN", "Defense", "Yonhap"]);
        assert_eq!(label(&a, 0, 1, "LOC"), Some(Label::Gpe));
        assert_eq!(label(&a, 2, 4, "LOC"), Some(Label::Fac));
        assert_eq!(label(&a, 6, 8, "LOC"), Some(Label::Loc));
        assert_eq!(label(&a, find(&a, "ATTN"), find(&a, "ATTN") + 1, "ORG"), None);
        assert_eq!(label(&a, 9, 10, "ORG"), None);
        assert_eq!(label(&a, 10, 11, "ORG"), Some(Label::Org));
        assert_eq!(label(&a, 10, 11, "PER"), Some(Label::Person));
        let b = art(&["I", "said", "December", "Second", "N", "/", "A", "May", "Decemberists"]);
        assert_eq!(label(&b, 0, 1, "PER"), None);
        assert_eq!(label(&b, 2, 3, "ORG"), None);
        assert_eq!(label(&b, 3, 4, "ORG"), None);
        assert_eq!(label(&b, 4, 7, "MISC"), None);
        assert_eq!(label(&b, 7, 8, "PER"), Some(Label::Person));
        assert_eq!(label(&b, 8, 9, "ORG"), Some(Label::Org));
    }

    #[test]
    fn time_words_leave_names() {
        let a = art(&["the", "New", "York", "Stock", "Exchange", "Friday", "and", "Good", "Friday", "."]);
        assert_eq!(trim_time_words(&a, 1, 6), Some((1, 5)));
        assert_eq!(trim_time_words(&a, 5, 6), None, "a weekday alone is no name");
        assert_eq!(trim_time_words(&a, 7, 9), Some((7, 9)), "Good Friday is a name");
        let b = art(&[
            "Challenger",
            "in",
            "October",
            "1984",
            "and",
            "EST",
            "Nov",
            ".",
            "9",
            "at",
            "5",
            "p.m.",
            "EST",
            "Nov.",
            "6",
        ]);
        assert_eq!(trim_time_words(&b, 0, 3), Some((0, 1)));
        assert_eq!(trim_time_words(&b, 5, 7), Some((5, 6)));
        assert_eq!(trim_time_words(&b, 12, 14), None, "a zone after a clock time goes with the time");
        let c =
            art(&["Control", "Data", "recently", "said", "Theresa", "May", "said", "April", "Smith", "and", "June"]);
        assert_eq!(trim_time_words(&c, 0, 3), Some((0, 2)));
        // negatives: a month not followed by a number, a first name, a zone alone elsewhere stay
        assert_eq!(trim_time_words(&c, 4, 6), Some((4, 6)));
        assert_eq!(trim_time_words(&c, 7, 9), Some((7, 9)));
        assert_eq!(trim_time_words(&c, 10, 11), Some((10, 11)));
        assert_eq!(trim_time_words(&b, 5, 6), Some((5, 6)));
    }

    #[test]
    fn trailing_periods() {
        let a = art(&["Victory", "Day.", "Microsoft", "Corp.", "U.S.", "Seoul."]);
        assert_eq!(trim_end(&a, 0, 2), a.tokens[1].span.end - 1);
        assert_eq!(trim_end(&a, 2, 4), a.tokens[3].span.end);
        assert_eq!(trim_end(&a, 4, 5), a.tokens[4].span.end);
        assert_eq!(trim_end(&a, 5, 6), a.tokens[5].span.end - 1);
    }
}
