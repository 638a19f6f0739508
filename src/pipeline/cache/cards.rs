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
//! fails a step is rendered whole, as before. The spliced pages are checked from the pieces and
//! the place, once per page ([`super::splice`]); where the cards were spliced is kept for the
//! next edit, with the page's topic links.

use std::collections::BTreeMap;
use std::ops::Range;

use memchr::memmem::Finder;
use rayon::prelude::*;

use super::splice::{
    Outcome, Pieces, Splice, Spliced, place_of, plain_theme_page, splice_at, without_common_ends,
};
use crate::model::service::ServiceIndex;
use crate::model::session::Session;
use crate::model::{Page, PageId, Site};
use crate::render::cache::Piece;
use crate::render::cards::{CardsSite, CardsView};
use crate::render::directory::views::related_services;

/// A page's lists of services, before and after.
type Lists<'a> = (&'a [ServiceIndex], &'a [ServiceIndex]);

impl Splice<'_> {
    /// The cards' partial rendered alone with `services` as `site` has them.
    fn cards(&self, site: &Site, services: &[ServiceIndex]) -> Option<String> {
        let cards = related_services(site, services);
        self.templates.render_cards(&CardsView {
            site: CardsSite {
                language: &site.config.language,
            },
            cards: &cards,
        })
    }

    /// The pages of `ids` spliced with their related services as the site has them (those
    /// whose cards come out as they were are left as they are), and the pages left to render
    /// whole.
    pub(super) fn related_services(&self, ids: Vec<PageId>) -> Spliced {
        let Some(cache) = self.templates.cache() else {
            return Spliced::none(ids);
        };
        cache.forget_unplaced();
        // Pages share their lists: each pair of lists' partials is rendered and checked once.
        let mut pieces: BTreeMap<Lists, Option<Pieces>> = BTreeMap::new();
        for &id in &ids {
            let Some(lists) = splicable(&self.old.pages[id], &self.site.pages[id]) else {
                continue;
            };
            pieces.entry(lists).or_insert_with(|| {
                let (before, after) = lists;
                let (old, new) = without_common_ends(
                    self.cards(self.old, before)?,
                    self.cards(self.site, after)?,
                )?;
                self.pieces(old, new)
            });
        }
        let outcomes: Vec<Outcome> = ids
            .par_iter()
            .map(|&id| {
                let page = &self.site.pages[id];
                let Some(lists) = splicable(&self.old.pages[id], page) else {
                    return Outcome::Render(id);
                };
                let Some(Some(piece)) = pieces.get(&lists) else {
                    return Outcome::Render(id);
                };
                let (path, bytes) = match self.kept(id, piece) {
                    Ok(kept) => kept,
                    Err(outcome) => return outcome,
                };
                // Where an earlier splice put the cards, else where the old cards are found
                // once (the template's place, then), proven once per page; with the page's
                // topic links, where its render recorded them, proven then too (the next
                // splices find both by the page's bytes).
                let mut placed = cache.placed(bytes);
                let at = match place_of(&placed, Piece::Cards) {
                    Some(at) => Some(at),
                    None => {
                        let links = place_of(&placed, Piece::TopicLinks)
                            .is_none()
                            .then(|| self.rendered_place(cache, bytes))
                            .flatten();
                        placed.extend(links.map(|links| (Piece::TopicLinks, links)));
                        self.found_once(bytes, piece)
                    }
                };
                let spliced = at.and_then(|at| {
                    splice_at(cache, path, bytes, &placed, (Piece::Cards, at), piece)
                });
                spliced.unwrap_or(Outcome::Render(id))
            })
            .collect();
        Spliced::from_outcomes(outcomes)
    }
}

/// Session pages spliced ([`Splice::session_cards`]), and the sessions left to render.
pub(super) struct SplicedSessions {
    /// The pages spliced, with those that link where they did.
    pub(super) spliced: Spliced,
    /// The sessions (their places in the model's list) whose pages are rendered whole.
    pub(super) rest: Vec<usize>,
}

impl Splice<'_> {
    /// The pages of the sessions `ids` (their places in the model's list) spliced with their
    /// related services as the site has them, as a content page's are (the theme's
    /// `session.html` writes them as `page.html` does, through the cards' partial, once, and
    /// shows no service otherwise); those whose cards come out as they were are left as they
    /// are, the others left to render.
    pub(super) fn session_cards(&self, ids: Vec<usize>) -> SplicedSessions {
        let Some(cache) = self.templates.cache() else {
            return SplicedSessions {
                spliced: Spliced::none(Vec::new()),
                rest: ids,
            };
        };
        let lists: Vec<Option<Lists>> = ids
            .iter()
            .map(|&at| session_splicable(&self.old.sessions[at], &self.site.sessions[at]))
            .collect();
        let mut pieces: BTreeMap<Lists, Option<Pieces>> = BTreeMap::new();
        for &(before, after) in lists.iter().flatten() {
            pieces.entry((before, after)).or_insert_with(|| {
                let (old, new) = without_common_ends(
                    self.cards(self.old, before)?,
                    self.cards(self.site, after)?,
                )?;
                self.pieces(old, new)
            });
        }
        let mut rest = Vec::new();
        let mut outcomes = Vec::new();
        for (at, lists) in ids.into_iter().zip(lists) {
            let piece = lists.and_then(|lists| pieces.get(&lists)?.as_ref());
            let path = self.site.sessions[at].url.output_file();
            let kept = self.published(&path);
            let outcome = piece.zip(kept).and_then(|(piece, bytes)| {
                if piece.old == piece.new {
                    return Some(Outcome::Unchanged);
                }
                // Where an earlier splice put the cards, else where the old cards are found
                // once (the template's place, then), proven once per page.
                self.spliced_where_found(cache, (path, bytes), Piece::Cards, piece)
            });
            match outcome {
                Some(outcome) => outcomes.push(outcome),
                None => rest.push(at),
            }
        }
        SplicedSessions {
            spliced: Spliced::from_outcomes(outcomes),
            rest,
        }
    }
}

/// A session's lists of services before and after, when only they of what its page shows may
/// differ (its lists of pages and resources as they were) and the page writes both as cards
/// (neither empty).
fn session_splicable<'a>(old: &'a Session, new: &'a Session) -> Option<Lists<'a>> {
    let (before, after) = (&old.related_lists, &new.related_lists);
    let shown = !before.services.is_empty() && !after.services.is_empty();
    let same_rest = before.pages == after.pages && before.resources == after.resources;
    (shown && same_rest && old.url == new.url).then_some((&before.services, &after.services))
}

/// A page's lists of services before and after, when only they of what the page shows may
/// differ and the theme's `page.html` writes both as cards (neither empty).
fn splicable<'a>(old: &'a Page, new: &'a Page) -> Option<Lists<'a>> {
    let plain = plain_theme_page(new) && old.kind == new.kind && old.template == new.template;
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
}
