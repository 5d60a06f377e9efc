//! Stable, content-based identifiers.
//!
//! Ids never depend on processing order or thread count: an event mention's
//! id hashes its article, span and action; a discovered entity's id is the
//! romanized form of its normalized name.

/// 64-bit FNV-1a over the parts, separated by a unit separator.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// `prefix-` followed by 16 hex digits of [`stable_hash`].
pub fn hash_id(prefix: &str, parts: &[&str]) -> String {
    format!("{prefix}-{:016x}", stable_hash(parts))
}

/// Romanizes normalized Arabic (and keeps ASCII letters and digits) into an
/// id slug: lowercase ASCII, words joined by hyphens.
pub fn slug(normalized: &str) -> String {
    let mut out = String::with_capacity(normalized.len());
    let mut pending_dash = false;
    for c in normalized.chars() {
        let rep: &str = match c {
            'ا' => "a",
            'ب' => "b",
            'ت' => "t",
            'ث' => "th",
            'ج' => "j",
            'ح' => "h",
            'خ' => "kh",
            'د' => "d",
            'ذ' => "dh",
            'ر' => "r",
            'ز' => "z",
            'س' => "s",
            'ش' => "sh",
            'ص' => "s",
            'ض' => "d",
            'ط' => "t",
            'ظ' => "z",
            'ع' => "e",
            'غ' => "gh",
            'ف' => "f",
            'ق' => "q",
            'ك' => "k",
            'ل' => "l",
            'م' => "m",
            'ن' => "n",
            'ه' => "h",
            'و' => "w",
            'ي' | 'ئ' => "y",
            'ؤ' => "w",
            'ء' => "",
            'پ' => "p",
            'چ' => "ch",
            'ژ' => "zh",
            'گ' => "g",
            'ڤ' => "v",
            c if c.is_ascii_alphanumeric() => {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push(c.to_ascii_lowercase());
                continue;
            }
            _ => {
                pending_dash = true;
                continue;
            }
        };
        if rep.is_empty() {
            continue;
        }
        if pending_dash && !out.is_empty() {
            out.push('-');
        }
        pending_dash = false;
        out.push_str(rep);
    }
    if out.is_empty() {
        // Names in scripts without a table entry still get a stable id.
        return hash_id("x", &[normalized]);
    }
    out
}

/// Whether `s` is a valid entity id: lowercase ASCII letters, digits and
/// single inner hyphens.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize_str;

    #[test]
    fn slugs() {
        assert_eq!(slug(&normalize_str("فيكتوريا")), "fyktwrya");
        assert_eq!(slug(&normalize_str("محمد التميمي")), "mhmd-altmymy");
        assert_eq!(slug("camp 7"), "camp-7");
        assert!(is_valid_id(&slug(&normalize_str("عبدالغني الغضبان"))));
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(stable_hash(&["a", "b"]), stable_hash(&["a", "b"]));
        assert_ne!(stable_hash(&["ab", ""]), stable_hash(&["a", "b"]));
        assert_eq!(hash_id("m", &["x"]).len(), 18);
    }
}
