//! The three RDF files of a build (Turtle, N-Quads, JSON-LD) made in
//! parallel pieces on the current rayon pool, written in a fixed order.
//!
//! The quad stream of [`super::for_each_quad`] is cut into pieces: runs of
//! entities, runs of events, runs of article graphs, the ontology. Each
//! piece makes its quads and serializes them to byte buffers on any worker;
//! the buffers are then written in stream order, so the files are the same
//! bytes as the serial writers make, whatever the number of threads.
//!
//! What a piece depends on outside itself is settled before or between the
//! parallel steps:
//! - a time node is written once per graph: the events graph is split, so
//!   the piece that writes each of its time nodes first is found beforehand
//!   (a pass over the events' dates);
//! - Turtle has each shared triple (time nodes, relations) once: the pieces
//!   list theirs, a serial step keeps the first, then Turtle is written;
//! - the separators of Turtle and JSON-LD depend on what came before: each
//!   piece starts from the state the previous piece leaves (checked when
//!   the pieces are joined; a piece whose assumption was wrong is written
//!   again from the actual state).
//!
//! Pieces never split a subject's run (entities, events and articles each
//! start with their own subject), and the build calls this only when the
//! article graphs' names are distinct from the other graphs' (see
//! [`pieces_apply`]).

use std::collections::HashSet;
use std::io::Write;

use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Triple, TripleRef};
use rayon::prelude::*;

use super::jsonld::{self, PieceCompactor, PieceState};
use super::mapping::{self, Out, Statics, TimeOwners, time_owners};
use super::nquads;
use super::provenance::{self, Stated};
use super::turtle::TurtleWriter;
use super::vocab::Iris;
use super::write::{RdfKind, UnionFilter, serializer};
use crate::error::KgError;
use crate::lexicon::Lexicon;
use crate::model::{ArticleMeta, Entity, KnowledgeGraph, MergedEvent};

/// How the stream is cut: entities, events and articles per piece, and
/// pieces made before they are written (which bounds the memory held).
#[derive(Clone, Copy)]
pub(super) struct Sizes {
    pub entities: usize,
    pub events: usize,
    pub articles: usize,
    pub window: usize,
}

pub(super) const SIZES: Sizes = Sizes {
    entities: 256,
    events: 256,
    articles: 4,
    window: 64,
};

/// The three outputs.
pub struct RdfWriters<'w> {
    pub turtle: &'w mut (dyn Write + Send),
    pub nquads: &'w mut (dyn Write + Send),
    pub jsonld: &'w mut (dyn Write + Send),
}

enum Piece<'g> {
    Entities(&'g [&'g Entity]),
    /// The events piece's number (for time nodes) and its events.
    Events(usize, &'g [&'g MergedEvent]),
    Articles(&'g [ArticleMeta]),
    Ontology,
}

/// Whether [`write_pieces`] makes the same bytes as the serial writers for
/// `graph`: article ids are strictly increasing and none names one of the
/// other graphs (so each piece opens its own graph or subject).
pub fn pieces_apply(graph: &KnowledgeGraph) -> bool {
    graph.articles.windows(2).all(|w| w[0].id < w[1].id)
        && graph
            .articles
            .iter()
            .all(|a| !matches!(a.id.as_str(), "entities" | "events" | "ontology"))
}

/// What every piece reads.
struct Ctx<'g> {
    graph: &'g KnowledgeGraph,
    lex: &'g Lexicon,
    iris: &'g Iris,
    ontology: &'g [Quad],
    statics: Statics<'g>,
    stated: Stated<'g>,
    owners: TimeOwners,
    compactor: PieceCompactor,
    filter: UnionFilter,
    /// What a Turtle serializer writes for [`primer`] alone: the prefixes
    /// and the primer triple.
    primed: usize,
    /// The direct Turtle writer, unless its prefixes differ from oxttl's.
    ttl: Option<TurtleWriter>,
}

/// A triple written before a piece's own so that the serializer's state is
/// "after some other subject"; its bytes are cut off.
fn primer() -> Triple {
    let n = NamedNode::new_unchecked("urn:kg:piece");
    Triple::new(n.clone(), n.clone(), n)
}

impl Ctx<'_> {
    fn quads(&self, piece: &Piece) -> Vec<Quad> {
        let (graph, iris) = (self.graph, self.iris);
        // About as many quads as the piece makes (a Quad is large: growing
        // the list copied them several times).
        let estimate = match piece {
            Piece::Entities(es) => es.len() * 12,
            Piece::Events(_, evs) => evs.len() * 16,
            Piece::Articles(a) => a
                .iter()
                .map(|a| {
                    let ms = &graph.mentions;
                    let n = ms.partition_point(|m| m.provenance.article <= a.id)
                        - ms.partition_point(|m| m.provenance.article < a.id);
                    16 + n * 40
                })
                .sum(),
            Piece::Ontology => self.ontology.len(),
        };
        let mut quads: Vec<Quad> = Vec::with_capacity(estimate);
        let sink = &mut quads;
        match piece {
            Piece::Entities(es) => mapping::entities(sink, es.iter().copied(), &self.statics, iris),
            Piece::Events(n, evs) => {
                let mut out = Out::new(sink, iris.graph("events"));
                out.owner = Some((&self.owners, *n));
                mapping::events(&mut out, graph, self.lex, iris, evs.iter().copied());
            }
            Piece::Articles(a) => {
                provenance::articles(sink, graph, self.lex, iris, a, &self.stated)
            }
            Piece::Ontology => mapping::ontology_graph(sink, iris, self.ontology),
        }
        quads
    }

    /// Turtle of the admitted quads after `after` (the last subject and
    /// predicate written; the primer's if none), without the final dot.
    fn turtle(
        &self,
        quads: &[Quad],
        dropped: &[usize],
        after: Option<&(NamedOrBlankNode, NamedNode)>,
    ) -> Result<Vec<u8>, KgError> {
        let mut dropped = dropped.iter().peekable();
        let kept = quads
            .iter()
            .enumerate()
            .filter(move |(i, _)| dropped.next_if_eq(&i).is_none())
            .map(|(_, q)| TripleRef::new(&q.subject, &q.predicate, &q.object));
        let p = primer();
        let Some(ttl) = &self.ttl else {
            return self.turtle_oxttl(kept, after);
        };
        let last = match after {
            None => (p.subject.as_ref(), p.predicate.as_ref()),
            Some((s, pr)) => (s.as_ref(), pr.as_ref()),
        };
        let mut out = Vec::with_capacity(quads.len() * 48);
        ttl.push_triples(&mut out, Some(last), kept);
        Ok(out)
    }

    /// [`Self::turtle`] through oxttl's serializer: primed with a triple
    /// whose bytes (and the prefixes) are cut off.
    fn turtle_oxttl<'a>(
        &self,
        kept: impl Iterator<Item = TripleRef<'a>>,
        after: Option<&(NamedOrBlankNode, NamedNode)>,
    ) -> Result<Vec<u8>, KgError> {
        let rdf = |e: std::io::Error| KgError::Rdf(e.to_string());
        let p = primer();
        let (start, skip) = match after {
            None => (p.clone(), self.primed),
            Some((s, pr)) => {
                let t = Triple::new(s.clone(), pr.clone(), p.object.clone());
                let mut alone = serializer(RdfKind::Turtle, self.iris)?.for_writer(Vec::new());
                alone.serialize_triple(t.as_ref()).map_err(rdf)?;
                (t, alone.finish().map_err(rdf)?.len() - 3)
            }
        };
        let mut ser = serializer(RdfKind::Turtle, self.iris)?.for_writer(Vec::new());
        ser.serialize_triple(start.as_ref()).map_err(rdf)?;
        for t in kept {
            ser.serialize_triple(t).map_err(rdf)?;
        }
        let mut bytes = ser.finish().map_err(rdf)?;
        bytes.truncate(bytes.len() - 3);
        bytes.drain(..skip);
        Ok(bytes)
    }
}

/// A piece made and serialized.
struct Made {
    /// The piece's quads, until its Turtle is written; then their number.
    quads: Vec<Quad>,
    count: usize,
    shared: Vec<usize>,
    dropped: Vec<usize>,
    nquads: Vec<u8>,
    jsonld: Vec<u8>,
    /// The JSON-LD state the piece was written from, and the one it leaves.
    json_from: PieceState,
    json_to: PieceState,
    turtle: Vec<u8>,
    /// The first and last (subject, predicate) the piece writes in Turtle.
    turtle_first: Option<(NamedOrBlankNode, NamedNode)>,
    turtle_last: Option<(NamedOrBlankNode, NamedNode)>,
}

/// The serial writers' state between pieces.
#[derive(Default)]
struct Joined {
    json: PieceState,
    turtle_last: Option<(NamedOrBlankNode, NamedNode)>,
    triples: usize,
    quads: usize,
}

/// Writes the RDF files of `graph` in pieces made in parallel on the
/// current rayon pool (see the module's header); call it only when
/// [`pieces_apply`]. Returns (triples in Turtle, quads in N-Quads).
pub fn write_pieces(
    graph: &KnowledgeGraph,
    lex: &Lexicon,
    iris: &Iris,
    ontology: &[Quad],
    w: RdfWriters,
) -> Result<(usize, usize), KgError> {
    write_sized(graph, lex, iris, ontology, w, SIZES)
}

pub(super) fn write_sized(
    graph: &KnowledgeGraph,
    lex: &Lexicon,
    iris: &Iris,
    ontology: &[Quad],
    w: RdfWriters,
    sizes: Sizes,
) -> Result<(usize, usize), KgError> {
    let rdf = |e: std::io::Error| KgError::Rdf(e.to_string());
    let entities: Vec<&Entity> = graph.entities.values().collect();
    let events: Vec<&MergedEvent> = graph.events.values().collect();
    let mut pieces: Vec<Piece> = entities
        .chunks(sizes.entities)
        .map(Piece::Entities)
        .collect();
    pieces.extend(
        events
            .chunks(sizes.events)
            .enumerate()
            .map(|(n, c)| Piece::Events(n, c)),
    );
    pieces.extend(graph.articles.chunks(sizes.articles).map(Piece::Articles));
    pieces.push(Piece::Ontology);
    let mut primed = serializer(RdfKind::Turtle, iris)?.for_writer(Vec::new());
    primed.serialize_triple(primer().as_ref()).map_err(rdf)?;
    let primed = primed.finish().map_err(rdf)?;
    let mut ctx = Ctx {
        graph,
        lex,
        iris,
        ontology,
        statics: mapping::statics(graph),
        stated: provenance::stated(graph),
        owners: time_owners(iris, &events, sizes.events),
        compactor: PieceCompactor::new(&iris.all_prefixes()),
        filter: UnionFilter::new(iris),
        primed: primed.len() - 3,
        ttl: None,
    };
    // The prefixes alone: what the serializer writes before the primer.
    let text = primer().to_string();
    let prelude = &primed[..primed.len() - 3 - text.len()];
    debug_assert!(primed[prelude.len()..].starts_with(text.as_bytes()));
    let ttl = TurtleWriter::new(&iris.all_prefixes());
    ctx.ttl = (ttl.prelude() == prelude).then_some(ttl);
    let graph_of = |p: &Piece| -> GraphName {
        match p {
            Piece::Entities(_) => iris.graph("entities").into(),
            Piece::Events(..) => iris.graph("events").into(),
            Piece::Articles(a) => iris
                .article_graph(a.last().map_or("", |a| a.id.as_str()))
                .into(),
            Piece::Ontology => iris.graph("ontology").into(),
        }
    };
    // The JSON-LD state each piece assumes: the previous piece wrote at
    // least one node object in its last graph.
    let assumed: Vec<PieceState> = (0..pieces.len())
        .map(|i| match i.checked_sub(1) {
            None => PieceState::default(),
            Some(prev) => PieceState {
                graph: Some(graph_of(&pieces[prev])),
                top_items: true,
                graph_nodes: true,
            },
        })
        .collect();

    let RdfWriters {
        turtle,
        nquads,
        jsonld,
    } = w;
    jsonld::header(&iris.all_prefixes(), jsonld).map_err(rdf)?;
    let mut seen: HashSet<Triple> = HashSet::new();
    let mut joined = Joined::default();
    let mut pending: Option<Vec<Made>> = None;
    let starts: Vec<usize> = (0..pieces.len()).step_by(sizes.window).collect();
    let mut prelude_due = true;
    let mut windows = starts
        .iter()
        .map(|&s| s..(s + sizes.window).min(pieces.len()));
    loop {
        let next = windows.next();
        let mut next_range = next.clone();
        if next.is_none() && pending.is_none() {
            break;
        }
        let (made, written) = rayon::join(
            || next.map(|r| make(&ctx, &pieces[r.clone()], &assumed[r], &mut seen)),
            || {
                pending
                    .take()
                    .map(|p| write_window(p, turtle, nquads, jsonld))
            },
        );
        if let Some(r) = written {
            r.map_err(rdf)?;
        }
        pending = match made {
            Some(made) => {
                let r = next_range.take().unwrap_or_default();
                Some(join(
                    &ctx,
                    &pieces[r],
                    made?,
                    &mut joined,
                    &mut prelude_due,
                    prelude,
                )?)
            }
            None => None,
        };
    }
    if !prelude_due {
        turtle.write_all(b" .\n").map_err(rdf)?;
    }
    jsonld::footer(&joined.json, jsonld).map_err(rdf)?;
    Ok((joined.triples, joined.quads))
}

/// Makes a window of pieces: quads, N-Quads and JSON-LD in parallel, then
/// the shared triples kept in order, then Turtle in parallel.
fn make(
    ctx: &Ctx,
    pieces: &[Piece],
    assumed: &[PieceState],
    seen: &mut HashSet<Triple>,
) -> Result<Vec<Made>, KgError> {
    let rdf = |e: std::io::Error| KgError::Rdf(e.to_string());
    let mut made = pieces
        .par_iter()
        .zip(assumed)
        .map(|(piece, from)| -> Result<Made, KgError> {
            let quads = ctx.quads(piece);
            let mut nq = Vec::with_capacity(quads.len() * 200);
            let mut shared = Vec::new();
            for (i, q) in quads.iter().enumerate() {
                nquads::push_quad(&mut nq, q.as_ref());
                if ctx.filter.is_shared(q.as_ref()) {
                    shared.push(i);
                }
            }
            let mut json_to = from.clone();
            let mut json = Vec::with_capacity(quads.len() * 72);
            jsonld::write_piece(&ctx.compactor, &quads, &mut json_to, &mut json).map_err(rdf)?;
            Ok(Made {
                shared,
                dropped: Vec::new(),
                nquads: nq,
                jsonld: json,
                json_from: from.clone(),
                json_to,
                turtle: Vec::new(),
                turtle_first: None,
                turtle_last: None,
                count: 0,
                quads,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    for m in &mut made {
        for &i in &m.shared {
            let q = &m.quads[i];
            let t = TripleRef::new(&q.subject, &q.predicate, &q.object);
            if !seen.insert(t.into_owned()) {
                m.dropped.push(i);
            }
        }
    }
    made.par_iter_mut()
        .try_for_each(|m| -> Result<(), KgError> {
            m.turtle = ctx.turtle(&m.quads, &m.dropped, None)?;
            let mut kept = (0..m.quads.len()).filter(|i| m.dropped.binary_search(i).is_err());
            let key = |i: usize| (m.quads[i].subject.clone(), m.quads[i].predicate.clone());
            m.turtle_first = kept.next().map(key);
            m.turtle_last = kept.next_back().map(key).or_else(|| m.turtle_first.clone());
            m.count = m.quads.len();
            m.quads = Vec::new();
            Ok(())
        })?;
    Ok(made)
}

/// Checks each piece against the state the previous ones left, writing
/// again what assumed another, and drops what writing no longer needs.
fn join(
    ctx: &Ctx,
    pieces: &[Piece],
    mut made: Vec<Made>,
    joined: &mut Joined,
    prelude_due: &mut bool,
    prelude: &[u8],
) -> Result<Vec<Made>, KgError> {
    let rdf = |e: std::io::Error| KgError::Rdf(e.to_string());
    for (m, piece) in made.iter_mut().zip(pieces) {
        if m.json_from != joined.json {
            let mut to = joined.json.clone();
            m.jsonld.clear();
            let quads = ctx.quads(piece);
            jsonld::write_piece(&ctx.compactor, &quads, &mut to, &mut m.jsonld).map_err(rdf)?;
            m.json_to = to;
        }
        joined.json = m.json_to.clone();
        if let Some((s, _)) = &m.turtle_first {
            if joined.turtle_last.as_ref().is_some_and(|(l, _)| l == s) {
                let quads = ctx.quads(piece);
                m.turtle = ctx.turtle(&quads, &m.dropped, joined.turtle_last.as_ref())?;
            } else if *prelude_due {
                // The first triple: the prefixes, and no dot before it.
                let mut t = prelude.to_vec();
                t.extend_from_slice(&m.turtle[3..]);
                m.turtle = t;
            }
            *prelude_due = false;
            joined.turtle_last = m.turtle_last.take();
        }
        joined.triples += m.count - m.dropped.len();
        joined.quads += m.count;
    }
    Ok(made)
}

/// Writes a window's bytes, N-Quads beside Turtle and JSON-LD.
fn write_window(
    made: Vec<Made>,
    turtle: &mut (dyn Write + Send),
    nquads: &mut (dyn Write + Send),
    jsonld: &mut (dyn Write + Send),
) -> std::io::Result<()> {
    let (a, b) = rayon::join(
        || made.iter().try_for_each(|m| nquads.write_all(&m.nquads)),
        || {
            made.iter().try_for_each(|m| {
                turtle.write_all(&m.turtle)?;
                jsonld.write_all(&m.jsonld)
            })
        },
    );
    a.and(b)
}
