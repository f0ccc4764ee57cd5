//! TimeBank (TempEval-3) evaluation of DATE/TIME entities and their values.
//!
//! Reads `../shared/data/tempeval3/timebank` (or `$DATELINE_SHARED/data/...`); skips when it is absent,
//! fails when it is absent under `CI=true`. `TIME_DUMP=1` prints every miss for error analysis.
use std::path::PathBuf;

use dateline::eval::time as eval;
use dateline::eval::timebank;

fn timebank_dir() -> Option<PathBuf> {
    let shared = std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared"));
    let dir = shared.join("data").join("tempeval3").join("timebank");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("TimeBank data missing at {} (required under CI=true)", dir.display());
    }
    eprintln!("skipping: no TimeBank data at {}", dir.display());
    None
}

/// Just under the value F1 the whole pipeline scores (85.01; strict 91.84, relaxed 94.21), to catch
/// regressions.
const VALUE_F1_FLOOR: f64 = 84.5;
/// The acceptance figure for time values.
const VALUE_F1_TARGET: f64 = 85.0;

fn report() -> Option<eval::TimeEvalReport> {
    let dir = timebank_dir()?;
    let docs = timebank::read_dir(&dir).expect("read TimeBank");
    assert_eq!(docs.len(), 183, "TempEval-3 TimeBank has 183 documents");
    if std::env::var("TIME_DUMP").is_ok() {
        dump(&docs);
    }
    let r = eval::evaluate_docs(&docs);
    println!("{r}");
    println!("{}", serde_json::to_string(&r).unwrap());
    Some(r)
}

#[test]
fn timebank_value_f1_floor() {
    let Some(r) = report() else { return };
    assert!(r.value.f1 >= VALUE_F1_FLOOR, "value F1 {:.2} < {VALUE_F1_FLOOR}\n{r}", r.value.f1);
    assert!(r.relaxed.f1 >= 93.5 && r.strict.f1 >= 91.0, "extent F1 fell\n{r}");
}

#[test]
fn timebank_value_f1_at_least_85() {
    let Some(r) = report() else { return };
    assert!(r.value.f1 >= VALUE_F1_TARGET, "value F1 {:.2} < {VALUE_F1_TARGET}\n{r}", r.value.f1);
}

/// `TIME_DUMP=all` also prints the matches.
fn dump(docs: &[timebank::TimebankDoc]) {
    let all = std::env::var("TIME_DUMP").is_ok_and(|v| v == "all");
    for d in docs {
        let pred = eval::predict(d);
        let s = eval::score_doc(d, &pred);
        let gold: Vec<_> = d.timexes.iter().filter(|t| t.kind == "DATE" || t.kind == "TIME").collect();
        let mut gold_hit = vec![false; gold.len()];
        let mut pred_hit = vec![false; pred.len()];
        for &(gi, pi) in &s.pairs {
            gold_hit[gi] = true;
            pred_hit[pi] = true;
            let g = gold[gi];
            let p = &pred[pi];
            let gt = &d.text[g.start..g.end];
            let pt = &d.text[p.span.start..p.span.end];
            let pv = p.value.as_deref().unwrap_or("-");
            if gt != pt || pv != g.value {
                println!("DIFF  {} dct={} gold {:?}={} pred {:?}={}", d.name, d.dct_date(), gt, g.value, pt, pv);
            } else if all {
                println!("OK    {} dct={} {:?}={}", d.name, d.dct_date(), gt, pv);
            }
        }
        for (gi, g) in gold.iter().enumerate() {
            if !gold_hit[gi] {
                let ctx_s = g.start.saturating_sub(40);
                let ctx_e = (g.end + 30).min(d.text.len());
                let ctx = d.text.get(ctx_s..ctx_e).unwrap_or("").replace('\n', " ");
                println!("MISS  {} {:?}={}   | {}", d.name, &d.text[g.start..g.end], g.value, ctx);
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            let v = p.value.as_deref().unwrap_or("-");
            if !pred_hit[pi] {
                let ctx_s = p.span.start.saturating_sub(40);
                let ctx_e = (p.span.end + 30).min(d.text.len());
                let ctx = d.text.get(ctx_s..ctx_e).unwrap_or("").replace('\n', " ");
                let dur = d.timexes.iter().any(|t| t.start < p.span.end && p.span.start < t.end);
                println!(
                    "SPUR  {} {:?}={} {} | {}",
                    d.name,
                    &d.text[p.span.start..p.span.end],
                    v,
                    if dur { "(overlaps DURATION/SET gold)" } else { "" },
                    ctx
                );
            }
        }
    }
}
