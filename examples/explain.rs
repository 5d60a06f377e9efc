//! Developer tool: shows how kg reads a text (tokens with their matches,
//! entity mentions, events). `cargo run --example explain -- "نص"` or
//! `cargo run --example explain -- --file article.txt [--published 2025-09-07]`.

use kg::extract::Extractor;
use kg::lexicon::Lexicon;
use kg::matcher::Target;
use kg::model::{Article, ArticleMeta, PartialDate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut text = String::new();
    let mut published = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--file" => {
                text = std::fs::read_to_string(&args[i + 1])?;
                i += 1;
            }
            "--published" => {
                published = PartialDate::parse(&args[i + 1]);
                i += 1;
            }
            t => text = t.to_string(),
        }
        i += 1;
    }
    let lex = if std::path::Path::new("lexicon").is_dir() {
        Lexicon::from_paths(
            Some(std::path::Path::new("ontology.ttl")),
            &["lexicon".into()],
        )?
    } else {
        Lexicon::builtin()?
    };
    let t = std::time::Instant::now();
    let ex = Extractor::new(lex);
    eprintln!(
        "matcher: {} trie nodes, built in {:.3}s",
        ex.matcher().size(),
        t.elapsed().as_secs_f64()
    );
    let norm = kg::text::NormText::new(&text);
    let mut table = kg::extract::table::EntityTable::default();
    let mut aliases = kg::extract::mentions::LocalAliases::default();
    let mut roles = Vec::new();
    for (si, r) in kg::text::split_sentences(&norm.text)
        .into_iter()
        .enumerate()
    {
        let mut s = kg::extract::sent::Sent::new(si, r, &norm.text, ex.matcher());
        kg::extract::mentions::resolve_gazetteer(&mut s, ex.lexicon(), &mut table);
        let original = |r: std::ops::Range<usize>| norm.text[r].to_string();
        kg::extract::mentions::discover(
            &mut s,
            ex.lexicon(),
            &original,
            &mut table,
            &mut aliases,
            &mut roles,
        );
        for m in &s.ments {
            println!(
                "  ment [{}..{}] {} adj={} role_only={}",
                m.start,
                m.end,
                table.get(m.entity).id,
                m.adjectival,
                m.role_only
            );
        }
        println!("── sentence {si}");
        for (ti, t) in s.tokens.iter().enumerate() {
            let ms: Vec<String> = s
                .matches_at(ti)
                .map(|m| {
                    let what = match m.payload.target {
                        Target::Entity { entity, strict } => format!(
                            "E:{}{}",
                            ex.lexicon().entities[entity as usize].id,
                            if strict { "*" } else { "" }
                        ),
                        Target::Demonym { entity } => {
                            format!("D:{}", ex.lexicon().entities[entity as usize].id)
                        }
                        Target::Trigger { action, .. } => {
                            format!("T:{}", ex.lexicon().actions[action as usize].id)
                        }
                        Target::Cue { cue, .. } => {
                            format!("C:{:?}", ex.lexicon().cues[cue as usize].kind)
                        }
                    };
                    format!(
                        "{what}/{:?}[{}..{}]{}",
                        m.payload.pos,
                        m.start,
                        m.end,
                        if m.clitics != Default::default() {
                            format!("{:?}", m.clitics)
                        } else {
                            String::new()
                        }
                    )
                })
                .collect();
            println!("  {ti:>3} {:<16} {}", t.text(&norm.text), ms.join("  "));
        }
    }
    let meta = ArticleMeta {
        id: "x".into(),
        published,
        ..Default::default()
    };
    let x = ex.extract(&Article { meta, text });
    for e in &x.entities {
        println!(
            "entity {} {:?} {} {:?}",
            e.id, e.kind, e.label_ar, e.aliases
        );
    }
    for m in &x.mentions {
        println!(
            "s{} {} actor={:?} place={:?} target={:?} date={:?} {} {} by={:?} troops={:?} «{}»",
            m.provenance.sentence,
            m.action,
            m.actor,
            m.place,
            m.target,
            m.date
                .as_ref()
                .map(|d| d.start.map(|x| x.to_string()).unwrap_or("?".into())),
            m.polarity,
            m.modality,
            m.attributed_to,
            m.troops,
            m.provenance.quote
        );
    }
    for r in &x.relations {
        if r.provenance.is_some() {
            println!(
                "rel {} {} {} {:?}",
                r.subject, r.predicate, r.object, r.role
            );
        }
    }
    Ok(())
}
