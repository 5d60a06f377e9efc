//! Regions named through an anaphoric country: a direction before البلاد
//! once البلاد is resolved (شمال شرق البلاد, in an article about Syria) is
//! the region the gazetteer names with those directions and the country's
//! label or alias (شمال شرق سوريا → northeast-syria). Runs after
//! [`super::anaphora::resolve`]; nothing is guessed when the gazetteer has
//! no such region.

use super::sent::Sent;
use super::table::EntityTable;
use crate::lexicon::{CueKind, Lexicon};
use crate::model::EntityKind;

/// Directions in front of one anaphor: at most this many words
/// (شمال شرق، جنوب غربي، شمال و شرق).
const MAX_DIRECTIONS: usize = 3;

/// Replaces each resolved country anaphor preceded by direction words with
/// the gazetteer region those words and the country's names spell, the
/// mention widened over the directions. O(a · (D + c · L)) for a
/// resolved anaphors, D direction words, c countries named in the
/// sentence and L labels of each.
pub fn resolve(sents: &mut [Sent], lex: &Lexicon, table: &mut EntityTable) {
    for s in sents.iter_mut() {
        let mut changed = Vec::new();
        for (mi, m) in s.ments.iter().enumerate() {
            if !m.anaphoric || m.second.is_some() || m.role_only {
                continue;
            }
            let country = |e: usize| {
                table
                    .lex_entity(lex, e)
                    .filter(|_| table.get(e).kind == EntityKind::Country)
                    .and_then(|l| lex.entity_position(&l.id))
            };
            if country(m.entity).is_none() {
                continue;
            }
            // (the resolved country first, then the countries named before
            // it in the sentence, latest first: ينشر الأمريكيون جنوداً في
            // سوريا، معظمهم في شمال شرق البلاد — البلاد of the article may
            // be the United States, the region is Syria's)
            let candidates: Vec<usize> = std::iter::once(m.entity)
                .chain(
                    s.ments
                        .iter()
                        .rev()
                        .filter(|o| o.end <= m.start && !o.adjectival && !o.anaphoric)
                        .map(|o| o.entity),
                )
                .filter_map(country)
                .collect();
            // (the direction words right before it, the first with its clitic)
            let mut first = m.start;
            while first > 0
                && m.start - first < MAX_DIRECTIONS
                && (s.cue_at(lex, first - 1, CueKind::Direction).is_some()
                    || s.text(first - 1) == "و")
            {
                first -= 1;
            }
            while first < m.start && s.cue_at(lex, first, CueKind::Direction).is_none() {
                first += 1;
            }
            if first == m.start {
                continue;
            }
            let lead = s.text(first);
            let clitics = s.cue_at(lex, first, CueKind::Direction).map_or(0, |c| {
                usize::from(c.2.conj.is_some()) + usize::from(c.2.prep.is_some())
            });
            let bare = lead
                .char_indices()
                .nth(clitics)
                .map_or(lead, |(b, _)| &lead[b..]);
            let words: Vec<&str> = std::iter::once(bare)
                .chain((first + 1..m.start).map(|k| s.text(k)))
                .collect();
            let directions = words.join(" ");
            let region = candidates.iter().find_map(|&li| {
                lex.normalized_labels(li).iter().find_map(|label| {
                    lex.entities_named(&format!("{directions} {label}"))
                        .iter()
                        .copied()
                        .find(|&r| {
                            lex.entities[r].kind.is_some_and(EntityKind::is_place) && r != li
                        })
                })
            });
            if let Some(r) = region {
                changed.push((mi, first, r));
            }
        }
        if changed.is_empty() {
            continue;
        }
        for (mi, first, r) in changed {
            let e = table.from_lexicon(lex, r);
            let m = &mut s.ments[mi];
            m.start = first;
            m.entity = e;
        }
        s.ments.sort_by_key(|m| (m.start, m.end));
    }
}
