//! `sitemap.xml` and `robots.txt`.

use crate::text::escape::escape_xml;
use std::fmt::Write;

use crate::config::Config;
use crate::languages::SiteLanguages;
use crate::render::RenderedPage;

/// The sitemap's path in the output folder.
pub const SITEMAP: &str = "sitemap.xml";

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const URLSET: &str = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
/// On a site in several languages, each page names its versions in the others (Google's
/// `xhtml:link` alternates).
const URLSET_LANGUAGES: &str = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const END: &str = "</urlset>\n";

/// A sitemap of every page, in URL order, with the date each last changed where known, and
/// on a site in several languages each page's versions in every language it is in.
pub fn render_sitemap(
    config: &Config,
    languages: &SiteLanguages,
    pages: &[RenderedPage],
) -> String {
    let mut xml = String::from(HEAD);
    xml.push_str(if languages.is_multilingual() {
        URLSET_LANGUAGES
    } else {
        URLSET
    });
    for page in pages {
        let _ = write!(
            xml,
            "  <url><loc>{}</loc>",
            escape_xml(&config.absolute_url(page.url.as_str()))
        );
        if let Some(date) = page.last_modified {
            let _ = write!(xml, "<lastmod>{date}</lastmod>");
        }
        for alternate in languages
            .alternates(page.url.as_str())
            .iter()
            .filter(|a| a.has_page)
        {
            let _ = write!(
                xml,
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape_xml(alternate.tag),
                escape_xml(&alternate.absolute)
            );
        }
        xml.push_str("</url>\n");
    }
    xml.push_str(END);
    xml
}

/// One sitemap of the pages of several (each language's), in the order given.
pub fn merge(sitemaps: &[std::sync::Arc<Vec<u8>>]) -> Vec<u8> {
    let mut xml = String::from(HEAD);
    xml.push_str(URLSET_LANGUAGES);
    for sitemap in sitemaps {
        let text = String::from_utf8_lossy(sitemap);
        for line in text.lines().filter(|l| l.starts_with("  <url>")) {
            xml.push_str(line);
            xml.push('\n');
        }
    }
    xml.push_str(END);
    xml.into_bytes()
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
