//! Personal names the tagger cut in two. Two names side by side with only a space between them
//! are, in news text, one name: CoNLL-2003's 250,000 tokens of annotated Reuters have no person
//! followed directly by another person (a list writes a comma or "and" between them). The tagger
//! opens a second name where a name's shape is new to it: romanised given names ("Kim" +
//! "In-so", "Xiao" + "Qiang"), particles ("Joaquin" + "del Olmo") and bracketed nicknames
//! ("James Leander (" + "Leo ) Nichols").
use super::joins::{common, NAME_PARTICLES};
use super::word;
use crate::gazetteer::gazetteer;
use crate::types::*;

/// Joins the parts of personal names. `ents` is sorted and free of overlaps, and stays so; each
/// entity is looked at a fixed number of times (linear in the story).
pub fn join_person_parts(art: &Article, ents: &mut Vec<Entity>) {
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for mut e in ents.drain(..) {
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
            let both = l.label == Label::Person && e.label == Label::Person;
            (both && l.token_end - l.token_start <= 4 && e.token_end - e.token_start <= 4
                || given_name_after(art, l, &e)
                || first_name_before_particle(art, l, &e))
            .then(|| person(art, l.span.start, e.span.end, l.sentence, l.token_start, e.token_end))
        });
        if let Some(j) = joined {
            out.pop();
            out.push(j);
        } else {
            out.push(e);
        }
    }
    *ents = out;
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
    let text = art.slice(e.span);
    let open = e.token_start - 1;
    let in_sentence = art.sentences.get(e.sentence).is_some_and(|s| s.token_start <= open);
    (text.matches(')').count() > text.matches('(').count() && in_sentence && word(art, open) == "(").then_some(open)
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
        join_person_parts(&a, &mut ents);
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
    fn a_bracketed_nickname_stays_inside_the_name() {
        let words = ["saw", "Anna", "Maria", "(", "Mia", ")", "Olsen", "play"];
        let got = joined(&words, &[(1, 3, Label::Person), (4, 7, Label::Person)]);
        assert_eq!(got, vec![("Anna Maria ( Mia ) Olsen".to_string(), Label::Person)]);
        let got = joined(&["saw", "(", "Mia", ")", "Olsen"], &[(2, 5, Label::Person)]);
        assert_eq!(got, vec![("( Mia ) Olsen".to_string(), Label::Person)]);
    }
}
