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
//! The quads must come grouped by graph and subject (as
//! [`super::for_each_quad`] makes them): the writer streams one node object
//! per line without holding the dataset in memory.

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

/// Writes one node object: `{"@id": …, "@type": […], "p": […], …}`. The
/// quads share a subject; values are grouped by predicate in order of first
/// appearance (a JSON object must not repeat a key).
fn node_object(c: &Compactor, quads: &[Quad], w: &mut dyn Write) -> io::Result<()> {
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
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for q in quads
        .iter()
        .filter(|q| !(q.predicate.as_str() == rdf_type && matches!(q.object, Term::NamedNode(_))))
    {
        let v = value(c, &q.object);
        match groups.iter_mut().find(|g| g.0 == q.predicate.as_str()) {
            Some(g) => g.1.push(v),
            None => groups.push((q.predicate.as_str(), vec![v])),
        }
    }
    for (p, values) in groups {
        write!(w, ", {}: [{}]", json(&c.iri(p)), values.join(", "))?;
    }
    write!(w, "}}")
}

/// A streaming JSON-LD writer: quads come grouped by graph and subject (as
/// [`super::for_each_quad`] makes them); each run of one subject becomes a
/// node object, each named graph an object with its own `@graph`.
pub struct JsonLdWriter<'w> {
    c: Compactor,
    w: &'w mut dyn Write,
    graph: Option<GraphName>,
    run: Vec<Quad>,
    /// Items written at top level, and node objects in the open named graph.
    top_items: usize,
    graph_nodes: usize,
}

impl<'w> JsonLdWriter<'w> {
    /// Writes the header with `prefixes` as the `@context`.
    pub fn new(prefixes: &[(String, String)], w: &'w mut dyn Write) -> io::Result<Self> {
        header(prefixes, w)?;
        Ok(JsonLdWriter {
            c: Compactor::new(prefixes),
            w,
            graph: None,
            run: Vec::new(),
            top_items: 0,
            graph_nodes: 0,
        })
    }

    /// Adds one quad.
    pub fn quad(&mut self, q: Quad) -> io::Result<()> {
        if self.graph.as_ref() != Some(&q.graph_name) {
            self.flush_run()?;
            self.close_graph()?;
            if let GraphName::NamedNode(name) = &q.graph_name {
                let sep = if self.top_items > 0 { "," } else { "" };
                write!(
                    self.w,
                    "{sep}\n    {{\"@id\": {}, \"@graph\": [",
                    json(&self.c.iri(name.as_str()))
                )?;
                self.top_items += 1;
                self.graph_nodes = 0;
            }
            self.graph = Some(q.graph_name.clone());
        } else if self.run.first().is_some_and(|r| r.subject != q.subject) {
            self.flush_run()?;
        }
        self.run.push(q);
        Ok(())
    }

    fn flush_run(&mut self) -> io::Result<()> {
        if self.run.is_empty() {
            return Ok(());
        }
        let named = matches!(self.graph, Some(GraphName::NamedNode(_)));
        let (count, indent) = if named {
            (&mut self.graph_nodes, "      ")
        } else {
            (&mut self.top_items, "    ")
        };
        let sep = if *count > 0 { "," } else { "" };
        *count += 1;
        write!(self.w, "{sep}\n{indent}")?;
        node_object(&self.c, &self.run, self.w)?;
        self.run.clear();
        Ok(())
    }

    fn close_graph(&mut self) -> io::Result<()> {
        if matches!(self.graph, Some(GraphName::NamedNode(_))) {
            write!(self.w, "\n    ]}}")?;
        }
        Ok(())
    }

    /// Writes what is pending and closes the document.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush_run()?;
        self.close_graph()?;
        writeln!(self.w, "\n  ]\n}}")
    }
}

/// The document's opening, with `prefixes` as the `@context`.
pub fn header(prefixes: &[(String, String)], w: &mut dyn Write) -> io::Result<()> {
    let mut sorted: Vec<&(String, String)> = prefixes.iter().collect();
    sorted.sort();
    writeln!(w, "{{\n  \"@context\": {{")?;
    for (i, (p, ns)) in sorted.iter().enumerate() {
        let sep = if i + 1 < sorted.len() { "," } else { "" };
        writeln!(w, "    {}: {}{sep}", json(p), json(ns))?;
    }
    write!(w, "  }},\n  \"@graph\": [")
}

/// Where a document stands between two pieces written by [`write_piece`]:
/// the open graph, and whether anything was written at top level and in
/// that graph (which decides the separators that follow).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PieceState {
    pub graph: Option<GraphName>,
    pub top_items: bool,
    pub graph_nodes: bool,
}

/// Compacts IRIs for [`write_piece`] (made once, shared by the pieces).
pub struct PieceCompactor(Compactor);

impl PieceCompactor {
    pub fn new(prefixes: &[(String, String)]) -> Self {
        PieceCompactor(Compactor::new(prefixes))
    }
}

/// Writes `quads` (whole runs of subjects, grouped by graph) as the part of
/// a document that [`JsonLdWriter`] would write for them after `state`, and
/// updates `state`. The pieces of a document, each written from the state
/// the previous one left, then [`footer`], make the same bytes as one
/// `JsonLdWriter`, provided no subject's run is split between two pieces.
pub fn write_piece(
    c: &PieceCompactor,
    quads: &[Quad],
    state: &mut PieceState,
    w: &mut dyn Write,
) -> io::Result<()> {
    let c = &c.0;
    let mut start = 0;
    for (i, q) in quads.iter().enumerate() {
        if state.graph.as_ref() != Some(&q.graph_name) {
            piece_node(c, &quads[start..i], state, w)?;
            start = i;
            if matches!(state.graph, Some(GraphName::NamedNode(_))) {
                write!(w, "\n    ]}}")?;
            }
            if let GraphName::NamedNode(name) = &q.graph_name {
                let sep = if state.top_items { "," } else { "" };
                write!(
                    w,
                    "{sep}\n    {{\"@id\": {}, \"@graph\": [",
                    json(&c.iri(name.as_str()))
                )?;
                state.top_items = true;
                state.graph_nodes = false;
            }
            state.graph = Some(q.graph_name.clone());
        } else if start < i && quads[start].subject != q.subject {
            piece_node(c, &quads[start..i], state, w)?;
            start = i;
        }
    }
    piece_node(c, &quads[start..], state, w)
}

/// One node object of [`write_piece`] (nothing for an empty run).
fn piece_node(
    c: &Compactor,
    run: &[Quad],
    state: &mut PieceState,
    w: &mut dyn Write,
) -> io::Result<()> {
    if run.is_empty() {
        return Ok(());
    }
    let named = matches!(state.graph, Some(GraphName::NamedNode(_)));
    let (count, indent) = if named {
        (&mut state.graph_nodes, "      ")
    } else {
        (&mut state.top_items, "    ")
    };
    let sep = if *count { "," } else { "" };
    *count = true;
    write!(w, "{sep}\n{indent}")?;
    node_object(c, run, w)
}

/// Closes a document whose pieces left `state`.
pub fn footer(state: &PieceState, w: &mut dyn Write) -> io::Result<()> {
    if matches!(state.graph, Some(GraphName::NamedNode(_))) {
        write!(w, "\n    ]}}")?;
    }
    writeln!(w, "\n  ]\n}}")
}

/// Writes `quads` (grouped by graph and subject) as compacted JSON-LD with
/// `prefixes` as the `@context`.
pub fn write_jsonld(
    quads: &[Quad],
    prefixes: &[(String, String)],
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = JsonLdWriter::new(prefixes, w)?;
    for q in quads {
        writer.quad(q.clone())?;
    }
    writer.finish()
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
