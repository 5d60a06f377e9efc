//! The named graph of each article: its metadata, the event mentions it
//! contains and the relations it states, each traced to its evidence with
//! PROV-O (`prov:wasDerivedFrom` the article, `prov:wasAttributedTo` the
//! source) and a W3C Web Annotation target: the article with a
//! `oa:TextPositionSelector` (character offsets into the ORIGINAL text, end
//! exclusive, as the Web Annotation model counts them) and a
//! `oa:TextQuoteSelector` (the quote itself).

use std::collections::{BTreeMap, HashSet};

use oxigraph::model::{Literal, NamedNode};

use super::mapping::{Out, Put, action_class, add_time, typed_date};
use super::vocab::*;
use crate::lexicon::Lexicon;
use crate::model::{
    ArticleMeta, EventMention, KnowledgeGraph, Modality, Polarity, Provenance, Relation,
};

/// Local name of a polarity value in the ontology (`kg:Negative`).
pub fn polarity_name(p: Polarity) -> &'static str {
    match p {
        Polarity::Positive => "Positive",
        Polarity::Negative => "Negative",
    }
}

/// Local name of a modality value in the ontology (`kg:Planned`).
pub fn modality_name(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "Asserted",
        Modality::Planned => "Planned",
        Modality::Hypothetical => "Hypothetical",
    }
}

/// The relations stated by each article, by article id.
pub(super) type Stated<'g> = BTreeMap<&'g str, Vec<&'g Relation>>;

pub(super) fn stated(graph: &KnowledgeGraph) -> Stated<'_> {
    let mut stated: Stated = BTreeMap::new();
    for r in &graph.relations {
        if let Some(p) = &r.provenance {
            stated.entry(p.article.as_str()).or_default().push(r);
        }
    }
    stated
}

/// The graphs of `articles` in turn: each article's metadata, its mentions,
/// the relations it states.
pub(super) fn articles(
    sink: &mut dyn Put,
    graph: &KnowledgeGraph,
    lex: &Lexicon,
    iris: &Iris,
    articles: &[ArticleMeta],
    stated: &Stated,
) {
    for a in articles {
        let mut out = Out::new(&mut *sink, iris.article_graph(&a.id));
        let s = iris.article(&a.id);
        out.add(s.clone(), rdf_type(), kg("Article"));
        out.add(s.clone(), kg("file"), Literal::new_simple_literal(&a.file));
        if let Some(t) = &a.title {
            out.add(s.clone(), nn(DCTERMS, "title"), lit_ar(t));
        }
        if let Some(src) = &a.source {
            out.add(
                s.clone(),
                nn(DC, "publisher"),
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
        // Mentions are sorted by article: this article's are one run.
        let from = graph
            .mentions
            .partition_point(|m| m.provenance.article < a.id);
        let to = graph
            .mentions
            .partition_point(|m| m.provenance.article <= a.id);
        mentions(&mut out, &graph.mentions[from..to], lex, iris);
        statements(
            &mut out,
            stated.get(a.id.as_str()).map_or(&[][..], Vec::as_slice),
            iris,
        );
    }
}

fn mentions(out: &mut Out, mentions: &[EventMention], lex: &Lexicon, iris: &Iris) {
    for m in mentions {
        let p = &m.provenance;
        let s = iris.mention(&m.id);
        out.add(s.clone(), rdf_type(), kg("EventMention"));
        if let Some(c) = action_class(lex, &m.action) {
            out.add(s.clone(), kg("action"), c);
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
            add_time(out, iris, &s, d);
            out.add(s.clone(), kg("dateText"), lit_ar(&d.text));
            if let Some(q) = d.qualifier {
                out.add(
                    s.clone(),
                    kg("dateQualifier"),
                    Literal::new_simple_literal(q.id()),
                );
            }
        }
        out.add(s.clone(), kg("polarity"), kg(polarity_name(m.polarity)));
        out.add(s.clone(), kg("modality"), kg(modality_name(m.modality)));
        out.add(s.clone(), kg("disputed"), lit_bool(m.disputed));
        if let Some(a) = &m.attributed_to {
            out.add(s.clone(), nn(PROV, "wasAttributedTo"), iris.entity(a));
        }
        if let Some(t) = m.troops {
            out.add(s.clone(), kg("troops"), lit_int(t));
        }
        out.add(s.clone(), kg("triggerWord"), lit_ar(&m.trigger));
        evidence(out, iris, &s, p);
    }
}

/// Relations stated by a sentence: the plain triple in the article's graph,
/// and an `rdf:Statement` (a `kg:RelationStatement`) carrying its evidence.
fn statements(out: &mut Out, relations: &[&Relation], iris: &Iris) {
    // The same fact stated twice in an article is one triple (two statements).
    let mut triples = HashSet::new();
    for r in relations {
        let Some(p) = &r.provenance else { continue };
        let predicate = kg(r.predicate.property_name());
        if triples.insert((&r.subject, r.predicate, &r.object)) {
            out.add(
                iris.entity(&r.subject),
                predicate.clone(),
                iris.entity(&r.object),
            );
        }
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
        out.add(st.clone(), nn(RDF, "subject"), iris.entity(&r.subject));
        out.add(st.clone(), nn(RDF, "predicate"), predicate);
        out.add(st.clone(), nn(RDF, "object"), iris.entity(&r.object));
        if let Some(role) = &r.role {
            out.add(st.clone(), kg("position"), lit_en(role));
        }
        evidence(out, iris, &st, p);
    }
}

/// The article, sentence and Web Annotation target of a fact, named after
/// the fact's IRI (`…#target`, `…#position`, `…#quote`) so they are stable
/// and merge across builds.
fn evidence(out: &mut Out, iris: &Iris, subject: &NamedNode, p: &Provenance) {
    out.add(
        subject.clone(),
        nn(PROV, "wasDerivedFrom"),
        iris.article(&p.article),
    );
    out.add(
        subject.clone(),
        kg("sentenceIndex"),
        lit_int(p.sentence as u64),
    );
    let at = |frag: &str| NamedNode::new_unchecked(concat(&[subject.as_str(), "#", frag]));
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
