//! Graphviz DOT, kg's own writer (petgraph's `Dot` is meant for
//! debugging): deterministic order, escaped strings, node shape and colour
//! by type (military bases stand out as red double octagons), edge labels by
//! action (or role, in the full view), planned events dashed, hypothetical
//! ones dotted, denied ones red and labelled `not …`, and a legend.
//! Labels are Arabic with the English label underneath when known; label
//! size grows with PageRank. The entity view asks for the `neato` layout,
//! the full view for `dot` (articles → events → entities, left to right),
//! so `dot -Tsvg graph.dot` renders either. O(V + E).

use std::collections::BTreeSet;
use std::io::Write;

use super::visual::{EdgeClass, NodeClass, Visual};
use super::xml::is_bidi_control;
use crate::analysis::view::ViewKind;
use crate::model::{EdgeKind, EntityKind, Modality};

/// A DOT quoted string: `"` and `\` escaped, `&` as `&amp;` (Graphviz
/// reads entities in labels), line breaks as `\n`, bidirectional controls
/// as numeric entities, other control characters dropped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            c if is_bidi_control(c) => out.push_str(&format!("&#x{:04X};", c as u32)),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A lighter tint of a colour, for fills that keep black text readable.
fn tint((r, g, b): (u8, u8, u8)) -> (u8, u8, u8) {
    let t = |c: u8| (u16::from(c) + (255 - u16::from(c)) * 11 / 20) as u8;
    (t(r), t(g), t(b))
}

/// Shape of each node class, and its name for the legend.
fn shape(class: NodeClass) -> &'static str {
    match class {
        NodeClass::Entity(k) => match k {
            EntityKind::MilitaryBase => "doubleoctagon",
            EntityKind::Country
            | EntityKind::Province
            | EntityKind::Region
            | EntityKind::City
            | EntityKind::Place => "ellipse",
            EntityKind::Person => "box",
            EntityKind::GovernmentBody | EntityKind::Organisation => "box",
            EntityKind::MilitaryForce | EntityKind::Alliance => "hexagon",
            EntityKind::ArmedGroup => "octagon",
            EntityKind::NewsOutlet => "note",
        },
        NodeClass::Event => "box",
        NodeClass::Article => "tab",
    }
}

fn node_attrs(class: NodeClass) -> String {
    let color = class.color();
    let mut a = format!(
        "shape={}, fillcolor={}, color={}",
        shape(class),
        quote(&hex(tint(color))),
        quote(&hex(color))
    );
    match class {
        NodeClass::Entity(EntityKind::MilitaryBase) => {
            a.push_str(", penwidth=3, style=\"filled,bold\"")
        }
        NodeClass::Entity(EntityKind::Person) => a.push_str(", style=\"filled,rounded\""),
        NodeClass::Event | NodeClass::Article => a.push_str(", fontsize=9"),
        _ => {}
    }
    a
}

fn edge_style(modality: Option<Modality>, negated: bool, class: EdgeClass) -> String {
    let mut a = Vec::new();
    match modality {
        Some(Modality::Planned) => a.push("style=dashed".to_string()),
        Some(Modality::Hypothetical) => a.push("style=dotted".to_string()),
        _ => {}
    }
    if negated {
        a.push("color=\"#d62728\", fontcolor=\"#d62728\"".to_string());
    } else {
        match class {
            EdgeClass::Relations | EdgeClass::Kg(EdgeKind::Relation(_)) => {
                a.push("color=\"#999999\", fontcolor=\"#777777\"".to_string())
            }
            EdgeClass::Kg(EdgeKind::Reports) => {
                a.push("color=\"#cccccc\", fontcolor=\"#999999\"".to_string())
            }
            _ => {}
        }
    }
    a.join(", ")
}

/// Writes the model as DOT.
pub fn write_dot(v: &Visual, w: &mut dyn Write) -> std::io::Result<()> {
    let (kw, arrow) = if v.directed {
        ("digraph", "->")
    } else {
        ("graph", "--")
    };
    writeln!(
        w,
        "// kg event knowledge graph, {} view: render with `dot -Tsvg`",
        v.view.id()
    )?;
    writeln!(w, "{kw} kg {{")?;
    let title = match v.view {
        ViewKind::Entities => "kg: entities joined by the events they share",
        ViewKind::Full => "kg: articles → events → entities",
    };
    let layout = match v.view {
        ViewKind::Entities => "layout=neato, overlap=false, splines=true, sep=\"+6\"",
        ViewKind::Full => "layout=dot, rankdir=LR, ranksep=1.2",
    };
    writeln!(
        w,
        "  graph [{layout}, fontname=\"DejaVu Sans\", label={}, labelloc=t, fontsize=18, outputorder=edgesfirst];",
        quote(title)
    )?;
    writeln!(
        w,
        "  node [fontname=\"DejaVu Sans\", fontsize=11, style=filled, margin=\"0.08,0.04\"];"
    )?;
    writeln!(
        w,
        "  edge [fontname=\"DejaVu Sans\", fontsize=8, color=\"#555555\"];"
    )?;
    let max_pr = v.nodes.iter().map(|n| n.pagerank).fold(0.0, f64::max);
    for n in &v.nodes {
        let mut label = n.label.replacen(" · ", "\n", 1);
        if n.class == NodeClass::Event {
            label = n.label.replace(" · ", "\n");
        }
        let size = if max_pr > 0.0 && matches!(n.class, NodeClass::Entity(_)) {
            format!(
                ", fontsize={:.1}",
                10.0 + 10.0 * (n.pagerank / max_pr).sqrt()
            )
        } else {
            String::new()
        };
        writeln!(
            w,
            "  {} [label={}, {}{size}];",
            quote(&n.id),
            quote(&label),
            node_attrs(n.class)
        )?;
    }
    for e in &v.edges {
        let style = edge_style(e.modality, e.negated, e.class);
        writeln!(
            w,
            "  {} {arrow} {} [label={}{}{}];",
            quote(&v.nodes[e.source].id),
            quote(&v.nodes[e.target].id),
            quote(&e.label),
            if style.is_empty() { "" } else { ", " },
            style
        )?;
    }
    write_legend(v, w)?;
    writeln!(w, "}}")
}

/// The legend: one HTML-like table node with the node types present and
/// the edge styles.
fn write_legend(v: &Visual, w: &mut dyn Write) -> std::io::Result<()> {
    let classes: BTreeSet<NodeClass> = v.nodes.iter().map(|n| n.class).collect();
    let esc = |s: &str| super::xml::escape(s).into_owned();
    let mut rows = String::new();
    rows.push_str("<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>");
    for c in &classes {
        rows.push_str(&format!(
            "<TR><TD BGCOLOR=\"{}\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\">{} ({})</TD></TR>",
            hex(tint(c.color())),
            esc(c.id()),
            esc(shape(*c))
        ));
    }
    for (text, color) in [
        ("solid: asserted", "#555555"),
        ("dashed: planned", "#555555"),
        ("dotted: hypothetical", "#555555"),
        ("red, “not …”: denied", "#d62728"),
        ("grey: static relation", "#999999"),
    ] {
        rows.push_str(&format!(
            "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"{color}\">{}</FONT></TD></TR>",
            esc(text)
        ));
    }
    writeln!(
        w,
        "  \"kg:legend\" [shape=plaintext, style=\"\", fontsize=10, label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\">{rows}</TABLE>>];"
    )
}
