//! 64-bit FNV-1a, the digest format of the examples and benchmarks that check a speed change left
//! every output as it was (their printed digests are compared across builds, so the function must
//! not change).

/// A running FNV-1a digest.
pub struct Fnv(pub u64);

impl Fnv {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    pub fn new() -> Self {
        Fnv(Self::OFFSET)
    }

    /// Adds the bytes as they are.
    pub fn write(&mut self, b: &[u8]) {
        for &c in b {
            self.0 ^= c as u64;
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    /// Adds the bytes as one item, followed by a separator, so ("ab", "c") and ("a", "bc") differ.
    #[allow(dead_code)] // not every user digests items
    pub fn item(&mut self, b: &[u8]) {
        self.write(b);
        self.write(&[0xff]);
    }
}
