//! Small helpers every stage may use: the calendar and hashing.
pub(crate) mod calendar;
pub(crate) mod hash;
