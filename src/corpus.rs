//! Corpus engine: parallel extraction over many stories into columnar rows.
