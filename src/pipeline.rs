//! The build: inputs → (parallel) read, decode, extract → knowledge graph.
//!
//! Articles are processed in chunks: each chunk is read and extracted in
//! parallel (rayon), and the results are folded into the graph in input
//! order, so the output does not depend on the number of threads, and only
//! one chunk of article text is in memory at a time.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::corpus::{Encoding, Input, collect_inputs, decode_article};
use crate::error::{KgError, Result};
use crate::extract::Extractor;
use crate::model::graph::GraphBuilder;
use crate::model::{Article, ArticleExtraction, KnowledgeGraph};

/// Articles per parallel chunk.
const CHUNK: usize = 256;

/// What to build from.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    pub inputs: Vec<PathBuf>,
    pub manifest: Option<PathBuf>,
    /// Worker threads; `None` uses all cores.
    pub jobs: Option<usize>,
    /// Declared encoding of the articles (UTF-8 and BOMs are detected).
    pub encoding: Option<&'static Encoding>,
}

/// A problem that did not stop the build (an article skipped, a manifest row ignored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
}

/// The result of a build.
pub struct BuildOutcome {
    pub graph: KnowledgeGraph,
    /// Inputs that were skipped or partly read: the build is incomplete.
    pub problems: Vec<Problem>,
    /// Remarks that do not make the build incomplete.
    pub notes: Vec<String>,
    pub articles_read: usize,
    /// Wall time spent reading and extracting articles (in parallel).
    pub extract_time: std::time::Duration,
    /// Wall time spent merging mentions into events and building the graph.
    pub graph_time: std::time::Duration,
}

/// The largest article file kg reads, in bytes. News articles are a few
/// kilobytes; a bigger file is most likely a whole collection in one file,
/// which should be split into one article per file.
pub const MAX_ARTICLE_BYTES: u64 = 8 << 20;

/// Reads an article file: a regular file of at most [`MAX_ARTICLE_BYTES`].
pub fn read_article(path: &std::path::Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| KgError::io(path, e))?;
    if !meta.is_file() {
        return Err(KgError::input(
            path,
            "not a regular file (a directory, pipe, socket or device)",
        ));
    }
    let too_big = |len: u64| {
        KgError::input(
            path,
            format!(
                "the file is {:.1} MiB; kg reads articles of up to {} MiB (one article per file: \
                 is this a whole collection? split it)",
                len as f64 / (1 << 20) as f64,
                MAX_ARTICLE_BYTES >> 20
            ),
        )
    };
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(too_big(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| KgError::io(path, e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The size may change between the check and the read (or be unknown).
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| KgError::io(path, e))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads and extracts one article. A remark on how its bytes were decoded
/// becomes a warning of the extraction.
pub fn process(
    extractor: &Extractor,
    input: &Input,
    encoding: Option<&'static Encoding>,
) -> Result<ArticleExtraction> {
    let bytes = read_article(&input.path)?;
    let decoded = decode_article(&bytes, encoding).map_err(|m| KgError::input(&input.path, m))?;
    drop(bytes);
    if decoded.text.trim().is_empty() {
        return Err(KgError::input(
            &input.path,
            "the article has no text (only whitespace)",
        ));
    }
    if !decoded.text.chars().any(char::is_alphanumeric) {
        return Err(KgError::input(
            &input.path,
            "the article has no words (only punctuation, symbols or invisible characters)",
        ));
    }
    let article = Article {
        meta: input.meta.clone(),
        text: decoded.text,
    };
    let mut x = extractor.extract(&article);
    if x.meta.sentences == 0 {
        return Err(KgError::input(
            &input.path,
            "the article has no text once its markup is removed",
        ));
    }
    if let Some(note) = decoded.note {
        x.warnings.insert(0, note);
    }
    Ok(x)
}

/// Runs `f`, turning a panic (a bug kg must not have, set off by one
/// article) into an error for that article, so the others are still read.
pub fn isolated<T>(path: &std::path::Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(KgError::input(
            path,
            format!("kg failed on this article (a bug; please report it with the file): {what}"),
        ))
    })
}

/// What the extracted chunks are folded into, in input order.
struct Fold {
    builder: GraphBuilder,
    notes: Vec<String>,
    problems: Vec<Problem>,
    read: usize,
}

impl Fold {
    /// Adds the results of one chunk; returns the number of inputs.
    fn add(&mut self, chunk: &[Input], results: Vec<Result<ArticleExtraction>>) -> usize {
        for (input, r) in chunk.iter().zip(results) {
            match r {
                Ok(x) => {
                    let file = input.path.display();
                    self.notes
                        .extend(x.warnings.iter().map(|w| format!("{file}: {w}")));
                    self.builder.add(x);
                    self.read += 1;
                }
                Err(e) => self.problems.push(Problem {
                    message: format!("{e}; skipped"),
                }),
            }
        }
        chunk.len()
    }
}

/// Runs the build. `progress(done, total)` is called after each chunk.
pub fn build(
    extractor: &Extractor,
    opts: &BuildOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<BuildOutcome> {
    let collected = collect_inputs(&opts.inputs, opts.manifest.as_deref())?;
    let inputs = collected.inputs;
    let problems: Vec<Problem> = collected
        .problems
        .into_iter()
        .map(|message| Problem { message })
        .collect();
    if inputs.is_empty() {
        let what = opts
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let mut message = format!("no articles (*.txt files) found in {what}");
        for p in &problems {
            message.push_str("\n  ");
            message.push_str(&p.message);
        }
        return Err(KgError::Invalid(message));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0))
        .build()
        .map_err(|e| KgError::Invalid(format!("cannot start worker threads: {e}")))?;
    let mut fold = Fold {
        builder: GraphBuilder::new(),
        notes: collected.notes,
        problems,
        read: 0,
    };
    let total = inputs.len();
    let started = std::time::Instant::now();
    // Chunk n+1 is extracted while chunk n is folded into the graph (on
    // another worker when there is one): folding is serial, and waiting for
    // it left the other threads idle. Chunks are folded in input order.
    let mut pending: Option<(&[Input], Vec<Result<ArticleExtraction>>)> = None;
    let mut chunks = inputs.chunks(CHUNK).peekable();
    let mut done = 0;
    while chunks.peek().is_some() || pending.is_some() {
        let next = chunks.next();
        let (results, folded) = pool.install(|| {
            rayon::join(
                || {
                    next.map(|chunk| {
                        chunk
                            .par_iter()
                            .map(|input| {
                                isolated(&input.path, || process(extractor, input, opts.encoding))
                            })
                            .collect::<Vec<_>>()
                    })
                },
                || {
                    pending
                        .take()
                        .map(|(chunk, results)| fold.add(chunk, results))
                },
            )
        });
        if let Some(n) = folded {
            done += n;
            progress(done, total);
        }
        pending = next.zip(results);
    }
    let Fold {
        builder,
        notes,
        problems,
        read,
    } = fold;
    if read == 0 {
        return Err(KgError::Invalid(format!(
            "none of the {total} article(s) could be read:\n  {}",
            problems
                .iter()
                .map(|p| p.message.as_str())
                .collect::<Vec<_>>()
                .join("\n  ")
        )));
    }
    let extract_time = started.elapsed();
    let started = std::time::Instant::now();
    let graph = builder.finish();
    Ok(BuildOutcome {
        graph,
        problems,
        notes,
        articles_read: read,
        extract_time,
        graph_time: started.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_on_one_article_becomes_its_error() {
        let p = std::path::Path::new("a.txt");
        let err = isolated::<()>(p, || panic!("index out of bounds")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("a.txt: kg failed on this article"), "{msg}");
        assert!(msg.ends_with("index out of bounds"), "{msg}");
        assert_eq!(isolated(p, || Ok(7)).unwrap(), 7);
    }
}
