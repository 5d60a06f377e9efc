//! Building the model of a view: PageRank, betweenness and components, the
//! node of every entity, event and article with its attribute values, and
//! the values nodes and edges share (an event's stance, date interval and
//! sources).

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use super::edges::edge;
use super::{AttrDef, EDGE_ATTRS, MAX_SOURCES, NODE_ATTRS, NodeClass, VNode, Value, Visual};
use crate::analysis::centrality::{BetweennessOptions, PageRankOptions, betweenness, pagerank};
use crate::analysis::components::components;
use crate::analysis::view::{View, ViewKind};
use crate::lexicon::Lexicon;
use crate::model::{EventDate, KnowledgeGraph, Modality, NodeKey, Polarity};

/// Polarity and modality of a merged event, from its mentions.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct EventStance {
    pub(super) positive: bool,
    pub(super) negative: bool,
    pub(super) modality: Option<Modality>,
}

pub(super) fn stronger(a: Option<Modality>, b: Modality) -> Modality {
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

pub(super) fn interval(d: Option<&EventDate>) -> (Option<String>, Option<String>) {
    let Some(start) = d.and_then(|d| d.start) else {
        return (None, None);
    };
    let end = d.and_then(|d| d.end).unwrap_or(start);
    let fmt = |(y, m, d): (i32, u8, u8)| format!("{y:04}-{m:02}-{d:02}");
    (Some(fmt(start.bounds().0)), Some(fmt(end.bounds().1)))
}

pub(super) fn sources<'a>(
    articles: impl IntoIterator<Item = &'a String>,
) -> (Option<Value>, Option<Value>) {
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

    let mut stance: HashMap<&str, EventStance> = HashMap::default();
    for m in &kg.mentions {
        let s = stance.entry(m.event.as_str()).or_default();
        s.positive |= m.polarity == Polarity::Positive;
        s.negative |= m.polarity == Polarity::Negative;
        s.modality = Some(stronger(s.modality, m.modality));
    }
    let mut entity_events: HashMap<&str, usize> = HashMap::default();
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
    let mut rel_articles: RelArticles = HashMap::default();
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
            let mut v: HashMap<&str, Value> = HashMap::default();
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

pub(super) fn event_values(
    v: &mut HashMap<&str, Value>,
    date: Option<&EventDate>,
    st: &EventStance,
) {
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
pub(super) type RelArticles<'a> = HashMap<(&'a str, &'a str), Vec<&'a String>>;
