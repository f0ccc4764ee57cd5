//! Reader for the reuters data set (to be written).
