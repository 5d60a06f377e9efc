//! Naming phrases: "a site known as X" (موقعاً عسكرياً يُعرف باسم "البرج 22"،
//! فصيلاً يطلق على نفسه اسم "المقاومة الإسلامية"). The mention of X is
//! widened back over the naming phrase, so that the verb governing the
//! described thing (استهدف موقعاً …، تبنّى فصيلٌ …) finds X right after or
//! before it, as if the text had named X directly. The phrases are the
//! lexicon's `kg:NamingCue` entries.

use super::nps::QUOTES_OPEN;
use super::sent::Sent;
use crate::lexicon::{CueKind, Lexicon};

/// Widens every mention that a naming phrase introduces. O(n) for n tokens.
pub fn widen_named(s: &mut Sent, lex: &Lexicon) {
    let mut changes: Vec<(usize, usize)> = Vec::new(); // (ment index, new start)
    for (k, m) in s.ments.iter().enumerate() {
        if m.anaphoric || m.adjectival || m.start == 0 {
            continue;
        }
        // (an opening quote may come between: يعرف باسم "البرج 22")
        let mut end = m.start;
        if QUOTES_OPEN.contains(&s.text(end - 1)) {
            end -= 1;
        }
        let start = (end.saturating_sub(5)..end).find(|&a| {
            s.cue_at(lex, a, CueKind::Naming)
                .is_some_and(|c| c.0 == end)
        });
        let Some(a) = start else { continue };
        let free = k == 0 || s.ments[k - 1].end <= a;
        if free {
            changes.push((k, a));
        }
    }
    for (k, a) in changes {
        s.ments[k].start = a;
    }
}
