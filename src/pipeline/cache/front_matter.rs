//! The second shortcut: an edit to the front matter of pages the site has (a title, a
//! summary, topics, dates), where nothing moves. The model is made again from the sources with
//! the edited pages (every other source is the last build's), and compared with the kept one
//! page by page; then only the content pages whose recorded inputs ([`RenderInputs`]) include a
//! page that differs are rendered again, with the pages made from the model (which read every
//! page; the render cache skips those whose view did not change), their search documents are
//! replaced in the kept index, the files that list every page (sitemap, feeds) are made again,
//! and every other file is the last build's.
//!
//! It applies only when the edit leaves the site's shape as it was: the same pages at the same
//! addresses, in the same sections and languages, and the rest of the model (topics, weeks,
//! sessions, services, resources, booklets) unchanged. Anything else (a page added, removed,
//! moved or made a draft, a related session whose page now lists it, a problem) runs the whole
//! pipeline, which reports as a build does.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{Changes, Edited, Kept, patched};
use crate::load::page::parse_page;
use crate::load::read_source;
use crate::model::session::Session;
use crate::model::{ModelOptions, Page, PageId, Service, Site, build_site};
use crate::output::origins::{self, CleanPages};
use crate::output::search::documents::page_document;
use crate::output::search::layout::SHARDS;
use crate::output::{feeds, links, sitemap};
use crate::pipeline::BuildOptions;
use crate::render::{RenderedPage, last_modified, render_pages_again};

/// Applies `changes` to `kept` if they edit only the front matter (and text) of pages the site
/// has without moving any; `None`, with `kept` as it was, otherwise.
pub(super) fn apply_front_matter_edits(
    kept: &mut Kept,
    changes: &Changes,
    clean_pages: &CleanPages,
    options: &BuildOptions,
) -> Option<Edited> {
    if changes.config || changes.rescan || kept.built.site.languages.is_multilingual() {
        return None;
    }
    let mut sources = kept.built.sources.clone();
    // Every page the batch names counts as changed, even when its text is what the kept
    // sources hold: the text shortcut, when it gives up, may have taken the new text already.
    let mut named = BTreeSet::new();
    for path in &changes.paths {
        let raw = sources.pages.iter().position(|p| p.file.path == *path)?;
        named.insert(raw);
        let file = read_source(&sources.root, &sources.root.join(path)).ok()?;
        if file.text != sources.pages[raw].file.text {
            let content_path = sources.pages[raw].content_path.clone();
            sources.pages[raw] = Arc::new(parse_page(file, content_path).ok()?);
        }
    }
    let model = ModelOptions {
        drafts: options.drafts,
        now: options.now,
    };
    let (site, _warnings) = build_site(&sources, &model).ok()?;
    let old = &kept.built.site;
    if !same_shape(old, &site) {
        return None;
    }
    let changed: BTreeSet<PageId> = old
        .pages
        .iter()
        .zip(&site.pages)
        .enumerate()
        .filter(|(_, (old, new))| named.contains(&new.raw) || differs(old, new))
        .map(|(id, _)| PageId::new(id))
        .collect();
    let readers = kept.built.inputs.readers_of(&changed);
    let templates = &kept.built.templates;
    let (rendered, reads) =
        render_pages_again(&site, templates, &readers, &kept.built.downloads).ok()?;
    // Every page the last build published is published again, and no other.
    let generated = rendered.pages.len() - readers.len();
    if site.pages.len() + generated + 1 != kept.output.page_count {
        return None;
    }
    if !origins::check_page_origins(&sources, &rendered.pages, Some(clean_pages)).is_empty() {
        return None;
    }
    let resolves = |path: &str| {
        !path.trim_start_matches('/').starts_with(SHARDS) && links::resolves(&kept.output, path)
    };
    let all_lead_somewhere = rendered.site_links.iter().all(|l| resolves(&l.path))
        && rendered.pages.iter().all(|page| {
            links::page_links(&page.html, &kept.output.urls)
                .iter()
                .all(|link| matches!(link, links::PageLink::Site(path) if resolves(path)))
        });
    if !all_lead_somewhere {
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
    replaced.push((
        "404.html".to_owned(),
        Arc::new(rendered.not_found.clone().into_bytes()),
    ));
    let every_page = every_page(&site, &readers, rendered.pages);
    let sitemap = sitemap::render_sitemap(&site.config, &site.languages, &every_page);
    replaced.push((sitemap::SITEMAP.to_owned(), Arc::new(sitemap.into_bytes())));
    for feed in feeds {
        replaced.push((feed.path, Arc::new(feed.xml.into_bytes())));
    }
    if !replaced
        .iter()
        .all(|(path, _)| kept.output.get(path).is_some())
    {
        return None;
    }
    let documents = readers
        .iter()
        .filter_map(|&id| page_document(&site, &site.pages[id]))
        .collect();
    if !kept.search.replace_many(documents) {
        return None;
    }
    let output = Arc::new(patched(
        &kept.output,
        replaced,
        vec![(String::new(), kept.search.lay_out())],
    ));
    for (id, reads) in reads {
        kept.built.inputs.set(id, reads);
    }
    kept.built.sources = sources;
    kept.built.site = site;
    kept.output = Arc::clone(&output);
    Some(Edited {
        output,
        pages: readers.len() + generated,
    })
}

/// Whether `new` has the pages of `old` at the same addresses, in the same sections and
/// languages, and the same everything else: what the recorded inputs of the last build assume.
fn same_shape(old: &Site, new: &Site) -> bool {
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
            .zip(&new.pages)
            .all(|(a, b)| same_place(a, b))
        && old.by_content_path == new.by_content_path
        && old.untranslated == new.untranslated
        && rest_of_model(old) == rest_of_model(new)
}

/// Everything of the model but its pages, written out to be compared: what no page's
/// recorded inputs name. The pages a session or service lists as related are left out: only
/// their own pages show them, which are made from the model and always rendered again.
fn rest_of_model(site: &Site) -> String {
    let sessions: Vec<Session> = site
        .sessions
        .iter()
        .map(|session| {
            let mut session = session.clone();
            session.related_lists.pages = std::sync::Arc::from([]);
            session
        })
        .collect();
    let services: Vec<Service> = site
        .services
        .iter()
        .map(|service| {
            let mut service = service.clone();
            service.related_lists.pages = std::sync::Arc::from([]);
            service
        })
        .collect();
    format!(
        "{:?}{:?}{sessions:?}{services:?}{:?}{:?}{:?}{:?}",
        site.topics,
        site.weeks,
        site.resources,
        site.booklets,
        site.printed_directory,
        site.favicon
    )
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
    !Arc::ptr_eq(text, &new.text)
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

/// Every page of the site for the sitemap, in URL order: those rendered again as they are,
/// every other content page by its address and date (all the sitemap reads of it).
fn every_page(site: &Site, readers: &[PageId], rendered: Vec<RenderedPage>) -> Vec<RenderedPage> {
    let again: BTreeSet<PageId> = readers.iter().copied().collect();
    let mut pages = rendered;
    for (id, page) in site.pages.iter().enumerate() {
        if !again.contains(&PageId::new(id)) {
            pages.push(RenderedPage {
                url: page.url.clone(),
                html: String::new(),
                source: site.raw(page).file.path.clone(),
                last_modified: last_modified(page),
            });
        }
    }
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    pages
}
