//! XML output, indented as quick-xml's writer indents (which kg used
//! before; the tests compare the two), with kg's escaping: the five
//! markup characters as entities, tab / newline / carriage return as
//! character references (so attribute values keep them: parsers normalize
//! literal ones to spaces), bidirectional controls (LRM, RLM, ALM, the
//! embeddings, overrides and isolates) as character references so they
//! survive editors and stay visible, and characters XML 1.0 forbids (other
//! C0 controls, U+FFFE, U+FFFF) dropped.

use std::borrow::Cow;
use std::io::Write;

/// Whether a character is a bidirectional formatting control.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is escaped or dropped by [`escape`].
fn special(c: char) -> bool {
    matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r')
        || is_bidi_control(c)
        || (c < ' ')
        || c == '\u{FFFE}'
        || c == '\u{FFFF}'
}

/// The bytes that may belong to a character [`escape`] changes: the C0
/// controls, the five markup characters, 0x9C (the end of U+061C), 0xE2
/// and 0xEF.
static MAYBE_SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = c < 0x20 || matches!(c, b'&' | b'<' | b'>' | b'"' | b'\'' | 0x9C | 0xE2 | 0xEF);
        i += 1;
    }
    t
};

/// Whether [`escape`] changes `s`, looking at bytes: the special characters
/// are ASCII, or start with the byte 0xD8 (U+061C), 0xE2 (U+200E…U+2069)
/// or 0xEF (U+FFFE, U+FFFF), bytes no other character has in that place.
fn needs_escape(s: &str) -> bool {
    let b = s.as_bytes();
    // First a scan by table for the bytes that may start or end a special
    // character (0x9C ends U+061C).
    if !b
        .iter()
        .fold(false, |a, &c| a | MAYBE_SPECIAL[usize::from(c)])
    {
        return false;
    }
    b.iter().enumerate().any(|(i, &c)| match c {
        0..=0x1F | b'&' | b'<' | b'>' | b'"' | b'\'' => true,
        0xD8 => b.get(i + 1) == Some(&0x9C),
        0xE2 | 0xEF => s[i..].chars().next().is_some_and(special),
        _ => false,
    })
}

/// Escapes text for an XML attribute value or text node (see the module
/// documentation).
pub fn escape(s: &str) -> Cow<'_, str> {
    if !needs_escape(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push_str(&format!("&#{};", c as u32)),
            c if is_bidi_control(c) => out.push_str(&format!("&#x{:04X};", c as u32)),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Bytes gathered before they are written to the underlying writer.
const BLOCK: usize = 32 << 10;

/// An XML document being written, indented by two spaces: every tag on a
/// line of its own, but for the closing tag right after a text.
pub struct Xml<W: Write> {
    w: W,
    /// The current indentation, in spaces.
    indent: usize,
    /// Whether the next tag starts a new line (not after a text).
    line_break: bool,
    /// What is written and not yet handed to `w` (in blocks of about
    /// [`BLOCK`] bytes: one write per element cost more than the element).
    buf: Vec<u8>,
}

impl<W: Write> Xml<W> {
    /// Starts a document with its XML declaration.
    pub fn new(w: W) -> std::io::Result<Self> {
        let mut x = Xml {
            w,
            indent: 0,
            line_break: false,
            buf: Vec::with_capacity(BLOCK + 1024),
        };
        x.buf
            .extend_from_slice(br#"<?xml version="1.0" encoding="UTF-8"?>"#);
        x.line_break = true;
        x.flush()?;
        Ok(x)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// Writes the gathered bytes once there is a block of them.
    fn done(&mut self) -> std::io::Result<()> {
        if self.buf.len() >= BLOCK {
            self.flush()?;
        }
        Ok(())
    }

    /// Starts a tag `<name attrs…` on a new line if one is due.
    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        if self.line_break {
            self.buf.push(b'\n');
            self.buf.resize(self.buf.len() + self.indent, b' ');
        }
        self.buf.push(b'<');
        self.buf.extend_from_slice(name.as_bytes());
        for (k, v) in attrs {
            self.buf.push(b' ');
            self.buf.extend_from_slice(k.as_bytes());
            self.buf.extend_from_slice(b"=\"");
            self.buf.extend_from_slice(escape(v).as_bytes());
            self.buf.push(b'"');
        }
    }

    /// `<name attrs…>`
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        self.tag(name, attrs);
        self.buf.push(b'>');
        self.indent += 2;
        self.line_break = true;
        self.done()
    }

    /// `</name>`
    pub fn close(&mut self, name: &str) -> std::io::Result<()> {
        self.indent = self.indent.saturating_sub(2);
        if self.line_break {
            self.buf.push(b'\n');
            self.buf.resize(self.buf.len() + self.indent, b' ');
        }
        self.buf.extend_from_slice(b"</");
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.push(b'>');
        self.line_break = true;
        self.done()
    }

    /// `<name attrs…/>`
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        self.tag(name, attrs);
        self.buf.extend_from_slice(b"/>");
        self.line_break = true;
        self.done()
    }

    /// `<name attrs…>text</name>`
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> std::io::Result<()> {
        self.tag(name, attrs);
        self.buf.push(b'>');
        self.buf.extend_from_slice(escape(text).as_bytes());
        self.buf.extend_from_slice(b"</");
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.push(b'>');
        self.line_break = true;
        self.done()
    }

    /// Ends the document with a newline and returns the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.flush()?;
        self.w.write_all(b"\n")?;
        Ok(self.w)
    }
}

#[cfg(test)]
mod tests {
    use quick_xml::events::attributes::Attribute;
    use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

    use super::*;

    /// The same calls on quick-xml's indenting writer (what kg used before).
    struct Reference(quick_xml::Writer<Vec<u8>>);

    impl Reference {
        fn element<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
            let mut el = BytesStart::new(name);
            for (k, v) in attrs {
                let value = escape(v);
                el.push_attribute(Attribute::from((k.as_bytes(), value.as_bytes())));
            }
            el
        }
        fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
            let el = Self::element(name, attrs);
            self.0.write_event(Event::Start(el)).unwrap();
        }
        fn close(&mut self, name: &str) {
            self.0.write_event(Event::End(BytesEnd::new(name))).unwrap();
        }
        fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
            let el = Self::element(name, attrs);
            self.0.write_event(Event::Empty(el)).unwrap();
        }
        fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
            self.open(name, attrs);
            let t = BytesText::from_escaped(escape(text));
            self.0.write_event(Event::Text(t)).unwrap();
            self.close(name);
        }
    }

    #[test]
    fn writes_what_quick_xml_wrote() {
        let mut r = Reference(quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2));
        let decl = BytesDecl::new("1.0", Some("UTF-8"), None);
        r.0.write_event(Event::Decl(decl)).unwrap();
        let mut x = Xml::new(Vec::new()).unwrap();
        let a: &[(&str, &str)] = &[("id", "n<1>"), ("label", "عين\u{200F} \"x\"")];
        r.open("graph", a);
        x.open("graph", a).unwrap();
        for depth in 0..3 {
            r.open("node", &a[..1]);
            x.open("node", &a[..1]).unwrap();
            r.text("data", a, "t&\n\u{1}");
            x.text("data", a, "t&\n\u{1}").unwrap();
            r.empty("e", &[]);
            x.empty("e", &[]).unwrap();
            if depth == 1 {
                r.text("data", &[], "");
                x.text("data", &[], "").unwrap();
            }
        }
        for _ in 0..3 {
            r.close("node");
            x.close("node").unwrap();
        }
        r.close("graph");
        x.close("graph").unwrap();
        let mut expected = r.0.into_inner();
        expected.push(b'\n');
        assert_eq!(
            String::from_utf8(x.finish().unwrap()).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    #[test]
    fn escapes_markup_controls_and_bidi() {
        for s in [
            "plain عربي",
            "\u{061C}\u{061B}",
            "\u{2069}\u{2070}\u{2010}",
            "\u{FFFE}\u{FFFD}",
            "\u{FEFF}",
        ] {
            let slow = s.chars().any(special);
            assert_eq!(needs_escape(s), slow, "{s:?}");
        }
        assert_eq!(escape("plain عربي"), "plain عربي");
        assert_eq!(escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
        assert_eq!(escape("x\u{200F}y\u{2067}z"), "x&#x200F;y&#x2067;z");
        assert_eq!(escape("l1\nl2\tx\u{1}"), "l1&#10;l2&#9;x");
        let mut x = Xml::new(Vec::new()).unwrap();
        x.text("t", &[("k", "<\u{200E}>")], "&").unwrap();
        let out = String::from_utf8(x.finish().unwrap()).unwrap();
        assert!(
            out.ends_with("<t k=\"&lt;&#x200E;&gt;\">&amp;</t>\n"),
            "{out}"
        );
    }
}
