//! Evaluates shapes on a graph: focus nodes from the targets, value nodes
//! from the paths, and each constraint component on them.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use oxigraph::model::Term;
use oxigraph::store::Store;

use super::data::{Graph, PathExpr};
use super::shapes::{Bound, Constraint, Shape, Shapes, Target};
use super::{Report, ValidationResult};
use crate::error::{KgError, Result};
use crate::rdf::query::{QueryOutput, run};
use crate::rdf::vocab::{RDF, XSD};

struct Checker<'a> {
    g: &'a Graph,
    shapes: &'a Shapes,
    /// Whether a node conforms to a shape (for sh:node, sh:or, qualified shapes).
    memo: RefCell<HashMap<(usize, Term), bool>>,
}

fn text(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    }
}

fn number(t: &Term) -> Option<f64> {
    let Term::Literal(l) = t else { return None };
    let dt = l.datatype().as_str();
    let numeric = [
        "integer",
        "decimal",
        "double",
        "float",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    ];
    dt.strip_prefix(XSD)
        .filter(|local| numeric.contains(local))
        .and_then(|_| l.value().parse().ok())
}

fn lang_matches(tag: &str, range: &str) -> bool {
    let tag = tag.to_lowercase();
    tag == range || tag.starts_with(&format!("{range}-")) || range == "*"
}

impl Checker<'_> {
    fn conforms(&self, shape: usize, node: &Term) -> bool {
        if let Some(&b) = self.memo.borrow().get(&(shape, node.clone())) {
            return b;
        }
        let mut results = Vec::new();
        self.check(shape, node, &mut results);
        let ok = results.is_empty();
        self.memo.borrow_mut().insert((shape, node.clone()), ok);
        ok
    }

    /// Validates `focus` against shape `i`, appending the results.
    fn check(&self, i: usize, focus: &Term, out: &mut Vec<ValidationResult>) {
        let s = &self.shapes.shapes[i];
        if s.deactivated {
            return;
        }
        let values: Vec<Term> = match &s.path {
            Some(p) => self.g.values(focus, p),
            None => vec![focus.clone()],
        };
        for c in &s.constraints {
            self.constraint(s, c, focus, &values, out);
        }
        for &p in &s.properties {
            self.check(p, focus, out);
        }
    }

    fn result(
        &self,
        s: &Shape,
        c: &Constraint,
        focus: &Term,
        value: Option<&Term>,
        default: String,
    ) -> ValidationResult {
        ValidationResult {
            severity: s.severity,
            focus: focus.clone(),
            path: s.path.clone(),
            shape_node: s.node.clone(),
            value: value.cloned(),
            component: c.component(),
            shape: s.label.clone(),
            message: s.message.clone().unwrap_or(default),
        }
    }

    fn constraint(
        &self,
        s: &Shape,
        c: &Constraint,
        focus: &Term,
        values: &[Term],
        out: &mut Vec<ValidationResult>,
    ) {
        let mut each = |ok: &dyn Fn(&Term) -> bool, msg: &dyn Fn(&Term) -> String| {
            for v in values {
                if !ok(v) {
                    out.push(self.result(s, c, focus, Some(v), msg(v)));
                }
            }
        };
        match c {
            Constraint::Class(class) => each(&|v| self.g.is_instance(v, class), &|v| {
                format!("{v} is not a {class}")
            }),
            Constraint::Datatype(dt) => each(
                &|v| match v {
                    Term::Literal(l) if dt.as_str() == format!("{RDF}langString") => {
                        l.language().is_some()
                    }
                    Term::Literal(l) => l.language().is_none() && l.datatype() == dt.as_ref(),
                    _ => false,
                },
                &|v| format!("{v} is not of datatype {dt}"),
            ),
            Constraint::NodeKind(k) => each(
                &|v| match v {
                    Term::NamedNode(_) => k.iri,
                    Term::BlankNode(_) => k.blank,
                    Term::Literal(_) => k.literal,
                    #[allow(unreachable_patterns)]
                    _ => false,
                },
                &|v| format!("{v} is not of the expected node kind"),
            ),
            Constraint::MinCount(n) if values.len() < *n => out.push(self.result(
                s,
                c,
                focus,
                None,
                format!("{} value(s), fewer than {n}", values.len()),
            )),
            Constraint::MaxCount(n) if values.len() > *n => out.push(self.result(
                s,
                c,
                focus,
                None,
                format!("{} values, more than {n}", values.len()),
            )),
            Constraint::MinCount(_) | Constraint::MaxCount(_) => {}
            Constraint::In(list) => each(&|v| list.contains(v), &|v| {
                format!("{v} is not one of the allowed values")
            }),
            Constraint::HasValue(t) => {
                if !values.contains(t) {
                    out.push(self.result(s, c, focus, None, format!("missing the value {t}")));
                }
            }
            Constraint::Pattern(re) => each(&|v| text(v).is_some_and(|t| re.is_match(&t)), &|v| {
                format!("{v} does not match /{}/", re.as_str())
            }),
            Constraint::LanguageIn(langs) => each(
                &|v| matches!(v, Term::Literal(l) if l.language().is_some_and(|t| langs.iter().any(|r| lang_matches(t, r)))),
                &|v| format!("{v} is not in one of the languages {}", langs.join(", ")),
            ),
            Constraint::UniqueLang => {
                let mut seen = HashSet::new();
                let mut dup = Vec::new();
                for v in values {
                    if let Term::Literal(l) = v
                        && let Some(lang) = l.language()
                        && !seen.insert(lang.to_lowercase())
                        && !dup.contains(&lang.to_lowercase())
                    {
                        dup.push(lang.to_lowercase());
                    }
                }
                for lang in dup {
                    out.push(self.result(s, c, focus, None, format!("several values in @{lang}")));
                }
            }
            Constraint::Range(b) => each(
                &|v| {
                    number(v).is_some_and(|x| match *b {
                        Bound::MinInclusive(m) => x >= m,
                        Bound::MaxInclusive(m) => x <= m,
                        Bound::MinExclusive(m) => x > m,
                        Bound::MaxExclusive(m) => x < m,
                    })
                },
                &|v| format!("{v} is out of range ({b:?})"),
            ),
            Constraint::MinLength(n) => each(
                &|v| text(v).is_some_and(|t| t.chars().count() >= *n),
                &|v| format!("{v} is shorter than {n} characters"),
            ),
            Constraint::MaxLength(n) => each(
                &|v| text(v).is_some_and(|t| t.chars().count() <= *n),
                &|v| format!("{v} is longer than {n} characters"),
            ),
            Constraint::LessThan(p) => {
                let others = self.g.objects(focus, p);
                each(
                    &|v| {
                        others
                            .iter()
                            .all(|w| matches!((number(v), number(w)), (Some(a), Some(b)) if a < b))
                    },
                    &|v| format!("{v} is not less than the values of {p}"),
                )
            }
            Constraint::Equals(p) => {
                let others = self.g.objects(focus, p);
                for v in values.iter().filter(|v| !others.contains(v)) {
                    out.push(self.result(
                        s,
                        c,
                        focus,
                        Some(v),
                        format!("{v} is not a value of {p}"),
                    ));
                }
                for w in others.iter().filter(|w| !values.contains(w)) {
                    out.push(self.result(
                        s,
                        c,
                        focus,
                        Some(w),
                        format!("{w} of {p} is missing here"),
                    ));
                }
            }
            Constraint::Node(shape) => each(&|v| self.conforms(*shape, v), &|v| {
                format!(
                    "{v} does not conform to {}",
                    self.shapes.shapes[*shape].node
                )
            }),
            Constraint::Or(members) => {
                each(&|v| members.iter().any(|m| self.conforms(*m, v)), &|v| {
                    format!("{v} conforms to none of the alternatives")
                })
            }
            Constraint::Qualified { shape, min, max } => {
                let n = values.iter().filter(|v| self.conforms(*shape, v)).count();
                for (broken, component) in [
                    (min.is_some_and(|m| n < m), "QualifiedMinCount"),
                    (max.is_some_and(|m| n > m), "QualifiedMaxCount"),
                ] {
                    if broken {
                        let mut r = self.result(
                            s,
                            c,
                            focus,
                            None,
                            format!("{n} value(s) conform to the qualified shape"),
                        );
                        r.component = component;
                        out.push(r);
                    }
                }
            }
            // Evaluated once per shape, in `validate`.
            Constraint::Sparql { .. } => {}
        }
    }

    fn focus_nodes(&self, s: &Shape) -> Vec<Term> {
        let mut set: HashSet<Term> = HashSet::new();
        for t in &s.targets {
            match t {
                Target::Class(c) => set.extend(self.g.instances_of(c)),
                Target::Node(n) => {
                    set.insert(n.clone());
                }
                Target::SubjectsOf(p) => set.extend(self.g.nodes_with(p, false)),
                Target::ObjectsOf(p) => set.extend(self.g.nodes_with(p, true)),
            }
        }
        let mut v: Vec<Term> = set.into_iter().collect();
        v.sort_by_cached_key(|t| t.to_string());
        v
    }
}

/// SPARQL-based constraints of a shape: their solutions for focus nodes.
fn sparql(
    store: &Store,
    s: &Shape,
    focus: &HashSet<Term>,
    out: &mut Vec<ValidationResult>,
) -> Result<()> {
    for c in &s.constraints {
        let Constraint::Sparql { select, message } = c else {
            continue;
        };
        let answer = run(store, select, Path::new("shapes (sh:select)"), &[], None)?;
        let QueryOutput::Solutions { variables, rows } = answer else {
            return Err(KgError::Query(format!(
                "shape {}: sh:select must be a SELECT query",
                s.node
            )));
        };
        let col = |name: &str| variables.iter().position(|v| v == name);
        let Some(this) = col("this") else {
            return Err(KgError::Query(format!(
                "shape {}: sh:select must select $this",
                s.node
            )));
        };
        for row in rows {
            let Some(node) = row[this].clone().filter(|n| focus.contains(n)) else {
                continue;
            };
            let value = col("value").and_then(|i| row[i].clone());
            let path = col("path").and_then(|i| match row[i].clone() {
                Some(Term::NamedNode(p)) => Some(PathExpr::Predicate(p)),
                _ => None,
            });
            out.push(ValidationResult {
                severity: s.severity,
                focus: node,
                path,
                value,
                component: c.component(),
                shape: s.label.clone(),
                shape_node: s.node.clone(),
                message: message
                    .clone()
                    .or_else(|| s.message.clone())
                    .unwrap_or_else(|| "SPARQL constraint".into()),
            });
        }
    }
    Ok(())
}

/// Validates the graph `g` (whose quads `store` holds, for SPARQL-based
/// constraints) against `shapes`.
pub fn validate(g: &Graph, store: &Store, shapes: &Shapes) -> Result<Report> {
    let checker = Checker {
        g,
        shapes,
        memo: RefCell::new(HashMap::new()),
    };
    let mut report = Report::default();
    for (i, s) in shapes.shapes.iter().enumerate() {
        if s.targets.is_empty() || s.deactivated {
            continue;
        }
        report.shapes += 1;
        let focus = checker.focus_nodes(s);
        report.focus_nodes += focus.len();
        for f in &focus {
            checker.check(i, f, &mut report.results);
        }
        sparql(store, s, &focus.into_iter().collect(), &mut report.results)?;
    }
    report.sort();
    Ok(report)
}
