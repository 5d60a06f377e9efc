//! Reading the corpus: finding article files, their manifest, and decoding
//! their bytes to text. Every problem names its file.

pub mod decode;
pub mod manifest;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::error::KgError;
use crate::model::ArticleMeta;
pub use decode::{Encoding, decode};
pub use manifest::{Manifest, read_manifest};

/// An article to read: its path and what the manifest says about it.
#[derive(Clone, Debug)]
pub struct Input {
    pub path: PathBuf,
    pub meta: ArticleMeta,
}

/// Collects `*.txt` files under the given paths (files are taken as given,
/// directories searched recursively), sorted by path, with their metadata.
/// Returns the inputs and non-fatal problems. A path that does not exist is
/// an error.
pub fn collect_inputs(
    paths: &[PathBuf],
    manifest: Option<&Path>,
) -> Result<(Vec<Input>, Vec<String>), KgError> {
    let mut files = BTreeSet::new();
    let mut problems = Vec::new();
    let mut manifests: Vec<PathBuf> = manifest.map(Path::to_path_buf).into_iter().collect();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => KgError::input(p, "no such file or directory"),
            _ => KgError::io(p, e),
        })?;
        if meta.is_dir() {
            let mut seen = BTreeSet::new();
            walk(p, &mut files, &mut seen, &mut problems);
            let m = p.join("articles.csv");
            if manifest.is_none() && m.is_file() {
                manifests.push(m);
            }
        } else {
            files.insert(p.clone());
        }
    }
    let mut by_file = std::collections::BTreeMap::new();
    for m in &manifests {
        let (man, probs) = read_manifest(m)?;
        problems.extend(probs);
        for (f, meta) in man.by_file {
            if !f.is_file() {
                problems.push(format!(
                    "{}: lists `{}`, which is not a readable file; skipped",
                    m.display(),
                    meta.file
                ));
                continue;
            }
            if manifest.is_some() {
                files.insert(f.clone());
            }
            by_file.insert(normalize_path(&f), meta);
        }
    }
    let mut ids = BTreeSet::new();
    let mut inputs = Vec::new();
    for path in files {
        let meta = by_file
            .remove(&normalize_path(&path))
            .unwrap_or_else(|| ArticleMeta {
                id: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                file: path
                    .file_name()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                ..Default::default()
            });
        if !ids.insert(meta.id.clone()) {
            problems.push(format!(
                "{}: article id `{}` is already used by another file; skipped",
                path.display(),
                meta.id
            ));
            continue;
        }
        inputs.push(Input { path, meta });
    }
    Ok((inputs, problems))
}

fn normalize_path(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

fn walk(
    dir: &Path,
    files: &mut BTreeSet<PathBuf>,
    seen: &mut BTreeSet<PathBuf>,
    problems: &mut Vec<String>,
) {
    let canon = normalize_path(dir);
    if !seen.insert(canon) {
        problems.push(format!(
            "{}: directory already visited (symlink loop?); skipped",
            dir.display()
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(format!("{}: {e}; skipped", dir.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, files, seen, problems),
            Ok(_) if p.extension().is_some_and(|x| x == "txt") => {
                files.insert(p);
            }
            Ok(_) => {}
            Err(e) => problems.push(format!("{}: {e}; skipped", p.display())),
        }
    }
}
