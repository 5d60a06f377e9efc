//! `kg export --format F`: one export of the last build (or of a fresh
//! build of the given paths), to a file or stdout. Graph formats (`dot`,
//! `gexf`, `graphml`, `csv`) take `--view full|entities`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};

use super::common::load_lexicon;
use super::{LexiconArgs, Outcome};
use kg::analysis::ViewKind;
use kg::export::GraphFormat;
use kg::lexicon::Lexicon;
use kg::model::KnowledgeGraph;
use kg::rdf::{DEFAULT_BASE, Iris, RdfKind, for_each_quad, parse_ontology, write_rdf_with};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Turtle (union of all named graphs, with prefixes)
    Ttl,
    /// N-Triples
    Nt,
    /// N-Quads (one named graph per article)
    Nq,
    /// TriG
    Trig,
    /// RDF/XML
    Rdfxml,
    /// JSON-LD
    Jsonld,
    /// Graphviz DOT (render with `dot -Tsvg`)
    Dot,
    /// GEXF 1.3 for Gephi, dynamic
    Gexf,
    /// GraphML
    Graphml,
    /// Gephi spreadsheet CSV: nodes.csv and edges.csv in the directory --out
    Csv,
}

/// The graph views of `--view`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ViewArg {
    /// Entities, events and articles (directed)
    Full,
    /// Entities joined by the events they share (undirected)
    Entities,
}

impl ViewArg {
    fn kind(self) -> ViewKind {
        match self {
            ViewArg::Full => ViewKind::Full,
            ViewArg::Entities => ViewKind::Entities,
        }
    }
}

impl Format {
    fn rdf(self) -> Option<RdfKind> {
        Some(match self {
            Format::Ttl => RdfKind::Turtle,
            Format::Nt => RdfKind::NTriples,
            Format::Nq => RdfKind::NQuads,
            Format::Trig => RdfKind::TriG,
            Format::Rdfxml => RdfKind::RdfXml,
            Format::Jsonld => RdfKind::JsonLd,
            Format::Dot | Format::Gexf | Format::Graphml | Format::Csv => return None,
        })
    }

    fn graph(self) -> Option<GraphFormat> {
        match self {
            Format::Dot => Some(GraphFormat::Dot),
            Format::Gexf => Some(GraphFormat::Gexf),
            Format::Graphml => Some(GraphFormat::Graphml),
            _ => None,
        }
    }
}

#[derive(Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    pub format: Format,
    /// Output file (default: stdout), written atomically; a directory for `csv`.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Graph view for dot, gexf, graphml and csv (default: full).
    #[arg(long, value_enum, value_name = "VIEW")]
    pub view: Option<ViewArg>,
    /// The build to export.
    #[arg(long, default_value = "exports", value_name = "DIR")]
    pub exports: PathBuf,
    /// Base IRI of kg's resources.
    #[arg(long, default_value = DEFAULT_BASE, value_name = "IRI")]
    pub base_iri: String,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

pub fn run(args: ExportArgs) -> Result<Outcome> {
    let kg: KnowledgeGraph = kg::export::load_graph(&args.exports)?;
    let (lex, ontology) = load_lexicon(&args.lexicon)?;
    let Some(kind) = args.format.rdf() else {
        return run_graph(&args, &kg, &lex);
    };
    if args.view.is_some() {
        bail!("--view applies to the graph formats (dot, gexf, graphml, csv), not to RDF");
    }
    let iris = Iris::new(&args.base_iri)?;
    let ontology = parse_ontology(&ontology)?;
    write_out(args.out.as_deref(), &mut |w| {
        write_rdf_with(kind, &iris, w, &mut |sink| {
            for_each_quad(&kg, &lex, &iris, &ontology, sink)
        })?;
        Ok(())
    })?;
    Ok(Outcome::Complete)
}

/// Writes to a file atomically, or to stdout.
fn write_out(out: Option<&Path>, f: &mut dyn FnMut(&mut dyn Write) -> Result<()>) -> Result<()> {
    match out {
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("creating a file in {}", dir.display()))?;
            {
                let mut w = std::io::BufWriter::new(tmp.as_file_mut());
                f(&mut w)?;
                w.flush()?;
            }
            tmp.persist(path)
                .with_context(|| format!("writing {}", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            f(&mut w)?;
            w.flush()?;
        }
    }
    Ok(())
}

fn run_graph(args: &ExportArgs, kg: &KnowledgeGraph, lex: &Lexicon) -> Result<Outcome> {
    let view = args.view.unwrap_or(ViewArg::Full).kind();
    let vis = kg::export::visual::visual(kg, Some(lex), view);
    if let Some(format) = args.format.graph() {
        write_out(args.out.as_deref(), &mut |w| Ok(format.write(&vis, w)?))?;
        return Ok(Outcome::Complete);
    }
    // csv: two files in a directory.
    let Some(dir) = &args.out else {
        bail!(
            "--format csv writes two files (nodes.csv, edges.csv): give a directory with --out DIR"
        );
    };
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    write_out(Some(&dir.join("nodes.csv")), &mut |w| {
        Ok(kg::export::gephi::write_nodes(&vis, w)?)
    })?;
    write_out(Some(&dir.join("edges.csv")), &mut |w| {
        Ok(kg::export::gephi::write_edges(&vis, w)?)
    })?;
    Ok(Outcome::Complete)
}
