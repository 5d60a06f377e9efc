//! Tests of the analysis module: the algorithms against references
//! (rustworkx-core for betweenness and closeness, a dense power iteration
//! for PageRank) and small graphs whose answers are known.
#![allow(clippy::needless_range_loop)]

use petgraph::graph::{DiGraph, UnGraph};

use super::centrality::{BetweennessOptions, PageRankOptions, betweenness, degrees, pagerank};
use super::components::{components, density, label_propagation};
use super::paths::{ego, shortest_paths};
use super::resolve::EntityIndex;
use super::synthetic::synthetic;
use super::timeline::{BaseStatus, DateBasis, Stance, timeline};
use super::view::{View, ViewKind};
use crate::model::graph::GraphBuilder;
use crate::model::{
    ArticleExtraction, ArticleMeta, Entity, EntityKind, EventDate, EventMention, Modality,
    PartialDate, Polarity, Provenance, Relation, RelationKind,
};

fn ent(id: &str, kind: EntityKind, ar: &str, en: &str) -> Entity {
    Entity {
        id: id.into(),
        kind,
        label_ar: ar.into(),
        label_en: Some(en.into()),
        alt_labels: Vec::new(),
        aliases: Default::default(),
        wikidata: None,
        discovered: false,
    }
}

#[allow(clippy::too_many_arguments)]
fn mention(
    article: &str,
    n: usize,
    action: &str,
    actor: Option<&str>,
    place: Option<&str>,
    date: Option<PartialDate>,
    polarity: Polarity,
    modality: Modality,
) -> EventMention {
    EventMention {
        id: format!("m-{article}-{n}"),
        event: String::new(),
        action: action.into(),
        actor: actor.map(Into::into),
        place: place.map(Into::into),
        target: None,
        date: date.map(|d| EventDate {
            start: Some(d),
            ..Default::default()
        }),
        polarity,
        modality,
        attributed_to: None,
        troops: None,
        trigger: "x".into(),
        disputed: false,
        provenance: Provenance {
            article: article.into(),
            sentence: n,
            char_start: n * 10,
            char_end: n * 10 + 5,
            quote: "q".into(),
        },
    }
}

/// Two triangles {a,b,c} and {d,e,f} joined by the edge c–d, plus an
/// isolated entity g; the base `c` is located in the province `p`.
fn small() -> crate::model::KnowledgeGraph {
    use Modality::*;
    use Polarity::*;
    let mut b = GraphBuilder::new();
    let es = vec![
        ent("a", EntityKind::MilitaryForce, "أ", "A"),
        ent("b", EntityKind::MilitaryForce, "ب", "B"),
        ent(
            "c",
            EntityKind::MilitaryBase,
            "قاعدة عين الأسد",
            "Ain al-Asad Air Base",
        ),
        ent("d", EntityKind::Country, "د", "D"),
        ent("e", EntityKind::Country, "هـ", "E"),
        ent("f", EntityKind::City, "و", "F"),
        ent("g", EntityKind::Person, "ز", "G"),
        ent("p", EntityKind::Province, "الأنبار", "Anbar"),
    ];
    let pairs = [
        ("a", "b"),
        ("b", "c"),
        ("a", "c"),
        ("c", "d"),
        ("d", "e"),
        ("e", "f"),
        ("d", "f"),
    ];
    let mut ms: Vec<EventMention> = pairs
        .iter()
        .enumerate()
        .map(|(i, (x, y))| {
            mention(
                "art1",
                i,
                "attack",
                Some(x),
                Some(y),
                None,
                Positive,
                Asserted,
            )
        })
        .collect();
    let d = |y, m| Some(PartialDate::month(y, m));
    ms.push(mention(
        "art2",
        0,
        "withdraw",
        Some("a"),
        Some("c"),
        d(2025, 9),
        Positive,
        Planned,
    ));
    ms.push(mention(
        "art3",
        0,
        "withdraw",
        Some("a"),
        Some("c"),
        PartialDate::day(2025, 9, 7),
        Positive,
        Asserted,
    ));
    ms.push(mention(
        "art3",
        1,
        "withdraw",
        Some("b"),
        Some("c"),
        None,
        Negative,
        Asserted,
    ));
    ms.push(mention(
        "art3",
        2,
        "deploy",
        Some("b"),
        Some("c"),
        d(2019, 1),
        Positive,
        Hypothetical,
    ));
    ms.push(mention(
        "art2",
        1,
        "remain",
        Some("a"),
        Some("c"),
        None,
        Positive,
        Asserted,
    ));
    ms.push(mention(
        "art3",
        3,
        "remain",
        Some("a"),
        Some("c"),
        d(2025, 10),
        Positive,
        Asserted,
    ));
    let arts = [
        ("art1", None),
        ("art2", PartialDate::day(2024, 9, 27)),
        ("art3", PartialDate::day(2025, 9, 7)),
    ];
    for (i, (id, published)) in arts.iter().enumerate() {
        b.add(ArticleExtraction {
            meta: ArticleMeta {
                id: id.to_string(),
                published: *published,
                ..Default::default()
            },
            entities: if i == 0 { es.clone() } else { Vec::new() },
            mentions: ms
                .iter()
                .filter(|m| m.provenance.article == *id)
                .cloned()
                .collect(),
            relations: if i == 0 {
                vec![Relation {
                    subject: "c".into(),
                    predicate: RelationKind::LocatedIn,
                    object: "p".into(),
                    role: None,
                    provenance: None,
                }]
            } else {
                Vec::new()
            },
            warnings: Vec::new(),
        });
    }
    b.finish()
}

fn undirected_petgraph(view: &View) -> UnGraph<(), ()> {
    let mut g = UnGraph::with_capacity(view.len(), view.edges.len());
    for _ in 0..view.len() {
        g.add_node(());
    }
    for v in 0..view.len() as u32 {
        for &w in view.out.neighbors(v) {
            if v < w {
                g.add_edge(v.into(), w.into(), ());
            }
        }
    }
    g
}

fn directed_petgraph(view: &View) -> DiGraph<(), ()> {
    let mut g = DiGraph::with_capacity(view.len(), view.edges.len());
    for _ in 0..view.len() {
        g.add_node(());
    }
    for v in 0..view.len() as u32 {
        for &w in view.out.neighbors(v) {
            g.add_edge(v.into(), w.into(), ());
        }
    }
    g
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn betweenness_and_closeness_match_rustworkx() {
    let kg = synthetic(300, 7);
    let proj = View::new(&kg, ViewKind::Entities);
    let ours = betweenness(&proj, &BetweennessOptions { max_sources: 0 });
    assert!(ours.exact);
    let g = undirected_petgraph(&proj);
    let theirs = rustworkx_core::centrality::betweenness_centrality(&g, false, true, usize::MAX);
    let theirs_c = rustworkx_core::centrality::closeness_centrality(&g, true, usize::MAX);
    let closeness = ours.closeness.as_ref().expect("closeness of an exact run");
    for v in 0..proj.len() {
        assert!(
            close(ours.scores[v], theirs[v].unwrap()),
            "betweenness of {v}"
        );
        assert!(
            close(closeness[v], theirs_c[v].unwrap()),
            "closeness of {v}"
        );
    }
    let full = View::new(&kg, ViewKind::Full);
    let ours = betweenness(&full, &BetweennessOptions { max_sources: 0 });
    let theirs = rustworkx_core::centrality::betweenness_centrality(
        &directed_petgraph(&full),
        false,
        true,
        usize::MAX,
    );
    assert!(ours.closeness.is_none());
    for v in 0..full.len() {
        assert!(
            close(ours.scores[v], theirs[v].unwrap()),
            "directed betweenness of {v}"
        );
    }
}

#[test]
fn sampled_betweenness_is_deterministic_and_close() {
    let kg = synthetic(400, 11);
    let proj = View::new(&kg, ViewKind::Entities);
    let exact = betweenness(&proj, &BetweennessOptions { max_sources: 0 });
    let k = proj.len() / 2;
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| betweenness(&proj, &BetweennessOptions { max_sources: k }))
    };
    let (one, two) = (run(1), run(2));
    assert!(!one.exact && one.sources == k);
    assert_eq!(one.scores, two.scores, "same bits for any thread count");
    // The estimate finds the same most central node, within 25 %.
    let argmax = |s: &[f64]| (0..s.len()).max_by(|&a, &b| s[a].total_cmp(&s[b])).unwrap();
    let top = argmax(&exact.scores);
    assert_eq!(argmax(&one.scores), top);
    assert!((one.scores[top] - exact.scores[top]).abs() < 0.25 * exact.scores[top]);
}

#[test]
fn pagerank_matches_a_dense_power_iteration() {
    let kg = synthetic(40, 3);
    for kind in ViewKind::ALL {
        let view = View::new(&kg, *kind);
        let n = view.len();
        let ours = pagerank(&view, &PageRankOptions::default());
        assert!(ours.converged);
        assert!(close(ours.scores.iter().sum::<f64>(), 1.0));
        // Dense reference: x' = d (x M + dangling/n) + (1-d)/n.
        let mut m = vec![vec![0.0; n]; n];
        for v in 0..n as u32 {
            let s: f64 = view.out.weights(v).iter().sum();
            for (&w, &wt) in view.out.neighbors(v).iter().zip(view.out.weights(v)) {
                m[v as usize][w as usize] = wt / s;
            }
        }
        let mut x = vec![1.0 / n as f64; n];
        for _ in 0..500 {
            let dangling: f64 = (0..n)
                .filter(|&v| m[v].iter().all(|&a| a == 0.0))
                .map(|v| x[v])
                .sum();
            let mut y = vec![0.15 / n as f64 + 0.85 * dangling / n as f64; n];
            for v in 0..n {
                for w in 0..n {
                    y[w] += 0.85 * x[v] * m[v][w];
                }
            }
            x = y;
        }
        for v in 0..n {
            assert!(
                (ours.scores[v] - x[v]).abs() < 1e-9,
                "{kind} node {v}: {} vs {}",
                ours.scores[v],
                x[v]
            );
        }
    }
}

#[test]
fn projection_components_density_and_communities() {
    let kg = small();
    let proj = View::new(&kg, ViewKind::Entities);
    assert_eq!(proj.len(), 8);
    // 7 attack pairs (a–c also joined by withdraw events) + c–p located-in.
    assert_eq!(proj.edges.len(), 8);
    let (a, c) = (proj.entity("a").unwrap(), proj.entity("c").unwrap());
    let ac = proj.edge_between(c, a).unwrap();
    // attack, the withdrawal (planned and asserted mentions merge), remain.
    assert_eq!(ac.weight, 3.0);
    let comps = components(&proj);
    assert_eq!(comps.sizes, vec![7, 1]);
    assert!(close(density(&proj), 2.0 * 8.0 / 56.0));
    let comms = label_propagation(&proj, 100);
    let of = |id: &str| comms.of[proj.entity(id).unwrap() as usize];
    assert_eq!(of("a"), of("b"));
    assert_eq!(of("d"), of("e"));
    assert_ne!(of("a"), of("e"));
    assert_ne!(of("g"), of("a"));
    let deg = degrees(&proj);
    assert_eq!(deg.total(c as usize), 4);
    let full = View::new(&kg, ViewKind::Full);
    let fdeg = degrees(&full);
    let fc = full.entity("c").unwrap() as usize;
    assert_eq!(fdeg.out[fc], 1, "c located-in p");
    assert!(fdeg.inn[fc] >= 4);
}

#[test]
fn shortest_paths_and_ego_networks() {
    let kg = small();
    let proj = View::new(&kg, ViewKind::Entities);
    let id = |s: &str| proj.entity(s).unwrap();
    let paths = shortest_paths(&proj, id("a"), id("f"), 10);
    assert_eq!(paths, vec![vec![id("a"), id("c"), id("d"), id("f")]]);
    assert!(shortest_paths(&proj, id("a"), id("g"), 10).is_empty());
    let paths = shortest_paths(&proj, id("b"), id("e"), 10);
    assert_eq!(paths.len(), 1);
    let paths = shortest_paths(&proj, id("p"), id("e"), 1);
    assert_eq!(paths, vec![vec![id("p"), id("c"), id("d"), id("e")]]);
    let eg = ego(&proj, id("c"), 1);
    let ring: Vec<u32> = eg.nodes.iter().map(|n| n.node).collect();
    assert_eq!(ring, vec![id("c"), id("a"), id("b"), id("d"), id("p")]);
    let eg2 = ego(&proj, id("a"), 2);
    let d = eg2.nodes.iter().find(|n| n.node == id("d")).unwrap();
    assert_eq!((d.distance, d.via), (2, Some(id("c"))));
    assert!(eg2.edges.iter().all(|&e| {
        let e = &proj.edges[e];
        eg2.nodes.iter().any(|n| n.node == e.source) && eg2.nodes.iter().any(|n| n.node == e.target)
    }));
}

#[test]
fn names_resolve_after_normalization_with_suggestions() {
    let kg = small();
    let idx = EntityIndex::new(&kg);
    for name in ["الأنبار", "انبار", "Anbar", "al-anbar", "p"] {
        assert_eq!(idx.resolve(name).unwrap().id, "p", "{name}");
    }
    assert_eq!(idx.resolve("ain al-asad air base").unwrap().id, "c");
    let err = idx.resolve("Anbr").unwrap_err().to_string();
    assert!(
        err.contains("no entity named «Anbr»") && err.contains("did you mean p"),
        "{err}"
    );
    let err = idx.resolve("عين الاسد").unwrap_err().to_string();
    assert!(err.contains("did you mean c"), "{err}");
}

#[test]
fn base_timeline_orders_and_derives_status() {
    let kg = small();
    let lex = crate::lexicon::Lexicon::builtin().unwrap();
    let tl = timeline(&kg, &lex, Some("c"));
    // Every mention involving the base, dated first, oldest first.
    assert_eq!(tl.entries.len(), 9);
    let dates: Vec<String> = tl
        .entries
        .iter()
        .map(|e| e.when.date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(
        &dates[..7],
        &[
            "2019-01",
            "2025-09",
            "2025-09-07",
            "2025-09-07",
            "2025-10",
            "2025-10",
            ""
        ]
    );
    let basis: Vec<DateBasis> = tl.entries.iter().map(|e| e.when.basis).collect();
    use DateBasis::*;
    assert_eq!(
        &basis[..7],
        &[Stated, Stated, Stated, Reported, Merged, Stated, Undated]
    );
    assert_eq!(tl.bases.len(), 1);
    let h = &tl.bases[0];
    let seen: Vec<(BaseStatus, Stance, String)> = h
        .changes
        .iter()
        .map(|c| (c.status, c.stance, c.when.date.unwrap().to_string()))
        .collect();
    use BaseStatus::*;
    use Stance::*;
    assert_eq!(
        seen,
        vec![
            (Withdrawn, Planned, "2024-09-27".into()),
            (Withdrawn, Asserted, "2025-09-07".into()),
            (Withdrawn, Denied, "2025-09-07".into()),
            (Present, Asserted, "2025-10".into()),
            (Present, Asserted, "2025-10".into()),
        ]
    );
    assert_eq!(h.current, Some(4));
    assert!(h.pending.is_none());
    assert_eq!(Withdrawn.describe(Planned), "planned withdrawal");
    assert_eq!(Withdrawn.describe(Denied), "withdrawal denied");
    // The province's timeline has the events at the base inside it (not the
    // attack by the base's forces elsewhere).
    assert_eq!(timeline(&kg, &lex, Some("p")).entries.len(), 8);
}
