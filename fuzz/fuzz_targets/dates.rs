//! The date parser: every sentence of any text through
//! `kg::extract::dates::find_dates`, with and without a publication date.
//! Date expressions lie inside their sentence and resolve to valid dates.
#![no_main]

use std::sync::OnceLock;

use kg::extract::Extractor;
use kg::extract::dates::{DateContext, find_dates};
use kg::extract::sent::Sent;
use kg::lexicon::Lexicon;
use kg::model::PartialDate;
use kg::model::date::days_in_month;
use kg::text::{NormText, split_sentences};
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new(Lexicon::builtin().expect("built-in lexicon")))
}

fn check(d: &PartialDate) {
    if let Some(m) = d.month {
        assert!((1..=12).contains(&m), "{d:?}");
        if let Some(day) = d.day {
            assert!(day >= 1 && day <= days_in_month(d.year, m), "{d:?}");
        }
    } else {
        assert!(d.day.is_none(), "{d:?}");
    }
}

fuzz_target!(|data: &[u8]| {
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
            d.start_date.iter().chain(d.end_date.iter()).for_each(check);
        }
    }
});
