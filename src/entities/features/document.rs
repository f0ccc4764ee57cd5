//! A document's static features: each token's own word, its neighbours', gazetteer phrases and how
//! the document writes the word elsewhere (case, aggregated contexts).
use super::{
    f, far_cluster, far_lower, tpl, DocFeatures, TokInfo, WordCache, WordFacts, AS_NEXT, AS_NEXT2, AS_PREV, AS_PREV2,
    BOS, EOS, OWN,
};
use crate::entities::lexicon::{Lexicon, CATEGORIES};
use crate::util::hash::{hash_str, mix};

const DOC_NONE: u64 = 0;
const DOC_LOWER: u64 = 1;
const DOC_TITLE: u64 = 2;
const DOC_BOTH: u64 = 3;

/// The static features of a document given as sentences of tokens, with each token's word-only
/// ones (`OWN`, `AS_PREV`, ... roles) left to `cache` (`DocFeatures::words`): the tagger sums those once per word instead of per token.
/// Written into `out`, whose buffers are reused (the tagger keeps one per thread).
pub fn extract_cached<S: AsRef<str>>(lex: &Lexicon, doc: &[Vec<S>], cache: &mut WordCache, out: &mut DocFeatures) {
    cache.prepare(lex);
    build(lex, doc, cache, false, out);
}

/// The static features of `doc` into `out`. `expand`: every feature of every token listed, as
/// training and `Model::tag_features` read them; else the word-only ones are left to `cache`.
pub fn build<S: AsRef<str>>(lex: &Lexicon, doc: &[Vec<S>], cache: &mut WordCache, expand: bool, out: &mut DocFeatures) {
    out.sentences.clear();
    out.feats.clear();
    out.offs.clear();
    out.info.clear();
    out.words.clear();
    // Document-level buffers, kept in the cache between documents (no allocation per story).
    let mut sc = std::mem::take(&mut cache.scratch);
    sc.ids.clear();
    sc.bounds.clear();
    for sent in doc {
        let start = sc.ids.len();
        for t in sent {
            let id = cache.id(lex, t.as_ref());
            sc.ids.push(id);
        }
        sc.bounds.push((start, sc.ids.len()));
    }
    let ids: Vec<&[u32]> = sc.bounds.iter().map(|&(a, b)| &sc.ids[a..b]).collect();
    let facts = &cache.facts;
    // A sentence is "all caps" (headlines, datelines) when it has letters but no lower-case letter.
    let caps: Vec<bool> = ids
        .iter()
        .map(|s| !s.iter().any(|&i| facts[i as usize].has_lower) && s.iter().any(|&i| facts[i as usize].has_alpha))
        .collect();
    // How each word is written where case carries information (not sentence-initial, not in an
    // all-caps line): tells "BUSH" in a headline from "CUT" by how the story writes them elsewhere.
    let case_counts = &mut sc.case_counts;
    case_counts.clear();
    for (s, sent) in ids.iter().enumerate() {
        if caps[s] {
            continue;
        }
        for &t in sent.iter().skip(1) {
            let t = &facts[t as usize];
            if !t.alpha_start {
                continue;
            }
            let e = case_counts.entry(t.lower_raw).or_insert([0, 0]);
            if t.initcap {
                e[1] = e[1].saturating_add(1);
            } else {
                e[0] = e[0].saturating_add(1);
            }
        }
    }

    // Gazetteer: the longest phrase starting at each capitalised token.
    let buf = &mut sc.buf;
    sc.gaz.clear();
    sc.gaz.resize(sc.ids.len(), 0);
    for (sent, &(a, b)) in ids.iter().zip(&sc.bounds) {
        let gaz = &mut sc.gaz[a..b];
        {
            let n = sent.len();
            let mut i = 0;
            while i < n {
                let mut next = i + 1;
                let first = &facts[sent[i] as usize];
                if !first.initcap {
                    i = next;
                    continue;
                }
                let longest = (lex.longest_phrase_from(first.lower_raw) as usize).min(n - i);
                for len in (1..=longest).rev() {
                    let h = if len == 1 {
                        first.lower_raw
                    } else {
                        buf.clear();
                        for (k, &w) in sent[i..i + len].iter().enumerate() {
                            if k > 0 {
                                buf.push(' ');
                            }
                            buf.push_str(&facts[w as usize].lower_str);
                        }
                        hash_str(buf)
                    };
                    let cats = lex.phrase_categories(h);
                    if cats == 0 {
                        continue;
                    }
                    for c in 0..CATEGORIES.len() {
                        if cats & (1 << c) == 0 {
                            continue;
                        }
                        for (k, g) in gaz[i..i + len].iter_mut().enumerate() {
                            let pos = if len == 1 {
                                3
                            } else if k == 0 {
                                0
                            } else if k == len - 1 {
                                2
                            } else {
                                1
                            };
                            *g |= 1u64 << (c * 4 + pos);
                        }
                    }
                    // Words inside a longer phrase do not start their own ("Korea" in "South Korea").
                    next = i + len;
                    break;
                }
                i = next;
            }
        }
    }
    let gaz: Vec<&[u64]> = sc.bounds.iter().map(|&(a, b)| &sc.gaz[a..b]).collect();

    // Context aggregation (Ratinov & Roth): the words around the other mentions of a capitalised
    // word in the story ("tyre maker Pirelli" helps a bare "Pirelli" elsewhere). Kept as one list
    // sorted by word (stably: each word's mentions stay in text order) and a map to each word's run.
    let boundary = facts[BOS as usize].lower;
    let boundary_end = facts[EOS as usize].lower;
    let mentions = &mut sc.mentions;
    mentions.clear();
    let mut flat = 0usize;
    for sent in &ids {
        for (i, &t) in sent.iter().enumerate() {
            let t = &facts[t as usize];
            if t.initcap {
                let l = if i > 0 { facts[sent[i - 1] as usize].lower } else { boundary };
                let r = sent.get(i + 1).map_or(boundary_end, |&x| facts[x as usize].lower);
                mentions.push((t.lower_raw, l, r, flat));
            }
            flat += 1;
        }
    }
    mentions.sort_by_key(|m| m.0);
    let runs = &mut sc.runs;
    runs.clear();
    let mut k = 0;
    while k < mentions.len() {
        let key = mentions[k].0;
        let start = k;
        while k < mentions.len() && mentions[k].0 == key {
            k += 1;
        }
        runs.insert(key, (start as u32, k as u32));
    }
    let contexts = |key: &u64| runs.get(key).map(|&(a, b)| &mentions[a as usize..b as usize]);

    // The story's first word: a wire headline opens with its desk ("SOCCER -", "CRICKET -"), and a
    // city is a team in a results story ("Seattle 5 Texas 3"), a place elsewhere.
    let topic = ids.iter().find_map(|s| s.first()).map_or(boundary, |&w| facts[w as usize].lower);

    for (s, sent) in ids.iter().enumerate() {
        let start = out.info.len();
        let n = sent.len();
        let is_caps = caps[s];
        let at = |j: usize| -> &WordFacts { &facts[sent[j] as usize] };
        for i in 0..n {
            out.offs.push(out.feats.len() as u32);
            let t = at(i);
            let here = out.info.len();
            let m1 = if i > 0 { sent[i - 1] } else { BOS };
            let p1 = if i + 1 < n { sent[i + 1] } else { EOS };
            // beyond the sentence, the boundary words (no cluster)
            let (m2, p2) = (
                &facts[if i > 1 { sent[i - 2] } else { BOS } as usize],
                &facts[if i + 2 < n { sent[i + 2] } else { EOS } as usize],
            );
            if expand {
                cache.role_features(sent[i], OWN, &mut out.feats);
                cache.role_features(m1, AS_PREV, &mut out.feats);
                cache.role_features(p1, AS_NEXT, &mut out.feats);
            } else {
                out.words.push(sent[i]);
            }
            let fs = &mut out.feats;
            let (lm1, sm1) = (facts[m1 as usize].lower, facts[m1 as usize].sshape);
            let (lp1, sp1) = (facts[p1 as usize].lower, facts[p1 as usize].sshape);
            // the `AS_PREV2` and `AS_NEXT2` roles, listed in their place when every feature is listed
            if expand {
                fs.push(far_lower(m2, AS_PREV2));
                fs.push(far_lower(p2, AS_NEXT2));
            }
            fs.push(f(tpl::SSHAPE_TRI, mix(mix(sm1, t.sshape), sp1)));
            fs.push(f(tpl::BIGRAM_M1, mix(lm1, t.lower)));
            fs.push(f(tpl::BIGRAM_P1, mix(t.lower, lp1)));
            fs.push(f(tpl::LOWER_P1_SSHAPE, mix(lp1, t.sshape)));
            if i == 0 {
                fs.push(f(tpl::FIRST_SHAPE, t.sshape));
            }
            if is_caps {
                fs.push(f(tpl::CAPS_LOWER, t.lower));
                if let Some(c) = t.cluster {
                    fs.push(f(tpl::CAPS_CLUSTER, c.prefix(10)));
                }
            }
            let mut g = gaz[s][i];
            let mut cats = 0u64;
            while g != 0 {
                let b = g.trailing_zeros() as u64;
                fs.push(f(tpl::GAZ, b));
                cats |= 1 << (b / 4);
                g &= g - 1;
            }
            if t.initcap {
                if cats != 0 {
                    fs.push(f(tpl::TOPIC_GAZ, mix(topic, cats)));
                }
                if let Some(c) = t.cluster {
                    fs.push(f(tpl::TOPIC_CLUSTER, mix(topic, c.prefix(4))));
                }
            }
            for (tp, j) in [(tpl::GAZ_M1, i.wrapping_sub(1)), (tpl::GAZ_P1, i + 1)] {
                if j < n {
                    let mut g = gaz[s][j];
                    let mut cats = 0u64;
                    while g != 0 {
                        cats |= 1 << (g.trailing_zeros() / 4);
                        g &= g - 1;
                    }
                    if cats != 0 {
                        fs.push(f(tp, cats));
                    }
                }
            }
            if t.initcap || is_caps {
                let doc_case = match case_counts.get(&t.lower_raw) {
                    None => DOC_NONE,
                    Some([l, t]) if *l > 0 && *t > 0 => DOC_BOTH,
                    Some([l, _]) if *l > 0 => DOC_LOWER,
                    Some(_) => DOC_TITLE,
                };
                fs.push(f(tpl::DOC_CASE, mix(doc_case, (i == 0 || is_caps) as u64)));
                if let Some(ctx) = contexts(&t.lower_raw) {
                    let mut seen = 0;
                    // Bounded scan: a word repeated in the same context thousands of times (a
                    // megabyte story of one repeated paragraph) would otherwise cost O(n^2).
                    for &(_, l, r, at) in ctx.iter().take(64) {
                        if at == here || (l == lm1 && r == lp1) {
                            continue;
                        }
                        fs.push(f(tpl::AGG_LEFT, l));
                        fs.push(f(tpl::AGG_RIGHT, r));
                        seen += 1;
                        if seen == 6 {
                            break;
                        }
                    }
                }
            }
            if expand {
                fs.extend(far_cluster(m2, AS_PREV2));
                fs.extend(far_cluster(p2, AS_NEXT2));
            }
            out.info.push(TokInfo {
                lower: t.lower,
                sshape: t.sshape,
                hist_key: (t.alpha_start && (t.initcap || is_caps)).then_some(t.lower_raw),
                caps: is_caps,
            });
        }
        out.sentences.push((start, out.info.len()));
    }
    out.offs.push(out.feats.len() as u32);
    drop((ids, gaz));
    cache.scratch = sc;
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Every feature of every token listed.
    pub(in crate::entities::features) fn extract<S: AsRef<str>>(lex: &Lexicon, doc: &[Vec<S>]) -> DocFeatures {
        let mut out = DocFeatures::default();
        build(lex, doc, &mut WordCache::new(lex), true, &mut out);
        out
    }

    fn doc(s: &[&str]) -> Vec<Vec<String>> {
        vec![s.iter().map(|x| x.to_string()).collect()]
    }

    #[test]
    fn gazetteer_marks_the_longest_phrase() {
        let lex = Lexicon::from_text("south korea\tcountry\nkorea\tcountry\nharlan\tfirstname\n", "");
        let d = extract(&lex, &doc(&["Harlan", "visited", "South", "Korea", "today"]));
        let country = CATEGORIES.iter().position(|c| *c == "country").unwrap() as u64;
        let first = CATEGORIES.iter().position(|c| *c == "firstname").unwrap() as u64;
        let has = |i: usize, bit: u64| d.token_features(i).contains(&f(tpl::GAZ, bit));
        assert!(has(0, first * 4 + 3));
        assert!(has(2, country * 4)); // B
        assert!(has(3, country * 4 + 2)); // L, not U: the longer phrase wins
        assert!(!has(3, country * 4 + 3));
        assert!(!has(1, country * 4 + 3));
        // lower-case words do not start a phrase
        let d = extract(&lex, &doc(&["harlan", "said"]));
        assert!(!d.token_features(0).contains(&f(tpl::GAZ, first * 4 + 3)));
    }

    #[test]
    fn features_are_context_sensitive_and_deterministic() {
        let lex = Lexicon::from_text("", "");
        let a = extract(&lex, &doc(&["Mr", "Harlan", "said"]));
        let b = extract(&lex, &doc(&["Mr", "Harlan", "said"]));
        let c = extract(&lex, &doc(&["Ms", "Harlan", "said"]));
        assert_eq!(a.token_features(1), b.token_features(1));
        assert_ne!(a.token_features(1), c.token_features(1));
        assert_eq!(a.sentences, vec![(0, 3)]);
        assert_eq!(a.info[1].hist_key, Some(hash_str("harlan")));
        assert_eq!(a.info[2].hist_key, None);
    }
}
