//! Paths and neighbourhoods in a [`View`] (the entity projection for `kg
//! path` and `kg neighbors`): all shortest paths between two nodes, and the
//! ego network of a node up to a depth. Hops are counted in edges,
//! ignoring direction.

use std::collections::VecDeque;

use super::view::View;

/// Breadth-first distances from `from` (u32::MAX when unreachable), stopping
/// once `to` is settled, or at `max_depth`. O(V + E).
fn bfs(view: &View, from: u32, to: Option<u32>, max_depth: u32) -> Vec<u32> {
    let mut dist = vec![u32::MAX; view.len()];
    let mut queue = VecDeque::new();
    let mut buf = Vec::new();
    dist[from as usize] = 0;
    queue.push_back(from);
    while let Some(v) = queue.pop_front() {
        let d = dist[v as usize];
        if Some(v) == to || d >= max_depth {
            if Some(v) == to {
                break;
            }
            continue;
        }
        for &w in view.undirected_neighbors(v, &mut buf) {
            if dist[w as usize] == u32::MAX {
                dist[w as usize] = d + 1;
                queue.push_back(w);
            }
        }
    }
    dist
}

/// Up to `limit` shortest paths from `from` to `to`, each a list of nodes
/// starting with `from`; empty when `to` is unreachable. Paths come in a
/// deterministic order (lexicographic by node index along the path).
/// O(V + E) for the search, plus O(limit × length × degree) to list them.
pub fn shortest_paths(view: &View, from: u32, to: u32, limit: usize) -> Vec<Vec<u32>> {
    if from == to {
        return vec![vec![from]];
    }
    let dist = bfs(view, from, Some(to), u32::MAX);
    if dist[to as usize] == u32::MAX || limit == 0 {
        return Vec::new();
    }
    // Walk back from `to`: the predecessors of w are its neighbours one hop
    // closer to `from`. Depth-first, smallest index first.
    let mut paths = Vec::new();
    let mut stack: Vec<u32> = vec![to];
    let mut buf = Vec::new();
    fn walk(
        view: &View,
        dist: &[u32],
        from: u32,
        stack: &mut Vec<u32>,
        paths: &mut Vec<Vec<u32>>,
        limit: usize,
        buf: &mut Vec<u32>,
    ) {
        if paths.len() >= limit {
            return;
        }
        let w = *stack.last().unwrap_or(&from);
        if w == from {
            paths.push(stack.iter().rev().copied().collect());
            return;
        }
        let dw = dist[w as usize];
        let preds: Vec<u32> = view
            .undirected_neighbors(w, buf)
            .iter()
            .copied()
            .filter(|&v| dist[v as usize] != u32::MAX && dist[v as usize] + 1 == dw)
            .collect();
        for v in preds {
            stack.push(v);
            walk(view, dist, from, stack, paths, limit, buf);
            stack.pop();
            if paths.len() >= limit {
                return;
            }
        }
    }
    walk(view, &dist, from, &mut stack, &mut paths, limit, &mut buf);
    paths.sort();
    paths
}

/// A node of an ego network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EgoNode {
    pub node: u32,
    /// Hops from the centre.
    pub distance: u32,
    /// A neighbour one hop closer to the centre (the smallest index), for
    /// nodes beyond the first ring.
    pub via: Option<u32>,
}

/// The ego network of `center`: every node within `depth` hops, and the
/// view's edges between them (indices into `view.edges`).
#[derive(Clone, Debug, Default)]
pub struct Ego {
    /// The centre first, then by distance and index.
    pub nodes: Vec<EgoNode>,
    pub edges: Vec<usize>,
}

/// The ego network of a node. O(V + E) at worst; in practice the size of
/// the neighbourhood explored, plus O(E) to collect the induced edges.
pub fn ego(view: &View, center: u32, depth: u32) -> Ego {
    let dist = bfs(view, center, None, depth);
    let mut nodes: Vec<EgoNode> = Vec::new();
    let mut buf = Vec::new();
    for (v, &d) in dist.iter().enumerate() {
        if d == u32::MAX {
            continue;
        }
        let via = (d > 1)
            .then(|| {
                view.undirected_neighbors(v as u32, &mut buf)
                    .iter()
                    .copied()
                    .find(|&u| dist[u as usize] != u32::MAX && dist[u as usize] + 1 == d)
            })
            .flatten();
        nodes.push(EgoNode {
            node: v as u32,
            distance: d,
            via,
        });
    }
    nodes.sort_by_key(|n| (n.distance, n.node));
    let edges = view
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| dist[e.source as usize] != u32::MAX && dist[e.target as usize] != u32::MAX)
        .map(|(i, _)| i)
        .collect();
    Ego { nodes, edges }
}
