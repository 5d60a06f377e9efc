//! The edges of the model: an edge of the full graph with its event's or
//! relation's values, or, in the entity view, the events and relations
//! joining a pair summed up per action.

use rustc_hash::FxHashMap as HashMap;

use super::nodes::{EventStance, RelArticles, event_values, interval, sources, stronger};
use super::{AttrDef, EdgeClass, VEdge, Value};
use crate::analysis::view::{EdgeWhat, View};
use crate::model::{EdgeKind, KnowledgeGraph, Modality, PartialDate, Polarity};

fn str_value(s: &str) -> Option<Value> {
    (!s.is_empty()).then(|| Value::Str(s.to_string()))
}

#[allow(clippy::too_many_arguments)]
pub(super) fn edge(
    kg: &KnowledgeGraph,
    view: &View,
    stance: &HashMap<&str, EventStance>,
    rel_articles: &RelArticles,
    attrs: &[AttrDef],
    i: usize,
    e: &crate::analysis::view::ViewEdge,
) -> VEdge {
    let mut v: HashMap<&str, Value> = HashMap::default();
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
