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

fn cell(v: &Option<Value>) -> String {
    v.as_ref().map(Value::to_string).unwrap_or_default()
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
        let mut row = vec![n.id.clone(), n.label.clone(), interval(&n.start, &n.end)];
        row.extend(n.values.iter().map(cell));
        out.write_record(&row)?;
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
        let mut row = vec![
            v.nodes[e.source].id.clone(),
            v.nodes[e.target].id.clone(),
            kind.to_string(),
            e.label.clone(),
            Value::Double(e.weight).to_string(),
            e.id.clone(),
            interval(&e.start, &e.end),
        ];
        row.extend(e.values.iter().map(cell));
        out.write_record(&row)?;
    }
    out.flush()?;
    Ok(())
}
