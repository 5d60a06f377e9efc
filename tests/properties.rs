//! Properties of the text layer and the extractor on arbitrary text: random
//! mixes of Arabic letters, diacritics, bidi and zero-width controls,
//! digits of three systems, punctuation, markup, presentation forms,
//! lexicon words, and any Unicode character.
//!
//! - normalization is idempotent;
//! - every span maps to character boundaries of the original text, in order;
//! - sentences are ordered, disjoint, trimmed and bounded;
//! - extraction never panics, and every quote is the original text between
//!   its character offsets;
//! - decoding never panics, never replaces characters, and keeps valid UTF-8.

use std::sync::OnceLock;

use proptest::prelude::*;

use kg::extract::Extractor;
use kg::lexicon::Lexicon;
use kg::model::{Article, ArticleMeta};
use kg::text::sentence::MAX_SENTENCE_BYTES;
use kg::text::{NormText, normalize_str, split_sentences, tokenize};

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new(Lexicon::builtin().expect("the built-in lexicon")))
}

/// Words and phrases that the lexicon knows, so that random text reaches
/// the event and date rules, not only the tokenizer.
const WORDS: &[&str] = &[
    "القوات الأمريكية",
    "انسحبت",
    "من",
    "قاعدة عين الأسد",
    "في",
    "سبتمبر",
    "2025",
    "٢٠٢٥",
    "بحلول نهاية",
    "عام",
    "نفى",
    "البنتاغون",
    "التحالف الدولي",
    "العراق",
    "سوريا",
    "أمس",
    "الشهر الماضي",
    "قال",
    "وزير الدفاع",
    "إن",
    "جندي",
    "لن",
    "ستغادر",
    "هجوم",
    "بطائرة مسيرة",
    "على",
    "أربيل",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(WORDS).prop_map(str::to_string),
        3 => proptest::char::range('\u{0621}', '\u{064A}').prop_map(String::from),
        2 => proptest::char::range('\u{064B}', '\u{0655}').prop_map(String::from),
        3 => Just(" ".to_string()),
        1 => proptest::sample::select(&[
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}',
            '\u{202C}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{061C}', '\u{FEFF}', '\u{00AD}',
            '\u{0640}',
        ][..])
        .prop_map(String::from),
        1 => proptest::char::range('\u{0660}', '\u{0669}').prop_map(String::from),
        1 => proptest::char::range('\u{06F0}', '\u{06F9}').prop_map(String::from),
        1 => proptest::char::range('0', '9').prop_map(String::from),
        2 => proptest::sample::select(&[
            ".", "،", "؛", "؟", "!", ":", "\"", "«", "»", "“", "”", "(", ")", "-", "/", "\n",
            "\r\n", "…", "..", ".\"", "\t", "\u{2029}",
        ][..])
        .prop_map(str::to_string),
        1 => proptest::sample::select(&[
            "<p>", "</p>", "<b>", "</a>", "<br/>", "&quot;", "&amp;", "&#1593;", "&#x627;",
            "&nbsp;", "<", ">", "&", "<!--", "-->", "<script>", "</script>", "&#0;", "&zwnj;",
        ][..])
        .prop_map(str::to_string),
        1 => proptest::char::range('\u{FB50}', '\u{FEFC}').prop_map(String::from),
        1 => proptest::sample::select(&['ی', 'ک', 'ۃ', 'ہ', 'ھ', 'ے', 'ں', 'ٹ', 'پ', 'گ'][..])
            .prop_map(String::from),
        1 => "[a-zA-Z]{1,6}".prop_map(|s| s),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

fn is_boundary(s: &str, i: usize) -> bool {
    i <= s.len() && s.is_char_boundary(i)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn normalization_is_idempotent(s in text()) {
        let once = normalize_str(&s);
        prop_assert_eq!(normalize_str(&once), once);
    }

    #[test]
    fn spans_map_to_character_boundaries_in_order(s in text(), markup in any::<bool>()) {
        let n = if markup { NormText::from_article(&s) } else { NormText::new(&s) };
        let mut tokens = Vec::new();
        for r in split_sentences(&n.text) {
            tokenize(&n.text, r, &mut tokens);
        }
        let mut last_end = 0;
        for (k, t) in tokens.iter().enumerate() {
            let r = n.orig_range(t.range());
            prop_assert!(r.start <= r.end && is_boundary(&s, r.start) && is_boundary(&s, r.end),
                "token {k} {:?} -> {r:?}", t.range());
            prop_assert!(r.start >= last_end || r.start == r.end, "token {k} overlaps the previous");
            last_end = last_end.max(r.end);
            // Spans over several tokens too.
            if let Some(u) = tokens.get(k + 2) {
                let r = n.orig_range(t.start as usize..u.end as usize);
                prop_assert!(is_boundary(&s, r.start) && is_boundary(&s, r.end) && r.start <= r.end);
            }
        }
        let all = n.orig_range(0..n.text.len());
        prop_assert!(all.end <= s.len());
    }

    #[test]
    fn sentences_are_ordered_trimmed_and_bounded(s in text()) {
        let n = normalize_str(&s);
        let mut last = 0;
        for r in split_sentences(&n) {
            prop_assert!(r.start >= last && r.start < r.end && r.end <= n.len());
            prop_assert!(is_boundary(&n, r.start) && is_boundary(&n, r.end));
            let sent = &n[r.clone()];
            prop_assert_eq!(sent.trim(), sent);
            prop_assert!(sent.len() <= MAX_SENTENCE_BYTES);
            last = r.end;
        }
    }

    #[test]
    fn extraction_never_panics_and_quotes_are_the_original(s in text(), published in any::<bool>()) {
        let article = Article {
            meta: ArticleMeta {
                id: "a".into(),
                file: "a.txt".into(),
                published: published.then(|| kg::model::PartialDate::parse("2024-05-17")).flatten(),
                ..Default::default()
            },
            text: s.clone(),
        };
        let x = extractor().extract(&article);
        let chars: Vec<char> = s.chars().collect();
        prop_assert_eq!(x.meta.chars, chars.len());
        let provs = x.mentions.iter().map(|m| &m.provenance)
            .chain(x.relations.iter().filter_map(|r| r.provenance.as_ref()));
        for p in provs {
            prop_assert!(p.char_start <= p.char_end && p.char_end <= chars.len(), "{p:?}");
            let slice: String = chars[p.char_start..p.char_end].iter().collect();
            prop_assert_eq!(&slice, &p.quote);
            prop_assert!(p.sentence < x.meta.sentences);
        }
        for m in &x.mentions {
            prop_assert!(!m.trigger.is_empty());
        }
    }

    #[test]
    fn decoding_never_panics_and_is_lossless(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for declared in [None, Some(encoding_rs::WINDOWS_1256), Some(encoding_rs::ISO_8859_6), Some(encoding_rs::UTF_16LE)] {
            if let Ok(d) = kg::corpus::decode_article(&bytes, declared) {
                let bom = encoding_rs::Encoding::for_bom(&bytes).map_or(0, |b| b.1);
                prop_assert_eq!(reencode(&d), &bytes[bom..], "{:?} read as {}", declared.map(|e| e.name()), d.encoding.name());
            }
        }
    }

    #[test]
    fn legacy_text_is_read_right_or_reported(s in text(), which in 0..3usize) {
        let enc = [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6, encoding_rs::UTF_16LE][which];
        // Only what the encoding can represent (and no byte-order mark).
        let s: String = s
            .chars()
            .filter(|&c| c != '\u{FEFF}' && (enc == encoding_rs::UTF_16LE || !enc.encode(c.encode_utf8(&mut [0; 4])).2))
            .collect();
        // Bytes that are valid UTF-8 are read as UTF-8: a legacy or UTF-16
        // text of a few characters can be (U+200B in UTF-16LE is "\v "),
        // Arabic text of ten letters practically cannot.
        prop_assume!(s.chars().filter(|c| ('\u{0621}'..='\u{064A}').contains(c)).count() >= 10);
        let bytes: Vec<u8> = if enc == encoding_rs::UTF_16LE {
            s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
        } else {
            enc.encode(&s).0.into_owned()
        };
        if let Ok(d) = kg::corpus::decode_article(&bytes, None) {
            prop_assert_eq!(&d.text, &s, "read as {}", d.encoding.name());
        }
    }

    #[test]
    fn valid_utf8_text_is_kept_as_it_is(s in text()) {
        prop_assume!(!s.is_empty() && !s.starts_with('\u{FEFF}'));
        prop_assume!(!s.bytes().any(|b| b < 0x20 && !b"\t\n\r".contains(&b)));
        let d = kg::corpus::decode_article(s.as_bytes(), None);
        prop_assume!(!d.as_ref().is_err_and(|e| e.contains("not a text file")));
        prop_assert_eq!(d.map(|d| d.text), Ok(s));
    }
}

/// The bytes a decoded text came from, encoded again.
fn reencode(d: &kg::corpus::Decoded) -> Vec<u8> {
    if d.encoding == encoding_rs::UTF_16LE {
        d.text
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect()
    } else if d.encoding == encoding_rs::UTF_16BE {
        d.text
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect()
    } else {
        let (bytes, _, unmappable) = d.encoding.encode(&d.text);
        assert!(
            !unmappable,
            "{} cannot encode {:?}",
            d.encoding.name(),
            d.text
        );
        bytes.into_owned()
    }
}
