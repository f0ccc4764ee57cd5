//! Prints the structure, sentences and tokens of story files (debug aid).
//! cargo run --example show_story -- FILE...
use dateline::{parse_structure, tokenize, ParseOptions};
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut a = parse_structure(&text, &ParseOptions::default());
        tokenize(&mut a);
        println!(
            "== {path}\ndate {:?} headline {:?}\nbylines {:?}\ndateline {:?}",
            a.date,
            a.headline_text(),
            a.bylines,
            a.dateline
        );
        for s in &a.sentences {
            println!("{:?}\t{}", s.section, a.slice(s.span));
        }
        let toks: Vec<&str> = (0..a.tokens.len()).map(|i| a.token_text(i)).collect();
        println!("{}", toks.join(" | "));
    }
}
