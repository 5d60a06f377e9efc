//! The knowledge graph: entities, event mentions, merged events, relations
//! and articles, held in sorted collections (the source of truth, iterated
//! in a deterministic order) and in a petgraph `StableGraph` for analysis,
//! indexed by stable ids.
//!
//! Build it with [`GraphBuilder`]: add article extractions in input order,
//! then [`GraphBuilder::finish`] merges mentions into events across
//! articles and marks disputed ones.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::stable_graph::{NodeIndex, StableGraph};
use serde::{Deserialize, Serialize};

use super::ids::hash_id;
use super::{
    ArticleExtraction, ArticleMeta, Entity, EventMention, MergedEvent, PartialDate, Polarity,
    Relation, RelationKind,
};

/// A node of the graph: what it is and its stable id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NodeKey {
    Entity(String),
    Event(String),
    Article(String),
}

impl NodeKey {
    pub fn id(&self) -> &str {
        match self {
            NodeKey::Entity(s) | NodeKey::Event(s) | NodeKey::Article(s) => s,
        }
    }
}

/// What an edge says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EdgeKind {
    /// event → actor
    Actor,
    /// event → place
    Place,
    /// event → target
    Target,
    /// event → the entity the claim is attributed to
    AttributedTo,
    /// article → event it reports
    Reports,
    /// entity → entity
    Relation(RelationKind),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub kind: EdgeKind,
    /// Number of mentions (or relation statements) behind the edge.
    pub weight: u32,
}

/// The knowledge graph.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct KnowledgeGraph {
    /// Articles, sorted by id.
    pub articles: Vec<ArticleMeta>,
    /// Entities by id.
    pub entities: BTreeMap<String, Entity>,
    /// Event mentions, sorted by (article, char_start, char_end, id).
    pub mentions: Vec<EventMention>,
    /// Merged events by id.
    pub events: BTreeMap<String, MergedEvent>,
    /// Relations, sorted and deduplicated.
    pub relations: Vec<Relation>,
    #[serde(skip)]
    graph: StableGraph<NodeKey, Edge>,
    #[serde(skip)]
    index: HashMap<NodeKey, NodeIndex>,
}

/// Accumulates article extractions.
#[derive(Default)]
pub struct GraphBuilder {
    articles: Vec<ArticleMeta>,
    entities: BTreeMap<String, Entity>,
    mentions: Vec<EventMention>,
    relations: BTreeSet<Relation>,
}

impl GraphBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, x: ArticleExtraction) {
        self.articles.push(x.meta);
        for e in x.entities {
            match self.entities.get_mut(&e.id) {
                Some(old) => old.aliases.extend(e.aliases),
                None => {
                    self.entities.insert(e.id.clone(), e);
                }
            }
        }
        self.mentions.extend(x.mentions);
        self.relations.extend(x.relations);
    }

    /// Merges mentions into events and builds the graph.
    pub fn finish(self) -> KnowledgeGraph {
        let mut articles = self.articles;
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        let mut mentions = self.mentions;
        mentions.sort_by(|a, b| {
            let ka = (
                &a.provenance.article,
                a.provenance.char_start,
                a.provenance.char_end,
                &a.id,
            );
            let kb = (
                &b.provenance.article,
                b.provenance.char_start,
                b.provenance.char_end,
                &b.id,
            );
            ka.cmp(&kb)
        });
        mentions.dedup_by(|a, b| a.id == b.id);
        let events = merge_events(&mut mentions);
        let mut kg = KnowledgeGraph {
            articles,
            entities: self.entities,
            mentions,
            events,
            relations: self.relations.into_iter().collect(),
            graph: StableGraph::new(),
            index: HashMap::new(),
        };
        kg.rebuild_graph();
        kg
    }
}

/// Groups mentions into events: same action, actor, place, compatible
/// target and dates. Mentions with neither actor nor place stay alone.
fn merge_events(mentions: &mut [EventMention]) -> BTreeMap<String, MergedEvent> {
    type Key = (String, Option<String>, Option<String>);
    let mut groups: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        groups
            .entry((m.action.clone(), m.actor.clone(), m.place.clone()))
            .or_default()
            .push(i);
    }
    let mut events = BTreeMap::new();
    for ((action, actor, place), idx) in groups {
        // Each cluster keeps what decides whether a mention fits in it: the
        // narrowest of its dates and its target. Calendar periods nest
        // (a day in a month in a year), so dates that pairwise overlap all
        // contain the narrowest one, and a mention fits every member exactly
        // when it overlaps that one: the test is O(1), not O(cluster size).
        let mut clusters: Vec<Cluster> = Vec::new();
        for i in idx {
            let m = &mentions[i];
            let mergeable = actor.is_some() || place.is_some();
            let date = m.date.as_ref().and_then(|d| d.start);
            let found = clusters
                .iter_mut()
                .find(|c| mergeable && c.fits(date, m.target.as_deref()));
            match found {
                Some(c) => c.push(i, date, &m.target),
                None => {
                    let mut c = Cluster::default();
                    c.push(i, date, &m.target);
                    clusters.push(c);
                }
            }
        }
        let clusters = clusters.into_iter().map(|c| c.members);
        for c in clusters {
            let first = &mentions[c[0]];
            // The most precise resolved date of the cluster.
            let date = c
                .iter()
                .filter_map(|&j| mentions[j].date.clone())
                .filter(|d| d.start.is_some())
                .min_by_key(|d| d.precision());
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
                        &action,
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
                action: action.clone(),
                actor: actor.clone(),
                place: place.clone(),
                target,
                date,
                mentions: ids,
                articles: c
                    .iter()
                    .map(|&j| mentions[j].provenance.article.clone())
                    .collect(),
                disputed,
            };
            // Two clusters can hash alike only if everything matches: keep one.
            events.entry(id).or_insert(ev);
        }
    }
    events
}

/// A cluster of mentions being merged into one event (see [`merge_events`]).
#[derive(Default)]
struct Cluster {
    members: Vec<usize>,
    /// The narrowest resolved date of the members.
    date: Option<PartialDate>,
    /// The members' target, if any has one (they all agree).
    target: Option<String>,
}

impl Cluster {
    fn fits(&self, date: Option<PartialDate>, target: Option<&str>) -> bool {
        let dates_ok = match (date, self.date) {
            (Some(a), Some(b)) => a.compatible(&b),
            _ => true,
        };
        let targets_ok = match (target, &self.target) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        dates_ok && targets_ok
    }

    fn push(&mut self, i: usize, date: Option<PartialDate>, target: &Option<String>) {
        self.members.push(i);
        if let Some(d) = date {
            let narrower = match self.date {
                None => true,
                Some(old) => {
                    let ((a0, a1), (b0, b1)) = (d.bounds(), old.bounds());
                    a0 >= b0 && a1 <= b1
                }
            };
            if narrower {
                self.date = Some(d);
            }
        }
        if self.target.is_none() {
            self.target.clone_from(target);
        }
    }
}

impl KnowledgeGraph {
    /// Rebuilds the petgraph view from the sorted collections (after
    /// deserializing, for instance). Nodes and edges are added in id order,
    /// so node indices are deterministic.
    pub fn rebuild_graph(&mut self) {
        let mut g: StableGraph<NodeKey, Edge> = StableGraph::new();
        let mut index = HashMap::new();
        let mut node = |g: &mut StableGraph<NodeKey, Edge>, k: NodeKey| {
            *index.entry(k.clone()).or_insert_with(|| g.add_node(k))
        };
        for a in &self.articles {
            node(&mut g, NodeKey::Article(a.id.clone()));
        }
        for id in self.entities.keys() {
            node(&mut g, NodeKey::Entity(id.clone()));
        }
        let mut edges: BTreeMap<(NodeKey, NodeKey, EdgeKind), u32> = BTreeMap::new();
        for ev in self.events.values() {
            node(&mut g, NodeKey::Event(ev.id.clone()));
        }
        for m in &self.mentions {
            let ev = NodeKey::Event(m.event.clone());
            let roles = [
                (&m.actor, EdgeKind::Actor),
                (&m.place, EdgeKind::Place),
                (&m.target, EdgeKind::Target),
                (&m.attributed_to, EdgeKind::AttributedTo),
            ];
            for (e, kind) in roles {
                if let Some(e) = e {
                    *edges
                        .entry((ev.clone(), NodeKey::Entity(e.clone()), kind))
                        .or_default() += 1;
                }
            }
            *edges
                .entry((
                    NodeKey::Article(m.provenance.article.clone()),
                    ev,
                    EdgeKind::Reports,
                ))
                .or_default() += 1;
        }
        for r in &self.relations {
            *edges
                .entry((
                    NodeKey::Entity(r.subject.clone()),
                    NodeKey::Entity(r.object.clone()),
                    EdgeKind::Relation(r.predicate),
                ))
                .or_default() += 1;
        }
        for ((a, b, kind), weight) in edges {
            let (Some(&ia), Some(&ib)) = (index.get(&a), index.get(&b)) else {
                continue;
            };
            g.add_edge(ia, ib, Edge { kind, weight });
        }
        self.graph = g;
        self.index = index;
    }

    /// The petgraph view: nodes are [`NodeKey`]s, edges carry their kind and weight.
    pub fn graph(&self) -> &StableGraph<NodeKey, Edge> {
        &self.graph
    }

    pub fn node(&self, key: &NodeKey) -> Option<NodeIndex> {
        self.index.get(key).copied()
    }

    /// Mentions of one merged event.
    pub fn mentions_of<'a>(
        &'a self,
        event: &'a str,
    ) -> impl Iterator<Item = &'a EventMention> + 'a {
        self.mentions.iter().filter(move |m| m.event == event)
    }

    pub fn article(&self, id: &str) -> Option<&ArticleMeta> {
        self.articles
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.articles[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventDate, Modality, PartialDate, Provenance};

    fn mention(
        id: &str,
        article: &str,
        date: Option<PartialDate>,
        polarity: Polarity,
    ) -> EventMention {
        EventMention {
            id: id.into(),
            event: String::new(),
            action: "withdraw".into(),
            actor: Some("coalition".into()),
            place: Some("ain-al-asad".into()),
            target: None,
            date: date.map(|d| EventDate {
                start: Some(d),
                ..Default::default()
            }),
            polarity,
            modality: Modality::Asserted,
            attributed_to: None,
            troops: None,
            trigger: "انسحاب".into(),
            disputed: false,
            provenance: Provenance {
                article: article.into(),
                sentence: 0,
                char_start: 0,
                char_end: 5,
                quote: "x".into(),
            },
        }
    }

    #[test]
    fn merges_compatible_and_marks_disputes() {
        let mut b = GraphBuilder::new();
        let x1 = ArticleExtraction {
            mentions: vec![mention(
                "m1",
                "a1",
                PartialDate::day(2025, 9, 7),
                Polarity::Positive,
            )],
            ..Default::default()
        };
        let x2 = ArticleExtraction {
            mentions: vec![mention(
                "m2",
                "a2",
                Some(PartialDate::month(2025, 9)),
                Polarity::Negative,
            )],
            ..Default::default()
        };
        let x3 = ArticleExtraction {
            mentions: vec![mention(
                "m3",
                "a3",
                Some(PartialDate::month(2026, 9)),
                Polarity::Positive,
            )],
            ..Default::default()
        };
        b.add(x1);
        b.add(x2);
        b.add(x3);
        let kg = b.finish();
        assert_eq!(kg.events.len(), 2);
        let m1 = kg.mentions.iter().find(|m| m.id == "m1").unwrap();
        let m2 = kg.mentions.iter().find(|m| m.id == "m2").unwrap();
        let m3 = kg.mentions.iter().find(|m| m.id == "m3").unwrap();
        assert_eq!(m1.event, m2.event);
        assert_ne!(m1.event, m3.event);
        assert!(m1.disputed && m2.disputed && !m3.disputed);
        assert_eq!(
            kg.events[&m1.event]
                .date
                .as_ref()
                .unwrap()
                .start
                .unwrap()
                .to_string(),
            "2025-09-07"
        );
    }
}
