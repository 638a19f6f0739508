//! A directory service's new card spliced into the kept pages that list it as related, instead
//! of the pages rendered again ([`crate::render::cards`] says why the partial rendered alone is
//! what a page holds).
//!
//! A page is spliced only when each step is proven: it is a plain page of the theme's
//! `page.html` (every template the theme's: [`Templates::render_cards`] says none otherwise),
//! whose lists of pages and resources are as they were and whose lists of services were and are
//! not empty (the template then writes the cards' partial once, in the same place); the cards
//! partial rendered alone with the page's old services is found in the last build's page
//! exactly once (the template wrote it, so that is where it is); and nothing else of the page
//! shows a service (a page's view reads services only for its related list). Any page that
//! fails a step is rendered whole, as before. The spliced pages are then checked as pages
//! rendered again are (origins, links).

use std::collections::BTreeMap;
use std::ops::Range;

use memchr::memmem::Finder;
use rayon::prelude::*;

use super::splice::spliced_bytes;
use crate::model::service::ServiceIndex;
use crate::model::{Page, PageId, PageKind, Site};
use crate::output::{Contents, Output};
use crate::render::cards::{CardsSite, CardsView};
use crate::render::directory::views::related_services;
use crate::render::{PageHtml, RenderedPage, Templates, last_modified};

/// The cards' partial rendered alone with a page's services as they were and as they are.
struct Pieces {
    old: Finder<'static>,
    new: String,
}

/// A page's lists of services, before and after.
type Lists<'a> = (&'a [ServiceIndex], &'a [ServiceIndex]);

/// The pages of `ids` spliced with their related services as `site` has them (the last
/// build's, `old`, in `own`), and the pages left to render whole.
pub(super) fn splice_related_services(
    old: &Site,
    site: &Site,
    templates: &Templates,
    own: &Output,
    ids: Vec<PageId>,
) -> (Vec<RenderedPage>, Vec<PageId>) {
    let render = |site: &Site, services: &[ServiceIndex]| {
        let cards = related_services(site, services);
        templates.render_cards(&CardsView {
            site: CardsSite {
                language: &site.config.language,
            },
            cards: &cards,
        })
    };
    // Pages share their lists: each pair of lists' partials is rendered once.
    let mut pieces: BTreeMap<Lists, Option<Pieces>> = BTreeMap::new();
    for &id in &ids {
        let Some(lists) = splicable(&old.pages[id], &site.pages[id]) else {
            continue;
        };
        pieces.entry(lists).or_insert_with(|| {
            let (before, after) = lists;
            let old = render(old, before)?;
            let new = render(site, after)?;
            Some(Pieces {
                old: Finder::new(old.as_bytes()).into_owned(),
                new,
            })
        });
    }
    let cache = templates.cache();
    let results: Vec<Result<RenderedPage, PageId>> = ids
        .par_iter()
        .map(|&id| {
            let page = &site.pages[id];
            let lists = splicable(&old.pages[id], page).ok_or(id)?;
            let Some(Some(piece)) = pieces.get(&lists) else {
                return Err(id);
            };
            let Some(Contents::Bytes(bytes)) =
                own.get(&page.url.output_file()).map(|f| &f.contents)
            else {
                return Err(id);
            };
            let at = only_place(&piece.old, bytes).ok_or(id)?;
            let html = spliced_bytes(bytes, &at, piece.new.as_bytes());
            let html = String::from_utf8(html).map_err(|_| id)?;
            // The page's topic links moved with the cards before them: where they are is kept
            // for the next topic edit (recorded by a render, or by a topic splice).
            if let Some(cache) = cache
                && let Some(links) = cache.piece(bytes).or_else(|| cache.placed_piece(bytes))
                && let Some(links) = moved(links, &at, piece.new.len())
            {
                cache.insert_piece(&html, links);
            }
            Ok(RenderedPage {
                url: page.url.clone(),
                html: PageHtml::Text(html),
                source: site.raw(page).file.path.clone(),
                last_modified: last_modified(page),
            })
        })
        .collect();
    let mut spliced = Vec::new();
    let mut rest = Vec::new();
    for result in results {
        match result {
            Ok(page) => spliced.push(page),
            Err(id) => rest.push(id),
        }
    }
    (spliced, rest)
}

/// A page's lists of services before and after, when only they of what the page shows may
/// differ and the theme's `page.html` writes both as cards (neither empty).
fn splicable<'a>(old: &'a Page, new: &'a Page) -> Option<Lists<'a>> {
    let plain = new.kind == PageKind::Page
        && new.template.as_deref().is_none_or(|t| t == "page.html")
        && old.kind == new.kind
        && old.template == new.template;
    let (before, after) = (&old.related_lists, &new.related_lists);
    let shown = !before.services.is_empty() && !after.services.is_empty();
    let same_rest = before.pages == after.pages && before.resources == after.resources;
    (plain && shown && same_rest).then_some((&before.services, &after.services))
}

/// Where `html` holds what `piece` finds, when it holds it exactly once (overlapping
/// occurrences counted).
pub(super) fn only_place(piece: &Finder, html: &[u8]) -> Option<Range<usize>> {
    let start = piece.find(html)?;
    let len = piece.needle().len();
    if len == 0 || piece.find(&html[start + 1..]).is_some() {
        return None;
    }
    Some(start..start + len)
}

/// Where `links` is once the cards at `cards` are replaced by `new_len` bytes; `None` when the
/// two overlap.
fn moved(links: Range<usize>, cards: &Range<usize>, new_len: usize) -> Option<Range<usize>> {
    if links.end <= cards.start {
        return Some(links);
    }
    if links.start < cards.end {
        return None;
    }
    let (start, end) = (links.start - cards.end, links.end - cards.end);
    let at = cards.start + new_len;
    Some(at + start..at + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_found_twice_has_no_place() {
        let finder = Finder::new(b"<li>a</li>");
        assert_eq!(only_place(&finder, b"x<li>a</li>y"), Some(1..11));
        assert_eq!(only_place(&finder, b"<li>a</li><li>a</li>"), None);
        assert_eq!(only_place(&finder, b"<li>b</li>"), None);
        // Overlapping occurrences count.
        let finder = Finder::new(b"aa");
        assert_eq!(only_place(&finder, b"aaa"), None);
    }

    #[test]
    fn links_after_the_cards_move_by_the_difference() {
        assert_eq!(moved(2..4, &(5..10), 3), Some(2..4));
        assert_eq!(moved(12..15, &(5..10), 3), Some(10..13));
        assert_eq!(moved(12..15, &(5..10), 9), Some(16..19));
        assert_eq!(moved(8..15, &(5..10), 3), None);
    }
}
