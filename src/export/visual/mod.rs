//! The graph as the visualisation exports see it: one model built from a
//! [`View`](crate::analysis::view::View) that the DOT, GEXF, GraphML and
//! Gephi CSV writers all render, so every format carries the same nodes,
//! edges and attribute values.
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
//! [`BetweennessOptions`](crate::analysis::centrality::BetweennessOptions)).
//!
//! This module holds the model and its attribute declarations; the model
//! is built in `nodes` (with the per-event values nodes and edges share)
//! and `edges`.

mod edges;
mod nodes;

use crate::analysis::view::ViewKind;
use crate::model::{EdgeKind, EntityKind, Modality};
pub use nodes::visual;

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

impl Value {
    /// The lexical form (as [`std::fmt::Display`] writes it), borrowed for
    /// a string.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Value::Str(s) => std::borrow::Cow::Borrowed(s),
            other => std::borrow::Cow::Owned(other.to_string()),
        }
    }
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
