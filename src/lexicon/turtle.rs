//! Reads Turtle files into a small subject-indexed triple table, with errors
//! that name the file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::{NamedOrBlankNode, Term};

use crate::error::{KgError, TextPos};

/// An object of a triple, simplified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Obj {
    Iri(String),
    Blank(String),
    Literal {
        value: String,
        lang: Option<String>,
        datatype: String,
    },
}

impl Obj {
    pub fn as_iri(&self) -> Option<&str> {
        match self {
            Obj::Iri(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Obj::Literal { value, .. } => Some(value),
            _ => None,
        }
    }
    pub fn lang(&self) -> Option<&str> {
        match self {
            Obj::Literal { lang, .. } => lang.as_deref(),
            _ => None,
        }
    }
}

/// Triples grouped by subject, in a deterministic order, remembering which
/// file first described each subject.
#[derive(Default, Debug)]
pub struct TripleTable {
    pub subjects: BTreeMap<String, Vec<(String, Obj)>>,
    pub origin: BTreeMap<String, PathBuf>,
    /// Every file that describes a subject, in reading order.
    pub described_in: BTreeMap<String, Vec<PathBuf>>,
}

impl TripleTable {
    /// Parses one Turtle document and adds its triples.
    pub fn add_turtle(&mut self, path: &Path, data: &[u8]) -> Result<(), KgError> {
        // Blank node ids are file-local; prefix them with the file's index so
        // two files cannot share one by accident.
        let file_tag = self
            .origin
            .values()
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(data) {
            let quad = quad.map_err(|e| syntax_error(path, e))?;
            let subject = match &quad.subject {
                NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
                NamedOrBlankNode::BlankNode(b) => format!("_:{file_tag}:{}", b.as_str()),
                #[allow(unreachable_patterns)]
                _ => continue,
            };
            let object = match quad.object {
                Term::NamedNode(n) => Obj::Iri(n.into_string()),
                Term::BlankNode(b) => Obj::Blank(format!("_:{file_tag}:{}", b.as_str())),
                Term::Literal(l) => {
                    let (value, datatype, lang) = l.destruct();
                    Obj::Literal {
                        value,
                        lang,
                        datatype: datatype.map(|d| d.into_string()).unwrap_or_default(),
                    }
                }
                #[allow(unreachable_patterns)]
                _ => continue,
            };
            self.origin
                .entry(subject.clone())
                .or_insert_with(|| path.to_path_buf());
            let files = self.described_in.entry(subject.clone()).or_default();
            if files.last().is_none_or(|f| f != path) {
                files.push(path.to_path_buf());
            }
            self.subjects
                .entry(subject)
                .or_default()
                .push((quad.predicate.into_string(), object));
        }
        Ok(())
    }

    /// All objects of `predicate` on `subject`.
    pub fn objects<'a>(
        &'a self,
        subject: &str,
        predicate: &str,
    ) -> impl Iterator<Item = &'a Obj> + 'a {
        let predicate = predicate.to_string();
        self.subjects
            .get(subject)
            .into_iter()
            .flatten()
            .filter(move |(p, _)| *p == predicate)
            .map(|(_, o)| o)
    }

    pub fn file_of(&self, subject: &str) -> PathBuf {
        self.origin.get(subject).cloned().unwrap_or_default()
    }

    /// The files that describe `subject`, for messages: "a.ttl and b.ttl".
    pub fn files_of(&self, subject: &str) -> String {
        let files: Vec<String> = self
            .described_in
            .get(subject)
            .into_iter()
            .flatten()
            .map(|p| p.display().to_string())
            .collect();
        files.join(" and ")
    }
}

fn syntax_error(path: &Path, e: RdfSyntaxError) -> KgError {
    KgError::Syntax {
        path: path.to_path_buf(),
        pos: e.location().map(|r| TextPos {
            line: r.start.line + 1,
            column: r.start.column + 1,
        }),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_positions() {
        let mut t = TripleTable::default();
        let err = t
            .add_turtle(
                Path::new("x.ttl"),
                b"@prefix a: <http://a/> .\na:x a:y \"z\" ;\n  a:q .\n",
            )
            .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("x.ttl, line 3"), "{msg}");
    }

    #[test]
    fn reads_literals_with_languages() {
        let mut t = TripleTable::default();
        t.add_turtle(
            Path::new("x.ttl"),
            "<http://a/x> <http://a/l> \"عين\"@ar .".as_bytes(),
        )
        .unwrap();
        let o: Vec<_> = t.objects("http://a/x", "http://a/l").collect();
        assert_eq!(o[0].as_str(), Some("عين"));
        assert_eq!(o[0].lang(), Some("ar"));
    }
}
