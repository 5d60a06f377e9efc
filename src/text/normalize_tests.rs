//! Tests of the normalization steps and of span mapping (kept apart to keep
//! `normalize.rs` small).
use super::*;

#[test]
fn unifies_and_strips() {
    assert_eq!(normalize_str("أَمْرِيكِيّة"), "امريكيه");
    assert_eq!(normalize_str("إلى مُصْطَفى"), "الي مصطفي");
    assert_eq!(normalize_str("الـــقوات"), "القوات");
    assert_eq!(normalize_str("٢٠٢٥ و۲۰۲۴"), "2025 و2024");
    assert_eq!(normalize_str("a\u{200F}b\u{202B}C"), "abc");
    assert_eq!(normalize_str("a\u{7}b\u{8}\u{0}c\u{9F}\td\ne"), "abc\td\ne");
    // Presentation form lam-alef ligature decomposes to two letters.
    assert_eq!(normalize_str("\u{FEFB}"), "لا");
    assert_eq!(normalize_str("کردستان"), "كردستان");
}

#[test]
fn spans_map_back_to_original() {
    let orig = "قالَ الـمُسْتَشارُ: ٢٥٠٠ جُنْدِيٍّ";
    let n = NormText::new(orig);
    let at = n.text.find("المستشار").unwrap();
    let r = n.orig_range(at..at + "المستشار".len());
    assert_eq!(&orig[r], "الـمُسْتَشارُ");
    let at = n.text.find("2500").unwrap();
    let r = n.orig_range(at..at + 4);
    assert_eq!(&orig[r], "٢٥٠٠");
    let r = n.orig_range(0..n.text.len());
    assert_eq!(r, 0..orig.len());
}

#[test]
fn ligature_span() {
    let orig = "ب\u{FEFB}د";
    let n = NormText::new(orig);
    assert_eq!(n.text, "بلاد");
    assert_eq!(&orig[n.orig_range(0..n.text.len())], orig);
    let r = n.orig_range(0..2);
    assert_eq!(&orig[r], "ب");
}

#[test]
fn idempotent() {
    for s in ["أَمْرِيكِيّة ﻻ ٣", "Ǆ ﬁ ¼ \u{0627}\u{0654}"] {
        let once = normalize_str(s);
        assert_eq!(normalize_str(&once), once, "{s}");
    }
}

#[test]
fn markup_is_read_and_spans_point_into_the_original() {
    let orig = "<p>قال &quot;الوزير&quot;:</p><b>&#1593;ين الأسد</b> الجوية<br>سطر";
    let n = NormText::from_article(orig);
    assert_eq!(n.text, "\nقال \"الوزير\":\nعين الاسد الجويه\nسطر");
    let span = |needle: &str| {
        let at = n.text.find(needle).unwrap();
        &orig[n.orig_range(at..at + needle.len())]
    };
    assert_eq!(span("الوزير"), "الوزير");
    assert_eq!(span("\"الوزير\""), "&quot;الوزير&quot;");
    // Removed tags after a span stay outside it; entities map to themselves.
    assert_eq!(span("عين الاسد"), "&#1593;ين الأسد");
    assert_eq!(span("الجويه"), "الجوية");
    assert_eq!(span("سطر"), "سطر");
    let at = n.text.find("عين").unwrap();
    let r = n.orig_range(at..n.text.find("\nسطر").unwrap());
    assert_eq!(n.visible(orig, r), "عين الأسد الجوية");
    // Plain normalization leaves markup alone.
    assert_eq!(NormText::new("&amp;<b>").text, "&amp;<b>");
}

#[test]
fn markup_removed_entirely_keeps_marks_in_spans() {
    let orig = "<!-- x --><script>var a = '<p>';</script>جنديُ</a>&zwnj; ثم";
    let n = NormText::from_article(orig);
    assert_eq!(n.text, "جندي ثم");
    let r = n.orig_range(0.."جندي".len());
    assert_eq!(&orig[r], "جنديُ");
    assert_eq!(
        n.orig_range(0..n.text.len()),
        orig.find("جندي").unwrap()..orig.len()
    );
}
