//! An RDF graph indexed for validation: subject → predicate → objects and
//! the reverse, with set semantics (a triple in two named graphs counts
//! once), and SHACL instance checks (`rdf:type/rdfs:subClassOf*`).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use oxigraph::model::{NamedNode, Quad, Term};

use super::super::vocab::{RDF, RDFS};

/// A property path of a property shape.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathExpr {
    Predicate(NamedNode),
    Inverse(NamedNode),
}

impl std::fmt::Display for PathExpr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PathExpr::Predicate(p) => write!(f, "{p}"),
            PathExpr::Inverse(p) => write!(f, "^{p}"),
        }
    }
}

type Index = HashMap<Term, HashMap<NamedNode, Vec<Term>>>;

/// The graph: every triple once, whatever graph it came from.
#[derive(Default)]
pub struct Graph {
    out: Index,
    inv: Index,
    /// Classes and their subclasses (rdfs:subClassOf*), computed on demand.
    subclasses: RefCell<HashMap<Term, HashSet<Term>>>,
}

fn insert(index: &mut Index, s: Term, p: NamedNode, o: Term) -> bool {
    let values = index.entry(s).or_default().entry(p).or_default();
    if values.contains(&o) {
        return false;
    }
    values.push(o);
    true
}

impl Graph {
    pub fn from_quads<'a>(quads: impl IntoIterator<Item = &'a Quad>) -> Self {
        let mut g = Graph::default();
        for q in quads {
            let s: Term = q.subject.clone().into();
            if insert(&mut g.out, s.clone(), q.predicate.clone(), q.object.clone()) {
                insert(&mut g.inv, q.object.clone(), q.predicate.clone(), s);
            }
        }
        g
    }

    /// Number of distinct triples.
    pub fn len(&self) -> usize {
        self.out
            .values()
            .map(|m| m.values().map(Vec::len).sum::<usize>())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// Objects of `subject` and `predicate`.
    pub fn objects(&self, subject: &Term, predicate: &NamedNode) -> &[Term] {
        self.out
            .get(subject)
            .and_then(|m| m.get(predicate))
            .map_or(&[], Vec::as_slice)
    }

    /// Subjects of `predicate` and `object`.
    pub fn subjects(&self, predicate: &NamedNode, object: &Term) -> &[Term] {
        self.inv
            .get(object)
            .and_then(|m| m.get(predicate))
            .map_or(&[], Vec::as_slice)
    }

    /// The predicates used on `subject`.
    pub fn predicates(&self, subject: &Term) -> Vec<&NamedNode> {
        self.out
            .get(subject)
            .map(|m| m.keys().collect())
            .unwrap_or_default()
    }

    /// Every subject (or object) of `predicate`.
    pub fn nodes_with(&self, predicate: &NamedNode, as_object: bool) -> HashSet<Term> {
        let index = if as_object { &self.inv } else { &self.out };
        index
            .iter()
            .filter(|(_, m)| m.contains_key(predicate))
            .map(|(t, _)| t.clone())
            .collect()
    }

    /// The values of a path from `focus`.
    pub fn values(&self, focus: &Term, path: &PathExpr) -> Vec<Term> {
        match path {
            PathExpr::Predicate(p) => self.objects(focus, p).to_vec(),
            PathExpr::Inverse(p) => self.subjects(p, focus).to_vec(),
        }
    }

    fn subclasses_of(&self, class: &Term) -> HashSet<Term> {
        if let Some(s) = self.subclasses.borrow().get(class) {
            return s.clone();
        }
        let sub = NamedNode::new_unchecked(format!("{RDFS}subClassOf"));
        let mut seen: HashSet<Term> = HashSet::from([class.clone()]);
        let mut todo = vec![class.clone()];
        while let Some(c) = todo.pop() {
            for s in self.subjects(&sub, &c) {
                if seen.insert(s.clone()) {
                    todo.push(s.clone());
                }
            }
        }
        self.subclasses
            .borrow_mut()
            .insert(class.clone(), seen.clone());
        seen
    }

    /// The SHACL instances of `class`: nodes whose rdf:type is the class
    /// or one of its subclasses.
    pub fn instances_of(&self, class: &Term) -> HashSet<Term> {
        let ty = NamedNode::new_unchecked(format!("{RDF}type"));
        self.subclasses_of(class)
            .iter()
            .flat_map(|c| self.subjects(&ty, c).iter().cloned())
            .collect()
    }

    /// Whether `node` is a SHACL instance of `class`.
    pub fn is_instance(&self, node: &Term, class: &Term) -> bool {
        let ty = NamedNode::new_unchecked(format!("{RDF}type"));
        let classes = self.subclasses_of(class);
        self.objects(node, &ty).iter().any(|t| classes.contains(t))
    }

    /// The members of the RDF list starting at `head`.
    pub fn list(&self, head: &Term) -> Option<Vec<Term>> {
        let first = NamedNode::new_unchecked(format!("{RDF}first"));
        let rest = NamedNode::new_unchecked(format!("{RDF}rest"));
        let nil: Term = NamedNode::new_unchecked(format!("{RDF}nil")).into();
        let mut out = Vec::new();
        let mut cur = head.clone();
        while cur != nil {
            out.push(self.objects(&cur, &first).first()?.clone());
            cur = self.objects(&cur, &rest).first()?.clone();
            if out.len() > 100_000 {
                return None;
            }
        }
        Some(out)
    }
}
