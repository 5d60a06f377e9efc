//! Occasions: visits and meetings that frame what else a sentence says.
//! An event noun under "during" (خلال زيارة للعراق، قال الوزير …) is the
//! speaker's, or that of the one whose statements came during it (وجاءت
//! تصريحات كوريلا خلال زيارة أجراها …); a verb followed by "during it"
//! (…، التقى خلالها قادة …) takes the occasion's actor and place; an event
//! noun with a possessive ل-pronoun (في أول زيارة رسمية له) is the
//! sentence's earlier actor's. "Both sides" (الجانبان، الطرفان) and a dual
//! verb without a subject (وبحثا) are the two parties of the last meeting,
//! talks or agreement told.
//!
//! Each check looks at a few tokens around the trigger and at the events
//! already found in the sentence: O(tokens + events) per trigger.

use super::Draft;
use crate::extract::modality::Speaker;
use crate::extract::nps::{Ctx, Np};
use crate::extract::roles::Roles;
use crate::extract::table::EntityTable;
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon};
use crate::matcher::Match;

/// Whether the verb `m` is followed by "during it" (خلالها، أثناءه).
pub(super) fn during_it(cx: &Ctx, m: &Match) -> bool {
    let s = cx.s;
    m.end < s.len()
        && s.cue_at(cx.lex, m.end, CueKind::During)
            .is_some_and(|c| c.0 == m.end + 1)
        && (s.text(m.end).ends_with('ه') || s.text(m.end).ends_with("ها"))
}

/// The owner of statements reported before token `t0` (وجاءت تصريحات كوريلا
/// خلال زيارة …): a speech noun followed by a name that can act.
fn statements_owner(cx: &Ctx, table: &EntityTable, t0: usize) -> Option<usize> {
    let s = cx.s;
    let k = (0..t0).find(|&k| s.has_cue(cx.lex, k, CueKind::Speech) && !s.is_verb(k))?;
    let m = s
        .ment_at(k + 1)
        .filter(|m| m.start == k + 1 && !m.adjectival)?;
    table.get(m.entity).kind.can_act().then_some(m.entity)
}

/// Whether an ل-pronoun (له، لها، لهم) follows the noun `m`, past at most
/// two adjectives (زيارة رسمية له).
fn possessed_by_pronoun(cx: &Ctx, m: &Match) -> bool {
    let s = cx.s;
    (m.end..(m.end + 3).min(s.len()))
        .take_while(|&k| !s.is_punct(k) && s.ment_at(k).is_none())
        .any(|k| matches!(s.text(k), "له" | "لها" | "لهم" | "لهما"))
}

/// Fills the actor (and place) of trigger `m` from the occasion it names or
/// stands in, when its own roles left them empty.
#[allow(clippy::too_many_arguments)]
pub(super) fn occasion_roles(
    cx: &Ctx,
    table: &EntityTable,
    m: &Match,
    speakers: &[Speaker],
    out: &[Draft],
    during_it: bool,
    roles: &mut Roles,
) {
    let s = cx.s;
    let lex = cx.lex;
    let is_noun = !matches!(m.payload.pos, Pos::Past | Pos::Present);
    // "خلال زيارة للعراق، قال الوزير …"، "قال السوداني خلال استقباله …":
    // the occasion is the speaker's.
    if roles.actors.is_empty()
        && is_noun
        && m.start > 0
        && s.cue_covering(lex, m.start - 1, CueKind::During).is_some()
        // (unless its parties are named: اللقاء الذي جرى بين X و Y)
        && !(m.end..(m.end + 5).min(s.len())).any(|k| s.has_cue(lex, k, CueKind::Between))
        && let Some(sp) = speakers
            .iter()
            .filter(|sp| sp.entity.is_some() && sp.verb != m.start)
            .min_by_key(|sp| sp.verb.abs_diff(m.start))
            .filter(|sp| sp.verb.abs_diff(m.start) <= 8)
            .and_then(|sp| sp.entity)
            // (or the one whose statements came during it)
            .or_else(|| statements_owner(cx, table, m.start))
    {
        roles.actors.push((sp, Np::none(m.start)));
    }
    // A verb followed by "during it" has the occasion's subject, the
    // earlier event's actor, and its place.
    if during_it && let Some(prev) = out.iter().rev().find(|d| d.actor.is_some()) {
        if roles.actors.is_empty() {
            roles
                .actors
                .push((prev.actor.unwrap_or_default(), Np::none(m.start)));
        }
        if roles.places.is_empty()
            && let Some(p) = prev.place
        {
            roles.places.push((p, Np::none(m.start)));
        }
    }
    // "التقى السوداني … بايدن …، في أول زيارة رسمية له إلى واشنطن": the
    // pronoun is the earlier verb's subject.
    if roles.actors.is_empty()
        && is_noun
        && possessed_by_pronoun(cx, m)
        && let Some(prev) = out.iter().rev().find(|d| d.is_verb && d.actor.is_some())
    {
        roles
            .actors
            .push((prev.actor.unwrap_or_default(), Np::none(m.start)));
    }
}

/// The two parties of the last event of a symmetric action (a meeting,
/// talks, an agreement) among `drafts`: its actor and counterpart, or the
/// two actors of one trigger. O(drafts).
pub(super) fn parties_of(
    lex: &Lexicon,
    table: &EntityTable,
    drafts: &[Draft],
) -> Option<(usize, usize)> {
    let sym: Vec<&Draft> = drafts
        .iter()
        .filter(|d| lex.actions[d.action].symmetric && d.actor.is_some())
        .collect();
    let last = sym.last()?;
    let a = last.actor?;
    // (two actors of one trigger first; a counterpart only if it can act,
    // not the topic of talks: وبحثا مستقبل قوات التحالف)
    sym.iter()
        .rev()
        .filter(|d| d.trigger == last.trigger)
        .find_map(|d| d.actor.filter(|&b| b != a))
        .map(|b| (b, a))
        .or_else(|| {
            last.target
                .filter(|&t| t != a && table.get(t).kind.can_act())
                .map(|t| (a, t))
        })
}

/// A trigger of a symmetric action whose subject is "both sides"
/// (الجانبان، الطرفان: an anaphor for two that names no kind), or a dual
/// past verb (بحثا، التقيا) whose subject is not named before it, has for
/// actors the parties of the sentence's last such event, else `earlier`.
pub(super) fn both_sides(
    cx: &Ctx,
    table: &EntityTable,
    m: &Match,
    symmetric: bool,
    out: &[Draft],
    earlier: Option<(usize, usize)>,
    roles: &mut Roles,
) {
    if symmetric
        && names_both_sides(cx, m, roles)
        && let Some((a, b)) = parties_of(cx.lex, table, out).or(earlier)
    {
        roles.actors = vec![(a, Np::none(m.start)), (b, Np::none(m.start))];
    }
}

fn names_both_sides(cx: &Ctx, m: &Match, roles: &Roles) -> bool {
    let s = cx.s;
    // (the anaphor itself, next to the trigger, whether or not it was
    // resolved: الجانبان قد بحثا، وبحث الجانبان)
    let two_sides = |k: usize| {
        s.cue_at(cx.lex, k, CueKind::Anaphor).is_some_and(|c| {
            let cue = &cx.lex.cues[c.1];
            cue.number == Some(2) && cue.introduces.is_none()
        })
    };
    (m.start.saturating_sub(2)..m.start)
        .any(|k| two_sides(k) && !(k + 1..m.start).any(|j| s.is_verb(j)))
        || (m.end < s.len() && two_sides(m.end))
        || (m.payload.pos == Pos::Past
            && s.text(m.end - 1).ends_with('ا')
            // (not "we", توصلنا, nor a plural, اتفقوا, nor an object
            // pronoun, زارها)
            && !["نا", "وا", "ها"].iter().any(|x| s.text(m.end - 1).ends_with(x))
            // (a dual verb comes after its subject: a phrase after it is
            // its object, وبحثا مستقبل قوات التحالف)
            && roles
                .actors
                .iter()
                .all(|(_, np)| np.ment == usize::MAX || np.start >= m.end))
}
