//! Lexicon and ontology problems. kg cannot read articles without its
//! lexicon, so these fail the run (exit 2) before anything is written: the
//! previous exports stay as they were.

use super::{Case, root};

/// Builds once cleanly, then with `args` added: exit 2, the message, and
/// the previous exports untouched.
fn fails_and_keeps_exports(args: &[&str], fragments: &[&str]) {
    let c = Case::new();
    c.build(&[]).expect(0, &[]);
    c.assert_good_processed();
    let before = c.snapshot();
    let run = c.build(args);
    run.expect(2, fragments);
    assert!(run.stderr.starts_with("kg: error: "), "{}", run.stderr);
    assert_eq!(c.snapshot(), before, "the exports changed");
    let leftovers: Vec<_> = std::fs::read_dir(c.tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn extra(name: &str) -> String {
    root()
        .join("tests/bad_input/lexicon")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn turtle_syntax_error_names_file_line_and_column() {
    let f = extra("syntax-error.ttl");
    fails_and_keeps_exports(
        &["--lexicon", "lexicon", "--lexicon", &f],
        &[&format!("{f}, line 9, column 5: "), "A dot is expected"],
    );
}

#[test]
fn entity_without_label() {
    let f = extra("no-label.ttl");
    fails_and_keeps_exports(
        &["--lexicon", "lexicon", "--lexicon", &f],
        &[&format!(
            "{f}: entity `camp-example` has no Arabic skos:prefLabel"
        )],
    );
}

#[test]
fn duplicate_entity_ids() {
    let f = extra("duplicate-id.ttl");
    fails_and_keeps_exports(
        &["--lexicon", "lexicon", "--lexicon", &f],
        &[
            &format!(
                "entity `ain-al-asad` has 2 Arabic prefLabels (is the id used twice? described in lexicon/gazetteer.ttl and {f})"
            ),
            &format!(
                "{f}: entity id `al-tanf` is used by two different IRIs: <https://kg.example/id/entity/al-tanf> (lexicon/gazetteer.ttl) and <https://other.example/places/al-tanf> ({f})"
            ),
        ],
    );
}

#[test]
fn duplicate_action_ids() {
    let f = extra("duplicate-action.ttl");
    fails_and_keeps_exports(
        &["--lexicon", "lexicon", "--lexicon", &f],
        &[&format!(
            "action id `withdraw` is defined by two classes: <https://kg.example/ontology#PullOut> ({f})"
        )],
    );
}

#[test]
fn ontology_syntax_error() {
    let c = Case::new();
    let bad = c.tmp.path().join("ontology.ttl");
    std::fs::write(&bad, "@prefix kg: <https://kg.example/ontology#> .\nkg:Withdraw a kg:Action ;\n  kg:actionId \"withdraw .\n").unwrap();
    let f = bad.display().to_string();
    fails_and_keeps_exports(&["--ontology", &f], &[&format!("{f}, line 3, column ")]);
}

#[test]
fn lexicon_directory_without_turtle_files() {
    let c = Case::new();
    let empty = c.tmp.path().join("empty-lexicon");
    std::fs::create_dir(&empty).unwrap();
    let f = empty.display().to_string();
    fails_and_keeps_exports(
        &["--lexicon", &f],
        &[&format!("{f}: no .ttl files in the lexicon directory")],
    );
}
