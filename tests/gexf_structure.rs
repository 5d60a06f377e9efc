//! Structure of kg's GEXF 1.3 (the official viz schema has no target
//! namespace, so `viz:` elements cannot be schema-validated): namespaces
//! and version, declared attributes with valid types and unique ids, every
//! value declared and of its type, `viz:color` as r/g/b in 0–255,
//! `viz:size` positive, edges between declared nodes, counts right, and
//! dynamic intervals as ISO dates with start ≤ end.

mod common;

use std::collections::{HashMap, HashSet};

use common::{build_seeds, kg};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

fn attrs(e: &BytesStart) -> HashMap<String, String> {
    e.attributes()
        .map(|a| {
            let a = a.unwrap();
            (
                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                a.unescape_value().unwrap().into_owned(),
            )
        })
        .collect()
}

fn is_iso_date(s: &str) -> bool {
    kg::model::PartialDate::parse(s).is_some_and(|d| d.day.is_some())
}

fn check(gexf: &str) -> (usize, usize) {
    let mut r = Reader::from_str(gexf);
    let mut declared: HashMap<String, HashMap<String, String>> = HashMap::new(); // class → id → type
    let mut class = String::new();
    let mut in_edges = false;
    let mut nodes: HashSet<String> = HashSet::new();
    let (mut node_count, mut edge_count, mut n_edges) = (None, None, 0usize);
    let mut viz_color = 0;
    let mut viz_size = 0;
    let mut dynamic = false;
    let mut buf = Vec::new();
    loop {
        let ev = r.read_event_into(&mut buf).unwrap();
        let (Event::Start(e) | Event::Empty(e)) = &ev else {
            if matches!(ev, Event::Eof) {
                break;
            }
            continue;
        };
        let a = attrs(e);
        match e.name().as_ref() {
            b"gexf" => {
                assert_eq!(a["xmlns"], "http://gexf.net/1.3");
                assert_eq!(a["xmlns:viz"], "http://gexf.net/1.3/viz");
                assert_eq!(a["version"], "1.3");
                assert!(a["xsi:schemaLocation"].starts_with("http://gexf.net/1.3 "));
            }
            b"graph" => {
                assert!(["directed", "undirected"].contains(&a["defaultedgetype"].as_str()));
                dynamic = a["mode"] == "dynamic";
                if dynamic {
                    assert_eq!(a["timeformat"], "date");
                }
            }
            b"attributes" => {
                class = a["class"].clone();
                assert!(class == "node" || class == "edge");
            }
            b"attribute" => {
                let ty = a["type"].clone();
                assert!(
                    ["string", "double", "integer", "boolean"].contains(&ty.as_str()),
                    "{ty}"
                );
                assert!(!a["title"].is_empty());
                let prev = declared
                    .entry(class.clone())
                    .or_default()
                    .insert(a["id"].clone(), ty);
                assert!(prev.is_none(), "attribute id {} declared twice", a["id"]);
            }
            b"nodes" => node_count = Some(a["count"].parse::<usize>().unwrap()),
            b"edges" => {
                edge_count = Some(a["count"].parse::<usize>().unwrap());
                in_edges = true;
            }
            b"node" => {
                assert!(nodes.insert(a["id"].clone()), "node {} twice", a["id"]);
                assert!(a.contains_key("label"));
                class = "node".into();
                check_interval(&a, dynamic);
            }
            b"edge" => {
                assert!(nodes.contains(&a["source"]) && nodes.contains(&a["target"]));
                assert!(a["weight"].parse::<f64>().unwrap() > 0.0);
                class = "edge".into();
                n_edges += 1;
                check_interval(&a, dynamic);
            }
            b"attvalue" => {
                let ty = &declared[&class][&a["for"]];
                let v = &a["value"];
                match ty.as_str() {
                    "double" => assert!(v.parse::<f64>().unwrap().is_finite()),
                    "integer" => {
                        v.parse::<i64>().unwrap();
                    }
                    "boolean" => assert!(v == "true" || v == "false"),
                    _ => {}
                }
            }
            b"viz:color" => {
                assert!(!in_edges);
                assert!(!a.contains_key("hex"));
                for c in ["r", "g", "b"] {
                    a[c].parse::<u8>().unwrap();
                }
                viz_color += 1;
            }
            b"viz:size" => {
                assert!(a["value"].parse::<f64>().unwrap() > 0.0);
                viz_size += 1;
            }
            _ => {}
        }
        buf.clear();
    }
    assert_eq!(node_count, Some(nodes.len()));
    assert_eq!(edge_count, Some(n_edges));
    assert_eq!(viz_color, nodes.len());
    assert_eq!(viz_size, nodes.len());
    let node_titles: HashSet<&str> = declared["node"].keys().map(|k| &k[2..]).collect();
    for want in [
        "type",
        "label_ar",
        "label_en",
        "action",
        "date",
        "precision",
        "polarity",
        "modality",
        "sources",
        "pagerank",
    ] {
        assert!(
            node_titles.contains(want),
            "node attribute {want} is declared"
        );
    }
    let edge_titles: HashSet<&str> = declared["edge"].keys().map(|k| &k[2..]).collect();
    for want in [
        "action",
        "date",
        "precision",
        "polarity",
        "modality",
        "sources",
    ] {
        assert!(
            edge_titles.contains(want),
            "edge attribute {want} is declared"
        );
    }
    (nodes.len(), n_edges)
}

fn check_interval(a: &HashMap<String, String>, dynamic: bool) {
    if let Some(s) = a.get("start") {
        assert!(dynamic);
        assert!(is_iso_date(s), "{s}");
        let e = &a["end"];
        assert!(is_iso_date(e) && s <= e, "{s} – {e}");
    }
}

#[test]
fn gexf_declarations_and_values_are_consistent() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    build_seeds(&out, &[]);
    let full = std::fs::read_to_string(out.join("graph.gexf")).unwrap();
    let (n, e) = check(&full);
    assert!(
        full.contains("mode=\"dynamic\""),
        "event dates make the full view dynamic"
    );
    let o = kg()
        .args([
            "export",
            "--format",
            "gexf",
            "--view",
            "entities",
            "--exports",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success());
    let (ne, ee) = check(&String::from_utf8(o.stdout).unwrap());
    assert!(
        ne < n && ee < e,
        "the projection is smaller than the full graph"
    );
    let entities = std::fs::read_to_string(out.join("entities.csv"))
        .unwrap()
        .lines()
        .count()
        - 1;
    assert_eq!(ne, entities);
}
