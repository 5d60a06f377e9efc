//! Gephi's spreadsheet (CSV) import: `nodes.csv` with `Id,Label,Interval`
//! then the node attributes, and `edges.csv` with
//! `Source,Target,Type,Label,Weight,Id,Interval` then the edge attributes
//! (see [`super::visual`]). `Type` is Gephi's `Directed` or `Undirected`;
//! `Interval` is Gephi's time interval `<[start, end]>` in ISO dates, empty
//! for items present throughout. UTF-8, RFC 4180 quoting. O(V + E).

use std::io::Write;

use super::visual::{Value, Visual};

pub const NODES_LEAD: &[&str] = &["Id", "Label", "Interval"];
pub const EDGES_LEAD: &[&str] = &[
    "Source", "Target", "Type", "Label", "Weight", "Id", "Interval",
];

fn interval(start: &Option<String>, end: &Option<String>) -> String {
    match (start, end) {
        (None, None) => String::new(),
        (s, e) => format!(
            "<[{}, {}]>",
            s.as_deref().unwrap_or("-Infinity"),
            e.as_deref().unwrap_or("Infinity")
        ),
    }
}

/// Writes one row field by field (nothing is copied into a row first):
/// the lead fields, then the attribute values (empty where there is none).
fn write_row(
    out: &mut csv::Writer<&mut dyn Write>,
    lead: &[&str],
    values: &[Option<Value>],
) -> csv::Result<()> {
    for f in lead {
        out.write_field(f)?;
    }
    for v in values {
        match v {
            Some(v) => out.write_field(v.text().as_bytes())?,
            None => out.write_field("")?,
        }
    }
    out.write_record(std::iter::empty::<&[u8]>())
}

/// Writes `nodes.csv`.
pub fn write_nodes(v: &Visual, w: &mut dyn Write) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    let header: Vec<&str> = NODES_LEAD
        .iter()
        .copied()
        .chain(v.node_attrs.iter().map(|a| a.name))
        .collect();
    out.write_record(&header)?;
    for n in &v.nodes {
        let when = interval(&n.start, &n.end);
        write_row(&mut out, &[&n.id, &n.label, &when], &n.values)?;
    }
    out.flush()?;
    Ok(())
}

/// Writes `edges.csv`.
pub fn write_edges(v: &Visual, w: &mut dyn Write) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    let header: Vec<&str> = EDGES_LEAD
        .iter()
        .copied()
        .chain(v.edge_attrs.iter().map(|a| a.name))
        .collect();
    out.write_record(&header)?;
    let kind = if v.directed { "Directed" } else { "Undirected" };
    for e in &v.edges {
        let weight = Value::Double(e.weight).to_string();
        let when = interval(&e.start, &e.end);
        let lead = [
            v.nodes[e.source].id.as_str(),
            &v.nodes[e.target].id,
            kind,
            &e.label,
            &weight,
            &e.id,
            &when,
        ];
        write_row(&mut out, &lead, &e.values)?;
    }
    out.flush()?;
    Ok(())
}
