//! Reading the corpus: finding article files, their manifest, and decoding
//! their bytes to text. Every problem names its file.

pub mod decode;
pub mod detect;
pub mod manifest;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::error::KgError;
use crate::model::ArticleMeta;
pub use decode::{Decoded, Encoding, decode, decode_article};
pub use manifest::{Manifest, read_manifest};

/// An article to read: its path and what the manifest says about it.
#[derive(Clone, Debug)]
pub struct Input {
    pub path: PathBuf,
    pub meta: ArticleMeta,
}

/// The inputs of a build, and what was noticed while finding them.
#[derive(Clone, Debug, Default)]
pub struct Collected {
    /// Articles to read, sorted by path.
    pub inputs: Vec<Input>,
    /// Inputs skipped (the build is incomplete).
    pub problems: Vec<String>,
    /// Remarks that do not make the build incomplete.
    pub notes: Vec<String>,
}

/// Collects `*.txt` files (any case) under the given paths (files are taken
/// as given, directories searched recursively, skipping hidden entries),
/// sorted by path, with their metadata.
/// The result does not depend on the order of `paths`. A path that does not
/// exist is an error; one that cannot be read (a symbolic link loop, no
/// permission) is a problem, and so is a broken manifest, which is then
/// ignored.
pub fn collect_inputs(paths: &[PathBuf], manifest: Option<&Path>) -> Result<Collected, KgError> {
    let mut out = Collected::default();
    let mut files = BTreeSet::new();
    let mut manifests: BTreeSet<PathBuf> = manifest.map(Path::to_path_buf).into_iter().collect();
    let paths: BTreeSet<&PathBuf> = paths.iter().collect();
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && p.symlink_metadata().is_err() => {
                return Err(KgError::input(p, "no such file or directory"));
            }
            Err(e) => {
                out.problems
                    .push(format!("{}: {}; skipped", p.display(), describe(&e)));
                continue;
            }
        };
        if meta.is_dir() {
            let mut seen = BTreeSet::new();
            walk(p, &mut files, &mut seen, &mut out.problems);
            let m = p.join("articles.csv");
            if manifest.is_none() && m.is_file() {
                manifests.insert(m);
            }
        } else {
            files.insert(p.clone());
        }
    }
    let mut by_file = std::collections::BTreeMap::new();
    for m in &manifests {
        let man = match read_manifest(m) {
            Ok((man, probs)) => {
                out.problems.extend(probs);
                man
            }
            Err(KgError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound && manifest.is_some() =>
            {
                return Err(KgError::input(m, "no such manifest"));
            }
            Err(e) => {
                out.problems.push(format!("{e}; the manifest is ignored"));
                continue;
            }
        };
        out.notes.extend(man.notes);
        for (f, meta) in man.by_file {
            if !f.is_file() {
                out.problems.push(format!(
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
            out.problems.push(format!(
                "{}: article id `{}` is already used by another file; skipped",
                path.display(),
                meta.id
            ));
            continue;
        }
        out.inputs.push(Input { path, meta });
    }
    Ok(out)
}

/// An I/O error in words, with the common causes named.
pub fn describe(e: &std::io::Error) -> String {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return format!("a symbolic link loop ({e})");
    }
    match e.kind() {
        std::io::ErrorKind::NotFound => format!("a broken symbolic link ({e})"),
        _ => e.to_string(),
    }
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
            "{}: directory already visited (a symbolic link loop or a second link to it); skipped",
            dir.display()
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(format!("{}: {}; skipped", dir.display(), describe(&e)));
            return;
        }
    };
    let mut paths = Vec::new();
    for e in entries {
        match e {
            Ok(e) => paths.push(e.path()),
            Err(e) => problems.push(format!("{}: {}; skipped", dir.display(), describe(&e))),
        }
    }
    paths.sort();
    for p in paths {
        // Hidden entries (.git, macOS `._name.txt` resource forks, kg's own
        // temporary outputs) are not articles.
        if p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        let is_txt = p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt"));
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, files, seen, problems),
            Ok(_) if is_txt => {
                files.insert(p);
            }
            Ok(_) => {}
            // A dangling link that is not an article is none of kg's business.
            Err(e) if is_txt || e.kind() != std::io::ErrorKind::NotFound => {
                problems.push(format!("{}: {}; skipped", p.display(), describe(&e)));
            }
            Err(_) => {}
        }
    }
}
