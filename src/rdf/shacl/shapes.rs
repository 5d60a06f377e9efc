//! Reads a SHACL shapes graph (Turtle) into shapes and their constraints.
//! Shapes that use a SHACL feature kg does not implement are rejected with
//! the shape and the feature named, rather than silently skipped.

use std::collections::HashMap;
use std::path::Path;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, Quad, Term};

use super::data::{Graph, PathExpr};
pub use super::model::*;
use super::{SUPPORTED, Severity};
use crate::error::{KgError, Result, TextPos};

pub const SH: &str = "http://www.w3.org/ns/shacl#";

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

struct Reader<'a> {
    g: &'a Graph,
    path: &'a Path,
    index: HashMap<Term, usize>,
    shapes: Vec<Shape>,
}

impl Reader<'_> {
    fn err(&self, node: &Term, message: impl std::fmt::Display) -> KgError {
        KgError::Input {
            path: self.path.to_path_buf(),
            message: format!("shape {node}: {message}"),
        }
    }

    fn one(&self, node: &Term, p: &str) -> Option<Term> {
        self.g.objects(node, &sh(p)).first().cloned()
    }

    fn count(&self, node: &Term, p: &str) -> Result<Option<usize>> {
        match self.one(node, p) {
            None => Ok(None),
            Some(Term::Literal(l)) => l
                .value()
                .parse()
                .map(Some)
                .map_err(|_| self.err(node, format!("sh:{p} must be a non-negative integer"))),
            Some(t) => Err(self.err(node, format!("sh:{p} {t} is not an integer"))),
        }
    }

    fn iri(&self, node: &Term, p: &str, value: &Term) -> Result<NamedNode> {
        match value {
            Term::NamedNode(n) => Ok(n.clone()),
            t => Err(self.err(node, format!("sh:{p} {t} must be an IRI"))),
        }
    }

    fn list(&self, node: &Term, p: &str) -> Result<Option<Vec<Term>>> {
        match self.one(node, p) {
            None => Ok(None),
            Some(head) => self
                .g
                .list(&head)
                .map(Some)
                .ok_or_else(|| self.err(node, format!("sh:{p} must be an RDF list"))),
        }
    }

    fn path(&self, node: &Term) -> Result<Option<PathExpr>> {
        let Some(p) = self.one(node, "path") else {
            return Ok(None);
        };
        if let Term::NamedNode(n) = &p {
            return Ok(Some(PathExpr::Predicate(n.clone())));
        }
        if let Some(inv) = self.one(&p, "inversePath")
            && let Term::NamedNode(n) = inv
        {
            return Ok(Some(PathExpr::Inverse(n)));
        }
        Err(self.err(
            node,
            "only predicate paths and sh:inversePath of a predicate are supported",
        ))
    }

    /// Reads the shape at `node` (once), returning its index.
    fn shape(&mut self, node: &Term) -> Result<usize> {
        if let Some(&i) = self.index.get(node) {
            return Ok(i);
        }
        for p in self.g.predicates(node) {
            if let Some(local) = p.as_str().strip_prefix(SH)
                && !SUPPORTED.contains(&local)
            {
                return Err(self.err(
                    node,
                    format!(
                        "sh:{local} is not supported by kg validate (supported: sh:{})",
                        SUPPORTED.join(", sh:")
                    ),
                ));
            }
        }
        let i = self.shapes.len();
        self.index.insert(node.clone(), i);
        self.shapes.push(Shape {
            node: node.clone(),
            label: node.to_string(),
            path: self.path(node)?,
            targets: Vec::new(),
            constraints: Vec::new(),
            properties: Vec::new(),
            severity: Severity::Violation,
            message: None,
            deactivated: false,
        });
        let shape = self.read(node)?;
        self.shapes[i] = shape;
        Ok(i)
    }

    fn read(&mut self, node: &Term) -> Result<Shape> {
        let g = self.g;
        let objects = |p: &str| g.objects(node, &sh(p)).to_vec();
        let mut s = self.shapes[self.index[node]].clone();
        for t in objects("targetClass") {
            s.targets.push(Target::Class(t));
        }
        for t in objects("targetNode") {
            s.targets.push(Target::Node(t));
        }
        for t in objects("targetSubjectsOf") {
            s.targets.push(Target::SubjectsOf(self.iri(
                node,
                "targetSubjectsOf",
                &t,
            )?));
        }
        for t in objects("targetObjectsOf") {
            s.targets
                .push(Target::ObjectsOf(self.iri(node, "targetObjectsOf", &t)?));
        }
        s.severity = match self.one(node, "severity") {
            None => Severity::Violation,
            Some(t) => Severity::ALL
                .iter()
                .copied()
                .find(|v| t == Term::from(sh(v.id())))
                .ok_or_else(|| self.err(node, format!("unknown sh:severity {t}")))?,
        };
        s.message = self.one(node, "message").and_then(|t| match t {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        });
        s.deactivated =
            matches!(self.one(node, "deactivated"), Some(Term::Literal(l)) if l.value() == "true");
        let c = &mut s.constraints;
        for t in objects("class") {
            c.push(Constraint::Class(t));
        }
        for t in objects("datatype") {
            c.push(Constraint::Datatype(self.iri(node, "datatype", &t)?));
        }
        if let Some(t) = self.one(node, "nodeKind") {
            let k = self.iri(node, "nodeKind", &t)?;
            let kind = match k.as_str().strip_prefix(SH) {
                Some("IRI") => (true, false, false),
                Some("BlankNode") => (false, true, false),
                Some("Literal") => (false, false, true),
                Some("BlankNodeOrIRI") => (true, true, false),
                Some("BlankNodeOrLiteral") => (false, true, true),
                Some("IRIOrLiteral") => (true, false, true),
                _ => return Err(self.err(node, format!("unknown sh:nodeKind {k}"))),
            };
            c.push(Constraint::NodeKind(NodeKind {
                iri: kind.0,
                blank: kind.1,
                literal: kind.2,
            }));
        }
        if let Some(n) = self.count(node, "minCount")? {
            c.push(Constraint::MinCount(n));
        }
        if let Some(n) = self.count(node, "maxCount")? {
            c.push(Constraint::MaxCount(n));
        }
        if let Some(list) = self.list(node, "in")? {
            c.push(Constraint::In(list));
        }
        for t in objects("hasValue") {
            c.push(Constraint::HasValue(t));
        }
        if let Some(t) = self.one(node, "pattern") {
            let flags = match self.one(node, "flags") {
                Some(Term::Literal(l)) => l.value().to_string(),
                _ => String::new(),
            };
            let source = match &t {
                Term::Literal(l) => l.value().to_string(),
                t => t.to_string(),
            };
            let re = regex::RegexBuilder::new(&source)
                .case_insensitive(flags.contains('i'))
                .multi_line(flags.contains('m'))
                .dot_matches_new_line(flags.contains('s'))
                .ignore_whitespace(flags.contains('x'))
                .build()
                .map_err(|e| self.err(node, format!("sh:pattern: {e}")))?;
            c.push(Constraint::Pattern(re));
        }
        if let Some(list) = self.list(node, "languageIn")? {
            let langs = list
                .iter()
                .map(|t| match t {
                    Term::Literal(l) => l.value().to_lowercase(),
                    t => t.to_string(),
                })
                .collect();
            c.push(Constraint::LanguageIn(langs));
        }
        if matches!(self.one(node, "uniqueLang"), Some(Term::Literal(l)) if l.value() == "true") {
            c.push(Constraint::UniqueLang);
        }
        for (p, make) in [
            ("minInclusive", Bound::MinInclusive as fn(f64) -> Bound),
            ("maxInclusive", Bound::MaxInclusive),
            ("minExclusive", Bound::MinExclusive),
            ("maxExclusive", Bound::MaxExclusive),
        ] {
            if let Some(t) = self.one(node, p) {
                let v = match &t {
                    Term::Literal(l) => l.value().parse::<f64>().ok(),
                    _ => None,
                }
                .ok_or_else(|| self.err(node, format!("sh:{p} must be a number")))?;
                c.push(Constraint::Range(make(v)));
            }
        }
        if let Some(n) = self.count(node, "minLength")? {
            c.push(Constraint::MinLength(n));
        }
        if let Some(n) = self.count(node, "maxLength")? {
            c.push(Constraint::MaxLength(n));
        }
        for t in objects("lessThan") {
            c.push(Constraint::LessThan(self.iri(node, "lessThan", &t)?));
        }
        for t in objects("equals") {
            c.push(Constraint::Equals(self.iri(node, "equals", &t)?));
        }
        let (min, max) = (
            self.count(node, "qualifiedMinCount")?,
            self.count(node, "qualifiedMaxCount")?,
        );
        let qualified = self.one(node, "qualifiedValueShape");
        let nodes = objects("node");
        let ors = self.list(node, "or")?;
        let props = objects("property");
        let sparqls = objects("sparql");
        // Nested shapes: read after the fields above so `c` is released.
        let mut nested = Vec::new();
        for t in nodes {
            nested.push(Constraint::Node(self.shape(&t)?));
        }
        if let Some(list) = ors {
            let members = list
                .iter()
                .map(|t| self.shape(t))
                .collect::<Result<Vec<_>>>()?;
            nested.push(Constraint::Or(members));
        }
        if let Some(q) = qualified {
            nested.push(Constraint::Qualified {
                shape: self.shape(&q)?,
                min,
                max,
            });
        }
        for t in sparqls {
            nested.push(self.sparql(node, &t)?);
        }
        s.constraints.extend(nested);
        for p in props {
            let i = self.shape(&p)?;
            if self.shapes[i].path.is_none() {
                return Err(self.err(&p, "a property shape needs sh:path"));
            }
            s.properties.push(i);
        }
        if s.path.is_some()
            && s.constraints
                .iter()
                .any(|c| matches!(c, Constraint::Sparql { .. }))
        {
            return Err(self.err(node, "sh:sparql is supported on node shapes only"));
        }
        Ok(s)
    }

    /// A SPARQL-based constraint: its SELECT query with the prefixes its
    /// `sh:prefixes` declare (`sh:declare`).
    fn sparql(&self, shape: &Term, node: &Term) -> Result<Constraint> {
        let select = match self.g.objects(node, &sh("select")).first() {
            Some(Term::Literal(l)) => l.value().to_string(),
            _ => return Err(self.err(shape, "sh:sparql needs an sh:select query")),
        };
        let mut prefixes = String::new();
        for p in self.g.objects(node, &sh("prefixes")) {
            for d in self.g.objects(p, &sh("declare")) {
                let (Some(Term::Literal(prefix)), Some(Term::Literal(ns))) =
                    (self.one(d, "prefix"), self.one(d, "namespace"))
                else {
                    return Err(self.err(shape, "sh:declare needs sh:prefix and sh:namespace"));
                };
                prefixes.push_str(&format!("PREFIX {}: <{}>\n", prefix.value(), ns.value()));
            }
        }
        let message = match self.g.objects(node, &sh("message")).first() {
            Some(Term::Literal(l)) => Some(l.value().to_string()),
            _ => None,
        };
        Ok(Constraint::Sparql {
            select: format!("{prefixes}{select}"),
            message,
        })
    }
}

/// Parses a shapes graph. Shapes are the subjects typed sh:NodeShape or
/// sh:PropertyShape or with a target, and the shapes they refer to.
pub fn parse_shapes(ttl: &str, path: &Path) -> Result<Shapes> {
    let quads: Vec<Quad> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ttl.as_bytes())
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| KgError::Syntax {
            path: path.to_path_buf(),
            pos: e.location().map(|r| TextPos {
                line: r.start.line + 1,
                column: r.start.column + 1,
            }),
            message: e.to_string(),
        })?;
    let g = Graph::from_quads(&quads);
    let mut roots: Vec<Term> = Vec::new();
    for kind in ["NodeShape", "PropertyShape"] {
        roots.extend(
            g.subjects(
                &NamedNode::new_unchecked(format!("{}type", super::super::vocab::RDF)),
                &sh(kind).into(),
            )
            .iter()
            .cloned(),
        );
    }
    for t in [
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
    ] {
        roots.extend(g.nodes_with(&sh(t), false));
    }
    roots.sort_by_cached_key(|t| t.to_string());
    roots.dedup();
    let mut r = Reader {
        g: &g,
        path,
        index: HashMap::new(),
        shapes: Vec::new(),
    };
    for node in &roots {
        r.shape(node)?;
    }
    let mut shapes = r.shapes;
    name_blank_shapes(&mut shapes);
    Ok(Shapes { shapes })
}

/// Names blank shapes after the named shape that uses them.
fn name_blank_shapes(shapes: &mut [Shape]) {
    for _ in 0..8 {
        let mut names: Vec<(usize, String)> = Vec::new();
        for s in shapes.iter() {
            if s.label.starts_with("_:") {
                continue;
            }
            for &p in &s.properties {
                let path = shapes[p]
                    .path
                    .as_ref()
                    .map(|x| x.to_string())
                    .unwrap_or_default();
                names.push((p, format!("{} {path}", s.label)));
            }
            for c in &s.constraints {
                let nested: Vec<usize> = match c {
                    Constraint::Node(i) => vec![*i],
                    Constraint::Or(v) => v.clone(),
                    Constraint::Qualified { shape, .. } => vec![*shape],
                    _ => vec![],
                };
                names.extend(
                    nested
                        .into_iter()
                        .map(|i| (i, format!("{} ({})", s.label, c.component()))),
                );
            }
        }
        let mut changed = false;
        for (i, name) in names {
            if shapes[i].label.starts_with("_:") {
                shapes[i].label = name;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}
