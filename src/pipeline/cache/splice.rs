//! A topic's new name spliced into the kept pages that show it in their topic links, instead of
//! the pages rendered again ([`crate::render::pieces`] says how the place is known and why the
//! partial rendered alone is what a page holds).
//!
//! A page is spliced only when each step is proven: the last build's page is the very page a
//! render (by its fingerprint) or an earlier splice (by its bytes' `Arc`) of this process
//! recorded the place of its topic links in; the bytes there are exactly the partial rendered
//! alone with the page's topics as they were; and nothing else of the page shows a topic (the
//! caller's `only_links`: a plain page of the theme's `page.html`, listing no resource with an
//! edited topic). Any page that fails a step is rendered whole, as before.
//!
//! The spliced pages are checked without reading them whole. Origins
//! ([`crate::output::origins::ends_in_data_state`]): the page's start up to the place is read
//! by the tokenizer in its data state (proven once per page, by the probe tag, when a render
//! recorded the place; a splice leaves the start as it was, so its record carries the proof),
//! the page is clean (known to the origin check's memo, or read whole, once per page too), and
//! each piece, old and new, read alone from the data state ends there, the new one loading
//! nothing: checked once per list of topics and language. Links:
//! the two pieces link to the same paths in the same order and the page's link scan cannot
//! read across the place (each piece starts with `<`, ends with `>`, the two agree up to their
//! first `"`, and each link a piece holds ends in it), so the page links where its last
//! version did, which led to published files (a topic edit publishes the same files); the
//! warnings that read where pages link need not read it again.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::html_links_resolve;
use super::plans::Files;
use crate::load::Sources;
use crate::model::{Page, PageId, Site, TopicId};
use crate::output::links::site_paths_in_html;
use crate::output::origins::{CleanPages, ends_in_data_state, found_clean, piece_is_clean};
use crate::output::{Contents, Output};
use crate::render::Templates;
use crate::render::cache::RenderCache;
use crate::render::pieces::{TopicLinksPage, TopicLinksSite, TopicLinksView};
use crate::render::views::topic_links;

/// What a language's splice reads: the model before and after the edit, the templates, and
/// what the pages are checked against.
pub(super) struct Splice<'a> {
    pub(super) old: &'a Site,
    pub(super) site: &'a Site,
    pub(super) templates: &'a Templates,
    /// The sources after the edit (the configuration: the site's own origin).
    pub(super) sources: &'a Sources,
    /// This language's output.
    pub(super) own: &'a Output,
    /// Every language's.
    pub(super) merged: &'a Output,
    pub(super) clean_pages: &'a CleanPages,
}

/// The pages spliced, as files to replace, and the pages left to render whole.
pub(super) struct Spliced {
    pub(super) files: Files,
    pub(super) rest: Vec<PageId>,
}

/// What becomes of a page.
enum Outcome {
    /// Spliced: its file and new bytes.
    Spliced(String, Arc<Vec<u8>>),
    /// Left as it is: its topic links come out as they were.
    Unchanged,
    /// Rendered whole.
    Render(PageId),
}

/// The partial rendered alone with a list of topics as it was and as it is.
struct Pieces {
    old: String,
    new: String,
}

impl Splice<'_> {
    /// The pages of `ids` that `only_links` admits spliced with their topic links as the site
    /// has them (those whose links come out as they were are left as they are), the others
    /// left to render.
    pub(super) fn topic_links(
        &self,
        ids: Vec<PageId>,
        only_links: impl Fn(&Page) -> bool + Sync,
    ) -> Spliced {
        let Some(cache) = self.templates.cache() else {
            return Spliced {
                files: Vec::new(),
                rest: ids,
            };
        };
        cache.forget_unplaced();
        // Pages share their lists of topics: each list's partial is rendered and checked once.
        let mut pieces: BTreeMap<&[TopicId], Option<Pieces>> = BTreeMap::new();
        for &id in &ids {
            let page = &self.site.pages[id];
            if only_links(page) && !pieces.contains_key(page.topics.as_slice()) {
                pieces.insert(&page.topics, self.pieces(&page.topics));
            }
        }
        let outcomes: Vec<Outcome> = ids
            .par_iter()
            .map(|&id| {
                let page = &self.site.pages[id];
                if !only_links(page) {
                    return Outcome::Render(id);
                }
                let Some(Some(piece)) = pieces.get(page.topics.as_slice()) else {
                    return Outcome::Render(id);
                };
                let path = page.url.output_file();
                match self.spliced(cache, &path, piece) {
                    Some(Some(bytes)) => Outcome::Spliced(path, bytes),
                    Some(None) => Outcome::Unchanged,
                    None => Outcome::Render(id),
                }
            })
            .collect();
        let mut files = Vec::new();
        let mut rest = Vec::new();
        for outcome in outcomes {
            match outcome {
                Outcome::Spliced(path, bytes) => files.push((path, bytes)),
                Outcome::Unchanged => {}
                Outcome::Render(id) => rest.push(id),
            }
        }
        Spliced { files, rest }
    }

    /// The partial rendered alone with `topics` as they were and as they are, when both may be
    /// spliced (see the module's comment); `None` otherwise.
    fn pieces(&self, topics: &[TopicId]) -> Option<Pieces> {
        let render = |site: &Site| {
            let links = topic_links(site, topics);
            self.templates.render_topic_links(&TopicLinksView {
                site: TopicLinksSite {
                    language: &site.config.language,
                },
                page: TopicLinksPage { topics: &links },
            })
        };
        let (old, new) = (render(self.old)?, render(self.site)?);
        let bounded = |piece: &str| piece.starts_with('<') && piece.ends_with('>');
        let to_first_quote = |piece: &str| piece.find('"').map(|at| piece[..=at].to_owned());
        let fits = bounded(&old)
            && bounded(&new)
            && to_first_quote(&old).is_some()
            && to_first_quote(&old) == to_first_quote(&new)
            && links_end_inside(&old)
            && links_end_inside(&new)
            && site_paths_in_html(&old) == site_paths_in_html(&new)
            && ends_in_data_state(&old)
            && piece_is_clean(self.sources, &new)
            && html_links_resolve(&new, self.merged);
        fits.then_some(Pieces { old, new })
    }

    /// The page at `path` with `piece` spliced in, its place remembered: `Some(None)` when the
    /// page stays as it is (the new piece is the old), `None` when a step is not proven.
    fn spliced(
        &self,
        cache: &RenderCache,
        path: &str,
        piece: &Pieces,
    ) -> Option<Option<Arc<Vec<u8>>>> {
        let Some(Contents::Bytes(bytes)) = self.own.get(path).map(|f| &f.contents) else {
            return None;
        };
        let at = match cache.placed_piece(bytes) {
            Some(at) => at,
            None => self.rendered_place(cache, bytes)?,
        };
        if bytes.get(at.clone()) != Some(piece.old.as_bytes()) {
            return None;
        }
        if piece.old == piece.new {
            return Some(None);
        }
        // Each piece starts with `<` and ends with `>`: the page stays UTF-8.
        let html = Arc::new(spliced_bytes(bytes, &at, piece.new.as_bytes()));
        cache.place_piece(&html, at.start..at.start + piece.new.len());
        Some(Some(html))
    }

    /// Where a page as a render left it holds its topic links, when the render cache recorded
    /// it, the page is clean (known, or read whole) and its start up to there is read in the
    /// data state.
    fn rendered_place(&self, cache: &RenderCache, bytes: &[u8]) -> Option<Range<usize>> {
        let at = cache.piece(bytes)?;
        let html = std::str::from_utf8(bytes).ok()?;
        let start = html.get(..at.start)?;
        (found_clean(self.sources, self.clean_pages, html) && ends_in_data_state(start))
            .then_some(at)
    }
}

/// `page` with the bytes at `at` replaced by `new`.
pub(super) fn spliced_bytes(page: &[u8], at: &Range<usize>, new: &[u8]) -> Vec<u8> {
    let mut html = Vec::with_capacity(page.len() - at.len() + new.len());
    html.extend_from_slice(&page[..at.start]);
    html.extend_from_slice(new);
    html.extend_from_slice(&page[at.end..]);
    html
}

/// Whether every `href="` and `src="` of `piece` has its closing quote in it: the page's link
/// scan then reads its links the same wherever it is.
pub(super) fn links_end_inside(piece: &str) -> bool {
    ["href=\"", "src=\""].iter().all(|attribute| {
        piece
            .match_indices(attribute)
            .all(|(at, _)| piece[at + attribute.len()..].contains('"'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_left_open_at_the_end_of_a_piece_does_not_end_inside() {
        assert!(links_end_inside(
            "<a href=\"/a/\">a</a><img src=\"/b.png\">"
        ));
        assert!(!links_end_inside("<a href=\"/a/\">a</a><a href=\"/b"));
        assert!(!links_end_inside("<img src=\""));
    }
}
