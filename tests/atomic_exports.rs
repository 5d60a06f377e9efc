//! Atomic exports: a build killed with SIGKILL while it writes its exports
//! leaves the previous exports byte for byte, and the next build removes
//! the half-written temporary directory it left behind.

mod common;

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::{build_seeds, dir_files, root};

/// A corpus large enough that writing its exports takes a while: 60 copies
/// of each seed article (300 articles, about 2 MB of text).
fn large_corpus(dir: &Path) {
    std::fs::create_dir(dir).unwrap();
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    for copy in 0..60 {
        for (n, s) in seeds.iter().enumerate() {
            std::fs::copy(s, dir.join(format!("copy{copy:02}_{n}.txt"))).unwrap();
        }
    }
}

/// A temporary output directory into which a build has started writing
/// its exports (the first, `entities.csv`, exists).
fn writing(parent: &Path) -> Option<PathBuf> {
    temp_dirs(parent)
        .into_iter()
        .find(|d| d.join("entities.csv").exists())
}

/// Temporary output directories of builds beside the output.
fn temp_dirs(parent: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".exports.tmp-"))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_build_killed_while_writing_leaves_the_previous_exports() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    build_seeds(&out, &[]);
    let before = dir_files(&out);
    let corpus = tmp.path().join("corpus");
    large_corpus(&corpus);

    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("kg"))
        .current_dir(root())
        .arg("build")
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start kg");
    // Wait until the build has read every article and started writing its
    // exports into a temporary directory beside `exports/`, then kill it.
    let stale = loop {
        if let Some(t) = writing(tmp.path()) {
            child.kill().expect("kill -9");
            break t;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the build ended ({status}) before it could be killed while writing");
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(libc::SIGKILL), "{status}");

    // The previous exports are untouched; the half-written ones never became visible.
    assert_eq!(dir_files(&out), before, "the previous exports changed");
    assert!(
        stale.is_dir(),
        "no temporary directory left by the killed build"
    );
    assert!(
        !stale.join("kg.json").exists(),
        "the killed build had finished writing (kg.json is written last)"
    );

    // The next build removes the stale directory and writes complete exports.
    build_seeds(&out, &[]);
    assert!(
        !stale.exists(),
        "the stale temporary directory is still there"
    );
    assert!(temp_dirs(tmp.path()).is_empty());
    assert_eq!(
        dir_files(&out),
        before,
        "the rebuild differs from the first build"
    );
}

#[test]
fn a_failed_write_leaves_the_previous_exports() {
    // An export that cannot be completed (the temporary directory vanishes
    // under the build) fails the build and keeps what was there.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("exports");
    build_seeds(&out, &[]);
    let before = dir_files(&out);
    let corpus = tmp.path().join("corpus");
    large_corpus(&corpus);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("kg"))
        .current_dir(root())
        .arg("build")
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kg");
    let stale = loop {
        if let Some(t) = writing(tmp.path()) {
            break t;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the build ended ({status}) before it started writing");
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    // Pull the directory away: every later file of the export fails.
    let moved = tmp.path().join("moved-away");
    std::fs::rename(&stale, &moved).unwrap();
    let o = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("writing the exports to"), "{stderr}");
    assert_eq!(dir_files(&out), before);
}
