//! Small helpers every stage may use: hashing.
pub(crate) mod hash;
