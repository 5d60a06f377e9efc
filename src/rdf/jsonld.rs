//! JSON-LD with prefixes: a streaming writer of compacted JSON-LD 1.1.
//!
//! oxigraph's JSON-LD serializer writes full IRIs everywhere (and drops
//! prefixes unless oxjsonld is called directly, which only copies them into
//! the `@context`). kg's JSON-LD is for people too, so IRIs are compacted
//! with kg's prefixes (`"sem:hasActor": [{"@id": "entity:coalition"}]`),
//! `rdf:type` becomes `@type`, and each named graph is an object with its
//! own `@graph`. Literals keep their exact lexical form (`@value` strings
//! with `@type` or `@language`), so the JSON-LD holds the same quads as the
//! N-Quads, which the tests check by parsing it back.
//!
//! The quads must be sorted by graph, subject and predicate (as
//! [`super::to_quads`] returns them): the writer streams one node object per
//! line without holding the dataset in memory.

use std::io::{self, Write};

use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};

use super::vocab::{RDF, XSD};

/// Compacts IRIs with the longest matching prefix.
struct Compactor {
    prefixes: Vec<(String, String)>,
}

impl Compactor {
    fn new(prefixes: &[(String, String)]) -> Self {
        let mut prefixes = prefixes.to_vec();
        prefixes.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        Compactor { prefixes }
    }

    fn iri(&self, iri: &str) -> String {
        for (p, ns) in &self.prefixes {
            if let Some(local) = iri.strip_prefix(ns.as_str())
                && !local.is_empty()
                && !local.starts_with("//")
            {
                return format!("{p}:{local}");
            }
        }
        iri.to_string()
    }

    fn node(&self, n: &NamedOrBlankNode) -> String {
        match n {
            NamedOrBlankNode::NamedNode(n) => self.iri(n.as_str()),
            other => other.to_string(),
        }
    }
}

fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn value(c: &Compactor, t: &Term) -> String {
    match t {
        Term::NamedNode(n) => format!("{{\"@id\": {}}}", json(&c.iri(n.as_str()))),
        Term::BlankNode(b) => format!("{{\"@id\": {}}}", json(&b.to_string())),
        Term::Literal(l) => {
            if let Some(lang) = l.language() {
                format!(
                    "{{\"@value\": {}, \"@language\": {}}}",
                    json(l.value()),
                    json(lang)
                )
            } else if l.datatype().as_str() == format!("{XSD}string") {
                format!("{{\"@value\": {}}}", json(l.value()))
            } else {
                format!(
                    "{{\"@value\": {}, \"@type\": {}}}",
                    json(l.value()),
                    json(&c.iri(l.datatype().as_str()))
                )
            }
        }
        #[allow(unreachable_patterns)]
        other => json(&other.to_string()),
    }
}

/// Writes one node object: `{"@id": …, "@type": […], "p": […], …}`.
fn node_object(c: &Compactor, quads: &[&Quad], w: &mut dyn Write) -> io::Result<()> {
    let rdf_type = format!("{RDF}type");
    write!(w, "{{\"@id\": {}", json(&c.node(&quads[0].subject)))?;
    let types: Vec<String> = quads
        .iter()
        .filter(|q| q.predicate.as_str() == rdf_type)
        .filter_map(|q| match &q.object {
            Term::NamedNode(n) => Some(json(&c.iri(n.as_str()))),
            _ => None,
        })
        .collect();
    if !types.is_empty() {
        write!(w, ", \"@type\": [{}]", types.join(", "))?;
    }
    let rest: Vec<&&Quad> = quads
        .iter()
        .filter(|q| !(q.predicate.as_str() == rdf_type && matches!(q.object, Term::NamedNode(_))))
        .collect();
    let mut i = 0;
    while i < rest.len() {
        let p = &rest[i].predicate;
        let mut values = Vec::new();
        while i < rest.len() && rest[i].predicate == *p {
            values.push(value(c, &rest[i].object));
            i += 1;
        }
        write!(w, ", {}: [{}]", json(&c.iri(p.as_str())), values.join(", "))?;
    }
    write!(w, "}}")
}

/// Writes the node objects of one graph, one per line, with `indent`.
fn nodes(c: &Compactor, quads: &[&Quad], indent: &str, w: &mut dyn Write) -> io::Result<()> {
    let mut i = 0;
    while i < quads.len() {
        let start = i;
        while i < quads.len() && quads[i].subject == quads[start].subject {
            i += 1;
        }
        w.write_all(indent.as_bytes())?;
        node_object(c, &quads[start..i], w)?;
        w.write_all(if i < quads.len() { b",\n" } else { b"\n" })?;
    }
    Ok(())
}

/// Writes `quads` (sorted by graph, subject, predicate) as compacted
/// JSON-LD with `prefixes` as the `@context`.
pub fn write_jsonld(
    quads: &[Quad],
    prefixes: &[(String, String)],
    w: &mut dyn Write,
) -> io::Result<()> {
    let c = Compactor::new(prefixes);
    let mut sorted: Vec<&(String, String)> = prefixes.iter().collect();
    sorted.sort();
    writeln!(w, "{{\n  \"@context\": {{")?;
    for (i, (p, ns)) in sorted.iter().enumerate() {
        let sep = if i + 1 < sorted.len() { "," } else { "" };
        writeln!(w, "    {}: {}{sep}", json(p), json(ns))?;
    }
    writeln!(w, "  }},\n  \"@graph\": [")?;
    let mut groups: Vec<(&GraphName, Vec<&Quad>)> = Vec::new();
    for q in quads {
        match groups.last_mut() {
            Some((g, v)) if **g == q.graph_name => v.push(q),
            _ => groups.push((&q.graph_name, vec![q])),
        }
    }
    // Triples of the default graph are top-level nodes; each named graph
    // is an object with its own @graph.
    let n = groups.len();
    for (k, (g, qs)) in groups.into_iter().enumerate() {
        let last = k + 1 == n;
        match g {
            GraphName::DefaultGraph => {
                nodes(&c, &qs, "    ", w)?;
                if !last {
                    // `nodes` ended the line without a comma.
                    w.write_all(b"    ,\n")?;
                }
            }
            GraphName::NamedNode(name) => {
                graph_object(&c, &c.iri(name.as_str()), &qs, last, w)?;
            }
            GraphName::BlankNode(b) => graph_object(&c, &b.to_string(), &qs, last, w)?,
        }
    }
    writeln!(w, "  ]\n}}")
}

fn graph_object(
    c: &Compactor,
    id: &str,
    quads: &[&Quad],
    last: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    writeln!(w, "    {{\"@id\": {}, \"@graph\": [", json(id))?;
    nodes(c, quads, "      ", w)?;
    writeln!(w, "    ]}}{}", if last { "" } else { "," })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};

    use super::*;
    use crate::rdf::tests::fixture_quads;
    use crate::rdf::{DEFAULT_BASE, Iris};

    #[test]
    fn round_trips_through_a_json_ld_parser() {
        let quads = fixture_quads();
        let prefixes = Iris::new(DEFAULT_BASE).unwrap().all_prefixes();
        let mut out = Vec::new();
        write_jsonld(&quads, &prefixes, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\"sem:hasActor\": [{\"@id\": \"entity:coalition\"}]"));
        let _: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let parsed: BTreeSet<String> = RdfParser::from_format(RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        })
        .for_slice(text.as_bytes())
        .map(|q| q.expect("valid JSON-LD").to_string())
        .collect();
        // Blank node labels may change; compare everything else exactly.
        let strip = |s: &String| !s.contains("_:");
        let written: BTreeSet<String> = quads.iter().map(|q| q.to_string()).collect();
        assert_eq!(
            parsed.iter().filter(|s| strip(s)).collect::<Vec<_>>(),
            written.iter().filter(|s| strip(s)).collect::<Vec<_>>()
        );
        assert_eq!(parsed.len(), written.len());
    }
}
