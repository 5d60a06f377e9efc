//! The build: inputs → (parallel) read, decode, extract → knowledge graph.
//!
//! Articles are processed in chunks: each chunk is read and extracted in
//! parallel (rayon), and the results are folded into the graph in input
//! order, so the output does not depend on the number of threads, and only
//! one chunk of article text is in memory at a time.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::corpus::{Encoding, Input, collect_inputs, decode};
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
}

/// Reads and extracts one article.
pub fn process(
    extractor: &Extractor,
    input: &Input,
    encoding: Option<&'static Encoding>,
) -> Result<ArticleExtraction> {
    let bytes = std::fs::read(&input.path).map_err(|e| KgError::io(&input.path, e))?;
    let text = decode(&bytes, encoding).map_err(|m| KgError::input(&input.path, m))?;
    if text.trim().is_empty() {
        return Err(KgError::input(
            &input.path,
            "the article has no text (only whitespace)",
        ));
    }
    if text.len() > u32::MAX as usize / 2 {
        return Err(KgError::input(
            &input.path,
            "the article is larger than 2 GiB",
        ));
    }
    let article = Article {
        meta: input.meta.clone(),
        text,
    };
    Ok(extractor.extract(&article))
}

/// Runs the build. `progress(done, total)` is called after each chunk.
pub fn build(
    extractor: &Extractor,
    opts: &BuildOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<BuildOutcome> {
    let (inputs, problems) = collect_inputs(&opts.inputs, opts.manifest.as_deref())?;
    let mut problems: Vec<Problem> = problems
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
        return Err(KgError::Invalid(format!(
            "no articles (*.txt files) found in {what}"
        )));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0))
        .build()
        .map_err(|e| KgError::Invalid(format!("cannot start worker threads: {e}")))?;
    let mut builder = GraphBuilder::new();
    let mut notes = Vec::new();
    let mut read = 0;
    let total = inputs.len();
    for (n, chunk) in inputs.chunks(CHUNK).enumerate() {
        let results: Vec<Result<ArticleExtraction>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| process(extractor, input, opts.encoding))
                .collect()
        });
        for r in results {
            match r {
                Ok(x) => {
                    notes.extend(x.warnings.iter().map(|w| format!("{}: {w}", x.meta.file)));
                    builder.add(x);
                    read += 1;
                }
                Err(e) => problems.push(Problem {
                    message: format!("{e}; skipped"),
                }),
            }
        }
        progress(((n + 1) * CHUNK).min(total), total);
    }
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
    Ok(BuildOutcome {
        graph: builder.finish(),
        problems,
        notes,
        articles_read: read,
    })
}
