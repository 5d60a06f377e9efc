//! Arabic normalization for matching, as an ordered list of small steps.
//!
//! Each [`Step`] maps one character to zero or more characters. The steps run
//! in [`STEPS`] order; their composition is tabulated once for the Basic
//! Multilingual Plane up to U+FFFF, so normalizing costs one table lookup per
//! character. The normalized text keeps an offset map into the ORIGINAL text,
//! so a match found on normalized text reports the original span (removed
//! diacritics and controls inside or right after a match stay inside its span).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::markup::{Replacement, Scanner};

/// One normalization step: a name (for docs and debugging) and a function
/// that writes the replacement of one character.
pub struct Step {
    pub name: &'static str,
    pub apply: fn(char, &mut Vec<char>),
}

/// The steps, in order.
pub const STEPS: &[Step] = &[
    Step {
        name: "strip bidi and zero-width controls, and control characters other than whitespace",
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
        | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}')
        || (c.is_control() && !c.is_whitespace());
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

/// `text` without its first `n` letters (marks on them go too): the
/// surface of a word after `n` proclitics.
pub fn skip_letters(text: &str, n: usize) -> &str {
    let mut letters = 0;
    for (b, c) in text.char_indices() {
        if letters == n {
            return &text[b..];
        }
        if !is_arabic_mark(c) {
            letters += 1;
        }
    }
    text
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

impl Table {
    /// Whether `c` normalizes to itself (answered from the table below U+10000).
    #[inline]
    fn keeps(&self, c: char) -> bool {
        let cp = c as u32;
        cp < 0x1_0000 && self.index[cp as usize].0 == u32::MAX
    }
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
    /// Original byte ranges of markup removed without a trace (tags,
    /// comments), sorted: a span never ends with one.
    gaps: Vec<(u32, u32)>,
    /// Every piece of markup read: original byte range and what it stands
    /// for, sorted (empty for [`NormText::new`]).
    markup: Vec<(u32, u32, Option<char>)>,
    /// Normalized byte offset at which each tanwin or damma of the original
    /// was read (and removed), sorted; see [`NormText::case_marks`].
    case_marks: Vec<u32>,
    original_len: u32,
}

/// Builds a [`NormText`] one original character (or piece of markup) at a time.
struct Builder {
    text: String,
    runs: Vec<(u32, u32)>,
    gaps: Vec<(u32, u32)>,
    markup: Vec<(u32, u32, Option<char>)>,
    case_marks: Vec<u32>,
    scratch: String,
    /// Delta (orig - norm) of the current run; i64 to allow both signs.
    delta: Option<i64>,
}

impl Builder {
    /// Appends `s`, characters that normalize to themselves, which stand
    /// at original byte `ob` (what [`Builder::push`] does for each).
    fn push_kept(&mut self, ob: usize, s: &str) {
        let nb = self.text.len();
        let d = ob as i64 - nb as i64;
        if self.delta != Some(d) {
            self.runs.push((nb as u32, ob as u32));
            self.delta = Some(d);
        }
        self.text.push_str(s);
    }

    /// Appends the normalization of `c`, which stands at original byte `ob`
    /// (`replaced`: `c` stands for longer original text, such as `&quot;`).
    fn push(&mut self, ob: usize, c: char, replaced: bool) {
        if matches!(c, '\u{064B}'..='\u{064D}' | '\u{064F}') {
            self.case_marks.push(self.text.len() as u32);
        }
        let mut one = [0u8; 4];
        let rep = match normalize_char(c, &mut self.scratch) {
            None if !replaced => {
                let nb = self.text.len();
                let d = ob as i64 - nb as i64;
                if self.delta != Some(d) {
                    self.runs.push((nb as u32, ob as u32));
                    self.delta = Some(d);
                }
                self.text.push(c);
                return;
            }
            None => &*c.encode_utf8(&mut one),
            Some(rep) => rep,
        };
        // Each output char of a replacement starts a run that points at the
        // original char; the next char starts a new run.
        for ch in rep.chars() {
            self.runs.push((self.text.len() as u32, ob as u32));
            self.text.push(ch);
        }
        self.delta = None;
    }
}

impl NormText {
    /// Normalizes `original`. Offsets are `u32`: inputs must be under 4 GiB.
    pub fn new(original: &str) -> Self {
        Self::build(original, false)
    }

    /// Normalizes an article: like [`NormText::new`], after reading markup
    /// the way a browser shows it (see [`super::markup`]). Offsets still
    /// point into `original`, markup included.
    pub fn from_article(original: &str) -> Self {
        Self::build(original, true)
    }

    fn build(original: &str, markup: bool) -> Self {
        let mut b = Builder {
            text: String::with_capacity(original.len()),
            runs: Vec::new(),
            gaps: Vec::new(),
            markup: Vec::new(),
            case_marks: Vec::new(),
            scratch: String::new(),
            delta: None,
        };
        let mut scanner = markup.then(|| Scanner::new(original));
        let t = table();
        let mut ob = 0;
        while ob < original.len() {
            // A stretch of characters that normalize to themselves (and
            // start no markup) is copied whole: one run for all of it.
            let plain = original[ob..]
                .char_indices()
                .find(|&(_, c)| !t.keeps(c) || (markup && (c == '<' || c == '&')))
                .map_or(original.len(), |(i, _)| ob + i);
            if plain > ob {
                b.push_kept(ob, &original[ob..plain]);
                ob = plain;
            }
            let Some(c) = original[ob..].chars().next() else {
                break;
            };
            if let Some(sc) = scanner.as_mut().filter(|_| c == '<' || c == '&')
                && let Some((len, rep)) = sc.at(ob)
            {
                let norm_len = b.text.len();
                let ch = match rep {
                    Replacement::Remove => None,
                    Replacement::LineBreak => Some('\n'),
                    Replacement::Char(ch) => Some(ch),
                };
                if let Some(ch) = ch {
                    b.push(ob, ch, true);
                }
                b.markup.push((ob as u32, (ob + len) as u32, ch));
                if b.text.len() == norm_len {
                    b.gaps.push((ob as u32, (ob + len) as u32));
                    b.delta = None;
                }
                ob += len;
                continue;
            }
            b.push(ob, c, false);
            ob += c.len_utf8();
        }
        NormText {
            text: b.text,
            runs: b.runs,
            gaps: b.gaps,
            markup: b.markup,
            case_marks: b.case_marks,
            original_len: original.len() as u32,
        }
    }

    /// Where the original text has a tanwin (U+064B–U+064D) or a damma
    /// (U+064F), as normalized byte offsets: a mark read after the
    /// character ending at offset `n` is at `n`. The original text of a
    /// normalized range `a..b` (see [`NormText::visible`]) can only hold
    /// such a mark when one is at an offset in `a..=b`.
    pub fn case_marks(&self) -> &[u32] {
        &self.case_marks
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
    /// the next kept character, so trailing marks stay inside the span, but
    /// not removed markup (`عين الأسد</a>` ends before `</a>`).
    pub fn orig_range(&self, norm: Range<usize>) -> Range<usize> {
        let start = self.orig_offset(norm.start);
        let mut end = self.orig_offset(norm.end).max(start);
        while let Ok(i) = self.gaps.binary_search_by_key(&end, |g| g.1 as usize) {
            let gap_start = self.gaps[i].0 as usize;
            if gap_start < start {
                break;
            }
            end = gap_start;
        }
        start..end
    }

    /// The original text of byte range `orig` as a reader sees it: markup
    /// inside it removed and character references decoded, nothing else
    /// changed (for names and words shown to users; quotes keep the
    /// original text).
    pub fn visible<'a>(&self, original: &'a str, orig: Range<usize>) -> Cow<'a, str> {
        let first = self.markup.partition_point(|m| (m.0 as usize) < orig.start);
        let inside = self.markup[first..]
            .iter()
            .take_while(|m| m.1 as usize <= orig.end);
        let mut out: Option<String> = None;
        let mut at = orig.start;
        for &(s, e, rep) in inside {
            let buf = out.get_or_insert_with(String::new);
            buf.push_str(&original[at..s as usize]);
            buf.extend(rep);
            at = e as usize;
        }
        match out {
            None => Cow::Borrowed(&original[orig]),
            Some(mut buf) => {
                buf.push_str(&original[at..orig.end]);
                Cow::Owned(buf)
            }
        }
    }
}

#[cfg(test)]
#[path = "normalize_tests.rs"]
mod tests;
