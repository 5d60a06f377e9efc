//! The capital (`kg:capital true` anaphors: العاصمة). "العاصمة العراقية" is
//! the capital of the state its adjective names; a bare "العاصمة" (no name
//! after it) is the capital of the state the article has named most so far
//! (countries, their capitals and governments; nationality adjectives do not
//! count, as for البلاد). "العاصمة بغداد" is left to the name. The capital is
//! the gazetteer's city that stands for that state (`kg:metonymFor`).
//!
//! Cost: one pass over the mentions (counted per entity); states are
//! ranked and a capital is looked up among the lexicon's entities only where
//! the word occurs.

use std::collections::BTreeMap;

use super::anaphora::{most_named_state, state_of};
use super::sent::{Ment, Sent};
use super::table::EntityTable;
use crate::lexicon::{CueKind, Lexicon};
use crate::model::EntityKind;

/// The gazetteer city that stands for the state `st` (بغداد for Iraq).
fn capital_of(table: &mut EntityTable, lex: &Lexicon, st: usize) -> Option<usize> {
    let id = table.get(st).id.clone();
    let li = lex.entities.iter().position(|l| {
        l.kind == Some(EntityKind::City) && l.metonym_for.as_deref() == Some(id.as_str())
    })?;
    Some(table.from_lexicon(lex, li))
}

/// Adds a mention for every capital anaphor, in article order.
pub(super) fn resolve(sents: &mut [Sent], lex: &Lexicon, table: &mut EntityTable) {
    let has_capital = |s: &Sent| {
        (0..s.len()).any(|i| {
            s.cue_at(lex, i, CueKind::Anaphor)
                .is_some_and(|c| lex.cues[c.1].capital)
        })
    };
    if !sents.iter().any(has_capital) {
        return;
    }
    // entity → (mentions so far, order of the latest)
    let mut seen: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut seq = 0usize;
    for s in sents.iter_mut() {
        let mut i = 0;
        while i < s.len() {
            let Some((end, cue, _)) = s.cue_at(lex, i, CueKind::Anaphor) else {
                i += 1;
                continue;
            };
            if !lex.cues[cue].capital || s.ment_at(i).is_some() {
                i += 1;
                continue;
            }
            // (a name joined by و is another place: العاصمة ومحافظة الأنبار)
            let next = s
                .ment_at(end)
                .filter(|m| m.start == end && !s.starts_with_conj(end))
                .cloned();
            let (state, to) = match &next {
                // (العاصمة بغداد: the name says it)
                Some(m) if !m.adjectival => (None, end),
                Some(m) => (state_of(table, lex, m.entity), m.end),
                // (the sentence's own mentions before it count too, as the latest)
                None => {
                    let now = seen.iter().map(|(&e, &(n, last))| (e, n, last)).chain(
                        s.ments
                            .iter()
                            .filter(|m| m.end <= i && !m.adjectival)
                            .map(|m| (m.entity, 1, usize::MAX)),
                    );
                    (most_named_state(table, lex, now.collect::<Vec<_>>()), end)
                }
            };
            if let Some(capital) = state.and_then(|st| capital_of(table, lex, st)) {
                s.ments.retain(|m| !(m.start >= i && m.end <= to));
                let k = s.ments.partition_point(|m| (m.start, m.end) < (i, to));
                s.ments.insert(
                    k,
                    Ment {
                        start: i,
                        end: to,
                        entity: capital,
                        adjectival: false,
                        role_only: false,
                        anaphoric: true,
                        second: None,
                    },
                );
            }
            i = to.max(i + 1);
        }
        for m in s.ments.iter().filter(|m| !m.anaphoric && !m.adjectival) {
            let c = seen.entry(m.entity).or_default();
            c.0 += 1;
            c.1 = seq;
            seq += 1;
        }
    }
}
