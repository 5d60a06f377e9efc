//! "In addition to" after an event's place (تنشر روسيا قوات في قاعدة حميميم
//! بريف اللاذقية، إضافة إلى قاعدة بحرية في طرطوس): the places that follow
//! the cue are more places of the same event, one row each.
//!
//! The phrase grouping ([`crate::extract::nps`]) already extends a place
//! group that the cue follows directly; this pass covers the cue after a
//! qualifier of the place (بريف اللاذقية، قرب رميلان) and a descriptive
//! noun whose place comes in a في phrase (قاعدة بحرية في طرطوس، عدد محدود
//! في بغداد).
//!
//! Also the place fronted before a comma at the start of a sentence (وفي
//! سوريا، شنت مقاتلات التحالف 23 غارة …): the place of the sentence's
//! events that have none; and the place told in a relative clause on the
//! bare base nouns an event leaves or enters (من القواعد والنقاط التي
//! تنتشر فيها في شمال العراق).

use super::Draft;
use crate::extract::nps::{CLAUSE_OPENERS, Ctx};
use crate::extract::table::EntityTable;
use crate::lexicon::CueKind;
use crate::matcher::Target;

/// How far after an event's evidence the cue may come, in tokens.
const REACH: usize = 10;

/// Adds a row for each place named after an addition cue that follows a
/// draft's place, with no verb, trigger or clause boundary between.
/// O(d · (REACH + c)) for d drafts and a clause of c tokens after the cue.
pub(super) fn addition_places(cx: &Ctx, table: &EntityTable, drafts: Vec<Draft>) -> Vec<Draft> {
    let s = cx.s;
    let lex = cx.lex;
    let n = s.len();
    // (the clause goes on: no verb, event, quote or clause cue between)
    let plain = |k: usize| {
        !s.is_verb(k)
            && !s
                .matches_at(k)
                .any(|m| matches!(m.payload.target, Target::Trigger { .. }))
            && !s.has_any_cue(lex, k, CLAUSE_OPENERS)
    };
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    let mut added: Vec<Draft> = Vec::new();
    for d in &drafts {
        out.push(d.clone());
        if d.place.is_none() {
            continue;
        }
        // (past a relative clause on the place, up to its comma: مناطق
        // شمال شرق البلاد التي تسيطر عليها قسد، إضافة إلى …)
        let from = relative_clause_end(cx, d.span.1).unwrap_or(d.span.1);
        let Some((at, end)) = (from..n.min(from + REACH))
            .find_map(|k| s.cue_at(lex, k, CueKind::Addition).map(|c| (k, c.0)))
        else {
            continue;
        };
        // (only a comma right before the cue; no boundary before it)
        let clear = (from..at).all(|k| {
            if s.is_punct(k) {
                k + 1 == at && matches!(s.text(k), "،" | ",")
            } else {
                plain(k) && !cx.is_boundary(k)
            }
        });
        if !clear {
            continue;
        }
        // The places after it, to the end of its clause: those of the
        // first phrase, or when that phrase is a descriptive noun with no
        // place of its own (قاعدة بحرية، عدد محدود)، of the first في phrase.
        let stop = (end..n)
            .find(|&k| cx.is_boundary(k) || !plain(k))
            .unwrap_or(n);
        let groups = cx.groups(end, stop);
        let places: Vec<(usize, usize)> = groups
            .iter()
            .enumerate()
            .filter(|(i, g)| *i == 0 || g.prep.as_deref() == Some("في"))
            .map(|(_, g)| {
                g.nps
                    .iter()
                    .filter_map(|np| cx.as_place(table, *np).map(|p| (p, np.end)))
                    .collect::<Vec<_>>()
            })
            .find(|p| !p.is_empty())
            .unwrap_or_default();
        for (p, np_end) in places {
            let known = drafts.iter().chain(&added).any(|o| {
                o.action == d.action
                        && o.place == Some(p)
                        // (the same trigger, or a light verb merged with it)
                        && (o.trigger == d.trigger
                            || (o.span.0 < d.span.1 && d.span.0 < o.span.1))
            });
            if known {
                continue;
            }
            let mut e = d.clone();
            if e.target == e.place {
                e.target = Some(p);
            }
            e.place = Some(p);
            // (the number told is of the first place's forces)
            e.troops = None;
            // (the evidence reaches the added place)
            e.span.1 = e.span.1.max(np_end);
            added.push(e.clone());
            out.push(e);
        }
    }
    out
}

/// A sentence that opens with في and a place before a comma (وفي سوريا،
/// …) sets the place of its events that name none. O(d).
pub(super) fn fronted_place(cx: &Ctx, table: &EntityTable, drafts: &mut [Draft]) {
    let s = cx.s;
    if s.len() < 4 || !s.text(0).ends_with("في") || s.text(0).chars().count() > 3 {
        return;
    }
    let Some(np) = cx.np_at(1).filter(|np| np.start == 1) else {
        return;
    };
    if !matches!(s.text(np.end), "،" | ",") {
        return;
    }
    let Some(p) = cx.as_place(table, np) else {
        return;
    };
    // (only for the verb right after the comma, when it moves or strikes
    // forces: وفي واشنطن، قال … is where it was said, not a place of events)
    let verb = np.end + 1;
    for d in drafts.iter_mut() {
        let def = &cx.lex.actions[d.action];
        let physical = def.actor_is_forces || def.target_preps.iter().any(|p| p == "علي");
        if d.place.is_none() && d.is_verb && d.trigger.0 == verb && physical {
            d.place = Some(p);
            d.span.0 = 0;
        }
    }
}

/// The comma ending a relative clause that opens at `k` (التي تسيطر عليها
/// قسد،), when the clause holds no event, quote or clause cue. O(REACH).
fn relative_clause_end(cx: &Ctx, k: usize) -> Option<usize> {
    let s = cx.s;
    if !s.has_cue(cx.lex, k, CueKind::RelativePronoun) {
        return None;
    }
    let comma = (k + 1..s.len().min(k + REACH)).find(|&j| s.is_punct(j))?;
    let plain = (k + 1..comma).all(|j| {
        !s.matches_at(j)
            .any(|m| matches!(m.payload.target, Target::Trigger { .. }))
            && !s.has_any_cue(cx.lex, j, CLAUSE_OPENERS)
    });
    (plain && matches!(s.text(comma), "،" | ",")).then_some(comma)
}

/// A place told in a relative clause on the generic base nouns an event
/// starts from or goes to (لن تنسحب من القواعد والنقاط التي تنتشر فيها في
/// شمال العراق), or in a clause on an indefinite base noun whose verb
/// carries its pronoun (نشر قوات في قاعدة جديدة أقامها على قمة جبل متين):
/// the event has the place of that clause's في or على phrase, when it
/// names none itself. O(d · REACH).
pub(super) fn relative_clause_place(cx: &Ctx, table: &EntityTable, drafts: &mut [Draft]) {
    let s = cx.s;
    let lex = cx.lex;
    let n = s.len();
    for d in drafts.iter_mut().filter(|d| d.place.is_none()) {
        // (the base noun right after the trigger or its preposition, past
        // the forces it moves: نشر قوات في قاعدة; a bare noun naming no base)
        let k = d.trigger.1;
        let Some((head, mut end)) =
            (k..n.min(k + 4)).find_map(|j| s.cue_at(lex, j, CueKind::HeadNoun).map(|c| (j, c.0)))
        else {
            continue;
        };
        let moved = |j: usize| {
            cx.function_word(j) || s.has_any_cue(lex, j, &[CueKind::ForceNoun, CueKind::TroopNoun])
        };
        if (head..end).any(|j| s.ment_at(j).is_some()) || (k..head).any(|j| !moved(j)) {
            continue;
        }
        // (and the bare base nouns coordinated with it: القواعد والنقاط)
        // (or a bare definite noun naming nothing: والنقاط، والمواقع)
        while end + 1 < n && s.starts_with_conj(end) && s.ment_at(end).is_none() {
            match s.cue_at(lex, end, CueKind::HeadNoun) {
                Some(c) => end = c.0,
                None if s.text(end).starts_with("وال") && s.matches_at(end).next().is_none() => {
                    end += 1
                }
                None => break,
            }
        }
        // (an indefinite noun takes its clause with no relative pronoun,
        // past one adjective: قاعدة جديدة أقامها)
        let clause = if s.has_cue(lex, end, CueKind::RelativePronoun) {
            end + 1
        } else {
            let adjective = !s.is_punct(end)
                && s.ment_at(end).is_none()
                && s.matches_at(end).all(|m| {
                    matches!(m.payload.target, Target::Cue { cue, .. } if lex.cues[cue as usize].kind == CueKind::StopWord)
                });
            let v = if adjective { end + 1 } else { end };
            // (a verb, or a word the lexicon does not know, with the pronoun)
            let t = s.text(v);
            let verb = s.is_verb(v) || (s.matches_at(v).next().is_none() && !t.starts_with("ال"));
            if s.text(head).starts_with("ال") || !verb || !(t.ends_with("ها") || t.ends_with('ه'))
            {
                continue;
            }
            v + 1
        };
        let Some(f) = (clause..n.min(clause + 5))
            .take_while(|&j| {
                !cx.is_boundary(j)
                    && !s.has_any_cue(
                        lex,
                        j,
                        &[
                            CueKind::Complementizer,
                            CueKind::Speech,
                            CueKind::ClauseBoundary,
                        ],
                    )
            })
            .find(|&j| matches!(s.text(j), "في" | "علي"))
        else {
            continue;
        };
        // (past a direction: على قمة جبل متين)
        let mut f = f;
        while f + 2 < n
            && cx.np_at(f + 1).is_none()
            && s.cue_at(lex, f + 1, CueKind::Direction)
                .is_some_and(|c| c.0 == f + 2)
        {
            f += 1;
        }
        if let Some((p, np)) = cx
            .np_at(f + 1)
            .and_then(|np| cx.as_place(table, np).map(|p| (p, np)))
        {
            d.place = Some(p);
            d.span.1 = d.span.1.max(np.end);
        }
    }
}
