//! Who owns the forces a sentence names, for "القوات"/"الجنود" alone in a
//! later sentence ([`super::anaphora`]): the owner named with the forces
//! (القوات الأمريكية، 2500 جندي أمريكي), or the subject of a verb that
//! moves them (الولايات المتحدة سترسل 1500 عسكري); not forces that are an
//! object (للقوات العراقية، لتدريب القوات العراقية).

use super::sent::{Ment, Sent};
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon, ObjectRole};
use crate::matcher::Target;

/// Whether the mention `m` names the owner of forces (القوات الأمريكية،
/// قوات التحالف، 2500 جندي أمريكي).
pub(super) fn owns_forces(s: &Sent, lex: &Lexicon, m: &Ment) -> bool {
    (m.start.saturating_sub(3)..m.start).any(|h| {
        [CueKind::ForceNoun, CueKind::TroopNoun].iter().any(|k| {
            // (one adjective may come between, not a preposition: 2500
            // عسكري في العراق does not make Iraq their owner)
            s.cue_at(lex, h, *k).is_some_and(|c| {
                c.0 == m.start || (c.0 + 1 == m.start && !s.has_cue(lex, c.0, CueKind::Locative))
            })
        })
    })
}

/// Whether `m` is the subject of a verb that moves forces named right after
/// it (الولايات المتحدة سترسل 1500 عسكري إضافي): they are its forces.
pub(super) fn sends_forces(s: &Sent, lex: &Lexicon, m: &Ment) -> bool {
    let v = m.end;
    v + 1 < s.len()
        && !m.adjectival
        && s.matches_at(v).any(|x| {
            matches!(x.payload.pos, Pos::Past | Pos::Present)
                && matches!(x.payload.target, Target::Trigger { action, .. }
                    if lex.actions[action as usize].actor_is_forces)
        })
        && (v + 1..(v + 5).min(s.len()))
            .take_while(|&k| !s.is_punct(k) && !s.has_cue(lex, k, CueKind::Locative))
            .any(|k| s.has_any_cue(lex, k, &[CueKind::TroopNoun, CueKind::ForceNoun]))
}

/// Whether the forces noun naming `m`'s forces is governed by a preposition
/// (للقوات العراقية: the forces are an object, not those that act), or is
/// the object of an event whose object is its target (لتدريب القوات
/// العراقية، دعم قوات البيشمركة).
pub(super) fn forces_in_phrase(s: &Sent, lex: &Lexicon, m: &Ment) -> bool {
    let targeted = |h: usize| {
        h > 0
            && s.matches_at(h - 1).any(|x| match x.payload.target {
                Target::Trigger { action, trigger } => {
                    let def = &lex.actions[action as usize];
                    def.triggers[trigger as usize].object.or(def.object) == Some(ObjectRole::Target)
                }
                _ => false,
            })
    };
    (m.start.saturating_sub(3)..m.start).any(|h| {
        [CueKind::ForceNoun, CueKind::TroopNoun].iter().any(|k| {
            s.cue_at(lex, h, *k).is_some()
                && (s.matches_at(h).any(|x| x.clitics.prep.is_some())
                    || (h > 0 && s.has_cue(lex, h - 1, CueKind::Locative))
                    || targeted(h))
        })
    })
}
