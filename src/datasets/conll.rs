//! Reader for the conll data set (to be written).
