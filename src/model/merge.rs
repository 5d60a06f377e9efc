//! Ordering event mentions and merging them into events, for
//! [`GraphBuilder::finish`](super::graph::GraphBuilder::finish).
//!
//! Both steps sort small integer keys (ranks of the strings compared, and
//! positions) instead of the mentions themselves or maps keyed by cloned
//! strings: at two million mentions, moving 300-byte mentions and chasing
//! string pointers through balanced trees was most of the graph stage.
//! The order is exactly the one the strings give.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::cluster::first_fit;
use super::ids::hash_id;
use super::{EventMention, MergedEvent, PartialDate, Polarity};

/// The rank of each distinct string in sorted order: comparing ranks
/// compares the strings.
fn ranks<'a>(items: impl Iterator<Item = &'a str>) -> FxHashMap<&'a str, u32> {
    let mut map: FxHashMap<&str, u32> = FxHashMap::default();
    for s in items {
        map.entry(s).or_insert(0);
    }
    let mut distinct: Vec<&str> = map.keys().copied().collect();
    distinct.sort_unstable();
    for (r, s) in distinct.into_iter().enumerate() {
        map.insert(s, r as u32);
    }
    map
}

/// The mentions of every article (in input order), sorted by (article,
/// char_start, char_end, id), ties kept in input order, and mentions with
/// the id of the one before them dropped.
pub(super) fn sorted_mentions(parts: Vec<Vec<EventMention>>) -> Vec<EventMention> {
    let n: usize = parts.iter().map(Vec::len).sum();
    let articles = ranks(
        parts
            .iter()
            .flatten()
            .map(|m| m.provenance.article.as_str()),
    );
    // (article rank, char_start, char_end, part, position in part)
    let mut keys: Vec<(u32, usize, usize, u32, u32)> = Vec::with_capacity(n);
    for (p, part) in parts.iter().enumerate() {
        for (i, m) in part.iter().enumerate() {
            let pr = &m.provenance;
            keys.push((
                articles[pr.article.as_str()],
                pr.char_start,
                pr.char_end,
                p as u32,
                i as u32,
            ));
        }
    }
    drop(articles);
    let id = |k: &(u32, usize, usize, u32, u32)| parts[k.3 as usize][k.4 as usize].id.as_str();
    keys.sort_unstable_by(|a, b| {
        (a.0, a.1, a.2)
            .cmp(&(b.0, b.1, b.2))
            .then_with(|| id(a).cmp(id(b)))
            .then_with(|| (a.3, a.4).cmp(&(b.3, b.4)))
    });
    // Mentions keep their size as options (the niche of String), so this
    // collects in place.
    let mut parts: Vec<Vec<Option<EventMention>>> = parts
        .into_iter()
        .map(|p| p.into_iter().map(Some).collect())
        .collect();
    let mut out: Vec<EventMention> = Vec::with_capacity(n);
    for (_, _, _, p, i) in keys {
        let Some(m) = parts[p as usize][i as usize].take() else {
            continue;
        };
        if out.last().is_none_or(|last| last.id != m.id) {
            out.push(m);
        }
    }
    out
}

/// Groups mentions into events: same action, actor, place, compatible
/// target and dates. Mentions with neither actor nor place stay alone.
pub(super) fn merge_events(mentions: &mut [EventMention]) -> BTreeMap<String, MergedEvent> {
    // Groups of (action, actor, place) in the order of those strings
    // (no actor or place first), members in mention order.
    let names = ranks(mentions.iter().flat_map(|m| {
        [Some(&m.action), m.actor.as_ref(), m.place.as_ref()]
            .into_iter()
            .flatten()
            .map(String::as_str)
    }));
    let rank = |s: &Option<String>| s.as_deref().map_or(0, |s| names[s] + 1);
    let mut keys: Vec<(u32, u32, u32, u32)> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            (
                names[m.action.as_str()],
                rank(&m.actor),
                rank(&m.place),
                i as u32,
            )
        })
        .collect();
    drop(names);
    keys.sort_unstable();
    let mut events = BTreeMap::new();
    let mut idx: Vec<usize> = Vec::new();
    let mut start = 0;
    while start < keys.len() {
        let group = (keys[start].0, keys[start].1, keys[start].2);
        idx.clear();
        let mut end = start;
        while end < keys.len() && (keys[end].0, keys[end].1, keys[end].2) == group {
            idx.push(keys[end].3 as usize);
            end += 1;
        }
        start = end;
        let first = &mentions[idx[0]];
        let (action, actor, place) = (
            first.action.clone(),
            first.actor.clone(),
            first.place.clone(),
        );
        merge_group(mentions, &idx, &action, &actor, &place, &mut events);
    }
    events
}

/// Merges the mentions of one (action, actor, place) into events.
fn merge_group(
    mentions: &mut [EventMention],
    idx: &[usize],
    action: &str,
    actor: &Option<String>,
    place: &Option<String>,
    events: &mut BTreeMap<String, MergedEvent>,
) {
    // Each cluster keeps what decides whether a mention fits in it: the
    // narrowest of its dates and its target. Calendar periods nest
    // (a day in a month in a year), so dates that pairwise overlap all
    // contain the narrowest one, and a mention fits every member exactly
    // when it overlaps that one: the test is O(1), not O(cluster size).
    // A mention joins the first cluster it fits (found through an index
    // of the clusters by target and date, see `cluster.rs`).
    let mergeable = actor.is_some() || place.is_some();
    let items: Vec<(usize, Option<PartialDate>, Option<&str>)> = idx
        .iter()
        .map(|&i| {
            let m = &mentions[i];
            (
                i,
                m.date.as_ref().and_then(|d| d.start),
                m.target.as_deref(),
            )
        })
        .collect();
    let clusters: Vec<Vec<usize>> = first_fit(&items, mergeable)
        .into_iter()
        .map(|c| c.members)
        .collect();
    drop(items);
    for c in clusters {
        let first = &mentions[c[0]];
        // The most precise resolved date of the cluster.
        let date = c
            .iter()
            .filter_map(|&j| mentions[j].date.as_ref())
            .filter(|d| d.start.is_some())
            .min_by_key(|d| d.precision())
            .cloned();
        let target = c.iter().find_map(|&j| mentions[j].target.clone());
        let date_key = date
            .as_ref()
            .and_then(|d| d.start)
            .map(|d| d.to_string())
            .unwrap_or_default();
        let id = if actor.is_some() || place.is_some() {
            hash_id(
                "ev",
                &[
                    action,
                    actor.as_deref().unwrap_or(""),
                    place.as_deref().unwrap_or(""),
                    target.as_deref().unwrap_or(""),
                    &date_key,
                ],
            )
        } else {
            hash_id("ev", &[&first.id])
        };
        let polarities: BTreeSet<Polarity> = c.iter().map(|&j| mentions[j].polarity).collect();
        let disputed = polarities.len() > 1;
        let mut ids: Vec<String> = c.iter().map(|&j| mentions[j].id.clone()).collect();
        ids.sort();
        for &j in &c {
            mentions[j].event = id.clone();
            mentions[j].disputed = disputed;
        }
        let ev = MergedEvent {
            id: id.clone(),
            action: action.to_string(),
            actor: actor.clone(),
            place: place.clone(),
            target,
            date,
            mentions: ids,
            articles: {
                // (each distinct article cloned once)
                let mut a: Vec<&str> = c
                    .iter()
                    .map(|&j| mentions[j].provenance.article.as_str())
                    .collect();
                a.sort_unstable();
                a.dedup();
                a.into_iter().map(String::from).collect()
            },
            disputed,
        };
        // Two clusters can hash alike only if everything matches: keep one.
        events.entry(id).or_insert(ev);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Modality, Provenance};

    fn mention(id: &str, article: &str, start: usize, end: usize, trigger: &str) -> EventMention {
        EventMention {
            id: id.into(),
            event: String::new(),
            action: "withdraw".into(),
            actor: None,
            place: None,
            target: None,
            date: None,
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            attributed_to: None,
            troops: None,
            trigger: trigger.into(),
            disputed: false,
            provenance: Provenance {
                article: article.into(),
                sentence: 0,
                char_start: start,
                char_end: end,
                quote: String::new(),
            },
        }
    }

    #[test]
    fn mentions_sort_like_a_stable_sort_and_dedup() {
        // Articles out of order, equal spans, repeated ids (the first one
        // in input order is kept).
        let parts = vec![
            vec![
                mention("m3", "b", 5, 9, "1"),
                mention("m1", "b", 0, 4, "2"),
                mention("m2", "b", 0, 4, "3"),
            ],
            vec![mention("m9", "a", 7, 8, "4"), mention("m1", "b", 0, 4, "5")],
            vec![mention("m2", "b", 0, 4, "6"), mention("m0", "a", 7, 8, "7")],
        ];
        let mut expected: Vec<EventMention> = parts.iter().flatten().cloned().collect();
        expected.sort_by(|a, b| {
            let k = |m: &EventMention| {
                let p = &m.provenance;
                (p.article.clone(), p.char_start, p.char_end, m.id.clone())
            };
            k(a).cmp(&k(b))
        });
        expected.dedup_by(|a, b| a.id == b.id);
        let got = sorted_mentions(parts);
        assert_eq!(got, expected);
        let triggers: Vec<&str> = got.iter().map(|m| m.trigger.as_str()).collect();
        assert_eq!(triggers, ["7", "4", "2", "3", "1"]);
    }
}
