//! AG News acceptance: of the `test.csv` descriptions that begin with a `CITY (AGENCY) -`
//! dateline, place and agency right in >= 98%. The gold comes from a regex on the raw description,
//! written independently of the parser.
use dateline::{eval::agnews, parse_structure, ParseOptions};
use regex::Regex;
mod common;
use common::{norm, shared_path};

#[test]
fn agnews_city_agency_datelines() {
    let Some(path) = shared_path("data/ag_news/test.csv") else { return };
    let rows = agnews::read_file(&path).expect("read AG News");
    assert_eq!(rows.len(), 7600);
    // "CITY (AGENCY) -" or "CITY, Mon DD (AGENCY) --" at the very start of the description.
    // The city may not hold a dash or a run of spaces: "Canadian Press - OTTAWA (CP) -" and
    // "By NAME    CITY (AP) --" do not begin with the city.
    let gold_re =
        Regex::new(r"^\s*([A-Za-z](?:[^()\n -]| [^ ()\n-]){0,59}?)\s*\(([^()\n]{1,40})\)\s*(?:--?|—|_)\s").unwrap();
    let date_tail = Regex::new(
        r"(?i)(?:[,.:]\s*|\s+|^)(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)(?:\s*,\s*\d{4})?\s*$",
    )
    .unwrap();
    let (mut n, mut ok_place, mut ok_agency, mut ok_both) = (0usize, 0usize, 0usize, 0usize);
    let mut shown = 0;
    for r in &rows {
        let Some(c) = gold_re.captures(&r.description) else { continue };
        let agency = c[2].trim();
        if agency.chars().any(|ch| ch.is_ascii_digit()) {
            continue; // "(Aug. 30, 2004)" is a date, not an agency
        }
        n += 1;
        let place = date_tail.replace(c[1].trim(), "").trim().trim_end_matches(',').to_string();
        let a = parse_structure(&r.description, &ParseOptions { date: Some("2004-08-01".into()), source: None });
        let (gp, ga) = match &a.dateline {
            Some(d) => (d.place.clone(), d.agency.clone().unwrap_or_default()),
            None => (String::new(), String::new()),
        };
        let p_ok = norm(&gp) == norm(&place);
        let a_ok = norm(&ga) == norm(agency);
        ok_place += p_ok as usize;
        ok_agency += a_ok as usize;
        ok_both += (p_ok && a_ok) as usize;
        if !(p_ok && a_ok) && shown < 30 {
            shown += 1;
            eprintln!(
                "gold {place:?} ({agency:?}) got {gp:?} ({ga:?}) | {:?}",
                &r.description[..r.description.len().min(90)]
            );
        }
    }
    let pct = |a: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "AG News test.csv: {n} descriptions open with CITY (AGENCY) -: place right {:.2}%, agency right {:.2}%, both {:.2}%",
        pct(ok_place),
        pct(ok_agency),
        pct(ok_both)
    );
    assert!(n >= 700, "only {n} datelined descriptions found");
    assert!(pct(ok_both) >= 98.0, "place and agency right in {:.2}% < 98%", pct(ok_both));
}
