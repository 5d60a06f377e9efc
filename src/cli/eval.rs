//! `kg eval --gold FILE`: precision, recall and F1 of a build against gold events.

use std::collections::BTreeSet;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::common::load_lexicon;
use super::{LexiconArgs, Outcome};
use kg::eval::{Report, Resolver, read_gold, score};
use kg::matcher::Matcher;

#[derive(Args)]
pub struct EvalArgs {
    /// Gold file (TSV: article, action, actor, place, date, polarity, modality …; see tests/dev/README.md).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// The build to score.
    #[arg(long, default_value = "exports", value_name = "DIR")]
    pub exports: PathBuf,
    /// Score only the articles that appear in the gold file.
    #[arg(long)]
    pub gold_articles_only: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Do not list misses and false alarms.
    #[arg(long)]
    pub summary: bool,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

pub fn run(args: EvalArgs) -> Result<Outcome> {
    let kg = kg::export::load_graph(&args.exports)?;
    let gold = read_gold(&args.gold)?;
    let (lex, _) = load_lexicon(&args.lexicon)?;
    let matcher = Matcher::new(&lex);
    let resolver = Resolver::new(&lex, &matcher);
    let scope: Option<BTreeSet<String>> = args
        .gold_articles_only
        .then(|| gold.iter().map(|g| g.article.clone()).collect());
    let report = score(&kg, &gold, &resolver, scope.as_ref());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report, !args.summary);
    }
    Ok(Outcome::Complete)
}

fn print_report(r: &Report, details: bool) {
    println!(
        "{:<14} {:>5} {:>6} {:>7} {:>6} {:>6} {:>6}",
        "action", "gold", "system", "matched", "P", "R", "F1"
    );
    for (a, c) in &r.by_action {
        println!(
            "{:<14} {:>5} {:>6} {:>7} {:>6.3} {:>6.3} {:>6.3}",
            a,
            c.gold,
            c.system,
            c.matched,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    let o = &r.overall;
    println!(
        "{:<14} {:>5} {:>6} {:>7} {:>6.3} {:>6.3} {:>6.3}",
        "ALL",
        o.gold,
        o.system,
        o.matched,
        o.precision(),
        o.recall(),
        o.f1()
    );
    println!();
    for (name, a) in [
        ("date", &r.date),
        ("polarity", &r.polarity),
        ("modality", &r.modality),
        ("attribution", &r.attribution),
    ] {
        println!(
            "{name:<12} accuracy on matched events: {:.3} ({}/{})",
            a.value(),
            a.correct,
            a.total
        );
    }
    if details {
        for (title, list) in [
            ("misses", &r.misses),
            ("false alarms", &r.false_alarms),
            ("attribute errors", &r.attribute_errors),
        ] {
            println!("\n{title} ({}):", list.len());
            for d in list {
                println!(
                    "  {} {} actor={} place={} | {}",
                    d.article, d.action, d.actor, d.place, d.detail
                );
            }
        }
    }
}
