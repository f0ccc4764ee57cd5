//! Small helpers every stage may use: hashing, byte to `str` offsets.
pub(crate) mod hash;
pub(crate) mod offsets;
