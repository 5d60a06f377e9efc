//! Sentence splitting on normalized text.
//!
//! A sentence ends at `.` `؟` `?` `!` `؛` `;` `…` and at every line break;
//! `،` and `,` do not end one. A full stop between digits (2.5) or right
//! after a single letter (أ.ف.ب) is not an end. Inside a quotation
//! (“…”, «…», "…") punctuation does not end the sentence, so reported speech
//! stays with its speaker; a line break closes any open quotation.

use std::ops::Range;

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '؟' | '?' | '!' | '؛' | ';' | '…')
}

/// Byte ranges of the sentences of `text` (trimmed, non-empty).
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut quote_depth = 0u32;
    let mut straight_open = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        match c {
            '\n' | '\r' | '\u{2029}' | '\u{2028}' => {
                push_trimmed(text, start..b, &mut out);
                start = b + c.len_utf8();
                quote_depth = 0;
                straight_open = false;
            }
            '“' | '«' => quote_depth += 1,
            '”' | '»' => quote_depth = quote_depth.saturating_sub(1),
            '"' => straight_open = !straight_open,
            _ if is_terminal(c) && quote_depth == 0 && !straight_open => {
                if c == '.' && !is_sentence_stop(&chars, i) {
                    i += 1;
                    continue;
                }
                // Swallow runs of terminals and closing quotes/brackets.
                let mut j = i + 1;
                while j < chars.len()
                    && (is_terminal(chars[j].1) || matches!(chars[j].1, '”' | '»' | ')' | '"'))
                {
                    j += 1;
                }
                let end = chars.get(j).map_or(text.len(), |x| x.0);
                push_trimmed(text, start..end, &mut out);
                start = end;
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// A full stop ends a sentence unless it sits between digits or closes a
/// one-letter abbreviation (أ.ف.ب, U.S.).
fn is_sentence_stop(chars: &[(usize, char)], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| chars[p].1);
    let next = chars.get(i + 1).map(|x| x.1);
    if prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let prev_alpha = prev.is_some_and(char::is_alphabetic);
    let before_prev_alpha = i.checked_sub(2).is_some_and(|p| chars[p].1.is_alphabetic());
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
    fn unclosed_quote_ends_at_line() {
        assert_eq!(
            split("قال \"كلام. بلا نهاية\nسطر. آخر"),
            ["قال \"كلام. بلا نهاية", "سطر.", "آخر"]
        );
    }
}
