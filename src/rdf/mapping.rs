//! Maps the knowledge graph to RDF quads.
//!
//! Dataset layout (one named graph per kind of fact, so that a user can
//! load, drop or trust them separately):
//! - `{base}graph/{article}`: what one article says: its metadata, its event
//!   mentions with their evidence selectors, and the relations it states
//!   (see [`super::provenance`]);
//! - `{base}graph/entities`: entities, with labels and gazetteer relations;
//! - `{base}graph/events`: merged events across articles;
//! - `{base}graph/ontology`: the ontology (`ontology.ttl`).
//!
//! Provenance stays in named graphs and plain triples (no RDF 1.2 triple
//! terms), so every consumer can read it.

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term};

use super::provenance;
use super::vocab::*;
use crate::lexicon::Lexicon;
use crate::model::{EventDate, KnowledgeGraph, MergedEvent, PartialDate, Precision};

/// A stream of quads: each quad is handed to the sink as it is made.
pub type Sink<'a> = dyn for<'q> FnMut(QuadRef<'q>) + 'a;

/// Where the mapping puts its quads: a [`Sink`] of borrowed quads (see
/// [`Stream`]), or a list of owned quads (the pieces of
/// [`super::pieces`]), which takes the terms as they were made instead of
/// copying them.
pub(super) trait Put {
    fn put(&mut self, s: NamedOrBlankNode, p: NamedNode, o: Term, g: &GraphName);
    fn put_ref(&mut self, q: QuadRef);
}

/// A [`Sink`] as a [`Put`].
pub(super) struct Stream<'a, 'b>(pub &'a mut Sink<'b>);

impl Put for Stream<'_, '_> {
    fn put(&mut self, s: NamedOrBlankNode, p: NamedNode, o: Term, g: &GraphName) {
        (self.0)(QuadRef::new(s.as_ref(), p.as_ref(), o.as_ref(), g.as_ref()));
    }
    fn put_ref(&mut self, q: QuadRef) {
        (self.0)(q);
    }
}

impl Put for Vec<Quad> {
    fn put(&mut self, s: NamedOrBlankNode, p: NamedNode, o: Term, g: &GraphName) {
        self.push(Quad::new(s, p, o, g.clone()));
    }
    fn put_ref(&mut self, q: QuadRef) {
        self.push(q.into_owned());
    }
}

/// The quads of one named graph being written. Time nodes (shared by many
/// facts) are written once per graph.
pub(super) struct Out<'a> {
    pub sink: &'a mut dyn Put,
    pub graph: GraphName,
    pub times: std::collections::HashSet<String>,
    /// When a graph is written in pieces (see [`super::pieces`]): the piece
    /// that writes each time node first, and this piece's number.
    pub owner: Option<(&'a TimeOwners, usize)>,
}

/// The piece of a graph that first writes each time node (by IRI).
pub type TimeOwners = std::collections::HashMap<String, usize>;

impl<'a> Out<'a> {
    pub fn new(sink: &'a mut dyn Put, graph: impl Into<GraphName>) -> Self {
        Out {
            sink,
            graph: graph.into(),
            times: std::collections::HashSet::new(),
            owner: None,
        }
    }

    pub fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNode, o: impl Into<Term>) {
        self.sink.put(s.into(), p, o.into(), &self.graph);
    }

    /// Whether the time node `t` is new in this graph (and marks it written).
    fn first_time(&mut self, t: &NamedNode) -> bool {
        if let Some((owners, piece)) = self.owner
            && owners.get(t.as_str()) != Some(&piece)
        {
            return false;
        }
        self.times.insert(t.as_str().to_string())
    }
}

/// The piece of the events graph that writes each time node first.
pub(super) fn time_owners(iris: &Iris, events: &[&MergedEvent], per_piece: usize) -> TimeOwners {
    let mut owners = TimeOwners::new();
    for (i, ev) in events.iter().enumerate() {
        let Some(start) = ev.date.as_ref().and_then(|d| d.start) else {
            continue;
        };
        let mut keys = vec![start.to_string()];
        if let Some(end) = ev.date.as_ref().and_then(|d| d.end) {
            keys.push(end.to_string());
            keys.push(format!("{start}_{end}"));
        }
        for k in keys {
            owners
                .entry(iris.time(&k).as_str().to_string())
                .or_insert(i / per_piece);
        }
    }
    owners
}

/// The OWL-Time property and typed literal that keep a date's precision:
/// `time:inXSDDate "2025-09-07"^^xsd:date`, `time:inXSDgYearMonth
/// "2025-09"^^xsd:gYearMonth` or `time:inXSDgYear "2025"^^xsd:gYear`.
pub(super) fn typed_date(d: &PartialDate) -> (NamedNode, Literal) {
    match d.precision() {
        Precision::Day => (
            nn(TIME, "inXSDDate"),
            Literal::new_typed_literal(d.to_string(), nn(XSD, "date")),
        ),
        Precision::Month => (
            nn(TIME, "inXSDgYearMonth"),
            Literal::new_typed_literal(d.to_string(), nn(XSD, "gYearMonth")),
        ),
        _ => (
            nn(TIME, "inXSDgYear"),
            Literal::new_typed_literal(format!("{:04}", d.year), nn(XSD, "gYear")),
        ),
    }
}

fn instant(out: &mut Out, iris: &Iris, d: &PartialDate) -> NamedNode {
    let t = iris.time(&d.to_string());
    if out.first_time(&t) {
        out.add(t.clone(), rdf_type(), nn(TIME, "Instant"));
        let (p, o) = typed_date(d);
        out.add(t.clone(), p, o);
    }
    t
}

/// Links `subject` to its date: `sem:hasTime` an OWL-Time instant (or an
/// interval with its beginning and end), plus SEM time stamps holding the
/// same typed literals for simple filters.
pub(super) fn add_time(out: &mut Out, iris: &Iris, subject: &NamedNode, date: &EventDate) {
    let Some(start) = date.start else { return };
    match date.end {
        None => {
            let t = instant(out, iris, &start);
            out.add(subject.clone(), nn(SEM, "hasTime"), t);
            out.add(
                subject.clone(),
                nn(SEM, "hasTimeStamp"),
                typed_date(&start).1,
            );
        }
        Some(end) => {
            let t = iris.time(&format!("{start}_{end}"));
            let b = instant(out, iris, &start);
            let e = instant(out, iris, &end);
            if out.first_time(&t) {
                out.add(t.clone(), rdf_type(), nn(TIME, "Interval"));
                out.add(t.clone(), nn(TIME, "hasBeginning"), b);
                out.add(t.clone(), nn(TIME, "hasEnd"), e);
            }
            out.add(subject.clone(), nn(SEM, "hasTime"), t);
            let (s, e) = (typed_date(&start).1, typed_date(&end).1);
            out.add(subject.clone(), nn(SEM, "hasBeginTimeStamp"), s);
            out.add(subject.clone(), nn(SEM, "hasEndTimeStamp"), e);
        }
    }
}

/// Streams every quad of the graph to `sink`, graph by graph (entities,
/// events, each article in id order, the ontology) and, within a graph,
/// subject by subject. The order comes from the knowledge graph's sorted
/// collections, so it is deterministic without sorting, and no quad is
/// repeated within a graph.
pub fn for_each_quad(
    graph: &KnowledgeGraph,
    lex: &Lexicon,
    iris: &Iris,
    ontology: &[Quad],
    sink: &mut Sink,
) {
    let sink = &mut Stream(sink);
    let statics = statics(graph);
    entities(sink, graph.entities.values(), &statics, iris);
    let mut out = Out::new(sink, iris.graph("events"));
    events(&mut out, graph, lex, iris, graph.events.values());
    let stated = provenance::stated(graph);
    provenance::articles(sink, graph, lex, iris, &graph.articles, &stated);
    ontology_graph(sink, iris, ontology);
}

/// The ontology's quads in its named graph.
pub(super) fn ontology_graph(sink: &mut dyn Put, iris: &Iris, ontology: &[Quad]) {
    let g: GraphName = iris.graph("ontology").into();
    for q in ontology {
        sink.put_ref(QuadRef::new(
            q.subject.as_ref(),
            q.predicate.as_ref(),
            q.object.as_ref(),
            g.as_ref(),
        ));
    }
}

/// All quads of the graph in stream order (for tests and small graphs;
/// exports stream instead).
pub fn to_quads(
    graph: &KnowledgeGraph,
    lex: &Lexicon,
    iris: &Iris,
    ontology: &[Quad],
) -> Vec<Quad> {
    let mut quads = Vec::new();
    for_each_quad(graph, lex, iris, ontology, &mut |q| {
        quads.push(q.into_owned())
    });
    quads
}

/// The action class IRI of an action id (`withdraw` → `kg:Withdraw`).
pub(super) fn action_class(lex: &Lexicon, id: &str) -> Option<NamedNode> {
    lex.action(id)
        .map(|a| NamedNode::new_unchecked(a.class_iri.clone()))
}

/// Gazetteer relations by subject, written with their subject's other facts.
pub(super) type Statics<'g> = std::collections::HashMap<&'g str, Vec<&'g crate::model::Relation>>;

pub(super) fn statics(graph: &KnowledgeGraph) -> Statics<'_> {
    let mut statics: Statics = Default::default();
    for r in graph.relations.iter().filter(|r| r.provenance.is_none()) {
        statics.entry(r.subject.as_str()).or_default().push(r);
    }
    statics
}

/// The quads of `entities` (in order) in the entities graph.
pub(super) fn entities<'g>(
    sink: &mut dyn Put,
    entities: impl Iterator<Item = &'g crate::model::Entity>,
    statics: &Statics,
    iris: &Iris,
) {
    let mut out = Out::new(sink, iris.graph("entities"));
    let mut roles_written = std::collections::HashSet::new();
    for e in entities {
        let s = iris.entity(&e.id);
        out.add(s.clone(), rdf_type(), kg(e.kind.class_name()));
        out.add(s.clone(), nn(SKOS, "prefLabel"), lit_ar(&e.label_ar));
        out.add(s.clone(), nn(RDFS, "label"), lit_ar(&e.label_ar));
        if let Some(en) = &e.label_en {
            out.add(s.clone(), nn(RDFS, "label"), lit_en(en));
            out.add(s.clone(), nn(SKOS, "prefLabel"), lit_en(en));
        }
        for (l, lang) in &e.alt_labels {
            let lit = Literal::new_language_tagged_literal(l, lang).unwrap_or_else(|_| lit_ar(l));
            out.add(s.clone(), nn(SKOS, "altLabel"), lit);
        }
        // SKOS keeps pref, alt and hidden labels disjoint.
        let shown = |a: &str| {
            *a == e.label_ar || e.alt_labels.iter().any(|(l, lang)| l == a && lang == "ar")
        };
        for a in e.aliases.iter().filter(|a| !shown(a)) {
            out.add(s.clone(), nn(SKOS, "hiddenLabel"), lit_ar(a));
        }
        if let Some(q) = &e.wikidata {
            out.add(s.clone(), nn(OWL, "sameAs"), nn(WD, q));
        }
        out.add(s.clone(), kg("discovered"), lit_bool(e.discovered));
        for r in statics.get(e.id.as_str()).into_iter().flatten() {
            out.add(
                s.clone(),
                kg(r.predicate.property_name()),
                iris.entity(&r.object),
            );
            if let Some(role) = r
                .role
                .as_ref()
                .filter(|role| roles_written.insert((e.id.as_str(), role.as_str())))
            {
                out.add(s.clone(), kg("position"), lit_en(role));
            }
        }
    }
}

/// The quads of `events` (in order) in the events graph, through `out`.
pub(super) fn events<'g>(
    out: &mut Out,
    graph: &KnowledgeGraph,
    lex: &Lexicon,
    iris: &Iris,
    events: impl Iterator<Item = &'g MergedEvent>,
) {
    for ev in events {
        let s = iris.event(&ev.id);
        out.add(s.clone(), rdf_type(), kg("Event"));
        if let Some(c) = action_class(lex, &ev.action) {
            out.add(s.clone(), rdf_type(), c.clone());
            out.add(s.clone(), kg("action"), c);
        }
        let (en, ar) = event_labels(graph, lex, ev);
        out.add(s.clone(), nn(RDFS, "label"), lit_en(&en));
        out.add(s.clone(), nn(RDFS, "label"), lit_ar(&ar));
        if let Some(a) = &ev.actor {
            out.add(s.clone(), nn(SEM, "hasActor"), iris.entity(a));
        }
        if let Some(p) = &ev.place {
            out.add(s.clone(), nn(SEM, "hasPlace"), iris.entity(p));
        }
        if let Some(t) = &ev.target {
            out.add(s.clone(), kg("target"), iris.entity(t));
        }
        if let Some(d) = &ev.date {
            add_time(out, iris, &s, d);
        }
        out.add(s.clone(), kg("disputed"), lit_bool(ev.disputed));
        for m in &ev.mentions {
            out.add(s.clone(), kg("hasMention"), iris.mention(m));
        }
        for a in &ev.articles {
            out.add(s.clone(), nn(PROV, "wasDerivedFrom"), iris.article(a));
        }
    }
}

/// Readable labels of a merged event in English and Arabic:
/// `withdraw · Global Coalition · Ain al-Asad Air Base · 2025-09`.
fn event_labels(graph: &KnowledgeGraph, lex: &Lexicon, ev: &MergedEvent) -> (String, String) {
    let action = lex.action(&ev.action);
    let mut en = vec![
        action
            .map(|a| a.label_en.clone())
            .unwrap_or_else(|| ev.action.clone()),
    ];
    let mut ar = vec![
        action
            .and_then(|a| a.label_ar.clone())
            .unwrap_or_else(|| ev.action.clone()),
    ];
    for id in [&ev.actor, &ev.place, &ev.target].into_iter().flatten() {
        match graph.entities.get(id) {
            Some(e) => {
                en.push(e.label_en.clone().unwrap_or_else(|| id.clone()));
                ar.push(e.label_ar.clone());
            }
            None => {
                en.push(id.clone());
                ar.push(id.clone());
            }
        }
    }
    if let Some(d) = ev.date.as_ref().and_then(|d| d.start) {
        en.push(d.to_string());
        ar.push(d.to_string());
    }
    (en.join(" · "), ar.join(" · "))
}

/// Sorts quads by (graph, subject, predicate, object) in their N-Quads
/// spelling and removes duplicates: a deterministic order for every export.
pub fn sort_quads(quads: &mut Vec<Quad>) {
    quads.sort_by_cached_key(|q| {
        (
            q.graph_name.to_string(),
            q.subject.to_string(),
            q.predicate.as_str().to_string(),
            q.object.to_string(),
        )
    });
    quads.dedup();
}
