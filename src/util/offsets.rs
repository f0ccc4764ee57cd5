//! Byte offsets (the core's) to `str` indices (Python's code point indices).
//!
//! The core works in UTF-8 byte offsets; Python indexes a `str` by code point. Both the binding's
//! records and the corpus tables convert through [`CharIndex`]. ASCII text needs no table. Otherwise
//! the index keeps the code point count at every 64-byte block boundary, so a conversion counts at
//! most 63 bytes and memory stays at 1/16 of the text.

const BLOCK: usize = 64;

/// Byte offset -> code point index for one text (the text itself is passed to [`CharIndex::char_of`]
/// so the index can live beside it, e.g. in the same `Arc`).
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// Code points before each block start; empty for ASCII text (byte = char).
    blocks: Vec<u32>,
}

/// Whether `b` starts a code point (continuation bytes are 0b10xxxxxx).
#[inline]
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| is_char_start(b)).count()
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex { blocks: Vec::new() };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut count: u32 = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += count_chars(chunk) as u32;
        }
        blocks.push(count);
        CharIndex { blocks }
    }

    /// The code point index of byte offset `b` of `text` (the text the index was built for; `b`
    /// must be a char boundary, which `Article::check_spans` guarantees for every span).
    #[inline]
    pub fn char_of(&self, text: &str, b: usize) -> usize {
        if self.blocks.is_empty() {
            return b;
        }
        let block = b / BLOCK;
        let base = block * BLOCK;
        self.blocks[block] as usize + count_chars(&text.as_bytes()[base..b])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_every_boundary() {
        for text in ["Zürich 北京 😀 ".repeat(20) + "end", format!("{}é{}€z", "a".repeat(70), "b".repeat(100))]
        {
            let idx = CharIndex::new(&text);
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.char_of(&text, bi), ci);
            }
            assert_eq!(idx.char_of(&text, text.len()), text.chars().count());
        }
        let ascii = CharIndex::new("plain");
        assert_eq!(ascii.char_of("plain", 3), 3);
    }
}
