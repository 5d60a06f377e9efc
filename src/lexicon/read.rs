//! Interprets the lexicon's triples as entities, actions and cues, and checks
//! them: every problem is collected and reported with its file, so a user
//! fixing their data sees all of them at once.

use std::path::PathBuf;

use super::turtle::{Obj, TripleTable};
use super::*;
use crate::model::ids::is_valid_id;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const SKOS_PREF: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";
const SKOS_ALT: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
const WIKIDATA: &str = "http://www.wikidata.org/entity/";

fn kg(local: &str) -> String {
    format!("{KG}{local}")
}

/// Local name of an IRI: after the last `#` or `/`.
pub fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// Reads the given files (path for messages, content) into a lexicon.
pub fn read_lexicon(files: &[(PathBuf, Vec<u8>)]) -> Result<Lexicon> {
    let mut table = TripleTable::default();
    for (path, data) in files {
        table.add_turtle(path, data)?;
    }
    let mut problems: Vec<(PathBuf, String)> = Vec::new();
    let entities = read_entities(&table, &mut problems);
    let actions = read_actions(&table, &mut problems);
    let cues = read_cues(&table, &mut problems);
    let lex = Lexicon::new(
        entities,
        actions,
        cues,
        files.iter().map(|f| f.0.clone()).collect(),
    );
    check_references(&lex, &table, &mut problems);
    for req in REQUIRED_ACTIONS {
        if lex.action(req).is_none() {
            problems.push((
                PathBuf::from("lexicon"),
                format!("required action `{req}` is not defined (kg:actionId)"),
            ));
        }
    }
    if problems.is_empty() {
        return Ok(lex);
    }
    let first = problems[0].0.clone();
    let message = problems
        .iter()
        .map(|(p, m)| format!("{}: {m}", p.display()))
        .collect::<Vec<_>>()
        .join("\n  ");
    Err(KgError::Lexicon {
        path: first,
        message: format!("{} problem(s) in the lexicon:\n  {message}", problems.len()),
    })
}

fn strings<'a>(t: &'a TripleTable, s: &str, p: &str) -> Vec<(&'a str, Option<&'a str>)> {
    t.objects(s, p)
        .filter_map(|o| o.as_str().map(|v| (v, o.lang())))
        .collect()
}

fn iris(t: &TripleTable, s: &str, p: &str) -> Vec<String> {
    t.objects(s, p)
        .filter_map(|o| o.as_iri().map(str::to_string))
        .collect()
}

fn types(t: &TripleTable, s: &str) -> Vec<String> {
    iris(t, s, RDF_TYPE)
}

fn read_entities(t: &TripleTable, problems: &mut Vec<(PathBuf, String)>) -> Vec<LexEntity> {
    let mut out = Vec::new();
    // The IRI of each entity of `out`.
    let mut subjects = Vec::new();
    for subject in t.subjects.keys() {
        let kinds: Vec<EntityKind> = types(t, subject)
            .iter()
            .filter_map(|c| c.strip_prefix(KG).and_then(EntityKind::from_class_name))
            .collect();
        if kinds.is_empty() {
            continue;
        }
        let file = t.file_of(subject);
        let id = local_name(subject).to_string();
        if !is_valid_id(&id) {
            problems.push((file.clone(), format!("entity <{subject}>: id `{id}` must be lowercase ASCII letters, digits and hyphens")));
        }
        if kinds.len() > 1 {
            problems.push((
                file.clone(),
                format!(
                    "entity `{id}` has {} classes; give it one (or it is defined twice: described in {})",
                    kinds.len(),
                    t.files_of(subject)
                ),
            ));
        }
        let pref: Vec<&str> = strings(t, subject, SKOS_PREF)
            .into_iter()
            .filter(|(_, l)| *l == Some("ar"))
            .map(|(v, _)| v)
            .collect();
        if pref.is_empty() {
            problems.push((
                file.clone(),
                format!("entity `{id}` has no Arabic skos:prefLabel"),
            ));
        } else if pref.len() > 1 {
            problems.push((
                file.clone(),
                format!(
                    "entity `{id}` has {} Arabic prefLabels (is the id used twice? described in {})",
                    pref.len(),
                    t.files_of(subject)
                ),
            ));
        }
        let label_en = strings(t, subject, RDFS_LABEL)
            .into_iter()
            .find(|(_, l)| *l == Some("en"))
            .map(|(v, _)| v.to_string());
        let mut alt_labels: Vec<(String, String)> = strings(t, subject, SKOS_ALT)
            .into_iter()
            .map(|(v, l)| (v.to_string(), l.unwrap_or("ar").to_string()))
            .collect();
        alt_labels.sort();
        let position = strings(t, subject, &kg("position"));
        let wikidata = iris(t, subject, OWL_SAME_AS)
            .into_iter()
            .find_map(|i| i.strip_prefix(WIKIDATA).map(str::to_string));
        let local_ids = |p: &str| -> Vec<String> {
            iris(t, subject, &kg(p))
                .iter()
                .map(|i| local_name(i).to_string())
                .collect()
        };
        subjects.push(subject);
        out.push(LexEntity {
            id,
            kind: kinds.first().copied(),
            label_ar: pref.first().map(|s| s.to_string()).unwrap_or_default(),
            label_en,
            alt_labels,
            strict_labels: strings(t, subject, &kg("strictLabel"))
                .into_iter()
                .map(|(v, _)| v.to_string())
                .collect(),
            demonyms: strings(t, subject, &kg("demonym"))
                .into_iter()
                .map(|(v, _)| v.to_string())
                .collect(),
            located_in: local_ids("locatedIn"),
            led_by: local_ids("ledBy"),
            part_of: local_ids("partOf"),
            country: local_ids("country"),
            metonym_for: local_ids("metonymFor").into_iter().next(),
            position_en: position
                .iter()
                .find(|(_, l)| *l == Some("en"))
                .map(|(v, _)| v.to_string()),
            position_ar: position
                .iter()
                .find(|(_, l)| *l == Some("ar"))
                .map(|(v, _)| v.to_string()),
            position_of: local_ids("positionOf").into_iter().next(),
            wikidata,
        });
    }
    let mut seen = std::collections::BTreeMap::new();
    for (subject, e) in subjects.iter().zip(&out) {
        if let Some(first) = seen.insert(e.id.clone(), subject) {
            problems.push((
                t.file_of(subject),
                format!(
                    "entity id `{}` is used by two different IRIs: <{first}> ({}) and <{subject}> ({})",
                    e.id,
                    t.files_of(first),
                    t.files_of(subject)
                ),
            ));
        }
    }
    out
}

/// Reads the trigger-like properties (`kg:verb`, `kg:noun`, `kg:adjective`,
/// `kg:phrase`, `kg:form`) of a subject.
fn word_forms(
    t: &TripleTable,
    subject: &str,
    problems: &mut Vec<(PathBuf, String)>,
) -> Vec<WordForm> {
    let mut out = Vec::new();
    for (v, _) in strings(t, subject, &kg("verb")) {
        match v.split_once('|') {
            Some((past, present)) => out.push(WordForm::Verb {
                past: past.trim().into(),
                present: present.trim().into(),
            }),
            None => problems.push((
                t.file_of(subject),
                format!("<{subject}> kg:verb \"{v}\": write past|present, e.g. \"انسحب|ينسحب\""),
            )),
        }
    }
    out.extend(
        strings(t, subject, &kg("noun"))
            .into_iter()
            .map(|(v, _)| WordForm::Noun(v.into())),
    );
    out.extend(
        strings(t, subject, &kg("adjective"))
            .into_iter()
            .map(|(v, _)| WordForm::Adjective(v.into())),
    );
    out.extend(
        strings(t, subject, &kg("phrase"))
            .into_iter()
            .map(|(v, _)| WordForm::Phrase(v.into())),
    );
    out.extend(
        strings(t, subject, &kg("form"))
            .into_iter()
            .map(|(v, _)| WordForm::Phrase(v.into())),
    );
    out
}

fn read_actions(t: &TripleTable, problems: &mut Vec<(PathBuf, String)>) -> Vec<ActionDef> {
    let mut out = Vec::new();
    for subject in t.subjects.keys() {
        let Some(id) = strings(t, subject, &kg("actionId"))
            .first()
            .map(|(v, _)| v.to_string())
        else {
            continue;
        };
        let file = t.file_of(subject);
        let labels = strings(t, subject, RDFS_LABEL);
        let label_en = labels
            .iter()
            .find(|(_, l)| *l == Some("en"))
            .map(|(v, _)| v.to_string());
        if label_en.is_none() {
            problems.push((
                file.clone(),
                format!("action `{id}` has no English rdfs:label"),
            ));
        }
        let one = |p: &str| {
            strings(t, subject, &kg(p))
                .first()
                .map(|(v, _)| v.to_string())
        };
        let object = one("objectRole").and_then(|s| ObjectRole::parse(&s));
        let mut triggers: Vec<Trigger> = word_forms(t, subject, problems)
            .into_iter()
            .map(|form| Trigger {
                form,
                object: None,
                subject: None,
                needs: Vec::new(),
                needs_near: false,
                unless_next: Vec::new(),
                unless_after: Vec::new(),
            })
            .collect();
        // Structured triggers: kg:trigger [ kg:noun "إخلاء" ; kg:objectRole "place" ].
        for node in t.objects(subject, &kg("trigger")) {
            let (Obj::Blank(b) | Obj::Iri(b)) = node else {
                continue;
            };
            let role = |p: &str| {
                strings(t, b, &kg(p))
                    .first()
                    .and_then(|(v, _)| ObjectRole::parse(v))
            };
            let needs: Vec<String> = strings(t, b, &kg("needsWord"))
                .into_iter()
                .map(|(v, _)| crate::text::normalize_str(v))
                .collect();
            let needs_near = strings(t, b, &kg("needsNear"))
                .first()
                .is_some_and(|(v, _)| *v == "true");
            let unless_next: Vec<String> = strings(t, b, &kg("unlessNext"))
                .into_iter()
                .map(|(v, _)| crate::text::normalize_str(v))
                .collect();
            let unless_after: Vec<String> = strings(t, b, &kg("unlessAfter"))
                .into_iter()
                .map(|(v, _)| crate::text::normalize_str(v))
                .collect();
            for form in word_forms(t, b, problems) {
                triggers.push(Trigger {
                    form,
                    object: role("objectRole"),
                    subject: role("subjectRole"),
                    needs: needs.clone(),
                    needs_near,
                    unless_next: unless_next.clone(),
                    unless_after: unless_after.clone(),
                });
            }
        }
        if triggers.is_empty() {
            problems.push((
                file.clone(),
                format!("action `{id}` has no triggers (kg:verb, kg:noun, kg:phrase …)"),
            ));
        }
        out.push(ActionDef {
            class_iri: subject.clone(),
            label_en: label_en.unwrap_or_else(|| id.clone()),
            label_ar: labels
                .iter()
                .find(|(_, l)| *l == Some("ar"))
                .map(|(v, _)| v.to_string()),
            cameo: one("cameo"),
            cameo_planned: one("cameoPlanned"),
            plover: one("plover"),
            place_preps: strings(t, subject, &kg("placePrep"))
                .into_iter()
                .map(|(v, _)| crate::text::normalize_str(v))
                .collect(),
            target_preps: strings(t, subject, &kg("targetPrep"))
                .into_iter()
                .map(|(v, _)| crate::text::normalize_str(v))
                .collect(),
            object,
            base_status: one("baseStatus"),
            symmetric: one("symmetric").as_deref() == Some("true"),
            actor_is_forces: one("actorIsForces").as_deref() == Some("true"),
            object_acts: one("objectActs").as_deref() == Some("true"),
            embeds: one("embeds").as_deref() == Some("true"),
            owner_words: strings(t, subject, &kg("ownerWord"))
                .into_iter()
                .map(|(v, _)| crate::text::normalize_str(v))
                .collect(),
            triggers,
            id,
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    for w in out.windows(2) {
        if w[0].id == w[1].id {
            problems.push((
                t.file_of(&w[1].class_iri),
                format!(
                    "action id `{}` is defined by two classes: <{}> ({}) and <{}> ({})",
                    w[0].id,
                    w[0].class_iri,
                    t.files_of(&w[0].class_iri),
                    w[1].class_iri,
                    t.files_of(&w[1].class_iri)
                ),
            ));
        }
    }
    out
}

fn read_cues(t: &TripleTable, problems: &mut Vec<(PathBuf, String)>) -> Vec<Cue> {
    let mut out = Vec::new();
    for subject in t.subjects.keys() {
        let kind = types(t, subject)
            .iter()
            .find_map(|c| c.strip_prefix(KG).and_then(CueKind::from_class_name));
        let Some(kind) = kind else { continue };
        let file = t.file_of(subject);
        let forms = word_forms(t, subject, problems);
        let strict_forms: Vec<String> = strings(t, subject, &kg("strictForm"))
            .into_iter()
            .map(|(v, _)| v.to_string())
            .collect();
        if forms.is_empty() && strict_forms.is_empty() {
            problems.push((
                file.clone(),
                format!("cue <{subject}> has no forms (kg:form, kg:verb, kg:noun …)"),
            ));
        }
        let labels = strings(t, subject, RDFS_LABEL);
        let one = |p: &str| {
            strings(t, subject, &kg(p))
                .first()
                .map(|(v, _)| v.to_string())
        };
        let number = one("number").and_then(|v| v.parse::<i64>().ok());
        let introduces = iris(t, subject, &kg("introduces"))
            .into_iter()
            .chain(iris(t, subject, &kg("refersTo")))
            .collect::<Vec<_>>()
            .first()
            .and_then(|c| c.strip_prefix(KG).and_then(EntityKind::from_class_name));
        let qualifier = one("qualifier").and_then(|q| DateQualifier::from_id(&q));
        let unit = one("unit").and_then(|u| match u.as_str() {
            "day" => Some(TimeUnit::Day),
            "week" => Some(TimeUnit::Week),
            "month" => Some(TimeUnit::Month),
            "year" => Some(TimeUnit::Year),
            _ => None,
        });
        let needs_number = matches!(
            kind,
            CueKind::Month
                | CueKind::Weekday
                | CueKind::RelativeDay
                | CueKind::RelativePeriod
                | CueKind::NumberWord
                | CueKind::RelativeModifier
        );
        if needs_number && number.is_none() {
            problems.push((
                file.clone(),
                format!("<{subject}> ({kind:?}) needs an integer kg:number"),
            ));
        }
        if kind == CueKind::HeadNoun && introduces.is_none() {
            problems.push((
                file.clone(),
                format!("<{subject}> (HeadNoun) needs kg:introduces with an entity class"),
            ));
        }
        if kind == CueKind::DateQualifier && qualifier.is_none() {
            problems.push((file.clone(), format!("<{subject}> needs kg:qualifier (by, since, before, after, start, mid, late, end, until, around)")));
        }
        if kind == CueKind::RelativePeriod && unit.is_none() {
            problems.push((
                file.clone(),
                format!("<{subject}> needs kg:unit (day, week, month, year)"),
            ));
        }
        let nouns = forms
            .iter()
            .filter_map(|f| match f {
                WordForm::Noun(n) => Some(crate::text::normalize_str(n)),
                _ => None,
            })
            .collect();
        out.push(Cue {
            id: local_name(subject).to_string(),
            kind,
            label_en: labels
                .iter()
                .find(|(_, l)| *l == Some("en"))
                .map(|(v, _)| v.to_string()),
            label_ar: labels
                .iter()
                .find(|(_, l)| *l == Some("ar"))
                .map(|(v, _)| v.to_string()),
            forms,
            nouns,
            strict_forms,
            number,
            introduces,
            qualifier,
            unit,
            anchor: if one("anchor").as_deref() == Some("context") {
                Anchor::Context
            } else {
                Anchor::Publication
            },
            names: one("names").as_deref() != Some("false"),
            possessed: one("possessed").as_deref() == Some("true"),
            not_after: strings(t, subject, &kg("notAfter"))
                .into_iter()
                .map(|(v, _)| crate::text::normalize_str(v))
                .collect(),
            not_within: strings(t, subject, &kg("notWithin"))
                .into_iter()
                .map(|(v, _)| crate::text::normalize_str(v))
                .collect(),
            adverbial: one("adverbial").as_deref() == Some("true"),
            territory: one("territory").as_deref() == Some("true"),
            capital: one("capital").as_deref() == Some("true"),
            by_head: one("byHead").as_deref() == Some("true"),
            instrument: one("instrument").as_deref() == Some("true"),
            agentive: one("agentive").as_deref() == Some("true"),
        });
    }
    out
}

fn check_references(lex: &Lexicon, t: &TripleTable, problems: &mut Vec<(PathBuf, String)>) {
    for e in &lex.entities {
        let refs = e
            .located_in
            .iter()
            .chain(&e.led_by)
            .chain(&e.part_of)
            .chain(&e.country)
            .chain(e.metonym_for.iter())
            .chain(e.position_of.iter());
        for r in refs {
            if lex.entity(r).is_none() {
                problems.push((
                    t.file_of(&format!("{ENT}{}", e.id)),
                    format!("entity `{}` refers to unknown entity `{r}`", e.id),
                ));
            }
        }
    }
}
