//! Manifest (`articles.csv`) problems: a broken row is skipped, a broken
//! header makes kg ignore the manifest; the articles are read either way.

use super::{Case, read_rows};

/// Runs with `manifest` as `in/articles.csv`; returns the case and the
/// manifest's path as shown in messages.
fn with_manifest(manifest: &[u8]) -> (Case, String) {
    let c = Case::new();
    let p = c.add("articles.csv", manifest);
    (c, p.display().to_string())
}

fn article(c: &Case, id: &str) -> super::Row {
    read_rows(&c.out.join("articles.csv"))
        .into_iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no article `{id}`"))
}

#[test]
fn missing_required_column_ignores_the_manifest() {
    let (c, m) = with_manifest(b"id,title\ngood,Title\n");
    c.build(&[]).expect(
        1,
        &[
            &format!(
                "{m}: line 1: the header must have the columns `id` and `file` (found: id,title)"
            ),
            "the manifest is ignored",
        ],
    );
    c.assert_good_processed();
}

#[test]
fn unknown_file_is_reported() {
    let (c, m) = with_manifest(b"id,file,title\ngood,good.txt,Good\nghost,ghost.txt,Ghost\n");
    c.build(&[]).expect(
        1,
        &[&format!(
            "{m}: lists `ghost.txt`, which is not a readable file; skipped"
        )],
    );
    c.assert_good_processed();
    assert_eq!(article(&c, "good")["title"], "Good");
}

#[test]
fn duplicate_ids_are_reported() {
    let (c, m) = with_manifest(b"id,file\ngood,good.txt\ngood,other.txt\n");
    c.add("other.txt", &super::fixture("article.txt"));
    c.build(&[]).expect(
        1,
        &[&format!(
            "{m}: line 3: duplicate id `good` (first on line 2); row skipped"
        )],
    );
    c.assert_good_processed();
    // The other file is still read, under its own name.
    assert!(!c.events_of("other").is_empty());
}

#[test]
fn same_file_listed_twice_is_reported() {
    let (c, m) = with_manifest(b"id,file\ngood,good.txt\nagain,good.txt\n");
    c.build(&[]).expect(
        1,
        &[&format!(
            "{m}: line 3: file `good.txt` is already listed on line 2; row skipped"
        )],
    );
    c.assert_good_processed();
}

#[test]
fn unparseable_date_is_reported_and_left_empty() {
    let (c, m) = with_manifest(b"id,file,published\ngood,good.txt,2025-13-45\n");
    c.build(&[]).expect(
        1,
        &[&format!(
            "{m}: line 2: `published` is `2025-13-45`, not YYYY, YYYY-MM or YYYY-MM-DD; left empty"
        )],
    );
    c.assert_good_processed();
    assert_eq!(article(&c, "good")["published"], "");
}

#[test]
fn extra_columns_are_noted_not_fatal() {
    let (c, m) =
        with_manifest(b"id,file,title,publised,editor\ngood,good.txt,Good,2025-09-01,someone\n");
    c.build(&[]).expect(
        0,
        &[
            &format!(
                "{m}: column 4 `publised` is not one kg reads; ignored (did you mean `published`?)"
            ),
            &format!("{m}: column 5 `editor` is not one kg reads; ignored"),
        ],
    );
    c.assert_good_processed();
    assert_eq!(article(&c, "good")["title"], "Good");
}

#[test]
fn empty_manifest_is_ignored() {
    let (c, m) = with_manifest(b"");
    c.build(&[])
        .expect(1, &[&m, "the file is empty", "the manifest is ignored"]);
    c.assert_good_processed();
}

#[test]
fn manifest_not_in_utf8_is_ignored() {
    let mut bytes = b"id,file,title\ngood,good.txt,".to_vec();
    bytes.extend(encoding_rs::WINDOWS_1256.encode("عنوان").0.iter());
    let (c, m) = with_manifest(&bytes);
    c.build(&[])
        .expect(1, &[&m, "not valid UTF-8", "the manifest is ignored"]);
    c.assert_good_processed();
}

#[test]
fn rows_are_numbered_by_line_even_with_quoted_line_breaks() {
    let (c, m) =
        with_manifest(b"id,file,title\ngood,good.txt,\"a title\non two lines\"\nnofile,,x\n");
    c.build(&[]).expect(
        1,
        &[&format!("{m}: line 4: empty `id` or `file`; row skipped")],
    );
    assert_eq!(article(&c, "good")["title"], "a title\non two lines");
}

#[test]
fn missing_explicit_manifest_fails_before_writing() {
    let c = Case::new();
    c.build(&[]).expect(0, &[]);
    let before = c.snapshot();
    let missing = c.tmp.path().join("nope.csv");
    c.build(&["--manifest", missing.to_str().unwrap()])
        .expect(2, &[&missing.display().to_string(), "no such manifest"]);
    assert_eq!(c.snapshot(), before);
}
