//! Library error type: every failure names the file (or input) it concerns.
//!
//! The library reports errors with [`KgError`] (thiserror); only the binary
//! turns them into messages and exit codes (anyhow).

use std::path::{Path, PathBuf};

/// A position in a text file, 1-based, for syntax errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextPos {
    pub line: u64,
    pub column: u64,
}

impl std::fmt::Display for TextPos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KgError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: {message}", path.display())]
    Input { path: PathBuf, message: String },
    #[error("{}{}: {message}", path.display(), pos.map(|p| format!(", {p}")).unwrap_or_default())]
    Syntax {
        path: PathBuf,
        pos: Option<TextPos>,
        message: String,
    },
    #[error("{}: {message}", path.display())]
    Lexicon { path: PathBuf, message: String },
    #[error("{}: line {line}: {message}", path.display())]
    Manifest {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{0}")]
    Invalid(String),
    #[error("RDF: {0}")]
    Rdf(String),
    #[error("query: {0}")]
    Query(String),
}

impl KgError {
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        KgError::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }

    pub fn input(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        KgError::Input {
            path: path.as_ref().to_path_buf(),
            message: message.into(),
        }
    }
}

pub type Result<T, E = KgError> = std::result::Result<T, E>;
