//! The checks of the fuzz targets, shared with `tests/fuzz_corpus.rs`, which
//! runs every input of `fuzz/corpus/` through them on stable Rust.
//!
//! Each check takes the raw fuzz input. `dates` and `extract` use its first
//! byte as a flag (the publication date), `decode` as the declared encoding.

use std::sync::OnceLock;

use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1256};
use kg::corpus::decode_article;
use kg::extract::Extractor;
use kg::extract::dates::{DateContext, find_dates};
use kg::extract::sent::Sent;
use kg::lexicon::Lexicon;
use kg::model::date::days_in_month;
use kg::model::{Article, ArticleMeta, PartialDate};
use kg::text::sentence::MAX_SENTENCE_BYTES;
use kg::text::{NormText, normalize_str, split_sentences, tokenize};

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new(Lexicon::builtin().expect("built-in lexicon")))
}

/// The normalizer and the text layer: normalization is idempotent; token
/// spans map to character boundaries of the original, in order; sentences
/// are ordered, trimmed and bounded.
pub fn normalize(data: &[u8]) {
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
}

fn valid(d: &PartialDate) {
    match d.month {
        Some(m) => {
            assert!((1..=12).contains(&m), "{d:?}");
            if let Some(day) = d.day {
                assert!(day >= 1 && day <= days_in_month(d.year, m), "{d:?}");
            }
        }
        None => assert!(d.day.is_none(), "{d:?}"),
    }
}

/// The date parser on every sentence: expressions lie inside their
/// sentence and resolve to valid dates.
pub fn dates(data: &[u8]) {
    let Some((&flag, rest)) = data.split_first() else {
        return;
    };
    let Ok(s) = std::str::from_utf8(rest) else {
        return;
    };
    let x = extractor();
    let published = match flag % 3 {
        0 => None,
        1 => PartialDate::parse("2024-02-29"),
        _ => PartialDate::parse("1999-12"),
    };
    let ctx = DateContext { published };
    let norm = NormText::from_article(s);
    for (i, r) in split_sentences(&norm.text).into_iter().enumerate() {
        let sent = Sent::new(i, r, &norm.text, x.matcher());
        for d in find_dates(&sent, x.lexicon(), &ctx) {
            assert!(d.start < d.end && d.end <= sent.len(), "{d:?}");
            d.start_date.iter().chain(d.end_date.iter()).for_each(valid);
        }
    }
}

/// The whole extractor: every quote is the original text between its
/// character offsets.
pub fn extract(data: &[u8]) {
    let Some((&flag, rest)) = data.split_first() else {
        return;
    };
    let Ok(s) = std::str::from_utf8(rest) else {
        return;
    };
    let article = Article {
        meta: ArticleMeta {
            id: "fuzz".into(),
            file: "fuzz.txt".into(),
            published: (flag & 1 == 1)
                .then(|| PartialDate::parse("2025-01-31"))
                .flatten(),
            ..Default::default()
        },
        text: s.to_string(),
    };
    let x = extractor().extract(&article);
    let chars: Vec<char> = s.chars().collect();
    assert_eq!(x.meta.chars, chars.len());
    let provs = x
        .mentions
        .iter()
        .map(|m| &m.provenance)
        .chain(x.relations.iter().filter_map(|r| r.provenance.as_ref()));
    for p in provs {
        assert!(
            p.char_start <= p.char_end && p.char_end <= chars.len(),
            "{p:?}"
        );
        let slice: String = chars[p.char_start..p.char_end].iter().collect();
        assert_eq!(slice, p.quote);
        assert!(p.sentence < x.meta.sentences);
    }
}

/// Decoding, undeclared or declared: whatever is decoded encodes back to
/// the same bytes (nothing replaced or dropped).
pub fn decode(data: &[u8]) {
    let Some((&flag, bytes)) = data.split_first() else {
        return;
    };
    let declared = [None, Some(WINDOWS_1256), Some(ISO_8859_6), Some(UTF_16LE)][flag as usize % 4];
    let Ok(d) = decode_article(bytes, declared) else {
        return;
    };
    let bom = Encoding::for_bom(bytes).map_or(0, |b| b.1);
    let again: Vec<u8> = if d.encoding == UTF_16LE {
        d.text
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect()
    } else if d.encoding == UTF_16BE {
        d.text
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect()
    } else {
        let (b, _, unmappable) = d.encoding.encode(&d.text);
        assert!(!unmappable);
        b.into_owned()
    };
    assert_eq!(again, &bytes[bom..], "read as {}", d.encoding.name());
}
