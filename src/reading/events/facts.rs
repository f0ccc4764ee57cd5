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
pub(super) type DatesAndPlaces = (Vec<Option<String>>, Vec<Vec<usize>>);

/// Gathers `DatesAndPlaces`.
pub(super) fn sentence_dates_and_places(d: &Doc) -> DatesAndPlaces {
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

/// Whether the title `t` is written beside the mention `e` ("Chancellor Gordon Brown", "Gordon Brown,
/// the chancellor,") and is the person's own now: not "shadow chancellor", "ex-Conservative chancellor",
/// "former prime minister", nor a title carried over from another mention. A bounded look: the title's
/// words right before the name or, closed by punctuation, within a few words after it.
fn title_held(d: &Doc, e: &Entity, t: &str) -> bool {
    let words: Vec<String> = t.split_whitespace().map(str::to_lowercase).collect();
    let n = words.len();
    if n == 0 {
        return false;
    }
    let matches_at = |k: usize| k + n <= d.len() && (0..n).all(|i| d.low(k + i) == words[i]);
    let own = |k: usize| {
        k == 0 || {
            let w = d.low(k - 1);
            !(matches!(w, "shadow" | "former" | "deputy" | "vice" | "acting" | "then" | "late" | "ex")
                || w.starts_with("ex-"))
        }
    };
    let before = e.token_start.checked_sub(n).filter(|&k| matches_at(k) && own(k));
    // After the name only as an apposition closed by punctuation ("Gordon Brown, the chancellor, said"):
    // "Echoing Condoleezza Rice, the prime minister said" gives the title to the next subject.
    let closed = |k: usize| k + n >= d.len() || matches!(d.tok(k + n), "," | "." | ")" | ";");
    let after = (e.token_end..(e.token_end + 4).min(d.len())).find(|&k| matches_at(k) && own(k) && closed(k));
    before.is_some() || after.is_some()
}

/// Titles the story gives one person each ("prime minister" -> Tony Blair), and the story's own country
/// (the dateline's, else the one its places and nationalities name most).
/// Also the country its places and nationalities name most (the story's subject state, whatever its
/// dateline).
/// And the state "the government" is: the dateline's, else the story's own when it also names it by
/// a city, a region or its people ("British"): a story that only names the state itself is as often
/// about a foreign one (a BBC story on the Iraq war names Iraq most). Undated copy naming Britain's
/// political bodies, or Britain by its nations or cities beside a state named only by its name, is
/// Britain's own.
pub(super) fn story_roles(d: &Doc) -> StoryRoles {
    let mut titles: FxHashMap<String, Option<usize>> = FxHashMap::default();
    let mut codes: FxHashMap<&'static str, usize> = FxHashMap::default();
    let mut places: FxHashSet<&'static str> = FxHashSet::default();
    let mut total = 0;
    for (i, e) in d.art.entities.iter().enumerate() {
        if e.label == Label::Person {
            if let Some(t) = e.title.as_ref().filter(|t| title_held(d, e, t)) {
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
        let place = if matches!(e.label, Label::Gpe | Label::Loc | Label::Fac) {
            let n = story::base_text(d.art, e);
            let g = gazetteer();
            // Britain's nations are no regions in the gazetteer but name it as a city does.
            let nation = matches!(n.as_ref(), "England" | "Scotland" | "Wales" | "Northern Ireland").then_some("GB");
            g.city(&n).or_else(|| g.region(&n)).or(nation).and_then(|c| g.country_by_code(c)).map(|c| c.alpha2.as_str())
        } else {
            None
        };
        places.extend(place);
        if e.label == Label::Norp {
            places.extend(e.country_code);
        }
        let code = match e.label {
            Label::Gpe | Label::Norp if e.country_code.is_some() => e.country_code,
            Label::Gpe | Label::Loc | Label::Fac => place,
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
    let dateline_state = from_dateline.and_then(|c| gazetteer().country_by_code(c)).map(|c| c.alpha2.as_str());
    let own = dateline_state.or_else(|| {
        let (c, n) = codes.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))?;
        // With no dateline (a home service's copy, as the BBC's), a country named once is the story's
        // own when no other is named as often.
        let least = if d.art.dateline.is_none() { 1 } else { 2 };
        (*n >= least && (*n * 2 > total || *n >= 2 && *n * 2 >= total)).then_some(*c)
    });
    let most = codes.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c))).map(|(c, _)| *c);
    // A home service's copy naming Britain's parties or Whitehall: its government is Britain's, also
    // when another state is named more but only by its name (no city, region or people of it), as a
    // war or a visit is ("the war in Iraq"): such a state is a subject, not the story's home.
    let abroad = own.is_some_and(|c| !places.contains(c));
    let british = d.art.dateline.is_none() && (matches!(own, None | Some("GB")) || abroad) && names_british_bodies(d);
    let gb = || gazetteer().country_by_code("GB").map(|c| c.alpha2.as_str());
    // Undated (home service) copy naming a state only by its name ("the war in Iraq") and Britain by
    // its nations, cities or people ("England and Wales"): Britain is home.
    let home = d.art.dateline.is_none() && abroad && places.contains("GB");
    let own = if british || home { gb() } else { own };
    let government = dateline_state.or(own.filter(|c| places.contains(c) || british));
    StoryRoles { titles, own, most, government, british }
}

/// The party or body each person is introduced with ("Tory shadow home secretary David Davis", "Lib Dem
/// Norman Baker"), as a key `party_key` makes: a person speaking of their own party is no statement
/// about another actor.
pub(super) fn person_parties(d: &Doc) -> FxHashMap<String, String> {
    let g = gazetteer();
    let mut out: FxHashMap<String, String> = FxHashMap::default();
    for e in d.art.entities.iter().filter(|e| e.label == Label::Person) {
        let mut t = e.token_start;
        let floor = t.saturating_sub(5);
        while t > floor && d.ent(t - 1).is_none() && {
            let tw = g.title_word(d.low(t - 1));
            tw.head || tw.modifier || d.low(t - 1) == "shadow"
        } {
            t -= 1;
        }
        let Some(k) = t.checked_sub(1) else { continue };
        let party = match d.ent_ending(k) {
            Some(o) => {
                let owner = &d.art.entities[o];
                (owner.country_code.is_none() && matches!(owner.label, Label::Org | Label::Misc | Label::Norp))
                    .then(|| story::base_text(d.art, owner))
            }
            // "Tory leader Michael Howard" with the party word left out of the names.
            None => british_body(d.tok(k)).map(|_| std::borrow::Cow::Borrowed(d.tok(k))),
        };
        if let Some(p) = party {
            let name = e.canonical.clone().unwrap_or_else(|| story::base_text(d.art, e).into_owned());
            out.entry(name).or_insert_with(|| party_key(&p));
        }
    }
    out
}

/// One key for a party's names: "Tory" and "Tories", "Lib Dem" and "Lib Dems", "Labour" and "Labour
/// Party", "Conservative" and "Conservatives".
pub(super) fn party_key(name: &str) -> String {
    let n = name.strip_prefix("the ").unwrap_or(name).to_lowercase();
    let n = n.strip_suffix(" party").unwrap_or(&n);
    match n {
        "tories" | "tory" | "conservative" | "conservatives" => "conservative".to_string(),
        "lib dem" | "lib dems" | "liberal democrat" | "liberal democrats" => "liberal democrat".to_string(),
        _ => n.trim_end_matches('s').to_string(),
    }
}

/// Whether the story names one body of British politics that is Britain's alone, or two others
/// (`british_body`).
fn names_british_bodies(d: &Doc) -> bool {
    let mut weak: Option<String> = None;
    for e in &d.art.entities {
        if !matches!(e.label, Label::Org | Label::Norp | Label::Misc | Label::Gpe | Label::Fac) {
            continue;
        }
        let n = story::base_text(d.art, e);
        match british_body(&n) {
            Some(true) => return true,
            Some(false) => {
                // "Labour" and "Labour Party", "Conservative" and "Conservatives" are one body.
                let key = n.split(' ').next().unwrap_or("").trim_end_matches('s').to_string();
                match &weak {
                    Some(w) if *w != key => return true,
                    Some(_) => {}
                    None => weak = Some(key),
                }
            }
            None => {}
        }
    }
    false
}

/// What `story_roles` gathers.
pub(super) struct StoryRoles {
    pub titles: FxHashMap<String, usize>,
    pub own: Option<&'static str>,
    pub most: Option<&'static str>,
    pub government: Option<&'static str>,
    /// A home service's copy about British politics (`names_british_bodies`).
    pub british: bool,
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

/// Whether a title names an office of government ("Foreign Secretary", "Prime Minister", "French
/// President", "Secretary of State"): not a party's, a union's or a company's officer ("Lib Dem
/// leader", "general secretary of Unison"), nor an opposition or a former holder ("shadow home
/// secretary", "former minister").
pub(super) fn is_government_title(title: &str) -> bool {
    let g = gazetteer();
    let mut office = false;
    // "president" and "secretary" head companies and unions too: of government only when every other
    // word is a portfolio, a rank or a state ("Foreign Secretary", "UK Foreign Secretary", "French
    // President"; not "World Bank President", "Goldman Sachs Corp president").
    let mut other = false;
    for w in title.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()) {
        let w = w.to_ascii_lowercase();
        match w.as_str() {
            "shadow" | "former" | "ex" | "opposition" | "general" | "party" => return false,
            "minister" | "chancellor" | "premier" | "ambassador" | "envoy" | "king" | "queen" => return true,
            "secretary" | "president" => office = true,
            "and" | "of" | "for" | "state" => {}
            w => {
                let tw = g.title_word(w);
                other |= !(tw.head || tw.modifier || g.country(w).is_some() || g.demonym(w).is_some())
            }
        }
    }
    office && !other
}

/// The persons the story gives a title of government (`is_government_title`), by the name events use;
/// not one the words before a mention call a shadow, former or opposition holder ("Conservative
/// shadow foreign secretary X": the title read is "foreign secretary").
/// Also the persons it gives a journalist's title ("BBC political correspondent").
pub(super) fn officials(d: &Doc) -> (FxHashSet<String>, FxHashSet<String>) {
    let mut out = FxHashSet::default();
    let mut not: FxHashSet<String> = FxHashSet::default();
    let mut journalists = FxHashSet::default();
    for e in &d.art.entities {
        let Some(title) = e.title.as_deref().filter(|_| e.label == Label::Person) else { continue };
        let name = || e.canonical.clone().unwrap_or_else(|| story::base_text(d.art, e).into_owned());
        if title.split(' ').any(|w| {
            ["correspondent", "editor", "reporter", "presenter", "columnist", "commentator"]
                .iter()
                .any(|j| w.eq_ignore_ascii_case(j))
        }) {
            journalists.insert(name());
            continue;
        }
        if !is_government_title(title) {
            continue;
        }
        let name = name();
        let outside = (e.token_start.saturating_sub(6)..e.token_start)
            .any(|t| matches!(d.low(t), "shadow" | "former" | "opposition" | "ex"));
        if outside {
            not.insert(name);
        } else {
            out.insert(name);
        }
    }
    // One mention as a shadow or former holder settles it.
    out.retain(|n| !not.contains(n));
    (out, journalists)
}

/// Words that name a body of government ("the Treasury", "Downing Street", "the Home Office"; an
/// office of more words, "the National Audit Office", is a watchdog more often).
fn is_government_body(name: &str) -> bool {
    let words = || name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    words().any(|w| {
        ["ministry", "department", "treasury", "downing", "cabinet", "executive", "government", "whitehall"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
            || w.eq_ignore_ascii_case("office") && words().count() == 2
    })
}

impl Reader<'_, '_> {
    /// Where an actor is at home: its own state, else, for a person, the place the sentence has them
    /// speak in ("said in Lagos"). Not the dateline's state: officials travel.
    pub(super) fn home(&self, x: &Actor, si: usize) -> Option<&'static str> {
        if x.country.is_some() || x.label != Label::Person {
            return x.country;
        }
        let d = self.doc;
        let g = gazetteer();
        self.sent_places(si).iter().find_map(|&e| {
            let ent = &d.art.entities[e];
            let mut t = ent.token_start;
            if t > 0 && d.low(t - 1) == "the" {
                t -= 1;
            }
            // "said in Lagos", "speaking at Lagos airport", "told reporters in Lagos".
            let before = t.checked_sub(2)?;
            let w = d.low(before);
            if !(is_reporting(w) || matches!(w, "speaking" | "spoke" | "reporters" | "journalists")) {
                return None;
            }
            let n = story::entity_name(d.art, e);
            ent.country_code.or_else(|| g.city(&n).or_else(|| g.region(&n)))
        })
    }

    /// An official acting on their own state, or the government on itself: "a Nigerian minister
    /// criticised Nigeria", "the Foreign Secretary said the government ..." (no event). A state is the
    /// object only as itself (a visit home to a city is no such act).
    pub(super) fn acts_on_own_state(&self, subj: &Actor, obj: &Actor, pred: Pred, si: usize) -> bool {
        if pred == Pred::Visit || obj.label != Label::Gpe || obj.country.is_none() {
            return false;
        }
        let is_state =
            obj.gov || gazetteer().country(&obj.name).is_some_and(|c| Some(c.alpha2.as_str()) == obj.country);
        if !is_state {
            return false;
        }
        let official = match subj.label {
            Label::Person => self.officials().contains(&subj.name),
            // "the Home Office", "a spokeswoman for the Department for X".
            Label::Org => is_government_body(&subj.name),
            Label::Gpe => true,
            _ => false,
        };
        if !official {
            return false;
        }
        match self.home(subj, si) {
            Some(h) => Some(h) == obj.country,
            // "the government" is the story's own: an official of no known state is taken for one of it.
            None => obj.gov,
        }
    }
}
