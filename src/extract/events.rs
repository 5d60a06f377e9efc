//! Events of one sentence: each action trigger with its roles (actor, place,
//! target, date, troops) read from the clause structure, and its polarity,
//! modality and attribution, which are orthogonal to the action.
//!
//! Roles: the subject of a verb (after it in VSO, before it in SVO), the
//! genitive after a verbal noun (انسحاب القوات الأمريكية), the objects of
//! the action's prepositions (من القاعدة، على القوات), coordination (بغداد
//! والأنبار gives one event per place) and metonymy (واشنطن acts for the
//! United States).

use super::dates::DateMent;
use super::sent::{Ment, Sent};
use super::table::EntityTable;
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon, ObjectRole};
use crate::matcher::{Clitics, Match, Target};
use crate::model::{EntityKind, Modality, PartialDate, Polarity};
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
}

/// What the extractor remembers across the sentences of an article.
#[derive(Default)]
pub struct ArticleState {
    /// The last explicit speaker, for "وأضاف: …".
    pub last_speaker: Option<usize>,
}

/// A noun phrase that denotes an entity: `start..end` tokens.
#[derive(Clone, Copy, Debug)]
struct Np {
    start: usize,
    end: usize,
    ment: usize,
}

struct Ctx<'a, 'b> {
    s: &'a Sent<'b>,
    lex: &'a Lexicon,
}

const QUOTES_OPEN: &[&str] = &["\"", "“", "«"];

impl Ctx<'_, '_> {
    fn ment(&self, np: Np) -> &Ment {
        &self.s.ments[np.ment]
    }

    fn ment_index_at(&self, i: usize) -> Option<usize> {
        let k = self.s.ments.partition_point(|m| m.end <= i);
        self.s.ments.get(k).filter(|m| m.start == i).map(|_| k)
    }

    /// The entity noun phrase starting at `i`, skipping quantities
    /// (المئات من، نحو 2500) and force nouns (قوات التحالف، جنود أمريكيين).
    fn np_at(&self, i: usize) -> Option<Np> {
        let s = self.s;
        let mut j = i;
        for _ in 0..4 {
            if let Some((e, _, _)) = s.cue_at(self.lex, j, CueKind::Quantity) {
                j = if s.text(e) == "من" { e + 1 } else { e };
            } else if s.is_number(j) {
                j += 1;
            } else if let Some((e, _, _)) = s.cue_at(self.lex, j, CueKind::NumberWord) {
                j = e;
            } else {
                break;
            }
        }
        if let Some(k) = self.ment_index_at(j) {
            return Some(Np {
                start: i,
                end: s.ments[k].end,
                ment: k,
            });
        }
        let force = [CueKind::ForceNoun, CueKind::TroopNoun]
            .iter()
            .find_map(|k| s.cue_at(self.lex, j, *k))?;
        let mut k = force.0;
        // One adjective between the force noun and its nationality (قوات خاصة أمريكية).
        if self.ment_index_at(k).is_none()
            && k + 1 < s.len()
            && !s.is_punct(k)
            && s.cue_at(self.lex, k, CueKind::Locative).is_none()
        {
            k += 1;
        }
        let m = self.ment_index_at(k)?;
        Some(Np {
            start: i,
            end: s.ments[m].end,
            ment: m,
        })
    }

    /// The noun phrases coordinated with `np` by و.
    fn coordinated(&self, np: Np) -> Vec<Np> {
        let mut out = vec![np];
        let mut last = np;
        while last.end < self.s.len() {
            let k = last.end;
            let k = if self.s.text(k) == "و" {
                k + 1
            } else if self.s.starts_with_conj(k) {
                k
            } else {
                break;
            };
            match self.np_at(k) {
                Some(n) => {
                    out.push(n);
                    last = n;
                }
                None => break,
            }
        }
        out
    }

    fn preposition(&self, np: Np) -> Option<String> {
        self.s
            .preposition_before(self.lex, np.start)
            .or_else(|| self.s.preposition_before(self.lex, self.ment(np).start))
    }

    fn is_boundary(&self, k: usize) -> bool {
        let s = self.s;
        if s.is_punct(k) {
            return matches!(
                s.text(k),
                "،" | "," | ":" | "؛" | ";" | "(" | ")" | "-" | "–"
            ) || QUOTES_OPEN.contains(&s.text(k));
        }
        s.cue_covering(self.lex, k, CueKind::ClauseBoundary)
            .is_some()
    }

    /// The clause around a trigger: stops at clause boundaries, punctuation,
    /// complementizers and speech verbs.
    fn clause(&self, t0: usize, t1: usize) -> (usize, usize) {
        let s = self.s;
        let mut left = t0;
        while left > 0 {
            let k = left - 1;
            if self.is_boundary(k)
                || s.has_cue(self.lex, k, CueKind::Complementizer)
                || s.has_cue(self.lex, k, CueKind::Speech)
            {
                break;
            }
            left = k;
        }
        let mut right = t1;
        while right < s.len() && right < t1 + 14 {
            if self.is_boundary(right) || s.has_cue(self.lex, right, CueKind::Complementizer) {
                break;
            }
            right += 1;
        }
        (left, right)
    }
}

/// Resolves the entity a mention stands for as an actor: metonymy (واشنطن →
/// the United States), nationality adjectives, roles without names.
fn as_actor(ment: &Ment, lex: &Lexicon, table: &mut EntityTable) -> Option<usize> {
    let kind = table.get(ment.entity).kind;
    if ment.adjectival || ment.role_only || kind.can_act() {
        return Some(ment.entity);
    }
    let target = table.lex_entity(lex, ment.entity)?.metonym_for.clone()?;
    table.by_lex_id(lex, &target)
}

fn as_place(ment: &Ment, table: &EntityTable) -> Option<usize> {
    (!ment.adjectival && !ment.role_only && table.get(ment.entity).kind.is_place())
        .then_some(ment.entity)
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
    let cx = Ctx { s, lex };
    let speakers = speakers(&cx, table, state);
    let triggers = triggers(s);
    let mut out = Vec::new();
    for (ti, m) in triggers.iter().enumerate() {
        let Target::Trigger { action, trigger } = m.payload.target else {
            continue;
        };
        let def = &lex.actions[action as usize];
        let trig = &def.triggers[trigger as usize];
        let (left, right) = cx.clause(m.start, m.end);
        // The next trigger bounds the search for this one's complements.
        let next_trigger = triggers.get(ti + 1).map_or(s.len(), |n| n.start);
        let right_roles = right.min(next_trigger.max(m.end));
        if !trig.needs.is_empty()
            && !(left..right).any(|k| trig.needs.iter().any(|w| word_has(s.text(k), w)))
        {
            continue;
        }
        let is_verb = matches!(m.payload.pos, Pos::Past | Pos::Present);
        let object_role = trig.object.or(def.object).unwrap_or(ObjectRole::Actor);

        // Noun phrases after the trigger that no preposition governs.
        let mut bare_after: Vec<Np> = Vec::new();
        let mut k = m.end;
        while k < right_roles && bare_after.len() < 2 {
            if let Some(np) = cx.np_at(k) {
                if cx.preposition(np).is_none() {
                    bare_after.push(np);
                }
                k = np.end;
            } else if is_verb || bare_after.is_empty() && k < m.end + 2 {
                k += 1;
            } else {
                break;
            }
        }
        // The nearest noun phrase before the trigger in its clause (SVO subject).
        let before = (left..m.start).rev().find_map(|k| {
            cx.np_at(k)
                .filter(|np| np.end <= m.start && cx.preposition(*np).is_none())
                .filter(|np| {
                    let e = cx.ment(*np);
                    e.adjectival
                        || e.role_only
                        || table.get(e.entity).kind.can_act()
                        || table
                            .lex_entity(lex, e.entity)
                            .is_some_and(|l| l.metonym_for.is_some())
                })
        });

        let mut actors: Vec<Np> = Vec::new();
        let mut object: Option<Np> = None;
        if is_verb {
            match (bare_after.first(), bare_after.get(1)) {
                (Some(a), Some(b)) => {
                    actors.push(*a);
                    object = Some(*b);
                }
                (Some(a), None) if before.is_some() && object_role != ObjectRole::Actor => {
                    actors.extend(before);
                    object = Some(*a);
                }
                (Some(a), None) => actors.push(*a),
                (None, _) => actors.extend(before),
            }
        } else {
            // Verbal noun: the genitive right after it (or right after an
            // adjective) is its complement; the actor otherwise comes from
            // a nationality adjective or the clause's subject.
            let genitive = bare_after
                .first()
                .copied()
                .filter(|np| np.start <= m.end + 1);
            match (genitive, object_role) {
                (Some(g), ObjectRole::Actor) => actors.push(g),
                (Some(g), _) => {
                    object = Some(g);
                    if let Some(a) = bare_after.get(1).filter(|a| cx.ment(**a).adjectival) {
                        actors.push(*a);
                    } else {
                        actors.extend(before);
                    }
                }
                (None, _) => actors.extend(before),
            }
        }
        // From-phrase agents of receiving verbs (تسلّم X القاعدة من القوات الأمريكية).
        let mut targets: Vec<usize> = Vec::new();
        if trig.subject == Some(ObjectRole::Target) {
            let receivers: Vec<Np> = std::mem::take(&mut actors);
            for r in receivers {
                targets.extend(as_actor(cx.ment(r), lex, table));
            }
            let giver = (m.end..right_roles).find_map(|k| {
                cx.np_at(k)
                    .filter(|np| cx.preposition(*np).as_deref() == Some("من"))
            });
            actors.extend(giver);
        }

        let mut actor_ids: Vec<usize> = Vec::new();
        for np in actors.into_iter().flat_map(|a| cx.coordinated(a)) {
            if let Some(e) = as_actor(cx.ment(np), lex, table)
                && !actor_ids.contains(&e)
            {
                actor_ids.push(e);
            }
        }

        // Places: objects of the action's prepositions (or في), the bare
        // object when it denotes a place, most specific first.
        let mut place_cands: Vec<(Np, usize)> = Vec::new();
        let mut k = m.end;
        while k < right_roles {
            match cx.np_at(k) {
                Some(np) => {
                    let prep = cx.preposition(np);
                    let ok_prep = prep.as_deref().is_some_and(|p| {
                        def.place_preps.iter().any(|x| x == p)
                            || p == "في"
                            || p == "داخل"
                            || p == "ب"
                    });
                    let is_object = object.is_some_and(|o| o.start == np.start)
                        && object_role == ObjectRole::Place;
                    if ok_prep || is_object {
                        for c in cx.coordinated(np) {
                            if let Some(p) = as_place(cx.ment(c), table) {
                                place_cands.push((c, p));
                            }
                        }
                    }
                    k = np.end;
                }
                None => k += 1,
            }
        }
        if place_cands.is_empty() {
            // A place before the trigger in the same clause (في أربيل، ستبقى …).
            for k in (left..m.start).rev() {
                if let Some(np) = cx.np_at(k).filter(|np| np.end <= m.start)
                    && cx
                        .preposition(np)
                        .is_some_and(|p| p == "في" || def.place_preps.contains(&p))
                    && let Some(p) = as_place(cx.ment(np), table)
                {
                    place_cands.push((np, p));
                    break;
                }
            }
        }
        let best_rank = place_cands
            .iter()
            .map(|(_, p)| table.get(*p).kind.place_rank())
            .max()
            .unwrap_or(0);
        let mut places: Vec<(Np, usize)> = Vec::new();
        if let Some(first_best) = place_cands
            .iter()
            .position(|(_, p)| table.get(*p).kind.place_rank() == best_rank)
        {
            // The best place and the places coordinated with it.
            let group = cx.coordinated(place_cands[first_best].0);
            for (np, p) in &place_cands {
                if group.iter().any(|g| g.start == np.start) && !places.iter().any(|x| x.1 == *p) {
                    places.push((*np, *p));
                }
            }
        }

        // Targets: objects of the target prepositions, or the bare object.
        let mut k = m.end;
        while k < right_roles && targets.is_empty() {
            match cx.np_at(k) {
                Some(np) => {
                    let prep = cx.preposition(np);
                    if prep
                        .as_deref()
                        .is_some_and(|p| def.target_preps.iter().any(|x| x == p))
                    {
                        for c in cx.coordinated(np) {
                            if let Some(e) = as_actor(cx.ment(c), lex, table)
                                .or_else(|| as_place(cx.ment(c), table))
                            {
                                targets.push(e);
                            }
                        }
                    }
                    k = np.end;
                }
                None => k += 1,
            }
        }
        if targets.is_empty()
            && object_role == ObjectRole::Target
            && let Some(o) = object
        {
            targets.extend(as_actor(cx.ment(o), lex, table));
        }
        let target = targets.iter().copied().find(|t| !actor_ids.contains(t));

        let date = pick_date(&cx, dates, m, &triggers);
        let polarity = polarity(&cx, m.start);
        let mut modality = modality(&cx, m);
        if modality == Modality::Asserted
            && m.payload.pos != Pos::Past
            && let (Some(d), Some(p)) = (date.and_then(|d| dates[d].start_date), published)
            && d.bounds().0 > p.bounds().1
        {
            modality = Modality::Planned;
        }
        let attributed_to = speakers
            .iter()
            .filter(|sp| sp.0 < m.start && sp.1 != m.start)
            .map(|sp| sp.2)
            .next_back()
            .flatten();
        let attributed_to = if def.id == "announce" && speakers.iter().any(|sp| sp.1 == m.start) {
            None
        } else {
            attributed_to
        };
        let troops = troops(&cx, left, right);

        let actor_list: Vec<Option<usize>> = if actor_ids.is_empty() {
            vec![None]
        } else {
            actor_ids.iter().map(|a| Some(*a)).collect()
        };
        let place_list: Vec<Option<(Np, usize)>> = if places.is_empty() {
            vec![None]
        } else {
            places.iter().map(|p| Some(*p)).collect()
        };
        for actor in &actor_list {
            for place in &place_list {
                let mut span = (m.start, m.end);
                if let Some(d) = date {
                    span = (span.0.min(dates[d].start), span.1.max(dates[d].end));
                }
                if let Some((np, _)) = place {
                    span = (span.0.min(np.start), span.1.max(np.end));
                }
                for sm in &s.ments {
                    let hit = actor.is_some_and(|a| a == sm.entity)
                        || target.is_some_and(|t| t == sm.entity);
                    if hit && sm.start >= left && sm.end <= right.max(m.end) {
                        span = (span.0.min(sm.start), span.1.max(sm.end));
                    }
                }
                out.push(Draft {
                    action: action as usize,
                    trigger: (m.start, m.end),
                    actor: *actor,
                    place: place.map(|p| p.1),
                    target,
                    date,
                    polarity,
                    modality,
                    attributed_to: attributed_to.filter(|a| Some(*a) != *actor),
                    troops,
                    span,
                });
            }
        }
    }
    out
}

/// The trigger matches of a sentence: longest per position, not inside a
/// longer entity name. A bare form that is both a past verb and a verbal
/// noun (سحب، نشر) is read as a noun when a word precedes it in construct
/// (خطة سحب، بدء نشر) and as a verb at the start of a clause.
fn triggers(s: &Sent) -> Vec<Match> {
    let mut all: Vec<Match> = s
        .matches
        .iter()
        .filter(|m| matches!(m.payload.target, Target::Trigger { .. }))
        .copied()
        .collect();
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
        let same = all.iter().filter(|o| o.start == m.start && o.end == m.end);
        let noun = same.clone().find(|o| o.payload.pos == Pos::Noun);
        let verb = same
            .clone()
            .find(|o| matches!(o.payload.pos, Pos::Past | Pos::Present));
        let chosen = match (noun, verb) {
            (Some(n), Some(v)) => {
                let construct = m.start > 0 && !s.is_punct(m.start - 1);
                if construct || v.clitics != Clitics::default() && n.clitics.prep.is_some() {
                    *n
                } else {
                    *v
                }
            }
            _ => *m,
        };
        out.push(chosen);
    }
    out
}

fn word_has(token: &str, word: &str) -> bool {
    token == word
        || (token.ends_with(word) && token.len() - word.len() <= 4)
        || (token.starts_with(word) && token.len() - word.len() <= 6)
}

/// Speech verbs and source phrases of the sentence: (position, verb start,
/// speaker). Also updates the article's last speaker.
fn speakers(
    cx: &Ctx,
    table: &mut EntityTable,
    state: &mut ArticleState,
) -> Vec<(usize, usize, Option<usize>)> {
    let s = cx.s;
    let mut out = Vec::new();
    for i in 0..s.len() {
        if let Some((end, _, _)) = s.cue_at(cx.lex, i, CueKind::Source) {
            let sp = cx
                .np_at(end)
                .or_else(|| cx.np_at(end + 1))
                .and_then(|np| speaker_entity(cx, np, table));
            out.push((i, i, sp));
            continue;
        }
        let Some((end, _, _)) = s
            .cue_at(cx.lex, i, CueKind::Speech)
            .or_else(|| s.cue_at(cx.lex, i, CueKind::Denial))
        else {
            continue;
        };
        // A speech verb, not a noun use (إعلان is a noun: no speaker role here).
        if !s
            .matches_at(i)
            .any(|m| matches!(m.payload.pos, Pos::Past | Pos::Present))
        {
            continue;
        }
        let mut sp = None;
        let mut explicit = false;
        let mut k = end;
        while k < s.len() && k < end + 4 {
            if s.is_punct(k) || s.has_cue(cx.lex, k, CueKind::Complementizer) {
                break;
            }
            if let Some(np) = cx.np_at(k) {
                if cx.preposition(np).is_none() {
                    sp = speaker_entity(cx, np, table);
                    explicit = true;
                    break;
                }
                k = np.end;
                continue;
            }
            explicit = explicit || !s.has_cue(cx.lex, k, CueKind::StopWord) && k == end;
            k += 1;
        }
        if sp.is_none() && !explicit {
            // SVO: "واشنطن … أعلنت"; or no subject at all: the last speaker.
            sp = (i.saturating_sub(6)..i).rev().find_map(|k| {
                cx.np_at(k)
                    .filter(|np| np.end <= i && cx.preposition(*np).is_none())
                    .and_then(|np| speaker_entity(cx, np, table))
            });
            if sp.is_none() && !explicit {
                sp = state.last_speaker;
            }
        }
        if sp.is_some() {
            state.last_speaker = sp;
        }
        out.push((i, i, sp));
    }
    out
}

fn speaker_entity(cx: &Ctx, np: Np, table: &mut EntityTable) -> Option<usize> {
    let m = cx.ment(np).clone();
    let kind = table.get(m.entity).kind;
    if m.adjectival || m.role_only || kind.can_speak() {
        return Some(m.entity);
    }
    as_actor(&m, cx.lex, table).filter(|e| table.get(*e).kind != EntityKind::MilitaryBase)
}

fn pick_date(cx: &Ctx, dates: &[DateMent], m: &Match, triggers: &[Match]) -> Option<usize> {
    let between_trigger = |a: usize, b: usize| {
        triggers
            .iter()
            .any(|t| t.start >= a && t.end <= b && t.start != m.start)
    };
    let boundary_between = |a: usize, b: usize| {
        (a..b).any(|k| {
            cx.s.has_cue(cx.lex, k, CueKind::ClauseBoundary)
                || cx.s.has_cue(cx.lex, k, CueKind::Complementizer)
        })
    };
    dates
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let (dist, penalty) = if d.start >= m.end {
                let pen = if between_trigger(m.end, d.start) {
                    6
                } else {
                    0
                } + if boundary_between(m.end, d.start) {
                    8
                } else {
                    0
                };
                (d.start - m.end, pen)
            } else if d.end <= m.start {
                let pen =
                    2 + if between_trigger(d.end, m.start) {
                        6
                    } else {
                        0
                    } + if boundary_between(d.end, m.start) {
                        8
                    } else {
                        0
                    };
                (m.start - d.end, pen)
            } else {
                (0, 0)
            };
            (dist + penalty <= 18).then_some((dist + penalty, i))
        })
        .min()
        .map(|x| x.1)
}

fn polarity(cx: &Ctx, t0: usize) -> Polarity {
    let s = cx.s;
    for k in (t0.saturating_sub(4)..t0).rev() {
        if cx.is_boundary(k) {
            break;
        }
        if s.cue_covering(cx.lex, k, CueKind::Negation).is_some() {
            return Polarity::Negative;
        }
    }
    // نفى … أن …: a denial governs the clause after it.
    for k in (0..t0).rev() {
        if s.has_cue(cx.lex, k, CueKind::Denial)
            && s.matches_at(k)
                .any(|m| matches!(m.payload.pos, Pos::Past | Pos::Present))
        {
            return Polarity::Negative;
        }
        if s.has_cue(cx.lex, k, CueKind::ClauseBoundary) {
            break;
        }
    }
    Polarity::Positive
}

fn modality(cx: &Ctx, m: &Match) -> Modality {
    let s = cx.s;
    let t0 = m.start;
    for k in (t0.saturating_sub(6)..t0).rev() {
        if cx.is_boundary(k) {
            break;
        }
        if let Some((e, _, _)) = s.cue_at(cx.lex, k, CueKind::Hypothetical) {
            let qad = s.text(k) == "قد";
            if !qad
                || s.matches_at(e).any(|x| x.payload.pos == Pos::Present)
                || (e < s.len() && s.text(e).starts_with(['ي', 'ت']))
            {
                return Modality::Hypothetical;
            }
        }
    }
    if m.clitics.future {
        return Modality::Planned;
    }
    for k in (t0.saturating_sub(8)..t0).rev() {
        if cx.is_boundary(k) && !matches!(s.text(k), "،" | ",") {
            break;
        }
        if s.has_cue(cx.lex, k, CueKind::Planned)
            || s.matches_at(k)
                .any(|x| x.clitics.future && x.payload.pos == Pos::Present)
        {
            return Modality::Planned;
        }
    }
    Modality::Asserted
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
