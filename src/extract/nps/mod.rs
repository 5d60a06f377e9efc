//! Noun phrases that denote entities, and their groups: what the roles of
//! an event are read from.
//!
//! A noun phrase is an entity mention, possibly behind a quantity (المئات
//! من، نحو 2500) or a force noun (قوات التحالف، جنود أمريكيين). A group is a
//! phrase and the phrases coordinated with it by و (or a dash between
//! nationality adjectives: أمريكي – عراقي), with the preposition that
//! governs the first one. A nationality adjective is a phrase only where it
//! qualifies forces, troops, a title or an event noun (القوات الأمريكية،
//! الانسحاب الأمريكي), not any noun (الفصائل العراقية is not Iraq).
//!
//! This module holds the types, the clause around a trigger and what a
//! phrase stands for (actor, place); reading phrases and groups is in
//! `phrases`, finding the subject of a verb or verbal noun in `subjects`.

mod phrases;
mod subjects;

use super::sent::{Ment, Sent};
use super::table::EntityTable;
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon};
use crate::matcher::Target;

pub struct Ctx<'a, 'b> {
    pub s: &'a Sent<'b>,
    pub lex: &'a Lexicon,
    /// Tokens inside a parenthetical (see [`super::parens`]).
    pub hidden: &'a [bool],
    /// Tokens inside a date expression.
    pub dated: &'a [bool],
}

/// A noun phrase: tokens `start..end`, denoting mention `ment` of the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub ment: usize,
    /// A nationality adjective qualifying a place noun (قواعد عراقية): the country as a place.
    pub place_noun: bool,
    /// The other entity of a dual anaphor (البلدين): this phrase stands for it.
    pub second: bool,
}

/// Coordinated noun phrases and the preposition governing them.
#[derive(Clone, Debug)]
pub struct Group {
    pub nps: Vec<Np>,
    pub prep: Option<String>,
}

impl Np {
    /// A phrase that is not in the text (an elided subject carried over).
    pub fn none(at: usize) -> Self {
        Np {
            start: at,
            end: at,
            ment: usize::MAX,
            place_noun: false,
            second: false,
        }
    }
}

impl Group {
    pub fn end(&self) -> usize {
        self.nps.last().map_or(0, |n| n.end)
    }
}

/// A subject candidate before a verb; `adjacent` when only function words separate them.
pub struct Before {
    pub group: Group,
    pub adjacent: bool,
}

pub(crate) const QUOTES_OPEN: &[&str] = &["\"", "“", "«"];
/// Cues that open another clause (a complement, a quotation, a contrast, a
/// relative clause, a condition): a role does not reach across them.
pub(crate) const CLAUSE_OPENERS: &[CueKind] = &[
    CueKind::Complementizer,
    CueKind::Speech,
    CueKind::ClauseBoundary,
    CueKind::RelativePronoun,
    CueKind::Condition,
];
const DASHES: &[&str] = &["-", "–", "—"];

impl Ctx<'_, '_> {
    pub fn ment(&self, np: Np) -> &Ment {
        &self.s.ments[np.ment]
    }

    fn is_hidden(&self, k: usize) -> bool {
        self.hidden.get(k).copied().unwrap_or(false)
    }

    /// Tokens in `a..b` that are not inside a parenthetical, a date or a
    /// vague time: the distance a reader perceives between two words (وتشن
    /// القوات التركية منذ الأربعاء الماضي هجوماً).
    pub fn gap(&self, a: usize, b: usize) -> usize {
        // (a vague time counts no more than a date: سلّمت خلال الأشهر
        // الماضية قواعد القائم والقيارة)
        (a..b)
            .filter(|&k| {
                !self.is_hidden(k)
                    && !self.dated.get(k).copied().unwrap_or(false)
                    && self
                        .s
                        .cue_covering(self.lex, k, CueKind::VagueTime)
                        .is_none()
            })
            .count()
    }

    /// Whether some phrase of the group can be an actor. (Not an adverb of
    /// place, هناك، which stands for a place but never acts.)
    pub fn group_can_act(&self, table: &EntityTable, g: &Group) -> bool {
        g.nps.iter().filter(|np| !np.place_noun).any(|np| {
            let m = self.ment(*np);
            if m.anaphoric
                && self
                    .s
                    .cue_at(self.lex, m.start, CueKind::Anaphor)
                    .is_some_and(|c| self.lex.cues[c.1].adverbial)
            {
                return false;
            }
            m.adjectival
                || m.role_only
                || table.get(m.entity).kind.can_act()
                || table
                    .lex_entity(self.lex, m.entity)
                    .is_some_and(|l| l.metonym_for.is_some())
        })
    }

    /// A nationality adjective right after the trigger (الانسحاب الأمريكي), not
    /// one inside a force phrase (مقتل جنود أمريكيين).
    pub fn group_adjectival(&self, g: &Group) -> bool {
        let np = g.nps[0];
        let m = self.ment(np);
        m.adjectival && m.start == np.start && !np.place_noun
    }

    /// The entity a phrase stands for as an actor: metonymy (واشنطن → the
    /// United States), nationality adjectives, roles without names.
    pub fn as_actor(&self, table: &mut EntityTable, np: Np) -> Option<usize> {
        if np.place_noun {
            return None;
        }
        let mut m = self.ment(np).clone();
        if np.second {
            m.entity = m.second?;
        }
        let kind = table.get(m.entity).kind;
        if m.adjectival || m.role_only || kind.can_act() {
            return Some(m.entity);
        }
        let target = table.lex_entity(self.lex, m.entity)?.metonym_for.clone()?;
        table.by_lex_id(self.lex, &target)
    }

    pub fn as_place(&self, table: &EntityTable, np: Np) -> Option<usize> {
        let m = self.ment(np);
        let entity = if np.second { m.second? } else { m.entity };
        ((np.place_noun || !m.adjectival) && !m.role_only && table.get(entity).kind.is_place())
            .then_some(entity)
    }

    /// A بين / مع cue right before token `i`.
    pub fn cue_before(&self, i: usize) -> Option<CueKind> {
        let p = i.checked_sub(1)?;
        [CueKind::Between, CueKind::With]
            .into_iter()
            .find(|k| self.s.cue_at(self.lex, p, *k).is_some_and(|c| c.0 == i))
    }

    pub fn is_boundary(&self, k: usize) -> bool {
        let s = self.s;
        if s.is_punct(k) {
            // A quote opens a quotation, unless it encloses a name (قاعدة "عين الأسد").
            let quoted_name = QUOTES_OPEN.contains(&s.text(k))
                && s.ment_at(k + 1).is_some_and(|m| m.start == k + 1);
            // A straight quote after an odd number of them closes a quotation.
            if s.text(k) == "\"" && (0..k).filter(|&j| s.text(j) == "\"").count() % 2 == 1 {
                return false;
            }
            // Scare quotes around a short phrase after a trigger (استهداف
            // "قواعد الاحتلال الأمريكي" في العراق) are part of the clause.
            let scare = QUOTES_OPEN.contains(&s.text(k))
                && k > 0
                && s.matches_at(k - 1)
                    .any(|m| matches!(m.payload.target, Target::Trigger { .. }) && m.end == k)
                && (k + 2..(k + 7).min(s.len())).any(|j| {
                    matches!(s.text(j), "\"" | "»" | "”") && (k + 1..j).all(|i| !s.is_punct(i))
                });
            // (also a quoted adverbial without a verb between a trigger's
            // phrase and the rest of its clause: بخروج القوات الأمريكية "فوراً
            // ومن دون شروط" من الأراضي السورية)
            let adverbial = QUOTES_OPEN.contains(&s.text(k))
                && k > 0
                && s.ment_at(k - 1).is_some_and(|m| m.end == k)
                && (k + 2..(k + 7).min(s.len())).any(|j| {
                    matches!(s.text(j), "\"" | "»" | "”")
                        && (k + 1..j).all(|i| !s.is_punct(i) && !s.is_verb(i))
                        && s.has_cue(self.lex, j + 1, CueKind::Locative)
                });
            let scare = scare || adverbial;
            if self.bracketed_alias(k) {
                return false;
            }
            return matches!(s.text(k), "،" | "," | ":" | "؛" | ";" | "(" | ")")
                || (QUOTES_OPEN.contains(&s.text(k)) && !quoted_name && !scare)
                || (DASHES.contains(&s.text(k))
                    && !s.attached(k)
                    && !s.ment_at(k.saturating_sub(1)).is_some_and(|m| m.adjectival));
        }
        // (a word that is both "amid" and a direction is a direction before
        // a place: في وسط سوريا، قواعد وسط سوريا; وسط تصاعد التوتر is amid)
        let direction_of_place = || {
            s.cue_at(self.lex, k, CueKind::Direction)
                .is_some_and(|c| c.0 == k + 1)
                && s.matches_at(k + 1).any(|m| {
                    matches!(m.payload.target, Target::Entity { entity, .. }
                        if self.lex.entities[entity as usize].kind.is_some_and(|e| e.is_place()))
                })
        };
        (s.cue_covering(self.lex, k, CueKind::ClauseBoundary)
            .is_some()
            && !direction_of_place())
            || s.has_cue(self.lex, k, CueKind::RelativePronoun)
    }

    /// Whether the bracket at `k` encloses another name of the entity
    /// named right before it (قوات سوريا الديمقراطية (قسد) شرق الفرات): the
    /// clause runs through it. O(log m) for m mentions.
    fn bracketed_alias(&self, k: usize) -> bool {
        let s = self.s;
        let open = match s.text(k) {
            "(" => k,
            ")" => match s.ment_at(k.saturating_sub(1)) {
                Some(m) if m.start >= 1 => m.start - 1,
                _ => return false,
            },
            _ => return false,
        };
        let (Some(inner), Some(before)) = (s.ment_at(open + 1), open.checked_sub(1)) else {
            return false;
        };
        s.text(open) == "("
            && inner.start == open + 1
            && s.text(inner.end) == ")"
            && s.ment_at(before)
                .is_some_and(|m| m.end == open && m.entity == inner.entity)
    }

    /// The clause around a trigger: stops at clause boundaries, punctuation,
    /// complementizers and speech verbs; on the right, at most 18 tokens
    /// after the trigger (a place may follow a long object: ضربات على أكثر
    /// من 85 هدفاً تابعاً للحرس الثوري وفصائل موالية له في العراق).
    pub fn clause(&self, t0: usize, t1: usize) -> (usize, usize) {
        let s = self.s;
        let mut left = t0;
        // A parenthetical does not end the clause of a word outside it.
        let skip = |k: usize| !self.is_hidden(t0) && self.is_hidden(k);
        while left > 0 {
            let k = left - 1;
            // A quotation that opens with the verb keeps the subject before
            // it (إن القوات التركية "ستبقى في بعشيقة"), or with a predicate
            // participle (إن القوات الأمريكية "باقية في سوريا").
            // (or with a phase verb governing the noun: إن الولايات المتحدة
            // "ستواصل تدريب القوات العراقية")
            let quoted_verb = s.is_punct(k)
                && QUOTES_OPEN.contains(&s.text(k))
                && (s.is_verb(t0)
                    || (k + 1..t0)
                        .any(|j| s.is_verb(j) && s.has_cue(self.lex, j, CueKind::PhaseVerb))
                    || (k + 1 == t0
                        && s.matches_at(t0).any(|x| {
                            matches!(x.payload.target, Target::Trigger { .. })
                                && (x.payload.pos == Pos::Adjective
                                    // (an indefinite predicate: "باقية في سوريا")
                                    || (x.payload.pos == Pos::Noun
                                        && !x.clitics.article
                                        && x.clitics.prep.is_none()
                                        && s.text(t0).ends_with('ه')))
                        })))
                && (k + 1..t0).all(|j| {
                    [CueKind::Negation, CueKind::Planned, CueKind::PhaseVerb]
                        .iter()
                        .any(|c| s.cue_covering(self.lex, j, *c).is_some())
                });
            // A name quoted after a naming phrase is part of its clause
            // (جماعة تطلق على نفسها اسم "كتائب الثأر").
            let named = s.is_punct(k)
                && QUOTES_OPEN.contains(&s.text(k))
                && k > 0
                && s.cue_covering(self.lex, k - 1, CueKind::Naming).is_some();
            if skip(k) || quoted_verb || named {
                left = k;
                continue;
            }
            if self.is_boundary(k)
                || s.has_cue(self.lex, k, CueKind::Complementizer)
                || (s.has_cue(self.lex, k, CueKind::Speech)
                    && !s.has_cue(self.lex, k, CueKind::PhaseVerb))
            {
                break;
            }
            left = k;
        }
        let mut right = t1;
        let mut extra = 0;
        while right < s.len() && right < t1 + 18 + extra {
            if skip(right) {
                extra += 1;
                right += 1;
                continue;
            }
            if self.is_boundary(right) || s.has_cue(self.lex, right, CueKind::Complementizer) {
                break;
            }
            right += 1;
        }
        (left, right)
    }
}
