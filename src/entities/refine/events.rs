//! Named events read from their shape, whole: "the 2031 Ruritanian parliamentary election",
//! "the 1964 Republican Party presidential primaries", "the 2019 Lakeside summit", "the Velvet
//! Revolution", "the Treaty of Westfield". A place or party inside such a name is part of the event
//! (EVENT, MISC in CoNLL terms), not an entity of its own.
//!
//! Two shapes:
//! - a recurring event's edition: a year (a month may come first), then modifiers (capitalised
//!   words or election kinds such as "presidential"), then a head (election, referendum, summit,
//!   ...); the year belongs to the name, since it says which of the many it is. An election may
//!   go on with "in [the] Place" ("the 2030 Senate election in Westland").
//! - a one-off event's name: capitalised words ending in a capitalised head ("Revolution", "War",
//!   "Crisis", "Treaty", ...), or such a head with "of [the] Name" after it ("War of Liberation").
//!   A year before it is a date, not the name ("the 1991 Gulf War"), unless nothing else names
//!   it ("the 1848 Revolution").
//!
//! The tagger's own reading wins where it holds the candidate inside a longer name ("North
//! Atlantic Treaty Organisation", "Organisation of the Islamic Conference") or read exactly that
//! span as an organisation with a head that organisations use too ("Southern Leadership
//! Conference"). All-caps lines are left to the tagger: a headline's capitals say nothing.
use super::{lower_in, word, Words, WEEKDAYS};
use crate::types::*;
use crate::util::calendar::month_of_word;

/// Heads of an election's name.
static ELECTION_HEADS: Words = Words::new(&[
    "election",
    "elections",
    "by-election",
    "by-elections",
    "primary",
    "primaries",
    "referendum",
    "referendums",
    "plebiscite",
    "caucus",
    "caucuses",
    "runoff",
    "run-off",
]);
/// Heads of other recurring events, named by their year too ("the 2019 Lakeside summit").
/// (Sports events keep CoNLL's habit of a year outside the name: "the 1998 World Cup".)
static MEETING_HEADS: Words = Words::new(&["summit", "conference", "convention", "congress"]);
/// Lower-case words that say what kind of election it is.
static ELECTION_KINDS: Words = Words::new(&[
    "presidential",
    "parliamentary",
    "general",
    "federal",
    "state",
    "legislative",
    "local",
    "municipal",
    "gubernatorial",
    "mayoral",
    "regional",
    "provincial",
    "national",
    "congressional",
    "midterm",
    "mid-term",
    "senatorial",
    "senate",
    "leadership",
    "snap",
    "special",
    "assembly",
    "council",
    "county",
    "city",
    "constitutional",
    "independence",
    "party",
    "primary",
    "runoff",
    "run-off",
    "recall",
    "territorial",
    "communal",
    "cantonal",
    "district",
    "parliament",
    "presidential-parliamentary",
    "european",
    "legislative-council",
    "democratic",
    "republican",
    "annual",
]);
/// Capitalised last words of one-off events' names.
static NAMED_EVENT_HEADS: Words = Words::new(&[
    "revolution",
    "war",
    "uprising",
    "rebellion",
    "revolt",
    "crisis",
    "summit",
    "accords",
    "accord",
    "treaty",
    "agreement",
    "conference",
    "convention",
    "massacre",
    "coup",
    "insurrection",
    "intifada",
    "blockade",
    "airlift",
    "putsch",
]);
/// Heads that open a name with "of": "Treaty of Westfield", "Battle of the Marsh".
static OF_HEADS: Words = Words::new(&[
    "treaty",
    "war",
    "wars",
    "battle",
    "siege",
    "congress",
    "revolution",
    "peace",
    "sack",
    "fall",
    "partition",
    "massacre",
]);
/// Heads that name organisations as often as meetings: the tagger's exact ORG stays.
static ORG_TOO: Words = Words::new(&["conference", "convention", "congress", "summit"]);
/// Heads of agreements: the name is a law's (LAW), not an event's.
static AGREEMENT_HEADS: Words = Words::new(&["treaty", "accord", "accords", "agreement"]);
static ORDINALS: Words =
    Words::new(&["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]);
/// Words that open a capitalised run without being part of the name ("The", "In").
static OPENERS: Words = Words::new(&[
    "the", "a", "an", "in", "on", "at", "for", "by", "of", "and", "but", "this", "that", "with", "from", "to", "as",
    "its", "his", "her", "their", "when", "while", "after", "before", "during", "since", "until",
]);

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "1848", "2031": a year as names write it.
fn year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w.starts_with('1') || w.starts_with("20"))
}

/// "I", "II", "Two": the number after "World War".
fn numeral(w: &str) -> bool {
    matches!(w, "I" | "II" | "III" | "IV" | "One" | "Two" | "Three")
}

/// A capitalised word that can stand inside an event's name: no opener ("The"), no month or
/// weekday (ordinals can: "Second World War").
fn name_word(w: &str) -> bool {
    capitalised(w) && !lower_in(w, &OPENERS) && !lower_in(w, &WEEKDAYS) && month_of_word(w).is_none()
}

/// Whether a line break lies between tokens `a` and `a + 1`.
fn broken(art: &Article, a: usize) -> bool {
    art.text[art.tokens[a].span.end..art.tokens[a + 1].span.start].contains('\n')
}

/// Candidate event spans `(first token, end token, sentence)` in text order, without overlaps.
fn candidates(art: &Article) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (si, s) in art.sentences.iter().enumerate() {
        let (start, end) = (s.token_start, s.token_end);
        if (start..end).all(|i| !word(art, i).chars().any(char::is_lowercase)) {
            continue;
        }
        let mut i = start;
        while i < end {
            let found = edition(art, start, end, i).or_else(|| one_off(art, start, end, i));
            match found {
                Some((a, b)) if out.last().is_none_or(|l| l.1 <= a) => {
                    out.push((a, b, si));
                    i = b;
                }
                _ => i += 1,
            }
        }
    }
    out
}

/// An edition of a recurring event whose head is token `h`: "[Month] YEAR modifiers HEAD [in
/// [the] Place]".
fn edition(art: &Article, start: usize, end: usize, h: usize) -> Option<(usize, usize)> {
    let head = word(art, h);
    // every head has 6 to 11 bytes: most tokens ("the", "said") are turned away before any lookup
    if !(6..=11).contains(&head.len()) {
        return None;
    }
    let election = lower_in(head, &ELECTION_HEADS);
    if !election && !lower_in(head, &MEETING_HEADS) {
        return None;
    }
    // a head followed by a capitalised word is a modifier inside a longer name ("Election
    // Commission"); one followed by another head leaves the name to that one ("primary election")
    // (a lower-case head ends the name whatever follows: "the 1997 Ostland election Labour won")
    let next = |w: &str| capitalised(head) && capitalised(w) || lower_in(w, &ELECTION_HEADS);
    if h + 1 < end && !broken(art, h) && next(word(art, h + 1)) {
        return None;
    }
    let mut j = h;
    let mut named = 0;
    while j > start && h - j < 8 && !broken(art, j - 1) {
        let w = word(art, j - 1);
        if name_word(w) && !year(w) {
            named += 1;
        } else if !(election && lower_in(w, &ELECTION_KINDS)) {
            break;
        }
        j -= 1;
    }
    // an election needs some word saying which ("a 1990 election" is only a date and a noun); a
    // meeting needs a name ("the 2019 summit")
    if j == h || !election && named == 0 || j == start || !year(word(art, j - 1)) || broken(art, j - 1) {
        return None;
    }
    let mut a = j - 1;
    if a > start && month_of_word(word(art, a - 1)).is_some() && capitalised(word(art, a - 1)) && !broken(art, a - 1) {
        a -= 1;
    }
    let mut b = h + 1;
    if election && b + 1 < end && word(art, b) == "in" && !broken(art, b - 1) {
        let mut k = b + 1;
        if k < end && word(art, k) == "the" {
            k += 1;
        }
        let place = k;
        while k < end && name_word(word(art, k)) && !broken(art, k - 1) {
            k += 1;
        }
        if k > place {
            b = k;
        }
    }
    Some((a, b))
}

/// A one-off event named at token `i`: a capitalised run ending in a capitalised event head, or
/// an of-head with its tail; `i` is the run's first word.
fn one_off(art: &Article, start: usize, end: usize, i: usize) -> Option<(usize, usize)> {
    if !name_word(word(art, i)) || i > start && name_word(word(art, i - 1)) && !broken(art, i - 1) {
        return None;
    }
    let mut j = i;
    while j < end && name_word(word(art, j)) && (j == i || !broken(art, j - 1)) {
        j += 1;
    }
    // the last event head in the run: "Velvet Revolution", "Lakeside Peace Accords"
    let h = (i..j).rev().find(|&k| lower_in(word(art, k), &NAMED_EVENT_HEADS) || lower_in(word(art, k), &OF_HEADS))?;
    let mut b = h + 1;
    let mut tail = false;
    if lower_in(word(art, h), &OF_HEADS) && b + 1 < end && word(art, b) == "of" {
        let mut k = b + 1;
        if k < end && word(art, k) == "the" {
            k += 1;
        }
        let first = k;
        while k < end && name_word(word(art, k)) && !broken(art, k - 1) {
            k += 1;
        }
        if k > first {
            b = k;
            tail = true;
        }
    }
    if !tail {
        // a head inside a longer run is no event's end ("Treaty Organisation"); a number may
        // follow it ("World War II")
        if !(h + 1..j).all(|k| numeral(word(art, k))) || !lower_in(word(art, h), &NAMED_EVENT_HEADS) {
            return None;
        }
        b = j;
    }
    let mut a = i;
    if a == h && !tail {
        // the head alone: only a year can name it ("the 1848 Revolution"); a meeting's or an
        // agreement's year is its date ("a 1971 Convention" is a treaty signed then)
        let dated = lower_in(word(art, h), &MEETING_HEADS) || lower_in(word(art, h), &AGREEMENT_HEADS);
        if dated || a == start || !year(word(art, a - 1)) || broken(art, a - 1) {
            return None;
        }
        a -= 1;
    } else if a > start && lower_in(word(art, h), &MEETING_HEADS) && year(word(art, a - 1)) && !broken(art, a - 1) {
        // a meeting's year says which one it is ("the 1943 Lakeside Conference")
        a -= 1;
    }
    Some((a, b))
}

/// A meeting is named by a year, an ordinal or the place it met ("the 1943 Marlow Conference",
/// "the Second Harbour Conference", "the Marlow Conference"), an organisation rarely is.
fn meeting_named(art: &Article, a: usize, b: usize) -> bool {
    let g = crate::gazetteer::gazetteer();
    year(word(art, a))
        || lower_in(word(art, a), &ORDINALS)
        || (a..b - 1).any(|k| {
            let w = word(art, k);
            g.city(w).is_some() || g.country(w).is_some()
        })
}

/// Replaces the tagger's pieces of named events with the events, whole. `ents` is sorted and free
/// of overlaps before and after; linear in the story.
pub fn named_events(art: &Article, ents: &mut Vec<Entity>) {
    let found = candidates(art);
    if found.is_empty() {
        return;
    }
    let mut removed = vec![false; ents.len()];
    let mut adds = Vec::new();
    for (a, b, si) in found {
        let span = Span::new(art.tokens[a].span.start, art.tokens[b - 1].span.end);
        let hi = ents.partition_point(|e| e.span.start < span.end);
        let mut lo = hi;
        while lo > 0 && ents[lo - 1].span.overlaps(span) {
            lo -= 1;
        }
        let under = &ents[lo..hi];
        // the tagger's longer name holds this one; or it read exactly this as an organisation
        // whose head organisations use too
        let longer = under.iter().any(|e| e.span.start < span.start || e.span.end > span.end);
        let org_same = under
            .iter()
            .any(|e| e.label == Label::Org && e.token_end == b && (a..b).any(|k| lower_in(word(art, k), &ORG_TOO)))
            && !meeting_named(art, a, b);
        if longer || org_same {
            continue;
        }
        removed[lo..hi].iter_mut().for_each(|r| *r = true);
        // "Treaty of Westfield", "Lakeside Accords": agreements are laws; the head is the last
        // word of the run or the one before "of"
        let agreement =
            (a..b).any(|k| lower_in(word(art, k), &AGREEMENT_HEADS) && (k + 1 == b || word(art, k + 1) == "of"));
        adds.push(Entity::new(span, if agreement { Label::Law } else { Label::Event }, si, a, b));
    }
    if adds.is_empty() {
        return;
    }
    let mut flags = removed.into_iter();
    ents.retain(|_| !flags.next().unwrap_or(false));
    ents.extend(adds);
    ents.sort_by_key(|e| (e.span.start, e.span.end));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words as one body sentence.
    fn article(text: &str) -> Article {
        let words: Vec<&str> = text.split(' ').collect();
        let mut a = crate::entities::refine::tests::art(&words);
        a.sentences.push(Sentence {
            span: Span::new(0, a.text.len()),
            token_start: 0,
            token_end: a.tokens.len(),
            section: Section::Body(0),
        });
        a
    }

    /// The entity over `words` (the first place they occur) with `label`, as the tagger gave it.
    fn ent(a: &Article, words: &str, label: Label) -> Entity {
        let at = a.text.find(words).unwrap();
        let ts = a.tokens.partition_point(|t| t.span.start < at);
        let te = a.tokens.partition_point(|t| t.span.end <= at + words.len());
        Entity::new(Span::new(at, at + words.len()), label, 0, ts, te)
    }

    fn events(text: &str, tagged: &[(&str, Label)]) -> Vec<(String, Label)> {
        let a = article(text);
        let mut ents: Vec<Entity> = tagged.iter().map(|&(w, l)| ent(&a, w, l)).collect();
        ents.sort_by_key(|e| e.span.start);
        named_events(&a, &mut ents);
        for w in ents.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "overlap");
        }
        ents.iter().map(|e| (a.slice(e.span).to_string(), e.label)).collect()
    }

    fn one(name: &str, label: Label) -> Vec<(String, Label)> {
        vec![(name.to_string(), label)]
    }

    #[test]
    fn elections_come_out_whole_with_their_year() {
        let got =
            events("Turnout fell in the 2031 Ruritanian parliamentary election .", &[("Ruritanian", Label::Norp)]);
        assert_eq!(got, one("2031 Ruritanian parliamentary election", Label::Event));
        // a party and a place inside the name belong to it
        let got = events(
            "He lost the 1964 Moderate Party presidential primaries and the 2010 Senate election in East Varland to her .",
            &[("Moderate Party", Label::Org), ("Senate", Label::Org), ("East Varland", Label::Gpe)],
        );
        assert_eq!(
            got,
            vec![
                ("1964 Moderate Party presidential primaries".to_string(), Label::Event),
                ("2010 Senate election in East Varland".to_string(), Label::Event)
            ]
        );
        let got = events("the November 1932 Ostland federal election was the last", &[("Ostland", Label::Gpe)]);
        assert_eq!(got, one("November 1932 Ostland federal election", Label::Event));
        let got = events("the 1990 Upper Marsh by-election and the 2014 Valen independence referendum", &[]);
        assert_eq!(
            got,
            vec![
                ("1990 Upper Marsh by-election".to_string(), Label::Event),
                ("2014 Valen independence referendum".to_string(), Label::Event)
            ]
        );
    }

    #[test]
    fn elections_without_year_or_kind_are_left_alone() {
        // no year: the adjective stays what the tagger said
        let got = events("the Ruritanian presidential election was close", &[("Ruritanian", Label::Norp)]);
        assert_eq!(got, one("Ruritanian", Label::Norp));
        // a lower-case head ends the name, whatever follows it
        let got = events("after the 1997 Ostland general election Labour won", &[("Labour", Label::Org)]);
        assert_eq!(
            got,
            vec![("1997 Ostland general election".to_string(), Label::Event), ("Labour".to_string(), Label::Org)]
        );
        // a year and the noun alone are a date and a noun
        assert!(events("he won a 1990 election and the 1994 election campaign", &[]).is_empty());
        // a head that opens a longer name is no event ("Election Commission")
        let got = events("the 1996 Election Commission said", &[("Election Commission", Label::Org)]);
        assert_eq!(got, one("Election Commission", Label::Org));
        // the later head takes the name
        let got = events("the 2008 Lakeside primary election", &[]);
        assert_eq!(got, one("2008 Lakeside primary election", Label::Event));
    }

    #[test]
    fn one_off_events_and_meetings() {
        let got = events("after the 1848 Revolution and the 1991 Sand War", &[("Sand War", Label::Misc)]);
        assert_eq!(got, vec![("1848 Revolution".to_string(), Label::Event), ("Sand War".to_string(), Label::Event)]);
        let got = events("the Second World War and World War II ended", &[("World War II", Label::Misc)]);
        assert_eq!(
            got,
            vec![("Second World War".to_string(), Label::Event), ("World War II".to_string(), Label::Event)]
        );
        // a place before a meeting's head is part of the meeting, the year too
        let got = events("at the 1943 Marlow Conference and the 2019 BRAVO summit .", &[("Marlow", Label::Gpe)]);
        assert_eq!(
            got,
            vec![("1943 Marlow Conference".to_string(), Label::Event), ("2019 BRAVO summit".to_string(), Label::Event)]
        );
        let got = events("the War of the Ninth Coalition and the Treaty of Westfield", &[("Westfield", Label::Gpe)]);
        assert_eq!(
            got,
            vec![
                ("War of the Ninth Coalition".to_string(), Label::Event),
                ("Treaty of Westfield".to_string(), Label::Law)
            ]
        );
    }

    #[test]
    fn longer_names_and_organisations_keep_the_taggers_reading() {
        let got = events(
            "the North Sea Treaty Organisation and the Organisation of the Harbour Conference met",
            &[("North Sea Treaty Organisation", Label::Org), ("Organisation of the Harbour Conference", Label::Org)],
        );
        assert_eq!(
            got,
            vec![
                ("North Sea Treaty Organisation".to_string(), Label::Org),
                ("Organisation of the Harbour Conference".to_string(), Label::Org)
            ]
        );
        // ... unless a place, a year or an ordinal names the meeting
        let got = events("at the Oslo Conference they met", &[("Oslo Conference", Label::Org)]);
        assert_eq!(got, one("Oslo Conference", Label::Event));
        let got =
            events("the Southern Leadership Conference marched", &[("Southern Leadership Conference", Label::Org)]);
        assert_eq!(got, one("Southern Leadership Conference", Label::Org));
        // a head alone, and all-caps lines, are no event's name
        assert!(events("War broke out ; the Revolution failed", &[]).is_empty());
        assert!(events("it overruled a 1971 Convention and a 1990 Treaty", &[]).is_empty());
        assert!(events("THE 2031 RURITANIAN PARLIAMENTARY ELECTION", &[]).is_empty());
    }
}
