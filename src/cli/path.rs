//! `kg path A B` (shortest paths between two entities, with the events
//! along the way and their sources) and `kg neighbors X --depth N` (the ego
//! network of an entity), both in the entity projection. Entities are named
//! by any label or alias (normalized matching); unknown names get
//! suggestions.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use serde_json::{Value, json};

use super::Outcome;
use super::show::{
    Format, entity_json, event_json, event_line, full_name, name, sources_line, table,
};
use kg::analysis::paths::{ego, shortest_paths};
use kg::analysis::resolve::EntityIndex;
use kg::analysis::view::{EdgeWhat, View, ViewEdge, ViewKind};
use kg::model::KnowledgeGraph;

#[derive(Args)]
pub struct PathArgs {
    /// First entity: id, Arabic or English label, or alias.
    #[arg(value_name = "A")]
    pub from: String,
    /// Second entity.
    #[arg(value_name = "B")]
    pub to: String,
    /// Show at most N shortest paths.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub paths: usize,
    /// Show at most N events per step.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub events: usize,
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: Format,
    /// The build to read.
    #[arg(long, default_value = "exports", value_name = "DIR")]
    pub exports: PathBuf,
}

#[derive(Args)]
pub struct NeighborsArgs {
    /// The entity: id, Arabic or English label, or alias.
    #[arg(value_name = "X")]
    pub entity: String,
    /// Hops from the entity.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub depth: u32,
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: Format,
    /// The build to read.
    #[arg(long, default_value = "exports", value_name = "DIR")]
    pub exports: PathBuf,
}

/// Events of an edge, most recent first (undated last), at most `limit`.
fn edge_events<'a>(
    view: &View<'a>,
    e: &ViewEdge,
    limit: usize,
) -> (Vec<&'a kg::model::MergedEvent>, usize) {
    let EdgeWhat::Joined { events, .. } = &e.what else {
        return (Vec::new(), 0);
    };
    let mut evs: Vec<&kg::model::MergedEvent> =
        events.iter().map(|&i| view.events[i as usize]).collect();
    evs.sort_by_key(|ev| {
        std::cmp::Reverse(ev.date.as_ref().and_then(|d| d.start).map(|d| d.to_days()))
    });
    let total = evs.len();
    evs.truncate(limit);
    (evs, total)
}

fn relations_of(e: &ViewEdge) -> Vec<&'static str> {
    match &e.what {
        EdgeWhat::Joined { relations, .. } => relations.iter().map(|r| r.id()).collect(),
        EdgeWhat::Kg(_) => Vec::new(),
    }
}

fn step_json(kg: &KnowledgeGraph, view: &View, a: u32, b: u32, limit: usize) -> Value {
    let e = view
        .edge_between(a, b)
        .expect("consecutive path nodes are joined");
    let (evs, total) = edge_events(view, e, limit);
    json!({
        "from": view.nodes[a as usize].id(),
        "to": view.nodes[b as usize].id(),
        "weight": e.weight,
        "relations": relations_of(e),
        "events_total": total,
        "events": evs.iter().map(|ev| event_json(kg, ev)).collect::<Vec<_>>(),
    })
}

pub fn run_path(args: PathArgs) -> Result<Outcome> {
    let kg = kg::export::load_graph(&args.exports)?;
    let index = EntityIndex::new(&kg);
    let a = index.resolve(&args.from)?;
    let b = index.resolve(&args.to)?;
    let view = View::new(&kg, ViewKind::Entities);
    let (ia, ib) = (
        view.entity(&a.id).expect("entities are in the projection"),
        view.entity(&b.id).expect("entities are in the projection"),
    );
    let paths = shortest_paths(&view, ia, ib, args.paths);
    if args.format == Format::Json {
        let out = json!({
            "from": entity_json(&kg, &a.id),
            "to": entity_json(&kg, &b.id),
            "hops": paths.first().map(|p| p.len() - 1),
            "paths": paths.iter().map(|p| json!({
                "nodes": p.iter().map(|&n| view.nodes[n as usize].id()).collect::<Vec<_>>(),
                "steps": p.windows(2).map(|w| step_json(&kg, &view, w[0], w[1], args.events)).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(Outcome::Complete);
    }
    let (na, nb) = (full_name(&kg, &a.id), full_name(&kg, &b.id));
    let Some(first) = paths.first() else {
        println!(
            "No path between {na} and {nb}: they are in different components of the entity graph."
        );
        return Ok(Outcome::Complete);
    };
    println!(
        "{} shortest path(s) of {} hop(s) from {na} to {nb}{}",
        paths.len(),
        first.len() - 1,
        if paths.len() == args.paths {
            " (more may exist: --paths N)"
        } else {
            ""
        }
    );
    for (i, p) in paths.iter().enumerate() {
        let names: Vec<String> = p
            .iter()
            .map(|&n| name(&kg, view.nodes[n as usize].id()))
            .collect();
        println!("\nPath {}: {}", i + 1, names.join(" — "));
        for w in p.windows(2) {
            let e = view
                .edge_between(w[0], w[1])
                .expect("consecutive path nodes are joined");
            println!(
                "  {} — {}",
                full_name(&kg, view.nodes[w[0] as usize].id()),
                full_name(&kg, view.nodes[w[1] as usize].id())
            );
            for r in relations_of(e) {
                println!("    {r} (static relation)");
            }
            let (evs, total) = edge_events(&view, e, args.events);
            for ev in &evs {
                println!("    {}", event_line(&kg, ev));
                println!("      sources: {}", sources_line(&kg, ev));
            }
            if total > evs.len() {
                println!("    … and {} more event(s) (--events N)", total - evs.len());
            }
        }
    }
    Ok(Outcome::Complete)
}

pub fn run_neighbors(args: NeighborsArgs) -> Result<Outcome> {
    let kg = kg::export::load_graph(&args.exports)?;
    let index = EntityIndex::new(&kg);
    let x = index.resolve(&args.entity)?;
    let view = View::new(&kg, ViewKind::Entities);
    let center = view.entity(&x.id).expect("entities are in the projection");
    let eg = ego(&view, center, args.depth);
    let id = |n: u32| view.nodes[n as usize].id();
    if args.format == Format::Json {
        let out = json!({
            "entity": entity_json(&kg, &x.id),
            "depth": args.depth,
            "nodes": eg.nodes.iter().map(|n| {
                let mut v = entity_json(&kg, id(n.node));
                v["distance"] = json!(n.distance);
                v["via"] = json!(n.via.map(id));
                v
            }).collect::<Vec<_>>(),
            "edges": eg.edges.iter().map(|&i| {
                let e = &view.edges[i];
                let actions: Vec<&str> = match &e.what {
                    EdgeWhat::Joined { events, .. } => {
                        let mut a: Vec<&str> = events.iter().map(|&j| view.events[j as usize].action.as_str()).collect();
                        a.sort_unstable();
                        a.dedup();
                        a
                    }
                    EdgeWhat::Kg(_) => Vec::new(),
                };
                json!({"source": id(e.source), "target": id(e.target), "weight": e.weight,
                       "actions": actions, "relations": relations_of(e)})
            }).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(Outcome::Complete);
    }
    println!(
        "{} entities within {} hop(s) of {}, {} edges among them",
        eg.nodes.len() - 1,
        args.depth,
        full_name(&kg, &x.id),
        eg.edges.len()
    );
    let rows: Vec<Vec<String>> = eg
        .nodes
        .iter()
        .skip(1)
        .map(|n| {
            let via = n.via.unwrap_or(center);
            let e = view.edge_between(via, n.node);
            let joined = e
                .map(|e| {
                    let mut parts: Vec<String> = Vec::new();
                    if let EdgeWhat::Joined { events, .. } = &e.what {
                        let mut acts: Vec<&str> = events
                            .iter()
                            .map(|&j| view.events[j as usize].action.as_str())
                            .collect();
                        acts.sort_unstable();
                        acts.dedup();
                        parts.extend(acts.iter().map(|s| s.to_string()));
                    }
                    parts.extend(relations_of(e).iter().map(|s| s.to_string()));
                    parts.join(", ")
                })
                .unwrap_or_default();
            vec![
                n.distance.to_string(),
                id(n.node).to_string(),
                kg.entities[id(n.node)].kind.id().to_string(),
                n.via
                    .map(|v| id(v).to_string())
                    .unwrap_or_else(|| "—".into()),
                e.map(|e| e.weight.to_string()).unwrap_or_default(),
                joined,
                name(&kg, id(n.node)),
            ]
        })
        .collect();
    print!(
        "{}",
        table(
            &[
                "HOPS",
                "ENTITY",
                "TYPE",
                "VIA",
                "WEIGHT",
                "JOINED BY",
                "LABEL"
            ],
            &rows
        )
    );
    Ok(Outcome::Complete)
}
