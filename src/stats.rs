//! Corpus statistics: frequencies, co-occurrence (PMI, NPMI), timelines, keyness (G2).
