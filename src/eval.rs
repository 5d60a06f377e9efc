//! Scoring extraction against a gold file (TSV; format in
//! `tests/dev/README.md`): event precision, recall and F1 on (action,
//! actor, place), overall and per action, and on matched events the
//! accuracy of date, polarity, modality and attribution. Misses and false
//! alarms are listed for people to read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::error::{KgError, Result};
use crate::lexicon::{CueKind, Lexicon};
use crate::matcher::{Matcher, Target};
use crate::model::ids::{is_valid_id, slug};
use crate::model::{EventMention, KnowledgeGraph};
use crate::text::{Token, normalize_str, tokenize};

/// One gold event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoldRow {
    pub line: usize,
    pub article: String,
    pub action: String,
    pub actor: Option<String>,
    pub place: Option<String>,
    pub target: Option<String>,
    pub date: Option<String>,
    pub polarity: String,
    pub modality: String,
    pub attributed_to: Option<String>,
    pub evidence: String,
}

/// Resolves gold entity references (ids or names) to entity ids.
pub struct Resolver<'a> {
    lex: &'a Lexicon,
    matcher: &'a Matcher,
}

impl<'a> Resolver<'a> {
    pub fn new(lex: &'a Lexicon, matcher: &'a Matcher) -> Self {
        Resolver { lex, matcher }
    }

    /// An id, a gazetteer name or alias, or the name of a discovered entity
    /// (whose id is the slug of its normalized name without a head noun).
    pub fn resolve(&self, value: &str) -> String {
        let v = value.trim();
        if is_valid_id(v) && self.lex.entity(v).is_some() {
            return v.to_string();
        }
        let norm = normalize_str(v);
        let mut toks: Vec<Token> = Vec::new();
        tokenize(&norm, 0..norm.len(), &mut toks);
        let mut ms = Vec::new();
        self.matcher.find(&norm, &toks, &mut ms);
        for m in &ms {
            if m.start == 0 && m.end == toks.len() {
                match m.payload.target {
                    Target::Entity { entity, .. } | Target::Demonym { entity } => {
                        return self.lex.entities[entity as usize].id.clone();
                    }
                    _ => {}
                }
            }
        }
        // A head noun in front (معسكر فيكتوريا) is not part of a discovered id.
        let head_end = ms
            .iter()
            .filter(|m| m.start == 0 && m.end < toks.len())
            .filter(|m| matches!(m.payload.target, Target::Cue { cue, .. } if self.lex.cues[cue as usize].kind == CueKind::HeadNoun))
            .map(|m| m.end)
            .max();
        let rest = match head_end {
            Some(e) => &norm[toks[e].start as usize..],
            None => norm.as_str(),
        };
        if is_valid_id(v) {
            return v.to_string();
        }
        slug(rest)
    }
}

/// Reads a gold TSV file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldRow>> {
    let text = std::fs::read_to_string(path).map_err(|e| KgError::io(path, e))?;
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((_, header)) = lines.next() else {
        return Err(KgError::input(path, "empty gold file"));
    };
    let cols: Vec<String> = header
        .split('\t')
        .map(|c| c.trim().to_ascii_lowercase())
        .collect();
    let col = |n: &str| cols.iter().position(|c| c == n);
    let required = [
        "article", "action", "actor", "place", "date", "polarity", "modality",
    ];
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| col(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(KgError::input(
            path,
            format!("header lacks column(s): {}", missing.join(", ")),
        ));
    }
    let mut rows = Vec::new();
    for (n, line) in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let get = |c: &str| {
            col(c)
                .and_then(|i| f.get(i))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let row = GoldRow {
            line: n + 1,
            article: get("article").unwrap_or_default(),
            action: get("action").unwrap_or_default(),
            actor: get("actor"),
            place: get("place"),
            target: get("target"),
            date: get("date"),
            polarity: get("polarity").unwrap_or_else(|| "positive".into()),
            modality: get("modality").unwrap_or_else(|| "asserted".into()),
            attributed_to: get("attributed_to"),
            evidence: get("evidence").unwrap_or_default(),
        };
        if row.article.is_empty() || row.action.is_empty() {
            return Err(KgError::input(
                path,
                format!("line {}: `article` and `action` are required", n + 1),
            ));
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Counts for one action (or overall).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub matched: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.system == 0 {
            0.0
        } else {
            self.matched as f64 / self.system as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Accuracy of one attribute on matched events.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += usize::from(ok);
    }
}

/// A gold row the system missed, or a system row gold lacks.
#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    pub article: String,
    pub action: String,
    pub actor: String,
    pub place: String,
    pub detail: String,
}

/// The result of scoring.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub overall: Counts,
    pub by_action: BTreeMap<String, Counts>,
    pub date: Accuracy,
    pub polarity: Accuracy,
    pub modality: Accuracy,
    pub attribution: Accuracy,
    pub misses: Vec<Diff>,
    pub false_alarms: Vec<Diff>,
    /// Matched pairs whose date, polarity, modality or attribution differ.
    pub attribute_errors: Vec<Diff>,
}

fn sys_date(m: &EventMention) -> Option<String> {
    m.date
        .as_ref()
        .map(|d| d.start.map_or_else(|| "?".to_string(), |x| x.to_string()))
}

/// The matching key: article, action, actor, place.
type Key = (String, String, Option<String>, Option<String>);

/// Scores the graph's mentions against gold rows. Only articles that are in
/// `articles` are scored (all gold and build articles when `None`).
pub fn score(
    kg: &KnowledgeGraph,
    gold: &[GoldRow],
    resolver: &Resolver,
    articles: Option<&BTreeSet<String>>,
) -> Report {
    let keep = |a: &str| articles.is_none_or(|s| s.contains(a));
    let r = |v: &Option<String>| v.as_deref().map(|x| resolver.resolve(x));
    let gold: Vec<(&GoldRow, Key)> = gold
        .iter()
        .filter(|g| keep(&g.article))
        .map(|g| {
            (
                g,
                (
                    g.article.clone(),
                    g.action.clone(),
                    r(&g.actor),
                    r(&g.place),
                ),
            )
        })
        .collect();
    let sys: Vec<&EventMention> = kg
        .mentions
        .iter()
        .filter(|m| keep(&m.provenance.article))
        .collect();
    let key = |m: &EventMention| {
        (
            m.provenance.article.clone(),
            m.action.clone(),
            m.actor.clone(),
            m.place.clone(),
        )
    };
    let mut used = vec![false; sys.len()];
    let mut report = Report::default();
    let mut matched_pairs = Vec::new();
    for (g, gk) in &gold {
        let cands: Vec<usize> = (0..sys.len())
            .filter(|&i| !used[i] && key(sys[i]) == *gk)
            .collect();
        // Prefer the candidate that also agrees on the date.
        let best = cands
            .iter()
            .copied()
            .find(|&i| sys_date(sys[i]) == g.date)
            .or(cands.first().copied());
        match best {
            Some(i) => {
                used[i] = true;
                matched_pairs.push((*g, sys[i]));
            }
            None => report.misses.push(Diff {
                article: g.article.clone(),
                action: g.action.clone(),
                actor: gk.2.clone().unwrap_or_default(),
                place: gk.3.clone().unwrap_or_default(),
                detail: format!("line {}: {}", g.line, g.evidence),
            }),
        }
    }
    // For each miss, the unmatched system mentions of the same action in the
    // same article: near misses that differ in actor or place.
    for d in &mut report.misses {
        let near: Vec<String> = (0..sys.len())
            .filter(|&i| {
                !used[i] && sys[i].provenance.article == d.article && sys[i].action == d.action
            })
            .map(|i| {
                format!(
                    "{}/{}",
                    sys[i].actor.as_deref().unwrap_or("-"),
                    sys[i].place.as_deref().unwrap_or("-")
                )
            })
            .collect();
        if !near.is_empty() {
            d.detail
                .push_str(&format!("  [system has: {}]", near.join(", ")));
        }
    }
    for (i, m) in sys.iter().enumerate() {
        if !used[i] {
            report.false_alarms.push(Diff {
                article: m.provenance.article.clone(),
                action: m.action.clone(),
                actor: m.actor.clone().unwrap_or_default(),
                place: m.place.clone().unwrap_or_default(),
                detail: format!("sentence {}: {}", m.provenance.sentence, m.provenance.quote),
            });
        }
    }
    for (g, _) in &gold {
        report.by_action.entry(g.action.clone()).or_default().gold += 1;
    }
    for m in &sys {
        report.by_action.entry(m.action.clone()).or_default().system += 1;
    }
    for (g, m) in &matched_pairs {
        report
            .by_action
            .entry(g.action.clone())
            .or_default()
            .matched += 1;
        let date_ok = sys_date(m) == g.date;
        let pol_ok = m.polarity.id() == g.polarity;
        let mod_ok = m.modality.id() == g.modality;
        report.date.add(date_ok);
        report.polarity.add(pol_ok);
        report.modality.add(mod_ok);
        let attr_ok = r(&g.attributed_to) == m.attributed_to;
        report.attribution.add(attr_ok);
        if !(date_ok && pol_ok && mod_ok && attr_ok) {
            let mut d = Vec::new();
            if !date_ok {
                d.push(format!(
                    "date {} ≠ gold {}",
                    sys_date(m).unwrap_or_default(),
                    g.date.clone().unwrap_or_default()
                ));
            }
            if !pol_ok {
                d.push(format!("polarity {} ≠ gold {}", m.polarity, g.polarity));
            }
            if !mod_ok {
                d.push(format!("modality {} ≠ gold {}", m.modality, g.modality));
            }
            if !attr_ok {
                d.push(format!(
                    "attributed_to {} ≠ gold {}",
                    m.attributed_to.clone().unwrap_or_default(),
                    r(&g.attributed_to).unwrap_or_default()
                ));
            }
            report.attribute_errors.push(Diff {
                article: g.article.clone(),
                action: g.action.clone(),
                actor: m.actor.clone().unwrap_or_default(),
                place: m.place.clone().unwrap_or_default(),
                detail: format!("line {}: {}", g.line, d.join("; ")),
            });
        }
    }
    report.overall = Counts {
        gold: gold.len(),
        system: sys.len(),
        matched: matched_pairs.len(),
    };
    report
}
