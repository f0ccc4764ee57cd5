//! Reader for the agnews data set (to be written).
