//! RDF: the mapping of the knowledge graph to quads (SEM, OWL-Time, PROV-O,
//! Web Annotation, SKOS), the IRI scheme, serialization in every format,
//! and what works on the exported store.
//!
//! - [`vocab`]: namespaces, prefixes, the IRI scheme
//! - [`mapping`], [`provenance`]: the knowledge graph as sorted quads, one
//!   named graph per article plus entities, events and the ontology
//! - [`write`], [`jsonld`]: Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD
//! - [`pieces`], [`nquads`], [`turtle`]: the build's files in parallel pieces,
//!   N-Quads and Turtle written directly
//! - [`store`]: a build's `graph.nq` in an oxigraph store (on disk with the
//!   `rocksdb` feature)
//! - [`query`], [`stream`], [`results`], [`table`]: SPARQL, evaluated as a
//!   stream of rows, and its output formats
//! - [`shacl`], [`terms`]: validation against `shapes.ttl` and the ontology

pub mod jsonld;
pub mod mapping;
pub mod nquads;
pub mod pieces;
pub mod provenance;
pub mod query;
pub mod results;
pub mod shacl;
pub mod store;
pub mod stream;
pub mod table;
pub mod terms;
pub mod turtle;
pub mod vocab;
pub mod write;

#[cfg(test)]
pub(crate) mod tests;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{BlankNode, NamedOrBlankNode, Quad, Term};

use crate::error::KgError;
pub use mapping::{Sink, for_each_quad, sort_quads, to_quads};
pub use vocab::{DEFAULT_BASE, Iris};
pub use write::{RdfKind, union_triples, write_rdf, write_rdf_many, write_rdf_with};

/// Parses the ontology (Turtle) into quads of the default graph.
///
/// Blank nodes (e.g. the lists of `owl:oneOf`) are relabelled in the order
/// they appear, prefixed with a hash of the text: the same ontology always
/// gives the same labels, so exports are byte-identical and two builds
/// with the same ontology merge without duplicating it.
pub fn parse_ontology(ttl: &str) -> Result<Vec<Quad>, KgError> {
    let quads = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ttl.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| KgError::Rdf(format!("ontology: {e}")))?;
    let tag = crate::model::ids::stable_hash(&[ttl]) & 0xffff_ffff;
    let mut labels: std::collections::HashMap<BlankNode, BlankNode> = Default::default();
    let mut relabel = |b: BlankNode| -> BlankNode {
        let n = labels.len();
        labels
            .entry(b)
            .or_insert_with(|| BlankNode::new_unchecked(format!("o{tag:08x}b{n}")))
            .clone()
    };
    Ok(quads
        .into_iter()
        .map(|q| {
            let subject = match q.subject {
                NamedOrBlankNode::BlankNode(b) => relabel(b).into(),
                s => s,
            };
            let object = match q.object {
                Term::BlankNode(b) => relabel(b).into(),
                o => o,
            };
            Quad::new(subject, q.predicate, object, q.graph_name)
        })
        .collect())
}
