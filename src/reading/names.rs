//! Within-story resolution: canonical names, acronyms, country aliases and codes, titles, clusters.
//!
//! Runs after entity recognition, in linear passes over the entities and tokens:
//! 1. country compounds inside one token ("DPRK-China", "U.S.-China") become one GPE mention per country;
//! 2. in a story about North Korea, "the North" (and "the South") become mentions of the country;
//! 3. every entity gets `.canonical` (people: the fullest name the story uses; acronyms: their long form;
//!    countries: one gazetteer name for all aliases) and `.country_code` (countries, places, nationalities);
//! 4. PERSON entities get `.title` from the words around any of their mentions;
//! 5. `art.clusters` and `art.acronyms` are filled.
use super::story::{self, base_text, is_name_label, Doc};
use super::{acronyms, name_match as names, titles};
use crate::gazetteer::gazetteer;
use crate::types::*;
use crate::util::hash::FxMap;
use std::borrow::Cow;
use std::cell::OnceCell;

/// Sets `.canonical`, `.title`, `.country_code` on entities and fills `art.clusters` and `art.acronyms`.
pub fn resolve(art: &mut Article) {
    split_country_compounds(art);
    let korea_story = korea_mentions(art) >= 2;
    if korea_story {
        add_north_south(art);
    }
    let story = resolve_story(art, korea_story);
    for (e, r) in art.entities.iter_mut().zip(story.entities) {
        e.country_code = r.code;
        e.title = r.title;
        // A user's entity keeps the user's label, and the user's name when one was given.
        if e.user {
            e.canonical.get_or_insert(r.canonical);
            continue;
        }
        e.label = r.label;
        e.canonical = Some(r.canonical);
    }
    art.clusters = story.clusters;
    art.acronyms = story.acronyms;
}

/// What resolution gives one entity.
struct Resolved {
    canonical: String,
    code: Option<&'static str>,
    label: Label,
    title: Option<String>,
}

struct Story {
    entities: Vec<Resolved>,
    clusters: Vec<Cluster>,
    acronyms: Vec<Acronym>,
}

/// Resolution read from the story; the entities are written afterwards by `resolve`. Canonical names are
/// borrowed (from the text, the gazetteer, the story's definitions) until the one final copy each.
fn resolve_story(art: &Article, korea_story: bool) -> Story {
    let n = art.entities.len();
    let bases: Vec<Cow<str>> = art.entities.iter().map(|e| base_text(art, e)).collect();
    let defs = acronyms::definitions(art);
    let index = Index::new(&defs, &bases, &art.entities);
    // People: short mentions linked to full names.
    let people: Vec<(usize, &str)> = art
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.label == Label::Person)
        .map(|(i, _)| (i, bases[i].as_ref()))
        .collect();
    let person_names = names::canonical_names(&people);
    let mut person_name = person_names.iter();

    let mut canon: Vec<&str> = Vec::with_capacity(n);
    let mut codes: Vec<Option<&'static str>> = Vec::with_capacity(n);
    let mut labels: Vec<Label> = Vec::with_capacity(n);
    // For each entity, the first one with the same text and label: a name the story repeats takes that
    // one's result instead of being looked up again (its clusters too).
    let mut first_same: Vec<u32> = Vec::with_capacity(n);
    let mut seen = FirstSeen::new(art.entities.iter().filter(|e| is_name_label(e.label)).count());
    for (i, e) in art.entities.iter().enumerate() {
        let base: &str = &bases[i];
        let mut first = i;
        let (c, code, label) = match e.label {
            Label::Person => (person_name.next().map_or("", String::as_str), None, Label::Person),
            l if !is_name_label(l) => (base, None, l),
            l => match seen.first((base, l), i) {
                Some(j) => {
                    first = j;
                    (canon[j], codes[j], labels[j])
                }
                None if l == Label::Norp => nationality(base),
                None => place_or_name(base, l, &index, korea_story),
            },
        };
        canon.push(c);
        codes.push(code);
        labels.push(label);
        first_same.push(first as u32);
    }
    let titles = if people.is_empty() { Vec::new() } else { person_titles(art, &people, &canon) };
    let acronyms = acronym_list(art, &defs, &index, &canon);
    let clusters = clusters(&canon, &labels, &codes, &first_same);

    let mut entities: Vec<Resolved> = (0..n)
        .map(|i| Resolved {
            // People's names are moved in below.
            canonical: if labels[i] == Label::Person { String::new() } else { canon[i].to_string() },
            code: codes[i],
            label: labels[i],
            title: None,
        })
        .collect();
    for (k, (&(i, _), name)) in people.iter().zip(person_names).enumerate() {
        entities[i].canonical = name;
        entities[i].title = titles.get(k).cloned().flatten();
    }
    Story { entities, clusters, acronyms }
}

/// Look-ups over a story's names and acronym definitions, so that no name is compared with every other
/// (a long story holds hundreds of thousands of names).
struct Index<'b> {
    defs: &'b [acronyms::Definition],
    bases: &'b [Cow<'b, str>],
    /// The first definition of each short form.
    def_of: FxMap<&'b str, usize>,
    /// The first entity with each base text.
    first_named: FxMap<&'b str, usize>,
    /// Names of several words by their initials (`acronyms::initial_chars`), each with the entities bearing
    /// them in order: built when a story first asks for a long form. Keyed by a hash of the initials
    /// (`initials_key`), not a string per name: two keys sharing a hash only share a list, which
    /// `initials_are` then filters exactly, in the same order. One vector of (key, entity) sorted by
    /// both, searched by halves: a map of lists cost an allocation per key, in nearly every story.
    by_initials: OnceCell<Vec<(u64, u32)>>,
    /// The story's entities (a person's name is no acronym's long form: "D.C." is not "Daniel Carter").
    entities: &'b [Entity],
}

impl<'b> Index<'b> {
    fn new(defs: &'b [acronyms::Definition], bases: &'b [Cow<'b, str>], entities: &'b [Entity]) -> Index<'b> {
        let mut def_of = FxMap::default();
        for (i, d) in defs.iter().enumerate() {
            def_of.entry(d.short.as_str()).or_insert(i);
        }
        // Sized once: grown entry by entry, the table's rehashing showed in profiles.
        let mut first_named = FxMap::with_capacity_and_hasher(bases.len(), Default::default());
        for (i, b) in bases.iter().enumerate() {
            first_named.entry(b.as_ref()).or_insert(i);
        }
        Index { defs, bases, def_of, first_named, by_initials: OnceCell::new(), entities }
    }

    fn definition(&self, short: &str) -> Option<&'b acronyms::Definition> {
        self.def_of.get(short).map(|&i| &self.defs[i])
    }

    /// The first name of several words whose initials are `letters` (as `initials_are` tells); for a
    /// company's letters (`company`), a name's initials may leave its legal form out.
    fn long_form(&self, letters: &[u8], company: bool) -> Option<&'b str> {
        let by = self.by_initials.get_or_init(|| {
            let mut by: Vec<(u64, u32)> = Vec::new();
            for (i, b) in self.bases.iter().enumerate() {
                if b.contains(' ') && self.entities.get(i).is_none_or(|e| e.label != Label::Person) {
                    // a company's initials leave its legal form out as often as not ("BSC", "Bear
                    // Stearns and Co Inc"): the name is found by both. Asked of companies only: the
                    // legal-form test on every long name was 4% of the reading's instructions.
                    let company = self.entities.get(i).is_some_and(|e| e.label == Label::Org);
                    let short = if company { without_legal_form(b) } else { None };
                    for name in [Some(b.as_ref()), short].into_iter().flatten() {
                        let key = if name.is_ascii() {
                            initials_key(acronyms::ascii_initials(name.as_bytes()).take(17).map(char::from))
                        } else {
                            initials_key(acronyms::initial_chars(name).take(17))
                        };
                        by.push((key, i as u32));
                    }
                }
            }
            // Pushed in entity order: sorting the pairs keeps each key's entities in that order.
            by.sort_unstable();
            by
        });
        let key = initials_key(letters.iter().map(|&c| c as char));
        // Names are still checked in full: the index only narrows them down. (Each initial is a word of
        // its own, with a separator before the next: a name shorter than 2n - 1 bytes has no n initials.)
        let min_len = (2 * letters.len()).saturating_sub(1);
        let from = by.partition_point(|&(k, _)| k < key);
        let spells = |b: &str| {
            b.len() >= min_len && acronyms::may_start_initials(b, letters) && acronyms::initials_are(b, letters)
        };
        by[from..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, i)| self.bases[i as usize].as_ref())
            .find(|b| spells(b) || company && without_legal_form(b).is_some_and(spells))
    }
}

/// A name without the legal form that ends it ("Bear Stearns and Co Inc" -> "Bear Stearns and Co"),
/// if it ends in one and more than one word is left.
fn without_legal_form(name: &str) -> Option<&str> {
    let (head, last) = name.trim_end().rsplit_once(' ')?;
    let head = head.trim_end_matches(',').trim_end();
    (crate::util::legal_forms::is_legal_form(last) && head.contains(' ')).then_some(head)
}

/// A hash of a sequence of initials, the same for the same characters however they were read.
fn initials_key(chars: impl Iterator<Item = char>) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let mut n = 0u32;
    for c in chars {
        h.write_u32(c as u32);
        n += 1;
    }
    h.write_u32(n);
    h.finish()
}

/// The first value given for each (text, label) key of a story: an open-addressing table over a
/// fingerprint of the key (its length, label, first and last byte), so a look-up hashes no text and compares
/// texts only when fingerprints agree.
struct FirstSeen<'k> {
    /// 1 + index into `keys`; 0 marks a free slot.
    slots: Vec<u32>,
    /// Each key's fingerprint, text and value.
    keys: Vec<(u64, &'k str, usize)>,
    shift: u32,
}

impl<'k> FirstSeen<'k> {
    /// For at most `n` keys (the table stays at most half full).
    #[inline]
    fn new(n: usize) -> FirstSeen<'k> {
        let size = (2 * n).next_power_of_two().max(8);
        FirstSeen { slots: vec![0; size], keys: Vec::with_capacity(n), shift: 64 - size.trailing_zeros() }
    }
    /// The value first given for `key`, or None when `key` is new (it then keeps `v`).
    #[inline(always)]
    fn first(&mut self, key: (&'k str, Label), v: usize) -> Option<usize> {
        let (first, last) = match key.0.as_bytes() {
            [] => (0, 0),
            [f, .., l] => (*f, *l),
            [f] => (*f, *f),
        };
        let fp = (key.0.len() as u64 & 0xffff_ffff) | (key.1 as u64) << 32 | (first as u64) << 40 | (last as u64) << 48;
        let mask = self.slots.len() - 1;
        let mut s = (fp.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize;
        loop {
            let k = self.slots[s] as usize;
            if k == 0 {
                self.keys.push((fp, key.0, v));
                self.slots[s] = self.keys.len() as u32;
                return None;
            }
            // Equal fingerprints mean equal labels and lengths: the texts decide.
            let (f, text, first) = self.keys[k - 1];
            if f == fp && text == key.0 {
                return Some(first);
            }
            s = (s + 1) & mask;
        }
    }
}

/// Each person's title: the best one found at any mention of the same canonical name (pre-modifiers over
/// appositives, then more words, then the earlier mention). One entry per person of `people`.
fn person_titles(art: &Article, people: &[(usize, &str)], canon: &[&str]) -> Vec<Option<String>> {
    let doc = Doc::new(art);
    let mut best: FxMap<&str, ((titles::Kind, usize, usize), String)> = FxMap::default();
    for &(i, _) in people {
        let found = titles::before(&doc, i)
            .map(|t| (titles::Kind::Pre, t))
            .or_else(|| titles::after(&doc, i).map(|t| (titles::Kind::Appositive, t)));
        if let Some((kind, t)) = found {
            let rank = (kind, t.split_whitespace().count(), usize::MAX - i);
            match best.get_mut(canon[i]) {
                Some(b) => {
                    if rank > b.0 {
                        *b = (rank, t);
                    }
                }
                None => {
                    best.insert(canon[i], (rank, t));
                }
            }
        }
    }
    if best.is_empty() {
        return Vec::new();
    }
    people.iter().map(|&(i, _)| best.get(canon[i]).map(|b| b.1.clone())).collect()
}

/// A nationality: its country code; "North Koreans" is the nationality "North Korean".
fn nationality(base: &str) -> (&str, Option<&'static str>, Label) {
    let g = gazetteer();
    if let Some(c) = g.demonym(base) {
        return (base, Some(&c.alpha2), Label::Norp);
    }
    if let Some(sing) = base.strip_suffix('s') {
        if let Some(c) = g.demonym(sing) {
            return (sing, Some(&c.alpha2), Label::Norp);
        }
    }
    // A country tagged as a nationality ("America").
    if let Some(c) = g.country(base) {
        return (&c.name, Some(&c.alpha2), Label::Gpe);
    }
    (base, None, Label::Norp)
}

/// Labels that a country name may carry when the tagger was unsure of it.
fn may_be_country(l: Label) -> bool {
    matches!(l, Label::Gpe | Label::Loc | Label::Org | Label::Norp | Label::Misc | Label::Fac)
}

/// Canonical name, country code and label of a non-person name.
fn place_or_name<'b>(
    base: &'b str,
    label: Label,
    index: &Index<'b>,
    korea_story: bool,
) -> (&'b str, Option<&'static str>, Label) {
    let g = gazetteer();
    let country = |name: &str| -> Option<(&'b str, Option<&'static str>, Label)> {
        g.country(name).map(|c| (c.name.as_str(), Some(c.alpha2.as_str()), Label::Gpe))
    };
    if korea_story && may_be_country(label) {
        match base {
            "North" => return country("North Korea").unwrap(),
            "South" => return country("South Korea").unwrap(),
            _ => {}
        }
    }
    // Defined in the story: the long form (a country's long form is that country).
    if let Some(d) = index.definition(base) {
        if let Some(c) = country(&d.long) {
            return c;
        }
        return (&d.long, None, label);
    }
    if may_be_country(label) {
        if let Some(c) = country(base) {
            return c;
        }
    }
    if let Some(k) = acronyms::known(base) {
        if let Some(c) = k.country.as_deref().and_then(|c| g.country_by_code(c)) {
            return (&c.name, Some(&c.alpha2), Label::Gpe);
        }
        return (&k.long, None, label);
    }
    if acronyms::looks_like_acronym(base) {
        // Long form and acronym both in the story: initials match.
        let mut buf = [0u8; 16];
        let letters = acronyms::letters_in(base, &mut buf);
        // a company's letters, not a place's ("S.C." beside "Stone Container Corp"), and three or
        // more: two letters stand for too much else ("PC" beside "Purolator Courier Corp")
        let company = label == Label::Org && !base.contains('.') && letters.len() >= 3;
        if let Some(long) = index.long_form(letters, company) {
            if let Some(c) = country(long) {
                return c;
            }
            return (long, None, label);
        }
    }
    let code = match label {
        Label::Gpe | Label::Loc | Label::Fac => g.city(base).or_else(|| g.region(base)),
        _ => None,
    };
    (base, code, label)
}

/// How often the story names North Korea (as a country, alias or nationality).
fn korea_mentions(art: &Article) -> usize {
    // Most stories never name Korea: a substring test spares the lookups. One pass finds both words:
    // each capital K is checked for "Korea" starting there or "DPRK" ending there.
    let t = art.text.as_bytes();
    if !memchr::memchr_iter(b'K', t).any(|p| t[p..].starts_with(b"Korea") || (p >= 3 && &t[p - 3..=p] == b"DPRK")) {
        return 0;
    }
    let g = gazetteer();
    art.entities
        .iter()
        .filter(|e| matches!(e.label, Label::Gpe | Label::Norp | Label::Org | Label::Loc))
        .filter(|e| {
            let b = base_text(art, e);
            let b = b.as_ref();
            let code = match e.label {
                Label::Norp => g.demonym(b).or_else(|| b.strip_suffix('s').and_then(|s| g.demonym(s))),
                _ => g.country(b).or_else(|| {
                    acronyms::known(b).and_then(|k| k.country.as_deref()).and_then(|c| g.country_by_code(c))
                }),
            };
            code.is_some_and(|c| c.alpha2 == "KP")
        })
        .count()
}

/// "the North" / "the South" in a story about North Korea: mentions of North and South Korea.
/// "the North Korean leader" is not one (a capitalised word follows), "the North's" is.
fn add_north_south(art: &mut Article) -> bool {
    let mut added = Vec::new();
    {
        let doc = Doc::new(art);
        for i in 1..doc.len() {
            let t = doc.tok(i);
            if t != "North" && t != "South" {
                continue;
            }
            if doc.low(i - 1) != "the" {
                continue;
            }
            if i + 1 < doc.len() && doc.is_cap(i + 1) && !doc.is_possessive(i + 1) {
                continue;
            }
            match doc.ent(i) {
                // Already a mention of its own: resolution relabels it.
                Some(_) => continue,
                None => {
                    if doc.ent(i - 1).is_some() {
                        continue;
                    }
                    let Some(s) = story::sentence_of_token(art, i) else { continue };
                    let span = Span::new(art.tokens[i - 1].span.start, art.tokens[i].span.end);
                    added.push(Entity::new(span, Label::Gpe, s, i - 1, i + 1));
                }
            }
        }
    }
    if added.is_empty() {
        return false;
    }
    art.entities.extend(added);
    art.entities.sort_by_key(|e| (e.span.start, e.span.end));
    true
}

/// One mention per country inside a hyphenated token: "DPRK-China friendship", "U.S.-China talks".
/// Only when every part is a country; "Exhibition-2023" and "Hwasong-18" stay whole.
fn split_country_compounds(art: &mut Article) -> bool {
    let g = gazetteer();
    let mut added: Vec<Entity> = Vec::new();
    let mut removed: Vec<usize> = Vec::new();
    let mut ent_of_tok: Option<Vec<u32>> = None;
    let mut last_tok = usize::MAX;
    // Visit only tokens holding a hyphen: find hyphens with memchr and map them to tokens.
    let bytes = art.text.as_bytes();
    // The word holding the hyphens so far (its start) and whether it has a capital before the last one:
    // carried from hyphen to hyphen, so each byte is read once however many hyphens a word holds.
    let (mut word, mut capital, mut read) = (0, false, 0);
    for pos in memchr::memchr_iter(b'-', bytes) {
        // The token holding the hyphen starts with a capital before it, inside the same word (tokens
        // hold no whitespace): most hyphens (dashes between spaces, "1986-87") fail this before the
        // search for their token.
        if let Some(w) = bytes[read..pos].iter().rposition(u8::is_ascii_whitespace) {
            (word, capital) = (read + w + 1, false);
        }
        #[cfg(test)]
        tests::BYTES_READ.with(|c| c.set(c.get() + (pos - read) + (pos - word.max(read))));
        capital |= bytes[word.max(read)..pos].iter().any(u8::is_ascii_uppercase);
        read = pos;
        if !capital {
            continue;
        }
        let t = art.tokens.partition_point(|k| k.span.end <= pos);
        if t >= art.tokens.len() || t == last_tok || art.tokens[t].span.start > pos {
            continue;
        }
        last_tok = t;
        let tok = art.tokens[t];
        let text = &art.text[tok.span.start..tok.span.end];
        if text.len() < 5 || !text.as_bytes()[0].is_ascii_uppercase() {
            continue;
        }
        let is_country = |p: &str| {
            !p.is_empty()
                && p.chars().next().is_some_and(char::is_uppercase)
                && (g.country(p).is_some() || acronyms::known(p).is_some_and(|k| k.country.is_some()))
        };
        if !text.split('-').all(is_country) {
            continue;
        }
        let map = ent_of_tok.get_or_insert_with(|| Doc::new(art).ent_of_tok);
        if let Some(&e) = map.get(t).filter(|&&e| e != story::NONE) {
            let e = e as usize;
            let ent = &art.entities[e];
            if ent.token_start != t || ent.token_end != t + 1 {
                continue; // part of a longer name
            }
            removed.push(e);
        }
        let Some(s) = story::sentence_of_token(art, t) else { continue };
        let mut off = tok.span.start;
        for p in text.split('-') {
            added.push(Entity::new(Span::new(off, off + p.len()), Label::Gpe, s, t, t + 1));
            off += p.len() + 1;
        }
    }
    if added.is_empty() {
        return false;
    }
    removed.sort_unstable();
    for e in removed.into_iter().rev() {
        art.entities.remove(e);
    }
    art.entities.extend(added);
    art.entities.sort_by_key(|e| (e.span.start, e.span.end));
    true
}

/// The story's acronyms: its own definitions first, then well-known ones it uses, then acronyms whose
/// long form is another name of the story. Kept out of line: its loop over every token runs in fewer
/// instructions with registers of its own.
#[inline(never)]
fn acronym_list(art: &Article, defs: &[acronyms::Definition], index: &Index, canon: &[&str]) -> Vec<Acronym> {
    let g = gazetteer();
    let mut out: Vec<Acronym> = Vec::new();
    // The short forms already listed.
    let mut listed: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    let first_of = |short: &str| index.first_named.get(short).copied();
    let entity_named = |short: &str| first_of(short).map(|i| canon[i].to_string());
    // Name entities by their end, in order (a definition's long form is the first one ending where it does).
    let mut ending: FxMap<usize, Vec<u32>> = FxMap::default();
    if !defs.is_empty() {
        for (i, e) in art.entities.iter().enumerate() {
            if is_name_label(e.label) {
                ending.entry(e.span.end).or_default().push(i as u32);
            }
        }
    }
    for d in defs {
        if !listed.insert(d.short.clone()) {
            continue;
        }
        let long_entity = ending
            .get(&d.long_span.end)
            .and_then(|es| es.iter().find(|&&i| art.entities[i as usize].span.start >= d.long_span.start))
            .map(|&i| canon[i as usize].to_string());
        out.push(Acronym {
            short: d.short.clone(),
            long: d.long.clone(),
            refers_to: long_entity.or_else(|| entity_named(&d.short)),
            defined: true,
            span: d.short_span,
        });
    }
    let text = art.text.as_bytes();
    for tok in &art.tokens {
        // Cheap shape test on the bytes first (every token passes here): an acronym starts with two
        // capitals, a capital and a dot, or "G7". The first byte alone turns most tokens away.
        if !text.get(tok.span.start).is_some_and(u8::is_ascii_uppercase)
            || !acronym_shaped(&text[tok.span.start..tok.span.end])
        {
            continue;
        }
        let span = tok.span;
        let w = art.slice(span);
        if !acronyms::looks_like_acronym(w) || listed.contains(w) {
            continue;
        }
        if let Some(k) = acronyms::known(w) {
            let refers_to = k
                .country
                .as_deref()
                .and_then(|c| g.country_by_code(c))
                .map(|c| c.name.clone())
                .or_else(|| entity_named(w));
            listed.insert(w.to_string());
            out.push(Acronym { short: w.to_string(), long: k.long.clone(), refers_to, defined: false, span });
        } else if let Some(i) = first_of(w) {
            if canon[i] != w && canon[i].contains(' ') {
                listed.insert(w.to_string());
                out.push(Acronym {
                    short: w.to_string(),
                    long: canon[i].to_string(),
                    refers_to: Some(canon[i].to_string()),
                    defined: false,
                    span,
                });
            }
        }
    }
    out
}

/// The cheap first test of an acronym: two capitals, a capital and a dot, or a capital and a digit ("G7").
fn acronym_shaped(b: &[u8]) -> bool {
    b.len() >= 2 && b[0].is_ascii_uppercase() && (b[1].is_ascii_uppercase() || b[1] == b'.' || b[1].is_ascii_digit())
}

/// Entities with a name label grouped by (canonical, label), in order of first mention. `first_same[i]`
/// is an earlier entity with the same text and label as `i`, hence in the same cluster.
fn clusters(canon: &[&str], labels: &[Label], codes: &[Option<&'static str>], first_same: &[u32]) -> Vec<Cluster> {
    const NONE: u32 = u32::MAX;
    // First pass: each mention's cluster and each cluster's size, so the lists are allocated once.
    let mut of: Vec<u32> = vec![NONE; canon.len()];
    let names = labels.iter().filter(|&&l| is_name_label(l)).count();
    let mut firsts: Vec<(usize, u32)> = Vec::with_capacity(names);
    let mut seen = FirstSeen::new(names);
    for i in 0..canon.len() {
        if !is_name_label(labels[i]) {
            continue;
        }
        let same = first_same[i] as usize;
        let k = if same != i {
            of[same] as usize
        } else {
            seen.first((canon[i], labels[i]), firsts.len()).unwrap_or_else(|| {
                firsts.push((i, 0));
                firsts.len() - 1
            })
        };
        of[i] = k as u32;
        firsts[k].1 += 1;
    }
    let mut out: Vec<Cluster> = firsts
        .iter()
        .map(|&(i, size)| Cluster {
            canonical: canon[i].to_string(),
            label: labels[i],
            country_code: None,
            mentions: Vec::with_capacity(size as usize),
        })
        .collect();
    for (i, &k) in of.iter().enumerate() {
        if k == NONE {
            continue;
        }
        let cl = &mut out[k as usize];
        cl.mentions.push(i);
        if cl.country_code.is_none() {
            cl.country_code = codes[i];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Bytes read while looking for hyphenated country compounds on this thread.
        pub(super) static BYTES_READ: Cell<usize> = const { Cell::new(0) };
    }

    fn article(text: &str) -> Article {
        let stages = crate::Stages { entities: false, reading: false };
        crate::analyze(text, &ParseOptions::default(), stages).unwrap()
    }

    #[test]
    fn compounds_read_each_byte_a_bounded_number_of_times() {
        // One word of thousands of hyphens, then a real compound after it.
        let text = format!("{} talks on DPRK-China trade.", "ab-".repeat(20_000));
        let mut art = article(&text);
        BYTES_READ.with(|c| c.set(0));
        assert!(split_country_compounds(&mut art));
        let read = BYTES_READ.with(Cell::get);
        assert!(read <= 2 * text.len(), "{read} bytes read for {}", text.len());
        let found: Vec<&str> = art.entities.iter().map(|e| art.slice(e.span)).collect();
        assert_eq!(found, ["DPRK", "China"]);
    }
}
