//! What search indexes: one neutral [`SearchDocument`] per thing a reader can find, whatever
//! kind of content it came from.
//!
//! Markdown pages are turned into documents here ([`documents_from_pages`]). Sessions and
//! services add theirs through the same type: see [`super::documents`], the one place that
//! gathers every kind.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use rayon::prelude::*;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::paths::topic_url;
use crate::model::search::SearchKind;
use crate::model::{ById, Page, PageKind, Site};

/// One thing search can find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDocument {
    /// What it is.
    pub kind: SearchKind,
    /// The link to it (`/self-help/arguments/`, under the site's folder if it has one): what
    /// a result links to, and how the index tells documents apart.
    pub url: String,
    /// Its title, the result's link text.
    pub title: String,
    /// One sentence about it.
    pub summary: String,
    /// The names of its topics.
    pub topics: Vec<String>,
    /// Its text, in full (search must not lose words past some length). Shared: `serve`
    /// keeps a page's body from one index to the next, and two documents of one body compare
    /// equal at once.
    pub body: Arc<str>,
    /// Short facts shown with the result and searched too: "Tuesday 5 March 2024, 10am",
    /// "Booking open", "Targeted support", "Free".
    pub facts: Vec<String>,
    /// The section it sits in, for the reader ("Self-help"), or empty.
    pub section: String,
    /// A session's booking state, for its result to show as its page does.
    pub booking: Option<BookingState>,
}

/// A session's booking state in its search result: the moments the page script
/// (`js/phases.js`) needs to find the phase when the result is read, and the tag the session's
/// pages show in each phase it can still reach (the build-time one first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingState {
    /// The organiser's status (`open`, `closed`...).
    pub status: String,
    /// Booking opens (RFC 3339), or empty.
    pub opens: String,
    /// Booking closes, or empty.
    pub closes: String,
    /// The session starts.
    pub start: String,
    /// The session ends.
    pub end: String,
    /// One tag per phase, in order.
    pub tags: Vec<PhaseTag>,
}

/// The words of a booking tag in one phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseTag {
    /// The phase (`booking-closed`).
    pub phase: String,
    /// What the tag says ('Booking closed').
    pub text: String,
    /// Its style hint: open, warning, closed, now, past.
    pub tone: String,
}

impl BookingState {
    /// The state of `session`, built with the same clock and tags as its pages.
    pub fn of(site: &Site, session: &crate::model::session::Session) -> BookingState {
        use crate::render::programme::cards::{phase_clock, phase_texts, tag_text};
        let clock = phase_clock(session, site.now);
        let tags = phase_texts(session, site, tag_text)
            .into_iter()
            .map(|t| PhaseTag {
                phase: t.phase.to_owned(),
                text: t.text,
                tone: t.tone.to_owned(),
            })
            .collect();
        BookingState {
            status: clock.status.to_owned(),
            opens: clock.opens,
            closes: clock.closes,
            start: clock.start,
            end: clock.end,
            tags,
        }
    }
}

/// One document per published Markdown page, except the home page: self-help for pages
/// under `/self-help/`, page otherwise. The body is the Markdown's plain text.
pub fn documents_from_pages(site: &Site) -> Vec<SearchDocument> {
    // Across cores: turning every page's Markdown into plain text is most of the work.
    site.pages
        .par_iter()
        .filter_map(|page| page_document(site, page))
        .collect()
}

/// The document of one page; none for the home page.
pub fn page_document(site: &Site, page: &Page) -> Option<SearchDocument> {
    let mut document = page_head(site, page)?;
    document.body = page_body(site, page);
    Some(document)
}

/// One page's body: its Markdown's plain text, most of what a document weighs (a one-off
/// build makes it only when the document is indexed, a few hundred at a time).
pub fn page_body(site: &Site, page: &Page) -> Arc<str> {
    let raw = site.raw(page);
    // A page whose file cannot be read again has no text to find: render reports it.
    raw.source()
        .map(|file| plain_text(raw.body_in(&file)).into())
        .unwrap_or_default()
}

/// The document of one page without its body ([`page_body`]); none for the home page.
pub fn page_head(site: &Site, page: &Page) -> Option<SearchDocument> {
    if page.kind == PageKind::Home {
        return None;
    }
    let kind = if page.section_name == "self-help" {
        SearchKind::SelfHelp
    } else {
        SearchKind::Page
    };
    let section = site
        .section(&page.section_name)
        .filter(|s| s.url != page.url)
        .map(|s| s.title.clone());
    Some(SearchDocument {
        kind,
        url: site.config.href(page.url.as_str()).into_owned(),
        title: page.title.clone(),
        summary: page.summary.clone(),
        topics: page
            .topics
            .iter()
            .map(|&t| site.topics.list[t].name.clone())
            .collect(),
        body: Arc::default(),
        facts: page.date.map(|d| site.dates.date(d)).into_iter().collect(),
        section: section.unwrap_or_default(),
        booking: None,
    })
}

/// One document per topic page, so a search for a topic's name finds its page.
pub fn documents_from_topics(site: &Site) -> Vec<SearchDocument> {
    site.topics
        .list
        .iter()
        .map(|topic| SearchDocument {
            kind: SearchKind::Topic,
            url: site.config.href(&topic_url(&topic.slug)).into_owned(),
            title: topic.name.clone(),
            summary: topic.description.clone(),
            // Its name is its title already; counting it again as a topic would rank the topic
            // page above the pages about it.
            topics: Vec::new(),
            body: Arc::default(),
            facts: Vec::new(),
            section: site.t("topics-title"),
            booking: None,
        })
        .collect()
}

/// Every word a document adds of its own (a session's format, a service's level, categories,
/// cost and access, the sections 'Topics' and 'Directory') is the theme's message in the site's
/// language, as its page shows it.
///
/// One document per session of the programme: its day and time and format as key facts; its
/// description, venue and hosts as the body; its week as the section; its booking state as the
/// session's page shows it, phase by phase (not a fact: facts do not change as time passes).
pub fn documents_from_sessions(site: &Site) -> Vec<SearchDocument> {
    site.sessions
        .iter()
        .map(|session| {
            let week = site.weeks.by_id(session.week);
            let when = format!(
                "{}, {}",
                site.dates.day(session.local_start.date()),
                site.dates
                    .time_range(session.local_start.time(), session.local_end.time())
            );
            let mut body = session
                .description
                .as_ref()
                .map(|d| plain_text(&d.text))
                .unwrap_or_default();
            for extra in session
                .venue
                .iter()
                .map(|v| v.name.as_str())
                .chain(session.hosts.iter().map(|h| h.name.as_str()))
            {
                body.push(' ');
                body.push_str(extra);
            }
            SearchDocument {
                kind: SearchKind::Session,
                url: site.config.href(session.url.as_str()).into_owned(),
                title: session.title.clone(),
                summary: session.summary.clone(),
                topics: session
                    .topics
                    .iter()
                    .map(|&t| site.topics.list[t].name.clone())
                    .collect(),
                body: body.into(),
                facts: vec![when, site.t(session.format.message_key())],
                section: week.map(|w| w.name.clone()).unwrap_or_default(),
                booking: Some(BookingState::of(site, session)),
            }
        })
        .collect()
}

/// One document per service of the directory: its level of support, cost and how to get it
/// are the key facts a result shows.
pub fn documents_from_services(site: &Site) -> Vec<SearchDocument> {
    site.services
        .iter()
        .map(|service| {
            let mut body = plain_text(&service.description);
            for extra in [
                &service.organisation,
                &service.eligibility,
                &service.referral,
                &service.area,
            ]
            .into_iter()
            .chain(service.languages.iter())
            .chain(service.locations.iter().map(|l| &l.name))
            {
                body.push(' ');
                body.push_str(extra);
            }
            for category in &service.categories {
                body.push(' ');
                body.push_str(&site.t(category.key()));
            }
            let cost = if service.cost.free {
                site.t("cost-free")
            } else {
                service.cost.description.clone()
            };
            let access = service
                .access
                .iter()
                .map(|a| site.t(a.key()))
                .collect::<Vec<_>>()
                .join(", ");
            SearchDocument {
                kind: SearchKind::Service,
                url: site.config.href(service.url.as_str()).into_owned(),
                title: service.name.clone(),
                summary: service.summary.clone(),
                topics: service
                    .topics
                    .iter()
                    .map(|&t| site.topics.list[t].name.clone())
                    .collect(),
                body: body.into(),
                facts: [site.t(service.level.key()), cost, access]
                    .into_iter()
                    .filter(|f| !f.is_empty())
                    .collect(),
                section: site.t("nav-directory"),
                booking: None,
            }
        })
        .collect()
}

/// The words of a Markdown text, without its markup: text, code and image descriptions,
/// with blocks kept apart by spaces.
pub fn plain_text(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::Rule => text.push(' '),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell)
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock,
            ) if !text.ends_with(' ') && !text.is_empty() => {
                text.push(' ');
            }
            _ => {}
        }
    }
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_words_and_drops_markup() {
        let md = "# Talking\n\nSome **bold** and [a link](x.md).\n\n| a | b |\n|---|---|\n| one | two |\n\n- first\n- second";
        assert_eq!(
            plain_text(md),
            "Talking Some bold and a link. a b one two first second"
        );
    }
}
