//! Telling what a file's bytes are when they are not plain UTF-8: a binary
//! format, UTF-16 without a byte-order mark, damaged UTF-8, or Arabic in a
//! legacy encoding (Windows-1256 or ISO-8859-6).
//!
//! The legacy detector decodes the bytes in each candidate encoding and
//! keeps a reading only when it looks like Arabic text: at least
//! [`MIN_WORDS`] Arabic words, no more than 2% of the non-ASCII characters
//! outside Arabic script and its usual punctuation (mojibake shows up as
//! Latin letters such as `ç è é`, currency signs or control characters),
//! combining marks only after letters, and the definite article ال starting
//! at least 5% of the words (it starts about a third of them in news text).
//! The two encodings place most letters differently (ل is 0xE1 in
//! Windows-1256, 0xE4 in ISO-8859-6), so a wrong reading fails these tests
//! by a wide margin. When no reading passes, or both do, the file is
//! reported, never guessed.

use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// Fewest Arabic words from which an encoding is inferred.
pub const MIN_WORDS: usize = 10;

/// Legacy encodings kg recognizes without being told.
pub const LEGACY: [&Encoding; 2] = [WINDOWS_1256, ISO_8859_6];

/// What a reading of some text looks like.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Non-ASCII characters other than whitespace.
    pub non_ascii: usize,
    /// Characters that do not belong in Arabic text (see the module docs).
    pub suspicious: usize,
    /// Runs of two or more Arabic letters.
    pub words: usize,
    /// Words that start with the definite article (after و ف ب ك ل).
    pub al_words: usize,
}

impl Stats {
    /// Whether the text reads as Arabic.
    pub fn is_arabic(&self) -> bool {
        self.words >= MIN_WORDS
            && self.suspicious * 50 <= self.non_ascii
            && self.al_words * 20 >= self.words
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}')
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}')
}

/// Non-ASCII characters that are at home in Arabic text besides letters and marks.
fn is_arabic_punctuation(c: char) -> bool {
    matches!(c, '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{0640}' | '\u{0660}'..='\u{066D}'
        | '\u{06F0}'..='\u{06F9}' | '\u{00A0}' | '«' | '»' | '“' | '”' | '‘' | '’' | '…' | '–'
        | '—' | '•' | '\u{200C}'..='\u{200F}')
}

/// Measures how Arabic `text` looks.
pub fn stats(text: &str) -> Stats {
    let mut st = Stats::default();
    let mut prev = ' ';
    let mut word = String::new();
    let end_word = |word: &mut String, st: &mut Stats| {
        if word.chars().count() >= 2 {
            st.words += 1;
            let bare = word
                .strip_prefix(['و', 'ف'])
                .filter(|r| r.starts_with("ال") || r.starts_with("بال") || r.starts_with("لل"))
                .unwrap_or(word);
            let bare = bare
                .strip_prefix(['ب', 'ك'])
                .filter(|r| r.starts_with("ال"))
                .unwrap_or(bare);
            if bare.starts_with("ال") || bare.starts_with("لل") {
                st.al_words += 1;
            }
        }
        word.clear();
    };
    for c in text.chars() {
        if is_arabic_letter(c) {
            word.push(c);
        } else if !is_mark(c) {
            end_word(&mut word, &mut st);
        }
        if c.is_control() && !c.is_whitespace() {
            st.suspicious += 1;
        }
        if !c.is_ascii() && !c.is_whitespace() {
            st.non_ascii += 1;
            let fits = is_arabic_letter(c)
                || is_arabic_punctuation(c)
                || (is_mark(c) && (is_arabic_letter(prev) || is_mark(prev)));
            if !fits {
                st.suspicious += 1;
            }
        }
        prev = c;
    }
    end_word(&mut word, &mut st);
    st
}

/// Decodes `bytes` in `enc` without replacement characters.
pub fn strict(enc: &'static Encoding, bytes: &[u8]) -> Option<String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
}

/// The outcome of legacy detection.
#[derive(Debug)]
pub enum Legacy {
    /// Exactly one encoding reads as Arabic.
    Found(&'static Encoding, String),
    /// Too little text to tell.
    TooShort,
    /// Several encodings read as Arabic.
    Ambiguous,
    /// None does.
    NotArabic,
}

/// Finds the legacy encoding in which `bytes` read as Arabic.
pub fn legacy(bytes: &[u8]) -> Legacy {
    let mut found = Vec::new();
    let mut short = false;
    for enc in LEGACY {
        let Some(text) = strict(enc, bytes) else {
            continue;
        };
        let st = stats(&text);
        short |= (1..MIN_WORDS).contains(&st.words) && st.suspicious * 50 <= st.non_ascii;
        if st.is_arabic() {
            found.push((enc, text));
        }
    }
    match found.len() {
        1 => {
            let (enc, text) = found.remove(0);
            Legacy::Found(enc, text)
        }
        0 if short => Legacy::TooShort,
        0 => Legacy::NotArabic,
        _ => Legacy::Ambiguous,
    }
}

/// A binary format recognized by its first bytes.
pub fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
        (b"\x1f\x8b", "a gzip-compressed file"),
        (b"BZh", "a bzip2-compressed file"),
        (b"\xfd7zXZ\x00", "an xz-compressed file"),
        (b"\x28\xb5\x2f\xfd", "a zstd-compressed file"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
        (b"{\\rtf", "an RTF document"),
        (b"\x7fELF", "an executable"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, what)| *what)
}

/// Control bytes that do not occur in text: NUL and C0 controls other than
/// tab, line feed, form feed, carriage return, escape and the DOS end of
/// file (0x1A). Returns their count and the first offset.
pub fn control_bytes(bytes: &[u8]) -> (usize, Option<usize>) {
    let mut n = 0;
    let mut first = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1A | 0x1B) {
            n += 1;
            first.get_or_insert(i);
        }
    }
    (n, first)
}

/// UTF-16 without a byte-order mark: every other byte is a high byte of
/// Basic Latin (0x00), Arabic (0x06), general punctuation (0x20) or Arabic
/// presentation forms (0xFB–0xFE), and the decoded text is text.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let mut found = None;
    for (enc, high) in [(UTF_16LE, 1), (UTF_16BE, 0)] {
        let highs = bytes.iter().skip(high).step_by(2);
        let n = bytes.len() / 2;
        let plausible = highs
            .filter(|&&b| matches!(b, 0x00 | 0x06 | 0x20 | 0xFB..=0xFE))
            .count();
        if plausible * 100 < n * 95 {
            continue;
        }
        let Some(text) = strict(enc, bytes) else {
            continue;
        };
        let st = stats(&text);
        let controls = text
            .chars()
            .filter(|c| c.is_control() && !c.is_whitespace())
            .count();
        if controls == 0 && st.suspicious * 50 <= st.non_ascii {
            if found.is_some() {
                return None;
            }
            found = Some((enc, text));
        }
    }
    found
}

/// Whether bytes that are not valid UTF-8 are mostly UTF-8 all the same
/// (more multi-byte characters than invalid bytes): a damaged UTF-8 file,
/// not a legacy encoding.
pub fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > invalid
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &str = "أعلنت وزارة الدفاع العراقية أن القوات الأمريكية انسحبت من قاعدة عين الأسد \
        الجوية في محافظة الأنبار، وقال المتحدث باسم الوزارة إن العملية تمت بالتنسيق مع التحالف الدولي.";

    #[test]
    fn arabic_news_reads_as_arabic() {
        let st = stats(NEWS);
        assert!(st.is_arabic(), "{st:?}");
        assert_eq!(st.suspicious, 0);
        assert!(st.al_words * 3 >= st.words, "{st:?}");
    }

    #[test]
    fn each_legacy_encoding_is_found_and_only_it() {
        for enc in LEGACY {
            let (bytes, _, bad) = enc.encode(NEWS);
            assert!(!bad);
            match legacy(&bytes) {
                Legacy::Found(e, text) => {
                    assert_eq!(e, enc);
                    assert_eq!(text, NEWS);
                }
                other => panic!("{}: {other:?}", enc.name()),
            }
            // The other reading is rejected (or undecodable).
            for other in LEGACY.iter().filter(|o| **o != enc) {
                if let Some(t) = strict(other, &bytes) {
                    assert!(!stats(&t).is_arabic(), "{} as {}", enc.name(), other.name());
                }
            }
        }
    }

    #[test]
    fn short_latin_and_mojibake_are_not_guessed() {
        let (short, _, _) = WINDOWS_1256.encode("عين الأسد");
        assert!(matches!(legacy(&short), Legacy::TooShort));
        let (latin1, _, _) = encoding_rs::WINDOWS_1252
            .encode("Le président a annoncé le retrait des troupes françaises à Erbil.");
        assert!(matches!(legacy(&latin1), Legacy::NotArabic));
        // UTF-8 Arabic read as Windows-1256 is mojibake, never Arabic.
        let st = stats(&WINDOWS_1256.decode(NEWS.as_bytes()).0);
        assert!(!st.is_arabic(), "{st:?}");
    }

    #[test]
    fn binary_and_utf16_sniffing() {
        assert_eq!(binary_format(b"%PDF-1.7"), Some("a PDF document"));
        assert_eq!(binary_format("قال".as_bytes()), None);
        assert_eq!(control_bytes(b"a\0b\x01\tc\n"), (2, Some(1)));
        let le: Vec<u8> = NEWS.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = NEWS.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(utf16_without_bom(&le).map(|x| x.0), Some(UTF_16LE));
        assert_eq!(utf16_without_bom(&be).map(|x| x.0), Some(UTF_16BE));
        assert_eq!(utf16_without_bom(b"\x00\x01\x02\x03\x04\x05"), None);
        let mut damaged = NEWS.as_bytes().to_vec();
        damaged[10] = 0xFF;
        assert!(mostly_utf8(&damaged));
        assert!(!mostly_utf8(&WINDOWS_1256.encode(NEWS).0));
    }
}
