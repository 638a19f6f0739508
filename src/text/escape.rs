//! Escaping text for XML: the sitemap, feeds, SVG labels and the ORUK export.

/// Escapes text for XML content and attribute values.
pub fn escape_xml(text: &str) -> String {
    escape(text, Quotes::Both)
}

/// Escapes text the theme wrote (a translation's words) for HTML text and double-quoted
/// attributes: `&`, `<`, `>` and `"`; an apostrophe stays as written, as in a template's text.
pub fn escape_html_text(text: &str) -> String {
    escape(text, Quotes::Double)
}

/// Which quotes [`escape`] turns into entities.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quotes {
    Both,
    Double,
}

fn escape(text: &str, quotes: Quotes) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' if quotes == Quotes::Both => out.push_str("&apos;"),
            c if quotes == Quotes::Both
                && (c as u32) < 0x20
                && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_xml_escapes_markup_and_drops_control_characters() {
        assert_eq!(escape_xml("a<b>&\"'\u{1}"), "a&lt;b&gt;&amp;&quot;&apos;");
    }
}
