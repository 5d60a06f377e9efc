//! The bad-input suite: articles, manifests, lexicons and file systems in
//! the states real corpora arrive in. Every case runs `kg build` on a
//! directory holding one good article (`good.txt`) next to the bad input,
//! and checks the message (naming the file and the problem), the exit code
//! (0 complete, 1 finished with skipped inputs, 2 failed) and that the good
//! article was still processed (for failures: that the previous exports
//! are untouched).
//!
//! Fixtures are in `tests/bad_input/` (see its README.md); inputs that are
//! too big to commit or depend on the file system are made by the tests.

mod common;

#[path = "bad_input/encoding.rs"]
mod encoding;
#[path = "bad_input/files.rs"]
mod files;
#[path = "bad_input/lexicon.rs"]
mod lexicon;
#[path = "bad_input/manifest.rs"]
mod manifest;
#[path = "bad_input/text.rs"]
mod text;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{dir_files, kg, root};

/// A fixture's bytes.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/bad_input").join(name)).expect("fixture")
}

/// One event row of `events.csv`, by column name.
pub type Row = BTreeMap<String, String>;

/// The outcome of one `kg build`.
pub struct Run {
    pub code: i32,
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code and that stderr has every fragment.
    pub fn expect(&self, code: i32, fragments: &[&str]) -> &Self {
        assert_eq!(self.code, code, "exit code; stderr:\n{}", self.stderr);
        for f in fragments {
            assert!(
                self.stderr.contains(f),
                "stderr lacks `{f}`:\n{}",
                self.stderr
            );
        }
        self
    }
}

/// A build directory: `in/` with `good.txt`, and `out/`.
pub struct Case {
    pub tmp: tempfile::TempDir,
    pub input: PathBuf,
    pub out: PathBuf,
}

impl Default for Case {
    fn default() -> Self {
        Self::new()
    }
}

impl Case {
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().expect("tempdir");
        let input = tmp.path().join("in");
        std::fs::create_dir(&input).expect("mkdir");
        std::fs::copy(
            root().join("seeds/004_3bf5a12c46793145.txt"),
            input.join("good.txt"),
        )
        .expect("copy the good article");
        let out = tmp.path().join("out");
        Case { tmp, input, out }
    }

    /// Writes `bytes` to `in/name` and returns its path.
    pub fn add(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.input.join(name);
        std::fs::write(&p, bytes).expect("write input");
        p
    }

    /// Adds the reference article (`ref.txt`, UTF-8), to compare events with.
    pub fn add_reference(&self) {
        self.add("ref.txt", &fixture("article.txt"));
    }

    /// `kg build in --out out ARGS`.
    pub fn build(&self, args: &[&str]) -> Run {
        self.build_paths(&[&self.input], args)
    }

    /// `kg build PATHS --out out ARGS`.
    pub fn build_paths(&self, paths: &[&Path], args: &[&str]) -> Run {
        let o = kg()
            .arg("build")
            .args(paths)
            .arg("--out")
            .arg(&self.out)
            .args(args)
            .output()
            .expect("run kg");
        Run {
            code: o.status.code().unwrap_or(-1),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    /// Rows of `events.csv`.
    pub fn events(&self) -> Vec<Row> {
        read_rows(&self.out.join("events.csv"))
    }

    /// Event rows of one article.
    pub fn events_of(&self, article: &str) -> Vec<Row> {
        self.events()
            .into_iter()
            .filter(|r| r["article"] == article)
            .collect()
    }

    /// Asserts the good article was read and gave events.
    pub fn assert_good_processed(&self) {
        let articles = read_rows(&self.out.join("articles.csv"));
        assert!(
            articles.iter().any(|a| a["id"] == "good"),
            "good.txt not among the articles"
        );
        assert!(
            self.events_of("good").len() >= 3,
            "good.txt gave too few events"
        );
    }

    /// Asserts that `article` (decoded as `text`) gave the same events as
    /// the reference article in its first `sentences` sentences, and that
    /// every quote is the original text at its offsets.
    pub fn assert_same_events_as_reference(&self, article: &str, text: &str, sentences: usize) {
        let key = |r: &Row| {
            [
                "action", "actor", "place", "target", "date", "polarity", "modality",
            ]
            .map(|c| r[c].clone())
        };
        let mut want: Vec<_> = self
            .events_of("ref")
            .iter()
            .filter(|r| r["sentence"].parse::<usize>().unwrap() < sentences)
            .map(key)
            .collect();
        let mut got: Vec<_> = self.events_of(article).iter().map(key).collect();
        want.sort();
        got.sort();
        assert!(!want.is_empty(), "the reference gave no events");
        assert_eq!(got, want, "events of {article}");
        assert_quotes_match(&self.events_of(article), text);
    }

    /// The output directory's files, to compare before and after a failure.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        dir_files(&self.out)
    }
}

/// Every row's quote is `text` between its character offsets.
pub fn assert_quotes_match(rows: &[Row], text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for r in rows {
        let s: usize = r["char_start"].parse().unwrap();
        let e: usize = r["char_end"].parse().unwrap();
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(slice, r["quote"], "offsets {s}..{e}");
    }
}

pub fn read_rows(path: &Path) -> Vec<Row> {
    let mut rdr =
        csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = rdr.headers().unwrap().clone();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Whether the tests run with root's privileges (permission bits do not
/// stop root from reading).
pub fn permissions_are_enforced(probe_dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let p = probe_dir.join(".probe");
    std::fs::write(&p, "x").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    let enforced = std::fs::read(&p).is_err();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::remove_file(&p).unwrap();
    enforced
}
