//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod extract;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `kg` run from the repository root (so ./lexicon and ./ontology.ttl are used).
pub fn kg() -> Command {
    let mut c = Command::cargo_bin("kg").expect("the kg binary");
    c.current_dir(root());
    c
}

/// Builds the seeds into `out` and returns the combined stderr.
pub fn build_seeds(out: &Path, extra: &[&str]) -> String {
    let o = kg()
        .arg("build")
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .expect("run kg");
    assert!(
        o.status.success(),
        "kg build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The `.venv` Python used by interop tests (created by scripts/setup).
pub fn python() -> PathBuf {
    let p = root().join(".venv/bin/python");
    assert!(
        p.exists(),
        "{} is missing: run scripts/setup (scripts/test does)",
        p.display()
    );
    p
}

/// Reads every file of a directory into (name, bytes), sorted.
pub fn dir_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read file"),
            )
        })
        .collect();
    v.sort();
    v
}
