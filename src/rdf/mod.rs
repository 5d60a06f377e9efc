//! RDF: the mapping of the knowledge graph to quads (SEM, OWL-Time, PROV-O,
//! Web Annotation), the IRI scheme, and serialization in every format.

pub mod mapping;
pub mod vocab;
pub mod write;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;

use crate::error::KgError;
pub use mapping::{sort_quads, to_quads};
pub use vocab::{DEFAULT_BASE, Iris};
pub use write::{RdfKind, union_triples, write_rdf};

/// Parses the ontology (Turtle) into quads of the default graph.
pub fn parse_ontology(ttl: &str) -> Result<Vec<Quad>, KgError> {
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ttl.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| KgError::Rdf(format!("ontology: {e}")))
}
