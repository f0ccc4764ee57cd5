//! Organisation names with "and", "&" and commas inside them, which the tagger cuts at the
//! connector: "Nippon Telegraph" + "Telephone Corp", "Merrill Lynch" + "Pierce" + "Fenner & Smith
//! Inc", and the opposite slip, two "&" names run together ("Procter & Gamble and Johnson &
//! Johnson").
use super::companies::PERSON_TITLES;
use super::patterns::ORG_HEADS;
use super::{lower_in, word, HashSet};
use crate::entities::lexicon::CLUSTERS_TSV;
use crate::gazetteer::gazetteer;
use crate::types::*;
use crate::util::legal_forms::is_legal_form;
use std::sync::OnceLock;

/// Words the unlabelled news text uses in lower case ("telephone", "savings", "tool"): inside a
/// name they are the generic words of an institution's name, not a name of their own.
fn common_words() -> &'static HashSet<&'static str> {
    static W: OnceLock<HashSet<&'static str>> = OnceLock::new();
    W.get_or_init(|| {
        CLUSTERS_TSV
            .lines()
            .filter_map(|l| l.split_once('\t').map(|(w, _)| w))
            .filter(|w| w.len() > 2 && w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect()
    })
}

/// A word the news text uses in lower case (see `common_words`).
pub fn common(w: &str) -> bool {
    w.len() <= 32 && common_words().contains(w.to_ascii_lowercase().as_str())
}

/// A place or a people's name stands on its own ("Chase Manhattan and Chemical Bank" is two banks).
pub(super) fn place_like(w: &str) -> bool {
    let g = gazetteer();
    g.city(w).is_some() || g.country(w).is_some() || g.region(w).is_some() || g.demonym(w).is_some()
}

/// Hand-written words that end organisation names ("Fund", "Foundation", "Inc."), beside the
/// pattern stage's heads.
const ORG_WORDS: &str = include_str!("../../../data/ner/hand/orgword.txt");

pub(super) fn org_head(w: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        ORG_WORDS
            .lines()
            .map(|l| l.trim().trim_end_matches('.'))
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    let t = w.trim_end_matches('.');
    lower_in(w, &ORG_HEADS) || (t.len() <= 32 && words.contains(t.to_ascii_lowercase().as_str()))
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Joins and splits organisation names at connectors. `ents` is sorted and free of overlaps, and
/// stays so; each entity is looked at a fixed number of times (linear in the story).
pub fn join_connected_orgs(art: &Article, ents: &mut Vec<Entity>) {
    split_double_ampersand(art, ents);
    split_legal_of_place(art, ents);
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for e in ents.drain(..) {
        if let Some(joined) = out.last().and_then(|l| {
            join_and(art, l, &e)
                .or_else(|| join_particle(art, l, &e))
                .or_else(|| join_possessive_pair(art, l, &e))
                .or_else(|| join_of_place(art, l, &e))
                .or_else(|| join_first_name(art, l, &e))
                .or_else(|| join_honorific(art, l, &e))
                .or_else(|| join_company_tail(art, l, &e))
                .or_else(|| join_initials(art, l, &e))
        }) {
            out.pop();
            out.push(joined);
            continue;
        }
        if e.label == Label::Org && e.token_end - e.token_start >= 2 {
            let found = if e.token_end - e.token_start >= 3 { comma_list_start(art, &out, &e) } else { None };
            if let Some(start) = found.or_else(|| and_list_start(art, &out, &e)) {
                // the list's members the tagger kept as entities give way to the whole name
                while out.last().is_some_and(|l| l.token_start >= start) {
                    out.pop();
                }
                let span = Span::new(art.tokens[start].span.start, e.span.end);
                out.push(Entity::new(span, Label::Org, e.sentence, start, e.token_end));
                continue;
            }
        }
        out.push(e);
    }
    // "Standard" + "and Poor's" where the tagger left the second word out: the same join, with
    // that word standing for the right part when no entity holds it or the possessive after it
    for i in 0..out.len() {
        let l = &out[i];
        let t = l.token_end + 1;
        let n = art.sentences.get(l.sentence).map_or(0, |s| s.token_end);
        let free = out.get(i + 1).is_none_or(|next| next.token_start > t + 1);
        if l.label != Label::Org || l.token_end - l.token_start != 1 || t + 1 >= n || !free {
            continue;
        }
        let r = Entity::new(art.tokens[t].span, Label::Org, l.sentence, t, t + 1);
        if let Some(joined) = join_possessive_pair(art, l, &r) {
            out[i] = joined;
        }
    }
    *ents = out;
}

/// Lower-case particles inside personal names: "Osama bin Laden", "Daniel arap Moi", "Ludwig van
/// Beethoven", "Charles de Gaulle".
pub(super) const NAME_PARTICLES: [&str; 14] =
    ["bin", "ibn", "bint", "al", "arap", "van", "von", "de", "da", "del", "der", "di", "dos", "du"];

/// Two names with only a name particle between them, one of them a person: one PERSON.
fn join_particle(art: &Article, l: &Entity, r: &Entity) -> Option<Entity> {
    if l.sentence != r.sentence || l.token_end + 1 != r.token_start {
        return None;
    }
    let p = word(art, l.token_end);
    let person = l.label == Label::Person || r.label == Label::Person;
    // ("Paul von" + "Hindenburg" the tagger took for a place: the particle says it is a name)
    let others_ok = |e: &Entity| matches!(e.label, Label::Person | Label::Org | Label::Misc | Label::Loc | Label::Gpe);
    if !NAME_PARTICLES.contains(&p) || !person || !others_ok(l) || !others_ok(r) {
        return None;
    }
    // one name has at most a few words on each side
    if l.token_end - l.token_start > 3 || r.token_end - r.token_start > 3 {
        return None;
    }
    Some(Entity::new(Span::new(l.span.start, r.span.end), Label::Person, l.sentence, l.token_start, r.token_end))
}

/// "Chester" (LOC) + "A. Arthur" (PERSON), "Kwame" (LOC) + "Nkrumah" (PERSON): one word the
/// tagger took for a place, right before a person's name with nothing between them, is the
/// person's first name. A country or region stays apart ("Britain Smith" in a results table).
fn join_first_name(art: &Article, l: &Entity, r: &Entity) -> Option<Entity> {
    if l.sentence != r.sentence
        || l.token_end != r.token_start
        || l.token_end - l.token_start != 1
        || !matches!(l.label, Label::Gpe | Label::Loc)
        || r.label != Label::Person
        || r.token_end - r.token_start > 3
        || art.text[l.span.end..r.span.start].contains('\n')
    {
        return None;
    }
    let g = gazetteer();
    let first = art.slice(l.span);
    if g.country(first).is_some() || g.region(first).is_some() || g.demonym(first).is_some() {
        return None;
    }
    Some(Entity::new(Span::new(l.span.start, r.span.end), Label::Person, l.sentence, l.token_start, r.token_end))
}

/// "Mr" + "Blair": the tagger sometimes opens a second name at the surname after an honorific it
/// tagged alone. An honorific is never a name by itself; with the person right after it, it is
/// that person's name, as "Mr Blair" is when the tagger reads it whole.
fn join_honorific(art: &Article, l: &Entity, r: &Entity) -> Option<Entity> {
    if l.sentence != r.sentence
        || l.token_end != r.token_start
        || l.token_end - l.token_start != 1
        || l.label != Label::Person
        || r.label != Label::Person
        || !lower_in(art.slice(l.span), &PERSON_TITLES)
    {
        return None;
    }
    Some(Entity::new(Span::new(l.span.start, r.span.end), Label::Person, l.sentence, l.token_start, r.token_end))
}

/// "Dow" (MISC) + "Chemical Co" (ORG): a company name of generic words and a legal form, right
/// after a name with nothing between them, is that name's company; "Chemical Co" alone names no
/// company. A place on the left stays apart ("U.S." + "Commerce Department" is how CoNLL has it),
/// as does a name that is already complete ("Lear Corp" + "Holdings Inc").
fn join_company_tail(art: &Article, l: &Entity, r: &Entity) -> Option<Entity> {
    if l.sentence != r.sentence
        || l.token_end != r.token_start
        || !matches!(l.label, Label::Misc | Label::Person | Label::Org)
        || r.label != Label::Org
        || r.token_end - r.token_start < 2
        || l.token_end - l.token_start > 3
        || !art.text[l.span.end..r.span.start].chars().all(|c| c == ' ')
    {
        return None;
    }
    let last = word(art, l.token_end - 1);
    // ("Minneapolis-based" + "First Bank System Inc." is a description and a company)
    if !capitalised(last) || last.contains('-') || org_head(last) || !is_legal_form(word(art, r.token_end - 1)) {
        return None;
    }
    let generic = (r.token_start..r.token_end - 1).all(|t| {
        let w = word(art, t);
        capitalised(w) && (common(w) || org_head(w)) && !place_like(w)
    });
    if !generic {
        return None;
    }
    Some(Entity::new(Span::new(l.span.start, r.span.end), Label::Org, l.sentence, l.token_start, r.token_end))
}

/// Initials written together ("JD", "J.D.", "J.") before a surname: "JD" (PERSON) + "Vance"
/// (ORG) is one person, the initials saying that a surname follows; a place's name is no surname.
fn join_initials(art: &Article, l: &Entity, r: &Entity) -> Option<Entity> {
    if l.sentence != r.sentence
        || l.token_end != r.token_start
        || l.label != Label::Person
        || !matches!(r.label, Label::Org | Label::Misc)
        || r.token_end - r.token_start != 1
        || l.token_end - l.token_start > 2
        || !art.text[l.span.end..r.span.start].chars().all(|c| c == ' ')
    {
        return None;
    }
    let initials = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| *c != '.').collect();
        (1..=3).contains(&letters.len())
            && letters.iter().all(|c| c.is_ascii_uppercase())
            && (letters.len() > 1 || w.ends_with('.'))
    };
    let surname = word(art, r.token_start);
    // a surname is written in mixed case ("Vance"), not as an acronym or in a headline's capitals
    let mixed =
        surname.chars().next().is_some_and(char::is_uppercase) && surname.chars().skip(1).any(char::is_lowercase);
    // ("N. Korea" in a headline is a country after its abbreviated adjective)
    if !(l.token_start..l.token_end).all(|t| initials(word(art, t))) || !mixed || place_like(surname) {
        return None;
    }
    Some(Entity::new(Span::new(l.span.start, r.span.end), Label::Person, l.sentence, l.token_start, r.token_end))
}

/// "Nippon Telegraph" + "and" + "Telephone Corp" -> one ORG. The right part must end in an
/// organisation word; the words that meet at "and" must be generic words of the language, not
/// names: "Ford and General Motors Corp" and "Chase Manhattan and Chemical Bank" stay apart.
fn join_and(art: &Article, l: &Entity, r: &Entity) -> Option<Entity> {
    if l.sentence != r.sentence || l.token_end + 1 != r.token_start || word(art, l.token_end) != "and" {
        return None;
    }
    // (a nationality on the left is its own word: "South African and Communist Party")
    let left_ok = matches!(l.label, Label::Org | Label::Misc | Label::Person) && l.token_end - l.token_start >= 2;
    let right_ok = r.label == Label::Org && r.token_end - r.token_start >= 2;
    if !(left_ok && right_ok) || !org_head(word(art, r.token_end - 1)) {
        return None;
    }
    let before = word(art, l.token_end - 1);
    let after = word(art, r.token_start);
    // a name that ends in "Inc" or "Corp" is complete: "Johnson Controls Inc and Lear Corp" are two
    if org_head(before) {
        return None;
    }
    // A generic word before "and" ("Ways and Means Committee"), or right after it when the rest is
    // only the organisation word ("Nippon Telegraph and Telephone Corp"): a longer right part
    // with a generic first word is a name of its own ("... and All Ceylon Tamil Congress").
    let short_right = r.token_end - r.token_start == 2;
    let generic = (common(before) || common(after) && short_right) && !place_like(before) && !place_like(after);
    if !generic || !capitalised(before) || !capitalised(after) {
        return None;
    }
    let mut e = Entity::new(Span::new(l.span.start, r.span.end), Label::Org, l.sentence, l.token_start, r.token_end);
    e.canonical = None;
    Some(e)
}

/// "Merrill Lynch, Pierce, Fenner & Smith Inc", "Smith Barney, Harris Upham & Co": an "&" name
/// after capitalised words and commas, the first of them the end of a name the tagger found, is
/// one firm. Returns the token where it starts.
fn comma_list_start(art: &Article, done: &[Entity], e: &Entity) -> Option<usize> {
    if !(e.token_start..e.token_end).any(|k| word(art, k) == "&") {
        return None;
    }
    let sent_start = art.sentences.get(e.sentence)?.token_start;
    // walk back over ", Word" hops (at most four); `start` ends on the list's first word
    let mut start = e.token_start;
    let mut hops = 0;
    while hops < 4 && start >= sent_start + 2 && word(art, start - 1) == "," {
        let w = word(art, start - 2);
        if !capitalised(w) || place_like(w) {
            break;
        }
        start -= 2;
        hops += 1;
    }
    if hops == 0 {
        return None;
    }
    // the firm's first name ends on that word: an organisation or person the tagger found
    let first = done.iter().rev().take(8).find(|d| d.token_start <= start && d.token_end == start + 1)?;
    matches!(first.label, Label::Org | Label::Person).then_some(first.token_start)
}

/// "Merrill Lynch, Pierce, Fenner and Smith Inc": a firm named after its partners, the last
/// part ending in an organisation word after "and", the ones before it single words the tagger
/// left unlabelled or took for people, after commas. The first part is an organisation or person
/// the tagger found. A list of firms ("IBM, Apple and Smith Inc") has organisations in the middle
/// and stays apart. Returns the token where the firm's name starts.
fn and_list_start(art: &Article, done: &[Entity], e: &Entity) -> Option<usize> {
    let t = e.token_start;
    let sent_start = art.sentences.get(e.sentence)?.token_start;
    if e.token_end - t < 2 || !org_head(word(art, e.token_end - 1)) || t < sent_start + 4 || word(art, t - 1) != "and" {
        return None;
    }
    let single = |k: usize| capitalised(word(art, k)) && !place_like(word(art, k));
    if !single(t - 2) {
        return None;
    }
    let mut start = t - 2;
    let mut hops = 0;
    while hops < 4 && start >= sent_start + 2 && word(art, start - 1) == "," && single(start - 2) {
        start -= 2;
        hops += 1;
    }
    if hops == 0 {
        return None;
    }
    let first = done.iter().rev().take(8).find(|d| d.token_start <= start && d.token_end == start + 1)?;
    if !matches!(first.label, Label::Org | Label::Person) {
        return None;
    }
    // the partners' names between the first part and "and": each one word, a person or nothing
    let middle_ok = done
        .iter()
        .rev()
        .take(8)
        .filter(|d| d.token_start > start && d.token_end <= t)
        .all(|d| d.label == Label::Person && d.token_end - d.token_start == 1);
    middle_ok.then_some(first.token_start)
}

/// "Communist Party" + "of the" + "Russian Federation": an organisation whose name ends in an
/// organisation word, then "of" (and "the") and a country or region, is one ORG, as "Bank of
/// England" is.
fn join_of_place(art: &Article, l: &Entity, r: &Entity) -> Option<Entity> {
    if l.sentence != r.sentence || l.label != Label::Org || !matches!(r.label, Label::Gpe | Label::Loc) {
        return None;
    }
    let gap = r.token_start.checked_sub(l.token_end)?;
    let of_ok = match gap {
        1 => word(art, l.token_end) == "of",
        2 => word(art, l.token_end) == "of" && word(art, l.token_end + 1) == "the",
        _ => false,
    };
    let g = gazetteer();
    let place = art.slice(r.span);
    // "Kia Motor Corp of South Korea": a company's legal suffix ends its name; what follows describes it
    let head = word(art, l.token_end - 1);
    let legal = matches!(
        head.to_ascii_lowercase().trim_end_matches('.'),
        "corp" | "inc" | "ltd" | "co" | "corporation" | "company"
    );
    if !of_ok || legal || !lower_in(head, &ORG_HEADS) || (g.country(place).is_none() && g.region(place).is_none()) {
        return None;
    }
    let mut e = Entity::new(Span::new(l.span.start, r.span.end), Label::Org, l.sentence, l.token_start, r.token_end);
    e.canonical = None;
    Some(e)
}

/// "Standard and Poor's": two organisation words the tagger cut at "and", the second followed by
/// a possessive, both words the language also uses in lower case (a generic-word name, as in
/// `join_and`). "Texaco and Pennzoil's talks" are two names and stay apart.
fn join_possessive_pair(art: &Article, l: &Entity, r: &Entity) -> Option<Entity> {
    if l.sentence != r.sentence
        || l.token_end + 1 != r.token_start
        || l.token_end - l.token_start != 1
        || !matches!(word(art, l.token_end), "and" | "&")
        || l.label != Label::Org
        || !matches!(r.label, Label::Org | Label::Misc)
    {
        return None;
    }
    let (a, b) = (word(art, l.token_start), word(art, r.token_start));
    let possessive = r.token_start + 1;
    let n = art.sentences.get(r.sentence)?.token_end;
    if possessive >= n || !matches!(word(art, possessive), "'s" | "\u{2019}s") {
        return None;
    }
    if !(capitalised(a) && capitalised(b) && common(a) && common(b)) || place_like(a) || place_like(b) {
        return None;
    }
    let end = r.token_end.max(possessive + 1);
    let mut e =
        Entity::new(Span::new(l.span.start, art.tokens[end - 1].span.end), Label::Org, l.sentence, l.token_start, end);
    e.canonical = None;
    Some(e)
}

/// A company's legal suffix ends its name (see `join_of_place`): one ORG the tagger ran on over
/// "of" and a country ("Kia Motor Corp of South Korea") is the company and the place.
fn split_legal_of_place(art: &Article, ents: &mut Vec<Entity>) {
    let g = gazetteer();
    let mut add = Vec::new();
    for e in ents.iter_mut().filter(|e| e.label == Label::Org && e.token_end - e.token_start >= 4) {
        let Some(k) =
            (e.token_start + 1..e.token_end - 2).find(|&k| is_legal_form(word(art, k)) && word(art, k + 1) == "of")
        else {
            continue;
        };
        let p = if word(art, k + 2) == "the" { k + 3 } else { k + 2 };
        if p >= e.token_end {
            continue;
        }
        let place = &art.text[art.tokens[p].span.start..e.span.end];
        if g.country(place).is_none() && g.region(place).is_none() {
            continue;
        }
        let mut right =
            Entity::new(Span::new(art.tokens[p].span.start, e.span.end), Label::Gpe, e.sentence, p, e.token_end);
        right.canonical = None;
        e.span = Span::new(e.span.start, art.tokens[k].span.end);
        e.token_end = k + 1;
        e.canonical = None;
        add.push(right);
    }
    if !add.is_empty() {
        ents.extend(add);
        ents.sort_by_key(|e| (e.span.start, e.span.end));
    }
}

/// "Procter & Gamble and Johnson & Johnson": one ORG holding "&" on both sides of an "and" is two.
fn split_double_ampersand(art: &Article, ents: &mut Vec<Entity>) {
    // a name never opens with "&": "... and Johnson" + "& Johnson" is one run, split below
    let mut glued: Vec<Entity> = Vec::with_capacity(ents.len());
    for e in ents.drain(..) {
        match glued.last_mut() {
            Some(l) if l.token_end == e.token_start && l.sentence == e.sentence && word(art, e.token_start) == "&" => {
                l.span = Span::new(l.span.start, e.span.end);
                l.token_end = e.token_end;
                l.label = Label::Org;
            }
            _ => glued.push(e),
        }
    }
    *ents = glued;
    let mut add = Vec::new();
    for e in ents.iter_mut().filter(|e| e.label == Label::Org) {
        let words: Vec<&str> = (e.token_start..e.token_end).map(|k| word(art, k)).collect();
        let Some(and) = words.iter().position(|w| *w == "and") else { continue };
        if and == 0 || !words[..and].contains(&"&") || !words[and + 1..].contains(&"&") {
            continue;
        }
        let cut = e.token_start + and;
        let mut right = Entity::new(
            Span::new(art.tokens[cut + 1].span.start, e.span.end),
            Label::Org,
            e.sentence,
            cut + 1,
            e.token_end,
        );
        right.canonical = None;
        e.span = Span::new(e.span.start, art.tokens[cut - 1].span.end);
        e.token_end = cut;
        add.push(right);
    }
    if !add.is_empty() {
        ents.extend(add);
        ents.sort_by_key(|e| (e.span.start, e.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generic_company_tail_joins_the_name_before_it_and_initials_join_the_surname() {
        let a = crate::entities::refine::tests::art(&[
            "Brennick", "Chemical", "Co", "hired", "KT", "Ostrova", "from", "Vale", "Holdings", "Inc", "in", "Norway",
            "Steel", "Corp", "and", "Lear", "Corp", "Holdings", "Inc", ".",
        ]);
        let sp = |s: usize, e: usize| Span::new(a.tokens[s].span.start, a.tokens[e - 1].span.end);
        let mut ents = vec![
            Entity::new(sp(0, 1), Label::Misc, 0, 0, 1),
            Entity::new(sp(1, 3), Label::Org, 0, 1, 3),
            Entity::new(sp(4, 5), Label::Person, 0, 4, 5),
            Entity::new(sp(5, 6), Label::Org, 0, 5, 6),
            Entity::new(sp(7, 10), Label::Org, 0, 7, 10),
            // a place stays apart, and so does a complete company name
            Entity::new(sp(11, 12), Label::Gpe, 0, 11, 12),
            Entity::new(sp(12, 14), Label::Org, 0, 12, 14),
            Entity::new(sp(15, 17), Label::Org, 0, 15, 17),
            Entity::new(sp(17, 19), Label::Org, 0, 17, 19),
        ];
        join_connected_orgs(&a, &mut ents);
        let got: Vec<(&str, Label)> = ents.iter().map(|e| (a.slice(e.span), e.label)).collect();
        assert_eq!(
            got,
            [
                ("Brennick Chemical Co", Label::Org),
                ("KT Ostrova", Label::Person),
                ("Vale Holdings Inc", Label::Org),
                ("Norway", Label::Gpe),
                ("Steel Corp", Label::Org),
                ("Lear Corp", Label::Org),
                ("Holdings Inc", Label::Org),
            ]
        );
    }

    #[test]
    fn a_first_name_taken_for_a_place_joins_the_person() {
        let a = crate::entities::refine::tests::art(&[
            "Envoy", "Halden", "M.", "Ostrova", "met", "Norway", "Tarlund", "and", "Vera", "von", "Pelt", ".",
        ]);
        let sp = |s: usize, e: usize| Span::new(a.tokens[s].span.start, a.tokens[e - 1].span.end);
        let mut ents = vec![
            Entity::new(sp(1, 2), Label::Loc, 0, 1, 2),
            Entity::new(sp(2, 4), Label::Person, 0, 2, 4),
            // a country stays apart from the name after it
            Entity::new(sp(5, 6), Label::Gpe, 0, 5, 6),
            Entity::new(sp(6, 7), Label::Person, 0, 6, 7),
            Entity::new(sp(8, 9), Label::Person, 0, 8, 9),
            Entity::new(sp(10, 11), Label::Gpe, 0, 10, 11),
        ];
        join_connected_orgs(&a, &mut ents);
        let got: Vec<(&str, Label)> = ents.iter().map(|e| (a.slice(e.span), e.label)).collect();
        assert_eq!(
            got,
            [
                ("Halden M. Ostrova", Label::Person),
                ("Norway", Label::Gpe),
                ("Tarlund", Label::Person),
                ("Vera von Pelt", Label::Person)
            ]
        );
    }

    #[test]
    fn a_lone_honorific_joins_the_surname_after_it() {
        let a = crate::entities::refine::tests::art(&[
            "Ms", "Halden", "said", "Mr", "Tarlund", "and", "Dr", "Ostrova", "left", ".", "Sir", "Aldwin", "and", "MR",
            "KELBY",
        ]);
        let sp = |s: usize, e: usize| Span::new(a.tokens[s].span.start, a.tokens[e - 1].span.end);
        let mut ents = vec![
            Entity::new(sp(0, 1), Label::Person, 0, 0, 1),
            Entity::new(sp(1, 2), Label::Person, 0, 1, 2),
            Entity::new(sp(3, 4), Label::Person, 0, 3, 4),
            Entity::new(sp(4, 5), Label::Person, 0, 4, 5),
            // an honorific with no person after it is left to the other rules
            Entity::new(sp(6, 7), Label::Person, 0, 6, 7),
            Entity::new(sp(7, 8), Label::Org, 0, 7, 8),
            // the shared honorific list, in any case: "Sir", and "MR" in an all-caps line
            Entity::new(sp(10, 11), Label::Person, 0, 10, 11),
            Entity::new(sp(11, 12), Label::Person, 0, 11, 12),
            Entity::new(sp(13, 14), Label::Person, 0, 13, 14),
            Entity::new(sp(14, 15), Label::Person, 0, 14, 15),
        ];
        join_connected_orgs(&a, &mut ents);
        let got: Vec<&str> = ents.iter().map(|e| a.slice(e.span)).collect();
        assert_eq!(got, ["Ms Halden", "Mr Tarlund", "Dr", "Ostrova", "Sir Aldwin", "MR KELBY"]);
    }
}
