//! Helpers shared by the commands: loading the lexicon, reading builds.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::LexiconArgs;
use kg::lexicon::{BUILTIN_ONTOLOGY, Lexicon};

/// The lexicon and the ontology text, from the paths given, `./lexicon`
/// and `./ontology.ttl`, or the built-in copies.
pub fn load_lexicon(args: &LexiconArgs) -> Result<(Lexicon, String)> {
    let ontology_path = args
        .ontology
        .clone()
        .or_else(|| Some(PathBuf::from("ontology.ttl")).filter(|p| p.is_file()));
    let ontology_text = match &ontology_path {
        Some(p) => std::fs::read_to_string(p)
            .with_context(|| format!("reading the ontology {}", p.display()))?,
        None => BUILTIN_ONTOLOGY.1.to_string(),
    };
    let dirs: Vec<PathBuf> = if args.lexicon.is_empty() {
        Some(PathBuf::from("lexicon"))
            .filter(|p| p.is_dir())
            .into_iter()
            .collect()
    } else {
        args.lexicon.clone()
    };
    let lex = if dirs.is_empty() && ontology_path.is_none() {
        Lexicon::builtin()?
    } else if dirs.is_empty() {
        let mut files = vec![(
            ontology_path.clone().unwrap_or_default(),
            ontology_text.clone().into_bytes(),
        )];
        files.extend(
            kg::lexicon::BUILTIN_FILES
                .iter()
                .map(|(p, d)| (PathBuf::from(p), d.as_bytes().to_vec())),
        );
        kg::lexicon::read_lexicon(&files)?
    } else {
        Lexicon::from_paths(ontology_path.as_deref(), &dirs)?
    };
    Ok((lex, ontology_text))
}

/// Whether stderr is a terminal (for progress bars).
pub fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}
