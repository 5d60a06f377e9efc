//! The article manifest (`articles.csv`): `id,file,title,source,published,lang,url`.
//! Only `id` and `file` are required; other columns are ignored, with a
//! note naming them (a misspelt `published` would otherwise lose every
//! date silently). Row problems are reported and the row skipped; the run
//! goes on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::KgError;
use crate::model::{ArticleMeta, PartialDate};

/// The manifest header, in order.
pub const HEADER: &[&str] = &["id", "file", "title", "source", "published", "lang", "url"];

/// A manifest: metadata by resolved file path.
#[derive(Debug, Default)]
pub struct Manifest {
    pub path: PathBuf,
    pub by_file: BTreeMap<PathBuf, ArticleMeta>,
    /// Remarks that do not make the build incomplete (unknown columns, URLs
    /// that are not IRIs).
    pub notes: Vec<String>,
}

/// Reads a manifest; problems with single rows come back as messages.
pub fn read_manifest(path: &Path) -> Result<(Manifest, Vec<String>), KgError> {
    let data = std::fs::read(path).map_err(|e| KgError::io(path, e))?;
    let text = String::from_utf8(data)
        .map_err(|e| KgError::input(path, format!("not valid UTF-8 ({e})")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| KgError::Manifest {
            path: path.into(),
            line: 1,
            message: e.to_string(),
        })?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(id_col), Some(file_col)) = (col("id"), col("file")) else {
        let found = if headers.iter().all(|h| h.is_empty()) {
            "the file is empty".to_string()
        } else {
            format!("found: {}", headers.join(","))
        };
        return Err(KgError::Manifest {
            path: path.into(),
            line: 1,
            message: format!("the header must have the columns `id` and `file` ({found})"),
        });
    };
    let mut notes = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if !HEADER.contains(&h.as_str()) {
            let hint = HEADER
                .iter()
                .find(|k| edit_distance(k, h) <= 2)
                .map(|k| format!(" (did you mean `{k}`?)"))
                .unwrap_or_default();
            notes.push(format!(
                "{}: column {} `{h}` is not one kg reads; ignored{hint}",
                path.display(),
                i + 1
            ));
        } else if headers[..i].contains(h) {
            notes.push(format!(
                "{}: column `{h}` appears twice; the first is used",
                path.display()
            ));
        }
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut problems = Vec::new();
    let mut manifest = Manifest {
        path: path.to_path_buf(),
        by_file: BTreeMap::new(),
        notes,
    };
    let mut seen_ids = BTreeMap::new();
    let mut seen_files = BTreeMap::new();
    for (n, rec) in rdr.records().enumerate() {
        let line = match &rec {
            Ok(r) => r.position().map_or(n as u64 + 2, |p| p.line()),
            Err(e) => e.position().map_or(n as u64 + 2, |p| p.line()),
        };
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("{}: line {line}: {e}; row skipped", path.display()));
                continue;
            }
        };
        let get = |c: Option<usize>| {
            c.and_then(|c| rec.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let (Some(id), Some(file)) = (get(Some(id_col)), get(Some(file_col))) else {
            problems.push(format!(
                "{}: line {line}: empty `id` or `file`; row skipped",
                path.display()
            ));
            continue;
        };
        if let Some(prev) = seen_ids.get(&id) {
            problems.push(format!(
                "{}: line {line}: duplicate id `{id}` (first on line {prev}); row skipped",
                path.display()
            ));
            continue;
        }
        if let Some(prev) = seen_files.get(&file) {
            problems.push(format!(
                "{}: line {line}: file `{file}` is already listed on line {prev}; row skipped",
                path.display()
            ));
            continue;
        }
        seen_ids.insert(id.clone(), line);
        seen_files.insert(file.clone(), line);
        let url = get(col("url"));
        if let Some(u) = &url
            && oxigraph::model::NamedNode::new(u.as_str()).is_err()
        {
            manifest.notes.push(format!(
                "{}: line {line}: `url` `{u}` is not an absolute IRI; it is kept in articles.csv but not linked in RDF",
                path.display()
            ));
        }
        let published = match get(col("published")) {
            Some(p) => match PartialDate::parse(&p) {
                Some(d) => Some(d),
                None => {
                    problems.push(format!("{}: line {line}: `published` is `{p}`, not YYYY, YYYY-MM or YYYY-MM-DD; left empty", path.display()));
                    None
                }
            },
            None => None,
        };
        let meta = ArticleMeta {
            id,
            file: file.clone(),
            title: get(col("title")),
            source: get(col("source")),
            published,
            lang: get(col("lang")),
            url,
            chars: 0,
            sentences: 0,
        };
        manifest.by_file.insert(dir.join(&file), meta);
    }
    Ok((manifest, problems))
}

/// Levenshtein distance of two short ASCII-ish strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        assert_eq!(edit_distance("published", "publised"), 1);
        assert_eq!(edit_distance("url", "title"), 4);
        assert_eq!(edit_distance("", "id"), 2);
    }
}
