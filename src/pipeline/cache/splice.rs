//! A topic's new name spliced into the kept pages that show it in their topic links, instead of
//! the pages rendered again ([`crate::render::pieces`] says how the place is known and why the
//! partial rendered alone is what a page holds).
//!
//! A page is spliced only when each step is proven: the last build's page is the very page a
//! render (or an earlier splice) of this process recorded the place of its topic links in (by
//! its fingerprint); the bytes there are exactly the partial rendered alone with the page's
//! topics as they were; and nothing else of the page shows a topic (the caller's `only_links`:
//! a plain page of the theme's `page.html`, listing no resource with an edited topic). Any page
//! that fails a step is rendered whole, as before. The spliced pages are then checked as pages
//! rendered again are (origins, links).

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::model::{Page, PageId, Site, TopicId};
use crate::output::{Contents, Output};
use crate::render::pieces::{TopicLinksPage, TopicLinksSite, TopicLinksView};
use crate::render::views::topic_links;
use crate::render::{PageHtml, RenderedPage, Templates, last_modified};

/// The partial rendered alone with a list of topics as it was and as it is.
struct Pieces {
    old: String,
    new: String,
}

/// The pages of `ids` that `only_links` admits spliced with their topic links as `site` has
/// them (the last build's, `old`, in `own`), and the pages left to render whole.
pub(super) fn splice_topic_links(
    old: &Site,
    site: &Site,
    templates: &Templates,
    own: &Output,
    ids: Vec<PageId>,
    only_links: impl Fn(&Page) -> bool + Sync,
) -> (Vec<RenderedPage>, Vec<PageId>) {
    let Some(cache) = templates.cache() else {
        return (Vec::new(), ids);
    };
    let render = |site: &Site, topics: &[TopicId]| {
        let links = topic_links(site, topics);
        templates.render_topic_links(&TopicLinksView {
            site: TopicLinksSite {
                language: &site.config.language,
            },
            page: TopicLinksPage { topics: &links },
        })
    };
    // Pages share their lists of topics: each list's partial is rendered once.
    let mut pieces: BTreeMap<&[TopicId], Option<Pieces>> = BTreeMap::new();
    for &id in &ids {
        let page = &site.pages[id];
        if only_links(page) && !pieces.contains_key(page.topics.as_slice()) {
            let both = render(old, &page.topics)
                .zip(render(site, &page.topics))
                .map(|(old, new)| Pieces { old, new });
            pieces.insert(&page.topics, both);
        }
    }
    let results: Vec<Result<(RenderedPage, Range<usize>), PageId>> = ids
        .par_iter()
        .map(|&id| {
            let page = &site.pages[id];
            if !only_links(page) {
                return Err(id);
            }
            let Some(Some(piece)) = pieces.get(page.topics.as_slice()) else {
                return Err(id);
            };
            let Some(Contents::Bytes(bytes)) =
                own.get(&page.url.output_file()).map(|f| &f.contents)
            else {
                return Err(id);
            };
            let at = cache
                .piece(bytes)
                .filter(|at| bytes.get(at.clone()) == Some(piece.old.as_bytes()))
                .ok_or(id)?;
            let mut html = Vec::with_capacity(bytes.len() - at.len() + piece.new.len());
            html.extend_from_slice(&bytes[..at.start]);
            html.extend_from_slice(piece.new.as_bytes());
            html.extend_from_slice(&bytes[at.end..]);
            let html = String::from_utf8(html).map_err(|_| id)?;
            let spliced = RenderedPage {
                url: page.url.clone(),
                html: PageHtml::Text(html),
                source: site.raw(page).file.path.clone(),
                last_modified: last_modified(page),
            };
            Ok((spliced, at.start..at.start + piece.new.len()))
        })
        .collect();
    let mut spliced = Vec::new();
    let mut rest = Vec::new();
    for result in results {
        match result {
            Ok((page, at)) => {
                cache.insert_piece(page.html.in_memory(), at);
                spliced.push(page);
            }
            Err(id) => rest.push(id),
        }
    }
    (spliced, rest)
}
