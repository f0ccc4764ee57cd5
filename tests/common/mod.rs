//! Helpers shared by the Rust integration tests that read `../shared`.
#![allow(dead_code)] // each test crate uses its own subset
use std::path::PathBuf;

/// `sub` under `../shared` beside the repository (or `$DATELINE_SHARED`): None, with a message, when
/// absent; a failure when absent under `CI=true`, so CI cannot pass by skipping.
pub fn shared_path(sub: &str) -> Option<PathBuf> {
    let base = std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared"));
    let p = base.join(sub);
    if p.exists() {
        return Some(p);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{} is missing (CI=true: shared data is required)", p.display());
    }
    eprintln!("skipping: {} not found (set DATELINE_SHARED)", p.display());
    None
}

/// Letters and digits only, lower-cased: compares places with case, spacing and punctuation aside.
pub fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The entities `dateline::parse` finds in `text` (no date), as (text, label).
pub fn entities(text: &str) -> Vec<(String, dateline::Label)> {
    let art = dateline::parse(text, &Default::default()).expect("parses");
    art.entities.iter().map(|e| (art.slice(e.span).to_string(), e.label)).collect()
}

/// Fails, naming what was found, unless `text` gives the entity `name` with `label`.
pub fn assert_has(text: &str, name: &str, label: dateline::Label) {
    let got = entities(text);
    assert!(got.iter().any(|(t, l)| t == name && *l == label), "{name:?} as {label:?} not in {got:?}");
}
