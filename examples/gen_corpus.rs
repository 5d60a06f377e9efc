//! Bench tool: generates a scale corpus deterministically from realistic
//! material. Sentences of the seeds and the dev articles are recombined into
//! articles of realistic length, and gazetteer names in them are swapped for
//! other entities of the same kind, so the graph grows with the corpus
//! instead of repeating the same facts.
//!
//! `cargo run --release --example gen_corpus -- OUT_DIR SCALE [SEED]`
//! writes about SCALE × the seeds' size (35 KB) of articles and a manifest.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use kg::analysis::synthetic::Rng;
use kg::lexicon::Lexicon;
use kg::matcher::{Matcher, Target};
use kg::model::EntityKind;
use kg::text::{NormText, split_sentences, tokenize};

/// A sentence of the source material and the entity names in it:
/// (byte range in the sentence, entity kind).
struct Template {
    text: String,
    slots: Vec<(std::ops::Range<usize>, EntityKind)>,
}

fn read_sources(root: &Path) -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["seeds", "tests/dev/articles"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        for p in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        {
            if let Ok(t) = std::fs::read_to_string(&p) {
                texts.push(t);
            }
        }
    }
    texts
}

fn templates(texts: &[String], lex: &Lexicon, matcher: &Matcher) -> Vec<Template> {
    let mut out = Vec::new();
    for text in texts {
        let norm = NormText::new(text);
        for r in split_sentences(&norm.text) {
            let orig = norm.orig_range(r.clone());
            let sentence = &text[orig.clone()];
            if sentence.chars().count() < 40 {
                continue;
            }
            let mut toks = Vec::new();
            tokenize(&norm.text, r.clone(), &mut toks);
            let mut ms = Vec::new();
            matcher.find(&norm.text, &toks, &mut ms);
            let mut slots = Vec::new();
            let mut last_end = 0;
            for m in ms {
                let Target::Entity {
                    entity,
                    strict: false,
                } = m.payload.target
                else {
                    continue;
                };
                if m.start < last_end || m.clitics != Default::default() {
                    continue;
                }
                let Some(kind) = lex.entities[entity as usize].kind else {
                    continue;
                };
                let span =
                    norm.orig_range(toks[m.start].start as usize..toks[m.end - 1].end as usize);
                slots.push((span.start - orig.start..span.end - orig.start, kind));
                last_end = m.end;
            }
            out.push(Template {
                text: sentence.to_string(),
                slots,
            });
        }
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(scale)) = (args.first(), args.get(1)) else {
        eprintln!("usage: gen_corpus OUT_DIR SCALE [SEED]");
        std::process::exit(2);
    };
    let scale: f64 = scale.parse()?;
    let seed: u64 = args.get(2).map_or(Ok(42), |s| s.parse())?;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let lex = Lexicon::from_paths(Some(&root.join("ontology.ttl")), &[root.join("lexicon")])?;
    let matcher = Matcher::new(&lex);
    let sources = read_sources(&root);
    let seed_bytes: usize = sources.iter().take(5).map(String::len).sum();
    let templates = templates(&sources, &lex, &matcher);
    let mut by_kind: BTreeMap<EntityKind, Vec<&str>> = BTreeMap::new();
    for e in &lex.entities {
        if let Some(k) = e.kind {
            by_kind.entry(k).or_default().push(e.label_ar.as_str());
        }
    }
    let out = PathBuf::from(out);
    std::fs::create_dir_all(&out)?;
    let mut manifest = std::io::BufWriter::new(std::fs::File::create(out.join("articles.csv"))?);
    writeln!(manifest, "id,file,title,source,published,lang,url")?;
    let target = (seed_bytes as f64 * scale) as usize;
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let (mut written, mut n) = (0usize, 0usize);
    while written < target {
        let mut article = String::new();
        let sentences = 12 + rng.below(30);
        for _ in 0..sentences {
            let t = &templates[rng.below(templates.len())];
            let mut s = String::with_capacity(t.text.len() + 32);
            let mut pos = 0;
            for (range, kind) in &t.slots {
                s.push_str(&t.text[pos..range.start]);
                // Half of the names are swapped for another of the same kind.
                match by_kind.get(kind).filter(|_| rng.below(2) == 0) {
                    Some(names) => s.push_str(names[rng.below(names.len())]),
                    None => s.push_str(&t.text[range.clone()]),
                }
                pos = range.end;
            }
            s.push_str(&t.text[pos..]);
            article.push_str(&s);
            article.push('\n');
        }
        let id = format!("gen_{n:07}");
        let date = format!(
            "20{:02}-{:02}-{:02}",
            14 + rng.below(12),
            1 + rng.below(12),
            1 + rng.below(28)
        );
        std::fs::write(out.join(format!("{id}.txt")), &article)?;
        writeln!(manifest, "{id},{id}.txt,,generated,{date},ar,")?;
        written += article.len();
        n += 1;
    }
    manifest.flush()?;
    eprintln!(
        "gen_corpus: {n} articles, {:.1} MB in {}",
        written as f64 / 1e6,
        out.display()
    );
    Ok(())
}
