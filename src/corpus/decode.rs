//! Decoding article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or
//! an encoding the user declares (`--encoding windows-1256`). Bytes that are
//! not valid in the encoding are an error naming the offset, never silently
//! replaced.

pub use encoding_rs::Encoding;

/// Decodes `bytes`; `declared` overrides detection (a BOM still wins, as
/// the WHATWG decode algorithm does).
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return strict(enc, &bytes[bom..]);
    }
    if let Some(enc) = declared {
        return strict(enc, bytes);
    }
    if bytes.contains(&0) {
        return Err(
            "the file contains NUL bytes: binary data, or UTF-16 without a byte-order mark".into(),
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(format!(
            "not valid UTF-8 at byte {}; if the file uses a legacy encoding, declare it (--encoding windows-1256 or iso-8859-6)",
            e.valid_up_to()
        )),
    }
}

fn strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, String> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok(s.into_owned()),
        None => Err(format!("bytes that are not valid {}", enc.name())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_boms_and_declared() {
        assert_eq!(decode("\u{feff}عين".as_bytes(), None).unwrap(), "عين");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("عين".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16, None).unwrap(), "عين");
        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode("قاعدة");
        assert!(decode(&cp1256, None).unwrap_err().contains("windows-1256"));
        assert_eq!(
            decode(&cp1256, Some(encoding_rs::WINDOWS_1256)).unwrap(),
            "قاعدة"
        );
        assert!(decode(b"", None).is_err());
        assert!(decode(b"a\0b", None).unwrap_err().contains("NUL"));
    }
}
