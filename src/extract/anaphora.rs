//! Anaphora: definite descriptions (البلاد، التنظيم، الحلف، القاعدة،
//! الإقليم، البلدين) and possessed forces (قواتها، بلاده) resolved to an
//! earlier mention of the kind the lexicon's `kg:Anaphor` entry names.
//!
//! A definite description looks back through the article and takes the
//! entity named most often so far (the article's base, its country), then
//! the latest; a dual (البلدين، الجانبين) takes the two most named states.
//! Possessed forces look back in their own clause (their possessor is
//! near); "القوات"/"الجنود" alone refer to the owner of the forces named
//! last. Nationality adjectives are not antecedents of places (البلاد
//! refers to the country named as a place, not to "الأمريكية").
//!
//! The article history is aggregated per entity, so resolving an anaphor
//! costs the number of distinct entities, not the length of the article.

use std::collections::BTreeMap;

use super::forces::{forces_in_phrase, owns_forces, sends_forces};
use super::nps::QUOTES_OPEN;
use super::sent::{Ment, Sent};
use super::table::EntityTable;
use crate::lexicon::{CueKind, Lexicon};
use crate::model::EntityKind;

/// One mention: (sentence, token, entity, adjectival).
type Seen = (usize, usize, usize, bool);

/// Mentions of earlier sentences per (entity, adjectival): how many, the
/// order of the latest and the order of the first.
type History = BTreeMap<(usize, bool), (usize, usize, usize)>;

/// Whether one of the entity's names starts with the head noun of a
/// definite description (المعسكر → معسكر فيكتوريا, المطار → مطار بغداد).
fn named_by_head(table: &EntityTable, lex: &Lexicon, e: usize, anaphor: &str) -> bool {
    // (after a conjunction too: والمخيم)
    let anaphor = ["و", "ف"]
        .iter()
        .find_map(|c| anaphor.strip_prefix(c))
        .filter(|r| r.starts_with("ال") || r.starts_with("لل") || r.starts_with("بال"))
        .unwrap_or(anaphor);
    let bare = ["بال", "لل", "ال"]
        .iter()
        .find_map(|p| anaphor.strip_prefix(p))
        .unwrap_or(anaphor);
    table
        .normalized_names(lex, e)
        .any(|name| name.starts_with(bare))
}

/// The state an entity stands for: itself for a country, its state for a
/// capital used by metonymy.
pub(super) fn state_of(table: &mut EntityTable, lex: &Lexicon, e: usize) -> Option<usize> {
    match table.get(e).kind {
        EntityKind::Country => Some(e),
        // (a head of state or government stands for the state: السوداني
        // وبايدن … وبحث الجانبان)
        EntityKind::Person => table
            .lex_entity(lex, e)
            .and_then(|l| l.country.first().cloned())
            .and_then(|id| table.by_lex_id(lex, &id))
            .filter(|&st| table.get(st).kind == EntityKind::Country),
        // (a government stands for its state: الحكومة السورية … من أراضيها)
        kind => table
            .lex_entity(lex, e)
            .and_then(|l| {
                l.metonym_for.clone().or_else(|| {
                    (kind == EntityKind::GovernmentBody)
                        .then(|| l.country.first().cloned())
                        .flatten()
                })
            })
            .and_then(|id| table.by_lex_id(lex, &id))
            .filter(|&st| {
                kind != EntityKind::GovernmentBody || table.get(st).kind == EntityKind::Country
            }),
    }
}

/// The state named most among `seen` (entity, mentions, order of the
/// latest), counting each entity for the state it stands for
/// ([`state_of`]); ties go to the latest, then to the lower index.
/// O(seen · log states).
pub(super) fn most_named_state(
    table: &mut EntityTable,
    lex: &Lexicon,
    seen: impl IntoIterator<Item = (usize, usize, usize)>,
) -> Option<usize> {
    let mut states: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (e, n, last) in seen {
        if let Some(st) = state_of(table, lex, e) {
            let c = states.entry(st).or_default();
            c.0 += n;
            c.1 = c.1.max(last);
        }
    }
    states
        .into_iter()
        .max_by_key(|&(e, (n, last))| (n, last, std::cmp::Reverse(e)))
        .map(|(e, _)| e)
}

/// Adds mentions for the anaphors of every sentence, in article order.
///
/// `hidden` masks each sentence's parentheticals ([`super::parens::hidden`]):
/// their commas do not end a clause.
pub fn resolve(sents: &mut [Sent], lex: &Lexicon, table: &mut EntityTable, hidden: &[Vec<bool>]) {
    let mut history = History::new();
    let mut seq = 0usize;
    let mut last_forces_owner: Option<usize> = None;
    for (s, hidden) in sents.iter_mut().zip(hidden) {
        let mut added = Vec::new();
        for i in 0..s.len() {
            if s.ment_at(i).is_some() {
                continue;
            }
            let Some((end, cue, _)) = s.cue_at(lex, i, CueKind::Anaphor) else {
                continue;
            };
            // (the capital has a pass of its own: super::capital)
            if lex.cues[cue].capital {
                continue;
            }
            let want = lex.cues[cue].introduces;
            // (not after the words the entry excludes, nor opening its clause:
            // كان هناك، وهناك التزام are existential)
            if !lex.cues[cue].not_after.is_empty()
                && (i == 0
                    || s.is_punct(i - 1)
                    || s.starts_with_conj(i)
                    || lex.cues[cue].not_after.iter().any(|w| w == s.text(i - 1)))
            {
                continue;
            }
            // (nor after a time noun: في وقت تتواصل فيه المحادثات)
            if (i.saturating_sub(3)..i).any(|k| {
                lex.cues[cue].not_within.iter().any(|w| {
                    let t = s.text(k);
                    w == t || t.strip_prefix(['و', 'ف', 'ب', 'ل']) == Some(w.as_str())
                })
            }) {
                continue;
            }
            let here: Vec<Seen> = s
                .ments
                .iter()
                .filter(|m| m.end <= i)
                .map(|m| (s.index, m.start, m.entity, m.adjectival))
                .collect();
            if want == Some(EntityKind::MilitaryForce) {
                // "القوات"/"الجنود" alone: not when a name, a nationality or an
                // adjective follows (القوات الأمريكية، القوات الأجنبية).
                let next = s.text(end);
                let qualified = s.ment_at(end).is_some()
                    || (next.starts_with("ال") && (next.ends_with("يه") || next.ends_with('ي')));
                // (an owner named earlier in the same sentence comes first)
                let owner_here = s
                    .ments
                    .iter()
                    .filter(|m| {
                        m.end <= i
                            && !m.anaphoric
                            && owns_forces(s, lex, m)
                            && !forces_in_phrase(s, lex, m)
                    })
                    .map(|m| m.entity)
                    .next_back();
                if let Some(entity) = owner_here.or(last_forces_owner).filter(|_| !qualified) {
                    added.push(Ment {
                        start: i,
                        end,
                        entity,
                        adjectival: false,
                        role_only: true,
                        anaphoric: true,
                        second: None,
                    });
                }
                continue;
            }
            if lex.cues[cue].number == Some(2) && want == Some(EntityKind::MilitaryBase) {
                // Both bases (القاعدتين، المطارين): the two bases named last.
                let mut latest: BTreeMap<usize, usize> = BTreeMap::new(); // base → latest
                let earlier: Vec<(usize, usize)> = history
                    .iter()
                    .map(|(&(e, _), &(_, last, _))| (e, last))
                    .collect();
                let now = here.iter().enumerate().map(|(k, c)| (c.2, seq + k));
                for (e, last) in earlier.into_iter().chain(now) {
                    if table.get(e).kind == EntityKind::MilitaryBase {
                        let l = latest.entry(e).or_default();
                        *l = (*l).max(last);
                    }
                }
                let mut ranked: Vec<(usize, usize)> = latest.into_iter().collect();
                ranked.sort_by_key(|&(e, last)| (std::cmp::Reverse(last), e));
                if let [a, b, ..] = ranked.as_slice() {
                    added.push(Ment {
                        start: i,
                        end,
                        entity: b.0,
                        adjectival: false,
                        role_only: false,
                        anaphoric: true,
                        second: Some(a.0),
                    });
                }
                continue;
            }
            if lex.cues[cue].number == Some(2) {
                // Both countries / both sides: the two states named most often so
                // far (capitals and nationality adjectives stand for their states).
                let mut counts: BTreeMap<usize, (usize, usize)> = BTreeMap::new(); // state → (count, latest)
                let earlier: Vec<(usize, usize, usize)> = history
                    .iter()
                    .map(|(&(e, _), &(n, last, _))| (e, n, last))
                    .collect();
                let now = here.iter().enumerate().map(|(k, c)| (c.2, 1, seq + k));
                for (e, n, last) in earlier.into_iter().chain(now) {
                    if let Some(st) = state_of(table, lex, e) {
                        let c = counts.entry(st).or_default();
                        c.0 += n;
                        c.1 = c.1.max(last);
                    }
                }
                let mut ranked: Vec<(usize, (usize, usize))> = counts.into_iter().collect();
                ranked.sort_by_key(|&(e, (n, last))| {
                    (std::cmp::Reverse(n), std::cmp::Reverse(last), e)
                });
                if let [a, b, ..] = ranked.as_slice() {
                    added.push(Ment {
                        start: i,
                        end,
                        entity: a.0,
                        adjectival: false,
                        role_only: false,
                        anaphoric: true,
                        second: Some(b.0),
                    });
                }
                continue;
            }
            if lex.cues[cue].possessed {
                // أراضيها، أرضه: the state of the nearest possessor in the clause, as a place.
                let clause_start = (0..i)
                    .rev()
                    .find(|&k| {
                        s.is_punct(k) && !hidden[k] && matches!(s.text(k), "،" | "," | "؛" | ":")
                    })
                    .map_or(0, |k| k + 1);
                let owner = here
                    .iter()
                    .rev()
                    // (not a nationality: the forces' own, القوات الأمريكية من أراضيها)
                    .filter(|c| c.1 >= clause_start && !c.3)
                    .find_map(|c| state_of(table, lex, c.2));
                if let Some(entity) = owner {
                    added.push(Ment {
                        start: i,
                        end,
                        entity,
                        adjectival: false,
                        role_only: false,
                        anaphoric: true,
                        second: None,
                    });
                }
                continue;
            }
            let by_head = lex.cues[cue].by_head;
            let fits = |&(_, _, e, adjectival): &Seen| {
                let kind = table.get(e).kind;
                if by_head && !named_by_head(table, lex, e, s.text(i)) {
                    return false;
                }
                match want {
                    None => {
                        kind.can_act()
                            || adjectival
                            || table
                                .lex_entity(lex, e)
                                .is_some_and(|l| l.metonym_for.is_some())
                    }
                    // منه، فيها: any place.
                    Some(EntityKind::Place) => kind.is_place() && !adjectival,
                    Some(k) if k.is_place() => kind == k && !adjectival,
                    Some(EntityKind::Organisation) => {
                        !kind.is_place()
                            && kind != EntityKind::Person
                            && kind != EntityKind::Country
                    }
                    Some(k) => kind == k,
                }
            };
            let pronoun = match want {
                Some(EntityKind::Place) if !by_head => super::pronouns::place_pronoun(
                    s,
                    lex,
                    table,
                    i,
                    lex.cues[cue].adverbial,
                    &added,
                ),
                _ => Some(None),
            };
            let Some(pronoun) = pronoun else { continue };
            let antecedent = match want {
                _ if pronoun.is_some() => pronoun,
                None => {
                    // Possessed forces: the nearest possessor in their clause (up
                    // to a comma; first person قواتنا also across a colon, to the speaker).
                    let first_person = s.text(i).ends_with("نا");
                    let clause_start = (0..i)
                        .rev()
                        .find(|&k| {
                            s.is_punct(k)
                                && !hidden[k]
                                && (matches!(s.text(k), "،" | "," | "؛")
                                    || (s.text(k) == ":" && !first_person))
                        })
                        .map_or(0, |k| k + 1);
                    // (a clause of و + complementizer goes on with the subject
                    // of the complement before it: أن الولايات المتحدة لن
                    // تتخلى عن شركائها، وأن مستشاريها سيواصلون …)
                    let resumed = || {
                        let opens = s.starts_with_conj(clause_start)
                            && s.has_cue(lex, clause_start, CueKind::Complementizer);
                        let before = (0..clause_start.saturating_sub(1))
                            .rev()
                            .find(|&k| s.has_cue(lex, k, CueKind::Complementizer))?;
                        let subject = (before + 1..(before + 3).min(clause_start))
                            .find(|&k| !QUOTES_OPEN.contains(&s.text(k)))?;
                        here.iter()
                            .copied()
                            .filter(|c| opens && c.1 == subject && !c.3)
                            .find(fits)
                    };
                    // (not a place its clause goes to or is in, when an
                    // owner that is none comes first: فرنسا ترسل تعزيزات
                    // إلى أربيل وتؤكد بقاء قواتها)
                    let located = |c: &Seen| c.1 > 0 && s.has_cue(lex, c.1 - 1, CueKind::Locative);
                    let mine: Vec<Seen> = here
                        .iter()
                        .copied()
                        .filter(|c| c.1 >= clause_start && fits(c))
                        .collect();
                    mine.iter()
                        .copied()
                        .rfind(|c| !located(c))
                        .or_else(|| mine.last().copied())
                        .or_else(resumed)
                        .map(|c| c.2)
                }
                // A base named earlier in the same sentence wins (… قاعدة حرير …
                // بقاء الأمريكيين في القاعدة); a country is the article's (البلاد).
                // (one named by the description's head noun first: غادرت معسكر
                // فيكتوريا الملاصق لمطار بغداد … تسلّمت المعسكر)
                Some(EntityKind::MilitaryBase) if here.iter().any(fits) => here
                    .iter()
                    .copied()
                    .filter(fits)
                    .rfind(|c| named_by_head(table, lex, c.2, s.text(i)))
                    .or_else(|| here.iter().copied().rfind(fits))
                    .map(|c| c.2),
                Some(_) => {
                    // (count, order of the latest, order of the first) of each
                    // fitting entity.
                    let mut score: BTreeMap<usize, (usize, usize, usize)> = BTreeMap::new();
                    let earlier = history
                        .iter()
                        .filter(|&(&(e, adj), _)| fits(&(0, 0, e, adj)))
                        .map(|(&(e, _), &counted)| (e, counted));
                    let now = here
                        .iter()
                        .filter(|c| fits(c))
                        .enumerate()
                        .map(|(k, c)| (c.2, (1, seq + k, seq + k)));
                    for (e, (n, last, first)) in earlier.chain(now) {
                        let sc = score.entry(e).or_insert((0, 0, usize::MAX));
                        sc.0 += n;
                        sc.1 = sc.1.max(last);
                        sc.2 = sc.2.min(first);
                    }
                    if want == Some(EntityKind::MilitaryBase) {
                        // A base: one named by the description's head noun, then
                        // the most named, then the first named (the article's topic:
                        // سلمت … قاعدة تل بيدر … بعد أن نقلت معداتها إلى قاعدة الشدادي
                        // … أخلت القاعدة).
                        let text = s.text(i);
                        score
                            .into_iter()
                            .max_by_key(|&(e, (n, _, first))| {
                                (
                                    named_by_head(table, lex, e, text),
                                    n,
                                    std::cmp::Reverse(first),
                                )
                            })
                            .map(|(e, _)| e)
                    } else {
                        // Otherwise one named by the head noun too (الإقليم →
                        // إقليم كردستان, not Gaza named since), then the most
                        // named, then the latest.
                        let text = s.text(i);
                        score
                            .into_iter()
                            .max_by_key(|&(e, (n, last, _))| {
                                (named_by_head(table, lex, e, text), n, last)
                            })
                            .map(|(e, _)| e)
                    }
                }
            };
            // البلاد with no country named as such: the state that the
            // article's capitals, governments and officials stand for
            // (بغداد – السومرية: … مجلس النواب العراقي … من البلاد).
            let antecedent = match antecedent {
                None if want == Some(EntityKind::Country) => {
                    let seen: Vec<(usize, usize, usize)> = history
                        .iter()
                        .filter(|&(&(_, adj), _)| !adj)
                        .map(|(&(e, _), &(n, last, _))| (e, n, last))
                        .chain(
                            here.iter()
                                .filter(|c| !c.3)
                                .enumerate()
                                .map(|(k, c)| (c.2, 1, seq + k)),
                        )
                        .collect();
                    most_named_state(table, lex, seen)
                }
                found => found,
            };
            let Some(mut entity) = antecedent else {
                continue;
            };
            if want.is_none() && !table.get(entity).kind.can_act() {
                // بغداد تطالب أنقرة بسحب قواتها: Ankara's forces are Turkey's.
                match state_of(table, lex, entity) {
                    Some(st) => entity = st,
                    None => continue,
                }
            }
            if want.is_none() && table.get(entity).kind == EntityKind::Person {
                // "قواته"، "قواتنا" of a person: the forces of their state, or
                // of the armed group they lead (مظلوم عبدي: قواته → قسد).
                let lexe = table.lex_entity(lex, entity);
                let group = lexe
                    .and_then(|l| l.position_of.as_ref())
                    .and_then(|id| table.by_lex_id(lex, id))
                    .filter(|&g| table.get(g).kind == EntityKind::ArmedGroup);
                let state = lexe
                    .and_then(|l| l.country.first().or(l.position_of.as_ref()))
                    .cloned()
                    .and_then(|id| table.by_lex_id(lex, &id));
                match group.or(state) {
                    Some(owner) => entity = owner,
                    None => continue,
                }
            }
            // Possessed forces stand for their owner as an actor, never as a place.
            added.push(Ment {
                start: i,
                end,
                entity,
                adjectival: false,
                role_only: want.is_none(),
                anaphoric: true,
                second: None,
            });
        }
        if !added.is_empty() {
            s.ments.extend(added);
            s.ments.sort_by_key(|m| (m.start, m.end));
        }
        for m in s.ments.iter().filter(|m| !m.anaphoric) {
            let h = history
                .entry((m.entity, m.adjectival))
                .or_insert((0, 0, seq));
            h.0 += 1;
            h.1 = seq;
            seq += 1;
            if (owns_forces(s, lex, m) && !forces_in_phrase(s, lex, m)) || sends_forces(s, lex, m) {
                // (a capital's forces are its state's: واشنطن ترسل 1500 عسكري)
                last_forces_owner = Some(m.entity)
                    .filter(|&e| table.get(e).kind.can_act())
                    .or_else(|| state_of(table, lex, m.entity))
                    .or(Some(m.entity));
            }
        }
    }
}
