//! The lexicon matcher: every name, trigger and cue form of the lexicon,
//! compiled once into a trie over normalized tokens.
//!
//! Matching works on whole tokens, so it never matches inside a word. The
//! first token of a match may carry proclitics (و ف, ب ل ك, ال, the future
//! س); which ones a form accepts depends on its part of speech
//! ([`Pos`]). The text is never cut: a match covers whole tokens, clitics
//! included, and reports the clitics it saw.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::lexicon::morph::{self, Pos};
use crate::lexicon::{CueKind, Lexicon, WordForm};
use crate::text::{Token, TokenKind, normalize_str, tokenize};

/// What a match refers to in the lexicon (indices into its vectors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A name of an entity. `strict` names count only after a head noun.
    Entity { entity: u32, strict: bool },
    /// A nationality adjective of an entity (الأمريكية → the United States).
    Demonym { entity: u32 },
    /// A trigger of an action.
    Trigger { action: u32, trigger: u32 },
    /// A cue word. `strict` forms count only in a strict context.
    Cue { cue: u32, strict: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Payload {
    pub target: Target,
    pub pos: Pos,
}

/// Proclitics seen on the first token of a match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Clitics {
    /// و or ف.
    pub conj: Option<char>,
    /// ب, ل or ك.
    pub prep: Option<char>,
    /// The article ال was removed to find the form.
    pub article: bool,
    /// The future prefix س.
    pub future: bool,
}

impl Clitics {
    fn accepted_by(&self, pos: Pos) -> bool {
        match pos {
            Pos::Name => !self.future && !self.article,
            Pos::Noun | Pos::Adjective => !self.future,
            Pos::Past => !self.future && self.prep.is_none() && !self.article,
            Pos::Present => matches!(self.prep, None | Some('ل')) && !self.article,
            Pos::Particle => !self.future && !self.article && self.prep.is_none(),
        }
    }
}

impl Match {
    /// The action index of a trigger match (0 for other matches).
    pub fn action_of(&self) -> usize {
        match self.payload.target {
            Target::Trigger { action, .. } => action as usize,
            _ => 0,
        }
    }
}

/// One match: tokens `start..end` of the token slice given to [`Matcher::find`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub payload: Payload,
    pub clitics: Clitics,
}

#[derive(Default)]
struct Node {
    children: FxHashMap<Box<str>, u32>,
    payloads: Vec<Payload>,
}

/// The compiled matcher. Build it once per lexicon and share it.
pub struct Matcher {
    nodes: Vec<Node>,
    /// The kind of each lexicon cue, by cue index.
    cue_kinds: Vec<CueKind>,
}

/// `tok` without `p` in front, `p` being one Arabic letter (two bytes):
/// compared as two bytes, with no call to memcmp.
#[inline]
fn strip_letter<'t>(tok: &'t str, p: &str) -> Option<&'t str> {
    let (b, p) = (tok.as_bytes(), p.as_bytes());
    debug_assert_eq!(p.len(), 2);
    (b.len() >= 2 && b[0] == p[0] && b[1] == p[1]).then(|| &tok[2..])
}

/// Candidate (clitics, stem) readings of a token, the bare token first.
fn readings<'t>(tok: &'t str, out: &mut Vec<(Clitics, Cow<'t, str>)>) {
    out.clear();
    out.push((Clitics::default(), Cow::Borrowed(tok)));
    // (at least two characters, without counting them all)
    let min_stem = |s: &str| {
        let mut c = s.chars();
        c.next().is_some() && c.next().is_some()
    };
    for (conj, conj_letter) in [(None, ""), (Some('و'), "و"), (Some('ف'), "ف")] {
        let t1 = match conj {
            None => tok,
            Some(_) => match strip_letter(tok, conj_letter) {
                Some(rest) => rest,
                None => continue,
            },
        };
        for (prep, prep_letter) in [
            (None, ""),
            (Some('ب'), "ب"),
            (Some('ل'), "ل"),
            (Some('ك'), "ك"),
            (Some('س'), "س"),
        ] {
            let t2 = match prep {
                None => t1,
                Some(_) => match strip_letter(t1, prep_letter) {
                    Some(rest) => rest,
                    None => continue,
                },
            };
            let (prep, future) = if prep == Some('س') {
                (None, true)
            } else {
                (prep, false)
            };
            let base = Clitics {
                conj,
                prep,
                article: false,
                future,
            };
            if (conj.is_some() || prep.is_some() || future) && min_stem(t2) {
                out.push((base, Cow::Borrowed(t2)));
            }
            if future {
                continue;
            }
            if let Some(rest) = strip_letter(t2, "ا")
                .and_then(|r| strip_letter(r, "ل"))
                .filter(|r| min_stem(r))
            {
                out.push((
                    Clitics {
                        article: true,
                        ..base
                    },
                    Cow::Borrowed(rest),
                ));
            }
            // ل + ال is written لل: للانبار = ل + الانبار.
            if prep == Some('ل')
                && let Some(rest) = strip_letter(t2, "ل").filter(|r| min_stem(r))
            {
                out.push((base, Cow::Owned(format!("ال{rest}"))));
                out.push((
                    Clitics {
                        article: true,
                        ..base
                    },
                    Cow::Borrowed(rest),
                ));
            }
        }
    }
}

impl Matcher {
    /// Compiles every form of the lexicon.
    pub fn new(lex: &Lexicon) -> Self {
        let mut m = Matcher {
            nodes: vec![Node::default()],
            cue_kinds: lex.cues.iter().map(|c| c.kind).collect(),
        };
        let mut forms: Vec<(String, Pos)> = Vec::new();
        for (i, e) in lex.entities.iter().enumerate() {
            let entity = i as u32;
            let names = std::iter::once(&e.label_ar).chain(e.alt_labels.iter().map(|(l, _)| l));
            for name in names {
                m.insert(
                    name,
                    Payload {
                        target: Target::Entity {
                            entity,
                            strict: false,
                        },
                        pos: Pos::Name,
                    },
                );
            }
            for name in &e.strict_labels {
                m.insert(
                    name,
                    Payload {
                        target: Target::Entity {
                            entity,
                            strict: true,
                        },
                        pos: Pos::Name,
                    },
                );
            }
            let mut dforms = Vec::new();
            for d in &e.demonyms {
                morph::demonym_forms(&normalize_str(d), &mut dforms);
            }
            for f in dforms {
                m.insert_normalized(
                    &f,
                    Payload {
                        target: Target::Demonym { entity },
                        pos: Pos::Noun,
                    },
                );
            }
        }
        for (ai, a) in lex.actions.iter().enumerate() {
            for (ti, t) in a.triggers.iter().enumerate() {
                let target = Target::Trigger {
                    action: ai as u32,
                    trigger: ti as u32,
                };
                forms.clear();
                expand(&t.form, Pos::Noun, &mut forms);
                for (f, pos) in &forms {
                    m.insert_normalized(f, Payload { target, pos: *pos });
                }
            }
        }
        for (ci, c) in lex.cues.iter().enumerate() {
            let phrase_pos = match c.kind {
                CueKind::Title
                | CueKind::HeadNoun
                | CueKind::TroopNoun
                | CueKind::ForceNoun
                | CueKind::Month
                | CueKind::Weekday
                | CueKind::RelativeDay
                | CueKind::RelativePeriod
                | CueKind::DateQualifier
                | CueKind::YearWord
                | CueKind::NumberWord => Pos::Noun,
                _ => Pos::Particle,
            };
            for form in &c.forms {
                forms.clear();
                expand(form, phrase_pos, &mut forms);
                for (f, pos) in &forms {
                    m.insert_normalized(
                        f,
                        Payload {
                            target: Target::Cue {
                                cue: ci as u32,
                                strict: false,
                            },
                            pos: *pos,
                        },
                    );
                }
            }
            for f in &c.strict_forms {
                m.insert(
                    f,
                    Payload {
                        target: Target::Cue {
                            cue: ci as u32,
                            strict: true,
                        },
                        pos: phrase_pos,
                    },
                );
            }
        }
        m
    }

    /// Adds one form (any spelling; it is normalized and tokenized here).
    fn insert(&mut self, form: &str, payload: Payload) {
        let norm = normalize_str(form);
        self.insert_normalized(&norm, payload);
    }

    /// Adds a normalized form. Single words (most generated inflections)
    /// skip tokenization.
    fn insert_normalized(&mut self, norm: &str, payload: Payload) {
        let single = [norm];
        let mut toks = Vec::new();
        let plain = !norm.is_empty()
            && !norm
                .bytes()
                .any(|b| b.is_ascii_whitespace() || b.is_ascii_punctuation() || b.is_ascii_digit());
        let words: Vec<&str> = if plain
            && !norm
                .chars()
                .any(|c| c.is_whitespace() || matches!(c, '،' | '؛' | '؟' | '«' | '»' | '“' | '”'))
        {
            single.to_vec()
        } else {
            tokenize(norm, 0..norm.len(), &mut toks);
            toks.iter()
                .filter(|t| t.kind != TokenKind::Punct)
                .map(|t| t.text(norm))
                .collect()
        };
        if words.is_empty() {
            return;
        }
        let mut node = 0usize;
        for w in words {
            node = match self.nodes[node].children.get(w) {
                Some(&n) => n as usize,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(Node::default());
                    self.nodes[node].children.insert(w.into(), n as u32);
                    n
                }
            };
        }
        if !self.nodes[node].payloads.contains(&payload) {
            self.nodes[node].payloads.push(payload);
        }
    }

    /// The kind of cue `cue` (an index into the lexicon's cues).
    pub fn cue_kind(&self, cue: u32) -> Option<CueKind> {
        self.cue_kinds.get(cue as usize).copied()
    }

    /// Number of trie nodes (for diagnostics and benches).
    pub fn size(&self) -> usize {
        self.nodes.len()
    }

    /// Finds every match in `tokens` (of the normalized `text`), in order of
    /// start token, then length, then lexicon order.
    pub fn find(&self, text: &str, tokens: &[Token], out: &mut Vec<Match>) {
        let mut cands = Vec::with_capacity(8);
        for start in 0..tokens.len() {
            let first = tokens[start];
            if first.kind == TokenKind::Punct {
                continue;
            }
            readings(first.text(text), &mut cands);
            let before = out.len();
            for (clitics, stem) in &cands {
                let Some(&n) = self.nodes[0].children.get(stem.as_ref()) else {
                    continue;
                };
                let mut node = n as usize;
                let mut end = start + 1;
                loop {
                    for p in &self.nodes[node].payloads {
                        let dup = out[before..]
                            .iter()
                            .any(|m| m.end == end && m.payload == *p);
                        if clitics.accepted_by(p.pos) && !dup {
                            out.push(Match {
                                start,
                                end,
                                payload: *p,
                                clitics: *clitics,
                            });
                        }
                    }
                    let Some(next) = tokens.get(end) else { break };
                    if next.kind == TokenKind::Punct {
                        break;
                    }
                    match self.nodes[node].children.get(next.text(text)) {
                        Some(&c) => {
                            node = c as usize;
                            end += 1;
                        }
                        None => break,
                    }
                }
            }
            out[before..].sort_by_key(|m| m.end);
        }
    }
}

/// Expands a word form into its inflected forms.
fn expand(form: &WordForm, phrase_pos: Pos, out: &mut Vec<(String, Pos)>) {
    match form {
        WordForm::Verb { past, present } => {
            morph::verb_forms(&normalize_str(past), &normalize_str(present), out)
        }
        WordForm::Noun(n) => morph::noun_forms(&normalize_str(n), out),
        WordForm::Adjective(a) => morph::adjective_forms(&normalize_str(a), out),
        WordForm::Phrase(p) => out.push((normalize_str(p), phrase_pos)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_readings() {
        let mut r = Vec::new();
        readings("للانبار", &mut r);
        assert!(
            r.iter()
                .any(|(c, s)| s == "الانبار" && c.prep == Some('ل') && !c.article)
        );
        readings("وبالانسحاب", &mut r);
        assert!(r.iter().any(|(c, s)| s == "انسحاب"
            && c.conj == Some('و')
            && c.prep == Some('ب')
            && c.article));
        readings("سينسحب", &mut r);
        assert!(r.iter().any(|(c, s)| s == "ينسحب" && c.future));
    }

    #[test]
    fn accepts_by_part_of_speech() {
        let fut = Clitics {
            future: true,
            ..Default::default()
        };
        assert!(fut.accepted_by(Pos::Present) && !fut.accepted_by(Pos::Noun));
        let art = Clitics {
            article: true,
            ..Default::default()
        };
        assert!(
            art.accepted_by(Pos::Noun)
                && !art.accepted_by(Pos::Name)
                && !art.accepted_by(Pos::Past)
        );
    }
}
