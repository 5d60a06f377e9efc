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
    /// Longest namespace first (then by name), or the most used first when
    /// that does not change the result (`vocab::scan_order`).
    prefixes: Vec<Prefix>,
}

struct Prefix {
    name: String,
    ns: String,
    /// The last eight bytes of `ns` (if it has eight): most namespaces
    /// differ from an IRI there, so they are compared first.
    tail: u64,
}

/// The last eight bytes of `b`, which has at least eight.
fn tail(b: &[u8]) -> u64 {
    let mut t = [0u8; 8];
    t.copy_from_slice(&b[b.len() - 8..]);
    u64::from_le_bytes(t)
}

impl Compactor {
    fn new(prefixes: &[(String, String)]) -> Self {
        let mut prefixes = prefixes.to_vec();
        prefixes.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        let order =
            super::vocab::scan_order(prefixes.iter().map(|(n, i)| (n.as_str(), i.as_str())));
        let mut prefixes: Vec<Option<Prefix>> = prefixes
            .into_iter()
            .map(|(name, ns)| Prefix {
                tail: if ns.len() >= 8 {
                    tail(ns.as_bytes())
                } else {
                    0
                },
                name,
                ns,
            })
            .map(Some)
            .collect();
        let prefixes = order.iter().filter_map(|&i| prefixes[i].take()).collect();
        Compactor { prefixes }
    }

    /// The prefix and local name of `iri`, if a prefix compacts it.
    fn split<'a>(&'a self, iri: &'a str) -> Option<(&'a str, &'a str)> {
        let b = iri.as_bytes();
        self.prefixes.iter().find_map(|p| {
            let n = p.ns.len();
            if b.len() < n || (n >= 8 && tail(&b[..n]) != p.tail) || !b.starts_with(p.ns.as_bytes())
            {
                return None;
            }
            let local = &iri[n..];
            (!local.is_empty() && !local.starts_with("//")).then_some((p.name.as_str(), local))
        })
    }

    fn iri(&self, iri: &str) -> String {
        match self.split(iri) {
            Some((p, local)) => format!("{p}:{local}"),
            None => iri.to_string(),
        }
    }

    /// Appends the compacted `iri` as a JSON string.
    fn push_iri(&self, out: &mut Vec<u8>, iri: &str) {
        out.push(b'"');
        match self.split(iri) {
            Some((p, local)) => {
                push_escaped(out, p);
                out.push(b':');
                push_escaped(out, local);
            }
            None => push_escaped(out, iri),
        }
        out.push(b'"');
    }
}

fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Appends `s` as a JSON string.
fn push_json(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    push_escaped(out, s);
    out.push(b'"');
}

/// Appends `s` escaped as inside a JSON string (as
/// serde_json writes: `\"`, `\\`, and control characters).
fn push_escaped(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    // A scan without early exit (vectorized): most strings have nothing
    // to escape.
    if !b
        .iter()
        .fold(false, |a, &c| a | (c < 0x20) | (c == b'"') | (c == b'\\'))
    {
        out.extend_from_slice(b);
        return;
    }
    let mut from = 0;
    for (i, &c) in b.iter().enumerate() {
        let short: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0C => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1F => b"",
            _ => continue,
        };
        out.extend_from_slice(&b[from..i]);
        if short.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(c >> 4)]);
            out.push(HEX[usize::from(c & 0xF)]);
        } else {
            out.extend_from_slice(short);
        }
        from = i + 1;
    }
    out.extend_from_slice(&b[from..]);
}

/// Appends a subject as a JSON string (IRIs compacted, blank nodes `_:id`).
fn push_node(c: &Compactor, out: &mut Vec<u8>, n: &NamedOrBlankNode) {
    match n {
        NamedOrBlankNode::NamedNode(n) => c.push_iri(out, n.as_str()),
        other => push_json(out, &other.to_string()),
    }
}

/// Appends the JSON-LD value object of an RDF term.
fn push_value(c: &Compactor, out: &mut Vec<u8>, t: &Term) {
    match t {
        Term::NamedNode(n) => {
            out.extend_from_slice(b"{\"@id\": ");
            c.push_iri(out, n.as_str());
            out.push(b'}');
        }
        Term::BlankNode(b) => {
            out.extend_from_slice(b"{\"@id\": ");
            push_json(out, &b.to_string());
            out.push(b'}');
        }
        Term::Literal(l) => {
            out.extend_from_slice(b"{\"@value\": ");
            push_json(out, l.value());
            if let Some(lang) = l.language() {
                out.extend_from_slice(b", \"@language\": ");
                push_json(out, lang);
            } else if !is_xsd_string(l.datatype().as_str()) {
                out.extend_from_slice(b", \"@type\": ");
                c.push_iri(out, l.datatype().as_str());
            }
            out.push(b'}');
        }
        #[allow(unreachable_patterns)]
        other => push_json(out, &other.to_string()),
    }
}

fn is_xsd_string(iri: &str) -> bool {
    iri.strip_prefix(XSD) == Some("string")
}

/// Writes one node object: `{"@id": …, "@type": […], "p": […], …}`. The
/// quads share a subject; values are grouped by predicate in order of first
/// appearance (a JSON object must not repeat a key).
fn node_object(c: &Compactor, quads: &[Quad], w: &mut dyn Write) -> io::Result<()> {
    let is_type = |q: &Quad| {
        q.predicate.as_str().strip_prefix(RDF) == Some("type")
            && matches!(q.object, Term::NamedNode(_))
    };
    let mut out = Vec::with_capacity(64 * quads.len() + 64);
    out.extend_from_slice(b"{\"@id\": ");
    push_node(c, &mut out, &quads[0].subject);
    let mut types = quads.iter().filter(|q| is_type(q)).peekable();
    if types.peek().is_some() {
        out.extend_from_slice(b", \"@type\": [");
        for (k, q) in types.enumerate() {
            if k > 0 {
                out.extend_from_slice(b", ");
            }
            if let Term::NamedNode(n) = &q.object {
                c.push_iri(&mut out, n.as_str());
            }
        }
        out.push(b']');
    }
    // Predicates in order of first appearance, then each one's values.
    let mut predicates: Vec<&str> = Vec::new();
    for q in quads.iter().filter(|q| !is_type(q)) {
        if !predicates.contains(&q.predicate.as_str()) {
            predicates.push(q.predicate.as_str());
        }
    }
    for p in predicates {
        out.extend_from_slice(b", ");
        c.push_iri(&mut out, p);
        out.extend_from_slice(b": [");
        let values = quads
            .iter()
            .filter(|q| q.predicate.as_str() == p && !is_type(q));
        for (k, q) in values.enumerate() {
            if k > 0 {
                out.extend_from_slice(b", ");
            }
            push_value(c, &mut out, &q.object);
        }
        out.push(b']');
    }
    out.push(b'}');
    w.write_all(&out)
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
    fn escapes_as_serde_json() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("عين الأسد \u{2028} \u{FEFF} \"q\" \\ é");
        for s in [all.as_str(), "", "plain", "\n\"", "a\u{7f}b"] {
            let mut out = Vec::new();
            push_json(&mut out, s);
            assert_eq!(String::from_utf8(out).unwrap(), json(s), "{s:?}");
        }
    }

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
