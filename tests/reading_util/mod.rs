//! Builds Articles by hand for the reading tests, so resolution, quotes and events are tested apart from
//! the real tokenizer and tagger: a crude tokenizer (words, punctuation, split-off "'s"), sentences ending
//! at . ? ! (and a closing quote right after), paragraphs at blank lines, and entities given as
//! (mention, label): every whole-token occurrence of a mention becomes an entity, longer mentions first.
#![allow(dead_code)]
use dateline::eval::stages;
use dateline::*;

const ABBREV: &[&str] = &["Gen.", "Sen.", "Rep.", "Mr.", "Mrs.", "Ms.", "Dr.", "Lt.", "Col.", "Jr.", "St.", "Gov."];

fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    let push = |out: &mut Vec<Token>, s: usize, e: usize| out.push(Token { span: Span::new(s, e) });
    while i < text.len() {
        let c = text[i..].chars().next().unwrap();
        let cl = c.len_utf8();
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '?' | '!' | '.') {
            push(&mut out, i, i + cl);
            i += cl;
            continue;
        }
        // A word: up to whitespace or punctuation; dots inside stay ("U.S."), a final dot is split off
        // unless the word is an abbreviation or has inner dots.
        let s = i;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap();
            if c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '?' | '!') {
                break;
            }
            if c == '.' {
                let next = text[i + 1..].chars().next();
                if next.is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '”' | ')' | ',')) {
                    let w = &text[s..i + 1];
                    if ABBREV.contains(&w) || text[s..i].contains('.') {
                        i += 1;
                    }
                    break;
                }
            }
            i += c.len_utf8();
        }
        let w = &text[s..i];
        let poss = if w.ends_with("'s") && w.len() > 2 {
            2
        } else if w.ends_with("’s") && w.len() > 4 {
            4
        } else {
            0
        };
        if poss > 0 {
            push(&mut out, s, i - poss);
            push(&mut out, i - poss, i);
        } else if i > s {
            push(&mut out, s, i);
        }
        let _ = b;
    }
    out
}

/// An Article over `text` with the given entities; blank lines separate paragraphs.
pub fn article(text: &str, ents: &[(&str, &str)]) -> Article {
    let mut art = Article { text: text.to_string(), date: Some("2023-07-27".into()), ..Default::default() };
    // Paragraphs at blank lines.
    let mut start = 0;
    let mut paras: Vec<Span> = Vec::new();
    for (pos, _) in text.match_indices("\n\n").chain(std::iter::once((text.len(), ""))) {
        let seg = &text[start..pos];
        let lead = seg.len() - seg.trim_start().len();
        let s = Span::new(start + lead, start + lead + seg.trim().len());
        if !s.is_empty() {
            paras.push(s);
        }
        start = pos;
    }
    art.paragraphs = paras
        .iter()
        .map(|s| Paragraph { text: text[s.start..s.end].split_whitespace().collect::<Vec<_>>().join(" "), span: *s })
        .collect();
    art.tokens = tokenize(text);
    // Sentences within paragraphs.
    for (pi, p) in paras.iter().enumerate() {
        let toks: Vec<usize> = (0..art.tokens.len()).filter(|&t| p.contains(art.tokens[t].span)).collect();
        let mut k = 0;
        while k < toks.len() {
            let first = toks[k];
            let mut last = first;
            while k < toks.len() {
                last = toks[k];
                k += 1;
                let t = art.token_text(last);
                if matches!(t, "." | "?" | "!") {
                    while k < toks.len() && matches!(art.token_text(toks[k]), "\"" | "”") && {
                        // a closing quote right after the mark
                        art.tokens[toks[k]].span.start == art.tokens[last].span.end
                    } {
                        last = toks[k];
                        k += 1;
                    }
                    break;
                }
            }
            art.sentences.push(Sentence {
                span: Span::new(art.tokens[first].span.start, art.tokens[last].span.end),
                token_start: first,
                token_end: last + 1,
                section: Section::Body(pi),
            });
        }
    }
    // Entities: every whole-token occurrence, longest mentions first, no overlaps.
    let mut ents: Vec<(&str, &str)> = ents.to_vec();
    ents.sort_by_key(|(m, _)| std::cmp::Reverse(m.len()));
    let starts: std::collections::HashMap<usize, usize> =
        art.tokens.iter().enumerate().map(|(i, t)| (t.span.start, i)).collect();
    let ends: std::collections::HashMap<usize, usize> =
        art.tokens.iter().enumerate().map(|(i, t)| (t.span.end, i)).collect();
    let mut found: Vec<Entity> = Vec::new();
    for (m, l) in ents {
        let label = Label::parse(l).unwrap_or_else(|| panic!("unknown label {l}"));
        for (pos, _) in text.match_indices(m) {
            let span = Span::new(pos, pos + m.len());
            let (Some(&ts), Some(&te)) = (starts.get(&span.start), ends.get(&span.end)) else { continue };
            if found.iter().any(|e| e.span.overlaps(span)) {
                continue;
            }
            let sent = art.sentences.iter().position(|s| s.token_start <= ts && ts < s.token_end).unwrap();
            found.push(Entity::new(span, label, sent, ts, te + 1));
        }
    }
    found.sort_by_key(|e| e.span.start);
    art.entities = found;
    art
}

/// Runs the reading stages this engineer owns on a hand-built article.
pub fn read(text: &str, ents: &[(&str, &str)]) -> Article {
    let mut art = article(text, ents);
    stages::names(&mut art);
    stages::quotes(&mut art);
    stages::events(&mut art);
    art
}

/// The entities whose text is `mention`.
pub fn mentions<'a>(art: &'a Article, mention: &str) -> Vec<&'a Entity> {
    art.entities.iter().filter(|e| art.slice(e.span) == mention).collect()
}

/// Canonical name of the first mention written `mention`.
pub fn canonical(art: &Article, mention: &str) -> Option<String> {
    mentions(art, mention).first().and_then(|e| e.canonical.clone())
}

/// The (subject, predicate, object) of each event of the story.
pub fn triples(art: &Article) -> Vec<(String, String, String)> {
    art.events.iter().map(|e| (e.subject.clone(), e.predicate.clone(), e.object.clone())).collect()
}

/// The story's event between `s` and `o`, if any.
pub fn event<'a>(art: &'a Article, s: &str, o: &str) -> Option<&'a Event> {
    art.events.iter().find(|e| e.subject == s && e.object == o)
}
