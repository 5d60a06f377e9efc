//! Anonymous sources: the unnamed subject of a speech verb or the object of
//! a source cue (قال مصدر أمني، بحسب مصادر محلية، وأفادت وسائل إعلام غربية)
//! becomes a speaker of its own, labelled by its head phrase, so that what it
//! reports is not told in the article's voice (tests/dev/GUIDELINES.md,
//! attributed_to).
//!
//! The head nouns are the lexicon's `kg:AnonymousSource` entries; one
//! relational adjective may follow (أمني، محلية، غربية). A phrase with a
//! named affiliation nearby (مسؤول أمريكي، مصادر في الحشد الشعبي) is left to
//! the entity it names.

use super::mentions::{joined, norm_range, strip_proclitics};
use super::sent::{Ment, Sent};
use super::table::EntityTable;
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon};
use crate::model::{EntityKind, ids::slug};

/// Adds a mention for each anonymous source of the sentence.
///
/// O(n) for n tokens (each token is looked at a bounded number of times).
pub fn discover_anonymous(
    s: &mut Sent,
    lex: &Lexicon,
    original: &dyn Fn(std::ops::Range<usize>) -> String,
    table: &mut EntityTable,
) {
    let mut added = Vec::new();
    for i in 0..s.len() {
        let speech_verb = s.cue_at(lex, i, CueKind::Speech).filter(|c| {
            s.matches_at(i)
                .any(|m| matches!(m.payload.pos, Pos::Past | Pos::Present) && m.end == c.0)
        });
        // (not a relay: نقلت بوليتيكو عن مصادر … is the outlet's report)
        let source = s
            .cue_at(lex, i, CueKind::Source)
            .filter(|c| !s.text(c.0 - 1).ends_with("عن"));
        let Some(after) = speech_verb.or(source).map(|c| c.0) else {
            continue;
        };
        let Some((head_end, _, _)) = s.cue_at(lex, after, CueKind::AnonymousSource) else {
            continue;
        };
        // (a named affiliation is the speaker: مسؤول أمريكي، مصدر عسكري في "قسد")
        // (within the phrase: up to a complementizer or a comma)
        let named_nearby = (after..(head_end + 4).min(s.len()))
            .take_while(|&k| {
                !s.has_cue(lex, k, CueKind::Complementizer) && !matches!(s.text(k), "،" | "," | ":")
            })
            .any(|k| s.ment_at(k).is_some());
        // (nor a genitive: مصادر الصحيفة are the newspaper's)
        let genitive = head_end < s.len() && s.text(head_end).starts_with("ال");
        if named_nearby || genitive {
            continue;
        }
        // One relational adjective (مصدر أمني، مصادر محلية، وسائل إعلام غربية).
        let mut end = head_end;
        if end < s.len() && !s.is_punct(end) && s.matches_at(end).next().is_none() {
            let w = s.text(end);
            if w.ends_with('ي') || w.ends_with("يه") || w.ends_with("ين") || w.ends_with("ون")
            {
                end += 1;
            }
        }
        let label = {
            let head = original(norm_range(s, after, end));
            strip_proclitics(&head, s, after)
        };
        let entity = table.discovered(
            lex,
            &slug(&joined(s, after, end)),
            EntityKind::Organisation,
            &label,
        );
        added.push(Ment {
            start: after,
            end,
            entity,
            adjectival: false,
            role_only: false,
            anaphoric: false,
            second: None,
        });
    }
    if !added.is_empty() {
        s.ments.extend(added);
        s.ments.sort_by_key(|m| (m.start, m.end));
    }
}
