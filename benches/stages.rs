//! Criterion benches of kg's stages on the bundled seeds and dev articles
//! (`cargo bench`): normalization, matching, extraction, graph building,
//! the RDF stream and each export. `scripts/bench` measures whole builds at
//! scale; these isolate the stages.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kg::analysis::ViewKind;
use kg::export::{csv, dot, gexf, graphml, visual};
use kg::extract::Extractor;
use kg::lexicon::Lexicon;
use kg::model::graph::GraphBuilder;
use kg::model::{Article, ArticleMeta, KnowledgeGraph};
use kg::rdf::{DEFAULT_BASE, Iris, RdfKind, for_each_quad, parse_ontology, write_rdf_with};
use kg::text::{NormText, split_sentences, tokenize};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn articles() -> Vec<Article> {
    let mut out = Vec::new();
    for dir in ["seeds", "tests/dev/articles"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            out.push(Article {
                meta: ArticleMeta {
                    id,
                    ..Default::default()
                },
                text: std::fs::read_to_string(&p).unwrap(),
            });
        }
    }
    out
}

fn graph(ex: &Extractor, arts: &[Article]) -> KnowledgeGraph {
    let mut b = GraphBuilder::new();
    for a in arts {
        b.add(ex.extract(a));
    }
    b.finish()
}

fn stages(c: &mut Criterion) {
    let lex = Lexicon::from_paths(
        Some(&root().join("ontology.ttl")),
        &[root().join("lexicon")],
    )
    .unwrap();
    let arts = articles();
    let bytes: u64 = arts.iter().map(|a| a.text.len() as u64).sum();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            arts.iter()
                .map(|a| NormText::new(black_box(&a.text)).text.len())
                .sum::<usize>()
        })
    });
    let normed: Vec<NormText> = arts.iter().map(|a| NormText::new(&a.text)).collect();
    g.bench_function("split and tokenize", |b| {
        b.iter(|| {
            let mut toks = Vec::new();
            for n in &normed {
                for r in split_sentences(&n.text) {
                    tokenize(&n.text, r, &mut toks);
                }
            }
            toks.len()
        })
    });
    g.finish();

    c.bench_function("lexicon load and matcher build", |b| {
        b.iter(|| {
            Extractor::new(
                Lexicon::from_paths(
                    Some(&root().join("ontology.ttl")),
                    &[root().join("lexicon")],
                )
                .unwrap(),
            )
        })
    });
    let ex = Extractor::new(lex);
    let mut g = c.benchmark_group("extraction");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("match", |b| {
        b.iter(|| {
            let (mut toks, mut ms) = (Vec::new(), Vec::new());
            for n in &normed {
                toks.clear();
                tokenize(&n.text, 0..n.text.len(), &mut toks);
                ex.matcher().find(&n.text, &toks, &mut ms);
            }
            ms.len()
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            arts.iter()
                .map(|a| ex.extract(black_box(a)).mentions.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let extractions: Vec<_> = arts.iter().map(|a| ex.extract(a)).collect();
    c.bench_function("build graph", |b| {
        b.iter(|| {
            let mut gb = GraphBuilder::new();
            for x in &extractions {
                gb.add(x.clone());
            }
            gb.finish().mentions.len()
        })
    });

    let kg = graph(&ex, &arts);
    let iris = Iris::new(DEFAULT_BASE).unwrap();
    let ontology =
        parse_ontology(&std::fs::read_to_string(root().join("ontology.ttl")).unwrap()).unwrap();
    let mut g = c.benchmark_group("exports");
    g.bench_function("rdf stream", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for_each_quad(&kg, ex.lexicon(), &iris, &ontology, &mut |_| n += 1);
            n
        })
    });
    for kind in [RdfKind::Turtle, RdfKind::NQuads, RdfKind::JsonLd] {
        g.bench_function(format!("rdf {}", kind.id()), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                write_rdf_with(kind, &iris, &mut out, &mut |sink| {
                    for_each_quad(&kg, ex.lexicon(), &iris, &ontology, sink)
                })
                .unwrap();
                out.len()
            })
        });
    }
    g.bench_function("csv events", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            csv::write_events(&kg, &mut out).unwrap();
            out.len()
        })
    });
    let vis = visual::visual(&kg, Some(ex.lexicon()), ViewKind::Full);
    g.bench_function("visual model", |b| {
        b.iter(|| visual::visual(&kg, Some(ex.lexicon()), ViewKind::Full))
    });
    for (name, f) in [
        (
            "dot",
            dot::write_dot as fn(&visual::Visual, &mut dyn std::io::Write) -> std::io::Result<()>,
        ),
        ("gexf", gexf::write_gexf),
        ("graphml", graphml::write_graphml),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::new();
                f(&vis, &mut out).unwrap();
                out.len()
            })
        });
    }
    g.bench_function("kg.json", |b| {
        b.iter(|| serde_json::to_vec(&kg).unwrap().len())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);
