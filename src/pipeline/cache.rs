//! What `serve` keeps between runs of the pipeline, each stage's part of it, and the shortcuts
//! (the others in [`front_matter`], [`templates`], [`sessions`], [`services`] and
//! [`topics`]): here, an
//! edit to the text of pages already in the site (their front matter unchanged,
//! nothing else among the changes) is applied to what the last build kept: the pages are read
//! and rendered again, their search documents replaced in the kept index, and every other file
//! is the last build's. Anything else runs every stage, each taking its part of the last build:
//! load the pages the watcher did not name, render the pages whose template set and view did
//! not change (and page bodies' Markdown while their links lead where they did), the outputs
//! the search index (only documents that differ are replaced) and the pages the origin check
//! found clean. A configuration change empties the render cache. Either way the output is what
//! a build without a cache gives; `tests/serve.rs` checks that byte for byte.
//!
//! Why a page's text reaches nothing but its own page and its search document: other pages
//! show what the model holds of a page (title, summary, topics, dates, address), which comes
//! from its front matter; its body is read only by its own page and by search.

mod cards;
mod front_matter;
mod partial;
mod plans;
mod services;
mod sessions;
mod splice;
mod templates;
mod topics;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use super::{BuildOptions, Built, Made, Reuse, Stage, stages};
use crate::check;
use crate::error::Error;
use crate::load::page::parse_page_in;
use crate::load::{KnownPages, RawPage, Sources, read_source};
use crate::model::PageId;
use crate::output::origins::CleanPages;
use crate::output::search::documents::{SearchDocument, page_document};
use crate::output::search::kept::{KeptIndex, SearchFiles};
use crate::output::search::layout::{MANIFEST, RECORDS, SHARDS};
use crate::output::{Contents, Output, OutputFile, links, origins};
use crate::render::cache::{CacheStats, RenderCache};
use crate::render::markdown::SiteLink;
use crate::render::{RenderedPage, render_one_page};
use crate::site_url::language_output_prefix;

/// What changed in the site folder since the cache's last build.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Every changed path, relative to the site folder.
    pub paths: BTreeSet<PathBuf>,
    /// `hubsite.toml` changed: nothing of the last build can be trusted.
    pub config: bool,
    /// Events were lost: rebuild, whatever the paths say.
    pub rescan: bool,
}

impl Changes {
    /// Everything may have changed (the first build, or a configuration change).
    pub fn everything() -> Changes {
        Changes {
            config: true,
            ..Changes::default()
        }
    }
}

/// How a run was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuild {
    /// Only the edited pages' text was applied to the last build.
    PageText,
    /// The edited pages' front matter was applied to the last build: the pages that show
    /// them were rendered again.
    FrontMatter,
    /// Edited templates or static files were applied to the last build: the pages whose
    /// templates need an edited file were rendered again.
    Theme,
    /// Edited weeks and sessions were applied to the last build: the programme, the home
    /// page, the topics of the sessions and the files made from sessions were made again.
    Sessions,
    /// Edited services of the directory were applied to the last build: the directory, the
    /// pages that show an edited service and the files made from services were made again.
    Services,
    /// Edited names or descriptions of topics were applied to the last build: the pages,
    /// sessions, services and resources with an edited topic, the topics' pages and the files
    /// that name topics were made again.
    Topics,
    /// Every stage ran.
    Full,
}

/// What runs keep for the next one (`serve`): each stage's memo and the last good build.
#[derive(Debug, Default)]
pub struct Cache {
    /// render: pages rendered from the same template set and view.
    render: Arc<RenderCache>,
    /// outputs: pages the origin check found clean.
    clean_pages: CleanPages,
    /// The last good build, while it still describes the site.
    kept: Option<Kept>,
    /// What changed since then.
    changes: Changes,
}

/// The last good build's model (with its sources), templates, search index and output.
#[derive(Debug)]
struct Kept {
    built: Built,
    search: KeptIndex,
    output: Arc<Output>,
}

impl Kept {
    /// The search index of the language at `index` of [`Kept::parts`] (`part`).
    fn search_of<'a>(&'a self, index: usize, part: &'a Built) -> Option<&'a KeptIndex> {
        match index {
            0 => Some(&self.search),
            _ => part.search.as_ref(),
        }
    }

    /// Each language's part of the last build, the default language's first, with its own
    /// output: for the default language, `merged` (every language's, which it is part of).
    fn parts<'a>(&'a self, merged: &'a Output) -> impl Iterator<Item = (&'a Built, &'a Output)> {
        std::iter::once((&self.built, merged))
            .chain(self.built.others.iter().map(|other| (other, &other.output)))
    }
}

impl Cache {
    /// A cache with nothing in it: the first run builds everything.
    pub fn new() -> Cache {
        Cache::default()
    }

    /// Notes what changed on disk since the last run; the next run takes it into account.
    pub fn note(&mut self, changes: Changes) {
        self.changes.paths.extend(changes.paths);
        self.changes.config |= changes.config;
        self.changes.rescan |= changes.rescan;
    }

    /// Runs the stages for the changes noted, reusing what they allow.
    pub(super) fn rebuild(
        &mut self,
        options: &BuildOptions,
        progress: &dyn Fn(Stage),
    ) -> Result<Made, Error> {
        let changes = std::mem::take(&mut self.changes);
        let mut pages = KnownPages::default();
        let mut search = None;
        let mut other_searches = Vec::new();
        if let Some(mut kept) = self.kept.take() {
            if let Some(edited) =
                apply_page_text_edits(&mut kept, &changes, &self.clean_pages, options.now)
            {
                let stats = CacheStats {
                    misses: edited.pages,
                    hits: kept.output.page_count - edited.pages,
                    spliced: 0,
                };
                let rebuilt = Made {
                    output: edited.output,
                    output_dir: kept.built.output_dir.clone(),
                    warnings: kept.built.warnings.clone(),
                    how: Rebuild::PageText,
                    stats,
                    asset_hashes: kept.built.sources.asset_hashes.clone(),
                };
                self.kept = Some(kept);
                return Ok(rebuilt);
            }
            // The pages rendered again take their place in the render cache as a build's would,
            // so that it keeps what the last two runs used and no more: a section's title edit
            // renders every page below it, each time with new HTML.
            self.render.start_build();
            let front_matter = front_matter::apply_front_matter_edits(
                &mut kept,
                &changes,
                &self.clean_pages,
                options,
            );
            if front_matter.is_none() {
                self.render.abandon_build();
            }
            if let Some(edited) = front_matter {
                let rebuilt = shortcut_made(&kept, edited, Rebuild::FrontMatter);
                self.kept = Some(kept);
                return Ok(rebuilt);
            }
            self.render.start_build();
            match sessions::apply_session_edits(&mut kept, &changes, &self.clean_pages, options) {
                Some(edited) => {
                    let rebuilt = shortcut_made(&kept, edited, Rebuild::Sessions);
                    self.kept = Some(kept);
                    return Ok(rebuilt);
                }
                None => self.render.abandon_build(),
            }
            self.render.start_build();
            match services::apply_service_edits(&mut kept, &changes, &self.clean_pages, options) {
                Some(edited) => {
                    let rebuilt = shortcut_made(&kept, edited, Rebuild::Services);
                    self.kept = Some(kept);
                    return Ok(rebuilt);
                }
                None => self.render.abandon_build(),
            }
            self.render.start_build();
            match topics::apply_topic_edits(&mut kept, &changes, &self.clean_pages, options) {
                Some(edited) => {
                    let rebuilt = shortcut_made(&kept, edited, Rebuild::Topics);
                    self.kept = Some(kept);
                    return Ok(rebuilt);
                }
                None => self.render.abandon_build(),
            }
            self.render.start_build();
            match templates::apply_theme_edits(
                &mut kept,
                &changes,
                &self.render,
                &self.clean_pages,
                options,
            ) {
                Some(edited) => {
                    let rebuilt = shortcut_made(&kept, edited, Rebuild::Theme);
                    self.kept = Some(kept);
                    return Ok(rebuilt);
                }
                None => self.render.abandon_build(),
            }
            (pages, search, other_searches) = carry_over(kept, &changes);
        }
        if changes.config {
            self.render.clear();
        }
        self.render.start_build();
        let reuse = Reuse {
            pages,
            render: Some(&self.render),
            clean: Some(&self.clean_pages),
            search: Some(search),
            other_searches,
        };
        // On failure the last build is gone (`kept` was taken), so the next run reads and
        // renders everything; the render cache keeps what the last good build used.
        let mut built =
            stages(options, reuse, None, progress).inspect_err(|_| self.render.abandon_build())?;
        let output = Arc::new(std::mem::take(&mut built.output));
        let rebuilt = Made {
            output: Arc::clone(&output),
            output_dir: built.output_dir.clone(),
            warnings: built.warnings.clone(),
            how: Rebuild::Full,
            stats: self.render.stats(),
            asset_hashes: built.sources.asset_hashes.clone(),
        };
        if let Some(search) = built.search.take() {
            self.kept = Some(Kept {
                built,
                search,
                output,
            });
        }
        Ok(rebuilt)
    }
}

/// What a shortcut made of `kept` and `edited`, done `how`.
fn shortcut_made(kept: &Kept, edited: Edited, how: Rebuild) -> Made {
    Made {
        stats: CacheStats {
            misses: edited.pages,
            hits: kept.output.page_count - edited.pages - edited.spliced,
            spliced: edited.spliced,
        },
        output: edited.output,
        output_dir: kept.built.output_dir.clone(),
        warnings: kept.built.warnings.clone(),
        how,
        asset_hashes: kept.built.sources.asset_hashes.clone(),
    }
}

/// What the stages can take from `kept`: its pages but those under the paths `changes` names
/// (none if events were lost, or on a configuration change, whose overrides and options may
/// read pages differently), its search index and each other language's.
fn carry_over(kept: Kept, changes: &Changes) -> (KnownPages, Option<KeptIndex>, Vec<KeptIndex>) {
    let others = kept
        .built
        .others
        .into_iter()
        .filter_map(|language| language.search)
        .collect();
    let pages = if changes.rescan || changes.config {
        KnownPages::default()
    } else {
        KnownPages::new(kept.built.sources.pages, changes.paths.clone())
    };
    (pages, Some(kept.search), others)
}

/// The output after an edit to pages' text, and how many pages were rendered.
struct Edited {
    output: Arc<Output>,
    /// Pages rendered again.
    pages: usize,
    /// Pages made by splicing a new piece into the last build's
    /// ([`splice::splice_topic_links`]).
    spliced: usize,
}

impl Edited {
    /// An edit that changed nothing the last build made: its output as it was.
    fn nothing(kept: &Kept) -> Edited {
        Edited {
            output: Arc::clone(&kept.output),
            pages: 0,
            spliced: 0,
        }
    }
}

/// A file the batch names, read again: a page of the default language or a translation, with
/// its front matter unchanged.
struct NewText {
    path: PathBuf,
    page: Arc<RawPage>,
}

/// Applies `changes` to `kept` if it only changes the text of pages the site has, and every
/// edited page renders without a problem; `None` otherwise. Then the caller runs the whole
/// pipeline: `kept`'s model may be half changed, but its search indexes are untouched until
/// nothing can fail, so the pipeline can update them.
///
/// On a site in several languages each language's part of the last build is patched: a
/// translation's text shows only in its language; a page of the default language shows in the
/// default language and in every language that shows it for want of a translation (the home
/// page and the sections above a translation).
fn apply_page_text_edits(
    kept: &mut Kept,
    changes: &Changes,
    clean_pages: &CleanPages,
    now: jiff::Timestamp,
) -> Option<Edited> {
    if changes.config || changes.rescan {
        return None;
    }
    let texts = reread_page_texts(&kept.built.sources, changes)?;
    if texts.is_empty() {
        return Some(Edited::nothing(kept));
    }
    let merged = Arc::clone(&kept.output);
    let tags: Vec<String> = kept.built.sources.config.languages.clone();
    let mut patches = Vec::new();
    let default = render_language(&mut kept.built, &texts, &merged, &merged, clean_pages)?;
    patches.push((String::new(), default));
    for (other, tag) in kept.built.others.iter_mut().zip(tags.iter().skip(1)) {
        let own = Arc::new(std::mem::take(&mut other.output));
        let patch = render_language(other, &texts, &own, &merged, clean_pages);
        other.output = Arc::unwrap_or_clone(own);
        let folder = language_output_prefix(tag);
        patches.push((folder, patch?));
    }
    // Every file the batch names shows in some language (a draft shows in none).
    if !texts
        .iter()
        .all(|text| patches.iter().any(|(_, p)| p.shows(&text.path)))
    {
        return None;
    }
    let pages = patches.iter().map(|(_, p)| p.pages.len()).sum();
    let mut replaced = Vec::new();
    let mut searches = Vec::new();
    let mut languages = std::iter::once(&mut kept.search).chain(
        kept.built
            .others
            .iter_mut()
            .filter_map(|other| other.search.as_mut()),
    );
    for (folder, patch) in &patches {
        let search = languages.next()?;
        if !patch.documents.iter().all(|d| search.has(d)) {
            return None;
        }
        if !patch.pages.is_empty() {
            search.replace_many(patch.documents.clone());
        }
        for page in &patch.pages {
            replaced.push((
                format!("{folder}{}", page.url.output_file()),
                Arc::new(page.html.clone().into_bytes()),
            ));
        }
        searches.push((folder.clone(), search.lay_out()));
    }
    for (other, (folder, search)) in kept.built.others.iter_mut().zip(searches.iter().skip(1)) {
        let own: Vec<(String, Arc<Vec<u8>>)> = replaced
            .iter()
            .filter_map(|(path, bytes)| {
                Some((path.strip_prefix(folder)?.to_owned(), Arc::clone(bytes)))
            })
            .collect();
        other.output = patched(&other.output, own, vec![(String::new(), search.clone())]);
    }
    let replaced_paths: Vec<String> = replaced.iter().map(|(path, _)| path.clone()).collect();
    let output = Arc::new(patched(&kept.output, replaced, searches));
    kept.built.warnings = warnings_again(&kept.built, &kept.output, &output, &replaced_paths, now);
    kept.output = Arc::clone(&output);
    Some(Edited {
        output,
        pages,
        spliced: 0,
    })
}

/// `built`'s warnings after an edit that replaced the pages at `replaced` of `old` (giving
/// `new`), as the verdict would give them: those that read what pages show are made again
/// (every page's links are read again only when an edited page's links changed).
fn warnings_again(
    built: &Built,
    old: &Output,
    new: &Output,
    replaced: &[String],
    now: jiff::Timestamp,
) -> crate::diag::Diagnostics {
    let bytes = |output: &Output, path: &str| match output.get(path).map(|f| &f.contents) {
        Some(Contents::Bytes(bytes)) => Some(Arc::clone(bytes)),
        _ => None,
    };
    // Across cores (a template edit may replace every page). Links count only for the warning
    // that no page links to a service: none without services.
    let links_moved = !built.site.services.is_empty()
        && replaced
            .par_iter()
            .filter(|path| path.ends_with(".html"))
            .any(|path| {
                let (before, after) = (bytes(old, path), bytes(new, path));
                if before == after {
                    return false;
                }
                let before = before.as_deref().map(|bytes| page_text(bytes));
                let after = after.as_deref().map(|bytes| page_text(bytes));
                let links_before = before
                    .as_deref()
                    .map(|t| check::counted_links(path, t, old));
                let links_after = after.as_deref().map(|t| check::counted_links(path, t, new));
                links_before != links_after
            });
    check::page_warnings_again(built.warnings.clone(), &built.site, new, now, links_moved)
}

/// A published page's text: pages are UTF-8 (checked, not copied); a lossy copy otherwise.
fn page_text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// One language's pages rendered again after an edit to pages' text, with their search
/// documents.
struct LanguagePatch {
    pages: Vec<RenderedPage>,
    documents: Vec<SearchDocument>,
    /// The files of `pages`.
    files: BTreeSet<PathBuf>,
}

impl LanguagePatch {
    fn shows(&self, path: &PathBuf) -> bool {
        self.files.contains(path)
    }
}

/// Points the pages of `built` that show the files of `texts` at their new text and renders
/// them again, checked as a build checks them: their loads (origins), their Markdown links
/// against `own` (this language's output) and their HTML links against `merged` (every
/// language's). `None` when anything does not fit.
fn render_language(
    built: &mut Built,
    texts: &[NewText],
    own: &Output,
    merged: &Output,
    clean_pages: &CleanPages,
) -> Option<LanguagePatch> {
    let mut edited = Vec::new();
    for text in texts {
        for raw in 0..built.sources.pages.len() {
            let old = &built.sources.pages[raw];
            if old.file.path == text.path {
                let new = RawPage {
                    file: text.page.file.clone(),
                    front_offset: text.page.front_offset,
                    body_offset: text.page.body_offset,
                    body: text.page.body.clone(),
                    ..RawPage::clone(old)
                };
                built.sources.pages[raw] = Arc::new(new);
                edited.push(raw);
            }
        }
    }
    // The model's pages share their text with the sources: point them at the new text (the
    // pages are copied first if another model shares them).
    for page in Arc::make_mut(&mut built.site.pages).iter_mut() {
        if edited.contains(&page.raw) {
            page.text = Arc::clone(&built.sources.pages[page.raw]);
        }
    }
    let site = &built.site;
    let mut patch = LanguagePatch {
        pages: Vec::new(),
        documents: Vec::new(),
        files: BTreeSet::new(),
    };
    let mut site_links = Vec::new();
    for raw in &edited {
        // A draft is in the sources but not in the model: nothing shows it.
        let Some(id) = site.pages.iter().position(|p| p.raw == *raw) else {
            continue;
        };
        let id = PageId::new(id);
        let page = &site.pages[id];
        let (html, links) = render_one_page(site, &built.templates, id).ok()?;
        patch.documents.extend(page_document(site, page));
        patch.files.insert(site.raw(page).file.path.clone());
        patch.pages.push(html);
        site_links.extend(links);
    }
    let fits = fit_last_build(
        &built.sources,
        &patch.pages,
        &site_links,
        own,
        merged,
        clean_pages,
    );
    fits.then_some(patch)
}

/// Whether pages a shortcut rendered again fit the last build, checked as a build checks them:
/// they load nothing from other sites, their Markdown links (`site_links`) lead to a file of
/// `own` (this language's output) or one every language shares, and the links written as HTML
/// to a file of `merged` (every language's). Anything else (and a link to a search shard,
/// whose number may change) is left to the whole pipeline, which reports it.
fn fit_last_build(
    sources: &Sources,
    pages: &[RenderedPage],
    site_links: &[SiteLink],
    own: &Output,
    merged: &Output,
    clean_pages: &CleanPages,
) -> bool {
    if !origins::check_page_origins_since(sources, pages, clean_pages, own).is_empty() {
        return false;
    }
    let not_a_shard = |path: &str| !path.trim_start_matches('/').starts_with(SHARDS);
    let urls = &sources.config.urls;
    let own_resolves =
        |path: &str| not_a_shard(path) && (links::resolves(own, path) || urls.is_shared(path));
    site_links.iter().all(|link| own_resolves(&link.path))
        && pages
            .par_iter()
            .all(|page| html_links_resolve(page.html.in_memory(), merged))
}

/// Whether every root-relative link written in `html` leads to a file of `merged` (every
/// language's output), none to a search shard (whose number may change) nor out of the
/// folder the site is hosted in: what [`fit_last_build`] asks of a page's HTML.
fn html_links_resolve(html: &str, merged: &Output) -> bool {
    let not_a_shard = |path: &str| !path.trim_start_matches('/').starts_with(SHARDS);
    links::page_links(html, &merged.urls).iter().all(|link| {
        matches!(link, links::PageLink::Site(path) if not_a_shard(path) && links::resolves(merged, path))
    })
}

/// Where a page's file is among the sources: `pages` or `translations`, and at which index.
#[derive(Clone, Copy)]
enum Place {
    Page(usize),
    Translation(usize),
}

impl Place {
    /// The list of `sources` it is in, and its index there.
    fn in_sources(self, sources: &mut Sources) -> (&mut Vec<Arc<RawPage>>, usize) {
        match self {
            Place::Page(at) => (&mut sources.pages, at),
            Place::Translation(at) => (&mut sources.translations, at),
        }
    }
}

/// The page or translation of `sources` at `path`, read again: where it is, what it was, and
/// what it is now if its file changed; `None` if `path` is neither, or cannot be read or
/// parsed (the whole pipeline reports it).
fn read_again<'a>(
    sources: &'a Sources,
    path: &PathBuf,
) -> Option<(Place, &'a RawPage, Option<RawPage>)> {
    let place = match sources.pages.iter().position(|p| p.file.path == *path) {
        Some(at) => Place::Page(at),
        None => Place::Translation(
            sources
                .translations
                .iter()
                .position(|p| p.file.path == *path)?,
        ),
    };
    let old = match place {
        Place::Page(at) => &sources.pages[at],
        Place::Translation(at) => &sources.translations[at],
    };
    let file = read_source(&sources.root, &sources.root.join(path)).ok()?;
    if file.text == old.file.text {
        return Some((place, old, None));
    }
    let new = parse_page_in(file, old.content_path.clone(), old.language.clone()).ok()?;
    Some((place, old, Some(new)))
}

/// Reads again the files `changes` names; `None` if the batch holds anything but pages and
/// translations the site has whose front matter is unchanged.
fn reread_page_texts(sources: &Sources, changes: &Changes) -> Option<Vec<NewText>> {
    let mut texts = Vec::new();
    for path in &changes.paths {
        let (_, old, new) = read_again(sources, path)?;
        let Some(new) = new else {
            continue;
        };
        if new.head() != old.head() {
            return None;
        }
        texts.push(NewText {
            path: path.clone(),
            page: Arc::new(new),
        });
    }
    Some(texts)
}

/// `previous` with the files of `replaced` given their new contents.
pub(super) fn replace_files(previous: &Output, replaced: &BTreeMap<String, Contents>) -> Output {
    Output {
        files: previous
            .files
            .iter()
            .map(|file| match replaced.get(&file.path) {
                Some(contents) => OutputFile {
                    path: file.path.clone(),
                    contents: contents.clone(),
                },
                None => file.clone(),
            })
            .collect(),
        page_count: previous.page_count,
        urls: previous.urls.clone(),
    }
}

/// `previous` with files `replaced` and each language's search files laid out again (under
/// its folder: empty for the default language).
fn patched(
    previous: &Output,
    replaced: Vec<(String, Arc<Vec<u8>>)>,
    searches: Vec<(String, SearchFiles)>,
) -> Output {
    let mut replaced: BTreeMap<String, Contents> = replaced
        .into_iter()
        .map(|(path, bytes)| (path, Contents::Bytes(bytes)))
        .collect();
    for (folder, search) in &searches {
        replaced.insert(
            format!("{folder}{MANIFEST}"),
            Contents::Bytes(Arc::clone(&search.manifest)),
        );
    }
    let mut files = replace_files(previous, &replaced).files;
    // Shards and records are each one run of the sorted files: the new run takes its place.
    for (folder, search) in searches {
        for (prefix, run) in [(SHARDS, search.shards), (RECORDS, search.records)] {
            let prefix = format!("{folder}{prefix}");
            let start = files.partition_point(|f| f.path.as_str() < prefix.as_str());
            let end = start
                + files[start..]
                    .iter()
                    .take_while(|f| f.path.starts_with(&prefix))
                    .count();
            files.splice(
                start..end,
                run.into_iter().map(|(path, bytes)| OutputFile {
                    path: format!("{folder}{path}"),
                    contents: Contents::Bytes(bytes),
                }),
            );
        }
    }
    Output {
        files,
        page_count: previous.page_count,
        urls: previous.urls.clone(),
    }
}
