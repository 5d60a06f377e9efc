//! The normalizer and the text layer on any text: normalization is
//! idempotent; spans of tokens map to character boundaries of the
//! original, in order; sentences are ordered, trimmed and bounded.
#![no_main]

use kg::text::sentence::MAX_SENTENCE_BYTES;
use kg::text::{NormText, normalize_str, split_sentences, tokenize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let once = normalize_str(s);
    assert_eq!(normalize_str(&once), once, "not idempotent");
    for markup in [false, true] {
        let n = if markup {
            NormText::from_article(s)
        } else {
            NormText::new(s)
        };
        let mut tokens = Vec::new();
        let mut last = 0;
        for r in split_sentences(&n.text) {
            assert!(r.start >= last && r.start < r.end && r.end <= n.text.len());
            let sent = &n.text[r.clone()];
            assert_eq!(sent.trim(), sent);
            assert!(sent.len() <= MAX_SENTENCE_BYTES);
            last = r.end;
            tokenize(&n.text, r, &mut tokens);
        }
        let mut last_end = 0;
        for (k, t) in tokens.iter().enumerate() {
            let r = n.orig_range(t.range());
            assert!(r.start <= r.end && r.end <= s.len());
            assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            assert!(
                r.start >= last_end || r.start == r.end,
                "token {k} overlaps"
            );
            last_end = last_end.max(r.end);
            let _ = n.visible(s, r);
        }
    }
});
