//! What `serve` keeps between runs of the pipeline, each stage's part of it, and the shortcuts
//! that apply an edit to what the last build kept ([`text`]: pages' text; [`front_matter`],
//! [`templates`], [`sessions`], [`services`], [`topics`]; the splices [`splice`] and
//! [`cards`]). Anything else runs every stage, each taking its part of the last build: load the
//! pages the watcher did not name, render the pages whose template set and view did not
//! change (and page bodies' Markdown while their links lead where they did), the outputs the
//! search index (only documents that differ are replaced) and the pages the origin check found
//! clean. A configuration change empties the render cache. Either way the output is what a
//! build without a cache gives; `tests/serve.rs` checks that byte for byte.
//!
//! Why a page's text reaches nothing but its own page and its search document: other pages
//! show what the model holds of a page (title, summary, topics, dates, address), which comes
//! from its front matter; its body is read only by its own page and by search.

mod cards;
mod crumbs;
mod front_matter;
mod headings;
mod partial;
mod plans;
mod services;
mod sessions;
mod splice;
mod templates;
mod text;
mod topics;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use super::{BuildOptions, Built, Made, Reuse, Stage, stages};
use crate::check;
use crate::error::Error;
use crate::load::{KnownPages, Sources};
use crate::output::origins::CleanPages;
use crate::output::search::kept::{KeptIndex, SearchFiles};
use crate::output::search::layout::{MANIFEST, RECORDS, SHARDS};
use crate::output::{Contents, Output, OutputFile, links, origins};
use crate::render::RenderedPage;
use crate::render::cache::{CacheStats, RenderCache};
use crate::render::markdown::SiteLink;
use text::{apply_page_text_edits, read_again};

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
