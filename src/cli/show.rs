//! Output helpers of the graph commands (`kg analyze`, `kg path`, `kg
//! neighbors`, `kg timeline`): formats, plain-text tables, entity names,
//! and descriptions of events with their sources.

use std::fmt::Write as _;

use clap::ValueEnum;
use serde_json::{Value, json};

use kg::model::{KnowledgeGraph, MergedEvent, Modality, Polarity};

/// `--format table|json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned plain text
    Table,
    /// JSON
    Json,
}

/// How an entity is shown in text: its English label when known, else the
/// Arabic one.
pub fn name(kg: &KnowledgeGraph, id: &str) -> String {
    match kg.entities.get(id) {
        Some(e) => e.label_en.clone().unwrap_or_else(|| e.label_ar.clone()),
        None => id.to_string(),
    }
}

/// Both labels and the id: `عين الأسد · Ain al-Asad Air Base [ain-al-asad]`.
pub fn full_name(kg: &KnowledgeGraph, id: &str) -> String {
    match kg.entities.get(id) {
        Some(e) => match &e.label_en {
            Some(en) => format!("{} · {en} [{id}]", e.label_ar),
            None => format!("{} [{id}]", e.label_ar),
        },
        None => id.to_string(),
    }
}

/// Entity fields for JSON.
pub fn entity_json(kg: &KnowledgeGraph, id: &str) -> Value {
    match kg.entities.get(id) {
        Some(e) => {
            json!({"id": id, "type": e.kind.id(), "label_ar": e.label_ar, "label_en": e.label_en})
        }
        None => json!({"id": id}),
    }
}

/// Aligns columns (by characters), two spaces apart; the last column is
/// not padded.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let cols = headers.len();
    let mut width: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(cols) {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut l = String::new();
        for (i, c) in cells.enumerate() {
            if i + 1 < cols {
                let _ = write!(l, "{c}{}  ", " ".repeat(width[i] - c.chars().count()));
            } else {
                l.push_str(c);
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&mut headers.iter().copied());
    for r in rows {
        line(&mut r.iter().map(String::as_str));
    }
    out
}

/// Shortens a text to `max` characters with an ellipsis.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(max.saturating_sub(1)).collect();
        c.push('…');
        c
    }
}

/// Polarity and modality of a merged event from its mentions: denied when
/// every mention denies it; the strongest modality.
pub fn event_marks(kg: &KnowledgeGraph, ev: &MergedEvent) -> Vec<&'static str> {
    let (mut pos, mut neg, mut asserted, mut planned) = (false, false, false, false);
    for m in kg.mentions_of(&ev.id) {
        pos |= m.polarity == Polarity::Positive;
        neg |= m.polarity == Polarity::Negative;
        asserted |= m.modality == Modality::Asserted;
        planned |= m.modality == Modality::Planned;
    }
    let mut marks = Vec::new();
    if neg && !pos {
        marks.push("denied");
    }
    if !asserted {
        marks.push(if planned { "planned" } else { "hypothetical" });
    }
    if ev.disputed {
        marks.push("disputed");
    }
    marks
}

/// One line about a merged event: action, roles, date, marks.
pub fn event_line(kg: &KnowledgeGraph, ev: &MergedEvent) -> String {
    let mut s = ev.action.clone();
    let roles: Vec<String> = [&ev.actor, &ev.place]
        .into_iter()
        .map(|x| {
            x.as_deref()
                .map(|id| name(kg, id))
                .unwrap_or_else(|| "?".into())
        })
        .collect();
    let _ = write!(s, ": {} → {}", roles[0], roles[1]);
    if let Some(t) = &ev.target {
        let _ = write!(s, " (target {})", name(kg, t));
    }
    if let Some(d) = ev.date.as_ref().and_then(|d| d.start) {
        let q = ev
            .date
            .as_ref()
            .and_then(|d| d.qualifier)
            .map(|q| format!(", {q}"))
            .unwrap_or_default();
        let _ = write!(s, ", {d} ({}{q})", d.precision());
    }
    let marks = event_marks(kg, ev);
    if !marks.is_empty() {
        let _ = write!(s, " [{}]", marks.join(", "));
    }
    s
}

/// The articles reporting an event, with their outlets.
pub fn sources_line(kg: &KnowledgeGraph, ev: &MergedEvent) -> String {
    ev.articles
        .iter()
        .map(|a| match kg.article(a).and_then(|m| m.source.as_deref()) {
            Some(src) => format!("{a} ({src})"),
            None => a.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A merged event for JSON, with its sources.
pub fn event_json(kg: &KnowledgeGraph, ev: &MergedEvent) -> Value {
    let date = ev.date.as_ref().and_then(|d| d.start);
    json!({
        "id": ev.id,
        "action": ev.action,
        "actor": ev.actor,
        "place": ev.place,
        "target": ev.target,
        "date": date.map(|d| d.to_string()),
        "precision": date.map(|d| d.precision().id()),
        "qualifier": ev.date.as_ref().and_then(|d| d.qualifier).map(|q| q.id()),
        "marks": event_marks(kg, ev),
        "sources": ev.articles.iter().map(|a| json!({
            "article": a,
            "outlet": kg.article(a).and_then(|m| m.source.clone()),
            "quotes": kg.mentions_of(&ev.id).filter(|m| &m.provenance.article == a).map(|m| m.provenance.quote.clone()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
