//! The triggers of a sentence and what their words say: which action
//! matches are read as triggers (longest, outside names and fixed phrases,
//! as a noun or as a verb), whether a word a trigger needs is there, and
//! the possessive or first-person ending of a trigger's token.

use crate::extract::sent::Sent;
use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon};
use crate::matcher::{Clitics, Match, Target};

/// The trigger matches of a sentence: longest per position, not inside a
/// longer entity name. A bare form that is both a past verb and a verbal
/// noun (سحب، نشر) is read as a noun when a word precedes it in construct
/// (خطة سحب، بدء نشر) and as a verb at the start of a clause.
pub(super) fn triggers(s: &Sent, lex: &Lexicon) -> Vec<Match> {
    let mut all: Vec<Match> = s
        .matches
        .iter()
        .filter(|m| matches!(m.payload.target, Target::Trigger { .. }))
        .copied()
        .collect();
    let met = |m: &Match| match m.payload.target {
        Target::Trigger { action, trigger } => {
            needs_met(s, &lex.actions[action as usize], trigger as usize, m)
        }
        _ => false,
    };
    all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Match> = Vec::new();
    for m in &all {
        if out.last().is_some_and(|l| m.start < l.end) {
            continue;
        }
        if s.ment_at(m.start)
            .is_some_and(|e| e.end - e.start > m.end - m.start && !e.role_only)
        {
            continue;
        }
        // Part of a longer name, also inside a title phrase (مسؤول في وزارة
        // الدفاع: وزارة is not "and visited him").
        let in_name = s.matches.iter().any(|e| {
            matches!(e.payload.target, Target::Entity { strict: false, .. })
                && e.start <= m.start
                && m.end <= e.end
                && e.end - e.start > m.end - m.start
        });
        if in_name {
            continue;
        }
        // Inside a longer fixed phrase (في ظل is not "remained").
        let in_cue = s.matches.iter().any(|c| {
            matches!(c.payload.target, Target::Cue { .. })
                && c.start <= m.start
                && m.end <= c.end
                && c.end - c.start > m.end - m.start
        });
        // A complementizer with its pronoun is no verb (أنها is not أنهى).
        if m.end == m.start + 1
            && matches!(m.payload.pos, Pos::Past | Pos::Present)
            && s.has_cue(lex, m.start, CueKind::Complementizer)
        {
            continue;
        }
        if in_cue {
            continue;
        }
        // (a reading whose needed word is there first: تعزيزات إلى سوريا is
        // reinforcements, not "strengthening" that needs its forces)
        let same = all.iter().filter(|o| o.start == m.start && o.end == m.end);
        let pick = |want: &dyn Fn(&Match) -> bool| {
            same.clone()
                .find(|o| want(o) && met(o))
                .or_else(|| same.clone().find(|o| want(o)))
        };
        // (a participle after a comma with a name as its object: …،
        // مطالبةً أنقرة بسحب قواتها)
        let participle = m.start > 0
            && matches!(s.text(m.start - 1), "،" | ",")
            && s.ment_at(m.end)
                .is_some_and(|e| e.start == m.end && !e.adjectival);
        let noun = participle
            .then(|| pick(&|o| o.payload.pos == Pos::Adjective))
            .flatten()
            .or_else(|| pick(&|o| matches!(o.payload.pos, Pos::Noun | Pos::Adjective)));
        // (a form both "received" and "hands over", تسلّم: handing over when
        // the recipient follows with the action's preposition, للجيش)
        // or receiving when the giver follows with من)
        let gives = same
            .clone()
            .any(|o| receives(lex, o))
            .then(|| recipient_follows(s, lex, m))
            .flatten();
        let verb = gives
            .and_then(|g| {
                pick(&|o| {
                    matches!(o.payload.pos, Pos::Past | Pos::Present) && receives(lex, o) != g
                })
            })
            .or_else(|| pick(&|o| matches!(o.payload.pos, Pos::Past | Pos::Present)));
        let chosen = match (noun, verb) {
            (Some(n), Some(v)) => {
                let construct = m.start > 0
                    && !s.is_punct(m.start - 1)
                    && !s.starts_with_conj(m.start)
                    && !after_fronted_subject(s, lex, m.start);
                if construct || (v.clitics != Clitics::default() && n.clitics.prep.is_some()) {
                    *n
                } else {
                    *v
                }
            }
            _ => noun.or(verb).copied().unwrap_or(*m),
        };
        // A phase verb right before another action's verbal noun is that
        // noun's aspect, not an event of its own (سيواصل دعم القوات).
        if matches!(chosen.payload.pos, Pos::Past | Pos::Present)
            && s.has_cue(lex, chosen.start, CueKind::PhaseVerb)
            && all.iter().any(|n| {
                n.start == chosen.end
                    && n.payload.pos == Pos::Noun
                    && n.action_of() != chosen.action_of()
            })
        {
            continue;
        }
        out.push(chosen);
    }
    out
}

/// Whether a trigger reads its subject as the one who receives (تسلّم).
fn receives(lex: &Lexicon, m: &Match) -> bool {
    match m.payload.target {
        Target::Trigger { action, trigger } => {
            lex.actions[action as usize].triggers[trigger as usize].subject
                == Some(crate::lexicon::ObjectRole::Target)
        }
        _ => false,
    }
}

/// Whether the first phrase with a preposition after the trigger, within
/// its clause, is one of the action's recipient prepositions (إلى، لـ:
/// true) or the giver's من (false).
fn recipient_follows(s: &Sent, lex: &Lexicon, m: &Match) -> Option<bool> {
    let def = &lex.actions[m.action_of()];
    for j in m.end..s.len().min(m.end + 8) {
        if s.is_punct(j) && !matches!(s.text(j), "\"" | "«" | "»" | "“" | "”") {
            break;
        }
        if s.ment_at(j).is_none_or(|e| e.start != j) {
            continue;
        }
        match s.preposition_before(lex, j).as_deref() {
            Some("من") => return Some(false),
            Some(p) if def.target_preps.iter().any(|x| x == p) => return Some(true),
            _ => {}
        }
    }
    None
}

/// Whether a name ends right before `i` as the subject opening its clause
/// (غير أن الرئيس التركي أردوغان رفض الانسحاب): a name governs no genitive,
/// so the word after it is the verb. (Not after a verb: أعلنت واشنطن سحب قواتها.)
fn after_fronted_subject(s: &Sent, lex: &Lexicon, i: usize) -> bool {
    let Some(e) = s.ment_at(i - 1).filter(|e| e.end == i && !e.anaphoric) else {
        return false;
    };
    let mut j = e.start;
    // (a force noun with its nationality: القوات الأمريكية تسلّم …)
    if e.adjectival {
        let force = j > 0
            && [CueKind::ForceNoun, CueKind::TroopNoun]
                .iter()
                .any(|k| s.cue_at(lex, j - 1, *k).is_some_and(|c| c.0 == j));
        if !force {
            return false;
        }
        j -= 1;
    }
    // (back over its title: الرئيس التركي رجب طيب أردوغان)
    while j > 0
        && (s.cue_covering(lex, j - 1, CueKind::Title).is_some()
            || s.ment_at(j - 1).is_some_and(|m| m.adjectival))
    {
        j -= 1;
    }
    j == 0 || s.is_punct(j - 1) || s.has_cue(lex, j - 1, CueKind::Complementizer)
}

/// Whether a verb of moving forces that also reports speech, with its
/// source after it (نقلت رويترز عن مسؤولين; past a long subject and a date:
/// ونقل عضو لجنة الأمن والدفاع النيابية عن …), reports rather than moves.
/// (Not past the end of a clause, nor عن طريق "by way of", nor بعيداً عن،
/// فضلاً عن، بدلاً عن، نيابة عن.)
pub(super) fn reports(s: &Sent, lex: &Lexicon, m: &Match) -> bool {
    s.has_cue(lex, m.start, CueKind::Speech)
        && (m.end..(m.end + 8).min(s.len()))
            .take_while(|&k| !matches!(s.text(k), "." | ":" | "؛" | ";"))
            .any(|k| {
                s.text(k) == "عن"
                    && k + 1 < s.len()
                    && s.text(k + 1) != "طريق"
                    && !["بعيدا", "فضلا", "بدلا", "نيابه"].contains(&s.text(k - 1))
            })
}

/// Whether trigger `m` is a bare indefinite noun naming what a generic
/// place noun before it is for (مراكز تدريب، مواقع انتشار): a kind of
/// place, no event. O(m) for the m matches before it.
pub(super) fn labels_place_noun(s: &Sent, lex: &Lexicon, m: &Match) -> bool {
    m.payload.pos == Pos::Noun
        && m.clitics.prep.is_none()
        && m.clitics.conj.is_none()
        && !m.clitics.article
        && m.start > 0
        && s.cue_at(lex, m.start - 1, CueKind::HeadNoun)
            .is_some_and(|c| c.0 == m.start && !lex.cues[c.1].names)
}

/// Whether a word the trigger needs is there (شن … هجمات، وقّع … اتفاقاً):
/// in a window of the sentence, since it may lie beyond a comma, or right
/// after the trigger for `kg:needsNear` (تعزيز قواتها), or anywhere before
/// a trigger of moving forces with an object pronoun (ونقلها); and none of its
/// `kg:unlessNext` words in the four after it (نشر فصيل مقطعاً), nor one
/// of its `kg:unlessAfter` words right before it.
pub(super) fn needs_met(
    s: &Sent,
    def: &crate::lexicon::ActionDef,
    trigger: usize,
    m: &Match,
) -> bool {
    let trig = &def.triggers[trigger];
    let window = if trig.needs_near {
        m.end..(m.end + 1).min(s.len())
    } else if def.actor_is_forces && object_pronoun(s.text(m.end - 1), &trig.form) {
        // (an object pronoun on a verb or noun that moves forces stands for
        // the forces named anywhere before it: سحب عناصرها ومعداتها من مطار
        // القامشلي في شمال شرق سوريا، ونقلها إلى قاعدة حميميم)
        0..(m.end + 20).min(s.len())
    } else {
        m.start.saturating_sub(8)..(m.end + 20).min(s.len())
    };
    // (the object may follow the subject: نشر فصيل مسلح مقطعاً)
    if (m.end..(m.end + 4).min(s.len()))
        .take_while(|&k| !s.is_punct(k))
        .any(|k| trig.unless_next.iter().any(|w| word_has(s.text(k), w)))
    {
        return false;
    }
    // (nor after one of its `kg:unlessAfter` words: أحزاب المعارضة)
    if m.start > 0 && trig.unless_after.iter().any(|w| s.text(m.start - 1) == w) {
        return false;
    }
    trig.needs.is_empty()
        || window
            .into_iter()
            .any(|k| trig.needs.iter().any(|w| word_has(s.text(k), w)))
}

/// Whether a verbal noun or verb carries an object pronoun (نقلها،
/// تنقلهم): the possessive of a noun, or a suffix pronoun after the past
/// or present stem of a verb. O(|token|).
fn object_pronoun(token: &str, form: &crate::lexicon::WordForm) -> bool {
    match form {
        crate::lexicon::WordForm::Verb { past, present } => {
            // (the stems are normalized only for a token with a suffix)
            // (each suffix ends in its own letter: at most one strips)
            let Some(t) = super::clause::PRONOUN_SUFFIXES
                .iter()
                .find_map(|suf| token.strip_suffix(suf))
            else {
                return false;
            };
            let past = crate::text::normalize_str(past);
            let present = crate::text::normalize_str(present);
            t.ends_with(past.as_str()) || t.ends_with(present.strip_prefix('ي').unwrap_or(&present))
        }
        _ => possessive(token, form).is_some(),
    }
}

/// The possessive pronoun on a verbal noun (زيارته، لقائهما), checked
/// against the noun's base form (ة is normalized to ه, so زيارة alone has none).
pub(super) fn possessive(token: &str, form: &crate::lexicon::WordForm) -> Option<&'static str> {
    let crate::lexicon::WordForm::Noun(base) = form else {
        return None;
    };
    let base = crate::text::normalize_str(base);
    // (ة → ت and a final hamza on its seat before the suffix: زيارته، لقائهما)
    // (each stem as a start and its last letter, compared without joining them)
    let stems: Vec<(&str, &str)> = match (base.strip_suffix('ه'), base.strip_suffix('ء')) {
        (Some(s), _) => vec![(s, "ت")],
        (_, Some(s)) => vec![(s, "ئ"), (s, "ؤ"), (&base, "")],
        _ => vec![(&base, "")],
    };
    ["هما", "هم", "ها", "ه"].into_iter().find(|suf| {
        stems.iter().any(|(stem, last)| {
            token
                .strip_suffix(suf)
                .and_then(|t| t.strip_suffix(last))
                .is_some_and(|t| t.ends_with(stem))
        })
    })
}

/// First person: past ending in نا (توصلنا), present starting with ن (ننسحب).
pub(super) fn first_person(token: &str, pos: Pos) -> bool {
    match pos {
        Pos::Past => token.ends_with("نا"),
        Pos::Present => token.trim_start_matches(['و', 'ف', 'س']).starts_with('ن'),
        _ => false,
    }
}

/// Whether `token` is `word` with clitics: a prefix (والقوات) or suffixes
/// (قواتها), or a conjunction and suffixes (ومعداتها). O(|word|).
pub(in crate::extract) fn word_has(token: &str, word: &str) -> bool {
    // (lengths first: most tokens are too long or too short to compare)
    let Some(extra) = token.len().checked_sub(word.len()) else {
        return false;
    };
    extra <= 6
        && (token.starts_with(word)
            || (extra <= 4 && token.ends_with(word))
            || token.strip_prefix('و').is_some_and(|t| t.starts_with(word)))
}

/// An event noun as subject of a verb of the same action (هجوماً استهدفت
/// قوات التحالف): the phrase after the verb is then its object. `earlier`
/// are the sentence's triggers before the verb `m`. (Not a light verb,
/// whose object the noun is: هجوم شنه عناصر من …)
pub(super) fn noun_subject_before(earlier: &[Match], m: &Match) -> bool {
    let Target::Trigger { action, .. } = m.payload.target else {
        return false;
    };
    earlier
        .iter()
        .rev()
        .find(|t| t.end <= m.start && m.start - t.end <= 2)
        .is_some_and(|t| {
            t.payload.target == m.payload.target
                || matches!(t.payload.target, Target::Trigger { action: a, .. } if a == action)
                    && t.payload.pos == Pos::Noun
        })
}
