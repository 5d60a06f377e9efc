//! Maps the knowledge graph to RDF quads.
//!
//! Dataset layout:
//! - `{base}graph/{article}`: what one article says (its mentions, their
//!   evidence selectors, relations it states, the article's metadata);
//! - `{base}graph/entities`: entities, with labels and gazetteer relations;
//! - `{base}graph/events`: merged events across articles;
//! - `{base}graph/ontology`: the ontology (`ontology.ttl`).
//!
//! Provenance stays in named graphs and plain triples (no RDF 1.2 triple
//! terms), so every consumer can read it.

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use super::vocab::*;
use crate::lexicon::Lexicon;
use crate::model::{EventDate, KnowledgeGraph, PartialDate, Precision};

struct Out<'a> {
    quads: &'a mut Vec<Quad>,
    graph: GraphName,
}

impl Out<'_> {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNode, o: impl Into<Term>) {
        self.quads.push(Quad::new(s, p, o, self.graph.clone()));
    }
}

fn typed_date(d: &PartialDate) -> (NamedNode, Literal) {
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

/// Adds an OWL-Time instant or interval for a date; returns its IRI.
fn time_node(out: &mut Out, iris: &Iris, date: &EventDate) -> Option<NamedNode> {
    let start = date.start?;
    match date.end {
        None => {
            let t = iris.time(&start.to_string());
            out.add(t.clone(), rdf_type(), nn(TIME, "Instant"));
            let (p, o) = typed_date(&start);
            out.add(t.clone(), p, o);
            Some(t)
        }
        Some(end) => {
            let t = iris.time(&format!("{start}_{end}"));
            out.add(t.clone(), rdf_type(), nn(TIME, "Interval"));
            for (prop, d) in [("hasBeginning", start), ("hasEnd", end)] {
                let i = iris.time(&d.to_string());
                out.add(t.clone(), nn(TIME, prop), i.clone());
                out.add(i.clone(), rdf_type(), nn(TIME, "Instant"));
                let (p, o) = typed_date(&d);
                out.add(i, p, o);
            }
            Some(t)
        }
    }
}

/// All quads of the graph, sorted (graph, subject, predicate, object) and deduplicated.
pub fn to_quads(
    graph: &KnowledgeGraph,
    lex: &Lexicon,
    iris: &Iris,
    ontology: &[Quad],
) -> Vec<Quad> {
    let mut quads = Vec::new();
    let action_class = |id: &str| {
        lex.action(id)
            .map(|a| NamedNode::new_unchecked(a.class_iri.clone()))
    };

    // Entities.
    let mut out = Out {
        quads: &mut quads,
        graph: iris.graph("entities").into(),
    };
    for e in graph.entities.values() {
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
        for a in &e.aliases {
            if *a != e.label_ar {
                out.add(s.clone(), nn(SKOS, "hiddenLabel"), lit_ar(a));
            }
        }
        if let Some(q) = &e.wikidata {
            out.add(s.clone(), nn(OWL, "sameAs"), nn(WD, q));
        }
        out.add(s, kg("discovered"), lit_bool(e.discovered));
    }
    for r in graph.relations.iter().filter(|r| r.provenance.is_none()) {
        out.add(
            iris.entity(&r.subject),
            kg(r.predicate.property_name()),
            iris.entity(&r.object),
        );
        if let Some(role) = &r.role {
            out.add(iris.entity(&r.subject), kg("position"), lit_en(role));
        }
    }

    // Merged events.
    let mut out = Out {
        quads: &mut quads,
        graph: iris.graph("events").into(),
    };
    for ev in graph.events.values() {
        let s = iris.event(&ev.id);
        out.add(s.clone(), rdf_type(), kg("Event"));
        if let Some(c) = action_class(&ev.action) {
            out.add(s.clone(), rdf_type(), c);
        }
        if let Some(a) = &ev.actor {
            out.add(s.clone(), nn(SEM, "hasActor"), iris.entity(a));
        }
        if let Some(p) = &ev.place {
            out.add(s.clone(), nn(SEM, "hasPlace"), iris.entity(p));
        }
        if let Some(t) = &ev.target {
            out.add(s.clone(), kg("target"), iris.entity(t));
        }
        if let Some(d) = &ev.date
            && let Some(t) = time_node(&mut out, iris, d)
        {
            out.add(s.clone(), nn(SEM, "hasTime"), t);
        }
        out.add(s.clone(), kg("disputed"), lit_bool(ev.disputed));
        for m in &ev.mentions {
            out.add(s.clone(), kg("hasMention"), iris.mention(m));
        }
        for a in &ev.articles {
            out.add(s.clone(), nn(PROV, "wasDerivedFrom"), iris.article(a));
        }
    }

    // Articles: metadata, mentions, evidence, relations stated.
    for a in &graph.articles {
        let mut out = Out {
            quads: &mut quads,
            graph: iris.article_graph(&a.id).into(),
        };
        let s = iris.article(&a.id);
        out.add(s.clone(), rdf_type(), kg("Article"));
        out.add(s.clone(), kg("file"), Literal::new_simple_literal(&a.file));
        if let Some(t) = &a.title {
            out.add(s.clone(), nn(DCTERMS, "title"), lit_ar(t));
        }
        if let Some(src) = &a.source {
            out.add(
                s.clone(),
                nn(DCTERMS, "source"),
                Literal::new_simple_literal(src),
            );
        }
        if let Some(d) = &a.published {
            out.add(s.clone(), nn(DCTERMS, "date"), typed_date(d).1);
        }
        if let Some(l) = &a.lang {
            out.add(
                s.clone(),
                nn(DCTERMS, "language"),
                Literal::new_simple_literal(l),
            );
        }
        if let Some(u) = &a.url
            && let Ok(n) = NamedNode::new(u)
        {
            out.add(s.clone(), nn(PROV, "hadPrimarySource"), n);
        }
    }
    for m in &graph.mentions {
        let p = &m.provenance;
        let mut out = Out {
            quads: &mut quads,
            graph: iris.article_graph(&p.article).into(),
        };
        let s = iris.mention(&m.id);
        out.add(s.clone(), rdf_type(), kg("EventMention"));
        out.add(s.clone(), rdf_type(), nn(OA, "Annotation"));
        if let Some(c) = action_class(&m.action) {
            out.add(s.clone(), rdf_type(), c);
        }
        out.add(s.clone(), kg("mentionOf"), iris.event(&m.event));
        out.add(s.clone(), nn(OA, "hasBody"), iris.event(&m.event));
        if let Some(a) = &m.actor {
            out.add(s.clone(), nn(SEM, "hasActor"), iris.entity(a));
        }
        if let Some(pl) = &m.place {
            out.add(s.clone(), nn(SEM, "hasPlace"), iris.entity(pl));
        }
        if let Some(t) = &m.target {
            out.add(s.clone(), kg("target"), iris.entity(t));
        }
        if let Some(d) = &m.date {
            if let Some(t) = time_node(&mut out, iris, d) {
                out.add(s.clone(), nn(SEM, "hasTime"), t);
            }
            out.add(s.clone(), kg("dateText"), lit_ar(&d.text));
            if let Some(q) = d.qualifier {
                out.add(
                    s.clone(),
                    kg("dateQualifier"),
                    Literal::new_simple_literal(q.id()),
                );
            }
        }
        out.add(
            s.clone(),
            kg("polarity"),
            Literal::new_simple_literal(m.polarity.id()),
        );
        out.add(
            s.clone(),
            kg("modality"),
            Literal::new_simple_literal(m.modality.id()),
        );
        out.add(s.clone(), kg("disputed"), lit_bool(m.disputed));
        if let Some(a) = &m.attributed_to {
            out.add(s.clone(), nn(PROV, "wasAttributedTo"), iris.entity(a));
        }
        if let Some(t) = m.troops {
            out.add(s.clone(), kg("troops"), lit_int(t));
        }
        out.add(s.clone(), kg("trigger"), lit_ar(&m.trigger));
        out.add(s.clone(), kg("sentenceIndex"), lit_int(p.sentence as u64));
        out.add(
            s.clone(),
            nn(PROV, "wasDerivedFrom"),
            iris.article(&p.article),
        );
        evidence(&mut out, iris, &s, p);
    }
    for r in &graph.relations {
        let Some(p) = &r.provenance else { continue };
        let mut out = Out {
            quads: &mut quads,
            graph: iris.article_graph(&p.article).into(),
        };
        out.add(
            iris.entity(&r.subject),
            kg(r.predicate.property_name()),
            iris.entity(&r.object),
        );
        let key = format!(
            "{}|{}|{}|{}|{}",
            r.subject,
            r.predicate.id(),
            r.object,
            p.article,
            p.char_start
        );
        let st = iris.statement(&crate::model::ids::hash_id("st", &[&key]));
        out.add(st.clone(), rdf_type(), kg("RelationStatement"));
        out.add(
            st.clone(),
            kg("statementNamedOrBlankNode"),
            iris.entity(&r.subject),
        );
        out.add(
            st.clone(),
            kg("statementPredicate"),
            kg(r.predicate.property_name()),
        );
        out.add(st.clone(), kg("statementObject"), iris.entity(&r.object));
        if let Some(role) = &r.role {
            out.add(st.clone(), kg("position"), lit_en(role));
        }
        out.add(
            st.clone(),
            nn(PROV, "wasDerivedFrom"),
            iris.article(&p.article),
        );
        evidence(&mut out, iris, &st, p);
    }

    // Ontology.
    let g: GraphName = iris.graph("ontology").into();
    quads.extend(ontology.iter().map(|q| {
        Quad::new(
            q.subject.clone(),
            q.predicate.clone(),
            q.object.clone(),
            g.clone(),
        )
    }));

    sort_quads(&mut quads);
    quads
}

/// Web Annotation target of a fact: the article with a position and a
/// quote selector, named after the fact's IRI (`…#target`, `…#position`,
/// `…#quote`) so they are stable and merge across builds.
fn evidence(out: &mut Out, iris: &Iris, subject: &NamedNode, p: &crate::model::Provenance) {
    let at = |frag: &str| NamedNode::new_unchecked(format!("{}#{frag}", subject.as_str()));
    let (target, pos, quote) = (at("target"), at("position"), at("quote"));
    out.add(subject.clone(), nn(OA, "hasTarget"), target.clone());
    out.add(target.clone(), rdf_type(), nn(OA, "SpecificResource"));
    out.add(
        target.clone(),
        nn(OA, "hasSource"),
        iris.article(&p.article),
    );
    out.add(target.clone(), nn(OA, "hasSelector"), pos.clone());
    out.add(target, nn(OA, "hasSelector"), quote.clone());
    out.add(pos.clone(), rdf_type(), nn(OA, "TextPositionSelector"));
    out.add(pos.clone(), nn(OA, "start"), lit_int(p.char_start as u64));
    out.add(pos, nn(OA, "end"), lit_int(p.char_end as u64));
    out.add(quote.clone(), rdf_type(), nn(OA, "TextQuoteSelector"));
    out.add(quote, nn(OA, "exact"), lit_ar(&p.quote));
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
