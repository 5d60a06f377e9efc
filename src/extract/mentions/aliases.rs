//! Article-local aliases: the full name, surname and last two words of a
//! person registered as aliases, and the second mentions they find in
//! later sentences (وأضاف التميمي).

use super::gazetteer::after_head_noun;
use super::{AliasFirsts, LocalAliases, len_bit, merge_ments, words};
use crate::extract::sent::{Ment, Sent};
use crate::extract::table::EntityTable;
use crate::lexicon::Lexicon;
use crate::model::EntityKind;
use crate::text::normalize_str;

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

pub(super) fn register_person_aliases(
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
        // (the word and the word without each proclitic it starts with; a
        // word that starts with none of their letters has no other variant)
        let mut variants: [&str; 9] = [""; 9];
        let mut n = 0;
        let clitic_letter = first.starts_with(['و', 'ف', 'ب', 'ل', 'ك']);
        let stripped = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "لل"]
            .iter()
            .filter(|_| clitic_letter)
            .filter_map(|p| first.strip_prefix(p));
        for v in std::iter::once(first).chain(stripped) {
            if let Some(&b) = firsts.get(v) {
                lens |= b;
                variants[n] = v;
                n += 1;
            }
        }
        let variants = &variants[..n];
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
            for &v in variants {
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

/// Normalized form of an alias key, for tests and lookups.
pub fn alias_key(name: &str) -> Vec<String> {
    normalize_str(name)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}
