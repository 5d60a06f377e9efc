//! The graph commands end to end on the seeds: `kg analyze`, `kg path`,
//! `kg neighbors`, `kg timeline`, and `kg export` to the graph formats.
//! Assertions are about structure and about facts that survive changes in
//! extraction (Ain al-Asad has withdrawal events), not exact counts.

mod common;

use std::path::Path;

use common::{build_seeds, kg};
use serde_json::Value;

fn seeds() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    build_seeds(&out, &[]);
    (tmp, out)
}

fn run(out: &Path, args: &[&str]) -> std::process::Output {
    kg().args(args).arg("--exports").arg(out).output().unwrap()
}

fn stdout_ok(out: &Path, args: &[&str]) -> String {
    let o = run(out, args);
    assert!(
        o.status.success(),
        "kg {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn json(out: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&stdout_ok(out, args)).unwrap()
}

fn seed_articles() -> Vec<String> {
    std::fs::read_dir(common::root().join("seeds"))
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "txt").then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect()
}

#[test]
fn analyze_reports_every_entity_and_the_top_lists() {
    let (_t, out) = seeds();
    let r = json(&out, &["analyze", "--format", "json", "--top", "3"]);
    let metrics = r["metrics"].as_array().unwrap();
    let entities = std::fs::read_to_string(out.join("entities.csv"))
        .unwrap()
        .lines()
        .count()
        - 1;
    assert_eq!(metrics.len(), entities);
    let pr: f64 = metrics
        .iter()
        .map(|m| m["pagerank"].as_f64().unwrap())
        .sum();
    assert!((pr - 1.0).abs() < 1e-9, "PageRank sums to {pr}");
    assert!(r["pagerank_converged"].as_bool().unwrap());
    assert!(r["betweenness_exact"].as_bool().unwrap());
    for list in ["top_pagerank", "top_actors", "top_places", "top_bases"] {
        let l = r[list].as_array().unwrap();
        assert!(!l.is_empty() && l.len() <= 3, "{list}: {l:?}");
    }
    // The top base is a military base with events.
    let b = &metrics[r["top_bases"][0].as_u64().unwrap() as usize];
    assert_eq!(b["type"], "military-base");
    assert!(b["events_as_place"].as_u64().unwrap() > 0);
    assert_eq!(r["entities"]["nodes"].as_u64().unwrap() as usize, entities);
    let table = stdout_ok(&out, &["analyze", "--top", "3"]);
    for section in [
        "Top entities by PageRank",
        "Top actors",
        "Top places",
        "Top bases",
    ] {
        assert!(table.contains(section), "{table}");
    }
}

#[test]
fn timeline_of_ain_al_asad_is_oldest_first_with_sources() {
    let (_t, out) = seeds();
    let articles = seed_articles();
    let csv_text = stdout_ok(
        &out,
        &["timeline", "--entity", "عين الأسد", "--format", "csv"],
    );
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let h = rdr.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().any(|r| &r[col("action")] == "withdraw"),
        "Ain al-Asad has withdrawal events"
    );
    let mut last = String::new();
    let mut undated = false;
    for r in &rows {
        assert!(
            articles.contains(&r[col("article")].to_string()),
            "source of {r:?}"
        );
        assert!(
            r[col("place")] == *"ain-al-asad"
                || [col("actor"), col("target"), col("attributed_to")]
                    .iter()
                    .any(|&c| &r[c] == "ain-al-asad")
        );
        let d = &r[col("date")];
        if d.is_empty() {
            undated = true;
        } else {
            assert!(!undated, "dated rows come before undated ones");
            // ISO prefixes of different precision compare by their first day.
            let first_day = match d.len() {
                4 => format!("{d}-01-01"),
                7 => format!("{d}-01"),
                _ => d.to_string(),
            };
            assert!(first_day >= last, "{first_day} after {last}");
            last = first_day;
        }
        assert!(["day", "month", "year", "unresolved"].contains(&&r[col("precision")]));
    }
    let table = stdout_ok(&out, &["timeline", "--entity", "عين الأسد"]);
    assert!(
        table.contains("Base status over time") && table.contains("[ain-al-asad]"),
        "{table}"
    );
    assert!(table.contains("withdraw"), "{table}");
    let j = json(
        &out,
        &["timeline", "--entity", "Ain al-Asad", "--format", "json"],
    );
    assert_eq!(j["entity"], "ain-al-asad");
    let base = j["bases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "ain-al-asad")
        .unwrap();
    assert!(
        base["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["status"] == "withdrawn")
    );
}

#[test]
fn names_match_after_normalization_and_unknown_names_get_suggestions() {
    let (_t, out) = seeds();
    for name in ["الأنبار", "انبار", "Anbar", "anbar"] {
        let j = json(&out, &["path", name, "عين الأسد", "--format", "json"]);
        assert_eq!(j["from"]["id"], "anbar", "{name}");
        assert_eq!(j["to"]["id"], "ain-al-asad");
        let paths = j["paths"].as_array().unwrap();
        assert!(!paths.is_empty());
        for p in paths {
            let nodes = p["nodes"].as_array().unwrap();
            assert_eq!(nodes.first().unwrap(), "anbar");
            assert_eq!(nodes.last().unwrap(), "ain-al-asad");
            assert_eq!(p["steps"].as_array().unwrap().len(), nodes.len() - 1);
        }
    }
    let n = json(
        &out,
        &["neighbors", "انبار", "--depth", "2", "--format", "json"],
    );
    let nodes = n["nodes"].as_array().unwrap();
    assert_eq!(nodes[0]["id"], "anbar");
    assert!(nodes.iter().all(|x| x["distance"].as_u64().unwrap() <= 2));
    assert!(
        nodes
            .iter()
            .any(|x| x["id"] == "ain-al-asad" && x["distance"] == 1)
    );
    for args in [
        vec!["path", "Anbr", "عين الأسد"],
        vec!["path", "Anbar", "عين الاسود"],
        vec!["neighbors", "Anbr"],
        vec!["timeline", "--entity", "Anbr"],
    ] {
        let o = run(&out, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("no entity named") && err.contains("did you mean"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn path_shows_events_with_their_sources() {
    let (_t, out) = seeds();
    let text = stdout_ok(&out, &["path", "التحالف الدولي", "عين الأسد"]);
    assert!(text.contains("shortest path"), "{text}");
    assert!(text.contains("sources: "), "{text}");
    let articles = seed_articles();
    assert!(articles.iter().any(|a| text.contains(a.as_str())), "{text}");
}

#[test]
fn export_writes_graph_formats_for_both_views() {
    let (t, out) = seeds();
    for view in ["full", "entities"] {
        for format in ["dot", "gexf", "graphml"] {
            let a = stdout_ok(&out, &["export", "--format", format, "--view", view]);
            let b = stdout_ok(&out, &["export", "--format", format, "--view", view]);
            assert_eq!(a, b, "{format} {view} is deterministic");
            assert!(a.len() > 1000);
        }
        let dir = t.path().join(format!("csv-{view}"));
        let o = run(
            &out,
            &[
                "export",
                "--format",
                "csv",
                "--view",
                view,
                "--out",
                dir.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let head = |f: &str| {
            std::fs::read_to_string(dir.join(f))
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .to_string()
        };
        assert!(head("nodes.csv").starts_with("Id,Label,"));
        assert!(head("edges.csv").starts_with("Source,Target,Type,Label,Weight,"));
        assert!(head("edges.csv").contains("Interval"));
    }
    // The build wrote the full view: the same bytes as `kg export --view full`.
    let built = std::fs::read_to_string(out.join("graph.gexf")).unwrap();
    assert_eq!(built, stdout_ok(&out, &["export", "--format", "gexf"]));
    let o = run(&out, &["export", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--out DIR"));
    let o = run(&out, &["export", "--format", "ttl", "--view", "entities"]);
    assert_eq!(o.status.code(), Some(2));
}
