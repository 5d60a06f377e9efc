//! An aligned text table of query solutions, for people.
//!
//! Columns are padded by display width (Unicode East Asian width; Arabic
//! diacritics take no room), IRIs are shortened with kg's prefixes
//! (`entity:ain-al-asad`), literals show their value alone, and cells
//! longer than [`MAX_CELL`] columns end with `…`. A cell that contains
//! right-to-left text is wrapped in Unicode bidi isolates (U+2068 … U+2069),
//! so that a terminal that reorders Arabic keeps it inside its column
//! instead of pulling the neighbouring cells' digits into it.

use std::io::{self, Write};

use oxigraph::model::Term;
use unicode_width::UnicodeWidthChar;

/// Widest cell, in terminal columns.
pub const MAX_CELL: usize = 60;

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Shortens an IRI with the longest matching prefix (`prefix:local`).
pub fn compact_iri(iri: &str, prefixes: &[(String, String)]) -> String {
    prefixes
        .iter()
        .filter(|(_, ns)| iri.len() > ns.len() && iri.starts_with(ns.as_str()))
        .max_by_key(|(_, ns)| ns.len())
        .map(|(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
        .unwrap_or_else(|| format!("<{iri}>"))
}

/// How a term is shown in a table cell.
pub fn cell_text(t: &Term, prefixes: &[(String, String)]) -> String {
    let raw = match t {
        Term::NamedNode(n) => compact_iri(n.as_str(), prefixes),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    };
    raw.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x05FF | 0x0600..=0x06FF | 0x0700..=0x074F | 0x0750..=0x077F
        | 0x08A0..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Display width: the sum of the characters' widths. Terminals draw Arabic
/// one cell per letter (lam-alef too), marks in no cell of their own.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Cuts `s` to at most `max` columns, ending with `…` when cut.
fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Rows read before the column widths are fixed: a streamed table is
/// aligned on its first `PREVIEW` rows; a later cell wider than its column
/// is cut with `…`.
pub const PREVIEW: usize = 1000;

/// Writes `rows` under a header of `variables`, then a row count.
pub fn write_table(
    variables: &[String],
    rows: &[Vec<Option<Term>>],
    prefixes: &[(String, String)],
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut it = rows.iter().cloned().map(Ok::<_, io::Error>);
    write_table_stream(variables, &mut it, prefixes, None, w).map(|_| ())
}

/// How much of a result was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    /// Rows written.
    pub rows: usize,
    /// Whether rows remained when `limit` stopped the writing.
    pub more: bool,
}

/// Writes the rows of a stream as a table, at most `limit` of them: the
/// first [`PREVIEW`] rows fix the column widths, the others are written as
/// they come. The footer counts the rows, or says that more remain. An
/// error of the stream stops the writing and is returned as it is.
pub fn write_table_stream<E: From<io::Error>>(
    variables: &[String],
    rows: &mut dyn Iterator<Item = Result<Vec<Option<Term>>, E>>,
    prefixes: &[(String, String)],
    limit: Option<usize>,
    w: &mut dyn Write,
) -> Result<Written, E> {
    let limit = limit.unwrap_or(usize::MAX);
    let cells = |r: Vec<Option<Term>>| -> Vec<String> {
        r.iter()
            .map(|t| {
                t.as_ref()
                    .map(|t| truncate(&cell_text(t, prefixes), MAX_CELL))
                    .unwrap_or_default()
            })
            .collect()
    };
    let mut first = Vec::new();
    let mut taken = 0;
    while taken < limit.min(PREVIEW) {
        match rows.next() {
            Some(r) => first.push(cells(r?)),
            None => break,
        }
        taken += 1;
    }
    let mut widths: Vec<usize> = variables.iter().map(|v| width(v)).collect();
    for r in &first {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(width(c));
        }
    }
    line(w, &widths, variables)?;
    let rules: Vec<String> = widths.iter().map(|n| "-".repeat(*n)).collect();
    line(w, &widths, &rules)?;
    for r in &first {
        line(w, &widths, r)?;
    }
    let mut n = first.len();
    drop(first);
    let mut more = false;
    for r in &mut *rows {
        if n == limit {
            more = true;
            break;
        }
        let r = r?;
        let fitted: Vec<String> = cells(r)
            .iter()
            .zip(&widths)
            .map(|(c, wd)| truncate(c, *wd))
            .collect();
        line(w, &widths, &fitted)?;
        n += 1;
    }
    match (n, more) {
        (n, true) => writeln!(w, "(first {n} rows; more remain)")?,
        (0, false) => writeln!(w, "(no rows)")?,
        (1, false) => writeln!(w, "(1 row)")?,
        (n, false) => writeln!(w, "({n} rows)")?,
    }
    Ok(Written { rows: n, more })
}

/// Writes one line of cells padded to `widths`, right-to-left cells wrapped
/// in bidi isolates.
fn line(w: &mut dyn Write, widths: &[usize], texts: &[String]) -> io::Result<()> {
    let mut out = String::new();
    for (i, t) in texts.iter().enumerate() {
        if i > 0 {
            out.push_str("  ");
        }
        if t.chars().any(is_rtl) {
            out.push(FSI);
            out.push_str(t);
            out.push(PDI);
        } else {
            out.push_str(t);
        }
        if i + 1 < texts.len() {
            out.push_str(&" ".repeat(widths[i].saturating_sub(width(t))));
        }
    }
    writeln!(w, "{}", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    fn strip(s: &str) -> String {
        s.chars().filter(|c| *c != FSI && *c != PDI).collect()
    }

    #[test]
    fn aligns_arabic_by_display_width() {
        let prefixes = vec![(
            "entity".to_string(),
            "https://kg.example/id/entity/".to_string(),
        )];
        let rows = vec![
            vec![
                Some(Term::from(NamedNode::new_unchecked(
                    "https://kg.example/id/entity/ain-al-asad",
                ))),
                Some(Term::from(Literal::new_language_tagged_literal_unchecked(
                    "عَيْن الأسد",
                    "ar",
                ))),
                Some(Term::from(Literal::from(2025))),
            ],
            vec![None, Some(Term::from(Literal::from("x"))), None],
        ];
        let mut out = Vec::new();
        write_table(
            &["place".into(), "label".into(), "n".into()],
            &rows,
            &prefixes,
            &mut out,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(&format!("{FSI}عَيْن الأسد{PDI}")), "{text}");
        let lines: Vec<String> = text.lines().map(strip).collect();
        assert_eq!(lines[0], "place               label      n");
        assert_eq!(lines[2], "entity:ain-al-asad  عَيْن الأسد  2025");
        // Diacritics take no room: the third column starts at the same place.
        assert_eq!(width(&lines[2]), width(&lines[0]) + 3);
        assert_eq!(lines[3], "                    x");
        assert_eq!(lines[4], "(2 rows)");
    }

    #[test]
    fn a_streamed_table_keeps_the_widths_of_its_first_rows() {
        let row = |s: &str| vec![Some(Term::from(Literal::from(s)))];
        let mut rows = (0..PREVIEW)
            .map(|_| Ok::<_, io::Error>(row("ab")))
            .chain([Ok(row("abcdef")), Ok(row("x"))]);
        let mut out = Vec::new();
        let written = write_table_stream(&["v".into()], &mut rows, &[], None, &mut out).unwrap();
        assert_eq!(
            written,
            Written {
                rows: PREVIEW + 2,
                more: false
            }
        );
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[2 + PREVIEW], "a…", "cut to the column's width");
        assert_eq!(lines[3 + PREVIEW], "x");
        assert_eq!(lines[4 + PREVIEW], format!("({} rows)", PREVIEW + 2));
        // A limit stops the stream, and the footer says that more remain.
        let mut rows = (0..10).map(|_| Ok::<_, io::Error>(row("ab")));
        let mut out = Vec::new();
        let written = write_table_stream(&["v".into()], &mut rows, &[], Some(3), &mut out).unwrap();
        assert_eq!(
            written,
            Written {
                rows: 3,
                more: true
            }
        );
        assert!(
            String::from_utf8(out)
                .unwrap()
                .ends_with("ab\n(first 3 rows; more remain)\n")
        );
    }

    #[test]
    fn long_cells_are_cut_and_unknown_iris_kept_whole() {
        let long = "ا".repeat(100);
        assert_eq!(width(&truncate(&long, 10)), 10);
        assert!(truncate(&long, 10).ends_with('…'));
        assert_eq!(compact_iri("http://x.org/a", &[]), "<http://x.org/a>");
    }
}
