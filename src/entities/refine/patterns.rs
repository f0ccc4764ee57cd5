//! Label fixes that look at a whole mention and its neighbours rather than its head word: agency
//! names, runs of capitalised words before an organisation's head, events with a year.
use super::{
    code_like, lower_in, trim_end, word, HashSet, Words, AGENCIES, CALENDAR_AND_ORDINALS, EVENT_HEADS, PRODUCT_NOUNS,
};
use crate::types::*;
use crate::util::legal_forms::is_legal_form;
use std::sync::OnceLock;

/// Last words of organisation names.
pub(super) static ORG_HEADS: Words = Words::new(&[
    "agency",
    "party",
    "ministry",
    "committee",
    "commission",
    "council",
    "bank",
    "corp",
    "inc",
    "ltd",
    "corporation",
    "company",
    "association",
    "federation",
    "union",
    "university",
    "institute",
    "army",
    "navy",
    "authority",
    "organization",
    "organisation",
    "front",
    "command",
    "movement",
    "society",
    "alliance",
    // "party" in the languages whose parties keep their own names in English text ("Refah
    // Partisi", "Sozialdemokratische Partei")
    "partei",
    "partisi",
    "partiet",
    "partij",
    "partia",
]);
/// "Party" in the languages that put it first ("Partido Liberal de Honduras", "Parti Populaire",
/// "Stranka Demokratske Akcije", "Lega Nord", "Bloc Quebecois"): it opens the name.
static PARTY_OPENERS: Words = Words::new(&[
    "partido", "parti", "partito", "partidul", "partia", "partij", "partiya", "partai", "stranka", "strana", "bloc",
    "frente", "lega",
]);
/// Lower-case words inside such names ("de", "dos", "della").
const NAME_PARTICLES: [&str; 18] = [
    "de", "del", "della", "delle", "dei", "di", "do", "da", "dos", "das", "du", "des", "la", "le", "los", "las", "y",
    "e",
];
/// Words that open a capitalised run without being part of the name ("The", "In").
static RUN_OPENERS: Words = Words::new(&[
    "the", "a", "an", "in", "on", "at", "for", "by", "of", "and", "but", "this", "that", "with", "from", "to", "as",
    "its", "his", "her", "their", "when", "while", "after", "before",
]);

/// The wire agencies, and the first bytes and lengths (under 64) they have: most tokens are
/// turned away by those two bit tests before any hashing (the check runs on every token).
struct Agencies {
    set: HashSet<&'static str>,
    first: [u64; 4],
    lens: u64,
}

impl Agencies {
    fn contains(&self, w: &str) -> bool {
        let (Some(&b), n) = (w.as_bytes().first(), w.len()) else { return self.set.contains(w) };
        self.first[b as usize / 64] >> (b % 64) & 1 != 0 && (n >= 64 || self.lens >> n & 1 != 0) && self.set.contains(w)
    }
}

fn agencies() -> &'static Agencies {
    static A: OnceLock<Agencies> = OnceLock::new();
    A.get_or_init(|| {
        let set: HashSet<&'static str> =
            AGENCIES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let mut a = Agencies { set, first: [0; 4], lens: 0 };
        for w in &a.set {
            let b = w.as_bytes()[0];
            a.first[b as usize / 64] |= 1 << (b % 64);
            if w.len() < 64 {
                a.lens |= 1 << w.len();
            }
        }
        a
    })
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// "People", "Workers", "Women": a group of people, whose possessive can stand inside a party's
/// name ("People 's Party"); "North 's" or "Britain 's" opens another name.
fn group_of_people(w: &str) -> bool {
    let l = w.to_lowercase();
    super::common_word(w) && (l.ends_with('s') || matches!(l.as_str(), "people" | "women" | "men" | "children"))
}

/// "Minneapolis-based", "St. Louis-based": a modifier before a name, not part of it.
fn based(w: &str) -> bool {
    w.ends_with("-based")
}

/// "Exhibition-2023": an event word with a year.
fn event_year(w: &str) -> bool {
    w.rsplit_once('-')
        .is_some_and(|(h, y)| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) && lower_in(h, &EVENT_HEADS))
}

/// Name patterns the tagger misses, applied over its output (sorted, non-overlapping):
/// wire agencies are organisations; a capitalised run ending in an organisation word ("Korean
/// Central News Agency", "Chinese Communist Party") or in "Today" ("USA Today") is an ORG; one ending in an event word with a
/// year ("Weaponry Exhibition-2023") an EVENT; a capitalised run right after a product noun
/// ("surveillance aircraft Global Hawk") a PRODUCT, and so is a model name right before one
/// ("Hwasong-18 ICBM"). A pattern replaces the tagger's entities it
/// overlaps unless one of them is a place (GPE/LOC) of exactly the same span.
pub fn apply_patterns(art: &Article, ents: &mut Vec<Entity>) {
    let mut add: Vec<Entity> = Vec::new();
    for (si, s) in art.sentences.iter().enumerate() {
        let all_caps = (s.token_start..s.token_end).all(|i| !word(art, i).chars().any(|c| c.is_lowercase()));
        if all_caps {
            continue;
        }
        let mut i = s.token_start;
        while i < s.token_end {
            let w = word(art, i);
            if agencies().contains(w) {
                add.push(Entity::new(art.tokens[i].span, Label::Org, si, i, i + 1));
            }
            if !capitalised(w) {
                i += 1;
                continue;
            }
            // a model name right before the kind of thing it names ("a Hwasong-18 ICBM", "F-16 jets")
            if code_like(w) && i + 1 < s.token_end && lower_in(word(art, i + 1), &PRODUCT_NOUNS) {
                add.push(Entity::new(art.tokens[i].span, Label::Product, si, i, i + 1));
                i += 1;
                continue;
            }
            // "Minneapolis-based" describes the name that follows; a month before a name dates it
            // ("the August National Association of ..."; "May" names companies too)
            if lower_in(w, &RUN_OPENERS) || based(w) || w != "May" && crate::util::calendar::month_of_word(w).is_some()
            {
                i += 1;
                continue;
            }
            let broken = |k: usize| art.text[art.tokens[k - 1].span.end..art.tokens[k].span.start].contains('\n');
            let mut j = i + 1;
            while j < s.token_end && !broken(j) {
                // "People 's Party": a possessive of a common noun inside the name (a place's or a
                // person's, "Britain 's Labour Party", opens another name)
                let possessive = word(art, j) == "'s"
                    && j + 1 < s.token_end
                    && capitalised(word(art, j + 1))
                    && group_of_people(word(art, j - 1))
                    && !broken(j + 1);
                if !capitalised(word(art, j)) && !possessive || based(word(art, j)) {
                    break;
                }
                j += 1;
            }
            let mut found = None;
            for end in (i + 1..=j).rev() {
                let last = word(art, end - 1);
                // "USA Today", "VOA Today": a capitalised "Today" ending a name is a title, not a date
                if end - i >= 2 && (lower_in(last, &ORG_HEADS) || last == "Today") {
                    found = Some((end, Label::Org));
                    break;
                }
                if event_year(last) {
                    found = Some((end, Label::Event));
                    break;
                }
            }
            // "Council" + "on Foreign Relations", "Education Commission" + "of the States"
            let head_alone = j == i + 1 && lower_in(w, &ORG_HEADS);
            if found == Some((j, Label::Org)) || found.is_none() && head_alone {
                // at most two tails: "Union of Democrats for Europe"
                if let Some(k) = of_tail(art, ents, s.token_end, j) {
                    found = Some((of_tail(art, ents, s.token_end, k).unwrap_or(k), Label::Org));
                }
            }
            if found.is_none() && lower_in(w, &PARTY_OPENERS) {
                let (mut k, mut last) = (i + 1, i);
                while k < s.token_end && !broken(k) {
                    let x = word(art, k);
                    if capitalised(x) && !lower_in(x, &RUN_OPENERS) {
                        last = k;
                    } else if !(NAME_PARTICLES.contains(&x) && k + 1 < s.token_end && capitalised(word(art, k + 1))) {
                        break;
                    }
                    k += 1;
                }
                if last > i {
                    found = Some((last + 1, Label::Org));
                    j = j.max(last + 1);
                }
            }
            if found.is_none() && i > s.token_start && lower_in(word(art, i - 1), &PRODUCT_NOUNS) {
                found = Some((j.min(i + 3), Label::Product));
            }
            if let Some((end, label)) = found {
                let span = Span::new(art.tokens[i].span.start, trim_end(art, i, end));
                add.push(Entity::new(span, label, si, i, end));
                i = j.max(end);
                continue;
            }
            i = j;
        }
    }
    if add.is_empty() {
        return;
    }
    // `ents` is sorted by start and its spans do not overlap, and the pattern spans come in text
    // order without overlapping one another: each decision reads only the tagger's entities under
    // it, found by binary search, and the list is rebuilt once (a story of many megabytes repeats
    // a pattern many thousands of times).
    let mut removed = vec![false; ents.len()];
    let mut kept_adds = Vec::new();
    for p in add {
        let agency = p.token_end - p.token_start == 1 && agencies().contains(art.slice(p.span));
        let hi = ents.partition_point(|e| e.span.start < p.span.end);
        let mut lo = hi;
        while lo > 0 && ents[lo - 1].span.overlaps(p.span) {
            lo -= 1;
        }
        let overlapping = &ents[lo..hi];
        let place_same =
            overlapping.iter().any(|e| e.span == p.span && matches!(e.label, Label::Gpe | Label::Loc | Label::Fac));
        let inside_larger = overlapping.iter().any(|e| e.span.contains(p.span) && e.span != p.span);
        // The tagger's longer organisation ("National Bank of Poland", "Bear Stearns & Co Inc")
        // holds the pattern's run; a run the tagger split into a "-based" modifier and an
        // organisation ("Minneapolis-based" + "First Bank System Inc.") or into a modifier and a
        // place ending with it ("Jewish" + "West Bank") is left as tagged ("Chinese" + "Communist
        // Party" is not: the pattern makes it one ORG).
        // ... unless the tagger only ran the name on into the next capitalised word, with no
        // connecting word ("Chinese Communist Party" + "Politburo")
        let run_on = |e: &Entity| {
            e.span.start == p.span.start
                && e.token_end > p.token_end
                && (p.token_end..e.token_end)
                    .all(|k| capitalised(word(art, k)) && !lower_in(word(art, k), &RUN_OPENERS))
        };
        let inside_org = inside_larger
            && overlapping
                .iter()
                .any(|e| e.span.contains(p.span) && e.label == Label::Org && !(p.label == Label::Org && run_on(e)));
        let split_before = p.label == Label::Org
            && overlapping.len() >= 2
            && overlapping[0].span.start == p.span.start
            && matches!(overlapping[0].label, Label::Norp | Label::Misc | Label::Gpe)
            && overlapping.last().is_some_and(|e| {
                e.span.end == p.span.end
                    && (matches!(e.label, Label::Gpe | Label::Loc | Label::Fac)
                        || e.label == Label::Org && art.slice(overlapping[0].span).ends_with("-based"))
            });
        if !agency && (place_same || inside_org || split_before)
            || (inside_larger && p.label == Label::Org && p.token_end - p.token_start == 1)
        {
            continue;
        }
        removed[lo..hi].iter_mut().for_each(|r| *r = true);
        kept_adds.push(p);
    }
    let mut flags = removed.into_iter();
    ents.retain(|_| !flags.next().unwrap_or(false));
    ents.extend(kept_adds);
    ents.sort_by_key(|e| (e.span.start, e.span.end));
}

/// The end of an organisation's name that goes on after its organisation word with "of", "for"
/// or "on" (and "the") and capitalised words: "Council on Foreign Relations", "Union of
/// Democrats for Europe", "Bank of England". The tail holds no person the tagger found ("Party
/// of Nenad Popovic" is a party and its leader) and no calendar word ("Commission on Monday",
/// "Council on Aug. 2");
/// a company's legal suffix ends its name.
fn of_tail(art: &Article, ents: &[Entity], sent_end: usize, j: usize) -> Option<usize> {
    if j >= sent_end || !matches!(word(art, j), "of" | "for" | "on") {
        return None;
    }
    // "Kia Motor Corp of South Korea": a legal suffix ends the name; what follows describes it
    if is_legal_form(word(art, j - 1)) {
        return None;
    }
    let mut k = j + 1;
    if k < sent_end && word(art, k) == "the" {
        k += 1;
    }
    let start = k;
    while k < sent_end
        && capitalised(word(art, k))
        && !lower_in(word(art, k), &CALENDAR_AND_ORDINALS)
        && crate::util::calendar::month_of_word(word(art, k)).is_none()
        && !lower_in(word(art, k), &RUN_OPENERS)
        && !art.text[art.tokens[k - 1].span.end..art.tokens[k].span.start].contains('\n')
    {
        k += 1;
    }
    if k == start {
        return None;
    }
    let (a, b) = (art.tokens[start].span.start, art.tokens[k - 1].span.end);
    // `ents` is sorted and free of overlaps: the first one ending after `a` is the only candidate
    // to start before it
    let first = ents.partition_point(|e| e.span.end <= a);
    let person = ents[first..].iter().take_while(|e| e.span.start < b).any(|e| e.label == Label::Person);
    (!person).then_some(k)
}

/// Words that end sports and other event names ("Hong Kong Open", "BellSouth Classic").
static EVENT_ENDS: Words =
    Words::new(&["open", "classic", "masters", "cup", "championship", "championships", "trophy", "prix"]);

/// Event names the tagger cut or mislabelled: a place followed by a capitalised event word is
/// one event ("Hong Kong" + "Open"); a name of several words ending in one is an event, not an
/// organisation or person ("BellSouth Classic"). A year before it stays out ("1998 World Cup" is
/// a date and an event, as CoNLL marks it). `ents` stays sorted and free of overlaps.
pub fn fix_events(art: &Article, ents: &mut [Entity]) {
    let taken = |ents: &[Entity], t: usize| ents.iter().any(|e| e.token_start <= t && t < e.token_end);
    for k in 0..ents.len() {
        let e = &ents[k];
        let (ts, te) = (e.token_start, e.token_end);
        let sent = art.sentences.get(e.sentence).map_or(art.tokens.len(), |s| s.token_end);
        if matches!(e.label, Label::Gpe | Label::Loc)
            && te < sent
            && capitalised(word(art, te))
            && lower_in(word(art, te), &EVENT_ENDS)
            && !art.text[e.span.end..art.tokens[te].span.start].contains('\n')
            && !taken(ents, te)
        {
            let end = art.tokens[te].span.end;
            let ent = &mut ents[k];
            ent.span = Span::new(ent.span.start, end);
            ent.token_end = te + 1;
            ent.label = Label::Event;
        } else if matches!(e.label, Label::Org | Label::Person)
            && te - ts >= 2
            && lower_in(word(art, te - 1), &EVENT_ENDS)
        {
            ents[k].label = Label::Event;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `refine::tests::art` with the words as one body sentence.
    fn article(words: &[&str]) -> Article {
        let mut a = crate::entities::refine::tests::art(words);
        a.sentences.push(Sentence {
            span: Span::new(0, a.text.len()),
            token_start: 0,
            token_end: a.tokens.len(),
            section: Section::Body(0),
        });
        a
    }

    fn texts(a: &Article, e: &[Entity]) -> Vec<(String, Label)> {
        e.iter().map(|e| (a.slice(e.span).to_string(), e.label)).collect()
    }

    #[test]
    fn patterns_add_and_replace() {
        let a = article(&[
            "The",
            "Korean",
            "Central",
            "News",
            "Agency",
            "said",
            "(",
            "Yonhap",
            ")",
            "the",
            "aircraft",
            "Global",
            "Hawk",
            "flew",
            "over",
            "the",
            "West",
            "Bank",
            "at",
            "the",
            "Weaponry",
            "Exhibition-2023",
            ".",
        ]);
        // the tagger's (wrong) partial entity and a place
        let mut ents = vec![
            Entity::new(Span::new(4, 23), Label::Misc, 0, 1, 4),
            Entity::new(Span::new(0, 0), Label::Loc, 0, 16, 18),
        ];
        ents[1].span = Span::new(a.tokens[16].span.start, a.tokens[17].span.end);
        apply_patterns(&a, &mut ents);
        let got = texts(&a, &ents);
        assert!(got.contains(&("Korean Central News Agency".into(), Label::Org)), "{got:?}");
        assert!(got.contains(&("Yonhap".into(), Label::Org)), "{got:?}");
        assert!(got.contains(&("Global Hawk".into(), Label::Product)), "{got:?}");
        assert!(got.contains(&("West Bank".into(), Label::Loc)), "{got:?}");
        assert!(got.contains(&("Weaponry Exhibition-2023".into(), Label::Event)), "{got:?}");
        assert!(!got.iter().any(|g| g.0.starts_with("The")), "{got:?}");
        for w in ents.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
    }

    #[test]
    fn org_run_on_into_the_next_word_is_cut_back() {
        let a =
            article(&["the", "Chinese", "Communist", "Party", "Politburo", "and", "National", "Bank", "of", "Poland"]);
        let sp = |s: usize, e: usize| Span::new(a.tokens[s].span.start, a.tokens[e - 1].span.end);
        let mut ents = vec![Entity::new(sp(1, 5), Label::Org, 0, 1, 5), Entity::new(sp(6, 10), Label::Org, 0, 6, 10)];
        apply_patterns(&a, &mut ents);
        let got = texts(&a, &ents);
        assert_eq!(
            got,
            vec![
                ("Chinese Communist Party".to_string(), Label::Org),
                ("National Bank of Poland".to_string(), Label::Org)
            ]
        );
    }

    #[test]
    fn organisation_names_go_on_after_of_for_and_on() {
        let a = article(&[
            "the",
            "Council",
            "on",
            "Trade",
            "Routes",
            "met",
            "the",
            "Farm",
            "Commission",
            "of",
            "the",
            "Provinces",
            "and",
            "the",
            "Union",
            "of",
            "Growers",
            "for",
            "Tomorrow",
            "but",
            "not",
            "the",
            "Rural",
            "Party",
            "of",
            "Marta",
            "Lind",
            ",",
            "the",
            "Trade",
            "Commission",
            "on",
            "Monday",
            "or",
            "Brightwater",
            "Corp",
            "of",
            "Norway",
            "and",
            "the",
            "Grain",
            "Council",
            "on",
            "Aug.",
            "2",
            ".",
        ]);
        let sp = |s: usize, e: usize| Span::new(a.tokens[s].span.start, a.tokens[e - 1].span.end);
        // the tagger found the person, the place and a cut-off piece of the first name
        let mut ents = vec![
            Entity::new(sp(1, 2), Label::Misc, 0, 1, 2),
            Entity::new(sp(25, 27), Label::Person, 0, 25, 27),
            Entity::new(sp(37, 38), Label::Gpe, 0, 37, 38),
        ];
        apply_patterns(&a, &mut ents);
        let got: Vec<String> = texts(&a, &ents).into_iter().filter(|e| e.1 == Label::Org).map(|e| e.0).collect();
        assert_eq!(
            got,
            [
                "Council on Trade Routes",
                "Farm Commission of the Provinces",
                "Union of Growers for Tomorrow",
                "Rural Party",
                "Trade Commission",
                "Brightwater Corp",
                "Grain Council"
            ]
        );
        assert!(texts(&a, &ents).contains(&("Marta Lind".into(), Label::Person)));
        assert!(texts(&a, &ents).contains(&("Norway".into(), Label::Gpe)));
    }

    #[test]
    fn model_name_before_a_product_noun() {
        let a = article(&["firing", "a", "Hwasong-18", "ICBM", "and", "COVID-19", "tests", "by", "Su-57", "pilots"]);
        let mut ents = Vec::new();
        apply_patterns(&a, &mut ents);
        let got = texts(&a, &ents);
        assert_eq!(got, vec![("Hwasong-18".to_string(), Label::Product)]);
        // and a title ending in "Today" is a name, which keeps the date rules off it
        let a = article(&["This", "is", "VOA", "Today", ".", "Today", "it", "rained"]);
        let mut ents = Vec::new();
        apply_patterns(&a, &mut ents);
        assert_eq!(texts(&a, &ents), vec![("VOA Today".to_string(), Label::Org)]);
    }

    #[test]
    fn event_names_completed() {
        let a = article(&[
            "the", "Hong", "Kong", "Open", "and", "the", "1998", "World", "Cup", "at", "the", "Ace", "Classic", "in",
            "Oslo", "Open",
        ]);
        let sp = |s: usize, e: usize| Span::new(a.tokens[s].span.start, a.tokens[e - 1].span.end);
        let mut ents = vec![
            Entity::new(sp(1, 3), Label::Gpe, 0, 1, 3),
            Entity::new(sp(7, 9), Label::Event, 0, 7, 9),
            Entity::new(sp(11, 13), Label::Org, 0, 11, 13),
            Entity::new(sp(14, 15), Label::Gpe, 0, 14, 15),
            Entity::new(sp(15, 16), Label::Org, 0, 15, 16),
        ];
        fix_events(&a, &mut ents);
        let got = texts(&a, &ents);
        assert_eq!(got[0], ("Hong Kong Open".into(), Label::Event));
        assert_eq!(got[1], ("World Cup".into(), Label::Event));
        assert_eq!(got[2], ("Ace Classic".into(), Label::Event));
        // the next word already belongs to an entity: left alone
        assert_eq!(got[3], ("Oslo".into(), Label::Gpe));
        assert_eq!(got[4], ("Open".into(), Label::Org));
    }

    #[test]
    fn party_names_of_other_languages_and_possessives() {
        let a = article(&[
            "the", "Partido", "Verde", "de", "Maravia", "and", "the", "Parti", "Rural", "lost", "to", "the", "Ostland",
            "People", "'s", "Party", "not", "Britain", "'s", "Green", "Party", "nor", "North", "'s", "News", "Agency",
            ".",
        ]);
        let mut ents = Vec::new();
        apply_patterns(&a, &mut ents);
        let got: Vec<String> = texts(&a, &ents).into_iter().filter(|e| e.1 == Label::Org).map(|e| e.0).collect();
        assert_eq!(
            got,
            ["Partido Verde de Maravia", "Parti Rural", "Ostland People 's Party", "Green Party", "News Agency"]
        );
    }

    #[test]
    fn based_modifiers_and_months_stay_out_of_names() {
        let a = article(&[
            "the",
            "Oslo-based",
            "Fjord",
            "Savings",
            "Bank",
            "and",
            "the",
            "August",
            "National",
            "Association",
            "of",
            "Grain",
            "Buyers",
            "figures",
        ]);
        let mut ents = Vec::new();
        apply_patterns(&a, &mut ents);
        let got: Vec<String> = texts(&a, &ents).into_iter().filter(|e| e.1 == Label::Org).map(|e| e.0).collect();
        assert_eq!(got, ["Fjord Savings Bank", "National Association of Grain Buyers"]);
    }

    #[test]
    fn no_pattern_in_plain_or_all_caps_text() {
        let a = article(&["Shares", "of", "the", "bank", "rose", "."]);
        let mut ents = Vec::new();
        apply_patterns(&a, &mut ents);
        assert!(ents.is_empty());
        let b = article(&["NATIONAL", "BANK", "SAYS", "PARTY", "OVER"]);
        apply_patterns(&b, &mut ents);
        assert!(ents.is_empty());
    }
}
