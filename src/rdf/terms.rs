//! Vocabulary check: every class, property and value the data uses is
//! declared in the ontology, and kg's own terms carry a label and a comment
//! in English and in Arabic. `kg validate` runs it next to the SHACL
//! shapes; the tests run it on every kind of fact kg writes.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{Quad, Term};

use super::vocab::{KG, OWL, RDF, RDFS, XSD};

/// A term of the data that the ontology does not describe properly.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TermProblem {
    pub term: String,
    pub message: String,
}

impl std::fmt::Display for TermProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}>: {}", self.term, self.message)
    }
}

/// What the ontology says about one subject: its types and its labels and
/// comments by language.
#[derive(Default)]
struct Described {
    types: BTreeSet<String>,
    labels: BTreeSet<String>,
    comments: BTreeSet<String>,
}

fn built_in(iri: &str) -> bool {
    [RDF, RDFS, OWL, XSD].iter().any(|ns| iri.starts_with(ns))
}

/// Checks the terms used by `data` (predicates, classes, and kg's own
/// values such as `kg:Planned`) against the `ontology` quads, and every kg
/// term the ontology declares for labels and comments in both languages.
pub fn check_terms<'a>(
    data: impl IntoIterator<Item = &'a Quad>,
    ontology: &[Quad],
) -> Vec<TermProblem> {
    let rdf_type = format!("{RDF}type");
    let mut described: BTreeMap<String, Described> = BTreeMap::new();
    for q in ontology {
        let d = described.entry(q.subject.to_string()).or_default();
        let p = q.predicate.as_str();
        match &q.object {
            Term::NamedNode(o) if p == rdf_type => {
                d.types.insert(o.as_str().to_string());
            }
            Term::Literal(l) if p == format!("{RDFS}label") => {
                d.labels.insert(l.language().unwrap_or("").to_string());
            }
            Term::Literal(l) if p == format!("{RDFS}comment") => {
                d.comments.insert(l.language().unwrap_or("").to_string());
            }
            _ => {}
        }
    }
    let mut used: BTreeMap<String, &'static str> = BTreeMap::new();
    for q in data {
        used.entry(q.predicate.as_str().to_string())
            .or_insert("property");
        if let Term::NamedNode(o) = &q.object {
            if q.predicate.as_str() == rdf_type {
                used.entry(o.as_str().to_string()).or_insert("class");
            } else if o.as_str().starts_with(KG) {
                used.entry(o.as_str().to_string()).or_insert("value");
            }
        }
    }
    let mut problems = Vec::new();
    for (iri, what) in &used {
        if built_in(iri) {
            continue;
        }
        match described.get(&format!("<{iri}>")) {
            Some(d) if !d.types.is_empty() => {}
            _ => problems.push(TermProblem {
                term: iri.clone(),
                message: format!("{what} used by the data is not declared in the ontology"),
            }),
        }
    }
    let own_kinds = [
        format!("{OWL}Class"),
        format!("{OWL}ObjectProperty"),
        format!("{OWL}DatatypeProperty"),
        format!("{OWL}AnnotationProperty"),
        format!("{OWL}NamedIndividual"),
        format!("{RDFS}Datatype"),
    ];
    for (s, d) in &described {
        let iri = s.trim_start_matches('<').trim_end_matches('>');
        if !iri.starts_with(KG) || !d.types.iter().any(|t| own_kinds.contains(t)) {
            continue;
        }
        for (what, langs) in [("rdfs:label", &d.labels), ("rdfs:comment", &d.comments)] {
            for lang in ["en", "ar"] {
                if !langs.contains(lang) {
                    problems.push(TermProblem {
                        term: iri.to_string(),
                        message: format!("has no {what} in @{lang}"),
                    });
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, NamedNode};

    fn q(s: &str, p: &str, o: &str) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(s),
            NamedNode::new_unchecked(p),
            NamedNode::new_unchecked(o),
            GraphName::DefaultGraph,
        )
    }

    #[test]
    fn reports_undeclared_and_unlabelled_terms() {
        let t = format!("{RDF}type");
        let data = vec![
            q("http://x/a", &t, &format!("{KG}Thing")),
            q("http://x/a", &format!("{KG}p"), &format!("{KG}Value")),
        ];
        let ontology = vec![q(&format!("{KG}Thing"), &t, &format!("{OWL}Class"))];
        let found: Vec<String> = check_terms(&data, &ontology)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert!(found.iter().any(|m| m.contains("#p>: property used")));
        assert!(found.iter().any(|m| m.contains("#Value>: value used")));
        assert!(
            found
                .iter()
                .any(|m| m.contains("#Thing>: has no rdfs:label in @ar"))
        );
        assert!(!found.iter().any(|m| m.contains("Thing>: class used")));
    }
}
