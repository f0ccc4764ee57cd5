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
