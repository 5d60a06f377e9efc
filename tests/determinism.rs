//! Determinism: the same articles give byte-identical exports on every run,
//! for any number of worker threads, and whatever the order in which files
//! and directories are given on the command line.

mod common;

use std::path::{Path, PathBuf};

use common::{dir_files, kg, root};

/// The real corpora (seeds, dev, held-out), about 45 articles, with their manifests.
const CORPORA: [&str; 3] = ["seeds", "tests/dev/articles", "tests/heldout/articles"];

/// `kg build PATHS --out OUT ARGS`; asserts success, returns the exports.
fn build(paths: &[PathBuf], out: &Path, args: &[&str]) -> Vec<(String, Vec<u8>)> {
    let o = kg()
        .arg("build")
        .args(paths)
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .expect("run kg");
    assert!(
        o.status.success(),
        "kg build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let files = dir_files(out);
    for name in [
        "entities.csv",
        "events.csv",
        "relations.csv",
        "graph.ttl",
        "graph.nq",
        "kg.json",
    ] {
        assert!(
            files.iter().any(|f| f.0 == name),
            "{name} missing: {:?}",
            files.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
    }
    files
}

fn corpus_dirs() -> Vec<PathBuf> {
    CORPORA.iter().map(|c| root().join(c)).collect()
}

/// Every article file of the corpora, sorted.
fn article_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = corpus_dirs()
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// Asserts two exports are byte-identical, naming the first differing file.
fn assert_identical(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)], what: &str) {
    assert_eq!(
        a.iter().map(|f| &f.0).collect::<Vec<_>>(),
        b.iter().map(|f| &f.0).collect::<Vec<_>>(),
        "{what}: file names"
    );
    for (x, y) in a.iter().zip(b) {
        assert!(x.1 == y.1, "{what}: {} differs", x.0);
    }
}

#[test]
fn every_run_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let first = build(&corpus_dirs(), &tmp.path().join("a"), &[]);
    let second = build(&corpus_dirs(), &tmp.path().join("b"), &[]);
    assert_identical(&first, &second, "two runs");
    // Rebuilding in place (replacing the previous exports) changes nothing.
    let again = build(&corpus_dirs(), &tmp.path().join("a"), &[]);
    assert_identical(&first, &again, "a rebuild in place");
    let events = &first.iter().find(|f| f.0 == "events.csv").unwrap().1;
    assert!(
        events.iter().filter(|&&b| b == b'\n').count() > 200,
        "too few events to be a test"
    );
}

#[test]
fn one_or_two_worker_threads_give_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let one = build(&corpus_dirs(), &tmp.path().join("one"), &["--jobs", "1"]);
    let two = build(&corpus_dirs(), &tmp.path().join("two"), &["--jobs", "2"]);
    assert_identical(&one, &two, "--jobs 1 and --jobs 2");
    let four = build(&corpus_dirs(), &tmp.path().join("four"), &["--jobs", "4"]);
    assert_identical(&one, &four, "--jobs 1 and --jobs 4");
}

#[test]
fn the_order_of_files_on_the_command_line_does_not_matter() {
    let tmp = tempfile::tempdir().unwrap();
    let files = article_files();
    assert!(files.len() > 40, "{} files", files.len());
    let sorted = build(&files, &tmp.path().join("sorted"), &["--jobs", "2"]);
    let mut reversed = files.clone();
    reversed.reverse();
    let rev = build(&reversed, &tmp.path().join("reversed"), &["--jobs", "2"]);
    assert_identical(&sorted, &rev, "sorted and reversed files");
    // Interleaved: every third file first, then the rest; one file twice.
    let mut mixed: Vec<PathBuf> = files.iter().step_by(3).cloned().collect();
    mixed.extend(
        files
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 3 != 0)
            .map(|(_, f)| f.clone()),
    );
    mixed.push(files[0].clone());
    let mix = build(&mixed, &tmp.path().join("mixed"), &["--jobs", "2"]);
    assert_identical(&sorted, &mix, "sorted and interleaved files");
}

#[test]
fn the_order_of_directories_on_the_command_line_does_not_matter() {
    let tmp = tempfile::tempdir().unwrap();
    let dirs = corpus_dirs();
    let forward = build(&dirs, &tmp.path().join("forward"), &[]);
    let backward: Vec<PathBuf> = dirs.iter().rev().cloned().collect();
    let back = build(&backward, &tmp.path().join("backward"), &[]);
    assert_identical(&forward, &back, "directories forward and backward");
    // The manifests were used: titles from articles.csv are in the export.
    let articles = &forward.iter().find(|f| f.0 == "articles.csv").unwrap().1;
    let with_title = String::from_utf8_lossy(articles)
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(2).is_some_and(|t| !t.is_empty()))
        .count();
    assert!(with_title > 20, "{with_title} titled articles");
}
