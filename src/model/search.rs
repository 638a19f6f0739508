//! What search can find, by kind: part of the model, because the search page (render) offers a
//! filter for each kind the site has and the index (output) files every document under one.

use serde::Serialize;

use crate::model::Site;
use crate::model::page::PageKind;

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
