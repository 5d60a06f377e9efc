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

use super::dates::DateMent;
use super::modality::{Speaker, modality, polarity, speakers};
use super::nps::{Ctx, Group, Np};
use super::roles::{add_actors, roles};
use super::sent::Sent;
use super::table::EntityTable;
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon, ObjectRole};
use crate::matcher::{Clitics, Match, Target};
use crate::model::{Modality, PartialDate, Polarity};
use crate::text::token::parse_number;

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
        // A verb of moving forces that also reports speech, with its source
        // after it (نقلت رويترز عن مسؤولين), reports: it is not the event.
        if def.actor_is_forces
            && s.has_cue(lex, m.start, CueKind::Speech)
            && (m.end..(m.end + 4).min(s.len())).any(|k| s.text(k) == "عن")
        {
            continue;
        }
        if !needs_met(s, trig, m) {
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
        let next_trigger = triggers[ti + 1..]
            .iter()
            .find(|n| n.payload.pos != Pos::Adjective && !label(n))
            .map_or(s.len(), |n| n.start.max(m.end));
        let right_roles = right.min(next_trigger);
        let speaker = attribution_for(&speakers, m);
        // A و-prefixed verb after another verb of the sentence that has a subject.
        // (Not across a comma: "…، وأعلنت المقاومة" starts a new clause.)
        let is_verb_m = matches!(m.payload.pos, Pos::Past | Pos::Present);
        let continues = m.clitics.conj.is_some()
            && is_verb_m
            && !s.is_passive(m.start)
            && out.iter().any(|d| {
                d.is_verb
                    && d.actor.is_some()
                    && d.trigger.1 <= m.start
                    && !(d.trigger.1..m.start).any(|k| s.is_punct(k))
            })
            && cx
                .subject_before(table, left, m.start)
                .is_none_or(|b| !b.adjacent);
        // An event noun as subject of a verb of the same action (هجوماً
        // استهدفت قوات التحالف): the phrase after the verb is its object.
        // (Not a light verb, whose object the noun is: هجوم شنه عناصر من …)
        let noun_subject = is_verb_m
            && trig.needs.is_empty()
            && triggers[..ti]
                .iter()
                .rev()
                .find(|t| t.end <= m.start && m.start - t.end <= 2)
                .is_some_and(|t| t.payload.target == m.payload.target || matches!(t.payload.target, Target::Trigger { action: a, .. } if a == action) && t.payload.pos == Pos::Noun);
        let continues = continues || noun_subject;
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
        if roles.actors.is_empty() && is_verb {
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
            } else if let Some(prev) = out.iter().rev().find(|d| d.is_verb && d.actor.is_some())
                && (m.clitics.conj.is_some() || (left..m.start).all(|k| cx.function_word(k)))
            {
                // A verb without a subject continues the previous verb's
                // (وغزت الولايات المتحدة العراق … قبل أن تنسحب منه).
                roles
                    .actors
                    .push((prev.actor.unwrap_or_default(), Np::none(m.start)));
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
            }
        }
        // "خلال زيارة للعراق، قال الوزير …"، "قال السوداني خلال استقباله …":
        // the occasion is the speaker's.
        if roles.actors.is_empty()
            && !is_verb_m
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
        {
            roles.actors.push((sp, Np::none(m.start)));
        }
        // A relative clause without a subject of its own: its head acts
        // (الجنود الأمريكيين الذين سيبقون في العراق).
        if roles.actors.is_empty()
            && is_verb_m
            && !s.is_passive(m.start)
            && left > 0
            && (left..m.start).all(|k| cx.function_word(k))
            && s.has_cue(lex, left - 1, CueKind::RelativePronoun)
            && let Some(head) = cx
                .groups(left.saturating_sub(10), left - 1)
                .into_iter()
                .rev()
                .find(|g| g.end() == left - 1 && cx.group_can_act(table, g))
        {
            add_actors(&cx, table, &mut roles.actors, &head.nps);
        }
        // An event noun followed by a relative clause whose verb has a
        // subject: that subject does it (عمليات التدريب التي يقدمها التحالف،
        // الهجمات التي تشنها الفصائل).
        if roles.actors.is_empty()
            && !is_verb_m
            && let Some(rel) = (m.end..(m.end + 5).min(s.len()))
                .take_while(|&k| !cx.is_boundary(k) || s.has_cue(lex, k, CueKind::RelativePronoun))
                .find(|&k| s.has_cue(lex, k, CueKind::RelativePronoun))
            // (the relative verb, often unknown to the lexicon: يقدمها، يوفرها)
            && rel + 1 < s.len()
            && !cx.function_word(rel + 1)
            && s.ment_at(rel + 1).is_none()
            && let Some(g) = cx
                .groups(rel + 2, (rel + 6).min(s.len()))
                .into_iter()
                .next()
                .filter(|g| g.prep.is_none() && g.nps[0].start <= rel + 3)
                .filter(|g| cx.group_can_act(table, g))
        {
            add_actors(&cx, table, &mut roles.actors, &g.nps);
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
                    attributed_to: attributed_to.filter(|a| actor.is_none_or(|x| x.0 != *a)),
                    troops,
                    span,
                    is_verb,
                });
            }
        }
    }
    embedded_attribution(&cx, &mut out);
    venue_of_occasion(&cx, &mut out);
    out.extend(presence_events(&cx, table, dates, &triggers));
    let merged = merge_light_verbs(&cx, out);
    let with_counts = elliptic_counts(&cx, table, merged);
    share_attack_roles(lex, with_counts)
}

/// Presence without a verb: "وللولايات المتحدة نحو 2500 جندي في العراق" is a
/// deploy of the United States in Iraq. A number, a troop noun and a place
/// with no action trigger in the clause; the actor is the nationality after
/// the troop noun or the ل-possessor before the number.
fn presence_events(
    cx: &Ctx,
    table: &mut EntityTable,
    dates: &[DateMent],
    triggers: &[Match],
) -> Vec<Draft> {
    let s = cx.s;
    let lex = cx.lex;
    let Some(deploy) = lex.actions.iter().position(|a| a.id == "deploy") else {
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
fn elliptic_counts(cx: &Ctx, table: &EntityTable, drafts: Vec<Draft>) -> Vec<Draft> {
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
        out.push(d);
        out.extend(extra);
    }
    out
}

/// A killing told with its attack (قتل ثلاثة جنود في هجوم على قاعدة في
/// الأردن) happened where and when the attack did, and vice versa.
fn share_attack_roles(lex: &Lexicon, mut drafts: Vec<Draft>) -> Vec<Draft> {
    let is = |d: &Draft, id: &str| lex.actions[d.action].id == id;
    let attack = drafts
        .iter()
        .find(|d| is(d, "attack"))
        .map(|d| (d.place, d.date, d.actor));
    let kill = drafts
        .iter()
        .find(|d| is(d, "kill"))
        .map(|d| (d.place, d.date, None));
    for d in &mut drafts {
        let other = if is(d, "kill") {
            attack
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
fn merge_light_verbs(cx: &Ctx, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        let near = out.iter_mut().rev().find(|o| {
            o.action == d.action
                && o.trigger != d.trigger
                && d.trigger.0 >= o.trigger.1
                && d.trigger.0 - o.trigger.1 <= 6
                && !(o.trigger.1..d.trigger.0).any(|k| cx.is_boundary(k))
        });
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
                o.actor = o.actor.or(d.actor);
                o.place = o.place.or(d.place);
                o.target = o.target.or(d.target);
                o.date = o.date.or(d.date);
                o.troops = o.troops.or(d.troops);
                o.span = (o.span.0.min(d.span.0), o.span.1.max(d.span.1));
            }
            _ => out.push(d),
        }
    }
    out
}

/// The trigger matches of a sentence: longest per position, not inside a
/// longer entity name. A bare form that is both a past verb and a verbal
/// noun (سحب، نشر) is read as a noun when a word precedes it in construct
/// (خطة سحب، بدء نشر) and as a verb at the start of a clause.
fn triggers(s: &Sent, lex: &Lexicon) -> Vec<Match> {
    let mut all: Vec<Match> = s
        .matches
        .iter()
        .filter(|m| matches!(m.payload.target, Target::Trigger { .. }))
        .copied()
        .collect();
    let met = |m: &Match| match m.payload.target {
        Target::Trigger { action, trigger } => needs_met(
            s,
            &lex.actions[action as usize].triggers[trigger as usize],
            m,
        ),
        _ => false,
    };
    all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Match> = Vec::new();
    for m in &all {
        if out.last().is_some_and(|l| m.start < l.end) {
            continue;
        }
        if s.ment_at(m.start)
            .is_some_and(|e| e.end - e.start > m.end - m.start && !e.role_only)
        {
            continue;
        }
        // Part of a longer name, also inside a title phrase (مسؤول في وزارة
        // الدفاع: وزارة is not "and visited him").
        let in_name = s.matches.iter().any(|e| {
            matches!(e.payload.target, Target::Entity { strict: false, .. })
                && e.start <= m.start
                && m.end <= e.end
                && e.end - e.start > m.end - m.start
        });
        if in_name {
            continue;
        }
        // Inside a longer fixed phrase (في ظل is not "remained").
        let in_cue = s.matches.iter().any(|c| {
            matches!(c.payload.target, Target::Cue { .. })
                && c.start <= m.start
                && m.end <= c.end
                && c.end - c.start > m.end - m.start
        });
        if in_cue {
            continue;
        }
        // (a reading whose needed word is there first: تعزيزات إلى سوريا is
        // reinforcements, not "strengthening" that needs its forces)
        let same = all.iter().filter(|o| o.start == m.start && o.end == m.end);
        let pick = |want: &dyn Fn(&Match) -> bool| {
            same.clone()
                .find(|o| want(o) && met(o))
                .or_else(|| same.clone().find(|o| want(o)))
        };
        let noun = pick(&|o| matches!(o.payload.pos, Pos::Noun | Pos::Adjective));
        let verb = pick(&|o| matches!(o.payload.pos, Pos::Past | Pos::Present));
        let chosen = match (noun, verb) {
            (Some(n), Some(v)) => {
                let construct =
                    m.start > 0 && !s.is_punct(m.start - 1) && !s.starts_with_conj(m.start);
                if construct || (v.clitics != Clitics::default() && n.clitics.prep.is_some()) {
                    *n
                } else {
                    *v
                }
            }
            _ => noun.or(verb).copied().unwrap_or(*m),
        };
        out.push(chosen);
    }
    out
}

/// Whether a word the trigger needs is there (شن … هجمات، وقّع … اتفاقاً):
/// in a window of the sentence, since it may lie beyond a comma, or right
/// after the trigger for `kg:needsNear` (تعزيز قواتها).
fn needs_met(s: &Sent, trig: &crate::lexicon::Trigger, m: &Match) -> bool {
    let window = if trig.needs_near {
        m.end..(m.end + 1).min(s.len())
    } else {
        m.start.saturating_sub(8)..(m.end + 20).min(s.len())
    };
    trig.needs.is_empty()
        || window
            .into_iter()
            .any(|k| trig.needs.iter().any(|w| word_has(s.text(k), w)))
}

/// The possessive pronoun on a verbal noun (زيارته، لقائهما), checked
/// against the noun's base form (ة is normalized to ه, so زيارة alone has none).
fn possessive(token: &str, form: &crate::lexicon::WordForm) -> Option<&'static str> {
    let crate::lexicon::WordForm::Noun(base) = form else {
        return None;
    };
    let base = crate::text::normalize_str(base);
    // (ة → ت and a final hamza on its seat before the suffix: زيارته، لقائهما)
    let stems: Vec<String> = match (base.strip_suffix('ه'), base.strip_suffix('ء')) {
        (Some(s), _) => vec![format!("{s}ت")],
        (_, Some(s)) => vec![format!("{s}ئ"), format!("{s}ؤ"), base.clone()],
        _ => vec![base],
    };
    ["هما", "هم", "ها", "ه"].into_iter().find(|suf| {
        stems
            .iter()
            .any(|stem| token.ends_with(&format!("{stem}{suf}")))
    })
}

/// First person: past ending in نا (توصلنا), present starting with ن (ننسحب).
fn first_person(token: &str, pos: Pos) -> bool {
    match pos {
        Pos::Past => token.ends_with("نا"),
        Pos::Present => token.trim_start_matches(['و', 'ف', 'س']).starts_with('ن'),
        _ => false,
    }
}

pub(super) fn word_has(token: &str, word: &str) -> bool {
    token == word
        || (token.ends_with(word) && token.len() - word.len() <= 4)
        || (token.starts_with(word) && token.len() - word.len() <= 6)
}

/// The speaker of the reported speech or source phrase governing a trigger.
/// "اتفق X و Y، خلال لقائهما في البيت الأبيض": an event without a place
/// happened where the meeting or visit during which it happened took place.
fn venue_of_occasion(cx: &Ctx, drafts: &mut [Draft]) {
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
                    s.has_cue(cx.lex, k, CueKind::ClauseBoundary)
                        || s.has_cue(cx.lex, k, CueKind::Complementizer)
                        || s.has_cue(cx.lex, k, CueKind::Speech)
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
fn embedded_attribution(cx: &Ctx, drafts: &mut [Draft]) {
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

/// Whether the subject of trigger `m` (a verb, or a noun right after its
/// verb) is the pronoun of a complementizer before it (أنه، إنها، أنهم).
/// The complementizer with a pronoun (أنه، إنها) whose pronoun is the
/// subject of the trigger's verb, if any.
fn pronoun_complementizer(cx: &Ctx, m: &Match) -> Option<usize> {
    let s = cx.s;
    let mut k = m.start;
    if !matches!(m.payload.pos, Pos::Past | Pos::Present) {
        if k == 0 || !s.is_verb(k - 1) {
            return None;
        }
        k -= 1;
    }
    while k > 0
        && [CueKind::Planned, CueKind::Negation, CueKind::Hypothetical]
            .iter()
            .any(|c| s.cue_covering(cx.lex, k - 1, *c).is_some())
        && !s.has_cue(cx.lex, k - 1, CueKind::Complementizer)
    {
        k -= 1;
    }
    (k > 0
        && s.has_cue(cx.lex, k - 1, CueKind::Complementizer)
        && ["ه", "ها", "هم", "هما"]
            .iter()
            .any(|p| s.text(k - 1).ends_with(p)))
    .then(|| k - 1)
}

fn attribution_for(speakers: &[Speaker], m: &Match) -> Option<usize> {
    speakers
        .iter()
        .filter(|sp| sp.verb < m.start || (sp.after && sp.verb > m.start))
        .filter(|sp| sp.verb != m.start)
        // (a source phrase naming no one, وفق ما تنص عليه الخطة, does not
        // replace the speaker of the sentence)
        .filter(|sp| sp.entity.is_some() || !(sp.after && sp.verb > m.start))
        .map(|sp| sp.entity)
        .next_back()
        .flatten()
}

/// The date of a trigger: the nearest date expression of its own clause.
/// A complementizer, a speech verb or a clause boundary between them means
/// the date belongs to another clause (قال مسؤول، اليوم الأحد، إن القوات
/// انسحبت: the withdrawal has no date); another trigger between them costs.
fn pick_date(cx: &Ctx, dates: &[DateMent], m: &Match, triggers: &[Match]) -> Option<usize> {
    let s = cx.s;
    let between_trigger = |a: usize, b: usize| {
        triggers
            .iter()
            .any(|t| t.start >= a && t.end <= b && t.start != m.start)
    };
    // (A relative clause or a comma is inserted material: no block.)
    let new_clause = m.clitics.conj.is_some();
    let other_clause = |a: usize, b: usize| {
        (a..b).any(|k| {
            (new_clause && b == m.start && s.is_punct(k) && matches!(s.text(k), "،" | ","))
                || s.has_cue(cx.lex, k, CueKind::ClauseBoundary)
                || s.has_cue(cx.lex, k, CueKind::Complementizer)
                || s.has_cue(cx.lex, k, CueKind::Speech)
                || (s.is_punct(k) && matches!(s.text(k), ":" | "–" | "-" | "—" | "؛"))
        })
    };
    dates
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let (a, b, extra) = if d.start >= m.end {
                (m.end, d.start, 0)
            } else if d.end <= m.start {
                (d.end, m.start, 2)
            } else {
                return Some((0, i));
            };
            // A date beyond another trigger is that trigger's.
            if other_clause(a, b) || between_trigger(a, b) {
                return None;
            }
            let cost = b - a + extra;
            (cost <= 24).then_some((cost, i))
        })
        .min()
        .map(|x| x.1)
}

fn troops(cx: &Ctx, left: usize, right: usize) -> Option<u64> {
    let s = cx.s;
    for k in left..right {
        if !s.is_number(k) {
            continue;
        }
        let mut value = parse_number(s.text(k))?;
        let mut j = k + 1;
        if let Some((e, cue, _)) = s.cue_at(cx.lex, j, CueKind::NumberWord) {
            value *= cx.lex.cues[cue].number.unwrap_or(1) as f64;
            j = e;
        }
        if s.has_cue(cx.lex, j, CueKind::TroopNoun) && value >= 1.0 {
            return Some(value.round() as u64);
        }
    }
    None
}

/// The subject of the nearest verb before `t0` in its sentence that has one,
/// when no complementizer or clause boundary other than a comma comes
/// between: the phrase right after it (VSO) or right before it (SVO).
///
/// O(n²) in the sentence's tokens at worst (a subject search per verb).
fn earlier_verb_subject(cx: &Ctx, table: &EntityTable, t0: usize) -> Option<Group> {
    let s = cx.s;
    let lex = cx.lex;
    for k in (0..t0).rev() {
        if s.has_cue(lex, k, CueKind::Complementizer)
            || (cx.is_boundary(k) && !matches!(s.text(k), "،" | ","))
        {
            return None;
        }
        if !s.is_verb(k) || s.is_passive(k) {
            continue;
        }
        let after = cx.groups(k + 1, t0).into_iter().next().filter(|g| {
            g.prep.is_none() && cx.gap(k + 1, g.nps[0].start) == 0 && cx.group_can_act(table, g)
        });
        let found = after.or_else(|| {
            cx.subject_before(table, 0, k)
                .filter(|b| b.adjacent)
                .map(|b| b.group)
        });
        if found.is_some() {
            return found;
        }
    }
    None
}
