//! Within-story resolution: canonical names, acronyms, country aliases and codes, titles, clusters.
//!
//! Runs after entity recognition, in linear passes over the entities and tokens:
//! 1. country compounds inside one token ("DPRK-China", "U.S.-China") become one GPE mention per country;
//! 2. in a story about North Korea, "the North" (and "the South") become mentions of the country;
//! 3. every entity gets `.canonical` (people: the fullest name the story uses; acronyms: their long form;
//!    countries: one gazetteer name for all aliases) and `.country_code` (countries, places, nationalities);
//! 4. PERSON entities get `.title` from the words around any of their mentions;
//! 5. `art.clusters` and `art.acronyms` are filled.
pub(crate) mod acronyms;
pub(crate) mod lex;
pub(crate) mod names;
pub(crate) mod titles;

use crate::gazetteer::{gazetteer, FastMap};
use crate::types::*;
use lex::{base_text, is_name_label, Doc};
use std::borrow::Cow;

/// Sets `.canonical`, `.title`, `.country_code` on entities and fills `art.clusters` and `art.acronyms`.
pub fn resolve(art: &mut Article) {
    split_country_compounds(art);
    let korea_story = korea_mentions(art) >= 2;
    if korea_story {
        add_north_south(art);
    }
    let bases: Vec<Cow<str>> = art.entities.iter().map(|e| base_text(art, e)).collect();
    let n = art.entities.len();
    let doc = Doc::new(art);
    let defs = acronyms::definitions(&doc);

    // Names of several words: the long forms an undefined acronym may stand for.
    let mut multiword: Vec<&str> = Vec::with_capacity(n);
    multiword.extend(bases.iter().map(|b| b.as_ref()).filter(|b| b.contains(' ')));
    let mut canon: Vec<String> = Vec::with_capacity(n);
    let mut codes: Vec<Option<&'static str>> = vec![None; n];
    let mut labels: Vec<Label> = art.entities.iter().map(|e| e.label).collect();
    for (i, e) in art.entities.iter().enumerate() {
        let base = &bases[i];
        let (c, code, label) = match e.label {
            // Filled by name linking below.
            Label::Person => (String::new(), None, Label::Person),
            Label::Norp => nationality(base),
            l if is_name_label(l) => place_or_name(base, l, &defs, &multiword, korea_story),
            l => (base.to_string(), None, l),
        };
        canon.push(c);
        codes[i] = code;
        labels[i] = label;
    }
    // People: link short mentions to full names.
    let people: Vec<(usize, &str)> =
        (0..n).filter(|&i| labels[i] == Label::Person).map(|i| (i, bases[i].as_ref())).collect();
    for ((i, _), name) in people.iter().zip(names::canonical_names(&people)) {
        canon[*i] = name;
    }
    // Titles: best title of each person, then given to all their mentions.
    let mut best: FastMap<&str, (titles::Kind, usize, usize, String)> = FastMap::default();
    for &(i, _) in &people {
        let found = titles::before(&doc, i)
            .map(|t| (titles::Kind::Pre, t))
            .or_else(|| titles::after(&doc, i).map(|t| (titles::Kind::Appositive, t)));
        if let Some((kind, t)) = found {
            let words = t.split_whitespace().count();
            let cand = (kind, words, usize::MAX - i, t);
            let slot = best.entry(canon[i].as_str()).or_insert_with(|| cand.clone());
            if (cand.0, cand.1, cand.2) > (slot.0, slot.1, slot.2) {
                *slot = cand;
            }
        }
    }
    let person_titles: Vec<Option<String>> =
        (0..n).map(|i| if labels[i] == Label::Person { best.get(canon[i].as_str()).map(|b| b.3.clone()) } else { None }).collect();
    let acr = acronym_list(&doc, &defs, &bases, &canon);
    drop(doc);

    for (i, e) in art.entities.iter_mut().enumerate() {
        e.label = labels[i];
        e.country_code = codes[i];
        e.title = person_titles[i].clone();
        e.canonical = Some(std::mem::take(&mut canon[i]));
    }
    art.clusters = clusters(&art.entities);
    art.acronyms = acr;
}

/// A nationality: its country code; "North Koreans" is the nationality "North Korean".
fn nationality(base: &str) -> (String, Option<&'static str>, Label) {
    let g = gazetteer();
    if let Some(c) = g.demonym(base) {
        return (base.to_string(), Some(&c.alpha2), Label::Norp);
    }
    if let Some(sing) = base.strip_suffix('s') {
        if let Some(c) = g.demonym(sing) {
            return (sing.to_string(), Some(&c.alpha2), Label::Norp);
        }
    }
    // A country tagged as a nationality ("America").
    if let Some(c) = g.country(base) {
        return (c.name.clone(), Some(&c.alpha2), Label::Gpe);
    }
    (base.to_string(), None, Label::Norp)
}

/// Labels that a country name may carry when the tagger was unsure of it.
fn may_be_country(l: Label) -> bool {
    matches!(l, Label::Gpe | Label::Loc | Label::Org | Label::Norp | Label::Misc | Label::Fac)
}

/// Canonical name, country code and label of a non-person name.
fn place_or_name(
    base: &str,
    label: Label,
    defs: &[acronyms::Definition],
    multiword: &[&str],
    korea_story: bool,
) -> (String, Option<&'static str>, Label) {
    let g = gazetteer();
    let country = |name: &str| -> Option<(String, Option<&'static str>, Label)> {
        g.country(name).map(|c| (c.name.clone(), Some(c.alpha2.as_str()), Label::Gpe))
    };
    if korea_story && may_be_country(label) {
        match base {
            "North" => return country("North Korea").unwrap(),
            "South" => return country("South Korea").unwrap(),
            _ => {}
        }
    }
    // Defined in the story: the long form (a country's long form is that country).
    if let Some(d) = defs.iter().find(|d| d.short == base) {
        if let Some(c) = country(&d.long) {
            return c;
        }
        return (d.long.clone(), None, label);
    }
    if may_be_country(label) {
        if let Some(c) = country(base) {
            return c;
        }
    }
    if let Some(k) = g.acronym(base) {
        if let Some(c) = k.country.as_deref().and_then(|c| g.country_by_code(c)) {
            return (c.name.clone(), Some(&c.alpha2), Label::Gpe);
        }
        return (k.long.clone(), None, label);
    }
    if acronyms::looks_like_acronym(base) {
        // Long form and acronym both in the story: initials match.
        let mut buf = [0u8; 16];
        let letters = acronyms::letters_in(base, &mut buf);
        let long = multiword.iter().find(|b| acronyms::initials_are(b, letters));
        if let Some(long) = long {
            if let Some(c) = country(long) {
                return c;
            }
            return (long.to_string(), None, label);
        }
    }
    let code = match label {
        Label::Gpe | Label::Loc | Label::Fac => g.city(base).or_else(|| g.region(base)),
        _ => None,
    };
    (base.to_string(), code, label)
}

/// How often the story names North Korea (as a country, alias or nationality).
fn korea_mentions(art: &Article) -> usize {
    // Most stories never name Korea: a substring test spares the lookups.
    // The searchers are built once: building one per call cost more than the search.
    static KOREA: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| [memchr::memmem::Finder::new(b"Korea"), memchr::memmem::Finder::new(b"DPRK")]);
    let t = art.text.as_bytes();
    if KOREA.iter().all(|f| f.find(t).is_none()) {
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
                    g.acronym(b).and_then(|k| k.country.as_deref()).and_then(|c| g.country_by_code(c))
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
                    let Some(s) = lex::sentence_of_token(art, i) else { continue };
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
    for pos in memchr::memchr_iter(b'-', art.text.as_bytes()) {
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
                && (g.country(p).is_some() || g.acronym(p).is_some_and(|k| k.country.is_some()))
        };
        if !text.split('-').all(is_country) {
            continue;
        }
        let map = ent_of_tok.get_or_insert_with(|| Doc::new(art).ent_of_tok);
        if let Some(&e) = map.get(t).filter(|&&e| e != lex::NONE) {
            let e = e as usize;
            let ent = &art.entities[e];
            if ent.token_start != t || ent.token_end != t + 1 {
                continue; // part of a longer name
            }
            removed.push(e);
        }
        let Some(s) = lex::sentence_of_token(art, t) else { continue };
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
/// long form is another name of the story.
fn acronym_list(doc: &Doc, defs: &[acronyms::Definition], bases: &[Cow<str>], canon: &[String]) -> Vec<Acronym> {
    let art = doc.art;
    let g = gazetteer();
    let mut out: Vec<Acronym> = Vec::new();
    // Few acronyms per story: a scan over the names beats building an index.
    // An acronym-shaped token can only equal a name of the same shape: those few are searched.
    let shaped: Vec<(usize, &str)> =
        bases.iter().map(|b| b.as_ref()).enumerate().filter(|(_, b)| acronym_shaped(b.as_bytes())).collect();
    let first_of = |short: &str| {
        if acronym_shaped(short.as_bytes()) {
            shaped.iter().find(|(_, b)| *b == short).map(|&(i, _)| i)
        } else {
            // A defined short form of another shape ("A&E").
            bases.iter().position(|b| b.as_ref() == short)
        }
    };
    let entity_named = |short: &str| first_of(short).map(|i| canon[i].clone());
    for d in defs {
        if out.iter().any(|a| a.short == d.short) {
            continue;
        }
        let long_entity = art
            .entities
            .iter()
            .position(|e| e.span.end == d.long_span.end && e.span.start >= d.long_span.start && is_name_label(e.label))
            .map(|i| canon[i].clone());
        out.push(Acronym {
            short: d.short.clone(),
            long: d.long.clone(),
            refers_to: long_entity.or_else(|| entity_named(&d.short)),
            defined: true,
            span: d.short_span,
        });
    }
    let text = art.text.as_bytes();
    for (t, tok) in art.tokens.iter().enumerate() {
        // Cheap shape test on the bytes first (every token passes here): an acronym starts with two
        // capitals, a capital and a dot, or "G7".
        if !acronym_shaped(&text[tok.span.start..tok.span.end]) {
            continue;
        }
        let w = doc.tok(t);
        if !acronyms::looks_like_acronym(w) || out.iter().any(|a| a.short == w) {
            continue;
        }
        if let Some(k) = g.acronym(w) {
            let refers_to = k
                .country
                .as_deref()
                .and_then(|c| g.country_by_code(c))
                .map(|c| c.name.clone())
                .or_else(|| entity_named(w));
            out.push(Acronym {
                short: w.to_string(),
                long: k.long.clone(),
                refers_to,
                defined: false,
                span: art.tokens[t].span,
            });
        } else if let Some(i) = first_of(w) {
            if canon[i] != *w && canon[i].contains(' ') {
                out.push(Acronym {
                    short: w.to_string(),
                    long: canon[i].clone(),
                    refers_to: Some(canon[i].clone()),
                    defined: false,
                    span: art.tokens[t].span,
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

/// Entities with a name label grouped by (canonical, label), in order of first mention.
fn clusters(entities: &[Entity]) -> Vec<Cluster> {
    /// A story has few clusters: a scan finds them; a map takes over past this many (long stories).
    const LINEAR_CLUSTERS: usize = 32;
    let mut out: Vec<Cluster> = Vec::with_capacity(entities.len());
    // Keys borrow the canonical name of each cluster's first mention.
    let mut index: FastMap<(&str, Label), usize> = FastMap::default();
    for (i, e) in entities.iter().enumerate() {
        if !is_name_label(e.label) {
            continue;
        }
        let Some(c) = e.canonical.as_deref() else { continue };
        let found = if out.len() <= LINEAR_CLUSTERS {
            out.iter().position(|cl| cl.label == e.label && cl.canonical == c)
        } else {
            if index.is_empty() {
                for (k, cl) in out.iter().enumerate() {
                    let first = entities[cl.mentions[0]].canonical.as_deref().unwrap_or_default();
                    index.insert((first, cl.label), k);
                }
            }
            index.get(&(c, e.label)).copied()
        };
        let k = found.unwrap_or_else(|| {
            out.push(Cluster { canonical: c.to_string(), label: e.label, country_code: None, mentions: Vec::new() });
            if !index.is_empty() {
                index.insert((c, e.label), out.len() - 1);
            }
            out.len() - 1
        });
        let cl = &mut out[k];
        cl.mentions.push(i);
        if cl.country_code.is_none() {
            cl.country_code = e.country_code;
        }
    }
    out
}
