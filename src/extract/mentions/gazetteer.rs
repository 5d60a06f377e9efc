//! Gazetteer names resolved into mentions, leftmost-longest: a strict name
//! only in its context (after a head noun, as its conjunct, where forces
//! are), and a name after a place head noun of another kind re-resolved as
//! that kind (محافظة الحسكة is the governorate).

use crate::extract::sent::{Ment, Sent};
use crate::extract::table::EntityTable;
use crate::lexicon::{CueKind, Lexicon};
use crate::matcher::Target;
use crate::model::EntityKind;

/// Resolves the gazetteer matches of a sentence into mentions.
pub fn resolve_gazetteer(s: &mut Sent, lex: &Lexicon, table: &mut EntityTable) {
    // (start, end, lexicon index, adjectival, strict)
    let mut cands: Vec<(usize, usize, usize, bool, bool)> = Vec::new();
    for m in &s.matches {
        match m.payload.target {
            Target::Entity { entity, strict } => {
                if strict {
                    let place = lex.entities[entity as usize]
                        .kind
                        .is_some_and(|k| k.is_place());
                    let in_context = after_head_noun(s, lex, m.start)
                        || conjunct_after_head_noun(s, lex, &cands, m.start)
                        || (place
                            && (forces_at(s, lex, m.start)
                                || after_direction(s, lex, m.start)
                                || coordinated_with_place(s, lex, m.start, m.end)));
                    if !in_context {
                        continue;
                    }
                }
                cands.push((m.start, m.end, entity as usize, false, strict));
            }
            Target::Demonym { entity } => {
                cands.push((m.start, m.end, entity as usize, true, false))
            }
            _ => {}
        }
    }
    // Leftmost-longest; a name beats a demonym of the same length.
    // A strict name in its context beats a plain homonym (قاعدة الشدادي is the base).
    cands.sort_by_key(|c| (c.0, std::cmp::Reverse(c.1), c.3, !c.4));
    let mut ments = Vec::new();
    let mut next_free = 0;
    for (start, end, li, adjectival, _) in cands {
        if start < next_free {
            continue;
        }
        let entity = table.from_lexicon(lex, li);
        ments.push(Ment {
            start,
            end,
            entity,
            adjectival,
            role_only: false,
            anaphoric: false,
            second: None,
        });
        next_free = end;
    }
    s.ments = ments;
    refine_by_head_noun(s, lex, table);
}

/// Re-resolves names after a place head noun whose kind differs: "محافظة
/// الحسكة" (or "محافظتي الحسكة ودير الزور") is the governorate, not the city.
fn refine_by_head_noun(s: &mut Sent, lex: &Lexicon, table: &mut EntityTable) {
    // (the head noun's cue and the kind it introduces)
    let mut head: Option<(usize, EntityKind)> = None;
    for k in 0..s.ments.len() {
        let m = s.ments[k].clone();
        if m.adjectival {
            head = None;
            continue;
        }
        let h = (m.start.saturating_sub(3)..m.start).rev().find_map(|h| {
            s.cue_at(lex, h, CueKind::HeadNoun)
                .filter(|c| c.0 == m.start)
                .and_then(|c| Some((c.1, lex.cues[c.1].introduces?)))
        });
        let conjunct =
            head.is_some() && s.starts_with_conj(m.start) && k > 0 && s.ments[k - 1].end == m.start;
        head = h.or(if conjunct { head.take() } else { None });
        let Some((cue, kind)) = head else { continue };
        if table.get(m.entity).kind == kind || !kind.is_place() {
            continue;
        }
        // The head noun's own forms, then those of the other head nouns of
        // its kind (a plural head noun, قواعد, names its kind by the singular
        // nouns: قاعدة، معسكر …). Only reached when the name's kind differs
        // from the head's, so rarely.
        let forms: Vec<&String> = std::iter::once(&lex.cues[cue])
            .chain(
                lex.cues
                    .iter()
                    .filter(|x| x.kind == CueKind::HeadNoun && x.introduces == Some(kind)),
            )
            .flat_map(|x| &x.nouns)
            .collect();
        let clitics = s
            .matches_at(m.start)
            .find(|x| x.end == m.end && matches!(x.payload.target, Target::Entity { .. }))
            .map_or(0, |x| {
                usize::from(x.clitics.conj.is_some()) + usize::from(x.clitics.prep.is_some())
            });
        let mut words: Vec<String> = (m.start..m.end).map(|i| s.text(i).to_string()).collect();
        words[0] = words[0].chars().skip(clitics).collect();
        let named = forms.iter().find_map(|form| {
            let name = format!("{form} {}", words.join(" "));
            lex.entities_named(&name)
                .iter()
                .copied()
                .find(|&li| lex.entities[li].kind == Some(kind))
        });
        if let Some(li) = named {
            s.ments[k].entity = table.from_lexicon(lex, li);
        }
    }
}

/// Whether token `i` is a conjunct (وX) of a name that follows a head
/// noun: of a strict name (قاعدتي التنف والشدادي), or of any name after a
/// dual head noun, also past a locator of the first (قاعدتي عين الأسد
/// بالأنبار وحرير، مدينتي البوكمال والميادين), or after a plural noun of
/// bases (قواعد عين الأسد والتقدم وحرير).
fn conjunct_after_head_noun(
    s: &Sent,
    lex: &Lexicon,
    cands: &[(usize, usize, usize, bool, bool)],
    i: usize,
) -> bool {
    // (a locator between: بالأنبار، في الأنبار)
    let locator_to_i = |k: usize| {
        cands.iter().any(|d| {
            d.1 == i
                && !d.3
                && ((d.0 == k && s.matches_at(k).any(|m| matches!(m.clitics.prep, Some('ب'))))
                    || (d.0 == k + 1 && s.text(k) == "في"))
        })
    };
    s.starts_with_conj(i)
        && cands.iter().any(|c| {
            let dual = dual_head_before(s, lex, c.0);
            (c.1 == i || (dual && locator_to_i(c.1)))
                && (c.4 || dual || bases_before(s, lex, c.0))
                && (after_head_noun(s, lex, c.0) || conjunct_after_head_noun(s, lex, cands, c.0))
        })
}

/// The head noun cue that ends right before token `start`, if any.
fn head_noun_before(s: &Sent, lex: &Lexicon, start: usize) -> Option<usize> {
    let h = start.checked_sub(1)?;
    s.cue_at(lex, h, CueKind::HeadNoun)
        .filter(|c| c.0 == start)
        .map(|c| c.1)
}

/// Whether a plural noun of bases (قواعد، معسكرات، مطارات) comes right
/// before token `start`: the names it governs are a list (في قواعد عين
/// الأسد والتقدم وحرير).
fn bases_before(s: &Sent, lex: &Lexicon, start: usize) -> bool {
    head_noun_before(s, lex, start).is_some_and(|c| {
        !lex.cues[c].names && lex.cues[c].introduces == Some(EntityKind::MilitaryBase)
    })
}

/// Whether a dual head noun in construct (قاعدتي، قاعدتا، محافظتي، مدينتي,
/// and masculine قضاءي، حقلي، مطاري) comes right before token `start`.
pub fn dual_head_before(s: &Sent, lex: &Lexicon, start: usize) -> bool {
    let Some(c) = head_noun_before(s, lex, start) else {
        return false;
    };
    let t = s.text(start - 1);
    if t.ends_with("تي") || t.ends_with("تا") {
        return true;
    }
    // A masculine noun: its singular form plus ي (after clitics); not ا,
    // which is mostly the accusative tanween (مقراً للحشد).
    let Some(stem) = t.strip_suffix('ي') else {
        return false;
    };
    lex.cues[c]
        .nouns
        .iter()
        .any(|n| stem.ends_with(n.as_str()) && stem.chars().count() <= n.chars().count() + 3)
}

/// Whether tokens `a..b` are coordinated with a plain (not strict) place
/// name after a preposition: في قنديل وسنجار، في سنجار وقنديل.
fn coordinated_with_place(s: &Sent, lex: &Lexicon, a: usize, b: usize) -> bool {
    let plain_place = |start: usize, end: Option<usize>| {
        s.matches.iter().any(|x| {
            x.start == start
                && end.is_none_or(|e| x.end == e)
                && matches!(x.payload.target, Target::Entity { entity, strict: false }
                    if lex.entities[entity as usize].kind.is_some_and(|k| k.is_place()))
        })
    };
    let prep_before = |k: usize| {
        k > 0
            && s.cue_at(lex, k - 1, CueKind::Locative)
                .is_some_and(|c| c.0 == k)
    };
    (prep_before(a) && b < s.len() && s.starts_with_conj(b) && plain_place(b, None))
        || (s.starts_with_conj(a)
            && (a.saturating_sub(4)..a).any(|st| prep_before(st) && plain_place(st, Some(a))))
}

/// Whether token `i` is where forces are: after في in a sentence that names
/// forces or troops (القوات الأمريكية في حرير). (Not after من or إلى:
/// منعت القوات من التقدم is "from advancing".)
fn forces_at(s: &Sent, lex: &Lexicon, i: usize) -> bool {
    i > 0
        && s.text(i - 1) == "في"
        && (0..s.len()).any(|k| s.has_any_cue(lex, k, &[CueKind::ForceNoun, CueKind::TroopNoun]))
}

/// Whether token `i` follows a word of direction or nearness (قرب
/// الميادين، شرقي حرير).
/// (Not وسط, which also governs common nouns: وسط الميادين is "amid the
/// squares".)
fn after_direction(s: &Sent, lex: &Lexicon, i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|h| {
        s.cue_at(lex, h, CueKind::Direction)
            .is_some_and(|c| c.0 == i && !matches!(s.text(h), "وسط" | "ووسط"))
    })
}

/// Whether token `i` follows a head noun (قاعدة "حرير", معسكر X).
pub fn after_head_noun(s: &Sent, lex: &Lexicon, i: usize) -> bool {
    let mut j = i;
    while j > 0 && s.is_punct(j - 1) && matches!(s.text(j - 1), "\"" | "«" | "“") {
        j -= 1;
    }
    (j.saturating_sub(3)..j).any(|h| {
        s.cue_at(lex, h, CueKind::HeadNoun)
            .is_some_and(|c| c.0 == j)
    })
}
