//! Subjects: the group before a verb that can act (and whether only
//! function words separate them), and the subject of the verb governing a
//! verbal noun, including the one asked or allowed to do it.

use super::{Before, Ctx, Group, QUOTES_OPEN};
use crate::extract::table::EntityTable;
use crate::lexicon::CueKind;
use crate::lexicon::morph::Pos;
use crate::matcher::{Match, Target};

impl Ctx<'_, '_> {
    /// The subject candidate before `t0` in tokens `left..t0`: the last group
    /// without a preposition that can act.
    pub fn subject_before(&self, table: &EntityTable, left: usize, t0: usize) -> Option<Before> {
        let group = self.groups(left, t0).into_iter().rev().find(|g| {
            (g.prep.is_none() || self.relation_parties(left, g)) && self.group_can_act(table, g)
        })?;
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
        // So may the place where the subject is (آخر الجنود الأمريكيين في
        // مطار بغداد الدولي سيغادرونه), also after an adjective that is no
        // lexicon participle (مستشارو التحالف المتبقون في إقليم كردستان).
        if from + 1 < t0
            && self.s.text(from).starts_with("ال")
            && self.s.ment_at(from).is_none()
            && !self.s.is_verb(from)
            && self.s.text(from + 1) == "في"
        {
            from += 1;
        }
        if from < t0
            && self.s.text(from) == "في"
            && let Some(g) = self.groups(from, t0).into_iter().next().filter(|g| {
                g.nps[0].start == from + 1
                    && g.nps.iter().all(|np| self.as_place(table, *np).is_some())
            })
        {
            from = g.end();
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

    /// Whether group `g` names the parties of a relation noun that opens the
    /// clause (العلاقة بين بغداد والتحالف ستنتقل، الشراكة بين البلدين): the
    /// parties are the subject of what the relation does.
    fn relation_parties(&self, left: usize, g: &Group) -> bool {
        let s = self.s;
        let b = g.nps[0].start;
        g.prep.as_deref() == Some("بين") && b >= 2 && b - 2 >= left && s.text(b - 1) == "بين" && {
            // (the relation noun, definite, maybe with one adjective)
            let mut h = b - 2;
            if h > left
                && s.text(h).starts_with("ال")
                && s.text(h - 1).starts_with("ال")
                && (s.text(h).ends_with('ه') || s.text(h).ends_with('ي'))
            {
                h -= 1;
            }
            s.text(h).starts_with("ال")
                && s.ment_at(h).is_none()
                && !s.is_verb(h)
                && !s.is_punct(h)
                && s.matches_at(h)
                    .all(|m| !matches!(m.payload.target, Target::Trigger { .. }))
                && (left..h).all(|k| self.function_word(k))
        }
    }

    /// The group that a participle or predicate at `t0` is said of: right
    /// before it (`adjacent`), or before the quote that opens with it.
    pub fn predicate_subject(
        &self,
        table: &EntityTable,
        left: usize,
        t0: usize,
        adjacent: bool,
    ) -> Option<Group> {
        let quoted = t0 > 0 && QUOTES_OPEN.contains(&self.s.text(t0 - 1));
        // (back over a copula: جنود أمريكيون كانوا متمركزين)
        let t0 = if adjacent
            && t0 > left
            && self
                .s
                .cue_at(self.lex, t0 - 1, CueKind::Copula)
                .is_some_and(|c| c.0 == t0)
        {
            t0 - 1
        } else {
            t0
        };
        self.groups(left, t0).into_iter().rev().find(|g| {
            ((adjacent && g.end() == t0) || (quoted && g.end() + 1 == t0))
                && self.group_can_act(table, g)
        })
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
        // A support verb takes its noun with a preposition (قام بزيارة),
        // and so does a verb of intent or threat (تعهدت بمواصلة، هددت باستهداف).
        let support = |v: usize| s.has_cue(self.lex, v, CueKind::PhaseVerb) || self.agentive(v);
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
                .find(|&k| s.has_any_cue(self.lex, k, &[CueKind::Complementizer, CueKind::Speech]))
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
            .filter(|&k| {
                !self.is_hidden(k) && s.cue_covering(self.lex, k, CueKind::Naming).is_none()
            })
            .find(|&k| {
                if purpose {
                    action_verb(k)
                } else {
                    s.is_verb(k)
                }
            })?;
        // (or an announcement of one's own move: أعلنت الدنمارك إرسال 30 مدرباً)
        let announces = speech_governs
            && v == left
            && s.matches_at(v).any(|x| match x.payload.target {
                Target::Trigger { action, .. } => {
                    self.lex.actions[action as usize].id == "announce"
                }
                _ => false,
            });
        // (a verb of intent's subject too: تعتزم الدنمارك إرسال مدربين)
        let agentive = self.agentive(v);
        if forces
            && !purpose
            && !announces
            && !agentive
            && !s.has_cue(self.lex, v, CueKind::PhaseVerb)
        {
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
                        && (!s
                            .matches_at(k)
                            .any(|x| matches!(x.payload.target, Target::Trigger { .. }))
                            // (a word of a naming phrase is no trigger:
                            // جماعة تطلق على نفسها اسم …)
                            || s.cue_covering(self.lex, k, CueKind::Naming).is_some())
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

    /// Whether the word at `v` is a verb of intent or threat whose subject
    /// does what it governs (`kg:agentive`: تعتزم، هددت).
    pub fn agentive(&self, v: usize) -> bool {
        [CueKind::Planned, CueKind::Hypothetical].iter().any(|k| {
            self.s
                .cue_at(self.lex, v, *k)
                .is_some_and(|c| self.lex.cues[c.1].agentive && c.0 == v + 1)
        })
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
}
