//! A section's new title spliced into the breadcrumbs of the kept pages below it, instead of
//! the pages rendered again ([`crate::render::pieces::BREADCRUMBS`] says why the breadcrumbs
//! rendered alone are what a page holds).
//!
//! The pages offered are those whose views read a changed page only for their breadcrumbs
//! ([`crate::render::inputs::PageReads::crumb`]): nothing else of the page shows it. A page is
//! spliced only when each step is proven: every template is the theme's
//! ([`Templates::render_breadcrumbs`] says none otherwise), and the page's is `page.html` or
//! `section.html`, which include the partial once, in their `breadcrumbs` block (so the page
//! holds the breadcrumbs the template wrote, and a copy in its own text is found too); the
//! breadcrumbs rendered alone as they were are found in
//! the last build's page exactly once (the template wrote them, so that is where they are), or
//! where the last splice of this page put them. A page whose breadcrumbs come out as they were
//! is left as it is, unread. Any page that fails a step is rendered whole, as before. The
//! spliced pages are checked from the pieces and the place, once per page ([`super::splice`]).

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::splice::{Outcome, Pieces, Splice, Spliced, without_common_ends};
use crate::model::{Page, PageId, Site};
use crate::render::cache::Piece;
use crate::render::default_template;
use crate::render::inputs::PageReads;
use crate::render::pieces::{BreadcrumbsView, LanguageSite};
use crate::render::views::breadcrumbs;

impl Splice<'_> {
    /// The pages of `ids` (each read a changed page only for its breadcrumbs) spliced with
    /// their breadcrumbs as the site has them, and the pages left to render whole.
    pub(super) fn breadcrumbs(&self, ids: Vec<PageId>) -> Spliced {
        let Some(cache) = self.templates.cache() else {
            return Spliced::none(ids);
        };
        cache.forget_unplaced();
        let render = |site: &Site, id: PageId| {
            let crumbs = breadcrumbs(site, &site.pages[id], &mut PageReads::default());
            self.templates.render_breadcrumbs(&BreadcrumbsView {
                site: LanguageSite {
                    language: &site.config.language,
                },
                breadcrumbs: &crumbs,
            })
        };
        // A page's breadcrumbs are those of the pages above it: the pages of one section share
        // them, rendered and checked once.
        let mut pieces: BTreeMap<Option<PageId>, Option<Pieces>> = BTreeMap::new();
        for &id in ids
            .iter()
            .filter(|&&id| writes_breadcrumbs(&self.site.pages[id]))
        {
            pieces.entry(self.site.pages[id].parent).or_insert_with(|| {
                let (old, new) =
                    without_common_ends(render(self.old, id)?, render(self.site, id)?)?;
                self.pieces(old, new)
            });
        }
        let outcomes: Vec<Outcome> = ids
            .par_iter()
            .map(|&id| {
                let page = &self.site.pages[id];
                // A page of another template may share its parent with pages of these.
                let piece = pieces
                    .get(&page.parent)
                    .filter(|_| writes_breadcrumbs(page));
                let Some(Some(piece)) = piece else {
                    return Outcome::Render(id);
                };
                match self.kept(id, piece) {
                    Ok(kept) => self
                        .spliced_where_found(cache, kept, Piece::Breadcrumbs, piece)
                        .unwrap_or(Outcome::Render(id)),
                    Err(outcome) => outcome,
                }
            })
            .collect();
        Spliced::from_outcomes(outcomes)
    }
}

/// Whether `page` renders with a template of the theme that writes its breadcrumbs once:
/// `page.html` or `section.html`.
fn writes_breadcrumbs(page: &Page) -> bool {
    let template = page
        .template
        .as_deref()
        .unwrap_or_else(|| default_template(page.kind));
    matches!(template, "page.html" | "section.html")
}

#[cfg(test)]
mod tests {
    /// The splice's proof rests on the theme's `page.html` and `section.html` writing the
    /// breadcrumbs once, through the partial (were they written twice, `found_once` would refuse
    /// every page and the splice would quietly stop).
    #[test]
    fn the_templates_that_splice_breadcrumbs_include_them_once() {
        let include = "{% include \"partials/breadcrumbs.html\" %}";
        for (name, text) in [
            (
                "page.html",
                include_str!("../../../themes/hub/templates/page.html"),
            ),
            (
                "section.html",
                include_str!("../../../themes/hub/templates/section.html"),
            ),
            (
                "base.html",
                include_str!("../../../themes/hub/templates/base.html"),
            ),
        ] {
            let expected = usize::from(name != "base.html");
            assert_eq!(text.matches(include).count(), expected, "{name}");
            assert_eq!(text.matches("{% block breadcrumbs %}").count(), 1, "{name}");
        }
    }
}
