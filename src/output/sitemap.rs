//! `sitemap.xml` and `robots.txt`.

use crate::text::escape::escape_xml;
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
