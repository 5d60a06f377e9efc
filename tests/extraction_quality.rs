//! Regression guard for extraction quality: builds kg's own gold sets with
//! the library and fails when event F1 (action, actor, place) or date
//! accuracy drops below the level reached. Raise the floors when the
//! extractor improves; never lower them to make a change pass.
//!
//! The held-out set is scored too, but only its floor is checked: it is
//! for measuring, not tuning.

mod common;

use std::path::PathBuf;

use kg::eval::{Report, Resolver, read_gold, score};
use kg::extract::Extractor;
use kg::lexicon::Lexicon;
use kg::pipeline::{BuildOptions, build};

fn lexicon() -> Lexicon {
    let root = common::root();
    Lexicon::from_paths(Some(&root.join("ontology.ttl")), &[root.join("lexicon")])
        .expect("the lexicon loads")
}

fn evaluate(extractor: &Extractor, input: &str, gold: &str) -> Report {
    let root = common::root();
    let opts = BuildOptions {
        inputs: vec![root.join(input)],
        ..Default::default()
    };
    let outcome = build(extractor, &opts, &|_, _| {}).expect("the build runs");
    let gold = read_gold(&root.join(gold)).expect("the gold file reads");
    let resolver = Resolver::new(extractor.lexicon(), extractor.matcher());
    score(&outcome.graph, &gold, &resolver, None)
}

fn check(name: &str, r: &Report, min_f1: f64, min_date: f64) {
    let (f1, date) = (r.overall.f1(), r.date.value());
    eprintln!(
        "{name}: P {:.3} R {:.3} F1 {f1:.3}; date {date:.3}, polarity {:.3}, modality {:.3} ({} gold, {} system, {} matched)",
        r.overall.precision(),
        r.overall.recall(),
        r.polarity.value(),
        r.modality.value(),
        r.overall.gold,
        r.overall.system,
        r.overall.matched
    );
    assert!(f1 >= min_f1, "{name}: event F1 {f1:.3} fell below {min_f1}");
    assert!(
        date >= min_date,
        "{name}: date accuracy {date:.3} fell below {min_date}"
    );
}

#[test]
fn extraction_quality_does_not_regress() {
    let ex = Extractor::new(lexicon());
    check(
        "dev",
        // (The dev set grew from 24 to 35, 42, 49, 55 and then 61 articles;
        // the new ones scored F1 .543, .613, .566, .583, .504 and .567 before
        // any rule was written for them. With the last six the set's F1 went
        // from .774 to .743, then to .766 with the rules of that session,
        // and to .796 with the next session's. Articles 62–75, written by
        // annotators who never saw the extractor, scored .594 and took the
        // set from .799 to .758; articles 76–89, written the same way after
        // that session's first rules, scored .581 and took it from .764 to
        // .732; the session ended at .748. Articles 90–113, written the
        // same way, scored .487 (90–101: training, handover, talks) and .521
        // (102–113) and took the set from .750 to .676; that session's
        // rules took it to .686; the next sessions' rules to .696, .715,
        // .725, .734, .741 and .758.)
        &evaluate(&ex, "tests/dev/articles", "tests/dev/gold.tsv"),
        0.75,
        0.91,
    );
    check(
        "seeds",
        &evaluate(&ex, "seeds", "tests/dev/seeds-gold.tsv"),
        0.78,
        0.80,
    );
    check(
        "held-out",
        // (16 articles, heldout_15–30, joined on 2026-12-07; they scored
        // F1 .589 with the extractor of that session's start and .605 with
        // its rules of the time, and took the set from .626 to .613, its
        // date accuracy from .967 to .926. Ten more, heldout_31–40, joined
        // later that day: they scored .633 on arrival and took the set
        // from .616 to .622, its date accuracy from .926 to .899; that
        // session's rules took it to .634, date .902; the next sessions'
        // rules, written on the dev set only, to .647, .667, .671, .677,
        // .682 and .689, date .907 and then .931.)
        &evaluate(&ex, "tests/heldout/articles", "tests/heldout/gold.tsv"),
        0.68,
        0.92,
    );
}

#[test]
fn gold_files_are_well_formed() {
    let root: PathBuf = common::root();
    for f in [
        "tests/dev/gold.tsv",
        "tests/dev/seeds-gold.tsv",
        "tests/heldout/gold.tsv",
    ] {
        let rows = read_gold(&root.join(f)).expect("reads");
        assert!(rows.len() > 100, "{f}: {} rows", rows.len());
        let lex = lexicon();
        for r in &rows {
            assert!(
                lex.action(&r.action).is_some(),
                "{f}:{}: unknown action {}",
                r.line,
                r.action
            );
            assert!(
                matches!(r.polarity.as_str(), "positive" | "negative"),
                "{f}:{}",
                r.line
            );
            assert!(
                matches!(r.modality.as_str(), "asserted" | "planned" | "hypothetical"),
                "{f}:{}",
                r.line
            );
            let date_ok = r
                .date
                .as_deref()
                .is_none_or(|d| d == "?" || kg::model::PartialDate::parse(d).is_some());
            assert!(date_ok, "{f}:{}: bad date {:?}", r.line, r.date);
        }
    }
}
