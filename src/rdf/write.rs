//! Serializes quads in every RDF format kg writes. Graph formats (Turtle,
//! N-Triples, RDF/XML) get the union of the named graphs, each triple once;
//! dataset formats (N-Quads, TriG, JSON-LD) keep the named graphs.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Quad, QuadRef, Triple, TripleRef};

use super::mapping::Sink;
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

    pub(super) fn format(self) -> RdfFormat {
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

/// The distinct triples of the union of all graphs, in order.
pub fn union_triples(quads: &[Quad]) -> Vec<Triple> {
    let mut seen = std::collections::HashSet::new();
    quads
        .iter()
        .map(|q| Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone()))
        .filter(|t| seen.insert(t.clone()))
        .collect()
}

/// Remembers the triples that can occur in more than one named graph (time
/// nodes, shared by events and mentions; relations, stated by the
/// gazetteer and by articles), so the union of the graphs has each once.
/// Everything else kg writes lives in exactly one graph.
pub struct UnionFilter {
    time_ns: String,
    relation_props: Vec<String>,
    seen: std::collections::HashSet<Triple>,
}

impl UnionFilter {
    pub fn new(iris: &Iris) -> Self {
        let relation_props = crate::model::RelationKind::ALL
            .iter()
            .map(|r| format!("{}{}", super::vocab::KG, r.property_name()))
            .collect();
        UnionFilter {
            time_ns: iris.time("").as_str().to_string(),
            relation_props,
            seen: Default::default(),
        }
    }

    /// Whether the triple of `q` can occur in more than one graph.
    pub fn is_shared(&self, q: QuadRef<'_>) -> bool {
        matches!(q.subject, oxigraph::model::NamedOrBlankNodeRef::NamedNode(n) if n.as_str().starts_with(&self.time_ns))
            || self
                .relation_props
                .iter()
                .any(|p| p == q.predicate.as_str())
    }

    /// The triple of `q` if it has not been written yet.
    pub fn admit<'q>(&mut self, q: QuadRef<'q>) -> Option<TripleRef<'q>> {
        let shared = self.is_shared(q);
        let t = TripleRef::new(q.subject, q.predicate, q.object);
        if shared && !self.seen.insert(t.into_owned()) {
            return None;
        }
        Some(t)
    }
}

pub(super) fn serializer(kind: RdfKind, iris: &Iris) -> Result<RdfSerializer, KgError> {
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

/// Writes `quads` (grouped by graph and subject) in `kind`; returns the
/// number of statements written.
pub fn write_rdf(
    kind: RdfKind,
    quads: &[Quad],
    iris: &Iris,
    w: &mut dyn Write,
) -> Result<usize, KgError> {
    write_rdf_with(kind, iris, w, &mut |sink| {
        for q in quads {
            sink(q.as_ref());
        }
    })
}

/// Writes the quads that `produce` streams to its sink (grouped by graph and
/// subject, as [`super::for_each_quad`] makes them) in `kind`, without
/// holding them in memory. Graph formats get the union of the named graphs,
/// each triple once. Returns the number of statements written.
pub fn write_rdf_with(
    kind: RdfKind,
    iris: &Iris,
    w: &mut dyn Write,
    produce: &mut dyn FnMut(&mut Sink),
) -> Result<usize, KgError> {
    let rdf = |e: std::io::Error| KgError::Rdf(e.to_string());
    let mut n = 0usize;
    let mut failed: Option<std::io::Error> = None;
    if kind == RdfKind::JsonLd {
        let mut writer = super::jsonld::JsonLdWriter::new(&iris.all_prefixes(), w).map_err(rdf)?;
        produce(&mut |q| {
            if failed.is_none() {
                n += 1;
                failed = writer.quad(q.into_owned()).err();
            }
        });
        if let Some(e) = failed {
            return Err(rdf(e));
        }
        writer.finish().map_err(rdf)?;
        return Ok(n);
    }
    let mut ser = serializer(kind, iris)?.for_writer(w);
    if kind.is_dataset() {
        produce(&mut |q| {
            if failed.is_none() {
                n += 1;
                failed = ser.serialize_quad(q).err();
            }
        });
    } else {
        let mut filter = UnionFilter::new(iris);
        produce(&mut |q| {
            if failed.is_none()
                && let Some(t) = filter.admit(q)
            {
                n += 1;
                failed = ser.serialize_triple(t).err();
            }
        });
    }
    if let Some(e) = failed {
        return Err(rdf(e));
    }
    ser.finish().map_err(rdf)?;
    Ok(n)
}

/// One output of [`write_rdf_many`] being written.
enum Output<'w> {
    Dataset(oxigraph::io::WriterQuadSerializer<&'w mut dyn Write>),
    Union(
        oxigraph::io::WriterQuadSerializer<&'w mut dyn Write>,
        UnionFilter,
    ),
    JsonLd(super::jsonld::JsonLdWriter<'w>),
}

/// Quads per batch handed to a writer thread by [`write_rdf_many`].
const BATCH: usize = 4096;

/// Writes the quads that `produce` streams in several formats at once,
/// making each quad once: one `(kind, writer)` pair per output. Returns the
/// number of statements written in each.
///
/// With `threads`, the JSON-LD output (the slowest writer) is written on a
/// thread of its own, fed batches of quads through a bounded channel, while
/// the other outputs are written as the quads are made; the bytes are the
/// same either way.
pub fn write_rdf_many(
    outputs: Vec<(RdfKind, &mut (dyn Write + Send))>,
    iris: &Iris,
    threads: bool,
    produce: &mut dyn FnMut(&mut Sink),
) -> Result<Vec<usize>, KgError> {
    let split = threads
        && outputs.len() > 1
        && outputs.iter().any(|(k, _)| *k == RdfKind::JsonLd)
        && outputs.iter().any(|(k, _)| *k != RdfKind::JsonLd);
    if !split {
        return write_serial(outputs, iris, produce);
    }
    let mut order = Vec::with_capacity(outputs.len());
    let (mut here, mut there) = (Vec::new(), Vec::new());
    for (kind, w) in outputs {
        order.push(kind == RdfKind::JsonLd);
        if kind == RdfKind::JsonLd {
            there.push((kind, w));
        } else {
            here.push((kind, w));
        }
    }
    let (here_counts, there_counts) = std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Quad>>(4);
        let helper = scope.spawn(move || {
            write_serial(there, iris, &mut |sink| {
                for batch in rx.iter() {
                    for q in &batch {
                        sink(q.as_ref());
                    }
                }
            })
        });
        let mut tx = Some(tx);
        let mut batch = Vec::with_capacity(BATCH);
        let here_counts = write_serial(here, iris, &mut |sink| {
            produce(&mut |q| {
                sink(q);
                batch.push(q.into_owned());
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // A helper that failed has stopped reading: its error is
                    // reported when it is joined.
                    if tx.as_ref().is_some_and(|t| t.send(full).is_err()) {
                        tx = None;
                    }
                }
            })
        });
        if let Some(t) = tx.take()
            && !batch.is_empty()
        {
            let _ = t.send(batch);
        }
        let there_counts = helper
            .join()
            .unwrap_or_else(|_| Err(KgError::Rdf("the JSON-LD writer thread failed".into())));
        (here_counts, there_counts)
    });
    let (mut here_counts, mut there_counts) = (here_counts?.into_iter(), there_counts?.into_iter());
    Ok(order
        .into_iter()
        .map(|json| {
            if json {
                there_counts.next()
            } else {
                here_counts.next()
            }
            .unwrap_or(0)
        })
        .collect())
}

/// [`write_rdf_many`] on the calling thread.
fn write_serial(
    outputs: Vec<(RdfKind, &mut (dyn Write + Send))>,
    iris: &Iris,
    produce: &mut dyn FnMut(&mut Sink),
) -> Result<Vec<usize>, KgError> {
    let rdf = |e: std::io::Error| KgError::Rdf(e.to_string());
    let mut outs: Vec<Output> = Vec::with_capacity(outputs.len());
    for (kind, w) in outputs {
        let w: &mut dyn Write = w;
        outs.push(match kind {
            RdfKind::JsonLd => Output::JsonLd(
                super::jsonld::JsonLdWriter::new(&iris.all_prefixes(), w).map_err(rdf)?,
            ),
            k if k.is_dataset() => Output::Dataset(serializer(k, iris)?.for_writer(w)),
            k => Output::Union(serializer(k, iris)?.for_writer(w), UnionFilter::new(iris)),
        });
    }
    let mut counts = vec![0usize; outs.len()];
    let mut failed: Option<std::io::Error> = None;
    produce(&mut |q| {
        if failed.is_some() {
            return;
        }
        for (i, out) in outs.iter_mut().enumerate() {
            let r = match out {
                Output::Dataset(ser) => ser.serialize_quad(q).map(|_| 1),
                Output::Union(ser, filter) => match filter.admit(q) {
                    Some(t) => ser.serialize_triple(t).map(|_| 1),
                    None => Ok(0),
                },
                Output::JsonLd(w) => w.quad(q.into_owned()).map(|_| 1),
            };
            match r {
                Ok(n) => counts[i] += n,
                Err(e) => {
                    failed = Some(e);
                    return;
                }
            }
        }
    });
    if let Some(e) = failed {
        return Err(rdf(e));
    }
    for out in outs {
        match out {
            Output::Dataset(ser) | Output::Union(ser, _) => {
                ser.finish().map_err(rdf)?;
            }
            Output::JsonLd(w) => w.finish().map_err(rdf)?,
        }
    }
    Ok(counts)
}

/// Quads of the default graph moved into `graph` (for the ontology).
pub fn into_graph(quads: Vec<Quad>, graph: GraphName) -> Vec<Quad> {
    quads
        .into_iter()
        .map(|q| Quad::new(q.subject, q.predicate, q.object, graph.clone()))
        .collect()
}
