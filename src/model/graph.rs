//! The knowledge graph: entities, event mentions, merged events, relations
//! and articles, held in sorted collections (the source of truth, iterated
//! in a deterministic order) and in a petgraph `StableGraph` for analysis,
//! indexed by stable ids.
//!
//! Build it with [`GraphBuilder`]: add article extractions in input order,
//! then [`GraphBuilder::finish`] merges mentions into events across
//! articles and marks disputed ones.

use std::collections::BTreeMap;

use petgraph::stable_graph::{NodeIndex, StableGraph};
use serde::{Deserialize, Serialize};

use rustc_hash::{FxHashMap, FxHashSet};

use super::merge::{merge_events, sorted_mentions};
use super::{
    ArticleExtraction, ArticleMeta, Entity, EventMention, MergedEvent, Relation, RelationKind,
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
    index: FxHashMap<NodeKey, NodeIndex>,
}

/// Accumulates article extractions. Adding is cheap and does not grow
/// with what was added before (the build adds between parallel chunks):
/// the ordering work is left to [`GraphBuilder::finish`].
#[derive(Default)]
pub struct GraphBuilder {
    articles: Vec<ArticleMeta>,
    entities: FxHashMap<String, Entity>,
    /// Each article's mentions, in input order.
    mentions: Vec<Vec<EventMention>>,
    /// Relations stated in the text (their provenance makes them distinct).
    relations: Vec<Relation>,
    /// Relations from the gazetteer, restated by every article that names
    /// their entities.
    gazetteer: FxHashSet<Relation>,
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
        if !x.mentions.is_empty() {
            self.mentions.push(x.mentions);
        }
        for r in x.relations {
            if r.provenance.is_some() {
                self.relations.push(r);
            } else {
                self.gazetteer.insert(r);
            }
        }
    }

    /// Merges mentions into events and builds the graph.
    pub fn finish(self) -> KnowledgeGraph {
        let mut articles = self.articles;
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        let mut mentions = sorted_mentions(self.mentions);
        let events = merge_events(&mut mentions);
        let mut relations = self.relations;
        relations.extend(self.gazetteer);
        relations.sort_unstable();
        relations.dedup();
        let mut kg = KnowledgeGraph {
            articles,
            entities: self.entities.into_iter().collect(),
            mentions,
            events,
            relations,
            graph: StableGraph::new(),
            index: FxHashMap::default(),
        };
        kg.rebuild_graph();
        kg
    }
}

impl KnowledgeGraph {
    /// Rebuilds the petgraph view from the sorted collections (after
    /// deserializing, for instance). Nodes and edges are added in id order,
    /// so node indices are deterministic.
    pub fn rebuild_graph(&mut self) {
        let mut g: StableGraph<NodeKey, Edge> = StableGraph::new();
        let mut index: FxHashMap<NodeKey, NodeIndex> = FxHashMap::default();
        // The new nodes of each kind in insertion order (entities, events,
        // articles: the order of `NodeKey`), and whether each kind came in
        // increasing id order, in which case that is the nodes' key order.
        let mut order: [Vec<NodeIndex>; 3] = Default::default();
        let mut sorted = true;
        let mut node = |g: &mut StableGraph<NodeKey, Edge>, k: NodeKey, kind: usize| {
            if index.contains_key(&k) {
                return;
            }
            if let Some(&last) = order[kind].last() {
                sorted &= g[last].id() < k.id();
            }
            let i = g.add_node(k.clone());
            order[kind].push(i);
            index.insert(k, i);
        };
        for a in &self.articles {
            node(&mut g, NodeKey::Article(a.id.clone()), 2);
        }
        for id in self.entities.keys() {
            node(&mut g, NodeKey::Entity(id.clone()), 0);
        }
        for ev in self.events.values() {
            node(&mut g, NodeKey::Event(ev.id.clone()), 1);
        }
        // Edges are counted by node indices, then added in the order of
        // their (source key, target key, kind), so edge indices do not
        // depend on hashing.
        let find = Lookup::new(&index);
        let mut edges: FxHashMap<(NodeIndex, NodeIndex, EdgeKind), u32> = FxHashMap::default();
        let mut count = |a: Option<NodeIndex>, b: Option<NodeIndex>, kind: EdgeKind| {
            if let (Some(a), Some(b)) = (a, b) {
                *edges.entry((a, b, kind)).or_default() += 1;
            }
        };
        for m in &self.mentions {
            let ev = find.event(&m.event);
            let roles = [
                (&m.actor, EdgeKind::Actor),
                (&m.place, EdgeKind::Place),
                (&m.target, EdgeKind::Target),
                (&m.attributed_to, EdgeKind::AttributedTo),
            ];
            for (e, kind) in roles {
                if let Some(e) = e {
                    count(ev, find.entity(e), kind);
                }
            }
            count(find.article(&m.provenance.article), ev, EdgeKind::Reports);
        }
        for r in &self.relations {
            count(
                find.entity(&r.subject),
                find.entity(&r.object),
                EdgeKind::Relation(r.predicate),
            );
        }
        let rank = if sorted {
            let mut rank = vec![0; g.node_count()];
            for (r, i) in order.iter().flatten().enumerate() {
                rank[i.index()] = r as u32;
            }
            rank
        } else {
            find.ranks(g.node_count())
        };
        drop(find);
        let mut edges: Vec<_> = edges.into_iter().collect();
        edges.sort_unstable_by_key(|&((a, b, kind), _)| (rank[a.index()], rank[b.index()], kind));
        for ((a, b, kind), weight) in edges {
            g.add_edge(a, b, Edge { kind, weight });
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

/// Node indices by kind and id, borrowed from the node index.
struct Lookup<'a> {
    by_key: FxHashMap<(u8, &'a str), NodeIndex>,
    keys: &'a FxHashMap<NodeKey, NodeIndex>,
}

impl<'a> Lookup<'a> {
    fn new(keys: &'a FxHashMap<NodeKey, NodeIndex>) -> Self {
        let by_key = keys
            .iter()
            .map(|(k, &i)| {
                let kind = match k {
                    NodeKey::Entity(_) => 0,
                    NodeKey::Event(_) => 1,
                    NodeKey::Article(_) => 2,
                };
                ((kind, k.id()), i)
            })
            .collect();
        Lookup { by_key, keys }
    }
    fn entity(&self, id: &str) -> Option<NodeIndex> {
        self.by_key.get(&(0, id)).copied()
    }
    fn event(&self, id: &str) -> Option<NodeIndex> {
        self.by_key.get(&(1, id)).copied()
    }
    fn article(&self, id: &str) -> Option<NodeIndex> {
        self.by_key.get(&(2, id)).copied()
    }
    /// The rank of each node (by index) in the order of the node keys.
    fn ranks(&self, nodes: usize) -> Vec<u32> {
        let mut sorted: Vec<(&NodeKey, NodeIndex)> =
            self.keys.iter().map(|(k, &i)| (k, i)).collect();
        sorted.sort_unstable();
        let mut rank = vec![0; nodes];
        for (r, (_, i)) in sorted.into_iter().enumerate() {
            rank[i.index()] = r as u32;
        }
        rank
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventDate, Modality, PartialDate, Polarity, Provenance};

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
