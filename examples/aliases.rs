//! Bench tool: prints every gazetteer name and alias as written (one per
//! line), for the scan-limit reference (`rg -c -F -f aliases.txt`).

use std::io::Write;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let lex = kg::lexicon::Lexicon::from_paths(
        Some(&root.join("ontology.ttl")),
        &[root.join("lexicon")],
    )?;
    let mut names: Vec<&str> = lex
        .entities
        .iter()
        .flat_map(|e| {
            std::iter::once(e.label_ar.as_str())
                .chain(e.alt_labels.iter().map(|(l, _)| l.as_str()))
                .chain(e.strict_labels.iter().map(String::as_str))
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for n in names {
        writeln!(out, "{n}")?;
    }
    Ok(())
}
