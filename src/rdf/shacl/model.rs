//! The shapes model: shapes, their targets and constraint components with
//! their parameters, as [`super::shapes`] reads them from a shapes graph.

use oxigraph::model::{NamedNode, Term};

use super::Severity;
use super::data::PathExpr;

/// How a node is: IRI, blank node, literal, or a union of those.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeKind {
    pub iri: bool,
    pub blank: bool,
    pub literal: bool,
}

/// Bounds of sh:minInclusive and its siblings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    MinInclusive(f64),
    MaxInclusive(f64),
    MinExclusive(f64),
    MaxExclusive(f64),
}

/// A constraint component with its parameters.
#[derive(Clone, Debug)]
pub enum Constraint {
    Class(Term),
    Datatype(NamedNode),
    NodeKind(NodeKind),
    MinCount(usize),
    MaxCount(usize),
    In(Vec<Term>),
    HasValue(Term),
    Pattern(regex::Regex),
    LanguageIn(Vec<String>),
    UniqueLang,
    Range(Bound),
    MinLength(usize),
    MaxLength(usize),
    LessThan(NamedNode),
    Equals(NamedNode),
    Node(usize),
    Or(Vec<usize>),
    Qualified {
        shape: usize,
        min: Option<usize>,
        max: Option<usize>,
    },
    Sparql {
        select: String,
        message: Option<String>,
    },
}

impl Constraint {
    /// The SHACL constraint component (`sh:MinCountConstraintComponent`).
    pub fn component(&self) -> &'static str {
        match self {
            Constraint::Class(_) => "Class",
            Constraint::Datatype(_) => "Datatype",
            Constraint::NodeKind(_) => "NodeKind",
            Constraint::MinCount(_) => "MinCount",
            Constraint::MaxCount(_) => "MaxCount",
            Constraint::In(_) => "In",
            Constraint::HasValue(_) => "HasValue",
            Constraint::Pattern(_) => "Pattern",
            Constraint::LanguageIn(_) => "LanguageIn",
            Constraint::UniqueLang => "UniqueLang",
            Constraint::Range(Bound::MinInclusive(_)) => "MinInclusive",
            Constraint::Range(Bound::MaxInclusive(_)) => "MaxInclusive",
            Constraint::Range(Bound::MinExclusive(_)) => "MinExclusive",
            Constraint::Range(Bound::MaxExclusive(_)) => "MaxExclusive",
            Constraint::MinLength(_) => "MinLength",
            Constraint::MaxLength(_) => "MaxLength",
            Constraint::LessThan(_) => "LessThan",
            Constraint::Equals(_) => "Equals",
            Constraint::Node(_) => "Node",
            Constraint::Or(_) => "Or",
            Constraint::Qualified { .. } => "QualifiedValueShape",
            Constraint::Sparql { .. } => "SPARQL",
        }
    }
}

/// What a shape applies to.
#[derive(Clone, Debug)]
pub enum Target {
    Class(Term),
    Node(Term),
    SubjectsOf(NamedNode),
    ObjectsOf(NamedNode),
}

/// A node shape (no path) or a property shape (with a path).
#[derive(Clone, Debug)]
pub struct Shape {
    pub node: Term,
    /// How reports name the shape: its IRI, or for a blank shape the named
    /// shape it belongs to and its path (`kgsh:Event sem:hasActor`).
    pub label: String,
    pub path: Option<PathExpr>,
    pub targets: Vec<Target>,
    pub constraints: Vec<Constraint>,
    pub properties: Vec<usize>,
    pub severity: Severity,
    pub message: Option<String>,
    pub deactivated: bool,
}

/// The shapes of a shapes graph; nested shapes are referred to by index.
#[derive(Debug, Default)]
pub struct Shapes {
    pub shapes: Vec<Shape>,
}
