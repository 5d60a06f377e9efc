//! `kg build` end to end on the bundled seeds, as a new user runs it.

mod common;

use common::{build_seeds, dir_files, kg};
use predicates::str::contains;

#[test]
fn writes_every_export_with_the_contract_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    let stderr = build_seeds(&out, &[]);
    assert!(stderr.contains("5 article(s)"), "{stderr}");
    let first_line = |f: &str| {
        std::fs::read_to_string(out.join(f))
            .unwrap()
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    };
    assert!(first_line("entities.csv").starts_with("id,type,label_en,label_ar,aliases,wikidata"));
    assert!(first_line("events.csv").starts_with(
        "id,event,article,sentence,action,actor,place,target,date,date_end,date_precision,polarity,modality,attributed_to,char_start,char_end,quote"
    ));
    assert!(first_line("relations.csv").starts_with("subject,predicate,object,article,sentence"));
    for f in ["graph.ttl", "graph.nq", "kg.json", "articles.csv"] {
        assert!(out.join(f).metadata().unwrap().len() > 0, "{f} is empty");
    }
    // Every event row's span points at its quote in the original article.
    let mut rdr = csv::Reader::from_path(out.join("events.csv")).unwrap();
    let h = rdr.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let mut rows = 0;
    for r in rdr.records() {
        let r = r.unwrap();
        let text = std::fs::read_to_string(
            common::root()
                .join("seeds")
                .join(format!("{}.txt", &r[col("article")])),
        )
        .unwrap();
        let (s, e): (usize, usize) = (
            r[col("char_start")].parse().unwrap(),
            r[col("char_end")].parse().unwrap(),
        );
        let slice: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(slice, &r[col("quote")]);
        rows += 1;
    }
    assert!(rows > 20, "only {rows} events");
}

#[test]
fn second_run_and_other_thread_counts_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    build_seeds(&a, &["--jobs", "1"]);
    build_seeds(&b, &["--jobs", "2"]);
    assert_eq!(dir_files(&a), dir_files(&b));
    build_seeds(&b, &["--jobs", "2"]);
    assert_eq!(dir_files(&a), dir_files(&b));
}

#[test]
fn missing_input_is_a_clear_error() {
    kg().args(["build", "no-such-dir"])
        .assert()
        .code(2)
        .stderr(contains("no-such-dir: no such file or directory"));
}

#[test]
fn directory_without_articles_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    kg().arg("build")
        .arg(tmp.path())
        .arg("--out")
        .arg(tmp.path().join("o"))
        .assert()
        .code(2)
        .stderr(contains("no articles"));
    assert!(!tmp.path().join("o").exists());
}

#[test]
fn unwritable_output_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("plain-file");
    std::fs::write(&file, "x").unwrap();
    kg().arg("build")
        .arg("--out")
        .arg(file.join("exports"))
        .assert()
        .code(2)
        .stderr(contains("plain-file"));
}

#[test]
fn a_bad_article_is_skipped_and_the_others_processed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(
        common::root().join("seeds/004_3bf5a12c46793145.txt"),
        dir.join("good.txt"),
    )
    .unwrap();
    std::fs::write(dir.join("bad.txt"), [0xff, 0xfe, 0xfd, 0x00, 0x41]).unwrap();
    std::fs::write(dir.join("empty.txt"), "  \n").unwrap();
    let out = tmp.path().join("out");
    kg().arg("build")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("bad.txt"))
        .stderr(contains("empty.txt"));
    let events = std::fs::read_to_string(out.join("events.csv")).unwrap();
    assert!(
        events.lines().count() > 3 && events.contains(",good,"),
        "{events}"
    );
}

#[test]
fn a_failed_build_keeps_the_previous_exports() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    build_seeds(&out, &[]);
    let before = dir_files(&out);
    kg().arg("build")
        .arg("no-such-dir")
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2);
    assert_eq!(dir_files(&out), before);
}

#[test]
fn help_explains_every_command() {
    kg().arg("--help")
        .assert()
        .success()
        .stdout(contains("build"))
        .stdout(contains("Exit codes"));
    for cmd in ["build", "export", "eval"] {
        kg().args([cmd, "--help"])
            .assert()
            .success()
            .stdout(contains("Usage"));
    }
}

#[test]
fn output_cut_short_by_its_reader_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path(), &[]);
    // `kg eval … | head -0`: the reader goes away.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("kg"))
        .current_dir(common::root())
        .args(["eval", "--gold", "tests/dev/seeds-gold.tsv", "--exports"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run kg eval");
    // (gone before kg writes anything: kg loads the lexicon first)
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
