//! Site search, an output of stage 4: an elasticlunr index over every kind of content, laid
//! out in small files so that a first query on a slow phone fetches only a few kilobytes.
//!
//! - [`documents`]: what is searchable, as neutral [`SearchDocument`]s;
//! - [`text`]: how text becomes terms in the site's language (the script does exactly the
//!   same): English stemmed, every other language plain;
//! - [`index`]: the elasticlunr-rs index and its postings;
//! - [`layout`]: manifest, term shards and record files (eight documents each) under
//!   `/search/`;
//! - [`kept`]: the index `serve` keeps between rebuilds, updated one document at a time;
//! - [`query`]: querying the shards as the script does, for tests and the benchmark.
//!
//! The search page itself is rendered with the other pages (`src/render/search.rs`); the
//! script is `themes/hub/static/js/search.js`. Nothing here stores or sends a query.

pub mod documents;
pub mod index;
pub mod kept;
pub mod layout;
pub mod query;
pub mod text;

pub use crate::model::search::SearchKind;
pub use documents::SearchDocument;

use crate::model::Site;

/// Everything search can find, sorted by kind then address (document numbers follow this
/// order, so each kind is one run of numbers).
///
/// This is the hook for new kinds of content: services add a `documents_from_services(site)`
/// in [`documents`] (as `documents_from_sessions` does for the programme: kind,
/// title, summary, topics, body, and key facts such as "Tuesday 5 March 2024, 10am",
/// "Online", "Targeted support", "Free"; a session adds its booking state) and one line each below.
pub fn documents(site: &Site) -> Vec<SearchDocument> {
    let mut all = documents::documents_from_pages(site);
    all.extend(documents::documents_from_topics(site));
    all.extend(documents::documents_from_sessions(site));
    all.extend(documents::documents_from_services(site));
    // Services (directory) add theirs here.
    all.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.url.cmp(&b.url)));
    all
}

/// The search files: `search/manifest.json`, `search/t/<n>.json`, `search/d/<n>.json`, for
/// the pages in the site's language (`site.config.language`: each language's build has its own
/// index, under its own folder).
pub fn render_search_files(site: &Site) -> Result<Vec<(String, Vec<u8>)>, serde_json::Error> {
    let documents = documents(site);
    let analysis = text::Analysis::for_language(&site.config.language);
    let postings = index::Postings::build(&documents, analysis);
    Ok(layout::lay_out(&documents, &postings, analysis))
}
