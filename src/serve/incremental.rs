//! Rebuilds for `serve`. An edit to the text of pages already in the site (their front
//! matter unchanged, nothing else in the batch) is applied to what the last build kept: the
//! pages are read and rendered again, their search documents replaced in the kept index, and
//! every other file is the last build's. Anything else runs the whole pipeline, taking from
//! the last build the pages the watcher did not name, its search index (only documents that
//! differ are replaced), page bodies' Markdown (while their links lead where they did) and
//! pages whose template set and view did not change (the render cache; a configuration
//! change empties it). Either way the output is what a full build gives; the tests in
//! `tests/serve.rs` check that byte for byte.
//!
//! Why a page's text reaches nothing but its own page and its search document: other pages
//! show what the model holds of a page (title, summary, topics, dates, address), which comes
//! from its front matter; its body is read only by its own page and by search.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diag::Diagnostics;
use crate::error::Error;
use crate::load::page::parse_page;
use crate::load::{KnownPages, Sources, read_source};
use crate::output::search::documents::page_document;
use crate::output::search::kept::{KeptIndex, SearchFiles};
use crate::output::search::layout::{MANIFEST, RECORDS, SHARDS};
use crate::output::{Contents, Output, OutputFile, links, origins};
use crate::pipeline::{BuildOptions, Carried, Memos, Parts, build_parts};
use crate::render::cache::CacheStats;
use crate::render::render_one_page;

use super::watch::Batch;

/// Rebuilds one site again and again, keeping what can be reused.
#[derive(Debug)]
pub struct Rebuilder {
    options: BuildOptions,
    memos: Memos,
    /// What the last good build left, while it still describes the site.
    kept: Option<Kept>,
}

/// The last good build's model (with its sources), templates, search index and output.
#[derive(Debug)]
struct Kept {
    parts: Parts,
    search: KeptIndex,
    output: Arc<Output>,
}

/// How a rebuild was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuild {
    /// Only the edited pages' text was applied to the last build.
    PageText,
    /// The whole pipeline ran.
    Full,
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// The new output.
    pub output: Arc<Output>,
    /// How long it took.
    pub elapsed: Duration,
    /// Pages rendered and pages reused.
    pub stats: CacheStats,
    /// How.
    pub how: Rebuild,
    /// The model's warnings (the last full build's, when only page text changed).
    pub warnings: Diagnostics,
}

impl Rebuilder {
    /// A rebuilder for the site `options` describe; nothing is cached yet.
    pub fn new(options: BuildOptions) -> Rebuilder {
        Rebuilder {
            options,
            memos: Memos::default(),
            kept: None,
        }
    }

    /// Builds the site as it is on disk now, after the changes in `batch`.
    pub fn rebuild(&mut self, batch: &Batch) -> Result<Rebuilt, Error> {
        let started = Instant::now();
        let mut carried = Carried::default();
        if let Some(mut kept) = self.kept.take() {
            if let Some(edited) = apply_page_text_edits(&mut kept, batch, &self.memos) {
                let pages = kept.output.page_count;
                let warnings = kept.parts.warnings.clone();
                self.kept = Some(kept);
                let stats = CacheStats {
                    misses: edited.pages,
                    hits: pages - edited.pages,
                };
                return Ok(Rebuilt {
                    output: edited.output,
                    elapsed: started.elapsed(),
                    stats,
                    how: Rebuild::PageText,
                    warnings,
                });
            }
            carried = carry_over(kept, batch);
        }
        let cache = &self.memos.render;
        if batch.config {
            cache.clear();
        }
        cache.start_build();
        let mut parts = build_parts(&self.options, Some(&self.memos), &|_| {}, Some(carried))
            .inspect_err(|_| cache.abandon_build())?;
        let output = Arc::new(std::mem::take(&mut parts.output));
        let warnings = parts.warnings.clone();
        if let Some(search) = parts.search.take() {
            self.kept = Some(Kept {
                parts,
                search,
                output: Arc::clone(&output),
            });
        }
        Ok(Rebuilt {
            output,
            elapsed: started.elapsed(),
            stats: cache.stats(),
            how: Rebuild::Full,
            warnings,
        })
    }
}

/// What the whole pipeline can take from `kept`: its search index, and its pages but those
/// under the paths `batch` names (none if the watcher lost events, or on a configuration
/// change, whose overrides and options may read pages differently).
fn carry_over(kept: Kept, batch: &Batch) -> Carried {
    let search = Some(kept.search);
    let sources = Arc::try_unwrap(kept.parts.site.sources).ok();
    let pages = match sources {
        Some(sources) if !batch.rescan && !batch.config => {
            KnownPages::new(sources.pages, batch.paths.clone())
        }
        _ => KnownPages::default(),
    };
    Carried { pages, search }
}

/// The output after an edit to pages' text, and how many pages were rendered.
struct Edited {
    output: Arc<Output>,
    pages: usize,
}

/// Applies `batch` to `kept` if it only changes the text of pages the site has, and every
/// edited page renders without a problem; `None` otherwise. Then the caller runs the whole
/// pipeline: `kept`'s model may be half changed, but its search index is untouched until
/// nothing can fail, so the pipeline can update it.
fn apply_page_text_edits(kept: &mut Kept, batch: &Batch, memos: &Memos) -> Option<Edited> {
    if batch.config || batch.rescan {
        return None;
    }
    let edited = reread_page_texts(Arc::get_mut(&mut kept.parts.site.sources)?, batch)?;
    if edited.is_empty() {
        return Some(Edited {
            output: Arc::clone(&kept.output),
            pages: 0,
        });
    }
    let site = &kept.parts.site;
    let mut pages = Vec::new();
    let mut documents = Vec::new();
    let mut site_links = Vec::new();
    for raw in &edited {
        let page = site.pages.iter().find(|p| p.raw == *raw)?;
        let (html, links) = render_one_page(site, &kept.parts.templates, page).ok()?;
        documents.extend(page_document(site, page));
        pages.push(html);
        site_links.extend(links);
    }
    if !origins::check_page_origins(&site.sources, &pages, Some(&memos.clean_pages)).is_empty() {
        return None;
    }
    // The files are the last build's but for the shards, whose number may change: a link
    // there is left to the whole pipeline.
    let resolves = |path: &str| {
        !path.trim_start_matches('/').starts_with(SHARDS) && links::resolves(&kept.output, path)
    };
    if !site_links.iter().all(|link| resolves(&link.path)) {
        return None;
    }
    // Links written as HTML in the page's text are checked as a build checks them: any that
    // leads nowhere is left to the whole pipeline, which reports it.
    let all_lead_somewhere = pages.iter().all(|page| {
        links::page_links(&page.html, &kept.output.urls)
            .iter()
            .all(|link| matches!(link, links::PageLink::Site(path) if resolves(path)))
    });
    if !all_lead_somewhere {
        return None;
    }
    if !documents.iter().all(|d| kept.search.has(d)) {
        return None;
    }
    for document in documents {
        kept.search.replace(document);
    }
    let replaced = pages
        .iter()
        .map(|page| {
            (
                page.url.output_file(),
                Arc::new(page.html.clone().into_bytes()),
            )
        })
        .collect();
    let output = Arc::new(patched(&kept.output, replaced, kept.search.lay_out()));
    kept.output = Arc::clone(&output);
    Some(Edited {
        output,
        pages: pages.len(),
    })
}

/// Reads the pages `batch` names again into `sources`; their indexes in `sources.pages`, or
/// `None` if the batch holds anything but pages the site has whose front matter is unchanged.
fn reread_page_texts(sources: &mut Sources, batch: &Batch) -> Option<Vec<usize>> {
    let mut edited = Vec::new();
    for path in &batch.paths {
        let raw = sources.pages.iter().position(|p| p.file.path == *path)?;
        let old = &sources.pages[raw];
        let file = read_source(&sources.root, &sources.root.join(path)).ok()?;
        if file.text == old.file.text {
            continue;
        }
        let new = parse_page(file, old.content_path.clone()).ok()?;
        if new.head() != old.head() {
            return None;
        }
        sources.pages[raw] = new;
        edited.push(raw);
    }
    Some(edited)
}

/// `previous` with files `replaced` and the search files laid out again.
fn patched(
    previous: &Output,
    replaced: Vec<(String, Arc<Vec<u8>>)>,
    search: SearchFiles,
) -> Output {
    let mut replaced: BTreeMap<String, Arc<Vec<u8>>> = replaced.into_iter().collect();
    replaced.insert(MANIFEST.to_owned(), search.manifest);
    let mut files: Vec<OutputFile> = previous
        .files
        .iter()
        .map(|file| match replaced.get(&file.path) {
            Some(bytes) => OutputFile {
                path: file.path.clone(),
                contents: Contents::Bytes(Arc::clone(bytes)),
            },
            None => file.clone(),
        })
        .collect();
    // Shards and records are each one run of the sorted files: the new run takes its place.
    for (prefix, run) in [(SHARDS, search.shards), (RECORDS, search.records)] {
        let start = files.partition_point(|f| f.path.as_str() < prefix);
        let end = start
            + files[start..]
                .iter()
                .take_while(|f| f.path.starts_with(prefix))
                .count();
        files.splice(
            start..end,
            run.into_iter().map(|(path, bytes)| OutputFile {
                path,
                contents: Contents::Bytes(bytes),
            }),
        );
    }
    Output {
        files,
        page_count: previous.page_count,
        urls: previous.urls.clone(),
    }
}

/// The output paths whose contents differ between two builds: generated files compared by
/// bytes, static files by source and by whether the batch touched that source.
pub fn changed_paths(
    old: &Output,
    new: &Output,
    batch: &Batch,
    root: &std::path::Path,
) -> BTreeSet<String> {
    let touched: BTreeSet<_> = batch.paths.iter().map(|p| root.join(p)).collect();
    let mut changed = BTreeSet::new();
    // Both lists are sorted by path: walk them side by side.
    let (mut old_files, mut new_files) = (old.files.iter().peekable(), new.files.iter().peekable());
    loop {
        let order = match (old_files.peek(), new_files.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(a), Some(b)) => a.path.cmp(&b.path),
        };
        let (gone_or_changed, same) = match order {
            Ordering::Less => (old_files.next(), false),
            Ordering::Greater => (new_files.next(), false),
            Ordering::Equal => {
                let (a, b) = (old_files.next(), new_files.next());
                let same = match (a.map(|f| &f.contents), b.map(|f| &f.contents)) {
                    (Some(Contents::Bytes(a)), Some(Contents::Bytes(b))) => {
                        Arc::ptr_eq(a, b) || a == b
                    }
                    (Some(Contents::Asset(a)), Some(Contents::Asset(b))) => {
                        same_asset(a, b, &touched)
                    }
                    _ => false,
                };
                (b, same)
            }
        };
        if let (Some(file), false) = (gone_or_changed, same) {
            changed.insert(file.path.clone());
        }
    }
    changed
}

fn same_asset(
    a: &crate::load::AssetSource,
    b: &crate::load::AssetSource,
    touched: &BTreeSet<std::path::PathBuf>,
) -> bool {
    use crate::load::AssetSource::{Disk, Embedded};
    match (a, b) {
        (Disk(a), Disk(b)) => a == b && !touched.contains(b),
        (Embedded(a), Embedded(b)) => a == b,
        _ => false,
    }
}
