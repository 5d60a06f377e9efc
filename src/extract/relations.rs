//! Static relations: from the gazetteer for every entity an article refers
//! to (with the places and organisations they lead to), and from the text
//! (قاعدة عين الأسد في الأنبار → located-in; بقيادة الولايات المتحدة →
//! led-by; a title before a name → holds-role).

use super::sent::Sent;
use super::table::EntityTable;
use crate::lexicon::{CueKind, Lexicon};
use crate::model::{EntityKind, RelationKind};

/// A relation between article entities; `evidence` is a token span of a
/// sentence for relations read from the text.
pub struct RelDraft {
    pub subject: usize,
    pub predicate: RelationKind,
    pub object: usize,
    pub role: Option<String>,
    pub evidence: Option<(usize, usize, usize)>,
}

/// Gazetteer relations of every entity in the table, following objects
/// transitively (a base → its province → its country).
pub fn gazetteer_relations(lex: &Lexicon, table: &mut EntityTable, out: &mut Vec<RelDraft>) {
    let mut i = 0;
    while i < table.len() {
        if let Some(e) = table.lex_entity(lex, i) {
            let groups: [(&[String], RelationKind); 4] = [
                (&e.located_in, RelationKind::LocatedIn),
                (&e.led_by, RelationKind::LedBy),
                (&e.part_of, RelationKind::PartOf),
                (&e.country, RelationKind::BelongsTo),
            ];
            for (ids, pred) in groups {
                for id in ids {
                    if let Some(o) = table.by_lex_id(lex, id) {
                        out.push(RelDraft {
                            subject: i,
                            predicate: pred,
                            object: o,
                            role: None,
                            evidence: None,
                        });
                    }
                }
            }
            if let Some(o) = e
                .metonym_for
                .as_deref()
                .and_then(|id| table.by_lex_id(lex, id))
            {
                out.push(RelDraft {
                    subject: i,
                    predicate: RelationKind::StandsFor,
                    object: o,
                    role: None,
                    evidence: None,
                });
            }
            if let Some(o) = e
                .position_of
                .as_deref()
                .and_then(|id| table.by_lex_id(lex, id))
            {
                out.push(RelDraft {
                    subject: i,
                    predicate: RelationKind::HoldsRole,
                    object: o,
                    role: e.position_en.clone(),
                    evidence: None,
                });
            }
        }
        i += 1;
    }
}

/// Relations stated in a sentence.
pub fn text_relations(s: &Sent, lex: &Lexicon, table: &EntityTable, out: &mut Vec<RelDraft>) {
    for (k, a) in s.ments.iter().enumerate() {
        if a.adjectival || a.role_only {
            continue;
        }
        let ka = table.get(a.entity).kind;
        let Some(b) = s.ments.get(k + 1) else {
            continue;
        };
        if b.adjectival || b.role_only || a.entity == b.entity {
            continue;
        }
        let kb = table.get(b.entity).kind;
        // X في Y / X بY, adjacent: a smaller place inside a larger one.
        let prep = s.preposition_before(lex, b.start);
        let adjacent = b.start
            <= a.end
                + 1
                + usize::from(
                    s.text(a.end).ends_with("يه")
                        || s.text(a.end).starts_with("ال") && b.start == a.end + 2,
                );
        if ka.is_place()
            && kb.is_place()
            && ka.place_rank() > kb.place_rank()
            && ka.place_rank() >= EntityKind::City.place_rank()
            && matches!(prep.as_deref(), Some("في") | Some("ب"))
            && adjacent
        {
            out.push(RelDraft {
                subject: a.entity,
                predicate: RelationKind::LocatedIn,
                object: b.entity,
                role: None,
                evidence: Some((s.index, a.start, b.end)),
            });
        }
        // X بقيادة Y.
        if (!ka.is_place() || ka == EntityKind::Country)
            && let Some(e) = (a.end..(a.end + 4).min(s.len()))
                .find_map(|j| s.cue_at(lex, j, CueKind::LedBy).map(|c| c.0))
            && let Some(c) = s.ments.iter().find(|m| m.start == e || m.start == e + 1)
            && c.entity != a.entity
            && table.get(c.entity).kind.can_act()
        {
            out.push(RelDraft {
                subject: a.entity,
                predicate: RelationKind::LedBy,
                object: c.entity,
                role: None,
                evidence: Some((s.index, a.start, c.end)),
            });
        }
    }
}
