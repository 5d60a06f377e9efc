//! The Turtle writer against oxttl's serializer.

use super::*;
use crate::rdf::vocab::{DEFAULT_BASE, Iris};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};

fn prefixes() -> Vec<(String, String)> {
    let mut p = Iris::new(DEFAULT_BASE).unwrap().all_prefixes();
    for (name, iri) in [
        ("ex", "http://example.org/"),
        ("exl", "http://example.org/p/"),
        ("exm", "http://example.org/q/"),
        ("ex", "http://example.org/"),
    ] {
        p.push((name.into(), iri.into()));
    }
    p
}

fn oxttl(prefixes: &[(String, String)], triples: &[Triple]) -> String {
    let mut s = RdfSerializer::from_format(RdfFormat::Turtle);
    for (p, i) in prefixes {
        s = s.with_prefix(p, i).unwrap();
    }
    let mut ser = s.for_writer(Vec::new());
    for t in triples {
        ser.serialize_triple(t).unwrap();
    }
    String::from_utf8(ser.finish().unwrap()).unwrap()
}

/// oxttl's bytes for `triples` after the prelude, and this writer's.
fn both(triples: &[Triple]) -> (String, String) {
    let prefixes = prefixes();
    let theirs = oxttl(&prefixes, triples);
    let prelude_len = theirs
        .lines()
        .take_while(|l| l.starts_with("@prefix "))
        .map(|l| l.len() + 1)
        .sum::<usize>();
    let mut mine = Vec::new();
    let w = TurtleWriter::new(&prefixes);
    if !triples.is_empty() {
        assert_eq!(&theirs.as_bytes()[..prelude_len], w.prelude());
    }
    w.push_triples(&mut mine, None, triples.iter().map(Triple::as_ref));
    if !triples.is_empty() {
        mine.extend_from_slice(b" .\n");
    }
    (
        theirs[prelude_len..].to_string(),
        String::from_utf8(mine).unwrap(),
    )
}

fn n(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

#[test]
fn same_bytes_as_oxttl() {
    let ex = "http://example.org/";
    let kg = crate::rdf::vocab::KG;
    let dt = |v: &str, d: &str| -> Term { Literal::new_typed_literal(v, n(d)).into() };
    let xs = |l: &str| format!("{}{l}", crate::rdf::vocab::XSD);
    let objects: Vec<Term> = vec![
        n(&format!("{ex}o")).into(),
        n(ex).into(),
        n(&format!("{ex}p/")).into(),
        n(&format!("{ex}p/o.")).into(),
        n(&format!("{ex}p/.o")).into(),
        n(&format!("{ex}p/a.b")).into(),
        n(&format!("{ex}o{{o}}")).into(),
        n(&format!("{ex}123")).into(),
        n(&format!("{ex}1.5")).into(),
        n(&format!("{ex}-x")).into(),
        n(&format!("{ex}_x")).into(),
        n(&format!("{ex}:x:")).into(),
        n(&format!("{ex}a~b!c$d&e'f(g)h*i+j,k;l=m/n?o#p@q%r")).into(),
        n(&format!("{ex}a b")).into(),
        n(&format!("{ex}a\\b")).into(),
        n(&format!("{ex}a^b")).into(),
        n(&format!("{ex}بغداد")).into(),
        n(&format!("{ex}x·\u{300}\u{203f}")).into(),
        n(&format!("{ex}·x")).into(),
        n(&format!("{ex}\u{feff}")).into(),
        n(&format!("{ex}%D8%A8")).into(),
        n(&format!("{DEFAULT_BASE}entity/al-tanf")).into(),
        n(&format!("{DEFAULT_BASE}time/2024-01-02_2024-02-03")).into(),
        n(&format!("{DEFAULT_BASE}other/x")).into(),
        n(&format!("{kg}Person")).into(),
        n("urn:kg:piece").into(),
        BlankNode::new("b0").unwrap().into(),
        Literal::new_simple_literal("plain").into(),
        Literal::new_simple_literal("").into(),
        Literal::new_simple_literal("قصف \"مدفعي\" \\ سطر\nجديد\t\r\u{8}\u{c}\u{1}\u{7f}").into(),
        Literal::new_simple_literal("\u{fffe}\u{ffff}\u{feff}ﻻ").into(),
        Literal::new_simple_literal("'single' \"\"\" ''' ").into(),
        Literal::new_language_tagged_literal("بغداد", "ar")
            .unwrap()
            .into(),
        Literal::new_language_tagged_literal("a\"b\n", "en-GB")
            .unwrap()
            .into(),
        dt("2024-01-02", &xs("date")),
        dt("2024-01-02T03:04:05Z", &xs("dateTime")),
        dt("x\ny\"", &format!("{ex}dt")),
        dt("v", "http://other.org/a b"),
        dt("v", &xs("string")),
    ];
    let mut numbers: Vec<Term> = Vec::new();
    for (d, vs) in [
        ("boolean", &["true", "false", "1", "TRUE", ""][..]),
        (
            "integer",
            &["3", "-3", "+3", "03", "", "+", "3.0", "1e3", " 3"],
        ),
        (
            "decimal",
            &["3.5", "-.5", "+0.5", "3.", ".", "3", "1e3", "-", "3.5.5"],
        ),
        (
            "double",
            &[
                "1e3", "1.5E-3", ".5e+3", "5.e3", "e3", ".e3", "1e", "1.5", "+1E03", "INF", "NaN",
            ],
        ),
    ] {
        for v in vs {
            numbers.push(dt(v, &xs(d)));
        }
    }
    let subjects: Vec<NamedOrBlankNode> = vec![
        n(&format!("{ex}s")).into(),
        BlankNode::new("x").unwrap().into(),
        n(&format!("{DEFAULT_BASE}event/e1")).into(),
        n("http://no.prefix/s").into(),
    ];
    let predicates = [
        n(&format!("{ex}p")),
        crate::rdf::vocab::rdf_type(),
        n(&format!("{ex}p2")),
        n("http://no.prefix/p"),
    ];
    let mut triples = Vec::new();
    for s in &subjects {
        for p in &predicates {
            for o in objects.iter().chain(&numbers) {
                triples.push(Triple::new(s.clone(), p.clone(), o.clone()));
            }
        }
        // back to an earlier predicate of the same subject
        triples.push(Triple::new(
            s.clone(),
            predicates[0].clone(),
            objects[0].clone(),
        ));
    }
    // every grouping: one triple per subject, subject and predicate
    // alternating, a subject coming back after another
    triples.push(Triple::new(
        subjects[0].clone(),
        predicates[0].clone(),
        objects[1].clone(),
    ));
    triples.push(Triple::new(
        subjects[1].clone(),
        predicates[1].clone(),
        objects[1].clone(),
    ));
    triples.push(Triple::new(
        subjects[0].clone(),
        predicates[1].clone(),
        objects[1].clone(),
    ));
    let (theirs, mine) = both(&triples);
    assert_eq!(mine, theirs);
    let (theirs, mine) = both(&triples[..1]);
    assert_eq!(mine, theirs);
    assert_eq!(both(&[]), (String::new(), String::new()));
}

/// Every character, first in a local name and after a letter, and a
/// literal of each, written as oxttl does.
#[test]
fn every_char_as_oxttl() {
    let s: NamedOrBlankNode = n("http://example.org/s").into();
    let p = n("http://example.org/p");
    let mut triples = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        for local in [format!("{c}"), format!("a{c}"), format!("a{c}b")] {
            let o = n(&format!("http://example.org/q/{local}"));
            triples.push(Triple::new(s.clone(), p.clone(), o));
        }
        if (c as u32).is_multiple_of(7) || (c as u32) < 0x800 {
            let l = Literal::new_simple_literal(format!("{c}x"));
            triples.push(Triple::new(s.clone(), p.clone(), l));
        }
    }
    let (theirs, mine) = both(&triples);
    assert!(mine == theirs, "differs from oxttl");
}

/// Continuing after a given subject and predicate, as pieces do.
#[test]
fn continues_after_last() {
    let prefixes = prefixes();
    let s = n("http://example.org/s");
    let (p, q) = (n("http://example.org/p"), n("http://example.org/q"));
    let o = n("http://example.org/o");
    let t = |s: &NamedNode, p: &NamedNode| Triple::new(s.clone(), p.clone(), o.clone());
    let w = TurtleWriter::new(&prefixes);
    for rest in [vec![t(&s, &p)], vec![t(&s, &q), t(&s, &p)], vec![t(&o, &p)]] {
        let mut all = vec![t(&s, &p)];
        all.extend(rest.iter().cloned());
        let head = oxttl(&prefixes, &all[..1]);
        let whole = oxttl(&prefixes, &all);
        let mut mine = Vec::new();
        let last = Some((s.as_ref().into(), p.as_ref()));
        w.push_triples(&mut mine, last, rest.iter().map(Triple::as_ref));
        mine.extend_from_slice(b" .\n");
        assert_eq!(String::from_utf8(mine).unwrap(), whole[head.len() - 3..]);
    }
}
