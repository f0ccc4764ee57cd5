//! How a mention is keyed: the name shapes (surnames, acronyms, initials, legal suffixes,
//! plurals, historical names) that decide which forms may stand for one entity.

use super::*;

pub(super) fn is_name_label(label: &str) -> bool {
    !matches!(label, "DATE" | "TIME" | "DURATION" | "SET" | "MONEY" | "PERCENT" | "QUANTITY" | "ORDINAL" | "CARDINAL")
}

/// Words that name no company on their own: a legal suffix after one of them is kept in the key.
pub(super) const GENERIC_ORG_WORDS: &[&str] = &[
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

pub(super) const PERSON_PREFIXES: &[&str] = &[
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
pub(super) const HISTORICAL: &[(&str, &str, &str, Option<i32>)] = &[
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
pub(super) const HISTORICAL_DEMONYMS: &[(&str, &str)] =
    &[("soviet", "SU"), ("soviets", "SU"), ("west german", "DE"), ("east german", "DD")];

pub(super) fn is_place_label(label: &str) -> bool {
    matches!(label, "GPE" | "LOC" | "ORG" | "NORP")
}

/// The name's words, lower-cased, with punctuation dropped ("F.W." -> "fw", "&" -> "and").
pub(super) fn words(name: &str) -> Vec<String> {
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
                _ if c.is_ascii() => w.push(c.to_ascii_lowercase()),
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
pub(super) fn dotted_initials(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2
        && b.len().is_multiple_of(2)
        && b.chunks(2).all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
        && !matches!(word, "U.S." | "U.K." | "U.N." | "E.C." | "E.U." | "N.Y." | "D.C.")
}

/// The key of a name of `label`: its words joined by spaces, without what varies between the
/// mentions of one entity (see the module doc).
pub fn key(name: &str, label: &str) -> String {
    key_of_words(key_words(name, label), label)
}

/// The key of a name of `label` from its [`key_words`].
pub(super) fn key_of_words(mut w: Vec<String>, label: &str) -> String {
    if w.len() > 1 && is_name_label(label) && !matches!(label, "PERSON" | "PER") {
        spelling_free(&mut w);
    }
    w.join(" ")
}

/// The key's words (see [`key`]) before [`spelling_free`].
pub(super) fn key_words(name: &str, label: &str) -> Vec<String> {
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
                if n > 1 && is_legal_form(&w[n - 1]) {
                    w.pop();
                } else if n > 2 && w[n - 2] == "de" && w[n - 1] == "cv" {
                    w.truncate(n - 2);
                } else if n > 1 && w[n - 1] == "and" {
                    w.pop();
                } else if n > 2 && w[n - 1] == "union" && w[n - 2].ends_with("ers") {
                    // a union named by its members, with or without the word ("United Auto
                    // Workers Union", "United Auto Workers")
                    w.pop();
                } else {
                    break;
                }
            }
        }
        "PERSON" | "PER" => {
            while w.len() > 1 {
                // a two-word prefix ("prime minister"), compared word by word: no joined copy
                let two = w.len() > 2
                    && PERSON_PREFIXES.iter().any(|p| p.split_once(' ').is_some_and(|(a, b)| a == w[0] && b == w[1]));
                if two {
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
            // "Ron Glantz" and "Ronald Glantz", "Rick May" and "Richard May": one person.
            if w.len() > 1 {
                if let Some(formal) = formal_first_name(&w[0]) {
                    w[0] = formal.to_string();
                }
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

/// Short forms of first names and the name they stand for, when they stand for one name only
/// ("Chris", "Pat", "Sam", "Ted", "Al", "Steve" stand for several, and "Jack", "Harry" or "Frank"
/// are names of their own: they are not here). Used in people's keys, so that "Ron Glantz" and
/// "Ronald Glantz" share one; a bare surname still joins either.
pub(super) const NICKNAMES: &[(&str, &str)] = &[
    ("abe", "abraham"),
    ("andy", "andrew"),
    ("art", "arthur"),
    ("ben", "benjamin"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("charlie", "charles"),
    ("chuck", "charles"),
    ("cliff", "clifford"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("don", "donald"),
    ("doug", "douglas"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("ernie", "ernest"),
    ("fred", "frederick"),
    ("geoff", "geoffrey"),
    ("greg", "gregory"),
    ("herb", "herbert"),
    ("jeff", "jeffrey"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("johnny", "john"),
    ("jon", "jonathan"),
    ("ken", "kenneth"),
    ("kenny", "kenneth"),
    ("larry", "lawrence"),
    ("len", "leonard"),
    ("manny", "manuel"),
    ("marty", "martin"),
    ("matt", "matthew"),
    ("mick", "michael"),
    ("mike", "michael"),
    ("mitch", "mitchell"),
    ("nick", "nicholas"),
    ("pete", "peter"),
    ("phil", "philip"),
    ("ray", "raymond"),
    ("rich", "richard"),
    ("rick", "richard"),
    ("ricky", "richard"),
    ("rob", "robert"),
    ("ron", "ronald"),
    ("ronnie", "ronald"),
    ("russ", "russell"),
    ("stan", "stanley"),
    ("tim", "timothy"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("tony", "anthony"),
    ("vince", "vincent"),
    ("walt", "walter"),
    ("will", "william"),
];

/// The name a short first name stands for ("ron" -> "ronald"), if it stands for one.
pub(super) fn formal_first_name(word: &str) -> Option<&'static str> {
    NICKNAMES.binary_search_by(|(nick, _)| (*nick).cmp(word)).ok().map(|i| NICKNAMES[i].1)
}

/// Words that vary between spellings of one long name ("Association for Payment Clearing
/// Services", "Association of Payment and Clearing Services").
pub(super) const LINK_WORDS: &[&str] = &["of", "the", "for", "and", "de", "del", "des", "du", "la"];

/// A long name's words without linking words and with plurals made singular, so that the
/// spellings stories use for one name share a key ("Trades Union Congress", "Trade Unions
/// Congress"; "Scandinavian Airline Systems", "Scandinavian Airlines System"). Word order stays.
pub(super) fn spelling_free(w: &mut Vec<String>) {
    let linking = |x: &String| LINK_WORDS.contains(&x.as_str());
    if w.iter().filter(|x| !linking(x)).count() < 2 {
        return;
    }
    // in place: no copy of the kept words
    w.retain(|x| !linking(x));
    for x in w.iter_mut() {
        *x = american(singular(x));
    }
}

/// A word of a long name in its American spelling where British and American spellings differ
/// in a regular way ("Organisation", "Organization"; "Programme"; "Centre"): wire stories and the
/// BBC write one body's name both ways. "Labour" stays: the Labour and Labor parties are two.
pub(super) fn american(x: String) -> String {
    match x.strip_suffix("isation") {
        Some(stem) if !stem.is_empty() => format!("{stem}ization"),
        _ if x == "programme" => "program".to_string(),
        _ if x == "centre" => "center".to_string(),
        _ => x,
    }
}

/// A word's singular, roughly ("industries" -> "industry", "airlines" -> "airline"; "class",
/// "bus" and words of three letters stay).
pub(super) fn singular(x: &str) -> String {
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
pub(super) fn acronym_shaped(surface: &str) -> bool {
    // Counted without collecting: most surfaces are long names, decided at their first space or
    // lower-case letter.
    let (mut n, mut upper) = (0, false);
    for c in surface.chars() {
        match c {
            '.' | '&' => continue,
            'A'..='Z' => upper = true,
            '0'..='9' => {}
            _ => return false,
        }
        n += 1;
        if n > 6 {
            return false;
        }
    }
    n >= 2 && upper
}

/// A word that may be a surname: a capital, then letters (and hyphens or apostrophes), three or
/// more in all ("Reagan", "O'Neill", "YEUTTER"; not "IV", "N.V.", "Jr").
pub(super) fn surname_shaped(surface: &str) -> bool {
    let mut chars = surface.chars();
    chars.next().is_some_and(char::is_uppercase)
        && surface.chars().count() >= 3
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !matches!(surface.to_lowercase().as_str(), "bank" | "credit" | "royal" | "group" | "fund" | "trust" | "jr")
}

/// True when `short` is the initials of the words of `long` ("fcoj", "frozen concentrated
/// orange juice"), linking words ("of", "and") optional.
pub(super) fn spells(short: &str, long: &str) -> bool {
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
pub(super) fn year_of(day: i32) -> i32 {
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
pub(super) fn title_word(title: &str) -> &str {
    // Most mentions carry no title; the qualifiers are found by splitting at spaces rather than
    // by a substring search per qualifier (building six searchers a call was a sixth of the
    // linking time on Reuters-21578).
    if title.is_empty() {
        return "";
    }
    let head = title.split(',').next().unwrap_or("");
    // The earliest " of ", " at ", ... : a qualifier word with a space on either side.
    let mut end = head.len();
    let mut at = 0;
    let mut pieces = head.split(' ').peekable();
    let mut first = true;
    while let Some(p) = pieces.next() {
        if !first && pieces.peek().is_some() && matches!(p, "of" | "at" | "for" | "with" | "in" | "to") {
            end = at - 1;
            break;
        }
        first = false;
        at += p.len() + 1;
    }
    head[..end].split_whitespace().last().unwrap_or("")
}

/// What the per-mention pass gives.
#[derive(Debug, Clone, Default)]
pub(super) struct Keyed {
    /// (label, key): the node the mention is a form of.
    pub(super) key: String,
    /// The name as written, whitespace collapsed (for the display name).
    pub(super) surface: String,
    /// Historical or user identity: (display name, code or id), fixed.
    pub(super) fixed: Option<(String, String)>,
    /// Key of the text when it differs from the canonical's (evidence: this short form stands for
    /// that name in some story).
    pub(super) alias_of_text: Option<String>,
    /// Short forms that may join a full name: a one-word person name, initials and a surname, a
    /// one-word company name, or an acronym.
    pub(super) short: Short,
    /// What a short form looks up when it is not its key: for initials and a surname "g murphy"
    /// (see [`Keyed::query`]; most forms look up their key, which is not copied).
    pub(super) other_query: Option<String>,
    /// An organisation name written with a legal suffix somewhere ("Texaco Inc"): a company's
    /// own name, which does not stand for a longer one.
    pub(super) suffixed: bool,
    pub(super) title: String,
    /// The title's head word, lower-cased (a full name's title, counted for its candidates).
    pub(super) title_head: String,
    /// The short keys a full name is a candidate for, with the stories it needs there
    /// ("reagan" and "r reagan" for "Ronald Reagan"; "dow" for "Dow Chemical Co").
    pub(super) shorts: Vec<(String, u64)>,
    /// The word a company, place or facility name keeps from joining a person (see the blockers).
    pub(super) blocker: Option<String>,
    /// The initial and surname a company named after its founder's initials keeps from joining a
    /// person ("J.P. Stevens and Co": "j stevens", so "J.P. STEVENS" is not "John Paul Stevens").
    pub(super) initial_blocker: Option<String>,
    /// An acronym's long form: evidence under any label.
    pub(super) any_label: bool,
    /// The initials of a long name other than a person's ("hk" for "Hong Kong"; "faao" and
    /// "fao" for "Food and Agriculture Organisation"), with and without its linking words.
    pub(super) initials: Vec<String>,
}

impl Keyed {
    /// What a short form looks up: its key, or for initials and a surname "g murphy".
    pub(super) fn query(&self) -> &str {
        self.other_query.as_deref().unwrap_or(&self.key)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) enum Short {
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

/// Head words of the names of plans, laws, agreements and prizes ("Marshall Plan", "Finance Act",
/// "Nobel Prize"), which the recogniser sometimes reads as people: never a surname.
const NOT_SURNAMES: &[&str] = &[
    "plan",
    "act",
    "accord",
    "accords",
    "pact",
    "treaty",
    "doctrine",
    "agreement",
    "charter",
    "protocol",
    "amendment",
    "directive",
    "prize",
    "award",
    "awards",
    "trophy",
    "programme",
    "program",
];

pub(super) fn not_a_surname(word: &str) -> bool {
    NOT_SURNAMES.contains(&word)
}

/// The last word of a key.
fn kw_last(key: &str) -> Option<&str> {
    key.rsplit(' ').next().filter(|w| !w.is_empty())
}

/// Words that end a name of a government or party named after its leader ("Reagan
/// Administration"): such names do not make the leader's surname ambiguous.
pub(super) const LEADER_NAMED: &[&str] =
    &["administration", "government", "cabinet", "party", "camp", "aides", "aide", "team", "era"];

/// A person's name written as initials and a surname: every word before the last is one to
/// three capitals, with or without periods ("G Murphy", "A.W. Clements", "J.C. Walter").
pub(super) fn initialed(surface: &str) -> Option<(char, &str)> {
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

/// Whether a name is already its words joined by single spaces (printable ASCII, no space at
/// either end or doubled), as nearly every name is: it is then its own surface, with no words
/// collected and joined again.
pub(super) fn single_spaced(name: &str) -> bool {
    let b = name.as_bytes();
    b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter().all(|&c| (b' '..0x80).contains(&c))
        && !b.windows(2).any(|w| w == b"  ")
}

pub(super) fn keyed(m: &Mention) -> Keyed {
    // A ticker with its exchange taken for the in-story name ("VW" -> "VOWG.F>") is no name.
    let ticker = |c: &str| c.ends_with('>') && !c.contains(char::is_lowercase) && !c.contains(' ');
    let name = if m.canonical.trim().is_empty() || ticker(m.canonical) { m.text } else { m.canonical };
    let surface =
        if single_spaced(name) { name.to_string() } else { name.split_whitespace().collect::<Vec<_>>().join(" ") };
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
    // The first word of the name's key as written, before linking words and plurals are dropped
    // ("Miles Laboratories" -> "miles"): what a one-word form of the name looks like, for the
    // shorts and blockers of organisations and places below (from this one keying of its words).
    let name_words = key_words(&surface, m.label);
    let head = if matches!(m.label, "ORG" | "GPE" | "LOC" | "FAC") { name_words.first().cloned() } else { None };
    let head = head.unwrap_or_default();
    let initials = if matches!(m.label, "ORG" | "GPE" | "LOC" | "FAC" | "MISC" | "NORP") {
        initials_of(&name_words)
    } else {
        Vec::new()
    };
    let k = key_of_words(name_words, m.label);
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
    let mut other_query = None;
    // A "person" named with a programme's, law's or prize's head word ("Marshall Plan", a
    // "Justice Plan" read as "Plan") is no person: that word is nobody's surname to join by.
    let not_a_person = person && kw_last(&k).is_some_and(not_a_surname);
    let short = if person && nwords == 1 && surname_shaped(&surface) && !not_a_person {
        Short::Surname
    } else if let Some((initial, last)) = initialed(&surface).filter(|_| person) {
        other_query = Some(format!("{initial} {}", words(last).join(" ")));
        Short::Initialed
    } else if acronym_shaped(&surface) {
        Short::Acronym
    } else if m.label == "ORG" && nwords == 1 && surface.chars().next().is_some_and(char::is_uppercase) {
        Short::Company
    } else if person && nwords == 2 {
        other_query = Some(format!("+{k}"));
        Short::Partial
    } else {
        Short::No
    };
    let suffixed = m.label == "ORG" && {
        let plain = words(&surface);
        plain.strip_prefix(&["the".to_string()]).unwrap_or(&plain).join(" ") != k
    };
    // Most mentions are written as their in-story name: nothing more to key then.
    let alias_of_text = if m.text.is_empty() || m.text == name {
        None
    } else {
        let text_key = key(m.text, m.label);
        (text_key != k && !text_key.is_empty()).then_some(text_key)
    };
    let title_head = title_word(m.title).to_lowercase();
    let title = if matches!(short, Short::Surname | Short::Initialed) { title_head.clone() } else { String::new() };
    let kw: Vec<&str> = k.split(' ').collect();
    let mut shorts = Vec::new();
    if matches!(short, Short::No | Short::Partial) {
        if person && kw.len() > 1 && !not_a_person {
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
            shorts.push((head.clone(), 2));
        }
    }
    let blocker = if matches!(m.label, "ORG" | "GPE" | "LOC" | "FAC") && short != Short::Acronym {
        match kw.as_slice() {
            [one] if m.label != "ORG" => Some(one.to_string()),
            [_, .., last] if !LEADER_NAMED.contains(last) => Some(head.clone()),
            _ => None,
        }
        .filter(|w| w.chars().count() >= 3)
    } else {
        None
    };
    let initial_blocker = match surface.split_whitespace().next() {
        Some(first) if m.label == "ORG" && dotted_initials(first) => {
            let initial = first.chars().next().map(|c| c.to_ascii_lowercase());
            initial.filter(|_| head.chars().count() >= 3).map(|c| format!("{c} {head}"))
        }
        _ => None,
    };
    let any_label = acronym_shaped(m.text.trim());
    Keyed {
        key: k,
        surface,
        fixed: None,
        alias_of_text,
        short,
        other_query,
        suffixed,
        title,
        title_head,
        shorts,
        blocker,
        initial_blocker,
        any_label,
        initials,
    }
}

/// The initials of a name of two to eight words, each starting with a letter or digit: all
/// words', and, if the name has linking words ("of", "and"), the other words' only.
pub(super) fn initials_of(words: &[String]) -> Vec<String> {
    if !(2..=8).contains(&words.len()) {
        return Vec::new();
    }
    let first = |w: &String| w.chars().next().filter(char::is_ascii_alphanumeric);
    let Some(all) = words.iter().map(first).collect::<Option<String>>() else { return Vec::new() };
    let content: String = words.iter().filter(|w| !LINK_WORDS.contains(&w.as_str())).filter_map(first).collect();
    let mut out = vec![all];
    if content.len() >= 2 && content != out[0] {
        out.push(content);
    }
    out
}

/// Written in capitals, the way of datelines and headlines; a single word of up to five letters
/// (an acronym's way) is not counted as such.
pub(super) fn capitals(s: &str) -> bool {
    let has_lower = s.chars().any(char::is_lowercase);
    let has_upper = s.chars().any(char::is_uppercase);
    has_upper && !has_lower && (s.contains(' ') || s.chars().count() > 5)
}

// Here rather than in tests.rs, which is at the length limit of a file; its helpers are shared.
#[cfg(test)]
mod tests {
    use super::super::tests::{ids, n};
    use super::super::Mention;

    #[test]
    fn a_plans_head_word_is_no_surname() {
        // "Halvard Plan" read as a person in ten stories, and a story's "Plan" (its "Justice
        // Plan" cut to the head word); a real surname of as many stories for contrast
        let mut ms: Vec<Mention> = (0..10).map(|s| n(s, "Halvard Plan", "PERSON")).collect();
        let cut =
            Mention { text: "Justice Plan", canonical: "Plan", label: "PERSON", day: 6264, story: 20, ..n(20, "", "") };
        ms.push(cut);
        ms.extend((0..10).map(|s| n(s, "Halvard Brenn", "PERSON")));
        ms.push(n(21, "Brenn", "PERSON"));
        let id = ids(&ms);
        assert_ne!(id[10], id[0], "{id:?}");
        assert_eq!(id[21], id[11]);
        assert!(super::not_a_surname("act") && !super::not_a_surname("law"));
    }
}
