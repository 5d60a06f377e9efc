//! A direct N-Quads writer for the build's pieces: the same bytes as
//! oxigraph's N-Quads serializer (`{quad} .` through `Display`), written
//! into a byte buffer without going through `core::fmt` for each term.
//!
//! N-Quads is the largest export (about half of all bytes written), and
//! formatting each term through `Display` was a large part of the RDF
//! stage's time. Names and blank nodes are copied as they are (N-Quads
//! does not escape them, oxigraph neither); a literal is copied between
//! quotes unless its text has a character N-Quads escapes, and a literal of
//! a kind this writer does not spell itself falls back to `Display`, so the
//! output cannot differ from oxigraph's.

use std::io::Write;

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphNameRef, LiteralRef, NamedOrBlankNodeRef, QuadRef, TermRef};

/// Appends one quad and its line end, as oxigraph's N-Quads serializer does.
pub fn push_quad(out: &mut Vec<u8>, q: QuadRef) {
    push_subject(out, q.subject);
    out.push(b' ');
    push_iri(out, q.predicate.as_str());
    out.push(b' ');
    match q.object {
        TermRef::NamedNode(n) => push_iri(out, n.as_str()),
        TermRef::BlankNode(b) => push_blank(out, b.as_str()),
        TermRef::Literal(l) => push_literal(out, l),
    }
    match q.graph_name {
        GraphNameRef::NamedNode(n) => {
            out.push(b' ');
            push_iri(out, n.as_str());
        }
        GraphNameRef::BlankNode(b) => {
            out.push(b' ');
            push_blank(out, b.as_str());
        }
        GraphNameRef::DefaultGraph => {}
    }
    out.extend_from_slice(b" .\n");
}

fn push_subject(out: &mut Vec<u8>, s: NamedOrBlankNodeRef) {
    match s {
        NamedOrBlankNodeRef::NamedNode(n) => push_iri(out, n.as_str()),
        NamedOrBlankNodeRef::BlankNode(b) => push_blank(out, b.as_str()),
    }
}

fn push_iri(out: &mut Vec<u8>, iri: &str) {
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

fn push_blank(out: &mut Vec<u8>, id: &str) {
    out.extend_from_slice(b"_:");
    out.extend_from_slice(id.as_bytes());
}

/// Whether N-Quads (oxigraph's `print_quoted_str`) writes a character of
/// this string as something else: a control character, `"`, `\`, DEL,
/// U+FFFE or U+FFFF.
pub(super) fn needs_escape(s: &str) -> bool {
    // Without early exit, so that it is vectorized.
    s.bytes().fold(false, |a, b| {
        a | (b < 0x20) | (b == b'"') | (b == b'\\') | (b == 0x7F)
    }) || (s.as_bytes().contains(&0xEF) && s.contains(['\u{FFFE}', '\u{FFFF}']))
}

fn push_literal(out: &mut Vec<u8>, l: LiteralRef) {
    let value = l.value();
    let datatype = l.datatype();
    let plain = datatype == xsd::STRING;
    let tagged = datatype == rdf::LANG_STRING && l.language().is_some();
    if needs_escape(value) || !(plain || tagged || l.language().is_none()) {
        // Escapes, or a literal kind spelled by oxigraph alone.
        let _ = write!(out, "{l}");
        return;
    }
    out.push(b'"');
    out.extend_from_slice(value.as_bytes());
    out.push(b'"');
    if plain {
        return;
    }
    if let Some(lang) = l.language().filter(|_| tagged) {
        out.push(b'@');
        out.extend_from_slice(lang.as_bytes());
    } else {
        out.extend_from_slice(b"^^");
        push_iri(out, datatype.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfSerializer};
    use oxigraph::model::{BlankNode, GraphName, Literal, NamedNode, Quad, Term};

    fn oxigraph(quads: &[Quad]) -> Vec<u8> {
        let mut ser = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
        for q in quads {
            ser.serialize_quad(q).unwrap();
        }
        ser.finish().unwrap()
    }

    #[test]
    fn same_bytes_as_oxigraph() {
        let n = |s: &str| NamedNode::new(s).unwrap();
        let s = n("http://example.org/s");
        let p = n("http://example.org/p");
        let g: GraphName = n("http://example.org/g").into();
        let objects: Vec<Term> = vec![
            s.clone().into(),
            BlankNode::new("b0").unwrap().into(),
            Literal::new_simple_literal("plain").into(),
            Literal::new_simple_literal("").into(),
            Literal::new_simple_literal("قصف \"مدفعي\" \\ سطر\nجديد\t\r\u{8}\u{c}\u{1}\u{7f}")
                .into(),
            Literal::new_simple_literal("\u{fffe}\u{ffff}\u{feff}ﻻ").into(),
            Literal::new_language_tagged_literal("بغداد", "ar")
                .unwrap()
                .into(),
            Literal::new_language_tagged_literal("a\"b", "en-GB")
                .unwrap()
                .into(),
            Literal::new_typed_literal("2024-01-02", xsd::DATE).into(),
            Literal::new_typed_literal("3", xsd::INTEGER).into(),
            Literal::new_typed_literal("x\ny", n("http://example.org/dt")).into(),
        ];
        let mut quads = Vec::new();
        for o in &objects {
            for graph in [
                g.clone(),
                GraphName::DefaultGraph,
                BlankNode::new("g1").unwrap().into(),
            ] {
                quads.push(Quad::new(s.clone(), p.clone(), o.clone(), graph.clone()));
                quads.push(Quad::new(
                    BlankNode::new("x").unwrap(),
                    p.clone(),
                    o.clone(),
                    graph,
                ));
            }
        }
        let mut mine = Vec::new();
        for q in &quads {
            push_quad(&mut mine, q.as_ref());
        }
        assert_eq!(
            String::from_utf8(mine).unwrap(),
            String::from_utf8(oxigraph(&quads)).unwrap()
        );
    }
}
