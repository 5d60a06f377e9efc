//! Polarity, modality and attribution of event mentions, orthogonal to the
//! action.
//!
//! - Polarity: a negation cue shortly before the trigger (لا تمثل انسحاباً،
//!   لن تنسحب، عدم الانسحاب), or a denial verb governing the clause (نفى أن).
//! - Modality: hypothetical with a possibility or condition cue (قد +
//!   present, ربما، إذا، يتيح) or a condition after the trigger in its
//!   clause (تبقى … إذا توصلت); planned with the future prefix, a future or
//!   plan cue (سوف، من المقرر، خطة، تعتزم، سيتم), or (in `events`) a
//!   resolved date after the publication date.
//! - Attribution: the speaker of a speech verb (قال/أكد/ذكرت … أن), the
//!   source of بحسب/وفق/نقلا عن, or, for "وأضاف:" with no subject, the
//!   article's last speaker.

use super::events::ArticleState;
use super::nps::Ctx;
use super::table::EntityTable;
use crate::lexicon::CueKind;
use crate::lexicon::morph::Pos;
use crate::matcher::{Match, Target};
use crate::model::{EntityKind, EventMention, Modality, Polarity};

/// A speech verb or source phrase of a sentence.
#[derive(Clone, Copy, Debug)]
pub struct Speaker {
    /// Token where the verb or phrase starts.
    pub verb: usize,
    pub entity: Option<usize>,
    /// It also covers what comes before it (“…”، قال أوستن; …، بحسب المصادر).
    pub after: bool,
}

/// Polarity of the trigger starting at token `t0`.
pub fn polarity(cx: &Ctx, t0: usize) -> Polarity {
    let s = cx.s;
    // (four words back, not counting function words and adverbs: لا تعتزم
    // في الوقت الراهن نشر قوات; not past an object with tanwin, which the
    // negated verb governs: لم تتخذ قراراً بشأن الإبقاء)
    let mut words = 0;
    for k in (t0.saturating_sub(10)..t0).rev() {
        if cx.is_boundary(k) || s.is_nominal(k) {
            break;
        }
        if let Some(neg) = s.cue_covering(cx.lex, k, CueKind::Negation) {
            // (not the لا of a lexical phrase, as لا يزال "still": لا
            // يزالون منتشرين is positive)
            let lexical = (neg.0.saturating_sub(3)..=neg.0).any(|j| {
                s.matches_at(j).any(|m| {
                    m.end > neg.1
                        && m.end - m.start > 1
                        && matches!(m.payload.target, Target::Trigger { .. })
                })
            });
            if !lexical {
                return Polarity::Negative;
            }
        }
        if s.cue_covering(cx.lex, k, CueKind::StopWord).is_none() {
            words += 1;
            if words == 4 {
                break;
            }
        }
    }
    // نفى … أن …: a denial verb governs the clause after it.
    for k in (0..t0).rev() {
        if s.has_cue(cx.lex, k, CueKind::Denial)
            && s.matches_at(k)
                .any(|m| matches!(m.payload.pos, Pos::Past | Pos::Present))
        {
            return Polarity::Negative;
        }
        // (nor past a coordinated speech verb of its own: نفت السفارة أن تكون
        // القوات قد انسحبت، وقالت إن الشراكة ستنتقل)
        let own_speech = || {
            s.starts_with_conj(k)
                && s.has_cue(cx.lex, k, CueKind::Speech)
                && s.matches_at(k)
                    .any(|m| matches!(m.payload.pos, Pos::Past | Pos::Present))
        };
        if s.has_cue(cx.lex, k, CueKind::ClauseBoundary) || own_speech() {
            break;
        }
    }
    Polarity::Positive
}

/// Modality of a trigger from the cues before it.
pub fn modality(cx: &Ctx, m: &Match) -> Modality {
    let s = cx.s;
    let t0 = m.start;
    for k in (t0.saturating_sub(8)..t0).rev() {
        if cx.is_boundary(k) {
            break;
        }
        if let Some((e, _, clitics)) = s.cue_at(cx.lex, k, CueKind::Hypothetical) {
            // A future possibility verb is a plan (ستمكن من الانتقال، سيسمح بـ).
            if clitics.future {
                return Modality::Planned;
            }
            // قد + past means "already": only قد + present is a possibility.
            let qad = s.text(k) == "قد";
            // (a word read both ways is the past: كان … قد أعلن, not "I may announce")
            let readings = || s.matches_at(e).map(|x| x.payload.pos);
            let next_present = (readings().any(|p| p == Pos::Present)
                && !readings().any(|p| p == Pos::Past))
                || (e < s.len()
                    && s.text(e).starts_with(['ي', 'ت', 'ن'])
                    && !readings().any(|p| p == Pos::Past));
            if !qad || next_present {
                return Modality::Hypothetical;
            }
        }
    }
    // A condition after the trigger in its clause (… في طرطوس إذا توصلت
    // إلى تفاهم): the event is its consequence.
    let condition = |k: usize| s.cue_at(cx.lex, k, CueKind::Condition).is_some();
    for k in m.end..(m.end + 12).min(s.len()) {
        if condition(k) {
            return Modality::Hypothetical;
        }
        if cx.is_boundary(k) && !(matches!(s.text(k), "،" | ",") && condition(k + 1)) {
            break;
        }
    }
    if m.clitics.future {
        return Modality::Planned;
    }
    // A planned adjective after the event noun (الانسحاب المقرر، الانسحاب المرتقب).
    if !matches!(m.payload.pos, Pos::Past | Pos::Present)
        && (m.end..(m.end + 2).min(s.len())).any(|k| {
            s.has_cue(cx.lex, k, CueKind::Planned)
                && s.text(k).starts_with("ال") == s.text(m.start).starts_with("ال")
                && s.matches_at(k)
                    .all(|x| !matches!(x.payload.pos, Pos::Past | Pos::Present))
        })
    {
        return Modality::Planned;
    }
    for k in (t0.saturating_sub(8)..t0).rev() {
        if cx.is_boundary(k) && !matches!(s.text(k), "،" | ",") {
            break;
        }
        if s.has_cue(cx.lex, k, CueKind::Planned)
            || s.matches_at(k)
                .any(|x| x.clitics.future && x.payload.pos == Pos::Present)
        {
            return Modality::Planned;
        }
    }
    Modality::Asserted
}

/// The speech verbs and source phrases of a sentence with their speakers.
/// Updates the article's last speaker.
pub fn speakers(cx: &Ctx, table: &mut EntityTable, state: &mut ArticleState) -> Vec<Speaker> {
    let s = cx.s;
    let mut out = Vec::new();
    let closing_quote_before =
        |i: usize| (i.saturating_sub(2)..i).any(|k| matches!(s.text(k), "”" | "»" | "\""));
    // A sentence that opens with a name and a colon quotes it (a headline:
    // أنقرة: قواتنا باقية في بعشيقة). Not a dateline, whose colon a verb
    // follows (بغداد: أعلنت الوزارة …).
    if let Some(np) = cx.np_at(0)
        && s.text(np.end) == ":"
        && np.end + 1 < s.len()
        && !s.is_verb(np.end + 1)
        && !s.has_cue(cx.lex, np.end + 1, CueKind::Speech)
        && let Some(entity) = speaker_entity(cx, table, np)
    {
        out.push(Speaker {
            verb: np.end,
            entity: Some(entity),
            after: false,
        });
    }
    for i in 0..s.len() {
        if let Some((end, _, _)) = s.cue_at(cx.lex, i, CueKind::Source) {
            let entity = cx
                .np_at(end)
                .or_else(|| cx.np_at(end + 1))
                .and_then(|np| speaker_entity(cx, table, np));
            out.push(Speaker {
                verb: i,
                entity,
                after: true,
            });
            continue;
        }
        let Some((end, _, _)) = s
            .cue_at(cx.lex, i, CueKind::Speech)
            .or_else(|| s.cue_at(cx.lex, i, CueKind::Denial))
        else {
            continue;
        };
        // A verb, not a noun use (إعلان، بيان are nouns).
        if !s
            .matches_at(i)
            .any(|m| matches!(m.payload.pos, Pos::Past | Pos::Present) && m.end == end)
        {
            continue;
        }
        let mut entity = None;
        let mut explicit = false;
        let mut k = end;
        while k < s.len() && k < end + 4 {
            // (a quoted name: وتبنت "المقاومة الإسلامية في العراق" الهجوم)
            if matches!(s.text(k), "\"" | "«" | "“") && cx.np_at(k + 1).is_some() {
                k += 1;
                continue;
            }
            if s.is_punct(k) || s.has_cue(cx.lex, k, CueKind::Complementizer) {
                break;
            }
            if let Some(np) = cx.np_at(k) {
                if s.preposition_before(cx.lex, np.start).is_none() {
                    entity = speaker_entity(cx, table, np);
                    explicit = true;
                    break;
                }
                k = np.end;
                continue;
            }
            // A noun subject kg does not know (المصادر، مسؤولون) is still a subject.
            // (not a date: وكان التحالف قد أعلن الشهر الماضي أنه …)
            if k == end
                && !cx.dated.get(k).copied().unwrap_or(false)
                && !s.has_cue(cx.lex, k, CueKind::StopWord)
                && !s.has_cue(cx.lex, k, CueKind::Locative)
                && !s.has_cue(cx.lex, k, CueKind::RelativeDay)
            {
                explicit = true;
            }
            k += 1;
        }
        // A و-verb without a subject continues the verb before it in its
        // sentence (رفضت الكتائب مخرجات الحوار، وقالت في بيان إنها …).
        if entity.is_none()
            && !explicit
            && s.starts_with_conj(i)
            && let Some(g) = super::events::earlier_verb_subject(cx, table, i)
        {
            entity = speaker_entity(cx, table, g.nps[0]);
        }
        if entity.is_none() && !explicit {
            // SVO ("واشنطن … أعلنت"), else the last speaker ("وأضاف:").
            entity = (i.saturating_sub(6)..i)
                .rev()
                .find_map(|k| {
                    cx.np_at(k)
                        .filter(|np| {
                            np.end <= i && s.preposition_before(cx.lex, np.start).is_none()
                        })
                        .and_then(|np| speaker_entity(cx, table, np))
                })
                .or(state.last_speaker);
        }
        if entity.is_some() {
            state.last_speaker = entity;
        }
        out.push(Speaker {
            verb: i,
            entity,
            after: closing_quote_before(i),
        });
    }
    out
}

fn speaker_entity(cx: &Ctx, table: &mut EntityTable, np: super::nps::Np) -> Option<usize> {
    let m = cx.ment(np).clone();
    let kind = table.get(m.entity).kind;
    if m.adjectival || m.role_only || kind.can_speak() {
        return Some(m.entity);
    }
    cx.as_actor(table, np)
        .filter(|e| table.get(*e).kind != EntityKind::MilitaryBase)
}

/// Arabic headlines tell in the present what the body reports: a headline
/// mention told as asserted takes the modality of the first body mention of
/// the same action and actor (and place, when both have one), so that
/// "واشنطن تخفض عدد قواتها" over a body saying "ستخفض" is planned.
///
/// O(h·b) for h headline mentions and b body mentions.
pub fn headline_from_body(mentions: &mut [EventMention]) {
    let body: Vec<(String, Option<String>, Option<String>, Modality)> = mentions
        .iter()
        .filter(|m| m.provenance.sentence > 0)
        .map(|m| {
            (
                m.action.clone(),
                m.actor.clone(),
                m.place.clone(),
                m.modality,
            )
        })
        .collect();
    for m in mentions
        .iter_mut()
        .filter(|m| m.provenance.sentence == 0 && m.modality == Modality::Asserted)
    {
        // (the first such mention only: a later one is another event)
        if let Some(b) = body
            .iter()
            .find(|b| b.0 == m.action && b.1 == m.actor)
            .filter(|b| b.2 == m.place || b.2.is_none() || m.place.is_none())
        {
            m.modality = b.3;
        }
    }
}
