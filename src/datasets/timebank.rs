//! Reader for the timebank data set (to be written).
