//! Site search, an output of stage 4: an elasticlunr index over every kind of content, laid
//! out in small files so that a first query on a slow phone fetches only a few kilobytes.
//!
//! - [`documents`]: what is searchable, as neutral [`SearchDocument`]s;
//! - [`text`]: how text becomes terms in the site's language (the script does exactly the
//!   same): English stemmed, every other language plain;
//! - [`index`]: the elasticlunr-rs index and its postings;
//! - `words`: a run of documents' words counted into postings, each worker thread with its
//!   memo of words' terms;
//! - [`compact`]: the same postings coded in a few bytes each, built a few hundred documents
//!   at a time, for a one-off build's bounded memory;
//! - [`layout`]: manifest, term shards and record files (eight documents each) under
//!   `/search/`;
//! - [`kept`]: the index `serve` keeps between rebuilds, updated one document at a time;
//! - [`query`]: querying the shards as the script does, for tests and the benchmark.
//!
//! The search page itself is rendered with the other pages (`src/render/search.rs`); the
//! script is `themes/hub/static/js/search.js`. Nothing here stores or sends a query.

pub mod compact;
pub mod documents;
pub mod index;
pub mod kept;
pub mod layout;
pub mod query;
pub mod text;
mod words;

pub use crate::model::search::SearchKind;
pub use documents::SearchDocument;

use rayon::prelude::*;

use crate::model::{Page, Site};

/// Everything search can find, sorted by kind then address (document numbers follow this
/// order, so each kind is one run of numbers).
///
/// This is the hook for new kinds of content: services add a `documents_from_services(site)`
/// in [`documents`] (as `documents_from_sessions` does for the programme: kind,
/// title, summary, topics, body, and key facts such as "Tuesday 5 March 2024, 10am",
/// "Online", "Targeted support", "Free"; a session adds its booking state) and one line each in
/// [`heads`].
pub fn documents(site: &Site) -> Vec<SearchDocument> {
    let Heads {
        mut documents,
        pages,
    } = heads(site);
    documents
        .par_iter_mut()
        .zip(&pages)
        .for_each(|(document, page)| {
            if let Some(page) = page {
                document.body = documents::page_body(site, page);
            }
        });
    documents
}

/// [`documents`] with each page's body not yet made (a page's plain text is most of what a
/// document weighs: a one-off build makes it only when the document is indexed).
#[derive(Debug)]
pub struct Heads<'a> {
    /// In [`documents`]' order; a page's body is empty.
    pub documents: Vec<SearchDocument>,
    /// For each document, the page whose body it still needs ([`documents::page_body`]).
    pub pages: Vec<Option<&'a Page>>,
}

/// Every document search can find, in [`documents`]' order, pages' bodies left to make.
pub fn heads(site: &Site) -> Heads<'_> {
    let mut all: Vec<(SearchDocument, Option<&Page>)> = site
        .pages
        .par_iter()
        .filter_map(|page| documents::page_head(site, page).map(|head| (head, Some(page))))
        .collect();
    let ready = documents::documents_from_topics(site)
        .into_iter()
        .chain(documents::documents_from_sessions(site))
        .chain(documents::documents_from_services(site));
    all.extend(ready.map(|document| (document, None)));
    all.sort_by(|a, b| a.0.kind.cmp(&b.0.kind).then_with(|| a.0.url.cmp(&b.0.url)));
    let (documents, pages) = all.into_iter().unzip();
    Heads { documents, pages }
}

/// The search files: `search/manifest.json`, `search/t/<n>.json`, `search/d/<n>.json`, for
/// the pages in the site's language (`site.config.language`: each language's build has its own
/// index, under its own folder).
///
/// In bounded memory ([`compact`]): each page's text is made as it is indexed, a run of
/// [`words::RUN`] on each core at a time, and dropped; postings are kept coded, a few bytes each; and each term's
/// postings are let go as its entry is laid out; each file is handed to `put` (path, bytes)
/// as soon as it is laid out (a folder's files in turn, beside the layout), so that a build
/// can write it and let it go;
/// gives what `put` gave for each file, in order. The files are those
/// of [`layout::lay_out`] over [`documents`], in the same order (tested), which `serve` keeps
/// ([`kept`]).
pub fn render_search_files<T: Send>(site: &Site, put: &layout::Put<T>) -> Vec<T> {
    let Heads {
        mut documents,
        pages,
    } = heads(site);
    let analysis = text::Analysis::for_language(&site.config.language);
    let postings = compact::CompactPostings::build(&mut documents, analysis, |n, document| {
        if let Some(page) = pages[n] {
            document.body = documents::page_body(site, page);
        }
    });
    compact::lay_out(&documents, postings, analysis, layout::SHARD_BYTES, put)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a build publishes ([`render_search_files`], in bounded memory) is what `serve`'s
    /// whole index lays out ([`layout::lay_out`] over [`documents`]), on real sites: pages,
    /// sessions, services and topics, in English, Welsh and Arabic.
    #[test]
    fn a_build_lays_out_the_files_serve_lays_out_on_every_fixture() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let sites = [
            repo.to_path_buf(),
            repo.join("tests/sites/council"),
            repo.join("tests/sites/arabic"),
            repo.join("tests/sites/cymraeg"),
            repo.join("tests/sites/search"),
            repo.join("tests/sites/minimal"),
        ];
        for root in sites {
            let sources = crate::load::load_site(&root, &Default::default()).expect("it loads");
            let options = crate::model::ModelOptions {
                drafts: false,
                now: "2026-11-26T10:00:00Z".parse().expect("a time"),
            };
            let (site, _) = crate::model::build_site(&sources, &options).expect("it builds");
            let analysis = text::Analysis::for_language(&site.config.language);
            let documents = documents(&site);
            let whole = layout::lay_out(
                &documents,
                &index::Postings::build(&documents, analysis),
                analysis,
            );
            let built = render_search_files(&site, &|path, bytes| (path, bytes));
            assert!(!built.is_empty(), "{}", root.display());
            assert_eq!(
                built.iter().map(|f| &f.0).collect::<Vec<_>>(),
                whole.iter().map(|f| &f.0).collect::<Vec<_>>(),
                "{}",
                root.display()
            );
            for (a, b) in built.iter().zip(&whole) {
                assert!(a.1 == b.1, "{}: {} differs", root.display(), a.0);
            }
        }
    }
}
