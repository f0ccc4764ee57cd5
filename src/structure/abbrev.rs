//! Abbreviations that keep their full stop ("Gen.", "Corp.", "etc."), as packed-word sets: the
//! tokenizer asks of every word before a full stop, the sentence splitter of titles.
use std::sync::OnceLock;

/// Titles and other abbreviations that are followed by a name, so never end a sentence.
const TITLE_ABBREVS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Sgt", "Adm", "Brig", "Gov",
    "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "St", "Mt", "Ft", "No", "Nos", "Messrs", "Fr", "Sr", "Jr",
];

/// Abbreviations that may end a sentence ("... Smith Corp. The company ...").
const OTHER_ABBREVS: &[&str] = &[
    "Co", "Corp", "Inc", "Ltd", "Bros", "Dept", "Univ", "Assn", "Cos", "Plc", "Vol", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
    "Sat", "Sun", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
    "Va", "Vt", "Wash", "Wis", "Wyo", "Que", "Ont", "Alta", "Sask", "Man", "Nfld", "Dist", "Ave", "Blvd", "Rd",
];

const LOWER_ABBREVS: &[&str] = &["vs", "etc", "approx", "est", "cf", "al", "fig", "ca"];

/// A word of at most eight bytes as one number, for the abbreviation sets.
#[inline]
fn pack8(w: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    k[..w.len()].copy_from_slice(w);
    u64::from_le_bytes(k)
}

/// An abbreviation list as sorted packed words: as written, and in capitals (for "CORP.").
pub(super) struct AbbrevSet {
    exact: Vec<u64>,
    upper: Vec<u64>,
}

impl AbbrevSet {
    fn new(list: &[&str]) -> AbbrevSet {
        let sorted = |f: fn(&str) -> String| {
            let mut v: Vec<u64> = list.iter().map(|a| pack8(f(a).as_bytes())).collect();
            v.sort_unstable();
            v
        };
        AbbrevSet { exact: sorted(str::to_string), upper: sorted(str::to_ascii_uppercase) }
    }
}

pub(super) fn title_abbrevs() -> &'static AbbrevSet {
    static SET: OnceLock<AbbrevSet> = OnceLock::new();
    SET.get_or_init(|| AbbrevSet::new(TITLE_ABBREVS))
}

fn other_abbrevs() -> &'static AbbrevSet {
    static SET: OnceLock<AbbrevSet> = OnceLock::new();
    SET.get_or_init(|| AbbrevSet::new(OTHER_ABBREVS))
}

/// Is `w` in the set as written, or, all in capitals, in any case? (A binary search on packed
/// words: this is asked of every word before a full stop.)
pub(super) fn abbrev_in(set: &AbbrevSet, w: &str) -> bool {
    // Abbreviations are short: anything longer is not one, without comparing.
    if w.len() > 7 || w.is_empty() || !w.as_bytes()[0].is_ascii_uppercase() {
        return false;
    }
    let key = pack8(w.as_bytes());
    if set.exact.binary_search(&key).is_ok() {
        return true;
    }
    w.bytes().all(|c| c.is_ascii_uppercase()) && set.upper.binary_search(&key).is_ok()
}

/// Is `text[ws..we]` (followed by a '.') an abbreviation that keeps its dot?
pub(super) fn is_abbreviation(text: &str, ws: usize, we: usize, has_dot: bool, end: usize) -> bool {
    let w = &text[ws..we];
    if has_dot {
        // U.S, J.R.R, a.m, Ph.D: every dot-separated piece is one or two letters.
        return w.split('.').all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|c| c.is_ascii_alphabetic()));
    }
    if w.len() == 1 {
        return w.as_bytes()[0].is_ascii_uppercase(); // an initial: "J. Smith"
    }
    if w == "No" || w == "NO" || w == "Nos" {
        // Only "No. 1"; "said no." ends a sentence.
        let b = text.as_bytes();
        let mut k = we + 1;
        while k < end && b[k] == b' ' {
            k += 1;
        }
        return k < end && b[k].is_ascii_digit();
    }
    abbrev_in(title_abbrevs(), w) || abbrev_in(other_abbrevs(), w) || LOWER_ABBREVS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::sentences::SENTENCE_STARTERS;

    #[test]
    fn abbreviation_sets_match_the_lists() {
        // The packed-word sets agree with a plain reading of the lists, for every entry in every case.
        let plain = |list: &[&str], w: &str| {
            let upper = w.bytes().all(|c| c.is_ascii_uppercase());
            w.len() <= 7
                && w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                && list.iter().any(|a| *a == w || (upper && a.eq_ignore_ascii_case(w)))
        };
        for list in [TITLE_ABBREVS, OTHER_ABBREVS, LOWER_ABBREVS, SENTENCE_STARTERS] {
            for a in list {
                for w in [
                    a.to_string(),
                    a.to_ascii_uppercase(),
                    a.to_ascii_lowercase(),
                    format!("{a}x"),
                    a[..a.len() - 1].to_string(),
                ] {
                    assert_eq!(abbrev_in(title_abbrevs(), &w), plain(TITLE_ABBREVS, &w), "{w}");
                    assert_eq!(abbrev_in(other_abbrevs(), &w), plain(OTHER_ABBREVS, &w), "{w}");
                }
            }
        }
    }
}
