//! Who did what to whom, coded the way political scientists code news (CAMEO, as GDELT and PETRARCH do).
//!
//! Precision first: an event is read only when the sentence states it in a shape read here with
//! certainty, with a named actor on both sides:
//! - verbal: the subject is a name right before the verb (auxiliaries, adverbs, modals, negation and
//!   "agreed to" / "plans to" / "is expected to" allowed, "A and B" coordinated, "X said it ..." read as
//!   X), the object a whole name right after it (determiners, titles, nationalities and a possessive owner
//!   skipped: "met U.S. Treasury Secretary James Baker" is Baker); "was attacked by X" read as X attacked;
//! - nominal: "talks between A and B", "A's visit to B", and a noun after a light verb ("A held talks
//!   with B", "A imposed sanctions on B", "A signed an agreement with B");
//! - a state's organs are the state: "Iraqi forces", "the Seoul government".
//!
//! Denied, planned and hypothetical events are kept and marked (`mood`), and so are reported ones
//! (`reported`: a "said" in the sentence, or a quotation). Every look is a bounded window around a
//! trigger word: linear in the story.
use crate::gazetteer::gazetteer;
use crate::reading::story::{self, is_aux_or_adverb, is_determiner, Doc};
use crate::types::*;
use rustc_hash::{FxHashMap, FxHashSet};

mod lexicon;
use lexicon::*;

/// Whether token `t` may follow an object name: punctuation, a capitalised word, or a word that starts
/// a new phrase. A lower-case noun ("EU counterparts") means the name was only a modifier.
fn may_follow_object(d: &Doc, t: usize) -> bool {
    let w = d.tok(t);
    let Some(c) = w.chars().next() else { return true };
    if !c.is_alphabetic() || c.is_uppercase() || d.is_possessive(t) {
        return true;
    }
    let low = d.low(t);
    // An adverb ("met Silva secretly") ends the object too.
    (low.len() > 4 && low.ends_with("ly"))
        || is_preposition(low)
        || is_determiner(low)
        || is_aux_or_adverb(low)
        || is_reporting(low)
        || matches!(
            low,
            "and"
                | "or"
                | "but"
                | "during"
                | "last"
                | "next"
                | "this"
                | "yesterday"
                | "today"
                | "tonight"
                | "twice"
                | "as"
                | "since"
                | "while"
                | "when"
                | "where"
                | "who"
                | "which"
                | "that"
                | "ahead"
                | "without"
                | "amid"
                | "despite"
                | "until"
                | "is"
                | "was"
                | "were"
                | "will"
                | "would"
                | "shortly"
                | "soon"
                | "together"
                | "alone"
                | "along"
                | "here"
                | "there"
                | "near"
                | "across"
                | "behind"
                | "through"
                | "throughout"
                | "via"
                | "upon"
                | "within"
                | "outside"
                | "inside"
                | "beyond"
                | "around"
                | "off"
                | "up"
                | "down"
                | "out"
                | "following"
                | "over"
                | "because"
                | "if"
        )
}

/// One side of an event: a name, the state it is or belongs to, and where it stands in the text.
#[derive(Clone, Debug)]
struct Actor {
    name: String,
    country: Option<&'static str>,
    /// First and last token of the words that name it.
    first: usize,
    last: usize,
    label: Label,
    /// Named as the owner or modifier of what the verb is about ("criticised Blair's plans", "attacked
    /// UK policy"): the event is about words, not force.
    owner: bool,
}

/// The mood of an event, from the words before its verb; the strongest wins.
fn mood_rank(m: &'static str) -> u8 {
    match m {
        "negated" => 3,
        "hypothetical" => 2,
        "planned" => 1,
        _ => 0,
    }
}

fn stronger(a: &'static str, b: &'static str) -> &'static str {
    if mood_rank(b) > mood_rank(a) {
        b
    } else {
        a
    }
}

/// CAMEO quad class of a code: roots 01-05 verbal cooperation, 06-09 material cooperation, 10-14
/// verbal conflict, 15-20 material conflict.
pub(crate) fn quad_class(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()).unwrap_or(0) {
        1..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        _ => 4,
    }
}

/// Fills `art.events`.
pub fn extract(art: &mut Article) {
    if art.sentences.is_empty() || art.entities.is_empty() {
        art.events.clear();
        return;
    }
    let doc = Doc::new(art);
    let quoted = quoted_tokens(art);
    let (sent_date, sent_places) = sentence_dates_and_places(&doc);
    let countries = person_countries(&doc);
    let (titles, own_country) = story_roles(&doc);
    let seen = (usize::MAX, FxHashSet::default());
    let mut r = Reader {
        doc: &doc,
        quoted,
        out: Vec::new(),
        last_host: None,
        seen,
        sent_date,
        sent_places,
        countries,
        titles,
        own_country,
        story_org: story_org(&doc),
        sent_reporting: art
            .sentences
            .iter()
            .map(|s| (s.token_start..s.token_end.min(doc.len())).filter(|&t| is_reporting(doc.low(t))).count())
            .collect(),
    };
    for si in 0..art.sentences.len() {
        r.sentence(si);
    }
    let out = r.out;
    art.events = out;
}

/// Tokens inside the article's quotes.
fn quoted_tokens(art: &Article) -> Vec<bool> {
    let mut q = vec![false; art.tokens.len()];
    let mut spans: Vec<Span> = art.quotes.iter().map(|q| q.span).collect();
    spans.sort_by_key(|s| s.start);
    let mut k = 0;
    for (t, tok) in art.tokens.iter().enumerate() {
        while k < spans.len() && spans[k].end <= tok.span.start {
            k += 1;
        }
        if k < spans.len() && spans[k].overlaps(tok.span) {
            q[t] = true;
        }
    }
    q
}

/// A `YYYY-MM-DD` value.
fn is_day(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Per sentence: the first day a DATE names, and the places named after "in"/"at" (entity indices).
fn sentence_dates_and_places(d: &Doc) -> (Vec<Option<String>>, Vec<Vec<usize>>) {
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
                let t = e.token_start;
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
fn person_countries(d: &Doc) -> FxHashMap<String, &'static str> {
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
fn story_roles(d: &Doc) -> (FxHashMap<String, usize>, Option<&'static str>) {
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
        if matches!(e.label, Label::Gpe | Label::Norp) {
            if let Some(c) = e.country_code {
                *codes.entry(c).or_default() += 1;
                total += 1;
            }
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
        (*n >= 2 && *n * 2 >= total).then_some(*c)
    });
    (titles, own)
}

/// The organisation that opens the first body sentence, the subject of "the company" in wire copy.
fn story_org(d: &Doc) -> Option<usize> {
    let s = d.art.sentences.iter().find(|s| matches!(s.section, Section::Body(_)))?;
    let mut t = s.token_start;
    if t < s.token_end && (d.tok(t) == "<" || d.low(t) == "the") {
        t += 1;
    }
    let e = d.ent_starting(t)?;
    (d.art.entities[e].label == Label::Org).then_some(e)
}

struct Reader<'d, 'a> {
    doc: &'d Doc<'a>,
    quoted: Vec<bool>,
    out: Vec<Event>,
    /// The sentence being read and its events so far as (predicate, subject, object): an event is listed
    /// once per sentence.
    seen: (usize, FxHashSet<(&'static str, String, String)>),
    /// Who hosted the last meeting named ("Kim met separately with the Chinese guests"), and where.
    last_host: Option<(String, usize)>,
    sent_date: Vec<Option<String>>,
    sent_places: Vec<Vec<usize>>,
    countries: FxHashMap<String, &'static str>,
    titles: FxHashMap<String, usize>,
    own_country: Option<&'static str>,
    /// The organisation that opens the story's first body sentence ("Texaco Inc said ...").
    story_org: Option<usize>,
    /// Reporting words ("said", "told") per sentence.
    sent_reporting: Vec<usize>,
}

impl<'d, 'a> Reader<'d, 'a> {
    /// The first token of the sentence token `t` is in.
    fn sentence_start(&self, t: usize) -> usize {
        let ss = &self.doc.art.sentences;
        let i = ss.partition_point(|s| s.token_start <= t);
        ss.get(i.wrapping_sub(1)).map_or(0, |s| s.token_start)
    }

    fn name(&self, e: usize) -> String {
        let ent = &self.doc.art.entities[e];
        ent.canonical.clone().unwrap_or_else(|| story::base_text(self.doc.art, ent).into_owned())
    }

    /// The actor an entity is.
    fn actor(&self, e: usize, last: usize) -> Actor {
        let ent = &self.doc.art.entities[e];
        let name = self.name(e);
        let country = ent.country_code.or_else(|| self.countries.get(&name).copied());
        Actor { name, country, first: ent.token_start, last, label: ent.label, owner: false }
    }

    /// A nationality standing for its state ("Iraqi forces" -> Iraq).
    fn nation(&self, e: usize, last: usize) -> Option<Actor> {
        let ent = &self.doc.art.entities[e];
        let code = ent.country_code?;
        let name = gazetteer().country_by_code(code).map(|c| c.name.clone()).unwrap_or_else(|| self.name(e));
        Some(Actor { name, country: Some(code), first: ent.token_start, last, label: Label::Gpe, owner: false })
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        subj: &Actor,
        pred: Pred,
        obj: &Actor,
        detail: Option<String>,
        si: usize,
        span: Span,
        mood: &'static str,
        v: usize,
    ) {
        if subj.name == obj.name {
            return;
        }
        // Sentences are read in order: the events of sentence `si` so far are the ones in `seen`.
        if self.seen.0 != si {
            self.seen = (si, FxHashSet::default());
        }
        if !self.seen.1.insert((pred.base(), subj.name.clone(), obj.name.clone())) {
            return;
        }
        // "attacked": words against a person or a party, force against a place or by a state's forces.
        let pred = match pred {
            Pred::Criticise
                if self.doc.low(v).starts_with("attack")
                    && !obj.owner
                    && (matches!(obj.label, Label::Loc | Label::Fac) || is_force(self.doc.low(subj.last))) =>
            {
                Pred::Attack
            }
            p => p,
        };
        let code = match pred {
            Pred::Give | Pred::Send if detail.as_deref().is_some_and(|d| d.contains("aid")) => "070",
            p => p.code(),
        };
        let d = self.doc;
        let place = if pred == Pred::Visit && matches!(obj.label, Label::Gpe | Label::Loc | Label::Fac) {
            Some(obj.name.clone())
        } else {
            self.sent_places
                .get(si)
                .into_iter()
                .flatten()
                .map(|&e| self.name(e))
                .find(|n| *n != subj.name && *n != obj.name)
        };
        // Counted once per sentence: a long sentence with many events stays linear.
        let reporting = self.sent_reporting[si].saturating_sub(usize::from(is_reporting(d.low(v))));
        let reported = self.quoted[v] || reporting > 0;
        let date = self.sent_date.get(si).cloned().flatten().or_else(|| d.art.date.clone());
        self.out.push(Event {
            subject: subj.name.clone(),
            predicate: pred.base().to_string(),
            object: obj.name.clone(),
            detail,
            sentence: si,
            span,
            code,
            quad_class: quad_class(code),
            subject_country: subj.country,
            object_country: obj.country,
            date,
            place,
            mood,
            reported,
        });
    }

    /// The actor whose name ends at token `t`, reading back: a name that can act, a state's organ
    /// ("Iraqi forces", "the Seoul government"). Outside quotes only when `inside_quote` is false.
    fn actor_ending(&self, t: usize, floor: usize) -> Option<Actor> {
        let d = self.doc;
        if d.tok(t) == ">" && t > floor {
            // "<Battery Group Ltd> said", "Shell Canada <SHC> said": a name in brackets, or a ticker after one.
            if let Some(e) = d.ent_ending(t - 1) {
                // "SHELL CANADA <SHC>": a ticker (one short capitalised token) after a name is the name's.
                let ticker = d.art.entities[e].token_start + 1 == t
                    && t >= floor + 3
                    && d.tok(t - 2) == "<"
                    && d.tok(t - 1).len() <= 6
                    && d.ent_ending(t - 3).is_some();
                return self.actor_ending(if ticker { t - 3 } else { t - 1 }, floor);
            }
            let open = (floor..t).rev().take(4).find(|&k| d.tok(k) == "<")?;
            return if open > floor { self.actor_ending(open - 1, floor) } else { None };
        }
        if let Some(e) = d.ent_ending(t) {
            return (self.is_actor_entity(e) || self.is_group(e)).then(|| self.actor(e, t));
        }
        if let Some(r) = self.role_ending(t, floor) {
            return Some(r);
        }
        if t > floor && is_actor_noun(d.low(t)) {
            let e = d.ent_ending(t - 1)?;
            return match d.art.entities[e].label {
                Label::Norp => self.nation(e, t),
                Label::Gpe | Label::Org => Some(self.actor(e, t)),
                _ => None,
            };
        }
        None
    }

    /// A name that can act: a person, an organisation, a state (also a country the tagger called a location).
    fn is_actor_entity(&self, e: usize) -> bool {
        let ent = &self.doc.art.entities[e];
        match ent.label {
            Label::Person | Label::Org | Label::Gpe => true,
            Label::Loc => gazetteer().country(&self.name(e)).is_some(),
            _ => false,
        }
    }

    /// "the prime minister" when the story names its one prime minister; "the government" as the
    /// story's own state. `t` is the role's last word.
    fn role_ending(&self, t: usize, floor: usize) -> Option<Actor> {
        let d = self.doc;
        let g = gazetteer();
        if d.ent(t).is_some() {
            return None;
        }
        // "the police", "Police arrested ..." (opening the sentence), ", police said": the story's own state.
        if is_state_organ(d.low(t))
            && (t == floor && t == self.sentence_start(t) || t > floor && matches!(d.low(t - 1), "the" | ","))
        {
            let code = self.own_country?;
            let name = g.country_by_code(code)?.name.clone();
            let first = if t > floor && d.low(t - 1) == "the" { t - 1 } else { t };
            return Some(Actor { name, country: Some(code), first, last: t, label: Label::Gpe, owner: false });
        }
        if !d.tok(t).chars().all(|c| c.is_lowercase()) {
            return None;
        }
        if matches!(d.low(t), "company" | "firm" | "group" | "bank" | "corporation")
            && t > floor
            && d.low(t - 1) == "the"
        {
            // Wire style: "Texaco Inc said ... The company said it ...": the organisation the story opens with.
            let e = self.story_org?;
            let mut a = self.actor(e, t);
            a.first = t - 1;
            return Some(a);
        }
        if !g.title_word(d.low(t)).head {
            return None;
        }
        let mut k = t;
        while k > floor && t - k < 3 && d.ent(k - 1).is_none() && {
            let tw = g.title_word(d.low(k - 1));
            (tw.head || tw.modifier) && d.tok(k - 1).chars().all(|c| c.is_lowercase())
        } {
            k -= 1;
        }
        if k == floor || d.low(k - 1) != "the" {
            return None;
        }
        let key = (k..=t).map(|i| d.low(i)).collect::<Vec<_>>().join(" ");
        let &e = self.titles.get(&key)?;
        let mut a = self.actor(e, t);
        a.first = k - 1;
        Some(a)
    }

    /// The role starting at token `k` ("the prime minister"), read forward, and the token after it.
    fn role_at(&self, k: usize, b: usize) -> Option<(Actor, usize)> {
        let d = self.doc;
        if k >= b || d.low(k) != "the" {
            return None;
        }
        let mut t = k + 1;
        while t < b && t < k + 4 && d.ent(t).is_none() && d.tok(t).chars().all(|c| c.is_lowercase()) {
            if let Some(a) = self.role_ending(t, k) {
                let next = t + 1;
                // "the government's plans", "the prime minister's view" stay with the caller's rules.
                if next < b && (d.is_possessive(next) || !may_follow_object(d, next)) {
                    return None;
                }
                return Some((a, next));
            }
            t += 1;
        }
        None
    }

    /// A named group: "the Tories", "Democrats", "Palestinians" (a capitalised plural the tagger calls a
    /// nationality or a miscellaneous name).
    fn is_group(&self, e: usize) -> bool {
        let d = self.doc;
        let ent = &d.art.entities[e];
        let last = ent.token_end - 1;
        matches!(ent.label, Label::Norp | Label::Misc)
            && d.is_cap(last)
            && d.tok(last).len() > 3
            && d.tok(last).ends_with('s')
            && !d.tok(last).chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    }

    /// Skips a photo position marker "(L)" / "(2nd from R)" ending at token `t`, returning the token before it.
    fn skip_marker_back(&self, t: usize, floor: usize) -> usize {
        let d = self.doc;
        if d.tok(t) == ")" {
            for k in (floor..t).rev().take(4) {
                if d.tok(k) == "(" {
                    return k;
                }
            }
        }
        t + 1
    }

    /// Subjects of the verb at token `v` and the event's mood: the name(s) right before it, past
    /// auxiliaries, adverbs, modals, negation and "agreed to"-like words; "X said (that) it" is X.
    /// Empty when the verb is passive or its subject is not a name.
    fn subjects(&self, si: usize, v: usize) -> (Vec<Actor>, &'static str) {
        let d = self.doc;
        let a = d.art.sentences[si].token_start;
        let participle = d.low(v).ends_with("ing");
        let mut mood = "asserted";
        let mut j = v;
        let mut steps = 0;
        while j > a && steps < 8 {
            let low = d.low(j - 1);
            // "agreed in principle to buy": the qualifier is passed over.
            if low == "principle" && j >= a + 2 && d.low(j - 2) == "in" {
                j -= 2;
                steps += 1;
                continue;
            }
            // "was given" is passive; "was due to meet", "is to visit" are not.
            if is_be(low) && j == v && !participle {
                return (Vec::new(), mood);
            }
            if is_negation(low) {
                mood = stronger(mood, "negated");
            } else if is_hypothetical(low) {
                mood = stronger(mood, "hypothetical");
            } else if is_plan_word(low) {
                if !matches!(low, "is" | "are" | "was" | "were" | "been") {
                    mood = stronger(mood, "planned");
                }
            } else if j < v
                && (d.low(j) == "to" || d.low(j) == "in" && j + 1 < v && d.low(j + 1) == "principle")
                && matches!(low, "agreement" | "offer" | "plan" | "plans" | "bid" | "deal" | "intent" | "proposal")
            {
                // "signed a letter of intent to acquire", "completed its agreement to acquire".
                let mut t = j - 1;
                while t > a
                    && j - t < 8
                    && (matches!(
                        d.low(t - 1),
                        "a" | "an"
                            | "its"
                            | "their"
                            | "the"
                            | "of"
                            | "letter"
                            | "definitive"
                            | "tentative"
                            | "previously-announced"
                            | "previously"
                            | "announced"
                            | "into"
                    ) || matches!(
                        d.low(t - 1),
                        "signed"
                            | "completed"
                            | "reached"
                            | "made"
                            | "entered"
                            | "has"
                            | "had"
                            | "have"
                            | "preliminary"
                    ))
                {
                    t -= 1;
                    if matches!(
                        d.low(t),
                        "signed" | "completed" | "reached" | "made" | "entered" | "has" | "have" | "had"
                    ) {
                        break;
                    }
                }
                if !matches!(d.low(t), "signed" | "completed" | "reached" | "made" | "entered" | "has" | "have" | "had")
                {
                    break;
                }
                mood = stronger(mood, "planned");
                j = t + 1;
            } else if !(is_aux_or_adverb(low)
                || matches!(
                    low,
                    "did"
                        | "does"
                        | "do"
                        | "also"
                        | "tentatively"
                        | "definitively"
                        | "instead"
                        | "strongly"
                        | "sharply"
                        | "today"
                        | "yesterday"
                ))
            {
                break;
            }
            j -= 1;
            steps += 1;
        }
        if j == a {
            return (Vec::new(), mood);
        }
        // A clause of doubt before the verb: "declined to say whether A and B had held talks" (the
        // doubt, not the refusal to say, holds for the talks).
        for t in (a..j).rev().take(12) {
            if matches!(d.low(t), "whether" | "if" | "unless") {
                mood = if mood == "negated" && t + 1 < j && (t + 1..j).all(|u| !is_negation(d.low(u))) {
                    "hypothetical"
                } else {
                    stronger(mood, "hypothetical")
                };
                break;
            }
        }
        let mut l = self.skip_marker_back(j - 1, a);
        if l == 0 || l <= a {
            return (Vec::new(), mood);
        }
        l -= 1;
        if let Some(sp) = self.pronoun_speaker(si, l).or_else(|| self.pronoun_antecedent(si, l)) {
            return (vec![sp], mood);
        }
        // "Jack Straw, who accused the Tories": the name the relative pronoun follows.
        if matches!(d.low(l), "who" | "which") && l >= a + 2 && d.tok(l - 1) == "," {
            if let Some(s) = self.actor_ending(l - 2, a) {
                return (vec![s], mood);
            }
            // "his son Nick, a trainee vicar, who praised": past the apposition to the name.
            let c = (a + 1..l - 1).rev().take(8).find(|&t| d.tok(t) == ",");
            let s = c
                .filter(|&c| c + 1 < l && matches!(d.low(c + 1), "a" | "an" | "the"))
                .and_then(|c| self.actor_ending(c - 1, a));
            return (s.into_iter().collect(), mood);
        }
        // "X, who ..., accused Y", "Air Canada, the state-owned airline, signed": past the clause.
        if d.tok(l) == "," && l > a + 1 {
            if let Some(c) = (a + 1..l).rev().take(15).find(|&t| d.tok(t) == ",") {
                if c + 1 < l
                    && matches!(
                        d.low(c + 1),
                        "who"
                            | "which"
                            | "the"
                            | "a"
                            | "an"
                            | "for"
                            | "from"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "former"
                    )
                    && !(c + 1..l).any(|t| self.quoted[t])
                {
                    l = c - 1;
                }
            }
        }
        let Some(first) = self.actor_ending(l, a).or_else(|| self.coordinated_subject(si, l)) else {
            return (Vec::new(), mood);
        };
        let mut subs = vec![first];
        // "A and B", "A, B and C" (photo markers skipped).
        let mut start = subs[0].first;
        let mut seen_and = false;
        loop {
            // A list of names is short; a bound keeps a pathological "A and B and C ..." linear.
            if start <= a + 1 || subs.len() >= 8 {
                break;
            }
            let sep = d.low(start - 1);
            // A comma joins names only in a list closed by "and" ("A, B and C"); "In Seoul, Kim met" is no list.
            if !(sep == "and" || sep == "," && seen_and) {
                break;
            }
            seen_and |= sep == "and";
            let mut p = self.skip_marker_back(start - 2, a);
            if p == 0 || p <= a {
                break;
            }
            p -= 1;
            match self.actor_ending(p, a) {
                Some(e2) => {
                    start = e2.first;
                    subs.insert(0, e2);
                }
                None => break,
            }
        }
        // "the envoy of Kim met": a name after a preposition is not the subject; nor is the object of a
        // relative clause ("councillors who back Mr Flight met").
        if start > a
            && is_preposition(d.low(start - 1))
            && !(start >= a + 2 && speaks_for(d.low(start - 2), d.low(start - 1)))
        {
            return (Vec::new(), mood);
        }
        if (start.saturating_sub(2).max(a)..start).any(|t| matches!(d.low(t), "who" | "which" | "whom" | "whose")) {
            return (Vec::new(), mood);
        }
        // "flew to Moscow to meet Park", "urged Lopez to meet Park": a name right before "to" is the
        // subject only where it opens the sentence ("Blair to meet Bush").
        let last = subs.last().map_or(a, |x| x.last);
        if last + 1 < v && d.low(last + 1) == "to" && start > a && !(start == a + 1 && is_determiner(d.low(a))) {
            return (Vec::new(), mood);
        }
        (subs, mood)
    }

    /// "Ethiopia refused to pull out and launched an attack": a verb joined by "and" (token `t`) to the
    /// sentence's first clause shares its subject. Not when a name ends right before "and" ("A and B met"
    /// is read as two subjects by the caller).
    fn coordinated_subject(&self, si: usize, t: usize) -> Option<Actor> {
        let d = self.doc;
        let a = d.art.sentences[si].token_start;
        // Bounded: the main subject is looked for in the sentence's first 60 tokens only.
        if d.low(t) != "and" || t <= a + 1 || t > a + 60 || d.tok(t - 1) == "," || self.quoted[t] {
            return None;
        }
        // No other subject between: a clause opened by a name or pronoun after the main subject ("X said Y
        // and Z met") is not the main clause's.
        let m = self.main_subject(si, t)?;
        let clause = m.last + 1..t;
        if clause.clone().any(|u| {
            matches!(
                d.low(u),
                "that" | "who" | "which" | "when" | "while" | "he" | "she" | "they" | "it" | "said" | "says"
            ) || d.tok(u) == ";"
                || d.ent_starting(u)
                    .is_some_and(|e| matches!(d.art.entities[e].label, Label::Person | Label::Org | Label::Gpe))
        }) || clause.len() > 15
        {
            return None;
        }
        Some(m)
    }

    /// "X said (on Monday) (that) it/he/she ...": the pronoun at token `t` is X.
    fn pronoun_speaker(&self, si: usize, t: usize) -> Option<Actor> {
        let d = self.doc;
        let a = d.art.sentences[si].token_start;
        let want: &[Label] = match d.low(t) {
            "it" => &[Label::Org, Label::Gpe],
            "he" | "she" => &[Label::Person],
            "they" => &[Label::Org, Label::Gpe],
            _ => return None,
        };
        let mut k = t;
        let mut steps = 0;
        while k > a && steps < 5 {
            k -= 1;
            steps += 1;
            if matches!(
                d.low(k),
                "said"
                    | "says"
                    | "added"
                    | "admitted"
                    | "insisted"
                    | "stressed"
                    | "announced"
                    | "confirmed"
                    | "claimed"
            ) {
                if k == a {
                    return None;
                }
                let mut e = k - 1;
                // "Air Canada, the state-owned airline, said it ...": past the apposition.
                if d.tok(e) == "," {
                    e = (a..e).rev().take(10).find(|&t| d.tok(t) == ",")?.checked_sub(1)?;
                }
                let mut s = self.actor_ending(e, a)?;
                // "<Siebe Plc> of the U.K. said it": the speaker is the name the place modifies.
                let mut f = s.first;
                if f > a && d.low(f - 1) == "the" {
                    f -= 1;
                }
                if f > a + 1 && matches!(d.low(f - 1), "of" | "in") {
                    if let Some(owner) = self.actor_ending(f - 2, a) {
                        s = owner;
                    }
                }
                return want.contains(&s.label).then_some(s);
            }
            if !(matches!(d.low(k), "that" | "on" | "today" | "yesterday")
                || d.ent(k).is_some_and(|e| d.art.entities[e].label == Label::Date))
            {
                return None;
            }
        }
        None
    }

    /// "he"/"she" at token `t`: the nearest person named before it in the sentence, else the one person
    /// the previous sentence names.
    fn pronoun_antecedent(&self, si: usize, t: usize) -> Option<Actor> {
        let d = self.doc;
        if !matches!(d.low(t), "he" | "she") {
            return None;
        }
        let a = d.art.sentences[si].token_start;
        let floor = t.saturating_sub(30).max(a);
        for k in (floor..t).rev() {
            if let Some(e) = d.ent_ending(k) {
                if d.art.entities[e].label == Label::Person && !self.quoted[k] {
                    return Some(self.actor(e, k));
                }
            }
        }
        if si == 0 || t - a > 3 {
            return None;
        }
        let prev = d.art.sentences[si - 1];
        let mut found: Option<usize> = None;
        let mut first_is_subject = false;
        // A bounded look: the previous sentence's first 60 tokens. One person named there is the antecedent;
        // of several, the one that opens the sentence as its subject ("Mr Smith met Jones. He said ...").
        for k in prev.token_start..prev.token_end.min(d.len()).min(prev.token_start + 60) {
            if let Some(e) = d.ent_starting(k) {
                if d.art.entities[e].label == Label::Person && !self.quoted[k] {
                    match found {
                        Some(f) if self.name(f) != self.name(e) => {
                            if !first_is_subject {
                                return None;
                            }
                            break;
                        }
                        Some(_) => {}
                        None => {
                            found = Some(e);
                            let end = d.art.entities[e].token_end;
                            first_is_subject = k <= prev.token_start + 4
                                && (prev.token_start..k).all(|u| {
                                    let tw = gazetteer().title_word(d.low(u));
                                    tw.head || tw.modifier || tw.honorific || is_determiner(d.low(u))
                                })
                                && end < prev.token_end
                                && !is_preposition(d.low(end))
                                && !d.is_possessive(end);
                        }
                    }
                }
            }
        }
        let e = found?;
        let end = d.art.entities[e].token_end;
        Some(self.actor(e, end - 1))
    }

    /// The main subject of a sentence: the first name followed (after auxiliaries/adverbs) by a verb-like
    /// word, for comma-led participle clauses ("the North has ..., firing a missile").
    fn main_subject(&self, si: usize, before: usize) -> Option<Actor> {
        let d = self.doc;
        let a = d.art.sentences[si].token_start;
        let mut t = a;
        while t < before {
            if let Some(e) = d.ent_starting(t) {
                let end = d.art.entities[e].token_end;
                let ok_label = matches!(d.art.entities[e].label, Label::Person | Label::Org | Label::Gpe);
                if ok_label && !self.quoted[t] && (t == a || !is_preposition(d.low(t - 1))) && end < before {
                    let mut k = end;
                    while k < before && is_aux_or_adverb(d.low(k)) && !matches!(d.low(k), "has" | "have" | "had") {
                        k += 1;
                    }
                    let w = d.low(k);
                    if matches!(w, "has" | "have" | "had" | "is" | "was" | "were" | "are") || w.ends_with("ed") {
                        return Some(self.actor(e, end - 1));
                    }
                }
                t = end.max(t + 1);
                continue;
            }
            t += 1;
        }
        None
    }

    /// Skips words that stand before an object's name: determiners, titles, nationalities, a possessive
    /// owner ("Russia's"), an organisation before its officer ("U.S. Treasury Secretary James Baker"),
    /// quote marks.
    fn skip_to_name(&self, mut k: usize, b: usize) -> usize {
        let d = self.doc;
        let g = gazetteer();
        let is_title = |t: usize| {
            let tw = g.title_word(d.low(t));
            (tw.head || tw.modifier || tw.honorific) && d.is_cap(t)
        };
        let stop = (k + 12).min(b);
        while k < stop {
            if let Some(e) = d.ent_starting(k) {
                let ent = &d.art.entities[e];
                let nxt = ent.token_end;
                if matches!(ent.label, Label::Percent | Label::Cardinal) {
                    // "65 pct of EMS Corp", "an 18.7 pct equity interest in Enzon Inc".
                    let of = (nxt..stop.min(nxt + 3)).find(|&t| matches!(d.low(t), "of" | "in"));
                    if let Some(of) = of.filter(|&o| {
                        (nxt..o).all(|t| d.ent(t).is_none() && d.tok(t).chars().all(|c| c.is_lowercase() || c == '-'))
                    }) {
                        k = of + 1;
                        continue;
                    }
                }
                if matches!(ent.label, Label::Cardinal)
                    && nxt + 2 < stop
                    && d.low(nxt) == "shares"
                    && d.low(nxt + 1) == "of"
                {
                    k = nxt + 2;
                    continue;
                }
                if ent.label == Label::Norp {
                    // "Russian President ...": a nationality before a title or name.
                    if nxt < b && (d.ent_starting(nxt).is_some() || is_title(nxt)) {
                        k = nxt;
                        continue;
                    }
                    // "Chinese envoy Li Hongzhong": a lower-case title before a person's name.
                    let mut t = nxt;
                    while t < b && t < nxt + 3 && d.ent(t).is_none() && {
                        let tw = g.title_word(d.low(t));
                        tw.head || tw.modifier
                    } {
                        t += 1;
                    }
                    if t > nxt && t < b && d.ent_starting(t).is_some_and(|p| d.art.entities[p].label == Label::Person) {
                        k = t;
                        continue;
                    }
                    return k;
                }
                if matches!(ent.label, Label::Gpe | Label::Org) {
                    if d.is_possessive(nxt) {
                        // "Russia's Shoigu"; "Blair's plans" stays on Blair (the caller decides).
                        if nxt + 1 < b && (d.ent_starting(nxt + 1).is_some() || is_title(nxt + 1)) {
                            k = nxt + 1;
                            continue;
                        }
                        return k;
                    }
                    // "U.S. Treasury Secretary James Baker": the officer, not the office.
                    let mut t = nxt;
                    while t < b && t < nxt + 3 && is_title(t) {
                        t += 1;
                    }
                    if t < b && t > nxt && d.ent_starting(t).is_some_and(|p| d.art.entities[p].label == Label::Person) {
                        k = t;
                        continue;
                    }
                }
                return k;
            }
            let low = d.low(k);
            if is_determiner(low) || story::is_quote_mark(d.tok(k)) || is_title(k) || d.tok(k) == "<" {
                k += 1;
                continue;
            }
            // "a delegation from X", "the work of X", "65 pct of X", "a stake in X": the X the phrase is about.
            if k + 1 < stop
                && matches!(
                    low,
                    "delegation"
                        | "delegations"
                        | "officials"
                        | "ministers"
                        | "leaders"
                        | "representatives"
                        | "envoys"
                        | "work"
                        | "pct"
                        | "percent"
                        | "stake"
                        | "shares"
                        | "interest"
                        | "remarks"
                        | "criticism"
                        | "criticisms"
                        | "claims"
                        | "accusations"
                        | "policies"
                        | "proposals"
                        | "comments"
                        | "stance"
                        | "decision"
                        | "role"
                )
                && (matches!(d.low(k + 1), "from" | "of")
                    // "a stake in X"; but "leaders in Baghdad" are not Baghdad.
                    || d.low(k + 1) == "in" && matches!(low, "pct" | "percent" | "stake" | "shares" | "interest"))
            {
                k += 2;
                continue;
            }
            if d.ent_starting(k).is_none()
                && d.ent(k).is_some_and(|e| matches!(d.art.entities[e].label, Label::Percent | Label::Cardinal))
            {
                k += 1;
                continue;
            }
            return k;
        }
        k
    }

    /// Objects right after token `k`: a whole name (or a state's organ), and more joined by "and".
    fn objects(&self, pred: Pred, k: usize, b: usize) -> (Vec<Actor>, usize) {
        let mut objs = Vec::new();
        let mut k = k;
        let d = self.doc;
        if self.object_at(pred, k, b).is_none() {
            // "called on the international community and the Arab League": past a first conjunct of
            // lower-case words to the name joined by "and".
            if let Some(and) = (k + 1..b.min(k + 5)).find(|&t| d.low(t) == "and") {
                if (k..and).all(|t| d.ent(t).is_none() && d.tok(t).chars().all(|c| c.is_lowercase() || c == '-')) {
                    k = and + 1;
                }
            }
        }
        while let Some((o, end)) = self.object_at(pred, k, b) {
            objs.push(o);
            k = end;
            if objs.len() < 4 && k < b && self.doc.low(k) == "and" && self.object_at(pred, k + 1, b).is_some() {
                k += 1;
                continue;
            }
            break;
        }
        (objs, k)
    }

    /// The object starting at token `k` (after skipping determiners and titles), and the token after it.
    fn object_at(&self, pred: Pred, k: usize, b: usize) -> Option<(Actor, usize)> {
        let d = self.doc;
        if pred.object_ok(Label::Person) {
            if let Some(r) = self.role_at(k, b) {
                return Some(r);
            }
        }
        let k = self.skip_to_name(k, b);
        if k >= b {
            return None;
        }
        let e = d.ent_starting(k)?;
        let ent = &d.art.entities[e];
        let end = ent.token_end;
        if ent.label == Label::Norp && !self.is_group(e) {
            // "attacked Iraqi positions", "met Iraqi officials": the state.
            return (end < b && (is_actor_noun(d.low(end)) || matches!(d.low(end), "positions" | "targets" | "bases")))
                .then(|| self.nation(e, end))
                .flatten()
                .map(|a| (a, end + 1));
        }
        let label = if ent.label == Label::Loc && self.is_actor_entity(e) { Label::Gpe } else { ent.label };
        if !pred.object_ok(label) {
            // "against the Islamists", "on the Kurds": a group is the object of force.
            if !(self.is_group(e) && pred.object_ok(Label::Org)) {
                return None;
            }
            let name = self.name(e);
            return Some((
                Actor { name, country: ent.country_code, first: k, last: end - 1, label: ent.label, owner: false },
                end,
            ));
        }
        if end + 1 < b && d.tok(end) == "<" {
            // "Texaco Inc <TX>": a ticker after the name.
            if let Some(close) = (end + 1..b.min(end + 5)).find(|&t| d.tok(t) == ">") {
                return Some((self.actor(e, end - 1), close + 1));
            }
        }
        if d.is_possessive(end) {
            // "met Putin's envoy": the owner is not the object, unless the verb judges ("criticised Blair's plan").
            return pred.owner_is_object().then(|| {
                let mut a = self.actor(e, end - 1);
                a.owner = true;
                (a, end + 1)
            });
        }
        if end < b && ent.label == Label::Gpe && is_actor_noun(d.low(end)) {
            return Some((self.actor(e, end), end + 1));
        }
        // "his EU counterparts", "Nato officials", "Labour MPs": the body's members stand for the body.
        if end < b && ent.label == Label::Org && is_actor_noun(d.low(end)) {
            return Some((self.actor(e, end), end + 1));
        }
        // "met his EU counterparts": a name modifying a noun is not the object; a verb may follow. A verb
        // that judges is about the owner: "attacked UK policy" is about the UK.
        if end < b && !may_follow_object(d, end) && !d.low(end).ends_with("ed") {
            if pred.owner_is_object() && d.tok(end).chars().all(|c| c.is_lowercase()) {
                let mut a = self.actor(e, end - 1);
                a.owner = true;
                return Some((a, end + 1));
            }
            return None;
        }
        Some((self.actor(e, end - 1), end))
    }

    /// After the object of give/send: "a letter from X" -> ("letter from X", end), or "a letter" -> "letter".
    fn thing_given(&self, k: usize, b: usize) -> (Option<String>, Option<Actor>) {
        let d = self.doc;
        let mut t = k;
        if t < b && is_determiner(d.low(t)) {
            t += 1;
        } else {
            return (None, None);
        }
        let s = t;
        while t < b && t < s + 3 && d.ent(t).is_none() && d.tok(t).chars().all(|c| c.is_lowercase() || c == '-') {
            if matches!(d.low(t), "from" | "to" | "of" | "and" | "that" | "which" | "with" | "on" | "in") {
                break;
            }
            t += 1;
        }
        if t == s {
            return (None, None);
        }
        let noun = d.art.text[d.art.tokens[s].span.start..d.art.tokens[t - 1].span.end].to_string();
        if t < b && matches!(d.low(t), "from" | "to") {
            let from = d.low(t) == "from";
            let n = self.skip_to_name(t + 1, b);
            if let Some(e) = d.ent_starting(n) {
                if matches!(d.art.entities[e].label, Label::Person | Label::Org | Label::Gpe)
                    && !d.is_possessive(d.art.entities[e].token_end)
                {
                    if from {
                        return (Some(format!("{noun} from {}", self.name(e))), None);
                    }
                    let end = d.art.entities[e].token_end;
                    return (Some(noun), Some(self.actor(e, end - 1)));
                }
            }
        }
        (Some(noun), None)
    }

    fn span(&self, from: usize, to: usize) -> Span {
        let d = self.doc;
        let to = to.max(from);
        Span::new(d.art.tokens[from].span.start, d.art.tokens[to.min(d.len() - 1)].span.end)
    }

    fn sentence(&mut self, si: usize) {
        let d = self.doc;
        let s = d.art.sentences[si];
        let (a, b) = (s.token_start, s.token_end.min(d.len()));
        let first_event = self.out.len();
        for v in a..b {
            let Some((pred, form)) = trigger(d.low(v)) else { continue };
            if d.ent(v).is_some() {
                continue;
            }
            match form {
                Form::Noun => self.noun(si, v, pred, a, b),
                Form::Verb | Form::Participle => {
                    // A capitalised "Meet" or "Visit" mid-sentence is a name or a title, not the verb.
                    if v > a && s.section != Section::Headline && d.is_cap(v) {
                        continue;
                    }
                    let before = self.out.len();
                    self.verb(si, v, pred, form, a, b);
                    // "Albright's visit to Kenya", "the attack on Kabul": the noun the verb's form also is.
                    let noun = match d.low(v) {
                        "visit" | "visits" => Some(Pred::Visit),
                        "attack" | "attacks" => Some(Pred::Attack),
                        _ => None,
                    };
                    if let (Some(p), true) = (noun, self.out.len() == before) {
                        self.noun(si, v, p, a, b);
                    }
                }
            }
        }
        self.during_meeting(si, a, b, first_event);
    }

    fn verb(&mut self, si: usize, v: usize, pred: Pred, form: Form, a: usize, b: usize) {
        let d = self.doc;
        let (subs, mood) = if form == Form::Participle {
            if v > a && d.tok(v - 1) == "," {
                (self.main_subject(si, v).into_iter().collect(), "asserted")
            } else {
                // "Shoigu attending an exhibition" (caption style): the person named right before.
                let (subs, mood) = self.subjects(si, v);
                if subs.iter().any(|s| s.label != Label::Person || s.last + 1 != v) {
                    return;
                }
                (subs, mood)
            }
        } else {
            self.subjects(si, v)
        };
        // "Texaco was sued by Pennzoil": the agent is the subject.
        if subs.is_empty() && v > a + 1 && is_be(d.low(v - 1)) && (d.low(v).ends_with("ed") || d.low(v) == "bought") {
            self.passive(si, v, pred, a, b);
            return;
        }
        if subs.is_empty() {
            return;
        }
        if pred == Pred::CallFor && v + 1 < b && d.low(v + 1) == "on" {
            // "called on X to ...": an appeal to X.
            let (objs, end) = self.objects(Pred::Urge, v + 2, b);
            let span = self.span(v, end.saturating_sub(1));
            for sub in &subs {
                for o in &objs {
                    self.push(sub, Pred::Urge, o, None, si, span, mood, v);
                }
            }
            return;
        }
        if pred == Pred::Meet
            && matches!(d.low(v), "spoke" | "speak" | "talked" | "talk")
            && (v + 1 >= b || d.low(v + 1) != "with")
        {
            return;
        }
        if pred == Pred::CallFor {
            if v + 1 >= b || d.low(v + 1) != "for" {
                return;
            }
            let (objs, end) = self.objects(pred, v + 2, b);
            let span = self.span(v, end.saturating_sub(1));
            for sub in &subs {
                for o in &objs {
                    self.push(sub, pred, o, None, si, span, mood, v);
                }
            }
            return;
        }
        if pred == Pred::Sell {
            // "sold its unit to X", "to sell tankers to X": the buyer, within a few words.
            let Some(to) = (v + 1..b.min(v + 20)).find(|&t| d.low(t) == "to" || d.tok(t) == ";") else { return };
            if d.low(to) != "to" {
                return;
            }
            let (objs, end) = self.objects(pred, to + 1, b);
            let span = self.span(v, end.saturating_sub(1));
            for sub in &subs {
                for o in &objs {
                    self.push(sub, pred, o, None, si, span, mood, v);
                }
            }
            return;
        }
        let mut k = v + 1;
        if matches!(d.low(v), "hit" | "lashed") {
            // "hit out at X", "hit back at X", "lashed out at X": words against X; any other "hit" is no event here.
            if !(k + 1 < b && matches!(d.low(k), "out" | "back") && d.low(k + 1) == "at") {
                return;
            }
            k += 1;
        }
        if pred == Pred::Meet {
            if k < b && is_aux_or_adverb(d.low(k)) {
                k += 1;
            }
            self.last_host = Some((subs[0].name.clone(), si));
        }
        if k < b && pred.verb_preposition(d.low(k)) {
            k += 1;
        }
        if pred == Pred::Tell && d.low(v) == "wrote" && k == v + 1 {
            return;
        }
        let (mut objs, mut end) = self.objects(pred, k, b);
        if matches!(d.low(v), "asked" | "asks") && (end >= b || d.low(end) != "to") {
            // "asked X to resign" is a request; "asked X about ..." is not.
            return;
        }
        if pred == Pred::Tell {
            // "told the BBC": a medium cited is the source of the story, not the addressee of an act.
            objs.retain(|o| o.label == Label::Person || !(story::is_medium(&o.name) || is_paper(&o.name)));
        }
        let mut detail = None;
        if matches!(pred, Pred::Give | Pred::Send) {
            if objs.is_empty() {
                // "sent a letter to X"
                let (thing, to) = self.thing_given(k, b);
                if let Some(o) = to {
                    end = o.last + 1;
                    objs.push(o);
                    detail = thing;
                }
            } else {
                detail = self.thing_given(end, b).0;
            }
            // "gave his support to X" is read from the noun (backing), not as a gift.
            if detail
                .as_deref()
                .and_then(|t| t.split(' ').next_back())
                .and_then(trigger)
                .is_some_and(|(p, f)| f == Form::Noun && matches!(p, Pred::Back | Pred::Praise | Pred::Criticise))
            {
                return;
            }
        }
        if objs.is_empty()
            && matches!(pred, Pred::Meet | Pred::Negotiate)
            && subs.len() >= 2
            && (k >= b || d.low(k) != "with")
        {
            // "Kim and Putin met on Monday."
            let span = self.span(v, v);
            for o in &subs[1..] {
                self.push(&subs[0], pred, o, None, si, span, mood, v);
            }
            return;
        }
        let span = self.span(v, end.saturating_sub(1));
        for sub in &subs {
            for o in &objs {
                self.push(sub, pred, o, detail.clone(), si, span, mood, v);
            }
        }
    }

    /// "X was attacked by Y" -> (Y, attack, X); only when the agent is named.
    fn passive(&mut self, si: usize, v: usize, pred: Pred, a: usize, b: usize) {
        if !matches!(
            pred,
            Pred::Criticise
                | Pred::Accuse
                | Pred::Attack
                | Pred::Bomb
                | Pred::Arrest
                | Pred::Praise
                | Pred::Back
                | Pred::Elect
                | Pred::Acquire
                | Pred::Sue
                | Pred::Threaten
                | Pred::Sanction
                | Pred::Host
                | Pred::Visit
        ) {
            return;
        }
        let d = self.doc;
        if v < a + 2 || v + 1 >= b || d.low(v + 1) != "by" {
            return;
        }
        // "X was sued by", "X will be acquired by", "X has been criticised by": past the auxiliaries.
        let mut j = v - 1;
        while j > a
            && v - j < 5
            && (is_be(d.low(j - 1)) || is_aux_or_adverb(d.low(j - 1)) || story::is_irrealis(d.low(j - 1)))
        {
            j -= 1;
        }
        if j == a {
            return;
        }
        let Some(obj) = self.actor_ending(j - 1, a).or_else(|| self.pronoun_antecedent(si, j - 1)) else { return };
        if obj.first > a && is_preposition(d.low(obj.first - 1)) {
            return;
        }
        let Some((sub, end)) = self.object_at(Pred::Meet, v + 2, b) else { return };
        let aux = j..v;
        let mood = if (a..v).any(|t| is_negation(d.low(t))) {
            "negated"
        } else if aux.clone().any(|t| is_hypothetical(d.low(t))) {
            "hypothetical"
        } else if aux.clone().any(|t| matches!(d.low(t), "will" | "'ll" | "shall")) {
            "planned"
        } else {
            "asserted"
        };
        let span = self.span(v, end - 1);
        self.push(&sub, pred, &obj, None, si, span, mood, v);
    }

    /// An event noun: "talks between A and B", "A's visit to B", "A held talks with B".
    fn noun(&mut self, si: usize, k: usize, pred: Pred, a: usize, b: usize) {
        let d = self.doc;
        // Mood from the words before the noun phrase: "no talks", "planned visit", "whether ... talks".
        let mut mood = "asserted";
        for t in (a..k).rev().take(12) {
            let low = d.low(t);
            // "refused to pull out and launched an attack": the first clause's words are not the attack's.
            if (low == "and" && t > a && d.ent(t - 1).is_none()) || low == ";" {
                break;
            }
            if matches!(low, "whether" | "if" | "unless") {
                // "declined to say whether ... talks": the doubt is what holds for the talks.
                mood = stronger(mood, "hypothetical");
                break;
            } else if matches!(low, "would" | "could" | "may" | "might") {
                mood = stronger(mood, "hypothetical");
            } else if matches!(low, "no" | "not" | "n't" | "never" | "denied" | "refused" | "declined") {
                mood = stronger(mood, "negated");
            } else if matches!(low, "planned" | "proposed" | "upcoming" | "will" | "to" | "next") && t + 4 >= k {
                mood = stronger(mood, "planned");
            }
        }
        // 0. "sanctions imposed by A on B"
        if k + 3 < b && matches!(d.low(k + 1), "imposed" | "placed") && d.low(k + 2) == "by" {
            if let Some((s, end)) = self.object_at(Pred::Meet, k + 3, b) {
                if end < b && noun_preposition(pred, d.low(end)) {
                    if let Some((o, end2)) = self.object_at(pred, end + 1, b) {
                        let span = self.span(k, end2 - 1);
                        self.push(&s, pred, &o, None, si, span, mood, k);
                        return;
                    }
                }
            }
        }
        // 0b. "the acquisition of B by A", "the bombing of B by A"
        if k + 3 < b && d.low(k + 1) == "of" && matches!(pred, Pred::Acquire | Pred::Merge | Pred::Attack | Pred::Bomb)
        {
            if let Some((o, end)) = self.object_at(pred, k + 2, b) {
                if end + 1 < b && d.low(end) == "by" {
                    if let Some((s, end2)) = self.object_at(Pred::Meet, end + 1, b) {
                        let span = self.span(k, end2 - 1);
                        self.push(&s, pred, &o, None, si, span, mood, k);
                        return;
                    }
                }
            }
        }
        // 1. "between A and B"
        if k + 1 < b && d.low(k + 1) == "between" {
            if let Some((s, end)) = self.object_at(Pred::Meet, k + 2, b) {
                if end < b && d.low(end) == "and" {
                    if let Some((o, end2)) = self.object_at(Pred::Meet, end + 1, b) {
                        let span = self.span(k, end2 - 1);
                        self.push(&s, pred, &o, None, si, span, mood, k);
                        return;
                    }
                }
            }
        }
        let obj_after = |r: &Self| -> Option<(Actor, usize)> {
            if k + 1 < b && noun_preposition(pred, d.low(k + 1)) {
                r.object_at(pred, k + 2, b)
            } else {
                None
            }
        };
        // 2. "A's [planned] visit to B"
        let mut t = k;
        while t > a && t + 3 > k && d.ent(t - 1).is_none() && d.tok(t - 1).chars().all(|c| c.is_lowercase() || c == '-')
        {
            t -= 1;
        }
        if t >= a + 2 && d.is_possessive(t - 1) {
            if let Some(s) = self.actor_ending(t - 2, a) {
                if let Some((o, end)) = obj_after(self) {
                    let span = self.span(s.first, end - 1);
                    self.push(&s, pred, &o, None, si, span, mood, k);
                }
                return;
            }
        }
        // 3. "A held [a round of] talks with B", "A imposed sanctions on B"
        let mut lv = None;
        let mut t = k;
        while t > a && k - t < 5 {
            t -= 1;
            let low = d.low(t);
            // "completed the previously announced acquisition": a light verb after a determiner is an adjective.
            if light_fits(low, pred) && !(t > a && (is_determiner(d.low(t - 1)) || d.low(t - 1) == "previously")) {
                lv = Some(t);
                break;
            }
            if d.ent(t).is_some() || !d.tok(t).chars().all(|c| c.is_lowercase() || c == '-') {
                break;
            }
        }
        let Some(lv) = lv else { return };
        let (subs, m) = self.subjects(si, lv);
        let mood = stronger(mood, m);
        if subs.is_empty() {
            return;
        }
        if let Some(s0) = subs.first() {
            if matches!(pred, Pred::Meet | Pred::Negotiate) {
                self.last_host = Some((s0.name.clone(), si));
            }
        }
        match obj_after(self) {
            Some((o, end)) => {
                let span = self.span(lv, end - 1);
                for s in &subs {
                    self.push(s, pred, &o, None, si, span, mood, k);
                }
            }
            None if subs.len() >= 2 && matches!(pred, Pred::Meet | Pred::Negotiate | Pred::Agree) => {
                let span = self.span(lv, k);
                for o in &subs[1..] {
                    self.push(&subs[0], pred, o, None, si, span, mood, k);
                }
            }
            None => {}
        }
    }

    /// "During the meeting, Li gave Kim a letter": the two met. The host of the meeting named just before
    /// is the subject when they are one of the two.
    fn during_meeting(&mut self, si: usize, a: usize, b: usize, first_event: usize) {
        let d = self.doc;
        let mut found = None;
        for t in a..b.saturating_sub(2) {
            if d.low(t) == "during"
                && matches!(d.low(t + 1), "the" | "their" | "a" | "this" | "that")
                && matches!(d.low(t + 2), "meeting" | "talks" | "summit")
            {
                found = Some((Span::new(d.art.tokens[t].span.start, d.art.tokens[t + 2].span.end), t + 2));
                break;
            }
        }
        let Some((span, at)) = found else { return };
        let host = self.last_host.clone().filter(|(_, hs)| hs + 4 >= si).map(|(h, _)| h);
        let pairs: Vec<(Actor, Actor)> = self.out[first_event..]
            .iter()
            .filter(|e| e.predicate != "meet")
            .map(|e| {
                let mk = |name: &str, country| Actor {
                    name: name.to_string(),
                    country,
                    first: at,
                    last: at,
                    label: Label::Person,
                    owner: false,
                };
                (mk(&e.subject, e.subject_country), mk(&e.object, e.object_country))
            })
            .collect();
        let persons: FxHashSet<&str> =
            d.art.entities.iter().filter(|e| e.label == Label::Person).filter_map(|e| e.canonical.as_deref()).collect();
        let is_person = |name: &str| persons.contains(name);
        for (s, o) in pairs {
            if !is_person(&s.name) || !is_person(&o.name) {
                continue;
            }
            let (s, o) = match &host {
                Some(h) if *h == o.name => (o, s),
                _ => (s, o),
            };
            self.push(&s, Pred::Meet, &o, None, si, span, "asserted", at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quad_classes_follow_the_cameo_roots() {
        assert_eq!(quad_class("040"), 1);
        assert_eq!(quad_class("057"), 1);
        assert_eq!(quad_class("061"), 2);
        assert_eq!(quad_class("070"), 2);
        assert_eq!(quad_class("111"), 3);
        assert_eq!(quad_class("130"), 3);
        assert_eq!(quad_class("163"), 4);
        assert_eq!(quad_class("190"), 4);
    }

    #[test]
    fn every_trigger_has_a_code_with_a_root_in_range() {
        for (_, p, _) in TRIGGERS {
            let root: u8 = p.code()[..2].parse().unwrap();
            assert!((1..=20).contains(&root), "{p:?}");
        }
    }
}
