//! Helpers for the extraction-rule tests: text in, event mentions out,
//! through the public API with the built-in lexicon.

use std::sync::OnceLock;

use kg::extract::Extractor;
use kg::lexicon::Lexicon;
use kg::model::{Article, ArticleMeta, EventMention};

/// The extractor with the built-in lexicon, built once.
pub fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new(Lexicon::builtin().expect("the built-in lexicon")))
}

/// The event mentions of `text`, as an article published on 2024-05-10.
pub fn events(text: &str) -> Vec<EventMention> {
    let article = Article {
        meta: ArticleMeta {
            id: "t".into(),
            file: "t.txt".into(),
            published: kg::model::PartialDate::parse("2024-05-10"),
            ..Default::default()
        },
        text: text.to_string(),
    };
    extractor().extract(&article).mentions
}

/// The (actor, place) of every mention of `action`.
pub fn roles(text: &str, action: &str) -> Vec<(String, String)> {
    events(text)
        .into_iter()
        .filter(|m| m.action == action)
        .map(|m| (m.actor.unwrap_or_default(), m.place.unwrap_or_default()))
        .collect()
}

/// Whether `text` has a mention of `action` with this actor and place.
pub fn has(text: &str, action: &str, actor: &str, place: &str) -> bool {
    roles(text, action)
        .iter()
        .any(|(a, p)| a == actor && p == place)
}
