//! dateline: turns raw news stories into structured data.
//!
//! Data flows one way: text -> [`Article`] (structure, tokens, sentences) -> entities -> resolution,
//! time values, quotes, events -> records (`str` offsets; what Python sees) -> rows (corpus engine,
//! statistics). Each stage is its own module and
//! plain Rust; the pyo3 binding (feature `python`) is a thin layer in `python/`.

// The stages, in the order the data flows through them. A stage uses only the stages above it,
// the data model (`types`, `error`), `util` and the shared `gazetteer` (tests/layering.rs checks).
pub mod corpus;
mod entities;
mod error;
#[cfg(feature = "eval")]
pub mod eval;
mod gazetteer;
mod reading;
pub mod records;
pub mod stats;
mod structure;
mod time;
mod types;
mod util;

#[cfg(feature = "python")]
mod python;

/// The user's aliases and phrase patterns, compiled once (`analyze_with_names`).
pub use entities::user::{UserEntry, UserNames};
pub use error::{Error, Result};
pub use structure::parse_structure;
pub use structure::tokenize::annotate as tokenize;
pub use time::normalize as normalize_time;
pub use types::*;

/// Which stages `analyze` runs after structure, tokens and sentences.
#[derive(Debug, Clone, Copy)]
pub struct Stages {
    pub entities: bool,
    /// Canonical names, titles, country codes, clusters, time values, quotes, events.
    pub reading: bool,
}

impl Default for Stages {
    fn default() -> Self {
        Stages { entities: true, reading: true }
    }
}

/// Largest story accepted, in bytes. Larger input is an `Error::Input`, not a hang.
pub const MAX_STORY_BYTES: usize = 64 * 1024 * 1024;

/// Parses one story and runs the requested stages.
pub fn analyze(text: &str, opts: &ParseOptions, stages: Stages) -> Result<Article> {
    analyze_using(text, opts, stages, None)
}

/// `parse` with another entity model than the shipped one (training tools score candidates
/// through the full pipeline without rebuilding the library).
pub fn parse_with_model(text: &str, opts: &ParseOptions, model: &entities::Model) -> Result<Article> {
    analyze_using(text, opts, Stages::default(), Some(model))
}

fn analyze_using(text: &str, opts: &ParseOptions, stages: Stages, model: Option<&entities::Model>) -> Result<Article> {
    if text.len() > MAX_STORY_BYTES {
        return Err(too_long(text));
    }
    analyze_owned_using(text.to_string(), opts, stages, model, None)
}

/// `analyze_owned` with the user's own names: their entities win over the model's, and keep the
/// user's label, canonical name and id through the reading stages.
pub fn analyze_with_names(
    text: String,
    opts: &ParseOptions,
    stages: Stages,
    names: Option<&UserNames>,
) -> Result<Article> {
    analyze_owned_using(text, opts, stages, None, names)
}

/// `analyze` on a text the caller gives away: the article keeps it without a copy (the Python
/// binding has already copied the caller's `str` once).
pub fn analyze_owned(text: String, opts: &ParseOptions, stages: Stages) -> Result<Article> {
    analyze_owned_using(text, opts, stages, None, None)
}

fn analyze_owned_using(
    text: String,
    opts: &ParseOptions,
    stages: Stages,
    model: Option<&entities::Model>,
    names: Option<&UserNames>,
) -> Result<Article> {
    if text.len() > MAX_STORY_BYTES {
        return Err(too_long(&text));
    }
    let opts = &opts.validated()?;
    // A model that does not load is the caller's to hear about, not a story without names.
    if stages.entities && model.is_none() {
        entities::shipped_model().map_err(Clone::clone)?;
    }
    let mut art = structure::parse_structure_owned(text, opts);
    structure::tokenize::annotate(&mut art);
    // Inside a cancelled corpus run the story is thrown away: the later stages are skipped.
    if stages.entities && !util::cancel::requested() {
        match model {
            Some(m) => entities::recognize_using(m, &mut art),
            None => entities::recognize(&mut art),
        }
        if let Some(names) = names.filter(|n| !n.is_empty()) {
            names.apply(&mut art);
        }
        if stages.reading && !util::cancel::requested() {
            reading::read(&mut art);
        }
    }
    // Callers slice and convert every span: a bad one is reported here, not as a panic later.
    art.check_spans()?;
    Ok(art)
}

fn too_long(text: &str) -> Error {
    Error::Input(format!("story of {} bytes is over the limit of {} bytes", text.len(), MAX_STORY_BYTES))
}

/// Every model and data file compiled into the library, by its path in the repository, so a run
/// can record exactly which models made its tables (`models/MANIFEST.json` lists the same hashes).
pub fn model_files() -> Vec<(&'static str, &'static [u8])> {
    let mut files: Vec<(&'static str, &'static [u8])> = entities::embedded_files().to_vec();
    files.extend(gazetteer::embedded_files().iter().map(|&(path, text)| (path, text.as_bytes())));
    files
}

/// `analyze` with every stage.
pub fn parse(text: &str, opts: &ParseOptions) -> Result<Article> {
    analyze(text, opts, Stages::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::cancel::{CancelFlag, Scope};

    fn story() -> String {
        "SEOUL, Oct. 5 (Yonhap) -- Kim Jong-un met Moon Jae-in in Pyongyang, KCNA said. ".repeat(40)
    }

    #[test]
    fn a_cancelled_run_skips_the_later_stages() {
        let text = story();
        assert!(!parse(&text, &ParseOptions::default()).unwrap().entities.is_empty());
        let flag = CancelFlag::new();
        flag.cancel();
        let _scope = Scope::enter(&flag);
        let art = parse(&text, &ParseOptions::default()).unwrap();
        assert!(!art.tokens.is_empty(), "structure still runs");
        assert!(art.entities.is_empty() && art.quotes.is_empty());
    }

    #[test]
    fn a_sentence_over_the_segment_limit_is_tagged_in_pieces() {
        // One "sentence" of ~12,000 tokens: a name near its end is still found.
        let filler = "and then x ".repeat(4_000);
        let text = format!("{filler}Kim Jong-un met Moon Jae-in in Pyongyang.");
        let art = parse(&text, &ParseOptions::default()).unwrap();
        assert_eq!(art.sentences.len(), 1);
        let names: Vec<&str> = art.entities.iter().map(|e| &text[e.span.start..e.span.end]).collect();
        assert!(names.contains(&"Kim Jong-un") && names.contains(&"Pyongyang"), "{names:?}");
    }
}
