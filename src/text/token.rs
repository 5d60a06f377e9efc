//! Tokens of normalized text: words, numbers and punctuation, each with its
//! byte span in the normalized text (map it back with [`super::NormText`]).

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script), possibly with digits inside.
    Word,
    /// Digits, with `.` or `,` between digits (2.5, 2,500).
    Number,
    /// One punctuation or symbol character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.range()]
    }
}

fn is_word_char(c: char) -> bool {
    // Fast paths for ASCII and the Arabic letters, the bulk of the text;
    // `is_alphanumeric` answers the rest from Unicode's tables.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0620}'..='\u{064A}').contains(&c) {
        return true;
    }
    c.is_alphanumeric() || unicode_is_mark(c)
}

fn unicode_is_mark(c: char) -> bool {
    // Combining marks that survived normalization (non-Arabic scripts).
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// Splits `text[range]` into tokens. Whitespace separates tokens and is
/// dropped; Arabic letters and ASCII digits written together (في26، و2500)
/// are split, Latin letters and digits are not (F16).
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let slice = &text[range.clone()];
    let base = range.start;
    let mut it = slice.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = base + i;
        let mut end = start + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            let mut kind = TokenKind::Number;
            while let Some(&(j, d)) = it.peek() {
                let separator = (d == '.' || d == ',')
                    && next_is_digit(slice, j + 1)
                    && kind == TokenKind::Number;
                let latin = is_word_char(d) && !d.is_ascii_digit() && !is_arabic_letter(d);
                if d.is_ascii_digit() || separator || latin {
                    if latin {
                        kind = TokenKind::Word;
                    }
                    it.next();
                    end = base + j + d.len_utf8();
                } else {
                    break;
                }
            }
            kind
        } else if is_word_char(c) {
            let arabic = is_arabic_letter(c);
            while let Some(&(j, d)) = it.peek() {
                if !is_word_char(d) || (arabic && d.is_ascii_digit()) {
                    break;
                }
                it.next();
                end = base + j + d.len_utf8();
            }
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        out.push(Token {
            start: start as u32,
            end: end as u32,
            kind,
        });
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FEFF}')
}

fn next_is_digit(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Parses a number token (`2500`, `2,500`, `2.5`) to f64.
pub fn parse_number(tok: &str) -> Option<f64> {
    let comma_groups = tok.contains(',') && !tok.contains('.');
    let cleaned: String = if comma_groups {
        tok.chars().filter(|&c| c != ',').collect()
    } else {
        tok.replace(',', ".")
    };
    cleaned.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, TokenKind)> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out);
        out.iter()
            .map(|t| (t.text(s).to_string(), t.kind))
            .collect()
    }

    #[test]
    fn words_numbers_punct() {
        let t = toks("انسحاب 2.5 الف، و2500 جندي.");
        let texts: Vec<_> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            ["انسحاب", "2.5", "الف", "،", "و", "2500", "جندي", "."]
        );
        assert_eq!(t[1].1, TokenKind::Number);
        assert_eq!(t[5].1, TokenKind::Number);
        let t = toks("في26 يناير f16 2025م");
        let texts: Vec<_> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["في", "26", "يناير", "f16", "2025", "م"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("2,500"), Some(2500.0));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("x"), None);
    }
}
