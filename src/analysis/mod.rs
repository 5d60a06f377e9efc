//! Graph analysis of a [`KnowledgeGraph`], as free functions returning
//! plain data:
//!
//! - [`view`]: the full graph and the entity projection in compact form
//! - [`centrality`]: degree, weighted degree, PageRank, betweenness, closeness
//! - [`components`]: connected components, density, communities
//! - [`paths`]: shortest paths and ego networks
//! - [`resolve`]: finding an entity by any of its names
//! - [`timeline`]: events in date order and the status of bases over time
//!
//! [`analyze`] gathers the per-entity metrics `kg analyze` reports. Every
//! function documents its cost; all are linear in the graph's size except
//! betweenness, which is bounded by a number of sources (see
//! [`centrality::BetweennessOptions`]).

pub mod centrality;
pub mod components;
pub mod paths;
pub mod resolve;
pub mod synthetic;
pub mod timeline;
pub mod view;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{EntityKind, KnowledgeGraph, NodeKey};
pub use centrality::{BetweennessOptions, PageRankOptions};
pub use view::{View, ViewKind};

/// Options of [`analyze`].
#[derive(Clone, Copy, Debug)]
pub struct AnalyzeOptions {
    pub pagerank: PageRankOptions,
    pub betweenness: BetweennessOptions,
    /// Label-propagation sweeps for communities (0: no communities).
    pub community_sweeps: usize,
    /// Length of the top lists.
    pub top: usize,
}

impl Default for AnalyzeOptions {
    fn default() -> Self {
        AnalyzeOptions {
            pagerank: PageRankOptions::default(),
            betweenness: BetweennessOptions::default(),
            community_sweeps: 100,
            top: 10,
        }
    }
}

/// Size and connectivity of a view.
#[derive(Clone, Debug, Serialize)]
pub struct ViewStats {
    pub view: &'static str,
    pub directed: bool,
    pub nodes: usize,
    /// Nodes by type: entity kinds, `event`, `article`.
    pub node_types: BTreeMap<String, usize>,
    pub edges: usize,
    pub density: f64,
    pub components: usize,
    pub largest_component: usize,
}

/// What kg knows about one entity's place in the graph.
#[derive(Clone, Debug, Serialize)]
pub struct EntityMetrics {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub label_ar: String,
    pub label_en: Option<String>,
    /// Full graph: edges in (from events and relations), out (relations).
    pub in_degree: u32,
    pub out_degree: u32,
    pub degree: u32,
    /// Full graph: sum of the weights (mentions, statements) of its edges.
    pub weighted_degree: f64,
    /// Entity projection: entities it is joined to, and the summed weight.
    pub neighbors: u32,
    pub strength: f64,
    /// Entity projection: PageRank, betweenness, closeness (when exact).
    pub pagerank: f64,
    pub betweenness: f64,
    pub closeness: Option<f64>,
    /// Entity projection: connected component and community (0 = largest).
    pub component: u32,
    pub community: Option<u32>,
    /// Merged events with the entity as actor, place, target.
    pub events_as_actor: usize,
    pub events_as_place: usize,
    pub events_as_target: usize,
    /// Event mentions involving it in any role.
    pub mentions: usize,
}

/// The result of [`analyze`].
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub full: ViewStats,
    pub entities: ViewStats,
    pub communities: Option<usize>,
    pub pagerank_iterations: usize,
    pub pagerank_converged: bool,
    pub betweenness_sources: usize,
    pub betweenness_exact: bool,
    /// Every entity, by id.
    pub metrics: Vec<EntityMetrics>,
    /// Indices into `metrics`: by PageRank; actors by events as actor;
    /// places (bases included) and bases by events there.
    pub top_pagerank: Vec<usize>,
    pub top_actors: Vec<usize>,
    pub top_places: Vec<usize>,
    pub top_bases: Vec<usize>,
}

/// Size and connectivity of a view. O(V + E).
pub fn view_stats(view: &View) -> ViewStats {
    let comps = components::components(view);
    let mut node_types = BTreeMap::new();
    for k in &view.nodes {
        let t = match k {
            NodeKey::Entity(id) => view.kg.entities[id].kind.id(),
            NodeKey::Event(_) => "event",
            NodeKey::Article(_) => "article",
        };
        *node_types.entry(t.to_string()).or_insert(0) += 1;
    }
    ViewStats {
        view: view.kind.id(),
        directed: view.directed(),
        nodes: view.len(),
        node_types,
        edges: view.edges.len(),
        density: components::density(view),
        components: comps.count(),
        largest_component: comps.sizes.first().copied().unwrap_or(0),
    }
}

/// Per-entity metrics and the graph's shape. Cost: building both views
/// (O(V + E log E)), PageRank (O(E) per iteration), betweenness (O(k·E),
/// bounded by `opts.betweenness`), components and communities (O(E) per
/// sweep), and O(M) over the mentions.
pub fn analyze(kg: &KnowledgeGraph, opts: &AnalyzeOptions) -> Report {
    let full = View::new(kg, ViewKind::Full);
    let proj = View::new(kg, ViewKind::Entities);
    let full_deg = centrality::degrees(&full);
    let proj_deg = centrality::degrees(&proj);
    let pr = centrality::pagerank(&proj, &opts.pagerank);
    let bc = centrality::betweenness(&proj, &opts.betweenness);
    let comps = components::components(&proj);
    let comms = (opts.community_sweeps > 0)
        .then(|| components::label_propagation(&proj, opts.community_sweeps));

    let mut roles: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    for ev in kg.events.values() {
        for (i, who) in [&ev.actor, &ev.place, &ev.target].into_iter().enumerate() {
            if let Some(id) = who {
                roles.entry(id).or_default()[i] += 1;
            }
        }
    }
    for m in &kg.mentions {
        let mut who: Vec<&str> = [&m.actor, &m.place, &m.target, &m.attributed_to]
            .into_iter()
            .filter_map(|x| x.as_deref())
            .collect();
        who.sort_unstable();
        who.dedup();
        for id in who {
            roles.entry(id).or_default()[3] += 1;
        }
    }

    let metrics: Vec<EntityMetrics> = kg
        .entities
        .values()
        .map(|e| {
            let key = NodeKey::Entity(e.id.clone());
            let f = full.index_of(&key).map(|i| i as usize);
            let p = proj.index_of(&key).map(|i| i as usize).unwrap_or(0);
            let r = roles.get(e.id.as_str()).copied().unwrap_or_default();
            EntityMetrics {
                id: e.id.clone(),
                kind: e.kind,
                label_ar: e.label_ar.clone(),
                label_en: e.label_en.clone(),
                in_degree: f.map_or(0, |f| full_deg.inn[f]),
                out_degree: f.map_or(0, |f| full_deg.out[f]),
                degree: f.map_or(0, |f| full_deg.total(f)),
                weighted_degree: f.map_or(0.0, |f| full_deg.weighted(f)),
                neighbors: proj_deg.total(p),
                strength: proj_deg.weighted(p),
                pagerank: pr.scores[p],
                betweenness: bc.scores[p],
                closeness: bc.closeness.as_ref().map(|c| c[p]),
                component: comps.of[p],
                community: comms.as_ref().map(|c| c.of[p]),
                events_as_actor: r[0],
                events_as_place: r[1],
                events_as_target: r[2],
                mentions: r[3],
            }
        })
        .collect();

    let top = |filter: &dyn Fn(&EntityMetrics) -> bool,
               key: &dyn Fn(&EntityMetrics) -> (usize, f64)| {
        let mut idx: Vec<usize> = (0..metrics.len())
            .filter(|&i| filter(&metrics[i]))
            .collect();
        idx.sort_by(|&a, &b| {
            let (ka, kb) = (key(&metrics[a]), key(&metrics[b]));
            kb.0.cmp(&ka.0)
                .then(kb.1.total_cmp(&ka.1))
                .then(metrics[a].id.cmp(&metrics[b].id))
        });
        idx.truncate(opts.top);
        idx
    };
    let top_pagerank = top(&|_| true, &|m| (0, m.pagerank));
    let top_actors = top(&|m| m.events_as_actor > 0, &|m| {
        (m.events_as_actor, m.pagerank)
    });
    let top_places = top(&|m| m.kind.is_place() && m.events_as_place > 0, &|m| {
        (m.events_as_place, m.pagerank)
    });
    let top_bases = top(
        &|m| m.kind == EntityKind::MilitaryBase && m.events_as_place > 0,
        &|m| (m.events_as_place, m.pagerank),
    );
    Report {
        full: view_stats(&full),
        entities: view_stats(&proj),
        communities: comms.as_ref().map(|c| c.count()),
        pagerank_iterations: pr.iterations,
        pagerank_converged: pr.converged,
        betweenness_sources: bc.sources,
        betweenness_exact: bc.exact,
        metrics,
        top_pagerank,
        top_actors,
        top_places,
        top_bases,
    }
}

#[cfg(test)]
mod tests;
