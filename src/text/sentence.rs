//! Sentence splitting on normalized text.
//!
//! A sentence ends at `.` `؟` `?` `!` `؛` `;` `…` and at every line break;
//! `،` and `,` do not end one. A full stop between digits (2.5) or right
//! after a single letter (أ.ف.ب) is not an end. Inside a quotation
//! (“…”, «…», "…") punctuation does not end the sentence, so reported speech
//! stays with its speaker; a line break closes any open quotation.
//!
//! A sentence longer than [`MAX_SENTENCE_BYTES`] (text with no punctuation
//! or line breaks, such as a whole page on one line) is cut at its last
//! space before the limit, so the work per sentence stays bounded. The split
//! is one pass over the text.

use std::ops::Range;

/// The longest sentence kept whole, in bytes of normalized text (about
/// 2,000 Arabic letters; news sentences are far shorter).
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '؟' | '?' | '!' | '؛' | ';' | '…')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}' | '\u{2028}')
}

/// Byte ranges of the sentences of `text` (trimmed, non-empty).
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut quote_depth = 0u32;
    let mut straight_open = false;
    // The two characters before the current one, nearest first.
    let mut prev: (Option<char>, Option<char>) = (None, None);
    // The last whitespace of the current sentence, where an overlong one is cut.
    let mut last_space = None;
    let mut it = text.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if b - start >= MAX_SENTENCE_BYTES && !is_line_break(c) {
            let cut = last_space.filter(|&s| s > start).unwrap_or(b);
            push_trimmed(text, start..cut, &mut out);
            start = cut;
            last_space = None;
        }
        // (Arabic letters, the bulk of the text, are none of the cases below)
        if ('\u{0621}'..='\u{064A}').contains(&c) {
            prev = (Some(c), prev.0);
            continue;
        }
        match c {
            _ if is_line_break(c) => {
                push_trimmed(text, start..b, &mut out);
                start = b + c.len_utf8();
                quote_depth = 0;
                straight_open = false;
            }
            '“' | '«' => quote_depth += 1,
            '”' | '»' => quote_depth = quote_depth.saturating_sub(1),
            '"' => straight_open = !straight_open,
            _ if is_terminal(c)
                && quote_depth == 0
                && !straight_open
                && (c != '.' || is_sentence_stop(prev, it.peek().map(|x| x.1))) =>
            {
                // Swallow runs of terminals and closing quotes/brackets.
                let mut end = b + c.len_utf8();
                let mut last = c;
                while let Some(&(j, d)) = it.peek() {
                    if !(is_terminal(d) || matches!(d, '”' | '»' | ')' | '"'))
                        || j - start >= MAX_SENTENCE_BYTES
                    {
                        break;
                    }
                    it.next();
                    end = j + d.len_utf8();
                    prev = (Some(last), prev.0);
                    last = d;
                }
                push_trimmed(text, start..end, &mut out);
                start = end;
                last_space = None;
                prev = (Some(last), prev.0);
                continue;
            }
            _ if c.is_whitespace() => last_space = Some(b),
            _ => {}
        }
        prev = (Some(c), prev.0);
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// A full stop ends a sentence unless it sits between digits or closes a
/// one-letter abbreviation (أ.ف.ب, U.S.). `prev`: the two characters before
/// it, nearest first; `next`: the one after it.
fn is_sentence_stop(prev: (Option<char>, Option<char>), next: Option<char>) -> bool {
    if prev.0.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let prev_alpha = prev.0.is_some_and(char::is_alphabetic);
    let before_prev_alpha = prev.1.is_some_and(char::is_alphabetic);
    if prev_alpha && !before_prev_alpha && next.is_some_and(char::is_alphabetic) {
        return false;
    }
    true
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_sentences(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn arabic_punctuation() {
        assert_eq!(
            split("قال المسؤول، إن القوات انسحبت. وأضاف: لا؟ نعم! بدأ؛ انتهى"),
            [
                "قال المسؤول، إن القوات انسحبت.",
                "وأضاف: لا؟",
                "نعم!",
                "بدأ؛",
                "انتهى"
            ]
        );
    }

    #[test]
    fn lines_numbers_quotes() {
        assert_eq!(
            split("عنوان\n\nنحو 2.5 الف جندي."),
            ["عنوان", "نحو 2.5 الف جندي."]
        );
        assert_eq!(
            split("وقال إن “الحكومة تعمل؛ ونحن ماضون”، مؤكدا ذلك. جملة"),
            ["وقال إن “الحكومة تعمل؛ ونحن ماضون”، مؤكدا ذلك.", "جملة"]
        );
        assert_eq!(split("نقلت (أ.ف.ب) الخبر."), ["نقلت (أ.ف.ب) الخبر."]);
    }

    #[test]
    fn overlong_sentences_are_cut_at_a_space() {
        let text = "كلمة ".repeat(3000);
        let parts = split(&text);
        assert!(parts.len() >= 3, "{}", parts.len());
        for p in &parts {
            assert!(p.len() <= MAX_SENTENCE_BYTES, "{}", p.len());
            assert!(p.starts_with("كلمة") && p.ends_with("كلمة"));
        }
        assert_eq!(
            parts.iter().map(|p| p.split(' ').count()).sum::<usize>(),
            3000
        );
        // No space at all: cut at a character boundary.
        let text = "ب".repeat(5000);
        let parts = split(&text);
        assert_eq!(parts.concat(), text);
        assert!(parts.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        let text = "!".repeat(10_000);
        assert!(split(&text).iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn unclosed_quote_ends_at_line() {
        assert_eq!(
            split("قال \"كلام. بلا نهاية\nسطر. آخر"),
            ["قال \"كلام. بلا نهاية", "سطر.", "آخر"]
        );
    }
}
