//! Headline-to-body agreement: a name of two or more words that the story's running text tags
//! ("Hartley Tool and Die Corp") is the same name, with the same label, where an all-caps line
//! (headline, dateline) writes it in capitals, whatever the tagger made of the capitals ("HARTLEY"
//! a person + "DIE CORP"). One-word names are left to the second stage's document history.
use super::word;
use crate::types::*;
use rustc_hash::FxHashMap;

/// Longest name, in tokens, looked for in an all-caps line (keeps the search linear).
const MOST_WORDS: usize = 8;

fn all_caps(art: &Article, s: &Sentence) -> bool {
    let mut letters = false;
    for k in s.token_start..s.token_end {
        for c in word(art, k).chars() {
            if c.is_lowercase() {
                return false;
            }
            letters |= c.is_alphabetic();
        }
    }
    letters
}

/// `ents` is sorted and free of overlaps, and stays so.
pub fn headline_names(art: &Article, ents: &mut Vec<Entity>) {
    let caps: Vec<bool> = art.sentences.iter().map(|s| all_caps(art, s)).collect();
    if !caps.iter().any(|&c| c) {
        return;
    }
    // the body's names of 2..=MOST_WORDS words, upper-cased, with the first label the body gives
    let mut body: FxHashMap<String, Label> = FxHashMap::default();
    let mut key = String::new();
    for e in ents.iter() {
        let n = e.token_end - e.token_start;
        if !(2..=MOST_WORDS).contains(&n) || caps.get(e.sentence).is_none_or(|&c| c) || e.user {
            continue;
        }
        key.clear();
        for k in e.token_start..e.token_end {
            if k > e.token_start {
                key.push(' ');
            }
            key.extend(word(art, k).chars().flat_map(char::to_uppercase));
        }
        body.entry(key.clone()).or_insert(e.label);
    }
    if body.is_empty() {
        return;
    }
    let mut found: Vec<Entity> = Vec::new();
    for (si, s) in art.sentences.iter().enumerate().filter(|(i, _)| caps[*i]) {
        let mut i = s.token_start;
        while i < s.token_end {
            // the longest body name starting here
            let mut best = None;
            key.clear();
            for j in i..s.token_end.min(i + MOST_WORDS) {
                if j > i {
                    key.push(' ');
                }
                key.push_str(word(art, j));
                if j > i {
                    if let Some(&l) = body.get(key.as_str()) {
                        best = Some((j + 1, l));
                    }
                }
            }
            match best {
                Some((end, label)) => {
                    let span = Span::new(art.tokens[i].span.start, art.tokens[end - 1].span.end);
                    found.push(Entity::new(span, label, si, i, end));
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // A found name replaces the tagger's entities inside it; one that an entity runs across
    // ("BANK OF JAPAN" around a body's "OF JAPAN") is dropped, and the tagger's reading kept.
    found.retain(|f| {
        !ents.iter().any(|e| {
            e.token_start < f.token_end
                && f.token_start < e.token_end
                && (e.token_start < f.token_start || e.token_end > f.token_end || e.user)
        })
    });
    if found.is_empty() {
        return;
    }
    ents.retain(|e| !found.iter().any(|f| e.token_start < f.token_end && f.token_start < e.token_end));
    ents.extend(found);
    ents.sort_by_key(|e| e.span.start);
}

#[cfg(test)]
mod tests {
    use crate::types::Label;

    fn names(text: &str) -> Vec<(String, Label)> {
        let art = crate::parse(text, &Default::default()).expect("parses");
        art.entities.iter().map(|e| (art.slice(e.span).to_string(), e.label)).collect()
    }

    #[test]
    fn a_headline_name_reads_as_the_body_reads_it() {
        let got = names(
            "HALVORSEN METAL WORKS TO CUT JOBS\n\nDULUTH, Minn., April 4 - Halvorsen Metal Works Inc said \
             on Monday it would cut 120 jobs. Halvorsen Metal Works makes valves.\n",
        );
        assert!(got.contains(&("HALVORSEN METAL WORKS".to_string(), Label::Org)), "{got:?}");
    }
}
