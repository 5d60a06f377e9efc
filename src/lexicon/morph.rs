//! Generates the inflected forms of lexicon words, so the data lists a verb
//! once (`انسحب|ينسحب`) and the matcher knows `انسحبت، انسحبوا، ستنسحب،
//! ينسحبون …`. Forms are generated on normalized text (ة→ه, ى→ي, أ→ا).
//!
//! Proclitics (و ف ب ل ك ال س) are NOT generated here: the matcher strips
//! them at match time, so they stay in the text and the span.

/// Part of speech of a generated form; decides which proclitics it accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    /// Perfect verb (accepts و ف ل and قد is separate).
    Past,
    /// Imperfect verb (accepts و ف ل and the future prefix س).
    Present,
    /// Noun (accepts و ف ب ل ك and the article ال).
    Noun,
    /// Adjective or participle: modifies the noun before it (accepts like a noun).
    Adjective,
    /// Proper name (accepts و ف ب ل ك; ال only where the name lacks it).
    Name,
    /// Function word or fixed phrase (accepts و ف).
    Particle,
}

const OBJECT_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما", "هن", "نا", "كم"];
const NOUN_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما", "هن", "نا", "كم", "ي"];

/// Forms of a verb given its past and present third-person masculine singular
/// (normalized): all persons, numbers and object pronouns. Returns
/// `(form, pos)` pairs; duplicates are possible and harmless.
pub fn verb_forms(past: &str, present: &str, out: &mut Vec<(String, Pos)>) {
    // Perfect.
    let mut pasts = vec![past.to_string()];
    let past_stem: &str = past.strip_suffix(['ي', 'ا']).unwrap_or(past);
    let defective = past_stem.len() != past.len();
    // A doubled verb written with two letters (ضمّ، ردّ) unfolds before a
    // consonant ending (ضممنا، رددن): ضم + ن would be the preposition ضمن.
    let doubled = past.chars().count() == 2;
    for suf in ["ت", "ا", "تا", "وا", "ن", "نا", "تم", "تما", "تن"] {
        if doubled && matches!(suf, "ن" | "نا" | "تم" | "تما" | "تن") {
            let mut c = past.chars();
            let (a, b) = (c.next().unwrap_or_default(), c.next().unwrap_or_default());
            pasts.push(format!("{a}{b}{b}{suf}"));
            continue;
        }
        pasts.push(format!("{past}{suf}"));
        // (only the feminine endings drop the weak letter: أنهت، أنهتا, but
        // أنهيا، أنهينا — a stem أنه + ا would be the particle أنها)
        if defective && matches!(suf, "ت" | "تا") {
            pasts.push(format!("{past_stem}{suf}"));
        }
    }
    if defective {
        // أعطى → أعطوا/أعطت; قضى → قضوا
        pasts.push(format!("{past_stem}وا"));
        pasts.push(format!("{past_stem}ت"));
        // (with an object pronoun the ى is written ا: أنهاها، أبقاهم)
        for o in OBJECT_SUFFIXES {
            out.push((format!("{past_stem}ا{o}"), Pos::Past));
        }
    }
    for p in &pasts {
        out.push((p.clone(), Pos::Past));
        for o in OBJECT_SUFFIXES {
            out.push((format!("{p}{o}"), Pos::Past));
        }
        // -وا + object pronoun drops the alef: سحبوه
        if let Some(s) = p.strip_suffix("وا") {
            for o in OBJECT_SUFFIXES {
                out.push((format!("{s}و{o}"), Pos::Past));
            }
        }
    }
    // Imperfect: present is ي + stem.
    let Some(stem) = present.strip_prefix('ي') else {
        out.push((present.to_string(), Pos::Present));
        return;
    };
    let stem_short: &str = stem.strip_suffix(['ي', 'ا', 'و']).unwrap_or(stem);
    for prefix in ["ي", "ت", "ن", "ا"] {
        let base = format!("{prefix}{stem}");
        let mut bases = vec![base.clone()];
        // The jussive of a defective verb drops its last letter (لم يلتقِ، لم يبقَ).
        // (Not the first person: س + ابق would read سابق "former".)
        if prefix != "ا" && stem_short.len() != stem.len() && stem_short.chars().count() >= 2 {
            out.push((format!("{prefix}{stem_short}"), Pos::Present));
        }
        for suf in ["ون", "ان", "ين", "وا", "ن", "ا"] {
            // (a doubled stem unfolds before ن too: يضممن, not يضمن "guarantees")
            if suf == "ن" && stem.chars().count() == 2 {
                let mut c = stem.chars();
                let (a, b) = (c.next().unwrap_or_default(), c.next().unwrap_or_default());
                bases.push(format!("{prefix}{a}{b}{b}{suf}"));
                continue;
            }
            bases.push(format!("{base}{suf}"));
            // (the weak letter drops before و and ي only: ينهون، تنهين, but
            // ينهيان، ينهيا; ا + نه + ا would be the particle أنها)
            if stem_short.len() != stem.len() && matches!(suf, "ون" | "ين" | "وا") {
                bases.push(format!("{prefix}{stem_short}{suf}"));
            }
        }
        for b in bases {
            for o in OBJECT_SUFFIXES {
                out.push((format!("{b}{o}"), Pos::Present));
            }
            if let Some(s) = b.strip_suffix("ون") {
                for o in OBJECT_SUFFIXES {
                    out.push((format!("{s}و{o}"), Pos::Present));
                }
            }
            out.push((b, Pos::Present));
        }
    }
}

/// Forms of a noun (a verbal noun, usually): with possessive suffixes,
/// ة → ت before a suffix, sound feminine plural and dual.
pub fn noun_forms(noun: &str, out: &mut Vec<(String, Pos)>) {
    let mut bases = vec![noun.to_string()];
    if let Some(stem) = noun.strip_suffix('ه') {
        // مغادرة (normalized مغادره) → مغادرات، مغادرتها
        bases.push(format!("{stem}ات"));
        bases.push(format!("{stem}تان"));
        bases.push(format!("{stem}تين"));
        for s in NOUN_SUFFIXES {
            out.push((format!("{stem}ت{s}"), Pos::Noun));
        }
        // The dual in construct, nominative (قاعدتا عين الأسد وحرير); the
        // genitive قاعدتي is the ي suffix above.
        out.push((format!("{stem}تا"), Pos::Noun));
    } else {
        // A final hamza takes a seat before a suffix: لقاء → لقائهما، لقاؤه.
        if let Some(stem) = noun.strip_suffix('ء') {
            for seat in ['ئ', 'ؤ'] {
                for s in NOUN_SUFFIXES {
                    out.push((format!("{stem}{seat}{s}"), Pos::Noun));
                }
            }
        }
        bases.push(format!("{noun}ات"));
        bases.push(format!("{noun}ان"));
        bases.push(format!("{noun}ين"));
        // Accusative with tanween, written with alef: انسحاباً، هجوماً.
        bases.push(format!("{noun}ا"));
    }
    for b in bases {
        for s in NOUN_SUFFIXES {
            out.push((format!("{b}{s}"), Pos::Noun));
        }
        out.push((b, Pos::Noun));
    }
}

/// Forms of an adjective or participle given its masculine singular
/// (منسحب، متمركز): feminine, plurals, duals.
pub fn adjective_forms(adj: &str, out: &mut Vec<(String, Pos)>) {
    out.push((adj.to_string(), Pos::Adjective));
    for suf in ["ه", "ون", "ين", "ات", "ان", "تان", "تين", "ا"] {
        out.push((format!("{adj}{suf}"), Pos::Adjective));
    }
}

/// Forms of a nationality adjective (nisba) given its masculine singular
/// ending in ي (أمريكي): أمريكية، أمريكيون، أمريكيين، أمريكيات، أمريكيان …
pub fn demonym_forms(demonym: &str, out: &mut Vec<String>) {
    out.push(demonym.to_string());
    for suf in ["ه", "ون", "ين", "ات", "ان", "تان", "تين", "ا"] {
        out.push(format!("{demonym}{suf}"));
    }
    // أمريكي → أمريكيو (construct plural)
    out.push(format!("{demonym}و"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize_str;

    fn has(forms: &[(String, Pos)], f: &str) -> bool {
        let f = normalize_str(f);
        forms.iter().any(|(x, _)| *x == f)
    }

    #[test]
    fn conjugates() {
        let mut v = Vec::new();
        verb_forms(&normalize_str("انسحب"), &normalize_str("ينسحب"), &mut v);
        for f in [
            "انسحبت",
            "انسحبوا",
            "تنسحب",
            "ينسحبون",
            "ننسحب",
            "انسحب",
            "تنسحبان",
        ] {
            assert!(has(&v, f), "{f}");
        }
        let mut v = Vec::new();
        verb_forms(&normalize_str("سحب"), &normalize_str("يسحب"), &mut v);
        assert!(has(&v, "سحبها") && has(&v, "يسحبون") && has(&v, "سحبوه"));
        let mut v = Vec::new();
        verb_forms(&normalize_str("أخلى"), &normalize_str("يخلي"), &mut v);
        assert!(has(&v, "أخلت") && has(&v, "أخلوا") && has(&v, "يخلون"));
        let mut v = Vec::new();
        verb_forms(&normalize_str("أنهى"), &normalize_str("ينهي"), &mut v);
        assert!(
            has(&v, "أنهتا") && has(&v, "أنهيا") && has(&v, "أنهاها") && !has(&v, "أنها"),
            "defective"
        );
        let mut v = Vec::new();
        verb_forms(&normalize_str("ضم"), &normalize_str("يضم"), &mut v);
        assert!(
            has(&v, "ضمت") && has(&v, "ضممنا") && !has(&v, "ضمن"),
            "doubled"
        );
        let mut v = Vec::new();
        verb_forms(&normalize_str("التقى"), &normalize_str("يلتقي"), &mut v);
        assert!(has(&v, "يلتق") && has(&v, "نلتق"), "jussive");
    }

    #[test]
    fn nouns_and_demonyms() {
        let mut v = Vec::new();
        noun_forms(&normalize_str("مغادرة"), &mut v);
        assert!(has(&v, "مغادرتها") && has(&v, "مغادرة"));
        let mut v = Vec::new();
        noun_forms(&normalize_str("لقاء"), &mut v);
        assert!(has(&v, "لقائهما") && has(&v, "لقاؤه"));
        let mut v = Vec::new();
        noun_forms(&normalize_str("انسحاب"), &mut v);
        assert!(has(&v, "انسحابها") && has(&v, "انسحابات"));
        let mut d = Vec::new();
        demonym_forms(&normalize_str("أمريكي"), &mut d);
        for f in ["امريكيه", "امريكيين", "امريكيون"] {
            assert!(d.contains(&f.to_string()), "{f}");
        }
    }
}
