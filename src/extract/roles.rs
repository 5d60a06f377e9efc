//! Roles of one trigger: actor, place and target read from the noun-phrase
//! groups around it (see [`super::events`] for the clause structure they
//! come from): the subject before or after a verb, the genitive after a
//! verbal noun, the object of the action's prepositions, the parties of a
//! symmetric action, the receiver of a handover, a list that names the
//! places, and the most specific place among the candidates.

use super::events::word_has;
use super::neighbours;
use super::nps::{Ctx, Group, Np};
use super::places::{choose_places, hosting};
use super::table::EntityTable;
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, ObjectRole};
use crate::matcher::{Match, Target};
use crate::model::EntityKind;

/// Roles of one trigger before the product over actors and places.
pub(super) struct Roles {
    pub(super) actors: Vec<(usize, Np)>,
    pub(super) places: Vec<(usize, Np)>,
    pub(super) target: Option<(usize, Np)>,
}

/// Reads the roles of one trigger from the noun-phrase groups around it.
#[allow(clippy::too_many_arguments)]
pub(super) fn roles(
    cx: &Ctx,
    table: &mut EntityTable,
    m: &Match,
    left: usize,
    right: usize,
    action: usize,
    trigger: usize,
    continues: bool,
) -> Roles {
    let lex = cx.lex;
    let s = cx.s;
    let def = &lex.actions[action];
    let trig = &def.triggers[trigger];
    let object_role = trig.object.or(def.object).unwrap_or(ObjectRole::Actor);
    let groups = cx.groups(m.end, right);
    let bare: Vec<&Group> = groups.iter().filter(|g| g.prep.is_none()).collect();
    let before = cx.subject_before(table, left, m.start);
    let passive = s.is_passive(m.start);
    // A noun governed by a verb whose subject undergoes the action (تعرضت
    // القاعدة … لهجوم): the verb's subject is no agent, and its description
    // (قاعدة … قرب حقل كونيكو) says where the action happened.
    let undergoer = matches!(m.payload.pos, Pos::Noun)
        .then(|| {
            (left..m.start).rev().find(|&k| {
                s.is_verb(k)
                    // (a verb never after a preposition: للقوة is no form of لقي)
                    && s.matches_at(k).any(|x| match x.payload.target {
                        Target::Trigger { .. } if x.clitics.prep.is_some() => false,
                        Target::Trigger { action, trigger } => {
                            lex.actions[action as usize].triggers[trigger as usize].subject
                                == Some(ObjectRole::Target)
                        }
                        _ => false,
                    })
            })
        })
        .flatten();

    let mut actors: Vec<Np> = Vec::new();
    let mut object: Option<&Group> = None;
    // A phrase within `n` tokens after `a`, with no verb between (the
    // phrase after another verb is that verb's: تعرضت قاعدة تستضيف قوات …).
    let near = |a: usize, g: &Group, n: usize| {
        cx.gap(a, g.nps[0].start) <= n && !(a..g.nps[0].start).any(|k| s.is_verb(k))
    };
    let predicate_of = neighbours::indefinite_predicate(cx, table, m, left);
    match m.payload.pos {
        // A passive verb: its grammatical subject undergoes the action.
        Pos::Past | Pos::Present if passive => object = bare.first().copied(),
        // A verb coordinated with an earlier one of its sentence (زار أربيل
        // والتقى مسرور بارزاني) keeps that subject: the phrase after it is its object.
        Pos::Past | Pos::Present if continues => {
            object = bare.first().copied().filter(|o| near(m.end, o, 2))
        }
        Pos::Past | Pos::Present => {
            // (a place after a verb that takes one is its object, even a
            // capital or region that may stand for its government: زارت
            // أربيل، يغادروا إقليم كردستان; a state is its subject: غزت
            // الولايات المتحدة العراق)
            // (only when nothing follows that could be the object: سلّمت
            // واشنطن القاعدة للجيش العراقي)
            // (not the nationality of an event noun: تعارض الدعم الأمريكي)
            let first_is_actor = bare.first().is_some_and(|g| {
                cx.group_can_act(table, g)
                    && !neighbours::of_event_noun(cx, m, g)
                    && !(object_role == ObjectRole::Place
                        && bare.len() == 1
                        && g.nps.iter().all(|np| {
                            cx.as_place(table, *np)
                                .is_some_and(|p| table.get(p).kind != EntityKind::Country)
                        }))
            });
            match &before {
                // SVO: a subject right before the verb.
                Some(b) if b.adjacent => {
                    actors.extend(b.group.nps.iter().copied());
                    object = bare.first().copied().filter(|o| near(m.end, o, 2));
                }
                // (also past a place phrase: وتنتشر في قاعدة حرير قوات أمريكية)
                _ if first_is_actor
                    && (near(m.end, bare[0], 3)
                        // (past a title's words: دان الناطق باسم القائد
                        // العام للقوات المسلحة يحيى رسول القصف)
                        || (s.cue_at(lex, m.end, CueKind::Title).is_some()
                            && near(m.end, bare[0], 8)
                            && bare[0].nps.iter().any(|np| {
                                table.get(cx.ment(*np).entity).kind == EntityKind::Person
                            }))
                        || (near(m.end, bare[0], 6)
                            && s.cue_at(lex, m.end, CueKind::Locative).is_some()
                            && groups.iter().any(|g| {
                                g.prep.is_some()
                                    && g.nps[0].start <= m.end + 2
                                    && cx.gap(g.end(), bare[0].nps[0].start) <= 1
                                    && g.nps.iter().all(|np| cx.as_place(table, *np).is_some())
                            }))) =>
                {
                    let subject = neighbours::subject_after_title(cx, table, &bare);
                    actors.extend(bare[subject].nps.iter().copied());
                    object = bare
                        .get(subject + 1)
                        .copied()
                        .filter(|o| near(bare[subject].end(), o, 2));
                }
                _ => {
                    object = bare.first().copied().filter(|o| near(m.end, o, 2));
                    // A named place further on is the object of a verb that takes
                    // one, past an unnamed subject or an instrument (استهدف صاروخان
                    // من نوع كاتيوشا … قاعدة فيكتوريا؛ استهدفت بالطائرات المسيرة قاعدة …).
                    if object.is_none() && object_role != ObjectRole::Actor {
                        object = bare.first().copied().filter(|o| {
                            near(m.end, o, 6)
                                && o.nps
                                    .iter()
                                    .all(|n| table.get(cx.ment(*n).entity).kind.is_place())
                        });
                    }
                    // A subject a little further back (X، حسب …، انسحبت).
                    if let Some(b) = before
                        .as_ref()
                        .filter(|b| cx.gap(b.group.end(), m.start) <= 3)
                    {
                        actors.extend(b.group.nps.iter().copied());
                    }
                }
            }
        }
        Pos::Adjective if continues => object = bare.first().copied().filter(|o| near(m.end, o, 2)),
        Pos::Adjective => {
            // A participle modifies the noun right before it, whatever
            // preposition governs that noun (على القوات الأمريكية المتمركزة).
            if let Some(g) = cx.predicate_subject(table, left, m.start, true) {
                actors.extend(g.nps.iter().copied());
            }
        }
        // An indefinite predicate (إن بعثة الناتو باقية في العراق): its subject.
        Pos::Noun if predicate_of.is_some() => {
            actors.extend(predicate_of.iter().flat_map(|g| g.nps.iter().copied()))
        }
        _ => {
            // The genitive right after the noun (or one adjective later); for
            // an actor, a ل-phrase too (إنهاء المهمة القتالية للقوات الأمريكية).
            // (not across a verb: هجوم شنه عناصر من تنظيم داعش)
            let genitive = bare
                .first()
                .copied()
                .filter(|g| {
                    g.nps[0].start <= m.end + 1 && !(m.end..g.nps[0].start).any(|k| s.is_verb(k))
                })
                .or_else(|| {
                    // (and على for forces kept: الإبقاء على قواتها)
                    groups.iter().find(|g| {
                        object_role == ObjectRole::Actor
                            && (g.prep.as_deref() == Some("ل")
                                || (def.actor_is_forces && g.prep.as_deref() == Some("علي")))
                            && g.nps[0].start <= m.end + 2
                    })
                });
            let instrument = neighbours::instrument(cx, table, m, &groups);
            // (a count of them right after the noun: مقتل ثلاثة من قوات …, the
            // victims, not the agent)
            let counted = |g: &Group| {
                (m.end..g.nps[0].start.max(cx.ment(g.nps[0]).start)).any(|k| {
                    s.is_number(k)
                        || s.has_any_cue(lex, k, &[CueKind::NumberWord, CueKind::Quantity])
                })
            };
            match genitive {
                _ if instrument.is_some() && object_role == ObjectRole::Target => {
                    actors.extend(instrument.into_iter().flat_map(|g| g.nps.iter().copied()))
                }
                Some(g) if object_role == ObjectRole::Target && counted(g) => object = Some(g),
                Some(g) if cx.group_adjectival(g) => actors.extend(g.nps.iter().copied()),
                Some(g) if object_role == ObjectRole::Actor => actors.extend(g.nps.iter().copied()),
                // اجتياح التنظيم للموصل: with a place as object, the genitive is the agent.
                // (and the bare phrase right after the agent is the object:
                // مغادرة جنود التحالف قاعدة عين الأسد)
                Some(g) if object_role == ObjectRole::Place && cx.group_can_act(table, g) => {
                    actors.extend(g.nps.iter().copied());
                    object = bare
                        .get(1)
                        .copied()
                        .filter(|o| cx.gap(g.end(), o.nps[0].start) == 0);
                }
                Some(g)
                    if object_role == ObjectRole::Target
                        && neighbours::genitive_agent(cx, table, def, g, &groups) =>
                {
                    actors.extend(g.nps.iter().copied())
                }
                Some(g) => {
                    object = Some(g);
                    if let Some(a) = bare.get(1).filter(|a| cx.group_adjectival(a)) {
                        actors.extend(a.nps.iter().copied());
                    }
                }
                None => {}
            }
            if actors.is_empty() && object_role == ObjectRole::Target {
                // Agent phrase: هجمات من فصائل …; with ل right after the noun
                // when ل does not mark the target (بهجوم لداعش).
                let lam_agent =
                    !def.target_preps.is_empty() && !def.target_preps.iter().any(|p| p == "ل");
                // (or after "by", further on: تعرضت لهجوم بالأسلحة الخفيفة من
                // قبل عناصر التنظيم)
                let by = |g: &Group| {
                    let k = g.nps[0].start;
                    (k.saturating_sub(3)..k)
                        .any(|j| s.cue_at(lex, j, CueKind::Agent).is_some_and(|c| c.0 == k))
                };
                if let Some(g) = groups.iter().find(|g| {
                    (by(g) && cx.group_can_act(table, g))
                        || (((g.prep.as_deref() == Some("من")
                            && g.nps[0].start <= m.end + 3
                            && !counted(g))
                            || (lam_agent
                                && g.prep.as_deref() == Some("ل")
                                && (m.end..g.nps[0].start).filter(|&k| !s.is_punct(k)).count()
                                    <= 1))
                            && cx.group_can_act(table, g))
                }) {
                    actors.extend(g.nps.iter().copied());
                }
            }
            // A light verb after the noun with its pronoun: its subject acts.
            if actors.is_empty()
                && let Some(g) = neighbours::light_verb_subject(cx, table, m, &groups)
            {
                actors.extend(g.nps.iter().copied());
            }
            // A fixed phrase that needs a word is a predicate (900 عسكري أمريكي
            // ما زالوا منتشرين): the phrase right before it is its subject.
            // (or opens with its negation: X لن تقبل بـ…)
            if actors.is_empty()
                && m.end - m.start > 1
                && (!trig.needs.is_empty() || s.has_cue(lex, m.start, CueKind::Negation))
                && let Some(b) = before.as_ref().filter(|b| b.adjacent)
            {
                actors.extend(b.group.nps.iter().copied());
            }
            if actors.is_empty()
                && undergoer.is_none()
                && let Some(g) = cx.governing_subject(table, left, m, def.actor_is_forces)
            {
                // The noun is the object or purpose of a verb: its subject acts
                // (أعلن بارزاني معارضة …، سترسل 475 عسكرياً … لتقديم المشورة).
                actors.extend(g.nps.iter().copied());
            }
            if actors.is_empty()
                && let Some(g) = neighbours::intent_owner(cx, table, m, left)
            {
                actors.extend(g.nps.iter().copied());
            }
        }
    }
    // "دول أخرى … من بينها ألمانيا وفرنسا": the named examples act.
    if actors.is_empty()
        && let Some(g) = neighbours::named_examples(cx, table, m)
    {
        actors.extend(g.nps);
    }
    // The owner of the word the trigger needs (انتهت مهمة التحالف), unless
    // the verb keeps an earlier subject (وبحث معه مستقبل التحالف: a topic).
    if actors.is_empty() && !continues && (!trig.needs.is_empty() || !def.owner_words.is_empty()) {
        let clause_groups = cx.groups(left, right);
        let owned = |k: usize| {
            trig.needs
                .iter()
                .chain(&def.owner_words)
                .any(|w| word_has(s.text(k), w))
        };
        let owner = (left..right).filter(|&k| owned(k)).find_map(|k| {
            // (one adjective may come between: المهمة العسكرية للتحالف)
            // (agreeing in definiteness: مهمة عسكرية، المهمة العسكرية)
            let adjective = s.text(k + 1).starts_with("ال") == s.text(k).starts_with("ال")
                && (s.text(k + 1).ends_with("يه") || s.text(k + 1).ends_with('ي'));
            clause_groups.iter().find(|g| {
                (g.nps[0].start == k + 1 || adjective && g.nps[0].start == k + 2)
                    && matches!(g.prep.as_deref(), None | Some("ل"))
            })
        });
        if let Some(g) = owner.filter(|g| cx.group_can_act(table, g)) {
            actors.extend(g.nps.iter().copied());
        }
    }

    // Symmetric actions: بين X و Y are the parties; مع X the counterpart.
    let mut target: Option<(usize, Np)> = None;
    if def.symmetric {
        // The parties may follow a relative clause on the noun (اللقاء الذي
        // جرى بين رئيس الوزراء وقائد القيادة المركزية).
        let mut groups = groups.clone();
        if actors.is_empty()
            && right < s.len()
            && s.has_cue(lex, right, CueKind::RelativePronoun)
            && let Some(b) = (right + 1..(right + 4).min(s.len()))
                .find(|&k| s.cue_at(lex, k, CueKind::Between).is_some())
        {
            groups.extend(
                cx.groups(b + 1, (b + 16).min(s.len()))
                    .into_iter()
                    .filter(|g| cx.cue_before(g.nps[0].start) == Some(CueKind::Between)),
            );
        }
        for g in &groups {
            let cue = cx.cue_before(g.nps[0].start);
            if cue == Some(CueKind::Between) && actors.is_empty() {
                actors.extend(g.nps.iter().copied());
            } else if cue == Some(CueKind::With) && target.is_none() {
                target = g
                    .nps
                    .iter()
                    .find_map(|np| cx.as_actor(table, *np).map(|e| (e, *np)));
            }
        }
    }

    // A receiving verb (تسلّم): the subject is the target; the giver comes with من.
    let mut receiver_places: Vec<Np> = Vec::new();
    if trig.subject == Some(ObjectRole::Target) {
        receiver_places = actors
            .iter()
            .copied()
            .filter(|np| cx.as_place(table, *np).is_some())
            .collect();
        target = actors
            .iter()
            .find_map(|np| cx.as_actor(table, *np).map(|e| (e, *np)));
        actors = groups
            .iter()
            .filter(|g| g.prep.as_deref() == Some("من"))
            .take(1)
            .flat_map(|g| g.nps.iter().copied())
            .collect();
    }

    // A hosting verb (قاعدة تضم قوات التحالف): the subject is the place, the object the forces.
    // The place is the subject before or after the verb; the forces are the
    // first group that can act, possibly after a parenthesis.
    if trig.subject == Some(ObjectRole::Place) {
        (receiver_places, actors) = hosting(cx, table, m, left, before.as_ref());
        object = None;
    }

    let mut actor_ids: Vec<(usize, Np)> = Vec::new();
    add_actors(cx, table, &mut actor_ids, &actors);

    // Is the object a place? A named place as object is where the action
    // happens (زار أربيل، غادر القاعدة، استهدف قاعدة K1); a capital standing
    // for its state is not (موسكو تطالب واشنطن).
    let object_is_place = object.is_some_and(|o| {
        o.nps.iter().any(|np| {
            let kind = cx.as_place(table, *np).map(|p| table.get(p).kind);
            kind.is_some()
                && (object_role == ObjectRole::Place
                    // (but a capital after an event noun that has a place: هجوم أنقرة)
                    || (kind != Some(EntityKind::Country)
                        && ((m.payload.pos == Pos::Noun && !def.place_preps.is_empty())
                            || table
                                .lex_entity(lex, cx.ment(*np).entity)
                                .is_none_or(|l| l.metonym_for.is_none()))))
        })
    });

    let mut places = choose_places(
        cx,
        table,
        m,
        left,
        def,
        &groups,
        object,
        object_is_place,
        undergoer,
        &actor_ids,
        receiver_places,
    );

    // Target: the target prepositions, else the object (an attacked base is
    // also the target; a visited place is not).
    if target.is_none() {
        target = groups
            .iter()
            .filter(|g| {
                g.prep
                    .as_deref()
                    .is_some_and(|p| def.target_preps.iter().any(|x| x == p))
            })
            .find_map(|g| {
                g.nps.iter().find_map(|np| {
                    cx.as_actor(table, *np)
                        .or_else(|| cx.as_place(table, *np))
                        .map(|e| (e, *np))
                })
            });
    }
    if target.is_none()
        && (object_role == ObjectRole::Target || passive)
        && let Some(o) = object
    {
        target = o.nps.iter().find_map(|np| match cx.as_place(table, *np) {
            Some(p) if table.get(p).kind == EntityKind::MilitaryBase => Some((p, *np)),
            Some(_) if object_is_place => None,
            _ => cx.as_actor(table, *np).map(|e| (e, *np)),
        });
    }
    // A list that names the places (…، هي قاعدة عين الأسد في الأنبار، وقاعدة
    // حرير في أربيل، ومعسكر فيكتوريا): its members replace the general place.
    let list = (m.end..s.len())
        .find(|&k| s.has_cue(lex, k, CueKind::ListIntro) && k > 0 && s.is_punct(k - 1));
    if let Some(intro) = list.filter(|&k| k <= m.end + 12) {
        let mut members: Vec<(usize, Np)> = Vec::new();
        let mut k = intro + 1;
        while k < s.len() {
            if s.is_punct(k) && matches!(s.text(k), "." | "؛" | ":") {
                break;
            }
            match cx.np_at(k) {
                // A member starts the list or follows "، و"; its own "في X" modifies it.
                Some(np) if s.preposition_before(lex, np.start).is_none() => {
                    if let Some(p) = cx
                        .as_place(table, np)
                        .filter(|p| !members.iter().any(|x| x.0 == *p))
                    {
                        members.push((p, np));
                    }
                    k = np.end;
                }
                Some(np) => k = np.end,
                None => k += 1,
            }
        }
        if members.len() >= 2 {
            places = members;
        }
    }
    // An institution as venue (في البيت الأبيض، في البنتاغون) when no place is named.
    if places.is_empty()
        && let Some(np) = groups
            .iter()
            .filter(|g| g.prep.as_deref() == Some("في"))
            .flat_map(|g| g.nps.iter())
            .find(|np| {
                !cx.ment(**np).adjectival
                    && !cx.ment(**np).role_only
                    && table.get(cx.ment(**np).entity).kind == EntityKind::GovernmentBody
            })
    {
        places.push((cx.ment(*np).entity, *np));
    }
    Roles {
        actors: actor_ids,
        places,
        target,
    }
}

/// Adds the actors the phrases stand for, once each.
pub(super) fn add_actors(
    cx: &Ctx,
    table: &mut EntityTable,
    actors: &mut Vec<(usize, Np)>,
    nps: &[Np],
) {
    for &np in nps {
        if let Some(e) = cx.as_actor(table, np)
            && !actors.iter().any(|a| a.0 == e)
        {
            actors.push((e, np));
        }
    }
}
