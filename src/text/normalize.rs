//! Arabic normalization for matching, as an ordered list of small steps.
//!
//! Each [`Step`] maps one character to zero or more characters. The steps run
//! in [`STEPS`] order; their composition is tabulated once for the Basic
//! Multilingual Plane up to U+FFFF, so normalizing costs one table lookup per
//! character. The normalized text keeps an offset map into the ORIGINAL text,
//! so a match found on normalized text reports the original span (removed
//! diacritics and controls inside or right after a match stay inside its span).

use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// One normalization step: a name (for docs and debugging) and a function
/// that writes the replacement of one character.
pub struct Step {
    pub name: &'static str,
    pub apply: fn(char, &mut Vec<char>),
}

/// The steps, in order.
pub const STEPS: &[Step] = &[
    Step {
        name: "strip bidi and zero-width controls",
        apply: strip_controls,
    },
    Step {
        name: "NFKC (presentation forms, ligatures, compatibility characters)",
        apply: nfkc,
    },
    Step {
        name: "remove diacritics and tatweel",
        apply: strip_marks,
    },
    Step {
        name: "unify letter variants (أ إ آ ٱ → ا, ى → ي, ة → ه, Persian letters)",
        apply: unify_letters,
    },
    Step {
        name: "Arabic-Indic and Persian digits → ASCII",
        apply: ascii_digits,
    },
    Step {
        name: "lowercase Latin",
        apply: lowercase,
    },
];

fn strip_controls(c: char, out: &mut Vec<char>) {
    let control = matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}');
    if !control {
        out.push(c);
    }
}

fn nfkc(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        out.push(c);
    } else {
        out.extend(std::iter::once(c).nfkc());
    }
}

/// Arabic harakat, Quranic marks, superscript alef, hamza marks and tatweel.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}' | '\u{0640}')
}

fn strip_marks(c: char, out: &mut Vec<char>) {
    if !is_arabic_mark(c) {
        out.push(c);
    }
}

fn unify_letters(c: char, out: &mut Vec<char>) {
    out.push(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ێ' => 'ي',
        'ة' | 'ۀ' | 'ە' | 'ھ' | 'ہ' | 'ۃ' => 'ه',
        'ک' | 'ڪ' => 'ك',
        _ => c,
    });
}

fn ascii_digits(c: char, out: &mut Vec<char>) {
    out.push(match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '٫' => '.',
        '٬' => ',',
        _ => c,
    });
}

fn lowercase(c: char, out: &mut Vec<char>) {
    if c.is_ascii_uppercase() {
        out.push(c.to_ascii_lowercase());
    } else if c.is_uppercase() && !is_arabic_block(c) {
        out.extend(c.to_lowercase());
    } else {
        out.push(c);
    }
}

fn is_arabic_block(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
}

/// Runs every step on one character.
fn run_steps(c: char) -> Vec<char> {
    let mut cur = vec![c];
    let mut next = Vec::with_capacity(4);
    for step in STEPS {
        next.clear();
        for &ch in &cur {
            (step.apply)(ch, &mut next);
        }
        std::mem::swap(&mut cur, &mut next);
    }
    cur
}

/// The tabulated composition of the steps for U+0000..=U+FFFF.
struct Table {
    /// For each code point: the replacement as a range into `data`, or
    /// `u32::MAX` start when the character maps to itself.
    index: Vec<(u32, u8)>,
    data: String,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut index = Vec::with_capacity(0x1_0000);
        let mut data = String::new();
        for cp in 0..0x1_0000u32 {
            match char::from_u32(cp) {
                Some(c) => {
                    let out = run_steps(c);
                    if out.len() == 1 && out[0] == c {
                        index.push((u32::MAX, 0));
                    } else {
                        let start = data.len() as u32;
                        data.extend(out.iter());
                        index.push((start, (data.len() as u32 - start) as u8));
                    }
                }
                None => index.push((u32::MAX, 0)),
            }
        }
        Table { index, data }
    })
}

/// Normalized replacement of one character (borrowed from the table when possible).
fn normalize_char(c: char, scratch: &mut String) -> Option<&str> {
    let cp = c as u32;
    if cp < 0x1_0000 {
        let t = table();
        let (start, len) = t.index[cp as usize];
        if start == u32::MAX {
            return None;
        }
        Some(&t.data[start as usize..start as usize + len as usize])
    } else {
        let out = run_steps(c);
        if out.len() == 1 && out[0] == c {
            return None;
        }
        scratch.clear();
        scratch.extend(out.iter());
        Some(scratch.as_str())
    }
}

/// Normalizes a string without keeping offsets (for lexicon entries and lookups).
pub fn normalize_str(s: &str) -> String {
    NormText::new(s).text
}

/// Normalized text with a map back to byte offsets of the original.
#[derive(Clone, Debug)]
pub struct NormText {
    /// The normalized text.
    pub text: String,
    /// Run-length offset map: `(normalized byte, original byte)` at the start
    /// of every run in which both advance together.
    runs: Vec<(u32, u32)>,
    original_len: u32,
}

impl NormText {
    /// Normalizes `original`. Offsets are `u32`: inputs must be under 4 GiB.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut runs: Vec<(u32, u32)> = Vec::new();
        let mut scratch = String::new();
        // Delta (orig - norm) of the current run; i64 to allow both signs.
        let mut delta: Option<i64> = None;
        for (ob, c) in original.char_indices() {
            let nb = text.len();
            match normalize_char(c, &mut scratch) {
                None => {
                    let d = ob as i64 - nb as i64;
                    if delta != Some(d) {
                        runs.push((nb as u32, ob as u32));
                        delta = Some(d);
                    }
                    text.push(c);
                }
                Some(rep) => {
                    if rep.is_empty() {
                        continue;
                    }
                    // Each output char of a replacement starts a run that points
                    // at the original char; the next char starts a new run.
                    for ch in rep.chars() {
                        let nb = text.len();
                        runs.push((nb as u32, ob as u32));
                        text.push(ch);
                    }
                    delta = None;
                }
            }
        }
        NormText {
            text,
            runs,
            original_len: original.len() as u32,
        }
    }

    /// Original byte offset of a normalized byte offset (a char boundary of
    /// the normalized text, or its length).
    pub fn orig_offset(&self, norm: usize) -> usize {
        if norm >= self.text.len() {
            return self.original_len as usize;
        }
        let i = self.runs.partition_point(|&(nb, _)| nb as usize <= norm);
        if i == 0 {
            return 0;
        }
        let (nb, ob) = self.runs[i - 1];
        let next_ob = self
            .runs
            .get(i)
            .map(|&(_, o)| o as usize)
            .unwrap_or(self.original_len as usize);
        (ob as usize + (norm - nb as usize)).min(next_ob.max(ob as usize))
    }

    /// Original byte range of a normalized byte range. The start is the
    /// first original character that produced the range; the end reaches to
    /// the next kept character, so trailing marks stay inside the span.
    pub fn orig_range(&self, norm: Range<usize>) -> Range<usize> {
        let start = self.orig_offset(norm.start);
        let end = self.orig_offset(norm.end).max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unifies_and_strips() {
        assert_eq!(normalize_str("أَمْرِيكِيّة"), "امريكيه");
        assert_eq!(normalize_str("إلى مُصْطَفى"), "الي مصطفي");
        assert_eq!(normalize_str("الـــقوات"), "القوات");
        assert_eq!(normalize_str("٢٠٢٥ و۲۰۲۴"), "2025 و2024");
        assert_eq!(normalize_str("a\u{200F}b\u{202B}C"), "abc");
        // Presentation form lam-alef ligature decomposes to two letters.
        assert_eq!(normalize_str("\u{FEFB}"), "لا");
        assert_eq!(normalize_str("کردستان"), "كردستان");
    }

    #[test]
    fn spans_map_back_to_original() {
        let orig = "قالَ الـمُسْتَشارُ: ٢٥٠٠ جُنْدِيٍّ";
        let n = NormText::new(orig);
        let at = n.text.find("المستشار").unwrap();
        let r = n.orig_range(at..at + "المستشار".len());
        assert_eq!(&orig[r], "الـمُسْتَشارُ");
        let at = n.text.find("2500").unwrap();
        let r = n.orig_range(at..at + 4);
        assert_eq!(&orig[r], "٢٥٠٠");
        let r = n.orig_range(0..n.text.len());
        assert_eq!(r, 0..orig.len());
    }

    #[test]
    fn ligature_span() {
        let orig = "ب\u{FEFB}د";
        let n = NormText::new(orig);
        assert_eq!(n.text, "بلاد");
        assert_eq!(&orig[n.orig_range(0..n.text.len())], orig);
        let r = n.orig_range(0..2);
        assert_eq!(&orig[r], "ب");
    }

    #[test]
    fn idempotent() {
        for s in ["أَمْرِيكِيّة ﻻ ٣", "Ǆ ﬁ ¼ \u{0627}\u{0654}"] {
            let once = normalize_str(s);
            assert_eq!(normalize_str(&once), once, "{s}");
        }
    }
}
