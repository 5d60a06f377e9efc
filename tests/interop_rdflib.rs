//! Interop: real consumers, installed by scripts/setup, read every RDF
//! format kg writes. rdflib finds exactly kg's triples (graph formats) or
//! quads (dataset formats) and the same graph in all six; raptor's
//! `rapper` accepts the Turtle and the RDF/XML. Run by scripts/test.

mod common;

use std::path::{Path, PathBuf};

use common::{build_seeds, kg, python, root};

/// kg's own count, from its summary line "… N triples → …".
fn kg_triples(stderr: &str) -> usize {
    stderr
        .split(" triples")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no triple count in: {stderr}"))
}

fn lines(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
}

fn export(out: &Path, format: &str, file: &Path) {
    let o = kg()
        .args(["export", "--format", format, "--exports"])
        .arg(out)
        .arg("--out")
        .arg(file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
#[ignore = "needs .venv from scripts/setup; run by scripts/test"]
fn rdflib_reads_every_format_with_kgs_counts_and_the_same_graph() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    let triples = kg_triples(&build_seeds(&out, &[]));
    let quads = lines(&out.join("graph.nq"));
    // One graph per article, plus entities, events and the ontology.
    let graphs = lines(&out.join("articles.csv")) - 1 + 3;
    // (kg format, rdflib parser, is a dataset)
    let formats = [
        ("ttl", "turtle", false),
        ("nt", "nt", false),
        ("rdfxml", "xml", false),
        ("nq", "nquads", true),
        ("trig", "trig", true),
        ("jsonld", "json-ld", true),
    ];
    let mut args: Vec<String> = Vec::new();
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    for (kg_format, parser, dataset) in formats {
        let f = tmp.path().join(format!("export.{kg_format}"));
        export(&out, kg_format, &f);
        args.push(format!("{parser}={}", f.display()));
        files.push((f, dataset));
    }
    // The files of the build itself.
    for (name, parser, dataset) in [
        ("graph.ttl", "turtle", false),
        ("graph.nq", "nquads", true),
        ("graph.jsonld", "json-ld", true),
    ] {
        let f = out.join(name);
        args.push(format!("{parser}={}", f.display()));
        files.push((f, dataset));
    }
    assert_eq!(
        lines(&tmp.path().join("export.nt")),
        triples,
        "N-Triples: one line per triple"
    );
    let o = std::process::Command::new(python())
        .arg(root().join("tests/interop/rdf_counts.py"))
        .args(&args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let found: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut digests = Vec::new();
    for (f, dataset) in &files {
        let r = &found[f.display().to_string()];
        let expected = if *dataset { quads } else { triples };
        assert_eq!(r["statements"], expected, "{}", f.display());
        if *dataset {
            assert_eq!(r["graphs"], graphs, "{}", f.display());
        }
        digests.push(r["digest"].clone());
    }
    assert!(
        digests.windows(2).all(|w| w[0] == w[1]),
        "the formats hold different graphs: {found:#}"
    );
}

#[test]
#[ignore = "needs rapper (raptor2-utils) from scripts/setup; run by scripts/test"]
fn rapper_accepts_turtle_and_rdfxml() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    let triples = kg_triples(&build_seeds(&out, &[]));
    let rdfxml = tmp.path().join("graph.rdf");
    export(&out, "rdfxml", &rdfxml);
    for (syntax, file) in [("turtle", out.join("graph.ttl")), ("rdfxml", rdfxml)] {
        let o = std::process::Command::new("rapper")
            .args(["--input", syntax, "--count"])
            .arg(&file)
            .output()
            .expect("rapper is installed (scripts/setup)");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{syntax}: {stderr}");
        assert!(
            !stderr.contains("Error") && !stderr.contains("Warning"),
            "{syntax}: {stderr}"
        );
        assert!(
            stderr.contains(&format!("returned {triples} triples")),
            "{syntax}: {stderr}"
        );
    }
}
