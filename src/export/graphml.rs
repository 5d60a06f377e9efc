//! GraphML with declared keys for the attributes of [`super::visual`]
//! (plus `label`, `weight`, `start`, `end`, and `r`, `g`, `b`, `size`,
//! which Gephi's GraphML importer uses for colour and size). O(V + E).

use std::io::Write;

use super::visual::{AttrDef, AttrType, Value, Visual};
use super::xml::Xml;

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

const fn def(name: &'static str, ty: AttrType) -> AttrDef {
    AttrDef { name, ty }
}

/// Keys written before the model's own attributes.
const NODE_EXTRA: &[AttrDef] = &[
    def("label", AttrType::String),
    def("start", AttrType::String),
    def("end", AttrType::String),
    def("r", AttrType::Integer),
    def("g", AttrType::Integer),
    def("b", AttrType::Integer),
    def("size", AttrType::Double),
];
const EDGE_EXTRA: &[AttrDef] = &[
    def("label", AttrType::String),
    def("weight", AttrType::Double),
    def("start", AttrType::String),
    def("end", AttrType::String),
];

/// Writes the model as GraphML.
pub fn write_graphml(v: &Visual, w: &mut dyn Write) -> std::io::Result<()> {
    let mut x = Xml::new(w)?;
    x.open(
        "graphml",
        &[
            ("xmlns", GRAPHML_NS),
            ("xmlns:xsi", XSI_NS),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
        ],
    )?;
    let node_keys: Vec<AttrDef> = NODE_EXTRA.iter().chain(&v.node_attrs).copied().collect();
    let edge_keys: Vec<AttrDef> = EDGE_EXTRA.iter().chain(&v.edge_attrs).copied().collect();
    for (class, prefix, keys) in [("node", "n_", &node_keys), ("edge", "e_", &edge_keys)] {
        for k in keys {
            x.empty(
                "key",
                &[
                    ("id", &format!("{prefix}{}", k.name)),
                    ("for", class),
                    ("attr.name", k.name),
                    ("attr.type", k.ty.xml_name(true)),
                ],
            )?;
        }
    }
    let node_ids: Vec<String> = node_keys.iter().map(|k| format!("n_{}", k.name)).collect();
    let edge_ids: Vec<String> = edge_keys.iter().map(|k| format!("e_{}", k.name)).collect();
    x.open(
        "graph",
        &[
            ("id", v.view.id()),
            (
                "edgedefault",
                if v.directed { "directed" } else { "undirected" },
            ),
        ],
    )?;
    for n in &v.nodes {
        x.open("node", &[("id", &n.id)])?;
        let (r, g, b) = n.class.color();
        let extra = [
            Some(Value::Str(n.label.clone())),
            n.start.clone().map(Value::Str),
            n.end.clone().map(Value::Str),
            Some(Value::Int(i64::from(r))),
            Some(Value::Int(i64::from(g))),
            Some(Value::Int(i64::from(b))),
            Some(Value::Double(n.size)),
        ];
        write_data(&mut x, &node_ids, extra.iter().chain(&n.values))?;
        x.close("node")?;
    }
    for e in &v.edges {
        x.open(
            "edge",
            &[
                ("id", &e.id),
                ("source", &v.nodes[e.source].id),
                ("target", &v.nodes[e.target].id),
            ],
        )?;
        let extra = [
            Some(Value::Str(e.label.clone())),
            Some(Value::Double(e.weight)),
            e.start.clone().map(Value::Str),
            e.end.clone().map(Value::Str),
        ];
        write_data(&mut x, &edge_ids, extra.iter().chain(&e.values))?;
        x.close("edge")?;
    }
    x.close("graph")?;
    x.close("graphml")?;
    x.finish()?;
    Ok(())
}

fn write_data<'a, W: Write>(
    x: &mut Xml<W>,
    keys: &[String],
    values: impl Iterator<Item = &'a Option<Value>>,
) -> std::io::Result<()> {
    for (k, val) in keys.iter().zip(values) {
        if let Some(val) = val {
            x.text("data", &[("key", k)], &val.text())?;
        }
    }
    Ok(())
}
