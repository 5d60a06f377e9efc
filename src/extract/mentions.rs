//! Entity mentions: gazetteer names resolved leftmost-longest, and the
//! entities the gazetteer lacks, discovered from their context (a head noun
//! such as قاعدة/معسكر/وزارة before a name; a title such as الباحث/وزير
//! الدفاع before a person's name). Discovered names become article-local
//! aliases, so a later "وأضاف التميمي" finds the same person.

use rustc_hash::FxHashMap;

use super::sent::{Ment, Sent};
use super::table::EntityTable;
use crate::lexicon::{CueKind, Lexicon};
use crate::matcher::Target;
use crate::model::{EntityKind, RelationKind, ids::slug};
use crate::text::normalize_str;

/// A relation found while discovering (a person's role).
pub struct FoundRole {
    pub sentence: usize,
    pub person: usize,
    pub of: Option<usize>,
    pub role: String,
    pub tok_start: usize,
    pub tok_end: usize,
}

/// Article-local names of discovered entities: normalized token sequence →
/// entity index, and whether the name needs a head noun before it.
#[derive(Default)]
pub struct LocalAliases {
    pub names: FxHashMap<Vec<String>, (usize, bool)>,
}

impl LocalAliases {
    /// What [`apply_local_aliases`] needs besides the names, computed once
    /// per article (the names are complete before it runs).
    pub fn firsts(&self) -> AliasFirsts<'_> {
        AliasFirsts {
            max_len: self.names.keys().map(Vec::len).max().unwrap_or(0),
            words: self.names.keys().fold(FxHashMap::default(), |mut m, k| {
                if let Some(w) = k.first() {
                    *m.entry(w.as_str()).or_default() |= len_bit(k.len());
                }
                m
            }),
        }
    }
}

/// The longest alias (in words) and the words an alias can start with,
/// each with a bit per length of the aliases it starts.
pub struct AliasFirsts<'a> {
    max_len: usize,
    words: FxHashMap<&'a str, u64>,
}

/// The bit of an alias length (lengths from 63 on share the last bit).
fn len_bit(len: usize) -> u64 {
    1u64 << len.min(63)
}

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
                        || (place && forces_at(s, lex, m.start));
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
    let mut head: Option<(String, EntityKind)> = None;
    for k in 0..s.ments.len() {
        let m = s.ments[k].clone();
        if m.adjectival {
            head = None;
            continue;
        }
        let h = (m.start.saturating_sub(3)..m.start).rev().find_map(|h| {
            s.cue_at(lex, h, CueKind::HeadNoun)
                .filter(|c| c.0 == m.start)
                .and_then(|c| {
                    let cue = &lex.cues[c.1];
                    let form = cue.forms.iter().find_map(|f| match f {
                        crate::lexicon::WordForm::Noun(n) => Some(normalize_str(n)),
                        _ => None,
                    })?;
                    Some((form, cue.introduces?))
                })
        });
        let conjunct =
            head.is_some() && s.starts_with_conj(m.start) && k > 0 && s.ments[k - 1].end == m.start;
        head = h.or(if conjunct { head.take() } else { None });
        let Some((form, kind)) = &head else { continue };
        if table.get(m.entity).kind == *kind || !kind.is_place() {
            continue;
        }
        let clitics = s
            .matches_at(m.start)
            .find(|x| x.end == m.end && matches!(x.payload.target, Target::Entity { .. }))
            .map_or(0, |x| {
                usize::from(x.clitics.conj.is_some()) + usize::from(x.clitics.prep.is_some())
            });
        let mut words: Vec<String> = (m.start..m.end).map(|i| s.text(i).to_string()).collect();
        words[0] = words[0].chars().skip(clitics).collect();
        let name = format!("{form} {}", words.join(" "));
        if let Some(&li) = lex
            .entities_named(&name)
            .iter()
            .find(|&&li| lex.entities[li].kind == Some(*kind))
        {
            s.ments[k].entity = table.from_lexicon(lex, li);
        }
    }
}

/// Whether token `i` is a conjunct (وX) of a strict name that follows a
/// head noun (قاعدتي التنف والشدادي).
fn conjunct_after_head_noun(
    s: &Sent,
    lex: &Lexicon,
    cands: &[(usize, usize, usize, bool, bool)],
    i: usize,
) -> bool {
    s.starts_with_conj(i)
        && cands.iter().any(|c| {
            c.1 == i
                && c.4
                && (after_head_noun(s, lex, c.0) || conjunct_after_head_noun(s, lex, cands, c.0))
        })
}

/// Whether token `i` is where forces are: after في in a sentence that names
/// forces or troops (القوات الأمريكية في حرير). (Not after من or إلى:
/// منعت القوات من التقدم is "from advancing".)
fn forces_at(s: &Sent, lex: &Lexicon, i: usize) -> bool {
    i > 0
        && s.text(i - 1) == "في"
        && (0..s.len())
            .any(|k| s.has_cue(lex, k, CueKind::ForceNoun) || s.has_cue(lex, k, CueKind::TroopNoun))
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
    if s.is_verb(i) {
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
        if let Some((end, cue, clitics)) = s.cue_at(lex, i, CueKind::HeadNoun)
            && !clitics.article
            && !s.text(i).starts_with("ال")
            && lex.cues[cue].names
        {
            let kind = lex.cues[cue].introduces.unwrap_or(EntityKind::Place);
            let (ns, mut ne) = name_span(s, lex, end, !kind.is_place());
            // A place named after a person or a country (شارع فلسطين، قاعدة
            // الملك فيصل) is a new place, not that person or country.
            let named_after = kind.is_place()
                && ne == ns
                && s.ment_at(end).is_some_and(|m| {
                    let k = table.get(m.entity).kind;
                    m.start == end
                        && !m.adjectival
                        && !m.role_only
                        && (!k.is_place() || k == EntityKind::Country)
                })
                && !s.matches_at(end).any(|x| {
                    x.clitics.prep.is_some() && matches!(x.payload.target, Target::Entity { .. })
                });
            if named_after {
                ne = s.ment_at(end).map_or(ne, |m| m.end);
            }
            if ne > ns && !added.iter().any(|m| m.start < ne && ns < m.end) {
                let name_norm = joined(s, ns, ne);
                let head = original(norm_range(s, i, end));
                let label = format!(
                    "{} {}",
                    strip_proclitics(&head, s, i),
                    original(norm_range(s, ns, ne))
                );
                let id = slug(&name_norm);
                let entity = table.discovered(lex, &id, kind, &label);
                aliases
                    .names
                    .insert(words(s, ns, ne), (entity, kind == EntityKind::MilitaryBase));
                added.push(Ment {
                    start: i,
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
            // في العراق: a place modifying the title.
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
    let mut end = j;
    while end < s.len() && end - j < 4 && name_token(s, lex, end, end - j) {
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

/// Registers the surname of every gazetteer person named in full in `s`
/// (بات رايدر … وأضاف رايدر), as for discovered persons.
pub fn gazetteer_person_aliases(s: &Sent, table: &EntityTable, aliases: &mut LocalAliases) {
    for m in &s.ments {
        if m.end - m.start >= 2
            && !m.adjectival
            && !m.role_only
            && !m.anaphoric
            && table.get(m.entity).kind == EntityKind::Person
        {
            register_person_aliases(s, m.start, m.end, m.entity, aliases);
        }
    }
}

fn register_person_aliases(
    s: &Sent,
    start: usize,
    end: usize,
    person: usize,
    aliases: &mut LocalAliases,
) {
    let w = words(s, start, end);
    aliases.names.insert(w.clone(), (person, false));
    let last = w[w.len() - 1].clone();
    if last.chars().count() >= 4 {
        aliases.names.entry(vec![last]).or_insert((person, false));
    }
    if w.len() >= 3 {
        aliases
            .names
            .entry(w[w.len() - 2..].to_vec())
            .or_insert((person, false));
    }
}

/// Adds mentions of article-local aliases (second mentions of discovered
/// entities) that do not overlap existing mentions.
pub fn apply_local_aliases(
    s: &mut Sent,
    lex: &Lexicon,
    aliases: &LocalAliases,
    firsts: &AliasFirsts,
) {
    if aliases.names.is_empty() {
        return;
    }
    let max_len = firsts.max_len;
    // The words an alias can start with: positions whose word (without its
    // clitics) is none of them are skipped without building keys.
    let firsts = &firsts.words;
    let mut added = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let mut hit = None;
        let first = s.text(i);
        let mut lens = 0u64;
        let variants: Vec<&str> = std::iter::once(first)
            .chain(
                ["و", "ف", "ب", "ل", "ك", "وب", "ول", "لل"]
                    .iter()
                    .filter_map(|p| first.strip_prefix(p)),
            )
            .filter(|v| {
                firsts.get(v).is_some_and(|&b| {
                    lens |= b;
                    true
                })
            })
            .collect();
        if variants.is_empty() {
            i += 1;
            continue;
        }
        for len in (1..=max_len.min(s.len() - i)).rev() {
            // (no alias of this length starts with any of the variants)
            if lens & len_bit(len) == 0 {
                continue;
            }
            let mut key: Vec<String> = (i..i + len).map(|k| s.text(k).to_string()).collect();
            for &v in &variants {
                key[0] = v.to_string();
                if let Some(&(e, strict)) = aliases.names.get(&key)
                    && (!strict || after_head_noun(s, lex, i))
                {
                    hit = Some((len, e));
                    break;
                }
            }
            if hit.is_some() {
                break;
            }
        }
        match hit {
            Some((len, e)) if (i..i + len).all(|k| s.ment_at(k).is_none()) => {
                added.push(Ment {
                    start: i,
                    end: i + len,
                    entity: e,
                    adjectival: false,
                    role_only: false,
                    anaphoric: false,
                    second: None,
                });
                i += len;
            }
            _ => i += 1,
        }
    }
    merge_ments(s, added);
}

fn merge_ments(s: &mut Sent, added: Vec<Ment>) {
    if added.is_empty() {
        return;
    }
    // Discovered spans replace the gazetteer mentions they cover (a title's
    // demonym becomes part of the role mention).
    s.ments
        .retain(|m| !added.iter().any(|a| a.start <= m.start && m.end <= a.end));
    s.ments.extend(added);
    s.ments.sort_by_key(|m| (m.start, m.end));
    let mut out: Vec<Ment> = Vec::with_capacity(s.ments.len());
    for m in s.ments.drain(..) {
        if out.last().is_some_and(|l| m.start < l.end) {
            continue;
        }
        out.push(m);
    }
    s.ments = out;
}

/// Normalized byte range of tokens `a..b`.
pub(super) fn norm_range(s: &Sent, a: usize, b: usize) -> std::ops::Range<usize> {
    s.tokens[a].start as usize..s.tokens[b.max(a + 1) - 1].end as usize
}

fn words(s: &Sent, a: usize, b: usize) -> Vec<String> {
    (a..b).map(|k| s.text(k).to_string()).collect()
}

pub(super) fn joined(s: &Sent, a: usize, b: usize) -> String {
    words(s, a, b).join(" ")
}

/// Removes the proclitics seen on token `i` from its original spelling.
pub(super) fn strip_proclitics(orig: &str, s: &Sent, i: usize) -> String {
    let n = s
        .matches_at(i)
        .filter(|m| matches!(m.payload.target, Target::Cue { .. }))
        .map(|m| usize::from(m.clitics.conj.is_some()) + usize::from(m.clitics.prep.is_some()))
        .max()
        .unwrap_or(0);
    let mut letters = 0;
    for (b, c) in orig.char_indices() {
        if letters == n {
            return orig[b..].to_string();
        }
        if !crate::text::normalize::is_arabic_mark(c) {
            letters += 1;
        }
    }
    orig.to_string()
}

/// The relation a role found by discovery gives.
pub fn role_relation(found: &FoundRole) -> Option<(usize, RelationKind, usize, String)> {
    found.of.map(|of| {
        (
            found.person,
            RelationKind::HoldsRole,
            of,
            found.role.clone(),
        )
    })
}

/// Normalized form of an alias key, for tests and lookups.
pub fn alias_key(name: &str) -> Vec<String> {
    normalize_str(name)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}
