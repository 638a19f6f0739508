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
//! it reads the piece alone as the page's. Links: the new piece's resolve unless they are the
//! old one's (checked once per language, [`super::splice::pieces_fit`]), and the page's link scan cannot read across the place (each piece starts with `<`, ends with
//! `>`, the two agree up to their first `"`, each link a piece holds ends in it): when the two
//! pieces link to the same paths, the page links where it did and the warnings need not read
//! it again.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use memchr::memmem::Finder;
use rayon::prelude::*;

use super::cards::only_place;
use super::splice::{self, Splice, place_of, splice_at, without_common_ends};
use crate::html_scan::fragment_tags;
use crate::model::PageId;
use crate::output::Contents;
use crate::render::cache::{Piece, RenderCache};
use crate::render::inputs::{Generated, GeneratedRecord};
use crate::render::partial::{SplicedPartial, render_alone};
use crate::render::template_deps::TemplateDeps;
use crate::render::views::site_view;
use crate::render::{Templates, default_template};

/// What a language's splice of a partial reads: the partial, the last build's templates, and
/// what every splice reads (the model is the same before and after, the templates the new).
pub(super) struct PartialSplice<'a> {
    pub(super) partial: &'a SplicedPartial,
    pub(super) old: &'a Templates,
    pub(super) splice: Splice<'a>,
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

/// The partial rendered alone with the old templates and the new, and what finds the old.
struct Pieces {
    text: splice::Pieces,
    old: Finder<'static>,
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
        let cache = self.splice.templates.cache()?;
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
        let templates = self.splice.templates.sources();
        let mut holds = |template: &str| -> bool {
            *answers.entry(template.to_owned()).or_insert_with(|| {
                deps.set(template)
                    .is_some_and(|set| self.partial.renders_alone_in(set, templates))
            })
        };
        let mut paths = Vec::new();
        let mut rest_ids = Vec::new();
        for &id in ids {
            let page = &self.splice.site.pages[id];
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
        let site = site_view(self.splice.site);
        let old_output = render_alone(self.old, self.partial, &site)?;
        let new_output = render_alone(self.splice.templates, self.partial, &site)?;
        // A partial's file ends with a line break, which its output keeps: the pieces are what
        // lies between the same white space before and after, which stays in the page.
        let (old, new) = without_common_ends(old_output, new_output)?;
        let text = self.splice.pieces(old, new)?;
        let same_links = text.same_links;
        let old = Finder::new(text.old.as_bytes()).into_owned();
        Some((Pieces { text, old }, same_links))
    }

    /// The page at `path` with the new piece in the old one's place, that place remembered.
    fn spliced(&self, cache: &RenderCache, path: &str, pieces: &Pieces) -> Outcome {
        let Some(Contents::Bytes(bytes)) = self.splice.own.get(path).map(|f| &f.contents) else {
            return Outcome::Render;
        };
        if pieces.text.old == pieces.text.new {
            return Outcome::Unchanged;
        }
        let placed = cache.placed(bytes);
        let known = place_of(&placed, Piece::Footer)
            .filter(|at| bytes.get(at.clone()) == Some(pieces.text.old.as_bytes()));
        let Some(at) = known.or_else(|| self.found_place(bytes, &pieces.old)) else {
            return Outcome::Render;
        };
        // The page's other pieces known (topic links, cards) move with the footer.
        match splice_at(
            cache,
            path.to_owned(),
            bytes,
            &placed,
            (Piece::Footer, at),
            &pieces.text,
        ) {
            Some(splice::Outcome::Spliced(_, html, _)) => Outcome::Spliced(html),
            _ => Outcome::Render,
        }
    }

    /// Where a page as the last build has it holds the old piece, when it holds it exactly
    /// once, is clean, and its start up to there is read in the data state (and, rewritten
    /// under a folder, outside any comment and tag by the rewriter's scan).
    fn found_place(&self, bytes: &[u8], old: &Finder) -> Option<Range<usize>> {
        let at = only_place(old, bytes)?;
        let rewritten = !self.splice.sources.config.urls.is_identity();
        let read_alike = || {
            let start = bytes
                .get(..at.start)
                .and_then(|b| std::str::from_utf8(b).ok());
            start.is_some_and(|start| fragment_tags(start).1)
        };
        (self.splice.proven_at(bytes, at.start) && (!rewritten || read_alike())).then_some(at)
    }
}
