//! The tagger's feature hash, and the hash map the core uses for its own keys.
//!
//! `hash_str`, `hash_bytes`, `fmix` and `mix` are part of the trained model's format: every feature
//! is `mix`ed from `hash_str` values and its weight row is chosen by the resulting bits, and the
//! model file's lexicon fingerprint is a `hash_str`. Their values must never change (a change means
//! retraining models/ner.bin); `tests::values_are_the_model_format` pins them. Plain hash maps use
//! `rustc_hash::FxHashMap` (`FxMap`): the keys are the core's own words and hashes, not
//! attacker-chosen, so speed beats flood resistance.

pub use rustc_hash::FxHashMap as FxMap;

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Hash of a string; stable across runs and platforms (the model file depends on it).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

#[inline]
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().unwrap());
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut v = 0u64;
        for (i, &x) in rest.iter().enumerate() {
            v |= (x as u64) << (8 * i);
        }
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    fmix(h)
}

/// Finaliser that spreads every input bit over the whole word (murmur3's).
#[inline]
pub fn fmix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Combines two hashes (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    fmix(a.rotate_left(29) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_distinct() {
        assert_eq!(hash_str("Seoul"), hash_str("Seoul"));
        assert_ne!(hash_str("Seoul"), hash_str("seoul"));
        assert_ne!(hash_str(""), hash_str("\0"));
        assert_ne!(mix(1, 2), mix(2, 1));
    }

    #[test]
    fn values_are_the_model_format() {
        // The shipped model's weights sit at the rows these values pick: they must not change.
        let got = [hash_str(""), hash_str("Seoul"), hash_str("Kim Jong-un said"), mix(hash_str("Seoul"), 7), fmix(1)];
        let want = [
            0xefd0_1f60_ba99_2926,
            0x5fb0_53fe_5ee9_e869,
            0x4391_18ba_cc3b_cccd,
            0xa7ef_8c15_7791_9e3b,
            0xb456_bcfc_34c2_cb2c,
        ];
        assert_eq!(got, want);
    }
}
