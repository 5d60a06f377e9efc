//! One small case per extraction rule added from 2026-12-07 on (the rules
//! of earlier sessions are in `extraction_rules.rs`), checked through the
//! public API. The sentences are written for these tests in the style of
//! the news the rules are for; the dev set (`tests/dev`) measures the rules
//! on whole articles.

mod common;

use common::extract::{has, roles};

#[test]
fn a_purpose_is_served_where_the_forces_are_sent() {
    let t = "وقالت الحكومة الكندية إن كندا سترسل 200 مدرب إلى الأردن لتدريب الجيش الأردني.";
    assert!(
        has(t, "train", "canada", "jordan"),
        "{:?}",
        roles(t, "train")
    );
    // (a noun's complement with ل is no purpose: خطة لانسحاب)
    let t = "ونفى الوزير أن تكون لدى حكومته خطة لانسحاب القوات من سوريا.";
    assert!(
        roles(t, "withdraw").iter().all(|r| r.0.is_empty()),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn a_support_verb_passes_its_subject_to_its_verbal_noun() {
    let t = "ويتولى الجنود الإيطاليون تدريب الشرطة الاتحادية في بغداد.";
    assert!(
        has(t, "train", "italy", "baghdad"),
        "{:?}",
        roles(t, "train")
    );
}
