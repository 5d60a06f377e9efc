//! Entity mentions: gazetteer names resolved leftmost-longest, and the
//! entities the gazetteer lacks, discovered from their context (a head noun
//! such as قاعدة/معسكر/وزارة before a name; a title such as الباحث/وزير
//! الدفاع before a person's name). Discovered names become article-local
//! aliases, so a later "وأضاف التميمي" finds the same person.
//!
//! This module holds what the passes share: the roles found, the alias
//! table and the token helpers. Gazetteer resolution is in `gazetteer`,
//! discovery after head nouns and titles in `discovery`, second mentions
//! through the aliases in `aliases`.

mod aliases;
mod discovery;
mod gazetteer;

use rustc_hash::FxHashMap;

use super::sent::{Ment, Sent};
use crate::matcher::Target;
use crate::model::RelationKind;
pub use aliases::{alias_key, apply_local_aliases, gazetteer_person_aliases};
pub use discovery::discover;
pub use gazetteer::{after_head_noun, dual_head_before, resolve_gazetteer};

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
    crate::text::normalize::skip_letters(orig, n).to_string()
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
