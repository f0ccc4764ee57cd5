//! People's names within a story: "Kim" -> "Kim Jong-un", "Shoigu" -> "Sergei Shoigu".
//!
//! A one-word mention links to a fuller name of the story whose family name it is: the LAST word of a
//! Western name, the FIRST word of a family-name-first East Asian name ("Kim Jong-un", "Xi Jinping").
//! When several full names fit, the nearest one mentioned before wins (then the nearest after).
use crate::gazetteer::gazetteer;

/// Common Korean and Chinese family names in their usual romanisations. A name starting with one of
/// these and shaped like an East Asian given name is family-name-first.
const EAST_ASIAN_FAMILY_NAMES: &[&str] = &[
    // Korean
    "kim", "lee", "yi", "ri", "rhee", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang", "cho", "jo",
    "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh", "shin", "sin", "kwon", "hwang", "ahn",
    "an", "song", "yoo", "yu", "hong", "jeon", "jon", "chon", "ko", "go", "moon", "mun", "yang", "son", "bae",
    "baek", "paek", "heo", "nam", "noh", "roh", "ha", "kwak", "sung", "cha", "joo", "ju", "woo", "ryu", "min",
    "byun", "chae", "won", "bang", "kong", "hyun", "hyon", "ham", "yeo", "chu", "choo", "do", "so", "ma",
    // Chinese
    "wang", "li", "zhang", "liu", "chen", "zhao", "huang", "zhou", "wu", "xu", "sun", "hu", "zhu", "gao", "lin",
    "he", "guo", "luo", "liang", "zheng", "xie", "tang", "feng", "dong", "xiao", "cheng", "cao", "yuan", "deng",
    "fu", "shen", "zeng", "peng", "lu", "su", "jiang", "cai", "jia", "ding", "wei", "xue", "ye", "yan", "pan",
    "du", "dai", "xia", "zhong", "tian", "ren", "fan", "fang", "shi", "yao", "tan", "liao", "zou", "xiong", "jin",
    "qin", "qian", "wen", "xi", "bo", "qi", "meng", "kong", "mao", "lai", "hou", "kang", "yin", "bai", "duan",
    "lei", "hao", "long", "wan", "gu", "mo", "geng", "cui",
];

fn is_east_asian_family(word: &str) -> bool {
    use crate::gazetteer::{with_lower, FastMap};
    static SET: std::sync::OnceLock<FastMap<&'static str, ()>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| EAST_ASIAN_FAMILY_NAMES.iter().map(|n| (*n, ())).collect());
    with_lower(word, |k| set.contains_key(k))
}

/// A person's name split into words, honorifics and leading title words dropped.
#[derive(Debug, Clone)]
pub(crate) struct Name<'a> {
    pub words: Vec<&'a str>,
    /// Family name first ("Kim Jong-un", "Xi Jinping").
    pub family_first: bool,
}

/// Suffixes that are not a family name ("Jr.", "III").
fn is_suffix(w: &str) -> bool {
    matches!(w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

impl<'a> Name<'a> {
    pub fn parse(text: &'a str) -> Name<'a> {
        let g = gazetteer();
        let mut words: Vec<&'a str> = text.split_whitespace().collect();
        // "President Putin" tagged as one PERSON: the name starts after the title words.
        let mut skip = 0;
        while words.len() - skip > 1 {
            let tw = crate::gazetteer::with_lower(words[skip], |k| g.title_word(k));
            if tw.head || tw.modifier || tw.honorific {
                skip += 1;
            } else {
                break;
            }
        }
        words.drain(..skip);
        let family_first = words.len() >= 2
            && words.len() <= 3
            && is_east_asian_family(words[0])
            && {
                // Given names: "Jong-un", "Yo-jong" (hyphenated), or one pinyin word "Jinping", or two
                // Korean syllables "Jong Un".
                let given = &words[1..];
                given.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
                    && (given.len() == 1 || given.iter().all(|w| w.len() <= 4))
            };
        Name { words, family_first }
    }
    /// Whether a one-word mention can stand for this name: its family name (the first word of a
    /// family-name-first name) or its last word (suffixes skipped). The last word is accepted for
    /// family-name-first names too, so a Western "Lee Smith" still answers to "Smith".
    pub fn answers_to(&self, w: &str) -> bool {
        if self.words.len() < 2 {
            return false;
        }
        if self.family_first && self.words[0].eq_ignore_ascii_case(w) {
            return true;
        }
        self.words.iter().rev().find(|x| !is_suffix(x)).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }
    /// Spelling-insensitive key: "Kim Jong Un" and "Kim Jong-un" match.
    pub fn key(&self) -> String {
        let mut k = String::with_capacity(24);
        for w in &self.words {
            for c in w.chars().filter(|c| c.is_alphanumeric()) {
                k.extend(c.to_lowercase());
            }
        }
        k
    }
}

/// Links each PERSON mention to the fullest name it stands for. `mentions` are (entity index, text) in
/// story order; returns the canonical name of each, in the same order.
pub(crate) fn canonical_names(mentions: &[(usize, &str)]) -> Vec<String> {
    let names: Vec<Name> = mentions.iter().map(|&(_, t)| Name::parse(t)).collect();
    let keys: Vec<String> = names.iter().map(Name::key).collect();
    // Full names: two words or more. The longest spelling of each key is its canonical form.
    let mut full: Vec<usize> = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if n.words.len() < 2 {
            continue;
        }
        match full.iter_mut().find(|&&mut j| keys[j] == keys[i]) {
            Some(j) => {
                if names[i].words.len() > names[*j].words.len() {
                    *j = i;
                }
            }
            None => full.push(i),
        }
    }
    let display = |i: usize| names[i].words.join(" ");
    let mut out = Vec::with_capacity(mentions.len());
    for (i, n) in names.iter().enumerate() {
        if n.words.is_empty() {
            out.push(mentions[i].1.to_string());
            continue;
        }
        if n.words.len() >= 2 {
            let j = full.iter().copied().find(|&j| keys[j] == keys[i]).unwrap_or(i);
            // A longer full name that contains this one ("Jong-un" in "Kim Jong-un") is rare; keep as is.
            out.push(display(j));
            continue;
        }
        let w = n.words[0];
        let fits = |j: usize| names[j].answers_to(w);
        let pos = mentions[i].0;
        // Nearest full name mentioned before, else nearest after.
        let mut best: Option<usize> = None;
        for &j in &full {
            if !fits(j) {
                continue;
            }
            let first_j = first_mention(&keys, j);
            let better = match best {
                None => true,
                Some(b) => {
                    let first_b = first_mention(&keys, b);
                    let (pj, pb) = (mentions[first_j].0, mentions[first_b].0);
                    match (pj < pos, pb < pos) {
                        (true, false) => true,
                        (false, true) => false,
                        (true, true) => last_before(&keys, j, i, mentions) > last_before(&keys, b, i, mentions),
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

fn first_mention(keys: &[String], j: usize) -> usize {
    keys.iter().position(|k| *k == keys[j]).unwrap_or(j)
}

/// Position (entity index) of the last mention of `j`'s name before mention `i`.
fn last_before(keys: &[String], j: usize, i: usize, mentions: &[(usize, &str)]) -> usize {
    (0..i).rev().find(|&m| keys[m] == keys[j]).map(|m| mentions[m].0).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    fn canon(ms: &[&str]) -> Vec<String> {
        let v: Vec<(usize, &str)> = ms.iter().enumerate().map(|(i, s)| (i, *s)).collect();
        canonical_names(&v)
    }
    #[test]
    fn family_name_first_and_last() {
        assert_eq!(
            canon(&["Kim Jong-un", "Sergei Shoigu", "Kim", "Shoigu", "Li Hongzhong", "Li", "Xi Jinping", "Xi"]),
            ["Kim Jong-un", "Sergei Shoigu", "Kim Jong-un", "Sergei Shoigu", "Li Hongzhong", "Li Hongzhong",
                "Xi Jinping", "Xi Jinping"]
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
