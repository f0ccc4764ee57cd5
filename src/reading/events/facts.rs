//! Story-wide facts the event reader consults: each sentence's date and places, the state each
//! person or body belongs to, the titles the story gives one person each, its own country, and the
//! organisation it opens with.
use super::*;

/// A `YYYY-MM-DD` value.
pub(super) fn is_day(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Per sentence: the first day a DATE names, and the places named after "in"/"at" (entity indices).
pub(super) fn sentence_dates_and_places(d: &Doc) -> (Vec<Option<String>>, Vec<Vec<usize>>) {
    let n = d.art.sentences.len();
    let mut dates: Vec<Option<String>> = vec![None; n];
    let mut places: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (ei, e) in d.art.entities.iter().enumerate() {
        if e.sentence >= n {
            continue;
        }
        match e.label {
            Label::Date if dates[e.sentence].is_none() => {
                dates[e.sentence] = e.value.as_deref().filter(|v| is_day(v)).map(str::to_string);
            }
            Label::Gpe | Label::Loc | Label::Fac => {
                // "in the Gaza Strip": past the article.
                let t = if e.token_start > 1 && d.low(e.token_start - 1) == "the" {
                    e.token_start - 1
                } else {
                    e.token_start
                };
                if t > 0 && matches!(d.low(t - 1), "in" | "at") && places[e.sentence].len() < 3 {
                    places[e.sentence].push(ei);
                }
            }
            _ => {}
        }
    }
    (dates, places)
}

/// The state each person or organisation belongs to, read where the story introduces them with a
/// nationality or country: "North Korean leader Kim Jong-un", "Russia's Sergei Shoigu", "Japanese
/// Finance Ministry". Keyed by the name events use.
pub(super) fn person_countries(d: &Doc) -> FxHashMap<String, &'static str> {
    let g = gazetteer();
    let mut out: FxHashMap<String, &'static str> = FxHashMap::default();
    for e in &d.art.entities {
        if !matches!(e.label, Label::Person | Label::Org) {
            continue;
        }
        let mut t = e.token_start;
        let floor = t.saturating_sub(5);
        // Title words between the nationality and the name ("Defense Minister").
        while t > floor {
            let low = d.low(t - 1);
            let tw = g.title_word(low);
            if d.ent(t - 1).is_none() && (tw.head || tw.modifier) {
                t -= 1;
            } else {
                break;
            }
        }
        if t == 0 {
            continue;
        }
        let mut k = t - 1;
        if d.is_possessive(k) && k > 0 {
            k -= 1;
        }
        let Some(o) = d.ent_ending(k) else { continue };
        let owner = &d.art.entities[o];
        if matches!(owner.label, Label::Norp | Label::Gpe) {
            if let Some(code) = owner.country_code {
                let name = e.canonical.clone().unwrap_or_else(|| story::base_text(d.art, e).into_owned());
                out.entry(name).or_insert(code);
            }
        }
    }
    out
}

/// Titles the story gives one person each ("prime minister" -> Tony Blair), and the story's own country
/// (the dateline's, else the one its places and nationalities name most).
/// Also the country its places and nationalities name most (the story's subject state, whatever its
/// dateline).
pub(super) fn story_roles(d: &Doc) -> (FxHashMap<String, usize>, Option<&'static str>, Option<&'static str>) {
    let mut titles: FxHashMap<String, Option<usize>> = FxHashMap::default();
    let mut codes: FxHashMap<&'static str, usize> = FxHashMap::default();
    let mut total = 0;
    for (i, e) in d.art.entities.iter().enumerate() {
        if e.label == Label::Person {
            if let Some(t) = &e.title {
                let key = t.to_lowercase();
                let name = e.canonical.as_deref();
                let slot = titles.entry(key).or_insert(Some(i));
                if let Some(j) = *slot {
                    if d.art.entities[j].canonical.as_deref() != name {
                        *slot = None;
                    }
                }
            }
        }
        // A city or region names its country too ("London", "Texas"): stories from home often name
        // no country at all, only their places.
        let code = match e.label {
            Label::Gpe | Label::Norp if e.country_code.is_some() => e.country_code,
            Label::Gpe | Label::Loc | Label::Fac => {
                let n = story::base_text(d.art, e);
                let g = gazetteer();
                g.city(&n).or_else(|| g.region(&n)).and_then(|c| g.country_by_code(c)).map(|c| c.alpha2.as_str())
            }
            _ => None,
        };
        if let Some(c) = code {
            *codes.entry(c).or_default() += 1;
            total += 1;
        }
    }
    let titles = titles.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
    // "SEOUL", "RICHMOND, Va.": the first part names the city (or the country).
    let from_dateline = d.art.dateline.as_ref().and_then(|dl| {
        let g = gazetteer();
        let p = dl.place.split(',').next().unwrap_or("").trim();
        g.country(p)
            .map(|c| c.alpha2.as_str())
            .or_else(|| g.city(p))
            .or_else(|| dl.place.split(',').nth(1).and_then(|r| g.region(r.trim())))
    });
    let own = from_dateline.and_then(|c| gazetteer().country_by_code(c)).map(|c| c.alpha2.as_str()).or_else(|| {
        let (c, n) = codes.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))?;
        // With no dateline (a home service's copy, as the BBC's), a country named once is the story's
        // own when no other is named as often.
        let least = if d.art.dateline.is_none() { 1 } else { 2 };
        (*n >= least && (*n * 2 > total || *n >= 2 && *n * 2 >= total)).then_some(*c)
    });
    let most = codes.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c))).map(|(c, _)| *c);
    (titles, own, most)
}

/// The organisation that opens the first body sentence, the subject of "the company" in wire copy.
pub(super) fn story_org(d: &Doc) -> Option<usize> {
    let s = d.art.sentences.iter().find(|s| matches!(s.section, Section::Body(_)))?;
    let mut t = s.token_start;
    if t < s.token_end && (d.tok(t) == "<" || d.low(t) == "the") {
        t += 1;
    }
    let e = d.ent_starting(t)?;
    (d.art.entities[e].label == Label::Org).then_some(e)
}
