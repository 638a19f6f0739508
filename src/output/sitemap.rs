//! `sitemap.xml` and `robots.txt`.

use std::fmt::Write;

use crate::config::Config;
use crate::render::RenderedPage;

/// A sitemap of every page, in URL order, with the date each last changed where known.
pub fn render_sitemap(config: &Config, pages: &[RenderedPage]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for page in pages {
        let _ = write!(
            xml,
            "  <url><loc>{}</loc>",
            escape_xml(&config.absolute_url(page.url.as_str()))
        );
        if let Some(date) = page.last_modified {
            let _ = write!(xml, "<lastmod>{date}</lastmod>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Lets every crawler in and points it at the sitemap.
pub fn render_robots(config: &Config) -> String {
    // Crawlers read robots.txt only at the root of a host: a site under a folder publishes one
    // that the host's own can copy from.
    format!(
        "User-agent: *\nAllow: {}\nSitemap: {}\n",
        config.href("/"),
        config.absolute_url("/sitemap.xml")
    )
}

/// Escapes text for XML content and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
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
