//! Extraction: one article in, its entities, event mentions and relations
//! out. The [`Extractor`] compiles the lexicon's matcher once and is shared
//! by all threads; `extract` is a pure function of the article.
//!
//! Passes over the article: normalize and split; per sentence, resolve
//! gazetteer names and discover unknown entities; find second mentions of
//! discovered names; then dates, events and relations sentence by sentence.

pub mod anaphora;
mod anonymous;
mod capital;
pub mod dates;
pub mod events;
mod forces;
pub mod mentions;
pub mod modality;
mod naming;
mod neighbours;
pub mod nps;
mod parens;
mod places;
mod pronouns;
mod regions;
pub mod relations;
mod roles;
pub mod sent;
pub mod table;

use crate::lexicon::Lexicon;
use crate::matcher::{Matcher, Target};
use crate::model::ids::hash_id;
use crate::model::{
    Article, ArticleExtraction, EventDate, EventMention, PartialDate, Provenance, Relation,
};
use crate::text::{CharIndex, NormText, split_sentences};
use dates::{DateContext, find_dates};
use events::{ArticleState, sentence_events};
use mentions::{
    LocalAliases, apply_local_aliases, discover, gazetteer_person_aliases, resolve_gazetteer,
    role_relation,
};
use relations::{RelDraft, gazetteer_relations, text_relations};
use sent::Sent;
use table::EntityTable;

/// The extractor: the lexicon and its compiled matcher.
pub struct Extractor {
    lex: Lexicon,
    matcher: Matcher,
}

/// Maps token spans of the normalized text to the original text.
struct Spans<'a> {
    original: &'a str,
    norm: &'a NormText,
    chars: CharIndex<'a>,
}

impl Spans<'_> {
    fn bytes(&self, s: &Sent, a: usize, b: usize) -> std::ops::Range<usize> {
        let start = s.tokens[a].start as usize;
        let end = s.tokens[b.max(a + 1) - 1].end as usize;
        self.norm.orig_range(start..end)
    }
    /// The original text of tokens `a..b` as a reader sees it (markup
    /// removed, character references decoded).
    fn text(&self, s: &Sent, a: usize, b: usize) -> String {
        self.norm
            .visible(self.original, self.bytes(s, a, b))
            .into_owned()
    }
    fn provenance(&self, article: &str, s: &Sent, a: usize, b: usize) -> Provenance {
        let r = self.bytes(s, a, b);
        Provenance {
            article: article.to_string(),
            sentence: s.index,
            char_start: self.chars.char_offset(r.start),
            char_end: self.chars.char_offset(r.end),
            quote: self.original[r].to_string(),
        }
    }
}

impl Extractor {
    pub fn new(lex: Lexicon) -> Self {
        let matcher = Matcher::new(&lex);
        Extractor { lex, matcher }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Extracts everything from one article.
    pub fn extract(&self, article: &Article) -> ArticleExtraction {
        let lex = &self.lex;
        let id = article.meta.id.as_str();
        let norm = NormText::from_article(&article.text);
        let spans = Spans {
            original: &article.text,
            norm: &norm,
            chars: CharIndex::new(&article.text),
        };
        let mut sents: Vec<Sent> = split_sentences(&norm.text)
            .into_iter()
            .enumerate()
            .map(|(i, r)| Sent::new(i, r, &norm.text, &self.matcher))
            .collect();
        let mut meta = article.meta.clone();
        meta.chars = spans.chars.char_offset(article.text.len());
        meta.sentences = sents.len();
        let mut warnings = Vec::new();
        let published = meta.published.or_else(|| {
            let d = self.dateline(&sents);
            if let Some(d) = d {
                warnings.push(format!(
                    "publication date {d} taken from the article's dateline"
                ));
            }
            d
        });

        let mut table = EntityTable::default();
        let mut aliases = LocalAliases::default();
        let mut roles = Vec::new();
        for s in &mut sents {
            resolve_gazetteer(s, lex, &mut table);
        }
        let visible = |r: std::ops::Range<usize>| norm.visible(&article.text, norm.orig_range(r));
        let original = |r: std::ops::Range<usize>| visible(r).into_owned();
        for s in &mut sents {
            // (marks first: a word with tanwin ends a discovered name)
            s.mark_passive(norm.case_marks(), visible);
            discover(s, lex, &original, &mut table, &mut aliases, &mut roles);
            anonymous::discover_anonymous(s, lex, &original, &mut table);
            gazetteer_person_aliases(s, &table, &mut aliases);
        }
        let firsts = aliases.firsts();
        for s in &mut sents {
            apply_local_aliases(s, lex, &aliases, &firsts);
            naming::widen_named(s, lex);
            for m in &s.ments {
                if !m.role_only {
                    let surface = spans.text(s, m.start, m.end);
                    table.add_alias(m.entity, &strip_clitics(&surface, s, m.start, m.end));
                }
            }
        }
        let ctx = DateContext { published };
        let all_dates: Vec<_> = sents.iter().map(|s| find_dates(s, lex, &ctx)).collect();
        let hidden: Vec<Vec<bool>> = sents
            .iter()
            .zip(&all_dates)
            .map(|(s, dates)| parens::hidden(s, lex, &parens::dated_with_time(s, lex, dates)))
            .collect();
        anaphora::resolve(&mut sents, lex, &mut table, &hidden);
        capital::resolve(&mut sents, lex, &mut table);
        regions::resolve(&mut sents, lex, &mut table);

        let mut state = ArticleState::default();
        let mut mentions = Vec::new();
        let mut rels: Vec<RelDraft> = Vec::new();
        for (s, dates) in sents.iter().zip(all_dates) {
            // An event needs at least one argument in its sentence (tests/dev/GUIDELINES.md).
            let events = sentence_events(s, lex, &mut table, &dates, published, &mut state);
            for d in events.into_iter().filter(|d| {
                d.actor.is_some() || d.place.is_some() || d.target.is_some() || d.date.is_some()
            }) {
                let action = &lex.actions[d.action];
                let prov = spans.provenance(id, s, d.span.0, d.span.1);
                let ent = |e: Option<usize>| e.map(|i| table.get(i).id.clone());
                let (actor, place, target) = (ent(d.actor), ent(d.place), ent(d.target));
                let mention_id = hash_id(
                    "m",
                    &[
                        id,
                        &prov.char_start.to_string(),
                        &prov.char_end.to_string(),
                        &action.id,
                        actor.as_deref().unwrap_or(""),
                        place.as_deref().unwrap_or(""),
                    ],
                );
                let date = d.date.map(|di| {
                    let dm = &dates[di];
                    EventDate {
                        start: dm.start_date,
                        end: dm.end_date,
                        qualifier: dm.qualifier,
                        text: spans.text(s, dm.start, dm.end),
                    }
                });
                mentions.push(EventMention {
                    id: mention_id,
                    event: String::new(),
                    action: action.id.clone(),
                    actor,
                    place,
                    target,
                    date,
                    polarity: d.polarity,
                    modality: d.modality,
                    attributed_to: ent(d.attributed_to),
                    troops: d.troops,
                    trigger: spans.text(s, d.trigger.0, d.trigger.1),
                    disputed: false,
                    provenance: prov,
                });
            }
            text_relations(s, lex, &table, &mut rels);
        }
        for r in &roles {
            if let Some((p, pred, o, role)) = role_relation(r) {
                rels.push(RelDraft {
                    subject: p,
                    predicate: pred,
                    object: o,
                    role: Some(role),
                    evidence: Some((r.sentence, r.tok_start, r.tok_end)),
                });
            }
        }
        // A first line without final punctuation is a headline.
        let headline = sents.first().is_some_and(|s| {
            !s.is_empty() && !matches!(s.text(s.len() - 1), "." | "!" | "؟" | "?" | ":")
        });
        if headline {
            modality::headline_from_body(&mut mentions);
        }
        gazetteer_relations(lex, &mut table, &mut rels);
        let relations = rels
            .into_iter()
            .map(|r| Relation {
                subject: table.get(r.subject).id.clone(),
                predicate: r.predicate,
                object: table.get(r.object).id.clone(),
                role: r.role.filter(|x| !x.is_empty()),
                provenance: r
                    .evidence
                    .map(|(si, a, b)| spans.provenance(id, &sents[si], a, b)),
            })
            .collect();
        ArticleExtraction {
            meta,
            entities: table.into_entities(),
            mentions,
            relations,
            warnings,
        }
    }

    /// A full date stated in the first lines of an article (its dateline).
    fn dateline(&self, sents: &[Sent]) -> Option<PartialDate> {
        let ctx = DateContext { published: None };
        sents
            .iter()
            .take(4)
            .filter(|s| s.range.start < 600)
            .find_map(|s| {
                find_dates(s, &self.lex, &ctx)
                    .into_iter()
                    .find_map(|d| d.start_date.filter(|x| x.day.is_some()))
            })
    }
}

/// Removes proclitics (seen by the matcher) from the surface of a mention.
fn strip_clitics(surface: &str, s: &Sent, start: usize, end: usize) -> String {
    let n = s
        .matches_at(start)
        .filter(|m| {
            m.end == end
                && matches!(
                    m.payload.target,
                    Target::Entity { .. } | Target::Demonym { .. }
                )
        })
        .map(|m| usize::from(m.clitics.conj.is_some()) + usize::from(m.clitics.prep.is_some()))
        .min()
        .unwrap_or(0);
    crate::text::normalize::skip_letters(surface, n).to_string()
}
