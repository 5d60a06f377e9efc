//! Interop: rdflib (a real consumer, installed by scripts/setup) reads kg's
//! Turtle and finds exactly the triples kg wrote. Run by scripts/test.

mod common;

use common::{build_seeds, kg, python};

#[test]
#[ignore = "needs .venv from scripts/setup; run by scripts/test"]
fn rdflib_parses_graph_ttl_with_kgs_triple_count() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    let stderr = build_seeds(&out, &[]);
    // kg's own count, from its summary line "… N triples → …".
    let kg_count: usize = stderr
        .split(" triples")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no triple count in: {stderr}"));
    // And independently: the N-Triples export has one line per triple.
    let nt = kg()
        .args(["export", "--format", "nt", "--exports"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(nt.status.success());
    let nt_lines = String::from_utf8(nt.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(nt_lines, kg_count);
    let o = std::process::Command::new(python())
        .args(["-c", "import rdflib,sys; g=rdflib.Graph(); g.parse(sys.argv[1], format='turtle'); print(len(g))"])
        .arg(out.join("graph.ttl"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rdflib_count: usize = String::from_utf8(o.stdout).unwrap().trim().parse().unwrap();
    assert_eq!(rdflib_count, kg_count);
}
