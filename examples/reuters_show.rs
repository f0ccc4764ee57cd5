//! Prints the rebuilt wire text and parsed structure of Reuters-21578 stories by NEWID (debug aid).
//! cargo run --example reuters_show -- ../shared/data/reuters21578 615 829
use dateline::{corpus::reuters, parse_structure, ParseOptions};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stories = reuters::read_dir(std::path::Path::new(&args[1])).unwrap();
    for id in &args[2..] {
        let id: u32 = id.parse().unwrap();
        let s = stories.iter().find(|s| s.id == id).unwrap();
        let text = s.wire_text();
        let a = parse_structure(&text, &ParseOptions { date: s.date.clone(), source: None });
        println!("==== {id}\n{}\n----", &text[..text.len().min(600)]);
        println!("headline {:?}\nbylines {:?}\ndateline {:?}", a.headline_text(), a.bylines, a.dateline);
        for p in a.paragraphs.iter().take(3) {
            println!("P {:?}", &p.text[..p.text.len().min(100)]);
        }
        if let Some(p) = a.paragraphs.last() {
            println!("LAST {:?}", &p.text[p.text.len().saturating_sub(100)..]);
        }
    }
}
