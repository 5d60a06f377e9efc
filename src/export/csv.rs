//! The CSV contract: `entities.csv`, `events.csv`, `relations.csv` (headers
//! as documented in the README; further columns are appended at the end)
//! and `articles.csv`. UTF-8, RFC 4180 quoting, one row per item, sorted.

use std::io::Write;

use crate::model::{KnowledgeGraph, Precision};

pub const ENTITIES_HEADER: &[&str] = &[
    "id",
    "type",
    "label_en",
    "label_ar",
    "aliases",
    "wikidata",
    "discovered",
];
pub const EVENTS_HEADER: &[&str] = &[
    "id",
    "event",
    "article",
    "sentence",
    "action",
    "actor",
    "place",
    "target",
    "date",
    "date_end",
    "date_precision",
    "polarity",
    "modality",
    "attributed_to",
    "char_start",
    "char_end",
    "quote",
    "trigger",
    "troops",
    "disputed",
    "date_qualifier",
    "date_text",
];
pub const RELATIONS_HEADER: &[&str] = &[
    "subject",
    "predicate",
    "object",
    "article",
    "sentence",
    "role",
    "char_start",
    "char_end",
    "quote",
];
pub const ARTICLES_HEADER: &[&str] = &[
    "id",
    "file",
    "title",
    "source",
    "published",
    "lang",
    "url",
    "chars",
    "sentences",
    "events",
];

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

pub fn write_entities(kg: &KnowledgeGraph, w: &mut dyn Write) -> csv::Result<()> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record(ENTITIES_HEADER)?;
    for e in kg.entities.values() {
        let aliases = e
            .aliases
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("|");
        c.write_record([
            e.id.as_str(),
            e.kind.id(),
            opt(&e.label_en),
            &e.label_ar,
            &aliases,
            opt(&e.wikidata),
            if e.discovered { "true" } else { "false" },
        ])?;
    }
    c.flush()?;
    Ok(())
}

pub fn write_events(kg: &KnowledgeGraph, w: &mut dyn Write) -> csv::Result<()> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record(EVENTS_HEADER)?;
    for m in &kg.mentions {
        let p = &m.provenance;
        let (date, date_end, precision, qualifier, text) = match &m.date {
            Some(d) => (
                d.start.map(|x| x.to_string()).unwrap_or_default(),
                d.end.map(|x| x.to_string()).unwrap_or_default(),
                d.precision().id().to_string(),
                d.qualifier.map(|q| q.id().to_string()).unwrap_or_default(),
                d.text.clone(),
            ),
            None => Default::default(),
        };
        debug_assert!(
            m.date
                .as_ref()
                .is_none_or(|d| d.start.is_some() || d.precision() == Precision::Unresolved)
        );
        c.write_record([
            m.id.as_str(),
            &m.event,
            &p.article,
            &p.sentence.to_string(),
            &m.action,
            opt(&m.actor),
            opt(&m.place),
            opt(&m.target),
            &date,
            &date_end,
            &precision,
            m.polarity.id(),
            m.modality.id(),
            opt(&m.attributed_to),
            &p.char_start.to_string(),
            &p.char_end.to_string(),
            &p.quote,
            &m.trigger,
            &m.troops.map(|t| t.to_string()).unwrap_or_default(),
            if m.disputed { "true" } else { "false" },
            &qualifier,
            &text,
        ])?;
    }
    c.flush()?;
    Ok(())
}

pub fn write_relations(kg: &KnowledgeGraph, w: &mut dyn Write) -> csv::Result<()> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record(RELATIONS_HEADER)?;
    for r in &kg.relations {
        let (article, sentence, cs, ce, quote) = match &r.provenance {
            Some(p) => (
                p.article.clone(),
                p.sentence.to_string(),
                p.char_start.to_string(),
                p.char_end.to_string(),
                p.quote.clone(),
            ),
            None => Default::default(),
        };
        c.write_record([
            r.subject.as_str(),
            r.predicate.id(),
            &r.object,
            &article,
            &sentence,
            opt(&r.role),
            &cs,
            &ce,
            &quote,
        ])?;
    }
    c.flush()?;
    Ok(())
}

pub fn write_articles(kg: &KnowledgeGraph, w: &mut dyn Write) -> csv::Result<()> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record(ARTICLES_HEADER)?;
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for m in &kg.mentions {
        *counts.entry(m.provenance.article.as_str()).or_default() += 1;
    }
    for a in &kg.articles {
        c.write_record([
            a.id.as_str(),
            &a.file,
            opt(&a.title),
            opt(&a.source),
            &a.published.map(|d| d.to_string()).unwrap_or_default(),
            opt(&a.lang),
            opt(&a.url),
            &a.chars.to_string(),
            &a.sentences.to_string(),
            &counts.get(a.id.as_str()).copied().unwrap_or(0).to_string(),
        ])?;
    }
    c.flush()?;
    Ok(())
}
