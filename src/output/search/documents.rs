//! What search indexes: one neutral [`SearchDocument`] per thing a reader can find, whatever
//! kind of content it came from.
//!
//! Markdown pages are turned into documents here ([`documents_from_pages`]). Sessions and
//! services add theirs through the same type: see [`super::documents`], the one place that
//! gathers every kind.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Page, PageKind, Site};

/// The kinds of result a reader can filter by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SearchKind {
    /// A page that is not self-help: about the week, accessibility, news.
    Page,
    /// A page under `/self-help/`.
    SelfHelp,
    /// A session of the programme.
    Session,
    /// A service in the directory.
    Service,
    /// A leaflet, video or other resource.
    Resource,
    /// A topic's page.
    Topic,
}

impl SearchKind {
    /// Every kind, in the order the filter lists them.
    pub const ALL: [SearchKind; 6] = [
        SearchKind::Session,
        SearchKind::SelfHelp,
        SearchKind::Service,
        SearchKind::Resource,
        SearchKind::Topic,
        SearchKind::Page,
    ];

    /// The short name used in the index and by the script (`self-help`).
    pub fn code(self) -> &'static str {
        match self {
            SearchKind::Page => "page",
            SearchKind::SelfHelp => "self-help",
            SearchKind::Session => "session",
            SearchKind::Service => "service",
            SearchKind::Resource => "resource",
            SearchKind::Topic => "topic",
        }
    }

    /// The label a reader sees ('Self-help').
    pub fn label(self) -> &'static str {
        match self {
            SearchKind::Page => "Page",
            SearchKind::SelfHelp => "Self-help",
            SearchKind::Session => "Session",
            SearchKind::Service => "Service",
            SearchKind::Resource => "Resource",
            SearchKind::Topic => "Topic",
        }
    }
}

/// One thing search can find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDocument {
    /// What it is.
    pub kind: SearchKind,
    /// Its site path (`/self-help/arguments/`).
    pub url: String,
    /// Its title, the result's link text.
    pub title: String,
    /// One sentence about it.
    pub summary: String,
    /// The names of its topics.
    pub topics: Vec<String>,
    /// Its text, in full (search must not lose words past some length).
    pub body: String,
    /// Short facts shown with the result and searched too: "Tuesday 5 March 2024, 10am",
    /// "Booking open", "Targeted support", "Free".
    pub facts: Vec<String>,
    /// The section it sits in, for the reader ("Self-help"), or empty.
    pub section: String,
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
        url: page.url.to_string(),
        title: page.title.clone(),
        summary: page.summary.clone(),
        topics: page
            .topics
            .iter()
            .map(|&t| site.topics.list[t].name.clone())
            .collect(),
        body: plain_text(site.raw(page).body()),
        facts: page
            .date
            .map(crate::render::format::format_date)
            .into_iter()
            .collect(),
        section: section.unwrap_or_default(),
    })
}

/// One document per topic page, so a search for a topic's name finds its page.
pub fn documents_from_topics(site: &Site) -> Vec<SearchDocument> {
    site.topics
        .list
        .iter()
        .map(|topic| SearchDocument {
            kind: SearchKind::Topic,
            url: format!("/topics/{}/", topic.slug),
            title: topic.name.clone(),
            summary: topic.description.clone(),
            // Its name is its title already; counting it again as a topic would rank the topic
            // page above the pages about it.
            topics: Vec::new(),
            body: String::new(),
            facts: Vec::new(),
            section: "Topics".to_owned(),
        })
        .collect()
}

/// One document per session of the programme: its day and time, format and booking status as
/// key facts; its description, venue and hosts as the body; its week as the section.
pub fn documents_from_sessions(site: &Site) -> Vec<SearchDocument> {
    use crate::render::format::{format_day, format_time_range};
    site.sessions
        .iter()
        .map(|session| {
            let week = site.weeks.get(session.week);
            let when = format!(
                "{}, {}",
                format_day(session.local_start.date()),
                format_time_range(session.local_start.time(), session.local_end.time())
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
                url: session.url.to_string(),
                title: session.title.clone(),
                summary: session.summary.clone(),
                topics: session
                    .topics
                    .iter()
                    .map(|&t| site.topics.list[t].name.clone())
                    .collect(),
                body,
                facts: vec![
                    when,
                    session.format.label().to_owned(),
                    booking_fact(session.booking.status).to_owned(),
                ],
                section: week.map(|w| w.name.clone()).unwrap_or_default(),
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
                body.push_str(category.label());
            }
            let cost = if service.cost.free {
                "Free".to_owned()
            } else {
                service.cost.description.clone()
            };
            let access = service
                .access
                .iter()
                .map(|a| a.label())
                .collect::<Vec<_>>()
                .join(", ");
            SearchDocument {
                kind: SearchKind::Service,
                url: service.url.to_string(),
                title: service.name.clone(),
                summary: service.summary.clone(),
                topics: service
                    .topics
                    .iter()
                    .map(|&t| site.topics.list[t].name.clone())
                    .collect(),
                body,
                facts: [service.level.label().to_owned(), cost, access]
                    .into_iter()
                    .filter(|f| !f.is_empty())
                    .collect(),
                section: "Directory".to_owned(),
            }
        })
        .collect()
}

/// What the organiser says about booking, as a result shows it. (The phase at the build's
/// 'now' is left out: the index is not rebuilt as time passes.)
fn booking_fact(status: crate::model::booking::BookingStatus) -> &'static str {
    use crate::model::booking::BookingStatus::*;
    match status {
        Open => "Booking open",
        Waitlist => "Waiting list",
        Full => "Full",
        Closed => "Booking closed",
        Cancelled => "Cancelled",
        NotRequired => "No need to book",
    }
}

/// The kinds of document the site has, without building them: for the search page's filter.
/// Follows the rules of the `documents_from_*` functions; a new kind adds its rule here.
pub fn kinds_present(site: &Site) -> Vec<SearchKind> {
    let mut kinds = Vec::new();
    let pages = site.pages.iter().filter(|p| p.kind != PageKind::Home);
    let (self_help, other): (Vec<_>, Vec<_>) = pages.partition(|p| p.section_name == "self-help");
    if !self_help.is_empty() {
        kinds.push(SearchKind::SelfHelp);
    }
    if !other.is_empty() {
        kinds.push(SearchKind::Page);
    }
    if !site.topics.list.is_empty() {
        kinds.push(SearchKind::Topic);
    }
    if !site.sessions.is_empty() {
        kinds.push(SearchKind::Session);
    }
    if !site.services.is_empty() {
        kinds.push(SearchKind::Service);
    }
    kinds
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
