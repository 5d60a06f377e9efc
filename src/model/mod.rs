//! The data model: articles, entities, mentions, events, relations and their
//! provenance, plus the [`KnowledgeGraph`] that holds them.

mod cluster;
pub mod date;
pub mod graph;
pub mod ids;
pub mod kinds;
mod merge;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

pub use date::{EventDate, PartialDate};
pub use graph::{Edge, EdgeKind, KnowledgeGraph, NodeKey};
pub use kinds::{DateQualifier, EntityKind, Modality, Polarity, Precision, RelationKind};

/// What is known about an article, from the manifest or the text itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Article id: the file stem unless the manifest says otherwise.
    pub id: String,
    /// The file as given (relative to the manifest or the command line).
    pub file: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<PartialDate>,
    pub lang: Option<String>,
    pub url: Option<String>,
    /// Length of the original text in characters.
    pub chars: usize,
    pub sentences: usize,
}

/// An article to extract from: its metadata and original text.
#[derive(Clone, Debug)]
pub struct Article {
    pub meta: ArticleMeta,
    pub text: String,
}

/// Where a fact comes from: the article, sentence and the character span of
/// the evidence in the ORIGINAL text, with the quote itself.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Provenance {
    pub article: String,
    /// 0-based index of the sentence in the article.
    pub sentence: usize,
    /// Character offsets (not bytes) into the original text, end exclusive.
    pub char_start: usize,
    pub char_end: usize,
    pub quote: String,
}

/// A named thing: from the gazetteer, or discovered in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub label_ar: String,
    pub label_en: Option<String>,
    /// Further labels from the gazetteer: (text, language tag).
    pub alt_labels: Vec<(String, String)>,
    /// Surface forms seen in the articles (original spelling, clitics included).
    pub aliases: BTreeSet<String>,
    pub wikidata: Option<String>,
    /// True when found in the text rather than the gazetteer.
    pub discovered: bool,
}

/// One mention of an event in one sentence: a row of `events.csv`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventMention {
    /// Stable mention id (article, span, action).
    pub id: String,
    /// The merged event this mention belongs to (shared across articles).
    pub event: String,
    /// Action id (`withdraw`, `deploy`, …), from the action lexicon.
    pub action: String,
    pub actor: Option<String>,
    pub place: Option<String>,
    pub target: Option<String>,
    pub date: Option<EventDate>,
    pub polarity: Polarity,
    pub modality: Modality,
    pub attributed_to: Option<String>,
    /// Number of troops the sentence gives for this event, if any.
    pub troops: Option<u64>,
    /// The trigger word as written.
    pub trigger: String,
    /// Whether mentions of the same event disagree on polarity.
    pub disputed: bool,
    pub provenance: Provenance,
}

/// A static fact between two entities.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Relation {
    pub subject: String,
    pub predicate: RelationKind,
    pub object: String,
    /// For `holds-role`: the office (English label when known).
    pub role: Option<String>,
    /// `None` for relations from the gazetteer.
    pub provenance: Option<Provenance>,
}

/// Events merged across mentions: same action, actor, place and compatible dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergedEvent {
    pub id: String,
    pub action: String,
    pub actor: Option<String>,
    pub place: Option<String>,
    pub target: Option<String>,
    /// The most precise resolved date among the mentions.
    pub date: Option<EventDate>,
    /// Mention ids, sorted.
    pub mentions: Vec<String>,
    pub articles: BTreeSet<String>,
    pub disputed: bool,
}

/// What extraction returns for one article.
#[derive(Clone, Debug, Default)]
pub struct ArticleExtraction {
    pub meta: ArticleMeta,
    /// Entities referenced by this article's mentions and relations
    /// (gazetteer entries and discoveries), with the surface forms seen.
    pub entities: Vec<Entity>,
    pub mentions: Vec<EventMention>,
    pub relations: Vec<Relation>,
    /// Non-fatal remarks about the article (e.g. a date that did not parse).
    pub warnings: Vec<String>,
}
