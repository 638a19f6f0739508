//! A piece of the kept pages spliced instead of the pages rendered again: a topic's new name
//! in the pages' topic links (here: [`crate::render::pieces`] says how the place is known and
//! why the partial rendered alone is what a page holds), or a service's new card in the pages
//! that list it ([`super::cards`]).
//!
//! A page is spliced only when each step is proven: the place is the template's (for topic
//! links, the very page a render, by its fingerprint, or an earlier splice, by its bytes'
//! `Arc`, of this process recorded the place in; for cards, the old cards found exactly once,
//! or an earlier splice's place); the bytes there are exactly the partial rendered alone with
//! the page's topics (services) as they were; and nothing else of the page shows what changed
//! (for topics the caller's `only_links`: a plain page of the theme's `page.html`). A page whose
//! piece comes out as it was is left as it is, unread. Any page that fails a step is rendered
//! whole, as before.
//!
//! The spliced pages are checked without reading them whole. Origins
//! ([`crate::output::origins::ends_in_data_state`]): the page's start up to the place is read
//! by the tokenizer in its data state (proven once per page, by the probe tag; a splice leaves
//! the start as it was and moves what follows the old piece by the difference, read from the
//! data state as before, so its record, [`RenderCache::placed`], carries the proof for each
//! piece it knows), the page is clean (known to the origin check's memo, or read whole, once
//! per page too), and each piece, old and new, read alone from the data state ends there, the
//! new one loading nothing: checked once per list and language. Links: the page's link scan
//! cannot read across the place (each piece starts with `<`, ends with `>`, the two agree up to
//! their first `"`, and each link a piece holds ends in it), so the page links where its last
//! version did (which led to published files: these edits publish the same files) but for
//! the piece's links: when the two pieces link to the same paths in the same order the
//! warnings that read where pages link need not read the page again; else the new piece's
//! links are checked once, and the warnings read the page.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use memchr::memmem::Finder;
use rayon::prelude::*;

use super::cards::only_place;
use super::html_links_resolve;
use super::plans::Files;
use crate::html_scan::fragment_tags;
use crate::load::Sources;
use crate::model::{Page, PageId, PageKind, Site, TopicId};
use crate::output::links::site_paths_in_html;
use crate::output::origins::{CleanPages, ends_in_data_state, found_clean, piece_is_clean};
use crate::output::{Contents, Output};
use crate::render::Templates;
use crate::render::cache::{Piece, RenderCache};
use crate::render::pieces::{LanguageSite, TopicLinksPage, TopicLinksView};
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
    /// The files of those among them that link where their last versions did.
    pub(super) same_links: Vec<String>,
    pub(super) rest: Vec<PageId>,
}

/// What becomes of a page.
pub(super) enum Outcome {
    /// Spliced: its file, new bytes, and whether it links where it did.
    Spliced(String, Arc<Vec<u8>>, bool),
    /// Left as it is: its piece comes out as it was.
    Unchanged,
    /// Rendered whole.
    Render(PageId),
}

impl Spliced {
    /// The outcomes of a splice, put together.
    pub(super) fn from_outcomes(outcomes: Vec<Outcome>) -> Spliced {
        let mut spliced = Spliced::none(Vec::new());
        for outcome in outcomes {
            match outcome {
                Outcome::Spliced(path, bytes, same_links) => {
                    if same_links {
                        spliced.same_links.push(path.clone());
                    }
                    spliced.files.push((path, bytes));
                }
                Outcome::Unchanged => {}
                Outcome::Render(id) => spliced.rest.push(id),
            }
        }
        spliced
    }

    /// These pages spliced, and the pages left to render spliced by `more` if it can.
    pub(super) fn then(mut self, more: impl FnOnce(Vec<PageId>) -> Spliced) -> Spliced {
        let rest = std::mem::take(&mut self.rest);
        self.join(more(rest))
    }

    /// These pages spliced and `more`'s, and the pages both leave to render.
    pub(super) fn join(mut self, more: Spliced) -> Spliced {
        self.files.extend(more.files);
        self.same_links.extend(more.same_links);
        self.rest.extend(more.rest);
        self
    }

    /// Nothing spliced: every page of `ids` rendered whole.
    pub(super) fn none(ids: Vec<PageId>) -> Spliced {
        Spliced {
            files: Vec::new(),
            same_links: Vec::new(),
            rest: ids,
        }
    }
}

/// A partial rendered alone as it was and as it is, proven fit to splice (see the module's
/// comment).
pub(super) struct Pieces {
    pub(super) old: String,
    pub(super) new: String,
    /// Whether the two link to the same paths in the same order.
    pub(super) same_links: bool,
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
            return Spliced::none(ids);
        };
        cache.forget_unplaced();
        // Pages share their lists of topics: each list's partial is rendered and checked once.
        let mut pieces: BTreeMap<&[TopicId], Option<Pieces>> = BTreeMap::new();
        for &id in &ids {
            let page = &self.site.pages[id];
            if only_links(page) && !pieces.contains_key(page.topics.as_slice()) {
                let render = |site: &Site| {
                    let links = topic_links(site, &page.topics);
                    self.templates.render_topic_links(&TopicLinksView {
                        site: LanguageSite {
                            language: &site.config.language,
                        },
                        page: TopicLinksPage { topics: &links },
                    })
                };
                let fit = (render(self.old).zip(render(self.site)))
                    .and_then(|(old, new)| self.pieces(old, new));
                pieces.insert(&page.topics, fit);
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
                let (path, bytes) = match self.kept(id, piece) {
                    Ok(kept) => kept,
                    Err(outcome) => return outcome,
                };
                let placed = cache.placed(bytes);
                let at = match place_of(&placed, Piece::TopicLinks) {
                    Some(at) => Some(at),
                    None => self.rendered_place(cache, bytes),
                };
                at.and_then(|at| {
                    splice_at(cache, path, bytes, &placed, (Piece::TopicLinks, at), piece)
                })
                .unwrap_or(Outcome::Render(id))
            })
            .collect();
        Spliced::from_outcomes(outcomes)
    }

    /// `old` and `new`, a partial rendered alone as it was and as it is, when both may be
    /// spliced (see [`pieces_fit`]); `None` otherwise.
    pub(super) fn pieces(&self, old: String, new: String) -> Option<Pieces> {
        let same_links = pieces_fit(self.sources, self.merged, &old, &new)?;
        Some(Pieces {
            old,
            new,
            same_links,
        })
    }

    /// The file of page `id` and its bytes as the last build published them, to splice
    /// `piece` into; else what becomes of the page: left as it is when the piece comes out as
    /// it was (nothing else of it changed), rendered when it was not published.
    pub(super) fn kept(
        &self,
        id: PageId,
        piece: &Pieces,
    ) -> Result<(String, &Arc<Vec<u8>>), Outcome> {
        let path = self.site.pages[id].url.output_file();
        let Some(bytes) = self.published(&path) else {
            return Err(Outcome::Render(id));
        };
        if piece.old == piece.new {
            return Err(Outcome::Unchanged);
        }
        Ok((path, bytes))
    }

    /// The bytes the last build published at `path`, when it kept them.
    pub(super) fn published(&self, path: &str) -> Option<&Arc<Vec<u8>>> {
        match self.own.get(path).map(|f| &f.contents) {
            Some(Contents::Bytes(bytes)) => Some(bytes),
            _ => None,
        }
    }

    /// Where the page `bytes` holds `piece`'s old output, when it holds it exactly once and
    /// the place is proven ([`Splice::proven_at`]): the template's place, then.
    pub(super) fn found_once(&self, bytes: &[u8], piece: &Pieces) -> Option<Range<usize>> {
        only_place(&Finder::new(piece.old.as_bytes()), bytes)
            .filter(|at| self.proven_at(bytes, at.start))
    }

    /// `piece` spliced into the page `bytes` at `path` where the last splice of this page put
    /// its piece of kind `kind`, when that holds the old one, else where the old one is found
    /// exactly once and proven ([`Splice::found_once`]); `None` when it is neither.
    pub(super) fn spliced_where_found(
        &self,
        cache: &RenderCache,
        (path, bytes): (String, &Arc<Vec<u8>>),
        kind: Piece,
        piece: &Pieces,
    ) -> Option<Outcome> {
        let placed = cache.placed(bytes);
        let at = place_of(&placed, kind)
            .filter(|at| bytes.get(at.clone()) == Some(piece.old.as_bytes()))
            .or_else(|| self.found_once(bytes, piece))?;
        splice_at(cache, path, bytes, &placed, (kind, at), piece)
    }

    /// Where a page as a render left it holds its topic links, when the render cache recorded
    /// it and [`Splice::proven_at`] proves it.
    pub(super) fn rendered_place(&self, cache: &RenderCache, bytes: &[u8]) -> Option<Range<usize>> {
        let at = cache.piece(bytes)?;
        self.proven_at(bytes, at.start).then_some(at)
    }

    /// Whether the page `bytes` is clean (known, or read whole) and its start up to `at` is
    /// read in the data state: what a place no splice recorded must be shown to be.
    pub(super) fn proven_at(&self, bytes: &[u8], at: usize) -> bool {
        let Ok(html) = std::str::from_utf8(bytes) else {
            return false;
        };
        html.get(..at).is_some_and(|start| {
            found_clean(self.sources, self.clean_pages, html) && ends_in_data_state(start)
        })
    }
}

/// Whether `page` is a plain page of the theme's `page.html` (the template a splice knows:
/// each is made only when every template is the theme's).
pub(super) fn plain_theme_page(page: &Page) -> bool {
    page.kind == PageKind::Page && page.template.as_deref().is_none_or(|t| t == "page.html")
}

/// Whether `old` and `new`, a partial rendered alone as it was and as it is, may be spliced
/// (see the module's comment): each bounded by `<` and `>`, the two alike up to their first
/// `"`, each link in them ending in them, the old read alone ending in the tokenizer's data
/// state, the new loading nothing and ending there too, and both ending outside any comment
/// and tag by the scan that rewrites a page's addresses under a folder (so that a place proven
/// on a page rewritten after rendering stays proven when a piece before it is replaced); the
/// new piece's links resolve in `merged`, unless they are the old one's. `Some(same links)`
/// when they may.
pub(super) fn pieces_fit(sources: &Sources, merged: &Output, old: &str, new: &str) -> Option<bool> {
    let bounded = |piece: &str| piece.starts_with('<') && piece.ends_with('>');
    fn to_first_quote(piece: &str) -> Option<&str> {
        piece.find('"').map(|at| &piece[..=at])
    }
    let fits = bounded(old)
        && bounded(new)
        && to_first_quote(old).is_some()
        && to_first_quote(old) == to_first_quote(new)
        && links_end_inside(old)
        && links_end_inside(new)
        && ends_in_data_state(old)
        && fragment_tags(old).1
        && fragment_tags(new).1
        && piece_is_clean(sources, new);
    let same_links = site_paths_in_html(old) == site_paths_in_html(new);
    (fits && (same_links || html_links_resolve(new, merged))).then_some(same_links)
}

/// `old` and `new` without the white space they start and end with, when it is the same in
/// both (a partial's file ends with a line break, which its output keeps): splicing what is
/// left in place of what is left gives the same page, and each is then bounded by `<` and `>`.
pub(super) fn without_common_ends(old: String, new: String) -> Option<(String, String)> {
    let ends = |piece: &str| {
        let start = piece.len() - piece.trim_start().len();
        let end = piece.trim_end().len().max(start);
        (start, end)
    };
    let ((old_start, old_end), (new_start, new_end)) = (ends(&old), ends(&new));
    let same = old[..old_start] == new[..new_start] && old[old_end..] == new[new_end..];
    same.then(|| {
        (
            old[old_start..old_end].to_owned(),
            new[new_start..new_end].to_owned(),
        )
    })
}

/// Where `placed` (a spliced page's pieces) says `piece` is.
pub(super) fn place_of(placed: &[(Piece, Range<usize>)], piece: Piece) -> Option<Range<usize>> {
    placed
        .iter()
        .find(|(kind, _)| *kind == piece)
        .map(|(_, at)| at.clone())
}

/// The page `bytes` at `path` with `pieces.new` in place of `pieces.old` (which differ) at
/// `at`, a place proven (recorded by a splice, or shown by [`Splice::proven_at`]), the page's
/// pieces (`placed`) remembered where they move to. `None` when the page does not hold the old
/// piece there.
pub(super) fn splice_at(
    cache: &RenderCache,
    path: String,
    bytes: &Arc<Vec<u8>>,
    placed: &[(Piece, Range<usize>)],
    (kind, at): (Piece, Range<usize>),
    pieces: &Pieces,
) -> Option<Outcome> {
    if bytes.get(at.clone()) != Some(pieces.old.as_bytes()) {
        return None;
    }
    // Each piece starts with `<` and ends with `>`: the page stays UTF-8.
    let html = Arc::new(spliced_bytes(bytes, &at, pieces.new.as_bytes()));
    let mut places: Vec<(Piece, Range<usize>)> = placed
        .iter()
        .filter(|(other, _)| *other != kind)
        .filter_map(|(other, place)| Some((*other, moved(place, &at, pieces.new.len())?)))
        .collect();
    places.push((kind, at.start..at.start + pieces.new.len()));
    cache.place_pieces(&html, places);
    Some(Outcome::Spliced(path, html, pieces.same_links))
}

/// Where a piece at `place` is once the bytes at `at` are replaced by `new_len` bytes; `None`
/// when the two overlap. A piece after `at` is still read from the data state: the new piece,
/// read from there, ends in it as the old one did.
pub(super) fn moved(
    place: &Range<usize>,
    at: &Range<usize>,
    new_len: usize,
) -> Option<Range<usize>> {
    if place.end <= at.start {
        return Some(place.clone());
    }
    if place.start < at.end {
        return None;
    }
    let shift = at.start + new_len;
    Some(place.start - at.end + shift..place.end - at.end + shift)
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
    fn only_white_space_both_pieces_share_is_taken_off() {
        let pair = |old: &str, new: &str| without_common_ends(old.to_owned(), new.to_owned());
        assert_eq!(
            pair("<ul>a</ul>\n", "<ul>b</ul>\n"),
            Some(("<ul>a</ul>".to_owned(), "<ul>b</ul>".to_owned()))
        );
        assert_eq!(pair("<ul>a</ul>\n", "<ul>b</ul>"), None);
        assert_eq!(pair(" <ul>a</ul>", "\t<ul>b</ul>"), None);
        assert_eq!(pair("  ", "  "), Some((String::new(), String::new())));
    }

    #[test]
    fn pieces_after_a_splice_move_by_the_difference_and_overlapping_ones_are_lost() {
        assert_eq!(moved(&(2..4), &(5..10), 3), Some(2..4));
        assert_eq!(moved(&(2..5), &(5..10), 3), Some(2..5));
        assert_eq!(moved(&(12..15), &(5..10), 3), Some(10..13));
        assert_eq!(moved(&(12..15), &(5..10), 9), Some(16..19));
        assert_eq!(moved(&(10..12), &(5..10), 0), Some(5..7));
        assert_eq!(moved(&(8..15), &(5..10), 3), None);
        assert_eq!(moved(&(4..6), &(5..10), 3), None);
    }

    #[test]
    fn a_link_left_open_at_the_end_of_a_piece_does_not_end_inside() {
        assert!(links_end_inside(
            "<a href=\"/a/\">a</a><img src=\"/b.png\">"
        ));
        assert!(!links_end_inside("<a href=\"/a/\">a</a><a href=\"/b"));
        assert!(!links_end_inside("<img src=\""));
    }
}
