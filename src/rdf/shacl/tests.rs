//! The shapes on kg's own data: the fixture conforms, and each kind of
//! broken data is caught by the constraint meant for it.

use std::path::Path;

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

use super::*;
use crate::rdf::store::memory_store;
use crate::rdf::tests::fixture_quads;

fn report(quads: &[Quad]) -> Report {
    let shapes = parse_shapes(BUILTIN_SHAPES.1, Path::new("shapes.ttl")).unwrap();
    let store = memory_store(quads).unwrap();
    validate(&Graph::from_quads(quads), &store, &shapes).unwrap()
}

fn components(r: &Report) -> Vec<(&'static str, String)> {
    r.results
        .iter()
        .filter(|x| x.severity == Severity::Violation)
        .map(|x| {
            (
                x.component,
                x.path.as_ref().map(|p| p.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

/// The fixture with the quads matching `pred` changed by `f` (or removed).
fn edit(pred: &str, f: impl Fn(&Quad) -> Option<Quad>) -> Vec<Quad> {
    fixture_quads()
        .into_iter()
        .filter_map(|q| {
            if q.predicate.as_str().ends_with(pred) {
                f(&q)
            } else {
                Some(q)
            }
        })
        .collect()
}

fn with_object(q: &Quad, o: impl Into<Term>) -> Option<Quad> {
    Some(Quad::new(
        q.subject.clone(),
        q.predicate.clone(),
        o,
        q.graph_name.clone(),
    ))
}

#[test]
fn the_fixture_conforms_and_region_actors_would_only_warn() {
    let r = report(&fixture_quads());
    assert!(r.conforms(), "{:#?}", r.results);
    assert!(
        r.shapes >= 10 && r.focus_nodes > 20,
        "{} shapes, {} nodes",
        r.shapes,
        r.focus_nodes
    );
    // A region as actor is a warning, not a violation.
    let quads = edit("#type", |q| {
        if q.subject.to_string().ends_with("entity/coalition>") {
            with_object(
                q,
                NamedNode::new_unchecked("https://kg.example/ontology#Region"),
            )
        } else {
            Some(q.clone())
        }
    });
    let r = report(&quads);
    assert!(r.conforms());
    assert!(r.count(Severity::Warning) > 0);
}

#[test]
fn missing_and_unknown_values_are_violations() {
    let r = report(&edit("#polarity", |_| None));
    assert!(
        components(&r).contains(&("MinCount", "<https://kg.example/ontology#polarity>".into())),
        "{:?}",
        components(&r)
    );
    let r = report(&edit("#modality", |q| {
        with_object(
            q,
            NamedNode::new_unchecked("https://kg.example/ontology#Maybe"),
        )
    }));
    assert!(components(&r).iter().any(|c| c.0 == "In"));
    let r = report(&edit("#mentionOf", |_| None));
    let found = components(&r);
    assert!(
        found.iter().any(|c| c.0 == "Equals") && found.iter().any(|c| c.0 == "MinCount"),
        "{found:?}"
    );
}

#[test]
fn broken_evidence_is_caught() {
    // A quote that does not fit its offsets (SHACL-SPARQL).
    let r = report(&edit("#exact", |q| {
        with_object(
            q,
            Literal::new_language_tagged_literal_unchecked("قصير", "ar"),
        )
    }));
    assert!(
        components(&r).iter().any(|c| c.0 == "SPARQL"),
        "{:?}",
        components(&r)
    );
    // A span that ends before it starts.
    let r = report(&edit("#end", |q| with_object(q, Literal::from(0))));
    assert!(components(&r).iter().any(|c| c.0 == "LessThan"));
    // A date of the wrong type.
    let r = report(&edit("/hasTimeStamp", |q| {
        with_object(q, Literal::new_simple_literal("September"))
    }));
    assert!(components(&r).iter().any(|c| c.0 == "Node"));
}

#[test]
fn entities_need_an_arabic_label_one_class_and_a_clean_id() {
    let r = report(&edit("#prefLabel", |q| {
        if q.subject.to_string().ends_with("entity/iraq>") {
            None
        } else {
            Some(q.clone())
        }
    }));
    assert!(
        components(&r).iter().any(|c| c.0 == "QualifiedMinCount"),
        "{:?}",
        components(&r)
    );
    let mut quads = fixture_quads();
    quads.push(Quad::new(
        NamedNode::new_unchecked("https://kg.example/id/entity/Bad_Id"),
        NamedNode::new_unchecked(format!("{}type", crate::rdf::vocab::RDF)),
        NamedNode::new_unchecked("https://kg.example/ontology#City"),
        GraphName::DefaultGraph,
    ));
    let found = components(&report(&quads));
    assert!(
        found.iter().any(|c| c.0 == "Pattern") && found.iter().any(|c| c.0 == "MinCount"),
        "{found:?}"
    );
}

#[test]
fn unsupported_shacl_is_refused_by_name() {
    let ttl = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<http://x/S> a sh:NodeShape ; sh:targetNode <http://x/a> ; sh:xone ( ) .";
    let e = parse_shapes(ttl, Path::new("my-shapes.ttl"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("my-shapes.ttl") && e.contains("sh:xone is not supported"),
        "{e}"
    );
    let e = parse_shapes("<a> <b>", Path::new("broken.ttl"))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("broken.ttl, line 1"), "{e}");
}
