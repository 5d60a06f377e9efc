//! The whole extractor on any text: no panic, and every quote is the
//! original text between its character offsets.
#![no_main]

use std::sync::OnceLock;

use kg::extract::Extractor;
use kg::lexicon::Lexicon;
use kg::model::{Article, ArticleMeta, PartialDate};
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new(Lexicon::builtin().expect("built-in lexicon")))
}

fuzz_target!(|data: &[u8]| {
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
});
