//! Fast non-cryptographic hashing for feature hashing and the tagger's word maps (the inputs are
//! our own words, not attacker-chosen keys, so speed beats DoS resistance here).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// Hasher for keys that are already good hashes (u64 from `hash_str`).
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes) ^ self.0.rotate_left(7);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

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
}
