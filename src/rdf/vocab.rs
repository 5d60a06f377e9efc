//! Namespaces, prefixes and the IRI scheme of kg's RDF.
//!
//! IRIs are content-based: an entity's IRI is `{base}entity/{id}`, a merged
//! event's `{base}event/{id}`, a mention's `{base}mention/{id}`, an
//! article's `{base}article/{id}` and its named graph `{base}graph/{id}`.
//! The same fact from the same text always gets the same IRI, so graphs
//! built on different machines merge without duplicates.

use oxigraph::model::{Literal, NamedNode};

use crate::error::KgError;

pub const KG: &str = crate::lexicon::KG;
pub const SEM: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/";
pub const TIME: &str = "http://www.w3.org/2006/time#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const OA: &str = "http://www.w3.org/ns/oa#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const DC: &str = "http://purl.org/dc/elements/1.1/";
pub const CAMEO: &str = "https://kg.example/cameo/";
pub const PLOVER: &str = "https://kg.example/plover/";
pub const WD: &str = "http://www.wikidata.org/entity/";

/// The base's own namespaces: (prefix, path segment under the base).
pub const OWN_PREFIXES: &[(&str, &str)] = &[
    ("entity", "entity"),
    ("event", "event"),
    ("mention", "mention"),
    ("article", "article"),
    ("graph", "graph"),
    ("statement", "statement"),
    ("tm", "time"),
];

/// Prefix names by how often kg's exports use them (counted in the Turtle
/// of a build): the order in which compactors try them, see [`scan_order`].
const BY_USE: &[&str] = &[
    "mention",
    "kg",
    "oa",
    "entity",
    "article",
    "event",
    "statement",
    "tm",
    "time",
    "sem",
    "dcterms",
    "owl",
    "wd",
    "skos",
    "rdfs",
    "xsd",
    "rdf",
    "prov",
    "dc",
    "cameo",
    "plover",
    "graph",
];

/// Positions of `namespaces` (name, IRI), in the order a compactor may try
/// them: the most used first when no namespace begins with another (then at
/// most one matches an IRI, and the order cannot change the result); else
/// as given.
pub fn scan_order<'a>(namespaces: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<usize> {
    let ns: Vec<(&str, &str)> = namespaces.collect();
    let mut order: Vec<usize> = (0..ns.len()).collect();
    let nested = ns.iter().enumerate().any(|(i, (_, a))| {
        ns.iter()
            .enumerate()
            .any(|(j, (_, b))| i != j && a.starts_with(b))
    });
    if !nested {
        order.sort_by_key(|&i| {
            BY_USE
                .iter()
                .position(|n| *n == ns[i].0)
                .unwrap_or(BY_USE.len())
        });
    }
    order
}

/// Default base IRI for kg's resources.
pub const DEFAULT_BASE: &str = "https://kg.example/id/";

/// Prefixes written in Turtle, TriG and JSON-LD (the base's own prefixes are added).
pub const PREFIXES: &[(&str, &str)] = &[
    ("kg", KG),
    ("sem", SEM),
    ("time", TIME),
    ("prov", PROV),
    ("oa", OA),
    ("skos", SKOS),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("dcterms", DCTERMS),
    ("dc", DC),
    ("wd", WD),
    ("cameo", CAMEO),
    ("plover", PLOVER),
];

/// `parts` joined into one string, allocated once (no `core::fmt`: these
/// are made for every quad).
pub fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

pub fn nn(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(concat(&[ns, local]))
}

pub fn kg(local: &str) -> NamedNode {
    nn(KG, local)
}

pub fn rdf_type() -> NamedNode {
    nn(RDF, "type")
}

pub fn lit_ar(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "ar")
}

pub fn lit_en(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "en")
}

pub fn lit_int(n: u64) -> Literal {
    Literal::new_typed_literal(decimal(n), nn(XSD, "integer"))
}

/// `n` in decimal, as `n.to_string()` writes it.
pub fn decimal(mut n: u64) -> String {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[i..].iter().map(|&d| char::from(d)).collect()
}

pub fn lit_bool(b: bool) -> Literal {
    Literal::new_typed_literal(if b { "true" } else { "false" }, nn(XSD, "boolean"))
}

/// Percent-encodes an id for use as an IRI path segment.
pub fn segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    push_segment(&mut out, id);
    out
}

/// Appends `id` percent-encoded (see [`segment`]).
fn push_segment(out: &mut String, id: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let plain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~');
    if id.bytes().all(plain) {
        out.push_str(id);
        return;
    }
    for b in id.bytes() {
        if plain(b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
}

/// The IRI scheme under one base.
#[derive(Clone, Debug)]
pub struct Iris {
    pub base: String,
}

impl Iris {
    /// Checks the base IRI (it must be absolute and end with `/` or `#`).
    pub fn new(base: &str) -> Result<Self, KgError> {
        if !(base.ends_with('/') || base.ends_with('#')) {
            return Err(KgError::Invalid(format!(
                "base IRI `{base}` must end with `/` or `#`"
            )));
        }
        NamedNode::new(format!("{base}x"))
            .map_err(|e| KgError::Invalid(format!("base IRI `{base}` is not a valid IRI: {e}")))?;
        Ok(Iris {
            base: base.to_string(),
        })
    }

    fn make(&self, kind: &str, id: &str) -> NamedNode {
        let mut iri = String::with_capacity(self.base.len() + kind.len() + 1 + id.len());
        iri.push_str(&self.base);
        iri.push_str(kind);
        iri.push('/');
        push_segment(&mut iri, id);
        NamedNode::new_unchecked(iri)
    }
    pub fn entity(&self, id: &str) -> NamedNode {
        self.make("entity", id)
    }
    pub fn event(&self, id: &str) -> NamedNode {
        self.make("event", id)
    }
    pub fn mention(&self, id: &str) -> NamedNode {
        self.make("mention", id)
    }
    pub fn article(&self, id: &str) -> NamedNode {
        self.make("article", id)
    }
    pub fn article_graph(&self, id: &str) -> NamedNode {
        self.make("graph", id)
    }
    pub fn graph(&self, name: &str) -> NamedNode {
        NamedNode::new_unchecked(concat(&[&self.base, "graph/", name]))
    }
    pub fn time(&self, key: &str) -> NamedNode {
        self.make("time", key)
    }
    pub fn statement(&self, id: &str) -> NamedNode {
        self.make("statement", id)
    }
    /// Prefixes for the base's own namespaces: `entity:`, `event:`,
    /// `mention:`, `article:`, `graph:`, `statement:` and `tm:` (time
    /// instants and intervals; `time:` is OWL-Time).
    pub fn prefixes(&self) -> Vec<(String, String)> {
        OWN_PREFIXES
            .iter()
            .map(|(p, path)| (p.to_string(), format!("{}{path}/", self.base)))
            .collect()
    }

    /// Every prefix kg writes and predeclares in queries: the standard
    /// vocabularies, then the base's own namespaces.
    pub fn all_prefixes(&self) -> Vec<(String, String)> {
        PREFIXES
            .iter()
            .map(|(p, i)| (p.to_string(), i.to_string()))
            .chain(self.prefixes())
            .collect()
    }
}
