//! Serializes quads in every RDF format kg writes. Graph formats (Turtle,
//! N-Triples, RDF/XML) get the union of the named graphs, each triple once;
//! dataset formats (N-Quads, TriG, JSON-LD) keep the named graphs.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Quad, Triple};

use super::vocab::Iris;
use crate::error::KgError;

/// The RDF formats, with their metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RdfKind {
    Turtle,
    NTriples,
    NQuads,
    TriG,
    RdfXml,
    JsonLd,
}

impl RdfKind {
    pub const ALL: &'static [RdfKind] = &[
        RdfKind::Turtle,
        RdfKind::NTriples,
        RdfKind::NQuads,
        RdfKind::TriG,
        RdfKind::RdfXml,
        RdfKind::JsonLd,
    ];

    /// The name used on the command line (`--format ttl`).
    pub fn id(self) -> &'static str {
        match self {
            RdfKind::Turtle => "ttl",
            RdfKind::NTriples => "nt",
            RdfKind::NQuads => "nq",
            RdfKind::TriG => "trig",
            RdfKind::RdfXml => "rdfxml",
            RdfKind::JsonLd => "jsonld",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            RdfKind::RdfXml => "rdf",
            k => k.id(),
        }
    }

    pub fn is_dataset(self) -> bool {
        matches!(self, RdfKind::NQuads | RdfKind::TriG | RdfKind::JsonLd)
    }

    fn format(self) -> RdfFormat {
        match self {
            RdfKind::Turtle => RdfFormat::Turtle,
            RdfKind::NTriples => RdfFormat::NTriples,
            RdfKind::NQuads => RdfFormat::NQuads,
            RdfKind::TriG => RdfFormat::TriG,
            RdfKind::RdfXml => RdfFormat::RdfXml,
            RdfKind::JsonLd => RdfFormat::JsonLd {
                profile: Default::default(),
            },
        }
    }
}

/// The distinct triples of the union of all graphs, sorted.
pub fn union_triples(quads: &[Quad]) -> Vec<Triple> {
    let mut t: Vec<Triple> = quads
        .iter()
        .map(|q| Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone()))
        .collect();
    t.sort_by_cached_key(|x| {
        (
            x.subject.to_string(),
            x.predicate.as_str().to_string(),
            x.object.to_string(),
        )
    });
    t.dedup();
    t
}

fn serializer(kind: RdfKind, iris: &Iris) -> Result<RdfSerializer, KgError> {
    let mut s = RdfSerializer::from_format(kind.format());
    if matches!(kind, RdfKind::Turtle | RdfKind::TriG | RdfKind::RdfXml) {
        for (p, i) in iris.all_prefixes() {
            s = s
                .with_prefix(p, i)
                .map_err(|e| KgError::Rdf(e.to_string()))?;
        }
    }
    Ok(s)
}

/// Writes `quads` (sorted) in `kind`; returns the number of statements written.
pub fn write_rdf(
    kind: RdfKind,
    quads: &[Quad],
    iris: &Iris,
    w: &mut dyn Write,
) -> Result<usize, KgError> {
    if kind == RdfKind::JsonLd {
        super::jsonld::write_jsonld(quads, &iris.all_prefixes(), w)
            .map_err(|e| KgError::Rdf(e.to_string()))?;
        return Ok(quads.len());
    }
    let mut ser = serializer(kind, iris)?.for_writer(w);
    let io = |e: std::io::Error| KgError::Rdf(e.to_string());
    let n = if kind.is_dataset() {
        for q in quads {
            ser.serialize_quad(q).map_err(io)?;
        }
        quads.len()
    } else {
        let triples = union_triples(quads);
        for t in &triples {
            ser.serialize_triple(t).map_err(io)?;
        }
        triples.len()
    };
    ser.finish().map_err(io)?;
    Ok(n)
}

/// Quads of the default graph moved into `graph` (for the ontology).
pub fn into_graph(quads: Vec<Quad>, graph: GraphName) -> Vec<Quad> {
    quads
        .into_iter()
        .map(|q| Quad::new(q.subject, q.predicate, q.object, graph.clone()))
        .collect()
}
