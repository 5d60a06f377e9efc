//! What the clause around a trigger supplies besides its roles: the
//! complementizer pronoun or the earlier verb whose subject it shares, the
//! speaker it is attributed to, its date and its troop count.

use crate::extract::dates::DateMent;
use crate::extract::modality::Speaker;
use crate::extract::nps::{Ctx, Group, Np};
use crate::extract::table::EntityTable;
use crate::lexicon::CueKind;
use crate::lexicon::morph::Pos;
use crate::matcher::Match;
use crate::text::token::parse_number;

/// Whether the subject of trigger `m` (a verb, or a noun right after its
/// verb) is the pronoun of a complementizer before it (أنه، إنها، أنهم).
/// The complementizer with a pronoun (أنه، إنها) whose pronoun is the
/// subject of the trigger's verb, if any.
pub(super) fn pronoun_complementizer(cx: &Ctx, m: &Match) -> Option<usize> {
    let s = cx.s;
    let mut k = m.start;
    // (a fixed predicate phrase counts as a verb: إنها لن تقبل بـ…)
    if !matches!(m.payload.pos, Pos::Past | Pos::Present) && m.end - m.start == 1 {
        if k == 0 || !s.is_verb(k - 1) {
            return None;
        }
        k -= 1;
    }
    while k > 0
        && [CueKind::Planned, CueKind::Negation, CueKind::Hypothetical]
            .iter()
            .any(|c| s.cue_covering(cx.lex, k - 1, *c).is_some())
        && !s.has_cue(cx.lex, k - 1, CueKind::Complementizer)
    {
        k -= 1;
    }
    // (and the opening quote of the complement: إنها "لن تقبل …")
    if k > 1 && crate::extract::nps::QUOTES_OPEN.contains(&s.text(k - 1)) {
        k -= 1;
    }
    // (a copula carries the pronoun: نفت أن تكون قد نفّذت الهجوم)
    if k > 1
        && s.cue_at(cx.lex, k - 1, CueKind::Copula)
            .is_some_and(|c| c.0 == k)
        && s.has_cue(cx.lex, k - 2, CueKind::Complementizer)
    {
        return Some(k - 2);
    }
    (k > 0 && s.has_cue(cx.lex, k - 1, CueKind::Complementizer) && ends_with_pronoun(s.text(k - 1)))
        .then(|| k - 1)
}

/// A complementizer with a feminine or plural pronoun (أنها، أنهم) is the
/// subject of the verb after it, so a phrase after the verb is its object
/// and no actor (وأكدت أنها ستستهدف القوات الأمريكية). Not أنه, which may
/// be the impersonal pronoun (أعلن أنه سيتم سحب …، أنه وصلت تعزيزات).
/// (The caller skips verbs whose object is the actor: أنها ستجمع القوات.)
/// O(a) for the a actors found.
pub(super) fn drop_subject_after_pronoun(
    cx: &Ctx,
    m: &Match,
    actors: &mut Vec<(usize, crate::extract::nps::Np)>,
) {
    if matches!(m.payload.pos, Pos::Past | Pos::Present)
        && let Some(c) = pronoun_complementizer(cx, m)
        && ends_with_pronoun(cx.s.text(c))
        && !cx.s.text(c).ends_with('ه')
    {
        actors.retain(|(_, np)| np.start < m.end);
    }
}

/// The speaker of a speech verb between tokens `from` and `to` that
/// governs what follows it (قال X إن، نفت X أن), if one is named.
pub(super) fn speaker_between(speakers: &[Speaker], from: usize, to: usize) -> Option<usize> {
    speakers
        .iter()
        .rfind(|sp| !sp.after && from <= sp.verb && sp.verb < to)
        .and_then(|sp| sp.entity)
}

pub(super) fn attribution_for(speakers: &[Speaker], m: &Match) -> Option<usize> {
    speakers
        .iter()
        .filter(|sp| sp.verb < m.start || (sp.after && sp.verb > m.start))
        .filter(|sp| sp.verb != m.start)
        // (a source phrase naming no one, وفق ما تنص عليه الخطة, does not
        // replace the speaker of the sentence)
        .filter(|sp| sp.entity.is_some() || !(sp.after && sp.verb > m.start))
        .map(|sp| sp.entity)
        .next_back()
        .flatten()
}

/// The date of a trigger: the nearest date expression of its own clause.
/// A complementizer, a speech verb or a clause boundary between them means
/// the date belongs to another clause (قال مسؤول، اليوم الأحد، إن القوات
/// انسحبت: the withdrawal has no date); another trigger between them costs.
pub(super) fn pick_date(
    cx: &Ctx,
    dates: &[DateMent],
    m: &Match,
    triggers: &[Match],
) -> Option<usize> {
    let s = cx.s;
    let between_trigger = |a: usize, b: usize| {
        triggers
            .iter()
            .any(|t| t.start >= a && t.end <= b && t.start != m.start)
    };
    // (A relative clause or a comma is inserted material: no block.)
    let new_clause = m.clitics.conj.is_some();
    let other_clause = |a: usize, b: usize| {
        (a..b).any(|k| {
            (new_clause && b == m.start && s.is_punct(k) && matches!(s.text(k), "،" | ","))
                || s.has_any_cue(
                    cx.lex,
                    k,
                    &[
                        CueKind::ClauseBoundary,
                        CueKind::Complementizer,
                        CueKind::Speech,
                    ],
                )
                || (s.is_punct(k) && matches!(s.text(k), ":" | "–" | "-" | "—" | "؛"))
        })
    };
    dates
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let (a, b, extra) = if d.start >= m.end {
                (m.end, d.start, 0)
            } else if d.end <= m.start {
                (d.end, m.start, 2)
            } else {
                return Some((0, i));
            };
            // A date beyond another trigger is that trigger's.
            if other_clause(a, b) || between_trigger(a, b) {
                return None;
            }
            let cost = b - a + extra;
            (cost <= 24).then_some((cost, i))
        })
        .min()
        .map(|x| x.1)
}

pub(super) fn troops(cx: &Ctx, left: usize, right: usize) -> Option<u64> {
    let s = cx.s;
    for k in left..right {
        if !s.is_number(k) {
            continue;
        }
        let mut value = parse_number(s.text(k))?;
        let mut j = k + 1;
        if let Some((e, cue, _)) = s.cue_at(cx.lex, j, CueKind::NumberWord) {
            value *= cx.lex.cues[cue].number.unwrap_or(1) as f64;
            j = e;
        }
        if s.has_cue(cx.lex, j, CueKind::TroopNoun) && value >= 1.0 {
            return Some(value.round() as u64);
        }
    }
    None
}

/// The subject of the nearest verb before `t0` in its sentence that has one,
/// when no complementizer or clause boundary other than a comma comes
/// between: the phrase right after it (VSO) or right before it (SVO).
///
/// O(n²) in the sentence's tokens at worst (a subject search per verb).
pub(in crate::extract) fn earlier_verb_subject(
    cx: &Ctx,
    table: &EntityTable,
    t0: usize,
) -> Option<Group> {
    let s = cx.s;
    let lex = cx.lex;
    for k in (0..t0).rev() {
        if s.has_cue(lex, k, CueKind::Complementizer)
            || (cx.is_boundary(k) && !matches!(s.text(k), "،" | ","))
        {
            return None;
        }
        if !s.is_verb(k) || s.is_passive(k) {
            continue;
        }
        let after = cx.groups(k + 1, t0).into_iter().next().filter(|g| {
            g.prep.is_none() && cx.gap(k + 1, g.nps[0].start) == 0 && cx.group_can_act(table, g)
        });
        let found = after.or_else(|| {
            cx.subject_before(table, 0, k)
                .filter(|b| b.adjacent)
                .map(|b| b.group)
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A subject carried by a particle: a phrase of the sentence or the speaker.
pub(super) enum Resumed {
    Group(Vec<crate::extract::nps::Np>),
    Speaker(usize),
}

/// The subject that a particle before verb `m` carries: after a resumptive
/// particle (لكنها طالبت، إلا أنه أعلن) the subject of the clause before it,
/// or else the speaker; after أما X، (فقد طالبت) X.
pub(super) fn resumed_subject(
    cx: &Ctx,
    table: &EntityTable,
    m: &Match,
    speaker: Option<usize>,
) -> Option<Resumed> {
    let s = cx.s;
    let lex = cx.lex;
    // (past negation, future and قد before the verb: لكنها لم تعلن، فقد طالبت)
    let mut k = m.start;
    while k > 0
        && [CueKind::Negation, CueKind::Planned, CueKind::Hypothetical]
            .iter()
            .any(|c| s.cue_covering(lex, k - 1, *c).is_some())
    {
        k -= 1;
    }
    let resumptive = (k.saturating_sub(2)..k).find(|&j| {
        s.cue_at(lex, j, CueKind::Resumptive)
            .is_some_and(|c| c.0 == k)
    });
    if let Some(j) = resumptive {
        return earlier_or_speaker(cx, table, j, speaker);
    }
    // أما X، فـ…: the verb (or its قد) carries ف after the comma.
    let comma = k.checked_sub(1).filter(|&c| matches!(s.text(c), "،" | ","));
    let fa = s.text(k).starts_with('ف') || s.text(m.start).starts_with('ف');
    if let Some(c) = comma.filter(|_| fa) {
        let topic = (c.saturating_sub(8)..c).find(|&j| s.has_cue(lex, j, CueKind::Topic))?;
        return cx
            .groups(topic + 1, c)
            .into_iter()
            .next()
            .filter(|g| {
                g.prep.is_none() && g.nps[0].start <= topic + 2 && cx.group_can_act(table, g)
            })
            .map(|g| Resumed::Group(g.nps));
    }
    None
}

/// The subject of a verbal noun that a verb or participle of intent governs
/// (…، وتوعدت بمواصلة ضرب المصالح، …، متوعدةً باستهداف القواعد), phase
/// nouns between, when that verb continues the clause (with و) or is a
/// participle after a comma: the earlier verb's subject, or the speaker.
/// The phrase after the noun is then its object.
pub(super) fn intent_subject(
    cx: &Ctx,
    table: &EntityTable,
    m: &Match,
    speaker: Option<usize>,
) -> Option<Resumed> {
    let s = cx.s;
    let lex = cx.lex;
    if m.clitics.conj.is_some() {
        return None;
    }
    let mut k = m.start;
    // (a phase noun between: بمواصلة، باستمرار; a bare form after it is a
    // verbal noun, بمواصلة ضرب)
    if k > 0
        && s.cue_at(lex, k - 1, CueKind::PhaseVerb)
            .is_some_and(|c| c.0 == k)
        && !s.is_verb(k - 1)
    {
        k -= 1;
    } else if m.payload.pos != Pos::Noun {
        return None;
    }
    let v = k.checked_sub(1)?;
    let intent = s.cue_at(lex, v, CueKind::Planned).is_some_and(|c| c.0 == k) || cx.agentive(v);
    let after_comma = v > 0 && matches!(s.text(v - 1), "،" | ",");
    let coordinated = s.is_verb(v) && s.starts_with_conj(v);
    if !intent || !(after_comma || coordinated) {
        return None;
    }
    earlier_or_speaker(cx, table, v, speaker)
}

/// The subject of the verb before token `t0` ([`earlier_verb_subject`]),
/// or else the speaker.
fn earlier_or_speaker(
    cx: &Ctx,
    table: &EntityTable,
    t0: usize,
    speaker: Option<usize>,
) -> Option<Resumed> {
    earlier_verb_subject(cx, table, t0)
        .map(|g| Resumed::Group(g.nps))
        .or(speaker.map(Resumed::Speaker))
}

/// The subject a relative clause gives trigger `m` (clause starting at
/// `left`): for a verb opening a relative clause without a subject of its
/// own, the clause's head (الجنود الأمريكيين الذين سيبقون في العراق); for
/// an event noun followed by a relative clause whose verb has a subject,
/// that subject (عمليات التدريب التي يقدمها التحالف، الهجمات التي تشنها
/// الفصائل).
pub(super) fn relative_subject(
    cx: &Ctx,
    table: &EntityTable,
    m: &Match,
    left: usize,
) -> Option<Group> {
    let s = cx.s;
    let lex = cx.lex;
    if matches!(m.payload.pos, Pos::Past | Pos::Present) {
        if s.is_passive(m.start)
            || left == 0
            || !(left..m.start).all(|k| cx.function_word(k))
            || !s.has_cue(lex, left - 1, CueKind::RelativePronoun)
            // (a subject with a resumptive pronoun: الذي تنشر بلاده)
            || s.has_cue(lex, m.end, CueKind::Anaphor)
        {
            return None;
        }
        // (past a comma: الشيباني، الذي التقى نظيره)
        let head_end = if left > 1 && matches!(s.text(left - 2), "،" | ",") {
            left - 2
        } else {
            left - 1
        };
        return cx
            .groups(head_end.saturating_sub(10), head_end)
            .into_iter()
            .rev()
            .find(|g| g.end() == head_end && g.prep.is_none() && cx.group_can_act(table, g));
    }
    let rel = (m.end..(m.end + 5).min(s.len()))
        .take_while(|&k| !cx.is_boundary(k) || s.has_cue(lex, k, CueKind::RelativePronoun))
        .find(|&k| s.has_cue(lex, k, CueKind::RelativePronoun))?;
    // (the relative verb, often unknown to the lexicon: يقدمها، يوفرها)
    // (its object is the noun, resumed by a pronoun on the verb: نفذتها;
    // without one the phrase after it is its object: الهجمات التي تستهدف أربيل)
    if rel + 1 >= s.len()
        || (cx.function_word(rel + 1) && !s.is_verb(rel + 1))
        || s.ment_at(rel + 1).is_some()
        || (s.is_verb(rel + 1) && !ends_with_pronoun(s.text(rel + 1)))
    {
        return None;
    }
    cx.groups(rel + 2, (rel + 6).min(s.len()))
        .into_iter()
        .next()
        .filter(|g| g.prep.is_none() && g.nps[0].start <= rel + 3)
        .filter(|g| cx.group_can_act(table, g))
}

/// Whether verb `m` opens a relative clause (its clause starts at `left`,
/// right after الذي/التي) with no resumptive pronoun on it or on a
/// preposition or noun right after it: the clause's head is its subject, and the
/// phrase after it its object (وحدتها التي تدرّب قوات البيشمركة; not
/// الهجمات التي شنتها الفصائل، المناطق التي تسيطر عليها قسد).
pub(super) fn relative_verb(cx: &Ctx, m: &Match, left: usize) -> bool {
    let s = cx.s;
    matches!(m.payload.pos, Pos::Past | Pos::Present)
        && left == m.start
        && left > 0
        && !s.is_passive(m.start)
        && s.has_cue(cx.lex, left - 1, CueKind::RelativePronoun)
        && !ends_with_pronoun(s.text(m.end - 1))
        && !(m.end < s.len()
            && ends_with_pronoun(s.text(m.end))
            && ["علي", "في", "من", "ب", "ل", "عن", "الي", "مع"]
                .iter()
                .any(|p| s.text(m.end).starts_with(p)))
        // (nor on the noun right after it: الذي تنشر بلاده 300 جندي)
        && !s.has_cue(cx.lex, m.end, CueKind::Anaphor)
}

/// The phase verb right before noun trigger `m` (ستواصل ضرب), whose subject
/// is the noun's.
pub(super) fn phase_verb_of<'a>(cx: &Ctx<'a, '_>, m: &Match) -> Option<&'a Match> {
    let s = cx.s;
    if m.payload.pos != Pos::Noun || m.start == 0 {
        return None;
    }
    s.matches_at(m.start - 1).find(|x| {
        x.end == m.start
            && matches!(x.payload.pos, Pos::Past | Pos::Present)
            && s.cue_at(cx.lex, m.start - 1, CueKind::PhaseVerb).is_some()
    })
}

/// Whether the verb `m` is followed by "with him/her/them" (وبحث معه،
/// وناقش معهم): the talks of one just met, whose subject is the earlier
/// verb's, and the phrase after it the topic, not a subject.
pub(super) fn with_pronoun_after(cx: &Ctx, m: &Match) -> bool {
    matches!(m.payload.pos, Pos::Past | Pos::Present)
        && m.end < cx.s.len()
        && PRONOUN_SUFFIXES
            .iter()
            .any(|p| cx.s.text(m.end).strip_suffix(p) == Some("مع"))
}

/// Attached third-person pronouns, as normalized text spells them.
pub(super) const PRONOUN_SUFFIXES: [&str; 4] = ["ه", "ها", "هم", "هما"];

/// Whether a token ends in an attached third-person pronoun (أنه، إنها،
/// شنتها، عليهم).
fn ends_with_pronoun(t: &str) -> bool {
    PRONOUN_SUFFIXES.iter().any(|p| t.ends_with(p))
}

/// The actors of event noun `m` that a claim, a denial or an accusation
/// names: the speaker who claims or denies responsibility for it (أعلنت X
/// مسؤوليتها عن قصف، نفت أي صلة لها بالهجوم), or the one accused of it or
/// blamed for it, the last phrase between the accusing verb and the noun
/// (اتهمت واشنطن كتائب حزب الله بشن هجمات، حمّلت أنقرة الحزب مسؤولية
/// الهجوم). O(c) for a clause of c tokens.
pub(super) fn claimed_actors(
    cx: &Ctx,
    table: &mut EntityTable,
    m: &Match,
    speaker: Option<usize>,
) -> Vec<(usize, Np)> {
    let s = cx.s;
    let lex = cx.lex;
    if m.start == 0 {
        return Vec::new();
    }
    let responsibility = s
        .cue_covering(lex, m.start - 1, CueKind::Responsibility)
        .is_some_and(|c| c.1 == m.start);
    if let Some(sp) = speaker.filter(|_| responsibility) {
        return vec![(sp, Np::none(m.start))];
    }
    // (the noun after بـ, or after a phase noun with بـ (بشن، بالتخطيط ل),
    // or after مسؤولية)
    let phase = s
        .cue_at(lex, m.start - 1, CueKind::PhaseVerb)
        .filter(|c| c.0 == m.start)
        .map(|_| m.start - 1);
    let head = phase.unwrap_or(m.start);
    let with_b = s.matches_at(head).any(|x| x.clitics.prep == Some('ب'))
        || (head > 0 && s.text(head - 1).ends_with("مسؤوليه"));
    if !with_b {
        return Vec::new();
    }
    let Some(v) = (head.saturating_sub(8)..head)
        .rev()
        .take_while(|&k| !cx.is_boundary(k) && !s.has_cue(lex, k, CueKind::Complementizer))
        .find(|&k| s.has_cue(lex, k, CueKind::Accusation))
    else {
        return Vec::new();
    };
    let Some(g) = cx
        .groups(v + 1, head)
        .into_iter()
        .rev()
        .find(|g| g.prep.is_none() && cx.group_can_act(table, g))
    else {
        return Vec::new();
    };
    g.nps
        .iter()
        .filter_map(|np| cx.as_actor(table, *np).map(|a| (a, *np)))
        .collect()
}
