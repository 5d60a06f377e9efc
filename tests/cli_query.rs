//! `kg query` as a user runs it: formats, files, errors and time limits.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use common::{build_seeds, kg};
use predicates::prelude::*;
use predicates::str::contains;

fn exports() -> &'static PathBuf {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("exports");
        build_seeds(&out, &[]);
        (dir, out)
    })
    .1
}

fn query(args: &[&str]) -> assert_cmd::assert::Assert {
    kg().arg("query")
        .arg("--exports")
        .arg(exports())
        .args(args)
        .assert()
}

const BASES: &str = "SELECT DISTINCT ?b ?l WHERE { ?b a kg:MilitaryBase ; skos:prefLabel ?l FILTER(lang(?l) = \"ar\") } ORDER BY ?b";

#[test]
fn table_is_the_default_with_prefixed_iris_and_a_row_count() {
    let out = query(&[BASES]).success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("b "));
    assert!(lines.next().unwrap().starts_with("---"));
    assert!(text.contains("entity:ain-al-asad"), "{text}");
    assert!(text.contains("عين الأسد"));
    assert!(text.trim_end().ends_with("rows)"), "{text}");
}

#[test]
fn w3c_formats_parse() {
    let run = |f: &str| {
        String::from_utf8(
            query(&["--format", f, BASES])
                .success()
                .get_output()
                .stdout
                .clone(),
        )
        .unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["head"]["vars"], serde_json::json!(["b", "l"]));
    assert!(json["results"]["bindings"].as_array().unwrap().len() > 1);
    let csv = run("csv");
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        rdr.headers().unwrap().iter().collect::<Vec<_>>(),
        ["b", "l"]
    );
    assert!(
        rdr.records()
            .any(|r| r.unwrap()[0].ends_with("/entity/ain-al-asad"))
    );
    assert!(run("tsv").starts_with("?b\t?l\n"));
    let xml = run("xml");
    assert!(
        xml.contains("<sparql") && xml.contains("<literal xml:lang=\"ar\">"),
        "{xml}"
    );
}

#[test]
fn query_files_ask_and_construct() {
    let file = common::root().join("queries/withdrawals.rq");
    query(&["--file", file.to_str().unwrap()])
        .success()
        .stdout(contains("Ain al-Asad Air Base"));
    query(&["ASK { entity:ain-al-asad a kg:MilitaryBase }"])
        .success()
        .stdout("true\n");
    query(&["CONSTRUCT { ?e sem:hasActor ?a } WHERE { ?e a kg:Event ; sem:hasActor ?a } LIMIT 3"])
        .success()
        .stdout(contains("@prefix sem:").and(contains("sem:hasActor entity:")));
}

#[test]
fn syntax_errors_show_where() {
    query(&["SELECT ?x WHERE {\n  ?x a kg:Event .\n  OPTIONAL ?x kg:action ?y }\n}"])
        .code(2)
        .stderr(
            contains("<query>, line 3, column 12: SPARQL syntax error: expected \"{\"").and(
                contains("  3 |   OPTIONAL ?x kg:action ?y }\n    |            ^"),
            ),
        );
    query(&["SELECT ?x WHERE { ?x a nope:Event }"])
        .code(2)
        .stderr(contains("unknown prefix"));
}

#[test]
fn a_runaway_query_is_stopped_by_its_time_limit() {
    let started = std::time::Instant::now();
    query(&[
        "--timeout",
        "0.5",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    ])
    .code(2)
    .stderr(contains("stopped after its time limit of 0.5 s"));
    // Not a timing assertion on the query: only that the limit stopped it
    // (it runs for minutes otherwise).
    assert!(started.elapsed().as_secs() < 60);
    query(&["--timeout", "0", BASES])
        .code(2)
        .stderr(contains("--timeout must be a positive"));
}

/// A cross product of every triple with every triple: about 10^9 rows.
const HUGE: &str = "SELECT ?a ?c ?x WHERE { ?a ?b ?c . ?x ?y ?z }";

#[test]
fn huge_results_stream_and_stop_at_the_limit() {
    // Without streaming this would hold 10^9 rows before writing one.
    let out = query(&["--limit", "5", "--format", "csv", HUGE])
        .success()
        .stderr(contains("wrote the first 5 rows; more remain"))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 6, "{text}");
    assert!(text.starts_with("a,c,x\r\n"), "{text}");
    let table = query(&["--limit", "2", HUGE])
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).unwrap();
    assert!(table.ends_with("(first 2 rows; more remain)\n"), "{table}");
    assert_eq!(table.lines().count(), 5, "{table}");
    // A limit above the result's size writes it all, without a note.
    query(&["--limit", "1000", "--format", "tsv", BASES])
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn rows_written_before_the_time_limit_stay_written() {
    let out = query(&["--timeout", "1", "--format", "tsv", HUGE])
        .code(2)
        .stderr(contains("stopped after its time limit of 1 s"))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("?a\t?c\t?x\n"), "{text:.200}");
    assert!(
        text.lines().count() > 1000,
        "rows stream while the query runs"
    );
}

#[test]
fn missing_build_and_missing_query() {
    let dir = tempfile::tempdir().unwrap();
    kg().args(["query", "--exports"])
        .arg(dir.path())
        .arg(BASES)
        .assert()
        .code(2)
        .stderr(contains("graph.nq: no such file; run `kg build` first"));
    kg().arg("query")
        .assert()
        .code(2)
        .stderr(contains("--file"));
    query(&["--file", "no-such.rq"])
        .code(2)
        .stderr(contains("no-such.rq"));
}

#[cfg(not(feature = "rocksdb"))]
#[test]
fn store_without_the_feature_says_how_to_enable_it() {
    kg().args(["query", "--store", "somewhere", BASES])
        .assert()
        .code(2)
        .stderr(contains("--features rocksdb"));
    let tmp = tempfile::tempdir().unwrap();
    kg().args(["build", "--out"])
        .arg(tmp.path().join("out"))
        .arg("--store")
        .arg(tmp.path().join("store"))
        .assert()
        .code(2)
        .stderr(contains("--features rocksdb"));
    assert!(
        !tmp.path().join("out").exists(),
        "nothing is built when --store cannot be honoured"
    );
}

#[cfg(feature = "rocksdb")]
#[test]
fn an_on_disk_store_answers_like_the_exports() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    kg().args(["build", "--out"])
        .arg(tmp.path().join("out"))
        .arg("--store")
        .arg(&store)
        .assert()
        .success();
    let on_disk = kg()
        .args(["query", "--format", "csv", "--store"])
        .arg(&store)
        .arg(BASES)
        .output()
        .unwrap();
    let exported = query(&["--format", "csv", BASES])
        .get_output()
        .stdout
        .clone();
    assert!(on_disk.status.success());
    assert_eq!(on_disk.stdout, exported);
}
