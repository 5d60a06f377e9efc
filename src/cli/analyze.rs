//! `kg analyze [--format table|json] [--top N]`: per-entity centralities
//! and the graph's shape (see `kg::analysis`).

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::Outcome;
use super::show::{Format, clip, table};
use kg::analysis::{AnalyzeOptions, BetweennessOptions, EntityMetrics, Report, ViewStats, analyze};

#[derive(Args)]
pub struct AnalyzeArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: Format,
    /// Length of the top lists.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
    /// Betweenness: search from at most N sources (exact up to N entities,
    /// a deterministic sample above); 0 for exact at any size.
    #[arg(long, default_value_t = 1024, value_name = "N")]
    pub betweenness_sources: usize,
    /// The build to analyse.
    #[arg(long, default_value = "exports", value_name = "DIR")]
    pub exports: PathBuf,
}

pub fn run(args: AnalyzeArgs) -> Result<Outcome> {
    let kg = kg::export::load_graph(&args.exports)?;
    let opts = AnalyzeOptions {
        top: args.top,
        betweenness: BetweennessOptions {
            max_sources: args.betweenness_sources,
        },
        ..Default::default()
    };
    let report = analyze(&kg, &opts);
    match args.format {
        Format::Json => {
            println!("{}", serde_json::to_string_pretty(&report)?);
        }
        Format::Table => print!("{}", render(&report)),
    }
    Ok(Outcome::Complete)
}

fn stats_line(s: &ViewStats) -> String {
    let types: Vec<String> = s
        .node_types
        .iter()
        .map(|(t, n)| format!("{n} {t}"))
        .collect();
    format!(
        "{} view ({}): {} nodes ({}), {} edges, density {:.4}, {} component(s), the largest with {} nodes\n",
        s.view,
        if s.directed { "directed" } else { "undirected" },
        s.nodes,
        types.join(", "),
        s.edges,
        s.density,
        s.components,
        s.largest_component
    )
}

fn entity_cells(m: &EntityMetrics) -> Vec<String> {
    vec![
        m.id.clone(),
        m.kind.id().to_string(),
        m.degree.to_string(),
        format!("{}/{}", m.in_degree, m.out_degree),
        format!("{}", m.weighted_degree),
        m.neighbors.to_string(),
        format!("{:.4}", m.pagerank),
        format!("{:.4}", m.betweenness),
        m.component.to_string(),
        clip(m.label_en.as_deref().unwrap_or(&m.label_ar), 40),
    ]
}

/// An extra leading column: header and value.
type Extra = (&'static str, fn(&EntityMetrics) -> String);

const ENTITY_HEADERS: &[&str] = &[
    "ENTITY",
    "TYPE",
    "DEGREE",
    "IN/OUT",
    "WEIGHTED",
    "NEIGHBORS",
    "PAGERANK",
    "BETWEENNESS",
    "COMP",
    "LABEL",
];

fn render(r: &Report) -> String {
    let mut out = String::new();
    out.push_str(&stats_line(&r.full));
    out.push_str(&stats_line(&r.entities));
    out.push_str(&format!(
        "PageRank: damping 0.85, {} iterations{}; betweenness: {} ({} sources){}\n",
        r.pagerank_iterations,
        if r.pagerank_converged {
            ""
        } else {
            " (not converged)"
        },
        if r.betweenness_exact {
            "exact"
        } else {
            "estimated"
        },
        r.betweenness_sources,
        r.communities
            .map(|c| format!("; {c} communities (label propagation)"))
            .unwrap_or_default()
    ));
    out.push_str(
        "Degrees are in the full graph (in: events and relations pointing to the entity, out: its relations); \
the other measures in the entity projection.\n",
    );
    let mut section = |title: &str, idx: &[usize], extra: Option<Extra>| {
        out.push_str(&format!("\n{title}\n"));
        if idx.is_empty() {
            out.push_str("(none)\n");
            return;
        }
        let mut headers: Vec<&str> = vec!["#"];
        if let Some((h, _)) = extra {
            headers.push(h);
        }
        headers.extend_from_slice(ENTITY_HEADERS);
        let rows: Vec<Vec<String>> = idx
            .iter()
            .enumerate()
            .map(|(rank, &i)| {
                let m = &r.metrics[i];
                let mut row = vec![(rank + 1).to_string()];
                if let Some((_, f)) = extra {
                    row.push(f(m));
                }
                row.extend(entity_cells(m));
                row
            })
            .collect();
        out.push_str(&table(&headers, &rows));
    };
    section("Top entities by PageRank", &r.top_pagerank, None);
    section(
        "Top actors (events as actor)",
        &r.top_actors,
        Some(("EVENTS", |m| m.events_as_actor.to_string())),
    );
    section(
        "Top places (events there)",
        &r.top_places,
        Some(("EVENTS", |m| m.events_as_place.to_string())),
    );
    section(
        "Top bases (events there)",
        &r.top_bases,
        Some(("EVENTS", |m| m.events_as_place.to_string())),
    );
    out
}
