//! Interop: pySHACL (an independent SHACL engine, installed by
//! scripts/setup) validates the seeds' export against shapes.ttl, and finds
//! exactly the results `kg validate` reports, on the real export and on a
//! copy broken on purpose. Run by scripts/test.

mod common;

use std::path::Path;

use common::{build_seeds, kg, python, root};

/// Runs `kg validate` and pySHACL on the build in `dir`; returns their JSON.
fn both(dir: &Path) -> (i32, serde_json::Value) {
    let report = dir.join("kg-report.ttl");
    let o = kg()
        .args(["validate", "--exports"])
        .arg(dir)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    let code = o.status.code().unwrap();
    assert!(
        code == 0 || code == 1,
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = std::process::Command::new(python())
        .arg(root().join("tests/interop/shacl.py"))
        .arg(dir.join("graph.nq"))
        .arg(root().join("shapes.ttl"))
        .arg(&report)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (code, serde_json::from_slice(&o.stdout).unwrap())
}

#[test]
#[ignore = "needs .venv from scripts/setup; run by scripts/test"]
fn pyshacl_agrees_that_the_seeds_conform() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    build_seeds(&out, &[]);
    let (code, v) = both(&out);
    assert_eq!(v["conforms"], true, "pySHACL: {:#}", v["pyshacl"]);
    assert_eq!(v["kg_conforms"], true);
    assert_eq!(code, 0);
    assert_eq!(v["pyshacl"], v["kg"], "pySHACL and kg validate disagree");
}

#[test]
#[ignore = "needs .venv from scripts/setup; run by scripts/test"]
fn pyshacl_and_kg_find_the_same_violations_in_a_broken_build() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    build_seeds(&out, &[]);
    let nq = std::fs::read_to_string(out.join("graph.nq")).unwrap();
    let (mut polarity, mut exact, mut end, mut modality) = (false, false, false, false);
    let mut stamp = false;
    let mut broken: Vec<String> = Vec::new();
    for line in nq.lines() {
        if !polarity && line.contains("ontology#polarity>") {
            polarity = true; // a mention without polarity
            continue;
        }
        let line = if !exact && line.contains("/oa#exact>") {
            exact = true; // a quote that does not fit its offsets
            let (head, _) = line.split_once("/oa#exact> ").unwrap();
            let graph = &line[line.rfind('<').unwrap()..];
            format!("{head}/oa#exact> \"x\"@ar {graph}")
        } else if !end && line.contains("/oa#end>") {
            end = true; // a span that ends at 0
            let (head, _) = line.split_once("/oa#end> ").unwrap();
            let graph = &line[line.rfind('<').unwrap()..];
            format!("{head}/oa#end> \"0\"^^<http://www.w3.org/2001/XMLSchema#integer> {graph}")
        } else if !stamp && line.contains("/sem/hasTimeStamp>") {
            stamp = true; // a date that is not a date
            let (head, _) = line.split_once("/sem/hasTimeStamp> ").unwrap();
            let graph = &line[line.rfind('<').unwrap()..];
            format!("{head}/sem/hasTimeStamp> \"September\" {graph}")
        } else if !modality && line.contains("ontology#modality>") {
            modality = true; // an unknown modality
            line.replace("ontology#Asserted>", "ontology#Maybe>")
                .replace("ontology#Planned>", "ontology#Maybe>")
                .replace("ontology#Hypothetical>", "ontology#Maybe>")
        } else {
            line.to_string()
        };
        broken.push(line);
    }
    // An entity with a bad id, no label and no `discovered`.
    broken.push(
        "<https://kg.example/id/entity/Bad_Id> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> \
<https://kg.example/ontology#City> <https://kg.example/id/graph/entities> ."
            .into(),
    );
    assert!(polarity && exact && end && modality && stamp);
    let bad = tmp.path().join("broken");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("graph.nq"), broken.join("\n") + "\n").unwrap();
    let (code, v) = both(&bad);
    assert_eq!(code, 1, "kg validate exits 1 on violations");
    assert_eq!(
        (v["conforms"].clone(), v["kg_conforms"].clone()),
        (false.into(), false.into())
    );
    let components: Vec<String> = v["kg"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[3].as_str().unwrap().to_string())
        .collect();
    for c in [
        "MinCount",
        "SPARQL",
        "LessThan",
        "In",
        "Pattern",
        "QualifiedMinCount",
        "Node",
    ] {
        assert!(
            components
                .iter()
                .any(|x| x.contains(&format!("#{c}ConstraintComponent"))),
            "{c} not found in {components:?}"
        );
    }
    assert_eq!(v["pyshacl"], v["kg"], "pySHACL and kg validate disagree");
}
