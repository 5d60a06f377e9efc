//! `kg timeline [--entity X] [--format table|csv|json]`: event mentions
//! oldest first, each with its source article, and the status of each base
//! over time (see `kg::analysis::timeline`).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::common::load_lexicon;
use super::show::{clip, full_name, name, table};
use super::{LexiconArgs, Outcome};
use kg::analysis::resolve::EntityIndex;
use kg::analysis::timeline::{BaseHistory, DateBasis, Entry, StatusChange, When, timeline};
use kg::model::{KnowledgeGraph, Modality, Polarity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// Aligned plain text, with each base's status history
    Table,
    /// One row per event mention (the base status it implies in `base_status`)
    Csv,
    /// Events and base histories
    Json,
}

#[derive(Args)]
pub struct TimelineArgs {
    /// Only events involving this entity (or places inside it): id, label or alias.
    #[arg(long, value_name = "X")]
    pub entity: Option<String>,
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: TimelineFormat,
    /// The build to read.
    #[arg(long, default_value = "exports", value_name = "DIR")]
    pub exports: PathBuf,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

fn date_cell(w: &When) -> String {
    w.date.map(|d| d.to_string()).unwrap_or_else(|| "—".into())
}

/// "month, by" / "day, reported" / "undated".
fn precision_cell(w: &When) -> String {
    let mut parts = vec![w.precision().id().to_string()];
    if let Some(q) = w.qualifier {
        parts.push(q.id().to_string());
    }
    if let Some(e) = w.end {
        parts.push(format!("to {e}"));
    }
    match w.basis {
        DateBasis::Stated => {}
        DateBasis::Undated => return "undated".into(),
        b => parts.push(b.id().to_string()),
    }
    parts.join(", ")
}

fn marks(e: &Entry) -> String {
    let m = e.mention;
    let mut v = Vec::new();
    if m.polarity == Polarity::Negative {
        v.push("DENIED");
    }
    match m.modality {
        Modality::Planned => v.push("planned"),
        Modality::Hypothetical => v.push("hypothetical"),
        Modality::Asserted => {}
    }
    if m.disputed {
        v.push("disputed");
    }
    v.join(" ")
}

fn source_cell(e: &Entry) -> String {
    let a = &e.mention.provenance.article;
    match e.article.and_then(|x| x.source.as_deref()) {
        Some(s) => format!("{a} ({s})"),
        None => a.clone(),
    }
}

fn change_json(kg: &KnowledgeGraph, tl_entries: &[Entry], c: &StatusChange) -> Value {
    let e = &tl_entries[c.entry];
    json!({
        "date": c.when.date.map(|d| d.to_string()),
        "precision": c.when.precision().id(),
        "date_basis": c.when.basis.id(),
        "status": c.status.id(),
        "stance": c.stance.id(),
        "description": c.status.describe(c.stance),
        "event_date": e.when.date.map(|d| d.to_string()),
        "actor": c.mention.actor.as_deref().map(|a| name(kg, a)),
        "article": c.mention.provenance.article,
        "mention": c.mention.id,
    })
}

fn history_json(kg: &KnowledgeGraph, entries: &[Entry], h: &BaseHistory) -> Value {
    let e = &kg.entities[h.base];
    json!({
        "id": h.base,
        "label_ar": e.label_ar,
        "label_en": e.label_en,
        "current": h.current.map(|i| change_json(kg, entries, &h.changes[i])),
        "pending": h.pending.map(|i| change_json(kg, entries, &h.changes[i])),
        "history": h.changes.iter().map(|c| change_json(kg, entries, c)).collect::<Vec<_>>(),
    })
}

pub fn run(args: TimelineArgs) -> Result<Outcome> {
    let kg = kg::export::load_graph(&args.exports)?;
    let (lex, _) = load_lexicon(&args.lexicon)?;
    let focus = match &args.entity {
        Some(x) => Some(EntityIndex::new(&kg).resolve(x)?.id.clone()),
        None => None,
    };
    let tl = timeline(&kg, &lex, focus.as_deref());
    let opt_name = |x: &Option<String>| x.as_deref().map(|id| name(&kg, id)).unwrap_or_default();
    match args.format {
        TimelineFormat::Csv => {
            let stdout = std::io::stdout();
            let mut w = csv::Writer::from_writer(stdout.lock());
            w.write_record([
                "date",
                "date_end",
                "precision",
                "qualifier",
                "date_basis",
                "action",
                "actor",
                "place",
                "target",
                "attributed_to",
                "polarity",
                "modality",
                "disputed",
                "base_status",
                "article",
                "source",
                "published",
                "sentence",
                "char_start",
                "char_end",
                "mention",
                "event",
                "quote",
            ])?;
            for e in &tl.entries {
                let m = e.mention;
                let p = &m.provenance;
                w.write_record([
                    e.when.date.map(|d| d.to_string()).unwrap_or_default(),
                    e.when.end.map(|d| d.to_string()).unwrap_or_default(),
                    e.when.precision().id().to_string(),
                    e.when
                        .qualifier
                        .map(|q| q.id().to_string())
                        .unwrap_or_default(),
                    e.when.basis.id().to_string(),
                    m.action.clone(),
                    m.actor.clone().unwrap_or_default(),
                    m.place.clone().unwrap_or_default(),
                    m.target.clone().unwrap_or_default(),
                    m.attributed_to.clone().unwrap_or_default(),
                    m.polarity.id().to_string(),
                    m.modality.id().to_string(),
                    m.disputed.to_string(),
                    e.status.map(|(s, st)| s.describe(st)).unwrap_or_default(),
                    p.article.clone(),
                    e.article.and_then(|a| a.source.clone()).unwrap_or_default(),
                    e.article
                        .and_then(|a| a.published)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    p.sentence.to_string(),
                    p.char_start.to_string(),
                    p.char_end.to_string(),
                    m.id.clone(),
                    m.event.clone(),
                    p.quote.clone(),
                ])?;
            }
            w.flush()?;
        }
        TimelineFormat::Json => {
            let out = json!({
                "entity": focus,
                "events": tl.entries.iter().map(|e| {
                    let m = e.mention;
                    json!({
                        "date": e.when.date.map(|d| d.to_string()),
                        "date_end": e.when.end.map(|d| d.to_string()),
                        "precision": e.when.precision().id(),
                        "qualifier": e.when.qualifier.map(|q| q.id()),
                        "date_basis": e.when.basis.id(),
                        "action": m.action, "actor": m.actor, "place": m.place, "target": m.target,
                        "attributed_to": m.attributed_to,
                        "polarity": m.polarity.id(), "modality": m.modality.id(), "disputed": m.disputed,
                        "base_status": e.status.map(|(s, st)| s.describe(st)),
                        "article": m.provenance.article,
                        "source": e.article.and_then(|a| a.source.clone()),
                        "published": e.article.and_then(|a| a.published).map(|d| d.to_string()),
                        "sentence": m.provenance.sentence,
                        "quote": m.provenance.quote,
                        "mention": m.id, "event": m.event,
                    })
                }).collect::<Vec<_>>(),
                "bases": tl.bases.iter().map(|h| history_json(&kg, &tl.entries, h)).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        TimelineFormat::Table => {
            let mut out = String::new();
            let subject = focus
                .as_deref()
                .map(|f| full_name(&kg, f))
                .unwrap_or_else(|| "all entities".into());
            out.push_str(&format!(
                "Timeline of {subject}: {} event mention(s) in {} article(s), oldest first\n\n",
                tl.entries.len(),
                tl.entries
                    .iter()
                    .map(|e| &e.mention.provenance.article)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len()
            ));
            let rows: Vec<Vec<String>> = tl
                .entries
                .iter()
                .map(|e| {
                    let m = e.mention;
                    let role = |x: &Option<String>| match x {
                        Some(_) => opt_name(x),
                        None => "?".to_string(),
                    };
                    let mut roles = format!("{} → {}", role(&m.actor), role(&m.place));
                    if m.target.is_some() {
                        roles.push_str(&format!(" ⇒ {}", opt_name(&m.target)));
                    }
                    vec![
                        date_cell(&e.when),
                        precision_cell(&e.when),
                        m.action.clone(),
                        clip(&roles, 60),
                        marks(e),
                        source_cell(e),
                        format!("«{}»", clip(&m.provenance.quote, 70)),
                    ]
                })
                .collect();
            out.push_str(&table(
                &[
                    "DATE",
                    "PRECISION",
                    "ACTION",
                    "ACTOR → PLACE",
                    "MARKS",
                    "SOURCE",
                    "EVIDENCE",
                ],
                &rows,
            ));
            if !tl.bases.is_empty() {
                out.push_str("\nBase status over time (from the events at each base)\n");
            }
            for h in &tl.bases {
                out.push_str(&format!("\n{}\n", full_name(&kg, h.base)));
                let rows: Vec<Vec<String>> = h
                    .changes
                    .iter()
                    .map(|c| {
                        let e = &tl.entries[c.entry];
                        let due = match (c.when.basis, e.when.date) {
                            (DateBasis::Reported, Some(d))
                                if e.when.basis != DateBasis::Reported =>
                            {
                                format!(
                                    "event {d}{}",
                                    e.when
                                        .qualifier
                                        .map(|q| format!(" ({q})"))
                                        .unwrap_or_default()
                                )
                            }
                            _ => String::new(),
                        };
                        vec![
                            date_cell(&c.when),
                            precision_cell(&c.when),
                            c.status.describe(c.stance),
                            due,
                            opt_name(&c.mention.actor),
                            source_cell(e),
                        ]
                    })
                    .collect();
                out.push_str(&table(
                    &["DATE", "PRECISION", "STATUS", "DUE", "BY", "SOURCE"],
                    &rows,
                ));
                match h.current {
                    Some(i) => out.push_str(&format!(
                        "  status: {} (since {})\n",
                        h.changes[i].status.describe(h.changes[i].stance),
                        date_cell(&h.changes[i].when)
                    )),
                    None => out.push_str("  status: no asserted change reported\n"),
                }
                if let Some(i) = h.pending {
                    out.push_str(&format!(
                        "  pending: {}\n",
                        h.changes[i].status.describe(h.changes[i].stance)
                    ));
                }
            }
            std::io::stdout().lock().write_all(out.as_bytes())?;
        }
    }
    Ok(Outcome::Complete)
}
