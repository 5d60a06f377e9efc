//! The graph as the visualisation exports see it: one model built from a
//! [`View`] that the DOT, GEXF, GraphML and Gephi CSV writers all render,
//! so every format carries the same nodes, edges and attribute values.
//!
//! Attributes are declared once ([`AttrDef`]), per view:
//!
//! | nodes | edges |
//! |---|---|
//! | `type` (entity kind, `event`, `article`), `label_ar`, `label_en`, `action`, `date`, `date_end`, `precision`, `polarity`, `modality`, `disputed`, `sources`, `articles`, `events`, `pagerank`, `betweenness` (entity view), `component` | `kind` (role, `reports`, relation, `events`), `action`, `date`, `date_end`, `precision`, `polarity`, `modality`, `sources`, `articles`, `events` |
//!
//! plus each format's own label and weight. `sources` lists at most
//! [`MAX_SOURCES`] article ids (the first by id); `articles` counts them all.
//! An event's polarity is negative when every mention denies it; its
//! modality the strongest among its mentions (asserted > planned >
//! hypothetical). Node size follows PageRank in the view.
//!
//! Building the model costs O(V + E log E + M) plus PageRank (O(E) per
//! iteration) and, for the entity view, betweenness (bounded, see
//! [`BetweennessOptions`]).

use std::collections::{BTreeSet, HashMap};

use crate::analysis::centrality::{BetweennessOptions, PageRankOptions, betweenness, pagerank};
use crate::analysis::components::components;
use crate::analysis::view::{EdgeWhat, View, ViewKind};
use crate::lexicon::Lexicon;
use crate::model::{
    EdgeKind, EntityKind, EventDate, KnowledgeGraph, Modality, NodeKey, PartialDate, Polarity,
};

/// At most this many article ids in a `sources` attribute.
pub const MAX_SOURCES: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrType {
    String,
    Double,
    Integer,
    Boolean,
}

impl AttrType {
    /// The type name in GEXF and GraphML.
    pub fn xml_name(self, graphml: bool) -> &'static str {
        match self {
            AttrType::String => "string",
            AttrType::Double => "double",
            AttrType::Integer if graphml => "int",
            AttrType::Integer => "integer",
            AttrType::Boolean => "boolean",
        }
    }
}

/// A declared attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttrDef {
    pub name: &'static str,
    pub ty: AttrType,
}

const fn s(name: &'static str) -> AttrDef {
    AttrDef {
        name,
        ty: AttrType::String,
    }
}

const NODE_ATTRS: &[AttrDef] = &[
    s("type"),
    s("label_ar"),
    s("label_en"),
    s("action"),
    s("date"),
    s("date_end"),
    s("precision"),
    s("polarity"),
    s("modality"),
    AttrDef {
        name: "disputed",
        ty: AttrType::Boolean,
    },
    s("sources"),
    AttrDef {
        name: "articles",
        ty: AttrType::Integer,
    },
    AttrDef {
        name: "events",
        ty: AttrType::Integer,
    },
    AttrDef {
        name: "pagerank",
        ty: AttrType::Double,
    },
    AttrDef {
        name: "betweenness",
        ty: AttrType::Double,
    },
    AttrDef {
        name: "component",
        ty: AttrType::Integer,
    },
];

const EDGE_ATTRS: &[AttrDef] = &[
    s("kind"),
    s("action"),
    s("date"),
    s("date_end"),
    s("precision"),
    s("polarity"),
    s("modality"),
    s("sources"),
    AttrDef {
        name: "articles",
        ty: AttrType::Integer,
    },
    AttrDef {
        name: "events",
        ty: AttrType::Integer,
    },
];

/// A value of an attribute.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    Double(f64),
    Int(i64),
    Bool(bool),
}

impl std::fmt::Display for Value {
    /// The lexical form written in every format: shortest round-trip
    /// decimal for doubles, `true`/`false` for booleans.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Str(s) => f.write_str(s),
            Value::Double(x) => write!(f, "{x:?}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// What a node is, for shapes and colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeClass {
    Entity(EntityKind),
    Event,
    Article,
}

impl NodeClass {
    pub fn id(self) -> &'static str {
        match self {
            NodeClass::Entity(k) => k.id(),
            NodeClass::Event => "event",
            NodeClass::Article => "article",
        }
    }

    /// Fill colour (r, g, b): bases red, states blue, places green, actors
    /// warm colours, events yellow, articles grey.
    pub fn color(self) -> (u8, u8, u8) {
        match self {
            NodeClass::Entity(k) => match k {
                EntityKind::MilitaryBase => (214, 39, 40),
                EntityKind::Country => (31, 119, 180),
                EntityKind::Province => (114, 158, 206),
                EntityKind::Region => (158, 202, 225),
                EntityKind::City => (44, 160, 44),
                EntityKind::Place => (152, 223, 138),
                EntityKind::Person => (255, 127, 14),
                EntityKind::GovernmentBody => (148, 103, 189),
                EntityKind::MilitaryForce => (140, 86, 75),
                EntityKind::Alliance => (227, 119, 194),
                EntityKind::ArmedGroup => (188, 189, 34),
                EntityKind::Organisation => (23, 190, 207),
                EntityKind::NewsOutlet => (199, 199, 199),
            },
            NodeClass::Event => (255, 221, 113),
            NodeClass::Article => (230, 230, 230),
        }
    }
}

/// What an edge is, for styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeClass {
    /// Full view: an edge of the knowledge graph.
    Kg(EdgeKind),
    /// Entity view: events (and perhaps relations) join the pair.
    Events,
    /// Entity view: only static relations join the pair.
    Relations,
}

#[derive(Clone, Debug)]
pub struct VNode {
    pub id: String,
    /// Arabic label, then the English one when known (` · `).
    pub label: String,
    pub class: NodeClass,
    /// Values aligned with [`Visual::node_attrs`]; `None` when not applicable.
    pub values: Vec<Option<Value>>,
    pub pagerank: f64,
    /// Size for viewers, by PageRank (4 to 40).
    pub size: f64,
    /// Interval (ISO dates) for dynamic graphs: event nodes only.
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Clone, Debug)]
pub struct VEdge {
    pub id: String,
    pub source: usize,
    pub target: usize,
    pub label: String,
    pub weight: f64,
    pub class: EdgeClass,
    /// Values aligned with [`Visual::edge_attrs`].
    pub values: Vec<Option<Value>>,
    /// The strongest modality of the events behind the edge (none for relations).
    pub modality: Option<Modality>,
    /// Every event behind the edge is denied.
    pub negated: bool,
    pub start: Option<String>,
    pub end: Option<String>,
}

/// The model the visualisation writers render.
#[derive(Clone, Debug)]
pub struct Visual {
    pub view: ViewKind,
    pub directed: bool,
    pub node_attrs: Vec<AttrDef>,
    pub edge_attrs: Vec<AttrDef>,
    pub nodes: Vec<VNode>,
    pub edges: Vec<VEdge>,
}

/// Polarity and modality of a merged event, from its mentions.
#[derive(Clone, Copy, Debug, Default)]
struct EventStance {
    positive: bool,
    negative: bool,
    modality: Option<Modality>,
}

fn stronger(a: Option<Modality>, b: Modality) -> Modality {
    let rank = |m: Modality| match m {
        Modality::Asserted => 2,
        Modality::Planned => 1,
        Modality::Hypothetical => 0,
    };
    match a {
        Some(a) if rank(a) >= rank(b) => a,
        _ => b,
    }
}

fn interval(d: Option<&EventDate>) -> (Option<String>, Option<String>) {
    let Some(start) = d.and_then(|d| d.start) else {
        return (None, None);
    };
    let end = d.and_then(|d| d.end).unwrap_or(start);
    let fmt = |(y, m, d): (i32, u8, u8)| format!("{y:04}-{m:02}-{d:02}");
    (Some(fmt(start.bounds().0)), Some(fmt(end.bounds().1)))
}

fn sources<'a>(articles: impl IntoIterator<Item = &'a String>) -> (Option<Value>, Option<Value>) {
    let all: BTreeSet<&String> = articles.into_iter().collect();
    if all.is_empty() {
        return (None, None);
    }
    let list: Vec<&str> = all.iter().take(MAX_SOURCES).map(|s| s.as_str()).collect();
    (
        Some(Value::Str(list.join("|"))),
        Some(Value::Int(all.len() as i64)),
    )
}

fn str_value(s: &str) -> Option<Value> {
    (!s.is_empty()).then(|| Value::Str(s.to_string()))
}

/// Builds the model of a view. The lexicon, when given, supplies the
/// Arabic labels of actions.
pub fn visual(kg: &KnowledgeGraph, lex: Option<&Lexicon>, kind: ViewKind) -> Visual {
    let view = View::new(kg, kind);
    let pr = pagerank(&view, &PageRankOptions::default());
    let bc = (kind == ViewKind::Entities)
        .then(|| betweenness(&view, &BetweennessOptions::default()).scores);
    let comps = components(&view);
    let node_attrs: Vec<AttrDef> = NODE_ATTRS
        .iter()
        .copied()
        .filter(|a| a.name != "betweenness" || bc.is_some())
        .collect();
    let edge_attrs = EDGE_ATTRS.to_vec();

    let mut stance: HashMap<&str, EventStance> = HashMap::new();
    for m in &kg.mentions {
        let s = stance.entry(m.event.as_str()).or_default();
        s.positive |= m.polarity == Polarity::Positive;
        s.negative |= m.polarity == Polarity::Negative;
        s.modality = Some(stronger(s.modality, m.modality));
    }
    let mut entity_events: HashMap<&str, usize> = HashMap::new();
    for ev in kg.events.values() {
        let mut who: Vec<&str> = [&ev.actor, &ev.place, &ev.target]
            .into_iter()
            .filter_map(|x| x.as_deref())
            .collect();
        who.sort_unstable();
        who.dedup();
        for w in who {
            *entity_events.entry(w).or_insert(0) += 1;
        }
    }
    let action_ar = |a: &str| {
        lex.and_then(|l| l.action(a))
            .and_then(|d| d.label_ar.clone())
            .unwrap_or_default()
    };
    let max_pr = pr.scores.iter().copied().fold(0.0, f64::max);
    let mut rel_articles: RelArticles = HashMap::new();
    for r in &kg.relations {
        if let Some(p) = &r.provenance {
            rel_articles
                .entry((r.subject.as_str(), r.object.as_str()))
                .or_default()
                .push(&p.article);
        }
    }

    let nodes: Vec<VNode> = view
        .nodes
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let mut v: HashMap<&str, Value> = HashMap::new();
            let (label, class, start, end) = match key {
                NodeKey::Entity(id) => {
                    let e = &kg.entities[id];
                    v.insert("label_ar", Value::Str(e.label_ar.clone()));
                    if let Some(en) = &e.label_en {
                        v.insert("label_en", Value::Str(en.clone()));
                    }
                    v.insert(
                        "events",
                        Value::Int(*entity_events.get(id.as_str()).unwrap_or(&0) as i64),
                    );
                    let label = match &e.label_en {
                        Some(en) => format!("{} · {en}", e.label_ar),
                        None => e.label_ar.clone(),
                    };
                    (label, NodeClass::Entity(e.kind), None, None)
                }
                NodeKey::Event(id) => {
                    let ev = &kg.events[id];
                    let st = stance.get(id.as_str()).copied().unwrap_or_default();
                    let ar = action_ar(&ev.action);
                    v.insert("action", Value::Str(ev.action.clone()));
                    if !ar.is_empty() {
                        v.insert("label_ar", Value::Str(ar.clone()));
                    }
                    v.insert("label_en", Value::Str(ev.action.clone()));
                    event_values(&mut v, ev.date.as_ref(), &st);
                    v.insert("disputed", Value::Bool(ev.disputed));
                    v.insert("events", Value::Int(1));
                    let (src, n) = sources(&ev.articles);
                    src.map(|x| v.insert("sources", x));
                    n.map(|x| v.insert("articles", x));
                    let date = ev
                        .date
                        .as_ref()
                        .and_then(|d| d.start)
                        .map(|d| d.to_string());
                    let action = if st.negative && !st.positive {
                        format!("not {}", ev.action)
                    } else {
                        ev.action.clone()
                    };
                    let label = [Some(ar), Some(action), date]
                        .into_iter()
                        .flatten()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    let (start, end) = interval(ev.date.as_ref());
                    (label, NodeClass::Event, start, end)
                }
                NodeKey::Article(id) => {
                    let a = kg.article(id);
                    let title = a
                        .and_then(|a| a.title.clone())
                        .unwrap_or_else(|| id.clone());
                    if let Some(t) = a.and_then(|a| a.title.as_deref()) {
                        v.insert("label_ar", Value::Str(t.to_string()));
                    }
                    if let Some(p) = a.and_then(|a| a.published) {
                        v.insert("date", Value::Str(p.to_string()));
                        v.insert("precision", Value::Str(p.precision().id().to_string()));
                    }
                    if let Some(s) = a.and_then(|a| a.source.as_deref()) {
                        v.insert("sources", Value::Str(s.to_string()));
                    }
                    (title, NodeClass::Article, None, None)
                }
            };
            v.insert("type", Value::Str(class.id().to_string()));
            v.insert("pagerank", Value::Double(pr.scores[i]));
            if let Some(bc) = &bc {
                v.insert("betweenness", Value::Double(bc[i]));
            }
            v.insert("component", Value::Int(i64::from(comps.of[i])));
            let rel = if max_pr > 0.0 {
                pr.scores[i] / max_pr
            } else {
                0.0
            };
            VNode {
                id: key.id().to_string(),
                label,
                class,
                values: node_attrs.iter().map(|a| v.remove(a.name)).collect(),
                pagerank: pr.scores[i],
                size: 4.0 + 36.0 * rel.sqrt(),
                start,
                end,
            }
        })
        .collect();

    let edges = view
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| edge(kg, &view, &stance, &rel_articles, &edge_attrs, i, e))
        .collect();
    Visual {
        view: kind,
        directed: view.directed(),
        node_attrs,
        edge_attrs,
        nodes,
        edges,
    }
}

fn event_values(v: &mut HashMap<&str, Value>, date: Option<&EventDate>, st: &EventStance) {
    if let Some(d) = date.filter(|d| d.is_resolved()) {
        if let Some(s) = d.start {
            v.insert("date", Value::Str(s.to_string()));
        }
        if let Some(e) = d.end {
            v.insert("date_end", Value::Str(e.to_string()));
        }
        v.insert("precision", Value::Str(d.precision().id().to_string()));
    }
    let polarity = if st.negative && !st.positive {
        Polarity::Negative
    } else {
        Polarity::Positive
    };
    v.insert("polarity", Value::Str(polarity.id().to_string()));
    if let Some(m) = st.modality {
        v.insert("modality", Value::Str(m.id().to_string()));
    }
}

/// Articles stating each (subject, object) relation.
type RelArticles<'a> = HashMap<(&'a str, &'a str), Vec<&'a String>>;

#[allow(clippy::too_many_arguments)]
fn edge(
    kg: &KnowledgeGraph,
    view: &View,
    stance: &HashMap<&str, EventStance>,
    rel_articles: &RelArticles,
    attrs: &[AttrDef],
    i: usize,
    e: &crate::analysis::view::ViewEdge,
) -> VEdge {
    let mut v: HashMap<&str, Value> = HashMap::new();
    let node_id = |n: u32| view.nodes[n as usize].id();
    let (label, class, modality, negated, start, end) = match &e.what {
        EdgeWhat::Kg(kind) => {
            let kind_id = match kind {
                EdgeKind::Actor => "actor",
                EdgeKind::Place => "place",
                EdgeKind::Target => "target",
                EdgeKind::AttributedTo => "attributed-to",
                EdgeKind::Reports => "reports",
                EdgeKind::Relation(r) => r.id(),
            };
            v.insert("kind", Value::Str(kind_id.to_string()));
            let event = match kind {
                EdgeKind::Reports => kg.events.get(node_id(e.target)),
                EdgeKind::Relation(_) => None,
                _ => kg.events.get(node_id(e.source)),
            };
            match event {
                Some(ev) => {
                    let st = stance.get(ev.id.as_str()).copied().unwrap_or_default();
                    v.insert("action", Value::Str(ev.action.clone()));
                    event_values(&mut v, ev.date.as_ref(), &st);
                    v.insert("events", Value::Int(1));
                    let arts: Vec<String> = if *kind == EdgeKind::Reports {
                        vec![node_id(e.source).to_string()]
                    } else {
                        ev.articles.iter().cloned().collect()
                    };
                    let (src, n) = sources(&arts);
                    src.map(|x| v.insert("sources", x));
                    n.map(|x| v.insert("articles", x));
                    let (start, end) = interval(ev.date.as_ref());
                    let negated = st.negative && !st.positive;
                    (
                        kind_id.to_string(),
                        EdgeClass::Kg(*kind),
                        st.modality,
                        negated,
                        start,
                        end,
                    )
                }
                None => {
                    let key = (node_id(e.source), node_id(e.target));
                    let arts = rel_articles.get(&key).map(Vec::as_slice).unwrap_or(&[]);
                    let (src, n) = sources(arts.iter().copied());
                    src.map(|x| v.insert("sources", x));
                    n.map(|x| v.insert("articles", x));
                    (
                        kind_id.to_string(),
                        EdgeClass::Kg(*kind),
                        None,
                        false,
                        None,
                        None,
                    )
                }
            }
        }
        EdgeWhat::Joined { events, relations } => {
            // Per action: how many events, and whether all are planned / denied.
            let mut per_action: Vec<(String, usize, Option<Modality>, bool)> = Vec::new();
            let mut modality = None;
            let mut all_negated = !events.is_empty();
            let mut arts: Vec<&String> = Vec::new();
            // Earliest start and latest end among the events' dates.
            let mut first: Option<PartialDate> = None;
            let mut last: Option<PartialDate> = None;
            for &ei in events {
                let ev = view.events[ei as usize];
                let st = stance.get(ev.id.as_str()).copied().unwrap_or_default();
                let neg = st.negative && !st.positive;
                all_negated &= neg;
                let m = st.modality.unwrap_or(Modality::Asserted);
                modality = Some(stronger(modality, m));
                match per_action.iter_mut().find(|a| a.0 == ev.action) {
                    Some(a) => {
                        a.1 += 1;
                        a.2 = Some(stronger(a.2, m));
                        a.3 &= neg;
                    }
                    None => per_action.push((ev.action.clone(), 1, Some(m), neg)),
                }
                arts.extend(ev.articles.iter());
                if let Some(d) = ev.date.as_ref().filter(|d| d.is_resolved()) {
                    let s = d.start.unwrap_or_else(|| PartialDate::year(0));
                    let e = d.end.unwrap_or(s);
                    if first.is_none_or(|f| s.bounds().0 < f.bounds().0) {
                        first = Some(s);
                    }
                    if last.is_none_or(|l| e.bounds().1 > l.bounds().1) {
                        last = Some(e);
                    }
                }
            }
            per_action.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut parts: Vec<String> = per_action
                .iter()
                .map(|(a, n, m, neg)| {
                    let mut s = if *neg { format!("not {a}") } else { a.clone() };
                    if *n > 1 {
                        s.push_str(&format!(" ×{n}"));
                    }
                    match m {
                        Some(Modality::Planned) => s.push_str(" (planned)"),
                        Some(Modality::Hypothetical) => s.push_str(" (hypothetical)"),
                        _ => {}
                    }
                    s
                })
                .collect();
            parts.extend(relations.iter().map(|r| r.id().to_string()));
            let actions: Vec<&str> = per_action.iter().map(|a| a.0.as_str()).collect();
            let class = if events.is_empty() {
                EdgeClass::Relations
            } else {
                EdgeClass::Events
            };
            let mut kinds: Vec<&str> = Vec::new();
            if !events.is_empty() {
                kinds.push("events");
            }
            kinds.extend(relations.iter().map(|r| r.id()));
            v.insert("kind", Value::Str(kinds.join("|")));
            if let Some(x) = str_value(&actions.join("|")) {
                v.insert("action", x);
            }
            if let Some(f) = first {
                v.insert("date", Value::Str(f.to_string()));
                v.insert("precision", Value::Str(f.precision().id().to_string()));
            }
            if let Some(l) = last.filter(|&l| Some(l) != first) {
                v.insert("date_end", Value::Str(l.to_string()));
            }
            let fmt = |(y, m, d): (i32, u8, u8)| format!("{y:04}-{m:02}-{d:02}");
            let (start, end) = (
                first.map(|f| fmt(f.bounds().0)),
                last.map(|l| fmt(l.bounds().1)),
            );
            if !events.is_empty() {
                let pol = if all_negated {
                    Polarity::Negative
                } else {
                    Polarity::Positive
                };
                v.insert("polarity", Value::Str(pol.id().to_string()));
                if let Some(m) = modality {
                    v.insert("modality", Value::Str(m.id().to_string()));
                }
                v.insert("events", Value::Int(events.len() as i64));
            }
            let (src, n) = sources(arts);
            src.map(|x| v.insert("sources", x));
            n.map(|x| v.insert("articles", x));
            (parts.join(", "), class, modality, all_negated, start, end)
        }
    };
    VEdge {
        id: format!("e{i}"),
        source: e.source as usize,
        target: e.target as usize,
        label,
        weight: e.weight,
        class,
        values: attrs.iter().map(|a| v.remove(a.name)).collect(),
        modality,
        negated,
        start,
        end,
    }
}
