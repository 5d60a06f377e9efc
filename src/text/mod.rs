//! The Arabic text layer: normalization with an offset map to the original,
//! sentences, tokens, and character offsets for provenance.

pub mod markup;
pub mod normalize;
pub mod sentence;
pub mod token;

pub use normalize::{NormText, normalize_str};
pub use sentence::split_sentences;
pub use token::{Token, TokenKind, tokenize};

/// Converts byte offsets of a text to character offsets in O(1) amortized
/// per lookup: a checkpoint every 1024 bytes, then a short scan.
pub struct CharIndex<'a> {
    text: &'a str,
    /// Character count before each 1024-byte block boundary (adjusted down to
    /// a char boundary).
    blocks: Vec<(usize, usize)>,
}

impl<'a> CharIndex<'a> {
    const BLOCK: usize = 1024;

    pub fn new(text: &'a str) -> Self {
        let mut blocks = vec![(0usize, 0usize)];
        let mut next = Self::BLOCK;
        for (chars, (b, _)) in text.char_indices().enumerate() {
            if b >= next {
                blocks.push((b, chars));
                next = b + Self::BLOCK;
            }
        }
        CharIndex { text, blocks }
    }

    /// Character offset of byte offset `byte` (a char boundary or the length).
    pub fn char_offset(&self, byte: usize) -> usize {
        let i = self.blocks.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, c) = self.blocks[i];
        c + self.text[b..byte].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_count() {
        let s = "عين الأسد ".repeat(300);
        let ix = CharIndex::new(&s);
        for (b, _) in s.char_indices().step_by(37) {
            assert_eq!(ix.char_offset(b), s[..b].chars().count());
        }
        assert_eq!(ix.char_offset(s.len()), s.chars().count());
    }
}
