//! SHACL validation of a build (oxigraph has no SHACL engine).
//!
//! kg implements the SHACL Core features its shapes (`shapes.ttl`) use, and
//! rejects a shapes file that uses others:
//! - targets: `sh:targetClass` (with `rdfs:subClassOf*` in the data),
//!   `sh:targetNode`, `sh:targetSubjectsOf`, `sh:targetObjectsOf`;
//! - paths: a predicate, or `sh:inversePath` of a predicate;
//! - value type: `sh:class`, `sh:datatype`, `sh:nodeKind`;
//! - cardinality: `sh:minCount`, `sh:maxCount`;
//! - values: `sh:in`, `sh:hasValue`, `sh:minInclusive`, `sh:maxInclusive`,
//!   `sh:minExclusive`, `sh:maxExclusive` (numbers);
//! - strings: `sh:pattern` (+ `sh:flags` i, m, s, x), `sh:minLength`,
//!   `sh:maxLength`, `sh:languageIn`, `sh:uniqueLang`;
//! - property pairs: `sh:equals`, `sh:lessThan`;
//! - shapes: `sh:node`, `sh:or`, `sh:qualifiedValueShape` with
//!   `sh:qualifiedMinCount` / `sh:qualifiedMaxCount` (without sibling
//!   shapes);
//! - SHACL-SPARQL: `sh:sparql` with `sh:select` and `sh:prefixes`/`sh:declare`
//!   on node shapes; the query runs once with `$this` unbound and its
//!   solutions for the shape's focus nodes are the results (the same as
//!   pre-binding for queries without sub-selects, MINUS or aggregates);
//! - `sh:severity`, `sh:message`, `sh:deactivated`.
//!
//! The data graph is the union of the build's named graphs (each triple
//! once), the ontology included, as in `graph.ttl`. A build conforms when
//! there is no result of severity Violation (warnings and infos are
//! reported but allowed, like pySHACL's `allow_warnings`).

pub mod check;
pub mod data;
pub mod model;
pub mod report;
pub mod shapes;

use std::path::Path;

use oxigraph::model::{Quad, Term};
use oxigraph::store::Store;

use super::store::{all_quads, detect_base, in_graph};
use super::terms::{TermProblem, check_terms};
use crate::error::Result;

pub use check::validate;
pub use data::{Graph, PathExpr};
pub use shapes::{Shapes, parse_shapes};

/// The shapes file built into kg (`shapes.ttl`).
pub const BUILTIN_SHAPES: (&str, &str) = ("shapes.ttl", include_str!("../../../shapes.ttl"));

/// The SHACL terms kg understands on a shape.
pub const SUPPORTED: &[&str] = &[
    "targetClass",
    "targetNode",
    "targetSubjectsOf",
    "targetObjectsOf",
    "path",
    "property",
    "class",
    "datatype",
    "nodeKind",
    "minCount",
    "maxCount",
    "in",
    "hasValue",
    "pattern",
    "flags",
    "languageIn",
    "uniqueLang",
    "minInclusive",
    "maxInclusive",
    "minExclusive",
    "maxExclusive",
    "minLength",
    "maxLength",
    "lessThan",
    "equals",
    "node",
    "or",
    "qualifiedValueShape",
    "qualifiedMinCount",
    "qualifiedMaxCount",
    "sparql",
    "severity",
    "message",
    "deactivated",
    "name",
    "description",
    "order",
    "group",
    "defaultValue",
];

/// How serious a validation result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Violation,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: &'static [Severity] = &[Severity::Violation, Severity::Warning, Severity::Info];

    /// The local name of the SHACL severity (`sh:Violation`).
    pub fn id(self) -> &'static str {
        match self {
            Severity::Violation => "Violation",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        }
    }
}

/// One validation result.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationResult {
    pub severity: Severity,
    pub focus: Term,
    /// The property path, for property shapes.
    pub path: Option<PathExpr>,
    pub value: Option<Term>,
    /// The constraint component (`MinCount`, `Class` …).
    pub component: &'static str,
    /// The shape as reports name it (see [`shapes::Shape::label`]).
    pub shape: String,
    /// The shape's node in the shapes graph.
    pub shape_node: Term,
    pub message: String,
}

impl ValidationResult {
    fn sort_key(&self) -> (Severity, String, String, &'static str, String) {
        (
            self.severity,
            self.focus.to_string(),
            self.path
                .as_ref()
                .map(|p| p.to_string())
                .unwrap_or_default(),
            self.component,
            self.value
                .as_ref()
                .map(|v| v.to_string())
                .unwrap_or_default(),
        )
    }
}

/// The results of validating a graph against shapes.
#[derive(Debug, Default)]
pub struct Report {
    /// Sorted by severity, focus node, path, component, value.
    pub results: Vec<ValidationResult>,
    /// Focus nodes checked (each node once per shape).
    pub focus_nodes: usize,
    /// Shapes with targets.
    pub shapes: usize,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.results
            .iter()
            .filter(|r| r.severity == severity)
            .count()
    }

    /// No result of severity Violation.
    pub fn conforms(&self) -> bool {
        self.count(Severity::Violation) == 0
    }

    pub(crate) fn sort(&mut self) {
        self.results.sort_by_cached_key(|r| r.sort_key());
        self.results.dedup();
    }
}

/// A build checked against shapes and against its ontology.
#[derive(Debug)]
pub struct BuildCheck {
    pub report: Report,
    /// Terms the data uses that the ontology does not declare or label.
    pub vocabulary: Vec<TermProblem>,
    /// Distinct triples of the union graph.
    pub triples: usize,
}

impl BuildCheck {
    /// No violation and no vocabulary problem.
    pub fn conforms(&self) -> bool {
        self.report.conforms() && self.vocabulary.is_empty()
    }
}

/// Validates the union of the store's graphs against the shapes in
/// `shapes_ttl` (read from `shapes_path`, for messages), and the terms of
/// the data against the ontology graph of the build.
pub fn check_build(store: &Store, shapes_ttl: &str, shapes_path: &Path) -> Result<BuildCheck> {
    let shapes = parse_shapes(shapes_ttl, shapes_path)?;
    let quads = all_quads(store)?;
    let graph = Graph::from_quads(&quads);
    let report = validate(&graph, store, &shapes)?;
    let base = detect_base(store);
    let (ontology, data): (Vec<Quad>, Vec<Quad>) = quads
        .into_iter()
        .partition(|q| in_graph(q, &base, "ontology"));
    Ok(BuildCheck {
        report,
        vocabulary: check_terms(&data, &ontology),
        triples: graph.len(),
    })
}

#[cfg(test)]
mod tests;
