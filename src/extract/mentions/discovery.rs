//! Discovery of the entities the gazetteer lacks: a name after a head noun
//! (قاعدة/معسكر/وزارة), a person's name after a title and its modifiers
//! (الباحث، وزير الدفاع), or the role alone standing for its country or
//! organisation. Discovered names become article-local aliases.

use super::aliases::register_person_aliases;
use super::{FoundRole, LocalAliases, joined, merge_ments, norm_range, strip_proclitics, words};
use crate::extract::sent::{Ment, Sent};
use crate::extract::table::EntityTable;
use crate::lexicon::{CueKind, Lexicon};
use crate::matcher::Target;
use crate::model::{EntityKind, ids::slug};

/// Cue kinds that end a name.
const NAME_STOPS: &[CueKind] = &[
    CueKind::Locative,
    CueKind::ClauseBoundary,
    CueKind::StopWord,
    CueKind::Complementizer,
    CueKind::Negation,
    CueKind::Speech,
    CueKind::Planned,
    CueKind::Hypothetical,
    CueKind::Source,
    CueKind::DateQualifier,
    CueKind::Month,
    CueKind::Weekday,
    CueKind::RelativeDay,
    CueKind::RelativePeriod,
    CueKind::YearWord,
    CueKind::TroopNoun,
    CueKind::ForceNoun,
    CueKind::HeadNoun,
    CueKind::Title,
    CueKind::Denial,
];

/// Whether token `i` can be part of a name.
fn name_token(s: &Sent, lex: &Lexicon, i: usize, count: usize) -> bool {
    if i >= s.len() || s.is_punct(i) || s.is_number(i) || s.ment_at(i).is_some() {
        return false;
    }
    let t = s.text(i);
    if t.chars().count() < 2 {
        return false;
    }
    if s.matches_at(i).any(|m| match m.payload.target {
        Target::Cue { cue, .. } => NAME_STOPS.contains(&lex.cues[cue as usize].kind),
        Target::Trigger { .. } => true,
        _ => false,
    }) {
        return false;
    }
    // (nor a verb, nor a word with tanwin, an adverb or predicate: سد تشرين
    // تمهيداً لتسليمه)
    if s.is_verb(i) || s.is_nominal(i) {
        return false;
    }
    // After the first word, an adjective (الجوية، العسكري، الملاصق) or a
    // new conjunct (وقاعدة) ends the name.
    if count >= 1 {
        if let Some(rest) = t.strip_prefix("ال")
            && (rest.ends_with("يه") || rest.starts_with('م') && rest.chars().count() > 4)
        {
            return false;
        }
        if s.starts_with_conj(i) {
            return false;
        }
    } else if !t.starts_with("ال")
        && (t.ends_with("يه") || t.ends_with("يا") && t.chars().count() <= 4)
    {
        // An indefinite adjective right after the head noun (قاعدة جوية، عسكرية).
        return false;
    }
    true
}

/// Runs discovery on a sentence: head noun + name, title + person.
pub fn discover(
    s: &mut Sent,
    lex: &Lexicon,
    original: &dyn Fn(std::ops::Range<usize>) -> String,
    table: &mut EntityTable,
    aliases: &mut LocalAliases,
    roles: &mut Vec<FoundRole>,
) {
    let mut added: Vec<Ment> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        // A head noun introduces a name only in construct, without ال
        // (قاعدة عين الأسد، وزارة الخارجية); "الحكومة تعمل" has no name.
        // (nor after a count: نحو 40 قاعدة ونقطة عسكرية; nor an indefinite
        // one with tanwin: مقراً للتجسس)
        let counted = (i > 0
            && (s.is_number(i - 1) || s.cue_covering(lex, i - 1, CueKind::NumberWord).is_some()))
            || s.is_nominal(i);
        if let Some((end, cue, clitics)) = s.cue_at(lex, i, CueKind::HeadNoun)
            && !clitics.article
            && !s.text(i).starts_with("ال")
            && lex.cues[cue].names
            && !counted
            // (nor when a fixed phrase that names nothing starts with it:
            // قيادة وسيطرة)
            && s.cue_at(lex, i, CueKind::StopWord)
                .is_none_or(|c| c.0 <= end || lex.cues[c.1].names)
        {
            let kind = lex.cues[cue].introduces.unwrap_or(EntityKind::Place);
            // (or after a naming phrase, in quotes: جماعة تطلق على نفسها اسم
            // "سرايا الفجر"; the mention is the name, see `naming`)
            let named = s
                .cue_at(lex, end, CueKind::Naming)
                .map(|c| c.0)
                .filter(|&q| q < s.len() && matches!(s.text(q), "\"" | "«" | "“"))
                // (a quoted name with its own head noun, "كتائب الثأر", is
                // found at that head noun)
                .filter(|&q| {
                    !s.cue_at(lex, q + 1, CueKind::HeadNoun)
                        .is_some_and(|c| lex.cues[c.1].names)
                });
            let (ns, mut ne) = name_span(s, lex, named.unwrap_or(end), !kind.is_place());
            let named_start = named.filter(|_| ne > ns).map(|_| ns);
            // A place named after a person or a country (شارع فلسطين، قاعدة
            // الملك فيصل) is a new place, not that person or country.
            let named_after = kind.is_place()
                && ne == ns
                && s.ment_at(end).is_some_and(|m| {
                    let k = table.get(m.entity).kind;
                    m.start == end
                        && !m.adjectival
                        && !m.role_only
                        && (!k.is_place()
                            || k == EntityKind::Country
                            // (a base named after its town: مطار حماة العسكري)
                            || (kind == EntityKind::MilitaryBase
                                && matches!(k, EntityKind::City | EntityKind::Province)))
                })
                && !s.matches_at(end).any(|x| {
                    x.clitics.prep.is_some() && matches!(x.payload.target, Target::Entity { .. })
                });
            if named_after {
                ne = s.ment_at(end).map_or(ne, |m| m.end);
                // (with its adjective: مطار حماة العسكري، قاعدة حلب الجوية)
                if kind == EntityKind::MilitaryBase
                    && ne < s.len()
                    && s.ment_at(ne).is_none()
                    && s.text(ne).starts_with("ال")
                    && (s.text(ne).ends_with('ي') || s.text(ne).ends_with("يه"))
                {
                    ne += 1;
                }
            }
            if ne > ns && !added.iter().any(|m| m.start < ne && ns < m.end) {
                let name_norm = joined(s, ns, ne);
                let head = original(norm_range(s, i, end));
                let label = if named_start.is_some() {
                    original(norm_range(s, ns, ne))
                } else {
                    format!(
                        "{} {}",
                        strip_proclitics(&head, s, i),
                        original(norm_range(s, ns, ne))
                    )
                };
                // A dual head noun before a gazetteer name that carries its
                // singular head (حقلي العمر وكونيكو: حقل العمر) is that entity.
                let known = (named_start.is_none() && super::dual_head_before(s, lex, end))
                    .then(|| singular_head_name(lex, cue, s.text(end - 1), &name_norm))
                    .flatten();
                let id = slug(&name_norm);
                let entity = match known {
                    Some(li) => table.from_lexicon(lex, li),
                    None => table.discovered(lex, &id, kind, &label),
                };
                aliases
                    .names
                    .insert(words(s, ns, ne), (entity, kind == EntityKind::MilitaryBase));
                added.push(Ment {
                    start: named_start.unwrap_or(i),
                    end: ne,
                    entity,
                    adjectival: false,
                    role_only: false,
                    anaphoric: false,
                    second: None,
                });
                i = ne;
                continue;
            }
        }
        if let Some((end, cue, _)) = s.cue_at(lex, i, CueKind::Title)
            && let Some((m, found)) =
                person_after_title(s, lex, i, end, cue, original, table, aliases, &added)
        {
            roles.extend(found);
            i = m.end.max(i + 1);
            added.push(m);
            continue;
        }
        i += 1;
    }
    merge_ments(s, added);
}

/// The gazetteer entity labelled with the singular of the dual head noun
/// `dual` (one of `cue`'s nouns) before the normalized name `name`
/// (حقلي العمر → حقل العمر), if any.
fn singular_head_name(lex: &Lexicon, cue: usize, dual: &str, name: &str) -> Option<usize> {
    let dual_stem = dual
        .strip_suffix("تي")
        .or_else(|| dual.strip_suffix("تا"))
        .or_else(|| dual.strip_suffix('ي'))?;
    lex.cues[cue].nouns.iter().find_map(|n| {
        // (قاعدتي ← قاعده: the dual's stem ends with the singular's)
        let stem = n.strip_suffix('ه').unwrap_or(n);
        dual_stem
            .ends_with(stem)
            .then(|| lex.entities_named(&format!("{n} {name}")).first().copied())?
    })
}

/// Tokens of a name starting at `from`: a quoted span, or up to three name tokens.
fn name_span(s: &Sent, lex: &Lexicon, from: usize, org: bool) -> (usize, usize) {
    if from < s.len() && matches!(s.text(from), "\"" | "«" | "“") {
        let close =
            (from + 1..(from + 7).min(s.len())).find(|&j| matches!(s.text(j), "\"" | "»" | "”"));
        if let Some(c) = close
            && c > from + 1
            && s.ment_at(from + 1).is_none()
        {
            return (from + 1, c);
        }
        return (from, from);
    }
    let mut end = from;
    while end < s.len() && end - from < 3 && name_token(s, lex, end, end - from) {
        end += 1;
    }
    // An organisation's name goes on with its adjectives (تحالف القوى
    // العراقية، الهيئة التنسيقية للمقاومة الإسلامية); a place's does not.
    if org && end > from {
        while end < s.len() && end - from < 5 {
            let t = s.text(end);
            let adjective = t.starts_with("ال") && (t.ends_with("يه") || t.ends_with('ي'));
            let demonym = s
                .ment_at(end)
                .is_some_and(|m| m.adjectival && m.start == end);
            if !(adjective || demonym) {
                break;
            }
            end = s
                .ment_at(end)
                .filter(|m| m.start == end)
                .map_or(end + 1, |m| m.end);
        }
    }
    (from, end)
}

/// A person's name after a title and its modifiers (nationality, field,
/// organisation): returns the mention and the role found.
#[allow(clippy::too_many_arguments)]
fn person_after_title(
    s: &Sent,
    lex: &Lexicon,
    title_start: usize,
    title_end: usize,
    cue: usize,
    original: &dyn Fn(std::ops::Range<usize>) -> String,
    table: &mut EntityTable,
    aliases: &mut LocalAliases,
    added: &[Ment],
) -> Option<(Ment, Option<FoundRole>)> {
    let mut j = title_end;
    let mut of: Option<usize> = None;
    let mut steps = 0;
    while j < s.len() && steps < 8 {
        steps += 1;
        if let Some(m) = s.ment_at(j).filter(|m| m.start == j) {
            let kind = table.get(m.entity).kind;
            if kind == EntityKind::Person {
                break;
            }
            if m.adjectival || !kind.is_place() || kind == EntityKind::Country {
                of = of.or(Some(m.entity));
                j = m.end;
                continue;
            }
            // في العراق: a place modifying the title. (Not a bare place after
            // an adjective, which ends the title: زار وزير الدفاع الأمريكي
            // قاعدة حرير is the verb's object.)
            let adjective_before = j > title_end
                && s.text(j - 1) != "في"
                && (s.ment_at(j - 1).is_some_and(|p| p.adjectival)
                    || (s.text(j - 1).starts_with("ال") && s.text(j - 1).ends_with('ي')));
            if adjective_before {
                break;
            }
            j = m.end;
            continue;
        }
        if let Some((e, _, _)) = s.cue_at(lex, j, CueKind::Title) {
            j = e;
            continue;
        }
        let t = s.text(j);
        if s.has_cue(lex, j, CueKind::Locative) && t == "في" {
            j += 1;
            continue;
        }
        // (the bloc or province an MP sits for: النائب عن تحالف الفتح)
        if t == "عن"
            && s.ment_at(j + 1)
                .is_some_and(|m| m.start == j + 1 && table.get(m.entity).kind != EntityKind::Person)
        {
            j += 1;
            continue;
        }
        // (the portfolio of an indefinite title in construct, a word or two:
        // وزيرة الجيوش الفرنسية، وزيرة القوات المسلحة الفرنسية)
        if j < title_end + 2
            && (title_end..j).all(|k| s.text(k).starts_with("ال"))
            && t.starts_with("ال")
            && !s.text(title_end - 1).starts_with("ال")
            && s.ment_at(j).is_none()
            && !s.is_punct(j)
        {
            j += 1;
            continue;
        }
        if t == "باسم" || t == "لشوون" || t == "لشؤون" || t == "شوون" {
            j += 1;
            continue;
        }
        if t.starts_with("ال") && (t.ends_with('ي') || t.ends_with("يه") || t == "الشان")
            || t.starts_with("وال") && t.ends_with('ي')
        {
            j += 1;
            continue;
        }
        if t == "،" || t == "," {
            // Apposition: "…للبنتاغون، سابرينا سينغ،".
            if name_token(s, lex, j + 1, 0) && name_token(s, lex, j + 2, 1) {
                j += 1;
            }
            break;
        }
        break;
    }
    let role = lex.cues[cue].label_en.clone().unwrap_or_default();
    let overlaps = |a: usize, b: usize| added.iter().any(|m| m.start < b && a < m.end);
    // A gazetteer person right after the title and its modifiers.
    if let Some(m) = s
        .ment_at(j)
        .filter(|m| m.start == j && table.get(m.entity).kind == EntityKind::Person)
    {
        let m = m.clone();
        let found = FoundRole {
            sentence: s.index,
            person: m.entity,
            of,
            role,
            tok_start: title_start,
            tok_end: m.end,
        };
        // The mention covers the title, so its nationality is not read apart.
        return Some((
            Ment {
                start: title_start,
                ..m
            },
            Some(found),
        ));
    }
    // (علي, the name Ali, normalizes like the preposition على: after a title
    // and spelt with ي, it opens the name when a name word follows)
    let ali = |k: usize| {
        k == j
            && s.text(k) == "علي"
            && original(norm_range(s, k, k + 1)).ends_with('ي')
            && name_token(s, lex, k + 1, 1)
    };
    let mut end = j;
    while end < s.len() && end - j < 4 && (name_token(s, lex, end, end - j) || ali(end)) {
        end += 1;
        // A name ends at a surname with ال (محمد التميمي).
        if s.text(end - 1).starts_with("ال") && end - j >= 2 {
            break;
        }
    }
    if end - j >= 2 && !overlaps(j, end) {
        let name = joined(s, j, end);
        let label = original(norm_range(s, j, end));
        let person = table.discovered(lex, &slug(&name), EntityKind::Person, &label);
        register_person_aliases(s, j, end, person, aliases);
        let found = FoundRole {
            sentence: s.index,
            person,
            of,
            role,
            tok_start: title_start,
            tok_end: end,
        };
        return Some((
            Ment {
                start: title_start,
                end,
                entity: person,
                adjectival: false,
                role_only: false,
                anaphoric: false,
                second: None,
            },
            Some(found),
        ));
    }
    // No name: the role stands for its country or organisation (مسؤول أميركي).
    let of = of?;
    if overlaps(title_start, j) {
        return None;
    }
    Some((
        Ment {
            start: title_start,
            end: j,
            entity: of,
            adjectival: false,
            role_only: true,
            anaphoric: false,
            second: None,
        },
        None,
    ))
}
