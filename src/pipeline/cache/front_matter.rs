//! The second shortcut: an edit to the front matter of pages the site has (a title, a
//! summary, topics, dates), where nothing moves. The kept model is updated with the edited
//! pages ([`update_pages`]: those pages built again, their sections' lists sorted again, the
//! related lists chosen again, everything else the kept model's), and compared with the kept
//! one page by page; then only the content pages and the groups of generated pages whose
//! recorded inputs ([`RenderInputs`](crate::render::inputs::RenderInputs)) include a page that
//! differs are rendered again (a topic's page reads every page, but only the pages of topics a
//! changed page has or had are rendered again), the search documents that can differ are
//! replaced in the kept index, the files that list every page (sitemap, feeds) are made again,
//! and every other file is the last build's. On a site in several languages each language's
//! part of the last build is edited in turn, its sources the kept ones with the edited pages
//! made again.
//!
//! It applies only when the edit leaves the site's shape as it was: the same pages at the same
//! addresses, in the same sections and languages; the rest of the model (topics, weeks,
//! sessions, services, resources, booklets) is the kept one, since only pages changed among
//! the sources. Anything else (a page added, removed, moved or made a draft, a related session
//! whose page now lists it, a problem) runs the whole pipeline, which reports as a build does.

use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;

use super::plans::{Fit, Language, Plan, Sitemap, apply_plans, fit_records};
use super::{Changes, Edited, Kept, fit_last_build, read_again};
use crate::load::Sources;
use crate::model::{Page, PageId, PageKind, Site, TopicId, update_pages};
use crate::output::feeds;
use crate::output::origins::CleanPages;
use crate::output::search::documents::{SearchDocument, page_document};
use crate::pipeline::BuildOptions;
use crate::pipeline::Built;
use crate::pipeline::languages::patched_language_sources;
use crate::render::inputs::Generated;
use crate::render::{GeneratedSubset, TopicPages, last_modified, render_pages};

/// Applies `changes` to `kept` if they edit only the front matter (and text) of pages the site
/// has without moving any; `None` otherwise (with `kept`'s search indexes as they were but on a
/// site in several languages, where one language's may be updated already: the whole pipeline
/// then updates them as it would any index).
pub(super) fn apply_front_matter_edits(
    kept: &mut Kept,
    changes: &Changes,
    clean_pages: &CleanPages,
    options: &BuildOptions,
) -> Option<Edited> {
    if changes.config || changes.rescan {
        return None;
    }
    let sources = reread(&kept.built.sources, changes)?;
    // Each other language's sources are the kept ones with the edited pages made again.
    let mut trees = Vec::new();
    for other in &kept.built.others {
        trees.push(patched_language_sources(
            &kept.built.sources,
            &sources,
            &other.sources,
        )?);
    }
    trees.insert(0, sources);
    let merged = Arc::clone(&kept.output);
    let mut plans = Vec::new();
    for (index, (tree, (part, own))) in trees.into_iter().zip(kept.parts(&merged)).enumerate() {
        let language = Language {
            edit: changes,
            own,
            merged: &merged,
            search: kept.search_of(index, part),
            clean_pages,
            options,
        };
        let plan = language.plan(part, tree)?;
        // Each other language publishes the pages it did.
        if index > 0 && plan.page_count != own.page_count {
            return None;
        }
        plans.push(plan);
    }
    if plans.iter().map(|p| p.page_count).sum::<usize>() != merged.page_count {
        return None;
    }
    // The sitemap shows each page's address and date only: made again when a date changed.
    let sitemap = match plans.iter().any(|p| p.sitemap_changed) {
        true => Sitemap::Again,
        false => Sitemap::Kept,
    };
    let plans = plans.into_iter().map(|p| p.plan).collect();
    apply_plans(kept, plans, sitemap, options)
}

/// The sources with the pages and translations `changes` names read again; `None` if it names
/// anything else or a page has a problem (the whole pipeline reports it).
fn reread(kept: &Sources, changes: &Changes) -> Option<Sources> {
    let mut sources = kept.clone();
    for path in &changes.paths {
        let (place, _, new) = read_again(kept, path)?;
        if let Some(new) = new {
            let (list, at) = place.in_sources(&mut sources);
            list[at] = Arc::new(new);
        }
    }
    Some(sources)
}

/// One language's part of an edit, made and checked but not yet applied, with what is
/// checked across languages before any is applied.
struct LanguagePlan {
    plan: Plan,
    /// Whether a page's address or date in the sitemap changed.
    sitemap_changed: bool,
    /// Pages it publishes, 404 included.
    page_count: usize,
}

impl Language<'_, &Changes> {
    /// The model of `sources` (this language's, edited), compared with `part`'s; the pages
    /// whose recorded inputs changed rendered again and checked as a build checks them.
    fn plan(&self, part: &Built, sources: Sources) -> Option<LanguagePlan> {
        let model = self.model_options();
        // Only pages changed among the sources: the rest of the model is the kept one's.
        let old = &part.site;
        let site = update_pages(old, &part.sources, &sources, &model)?;
        if !pages_in_place(old, &site) {
            return None;
        }
        // Every page from a file the batch names counts as changed, even when its text is
        // what the kept sources hold: the text shortcut, when it gives up, may have taken the
        // new text already.
        let named = |page: &Page| self.edit.paths.contains(&site.raw(page).file.path);
        let changed: BTreeSet<PageId> = old
            .pages
            .iter()
            .zip(site.pages.iter())
            .enumerate()
            .filter(|(_, (old, new))| named(new) || differs(old, new))
            .map(|(id, _)| PageId::new(id))
            .collect();
        // A page that shows a changed page only in its breadcrumbs (a section's title) has its
        // new breadcrumbs spliced in; the others are rendered again.
        let (mut readers, crumbed) = part.inputs.readers_by_crumbs(&changed);
        let spliced = self
            .splice((old, &site), &part.templates, &sources)
            .breadcrumbs(crumbed.clone());
        readers.extend(spliced.rest.iter().copied());
        readers.sort_unstable();
        let groups = groups_to_render(part, old, &site, &changed);
        // A topic's page lists the pages with its topic: only the pages of topics a changed page
        // has or had are rendered again, the others are the last build's.
        let topics: BTreeSet<TopicId> = changed
            .iter()
            .flat_map(|&id| old.pages[id].topics.iter().chain(&site.pages[id].topics))
            .copied()
            .collect();
        let (rendered, reads, mut records) = render_pages(
            &site,
            &part.templates,
            &readers,
            &groups,
            GeneratedSubset::topics(TopicPages::Only(&topics)),
            &part.downloads,
            None,
        )
        .ok()?;
        // The topics' record keeps every topic's page (the same topics: the model's are kept)
        // and every template they were rendered with (the pages not rendered again still
        // need `topic.html` and its partials: a later template edit must find them).
        fit_records(
            &mut records,
            part.inputs.generated(),
            |group, _, _| match group {
                Generated::Topics => Fit::Part,
                _ => Fit::Whole,
            },
        )?;
        // Each group's pages: those rendered again, and the others' as the last build had them.
        let mut generated = part.inputs.generated().clone();
        generated.extend(records.iter().cloned());
        let page_count =
            site.pages.len() + generated.values().map(|g| g.pages.len()).sum::<usize>() + 1;
        let fits = fit_last_build(
            &sources,
            &rendered.pages,
            &rendered.site_links,
            self.own,
            self.merged,
            self.clean_pages,
        );
        if !fits {
            return None;
        }
        let feeds = feeds::render_feeds(&site);
        let feed_paths = |feeds: &[feeds::Feed]| -> BTreeSet<String> {
            feeds.iter().map(|f| f.path.clone()).collect()
        };
        if feed_paths(&feeds) != feed_paths(&feeds::render_feeds(old)) {
            return None;
        }
        let mut replaced: Vec<(String, Arc<Vec<u8>>)> = Vec::new();
        for page in &rendered.pages {
            replaced.push((
                page.url.output_file(),
                Arc::new(page.html.clone().into_bytes()),
            ));
        }
        if groups.contains(&Generated::NotFound) {
            replaced.push((
                "404.html".to_owned(),
                Arc::new(rendered.not_found.clone().into_bytes()),
            ));
        }
        for feed in feeds {
            replaced.push((feed.path, Arc::new(feed.xml.into_bytes())));
        }
        // Spliced pages are checked as they are spliced.
        let spliced_count = spliced.files.len();
        replaced.extend(spliced.files);
        // Every file is one the last build published.
        if !self.published_before(&replaced) {
            return None;
        }
        // A page's search document shows the page and the title of the section it is in:
        // only those of changed pages and of pages in a changed section can differ.
        let sections: BTreeSet<&str> = changed
            .iter()
            .map(|&id| &site.pages[id])
            .filter(|page| page.kind == PageKind::Section)
            .filter(|page| page.url.as_str() == format!("/{}/", page.section_name))
            .map(|page| page.section_name.as_str())
            .collect();
        let documents = self.documents(
            &site,
            &changed,
            &sections,
            readers.iter().chain(&crumbed).copied().collect(),
        );
        let dated = |page: &Page| last_modified(page);
        let sitemap_changed = changed
            .iter()
            .any(|&id| dated(&old.pages[id]) != dated(&site.pages[id]))
            || records.iter().any(|(group, record)| {
                part.inputs.generated().get(group).map(|old| &old.pages) != Some(&record.pages)
            });
        let rendered = rendered.pages.len();
        Some(LanguagePlan {
            plan: Plan {
                sources,
                site,
                reads,
                records,
                documents,
                replaced,
                downloads: None,
                rendered,
                spliced: spliced_count,
                same_links: spliced.same_links,
            },
            sitemap_changed,
            page_count,
        })
    }
}

impl Language<'_, &Changes> {
    /// The search documents of `readers` that can differ: those of changed pages, and of pages
    /// in a section whose title changed (a document shows it). A page not changed has the
    /// body it had ([`Language::documents_keeping_bodies`]).
    fn documents(
        &self,
        site: &Site,
        changed: &BTreeSet<PageId>,
        sections: &BTreeSet<&str>,
        readers: BTreeSet<PageId>,
    ) -> Vec<SearchDocument> {
        let (edited, renamed): (Vec<PageId>, Vec<PageId>) = readers
            .into_iter()
            .filter(|id| {
                changed.contains(id) || sections.contains(site.pages[*id].section_name.as_str())
            })
            .partition(|id| changed.contains(id));
        let mut documents: Vec<SearchDocument> = edited
            .par_iter()
            .filter_map(|&id| page_document(site, &site.pages[id]))
            .collect();
        if !renamed.is_empty() {
            let pages = renamed.par_iter().map(|&id| &site.pages[id]);
            documents.extend(self.documents_keeping_bodies(site, pages));
        }
        documents
    }
}

/// Whether `new` has the pages of `old` at the same addresses, in the same sections and
/// languages: what the recorded inputs of the last build assume (the rest of the model is
/// `old`'s, [`update_pages`]).
fn pages_in_place(old: &Site, new: &Site) -> bool {
    let same_place = |a: &Page, b: &Page| {
        a.raw == b.raw
            && a.url == b.url
            && a.kind == b.kind
            && a.section_name == b.section_name
            && a.parent == b.parent
            && a.lang == b.lang
    };
    old.pages.len() == new.pages.len()
        && old
            .pages
            .iter()
            .zip(new.pages.iter())
            .all(|(a, b)| same_place(a, b))
        && old.by_content_path == new.by_content_path
        && old.untranslated == new.untranslated
}

/// Whether a page of the model differs in anything a view may show. Every field is named, so
/// that a field added to [`Page`] must be added here.
fn differs(old: &Page, new: &Page) -> bool {
    let Page {
        raw,
        text,
        url,
        kind,
        section_name,
        title,
        summary,
        topics,
        audience,
        date,
        last_reviewed,
        weight,
        sensitivity,
        related,
        related_lists,
        template,
        parent,
        children,
        sort_by,
        lang,
    } = old;
    // A translated page's text is made again each run (`language_sources`): equal text is
    // the same page.
    !(Arc::ptr_eq(text, &new.text) || **text == *new.text)
        || *raw != new.raw
        || *url != new.url
        || *kind != new.kind
        || *section_name != new.section_name
        || *title != new.title
        || *summary != new.summary
        || *topics != new.topics
        || *audience != new.audience
        || *date != new.date
        || *last_reviewed != new.last_reviewed
        || *weight != new.weight
        || *sensitivity != new.sensitivity
        || *related != new.related
        || *related_lists != new.related_lists
        || *template != new.template
        || *parent != new.parent
        || *children != new.children
        || *sort_by != new.sort_by
        || *lang != new.lang
}

/// The groups of generated pages to render again: those whose recorded reads include a changed
/// page, and those of sessions or services whose related pages changed.
fn groups_to_render(
    part: &Built,
    old: &Site,
    new: &Site,
    changed: &BTreeSet<PageId>,
) -> Vec<Generated> {
    let sessions = |site: &Site| -> Vec<Arc<[PageId]>> {
        site.sessions
            .iter()
            .map(|s| Arc::clone(&s.related_lists.pages))
            .collect()
    };
    let services = |site: &Site| -> Vec<Arc<[PageId]>> {
        site.services
            .iter()
            .map(|s| Arc::clone(&s.related_lists.pages))
            .collect()
    };
    Generated::ALL
        .into_iter()
        .filter(|group| {
            let read = part
                .inputs
                .generated()
                .get(group)
                .is_none_or(|record| record.reads.read_any(changed));
            read || match group {
                Generated::Programme => sessions(old) != sessions(new),
                Generated::Directory => services(old) != services(new),
                _ => false,
            }
        })
        .collect()
}
