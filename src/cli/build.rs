//! `kg build`: extract from articles and write every export atomically.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::common::{load_lexicon, stderr_is_terminal};
use super::{LexiconArgs, Outcome};
use kg::extract::Extractor;
use kg::pipeline::{BuildOptions, build};
use kg::rdf::{DEFAULT_BASE, Iris};

#[derive(Args)]
pub struct BuildArgs {
    /// Article files or directories of *.txt files (searched recursively). Default: seeds/
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output directory, replaced atomically when every file is written.
    #[arg(long, default_value = "exports", value_name = "DIR")]
    pub out: PathBuf,
    /// Manifest CSV (id,file,title,source,published,lang,url). Default: articles.csv in each input directory.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Worker threads (default: all cores). The output is the same for any number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Print nothing but errors.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Also print the wall time of each stage (read and extract, graph, RDF files, other files).
    #[arg(long)]
    pub timings: bool,
    /// Encoding of articles that are not UTF-8 or UTF-16 with a BOM (e.g. windows-1256, iso-8859-6).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Base IRI of kg's resources in the RDF exports.
    #[arg(long, default_value = DEFAULT_BASE, value_name = "IRI")]
    pub base_iri: String,
    /// Also write an on-disk oxigraph (RocksDB) store here, for `oxigraph serve --location DIR`
    /// and `kg query --store DIR` (needs kg built with the cargo feature `rocksdb`).
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

pub fn run(args: BuildArgs) -> Result<Outcome> {
    let started = Instant::now();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        args.paths.clone()
    };
    let encoding = match &args.encoding {
        Some(name) => match kg::corpus::Encoding::for_label(name.as_bytes()) {
            Some(e) => Some(e),
            None => bail!("unknown encoding `{name}` (try windows-1256, iso-8859-6, utf-16le)"),
        },
        None => None,
    };
    if args.jobs == Some(0) {
        bail!("--jobs must be at least 1");
    }
    #[cfg(not(feature = "rocksdb"))]
    if args.store.is_some() {
        bail!(super::NO_ROCKSDB);
    }
    let iris = Iris::new(&args.base_iri)?;
    // Fail before reading articles when the output cannot be written.
    kg::export::check_output(&args.out)?;
    let (lex, ontology) = load_lexicon(&args.lexicon)?;
    let extractor = Extractor::new(lex);
    let opts = BuildOptions {
        inputs: paths,
        manifest: args.manifest.clone(),
        jobs: args.jobs,
        encoding,
    };

    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    let show = !args.quiet && stderr_is_terminal();
    let progress = |done: usize, total: usize| {
        if show && total >= 500 {
            if bar.is_hidden() {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed}")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
            }
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    };
    let outcome = build(&extractor, &opts, &progress)?;
    bar.finish_and_clear();
    for p in &outcome.problems {
        eprintln!("kg: warning: {}", p.message);
    }
    let summary = kg::export::write_build(
        &outcome.graph,
        extractor.lexicon(),
        &ontology,
        &iris,
        &args.out,
        args.jobs,
    )
    .with_context(|| format!("writing the exports to {}", args.out.display()))?;
    #[cfg(feature = "rocksdb")]
    if let Some(dir) = &args.store {
        let ontology_quads = kg::rdf::parse_ontology(&ontology)?;
        let quads = kg::rdf::to_quads(&outcome.graph, extractor.lexicon(), &iris, &ontology_quads);
        kg::rdf::store::write_disk_store(&quads, dir)
            .with_context(|| format!("writing the store {}", dir.display()))?;
    }
    if !args.quiet {
        for n in &outcome.notes {
            eprintln!("kg: note: {n}");
        }
        let g = &outcome.graph;
        eprintln!(
            "kg: {} article(s), {} event mention(s) in {} event(s), {} entities, {} relations, {} triples → {} ({:.2}s)",
            outcome.articles_read,
            g.mentions.len(),
            g.events.len(),
            g.entities.len(),
            g.relations.len(),
            summary.triples,
            args.out.display(),
            started.elapsed().as_secs_f64()
        );
    }
    if args.timings {
        eprintln!(
            "kg: timings: extract {:.3}s, graph {:.3}s, rdf {:.3}s, other {:.3}s (rdf and other run side by side unless --jobs 1)",
            outcome.extract_time.as_secs_f64(),
            outcome.graph_time.as_secs_f64(),
            summary.rdf_time.as_secs_f64(),
            summary.other_time.as_secs_f64()
        );
    }
    Ok(if outcome.problems.is_empty() {
        Outcome::Complete
    } else {
        Outcome::Incomplete
    })
}
