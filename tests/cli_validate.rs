//! `kg validate` as a user runs it (pySHACL comparisons are in
//! interop_shacl.rs).

mod common;

use common::{build_seeds, kg, root};
use predicates::prelude::*;
use predicates::str::contains;

#[test]
fn the_seeds_conform_and_a_broken_build_does_not() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    build_seeds(&out, &[]);
    kg().args(["validate", "--exports"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout(contains(": conforms (0 violations").and(contains("0 vocabulary problems")));
    // Drop the Arabic labels of the entities and use an undeclared term.
    let nq = std::fs::read_to_string(out.join("graph.nq")).unwrap();
    let broken: String = nq
        .lines()
        .filter(|l| {
            !(l.contains("core#prefLabel>")
                && l.contains("\"@ar <https://kg.example/id/graph/entities>"))
        })
        .map(|l| {
            if l.ends_with("graph/ontology> .") {
                l.to_string() + "\n"
            } else {
                l.replace("ontology#triggerWord>", "ontology#trigger>") + "\n"
            }
        })
        .collect();
    let bad = tmp.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("graph.nq"), broken).unwrap();
    kg().args(["validate", "--limit", "3", "--exports"])
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(
            contains("Violation: entity:")
                .and(contains("an entity has one Arabic skos:prefLabel"))
                .and(contains("more violations (--limit)"))
                .and(contains("Vocabulary: <https://kg.example/ontology#trigger>: property used by the data is not declared"))
                .and(contains("does NOT conform")),
        );
}

#[test]
fn bad_shapes_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    build_seeds(&out, &[]);
    let shapes = tmp.path().join("my-shapes.ttl");
    std::fs::write(&shapes, "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<http://x/S> a sh:NodeShape ;\n  sh:closed true .\n").unwrap();
    kg().args(["validate", "--exports"])
        .arg(&out)
        .arg("--shapes")
        .arg(&shapes)
        .assert()
        .code(2)
        .stderr(contains(
            "my-shapes.ttl: shape <http://x/S>: sh:closed is not supported",
        ));
    std::fs::write(&shapes, "<a> <b> .").unwrap();
    kg().args(["validate", "--exports"])
        .arg(&out)
        .arg("--shapes")
        .arg(&shapes)
        .assert()
        .code(2)
        .stderr(contains("my-shapes.ttl, line 1"));
    // The default shapes are ./shapes.ttl.
    assert!(root().join("shapes.ttl").is_file());
}
