//! Small helpers every stage may use: the calendar, cancellation, hashing, company legal forms, byte to `str` offsets.
pub(crate) mod calendar;
pub(crate) mod cancel;
pub(crate) mod hash;
pub(crate) mod legal_forms;
pub(crate) mod offsets;
