//! A direct Turtle writer for the build's pieces: the same bytes as oxttl's
//! Turtle serializer (oxigraph 0.5) with the same prefixes, written into a
//! byte buffer without going through `core::fmt` for each term.
//!
//! It follows oxttl's `LowLevelTriGSerializer` for the default graph:
//! - prefixes are tried longest first (names sorted, then a stable key
//!   sort by decreasing length, exactly as oxttl orders them); an IRI is
//!   written `p:` when it is the prefix itself, `p:local` when its local
//!   part can be a `PN_LOCAL` (with oxttl's backslash escapes), else the
//!   next prefix is tried, and `<iri>` when none fits;
//! - `rdf:type` as a predicate is `a`;
//! - a triple after one with the same subject and predicate is ` , o`, with
//!   the same subject ` ;\n\tp o`, else ` .\n` and the full triple;
//! - strings and language-tagged strings as in N-Quads; booleans, integers,
//!   decimals and doubles of Turtle's lexical forms bare; other typed
//!   literals `"v"^^dt` with the datatype written as an IRI above.
//!
//! A literal whose text has a character to escape is written by oxrdf's own
//! `Display`, as [`super::nquads`] does. The unit test compares this writer
//! with oxttl on the awkward cases and on every character in local names.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::io::Write;

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef};

use super::nquads::needs_escape;

/// The prefixes, in the order oxttl tries them.
pub struct TurtleWriter {
    prefixes: Vec<Prefix>,
    /// The order in which [`Self::push_iri`] tries them (`vocab::scan_order`).
    scan: Vec<usize>,
}

struct Prefix {
    name: String,
    iri: String,
    /// The last eight bytes of `iri` (if it has eight).
    tail: u64,
}

/// The last eight bytes of `b`, which has at least eight.
fn tail(b: &[u8]) -> u64 {
    let mut t = [0u8; 8];
    t.copy_from_slice(&b[b.len() - 8..]);
    u64::from_le_bytes(t)
}

/// The last subject and predicate written (oxttl's serializer state).
pub type Last<'a> = Option<(NamedOrBlankNodeRef<'a>, NamedNodeRef<'a>)>;

impl TurtleWriter {
    /// The writer for a serializer given these `with_prefix` calls in order.
    pub fn new(prefixes: &[(String, String)]) -> Self {
        // oxttl keeps them in a BTreeMap (a later name wins), then sorts
        // them unstably by decreasing length: the same steps, the same order.
        let map: BTreeMap<&str, &str> = prefixes
            .iter()
            .map(|(p, i)| (p.as_str(), i.as_str()))
            .collect();
        let mut prefixes: Vec<(String, String)> = map
            .into_iter()
            .map(|(p, i)| (p.to_string(), i.to_string()))
            .collect();
        prefixes.sort_unstable_by_key(|(_, p)| Reverse(p.len()));
        let prefixes: Vec<Prefix> = prefixes
            .into_iter()
            .map(|(name, iri)| Prefix {
                tail: if iri.len() >= 8 {
                    tail(iri.as_bytes())
                } else {
                    0
                },
                name,
                iri,
            })
            .collect();
        let scan = super::vocab::scan_order(
            prefixes
                .iter()
                .map(|p: &Prefix| (p.name.as_str(), p.iri.as_str())),
        );
        TurtleWriter { prefixes, scan }
    }

    /// The prefix declarations oxttl writes first.
    pub fn prelude(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for p in &self.prefixes {
            out.extend_from_slice(b"@prefix ");
            out.extend_from_slice(p.name.as_bytes());
            out.extend_from_slice(b": <");
            out.extend_from_slice(p.iri.as_bytes());
            out.extend_from_slice(b"> .\n");
        }
        out
    }

    /// Appends `triples` as oxttl writes them after `last`, without the
    /// ` .\n` that would end the last one. Returns the new `last`.
    pub fn push_triples<'a>(
        &self,
        out: &mut Vec<u8>,
        mut last: Last<'a>,
        triples: impl IntoIterator<Item = TripleRef<'a>>,
    ) -> Last<'a> {
        for t in triples {
            match last {
                Some((s, p)) if s == t.subject && p == t.predicate => {
                    out.extend_from_slice(b" , ");
                }
                Some((s, _)) if s == t.subject => {
                    out.extend_from_slice(b" ;\n\t");
                    self.push_predicate(out, t.predicate);
                    out.push(b' ');
                }
                _ => {
                    if last.is_some() {
                        out.extend_from_slice(b" .\n");
                    }
                    match t.subject {
                        NamedOrBlankNodeRef::NamedNode(n) => self.push_iri(out, n.as_str()),
                        NamedOrBlankNodeRef::BlankNode(b) => push_blank(out, b.as_str()),
                    }
                    out.push(b' ');
                    self.push_predicate(out, t.predicate);
                    out.push(b' ');
                }
            }
            self.push_object(out, t.object);
            last = Some((t.subject, t.predicate));
        }
        last
    }

    fn push_predicate(&self, out: &mut Vec<u8>, p: NamedNodeRef) {
        if p == rdf::TYPE {
            out.push(b'a');
        } else {
            self.push_iri(out, p.as_str());
        }
    }

    fn push_object(&self, out: &mut Vec<u8>, o: TermRef) {
        match o {
            TermRef::NamedNode(n) => self.push_iri(out, n.as_str()),
            TermRef::BlankNode(b) => push_blank(out, b.as_str()),
            TermRef::Literal(l) => self.push_literal(out, l),
        }
    }

    fn push_iri(&self, out: &mut Vec<u8>, iri: &str) {
        let b = iri.as_bytes();
        for &i in &self.scan {
            let p = &self.prefixes[i];
            let n = p.iri.len();
            // The prefix's last eight bytes first: most prefixes fail there.
            if b.len() < n
                || (n >= 8 && tail(&b[..n]) != p.tail)
                || !b.starts_with(p.iri.as_bytes())
            {
                continue;
            }
            let start = out.len();
            out.extend_from_slice(p.name.as_bytes());
            out.push(b':');
            if push_local_name(out, &iri[n..]) {
                return;
            }
            out.truncate(start);
        }
        out.push(b'<');
        out.extend_from_slice(b);
        out.push(b'>');
    }

    fn push_literal(&self, out: &mut Vec<u8>, l: LiteralRef) {
        let value = l.value();
        let datatype = l.datatype();
        if datatype == xsd::STRING || datatype == rdf::LANG_STRING {
            if needs_escape(value) {
                let _ = write!(out, "{l}");
                return;
            }
            push_quoted(out, value);
            if let Some(lang) = l.language() {
                out.push(b'@');
                out.extend_from_slice(lang.as_bytes());
            }
            return;
        }
        let bare = match datatype {
            xsd::BOOLEAN => matches!(value, "true" | "false"),
            xsd::INTEGER => is_integer(value),
            xsd::DECIMAL => is_decimal(value),
            xsd::DOUBLE => is_double(value),
            _ => false,
        };
        if bare {
            out.extend_from_slice(value.as_bytes());
            return;
        }
        if needs_escape(value) {
            let _ = write!(out, "{}", LiteralRef::new_simple_literal(value));
        } else {
            push_quoted(out, value);
        }
        out.extend_from_slice(b"^^");
        self.push_iri(out, datatype.as_str());
    }
}

fn push_blank(out: &mut Vec<u8>, id: &str) {
    out.extend_from_slice(b"_:");
    out.extend_from_slice(id.as_bytes());
}

fn push_quoted(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    out.extend_from_slice(value.as_bytes());
    out.push(b'"');
}

/// Appends `local` as oxttl's `escape_local_name` writes it; false (with
/// part of it appended) when it cannot be a local name. Empty is fine.
fn push_local_name(out: &mut Vec<u8>, local: &str) -> bool {
    // Most local names are slugs: ASCII letters, digits, `_`, `:` and `-`
    // (not first), all written as they are.
    let plain = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'-');
    if local.bytes().all(|c| plain(&c)) && !local.starts_with('-') {
        out.extend_from_slice(local.as_bytes());
        return true;
    }
    if local.is_ascii() {
        return push_ascii_local_name(out, local.as_bytes());
    }
    let mut chars = local.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    let mut buf = [0u8; 4];
    if is_pn_chars_u(first) || first == ':' || first.is_ascii_digit() {
        out.extend_from_slice(first.encode_utf8(&mut buf).as_bytes());
    } else if escapable(first) {
        out.push(b'\\');
        out.push(first as u8);
    } else {
        return false;
    }
    while let Some(c) = chars.next() {
        if is_pn_chars(c) || c == ':' || (c == '.' && !chars.as_str().is_empty()) {
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        } else if escapable(c) {
            out.push(b'\\');
            out.push(c as u8);
        } else {
            return false;
        }
    }
    true
}

/// [`push_local_name`] for an ASCII name, byte by byte (the same rules
/// without decoding and encoding characters: `#` in `mention:m-…\#quote`).
fn push_ascii_local_name(out: &mut Vec<u8>, local: &[u8]) -> bool {
    let Some((&first, rest)) = local.split_first() else {
        return true;
    };
    let f = char::from(first);
    if is_pn_chars_u(f) || f == ':' || f.is_ascii_digit() {
        out.push(first);
    } else if escapable(f) {
        out.push(b'\\');
        out.push(first);
    } else {
        return false;
    }
    for (i, &b) in rest.iter().enumerate() {
        let c = char::from(b);
        if is_pn_chars(c) || c == ':' || (c == '.' && i + 1 < rest.len()) {
            out.push(b);
        } else if escapable(c) {
            out.push(b'\\');
            out.push(b);
        } else {
            return false;
        }
    }
    true
}

/// Turtle's PN_CHARS_BASE.
fn is_pn_chars_base(c: char) -> bool {
    matches!(c,
        'A'..='Z'
        | 'a'..='z'
        | '\u{00C0}'..='\u{00D6}'
        | '\u{00D8}'..='\u{00F6}'
        | '\u{00F8}'..='\u{02FF}'
        | '\u{0370}'..='\u{037D}'
        | '\u{037F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}'
        | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// PN_CHARS_U.
fn is_pn_chars_u(c: char) -> bool {
    is_pn_chars_base(c) || c == '_'
}

/// PN_CHARS.
fn is_pn_chars(c: char) -> bool {
    is_pn_chars_u(c)
        || matches!(c, '-' | '0'..='9' | '\u{00B7}' | '\u{0300}'..='\u{036F}' | '\u{203F}'..='\u{2040}')
}

/// The characters oxttl writes in a local name after a backslash (all ASCII).
fn escapable(c: char) -> bool {
    matches!(
        c,
        '_' | '~'
            | '.'
            | '-'
            | '!'
            | '$'
            | '&'
            | '\''
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | ';'
            | '='
            | '/'
            | '?'
            | '#'
            | '@'
            | '%'
    )
}

/// Without a leading sign.
fn unsigned(v: &[u8]) -> &[u8] {
    v.strip_prefix(b"+")
        .or_else(|| v.strip_prefix(b"-"))
        .unwrap_or(v)
}

fn digits(v: &[u8]) -> usize {
    v.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// INTEGER ::= [+-]? [0-9]+
fn is_integer(value: &str) -> bool {
    let v = unsigned(value.as_bytes());
    !v.is_empty() && digits(v) == v.len()
}

/// DECIMAL ::= [+-]? [0-9]* '.' [0-9]+
fn is_decimal(value: &str) -> bool {
    let v = unsigned(value.as_bytes());
    let v = &v[digits(v)..];
    match v.strip_prefix(b".") {
        Some(f) => !f.is_empty() && digits(f) == f.len(),
        None => false,
    }
}

/// DOUBLE ::= [+-]? ([0-9]+ '.' [0-9]* EXPONENT | '.' [0-9]+ EXPONENT | [0-9]+ EXPONENT)
fn is_double(value: &str) -> bool {
    let v = unsigned(value.as_bytes());
    let before = digits(v);
    let mut v = &v[before..];
    let mut after = 0;
    if let Some(f) = v.strip_prefix(b".") {
        after = digits(f);
        v = &f[after..];
    }
    let Some(e) = v.strip_prefix(b"e").or_else(|| v.strip_prefix(b"E")) else {
        return false;
    };
    let e = unsigned(e);
    (before > 0 || after > 0) && !e.is_empty() && digits(e) == e.len()
}

#[cfg(test)]
mod tests;
