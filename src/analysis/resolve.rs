//! Finding an entity by any of its names: id, Arabic or English label,
//! gazetteer alternative label, or a surface form seen in the articles,
//! compared after normalization, so الأنبار, انبار, Anbar and Al Anbar all
//! name the same province. Unknown names get suggestions of near matches.

use std::collections::{BTreeSet, HashMap};

use crate::error::{KgError, Result};
use crate::model::{Entity, KnowledgeGraph};
use crate::text::normalize_str;

/// The comparison key of a name: Arabic normalization (hamza forms, ta
/// marbuta, alef maqsura, diacritics, tatweel, digits), lower case,
/// punctuation as spaces, and the definite article dropped from every word
/// (ال in Arabic; al, el and the in Latin script).
pub fn name_key(s: &str) -> String {
    let norm = normalize_str(s).to_lowercase();
    let spaced: String = norm
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out = String::with_capacity(spaced.len());
    for w in spaced.split_whitespace() {
        if matches!(w, "al" | "el" | "the") {
            continue;
        }
        let w = match w.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 2 => rest,
            _ => w,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// How strongly a name belongs to an entity: its own labels beat the
/// surface forms seen in articles when two entities share a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Label,
    Alias,
}

/// An index of the names of a build's entities. Building it costs O(total
/// length of the names); a lookup O(length of the query), and only an
/// unknown name scans every key for suggestions.
pub struct EntityIndex<'a> {
    kg: &'a KnowledgeGraph,
    keys: HashMap<String, Vec<(Strength, &'a str)>>,
}

impl<'a> EntityIndex<'a> {
    pub fn new(kg: &'a KnowledgeGraph) -> Self {
        let mut keys: HashMap<String, Vec<(Strength, &'a str)>> = HashMap::new();
        for e in kg.entities.values() {
            let labels = [e.id.as_str(), e.label_ar.as_str()]
                .into_iter()
                .chain(e.label_en.as_deref())
                .chain(e.alt_labels.iter().map(|(l, _)| l.as_str()));
            let mut add = |name: &str, strength: Strength| {
                let k = name_key(name);
                if k.is_empty() {
                    return;
                }
                let v = keys.entry(k).or_default();
                match v.iter_mut().find(|(_, id)| *id == e.id) {
                    Some(x) => x.0 = x.0.min(strength),
                    None => v.push((strength, e.id.as_str())),
                }
            };
            for l in labels {
                add(l, Strength::Label);
            }
            for a in &e.aliases {
                add(a, Strength::Alias);
            }
        }
        for v in keys.values_mut() {
            v.sort();
        }
        EntityIndex { kg, keys }
    }

    /// The entity a name denotes. An unknown name is an error whose message
    /// suggests near matches; a name shared by several entities (with the
    /// same strength) is an error listing them by id.
    pub fn resolve(&self, name: &str) -> Result<&'a Entity> {
        let trimmed = name.trim();
        if let Some(e) = self.kg.entities.get(trimmed) {
            return Ok(e);
        }
        let key = name_key(trimmed);
        if let Some(hits) = self.keys.get(&key) {
            let best = hits[0].0;
            let top: Vec<&str> = hits.iter().filter(|h| h.0 == best).map(|h| h.1).collect();
            if top.len() == 1 {
                return Ok(&self.kg.entities[top[0]]);
            }
            let list: Vec<String> = top.iter().map(|id| self.describe(id)).collect();
            return Err(KgError::Invalid(format!(
                "«{trimmed}» names several entities: {}; give one by its id",
                list.join(", ")
            )));
        }
        let sugg = self.suggest(trimmed, 5);
        let hint = if sugg.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = sugg.iter().map(|e| self.describe(&e.id)).collect();
            format!("; did you mean {}?", list.join(", "))
        };
        Err(KgError::Invalid(format!(
            "no entity named «{trimmed}» in this build ({} entities){hint}",
            self.kg.entities.len()
        )))
    }

    /// Entities whose names are closest to `name`: names that contain the
    /// query's key or are contained in it first, then by edit distance (at
    /// most a third of the key's length). O(number of keys × key lengths).
    pub fn suggest(&self, name: &str, limit: usize) -> Vec<&'a Entity> {
        let q = name_key(name);
        if q.is_empty() {
            return Vec::new();
        }
        let qc: Vec<char> = q.chars().collect();
        let max = (qc.len() / 3).max(1);
        let mut best: HashMap<&'a str, usize> = HashMap::new();
        for (k, ids) in &self.keys {
            let score = if k.contains(&q) || (q.contains(k.as_str()) && k.chars().count() >= 3) {
                Some(0)
            } else {
                let kc: Vec<char> = k.chars().collect();
                if kc.len().abs_diff(qc.len()) > max {
                    None
                } else {
                    Some(levenshtein(&qc, &kc) + 1).filter(|&d| d <= max + 1)
                }
            };
            if let Some(s) = score {
                for &(_, id) in ids {
                    let e = best.entry(id).or_insert(s);
                    *e = (*e).min(s);
                }
            }
        }
        let mut ranked: Vec<(usize, &'a str)> = best.into_iter().map(|(id, s)| (s, id)).collect();
        ranked.sort();
        let mut seen = BTreeSet::new();
        ranked
            .into_iter()
            .filter(|(_, id)| seen.insert(*id))
            .take(limit)
            .map(|(_, id)| &self.kg.entities[id])
            .collect()
    }

    fn describe(&self, id: &str) -> String {
        let e = &self.kg.entities[id];
        match &e.label_en {
            Some(en) => format!("{} ({}, {en})", e.id, e.label_ar),
            None => format!("{} ({})", e.id, e.label_ar),
        }
    }
}

/// Edit distance between two character sequences. O(|a|·|b|).
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_drop_articles_and_normalize() {
        assert_eq!(name_key("الأنبار"), "انبار");
        assert_eq!(name_key("انبار"), "انبار");
        assert_eq!(name_key("Al Anbar"), "anbar");
        assert_eq!(name_key("Anbar"), "anbar");
        assert_eq!(name_key("Ain al-Asad"), "ain asad");
        assert_eq!(name_key("ain-al-asad"), "ain asad");
        assert_eq!(name_key("عين الأسد"), name_key("عين الاسد"));
        assert_eq!(levenshtein(&['a', 'b'], &['a', 'c', 'b']), 1);
    }
}
