//! GEXF 1.3 for Gephi: declared node and edge attributes (see
//! [`super::visual`]), `viz:color` as `r`/`g`/`b` attributes (networkx
//! fails on the hex form) and `viz:size` by PageRank, and dynamic mode:
//! event nodes and edges carry `start`/`end` (ISO dates, the first and last
//! day their dates cover) so Gephi's timeline plays the events over time;
//! nodes and edges without a date are present throughout.
//!
//! The official 1.3 viz schema has no target namespace, so the `viz:`
//! elements cannot be schema-validated; kg's tests check the declarations
//! structurally and read the file back with networkx. O(V + E).

use std::io::Write;

use super::visual::Visual;
use super::xml::Xml;

pub const GEXF_NS: &str = "http://gexf.net/1.3";
pub const VIZ_NS: &str = "http://gexf.net/1.3/viz";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
const SCHEMA_LOCATION: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// Writes the model as GEXF 1.3.
pub fn write_gexf(v: &Visual, w: &mut dyn Write) -> std::io::Result<()> {
    let mut x = Xml::new(w)?;
    x.open(
        "gexf",
        &[
            ("xmlns", GEXF_NS),
            ("xmlns:viz", VIZ_NS),
            ("xmlns:xsi", XSI_NS),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
            ("version", "1.3"),
        ],
    )?;
    x.open("meta", &[])?;
    x.text("creator", &[], concat!("kg ", env!("CARGO_PKG_VERSION")))?;
    x.text(
        "description",
        &[],
        &format!("kg event knowledge graph, {} view", v.view.id()),
    )?;
    x.close("meta")?;
    let dynamic =
        v.nodes.iter().any(|n| n.start.is_some()) || v.edges.iter().any(|e| e.start.is_some());
    let mut graph = vec![(
        "defaultedgetype",
        if v.directed { "directed" } else { "undirected" },
    )];
    if dynamic {
        graph.extend([
            ("mode", "dynamic"),
            ("timeformat", "date"),
            ("timerepresentation", "interval"),
        ]);
    } else {
        graph.push(("mode", "static"));
    }
    x.open("graph", &graph)?;
    for (class, attrs) in [("node", &v.node_attrs), ("edge", &v.edge_attrs)] {
        x.open("attributes", &[("class", class)])?;
        for a in attrs.iter() {
            x.empty(
                "attribute",
                &[
                    ("id", &attr_id(class, a.name)),
                    ("title", a.name),
                    ("type", a.ty.xml_name(false)),
                ],
            )?;
        }
        x.close("attributes")?;
    }
    let node_ids: Vec<String> = v
        .node_attrs
        .iter()
        .map(|a| attr_id("node", a.name))
        .collect();
    let edge_ids: Vec<String> = v
        .edge_attrs
        .iter()
        .map(|a| attr_id("edge", a.name))
        .collect();
    x.open("nodes", &[("count", &v.nodes.len().to_string())])?;
    for n in &v.nodes {
        let mut attrs = vec![("id", n.id.as_str()), ("label", n.label.as_str())];
        push_interval(&mut attrs, &n.start, &n.end);
        x.open("node", &attrs)?;
        write_values(&mut x, &node_ids, &n.values)?;
        let (r, g, b) = n.class.color();
        x.empty(
            "viz:color",
            &[
                ("r", &r.to_string()),
                ("g", &g.to_string()),
                ("b", &b.to_string()),
            ],
        )?;
        x.empty("viz:size", &[("value", &format!("{:?}", n.size))])?;
        x.close("node")?;
    }
    x.close("nodes")?;
    x.open("edges", &[("count", &v.edges.len().to_string())])?;
    for e in &v.edges {
        let weight = format!("{:?}", e.weight);
        let mut attrs = vec![
            ("id", e.id.as_str()),
            ("source", v.nodes[e.source].id.as_str()),
            ("target", v.nodes[e.target].id.as_str()),
            ("label", e.label.as_str()),
            ("weight", weight.as_str()),
        ];
        push_interval(&mut attrs, &e.start, &e.end);
        x.open("edge", &attrs)?;
        write_values(&mut x, &edge_ids, &e.values)?;
        x.close("edge")?;
    }
    x.close("edges")?;
    x.close("graph")?;
    x.close("gexf")?;
    x.finish()?;
    Ok(())
}

fn push_interval<'a>(
    attrs: &mut Vec<(&'a str, &'a str)>,
    start: &'a Option<String>,
    end: &'a Option<String>,
) {
    if let Some(s) = start {
        attrs.push(("start", s));
    }
    if let Some(e) = end {
        attrs.push(("end", e));
    }
}

/// Attribute ids: `n_type`, `e_action` … (unique across both classes).
fn attr_id(class: &str, name: &str) -> String {
    format!("{}_{name}", &class[..1])
}

fn write_values<W: Write>(
    x: &mut Xml<W>,
    ids: &[String],
    values: &[Option<super::visual::Value>],
) -> std::io::Result<()> {
    if values.iter().all(Option::is_none) {
        return Ok(());
    }
    x.open("attvalues", &[])?;
    for (id, val) in ids.iter().zip(values) {
        if let Some(val) = val {
            x.empty("attvalue", &[("for", id), ("value", &val.text())])?;
        }
    }
    x.close("attvalues")
}
