//! Byte offsets (the core) to `str` code point indices (Python).
//!
//! ASCII text needs no map. Otherwise the map keeps the code point count at every 64-byte block
//! boundary, so a conversion counts at most 63 bytes and memory stays at 1/16 of the text.

const BLOCK: usize = 64;

pub struct CharMap {
    /// Code points before each block start; empty for ASCII text.
    blocks: Vec<u32>,
}

#[inline]
fn is_char_start(b: u8) -> bool {
    // Continuation bytes are 0b10xxxxxx.
    (b as i8) >= -0x40
}

impl CharMap {
    pub fn new(text: &str) -> CharMap {
        if text.is_ascii() {
            return CharMap { blocks: Vec::new() };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count: u32 = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += chunk.iter().filter(|&&b| is_char_start(b)).count() as u32;
        }
        blocks.push(count);
        CharMap { blocks }
    }

    pub fn is_identity(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The code point index of byte offset `b` (which must be a char boundary of `text`).
    #[inline]
    pub fn char_of(&self, text: &str, b: usize) -> usize {
        if self.blocks.is_empty() {
            return b;
        }
        let block = b / BLOCK;
        let base = block * BLOCK;
        let within = text.as_bytes()[base..b].iter().filter(|&&c| is_char_start(c)).count();
        self.blocks[block] as usize + within
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn maps_every_boundary() {
        let text = "Zürich 北京 😀 ".repeat(20) + "end";
        let map = CharMap::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_of(&text, bi), ci);
        }
        assert_eq!(map.char_of(&text, text.len()), text.chars().count());
        let ascii = CharMap::new("plain");
        assert!(ascii.is_identity());
        assert_eq!(ascii.char_of("plain", 3), 3);
    }
}
