//! The article manifest (`articles.csv`): `id,file,title,source,published,lang,url`.
//! Only `id` and `file` are required; extra columns are ignored. Row problems
//! are reported and the row skipped; the run goes on.

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
        return Err(KgError::Manifest {
            path: path.into(),
            line: 1,
            message: format!(
                "the header must have the columns `id` and `file` (found: {})",
                headers.join(",")
            ),
        });
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut problems = Vec::new();
    let mut manifest = Manifest {
        path: path.to_path_buf(),
        by_file: BTreeMap::new(),
    };
    let mut seen_ids = BTreeMap::new();
    for (n, rec) in rdr.records().enumerate() {
        let line = n as u64 + 2;
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
        if let Some(prev) = seen_ids.insert(id.clone(), line) {
            problems.push(format!(
                "{}: line {line}: duplicate id `{id}` (first on line {prev}); row skipped",
                path.display()
            ));
            continue;
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
            url: get(col("url")),
            chars: 0,
            sentences: 0,
        };
        manifest.by_file.insert(dir.join(&file), meta);
    }
    Ok((manifest, problems))
}
