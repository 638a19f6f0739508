//! The search page, `/search/`: the form, the kind filter and an empty results list that
//! `js/search.js` fills in; without JavaScript, a clear message and ways to browse instead.

use std::path::PathBuf;

use serde::Serialize;

use crate::diag::{Code, Diagnostic};
use crate::model::paths::{DIRECTORY_A_TO_Z, Section};
use crate::model::search::{SearchKind, kinds_present};
use crate::model::{Site, UrlPath};
use crate::render::RenderedPage;
use crate::render::templates::Templates;
use crate::render::views::{Link, SiteView, is_published, shows_exit};

/// The view of the search page.
#[derive(Debug, Serialize)]
pub struct SearchView<'a> {
    /// The site.
    pub site: &'a SiteView,
    /// Its full public address.
    pub canonical_url: String,
    /// The kinds of result the site has, for the filter.
    pub kinds: Vec<KindOption>,
    /// Where to browse without search: the A to Z, topics, the programme (those that exist);
    /// each title is the name of the theme's message for it.
    pub browse: Vec<Link>,
    /// Whether to show 'Exit this page'.
    pub show_exit: bool,
}

/// One choice of the kind filter.
#[derive(Debug, Serialize)]
pub struct KindOption {
    /// The code the index uses (`self-help`).
    pub code: &'static str,
}

/// Renders `/search/`.
pub fn render_search_page(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
) -> Result<RenderedPage, Diagnostic> {
    let present = kinds_present(site);
    let kinds = SearchKind::ALL
        .into_iter()
        .filter(|k| present.contains(k))
        .map(|k| KindOption { code: k.code() })
        .collect();
    let browse = [
        ("search-browse-a-to-z", DIRECTORY_A_TO_Z),
        ("search-browse-topics", Section::Topics.url()),
        ("search-browse-programme", Section::Programme.url()),
        ("search-browse-self-help", "/self-help/"),
    ]
    .into_iter()
    .filter(|(_, url)| is_published(site, url))
    .map(|(title, url)| Link {
        title: title.to_owned(),
        url: url.to_owned(),
    })
    .collect();
    let view = SearchView {
        site: site_view,
        canonical_url: site.config.absolute_url(Section::Search.url()),
        kinds,
        browse,
        // Always, when the site has anything sensitive: the page is the same for every query
        // (results are drawn in the reader's browser), so it works without JavaScript and the
        // control never appears under the reader's finger halfway through typing.
        show_exit: shows_exit(site, Section::Search.name(), site.sensitivity()),
    };
    let html = templates.render("search.html", &view, "search page")?;
    let url = UrlPath::from_slugs(&[crate::model::Slug::parse("search")
        .map_err(|e| Diagnostic::file("search", e.to_string()).code(Code::Internal))?]);
    Ok(RenderedPage {
        url,
        html,
        source: PathBuf::from("search"),
        last_modified: None,
    })
}
