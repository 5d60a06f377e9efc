//! Graph views of a [`KnowledgeGraph`] in a compact form for the
//! algorithms: nodes numbered `0..n` in a deterministic order, the edges as
//! exported, and a CSR adjacency with parallel edges merged.
//!
//! - [`ViewKind::Full`]: every node of the knowledge graph (entities, events,
//!   articles) and every edge, directed: event → actor / place / target /
//!   source of the claim, article → event it reports, entity → entity for
//!   static relations. Edge weight: the mentions (or relation statements)
//!   behind the edge.
//! - [`ViewKind::Entities`]: the entity projection, undirected. Two entities
//!   are joined when they take part in the same event (as actor, place or
//!   target; the source a claim is attributed to is not a participant) or
//!   are linked by a static relation (located-in, led-by …). Edge weight: the
//!   number of distinct events joining the pair plus one per relation;
//!   the edge keeps the events and relations, so it is labelled with their
//!   actions. Self-pairs (an entity that is both actor and place) are left
//!   out.
//!
//! Building a view costs O(V + E log E) (edges are sorted once).

use std::collections::HashMap;

use crate::model::{EdgeKind, KnowledgeGraph, MergedEvent, NodeKey, RelationKind};

/// The views kg analyses and exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ViewKind {
    Full,
    Entities,
}

impl ViewKind {
    pub const ALL: &'static [ViewKind] = &[ViewKind::Full, ViewKind::Entities];

    /// The id used on the command line (`--view full|entities`).
    pub fn id(self) -> &'static str {
        match self {
            ViewKind::Full => "full",
            ViewKind::Entities => "entities",
        }
    }

    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.id() == s)
    }

    pub fn description(self) -> &'static str {
        match self {
            ViewKind::Full => "entities, events and articles, directed",
            ViewKind::Entities => {
                "entities joined by the events they share and by static relations, undirected"
            }
        }
    }

    pub fn directed(self) -> bool {
        self == ViewKind::Full
    }
}

impl std::fmt::Display for ViewKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// What an edge of a view stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum EdgeWhat {
    /// An edge of the knowledge graph (full view).
    Kg(EdgeKind),
    /// Entity projection: the events (indices into [`View::events`], sorted)
    /// and the static relations joining the pair.
    Joined {
        events: Vec<u32>,
        relations: Vec<RelationKind>,
    },
}

/// One edge as exported; `source < target` in undirected views.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewEdge {
    pub source: u32,
    pub target: u32,
    pub weight: f64,
    pub what: EdgeWhat,
}

/// Compressed adjacency: the neighbours of `v` are
/// `targets[offsets[v]..offsets[v + 1]]`, sorted, with merged weights.
#[derive(Clone, Debug, Default)]
pub struct Csr {
    pub offsets: Vec<usize>,
    pub targets: Vec<u32>,
    pub weights: Vec<f64>,
}

impl Csr {
    /// Builds from (source, target, weight) triples; parallel edges are
    /// merged by summing their weights. O(E log E).
    fn new(n: usize, mut arcs: Vec<(u32, u32, f64)>) -> Self {
        arcs.sort_by_key(|a| (a.0, a.1));
        let mut offsets = vec![0usize; n + 1];
        let mut targets = Vec::with_capacity(arcs.len());
        let mut weights: Vec<f64> = Vec::with_capacity(arcs.len());
        let mut last: Option<(u32, u32)> = None;
        for (s, t, w) in arcs {
            if last == Some((s, t)) {
                if let Some(x) = weights.last_mut() {
                    *x += w;
                }
                continue;
            }
            last = Some((s, t));
            offsets[s as usize + 1] += 1;
            targets.push(t);
            weights.push(w);
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        Csr {
            offsets,
            targets,
            weights,
        }
    }

    pub fn neighbors(&self, v: u32) -> &[u32] {
        &self.targets[self.offsets[v as usize]..self.offsets[v as usize + 1]]
    }

    pub fn weights(&self, v: u32) -> &[f64] {
        &self.weights[self.offsets[v as usize]..self.offsets[v as usize + 1]]
    }

    /// Number of (merged) arcs.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }
}

/// A view of the knowledge graph, ready for the algorithms of this module.
pub struct View<'a> {
    pub kind: ViewKind,
    pub kg: &'a KnowledgeGraph,
    /// Nodes in a deterministic order (entities, then events, then articles,
    /// each by id).
    pub nodes: Vec<NodeKey>,
    /// Edges as exported, sorted by (source, target, kind).
    pub edges: Vec<ViewEdge>,
    /// The merged events in id order (what [`EdgeWhat::Joined`] refers to).
    pub events: Vec<&'a MergedEvent>,
    /// Outgoing arcs (both directions for undirected views), merged.
    pub out: Csr,
    /// Incoming arcs of directed views (empty for undirected ones).
    pub inc: Csr,
    index: HashMap<NodeKey, u32>,
}

impl<'a> View<'a> {
    /// Builds a view. O(V + E log E).
    pub fn new(kg: &'a KnowledgeGraph, kind: ViewKind) -> Self {
        match kind {
            ViewKind::Full => full(kg),
            ViewKind::Entities => entities(kg),
        }
    }

    pub fn directed(&self) -> bool {
        self.kind.directed()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The index of a node, if it is in the view.
    pub fn index_of(&self, key: &NodeKey) -> Option<u32> {
        self.index.get(key).copied()
    }

    /// The index of an entity by id.
    pub fn entity(&self, id: &str) -> Option<u32> {
        self.index_of(&NodeKey::Entity(id.to_string()))
    }

    /// All neighbours regardless of direction (weak connectivity), sorted
    /// and deduplicated into `buf`.
    pub fn undirected_neighbors<'b>(&'b self, v: u32, buf: &'b mut Vec<u32>) -> &'b [u32] {
        if !self.directed() {
            return self.out.neighbors(v);
        }
        buf.clear();
        buf.extend_from_slice(self.out.neighbors(v));
        buf.extend_from_slice(self.inc.neighbors(v));
        buf.sort_unstable();
        buf.dedup();
        buf
    }

    /// The edge joining two nodes of the entity projection, if any.
    pub fn edge_between(&self, a: u32, b: u32) -> Option<&ViewEdge> {
        let (s, t) = if self.directed() || a < b {
            (a, b)
        } else {
            (b, a)
        };
        let i = self
            .edges
            .partition_point(|e| (e.source, e.target) < (s, t));
        self.edges.get(i).filter(|e| e.source == s && e.target == t)
    }

    fn finish(
        kind: ViewKind,
        kg: &'a KnowledgeGraph,
        nodes: Vec<NodeKey>,
        index: HashMap<NodeKey, u32>,
        mut edges: Vec<ViewEdge>,
        events: Vec<&'a MergedEvent>,
    ) -> Self {
        edges.sort_by(|a, b| {
            (a.source, a.target)
                .cmp(&(b.source, b.target))
                .then_with(|| edge_rank(&a.what).cmp(&edge_rank(&b.what)))
        });
        let n = nodes.len();
        let directed = kind.directed();
        let mut arcs = Vec::with_capacity(edges.len() * if directed { 1 } else { 2 });
        for e in &edges {
            arcs.push((e.source, e.target, e.weight));
            if !directed {
                arcs.push((e.target, e.source, e.weight));
            }
        }
        let inc = if directed {
            Csr::new(n, arcs.iter().map(|&(s, t, w)| (t, s, w)).collect())
        } else {
            Csr::new(n, Vec::new())
        };
        let out = Csr::new(n, arcs);
        View {
            kind,
            kg,
            nodes,
            edges,
            events,
            out,
            inc,
            index,
        }
    }
}

fn edge_rank(w: &EdgeWhat) -> Option<EdgeKind> {
    match w {
        EdgeWhat::Kg(k) => Some(*k),
        EdgeWhat::Joined { .. } => None,
    }
}

fn full(kg: &KnowledgeGraph) -> View<'_> {
    let g = kg.graph();
    let mut nodes: Vec<NodeKey> = g.node_weights().cloned().collect();
    nodes.sort();
    let index: HashMap<NodeKey, u32> = nodes
        .iter()
        .enumerate()
        .map(|(i, k)| (k.clone(), i as u32))
        .collect();
    // petgraph index → view index.
    let mut map = vec![u32::MAX; g.node_indices().map(|i| i.index() + 1).max().unwrap_or(0)];
    for i in g.node_indices() {
        map[i.index()] = index[&g[i]];
    }
    let edges = g
        .edge_indices()
        .filter_map(|e| {
            let (s, t) = g.edge_endpoints(e)?;
            let (s, t) = (map[s.index()], map[t.index()]);
            (s != t).then(|| ViewEdge {
                source: s,
                target: t,
                weight: f64::from(g[e].weight),
                what: EdgeWhat::Kg(g[e].kind),
            })
        })
        .collect();
    View::finish(
        ViewKind::Full,
        kg,
        nodes,
        index,
        edges,
        kg.events.values().collect(),
    )
}

fn entities(kg: &KnowledgeGraph) -> View<'_> {
    let nodes: Vec<NodeKey> = kg.entities.keys().cloned().map(NodeKey::Entity).collect();
    let index: HashMap<NodeKey, u32> = nodes
        .iter()
        .enumerate()
        .map(|(i, k)| (k.clone(), i as u32))
        .collect();
    let by_id: HashMap<&str, u32> = kg
        .entities
        .keys()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i as u32))
        .collect();
    let ent = |id: Option<&str>| id.and_then(|id| by_id.get(id).copied());
    let events: Vec<&MergedEvent> = kg.events.values().collect();
    // (a, b, code) with a < b: code is an event index, or REL + the index
    // of a relation kind. Sorting groups the pairs (cache-friendly, unlike a
    // map of pairs) with their events in index order.
    const REL: u32 = u32::MAX - 64;
    let mut triples: Vec<(u32, u32, u32)> = Vec::with_capacity(events.len() * 2);
    for (ei, ev) in events.iter().enumerate() {
        let mut who: Vec<u32> = [&ev.actor, &ev.place, &ev.target]
            .into_iter()
            .filter_map(|x| ent(x.as_deref()))
            .collect();
        who.sort_unstable();
        who.dedup();
        for (i, &a) in who.iter().enumerate() {
            for &b in &who[i + 1..] {
                triples.push((a, b, ei as u32));
            }
        }
    }
    for r in &kg.relations {
        let (Some(a), Some(b)) = (ent(Some(&r.subject)), ent(Some(&r.object))) else {
            continue;
        };
        if a != b {
            let k = RelationKind::ALL
                .iter()
                .position(|&k| k == r.predicate)
                .unwrap_or(0) as u32;
            triples.push((a.min(b), a.max(b), REL + k));
        }
    }
    triples.sort_unstable();
    triples.dedup();
    let mut edges: Vec<ViewEdge> = Vec::new();
    for group in triples.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let events: Vec<u32> = group.iter().filter(|t| t.2 < REL).map(|t| t.2).collect();
        let relations: Vec<RelationKind> = group
            .iter()
            .filter(|t| t.2 >= REL)
            .map(|t| RelationKind::ALL[(t.2 - REL) as usize])
            .collect();
        edges.push(ViewEdge {
            source: group[0].0,
            target: group[0].1,
            weight: (events.len() + relations.len()) as f64,
            what: EdgeWhat::Joined { events, relations },
        });
    }
    View::finish(ViewKind::Entities, kg, nodes, index, edges, events)
}
