//! `kg query`: SPARQL over the last build's store (`exports/graph.nq`).

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};

use super::Outcome;
use kg::rdf::Iris;
use kg::rdf::query;
use kg::rdf::results::{ResultsFormat, WriteError, write_streamed};
use kg::rdf::store::{detect_base, load_build};
use kg::rdf::stream;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Aligned columns for people; IRIs shortened with kg's prefixes, long cells cut at 60 columns
    Table,
    /// SPARQL 1.1 Query Results CSV (CONSTRUCT/DESCRIBE: N-Triples)
    Csv,
    /// SPARQL 1.1 Query Results TSV (CONSTRUCT/DESCRIBE: N-Triples)
    Tsv,
    /// SPARQL 1.1 Query Results JSON (CONSTRUCT/DESCRIBE: JSON-LD)
    Json,
    /// SPARQL Query Results XML (CONSTRUCT/DESCRIBE: RDF/XML)
    Xml,
}

impl Format {
    fn results(self) -> ResultsFormat {
        match self {
            Format::Table => ResultsFormat::Table,
            Format::Csv => ResultsFormat::Csv,
            Format::Tsv => ResultsFormat::Tsv,
            Format::Json => ResultsFormat::Json,
            Format::Xml => ResultsFormat::Xml,
        }
    }
}

#[derive(Args)]
#[command(
    after_help = "The default graph is the union of all named graphs (use DISTINCT: a triple in two \
graphs matches twice). Prefixes kg:, sem:, time:, prov:, oa:, skos:, rdf:, rdfs:, owl:, xsd:, dcterms:, dc:, \
wd:, cameo:, plover:, entity:, event:, mention:, article:, graph:, statement: and tm: are predeclared. \
CONSTRUCT and DESCRIBE print Turtle (table), JSON-LD (json), RDF/XML (xml) or N-Triples (csv, tsv).\n\n\
Examples:\n  kg query 'SELECT ?e ?l WHERE { ?e a kg:MilitaryBase ; rdfs:label ?l }'\n  kg query --file queries/withdrawals.rq --format csv"
)]
pub struct QueryArgs {
    /// The SPARQL query (or give --file).
    #[arg(value_name = "SPARQL", conflicts_with = "file")]
    pub query: Option<String>,
    /// Read the query from a file (`-` for stdin).
    #[arg(long, short = 'f', value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// The build to query (its graph.nq).
    #[arg(long, default_value = "exports", value_name = "DIR")]
    pub exports: PathBuf,
    /// Query an on-disk store written by `kg build --store DIR` instead (feature `rocksdb`).
    #[arg(long, value_name = "DIR", conflicts_with = "exports")]
    pub store: Option<PathBuf>,
    /// Stop the query after this many seconds (rows already written stay written).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Write at most N rows of a SELECT (0: all). Default: all, except for a
    /// table on a terminal, which stops at 1000 and says that more remain.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

/// Rows of a table shown on a terminal unless `--limit` says otherwise.
const TERMINAL_ROWS: usize = 1000;

fn open_store(args: &QueryArgs) -> Result<oxigraph::store::Store> {
    match &args.store {
        None => Ok(load_build(&args.exports)?),
        #[cfg(feature = "rocksdb")]
        Some(dir) => Ok(kg::rdf::store::open_disk_store(dir)?),
        #[cfg(not(feature = "rocksdb"))]
        Some(_) => bail!(super::NO_ROCKSDB),
    }
}

pub fn run(args: QueryArgs) -> Result<Outcome> {
    let timeout = match args.timeout {
        Some(t) if !(t > 0.0 && t.is_finite()) => {
            bail!("--timeout must be a positive number of seconds")
        }
        Some(t) => Some(Duration::from_secs_f64(t)),
        None => None,
    };
    let (text, source) = match (&args.query, &args.file) {
        (Some(q), _) => (q.clone(), PathBuf::from("<query>")),
        (None, Some(f)) if f.as_os_str() == "-" => {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                .context("reading the query from stdin")?;
            (s, PathBuf::from("<stdin>"))
        }
        (None, Some(f)) => (
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?,
            f.clone(),
        ),
        (None, None) => bail!("give a SPARQL query as an argument, or --file FILE"),
    };
    let store = open_store(&args)?;
    let prefixes = Iris::new(&detect_base(&store))?.all_prefixes();
    let parsed = query::parse(&text, &source, &prefixes)?;
    let streamed = stream::start(&store, parsed, timeout)?;
    let stdout = std::io::stdout();
    let on_terminal = std::io::IsTerminal::is_terminal(&stdout);
    let limit = match (args.limit, args.format) {
        (Some(0), _) => None,
        (Some(n), _) => Some(n),
        (None, Format::Table) if on_terminal => Some(TERMINAL_ROWS),
        (None, _) => None,
    };
    let mut w = std::io::BufWriter::new(stdout.lock());
    let written = write_streamed(streamed, args.format.results(), &prefixes, limit, &mut w)
        .and_then(|n| w.flush().map(|_| n).map_err(WriteError::Io));
    match written {
        // A reader that stops early (`| head`) is not an error.
        Err(WriteError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(Outcome::Complete)
        }
        Err(WriteError::Io(e)) => Err(e).context("writing the results"),
        Err(WriteError::Query(e)) => {
            let _ = w.flush();
            Err(e.into())
        }
        Ok(n) => {
            if n.more {
                eprintln!(
                    "kg: wrote the first {} rows; more remain (--limit N for more, --limit 0 for all)",
                    n.rows
                );
            }
            Ok(Outcome::Complete)
        }
    }
}
