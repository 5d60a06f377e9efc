//! How the build's first two stages grow with the corpus (not a criterion
//! bench): reads and extracts a corpus the way `kg build` does, without
//! writing exports, and prints wall, user and system time, minor page
//! faults and peak RSS of each stage, so a 10000× corpus can be measured
//! without writing its 21 GB of exports.
//!
//!     cargo bench --bench growth -- DIR [--jobs N] [--mode full|stages|keep|drop]
//!
//! `full` runs `pipeline::build` (extract, then graph); `stages` does the
//! same in two measured steps (and times `GraphBuilder::add`); `keep` extracts and
//! keeps every article's result without building anything; `drop` extracts
//! and drops each result, which measures extraction alone. Uses mimalloc,
//! as the `kg` binary does.

use std::path::PathBuf;
use std::time::Instant;

use kg::corpus::collect_inputs;
use kg::extract::Extractor;
use kg::lexicon::Lexicon;
use kg::model::graph::GraphBuilder;
use kg::pipeline::{BuildOptions, build, process};
use rayon::prelude::*;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// User and system seconds, minor faults and peak RSS (KB) of the process.
fn usage() -> (f64, f64, i64, i64) {
    // SAFETY: getrusage only writes the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (secs(u.ru_utime), secs(u.ru_stime), u.ru_minflt, u.ru_maxrss)
}

struct Stage {
    wall: Instant,
    usage: (f64, f64, i64, i64),
}

impl Stage {
    fn start() -> Self {
        Stage {
            wall: Instant::now(),
            usage: usage(),
        }
    }
    fn report(&self, name: &str) {
        self.report_since(name, &Stage::start());
    }
    fn report_since(&self, name: &str, now: &Stage) {
        let (u, s, f, rss) = now.usage;
        eprintln!(
            "growth: {name:<8} wall {:>8.3}s  user {:>8.3}s  sys {:>7.3}s  minflt {:>9}  peak RSS {:>5} MB",
            (now.wall - self.wall).as_secs_f64(),
            u - self.usage.0,
            s - self.usage.1,
            f - self.usage.2,
            rss / 1024
        );
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut dir, mut jobs, mut mode) = (None, None, "full".to_string());
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jobs" => jobs = args.next().and_then(|n| n.parse().ok()),
            "--mode" => mode = args.next().unwrap_or_default(),
            // (flags of cargo's test harness: `cargo test --all-targets --
            // --include-ignored` runs this file too, with no corpus)
            a if a.starts_with("--") => {}
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else {
        eprintln!(
            "usage: cargo bench --bench growth -- DIR [--jobs N] [--mode full|stages|keep|drop]"
        );
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let lex = Lexicon::from_paths(Some(&root.join("ontology.ttl")), &[root.join("lexicon")])
        .expect("the lexicon");
    let ex = Extractor::new(lex);
    let opts = BuildOptions {
        inputs: vec![dir],
        jobs,
        ..Default::default()
    };
    let all = Stage::start();
    if mode == "full" {
        // The last progress call ends the extract stage.
        let extracted = std::sync::Mutex::new(None);
        let progress = |done: usize, total: usize| {
            if done == total {
                *extracted.lock().unwrap() = Some(Stage::start());
            }
        };
        let out = build(&ex, &opts, &progress).expect("the build");
        let graph = extracted.into_inner().unwrap().expect("extracted");
        graph.report("graph");
        eprintln!(
            "growth: {} articles, {} mentions, {} events; extract {:.3}s, graph {:.3}s",
            out.articles_read,
            out.graph.mentions.len(),
            out.graph.events.len(),
            out.extract_time.as_secs_f64(),
            out.graph_time.as_secs_f64()
        );
        all.report_since("extract", &graph);
        all.report("build");
        std::mem::forget(out);
        return;
    }
    let inputs = collect_inputs(&opts.inputs, None).expect("inputs").inputs;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .expect("threads");
    let mut kept = Vec::new();
    let mut mentions = 0;
    let mut builder = GraphBuilder::new();
    let mut adding = std::time::Duration::ZERO;
    for chunk in inputs.chunks(256) {
        let results: Vec<_> =
            pool.install(|| chunk.par_iter().map(|i| process(&ex, i, None)).collect());
        for x in results.into_iter().flatten() {
            mentions += x.mentions.len();
            if mode == "keep" {
                kept.push(x);
            } else if mode == "stages" {
                let t = Instant::now();
                builder.add(x);
                adding += t.elapsed();
            }
        }
    }
    eprintln!(
        "growth: {} articles, {mentions} mentions; GraphBuilder::add {:.3}s",
        inputs.len(),
        adding.as_secs_f64()
    );
    all.report(&mode);
    if mode == "stages" {
        let graph = Stage::start();
        let kg = builder.finish();
        graph.report("graph");
        std::mem::forget(kg);
    }
    std::mem::forget(kept);
}
