//! Markup left in article text: HTML or XML tags, comments, `<script>` and
//! `<style>` blocks, and character references (`&quot;`, `&amp;`, `&#1593;`,
//! `&#x639;`).
//!
//! News text copied from web pages often keeps some of its markup. kg reads
//! articles the way a browser shows them: tags are removed (block-level tags
//! such as `<p>`, `<br>`, `<div>`, `<li>` become a line break, so paragraphs
//! still end sentences), comments and the content of `script` and `style`
//! elements are removed, and character references become the character they
//! name. The ORIGINAL text is never changed: [`super::NormText::from_article`]
//! applies this while normalizing, and its offset map still points into the
//! original, so provenance offsets and quotes refer to the file as it is.
//!
//! Recognition is conservative: a tag is `<` or `</` followed by an ASCII
//! letter, a name, and attributes up to `>` (at most [`MAX_TAG`] bytes, no
//! `<` outside quoted values); a reference must end with `;` and name a
//! known entity or a valid code point. Anything else is left as text, so
//! `<<الحرب>>` or `a < b` stay as written.

/// The longest tag recognized, in bytes (longer ones are left as text).
pub const MAX_TAG: usize = 4096;

/// What a piece of markup stands for in the text kg reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replacement {
    /// Nothing: inline tags, comments, script and style blocks.
    Remove,
    /// A line break: block-level tags.
    LineBreak,
    /// One character: character references.
    Char(char),
}

/// Block-level elements, whose tags end a line.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

/// Named character references kg decodes (the ones news pages use).
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("apos", '\''),
    ("bull", '•'),
    ("copy", '©'),
    ("deg", '°'),
    ("divide", '÷'),
    ("gt", '>'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("ldquo", '“'),
    ("lrm", '\u{200E}'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("mdash", '—'),
    ("middot", '·'),
    ("nbsp", '\u{00A0}'),
    ("ndash", '–'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rlm", '\u{200F}'),
    ("rsquo", '’'),
    ("shy", '\u{00AD}'),
    ("times", '×'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
];

/// Finds markup in one text. Keeps the position of the next closing tag of
/// `script`/`style` and of the next `-->` so that a text full of unclosed
/// openers is still scanned in linear time.
pub struct Scanner<'a> {
    text: &'a str,
    /// Memoized `(searched from, found at)` per pattern.
    memo: [Option<(usize, Option<usize>)>; 3],
}

const PATTERNS: [&str; 3] = ["-->", "</script", "</style"];

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str) -> Self {
        Scanner {
            text,
            memo: [None; 3],
        }
    }

    /// Markup starting at byte `at` (where the text has `<` or `&`): its
    /// length in bytes and what it stands for.
    pub fn at(&mut self, at: usize) -> Option<(usize, Replacement)> {
        let rest = &self.text.as_bytes()[at..];
        match rest.first()? {
            b'&' => entity(rest).map(|(len, c)| (len, Replacement::Char(c))),
            b'<' => self.tag(at),
            _ => None,
        }
    }

    fn tag(&mut self, at: usize) -> Option<(usize, Replacement)> {
        let b = &self.text.as_bytes()[at..];
        if b.starts_with(b"<!--") {
            let end = self.find(0, at + 4)?;
            return Some((end + 3 - at, Replacement::Remove));
        }
        if b.len() > 2 && (b[1] == b'!' || b[1] == b'?') && b[2].is_ascii_alphabetic() {
            // <!DOCTYPE …>, <?xml …?>
            let len = tag_end(b, 2)?;
            return Some((len, Replacement::Remove));
        }
        let closing = b.get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        if !b.get(name_start)?.is_ascii_alphabetic() {
            return None;
        }
        let mut name_end = name_start;
        while name_end < b.len()
            && (b[name_end].is_ascii_alphanumeric() || matches!(b[name_end], b':' | b'-' | b'_'))
        {
            name_end += 1;
        }
        match b.get(name_end) {
            Some(b'>' | b'/') => {}
            Some(c) if c.is_ascii_whitespace() => {}
            _ => return None,
        }
        let len = tag_end(b, name_end)?;
        let name = std::str::from_utf8(&b[name_start..name_end])
            .ok()?
            .to_ascii_lowercase();
        let self_closing = b[len - 2] == b'/';
        if !closing && !self_closing && (name == "script" || name == "style") {
            // Remove the element with its content, when it is closed.
            let pattern = if name == "script" { 1 } else { 2 };
            if let Some(close) = self.find(pattern, at + len) {
                let close_len = tag_end(&self.text.as_bytes()[close..], PATTERNS[pattern].len())
                    .unwrap_or(PATTERNS[pattern].len());
                return Some((close + close_len - at, Replacement::Remove));
            }
        }
        let rep = if BLOCK.binary_search(&name.as_str()).is_ok() {
            Replacement::LineBreak
        } else {
            Replacement::Remove
        };
        Some((len, rep))
    }

    /// The next occurrence of `PATTERNS[p]` at or after `from` (ASCII case
    /// insensitive), memoized: each part of the text is searched once.
    fn find(&mut self, p: usize, from: usize) -> Option<usize> {
        if let Some((searched, found)) = self.memo[p]
            && searched <= from
            && found.is_none_or(|f| f >= from)
        {
            return found;
        }
        let pat = PATTERNS[p].as_bytes();
        let hay = &self.text.as_bytes()[from..];
        let found = hay
            .windows(pat.len())
            .position(|w| w.eq_ignore_ascii_case(pat))
            .map(|i| from + i);
        self.memo[p] = Some((from, found));
        found
    }
}

/// Length of a tag whose name or keyword ends at `from`: up to and
/// including `>`, skipping quoted attribute values. `None` when there is no
/// `>` within [`MAX_TAG`] bytes or a `<` comes first.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().skip(from).take(MAX_TAG) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'>') => return Some(i + 1),
            (None, b'<') => return None,
            _ => {}
        }
    }
    None
}

/// A character reference at the start of `b`: its length and character.
fn entity(b: &[u8]) -> Option<(usize, char)> {
    let semi = b.iter().take(34).position(|&c| c == b';')?;
    let body = std::str::from_utf8(&b[1..semi]).ok()?;
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 => u32::from_str_radix(hex, 16).ok()?,
            None if !num.is_empty()
                && num.len() <= 7
                && num.bytes().all(|d| d.is_ascii_digit()) =>
            {
                num.parse().ok()?
            }
            _ => return None,
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        ENTITIES
            .binary_search_by(|(n, _)| (*n).cmp(body))
            .ok()
            .map(|i| ENTITIES[i].1)?
    };
    Some((semi + 1, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(s: &str) -> Option<(usize, Replacement)> {
        Scanner::new(s).at(0)
    }

    #[test]
    fn tables_are_sorted() {
        assert!(BLOCK.windows(2).all(|w| w[0] < w[1]));
        assert!(ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn tags() {
        assert_eq!(scan("<b>x"), Some((3, Replacement::Remove)));
        assert_eq!(scan("</P>x"), Some((4, Replacement::LineBreak)));
        assert_eq!(scan("<br/>"), Some((5, Replacement::LineBreak)));
        assert_eq!(
            scan("<a href=\"x>y\" title='<'>z"),
            Some((24, Replacement::Remove))
        );
        assert_eq!(scan("<o:p></o:p>"), Some((5, Replacement::Remove)));
        assert_eq!(scan("<!-- c -->x"), Some((10, Replacement::Remove)));
        assert_eq!(scan("<!DOCTYPE html>"), Some((15, Replacement::Remove)));
        assert_eq!(
            scan("<script type=x>if (a<b) {}</script >z"),
            Some((36, Replacement::Remove))
        );
        assert_eq!(scan("<STYLE>p{}</Style>"), Some((18, Replacement::Remove)));
        for text in ["<<الحرب>>", "a < b", "<1", "<b", "<b <i>", "<عين>", "<!--"] {
            assert_eq!(scan(text), None, "{text}");
        }
    }

    #[test]
    fn unclosed_script_is_only_a_tag() {
        assert_eq!(scan("<script>x"), Some((8, Replacement::Remove)));
        let many = "<script>".repeat(10_000);
        let mut s = Scanner::new(&many);
        for i in 0..10_000 {
            assert_eq!(s.at(i * 8), Some((8, Replacement::Remove)));
        }
    }

    #[test]
    fn references() {
        assert_eq!(scan("&quot;"), Some((6, Replacement::Char('"'))));
        assert_eq!(scan("&amp;amp;"), Some((5, Replacement::Char('&'))));
        assert_eq!(scan("&#1593;"), Some((7, Replacement::Char('ع'))));
        assert_eq!(scan("&#x639;"), Some((7, Replacement::Char('ع'))));
        for text in [
            "&",
            "&quot",
            "&nosuch;",
            "&#;",
            "&#x;",
            "&#0;",
            "&#xD800;",
            "&#99999999;",
            "& x;",
        ] {
            assert_eq!(scan(text), None, "{text}");
        }
    }
}
