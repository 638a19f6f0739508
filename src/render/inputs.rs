//! The dependency map `serve` keeps: which model pages each content page's view read.
//!
//! A view reaches another page of the model only through a [`PageReads`], the recorder the
//! code that builds content pages' views is given: `reads.page(site, id)` records the page and
//! returns it. So what a content page shows of other pages (its breadcrumbs' sections, its
//! children's cards, the home page's self-help route) is in its record, and [`RenderInputs`]
//! answers which pages must be rendered again when some pages of the model changed.
//!
//! The pages made from the model rather than from a Markdown file are recorded by group
//! ([`Generated`]), where each group is rendered: the programme and the directory read the
//! pages their sessions and services list as related, a topic's page reads every page (it
//! looks through them all for its topic), the library, search and 404 read none. The edits of
//! sessions and services (`pipeline::cache::sessions` and `services`) use the groups' records
//! only to check that the programme or the directory made the same pages; what reads a session
//! or a service is known there by kind. What is not recorded, and why that is safe for the use
//! of the map after an edit of pages' front matter (`pipeline::cache`): the rest of the model (topics, weeks, sessions, services, resources),
//! which the shortcut requires to be unchanged but for the related pages of sessions and
//! services (whose groups it renders again when those change), and the pages' addresses, which
//! it requires to be the same. `tests/serve_front_matter.rs` compares every edit the shortcut
//! applies with a full build byte for byte.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use crate::model::{Page, PageId, Site, UrlPath};
use crate::render::RenderedPage;

/// What one page's view read of the model's pages: itself and every page it showed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageReads {
    pages: BTreeSet<PageId>,
    /// The pages it showed only as its breadcrumbs show them (their titles, addresses and
    /// languages): `serve` splices new breadcrumbs into a page that read a changed page only
    /// so (`pipeline::cache::crumbs`).
    crumbs: BTreeSet<PageId>,
    /// It read every page (a topic's page looks through them all for its own).
    every_page: bool,
}

impl PageReads {
    /// A record for the page `own`, which its view reads first of all.
    pub fn of(own: PageId) -> PageReads {
        PageReads::these([own])
    }

    /// A record of `pages`.
    pub fn these(pages: impl IntoIterator<Item = PageId>) -> PageReads {
        PageReads {
            pages: pages.into_iter().collect(),
            crumbs: BTreeSet::new(),
            every_page: false,
        }
    }

    /// A record of every page.
    pub fn every_page() -> PageReads {
        PageReads {
            pages: BTreeSet::new(),
            crumbs: BTreeSet::new(),
            every_page: true,
        }
    }

    /// The page `id` of `site`, recorded as read.
    pub fn page<'s>(&mut self, site: &'s Site, id: PageId) -> &'s Page {
        self.pages.insert(id);
        &site.pages[id]
    }

    /// The page `id` of `site`, recorded as read for the breadcrumbs only: what the caller
    /// shows of it is what [`crate::render::views::breadcrumbs`] shows.
    pub(crate) fn crumb<'s>(&mut self, site: &'s Site, id: PageId) -> &'s Page {
        self.crumbs.insert(id);
        &site.pages[id]
    }

    /// Adds what `other` read: a group's record made for some of its pages (`serve`) keeps
    /// the reads of the pages not made again, which are the last build's.
    pub fn extend(&mut self, other: &PageReads) {
        self.pages.extend(other.pages.iter().copied());
        self.crumbs.extend(other.crumbs.iter().copied());
        self.every_page |= other.every_page;
    }

    /// Whether the view read any of `pages`.
    pub fn read_any(&self, pages: &BTreeSet<PageId>) -> bool {
        self.read_beyond_crumbs(pages) || self.read_as_crumbs(pages)
    }

    /// Whether the view showed any of `pages` in its breadcrumbs.
    fn read_as_crumbs(&self, pages: &BTreeSet<PageId>) -> bool {
        self.crumbs.iter().any(|id| pages.contains(id))
    }

    /// Whether the view read any of `pages` for more than its breadcrumbs.
    pub fn read_beyond_crumbs(&self, pages: &BTreeSet<PageId>) -> bool {
        match self.every_page {
            true => !pages.is_empty(),
            false => self.pages.iter().any(|id| pages.contains(id)),
        }
    }
}

/// The groups of pages made from the model, each rendered as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Generated {
    /// The practice weeks, their sessions and filters.
    Programme,
    /// The topics and each topic's page.
    Topics,
    /// The resource library.
    Resources,
    /// The directory of services.
    Directory,
    /// The search page.
    Search,
    /// The 404 page.
    NotFound,
}

impl Generated {
    /// Every group, the programme first (its booklets are the longest single pieces of work).
    pub const ALL: [Generated; 6] = [
        Generated::Programme,
        Generated::Topics,
        Generated::Resources,
        Generated::Directory,
        Generated::Search,
        Generated::NotFound,
    ];
}

/// What a group of generated pages read, and what the sitemap needs of its pages.
#[derive(Debug, Clone, Default)]
pub struct GeneratedRecord {
    /// The model's pages its views read.
    pub reads: PageReads,
    /// Its pages' addresses and dates.
    pub pages: Vec<(UrlPath, Option<Date>)>,
    /// The templates its pages were rendered with (by name, as the renderer asked for them).
    pub templates: BTreeSet<String>,
}

impl GeneratedRecord {
    /// The record of a group that read `reads` and made `pages`.
    pub fn new(reads: PageReads, pages: &[RenderedPage]) -> GeneratedRecord {
        GeneratedRecord {
            reads,
            pages: pages
                .iter()
                .map(|p| (p.url.clone(), p.last_modified))
                .collect(),
            templates: BTreeSet::new(),
        }
    }
}

/// The [`PageReads`] of every content page of a build, by page, and of each group of
/// generated pages.
#[derive(Debug, Clone, Default)]
pub struct RenderInputs {
    by_page: Vec<PageReads>,
    generated: BTreeMap<Generated, GeneratedRecord>,
}

impl RenderInputs {
    /// The map of a build, from each content page's record in page order and each group's.
    pub fn new(
        by_page: Vec<PageReads>,
        generated: Vec<(Generated, GeneratedRecord)>,
    ) -> RenderInputs {
        RenderInputs {
            by_page,
            generated: generated.into_iter().collect(),
        }
    }

    /// Each group of generated pages' record.
    pub fn generated(&self) -> &BTreeMap<Generated, GeneratedRecord> {
        &self.generated
    }

    /// Puts `record` in the place of group `group`'s.
    pub fn set_generated(&mut self, group: Generated, record: GeneratedRecord) {
        self.generated.insert(group, record);
    }

    /// How many pages it records.
    pub fn len(&self) -> usize {
        self.by_page.len()
    }

    /// Whether it records no page.
    pub fn is_empty(&self) -> bool {
        self.by_page.is_empty()
    }

    /// The pages whose views read any of `changed` (every changed page reads itself).
    pub fn readers_of(&self, changed: &BTreeSet<PageId>) -> Vec<PageId> {
        self.by_page
            .iter()
            .enumerate()
            .filter(|(_, reads)| reads.read_any(changed))
            .map(|(id, _)| PageId::new(id))
            .collect()
    }

    /// [`RenderInputs::readers_of`] in two: the pages whose views read one of `changed` for
    /// more than their breadcrumbs, and those that showed them only in their breadcrumbs.
    pub fn readers_by_crumbs(&self, changed: &BTreeSet<PageId>) -> (Vec<PageId>, Vec<PageId>) {
        let mut whole = Vec::new();
        let mut crumbs = Vec::new();
        for (id, reads) in self.by_page.iter().enumerate() {
            if reads.read_beyond_crumbs(changed) {
                whole.push(PageId::new(id));
            } else if reads.read_as_crumbs(changed) {
                crumbs.push(PageId::new(id));
            }
        }
        (whole, crumbs)
    }

    /// Puts `reads` in the place of page `id`'s record.
    pub fn set(&mut self, id: PageId, reads: PageReads) {
        if let Some(slot) = self.by_page.get_mut(id.index()) {
            *slot = reads;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_are_the_pages_whose_record_names_a_changed_page() {
        let id = PageId::new;
        let mut first = PageReads::of(id(0));
        first.pages.insert(id(2));
        let reads = vec![first, PageReads::of(id(1)), PageReads::of(id(2))];
        let inputs = RenderInputs::new(reads, Vec::new());
        assert_eq!(inputs.readers_of(&BTreeSet::from([id(2)])), [id(0), id(2)]);
        assert_eq!(inputs.readers_of(&BTreeSet::from([id(1)])), [id(1)]);
        assert!(inputs.readers_of(&BTreeSet::new()).is_empty());
    }

    #[test]
    fn a_page_that_showed_a_changed_page_only_in_its_breadcrumbs_is_told_apart() {
        let id = PageId::new;
        let mut child = PageReads::of(id(1));
        child.crumbs.insert(id(0));
        let mut both = PageReads::of(id(2));
        both.crumbs.insert(id(0));
        both.pages.insert(id(0));
        let inputs = RenderInputs::new(vec![PageReads::of(id(0)), child, both], Vec::new());
        let changed = BTreeSet::from([id(0)]);
        assert_eq!(inputs.readers_of(&changed), [id(0), id(1), id(2)]);
        assert_eq!(
            inputs.readers_by_crumbs(&changed),
            (vec![id(0), id(2)], vec![id(1)])
        );
        assert_eq!(
            inputs.readers_by_crumbs(&BTreeSet::from([id(1)])),
            (vec![id(1)], vec![])
        );
    }

    #[test]
    fn a_group_that_read_every_page_reads_any_changed_one() {
        let every = PageReads::every_page();
        assert!(every.read_any(&BTreeSet::from([PageId::new(7)])));
        assert!(!every.read_any(&BTreeSet::new()));
        assert!(!PageReads::default().read_any(&BTreeSet::from([PageId::new(7)])));
    }
}
