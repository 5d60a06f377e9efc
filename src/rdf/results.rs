//! Writes query results: the W3C SPARQL results formats (CSV, TSV, JSON,
//! XML) or an aligned table for people. CONSTRUCT and DESCRIBE results are
//! RDF: Turtle for `table`, JSON-LD for `json`, RDF/XML for `xml` and
//! N-Triples (one triple per line) for `csv` and `tsv`.

use std::io::{self, Write};

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Quad, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

use super::query::QueryOutput;
use super::stream::Streamed;
use super::table::{Written, write_table, write_table_stream};
use crate::error::KgError;

/// Why writing a streamed result stopped.
#[derive(Debug)]
pub enum WriteError {
    /// The output could not be written (a reader that went away included).
    Io(io::Error),
    /// The evaluation failed or ran past its time limit.
    Query(KgError),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// The output formats of `kg query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

impl ResultsFormat {
    pub const ALL: &'static [ResultsFormat] = &[
        ResultsFormat::Table,
        ResultsFormat::Csv,
        ResultsFormat::Tsv,
        ResultsFormat::Json,
        ResultsFormat::Xml,
    ];

    /// The name on the command line.
    pub fn id(self) -> &'static str {
        match self {
            ResultsFormat::Table => "table",
            ResultsFormat::Csv => "csv",
            ResultsFormat::Tsv => "tsv",
            ResultsFormat::Json => "json",
            ResultsFormat::Xml => "xml",
        }
    }

    /// The W3C results format (`None` for the table).
    fn w3c(self) -> Option<QueryResultsFormat> {
        match self {
            ResultsFormat::Table => None,
            ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultsFormat::Json => Some(QueryResultsFormat::Json),
            ResultsFormat::Xml => Some(QueryResultsFormat::Xml),
        }
    }

    /// The RDF format graph results are written in.
    fn graph_format(self) -> RdfFormat {
        match self {
            ResultsFormat::Table => RdfFormat::Turtle,
            ResultsFormat::Csv | ResultsFormat::Tsv => RdfFormat::NTriples,
            ResultsFormat::Json => RdfFormat::JsonLd {
                profile: Default::default(),
            },
            ResultsFormat::Xml => RdfFormat::RdfXml,
        }
    }
}

/// Writes `out` in `format`; `prefixes` shorten IRIs in tables and RDF.
pub fn write_results(
    out: &QueryOutput,
    format: ResultsFormat,
    prefixes: &[(String, String)],
    w: &mut dyn Write,
) -> io::Result<()> {
    match out {
        QueryOutput::Solutions { variables, rows } => match format.w3c() {
            None => write_table(variables, rows, prefixes, w),
            Some(f) => {
                let mut it = rows.iter().cloned().map(Ok::<_, io::Error>);
                write_w3c_rows(f, format, variables, &mut it, None, w).map(|_| ())
            }
        },
        QueryOutput::Boolean(b) => match format.w3c() {
            None => writeln!(w, "{b}"),
            Some(f) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *w, *b)?;
                writeln!(w)
            }
        },
        QueryOutput::Graph(triples) => write_graph(triples, format.graph_format(), prefixes, w),
    }
}

/// Writes a result as it arrives, at most `limit` rows of a SELECT. Rows
/// are written while the query still runs; an evaluation error (the time
/// limit included) stops the writing, after the rows already written.
pub fn write_streamed(
    out: Streamed,
    format: ResultsFormat,
    prefixes: &[(String, String)],
    limit: Option<usize>,
    w: &mut dyn Write,
) -> Result<Written, WriteError> {
    let whole = |o: QueryOutput, w: &mut dyn Write| -> Result<Written, WriteError> {
        write_results(&o, format, prefixes, w)?;
        Ok(Written {
            rows: o.len(),
            more: false,
        })
    };
    let (variables, rows) = match out {
        Streamed::Boolean(b) => return whole(QueryOutput::Boolean(b), w),
        Streamed::Graph(t) => return whole(QueryOutput::Graph(t), w),
        Streamed::Solutions { variables, rows } => (variables, rows),
    };
    let mut rows = rows.map(|r| r.map_err(WriteError::Query));
    let Some(f) = format.w3c() else {
        return write_table_stream(&variables, &mut rows, prefixes, limit, w);
    };
    write_w3c_rows(f, format, &variables, &mut rows, limit, w)
}

/// Writes at most `limit` rows in a W3C results format; an error of the
/// rows stops the writing and is returned as it is.
fn write_w3c_rows<E: From<io::Error>>(
    f: QueryResultsFormat,
    format: ResultsFormat,
    variables: &[String],
    rows: &mut dyn Iterator<Item = Result<Vec<Option<oxigraph::model::Term>>, E>>,
    limit: Option<usize>,
    w: &mut dyn Write,
) -> Result<Written, E> {
    let vars = variables
        .iter()
        .map(|v| Variable::new(v).map_err(io::Error::other))
        .collect::<io::Result<Vec<_>>>()?;
    let mut ser = QueryResultsSerializer::from_format(f)
        .serialize_solutions_to_writer(&mut *w, vars.clone())?;
    let (mut n, mut more) = (0, false);
    for row in rows {
        if Some(n) == limit {
            more = true;
            break;
        }
        let row = row?;
        ser.serialize(
            vars.iter()
                .zip(&row)
                .filter_map(|(v, t)| t.as_ref().map(|t| (v, t))),
        )?;
        n += 1;
    }
    ser.finish()?;
    if matches!(format, ResultsFormat::Json | ResultsFormat::Xml) {
        writeln!(w)?;
    }
    Ok(Written { rows: n, more })
}

fn write_graph(
    triples: &[Triple],
    format: RdfFormat,
    prefixes: &[(String, String)],
    w: &mut dyn Write,
) -> io::Result<()> {
    if matches!(format, RdfFormat::JsonLd { .. }) {
        let quads: Vec<Quad> = triples
            .iter()
            .map(|t| t.clone().in_graph(GraphName::DefaultGraph))
            .collect();
        return super::jsonld::write_jsonld(&quads, prefixes, w);
    }
    let mut s = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::RdfXml) {
        for (p, iri) in prefixes {
            s = s.with_prefix(p, iri).map_err(io::Error::other)?;
        }
    }
    let mut ser = s.for_writer(&mut *w);
    for t in triples {
        ser.serialize_triple(t)?;
    }
    ser.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::query::run;
    use crate::rdf::store::memory_store;
    use crate::rdf::tests::fixture_quads;
    use crate::rdf::{DEFAULT_BASE, Iris};
    use std::path::Path;

    fn output(q: &str, format: ResultsFormat) -> String {
        let store = memory_store(&fixture_quads()).unwrap();
        let prefixes = Iris::new(DEFAULT_BASE).unwrap().all_prefixes();
        let out = run(&store, q, Path::new("<query>"), &prefixes, None).unwrap();
        let mut buf = Vec::new();
        write_results(&out, format, &prefixes, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn every_format_writes_the_solutions() {
        let q = "SELECT ?m ?t WHERE { ?m kg:troops ?t } ORDER BY ?m";
        let csv = output(q, ResultsFormat::Csv);
        assert!(
            csv.starts_with("m,t\r\nhttps://kg.example/id/mention/m-1,2500"),
            "{csv}"
        );
        let tsv = output(q, ResultsFormat::Tsv);
        assert!(
            tsv.starts_with("?m\t?t\n<https://kg.example/id/mention/m-1>\t2500"),
            "{tsv}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&output(q, ResultsFormat::Json)).unwrap();
        assert_eq!(json["results"]["bindings"][1]["t"]["value"], "2500");
        let xml = output(q, ResultsFormat::Xml);
        assert!(
            xml.contains("<variable name=\"m\"/>") && xml.contains(">2500</literal>"),
            "{xml}"
        );
        let table = output(q, ResultsFormat::Table);
        assert!(table.starts_with("m            t\n"), "{table}");
        assert!(
            table.contains("mention:m-1  2500") && table.ends_with("(2 rows)\n"),
            "{table}"
        );
    }

    #[test]
    fn ask_and_construct() {
        assert_eq!(
            output("ASK { ?e a kg:Event }", ResultsFormat::Table),
            "true\n"
        );
        let json = output("ASK { ?e a kg:Nothing }", ResultsFormat::Json);
        assert!(json.contains("\"boolean\":false"), "{json}");
        let q = "CONSTRUCT { ?e sem:hasActor ?a } WHERE { ?e a kg:Event ; sem:hasActor ?a }";
        let ttl = output(q, ResultsFormat::Table);
        assert!(ttl.contains("sem:hasActor entity:coalition"), "{ttl}");
        let nt = output(q, ResultsFormat::Csv);
        assert!(nt.lines().all(|l| l.ends_with(" .")), "{nt}");
        let jsonld = output(q, ResultsFormat::Json);
        assert!(
            jsonld.contains("\"sem:hasActor\": [{\"@id\": \"entity:coalition\"}]"),
            "{jsonld}"
        );
    }
}
