//! People's names within a story: "Kim" -> "Kim Jong-un", "Shoigu" -> "Sergei Shoigu".
//!
//! A one-word mention links to a fuller name of the story whose family name it is: the LAST word of a
//! Western name, the FIRST word of a family-name-first East Asian name ("Kim Jong-un", "Xi Jinping").
//! When several full names fit, the nearest one mentioned before wins (then the nearest after).
use crate::gazetteer::gazetteer;
use crate::util::hash::FxMap;

/// Common Korean and Chinese family names in their usual romanisations. A name starting with one of
/// these and shaped like an East Asian given name is family-name-first.
const EAST_ASIAN_FAMILY_NAMES: &[&str] = &[
    // Korean
    "kim", "lee", "yi", "ri", "rhee", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang", "cho", "jo",
    "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh", "shin", "sin", "kwon", "hwang", "ahn",
    "an", "song", "yoo", "yu", "hong", "jeon", "jon", "chon", "ko", "go", "moon", "mun", "yang", "son", "bae", "baek",
    "paek", "heo", "nam", "noh", "roh", "ha", "kwak", "sung", "cha", "joo", "ju", "woo", "ryu", "min", "byun", "chae",
    "won", "bang", "kong", "hyun", "hyon", "ham", "yeo", "chu", "choo", "do", "so", "ma", // Chinese
    "wang", "li", "zhang", "liu", "chen", "zhao", "huang", "zhou", "wu", "xu", "sun", "hu", "zhu", "gao", "lin", "he",
    "guo", "luo", "liang", "zheng", "xie", "tang", "feng", "dong", "xiao", "cheng", "cao", "yuan", "deng", "fu",
    "shen", "zeng", "peng", "lu", "su", "jiang", "cai", "jia", "ding", "wei", "xue", "ye", "yan", "pan", "du", "dai",
    "xia", "zhong", "tian", "ren", "fan", "fang", "shi", "yao", "tan", "liao", "zou", "xiong", "jin", "qin", "qian",
    "wen", "xi", "bo", "qi", "meng", "kong", "mao", "lai", "hou", "kang", "yin", "bai", "duan", "lei", "hao", "long",
    "wan", "gu", "mo", "geng", "cui",
];

fn is_east_asian_family(word: &str) -> bool {
    use crate::gazetteer::with_lower;
    use rustc_hash::FxHashMap;
    // The set and its longest name: longer words are no family name, without lower-casing them.
    static SET: std::sync::OnceLock<(FxHashMap<&'static str, ()>, usize)> = std::sync::OnceLock::new();
    let (set, longest) = SET.get_or_init(|| {
        let longest = EAST_ASIAN_FAMILY_NAMES.iter().map(|n| n.len()).max().unwrap_or(0);
        (EAST_ASIAN_FAMILY_NAMES.iter().map(|n| (*n, ())).collect(), longest)
    });
    // Lower-casing keeps the length of ASCII words; others go to the set as they are lower-cased.
    (word.len() <= *longest || !word.is_ascii()) && with_lower(word, |k| set.contains_key(k))
}

/// A person's name split into words, honorifics and leading title words dropped. The words are a range
/// of a list shared by the story's names (one allocation for all of them).
#[derive(Debug, Clone, Copy)]
struct Name {
    /// `words[start..end]` of the shared list.
    start: u32,
    end: u32,
    /// Family name first ("Kim Jong-un", "Xi Jinping").
    family_first: bool,
}

/// Suffixes that are not a family name ("Jr.", "III").
fn is_suffix(w: &str) -> bool {
    matches!(w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

impl Name {
    /// Parses `text`, appending its words to `all`.
    fn parse<'a>(text: &'a str, all: &mut Vec<&'a str>) -> Name {
        let g = gazetteer();
        let first = all.len();
        all.extend(text.split_whitespace());
        // "President Putin" tagged as one PERSON: the name starts after the title words.
        let mut start = first;
        while all.len() - start > 1 {
            let tw = crate::gazetteer::with_lower(all[start], |k| g.title_word(k));
            if tw.head || tw.modifier || tw.honorific {
                start += 1;
            } else {
                break;
            }
        }
        let words = &all[start..];
        let family_first = (2..=3).contains(&words.len())
            && {
                // Given names: "Jong-un", "Yo-jong" (hyphenated), or one pinyin word "Jinping", or two
                // Korean syllables "Jong Un".
                let given = &words[1..];
                given.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
                    && (given.len() == 1 || given.iter().all(|w| w.len() <= 4))
            }
            && is_east_asian_family(words[0]);
        Name { start: start as u32, end: all.len() as u32, family_first }
    }
    fn words<'w, 'a>(&self, all: &'w [&'a str]) -> &'w [&'a str] {
        &all[self.start as usize..self.end as usize]
    }
}

/// Appends the spelling-insensitive key of `words` to `k`: "Kim Jong Un" and "Kim Jong-un" match.
fn push_key(words: &[&str], k: &mut String) {
    for w in words {
        if w.is_ascii() {
            // The same on ASCII, byte by byte.
            k.extend(w.bytes().filter(u8::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase() as char));
        } else {
            for c in w.chars().filter(|c| c.is_alphanumeric()) {
                k.extend(c.to_lowercase());
            }
        }
    }
}

/// Links each PERSON mention to the fullest name it stands for. `mentions` are (entity index, text) in
/// story order; returns the canonical name of each, in the same order.
pub(crate) fn canonical_names(mentions: &[(usize, &str)]) -> Vec<String> {
    if mentions.is_empty() {
        return Vec::new();
    }
    let mut all: Vec<&str> = Vec::with_capacity(mentions.len() * 3);
    let names: Vec<Name> = mentions.iter().map(|&(_, t)| Name::parse(t, &mut all)).collect();
    let len = |i: usize| (names[i].end - names[i].start) as usize;
    // Keys are interned: `key[i]` numbers the distinct keys in order of first mention, so mentions of
    // one name compare as integers.
    let mut ids: FxMap<String, usize> = FxMap::default();
    let mut buf = String::new();
    let mut key: Vec<usize> = Vec::with_capacity(mentions.len());
    for n in &names {
        buf.clear();
        push_key(n.words(&all), &mut buf);
        let next = ids.len();
        key.push(*ids.entry(std::mem::take(&mut buf)).or_insert(next));
    }
    let nkeys = ids.len();
    drop(ids);
    // First mention of each key.
    let mut first: Vec<usize> = vec![usize::MAX; nkeys];
    for (i, &k) in key.iter().enumerate() {
        if first[k] == usize::MAX {
            first[k] = i;
        }
    }
    // Full names: two words or more. The longest spelling of each key is its canonical form (the first
    // of that length).
    const NONE: usize = usize::MAX;
    let mut full_of: Vec<usize> = vec![NONE; nkeys];
    for i in 0..names.len() {
        if len(i) < 2 {
            continue;
        }
        let j = &mut full_of[key[i]];
        if *j == NONE || len(i) > len(*j) {
            *j = i;
        }
    }
    // The one-word mentions a full name answers to: its family name (the first word of a family-name-first
    // name) or its last word (suffixes skipped; also for family-name-first names, so a Western "Lee
    // Smith" answers to "Smith"). Indexed by that word ASCII lower-cased, so a one-word mention looks
    // only at the names answering to it.
    let low = |w: &str| w.to_ascii_lowercase();
    let answers = |j: usize| -> [Option<String>; 2] {
        let words = names[j].words(&all);
        let last = words.iter().rev().find(|x| !is_suffix(x)).map(|w| low(w));
        let fam = names[j].family_first.then(|| low(words[0])).filter(|f| Some(f) != last.as_ref());
        [fam, last]
    };
    /// Per answering word: the name (a `full_of` value) last mentioned so far, and the name whose first
    /// mention comes earliest.
    #[derive(Clone, Copy)]
    struct ByWord {
        recent: Option<usize>,
        earliest: usize,
    }
    let mut by_word: FxMap<String, ByWord> = FxMap::default();
    for &j in full_of.iter().filter(|&&j| j != NONE) {
        for w in answers(j).into_iter().flatten() {
            let e = by_word.entry(w).or_insert(ByWord { recent: None, earliest: j });
            if first[key[j]] < first[key[e.earliest]] {
                e.earliest = j;
            }
        }
    }
    let display = |i: usize| names[i].words(&all).join(" ");
    let mut out = Vec::with_capacity(mentions.len());
    for (i, n) in names.iter().enumerate() {
        if len(i) == 0 {
            out.push(mentions[i].1.to_string());
        } else if len(i) >= 2 {
            // A longer full name that contains this one ("Jong-un" in "Kim Jong-un") is rare; keep as is.
            out.push(display(full_of[key[i]]));
        } else {
            // The full name mentioned last before this mention, else the one first mentioned after it.
            let w = n.words(&all)[0];
            out.push(match by_word.get(&low(w)) {
                Some(b) => display(b.recent.unwrap_or(b.earliest)),
                None => w.to_string(),
            });
        }
        // This mention now counts as the last of its name for the words that name answers to.
        let j = full_of[key[i]];
        if j != NONE {
            for w in answers(j).into_iter().flatten() {
                if let Some(b) = by_word.get_mut(&w) {
                    b.recent = Some(j);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The story-wide comparison of every mention with every name that the indexed version replaces: the
    /// two must agree on every list of names.
    fn reference(mentions: &[(usize, &str)]) -> Vec<String> {
        if mentions.is_empty() {
            return Vec::new();
        }
        let mut all: Vec<&str> = Vec::with_capacity(mentions.len() * 3);
        let names: Vec<Name> = mentions.iter().map(|&(_, t)| Name::parse(t, &mut all)).collect();
        let len = |i: usize| (names[i].end - names[i].start) as usize;
        // Keys are interned: `key[i]` numbers the distinct keys in order of first mention, so mentions of
        // one name compare as integers. The key texts sit in one buffer.
        let mut buf = String::with_capacity(mentions.len() * 16);
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut key: Vec<usize> = Vec::with_capacity(mentions.len());
        for n in &names {
            let start = buf.len();
            push_key(n.words(&all), &mut buf);
            let k = match spans.iter().position(|&(a, b)| buf[a..b] == buf[start..]) {
                Some(k) => {
                    buf.truncate(start);
                    k
                }
                None => {
                    spans.push((start, buf.len()));
                    spans.len() - 1
                }
            };
            key.push(k);
        }
        // First mention of each key.
        let mut first: Vec<usize> = vec![usize::MAX; spans.len()];
        for (i, &k) in key.iter().enumerate() {
            if first[k] == usize::MAX {
                first[k] = i;
            }
        }
        // Full names: two words or more. The longest spelling of each key is its canonical form; `full`
        // lists them in order of their key's first full mention.
        let mut full: Vec<usize> = Vec::new();
        for i in 0..names.len() {
            if len(i) < 2 {
                continue;
            }
            match full.iter_mut().find(|j| key[**j] == key[i]) {
                Some(j) => {
                    if len(i) > len(*j) {
                        *j = i;
                    }
                }
                None => full.push(i),
            }
        }
        let display = |i: usize| names[i].words(&all).join(" ");
        // Position (entity index) of the last mention of `j`'s name before mention `i`.
        let last_before =
            |j: usize, i: usize| (0..i).rev().find(|&m| key[m] == key[j]).map(|m| mentions[m].0).unwrap_or(0);
        let mut out = Vec::with_capacity(mentions.len());
        for (i, n) in names.iter().enumerate() {
            if len(i) == 0 {
                out.push(mentions[i].1.to_string());
                continue;
            }
            if len(i) >= 2 {
                let j = full.iter().copied().find(|&j| key[j] == key[i]).unwrap_or(i);
                // A longer full name that contains this one ("Jong-un" in "Kim Jong-un") is rare; keep as is.
                out.push(display(j));
                continue;
            }
            let w = n.words(&all)[0];
            let pos = mentions[i].0;
            // Nearest full name mentioned before, else nearest after.
            let mut best: Option<usize> = None;
            for &j in &full {
                if !answers_to(&names[j], &all, w) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some(b) => {
                        let (pj, pb) = (mentions[first[key[j]]].0, mentions[first[key[b]]].0);
                        match (pj < pos, pb < pos) {
                            (true, false) => true,
                            (false, true) => false,
                            (true, true) => last_before(j, i) > last_before(b, i),
                            (false, false) => pj < pb,
                        }
                    }
                };
                if better {
                    best = Some(j);
                }
            }
            out.push(match best {
                Some(j) => display(j),
                None => w.to_string(),
            });
        }
        out
    }

    fn answers_to(name: &Name, all: &[&str], w: &str) -> bool {
        let words = name.words(all);
        if words.len() < 2 {
            return false;
        }
        if name.family_first && words[0].eq_ignore_ascii_case(w) {
            return true;
        }
        words.iter().rev().find(|x| !is_suffix(x)).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    #[test]
    fn indexed_linking_agrees_with_comparing_every_pair() {
        // Names drawn from a small pool of words, so many share family names, keys and spellings.
        let words = ["Kim", "Jong-un", "Jong", "Un", "Lee", "Smith", "Park", "Jr.", "Xi", "Jinping", "smith", "Ann"];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..300 {
            let texts: Vec<String> = (0..next(40))
                .map(|_| (0..1 + next(3)).map(|_| words[next(words.len())]).collect::<Vec<_>>().join(" "))
                .collect();
            let mut pos = 0;
            let mentions: Vec<(usize, &str)> = texts
                .iter()
                .map(|t| {
                    pos += 1 + next(3);
                    (pos, t.as_str())
                })
                .collect();
            assert_eq!(canonical_names(&mentions), reference(&mentions), "{texts:?}");
        }
    }

    fn canon(ms: &[&str]) -> Vec<String> {
        let v: Vec<(usize, &str)> = ms.iter().enumerate().map(|(i, s)| (i, *s)).collect();
        canonical_names(&v)
    }
    #[test]
    fn family_name_first_and_last() {
        assert_eq!(
            canon(&["Kim Jong-un", "Sergei Shoigu", "Kim", "Shoigu", "Li Hongzhong", "Li", "Xi Jinping", "Xi"]),
            [
                "Kim Jong-un",
                "Sergei Shoigu",
                "Kim Jong-un",
                "Sergei Shoigu",
                "Li Hongzhong",
                "Li Hongzhong",
                "Xi Jinping",
                "Xi Jinping"
            ]
        );
    }
    #[test]
    fn western_first_name_does_not_link() {
        // "Sergei" is a given name: a one-word mention links by family name only.
        assert_eq!(canon(&["Sergei Shoigu", "Sergei"]), ["Sergei Shoigu", "Sergei"]);
        // Jim Kim is a Western-order name: "Kim" is his family name by its last word too.
        assert_eq!(canon(&["Jim Yong Kim", "Kim"]), ["Jim Yong Kim", "Jim Yong Kim"]);
        assert_eq!(canon(&["Lee Smith", "Smith"]), ["Lee Smith", "Lee Smith"]);
    }
    #[test]
    fn nearest_previous_namesake_wins() {
        assert_eq!(
            canon(&["Kim Jong-un", "Kim Yo-jong", "Kim", "Kim Jong-un", "Kim"]),
            ["Kim Jong-un", "Kim Yo-jong", "Kim Yo-jong", "Kim Jong-un", "Kim Jong-un"]
        );
    }
    #[test]
    fn spelling_variants_and_titles() {
        assert_eq!(canon(&["Kim Jong Un", "Kim Jong-un", "Kim"])[2], "Kim Jong Un");
        assert_eq!(canon(&["President Vladimir Putin", "Putin"]), ["Vladimir Putin", "Vladimir Putin"]);
        assert_eq!(canon(&["Unknown"]), ["Unknown"]);
    }
}
