//! Readers for the public data sets used to train and evaluate dateline (read in place from the
//! caller's copy; nothing of them ships with the package).
pub mod agnews;
pub mod conll;
pub mod reuters;
pub mod timebank;
