//! Timelines: event mentions in date order, each with its source article,
//! and the status of each military base over time (present, planned
//! withdrawal, withdrawn, handed over …) derived from the events at the
//! base and the lexicon's `kg:baseStatus` of their actions.
//!
//! Dates keep their precision (2025-09 is a month). A mention is placed at
//! the date its sentence states; else at the date of another report of the
//! same merged event; else at its article's publication date; else it is
//! undated and comes last. Each entry says which (its [`DateBasis`]).
//!
//! Base status: an asserted event sets the status its action implies
//! (withdraw → withdrawn); a planned one announces it (planned
//! withdrawal), placed at the publication date of the article that reports
//! the plan when known; a negated one is recorded as a denial and does not
//! change the status; hypothetical events are ignored.
//!
//! Building a timeline costs O(M log M) for M mentions.

use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::lexicon::Lexicon;
use crate::model::{
    ArticleMeta, DateQualifier, EntityKind, EventMention, KnowledgeGraph, Modality, PartialDate,
    Polarity, Precision, RelationKind,
};

macro_rules! labelled_enum {
    ($(#[$m:meta])* $name:ident { $($var:ident => $id:literal, $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($var),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            pub fn id(self) -> &'static str { match self { $($name::$var => $id),+ } }
            pub fn label(self) -> &'static str { match self { $($name::$var => $label),+ } }
            pub fn from_id(s: &str) -> Option<Self> {
                match s { $($id => Some($name::$var),)+ _ => None }
            }
        }
    };
}

labelled_enum!(
    /// The status of a base after an event (the lexicon's `kg:baseStatus`).
    BaseStatus {
        Present => "present", "present",
        Withdrawn => "withdrawn", "withdrawal",
        HandedOver => "handed-over", "handover",
        Repositioned => "repositioned", "repositioning",
        MissionEnded => "mission-ended", "end of mission",
    }
);

labelled_enum!(
    /// How an event bears on a base's status.
    Stance {
        Asserted => "asserted", "asserted",
        Planned => "planned", "planned",
        Denied => "denied", "denied",
    }
);

labelled_enum!(
    /// Where the date of a timeline entry comes from.
    DateBasis {
        Stated => "stated", "date stated in the sentence",
        Merged => "merged", "date of another report of the same event",
        Reported => "reported", "publication date of the article",
        Undated => "undated", "no date known",
    }
);

impl BaseStatus {
    /// "withdrawn", "planned withdrawal", "withdrawal denied".
    pub fn describe(self, stance: Stance) -> String {
        match stance {
            Stance::Asserted => self.id().replace('-', " "),
            Stance::Planned => format!("planned {}", self.label()),
            Stance::Denied => format!("{} denied", self.label()),
        }
    }
}

/// When a timeline entry happened, as precisely as known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct When {
    pub date: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub qualifier: Option<DateQualifier>,
    pub basis: DateBasis,
}

impl When {
    pub fn precision(&self) -> Precision {
        self.date.map_or(Precision::Unresolved, |d| d.precision())
    }

    /// Undated last; then by first day covered, coarser precision first.
    fn sort_key(&self) -> (bool, i64, u8) {
        match self.date {
            Some(d) => (false, d.to_days(), 3 - precision_rank(d.precision())),
            None => (true, 0, 0),
        }
    }
}

fn precision_rank(p: Precision) -> u8 {
    match p {
        Precision::Day => 3,
        Precision::Month => 2,
        Precision::Year => 1,
        Precision::Unresolved => 0,
    }
}

/// One line of a timeline: a mention, its source article and its date.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    pub mention: &'a EventMention,
    pub article: Option<&'a ArticleMeta>,
    pub when: When,
    /// The base status this mention bears on, if any.
    pub status: Option<(BaseStatus, Stance)>,
}

/// One change in a base's history.
#[derive(Clone, Debug)]
pub struct StatusChange<'a> {
    pub when: When,
    pub status: BaseStatus,
    pub stance: Stance,
    /// Index of the mention's entry in [`Timeline::entries`].
    pub entry: usize,
    pub mention: &'a EventMention,
}

/// The history of one base.
#[derive(Clone, Debug)]
pub struct BaseHistory<'a> {
    pub base: &'a str,
    pub changes: Vec<StatusChange<'a>>,
    /// The last asserted change: the base's status as of the latest report.
    pub current: Option<usize>,
    /// A planned change reported after `current`, not yet asserted.
    pub pending: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct Timeline<'a> {
    pub entries: Vec<Entry<'a>>,
    pub bases: Vec<BaseHistory<'a>>,
}

/// The places inside an entity: those located in or part of it,
/// transitively. O(R) for R relations.
pub fn places_within(kg: &KnowledgeGraph, id: &str) -> Vec<String> {
    let mut inside: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in &kg.relations {
        if matches!(r.predicate, RelationKind::LocatedIn | RelationKind::PartOf) {
            inside.entry(&r.object).or_default().push(&r.subject);
        }
    }
    let mut seen: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut queue = VecDeque::from([id]);
    while let Some(p) = queue.pop_front() {
        for &c in inside.get(p).map(Vec::as_slice).unwrap_or(&[]) {
            if c != id && seen.insert(c) {
                queue.push_back(c);
            }
        }
    }
    seen.into_iter().map(str::to_string).collect()
}

/// The timeline of a build, or of the events involving `focus` (as actor,
/// place, target or source of the claim, or taking place inside it).
pub fn timeline<'a>(kg: &'a KnowledgeGraph, lex: &Lexicon, focus: Option<&str>) -> Timeline<'a> {
    let within: Vec<String> = focus.map(|f| places_within(kg, f)).unwrap_or_default();
    let involves = |m: &EventMention| match focus {
        None => true,
        Some(f) => {
            let is = |x: &Option<String>| x.as_deref() == Some(f);
            is(&m.actor)
                || is(&m.place)
                || is(&m.target)
                || is(&m.attributed_to)
                || m.place
                    .as_ref()
                    .is_some_and(|p| within.binary_search(p).is_ok())
        }
    };
    let entries: Vec<Entry<'a>> = kg
        .mentions
        .iter()
        .filter(|m| involves(m))
        .map(|m| {
            let article = kg.article(&m.provenance.article);
            Entry {
                mention: m,
                article,
                when: when_of(kg, m, article),
                status: status_of(kg, lex, m),
            }
        })
        .collect();
    // Keys computed once per entry (dates to day numbers), not per comparison.
    let mut keyed: Vec<(EntryKey, Entry<'a>)> =
        entries.into_iter().map(|e| (entry_key(&e), e)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let entries: Vec<Entry<'a>> = keyed.into_iter().map(|(_, e)| e).collect();
    let mut by_base: BTreeMap<&'a str, Vec<StatusChange<'a>>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let (Some((status, stance)), Some(base)) = (e.status, e.mention.place.as_deref()) else {
            continue;
        };
        let when = match (stance, e.article.and_then(|a| a.published)) {
            (Stance::Planned, Some(p)) => When {
                date: Some(p),
                end: None,
                qualifier: None,
                basis: DateBasis::Reported,
            },
            _ => e.when.clone(),
        };
        by_base.entry(base).or_default().push(StatusChange {
            when,
            status,
            stance,
            entry: i,
            mention: e.mention,
        });
    }
    let bases = by_base
        .into_iter()
        .map(|(base, mut changes)| {
            // Stable: changes at the same date keep the entries' order.
            changes.sort_by_key(|c| c.when.sort_key());
            let current = changes.iter().rposition(|c| c.stance == Stance::Asserted);
            let pending = changes
                .iter()
                .rposition(|c| c.stance == Stance::Planned)
                .filter(|&p| current.is_none_or(|c| p > c));
            BaseHistory {
                base,
                changes,
                current,
                pending,
            }
        })
        .collect();
    Timeline { entries, bases }
}

/// Order of entries: date, publication date, article, position, id.
type EntryKey<'a> = ((bool, i64, u8), Option<i64>, &'a str, usize, &'a str);

fn entry_key<'a>(e: &Entry<'a>) -> EntryKey<'a> {
    (
        e.when.sort_key(),
        e.article.and_then(|a| a.published).map(|d| d.to_days()),
        &e.mention.provenance.article,
        e.mention.provenance.char_start,
        &e.mention.id,
    )
}

fn when_of(kg: &KnowledgeGraph, m: &EventMention, article: Option<&ArticleMeta>) -> When {
    let stated = m.date.as_ref().filter(|d| d.is_resolved());
    let merged = || {
        kg.events
            .get(&m.event)
            .and_then(|e| e.date.as_ref())
            .filter(|d| d.is_resolved())
    };
    if let Some(d) = stated {
        return When {
            date: d.start,
            end: d.end,
            qualifier: d.qualifier,
            basis: DateBasis::Stated,
        };
    }
    if let Some(d) = merged() {
        return When {
            date: d.start,
            end: d.end,
            qualifier: d.qualifier,
            basis: DateBasis::Merged,
        };
    }
    match article.and_then(|a| a.published) {
        Some(p) => When {
            date: Some(p),
            end: None,
            qualifier: None,
            basis: DateBasis::Reported,
        },
        None => When {
            date: None,
            end: None,
            qualifier: None,
            basis: DateBasis::Undated,
        },
    }
}

fn status_of(kg: &KnowledgeGraph, lex: &Lexicon, m: &EventMention) -> Option<(BaseStatus, Stance)> {
    let place = kg.entities.get(m.place.as_deref()?)?;
    if place.kind != EntityKind::MilitaryBase || m.modality == Modality::Hypothetical {
        return None;
    }
    let status = BaseStatus::from_id(lex.action(&m.action)?.base_status.as_deref()?)?;
    let stance = match (m.polarity, m.modality) {
        (Polarity::Negative, _) => Stance::Denied,
        (_, Modality::Planned) => Stance::Planned,
        _ => Stance::Asserted,
    };
    Some((status, stance))
}
