//! `kg export --format F`: one export of the last build (or of a fresh
//! build of the given paths), to a file or stdout.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use super::common::load_lexicon;
use super::{LexiconArgs, Outcome};
use kg::model::KnowledgeGraph;
use kg::rdf::{DEFAULT_BASE, Iris, RdfKind, parse_ontology, to_quads, write_rdf};

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
}

impl Format {
    fn rdf(self) -> RdfKind {
        match self {
            Format::Ttl => RdfKind::Turtle,
            Format::Nt => RdfKind::NTriples,
            Format::Nq => RdfKind::NQuads,
            Format::Trig => RdfKind::TriG,
            Format::Rdfxml => RdfKind::RdfXml,
            Format::Jsonld => RdfKind::JsonLd,
        }
    }
}

#[derive(Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    pub format: Format,
    /// Output file (default: stdout). Written atomically.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
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
    let iris = Iris::new(&args.base_iri)?;
    let quads = to_quads(&kg, &lex, &iris, &parse_ontology(&ontology)?);
    let kind = args.format.rdf();
    match &args.out {
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("creating a file in {}", dir.display()))?;
            write_rdf(kind, &quads, &iris, tmp.as_file_mut())?;
            tmp.as_file_mut().flush()?;
            tmp.persist(path)
                .with_context(|| format!("writing {}", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            write_rdf(kind, &quads, &iris, &mut w)?;
            w.flush()?;
        }
    }
    Ok(Outcome::Complete)
}
