//! A shared partial's edit (the footer every page includes) spliced into the kept pages,
//! instead of every page rendered again ([`crate::render::partial`] says when the partial
//! rendered alone is what each page holds).
//!
//! A page is spliced only when each step is proven: its template's set of files (proven by
//! Tera, [`crate::render::template_deps`]) holds the partial, so the page rendered it exactly
//! once (the theme's `base.html` includes it at its top level); for a page of a group made from
//! the model, every template the group rendered with holds it. The partial rendered alone with
//! the old templates is found in the last build's page exactly once (so that is where the page
//! holds it), or where this process spliced it last (by the very bytes published: the record
//! carries the proofs below). Any page that fails a step is rendered whole, as before.
//!
//! The spliced pages are checked without reading them whole, as the topic links' splice checks
//! its pages ([`super::splice`], [`crate::output::origins::ends_in_data_state`]): the page is
//! clean (the origin check's memo, or read whole) and its start up to the place ends in the
//! tokenizer's data state, proven once per page; each piece read alone ends there and the new
//! one loads nothing. On a page rewritten under a folder once rendered (a site with templates of
//! its own), the rewriter's scan of the start must end outside any comment and tag too, so that
//! it reads the piece alone as the page's. Links: the new piece's resolve (once per language),
//! and the page's link scan cannot read across the place (each piece starts with `<`, ends with
//! `>`, the two agree up to their first `"`, each link a piece holds ends in it): when the two
//! pieces link to the same paths, the page links where it did and the warnings need not read
//! it again.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use memchr::memmem::Finder;
use rayon::prelude::*;

use super::cards::only_place;
use super::splice::{moved, pieces_fit, spliced_bytes, without_common_ends};
use crate::html_scan::fragment_tags;
use crate::load::Sources;
use crate::model::{PageId, Site};
use crate::output::origins::{CleanPages, ends_in_data_state, found_clean};
use crate::output::{Contents, Output};
use crate::render::cache::{Piece, RenderCache};
use crate::render::inputs::{Generated, GeneratedRecord};
use crate::render::partial::{SplicedPartial, render_alone};
use crate::render::template_deps::TemplateDeps;
use crate::render::views::site_view;
use crate::render::{Templates, default_template};

/// What a language's splice of a partial reads.
pub(super) struct PartialSplice<'a> {
    pub(super) partial: &'a SplicedPartial,
    /// The last build's templates, and the new ones.
    pub(super) old: &'a Templates,
    pub(super) new: &'a Templates,
    pub(super) site: &'a Site,
    pub(super) sources: &'a Sources,
    /// This language's output.
    pub(super) own: &'a Output,
    /// Every language's.
    pub(super) merged: &'a Output,
    pub(super) clean_pages: &'a CleanPages,
}

/// The pages spliced, and those left to render whole.
pub(super) struct Spliced {
    /// Files to replace, by their own paths.
    pub(super) files: Vec<(String, Arc<Vec<u8>>)>,
    /// Whether each spliced page links where its last version did.
    pub(super) same_links: bool,
    pub(super) rest_ids: Vec<PageId>,
    pub(super) rest_groups: Vec<Generated>,
}

/// The partial rendered alone with the old templates and the new.
struct Pieces {
    old: Finder<'static>,
    new: String,
}

/// What a page to splice is: a content page, or one of a group's.
#[derive(Clone, Copy)]
enum Of {
    Page(PageId),
    Group(Generated),
}

/// What becomes of a page.
enum Outcome {
    /// Spliced: its new bytes.
    Spliced(Arc<Vec<u8>>),
    /// Left as it is: the partial comes out as it was.
    Unchanged,
    /// Rendered whole.
    Render,
}

impl PartialSplice<'_> {
    /// The pages of `ids` and of `groups` (with the last build's `records`) spliced, when the
    /// partial can be rendered alone and checked (`None` otherwise: every page is rendered).
    pub(super) fn pages(
        &self,
        ids: &[PageId],
        groups: &[Generated],
        records: &BTreeMap<Generated, GeneratedRecord>,
        deps: &TemplateDeps,
    ) -> Option<Spliced> {
        let cache = self.new.cache()?;
        let (pieces, same_links) = self.pieces()?;
        cache.forget_unplaced();
        let (paths, mut rest_ids, mut rest_groups) = self.candidates(ids, groups, records, deps);
        let outcomes: Vec<Outcome> = paths
            .par_iter()
            .map(|(path, _)| self.spliced(cache, path, &pieces))
            .collect();
        let mut files = Vec::new();
        let mut failed_groups = BTreeSet::new();
        for ((path, of), outcome) in paths.into_iter().zip(outcomes) {
            match (outcome, of) {
                (Outcome::Spliced(bytes), _) => files.push((path, bytes)),
                (Outcome::Unchanged, _) => {}
                (Outcome::Render, Of::Page(id)) => rest_ids.push(id),
                (Outcome::Render, Of::Group(group)) => {
                    failed_groups.insert(group);
                }
            }
        }
        // A group with a page that could not be spliced is rendered whole: its pages rendered
        // again replace the spliced ones.
        let rendered: BTreeSet<String> = failed_groups
            .iter()
            .filter_map(|group| records.get(group))
            .flat_map(|record| record.pages.iter().map(|(url, _)| url.output_file()))
            .collect();
        files.retain(|(path, _)| !rendered.contains(path));
        rest_groups.extend(failed_groups);
        Some(Spliced {
            files,
            same_links,
            rest_ids,
            rest_groups,
        })
    }

    /// The files of the pages to splice (those whose templates let the partial render inside
    /// them as alone: for a group, every template it rendered with), and the pages and groups
    /// left to render.
    fn candidates(
        &self,
        ids: &[PageId],
        groups: &[Generated],
        records: &BTreeMap<Generated, GeneratedRecord>,
        deps: &TemplateDeps,
    ) -> (Vec<(String, Of)>, Vec<PageId>, Vec<Generated>) {
        // A few templates, each asked once.
        let mut answers: BTreeMap<String, bool> = BTreeMap::new();
        let templates = self.new.sources();
        let mut holds = |template: &str| -> bool {
            *answers.entry(template.to_owned()).or_insert_with(|| {
                deps.set(template)
                    .is_some_and(|set| self.partial.renders_alone_in(set, templates))
            })
        };
        let mut paths = Vec::new();
        let mut rest_ids = Vec::new();
        for &id in ids {
            let page = &self.site.pages[id];
            let template = page
                .template
                .as_deref()
                .unwrap_or_else(|| default_template(page.kind));
            match holds(template) {
                true => paths.push((page.url.output_file(), Of::Page(id))),
                false => rest_ids.push(id),
            }
        }
        let mut rest_groups = Vec::new();
        for &group in groups {
            // The 404 page is one page, made apart from the others: rendered.
            let record = records.get(&group).filter(|_| group != Generated::NotFound);
            match record {
                Some(record) if record.templates.iter().all(|t| holds(t)) => paths.extend(
                    record
                        .pages
                        .iter()
                        .map(|(url, _)| (url.output_file(), Of::Group(group))),
                ),
                _ => rest_groups.push(group),
            }
        }
        (paths, rest_ids, rest_groups)
    }

    /// The partial rendered alone, old and new, when both fit a splice (see the module's
    /// comment), and whether they link to the same paths.
    fn pieces(&self) -> Option<(Pieces, bool)> {
        let site = site_view(self.site);
        let old_output = render_alone(self.old, self.partial, &site)?;
        let new_output = render_alone(self.new, self.partial, &site)?;
        // A partial's file ends with a line break, which its output keeps: the pieces are what
        // lies between the same white space before and after, which stays in the page.
        let (old, new) = without_common_ends(old_output, new_output)?;
        let same_links = pieces_fit(self.sources, self.merged, &old, &new)?;
        let pieces = Pieces {
            old: Finder::new(old.as_bytes()).into_owned(),
            new,
        };
        Some((pieces, same_links))
    }

    /// The page at `path` with the new piece in the old one's place, that place remembered.
    fn spliced(&self, cache: &RenderCache, path: &str, pieces: &Pieces) -> Outcome {
        let Some(Contents::Bytes(bytes)) = self.own.get(path).map(|f| &f.contents) else {
            return Outcome::Render;
        };
        let old = pieces.old.needle();
        if old == pieces.new.as_bytes() {
            return Outcome::Unchanged;
        }
        let placed = cache.placed(bytes);
        let known = placed
            .iter()
            .find(|(piece, _)| *piece == Piece::Footer)
            .map(|(_, at)| at.clone())
            .filter(|at| bytes.get(at.clone()) == Some(old));
        let Some(at) = known.or_else(|| self.found_place(bytes, &pieces.old)) else {
            return Outcome::Render;
        };
        // Each piece starts with `<` and ends with `>`: the page stays UTF-8.
        let html = Arc::new(spliced_bytes(bytes, &at, pieces.new.as_bytes()));
        // The page's other pieces known (topic links, cards) move with the footer.
        let mut places: Vec<(Piece, Range<usize>)> = placed
            .iter()
            .filter(|(piece, _)| *piece != Piece::Footer)
            .filter_map(|(piece, place)| Some((*piece, moved(place, &at, pieces.new.len())?)))
            .collect();
        places.push((Piece::Footer, at.start..at.start + pieces.new.len()));
        cache.place_pieces(&html, places);
        Outcome::Spliced(html)
    }

    /// Where a page as the last build has it holds the old piece, when it holds it exactly
    /// once, is clean, and its start up to there is read in the data state (and, rewritten
    /// under a folder, outside any comment and tag by the rewriter's scan).
    fn found_place(&self, bytes: &[u8], old: &Finder) -> Option<Range<usize>> {
        let at = only_place(old, bytes)?;
        let html = std::str::from_utf8(bytes).ok()?;
        let start = html.get(..at.start)?;
        let rewritten = !self.sources.config.urls.is_identity();
        let proven = found_clean(self.sources, self.clean_pages, html)
            && ends_in_data_state(start)
            && (!rewritten || fragment_tags(start).1);
        proven.then_some(at)
    }
}
