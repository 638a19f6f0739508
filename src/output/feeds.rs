//! Atom feeds: one for each section whose pages have dates (a news section).

use std::fmt::Write;

use crate::model::{PageKind, Site};
use crate::text::escape::escape_xml;

/// A feed ready to write.
#[derive(Debug, Clone)]
pub struct Feed {
    /// Its output path, e.g. `news/atom.xml`.
    pub path: String,
    /// The Atom document.
    pub xml: String,
    /// The section it comes from, for messages.
    pub origin: String,
}

/// A feed per section with dated pages, newest first. Entries' times are the pages' dates at
/// midnight UTC, so feeds depend on the content only, never on the clock.
pub fn render_feeds(site: &Site) -> Vec<Feed> {
    let config = &site.config;
    let mut feeds = Vec::new();
    for section in site.pages.iter().filter(|p| p.kind == PageKind::Section) {
        let mut entries: Vec<_> = section
            .children
            .iter()
            .map(|&id| &site.pages[id])
            .filter(|p| p.date.is_some())
            .collect();
        if entries.is_empty() {
            continue;
        }
        entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.url.cmp(&b.url)));
        let path = format!("{}atom.xml", &section.url.as_str()[1..]);
        let feed_url = config.absolute_url(&format!("/{path}"));
        let updated = entries[0].date.map(|d| d.to_string()).unwrap_or_default();
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = write!(
            xml,
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{} – {}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link href=\"{}\"/>\n  <updated>{}T00:00:00Z</updated>\n",
            escape_xml(&config.language),
            escape_xml(&config.title),
            escape_xml(&section.title),
            escape_xml(&feed_url),
            escape_xml(&feed_url),
            escape_xml(&config.absolute_url(section.url.as_str())),
            updated,
        );
        for page in entries {
            let url = escape_xml(&config.absolute_url(page.url.as_str()));
            let date = page.date.map(|d| d.to_string()).unwrap_or_default();
            let _ = write!(
                xml,
                "  <entry>\n    <title>{}</title>\n    <id>{url}</id>\n    <link href=\"{url}\"/>\n    <updated>{date}T00:00:00Z</updated>\n    <summary>{}</summary>\n    <author><name>{}</name></author>\n  </entry>\n",
                escape_xml(&page.title),
                escape_xml(&page.summary),
                escape_xml(
                    config
                        .organisation
                        .as_ref()
                        .map_or(&config.title, |o| &o.name)
                ),
            );
        }
        xml.push_str("</feed>\n");
        feeds.push(Feed {
            path,
            xml,
            origin: site.raw(section).file.path.to_string_lossy().into_owned(),
        });
    }
    feeds
}
