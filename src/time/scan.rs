//! A small, fast scanner for the number and time rules: words, numbers and punctuation with the
//! whitespace between them, each word classified once by a hash lookup in a fixed lexicon.
//!
//! It is independent of the article tokenizer on purpose: the rules must also run on plain text
//! (`rules::find_in_text`), and they need finer pieces than news tokens ("Aug" "." , "mid" "-" "1996").
use crate::util::calendar::MONTH_NAMES;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Digits with inner `.`/`,` before a digit; letters glued after them ("70th", "1990s") are a suffix.
    Num,
    Punct,
}

/// Calendar and clock units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// What a word is to the rules. Words not in the lexicon are `Lex::None`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    None,
    /// 1..=12; `abbr` for "Jan", "Sept", ... which need a day, a year or a period to count.
    Month {
        m: u8,
        abbr: bool,
    },
    /// 0 = Monday.
    Weekday(u8),
    /// today 0, yesterday -1, tomorrow +1.
    DayRel(i8),
    Tonight,
    /// `plural` for "days", "years", ...
    Unit {
        u: Unit,
        plural: bool,
    },
    /// 0 spring, 1 summer, 2 fall/autumn, 3 winter.
    Season(u8),
    /// Part of day: 0 morning, 1 afternoon, 2 evening, 3 night.
    Pod(u8),
    Noon,
    Midnight,
    Overnight,
    /// "one" .. "ninety", "hundred" (100), "dozen" (12).
    NumWord(u16),
    /// "first" .. "twentieth", "hundredth".
    OrdWord(u16),
    /// thousand (3), million/mln (6), billion/bln (9), trillion (12).
    Mag(u8),
    /// A currency named after the amount: "dlrs", "yen", "euros".
    CurrencyAfter,
    /// "percent", "pct".
    Percent,
    /// A unit of measure after a number: "tonnes", "bags", "barrels".
    QtyUnit,
    /// A modifier that may come before a unit of measure: "metric", "square", "cubic".
    QtyPre,
    /// this 0, last -1, next +1, past -1, coming +1, previous -1, following +1, current 0, ...
    Rel(i8),
    Ago,
    /// earlier -1, later +1.
    EarlierLater(i8),
    /// early, late, mid: modifiers kept in the extent.
    Edge,
    /// "now", "currently", "recently", ...: TimeML reference values.
    Ref(RefVal),
    /// "several", "few", "some", "many": vague counts.
    Vague,
    /// a time zone after a clock time.
    Zone,
    /// "fiscal".
    Fiscal,
    /// "nineties", "eighties", ...: decade of the century by itself (9 for nineties).
    DecadeWord(u8),
    /// nearly, almost, around, about, approximately, roughly: kept in front of a time expression.
    Approx,
    /// end, beginning, start, middle (of ...).
    EdgeNoun,
    /// Words that start a few fixed expressions.
    Kw(Kw),
    The,
    A,
}

/// TimeML reference values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefVal {
    Present,
    Past,
    Future,
}

impl RefVal {
    pub fn as_str(self) -> &'static str {
        match self {
            RefVal::Present => "PRESENT_REF",
            RefVal::Past => "PAST_REF",
            RefVal::Future => "FUTURE_REF",
        }
    }
}

/// A lower-cased copy of a short word on the stack (words over 16 bytes become empty, which
/// matches nothing the rules look for).
#[derive(Clone, Copy, Default)]
pub struct Lower {
    buf: [u8; 16],
    len: u8,
}

impl Lower {
    pub fn new(s: &str) -> Lower {
        let mut l = Lower::default();
        if s.len() <= 16 {
            for (d, c) in l.buf.iter_mut().zip(s.bytes()) {
                *d = c.to_ascii_lowercase();
            }
            l.len = s.len() as u8;
        }
        l
    }
    pub fn as_str(&self) -> &str {
        // SAFETY: `buf[..len]` is a whole `&str` (len <= 16 is checked in `new`) with ASCII letters
        // lower-cased, which keeps UTF-8 valid.
        unsafe { std::str::from_utf8_unchecked(&self.buf[..self.len as usize]) }
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// `Lower::new`.
pub fn low(s: &str) -> Lower {
    Lower::new(s)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kw {
    Right,
    Recent,
    Future,
    That,
    Same,
    These,
    Latest,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// End of the digits of a `Num` (== end when it has no letter suffix).
    pub num_end: usize,
    pub kind: Kind,
    /// Whitespace (or the start of the text) before this token.
    pub space: bool,
    /// A line break in the whitespace before this token.
    pub newline: bool,
    /// First character is upper case.
    pub cap: bool,
    pub lex: Lex,
}

/// Scans `text` into tokens. Linear, one pass, allocation only for the output vector.
pub fn scan(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    scan_into(text, false, &mut out);
    out
}

/// `scan` into a buffer the caller reuses (the time stage scans a short window per expression,
/// where a fresh vector cost more than the scan). `newline`: the text follows a line break, as the
/// first token's `newline` flag would show were the text scanned from further back.
pub fn scan_into(text: &str, newline: bool, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let class = |i: usize| CLASS[b[i] as usize];
    let mut i = 0;
    let mut space = true;
    let mut newline = newline;
    let lex = lexicon();
    while i < b.len() {
        let c = b[i];
        if class(i) & SPACE != 0 {
            space = true;
            if c == b'\n' {
                newline = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        if class(i) & DIGIT != 0 {
            i += 1;
            loop {
                while i < b.len() && class(i) & DIGIT != 0 {
                    i += 1;
                }
                if i + 1 < b.len() && (b[i] == b'.' || b[i] == b',') && class(i + 1) & DIGIT != 0 {
                    i += 2;
                } else {
                    break;
                }
            }
            let num_end = i;
            while i < b.len() && class(i) & ALPHA != 0 {
                i += 1;
            }
            out.push(Tok { start, end: i, num_end, kind: Kind::Num, space, newline, cap: false, lex: Lex::None });
        } else if class(i) & ALPHA != 0 || (c >= 0x80 && char_at(text, i).is_alphabetic()) {
            let cap = if c < 0x80 { c.is_ascii_uppercase() } else { char_at(text, i).is_uppercase() };
            loop {
                while i < b.len() && class(i) & (ALPHA | DIGIT) != 0 {
                    i += 1;
                }
                if i < b.len() && b[i] >= 0x80 {
                    let ch = char_at(text, i);
                    if ch.is_alphanumeric() {
                        i += ch.len_utf8();
                        continue;
                    }
                }
                break;
            }
            let l = classify(lex, &b[start..i]);
            out.push(Tok { start, end: i, num_end: i, kind: Kind::Word, space, newline, cap, lex: l });
        } else {
            i += if c < 0x80 { 1 } else { char_at(text, i).len_utf8() };
            out.push(Tok { start, end: i, num_end: i, kind: Kind::Punct, space, newline, cap: false, lex: Lex::None });
        }
        space = false;
        newline = false;
    }
}

/// Byte classes for the scanner's loops: one table load instead of range tests per byte.
const DIGIT: u8 = 1;
const ALPHA: u8 = 2;
const SPACE: u8 = 4;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            ALPHA
        } else if c.is_ascii_whitespace() {
            SPACE
        } else {
            0
        };
        i += 1;
    }
    t
};

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

const MAX_KEY: usize = 14;

/// The word list and a bit filter on (first letter, last letter, length) that rejects most words
/// of a text without hashing them. The words are kept in an open-addressed table keyed by the
/// lower-cased word packed into a `u128` (keys are at most 14 bytes, none of them zero, so the
/// packing is one-to-one): a look-up is a multiply and an integer compare or two.
pub struct Lexicon {
    keys: Vec<u128>,
    vals: Vec<Lex>,
    filter: Vec<u64>,
}

/// Table size of `Lexicon` as a power of two (the lexicon has about 330 words).
const TABLE_BITS: u32 = 10;

/// The word lower-cased and packed little-endian into a `u128` (0 is no word).
fn pack(word: &[u8]) -> u128 {
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    u128::from_le_bytes(buf)
}

fn table_slot(key: u128) -> usize {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let x = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(K).rotate_left(31);
    (x.wrapping_mul(K) >> (64 - TABLE_BITS)) as usize
}

fn filter_slot(word: &[u8]) -> Option<usize> {
    let (f, l) = (word[0].to_ascii_lowercase(), word[word.len() - 1].to_ascii_lowercase());
    if !f.is_ascii_lowercase() || !l.is_ascii_lowercase() || word.len() > MAX_KEY {
        return None;
    }
    Some(((f - b'a') as usize * 26 + (l - b'a') as usize) * (MAX_KEY + 1) + word.len())
}

fn classify(lex: &Lexicon, word: &[u8]) -> Lex {
    let Some(slot) = filter_slot(word) else { return Lex::None };
    if lex.filter[slot / 64] & (1 << (slot % 64)) == 0 {
        return Lex::None;
    }
    let key = pack(word);
    let mask = lex.keys.len() - 1;
    let mut i = table_slot(key);
    loop {
        match lex.keys[i] {
            k if k == key => return lex.vals[i],
            0 => return Lex::None,
            _ => i = (i + 1) & mask,
        }
    }
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let map = build();
        let mut filter = vec![0u64; (26 * 26 * (MAX_KEY + 1)).div_ceil(64)];
        let size = 1usize << TABLE_BITS;
        assert!(map.len() * 2 <= size, "lexicon table too small");
        let (mut keys, mut vals) = (vec![0u128; size], vec![Lex::None; size]);
        for (k, &v) in &map {
            if let Some(slot) = filter_slot(k) {
                filter[slot / 64] |= 1 << (slot % 64);
            }
            let key = pack(k);
            let mut i = table_slot(key);
            while keys[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            keys[i] = key;
            vals[i] = v;
        }
        Lexicon { keys, vals, filter }
    })
}

fn build() -> FxHashMap<&'static [u8], Lex> {
    let mut m: FxHashMap<&'static [u8], Lex> = FxHashMap::default();
    let mut put = |words: &[&'static str], l: Lex| {
        for w in words {
            debug_assert!(w.len() <= MAX_KEY);
            m.insert(w.as_bytes(), l);
        }
    };
    for (i, name) in MONTH_NAMES.iter().enumerate() {
        put(&[name], Lex::Month { m: i as u8 + 1, abbr: false });
    }
    for (w, mo) in [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        put(&[w], Lex::Month { m: mo, abbr: true });
    }
    for (i, name) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].iter().enumerate() {
        put(&[name], Lex::Weekday(i as u8));
    }
    put(&["today"], Lex::DayRel(0));
    put(&["yesterday"], Lex::DayRel(-1));
    put(&["tomorrow"], Lex::DayRel(1));
    put(&["tonight"], Lex::Tonight);
    for (s, p, u) in [
        ("second", "seconds", Unit::Second),
        ("minute", "minutes", Unit::Minute),
        ("hour", "hours", Unit::Hour),
        ("day", "days", Unit::Day),
        ("week", "weeks", Unit::Week),
        ("weekend", "weekends", Unit::Weekend),
        ("month", "months", Unit::Month),
        ("quarter", "quarters", Unit::Quarter),
        ("qtr", "qtrs", Unit::Quarter),
        ("half", "halves", Unit::Half),
        ("year", "years", Unit::Year),
        ("decade", "decades", Unit::Decade),
        ("century", "centuries", Unit::Century),
    ] {
        put(&[s], Lex::Unit { u, plural: false });
        put(&[p], Lex::Unit { u, plural: true });
    }
    put(&["yr", "yrs"], Lex::Unit { u: Unit::Year, plural: true });
    put(&["spring"], Lex::Season(0));
    put(&["summer"], Lex::Season(1));
    put(&["fall", "autumn"], Lex::Season(2));
    put(&["winter"], Lex::Season(3));
    put(&["morning"], Lex::Pod(0));
    put(&["afternoon"], Lex::Pod(1));
    put(&["evening"], Lex::Pod(2));
    put(&["night"], Lex::Pod(3));
    put(&["noon", "midday"], Lex::Noon);
    put(&["midnight"], Lex::Midnight);
    put(&["overnight"], Lex::Overnight);
    const NUMS: [(&str, u16); 28] = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
    ];
    for (w, v) in NUMS {
        put(&[w], Lex::NumWord(v));
    }
    put(&["dozen"], Lex::NumWord(12));
    const ORDS: [(&str, u16); 25] = [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
        ("fortieth", 40),
        ("fiftieth", 50),
        ("hundredth", 100),
        ("thousandth", 1000),
    ];
    for (w, v) in ORDS {
        // "second" is both a unit and an ordinal; the ordinal reading is the common one in news.
        put(&[w], Lex::OrdWord(v));
    }
    put(&["thousand"], Lex::Mag(3));
    put(&["million", "mln", "mn"], Lex::Mag(6));
    put(&["billion", "bln", "bn"], Lex::Mag(9));
    put(&["trillion", "trn"], Lex::Mag(12));
    put(
        &[
            "dlrs", "dlr", "dollars", "dollar", "cents", "cent", "yen", "marks", "francs", "franc", "pounds",
            "sterling", "stg", "euros", "euro", "yuan", "renminbi", "won", "rupees", "rupee", "pesos", "peso", "lire",
            "lira", "rubles", "roubles", "ruble", "rouble", "riyals", "dinars", "kronor", "kroner", "crowns",
            "guilders", "ringgit", "baht", "rand", "shekels", "reais", "pence", "usd", "eur", "gbp", "jpy",
        ],
        Lex::CurrencyAfter,
    );
    put(&["percent", "pct", "percentage"], Lex::Percent);
    put(
        &[
            "tonnes",
            "tonne",
            "tons",
            "ton",
            "bags",
            "barrels",
            "barrel",
            "bbl",
            "bpd",
            "bales",
            "ounces",
            "ounce",
            "oz",
            "kg",
            "kilograms",
            "kilogrammes",
            "kilos",
            "grams",
            "lbs",
            "lb",
            "km",
            "kilometers",
            "kilometres",
            "miles",
            "mile",
            "meters",
            "metres",
            "meter",
            "metre",
            "feet",
            "foot",
            "inches",
            "inch",
            "acres",
            "hectares",
            "bushels",
            "gallons",
            "litres",
            "liters",
            "megawatts",
            "mw",
            "kilowatts",
            "kw",
            "degrees",
            "carats",
            "cm",
            "mm",
            "mph",
            "kph",
            "sq",
            "mt",
            "mmbtu",
            "cwt",
            "mts",
        ],
        Lex::QtyUnit,
    );
    put(&["metric", "square", "cubic", "short", "long", "troy", "nautical"], Lex::QtyPre);
    put(&["this", "current", "present"], Lex::Rel(0));
    put(&["last", "past", "previous", "preceding", "prior"], Lex::Rel(-1));
    put(&["next", "coming", "following", "upcoming", "ensuing"], Lex::Rel(1));
    put(&["ago"], Lex::Ago);
    put(&["earlier", "before"], Lex::EarlierLater(-1));
    put(&["later", "after"], Lex::EarlierLater(1));
    put(&["early", "late", "mid"], Lex::Edge);
    put(&["now", "currently", "nowadays"], Lex::Ref(RefVal::Present));
    put(&["recently", "lately"], Lex::Ref(RefVal::Past));
    put(&["soon"], Lex::Ref(RefVal::Future));
    put(&["several", "few", "some", "many"], Lex::Vague);
    put(&["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "kst", "jst"], Lex::Zone);
    put(&["fiscal"], Lex::Fiscal);
    for (w, d) in [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ] {
        put(&[w], Lex::DecadeWord(d));
    }
    put(&["nearly", "almost", "around", "about", "approximately", "roughly"], Lex::Approx);
    put(&["end", "beginning", "start", "middle"], Lex::EdgeNoun);
    put(&["right"], Lex::Kw(Kw::Right));
    put(&["recent"], Lex::Kw(Kw::Recent));
    put(&["future"], Lex::Kw(Kw::Future));
    put(&["that"], Lex::Kw(Kw::That));
    put(&["same"], Lex::Kw(Kw::Same));
    put(&["these"], Lex::Kw(Kw::These));
    put(&["latest"], Lex::Kw(Kw::Latest));
    put(&["the"], Lex::The);
    put(&["a", "an"], Lex::A);
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(word: &str) -> Lex {
        classify(lexicon(), word.as_bytes())
    }

    fn kinds(text: &str) -> Vec<(String, Kind, bool)> {
        scan(text).iter().map(|t| (text[t.start..t.end].to_string(), t.kind, t.space)).collect()
    }

    #[test]
    fn splits_numbers_words_and_punctuation() {
        let k = kinds("Aug. 2, 1990: 5.93 mln dlrs, 155,221 bags; the 70th Hwasong-18 mid-1990s");
        let texts: Vec<&str> = k.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Aug", ".", "2", ",", "1990", ":", "5.93", "mln", "dlrs", ",", "155,221", "bags", ";", "the", "70th",
                "Hwasong", "-", "18", "mid", "-", "1990s"
            ]
        );
        assert_eq!(k[10].1, Kind::Num);
        assert!(!k[16].2 && !k[17].2, "hyphen and number are glued to the word");
    }

    #[test]
    fn sentence_final_period_is_not_a_decimal() {
        let texts: Vec<String> = kinds("in 1990. Then").into_iter().map(|x| x.0).collect();
        assert_eq!(texts, ["in", "1990", ".", "Then"]);
    }

    #[test]
    fn lexicon_is_case_insensitive() {
        assert_eq!(lookup("JULY"), Lex::Month { m: 7, abbr: false });
        assert_eq!(lookup("Sept"), Lex::Month { m: 9, abbr: true });
        assert_eq!(lookup("Wednesday"), Lex::Weekday(2));
        assert_eq!(lookup("Pyongyang"), Lex::None);
    }
}
