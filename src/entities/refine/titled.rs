//! A person's name after an office the tagger took for an organisation: "Chancellor of the
//! Exchequer Anna Grey" read as "Exchequer Anna" (ORG) + "Grey" (PERSON), or "Council of Economic
//! Advisers Anna Grey" read whole as one organisation. The first name belongs to the person: the
//! organisation ends before it. A first name is one the tagger's lexicon lists as such; for a name read
//! whole, the story must also write the surname alone as a person's.
use super::word;
use crate::entities::lexicon::category_bit;
use crate::entities::shipped_model;
use crate::types::*;
use crate::util::hash::hash_str;
use std::collections::HashSet;

/// Whether the tagger's lexicon (data/ner/lexicon.tsv, loaded with the model) lists `lower` as a
/// first name.
fn listed_first_name(lower: &str) -> bool {
    let bit = category_bit("firstname").unwrap_or(0);
    shipped_model().is_ok_and(|m| m.lex.phrase_categories(hash_str(lower)) & bit != 0)
}

fn first_name(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase)
        && c.any(char::is_lowercase)
        && w.len() <= 32
        && listed_first_name(&w.to_lowercase())
}

fn office_label(l: Label) -> bool {
    matches!(l, Label::Org | Label::Misc | Label::Loc | Label::Fac)
}

/// `ents` is sorted and free of overlaps, and stays so.
pub fn names_after_offices(art: &Article, ents: &mut Vec<Entity>) {
    // surnames the story writes alone as a person's
    let alone: HashSet<&str> = ents
        .iter()
        .filter(|e| e.label == Label::Person && e.token_end - e.token_start == 1)
        .map(|e| word(art, e.token_start))
        .collect();
    let mut added: Vec<Entity> = Vec::new();
    for i in 0..ents.len() {
        let e = &ents[i];
        let n = e.token_end - e.token_start;
        if !office_label(e.label) || n < 2 || e.user {
            continue;
        }
        let last = e.token_end - 1;
        let next = ents.get(i + 1).filter(|r| {
            r.label == Label::Person
                && r.token_start == e.token_end
                && r.sentence == e.sentence
                && !r.user
                // one space, or the line break of a wrapped wire story
                && matches!(&art.text[e.span.end..r.span.start], " " | "\n")
        });
        if let (Some(r), true) = (next, first_name(word(art, last)) && !first_name(word(art, last - 1))) {
            // "Exchequer Anna" + "Grey"
            let person = Entity::new(
                Span::new(art.tokens[last].span.start, r.span.end),
                Label::Person,
                r.sentence,
                last,
                r.token_end,
            );
            let office = &mut ents[i];
            office.token_end = last;
            office.span = Span::new(office.span.start, art.tokens[last - 1].span.end);
            office.canonical = None;
            // the person is the next entity (`next`): replaced in place, no search
            ents[i + 1] = person;
            continue;
        }
        let e = &ents[i];
        if n >= 3
            && first_name(word(art, last - 1))
            && !first_name(word(art, last - 2))
            && alone.contains(word(art, last))
            && word(art, last - 2).chars().next().is_some_and(char::is_uppercase)
        {
            // "Council of Economic Advisers Anna Grey" read whole
            added.push(Entity::new(
                Span::new(art.tokens[last - 1].span.start, e.span.end),
                Label::Person,
                e.sentence,
                last - 1,
                e.token_end,
            ));
            let office = &mut ents[i];
            office.token_end = last - 1;
            office.span = Span::new(office.span.start, art.tokens[last - 2].span.end);
            office.canonical = None;
        }
    }
    if !added.is_empty() {
        ents.extend(added);
        ents.sort_by_key(|e| e.span.start);
    }
}

#[cfg(test)]
mod tests {
    use crate::types::{Article, Entity, Label, Span};

    fn tok(art: &Article, w: &str, from: usize) -> usize {
        (from..art.tokens.len()).find(|&k| super::word(art, k) == w).expect("a token")
    }

    fn entity(art: &Article, label: Label, a: usize, b: usize) -> Entity {
        let s = art.sentences.iter().position(|s| s.token_start <= a && a < s.token_end).expect("a sentence");
        Entity::new(Span::new(art.tokens[a].span.start, art.tokens[b - 1].span.end), label, s, a, b)
    }

    // The tagger's pieces are given by hand: the rule is about what it makes of them.
    #[test]
    fn an_office_ends_before_the_first_name() {
        let art = crate::parse(
            "Chancellor of the Exchequer Nigel Grey said on Monday that taxes would fall.\n",
            &Default::default(),
        )
        .expect("parses");
        let (ex, gr) = (tok(&art, "Exchequer", 0), tok(&art, "Grey", 0));
        let mut ents = vec![entity(&art, Label::Org, ex, ex + 2), entity(&art, Label::Person, gr, gr + 1)];
        super::names_after_offices(&art, &mut ents);
        let got: Vec<(&str, Label)> = ents.iter().map(|e| (art.slice(e.span), e.label)).collect();
        assert_eq!(got, vec![("Exchequer", Label::Org), ("Nigel Grey", Label::Person)]);
    }

    #[test]
    fn a_person_read_into_an_office_comes_out_where_the_story_names_the_surname() {
        let text = "Council of Economic Advisers Beryl Grey said on Monday that growth would slow. Grey said more.\n";
        let art = crate::parse(text, &Default::default()).expect("parses");
        let (co, gr) = (tok(&art, "Council", 0), tok(&art, "Grey", 0));
        let second = tok(&art, "Grey", gr + 1);
        let whole = vec![entity(&art, Label::Org, co, gr + 1), entity(&art, Label::Person, second, second + 1)];
        let mut ents = whole.clone();
        super::names_after_offices(&art, &mut ents);
        let got: Vec<(&str, Label)> = ents.iter().map(|e| (art.slice(e.span), e.label)).collect();
        assert_eq!(
            got,
            vec![("Council of Economic Advisers", Label::Org), ("Beryl Grey", Label::Person), ("Grey", Label::Person)]
        );
        // without the surname alone elsewhere, the organisation's reading stands
        let mut ents = whole[..1].to_vec();
        super::names_after_offices(&art, &mut ents);
        assert_eq!(ents.len(), 1);
    }
}
