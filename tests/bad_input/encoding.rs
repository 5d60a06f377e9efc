//! Encodings, binary files, empty and oversized files.

use super::{Case, fixture};

/// Decoding `name` gives the reference text: same events, quotes in the
/// decoded text, and a clean run (`notes`: what stderr must also say).
fn reads_like_the_reference(name: &str, args: &[&str], notes: &[&str]) {
    let c = Case::new();
    c.add_reference();
    let path = c.add(name, &fixture(name));
    let id = name.trim_end_matches(".txt");
    let shown = path.display().to_string();
    let mut want = vec![shown.as_str()];
    want.extend(notes);
    let run = c.build(args);
    run.expect(0, if notes.is_empty() { &[] } else { &want });
    let text = String::from_utf8(fixture("article.txt")).unwrap();
    // Legacy encodings have no en dash; the fixture uses a hyphen.
    let text = if name.starts_with("cp") || name.starts_with("iso") {
        text.replace('–', "-")
    } else {
        text
    };
    c.assert_same_events_as_reference(id, &text, 3);
    c.assert_good_processed();
    if notes.is_empty() {
        assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    }
}

#[test]
fn utf8_with_bom() {
    reads_like_the_reference("utf8-bom.txt", &[], &[]);
}

#[test]
fn utf16le_with_bom() {
    reads_like_the_reference("utf16le-bom.txt", &[], &[]);
}

#[test]
fn utf16be_with_bom() {
    reads_like_the_reference("utf16be-bom.txt", &[], &[]);
}

#[test]
fn utf16le_without_bom_is_detected() {
    reads_like_the_reference(
        "utf16le-nobom.txt",
        &[],
        &["read as UTF-16LE (no byte-order mark"],
    );
}

#[test]
fn windows_1256_is_detected() {
    reads_like_the_reference(
        "cp1256.txt",
        &[],
        &["not UTF-8; read as windows-1256", "--encoding windows-1256"],
    );
}

#[test]
fn iso_8859_6_is_detected() {
    reads_like_the_reference(
        "iso8859-6.txt",
        &[],
        &["not UTF-8; read as ISO-8859-6", "--encoding iso-8859-6"],
    );
}

#[test]
fn windows_1256_declared() {
    reads_like_the_reference("cp1256.txt", &["--encoding", "windows-1256"], &[]);
}

#[test]
fn iso_8859_6_declared() {
    reads_like_the_reference("iso8859-6.txt", &["--encoding", "iso-8859-6"], &[]);
}

#[test]
fn declared_legacy_encoding_does_not_mangle_utf8_articles() {
    let c = Case::new();
    c.add_reference();
    c.add("cp1256.txt", &fixture("cp1256.txt"));
    let run = c.build(&["--encoding", "windows-1256"]);
    // ref.txt and good.txt are UTF-8: kept as UTF-8, with a note.
    run.expect(
        0,
        &[
            &c.input.join("ref.txt").display().to_string(),
            "declared windows-1256, but the file is valid UTF-8: read as UTF-8",
        ],
    );
    c.assert_good_processed();
    let text = String::from_utf8(fixture("article.txt")).unwrap();
    super::assert_quotes_match(&c.events_of("ref"), &text);
    c.assert_same_events_as_reference("cp1256", &text.replace('–', "-"), 3);
}

#[test]
fn wrong_declared_encoding_is_flagged() {
    let c = Case::new();
    let p = c.add("iso.txt", &fixture("iso8859-6.txt"));
    let run = c.build(&["--encoding", "windows-1256"]);
    run.expect(
        0,
        &[
            &p.display().to_string(),
            "read as the declared windows-1256, but the text does not look like Arabic in it",
        ],
    );
    c.assert_good_processed();
}

#[test]
fn unknown_encoding_name_fails_before_writing() {
    let c = Case::new();
    c.build(&[]).expect(0, &[]);
    let before = c.snapshot();
    c.build(&["--encoding", "arabic-ish"])
        .expect(2, &["unknown encoding `arabic-ish`"]);
    assert_eq!(c.snapshot(), before);
}

#[test]
fn stray_control_characters_are_kept_with_a_note() {
    // A backspace and a bell pasted from a word processor, not binary data.
    let c = Case::new();
    c.add_reference();
    let text = String::from_utf8(fixture("article.txt"))
        .unwrap()
        .replacen("الأحد", "الأحد\u{8}", 1)
        .replacen("سوريا", "\u{7}سوريا", 1);
    let p = c.add("pasted.txt", text.as_bytes());
    c.build(&[]).expect(
        0,
        &[
            &p.display().to_string(),
            "2 stray control character(s), the first at byte 79 (line 1), read as they are",
        ],
    );
    c.assert_same_events_as_reference("pasted", &text, 3);
    c.assert_good_processed();
}

/// A bad article is skipped with `problem` in the message; the good one is read.
fn skipped(name: &str, bytes: &[u8], problem: &[&str]) {
    let c = Case::new();
    let path = c.add(name, bytes);
    let shown = path.display().to_string();
    let mut want = vec![shown.as_str(), "kg: warning:", "skipped"];
    want.extend(problem);
    c.build(&[]).expect(1, &want);
    c.assert_good_processed();
    assert!(c.events_of(name.trim_end_matches(".txt")).is_empty());
}

#[test]
fn short_legacy_text_is_not_guessed() {
    skipped(
        "short.txt",
        &fixture("cp1256-short.txt"),
        &[
            "not valid UTF-8 (byte 0xC7 at byte 0, line 1)",
            "too short to tell its legacy encoding",
            "--encoding",
        ],
    );
}

#[test]
fn non_arabic_legacy_text_is_not_guessed() {
    skipped(
        "french.txt",
        &fixture("latin1-french.txt"),
        &[
            "does not read as Arabic in windows-1256 or iso-8859-6",
            "--encoding",
        ],
    );
}

#[test]
fn invalid_utf8_bytes() {
    skipped(
        "damaged.txt",
        &fixture("damaged-utf8.txt"),
        &[
            "not valid UTF-8 (byte 0xD9 at byte 199, line 1)",
            "the file is damaged",
        ],
    );
}

#[test]
fn truncated_utf8() {
    skipped(
        "truncated.txt",
        &fixture("truncated-utf8.txt"),
        &["not valid UTF-8 (byte 0xD8 at byte 573, line 3)", "damaged"],
    );
}

#[test]
fn binary_data() {
    skipped(
        "binary.txt",
        &fixture("binary.txt"),
        &["binary data, not text", "the first at byte 0"],
    );
}

#[test]
fn compressed_file() {
    skipped(
        "gzip.txt",
        &fixture("gzip.txt"),
        &["a gzip-compressed file, not a text file"],
    );
}

#[test]
fn pdf_document() {
    skipped(
        "pdf.txt",
        &fixture("pdf.txt"),
        &["a PDF document, not a text file"],
    );
}

#[test]
fn empty_file() {
    skipped(
        "empty.txt",
        &fixture("empty.txt"),
        &["the file is empty (0 bytes)"],
    );
}

#[test]
fn whitespace_only_file() {
    skipped(
        "whitespace.txt",
        &fixture("whitespace.txt"),
        &["the article has no text (only whitespace)"],
    );
}

#[test]
fn invisible_characters_only() {
    skipped(
        "invisible.txt",
        &fixture("invisible.txt"),
        &["the article has no words"],
    );
}

/// One line of `bytes` news text, no line breaks, without punctuation when
/// `bare` (one endless sentence).
fn one_line(bytes: usize, bare: bool) -> Vec<u8> {
    let mut text = String::from_utf8(fixture("article.txt"))
        .unwrap()
        .replace('\n', " ");
    if bare {
        text.retain(|c| !matches!(c, '.' | '،'));
    }
    let mut out = Vec::with_capacity(bytes + text.len());
    while out.len() < bytes {
        out.extend_from_slice(text.as_bytes());
    }
    out
}

#[test]
fn fifty_megabytes_without_line_breaks_is_rejected_cleanly() {
    let c = Case::new();
    let big = one_line(50 << 20, false);
    assert!(!big.contains(&b'\n'));
    let p = c.add("huge.txt", &big);
    drop(big);
    c.build(&[]).expect(
        1,
        &[
            &p.display().to_string(),
            "the file is 50.0 MiB; kg reads articles of up to 8 MiB",
            "split it",
        ],
    );
    c.assert_good_processed();
}

#[test]
fn fifty_megabyte_line_through_the_text_layer_is_linear() {
    // The layers under the size limit, on a single 50 MB line without
    // punctuation: normalization, sentence splitting and tokenization run
    // in one pass each (a quadratic step would not finish), and sentences
    // stay bounded.
    use kg::text::sentence::MAX_SENTENCE_BYTES;
    let line = String::from_utf8(one_line(50 << 20, true)).unwrap();
    let norm = kg::text::NormText::from_article(&line);
    let sentences = kg::text::split_sentences(&norm.text);
    assert!(sentences.len() >= norm.text.len() / MAX_SENTENCE_BYTES);
    let mut tokens = Vec::new();
    let mut covered = 0;
    for r in &sentences {
        assert!(r.len() <= MAX_SENTENCE_BYTES);
        covered += r.len();
        kg::text::tokenize(&norm.text, r.clone(), &mut tokens);
    }
    // Only the spaces at the cuts are outside sentences.
    assert!(
        covered + sentences.len() >= norm.text.len(),
        "{covered} of {}",
        norm.text.len()
    );
    let words = line.split(' ').filter(|w| !w.is_empty()).count();
    assert_eq!(tokens.len(), words);
    let last = tokens.last().unwrap();
    assert_eq!(norm.orig_range(last.range()).end, line.trim_end().len());
}

#[test]
fn long_line_without_punctuation_is_processed() {
    // 400 kB on one line and no sentence punctuation: cut into bounded
    // sentences, read in linear time.
    let c = Case::new();
    let line = one_line(400_000, true);
    c.add("line.txt", &line);
    c.build(&[]).expect(0, &[]);
    c.assert_good_processed();
    let events = c.events_of("line");
    assert!(events.len() > 100, "{} events", events.len());
    super::assert_quotes_match(&events, std::str::from_utf8(&line).unwrap());
    let articles = super::read_rows(&c.out.join("articles.csv"));
    let line_row = articles.iter().find(|a| a["id"] == "line").unwrap();
    let sentences: usize = line_row["sentences"].parse().unwrap();
    // At most 4096 bytes per sentence (about 2,000 Arabic letters).
    assert!(sentences >= 400_000 / 4096, "{sentences} sentences");
}
