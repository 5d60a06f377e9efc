//! Synthetic knowledge graphs, for tests and for measuring how analysis
//! and exports scale: `n` articles of event mentions over a pool of
//! entities that grows with `n` (a fixed core plus discoveries), with
//! skewed popularity (a few actors and bases take most events), dates of
//! every precision, negations, plans and static relations. Deterministic
//! for a given seed.

use crate::model::graph::GraphBuilder;
use crate::model::ids::hash_id;
use crate::model::{
    ArticleExtraction, ArticleMeta, Entity, EntityKind, EventDate, EventMention, KnowledgeGraph,
    Modality, PartialDate, Polarity, Provenance, Relation, RelationKind,
};

const ACTIONS: &[&str] = &[
    "withdraw",
    "remain",
    "deploy",
    "reposition",
    "handover",
    "end-mission",
    "agree",
    "announce",
    "attack",
    "negotiate",
];

/// xorshift64*: small, fast, reproducible (also used by the bench tool
/// `examples/gen_corpus`). The state must not be zero.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Skewed index in `0..n`: low indices are much more likely.
    fn skewed(&mut self, n: usize) -> usize {
        ((n as f64) * self.unit().powi(3)) as usize % n.max(1)
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

fn entity(kind: EntityKind, i: usize) -> Entity {
    let id = format!("{}-{i}", kind.id());
    Entity {
        id: id.clone(),
        kind,
        label_ar: format!("كيان {i}"),
        label_en: Some(format!("{} {i}", kind.class_name())),
        alt_labels: Vec::new(),
        aliases: Default::default(),
        wikidata: None,
        discovered: i % 2 == 1,
    }
}

/// A knowledge graph of `articles` synthetic articles (about 10 mentions
/// each) over `50 + articles / 5` actors, `20 + articles / 20` bases and
/// `30 + articles / 10` other places.
pub fn synthetic(articles: usize, seed: u64) -> KnowledgeGraph {
    let mut rng = Rng(seed.max(1));
    let actors: Vec<Entity> = (0..50 + articles / 5)
        .map(|i| {
            let kinds = [
                EntityKind::MilitaryForce,
                EntityKind::ArmedGroup,
                EntityKind::Country,
                EntityKind::Person,
                EntityKind::GovernmentBody,
            ];
            entity(kinds[i % kinds.len()], i)
        })
        .collect();
    let bases: Vec<Entity> = (0..20 + articles / 20)
        .map(|i| entity(EntityKind::MilitaryBase, i))
        .collect();
    let places: Vec<Entity> = (0..30 + articles / 10)
        .map(|i| {
            let kinds = [EntityKind::Province, EntityKind::City, EntityKind::Place];
            entity(kinds[i % kinds.len()], i)
        })
        .collect();
    let provinces: Vec<&Entity> = places
        .iter()
        .filter(|p| p.kind == EntityKind::Province)
        .collect();
    let mut b = GraphBuilder::new();
    for a in 0..articles {
        let id = format!("art-{a:07}");
        let published =
            PartialDate::from_days(PartialDate::month(2020, 1).to_days() + rng.below(2200) as i64);
        let mut x = ArticleExtraction {
            meta: ArticleMeta {
                id: id.clone(),
                file: format!("{id}.txt"),
                source: Some(format!("outlet {}", rng.below(40))),
                published: Some(published),
                ..Default::default()
            },
            ..Default::default()
        };
        let n = 5 + rng.below(11);
        for s in 0..n {
            let actor = &actors[rng.skewed(actors.len())];
            let (place, slot) = if rng.chance(0.5) {
                let i = rng.skewed(bases.len());
                (&bases[i], i)
            } else {
                let i = rng.skewed(places.len());
                (&places[i], i)
            };
            let target = rng.chance(0.2).then(|| &actors[rng.skewed(actors.len())]);
            let source = rng.chance(0.2).then(|| &actors[rng.skewed(actors.len())]);
            let day = published.to_days() - rng.below(400) as i64 + 100;
            let d = PartialDate::from_days(day);
            let start = match rng.below(5) {
                0 => Some(PartialDate::year(d.year)),
                1 | 2 => Some(PartialDate::month(d.year, d.month.unwrap_or(1))),
                3 => Some(d),
                _ => None,
            };
            let action = ACTIONS[rng.skewed(ACTIONS.len())];
            let (start_c, end_c) = (s * 40, s * 40 + 30);
            let mention = EventMention {
                id: hash_id("m", &[&id, &s.to_string(), action]),
                event: String::new(),
                action: action.to_string(),
                actor: Some(actor.id.clone()),
                place: Some(place.id.clone()),
                target: target.map(|t| t.id.clone()),
                date: Some(EventDate {
                    start,
                    text: "تاريخ".into(),
                    ..Default::default()
                }),
                polarity: if rng.chance(0.1) {
                    Polarity::Negative
                } else {
                    Polarity::Positive
                },
                modality: match rng.below(20) {
                    0 => Modality::Hypothetical,
                    1..=4 => Modality::Planned,
                    _ => Modality::Asserted,
                },
                attributed_to: source.map(|t| t.id.clone()),
                troops: None,
                trigger: "انسحاب".into(),
                disputed: false,
                provenance: Provenance {
                    article: id.clone(),
                    sentence: s,
                    char_start: start_c,
                    char_end: end_c,
                    quote: format!("جملة {s}"),
                },
            };
            for e in [Some(actor), Some(place), target, source]
                .into_iter()
                .flatten()
            {
                x.entities.push(e.clone());
            }
            if place.kind == EntityKind::MilitaryBase && !provinces.is_empty() {
                let p = provinces[slot % provinces.len()];
                x.entities.push(p.clone());
                x.relations.push(Relation {
                    subject: place.id.clone(),
                    predicate: RelationKind::LocatedIn,
                    object: p.id.clone(),
                    role: None,
                    provenance: None,
                });
            }
            x.mentions.push(mention);
        }
        x.meta.sentences = n;
        x.meta.chars = n * 40;
        b.add(x);
    }
    b.finish()
}
