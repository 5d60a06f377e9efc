//! The fuzz corpus as regression tests: every input of `fuzz/corpus/TARGET/`
//! (kept by `cargo fuzz cmin` because it reaches new code) goes through the
//! check of its fuzz target (`fuzz/checks.rs`) on stable Rust.

#[allow(dead_code)]
#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::PathBuf;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let p = e.unwrap().path();
            let data = std::fs::read(&p).unwrap();
            (p, data)
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= 20,
        "{}: only {} inputs",
        dir.display(),
        files.len()
    );
    files
}

fn run(target: &str, check: fn(&[u8])) {
    for (path, data) in corpus(target) {
        let r = std::panic::catch_unwind(|| check(&data));
        assert!(r.is_ok(), "{target}: {} fails", path.display());
    }
}

#[test]
fn normalize_corpus() {
    run("normalize", checks::normalize);
}

#[test]
fn dates_corpus() {
    run("dates", checks::dates);
}

#[test]
fn extract_corpus() {
    run("extract", checks::extract);
}

#[test]
fn decode_corpus() {
    run("decode", checks::decode);
}
