//! Entity ids: a fixed hash of label, key and disambiguator, so the same entity gets the same id in
//! any run, at any thread count, in any input order and in another corpus that contains it.

/// The id of an entity: 16 hex digits of the 64-bit FNV-1a hash of "label\x1fkey\x1fdisambiguator".
/// FNV-1a is fixed by its definition (unlike std's hasher), so ids are stable across builds.
pub fn entity_id(label: &str, key: &str, disambiguator: &str) -> String {
    let h = fnv1a(&[label.as_bytes(), b"\x1f", key.as_bytes(), b"\x1f", disambiguator.as_bytes()]);
    hex16(h)
}

/// `format!("{h:016x}")`, written digit by digit (the formatter's machinery was most of the cost
/// of an id, one per entity).
pub(super) fn hex16(h: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut b = [0u8; 16];
    for (i, d) in b.iter_mut().enumerate() {
        *d = DIGITS[(h >> (60 - 4 * i)) as usize & 15];
    }
    String::from_utf8(b.to_vec()).expect("hex digits are ASCII")
}

/// The 64-bit FNV-1a hash of the parts, one after the other.
pub(super) fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}
