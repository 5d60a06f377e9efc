//! Measures how graph analysis and the visualisation exports scale:
//! synthetic corpora of N and 10·N articles (`kg::analysis::synthetic`),
//! each stage timed. Run with
//! `cargo run --release --example graph_scale -- 10000 100000`
//! (wall and CPU time per stage; CPU time is the fairer figure on a shared machine).

use std::time::Instant;

use kg::analysis::centrality::{
    BetweennessOptions, PageRankOptions, betweenness, degrees, pagerank,
};
use kg::analysis::components::{components, label_propagation};
use kg::analysis::timeline::timeline;
use kg::analysis::{AnalyzeOptions, View, ViewKind, analyze};
use kg::export::GraphFormat;
use kg::export::visual::visual;

/// CPU time of the process (all threads), in seconds: less sensitive than
/// wall time to other processes sharing the machine.
fn cpu() -> f64 {
    // SAFETY: getrusage writes into the zeroed struct we pass.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(u.ru_utime) + tv(u.ru_stime)
}

fn time<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let (t, c) = (Instant::now(), cpu());
    let r = f();
    println!(
        "  {label:<36} wall {:>8.3} s   cpu {:>8.3} s",
        t.elapsed().as_secs_f64(),
        cpu() - c
    );
    r
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("article counts"))
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    let lex = kg::lexicon::Lexicon::builtin().expect("built-in lexicon");
    for n in sizes {
        let g = kg::analysis::synthetic::synthetic(n, 42);
        println!(
            "{n} articles: {} mentions, {} events, {} entities, {} relations",
            g.mentions.len(),
            g.events.len(),
            g.entities.len(),
            g.relations.len()
        );
        let full = time("full view", || View::new(&g, ViewKind::Full));
        let proj = time("entity projection", || View::new(&g, ViewKind::Entities));
        println!(
            "  (full: {} nodes, {} edges; projection: {} nodes, {} edges)",
            full.len(),
            full.edges.len(),
            proj.len(),
            proj.edges.len()
        );
        time("degrees (full)", || degrees(&full));
        let pr = time("pagerank (full)", || {
            pagerank(&full, &PageRankOptions::default())
        });
        println!("  (full PageRank: {} iterations)", pr.iterations);
        time("pagerank (projection)", || {
            pagerank(&proj, &PageRankOptions::default())
        });
        let bc = time("betweenness (projection, ≤1024 src)", || {
            betweenness(&proj, &BetweennessOptions::default())
        });
        println!(
            "  (betweenness: {} sources, exact: {})",
            bc.sources, bc.exact
        );
        time("components (full)", || components(&full));
        time("label propagation (projection)", || {
            label_propagation(&proj, 100)
        });
        time("analyze (everything above)", || {
            analyze(&g, &AnalyzeOptions::default())
        });
        time("timeline (all)", || timeline(&g, &lex, None).entries.len());
        let v = time("visual model (full view)", || {
            visual(&g, Some(&lex), ViewKind::Full)
        });
        for f in GraphFormat::ALL {
            time(&format!("write {}", f.file_name()), || {
                let mut sink = std::io::sink();
                f.write(&v, &mut sink).unwrap();
            });
        }
        time("write nodes.csv + edges.csv", || {
            kg::export::gephi::write_nodes(&v, &mut std::io::sink()).unwrap();
            kg::export::gephi::write_edges(&v, &mut std::io::sink()).unwrap();
        });
    }
}
