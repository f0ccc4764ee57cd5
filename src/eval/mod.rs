//! Evaluation and training (cargo feature `eval`): readers of the gold data sets (CoNLL-2003,
//! TimeBank, AG News, PolNeAR), scorers that run the full pipeline over them, and the tagger's trainer.
//! Nothing in the pipeline's stages imports this module.
pub mod agnews;
pub mod conll;
pub mod ner;
pub mod perceptron;
pub mod polnear;
pub mod time;
pub mod timebank;
pub mod train;

/// What the training tools and the evaluation tests reach inside the stages: the tagger and its
/// lexicon, and the entity rules and time stages run on their own.
pub mod stages {
    pub use crate::entities::lexicon::{Lexicon, LEXICON_TSV};
    pub use crate::entities::model::{Model, TYPES};
    pub use crate::entities::rules::{find as find_rules, find_in_text as find_rules_in_text};
    pub use crate::entities::{recognize, shipped_model};
    pub use crate::reading::agency::mark_own_agency as agency;
    pub use crate::reading::events::extract as events;
    pub use crate::reading::names::resolve as names;
    pub use crate::reading::quotes::extract as quotes;
    pub use crate::reading::surface::normalize as surface;
    pub use crate::reading::time_values::annotate as time_values;
    pub use crate::time::scan::scan as scan_time;
}
