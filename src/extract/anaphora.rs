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

/// Mentions of earlier sentences per (entity, adjectival): how many, and the
/// order of the latest. Kept aggregated so that resolving an anaphor costs
/// the number of distinct entities, not the length of the article.
type History = std::collections::BTreeMap<(usize, bool), (usize, usize)>;

/// Adds mentions for the anaphors of every sentence, in article order.
pub fn resolve(sents: &mut [Sent], lex: &Lexicon, table: &mut EntityTable) {
    let mut history = History::new();
    let mut seq = 0usize;
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
            let fits = |&(_, _, e, adjectival): &Seen| {
                let kind = table.get(e).kind;
                match want {
                    None => kind.can_act() || adjectival,
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
            // Possessed forces: the nearest possessor in their own sentence.
            // Definite descriptions: the most often named so far (the
            // article's base, its country), then the latest.
            let antecedent = match want {
                None => here.iter().copied().rfind(fits).map(|c| c.2),
                Some(_) => {
                    // (count, order of the latest) of each fitting entity.
                    let mut score: std::collections::BTreeMap<usize, (usize, usize)> =
                        Default::default();
                    let earlier = history
                        .iter()
                        .filter(|&(&(e, adj), _)| fits(&(0, 0, e, adj)))
                        .map(|(&(e, _), &counted)| (e, counted));
                    let now = here
                        .iter()
                        .filter(|c| fits(c))
                        .enumerate()
                        .map(|(k, c)| (c.2, (1, seq + k)));
                    for (e, (n, last)) in earlier.chain(now) {
                        let s = score.entry(e).or_default();
                        s.0 += n;
                        s.1 = s.1.max(last);
                    }
                    score.into_iter().max_by_key(|&(_, s)| s).map(|(e, _)| e)
                }
            };
            let Some(mut entity) = antecedent else {
                continue;
            };
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
            });
        }
        if !added.is_empty() {
            s.ments.extend(added);
            s.ments.sort_by_key(|m| (m.start, m.end));
        }
        for m in s.ments.iter().filter(|m| !m.anaphoric) {
            let h = history.entry((m.entity, m.adjectival)).or_default();
            h.0 += 1;
            h.1 = seq;
            seq += 1;
        }
    }
}
