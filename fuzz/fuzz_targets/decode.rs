//! Decoding any bytes, undeclared or declared: no panic, and whatever is
//! decoded encodes back to the same bytes (nothing replaced or dropped).
#![no_main]

use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1256};
use kg::corpus::decode_article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
});
