//! Connectivity and communities of a [`View`]: connected components (weak
//! for directed views), density, and label-propagation communities of the
//! entity projection.

use super::view::View;

/// A partition of the nodes: `of[v]` is the group of node `v`; groups are
/// numbered by decreasing size, ties broken by their smallest node.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Partition {
    pub of: Vec<u32>,
    pub sizes: Vec<usize>,
}

impl Partition {
    pub fn count(&self) -> usize {
        self.sizes.len()
    }

    /// Renumbers raw labels (any u32 per node) by decreasing size, then
    /// smallest member. O(V log V).
    fn from_labels(labels: &[u32]) -> Self {
        let n = labels.len();
        // (size, first member) per raw label.
        let mut first: std::collections::HashMap<u32, (usize, u32)> =
            std::collections::HashMap::new();
        for (v, &l) in labels.iter().enumerate() {
            let e = first.entry(l).or_insert((0, v as u32));
            e.0 += 1;
        }
        let mut groups: Vec<(usize, u32, u32)> =
            first.into_iter().map(|(l, (s, f))| (s, f, l)).collect();
        groups.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut renum = std::collections::HashMap::with_capacity(groups.len());
        for (i, g) in groups.iter().enumerate() {
            renum.insert(g.2, i as u32);
        }
        Partition {
            of: (0..n).map(|v| renum[&labels[v]]).collect(),
            sizes: groups.iter().map(|g| g.0).collect(),
        }
    }
}

/// Connected components (weakly connected for directed views), by
/// breadth-first search. O(V + E).
pub fn components(view: &View) -> Partition {
    let n = view.len();
    let mut label = vec![u32::MAX; n];
    let mut queue = std::collections::VecDeque::new();
    let mut buf = Vec::new();
    for start in 0..n as u32 {
        if label[start as usize] != u32::MAX {
            continue;
        }
        label[start as usize] = start;
        queue.push_back(start);
        while let Some(v) = queue.pop_front() {
            for &w in view.undirected_neighbors(v, &mut buf) {
                if label[w as usize] == u32::MAX {
                    label[w as usize] = start;
                    queue.push_back(w);
                }
            }
        }
    }
    Partition::from_labels(&label)
}

/// Edge density: `E / (V(V-1))` for directed views, `2E / (V(V-1))` for
/// undirected ones (networkx's `density`), counting the view's edges as
/// exported. O(1).
pub fn density(view: &View) -> f64 {
    let n = view.len() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let e = view.edges.len() as f64;
    if view.directed() {
        e / (n * (n - 1.0))
    } else {
        2.0 * e / (n * (n - 1.0))
    }
}

/// Communities by weighted label propagation (Raghavan, Albert & Kumara
/// 2007), made deterministic: nodes are visited in index order and each
/// takes the label carrying the most edge weight among its neighbours
/// (ties: keep the current label if it is among the best, else a
/// pseudo-random one, hashed from the node and the label: always taking
/// the smallest label would let one label sweep across weak ties). Stops when a sweep changes nothing, or after `max_sweeps`.
/// Isolated nodes are their own community. Each sweep costs O(V + E).
pub fn label_propagation(view: &View, max_sweeps: usize) -> Partition {
    let n = view.len();
    let mut label: Vec<u32> = (0..n as u32).collect();
    let mut weight_of: std::collections::HashMap<u32, f64> = std::collections::HashMap::new();
    for _ in 0..max_sweeps {
        let mut changed = false;
        for v in 0..n as u32 {
            weight_of.clear();
            let arcs = view.out.neighbors(v).iter().zip(view.out.weights(v));
            let back = view.inc.neighbors(v).iter().zip(view.inc.weights(v));
            for (&w, &wt) in arcs.chain(back) {
                *weight_of.entry(label[w as usize]).or_insert(0.0) += wt;
            }
            if weight_of.is_empty() {
                continue;
            }
            let best = weight_of.values().copied().fold(f64::MIN, f64::max);
            let current = label[v as usize];
            let keep = weight_of.get(&current).is_some_and(|&x| x >= best);
            if !keep {
                let new = weight_of
                    .iter()
                    .filter(|&(_, &x)| x >= best)
                    .map(|(&l, _)| l)
                    .min_by_key(|&l| (tie_break(v, l), l))
                    .unwrap_or(current);
                label[v as usize] = new;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    Partition::from_labels(&label)
}

/// A deterministic pseudo-random rank of label `l` for node `v`.
fn tie_break(v: u32, l: u32) -> u64 {
    let x = (u64::from(v) << 32 | u64::from(l)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 29)
}
