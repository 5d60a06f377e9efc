//! Parentheticals: material set off by a pair of commas (or dashes) inside
//! a clause that the clause runs through, as a reader skips it.
//!
//! Three kinds, each recognised by its form, not by its words:
//! - a date (قام الرئيس، أمس الأربعاء، بزيارة …): every token is inside a
//!   date expression, or a vague time of the lexicon (، خلال اليومين الماضيين،);
//! - an attribution (انسحبت القوات، بحسب رويترز، من …): it opens with a
//!   source cue (بحسب، وفق، نقلاً عن);
//! - a non-restrictive relative clause after a name (تبنّت "المقاومة
//!   الإسلامية"، التي تضم فصائل …، هجمات …): it opens with a relative
//!   pronoun right after an entity mention.
//!
//! The result is a mask over the sentence's tokens (both delimiters
//! included); [`super::nps::Ctx`] uses it to widen clauses and to measure
//! distances between a verb and its subject or object without it.

use super::dates::DateMent;
use super::sent::Sent;
use crate::lexicon::{CueKind, Lexicon};

/// The longest parenthetical, in tokens between its delimiters.
const MAX_TOKENS: usize = 16;

fn delimiter(t: &str) -> Option<u8> {
    match t {
        "،" | "," => Some(b','),
        "-" | "–" | "—" => Some(b'-'),
        _ => None,
    }
}

/// Quotation marks, opening and closing.
pub(crate) const QUOTES: &[&str] = &["\"", "“", "”", "«", "»"];

/// Which tokens of `s` are inside a date expression.
pub fn dated(s: &Sent, dates: &[DateMent]) -> Vec<bool> {
    let n = s.len();
    let mut in_date = vec![false; n];
    for d in dates {
        for flag in &mut in_date[d.start.min(n)..d.end.min(n)] {
            *flag = true;
        }
    }
    in_date
}

/// [`dated`], extended over a part of the day right before a date
/// expression (مساء الثلاثاء، فجر اليوم الاثنين).
pub fn dated_with_time(s: &Sent, lex: &Lexicon, dates: &[DateMent]) -> Vec<bool> {
    let mut in_date = dated(s, dates);
    for d in dates {
        if d.start > 0
            && let Some((a, _)) = s.cue_covering(lex, d.start - 1, CueKind::TimeOfDay)
        {
            for flag in &mut in_date[a..d.start] {
                *flag = true;
            }
        }
    }
    in_date
}

/// Which tokens of `s` belong to a parenthetical (delimiters included),
/// given which are inside a date expression ([`dated`]).
///
/// O(n) for n tokens.
pub fn hidden(s: &Sent, lex: &Lexicon, in_date: &[bool]) -> Vec<bool> {
    let n = s.len();
    let mut mask = vec![false; n];
    let delims: Vec<(usize, u8)> = (0..n)
        .filter(|&k| s.is_punct(k))
        .filter_map(|k| delimiter(s.text(k)).map(|d| (k, d)))
        .collect();
    for pair in delims.windows(2) {
        let ((a, da), (b, db)) = (pair[0], pair[1]);
        if da != db || b <= a + 1 || b - a - 1 > MAX_TOKENS {
            continue;
        }
        let inner = a + 1..b;
        // A quotation or a sentence end inside is not a parenthetical.
        if inner.clone().any(|k| {
            s.is_punct(k) && (QUOTES.contains(&s.text(k)) || matches!(s.text(k), "." | ":" | "؛"))
        }) {
            continue;
        }
        // (a preposition or qualifier may open it: ، في سبتمبر/ أيلول 2026،)
        let date = inner.clone().any(|k| in_date[k])
            && inner.clone().all(|k| {
                in_date[k]
                    || s.is_punct(k)
                    || s.has_any_cue(lex, k, &[CueKind::Locative, CueKind::DateQualifier])
            });
        // (or a vague time: ، خلال اليومين الماضيين،)
        let vague = s.cue_covering(lex, a + 1, CueKind::VagueTime).is_some()
            && inner
                .clone()
                .all(|k| s.cue_covering(lex, k, CueKind::VagueTime).is_some());
        let source = s.has_cue(lex, a + 1, CueKind::Source);
        let relative = s.has_cue(lex, a + 1, CueKind::RelativePronoun) && after_name(s, a);
        if date || vague || source || relative {
            for flag in &mut mask[a..=b] {
                *flag = true;
            }
        }
    }
    mask
}

/// Whether the delimiter at `a` follows an entity mention (possibly closed
/// by a quote).
fn after_name(s: &Sent, a: usize) -> bool {
    let mut k = a;
    if k > 0 && QUOTES.contains(&s.text(k - 1)) {
        k -= 1;
    }
    k > 0 && s.ment_at(k - 1).is_some_and(|m| m.end == k)
}
