//! Reuters-21578 acceptance for the structure parser: every story with a `<DATELINE>`,
//! rebuilt as raw wire text and parsed with `date=` its `<DATE>`'s day.
//! Run with `cargo test --release --test structure_reuters -- --nocapture` to see the figures.
use dateline::corpus::reuters;
use dateline::parse_structure;
use dateline::ParseOptions;
use regex::Regex;
mod common;
use common::{norm, shared_path};

/// Gold from the `<DATELINE>` element itself: the place is what precedes the first "Month Day"
/// (or the first dash when there is no date).
fn gold_dateline(d: &str, month_re: &Regex) -> (String, Option<(u32, u32)>) {
    let d = d.trim().trim_start_matches('*');
    if let Some(c) = month_re.captures(d) {
        let m = c.get(0).unwrap();
        let mon = match &c[1].to_ascii_lowercase()[..3] {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "may" => 5,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            _ => 12,
        };
        let place = d[..m.start()].trim().trim_end_matches(',').trim().to_string();
        return (place, Some((mon, c[2].parse().unwrap())));
    }
    let place = d.split(" -").next().unwrap_or("").trim().to_string();
    (place, None)
}

#[test]
fn reuters_datelines_bylines_and_signoff() {
    let Some(dir) = shared_path("data/reuters21578") else { return };
    let stories = reuters::read_dir(&dir).expect("read Reuters-21578");
    assert!(stories.len() >= 1000, "only {} stories read", stories.len());
    let month_re =
        Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b").unwrap();
    let signoff = Regex::new(r"(?i)(^|\s)reuter$").unwrap();

    let (mut n_dl, mut ok_place, mut ok_date, mut ok_both) = (0usize, 0usize, 0usize, 0usize);
    let mut exact_place = 0usize;
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (mut n_auth, mut ok_auth) = (0usize, 0usize);
    let mut signoff_in_para = 0usize;
    let mut shown = 0;
    for s in &stories {
        if s.dateline.is_none() && s.author.is_none() {
            continue;
        }
        let text = s.wire_text();
        let opts = ParseOptions { date: s.date.clone(), source: None };
        let a = parse_structure(&text, &opts);
        for p in &a.paragraphs {
            if signoff.is_match(&p.text) {
                signoff_in_para += 1;
                if shown < 40 {
                    shown += 1;
                    eprintln!("SIGNOFF {}: {:?}", s.id, &p.text[p.text.len().saturating_sub(60)..]);
                }
            }
        }
        if let Some(author) = &s.author {
            n_auth += 1;
            let gold = author.trim();
            let gold = if gold.len() > 3 && gold[..3].eq_ignore_ascii_case("by ") { &gold[3..] } else { gold };
            let gold = gold.split(',').next().unwrap_or("").trim();
            let got = a.bylines.iter().map(|b| b.name.as_str()).collect::<Vec<_>>().join(" and ");
            if norm(&got) == norm(gold) {
                ok_auth += 1;
            } else if shown < 40 {
                shown += 1;
                eprintln!("AUTHOR {}: gold {gold:?} got {got:?}", s.id);
            }
        }
        let Some(d) = &s.dateline else { continue };
        n_dl += 1;
        let (gplace, gmd) = gold_dateline(d, &month_re);
        let (place, md) = match &a.dateline {
            Some(dl) => (
                dl.place.clone(),
                dl.date.as_deref().and_then(|x| {
                    let k = x.len().checked_sub(5)?;
                    Some((x[k..k + 2].parse().ok()?, x[k + 3..].parse().ok()?))
                }),
            ),
            None => (String::new(), None),
        };
        let p_ok = norm(&place) == norm(&gplace);
        exact_place += (fold(&place) == fold(&gplace)) as usize;
        if p_ok && fold(&place) != fold(&gplace) && std::env::var("SHOW_INEXACT").is_ok() {
            eprintln!("INEXACT {:?} vs {:?}", place, gplace);
        }
        let d_ok = md == gmd;
        ok_place += p_ok as usize;
        ok_date += d_ok as usize;
        ok_both += (p_ok && d_ok) as usize;
        if !(p_ok && d_ok) && shown < 40 {
            shown += 1;
            eprintln!("DATELINE {}: gold {:?} {:?} got {:?} {:?} | {:?}", s.id, gplace, gmd, place, md, d);
        }
    }
    let pct = |a: usize, n: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "Reuters-21578: {} stories, {} with <DATELINE>: place right {:.2}%, month/day right {:.2}%, both {:.2}%",
        stories.len(),
        n_dl,
        pct(ok_place, n_dl),
        pct(ok_date, n_dl),
        pct(ok_both, n_dl)
    );
    println!("Reuters-21578: place exactly as written (spacing aside) {:.2}%", pct(exact_place, n_dl));
    println!("Reuters-21578: {} with <AUTHOR>: byline name right {:.2}% ({ok_auth})", n_auth, pct(ok_auth, n_auth));
    println!("Reuters-21578: paragraphs ending in the closing \"Reuter\": {signoff_in_para}");
    assert!(pct(ok_both, n_dl) >= 99.0, "dateline place and month/day right in {:.2}% < 99%", pct(ok_both, n_dl));
    assert!(pct(ok_auth, n_auth) >= 95.0, "byline right in {:.2}% < 95%", pct(ok_auth, n_auth));
    assert_eq!(signoff_in_para, 0, "closing \"Reuter\" left in paragraphs");
}
