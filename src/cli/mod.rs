//! Command-line definitions (clap) and dispatch. Every command returns an
//! [`Outcome`]; errors become a message on stderr and exit code 2.
//!
//! Exit codes: 0 the run was complete; 1 it finished but skipped inputs
//! (each one reported on stderr); 2 it failed and wrote nothing.

mod analyze;
mod build;
mod common;
mod eval;
mod export;
mod path;
mod query;
mod show;
mod timeline;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// How a command ended.
pub enum Outcome {
    Complete,
    Incomplete,
}

#[derive(Parser)]
#[command(
    name = "kg",
    version,
    about = "Arabic news → event knowledge graph: who did what, where and when, traced to the sentence that says it",
    long_about = "kg reads Arabic news articles and extracts events (actor, action, base or place, date) with polarity, \
modality, attribution and provenance, links entities to a gazetteer, and exports the graph as CSV, RDF and graph files.\n\n\
Exit codes: 0 complete; 1 finished with skipped inputs (reported on stderr); 2 failed."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract events from articles and write every export (default: seeds/ → exports/).
    Build(build::BuildArgs),
    /// Write the last build (or a fresh one) in one format.
    Export(export::ExportArgs),
    /// Score a build against a gold file of events (precision, recall, F1).
    Eval(eval::EvalArgs),
    /// Centralities, components and the top actors, places and bases of the last build.
    Analyze(analyze::AnalyzeArgs),
    /// Shortest paths between two entities, with the events along the way and their sources.
    Path(path::PathArgs),
    /// The entities within N hops of an entity.
    Neighbors(path::NeighborsArgs),
    /// Events in date order, each with its source, and the status of bases over time.
    Timeline(timeline::TimelineArgs),
    /// Run a SPARQL query over the last build (the union of its named graphs).
    Query(query::QueryArgs),
    /// Check the last build against SHACL shapes (shapes.ttl) and its ontology.
    Validate(validate::ValidateArgs),
}

/// The message of options that need the on-disk store.
#[cfg(not(feature = "rocksdb"))]
pub const NO_ROCKSDB: &str = "this kg was built without the on-disk store: rebuild it with \
`cargo build --release --features rocksdb` (needs libclang, e.g. apt install libclang-dev)";

/// Options shared by commands that read the lexicon.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct LexiconArgs {
    /// Lexicon directory or file (repeatable). Default: ./lexicon when it exists, else the built-in lexicon.
    #[arg(long, value_name = "PATH")]
    pub lexicon: Vec<PathBuf>,
    /// Ontology file with the action classes. Default: ./ontology.ttl when it exists, else the built-in one.
    #[arg(long, value_name = "FILE")]
    pub ontology: Option<PathBuf>,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(a) => build::run(a),
        Command::Export(a) => export::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Analyze(a) => analyze::run(a),
        Command::Path(a) => path::run_path(a),
        Command::Neighbors(a) => path::run_neighbors(a),
        Command::Timeline(a) => timeline::run(a),
        Command::Query(a) => query::run(a),
        Command::Validate(a) => validate::run(a),
    };
    match result {
        Ok(Outcome::Complete) => ExitCode::SUCCESS,
        Ok(Outcome::Incomplete) => ExitCode::from(1),
        Err(e) => {
            // Print the chain of causes, skipping those the message already contains.
            let mut msg = e.to_string();
            for cause in e.chain().skip(1) {
                let c = cause.to_string();
                if !msg.contains(&c) {
                    msg.push_str(": ");
                    msg.push_str(&c);
                }
            }
            eprintln!("kg: error: {msg}");
            ExitCode::from(2)
        }
    }
}
