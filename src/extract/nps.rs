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

use super::sent::{Ment, Sent};
use super::table::EntityTable;
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon};
use crate::matcher::{Match, Target};

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

pub(super) const QUOTES_OPEN: &[&str] = &["\"", "“", "«"];
const DASHES: &[&str] = &["-", "–", "—"];

impl Ctx<'_, '_> {
    pub fn ment(&self, np: Np) -> &Ment {
        &self.s.ments[np.ment]
    }

    fn is_hidden(&self, k: usize) -> bool {
        self.hidden.get(k).copied().unwrap_or(false)
    }

    /// Tokens in `a..b` that are not inside a parenthetical or a date: the
    /// distance a reader perceives between two words (وتشن القوات التركية
    /// منذ الأربعاء الماضي هجوماً).
    pub fn gap(&self, a: usize, b: usize) -> usize {
        (a..b)
            .filter(|&k| !self.is_hidden(k) && !self.dated.get(k).copied().unwrap_or(false))
            .count()
    }

    fn ment_index_at(&self, i: usize) -> Option<usize> {
        let k = self.s.ments.partition_point(|m| m.end <= i);
        self.s.ments.get(k).filter(|m| m.start == i).map(|_| k)
    }

    fn ends_cue(&self, end: usize, kinds: &[CueKind]) -> bool {
        (end.saturating_sub(4)..end).any(|h| {
            kinds
                .iter()
                .any(|k| self.s.cue_at(self.lex, h, *k).is_some_and(|c| c.0 == end))
        })
    }

    /// Whether a nationality adjective at `i` qualifies something that can act.
    fn adjective_ok(&self, i: usize) -> bool {
        let s = self.s;
        let mut p = i;
        while p > 0 && (DASHES.contains(&s.text(p - 1)) || s.text(p - 1) == "و") {
            p -= 1;
        }
        if p == 0 {
            return false;
        }
        if p < i || s.starts_with_conj(i) {
            // A conjunct of another nationality adjective (فرنسية وأسترالية).
            if s.ment_at(p - 1).is_some_and(|m| m.adjectival) {
                return true;
            }
        }
        let qualifies = |p: usize| {
            self.ends_cue(p, &[CueKind::ForceNoun, CueKind::TroopNoun, CueKind::Title])
                || s.matches
                    .iter()
                    .any(|m| m.end == p && matches!(m.payload.target, Target::Trigger { .. }))
        };
        if qualifies(p) {
            return true;
        }
        // One adjective of the same definiteness may come first (المهمة
        // القتالية الأمريكية، القوات الخاصة الأمريكية).
        let prev = s.text(p - 1);
        p >= 2
            && !s.is_punct(p - 1)
            && s.ment_at(p - 1).is_none()
            && (prev.ends_with("يه") || prev.ends_with('ي'))
            && prev.starts_with("ال") == s.text(i).starts_with("ال")
            && prev.starts_with("ال") == s.text(p - 2).starts_with("ال")
            && qualifies(p - 1)
    }

    /// The entity noun phrase starting at `i`.
    pub fn np_at(&self, i: usize) -> Option<Np> {
        let s = self.s;
        let mut j = i;
        for _ in 0..4 {
            // (a mention first: بعضهم is a resolved pronoun, not a quantity)
            if self.ment_index_at(j).is_some() {
                break;
            }
            if let Some((e, _, _)) = s.cue_at(self.lex, j, CueKind::Quantity) {
                // عدداً محدوداً من المستشارين: one adjective before من.
                let k = if s.text(e) != "من" && s.text(e + 1) == "من" && !s.is_punct(e) {
                    e + 1
                } else {
                    e
                };
                j = if s.text(k) == "من" { k + 1 } else { k };
            } else if s.is_number(j) {
                j += 1;
            } else if let Some((e, _, _)) = s.cue_at(self.lex, j, CueKind::NumberWord) {
                j = e;
            } else {
                break;
            }
        }
        // A quantity of territory (حوالي ثلث أراضي العراق): the place.
        let mut territory = false;
        if j > i
            && self.ment_index_at(j).is_none()
            && let Some((e, c, _)) = s.cue_at(self.lex, j, CueKind::HeadNoun)
            && self.lex.cues[c].introduces.is_some_and(|k| k.is_place())
            && self.ment_index_at(e).is_some()
        {
            j = e;
            territory = true;
        }
        if let Some(k) = self.ment_index_at(j) {
            let mut place_noun = territory;
            if s.ments[k].adjectival && !self.adjective_ok(j) {
                // قواعد عراقية، الأراضي السورية: the country as a place.
                let after_place_noun = (j.saturating_sub(3)..j).any(|h| {
                    s.cue_at(self.lex, h, CueKind::HeadNoun).is_some_and(|c| {
                        c.0 == j && self.lex.cues[c.1].introduces.is_some_and(|e| e.is_place())
                    })
                });
                if !after_place_noun {
                    return None;
                }
                place_noun = true;
            }
            return Some(Np {
                start: i,
                end: s.ments[k].end,
                ment: k,
                place_noun,
                second: false,
            });
        }
        let force = [CueKind::ForceNoun, CueKind::TroopNoun]
            .iter()
            .find_map(|k| s.cue_at(self.lex, j, *k))?;
        let mut k = force.0;
        // Members of a named force (عناصر من تنظيم "داعش"، جنود من الجيش العراقي);
        // not a definite force noun, whose من is where they leave from
        // (سحب جزء من الجنود من سوريا).
        if k + 1 < s.len() && s.text(k) == "من" && !s.text(j).starts_with("ال") {
            let mut q = k + 1;
            while q < s.len()
                && (QUOTES_OPEN.contains(&s.text(q))
                    || s.cue_at(self.lex, q, CueKind::HeadNoun)
                        .is_some_and(|c| c.0 == q + 1))
            {
                q += 1;
            }
            if let Some(m) = self.ment_index_at(q).filter(|&m| !s.ments[m].adjectival) {
                return Some(Np {
                    start: i,
                    end: s.ments[m].end,
                    ment: m,
                    place_noun: false,
                    second: false,
                });
            }
            // (… من القوات الأمريكية: forces named by nationality)
            if let Some(inner) = self.np_at(k + 1).filter(|n| !n.place_noun) {
                return Some(Np { start: i, ..inner });
            }
        }
        // A quoted name after the force noun (فصائل "المقاومة الإسلامية").
        if k < s.len() && QUOTES_OPEN.contains(&s.text(k)) && self.ment_index_at(k + 1).is_some() {
            k += 1;
        }
        // One adjective between the force noun and its nationality (قوات خاصة أمريكية).
        // (not another force noun, which starts a phrase of its own:
        // بالصواريخ والمسيرات القوات الأمريكية)
        if self.ment_index_at(k).is_none()
            && k + 1 < s.len()
            && !s.is_punct(k)
            && s.cue_at(self.lex, k, CueKind::Locative).is_none()
            && [CueKind::ForceNoun, CueKind::TroopNoun, CueKind::HeadNoun]
                .iter()
                .all(|c| s.cue_at(self.lex, k, *c).is_none())
            // (nor a verb: بطائرات مسيرة تقول واشنطن إن …)
            && !s.is_verb(k)
        {
            k += 1;
        }
        let m = self.ment_index_at(k)?;
        if s.ments[m].adjectival
            && !self.ends_cue(force.0, &[CueKind::ForceNoun, CueKind::TroopNoun])
        {
            return None;
        }
        // (an adverb of place is where the forces are, not whose: الجنود هناك)
        if s.ments[m].anaphoric
            && s.cue_at(self.lex, s.ments[m].start, CueKind::Anaphor)
                .is_some_and(|c| self.lex.cues[c.1].adverbial)
        {
            return None;
        }
        Some(Np {
            start: i,
            end: s.ments[m].end,
            ment: m,
            place_noun: false,
            second: false,
        })
    }

    /// The end of a locator right after a place phrase ending at `k`: a
    /// direction with its place (غربي البلاد) or a place with بـ or في (بالأنبار،
    /// في أربيل).
    fn locator_end(&self, k: usize, to: usize) -> Option<usize> {
        let s = self.s;
        if k >= to {
            return None;
        }
        if let Some(c) = s.cue_at(self.lex, k, CueKind::Direction) {
            // (the direction may be part of the place's name: غربي العراق)
            return self
                .np_at(k)
                .filter(|n| n.start == k)
                .or_else(|| self.np_at(c.0))
                .map(|n| n.end);
        }
        if s.text(k) == "في" {
            return self.np_at(k + 1).map(|n| n.end);
        }
        s.matches_at(k)
            .any(|m| matches!(m.clitics.prep, Some('ب')))
            .then(|| self.np_at(k))
            .flatten()
            .filter(|n| n.start == k)
            .map(|n| n.end)
    }

    /// Whether a dual head noun (قاعدتي، محافظتي) comes right before `start`.
    fn dual_head(&self, start: usize) -> bool {
        start > 0
            && self.s.text(start - 1).ends_with("تي")
            && self
                .s
                .cue_at(self.lex, start - 1, CueKind::HeadNoun)
                .is_some_and(|c| c.0 == start)
    }

    /// `np` and the phrases coordinated with it (a dual anaphor counts twice).
    pub fn coordinated(&self, np: Np) -> Vec<Np> {
        let s = self.s;
        let mut out = vec![np];
        if self.ment(np).second.is_some() {
            out.push(Np { second: true, ..np });
        }
        let mut last = np;
        while last.end < s.len() {
            let k = last.end;
            let k = if s.text(k) == "و"
                || (DASHES.contains(&s.text(k)) && self.ment(last).adjectival)
            {
                k + 1
            } else if s.starts_with_conj(k) {
                k
            } else {
                break;
            };
            match self.np_at(k) {
                Some(n) => {
                    out.push(n);
                    last = n;
                }
                None => break,
            }
        }
        out
    }

    /// The groups of noun phrases in tokens `from..to`, in order.
    pub fn groups(&self, from: usize, to: usize) -> Vec<Group> {
        let mut out = Vec::new();
        let mut k = from;
        while k < to {
            match self.np_at(k) {
                Some(np) => {
                    let mut nps: Vec<Np> = self
                        .coordinated(np)
                        .into_iter()
                        .take_while(|n| n.end <= to.max(np.end))
                        .collect();
                    let prep = self.s.preposition_before(self.lex, np.start);
                    k = nps.last().map_or(k + 1, |n| n.end);
                    // A locator of the last place (غربي البلاد، بالأنبار) before a
                    // conjunct that repeats the preposition (في قاعدة عين الأسد
                    // غربي البلاد وفي أربيل) or completes a dual head noun
                    // (قاعدتي عين الأسد بالأنبار وحرير في أربيل).
                    if let Some(e) = self.locator_end(k, to)
                        && e < to
                        && self.s.starts_with_conj(e)
                    {
                        let repeats = prep.is_some()
                            && self.s.matches_at(e).any(|m| {
                                m.end == e + 1
                                    && matches!(m.payload.target, Target::Cue { cue, .. } if self.lex.cues[cue as usize].kind == CueKind::Locative)
                            });
                        if repeats {
                            k = e;
                        } else if self.dual_head(np.start)
                            && let Some(next) = self.np_at(e)
                        {
                            nps.push(next);
                            k = next.end;
                        }
                    }
                    // The same preposition repeated with و (من قاعدة حرير ومن مطار
                    // أربيل) continues the group.
                    while prep.is_some() && k + 1 < to && self.s.starts_with_conj(k) {
                        let again = self.s.matches_at(k).any(|m| {
                            m.end == k + 1
                                && matches!(m.payload.target, Target::Cue { cue, .. } if self.lex.cues[cue as usize].kind == CueKind::Locative)
                                && self.s.text(k).ends_with(prep.as_deref().unwrap_or("-"))
                        });
                        match self.np_at(k + 1).filter(|_| again) {
                            Some(next) => {
                                let more: Vec<Np> = self
                                    .coordinated(next)
                                    .into_iter()
                                    .take_while(|n| n.end <= to.max(next.end))
                                    .collect();
                                k = more.last().map_or(k + 1, |n| n.end);
                                nps.extend(more);
                            }
                            None => break,
                        }
                    }
                    // "In addition to" extends a group of places (من قاعدتي الشدادي
                    // وحقل العمر، إلى جانب حامية التنف).
                    // (the comma before it may end the clause)
                    while prep.is_some() && k <= to && k < self.s.len() {
                        let at = if self.s.is_punct(k) && matches!(self.s.text(k), "،" | ",") {
                            k + 1
                        } else {
                            k
                        };
                        let Some(c) = self.s.cue_at(self.lex, at, CueKind::Addition) else {
                            break;
                        };
                        // (one descriptive noun may precede the name: حامية التنف)
                        let Some(next) = self
                            .np_at(c.0)
                            .or_else(|| self.np_at(c.0 + 1))
                            .filter(|n| !self.ment(*n).adjectival)
                        else {
                            break;
                        };
                        let more = self.coordinated(next);
                        k = more.last().map_or(next.end, |n| n.end);
                        nps.extend(more);
                    }
                    out.push(Group { nps, prep });
                }
                None => k += 1,
            }
        }
        out
    }

    /// The subject candidate before `t0` in tokens `left..t0`: the last group
    /// without a preposition that can act.
    pub fn subject_before(&self, table: &EntityTable, left: usize, t0: usize) -> Option<Before> {
        let group = self
            .groups(left, t0)
            .into_iter()
            .rev()
            .find(|g| g.prep.is_none() && self.group_can_act(table, g))?;
        let skippable = [
            CueKind::Negation,
            CueKind::Planned,
            CueKind::Hypothetical,
            CueKind::StopWord,
            CueKind::Complementizer,
        ];
        // A participle and its complements may follow the subject (القوات
        // الأمريكية المتمركزة في قاعدة التنف "تدرّب …").
        let mut from = group.end();
        if self
            .s
            .matches_at(from)
            .any(|m| m.payload.pos == Pos::Adjective)
        {
            from += 1;
            for g in self.groups(from, t0) {
                if g.prep.is_none() || g.nps[0].start > from + 1 {
                    break;
                }
                from = g.end();
            }
        }
        let adjacent = (from..t0).all(|k| {
            self.is_hidden(k)
                || (self.s.is_punct(k) && QUOTES_OPEN.contains(&self.s.text(k)))
                || skippable
                    .iter()
                    .any(|c| self.s.cue_covering(self.lex, k, *c).is_some())
        });
        Some(Before { group, adjacent })
    }

    /// Whether token `k` is a function word, a cue or punctuation (not a noun
    /// that could be an unknown subject).
    pub fn function_word(&self, k: usize) -> bool {
        let s = self.s;
        self.is_hidden(k)
            || s.is_punct(k)
            || s.matches.iter().any(|m| {
                m.start <= k && k < m.end && matches!(m.payload.target, Target::Cue { .. })
            })
            || s.text(k).chars().count() <= 2
    }

    /// The subject of the verb governing the verbal noun `m`: the nearest
    /// lexicon verb before it in the clause, with a subject right after it
    /// (VSO) or right before it (SVO), when the noun is that verb's direct
    /// object (أعلن بارزاني معارضة) or its purpose (… لتقديم المشورة). A noun
    /// under a preposition (بعد اغتيال، بإلغاء) takes no subject. For the
    /// forces actions only a phase verb passes its subject on (بدأت القوات
    /// الانسحاب), not a verb such as طالب.
    pub fn governing_subject(
        &self,
        table: &EntityTable,
        left: usize,
        m: &Match,
        forces: bool,
    ) -> Option<Group> {
        let s = self.s;
        let t0 = m.start;
        // Purpose (لتقديم المشورة) and accompanying circumstance (مع نقل
        // معدات) share the subject of the main clause, whatever its verb.
        let with = t0 > 0 && s.cue_covering(self.lex, t0 - 1, CueKind::With).is_some();
        let purpose = m.clitics.prep == Some('ل') || with;
        if let Some(g) = self.asked_to_act(table, left, m) {
            return Some(g);
        }
        // A support verb takes its noun with a preposition (قام بزيارة).
        let support = |v: usize| s.has_cue(self.lex, v, CueKind::PhaseVerb);
        if m.clitics.prep.is_some()
            && !purpose
            && !(left..t0)
                .rev()
                .find(|&k| s.is_verb(k))
                .is_some_and(support)
        {
            return None;
        }
        if t0 > 0
            && !with
            && [CueKind::Locative, CueKind::DateQualifier]
                .iter()
                .any(|k| s.cue_covering(self.lex, t0 - 1, *k).is_some())
        {
            return None;
        }
        // The main verb of a purpose or circumstance may lie before a comma;
        // it must be an action or phase verb (not التخطيط لهجمات after قال).
        // (Not beyond the complementizer or speech verb that opens its clause.)
        let left = if purpose {
            (0..t0)
                .rev()
                .find(|&k| {
                    s.has_cue(self.lex, k, CueKind::Complementizer)
                        || s.has_cue(self.lex, k, CueKind::Speech)
                })
                .map_or(0, |k| k + 1)
        } else {
            left
        };
        let action_verb = |k: usize| {
            s.matches_at(k).any(|x| {
                matches!(x.payload.pos, Pos::Past | Pos::Present)
                    && match x.payload.target {
                        Target::Trigger { .. } => true,
                        // (a verb of intent too: تخطط للإعلان)
                        Target::Cue { cue, .. } => matches!(
                            self.lex.cues[cue as usize].kind,
                            CueKind::PhaseVerb | CueKind::Planned
                        ),
                        _ => false,
                    }
            })
        };
        // A speech verb that governs the noun directly (أعلنت المقاومة
        // استهداف قاعدة حرير: a claim) ends the clause but is its verb.
        let speech_governs = left > 0
            && s.has_cue(self.lex, left - 1, CueKind::Speech)
            && s.is_verb(left - 1)
            && !s.has_cue(self.lex, left, CueKind::Complementizer);
        let left = if speech_governs { left - 1 } else { left };
        // (its subject may come before it: المقاومة … تعلن استهداف قاعدتين)
        let subject_left = if speech_governs {
            (0..left)
                .rev()
                .find(|&k| self.is_boundary(k))
                .map_or(0, |k| k + 1)
        } else {
            left
        };
        let v = (left..t0)
            .rev()
            .filter(|&k| !self.is_hidden(k))
            .find(|&k| {
                if purpose {
                    action_verb(k)
                } else {
                    s.is_verb(k)
                }
            })?;
        if forces && !purpose && !s.has_cue(self.lex, v, CueKind::PhaseVerb) {
            return None;
        }
        // What is condemned or demanded is not done by the one who condemns
        // it (دانت الحكومة العراقية الهجوم).
        if !purpose
            && s.matches_at(v).any(|x| {
                matches!(x.payload.target, Target::Trigger { action, .. }
                    if self.lex.actions[action as usize].embeds)
            })
        {
            return None;
        }
        // A subject after the verb follows it directly (not the object of
        // another noun: يواصل تدريب القوات العراقية وتقديم …).
        let g = match self
            .groups(v + 1, t0)
            .into_iter()
            .find(|g| g.prep.is_none())
            .filter(|g| {
                (v + 1..g.nps[0].start).all(|k| {
                    self.function_word(k)
                        && !s
                            .matches_at(k)
                            .any(|x| matches!(x.payload.target, Target::Trigger { .. }))
                })
            }) {
            Some(g) if self.group_can_act(table, &g) => g,
            Some(_) => return None,
            None => {
                self.subject_before(table, subject_left.min(left), v)
                    .filter(|b| b.adjacent)?
                    .group
            }
        };
        let from = if g.end() > v { g.end() } else { v + 1 };
        if !purpose && !(from..t0).all(|k| self.function_word(k)) {
            return None;
        }
        Some(g)
    }

    /// "دعا التحالف إلى المغادرة"، "طالبت موسكو واشنطن بسحب قواتها": the
    /// object of a verb whose action has `object_acts` is the actor of the
    /// noun it is asked to do (after إلى or بـ).
    fn asked_to_act(&self, table: &EntityTable, left: usize, m: &Match) -> Option<Group> {
        let s = self.s;
        let t0 = m.start;
        let to = t0 > 0 && matches!(s.text(t0 - 1), "الي" | "إلى" | "الى");
        let start = if to { t0 - 1 } else { t0 };
        if !to && m.clitics.prep != Some('ب') {
            return None;
        }
        let v = (left..start).rev().find(|&k| s.is_verb(k))?;
        let asks = s.matches_at(v).any(|x| {
            matches!(x.payload.pos, Pos::Past | Pos::Present)
                && matches!(x.payload.target, Target::Trigger { action, .. }
                    if self.lex.actions[action as usize].object_acts)
        });
        // A verb of permission takes the one allowed with ل (تسمح لبعض القوات
        // الأمريكية بالبقاء).
        let permits = s.matches_at(v).any(|x| {
            matches!(x.payload.pos, Pos::Past | Pos::Present)
                && matches!(x.payload.target, Target::Cue { cue, .. }
                    if self.lex.cues[cue as usize].kind == CueKind::Hypothetical)
        });
        if !asks && !permits {
            return None;
        }
        let groups = self.groups(v + 1, start);
        let g = groups.last().filter(|g| {
            g.end() == start
                && if asks {
                    g.prep.is_none()
                } else {
                    g.prep.as_deref() == Some("ل")
                }
        })?;
        self.group_can_act(table, g).then(|| g.clone())
    }

    /// Whether some phrase of the group can be an actor.
    pub fn group_can_act(&self, table: &EntityTable, g: &Group) -> bool {
        g.nps.iter().filter(|np| !np.place_noun).any(|np| {
            let m = self.ment(*np);
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
            return matches!(s.text(k), "،" | "," | ":" | "؛" | ";" | "(" | ")")
                || (QUOTES_OPEN.contains(&s.text(k)) && !quoted_name)
                || (DASHES.contains(&s.text(k))
                    && !s.ment_at(k.saturating_sub(1)).is_some_and(|m| m.adjectival));
        }
        s.cue_covering(self.lex, k, CueKind::ClauseBoundary)
            .is_some()
            || s.has_cue(self.lex, k, CueKind::RelativePronoun)
    }

    /// The clause around a trigger: stops at clause boundaries, punctuation,
    /// complementizers and speech verbs.
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
            let quoted_verb = s.is_punct(k)
                && QUOTES_OPEN.contains(&s.text(k))
                && (s.is_verb(t0)
                    || (k + 1 == t0
                        && s.matches_at(t0).any(|x| {
                            matches!(x.payload.target, Target::Trigger { .. })
                                && x.payload.pos == Pos::Adjective
                        })))
                && (k + 1..t0).all(|j| {
                    [CueKind::Negation, CueKind::Planned]
                        .iter()
                        .any(|c| s.cue_covering(self.lex, j, *c).is_some())
                });
            if skip(k) || quoted_verb {
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
        while right < s.len() && right < t1 + 14 + extra {
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
