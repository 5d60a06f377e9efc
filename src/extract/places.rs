//! Place of one trigger, chosen among the candidate groups by
//! [`super::roles`]: the groups after the action's place prepositions (or
//! في …), the object when it is a place, a place before the trigger in its
//! clause, the subject of an undergoer verb, and the receiver's places; the
//! most specific wins with its conjuncts. Also the places and forces of a
//! hosting verb (قاعدة تضم قوات التحالف).

use super::nps::{Before, Ctx, Group, Np};
use super::table::EntityTable;
use crate::lexicon::{ActionDef, CueKind};
use crate::matcher::{Match, Target};
use crate::model::EntityKind;

/// Chooses the places of one trigger among the candidate groups around it.
#[allow(clippy::too_many_arguments)]
pub(super) fn choose_places(
    cx: &Ctx,
    table: &EntityTable,
    m: &Match,
    left: usize,
    def: &ActionDef,
    groups: &[Group],
    object: Option<&Group>,
    object_is_place: bool,
    undergoer: Option<usize>,
    actor_ids: &[(usize, Np)],
    receiver_places: Vec<Np>,
) -> Vec<(usize, Np)> {
    let lex = cx.lex;
    let s = cx.s;
    // Places: the groups after the action's prepositions (or في …), and the
    // object when it is a place; the most specific wins with its conjuncts.
    let place_prep = |p: &str| {
        def.place_preps.iter().any(|x| x == p) || matches!(p, "في" | "داخل" | "ب" | "قرب" | "عند")
    };
    // على + territory (على الأراضي العراقية) or + a base (تبقي على قاعدة
    // حميميم) is a place too.
    let territory = |g: &Group| {
        g.prep.as_deref() == Some("علي")
            && g.nps.iter().any(|np| {
                np.place_noun
                    || cx
                        .as_place(table, *np)
                        .is_some_and(|p| table.get(p).kind == EntityKind::MilitaryBase)
            })
    };
    // "مستقبل قواتهما في العراق": a place after forces belongs to them, not to
    // an event that is not about moving forces.
    // (Unless those forces are the actor: إنهاء المهمة القتالية للقوات
    // الأمريكية في العراق.) A pronoun place (منه، فيها) is only trusted for
    // forces that move.
    let after_forces = |g: &Group| {
        let k = g.nps[0].start;
        let actor_before = actor_ids.iter().any(|(_, np)| np.end + 1 == k);
        let pronoun = cx.ment(g.nps[0]).anaphoric
            && s.cue_at(lex, k, CueKind::Anaphor)
                .is_some_and(|c| lex.cues[c.1].introduces == Some(EntityKind::Place));
        (pronoun && !def.actor_is_forces)
            || (def.symmetric
                && !actor_before
                && (k.saturating_sub(4)..k.saturating_sub(1)).any(|j| {
                    s.cue_covering(lex, j, CueKind::ForceNoun).is_some()
                        || s.cue_covering(lex, j, CueKind::Anaphor).is_some()
                }))
    };
    // An adverb of place (عدد الجنود هناك) needs no preposition.
    let adverb = |g: &Group| {
        g.prep.is_none()
            && s.cue_at(lex, g.nps[0].start, CueKind::Anaphor)
                .is_some_and(|c| lex.cues[c.1].adverbial && c.0 == g.nps[0].end)
    };
    let mut cands: Vec<&Group> = groups
        .iter()
        .filter(|g| {
            ((g.prep.as_deref().is_some_and(place_prep) || territory(g) || adverb(g))
                && !after_forces(g))
                || (object_is_place && object.is_some_and(|o| o.nps[0].start == g.nps[0].start))
        })
        .collect();
    let before_place;
    if cands
        .iter()
        .all(|g| g.nps.iter().all(|np| cx.as_place(table, *np).is_none()))
    {
        // A place before the trigger in its clause (في أربيل، ستبقى القوات),
        // not one that belongs to an earlier trigger.
        let from = s
            .matches
            .iter()
            .filter(|t| matches!(t.payload.target, Target::Trigger { .. }) && t.end <= m.start)
            .map(|t| t.end)
            .max()
            .unwrap_or(0)
            .max(left)
            // (nor one beyond a parenthetical)
            .max(
                (left..m.start)
                    .rev()
                    .find(|&k| cx.hidden[k])
                    .map_or(0, |k| k + 1),
            );
        // (A trigger in a temporal adjunct, بعد انتهاء مهمة التحالف, does
        // not take the main clause's place.)
        let adjunct = m.start > 0 && s.has_cue(lex, m.start - 1, CueKind::DateQualifier);
        before_place = match undergoer {
            // (the subject itself too: تعرضت قاعدة حرير في أربيل لهجوم)
            Some(v) => cx
                .groups(v + 1, m.start)
                .into_iter()
                .filter(|g| {
                    g.prep.as_deref().is_none_or(place_prep)
                        && g.nps.iter().any(|np| cx.as_place(table, *np).is_some())
                })
                .collect(),
            // (not before the subject right before the verb: تبقي جنودها في
            // أربيل وألمانيا تمدد مهمتها)
            None => cx
                .groups(from, m.start)
                .into_iter()
                .rev()
                .filter(|_| !adjunct)
                .take_while(|g| {
                    !(g.prep.is_none()
                        && cx.gap(g.end(), m.start) <= 1
                        && cx.group_can_act(table, g))
                })
                .find(|g| {
                    g.prep.as_deref() == Some("في")
                        && g.nps.iter().any(|np| cx.as_place(table, *np).is_some())
                })
                .into_iter()
                .collect::<Vec<_>>(),
        };
        cands = before_place.iter().collect();
    }
    // The subject of an undergoer verb names where it happened, before any
    // phrase after the noun (تعرض أربيل لهجمات … من فصائل مرتبطة بإيران).
    let undergone: Vec<Group>;
    if let Some(v) = undergoer {
        let after: Vec<Group> = cx
            .groups(v + 1, m.start)
            .into_iter()
            .filter(|g| {
                g.prep.is_none() && g.nps.iter().any(|np| cx.as_place(table, *np).is_some())
            })
            .take(1)
            .collect();
        // (or the subject before it: وكانت قاعدة حرير قد تعرضت لهجومين)
        undergone = if after.is_empty() {
            cx.groups(v.saturating_sub(8), v)
                .into_iter()
                .rev()
                .take(1)
                .filter(|g| {
                    g.prep.is_none()
                        && cx.gap(g.end(), v) <= 1
                        && g.nps.iter().any(|np| cx.as_place(table, *np).is_some())
                })
                .collect()
        } else {
            after
        };
        if !undergone.is_empty() {
            cands = undergone.iter().collect();
        }
    }
    let receivers = Group {
        nps: receiver_places,
        prep: None,
    };
    if !receivers.nps.is_empty() {
        cands.insert(0, &receivers);
    }
    let rank = |np: &Np| {
        cx.as_place(table, *np)
            .map_or(0, |p| table.get(p).kind.place_rank())
    };
    let best = cands
        .iter()
        .flat_map(|g| g.nps.iter())
        .map(rank)
        .max()
        .unwrap_or(0);
    // Among equally specific places, the action's first place preposition
    // wins (reposition: إلى before من; withdraw: من).
    let prep_order = |g: &Group| {
        g.prep
            .as_deref()
            .and_then(|p| def.place_preps.iter().position(|x| x == p))
            .unwrap_or(def.place_preps.len())
    };
    let mut places: Vec<(usize, Np)> = Vec::new();
    if best > 0
        && let Some(g) = cands
            .iter()
            .filter(|g| g.nps.iter().any(|np| rank(np) == best))
            .min_by_key(|g| prep_order(g))
    {
        for np in &g.nps {
            if let Some(p) = cx.as_place(table, *np)
                && !places.iter().any(|x| x.0 == p)
            {
                places.push((p, *np));
            }
        }
    }
    places
}

/// A hosting verb (قاعدة تضم قوات التحالف): the places of the subject
/// before or after the verb, or of the head a relative clause describes,
/// and the forces, the first group that can act.
pub(super) fn hosting(
    cx: &Ctx,
    table: &EntityTable,
    m: &Match,
    left: usize,
    before: Option<&Before>,
) -> (Vec<Np>, Vec<Np>) {
    let s = cx.s;
    let lex = cx.lex;
    let wide = cx.groups(m.end, (m.end + 14).min(s.len()));
    // (in a relative clause, the place it describes: قاعدة حرير الجوية،
    // التي تستضيف قوات أمريكية)
    let relative_head = (before.is_none()
        && left > 0
        && (left..m.start).all(|k| cx.function_word(k))
        && s.has_cue(lex, left - 1, CueKind::RelativePronoun))
    .then(|| {
        // (the head noun rather than a place attached to it: قاعدة
        // فيكتوريا المحاذية لمطار بغداد، التي تضم …; the phrase starts
        // after the boundary before the comma)
        let rel = left - 1;
        let comma = rel > 0 && cx.is_boundary(rel - 1);
        let end = if comma { rel - 1 } else { rel };
        let from = (end.saturating_sub(12)..end)
            .rev()
            .find(|&k| cx.is_boundary(k))
            .map_or(end.saturating_sub(12), |k| k + 1);
        let places: Vec<Group> = cx
            .groups(from, end)
            .into_iter()
            .filter(|g| g.nps.iter().any(|np| cx.as_place(table, *np).is_some()))
            .collect();
        let near = places.iter().rfind(|g| cx.gap(g.end(), end) <= 1);
        places.iter().rfind(|g| g.prep.is_none()).or(near).cloned()
    })
    .flatten();
    let subject_before = before.iter().map(|b| &b.group).chain(relative_head.iter());
    let all: Vec<&Group> = subject_before
        .chain(wide.iter().filter(|g| g.prep.is_none()))
        .collect();
    // (the first group that names a place, with its conjuncts: قاعدتا
    // عين الأسد في الأنبار وحرير في أربيل تستضيفان …)
    let receiver_places: Vec<Np> = all
        .iter()
        .find(|g| g.nps.iter().any(|np| cx.as_place(table, *np).is_some()))
        .map(|g| {
            g.nps
                .iter()
                .copied()
                .filter(|np| cx.as_place(table, *np).is_some())
                .collect()
        })
        .unwrap_or_default();
    let actors: Vec<Np> = all
        .iter()
        .find(|g| cx.group_can_act(table, g))
        .map(|g| g.nps.clone())
        .unwrap_or_default();
    (receiver_places, actors)
}
