//! Names the tagger cut in two, and place-name modifiers it left out.
//!
//! Two personal names side by side with only a space between them are, in news text, one name:
//! CoNLL-2003's 250,000 tokens of annotated Reuters have no person followed directly by another
//! person (a list writes a comma or "and" between them). The tagger opens a second name where a
//! name's shape is new to it: romanised given names ("Kim" + "In-so", "Xiao" + "Qiang"),
//! particles ("Joaquin" + "del Olmo") and bracketed nicknames ("James Leander (" + "Leo )
//! Nichols"). Two place names side by side are one place in the same way ("U.S." + "Gulf").
use super::joins::{common, place_like, NAME_PARTICLES};
use super::{is_demonym, lower_in, word, Words};
use crate::gazetteer::gazetteer;
use crate::types::*;

/// Joins the parts of personal and place names. `ents` is sorted and free of overlaps, and stays
/// so; each entity is looked at a fixed number of times (linear in the story).
pub fn join_adjacent_names(art: &Article, ents: &mut Vec<Entity>) {
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for mut e in ents.drain(..) {
        if let Some(k) = stray_bracket(art, &e) {
            // "( Olympic champion Lindsay ) Davenport": a name never holds a bracket it does not
            // open; the words on each side of it are names of their own
            if k > e.token_start {
                let left = Span::new(e.span.start, art.tokens[k - 1].span.end);
                out.push(Entity::new(left, Label::Person, e.sentence, e.token_start, k));
            }
            if k + 1 >= e.token_end {
                continue;
            }
            e = person(art, art.tokens[k + 1].span.start, e.span.end, e.sentence, k + 1, e.token_end);
        }
        if let Some(start) = quoted_nickname_start(art, &out, &e) {
            // "Roberto " Hands of Stone " Duran": the nickname's words, and whatever the tagger
            // made of them, are inside the person's name
            while out.last().is_some_and(|l| l.token_start >= start) {
                out.pop();
            }
            let s = art.tokens[start].span.start;
            e = person(art, s, e.span.end, e.sentence, start, e.token_end);
        }
        if let Some(open) = nickname_start(art, &e) {
            // "( Tom ) Seaver": the bracket opens the nickname inside the name; the name before
            // it, if any, is the same person's ("James Leander ( Leo ) Nichols")
            let mut start = (open, art.tokens[open].span.start);
            if let Some(l) = out.last().filter(|l| l.label == Label::Person && touches(art, l, open)) {
                start = (l.token_start, l.span.start);
                out.pop();
            }
            e = person(art, start.1, e.span.end, e.sentence, start.0, e.token_end);
        }
        let joined = out.last().and_then(|l| {
            if !touches(art, l, e.token_start) || l.sentence != e.sentence || l.user || e.user {
                return None;
            }
            let short = l.token_end - l.token_start <= 4 && e.token_end - e.token_start <= 4;
            let place = |x: &Entity| matches!(x.label, Label::Gpe | Label::Loc);
            if short && place(l) && place(&e) {
                // the last part names the kind of place ("U.S." + "Gulf" is a region, LOC)
                let span = Span::new(l.span.start, e.span.end);
                return Some(Entity::new(span, e.label, l.sentence, l.token_start, e.token_end));
            }
            let both = l.label == Label::Person && e.label == Label::Person;
            (both && short || given_name_after(art, l, &e) || first_name_before_particle(art, l, &e))
                .then(|| person(art, l.span.start, e.span.end, l.sentence, l.token_start, e.token_end))
        });
        if let Some(j) = joined {
            out.pop();
            out.push(j);
        } else {
            out.push(e);
        }
    }
    regnal_numbers(art, &mut out);
    *ents = out;
}

/// Regnal numbers after a monarch's or pope's name: "Baudouin" + "I", "Leopold" + "III".
const ROMAN: [&str; 22] = [
    "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII",
    "XIX", "XX", "XXI", "XXII", "XXIII",
];
static MONARCHS: Words = Words::new(&["king", "queen", "emperor", "empress", "pope", "tsar", "czar", "sultan", "shah"]);

/// A person's name right before a Roman number (and no other name) takes it in: "Charles VI";
/// "I" only after a monarch's title ("King Baudouin I"), where it cannot be the pronoun.
fn regnal_numbers(art: &Article, out: &mut [Entity]) {
    for i in 0..out.len() {
        let (e, t) = (&out[i], out[i].token_end);
        let sentence_end = art.sentences.get(e.sentence).map_or(0, |s| s.token_end);
        if e.label != Label::Person || t >= sentence_end || out.get(i + 1).is_some_and(|n| n.token_start <= t) {
            continue;
        }
        let n = word(art, t);
        if !n.starts_with(['I', 'V', 'X']) {
            continue;
        }
        let gap = &art.text[e.span.end..art.tokens[t].span.start];
        let titled = || {
            let first = word(art, e.token_start);
            lower_in(first, &MONARCHS) || e.token_start > 0 && lower_in(word(art, e.token_start - 1), &MONARCHS)
        };
        if gap == " " && (ROMAN.contains(&n) || n == "I" && titled()) {
            let end = art.tokens[t].span.end;
            out[i] = person(art, out[i].span.start, end, out[i].sentence, out[i].token_start, t + 1);
        }
    }
}

/// The token of a ")" a person's name holds without the "(" that opens it, unless a "(" right
/// before the name opens it (`nickname_start`).
fn stray_bracket(art: &Article, e: &Entity) -> Option<usize> {
    if e.label != Label::Person || e.user || nickname_start(art, e).is_some() {
        return None;
    }
    if !unbalanced(art.slice(e.span)) {
        return None;
    }
    (e.token_start..e.token_end).find(|&k| word(art, k) == ")")
}

/// "Roberto " Hands of Stone " Duran": a person's name right after a quoted run of one to four
/// capitalised words that itself follows a person's name, all with single spaces between. The
/// token where that first name starts.
fn quoted_nickname_start(art: &Article, out: &[Entity], e: &Entity) -> Option<usize> {
    let quote = |t: usize| matches!(word(art, t), "\"" | "\u{201c}" | "\u{201d}");
    let sentence_start = art.sentences.get(e.sentence)?.token_start;
    if e.label != Label::Person || e.user || e.token_end - e.token_start > 2 || e.token_start < sentence_start + 4 {
        return None;
    }
    let close = e.token_start - 1;
    if !quote(close) {
        return None;
    }
    let open = (close.saturating_sub(5).max(sentence_start)..close - 1).rev().find(|&t| quote(t))?;
    let words = open + 1..close;
    if words.is_empty() || !words.clone().all(|t| word(art, t).starts_with(char::is_uppercase) || word(art, t) == "of")
    {
        return None;
    }
    // the first name: the last entity before the quotes' contents, a person's, touching them
    let first = out.iter().rev().find(|l| l.token_end <= open + 1)?;
    let spaced = |a: usize, b: usize| &art.text[art.tokens[a].span.end..art.tokens[b].span.start] == " ";
    let all_spaced = (first.token_end - 1..e.token_start).all(|t| spaced(t, t + 1));
    (first.label == Label::Person
        && first.token_end == open
        && first.token_end - first.token_start <= 3
        && first.sentence == e.sentence
        && all_spaced)
        .then_some(first.token_start)
}

/// What a place or a people does to what the word names: "London-based", "Moscow-backed",
/// "Serb-controlled" (CoNLL's MISC; after "born" and "origin" CoNLL has no one habit).
static MODIFIER_TAILS: Words = Words::new(&[
    "based",
    "led",
    "backed",
    "owned",
    "run",
    "sponsored",
    "controlled",
    "ruled",
    "held",
    "dominated",
    "brokered",
]);

/// A word made of a place's or a people's name, a hyphen and one of `MODIFIER_TAILS` is a name
/// of its own (MISC) where no entity holds it: the tagger reads "VIENNA-BASED" in an all-caps
/// story as a common word. Linear in the story's tokens.
pub fn place_modifiers(art: &Article, ents: &mut Vec<Entity>) {
    let mut add: Vec<Entity> = Vec::new();
    let mut next = 0; // first entity that may cover the token
    for (si, s) in art.sentences.iter().enumerate() {
        for t in s.token_start..s.token_end {
            let w = word(art, t);
            // every tail ends in "d" or "n": most words are passed over on their last byte
            if !matches!(w.as_bytes().last(), Some(b'd' | b'D' | b'n' | b'N')) {
                continue;
            }
            let Some((head, tail)) = w.rsplit_once('-') else { continue };
            if head.is_empty() || !lower_in(tail, &MODIFIER_TAILS) || !(place_like(head) || is_demonym(head)) {
                continue;
            }
            let span = art.tokens[t].span;
            while next < ents.len() && ents[next].span.end <= span.start {
                next += 1;
            }
            // a name that already holds the word ("New York-based") or part of it stays
            if ents.get(next).is_some_and(|e| e.span.start < span.end) {
                continue;
            }
            add.push(Entity::new(span, Label::Misc, si, t, t + 1));
        }
    }
    if !add.is_empty() {
        ents.extend(add);
        ents.sort_by_key(|e| e.span.start);
    }
}

/// What a legislature or a council does to a text: "Senate-passed", "House-approved". CoNLL-2003
/// has no such word; read as one MISC name it hides the institution from the tables, so the
/// institution before the hyphen is the name (ORG) and the rest of the word is not.
static ACT_TAILS: Words = Words::new(&["passed", "approved", "adopted", "amended", "ratified", "drafted"]);

/// A MISC word "<Institution>-passed" becomes the ORG "<Institution>". A place or a people before
/// the hyphen ("U.S.-drafted") keeps CoNLL's MISC. Linear in the entities.
pub fn institution_acts(art: &Article, ents: &mut [Entity]) {
    for e in ents.iter_mut() {
        if e.label != Label::Misc || e.user || e.token_end - e.token_start != 1 {
            continue;
        }
        let Some((head, tail)) = art.slice(e.span).rsplit_once('-') else { continue };
        if head.is_empty()
            || !head.starts_with(|c: char| c.is_uppercase())
            || !lower_in(tail, &ACT_TAILS)
            || place_like(head)
            || is_demonym(head)
        {
            continue;
        }
        e.span = Span::new(e.span.start, e.span.start + head.len());
        e.label = Label::Org;
    }
}

fn person(art: &Article, start: usize, end: usize, sentence: usize, ts: usize, te: usize) -> Entity {
    debug_assert!(art.text.is_char_boundary(start) && art.text.is_char_boundary(end));
    Entity::new(Span::new(start, end), Label::Person, sentence, ts, te)
}

/// `l` ends right before token `t`, with only spaces between (no line break, no punctuation).
fn touches(art: &Article, l: &Entity, t: usize) -> bool {
    l.token_end == t
        && art.tokens.get(t).is_some_and(|tok| {
            let gap = &art.text[l.span.end..tok.span.start];
            !gap.is_empty() && gap.bytes().all(|b| b == b' ')
        })
}

/// A person's name holding a ")" it does not open, right after a "(" token of its sentence:
/// that token's index.
fn nickname_start(art: &Article, e: &Entity) -> Option<usize> {
    if e.label != Label::Person || e.token_start == 0 || e.user {
        return None;
    }
    let open = e.token_start - 1;
    let in_sentence = art.sentences.get(e.sentence).is_some_and(|s| s.token_start <= open);
    (in_sentence && word(art, open) == "(" && unbalanced(art.slice(e.span))).then_some(open)
}

/// More ")" than "(" in `text`; one byte search when there is none (most names).
fn unbalanced(text: &str) -> bool {
    text.as_bytes().contains(&b')') && text.matches(')').count() > text.matches('(').count()
}

/// "Kang" (PERSON) + "Young-hoon" (any label): a romanised two-syllable given name written with a
/// hyphen after a person's surname. Its second syllable is no English word ("Clinton-era").
fn given_name_after(art: &Article, l: &Entity, r: &Entity) -> bool {
    if l.label != Label::Person || r.token_end - r.token_start != 1 || l.token_end - l.token_start > 2 {
        return false;
    }
    let w = word(art, r.token_start);
    let Some((a, b)) = w.split_once('-') else { return false };
    let mut ac = a.chars();
    ac.next().is_some_and(|c| c.is_ascii_uppercase())
        && ac.all(|c| c.is_ascii_lowercase())
        && !b.is_empty()
        && b.len() <= 5
        && b.bytes().all(|c| c.is_ascii_lowercase())
        && (b.len() <= 2 || !common(b))
}

/// "Lex" (ORG) + "van Drooge" (PERSON): one capitalised word the tagger read as another name,
/// right before a person's name that opens with a particle, is the first name. A country, region
/// or people's name stays apart.
fn first_name_before_particle(art: &Article, l: &Entity, r: &Entity) -> bool {
    if r.label != Label::Person || l.token_end - l.token_start != 1 || r.token_end - r.token_start > 3 {
        return false;
    }
    let (first, particle) = (word(art, l.token_start), word(art, r.token_start));
    let g = gazetteer();
    NAME_PARTICLES.contains(&particle)
        && first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).any(char::is_lowercase)
        && g.country(first).is_none()
        && g.region(first).is_none()
        && g.demonym(first).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::refine::tests::art;

    fn ent(a: &Article, s: usize, e: usize, label: Label) -> Entity {
        Entity::new(Span::new(a.tokens[s].span.start, a.tokens[e - 1].span.end), label, 0, s, e)
    }

    fn joined(words: &[&str], parts: &[(usize, usize, Label)]) -> Vec<(String, Label)> {
        let mut a = art(words);
        let span = Span::new(0, a.text.len());
        a.sentences.push(Sentence { span, token_start: 0, token_end: words.len(), section: Section::Body(0) });
        let mut ents: Vec<Entity> = parts.iter().map(|&(s, e, l)| ent(&a, s, e, l)).collect();
        join_adjacent_names(&a, &mut ents);
        ents.iter().map(|e| (a.slice(e.span).to_string(), e.label)).collect()
    }

    #[test]
    fn two_people_side_by_side_are_one() {
        let got = joined(&["envoy", "Wen", "Jiabo", "said"], &[(1, 2, Label::Person), (2, 3, Label::Person)]);
        assert_eq!(got, vec![("Wen Jiabo".to_string(), Label::Person)]);
        // a comma or "and" between them keeps two people
        let got = joined(&["Wen", ",", "Jiabo"], &[(0, 1, Label::Person), (2, 3, Label::Person)]);
        assert_eq!(got.len(), 2);
        let got = joined(&["Wen", "and", "Jiabo"], &[(0, 1, Label::Person), (2, 3, Label::Person)]);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn a_hyphenated_given_name_joins_the_surname_before_it() {
        let got = joined(&["Moon", "Tae-suk", "won"], &[(0, 1, Label::Person), (1, 2, Label::Misc)]);
        assert_eq!(got, vec![("Moon Tae-suk".to_string(), Label::Person)]);
        // an English word after the hyphen is a description, not a given name
        let got = joined(&["Moon", "Clinton-era"], &[(0, 1, Label::Person), (1, 2, Label::Misc)]);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn a_first_name_joins_a_surname_opening_with_a_particle() {
        let got = joined(&["Piet", "van", "Rijn"], &[(0, 1, Label::Org), (1, 3, Label::Person)]);
        assert_eq!(got, vec![("Piet van Rijn".to_string(), Label::Person)]);
        // a country before the particle stays a place
        let got = joined(&["France", "de", "Villiers"], &[(0, 1, Label::Gpe), (1, 3, Label::Person)]);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn two_places_side_by_side_are_one() {
        let got = joined(&["the", "U.S.", "Gulf", "coast"], &[(1, 2, Label::Gpe), (2, 3, Label::Loc)]);
        assert_eq!(got, vec![("U.S. Gulf".to_string(), Label::Loc)]);
        let got = joined(&["Paris", ",", "Texas"], &[(0, 1, Label::Gpe), (2, 3, Label::Gpe)]);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn place_modifiers_are_names_where_no_entity_holds_them() {
        let words = ["THE", "VIENNA-BASED", "BODY", "AND", "A", "SERB-CONTROLLED", "TOWN", "IN", "NEW", "YORK-BASED"];
        let mut a = art(&words);
        let span = Span::new(0, a.text.len());
        a.sentences.push(Sentence { span, token_start: 0, token_end: words.len(), section: Section::Body(0) });
        let mut ents = vec![ent(&a, 8, 10, Label::Misc)];
        place_modifiers(&a, &mut ents);
        let got: Vec<&str> = ents.iter().map(|e| a.slice(e.span)).collect();
        assert_eq!(got, vec!["VIENNA-BASED", "SERB-CONTROLLED", "NEW YORK-BASED"]);
        assert!(ents.iter().all(|e| e.label == Label::Misc));
        // a common word before the hyphen is no name ("state-run")
        let mut b = art(&["a", "state-run", "firm"]);
        b.sentences.push(Sentence {
            span: Span::new(0, b.text.len()),
            token_start: 0,
            token_end: 3,
            section: Section::Body(0),
        });
        let mut none = Vec::new();
        place_modifiers(&b, &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn an_institution_before_passed_is_the_name() {
        let a = art(&["The", "Senate-passed", "bill", "and", "a", "U.S.-drafted", "text"]);
        let mut ents = vec![ent(&a, 1, 2, Label::Misc), ent(&a, 5, 6, Label::Misc)];
        institution_acts(&a, &mut ents);
        assert_eq!((a.slice(ents[0].span), ents[0].label), ("Senate", Label::Org));
        assert_eq!((a.slice(ents[1].span), ents[1].label), ("U.S.-drafted", Label::Misc));
    }

    #[test]
    fn a_quoted_nickname_stays_inside_the_name() {
        let words = ["champion", "Carlos", "\"", "Iron", "Fist", "\"", "Mendoza", "won"];
        let got = joined(&words, &[(1, 2, Label::Person), (3, 5, Label::Misc), (6, 7, Label::Person)]);
        assert_eq!(got, vec![("Carlos \" Iron Fist \" Mendoza".to_string(), Label::Person)]);
        // a quoted title between two names is not a nickname when a word is in lower case
        let words = ["Carlos", "\"", "the", "Fist", "\"", "Mendoza"];
        assert_eq!(joined(&words, &[(0, 1, Label::Person), (5, 6, Label::Person)]).len(), 2);
    }

    #[test]
    fn a_stray_bracket_splits_a_name() {
        let words = ["(", "champion", "Ana", ")", "Silva", "and", "Rosa"];
        let got = joined(&words, &[(2, 5, Label::Person), (6, 7, Label::Person)]);
        let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, vec!["Ana", "Silva", "Rosa"]);
    }

    #[test]
    fn regnal_numbers_belong_to_the_name() {
        let got = joined(&["King", "Olaf", "I", "died"], &[(1, 2, Label::Person)]);
        assert_eq!(got, vec![("Olaf I".to_string(), Label::Person)]);
        let got = joined(&["Henrik", "IV", "ruled"], &[(0, 1, Label::Person)]);
        assert_eq!(got, vec![("Henrik IV".to_string(), Label::Person)]);
        // "I" after a name without a monarch's title is the pronoun
        let got = joined(&["Olsen", "I", "think"], &[(0, 1, Label::Person)]);
        assert_eq!(got, vec![("Olsen".to_string(), Label::Person)]);
    }

    #[test]
    fn a_bracketed_nickname_stays_inside_the_name() {
        let words = ["saw", "Anna", "Maria", "(", "Mia", ")", "Olsen", "play"];
        let got = joined(&words, &[(1, 3, Label::Person), (4, 7, Label::Person)]);
        assert_eq!(got, vec![("Anna Maria ( Mia ) Olsen".to_string(), Label::Person)]);
        let got = joined(&["saw", "(", "Mia", ")", "Olsen"], &[(2, 5, Label::Person)]);
        assert_eq!(got, vec![("( Mia ) Olsen".to_string(), Label::Person)]);
    }
}
