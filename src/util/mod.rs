//! Small helpers every stage may use: the calendar, hashing, byte to `str` offsets.
pub(crate) mod calendar;
pub(crate) mod hash;
pub(crate) mod offsets;
