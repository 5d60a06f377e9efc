//! The W3C SHACL validation report (`sh:ValidationReport`) of a
//! validation, as RDF, so that other tools (and the tests, against
//! pySHACL) can read kg's results.

use oxigraph::model::{BlankNode, Literal, NamedNode, Term, Triple};

use super::Report;
use super::data::PathExpr;
use super::shapes::SH;
use crate::model::ids::stable_hash;
use crate::rdf::vocab::{RDF, XSD};

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

/// The report as triples: one `sh:result` per result, with its focus
/// node, path, value, source shape, constraint component, severity and
/// message. Blank node labels are stable (`r0`, `r1` …).
pub fn report_triples(report: &Report, conforms: bool) -> Vec<Triple> {
    let mut t = Vec::new();
    let root = BlankNode::new_unchecked("report");
    let rdf_type = NamedNode::new_unchecked(format!("{RDF}type"));
    t.push(Triple::new(
        root.clone(),
        rdf_type.clone(),
        sh("ValidationReport"),
    ));
    t.push(Triple::new(
        root.clone(),
        sh("conforms"),
        Literal::new_typed_literal(
            conforms.to_string(),
            NamedNode::new_unchecked(format!("{XSD}boolean")),
        ),
    ));
    for (i, r) in report.results.iter().enumerate() {
        let n = BlankNode::new_unchecked(format!("r{i}"));
        t.push(Triple::new(root.clone(), sh("result"), n.clone()));
        t.push(Triple::new(
            n.clone(),
            rdf_type.clone(),
            sh("ValidationResult"),
        ));
        t.push(Triple::new(n.clone(), sh("focusNode"), r.focus.clone()));
        match &r.path {
            Some(PathExpr::Predicate(p)) => {
                t.push(Triple::new(n.clone(), sh("resultPath"), p.clone()))
            }
            Some(PathExpr::Inverse(p)) => {
                let b = BlankNode::new_unchecked(format!("r{i}path"));
                t.push(Triple::new(n.clone(), sh("resultPath"), b.clone()));
                t.push(Triple::new(b, sh("inversePath"), p.clone()));
            }
            None => {}
        }
        if let Some(v) = &r.value {
            t.push(Triple::new(n.clone(), sh("value"), v.clone()));
        }
        // Blank shapes get a label that is the same in every run.
        let shape = match &r.shape_node {
            Term::BlankNode(_) => Term::from(BlankNode::new_unchecked(format!(
                "s{:016x}",
                stable_hash(&[&r.shape])
            ))),
            other => other.clone(),
        };
        t.push(Triple::new(n.clone(), sh("sourceShape"), shape));
        t.push(Triple::new(
            n.clone(),
            sh("sourceConstraintComponent"),
            sh(&format!("{}ConstraintComponent", r.component)),
        ));
        t.push(Triple::new(
            n.clone(),
            sh("resultSeverity"),
            sh(r.severity.id()),
        ));
        t.push(Triple::new(
            n,
            sh("resultMessage"),
            Literal::new_simple_literal(&r.message),
        ));
    }
    t.sort_by_cached_key(|x| x.to_string());
    t
}
