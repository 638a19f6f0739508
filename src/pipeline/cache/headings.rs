//! A topic's new name spliced into the kept section pages that group their pages by topic,
//! instead of the pages rendered again ([`crate::render::pieces::TOPIC_HEADING`] says why the
//! heading rendered alone is what a page holds).
//!
//! A section page is spliced only when each step is proven: it is a section page of the theme's
//! `section.html` (every template the theme's: [`Templates::render_topic_heading`] says none
//! otherwise), its pages as they were; exactly one edited topic is among its pages' topics, and
//! they have more than one topic (the template then writes one heading per topic, that topic's
//! once, in the topics' order, which a name does not change); the heading rendered alone with
//! the topic as it was is found in the last build's page exactly once (the template wrote it,
//! so that is where it is), or where the last splice of this page put it; and nothing else of
//! the page shows a topic (the template writes no topic's name but in these headings: its
//! cards show pages' titles, summaries and dates). Any page that fails a step is rendered
//! whole, as before. The spliced pages are checked from the pieces and the place, once per
//! page ([`super::splice`]).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::splice::{Outcome, Pieces, Splice, Spliced};
use crate::model::{Page, PageId, PageKind, Site, TopicId};
use crate::render::cache::Piece;
use crate::render::pieces::TopicHeadingView;
use crate::render::views::topic_links;

impl Splice<'_> {
    /// The section pages of `ids` spliced with the heading of the one edited topic (of
    /// `edited`) they group pages by, and the pages left to render whole.
    pub(super) fn topic_headings(&self, ids: Vec<PageId>, edited: &BTreeSet<TopicId>) -> Spliced {
        let Some(cache) = self.templates.cache() else {
            return Spliced::none(ids);
        };
        let render = |site: &Site, topic: TopicId| {
            let links = topic_links(site, &[topic]);
            let heading = links.first()?;
            self.templates
                .render_topic_heading(&TopicHeadingView { heading })
        };
        let topics: Vec<Option<TopicId>> = ids
            .iter()
            .map(|&id| heading_topic(self.old, self.site, id, edited))
            .collect();
        // Each edited topic's heading is rendered and checked once.
        let mut pieces: BTreeMap<TopicId, Option<Pieces>> = BTreeMap::new();
        for &topic in topics.iter().flatten() {
            pieces.entry(topic).or_insert_with(|| {
                self.pieces(render(self.old, topic)?, render(self.site, topic)?)
            });
        }
        let outcomes: Vec<Outcome> = ids
            .par_iter()
            .zip(&topics)
            .map(|(&id, topic)| {
                let Some(topic) = *topic else {
                    return Outcome::Render(id);
                };
                let Some(Some(piece)) = pieces.get(&topic) else {
                    return Outcome::Render(id);
                };
                // Where the last splice of this page put a heading, when it holds this topic's
                // (each heading links to its own topic's page); else where it is found once.
                match self.kept(id, piece) {
                    Ok(kept) => self
                        .spliced_where_found(cache, kept, Piece::TopicHeading, piece)
                        .unwrap_or(Outcome::Render(id)),
                    Err(outcome) => outcome,
                }
            })
            .collect();
        Spliced::from_outcomes(outcomes)
    }
}

/// The edited topic whose heading is all a section page `id` shows of the edit (see the
/// module's comment): the page of the theme's `section.html` in both models, with the same
/// pages, among whose topics (more than one) `edited` has exactly one.
fn heading_topic(
    old: &Site,
    site: &Site,
    id: PageId,
    edited: &BTreeSet<TopicId>,
) -> Option<TopicId> {
    let (before, page) = (&old.pages[id], &site.pages[id]);
    let theme_section = |p: &Page| {
        p.kind == PageKind::Section && p.template.as_deref().is_none_or(|t| t == "section.html")
    };
    if !theme_section(before) || !theme_section(page) || before.children != page.children {
        return None;
    }
    // One group per topic a page of the section has (`views::group_by_topic`).
    let grouped: BTreeSet<TopicId> = page
        .children
        .iter()
        .flat_map(|&child| site.pages[child].topics.iter().copied())
        .collect();
    let grouped_before: BTreeSet<TopicId> = before
        .children
        .iter()
        .flat_map(|&child| old.pages[child].topics.iter().copied())
        .collect();
    let [topic] = grouped.intersection(edited).collect::<Vec<_>>()[..] else {
        return None;
    };
    (grouped.len() > 1 && grouped == grouped_before).then_some(*topic)
}
