//! Anaphora: definite descriptions (البلاد، التنظيم، الحلف، القاعدة،
//! الإقليم) and possessed forces (قواتها، بلاده) resolved to the most recent
//! earlier mention of the kind the lexicon's `kg:Anaphor` entry names.
//!
//! A definite description looks back through the article; possessed
//! forces look back in their own sentence only (their possessor is near).
//! Nationality adjectives are not antecedents of places (البلاد refers to
//! the country named as a place, not to "الأمريكية").

use super::sent::{Ment, Sent};
use super::table::EntityTable;
use crate::lexicon::{CueKind, Lexicon};
use crate::model::EntityKind;

/// One earlier mention: (sentence, token, entity, adjectival).
type Seen = (usize, usize, usize, bool);

/// Whether the mention `m` names the owner of forces (القوات الأمريكية،
/// قوات التحالف، 2500 جندي أمريكي).
fn owns_forces(s: &Sent, lex: &Lexicon, m: &Ment) -> bool {
    (m.start.saturating_sub(3)..m.start).any(|h| {
        [CueKind::ForceNoun, CueKind::TroopNoun].iter().any(|k| {
            s.cue_at(lex, h, *k)
                .is_some_and(|c| c.0 == m.start || c.0 + 1 == m.start)
        })
    })
}

/// Adds mentions for the anaphors of every sentence, in article order.
pub fn resolve(sents: &mut [Sent], lex: &Lexicon, table: &mut EntityTable) {
    let mut history: Vec<Seen> = Vec::new();
    // Owners of forces named so far: (sentence, token, entity).
    let mut forces_owners: Vec<(usize, usize, usize)> = Vec::new();
    for s in sents.iter_mut() {
        let mut added = Vec::new();
        for i in 0..s.len() {
            if s.ment_at(i).is_some() {
                continue;
            }
            let Some((end, cue, _)) = s.cue_at(lex, i, CueKind::Anaphor) else {
                continue;
            };
            let want = lex.cues[cue].introduces;
            if want == Some(EntityKind::MilitaryForce) {
                // "القوات"/"الجنود" alone: not when a name, a nationality or an
                // adjective follows (القوات الأمريكية، القوات الأجنبية).
                let next = s.text(end);
                let qualified = s.ment_at(end).is_some()
                    || (next.starts_with("ال") && (next.ends_with("يه") || next.ends_with('ي')));
                if qualified {
                    continue;
                }
                if let Some(&(_, _, entity)) = forces_owners.last() {
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
            if lex.cues[cue].number == Some(2) {
                // Both countries / both sides: the two states named most often so far
                // (capitals and nationality adjectives stand for their states).
                let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (entity, count, last position)
                let pool = history.iter().copied().chain(
                    s.ments
                        .iter()
                        .filter(|m| m.end <= i)
                        .map(|m| (s.index, m.start, m.entity, m.adjectival)),
                );
                for (n, (_, _, e, _)) in pool.enumerate() {
                    let state = match table.get(e).kind {
                        EntityKind::Country => Some(e),
                        _ => table
                            .lex_entity(lex, e)
                            .and_then(|l| l.metonym_for.clone())
                            .and_then(|id| table.by_lex_id(lex, &id)),
                    };
                    if let Some(st) = state {
                        match counts.iter_mut().find(|c| c.0 == st) {
                            Some(c) => {
                                c.1 += 1;
                                c.2 = n;
                            }
                            None => counts.push((st, 1, n)),
                        }
                    }
                }
                counts.sort_by_key(|c| (std::cmp::Reverse(c.1), std::cmp::Reverse(c.2)));
                if let [a, b, ..] = counts.as_slice() {
                    // In order of first mention, so the first named comes first.
                    let (first, second) = if a.2 <= b.2 { (a.0, b.0) } else { (b.0, a.0) };
                    added.push(Ment {
                        start: i,
                        end,
                        entity: first,
                        adjectival: false,
                        role_only: false,
                        anaphoric: true,
                        second: Some(second),
                    });
                }
                continue;
            }
            // Possessed forces look back in their clause only (up to a comma or colon).
            // First person (قواتنا) after a colon belongs to whoever speaks before it.
            let first_person = s.text(i).ends_with("نا");
            let clause_start = (0..i)
                .rev()
                .find(|&k| {
                    s.is_punct(k)
                        && (matches!(s.text(k), "،" | "," | "؛")
                            || (s.text(k) == ":" && !first_person))
                })
                .map_or(0, |k| k + 1);
            let here: Vec<Seen> = s
                .ments
                .iter()
                .filter(|m| m.end <= i && (want.is_some() || m.start >= clause_start))
                .map(|m| (s.index, m.start, m.entity, m.adjectival))
                .collect();
            let pool = match want {
                // Possessed forces: their own sentence.
                None => here,
                Some(_) => history.iter().copied().chain(here).collect(),
            };
            let fits = |&(_, _, e, adjectival): &Seen| {
                let kind = table.get(e).kind;
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
            let candidates: Vec<Seen> = pool.iter().copied().filter(fits).collect();
            // Possessed forces: the nearest possessor. Definite descriptions: the
            // most often named so far (the article's base, its country), then the latest.
            let antecedent = match want {
                None => candidates.last().copied(),
                Some(_) => candidates
                    .iter()
                    .max_by_key(|c| candidates.iter().filter(|x| x.2 == c.2).count())
                    .copied(),
            };
            let Some((_, _, mut entity, _)) = antecedent else {
                continue;
            };
            if want.is_none()
                && !table.get(entity).kind.can_act()
                && let Some(state) = table
                    .lex_entity(lex, entity)
                    .and_then(|l| l.metonym_for.clone())
            {
                // بغداد تطالب أنقرة بسحب قواتها: Ankara's forces are Turkey's.
                match table.by_lex_id(lex, &state) {
                    Some(s) => entity = s,
                    None => continue,
                }
            }
            if want.is_none() && table.get(entity).kind == EntityKind::Person {
                // "قواته"، "قواتنا" of a person: the forces of their state.
                match table
                    .lex_entity(lex, entity)
                    .and_then(|l| l.country.first().or(l.position_of.as_ref()))
                    .cloned()
                    .and_then(|id| table.by_lex_id(lex, &id))
                {
                    Some(state) => entity = state,
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
        history.extend(
            s.ments
                .iter()
                .filter(|m| !m.anaphoric)
                .map(|m| (s.index, m.start, m.entity, m.adjectival)),
        );
        forces_owners.extend(
            s.ments
                .iter()
                .filter(|m| !m.anaphoric && owns_forces(s, lex, m))
                .map(|m| (s.index, m.start, m.entity)),
        );
    }
}
