//! One sentence as the extractor sees it: its tokens, the lexicon matches,
//! and per-token lookups (which cues start here, is this a preposition …).

use std::ops::Range;

use crate::lexicon::morph::Pos;
use crate::lexicon::{CueKind, Lexicon};
use crate::matcher::{Clitics, Match, Matcher, Target};
use crate::text::{Token, TokenKind};

/// A resolved entity mention inside a sentence (token indices).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ment {
    pub start: usize,
    pub end: usize,
    /// Index into the article's entity table.
    pub entity: usize,
    /// A nationality adjective standing for its country (القوات الأمريكية).
    pub adjectival: bool,
    /// The mention is a role without a name (وزير الخارجية العراقي) standing
    /// for its country or organisation.
    pub role_only: bool,
    /// An anaphor (البلاد، التنظيم، قواتها) resolved to an earlier mention.
    pub anaphoric: bool,
    /// The second entity of a dual anaphor (البلدين، الجانبين).
    pub second: Option<usize>,
}

// Every cue kind needs a bit of `Sent::cue_mask`.
const _: () = assert!(CueKind::ALL.len() <= 64);

/// A sentence with its analysis.
pub struct Sent<'a> {
    pub index: usize,
    /// Byte range in the normalized text.
    pub range: Range<usize>,
    pub norm: &'a str,
    pub tokens: Vec<Token>,
    pub matches: Vec<Match>,
    /// Entity mentions, sorted by start, not overlapping.
    pub ments: Vec<Ment>,
    /// A bit per cue kind starting at each token (see the assertion below).
    cue_mask: Vec<u64>,
    /// A bit per cue kind with a cue that starts at most four tokens
    /// before each token and covers it (what [`Sent::cue_covering`] finds).
    cover_mask: Vec<u64>,
    /// `matches[starts[i]..starts[i + 1]]` start at token `i`.
    starts: Vec<u32>,
    /// Tokens whose original spelling marks the passive (a damma on an early
    /// letter: استُهدفت، قُتل، يُقتل). Empty when unknown.
    pub passive: Vec<bool>,
    /// Tokens whose original spelling ends in tanwin (رداً، هجوماً): nouns
    /// or adjectives, never verbs. Empty when unknown.
    pub nominal: Vec<bool>,
}

impl<'a> Sent<'a> {
    pub fn new(index: usize, range: Range<usize>, norm: &'a str, matcher: &Matcher) -> Self {
        let mut tokens = Vec::new();
        crate::text::tokenize(norm, range.clone(), &mut tokens);
        let mut matches = Vec::new();
        matcher.find(norm, &tokens, &mut matches);
        drop_between_speech(norm, &tokens, matcher, &mut matches);
        phase_complement_nouns(matcher, &mut matches);
        // Which cue kinds start at each token: a bit per kind, so that most
        // cue lookups are answered without scanning the matches.
        let mut cue_mask = vec![0u64; tokens.len()];
        let mut cover_mask = vec![0u64; tokens.len()];
        for m in &matches {
            if let Target::Cue { cue, strict: false } = m.payload.target
                && let Some(kind) = matcher.cue_kind(cue)
            {
                cue_mask[m.start] |= 1u64 << (kind as u32);
                for c in &mut cover_mask[m.start..m.end.min(m.start + 5)] {
                    *c |= 1u64 << (kind as u32);
                }
            }
        }
        // (matches come sorted by start token)
        let mut starts = Vec::with_capacity(tokens.len() + 1);
        let mut k = 0;
        for i in 0..=tokens.len() {
            while k < matches.len() && matches[k].start < i {
                k += 1;
            }
            starts.push(k as u32);
        }
        Sent {
            index,
            range,
            norm,
            tokens,
            matches,
            cue_mask,
            cover_mask,
            starts,
            ments: Vec::new(),
            passive: Vec::new(),
            nominal: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.norm))
    }

    /// Whether token `i` is marked passive in the original text.
    pub fn is_passive(&self, i: usize) -> bool {
        self.passive.get(i).copied().unwrap_or(false)
    }

    /// Whether token `i` ends in tanwin in the original text (رداً، هجوماً):
    /// a noun or adjective, never a verb.
    pub fn is_nominal(&self, i: usize) -> bool {
        self.nominal.get(i).copied().unwrap_or(false)
    }

    /// Records passive and tanwin marks from the original spelling of each
    /// token. `case_marks` (see [`crate::text::NormText::case_marks`])
    /// tells which tokens may have such marks: the others are not read.
    pub fn mark_passive<'o>(
        &mut self,
        case_marks: &[u32],
        original: impl Fn(std::ops::Range<usize>) -> std::borrow::Cow<'o, str>,
    ) {
        let n = self.tokens.len();
        let (mut passive, mut nominal) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut k = case_marks.partition_point(|&m| m < self.range.start as u32);
        for t in &self.tokens {
            while k < case_marks.len() && case_marks[k] < t.start {
                k += 1;
            }
            if case_marks.get(k).is_none_or(|&m| m > t.end) {
                nominal.push(false);
                passive.push(false);
                continue;
            }
            let orig = original(t.range());
            nominal.push(orig.chars().any(|c| matches!(c, '\u{064B}'..='\u{064D}')));
            passive.push(Self::passive_spelling(&orig));
        }
        self.passive = passive;
        self.nominal = nominal;
    }

    /// Whether a token's original spelling marks the passive.
    fn passive_spelling(orig: &str) -> bool {
        if !orig.contains('\u{064F}') {
            return false;
        }
        let chars: Vec<char> = orig.chars().collect();
        let mut letters = 0;
        for (k, &c) in chars.iter().enumerate() {
            if c == '\u{064F}' && (1..=3).contains(&letters) {
                // A damma on the first letters (after و/ف/س) marks the
                // passive, except in an active present with a kasra
                // later (يُرسِل) or a final ي (يُبقي; the passive is يُبقى).
                let present = chars[..k]
                    .iter()
                    .rev()
                    .find(|c| !crate::text::normalize::is_arabic_mark(**c))
                    .is_some_and(|c| matches!(c, 'ي' | 'ت' | 'ن'));
                let final_ya = chars
                    .iter()
                    .rev()
                    .find(|c| !crate::text::normalize::is_arabic_mark(**c))
                    == Some(&'ي');
                return !(present && (chars[k..].contains(&'\u{0650}') || final_ya));
            }
            if !crate::text::normalize::is_arabic_mark(c) {
                letters += 1;
            }
        }
        false
    }

    pub fn is_punct(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// Whether token `i` touches the tokens on both sides, with no space
    /// between: a hyphen inside a word (إف-16) is no dash between clauses.
    pub fn attached(&self, i: usize) -> bool {
        i > 0
            && i + 1 < self.tokens.len()
            && self.tokens[i - 1].end == self.tokens[i].start
            && self.tokens[i].end == self.tokens[i + 1].start
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// Matches starting at token `i`.
    pub fn matches_at(&self, i: usize) -> impl Iterator<Item = &Match> {
        let at = match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.matches[a as usize..b as usize],
            _ => &[],
        };
        at.iter()
    }

    /// The longest cue of `kind` starting at `i`: (end, cue index, clitics).
    /// Most calls find no cue of that kind, which the mask answers inline.
    #[inline]
    pub fn cue_at(
        &self,
        lex: &Lexicon,
        i: usize,
        kind: CueKind,
    ) -> Option<(usize, usize, Clitics)> {
        if self
            .cue_mask
            .get(i)
            .is_none_or(|m| m & (1u64 << (kind as u32)) == 0)
        {
            return None;
        }
        self.cue_in_matches(lex, i, kind)
    }

    #[inline(never)]
    fn cue_in_matches(
        &self,
        lex: &Lexicon,
        i: usize,
        kind: CueKind,
    ) -> Option<(usize, usize, Clitics)> {
        self.matches_at(i)
            .filter_map(|m| match m.payload.target {
                Target::Cue { cue, strict: false } if lex.cues[cue as usize].kind == kind => {
                    Some((m.end, cue as usize, m.clitics))
                }
                _ => None,
            })
            .max_by_key(|x| x.0)
    }

    /// Whether a cue of `kind` starts at `i`.
    pub fn has_cue(&self, lex: &Lexicon, i: usize, kind: CueKind) -> bool {
        self.cue_at(lex, i, kind).is_some()
    }

    /// Whether a cue of any of `kinds` starts at `i`. O(|kinds| · m) for m
    /// matches at `i`.
    pub fn has_any_cue(&self, lex: &Lexicon, i: usize, kinds: &[CueKind]) -> bool {
        kinds.iter().any(|k| self.has_cue(lex, i, *k))
    }

    /// Whether a cue of `kind` covers token `i` (starts at or before it).
    pub fn cue_covering(&self, lex: &Lexicon, i: usize, kind: CueKind) -> Option<(usize, usize)> {
        if self
            .cover_mask
            .get(i)
            .is_none_or(|m| m & (1u64 << (kind as u32)) == 0)
        {
            return None;
        }
        let lo = i.saturating_sub(4);
        (lo..=i).rev().find_map(|s| {
            self.cue_at(lex, s, kind)
                .filter(|c| c.0 > i)
                .map(|c| (s, c.0))
        })
    }

    /// Whether token `i` is a verb form of the lexicon (any trigger or cue verb).
    pub fn is_verb(&self, i: usize) -> bool {
        !self.is_nominal(i)
            && self
                .matches_at(i)
                .any(|m| matches!(m.payload.pos, Pos::Past | Pos::Present) && m.end == i + 1)
    }

    /// Whether token `i` carries the conjunction و/ف as a proclitic, judged
    /// from the matches (a name that starts with و has no such reading).
    pub fn starts_with_conj(&self, i: usize) -> bool {
        self.matches_at(i).any(|m| m.clitics.conj.is_some())
            || (self.text(i).starts_with('و')
                && self.text(i).chars().count() > 3
                && !self.matches_at(i).any(|m| m.clitics.conj.is_none()))
    }

    /// The entity mention covering token `i`, if any.
    pub fn ment_at(&self, i: usize) -> Option<&Ment> {
        let k = self.ments.partition_point(|m| m.end <= i);
        self.ments.get(k).filter(|m| m.start <= i)
    }

    /// The preposition governing the mention that starts at `i`: a separate
    /// preposition token right before it, or a proclitic ب/ل on its first
    /// token. Returns the normalized preposition.
    pub fn preposition_before(&self, lex: &Lexicon, i: usize) -> Option<String> {
        // A preposition with a pronoun (منه، فيها) carries its own preposition.
        if self
            .cue_at(lex, i, CueKind::Anaphor)
            .is_some_and(|c| c.0 == i + 1)
        {
            let t = self.text(i);
            // (للبلاد، بالقاعدة: ل or بـ before the article)
            if t.starts_with("لل") || t.starts_with("بال") {
                return Some(t[..t.char_indices().nth(1).map_or(0, |c| c.0)].to_string());
            }
            if let Some(p) = ["من", "في", "الي", "الى"]
                .into_iter()
                .find(|p| t.starts_with(p))
            {
                return Some(if p.starts_with("ال") {
                    "الي".to_string()
                } else {
                    p.to_string()
                });
            }
        }
        if let Some(m) = self.matches_at(i).find(|m| {
            m.clitics.prep.is_some()
                && match m.payload.target {
                    Target::Entity { .. } | Target::Demonym { .. } => true,
                    // a quantity before the phrase (لبعض القوات، بمعظم …), an
                    // anaphor with its preposition (للبلاد، بالقاعدة)
                    Target::Cue { cue, .. } => matches!(
                        lex.cues[cue as usize].kind,
                        CueKind::Quantity | CueKind::Anaphor
                    ),
                    _ => false,
                }
        }) {
            return m.clitics.prep.map(String::from);
        }
        let mut j = i;
        // Skip a head noun or force noun (من قاعدة عين الأسد، على القوات الأمريكية).
        while j > 0 {
            let p = j - 1;
            if self.is_punct(p) && matches!(self.text(p), "\"" | "«" | "“") {
                j = p;
                continue;
            }
            // Skip a head noun of a place, or a force noun (من قاعدة عين الأسد،
            // على القوات الأمريكية) — not any head noun (بقيادة الولايات المتحدة).
            let head = [CueKind::HeadNoun, CueKind::ForceNoun, CueKind::TroopNoun]
                .iter()
                .any(|k| {
                    self.cue_at(lex, p, *k).is_some_and(|c| {
                        c.0 == j
                            && (*k != CueKind::HeadNoun
                                || lex.cues[c.1].introduces.is_some_and(|e| e.is_place()))
                    })
                });
            // A direction (في شمال سوريا، بمحيط الموصل).
            let direction = self
                .cue_at(lex, p, CueKind::Direction)
                .is_some_and(|c| c.0 == j);
            if head || direction {
                if let Some(m) = self.matches_at(p).find(|m| m.clitics.prep.is_some()) {
                    return m.clitics.prep.map(String::from);
                }
                j = p;
                continue;
            }
            break;
        }
        // A direction with no preposition is an adverb of place (هجوم
        // لداعش شمال ديالى، قاعدة القيارة جنوبي الموصل), also the first word
        // of a region's name (هجوم على قسد شرق الفرات).
        let adverb = self
            .cue_at(lex, j, CueKind::Direction)
            .is_some_and(|c| c.0 > j && (c.0 <= i || j == i))
            && self.matches_at(j).all(|m| m.clitics.prep.is_none())
            // (not a locator of the place just named: معسكر التاجي شمالي بغداد)
            && !(j > 0
                && self.matches.iter().any(|m| {
                    m.end == j
                        && matches!(m.payload.target, Target::Entity { entity, .. }
                            if lex.entities[entity as usize].kind.is_some_and(|k| k.is_place()))
                }));
        let Some(p) = j.checked_sub(1) else {
            return adverb.then(|| "في".to_string());
        };
        [CueKind::Locative, CueKind::With, CueKind::Between]
            .iter()
            .any(|k| self.cue_at(lex, p, *k).is_some_and(|c| c.0 == j))
            .then(|| self.text(p).to_string())
            // (a proclitic written apart, before a quoted name: لـ"داعش")
            .or_else(|| matches!(self.text(p), "ل" | "ب").then(|| self.text(p).to_string()))
            .or_else(|| adverb.then(|| "في".to_string()))
    }
}

/// The cue kind of match `m`, if it is a cue.
fn cue_kind_of(matcher: &Matcher, m: &Match) -> Option<CueKind> {
    match m.payload.target {
        Target::Cue { cue, .. } => matcher.cue_kind(cue),
        _ => None,
    }
}

/// بين after a definite word is "between", not the speech verb بيّن
/// (العلاقة بين بغداد والتحالف ستنتقل): its speech readings are dropped.
fn drop_between_speech(norm: &str, tokens: &[Token], matcher: &Matcher, matches: &mut Vec<Match>) {
    let kind_at = |m: &Match| cue_kind_of(matcher, m);
    let between: Vec<usize> = matches
        .iter()
        .filter(|m| {
            kind_at(m) == Some(CueKind::Between)
                && m.start > 0
                && tokens[m.start - 1].text(norm).starts_with("ال")
                && !matches.iter().any(|x| {
                    x.start == m.start - 1 && matches!(x.payload.pos, Pos::Past | Pos::Present)
                })
        })
        .map(|m| m.start)
        .collect();
    if !between.is_empty() {
        matches.retain(|m| !(between.contains(&m.start) && kind_at(m) == Some(CueKind::Speech)));
    }
}

/// A past-tense form right after a verb of phase is its verbal noun
/// (ستواصل ضربَ القواعد، أنهى سحبَ قواته): the bare form I masdar is spelled
/// like the past verb. Its trigger readings become nouns, which take the
/// phase verb's subject as actor.
fn phase_complement_nouns(matcher: &Matcher, matches: &mut [Match]) {
    let kind = |m: &Match| cue_kind_of(matcher, m);
    // (not a word that may also be a complementizer: أنها، not أنهى)
    let phase: Vec<usize> = matches
        .iter()
        .filter(|m| {
            matches!(m.payload.pos, Pos::Past | Pos::Present)
                && kind(m) == Some(CueKind::PhaseVerb)
                && !matches
                    .iter()
                    .any(|x| x.start == m.start && kind(x) == Some(CueKind::Complementizer))
        })
        .map(|m| m.end)
        .collect();
    if phase.is_empty() {
        return;
    }
    for m in matches.iter_mut() {
        if m.payload.pos == Pos::Past
            && matches!(m.payload.target, Target::Trigger { .. })
            && m.clitics.conj.is_none()
            && phase.contains(&m.start)
        {
            m.payload.pos = Pos::Noun;
        }
    }
}
