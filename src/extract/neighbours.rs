//! Actors of a trigger read from a neighbouring phrase rather than from its
//! clause's subject: the instrument after an attack noun (بضربة مسيّرة
//! أمريكية), the subject of a light verb that carries the noun's pronoun
//! (زيارة أجراها الرئيس الأمريكي), the person named after a title and its
//! complement (المبعوث الأمريكي الخاص إلى سوريا توم باراك), and the examples
//! named after an unnamed group (دول أخرى … من بينها ألمانيا), and the owner
//! of an intent noun before a verbal noun (نية أنقرة نشر منظومات). Called by
//! [`super::roles`]; each function looks at a few tokens, so its cost is
//! linear in the number of groups of the clause.

use super::nps::{Ctx, Group};
use super::table::EntityTable;
use crate::lexicon::morph::Pos;
use crate::lexicon::{ActionDef, CueKind};
use crate::matcher::{Match, Target};
use crate::model::EntityKind;

/// An instrument right after an attack noun acts for its owner: with ب
/// (بضربة بطائرة مسيّرة أمريكية) or as the indefinite word after it
/// (بضربة مسيّرة أمريكية). A definite one is what is attacked (استهداف
/// الطائرات الأمريكية).
pub(super) fn instrument<'g>(
    cx: &Ctx,
    table: &EntityTable,
    m: &Match,
    groups: &'g [Group],
) -> Option<&'g Group> {
    let (s, lex) = (cx.s, cx.lex);
    groups.iter().find(|g| {
        g.nps[0].start <= m.end + 1
            && (g.prep.as_deref() == Some("ب")
                || (g.prep.is_none() && !s.text(g.nps[0].start).starts_with("ال")))
            && s.cue_at(lex, g.nps[0].start, CueKind::ForceNoun)
                .is_some_and(|c| lex.cues[c.1].instrument)
            && cx.group_can_act(table, g)
    })
}

/// A light verb right after the noun, with the noun's pronoun on it (زيارة
/// أجراها الرئيس الأمريكي، مباحثات عقدها الوزيران): the phrase after it,
/// its subject, acts.
pub(super) fn light_verb_subject<'g>(
    cx: &Ctx,
    table: &EntityTable,
    m: &Match,
    groups: &'g [Group],
) -> Option<&'g Group> {
    let s = cx.s;
    let v = m.end;
    (v < s.len()
        && s.is_verb(v)
        && s.has_cue(cx.lex, v, CueKind::PhaseVerb)
        && ["ها", "ه", "هما"].iter().any(|p| s.text(v).ends_with(p)))
    .then(|| {
        groups
            .iter()
            .find(|g| g.nps[0].start == v + 1 && g.prep.is_none())
            .filter(|g| cx.group_can_act(table, g))
    })
    .flatten()
}

/// The owner of an intent noun right before a verbal noun (نية أنقرة نشر
/// منظومات، اعتزام الدنمارك إرسال مدربين، قرار واشنطن لسحب قواتها): the
/// one who intends acts. O(g) for the g groups of the clause before the noun.
pub(super) fn intent_owner(cx: &Ctx, table: &EntityTable, m: &Match, left: usize) -> Option<Group> {
    let s = cx.s;
    let g = cx.groups(left, m.start).pop()?;
    let k = g.nps[0].start.checked_sub(1)?;
    let intends = s
        .cue_at(cx.lex, k, CueKind::Planned)
        .is_some_and(|c| c.0 == k + 1 && cx.lex.cues[c.1].agentive);
    (intends
        && k >= left
        && g.prep.is_none()
        && cx.gap(g.end(), m.start) == 0
        && cx.group_can_act(table, &g))
    .then_some(g)
}

/// Of the phrases after a verb, the index of its subject: the first, or the
/// second when the first is an unnamed title and the second a person named
/// after the title's complement (بحث المبعوث الأمريكي الخاص إلى سوريا توم
/// باراك: the title's place phrase lies between).
pub(super) fn subject_after_title(cx: &Ctx, table: &EntityTable, bare: &[&Group]) -> usize {
    let (s, lex) = (cx.s, cx.lex);
    let Some((first, second)) = bare.first().zip(bare.get(1)) else {
        return 0;
    };
    let person = second
        .nps
        .iter()
        .all(|np| table.get(cx.ment(*np).entity).kind == EntityKind::Person);
    let complement = (first.end()..second.nps[0].start).any(|k| {
        s.cue_at(lex, k, CueKind::Locative)
            .is_some_and(|c| c.0 == k + 1)
    });
    let close = cx.gap(first.end(), second.nps[0].start) <= 4
        && !(first.end()..second.nps[0].start).any(|k| s.is_verb(k) || s.is_punct(k));
    usize::from(first.nps.iter().all(|np| cx.ment(*np).role_only) && person && complement && close)
}

/// The examples introduced after the trigger (دول أخرى … من بينها ألمانيا
/// وفرنسا), within 16 tokens, when they can act.
pub(super) fn named_examples(cx: &Ctx, table: &EntityTable, m: &Match) -> Option<Group> {
    let (s, lex) = (cx.s, cx.lex);
    let k = (m.end..(m.end + 16).min(s.len()))
        .find(|&k| s.has_cue(lex, k, CueKind::ExamplesIntro))
        .filter(|&k| k > m.end)?;
    let (e, _, _) = s.cue_at(lex, k, CueKind::ExamplesIntro)?;
    let np = cx.np_at(e)?;
    let g = Group {
        nps: cx.coordinated(np),
        prep: None,
    };
    cx.group_can_act(table, &g).then_some(g)
}

/// Whether the genitive `g` of an event noun whose object is its target is
/// the noun's agent: a named state or government (إدانة بغداد، رفض الحكومة
/// العراقية; a city for its government only before the target or for an
/// action with no place: هجوم أنقرة is where), or an armed group or force when the target follows with the
/// action's preposition (هجوم "داعش" على سنجار). Forces after the noun are
/// its object (تدريب القوات العراقية), and so is a person (اغتيال سليماني).
pub(super) fn genitive_agent(
    cx: &Ctx,
    table: &EntityTable,
    def: &ActionDef,
    g: &Group,
    groups: &[Group],
) -> bool {
    let named = g.nps.iter().all(|np| {
        let mt = cx.ment(*np);
        np.start == mt.start && !mt.adjectival && !mt.anaphoric
    });
    let kind = |np: &super::nps::Np| table.get(cx.ment(*np).entity).kind;
    // (a target phrase after it: هجوم الفصيل على القاعدة)
    let aimed = groups.iter().any(|h| {
        h.nps[0].start > g.end()
            && h.prep
                .as_deref()
                .is_some_and(|p| def.target_preps.iter().any(|t| t == p))
    });
    // (a city standing for its government acts only when a target follows,
    // or for an action that has no place: هجوم أنقرة، هجوم أربيل name where
    // the attack was; إدانة بغداد is the government's)
    let state = g.nps.iter().any(|np| {
        matches!(kind(np), EntityKind::Country | EntityKind::GovernmentBody)
            || ((aimed || def.place_preps.is_empty())
                && table
                    .lex_entity(cx.lex, cx.ment(*np).entity)
                    .is_some_and(|l| l.metonym_for.is_some()))
    });
    let group = g.nps.iter().all(|np| {
        matches!(
            kind(np),
            EntityKind::ArmedGroup | EntityKind::Alliance | EntityKind::MilitaryForce
        )
    }) && aimed;
    named && (state || group)
}

/// A nationality adjective right after an event noun that follows the verb
/// is that noun's, not the verb's subject (تعارض الدعم الأمريكي).
pub(super) fn of_event_noun(cx: &Ctx, m: &Match, g: &Group) -> bool {
    let k = g.nps[0].start;
    cx.group_adjectival(g)
        && k > m.end
        && cx.s.matches_at(k - 1).any(|x| {
            matches!(x.payload.target, Target::Trigger { .. })
                && x.payload.pos == Pos::Noun
                && x.end == k
        })
}

/// The subject of an indefinite noun trigger used as a predicate: the phrase
/// before the quote that opens with it (إن القوات الأمريكية "باقية في
/// سوريا"), or the phrase that opens a complement clause right before it
/// (إن بعثة الناتو باقية في العراق) or the sentence (a headline: بعثة الناتو
/// باقية في العراق). None for other nouns.
pub(super) fn indefinite_predicate(
    cx: &Ctx,
    table: &EntityTable,
    m: &Match,
    left: usize,
) -> Option<Group> {
    let s = cx.s;
    if m.payload.pos != Pos::Noun
        || m.clitics.article
        || m.clitics.prep.is_some()
        || m.clitics.conj.is_some()
        || m.start == 0
        || s.text(m.start).starts_with("ال")
    {
        return None;
    }
    if s.text(m.start).ends_with('ه') && super::nps::QUOTES_OPEN.contains(&s.text(m.start - 1)) {
        return cx.predicate_subject(table, left, m.start, false);
    }
    // (or opens the sentence, as in a headline: بعثة الناتو باقية في العراق,
    // or a quotation after a colon: أنقرة: قواتنا باقية في بعشيقة)
    (left == 0 || s.has_cue(cx.lex, left - 1, CueKind::Complementizer) || s.text(left - 1) == ":")
        .then(|| cx.predicate_subject(table, left, m.start, true))
        .flatten()
        .filter(|g| g.nps[0].start == left && g.prep.is_none())
}
