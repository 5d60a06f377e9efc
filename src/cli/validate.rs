//! `kg validate`: checks a build against SHACL shapes and its ontology.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use super::Outcome;
use kg::rdf::Iris;
use kg::rdf::shacl::report::report_triples;
use kg::rdf::shacl::shapes::SH;
use kg::rdf::shacl::{BUILTIN_SHAPES, Severity, check_build};
use kg::rdf::store::{STORE_FILE, detect_base, load_build};
use kg::rdf::table::compact_iri;

#[derive(Args)]
#[command(
    after_help = "The data graph is the union of the build's named graphs, ontology included. \
Exit codes: 0 the build conforms (warnings allowed); 1 it has violations or terms the ontology does not \
declare; 2 the check could not run."
)]
pub struct ValidateArgs {
    /// The build to check (its graph.nq).
    #[arg(long, default_value = "exports", value_name = "DIR")]
    pub exports: PathBuf,
    /// SHACL shapes (Turtle). Default: ./shapes.ttl when it exists, else the built-in shapes.
    #[arg(long, value_name = "FILE")]
    pub shapes: Option<PathBuf>,
    /// Also write the W3C SHACL validation report (Turtle) to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Print at most this many results of each severity.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
}

pub fn run(args: ValidateArgs) -> Result<Outcome> {
    let path = args
        .shapes
        .clone()
        .or_else(|| Some(PathBuf::from(BUILTIN_SHAPES.0)).filter(|p| p.is_file()));
    let (shapes_text, shapes_name) = match &path {
        Some(p) => (
            std::fs::read_to_string(p)
                .with_context(|| format!("reading the shapes {}", p.display()))?,
            p.clone(),
        ),
        None => (
            BUILTIN_SHAPES.1.to_string(),
            PathBuf::from("(built-in shapes.ttl)"),
        ),
    };
    let store = load_build(&args.exports)?;
    let check = check_build(&store, &shapes_text, &shapes_name)?;
    let mut prefixes = Iris::new(&detect_base(&store))?.all_prefixes();
    prefixes.push(("kgsh".into(), "https://kg.example/shapes#".into()));
    // Shortens every <IRI> of a text with the prefixes.
    let short = |s: &str| -> String {
        s.split(' ')
            .map(
                |t| match t.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
                    Some(iri) => compact_iri(iri, &prefixes),
                    None => t.to_string(),
                },
            )
            .collect::<Vec<_>>()
            .join(" ")
    };
    if let Some(file) = &args.report {
        let triples = report_triples(&check.report, check.conforms());
        let mut ser = oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::Turtle);
        for (p, iri) in prefixes
            .iter()
            .chain([("sh".to_string(), SH.to_string())].iter())
        {
            ser = ser.with_prefix(p, iri)?;
        }
        let mut out = Vec::new();
        let mut w = ser.for_writer(&mut out);
        for t in &triples {
            w.serialize_triple(t)?;
        }
        w.finish()?;
        std::fs::write(file, out).with_context(|| format!("writing {}", file.display()))?;
    }
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let r = &check.report;
    for sev in Severity::ALL {
        let of: Vec<_> = r.results.iter().filter(|x| x.severity == *sev).collect();
        for x in of.iter().take(args.limit) {
            let path = x
                .path
                .as_ref()
                .map(|p| format!(" {}", short(&p.to_string())))
                .unwrap_or_default();
            let value = x
                .value
                .as_ref()
                .map(|v| format!(" (value {})", short(&v.to_string())))
                .unwrap_or_default();
            writeln!(
                w,
                "{}: {}{path}: {} [{}, shape {}]{value}",
                sev.id(),
                short(&x.focus.to_string()),
                x.message,
                x.component,
                short(&x.shape)
            )?;
        }
        if of.len() > args.limit {
            writeln!(
                w,
                "… and {} more {}s (--limit)",
                of.len() - args.limit,
                sev.id().to_lowercase()
            )?;
        }
    }
    for p in &check.vocabulary {
        writeln!(w, "Vocabulary: {p}")?;
    }
    writeln!(
        w,
        "{}: {} triples, {} focus nodes of {} shapes ({}): {} ({} violations, {} warnings, {} infos, {} vocabulary problems)",
        args.exports.join(STORE_FILE).display(),
        check.triples,
        r.focus_nodes,
        r.shapes,
        shapes_name.display(),
        if check.conforms() {
            "conforms"
        } else {
            "does NOT conform"
        },
        r.count(Severity::Violation),
        r.count(Severity::Warning),
        r.count(Severity::Info),
        check.vocabulary.len()
    )?;
    w.flush()?;
    Ok(if check.conforms() {
        Outcome::Complete
    } else {
        Outcome::Incomplete
    })
}
