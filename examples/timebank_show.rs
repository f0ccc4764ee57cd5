//! Debug aid for the time rules on TimeBank.
//! cargo run --example timebank_show -- FILE.tml...   every entity with its value, then the gold
//! cargo run --example timebank_show -- --names DIR   gold DATE/TIME overlapped by a name entity
use dateline::{eval::timebank, Label, ParseOptions};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--names") {
        for d in timebank::read_dir(std::path::Path::new(&args[1])).unwrap() {
            let opts = ParseOptions { date: Some(d.dct_date().to_string()), source: None };
            let art = dateline::parse(&d.text, &opts).unwrap();
            for t in d.timexes.iter().filter(|t| t.kind == "DATE" || t.kind == "TIME") {
                for e in &art.entities {
                    if e.span.start < t.end && t.start < e.span.end && !matches!(e.label, Label::Date | Label::Time) {
                        println!(
                            "{}\tgold {:?}={}\t{:?} {:?}",
                            d.name,
                            &d.text[t.start..t.end],
                            t.value,
                            e.label,
                            &d.text[e.span.start..e.span.end]
                        );
                    }
                }
            }
        }
        return;
    }
    for path in args {
        let d = timebank::read_file(std::path::Path::new(&path)).unwrap();
        let opts = ParseOptions { date: Some(d.dct_date().to_string()), source: None };
        let art = dateline::parse(&d.text, &opts).unwrap();
        println!("== {path} dct {}", d.dct_date());
        for e in &art.entities {
            println!("  {:?}\t{:?}\t{:?}", e.label, &d.text[e.span.start..e.span.end], e.value);
        }
        for t in &d.timexes {
            println!("  gold {}\t{:?}\t{}", t.kind, &d.text[t.start..t.end], t.value);
        }
    }
}
