//! Events told by a number of troops rather than by their own trigger:
//! presence without a verb (وللولايات المتحدة نحو 2500 جندي في العراق) and
//! elliptic counts, a second event of the same kind with its own number
//! and place (… و900 في سوريا).

use super::Draft;
use super::clause::pick_date;
use crate::extract::dates::DateMent;
use crate::extract::modality::polarity;
use crate::extract::nps::{Ctx, Np};
use crate::extract::table::EntityTable;
use crate::lexicon::CueKind;
use crate::lexicon::morph::Pos;
use crate::matcher::{Clitics, Match, Target};
use crate::model::Modality;

/// Presence without a verb: "وللولايات المتحدة نحو 2500 جندي في العراق" is a
/// deploy of the United States in Iraq. A number, a troop noun and a place
/// with no action trigger in the clause; the actor is the nationality after
/// the troop noun or the ل-possessor before the number.
pub(super) fn presence_events(
    cx: &Ctx,
    table: &mut EntityTable,
    dates: &[DateMent],
    triggers: &[Match],
) -> Vec<Draft> {
    let s = cx.s;
    let lex = cx.lex;
    let Some(deploy) = lex.action_pos("deploy") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for k in 0..s.len() {
        if !s.is_number(k) {
            continue;
        }
        let mut j = k + 1;
        if let Some((e, _, _)) = s.cue_at(lex, j, CueKind::NumberWord) {
            j = e;
        }
        let Some((troop_end, _, _)) = s.cue_at(lex, j, CueKind::TroopNoun) else {
            continue;
        };
        let (left, right) = cx.clause(k, troop_end);
        let moving = triggers.iter().any(|t| {
            t.start >= left && t.end <= right && lex.actions[t.action_of()].actor_is_forces
        });
        if moving {
            continue;
        }
        // The nationality right after the troop noun, or ل + entity before the number.
        let mut actor = s
            .ments
            .iter()
            .find(|m| m.start == troop_end && m.adjectival)
            .map(|m| m.entity);
        if actor.is_none() {
            // Skip نحو / حوالي before the number, then ل + entity.
            let mut q = k;
            while q > left && s.cue_covering(lex, q - 1, CueKind::Quantity).is_some() {
                q -= 1;
            }
            let possessor = s.ments.iter().position(|m| {
                m.end == q && s.matches_at(m.start).any(|x| x.clitics.prep == Some('ل'))
            });
            if let Some(mi) = possessor {
                let m = &s.ments[mi];
                actor = cx.as_actor(
                    table,
                    Np {
                        start: m.start,
                        end: m.end,
                        ment: mi,
                        place_noun: false,
                        second: false,
                    },
                );
            }
        }
        let after = s
            .ments
            .iter()
            .find(|m| m.start == troop_end && m.adjectival)
            .map_or(troop_end, |m| m.end);
        let place = cx
            .groups(after, right.min(after + 4))
            .into_iter()
            .find(|g| g.prep.as_deref() == Some("في"))
            .and_then(|g| {
                g.nps
                    .first()
                    .and_then(|np| cx.as_place(table, *np).map(|p| (p, *np)))
            });
        let Some((place, pnp)) = place else { continue };
        let trigger = Match {
            start: j,
            end: troop_end,
            payload: crate::matcher::Payload {
                target: Target::Trigger {
                    action: deploy as u32,
                    trigger: 0,
                },
                pos: Pos::Noun,
            },
            clitics: Clitics::default(),
        };
        let date = pick_date(cx, dates, &trigger, triggers);
        out.push(Draft {
            action: deploy,
            trigger: (j, troop_end),
            actor,
            place: Some(place),
            target: None,
            date,
            polarity: polarity(cx, k),
            modality: Modality::Asserted,
            attributed_to: None,
            troops: crate::text::token::parse_number(s.text(k)).map(|v| {
                let mult = s
                    .cue_at(lex, k + 1, CueKind::NumberWord)
                    .and_then(|c| lex.cues[c.1].number)
                    .unwrap_or(1);
                (v * mult as f64).round() as u64
            }),
            span: (k.saturating_sub(2), pnp.end),
            is_verb: false,
        });
    }
    out
}

/// Elliptic counts: "نحو 2500 جندي في العراق و900 في سوريا" states a second
/// event of the same kind with its own number and place.
pub(super) fn elliptic_counts(cx: &Ctx, table: &EntityTable, drafts: Vec<Draft>) -> Vec<Draft> {
    let s = cx.s;
    let mut out = Vec::with_capacity(drafts.len());
    for d in drafts {
        let mut extra = Vec::new();
        if d.troops.is_some() && d.place.is_some() {
            // (from the trigger: the span may reach a date further on)
            let mut k = d.trigger.1;
            while k < s.len() {
                if cx.is_boundary(k) && !matches!(s.text(k), "،" | ",")
                    || s.has_cue(cx.lex, k, CueKind::ClauseBoundary)
                {
                    break;
                }
                let joined = k > 0
                    && (matches!(s.text(k - 1), "و" | "الي")
                        || s.cue_covering(cx.lex, k - 1, CueKind::Quantity).is_some());
                if !(s.is_number(k) && joined) {
                    k += 1;
                    continue;
                }
                let mut j = k + 1;
                if let Some((e, _, _)) = s.cue_at(cx.lex, j, CueKind::NumberWord) {
                    j = e;
                }
                if let Some((e, _, _)) = s.cue_at(cx.lex, j, CueKind::TroopNoun) {
                    j = e;
                }
                let place = (s.text(j) == "في")
                    .then(|| cx.np_at(j + 1))
                    .flatten()
                    .and_then(|np| cx.as_place(table, np).map(|p| (p, np)));
                match place {
                    Some((p, np)) if Some(p) != d.place => {
                        let mut e = d.clone();
                        e.place = Some(p);
                        e.troops =
                            crate::text::token::parse_number(s.text(k)).map(|v| v.round() as u64);
                        e.span = (k, np.end);
                        extra.push(e);
                        k = np.end;
                    }
                    _ => k += 1,
                }
            }
        }
        extra.extend(partitive_places(cx, table, &d));
        out.push(d);
        out.extend(extra);
    }
    out
}

/// A partitive after the place of forces: "نحو 900 جندي في سوريا، معظمهم في
/// محافظتي دير الزور والحسكة، إضافة إلى قاعدة التنف" states the same event
/// at each place of the partitive's group (the part has no number of its own).
fn partitive_places(cx: &Ctx, table: &EntityTable, d: &Draft) -> Vec<Draft> {
    let s = cx.s;
    if d.place.is_none() || !(d.troops.is_some() || cx.lex.actions[d.action].actor_is_forces) {
        return Vec::new();
    }
    // (right after the evidence: the comma, a quantity with a pronoun suffix, في)
    let k = d.span.1;
    let suffixed = |t: &str| ["هم", "ها", "هن"].iter().any(|x| t.ends_with(x));
    let partitive = k + 3 < s.len()
        && matches!(s.text(k), "،" | ",")
        && s.cue_at(cx.lex, k + 1, CueKind::Quantity)
            .is_some_and(|c| c.0 == k + 2)
        && suffixed(s.text(k + 1))
        && s.text(k + 2) == "في";
    if !partitive {
        return Vec::new();
    }
    let mut out: Vec<Draft> = Vec::new();
    // (the group may follow a head noun: في محافظتي الحسكة ودير الزور)
    let first = s
        .cue_at(cx.lex, k + 3, CueKind::HeadNoun)
        .map_or(k + 3, |c| c.0);
    let groups = cx.groups(k + 3, s.len());
    let group = groups
        .first()
        .filter(|g| g.nps[0].start == k + 3 || g.nps[0].start == first);
    for np in group.map_or(&[][..], |g| &g.nps) {
        if let Some(p) = cx.as_place(table, *np)
            && Some(p) != d.place
            && !out.iter().any(|e| e.place == Some(p))
        {
            let mut e = d.clone();
            e.place = Some(p);
            e.troops = None;
            e.span = (k + 1, np.end);
            out.push(e);
        }
    }
    out
}
