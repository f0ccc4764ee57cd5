//! Corpus-level identity: one `entity_id` and one display `name` per real-world entity across a
//! whole entities table (the reduce step after a distributed run too).
//!
//! Every mention gets a *key*: its in-story name (canonical, else text) lower-cased, without
//! punctuation, a leading "the", legal suffixes of organisations ("Inc", "Corp", "and Co", "PLC",
//! "AG", ...), people's courtesy titles, middle initials and "Jr". Mentions of one label with one
//! key are one entity: this joins case variants ("LONDON", "London") and suffix variants ("Intel",
//! "Intel Corp"). Long names other than people's also drop linking words ("of", "and", ...) and
//! plurals, which vary between the spellings stories use ("Trades Union Congress", "Trade Unions
//! Congress"), and a ticker the recogniser took into the name ("Japan Air Lines Co <JAPN.T>").
//! Short forms then join a full name when the corpus makes it clear which one:
//! - a one-word person name ("Reagan", "Mr Baker") joins the full name ending in it ("Ronald
//!   Reagan"), unless companies or places named with that word ("Crowley Maritime Corp",
//!   "Marietta") come close to the person in stories (an administration or party named after its
//!   leader does not count);
//!   A bare surname whose story never gives a first name joins a full name in fewer than
//!   [`PROMINENT`] stories only when its story shares another uncommon name with one of them
//!   (see `Context`); so does an acronym whose letters are not the initials of the name it
//!   would join (a ticker "CPB" and a "Centraal Planbureau (CPB)" of another story);
//! - initials and a surname ("G Murphy", "A.W. Clements") join the full name with that first
//!   initial and surname ("Geordan Murphy"), and two words of a person's name the longer name
//!   ending in them ("Bra Kanon", "Denis Bra Kanon");
//! - a one-word organisation name ("Dow", "Altria") joins the longer organisation name starting
//!   with it ("Dow Chemical Co"), unless the corpus writes the short name with a legal suffix
//!   ("Texaco Inc": a company's own name);
//! - an acronym or ticker written in capitals ("IBM", "INTC") joins the name that stories resolve it
//!   to (a story that writes "Intel Corp <INTC>" or defines "International Business Machines
//!   (IBM)" is evidence for the stories that only write the short form; when no name of its own
//!   label is in view, the evidence of any label counts). A short form resolved to a name that is
//!   itself short ("MDR" -> "McDermott") ends where that name does ("McDermott International
//!   Inc"). Initials alone are not:
//!   in Reuters "CPL", "CRI" and "LCE" name other companies than the ones they abbreviate.
//!
//! Ambiguity is judged per *window*, the calendar year of the story's date (stories without a date
//! form one window): a short form joins the candidate full name seen in the most stories of its
//! window when no other candidate comes close (at least [`DOMINANCE`] times as many stories; for a
//! person, counting only the stories where the candidate carries the same title word when the
//! short form has one, the head of the title: "Treasury Secretary Baker" and "chief of staff
//! Baker" are told apart, "finance director of ICI" is a director), and
//! stays apart otherwise ("Johnson" in a year with two Johnsons of similar standing). With no
//! candidate in its window, the candidates of the whole table count.
//!
//! Historical states are their own entities whatever the in-story canonical says: "the Soviet
//! Union" (code SU), "West Germany", "East Germany" (DD), "Czechoslovakia" (CS), "Yugoslavia"
//! (YU), and, in stories dated before the renaming, "Burma" (BU, before 18 June 1989) and "Zaire"
//! (ZR, before 17 May 1997).
//!
//! Ids are a hash of (label, key, disambiguator) of the entity a mention ends in — not of the
//! input's order or size — so the same entity has the same id in any run, at any thread count and
//! in any corpus containing it. The disambiguator is the historical code, or the user's id.
//! Linear in the number of mentions (hash maps; candidate lists are per word and window).
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::NO_DAY;

/// A short form joins the leading candidate when it has at least this many times the stories of
/// the next one.
pub const DOMINANCE: u64 = 5;

/// One mention's columns, borrowed from the entities table. Empty strings stand for nulls.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mention<'a> {
    pub text: &'a str,
    pub canonical: &'a str,
    pub label: &'a str,
    pub title: &'a str,
    pub country_code: &'a str,
    /// The user's id (`kb_id` from `aliases=`/`patterns=`): a user's entry wins.
    pub kb_id: &'a str,
    /// Days since 1970-01-01 of the story's date, or [`NO_DAY`].
    pub day: i32,
    /// The story's code (any dense or sparse integer; only equality matters).
    pub story: u32,
}

/// The linked table: one entity code per mention, and per entity code its id, display name and
/// the code of a historical state (empty for every other entity: mentions keep their own codes).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Linked {
    pub entity: Vec<u32>,
    pub ids: Vec<String>,
    pub names: Vec<String>,
    pub codes: Vec<String>,
}

/// Labels whose mentions are names (values such as dates and amounts keep their own key and are
/// never joined to anything else).
fn is_name_label(label: &str) -> bool {
    !matches!(label, "DATE" | "TIME" | "DURATION" | "SET" | "MONEY" | "PERCENT" | "QUANTITY" | "ORDINAL" | "CARDINAL")
}

const ORG_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "cos",
    "company",
    "ltd",
    "limited",
    "plc",
    "ag",
    "sa",
    "nv",
    "bv",
    "gmbh",
    "spa",
    "srl",
    "lp",
    "llc",
    "llp",
    "pty",
    "kk",
    "ab",
    "asa",
    "oy",
    "oyj",
    "bhd",
    "berhad",
    "sdn",
    "cie",
    "sarl",
    "sca",
    "se",
    "pt",
    "tbk",
    "lda",
    "ltda",
    "de cv",
];

/// Words that name no company on their own: a legal suffix after one of them is kept in the key.
const GENERIC_ORG_WORDS: &[&str] = &[
    "credit",
    "engineering",
    "environment",
    "industries",
    "industry",
    "resources",
    "services",
    "service",
    "bank",
    "trust",
    "group",
    "holdings",
    "holding",
    "international",
    "capital",
    "financial",
    "finance",
    "energy",
    "systems",
    "partners",
    "investment",
    "investments",
    "securities",
    "insurance",
    "development",
    "management",
    "communications",
    "technology",
    "technologies",
    "products",
    "enterprises",
    "properties",
    "realty",
    "mining",
    "oil",
    "gas",
    "steel",
    "motors",
    "airlines",
    "electric",
    "power",
    "national",
    "american",
    "general",
    "first",
    "united",
    "pacific",
    "western",
    "eastern",
    "southern",
    "northern",
    "central",
    "federal",
    "royal",
    "union",
];

const PERSON_PREFIXES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
    "rev",
    "president",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "gen",
    "general",
    "mayor",
    "judge",
    "justice",
    "prime minister",
    "minister",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "ambassador",
];

/// (name as written lower-cased, display name, code, last day on which the name names the
/// historical entity, or `None` for a state that no longer exists under any name).
const HISTORICAL: &[(&str, &str, &str, Option<i32>)] = &[
    ("soviet union", "Soviet Union", "SU", None),
    ("ussr", "Soviet Union", "SU", None),
    ("union of soviet socialist republics", "Soviet Union", "SU", None),
    ("west germany", "West Germany", "DE", None),
    ("federal republic of germany", "West Germany", "DE", Some(7579)), // 1990-10-02
    ("east germany", "East Germany", "DD", None),
    ("german democratic republic", "East Germany", "DD", None),
    ("gdr", "East Germany", "DD", None),
    ("czechoslovakia", "Czechoslovakia", "CS", None),
    ("yugoslavia", "Yugoslavia", "YU", None),
    ("rhodesia", "Rhodesia", "RH", None),
    ("upper volta", "Upper Volta", "HV", None),
    ("burma", "Burma", "BU", Some(7107)),  // 1989-06-17
    ("zaire", "Zaire", "ZR", Some(10018)), // 1997-05-16
];

/// Demonyms of historical states: the mention keeps its name and takes the state's code.
const HISTORICAL_DEMONYMS: &[(&str, &str)] =
    &[("soviet", "SU"), ("soviets", "SU"), ("west german", "DE"), ("east german", "DD")];

fn is_place_label(label: &str) -> bool {
    matches!(label, "GPE" | "LOC" | "ORG" | "NORP")
}

/// The name's words, lower-cased, with punctuation dropped ("F.W." -> "fw", "&" -> "and").
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in name.split(|c: char| c.is_whitespace() || c == '/' || c == ',') {
        let mut w = String::with_capacity(raw.len());
        for c in raw.chars() {
            match c {
                '.' | '"' | '(' | ')' | '<' | '>' | '*' | ';' | ':' | '!' | '?' => {}
                '&' => {
                    if !w.is_empty() {
                        out.push(std::mem::take(&mut w));
                    }
                    out.push("and".to_string());
                }
                '\u{2019}' => w.push('\''),
                _ => w.extend(c.to_lowercase()),
            }
        }
        if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix('\'')) {
            w.truncate(stem.len());
        }
        if !w.is_empty() {
            out.push(w);
        }
    }
    out
}

/// True when the name's first word is written as initials with periods ("F.W.", "J.C."), the way
/// a company's founder's initials precede its name; "U.S." and other places are not initials.
fn dotted_initials(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2
        && b.len().is_multiple_of(2)
        && b.chunks(2).all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
        && !matches!(word, "U.S." | "U.K." | "U.N." | "E.C." | "E.U." | "N.Y." | "D.C.")
}

/// The key of a name of `label`: its words joined by spaces, without what varies between the
/// mentions of one entity (see the module doc).
pub fn key(name: &str, label: &str) -> String {
    let mut w = key_words(name, label);
    if w.len() > 1 && is_name_label(label) && !matches!(label, "PERSON" | "PER") {
        spelling_free(&mut w);
    }
    w.join(" ")
}

/// The first word of a name's key as written, before linking words and plurals are dropped
/// ("Miles Laboratories" -> "miles"): what a one-word form of the name looks like.
fn head_word(name: &str, label: &str) -> String {
    key_words(name, label).into_iter().next().unwrap_or_default()
}

/// The key's words (see [`key`]) before [`spelling_free`].
fn key_words(name: &str, label: &str) -> Vec<String> {
    // "Japan Air Lines Co <JAPN.T>", "Mesa Limited Partnership <MLP": a ticker the recogniser
    // took into the name is not part of it.
    let name = match name.find('<') {
        Some(i) if i > 0 && !matches!(label, "PERSON" | "PER") => name[..i].trim_end(),
        _ => name,
    };
    let mut w = words(name);
    if w.len() > 1 && w[0] == "the" {
        w.remove(0);
    }
    match label {
        "ORG" => {
            // "F.W. Woolworth Co" -> "woolworth"
            if let Some(first) = name.split_whitespace().next() {
                if w.len() > 1 && dotted_initials(first) {
                    w.remove(0);
                }
            }
            loop {
                let n = w.len();
                // "Credit Co" and "Credit SA" (fragments of longer names) are not one company.
                if n == 2 && GENERIC_ORG_WORDS.contains(&w[0].as_str()) {
                    break;
                }
                if n > 1 && ORG_SUFFIXES.contains(&w[n - 1].as_str()) {
                    w.pop();
                } else if n > 2 && w[n - 2] == "de" && w[n - 1] == "cv" {
                    w.truncate(n - 2);
                } else if n > 1 && w[n - 1] == "and" {
                    w.pop();
                } else {
                    break;
                }
            }
        }
        "PERSON" | "PER" => {
            while w.len() > 1 {
                let two = if w.len() > 2 { Some(format!("{} {}", w[0], w[1])) } else { None };
                if two.as_deref().is_some_and(|t| PERSON_PREFIXES.contains(&t)) {
                    w.drain(..2);
                } else if PERSON_PREFIXES.contains(&w[0].as_str()) {
                    w.remove(0);
                } else {
                    break;
                }
            }
            while w.len() > 1 && matches!(w[w.len() - 1].as_str(), "jr" | "sr" | "ii" | "iii") {
                w.pop();
            }
            if w.len() > 2 {
                let (first, last) = (w[0].clone(), w[w.len() - 1].clone());
                let mut middle: Vec<String> =
                    w[1..w.len() - 1].iter().filter(|x| x.chars().count() > 1).cloned().collect();
                w = vec![first];
                w.append(&mut middle);
                w.push(last);
            }
        }
        _ => {}
    }
    w
}

/// Words that vary between spellings of one long name ("Association for Payment Clearing
/// Services", "Association of Payment and Clearing Services").
const LINK_WORDS: &[&str] = &["of", "the", "for", "and", "de", "del", "des", "du", "la"];

/// A long name's words without linking words and with plurals made singular, so that the
/// spellings stories use for one name share a key ("Trades Union Congress", "Trade Unions
/// Congress"; "Scandinavian Airline Systems", "Scandinavian Airlines System"). Word order stays.
fn spelling_free(w: &mut Vec<String>) {
    let kept: Vec<String> = w.iter().filter(|x| !LINK_WORDS.contains(&x.as_str())).cloned().collect();
    if kept.len() < 2 {
        return;
    }
    *w = kept.iter().map(|x| singular(x)).collect();
}

/// A word's singular, roughly ("industries" -> "industry", "airlines" -> "airline"; "class",
/// "bus" and words of three letters stay).
fn singular(x: &str) -> String {
    let n = x.chars().count();
    if n > 4 && x.ends_with("ies") {
        format!("{}y", &x[..x.len() - 3])
    } else if n > 3 && x.ends_with('s') && !x.ends_with("ss") && !x.ends_with("us") && !x.ends_with("is") {
        x[..x.len() - 1].to_string()
    } else {
        x.to_string()
    }
}

/// A single word in capitals of 2 to 6 letters (an acronym or a ticker, "IBM", "INTC", "GM").
fn acronym_shaped(surface: &str) -> bool {
    let letters: Vec<char> = surface.chars().filter(|c| *c != '.' && *c != '&').collect();
    (2..=6).contains(&letters.len())
        && letters.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && letters.iter().any(|c| c.is_ascii_uppercase())
        && !surface.contains(char::is_whitespace)
}

/// A word that may be a surname: a capital, then letters (and hyphens or apostrophes), three or
/// more in all ("Reagan", "O'Neill", "YEUTTER"; not "IV", "N.V.", "Jr").
fn surname_shaped(surface: &str) -> bool {
    let mut chars = surface.chars();
    chars.next().is_some_and(char::is_uppercase)
        && surface.chars().count() >= 3
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !matches!(surface.to_lowercase().as_str(), "bank" | "credit" | "royal" | "group" | "fund" | "trust" | "jr")
}

/// True when `short` is the initials of the words of `long` ("fcoj", "frozen concentrated
/// orange juice"), linking words ("of", "and") optional.
fn spells(short: &str, long: &str) -> bool {
    fn go(s: &[char], w: &[&str]) -> bool {
        match (s.first(), w.first()) {
            (None, None) => true,
            (_, Some(x)) if LINK_WORDS.contains(x) => {
                go(s, &w[1..]) || s.first().is_some_and(|c| x.starts_with(*c)) && go(&s[1..], &w[1..])
            }
            (Some(c), Some(x)) => x.starts_with(*c) && go(&s[1..], &w[1..]),
            _ => false,
        }
    }
    let s: Vec<char> = short.chars().filter(char::is_ascii_alphanumeric).collect();
    let w: Vec<&str> = long.split(' ').collect();
    w.len() <= 12 && go(&s, &w)
}

/// The calendar year of a day number (days since 1970-01-01), or `i32::MIN` for [`NO_DAY`].
fn year_of(day: i32) -> i32 {
    if day == NO_DAY {
        return i32::MIN;
    }
    // Howard Hinnant's civil_from_days.
    let z = day as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2)) as i32
}

/// The last word of a title, lower-cased ("U.S. Treasury Secretary" -> "secretary").
/// The head of a title, the last word before a qualifier ("finance director of ICI" ->
/// "director", "analyst with Shearson, New York" -> "analyst").
fn title_word(title: &str) -> &str {
    let mut head = title.split(',').next().unwrap_or("");
    for sep in [" of ", " at ", " for ", " with ", " in ", " to "] {
        if let Some(i) = head.find(sep) {
            head = &head[..i];
        }
    }
    head.split_whitespace().last().unwrap_or("")
}

/// What the per-mention pass gives.
#[derive(Debug, Clone, Default)]
struct Keyed {
    /// (label, key): the node the mention is a form of.
    key: String,
    /// The name as written, whitespace collapsed (for the display name).
    surface: String,
    /// Historical or user identity: (display name, code or id), fixed.
    fixed: Option<(String, String)>,
    /// Key of the text when it differs from the canonical's (evidence: this short form stands for
    /// that name in some story).
    alias_of_text: Option<String>,
    /// Short forms that may join a full name: a one-word person name, initials and a surname, a
    /// one-word company name, or an acronym.
    short: Short,
    /// What a short form looks up: its key, or for initials and a surname "g murphy".
    query: String,
    /// An organisation name written with a legal suffix somewhere ("Texaco Inc"): a company's
    /// own name, which does not stand for a longer one.
    suffixed: bool,
    title: String,
    /// The title's head word, lower-cased (a full name's title, counted for its candidates).
    title_head: String,
    /// The short keys a full name is a candidate for, with the stories it needs there
    /// ("reagan" and "r reagan" for "Ronald Reagan"; "dow" for "Dow Chemical Co").
    shorts: Vec<(String, u64)>,
    /// The word a company, place or facility name keeps from joining a person (see the blockers).
    blocker: Option<String>,
    /// An acronym's long form: evidence under any label.
    any_label: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Short {
    #[default]
    No,
    Surname,
    /// Initials and a surname ("G Murphy", "A.W. Clements").
    Initialed,
    /// A one-word organisation name ("Dow", "Altria").
    Company,
    /// A two-word person name that may be the end of a longer one ("Bra Kanon" of "Denis Bra
    /// Kanon"); it is a full name too (a candidate for the surname alone).
    Partial,
    Acronym,
}

/// Words that end a name of a government or party named after its leader ("Reagan
/// Administration"): such names do not make the leader's surname ambiguous.
const LEADER_NAMED: &[&str] =
    &["administration", "government", "cabinet", "party", "camp", "aides", "aide", "team", "era"];

/// A person's name written as initials and a surname: every word before the last is one to
/// three capitals, with or without periods ("G Murphy", "A.W. Clements", "J.C. Walter").
fn initialed(surface: &str) -> Option<(char, &str)> {
    let toks: Vec<&str> = surface.split_whitespace().collect();
    let (last, rest) = toks.split_last()?;
    if rest.is_empty() || !surname_shaped(last) {
        return None;
    }
    let ok = rest.iter().all(|t| {
        let letters: Vec<char> = t.chars().filter(|c| *c != '.').collect();
        (1..=3).contains(&letters.len())
            && letters.iter().all(char::is_ascii_uppercase)
            && (letters.len() == 1 || t.contains('.'))
    });
    let first = rest[0].chars().next()?.to_ascii_lowercase();
    ok.then_some((first, *last))
}

fn keyed(m: &Mention) -> Keyed {
    let name = if m.canonical.trim().is_empty() { m.text } else { m.canonical };
    let surface = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if !m.kb_id.is_empty() {
        return Keyed {
            key: key(&surface, m.label),
            fixed: Some((surface.clone(), m.kb_id.to_string())),
            surface,
            ..Keyed::default()
        };
    }
    if !is_name_label(m.label) {
        return Keyed { key: surface.to_lowercase(), surface, ..Keyed::default() };
    }
    let k = key(&surface, m.label);
    if is_place_label(m.label) {
        let text_key = words(m.text).join(" ");
        let text_key = text_key.strip_prefix("the ").unwrap_or(&text_key);
        if m.label == "NORP" {
            if let Some((_, code)) = HISTORICAL_DEMONYMS.iter().find(|(w, _)| *w == text_key) {
                return Keyed { key: k, surface, fixed: Some((String::new(), code.to_string())), ..Keyed::default() };
            }
        } else if let Some((_, hist, code, _)) = HISTORICAL
            .iter()
            .find(|(w, _, _, until)| *w == text_key && until.is_none_or(|u| m.day != NO_DAY && m.day <= u))
        {
            return Keyed {
                key: hist.to_lowercase(),
                surface: hist.to_string(),
                fixed: Some((hist.to_string(), code.to_string())),
                ..Keyed::default()
            };
        }
    }
    let nwords = k.split(' ').count();
    let person = matches!(m.label, "PERSON" | "PER");
    let mut query = k.clone();
    let short = if person && nwords == 1 && surname_shaped(&surface) {
        Short::Surname
    } else if let Some((initial, last)) = initialed(&surface).filter(|_| person) {
        query = format!("{initial} {}", words(last).join(" "));
        Short::Initialed
    } else if acronym_shaped(&surface) {
        Short::Acronym
    } else if m.label == "ORG" && nwords == 1 && surface.chars().next().is_some_and(char::is_uppercase) {
        Short::Company
    } else if person && nwords == 2 {
        query = format!("+{k}");
        Short::Partial
    } else {
        Short::No
    };
    let plain = words(&surface);
    let plain = plain.strip_prefix(&["the".to_string()]).unwrap_or(&plain).join(" ");
    let suffixed = m.label == "ORG" && plain != k;
    let text_key = key(m.text, m.label);
    let alias_of_text = (!m.text.is_empty() && text_key != k && !text_key.is_empty()).then_some(text_key);
    let title = if matches!(short, Short::Surname | Short::Initialed) {
        title_word(m.title).to_lowercase()
    } else {
        String::new()
    };
    let title_head = title_word(m.title).to_lowercase();
    let kw: Vec<&str> = k.split(' ').collect();
    let mut shorts = Vec::new();
    if matches!(short, Short::No | Short::Partial) {
        if person && kw.len() > 1 {
            let last = kw[kw.len() - 1];
            shorts.push((last.to_string(), 2));
            // "Geordan Murphy" for "G Murphy"
            if let Some(initial) = kw[0].chars().next().filter(|_| kw[0].chars().count() > 1) {
                shorts.push((format!("{initial} {last}"), 1));
            }
            // "Denis Bra Kanon" for "Bra Kanon"
            if kw.len() > 2 {
                shorts.push((format!("+{} {last}", kw[kw.len() - 2]), 1));
            }
        } else if m.label == "ORG" && kw.len() > 1 {
            // "Dow Chemical" for "Dow"
            shorts.push((head_word(&surface, m.label), 2));
        }
    }
    let blocker = if matches!(m.label, "ORG" | "GPE" | "LOC" | "FAC") && short != Short::Acronym {
        match kw.as_slice() {
            [one] if m.label != "ORG" => Some(one.to_string()),
            [_, .., last] if !LEADER_NAMED.contains(last) => Some(head_word(&surface, m.label)),
            _ => None,
        }
        .filter(|w| w.chars().count() >= 3)
    } else {
        None
    };
    let any_label = acronym_shaped(m.text.trim());
    Keyed {
        key: k,
        surface,
        fixed: None,
        alias_of_text,
        short,
        query,
        suffixed,
        title,
        title_head,
        shorts,
        blocker,
        any_label,
    }
}

type NodeId = u32;

/// Marks a blocker among scored candidates (node ids stay far below it).
const BLOCKER: NodeId = 1 << 31;

/// Candidates of a short form: node -> stories (and stories with each title word).
#[derive(Default)]
struct Candidates<'a> {
    /// Stories a candidate must be named in (in full) to be picked.
    min_stories: u64,
    stories: FxHashMap<NodeId, u64>,
    titled: FxHashMap<(NodeId, &'a str), u64>,
    /// Other names the short form is part of, never picked but competing with the candidates:
    /// a company or place named with the surname ("Crowley Maritime" for "Crowley").
    blockers: FxHashMap<NodeId, u64>,
}

impl<'a> Candidates<'a> {
    fn add(&mut self, node: NodeId, title: &'a str) {
        *self.stories.entry(node).or_default() += 1;
        if !title.is_empty() {
            *self.titled.entry((node, title)).or_default() += 1;
        }
    }

    /// The dominant candidate for a short form with `title` (see the module doc); ties and close
    /// seconds give None. Deterministic: scores, then node keys, never input order.
    fn pick(&self, title: &str, node_keys: &[(String, String)]) -> Option<NodeId> {
        let score = |n: NodeId| -> u64 {
            if title.is_empty() {
                self.stories[&n]
            } else {
                self.titled.get(&(n, title)).copied().unwrap_or(0)
            }
        };
        let mut scored: Vec<(u64, NodeId)> = self.stories.keys().map(|&n| (score(n), n)).collect();
        if title.is_empty() {
            // A blocker shows as its node with the top bit set: it can lead (and then nothing is
            // picked) but is never picked.
            scored.extend(self.blockers.iter().map(|(&n, &c)| (c, n | BLOCKER)));
        }
        if !title.is_empty() && scored.iter().all(|(s, _)| *s == 0) {
            // Nobody carries that title: plain story counts decide, unless the candidates carry
            // other titles (a "Senator Harris" is not the corpus's "Governor Harris").
            if self.titled.is_empty() {
                return self.pick("", node_keys);
            }
            return None;
        }
        let nk = |n: NodeId| &node_keys[(n & !BLOCKER) as usize];
        scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| nk(a.1).cmp(nk(b.1))).then_with(|| a.1.cmp(&b.1)));
        // A full name the corpus writes in one story only is too thin a ground to name every
        // story's "Harris" after.
        let enough = |n: NodeId| n & BLOCKER == 0 && self.stories[&n] >= self.min_stories;
        match scored.as_slice() {
            [] => None,
            [(s, n)] => (*s > 0 && enough(*n)).then_some(*n),
            [(s1, n), (s2, _), ..] => (*s1 > 0 && *s1 >= DOMINANCE * s2 && enough(*n)).then_some(*n),
        }
    }
}

/// A full name in at least this many stories is known well enough for a bare surname to name it
/// without other support.
pub const PROMINENT: usize = 8;

/// Which names each story mentions, and in which stories each name is: a bare surname ("Barry",
/// a story that never gives a first name) joins a little-known full name ("Kevin Barry", in
/// fewer than [`PROMINENT`] stories) only when its story shares another, uncommon, name with one
/// of that person's stories. The surname alone is as often a word of a company or place the
/// recogniser took for a person ("Barry Citrus Products", "Lyons, Kan.") or a namesake in
/// another field.
struct Context {
    story_nodes: FxHashMap<u32, Vec<NodeId>>,
    node_stories: FxHashMap<NodeId, Vec<u32>>,
    /// A name in more stories than this is too common to tie two stories together.
    common: usize,
}

impl Context {
    fn new(mentions: &[Mention], keyed: &[&Keyed], mention_node: &[NodeId]) -> Self {
        let mut pairs: Vec<(u32, NodeId)> = mentions
            .iter()
            .zip(keyed)
            .zip(mention_node)
            .filter(|((m, k), _)| is_name_label(m.label) && k.fixed.is_none() || !m.country_code.is_empty())
            .map(|((m, _), &n)| (m.story, n))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut story_nodes: FxHashMap<u32, Vec<NodeId>> = FxHashMap::default();
        let mut node_stories: FxHashMap<NodeId, Vec<u32>> = FxHashMap::default();
        for &(s, n) in &pairs {
            story_nodes.entry(s).or_default().push(n);
            node_stories.entry(n).or_default().push(s);
        }
        let common = (story_nodes.len() / 50).max(5);
        Context { story_nodes, node_stories, common }
    }

    /// Does the `story` of a short form (node `own`) share an uncommon name, other than the short
    /// form and the full name `full`, with a story of `full`? True for a prominent `full`.
    fn shares(&self, story: u32, own: NodeId, full: NodeId, node_keys: &[(String, String)]) -> bool {
        let Some(theirs) = self.node_stories.get(&full) else { return false };
        if theirs.len() >= PROMINENT {
            return true;
        }
        let Some(mine) = self.story_nodes.get(&story) else { return false };
        // the full name is in the story itself, under another label ("Banque Indosuez" ORG)
        if mine.iter().any(|&n| node_keys[n as usize].1 == node_keys[full as usize].1) {
            return true;
        }
        let uncommon =
            |n: &NodeId| *n != own && *n != full && self.node_stories.get(n).is_some_and(|s| s.len() <= self.common);
        theirs.iter().any(|s| {
            self.story_nodes
                .get(s)
                .is_some_and(|other| mine.iter().filter(|n| uncommon(n)).any(|n| other.binary_search(n).is_ok()))
        })
    }
}

/// Where ambiguity is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Window {
    /// The calendar year of the story's date (undated stories: one window).
    #[default]
    Year,
    /// The whole table.
    All,
}

/// The distinct forms of the mentions (everything [`keyed`] reads): the index of each form's
/// first mention, and each mention's form.
fn distinct_forms(mentions: &[Mention]) -> (Vec<usize>, Vec<u32>) {
    // The day matters only to a few historical names, through these dates.
    let era = |day: i32| -> u8 {
        if day == NO_DAY {
            return 4;
        }
        HISTORICAL.iter().filter_map(|h| h.3).filter(|&u| day <= u).count() as u8
    };
    let mut index: FxHashMap<(&str, &str, &str, &str, &str, u8), u32> = FxHashMap::default();
    let mut firsts = Vec::new();
    let form = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let next = firsts.len() as u32;
            *index.entry((m.text, m.canonical, m.label, m.title, m.kb_id, era(m.day))).or_insert_with(|| {
                firsts.push(i);
                next
            })
        })
        .collect();
    (firsts, form)
}

/// Links the mentions with yearly windows (see the module doc).
pub fn link(mentions: &[Mention]) -> Linked {
    link_in(mentions, Window::Year)
}

/// Links the mentions, judging ambiguity per `window`. The result's codes number the entities in
/// the order of their ids, so the output does not depend on the input's order.
pub fn link_in(mentions: &[Mention], window: Window) -> Linked {
    let year_of = |day: i32| if window == Window::All { i32::MIN } else { year_of(day) };
    // A corpus repeats its names: key each distinct form once (a quarter of the mentions in
    // Reuters-21578), then look the mentions up.
    let (firsts, form) = distinct_forms(mentions);
    let form_keyed: Vec<Keyed> = firsts.par_iter().map(|&i| keyed(&mentions[i])).collect();
    let keyed: Vec<&Keyed> = form.iter().map(|&f| &form_keyed[f as usize]).collect();

    // Nodes: one per (label, key) of a full form, plus fixed identities.
    let mut node_of: FxHashMap<(&str, &str), NodeId> = FxHashMap::default();
    let mut node_keys: Vec<(String, String)> = Vec::new();
    let mut form_node: Vec<NodeId> = Vec::with_capacity(firsts.len());
    for (&i, k) in firsts.iter().zip(&form_keyed) {
        let m = &mentions[i];
        let label = if k.fixed.is_some() && !m.kb_id.is_empty() { "USER" } else { m.label };
        let key_str: &str = match &k.fixed {
            Some((_, id)) if !m.kb_id.is_empty() => id,
            _ => &k.key,
        };
        let next = node_keys.len() as NodeId;
        let id = *node_of.entry((label, key_str)).or_insert_with(|| {
            node_keys.push((label.to_string(), key_str.to_string()));
            next
        });
        form_node.push(id);
    }
    let mention_node: Vec<NodeId> = form.iter().map(|&f| form_node[f as usize]).collect();
    // What the per-mention passes look up depends on the mention's form: work it out once per
    // form (a quarter of the mentions), so the passes hash integers, not tuples of strings.
    // A short query (label, key, title) as a number: forms with equal queries share it.
    let mut query_of: FxHashMap<(&str, &str, &str), u32> = FxHashMap::default();
    let form_query: Vec<u32> = firsts
        .iter()
        .zip(&form_keyed)
        .map(|(&i, k)| {
            let next = query_of.len() as u32;
            *query_of.entry((mentions[i].label, k.key.as_str(), k.title.as_str())).or_insert(next)
        })
        .collect();
    let form_title: Vec<&str> = firsts.iter().map(|&i| title_word(mentions[i].title)).collect();

    // Candidate full names per (window, label, short key), with story counts: distinct (story,
    // node, title) triples first, so that a name repeated in a story counts once.
    let mut seen: FxHashSet<(u32, NodeId, &str)> = FxHashSet::default();
    let mut windows: FxHashMap<(i32, &str, &str), Candidates> = FxHashMap::default();
    let mut alias_ev: FxHashMap<(i32, &str, &str), Candidates> = FxHashMap::default();
    let mut seen_alias: FxHashSet<(u32, NodeId, &str)> = FxHashSet::default();
    for (i, (m, k)) in mentions.iter().zip(&keyed).enumerate() {
        let full = matches!(k.short, Short::No | Short::Partial);
        if k.fixed.is_some() || !is_name_label(m.label) || !full && k.alias_of_text.is_none() {
            continue;
        }
        let node = mention_node[i];
        let year = year_of(m.day);
        if let Some(t) = &k.alias_of_text {
            if seen_alias.insert((m.story, node, t.as_str())) {
                // An acronym's long form is evidence under any label too: the recogniser may
                // label the short form otherwise ("NYFE" PERSON, "New York Futures Exchange" ORG).
                for w in [year, i32::MAX] {
                    for label in [m.label, ""] {
                        if label.is_empty() && !k.any_label {
                            continue;
                        }
                        let c = alias_ev.entry((w, label, t.as_str())).or_default();
                        c.min_stories = 1;
                        c.add(node, "");
                    }
                }
            }
        }
        if !full || k.shorts.is_empty() || !seen.insert((m.story, node, form_title[form[i] as usize])) {
            continue;
        }
        for (short, min_stories) in &k.shorts {
            for w in [year, i32::MAX] {
                let c = windows.entry((w, m.label, short.as_str())).or_default();
                c.min_stories = *min_stories;
                c.add(node, &k.title_head);
            }
        }
    }

    // Blockers: a company, place or facility named with a word keeps that word, written alone
    // as a person's name, from joining a person of that surname unless the person is much more
    // often in the news ("Crowley Maritime Corp", "Perry Drug Stores", "Marietta").
    let mut seen_block: FxHashSet<(u32, NodeId)> = FxHashSet::default();
    for (i, (m, k)) in mentions.iter().zip(&keyed).enumerate() {
        let Some(word) = k.blocker.as_deref().filter(|_| k.fixed.is_none()) else { continue };
        if !seen_block.insert((m.story, mention_node[i])) {
            continue;
        }
        let year = year_of(m.day);
        for w in [year, i32::MAX] {
            for map in [&mut windows, &mut alias_ev] {
                let c = map.entry((w, "PERSON", word)).or_default();
                *c.blockers.entry(mention_node[i]).or_default() += 1;
            }
        }
    }

    // A company's own name (written with a legal suffix somewhere) does not stand for a longer one.
    let suffixed: FxHashSet<NodeId> =
        keyed.iter().zip(&mention_node).filter(|(k, _)| k.suffixed).map(|(_, &n)| n).collect();

    // Resolve each distinct short query once.
    let mut target: FxHashMap<(i32, u32), Option<NodeId>> = FxHashMap::default();
    // What a node that is itself a short form resolves to, per window ("McDermott" ->
    // "McDermott International Inc"), so that a form resolved to it ends there too ("MDR").
    let mut onward: FxHashMap<(i32, NodeId), NodeId> = FxHashMap::default();
    // Queries resolved by what stories say the short form stands for (not by its shape alone).
    let mut by_evidence: FxHashSet<(i32, u32)> = FxHashSet::default();
    for (i, (m, k)) in mentions.iter().zip(&keyed).enumerate() {
        if k.fixed.is_some() || k.short == Short::No || k.short == Short::Company && suffixed.contains(&mention_node[i])
        {
            continue;
        }
        let year = year_of(m.day);
        let q = (year, form_query[form[i] as usize]);
        if target.contains_key(&q) {
            continue;
        }
        let own = mention_node[i];
        let mut found = None;
        let mut candidates = false;
        for w in [year, i32::MAX] {
            let story_evidence = alias_ev.get(&(w, m.label, k.key.as_str()));
            let shape = windows.get(&(w, m.label, k.query.as_str()));
            // What stories resolve this short form to wins; then the names it abbreviates.
            for (c, evidence) in [(story_evidence, true), (shape, false)].into_iter().filter_map(|(c, e)| Some((c?, e)))
            {
                if let Some(n) = c.pick(&k.title, &node_keys) {
                    found = (n != own).then_some(n);
                    if evidence {
                        by_evidence.insert(q);
                    }
                    break;
                }
                if !c.stories.is_empty() && k.title.is_empty() {
                    // Candidates exist but none dominates: ambiguous, stay apart. With a title,
                    // the full names' titles (counted in `shape`) may still tell.
                    break;
                }
            }
            if found.is_some() || story_evidence.is_some() || shape.is_some() {
                candidates = true;
                break;
            }
        }
        if !candidates && acronym_shaped(&k.surface) {
            // Nothing under its own label: what stories define it as, under any label.
            for w in [year, i32::MAX] {
                if let Some(c) = alias_ev.get(&(w, "", k.key.as_str())) {
                    found = c.pick("", &node_keys).filter(|&n| n != own);
                    by_evidence.insert(q);
                    break;
                }
            }
        }
        if let (Some(n), true) = (found, k.title.is_empty()) {
            onward.insert((year, own), n);
        }
        target.insert(q, found);
    }

    let context = Context::new(mentions, &keyed, &mention_node);

    // Final node per mention; display names from the surfaces of each final node's own mentions.
    // Per (window, form): the node it resolves to, and whether that needs the story's support.
    let mut resolved: FxHashMap<(i32, u32), Option<(NodeId, bool)>> = FxHashMap::default();
    let final_node: Vec<NodeId> = mentions
        .iter()
        .zip(&keyed)
        .zip(&mention_node)
        .zip(&form)
        .map(|(((m, k), &own), &f)| {
            if k.fixed.is_some() || k.short == Short::No {
                return own;
            }
            let year = year_of(m.day);
            let to = *resolved.entry((year, f)).or_insert_with(|| {
                let q = (year, form_query[f as usize]);
                let n = target.get(&q).copied().flatten()?;
                let n = onward.get(&(year, n)).copied().filter(|&f| f != own).unwrap_or(n);
                // What stories define an acronym as ("FCOJ") is enough; a surname that
                // other stories resolve to a person needs this story's support.
                let shape_only = !(by_evidence.contains(&q)
                    && acronym_shaped(&k.surface)
                    && spells(&k.key, &node_keys[n as usize].1));
                // An acronym whose letters are not the name's initials ("CPB" of "Centraal
                // Planbureau", a Reuters ticker "<CPB>" of Campbell Soup) needs it too.
                let loose = k.short == Short::Acronym && !spells(&k.key, &node_keys[n as usize].1);
                Some((n, k.short == Short::Surname && k.title.is_empty() && shape_only || loose))
            });
            match to {
                Some((n, needs_support)) if !needs_support || context.shares(m.story, own, n, &node_keys) => n,
                _ => own,
            }
        })
        .collect();
    let mut per_form = vec![0u64; firsts.len()];
    for &f in &form {
        per_form[f as usize] += 1;
    }
    let mut surfaces: FxHashMap<(NodeId, &str), u64> = FxHashMap::default();
    for (((&i, k), &own), &n) in firsts.iter().zip(&form_keyed).zip(&form_node).zip(&per_form) {
        if let Some((name, _)) = &k.fixed {
            if !name.is_empty() && mentions[i].kb_id.is_empty() {
                *surfaces.entry((own, name.as_str())).or_default() += n;
                continue;
            }
        }
        *surfaces.entry((own, k.surface.as_str())).or_default() += n;
    }
    let mut best: FxHashMap<NodeId, (bool, u64, &str)> = FxHashMap::default();
    for (&(node, s), &n) in &surfaces {
        let rank = (!capitals(s), n, s);
        best.entry(node)
            .and_modify(|b| {
                if (rank.0, rank.1) > (b.0, b.1) || (rank.0, rank.1) == (b.0, b.1) && rank.2 < b.2 {
                    *b = rank;
                }
            })
            .or_insert(rank);
    }

    // Entities: the distinct final nodes, numbered in id order.
    let mut used: Vec<NodeId> = final_node.iter().copied().collect::<FxHashSet<_>>().into_iter().collect();
    let fixed_code: FxHashMap<NodeId, &str> = mentions
        .iter()
        .zip(&keyed)
        .zip(&mention_node)
        .filter_map(|((m, k), &n)| match &k.fixed {
            Some((_, c)) if m.kb_id.is_empty() => Some((n, c.as_str())),
            _ => None,
        })
        .collect();
    let mut rows: Vec<(String, String, String, NodeId)> = used
        .drain(..)
        .map(|n| {
            let (label, key) = &node_keys[n as usize];
            let code = fixed_code.get(&n).map(|c| c.to_string()).unwrap_or_default();
            let id = if label == "USER" {
                key.clone()
            } else {
                let disamb = fixed_code.get(&n).copied().unwrap_or("");
                entity_id(label, key, disamb)
            };
            let name = best.get(&n).map(|b| b.2.to_string()).unwrap_or_else(|| key.clone());
            (id, name, code, n)
        })
        .collect();
    rows.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let mut code_of: FxHashMap<NodeId, u32> = FxHashMap::default();
    let mut out = Linked::default();
    for (i, (id, name, code, n)) in rows.into_iter().enumerate() {
        code_of.insert(n, i as u32);
        out.ids.push(id);
        out.names.push(name);
        out.codes.push(code);
    }
    out.entity = final_node.iter().map(|n| code_of[n]).collect();
    out
}

/// Written in capitals, the way of datelines and headlines; a single word of up to five letters
/// (an acronym's way) is not counted as such.
fn capitals(s: &str) -> bool {
    let has_lower = s.chars().any(char::is_lowercase);
    let has_upper = s.chars().any(char::is_uppercase);
    has_upper && !has_lower && (s.contains(' ') || s.chars().count() > 5)
}

/// The id of an entity: 16 hex digits of the 64-bit FNV-1a hash of "label\x1fkey\x1fdisambiguator".
/// FNV-1a is fixed by its definition (unlike std's hasher), so ids are stable across builds.
pub fn entity_id(label: &str, key: &str, disambiguator: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [label.as_bytes(), b"\x1f", key.as_bytes(), b"\x1f", disambiguator.as_bytes()] {
        for &b in part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<'a>(story: u32, text: &'a str, canonical: &'a str, label: &'a str) -> Mention<'a> {
        Mention { text, canonical, label, day: 6264, story, ..Mention::default() }
        // 1987-02-26
    }

    fn ids(ms: &[Mention]) -> Vec<String> {
        let l = link(ms);
        l.entity.iter().map(|&e| l.ids[e as usize].clone()).collect()
    }

    #[test]
    fn keys_drop_what_varies() {
        assert_eq!(key("Intel Corp.", "ORG"), "intel");
        // long names: linking words and plurals vary between spellings of one name
        assert_eq!(key("Bear Stearns and Co Inc", "ORG"), "bear stearn");
        assert_eq!(key("F.W. Woolworth Co", "ORG"), "woolworth");
        assert_eq!(key("U.S. Steel Corp", "ORG"), "us steel");
        assert_eq!(key("AT&T", "ORG"), "at t");
        assert_eq!(key("James A. Baker", "PERSON"), "james baker");
        assert_eq!(key("Mr Reagan", "PERSON"), "reagan");
        assert_eq!(key("Harris", "PERSON"), "harris");
        assert_eq!(key("the Bank of England", "ORG"), "bank england");
        assert_eq!(key("Trades Union Congress", "ORG"), key("Trade Unions Congress", "ORG"));
        assert_eq!(
            key("Association for Payment Clearing Services", "ORG"),
            key("Association of Payment and Clearing Services", "ORG")
        );
        assert_eq!(key("Japan Air Lines Co <JAPN.T>", "ORG"), key("Japan Air Lines", "ORG"));
        assert_ne!(key("Bank of America", "ORG"), key("America Bank", "ORG"));
        assert_eq!(head_word("Miles Laboratories Inc", "ORG"), "miles");
        assert_eq!(title_word("finance director of ICI"), "director");
        assert_eq!(title_word("analyst with Shearson, New York"), "analyst");
        assert!(spells("fcoj", "frozen concentrated orange juice"));
        assert!(spells("boe", "bank of england"));
        assert!(!spells("casey", "william casey"));
        assert_eq!(year_of(6264), 1987);
        assert_eq!(year_of(0), 1970);
        assert_eq!(year_of(-1), 1969);
    }

    #[test]
    fn case_suffix_and_surname_variants_join() {
        let ms = [
            m(0, "LONDON", "London", "GPE"),
            m(1, "London", "London", "GPE"),
            m(2, "Intel Corp", "Intel Corp", "ORG"),
            m(3, "INTEL", "Intel", "ORG"),
            m(4, "Ronald Reagan", "Ronald Reagan", "PERSON"),
            m(5, "Reagan", "Reagan", "PERSON"),
            m(6, "Ronald Reagan", "Ronald Reagan", "PERSON"),
            // the bare surname's story shares a name with one of the full name's stories
            m(5, "Yasuhiro Nakasone", "Yasuhiro Nakasone", "PERSON"),
            m(6, "Yasuhiro Nakasone", "Yasuhiro Nakasone", "PERSON"),
        ];
        let l = link(&ms);
        let e = &l.entity;
        assert_eq!(e[0], e[1]);
        assert_eq!(e[2], e[3]);
        assert_eq!(e[4], e[5]);
        assert_eq!(l.names[e[0] as usize], "London");
        assert_eq!(l.names[e[5] as usize], "Ronald Reagan");
        assert_eq!(l.names[e[3] as usize], "Intel"); // a tie of counts: the alphabetically first
    }

    #[test]
    fn a_bare_surname_needs_support_to_join_a_little_known_name() {
        // "Kessler" in a story about a company named after him, no first name given; a Kevin
        // Kessler is quoted in two unrelated stories.
        let mut ms = vec![
            m(0, "Kevin Kessler", "Kevin Kessler", "PERSON"),
            m(0, "Bank of Ireland", "Bank of Ireland", "ORG"),
            m(1, "Kevin Kessler", "Kevin Kessler", "PERSON"),
            m(2, "Kessler", "Kessler", "PERSON"),
            m(2, "Florida Citrus Mutual", "Florida Citrus Mutual", "ORG"),
            // a story with the surname that does share a name with Kevin Kessler's
            m(3, "Kessler", "Kessler", "PERSON"),
            m(3, "Bank of Ireland", "Bank of Ireland", "ORG"),
        ];
        let e = link(&ms).entity;
        assert_ne!(e[3], e[0]);
        assert_eq!(e[5], e[0]);
        // a full name in many stories needs no support
        for s in 10..10 + PROMINENT as u32 {
            ms.push(m(s, "Kevin Kessler", "Kevin Kessler", "PERSON"));
        }
        let e = link(&ms).entity;
        assert_eq!(e[3], e[0]);
    }

    #[test]
    fn ambiguous_surnames_stay_apart() {
        let ms = [
            m(0, "Lyndon Johnson", "Lyndon Johnson", "PERSON"),
            m(1, "Magic Johnson", "Magic Johnson", "PERSON"),
            m(2, "Johnson", "Johnson", "PERSON"),
        ];
        let e = link(&ms).entity;
        assert_ne!(e[0], e[1]);
        assert_ne!(e[2], e[0]);
        assert_ne!(e[2], e[1]);
    }

    #[test]
    fn titles_tell_namesakes_apart() {
        let mut ms = Vec::new();
        for s in 0..3 {
            ms.push(Mention { title: "Treasury Secretary", ..m(s, "James Baker", "James Baker", "PERSON") });
        }
        for s in 10..12 {
            ms.push(Mention { title: "chief of staff", ..m(s, "Howard Baker", "Howard Baker", "PERSON") });
        }
        ms.push(Mention { title: "White House chief of staff", ..m(13, "Baker", "Baker", "PERSON") });
        ms.push(Mention { title: "Secretary", ..m(12, "Baker", "Baker", "PERSON") });
        let e = link(&ms).entity;
        assert_eq!(e[5], e[3]);
        assert_eq!(e[6], e[0]);
    }

    #[test]
    fn acronyms_and_story_evidence_join() {
        let ms = [
            m(0, "International Business Machines Corp", "International Business Machines Corp", "ORG"),
            m(0, "IBM", "International Business Machines Corp", "ORG"),
            m(1, "IBM", "IBM", "ORG"),
            m(2, "Intel Corp", "Intel Corp", "ORG"),
            m(2, "INTC", "Intel Corp", "ORG"),
            m(3, "INTC", "INTC", "ORG"),
            // a ticker is not the name's initials: its story must share a name with Intel's
            m(2, "Santa Clara", "Santa Clara", "GPE"),
            m(3, "Santa Clara", "Santa Clara", "GPE"),
            // ... and without that, a ticker stays apart from what another story defines it as
            m(4, "Centraal Planbureau", "Centraal Planbureau", "ORG"),
            m(4, "CPB", "Centraal Planbureau", "ORG"),
            m(5, "CPB", "CPB", "ORG"),
            m(5, "Camden", "Camden", "GPE"),
        ];
        let e = link(&ms).entity;
        assert_eq!(e[0], e[2]);
        assert_eq!(e[3], e[4]);
        assert_eq!(e[4], e[5]);
        assert_eq!(e[8], e[9]);
        assert_ne!(e[10], e[8]);
    }

    #[test]
    fn historical_states_by_date() {
        let ussr = Mention { country_code: "RU", ..m(0, "the Soviet Union", "Russia", "GPE") };
        let russia = Mention { country_code: "RU", ..m(1, "Russia", "Russia", "GPE") };
        let burma87 = Mention { country_code: "MM", ..m(2, "Burma", "Myanmar", "GPE") };
        let burma05 = Mention { country_code: "MM", day: 12_800, ..m(3, "Burma", "Myanmar", "GPE") };
        let l = link(&[ussr, russia, burma87, burma05]);
        let e = &l.entity;
        assert_ne!(e[0], e[1]);
        assert_eq!(l.names[e[0] as usize], "Soviet Union");
        assert_eq!(l.codes[e[0] as usize], "SU");
        assert_eq!(l.codes[e[2] as usize], "BU");
        assert_eq!(l.names[e[3] as usize], "Myanmar");
        assert_eq!(l.codes[e[3] as usize], ""); // not historical: the mentions keep their own code
    }

    #[test]
    fn ids_do_not_depend_on_order_or_corpus() {
        let ms = [
            m(0, "Ronald Reagan", "Ronald Reagan", "PERSON"),
            m(1, "Reagan", "Reagan", "PERSON"),
            m(5, "Ronald Reagan", "Ronald Reagan", "PERSON"),
            m(2, "Tokyo", "Tokyo", "GPE"),
            m(3, "TOKYO", "Tokyo", "GPE"),
        ];
        let a = ids(&ms);
        let mut rev = ms.to_vec();
        rev.reverse();
        let mut b = ids(&rev);
        b.reverse();
        assert_eq!(a, b);
        // A bigger corpus containing the same entities gives them the same ids.
        let mut more = ms.to_vec();
        more.push(m(4, "Paris", "Paris", "GPE"));
        assert_eq!(ids(&more)[..5], a[..]);
        assert_eq!(a[0], entity_id("PERSON", "ronald reagan", ""));
    }

    #[test]
    fn initials_join_the_full_name_with_that_initial() {
        let ms = [
            m(0, "Geordan Murphy", "Geordan Murphy", "PERSON"),
            m(1, "G Murphy", "G Murphy", "PERSON"),
            m(2, "Alan Clements", "Alan Clements", "PERSON"),
            m(3, "A.W. Clements", "A.W. Clements", "PERSON"),
            m(4, "Paul Day", "Paul Day", "PERSON"),
            m(5, "Peter Day", "Peter Day", "PERSON"),
            m(6, "P Day", "P Day", "PERSON"),
        ];
        let e = link(&ms).entity;
        assert_eq!(e[0], e[1]);
        assert_eq!(e[2], e[3]);
        assert_ne!(e[6], e[4]); // two full names with that initial: stays apart
        assert_ne!(e[6], e[5]);
        assert_eq!(initialed("J.C. Walter"), Some(('j', "Walter")));
        assert_eq!(initialed("Walter"), None);
        assert_eq!(initialed("Jim Walter"), None);
    }

    #[test]
    fn the_end_of_a_longer_name_and_an_acronym_of_another_label_join() {
        let ms = [
            m(0, "Denis Bra Kanon", "Denis Bra Kanon", "PERSON"),
            m(1, "Bra Kanon", "Bra Kanon", "PERSON"),
            m(3, "NYFE", "New York Futures Exchange", "ORG"),
            m(4, "NYFE", "NYFE", "PERSON"),
            m(5, "Mary Johnson", "Mary Johnson", "PERSON"),
        ];
        let e = link(&ms).entity;
        assert_eq!(e[1], e[0]);
        assert_eq!(e[3], e[2]);
        assert_ne!(e[4], e[0]);
    }

    #[test]
    fn a_company_short_name_joins_its_usual_full_name() {
        let ms = [
            m(0, "Dow Chemical Co", "Dow Chemical Co", "ORG"),
            m(1, "Dow Chemical", "Dow Chemical", "ORG"),
            m(2, "Dow", "Dow", "ORG"),
            // a company written with a legal suffix is its own name, not short for another
            m(3, "Texaco Inc", "Texaco Inc", "ORG"),
            m(4, "Texaco Canada", "Texaco Canada", "ORG"),
            m(5, "Texaco Canada", "Texaco Canada", "ORG"),
            m(6, "Texaco", "Texaco", "ORG"),
        ];
        let e = link(&ms).entity;
        assert_eq!(e[2], e[0]);
        assert_eq!(e[6], e[3]);
        assert_ne!(e[6], e[4]);
    }

    #[test]
    fn a_company_named_like_a_person_keeps_the_surname_apart() {
        let mut ms = Vec::new();
        for s in 0..2 {
            ms.push(m(s, "Brian Crowley", "Brian Crowley", "PERSON"));
        }
        for s in 2..4 {
            ms.push(m(s, "Crowley Maritime Corp", "Crowley Maritime Corp", "ORG"));
        }
        ms.push(m(5, "Crowley", "Crowley", "PERSON"));
        // an administration named after its leader does not
        for s in 6..16 {
            ms.push(m(s, "Ronald Reagan", "Ronald Reagan", "PERSON"));
        }
        ms.push(m(16, "Reagan Administration", "Reagan Administration", "ORG"));
        ms.push(m(17, "Reagan", "Reagan", "PERSON"));
        let e = link(&ms).entity;
        assert_ne!(e[4], e[0]);
        assert_eq!(e[ms.len() - 1], e[5]);
    }

    #[test]
    fn user_ids_win() {
        let a = Mention { kb_id: "Q37156", ..m(0, "Big Blue", "IBM", "ORG") };
        let b = Mention { kb_id: "Q37156", ..m(1, "IBM", "IBM", "ORG") };
        let l = link(&[a, b]);
        assert_eq!(l.entity[0], l.entity[1]);
        assert_eq!(l.ids[l.entity[0] as usize], "Q37156");
    }
}
