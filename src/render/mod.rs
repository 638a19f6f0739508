//! Stage 3, render: turns the [`Site`] into HTML pages with Markdown and the theme's templates.
//!
//! Every page is rendered from one typed view (see [`views`]); pages render in parallel and
//! every problem is collected. Output files beside the pages (sitemap, feeds) are the next
//! stage's job.

pub mod booklet;
pub mod cache;
pub mod cards;
pub mod directory;
pub mod home;
pub mod inputs;
pub mod markdown;
pub mod partial;
pub mod pieces;
pub mod programme;
pub mod resources;
pub mod search;
pub mod sentence;
pub mod template_deps;
pub mod templates;
pub mod topics;
pub mod untrusted;
pub mod views;

use std::path::PathBuf;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::model::sensitivity::Sensitivity;
use crate::model::{ById, Page, PageId, PageKind, Site, UrlPath};
pub use crate::written::WrittenPage;
use inputs::{Generated, GeneratedRecord, PageReads, RenderInputs};
use markdown::{MarkdownSource, Rendered, SiteLink, render_markdown};
pub use programme::ProgrammeWeeks;
pub use templates::Templates;
pub use topics::TopicPages;
use views::{
    NotFoundView, PageView, SiteView, breadcrumbs, card, page_meta, shows_exit, site_view,
};

/// One HTML page, ready to write.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// Where it is published.
    pub url: UrlPath,
    /// The HTML, or what is left of it once written.
    pub html: PageHtml,
    /// The file it came from, for messages (`content/self-help/a.md`, or a generated name).
    pub source: PathBuf,
    /// When it last changed, for the sitemap.
    pub last_modified: Option<Date>,
}

/// A rendered page's HTML: in memory, or already written to the staging folder by a
/// [`PageHook`] (`hubsite build`), which keeps only what the later stages need of it.
#[derive(Debug, Clone)]
pub enum PageHtml {
    /// The page's text.
    Text(String),
    /// Written; its size and links.
    Written(WrittenPage),
}

impl PageHtml {
    /// The page's text, while it is in memory (always, in `serve` and `hubsite check`, which
    /// render without a hook).
    pub fn text(&self) -> Option<&str> {
        match self {
            PageHtml::Text(html) => Some(html),
            PageHtml::Written(_) => None,
        }
    }

    /// The text of a page rendered without a hook, as `serve`'s shortcuts render: empty for a
    /// written page, which only `hubsite build` makes and which nothing reads back.
    pub fn in_memory(&self) -> &str {
        self.text().unwrap_or_default()
    }

    /// [`PageHtml::in_memory`], taken.
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            PageHtml::Text(html) => html.into_bytes(),
            PageHtml::Written(_) => Vec::new(),
        }
    }
}

impl Default for PageHtml {
    fn default() -> PageHtml {
        PageHtml::Text(String::new())
    }
}

/// What becomes of each page as soon as it is rendered, across threads. `hubsite build`'s
/// hook (in the pipeline) checks the page, writes it to the staging folder and leaves a
/// [`PageHtml::Written`] in its place, so that no build holds every page in memory at once.
pub trait PageHook: Sync {
    /// Takes over the rendered `page`; a page it took over already ([`PageHtml::Written`]) it
    /// leaves as it is (the programme's and the directory's pages are handed over as each is
    /// rendered, then again with their group).
    fn finished(&self, page: &mut RenderedPage);
}

/// Hands each of `pages` to `hook`, across cores.
fn finish_all(pages: &mut [RenderedPage], hook: Option<&dyn PageHook>) {
    if let Some(hook) = hook {
        pages.par_iter_mut().for_each(|page| hook.finished(page));
    }
}

/// Files the pages offer for download, made before the pages from the model (the booklets'
/// and the directory's PDFs): their sizes, so that a link can say how large its file is ('84 KB').
#[derive(Debug, Default, Clone)]
pub struct Downloads(std::collections::BTreeMap<String, usize>);

impl Downloads {
    /// Records that the file at `site_path` (`/sessions/2024/booklet.pdf`) has `bytes` bytes.
    pub fn insert(&mut self, site_path: &str, bytes: usize) {
        self.0
            .insert(site_path.trim_start_matches('/').to_owned(), bytes);
    }

    /// The size of the file at `site_path`; 0 if the build made none there.
    pub fn size(&self, site_path: &str) -> usize {
        self.0
            .get(site_path.trim_start_matches('/'))
            .copied()
            .unwrap_or_default()
    }
}

/// The site's pages as HTML, and the site links their Markdown made.
#[derive(Debug, Default)]
pub struct RenderedSite {
    /// Every page, in URL order.
    pub pages: Vec<RenderedPage>,
    /// The 404 page, which lives outside the tree of URLs.
    pub not_found: String,
    /// Links to site paths written in Markdown, to check against the outputs.
    pub site_links: Vec<SiteLink>,
    /// What each content page's view read of the model's pages (`serve`'s dependency map).
    pub inputs: RenderInputs,
}

/// A rendered content page with the site links it makes and the pages its view read, or the
/// problems that stopped it.
type PageResult = Result<(RenderedPage, Vec<SiteLink>, PageReads), Vec<Diagnostic>>;

/// Renders every page of the site.
/// `downloads` are the files made before the pages that pages link to with their size;
/// `hook`, if given, takes over each page as soon as it is rendered.
pub fn render_site(
    site: &Site,
    templates: &Templates,
    downloads: &Downloads,
    hook: Option<&dyn PageHook>,
) -> Result<RenderedSite, Error> {
    let ids: Vec<PageId> = site.pages.ids().collect();
    let (mut rendered, reads, generated) = render_pages(
        site,
        templates,
        &ids,
        &Generated::ALL,
        GeneratedSubset::EVERY,
        downloads,
        hook,
    )?;
    rendered.inputs = RenderInputs::new(
        reads.into_iter().map(|(_, reads)| reads).collect(),
        generated,
    );
    Ok(rendered)
}

/// Which of the topics' and the programme's pages [`render_pages`] makes of their groups: a
/// build every one; `serve` those an edit can change (the others are the last build's).
#[derive(Debug, Clone, Copy)]
pub struct GeneratedSubset<'a> {
    /// Which topics' pages.
    pub topics: TopicPages<'a>,
    /// Which weeks' pages.
    pub weeks: ProgrammeWeeks<'a>,
}

impl<'a> GeneratedSubset<'a> {
    /// Every page of every group.
    pub const EVERY: GeneratedSubset<'static> = GeneratedSubset {
        topics: TopicPages::Every,
        weeks: ProgrammeWeeks::Every,
    };

    /// The pages of the topics `topics` names, and every week's.
    pub fn topics(topics: TopicPages<'a>) -> GeneratedSubset<'a> {
        GeneratedSubset {
            topics,
            weeks: ProgrammeWeeks::Every,
        }
    }
}

/// What [`render_pages`] made: the pages, and what each content page and each group
/// of generated pages read.
pub type RenderedAgain = (
    RenderedSite,
    Vec<(PageId, PageReads)>,
    Vec<(Generated, GeneratedRecord)>,
);

/// The content pages `ids` and the generated pages of `groups`, sorted by URL, with each
/// content page's reads in the order of `ids` and each group's: a build renders them all;
/// `serve`, after an edit to pages' front matter, the pages whose recorded inputs changed.
/// `hook`, if given, takes over each page as soon as it is rendered.
pub fn render_pages(
    site: &Site,
    templates: &Templates,
    ids: &[PageId],
    groups: &[Generated],
    subset: GeneratedSubset,
    downloads: &Downloads,
    hook: Option<&dyn PageHook>,
) -> Result<RenderedAgain, Error> {
    let site_view = site_view(site);
    let parts = GeneratedParts {
        only: groups,
        subset,
        hook,
    };
    // The content pages and the generated sections render side by side, each across cores.
    let (results, generated) = rayon::join(
        || -> Vec<PageResult> {
            // In runs of a few pages, so that the last pages are shared out between the
            // cores too (rayon's own split left one core rendering the last 2% alone).
            ids.par_iter()
                .with_max_len(PAGES_A_JOB)
                .map(|&id| {
                    let mut result = render_content_page(site, templates, &site_view, id);
                    if let (Some(hook), Ok((page, _, _))) = (hook, &mut result) {
                        hook.finished(page);
                    }
                    result
                })
                .collect()
        },
        || render_generated_pages(site, templates, &site_view, downloads, parts),
    );
    let mut problems = Diagnostics::default();
    let mut rendered = RenderedSite::default();
    let mut all_reads = Vec::with_capacity(ids.len());
    for (result, &id) in results.into_iter().zip(ids) {
        match result {
            Ok((page, links, reads)) => {
                rendered.pages.push(page);
                rendered.site_links.extend(links);
                all_reads.push((id, reads));
            }
            Err(found) => found.into_iter().for_each(|d| problems.push(d)),
        }
    }
    let (generated, found, records) = generated;
    rendered.pages.extend(generated.pages);
    rendered.site_links.extend(generated.site_links);
    rendered.not_found = generated.not_found;
    found.into_iter().for_each(|d| problems.push(d));
    problems.into_result(()).map_err(Error::Content)?;
    rendered.pages.sort_by(|a, b| a.url.cmp(&b.url));
    Ok((rendered, all_reads, records))
}

/// How many content pages a job renders at most ([`render_pages`]).
const PAGES_A_JOB: usize = 16;

/// Which generated pages [`render_generated_pages`] makes, and what takes them over.
struct GeneratedParts<'a> {
    /// The groups to render.
    only: &'a [Generated],
    /// Which topics' and weeks' pages.
    subset: GeneratedSubset<'a>,
    /// Takes over each page as soon as its group is rendered.
    hook: Option<&'a dyn PageHook>,
}

/// The pages made from the model rather than from a Markdown file of their own: topics,
/// resources, the programme, the directory, search and 404 (the groups `only` names), with
/// what each group read of the model's pages.
fn render_generated_pages(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    downloads: &Downloads,
    parts: GeneratedParts,
) -> (
    RenderedSite,
    Vec<Diagnostic>,
    Vec<(Generated, GeneratedRecord)>,
) {
    let GeneratedParts {
        only,
        subset: GeneratedSubset {
            topics: topic_pages,
            weeks,
        },
        hook,
    } = parts;
    let mut problems = Vec::new();
    let mut rendered = RenderedSite::default();
    let mut records = Vec::new();
    let one = |d: Diagnostic| vec![d];
    // The programme first: its booklets are the longest single pieces of work.
    for &group in only {
        // What the group's pages were rendered with: `serve` renders the group again when
        // one of these templates' files changes.
        let recording = templates.recording();
        let templates = &recording;
        let (result, reads) = match group {
            Generated::Programme => {
                // Session pages show the pages chosen as related to them (as cards).
                let related = site
                    .sessions
                    .iter()
                    .flat_map(|s| s.related_lists.pages.iter());
                let result =
                    programme::render_programme(site, templates, site_view, downloads, weeks, hook)
                        .map(|programme| {
                            rendered.site_links.extend(programme.site_links);
                            programme.pages
                        });
                (result, PageReads::these(related.copied()))
            }
            // A topic's page lists every page with that topic: it reads them all.
            Generated::Topics => (
                topics::render_topic_pages(site, templates, site_view, topic_pages).map_err(one),
                PageReads::every_page(),
            ),
            Generated::Resources => (
                resources::render_resource_pages(site, templates, site_view).map_err(one),
                PageReads::default(),
            ),
            Generated::Directory => {
                // Service pages show the pages chosen as related to them (as cards).
                let related = site
                    .services
                    .iter()
                    .flat_map(|s| s.related_lists.pages.iter());
                (
                    directory::render_directory_pages(site, templates, site_view, downloads, hook)
                        .map_err(one),
                    PageReads::these(related.copied()),
                )
            }
            Generated::Search => (
                search::render_search_page(site, templates, site_view)
                    .map(|page| vec![page])
                    .map_err(one),
                PageReads::default(),
            ),
            Generated::NotFound => {
                let not_found = NotFoundView {
                    site: site_view,
                    show_exit: shows_exit(site, "", Sensitivity::Ordinary),
                };
                let result = templates
                    .render("404.html", &not_found, "404.html")
                    .map(|html| {
                        rendered.not_found = html;
                        Vec::new()
                    })
                    .map_err(one);
                (result, PageReads::default())
            }
        };
        match result {
            Ok(mut pages) => {
                let mut record = GeneratedRecord::new(reads, &pages);
                record.templates = recording.used();
                records.push((group, record));
                // Each group's pages go to the hook as soon as the group is rendered (the
                // programme's and the directory's as each is: a page written already is left
                // as it is).
                finish_all(&mut pages, hook);
                rendered.pages.extend(pages);
            }
            Err(found) => problems.extend(found),
        }
    }
    (rendered, problems, records)
}

/// Renders one content page as a full build would: `serve` does this after an edit to a
/// page's text, which changes nothing else the page shows.
pub fn render_one_page(
    site: &Site,
    templates: &Templates,
    id: PageId,
) -> Result<(RenderedPage, Vec<SiteLink>), Vec<Diagnostic>> {
    render_content_page(site, templates, &site_view(site), id).map(|(page, links, _)| (page, links))
}

fn render_content_page(
    site: &Site,
    templates: &Templates,
    site_view: &SiteView,
    id: PageId,
) -> PageResult {
    // Every other page the view shows is read through `reads`, which records it.
    let mut reads = PageReads::of(id);
    let page = &site.pages[id];
    let raw = site.raw(page);
    let body = render_body(site, templates, page).map_err(|d| vec![d])?;
    if !body.problems.is_empty() {
        return Err(body.problems);
    }
    let view = PageView {
        site: site_view,
        page: page_meta(site, page, body.words),
        content: body.html,
        toc: body.toc,
        breadcrumbs: breadcrumbs(site, page, &mut reads),
        children: page
            .children
            .iter()
            .map(|&id| card(reads.page(site, id), &site.dates))
            .collect(),
        by_topic: if page.kind == PageKind::Section {
            views::group_by_topic(site, &page.children, &mut reads)
        } else {
            Vec::new()
        },
        by_audience: if page.kind == PageKind::Section {
            views::group_by_audience(site, &page.children, &mut reads)
        } else {
            Vec::new()
        },
        related_services: directory::views::related_services(site, &page.related_lists.services),
        related_resources: resources::related_resource_views(site, &page.related_lists.resources),
        show_exit: shows_exit(site, &page.section_name, page.sensitivity),
    };
    let template = page
        .template
        .clone()
        .unwrap_or_else(|| default_template(page.kind).to_owned());
    let source = raw.file.path.to_string_lossy().into_owned();
    let html = match page.kind {
        PageKind::Home => {
            let view = home::home_view(site, view, &mut reads);
            templates.render(&template, &view, &source)
        }
        _ => templates.render(&template, &view, &source),
    }
    .map_err(|d| vec![d])?;
    let last_modified = last_modified(page);
    Ok((
        RenderedPage {
            url: page.url.clone(),
            html: PageHtml::Text(html),
            source: raw.file.path.clone(),
            last_modified,
        },
        body.site_links,
        reads,
    ))
}

fn render_body(site: &Site, templates: &Templates, page: &Page) -> Result<Rendered, Diagnostic> {
    let raw = site.raw(page);
    let file = raw.source()?;
    let content_dir = raw.content_path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let source = MarkdownSource {
        file: &file,
        offset: raw.body_offset,
        content_dir,
    };
    let resolve = |path: &str| site.url_of_content_path(path);
    Ok(match templates.cache() {
        Some(cache) => cache.markdown(&source, &resolve),
        None => render_markdown(raw.body_in(&file), &source, &resolve),
    })
}

/// When a content page last changed, for the sitemap: its review date, else its date.
pub fn last_modified(page: &Page) -> Option<Date> {
    page.last_reviewed.or(page.date)
}

/// The template each kind of page uses unless its front matter names another.
pub fn default_template(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Home => "home.html",
        PageKind::Section => "section.html",
        PageKind::Page => "page.html",
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::written::HrefTable;

    /// Takes each page over as `hubsite build`'s hook does (its HTML replaced by what is left
    /// once written), counting those it took.
    #[derive(Default)]
    struct Taking(AtomicUsize);

    impl PageHook for Taking {
        fn finished(&self, page: &mut RenderedPage) {
            if let PageHtml::Text(html) = &page.html {
                self.0.fetch_add(1, Ordering::Relaxed);
                page.html = PageHtml::Written(WrittenPage {
                    len: html.len(),
                    hrefs: Box::default(),
                    table: Arc::new(HrefTable::default()),
                });
            }
        }
    }

    /// The council site's model and templates, as a build makes them.
    fn council() -> (Site, Templates) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/council");
        let sources = crate::load::load_site(&root, &Default::default()).expect("it loads");
        let options = crate::model::ModelOptions {
            drafts: false,
            now: "2026-11-26T10:00:00Z".parse().expect("a time"),
        };
        let (site, _) = crate::model::build_site(&sources, &options).expect("it builds");
        let templates = Templates::parse(&sources.templates)
            .expect("templates parse")
            .with_urls(&sources.config.urls)
            .with_messages(Arc::clone(&site.messages))
            .with_languages(Arc::clone(&site.languages));
        (site, templates)
    }

    /// The programme's and the directory's pages (most of a large site's generated HTML: 500
    /// MB at 100,000 pages) are handed to the hook as each is rendered, not once their whole
    /// group is: every page they give back is written already, each taken over once.
    #[test]
    fn the_programme_and_the_directory_hand_each_page_over_as_it_renders() {
        let (site, templates) = council();
        let view = site_view(&site);
        let downloads = Downloads::default();
        let hook = Taking::default();
        let programme = programme::render_programme(
            &site,
            &templates,
            &view,
            &downloads,
            ProgrammeWeeks::Every,
            Some(&hook),
        )
        .expect("the programme renders");
        let directory =
            directory::render_directory_pages(&site, &templates, &view, &downloads, Some(&hook))
                .expect("the directory renders");
        // Every session's page (rendered with its week's pages), and every directory page.
        let sessions: Vec<&RenderedPage> = site
            .sessions
            .iter()
            .filter_map(|session| programme.pages.iter().find(|p| p.url == session.url))
            .collect();
        assert_eq!(sessions.len(), site.sessions.len());
        assert!(sessions.len() > 5, "{}", sessions.len());
        assert!(directory.len() > 5, "{}", directory.len());
        for page in sessions.into_iter().chain(&directory) {
            assert!(
                matches!(page.html, PageHtml::Written(_)),
                "{} was not handed over as it rendered",
                page.url
            );
        }
        let written = programme
            .pages
            .iter()
            .chain(&directory)
            .filter(|page| matches!(page.html, PageHtml::Written(_)))
            .count();
        assert_eq!(hook.0.load(Ordering::Relaxed), written);
    }
}
