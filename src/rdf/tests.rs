//! Unit tests of the RDF mapping on a small hand-made graph that exercises
//! every kind of fact kg writes (intervals, targets, troops, attributions,
//! denials, disputes, roles, relations stated by the text …).

use std::collections::BTreeSet;
use std::io::Write;

use oxigraph::model::Quad;

use super::pieces::{RdfWriters, SIZES, Sizes, pieces_apply, write_sized};
use super::*;
use crate::lexicon::{BUILTIN_ONTOLOGY, Lexicon};
use crate::model::graph::GraphBuilder;
use crate::model::*;

fn entity(id: &str, kind: EntityKind, ar: &str, en: Option<&str>) -> Entity {
    Entity {
        id: id.into(),
        kind,
        label_ar: ar.into(),
        label_en: en.map(str::to_string),
        alt_labels: vec![("قاعدة عين الأسد".into(), "ar".into())],
        aliases: ["وعين الأسد".to_string(), "قاعدة عين الأسد".to_string()].into(),
        wikidata: (id == "coalition").then(|| "Q18786296".to_string()),
        discovered: id == "new-person",
    }
}

fn provenance(article: &str, start: usize, quote: &str) -> Provenance {
    Provenance {
        article: article.into(),
        sentence: 2,
        char_start: start,
        char_end: start + quote.chars().count(),
        quote: quote.into(),
    }
}

fn mention(id: &str, article: &str, polarity: Polarity, date: EventDate) -> EventMention {
    EventMention {
        id: id.into(),
        event: String::new(),
        action: "withdraw".into(),
        actor: Some("coalition".into()),
        place: Some("ain-al-asad".into()),
        target: Some("iraq".into()),
        date: Some(date),
        polarity,
        modality: if polarity == Polarity::Negative {
            Modality::Hypothetical
        } else {
            Modality::Planned
        },
        attributed_to: Some("reuters".into()),
        troops: Some(2500),
        trigger: "انسحاب".into(),
        disputed: false,
        provenance: provenance(article, 10, "انسحاب التحالف من عين الأسد"),
    }
}

/// A graph with one of everything the mapping can write.
pub(crate) fn fixture() -> KnowledgeGraph {
    let mut b = GraphBuilder::new();
    let interval = EventDate {
        start: PartialDate::day(2025, 9, 1),
        end: Some(PartialDate::month(2026, 9)),
        qualifier: Some(DateQualifier::Until),
        text: "من أيلول 2025 حتى أيلول 2026".into(),
    };
    let month = EventDate {
        start: Some(PartialDate::month(2025, 9)),
        end: None,
        qualifier: Some(DateQualifier::By),
        text: "بحلول سبتمبر 2025".into(),
    };
    let unresolved = EventDate {
        text: "الشهر المقبل".into(),
        ..Default::default()
    };
    let mut m3 = mention("m-3", "a2", Polarity::Positive, unresolved);
    m3.actor = None;
    m3.place = None;
    m3.target = None;
    m3.attributed_to = None;
    m3.troops = None;
    b.add(ArticleExtraction {
        meta: ArticleMeta {
            id: "a1".into(),
            file: "a1.txt".into(),
            title: Some("انسحاب".into()),
            source: Some("رويترز".into()),
            published: PartialDate::day(2025, 9, 7),
            lang: Some("ar".into()),
            url: Some("https://example.org/a1".into()),
            chars: 100,
            sentences: 3,
        },
        entities: vec![
            entity(
                "coalition",
                EntityKind::Alliance,
                "التحالف",
                Some("Coalition"),
            ),
            entity("ain-al-asad", EntityKind::MilitaryBase, "عين الأسد", None),
            entity("iraq", EntityKind::Country, "العراق", Some("Iraq")),
            entity("reuters", EntityKind::NewsOutlet, "رويترز", Some("Reuters")),
            entity("new-person", EntityKind::Person, "فلان", None),
        ],
        mentions: vec![
            mention("m-1", "a1", Polarity::Positive, interval),
            mention("m-2", "a1", Polarity::Negative, month),
        ],
        relations: vec![
            Relation {
                subject: "ain-al-asad".into(),
                predicate: RelationKind::LocatedIn,
                object: "iraq".into(),
                role: None,
                provenance: None,
            },
            Relation {
                subject: "new-person".into(),
                predicate: RelationKind::HoldsRole,
                object: "iraq".into(),
                role: Some("minister of defence".into()),
                provenance: Some(provenance("a1", 40, "وزير الدفاع فلان")),
            },
            Relation {
                subject: "new-person".into(),
                predicate: RelationKind::HoldsRole,
                object: "iraq".into(),
                role: Some("minister of defence".into()),
                provenance: None,
            },
        ],
        warnings: vec![],
    });
    b.add(ArticleExtraction {
        meta: ArticleMeta {
            id: "a2".into(),
            file: "a2.txt".into(),
            ..Default::default()
        },
        mentions: vec![m3],
        ..Default::default()
    });
    b.finish()
}

pub(crate) fn fixture_quads() -> Vec<Quad> {
    let lex = Lexicon::builtin().expect("built-in lexicon");
    let iris = Iris::new(DEFAULT_BASE).unwrap();
    let ontology = parse_ontology(BUILTIN_ONTOLOGY.1).unwrap();
    to_quads(&fixture(), &lex, &iris, &ontology)
}

fn ontology_quads(quads: &[Quad]) -> Vec<Quad> {
    quads
        .iter()
        .filter(|q| q.graph_name.to_string().ends_with("graph/ontology>"))
        .cloned()
        .collect()
}

#[test]
fn every_term_of_every_kind_of_fact_is_declared_and_labelled() {
    let quads = fixture_quads();
    let ontology = ontology_quads(&quads);
    let problems = terms::check_terms(&quads, &ontology);
    assert!(
        problems.is_empty(),
        "{}",
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The fixture does exercise the rarer branches.
    let predicates: BTreeSet<&str> = quads.iter().map(|q| q.predicate.as_str()).collect();
    for p in [
        "http://semanticweb.cs.vu.nl/2009/11/sem/hasBeginTimeStamp",
        "http://www.w3.org/2006/time#hasEnd",
        "http://www.w3.org/ns/prov#hadPrimarySource",
        "https://kg.example/ontology#troops",
        "https://kg.example/ontology#position",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject",
    ] {
        assert!(predicates.contains(p), "{p} not exercised");
    }
}

#[test]
fn dates_keep_their_precision_and_disputes_are_marked() {
    let quads = fixture_quads();
    let has = |p: &str, o: &str| {
        quads
            .iter()
            .any(|q| q.predicate.as_str().ends_with(p) && q.object.to_string() == o)
    };
    assert!(has(
        "#inXSDgYearMonth",
        "\"2025-09\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"
    ));
    assert!(has(
        "#inXSDDate",
        "\"2025-09-01\"^^<http://www.w3.org/2001/XMLSchema#date>"
    ));
    assert!(has("#polarity", "<https://kg.example/ontology#Negative>"));
    assert!(has(
        "#modality",
        "<https://kg.example/ontology#Hypothetical>"
    ));
    assert!(has(
        "#disputed",
        "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"
    ));
    // An unresolved date keeps its text and gets no time.
    let m3: Vec<&Quad> = quads
        .iter()
        .filter(|q| q.subject.to_string() == "<https://kg.example/id/mention/m-3>")
        .collect();
    assert!(
        m3.iter()
            .any(|q| q.predicate.as_str().ends_with("#dateText"))
    );
    assert!(
        !m3.iter()
            .any(|q| q.predicate.as_str().ends_with("/hasTime"))
    );
}

#[test]
fn skos_labels_stay_disjoint_and_no_triple_terms() {
    let quads = fixture_quads();
    let labels = |p: &str| -> BTreeSet<String> {
        quads
            .iter()
            .filter(|q| {
                q.subject.to_string().ends_with("entity/ain-al-asad>")
                    && q.predicate.as_str().ends_with(p)
            })
            .map(|q| q.object.to_string())
            .collect()
    };
    let hidden = labels("#hiddenLabel");
    assert!(hidden.contains("\"وعين الأسد\"@ar"));
    assert!(hidden.is_disjoint(&labels("#altLabel")));
    assert!(hidden.is_disjoint(&labels("#prefLabel")));
    for q in &quads {
        assert!(
            !q.object.to_string().starts_with("<<"),
            "triple term in {q}"
        );
    }
}

// Pieces (`super::pieces`) against the serial writers.

/// The three files as the serial writers make them, and in pieces.
fn both(graph: &KnowledgeGraph, lex: &Lexicon, sizes: Sizes, threads: usize) {
    let iris = Iris::new(DEFAULT_BASE).unwrap();
    let ontology = parse_ontology(BUILTIN_ONTOLOGY.1).unwrap();
    let (mut t, mut n, mut j) = (Vec::new(), Vec::new(), Vec::new());
    let outputs: Vec<(RdfKind, &mut (dyn Write + Send))> = vec![
        (RdfKind::Turtle, &mut t),
        (RdfKind::NQuads, &mut n),
        (RdfKind::JsonLd, &mut j),
    ];
    let counts = write_rdf_many(outputs, &iris, false, &mut |sink| {
        for_each_quad(graph, lex, &iris, &ontology, sink)
    })
    .unwrap();
    let (mut pt, mut pn, mut pj) = (Vec::new(), Vec::new(), Vec::new());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let w = RdfWriters {
        turtle: &mut pt,
        nquads: &mut pn,
        jsonld: &mut pj,
    };
    let pcounts = pool
        .install(|| write_sized(graph, lex, &iris, &ontology, w, sizes))
        .unwrap();
    assert!(pieces_apply(graph));
    assert_eq!((counts[0], counts[1]), pcounts);
    assert_eq!(
        String::from_utf8(t).unwrap(),
        String::from_utf8(pt).unwrap()
    );
    assert_eq!(
        String::from_utf8(n).unwrap(),
        String::from_utf8(pn).unwrap()
    );
    assert_eq!(
        String::from_utf8(j).unwrap(),
        String::from_utf8(pj).unwrap()
    );
}

#[test]
fn pieces_make_the_serial_bytes() {
    let lex = Lexicon::builtin().unwrap();
    let seeds = {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let opts = crate::pipeline::BuildOptions {
            inputs: vec![root.join("seeds"), root.join("tests/dev/articles")],
            jobs: Some(2),
            ..Default::default()
        };
        let extractor = crate::extract::Extractor::new(lex.clone());
        crate::pipeline::build(&extractor, &opts, &|_, _| {})
            .unwrap()
            .graph
    };
    let graphs = [fixture(), seeds];
    for graph in &graphs {
        for (sizes, threads) in [
            (SIZES, 2),
            (
                Sizes {
                    entities: 1,
                    events: 1,
                    articles: 1,
                    window: 2,
                },
                2,
            ),
            (
                Sizes {
                    entities: 3,
                    events: 2,
                    articles: 2,
                    window: 5,
                },
                1,
            ),
        ] {
            both(graph, &lex, sizes, threads);
        }
    }
}
