//! The shipped entity model: it loads, tags hand-written news sentences, and merges with rules.
use dateline::eval::stages::{self as ner, TYPES};
use dateline::*;

/// An article whose tokens are the space-separated words of each line, one sentence a line.
pub fn article(lines: &[&str]) -> Article {
    let text = lines.join("\n");
    let mut art = Article { text: text.clone(), ..Default::default() };
    let mut off = 0;
    for line in lines {
        let ts = art.tokens.len();
        let mut pos = off;
        for w in line.split(' ') {
            if !w.is_empty() {
                art.tokens.push(Token { span: Span::new(pos, pos + w.len()) });
            }
            pos += w.len() + 1;
        }
        art.sentences.push(Sentence {
            span: Span::new(off, off + line.len()),
            token_start: ts,
            token_end: art.tokens.len(),
            section: Section::Body(0),
        });
        off += line.len() + 1;
    }
    art
}

fn found(art: &Article) -> Vec<(String, &'static str)> {
    art.entities.iter().map(|e| (art.slice(e.span).to_string(), e.label.as_str())).collect()
}

#[test]
fn shipped_model_loads_fast() {
    let t = std::time::Instant::now();
    let m = ner::shipped_model().expect("shipped model loads");
    assert!(m.stage1.bits >= 16);
    eprintln!("model loaded in {:.3} s", t.elapsed().as_secs_f64());
}

#[test]
fn tags_names_in_a_written_story() {
    let mut art = article(&[
        "Prime Minister Helena Varga met German Chancellor Olaf Scholz in Berlin on Tuesday .",
        "Varga told Reuters that the European Union and Microsoft Corp. would talk again in Paris .",
    ]);
    ner::recognize(&mut art);
    let f = found(&art);
    eprintln!("{f:?}");
    for want in [
        ("Helena Varga", "PERSON"),
        ("Olaf Scholz", "PERSON"),
        ("Berlin", "GPE"),
        ("Paris", "GPE"),
        ("German", "NORP"),
        ("Reuters", "ORG"),
        ("European Union", "ORG"),
        ("Varga", "PERSON"),
    ] {
        assert!(f.contains(&(want.0.to_string(), want.1)), "{want:?} not in {f:?}");
    }
    // a weekday is a rule DATE, never a name; a title word is no entity
    assert!(!f.iter().any(|(t, l)| t == "Tuesday" && *l != "DATE" || t.starts_with("Prime")), "{f:?}");
    // sorted, no overlaps, token ranges agree with spans
    for w in art.entities.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for e in &art.entities {
        assert_eq!(e.span.start, art.tokens[e.token_start].span.start);
        assert_eq!(e.span.end, art.tokens[e.token_end - 1].span.end);
        let s = art.sentences[e.sentence];
        assert!(s.token_start <= e.token_start && e.token_end <= s.token_end);
    }
    assert_eq!(TYPES.len(), 4);
}

#[test]
fn empty_article_has_no_entities() {
    let mut art = Article::default();
    ner::recognize(&mut art);
    assert!(art.entities.is_empty());
}
