//! Reading noun phrases and their groups: the entity phrase at a token
//! (behind a quantity or a force noun, a nationality adjective only where
//! it qualifies something that can act), its conjuncts, and the groups of
//! a span with their governing preposition, locators and additions.

use super::{Ctx, DASHES, Group, Np, QUOTES_OPEN};
use crate::lexicon::CueKind;
use crate::matcher::Target;

impl Ctx<'_, '_> {
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
        // A definite plural nisba that opens its phrase names the people
        // of a state, who act for it (إن الإيرانيين لن ينسحبوا، غادر الأمريكيون).
        let t = s.text(i);
        let people = p == i
            && t.starts_with("ال")
            && (t.ends_with("يين") || t.ends_with("يون"))
            && (p == 0
                || s.is_punct(p - 1)
                || QUOTES_OPEN.contains(&s.text(p - 1))
                || s.is_verb(p - 1)
                || s.has_any_cue(
                    self.lex,
                    p - 1,
                    &[
                        CueKind::Complementizer,
                        CueKind::Negation,
                        CueKind::ClauseBoundary,
                    ],
                ));
        if people {
            return true;
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

    /// The phrase from `i` of forces that are members or means of the
    /// force named by mention `m` (عناصر من تنظيم داعش، طائرات تابعة للقوة
    /// الجوية): that force is who they are.
    fn member_of(&self, i: usize, m: usize) -> Np {
        Np {
            start: i,
            end: self.s.ments[m].end,
            ment: m,
            place_noun: false,
            second: false,
        }
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
                // (not a force noun: جزء من الجنود من سوريا — that من is
                // where they leave from)
                let k = if s.text(e) != "من"
                    && s.text(e + 1) == "من"
                    && !s.is_punct(e)
                    && !s.has_any_cue(self.lex, e, &[CueKind::ForceNoun, CueKind::TroopNoun])
                {
                    e + 1
                } else {
                    e
                };
                j = if s.text(k) == "من" { k + 1 } else { k };
            } else if s.is_number(j) {
                j += 1;
                // (a count of members: 600 من أفراد البعثة)
                if s.text(j) == "من"
                    && [CueKind::TroopNoun, CueKind::ForceNoun]
                        .iter()
                        .any(|k| s.has_cue(self.lex, j + 1, *k))
                {
                    j += 1;
                }
            } else if let Some((e, _, _)) = s.cue_at(self.lex, j, CueKind::NumberWord) {
                j = e;
            } else if j > i && matches!(s.text(j), "هذه" | "هذا" | "هؤلاء" | "تلك" | "ذلك")
            {
                // (a demonstrative after a quantity: الجزء الأكبر من هذه القوات)
                j += 1;
            } else {
                break;
            }
        }
        // A dual head noun before its first name (داخل محافظتي دهوك وأربيل):
        // the phrase starts at the head noun, where its preposition is.
        if j == i
            && self.ment_index_at(j).is_none()
            && let Some((e, _, _)) = s.cue_at(self.lex, j, CueKind::HeadNoun)
            && self.ment_index_at(e).is_some()
            && crate::extract::mentions::dual_head_before(s, self.lex, e)
        {
            j = e;
        }
        // A quantity of territory (حوالي ثلث أراضي العراق), or a noun of
        // territory (على أرض العراق، كامل الأراضي العراقية): the place.
        let mut territory = false;
        if self.ment_index_at(j).is_none()
            && let Some((e, c, _)) = s.cue_at(self.lex, j, CueKind::HeadNoun)
            && (j > i || self.lex.cues[c].territory)
            && self.lex.cues[c].introduces.is_some_and(|k| k.is_place())
            && self.ment_index_at(e).is_some()
        {
            j = e;
            territory = true;
        }
        if let Some(k) = self.ment_index_at(j) {
            // (where a weapon was made is not whose it is: مسيّرة إيرانية الصنع)
            if s.ments[k].adjectival && s.has_cue(self.lex, s.ments[k].end, CueKind::Origin) {
                return None;
            }
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
            // Definite nationality adjectives of a named body belong to its
            // phrase (اللجنة العسكرية العليا العراقية الأمريكية، الحشد الشعبي
            // العراقي); not a people's plural (استهدف الحشد الأمريكيين).
            let mut end = s.ments[k].end;
            while !s.ments[k].adjectival
                && !s.ments[k].anaphoric
                && let Some(a) = self.ment_index_at(end).filter(|&a| {
                    let t = s.text(end);
                    s.ments[a].adjectival
                        && t.starts_with("ال")
                        && !t.ends_with("يين")
                        && !t.ends_with("يون")
                })
            {
                end = s.ments[a].end;
            }
            return Some(Np {
                start: i,
                end,
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
                        .is_some_and(|c| c.0 == q + 1)
                    // (a unit's number: وحدات من الفرقة 70)
                    || (q > k + 1 && s.is_number(q)))
            {
                q += 1;
            }
            // (a unit of a named force: وحدات من الفرقة 70 في الجيش السوري)
            if q > k + 1
                && q + 1 < s.len()
                && self.ment_index_at(q).is_none()
                && s.text(q) == "في"
                && s.cue_at(self.lex, q + 1, CueKind::ForceNoun).is_some()
            {
                q += 1;
            }
            if let Some(m) = self.ment_index_at(q).filter(|&m| !s.ments[m].adjectival) {
                return Some(self.member_of(i, m));
            }
            // (… من القوات الأمريكية: forces named by nationality)
            if let Some(inner) = self.np_at(k + 1).filter(|n| !n.place_noun) {
                return Some(Np { start: i, ..inner });
            }
        }
        // Forces or means belonging to a named force, past a model name or
        // number (طائرات إف-16 تابعة للقوة الجوية العراقية).
        if let Some(b) = (k..(k + 5).min(s.len()))
            .take_while(|&q| !s.is_verb(q) && self.ment_index_at(q).is_none())
            .find(|&q| s.has_cue(self.lex, q, CueKind::Belonging))
            && let Some(m) = self
                .ment_index_at(b + 1)
                .filter(|&m| !s.ments[m].adjectival && s.text(b + 1).starts_with('ل'))
        {
            return Some(self.member_of(i, m));
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
            && (!self.ends_cue(force.0, &[CueKind::ForceNoun, CueKind::TroopNoun])
                // (where a weapon was made is not whose it is: إيرانية الصنع)
                || s.has_cue(self.lex, s.ments[m].end, CueKind::Origin))
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

    /// `np` and the phrases coordinated with it (a dual anaphor counts twice).
    pub fn coordinated(&self, np: Np) -> Vec<Np> {
        let s = self.s;
        let mut out = vec![np];
        if self.ment(np).second.is_some() {
            out.push(Np { second: true, ..np });
        }
        let mut last = np;
        // (a conjunct followed by a verb, in a clause whose verb came before
        // the group, is the subject of a new clause: تستهدف مطار أربيل
        // والمقاومة الإسلامية تتبنى الهجوم)
        // (looked at only when a conjunct is followed by a verb)
        // (a speech verb is that verb itself: قسد تعلن … في الباغوز وواشنطن
        // تبقي 400 جندي; nothing before it is looked at)
        let after_verb = || {
            (0..np.start)
                .rev()
                .take_while(|&k| {
                    !self.is_boundary(k)
                        && !s.has_cue(self.lex, k, CueKind::Complementizer)
                        && !s.has_cue(self.lex, k, CueKind::Between)
                })
                .find(|&k| s.is_verb(k) || s.has_cue(self.lex, k, CueKind::Speech))
                .is_some_and(|k| s.is_verb(k))
        };
        while last.end < s.len() {
            let mut k = last.end;
            // (past one adjective of the phrase that names nobody: ريف حلب
            // الجنوبي وريف إدلب الشرقي)
            let t = s.text(k);
            if k + 1 < s.len()
                && s.ment_at(k).is_none()
                && t.starts_with("ال")
                && (t.ends_with('ي') || t.ends_with("يه"))
                && s.matches_at(k).next().is_none()
                && (s.text(k + 1) == "و" || s.starts_with_conj(k + 1))
            {
                k += 1;
            }
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
                Some(n)
                    if !(n.end < s.len()
                        && s.is_verb(n.end)
                        && !s
                            .matches_at(n.end)
                            .any(|x| x.payload.pos == crate::lexicon::morph::Pos::Noun)
                        && after_verb()) =>
                {
                    out.push(n);
                    last = n;
                }
                _ => break,
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
                        // (or a conjunct with its own head noun naming a place of
                        // the same kind: قاعدة عين الأسد غربي الأنبار وقاعدة حرير)
                        let same_kind = || {
                            let head = |k: usize| {
                                self.s
                                    .cue_at(self.lex, k, CueKind::HeadNoun)
                                    .filter(|c| {
                                        self.lex.cues[c.1].names
                                            && self.lex.cues[c.1]
                                                .introduces
                                                .is_some_and(|i| i.is_place())
                                    })
                                    .map(|c| c.1)
                            };
                            let last = *nps.last().unwrap_or(&np);
                            head(self.ment(last).start)
                                .filter(|h| head(e) == Some(*h))
                                .and_then(|_| self.np_at(e))
                                .filter(|next| self.ment(*next).start == e)
                        };
                        if repeats {
                            k = e;
                        } else if let Some(next) = same_kind() {
                            nps.push(next);
                            k = next.end;
                        } else if crate::extract::mentions::dual_head_before(
                            self.s,
                            self.lex,
                            self.ment(np).start,
                        ) && let Some(next) = self.np_at(e)
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
}
