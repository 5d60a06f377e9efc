//! Passes over all the drafts of a sentence that complete one event from
//! another: a killing and its attack share place and date, a light verb
//! and its verbal noun are one event, an event happened at the venue of
//! the occasion it was told with, and an event noun embedded under a
//! demand or refusal is attributed to that verb's actor.

use std::sync::OnceLock;

use super::Draft;
use crate::extract::nps::{CLAUSE_OPENERS, Ctx};
use crate::extract::parens::QUOTES;
use crate::extract::table::EntityTable;
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon};
use crate::matcher::Target;

/// A killing told with its attack (قتل ثلاثة جنود في هجوم على قاعدة في
/// الأردن) happened where and when the attack did, and vice versa.
pub(super) fn share_attack_roles(lex: &Lexicon, mut drafts: Vec<Draft>) -> Vec<Draft> {
    let is = |d: &Draft, id: &str| lex.actions[d.action].id == id;
    // (the killing's attack is the one right after it, قتلى بقصف في ريف
    // درعا، or else the latest one told before it: الضربات جاءت رداً على
    // الهجوم الذي استهدف البرج 22، وأسفر عن مقتل …)
    // (an incursion kills as an attack does: مقتل 13 سورياً في توغل إسرائيلي)
    let attacks: Vec<_> = drafts
        .iter()
        .filter(|d| is(d, "attack") || is(d, "invade"))
        .map(|d| (d.trigger.0, (d.place, d.date, d.actor)))
        .collect();
    let kill = drafts
        .iter()
        .find(|d| is(d, "kill"))
        .map(|d| (d.place, d.date, None));
    for d in &mut drafts {
        let other = if is(d, "kill") {
            attacks
                .iter()
                .find(|(at, _)| *at >= d.trigger.1 && *at <= d.trigger.1 + 2)
                .or_else(|| attacks.iter().rev().find(|(at, _)| *at < d.trigger.0))
                .or(attacks.first())
                .map(|(_, roles)| *roles)
        } else if is(d, "attack") {
            kill
        } else {
            None
        };
        if let Some((place, date, actor)) = other {
            d.place = d.place.or(place);
            d.date = d.date.or(date);
            // The author of the attack is the killer (غارة أمريكية أدت إلى مقتل …).
            d.actor = d.actor.or(actor.filter(|a| Some(*a) != d.target));
        }
    }
    drafts
}

/// A light verb and its verbal noun of the same action (توصلنا إلى اتفاق،
/// شنتها … هجمات) are one event: the later one's roles fill the earlier one's gaps.
pub(super) fn merge_light_verbs(cx: &Ctx, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        let light = |o: &Draft| {
            o.action == d.action
                && o.trigger != d.trigger
                && d.trigger.0 >= o.trigger.1
                // (a parenthetical or date between does not count:
                // شنت مقاتلات أمريكية، فجر اليوم، سلسلة غارات)
                && between_verb_and_noun(cx, o, &d) <= 6
                // (nor a relative pronoun: الضربات التي نفذتها طائرات التحالف)
                && !(o.trigger.1..d.trigger.0).any(|k| {
                    cx.is_boundary(k)
                        && !cx.hidden[k]
                        && !cx.dated.get(k).copied().unwrap_or(false)
                        && !cx.s.has_cue(cx.lex, k, CueKind::RelativePronoun)
                })
        };
        // (of the nearest such trigger's rows, the one of the same actor:
        // شنت مقاتلات أمريكية وأردنية غارات gives a row per actor)
        let nearest = out.iter().rev().find(|o| light(o)).map(|o| o.trigger);
        let same_actor = out
            .iter()
            .rposition(|o| Some(o.trigger) == nearest && o.actor == d.actor && light(o));
        // (a noun without an actor completes every actor's row of the verb:
        // شنت مقاتلات أمريكية وأردنية، مساء أمس، سلسلة غارات على …)
        if d.actor.is_none() && same_actor.is_none() {
            let rows: Vec<usize> = (0..out.len())
                .filter(|&i| Some(out[i].trigger) == nearest && light(&out[i]))
                .collect();
            if rows.len() > 1
                && rows
                    .iter()
                    .all(|&i| out[i].place.is_none_or(|p| Some(p) == d.place))
            {
                for i in rows {
                    complete(&mut out[i], &d);
                }
                continue;
            }
        }
        let near = match same_actor {
            Some(i) => out.get_mut(i),
            None => out.iter_mut().rev().find(|o| light(o)),
        };
        match near {
            // Another of the verb's places (… في العراق وسوريا): a row of its own,
            // completed from the noun.
            Some(o) if o.place.is_some() && d.place.is_some() && o.place != d.place => {
                let mut d = d;
                d.actor = d.actor.or(o.actor);
                d.target = d.target.or(o.target);
                d.date = d.date.or(o.date);
                d.troops = d.troops.or(o.troops);
                out.push(d);
            }
            Some(o) if o.actor.is_none() || d.actor.is_none() || o.actor == d.actor => {
                complete(o, &d)
            }
            _ => out.push(d),
        }
    }
    out
}

/// The distance a reader perceives from light verb `o` to its noun `d`
/// ([`Ctx::gap`]), counted after the verb's subject however long its
/// phrase, and without quotation marks (شنت "المقاومة الإسلامية في العراق"
/// أكثر من 170 هجوماً: three words; نفذت طائرات إف-16 تابعة للقوة الجوية
/// العراقية، أمس، ثلاث ضربات: one). O(g · m) for g tokens between and m
/// mentions of the sentence.
fn between_verb_and_noun(cx: &Ctx, o: &Draft, d: &Draft) -> usize {
    let s = cx.s;
    let from = s
        .ments
        .iter()
        .filter(|m| Some(m.entity) == o.actor && m.start >= o.trigger.1 && m.end <= d.trigger.0)
        .map(|m| m.end)
        .max()
        .unwrap_or(o.trigger.1);
    (from..d.trigger.0)
        .filter(|&k| cx.gap(k, k + 1) == 1 && !(s.is_punct(k) && QUOTES.contains(&s.text(k))))
        .count()
}

/// Fills the roles `o` lacks from `d`, the other half of the same event, and
/// widens its evidence span over both.
fn complete(o: &mut Draft, d: &Draft) {
    o.actor = o.actor.or(d.actor);
    o.place = o.place.or(d.place);
    o.target = o.target.or(d.target);
    o.date = o.date.or(d.date);
    o.troops = o.troops.or(d.troops);
    o.span = (o.span.0.min(d.span.0), o.span.1.max(d.span.1));
}

/// The speaker of the reported speech or source phrase governing a trigger.
/// "اتفق X و Y، خلال لقائهما في البيت الأبيض": an event without a place
/// happened where the meeting or visit during which it happened took place.
pub(super) fn venue_of_occasion(cx: &Ctx, drafts: &mut [Draft]) {
    let s = cx.s;
    for i in 0..drafts.len() {
        if drafts[i].place.is_some() {
            continue;
        }
        let end = drafts[i].trigger.1;
        let venue = drafts.iter().find_map(|o| {
            let t0 = o.trigger.0;
            (t0 > end
                && t0 - end <= 14
                && s.cue_covering(cx.lex, t0 - 1, CueKind::During).is_some()
                && !(end..t0).any(|k| {
                    s.has_any_cue(
                        cx.lex,
                        k,
                        &[
                            CueKind::ClauseBoundary,
                            CueKind::Complementizer,
                            CueKind::Speech,
                        ],
                    )
                }))
            .then_some(o.place)
            .flatten()
        });
        if venue.is_some() {
            drafts[i].place = venue;
        }
    }
}

/// An event noun in the complement of a demand or a refusal (طالبت موسكو
/// بسحب القوات، رفض البرلمان إخراج القوات) is the wish or stance of that
/// verb's actor: attributed to it when nobody is quoted.
pub(super) fn embedded_attribution(cx: &Ctx, drafts: &mut [Draft]) {
    let s = cx.s;
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if d.attributed_to.is_some() || d.is_verb {
            continue;
        }
        let t0 = d.trigger.0;
        let owner = drafts[..i]
            .iter()
            .rev()
            .filter(|o| {
                cx.lex.actions[o.action].embeds
                    && o.trigger.1 <= t0
                    && t0 - o.trigger.1 <= 8
                    && !(o.trigger.1..t0).any(|k| {
                        (cx.is_boundary(k) && !cx.hidden[k])
                            || s.has_cue(cx.lex, k, CueKind::Complementizer)
                    })
            })
            .find_map(|o| o.actor);
        if let Some(a) = owner.filter(|a| d.actor != Some(*a)) {
            drafts[i].attributed_to = Some(a);
        }
    }
}

/// A verbal noun of purpose (أرسلت قوات إلى العراق لتدريب الجيش) with no
/// actor of its own is done by the actor of the event it is the purpose
/// of: the nearest event before it, told by a verb, with no other verb,
/// clause boundary or sentence end between. (A noun's complement is no
/// purpose: جدول زمني لإخلاء قواعدها، موافقة للبقاء.) When that event
/// moves forces to or into a place (its place prepositions include في or
/// إلى), the purpose is served there too.
pub(super) fn purpose_roles(cx: &Ctx, table: &mut EntityTable, drafts: Vec<Draft>) -> Vec<Draft> {
    static INTO: OnceLock<[String; 2]> = OnceLock::new();
    let into = INTO.get_or_init(|| ["في", "إلى"].map(crate::text::normalize_str));
    let s = cx.s;
    let lex = cx.lex;
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.iter().enumerate() {
        let t0 = d.trigger.0;
        // (or ل on the phase noun before it: لتنفيذ ضربات، لشن هجمات)
        let purpose = !d.is_verb
            && (s.matches_at(t0).any(|x| {
                x.start == t0
                    && x.payload.pos == Pos::Noun
                    && x.clitics.prep == Some('ل')
                    && matches!(x.payload.target, Target::Trigger { .. })
            }) || t0 > 0
                && !s.is_verb(t0 - 1)
                && s.cue_at(lex, t0 - 1, CueKind::PhaseVerb)
                    .is_some_and(|c| c.0 == t0 && c.2.prep == Some('ل')));
        let governor = purpose
            .then(|| {
                drafts[..i]
                    .iter()
                    .filter(|o| o.trigger.1 <= t0)
                    .max_by_key(|o| o.trigger.0)
                    // (forces move for forces only: خطط لانسحاب is no purpose)
                    .filter(|o| {
                        o.is_verb
                            && (!lex.actions[d.action].actor_is_forces
                                || lex.actions[o.action].actor_is_forces)
                    })
                    .map(|o| o.trigger)
            })
            .flatten()
            .filter(|g| {
                cx.gap(g.1, t0) <= 12
                    // (nor the complement of an earlier verb of its own
                    // action: تعرضت قاعدة تستضيف قوات … لهجوم)
                    && !(g.0.saturating_sub(12)..g.0).any(|k| {
                        s.is_verb(k)
                            && s.matches_at(k).any(|x| {
                                matches!(x.payload.target, Target::Trigger { action, .. }
                                    if action as usize == d.action)
                            })
                    })
                    && !(g.1..t0).any(|k| {
                        s.is_verb(k)
                            || matches!(s.text(k), "." | "؛" | ":" | "!" | "؟")
                            || s.has_any_cue(lex, k, CLAUSE_OPENERS)
                    })
            });
        let rows: Vec<&Draft> = governor
            .map(|g| {
                drafts
                    .iter()
                    .filter(|o| o.trigger == g && o.actor.is_some())
                    .collect()
            })
            .unwrap_or_default();
        let there = |o: &Draft| {
            lex.actions[o.action]
                .place_preps
                .iter()
                .any(|p| into.contains(p))
        };
        // (with no event verb before it, the subject of a plain verb of its
        // clause: واشنطن قد تستخدم العراق قاعدة لشن هجمات)
        if purpose && rows.is_empty() && d.actor.is_none() {
            let actors: Vec<usize> = plain_verb_subject(cx, table, t0)
                .into_iter()
                .filter(|&a| Some(a) != d.target)
                .collect();
            for &a in &actors {
                let mut e = d.clone();
                e.actor = Some(a);
                out.push(e);
            }
            if !actors.is_empty() {
                continue;
            }
        }
        if rows.is_empty() || d.actor.is_some() {
            // (its actor found already, the same as the governor's: only its place)
            let mut e = d.clone();
            if let Some(o) = rows.iter().find(|o| o.actor == d.actor)
                && e.place.is_none()
                && there(o)
            {
                e.place = o.place;
            }
            out.push(e);
            continue;
        }
        let mut seen: Vec<usize> = Vec::new();
        for o in rows {
            let Some(a) = o
                .actor
                .filter(|a| Some(*a) != d.target && !seen.contains(a))
            else {
                continue;
            };
            seen.push(a);
            let mut e = d.clone();
            e.actor = Some(a);
            if e.place.is_none() && there(o) {
                e.place = o.place;
            }
            out.push(e);
        }
        if seen.is_empty() {
            out.push(d.clone());
        }
    }
    out
}

/// The subject of the plain verb (no event, speech or phase verb of the
/// lexicon) nearest before a purpose noun at `t0`, in its clause and right
/// before that verb (تركيا قد تستغل أي فراغ لشن هجمات → Turkey). O(c) for
/// a clause of c tokens.
fn plain_verb_subject(cx: &Ctx, table: &mut EntityTable, t0: usize) -> Vec<usize> {
    let s = cx.s;
    let lex = cx.lex;
    // (a verb unknown to the lexicon too, after a particle that only a verb
    // follows: قد تستخدم، لن تسمح)
    let verb = |k: usize| {
        s.is_verb(k) || (k > 0 && matches!(s.text(k - 1), "قد" | "لن" | "لم" | "سوف" | "وقد"))
    };
    let Some(v) = (t0.saturating_sub(8)..t0).rev().find(|&k| verb(k)) else {
        return Vec::new();
    };
    let plain = !s
        .matches_at(v)
        .any(|x| matches!(x.payload.target, Target::Trigger { .. }))
        && !s.is_passive(v)
        && !s.has_any_cue(
            lex,
            v,
            &[CueKind::Speech, CueKind::PhaseVerb, CueKind::Denial],
        )
        && !(v + 1..t0).any(|k| {
            // (quotes around a word are no boundary: تستخدم العراق "قاعدة")
            (cx.is_boundary(k) && !QUOTES.contains(&s.text(k)))
                || s.has_any_cue(lex, k, CLAUSE_OPENERS)
        });
    if !plain {
        return Vec::new();
    }
    let left = cx.clause(v, v + 1).0;
    let Some(b) = cx.subject_before(table, left, v).filter(|b| b.adjacent) else {
        return Vec::new();
    };
    b.group
        .nps
        .iter()
        .filter_map(|np| cx.as_actor(table, *np))
        .collect()
}

/// An agreement or talks told as the object of an announcement (أعلنت
/// واشنطن وبغداد اتفاقاً، إعلان واشنطن وبغداد اتفاقاً) with no party of its
/// own are those of the announcement: one row per announcer. The nearest
/// announcement before it, within eight tokens, with no clause boundary,
/// complementizer or other event between. O(d²) for d drafts.
pub(super) fn announced_parties(cx: &Ctx, drafts: Vec<Draft>) -> Vec<Draft> {
    let s = cx.s;
    let lex = cx.lex;
    let Some(announce) = lex.action_pos("announce") else {
        return drafts;
    };
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in &drafts {
        let t0 = d.trigger.0;
        // (not one whose parties are named with it: اتفاق البلدين)
        let governor = (lex.actions[d.action].symmetric && d.actor.is_none() && d.target.is_none())
            .then(|| {
                drafts
                    .iter()
                    .filter(|o| o.trigger.1 <= t0)
                    .max_by_key(|o| o.trigger.0)
                    .filter(|o| o.action == announce && cx.gap(o.trigger.1, t0) <= 8)
                    .map(|o| o.trigger)
            })
            .flatten()
            .filter(|g| {
                !(g.1..t0).any(|k| {
                    (cx.is_boundary(k) && !cx.hidden[k] && !matches!(s.text(k), "،" | ","))
                        || s.has_any_cue(
                            lex,
                            k,
                            &[CueKind::Complementizer, CueKind::RelativePronoun],
                        )
                })
            });
        let parties: Vec<usize> = governor
            .map(|g| {
                drafts
                    .iter()
                    .filter(|o| o.trigger == g)
                    .filter_map(|o| o.actor)
                    .collect()
            })
            .unwrap_or_default();
        if parties.is_empty() {
            out.push(d.clone());
            continue;
        }
        for a in parties {
            let mut e = d.clone();
            e.actor = Some(a);
            // (the announcer is a party, not the source of a claim about itself)
            if e.attributed_to == Some(a) {
                e.attributed_to = None;
            }
            out.push(e);
        }
    }
    out
}
