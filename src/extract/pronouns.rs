//! Place pronouns (فيها، منه، هناك) resolved within their own sentence,
//! before [`super::anaphora`] falls back to the article's history: the head
//! of a relative clause, else the latest place named before them.

use super::sent::{Ment, Sent};
use super::table::EntityTable;
use crate::lexicon::{CueKind, Lexicon};

/// A place pronoun (فيها، منه، هناك) in its own sentence: a resumptive
/// pronoun (not the adverb هناك) in a relative clause is the head the
/// clause describes (القواعد التي تنتشر فيها: an
/// unnamed head, so none, `None`); otherwise the latest place named before
/// it in the sentence, an earlier anaphor included (القاعدة …، ولن يبقى
/// فيها), or the place that one locates. `Some(None)` when the sentence
/// names none.
pub(super) fn place_pronoun(
    s: &Sent,
    lex: &Lexicon,
    table: &EntityTable,
    i: usize,
    adverb: bool,
    added: &[Ment],
) -> Option<Option<usize>> {
    let place = |m: &Ment| {
        m.end <= i && !m.adjectival && !m.role_only && table.get(m.entity).kind.is_place()
    };
    let relative = (i.saturating_sub(6)..i)
        .rev()
        .filter(|_| !adverb)
        .take_while(|&k| !s.is_punct(k))
        .find(|&k| s.has_cue(lex, k, CueKind::RelativePronoun));
    if let Some(r) = relative {
        let head = if r > 0 && matches!(s.text(r - 1), "،" | ",") {
            r - 1
        } else {
            r
        };
        return s
            .ments
            .iter()
            .find(|m| m.end == head && place(m))
            .map(|m| Some(m.entity));
    }
    let mut places: Vec<&Ment> = s.ments.iter().chain(added).filter(|m| place(m)).collect();
    places.sort_by_key(|m| m.start);
    // (the latest, or the place it locates: قاعدة بامرني في محافظة دهوك … هناك)
    let Some(mut k) = places.len().checked_sub(1) else {
        return Some(None);
    };
    while k > 0 {
        let (a, b) = (places[k - 1], places[k]);
        let locator = (a.end..b.start).all(|j| {
            s.text(j) == "في"
                || s.cue_at(lex, j, CueKind::HeadNoun).is_some()
                || s.cue_at(lex, j, CueKind::Direction).is_some()
        }) && (b.start > a.end
            || s.matches_at(b.start)
                .any(|m| matches!(m.clitics.prep, Some('ب'))));
        if !(locator && b.start <= a.end + 2) {
            break;
        }
        k -= 1;
    }
    Some(Some(places[k].entity))
}
