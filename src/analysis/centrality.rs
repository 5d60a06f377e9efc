//! Centralities of a [`View`]: degree, weighted degree, PageRank,
//! betweenness and closeness. Each function documents its definition (the
//! same as networkx's, so results can be checked against it) and its cost.

use rayon::prelude::*;

use super::view::View;
use crate::model::ids::stable_hash;

/// Degrees of every node, counting the edges of the view as exported
/// (parallel edges of different kinds count separately). In an undirected
/// view, `inn == out ==` the number of incident edges. O(V + E).
#[derive(Clone, Debug, Default)]
pub struct Degrees {
    pub inn: Vec<u32>,
    pub out: Vec<u32>,
    /// Sum of the weights of incoming edges.
    pub weighted_in: Vec<f64>,
    /// Sum of the weights of outgoing edges.
    pub weighted_out: Vec<f64>,
    directed: bool,
}

impl Degrees {
    /// In + out for directed views; the number of incident edges otherwise.
    pub fn total(&self, v: usize) -> u32 {
        if self.directed {
            self.inn[v] + self.out[v]
        } else {
            self.out[v]
        }
    }

    /// Weighted counterpart of [`Degrees::total`] (networkx's
    /// `degree(weight=...)`).
    pub fn weighted(&self, v: usize) -> f64 {
        if self.directed {
            self.weighted_in[v] + self.weighted_out[v]
        } else {
            self.weighted_out[v]
        }
    }
}

/// Degrees of every node. O(V + E).
pub fn degrees(view: &View) -> Degrees {
    let n = view.len();
    let mut d = Degrees {
        inn: vec![0; n],
        out: vec![0; n],
        weighted_in: vec![0.0; n],
        weighted_out: vec![0.0; n],
        directed: view.directed(),
    };
    for e in &view.edges {
        let (s, t) = (e.source as usize, e.target as usize);
        d.out[s] += 1;
        d.weighted_out[s] += e.weight;
        d.inn[t] += 1;
        d.weighted_in[t] += e.weight;
        if !view.directed() {
            d.out[t] += 1;
            d.weighted_out[t] += e.weight;
            d.inn[s] += 1;
            d.weighted_in[s] += e.weight;
        }
    }
    d
}

/// PageRank parameters (networkx's defaults for `alpha`; a tighter
/// tolerance so that results agree to 1e-6 and better).
#[derive(Clone, Copy, Debug)]
pub struct PageRankOptions {
    /// Damping factor (networkx `alpha`).
    pub damping: f64,
    /// Stop when the L1 change of an iteration is below `n * tolerance`
    /// (networkx's criterion).
    pub tolerance: f64,
    pub max_iterations: usize,
}

impl Default for PageRankOptions {
    fn default() -> Self {
        PageRankOptions {
            damping: 0.85,
            tolerance: 1e-12,
            max_iterations: 1000,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct PageRank {
    /// Scores, summing to 1.
    pub scores: Vec<f64>,
    pub iterations: usize,
    pub converged: bool,
}

/// Weighted PageRank by power iteration, as networkx's `pagerank(G,
/// alpha=damping, weight="weight")`: a node passes `damping` of its score
/// to its out-neighbours in proportion to the merged edge weights (an
/// undirected edge counts in both directions); dangling nodes (no
/// out-edges) spread theirs uniformly; every node receives `(1 - damping) /
/// n`. Each iteration costs O(V + E) (petgraph's `page_rank` is O(V²) per
/// iteration); the number of iterations depends on the damping and the
/// tolerance (about 130 for the defaults), not on the graph's size.
pub fn pagerank(view: &View, opts: &PageRankOptions) -> PageRank {
    let n = view.len();
    if n == 0 {
        return PageRank {
            converged: true,
            ..Default::default()
        };
    }
    let d = opts.damping;
    let strength: Vec<f64> = (0..n as u32)
        .map(|v| view.out.weights(v).iter().sum())
        .collect();
    let mut x = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    let mut result = PageRank::default();
    for it in 1..=opts.max_iterations {
        let dangling: f64 = (0..n).filter(|&v| strength[v] <= 0.0).map(|v| x[v]).sum();
        let base = (1.0 - d) / n as f64 + d * dangling / n as f64;
        next.fill(base);
        for v in 0..n {
            if strength[v] > 0.0 {
                let share = d * x[v] / strength[v];
                let v = v as u32;
                for (&t, &w) in view.out.neighbors(v).iter().zip(view.out.weights(v)) {
                    next[t as usize] += share * w;
                }
            }
        }
        let err: f64 = x.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        result.iterations = it;
        if err < n as f64 * opts.tolerance {
            result.converged = true;
            break;
        }
    }
    result.scores = x;
    result
}

/// Betweenness parameters.
#[derive(Clone, Copy, Debug)]
pub struct BetweennessOptions {
    /// Run the shortest-path searches from at most this many sources; above
    /// it, betweenness is estimated from a deterministic sample of sources
    /// (Brandes & Pich 2007) and closeness is not computed. `0` means no
    /// limit (exact, O(V·E)).
    pub max_sources: usize,
}

impl Default for BetweennessOptions {
    fn default() -> Self {
        BetweennessOptions { max_sources: 1024 }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Betweenness {
    /// Normalized betweenness of every node.
    pub scores: Vec<f64>,
    /// Closeness of every node (undirected views, exact runs only).
    pub closeness: Option<Vec<f64>>,
    /// Number of sources searched.
    pub sources: usize,
    /// Whether every node was a source.
    pub exact: bool,
}

/// Betweenness centrality by Brandes' algorithm (2001), unweighted (paths
/// are counted in hops), endpoints excluded, normalized as networkx's
/// `betweenness_centrality(G, normalized=True)`: divided by `(n-1)(n-2)`,
/// where undirected views count each pair in both directions. When the view
/// has more nodes than `max_sources`, the searches start from a
/// deterministic pseudo-random sample of `k` sources (ranked by a hash of
/// their ids) and the sums are scaled as networkx does for `k` samples
/// (`1/(k(n-2))`, and `1/((k-1)(n-2))` for the sampled nodes themselves).
///
/// Closeness, for undirected views when the run is exact, comes from the
/// same searches: networkx's `closeness_centrality` with `wf_improved`,
/// `(r-1)/Σd · (r-1)/(n-1)` over the `r` nodes reachable from the node.
///
/// Cost: O(k·(V + E)) time with `k = min(n, max_sources)`, O(V) memory per
/// worker. Sources are split into a fixed number of chunks whose sums are
/// added in order, so the result is the same for any number of threads.
pub fn betweenness(view: &View, opts: &BetweennessOptions) -> Betweenness {
    let n = view.len();
    let exact = opts.max_sources == 0 || n <= opts.max_sources;
    let sources: Vec<u32> = if exact {
        (0..n as u32).collect()
    } else {
        let mut ranked: Vec<(u64, u32)> = (0..n as u32)
            .map(|v| (stable_hash(&[view.nodes[v as usize].id()]), v))
            .collect();
        ranked.sort_unstable();
        let mut s: Vec<u32> = ranked[..opts.max_sources].iter().map(|x| x.1).collect();
        s.sort_unstable();
        s
    };
    let k = sources.len();
    let want_closeness = exact && !view.directed();
    const CHUNKS: usize = 8;
    let chunk = k.div_ceil(CHUNKS).max(1);
    let partials: Vec<(Vec<f64>, Vec<f64>)> = sources
        .par_chunks(chunk)
        .map(|srcs| {
            let mut acc = vec![0.0; n];
            let mut close = if want_closeness {
                vec![0.0; n]
            } else {
                Vec::new()
            };
            let mut work = Work::new(n);
            for &s in srcs {
                work.run(view, s, &mut acc);
                if want_closeness {
                    close[s as usize] = work.closeness(n);
                }
            }
            (acc, close)
        })
        .collect();
    let mut scores = vec![0.0; n];
    let mut closeness = want_closeness.then(|| vec![0.0; n]);
    for (acc, close) in partials {
        for (b, a) in scores.iter_mut().zip(acc) {
            *b += a;
        }
        if let Some(c) = closeness.as_mut() {
            for (c, x) in c.iter_mut().zip(close) {
                *c += x;
            }
        }
    }
    if n > 2 {
        let m = (n - 2) as f64;
        if exact {
            let scale = 1.0 / ((n - 1) as f64 * m);
            scores.iter_mut().for_each(|b| *b *= scale);
        } else {
            let scale_other = 1.0 / (k as f64 * m);
            let scale_source = if k > 1 {
                1.0 / ((k - 1) as f64 * m)
            } else {
                0.0
            };
            let mut is_source = vec![false; n];
            for &s in &sources {
                is_source[s as usize] = true;
            }
            for (v, b) in scores.iter_mut().enumerate() {
                *b *= if is_source[v] {
                    scale_source
                } else {
                    scale_other
                };
            }
        }
    }
    Betweenness {
        scores,
        closeness,
        sources: k,
        exact,
    }
}

/// Scratch space of one Brandes search, reused across sources.
struct Work {
    dist: Vec<i32>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    order: Vec<u32>,
    /// Shortest-path arcs (w, v) of the current search, in discovery order.
    arcs: Vec<(u32, u32)>,
    queue: std::collections::VecDeque<u32>,
}

impl Work {
    fn new(n: usize) -> Self {
        Work {
            dist: vec![-1; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
            arcs: Vec::new(),
            queue: std::collections::VecDeque::new(),
        }
    }

    /// One source: BFS counting shortest paths, recording each
    /// shortest-path arc (w, v) (v one hop closer) in discovery order; then
    /// dependencies accumulated over those arcs in reverse order, which
    /// settles every node's dependency before it is passed on.
    fn run(&mut self, view: &View, s: u32, acc: &mut [f64]) {
        for &v in &self.order {
            self.dist[v as usize] = -1;
            self.sigma[v as usize] = 0.0;
            self.delta[v as usize] = 0.0;
        }
        self.order.clear();
        self.arcs.clear();
        self.dist[s as usize] = 0;
        self.sigma[s as usize] = 1.0;
        self.queue.push_back(s);
        while let Some(v) = self.queue.pop_front() {
            self.order.push(v);
            let dv = self.dist[v as usize];
            let sv = self.sigma[v as usize];
            for &w in view.out.neighbors(v) {
                let wu = w as usize;
                if self.dist[wu] < 0 {
                    self.dist[wu] = dv + 1;
                    self.queue.push_back(w);
                }
                if self.dist[wu] == dv + 1 {
                    self.sigma[wu] += sv;
                    self.arcs.push((w, v));
                }
            }
        }
        for &(w, v) in self.arcs.iter().rev() {
            let (w, v) = (w as usize, v as usize);
            self.delta[v] += self.sigma[v] / self.sigma[w] * (1.0 + self.delta[w]);
        }
        for &w in &self.order {
            if w != s {
                acc[w as usize] += self.delta[w as usize];
            }
        }
    }

    /// Closeness of the last source (networkx, `wf_improved=True`).
    fn closeness(&self, n: usize) -> f64 {
        let total: i64 = self
            .order
            .iter()
            .map(|&v| i64::from(self.dist[v as usize]))
            .sum();
        let r = self.order.len() as f64;
        if total > 0 && n > 1 {
            (r - 1.0) / total as f64 * (r - 1.0) / (n - 1) as f64
        } else {
            0.0
        }
    }
}
