//! XML output on top of quick-xml's writer, with kg's escaping: the five
//! markup characters as entities, tab / newline / carriage return as
//! character references (so attribute values keep them: parsers normalize
//! literal ones to spaces), bidirectional controls (LRM, RLM, ALM, the
//! embeddings, overrides and isolates) as character references so they
//! survive editors and stay visible, and characters XML 1.0 forbids (other
//! C0 controls, U+FFFE, U+FFFF) dropped.

use std::borrow::Cow;
use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// Whether a character is a bidirectional formatting control.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Escapes text for an XML attribute value or text node (see the module
/// documentation).
pub fn escape(s: &str) -> Cow<'_, str> {
    let special = |c: char| {
        matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r')
            || is_bidi_control(c)
            || (c < ' ')
            || c == '\u{FFFE}'
            || c == '\u{FFFF}'
    };
    if !s.chars().any(special) {
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

/// An XML document being written, indented by two spaces.
pub struct Xml<W: Write> {
    w: Writer<W>,
}

impl<W: Write> Xml<W> {
    /// Starts a document with its XML declaration.
    pub fn new(w: W) -> std::io::Result<Self> {
        let mut w = Writer::new_with_indent(w, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(Xml { w })
    }

    fn element<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut el = BytesStart::new(name);
        for (k, v) in attrs {
            let value = escape(v);
            el.push_attribute(Attribute::from((k.as_bytes(), value.as_bytes())));
        }
        el
    }

    /// `<name attrs…>`
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        self.w.write_event(Event::Start(Self::element(name, attrs)))
    }

    /// `</name>`
    pub fn close(&mut self, name: &str) -> std::io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name attrs…/>`
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        self.w.write_event(Event::Empty(Self::element(name, attrs)))
    }

    /// `<name attrs…>text</name>`
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> std::io::Result<()> {
        self.open(name, attrs)?;
        self.w
            .write_event(Event::Text(BytesText::from_escaped(escape(text))))?;
        self.close(name)
    }

    /// Ends the document with a newline and returns the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.w.get_mut().write_all(b"\n")?;
        Ok(self.w.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_controls_and_bidi() {
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
