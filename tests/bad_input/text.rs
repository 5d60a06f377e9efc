//! Text that decodes but carries debris: HTML markup and character
//! references, bidi and zero-width controls, Persian and Urdu letters,
//! mixed digit systems.

use super::{Case, fixture};

/// `name` gives the reference's events (of its first `sentences`
/// sentences), with quotes taken from its own original text.
fn same_events(name: &str, sentences: usize) -> Case {
    let c = Case::new();
    c.add_reference();
    c.add(name, &fixture(name));
    let run = c.build(&[]);
    run.expect(0, &[]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let text = String::from_utf8(fixture(name)).unwrap();
    c.assert_same_events_as_reference(name.trim_end_matches(".txt"), &text, sentences);
    c.assert_good_processed();
    c
}

#[test]
fn html_page_is_read_as_its_text() {
    let c = Case::new();
    c.add_reference();
    c.add("page.txt", &fixture("page.html.txt"));
    c.build(&[]).expect(0, &[]);
    c.assert_good_processed();
    let text = String::from_utf8(fixture("page.html.txt")).unwrap();
    let events = c.events_of("page");
    super::assert_quotes_match(&events, &text);
    // The reference's events are all there (the title adds one more).
    let key = |r: &super::Row| {
        [
            r["action"].clone(),
            r["actor"].clone(),
            r["place"].clone(),
            r["date"].clone(),
        ]
    };
    let got: Vec<_> = events.iter().map(key).collect();
    for want in c
        .events_of("ref")
        .iter()
        .filter(|r| r["sentence"] != "2")
        .map(key)
    {
        assert!(got.contains(&want), "missing {want:?} in {got:?}");
    }
    // Nothing from the style, script or comment (Russian forces at
    // Hmeimim, Turkish forces at Bashiqa).
    let entities = std::fs::read_to_string(c.out.join("entities.csv")).unwrap();
    for r in &events {
        for word in ["حميميم", "بعشيقة", "الروسية", "التركية"] {
            assert!(!r["quote"].contains(word), "{r:?}");
        }
        assert!(
            !r["quote"].ends_with('>'),
            "a quote ends with a tag: {}",
            r["quote"]
        );
    }
    assert!(
        !entities.contains("<b>") && !entities.contains("</a>"),
        "{entities}"
    );
    // The quote of the withdrawal keeps the inline markup it spans.
    let ain = events
        .iter()
        .find(|r| r["place"] == "ain-al-asad" && r["sentence"] == "1")
        .unwrap();
    assert!(ain["quote"].contains("<a href="), "{}", ain["quote"]);
}

#[test]
fn character_references_are_decoded() {
    // &#1593;ين &#x627;&#x644;&#x623;&#x633;&#x62F; is عين الأسد; &quot; &amp; &ndash;.
    let c = same_events("entities.txt", 2);
    let ain = c
        .events_of("entities")
        .into_iter()
        .find(|r| r["place"] == "ain-al-asad")
        .unwrap();
    assert!(
        ain["quote"].contains("&#1593;ين &#x627;"),
        "{}",
        ain["quote"]
    );
}

#[test]
fn bidi_and_zero_width_controls_are_ignored() {
    // ZWNJ and ZWJ inside words, RLM/LRM around names, FSI/PDI, ZWSP, ALM.
    let c = same_events("controls.txt", 2);
    let quotes: String = c
        .events_of("controls")
        .iter()
        .map(|r| r["quote"].clone())
        .collect();
    assert!(
        quotes.contains('\u{200C}') && quotes.contains('\u{200F}'),
        "controls kept in quotes"
    );
}

#[test]
fn persian_and_urdu_letters_are_read_as_arabic() {
    // ی ک ۃ and Persian digits ۰–۹ throughout.
    let c = same_events("persian.txt", 2);
    let dates: Vec<String> = c
        .events_of("persian")
        .iter()
        .map(|r| r["date_text"].clone())
        .collect();
    assert!(dates.contains(&"۷ سبتمبر ۲۰۲۵".to_string()), "{dates:?}");
}

#[test]
fn mixed_latin_and_arabic_indic_digits() {
    // ٧ سبتمبر ٢٠25، ٢500 جندي، عام 20٢٦.
    let c = same_events("digits.txt", 2);
    let rows = c.events_of("digits");
    assert!(
        rows.iter()
            .any(|r| r["date"] == "2025-09-07" && r["date_text"] == "٧ سبتمبر ٢٠25")
    );
    assert!(
        rows.iter()
            .any(|r| r["date"] == "2026" && r["troops"] == "2500")
    );
}

#[test]
fn markup_only_file_is_skipped() {
    let c = Case::new();
    let p = c.add("markup.txt", &fixture("markup-only.txt"));
    c.build(&[]).expect(
        1,
        &[
            &p.display().to_string(),
            "the article has no text once its markup is removed",
        ],
    );
    c.assert_good_processed();
}
