//! The lexicon: entities, actions and cue words, read from Turtle data
//! (`ontology.ttl` plus `lexicon/*.ttl`) so users extend kg without
//! recompiling. See `lexicon/README.md` for the data format.

pub mod morph;
mod read;
pub mod turtle;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{KgError, Result};
use crate::model::{DateQualifier, EntityKind};
pub use read::read_lexicon;

/// Ontology namespace.
pub const KG: &str = "https://kg.example/ontology#";
/// Namespace of gazetteer entities in the lexicon files.
pub const ENT: &str = "https://kg.example/id/entity/";

/// The lexicon files compiled into the binary, used when no lexicon
/// directory is given and `./lexicon` does not exist.
pub const BUILTIN_ONTOLOGY: (&str, &str) = ("ontology.ttl", include_str!("../../ontology.ttl"));
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "lexicon/gazetteer.ttl",
        include_str!("../../lexicon/gazetteer.ttl"),
    ),
    (
        "lexicon/actions.ttl",
        include_str!("../../lexicon/actions.ttl"),
    ),
    ("lexicon/cues.ttl", include_str!("../../lexicon/cues.ttl")),
    ("lexicon/dates.ttl", include_str!("../../lexicon/dates.ttl")),
];

/// A gazetteer entry.
#[derive(Clone, Debug, Default)]
pub struct LexEntity {
    pub id: String,
    pub kind: Option<EntityKind>,
    pub label_ar: String,
    pub label_en: Option<String>,
    /// Further labels: (text, language).
    pub alt_labels: Vec<(String, String)>,
    /// Labels matched only right after a head noun.
    pub strict_labels: Vec<String>,
    pub demonyms: Vec<String>,
    pub located_in: Vec<String>,
    pub led_by: Vec<String>,
    pub part_of: Vec<String>,
    pub country: Vec<String>,
    pub metonym_for: Option<String>,
    pub position_en: Option<String>,
    pub position_ar: Option<String>,
    pub position_of: Option<String>,
    pub wikidata: Option<String>,
}

/// What a trigger's direct object or genitive complement denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectRole {
    Actor,
    Place,
    Target,
}

impl ObjectRole {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "actor" => Some(ObjectRole::Actor),
            "place" => Some(ObjectRole::Place),
            "target" => Some(ObjectRole::Target),
            _ => None,
        }
    }
}

/// How a lexicon word inflects; decides the forms generated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordForm {
    /// A verb: past and present third person masculine singular.
    Verb { past: String, present: String },
    /// A noun (verbal noun): possessive suffixes, plural, dual.
    Noun(String),
    /// An adjective or participle: gender and number.
    Adjective(String),
    /// A fixed word or phrase; only proclitics on its first word.
    Phrase(String),
}

/// A trigger word of an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    pub form: WordForm,
    /// What the direct object or genitive denotes (overrides the action's).
    pub object: Option<ObjectRole>,
    /// What the grammatical subject denotes when it is not the actor (تسلّم).
    pub subject: Option<ObjectRole>,
    /// Normalized words of which one must occur in the trigger's clause.
    pub needs: Vec<String>,
    /// The needed word must follow the trigger within two words (`kg:needsNear`:
    /// تعزيز قواتها, not تعزيز قدرات قوات الأمن).
    pub needs_near: bool,
    /// Normalized words that, in the four words after the trigger (its
    /// subject and object), make it another verb (`kg:unlessNext`: نشر
    /// مقطعاً is publishing, not deploying).
    pub unless_next: Vec<String>,
    /// Normalized words that, right before the trigger, make it a name
    /// (`kg:unlessAfter`: أحزاب المعارضة is the opposition, no refusal).
    pub unless_after: Vec<String>,
}

/// An action (withdraw, deploy …) with its codes, roles and triggers.
#[derive(Clone, Debug, Default)]
pub struct ActionDef {
    pub id: String,
    pub class_iri: String,
    pub label_en: String,
    pub label_ar: Option<String>,
    pub cameo: Option<String>,
    pub cameo_planned: Option<String>,
    pub plover: Option<String>,
    /// Prepositions (normalized) whose object is the place.
    pub place_preps: Vec<String>,
    /// Prepositions whose object is the target.
    pub target_preps: Vec<String>,
    /// Default meaning of the direct object / genitive.
    pub object: Option<ObjectRole>,
    /// Status of a base after this action (for timelines).
    pub base_status: Option<String>,
    /// Parties act together (agree, negotiate, meet): "بين X و Y" gives
    /// actors, "مع X" the counterpart.
    pub symmetric: bool,
    /// The actor is the forces that move (withdraw, remain, deploy,
    /// reposition): not inherited from a governing verb other than a phase verb.
    pub actor_is_forces: bool,
    /// The object of the verb is asked to do the action named after it (دعا
    /// التحالف إلى المغادرة، طالبت أنقرة بسحب قواتها): it is that action's actor.
    pub object_acts: bool,
    /// An event named in its complement is its actor's wish or stance
    /// (طالبت موسكو بسحب القوات، رفض البرلمان إخراج القوات): attributed to
    /// that actor when nobody else is quoted.
    pub embeds: bool,
    /// Words whose owner is the actor when no subject is found (normalized).
    pub owner_words: Vec<String>,
    pub triggers: Vec<Trigger>,
}

/// Closed set of cue classes (`kg:NegationCue` …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CueKind {
    Negation,
    Planned,
    Hypothetical,
    Speech,
    Denial,
    Source,
    Complementizer,
    Title,
    HeadNoun,
    TroopNoun,
    ForceNoun,
    NumberWord,
    Month,
    /// An ordinal day number (الثلاثين، الحادي عشر): a day of the month
    /// when من and a month follow (الثلاثين من أيلول 2015).
    DayOrdinal,
    Weekday,
    RelativeDay,
    RelativePeriod,
    DateQualifier,
    Locative,
    ClauseBoundary,
    StopWord,
    RelativeModifier,
    YearWord,
    Quantity,
    LedBy,
    Between,
    With,
    Anaphor,
    PhaseVerb,
    RelativePronoun,
    ListIntro,
    ExamplesIntro,
    During,
    Direction,
    TimeOfDay,
    VagueTime,
    Condition,
    /// "by" before the agent of a passive or of an event noun (من قبل، على يد).
    Agent,
    /// "its responsibility for" before an event noun (أعلنت مسؤوليتها عن،
    /// نفت مسؤوليته عن): the one whose responsibility it is, the speaker, acts.
    Responsibility,
    /// A verb of accusing or blaming (اتهم، حمّل) whose object did the
    /// event named after it with بـ or مسؤولية: اتهمت واشنطن الكتائب بشن
    /// هجمات → the group attacks.
    Accusation,
    Naming,
    Addition,
    /// "belonging to" after a force noun (طائرات تابعة للقوة الجوية
    /// العراقية): the force named after it is whose they are.
    Belonging,
    /// "-made, of … origin" after a nationality adjective (مسيّرة إيرانية
    /// الصنع، إيرانية المنشأ): where a weapon was made, not who uses it.
    Origin,
    AnonymousSource,
    /// A particle carrying the subject of the next verb as its pronoun
    /// (لكنها طالبت): that subject is the clause's subject before it.
    Resumptive,
    /// "as for" (أما X، فـ…): X is the subject of the verb after the comma.
    Topic,
    /// A verb that is no action of kg's but heads a clause (استدعى، وصف):
    /// its subject carries over to a coordinated verb (استدعت الخارجية
    /// السفير، وطالبت أنقرة بسحب قواتها).
    ClauseVerb,
    /// "was, became" between a subject and its predicate (جنود أمريكيون
    /// كانوا متمركزين): the subject before it is the predicate's.
    Copula,
}

impl CueKind {
    pub const ALL: &'static [(CueKind, &'static str)] = &[
        (CueKind::Negation, "NegationCue"),
        (CueKind::Planned, "PlannedCue"),
        (CueKind::Hypothetical, "HypotheticalCue"),
        (CueKind::Speech, "SpeechVerb"),
        (CueKind::Denial, "DenialVerb"),
        (CueKind::Source, "SourceCue"),
        (CueKind::Complementizer, "Complementizer"),
        (CueKind::Title, "Title"),
        (CueKind::HeadNoun, "HeadNoun"),
        (CueKind::TroopNoun, "TroopNoun"),
        (CueKind::ForceNoun, "ForceNoun"),
        (CueKind::NumberWord, "NumberWord"),
        (CueKind::Month, "Month"),
        (CueKind::DayOrdinal, "DayOrdinal"),
        (CueKind::Weekday, "Weekday"),
        (CueKind::RelativeDay, "RelativeDay"),
        (CueKind::RelativePeriod, "RelativePeriod"),
        (CueKind::DateQualifier, "DateQualifierCue"),
        (CueKind::Locative, "LocativePreposition"),
        (CueKind::ClauseBoundary, "ClauseBoundary"),
        (CueKind::StopWord, "StopWord"),
        (CueKind::RelativeModifier, "RelativeModifier"),
        (CueKind::YearWord, "YearWord"),
        (CueKind::Quantity, "QuantityWord"),
        (CueKind::LedBy, "LedByCue"),
        (CueKind::Between, "BetweenCue"),
        (CueKind::With, "WithCue"),
        (CueKind::Anaphor, "Anaphor"),
        (CueKind::PhaseVerb, "PhaseVerb"),
        (CueKind::RelativePronoun, "RelativePronoun"),
        (CueKind::ListIntro, "ListIntro"),
        (CueKind::ExamplesIntro, "ExamplesIntro"),
        (CueKind::During, "DuringCue"),
        (CueKind::Direction, "DirectionWord"),
        (CueKind::TimeOfDay, "TimeOfDay"),
        (CueKind::VagueTime, "VagueTime"),
        (CueKind::Condition, "ConditionCue"),
        (CueKind::Agent, "AgentCue"),
        (CueKind::Responsibility, "ResponsibilityCue"),
        (CueKind::Accusation, "AccusationVerb"),
        (CueKind::Naming, "NamingCue"),
        (CueKind::Addition, "AdditionCue"),
        (CueKind::Belonging, "BelongingCue"),
        (CueKind::Origin, "OriginCue"),
        (CueKind::AnonymousSource, "AnonymousSource"),
        (CueKind::Resumptive, "ResumptiveCue"),
        (CueKind::Topic, "TopicCue"),
        (CueKind::ClauseVerb, "ClauseVerb"),
        (CueKind::Copula, "Copula"),
    ];

    pub fn from_class_name(s: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, n)| *n == s).map(|(k, _)| *k)
    }
}

/// Unit of a relative period (الشهر الماضي).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    Day,
    Week,
    Month,
    Year,
}

/// What a relative expression counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Anchor {
    /// The article's publication date.
    #[default]
    Publication,
    /// A date already given in the sentence (العام التالي).
    Context,
}

/// A cue: a function word or phrase with a grammatical or temporal meaning.
#[derive(Clone, Debug)]
pub struct Cue {
    pub id: String,
    pub kind: CueKind,
    pub label_en: Option<String>,
    pub label_ar: Option<String>,
    pub forms: Vec<WordForm>,
    /// The `kg:noun` forms, normalized at load time (head nouns are compared
    /// with tokens: قاعدتي ← قاعدة).
    pub nouns: Vec<String>,
    /// Forms that are also common words: they count only in a strict context
    /// (a month name next to a number).
    pub strict_forms: Vec<String>,
    /// Month number, weekday (0 = Monday), day offset, period offset, or multiplier.
    pub number: Option<i64>,
    pub introduces: Option<EntityKind>,
    pub qualifier: Option<DateQualifier>,
    pub unit: Option<TimeUnit>,
    pub anchor: Anchor,
    /// For head nouns: whether a name follows (singular قاعدة) or not (plural قواعد).
    pub names: bool,
    /// For anaphors: a possessed noun (أراضيها) that stands for the state of
    /// its possessor, named earlier in the clause.
    pub possessed: bool,
    /// Normalized words after which the cue does not count (existential
    /// كان هناك is no place anaphor).
    pub not_after: Vec<String>,
    /// Normalized words within three tokens before which the cue does not
    /// count (`kg:notWithin`: في وقت تتواصل فيه — فيه is "when", no place).
    pub not_within: Vec<String>,
    /// For anaphors: an adverb of place (هناك) that needs no preposition.
    pub adverbial: bool,
    /// For head nouns: a noun of territory (أرض، أراضي، مناطق) whose place in
    /// construct is where things happen (على أرض العراق، من كامل الأراضي العراقية).
    pub territory: bool,
    /// For anaphors: a description that refers only to an entity one of
    /// whose names begins with its head noun (`kg:byHead`: المخيم → مخيم
    /// الهول, never any other place).
    pub by_head: bool,
    /// For anaphors: the capital (العاصمة), resolved by [`crate::extract`]'s
    /// capital pass to the city that stands for a state.
    pub capital: bool,
    /// For force nouns: an instrument (طائرة، مسيرة، مدفعية) that acts for
    /// its owner even as the genitive of an attack (ضربة مسيرة أمريكية).
    pub instrument: bool,
    /// For verbs of intent: the verb's subject is the agent of the verbal
    /// noun it governs, also for the forces actions (`kg:agentive`: تعتزم
    /// الدنمارك إرسال مدربين; not يتوقع انسحاب القوات).
    pub agentive: bool,
}

/// The loaded lexicon.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub entities: Vec<LexEntity>,
    pub actions: Vec<ActionDef>,
    pub cues: Vec<Cue>,
    entity_index: HashMap<String, usize>,
    action_index: HashMap<String, usize>,
    /// Normalized Arabic labels and aliases → entity indices.
    name_index: HashMap<String, Vec<usize>>,
    /// Normalized Arabic label and alternative labels of each entity, by
    /// entity index (see [`Lexicon::normalized_labels`]).
    label_norms: Vec<Vec<String>>,
    /// Where the data came from, for messages.
    pub sources: Vec<PathBuf>,
}

/// Action ids every lexicon must define (the CSV contract).
pub const REQUIRED_ACTIONS: &[&str] = &[
    "withdraw",
    "remain",
    "deploy",
    "reposition",
    "handover",
    "end-mission",
    "transition",
    "agree",
    "announce",
    "negotiate",
    "attack",
    "invade",
];

impl Lexicon {
    pub fn new(
        entities: Vec<LexEntity>,
        actions: Vec<ActionDef>,
        cues: Vec<Cue>,
        sources: Vec<PathBuf>,
    ) -> Self {
        let entity_index = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let action_index = actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut name_index: HashMap<String, Vec<usize>> = HashMap::new();
        let mut label_norms = Vec::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            let labels: Vec<String> = std::iter::once(&e.label_ar)
                .chain(e.alt_labels.iter().map(|(l, _)| l))
                .map(|n| crate::text::normalize_str(n))
                .collect();
            let strict = e
                .strict_labels
                .iter()
                .map(|n| crate::text::normalize_str(n));
            for n in labels.iter().cloned().chain(strict) {
                let v = name_index.entry(n).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
            label_norms.push(labels);
        }
        Lexicon {
            entities,
            actions,
            cues,
            entity_index,
            action_index,
            name_index,
            label_norms,
            sources,
        }
    }

    /// The lexicon compiled into the binary.
    pub fn builtin() -> Result<Self> {
        let mut files: Vec<(PathBuf, Vec<u8>)> = vec![(
            PathBuf::from(BUILTIN_ONTOLOGY.0),
            BUILTIN_ONTOLOGY.1.as_bytes().to_vec(),
        )];
        files.extend(
            BUILTIN_FILES
                .iter()
                .map(|(p, d)| (PathBuf::from(p), d.as_bytes().to_vec())),
        );
        read_lexicon(&files)
    }

    /// Loads the ontology file and every `*.ttl` file of `dir` (sorted by name).
    pub fn from_paths(ontology: Option<&Path>, dirs: &[PathBuf]) -> Result<Self> {
        let mut files = Vec::new();
        match ontology {
            Some(p) => files.push((
                p.to_path_buf(),
                std::fs::read(p).map_err(|e| KgError::io(p, e))?,
            )),
            None => files.push((
                PathBuf::from(BUILTIN_ONTOLOGY.0),
                BUILTIN_ONTOLOGY.1.as_bytes().to_vec(),
            )),
        }
        for dir in dirs {
            if dir.is_file() {
                files.push((
                    dir.clone(),
                    std::fs::read(dir).map_err(|e| KgError::io(dir, e))?,
                ));
                continue;
            }
            let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
                .map_err(|e| KgError::io(dir, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ttl"))
                .collect();
            paths.sort();
            if paths.is_empty() {
                return Err(KgError::Lexicon {
                    path: dir.clone(),
                    message: "no .ttl files in the lexicon directory".into(),
                });
            }
            for p in paths {
                let data = std::fs::read(&p).map_err(|e| KgError::io(&p, e))?;
                files.push((p, data));
            }
        }
        read_lexicon(&files)
    }

    pub fn entity(&self, id: &str) -> Option<&LexEntity> {
        self.entity_index.get(id).map(|&i| &self.entities[i])
    }

    /// Index in [`Lexicon::entities`] of the entity with this id.
    pub fn entity_position(&self, id: &str) -> Option<usize> {
        self.entity_index.get(id).copied()
    }

    /// Entities with this label or alias (given normalized).
    pub fn entities_named(&self, normalized: &str) -> &[usize] {
        self.name_index.get(normalized).map_or(&[], Vec::as_slice)
    }

    /// The normalized Arabic label and alternative labels (in that order)
    /// of the entity at index `i` of [`Lexicon::entities`].
    pub fn normalized_labels(&self, i: usize) -> &[String] {
        &self.label_norms[i]
    }

    pub fn action(&self, id: &str) -> Option<&ActionDef> {
        self.action_index.get(id).map(|&i| &self.actions[i])
    }

    /// Index of the action `id` in [`Lexicon::actions`], from the index
    /// built at load time. O(1).
    pub fn action_pos(&self, id: &str) -> Option<usize> {
        self.action_index.get(id).copied()
    }

    pub fn cues_of(&self, kind: CueKind) -> impl Iterator<Item = &Cue> {
        self.cues.iter().filter(move |c| c.kind == kind)
    }
}
