//! SPARQL over a build: parses a query (with kg's prefixes predeclared),
//! evaluates it with the union of the named graphs as the default graph
//! (unless the query names its own dataset with `FROM`), under an optional
//! time limit, and returns the whole result ([`super::stream`] hands it
//! over row by row).
//!
//! The union default graph is a multiset: a triple that is in two named
//! graphs (a time instant used by an event and by a mention) matches twice,
//! so queries use `DISTINCT` where that matters.

use std::path::Path;
use std::time::Duration;

use oxigraph::model::{Term, Triple};
use oxigraph::sparql::{CancellationToken, PreparedSparqlQuery, SparqlEvaluator};
use oxigraph::store::Store;

use super::stream::Streamed;

use crate::error::{KgError, Result, TextPos};

/// The result of a query.
#[derive(Clone, Debug, PartialEq)]
pub enum QueryOutput {
    /// SELECT: the variables and one row of optional values per solution.
    Solutions {
        variables: Vec<String>,
        rows: Vec<Vec<Option<Term>>>,
    },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT and DESCRIBE: the triples, sorted and deduplicated.
    Graph(Vec<Triple>),
}

impl QueryOutput {
    /// The rows' values of one variable, as strings (tests and summaries).
    pub fn column(&self, var: &str) -> Vec<Option<String>> {
        match self {
            QueryOutput::Solutions { variables, rows } => {
                let Some(i) = variables.iter().position(|v| v == var) else {
                    return Vec::new();
                };
                rows.iter().map(|r| r[i].as_ref().map(term_value)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// Number of rows, triples, or 1 for a boolean.
    pub fn len(&self) -> usize {
        match self {
            QueryOutput::Solutions { rows, .. } => rows.len(),
            QueryOutput::Boolean(_) => 1,
            QueryOutput::Graph(t) => t.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The value of a term without syntax: an IRI, a literal's lexical form,
/// or a blank node's label.
pub fn term_value(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// A parsed query, ready to be evaluated (and stopped).
pub struct ParsedQuery {
    prepared: PreparedSparqlQuery,
    token: CancellationToken,
}

impl ParsedQuery {
    /// The prepared query and the token that cancels its evaluation.
    pub(crate) fn into_parts(self) -> (PreparedSparqlQuery, CancellationToken) {
        (self.prepared, self.token)
    }
}

/// Parses `text` with `prefixes` predeclared. A syntax error names
/// `source` (the query file, or `<query>`), the line and column, and shows
/// the line with a caret under the error.
pub fn parse(text: &str, source: &Path, prefixes: &[(String, String)]) -> Result<ParsedQuery> {
    let token = CancellationToken::new();
    let mut ev = SparqlEvaluator::new().with_cancellation_token(token.clone());
    for (p, iri) in prefixes {
        ev = ev
            .with_prefix(p, iri)
            .map_err(|e| KgError::Query(format!("prefix {p}: {e}")))?;
    }
    let mut prepared = ev
        .parse_query(text)
        .map_err(|e| syntax_error(text, source, &e.to_string()))?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    Ok(ParsedQuery { prepared, token })
}

/// Builds the error of a parser message `error at L:C: expected …`.
fn syntax_error(text: &str, source: &Path, message: &str) -> KgError {
    let located = message.strip_prefix("error at ").and_then(|rest| {
        let (pos, msg) = rest.split_once(": ")?;
        let (l, c) = pos.split_once(':')?;
        Some((l.parse::<usize>().ok()?, c.parse::<usize>().ok()?, msg))
    });
    let Some((line, column, msg)) = located else {
        return KgError::Syntax {
            path: source.to_path_buf(),
            pos: None,
            message: format!("SPARQL: {message}"),
        };
    };
    let src = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let caret_pad = caret_padding(src, column);
    let num = line.to_string();
    KgError::Syntax {
        path: source.to_path_buf(),
        pos: Some(TextPos {
            line: line as u64,
            column: column as u64,
        }),
        message: format!(
            "SPARQL syntax error: {}\n  {num} | {src}\n  {} | {caret_pad}^",
            shorten_expected(msg),
            " ".repeat(num.len())
        ),
    }
}

/// Spaces (and tabs) that put a caret under column `column` of `line`,
/// counting the display width of the characters before it.
fn caret_padding(line: &str, column: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    // One cell per character, as terminals draw them (no ligatures).
    line.chars()
        .take(column.saturating_sub(1))
        .map(|c| {
            if c == '\t' {
                "\t".to_string()
            } else {
                " ".repeat(c.width().unwrap_or(0))
            }
        })
        .collect()
}

/// Makes the parser's "expected one of …" readable: keeps the tokens and
/// names, drops the character classes, and explains an unknown prefix.
fn shorten_expected(msg: &str) -> String {
    let list = match msg.strip_prefix("expected one of ") {
        Some(l) => l,
        None => msg.strip_prefix("expected ").unwrap_or(msg),
    };
    let items = split_top_level(list);
    if items.iter().any(|i| i == "Prefix not found") {
        return "unknown prefix; declare it with PREFIX (kg predeclares kg:, sem:, time:, prov:, \
oa:, skos:, rdf:, rdfs:, owl:, xsd:, dcterms:, dc:, wd:, cameo:, plover: and the base's entity:, \
event:, mention:, article:, graph:, statement:, tm:)"
            .to_string();
    }
    let kept: Vec<&String> = items.iter().filter(|i| !i.starts_with('[')).collect();
    if kept.is_empty() {
        return "unexpected character".to_string();
    }
    let shown: Vec<&str> = kept.iter().take(12).map(|s| s.as_str()).collect();
    let more = kept.len().saturating_sub(12);
    format!(
        "expected {}{}{}",
        if kept.len() > 1 { "one of " } else { "" },
        shown.join(" "),
        if more > 0 {
            format!(" … ({more} more)")
        } else {
            String::new()
        }
    )
}

/// Splits `a, [b, c], "d"` at the commas outside brackets and quotes.
fn split_top_level(list: &str) -> Vec<String> {
    let (mut items, mut cur) = (Vec::new(), String::new());
    let (mut depth, mut quote) = (0usize, None::<char>);
    let mut chars = list.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quote) {
            ('\\', Some(_)) => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                continue;
            }
            (q, Some(open)) if q == open => quote = None,
            ('"' | '\'', None) => quote = Some(c),
            ('[', None) => depth += 1,
            (']', None) => depth = depth.saturating_sub(1),
            (',', None) if depth == 0 => {
                items.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        items.push(cur.trim().to_string());
    }
    items
}

/// Evaluates a parsed query on `store`, stopping it after `timeout`, and
/// returns the whole result (see [`super::stream::start`] to write rows as
/// they come).
///
/// The query runs on its own thread and this function returns when the
/// limit passes, whether or not the evaluator has noticed its cancellation
/// yet: some operators (a cross product feeding an aggregate) only check it
/// between scans. The abandoned thread stops at its next check; a command
/// that exits stops it at once.
pub fn evaluate(
    store: &Store,
    query: ParsedQuery,
    timeout: Option<Duration>,
) -> Result<QueryOutput> {
    Ok(match super::stream::start(store, query, timeout)? {
        Streamed::Boolean(b) => QueryOutput::Boolean(b),
        Streamed::Graph(t) => QueryOutput::Graph(t),
        Streamed::Solutions { variables, rows } => QueryOutput::Solutions {
            variables,
            rows: rows.collect::<Result<Vec<_>>>()?,
        },
    })
}

/// Parses and evaluates `text` on `store`.
pub fn run(
    store: &Store,
    text: &str,
    source: &Path,
    prefixes: &[(String, String)],
    timeout: Option<Duration>,
) -> Result<QueryOutput> {
    let q = parse(text, source, prefixes)?;
    evaluate(store, q, timeout)
}
