//! Exports of a build. `kg build` writes every file below into the output
//! directory atomically (see [`atomic`]); `kg export` writes one format.
//!
//! | file | content |
//! |---|---|
//! | `entities.csv`, `events.csv`, `relations.csv`, `articles.csv` | the CSV contract ([`csv`]) |
//! | `graph.ttl` | Turtle: the union of all named graphs, with prefixes |
//! | `graph.nq` | N-Quads: one named graph per article, plus entities, events, ontology |
//! | `graph.jsonld` | JSON-LD with kg's prefixes: the same named graphs as `graph.nq` |
//! | `kg.json` | kg's own lossless dump, read back by `kg export`, `kg query` … |
//! | `graph.dot`, `graph.gexf`, `graph.graphml` | the full graph for Graphviz and Gephi ([`visual`]) |
//! | `nodes.csv`, `edges.csv` | the same for Gephi's spreadsheet import ([`gephi`]) |

pub mod atomic;
pub mod csv;
pub mod dot;
pub mod gephi;
pub mod gexf;
pub mod graphml;
pub mod visual;
pub mod xml;

use std::io::Write;
use std::path::Path;

use crate::error::{KgError, Result};
use crate::lexicon::Lexicon;
use crate::model::KnowledgeGraph;
use crate::rdf::pieces::{RdfWriters, pieces_apply, write_pieces};
use crate::rdf::{Iris, RdfKind, for_each_quad, parse_ontology, write_rdf_many};
use atomic::AtomicDir;
use rayon::prelude::*;

/// Name of kg's own dump in the output directory.
pub const DUMP: &str = "kg.json";

/// What was written, for the summary line.
#[derive(Debug, Default)]
pub struct ExportSummary {
    pub files: Vec<String>,
    pub triples: usize,
    pub quads: usize,
    /// Wall time making the RDF files (Turtle, N-Quads, JSON-LD).
    pub rdf_time: std::time::Duration,
    /// Wall time making the other files (CSV, graph formats, dump).
    pub other_time: std::time::Duration,
}

/// Writes one file's content.
type WriteFn<'a> = dyn Fn(&mut dyn Write) -> std::io::Result<()> + Sync + 'a;

fn csv_err(path: &str) -> impl Fn(::csv::Error) -> std::io::Error + '_ {
    move |e| std::io::Error::other(format!("{path}: {e}"))
}

/// Checks, before a long build, that [`write_build`] can replace `out`:
/// its parent is a writable directory and `out` is new, empty or a
/// previous output. `write_build` checks again.
pub fn check_output(out: &Path) -> Result<()> {
    atomic::check_replaceable(out, DUMP)?;
    AtomicDir::probe(out)
}

/// Writes every export of a build into `out` (atomically), on a pool of
/// `jobs` worker threads (all cores when `None`): the RDF files in parallel
/// pieces, the other files side by side. The bytes are the same for any
/// number of threads.
pub fn write_build(
    kg: &KnowledgeGraph,
    lex: &Lexicon,
    ontology_ttl: &str,
    iris: &Iris,
    out: &Path,
    jobs: Option<usize>,
) -> Result<ExportSummary> {
    atomic::check_replaceable(out, DUMP)?;
    let dir = AtomicDir::new(out)?;
    let ontology = parse_ontology(ontology_ttl)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| KgError::Invalid(format!("cannot start worker threads: {e}")))?;
    // The three RDF files, made in pieces on the pool (or from one stream of
    // quads when the pieces would not join up; see `rdf::pieces`).
    let rdf_files = || -> Result<(usize, usize, std::time::Duration)> {
        let started = std::time::Instant::now();
        let kinds = [RdfKind::Turtle, RdfKind::NQuads, RdfKind::JsonLd];
        let names: Vec<String> = kinds
            .iter()
            .map(|k| format!("graph.{}", k.extension()))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut counts = (0, 0);
        dir.write_many(&names, |ws| {
            if pieces_apply(kg) {
                let mut ws = ws.into_iter();
                let (Some(turtle), Some(nquads), Some(jsonld)) = (ws.next(), ws.next(), ws.next())
                else {
                    return Err(KgError::Invalid("three RDF outputs expected".into()));
                };
                let w = RdfWriters {
                    turtle,
                    nquads,
                    jsonld,
                };
                counts = write_pieces(kg, lex, iris, &ontology, w)?;
            } else {
                let outputs = kinds.iter().copied().zip(ws).collect();
                let c = write_rdf_many(outputs, iris, false, &mut |sink| {
                    for_each_quad(kg, lex, iris, &ontology, sink)
                })?;
                counts = (c[0], c[1]);
            }
            Ok(())
        })?;
        Ok((counts.0, counts.1, started.elapsed()))
    };
    let other_files = || -> Result<std::time::Duration> {
        let started = std::time::Instant::now();
        let file = |name: &str, f: &WriteFn| dir.write(name, |w| f(w));
        // Independent files, written side by side on the pool.
        let tables = || -> Result<()> {
            file("entities.csv", &|w| {
                csv::write_entities(kg, w).map_err(csv_err("entities.csv"))
            })?;
            file("events.csv", &|w| {
                csv::write_events(kg, w).map_err(csv_err("events.csv"))
            })?;
            file("relations.csv", &|w| {
                csv::write_relations(kg, w).map_err(csv_err("relations.csv"))
            })?;
            file("articles.csv", &|w| {
                csv::write_articles(kg, w).map_err(csv_err("articles.csv"))
            })?;
            file(DUMP, &|w| {
                serde_json::to_writer(&mut *w, kg).map_err(std::io::Error::other)?;
                w.write_all(b"\n")
            })
        };
        let graphs = || -> Result<()> {
            let vis = visual::visual(kg, Some(lex), crate::analysis::ViewKind::Full);
            let vis = &vis;
            let mut jobs: Vec<(&str, Box<WriteFn>)> = GraphFormat::ALL
                .iter()
                .map(|&f| {
                    let job: Box<WriteFn> = Box::new(move |w| f.write(vis, w));
                    (f.file_name(), job)
                })
                .collect();
            jobs.push((
                "nodes.csv",
                Box::new(|w| gephi::write_nodes(vis, w).map_err(csv_err("nodes.csv"))),
            ));
            jobs.push((
                "edges.csv",
                Box::new(|w| gephi::write_edges(vis, w).map_err(csv_err("edges.csv"))),
            ));
            jobs.par_iter().try_for_each(|(name, job)| file(name, job))
        };
        let (a, b) = rayon::join(tables, graphs);
        a?;
        b?;
        Ok(started.elapsed())
    };
    let (rdf, other) = pool.install(|| rayon::join(rdf_files, other_files));
    let (triples, quads, rdf_time) = rdf?;
    let other_time = other?;
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .map_err(|e| KgError::io(dir.path(), e))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    files.sort();
    dir.commit()?;
    Ok(ExportSummary {
        files,
        triples,
        quads,
        rdf_time,
        other_time,
    })
}

/// Graph formats for viewers (Graphviz, Gephi, any GraphML reader).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphFormat {
    Dot,
    Gexf,
    Graphml,
}

impl GraphFormat {
    pub const ALL: &'static [GraphFormat] =
        &[GraphFormat::Dot, GraphFormat::Gexf, GraphFormat::Graphml];

    /// The file `kg build` writes.
    pub fn file_name(self) -> &'static str {
        match self {
            GraphFormat::Dot => "graph.dot",
            GraphFormat::Gexf => "graph.gexf",
            GraphFormat::Graphml => "graph.graphml",
        }
    }

    pub fn write(self, v: &visual::Visual, w: &mut dyn Write) -> std::io::Result<()> {
        match self {
            GraphFormat::Dot => dot::write_dot(v, w),
            GraphFormat::Gexf => gexf::write_gexf(v, w),
            GraphFormat::Graphml => graphml::write_graphml(v, w),
        }
    }
}

/// Reads the knowledge graph of a previous build.
pub fn load_graph(dir: &Path) -> Result<KnowledgeGraph> {
    let path = dir.join(DUMP);
    let data = std::fs::read(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            KgError::input(
                &path,
                "no build here; run `kg build` first (or pass --exports DIR)",
            )
        } else {
            KgError::io(&path, e)
        }
    })?;
    let mut kg: KnowledgeGraph = serde_json::from_slice(&data)
        .map_err(|e| KgError::input(&path, format!("not a kg dump: {e}")))?;
    kg.rebuild_graph();
    Ok(kg)
}
