//! Events of one sentence: each action trigger with its roles (actor, place,
//! target, date, troops) read from the clause structure, and its polarity,
//! modality and attribution, which are orthogonal to the action.
//!
//! Roles come from noun-phrase groups (a phrase and the phrases coordinated
//! with it by و): the subject of a verb (after it in VSO, right before it in
//! SVO), the genitive after a verbal noun (انسحاب القوات الأمريكية), the
//! nationality adjective of a noun (الانسحاب الأمريكي), the noun a
//! participle modifies (القوات الأمريكية المتمركزة), and the objects of the
//! action's prepositions (من القاعدة، على القوات). A group gives one event
//! per member (بغداد والأنبار), and a capital acts for its state (واشنطن).
//! The roles themselves are read in [`super::roles`]; polarity, modality
//! and attribution are in [`super::modality`].
//!
//! This module drafts the events of a sentence; its children hold the
//! rest: trigger selection (`triggers`), what a trigger's clause supplies
//! besides the roles (`clause`), events told by a troop count
//! (`presence`) and the passes that complete drafts from each other
//! (`merge`).

mod addition;
mod clause;
mod merge;
mod occasion;
mod presence;
mod triggers;

use super::dates::DateMent;
use super::modality::{modality, polarity, speakers};
use super::nps::{Ctx, Np};
use super::roles::{add_actors, roles};
use super::sent::Sent;
use super::table::EntityTable;
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon, ObjectRole};
use crate::matcher::{Match, Target};
use crate::model::{Modality, PartialDate, Polarity};
pub(super) use clause::earlier_verb_subject;
use clause::{
    Resumed, attribution_for, drop_subject_after_pronoun, intent_subject, pick_date,
    pronoun_complementizer, relative_subject, resumed_subject, speaker_between, troops,
};
use merge::{
    announced_parties, embedded_attribution, merge_light_verbs, purpose_roles, share_attack_roles,
    venue_of_occasion,
};
use presence::{elliptic_counts, presence_events};
pub(super) use triggers::word_has;
use triggers::{first_person, labels_place_noun, needs_met, possessive, reports, triggers};

/// An event found in a sentence, before ids and spans are assigned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub action: usize,
    pub trigger: (usize, usize),
    pub actor: Option<usize>,
    pub place: Option<usize>,
    pub target: Option<usize>,
    pub date: Option<usize>,
    pub polarity: Polarity,
    pub modality: Modality,
    pub attributed_to: Option<usize>,
    pub troops: Option<u64>,
    /// Token span of the evidence (trigger and the roles found in this sentence).
    pub span: (usize, usize),
    is_verb: bool,
}

/// What the extractor remembers across the sentences of an article.
#[derive(Default)]
pub struct ArticleState {
    /// The last explicit speaker, for "وأضاف: …".
    pub last_speaker: Option<usize>,
    /// The actor of the previous sentence's last verb, for a sentence that
    /// opens with a و-verb and no subject (وتنشر تركيا … . وتحتفظ بعشرات …).
    pub last_subject: Option<usize>,
    /// The two parties of the last meeting, talks or agreement, for "both
    /// sides" (وبحث الجانبان) in a later sentence.
    pub last_parties: Option<(usize, usize)>,
}

/// All events of a sentence.
pub fn sentence_events(
    s: &Sent,
    lex: &Lexicon,
    table: &mut EntityTable,
    dates: &[DateMent],
    published: Option<PartialDate>,
    state: &mut ArticleState,
) -> Vec<Draft> {
    let dated = super::parens::dated_with_time(s, lex, dates);
    let hidden = super::parens::hidden(s, lex, &dated);
    let cx = Ctx {
        s,
        lex,
        hidden: &hidden,
        dated: &dated,
    };
    let speakers = speakers(&cx, table, state);
    let triggers = triggers(s, lex);
    let mut out: Vec<Draft> = Vec::new();
    for (ti, m) in triggers.iter().enumerate() {
        let Target::Trigger { action, trigger } = m.payload.target else {
            continue;
        };
        let def = &lex.actions[action as usize];
        let trig = &def.triggers[trigger as usize];
        if (def.actor_is_forces && reports(s, lex, m))
            || !needs_met(s, def, trigger as usize, m)
            || labels_place_noun(s, lex, m)
        {
            continue;
        }
        let (left, right) = cx.clause(m.start, m.end);
        // A verb whose subject undergoes the action, governing a noun of the
        // same action (تعرضت القاعدة، أمس، لهجوم): one event, the noun's.
        if trig.subject == Some(ObjectRole::Target)
            && matches!(m.payload.pos, Pos::Past | Pos::Present)
            && triggers[ti + 1..].iter().any(|n| {
                n.end <= right
                    && n.payload.pos == Pos::Noun
                    && n.action_of() == action as usize
                    && !(m.end..n.start).any(|k| s.is_verb(k))
            })
        {
            continue;
        }
        // The next trigger bounds the search for this one's complements.
        // (A participle modifies a noun inside this event's phrase: look past it.)
        // (Nor a noun that labels the head noun before it: قاعدة الاحتلال
        // الأمريكي في حقل كونيكو.)
        let label = |n: &Match| {
            n.payload.pos == Pos::Noun
                && n.clitics.prep.is_none()
                && n.clitics.conj.is_none()
                && n.start > 0
                && [CueKind::HeadNoun, CueKind::ForceNoun].iter().any(|k| {
                    s.cue_at(lex, n.start - 1, *k)
                        .is_some_and(|c| c.0 == n.start)
                })
        };
        // (nor one whose needed words are missing, which is no trigger: قمة
        // جبل الشيخ)
        let live = |n: &Match| match n.payload.target {
            Target::Trigger { action, trigger } => {
                needs_met(s, &lex.actions[action as usize], trigger as usize, n)
            }
            _ => false,
        };
        let next_trigger = triggers[ti + 1..]
            .iter()
            .find(|n| n.payload.pos != Pos::Adjective && !label(n) && live(n))
            .map_or(s.len(), |n| n.start.max(m.end));
        let right_roles = right.min(next_trigger);
        let speaker = attribution_for(&speakers, m);
        // A و-prefixed verb after another verb of the sentence that has a subject.
        // (Not across a comma: "…، وأعلنت المقاومة" starts a new clause.)
        let is_verb_m = matches!(m.payload.pos, Pos::Past | Pos::Present);
        // (Unless a feminine verb meets a masculine title, which cannot be
        // its subject: …، والتقت رئيس الإقليم نيجيرفان بارزاني.)
        let feminine_before_masculine_title = m.payload.pos == Pos::Past
            && s.text(m.start).ends_with('ت')
            && s.has_cue(lex, m.end, CueKind::Title)
            && !s.text(m.end).ends_with('ه');
        let continues = m.clitics.conj.is_some()
            && is_verb_m
            && !s.is_passive(m.start)
            && out.iter().any(|d| {
                d.is_verb
                    && d.actor.is_some()
                    && d.trigger.1 <= m.start
                    && !(d.trigger.1..m.start).any(|k| {
                        s.is_punct(k)
                            && !(feminine_before_masculine_title && matches!(s.text(k), "،" | ","))
                    })
            })
            && cx
                .subject_before(table, left, m.start)
                .is_none_or(|b| !b.adjacent);
        let noun_subject =
            is_verb_m && trig.needs.is_empty() && triggers::noun_subject_before(&triggers[..ti], m);
        // A و-verb of asking after a comma, in a sentence whose earlier verb
        // has a subject, keeps that subject: the phrase after it is who is
        // asked (استدعت الخارجية السفير، وطالبت أنقرة بسحب قواتها).
        let addressed = is_verb_m
            && m.clitics.conj.is_some()
            && lex.actions[action as usize].object_acts
            && m.start > 0
            && matches!(s.text(m.start - 1), "،" | ",")
            && earlier_verb_subject(&cx, table, m.start).is_some();
        // A participle after a comma says what the subject of the clause
        // did besides (…، داعياً بغداد إلى …): it shares that subject, and
        // the phrase after it is its object.
        let circumstantial = m.payload.pos == Pos::Adjective
            && !m.clitics.article
            && m.start > 0
            && matches!(s.text(m.start - 1), "،" | ",");
        // A particle that carries the subject (لكنها طالبت، أما X، فقد طالبت):
        // the phrase after the verb is its object.
        // (or a verb of intent governing the noun: …، وتوعدت بمواصلة ضرب …)
        // (also for the verbal noun of a phase verb: لكنها ستواصل ضرب …)
        let phase_verb = clause::phase_verb_of(&cx, m);
        let resumed = (if is_verb_m { Some(m) } else { phase_verb })
            .and_then(|v| resumed_subject(&cx, table, v, speaker))
            .or_else(|| intent_subject(&cx, table, m, speaker));
        // (a verb followed by "during it", خلالها: its subject is the
        // occasion's, and the phrase after is its object)
        let during_it = is_verb_m && occasion::during_it(&cx, m);
        let with_pronoun = clause::with_pronoun_after(&cx, m);
        let continues = continues
            || with_pronoun
            || clause::relative_verb(&cx, m, left)
            || noun_subject
            || addressed
            || circumstantial
            || resumed.is_some()
            || during_it;
        let mut roles = roles(
            &cx,
            table,
            m,
            left,
            right_roles,
            action as usize,
            trigger as usize,
            continues,
        );
        let is_verb = matches!(m.payload.pos, Pos::Past | Pos::Present);
        let mut modality = modality(&cx, m);
        if roles.actors.is_empty() && !is_verb_m {
            roles.actors = clause::claimed_actors(&cx, table, m, speaker);
        }
        if roles.actors.is_empty() {
            match resumed {
                Some(Resumed::Group(nps)) => add_actors(&cx, table, &mut roles.actors, &nps),
                Some(Resumed::Speaker(sp)) => roles.actors.push((sp, Np::none(m.start))),
                None => {}
            }
        }
        // (a participle after a speech verb's clause is its speaker's:
        // قال بارزاني …، داعياً بغداد إلى …)
        if circumstantial
            && roles.actors.is_empty()
            && let Some(sp) = speaker
        {
            roles.actors.push((sp, Np::none(m.start)));
        }
        // (a relative verb's head before any earlier verb's subject)
        if roles.actors.is_empty()
            && let Some(g) = relative_subject(&cx, table, m, left)
        {
            add_actors(&cx, table, &mut roles.actors, &g.nps);
        }
        if roles.actors.is_empty() && (is_verb || circumstantial) {
            // "توصلنا" inside a quote: the speaker's side acts.
            if first_person(s.text(m.start), m.payload.pos)
                && let Some(sp) = speaker
            {
                // "we" said by a person is their state (سنغادر، قال وزير الخارجية الإسباني).
                let state = if table.get(sp).kind == crate::model::EntityKind::Person {
                    table
                        .lex_entity(lex, sp)
                        .and_then(|l| l.country.first().or(l.position_of.as_ref()))
                        .cloned()
                        .and_then(|id| table.by_lex_id(lex, &id))
                } else {
                    None
                };
                roles.actors.push((state.unwrap_or(sp), Np::none(m.start)));
            } else if let Some(sp) = out
                .iter()
                .rev()
                .find(|d| d.is_verb && d.actor.is_some())
                .and_then(|prev| speaker_between(&speakers, prev.trigger.1, m.start))
                .filter(|_| {
                    m.clitics.conj.is_none() && (left..m.start).all(|k| cx.function_word(k))
                })
            {
                // (unless a speech verb with its own subject comes between:
                // دانت الحكومة الهجوم، بينما نفت الكتائب أن تكون نفّذته)
                roles.actors.push((sp, Np::none(m.start)));
            } else if let Some(prev) = out.iter().rev().find(|d| d.is_verb && d.actor.is_some())
                && (m.clitics.conj.is_some() || (left..m.start).all(|k| cx.function_word(k)))
            {
                // A verb without a subject continues the previous verb's
                // (وغزت الولايات المتحدة العراق … قبل أن تنسحب منه).
                roles
                    .actors
                    .push((prev.actor.unwrap_or_default(), Np::none(m.start)));
                // (and, for the same action, its place: زار أربيل والتقى
                // مسرور بارزاني)
                // (not with a date of its own: … في واشنطن، ويلتقي الأسبوع
                // المقبل أردوغان)
                // (talks with the one met are held where they met, whatever
                // place their topic names: وبحث معه الوضع في سوريا)
                if (with_pronoun || roles.places.is_empty() && prev.action == action as usize)
                    && !(m.end..(m.end + 3).min(s.len()))
                        .any(|k| cx.dated.get(k).copied().unwrap_or(false))
                    && let Some(p) = prev.place
                {
                    roles.places = vec![(p, Np::none(m.start))];
                }
                if m.clitics.conj.is_some()
                    && prev.modality == Modality::Planned
                    && modality == Modality::Asserted
                {
                    modality = Modality::Planned;
                }
            } else if m.clitics.conj.is_some()
                && !s.is_passive(m.start)
                && let Some(g) = earlier_verb_subject(&cx, table, m.start)
            {
                // A و-verb shares the subject of the verb before it in its sentence,
                // also one that is no event (اتهمت الخارجية السورية واشنطن بـ…،
                // وطالبت بخروج القوات الأمريكية).
                add_actors(&cx, table, &mut roles.actors, &g.nps);
            } else if m.clitics.conj.is_some()
                && m.start == 0
                && !s.is_passive(m.start)
                && speaker.is_none()
                // (only before a preposition or a date, not before a noun that
                // may be its own subject: وأعلنت الرئاسة السورية، وتعرضت قواعد)
                && (s.matches_at(m.end).any(|x| x.clitics.prep.is_some())
                    || s.has_cue(lex, m.end, CueKind::Locative)
                    || cx.dated.get(m.end).copied().unwrap_or(false))
                && let Some(a) = state.last_subject
            {
                // A sentence that opens with a و-verb and no subject goes on
                // with the previous sentence's (… . وتحتفظ بعشرات النقاط).
                roles.actors.push((a, Np::none(m.start)));
            }
        }
        occasion::occasion_roles(&cx, table, m, &speakers, &out, during_it, &mut roles);
        occasion::both_sides(
            &cx,
            table,
            m,
            def.symmetric,
            &out,
            state.last_parties,
            &mut roles,
        );
        if trig.object.or(def.object).unwrap_or(ObjectRole::Actor) != ObjectRole::Actor {
            drop_subject_after_pronoun(&cx, m, &mut roles.actors);
        }
        // "قال X إنه سيواصل …": the pronoun of the complementizer is the
        // speaker, the subject of the verb (and of the noun it governs).
        // (A coordinated "وأنها" refers to the subject of the earlier
        // complement: أكد أن القوات الأمريكية لن تغادر …، وأنها ستواصل …)
        if roles.actors.is_empty()
            && let Some(c) = pronoun_complementizer(&cx, m)
        {
            let earlier = s
                .starts_with_conj(c)
                .then(|| {
                    (0..c).rev().find_map(|k| {
                        (s.has_cue(lex, k, CueKind::Complementizer)
                            && !s.text(k).ends_with('ه')
                            && !s.text(k).ends_with("ها"))
                        .then(|| cx.groups(k + 1, (k + 5).min(c)).into_iter().next())
                        .flatten()
                        .filter(|g| g.prep.is_none() && g.nps[0].start <= k + 2)
                        .filter(|g| cx.group_can_act(table, g))
                    })
                })
                .flatten();
            match (earlier, speaker) {
                (Some(g), _) => add_actors(&cx, table, &mut roles.actors, &g.nps),
                (None, Some(sp)) => roles.actors.push((sp, Np::none(m.start))),
                _ => {}
            }
        }
        // A possessive event noun (زيارته، لقائهما) belongs to the actors of
        // the previous event of the sentence.
        if roles.actors.is_empty()
            && matches!(m.payload.pos, Pos::Noun)
            && let Some(suffix) =
                possessive(s.text(m.end - 1), &def.triggers[trigger as usize].form)
            && let Some(prev) = out.iter().rev().find(|d| d.actor.is_some())
        {
            let group: Vec<usize> = if suffix == "هما" || suffix == "هم" {
                out.iter()
                    .filter(|d| d.trigger == prev.trigger)
                    .filter_map(|d| d.actor)
                    .collect()
            } else {
                prev.actor.into_iter().collect()
            };
            for a in group {
                if !roles.actors.iter().any(|x| x.0 == a) {
                    roles.actors.push((a, Np::none(m.start)));
                }
            }
        }
        // Forces that stay or leave are a state's, not a parliament's or a
        // ministry's (البرلمان الألماني يمدد مهمة الجيش → Germany).
        if def.actor_is_forces {
            for a in &mut roles.actors {
                if table.get(a.0).kind == crate::model::EntityKind::GovernmentBody
                    && let Some(state) = super::anaphora::state_of(table, lex, a.0)
                {
                    a.0 = state;
                }
            }
            roles.actors.dedup_by_key(|a| a.0);
        }
        let date = pick_date(&cx, dates, m, &triggers);
        let polarity = polarity(&cx, m.start);
        if modality == Modality::Asserted
            && m.payload.pos != Pos::Past
            && let (Some(d), Some(p)) = (date.and_then(|d| dates[d].start_date), published)
            && d.bounds().0 > p.bounds().1
        {
            modality = Modality::Planned;
        }
        let attributed_to = if def.id == "announce" && speakers.iter().any(|sp| sp.verb == m.start)
        {
            None
        } else {
            speaker
        };
        let troops = troops(&cx, left, right);
        let actor_list: Vec<Option<(usize, Np)>> = if roles.actors.is_empty() {
            vec![None]
        } else {
            roles.actors.iter().map(|a| Some(*a)).collect()
        };
        let place_list: Vec<Option<(usize, Np)>> = if roles.places.is_empty() {
            vec![None]
        } else {
            roles.places.iter().map(|p| Some(*p)).collect()
        };
        for actor in &actor_list {
            for place in &place_list {
                let mut span = (m.start, m.end);
                let mut widen = |a: usize, b: usize| {
                    if b > a {
                        span = (span.0.min(a), span.1.max(b));
                    }
                };
                if let Some(d) = date {
                    widen(dates[d].start, dates[d].end);
                }
                for np in [
                    actor.map(|a| a.1),
                    place.map(|p| p.1),
                    roles.target.map(|t| t.1),
                ]
                .into_iter()
                .flatten()
                {
                    if np.start >= left.min(m.start) {
                        widen(np.start, np.end);
                    }
                }
                out.push(Draft {
                    action: action as usize,
                    trigger: (m.start, m.end),
                    actor: actor.map(|a| a.0),
                    place: place.map(|p| p.0),
                    target: roles
                        .target
                        .map(|t| t.0)
                        .filter(|t| actor.is_none_or(|a| a.0 != *t)),
                    date,
                    polarity,
                    modality,
                    attributed_to,
                    troops,
                    span,
                    is_verb,
                });
            }
        }
    }
    state.last_subject = out
        .iter()
        .rev()
        .find(|d| d.is_verb && d.actor.is_some())
        .and_then(|d| d.actor);
    state.last_parties = occasion::parties_of(lex, table, &out).or(state.last_parties);
    embedded_attribution(&cx, &mut out);
    venue_of_occasion(&cx, &mut out);
    let mut out = purpose_roles(&cx, table, out);
    out = announced_parties(&cx, out);
    out = addition::addition_places(&cx, table, out);
    addition::fronted_place(&cx, table, &mut out);
    addition::relative_clause_place(&cx, table, &mut out);
    out.extend(presence_events(&cx, table, dates, &triggers));
    let merged = merge_light_verbs(&cx, out);
    let with_counts = elliptic_counts(&cx, table, merged);
    // (after the partitives: … معظمهم في الحسكة، إضافة إلى قاعدة التنف)
    let added = addition::addition_places(&cx, table, with_counts);
    share_attack_roles(lex, added)
}
