//! Decoding article bytes to text, never silently mangling them.
//!
//! In order: an empty file is refused; a byte-order mark decides (UTF-8,
//! UTF-16LE, UTF-16BE); binary formats (PDF, ZIP/.docx, gzip, images …) and
//! bytes with NUL or more than 1% other control characters are refused,
//! unless they are UTF-16 without a byte-order mark (a few stray controls
//! are kept, with a note); an encoding declared with `--encoding`
//! is used, except that a file that is valid UTF-8 (with non-ASCII text)
//! stays UTF-8; valid UTF-8 is UTF-8; a file that is mostly UTF-8 with some
//! invalid bytes is refused as damaged; anything else is tried as Arabic in
//! Windows-1256 and ISO-8859-6 (see [`super::detect`]) and refused, with a
//! hint to declare the encoding, when neither reading is clearly Arabic.
//! Bytes that are not valid in the chosen encoding are an error naming the
//! offset, never replaced. Bytes that are valid UTF-8 are read as UTF-8:
//! only a file of a few characters in another encoding can be (U+200B in
//! UTF-16LE is the bytes of "\v "), never an Arabic text of any length.

pub use encoding_rs::Encoding;

use super::detect::{self, Legacy};

/// Decoded text, and a remark on how when it was not plain UTF-8 or declared.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How the encoding was chosen, when the user may want to know.
    pub note: Option<String>,
}

/// Decodes `bytes`; `declared` is the user's `--encoding`. Errors are
/// messages for the user (the caller adds the file name).
pub fn decode_article(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("the file is empty (0 bytes)".into());
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let text = strict(enc, &bytes[bom..], bom);
        // FE FF and FF FE are also letters in windows-1256 (U+200F، ے): a
        // UTF-16 reading that is not Arabic, of bytes that read as Arabic
        // in a legacy code page, is that code page.
        // (Doubtful: private-use or control characters, or not Arabic
        // while windows-1256 reads mostly Arabic letters.)
        let arabic_in_1256 = || {
            detect::strict(encoding_rs::WINDOWS_1256, bytes).is_some_and(|t| {
                let letters = t
                    .chars()
                    .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
                    .count();
                letters >= 10 && letters * 2 >= t.chars().filter(|c| !c.is_ascii()).count()
            })
        };
        let doubtful = enc != encoding_rs::UTF_8
            && declared.is_none()
            && text.as_ref().map_or(true, |t| {
                t.chars().any(|c| {
                    ('\u{E000}'..='\u{F8FF}').contains(&c) || (c.is_control() && !c.is_whitespace())
                }) || (!detect::stats(t).is_arabic() && arabic_in_1256())
            });
        if doubtful {
            return match detect::legacy(bytes) {
                Legacy::Found(legacy, text) => Ok(Decoded {
                    text,
                    encoding: legacy,
                    note: Some(format!(
                        "begins like a {} byte-order mark but is not UTF-16 text; read as {} (detected from its bytes)",
                        enc.name(),
                        legacy.name()
                    )),
                }),
                _ => Err(format!(
                    "begins with a {} byte-order mark but is not UTF-16 text (private-use or control \
                     characters when read so); declare the encoding with --encoding",
                    enc.name()
                )),
            };
        }
        return Ok(plain(text?, enc));
    }
    if let Some(what) = detect::binary_format(bytes) {
        return Err(format!("{what}, not a text file"));
    }
    if let Some(enc) = declared.filter(|e| !e.is_ascii_compatible()) {
        return Ok(plain(strict(enc, bytes, 0)?, enc));
    }
    let (controls, first) = detect::control_bytes(bytes);
    let mut stray = None;
    if let Some(at) = first {
        if bytes.contains(&0) || controls * 100 > bytes.len() {
            if let Some((enc, text)) = detect::utf16_without_bom(bytes) {
                return Ok(Decoded {
                    text,
                    encoding: enc,
                    note: Some(format!(
                        "read as {} (no byte-order mark; detected from its bytes)",
                        enc.name()
                    )),
                });
            }
            return Err(format!(
                "binary data, not text: {controls} NUL or control byte(s), the first at byte {at} ({}); \
                 if this is UTF-16 text, save it with a byte-order mark or declare --encoding utf-16le",
                position(bytes, at)
            ));
        }
        // A few stray controls (pasted from a word processor) in text.
        stray = Some(format!(
            "{controls} stray control character(s), the first at byte {at} ({}), read as they are",
            position(bytes, at)
        ));
    }
    let decoded = decode_text(bytes, declared)?;
    Ok(match stray {
        Some(s) => Decoded {
            note: Some(decoded.note.map_or(s.clone(), |n| format!("{n}; {s}"))),
            ..decoded
        },
        None => decoded,
    })
}

/// Decodes text without NUL bytes: declared, UTF-8, or a legacy encoding.
fn decode_text(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, String> {
    let utf8 = std::str::from_utf8(bytes);
    if let Some(enc) = declared.filter(|e| *e != encoding_rs::UTF_8) {
        if let Ok(s) = utf8
            && !s.is_ascii()
        {
            return Ok(Decoded {
                text: s.to_string(),
                encoding: encoding_rs::UTF_8,
                note: Some(format!(
                    "declared {}, but the file is valid UTF-8: read as UTF-8",
                    enc.name()
                )),
            });
        }
        let text = strict(enc, bytes, 0)?;
        let st = detect::stats(&text);
        let note = (st.non_ascii >= detect::MIN_WORDS && !st.is_arabic()).then(|| {
            format!(
                "read as the declared {}, but the text does not look like Arabic in it: is the encoding right?",
                enc.name()
            )
        });
        return Ok(Decoded {
            text,
            encoding: enc,
            note,
        });
    }
    let err = match utf8 {
        Ok(s) => return Ok(plain(s.to_string(), encoding_rs::UTF_8)),
        Err(e) => e,
    };
    let at = err.valid_up_to();
    let bad = format!(
        "not valid UTF-8 (byte 0x{:02X} at byte {at}, {})",
        bytes[at],
        position(bytes, at)
    );
    if detect::mostly_utf8(bytes) {
        return Err(format!(
            "{bad}, although most of the file is UTF-8: the file is damaged (fix or re-download it)"
        ));
    }
    let hint = "declare the encoding with --encoding (e.g. windows-1256, iso-8859-6)";
    match detect::legacy(bytes) {
        Legacy::Found(enc, text) => Ok(Decoded {
            text,
            encoding: enc,
            note: Some(format!(
                "not UTF-8; read as {} (detected from its bytes; pass --encoding {} to be explicit)",
                enc.name(),
                enc.name().to_ascii_lowercase()
            )),
        }),
        Legacy::TooShort => Err(format!(
            "{bad}, and too short to tell its legacy encoding; {hint}"
        )),
        Legacy::Ambiguous => Err(format!(
            "{bad}; it reads as Arabic both in windows-1256 and iso-8859-6; {hint}"
        )),
        Legacy::NotArabic => Err(format!(
            "{bad}, and it does not read as Arabic in windows-1256 or iso-8859-6; {hint}"
        )),
    }
}

/// Decodes `bytes` to a string (see [`decode_article`]).
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<String, String> {
    decode_article(bytes, declared).map(|d| d.text)
}

fn plain(text: String, encoding: &'static Encoding) -> Decoded {
    Decoded {
        text,
        encoding,
        note: None,
    }
}

/// Strict decoding; `offset` is where `bytes` start in the file.
fn strict(enc: &'static Encoding, bytes: &[u8], offset: usize) -> Result<String, String> {
    if let Some(s) = detect::strict(enc, bytes) {
        return Ok(s);
    }
    // Find where it fails, for the message.
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let at = match decoder.decode_to_string_without_replacement(bytes, &mut out, true) {
        (encoding_rs::DecoderResult::Malformed(len, back), read) => {
            (read - back as usize).saturating_sub(len as usize)
        }
        _ => bytes.len(),
    };
    Err(format!(
        "bytes that are not valid {} at byte {} ({})",
        enc.name(),
        at + offset,
        position(&bytes[..at.min(bytes.len())], at)
    ))
}

/// "line L" of byte offset `at` (1-based).
fn position(bytes: &[u8], at: usize) -> String {
    let end = at.min(bytes.len());
    let line = bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1;
    format!("line {line}")
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

    #[test]
    fn a_legacy_text_that_begins_like_a_utf16_bom_is_not_utf16() {
        // U+200F and ے are FE FF in windows-1256: the UTF-16BE mark.
        let text = "\u{200F}ے أعلنت وزارة الدفاع العراقية أن القوات الأمريكية انسحبت من قاعدة عين الأسد في محافظة الأنبار.";
        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        assert_eq!(&cp1256[..2], &[0xFE, 0xFF]);
        let d = decode_article(&cp1256, None).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1256);
        // Too little to tell: reported, not read as UTF-16.
        let (short, _, _) = encoding_rs::WINDOWS_1256.encode("\u{200F}ےءبحلول نهاية0انسحبت");
        assert!(
            decode(&short, None)
                .unwrap_err()
                .contains("byte-order mark")
        );
        // Real UTF-16 with its mark is still UTF-16, whatever its script.
        let utf16: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("基地 base".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&utf16, None).unwrap(), "基地 base");
    }

    #[test]
    fn errors_name_the_offset() {
        let e = decode(b"\xEF\xBB\xBFab\n\xFF", None).unwrap_err();
        assert!(e.contains("UTF-8 at byte 6 (line 2)"), "{e}");
        let e = decode(&[0xFF, 0xFE, 0x41], None).unwrap_err();
        assert!(e.contains("UTF-16LE"), "{e}");
        let e = decode(b"ab\xDB", Some(encoding_rs::ISO_8859_6)).unwrap_err();
        assert!(e.contains("ISO-8859-6 at byte 2"), "{e}");
    }

    #[test]
    fn declared_legacy_does_not_mangle_utf8() {
        let d = decode_article("قاعدة".as_bytes(), Some(encoding_rs::WINDOWS_1256)).unwrap();
        assert_eq!(d.text, "قاعدة");
        assert!(d.note.unwrap().contains("valid UTF-8"));
    }
}
